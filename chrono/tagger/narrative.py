"""From the scanner's pieces to :class:`Timex` records, keeping the story's time.

The scanner yields each expression's pieces in text order; here each becomes a Timex with its
signal, and the values that can serve as the narrative reference time ("a year later", "the
following month", "that day" count from it) move the context on: the last absolute date,
month, quarter or year, the last day, and the last finished quarter a report is about.

The layout's reference times (:mod:`chrono.tagger.frames`) place what the DCT alone cannot: a
date without a year under a heading that is a year or a month takes that year ("March 4" under
"## 2011"), a bare weekday under a week heading is that week's day, and an entry's day is what
"yesterday" or "the next day" count from there. Outside any dated block, a date without a year
told in a story set years away from the DCT, shortly after the story's last day, takes the
story's year ("On 9 May 1998 … Two days later … 11 May"). A reference that a
relative expression counted from the story lasts to the end of its paragraph: the next one
counts from the last date the text stated (:meth:`Context.at`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.tagger.calendar import GRANULARITY, Anchor, add_months, parse_anchor, shift
from chrono.tagger.context import REF_VALUES, Context, Piece
from chrono.tagger.normalize import DATE_ACTIONS
from chrono.tagger.passes import close_period
from chrono.tagger.relative import FOUR_DIGIT_YEAR, completed
from chrono.tagger.resources import Resources, Rule, words_regex
from chrono.tagger.scanner import Scanner, scan
from chrono.tagger.tense import (
    BIRTH_LEAD,
    ERA_GRANULARITIES,
    LONG_AGO_YEARS,
    PARAGRAPH_BREAK,
    STORY_GRANULARITIES,
    day_told_before_pluperfect,
    tense,
    written_weekday,
)
from chrono.tagger.timex import Timex

__all__ = ["tell"]

# A quarter or half year: the period a financial report is about.
_PERIOD_VALUE = lazy_compile(r"\d{4}-[QH]\d\Z")
# "had been isolated for maintenance on …": a pluperfect clause that the date ends
_PLUPERFECT_BEFORE = (r"\b(?:{tense_past_perfect})\s+(?:(?:{pluperfect_passive})\s+)?"
                      r"[a-z]+(?:{participle_ending_loose})\b[^.;:!?\n]*?\b(?:{look_back_preposition})\s+\Z")
_PERIOD_ACTIONS = frozenset({*DATE_ACTIONS, "rel_unit"})
# Expressions whose value can serve as the narrative reference time for later ones.
_REFERENCE_ACTIONS = frozenset({*DATE_ACTIONS, "numeric", "day_range", "day_range_md", "year_range"})
# Actions whose words state the day itself (a weekday and its date), taking only its month (and
# year) from the story; not a bare "the 5th", as often a look back ("the vote on the 5th")
_STATED_DAY_ACTIONS = frozenset({"weekday_day_of_story"})
# Rules whose expressions look aside from the story's day without moving it ("the evening before")
_ASIDE_RULES = frozenset({"part_step", "weekday_elided_order"})
_BIRTH_SET_OFF = r",[ \t]*(?:(?:{birth_relative})[ \t]+)?(?:{birth_lead})[ \t]+\Z"
_RECORD_SET = r"\b(?:{record_noun})\b[^.;:!?\n]{0,30}?[ \t](?:{record_set})[ \t]+\Z"
_UNREAL_PAST = (r"\b(?:{unreal_past_modal})[ \t]+(?:not[ \t]+)?have[ \t]+[a-z]+(?:[ \t]+[a-z]+){0,3}?"
                r"(?:[ \t]+(?:on|in|by|at))?[ \t]+\Z")
_DEFINED_BY_NEXT = lazy_compile(
    r"[ \t]+(?:is|was|will[ \t]+be|falls[ \t]+on|fell[ \t]+on)[ \t]+(?:the[ \t]+)?"
    r"(?:next|following|previous)[ \t]+day\b",
    re.IGNORECASE)
_COUNTED_BACK_SET_OFF = (r"\b(?:{unit})[ \t]+(?:{counted_back_word})[ \t]+[^,.;:!?\n]{1,40},[ \t]*"
                         r"(?:(?:{look_back_preposition})[ \t]+)?\Z")


# the months of a period a story's day may lie in
_MONTHS_OF = {"Y": 12, "H": 6, "Q": 3, "S": 3, "M": 1}


def _holds(period: Anchor, day: dt.date) -> bool:
    """Does the period ``period`` (a year, half, quarter, season or month) hold ``day``?"""
    months = _MONTHS_OF.get(period.gran)
    return months is not None and period.day <= day < add_months(period.day, months)


@functools.lru_cache(maxsize=4096)
def _anchor(value: str) -> Anchor | None:
    # Values repeat within a text and across texts; an Anchor is immutable, so one is shared.
    return parse_anchor(value)


def tell(ctx: Context, scanner: Scanner, dct_known: bool) -> tuple[list[Timex], int]:
    """The expressions of ``ctx.text`` in order, and how many ranges they number."""
    res = ctx.res
    text = ctx.text
    out: list[Timex] = []
    range_counter = 0
    for rule, pieces in scan(ctx, scanner):
        range_id: int | None = None
        if any(p.role for p in pieces):
            range_counter += 1
            range_id = range_counter
        for raw in pieces:
            piece = _trim(text, raw)
            if piece.end <= piece.start:
                continue
            if out and piece.start < out[-1].end and out[-1].start < piece.start:
                continue  # inside the words an expression before it took ("… years ago this month")
            piece = _follow(ctx, rule, piece, dct_known)
            value = piece.value
            signal = res.signal_regex.search(text, max(0, piece.start - 24), piece.start)
            out.append(
                Timex(
                    start=piece.start,
                    end=piece.end,
                    text=text[piece.start:piece.end],
                    type=piece.type,
                    value=value,
                    mod=piece.mod,
                    signal=str(res.lookup("signal", signal.group(1))) if signal else None,
                    signal_start=signal.start(1) if signal else None,
                    signal_end=signal.end(1) if signal else None,
                    anchor=piece.anchor,
                    ambiguous=piece.ambiguous,
                    range_id=range_id,
                    range_role=piece.role,
                    temporal_function=piece.temporal_function,
                    guessed=piece.guessed,
                    note=piece.note if dct_known else None,
                    fiscal=piece.fiscal,
                    rule=rule.name,
                )
            )
            if len(out) >= 2:
                _close_period(ctx, out)
    return out, range_counter


_YEARLY_LEAD = r"\b{fiscal_year_end_lead}\s+\Z"
# "open daily at 10:00", "every morning at 7": what happens every day, at that time of day
_HABITUAL = (r"(?:{habitual_adverb}|(?:{habitual_every})\s+(?:{habitual_every_part})"
             r"|(?:{habitual_each})\s+(?:{habitual_each_part}))")
_HABITUAL_BEFORE = rf"\b{_HABITUAL}\s+(?:(?:{{clock_link}})\s+)?\Z"
# ... or after it, past the other end of its range: "Gates are open 8 a.m. to 11 p.m. each day"
_HABITUAL_AFTER = (r"(?:[ \t]+(?:{range_to}|[-–—])[ \t]+[\w.:]+(?:[ \t]+(?:{meridiem_short}))?)?[ \t,]+"
                   rf"{_HABITUAL}\b")
# between the two ends of a range of days written as two dates ("from Friday 7 June to Sunday 9 June")
_RANGE_TO = r"\s*(?:{range_to}|[-–—])\s*"


_FROM_NOW = r"\b(?:{from_now})\b"


_SINCE_LEAD = r"\b(?:{since_word})\s+\Z"  # (also "for the first time since 2019")
# "the most by a Hawk since Marta Quill's 43 in March 1998": a record's bound a few words on
_SINCE_PHRASE = r"\b(?:{since_word})\s+(?:[\w'’-]+\s+){1,5}\Z"


# ", who opened the bakery in": a relative clause set off after its noun, open up to the date
_RELATIVE_ASIDE_OPEN = r",[ \t]+(?:{aside_relative})\b[^,.;:!?\n]{0,80}\Z"
# ... and closed by a comma soon after it
_RELATIVE_ASIDE_CLOSE = r"[^,.;:!?\n]{0,40},"


def _in_relative_aside(ctx: Context, piece: Piece) -> bool:
    """Is ``piece`` inside a relative clause set off by commas (", who opened the bakery in
    2014,")?"""
    return words_regex(ctx.res, _RELATIVE_ASIDE_OPEN, re.IGNORECASE).search(
        ctx.text, max(0, piece.start - 100), piece.start
    ) is not None and words_regex(ctx.res, _RELATIVE_ASIDE_CLOSE).match(ctx.text, piece.end) is not None


def _years_back(ctx: Context, anchor: Anchor) -> int:
    return ctx.base().year - anchor.day.year


_TO_THE_DAY = r"\s+{to_the_day}\b"


def _to_the_day(ctx: Context, piece: Piece) -> Anchor | None:
    """"fifty-three years to the day after the first of them was written": a count of years to
    the very day back from the document date sets the story's day."""
    counted = _YEARS.fullmatch(piece.value)
    if counted is None or not words_regex(ctx.res, _TO_THE_DAY, re.IGNORECASE).match(ctx.text, piece.end):
        return None
    years = int(counted.group(1))
    base = ctx.base()
    if years < LONG_AGO_YEARS or years >= base.year:
        return None
    try:
        day = base.replace(year=base.year - years)
    except ValueError:  # 29 February
        day = base.replace(year=base.year - years, day=28)
    return Anchor(day, "D", day.isoformat())


_YEARS = re.compile(r"P(\d+)Y")


# how far back in its paragraph a quotation is looked for (a paragraph of many thousands of
# characters would otherwise be read again for each expression in it)
_QUOTE_REACH = 2_000


def _quoted(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a quotation opened in its paragraph."""
    lo = max(0, start - _QUOTE_REACH)
    paragraph = text.rfind("\n\n", lo, start) + 1 or lo
    before = text[paragraph:start]
    if before.rfind("“") > before.rfind("”"):
        return True
    return before.count('"') % 2 == 1


_UNTIL_LEAD = r"\b(?:{until_bound})\s+\Z"
_LENGTH_UP_TO = r"\b(?:{length_signal})\s+(?:[\w-]+\s+){1,3}(?:{direction_event})\s+\Z"


@functools.lru_cache(maxsize=16)
def _last_words(res: Resources, word_class: str) -> tuple[str, ...]:
    """The last word of each phrase of a class (lower case): one must be there for a match."""
    return tuple({str(phrase).split()[-1].lower() for phrase in res.classes.get(word_class, {})})


def _until_bound(ctx: Context, start: int) -> bool:
    lo = max(0, start - 30)
    window = ctx.text[lo:start].lower()
    if not any(map(window.__contains__, _last_words(ctx.res, "until_bound"))):
        return False  # (most expressions have none of the words before them)
    lead = words_regex(ctx.res, _UNTIL_LEAD, re.IGNORECASE)
    if lead.search(ctx.text, lo, start) is None:
        return False
    # "The rain had fallen for three days before Thursday 14 January 2021. At 7pm …": the end of a
    # stretch told up to the story's day, which the story goes on from
    up_to = words_regex(ctx.res, _LENGTH_UP_TO, re.IGNORECASE)
    return up_to.search(ctx.text, max(0, start - 40), start) is None


_HABITUAL_CLAUSE = r"\b(?:{habitual_markers})\b[^.,;!?\n]*\Z"  # (a comma may start a clause of its own)


def _habitual(ctx: Context, start: int) -> bool:
    """Whether the clause before ``start`` says what usually happens ("is usually full from
    Christmas until …")."""
    lo = max(0, start - 100)
    window = ctx.text[lo:start].lower()
    if not any(map(window.__contains__, _last_words(ctx.res, "habitual_markers"))):
        return False
    return words_regex(ctx.res, _HABITUAL_CLAUSE, re.IGNORECASE).search(ctx.text, lo, start) is not None


def _since_year(ctx: Context, start: int) -> bool:
    lead = words_regex(ctx.res, _SINCE_LEAD, re.IGNORECASE)
    return lead.search(ctx.text, max(0, start - 30), start) is not None


def _since_phrase(ctx: Context, start: int) -> bool:
    lead = words_regex(ctx.res, _SINCE_PHRASE, re.IGNORECASE)
    return lead.search(ctx.text, max(0, start - 50), start) is not None


# "the worst flooding since February 2020, when the river reached …": the text goes on to tell
# that time, so it is the story's
_WHEN_AFTER = r",?\s+(?:{time_relative})\b"
# the words that give a clock time a day of its own ("2 a.m. on Friday", "9pm on 3 May")
_DAY_WORDS = r"\b(?:{month}|{weekday}|{deictic})\b|\d{1,2}(?:{ordinal_suffix})?\s+(?:{month})"
_HOLIDAY_GOAL = r"\b(?:{holiday_goal_signals})\s+\Z"
# "kept a weather book from 1881 until his retirement": the start of a span whose end is no date
_FROM_BEFORE = r"\b(?:{open_span_from})\s+\Z"
_UNTIL_AFTER = r"\s+(?:{open_span_until})\s+(?:{open_span_owner})\b"


def _opens_open_span(ctx: Context, start: int, end: int) -> bool:
    return words_regex(ctx.res, _FROM_BEFORE, re.IGNORECASE).search(
        ctx.text, max(0, start - 8), start
    ) is not None and words_regex(ctx.res, _UNTIL_AFTER, re.IGNORECASE).match(ctx.text, end) is not None


def _yearly(ctx: Context, start: int) -> bool:
    lead = words_regex(ctx.res, _YEARLY_LEAD, re.IGNORECASE)
    return lead.search(ctx.text, max(0, start - 40), start) is not None


_CLOCK_OF_DAY = lazy_compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")


def _looks_back_in_item(ctx: Context, piece: Piece, anchor: Anchor) -> bool:
    """"- The sprinklers had been isolated for maintenance on Friday 13 October." among the
    observations on Saturday's fire: a day before the story's, in a pluperfect clause of a list
    item, is a look back; "the same night" in the next item is still the fire's. (In a
    paragraph a look back may become the story: "he had been at home on the 14th, but phone
    records placed him …".)"""
    if anchor.gran != "D" or ctx.day_ref is None or anchor.day >= ctx.day_ref.day:
        return False
    pluperfect = words_regex(ctx.res, _PLUPERFECT_BEFORE)
    return pluperfect.search(ctx.text, max(0, piece.start - 80), piece.start) is not None and (
        ctx.frames is not None and ctx.frames.in_item(piece.start))


def _follow(ctx: Context, rule: Rule, piece: Piece, dct_known: bool) -> Piece:
    """``piece`` as shown (placed by the layout or the story; masked where it rests on a
    missing DCT), after moving the story's reference time and report period on to it where it
    can serve as one."""
    # Counted from the story ("the next year", "the following spring"): a chain, not a date
    # the text states.
    derived = piece.narrates or piece.anchor not in (None, "DCT")
    if derived and rule.action in _STATED_DAY_ACTIONS:
        # "On the Sunday, the fifteenth", "**Tuesday 4th.**": the words state the day, the story
        # only its month; a paragraph break does not take the story back from it
        derived = False
    piece = _placed(ctx, piece, dct_known, named_day=rule.action == "holiday")
    value = piece.value
    clock = _CLOCK_OF_DAY.match(value) if piece.type == "TIME" else None
    if clock is not None and not words_regex(ctx.res, _HABITUAL_BEFORE, re.IGNORECASE).search(
        ctx.text, max(0, piece.start - 24), piece.start
    ) and not words_regex(ctx.res, _HABITUAL_AFTER, re.IGNORECASE).match(ctx.text, piece.end):
        # (not a time things happen every day: "a job that runs daily at 23:30")
        ctx.clock_days[clock.group(2)] = dt.date.fromisoformat(clock.group(1))
        ctx.clock_entry = (piece.end, dt.date.fromisoformat(clock.group(1)))
    told = _anchor(value) if piece.type in ("DATE", "TIME") else None
    if told is not None and piece.anchor is None and FOUR_DIGIT_YEAR.search(ctx.text, piece.start, piece.end):
        ctx.written_year = (told.day.year, piece.end)
    # (read once: a look back moves neither the story's time nor the frame)
    looks_back = told is not None and _looks_back_in_item(ctx, piece, told)
    if not dct_known and piece.anchor == "DCT":
        value = piece.shape or _mask(value)
        piece = attrs.evolve(piece, value=value)
        if rule.action in _REFERENCE_ACTIONS or piece.narrates:
            # "Thursday 15 February" with no DCT: the story's day is unknown now, so a
            # later "7pm" must not fall back on an older date.
            ctx.ref = ctx.day_ref = None
    elif (rule.action in _REFERENCE_ACTIONS or piece.narrates) and piece.type in ("DATE", "TIME"):
        anchor = _anchor(value)
        if anchor is not None and rule.name in _ASIDE_RULES:
            anchor = None  # "will walk the plots the evening before. From that day …": an aside
        if anchor is not None and words_regex(ctx.res, _BIRTH_SET_OFF, re.IGNORECASE).search(
            ctx.text, max(0, piece.start - 40), piece.start
        ):
            # "In June 2003 Priya Shah, born on 9 May 1991, … won the final on Saturday 14 June"
            # ("Jean Cartwright, who was born in May 1959, was 34"): a birth set off beside a
            # name is no time of the story
            anchor = None
        if anchor is not None and words_regex(ctx.res, _RECORD_SET, re.IGNORECASE).search(
            ctx.text, max(0, piece.start - 60), piece.start
        ):
            anchor = None  # "short of the ground record of 2,310 set on Boxing Day 2019": an aside
        if anchor is not None and not derived and words_regex(ctx.res, _UNREAL_PAST, re.IGNORECASE).search(
            ctx.text, max(0, piece.start - 50), piece.start
        ):
            # "The notice would have lapsed on 2 June": the date of what did not happen (not a
            # day counted on, "should have docked three days later", which goes on counting)
            anchor = None
        if anchor is not None and ctx.ref is not None and anchor.gran == "Y" and (
            _in_relative_aside(ctx, piece)
        ):
            # "Owners Sam and Kerry Oduya, who opened the bakery in 2014, feared … ¶ Nine days
            # later, on 14 February": a year told in passing, in a relative clause set off by
            # commas; the story stays on its day
            anchor = None
        if anchor is not None and rule.action == "holiday" and piece.anchor is not None and words_regex(
            ctx.res, _HOLIDAY_GOAL, re.IGNORECASE
        ).search(ctx.text, max(0, piece.start - 16), piece.start):
            # "our last order date for Christmas delivery. … at 08:15": a goal, not the story's
            # day
            anchor = None
        ref = ctx.ref
        if anchor is not None and anchor.gran == "Y" and piece.anchor is not None and ref is not None and (
            ref.gran == "D" and ref.day.year == anchor.day.year and 0 <= piece.start - ctx.ref_end <= 2
        ):
            anchor = None  # "On 4 July that year": the day's year, said again; the story stays on the day
        if anchor is not None and _yearly(ctx, piece.start):
            anchor = None  # "whose financial year runs to 31 December": every year's, no story time
        if anchor is not None and ctx.ref is not None and _until_bound(ctx, piece.start):
            anchor = None  # "will stay at $80 until at least July 2026": a bound, the story stays put
        if anchor is not None and ctx.ref is not None and _habitual(ctx, piece.start):
            anchor = None  # "is usually full from Christmas until 6 February": no time of the story
        if anchor is not None and anchor.gran == "Y" and _since_year(ctx, piece.start) and (
            ctx.ref is not None and ctx.ref.gran != "Y"
        ):
            anchor = None  # "won away for the first time since 1961": a bound, the story stays put
        bound_of_story = ctx.ref is not None and not ctx.ref_guessed
        if anchor is not None and ctx.ref is not None and bound_of_story and anchor.day < ctx.ref.day and (
            _since_year(ctx, piece.start) or _since_phrase(ctx, piece.start)
            or _opens_open_span(ctx, piece.start, piece.end)
        ) and not words_regex(ctx.res, _WHEN_AFTER, re.IGNORECASE).match(ctx.text, piece.end):
            # "the lowest reading since February 2012", "the most by a Hawk since Marta Quill's
            # 43 in March 1998": a record's bound, the story stays put
            anchor = None
        said = anchor is not None and piece.anchor == "DCT" and ctx.ref is not None
        if said and _quoted(ctx.text, piece.start):
            # '"Today I feel like I could run it again. Ask me tomorrow."': the speaker's days,
            # not the story's; the narration goes on from its own
            anchor = None
        if anchor is not None and piece.guessed and ctx.ref is not None and anchor.gran != "D":
            # A period that rests on a default ("the coldest winter", no tense, no
            # year) does not move a story that has a time of its own.
            anchor = None
        if looks_back:
            anchor = None
        if anchor is not None and _DEFINED_BY_NEXT.match(ctx.text, piece.end):
            # "Mothering Sunday is the next day, 7 March": a day said to be the one after the
            # story's, which "the next day" counts from; not a new one to count from
            anchor = None
        earlier_day = anchor is not None and anchor.gran == "D" and ctx.day_ref is not None and (
            anchor.day < ctx.day_ref.day)
        if earlier_day and words_regex(ctx.res, _COUNTED_BACK_SET_OFF, re.IGNORECASE).search(
            ctx.text, max(0, piece.start - 80), piece.start
        ):
            # "the board had been given the study only two weeks before the meeting, on Aug. 28":
            # a look back from the story's day, which stays put
            anchor = None
        if earlier_day and piece.anchor == "DCT" and not any(
            c.isdigit() for c in ctx.text[piece.start:piece.end]
        ) and day_told_before_pluperfect(ctx, piece.start):
            # "… on Tuesday 12 November. The agency had issued a warning on the Sunday evening. By
            # daybreak …": a look back in the pluperfect, for its sentence (see tense.back_from_look_back)
            stop = _SENTENCE_END.search(ctx.text, piece.end)
            ctx.look_back = (ctx.saved(), stop.end() if stop is not None else len(ctx.text))
        if anchor is not None and piece.anchor == "DCT" and ctx.ref is not None and ctx.ref.gran == "D" and (
            _holds(anchor, ctx.ref.day)
        ):
            # "We flew in on Saturday 20 July … The crossing runs twice a day in summer … the
            # following day": a period of now that holds the story's day does not move it off it
            anchor = None
        if anchor is not None and piece.type == "TIME" and piece.anchor == "DCT" and ctx.ref is not None and (
            ctx.ref.gran != "D" and ctx.base().year - ctx.ref.day.year >= LONG_AGO_YEARS
        ) and rule.action == "time_of_day" and not words_regex(ctx.res, _DAY_WORDS, re.IGNORECASE).search(
            ctx.text, piece.start, piece.end
        ):
            # "In the summer of 1987 … They left base camp at 4 a.m. on 12 July": a clock time
            # with no day of its own does not bring a story set years back to the document's day
            anchor = None
        if anchor is not None and piece.anchor == "DCT" and anchor.gran == "D" and _in_counted_era(ctx) and (
            abs(anchor.day.year - ctx.base().year) <= 1 and not _states_day(ctx, piece, anchor.day.day)
            and written_weekday(ctx, piece.start, piece.end) is not None
        ):
            # "sixty-five years ago this winter … It was the Saturday night": a weekday of the
            # story's time, which the DCT's week does not place; the story stays in its time
            anchor = None
        if anchor is not None:
            ctx.ref, ctx.ref_start, ctx.ref_end = anchor, piece.start, piece.end
            ctx.ref_guessed = piece.guessed and anchor.gran not in ("D", "T")  # (a day's weekday pins it)
            ctx.ref_from_now = piece.anchor == "DCT" and (
                words_regex(ctx.res, _FROM_NOW, re.IGNORECASE).search(ctx.text, piece.start, piece.end)
                is not None
            )
            if not ctx.ref_from_now:
                ctx.distal_ref = anchor
            if anchor.gran == "D":
                ctx.day_ref = anchor
                if words_regex(ctx.res, BIRTH_LEAD, re.IGNORECASE).search(
                    ctx.text, max(0, piece.start - 16), piece.start
                ):
                    ctx.born_day = anchor
                if ctx.frame_days and anchor.day not in ctx.frame_day_set and PARAGRAPH_BREAK.search(
                    ctx.text, ctx.frame_days_end, piece.start
                ):
                    # (a day of those named, "on the Saturday night", keeps them named)
                    ctx.frame_days = []
                    ctx.frame_day_set = set()
                if ctx.frame_days and 1 < (anchor.day - ctx.frame_days[-1]).days <= 7 and (
                    piece.role == "end" or words_regex(ctx.res, _RANGE_TO, re.IGNORECASE).fullmatch(
                        ctx.text, ctx.frame_days_end, piece.start)
                ):
                    # "runs from Friday 7 June to Sunday 9 June … on the Saturday night": the days
                    # between the ends of a range were named too
                    first = ctx.frame_days[-1]
                    between = [first + dt.timedelta(days=n) for n in range(1, (anchor.day - first).days)]
                    ctx.frame_days.extend(between)
                    ctx.frame_day_set.update(between)
                    ctx.range_days = (first, *(first + dt.timedelta(days=n)
                                               for n in range(1, (anchor.day - first).days)), anchor.day)
                    ctx.range_days_end = piece.end
                ctx.frame_days.append(anchor.day)
                ctx.frame_day_set.add(anchor.day)
                ctx.frame_days_end = piece.end
                ctx.told_days.add(anchor.day)
            if derived:
                ctx.ref_derived = True
            else:
                ctx.ref_derived = False
                ctx.explicit = (anchor, piece.start, piece.end, ctx.day_ref)
                if ctx.first_written is None and piece.anchor is None:
                    ctx.first_written = anchor
            era = ctx.story_era
            finer = anchor.gran != "Y" or era is None or era.gran == "Y"
            # (a story set decades back keeps its time when the frame names a recent year: "His
            # journal for 1952, found in a house clearance in 2019, …")
            recent_over_old = era is not None and _years_back(ctx, era) >= LONG_AGO_YEARS > _years_back(
                ctx, anchor)
            # (nor a coarser time of the same year: "Sixty years ago this week … that winter")
            # (a winter holds the February of the next year: "that winter" of a February week)
            coarser = era is not None and (era.day.year == anchor.day.year or (
                anchor.gran == "S" and _holds(anchor, era.day)
            )) and GRANULARITY.get(anchor.gran, 0) < GRANULARITY.get(era.gran, 0)
            # (a year after a time counted back from now is the frame's: "A hundred and
            # twenty-five years ago this summer … came to the library in 1961")
            frame_year = ctx.story_era_counted and era is not None and anchor.gran == "Y" and (
                anchor.day.year > era.day.year)
            if piece.anchor is None and anchor.gran in ERA_GRANULARITIES and finer and not (
                _since_year(ctx, piece.start)
            ) and not recent_over_old and not coarser and not frame_year:
                # a time the text writes out in full ("in the spring of 1893", "in early 1998"):
                # where a story told entry by entry is set (chrono.tagger.tense.era_long_ago)
                ctx.story_era, ctx.story_era_end = anchor, piece.end
                ctx.story_era_counted = False
            elif piece.anchor == "DCT" and anchor.gran in ERA_GRANULARITIES and (
                ctx.base().year - anchor.day.year >= LONG_AGO_YEARS
            ) and ((era is None and ctx.first_written is None) or anchor.gran in ("M", "W")):
                # "Ninety-two years ago, four surveyors …" opening the text: the story's time;
                # "The entries below were written 139 years ago this month", after other years
                # of the frame: so is a month or week counted back from now
                ctx.story_era, ctx.story_era_end = anchor, piece.end
                ctx.story_era_counted = True
                ctx.distal_ref = anchor  # ("Seventy years ago tonight … that winter": the story's)
                if anchor.gran == "D":
                    ctx.counted_day = anchor
            elif era is not None and anchor.gran in STORY_GRANULARITIES and (
                abs(anchor.day.year - era.day.year) <= 1
            ) and anchor.day.year == era.day.year and GRANULARITY.get(anchor.gran, 0) >= GRANULARITY.get(
                era.gran, 0
            ):
                # (not coarser: "Sixty years ago this week … that winter" keeps the week)
                # (within its year only: "the spring" after "the summer of 1987" may be the
                # frame's, years later; an entry of the next year is the last entry's to tell)
                ctx.story_era, ctx.story_era_end = anchor, piece.end
                ctx.story_era_counted = False
    if piece.type == "DURATION" and ctx.story_era is None and ctx.first_written is None:
        told = _to_the_day(ctx, piece)
        if told is not None:
            ctx.story_era, ctx.story_era_end = told, piece.end
            ctx.story_era_counted = True
    if ctx.frames is not None and piece.type in ("DATE", "TIME") and not (
        not dct_known and piece.anchor == "DCT"
    ):
        anchor = _anchor(value)
        if anchor is not None and not looks_back:
            ctx.frames.offer(ctx, piece.start, piece.end, anchor, piece.role)
    if rule.action in _PERIOD_ACTIONS and piece.type == "DATE" and _PERIOD_VALUE.match(value):
        period = _anchor(value)
        if period is not None and completed(ctx, period):
            ctx.period = period
            ctx.period_end = piece.end
    return piece


# What a value resolved against the DCT states itself: a month and day without a year
# ("XXXX-03-04", "XXXX-03"), a season or quarter ("XXXX-SU", "XXXX-Q3"), or a weekday
# ("XXXX-WXX-2"), and any time of day after it.
_YEARLESS = lazy_compile(r"XXXX(-(?:\d\d(?:-\d\d)?|SP|SU|FA|WI|Q[1-4]|H[12]))\Z")
_WEEKDAY = lazy_compile(r"XXXX-WXX-([1-7])(T.*)?\Z")
# Granularities of a block's date that give a year to dates without one.
_YEAR_GIVING = frozenset({"Y", "H", "Q", "S", "M", "W"})
# How far after the story's day (and before it) a date without a year still reads as the
# story's: "Two days later … 11 May".
_STORY_AFTER = dt.timedelta(days=92)
_STORY_BEFORE = dt.timedelta(days=31)


def _placed(ctx: Context, piece: Piece, dct_known: bool, *, named_day: bool = False) -> Piece:
    """``piece`` placed by the layout's reference time, or by the story's day, where the DCT
    alone placed it (``named_day``: a holiday, whose name states its day)."""
    if piece.anchor != "DCT" or piece.type not in ("DATE", "TIME"):
        return piece
    frame = ctx.frame
    if frame is not None:
        if frame.gran == "D":
            # counted from the entry's day already (Context.base): say so
            return attrs.evolve(piece, anchor=frame.value)
        return _in_frame(ctx, piece, frame)
    return _in_story(ctx, piece, named_day) if dct_known else piece


def _in_counted_era(ctx: Context) -> bool:
    """Whether the story is still in a time counted back from now years before the DCT, with
    no day of its own ("sixty-five years ago this winter")."""
    era, ref = ctx.story_era, ctx.ref
    return (era is not None and ctx.story_era_counted and era.gran != "D" and ref is not None
            and ref.day.year - era.day.year in (0, 1) and ctx.base().year - era.day.year >= LONG_AGO_YEARS)


def _states_day(ctx: Context, piece: Piece, day: int) -> bool:
    """Whether the words of ``piece`` write its day of the month ("4 March", not "the first
    Tuesday of June", whose day depends on the year)."""
    return re.search(rf"(?<!\d)0?{day}(?!\d)", ctx.text[piece.start:piece.end]) is not None


def _in_frame(ctx: Context, piece: Piece, frame: Anchor) -> Piece:
    """A date without a year under a heading that is a year, a month or a week; a bare
    weekday under a week."""
    shape = piece.shape
    if shape is None or frame.gran not in _YEAR_GIVING:
        return piece
    value = piece.value
    own = _anchor(value)
    inside = own is not None and frame.day <= own.day < shift(frame.day, frame.gran, 1)
    yearless = _YEARLESS.match(shape)
    if yearless is not None and (len(shape) == 7 or _states_day(ctx, piece, int(shape[8:10]))):
        if inside:
            return attrs.evolve(piece, anchor=frame.value, guessed=False)
        year = frame.day.year
        if frame.gran == "W" and own is not None:
            # the year that puts the day nearest the week ("December 31" in the first week)
            year = min((year - 1, year, year + 1),
                       key=lambda y: abs((own.day.replace(year=y) - frame.day).days)
                       if not (own.day.month == 2 and own.day.day == 29) else abs(y - year))
        return attrs.evolve(piece, value=f"{year:04d}{yearless.group(1)}{value[len(shape):]}",
                            anchor=frame.value, guessed=False)
    weekday = _WEEKDAY.match(shape)
    if weekday is not None:
        if frame.gran == "W":
            day = frame.day + dt.timedelta(days=int(weekday.group(1)) - 1)
            return attrs.evolve(piece, value=day.isoformat() + (weekday.group(2) or ""),
                                anchor=frame.value, guessed=False)
        if not inside:
            # "Tuesday" under "## March 2003": which Tuesday, the words do not say
            return attrs.evolve(piece, value=shape, anchor=None, guessed=False)
    return piece


def _in_story(ctx: Context, piece: Piece, named_day: bool = False) -> Piece:
    """A date without a year, shortly after the day of a story set years away from the DCT
    and in the same paragraph, told in the past or with no tense: the story's year (a holiday
    too: "opened on 15 October 1877 … and by Christmas it ran four trains a day")."""
    story = ctx.story_day()
    shape = piece.shape
    if story is None or shape is None or story.day.year == ctx.dct.year:
        return piece
    if named_day and story is not ctx.ref:
        return piece  # (a holiday goes by the story's current time, not a day told before it)
    moved_on = ctx.ref is not None and story is not ctx.ref and _MONTHS_OF.get(ctx.ref.gran) is not None
    if moved_on and ctx.ref is not None and not _holds(ctx.ref, story.day):
        # "Born on 29 February 1932 … married in the spring of 1956, on 21 April": the story has
        # moved on to a time that does not hold the day it last named
        return piece
    # a story of last year: only in the sentence that dates it ("… on 12 October 2022, ten days
    # after … on 2 October")
    told_apart = _SENTENCE_END.search(ctx.text, max(0, ctx.ref_end), piece.start) is not None
    if abs(story.day.year - ctx.dct.year) < 2 and told_apart:
        return piece
    yearless = _YEARLESS.match(shape)
    if yearless is None or len(yearless.group(1)) != 6:
        return piece
    month, day = int(shape[5:7]), int(shape[8:10])
    if not (named_day or _states_day(ctx, piece, day)) or any(
        ctx.res.has("weekday", word) for word in _WORD.findall(ctx.text[piece.start:piece.end])
    ):
        return piece  # its day or its weekday was chosen with the year
    try:
        candidate = dt.date(story.day.year, month, day)
    except ValueError:
        return piece
    if candidate < story.day and story is ctx.ref and words_regex(ctx.res, BIRTH_LEAD, re.IGNORECASE).search(
        ctx.text, max(0, ctx.ref_start - 12), ctx.ref_start
    ):
        return piece  # "was born on 2 May 1941 and died on 24 April": nothing of a life before its birth
    if candidate < story.day - _STORY_BEFORE:
        try:
            candidate = candidate.replace(year=candidate.year + 1)
        except ValueError:
            return piece
    if not story.day - _STORY_BEFORE <= candidate <= story.day + _STORY_AFTER:
        return piece
    if candidate.year == int(piece.value[:4]):
        # the story's year already (chrono.tagger.tense.story_year chose it): say whose it is
        return attrs.evolve(piece, anchor=story.value, guessed=False)
    if PARAGRAPH_BREAK.search(ctx.text, max(0, ctx.ref_end), piece.start) is not None:
        return piece
    if tense(ctx, piece.start, piece.end) > 0:
        return piece
    value = f"{candidate.year:04d}{piece.value[4:]}"
    return attrs.evolve(piece, value=value, anchor=story.value, guessed=False, note=None)


_SENTENCE_END = lazy_compile(r"[.!?][\"”’)]*\s")
_WORD = lazy_compile(r"[^\W\d_]+")


def _close_period(ctx: Context, out: list[Timex]) -> None:
    """'the quarter ended Sept. 30': the last two expressions, a period and the date that
    closes it, make the period that date's (see :func:`passes.close_period`)."""
    closed = close_period(ctx.res, ctx.text, out[-2], out[-1])
    if closed is None:
        return
    out[-2] = closed
    period = _anchor(closed.value) if _PERIOD_VALUE.match(closed.value) else None
    closing = _anchor(out[-1].value)
    # A fiscal quarter is over when its closing date is.
    if period is not None and closing is not None and closing.day <= ctx.dct:
        ctx.period = period
        ctx.period_end = out[-1].end


def _trim(text: str, piece: Piece) -> Piece:
    start, end = piece.start, piece.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if (start, end) == (piece.start, piece.end):
        return piece
    return attrs.evolve(piece, start=start, end=end)


_MASK = lazy_compile(r"\d")


def _mask(value: str) -> str:
    """Hide the digits of a value that came from a missing DCT."""
    if value in REF_VALUES:
        return value
    head, sep, tail = value.partition("T")
    return _MASK.sub("X", head) + sep + tail
