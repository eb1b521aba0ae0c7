"""A saved Wikidata SPARQL result -> a reference timeline (chrono.corpus.wikidata), and that
timeline used with --reference."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from chrono.corpus.wikidata import main, timex_value

SAVED = Path(__file__).parent / "data" / "wikidata_treaties.json"


def test_precision_keeps_a_year_a_year() -> None:
    assert timex_value("2007-12-13T00:00:00Z", "11") == "2007-12-13"
    assert timex_value("2001-01-01T00:00:00Z", "9") == "2001"
    assert timex_value("2001-05-01T00:00:00Z", "10") == "2001-05"
    assert timex_value("2001-01-01T00:00:00Z", "7") is None  # a century: too coarse to check
    assert timex_value("-1258-01-01T00:00:00Z", "9") is None


def test_the_saved_result_becomes_a_timeline(tmp_path: Path, capsys: object) -> None:
    out = tmp_path / "reference.yaml"
    assert main([str(SAVED), "--text", "the {label} was signed", "-o", str(out)]) == 0
    events = yaml.safe_load(out.read_text(encoding="utf-8"))["events"]
    by_label = {e["text"]: e for e in events}
    assert by_label["the Treaty of Lisbon was signed"]["on"] == "2007-12-13"
    assert by_label["the Treaty of Nice was signed"]["on"] == "2001"
    ghent = by_label["the Treaty of Ghent was signed"]  # two rows of one entity, merged
    assert (ghent["start"], ghent["end"]) == ("1814-12-24", "1815-02-17")
    assert len(events) == 4  # Kadesh (BCE) and the undated one are skipped
    assert "Treaty of Unknown Date" in capsys.readouterr().err  # type: ignore[attr-defined]


def test_the_timeline_checks_a_corpus(tmp_path: Path) -> None:
    reference = tmp_path / "reference.yaml"
    assert main([str(SAVED), "--text", "the {label} was signed", "-o", str(reference)]) == 0
    (tmp_path / "a.md").write_text(
        "---\ndate: 2020-05-01\n---\nThe Treaty of Lisbon was signed in December 2009.\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "chrono", "check", "a.md", "--reference", str(reference), "--no-cache",
         "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path(tempfile.gettempdir()) / "chrono-test-home")},
    )
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "CHR602" and "reference.yaml:" in finding["message"]


def test_a_file_that_is_not_a_result_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert main([str(bad)]) == 2
