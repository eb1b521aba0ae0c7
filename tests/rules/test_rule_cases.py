"""Data-driven rule tests: one YAML file of cases per rule code under cases/.

Each case gives a file's content (or base64 bytes), optionally a suffix and a DCT, and the
findings that rule must produce: line, column, exact message or a part of it, severity (when it
is not the rule's default), and the texts the finding cites (in order, as a prefix of its spans).
Every case file has cases that pass (``expect: []``) and cases that fail.

A corpus rule's case gives ``files`` (name -> content) instead, optionally a ``reference``
timeline, and each expected finding names the file it is in (``path``).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
import yaml

from chrono.corpus.reference import load_reference
from chrono.options import Options, ReadingOptions
from chrono.periods import Hemisphere, parse_value
from chrono.registry import all_rules
from chrono.runner import check

CASES = Path(__file__).parent / "cases"
# Rules without a case file, and why; every other built-in rule has one, with both kinds of case.
WITHOUT_CASES = {"CHR000": "an internal error cannot be provoked from a document's text"}


def _load() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["rule"] == path.stem, f"{path.name} must hold cases of {path.stem}"
        for case in data["cases"]:
            found.append((data["rule"], case))
    return found


ALL_CASES = _load()


def test_every_rule_has_a_case_file_with_passing_and_failing_cases() -> None:
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for rule, case in ALL_CASES:
        by_rule.setdefault(rule, []).append(case)
    builtin = {r.code for r in all_rules() if r.__module__.startswith("chrono.rules.")}
    missing = builtin - set(by_rule) - set(WITHOUT_CASES)
    assert not missing, f"rules without a case file: {sorted(missing)}"
    unknown = set(by_rule) - builtin
    assert not unknown, f"case files of rules that do not exist: {sorted(unknown)}"
    for rule, cases in by_rule.items():
        assert any(c["expect"] for c in cases), f"{rule} has no failing case"
        assert any(not c["expect"] for c in cases), f"{rule} has no passing case"


@pytest.mark.parametrize(("rule", "case"), ALL_CASES, ids=[f"{r}:{c['name']}" for r, c in ALL_CASES])
def test_rule_case(rule: str, case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / f"case{case.get('suffix', '.yaml')}"
    paths = [path]
    if "files" in case:
        paths = [tmp_path / name for name in case["files"]]
        for name, content in case["files"].items():
            (tmp_path / name).write_text(content, encoding="utf-8")
    elif "bytes" in case:
        path.write_bytes(base64.b64decode(case["bytes"]))
    else:
        path.write_text(case["content"], encoding="utf-8")
    dct = case.get("dct")
    # reading options a case may set besides the DCT (e.g. max_file_bytes)
    fields = dict(case.get("reading", {}))
    if "hemisphere" in fields:
        fields["hemisphere"] = Hemisphere(fields["hemisphere"])
    reading = ReadingOptions(dct=parse_value(str(dct)) if dct else None, **fields)
    options = Options(select=(rule,), reading=reading)
    reference = []
    if "reference" in case:
        (tmp_path / "reference.yaml").write_text(case["reference"], encoding="utf-8")
        reference = [load_reference(str(tmp_path / "reference.yaml"), reading)]
    report = check([str(p) for p in paths], options, reference=reference)
    found = [f for f in report.findings if f.rule == rule]
    expected = case["expect"]
    assert len(found) == len(expected), [f.message for f in found]
    for finding, want in zip(found, expected, strict=True):
        if "path" in want:
            assert Path(finding.path).name == want["path"]
        assert finding.line == want["line"]
        if "column" in want:
            assert finding.column == want["column"]
        if "message" in want:
            assert finding.message == want["message"]
        if "message_contains" in want:
            assert want["message_contains"] in finding.message
        if "severity" in want:
            assert finding.severity.label == want["severity"]
        if "cites" in want:
            cited = [span.text for span in finding.spans]
            assert cited[: len(want["cites"])] == want["cites"], cited
