"""Scaling of the constraint network: time to check n events with ~10n constraints.

Generates a hidden true timeline, then claims that are true of it (period bounds, relations,
gaps, durations), so the network is consistent and the solver must do the full work: a
consistency check plus tightened bounds for every endpoint. With ``--conflicts K`` it also
plants K contradictions and times their minimal explanations.

    python benchmarks/network_scaling.py                # the scaling curve
    python benchmarks/network_scaling.py --smoke        # CI smoke mode
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from chrono.model import (
    DurationClaim,
    EventExists,
    Gap,
    Part,
    PeriodClaim,
    Qualifier,
    Relation,
    RelationClaim,
    Span,
)
from chrono.network import NodeIndex, solve
from chrono.periods import DAY, Period

SPAN = Span(0, 0)
BASE = 1_700_000_000


def generate(
    events: int, constraints: int, conflicts: int, seed: int
) -> tuple[list, NodeIndex, frozenset[int]]:
    rng = random.Random(seed)
    truth: dict[str, tuple[int, int]] = {}
    for i in range(events):
        start = BASE + rng.randrange(0, 3650) * DAY + rng.randrange(DAY)
        truth[f"e{i}"] = (start, start + rng.randrange(0, 30) * DAY)
    ids = list(truth)
    claims: list = [EventExists(e, SPAN) for e in ids]
    structural = frozenset(range(len(claims)))
    edges = len(claims)
    while edges < constraints:
        kind = rng.random()
        a = rng.choice(ids)
        a_s, a_e = truth[a]
        if kind < 0.25:
            day = a_s - a_s % DAY
            claims.append(PeriodClaim(a, Part.START, Qualifier.IN, Period(day, day + DAY), SPAN))
            edges += 2
        elif kind < 0.35:
            claims.append(DurationClaim(a, Gap(a_e - a_s - DAY, a_e - a_s + DAY), SPAN))
            edges += 2
        else:
            b = rng.choice(ids)
            b_s, b_e = truth[b]
            if a_e < b_s:
                claims.append(RelationClaim(a, Relation.BEFORE, b, SPAN))
                edges += 1
            elif b_e < a_s:
                claims.append(RelationClaim(a, Relation.AFTER, b, SPAN))
                edges += 1
            else:
                claims.append(RelationClaim(a, Relation.OVERLAPS, b, SPAN))
                edges += 2
    for _ in range(conflicts):
        a, b = rng.sample(ids, 2)
        relation = Relation.BEFORE if truth[a][0] > truth[b][1] else Relation.AFTER
        if truth[a][1] < truth[b][0] or truth[b][1] < truth[a][0]:
            claims.append(RelationClaim(a, relation, b, SPAN))
    return claims, NodeIndex(ids), structural


def measure(events: int, per_event: int, conflicts: int, repeat: int) -> tuple[int, float, float, int]:
    """(claims, median wall seconds, median CPU seconds of this process, conflicts found)."""
    claims, nodes, structural = generate(events, events * per_event, conflicts, seed=events)
    wall, cpu = [], []
    found = 0
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        solution = solve(claims, nodes, structural=structural)
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        found = len(solution.conflicts)
    return len(claims), statistics.median(wall), statistics.median(cpu), found


def ring(events: int) -> tuple[list, NodeIndex, frozenset[int]]:
    """e0 before e1 before ... before e(n-1) before e0: one contradiction n statements long."""
    ids = [f"e{i}" for i in range(events)]
    claims: list = [EventExists(e, SPAN) for e in ids]
    claims += [RelationClaim(ids[i], Relation.BEFORE, ids[(i + 1) % events], SPAN) for i in range(events)]
    return claims, NodeIndex(ids), frozenset(range(events))


def measure_rings() -> None:
    print("| events in the ring | chain reported | seconds |")
    print("|---:|---:|---:|")
    for n in (500, 2_000, 5_000, 20_000):
        claims, nodes, structural = ring(n)
        began = time.perf_counter()
        solution = solve(claims, nodes, structural=structural)
        print(f"| {n:,} | {len(solution.conflicts[0].claims):,} | {time.perf_counter() - began:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="one small size, for CI")
    parser.add_argument("--conflicts", type=int, default=0, help="plant this many contradictions")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rings", action="store_true", help="time rings of 'before' instead")
    args = parser.parse_args()
    if args.rings:
        measure_rings()
        return
    sizes = [1_000] if args.smoke else [1_000, 2_000, 5_000, 10_000, 20_000, 50_000]
    print("| events | claims | constraints | conflicts | wall s | CPU s |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        claims, wall, cpu, found = measure(n, 10, args.conflicts, args.repeat)
        print(f"| {n:,} | {claims:,} | {n * 10:,} | {found} | {wall:.3f} | {cpu:.3f} |")


if __name__ == "__main__":
    main()
