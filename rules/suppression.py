"""Suppression rules: inline ``chrono: ignore`` comments that no longer hide anything."""

from __future__ import annotations

from collections.abc import Iterator

from chrono.analysis import Analysis
from chrono.model import Finding, Severity
from chrono.problems import ProblemKind
from chrono.rulebase import Rule


class UnusedSuppression(Rule):
    """
    What it does
        Reports an inline suppression comment (``# chrono: ignore[CHR201]`` in YAML,
        ``<!-- chrono: ignore[CHR201] -->`` in Markdown and HTML, or the bare
        ``chrono: ignore``) that suppresses no finding, and rule codes in it that name no rule.
        The check runs after every other rule; codes of rules that are switched off for the
        file are not reported. In Markdown, a comment inside code (a fenced or indented code
        block, or an inline code span) is an example of the syntax: it suppresses nothing and
        is not reported.

    Why it matters
        A suppression outlives the problem it hid: once the date is corrected the comment
        stays, and later it silently hides a new, real contradiction on the same line.

    Example
        Fails (the two dates agree, so there is nothing to ignore)::

            - {id: talks, start: 2025-03, end: 2025-04}  # chrono: ignore[CHR201]

        Passes::

            - {id: talks, start: 2025-03, end: 2025-04}

    How to fix
        Delete the comment, or the codes in it that are reported; correct misspelt codes
        (``chrono rules`` lists them).
    """

    code = "CHR004"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "an inline `chrono: ignore` comment that suppresses nothing"
    problem_kinds = frozenset({ProblemKind.UNUSED_SUPPRESSION})

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        # Reported by the runner once all other findings of the file are known
        # (chrono.suppressions.apply), not from a single document's analysis.
        return iter(())
