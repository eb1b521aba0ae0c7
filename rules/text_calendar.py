"""Text rules about single calendar expressions: weekdays, ages, holidays, seasons and quarters.

They judge the cues the prose reader found (chrono.cues): the reader says what the words state,
the rules do the calendar arithmetic and word the finding.
"""

from __future__ import annotations

import calendar
import collections
import datetime as dt
import re
from collections.abc import Iterable, Iterator

import attrs

from chrono.analysis import Analysis
from chrono.cues import (
    AgeCue,
    AgesApartCue,
    AnniversaryCue,
    DateMention,
    ElapsedCue,
    HolidayCue,
    SeasonCue,
    WeekdayCue,
    document_day,
)
from chrono.holidays import days_anywhere, days_of, falls_near, fixed, never_on
from chrono.model import Finding, Severity, Span
from chrono.rulebase import Rule
from chrono.tagger.tense import YEAR_SAID
from chrono.text.calendar_names import MONTHS
from chrono.text.weekdays import WRITTEN_YEAR

_NEAR_DAYS = 42  # "a few weeks" of the document date: an inferred year is very likely right
_RECENT_DAYS = 183  # half a year before it: a day told without its year is this year's
_CONFIRMING = 3  # other year-less weekdays of the text that fit the inferred year: it is right
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


class WeekdayMismatch(Rule):
    """
    What it does
        Reports a weekday name that does not match the full date it goes with ("Monday,
        March 4, 2025": 4 March 2025 is a Tuesday; "on 4 March 2025, a Monday,"). A date whose
        year is only inferred from the document date ("Tuesday, 22 October") is checked in the
        year the tense and the document date give it, never in a year chosen to fit the
        weekday: within six weeks of the document date, told in a tense that agrees with that
        year, a mismatch is an error (the other years in which the weekday fits are a year or
        more away); when the tense goes against that year (a past event on a day after the
        document date), a warning; farther away it is left alone — unless three or more other
        year-less weekdays of the text fit that year (a schedule whose other rows fit it), or
        one told near it (or anywhere before or after it with no year written between), within a
        month of it, does ("Sunday 8 February … two days later, on Monday 10 February": no year
        makes both right), which confirms the year: then an error. A year-less day a day or two
        from a day written with its year before it ("the early hours of Saturday 28 February
        2015 … drinking since the afternoon of Friday 27 February") is checked in that year.
        On the document's own day, a weekday that fits the day in a year written just before it
        (an anniversary: "You were a child in 1969. … The landing was on Sunday 20 July") is
        left alone too, and so is a date of a list read in the year a sentence names that runs
        past the year's end ("this year: Monday 4 September and Friday 5 January") when the
        weekday fits the next year.

    Why it matters
        The weekday and the date were written separately; one of them is wrong, and a reader
        cannot tell which.

    Example
        "on Monday, March 4, 2025" fails; "on Tuesday, March 4, 2025" passes. In a text dated
        Wednesday 13 March 2024, "the store reopened on Sunday, March 9" fails (9 March 2024
        is a Saturday, even though 9 March 2025 is a Sunday).

    How to fix
        Check the calendar and correct the weekday or the date (or write the year, if another
        year is meant).
    """

    code = "CHR307"
    name = "weekday-mismatch"
    severity = Severity.ERROR
    summary = "a weekday name that does not match its date"
    cue_types = frozenset({WeekdayCue})

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        day = document_day(analysis.document)
        near = dt.date.fromisoformat(day) if day is not None and _DAY.match(day) else None
        weekday_cues = [cue for cue in analysis.cues if isinstance(cue, WeekdayCue)]
        # the years in which other year-less weekdays of the text fit: a schedule whose other
        # rows all fit 2024 confirms the year of the one that does not
        fitting = collections.Counter(
            cue.date.day.year for cue in weekday_cues
            if cue.date.day is not None and cue.date.year_inferred and cue.date.day.weekday() == cue.weekday
        )
        for cue in weekday_cues:
            date = cue.date
            assert date.day is not None
            if date.day.weekday() == cue.weekday:
                continue
            actual = calendar.day_name[date.day.weekday()]
            # "Monday, March 4, 2025" or "March 4, 2025, a Monday": from the first word to the last
            span = Span(min(cue.name_span.start, date.span.start), max(cue.name_span.end, date.span.end),
                        "primary")
            if not date.year_inferred:
                said = f" ({date.note})" if date.note == YEAR_SAID else ""
                message = f"{cue.name} does not match {date.day.isoformat()}{said}: that day is a {actual}"
                if date.note == YEAR_SAID and _rolls_over(cue, weekday_cues):
                    # "two INSET days this year: Monday 4 September and Friday 5 January": a
                    # school's year runs on into the next calendar year, where the weekday fits
                    continue
                yield self.finding(analysis, message, [span])
                continue
            if cue.upcoming and near is not None and _fits_near(cue.weekday, date.day, near):
                # "*The society's next talk is on Tuesday 9 March*" under a diary of 1896, told
                # in February 2021: a day of the weeks to come, where the weekday fits
                continue
            if _fits_a_written_year_near(cue, weekday_cues):
                # "the early hours of Saturday 28 February 2015 … drinking since the afternoon of
                # Friday 27 February": the year written with a day close to it, where it fits
                continue
            if fitting[date.day.year] >= _CONFIRMING:
                message = (f"{cue.name} does not match {date.day.isoformat()} (the year in which the "
                           f"text's {fitting[date.day.year]} other weekdays fit): that day is a {actual}")
                yield self.finding(analysis, message, [span])
                continue
            neighbour = _fitting_neighbour(cue, weekday_cues, analysis.document.text)
            if neighbour is not None:
                told = neighbour.date.day
                assert told is not None
                message = (f"{cue.name} does not match {date.day.isoformat()}: that day is a {actual} in "
                           f"{told.year}, the year in which {calendar.day_name[told.weekday()]} {told.day} "
                           f"{calendar.month_name[told.month]}, told near it, fits")
                yield self.finding(analysis, message, [span])
                continue
            if near is None:
                continue
            distance = abs((date.day - near).days)
            if distance > _NEAR_DAYS:
                continue  # the year was guessed far from the document date: the guess may be at fault
            if distance <= _OWN_DAY_SPARE and _fits_a_year_before(cue):
                # "You were a child in 1969. … The landing was on Sunday 20 July", told on 20 July
                # 2019: no writer misnames the weekday of the day they write on; the day is the
                # anniversary's, in the year the text wrote just before, where the weekday fits
                continue
            if not date.against_tense and not _fits_after_december(cue):
                # "Sunday, March 9" days or weeks before the document date, "Wednesday, November 4"
                # a month after it, told in a tense that agrees: the other years in which the
                # weekday fits are a year or more away, so the weekday or the day is wrong
                message = (f"{cue.name} does not match {date.day.isoformat()} (the document date's year: "
                           f"{distance} day{'s' if distance != 1 else ''} from it): that day is a {actual}")
                yield self.finding(analysis, message, [span])
                continue
            # ("The snow started falling on 30 December 1978 … due to reopen on Thursday 4 January":
            # the weekday fits the story's year, or the next, which the year read from the
            # document date may have missed: a warning)
            # "left on Tuesday, 22 October" told as past, weeks after the document date: another
            # year may be meant, so a warning
            message = (f"{cue.name} does not match {date.day.isoformat()} (year inferred from the "
                       f"document date): that day is a {actual}")
            yield attrs.evolve(self.finding(analysis, message, [span]), severity=Severity.WARNING)


_ROLLOVER_CHARACTERS = 160  # how near before it the later month of a list is told


def _rolls_over(cue: WeekdayCue, cues: list[WeekdayCue]) -> bool:
    """Is the date the next one of a list that has run past the year's end ("Monday 4 September
    … and Friday 5 January", both read in the year a sentence names): a right weekday date of a
    later month just before it, and the weekday fits the day in the next year?"""
    day = cue.date.day
    assert day is not None
    earlier_in_list = any(
        other.date.day is not None and other.date.day.year == day.year and other.date.day.month > day.month
        and other.date.day.weekday() == other.weekday
        and 0 < cue.date.span.start - other.date.span.start <= _ROLLOVER_CHARACTERS
        for other in cues)
    return earlier_in_list and _fits_in(cue, day.year + 1)


_OWN_DAY_SPARE = 1  # days from the document date that count as its own day


def _fits_a_year_before(cue: WeekdayCue) -> bool:
    """Does the weekday fit the day and month in a year written just before the date, other
    than the one inferred?"""
    day = cue.date.day
    assert day is not None
    return any(_fits_in(cue, year) for year in set(cue.years_before) - {day.year})


def _fits_after_december(cue: WeekdayCue) -> bool:
    """Does the weekday of a January day fit the year after a December the story wrote before
    it ("30 December 1978 … due to reopen on Thursday 4 January"), not the one inferred?"""
    day = cue.date.day
    assert day is not None
    return any(_fits_in(cue, year + 1) for year in set(cue.decembers_before) if year + 1 != day.year)


def _fits_in(cue: WeekdayCue, year: int) -> bool:
    """Does the cue's weekday fit its day and month in ``year``?"""
    assert cue.date.day is not None
    moved = _in_year(cue.date.day, year)
    return moved is not None and moved.weekday() == cue.weekday


def _in_year(day: dt.date, year: int) -> dt.date | None:
    """``day``'s month and day in ``year`` (None for 29 February in a common year)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


_NEIGHBOUR_DAYS = 31  # days between two year-less weekday dates that must share a year
_NEIGHBOUR_CHARACTERS = 600  # how near in the text the other one is told


# how close a day written with its year must be to lend that year (the eve, the day after)
_WRITTEN_NEAR_DAYS = 2


def _fits_a_written_year_near(cue: WeekdayCue, cues: list[WeekdayCue]) -> bool:
    """Does the weekday of ``cue`` (its year inferred) fit the year of another weekday's date
    written with its year before it, a day or two from it in that year (the evening before an
    attack told with its year)?"""
    day = cue.date.day
    assert day is not None
    for other in cues:
        told = other.date.day
        if other is cue or told is None or other.date.year_inferred or told.year == day.year or (
            other.name_span.start > cue.name_span.start
        ):
            continue  # (told before it: the story's year, not next year's event told later)
        try:
            moved = day.replace(year=told.year)
        except ValueError:
            continue  # 29 February
        if moved.weekday() == cue.weekday and abs((moved - told).days) <= _WRITTEN_NEAR_DAYS:
            return True
    return False


def _fitting_neighbour(cue: WeekdayCue, cues: list[WeekdayCue], text: str) -> WeekdayCue | None:
    """Another year-less weekday date told near ``cue``, within a month of it, that fits the year
    inferred for both ("in the early hours of Sunday 8 February … two days later, on Monday 10
    February"): no year makes both right, so the weekday or the day of ``cue`` is wrong."""
    day = cue.date.day
    assert day is not None
    if cue.date.against_tense:
        return None  # "Our birthday broadcast on Saturday, 4 March, ran …" in January: last year's, maybe
    for other in cues:
        told = other.date.day
        if other is cue or told is None or not other.date.year_inferred or told.year != day.year or (
            other.date.against_tense
        ):
            continue
        if told.weekday() != other.weekday or told == day or abs((told - day).days) > _NEIGHBOUR_DAYS:
            continue
        lo, hi = sorted((other.date.span.start, cue.date.span.start))
        if hi - lo <= _NEIGHBOUR_CHARACTERS or not WRITTEN_YEAR.search(text, lo, hi):
            # (farther apart, only with no year written between them: "Saturday 9 March … ¶ … ¶
            # He was arrested on Monday 12 March", one story of one March)
            return other
    return None


class AgeMismatch(Rule):
    """
    What it does
        Reports an age ("at the age of 48", "aged 48", "a 48-year-old", "turning 60 on 9 June
        2026", "died on 3 May at 71", "At 34 she moved", "Now 52, she …", "Jan Novak, 52, was
        born in 1968") that does not add up with the one birth date the document gives ("born
        in 1950", "born 9 June 1966", a lifespan "(3 April 1885 – 28 December 1981)") and the
        date of the sentence it is in (or the document date); an anniversary ("the 50th
        anniversary of its founding in 1975"), a birthday of that birth ("on her 60th
        birthday, in May 2020"), a count of years since a date ("it has been
        five years since the 2019 fire"), a headline's count ("# 4 years of Rust" over "Rust was
        released on 15 May 2015") or a thing's age ("the bridge, opened in 1964, turns
        60 this year") that does not add up with the year it is marked in. With the birthday
        unknown, either of the two possible ages passes; an anniversary of a year dated only by
        the document date, and a count of years since, may be off by one year. An age dated by
        a participle clause after it ("At 34 she moved, arriving in 2008") is a warning: the
        clause may tell a later event ("…, graduating in 2000"). Two ages of one person in one
        sentence, one now and one then ("Liam Cotter, now 21, … was 17 at the time of the
        attack in August 2018"), must fit one birth between them, birth date given or not. An
        age six or more years from what the dates give is a warning: it is more often another
        person's age, or an age at another date, than a slip.

    Why it matters
        Ages and anniversaries are computed by hand and go stale when a text is updated.

    Example
        "She was born in 1950. … She died in 2001 at the age of 40." fails; "at the age of
        50" (or 51) passes. "On 3 June 2020 the town celebrated the 100th anniversary of its
        charter, granted in 1925." fails; with "granted in 1920" it passes. In a text of 2025,
        "It has been eight years since the 2019 fire" fails; "six years" (or five, or seven)
        passes.

    How to fix
        Recompute the age or the count from the dates, or correct the date.
    """

    code = "CHR308"
    name = "age-mismatch"
    severity = Severity.ERROR
    summary = "an age or an anniversary that does not add up with the dates"
    cue_types = frozenset({AgeCue, AgesApartCue, AnniversaryCue, ElapsedCue})

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        day = document_day(analysis.document)
        for cue in analysis.cues:
            if isinstance(cue, AgesApartCue):
                message = _ages_apart_mismatch(cue, day)
                if message is not None:
                    yield self.finding(analysis, message, [
                        Span(cue.span.start, cue.span.end, "primary"),
                        Span(cue.then.span.start, cue.then.span.end, "cited", "the date of that age"),
                        Span(cue.now_span.start, cue.now_span.end, "cited", "the age now")])
                continue
            far = False
            if isinstance(cue, AgeCue):
                mismatch = _age_mismatch(cue, day)
                message = mismatch[0] if mismatch is not None else None
                far = mismatch is not None and mismatch[1] >= _FAR_AGE_YEARS
            elif isinstance(cue, AnniversaryCue):
                message = _anniversary_mismatch(cue, day)
                # ("celebrated her 100th birthday last month", born 1875, in an archive column
                # dated 2025: a birthday this far off is more often told at another date)
                # (not a leap-day birth's, whose count is its own: "at 76, her 40th birthday")
                leap_born = cue.since.day is not None and (cue.since.day.month, cue.since.day.day) == (2, 29)
                far = message is not None and cue.noun == "birthday" and not leap_born and (
                    _anniversary_years_off(cue, day) >= _FAR_AGE_YEARS)
            elif isinstance(cue, ElapsedCue):
                message = _elapsed_mismatch(cue, day)
            else:
                continue
            if message is not None:
                finding = self.finding(analysis, message, [Span(cue.span.start, cue.span.end, "primary"),
                                                           *_dates_of(cue)])
                if far:
                    doubt = f"{message} ({_FAR_AGE_DOUBT})"
                    yield attrs.evolve(finding, severity=Severity.WARNING, message=doubt)
                    continue
                uncertain = isinstance(cue, AgeCue) and cue.uncertain
                yield attrs.evolve(finding, severity=Severity.WARNING) if uncertain else finding


def _dates_of(cue: AgeCue | AnniversaryCue | ElapsedCue) -> list[Span]:
    """The dates the arithmetic rests on, cited after the age: the birth (or the date counted
    from) and the date it is counted to, when the text gives one."""
    if isinstance(cue, AgeCue):
        first, second, what = cue.born, cue.at, ("the birth", "the date of the age")
    elif isinstance(cue, AnniversaryCue):
        first, second, what = cue.since, cue.on, ("counted from", "counted to")
    else:
        first, second, what = cue.since, cue.at, ("counted from", "counted to")
    out = [Span(first.span.start, first.span.end, "cited", what[0])]
    if second is not None and second.span != first.span:
        out.append(Span(second.span.start, second.span.end, "cited", what[1]))
    return out


# days either side of a birthday in which the document date leaves the age open (the text may
# have been written a few days before it was dated)
_BIRTHDAY_GRACE_DAYS = 7


def _day_of(value: str | None) -> dt.date | None:
    """The day a document date names ("2025-07-20"), None for a coarser one."""
    if value is None or not _DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _age_on(born: dt.date, day: dt.date) -> int:
    """The age on ``day`` of someone born on ``born``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _expected_age(low: int, high: int) -> str:
    """"21", "21 or 22", "20 to 23": the ages the dates allow."""
    if low == high:
        return f"{low}"
    return f"{max(low, 0)} to {high}" if high - low > 1 else f"{max(low, 0)} or {high}"


def _near_birthday(born: dt.date, today: dt.date) -> bool:
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            birthday = born.replace(year=year)
        except ValueError:  # 29 February
            birthday = dt.date(year, 3, 1)
        if abs((birthday - today).days) <= _BIRTHDAY_GRACE_DAYS:
            return True
    return False


def _leap_day_ages(born: dt.date | None, year: int) -> set[int]:
    """The birthdays someone born on 29 February has had by a day of ``year`` (those of the
    leap years before it, and one more if the day is past its 29 February): the age a joke
    tells ("her 21st 'real' birthday in 2016", born 29 February 1932). None for other births
    (an empty set)."""
    if born is None or (born.month, born.day) != (2, 29):
        return set()
    before = sum(calendar.isleap(year_between) for year_between in range(born.year + 1, year))
    return {before, before + calendar.isleap(year)}


# An age told wrong is a birthday forgotten or a year miscounted: a year or two off, a few at
# most. One this far from what the dates give is far more often another person's age, or an
# age at another date than the one read, than a slip (the first runs of the held-out rounds:
# 15 false errors against 7 true ones, most of those a misreading that happened to hit).
_FAR_AGE_YEARS = 6
_FAR_AGE_DOUBT = ("an age this far from the dates is more often another person's, or at another date: "
                  "check which")


def _age_mismatch(cue: AgeCue, document_day: str | None) -> tuple[str, int] | None:
    """Why ``cue`` does not add up and by how many years it misses, or None. With the birthday
    unknown, a person born in year B is Y - B - 1 or Y - B years old in year Y."""
    if cue.or_now and document_day is not None:
        at_date = _age_mismatch(attrs.evolve(cue, or_now=False), document_day)
        if at_date is None or _age_mismatch(attrs.evolve(cue, at=None, or_now=False), document_day) is None:
            return None
        return at_date
    born = cue.born
    when = cue.at.year if cue.at is not None else int(document_day[:4]) if document_day else None
    if when is not None and cue.age in _leap_day_ages(born.day, when):
        return None
    if cue.at is None:
        if document_day is None:
            return None
        year = int(document_day[:4])
        low, high = year - born.year - 1, year - born.year
        today = _day_of(document_day)
        if born.day is not None and today is not None and not _near_birthday(born.day, today):
            # both days known: exact ("Mia Dale, 22, was born on 2 December 2003", written in
            # July 2025: 21); a birthday within a week of the document date leaves both
            low = high = _age_on(born.day, today)
        elif born.day is None and today is not None and (month := _month_named(born.text)) is not None:
            # "born in November 2004", written in May 2023: her birthday was yet to come (18)
            if today.month < month:
                low = high = year - born.year - 1
            elif today.month > month:
                low = high = year - born.year
        if low <= cue.age <= high:
            return None
        return (f"age {cue.age} does not fit: born {born.text}, so at the document date ({document_day}) "
                f"the age was {_expected_age(low, high)}", _years_off(cue.age, low, high))
    at = cue.at
    low, high = at.year - born.year - 1, at.year - born.year
    if born.day is not None and at.day is not None:  # both days known: exact
        low = high = _age_on(born.day, at.day)
        if at.year_inferred and not _near_document_day(at.day, document_day):
            low, high = low - 1, high + 1  # the year was only inferred: the one before or after
    elif born.day is not None and not at.year_inferred and (month := _month_named(at.text)) is not None:
        # "in May 1996 … at the age of 38", born 30 November 1958: her birthday was yet to come
        if month < born.day.month:
            low = high = at.year - born.day.year - 1
        elif month > born.day.month:
            low = high = at.year - born.day.year
    elif born.day is None and at.day is not None and (month := _month_named(born.text)) is not None and (
        not at.year_inferred or _near_document_day(at.day, document_day)
    ):
        # "born in August 1990" … "Pike, 34, pleaded guilty yesterday, Wednesday 10 July" (2024):
        # his birthday was yet to come (33)
        if at.day.month < month:
            low = high = at.year - born.year - 1
        elif at.day.month > month:
            low = high = at.year - born.year
    if low <= cue.age <= high:
        return None
    inferred = " (year inferred from the document date)" if at.year_inferred else ""
    return (f"age {cue.age} does not fit: born {born.text}, so on {at.text}{inferred} the age was "
            f"{_expected_age(low, high)}", _years_off(cue.age, low, high))


def _years_off(age: int, low: int, high: int) -> int:
    """How many years ``age`` lies outside the ages from ``low`` to ``high``."""
    return max(low - age, age - high, 0)


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _days_of(date: DateMention) -> tuple[dt.date, dt.date]:
    """The first and last day a date names: its day, its month, or its year."""
    if date.day is not None:
        return date.day, date.day
    month = _month_named(date.text)
    if month is None:
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    return dt.date(date.year, month, 1), dt.date(date.year, month, calendar.monthrange(date.year, month)[1])


def _ages_apart_mismatch(cue: AgesApartCue, document_day: str | None) -> str | None:
    """Why two ages of one person do not fit one birth, or None. Aged A on a day of [lo, hi],
    one was born after lo less A + 1 years and by hi less A years; that birth gives the ages
    possible at the document date (or a week before it: the text may have been written then)."""
    today = _day_of(document_day)
    then = _days_of(cue.then)
    if today is None or cue.then.year_inferred or then[1] > today:
        return None
    earliest = _years_before(then[0], cue.age_then + 1) + dt.timedelta(days=1)
    latest = _years_before(then[1], cue.age_then)
    low = _age_on(latest, today - dt.timedelta(days=_BIRTHDAY_GRACE_DAYS))
    high = _age_on(earliest, today)
    if low <= cue.age_now <= high:
        return None
    return (f"ages {cue.age_then} and {cue.age_now} do not fit one person: {cue.age_then} in {cue.then.text} "
            f"makes {_expected_age(low, high)} at the document date ({document_day}), not {cue.age_now}")


def _month_named(text: str) -> int | None:
    """The month a date's words name ("May 1996"), if exactly one."""
    named = {MONTHS[word] for word in re.findall(r"[A-Za-z]+", text) if word in MONTHS}
    return named.pop() if len(named) == 1 else None


def _fits_near(weekday: int, day: dt.date, near: dt.date) -> bool:
    """Does ``weekday`` fit ``day``'s month and day in a year that puts it within a few weeks
    after the document date ``near`` (a day still to come, as a notice gives; a diary's entry of
    another year whose wrong weekday fits a day just gone is still wrong)?"""
    for year in (near.year, near.year + 1):
        moved = _in_year(day, year)
        if moved is not None and moved.weekday() == weekday and 0 < (moved - near).days <= _NEAR_DAYS:
            return True
    return False


def _near_document_day(day: dt.date, document_day: str | None) -> bool:
    """Whether ``day`` lies within a few weeks after the document date or half a year before
    it, where a year inferred from it is very likely right ("died on 3 January" in a text of 8
    January)."""
    today = _day_of(document_day)
    # (a day told without its year within half a year before the document date is this
    # year's: an older one would be given its year — "on 4 April" in a July report)
    return today is not None and -_NEAR_DAYS <= (today - day).days <= _RECENT_DAYS


def _anniversary_mismatch(cue: AnniversaryCue, document_day: str | None) -> str | None:
    """Why ``cue`` does not add up, or None. Marked on the document date, the anniversary of a
    year may fall in the next year or the last; of a day, it is the one just passed or the one
    just ahead ("is marking the seventh anniversary of the 11 September 2001 attacks" in a text
    of 11 September 2008: the seventh, no other)."""
    if _leap_day_count(cue, document_day):
        return None
    if cue.on is not None:
        year, slack, when = cue.on.year, 0, cue.on.text
        on_day = cue.on.day
    elif document_day is not None:
        year, slack, when = int(document_day[:4]), 1, f"the document date ({document_day})"
        on_day = dt.date.fromisoformat(document_day) if _DAY.fullmatch(document_day) else None
    else:
        return None
    if year < cue.since.year:
        # "will celebrate the 135th anniversary of that first meeting … in April 2022" in 2019:
        # a date after the day it is marked on is the celebration's, not the one counted from
        return None
    if cue.since.day is not None and on_day is not None:
        # both days known: the anniversary just passed or the one just ahead ("died on 2
        # January, three days after his 83rd birthday", born 30 December 1940)
        since = cue.since.day
        passed = on_day.year - since.year - ((on_day.month, on_day.day) < (since.month, since.day))
        on_the_day = (on_day.month, on_day.day) == (since.month, since.day)
        if cue.count == passed or (cue.count == passed + 1 and not on_the_day):
            return None
        ahead = "" if on_the_day else f" (the next anniversary is the {_nth(passed + 1)})"
        return (f"the {cue.ordinal} {cue.noun} does not fit: {cue.since.text} to {when} is "
                f"{passed} years{ahead}")
    if abs(year - cue.since.year - cue.count) <= slack:
        return None
    return (f"the {cue.ordinal} {cue.noun} does not fit: {cue.since.text} to {when} is "
            f"{year - cue.since.year} years")


def _anniversary_years_off(cue: AnniversaryCue, document_day: str | None) -> int:
    """How many years the count of ``cue`` is from the years between its dates."""
    year = cue.on.year if cue.on is not None else int(document_day[:4]) if document_day else cue.since.year
    return abs(year - cue.since.year - cue.count)


def _leap_day_count(cue: AnniversaryCue, document_day: str | None) -> bool:
    """Someone born on 29 February may count only the birthdays that fall on it ("at 84, her
    21st birthday"): is the count that of the leap days since the birth (give or take one)?"""
    since = cue.since.day
    if cue.noun != "birthday" or since is None or (since.month, since.day) != (2, 29):
        return False
    year = cue.on.year if cue.on is not None else int(document_day[:4]) if document_day else None
    if year is None:
        return False
    leap_days = sum(1 for y in range(since.year + 1, year + 1) if calendar.isleap(y))
    return abs(cue.count - leap_days) <= 1


def _nth(count: int) -> str:
    """1 -> "1st", 22 -> "22nd", 13 -> "13th"."""
    suffix = "th" if 10 <= count % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(count % 10, "th")
    return f"{count}{suffix}"


def _elapsed_mismatch(cue: ElapsedCue, document_day: str | None) -> str | None:
    """Why ``cue`` does not add up, or None. Counted in whole years between two years, "five
    years since" may be four to six years' difference (the count may be rounded either way);
    a thing's age at a written date ("turns 60 this year") is exact (``cue.slack``)."""
    if cue.headline:
        return _headline_mismatch(cue, document_day)
    if cue.at is not None:
        year, when = cue.at.year, cue.at.text
    elif document_day is not None:
        year, when = int(document_day[:4]), f"the document date ({document_day})"
    else:
        return None
    years = year - cue.since.year
    if abs(years - cue.count) <= cue.slack:
        return None
    return f"'{cue.words}' does not fit: {cue.since.text} to {when} is {years} years"


# "4 years of Rust" may count the years completed or round them, and be published a month
# either side of the day
_HEADLINE_SLACK_YEARS = 31 / 365.25


def _headline_mismatch(cue: ElapsedCue, document_day: str | None) -> str | None:
    """Why a headline's count ("4 years of Rust") does not fit the day the text says the thing
    came out and the document date: from N - 0.5 to N + 1 years (rounded or completed); "turns
    two" is the second anniversary (``cue.slack`` 0), a month either side."""
    if document_day is None or not _DAY.fullmatch(document_day):
        return None
    on = dt.date.fromisoformat(document_day)
    since = cue.since.day or dt.date(cue.since.year, 7, 1)
    years = (on - since).days / 365.25
    spare = _HEADLINE_SLACK_YEARS + (0.5 if cue.since.day is None else 0)
    lower, upper = (cue.count - 0.5, cue.count + 1) if cue.slack else (cue.count, cue.count)
    if lower - spare <= years <= upper + spare:
        return None
    return (f"'{cue.words}' does not fit: {cue.since.text} to the document date ({document_day}) "
            f"is {years:.1f} years")


class HolidayMismatch(Rule):
    """
    What it does
        Reports a holiday named with a date that is not its day: "Bastille Day, 15 July",
        "Good Friday (April 19, 2025)", "on 14 July, Canada Day,", "On 28 March 1964, the Good
        Friday earthquake" (Good Friday 1964 was 27 March). The days are data
        (chrono/data/holidays.yaml): fixed days, nth weekdays, and the feasts that hang on
        Easter, computed for the year; where countries keep the holiday on different days
        (Thanksgiving, Labour Day, Mother's Day), any day of a country the document names
        passes, or of any country when it names none; the day of a country it does not name
        gives a warning (the places named may be what the text is about, not where it was
        written: "roses grown in Kenya"), except for a day of the seasons (an equinox, a
        solstice), which goes by the place named. A movable holiday whose year is only
        inferred from the document date gives a warning within six weeks of it, and is left
        alone farther away — unless it falls on that day in no year at all ("Easter Sunday,
        14 May"): then an error; words that make the date another day ("the weekend after Easter",
        "Christmas Day (observed)") leave the pair alone.

    Why it matters
        A holiday's day is known; a date written next to it that differs is a typo in the date
        or a wrong holiday, and a reader cannot tell which.

    Example
        "Bastille Day, 15 July" fails; "Bastille Day, 14 July" passes. "Good Friday, April
        18, 2025" passes; "Good Friday, April 19, 2025" fails.

    How to fix
        Check the calendar for that year and correct the date or the holiday's name.
    """

    code = "CHR311"
    name = "holiday-date-mismatch"
    severity = Severity.ERROR
    summary = "a holiday named with a date that is not its day"
    cue_types = frozenset({HolidayCue})

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        day = document_day(analysis.document)
        near = dt.date.fromisoformat(day) if day is not None and _DAY.match(day) else None
        for cue in analysis.cues:
            if not isinstance(cue, HolidayCue):
                continue
            date = cue.date
            assert date.day is not None
            days = days_of(cue.holiday, date.day.year, cue.countries)
            if days is None:
                continue  # a country that keeps its own days
            if _covered(date.day, days, cue.spread):
                continue
            # ("roses grown in Kenya …, Mother's Day, which falls on Sunday 19 March": the day of
            # another country, maybe the writer's; the countries named may only be what it is about)
            elsewhere = bool(cue.countries) and _covered(
                date.day, days_anywhere(cue.holiday, date.day.year), cue.spread)
            # (a year inferred for a day just told, "the early hours of Easter Sunday, 7 April" in
            # a report of 10 April, is the document's, unless the holiday fell on that day in a year
            # near it: "Easter Sunday, 4 April" in 2023 may be 2021's)
            where = (cue.holiday, cue.countries, date.day, cue.spread)
            certain = not elsewhere and (
                not date.year_inferred or fixed(cue.holiday, cue.countries) or never_on(*where)
                or (_near_document_day(date.day, day) and not falls_near(*where)))
            if not certain and not elsewhere and (near is None or abs((date.day - near).days) > _NEAR_DAYS):
                continue  # a movable holiday in a year guessed far from the document date
            shown = " or ".join(_day_name(holiday) for holiday in sorted(days))
            year = "" if fixed(cue.holiday, cue.countries) else f" in {date.day.year}"
            inferred = (" (year inferred from the document date)"
                        if date.year_inferred and not certain and not elsewhere else "")
            other = (f" in the countries the text names ({', '.join(sorted(cue.countries))}), though "
                     "another country keeps it on that day" if elsewhere else "")
            message = f"{cue.name} is not {_day_name(date.day)}{inferred}: it falls on {shown}{year}{other}"
            spans = [Span(min(cue.name_span.start, date.span.start), max(cue.name_span.end, date.span.end),
                          "primary")]
            finding = self.finding(analysis, message, spans)
            yield finding if certain else attrs.evolve(finding, severity=Severity.WARNING)


def _covered(day: dt.date, holidays: Iterable[dt.date], spread: tuple[int, int]) -> bool:
    """Does ``day`` fall on one of ``holidays``, or within the days ``spread`` widens it by?"""
    low, high = spread
    return any(0 <= (day - holiday).days - low <= high - low for holiday in holidays)


def _day_name(day: dt.date) -> str:
    """"14 July" (the day and month: what a holiday's day is)."""
    return f"{day.day} {calendar.month_name[day.month]}"


class SeasonMismatch(Rule):
    """
    What it does
        Reports a season or a quarter that the words put together with a month or a day it does
        not contain: "That same summer, on 20 December", "last summer, at their meeting on 14
        November", "the Q3 outage in May", "in May, during the third quarter". A season is
        read leniently, a month wider on each side (summer: May to September in the north,
        November to March in the south; winter: November to April in the north); its
        hemisphere is that of the places the text names (Buenos Aires, Montreal, Australia),
        else the configured one, and a place near the equator has no seasons to check. A text
        that names only a place found in both hemispheres ("KERANG, Victoria —") with no
        hemisphere configured gets a warning, not an error: its seasons are assumed; so does
        a text that names places in both hemispheres (a Christmas in New Zealand told from
        Britain), unless the words say which hemisphere. A quarter is the calendar's, unless
        the text speaks of fiscal years: then only a fiscal year whose start the text or the
        configuration gives is checked.

    Why it matters
        The season (or quarter) and the date were written separately; one of them is wrong,
        or the two are not one time as the sentence says.

    Example
        "That same summer, on 20 December 2013, an ice storm hit Toronto" fails; "That same
        summer, on 20 December 2013, a heatwave hit Buenos Aires" passes. "The Q3 outage in
        May" fails; "the Q3 outage in August" passes.

    How to fix
        Correct the season, the quarter or the date, or say which times they are.
    """

    code = "CHR312"
    name = "season-mismatch"
    severity = Severity.ERROR
    summary = "a season or quarter put together with a month it does not contain"
    cue_types = frozenset({SeasonCue})

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        for cue in analysis.cues:
            if not isinstance(cue, SeasonCue):
                continue
            message = _season_mismatch(cue) if cue.kind == "season" else _quarter_mismatch(cue)
            if message is None:
                continue
            spans = [Span(cue.period_span.start, cue.period_span.end, "primary"),
                     Span(cue.date_span.start, cue.date_span.end, "cited")]
            doubt = _hemisphere_doubt(cue) if cue.kind == "season" else None
            if doubt is not None:
                yield attrs.evolve(self.finding(analysis, message + doubt, spans), severity=Severity.WARNING)
                continue
            yield self.finding(analysis, message, spans)


def _hemisphere_doubt(cue: SeasonCue) -> str | None:
    """Why the hemisphere a season was read in is only a guess (then a warning), if it is."""
    if cue.assumed:
        # the text names only a place of either hemisphere and no hemisphere was configured:
        # the seasons read are an assumption ("WATTLE CREEK, Victoria — … last summer, on 20
        # January")
        return ("; the text names only a place found in both hemispheres, so the configured hemisphere"
                " was assumed")
    if cue.mixed:
        # "Summer holidays in January make the British winter feel long" in a blog of a
        # Christmas in New Zealand: the place beside the season may not be its own
        return "; the text names places in both hemispheres, so whose season is meant is a doubt"
    return None


# The months a season may take, leniently (a month wider on each side of the meteorological
# season; winter two months after it, for the late snow of cold places), in the north; the
# south's are six months on. A year's winter straddles New Year.
_SEASON_MONTHS = {"SP": (2, 6), "SU": (5, 9), "FA": (8, 12), "WI": (11, 16)}
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def _in_season(season: str, hemisphere: str, month: int, year: int | None, season_year: int | None) -> bool:
    first, last = _SEASON_MONTHS[season]
    if hemisphere == "south":
        first, last = first + 6, last + 6
    if year is None or season_year is None:
        # month of the year only: a month of the window, in any year
        return any(first <= m <= last for m in (month, month + 12, month + 24))
    # "summer 2019" and "20 December 2013": the window in the season's year; a winter (north) or
    # a summer (south) straddles New Year, and "winter 2024" is either of the two winters
    index = year * 12 + month
    starts = [season_year * 12 + first]
    if last > 12:
        starts.append((season_year - 1) * 12 + first)
    return any(start <= index <= start + (last - first) for start in starts)


def _season_mismatch(cue: SeasonCue) -> str | None:
    date_year = cue.date_year
    if any(_in_season(cue.which, h, cue.month, date_year, cue.period_year) for h in cue.hemispheres):
        return None
    where = " or ".join(f"{h}ern" for h in sorted(cue.hemispheres))
    month = calendar.month_name[cue.month]
    season = _SEASON_NAMES[cue.which]
    if date_year is not None and cue.period_year is not None and any(
        _in_season(cue.which, h, cue.month, None, None) for h in cue.hemispheres
    ):
        return (f"'{cue.date_text}' is not in '{cue.period_text}': {month} {date_year} is not in the "
                f"{season} of {cue.period_year} ({where} hemisphere)")
    return f"'{cue.date_text}' is not in '{cue.period_text}': {month} is not {season} ({where} hemisphere)"


def _quarter_mismatch(cue: SeasonCue) -> str | None:
    quarter = int(cue.which)
    first = (cue.quarter_start - 1 + 3 * (quarter - 1)) % 12 + 1
    months = [(first - 1 + k) % 12 + 1 for k in range(3)]
    date_year = cue.date_year
    in_year = True
    if cue.quarter_start == 1 and date_year is not None and cue.period_year is not None:
        in_year = date_year == cue.period_year
    if cue.month in months and in_year:
        return None
    span = f"{calendar.month_name[months[0]]} to {calendar.month_name[months[-1]]}"
    fiscal = "" if cue.quarter_start == 1 else " of the fiscal year the text gives"
    if cue.month in months:
        return f"'{cue.date_text}' is not in '{cue.period_text}': {date_year} is not {cue.period_year}"
    return (f"'{cue.date_text}' is not in '{cue.period_text}': {calendar.month_name[cue.month]} is not in "
            f"quarter {quarter}{fiscal} ({span})")
