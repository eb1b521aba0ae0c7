"""A time expression as a cue cites it (chrono.cues.DateMention)."""

from __future__ import annotations

import datetime as dt

from chrono.cues import DateMention
from chrono.lazy_regex import lazy_compile
from chrono.model import Span
from chrono.tagger import Timex
from chrono.tagger.tense import AGAINST_TENSE, YEAR_SAID

_DAY = lazy_compile(r"\d{4}-\d\d-\d\d")


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
