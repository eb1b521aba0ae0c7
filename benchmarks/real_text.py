"""chrono on real documents: false errors on published text, planted contradictions caught.

The corpus (``benchmarks/realtext/docs/<folder>/*.md``) is real English writing from sources whose
licences allow redistribution (NOTICE.md lists them), each with front matter ``date`` (the
publication date, read as the document date), ``source``, ``licence`` and ``genre``.

Two measurements, each through ``chrono.runner.check`` with the default configuration:

* **False errors** on the documents as published: every error is listed; an error that a
  reviewer confirmed as a real contradiction in the source is kept in ``reviewed.yaml`` (with its
  reason) and does not count. Reported per 50 documents.
* **Planted recall**: ``plants/*.yaml`` hold one edit per document (``old`` -> ``new``, with a
  ``category`` and the reason it is wrong), written by reviewers who had not read chrono's code.
  A plant is caught when an error cites the edited words (a cited span overlaps the new text);
  a warning that cites them is counted apart. Recall is reported per category.

Also: crashes (CHR000) and throughput (characters per second, one process).

Usage::

    python benchmarks/real_text.py                 # the whole corpus, the table and every error
    python benchmarks/real_text.py --smoke         # 20 documents and their plants
    python benchmarks/real_text.py --json out.json # also every result as JSON
    python benchmarks/real_text.py --write-notice  # regenerate NOTICE.md from the front matter
    python benchmarks/real_text.py --only news     # one folder (or genre)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml

from chrono.model import Finding, Severity
from chrono.options import Options
from chrono.runner import check

HERE = Path(__file__).resolve().parent / "realtext"
DOCS = HERE / "docs"
PLANTS = HERE / "plants"
REVIEWED = HERE / "reviewed.yaml"
NOTICE = HERE / "NOTICE.md"
INTERNAL = "CHR000"
REQUIRED_KEYS = ("title", "date", "source", "licence", "genre")
CATEGORIES = (
    "order",
    "offset",
    "duration",
    "same-event-twice",
    "noun-event",
    "after-publication",
    "weekday",
    "age",
    "precedence",
    "heading-list",
    "season",
)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@attrs.frozen
class Doc:
    name: str  # relative to DOCS, posix
    text: str
    meta: dict[str, Any]


@attrs.frozen
class Plant:
    id: str
    doc: str
    category: str
    old: str
    new: str
    why: str
    source: str  # the plants file it came from

    def apply(self, text: str) -> tuple[str, int]:
        """The edited text and where the new words start."""
        at = text.index(self.old)
        return text[:at] + self.new + text[at + len(self.old) :], at


@attrs.frozen
class Reviewed:
    doc: str
    rule: str
    cites: str
    reason: str

    def covers(self, finding: Finding) -> bool:
        return finding.rule == self.rule and any(self.cites in span.text for span in finding.spans)


def load_docs(root: Path = DOCS) -> list[Doc]:
    docs = []
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _FRONT_MATTER.match(text)
        meta = yaml.safe_load(match.group(1)) if match else None
        name = path.relative_to(root).as_posix()
        if not isinstance(meta, dict):
            raise SystemExit(f"{name}: no front matter")
        missing = [key for key in REQUIRED_KEYS if not meta.get(key)]
        if missing:
            raise SystemExit(f"{name}: front matter lacks {', '.join(missing)}")
        docs.append(Doc(name, text, meta))
    return docs


def load_plants(docs: dict[str, Doc], folder: Path = PLANTS) -> list[Plant]:
    plants: list[Plant] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            plant = Plant(
                str(entry["id"]),
                str(entry["doc"]),
                str(entry["category"]),
                str(entry["old"]),
                str(entry["new"]),
                str(entry.get("why", "")),
                path.name,
            )
            where = f"{path.name}: plant {plant.id}"
            if plant.id in seen:
                raise SystemExit(f"{where}: the id is used twice")
            seen.add(plant.id)
            if plant.category not in CATEGORIES:
                raise SystemExit(f"{where}: unknown category {plant.category!r}")
            doc = docs.get(plant.doc)
            if doc is None:
                raise SystemExit(f"{where}: no document {plant.doc}")
            if doc.text.count(plant.old) != 1:
                raise SystemExit(f"{where}: 'old' occurs {doc.text.count(plant.old)} times in {plant.doc}")
            plants.append(plant)
    return plants


def load_reviewed(path: Path = REVIEWED) -> list[Reviewed]:
    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Reviewed(str(e["doc"]), str(e["rule"]), str(e["cites"]), str(e["reason"])) for e in entries]


def run(files: dict[str, str], jobs: int) -> tuple[dict[str, list[Finding]], float]:
    """Check ``files`` (relative name -> content) in a scratch folder: findings by name, seconds."""
    with tempfile.TemporaryDirectory(prefix="chrono-realtext-") as scratch:
        root = Path(scratch)
        for name, content in files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        started = time.perf_counter()
        report = check([str(root)], Options(), jobs=jobs)
        elapsed = time.perf_counter() - started
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[Path(finding.path).relative_to(root).as_posix()].append(finding)
    return by_file, elapsed


def _cites(finding: Finding) -> str:
    return " | ".join(" ".join(span.text.split())[:60] for span in finding.spans)


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    return any(span.start < end and start < span.end for span in finding.spans)


def measure(
    docs: Sequence[Doc], plants: Sequence[Plant], reviewed: Sequence[Reviewed], jobs: int
) -> dict[str, Any]:
    clean, seconds = run({doc.name: doc.text for doc in docs}, jobs)
    characters = sum(len(doc.text) for doc in docs)
    errors = []
    for doc in docs:
        for finding in clean.get(doc.name, []):
            if finding.severity < Severity.ERROR or finding.rule == INTERNAL:
                continue
            review = next((r for r in reviewed if r.doc == doc.name and r.covers(finding)), None)
            errors.append(
                {
                    "doc": doc.name,
                    "line": finding.line,
                    "rule": finding.rule,
                    "message": finding.message,
                    "cites": _cites(finding),
                    "reviewed_true": review.reason if review else None,
                }
            )
    crashes = [
        {"doc": name, "message": f.message}
        for name, found in clean.items()
        for f in found
        if f.rule == INTERNAL
    ]
    by_name = {doc.name: doc for doc in docs}
    edited: dict[str, str] = {}
    where: dict[str, tuple[int, int]] = {}
    for plant in plants:
        text, at = plant.apply(by_name[plant.doc].text)
        edited[plant.doc] = text
        where[plant.id] = (at, at + len(plant.new))
    planted_findings, _ = run(edited, jobs) if edited else ({}, 0.0)
    outcomes = []
    for plant in plants:
        start, end = where[plant.id]
        found = planted_findings.get(plant.doc, [])
        citing = [f for f in found if _overlaps(f, start, end) and f.rule != INTERNAL]
        error = next((f for f in citing if f.severity >= Severity.ERROR), None)
        warning = next((f for f in citing if f.severity < Severity.ERROR), None)
        shown = error or warning
        outcomes.append(
            {
                "id": plant.id,
                "doc": plant.doc,
                "category": plant.category,
                "caught": error is not None,
                "warned": error is None and warning is not None,
                "finding": f"{shown.rule} {shown.message}" if shown else None,
                "crashed": any(f.rule == INTERNAL for f in found),
            }
        )
        label = f"{plant.doc} (plant {plant.id})"
        crashes += [{"doc": label, "message": f.message} for f in found if f.rule == INTERNAL]
    return {
        "documents": len(docs),
        "characters": characters,
        "seconds": seconds,
        "errors": errors,
        "crashes": crashes,
        "plants": outcomes,
    }


def _rate(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "-"


def table(result: dict[str, Any]) -> str:
    docs = result["documents"]
    false = [e for e in result["errors"] if e["reviewed_true"] is None]
    true = [e for e in result["errors"] if e["reviewed_true"] is not None]
    lines = [
        f"documents: {docs}; characters: {result['characters']:,}; "
        f"{result['characters'] / result['seconds']:,.0f} characters/s (one process, wall)",
        f"false errors on published text: {len(false)} = {50 * len(false) / docs:.2f} per 50 documents "
        f"(errors reviewed as true: {len(true)})",
        f"crashes: {len(result['crashes'])}",
        "",
        "| category | plants | caught (error) | warned only |",
        "|---|---:|---:|---:|",
    ]
    by_category: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for outcome in result["plants"]:
        by_category[outcome["category"]].append(outcome)
    for category in CATEGORIES:
        group = by_category.get(category, [])
        caught = sum(o["caught"] for o in group)
        warned = sum(o["warned"] for o in group)
        lines.append(f"| {category} | {len(group)} | {_rate(caught, len(group))} | {warned} |")
    total = result["plants"]
    lines.append(
        f"| **all** | {len(total)} | **{_rate(sum(o['caught'] for o in total), len(total))}** | "
        f"{sum(o['warned'] for o in total)} |"
    )
    return "\n".join(lines)


def details(result: dict[str, Any]) -> Iterable[str]:
    for error in result["errors"]:
        verdict = f"reviewed true: {error['reviewed_true']}" if error["reviewed_true"] else "FALSE ERROR"
        yield f"{error['doc']}:{error['line']} {error['rule']} [{verdict}] {error['message']}"
        yield f"    cites: {error['cites']}"
    for crash in result["crashes"]:
        yield f"CRASH {crash['doc']}: {crash['message']}"
    for outcome in result["plants"]:
        mark = "caught" if outcome["caught"] else ("warned" if outcome["warned"] else "missed")
        yield f"plant {outcome['id']} [{outcome['category']}] {mark}: {outcome['doc']}" + (
            f" -> {outcome['finding']}" if outcome["finding"] else ""
        )


def write_notice(docs: Sequence[Doc], path: Path = NOTICE) -> None:
    lines = [
        "# Real-text corpus: sources and licences",
        "",
        "The documents under `docs/` are published writing by others, redistributed under the licences",
        "below with attribution (navigation, reference lists and boilerplate removed; the text kept",
        "as written). They are benchmark data for chrono, not part of chrono. How each was obtained is",
        "described in `sources/`. Generated by `python benchmarks/real_text.py --write-notice`.",
        "",
        "| document | title | author | source | licence | date |",
        "|---|---|---|---|---|---|",
    ]
    for doc in docs:
        meta = doc.meta
        cells = [doc.name, meta["title"], meta.get("author", ""), meta["source"], meta["licence"]]
        cells.append(meta["date"])
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    counts = Counter(str(doc.meta["licence"]) for doc in docs)
    lines += ["", "Licences: " + ", ".join(f"{name} ({n})" for name, n in sorted(counts.items())), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="the first 20 documents and their plants")
    parser.add_argument("--only", help="one folder of docs/ (news, biography, incident, release ...)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", help="write every result to this file")
    parser.add_argument("--write-notice", action="store_true", help="regenerate NOTICE.md and stop")
    parser.add_argument("--quiet", action="store_true", help="the table only")
    args = parser.parse_args(argv)
    docs = load_docs()
    if args.write_notice:
        write_notice(docs)
        print(f"wrote {NOTICE} ({len(docs)} documents)")
        return 0
    plants = load_plants({doc.name: doc for doc in docs})
    if args.only:
        docs = [doc for doc in docs if doc.name.split("/")[0] == args.only or doc.meta["genre"] == args.only]
    if args.smoke:
        docs = docs[:20]
    names = {doc.name for doc in docs}
    plants = [plant for plant in plants if plant.doc in names]
    result = measure(docs, plants, load_reviewed(), args.jobs)
    print(table(result))
    if not args.quiet:
        print()
        for line in details(result):
            print(line)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
