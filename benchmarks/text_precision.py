"""Precision and speed of the text pipeline on the raw text of TimeBank + AQUAINT.

Every ``.tml`` document's ``<TEXT>`` (tags stripped, as :func:`chrono.timeml.parse_timeml` gives
it) is checked as prose with its DCT, through the same engine and rules as ``chrono check``
(the gold annotation is not used). Each error is printed with the words it cites so it can be
classified by reading the text; warnings are counted per rule.

Speed is measured end to end (ingest to findings): each document is written to a temporary
Markdown file with its DCT in the front matter and ``chrono.runner.check`` runs over them on one
process; the rate is characters of the files per second.

Usage::

    python benchmarks/text_precision.py [CORPUS_DIR] [--smoke] [--json FILE]

CORPUS_DIR defaults to ``../shared/corpora/tbaq`` beside the repository (read in place).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from chrono.analyze import analyze, run_rules
from chrono.ingest import Loaded
from chrono.model import Document, Severity
from chrono.options import Options, ReadingOptions
from chrono.runner import check, selected_rules
from chrono.tagger import extract
from chrono.timeml import parse_timeml

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tbaq"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--smoke", action="store_true", help="the first 10 documents only")
    parser.add_argument("--json", help="write the errors as JSON to this file")
    args = parser.parse_args(argv)
    files = sorted(Path(args.corpus).rglob("*.tml"))
    if args.smoke:
        files = files[:10]
    if not files:
        print(f"no .tml files under {args.corpus}", file=sys.stderr)
        return 2
    rules = selected_rules(Options())
    errors: list[dict[str, object]] = []
    warnings: Counter[str] = Counter()
    chars = 0
    docs: list[tuple[str, str, str]] = []
    for path in files:
        tml = parse_timeml(path.read_text(encoding="utf-8"))
        dct = tml.dct[:10] if tml.dct else None
        docs.append((path.name, tml.text, dct or ""))
        chars += len(tml.text)
        options = ReadingOptions.dated(dct) if dct else ReadingOptions()
        analysis = analyze(Loaded(Document(path.name, tml.text, "text")), options)
        for finding in run_rules(analysis, rules):
            if finding.severity >= Severity.ERROR:
                errors.append({
                    "document": path.name, "rule": finding.rule, "line": finding.line,
                    "message": finding.message,
                    "cites": [span.text for span in finding.spans],
                    "chain": [step.text for step in finding.explanation],
                })
            else:
                warnings[finding.rule] += 1

    # Planted errors: in each document, the first explicit year of a dated expression is moved to
    # three years after the DCT; an error should now be reported (recall of the DCT rule and the
    # dating chain on real prose).
    planted = caught = 0
    stats: Counter[str] = Counter()
    for name, text, dct in docs:
        options = ReadingOptions.dated(dct) if dct else ReadingOptions()
        analysis = analyze(Loaded(Document(name, text, "text")), options)
        stats["events"] += len(analysis.events)
        for claim in analysis.claims:
            stats[type(claim).__name__] += 1
        if not dct:
            continue
        timex = next((t for t in extract(text, dct) if t.anchor is None and t.type == "DATE"
                      and re.fullmatch(r"\d{4}(-\d\d){0,2}", t.value) and t.value[:4] in t.text), None)
        if timex is None:
            continue
        at = timex.start + timex.text.index(timex.value[:4])
        changed = text[:at] + str(int(dct[:4]) + 3) + text[at + 4:]
        planted += 1
        analysis = analyze(Loaded(Document(name, changed, "text")), options)
        if any(f.severity >= Severity.ERROR for f in run_rules(analysis, rules)):
            caught += 1

    with tempfile.TemporaryDirectory() as tmp:
        total = 0
        for name, text, dct in docs:
            content = (f"---\ndate: {dct}\n---\n" if dct else "") + text
            total += len(content)
            (Path(tmp) / f"{name}.md").write_text(content, encoding="utf-8")
        check([tmp], Options())  # warm up (resources, compiled patterns)
        runs = []
        cpu_runs = []  # process CPU time: less disturbed than the wall clock on a shared machine
        for _ in range(1 if args.smoke else 5):
            started, cpu_started = time.perf_counter(), time.process_time()
            report = check([tmp], Options())
            runs.append(time.perf_counter() - started)
            cpu_runs.append(time.process_time() - cpu_started)
        runs.sort()
        elapsed = runs[0]
        median = runs[len(runs) // 2]

    print(f"documents: {len(files)}   characters of text: {chars:,}")
    print(f"errors: {len(errors)} in {len({e['document'] for e in errors})} documents")
    print(f"warnings: {sum(warnings.values())} {dict(sorted(warnings.items()))}")
    print(f"end to end (chrono.runner.check, 1 process, best of {len(runs)}): {total:,} characters in "
          f"{elapsed:.2f} s = {total / elapsed:,.0f} characters/s (median {total / median:,.0f}); "
          f"{len(report.findings)} findings")
    print(f"end to end CPU time, best of {len(cpu_runs)}: {min(cpu_runs):.2f} s = "
          f"{total / min(cpu_runs):,.0f} characters per CPU-second (load average "
          f"{os.getloadavg()[0]:.1f})")
    print(f"claims: {dict(sorted(stats.items()))}")
    print(f"planted errors (first explicit year moved 3 years past the DCT): {caught} of {planted} caught")
    for error in errors:
        print(f"\n{error['document']}:{error['line']} {error['rule']} {error['message']}")
        for step in error["chain"]:  # type: ignore[attr-defined]
            print(f"    - {step}")
    if args.json:
        Path(args.json).write_text(json.dumps(errors, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
