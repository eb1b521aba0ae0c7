"""The holiday table and the gazetteer: data read as written, days computed for any year."""

from __future__ import annotations

import datetime as dt

import pytest

from chrono.holidays import days_of, fixed, holidays
from chrono.places import places_in
from chrono.tagger.calendar import easter, orthodox_easter
from chrono.text.holidays import _names

# Western and Orthodox Easter Sundays, from published tables.
EASTERS = {1961: "1961-04-02", 1964: "1964-03-29", 2000: "2000-04-23", 2008: "2008-03-23",
           2011: "2011-04-24", 2019: "2019-04-21", 2024: "2024-03-31", 2025: "2025-04-20",
           2038: "2038-04-25"}
ORTHODOX = {2008: "2008-04-27", 2019: "2019-04-28", 2023: "2023-04-16", 2024: "2024-05-05",
            2025: "2025-04-20"}


@pytest.mark.parametrize(("year", "day"), EASTERS.items())
def test_easter(year: int, day: str) -> None:
    assert easter(year).isoformat() == day


@pytest.mark.parametrize(("year", "day"), ORTHODOX.items())
def test_orthodox_easter(year: int, day: str) -> None:
    assert orthodox_easter(year).isoformat() == day


def _days(holiday: str, year: int, *countries: str) -> list[str]:
    found = days_of(holiday, year, frozenset(countries))
    assert found is not None
    return sorted(day.isoformat() for day in found)


def test_days_by_rule_and_country() -> None:
    assert _days("bastille-day", 2024) == ["2024-07-14"]
    assert _days("good-friday", 1964) == ["1964-03-27"]
    assert _days("whit-monday", 2024) == ["2024-05-20"]
    assert _days("victoria-day", 2024) == ["2024-05-20"]  # the Monday before 25 May
    assert _days("victoria-day", 2021) == ["2021-05-24"]
    assert _days("memorial-day", 2024, "US") == ["2024-05-27"]  # the last Monday of May
    assert _days("thanksgiving", 2024, "US") == ["2024-11-28"]
    assert _days("thanksgiving", 2024, "CA") == ["2024-10-14"]
    assert _days("thanksgiving", 2024) == ["2024-10-14", "2024-11-28"]  # no country named: any
    assert _days("labor-day", 2024, "FR") == ["2024-05-01"]  # "*": every other country
    assert _days("mothers-day", 2024, "GB") == ["2024-03-10"]  # three weeks before Easter


def test_unknown_days() -> None:
    assert days_of("labor-day", 2024, frozenset({"AU"})) is None  # the states differ
    assert days_of("labor-day", 2024, frozenset()) is None  # and so any country's days are unknown
    assert days_of("australia-day", 2024, frozenset({"FR"})) is None  # not a French holiday


def test_fixed() -> None:
    assert fixed("christmas-day", frozenset())
    assert not fixed("good-friday", frozenset())
    assert not fixed("thanksgiving", frozenset({"US"}))


def test_every_rule_gives_days_in_every_year() -> None:
    for holiday in holidays():
        for year in range(1583, 2201, 7):
            days = days_of(holiday, year, frozenset())
            assert days is None or all(isinstance(day, dt.date) and day.year == year for day in days)


def test_every_name_names_a_holiday() -> None:
    assert _names()["Bastille Day"] == ("bastille-day", (0, 0))
    assert _names()["Easter"] == ("easter-sunday", (-3, 1))
    assert set(holidays()) >= {holiday for holiday, _ in _names().values()}


def test_places_and_hemispheres() -> None:
    found = [(p.name, p.country, p.hemisphere) for p in places_in("From Montreal to Buenos Aires via Quito.")]
    assert found == [("Montreal", "CA", "north"), ("Buenos Aires", "AR", "south"), ("Quito", "EC", "tropical")]
    # a name inside another word, or in another case, is no place
    assert list(places_in("Parisian style; a chilean wine; Sydneyside")) == []
