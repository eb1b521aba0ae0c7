"""Integration: the documented GitHub Actions workflow, the pre-commit hook, docs/rules.md."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import yaml
from ci_helpers import CONFLICT, run_chrono, write

ROOT = Path(__file__).parents[2]


def _workflow() -> dict[str, Any]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(name: chrono\n.*?)```", text, re.DOTALL)
    assert block, "docs/ci.md has the workflow in a ```yaml block starting with 'name: chrono'"
    data: dict[str, Any] = yaml.safe_load(block.group(1))
    return data


def test_workflow_is_complete() -> None:
    workflow = _workflow()
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["chronology"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert any(u.startswith("actions/cache@") for u in uses)
    runs = [step["run"] for step in steps if "run" in step]
    assert any("--format sarif" in r for r in runs)
    assert any(r.startswith("chrono report") for r in runs)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "chrono.sarif"


def test_workflow_commands_run(tmp_path: Path) -> None:
    """Run the workflow's chrono steps, in order, on a corpus with one conflict."""
    shutil.copytree(ROOT / "examples", tmp_path / "corpus")
    write(tmp_path / "corpus" / "extra-conflict.yaml", CONFLICT)
    steps = _workflow()["jobs"]["chronology"]["steps"]
    results = {}
    for step in steps:
        command = step.get("run", "")
        if not command.startswith("chrono "):
            continue
        run = run_chrono(shlex.split(command)[1:], tmp_path)
        results[command] = run
        assert run.code in (0, 1), (command, run)
    # the SARIF file exists and names the conflict; the report site exists
    sarif = json.loads((tmp_path / "chrono.sarif").read_text(encoding="utf-8"))
    assert any(r["ruleId"] == "CHR201" for r in sarif["runs"][0]["results"])
    assert (tmp_path / "chrono-report" / "index.html").is_file()
    # the last step fails the job, with annotations
    last = results[list(results)[-1]]
    assert last.code == 1
    assert "::error file=corpus/extra-conflict.yaml" in last.out
    # the cache made the later runs cheap: it exists where the workflow caches it
    assert (tmp_path / ".chrono_cache" / "CACHEDIR.TAG").is_file()


def test_junit_for_other_ci_systems(tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.yaml", CONFLICT)
    run = run_chrono(["check", "corpus", "--format", "junit", "--output", "chrono-junit.xml"], tmp_path)
    assert run.code == 1
    assert ET.parse(tmp_path / "chrono-junit.xml").getroot().get("failures") == "1"


def test_pre_commit_hook(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "chrono")
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["language"] == "python"
    assert {"yaml", "markdown", "html"} <= set(hook["types_or"])
    # pre-commit runs `entry [args] filenames...`: the entry must be our console script
    entry = shlex.split(hook["entry"])
    assert entry[0] == "chrono"
    script = Path(sys.executable).with_name("chrono")
    assert script.exists() or shutil.which("chrono"), "the chrono console script is installed"
    write(tmp_path / "corpus" / "good.yaml", CONFLICT.replace("by 2024-03", "by 2025-03"))
    write(tmp_path / "corpus" / "bad.yaml", CONFLICT)
    args = [*entry[1:], *hook.get("args", [])]
    assert run_chrono([*args, "corpus/good.yaml"], tmp_path).code == 0
    failed = run_chrono([*args, "corpus/good.yaml", "corpus/bad.yaml"], tmp_path)
    assert failed.code == 1
    assert "corpus/bad.yaml" in failed.out


def test_rules_reference_is_generated(tmp_path: Path) -> None:
    run = run_chrono(["rules", "--format", "markdown"], tmp_path)
    assert run.code == 0
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == run.out, "docs/rules.md is stale: chrono rules --format markdown > docs/rules.md"


def test_a_report_site_is_not_read_back_as_documents(tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.yaml", CONFLICT)
    report = run_chrono(["report", "corpus", "-o", "corpus/site"], tmp_path)
    assert report.code == 1, report
    assert (tmp_path / "corpus" / "site" / "index.html").is_file()
    run = run_chrono(["check", "corpus", "--format", "json"], tmp_path)
    assert json.loads(run.out)["summary"]["files"] == 1


def test_a_report_written_into_the_checked_folder_skips_only_its_own_files(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "a.yaml", CONFLICT)
    write(tmp_path / "docs" / "notes" / "b.yaml", CONFLICT)
    for output in ("docs", "docs/report"):  # the folder itself, and a folder inside it
        for _ in range(2):  # a re-run finds the first run's manifest
            report = run_chrono(["report", "docs", "-o", output, "--no-cache"], tmp_path)
            assert report.code == 1, report
            assert f"report of 2 files (2 findings) written to {output}/index.html" in report.err
        assert (tmp_path / output / ".chrono-report.json").is_file()
    run = run_chrono(["check", "docs", "--format", "json", "--no-cache"], tmp_path)
    assert sorted(f["path"] for f in json.loads(run.out)["findings"]) == ["docs/a.yaml", "docs/notes/b.yaml"]
    assert json.loads(run.out)["summary"]["files"] == 2
    # a file the manifest does not list is a document, even in the site's folder
    write(tmp_path / "docs" / "report" / "c.yaml", CONFLICT)
    run = run_chrono(["check", "docs", "--format", "json", "--no-cache"], tmp_path)
    assert json.loads(run.out)["summary"]["files"] == 3
