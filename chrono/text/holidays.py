"""Holidays named with a date ("Bastille Day, 14 July", "Good Friday (April 18)", "on 14 July,
Bastille Day,", "Thanksgiving Day falls on November 28", "On 27 March 1964, the Good Friday
earthquake"): the cues the holiday rule compares (chrono.cues.HolidayCue). The names are in
chrono/lang/en/prose/holidays.yaml, the days in chrono/data/holidays.yaml; the countries whose
holiday it may be are those the document names (chrono.places).

Only a date written right next to the name is taken as its day; words that make the date
another day ("the weekend after Easter", "Christmas Day (observed)") leave the pair alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs

from chrono.cues import HolidayCue
from chrono.holidays import fixed, holidays
from chrono.lazy_regex import lazy_compile
from chrono.model import Span
from chrono.places import Place
from chrono.tagger import Timex
from chrono.tagger.resources import trie_regex
from chrono.text.cue_dates import mention
from chrono.text.vocabulary import VocabularyError, alternation, longest_first, starts_word, vocabulary

_WORDS = vocabulary("holidays")
_DAY_VALUE = lazy_compile(r"(?:\d{4}|XXXX)-\d\d-\d\d\Z")
_NO_YEAR = "XXXX-"
_STAND_IN_YEAR = "2000"  # a leap year: any month and day is a day
_FIGURE = lazy_compile(r"\d")


@functools.cache
def _names() -> dict[str, tuple[str, tuple[int, int]]]:
    """name -> (holiday, spread)."""
    known = holidays()
    out: dict[str, tuple[str, tuple[int, int]]] = {}
    for name, spec in _WORDS.table("names").items():
        if isinstance(spec, dict):
            holiday, low, high = str(spec["holiday"]), *(int(x) for x in spec.get("spread", (0, 0)))
        else:
            holiday, low, high = str(spec), 0, 0
        if holiday not in known:
            raise VocabularyError(
                f"lang/en/prose/holidays.yaml: '{name}' names no holiday of data/holidays.yaml")
        out[str(name)] = (holiday, (low, high))
    return out


class _Patterns(NamedTuple):
    name: re.Pattern[str]
    name_then_date: re.Pattern[str]  # "Bastille Day, 14 July", "Good Friday (April 18)"
    date_then_name: re.Pattern[str]  # "on 14 July, Bastille Day,", "14 July (Bastille Day)"
    name_closes: re.Pattern[str]  # after such a name: its phrase ends
    event_lead: re.Pattern[str]  # "On 27 March 1964, the massive Good Friday earthquake"
    event_after: re.Pattern[str]
    not_the_day: re.Pattern[str]
    not_the_day_before: re.Pattern[str]  # … in the words before the name (no bare preposition)
    lead_preposition: re.Pattern[str]  # "until (the)" right before the name
    counted_before: re.Pattern[str]  # "two days ahead of" right before the name


def _before_words() -> str:
    """The words of `not_the_day` that keep their meaning before a name (not a bare preposition
    leading to it)."""
    lead = set(_WORDS.words("holiday_lead_prepositions"))
    return alternation(sorted(w for w in _WORDS.words("not_the_day") if w not in lead))


@functools.cache
def _patterns() -> _Patterns:
    links = alternation(longest_first(_WORDS.words("holiday_date_links")))
    leads = alternation(_WORDS.words("holiday_event_leads"))
    which = alternation(longest_first(_WORDS.words("holiday_which_links")))
    return _Patterns(
        name=lazy_compile(rf"(?:{trie_regex(_names())})(?![\w-])"),  # a word start checked on each match
        # ("Halloween night, Sunday 30 October": a part of the holiday's day may come between)
        name_then_date=lazy_compile(
            rf"(?:[ \t]+(?:{_WORDS.pattern('holiday_day_parts')}))?"
            rf"[ \t]*(?:[,:(—–][ \t]*|-[ \t]+|[ \t]+(?:{links})[ \t]+|[ \t]+)(?:on[ \t]+)?"
            rf"(?:(?:{_WORDS.pattern('holiday_date_articles')})[ \t]+)?"
            rf"|[ \t]*,[ \t]+(?:{which})[ \t]+"
            rf"(?:(?:{_WORDS.pattern('holiday_weather_articles')})(?:[ \t]+[a-z][\w-]*){{1,4}}[ \t]+)?"),
        # ("**Saturday 30 October.** Halloween, and …": an entry's label, then the name; its
        # marks may be blanked to spaces)
        # ("### Wednesday 13 July — Sant Aulari ¶ Bastille Day, and the town …": a heading that
        # is the date, and maybe a place, then the name opening the entry's first line)
        date_then_name=lazy_compile(
            r"[ \t]*(?:[,(—–:]|\.?(?:\*\*|__)|\.[ \t]{3}"
            r"|(?:[ \t]+[—–-][ \t]+[A-Z][^\n]{0,40})?[ \t]*\n[\s#*_]*)[ \t]*"),
        # (a place after it in a heading or a label: "Wednesday 30 December — Hogmanay in Stornoway")
        name_closes=lazy_compile(
            r"[ \t]*(?:[,.;:)—–\n]|\Z)"
            r"|[ \t]+(?:in|at)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*[ \t]*(?:\n|\Z)"),
        event_lead=lazy_compile(rf",?[ \t]+(?:(?:{leads})[ \t]+){{1,3}}\Z", re.IGNORECASE),
        event_after=lazy_compile(rf"[ \t]+(?:{_WORDS.pattern('holiday_events')})\b", re.IGNORECASE),
        not_the_day=lazy_compile(rf"\b(?:{_WORDS.pattern('not_the_day')})\b", re.IGNORECASE),
        not_the_day_before=lazy_compile(rf"\b(?:{_before_words()})\b", re.IGNORECASE),
        lead_preposition=lazy_compile(
            rf"\b(?:{_WORDS.pattern('holiday_lead_prepositions')})[ \t]+"
            rf"(?:(?:{_WORDS.pattern('holiday_date_articles')})[ \t]+)?\Z", re.IGNORECASE),
        counted_before=lazy_compile(
            rf"\b[\w-]+[ \t]+(?:{_WORDS.pattern('holiday_counted_units')})[ \t]+"
            rf"(?:{_WORDS.pattern('holiday_counted_relations')})[ \t]+\Z", re.IGNORECASE),
    )


def holiday_cues(text: str, timexes: Sequence[Timex], places: Sequence[Place]) -> Iterator[HolidayCue]:
    patterns = _patterns()
    found = [m for m in patterns.name.finditer(text) if starts_word(text, m.start())]
    if not found:
        return
    days = [t for t in timexes
            if t.type == "DATE" and _DAY_VALUE.match(t.value) and _FIGURE.search(t.text)]
    if not days:
        return
    countries = frozenset(place.country for place in places)
    table = {" ".join(name.split()): value for name, value in _names().items()}
    for match in found:
        date = _date_of(text, match, days, patterns)
        if date is None:
            continue
        holiday, spread = table[" ".join(match.group().split())]  # "Bastille  Day" too
        if date.value.startswith(_NO_YEAR):
            # no document date: "Boxing Day, 27 December" is still not the holiday's day, whatever
            # the year; the day stands in a leap year, its year marked as inferred
            if not fixed(holiday, countries):
                continue
            date = attrs.evolve(date, value=_STAND_IN_YEAR + date.value[4:], anchor=date.anchor or "DCT")
        mentioned = mention(date)
        if mentioned.day is None:
            continue
        yield HolidayCue(match.group(), Span(match.start(), match.end()), holiday, spread, mentioned,
                         countries)


_NAME_TO_DATE = 60  # the most characters between a holiday's name and its date
_DATING_PREPOSITION = lazy_compile(r"\b(?:on|at|during)[ \t]+\Z", re.IGNORECASE)
# after a name whose last word the date took: ", April 21"
_SHARED_WORD = lazy_compile(r"[ \t]*,[ \t]*")
# the words before a name that may make its date another day: "the Monday after Easter"
_LEAD = lazy_compile(r"(?:[\w'’-]+[ \t]+){1,3}\Z")


def _date_of(text: str, name: re.Match[str], days: Sequence[Timex], patterns: _Patterns) -> Timex | None:
    """The day written right next to the holiday's name, if it is the holiday's own."""
    start, end = name.start(), name.end()
    after = next((t for t in days if t.end > end and t.start > start), None)
    if after is not None and after.start < end:
        # "Easter Monday, April 21": the tagger read "Monday, April 21" as the date
        return after if _SHARED_WORD.match(text, end, after.end) else None
    before = next((t for t in reversed(days) if t.end <= start), None)
    lead = _LEAD.search(text, max(0, start - 30), start)
    # ("Christmas Eve, 23 December": the name's own "Eve" is not "the eve of" it)
    # ... and not the words of a phrase the name dates: "the town's Halloween parade on Halloween
    # night" (a preposition right before the name makes it the date of what comes before)
    before_words = text[lead.start() if lead else start:start]
    dated_by_name = _DATING_PREPOSITION.search(before_words) is not None
    # ("every weekend until Christmas Eve, Friday 23 December": only what the preposition leads)
    led = patterns.lead_preposition.search(before_words) is not None
    other_day = ((not (dated_by_name or led) and patterns.not_the_day_before.search(before_words) is not None)
                 or patterns.not_the_day.search(text[end:end + 12]) is not None)
    # ("two days ahead of Thanksgiving on Thursday, Nov. 21": the distance is the day before's;
    # the date after the name is the name's own)
    counted = patterns.counted_before.search(text, max(0, start - 40), start) is not None
    if (after is not None and after.start - end <= _NAME_TO_DATE
            and patterns.name_then_date.fullmatch(text, end, after.start)
            and not (other_day and not counted)
            and not patterns.not_the_day.search(text, end, after.start)):
        return after
    if before is None:
        return None
    if (start - before.end <= 60 and patterns.date_then_name.fullmatch(text, before.end, start)
            and patterns.name_closes.match(text, end) and not other_day):
        return before
    # "On 27 March 1964, the massive Good Friday earthquake": an event named after the holiday
    # it happened on, right after the date
    if (start - before.end <= 40 and patterns.event_lead.search(text, before.end, start)
            and patterns.event_after.match(text, end)
            and not patterns.not_the_day.search(text, before.end, start)):
        return before
    return None
