"""Score the temporal tagger on a held-out tagger round: documents written and annotated by a
reviewer who had not read chrono's code, with the gold values written down before the run.

A round is a folder with ``docs/*.md`` (front matter ``date``: the document creation time) and
``gold.yaml``, one entry per document::

    - doc: 01_harbour_fire.md
      expressions:
        - text: "two days later"   # an exact substring of the document
          occurrence: 1            # which occurrence of it (default 1)
          type: DATE               # DATE | TIME | DURATION | SET
          value: "2021-05-05"      # the TIMEX3 value
          kind: anaphoric          # absolute | relative | anaphoric | duration | set
          optional: false          # true: annotators could disagree; not scored either way
      traps: ["May Street"]        # look temporal, are not: tagging one counts against us

The tagger is read as ``chrono check`` reads the document (its front-matter date, the Markdown
view, headings and datelines): the expressions of ``chrono.readers`` for the document.
Matching is by overlap, one to one (the pair that overlaps most first). Reported:

* span precision and recall (a system expression that overlaps an optional gold one is left out
  of precision; optional gold is left out of recall);
* value accuracy over matched spans, overall and per kind: the value must be the gold value
  (case aside; a decade as "197" or "197X" and midnight as "T24:00" or the next day's "T00:00"
  count as one value, since round t6);
* the narrative/anaphoric value accuracy (issue 14's figure): right values among the matched
  anaphoric expressions, and among all anaphoric ones (a missed one counts as wrong);
* traps tagged.

Usage::

    python benchmarks/tagger_heldout.py ROUND            # the table, then every wrong value
    python benchmarks/tagger_heldout.py ROUND --json out.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from chrono.ingest import load
from chrono.options import ReadingOptions
from chrono.readers import READERS

KINDS = ("absolute", "relative", "anaphoric", "duration", "set")


def same_value(system: str, gold: str) -> bool:
    """The same TIMEX3 value, case aside, and written either way where the conventions differ
    (counted so since round t6): a decade as "197" or "197X", midnight as "T24:00" of a day or
    "T00:00" of the next."""
    a, b = _canonical(system), _canonical(gold)
    return a == b


def _canonical(value: str) -> str:
    value = value.upper()
    if len(value) == 4 and value[:3].isdigit() and value[3] == "X":
        return value[:3]  # "197X": the decade
    if len(value) >= 16 and value[10:16] == "T24:00":
        try:
            day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=1)
        except ValueError:
            return value
        return f"{day.isoformat()}T00:00{value[16:]}"
    return value


def _nth(text: str, words: str, occurrence: int) -> tuple[int, int] | None:
    at = -1
    for _ in range(occurrence):
        at = text.find(words, at + 1)
        if at == -1:
            return None
    return at, at + len(words)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_document(path: Path, entry: dict[str, Any]) -> dict[str, Any]:
    loaded = load(path, str(path))
    compiled = READERS[loaded.document.kind](loaded.document, ReadingOptions())
    text = compiled.document.text
    system = [(t.start, t.end, t.value, t.type) for t in compiled.timexes]
    gold = []
    problems = []
    for item in entry.get("expressions") or []:
        span = _nth(text, str(item["text"]), int(item.get("occurrence", 1)))
        if span is None:
            problems.append(f"gold text not found: {item['text']!r}")
            continue
        gold.append({**item, "span": span})
    # one to one, largest overlap first
    pairs = sorted(
        ((_overlap(g["span"], (s[0], s[1])), gi, si)
         for gi, g in enumerate(gold) for si, s in enumerate(system)),
        reverse=True,
    )
    gold_match: dict[int, int] = {}
    system_match: dict[int, int] = {}
    for amount, gi, si in pairs:
        if amount <= 0:
            break
        if gi in gold_match or si in system_match:
            continue
        gold_match[gi] = si
        system_match[si] = gi
    rows = []
    for gi, g in enumerate(gold):
        si = gold_match.get(gi)
        got = system[si] if si is not None else None
        rows.append({
            "text": g["text"], "kind": g.get("kind", "absolute"), "optional": bool(g.get("optional")),
            "gold": str(g["value"]), "type": g.get("type"),
            "found": got is not None, "value": got[2] if got else None,
            "system_text": text[got[0]:got[1]] if got else None,
            "right": got is not None and same_value(str(got[2]), str(g["value"])),
        })
    spurious = [
        text[s[0]:s[1]] for si, s in enumerate(system)
        if si not in system_match
    ]
    optional_hits = sum(1 for si, gi in system_match.items() if gold[gi].get("optional"))
    traps = []
    for trap in entry.get("traps") or []:
        start = text.find(str(trap))
        if start == -1:
            problems.append(f"trap not found: {trap!r}")
            continue
        end = start + len(str(trap))
        tagged = [text[s[0]:s[1]] for s in system if _overlap((start, end), (s[0], s[1])) > 0]
        traps.append({"trap": trap, "tagged": tagged})
    return {"doc": entry["doc"], "rows": rows, "spurious": spurious, "optional_hits": optional_hits,
            "system_count": len(system), "traps": traps, "problems": problems}


def score(round_dir: Path) -> dict[str, Any]:
    entries = yaml.safe_load((round_dir / "gold.yaml").read_text(encoding="utf-8"))
    return {"round": round_dir.name,
            "documents": [score_document(round_dir / "docs" / e["doc"], e) for e in entries]}


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def table(result: dict[str, Any]) -> str:
    docs = result["documents"]
    rows = [r for d in docs for r in d["rows"] if not r["optional"]]
    found = [r for r in rows if r["found"]]
    system = sum(d["system_count"] - d["optional_hits"] for d in docs)
    matched_system = len(found)
    precision = matched_system / system if system else 0.0
    recall = len(found) / len(rows) if rows else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    traps = [t for d in docs for t in d["traps"]]
    lines = [
        f"round {result['round']}: {len(docs)} documents, {len(rows)} scored expressions "
        f"({sum(1 for d in docs for r in d['rows'] if r['optional'])} optional), {len(traps)} traps",
        f"span precision {precision:.1%}, recall {recall:.1%}, F1 {f1:.3f}",
        f"value accuracy over matched spans: {_pct(sum(r['right'] for r in found), len(found))}",
        "",
        "| kind | gold | found | value right (of found) | value right (of gold) |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in KINDS:
        group = [r for r in rows if r["kind"] == kind]
        got = [r for r in group if r["found"]]
        right = sum(r["right"] for r in got)
        lines.append(f"| {kind} | {len(group)} | {len(got)} | {_pct(right, len(got))} | "
                     f"{_pct(right, len(group))} |")
    lines.append("")
    lines.append(f"traps tagged: {sum(bool(t['tagged']) for t in traps)} of {len(traps)}")
    problems = [p for d in docs for p in d["problems"]]
    if problems:
        lines.append(f"gold problems: {len(problems)}")
    return "\n".join(lines)


def details(result: dict[str, Any]) -> str:
    out = []
    for d in result["documents"]:
        for r in d["rows"]:
            if r["optional"] or r["right"]:
                continue
            if not r["found"]:
                out.append(f"{d['doc']}: missed [{r['kind']}] {r['text']!r} (gold {r['gold']})")
            else:
                out.append(f"{d['doc']}: value [{r['kind']}] {r['text']!r} -> {r['system_text']!r} = "
                           f"{r['value']} (gold {r['gold']})")
        for s in d["spurious"]:
            out.append(f"{d['doc']}: spurious {s!r}")
        for t in d["traps"]:
            if t["tagged"]:
                out.append(f"{d['doc']}: trap {t['trap']!r} tagged as {t['tagged']}")
        for p in d["problems"]:
            out.append(f"{d['doc']}: {p}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("round", help="a round folder with docs/ and gold.yaml")
    parser.add_argument("--json", help="write every row to this file")
    args = parser.parse_args(argv)
    result = score(Path(args.round))
    print(table(result))
    print()
    print(details(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
