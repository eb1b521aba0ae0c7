"""How long `chrono report` takes on a generated corpus (default: 1,000 timeline documents), and
how it grows with one long prose document.

    python benchmarks/report_speed.py                 # 1,000 documents, full CLI run
    python benchmarks/report_speed.py --documents 50  # smoke mode
    python benchmarks/report_speed.py --events 500 --documents 1 --keep /tmp/big   # one long timeline
    python benchmarks/report_speed.py --prose 0.25,0.5,1     # one prose document of each size (MB)
    python benchmarks/report_speed.py --prose 0.01,0.04      # smoke mode

Each document is a timeline of ``--events`` events (dated days, months, open-ended events,
relations between neighbours); every tenth document has one date wrong so that findings,
explanations and conflict marks are rendered too. The run is the real command line
(``chrono report DIR -o OUT --isolated --no-cache``) in a fresh process, timed from outside, so
start-up, checking and rendering all count. The target (issue 5) is under 30 s for 1,000
documents.

``--prose`` times ``chrono check`` and ``chrono report`` (same options) on one Markdown document
per size, the bundled examples' prose repeated (``text_scaling.py``'s ``examples`` layout: a
date, an event and often a contradiction in every sentence), and gives the document page's bytes
per input character and, for the report, the seconds per MB at the largest size over those at the
smallest: about 1 when the report is linear in its input (``--max-ratio`` fails above a bound).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from text_scaling import MB, build, examples


def timeline(number: int, events: int, flawed: bool, rng: random.Random) -> str:
    lines = [f"# generated timeline {number}", "dct: 2025-04-24", "events:"]
    year = 1990 + number % 30
    for i in range(events):
        month = 1 + (i * 12 // max(events, 1)) % 12
        day = 1 + rng.randrange(27)
        kind = i % 4
        lines.append(f"  - id: e{i}")
        lines.append(f"    text: Event {i} of document {number} ({'meeting' if kind else 'campaign'})")
        if kind == 0:
            lines.append(f"    start: {year}-{month:02d}")
            lines.append(f"    end: by {year + 1}-{month:02d}")
        elif kind == 1:
            lines.append(f"    on: {year}-{month:02d}-{day:02d}")
        elif kind == 2:
            lines.append(f"    on: {year}-{month:02d}")
        else:
            lines.append(f"    start: after {year}-{month:02d}-{day:02d}")
    lines.append("relations:")
    for i in range(1, events):
        if i % 4 == 1:
            lines.append(f"  - e{i} after e{i - 1}" if i % 8 != 1 else f"  - e{i} during e{i - 1}")
    if flawed and events >= 2:
        lines.append(f"  - e0 after e{events - 1}")
    return "\n".join(lines) + "\n"


def generate(folder: Path, documents: int, events: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    for number in range(documents):
        sub = folder / f"part{number // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = timeline(number, events, flawed=number % 10 == 3, rng=rng)
        (sub / f"doc{number:04d}.yaml").write_text(text, encoding="utf-8")


def timed(arguments: list[str]) -> tuple[float, int]:
    """Seconds and exit code of one ``python -m chrono`` command line in a fresh process."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "chrono", *arguments]
    done = subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started, done.returncode


def prose(sizes: list[float], jobs: str, base: Path, max_ratio: float | None) -> int:
    print(f"{'MB':>6} {'characters':>11} {'check s':>8} {'report s':>9} {'report s/MB':>11} "
          f"{'page bytes':>11} {'page/input':>10}")
    per_mb: list[float] = []
    for size in sizes:
        folder, out = base / f"prose-{size:g}", base / f"report-{size:g}"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        folder.mkdir(parents=True)
        text = build(examples(), "2025-04-24", int(size * MB), "examples")
        (folder / "prose.md").write_text(text, encoding="utf-8")
        common = [str(folder), "--isolated", "--no-cache", "--jobs", jobs, "--quiet"]
        check_seconds, check_code = timed(["check", *common])
        report_seconds, report_code = timed(["report", *common, "-o", str(out)])
        if report_code != check_code:
            print(f"chrono report exited {report_code}, chrono check {check_code}", file=sys.stderr)
            return 2
        page = next((out / "docs").glob("*.html")).stat().st_size
        per_mb.append(report_seconds / (len(text) / MB))
        print(f"{size:>6g} {len(text):>11,} {check_seconds:>8.2f} {report_seconds:>9.2f} {per_mb[-1]:>11.2f} "
              f"{page:>11,} {page / len(text):>9.1f}x")
    ratio = per_mb[-1] / per_mb[0]
    print(f"report s/MB at {sizes[-1]:g} MB / s/MB at {sizes[0]:g} MB = {ratio:.2f} "
          f"({sizes[-1] / sizes[0]:g}x the text)")
    return 1 if max_ratio is not None and ratio > max_ratio else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--events", type=int, default=8, help="events per document")
    parser.add_argument("--jobs", default="1", help="chrono --jobs (default 1: one process, worst case)")
    parser.add_argument("--keep", metavar="DIR", help="write corpus and report here and keep them")
    parser.add_argument("--limit", type=float, default=30.0, help="fail above this many seconds")
    parser.add_argument("--prose", metavar="SIZES", help="one prose document per size in MB: 0.25,0.5,1")
    parser.add_argument("--max-ratio", type=float, help="--prose: fail above this s/MB ratio")
    args = parser.parse_args()

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="chrono-report-bench-"))
    try:
        if args.prose:
            return prose([float(size) for size in args.prose.split(",")], args.jobs, base, args.max_ratio)
        corpus, out = base / "corpus", base / "report"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        generate(corpus, args.documents, args.events)
        command = [
            sys.executable, "-m", "chrono", "report", str(corpus), "-o", str(out),
            "--isolated", "--no-cache", "--jobs", str(args.jobs), "--quiet",
        ]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(command, check=False)
        elapsed = time.perf_counter() - started
        pages = len(list(out.rglob("*.html")))
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        print(
            f"chrono report: {args.documents} documents x {args.events} events -> {pages} pages, "
            f"{size / 1e6:.1f} MB in {elapsed:.2f} s (exit {done.returncode}, jobs {args.jobs})"
        )
        if done.returncode not in (0, 1):
            return 2
        return 0 if elapsed < args.limit else 1
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
