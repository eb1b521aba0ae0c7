"""Dates that do not exist ("February 30, 2025", "31 April", "2023-02-29"), written in words or
as ISO dates, found in the text itself (the tagger never gives them a value)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from chrono.model import Span
from chrono.problems import Problem, ProblemKind

_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name: i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["Sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

_MONTH_DAY = re.compile(
    rf"(?=[JFMASOND])\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
)
_DAY_MONTH = re.compile(
    rf"(?=\d)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?"
)
_ISO = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])")


def _impossible(year: int | None, month: int, day: int) -> str | None:
    if day < 1:
        return "day 0 does not exist"
    if month == 2 and day == 29 and year is not None and not calendar.isleap(year):
        return f"{year} is not a leap year: February {year} has 28 days"
    length = calendar.monthrange(year if year is not None else 2000, month)[1]
    if day > length:
        what = f"{calendar.month_name[month]} {year}" if year is not None else calendar.month_name[month]
        return f"{what} has {length} days"
    return None


def impossible_dates(text: str) -> Iterator[Problem]:
    seen: set[int] = set()
    for pattern in (_MONTH_DAY, _DAY_MONTH, _ISO):
        for match in pattern.finditer(text):
            if match.start() in seen:
                continue
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            if not 1 <= month <= 12:
                continue
            if day > 31 and pattern is not _ISO:
                continue  # "May 2024" or "March 100": not a day
            reason = _impossible(year, month, day)
            if reason is None:
                continue
            if pattern is _MONTH_DAY and month_text == "May" and not match.group("year"):
                continue
            seen.add(match.start())
            words = " ".join(match.group().split())
            yield Problem(ProblemKind.CALENDAR, f"impossible date '{words}': {reason}",
                          Span(match.start(), match.end(), "primary"))
