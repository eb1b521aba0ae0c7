"""Weak claims (uncertain readings) never hide a conflict of certain ones, and every conflict
they take part in contains one of them, which is the claim set aside."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.model import Claim, EventExists, Part, PeriodClaim, Qualifier, Span
from chrono.network import NodeIndex, solve
from chrono.periods import parse_value

from ..strategies import networks
from .test_network_properties import _consistent

SPAN = Span(0, 0)


def _in(event: str, value: str) -> PeriodClaim:
    return PeriodClaim(event, Part.WHOLE, Qualifier.IN, parse_value(value), SPAN)


def test_a_weak_claim_does_not_hide_a_certain_conflict() -> None:
    claims: list[Claim] = [EventExists("x", SPAN), _in("x", "2023"), _in("x", "2024"), _in("x", "2025")]
    nodes = NodeIndex(["x"])
    # claim 1 is weak: without grades the solver would report {1, 2} and set 2 aside, then {1, 3}
    solution = solve(claims, nodes, structural=frozenset({0}), weak=frozenset({1}))
    first, *rest = solution.conflicts
    assert set(first.claims) == {2, 3}  # the certain conflict, found as if claim 1 were not there
    assert all(1 in conflict.claims for conflict in rest)


def test_a_conflict_that_needs_a_weak_claim_sets_the_weak_claim_aside() -> None:
    claims: list[Claim] = [EventExists("x", SPAN), _in("x", "2024"), _in("x", "2025")]
    solution = solve(claims, NodeIndex(["x"]), structural=frozenset({0}), weak=frozenset({1}))
    (conflict,) = solution.conflicts
    assert set(conflict.claims) == {1, 2}
    assert solution.dropped == frozenset({1})  # the certain date stands; the bounds keep 2025
    assert solution.bounds["x"].earliest_start == parse_value("2025").start


@settings(max_examples=1500)  # conflicts with weak claims in them need many random networks
@given(networks(), st.data())
def test_grades_partition_the_conflicts(network: tuple[list[str], list[Claim]], data: st.DataObject) -> None:
    events, claims = network
    nodes = NodeIndex(events)
    structural = frozenset(i for i, c in enumerate(claims) if isinstance(c, EventExists))
    choosable = [i for i in range(len(claims)) if i not in structural]
    weak = frozenset(data.draw(st.sets(st.sampled_from(choosable)))) if choosable else frozenset()
    graded = solve(claims, nodes, structural=structural, weak=weak)
    certain = [c for i, c in enumerate(claims) if i not in weak]
    index = [i for i in range(len(claims)) if i not in weak]
    alone = solve(certain, nodes, structural=frozenset(index.index(i) for i in structural))
    # the conflicts without weak claims are exactly those of the certain claims alone, in order
    without = [tuple(c.claims) for c in graded.conflicts if not set(c.claims) & weak]
    assert without == [tuple(index[k] for k in c.claims) for c in alone.conflicts]
    # and they all come first
    flags = [bool(set(c.claims) & weak) for c in graded.conflicts]
    assert flags == sorted(flags)
    # every conflict is inconsistent, and minimal
    for conflict in graded.conflicts:
        members = [claims[i] for i in conflict.claims]
        assert not _consistent(members, nodes)
        for k in range(len(members)):
            assert _consistent(members[:k] + members[k + 1 :], nodes)
