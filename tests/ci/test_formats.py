"""Output formats of ``chrono check``: text, json, sarif (schema-validated), github, junit;
--output, --statistics, --quiet, colour rules."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
from ci_helpers import CLEAN, CONFLICT, Chrono, on_pty, write

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write(tmp_path / "docs" / "clean.yaml", CLEAN)
    write(tmp_path / "docs" / "conflict.yaml", CONFLICT)
    write(tmp_path / "docs" / "broken.yaml", "events: [ {id: a, on: 2024-08-06}\n")
    return tmp_path


def test_text_is_plain_when_piped(chrono: Chrono, corpus: Path) -> None:
    run = chrono("check", "docs", "--no-cache")
    assert run.code == 1, run
    assert "\x1b[" not in run.out
    assert "docs/conflict.yaml:15:5: CHR201 error [inconsistent-claims]" in run.out
    assert "docs/broken.yaml:2:1: CHR002" in run.out
    assert run.out.rstrip().endswith("Found 2 errors in 3 files.")


def test_color_always_and_no_color(chrono: Chrono, corpus: Path) -> None:
    assert "\x1b[" in chrono("check", "docs", "--no-cache", "--color", "always").out
    assert "\x1b[" not in chrono("check", "docs", "--no-cache", "--color", "never").out


def _tty_stdout(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run the CLI with stdout on a pseudo-terminal; return what it printed."""
    return on_pty(args, cwd, env, "stdout")


def test_text_is_coloured_on_a_tty_unless_no_color(corpus: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    args = ["check", "docs", "--no-cache"]
    assert "\x1b[1;31m" in _tty_stdout(args, corpus, env)
    assert "\x1b[" not in _tty_stdout(args, corpus, {**env, "NO_COLOR": "1"})


def test_json_contract(chrono: Chrono, corpus: Path) -> None:
    run = chrono("check", "docs", "--no-cache", "--format", "json")
    assert run.code == 1
    data = json.loads(run.out)
    assert data["version"] == 1
    assert data["summary"]["files"] == 3
    rules = sorted(f["rule"] for f in data["findings"])
    assert rules == ["CHR002", "CHR201"]
    finding = next(f for f in data["findings"] if f["rule"] == "CHR201")
    assert {"rule", "name", "severity", "path", "line", "column", "end_line", "end_column", "message"} <= set(
        finding
    )
    assert finding["spans"][0]["text"] == "recapture after sudzha"


def test_sarif_validates_against_the_official_schema(chrono: Chrono, corpus: Path) -> None:
    run = chrono("check", "docs", "--no-cache", "--format", "sarif")
    assert run.code == 1, run
    log = json.loads(run.out)
    validator_class = jsonschema.validators.validator_for(SCHEMA)
    validator_class.check_schema(SCHEMA)
    validator = validator_class(SCHEMA, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])

    sarif_run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = sarif_run["tool"]["driver"]["rules"]
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)
    results = sarif_run["results"]
    conflict = next(r for r in results if r["ruleId"] == "CHR201")
    assert rules[conflict["ruleIndex"]]["id"] == "CHR201"
    location = conflict["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/conflict.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 15
    assert location["region"]["snippet"]["text"] == "recapture after sudzha"
    related = conflict["relatedLocations"]
    assert len(related) >= 2
    assert any(r["physicalLocation"]["region"]["snippet"]["text"] == "by 2024-03" for r in related)
    assert all(r["message"]["text"] for r in related)
    assert conflict["partialFingerprints"]


def test_sarif_of_a_clean_run_is_valid(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "clean.yaml", CLEAN)
    run = chrono("check", "clean.yaml", "--no-cache", "--format", "sarif")
    assert run.code == 0
    log = json.loads(run.out)
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


def test_github_annotations(chrono: Chrono, corpus: Path) -> None:
    run = chrono("check", "docs", "--no-cache", "--format", "github")
    assert run.code == 1
    lines = run.out.splitlines()
    assert len(lines) == 2
    conflict = next(line for line in lines if "CHR201" in line)
    assert conflict.startswith("::error file=docs/conflict.yaml,line=15,col=5,endLine=15,endColumn=27,")
    assert "title=chrono CHR201 (inconsistent-claims)::" in conflict
    # the explanation chain is in the message, newlines escaped as the workflow syntax wants
    assert "%0AThese cannot all hold%3A" not in conflict  # ':' is only escaped in properties
    assert "%0AThese cannot all hold:%0A1. " in conflict


def test_junit_report(chrono: Chrono, corpus: Path) -> None:
    run = chrono("check", "docs", "--no-cache", "--format", "junit")
    assert run.code == 1
    root = ET.fromstring(run.out)
    assert root.tag == "testsuites"
    assert root.get("failures") == "2"
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"docs/broken.yaml", "docs/clean.yaml", "docs/conflict.yaml"}
    assert suites["docs/clean.yaml"].get("failures") == "0"
    failure = suites["docs/conflict.yaml"].find("testcase/failure")
    assert failure is not None
    assert "CHR201" in (failure.get("type") or "")
    assert "recapture" in (failure.text or "")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_output_file(chrono: Chrono, corpus: Path, fmt: str) -> None:
    run = chrono("check", "docs", "--no-cache", "--format", fmt, "--output", "out/report.txt")
    assert run.code == 1
    assert run.out == ""
    written = (corpus / "out" / "report.txt").read_text(encoding="utf-8")
    assert "CHR201" in written
    assert "\x1b[" not in written


def test_statistics(chrono: Chrono, corpus: Path) -> None:
    write(corpus / "docs" / "conflict2.yaml", CONFLICT)
    run = chrono("check", "docs", "--no-cache", "--statistics")
    assert run.code == 1
    assert run.out.splitlines() == ["2  CHR201  inconsistent-claims", "1  CHR002  parse-error"]
    data = json.loads(chrono("check", "docs", "--no-cache", "--statistics", "--format", "json").out)
    assert data == [
        {"code": "CHR201", "name": "inconsistent-claims", "count": 2},
        {"code": "CHR002", "name": "parse-error", "count": 1},
    ]
    bad = chrono("check", "docs", "--statistics", "--format", "sarif")
    assert bad.code == 2
    assert "--statistics" in bad.err


def test_quiet(chrono: Chrono, corpus: Path) -> None:
    run = chrono("check", "docs", "--no-cache", "--quiet")
    assert run.code == 1
    assert "CHR201" in run.out
    assert "Found" not in run.out
    assert run.err == ""
    clean = chrono("check", "docs/clean.yaml", "--no-cache", "-q")
    assert clean.code == 0
    assert clean.out == ""


def test_the_report_file_is_not_checked_on_the_next_run(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "clean.yaml", CLEAN)
    for _ in range(2):
        run = chrono("check", ".", "--format", "json", "--output", "chrono-report.json")
        assert run.code == 0, run
    data = json.loads((tmp_path / "chrono-report.json").read_text(encoding="utf-8"))
    assert data["summary"]["files"] == 1


def test_a_report_directory_is_not_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chrono.options import Options
    from chrono.runner import check

    write(tmp_path / "clean.yaml", CLEAN)
    write(tmp_path / "site" / "data.json", "{not json")
    monkeypatch.chdir(tmp_path)
    assert check(["."], Options()).files == ("clean.yaml", "site/data.json")
    assert check(["."], Options(), skip_files=["site"]).files == ("clean.yaml",)
