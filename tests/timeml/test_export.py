"""``chrono export --format timeml``: chrono's tagging written as TimeML the scorers can read.

The assertions are about the TimeML, not about the tagger's choices: the text survives
byte for byte, every TIMEX3 covers its own words, values are well formed, the DCT is kept,
and chrono's own checker reads the output without complaint.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.cli import main
from chrono.options import Options
from chrono.runner import check
from chrono.timeml import parse_timeml, read_timeml
from chrono.timeml_compile import well_formed

TEXT = "The bank collapsed on Tuesday, two days after the March 3 vote; talks resume next week.\n"
CASES = Path(__file__).parent / "cases"


def _export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["export", *args, "--format", "timeml"]) == 0
    return capsys.readouterr().out


def test_plain_text_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "story.txt"
    source.write_text(TEXT, encoding="utf-8")
    document = parse_timeml(_export(capsys, str(source), "--dct", "1998-03-06"))
    assert document.text == TEXT
    assert document.dct == "1998-03-06"
    assert document.doc_id == "story"
    assert document.timexes
    for timex in document.timexes:
        assert TEXT[timex.start : timex.end] == timex.text
        assert well_formed(timex.type, timex.value), timex
    assert "Tuesday" in {t.text for t in document.timexes}


def test_tml_input_is_retagged_from_its_own_text_and_dct(capsys: pytest.CaptureFixture[str]) -> None:
    gold = read_timeml(CASES / "chr201_fires.tml")
    system = parse_timeml(_export(capsys, str(CASES / "chr201_fires.tml")))
    assert system.text == gold.text
    assert system.dct == gold.dct == "1998-01-08"
    assert not system.tlinks  # gold links are not copied


def test_directory_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(CASES), "--format", "timeml"]) == 2
    assert "-o DIR" in capsys.readouterr().err
    out = tmp_path / "system"
    # the malformed fixture cannot be read: it is named on stderr (exit 1), the rest is exported
    assert main(["export", str(CASES), "-o", str(out), "--format", "timeml"]) == 1
    # and so is the one whose DCT is not a date (1998-02-30)
    err = capsys.readouterr().err
    assert "chr501_fires.tml" in err
    assert "chr503_fires.tml" in err
    skipped = {"chr501_fires.tml", "chr503_fires.tml"}
    written = sorted(p.name for p in out.glob("*.tml"))
    assert written == sorted(p.name for p in CASES.glob("*.tml") if p.name not in skipped)
    report = check([str(out)], Options(select=("CHR501", "CHR503", "CHR504", "CHR506", "CHR507")))
    assert report.findings == ()
