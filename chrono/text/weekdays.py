"""Weekday names written with a full date ("Monday, March 4, 2025", "Tuesday 22 October", "on
4 March 2025, a Monday,", "4 March (Monday)", or a table row whose cells give the date and its
weekday): the cues the weekday rule compares (chrono.cues.WeekdayCue)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from chrono.cues import WeekdayCue
from chrono.layout import Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.model import Span
from chrono.tagger import Timex
from chrono.text.calendar_names import (
    INDEFINITE_ARTICLES,
    MONTHS,
    WEEKDAY_DAY_ARTICLE,
    WEEKDAY_DAY_PARTS,
    WEEKDAYS,
)
from chrono.text.cue_dates import mention
from chrono.text.vocabulary import alternation, longest_first, vocabulary

_DAY_NAME = alternation(longest_first(WEEKDAYS))
_HOLIDAY_RULE = "holiday"  # the tagger's rule for a named holiday (chrono/lang/en/patterns.yaml)
# ... and for a day of the month a letter names by its own date ("Wednesday, the 16th inst.")
_LETTER_MONTH_RULE = "day_of_letter_month"
_FULL_DATE = lazy_compile(r"\d{4}-\d\d-\d\d")
# "is on", "will be held on": a day told as still to come
_UPCOMING_BEFORE = lazy_compile(
    rf"\b(?:{vocabulary('calendar').pattern('upcoming_before_weekday')})\s+(?:on\s+)?\Z", re.IGNORECASE)
_FIGURE = lazy_compile(r"\d")
# a year written out in the words before a weekday date, and how far back (characters)
WRITTEN_YEAR = lazy_compile(r"(?<![\w-])(1[5-9]\d\d|20\d\d)(?![\w-])")
_YEARS_REACH = 400
# "30 December 1978", "December 1978": a December written with its year, and how far before a
# January date it may stand
_DECEMBER_WRITTEN = lazy_compile(
    r"\bDec(?:ember|\.)?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?((?:1[6-9]|20)\d\d)\b")
_DECEMBERS_REACH = 2000
# a month the words write out: a name ("13 October"), or figures ("13/10", "2023-10-13")
_MONTH_WRITTEN = lazy_compile(rf"\b(?:{alternation(longest_first(MONTHS))})\b|\d[./-]\d", re.IGNORECASE)
_WEEKDAY_FIRST = lazy_compile(rf"({_DAY_NAME})\b")
_WEEKDAY_INSIDE = lazy_compile(rf"\b({_DAY_NAME})\b")
# (or its date in brackets after it: "on Sunday night (March 6)")
_WEEKDAY_BEFORE = lazy_compile(
    rf"\b({_DAY_NAME})\b(?:,?\s*(?:(?:{WEEKDAY_DAY_ARTICLE})\s+)?|\s+(?:{WEEKDAY_DAY_PARTS}),\s*"
    rf"|(?:\s+(?:{WEEKDAY_DAY_PARTS}))?\s*\(\s*)\Z"
)
# "Saturday and " before a weekday: two weekdays joined, each with its own day
_WEEKDAY_JOINED = lazy_compile(rf"\b(?:{_DAY_NAME})\s+[^\W\d]{{1,3}}\s+\Z|\b(?:{_DAY_NAME})\s*&\s*\Z")
# after the date: "4 March 2025, a Monday," (the name then ends its phrase: not "a Monday
# newspaper") or "4 March (Monday)"
_WEEKDAY_AFTER = lazy_compile(
    rf"(?:,[ \t]*(?:{alternation(INDEFINITE_ARTICLES)})[ \t]+({_DAY_NAME})(?=[ \t]*(?:[,.;:)\]—–]|\Z))"
    rf"|[ \t]*\([ \t]*({_DAY_NAME})\.?[ \t]*\))"
)


def weekday_cues(text: str, timexes: Sequence[Timex]) -> Iterator[WeekdayCue]:
    starts = [t.start for t in timexes]

    def in_another(offset: int, own: Timex) -> bool:
        # "Good Friday, 3 April", "Easter Monday, 6 April": the day's name is a holiday's
        i = bisect_left(starts, offset + 1) - 1
        return i >= 0 and timexes[i] is not own and timexes[i].rule == _HOLIDAY_RULE and (
            timexes[i].start <= offset < timexes[i].end)

    for timex in timexes:
        if timex.type == "TIME" and _FULL_DATE.match(timex.value):
            # "8:20 a.m. on Wednesday, October 8": the weekday of the day the time is on
            named = _WEEKDAY_INSIDE.search(timex.text)
            date = mention(timex)
            if named is not None and date.day is not None and _FIGURE.search(timex.text, named.end()):
                start = timex.start + named.start(1)
                yield WeekdayCue(named.group(1), Span(start, start + len(named.group(1))),
                                 WEEKDAYS[named.group(1)], date)
            continue
        if timex.type != "DATE" or not _FULL_DATE.fullmatch(timex.value):
            continue
        if timex.anchor is not None and not _FIGURE.search(timex.text):
            continue  # no day in figures ("Monday", "next Monday"): the date was found from the weekday
        if timex.range_id is None and timex.rule != _LETTER_MONTH_RULE and not _MONTH_WRITTEN.search(
            timex.text
        ):
            continue  # "on Friday the 13th": its month was the reader's guess, not the writer's
        named = _WEEKDAY_FIRST.match(timex.text)
        start = timex.start
        if named is not None and timex.range_id is not None and _WEEKDAY_JOINED.search(
            text, max(0, timex.start - 16), timex.start
        ):
            continue  # "this Saturday and Sunday, 26 and 27 March": the two days go with the two names
        if named is None:
            before = _WEEKDAY_BEFORE.search(text, max(0, timex.start - 28), timex.start)
            bracketed_range = before is not None and "(" in before.group() and timex.range_id is not None
            paired = before is not None and _WEEKDAY_JOINED.search(
                text, max(0, before.start() - 16), before.start())
            if before is not None and not in_another(before.start(), timex) and not (
                bracketed_range or paired
            ):
                # (not "on Tuesday and Wednesday (Feb 17-18)", "this Saturday and Sunday, 26 and 27
                # March": two weekdays, two days)
                named, start = before, before.start()
        if named is None:
            after = _WEEKDAY_AFTER.match(text, timex.end)
            if after is None:
                continue
            group = 1 if after.group(1) else 2
            name = after.group(group)
            date = mention(timex)
            if date.day is not None:
                yield WeekdayCue(name, Span(after.start(group), after.end(group)), WEEKDAYS[name], date)
            continue
        name = named.group(1)
        date = mention(timex)
        if date.day is None:
            continue
        upcoming = _UPCOMING_BEFORE.search(text, max(0, start - 30), start) is not None
        years = tuple(int(y) for y in WRITTEN_YEAR.findall(text, max(0, start - _YEARS_REACH), start))
        decembers = tuple(int(m.group(1)) for m in _DECEMBER_WRITTEN.finditer(
            text, max(0, start - _DECEMBERS_REACH), start)) if date.day.month == 1 else ()
        yield WeekdayCue(name, Span(start, start + len(name)), WEEKDAYS[name], date, upcoming, years,
                         decembers)


_CALENDAR = vocabulary("calendar")
_TODAY = lazy_compile(rf"(?:{_CALENDAR.pattern('today_words')})\Z", re.IGNORECASE)
# "today, Saturday, the quay …": the weekday set off right after "today"
_WEEKDAY_APPOSED_TO_TODAY = lazy_compile(rf",[ \t]*({_DAY_NAME})(?=[ \t]*[,;:.—–])")
# "Being Sunday, no hammering today": the weekday of the day told, in the sentence of "today"
_WEEKDAY_OF_TELLING = lazy_compile(
    rf"(?:^|(?<=[.!?\n]\s)|\n)[ \t]*(?:{_CALENDAR.pattern('today_weekday_leads')})[ \t]+({_DAY_NAME})\b"
    rf"(?=[^.!?\n]*\Z)",
    re.IGNORECASE,
)
_TELLING_REACH = 120  # characters before "today" where the weekday of the telling may stand


def today_weekday_cues(text: str, timexes: Sequence[Timex]) -> Iterator[WeekdayCue]:
    """The weekday a text says "today" is ("today, Saturday, the quay was full"; "Being Sunday, no
    hammering today"), against the day "today" names: a diary entry's, under its dated heading,
    or the document's."""
    for timex in timexes:
        if timex.type != "DATE" or not _FULL_DATE.fullmatch(timex.value) or not _TODAY.match(timex.text):
            continue
        date = mention(timex)
        if date.day is None:
            continue
        named = _WEEKDAY_APPOSED_TO_TODAY.match(text, timex.end)
        if named is None:
            named = _WEEKDAY_OF_TELLING.search(text, max(0, timex.start - _TELLING_REACH), timex.start)
        if named is None or named.group(1) not in WEEKDAYS:
            continue
        yield WeekdayCue(named.group(1), Span(named.start(1), named.end(1)), WEEKDAYS[named.group(1)], date)


_CELL_WEEKDAY = lazy_compile(rf"\W*({_DAY_NAME})\.?\W*")


def row_weekday_cues(text: str, layout: Layout, timexes: Sequence[Timex]) -> Iterator[WeekdayCue]:
    """"| 3 May 2025 | Friday | Final |": a table row with one full date in one cell and a
    weekday alone in another names the date's weekday."""
    cells: dict[int, list[tuple[int, int]]] = {}
    for block in layout.blocks:
        if block.kind is Kind.CELL and layout.blocks[block.parent].kind is Kind.ROW:
            cells.setdefault(block.parent, []).append((block.start, block.end))
    if not cells:
        return
    starts = [t.start for t in timexes]
    for row in cells.values():
        named = [(start, m) for start, end in row
                 if (m := _CELL_WEEKDAY.fullmatch(text, start, end)) is not None]
        if len(named) != 1:
            continue
        weekday_start = named[0][0]
        row_start, row_end = row[0][0], row[-1][1]
        dated = [
            t for t in timexes[bisect_left(starts, row_start):bisect_left(starts, row_end)]
            if not (weekday_start <= t.start < weekday_start + len(named[0][1].group(0)))
        ]
        if len(dated) != 1:
            continue
        timex = dated[0]
        if timex.type != "DATE" or timex.range_id is not None or not _FULL_DATE.fullmatch(timex.value) or (
            not _FIGURE.search(timex.text) or _WEEKDAY_FIRST.match(timex.text)
        ):
            continue  # a weekday written with the date itself is read with it
        date = mention(timex)
        if date.day is None:
            continue
        match = named[0][1]
        name = match.group(1)
        yield WeekdayCue(name, Span(match.start(1), match.end(1)), WEEKDAYS[name], date)
