"""An independent reading of what each claim means, evaluated on concrete endpoint values.

The network compiles claims to difference constraints; these predicates state the same
meaning directly, so brute-force search over small integer timelines can check the compiler
and the solver against each other.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from chrono.model import (
    Claim,
    DurationClaim,
    EventExists,
    Gap,
    GapClaim,
    Part,
    PeriodClaim,
    Qualifier,
    Relation,
    RelationClaim,
    Side,
)

Assignment = dict[str, tuple[int, int]]  # event -> (start, end)


def _within(value: int, gap: Gap) -> bool:
    return (gap.lower is None or gap.lower <= value) and (gap.upper is None or value <= gap.upper)


def _period_holds(claim: PeriodClaim, s: int, e: int) -> bool:
    lo, hi = claim.period.start, claim.period.end
    q = claim.qualifier
    proper = lo is not None and hi is not None and hi > lo  # a half-open period of some length
    if q is Qualifier.SINCE:
        ok = (lo is None or s >= lo) and (hi is None or s <= hi) and (not proper or s < hi)
        return ok and (claim.ongoing_at is None or e >= claim.ongoing_at) and (
        claim.started_by is None or s < claim.started_by
    ) and (
            claim.started_by is None or s < claim.started_by
        )
    first = e if claim.part is Part.END else s  # the earliest point the claim is about
    last = s if claim.part is Part.START else e  # the latest point the claim is about
    if q is Qualifier.IN:
        ok = (lo is None or first >= lo) and (hi is None or last <= hi)
        if proper and claim.part is not Part.END:
            ok = ok and s < hi  # a start inside [lo, hi) comes before hi
        if proper and claim.part is not Part.START:
            ok = ok and e > lo  # an end inside it comes after lo
    elif q in (Qualifier.BY, Qualifier.UNTIL):
        ok = hi is None or last <= hi
        if proper and q is Qualifier.BY and claim.part is Part.START:
            ok = ok and s < hi  # begun within the period at the latest: before its end
    elif q is Qualifier.BEFORE:
        ok = lo is None or last <= lo
    elif q is Qualifier.AFTER:
        ok = hi is None or first >= hi
    else:  # ON_OR_AFTER
        ok = lo is None or first >= lo
    return ok and (claim.ongoing_at is None or e >= claim.ongoing_at) and (
        claim.started_by is None or s < claim.started_by
    )


_RELATIONS: dict[Relation, Callable[[int, int, int, int], bool]] = {
    Relation.BEFORE: lambda a_s, a_e, b_s, b_e: a_e < b_s,
    Relation.AFTER: lambda a_s, a_e, b_s, b_e: b_e < a_s,
    Relation.IBEFORE: lambda a_s, a_e, b_s, b_e: a_e == b_s,
    Relation.IAFTER: lambda a_s, a_e, b_s, b_e: b_e == a_s,
    Relation.INCLUDES: lambda a_s, a_e, b_s, b_e: a_s <= b_s and b_e <= a_e,
    Relation.DURING_INV: lambda a_s, a_e, b_s, b_e: a_s <= b_s and b_e <= a_e,
    Relation.IS_INCLUDED: lambda a_s, a_e, b_s, b_e: b_s <= a_s and a_e <= b_e,
    Relation.DURING: lambda a_s, a_e, b_s, b_e: b_s <= a_s and a_e <= b_e,
    Relation.BEGINS: lambda a_s, a_e, b_s, b_e: a_s == b_s and a_e <= b_e,
    Relation.BEGUN_BY: lambda a_s, a_e, b_s, b_e: a_s == b_s and b_e <= a_e,
    Relation.ENDS: lambda a_s, a_e, b_s, b_e: a_e == b_e and b_s <= a_s,
    Relation.ENDED_BY: lambda a_s, a_e, b_s, b_e: a_e == b_e and a_s <= b_s,
    Relation.SIMULTANEOUS: lambda a_s, a_e, b_s, b_e: a_s == b_s and a_e == b_e,
    Relation.IDENTITY: lambda a_s, a_e, b_s, b_e: a_s == b_s and a_e == b_e,
    Relation.OVERLAPS: lambda a_s, a_e, b_s, b_e: a_s <= b_e and b_s <= a_e,
}


def _relation_holds(claim: RelationClaim, a: tuple[int, int], b: tuple[int, int]) -> bool:
    (a_s, a_e), (b_s, b_e) = a, b
    if claim.gap is None:
        return _RELATIONS[claim.relation](a_s, a_e, b_s, b_e)
    # with an offset, the offset alone gives the order (no earlier than the other's end)
    distance = a_s - b_e if claim.relation is Relation.AFTER else b_s - a_e
    return distance >= 0 and _within(distance, claim.gap)


def holds(claim: Claim, values: Assignment) -> bool:
    if isinstance(claim, EventExists):
        s, e = values[claim.event]
        return s <= e
    if isinstance(claim, PeriodClaim):
        return _period_holds(claim, *values[claim.event])
    if isinstance(claim, RelationClaim):
        return _relation_holds(claim, values[claim.a], values[claim.b])
    if isinstance(claim, GapClaim):
        first = values[claim.first.event][0 if claim.first.side is Side.START else 1]
        second = values[claim.second.event][0 if claim.second.side is Side.START else 1]
        return _within(second - first, claim.gap)
    if isinstance(claim, DurationClaim):
        s, e = values[claim.event]
        return _within(e - s, claim.gap)
    raise TypeError(claim)


def claim_events(claim: Claim) -> set[str]:
    if isinstance(claim, RelationClaim):
        return {claim.a, claim.b}
    if isinstance(claim, GapClaim):
        return {claim.first.event, claim.second.event}
    return {claim.event}


def satisfiable(claims: list[Claim], events: list[str], domain: range) -> bool:
    """Backtracking search for start/end values in ``domain`` that make every claim true."""
    intervals = [(s, e) for s in domain for e in domain if s <= e]
    # check each claim as soon as the last of its events has a value
    checks: list[list[Claim]] = [[] for _ in events]
    position = {event: i for i, event in enumerate(events)}
    for claim in claims:
        checks[max(position[e] for e in claim_events(claim))].append(claim)
    values: Assignment = {}
    tests = [[functools.partial(holds, claim) for claim in level] for level in checks]

    def extend(level: int) -> bool:
        if level == len(events):
            return True
        name = events[level]
        for interval in intervals:
            values[name] = interval
            for test in tests[level]:
                if not test(values):
                    break
            else:
                if extend(level + 1):
                    return True
        del values[events[level]]
        return False

    return extend(0)
