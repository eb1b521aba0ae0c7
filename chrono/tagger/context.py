"""What every action works with: the context of a text, the pieces actions produce, the
exception that turns a match down."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

import attrs

from chrono.tagger.calendar import Anchor
from chrono.tagger.resources import Resources, trie_regex

__all__ = ["REF_VALUES", "Action", "Context", "Fields", "Piece", "Reject", "Spans"]

Fields = dict[str, str]
Spans = dict[str, tuple[int, int]]
# An action: (context, the rule's TIMEX3 type, fields, their spans, start, end) -> pieces.
Action = Callable[["Context", str, Fields, Spans, int, int], list["Piece"]]

REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


class Reject(Exception):
    """The match is not a temporal expression after all."""


@attrs.frozen
class Piece:
    """One expression produced by an action (ranges produce two)."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    ambiguous: bool = False
    temporal_function: bool = False
    role: str | None = None
    guessed: bool = False
    # The value as far as the text states it, for a document without a DCT ("XXXX-03-12",
    # "XXXX-WXX-5"); None: every digit depends on the DCT.
    shape: str | None = None
    # How a year the words leave open was chosen, when that is worth saying (Timex.note).
    note: str | None = None
    # The period is a fiscal one ("fiscal 2025", "FY24"): its months are not the calendar's.
    fiscal: bool = False
    # Moves the story on: later expressions count from this one ("two days later ... that
    # evening"). Dates always do; a counted offset only when it narrates, not compares.
    narrates: bool = False


@attrs.define
class Context:
    """What normalization needs beyond the match: the text, the DCT (a stand-in day when the
    caller has none; values that depend on it are masked afterwards) and the narrative
    reference time."""

    res: Resources
    text: str
    dct: dt.date
    dct_time: str | None
    day_first: bool
    ref: Anchor | None = None
    # The last quarter (or half) the text named and where it ended: the period a financial
    # report is about, which "a year ago" compares with even after a closing date was named.
    period: Anchor | None = None
    period_end: int = -1
    # Set when the last year/weekday resolution had no tense evidence to go on.
    guessed: bool = False
    # What a reader should know of the year the last resolution chose (see Timex.note).
    note: str | None = None
    # Where the expression that set ``ref`` stands in the text.
    ref_start: int = -1
    ref_end: int = -1
    news: bool | None = None
    day_ref: Anchor | None = None
    # The last clock time the text stated ("at 9 p.m." on a known day) and its zone suffix:
    # "two hours later" counts from it.
    clock: tuple[dt.datetime, str] | None = None

    def base(self) -> dt.date:
        return self.dct

    def story_day(self) -> Anchor | None:
        """The day the story was last on: the reference time when it is a day, else the last
        day it named ("On 2 April ... It was built in 2008. The following morning ...")."""
        if self.ref is not None and self.ref.gran == "D":
            return self.ref
        return self.day_ref

    def is_news(self) -> bool:
        """Whether the text speaks from its own date ("yesterday", "last week", a weekday):
        then year-less dates are read from the DCT, not from the story's last year."""
        if self.news is None:
            # Naming the DCT's own year ("its 2024 outlook") also ties the text to its date.
            self.news = _news_regex(self.res).search(self.text) is not None or (
                str(self.dct.year) in self.text)
        return self.news


@functools.lru_cache(maxsize=8)
def _news_regex(res: Resources) -> re.Pattern[str]:
    words = res.classes.get("news_marker", {})
    if not words:
        return re.compile(r"(?!)")
    # "the next year" is the story's, not the DCT's.
    articles = "".join(rf"(?<!\b{re.escape(word)} )" for word in res.classes.get("article_definite", {}))
    return re.compile(r"(?<!\w)" + articles + "(?:" + trie_regex(words) + r")(?!\w)", re.IGNORECASE)
