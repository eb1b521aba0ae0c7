"""Scaling of a conflict's explanation: one contradiction as long as the document.

N events chained by ``after`` (e1 after e0, e2 after e1, ...), the first dated 2024-08-06 and the
last 2024-08-01: the only minimal explanation is the whole chain (2N - 1 statements). Timed two
ways, each the best of ``--repeat`` runs:

- ``chrono check`` on the timeline file, in a subprocess (``--isolated --no-cache``), with the
  same chain left consistent (the last event dated 2030) beside it for comparison;
- ``chrono.network.solve`` alone on the same claims, for chains of "after" and for two chains
  whose every statement is two constraints ("meets": ``IAFTER``, and ``SIMULTANEOUS``), where
  the cycle's junctions are every node.

The "x4" columns are the time at N over the time at N/4: about 4 is linear, 16 quadratic. ::

    python benchmarks/conflict_scaling.py                 # N = 1,000 / 4,000 / 16,000
    python benchmarks/conflict_scaling.py --smoke         # N = 250 / 1,000, one run (CI smoke mode)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from chrono.model import Claim, EventExists, Part, PeriodClaim, Qualifier, Relation, RelationClaim, Span
from chrono.network import NodeIndex, solve
from chrono.periods import DAY, Period

SPAN = Span(0, 0)
FIRST_DAY, LAST_DAY = 19_941 * DAY, 19_936 * DAY  # 2024-08-06 and 2024-08-01


def timeline(events: int, conflict: bool) -> str:
    lines = ["dct: 2025-04-24", "events:"]
    for i in range(events):
        lines.append(f"  - id: e{i}")
        if i == 0:
            lines.append("    on: 2024-08-06")
        elif i == events - 1:
            lines.append("    on: 2024-08-01" if conflict else "    on: 2030-01-01")
    lines.append("relations:")
    lines += [f"  - e{i} after e{i - 1}" for i in range(1, events)]
    return "\n".join(lines) + "\n"


def claims(events: int, relation: Relation) -> tuple[list[Claim], NodeIndex, frozenset[int]]:
    ids = [f"e{i}" for i in range(events)]
    made: list[Claim] = [EventExists(e, SPAN) for e in ids]
    made.append(PeriodClaim(ids[0], Part.WHOLE, Qualifier.IN, Period(FIRST_DAY, FIRST_DAY + DAY), SPAN))
    made.append(PeriodClaim(ids[-1], Part.WHOLE, Qualifier.IN, Period(LAST_DAY, LAST_DAY + DAY), SPAN))
    made += [RelationClaim(ids[i], relation, ids[i - 1], SPAN) for i in range(1, events)]
    return made, NodeIndex(ids), frozenset(range(events))


def best(run: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def check_seconds(path: Path, repeat: int, expect: int) -> float:
    command = [sys.executable, "-m", "chrono", "check", str(path), "--isolated", "--no-cache"]
    command += ["--format", "json"]

    def run() -> None:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != expect:
            raise SystemExit(f"{path.name}: exit {result.returncode}, expected {expect}\n{result.stderr}")

    return best(run, repeat)


def solve_seconds(events: int, relation: Relation, repeat: int) -> float:
    made, nodes, structural = claims(events, relation)

    def run() -> None:
        (conflict,) = solve(made, nodes, structural=structural).conflicts
        assert len(conflict.claims) >= events

    return best(run, repeat)


def ratio(times: list[float], index: int) -> str:
    return f"{times[index] / times[index - 1]:.1f}" if index else ""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="N = 250 and 1,000, one run each")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    sizes = [250, 1_000] if args.smoke else [1_000, 4_000, 16_000]
    repeat = 1 if args.smoke else args.repeat
    with tempfile.TemporaryDirectory() as folder:
        conflicting, consistent = [], []
        for n in sizes:
            for conflict, times in ((True, conflicting), (False, consistent)):
                path = Path(folder) / f"chain-{n}-{'conflict' if conflict else 'ok'}.yaml"
                path.write_text(timeline(n, conflict), encoding="utf-8")
                times.append(check_seconds(path, repeat, 1 if conflict else 0))
    kinds = (Relation.AFTER, Relation.IAFTER, Relation.SIMULTANEOUS)
    solved = {r: [solve_seconds(n, r, repeat) for n in sizes] for r in kinds}
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")
    print("`chrono check` on the timeline file (seconds, best of runs; x4: time over the time at N/4):\n")
    print("| N events | conflicting chain | x4 | consistent chain | x4 |")
    print("|---:|---:|---:|---:|---:|")
    for i, n in enumerate(sizes):
        print(
            f"| {n:,} | {conflicting[i]:.2f} | {ratio(conflicting, i)} "
            f"| {consistent[i]:.2f} | {ratio(consistent, i)} |"
        )
    print("\n`chrono.network.solve` alone on the conflicting chain (seconds):\n")
    print("| N events | after | x4 | meets (IAFTER) | x4 | simultaneous | x4 |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for i, n in enumerate(sizes):
        cells = " | ".join(f"{solved[r][i]:.3f} | {ratio(solved[r], i)}" for r in solved)
        print(f"| {n:,} | {cells} |")


if __name__ == "__main__":
    main()
