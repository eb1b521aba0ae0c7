"""Cross-document linking: summaries grouped by key (the shuffle), and each group reduced to the
contradictions in it. Both are pure functions of their input, so a distributed executor can run
``summarize`` per document (map), send each ``(key, Telling)`` to the worker of its key
(shuffle, :func:`tellings_by_key`) and run :func:`contradictions` per key (reduce); the result is
the same as a serial run's: the reduce does not depend on the order a group arrives in.

Cost: linear in the corpus. Each document's events are touched once to group them (no pair of
documents is ever compared blindly), and a group of n tellings with d distinct dates is reduced in
O(n + d log d), where d is the number of different dates written for the event (a few, however
many documents tell it): the tellings are counted by their dates, the point where the most of
them agree is found by a sweep over the distinct dates only, and each telling that excludes it is
checked against the four tellings of that majority that bound it most tightly. Which telling is
cited, among several that bound it as tightly, is decided by document order (path, then place),
by a linear selection instead of a sort of the group; only the contradictions found are sorted.

Which telling is wrong? With a reference timeline, the reference is (chrono.corpus.reference):
every telling that contradicts one of its lines is reported against that line. Among documents,
the tellings that agree with most others are the consensus; each one that cannot hold with a
telling of the consensus is reported, in its own document, against that telling: the finding
cites both documents' words. When no single telling of the consensus contradicts it, nothing is
reported (the lenient reading: never cry wolf).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from chrono.corpus.summary import Bounds, DatedFact, LinkedEvent, Summary
from chrono.gcpause import paused_cyclic_gc
from chrono.model import Grade


@attrs.frozen
class Telling:
    """One document's telling of a linked event: the unit shuffled by key."""

    path: str
    event: LinkedEvent
    trusted: bool = False  # a line of a reference timeline
    # what all its statements say together (computed once: the reduce reads it many times)
    bounds: Bounds = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        facts = self.event.facts
        bounds = facts[0].bounds if len(facts) == 1 else Bounds()  # most tellings date it once
        for fact in facts[1:] if len(facts) == 1 else facts:
            bounds = bounds.meet(fact.bounds)
        object.__setattr__(self, "bounds", bounds)

    def order(self) -> tuple[bool, str, int]:
        """Its place in the corpus: reference lines first, then by document and place in it."""
        return (not self.trusted, self.path, self.event.span.start)


@attrs.frozen
class Contradiction:
    """Two tellings of one key whose dates cannot both hold, and the statements that clash."""

    key: str
    telling: Telling  # the one reported (in its own document)
    facts: tuple[DatedFact, ...]
    other: Telling  # what it contradicts: another document's telling, or a reference line
    other_facts: tuple[DatedFact, ...]
    shortfall: int  # seconds by which they miss, at least
    agreeing: int  # how many documents' tellings agree with ``other`` (the consensus, with it)

    @property
    def grade(self) -> Grade:
        """STRONG only when both links and every statement cited are certain."""
        grades = [self.telling.event.grade, self.other.event.grade]
        grades += [f.grade for f in (*self.facts, *self.other_facts)]
        return min(grades)


def tellings(summary: Summary, *, trusted: bool = False) -> Iterator[tuple[str, Telling]]:
    """The map step's output for one document: (key, telling) for each of its linked events."""
    for event in summary.events:
        yield event.key, Telling(summary.path, event, trusted)


def tellings_by_key(
    summaries: Iterable[Summary], reference: Iterable[Summary] = ()
) -> dict[str, list[Telling]]:
    """The shuffle: every telling under its key (references first), each group in the order
    the summaries come (the reduce does not depend on it)."""
    groups: dict[str, list[Telling]] = {}
    for summary in reference:
        for key, telling in tellings(summary, trusted=True):
            groups.setdefault(key, []).append(telling)
    for summary in summaries:
        for key, telling in tellings(summary):
            groups.setdefault(key, []).append(telling)
    return groups


def _shortfall(a: Bounds, b: Bounds) -> int:
    """By how much two sets of bounds miss each other (0 when they fit)."""
    both = a.meet(b)
    misses = [0]
    for lo, hi in ((both.start_lo, both.start_hi), (both.end_lo, both.end_hi), (both.start_lo, both.end_hi)):
        if lo is not None and hi is not None:
            misses.append(lo - hi)
    return max(misses)


def _clashing(one: Telling, other: Telling) -> tuple[tuple[DatedFact, ...], tuple[DatedFact, ...]] | None:
    """The statements of two tellings that cannot hold together: one of each when a pair is
    enough (as it nearly always is), else all of both; None when they fit."""
    if not one.bounds.meet(other.bounds).empty():
        return None
    for fact in one.event.facts:
        for other_fact in other.event.facts:
            if fact.bounds.meet(other_fact.bounds).empty():
                return (fact,), (other_fact,)
    return one.event.facts, other.event.facts


Interval = tuple[int | None, int | None]


def _deepest(intervals: Mapping[Interval, int]) -> int | None:
    """The leftmost point inside the most closed intervals, each counted as many times as given
    (None: every point is as good).

    The depth of a point p is the number of intervals opened at or before p less those closed
    before p; it is highest at an opening (or, for intervals open to the left, at the first
    closing), so only those points are tried, in one sweep over the distinct bounds."""
    opens: dict[int, int] = {}
    closes: dict[int, int] = {}
    open_left = 0
    for (lo, hi), count in intervals.items():
        if lo is None:
            open_left += count
        else:
            opens[lo] = opens.get(lo, 0) + count
        if hi is not None:
            closes[hi] = closes.get(hi, 0) + count
    if not opens and not closes:
        return None
    los, his = sorted(opens), sorted(closes)
    candidates = sorted({*los, *his[:1]})
    best, best_depth = None, -1
    opened = closed = i = j = 0
    for point in candidates:
        while i < len(los) and los[i] <= point:
            opened += opens[los[i]]
            i += 1
        while j < len(his) and his[j] < point:
            closed += closes[his[j]]
            j += 1
        depth = open_left + opened - closed
        if depth > best_depth:
            best, best_depth = point, depth
    return best


def _contains(lo: int | None, hi: int | None, point: int | None) -> bool:
    return point is None or ((lo is None or lo <= point) and (hi is None or point <= hi))


def _against(
    telling: Telling, candidates: Sequence[Telling], key: str, agreeing: int
) -> Contradiction | None:
    for other in candidates:
        if other.path == telling.path and not other.trusted:
            continue  # one document against itself is its own rules' business
        clash = _clashing(telling, other)
        if clash is not None:
            shortfall = _shortfall(telling.bounds, other.bounds)
            return Contradiction(key, telling, clash[0], other, clash[1], shortfall, agreeing)
    return None


def _by_bounds(tellings: Iterable[Telling]) -> dict[Bounds, list[Telling]]:
    """The tellings of each distinct set of bounds (a group of thousands has a few)."""
    groups: dict[tuple[int | None, ...], list[Telling]] = {}
    for telling in tellings:  # grouped by the four numbers (compared in C, not by Bounds.__eq__)
        groups.setdefault(_DATES(telling), []).append(telling)
    return {group[0].bounds: group for group in groups.values()}


_DATES = operator.attrgetter("bounds.start_lo", "bounds.start_hi", "bounds.end_lo", "bounds.end_hi")


# the corpus order of a document's tellings (never a reference line's): by document, then place
_TOLD_ORDER = operator.attrgetter("path", "event.span.start")


def _tightest(consensus: Mapping[Bounds, list[Telling]]) -> list[Telling]:
    """The tellings of the consensus that bound it most tightly, each way (the first in corpus
    order where several do): an outlier that clashes with any telling of the consensus clashes
    with one of these. Most often one set of bounds is the tightest every way."""
    firsts: dict[Bounds, Telling] = {}  # the first telling of each set of bounds, found once
    chosen = []
    for looseness in _LOOSENESS:
        tightest = min(looseness(b) for b in consensus)
        for b in consensus:
            if looseness(b) == tightest and b not in firsts:
                firsts[b] = min(consensus[b], key=_TOLD_ORDER)
        at_it = [firsts[b] for b in consensus if looseness(b) == tightest]
        chosen.append(min(at_it, key=_TOLD_ORDER))
    return list(dict.fromkeys(chosen))


# how far each bound lets an event's dates go (the latest start allowed, the earliest, ...)
_LOOSENESS: tuple[Callable[[Bounds], float], ...] = (
    lambda b: -_low(b.start_lo),
    lambda b: _high(b.start_hi),
    lambda b: -_low(b.end_lo),
    lambda b: _high(b.end_hi),
)


def contradictions(key: str, group: Sequence[Telling]) -> list[Contradiction]:
    """The reduce step for one key: each telling that cannot hold with the reference or with the
    consensus of the others, with what it contradicts (in corpus order, whatever the order of
    ``group``)."""
    by_bounds = _by_bounds(group)
    # a telling at odds with itself is its own rules' business
    usable = {b: tellings for b, tellings in by_bounds.items() if not b.empty()}
    trusted = sorted((t for tellings in usable.values() for t in tellings if t.trusted), key=Telling.order)
    against_reference: list[Contradiction] = []
    remaining: dict[Bounds, list[Telling]] = {}
    for bounds, tellings in usable.items():
        told = [t for t in tellings if not t.trusted] if trusted else tellings
        if not told:
            continue
        if trusted and any(bounds.meet(t.bounds).empty() for t in trusted):
            for telling in told:
                against = _against(telling, trusted, key, 0)
                if against is not None:
                    against_reference.append(against)
        else:
            remaining[bounds] = told
    found = sorted(against_reference, key=lambda c: c.telling.order())
    if not _several_documents(t for tellings in remaining.values() for t in tellings):
        return found
    # the start most tellings allow, then the end (no earlier) most of those allow
    start = _deepest(_tally(((b.start_lo, b.start_hi), len(tellings)) for b, tellings in remaining.items()))
    starting = [b for b in remaining if _contains(b.start_lo, b.start_hi, start)]
    end = _deepest(_tally(((_max(b.end_lo, start), b.end_hi), len(remaining[b])) for b in starting))
    consensus: dict[Bounds, list[Telling]] = {}
    outliers: list[Telling] = []
    for b, tellings in remaining.items():
        if _contains(b.start_lo, b.start_hi, start) and _contains(b.end_lo, b.end_hi, end):
            consensus[b] = tellings
        else:
            outliers.extend(tellings)
    if not consensus or not outliers:
        return found
    tightest = _tightest(consensus)
    agreeing = len({t.path for tellings in consensus.values() for t in tellings})
    disagreeing = []
    for telling in outliers:
        against = _against(telling, tightest, key, agreeing)
        if against is not None:
            disagreeing.append(against)
    return found + sorted(disagreeing, key=lambda c: c.telling.order())


def _several_documents(tellings: Iterable[Telling]) -> bool:
    paths = map(_PATH, tellings)
    first = next(paths, None)
    return any(path != first for path in paths)


_PATH = operator.attrgetter("path")


def _tally(intervals: Iterable[tuple[Interval, int]]) -> dict[Interval, int]:
    """How many tellings give each interval."""
    counts: dict[Interval, int] = {}
    for interval, count in intervals:
        counts[interval] = counts.get(interval, 0) + count
    return counts


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _low(value: int | None) -> float:
    return float("-inf") if value is None else value


def _high(value: int | None) -> float:
    return float("inf") if value is None else value


def corpus_contradictions(
    summaries: Iterable[Summary], reference: Iterable[Summary] = ()
) -> Iterator[Contradiction]:
    """Every contradiction of a corpus, key by key (serially: shuffle, then reduce each group)."""
    # the shuffle and the reduce build only acyclic values, in proportion to the corpus: cyclic
    # collections meanwhile would rescan every object of the run (all analyses) again and again
    with paused_cyclic_gc():
        groups: Mapping[str, list[Telling]] = tellings_by_key(summaries, reference)
        found = [c for key in sorted(groups) for c in contradictions(key, groups[key])]
    yield from found
