"""A time expression as a cue cites it (chrono.cues.DateMention)."""

from __future__ import annotations

import datetime as dt

from chrono.cues import DateMention
from chrono.lazy_regex import lazy_compile
from chrono.model import Span
from chrono.tagger import Timex
from chrono.tagger.tense import AGAINST_TENSE, YEAR_SAID
from chrono.text.calendar_names import WEEKDAY_NUMBERS

_DAY = lazy_compile(r"\d{4}-\d\d-\d\d")
_FIGURE = lazy_compile(r"\d")
_WORD = lazy_compile(r"[A-Za-z]+")


def mention(timex: Timex) -> DateMention:
    """``timex`` (a DATE whose value starts with a year) as a cue cites it."""
    # (a year "last year's" names in the sentence is the text's own, not inferred)
    return DateMention(Span(timex.start, timex.end), timex.text, int(timex.value[:4]), _day(timex.value[:10]),
                       year_inferred=timex.anchor is not None and timex.note != YEAR_SAID, note=timex.note,
                       against_tense=timex.note in AGAINST_TENSE)


def _day(value: str) -> dt.date | None:
    if not _DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def weekday_pins_year(timex: Timex) -> bool:
    """"on Saturday, 10 April" whose weekday fits the year chosen and not the one before or
    after: the weekday states the year as surely as a written one."""
    day = _DAY.match(timex.value)
    if day is None or not _FIGURE.search(timex.text):
        return False  # (a bare "Tuesday" is placed by the tense: it pins nothing)
    named = [WEEKDAY_NUMBERS[w.lower()] for w in _WORD.findall(timex.text) if w.lower() in WEEKDAY_NUMBERS]
    if len(named) != 1:
        return False
    try:
        chosen = dt.date.fromisoformat(day.group())
        neighbours = [chosen.replace(year=chosen.year + step) for step in (-1, 1)]
    except ValueError:
        return False
    return chosen.weekday() == named[0] and all(d.weekday() != named[0] for d in neighbours)
