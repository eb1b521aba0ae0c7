"""Passes over the finished list of expressions: what one expression says about its neighbour.

They run in text order after the scanner, each a small rewrite of neighbouring expressions:
a clock time takes the day that follows it, two weekdays joined by "and" share a week, a set
extends over its clock time, a quarter takes the date that closes it, and two expressions
joined by a range connector become the two ends of one range.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.regex_cache import compile_kept
from chrono.tagger.fields import weekday_number
from chrono.tagger.resources import Resources, load, trie_regex, words_regex
from chrono.tagger.tense import SENTENCE_BREAK
from chrono.tagger.timex import Timex

__all__ = ["close_period", "run"]


def run(res: Resources, text: str, timexes: list[Timex], ranges: int,
        dct: dt.date | None) -> tuple[Timex, ...]:
    """Every pass over ``timexes`` in order; ``ranges`` ranges are numbered already."""
    _attach_days(res, text, timexes)
    _month_takes_listed_year(res, text, timexes)
    _bare_clock_takes_day_after(res, text, timexes)
    _twelve_hour_after_afternoon(text, timexes)
    _share_weekday_relation(res, text, timexes)
    _weekday_apposed(res, text, timexes)
    _holiday_apposed(text, timexes)
    _day_apposed_to_period(text, timexes)
    _date_counted_on(text, timexes)
    _weekday_dated_after(res, text, timexes, dct)
    _clock_on_weekday_then_day(res, text, timexes, dct)
    timexes = _listed_months(res, text, timexes)
    timexes = _season_of_year(res, text, timexes)
    linked = list(_link_ranges(res, text, _extend_sets(res, text, timexes), ranges, dct))
    _small_hours_of_the_night(res, text, linked)
    return _range_across_new_year(tuple(linked))


_FULL_DAY = lazy_compile(r"(\d{4})-(\d\d)-(\d\d)\Z")


def _range_across_new_year(timexes: tuple[Timex, ...]) -> tuple[Timex, ...]:
    """"runs from 4 December to 9 January": a range whose end, with no year written, falls in an
    earlier month than its start ends in the next year."""
    out = list(timexes)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.range_id is None or first.range_id != second.range_id or second.range_role != "end":
            continue
        begin, end = _FULL_DAY.match(first.value), _FULL_DAY.match(second.value)
        if begin is None or end is None or second.anchor is None or first.anchor is None:
            continue  # (a year written on either end says which)
        if begin.group(1) == end.group(1) and end.group(2) < begin.group(2):
            year = int(end.group(1)) + 1
            out[i + 1] = attrs.evolve(second, value=f"{year:04d}{second.value[4:]}")
    return tuple(out)


_QUARTER_OR_YEAR = lazy_compile(r"(\d{4})(?:-Q[1-4])?\Z")
_DAY_OR_MONTH = lazy_compile(r"(\d{4})-(\d\d)(?:-(\d\d))?\Z")


@functools.lru_cache(maxsize=8)
def _period_end_regex(lang: str) -> re.Pattern[str] | None:
    words = load(lang).classes.get("period_end")
    if not words:
        return None
    return compile_kept(r"\s+(?:" + trie_regex(words) + r")\s+\Z", re.IGNORECASE)


def close_period(res: Resources, text: str, period: Timex, closing: Timex) -> Timex | None:
    """'the quarter ended Sept. 30': the quarter that date closes; 'the year ended March 31':
    a fiscal year, i.e. a year-long stretch (P1Y) rather than a calendar year. None when
    ``closing`` does not close ``period``."""
    if period.type != "DATE" or not period.temporal_function:
        return None
    regex = _period_end_regex(res.lang)
    if regex is None:
        return None
    own = _QUARTER_OR_YEAR.match(period.value)
    date = _DAY_OR_MONTH.match(closing.value)
    if own is None or date is None:
        return None
    if regex.match(text, period.end, closing.start) is None:
        return None
    year, month = int(date.group(1)), int(date.group(2))
    if "-Q" in period.value:
        # "the fourth quarter ended June 30": a fiscal quarter keeps the number the text
        # gives it, in the year of its closing date; "the quarter ended Sept. 30": the
        # calendar quarter that date closes.
        named = _quarter_named(res, period.text)
        quarter = named or (month - 1) // 3 + 1
        return attrs.evolve(period, value=f"{year:04d}-Q{quarter}", anchor=closing.value)
    if month == 12:
        return attrs.evolve(period, value=f"{year:04d}", anchor=closing.value)
    return attrs.evolve(period, type="DURATION", value="P1Y", anchor=None,
                        temporal_function=False)


def _quarter_named(res: Resources, text: str) -> int | None:
    for word in re.split(r"[\s-]+", text.lower()):
        number = res.lookup("quarter_ordinal", word)
        if number is not None:
            return int(number)
    return None


_CLOCK = lazy_compile(r"\d{4}-\d\d-\d\d(T.*)\Z")
_DAY = lazy_compile(r"\d{4}-\d\d-\d\d\Z")
_COUNTED_RULES = frozenset({"offset", "offset_unit"})
_OWN_DAY = r"\b(?:{clock_own_day})\b"


# "April and May", "April, May and June": a month name listed after a month is one too, though
# alone it may be a word ("May", "March")
_LISTED_MONTH = (
    r"(?:,[ \t]+(?:{list_conjunction}[ \t]+)?|[ \t]+{list_conjunction}[ \t]+)([A-Z][a-z]+)\b(?![ \t]+[A-Z])"
)
_MONTH_VALUE = lazy_compile(r"(\d{4})-(\d\d)\Z")


def _listed_months(res: Resources, text: str, timexes: list[Timex]) -> list[Timex]:
    """A month name listed after a month ("## April and May") is a month of the same year."""
    out: list[Timex] = []
    for i, timex in enumerate(timexes):
        out.append(timex)
        own = _MONTH_VALUE.match(timex.value) if timex.type == "DATE" else None
        listed = words_regex(res, _LISTED_MONTH).match(text, timex.end) if own is not None else None
        if own is None or listed is None or not res.has("month", timex.text.split()[-1]):
            continue
        month = res.lookup("month", listed.group(1))
        following = timexes[i + 1].start if i + 1 < len(timexes) else len(text)
        if month is None or following < listed.end() or int(month) <= int(own.group(2)):
            continue  # not a month, tagged already, or not later in the year
        out.append(attrs.evolve(
            timex, start=listed.start(1), end=listed.end(1), text=listed.group(1),
            value=f"{own.group(1)}-{int(month):02d}", signal=None, signal_start=None, signal_end=None,
            range_id=None, range_role=None, rule="listed_month",
        ))
    return out


_LIST_JOIN = r"[ \t]*(?:,[ \t]*)?(?:{list_conjunction})[ \t]+"


def _month_takes_listed_year(res: Resources, text: str, timexes: list[Timex]) -> None:
    """"the strikes of February and March this year", "in May and June 2019": a bare month listed
    before a month with its year is a month of that year (the earlier of the two)."""
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        own, other = _MONTH_VALUE.match(first.value), _MONTH_VALUE.match(second.value)
        if own is None or other is None or first.type != "DATE" or second.type != "DATE":
            continue
        if not res.has("month", first.text.strip()) or res.has("month", second.text.strip()):
            continue  # (a month told alone first, and a second with more than its name: a year)
        if not words_regex(res, _LIST_JOIN).fullmatch(text, first.end, second.start):
            continue
        if int(own.group(2)) > int(other.group(2)) or own.group(1) == other.group(1):
            continue
        timexes[i] = attrs.evolve(first, value=f"{other.group(1)}-{own.group(2)}")


def _attach_days(res: Resources, text: str, timexes: list[Timex]) -> None:
    """'00:01 GMT on 12 March': a clock time whose day was not stated takes the date that
    follows it (directly, after a comma, or after a signal meaning "on")."""
    for i in range(len(timexes) - 1):
        clock, day = timexes[i], timexes[i + 1]
        time_part = _CLOCK.match(clock.value)
        if clock.type != "TIME" or time_part is None or clock.anchor is None:
            continue
        if _DAY.match(day.value) is None or day.start - clock.end > 8 or day.rule in _COUNTED_RULES:
            # "at 9 p.m. Two hours later": a day counted from the story is not the clock's day.
            continue
        raw = text[clock.end:day.start]
        if raw.count("\n") > 1 or ("\n" in raw and not raw.strip(" \t\n,")):
            continue  # "Lit up at 4 p.m. ¶ *Jan. 9th.* Fog.": the next line's date is its own
        between = raw.strip(" \t\n,")
        if between and res.lookup("signal", between) != "on":
            continue
        if words_regex(res, _OWN_DAY, re.IGNORECASE).search(clock.text):
            continue  # "at 4am today, Tuesday 13 May": the clock's day is its own word's
        timexes[i] = attrs.evolve(clock, value=day.value + time_part.group(1), anchor=day.anchor)
        _small_hours_after_evening(text, timexes, i)
    for i in range(len(timexes) - 1):
        # "on 16 May at 7pm": a clock time right after a day it did not take its day from
        day, clock = timexes[i], timexes[i + 1]
        time_part = _CLOCK.match(clock.value)
        if clock.type != "TIME" or time_part is None or clock.anchor is None or day.type != "DATE":
            continue
        if _DAY.match(day.value) is None or clock.value.startswith(day.value) or day.rule in _COUNTED_RULES:
            continue
        if not words_regex(res, _AT_CLOCK).fullmatch(text, day.end, clock.start):
            continue
        timexes[i + 1] = attrs.evolve(clock, value=day.value + time_part.group(1), anchor=day.anchor)


_EVENING_FROM = "17:00"
_SMALL_HOURS_BEFORE = "06:00"
_SAME_CLAUSE_REACH = 80


def _small_hours_after_evening(text: str, timexes: list[Timex], at: int) -> None:
    """'began at 6.30pm on 4 March 2025 and ended at 1.10am': a small hour with no day of its
    own, told in the sentence of the evening time ``timexes[at]`` that has just taken its day
    from the date after it, is that night's, on the next day (the clock that read the small
    hour could not yet know the evening's day)."""
    evening = timexes[at]
    told = _LOCAL_CLOCK.match(evening.value)
    if told is None or told[2] < _EVENING_FROM:
        return
    later = [k for k in range(at + 1, len(timexes)) if timexes[k].type == "TIME"]
    if not later:
        return
    late = timexes[later[0]]
    small = _LOCAL_CLOCK.match(late.value)
    if small is None or late.anchor is None or small[1] != told[1] or small[2] >= _SMALL_HOURS_BEFORE or (
        not _told_near(text, evening, late, _SAME_CLAUSE_REACH)
    ):
        return
    following = (dt.date.fromisoformat(told[1]) + dt.timedelta(days=1)).isoformat()
    timexes[later[0]] = attrs.evolve(late, value=following + late.value[10:])


_CLOCK_DAY_AFTER_REACH = 160  # characters from a bare clock time to the later one of its sentence
# a line of a list, a table, a heading or a bold label: the layout's, not prose (the view the
# tagger reads blanks their marks, so such a line opens with blanks)
_LAID_OUT_LINE = lazy_compile(r"[ \t]|[-*+|#]|\d+[.)][ \t]|\*\*")
_HEADING_LINE = lazy_compile(r"\n[ \t#]")


def _told_near(text: str, earlier: Timex, later: Timex, reach: int) -> bool:
    """Is ``later`` told in the sentence of ``earlier``, at most ``reach`` characters after it?"""
    return later.start - earlier.end <= reach and not SENTENCE_BREAK.search(text, earlier.end, later.start)


_CLOCK_END_BEFORE = r"\b(?:{clock_end_words})(?:[ \t]+(?:{day_clock_link}))?[ \t]+\Z"
_DAY_PHRASE_AFTER = r"[ \t]+(?:{clock_own_day_words})[ \t]+(?:the|that)\b"
_ENTRY_LABEL = lazy_compile(r"(?:^|\n)[ \t]*(?:[-*+][ \t]+)?\**\Z")


_AFTERNOON_MARK = lazy_compile(r"\bp\.?\s?m\b\.?", re.IGNORECASE)
_MERIDIEM_FREE = lazy_compile(r"(?:[1-9]|1[0-2])[:.][0-5]\d")


def _twelve_hour_after_afternoon(text: str, timexes: list[Timex]) -> None:
    """'tipped off at 8:30 p.m. and finished just before 10:45': a clock time of a twelve-hour
    clock with no a.m. or p.m., told in the sentence of an afternoon or evening time of the same
    day and read before it, is the same half of the day, after it."""
    for i in range(1, len(timexes)):
        timex, before = timexes[i], timexes[i - 1]
        if timex.type != "TIME" or before.type != "TIME" or not _MERIDIEM_FREE.fullmatch(timex.text.strip()):
            continue
        told, earlier = _LOCAL_CLOCK.match(timex.value), _LOCAL_CLOCK.match(before.value)
        if told is None or earlier is None or told[1] != earlier[1] or told[3] != earlier[3]:
            continue
        if not "13:00" <= earlier[2] < "24:00" or told[2] >= "12:00" or told[2] >= earlier[2]:
            continue  # (not after "midday": "forecast from midday, and topped out at 10:20")
        if not _AFTERNOON_MARK.search(before.text):
            continue  # (only after a time the words put in the afternoon: a twenty-four-hour "10:05" stays)
        if not _told_near(text, before, timex, _CLOCK_DAY_AFTER_REACH) or _LAID_OUT_LINE.match(
            text, text.rfind("\n", 0, timex.start) + 1
        ):
            continue
        hour = int(told[2][:2]) + 12
        if hour >= 24:
            continue
        value = f"{told[1]}T{hour:02d}{told[2][2:]}{told[3]}"
        timexes[i] = attrs.evolve(timex, value=value)


def _bare_clock_takes_day_after(res: Resources, text: str, timexes: list[Timex]) -> None:
    """'The meeting, which began at 7pm in the chamber, did not finish until 12.40am on
    Thursday': a clock time that states no day, told in the sentence of the next clock time,
    which states its own, is of that day; of the day before when it is an evening's and the
    other a small hour (the night ran past midnight). The story's day it took is a guess the
    sentence corrects."""
    bare = words_regex(res, _BARE_ZONED_CLOCK, re.IGNORECASE)
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        if first.type != "TIME" or second.type != "TIME" or first.anchor is None or (
            first.range_id is not None and first.range_id == second.range_id
        ):
            continue
        begin, end = _LOCAL_CLOCK.match(first.value), _LOCAL_CLOCK.match(second.value)
        if begin is None or end is None or begin[1] == end[1] or begin[3] != end[3]:
            continue
        if not bare.match(first.text.strip()) or bare.match(second.text.strip()) or second.anchor is None:
            continue
        if not _told_near(text, first, second, _CLOCK_DAY_AFTER_REACH):
            continue
        if not words_regex(res, _CLOCK_END_BEFORE, re.IGNORECASE).search(
            text, max(0, second.start - 30), second.start
        ) or words_regex(res, _DAY_PHRASE_AFTER, re.IGNORECASE).match(text, first.end) or _ENTRY_LABEL.search(
            text, max(0, first.start - 8), first.start
        ):
            # (only an end the sentence tells after its start: "until 12.40am on Thursday"; not a
            # clock time with a day phrase of its own, "at 17:00 on the first day", nor a log
            # entry's label, "**11:20** … until the handover at noon on Friday")
            continue
        day = dt.date.fromisoformat(end[1])
        if begin[2] >= _EVENING_FROM and end[2] < _SMALL_HOURS_BEFORE:
            day -= dt.timedelta(days=1)
        elif begin[2] > end[2]:
            continue  # ("at 9pm … at 8am on Thursday": which night, the words do not say)
        value = f"{day.isoformat()}T{begin[2]}{begin[3]}"
        timexes[i] = attrs.evolve(first, value=value, anchor=second.anchor)


def _small_hours_of_the_night(res: Resources, text: str, timexes: list[Timex]) -> None:
    """'The team was called out at 8.40pm … ¶ … the walkers were reached at 4.10am': a clock time
    of prose with no day of its own, read on the story's day, that is a small hour told after an
    evening clock time of that day, with no date or heading between, is of the night after, on
    the next day; so is each such clock time after it until a date is stated. (Not in a list,
    a table or a timeline, whose entries the layout dates; nor a range, "between 11.30pm and
    1am", whose ends are read together.)"""
    bare = words_regex(res, _BARE_CLOCK, re.IGNORECASE)
    evening: str | None = None  # the story's day whose evening the last clock time told
    evening_end = 0
    crossed: str | None = None  # ... and the day it crossed into
    for i, timex in enumerate(timexes):
        if timex.type == "DATE" and _DAY.match(timex.value) is not None:
            evening = crossed = None  # a day stated: the story is on it
            continue
        told = _LOCAL_CLOCK.match(timex.value) if timex.type == "TIME" else None
        if told is None:
            continue
        line_start = text.rfind("\n", 0, timex.start) + 1
        laid_out = _LAID_OUT_LINE.match(text, line_start) is not None
        if timex.range_id is not None or laid_out or (
            evening is not None and _HEADING_LINE.search(text, evening_end, timex.start)
        ):
            evening = crossed = None
            continue
        on_story_day = timex.anchor == told[1] and bare.match(timex.text.strip()) is not None
        is_evening = _EVENING_FROM <= told[2] < "24:00"
        if not on_story_day:
            evening, evening_end, crossed = (told[1] if is_evening else None), timex.end, None
            continue
        if crossed is None and evening == told[1] and told[2] < _SMALL_HOURS_BEFORE:
            crossed = (dt.date.fromisoformat(told[1]) + dt.timedelta(days=1)).isoformat()
        if crossed is not None and evening == told[1]:
            timexes[i] = attrs.evolve(timex, value=crossed + timex.value[10:], anchor=crossed)
            continue
        evening, evening_end = (told[1] if is_evening else None), timex.end



_AT_CLOCK = r"[ \t]*(?:,[ \t]*|[ \t]+(?:{day_clock_link})[ \t]+)"
# "Saturday and Sunday", "Tuesday, Thursday": nothing between two expressions but a list.
_JOINED = r"[ \t]*,?[ \t]*(?:{list_conjunction}[ \t]*)?\Z"


def _share_weekday_relation(res: Resources, text: str, timexes: list[Timex]) -> None:
    """'this Saturday and Sunday', 'next Monday or Tuesday': the second weekday shares the
    first one's week and direction (it is the next such day after the first)."""
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        if first.rule != "weekday_part" or second.rule != "weekday_part":
            continue
        if second.start - first.end > 6 or not words_regex(res, _JOINED).match(
            text[first.end:second.start]
        ):
            continue
        lead = first.text.split()[0]
        if not res.has("rel", lead) or _DAY.match(first.value) is None:
            continue
        own = weekday_number(res, second.text)
        if not own or _DAY.match(second.value) is None:
            continue
        start = dt.date.fromisoformat(first.value)
        shared = start + dt.timedelta(days=(int(own) - start.isoweekday()) % 7 or 7)
        timexes[i + 1] = attrs.evolve(second, value=shared.isoformat(), anchor=first.value,
                                      guessed=False)


# "Saturday's concert, on 21 September": a possessive weekday, its noun, then the day set off
_APPOSED_DAY = r"(?:{possessive_ending})(?:[ \t]+[\w'’-]+){1,3},[ \t]*(?:(?:{apposed_preposition})[ \t]+)?\Z"
_APPOSED_REACH = 7  # days: the weekday the apposed day names lies within a week of the one read


def _weekday_apposed(res: Resources, text: str, timexes: list[Timex]) -> None:
    """"Saturday's concert, on 21 September, includes …": a bare weekday whose noun is dated by
    the day set off after it is that day, when the day is that weekday (the tense alone, read
    as past, took the Saturday before). So is "next Wednesday, 22 March" said on a Tuesday:
    whether "next" is tomorrow or a week on, the day written after it says."""
    for i in range(len(timexes) - 1):
        weekday, day = timexes[i], timexes[i + 1]
        if weekday.rule != "weekday_part" or _DAY.match(weekday.value) is None:
            continue
        if _DAY.match(day.value) is None:
            continue
        possessive = words_regex(res, _APPOSED_DAY).search(text, weekday.end, day.start) is not None
        set_off = _SET_OFF.fullmatch(text, weekday.end, day.start) is not None and _next(res, weekday.text)
        if not (possessive or set_off):
            continue
        own = weekday_number(res, weekday.text if possessive else weekday.text.split()[-1])
        told, read = dt.date.fromisoformat(day.value), dt.date.fromisoformat(weekday.value)
        reach = 0 < abs((told - read).days) <= _APPOSED_REACH if possessive else (
            (told - read).days == _APPOSED_REACH)  # ("next": a week on, never before it)
        if own and told.isoweekday() == int(own) and reach:
            timexes[i] = attrs.evolve(weekday, value=day.value, anchor=day.anchor, guessed=False)


def _holiday_apposed(text: str, timexes: list[Timex]) -> None:
    """"on Good Friday, 12 April 1974": a holiday whose year only the document date gave, with a
    day of another year written out right after it, is that day (whether the two agree is the
    holiday rule's to say, chrono.rules)."""
    for i in range(len(timexes) - 1):
        holiday, day = timexes[i], timexes[i + 1]
        if holiday.rule != "holiday" or holiday.anchor != "DCT" or _DAY.match(holiday.value) is None:
            continue
        if _DAY.match(day.value) is None or _WRITTEN_YEAR.search(day.text) is None:
            continue
        if day.value[:4] != holiday.value[:4] and _SET_OFF.fullmatch(text, holiday.end, day.start):
            timexes[i] = attrs.evolve(holiday, value=day.value, anchor=day.anchor, guessed=False)


_SET_OFF = lazy_compile(r"[ \t]*,[ \t]*")
# ", on ": a day set off after a period it lies in ("last week, on 29 February")
_SET_OFF_ON = lazy_compile(r"[ \t]*,[ \t]*(?:[a-z]{2,3}[ \t]+)?")
_WEEK_VALUE = lazy_compile(r"(\d{4})-W(\d\d)\Z")
_MONTH_VALUE = lazy_compile(r"(\d{4})-(\d\d)\Z")
_WRITTEN_YEAR = lazy_compile(r"\d{4}")


def _day_apposed_to_period(text: str, timexes: list[Timex]) -> None:
    """"last week, on 29 February, she marked …": a day without its year, set off right after a
    week or month counted from the document date, is the day of that period (not of an earlier
    telling of the same day, "born on 29 February 1932")."""
    for i in range(len(timexes) - 1):
        period, day = timexes[i], timexes[i + 1]
        if period.anchor != "DCT" or not _SET_OFF_ON.fullmatch(text, period.end, day.start):
            continue
        told = _FULL_DAY.match(day.value)
        if told is None or _WRITTEN_YEAR.search(day.text):
            continue
        week, month = _WEEK_VALUE.match(period.value), _MONTH_VALUE.match(period.value)
        if week is not None:
            first = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            years = {first.year, (first + dt.timedelta(days=6)).year}
        elif month is not None:
            first, years = None, {int(month.group(1))}
        else:
            continue
        for year in sorted(years):
            try:
                candidate = dt.date(year, int(told.group(2)), int(told.group(3)))
            except ValueError:
                continue
            inside = (first <= candidate <= first + dt.timedelta(days=6)) if first is not None else (
                month is not None and candidate.month == int(month.group(2)))
            if inside and candidate.isoformat() != day.value:
                timexes[i + 1] = attrs.evolve(day, value=candidate.isoformat(), anchor=period.value)
                break


_COUNTED_TO = lazy_compile(r"(\d{4})((?:-\d\d)?)\Z")  # a count of years from a month or a year
_MONTH_OR_DAY_VALUE = lazy_compile(r"\d{4}(-\d\d(?:-\d\d)?)\Z")


def _date_counted_on(text: str, timexes: list[Timex]) -> None:
    """"engaged on New Year's Eve two years later", "married in June a year later": a day or month
    without its year, followed right away by a count of years from it, is that day or month of
    the year counted to (the count was read from the story's year, which the day first took)."""
    for i in range(len(timexes) - 1):
        when, count = timexes[i], timexes[i + 1]
        shape = _MONTH_OR_DAY_VALUE.match(when.value)
        if shape is None or when.type != "DATE" or count.type != "DATE" or _WRITTEN_YEAR.search(when.text):
            continue
        counted = _COUNTED_TO.match(count.value)
        if count.anchor != when.value or counted is None or text[when.end:count.start].strip():
            continue
        if not shape.group(1).startswith(counted.group(2)):
            continue  # (counted in months or days: "June two weeks later" is no June of another year)
        moved = counted.group(1) + shape.group(1)
        try:
            dt.date.fromisoformat(moved if len(moved) == 10 else f"{moved}-01")
        except ValueError:
            continue  # (29 February counted to a year without one)
        timexes[i] = attrs.evolve(when, value=moved)


# a day, with a time or a part of it after: "2020-05-17TAF"
_DAY_AND_PART = lazy_compile(r"(\d{4}-\d\d-\d\d)(T[\w:]+)?\Z")
_SENTENCE_BREAK = lazy_compile(r"[.!?]\s|\n")
_SAME_SENTENCE_REACH = 160  # characters


def _weekday_dated_after(res: Resources, text: str, timexes: list[Timex], dct: dt.date | None) -> None:
    """"A section was fitted on Sunday afternoon, and supplies were restored at 22:15 on Sunday
    10 May": a bare weekday told first, then the same weekday with its date later in the sentence,
    is that day, when that day is past and the weekday read alone fell after it (within a week),
    which would put the first event told after the second."""
    if dct is None:
        return
    for i, weekday in enumerate(timexes):
        if weekday.rule != "weekday_part":
            continue
        own = weekday_number(res, weekday.text.split()[0])  # (0: "last Sunday", "next Sunday")
        read = _DAY_AND_PART.match(weekday.value)
        if not own or read is None:
            continue
        for day in timexes[i + 1:]:
            if day.start - weekday.end > _SAME_SENTENCE_REACH or _SENTENCE_BREAK.search(
                text, weekday.end, day.start
            ):
                break
            dated = _DAY_AND_PART.match(day.value)
            if dated is None or day.rule == "weekday_part" or not any(
                weekday_number(res, word.strip(",")) == own for word in day.text.split()
            ):
                continue
            told, first = dt.date.fromisoformat(dated.group(1)), dt.date.fromisoformat(read.group(1))
            if told < dct and 0 < (first - told).days <= _APPOSED_REACH:
                timexes[i] = attrs.evolve(weekday, value=told.isoformat() + (read.group(2) or ""),
                                          anchor=day.value, guessed=False)
            break


_CLOCK_DAY_GAP = lazy_compile(r"[ \t]*,?[ \t]*")


def _clock_on_weekday_then_day(res: Resources, text: str, timexes: list[Timex], dct: dt.date | None) -> None:
    """"will make its first crossing at 7.15am on Monday 2 May": a clock time that took the
    weekday, then its day without a year, read apart (the day, as still to come, a year on) are
    one day: the one of the DCT's year, when that is the weekday and the other is not."""
    if dct is None:
        return
    for i in range(len(timexes) - 1):
        clock, day = timexes[i], timexes[i + 1]
        if clock.type != "TIME" or day.type != "DATE" or _WRITTEN_YEAR.search(day.text):
            continue
        told = _FULL_DAY.match(day.value)
        words = clock.text.split()
        own = weekday_number(res, words[-1].strip(",")) if words else 0
        if told is None or not own or not _CLOCK_DAY_GAP.fullmatch(text, clock.end, day.start):
            continue
        month, number = int(told.group(2)), int(told.group(3))
        if int(told.group(1)) == dct.year or dt.date.fromisoformat(day.value).isoweekday() == own:
            continue  # (a weekday that fits no such day is the writer's to answer for: CHR307)
        try:
            candidate = dt.date(dct.year, month, number)
        except ValueError:
            continue
        if candidate.isoweekday() == own:
            value = candidate.isoformat()
            timexes[i + 1] = attrs.evolve(day, value=value, guessed=False)
            clocked = _DAY_AND_PART.match(clock.value)
            if clocked is not None:
                timexes[i] = attrs.evolve(clock, value=value + (clocked.group(2) or ""), guessed=False)


def _next(res: Resources, words: str) -> bool:
    """Does the weekday's phrase count on from now ("next Wednesday")?"""
    step = res.lookup("rel", words.split()[0].lower()) if " " in words else None
    return step is not None and int(step) > 0


_SEASON_VALUE = lazy_compile(r"\d{4}-(SP|SU|FA|WI)\Z")
_YEAR_VALUE = lazy_compile(r"\d{4}\Z")
_OF = r"[ \t]+(?:{period_of})[ \t]+"


def _season_of_year(res: Resources, text: str, timexes: list[Timex]) -> list[Timex]:
    """"the spring of that year": a season and the year after it ("of that year", "of the same
    year") are one expression, the season of that year."""
    out: list[Timex] = []
    skip = False
    for i, timex in enumerate(timexes):
        if skip:
            skip = False
            continue
        after = timexes[i + 1] if i + 1 < len(timexes) else None
        season = _SEASON_VALUE.match(timex.value)
        if season is not None and after is not None and _YEAR_VALUE.match(after.value) and (
            after.anchor is not None and words_regex(res, _OF).fullmatch(text, timex.end, after.start)
        ):
            out.append(attrs.evolve(timex, end=after.end, text=text[timex.start:after.end],
                                    value=f"{after.value}-{season.group(1)}", anchor=after.anchor))
            skip = True
            continue
        out.append(timex)
    return out


_WEEKDAY_SET = lazy_compile(r"XXXX-WXX-[1-7]\Z")
_AT = r"[ \t]+{clock_link}[ \t]+\Z"


def _extend_sets(res: Resources, text: str, timexes: list[Timex]) -> list[Timex]:
    """'every Monday at 09:00' is one set (XXXX-WXX-1T09:00); in 'every Tuesday and Thursday
    evening' the second day is a set too, not one Thursday."""
    out: list[Timex] = []
    for timex in timexes:
        last = out[-1] if out else None
        day = _FULL_DAY.match(last.value) if last is not None and last.type == "DATE" else None
        if last is not None and day is not None and timex.type == "SET" and timex.value == "P1Y" and (
            last.anchor == "DCT" and not _YEAR_WRITTEN.search(last.text)
            and _SET_AFTER_DAY.fullmatch(text, last.end, timex.start)
        ):
            # "has run on 31 December every year since": that day of every year, no one day
            out[-1] = attrs.evolve(last, end=timex.end, text=text[last.start:timex.end], type="SET",
                                   value=f"XXXX-{day[2]}-{day[3]}", anchor=None, temporal_function=False)
            continue
        if last is not None and last.type == "SET" and _WEEKDAY_SET.match(last.value):
            between = text[last.end:timex.start]
            clock = _LOCAL_CLOCK.match(timex.value)
            if clock is not None and words_regex(res, _AT).match(between) and words_regex(
                res, _BARE_CLOCK, re.IGNORECASE
            ).match(timex.text.strip()):
                out[-1] = attrs.evolve(last, end=timex.end, text=text[last.start:timex.end],
                                       value=f"{last.value}T{clock[2]}{clock[3]}")
                continue
            if timex.rule == "weekday_part" and words_regex(res, _JOINED).match(between) and (
                between.strip()
            ):
                own = weekday_number(res, timex.text.split()[0])
                part = _PART_SUFFIX.search(timex.value)
                if own:
                    timex = attrs.evolve(timex, type="SET", anchor=None, temporal_function=False,
                                         value=f"XXXX-WXX-{own}" + (part[0] if part else ""))
        out.append(timex)
    return out


_PART_SUFFIX = lazy_compile(r"T(?:MO|AF|EV|NI|DT)\Z")
_YEAR_WRITTEN = lazy_compile(r"\d{4}")
_SET_AFTER_DAY = lazy_compile(r"[ \t]*,?[ \t]*")
_YEARLESS = lazy_compile(r"\d{4}(-\d\d(?:-\d\d)?)\Z")


def _complete_from(first: Timex, second: Timex) -> Timex:
    """'between May and July 2010': the beginning takes the year the end states."""
    own = _YEARLESS.match(first.value)
    if first.anchor != "DCT" or own is None or second.anchor is not None:
        return first
    if _YEARLESS.match(second.value) is None or first.value[5:] > second.value[5:]:
        return first
    return attrs.evolve(first, value=second.value[:4] + own.group(1), anchor=None,
                        temporal_function=False)


def _weekdays_in_order(first: Timex, second: Timex, dct: dt.date | None) -> tuple[Timex, Timex]:
    """'from Monday until Thursday' written on a Monday: both days lie in one stretch, so the
    one resolved on the wrong side of the DCT moves by a week (a past stretch keeps its end,
    a coming one its start)."""
    if dct is None or first.rule != "weekday_part" or second.rule != "weekday_part":
        return first, second
    if _DAY.match(first.value) is None or _DAY.match(second.value) is None:
        return first, second
    begin = dt.date.fromisoformat(first.value)
    end = dt.date.fromisoformat(second.value)
    if begin <= end:
        return first, second
    week = dt.timedelta(days=7)
    earlier = attrs.evolve(first, value=(begin - week).isoformat()), second
    later = first, attrs.evolve(second, value=(end + week).isoformat())
    if first.guessed or second.guessed:
        # No tense to go on ("the fair runs from Monday to Thursday"): the stretch around the DCT.
        return later if begin <= dct <= end + week else earlier
    return earlier if end <= dct else later


_WEEKDAY_WORD = lazy_compile(r"[A-Za-z]+")


def _named_by_weekday(res: Resources, text: str, expression: Timex) -> bool:
    """Does ``expression`` name its day by a weekday, with no month ("06:00 on Sunday")?"""
    words = _WEEKDAY_WORD.findall(text, expression.start, expression.end)
    return any(weekday_number(res, w) for w in words) and not any(res.has("month", w) for w in words)


def _weekday_end_after(res: Resources, text: str, first: Timex, second: Timex) -> Timex:
    """"from 06:00 on Saturday until 06:00 on Sunday" (after "Saturday 21 June"): the end named
    by its weekday alone, read a week before the start, is the one after it."""
    begin, end = _DAY_OR_TIME.match(first.value), _DAY_OR_TIME.match(second.value)
    if begin is None or end is None:
        return second
    if not _named_by_weekday(res, text, second):
        return second
    start_day, end_day = dt.date.fromisoformat(begin.group(1)), dt.date.fromisoformat(end.group(1))
    if not dt.timedelta(0) < start_day - end_day < dt.timedelta(days=7):
        return second
    moved = end_day + dt.timedelta(days=7)
    return attrs.evolve(second, value=moved.isoformat() + second.value[10:])


def _weekday_start_before(res: Resources, text: str, first: Timex, second: Timex,
                          dct: dt.date | None) -> Timex:
    """"between 6 p.m. Tuesday and 6 a.m. Wednesday": a start named by its weekday alone, read
    more than a week before the end (from another day the story told), is the one in the week
    before the end, when the end is no later than the document's date (an end read after it
    may be the one read wrong)."""
    begin, end = _DAY_OR_TIME.match(first.value), _DAY_OR_TIME.match(second.value)
    if begin is None or end is None or dct is None or dt.date.fromisoformat(end.group(1)) > dct:
        return first
    for expression in (first, second):
        # (both ends named by their weekdays alone: not "on Tuesday until April 2", nor "9am on
        # Monday" with its day written after it, "22 April 2024")
        if not _named_by_weekday(res, text, expression) or _DAY_WRITTEN_AFTER.match(text, expression.end):
            return first
    start_day, end_day = dt.date.fromisoformat(begin.group(1)), dt.date.fromisoformat(end.group(1))
    if end_day - start_day < dt.timedelta(days=7):
        return first
    moved = end_day - dt.timedelta(days=(end_day - start_day).days % 7)
    return attrs.evolve(first, value=moved.isoformat() + first.value[10:], anchor=second.anchor)


def _begin_in_counted_year(res: Resources, first: Timex, second: Timex) -> Timex:
    """"from 20 July to 5 August last year": a start with no year of its own, before an end whose
    words count its year from now, is in that year (or the one before, when its day comes later
    in the calendar)."""
    begin, end = _DAY_OR_TIME.match(first.value), _DAY_OR_TIME.match(second.value)
    if begin is None or end is None or first.anchor != "DCT" or _WRITTEN_YEAR.search(first.text):
        return first
    if not words_regex(res, _YEAR_WORD, re.IGNORECASE).search(second.text):
        return first
    start_day, end_day = dt.date.fromisoformat(begin.group(1)), dt.date.fromisoformat(end.group(1))
    year = end_day.year - ((start_day.month, start_day.day) > (end_day.month, end_day.day))
    if year == start_day.year or (start_day.month, start_day.day) == (2, 29):
        return first
    return attrs.evolve(first, value=start_day.replace(year=year).isoformat() + first.value[10:])


_YEAR_WORD = r"\b(?:{year_word})\b"


def _end_in_year_of_begin(res: Resources, first: Timex, second: Timex) -> Timex:
    """"closed in 1989 … from Monday 2 October to Monday 13 November": an end with no year of
    its own, read in another year than the start it closes (the start's year came from the
    story), is in the start's year (or the next, when its day comes earlier in the calendar)."""
    begin, end = _DAY_OR_TIME.match(first.value), _DAY_OR_TIME.match(second.value)
    if begin is None or end is None or first.anchor is None or second.anchor is None:
        return second  # (a year written on either end stands)
    start_day, end_day = dt.date.fromisoformat(begin.group(1)), dt.date.fromisoformat(end.group(1))
    year = start_day.year + ((end_day.month, end_day.day) < (start_day.month, start_day.day))
    if year == end_day.year or (end_day.month, end_day.day) == (2, 29):
        return second
    moved = end_day.replace(year=year)
    if moved.isoweekday() != end_day.isoweekday() and any(
        weekday_number(res, w) for w in _WEEKDAY_WORD.findall(second.text)
    ):
        return second  # (a weekday written with the end fits only the year it was read in)
    return attrs.evolve(second, value=moved.isoformat() + second.value[10:])


_DAY_OR_TIME = lazy_compile(r"(\d{4}-\d\d-\d\d)(?:T.*)?\Z")
_LOCAL_CLOCK = lazy_compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d(?::\d\d)?)(.*)\Z")


_CLOCK_FIGURES = r"\d{1,2}(?:[:.]?\d\d)?(?:[ \t]*{meridiem_short})?"
_BARE_CLOCK = _CLOCK_FIGURES + r"Z?\Z"
# ... or with its zone ("21:47 UTC": a zone is no day)
_BARE_ZONED_CLOCK = _CLOCK_FIGURES + r"(?:Z|[ \t]+(?:UTC|GMT))?\Z"
# a clock time that writes its day ("02:15 on Monday 1 November", "06:00 tomorrow", "6am the
# following morning"; not "01:26 UTC")
_DAY_WRITTEN = r"\b(?:{weekday}|{month}|{clock_own_day}|{clock_next_day})\b"


def _clock_from_end(res: Resources, first: Timex, second: Timex) -> Timex:
    """'between 0100Z and 0500Z on 20 February', 'from 09:00 to 17:00 CET': a bare clock time
    that opens a range takes the day and the zone the end states."""
    begin = _LOCAL_CLOCK.match(first.value)
    end = _LOCAL_CLOCK.match(second.value)
    if begin is None or end is None or not words_regex(res, _BARE_CLOCK, re.IGNORECASE).match(
        first.text.strip()
    ):
        return first
    zone = begin[3] or end[3]
    day = end[1]
    if begin[2] > end[2] and words_regex(res, _DAY_WRITTEN, re.IGNORECASE).search(second.text):
        # "from 23:47 until 02:15 on Monday 1 November": the end writes its day, so a start later
        # on the clock was the evening before it
        day = (dt.date.fromisoformat(end[1]) - dt.timedelta(days=1)).isoformat()
    value = f"{day}T{begin[2]}{zone}"
    if value == first.value:
        return first
    return attrs.evolve(first, value=value, anchor=second.anchor)


def _midnight_opens(first: Timex) -> Timex:
    """'between midnight and 4am': a range that opens at midnight opens at the day's start."""
    begin = _LOCAL_CLOCK.match(first.value)
    if begin is None or begin[2] != "24:00":
        return first
    return attrs.evolve(first, value=f"{begin[1]}T00:00{begin[3]}")


def _overnight_end(first: Timex, second: Timex) -> Timex:
    """'from 10 p.m. to 5 a.m.': a clock range that ends earlier on the clock than it began
    ends on the next day."""
    begin = _LOCAL_CLOCK.match(first.value)
    end = _LOCAL_CLOCK.match(second.value)
    if begin is None or end is None or begin[1] != end[1] or begin[3] != end[3]:
        return second
    if end[2] >= begin[2]:
        return second
    next_day = dt.date.fromisoformat(end[1]) + dt.timedelta(days=1)
    return attrs.evolve(second, value=f"{next_day.isoformat()}T{end[2]}{end[3]}")


# Clock times before this are the small hours: a story that has reached them is in the night
_SMALL_HOURS_END = "06:00"


def _night_before(timexes: Sequence[Timex], at: int, first: Timex, second: Timex) -> Timex | None:
    """"00:35 … 01:05 … ¶ The full disruption ran from 22:50 to 01:20": a clock range over
    midnight on a story day that the story last reached in its small hours is that night, from
    the evening before; its start on the day before (None: not such a range)."""
    begin = _LOCAL_CLOCK.match(first.value)
    end = _LOCAL_CLOCK.match(second.value)
    if begin is None or end is None or begin[1] != end[1] or begin[3] != end[3] or end[2] >= begin[2]:
        return None
    if first.anchor != begin[1] or second.anchor != begin[1]:
        return None  # a day of the story's, not one the text gives or the document date
    last = next((timexes[j] for j in range(at - 1, -1, -1)
                 if timexes[j].type == "TIME" and _LOCAL_CLOCK.match(timexes[j].value)), None)
    told = _LOCAL_CLOCK.match(last.value) if last is not None else None
    if told is None or told[1] != begin[1] or told[2] >= _SMALL_HOURS_END or told[2] > end[2]:
        return None
    day_before = dt.date.fromisoformat(begin[1]) - dt.timedelta(days=1)
    return attrs.evolve(first, value=f"{day_before.isoformat()}T{begin[2]}{begin[3]}")


_COUNTED_RULE = "offset"  # the rule of a distance counted from a day ("three years ago")


def _link_ranges(res: Resources, text: str, timexes: list[Timex], counter: int,
                 dct: dt.date | None) -> tuple[Timex, ...]:
    for i in range(len(timexes) - 1):
        first = timexes[i]
        # ("from 7pm on Friday 8 September until 7am on Monday 11 September": a clock time's day,
        # written after it as a date of its own, stands between the range's two times)
        after = i + 2 if day_of_clock_after(text, timexes, i) else i + 1
        if after >= len(timexes):
            continue
        second = timexes[after]
        if first.range_id is not None or second.range_id is not None:
            continue
        if first.type != second.type or first.type not in ("DATE", "TIME"):
            continue
        if _COUNTED_RULE in (first.rule, second.rule):
            continue  # "TRENHAM, 14 November — Fifty years ago today": a distance ends no range
        if second.start - timexes[after - 1].end > 12:
            continue
        connector = res.range_regex.match(text, timexes[after - 1].end, second.start)
        if connector is None:
            continue
        # Connector meanings come from the lexicon: "to" (to, -, until, through ...) joins two
        # expressions on its own; "and" only after "between".
        meaning = res.lookup("range_connector", connector.group(1))
        if meaning == "and" and first.signal != "between":
            continue
        if meaning not in ("to", "and"):
            continue
        counter += 1
        first, second = _weekdays_in_order(_complete_from(first, second), second, dct)
        first = _clock_from_end(res, first, second)
        first = _midnight_opens(first)
        night = _night_before(timexes, i, first, second)
        if night is not None:
            first = night
        else:
            second = _overnight_end(first, second)
        second = _weekday_end_after(res, text, first, second)
        first = _weekday_start_before(res, text, first, second, dct)
        first = _begin_in_counted_year(res, first, second)
        second = _end_in_year_of_begin(res, first, second)
        timexes[i] = attrs.evolve(first, range_id=counter, range_role="begin")
        timexes[after] = attrs.evolve(second, range_id=counter, range_role="end",
                                      signal=None, signal_start=None, signal_end=None)
    return tuple(timexes)


_CLOCK_DAY_JOIN = lazy_compile(r"[ \t]*,?[ \t]*")
_DAY_WRITTEN_AFTER = lazy_compile(r"[ \t]*,?[ \t]*\d")


def day_of_clock_after(text: str, timexes: Sequence[Timex], i: int) -> bool:
    """Is the expression after the clock time ``timexes[i]`` the clock's own day, written right
    after it as a date of its own ("7pm on Friday" then "8 September")?"""
    if i + 1 >= len(timexes):
        return False
    clock, day = timexes[i], timexes[i + 1]
    return clock.type == "TIME" and day.type == "DATE" and day.range_id is None and (
        _FULL_DAY.match(day.value) is not None and clock.value[:10] == day.value
        and _CLOCK_DAY_JOIN.fullmatch(text, clock.end, day.start) is not None
    )
