"""The shared check of the text rules that report network conflicts (not a rule family itself).

A conflict is reported by the text rule that owns its kind (:func:`chrono.text.claims.conflict_kind`:
the most specific kind of statement in its chain). The chain is the explanation, and the finding
cites every statement's words, the latest in the text first.
"""

from __future__ import annotations

from collections.abc import Iterator

from chrono.analysis import Analysis
from chrono.model import Finding
from chrono.rulebase import Rule
from chrono.text.claims import conflict_kind

from .chains import cited_spans, explanation, graded, how_they_clash, told_already


class ConflictRule(Rule):
    """Base of the rules that report the conflicts they own."""

    what = "statements that cannot all be true"

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        if analysis.solution is None:
            return
        reported: list[tuple[int, int]] = []
        for conflict in analysis.solution.conflicts:
            if conflict_kind(analysis.claims, conflict.claims) not in self.conflict_kinds:
                continue
            cited = cited_spans(analysis, conflict)
            if told_already(reported, cited[0]):
                continue  # another chain through the same words: one finding is enough
            message = f"{self.what}: {how_they_clash(analysis, conflict)}"
            finding = self.finding(analysis, message, cited, explanation(analysis, conflict))
            yield graded(finding, analysis, conflict)
