"""What every action works with: the context of a text, the pieces actions produce, the
exception that turns a match down."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Protocol

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.regex_cache import compile_kept
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


class Frames(Protocol):
    """The layout's blocks as the tagger walks the text (:class:`chrono.tagger.frames.Frames`)."""

    def at(self, ctx: Context, offset: int) -> None: ...

    def offer(self, ctx: Context, start: int, end: int, anchor: Anchor, role: str | None = None) -> None: ...

    def leads(self, start: int, end: int) -> bool: ...

    def dateline_opened_by(self, start: int) -> bool: ...

    def heading_between(self, start: int, end: int) -> bool: ...

    def entry_within(self, start: int, end: int) -> bool: ...

    def in_entry(self, start: int) -> bool: ...

    def in_item(self, offset: int) -> bool: ...

    def section_year(self, month: int) -> int | None: ...

    @property
    def last_entry(self) -> Anchor | None: ...

    @property
    def last_entry_end(self) -> int: ...

    @property
    def day_count(self) -> tuple[int, dt.date] | None: ...

    @property
    def letter_end(self) -> int: ...


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
    # The day last set as ``day_ref`` by a birth ("born Jan. 9, 1950"): a profile jumps from it
    # to now, so it is no day a story is told on, day by day.
    born_day: Anchor | None = None
    # The last clock time the text stated ("at 9 p.m." on a known day) and its zone suffix:
    # "two hours later" counts from it.
    clock: tuple[dt.datetime, str] | None = None
    # The reference time the layout gives (chrono.tagger.frames): the date of the innermost
    # heading or entry around, and its day when it names one (an entry "OCT. 12, 2021:", a
    # dateline): deictic words and tense-chosen years count from that day instead of the DCT.
    frames: Frames | None = None
    frame: Anchor | None = None
    frame_day: dt.date | None = None
    # Whether that day opens a week ("## Week 10: beginning Monday 8 March"): a bare weekday
    # under it is one of that week's days, on or after it
    frame_week: bool = False
    # Whether ``ref`` was counted from the story by a relative expression ("the next year"),
    # and the last reference the text stated outright (ref, ref_start, ref_end, day_ref): a
    # new paragraph counts from that one, not from the end of a chain that drifts.
    ref_derived: bool = False
    explicit: tuple[Anchor | None, int, int, Anchor | None] = (None, -1, -1, None)
    # The first date the text writes out in full (its year stated): the time a story of another
    # time is set in ("When Vale kicked off on 15 August 1987, …").
    first_written: Anchor | None = None
    # The last date of that time (within a year of it): where a story of another time resumes
    # after its frame spoke from the document's date ("… is published this month. ¶ *June 2.*").
    story_era: Anchor | None = None
    story_era_end: int = -1  # where the words that told it end
    # whether it was counted back from now ("A hundred and twenty-five years ago this summer"):
    # the frame's later plain years ("came to the library in 1961") do not move it
    story_era_counted: bool = False
    # the day such a count names ("Fifty years ago today"), kept when later times move the era
    counted_day: Anchor | None = None
    chain_checked: int = -1
    # The day and hour of the last clock time placed on the story's day: a list of times that
    # runs past midnight goes on into the next day.
    last_clock: tuple[dt.date, int] | None = None
    # The story's day a list of clock times last ran past midnight from: its next entries go on
    # in the new day while the story's day stays that one.
    clock_rolled_from: dt.date | None = None
    # The last clock time of the prose, where it ends, its day and hour: "began at 7.32pm on
    # Saturday and ended at 12.49am" runs past midnight.
    prose_clock: tuple[int, dt.date, int] | None = None
    # The days clock times were given with, by the time ("from 22:41 on Tuesday 2 April"): the
    # first entry of a timeline at that time is on that day.
    clock_days: dict[str, dt.date] = attrs.field(factory=dict)
    # the day of the last clock time read, and where it ends: "- **23:15** … ¶ - **01:05**
    # (Wednesday)" goes on from it
    clock_entry: tuple[int, dt.date] | None = None
    # the days the text writes out in full with their year, read once: for each day and month,
    # where each telling ends and the one year told up to there (0 when several)
    full_days: dict[tuple[int, int], tuple[list[int], list[int]]] | None = None
    # The year the text last wrote out ("in the summer of 2018") and where: "that year" names it
    # when only dates counted from the DCT came after ("which opened on 4 November").
    written_year: tuple[int, int] | None = None
    # The day before the DCT when the text has said "last night" or "yesterday evening": a list
    # of clock times opened by an evening hour after it began that night ("This live page ran
    # from the close of polls last night … ¶ **22:00** Polls have closed").
    eve_before: dt.date | None = None
    # The days the last paragraph named, and where its last one ended: a frame that names two
    # days in a row ("started the shift on Tuesday the 14th and finished it on the Wednesday
    # morning") opens the list of clock times after it on the first.
    frame_days: list[dt.date] = attrs.field(factory=list)
    # ... the same days once each (what is asked of them most: which there are, not how often)
    frame_day_set: set[dt.date] = attrs.field(factory=set)
    # every day the text has told so far: a timeline's "| Sat 23:30 |" is the one Saturday among them
    told_days: set[dt.date] = attrs.field(factory=set)
    frame_days_end: int = -1
    # The days of the last range the text wrote out ("runs from Friday 6 September to Sunday 8
    # September") and where it ended: a bare "on Sunday afternoon" soon after is its Sunday.
    range_days: tuple[dt.date, ...] = ()
    range_days_end: int = -1
    # where the last expression read from the day of a story's entry ended ("tomorrow", "this
    # week" in a letter of 1968): no sign the text has come back to its own date
    story_told_end: int = -1
    # whether ``ref`` rests on a guess ("the summer the Lenn stopped flowing": some summer), which
    # a date written out after it may replace even as a bound ("since the middle of May 1976")
    ref_guessed: bool = False
    # Whether ``ref`` counts from the document's date ("last spring"), and the last reference
    # that does not: "that January" points away from now, to the time the story was last in
    # ("the volume for 1953, found last spring … extracts from that January").
    ref_from_now: bool = False
    distal_ref: Anchor | None = None
    # The narrative state before a look back told in the pluperfect ("… on Tuesday 12 November.
    # The agency had issued a warning on the Sunday evening"), and where that sentence ends: the
    # next sentence that does not go on in the pluperfect is back on the story's day.
    look_back: tuple[tuple[object, ...], int] | None = None

    def base(self) -> dt.date:
        """The day deictic expressions count from: the DCT, or the day of the entry around."""
        return self.frame_day or self.dct

    def at(self, offset: int) -> None:
        """Called before the expression at ``offset`` is read: enter and leave the layout's
        blocks, and let a new paragraph drop a reference a chain of relative expressions made."""
        if self.frames is not None:
            self.frames.at(self, offset)
        if self.ref_derived:
            self._end_chain(offset)
        if self.story_era is not None and self.ref is not None and self.ref_end < offset:
            self._back_to_the_story(offset)

    def _back_to_the_story(self, offset: int) -> None:
        """"Seventy years ago tonight, the sea wall gave way. … spoke to our reporter last
        week. ¶ "I was nine that winter. It was a Saturday night …": a witness's paragraph after
        the frame's own days (near the document's) speaks of the story's time, years back."""
        era, ref = self.story_era, self.ref
        if era is None or ref is None:
            return
        base = self.base().year
        if base - era.day.year < _STORY_ERA_YEARS or abs(ref.day.year - base) >= 2:
            return
        breaks = list(_PARAGRAPH.finditer(self.text, self.ref_end, offset))
        if not breaks:
            return
        opening = breaks[-1].end()
        if self.text[opening:opening + 2].lstrip()[:1] not in _QUOTE_OPENERS:
            return
        self.ref, self.ref_start, self.ref_end = era, self.story_era_end, self.story_era_end
        self.day_ref = era if era.gran == "D" else None
        self.distal_ref = era
        self.ref_from_now = False
        self.ref_derived = False

    def _end_chain(self, offset: int) -> None:
        start = max(self.ref_end, self.chain_checked)
        if start < offset and _PARAGRAPH.search(self.text, start, offset) is not None:
            day_ref = self.day_ref
            self.ref, self.ref_start, self.ref_end, self.day_ref = self.explicit
            if self.day_ref is None and day_ref is not None and _within(day_ref, self.ref):
                # "Last August … on the 9th … That evening … ¶ ## The gorge ¶ The next morning":
                # the last day the story named in the month the written reference names
                self.day_ref = day_ref
            self.ref_derived = False
        self.chain_checked = offset

    def saved(self) -> tuple[object, ...]:
        """The narrative state, to restore when a block that set its own reference ends."""
        return (self.ref, self.ref_start, self.ref_end, self.day_ref, self.clock, self.ref_derived,
                self.explicit)

    def restore(self, state: tuple[object, ...]) -> None:
        (self.ref, self.ref_start, self.ref_end, self.day_ref, self.clock, self.ref_derived,
         self.explicit) = state  # type: ignore[assignment]

    def story_day(self) -> Anchor | None:
        """The day the story was last on: the reference time when it is a day, else the last
        day it named ("On 2 April ... It was built in 2008. The following morning ...")."""
        if self.ref is not None and self.ref.gran == "D":
            return self.ref
        return self.day_ref

    def speaks_from_now(self, start: int, end: int) -> bool:
        """Whether the text between ``start`` and ``end`` speaks from its own date ("yesterday",
        "last week", a weekday, the DCT's year): a story told from a time years away has come
        back to the document's time there."""
        if not self.is_news():
            return False  # (the whole text has no such word: most stories set years away)
        between = self.text[max(0, start):end]
        return _news_regex(self.res).search(between) is not None or str(self.dct.year) in between

    def is_news(self) -> bool:
        """Whether the text speaks from its own date ("yesterday", "last week", a weekday):
        then year-less dates are read from the DCT, not from the story's last year."""
        if self.news is None:
            # Naming the DCT's own year ("its 2024 outlook") also ties the text to its date.
            self.news = _news_regex(self.res).search(self.text) is not None or (
                str(self.dct.year) in self.text)
        return self.news


_PARAGRAPH = lazy_compile(r"\n[ \t]*\n")
_QUOTE_OPENERS = frozenset('"“')
# how many years back a story's time must be for a witness's paragraph to go back to it
_STORY_ERA_YEARS = 20


def _within(day: Anchor, period: Anchor | None) -> bool:
    """Does the day ``day`` lie in the month ``period`` names?"""
    return period is not None and period.gran == "M" and (day.day.year, day.day.month) == (
        period.day.year, period.day.month)


@functools.lru_cache(maxsize=8)
def _news_regex(res: Resources) -> re.Pattern[str]:
    words = res.classes.get("news_marker", {})
    if not words:
        return re.compile(r"(?!)")
    # "the next year" is the story's, not the DCT's; "every Saturday morning" is any week's.
    # ("School started the following Tuesday", "that Monday": the story's week, not now's)
    articles = "".join(rf"(?<!\b{re.escape(word)} )" for word in (
        *res.classes.get("article_definite", {}), *res.classes.get("set_quantifier", {}),
        *res.classes.get("story_weekday_lead", {})))
    return compile_kept(r"(?<!\w)" + articles + "(?:" + trie_regex(words) + r")(?!\w)", re.IGNORECASE)
