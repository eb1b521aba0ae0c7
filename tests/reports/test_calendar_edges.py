"""Bounds past the calendar (after 9999-12-31, before 0001-01-01): the report says so in words,
draws them at the end of the axis, and never fails where ``chrono check`` does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from chrono.reports import annotate as ann
from chrono.reports import timeline as tl
from chrono.reports.instants import CALENDAR_END, CALENDAR_START, day_words, instant_words

from chrono.cli import main
from chrono.model import Part, PeriodClaim, Qualifier, Span
from chrono.periods import Period, parse_value

FAR_DURATION = """dct: 2025-04-24
events:
  - id: far
    text: Far future
    start: 9999
    duration: P9000Y
"""
IN_9999 = """dct: 2025-04-24
events:
  - id: far
    text: Far future
    on: 9999
"""
CONFLICT_IN_9999 = IN_9999 + "    duration: P9000Y\n"
BEFORE_YEAR_1 = """dct: 2025-04-24
events:
  - id: founding
    on: 0001
  - id: earlier
    end: before 0002
relations:
  - earlier 5 years before founding
"""
TWO_DAYS_LATER = "The parties met on 30 December 9999 and signed two days later.\n"

CASES = [
    pytest.param("far.yaml", FAR_DURATION, [], ["ends after 9999-12-31 … after 9999-12-31"], id="duration"),
    pytest.param("in.yaml", IN_9999, [], ["ends 9999-01-01 … after 9999-12-31"], id="year-9999"),
    # a conflict whose bounds run past the calendar: reported like any other, in words
    pytest.param("bad.yaml", CONFLICT_IN_9999, [], ["CHR202", "ends 9999-01-01 … after 9999-12-31"],
                 id="conflict-in-9999"),
    pytest.param("old.yaml", BEFORE_YEAR_1, [], ["starts any time … before 0001-01-01"], id="before-year-1"),
    pytest.param(
        "late.txt", TWO_DAYS_LATER, ["--dct", "9999-12-31"], ["starts 9999-12-31 … after 9999-12-31"], id="prose"
    ),
]


@pytest.mark.parametrize(("name", "text", "options", "shown"), CASES)
def test_report_renders_bounds_past_the_calendar_and_exits_like_check(
    tmp_path: Path, name: str, text: str, options: list[str], shown: list[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / name).write_text(text, encoding="utf-8")
    common = [str(corpus), "--isolated", "--no-cache", "-j", "1", "-q", *options]
    checked = main(["check", *common])
    assert main(["report", *common, "-o", str(tmp_path / "site")]) == checked
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    page = next((tmp_path / "site" / "docs").glob("*.html")).read_text(encoding="utf-8")
    for words in shown:
        assert words in page
    assert "Traceback" not in page + index


def test_instants_past_the_calendar_are_said_not_dated() -> None:
    assert instant_words(CALENDAR_START) == "0001-01-01"
    assert instant_words(CALENDAR_START - 1) == "before 0001-01-01"
    assert instant_words(CALENDAR_END - 1) == "9999-12-31T23:59:59"
    assert instant_words(CALENDAR_END) == "after 9999-12-31"
    assert instant_words(10**18) == "after 9999-12-31"
    assert day_words(-(10**18)) == "before 0001-01-01"
    assert ann.instant_text(CALENDAR_END - 1, "any time") == "after 9999-12-31"  # rounds to the next minute
    assert ann.window_text(CALENDAR_END, CALENDAR_END) == "after 9999-12-31"
    year = parse_value("9999")
    assert ann.period_text(year) == "[9999-01-01, after 9999-12-31)"
    # a claim past the calendar keeps the check's own words
    claim = PeriodClaim("far", Part.WHOLE, Qualifier.IN, year, Span(0, 4))
    assert ann.claim_text(claim) == "far happens in 9999 (between 9999-01-01 and +10000-01-01)"
    inside = PeriodClaim("near", Part.END, Qualifier.BY, parse_value("2024-03"), Span(0, 4))
    assert ann.claim_text(inside) == inside.describe()
    assert ann.period_text(Period(None, None)) == "[-inf, +inf)"


def test_the_timeline_draws_bounds_past_the_calendar_at_its_ends() -> None:
    far = 10**18
    # outer bounds past the calendar are open sides; inner ones sit at its end
    assert tl.drawable(-far, -far, 0, far) == (None, CALENDAR_START, 0, None)
    assert tl.drawable(far, far, far, far) == (CALENDAR_END - 1,) * 3 + (None,)
    event = tl.TimelineEvent("e1", "far", *tl.drawable(CALENDAR_END - 86400, far, far, far), "#", "bounds")
    view = tl.build([event], id="t", title="t")
    assert view is not None
    assert view.hi == CALENDAR_END - 1
    assert view.hi_text == "9999-12-31"
    assert all(0 <= tick.x <= tl.WIDTH for tick in view.ticks)
