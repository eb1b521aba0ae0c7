"""What every conflict finding shares: its explanation chain, the spans it cites, its wording.

Used by the generic consistency rules (CHR201, CHR202) and the text rules that own particular
kinds of conflict (rules/text_conflict_base.py). Not a rule family itself.
"""

from __future__ import annotations

import attrs

from chrono.analysis import Analysis
from chrono.model import (
    DurationClaim,
    EventExists,
    Finding,
    GapClaim,
    Grade,
    PeriodClaim,
    Qualifier,
    RelationClaim,
    Severity,
    Span,
    grade_of,
)
from chrono.network import Conflict
from chrono.periods import format_shortfall
from chrono.text.claims import components_of


def explanation(analysis: Analysis, conflict: Conflict) -> list[tuple[str, Span | None]]:
    """Every claim of the minimal set in chain order; the model's own ones marked implied."""
    steps: list[tuple[str, Span | None]] = []
    for index in conflict.claims:
        claim = analysis.claims[index]
        text = claim.describe()
        if isinstance(claim, EventExists):
            text = f"(implied) {text}"
        steps.append((text, claim.span))
    return steps


def cited_spans(analysis: Analysis, conflict: Conflict) -> list[Span]:
    """The primary span first — the explicit statement that ends latest in the document (the
    longest of those ending together) — then the other statements' spans in document order."""
    explicit = [i for i in conflict.claims if i not in analysis.structural] or list(conflict.claims)
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


def told_already(reported: list[tuple[int, int]], primary: Span) -> bool:
    """Is ``primary`` (a finding's first span) within or across the words of one reported
    before? Then the conflict is another chain through the same statements, and one finding is
    enough; if not, it is noted in ``reported``."""
    if any(start < primary.end and primary.start < end for start, end in reported):
        return True
    reported.append((primary.start, primary.end))
    return False


def uncertain(analysis: Analysis, conflict: Conflict) -> bool:
    """Does the conflict rest on an uncertain reading (a weak claim)? Then it is a warning.

    A claim weak only through the links between mentions does not make the conflict uncertain
    when every claim of the conflict about its event rests on the same part of the event's
    chain: "the recount … completed on 14 November … the recount finished on 16 November"
    clash whether or not the recount is the one an uncertain link joined them to."""
    parts: dict[str, set[str]] = {}
    linked_only = False
    for index in conflict.claims:
        claim = analysis.claims[index]
        if not hasattr(claim, "grade"):
            continue  # the model's own claims hold for every mention of the event
        components = components_of(claim)
        if grade_of(claim) is Grade.WEAK:
            if components is None:
                return True
            linked_only = True
        for event in _events_of(claim):
            parts.setdefault(event, set()).add((components or {}).get(event, ""))
    return linked_only and any(len(found) > 1 for found in parts.values())


def _events_of(claim: object) -> tuple[str, ...]:
    if isinstance(claim, GapClaim):
        return (claim.first.event, claim.second.event)
    if isinstance(claim, RelationClaim):
        return (claim.a, claim.b)
    event = getattr(claim, "event", None)
    return (event,) if isinstance(event, str) else ()


def graded(finding: Finding, analysis: Analysis, conflict: Conflict) -> Finding:
    """The finding as it may be reported: a conflict that rests on an uncertain reading is a
    warning at most, and says so."""
    if finding.severity <= Severity.WARNING:
        return finding
    if uncertain(analysis, conflict):
        doubt = "a link in this chain is uncertain: check it before you correct anything"
    elif years_read(analysis, conflict):
        doubt = ("the dates are more than a year apart and the year of one is read, not written: "
                 "two events, or a year read wrong, more likely than one misdated: check it")
    else:
        return finding
    return attrs.evolve(finding, severity=Severity.WARNING, message=f"{finding.message} ({doubt})")


# A slip in one date is a day counted wrong, a weekday or a month copied from elsewhere, a year
# typed wrong or two digits swapped ("1978" for "1987"), each written out. A clash of more than a
# year through a date whose year is not written ("on Sunday 10 April", "the day before", "at
# 11.10pm") is far more often a misreading: a history's event joined to this year's, or a
# year-less date placed in the document's year ("Fifty years ago today, on Good Friday, 12 April
# 1974" against a Good Friday read in this one).
_YEARS_APART = 400 * 86_400


def years_read(analysis: Analysis, conflict: Conflict) -> bool:
    """Does the conflict miss by more than a year through a date whose year the text of its
    claim does not write?"""
    if conflict.shortfall < _YEARS_APART:
        return False
    return any(_year_not_written(analysis.claims[i]) for i in conflict.claims)


def _year_not_written(claim: object) -> bool:
    """Is the claim the dating of an event in a period whose year its words do not write?"""
    words = getattr(claim, "words", None)
    if not isinstance(claim, PeriodClaim) or claim.qualifier is not Qualifier.IN or not words or getattr(
            claim, "year_from_dct", False):
        return False
    year = claim.period.value[:4]
    if not (len(year) == 4 and year.isdigit()):
        return False
    return year not in words and not any(f"{mark}{year[2:]}" in words for mark in "'’")


def how_they_clash(analysis: Analysis, conflict: Conflict) -> str:
    """'N statements cannot all be true: they miss by at least 122 days' (N counts the implied
    ones too, so that it matches the numbered chain)."""
    claims = [analysis.claims[i] for i in conflict.claims]
    metric = any(
        isinstance(c, PeriodClaim | DurationClaim | GapClaim) or (isinstance(c, RelationClaim) and c.gap)
        for c in claims
    )
    if not metric:
        # Orderings alone can only miss by coming round to where the chain started.
        how = "their orderings run in a circle"
    elif conflict.shortfall < 60:
        # e.g. "by July" against "after something in August": not even a second to spare
        how = "the dates leave no room for the order they state"
    else:
        how = f"they miss by at least {format_shortfall(conflict.shortfall)}"
    if len(claims) == 1:
        return f"this statement cannot be true: {how}"
    return f"{len(claims)} statements cannot all be true: {how}"
