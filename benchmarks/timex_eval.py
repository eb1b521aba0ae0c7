"""Evaluate chrono's temporal tagger on gold TimeML (TempEval-3 metrics).

    python benchmarks/timex_eval.py --corpus ../shared/corpora/tbaq
    python benchmarks/timex_eval.py --corpus ../shared/corpora/tbaq --smoke
    python benchmarks/timex_eval.py --corpus PATH --errors 30 --json out.json
    python benchmarks/timex_eval.py --corpus PATH --write-tml out/   # for the TE3 scorer

Metrics follow the TempEval-3 scorer: strict (same extent) and relaxed (overlapping extent)
span precision/recall/F1 with one-to-one matching; type and value F1 count a relaxed match as
correct only when the attribute also agrees (P = correct / system, R = correct / gold). The
run also reports value accuracy over relaxed matches, a per-document table, the error
categories (missed, spurious, wrong value, wrong type, inexact extent) and throughput in
characters per second (tagging only, resources loaded once beforehand).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path
from typing import Any

from chrono.tagger import Timex, extract
from chrono.timeml import TimeMLDocument, TimeMLTimex, read_timeml, write_timeml


def read_corpus(folder: Path, smoke: bool = False) -> list[tuple[Path, TimeMLDocument]]:
    """The .tml files below ``folder`` in name order with their documents (the first 8 with
    ``smoke``)."""
    files = sorted(folder.rglob("*.tml"))
    return [(f, read_timeml(f)) for f in (files[:8] if smoke else files)]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _match(gold: list[TimeMLTimex], system: list[Timex]) -> list[tuple[TimeMLTimex, Timex]]:
    pairs: list[tuple[TimeMLTimex, Timex]] = []
    used: set[int] = set()
    for g in gold:
        best: int | None = None
        best_overlap = 0
        for index, s in enumerate(system):
            if index in used or s.end <= g.start or s.start >= g.end:
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


def evaluate(docs: list[TimeMLDocument], errors: int = 0) -> dict[str, Any]:
    texts = [d.text for d in docs]
    start = time.perf_counter()
    extract("warm-up on 24 April 2025", "2025-04-24")
    startup = time.perf_counter() - start
    # First pass: loads the rule subsets the corpus needs (from the compile cache when warm).
    start = time.perf_counter()
    for doc, text in zip(docs, texts, strict=True):
        extract(text, doc.dct)
    first_pass = time.perf_counter() - start
    outputs: list[tuple[Timex, ...]] = []
    start = time.perf_counter()
    for doc, text in zip(docs, texts, strict=True):
        outputs.append(extract(text, doc.dct))
    elapsed = time.perf_counter() - start
    chars = sum(len(t) for t in texts)

    totals = collections.Counter[str]()
    per_doc: list[dict[str, Any]] = []
    categories: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for doc, system in zip(docs, outputs, strict=True):
        gold = list(doc.timexes)
        pairs = _match(gold, list(system))
        strict = sum(1 for g, s in pairs if (g.start, g.end) == (s.start, s.end))
        typed = sum(1 for g, s in pairs if g.type == s.type)
        valued = sum(1 for g, s in pairs if g.value == s.value)
        counts = {"gold": len(gold), "system": len(system), "relaxed": len(pairs),
                  "strict": strict, "type": typed, "value": valued}
        totals.update(counts)
        per_doc.append({"doc": doc.doc_id or doc.source, **counts})
        matched_gold = {id(g) for g, _ in pairs}
        matched_sys = {id(s) for _, s in pairs}
        for g in gold:
            if id(g) not in matched_gold:
                categories["missed"].append({"doc": doc.doc_id, "text": g.text, "type": g.type,
                                             "value": g.value, "dct": doc.dct,
                                             "context": _context(doc.text, g.start, g.end)})
        for s in system:
            if id(s) not in matched_sys:
                categories["spurious"].append({"doc": doc.doc_id, "text": s.text,
                                               "type": s.type, "value": s.value,
                                               "rule": s.rule,
                                               "context": _context(doc.text, s.start, s.end)})
        for g, s in pairs:
            entry = {"doc": doc.doc_id, "gold_text": g.text, "text": s.text, "gold": g.value,
                     "value": s.value, "gold_type": g.type, "type": s.type, "dct": doc.dct,
                     "rule": s.rule, "context": _context(doc.text, g.start, g.end)}
            if g.value != s.value:
                categories["wrong value"].append(entry)
            if g.type != s.type:
                categories["wrong type"].append(entry)
            if (g.start, g.end) != (s.start, s.end):
                categories["inexact extent"].append(entry)

    def prf(correct: int) -> dict[str, float]:
        p = correct / totals["system"] if totals["system"] else 0.0
        r = correct / totals["gold"] if totals["gold"] else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(_f1(p, r), 4)}

    report: dict[str, Any] = {
        "documents": len(docs),
        "characters": chars,
        "gold": totals["gold"],
        "system": totals["system"],
        "strict": prf(totals["strict"]),
        "relaxed": prf(totals["relaxed"]),
        "type": prf(totals["type"]),
        "value": prf(totals["value"]),
        "value_accuracy": round(totals["value"] / totals["relaxed"], 4) if totals["relaxed"] else 0,
        "type_accuracy": round(totals["type"] / totals["relaxed"], 4) if totals["relaxed"] else 0,
        "seconds": round(elapsed, 4),
        "chars_per_second": round(chars / elapsed) if elapsed else None,
        "startup_seconds": round(startup, 4),
        "first_pass_seconds": round(first_pass, 4),
        "errors": {k: len(v) for k, v in categories.items()},
        "per_document": per_doc,
    }
    if errors:
        report["examples"] = {k: v[:errors] for k, v in categories.items()}
    return report


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def _print(report: dict[str, Any], per_document: bool) -> None:
    print(f"documents {report['documents']}  characters {report['characters']}  "
          f"gold {report['gold']}  system {report['system']}")
    for key in ("strict", "relaxed", "type", "value"):
        m = report[key]
        print(f"{key:>8}  P {m['precision']:.4f}  R {m['recall']:.4f}  F1 {m['f1']:.4f}")
    print(f"value accuracy over relaxed matches {report['value_accuracy']:.4f}  "
          f"type accuracy {report['type_accuracy']:.4f}")
    print(f"throughput {report['chars_per_second']:,} chars/s ({report['seconds']} s), "
          f"first call {report['startup_seconds']} s, first pass {report['first_pass_seconds']} s")
    print("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(report["errors"].items())))
    if per_document:
        print("\nper document: gold system relaxed strict value")
        for row in report["per_document"]:
            print(f"  {row['doc']}: {row['gold']} {row['system']} {row['relaxed']} "
                  f"{row['strict']} {row['value']}")
    for category, items in report.get("examples", {}).items():
        print(f"\n== {category} ==")
        for item in items:
            print("  " + json.dumps(item, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", required=True, type=Path, help="folder of .tml files")
    parser.add_argument("--smoke", action="store_true", help="only the first 8 documents")
    parser.add_argument("--errors", type=int, default=0, help="print N examples per category")
    parser.add_argument("--per-document", action="store_true")
    parser.add_argument("--json", type=Path, help="write the full report as JSON")
    parser.add_argument("--write-tml", type=Path, metavar="DIR",
                        help="also write chrono's output as TimeML files (for the TE3 scorer)")
    args = parser.parse_args(argv)
    corpus = read_corpus(args.corpus, args.smoke)
    if not corpus:
        print(f"no .tml files under {args.corpus}", file=sys.stderr)
        return 2
    files, docs = [f for f, _ in corpus], [d for _, d in corpus]
    report = evaluate(docs, args.errors)
    _print(report, args.per_document)
    if args.write_tml:
        args.write_tml.mkdir(parents=True, exist_ok=True)
        for path, doc in zip(files, docs, strict=True):
            timexes = extract(doc.text, doc.dct)
            (args.write_tml / path.name).write_text(
                write_timeml(doc.text, timexes, doc.dct, doc.doc_id or path.stem), encoding="utf-8"
            )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
