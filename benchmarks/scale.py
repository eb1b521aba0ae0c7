"""chrono over a large corpus: serial vs process pool vs Dask LocalCluster, in one run.

Generates a corpus of tiny documents (deterministic: the same ``--docs`` give the same corpus;
a few sentences of prose each, every tenth a timeline file with a planted contradiction in one
of three), then runs the real CLI in subprocesses::

    chrono check PARTS... --no-cache --format json -o OUT --executor E --jobs W

for every corpus size in ``--sizes`` (the first folders of the corpus) and every executor, and
reports for each run:

- wall time, documents per second, and documents per second per core (W cores for the pool and
  Dask, 1 for serial);
- the driver's peak resident memory and CPU time (the ``chrono`` process itself, not its pool
  workers; with the Dask LocalCluster the scheduler runs inside it, the workers do not);
- a SHA-256 of the JSON output: the findings must be the same, byte for byte, for every
  executor at a size (the script exits 1 when they are not).

It ends with a projection to 10^6 and 10^7 documents on N workers from the measured costs (see
BENCHMARKS.md, "Scale"). Run::

    python benchmarks/scale.py                              # 10,000 and 30,000 documents
    python benchmarks/scale.py --sizes 10000,100000         # the issue's sizes (slow on 2 cores)
    python benchmarks/scale.py --smoke                      # 300 documents, CI smoke mode
    python benchmarks/scale.py --clean --sizes 10000,50000  # no findings: the driver's memory alone

Serial runs only at the smallest size unless ``--serial-all`` (on 2 cores it doubles the time).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FOLDER_SIZE = 1000

# the driver reports its own peak memory and CPU time on exit (its pool workers are not counted)
DRIVER = """
import atexit, json, os, resource, sys
def _report():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    sys.stderr.write("DRIVER " + json.dumps({"maxrss_kb": usage.ru_maxrss,
                                             "cpu_s": usage.ru_utime + usage.ru_stime}) + "\\n")
atexit.register(_report)
from chrono.cli import main
sys.exit(main(sys.argv[1:]))
"""

PLACES = ["Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Tunis", "Perth", "Quito"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def prose(index: int) -> str:
    """A short dated news item: a dateline-free paragraph of three sentences."""
    place = PLACES[index % len(PLACES)]
    year = 2015 + index % 9
    month = 1 + index % 12
    day = 1 + index % 27
    return (
        f"---\ndate: {year}-{month:02}-{day + 1:02}\n---\n"
        f"The council of {place} approved the harbour budget on {day} {MONTHS[month - 1]} {year}. "
        f"Two days later the mayor signed it, and work on pier {index % 40} began in "
        f"{MONTHS[(month + 2) % 12]}. The previous budget had been approved in {year - 1}.\n"
    )


def timeline(index: int, planted: bool = True) -> str:
    """A small timeline; one in three has an end before its own event's start (none without
    ``planted``)."""
    year = 2000 + index % 20
    end = f"by {year - 1}-06" if planted and index % 3 == 0 else f"by {year + 1}-06"
    return (
        f"dct: {year + 2}-01-01\n"
        "events:\n"
        f"  - id: opened\n    text: Line {index} opened\n    on: {year}-03\n"
        f"  - id: closed\n    text: Line {index} closed\n    end: {end}\n"
        "relations:\n  - closed after opened\n"
    )


def generate(root: Path, count: int, planted: bool = True) -> list[Path]:
    """``count`` documents in folders of FOLDER_SIZE; returns the folders in order."""
    folders = []
    for start in range(0, count, FOLDER_SIZE):
        folder = root / f"part{start // FOLDER_SIZE:05}"
        folder.mkdir(parents=True, exist_ok=True)
        folders.append(folder)
        for index in range(start, min(count, start + FOLDER_SIZE)):
            if index % 10 == 9:
                (folder / f"t{index:07}.yaml").write_text(timeline(index, planted), encoding="utf-8")
            else:
                (folder / f"n{index:07}.md").write_text(prose(index), encoding="utf-8")
    return folders


@dataclass(frozen=True)
class Measured:
    wall: float
    rss_mb: float
    cpu: float
    sha: str
    findings: int


def run(folders: list[Path], executor: str, jobs: int, out: Path, cwd: Path) -> Measured:
    command = [sys.executable, "-c", DRIVER, "check", *[f.name for f in folders], "--no-cache", "--isolated"]
    command += ["--format", "json", "-o", str(out), "--executor", executor, "--jobs", str(jobs), "--quiet"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{executor}: exit {proc.returncode}\n{proc.stderr[-3000:]}")
    driver = json.loads(next(line for line in proc.stderr.splitlines() if line.startswith("DRIVER "))[7:])
    data = out.read_bytes()
    findings = len(json.loads(data)["findings"])
    digest = hashlib.sha256(data).hexdigest()[:12]
    return Measured(wall, driver["maxrss_kb"] / 1024, driver["cpu_s"], digest, findings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000", help="corpus sizes, comma-separated")
    parser.add_argument("--jobs", type=int, default=2, help="pool processes and Dask workers")
    parser.add_argument("--executors", default="serial,process,dask")
    parser.add_argument("--serial-all", action="store_true", help="serial at every size, not only the first")
    parser.add_argument("--smoke", action="store_true", help="300 documents: the script works")
    parser.add_argument("--clean", action="store_true",
                        help="no planted contradictions: the driver's memory without findings to keep")
    args = parser.parse_args()
    sizes = [300] if args.smoke else [int(size) for size in args.sizes.split(",")]
    executors = args.executors.split(",")
    rows: list[tuple[int, str, Measured]] = []
    with tempfile.TemporaryDirectory(prefix="chrono-scale-") as tmp:
        root = Path(tmp) / "corpus"
        started = time.perf_counter()
        folders = generate(root, max(sizes), planted=not args.clean)
        print(f"generated {max(sizes)} documents in {time.perf_counter() - started:.1f} s")
        for size in sizes:
            chosen = folders[: (size + FOLDER_SIZE - 1) // FOLDER_SIZE]
            for executor in executors:
                if executor == "serial" and size != sizes[0] and not args.serial_all:
                    continue
                jobs = 1 if executor == "serial" else args.jobs
                result = run(chosen, executor, jobs, Path(tmp) / f"out-{size}-{executor}.json", root)
                rows.append((size, executor, result))
                print(f"  {size} {executor}: {result.wall:.1f} s", file=sys.stderr)
    print()
    print("| documents | executor | cores | wall (s) | docs/s | docs/s per core | driver peak RSS (MB) "
          "| driver CPU (s) | findings | output SHA-256 |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for size, executor, r in rows:
        cores = 1 if executor == "serial" else args.jobs
        wall = r.wall
        print(f"| {size} | {executor} | {cores} | {wall:.1f} | {size / wall:.0f} | {size / wall / cores:.0f} "
              f"| {r.rss_mb:.0f} | {r.cpu:.1f} | {r.findings} | {r.sha} |")
    same = True
    for size in sizes:
        hashes = {r.sha for s, _, r in rows if s == size}
        if len(hashes) != 1:
            same = False
            print(f"\nDIFFERENT OUTPUT at {size} documents: {hashes}")
    by = {(s, e): r for s, e, r in rows}
    print()
    if same:
        print("The JSON output is identical for every executor at every size.")
    for size in sizes:
        if (size, "process") in by and (size, "dask") in by:
            ratio = by[(size, "process")].wall / by[(size, "dask")].wall
            print(f"{size} documents: Dask throughput per core = {ratio:.2f} x the process pool's")
    for executor in executors:
        peaks = [(s, by[(s, executor)].rss_mb) for s in sizes if (s, executor) in by]
        if len(peaks) >= 2:
            (small, low), (large, high) = peaks[0], peaks[-1]
            per_doc = (high - low) * 1024 / (large - small)
            print(f"{executor}: driver peak {low:.0f} MB at {small} -> {high:.0f} MB at {large} "
                  f"({per_doc:.2f} kB more per document)")
    _projection(sizes, by, args.jobs)
    return 0 if same else 1


def _projection(sizes: list[int], by: dict[tuple[int, str], Measured], workers: int) -> None:
    """Per-document worker cost from the pool, the Dask overhead, and the driver's cost per
    document (the part no number of workers removes), carried to 10^6 and 10^7 documents."""
    pooled = [s for s in sizes if (s, "process") in by]
    if not pooled:
        return
    largest = max(pooled)
    pool = by[(largest, "process")]
    per_doc_core = pool.wall * workers / largest
    print(f"\nworker cost: {per_doc_core * 1000:.2f} ms per document per core (process pool, {largest} docs)")
    if (largest, "dask") in by:
        dask = by[(largest, "dask")]
        overhead = (dask.wall - pool.wall) / largest
        driver = dask.cpu / largest
        print(f"Dask: {overhead * 1000:+.3f} ms per document of wall time over the pool; "
              f"driver (client + scheduler) CPU {driver * 1000:.3f} ms per document")
        for total in (10**6, 10**7):
            cells = []
            for n in (8, 32, 128):
                seconds = max(total * per_doc_core / n, total * driver)
                cells.append(f"N={n}: {seconds / 3600:.1f} h")
            print(f"{total:.0e} documents: " + ", ".join(cells) + " (the larger of work/N and driver time)")


if __name__ == "__main__":
    raise SystemExit(main())
