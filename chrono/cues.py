"""Cues: facts a reader found in the words that a rule may judge without the constraint network.

A reader says what the text states ("Monday, March 4, 2025": a weekday name written with a
date; "aged 80": an age, of the person born in 1931, in 2019); the rules compare and word the
findings (chrono/rules). The kinds of cue form a closed set, :data:`Cue`.
"""

from __future__ import annotations

import datetime as dt
import typing

import attrs

from chrono.model import Document, Span


@attrs.frozen
class DateMention:
    """A date the text gives, as a cue cites it."""

    span: Span
    text: str  # as written: "3 May 1931"
    year: int
    day: dt.date | None  # None when the date is coarser than a day ("1931", "May 1931")
    year_inferred: bool  # no year was written: it was taken from the document date or the narrative
    # how an inferred year was chosen, when that is doubtful or not the document's year
    # (chrono.tagger.Timex.note): "told as past, yet in the document's year it falls after …"
    note: str | None = None
    # the inferred year went against the tense (a past event on a day after the document date):
    # another year may be meant
    against_tense: bool = False


@attrs.frozen
class WeekdayCue:
    """A weekday name written with a full date: "Monday, March 4, 2025", "Tuesday 22 October"."""

    name: str  # as written: "Monday"
    name_span: Span
    weekday: int  # the day of the week the name says, Monday = 0
    date: DateMention  # its day is known
    # told as still to come in the words before it ("The society's next talk is on Tuesday 9
    # March"): under a text of another time, maybe a day of the document's own weeks
    upcoming: bool = False
    # the years written just before it ("You were a child in 1969. … The landing was on Sunday
    # 20 July"): a year-less date may be of one of them rather than of the document's year
    years_before: tuple[int, ...] = ()
    # the Decembers of the years the story wrote before it, further back ("30 December 1978 … due
    # to reopen on Thursday 4 January"): a January day may be of the year after one of them
    decembers_before: tuple[int, ...] = ()


@attrs.frozen
class AgeCue:
    """An age stated for the one person whose birth date the document gives ("born in 1931 …
    She died in 2019, aged 80"), at a date of the text or, when ``at`` is None, at the
    document date ("Jan Novak, 52, was born in 1968")."""

    span: Span  # the words of the age
    age: int
    born: DateMention
    at: DateMention | None
    # the date stands in a participle clause after the age ("At 34 she moved, arriving in
    # January 2008"), which may tell a later event ("…, graduating in 2000"): a doubt
    uncertain: bool = False
    # the age of a news lede ("Dana Reeve, 46, appeared in court on Friday 26 August"), which
    # a reporter gives at the date told or at the document date, days later: either fits
    or_now: bool = False


@attrs.frozen
class AnniversaryCue:
    """An anniversary counted from a date of the text ("the 50th anniversary of its founding in
    1975"), marked on a date of the same sentence or, when ``on`` is None, on the document
    date ("this year marks the 50th anniversary …")."""

    span: Span  # "50th anniversary"
    ordinal: str  # as written: "50th", "fiftieth"
    count: int
    since: DateMention
    on: DateMention | None
    noun: str = "anniversary"  # or "birthday" ("on her 60th birthday, in May 2020")


@attrs.frozen
class ElapsedCue:
    """Years counted since a date of the text ("it is five years since the 2019 fire", "in the
    30 years since the act became law", "the bridge, opened in July 1964, turns 60 this year"),
    at a date written in the sentence or, when ``at`` is None, at the document date."""

    span: Span  # "five years since", "turns 60"
    words: str  # as written: "five years since"
    count: int
    since: DateMention
    at: DateMention | None
    # how many years the count may be off: "five years since" may be rounded either way (1);
    # "turns 60 this year" is exact (0), and a year either way at the document date (1)
    slack: int = 1
    # a headline's count of the years a thing has been out ("4 years of Rust"): the years from
    # its day to the document's, completed or rounded, a month either way
    headline: bool = False


@attrs.frozen
class AgesApartCue:
    """Two ages of one person told in one sentence, one at the document date and one at a date
    the sentence gives ("Liam Cotter, now 21, of Fenwick Close, was 17 at the time of the attack
    in August 2018"): the time between the dates bounds how much older the person became."""

    span: Span  # the earlier age: "was 17"
    age_then: int
    then: DateMention
    now_span: Span  # "now 21"
    age_now: int


@attrs.frozen
class HolidayCue:
    """A holiday named with the date it fell or falls on: "Bastille Day, 14 July", "Good Friday
    (April 18)", "on 14 July, Bastille Day", "On 27 March 1964, the Good Friday earthquake"."""

    name: str  # as written: "Bastille Day"
    name_span: Span
    holiday: str  # its key in chrono/data/holidays.yaml
    spread: tuple[int, int]  # days before and after the holiday the name may cover ("Easter": -3, 1)
    date: DateMention  # its day is known
    countries: frozenset[str]  # the countries the document names (ISO codes): whose holiday it may be


@attrs.frozen
class SeasonCue:
    """A season or a quarter that the words put together with a month or a day: "That summer,
    on 20 December", "last summer, at their meeting on 14 November", "the Q3 outage in May"."""

    period_text: str  # as written: "That summer", "Q3"
    period_span: Span
    kind: str  # "season" or "quarter"
    which: str  # SP, SU, FA, WI, or the quarter's number "1" … "4"
    period_year: int | None  # None when the year was not written
    date_text: str  # the month or day, as written: "14 November 2023", "May"
    date_span: Span
    date_year: int | None  # None when the year was not written
    month: int  # the date's month
    # the hemispheres whose seasons the places of the text give (north, south), or the
    # configured one; a quarter's: none
    hemispheres: frozenset[str]
    quarter_start: int = 1  # the month a quarter's year starts in (a fiscal year stated in the text)
    # the hemisphere is the configured one, assumed: the text names only a place found in both
    # hemispheres ("Victoria") and none was stated
    assumed: bool = False
    # the hemisphere is the one of the places near the season, but the text names places of the
    # other one too (a trip to New Zealand told from Britain): which the season is of is a doubt
    mixed: bool = False


Cue = WeekdayCue | AgeCue | AgesApartCue | AnniversaryCue | ElapsedCue | HolidayCue | SeasonCue
CUE_TYPES: tuple[type[Cue], ...] = typing.get_args(Cue)


def document_day(document: Document) -> str | None:
    """The document date as a day ("2025-04-24"): what a prose reader resolves the text against,
    and what a cue without its own date (``AgeCue.at is None``) is stated at."""
    if document.dct is None or not document.dct_value:
        return None
    return document.dct_value[:10]
