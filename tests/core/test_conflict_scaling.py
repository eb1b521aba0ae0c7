"""Explaining a conflict costs time linear in the length of the chain that explains it.

N events chained by "after", the first dated after the last: the only explanation is the whole
chain (2N - 1 statements). The search for a minimal set once re-solved the chain once per
statement in it (4.5 s at N = 1,000, 15 minutes at 12,500). Four times the chain may cost at
most about six times the time; quadratic growth shows as 16. ``benchmarks/conflict_scaling.py``
measures the large sizes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from chrono.model import Claim, EventExists, Part, PeriodClaim, Qualifier, Relation, RelationClaim, Span
from chrono.network import NodeIndex, solve
from chrono.options import Options
from chrono.periods import DAY, Period
from chrono.runner import check

SPAN = Span(0, 0)
FIRST_DAY, LAST_DAY = 19_941 * DAY, 19_936 * DAY  # 2024-08-06 and 2024-08-01


def chain(events: int) -> tuple[list[Claim], NodeIndex]:
    ids = [f"e{i}" for i in range(events)]
    claims: list[Claim] = [EventExists(e, SPAN) for e in ids]
    claims.append(PeriodClaim(ids[0], Part.WHOLE, Qualifier.IN, Period(FIRST_DAY, FIRST_DAY + DAY), SPAN))
    claims.append(PeriodClaim(ids[-1], Part.WHOLE, Qualifier.IN, Period(LAST_DAY, LAST_DAY + DAY), SPAN))
    claims += [RelationClaim(ids[i], Relation.AFTER, ids[i - 1], SPAN) for i in range(1, events)]
    return claims, NodeIndex(ids)


def chain_file(events: int) -> str:
    lines = ["dct: 2025-04-24", "events:"]
    for i in range(events):
        lines.append(f"  - id: e{i}")
        if i in (0, events - 1):
            lines.append("    on: 2024-08-06" if i == 0 else "    on: 2024-08-01")
    lines.append("relations:")
    lines += [f"  - e{i} after e{i - 1}" for i in range(1, events)]
    return "\n".join(lines) + "\n"


def best_of_two(run: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(2):  # a shared machine has pauses
        began = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - began)
    return best


def test_solving_a_long_conflicting_chain_grows_linearly() -> None:
    def seconds(events: int) -> float:
        claims, nodes = chain(events)
        structural = frozenset(range(events))

        def run() -> None:
            (conflict,) = solve(claims, nodes, structural=structural).conflicts
            assert len(conflict.claims) == 2 * events - 1  # all but the two ends' "exists"

        return best_of_two(run)

    seconds(100)  # warm up
    small, large = seconds(400), seconds(1_600)
    assert large < 6 * small + 0.05, (small, large)


def test_checking_a_long_conflicting_timeline_grows_linearly(tmp_path: Path) -> None:
    def seconds(events: int) -> float:
        path = tmp_path / f"chain-{events}.yaml"
        path.write_text(chain_file(events), encoding="utf-8")

        def run() -> None:
            (finding,) = check([str(path)], Options()).findings
            assert finding.rule == "CHR201"
            assert len(finding.explanation) == 2 * events - 1

        return best_of_two(run)

    seconds(50)
    small, large = seconds(150), seconds(600)
    assert large < 6 * small + 0.05, (small, large)
