"""How long the ``chrono`` command takes to start: whole-process wall time, median of N runs.

Times three commands in fresh subprocesses (what a pre-commit hook or an editor pays on every
run): ``chrono --version``, ``chrono check`` of one small Markdown file (``--no-cache``, so the
document is really read) and ``chrono check`` of one small timeline file. The bytecode of the
installed packages is compiled first, as an installed wheel has it: a run that recompiles every
module (``PYTHONDONTWRITEBYTECODE`` and no ``__pycache__``) measures the compiler, not chrono. Run::

    python benchmarks/startup.py               # 10 runs each
    python benchmarks/startup.py --runs 3      # quicker

and copy the table into BENCHMARKS.md ("Start-up").
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SMALL_PROSE = """---
title: Council budget vote
date: 2024-03-08
---
The city council approved the budget on Tuesday, March 5, 2024, by 31 votes to 12. The mayor
signed it the next day.
"""

SMALL_TIMELINE = """dct: 2025-04-24
events:
  - id: signed
    on: 2024-08-06
  - id: ratified
    on: 2024-09
relations:
  - ratified after signed
"""


def _compile_bytecode() -> None:
    import chrono

    root = Path(chrono.__file__).parent
    for folder in {root, root.parent / "rules", root.parent / "reports"}:
        if folder.is_dir():
            compileall.compile_dir(str(folder), quiet=1)
    for path in sys.path:
        if path.endswith("site-packages") and Path(path).is_dir():
            compileall.compile_dir(path, quiet=1, workers=0)


def _median_seconds(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    _compile_bytecode()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    chrono = [sys.executable, "-m", "chrono"]
    with tempfile.TemporaryDirectory() as tmp:
        prose = Path(tmp, "vote.md")
        prose.write_text(SMALL_PROSE, encoding="utf-8")
        timeline = Path(tmp, "treaty.yaml")
        timeline.write_text(SMALL_TIMELINE, encoding="utf-8")
        check = [*chrono, "check", "--no-cache", "--isolated"]
        commands = {
            "python -c pass (the interpreter alone)": [sys.executable, "-c", "pass"],
            "chrono --version": [*chrono, "--version"],
            "chrono check one small .md (--no-cache)": [*check, str(prose)],
            "chrono check one small .yaml (--no-cache)": [*check, str(timeline)],
        }
        print(f"| command | median of {args.runs} (s) | best (s) |")
        print("|---|---:|---:|")
        for name, command in commands.items():
            median, best = _median_seconds(command, args.runs, env)
            print(f"| {name} | {median:.3f} | {best:.3f} |")


if __name__ == "__main__":
    main()
