"""Third-party rules through the `chrono.rules` entry-point group, and the registry's contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chrono.model import Severity
from chrono.registry import RegistryError, validate
from chrono.rulebase import Rule

PLUGIN = textwrap.dedent(
    '''
    from chrono.model import Severity
    from chrono.rulebase import Rule


    class TooManyEvents(Rule):
        """
        What it does
            Warns when a timeline has more than two events.

        Why it matters
            A house style for short timelines.

        Example
            Three events fail; two pass.

        How to fix
            Split the timeline.
        """

        code = "ACME001"
        name = "too-many-events"
        severity = Severity.WARNING
        summary = "more than two events"

        def check(self, analysis):
            if len(analysis.events) > 2:
                yield self.finding(analysis, f"{len(analysis.events)} events", [analysis.events[2].span])


    RULES = (TooManyEvents,)
    '''
)


def test_a_third_party_rule_is_loaded_selected_and_run(tmp_path: Path) -> None:
    (tmp_path / "acme_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "acme_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text("[chrono.rules]\nacme = acme_rules\n", encoding="utf-8")
    timeline = tmp_path / "t.yaml"
    timeline.write_text("events:\n  - {id: a}\n  - {id: b}\n  - {id: c}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "NO_COLOR": "1"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "chrono", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
        )

    assert "ACME001  too-many-events" in run("rules").stdout
    result = run("check", str(timeline), "--format", "json", "--no-cache", "--fail-level", "warning")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"], f["line"]) for f in findings] == [("ACME001", "warning", 4)]
    assert (
        run("check", str(timeline), "--ignore", "ACME", "--no-cache", "--fail-level", "warning").returncode
        == 0
    )


def test_a_plugin_installed_after_a_run_is_found_and_one_removed_is_gone(tmp_path: Path) -> None:
    """The list of entry points is kept in the user cache between runs (chrono.registry): an
    install or an uninstall between two runs must still be seen."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "acme_rules.py").write_text(PLUGIN, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "CHRONO_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("CHRONO_NO_CACHE", None)

    def rules() -> str:
        command = [sys.executable, "-m", "chrono", "rules"]
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "ACME001" not in rules()
    assert "ACME001" not in rules()  # now from the cache
    info = site / "acme_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[chrono.rules]\nacme = acme_rules:RULES\n", encoding="utf-8")
    assert "ACME001  too-many-events" in rules()
    assert "ACME001  too-many-events" in rules()
    (info / "entry_points.txt").unlink()
    (info / "METADATA").unlink()
    info.rmdir()
    assert "ACME001" not in rules()
    assert any(path.name.startswith("kept-") for path in (tmp_path / "cache").iterdir())


def _rule(**attributes: object) -> type[Rule]:
    doc = "What it does\n  x\nWhy it matters\n  x\nExample\n  x\nHow to fix\n  x\n"
    return type(
        "Probe",
        (Rule,),
        {
            "__doc__": doc,
            "code": "CHR900",
            "name": "probe",
            "severity": Severity.INFO,
            "summary": "probe",
            **attributes,
        },
    )


def test_registry_contract() -> None:
    validate(_rule())
    with pytest.raises(RegistryError, match="must look like CHR123"):
        validate(_rule(code="chr1"))
    with pytest.raises(RegistryError, match="kebab-case"):
        validate(_rule(name="Not Kebab"))
    with pytest.raises(RegistryError, match="docstring lacks How to fix"):
        validate(_rule(__doc__="What it does\n x\nWhy it matters\n x\nExample\n x\n"))
