"""One order of document dates for every reader: --dct, the document's own, the configuration's
(chrono.document_date). The TimeML reader once ignored the configuration's date."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.analyze import analyze
from chrono.ingest import load
from chrono.options import ReadingOptions
from chrono.periods import parse_value

OWN = "2020-06-01"
TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>d1</DOCID>
<DCT>{dct}</DCT>
<TEXT>
He <EVENT eid="e1" class="OCCURRENCE">left</EVENT> <TIMEX3 tid="t1" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
</TimeML>
"""
TIMEML_DCT = f'<TIMEX3 tid="t0" type="DATE" value="{OWN}" functionInDocument="CREATION_TIME">June 1, 2020</TIMEX3>'

DOCUMENTS = {
    # suffix: (with its own date, without one)
    ".md": (f"---\ndate: {OWN}\n---\nThe shop opened.\n", "The shop opened.\n"),
    ".yaml": (f"dct: {OWN}\nevents:\n  - {{id: a, on: 2019}}\n", "events:\n  - {id: a, on: 2019}\n"),
    ".tml": (TIMEML.format(dct=TIMEML_DCT), TIMEML.format(dct="")),
}
CONFIGURED = ReadingOptions(default_dct=parse_value("2021-01-01"), default_dct_value="2021-01-01")


def _date(tmp_path: Path, suffix: str, own: bool, options: ReadingOptions) -> tuple[str | None, str | None]:
    path = tmp_path / f"doc{suffix}"
    path.write_text(DOCUMENTS[suffix][0 if own else 1], encoding="utf-8")
    analysis = analyze(load(path, path.name), options)
    return analysis.document.dct_value, analysis.document.dct_source


@pytest.mark.parametrize("suffix", sorted(DOCUMENTS))
def test_the_command_line_wins(tmp_path: Path, suffix: str) -> None:
    options = ReadingOptions.dated("2022-02-02", default_dct=CONFIGURED.default_dct)
    assert _date(tmp_path, suffix, True, options) == ("2022-02-02", "--dct")


@pytest.mark.parametrize("suffix", sorted(DOCUMENTS))
def test_the_document_s_own_date_comes_before_the_configuration(tmp_path: Path, suffix: str) -> None:
    value, source = _date(tmp_path, suffix, True, CONFIGURED)
    assert value == OWN
    assert source not in ("--dct", "configuration")


@pytest.mark.parametrize("suffix", sorted(DOCUMENTS))
def test_the_configuration_comes_last(tmp_path: Path, suffix: str) -> None:
    assert _date(tmp_path, suffix, False, CONFIGURED) == ("2021-01-01", "configuration")


def test_a_timeml_document_dated_by_the_configuration_is_not_missing_its_dct(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(DOCUMENTS[".tml"][1], encoding="utf-8")
    kinds = [p.kind.value for p in analyze(load(path, path.name), CONFIGURED).problems]
    assert "timeml-missing-dct" not in kinds
    kinds = [p.kind.value for p in analyze(load(path, path.name), ReadingOptions()).problems]
    assert "timeml-missing-dct" in kinds
