"""Weekday names written with a full date ("Monday, March 4, 2025", "Tuesday 22 October", "on
4 March 2025, a Monday,", "4 March (Monday)"): the cues the weekday rule compares
(chrono.cues.WeekdayCue)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from chrono.cues import WeekdayCue
from chrono.lazy_regex import lazy_compile
from chrono.model import Span
from chrono.tagger import Timex
from chrono.text.calendar_names import INDEFINITE_ARTICLES, WEEKDAY_DAY_ARTICLE, WEEKDAYS
from chrono.text.cue_dates import mention
from chrono.text.vocabulary import alternation, longest_first

_DAY_NAME = alternation(longest_first(WEEKDAYS))
_FULL_DATE = lazy_compile(r"\d{4}-\d\d-\d\d")
_FIGURE = lazy_compile(r"\d")
_WEEKDAY_FIRST = lazy_compile(rf"({_DAY_NAME})\b")
_WEEKDAY_BEFORE = lazy_compile(rf"\b({_DAY_NAME})\b,?\s*(?:(?:{WEEKDAY_DAY_ARTICLE})\s+)?\Z")
# after the date: "4 March 2025, a Monday," (the name then ends its phrase: not "a Monday
# newspaper") or "4 March (Monday)"
_WEEKDAY_AFTER = lazy_compile(
    rf"(?:,[ \t]*(?:{alternation(INDEFINITE_ARTICLES)})[ \t]+({_DAY_NAME})(?=[ \t]*(?:[,.;:)\]—–]|\Z))"
    rf"|[ \t]*\([ \t]*({_DAY_NAME})\.?[ \t]*\))"
)


def weekday_cues(text: str, timexes: Sequence[Timex]) -> Iterator[WeekdayCue]:
    for timex in timexes:
        if timex.type != "DATE" or not _FULL_DATE.fullmatch(timex.value):
            continue
        if timex.anchor is not None and not _FIGURE.search(timex.text):
            continue  # no day in figures ("Monday", "next Monday"): the date was found from the weekday
        named = _WEEKDAY_FIRST.match(timex.text)
        start = timex.start
        if named is None:
            before = _WEEKDAY_BEFORE.search(text, max(0, timex.start - 16), timex.start)
            if before is not None:
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
        yield WeekdayCue(name, Span(start, start + len(name)), WEEKDAYS[name], date)
