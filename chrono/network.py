"""The constraint network: claims -> difference constraints -> consistency, conflicts, bounds.

Every event has two nodes (start, end); node 0 is the origin, fixed at instant 0 (1970-01-01
UTC). A constraint ``x_j - x_i <= w`` is an edge ``i -> j`` of weight ``w``. The claims are
consistent exactly when the graph has no negative cycle (a simple temporal network). The edges
of a negative cycle name the claims that cannot all hold; a deletion filter shrinks them to a
minimal set. Shortest paths from and to the origin give each endpoint's tightest bounds.

Everything here is sparse: queue-based Bellman-Ford (SPFA) over adjacency lists, so 10^4
events with 10^5 constraints check in a fraction of a second.
"""

from __future__ import annotations

import heapq
from collections import Counter, deque
from collections.abc import Iterable, Sequence

import attrs

from chrono.gcpause import paused_cyclic_gc
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
)

ORIGIN = 0

# (source node, target node, weight): target - source <= weight
Edge = tuple[int, int, int]


@attrs.frozen
class Conflict:
    """A minimal set of claims that cannot all hold, in chain order.

    ``shortfall`` is how far apart the claims pull, in seconds: the negative length of the
    cycle they form (at least 1).
    """

    claims: tuple[int, ...]
    shortfall: int


@attrs.frozen
class Bounds:
    """Tightest bounds of one event's endpoints (``None`` = unbounded)."""

    earliest_start: int | None
    latest_start: int | None
    earliest_end: int | None
    latest_end: int | None


@attrs.frozen
class Solution:
    conflicts: tuple[Conflict, ...]
    # claims left out of the bounds computation because they took part in a conflict
    dropped: frozenset[int]
    bounds: dict[str, Bounds]


class NodeIndex:
    """Numbering of event endpoints: event i has start node 2i+1 and end node 2i+2."""

    def __init__(self, event_ids: Iterable[str]) -> None:
        self._number: dict[str, int] = {}
        for event_id in event_ids:
            if event_id not in self._number:
                self._number[event_id] = len(self._number)

    def __len__(self) -> int:
        return 2 * len(self._number) + 1

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._number

    @property
    def events(self) -> list[str]:
        return list(self._number)

    def start(self, event_id: str) -> int:
        return 2 * self._number[event_id] + 1

    def end(self, event_id: str) -> int:
        return 2 * self._number[event_id] + 2

    def node(self, endpoint: Endpoint) -> int:
        return self.start(endpoint.event) if endpoint.side is Side.START else self.end(endpoint.event)


# ---------------------------------------------------------------------------------------------
# Claims -> edges


def _le(x: int, y: int, w: int = 0) -> Edge:
    """x - y <= w."""
    return (y, x, w)


def _eq(x: int, y: int) -> list[Edge]:
    return [_le(x, y), _le(y, x)]


def _gap(first: int, second: int, gap: Gap) -> list[Edge]:
    """lower <= second - first <= upper."""
    edges = []
    if gap.upper is not None:
        edges.append(_le(second, first, gap.upper))
    if gap.lower is not None:
        edges.append(_le(first, second, -gap.lower))
    return edges


def _at_least(node: int, instant: int) -> Edge:
    return _le(ORIGIN, node, -instant)


def _at_most(node: int, instant: int) -> Edge:
    return _le(node, ORIGIN, instant)


def _relation_edges(rel: Relation, a_s: int, a_e: int, b_s: int, b_e: int) -> list[Edge]:
    if rel is Relation.BEFORE:
        return [_le(a_e, b_s, -1)]
    if rel is Relation.AFTER:
        return [_le(b_e, a_s, -1)]
    if rel is Relation.IBEFORE:
        return _eq(a_e, b_s)
    if rel is Relation.IAFTER:
        return _eq(b_e, a_s)
    if rel in (Relation.INCLUDES, Relation.DURING_INV):
        return [_le(a_s, b_s), _le(b_e, a_e)]
    if rel in (Relation.IS_INCLUDED, Relation.DURING):
        return [_le(b_s, a_s), _le(a_e, b_e)]
    if rel is Relation.BEGINS:
        return [*_eq(a_s, b_s), _le(a_e, b_e)]
    if rel is Relation.BEGUN_BY:
        return [*_eq(a_s, b_s), _le(b_e, a_e)]
    if rel is Relation.ENDS:
        return [*_eq(a_e, b_e), _le(b_s, a_s)]
    if rel is Relation.ENDED_BY:
        return [*_eq(a_e, b_e), _le(a_s, b_s)]
    if rel in (Relation.SIMULTANEOUS, Relation.IDENTITY):
        return [*_eq(a_s, b_s), *_eq(a_e, b_e)]
    if rel is Relation.OVERLAPS:
        # Plain "overlaps": the two share at least an instant (the lenient reading).
        return [_le(a_s, b_e), _le(b_s, a_e)]
    raise AssertionError(rel)


def _period_edges(claim: PeriodClaim, nodes: NodeIndex) -> list[Edge]:
    start, end = nodes.start(claim.event), nodes.end(claim.event)
    lo, hi = claim.period.start, claim.period.end
    first = end if claim.part is Part.END else start
    last = start if claim.part is Part.START else end
    q = claim.qualifier
    if q is Qualifier.SINCE:
        # "since X": the event started within X (and, if known, is still going at the DCT).
        first = last = start
    edges: list[Edge] = []
    if q in (Qualifier.IN, Qualifier.SINCE):
        if lo is not None:
            edges.append(_at_least(first, lo))
        if hi is not None:
            edges.append(_at_most(last, hi))
        if lo is not None and hi is not None and hi > lo:
            # Within a half-open period [lo, hi): a start lies before hi and an end after lo,
            # so events on touching periods (May 31 and June 1) cannot be made to coincide.
            if claim.part is not Part.END or q is Qualifier.SINCE:
                edges.append(_at_most(start, hi - 1))
            if claim.part is not Part.START and q is not Qualifier.SINCE:
                edges.append(_at_least(end, lo + 1))
    elif q in (Qualifier.BY, Qualifier.UNTIL):
        if hi is not None:
            edges.append(_at_most(last, hi))
            if q is Qualifier.BY and claim.part is Part.START and lo is not None and hi > lo:
                # "told as done by the document's day": begun within that day at the latest, as
                # a start within a half-open period lies before its end (not on the next midnight)
                edges.append(_at_most(start, hi - 1))
    elif q is Qualifier.BEFORE:
        if lo is not None:
            edges.append(_at_most(last, lo))
    elif q is Qualifier.AFTER:
        if hi is not None:
            edges.append(_at_least(first, hi))
    elif q is Qualifier.ON_OR_AFTER and lo is not None:
        edges.append(_at_least(first, lo))
    if claim.ongoing_at is not None:
        edges.append(_at_least(end, claim.ongoing_at))
    if claim.started_by is not None:
        edges.append(_at_most(start, claim.started_by - 1))
    return edges


def claim_edges(claim: Claim, nodes: NodeIndex) -> list[Edge]:
    """The difference constraints a claim stands for."""
    if isinstance(claim, EventExists):
        return [_le(nodes.start(claim.event), nodes.end(claim.event))]
    if isinstance(claim, PeriodClaim):
        return _period_edges(claim, nodes)
    if isinstance(claim, RelationClaim):
        a_s, a_e = nodes.start(claim.a), nodes.end(claim.a)
        b_s, b_e = nodes.start(claim.b), nodes.end(claim.b)
        edges = _relation_edges(claim.relation, a_s, a_e, b_s, b_e)
        if claim.gap is not None:
            # With an offset the offset is the order: "0 days after" means "meets", and
            # "at most 2 days after" starts no earlier than the other ends.
            gap = claim.gap if claim.gap.lower is not None else attrs.evolve(claim.gap, lower=0)
            if claim.relation is Relation.AFTER:
                return _gap(b_e, a_s, gap)
            if claim.relation is Relation.BEFORE:
                return _gap(a_e, b_s, gap)
            raise ValueError(f"an offset applies only to before/after, not {claim.relation.value}")
        return edges
    if isinstance(claim, GapClaim):
        return _gap(nodes.node(claim.first), nodes.node(claim.second), claim.gap)
    if isinstance(claim, DurationClaim):
        return _gap(nodes.start(claim.event), nodes.end(claim.event), claim.gap)
    raise TypeError(f"not a claim: {claim!r}")


def claim_events(claim: Claim) -> tuple[str, ...]:
    if isinstance(claim, RelationClaim):
        return (claim.a, claim.b)
    if isinstance(claim, GapClaim):
        return (claim.first.event, claim.second.event)
    return (claim.event,)


# ---------------------------------------------------------------------------------------------
# Graph algorithms


class Graph:
    """Adjacency lists of labelled edges; ``labels[k]`` is the claim index of edge k."""

    def __init__(self, size: int, edges: Sequence[Edge], labels: Sequence[int]) -> None:
        self.size = size
        self.edges = edges
        self.labels = labels
        out: list[list[tuple[int, int, int]]] = [[] for _ in range(size)]
        for k, (i, j, w) in enumerate(edges):
            out[i].append((j, w, k))
        self.out = out
        self.removed: set[int] = set()
        # The visiting order of the last search and the DFS tree edges it came from: removing
        # edges off that tree leaves the DFS, and so the order, exactly as it was, and a
        # document with many contradictions is searched once per contradiction.
        self._order: list[int] | None = None
        self._tree: set[int] = set()

    def reversed(self) -> Graph:
        """The graph with every remaining edge turned round (edge indices keep their labels)."""
        flipped = Graph(self.size, [(j, i, w) for i, j, w in self.edges], self.labels)
        if self.removed:
            flipped.remove_edges(self.removed)
        return flipped

    def remove_edges(self, doomed: set[int]) -> None:
        """Take edges out of the adjacency lists (their indices stay valid)."""
        self.removed |= doomed
        for source in {self.edges[k][0] for k in doomed}:
            self.out[source] = [entry for entry in self.out[source] if entry[2] not in doomed]
        if not self._tree.isdisjoint(doomed):
            self._order = None

    def restore_edges(self, edges: set[int]) -> None:
        """Put edges taken out by :meth:`remove_edges` back."""
        back = edges & self.removed
        self.removed -= back
        for k in sorted(back):
            i, j, w = self.edges[k]
            self.out[i].append((j, w, k))
        if back:
            self._order = None

    def visiting_order(self) -> list[int]:
        """Nodes in reverse DFS postorder (see :func:`_reverse_postorder`), kept while valid."""
        if self._order is None:
            self._order, self._tree = _reverse_postorder(self)
        return self._order


def find_negative_cycle(graph: Graph) -> list[int] | None:
    """Edge indices of a negative cycle in path order, or ``None`` if there is none.

    SPFA from a virtual source joined to every node. A cycle in the graph of parent edges is
    always a negative cycle, so after every ``size`` relaxations the parent graph is searched
    for one (an O(size) walk): a contradiction is found after a few passes instead of after
    going round it ``size`` times (which on 10^4 events took minutes).
    """
    size = graph.size
    out = graph.out
    edges = graph.edges
    dist = [0] * size
    parent = [-1] * size
    queued = [True] * size
    # Visiting nodes in topological order makes one pass enough wherever the graph is acyclic
    # (most of a timeline); FIFO order from 0..n-1 took n passes on a long chain of "before".
    queue = deque(graph.visiting_order())
    budget = size
    while queue:
        u = queue.popleft()
        queued[u] = False
        du = dist[u]
        for v, w, k in out[u]:
            candidate = du + w
            if candidate < dist[v]:
                dist[v] = candidate
                parent[v] = k
                if not queued[v]:
                    queued[v] = True
                    queue.append(v)
                budget -= 1
        if budget <= 0:
            budget = size
            cycle = _parent_cycle(edges, parent)
            if cycle is not None:
                return cycle
    return None


def _reverse_postorder(graph: Graph) -> tuple[list[int], set[int]]:
    """Nodes in reverse DFS postorder: a topological order of every acyclic part; and the
    edges of the DFS tree."""
    size = graph.size
    out = graph.out
    seen = [False] * size
    post: list[int] = []
    tree: set[int] = set()
    for root in range(size):
        if seen[root]:
            continue
        seen[root] = True
        stack = [(root, iter(out[root]))]
        while stack:
            node, edges = stack[-1]
            for target, _, k in edges:
                if not seen[target]:
                    seen[target] = True
                    tree.add(k)
                    stack.append((target, iter(out[target])))
                    break
            else:
                stack.pop()
                post.append(node)
    post.reverse()
    return post, tree


def _parent_cycle(edges: Sequence[Edge], parent: list[int]) -> list[int] | None:
    """A cycle of parent edges (edge indices in path order), or ``None``."""
    size = len(parent)
    walk = [0] * size  # which walk first reached the node (0: none yet)
    for begin in range(size):
        if walk[begin]:
            continue
        node = begin
        while node != -1 and not walk[node]:
            walk[node] = begin + 1
            k = parent[node]
            node = edges[k][0] if k != -1 else -1
        if node != -1 and walk[node] == begin + 1:
            # this walk came back to itself: `node` lies on a cycle
            cycle = []
            current = node
            while True:
                k = parent[current]
                cycle.append(k)
                current = edges[k][0]
                if current == node:
                    break
            cycle.reverse()
            return cycle
    return None


def shortest_from(graph: Graph, source: int) -> list[int | None]:
    """Shortest path lengths from ``source`` (graph known to have no negative cycle)."""
    size = graph.size
    out = graph.out
    infinity = None
    dist: list[int | None] = [infinity] * size
    dist[source] = 0
    queued = [False] * size
    queued[source] = True
    queue = deque([source])
    while queue:
        u = queue.popleft()
        queued[u] = False
        du = dist[u]
        assert du is not None
        for v, w, _ in out[u]:
            candidate = du + w
            dv = dist[v]
            if dv is None or candidate < dv:
                dist[v] = candidate
                if not queued[v]:
                    queued[v] = True
                    queue.append(v)
    return dist


def consistent(edges: Sequence[Edge], size: int) -> bool:
    return find_negative_cycle(Graph(size, edges, [0] * len(edges))) is None


# ---------------------------------------------------------------------------------------------
# Solving


# Above this many edges the search for a shorter explanation costs more than it is worth.
SHORTER_EXPLANATION_EDGES = 20_000


def _shorter_explanation(graph: Graph, edges_of_claim: range, found: int) -> list[int] | None:
    """A negative cycle through one of ``edges_of_claim`` with the fewest edges (fewer than
    ``found``), or ``None``. Bellman-Ford by layers: layer h holds the lightest walks of at
    most h edges from the edge's head back towards its tail.

    Any minimal set of claims is a correct explanation, but the first cycle the solver meets
    can wander through more of the document than needed; a reader wants the shortest chain.
    """
    if len(graph.edges) > SHORTER_EXPLANATION_EDGES:
        return None
    best: list[int] | None = None
    for k in (k for k in edges_of_claim if k not in graph.removed):
        tail, head, weight = graph.edges[k]
        limit = (len(best) if best else found) - 2  # the walk plus this edge must be shorter
        walk = _lightest_walk(graph, head, tail, -weight, limit)
        if walk is not None:
            best = [k, *walk]
    return best


def _lightest_walk(graph: Graph, start: int, goal: int, below: int, max_edges: int) -> list[int] | None:
    """Edge indices of a walk start -> goal lighter than ``below`` with the fewest edges
    (at most ``max_edges``), or ``None``."""
    dist: dict[int, int] = {start: 0}
    layers: list[dict[int, tuple[int, int]]] = []  # layer h: node -> (previous node, edge)
    frontier = {start}
    for _ in range(max_edges):
        improved: dict[int, tuple[int, int]] = {}
        values: dict[int, int] = {}
        for node in frontier:
            base = dist[node]
            for target, weight, k in graph.out[node]:
                candidate = base + weight
                if candidate < values.get(target, dist.get(target, candidate + 1)):
                    values[target] = candidate
                    improved[target] = (node, k)
        if not improved:
            return None
        dist.update(values)
        layers.append(improved)
        if goal in improved and dist[goal] < below:
            return _walk_back(layers, start, goal)
        frontier = set(improved)
    return None


def _walk_back(layers: list[dict[int, tuple[int, int]]], start: int, goal: int) -> list[int]:
    path: list[int] = []
    node, layer = goal, len(layers) - 1
    while layer >= 0:
        previous, k = layers[layer][node]
        path.append(k)
        node = previous
        layer -= 1
        # the value used for `previous` is from the latest layer (before this one) improving it
        while layer >= 0 and node not in layers[layer]:
            layer -= 1
        if layer < 0 and node != start:
            break
    path.reverse()
    return path


def _bare_simple_cycle(
    cycle: list[int], graph: Graph, claims: list[int], per_claim: Sequence[list[Edge]]
) -> bool:
    """True when the claims have no edges besides those of the cycle and the cycle visits no
    node twice: then dropping any claim breaks the only cycle, so the set is already minimal
    (a long ring of "before" needs no deletion filter)."""
    nodes = [graph.edges[k][0] for k in cycle]
    return len(set(nodes)) == len(nodes) and sum(len(per_claim[c]) for c in claims) == len(cycle)


# A step of a negative cycle: (claim, index of the edge among that claim's edges).
Step = tuple[int, int]


def minimal_conflict(
    candidates: Sequence[int], per_claim: Sequence[list[Edge]], cycle: Sequence[Step] = ()
) -> list[int]:
    """Shrink an inconsistent set of claims to a minimal one (deletion filter, in the order of
    ``candidates``).

    Every claim kept is necessary: without it the rest is consistent. ``cycle``, the negative
    cycle the candidates come from, lets each trial solve a graph of the cycle's junctions
    instead of all its nodes (see :class:`_Junctions`), so a long chain costs time linear in
    its length, not in its square.
    """
    kept = list(dict.fromkeys(candidates))
    network = _Junctions(kept, per_claim, cycle)
    necessary = network.necessary()
    unsure = [c for c in kept if c not in necessary]
    if not network.consistent_without(unsure):
        # The claims that every conflict among the candidates needs conflict by themselves:
        # they are the only minimal set, which the deletion filter below would also find.
        return [c for c in kept if c in necessary]
    dropped: list[int] = []
    for claim in unsure:  # a necessary claim stays whatever else is dropped
        if not network.consistent_without([*dropped, claim]):
            dropped.append(claim)
    return [c for c in kept if c not in dropped]


class _Junctions:
    """The candidates' constraints with the plain stretches of their negative cycle contracted.

    A junction is a node of the cycle that some other edge of the candidates touches, or that
    the cycle passes twice. Between two junctions the cycle is a path whose inner nodes touch
    nothing else (a chain of "after"): dropping any claim on it cuts the whole stretch, so the
    stretch is one edge of the summed weight, and the network has as many nodes as junctions.
    Claims that cut the same edges of it (every plain claim of one stretch) share one trial.
    Without a usable cycle every edge stays an edge of its own.
    """

    def __init__(self, claims: Sequence[int], per_claim: Sequence[list[Edge]], cycle: Sequence[Step]) -> None:
        members = set(claims)
        steps = [per_claim[c][k] for c, k in cycle] if all(c in members for c, _ in cycle) else []
        if any(steps[t][1] != steps[(t + 1) % len(steps)][0] for t in range(len(steps))):
            steps = []  # not a cycle after all: no stretch to contract
        on_cycle = set(cycle) if steps else set()
        others = [(c, k) for c in claims for k in range(len(per_claim[c])) if (c, k) not in on_cycle]
        local: dict[int, int] = {}

        def number(node: int) -> int:
            return local.setdefault(node, len(local))

        edges: list[Edge] = []
        cuts: dict[int, set[int]] = {c: set() for c in claims}
        if steps:
            tails = [i for i, _, _ in steps]
            junctions = {node for c, k in others for node in per_claim[c][k][:2]}
            junctions |= {node for node, passes in Counter(tails).items() if passes > 1}
            begins = [t for t, node in enumerate(tails) if node in junctions] or [0]
            ends = [*begins[1:], begins[0] + len(steps)]
            for begin, end in zip(begins, ends, strict=True):
                weight = 0
                for t in range(begin, end):
                    weight += steps[t % len(steps)][2]
                    cuts[cycle[t % len(steps)][0]].add(len(edges))
                edges.append((number(tails[begin]), number(tails[end % len(steps)]), weight))
        for claim, k in others:
            i, j, w = per_claim[claim][k]
            cuts[claim].add(len(edges))
            edges.append((number(i), number(j), w))
        self.edges = edges
        self.size = len(local)
        self.cuts = {claim: frozenset(cut) for claim, cut in cuts.items()}

    def consistent_without(self, claims: Iterable[int]) -> bool:
        doomed: set[int] = set()
        for claim in claims:
            doomed |= self.cuts[claim]
        return self._consistent_without_edges(doomed)

    def _consistent_without_edges(self, doomed: frozenset[int] | set[int]) -> bool:
        return consistent([e for k, e in enumerate(self.edges) if k not in doomed], self.size)

    def necessary(self, halving_from: int = 16) -> set[int]:
        """The claims without which the candidates are consistent (each conflict needs them).

        One trial per distinct cut; from ``halving_from`` cuts on, the trials share their work
        (:func:`_uncut_verdicts`).
        """
        # in the order of the edges they cut, which follows the cycle: neighbours stay together
        ordered = sorted(self.cuts.values(), key=lambda cut: (min(cut, default=-1), len(cut)))
        cuts = list(dict.fromkeys(ordered))
        verdicts: dict[frozenset[int], bool] | None = None
        if len(cuts) >= halving_from:
            verdicts = _uncut_verdicts(self.edges, cuts)
        if verdicts is None:
            verdicts = {cut: self._consistent_without_edges(cut) for cut in cuts}
        return {claim for claim, cut in self.cuts.items() if verdicts[cut]}


class _TooDense(Exception):
    """Eliminating nodes filled the graph with more shortcut edges than it is worth."""


def _uncut_verdicts(
    edges: Sequence[Edge], cuts: Sequence[frozenset[int]]
) -> dict[frozenset[int], bool] | None:
    """For each cut (a set of edge indices), whether the edges outside it are consistent; ``None``
    when the graph is too dense for this method.

    Divide and conquer over the cuts (offline deletion): for a group of cuts, every edge that
    none of them removes is present in all of their trials, so it is solved once, for the whole
    group, and its constraints contracted onto the nodes that the group's own edges touch
    (:func:`_contract`); each half of the group inherits that contracted graph plus the other
    half's edges, contracted again. On the chain-like graphs of conflicts (a ladder of
    "simultaneous" or "meets") a contracted graph is about as large as the group, so n cuts cost
    O(n log n) instead of n trials of size n. On a dense graph the shortcuts would multiply:
    past a budget of work proportional to that, it gives up.
    """
    verdicts: dict[frozenset[int], bool] = {}
    budget = _Budget(32 * (len(edges) + 8) * len(cuts).bit_length())

    def visit(group: Sequence[frozenset[int]], present: list[Edge]) -> None:
        if len(group) == 1:
            verdicts[group[0]] = _contract(present, set(), budget) is not None
            return
        middle = len(group) // 2
        for half, rest in ((group[:middle], group[middle:]), (group[middle:], group[:middle])):
            removed = frozenset().union(*half)
            shared = [edges[k] for k in frozenset().union(*rest) - removed]
            touched = {node for k in removed for node in edges[k][:2]}
            contracted = _contract(present + shared, touched, budget)
            if contracted is None:  # a conflict that no cut of this half removes
                verdicts.update(dict.fromkeys(half, False))
            else:
                visit(half, contracted)

    try:
        removable = frozenset().union(*cuts)
        visit(cuts, [edge for k, edge in enumerate(edges) if k not in removable])
    except _TooDense:
        return None
    return verdicts


class _Budget:
    """How many more edges the contractions of one divide and conquer may write."""

    def __init__(self, edges: int) -> None:
        self.left = edges

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise _TooDense


def _contract(edges: Iterable[Edge], keep: set[int], budget: _Budget) -> list[Edge] | None:
    """The constraints that ``edges`` imply among the nodes ``keep``, every other node eliminated
    (its in- and out-edges joined into shortcuts, the lightest of parallel edges kept); ``None``
    when the edges have a negative cycle through an eliminated node. Every edge written is
    spent from ``budget``."""
    out: dict[int, dict[int, int]] = {}
    into: dict[int, dict[int, int]] = {}

    def add(i: int, j: int, w: int) -> bool:
        if i == j:
            return w >= 0
        targets = out.setdefault(i, {})
        if j in targets and targets[j] <= w:
            return True
        budget.spend()
        targets[j] = w
        into.setdefault(j, {})[i] = w
        into.setdefault(i, {})
        out.setdefault(j, {})
        return True

    for i, j, w in edges:
        if not add(i, j, w):
            return None
    # cheapest first: a node with one edge in and one out becomes one edge, no fill
    queue = [(len(into[node]) * len(out[node]), node) for node in out if node not in keep]
    heapq.heapify(queue)
    while queue:
        cost, node = heapq.heappop(queue)
        if node not in out:
            continue
        if cost != len(into[node]) * len(out[node]):
            heapq.heappush(queue, (len(into[node]) * len(out[node]), node))
            continue
        sources, targets = into.pop(node), out.pop(node)
        for i in sources:
            del out[i][node]
        for j in targets:
            del into[j][node]
        for i, a in sources.items():
            for j, b in targets.items():
                if not add(i, j, a + b):
                    return None
        for neighbour in {*sources, *targets} - keep:
            heapq.heappush(queue, (len(into[neighbour]) * len(out[neighbour]), neighbour))
    return [(i, j, w) for i, targets in out.items() for j, w in targets.items()]


def _steps(cycle: list[int], graph: Graph, first: list[int]) -> list[Step]:
    return [(graph.labels[k], k - first[graph.labels[k]]) for k in cycle]


def _chain_order(cycle: list[int], graph: Graph, members: set[int]) -> list[int]:
    """The minimal claims in the order the cycle visits them, starting at the origin."""
    labels = [graph.labels[k] for k in cycle]
    starts = [i for i, k in enumerate(cycle) if graph.edges[k][0] == ORIGIN]
    if starts:
        labels = labels[starts[0] :] + labels[: starts[0]]
    ordered = [c for c in dict.fromkeys(labels) if c in members]
    ordered += sorted(members - set(ordered))
    return ordered


def solve(
    claims: Sequence[Claim],
    nodes: NodeIndex,
    *,
    structural: frozenset[int] = frozenset(),
    weak: frozenset[int] = frozenset(),
    max_conflicts: int = 50,
) -> Solution:
    """Check the claims (with the cyclic collector paused); see :func:`_solve`."""
    # the solver allocates many small acyclic tuples: collections would only rescan live data
    with paused_cyclic_gc():
        return _solve(claims, nodes, structural, weak, max_conflicts)


def _solve(
    claims: Sequence[Claim],
    nodes: NodeIndex,
    structural: frozenset[int],
    weak: frozenset[int],
    max_conflicts: int,
) -> Solution:
    """Check the claims; report minimal conflicts and the tightened bounds of every event.

    After each conflict the latest claim in it (in source order, preferring claims that are
    not ``structural``, i.e. not the implicit start <= end of an event) is set aside and the
    search goes on, so independent contradictions are all reported, each once.

    ``weak`` claims (uncertain readings) join only once the others are consistent: every
    conflict of the others is found first, as if the weak ones were not there, and a conflict
    found afterwards has a weak claim in it, which is the one set aside. So a weak claim can
    never hide a conflict of certain ones, nor be the reason one is reported.
    """
    per_claim = [claim_edges(claim, nodes) for claim in claims]
    size = len(nodes)
    edges = [edge for edges_of_claim in per_claim for edge in edges_of_claim]
    labels = [c for c, edges_of_claim in enumerate(per_claim) for _ in edges_of_claim]
    # the edges are laid out claim after claim: claim c owns edges first[c] .. first[c + 1] - 1
    first = [0]
    for edges_of_claim in per_claim:
        first.append(first[-1] + len(edges_of_claim))
    graph = Graph(size, edges, labels)
    conflicts: list[Conflict] = []
    dropped: set[int] = set()
    weak_edges = {k for c in weak for k in range(first[c], first[c + 1])}
    if weak_edges:
        graph.remove_edges(weak_edges)
    for phase in (("certain", "uncertain") if weak_edges else ("certain",)):
        if phase == "uncertain":
            graph.restore_edges(weak_edges)
        while (cycle := find_negative_cycle(graph)) is not None:
            shortfall = -sum(graph.edges[k][2] for k in cycle)
            candidates = sorted({graph.labels[k] for k in cycle})
            members = (
                candidates
                if _bare_simple_cycle(cycle, graph, candidates, per_claim)
                else minimal_conflict(candidates, per_claim, _steps(cycle, graph, first))
            )
            removable = _removable(members, structural, weak)
            latest = max(removable)
            shorter = _shorter_explanation(graph, range(first[latest], first[latest + 1]), len(cycle))
            if shorter is not None:
                shorter_claims = sorted({graph.labels[k] for k in shorter})
                trial = (
                    shorter_claims
                    if _bare_simple_cycle(shorter, graph, shorter_claims, per_claim)
                    else minimal_conflict(shorter_claims, per_claim, _steps(shorter, graph, first))
                )
                if len(trial) < len(members):
                    cycle, members = shorter, trial
                    shortfall = -sum(graph.edges[k][2] for k in cycle)
                    removable = _removable(members, structural, weak)
            conflicts.append(Conflict(tuple(_chain_order(cycle, graph, set(members))), shortfall))
            # Set aside only the latest claim; the search goes on without it.
            doomed = {max(removable)}
            if len(conflicts) >= max_conflicts:
                # Give up on finding more; keep only claims outside every reported conflict.
                doomed = {c for conflict in conflicts for c in conflict.claims}
            dropped |= doomed
            doomed_edges = {k for c in doomed for k in range(first[c], first[c + 1])}
            weak_edges -= doomed_edges
            graph.remove_edges(doomed_edges)
            if len(conflicts) >= max_conflicts:
                if phase == "certain" and weak_edges:
                    graph.restore_edges(weak_edges)
                if find_negative_cycle(graph) is not None:
                    return Solution(tuple(conflicts), frozenset(dropped), {})
                return Solution(tuple(conflicts), frozenset(dropped), _bounds(graph, nodes))
    return Solution(tuple(conflicts), frozenset(dropped), _bounds(graph, nodes))


def _removable(members: Sequence[int], structural: frozenset[int], weak: frozenset[int]) -> list[int]:
    """The claims of a conflict that may be set aside: a weak one if there is one, else any but
    the model's own (an event's start <= end), else any."""
    uncertain = [c for c in members if c in weak]
    return uncertain or [c for c in members if c not in structural] or list(members)


def _bounds(graph: Graph, nodes: NodeIndex) -> dict[str, Bounds]:
    upper = shortest_from(graph, ORIGIN)
    lower_neg = shortest_from(graph.reversed(), ORIGIN)

    def lower(node: int) -> int | None:
        value = lower_neg[node]
        return None if value is None else -value

    return {
        event: Bounds(
            lower(nodes.start(event)),
            upper[nodes.start(event)],
            lower(nodes.end(event)),
            upper[nodes.end(event)],
        )
        for event in nodes.events
    }
