"""Calendar periods: TIMEX3-style values <-> exact half-open ranges on an integer seconds axis.

The reasoning core never sees a calendar. Every value ("2024-08", "2024-SU", "2025-W17-WE",
"202", "2024-08-06T14:30+02:00") becomes a :class:`Period`: an exact half-open range
``[start, end)`` of integer seconds since 1970-01-01T00:00:00 UTC on the proleptic Gregorian
calendar. Open-ended values (TIMEX3 ``mod`` BEFORE/AFTER, PAST_REF) have ``None`` for the
missing bound.

Times without a zone are "floating": they are placed as if they were UTC. Inside one document
every floating time shares the same unknown zone, so comparisons between them stay exact;
a time with an explicit offset is converted to UTC.

The calendar lookups here (month lengths, ISO weeks, the first day N months on) are the
standard library's proleptic Gregorian calendar: importing pendulum cost a tenth of the start-up
of a check of one small file, for three lookups. tests/core/test_periods.py holds these lookups
to pendulum's calendar, as an independent oracle, and chrono never parses with pendulum (its
``parse`` drops granularity and fills missing parts from today).
"""

from __future__ import annotations

import calendar
import enum
import re
from collections.abc import Callable
from datetime import date, timedelta

import attrs

SECOND = 1
MINUTE = 60
HOUR = 3600
DAY = 86400
WEEK = 7 * DAY

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


class Hemisphere(enum.Enum):
    NORTH = "north"
    SOUTH = "south"


class InvalidValue(ValueError):
    """A value that names no real period (2025-02-29, 2025-13, week 54), with the reason."""

    def __init__(self, value: str, reason: str) -> None:
        super().__init__(f"{value!r}: {reason}")
        self.value = value
        self.reason = reason


class NotAPeriod(ValueError):
    """A well-formed value that does not denote one stretch of time (a set, a duration, XXXX-08)."""


@attrs.frozen
class Period:
    """An exact half-open range of seconds; ``None`` bounds are unbounded."""

    start: int | None
    end: int | None
    value: str = attrs.field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"period end {self.end} before start {self.start}")

    @classmethod
    def of_days(cls, first: date, last_exclusive: date, value: str = "") -> Period:
        return cls(day_start(first), day_start(last_exclusive), value)

    @classmethod
    def days_from(cls, value: str, days: int, spare: int = 0) -> Period | None:
        """The day ``days`` after the day ``value`` names (before, when negative), with
        ``spare`` days either side; None at the edges of the calendar."""
        try:
            first = date.fromisoformat(value[:10]) + timedelta(days=days - spare)
            return cls.of_days(first, first + timedelta(days=1 + 2 * spare),
                               value=(first + timedelta(days=spare)).isoformat())
        except (ValueError, OverflowError):
            return None

    @property
    def bounded(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def length(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return self.end - self.start

    def contains(self, instant: int) -> bool:
        return (self.start is None or self.start <= instant) and (self.end is None or instant < self.end)

    def overlaps(self, other: Period) -> bool:
        """Do the two periods share an instant (an open bound reaching as far as it can)?"""
        return (self.end is None or other.start is None or other.start < self.end) and (
            other.end is None or self.start is None or self.start < other.end)

    def describe(self) -> str:
        """Human wording of the bounds, e.g. '[2024-08-01, 2024-09-01)'."""
        lo = "-inf" if self.start is None else format_instant(self.start)
        hi = "+inf" if self.end is None else format_instant(self.end)
        return f"[{lo}, {hi})"


# ---------------------------------------------------------------------------------------------
# Instants


def day_start(day: date) -> int:
    return (day.toordinal() - _EPOCH_ORDINAL) * DAY


def date_of(instant: int) -> date:
    return date.fromordinal(instant // DAY + _EPOCH_ORDINAL)


# The proleptic Gregorian calendar repeats itself every 400 years, which are this many days.
_DAYS_IN_400_YEARS = 146_097


def format_instant(instant: int) -> str:
    """ISO text for an instant; midnight prints as a bare date. Past the years 0001-9999 that
    dates name, the year is written in ISO 8601's expanded form (``+10000-01-01``, ``0000-12-31``,
    ``-0001-12-31``): the integer axis goes on where a calendar value cannot be written."""
    days, seconds = divmod(instant, DAY)
    ordinal = days + _EPOCH_ORDINAL
    # move into the years datetime can hold by whole 400-year cycles, and back in the text
    cycles = 0
    if ordinal < 1:
        cycles = (ordinal - 1) // _DAYS_IN_400_YEARS
    elif ordinal > date.max.toordinal():
        cycles = (ordinal - date.max.toordinal()) // _DAYS_IN_400_YEARS + 1
    day = date.fromordinal(ordinal - cycles * _DAYS_IN_400_YEARS)
    year = day.year + 400 * cycles
    written = f"{year:04d}" if 0 <= year <= 9999 else f"{'+' if year > 0 else '-'}{abs(year):04d}"
    text = f"{written}-{day.month:02d}-{day.day:02d}"
    if seconds == 0:
        return text
    hours, rest = divmod(seconds, HOUR)
    minutes, secs = divmod(rest, MINUTE)
    text = f"{text}T{hours:02d}:{minutes:02d}"
    return text + (f":{secs:02d}" if secs else "")


def _calendar_date(value: str, year: int, month: int, day: int) -> date:
    if not 1 <= year <= 9999:
        raise InvalidValue(value, f"year {year} is outside 0001-9999")
    if not 1 <= month <= 12:
        raise InvalidValue(value, f"month {month:02d} does not exist (months run 01-12)")
    length = calendar.monthrange(year, month)[1]
    if not 1 <= day <= length:
        if month == 2 and day == 29:
            raise InvalidValue(value, f"{year} is not a leap year: February {year} has 28 days")
        name = _MONTH_NAMES[month - 1]
        raise InvalidValue(value, f"{name} {year} has {length} days, not {day}")
    return date(year, month, day)


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _months_from(first: date, months: int, value: str) -> Period:
    """The ``months`` whole months from ``first``, the first day of a month.

    The last months of the calendar end on 10000-01-01, which ``date`` cannot hold."""
    index = first.year * 12 + first.month - 1 + months
    year, month = divmod(index, 12)
    end = _year_start(year) if month == 0 else day_start(date(year, month + 1, 1))
    return Period(day_start(first), end, value)


# ---------------------------------------------------------------------------------------------
# Value grammar

_ZONE = r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?"
_TIME = r"T(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?" + _ZONE
_PATTERNS: dict[str, re.Pattern[str]] = {
    "century": re.compile(r"(?P<century>\d{2})"),
    "decade": re.compile(r"(?P<decade>\d{3})"),
    "year": re.compile(r"(?P<year>\d{4})"),
    "month": re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})"),
    "day": re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
    "time": re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})" + _TIME),
    "part_of_day": re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})T(?P<part>MO|MI|AF|EV|NI|DT)"),
    "week": re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})"),
    "weekend": re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})-WE"),
    "week_day": re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})-(?P<weekday>[1-7])"),
    "season": re.compile(r"(?P<year>\d{4})-(?P<season>SP|SU|FA|WI)"),
    "quarter": re.compile(r"(?P<year>\d{4})-Q(?P<quarter>\d)"),
    "half": re.compile(r"(?P<year>\d{4})-H(?P<half>\d)"),
}

# Parts of the day as [start hour, end hour) on the same calendar day; night runs into the next.
_PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "MO": (0, 12),
    "MI": (11, 14),
    "AF": (12, 18),
    "EV": (17, 24),
    "NI": (18, 30),
    "DT": (6, 18),
}

# Meteorological seasons as (first month, year offset of that month).
_NORTH_SEASONS = {"SP": (3, 0), "SU": (6, 0), "FA": (9, 0)}
_SOUTH_SEASONS = {"FA": (3, 0), "WI": (6, 0), "SP": (9, 0)}

REFERENCE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
MODS = frozenset(
    {
        "START",
        "MID",
        "END",
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "APPROX",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
    }
)


def zone_seconds(zone: str) -> int:
    """The offset from UTC of a TIMEX3 zone suffix ("Z", "+02:00", "-0830"), in seconds."""
    return _zone_offset(zone, zone)


def _zone_offset(value: str, zone: str | None) -> int:
    if not zone or zone == "Z":
        return 0
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        raise InvalidValue(value, f"zone offset {zone} is outside -14:00..+14:00")
    return sign * (hours * HOUR + minutes * MINUTE)


def _iso_week_start(value: str, year: int, week: int) -> date:
    weeks_in_year = date(year, 12, 28).isocalendar()[1]
    if not 1 <= week <= weeks_in_year:
        raise InvalidValue(
            value, f"ISO week {week:02d} does not exist in {year} (it has {weeks_in_year} weeks)"
        )
    return date.fromisocalendar(year, week, 1)


def _parse_plain(value: str, hemisphere: Hemisphere) -> Period:
    for kind, pattern in _PATTERNS.items():
        match = pattern.fullmatch(value)
        if match:
            return _BUILDERS[kind](value, match.groupdict(), hemisphere)
    raise NotAPeriod(f"{value!r} is not a calendar value this model can place on the timeline")


def _year_start(year: int) -> int:
    """Start of 1 January of ``year``; year 10000 is the end of the calendar (9999-12-31 + 1 day)."""
    if year > 9999:
        return day_start(date(9999, 12, 31)) + DAY
    return day_start(date(max(year, 1), 1, 1))


# The instants that calendar values name: from 0001-01-01 to the end of 9999.
CALENDAR_START, CALENDAR_END = _year_start(1), _year_start(10000)


def _century(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    first = int(g["century"]) * 100
    return Period(_year_start(first), _year_start(first + 100), value)


def _decade(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    first = int(g["decade"]) * 10
    return Period(_year_start(first), _year_start(first + 10), value)


def _year(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    year = int(g["year"])
    _calendar_date(value, year, 1, 1)
    return Period(_year_start(year), _year_start(year + 1), value)


def _month(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    first = _calendar_date(value, int(g["year"]), int(g["month"]), 1)
    return _months_from(first, 1, value)


def _day(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    day = _calendar_date(value, int(g["year"]), int(g["month"]), int(g["day"]))
    return Period(day_start(day), day_start(day) + DAY, value)


def _time(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    day = _calendar_date(value, int(g["year"]), int(g["month"]), int(g["day"]))
    hour = int(g["hour"])
    minute = int(g["minute"]) if g["minute"] is not None else None
    second = int(g["second"]) if g["second"] is not None else None
    if hour > 24 or (hour == 24 and (minute or second)):
        raise InvalidValue(value, f"hour {hour} does not exist (hours run 00-23)")
    if minute is not None and minute > 59:
        raise InvalidValue(value, f"minute {minute} does not exist (minutes run 00-59)")
    if second is not None and second > 60:
        raise InvalidValue(value, f"second {second} does not exist (seconds run 00-59)")
    second = min(second, 59) if second is not None else None  # a leap second folds onto :59
    unit = SECOND if second is not None else MINUTE if minute is not None else HOUR
    start = day_start(day) + hour * HOUR + (minute or 0) * MINUTE + (second or 0)
    start -= _zone_offset(value, g["zone"])
    if hour == 24:
        # "at midnight on 7 July" (T24:00): the instant that ends the 7th and opens the 8th —
        # or, as writers also use it, the one that opens the 7th ("born just after midnight on 1
        # December", in the small hours of the 1st): from the unit before the 7th to the unit
        # after it, a time of all three days
        return Period(day_start(day) - unit, start + unit, value)
    return Period(start, start + unit, value)


def _part_of_day(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    day = _calendar_date(value, int(g["year"]), int(g["month"]), int(g["day"]))
    first, last = _PARTS_OF_DAY[g["part"]]
    return Period(day_start(day) + first * HOUR, day_start(day) + last * HOUR, value)


def _week(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    monday = _iso_week_start(value, int(g["year"]), int(g["week"]))
    return Period(day_start(monday), day_start(monday) + WEEK, value)


def _weekend(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    monday = _iso_week_start(value, int(g["year"]), int(g["week"]))
    return Period(day_start(monday) + 5 * DAY, day_start(monday) + WEEK, value)


def _week_day(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    monday = _iso_week_start(value, int(g["year"]), int(g["week"]))
    start = day_start(monday) + (int(g["weekday"]) - 1) * DAY
    return Period(start, start + DAY, value)


def _season(value: str, g: dict[str, str], hemisphere: Hemisphere) -> Period:
    year = int(g["year"])
    _calendar_date(value, year, 1, 1)
    season = g["season"]
    table = _NORTH_SEASONS if hemisphere is Hemisphere.NORTH else _SOUTH_SEASONS
    if season in table:
        month, _offset = table[season]
        first = date(year, month, 1)
        return _months_from(first, 3, value)
    # The season that straddles New Year (northern winter, southern summer): "winter 2024" is
    # written both for Dec 2023-Feb 2024 and for Dec 2024-Feb 2025, so honestly it spans both.
    start = day_start(date(year - 1, 12, 1)) if year > 1 else _year_start(1)
    end = day_start(date(year + 1, 3, 1)) if year < 9999 else _year_start(10000)
    return Period(start, end, value)


def _quarter(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    quarter = int(g["quarter"])
    if not 1 <= quarter <= 4:
        raise InvalidValue(value, f"quarter Q{quarter} does not exist (quarters run Q1-Q4)")
    first = _calendar_date(value, int(g["year"]), 3 * quarter - 2, 1)
    return _months_from(first, 3, value)


def _half(value: str, g: dict[str, str], _: Hemisphere) -> Period:
    half = int(g["half"])
    if not 1 <= half <= 2:
        raise InvalidValue(value, f"half H{half} does not exist (halves are H1 and H2)")
    first = _calendar_date(value, int(g["year"]), 6 * half - 5, 1)
    return _months_from(first, 6, value)


_BUILDERS: dict[str, Callable[[str, dict[str, str], Hemisphere], Period]] = {
    "century": _century,
    "decade": _decade,
    "year": _year,
    "month": _month,
    "day": _day,
    "time": _time,
    "part_of_day": _part_of_day,
    "week": _week,
    "weekend": _weekend,
    "week_day": _week_day,
    "season": _season,
    "quarter": _quarter,
    "half": _half,
}


# ---------------------------------------------------------------------------------------------
# mod


def _third_boundary(start: int, end: int, numerator: int, round_up: bool) -> int:
    exact = start + (end - start) * numerator // 3
    if end - start < 3 * DAY:
        return exact
    # Thirds of periods of several days are rounded outwards to whole days: "early August"
    # is read as the first eleven days rather than stopping at 10 days 8 hours.
    floor = exact - (exact % DAY)
    return floor + DAY if round_up and floor != exact else floor


def apply_mod(period: Period, mod: str) -> Period:
    """Apply a TIMEX3 ``mod`` to a bounded period."""
    if mod not in MODS:
        raise InvalidValue(mod, f"unknown mod {mod!r} (expected one of {', '.join(sorted(MODS))})")
    if period.start is None or period.end is None:
        raise NotAPeriod(f"mod {mod} needs a bounded period, got {period.describe()}")
    start, end = period.start, period.end
    value = period.value
    if mod == "START":
        return Period(start, _third_boundary(start, end, 1, True), value)
    if mod == "MID":
        return Period(_third_boundary(start, end, 1, False), _third_boundary(start, end, 2, True), value)
    if mod == "END":
        return Period(_third_boundary(start, end, 2, False), end, value)
    if mod == "BEFORE":
        return Period(None, start, value)
    if mod == "AFTER":
        return Period(end, None, value)
    if mod == "ON_OR_BEFORE":
        return Period(None, end, value)
    if mod == "ON_OR_AFTER":
        return Period(start, None, value)
    if mod == "APPROX":
        # "about 2019" admits a neighbouring unit on either side.
        return Period(start - (end - start), end + (end - start), value)
    # Duration mods (LESS_THAN …) do not move a date.
    return period


def parse_value(
    value: str,
    *,
    mod: str | None = None,
    hemisphere: Hemisphere = Hemisphere.NORTH,
    dct: Period | None = None,
) -> Period:
    """Turn a TIMEX3 date/time value into a :class:`Period`.

    Raises :class:`InvalidValue` for impossible calendar values and :class:`NotAPeriod` for
    values that are not one stretch of time (durations, sets, underspecified ``XXXX`` values,
    or reference values without a ``dct``).
    """
    text = value.strip()
    if text in REFERENCE_VALUES:
        if dct is None or dct.start is None or dct.end is None:
            raise NotAPeriod(f"{text} needs a document creation time")
        if text == "PRESENT_REF":
            base = Period(dct.start, dct.end, text)
        elif text == "PAST_REF":
            base = Period(None, dct.end, text)
        else:
            base = Period(dct.start, None, text)
        return base if mod is None or not base.bounded else apply_mod(base, mod)
    if "X" in text or text.startswith("P"):
        raise NotAPeriod(f"{text!r} is not a single calendar period")
    period = _parse_plain(text, hemisphere)
    return period if mod is None else apply_mod(period, mod)


# ---------------------------------------------------------------------------------------------
# Period -> value


def value_of(start: int, end: int) -> str | None:
    """The calendar value naming exactly ``[start, end)``, or ``None`` if no unit fits.

    The inverse of :func:`parse_value` for whole calendar units (northern seasons, except the
    year-straddling winter, which is deliberately wider than one season).
    """
    length = end - start
    if length <= 0 or start < CALENDAR_START or end > CALENDAR_END:
        return None  # no calendar value names a time outside the years 0001-9999
    if start % DAY == 0 and end % DAY == 0:
        first = date_of(start)
        # the exclusive end of 9999 lies past what datetime.date can hold
        last = (10000, 1, 1) if end == _year_start(10000) else date_of(end).timetuple()[:3]
        if length == DAY:
            return first.isoformat()
        if length == WEEK and first.isoweekday() == 1:
            year, week, _ = first.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if length == 2 * DAY and first.isoweekday() == 6:
            year, week, _ = first.isocalendar()
            return f"{year:04d}-W{week:02d}-WE"
        if first.day == 1 and last[2] == 1:
            months = (last[0] - first.year) * 12 + last[1] - first.month
            return _months_value(first, months)
        return None
    for unit, width in (("hour", HOUR), ("minute", MINUTE), ("second", SECOND)):
        if length == width and start % width == 0:
            day = date_of(start)
            clock = format_instant(start)
            if unit == "hour":
                return f"{day.isoformat()}T{(start - day_start(day)) // HOUR:02d}"
            if unit == "minute":
                return clock if "T" in clock else f"{clock}T00:00"
            return (
                clock if clock.count(":") == 2 else (clock + ":00" if "T" in clock else clock + "T00:00:00")
            )
    return None


def _months_value(first: date, months: int) -> str | None:
    if months == 1:
        return f"{first.year:04d}-{first.month:02d}"
    if months == 3 and first.month in (1, 4, 7, 10):
        return f"{first.year:04d}-Q{(first.month + 2) // 3}"
    if months == 3 and first.month in (3, 6, 9):
        return f"{first.year:04d}-{ {3: 'SP', 6: 'SU', 9: 'FA'}[first.month] }"
    if months == 6 and first.month in (1, 7):
        return f"{first.year:04d}-H{(first.month + 5) // 6}"
    if first.month == 1:
        if months == 12:
            return f"{first.year:04d}"
        if months == 120 and first.year % 10 == 0:
            return f"{first.year // 10:03d}"
        if months == 1200 and first.year % 100 == 0:
            return f"{first.year // 100:02d}"
    return None


_FISCAL_VALUE = re.compile(r"(?P<year>\d{4})(?:-(?P<unit>[QH])(?P<n>[1-4]))?\Z")


def fiscal_in_calendar(value: str, start_month: int) -> str | None:
    """The calendar value of a fiscal period, for a fiscal year that starts in ``start_month``
    and is named by the year it ends in ("fiscal 2025" from July 2024 to June 2025). ``None``
    when no calendar value names it: a whole fiscal year that is not the calendar's, or a
    quarter or half whose months straddle the calendar's.

    >>> fiscal_in_calendar("2025-Q1", 7), fiscal_in_calendar("2025-H2", 7), fiscal_in_calendar("2025", 1)
    ('2024-Q3', '2025-H1', '2025')
    >>> fiscal_in_calendar("2025", 7), fiscal_in_calendar("2025-Q1", 2)
    (None, None)
    """
    match = _FISCAL_VALUE.match(value)
    if match is None:
        return value  # a month or a day of a fiscal text is the calendar's
    if start_month == 1:
        return value
    unit = match["unit"]
    if unit is None:
        return None
    months = 3 if unit == "Q" else 6
    if (start_month - 1) % months:
        return None
    first = (start_month - 1) + months * (int(match["n"]) - 1)  # months after January of the year before
    year = int(match["year"]) - 1 + first // 12
    number = (first % 12) // months + 1
    return f"{year:04d}-{unit}{number}"


def format_length(seconds: int) -> str:
    """An exact human length, largest unit first: '1 second', '5 hours', '122 days',
    '17 days 12 hours' (2.5 weeks), '1 day 30 minutes'. Days are the largest unit, since weeks,
    months and years would each need a rounding rule of their own."""
    if seconds < 0:
        return f"minus {format_length(-seconds)}"
    parts = []
    rest = seconds
    for unit, width in (("day", DAY), ("hour", HOUR), ("minute", MINUTE), ("second", 1)):
        count, rest = divmod(rest, width)
        if count:
            parts.append(f"{count} {unit}{'s' if count != 1 else ''}")
    return " ".join(parts) or "0 seconds"


def format_shortfall(seconds: int) -> str:
    """How far statements that cannot all hold miss each other, for "they miss by at least ...".

    Exact to the minute: the last second or so comes from the model's one-second steps (a strict
    "before", the excluded end of a period), not from anything the documents say, so a miss of
    333 days 23 hours 59 minutes 59 seconds reads "334 days". Under a minute stays in seconds.
    """
    if seconds < MINUTE:
        return format_length(seconds)
    return format_length(round(seconds / MINUTE) * MINUTE)
