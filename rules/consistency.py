"""Consistency rules: claims that cannot all be true on one timeline."""

from __future__ import annotations

from collections.abc import Iterator

from chrono.analysis import Analysis
from chrono.model import DurationClaim, Finding, PeriodClaim, Severity
from chrono.network import Conflict, claim_events
from chrono.periods import format_shortfall
from chrono.rulebase import Rule
from chrono.text.claims import conflict_kind

from .chains import cited_spans, explanation, graded, how_they_clash, told_already


def _owned_by_text_rule(analysis: Analysis, conflict: Conflict) -> bool:
    """Conflicts that a more specific text rule reports (chrono.text.claims.conflict_kind)."""
    return conflict_kind(analysis.claims, conflict.claims) is not None


def _is_single_event(analysis: Analysis, conflict: Conflict) -> str | None:
    """The event id if every claim of the conflict is about one event alone."""
    events = {event for index in conflict.claims for event in claim_events(analysis.claims[index])}
    return next(iter(events)) if len(events) == 1 else None


class InconsistentClaims(Rule):
    """
    What it does
        Reports a set of dated statements that cannot all be true on one timeline, as the
        minimal chain of statements behind the contradiction: drop any one of them and the
        rest fit together. The message says by how much they miss.

    Why it matters
        Each statement may look fine on its own; the error only shows when they are put
        together, which is exactly what a reader (or an editor) fails to do across a long
        document.

    Example
        Fails::

            events:
              - {id: capture, on: 2024-08}
              - {id: recapture, end: by 2024-03}
            relations:
              - recapture after capture

        Passes with ``end: by 2025-03``.

    How to fix
        Read the chain: one of its statements is wrong. Correct the date or the relation that
        your sources do not support; if a statement was meant loosely, say so (``by``,
        ``about``, ``early``) instead of giving an exact date.
    """

    code = "CHR201"
    name = "inconsistent-claims"
    severity = Severity.ERROR
    summary = "statements that cannot all be true together"

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        if analysis.solution is None:
            return
        reported: list[tuple[int, int]] = []
        for conflict in analysis.solution.conflicts:
            if _is_single_event(analysis, conflict) or _owned_by_text_rule(analysis, conflict):
                continue
            cited = cited_spans(analysis, conflict)
            if told_already(reported, cited[0]):
                continue  # another chain through the same words: one finding is enough
            finding = self.finding(analysis, how_they_clash(analysis, conflict), cited,
                                   explanation(analysis, conflict))
            yield graded(finding, analysis, conflict)


class EndsBeforeStarts(Rule):
    """
    What it does
        Reports an event whose own dates make it end before it starts (and one whose stated
        duration does not fit between its start and end).

    Why it matters
        Swapped or mistyped start and end dates are one of the most common timeline errors,
        and they poison every ordering that involves the event.

    Example
        ``{id: siege, start: 2024-09, end: 2024-06}`` fails;
        ``{id: siege, start: 2024-06, end: 2024-09}`` passes.

    How to fix
        Swap the dates or correct the one that is wrong.
    """

    code = "CHR202"
    name = "ends-before-starts"
    severity = Severity.ERROR
    summary = "an event whose own dates end it before it starts"

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        if analysis.solution is None:
            return
        for conflict in analysis.solution.conflicts:
            event = _is_single_event(analysis, conflict)
            if event is None or _owned_by_text_rule(analysis, conflict):
                continue
            claims = [analysis.claims[i] for i in conflict.claims]
            if any(isinstance(c, PeriodClaim) and c.started_by is not None for c in claims):
                what = "it is said to be going on 'since' a time after the document's own date"
            elif any(isinstance(c, DurationClaim) for c in claims):
                what = "its dates and its duration do not fit together"
            else:
                what = "its dates make it end before it starts"
            miss = format_shortfall(conflict.shortfall)
            message = f"event {event!r}: {what} (they miss by at least {miss})"
            finding = self.finding(
                analysis, message, cited_spans(analysis, conflict), explanation(analysis, conflict)
            )
            yield graded(finding, analysis, conflict)
