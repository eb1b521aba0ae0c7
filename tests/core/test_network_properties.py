"""Property tests: the network's verdicts, explanations and bounds against brute force."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.model import (
    Claim,
    DurationClaim,
    Endpoint,
    EventExists,
    Gap,
    GapClaim,
    Part,
    PeriodClaim,
    Qualifier,
    Relation,
    RelationClaim,
    Side,
    Span,
)
from chrono.network import (
    Graph,
    NodeIndex,
    _Junctions,
    _uncut_verdicts,
    claim_edges,
    consistent,
    find_negative_cycle,
    minimal_conflict,
    solve,
)
from chrono.periods import Period

from .semantics import holds, satisfiable

DOMAIN = range(4)  # every endpoint lives in 0..3
SPAN = Span(0, 0)


@st.composite
def gaps(draw: st.DrawFn) -> Gap:
    lower = draw(st.one_of(st.none(), st.integers(0, 3)))
    upper = draw(st.one_of(st.none(), st.integers(lower or 0, 3)))
    return Gap(lower, upper)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.integers(-1, 4))
    end = draw(st.integers(start, 5))
    return Period(start, end)


@st.composite
def networks(draw: st.DrawFn, max_events: int = 6) -> tuple[list[str], list[Claim]]:
    count = draw(st.integers(1, max_events))
    events = [f"e{i}" for i in range(count)]
    claims: list[Claim] = []
    for event in events:
        claims.append(EventExists(event, SPAN))
        # the domain bound makes brute force over DOMAIN exact
        claims.append(
            PeriodClaim(event, Part.WHOLE, Qualifier.IN, Period(DOMAIN.start, DOMAIN.stop - 1), SPAN)
        )
    extra = draw(st.integers(0, 2 * count + 2))
    for _ in range(extra):
        kind = draw(st.sampled_from(["period", "relation", "relation", "gap", "duration"]))
        a = draw(st.sampled_from(events))
        if kind == "period":
            qualifier = draw(st.sampled_from(list(Qualifier)))
            since = qualifier is Qualifier.SINCE
            ongoing = draw(st.one_of(st.none(), st.integers(0, 3))) if since else None
            started_by = draw(st.one_of(st.none(), st.integers(0, 4))) if since else None
            part = draw(st.sampled_from(list(Part)))
            claims.append(PeriodClaim(a, part, qualifier, draw(periods()), SPAN, ongoing, started_by))
        elif kind == "relation":
            relation = draw(st.sampled_from(list(Relation)))
            gap = (
                draw(gaps())
                if relation in (Relation.BEFORE, Relation.AFTER) and draw(st.booleans())
                else None
            )
            claims.append(RelationClaim(a, relation, draw(st.sampled_from(events)), SPAN, gap))
        elif kind == "gap":
            first = Endpoint(a, draw(st.sampled_from(list(Side))))
            second = Endpoint(draw(st.sampled_from(events)), draw(st.sampled_from(list(Side))))
            claims.append(GapClaim(first, second, draw(gaps()), SPAN))
        else:
            claims.append(DurationClaim(a, draw(gaps()), SPAN))
    return events, claims


def _consistent(claims: list[Claim], nodes: NodeIndex) -> bool:
    edges = [edge for claim in claims for edge in claim_edges(claim, nodes)]
    return find_negative_cycle(Graph(len(nodes), edges, [0] * len(edges))) is None


def _floyd_warshall_consistent(claims: list[Claim], nodes: NodeIndex) -> bool:
    """A second, dense algorithm: all-pairs shortest paths, negative diagonal = inconsistent."""
    size = len(nodes)
    inf = float("inf")
    dist = [[0 if i == j else inf for j in range(size)] for i in range(size)]
    for claim in claims:
        for i, j, w in claim_edges(claim, nodes):
            dist[i][j] = min(dist[i][j], w)
    for k in range(size):
        for i in range(size):
            for j in range(size):
                if dist[i][k] + dist[k][j] < dist[i][j]:
                    dist[i][j] = dist[i][k] + dist[k][j]
    return all(dist[i][i] >= 0 for i in range(size))


SETTINGS = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(networks())
def test_verdict_matches_brute_force(network: tuple[list[str], list[Claim]]) -> None:
    events, claims = network
    nodes = NodeIndex(events)
    assert _consistent(claims, nodes) == satisfiable(claims, events, DOMAIN)


@SETTINGS
@given(networks())
def test_every_explanation_is_minimal(network: tuple[list[str], list[Claim]]) -> None:
    events, claims = network
    nodes = NodeIndex(events)
    solution = solve(claims, nodes)
    for conflict in solution.conflicts:
        members = [claims[i] for i in conflict.claims]
        assert not _floyd_warshall_consistent(members, nodes)
        for left_out in range(len(members)):
            rest = members[:left_out] + members[left_out + 1 :]
            assert _floyd_warshall_consistent(rest, nodes)
    # after setting aside the dropped claims, what remains is consistent
    kept = [c for i, c in enumerate(claims) if i not in solution.dropped]
    assert _consistent(kept, nodes)
    assert bool(solution.conflicts) == (not _consistent(claims, nodes))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks())
def test_contracting_the_cycle_keeps_the_deletion_filter_s_answer(network: tuple[list[str], list[Claim]]) -> None:
    """The minimal set found with the cycle's plain stretches contracted is the very set that the
    plain deletion filter (each trial re-solving every candidate) keeps."""
    events, claims = network
    nodes = NodeIndex(events)
    per_claim = [claim_edges(claim, nodes) for claim in claims]
    edges = [edge for edges_of_claim in per_claim for edge in edges_of_claim]
    labels = [(c, k) for c, edges_of_claim in enumerate(per_claim) for k in range(len(edges_of_claim))]
    cycle = find_negative_cycle(Graph(len(nodes), edges, [0] * len(edges)))
    if cycle is None:
        return
    steps = [labels[k] for k in cycle]
    candidates = sorted({c for c, _ in steps})
    kept = list(candidates)
    for claim in candidates:
        trial = [c for c in kept if c != claim]
        if not _consistent([claims[c] for c in trial], nodes):
            kept = trial
    assert minimal_conflict(candidates, per_claim, steps) == kept
    assert minimal_conflict(candidates, per_claim) == kept
    junctions = _Junctions(candidates, per_claim, steps)
    assert junctions.necessary(halving_from=1) == junctions.necessary(halving_from=len(claims) + 1)


@st.composite
def graphs_with_cuts(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, int]], list[frozenset[int]]]:
    size = draw(st.integers(1, 6))
    node = st.integers(0, size - 1)
    edges = draw(st.lists(st.tuples(node, node, st.integers(-3, 3)), min_size=1, max_size=14))
    index = st.integers(0, len(edges) - 1)
    cuts = draw(st.lists(st.frozensets(index, min_size=1, max_size=3), min_size=1, max_size=10, unique=True))
    return size, edges, cuts


@settings(max_examples=2000, deadline=None)
@given(graphs_with_cuts())
def test_halving_the_trials_gives_each_trial_s_verdict(
    case: tuple[int, list[tuple[int, int, int]], list[frozenset[int]]],
) -> None:
    """The divide-and-conquer over cuts answers, for every cut, what solving the graph without
    the cut's edges answers (or gives up on a graph too dense for it)."""
    size, edges, cuts = case
    verdicts = _uncut_verdicts(edges, cuts)
    if verdicts is None:
        return
    for cut in cuts:
        assert verdicts[cut] == consistent([e for k, e in enumerate(edges) if k not in cut], size), cut


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks(max_events=3))
def test_bounds_are_tight(network: tuple[list[str], list[Claim]]) -> None:
    """Each reported bound is attained by some solution, and no solution goes beyond it."""
    events, claims = network
    nodes = NodeIndex(events)
    solution = solve(claims, nodes)
    if solution.conflicts:
        return
    for event in events:
        bounds = solution.bounds[event]
        for value, side, kind in (
            (bounds.earliest_start, 0, "earliest"),
            (bounds.latest_start, 0, "latest"),
            (bounds.earliest_end, 1, "earliest"),
            (bounds.latest_end, 1, "latest"),
        ):
            assert value is not None  # every event is inside the domain
            pinned = PeriodClaim(
                event, Part.START if side == 0 else Part.END, Qualifier.IN, Period(value, value), SPAN
            )
            assert satisfiable([*claims, pinned], events, DOMAIN), f"{kind} {side} of {event} unattainable"
            beyond = Period(value - 1, value - 1) if kind == "earliest" else Period(value + 1, value + 1)
            pushed = PeriodClaim(event, pinned.part, Qualifier.IN, beyond, SPAN)
            assert not satisfiable([*claims, pushed], events, DOMAIN)


@given(st.sampled_from(list(Relation)), st.one_of(st.none(), gaps()))
def test_converse_relations_compile_to_the_same_constraints(relation: Relation, gap: Gap | None) -> None:
    if relation not in (Relation.BEFORE, Relation.AFTER):
        gap = None
    nodes = NodeIndex(["a", "b"])
    forward = RelationClaim("a", relation, "b", SPAN, gap)
    backward = RelationClaim("b", relation.converse, "a", SPAN, gap)
    assert set(claim_edges(forward, nodes)) == set(claim_edges(backward, nodes))
    assert relation.converse.converse is relation


@given(
    st.sampled_from(list(Relation)),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
)
def test_converse_relations_mean_the_same(relation: Relation, a: tuple[int, int], b: tuple[int, int]) -> None:
    values = {"a": a, "b": b}
    forward = RelationClaim("a", relation, "b", SPAN)
    backward = RelationClaim("b", relation.converse, "a", SPAN)
    assert holds(forward, values) == holds(backward, values)
