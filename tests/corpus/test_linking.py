"""The shuffle and reduce of corpus linking (chrono.corpus.linking) on hand-made summaries."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from chrono.corpus.linking import _deepest, contradictions, corpus_contradictions, tellings_by_key
from chrono.corpus.summary import Bounds, DatedFact, LinkedEvent, Summary
from chrono.model import Grade, LocatedSpan

DAY = 86400
MARCH_2025 = (1740787200, 1743465600)
FEB_2024 = (1706745600, 1709251200)


def span(text: str) -> LocatedSpan:
    return LocatedSpan(0, len(text), text, "cited", "", 1, 1, 1, len(text) + 1)


def told(path: str, period: tuple[int, int], *, key: str = "recapture|sudzha", grade: Grade = Grade.STRONG,
         fact_grade: Grade = Grade.STRONG) -> Summary:
    lo, hi = period
    fact = DatedFact(Bounds(lo, hi - 1, lo + 1, hi), f"in {period}", span(f"words of {path}"), fact_grade)
    event = LinkedEvent(key, grade, "why", "label", span("recaptured"), (fact,))
    return Summary(path, (event,))


def test_the_one_document_against_the_others_is_reported_with_a_witness() -> None:
    corpus = [told(f"agree{i}.md", MARCH_2025) for i in range(5)] + [told("odd.md", FEB_2024)]
    found = list(corpus_contradictions(corpus))
    assert [c.telling.path for c in found] == ["odd.md"]
    assert found[0].other.path.startswith("agree")
    assert found[0].agreeing == 5
    assert found[0].shortfall > 300 * DAY
    assert found[0].grade is Grade.STRONG


def test_agreeing_documents_and_other_keys_give_nothing() -> None:
    corpus = [told("a.md", MARCH_2025), told("b.md", MARCH_2025), told("c.md", FEB_2024, key="recapture|pokrovsk")]
    assert list(corpus_contradictions(corpus)) == []


def test_an_uncertain_link_or_reading_grades_the_contradiction_weak() -> None:
    weak_link = [told("a.md", MARCH_2025), told("b.md", MARCH_2025), told("c.md", FEB_2024, grade=Grade.WEAK)]
    assert [c.grade for c in corpus_contradictions(weak_link)] == [Grade.WEAK]
    weak_fact = [told("a.md", MARCH_2025), told("b.md", MARCH_2025), told("c.md", FEB_2024, fact_grade=Grade.WEAK)]
    assert [c.grade for c in corpus_contradictions(weak_fact)] == [Grade.WEAK]


def test_the_reference_decides_against_any_majority() -> None:
    corpus = [told(f"wrong{i}.md", FEB_2024) for i in range(3)] + [told("right.md", MARCH_2025)]
    found = list(corpus_contradictions(corpus, [told("ref.yaml", MARCH_2025)]))
    assert sorted(c.telling.path for c in found) == ["wrong0.md", "wrong1.md", "wrong2.md"]
    assert all(c.other.trusted and c.other.path == "ref.yaml" for c in found)


def test_the_reduce_is_the_same_whatever_the_order_of_the_documents() -> None:
    corpus = [told(f"agree{i}.md", MARCH_2025) for i in range(4)] + [told("odd.md", FEB_2024)]
    groups = tellings_by_key(corpus)
    shuffled = tellings_by_key(list(reversed(corpus)))
    assert contradictions("recapture|sudzha", groups["recapture|sudzha"]) == contradictions(
        "recapture|sudzha", shuffled["recapture|sudzha"]
    )


def test_open_bounds_take_part_in_the_consensus() -> None:
    by_2024 = Bounds(start_hi=FEB_2024[1])
    early = [Summary(f"early{i}.md", (LinkedEvent("k", Grade.STRONG, "w", "l", span("x"),
                                                  (DatedFact(by_2024, "by", span("by Feb 2024"), Grade.STRONG),)),))
             for i in range(3)]
    found = list(corpus_contradictions([*early, told("late.md", MARCH_2025, key="k")]))
    assert [c.telling.path for c in found] == ["late.md"]


def test_the_witness_among_equal_tellings_is_the_first_in_corpus_order_whatever_their_order() -> None:
    agreeing = [told(f"agree{i:02}.md", MARCH_2025) for i in range(30)]
    corpus = [*agreeing, told("odd.md", FEB_2024), told("odder.md", (1577836800, 1580515200))]
    key = "recapture|sudzha"
    expected = contradictions(key, tellings_by_key(corpus)[key])
    assert [(c.telling.path, c.other.path) for c in expected] == [("odd.md", "agree00.md"), ("odder.md", "agree00.md")]
    for seed in range(5):
        shuffled = list(corpus)
        random.Random(seed).shuffle(shuffled)
        assert contradictions(key, tellings_by_key(shuffled)[key]) == expected


intervals = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(0, 20)), st.one_of(st.none(), st.integers(0, 20)),
              st.integers(1, 3)),
    min_size=1, max_size=8,
)


@given(intervals)
def test_the_deepest_point_is_inside_the_most_intervals_and_the_first_such_bound(
    drawn: list[tuple[int | None, int | None, int]],
) -> None:
    counts: dict[tuple[int | None, int | None], int] = {}
    for lo, hi, count in drawn:
        counts[(lo, hi)] = counts.get((lo, hi), 0) + count

    def depth(point: int) -> int:
        return sum(n for (lo, hi), n in counts.items() if (lo is None or lo <= point) and (hi is None or point <= hi))

    point = _deepest(counts)
    if all(lo is None and hi is None for lo, hi in counts):
        assert point is None
        return
    assert point is not None
    best = max(depth(p) for p in range(-1, 22))
    assert depth(point) == best
    # the depth changes only at bounds: the first opening (or first closing) as deep is the one
    bounds = {lo for lo, _ in counts if lo is not None} | {min((hi for _, hi in counts if hi is not None), default=99)}
    assert point in bounds
    assert all(depth(p) < best for p in bounds if p < point)
