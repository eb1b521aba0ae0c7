"""Instants in words, at the edges of the calendar too.

The model's axis is unbounded, but dates are written 0001-01-01 … 9999-12-31: a bound the network
puts past either end ("on: 9999" and a duration of P99999999999Y; "two days later" after a
9999-12-31 document date) is said as "after 9999-12-31" or "before 0001-01-01", and drawn at the
end of the axis. ``chrono check`` states such bounds without writing them as dates; the report
must not fail on them either.
"""

from __future__ import annotations

from datetime import date

from chrono.periods import Period, day_start, format_instant

CALENDAR_START = day_start(date.min)  # 0001-01-01T00:00
CALENDAR_END = day_start(date.max) + 86400  # the end of 9999-12-31 (exclusive)
BEFORE_CALENDAR = f"before {date.min.isoformat()}"
AFTER_CALENDAR = f"after {date.max.isoformat()}"


def instant_words(instant: int) -> str:
    """ISO text for an instant (midnight as a bare date), or where it lies past the calendar."""
    if instant < CALENDAR_START:
        return BEFORE_CALENDAR
    if instant >= CALENDAR_END:
        return AFTER_CALENDAR
    return format_instant(instant)


def day_words(instant: int) -> str:
    """The day of an instant ("2024-08-06"), or where it lies past the calendar."""
    words = instant_words(instant)
    return words if words in (BEFORE_CALENDAR, AFTER_CALENDAR) else words[:10]


def period_words(period: Period) -> str:
    """A period's bounds as :meth:`chrono.periods.Period.describe` writes them:
    ``[2024-08-01, 2024-09-01)``, ``[9999-01-01, after 9999-12-31)``."""
    lo = "-inf" if period.start is None else instant_words(period.start)
    hi = "+inf" if period.end is None else instant_words(period.end)
    return f"[{lo}, {hi})"


def on_calendar(instant: int) -> int:
    """The nearest instant that can be written as a date."""
    return min(max(instant, CALENDAR_START), CALENDAR_END - 1)
