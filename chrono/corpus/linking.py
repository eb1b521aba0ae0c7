"""Cross-document linking: summaries grouped by key (the shuffle), and each group reduced to the
contradictions in it. Both are pure functions of their input, so a distributed executor can run
``summarize`` per document (map), send each ``(key, Telling)`` to the worker of its key
(shuffle, :func:`tellings_by_key`) and run :func:`contradictions` per key (reduce); the result is
the same as a serial run's, since each key's group is sorted by document before it is reduced.

Cost: each document's events are touched once to group them (no pair of documents is ever
compared blindly), and a group of n tellings is reduced in O(n log n): the point where the most
tellings agree is found by a sweep, and each telling that excludes it is checked against the
four tellings of that majority that bound it most tightly.

Which telling is wrong? With a reference timeline, the reference is (chrono.corpus.reference):
every telling that contradicts one of its lines is reported against that line. Among documents,
the tellings that agree with most others are the consensus; each one that cannot hold with a
telling of the consensus is reported, in its own document, against that telling: the finding
cites both documents' words. When no single telling of the consensus contradicts it, nothing is
reported (the lenient reading: never cry wolf).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence

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
        bounds = Bounds()
        for fact in self.event.facts:
            bounds = bounds.meet(fact.bounds)
        object.__setattr__(self, "bounds", bounds)


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
    """The shuffle: every telling under its key (references first), each group in document order."""
    groups: dict[str, list[Telling]] = {}
    for summary in reference:
        for key, telling in tellings(summary, trusted=True):
            groups.setdefault(key, []).append(telling)
    for summary in summaries:
        for key, telling in tellings(summary):
            groups.setdefault(key, []).append(telling)
    for group in groups.values():
        group.sort(key=lambda t: (not t.trusted, t.path, t.event.span.start))
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


def _deepest(intervals: Sequence[tuple[int | None, int | None]]) -> int | None:
    """The leftmost point inside the most closed intervals (None: every point is as good).

    The depth of a point p is the number of intervals opened at or before p less those closed
    before p; it is highest at an opening (or, for intervals open to the left, at the first
    closing), so only those points are tried, each by bisection in the sorted bounds."""
    los = sorted(lo for lo, _ in intervals if lo is not None)
    his = sorted(hi for _, hi in intervals if hi is not None)
    if not los and not his:
        return None
    open_left = len(intervals) - len(los)
    candidates = [*los, *his[:1]]
    best, best_depth = None, -1
    for point in sorted(set(candidates)):
        depth = open_left + bisect.bisect_right(los, point) - bisect.bisect_left(his, point)
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


def contradictions(key: str, group: Sequence[Telling]) -> list[Contradiction]:
    """The reduce step for one key: each telling that cannot hold with the reference or with the
    consensus of the others, with what it contradicts."""
    found: list[Contradiction] = []
    usable = [t for t in group if not t.bounds.empty()]  # a telling at odds with itself: its own rules
    trusted = [t for t in usable if t.trusted]
    told = [t for t in usable if not t.trusted]
    remaining = []
    for telling in told:
        against = _against(telling, trusted, key, 0)
        if against is not None:
            found.append(against)
        else:
            remaining.append(telling)
    if len({t.path for t in remaining}) < 2:
        return found
    # the start most tellings allow, then the end (no earlier) most of those allow
    start = _deepest([(t.bounds.start_lo, t.bounds.start_hi) for t in remaining])
    starting = [t for t in remaining if _contains(t.bounds.start_lo, t.bounds.start_hi, start)]
    end = _deepest([(_max(t.bounds.end_lo, start), t.bounds.end_hi) for t in starting])
    consensus: list[Telling] = []
    outliers: list[Telling] = []
    for telling in remaining:
        b = telling.bounds
        inside = _contains(b.start_lo, b.start_hi, start) and _contains(b.end_lo, b.end_hi, end)
        (consensus if inside else outliers).append(telling)
    if not consensus:
        return found
    # the tellings of the consensus that bound it most tightly, each way: an outlier that clashes
    # with any telling of the consensus clashes with one of these
    tightest = list(dict.fromkeys([
        max(consensus, key=lambda t: _low(t.bounds.start_lo)),
        min(consensus, key=lambda t: _high(t.bounds.start_hi)),
        max(consensus, key=lambda t: _low(t.bounds.end_lo)),
        min(consensus, key=lambda t: _high(t.bounds.end_hi)),
    ]))
    agreeing = len({t.path for t in consensus})
    for telling in outliers:
        against = _against(telling, tightest, key, agreeing)
        if against is not None:
            found.append(against)
    return found


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
