"""The evaluation harness, on a tiny corpus written with the TimeML writer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from chrono.tagger import extract
from chrono.timeml import write_timeml

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "timex_eval.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timex_eval", HARNESS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_harness_scores_its_own_output_perfectly(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "gold"
    corpus.mkdir()
    text = "Markets fell on April 24, 2025 and rose for three weeks; yesterday they fell."
    (corpus / "a.tml").write_text(
        write_timeml(text, extract(text, "2025-04-30"), "2025-04-30", "a"), encoding="utf-8"
    )
    report_path = tmp_path / "report.json"
    out_dir = tmp_path / "out"
    assert _load().main(["--corpus", str(corpus), "--json", str(report_path),
                         "--write-tml", str(out_dir), "--errors", "3"]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["gold"] == report["system"] == 3
    for key in ("strict", "relaxed", "type", "value"):
        assert report[key]["f1"] == 1.0
    assert (out_dir / "a.tml").is_file()
    assert "relaxed" in capsys.readouterr().out


def test_harness_reports_errors(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    corpus.mkdir()
    gold = (
        "<TimeML><DOCID>b</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-04-30\" "
        "functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT>It rained "
        "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-04-01\">then</TIMEX3> and on "
        "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2025-04-20\">Friday</TIMEX3>, "
        "and in May 2024.</TEXT></TimeML>"
    )
    (corpus / "b.tml").write_text(gold, encoding="utf-8")
    report_path = tmp_path / "report.json"
    assert _load().main(["--corpus", str(corpus), "--json", str(report_path),
                         "--errors", "5"]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["errors"]["missed"] == 1
    assert report["errors"]["spurious"] == 1
    assert report["errors"]["wrong value"] == 1
    assert report["examples"]["missed"][0]["text"] == "then"


def test_harness_without_files(tmp_path: Path) -> None:
    assert _load().main(["--corpus", str(tmp_path)]) == 2
