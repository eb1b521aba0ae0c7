"""The shared check of the text rules that report network conflicts (not a rule family itself).

A conflict is reported by the text rule that owns it (:func:`chrono.text.claims.conflict_owner`):
the most specific kind of statement in its chain. The chain is the explanation, and the finding
cites every statement's words, the latest in the text first.
"""

from __future__ import annotations

from collections.abc import Iterator

from chrono.model import EventExists, Finding, Span
from chrono.network import Conflict
from chrono.periods import format_length
from chrono.rulebase import Analysis, Rule
from chrono.text.claims import conflict_owner


def explanation(analysis: Analysis, conflict: Conflict) -> list[tuple[str, Span | None]]:
    steps: list[tuple[str, Span | None]] = []
    for index in conflict.claims:
        claim = analysis.claims[index]
        text = claim.describe()
        if isinstance(claim, EventExists):
            text = f"(implied) {text}"
        steps.append((text, claim.span))
    return steps


def spans(analysis: Analysis, conflict: Conflict) -> list[Span]:
    """The latest statement in the text first, then the others in text order."""
    explicit = [i for i in conflict.claims if i not in analysis.structural] or list(conflict.claims)
    # the statement that ends latest in the text (the longest of those ending together)
    primary = max(explicit, key=lambda i: (analysis.claims[i].span.end, -analysis.claims[i].span.start, i))
    first = analysis.claims[primary].span
    out = [Span(first.start, first.end, "primary")]
    seen = {(first.start, first.end)}
    for index in sorted(explicit, key=lambda i: analysis.claims[i].span.start):
        span = analysis.claims[index].span
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(Span(span.start, span.end, "chain"))
    return out


class ConflictRule(Rule):
    """Base of the rules that report the conflicts they own."""

    what = "statements that cannot all be true"

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        if analysis.solution is None:
            return
        reported: set[tuple[int, int]] = set()
        for conflict in analysis.solution.conflicts:
            if conflict_owner(analysis.claims, conflict.claims) != self.code:
                continue
            cited = spans(analysis, conflict)
            if (cited[0].start, cited[0].end) in reported:
                continue  # another chain through the same words: one finding is enough
            reported.add((cited[0].start, cited[0].end))
            count = len([i for i in conflict.claims if i not in analysis.structural])
            message = (
                f"{self.what}: {count} statements cannot all be true; they miss by at least "
                f"{format_length(conflict.shortfall)}"
            )
            yield self.finding(analysis, message, cited, explanation(analysis, conflict))
