"""SARIF 2.1.0 (OASIS) for code-scanning tools such as GitHub code scanning.

- ``tool.driver.rules``: every rule of the run, with its summary, its documentation as help
  text (plain and Markdown) and its default level.
- ``results``: one per finding, with the physical location of the primary span (region with
  1-based lines and columns, code-point offsets and the cited snippet), ``relatedLocations`` for
  the other spans of the conflict chain (each with the claim it stands for), and a stable
  ``partialFingerprints`` entry (the baseline fingerprint) so alerts survive moved lines.
- Columns count Unicode code points (``run.columnKind``), as everywhere in chrono; paths are
  relative URIs against ``%SRCROOT%`` (the working directory) when they can be.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from chrono.baseline import fingerprint
from chrono.corpus.archives import is_archive
from chrono.model import Finding, LocatedSpan, Severity
from chrono.printable import utf8_json
from chrono.registry import all_rules
from chrono.results import Report
from chrono.rulebase import Rule
from chrono.version import __version__

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> tuple[str, bool]:
    """A URI for a finding's path, and whether it is relative to %SRCROOT%. A record of an
    archive (``FILE#ID``) is its file's URI and its id, escaped as written (an id may be a URL,
    whose slashes a file path would merge)."""
    file, mark, record = path.partition("#")
    if mark and is_archive(Path(file)):
        uri, relative = _uri(file)
        return uri + quote(f"#{record}", safe="/"), relative
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return candidate.resolve().as_uri(), False
    # the file name's own bytes, so a byte that is not UTF-8 is percent-encoded as itself
    return quote(os.fsencode(candidate.as_posix())), True


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    sections = {heading: inspect.cleandoc(body) for heading, body in rule.sections().items()}
    plain = "\n\n".join(f"{heading}\n{body}" for heading, body in sections.items())
    markdown = "\n\n".join(f"**{heading}**\n\n{body}" for heading, body in sections.items())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": sections.get("What it does", rule.summary)},
        "help": {"text": plain or rule.summary, "markdown": markdown or rule.summary},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": ["chronology"]},
    }


def _region(span: LocatedSpan) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }
    if span.text:
        region["snippet"] = {"text": span.text}
    return region


def _physical(path: str, span: LocatedSpan | None) -> dict[str, Any]:
    uri, relative = _uri(path)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if span is not None:
        physical["region"] = _region(span)
    return physical


def _result(
    finding: Finding, index: dict[str, int], sources: Mapping[str, str], base: Path
) -> dict[str, Any]:
    primary = finding.spans[0] if finding.spans else None
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _physical(finding.path, primary)}],
        "partialFingerprints": {"chronoFindingHash/v1": fingerprint(finding, base)},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    claims = {(s.here.start, s.here.end): s.text for s in finding.explanation if s.here is not None}
    related = []
    for number, span in enumerate(finding.spans[1:], start=1):
        text = claims.get((span.start, span.end)) or span.note or f"{span.role}: {span.text}"
        related.append(
            {
                "id": number,
                "physicalLocation": _physical(finding.path, span),
                "message": {"text": text},
            }
        )
    for step in finding.explanation:  # the words of other documents a corpus finding cites
        if step.path is not None and step.span is not None:
            related.append(
                {
                    "id": len(related) + 1,
                    "physicalLocation": _physical(step.path, step.span),
                    "message": {"text": step.text},
                }
            )
    if related:
        result["relatedLocations"] = related
    return result


def sarif_log(report: Report, rules: Sequence[type[Rule]], sources: Mapping[str, str]) -> dict[str, Any]:
    chosen = list(rules)
    present = {rule.code for rule in chosen}
    known = {rule.code: rule for rule in all_rules()}
    for finding in report.findings:  # a finding of a rule outside the list still gets its rule
        if finding.rule not in present and finding.rule in known:
            chosen.append(known[finding.rule])
            present.add(finding.rule)
    chosen.sort(key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(chosen)}
    base = Path.cwd()
    results = [_result(f, index, sources, base) for f in report.findings]
    root = Path.cwd().resolve().as_uri().rstrip("/") + "/"
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "chrono",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_descriptor(rule) for rule in chosen],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not report.crashed,
                        "workingDirectory": {"uri": root},
                    }
                ],
                "results": results,
                "properties": {"filesChecked": report.file_count},
            }
        ],
    }


def to_sarif(report: Report, rules: Sequence[type[Rule]], sources: Mapping[str, str]) -> str:
    return utf8_json(sarif_log(report, rules, sources), indent=2) + "\n"
