"""Holidays and the days they fall on (chrono/data/holidays.yaml), by country where countries
differ: fixed days ("07-14"), the nth weekday of a month ("11 thu 4"), days counted from Easter
("easter -2") or Orthodox Easter, and "the last Monday before 25 May".

>>> sorted(str(d) for d in days_of("thanksgiving", 2024, frozenset()))
['2024-10-14', '2024-11-28']
>>> [str(d) for d in days_of("thanksgiving", 2024, frozenset({"CA"}))]
['2024-10-14']
"""

from __future__ import annotations

import datetime as dt
import functools

from chrono.lazy_regex import lazy_compile
from chrono.resources import load_yaml

__all__ = ["HolidayError", "days_of", "falls_near", "fixed", "holidays", "never_on"]

_WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}
_FIXED = lazy_compile(r"(?P<month>\d\d)-(?P<day>\d\d)\Z")
_NTH = lazy_compile(r"(?P<month>\d\d) (?P<weekday>[a-z]{3}) (?P<nth>-?\d)\Z")
_EASTER = lazy_compile(r"(?P<computus>easter|orthodox) (?P<offset>[+-]\d+)\Z")
_BEFORE = lazy_compile(r"(?P<month>\d\d)-(?P<day>\d\d) (?P<weekday>[a-z]{3}) before\Z")


class HolidayError(ValueError):
    """A holiday rule that chrono cannot read."""


_EITHER = " or "  # "05-01 or 05 mon 1": a name for either day (May Day, and the bank holiday named so)


@functools.cache
def holidays() -> dict[str, dict[str, str | None]]:
    """The holiday table: holiday -> country code ("*": every other) -> rule (None: its own)."""
    table = load_yaml("data", "holidays.yaml")["holidays"]
    out: dict[str, dict[str, str | None]] = {}
    for name, rules in table.items():
        out[str(name)] = {str(country): (None if rule is None else str(rule))
                          for country, rule in rules.items()}
        for rule in out[str(name)].values():
            if rule is not None and not all(any(p.match(one) for p in (_FIXED, _NTH, _EASTER, _BEFORE))
                                            for one in rule.split(_EITHER)):
                raise HolidayError(f"data/holidays.yaml: {name}: cannot read the rule {rule!r}")
    return out


def _day(rule: str, year: int) -> dt.date | None:
    """The day ``rule`` gives in ``year`` (None: it gives none, e.g. 29 February)."""
    # the tagger's calendar arithmetic, imported on first use (a timeline never needs the tagger)
    from chrono.tagger.calendar import add_days, easter, nth_weekday, orthodox_easter

    if (m := _FIXED.match(rule)) is not None:
        try:
            return dt.date(year, int(m["month"]), int(m["day"]))
        except ValueError:
            return None
    if (m := _NTH.match(rule)) is not None:
        return nth_weekday(year, int(m["month"]), int(m["nth"]), _WEEKDAYS[m["weekday"]])
    if (m := _EASTER.match(rule)) is not None:
        sunday = easter(year) if m["computus"] == "easter" else orthodox_easter(year)
        return add_days(sunday, int(m["offset"]))
    if (m := _BEFORE.match(rule)) is not None:
        limit = dt.date(year, int(m["month"]), int(m["day"]))
        back = (limit.isoweekday() - _WEEKDAYS[m["weekday"]]) % 7 or 7
        return add_days(limit, -back)
    raise HolidayError(f"cannot read the holiday rule {rule!r}")


def _rules(holiday: str, countries: frozenset[str]) -> list[str] | None:
    """The rules that apply in ``countries`` (every country's when none is named); None when
    one of them keeps its own days, so no day can be ruled out."""
    table = holidays()[holiday]
    if not countries:
        if any(rule is None for rule in table.values()):
            return None
        return [one for rule in table.values() if rule is not None for one in rule.split(_EITHER)]
    rules: list[str] = []
    for country in sorted(countries):
        rule = table[country] if country in table else table.get("*", "")
        if rule is None:
            return None
        if rule:
            rules.extend(rule.split(_EITHER))
    return rules or None


def days_of(holiday: str, year: int, countries: frozenset[str]) -> frozenset[dt.date] | None:
    """The days ``holiday`` may fall on in ``year``, in the countries named (any country's when
    none is); None when they cannot be told (a country with days of its own, a holiday of no
    named country)."""
    rules = _rules(holiday, countries)
    if rules is None:
        return None
    found = {day for rule in rules if (day := _day(rule, year)) is not None}
    return frozenset(found) if found else None


@functools.cache
def _by_place() -> frozenset[str]:
    return frozenset(str(name) for name in load_yaml("data", "holidays.yaml").get("by_place", ()))


def days_anywhere(holiday: str, year: int) -> frozenset[dt.date]:
    """The days ``holiday`` falls on in ``year`` in any country that keeps it on a day of custom
    (none for a day that goes by the place, an equinox or a solstice)."""
    if holiday in _by_place():
        return frozenset()
    rules = {one for rule in holidays()[holiday].values() if rule for one in rule.split(_EITHER)}
    return frozenset(day for rule in rules if (day := _day(rule, year)) is not None)


def fixed(holiday: str, countries: frozenset[str]) -> bool:
    """Whether the holiday falls on the same month and day every year where it applies."""
    rules = _rules(holiday, countries)
    return rules is not None and all(_FIXED.match(rule) for rule in rules)


# Enough years for every day a movable holiday can fall on (Easter's 35 days take well under
# two centuries to appear; weekday rules repeat every 28 years).
_CYCLE_YEARS = range(1900, 2100)


@functools.lru_cache(maxsize=256)
def _possible_days(holiday: str, countries: frozenset[str], low: int, high: int, years: range = _CYCLE_YEARS
                   ) -> frozenset[tuple[int, int]]:
    """The (month, day) pairs ``holiday`` (with ``low`` to ``high`` days around it) covers in
    some year of ``years``."""
    out: set[tuple[int, int]] = set()
    for year in years:
        for day in days_of(holiday, year, countries) or ():
            for shift in range(low, high + 1):
                covered = day + dt.timedelta(days=shift)
                out.add((covered.month, covered.day))
    return frozenset(out)


# years either way of a day in which a movable holiday on that day makes an inferred year doubtful
# ("Easter Sunday, 4 April" told in 2023: 2021's; but "Easter Monday, 17 April" told in a report
# of 19 April 2023 is that week's, not 2017's)
_NEAR_YEARS = 3


def falls_near(holiday: str, countries: frozenset[str], day: dt.date, spread: tuple[int, int]) -> bool:
    """Whether ``holiday`` falls on ``day``'s month and day in a year within three of ``day``'s
    ("Easter Sunday, 4 April" told in 2023: 2021's)."""
    years = range(day.year - _NEAR_YEARS, day.year + _NEAR_YEARS + 1)
    return (day.month, day.day) in _possible_days(holiday, countries, spread[0], spread[1], years)


def never_on(holiday: str, countries: frozenset[str], day: dt.date, spread: tuple[int, int]) -> bool:
    """Whether ``holiday`` falls on ``day``'s month and day in no year at all ("Easter Sunday,
    14 May"): then the day is wrong whatever year was meant."""
    if days_of(holiday, day.year, countries) is None:
        return False
    return (day.month, day.day) not in _possible_days(holiday, countries, spread[0], spread[1])
