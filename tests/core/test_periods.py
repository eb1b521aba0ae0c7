"""Periods: values <-> exact second ranges, checked against datetime arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from chrono.periods import (
    CALENDAR_END,
    DAY,
    Hemisphere,
    InvalidValue,
    NotAPeriod,
    Period,
    apply_mod,
    format_length,
    format_shortfall,
    parse_value,
    value_of,
)
from chrono.timeline_files import parse_gap

from ..strategies import days_before_9999


def ts(*parts: int) -> int:
    return int(datetime(*parts, tzinfo=UTC).timestamp())  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2024", ts(2024, 1, 1), ts(2025, 1, 1)),
        ("2024-08", ts(2024, 8, 1), ts(2024, 9, 1)),
        ("2024-02", ts(2024, 2, 1), ts(2024, 3, 1)),
        ("2024-08-06", ts(2024, 8, 6), ts(2024, 8, 7)),
        ("2024-08-06T14", ts(2024, 8, 6, 14), ts(2024, 8, 6, 15)),
        ("2024-08-06T14:30", ts(2024, 8, 6, 14, 30), ts(2024, 8, 6, 14, 31)),
        ("2024-08-06T14:30:05", ts(2024, 8, 6, 14, 30, 5), ts(2024, 8, 6, 14, 30, 6)),
        ("2024-08-06T14:30+02:00", ts(2024, 8, 6, 12, 30), ts(2024, 8, 6, 12, 31)),
        ("2024-08-06T14:30-0530", ts(2024, 8, 6, 20, 0), ts(2024, 8, 6, 20, 1)),
        ("2024-08-06T14:30Z", ts(2024, 8, 6, 14, 30), ts(2024, 8, 6, 14, 31)),
        ("2024-SP", ts(2024, 3, 1), ts(2024, 6, 1)),
        ("2024-SU", ts(2024, 6, 1), ts(2024, 9, 1)),
        ("2024-FA", ts(2024, 9, 1), ts(2024, 12, 1)),
        ("2024-WI", ts(2023, 12, 1), ts(2025, 3, 1)),
        ("2024-Q1", ts(2024, 1, 1), ts(2024, 4, 1)),
        ("2024-Q4", ts(2024, 10, 1), ts(2025, 1, 1)),
        ("2024-H2", ts(2024, 7, 1), ts(2025, 1, 1)),
        ("2025-W17", ts(2025, 4, 21), ts(2025, 4, 28)),
        ("2025-W17-WE", ts(2025, 4, 26), ts(2025, 4, 28)),
        ("2025-W17-3", ts(2025, 4, 23), ts(2025, 4, 24)),
        ("2020-W53", ts(2020, 12, 28), ts(2021, 1, 4)),
        ("202", ts(2020, 1, 1), ts(2030, 1, 1)),
        ("19", ts(1900, 1, 1), ts(2000, 1, 1)),
        ("2024-08-06TNI", ts(2024, 8, 6, 18), ts(2024, 8, 7, 6)),
        ("2024-08-06TMO", ts(2024, 8, 6), ts(2024, 8, 6, 12)),
    ],
)
def test_values_become_exact_periods(value: str, start: int, end: int) -> None:
    period = parse_value(value)
    assert (period.start, period.end) == (start, end)


def test_southern_hemisphere_seasons() -> None:
    summer = parse_value("2024-SU", hemisphere=Hemisphere.SOUTH)
    assert (summer.start, summer.end) == (ts(2023, 12, 1), ts(2025, 3, 1))
    winter = parse_value("2024-WI", hemisphere=Hemisphere.SOUTH)
    assert (winter.start, winter.end) == (ts(2024, 6, 1), ts(2024, 9, 1))


@pytest.mark.parametrize(
    ("mod", "start", "end"),
    [
        ("START", ts(2024, 8, 1), ts(2024, 8, 12)),
        ("MID", ts(2024, 8, 11), ts(2024, 8, 22)),
        ("END", ts(2024, 8, 21), ts(2024, 9, 1)),
        ("BEFORE", None, ts(2024, 8, 1)),
        ("AFTER", ts(2024, 9, 1), None),
        ("ON_OR_BEFORE", None, ts(2024, 9, 1)),
        ("ON_OR_AFTER", ts(2024, 8, 1), None),
        ("APPROX", ts(2024, 7, 1), ts(2024, 10, 2)),
    ],
)
def test_mods(mod: str, start: int | None, end: int | None) -> None:
    period = parse_value("2024-08", mod=mod)
    assert (period.start, period.end) == (start, end)


def test_thirds_cover_the_period_without_gaps() -> None:
    whole = parse_value("2025")
    start, mid, end = (apply_mod(whole, m) for m in ("START", "MID", "END"))
    assert start.start == whole.start and end.end == whole.end
    assert mid.start is not None and start.end is not None and mid.start <= start.end
    assert end.start is not None and mid.end is not None and end.start <= mid.end


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2025-02-29", "2025 is not a leap year"),
        ("2025-13", "month 13 does not exist"),
        ("2025-00-10", "month 00 does not exist"),
        ("2024-04-31", "April 2024 has 30 days, not 31"),
        ("2025-W53", "ISO week 53 does not exist in 2025"),
        ("2024-Q5", "quarter Q5 does not exist"),
        ("2024-H3", "half H3 does not exist"),
        ("2024-08-06T25:00", "hour 25 does not exist"),
        ("2024-08-06T12:61", "minute 61 does not exist"),
        ("2024-08-06T12:00+15:00", "zone offset +15:00"),
    ],
)
def test_impossible_values_are_rejected_with_a_reason(value: str, reason: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_value(value)
    assert reason in caught.value.reason


@pytest.mark.parametrize("value", ["P3D", "XXXX-08", "XXXX-WXX-1", "tomorrow", "2024/08/06", ""])
def test_non_periods_are_refused(value: str) -> None:
    with pytest.raises(NotAPeriod):
        parse_value(value)


def test_reference_values_need_a_dct() -> None:
    dct = parse_value("2025-04-24")
    assert parse_value("PRESENT_REF", dct=dct) == Period(dct.start, dct.end)
    assert parse_value("PAST_REF", dct=dct) == Period(None, dct.end)
    assert parse_value("FUTURE_REF", dct=dct) == Period(dct.start, None)
    with pytest.raises(NotAPeriod):
        parse_value("PRESENT_REF")


@given(days_before_9999)
def test_day_round_trip(day: date) -> None:
    period = parse_value(day.isoformat())
    assert period.start is not None and period.end == period.start + DAY
    assert value_of(period.start, period.end) == day.isoformat()


@given(days_before_9999)
def test_month_and_year_round_trip(day: date) -> None:
    month = f"{day.year:04d}-{day.month:02d}"
    period = parse_value(month)
    assert period.start is not None and period.end is not None
    assert value_of(period.start, period.end) == month
    following = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    assert period.end - period.start == (following - day.replace(day=1)).days * DAY
    year = parse_value(f"{day.year:04d}")
    assert year.start is not None and year.end is not None
    assert value_of(year.start, year.end) == f"{day.year:04d}"


@given(days_before_9999, st.sampled_from([("", 1), ("-Q", 3), ("-H", 6)]))
def test_month_quarter_and_half_bounds_agree_with_pendulums_calendar(
    day: date, unit: tuple[str, int]
) -> None:
    """chrono's own calendar lookups (the standard library's) held to pendulum's arithmetic."""
    suffix, months = unit
    first_month = (day.month - 1) // months * months + 1
    value = (
        f"{day.year:04d}-{day.month:02d}"
        if not suffix
        else f"{day.year:04d}{suffix}{(day.month - 1) // months + 1}"
    )
    first = pendulum.date(day.year, first_month, 1)
    if day.year == 9999 and first_month + months > 12:
        return  # pendulum cannot hold 10000-01-01; the calendar's end is tested below
    following = first.add(months=months)
    period = parse_value(value)
    assert period.start == ts(first.year, first.month, first.day)
    assert period.end == ts(following.year, following.month, following.day)
    assert (period.end - period.start) // DAY == sum(
        first.add(months=step).days_in_month for step in range(months)
    )


@given(st.integers(1, 9998))
def test_iso_weeks_of_a_year_agree_with_pendulum(year: int) -> None:
    weeks = pendulum.date(year, 12, 28).isocalendar()[1]
    assert parse_value(f"{year:04d}-W{weeks:02d}").end is not None
    with pytest.raises(InvalidValue):
        parse_value(f"{year:04d}-W{weeks + 1:02d}")


@pytest.mark.parametrize("value", ["9999-12", "9999-Q4", "9999-H2"])
def test_the_calendars_last_months_end_where_it_ends(value: str) -> None:
    assert parse_value(value).end == CALENDAR_END


@given(days_before_9999)
def test_iso_week_round_trip(day: date) -> None:
    year, week, weekday = day.isocalendar()
    value = f"{year:04d}-W{week:02d}"
    period = parse_value(value)
    assert period.start is not None and period.end is not None
    assert period.contains(parse_value(day.isoformat()).start or 0)
    assert value_of(period.start, period.end) == value
    assert parse_value(f"{value}-{weekday}") == parse_value(day.isoformat())


@given(days_before_9999, st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "SP", "SU", "FA"]))
def test_quarter_half_season_round_trip(day: date, unit: str) -> None:
    value = f"{day.year:04d}-{unit}"
    period = parse_value(value)
    assert period.start is not None and period.end is not None
    assert value_of(period.start, period.end) == value


@given(days_before_9999, st.integers(0, 23), st.integers(0, 59), st.integers(0, 59))
def test_time_round_trip(day: date, hour: int, minute: int, second: int) -> None:
    for value in (
        f"{day.isoformat()}T{hour:02d}",
        f"{day.isoformat()}T{hour:02d}:{minute:02d}",
        f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}",
    ):
        period = parse_value(value)
        assert period.start is not None and period.end is not None
        assert value_of(period.start, period.end) == value


@given(st.integers(10, 999))
def test_decade_round_trip(decade: int) -> None:
    value = f"{decade:03d}"
    period = parse_value(value)
    assert period.start is not None and period.end is not None
    assert value_of(period.start, period.end) == value


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 seconds"),
        (1, "1 second"),
        (5 * 3600, "5 hours"),
        (122 * DAY, "122 days"),
        (int(17.5 * DAY), "17 days 12 hours"),
        (DAY + 30 * 60 + 1, "1 day 30 minutes 1 second"),
    ],
)
def test_lengths_read_exactly(seconds: int, words: str) -> None:
    assert format_length(seconds) == words


@given(st.integers(0, 10**10))
def test_length_words_add_up(seconds: int) -> None:
    sizes = {"day": DAY, "hour": 3600, "minute": 60, "second": 1}
    words = format_length(seconds).split()
    total = sum(int(count) * sizes[unit.rstrip("s")] for count, unit in zip(words[::2], words[1::2], strict=True))
    assert total == seconds


def test_shortfalls_drop_the_models_one_second_steps() -> None:
    assert format_shortfall(334 * DAY - 1) == "334 days"
    assert format_shortfall(4 * DAY + 1) == "4 days"
    assert format_shortfall(int(7.5 * DAY) + 1) == "7 days 12 hours"
    assert format_shortfall(40) == "40 seconds"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("2.5 weeks", "'2.5 weeks' (exactly 17 days 12 hours)"),
        ("1.5 days", "'1.5 days' (exactly 1 day 12 hours)"),
        ("2 weeks", "'2 weeks' (exactly 14 days)"),
        ("6-8 months", "'6-8 months' (168 days to 248 days)"),
        ("at least 1.5 hours", "'at least 1.5 hours' (at least 1 hour 30 minutes)"),
    ],
)
def test_gap_wording_states_the_length_exactly(text: str, phrase: str) -> None:
    assert parse_gap(text).phrase() == phrase


_bound = st.one_of(st.none(), st.integers(-50, 50))


@given(_bound, _bound, _bound, _bound)
def test_overlaps_is_sharing_an_instant(a0: int | None, a1: int | None, b0: int | None, b1: int | None) -> None:
    if a0 is not None and a1 is not None and a1 < a0:
        a0, a1 = a1, a0
    if b0 is not None and b1 is not None and b1 < b0:
        b0, b1 = b1, b0
    assume(a0 is None or a1 is None or a0 < a1)  # (an empty period shares no instant)
    assume(b0 is None or b1 is None or b0 < b1)
    a, b = Period(a0, a1), Period(b0, b1)
    shared = any(a.contains(t) and b.contains(t) for t in range(-60, 61))
    assert a.overlaps(b) == b.overlaps(a) == shared
