"""How fast ``chrono check`` is in CI: cold vs warm cache, and --jobs.

Generates a corpus of timeline documents in a temporary directory (deterministic: the same
``--docs`` and ``--seed`` give the same corpus), then times the real CLI in subprocesses:

- cold: empty cache directory, ``--jobs 1`` and ``--jobs N``
- warm: the same command again over the unchanged corpus (every file a cache hit)
- no cache: ``--no-cache`` with ``--jobs 1`` and ``--jobs N``

Each timing is the best of ``--repeat`` runs (a cold run gets a fresh cache directory each
time). Run::

    python benchmarks/ci_speed.py                 # 1,000 documents
    python benchmarks/ci_speed.py --smoke         # 60 documents, one repeat (CI smoke mode)

and copy the table into BENCHMARKS.md ("CI: cache and parallel runs").
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timeline(rng: random.Random, index: int, events: int) -> str:
    """A timeline of ``events`` dated events in order, related pairwise; one in ten documents
    has a contradiction (a later event dated before an earlier one)."""
    year = 1990 + index % 30
    lines = [f"# Generated timeline {index}", f"dct: {year + 3}-06-01", f"title: Chronicle {index}"]
    lines.append("events:")
    day = 0
    ids = []
    for n in range(events):
        day += rng.randint(3, 20)
        month, dom = 1 + (day // 28) % 12, 1 + day % 28
        y = year + day // 336
        event_id = f"e{n}"
        ids.append(event_id)
        lines.append(f"  - id: {event_id}")
        source = rng.randint(1, 99)
        lines.append(f"    text: Event {n} of chronicle {index}, reported by correspondent {source}")
        kind = n % 4
        if kind == 0:
            lines.append(f"    on: {y}-{month:02}-{dom:02}")
        elif kind == 1:
            lines.append(f"    start: {y}-{month:02}")
            lines.append(f"    end: by {y + 1}-{month:02}")
        elif kind == 2:
            lines.append(f"    on: {y}-{month:02}")
        else:
            lines.append(f"    start: {y}-{month:02}-{dom:02}")
            lines.append(f"    duration: {rng.randint(1, 2)} days")
    lines.append("relations:")
    for a, b in itertools.pairwise(ids):
        if rng.random() < 0.5:
            lines.append(f"  - {b} after {a}")
    if index % 10 == 0:  # a contradiction: the first event comes after the last
        lines.append(f"  - {ids[0]} after {ids[-1]}")
    return "\n".join(lines) + "\n"


def generate(root: Path, docs: int, events: int, seed: int) -> int:
    rng = random.Random(seed)
    size = 0
    for i in range(docs):
        folder = root / f"section{i % 20:02}"
        folder.mkdir(parents=True, exist_ok=True)
        text = timeline(rng, i, events)
        (folder / f"timeline{i:04}.yaml").write_text(text, encoding="utf-8")
        size += len(text)
    return size


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall time, CPU time (user + system, the process and its workers) and the result."""
    env = {k: v for k, v in os.environ.items() if k != "CHRONO_CACHE_DIR"}
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "chrono", *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    if proc.returncode not in (0, 1):
        raise SystemExit(f"chrono {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed, cpu, proc


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def pool_calibration(jobs: int) -> tuple[float, float]:
    """Seconds for 2*jobs equal pure-Python loops, serially and over a pool of ``jobs``
    processes: how much parallelism this machine really gives (shared CI runners often give
    less than their CPU count)."""
    from concurrent.futures import ProcessPoolExecutor

    work = [3_000_000] * (2 * jobs)
    start = time.perf_counter()
    for n in work:
        _burn(n)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_burn, work))
    return serial, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--events", type=int, default=24, help="events per document")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="N for the parallel runs")
    parser.add_argument("--smoke", action="store_true", help="60 documents, one repeat")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    options = parser.parse_args(argv)
    if options.smoke:
        options.docs, options.repeat = 60, 1

    with tempfile.TemporaryDirectory(prefix="chrono-ci-speed-") as temp:
        root = Path(temp)
        corpus = root / "corpus"
        chars = generate(corpus, options.docs, options.events, options.seed)
        cache = root / "cache"
        base = ["check", "corpus", "--format", "json", "--quiet"]
        jobs_n = str(options.jobs)

        def best(args: list[str], fresh_cache: bool) -> tuple[float, float, subprocess.CompletedProcess[str]]:
            times = []
            proc = None
            for _ in range(options.repeat):
                if fresh_cache:
                    shutil.rmtree(cache, ignore_errors=True)
                elapsed, cpu_time, proc = run(args, root)
                times.append((elapsed, cpu_time))
            assert proc is not None
            best_time, best_cpu = min(times)
            return best_time, best_cpu, proc

        run([*base, "--no-cache", "--jobs", "1"], root)  # warm-up: .pyc files, OS file cache
        results: dict[str, float] = {}
        outputs: dict[str, str] = {}
        cached = [*base, "--cache-dir", str(cache)]
        cpu: dict[str, float] = {}
        for label, args, fresh in [
            ("no cache, --jobs 1", [*base, "--no-cache", "--jobs", "1"], False),
            (f"no cache, --jobs {jobs_n}", [*base, "--no-cache", "--jobs", jobs_n], False),
            ("cold cache, --jobs 1", [*cached, "--jobs", "1"], True),
            (f"cold cache, --jobs {jobs_n}", [*cached, "--jobs", jobs_n], True),
            # the last cold run left a full cache: warm runs over the unchanged corpus
            ("warm cache, --jobs 1", [*cached, "--jobs", "1"], False),
            (f"warm cache, --jobs {jobs_n}", [*cached, "--jobs", jobs_n], False),
        ]:
            results[label], cpu[label], proc = best(args, fresh)
            outputs[label] = proc.stdout
        identical = len(set(outputs.values())) == 1
        findings = len(json.loads(outputs["cold cache, --jobs 1"])["findings"])

    serial, pooled = pool_calibration(options.jobs)
    cold = results["cold cache, --jobs 1"]
    warm = results["warm cache, --jobs 1"]
    if options.json:
        data = {
            "docs": options.docs,
            "chars": chars,
            "findings": findings,
            "times": results,
            "cpu": cpu,
            "calibration": {"serial": serial, f"pool of {options.jobs}": pooled},
        }
        print(json.dumps(data, indent=2))
        return 0
    print(f"corpus: {options.docs} timeline documents, {options.events} events each, {chars:,} characters")
    print(f"findings: {findings}; output identical across all runs: {identical}")
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; best of {options.repeat}")
    print()
    print("| run | wall time (s) | CPU time, all processes (s) |")
    print("|---|---:|---:|")
    for label, seconds in results.items():
        print(f"| {label} | {seconds:.2f} | {cpu[label]:.2f} |")
    print()
    print(f"warm vs cold (--jobs 1): {cold / warm:.1f}x faster")
    print(
        f"machine calibration: a pure-Python loop takes {serial:.2f} s serially and {pooled:.2f} s over "
        f"{options.jobs} processes ({serial / pooled:.1f}x)"
    )
    if not identical:
        print("ERROR: outputs differ between runs", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
