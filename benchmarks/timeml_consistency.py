"""TLINK consistency of the gold TimeML corpora: how many documents hold links that cannot all be true.

Runs ``chrono check`` (the same engine and rules as the CLI) over every ``.tml`` file under the
corpus directory and reports: documents checked, TLINKs read / compiled / skipped, documents
with inconsistent TLINKs (CHR201/CHR202), the other TimeML findings (CHR5xx), the time taken,
and the most instructive conflict chains exactly as ``chrono check`` prints them (without the
source excerpts).

Usage::

    python benchmarks/timeml_consistency.py [CORPUS_DIR] [--top 10] [--json FILE] [--smoke]

CORPUS_DIR defaults to ``../shared/corpora`` beside the repository (read in place, never copied).
``--smoke`` checks the first 10 documents only (for CI).

Relation-only corpora keyed to the same documents (TimeBank-Dense ``TimebankDense.full.txt``,
MATRES ``timebank.txt``/``aquaint.txt``) are checked with ``--relations FILE`` (repeatable): each
document that has rows is checked with them added to its own TLINKs, or instead of them with
``--relations-only`` (its gold TIMEX3 values still apply).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from chrono.analyze import run_rules
from chrono.discovery import discover
from chrono.ingest import load
from chrono.model import EventExists, Finding, Relation
from chrono.network import NodeIndex, solve
from chrono.options import Options
from chrono.output import _Paint, format_finding
from chrono.results import Report
from chrono.rulebase import Analysis
from chrono.runner import check, selected_rules
from chrono.timeml import RelationRow, read_relations
from chrono.timeml_compile import REL_TYPES, TimexValueClaim, TlinkClaim, compile_document

DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
CONFLICT_RULES = ("CHR201", "CHR202")


def _tml_files(root: Path, limit: int | None) -> list[str]:
    files = [display for path, display in discover([str(root)]) if path.suffix.lower() == ".tml"]
    return files[:limit] if limit else files


def _chain_kinds(finding: Finding) -> tuple[int, int]:
    """(TLINKs, TIMEX3 values) in a conflict chain."""
    links = sum(step.text.startswith("TLINK ") for step in finding.explanation)
    values = sum(step.text.startswith("TIMEX3 ") for step in finding.explanation)
    return links, values


def _shortfall_days(finding: Finding) -> float:
    # the message ends "they miss by at least <length>"; the explanation is what we show, so the
    # ranking only needs a rough size: use the number in the message with its unit.
    words = finding.message.rsplit("at least", 1)[-1].split()
    if len(words) < 2:
        return 0.0
    try:
        number = float(words[0])
    except ValueError:
        return 0.0
    unit = words[1].rstrip("s")
    scale = {
        "second": 1 / 86400,
        "minute": 1 / 1440,
        "hour": 1 / 24,
        "day": 1,
        "week": 7,
        "month": 30,
        "year": 365,
    }
    return number * scale.get(unit, 1)


def instructive(findings: list[Finding], top: int) -> list[Finding]:
    """The conflicts most worth reading, one per document.

    Half are conflicts with gold dates in them, largest miss first (a date typo shows as a miss
    of months or years); half are pure TLINK cycles, shortest first (the clearest contradictions
    between annotators' links), ties broken by variety of relTypes.
    """
    conflicts = [f for f in findings if f.rule in CONFLICT_RULES]
    dated = sorted(
        (f for f in conflicts if _chain_kinds(f)[1] > 0),
        key=lambda f: (-_shortfall_days(f), _chain_kinds(f)[0], f.path),
    )
    pure = sorted(
        (f for f in conflicts if _chain_kinds(f)[1] == 0),
        key=lambda f: (
            _chain_kinds(f)[0],
            -len({s.text.split()[5] for s in f.explanation if s.text.startswith("TLINK ")}),
            f.path,
        ),
    )
    chosen: list[Finding] = []
    seen: set[str] = set()
    for pool, quota in ((dated, (top + 1) // 2), (pure, top)):
        taken = 0
        for finding in pool:
            if len(chosen) >= top or taken >= quota:
                break
            if finding.path in seen:
                continue
            seen.add(finding.path)
            chosen.append(finding)
            taken += 1
    return chosen


def render(finding: Finding) -> str:
    return "\n".join(format_finding(finding, [], _Paint(False)))


def check_with_relations(
    files: list[str], rows: dict[str, tuple[RelationRow, ...]], use_tlinks: bool
) -> Report:
    """``chrono check`` of the documents that have relation rows, with those rows compiled in."""
    rules = selected_rules(Options())
    analyses: list[Analysis] = []
    findings: list[Finding] = []
    for display in files:
        path = Path(display)
        document_rows = rows.get(path.stem)
        if not document_rows:
            continue
        loaded = load(path, display)
        compiled = compile_document(loaded.document, relations=document_rows, use_tlinks=use_tlinks)
        structural = frozenset(i for i, c in enumerate(compiled.claims) if isinstance(c, EventExists))
        nodes = NodeIndex(event.id for event in compiled.events)
        solution = solve(compiled.claims, nodes, structural=structural)
        analysis = Analysis(
            compiled.document, compiled.events, compiled.claims, compiled.problems, solution, structural
        )
        analyses.append(analysis)
        findings.extend(run_rules(analysis, rules))
    return Report(tuple(findings), tuple(a.document.path for a in analyses), tuple(analyses))


def summarise(report: Report, seconds: float, root: Path) -> dict[str, object]:
    analyses: list[Analysis] = list(report.analyses)
    per_corpus: dict[str, Counter[str]] = {}
    conflict_docs = {f.path for f in report.findings if f.rule in CONFLICT_RULES}
    tlinks_read = tlinks_compiled = 0
    skipped: Counter[str] = Counter()
    for analysis in analyses:
        document = analysis.document
        meta = document.meta
        read = int(meta.get("tlinks", 0))
        compiled = sum(isinstance(c, TlinkClaim) for c in analysis.claims)
        tlinks_read += read
        tlinks_compiled += compiled
        skipped.update(meta.get("tlinks_skipped", {}))
        try:
            corpus = str(Path(document.path).resolve().relative_to(root.resolve()).parent)
        except ValueError:
            corpus = str(Path(document.path).parent)
        counts = per_corpus.setdefault(corpus, Counter())
        counts["documents"] += 1
        counts["tlinks"] += read
        counts["tlinks compiled"] += compiled
        counts["dated timexes"] += sum(
            isinstance(c, TimexValueClaim) and not c.is_dct for c in analysis.claims
        )
        counts["documents with inconsistent TLINKs"] += document.path in conflict_docs
        counts["conflicts"] += sum(
            f.path == document.path and f.rule in CONFLICT_RULES for f in report.findings
        )
    by_rule = Counter(f.rule for f in report.findings)
    return {
        "documents": len(analyses),
        "documents_with_inconsistent_tlinks": len(conflict_docs),
        "conflicts": sum(by_rule[r] for r in CONFLICT_RULES),
        "tlinks_read": tlinks_read,
        "tlinks_compiled": tlinks_compiled,
        "tlinks_skipped": dict(sorted(skipped.items())),
        "findings_by_rule": dict(sorted(by_rule.items())),
        "documents_by_rule": {
            rule: len({f.path for f in report.findings if f.rule == rule}) for rule in sorted(by_rule)
        },
        "per_corpus": {name: dict(counts) for name, counts in sorted(per_corpus.items())},
        "seconds": round(seconds, 3),
        "ms_per_document": round(1000 * seconds / max(1, len(analyses)), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPORA))
    parser.add_argument("--top", type=int, default=10, help="how many conflict chains to print")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    parser.add_argument("--smoke", action="store_true", help="first 10 documents only")
    parser.add_argument(
        "--during-as-simultaneous",
        action="store_true",
        help="read DURING/DURING_INV as SIMULTANEOUS (the TempEval-3 mapping) instead of IS_INCLUDED",
    )
    parser.add_argument(
        "--relations", action="append", metavar="FILE", help="TimeBank-Dense or MATRES relation file"
    )
    parser.add_argument(
        "--relations-only", action="store_true", help="check the relation rows without the documents' TLINKs"
    )
    args = parser.parse_args(argv)
    if args.during_as_simultaneous:
        REL_TYPES["DURING"] = REL_TYPES["DURING_INV"] = Relation.SIMULTANEOUS
    root = Path(args.corpus)
    if not root.is_dir():
        print(f"no corpus directory at {root}; nothing to do", file=sys.stderr)
        return 0 if args.smoke else 2
    files = _tml_files(root, 10 if args.smoke else None)
    started = time.perf_counter()
    if args.relations:
        rows: dict[str, tuple[RelationRow, ...]] = {}
        for name in args.relations:
            for doc, found in read_relations(Path(name)).items():
                rows[doc] = rows.get(doc, ()) + found
        report = check_with_relations(files, rows, use_tlinks=not args.relations_only)
    else:
        report = check(files, Options())
    seconds = time.perf_counter() - started
    summary = summarise(report, seconds, root)
    print(json.dumps(summary, indent=2))
    print(f"\n## {args.top} most instructive conflicts\n")
    for number, finding in enumerate(instructive(list(report.findings), args.top), start=1):
        print(f"### {number}.\n{render(finding)}\n")
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
