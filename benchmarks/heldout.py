"""Score chrono on a held-out review round: documents written by reviewers who had not read
chrono's code, with the expected findings written down before the run.

A round is a folder ``benchmarks/heldout/<round>/`` with ``docs/*.md`` (front matter ``date``) and
``expected.yaml``, one entry per document::

    - doc: r1-harbour-strike.md
      flawed: true                 # false: a clean document (often with traps)
      category: offset             # the error category, or "clean"
      cites: ["three days later", "on 12 May"]   # words a correct finding points at
      why: "..."

A flawed document is **detected** when an error cites (overlaps) one of its ``cites``; a warning
that does is counted apart. Every other error is a **false alarm** (all errors on a clean
document, and errors on a flawed one that cite none of the expected words).

Usage::

    python benchmarks/heldout.py benchmarks/heldout/r1            # the table and every miss
    python benchmarks/heldout.py ROUND --json out.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from chrono.model import Finding, Severity
from chrono.options import Options
from chrono.runner import check

INTERNAL = "CHR000"


def _occurrences(text: str, words: str) -> list[tuple[int, int]]:
    found, at = [], text.find(words)
    while at != -1:
        found.append((at, at + len(words)))
        at = text.find(words, at + 1)
    return found


def _cites_any(finding: Finding, places: list[tuple[int, int]]) -> bool:
    return any(span.start < end and start < span.end for span in finding.spans for start, end in places)


def score(round_dir: Path) -> dict[str, Any]:
    expected = yaml.safe_load((round_dir / "expected.yaml").read_text(encoding="utf-8"))
    docs = round_dir / "docs"
    report = check([str(docs)], Options())
    by_doc: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_doc[Path(finding.path).name].append(finding)
    rows = []
    for entry in expected:
        name = entry["doc"]
        text = (docs / name).read_text(encoding="utf-8")
        places = [p for words in entry.get("cites") or [] for p in _occurrences(text, str(words))]
        found = by_doc.get(name, [])
        errors = [f for f in found if f.severity >= Severity.ERROR and f.rule != INTERNAL]
        citing = [f for f in found if entry["flawed"] and _cites_any(f, places)]
        hits = [f for f in citing if f in errors]
        warned = [f for f in citing if f.severity < Severity.ERROR]
        rows.append(
            {
                "doc": name,
                "flawed": bool(entry["flawed"]),
                "category": entry.get("category", "clean"),
                "detected": bool(hits),
                "warned": not hits and bool(warned),
                "false_alarms": [f"{f.rule} line {f.line}: {f.message}" for f in errors if f not in hits],
                "crashed": any(f.rule == INTERNAL for f in found),
                "why": entry.get("why", ""),
            }
        )
    return {"round": round_dir.name, "rows": rows}


def table(result: dict[str, Any]) -> str:
    rows = result["rows"]
    flawed = [r for r in rows if r["flawed"]]
    clean = [r for r in rows if not r["flawed"]]
    by_category: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in flawed:
        by_category[row["category"]].append(row)
    detected = sum(r["detected"] for r in flawed)
    alarms = sum(len(r["false_alarms"]) for r in rows)
    lines = [
        f"round {result['round']}: {len(rows)} documents ({len(flawed)} flawed, {len(clean)} clean)",
        f"detected: {detected}/{len(flawed)} ({100 * detected / max(1, len(flawed)):.0f}%), "
        f"warned only: {sum(r['warned'] for r in flawed)}",
        f"false alarms (errors): {alarms}, on {sum(bool(r['false_alarms']) for r in clean)} of "
        f"{len(clean)} clean documents; crashes: {sum(r['crashed'] for r in rows)}",
        "",
        "| category | flawed | detected | warned only |",
        "|---|---:|---:|---:|",
    ]
    for category in sorted(by_category):
        group = by_category[category]
        lines.append(
            f"| {category} | {len(group)} | {sum(r['detected'] for r in group)} | "
            f"{sum(r['warned'] for r in group)} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("round", help="a round folder with docs/ and expected.yaml")
    parser.add_argument("--json", help="write every row to this file")
    args = parser.parse_args(argv)
    result = score(Path(args.round))
    print(table(result))
    print()
    for row in result["rows"]:
        if row["flawed"] and not row["detected"]:
            warned = " (warned)" if row["warned"] else ""
            print(f"missed [{row['category']}] {row['doc']}{warned}: {row['why']}")
        for alarm in row["false_alarms"]:
            print(f"false alarm {row['doc']}: {alarm}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
