"""A weekday that does not match a year-less date: a warning when the date is near the DCT (the
year is only inferred), an error when the year is written."""

from __future__ import annotations

from pathlib import Path

from chrono.model import Severity
from chrono.options import Options, ReadingOptions
from chrono.runner import check


def _findings(tmp_path: Path, text: str) -> list[tuple[str, Severity]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    report = check([str(path)], Options(select=("CHR307",), reading=ReadingOptions.dated("2024-11-08")))
    return [(f.rule, f.severity) for f in report.findings]


def test_inferred_year_near_the_dct_told_in_an_agreeing_tense_is_an_error(tmp_path: Path) -> None:
    found = _findings(tmp_path, "The council had approved the plan on Monday, 29 October, after a debate.\n")
    assert found == [("CHR307", Severity.ERROR)]


def test_written_year_is_an_error(tmp_path: Path) -> None:
    found = _findings(tmp_path, "The council had approved the plan on Monday, 29 October 2024.\n")
    assert found == [("CHR307", Severity.ERROR)]


def test_inferred_year_far_from_the_dct_is_left_alone(tmp_path: Path) -> None:
    assert _findings(tmp_path, "The council had approved the plan on Monday, 29 March.\n") == []


def test_a_holiday_named_with_a_weekday_is_no_weekday_of_the_day_after_it() -> None:
    from chrono.tagger import extract
    from chrono.text.weekdays import weekday_cues

    text = "The break takes in Good Friday, 3 April, and Easter Monday, 6 April, and Saturday, 4 April."
    cues = list(weekday_cues(text, extract(text, "2026-01-15")))
    # only the weekday written as a weekday names the day after it
    assert [(c.name, c.date.text) for c in cues] == [("Saturday", "Saturday, 4 April")]
