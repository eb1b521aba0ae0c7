"""Fiscal years: where a text says its fiscal year starts, and the claims its fiscal periods may
make (chrono.text.fiscal, chrono.periods.fiscal_in_calendar)."""

from __future__ import annotations

import pytest

from chrono.periods import fiscal_in_calendar
from chrono.tagger import extract
from chrono.text.fiscal import fiscal_start, in_calendar, speaks_of_fiscal_years


@pytest.mark.parametrize(("text", "start"), [
    ("The group's financial year runs from April to March.", 4),
    ("Its fiscal year begins on 1 October.", 10),
    ("The fiscal year began in July, as usual.", 7),
    ("The fiscal year ends on 30 September.", 10),
    ("for the financial year ending 31 March 2025", 4),
    ("The fiscal year ended Jan. 31.", 2),
    ("a retailer whose financial year matches the calendar year", 1),
    ("Revenue for fiscal 2025 rose.", None),
    ("The year runs from April to March.", None),
])
def test_where_the_text_says_its_fiscal_year_starts(text: str, start: int | None) -> None:
    assert fiscal_start(text) == start


def test_fiscal_words() -> None:
    assert speaks_of_fiscal_years("FY24 revenue") and speaks_of_fiscal_years("Fiscal 2025 guidance")
    assert speaks_of_fiscal_years("the financial year") and speaks_of_fiscal_years("FINANCIAL\nYEAR 2025")
    assert not speaks_of_fiscal_years("FYI, the physical year") and not speaks_of_fiscal_years("Q3 sales")


@pytest.mark.parametrize(("value", "start", "calendar"), [
    ("2025-Q1", 1, "2025-Q1"),
    ("2025-Q1", 7, "2024-Q3"),
    ("2025-Q4", 7, "2025-Q2"),
    ("2025-Q1", 10, "2024-Q4"),
    ("2025-H1", 7, "2024-H2"),
    ("2025", 1, "2025"),
    ("2025", 7, None),  # July 2024 to June 2025: no calendar value
    ("2025-Q2", 2, None),  # May to July: no calendar quarter
    ("2024-09-30", 7, "2024-09-30"),  # a day is the calendar's
])
def test_fiscal_periods_in_calendar_months(value: str, start: int, calendar: str | None) -> None:
    assert fiscal_in_calendar(value, start) == calendar


def _claimed(text: str, configured: int | None = None) -> list[tuple[str, str]]:
    timexes = extract(text, "2024-10-24")
    return [(t.text, t.value + (f" {t.mod}" if t.mod else "")) for t in in_calendar(text, timexes, configured)]


def test_a_fiscal_period_claims_months_only_where_they_are_known() -> None:
    text = "Revenue in the first quarter of fiscal 2025 rose; a year earlier it fell. Sales in May 2024 rose."
    # the fiscal quarter, and what counts from it, claim only "about" their year: any month of it
    assert _claimed(text) == [("the first quarter of fiscal 2025", "2025 APPROX"), ("a year earlier", "2024 APPROX"),
                              ("May 2024", "2024-05")]
    assert _claimed(text, 7) == [("the first quarter of fiscal 2025", "2024-Q3"), ("a year earlier", "2023-Q3"),
                                 ("May 2024", "2024-05")]
    stated = "Its financial year runs from July to June. " + text
    assert ("the first quarter of fiscal 2025", "2024-Q3") in _claimed(stated)
    calendar = "Its financial year matches the calendar year. " + text
    assert ("the first quarter of fiscal 2025", "2025-Q1") in _claimed(calendar)


def test_the_tagger_marks_fiscal_periods() -> None:
    found = {t.text: t.fiscal for t in extract("FY24 sales, fiscal 2023, the fiscal first quarter and Q3 2024.",
                                               "2025-01-10")}
    assert found == {"FY24": True, "fiscal 2023": True, "the fiscal first quarter": True, "Q3 2024": False}
