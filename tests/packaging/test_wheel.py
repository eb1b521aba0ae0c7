"""The installed distribution: every subpackage shipped, rules/ and reports/ under chrono."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_package_in_the_tree_is_declared() -> None:
    found = {"chrono." + ".".join(p.parent.relative_to(ROOT / "chrono").parts) if p.parent != ROOT / "chrono" else "chrono"
             for p in (ROOT / "chrono").rglob("__init__.py")}
    found |= {"chrono.rules." + ".".join(p.parent.relative_to(ROOT / "rules").parts) for p in (ROOT / "rules").rglob("*/__init__.py")}
    found |= {"chrono.reports." + ".".join(p.parent.relative_to(ROOT / "reports").parts) for p in (ROOT / "reports").rglob("*/__init__.py")}
    found |= {"chrono.rules", "chrono.reports"}
    assert found <= _declared(), f"add to [tool.setuptools] packages: {sorted(found - _declared())}"


def test_wheel_maps_rules_and_reports_under_chrono(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr[-300:]}")
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"chrono"}
    for required in ("chrono/rules/__init__.py", "chrono/reports/__init__.py", "chrono/schemas/timeline.schema.json",
                     "chrono/data/relation_words.yaml", "chrono/tagger/__init__.py", "chrono/py.typed"):
        assert required in names, required
    assert any(n.startswith("chrono/lang/en/") for n in names)
    assert any(n.startswith("chrono/reports/templates/") for n in names)
