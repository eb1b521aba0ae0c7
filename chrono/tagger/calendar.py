"""Calendar arithmetic on TIMEX3 values, on top of :mod:`datetime` (no parsing from text)."""

from __future__ import annotations

import datetime as dt

import attrs

from chrono.lazy_regex import lazy_compile

_VALUE = lazy_compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|W(?P<week>\d\d)|(?P<season>SP|SU|FA|WI)))?"
)

_DECADE_OR_CENTURY = lazy_compile(r"\d{2,3}\Z")

# Granularities from coarse to fine.
GRANULARITY = {"CE": 0, "DE": 1, "Y": 2, "H": 3, "Q": 4, "S": 4, "M": 5, "W": 6, "D": 7}


@attrs.frozen
class Anchor:
    """A resolved calendar reference: the day it starts on and its granularity."""

    day: dt.date
    gran: str  # Y, H, Q, S, M, W, D
    value: str


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise OverflowError(f"year {year} is outside 0001-9999")
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


# the month each (meteorological, northern) season starts in
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def counted_season_year(season: str, step: int, base: dt.date) -> int:
    """The year in which the season "last" (``step`` < 0) or "next" (``step`` > 0) names from
    ``base`` starts: "last autumn" in September is the autumn before this one, in December the
    one just gone; "next spring" in February is this year's."""
    start = SEASON_START[season]
    if step < 0:
        return base.year if base.month >= start + 3 else base.year - 1
    return base.year if base.month < start else base.year + 1


def add_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)  # OverflowError outside 0001-9999


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def value_at(day: dt.date, gran: str) -> str:
    """The TIMEX3 value of the ``gran`` unit containing ``day``."""
    if gran == "D":
        return day.isoformat()
    if gran == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if gran == "W":
        return week_value(day)
    if gran == "WE":
        return week_value(day) + "-WE"
    if gran == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if gran == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if gran == "Y":
        return f"{day.year:04d}"
    if gran == "DE":
        return f"{day.year // 10:03d}"
    if gran == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """Move ``day`` by ``amount`` calendar units (Y, H, Q, M, W, WE, D, DE, CE)."""
    if unit in ("D",):
        return add_days(day, amount)
    if unit in ("W", "WE"):
        return add_days(day, 7 * amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "Q":
        return add_months(day, 3 * amount)
    if unit == "H":
        return add_months(day, 6 * amount)
    if unit in ("Y", "S"):
        return add_months(day, 12 * amount)
    if unit == "DE":
        return add_months(day, 120 * amount)
    if unit == "CE":
        return add_months(day, 1200 * amount)
    return day


def parse_anchor(value: str) -> Anchor | None:
    """The anchor for a resolved value such as ``1989-Q3`` or ``1998-02-13T14:00``."""
    match = _VALUE.match(value)
    if match is None:
        # "the 1980s" (198), "the 19th century" (18): a later "two decades later" counts from it.
        if _DECADE_OR_CENTURY.match(value):
            return Anchor(dt.date(max(1, int(value) * 10 ** (4 - len(value))), 1, 1),
                          "DE" if len(value) == 3 else "CE", value)
        return None
    year = int(match["year"])
    if year < 1:
        return None
    try:
        if match["day"]:
            return Anchor(dt.date(year, int(match["month"]), int(match["day"])), "D", value[:10])
        if match["month"]:
            return Anchor(dt.date(year, int(match["month"]), 1), "M", value[:7])
        if match["quarter"]:
            q = int(match["quarter"])
            return Anchor(dt.date(year, 3 * q - 2, 1), "Q", value[:7])
        if match["half"]:
            h = int(match["half"])
            return Anchor(dt.date(year, 6 * h - 5, 1), "H", value[:7])
        if match["week"]:
            monday = dt.date.fromisocalendar(year, int(match["week"]), 1)
            return Anchor(monday, "W", value[:8])
        if match["season"]:
            month = SEASON_START[match["season"]]
            return Anchor(dt.date(year, month, 1), "S", value[:7])
    except ValueError:
        return None
    return Anchor(dt.date(year, 1, 1), "Y", value[:4])


def anchor_value(anchor: Anchor, gran: str | None = None) -> str:
    g = gran or anchor.gran
    if g == "S":
        season = next((name for name, month in SEASON_START.items() if month == anchor.day.month), "SU")
        return f"{anchor.day.year:04d}-{season}"
    return value_at(anchor.day, g)


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> dt.date | None:
    """The ``nth`` (1-based, -1 = last) ISO ``weekday`` of a month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        delta = (weekday - first.isoweekday()) % 7
        day = first + dt.timedelta(days=delta + 7 * (nth - 1))
        return day if day.month == month else None
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    delta = (last.isoweekday() - weekday) % 7
    return last - dt.timedelta(days=delta + 7 * (-nth - 1))


def easter(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the Gregorian computus, "Anonymous" algorithm).

    >>> easter(2024), easter(2025)
    (datetime.date(2024, 3, 31), datetime.date(2025, 4, 20))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday of ``year``: the Julian computus, as a Gregorian date.

    >>> orthodox_easter(2024), orthodox_easter(2025)
    (datetime.date(2024, 5, 5), datetime.date(2025, 4, 20))
    """
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_to_gregorian = year // 100 - year // 400 - 2
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_to_gregorian)
