"""Numbers too long for Python and bounds past the calendar's ends give clean findings, never an
internal error (CHR000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.model import Finding
from chrono.options import Options, ReadingOptions
from chrono.periods import DAY, Period, format_instant, parse_value, value_of
from chrono.runner import check


def _findings(tmp_path: Path, name: str, content: str, options: Options | None = None) -> list[Finding]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    findings = list(check([str(path)], options or Options()).findings)
    assert "CHR000" not in [f.rule for f in findings], [f.message for f in findings]
    return findings


def test_a_json_integer_longer_than_python_reads_is_a_syntax_finding(tmp_path: Path) -> None:
    digits = "9" * 5000
    content = f'{{"dct": "2025-04-24",\n "events": [{{"id": "a", "on": "2024", "note": {digits}}}]}}\n'
    (finding,) = _findings(tmp_path, "big.json", content)
    assert (finding.rule, finding.line, finding.column) == ("CHR002", 2, 47)
    assert "5,000 digits" in finding.message


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        ("9" * 400 + " days", "longer than"),
        ("9" * 400 + ".5 days", "longer than"),
        ("P" + "9" * 5000 + "D", "longer than"),
        ("20000 years", "longer than"),
    ],
)
def test_a_length_longer_than_the_calendar_is_a_timeline_finding(tmp_path: Path, duration: str, words: str) -> None:
    content = f"dct: 2025-04-24\nevents:\n  - id: a\n    on: 2024\n    duration: {duration}\n"
    (finding,) = _findings(tmp_path, "long.yaml", content)
    assert (finding.rule, finding.line) == ("CHR003", 5)
    assert words in finding.message


def test_bounds_past_the_end_of_the_calendar_are_described(tmp_path: Path) -> None:
    content = (
        "dct: 2025-04-24\nevents:\n  - id: a\n    on: 9999-12-31\n  - id: b\n    start: after 9999-12-31\n"
        "relations:\n  - a after b\n"
    )
    (finding,) = _findings(tmp_path, "end.yaml", content)
    assert finding.rule == "CHR201"
    assert "+10000-01-01" in " ".join(step.text for step in finding.explanation)


def test_an_iso_duration_of_billions_of_years_is_clean(tmp_path: Path) -> None:
    content = "dct: 2025-04-24\nevents:\n  - id: a\n    on: 9999\n    duration: P99999999999Y\n"
    (finding,) = _findings(tmp_path, "eon.yaml", content)
    assert finding.rule == "CHR003"


def test_a_relative_date_past_the_end_of_the_calendar_never_crashes(tmp_path: Path) -> None:
    text = "The ceasefire was signed on 31 December 9999. Two days later, fighting resumed.\n"
    for dct in ("9999-12-31", "0001-01-01"):
        _findings(tmp_path, "far.txt", text, Options(reading=ReadingOptions.dated(dct)))


def test_instants_outside_the_calendar_print_as_expanded_iso_years() -> None:
    end = parse_value("9999").end
    start = parse_value("0001").start
    assert end is not None and start is not None
    assert format_instant(end) == "+10000-01-01"
    assert format_instant(end + 2 * DAY + 3600) == "+10000-01-03T01:00"
    assert format_instant(start) == "0001-01-01"
    assert format_instant(start - DAY) == "0000-12-31"
    assert format_instant(start - 367 * DAY) == "-0001-12-31"
    assert Period(end, end + DAY).describe() == "[+10000-01-01, +10000-01-02)"
    assert value_of(end, end + DAY) is None
    assert value_of(start - DAY, start) is None


@pytest.mark.parametrize(
    "text",
    [
        "The ship ran aground on Friday, 31 December 9999.\n\nThree days later, on 2 January, it was refloated.",
        "On 31 December 9999 — two days after the ruling — the minister spoke.",
        "The summit was held in Oslo. A dinner on the eve of the summit, on 31 December 9999, went late.",
        "Within a fortnight of the launch, on 1 January 0001, the rocket flew again.",
        "The society was founded in 1879. The society's 9999th anniversary celebrations began in January.",
    ],
)
def test_counting_days_at_the_calendar_edges_never_crashes(tmp_path: Path, text: str) -> None:
    _findings(tmp_path, "edge.txt", text, Options(reading=ReadingOptions.dated("2025-01-01")))
