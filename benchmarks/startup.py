"""How long the ``chrono`` command takes to start: whole-process wall time, median of N runs.

Times three commands in fresh subprocesses (what a pre-commit hook or an editor pays on every
run): ``chrono --version``, ``chrono check`` of one small Markdown file (``--no-cache``, so the
document is really read) and ``chrono check`` of one small timeline file. The bytecode of the
installed packages is compiled first, as an installed wheel has it: a run that recompiles every
module (``PYTHONDONTWRITEBYTECODE`` and no ``__pycache__``) measures the compiler, not chrono. Run::

    python benchmarks/startup.py               # 10 runs each
    python benchmarks/startup.py --runs 3      # quicker
    python benchmarks/startup.py --compare /tmp/before   # and another checkout, runs interleaved

``--compare DIR`` times a second source tree in the same run (its ``chrono`` package imported
through ``PYTHONPATH``; ``DIR/chrono/rules`` and ``DIR/chrono/reports`` must be links to its
``rules`` and ``reports``), alternating the two so that the load of a shared machine falls on
both alike. Copy the table into BENCHMARKS.md ("Start-up").

``--instructions`` counts instead the machine instructions each command executes, once, under
valgrind's callgrind (``PYTHONHASHSEED=0``): a measure of the work that other jobs on a shared
machine do not disturb, where wall times are noise (it takes about a minute per command).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
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


def _compile_bytecode(other: Path | None) -> None:
    import chrono

    root = Path(chrono.__file__).parent
    folders = [root, root.parent / "rules", root.parent / "reports"]
    if other is not None:
        folders += [other / "chrono", other / "rules", other / "reports"]
    folders += [Path(path) for path in sys.path if path.endswith("site-packages")]
    for folder in folders:
        if folder.is_dir():
            compileall.compile_dir(str(folder), quiet=1, workers=0)


def _seconds(command: list[str], env: dict[str, str], cwd: str) -> float:
    started = time.perf_counter()
    quiet = subprocess.DEVNULL
    # run outside any source tree: `python -m` puts the working directory first on sys.path
    subprocess.run(command, env=env, cwd=cwd, stdout=quiet, stderr=quiet, check=False)
    return time.perf_counter() - started


def _instructions(command: list[str], env: dict[str, str], cwd: str) -> int:
    """Instructions executed by ``command`` and its children, counted by callgrind."""
    counted = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command]
    run = subprocess.run(counted, env={**env, "PYTHONHASHSEED": "0"}, cwd=cwd, capture_output=True,
                         text=True, check=False)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--compare", type=Path, metavar="DIR", help="another source tree to time alike")
    parser.add_argument("--instructions", action="store_true", help="count instructions (valgrind), once")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind")
    _compile_bytecode(args.compare)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    envs = {"this tree": env}
    if args.compare is not None:
        envs[str(args.compare)] = {**env, "PYTHONPATH": str(args.compare.resolve())}
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
        if args.instructions:
            _count(commands, envs, tmp)
            return
        header = " | ".join(f"{label}: median of {args.runs} (best), s" for label in envs)
        ratio = " | this / other" if len(envs) == 2 else ""
        print(f"| command | {header}{ratio} |")
        print("|---|" + "---:|" * (len(envs) + bool(ratio)))
        for name, command in commands.items():
            times: dict[str, list[float]] = {label: [] for label in envs}
            for _ in range(args.runs):
                for label, environment in envs.items():
                    times[label].append(_seconds(command, environment, tmp))
            medians = [statistics.median(found) for found in times.values()]
            pairs = zip(medians, times.values(), strict=True)
            cells = " | ".join(f"{m:.3f} ({min(t):.3f})" for m, t in pairs)
            tail = f" | {medians[0] / medians[1]:.2f}" if ratio else ""
            print(f"| {name} | {cells}{tail} |")


def _count(commands: dict[str, list[str]], envs: dict[str, dict[str, str]], cwd: str) -> None:
    header = " | ".join(f"{label}: instructions (10^6)" for label in envs)
    ratio = " | this / other" if len(envs) == 2 else ""
    print(f"| command | {header}{ratio} |")
    print("|---|" + "---:|" * (len(envs) + bool(ratio)))
    for name, command in commands.items():
        counts = [_instructions(command, environment, cwd) for environment in envs.values()]
        tail = f" | {counts[0] / counts[1]:.2f}" if ratio else ""
        print(f"| {name} | {' | '.join(f'{c / 1e6:,.0f}' for c in counts)}{tail} |")


if __name__ == "__main__":
    main()
