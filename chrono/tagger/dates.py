"""Calendar dates and times of day: one action per granularity.

Every rule of ``patterns.yaml`` names the action that normalizes it. The actions of this module
(``year``, ``month``, ``day``, ``weekday``, ``season``, ``quarter``, ``half``, ``week``,
``week_of_day``, ``holiday``, ``deictic``, ``time_of_day``) share one frame: the rule's fields
are read once into a :class:`Request` (modifier, year, month, day, relative word, clock time,
zone, part of the day), the granularity's resolver places the expression on the calendar
(a :class:`Resolved` period or day), and :func:`_finish` adds the clock time or part of the
day a day may carry and makes the piece. ``decade``, ``century`` and ``day_of_story_month``
need no frame; ``numeric``, ``day_range``, ``day_range_md`` and ``year_range`` read dates
written in digits and ranges.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.tagger.calendar import (
    SEASON_START,
    Anchor,
    add_days,
    add_months,
    counted_season_year,
    easter,
    nth_weekday,
    quarter_of,
    shift,
    value_at,
    week_value,
)
from chrono.tagger.context import REF_VALUES, Action, Context, Fields, Piece, Reject, Spans
from chrono.tagger.fields import (
    DIGITS,
    approx_mod,
    day_of,
    number,
    position_mod,
    street_follows,
    two_digit_year,
    weekday_number,
    year_of,
)
from chrono.tagger.resources import words_regex
from chrono.tagger.tense import (
    PARAGRAPH_BREAK,
    SENTENCE_BREAK,
    day_near_dct,
    sentence_end,
    sentence_start,
    story_base,
    story_entry_ref,
    story_year,
    tense,
    weekday_date,
    written_weekday,
    year_for_month,
)
from chrono.tagger.tense import SENTENCE_END as _SENTENCE_END

__all__ = ["CALENDAR_ACTIONS", "DATE_ACTIONS"]

_OF_AFTER = r"[ \t]+{period_of}"
_ZONE_OFFSET = lazy_compile(r"(?P<sign>[+-])(?P<hours>\d+):?(?P<minutes>\d\d)?")
_A_BEFORE = r"\b{article_indefinite}[ \t]+\Z"
_TITLE_WORD_BEFORE = lazy_compile(r"\b([A-Z][a-z]+\.?)[ \t]+\Z")
# Title-case words that may stand before a season ("In Summer", "Late Autumn", "Last Winter").
_SEASON_LEADS = ("month_context", "signal", "position", "approx", "rel", "anaphoric",
                 "year_preposition", "set_quantifier")
_NAME_AFTER = lazy_compile(r"[ \t]+[A-Z][a-z]+")
_NEXT_WORD = lazy_compile(r"[ \t]+([A-Za-z]+)")
_EVENT_AFTER = r"[ \t]+{event_preposition}[ \t]+(?:{article_definite}[ \t]+)?[A-Z]"
_THE_BEFORE = r"\b{article_definite}[ \t]+\Z"  # with capitalized words: "The", "the"
_WEEKLY_NOUN_AFTER = r"[ \t]+(?:{weekly_nouns})\b"


# ---------------------------------------------------------------------------------------------
# The frame: fields in, piece out


@attrs.frozen
class Request:
    """What a date rule's fields say, before its granularity places it on the calendar."""

    mod: str | None
    clock: str | None  # HH:MM[:SS]
    zone: str  # Z, +HH:MM, tz:Area/City or ""
    part: str | None  # MO, AF, EV, NI ...
    year: int | None
    explicit_year: bool  # the words give the year (or an anaphor takes the story's)
    month: int | None
    day: int | None
    rel: int | None  # -1, 0, +1: "last", "this", "next" (or an anaphor's step)
    base: dt.date  # the DCT, or the story's day that an anaphor counts from
    story: str | None  # that story's value, which then stands as the anchor instead of DCT
    # the day of the story's time an anaphor took its year from ("that winter" after March 1947)
    counted_from: dt.date | None = None


@attrs.frozen
class Resolved:
    """Where a granularity placed the expression: a period ``value`` or a ``day``."""

    value: str | None = None
    day: dt.date | None = None
    anchor: str | None = None
    year: int | None = None  # the year the resolver chose (checked to be 1-9999)
    # "year": only the year came from the DCT (XXXX-03); "XXXX-WXX-d": a bare weekday.
    shape: str | None = None
    part: str | None = None  # a part of the day the words imply ("tonight")
    # A value complete as it is: no time of day, no shape, no year check.
    final: bool = False


Resolver = Callable[[Context, Request, Fields, int, int], Resolved]


def _mod(ctx: Context, f: Fields) -> str | None:
    res = ctx.res
    mod = position_mod(ctx, f) or approx_mod(ctx, f)
    if f.get("after_mod"):
        mod = str(res.lookup("bound_after", f["after_mod"]))
    if f.get("prefix_mod"):
        mod = str(res.lookup("prefix_bound", f["prefix_mod"]))
    return mod


def _clock(ctx: Context, f: Fields, start: int, end: int) -> str | None:
    """``HH:MM[:SS]`` of a clock word ("noon") or of hour, minute, second and meridiem."""
    res = ctx.res
    if f.get("clock"):
        clock = str(res.lookup("clock_word", f["clock"]))
        last = _story_clock(ctx)
        if clock == _END_OF_DAY and last is not None and last.hour < _SMALL_HOURS_UNTIL:
            # "between 10pm on Friday and 2am on Saturday … shortly after midnight": the midnight
            # that opens the day of the small hours just told, not the one that ends it
            return _START_OF_DAY
        return clock
    if f.get("hour_word"):
        return _word_clock(ctx, f, start, end)
    if not f.get("hour"):
        return None
    hour = int(f["hour"])
    minute = int(f["minute"]) if f.get("minute") else None
    meridiem = res.lookup("meridiem", f["meridiem"]) if f.get("meridiem") else None
    if meridiem in ("am", "pm") and not 1 <= hour <= 12:
        raise Reject
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    elif meridiem in (None, "none") and (len(f["hour"]) == 1 or hour == _NOON_HOUR) and not f.get("part"):
        # (also "4 o'clock": it says a whole hour, not which half of the day)
        # ("10:20", "09:15": a two-figure hour may be the twenty-four-hour clock's; but "12:20"
        # after midnight is on either face the first hour of the morning)
        hour = _twelve_hour_clock(ctx, hour, minute or 0, start, end)
    if hour > 24 or (hour == 24 and minute):
        raise Reject
    clock = f"{hour:02d}:{minute or 0:02d}"
    if f.get("second"):
        clock += f":{int(f['second']):02d}"
    return clock


def _word_clock(ctx: Context, f: Fields, start: int, end: int) -> str:
    """``HH:MM`` of a clock in words: "half past nine that night", "a quarter to six"."""
    res = ctx.res
    hour = int(res.lookup("clock_hour", f["hour_word"]) or 0)
    minute = int(res.lookup("clock_minutes", f["minute_word"]) or 0) if f.get("minute_word") else 0
    if not 1 <= hour <= 12:
        raise Reject
    if res.has("clock_minutes_to", f.get("past_to", "")):
        hour, minute = hour - 1 or 12, 60 - minute
    half = res.lookup("clock_day_part", f["day_part"]) if f.get("day_part") else None
    if half == "pm" and hour < 12 and not (hour <= 4 and res.has("clock_small_hours", f["day_part"])):
        hour += 12  # ("two at night" stays two in the morning)
    elif half == "am" and hour == 12:
        hour = 0
    elif half is None and not f.get("part"):
        hour = _twelve_hour_clock(ctx, hour, minute, start, end, words=True)
    return f"{hour:02d}:{minute:02d}"


_HALF_CUE_REACH = 60  # characters either side of a clock time, in its sentence, for those words
_EVENING_CUES = r"\b(?:{clock_evening_cues})\b"
_NIGHT_CUES = r"\b(?:{clock_night_cues})\b"
_MORNING_CUES = r"\b(?:{clock_morning_cues})\b"
_AFTERNOON_UNTIL = 5  # the last hour read as the afternoon's when nothing says which half
_END_OF_DAY, _START_OF_DAY = "24:00", "00:00"
_NOON_HOUR = 12
_SMALL_HOURS_UNTIL = 6


def _story_clock(ctx: Context) -> dt.datetime | None:
    """The last clock time the text told, when it is on the story's day."""
    story = ctx.story_day()
    last = ctx.clock[0] if ctx.clock is not None else None
    return last if story is not None and last is not None and last.date() == story.day else None


def _twelve_hour_clock(ctx: Context, hour: int, minute: int, start: int, end: int, *,
                       words: bool = False) -> int:
    """The hour of a clock time written on a twelve-hour face with nothing to say which half of
    the day ("4.50", "one o'clock"), after a clock time of the story's day: the first reading at
    or after it ("set off at 9.15 a.m. … reached the top after one o'clock": 13:00; "paged at
    4.37 p.m. … left at 5.40": 17:40), else the later one, the nearer to it ("the last call came
    at 11 p.m. … a crew had gone out at 9.20": 21:20). With no such time, a whole hour from one to
    five is the afternoon's ("came home from school at 4 o'clock": the small hours are seldom told
    without saying so), and so is one written in ``words`` ("the service at half-past two");
    other times as written ("set off at 4.15" may be a climber's start)."""
    if not 1 <= hour <= 12:
        return hour
    # (an hour from one to four may be the small hours or the afternoon, whatever else the
    # sentence says: "Fog all morning. It lifted at about one o'clock")
    half = _half_told(ctx, start, end) if _SMALL_HOURS_UNTIL - 1 <= hour < _NOON_HOUR else None
    if half in ("pm", "night"):
        # "We went to the pictures in the evening and were home by half past ten", "in bed by eight"
        return hour + 12
    if half == "am":
        return hour  # "Up at half past five and out to the ewes before breakfast"
    last = _story_clock(ctx)
    if last is None:
        return hour + 12 if hour <= _AFTERNOON_UNTIL and (minute == 0 or words) else hour
    if hour == _NOON_HOUR and last.hour >= _SMALL_HOURS_UNTIL:
        return hour  # ("0700 Grey light … 1200 Noon position": noon, on either face)
    # ("shortly after midnight … at about 12:20": twelve is the first hour of the morning's half)
    morning = hour % 12
    # (when both readings are before it, the afternoon's is the nearer)
    return morning if morning * 60 + minute >= last.hour * 60 + last.minute else morning + 12


def _half_told(ctx: Context, start: int, end: int) -> str | None:
    """Which half of the day the words near a clock time in its sentence name, if only one: "pm"
    (the evening, supper), "night" (bed, the night), "am" (the morning, breakfast)."""
    text, res = ctx.text, ctx.res
    lo, hi = sentence_start(text, start, _HALF_CUE_REACH), sentence_end(text, end, _HALF_CUE_REACH)
    found = {half for half, words in (("pm", _EVENING_CUES), ("night", _NIGHT_CUES), ("am", _MORNING_CUES))
             if words_regex(res, words, re.IGNORECASE).search(text, lo, hi)}
    return found.pop() if len(found) == 1 else None


def _zone(ctx: Context, f: Fields) -> str:
    res = ctx.res
    if f.get("zone"):
        offset = _ZONE_OFFSET.match(f.get("zone_off", ""))
        if offset is not None and res.lookup("zone", f["zone"]) == "Z":
            # "UTC+3", "GMT-5:30": an offset written after the zone name.
            zone = f"{offset['sign']}{int(offset['hours']):02d}:{offset['minutes'] or '00'}"
            return "Z" if zone in ("+00:00", "-00:00") else zone
        return str(res.lookup("zone", f["zone"]) or "")
    if f.get("zone_num"):
        raw = f["zone_num"]
        return "Z" if raw.upper() == "Z" else (raw if ":" in raw else raw[:3] + ":" + raw[3:])
    return ""


def _zone_on(zone: str, day: str, clock: str) -> str:
    """A fixed offset as is; ``tz:Area/City`` as that zone's offset at this local time (none
    when the zone database is not installed)."""
    if not zone.startswith("tz:"):
        return zone
    try:
        moment = dt.datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=ZoneInfo(zone[3:]))
    except (ValueError, ZoneInfoNotFoundError):
        return ""  # "T24:00" or no zone data: the clock time stands without a zone
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _month_told(ctx: Context, month: int | None) -> int | None:
    """The year of ``month`` when the story has told a day or month of it ("that October"
    after "11 October 1917"), the latest first; None when the story's latest time is already
    in it or none is."""
    if month is None or ctx.ref is None or ctx.ref.day.month == month:
        return None
    for told in (ctx.day_ref, ctx.distal_ref):
        # (not a month told before the latest time: "born on 2 November 1933 … in October 1956,
        # and late that November" is 1956's)
        if told is not None and told.gran in ("D", "M") and told.day.month == month and (
            told.day >= ctx.ref.day
        ):
            return told.day.year
    return None


# the references finer than a year from which "the following spring" counts by the calendar
_WITHIN_A_YEAR = frozenset({"M", "W", "S", "Q", "H"})


def _request(ctx: Context, f: Fields, start: int, end: int) -> Request:
    res = ctx.res
    base = ctx.base()
    story: str | None = None
    counted_from: dt.date | None = None
    year = year_of(ctx, f)
    explicit_year = year is not None
    month: int | None = None
    if f.get("month"):
        month = int(res.lookup("month", f["month"]) or 0) or None
    elif f.get("month_num"):
        month = int(f["month_num"])
    rel = int(res.lookup("rel", f["rel"])) if f.get("rel") and res.has("rel", f["rel"]) else None
    if f.get("anaphoric") and rel is None:
        rel_ref = res.lookup("anaphoric", f["anaphoric"])
        ref = ctx.ref
        if ref is not None and ctx.ref_from_now and ref.gran not in ("Y", "D") and (
            ctx.distal_ref is not None and res.lookup("distal", f["anaphoric"]) is not None
        ):
            ref = ctx.distal_ref  # "… found last spring … extracts from that January": the story's
        told = _month_told(ctx, month) if rel_ref is not None and int(rel_ref) == 0 else None
        if told is not None:
            # "A hundred years ago today … between the spring of 1916 and that October": the
            # October already told, not the one after the latest time
            year = told
            explicit_year = True
        elif rel_ref is not None and ref is not None and ref.gran != "D":
            year = ref.day.year + int(rel_ref)
            if f.get("season") and int(rel_ref) != 0 and ref.gran in _WITHIN_A_YEAR:
                # "married in June 1962 … born the following spring": the spring after that month,
                # by the calendar ("in January 1979 … the following spring" is that year's)
                season = str(res.lookup("season", f["season"]))
                year = counted_season_year(season, int(rel_ref), ref.day)
            explicit_year = True
            # (a week or month of the story's, not a year: "in 1803 … that winter" is 1803's)
            counted_from = ref.day if ref.gran in ("W", "M") else None
        else:
            rel = int(rel_ref) if rel_ref is not None else 0
            if ctx.ref is None and rel == 0 and not f.get("weekday") and not f.get("unit"):
                rel = None  # "that December" with no story time yet: tense decides the year
            if ctx.ref is not None and not f.get("weekday"):
                # "the following spring" after "12 March 2023": counted from the story's day.
                base, story = ctx.ref.day, ctx.ref.value
    return Request(
        mod=_mod(ctx, f),
        clock=_clock(ctx, f, start, end),
        zone=_zone(ctx, f),
        part=str(res.lookup("part_of_day", f["part"])) if f.get("part") else None,
        year=year,
        explicit_year=explicit_year,
        month=month,
        day=day_of(ctx, f),
        rel=rel,
        base=base,
        story=story,
        counted_from=counted_from,
    )


def _piece(ctx: Context, req: Request | None, start: int, end: int, kind: str, value: str,
           mod: str | None, anchor: str | None, shape: str | None = None) -> list[Piece]:
    """The one piece of a date; ``shape`` as in :attr:`Resolved.shape`. An anchor on the DCT
    is the story's when the request counts from the story."""
    if anchor == "DCT" and req is not None and req.story is not None:
        anchor = req.story
    stated = None
    if shape == "year" and len(value) >= 7:
        stated = "XXXX" + value[4:]
    elif shape is not None and shape.startswith("XXXX-WXX-"):
        stated = shape + (value[10:] if len(value) > 10 and value[10] == "T" else "")
    return [Piece(start, end, kind, value, mod, anchor, False, anchor is not None, shape=stated,
                  guessed=ctx.guessed, note=ctx.note if anchor == "DCT" else None)]


def _finish(ctx: Context, req: Request, placed: Resolved, start: int, end: int) -> list[Piece]:
    """The piece of a placed date: with the clock time or part of the day a day carries."""
    anchor = placed.anchor
    if placed.final:
        assert placed.value is not None
        return _piece(ctx, req, start, end, "DATE", placed.value, req.mod, anchor)
    value = placed.day.isoformat() if placed.day is not None else placed.value
    assert value is not None
    year = placed.year if placed.year is not None else req.year
    if year is not None and not 1 <= year <= 9999:
        raise Reject
    shape = placed.shape
    if req.clock is not None and len(value) == 10:
        timed = f"{value}T{req.clock}{_zone_on(req.zone, value, req.clock)}"
        return _piece(ctx, req, start, end, "TIME", timed, req.mod, anchor, shape)
    part = req.part or placed.part
    if part is not None and len(value) == 10:
        return _piece(ctx, req, start, end, "TIME", f"{value}T{part}", req.mod, anchor, shape)
    if not req.explicit_year and anchor is None:
        anchor = "DCT"
    return _piece(ctx, req, start, end, "DATE", value, req.mod, anchor, shape)


def _calendar(resolve: Resolver) -> Action:
    """The action that reads a request, lets ``resolve`` place it and finishes the piece."""

    def action(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
               ) -> list[Piece]:
        req = _request(ctx, f, start, end)
        return _finish(ctx, req, resolve(ctx, req, f, start, end), start, end)

    action.__name__ = action.__qualname__ = resolve.__name__.lstrip("_")
    action.__doc__ = resolve.__doc__
    return action


def _year_shape(req: Request) -> str | None:
    """Shape "year" when only the year comes from the DCT ("in March": XXXX-03)."""
    return "year" if not req.explicit_year and req.rel is None else None


# ---------------------------------------------------------------------------------------------
# Resolvers, one per granularity


def _year(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A year: "2024", "the year 2024", "fiscal 2021", "'98", "nineteen eighty-four"."""
    if req.year is None:
        raise Reject
    return Resolved(value=f"{req.year:04d}")


def _month_year(ctx: Context, req: Request, f: Fields, start: int, end: int
                ) -> tuple[int, str | None]:
    """The year of a named month and its anchor: stated, counted ("last March") or chosen by
    the tense (and, for a day, by a weekday the text gives)."""
    year, anchor, rel, base = req.year, None, req.rel, req.base
    assert req.month is not None
    # rel_year and month_rel_year are fields for "March of next year", "February last year"
    # (counted from the DCT's year, not from its month).
    if year is None and rel is not None and not f.get("rel_year"):
        if f.get("month_rel_year"):
            year = base.year + rel
        elif rel < 0:
            year = base.year if req.month < base.month - 1 else base.year - 1
        elif rel > 0:
            year = base.year if req.month > base.month else base.year + 1
        else:
            year = base.year
        anchor = "DCT"
    if year is None and req.day is None and (
        words_regex(ctx.res, _EVENT_AFTER).match(ctx.text, end) or _NAME_AFTER.match(ctx.text, end)
    ) and words_regex(ctx.res, _THE_BEFORE, 0, True).search(ctx.text, max(0, start - 4), start):
        # "the March on Washington", "the May Family Foundation": a name, not a month
        raise Reject
    if year is None:
        year = year_for_month(ctx, req.month, req.day, start, end)
        anchor = "DCT"
        if req.day is not None and f.get("weekday") and not f.get("nth") and ctx.guessed and (
            _days_from(req.base, year, req.month, req.day) > _WEEKDAY_PICKS_YEAR
        ):
            # "Tue 6 Aug" in a listing with no tense, months from the DCT: the weekday picks
            # the year among the neighbours. Near the DCT, or with a tense, the year stays the
            # DCT's and tense's: a weekday that does not fit is the text's error to report
            # ("on Sunday, March 9" in a text of 12 March 2024 is a Saturday), not a reason to
            # move the date a year.
            year = _year_by_weekday(ctx, year, req.month, req.day, f["weekday"])
        elif req.day is not None and f.get("weekday") and not f.get("nth"):
            year = _year_of_sentence(ctx, year, req.month, req.day, f["weekday"], start)
    return year, anchor


_SENTENCE_YEAR = lazy_compile(r"(?<![\d.,$£€#])((?:1[89]|20)\d\d)(?![\d.,])")


def _year_of_sentence(ctx: Context, year: int, month: int, day: int, weekday_word: str, start: int) -> int:
    """"The 2025 race will start at 18:00 on Friday 13 June", written in June 2024: when the
    weekday does not fit the year the tense chose but fits a year the sentence has written
    before it, that year."""
    weekday = weekday_number(ctx.res, weekday_word)
    if not weekday or _fits(year, month, day, int(weekday)):
        return year
    lo = sentence_start(ctx.text, start, 120)
    written = [int(m.group(1)) for m in _SENTENCE_YEAR.finditer(ctx.text, lo, start)]
    fitting = [y for y in written if abs(y - year) <= 1 and _fits(y, month, day, int(weekday))]
    if len(set(fitting)) != 1:
        return year
    ctx.note = "the year the sentence writes, in which the weekday fits"
    return fitting[0]


def _fits(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return dt.date(year, month, day).isoweekday() == weekday
    except ValueError:
        return False


# How far (days) from the DCT a year-less date with a weekday must lie, with no tense to go
# on, before the weekday may choose its year.
_WEEKDAY_PICKS_YEAR = 42


def _days_from(base: dt.date, year: int, month: int, day: int) -> int:
    """Days between ``base`` and the day (a large number when it does not exist)."""
    try:
        return abs((dt.date(year, month, day) - base).days)
    except ValueError:
        return 1 << 30


def _year_by_weekday(ctx: Context, guess: int, month: int, day: int, weekday_word: str) -> int:
    """The year next to ``guess`` (itself first, then the nearer neighbours) in which ``day``
    ``month`` falls on the named weekday; ``guess`` when none or the weekday is unknown."""
    weekday = weekday_number(ctx.res, weekday_word)
    if not weekday:
        return guess
    for year in (guess, guess - 1, guess + 1):
        if _fits(year, month, day, int(weekday)):
            if year != guess:
                ctx.guessed = False
                ctx.note = "the year in which the weekday fits (no tense to go on)"
            return year
    return guess


def _names_a_day(f: Fields, req: Request) -> bool:
    return req.day is not None or bool(f.get("nth") and f.get("weekday"))


def _month(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A month: "March 2024", "last March", "that December", "in May". A rule that may also
    capture a day ("next March 3") is that day when it does."""
    if req.month is None:
        raise Reject
    if _names_a_day(f, req):
        return _day(ctx, req, f, start, end)
    year, anchor = _month_year(ctx, req, f, start, end)
    return Resolved(value=f"{year:04d}-{req.month:02d}", anchor=anchor, year=year,
                    shape=_year_shape(req))


def _day(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A day of a named month: "3 May 2024", "May 3", "Tue 6 Aug", "2024-05-03", "the second
    Sunday of October"."""
    if req.month is None:
        raise Reject
    if not _names_a_day(f, req):
        return _month(ctx, req, f, start, end)
    year, anchor = _month_year(ctx, req, f, start, end)
    if req.day is not None and street_follows(ctx.res, ctx.text, end):
        raise Reject  # "12 April Lane": a street name
    if f.get("nth") and f.get("weekday"):
        # "the second Sunday of October", "the last Friday in May".
        nth = int(ctx.res.lookup("week_ordinal", f["nth"]) or 0)
        weekday = int(ctx.res.lookup("weekday", f["weekday"]) or 0)
        found = nth_weekday(year, req.month, nth, weekday) if nth and weekday else None
        if found is None:
            raise Reject
        day = found
    else:
        assert req.day is not None
        try:
            day = dt.date(year, req.month, req.day)
        except ValueError as error:
            raise Reject from error
    return Resolved(day=day, anchor=anchor, year=year, shape=_year_shape(req))


def _week_of_day(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """The ISO week holding a day: "the week of March 6"."""
    placed = _day(ctx, req, f, start, end)
    if placed.day is None:
        return placed
    return Resolved(value=week_value(placed.day), anchor=placed.anchor, final=True)


def _weekday(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A weekday: "on Friday", "last Monday", "the following Tuesday", "a Tuesday" after a
    date (that date), "the second Sunday" in a story about a month."""
    res = ctx.res
    weekday = weekday_number(res, f["weekday"])
    if not weekday:
        raise Reject
    if f.get("nth"):
        # "on the second Sunday" in a story about July: that month's second Sunday
        if ctx.ref is None or ctx.ref.gran not in ("M", "D"):
            raise Reject
        found = nth_weekday(ctx.ref.day.year, ctx.ref.day.month,
                            int(res.lookup("week_ordinal", f["nth"]) or 0), weekday)
        if found is None:
            raise Reject
        return Resolved(value=found.isoformat(), anchor=ctx.ref.value, final=True)
    if _NAME_AFTER.match(ctx.text, end) and words_regex(res, _THE_BEFORE, 0, True).search(
        ctx.text, max(0, start - 4), start
    ):
        raise Reject  # "The Sunday Times", "the Friday Prayer": a name
    if words_regex(res, _WEEKLY_NOUN_AFTER, re.IGNORECASE).match(ctx.text, end) and words_regex(
        res, _THE_BEFORE, 0, True
    ).search(ctx.text, max(0, start - 4), start):
        raise Reject  # "the Sunday closure of the site", "the Saturday market": every such day
    story_day = ctx.story_day()
    if f.get("side"):
        # "Saturday 13 March and the Saturday after": the next such weekday after (before) the
        # day the text has just named (with none, the weekday alone is read as ever)
        if story_day is None:
            raise Reject
        step = (weekday - story_day.day.isoweekday()) % 7 or 7
        if f["side"].lower() == "before":
            step -= 7
        return Resolved(day=add_days(story_day.day, step), anchor=story_day.value)
    if story_day is not None and story_day.day.isoweekday() == weekday and words_regex(
        res, _A_BEFORE
    ).search(ctx.text, max(0, start - 6), start):
        # "on 17 October 1989, a Tuesday, at 5:04 p.m.": the day just named
        return Resolved(value=story_day.value, anchor=story_day.value, final=True)
    rel = req.rel
    # (a week counted, "three weeks ago", "the following week"; not a project's "Week 4")
    week = ctx.ref if ctx.ref is not None and ctx.ref.gran == "W" and not _FIGURE.search(
        ctx.text, ctx.ref_start, ctx.ref_end) else None
    if rel is None and week is not None and 0 <= start - ctx.ref_end <= _WEEK_REACH and words_regex(
        res, _THE_BEFORE, 0, True
    ).search(ctx.text, max(0, start - 4), start):
        # "Three weeks ago the sale nearly collapsed. The surveyor found damp on the Thursday":
        # that week's day
        monday = add_days(week.day, 1 - week.day.isoweekday())
        return Resolved(day=add_days(monday, weekday - 1), anchor=week.value)
    if f.get("anaphoric") and rel is None and res.lookup("anaphoric", f["anaphoric"]) == 0:
        # "Sixty years ago today my father came home … ¶ That Thursday evening the men
        # gathered": the story's day, though a later decade or year moved the story's time
        # (the one on or before it: "Sat. 7th … Wed. 11th … that Saturday night" is the 7th)
        told_day = story_day or ctx.counted_day or (
            ctx.story_era if ctx.story_era is not None and ctx.story_era.gran == "D" else None)
        if told_day is not None:
            day = add_days(told_day.day, -((told_day.day.isoweekday() - weekday) % 7))
            return Resolved(day=day, anchor=told_day.value)
    if f.get("anaphoric") and story_day is not None and rel is not None:
        # "the previous Friday", "the following Monday": next to the story's day.
        current = story_day.day.isoweekday()
        if rel < 0:
            day = add_days(story_day.day, -((current - weekday) % 7 or 7))
        elif rel > 0:
            day = add_days(story_day.day, (weekday - current) % 7 or 7)
        else:
            day = add_days(story_day.day, weekday - current)
        anchor = story_day.value
    elif rel is None and (last := _last_entry_day(ctx, start, end)) is not None:
        # "**Monday 21 July.** Flew out … ¶ **Thursday.** Boat trip …": an entry labelled by its
        # weekday alone goes on from the last entry's day
        # (the same day when the list has already run past midnight into it)
        day = add_days(last.day, (weekday - last.day.isoweekday()) % 7)
        anchor = last.value
    elif rel is None and (named := _named_for_entry(ctx, weekday, start, end)) is not None:
        # "Between late on Saturday 5 October and the early hours of Sunday 6 October … ¶ | Sat
        # 23:48 | …": a timeline's first entry labelled by a weekday the text has just named
        day, anchor = named.day, named.value
    elif rel is None and (named := _named_in_range(ctx, weekday, start)) is not None:
        # "runs from Friday 6 September to Sunday 8 September, with … the orchestra, who close
        # the festival on Sunday afternoon": the day of that weekday its sentence has just named
        day, anchor = named.day, named.value
    else:
        day = weekday_date(ctx, weekday, rel, start, end)
        anchor = "DCT"
        if rel is None:
            day = _in_stated_order(ctx, weekday, day, start)
    return Resolved(day=day, anchor=anchor, shape=f"XXXX-WXX-{weekday}" if rel is None else None)


# how many days back "the Friday" may lie from the story's day ("the weekend of 9–10 August …
# 18:00 on the Friday"); further, the story goes forward to it ("exchanged on Monday 28 July …
# The van arrived at 7:15 on the Friday")
_THE_WEEKDAY_BACK = 2


def _the_weekday(story_day: Anchor, weekday: int) -> Resolved:
    """"the Saturday" in a story on a Friday: the such day on or after the story's day, or one
    just before it."""
    step = (weekday - story_day.day.isoweekday()) % 7
    if step >= 7 - _THE_WEEKDAY_BACK:
        step -= 7
    return Resolved(day=add_days(story_day.day, step), anchor=story_day.value)


_NAMED_REACH = 250  # characters after a day written out within which its bare weekday is that day
_NAMED_REACH_DEFINITE = 400  # ... "the Saturday", past the range's paragraph


def _named_in_range(ctx: Context, weekday: int, start: int) -> Anchor | None:
    """The day of a bare weekday's name among the days of a range its paragraph has just written
    out (the days between its ends too); past the paragraph, for "the Saturday" ("**Friday 28 –
    Sunday 30 September** ¶ … full weekend £60 including the Saturday dinner")."""
    the = words_regex(ctx.res, _THE_BEFORE, 0, True)
    definite = the.search(ctx.text, max(0, start - 4), start) is not None
    reach = _NAMED_REACH_DEFINITE if definite else _NAMED_REACH
    if not ctx.range_days or not 0 <= start - ctx.range_days_end <= reach:
        return None
    if PARAGRAPH_BREAK.search(ctx.text, ctx.range_days_end, start) and (not definite or (
        (story := ctx.story_day()) is not None and story.day > ctx.range_days[-1]
    )):
        # (past its paragraph, only while the story has not moved beyond the range: "from the
        # 16th to the 20th … left the next morning [28 June]. … on the Monday after we left")
        return None
    days = [day for day in ctx.range_days if day.isoweekday() == weekday]
    if len(days) != 1:
        return None
    return Anchor(days[0], "D", days[0].isoformat())


def _named_for_entry(ctx: Context, weekday: int, start: int, end: int) -> Anchor | None:
    """The one day of ``weekday`` among the days the text has named, when the weekday alone at
    ``[start, end)`` opens an entry (a list's or table's) that no date has dated yet."""
    frames = ctx.frames
    if frames is None or ctx.frame is not None or not frames.leads(start, end):
        return None
    days = {day for day in ctx.told_days if day.isoweekday() == weekday}
    if len(days) != 1:
        return None
    (day,) = days
    return Anchor(day, "D", day.isoformat())


_WEEK_REACH = 200  # characters after a week named within which "the Thursday" is its day
_FIGURE = lazy_compile(r"\d")


def _last_entry_day(ctx: Context, start: int, end: int) -> Anchor | None:
    """The day of the last dated entry, when a weekday alone at ``[start, end)`` opens the next
    (not under a heading that dates its entries: "## Week of 3 June ¶ **Wednesday** …")."""
    frames = ctx.frames
    if frames is None or ctx.frame is not None:
        return None
    if " " in ctx.text[start:end].strip():
        # "- **23:15** — Grid operator confirms … ¶ - **01:05** (Wednesday) — …": a clock time
        # with its day goes on from the day of the clock time of the entry just before, in the
        # same list (no blank line between; not an update stamp's: "*Last updated 09:40 Sunday*")
        if ctx.clock_entry is None or not frames.leads(start, end):
            return None
        told, day = ctx.clock_entry
        if not 0 <= start - told <= _CLOCK_ENTRY_REACH or PARAGRAPH_BREAK.search(ctx.text, told, start):
            return None
        return Anchor(day, "D", day.isoformat())
    if frames.last_entry is None or frames.last_entry.gran != "D":
        return None
    return frames.last_entry if frames.leads(start, end) else None


_CLOCK_ENTRY_REACH = 400  # characters after an entry's clock time within which the next goes on from it


# "reopen on Sunday after a ceremony on Saturday": an order word and the words of its phrase
# up to the weekday ("after a ceremony on"), with no clause joined in between.
_ORDER_PHRASE = (r"\b(?:(?P<after>{weekday_order_after})|(?P<before>{weekday_order_before}))"
                 r"(?:[ \t]+(?!(?:{weekday_order_stop})\b)[\w'’-]+){0,5}?[ \t]+(?:{day_signal}[ \t]+)?\Z")
_CLAUSE_COMMA = lazy_compile(r",")
# "… on Friday and closes at 11am on": a clause of the same subject joined by "and" (not "and
# the webinar starts"), a few words (not "Friday and Saturday", "between 9 a.m. and 2 p.m."), no
# comma
_AND_THEN = (r"[ \t]+(?:{weekday_and_then})[ \t]+(?!(?:{weekday_and_other_subject})\b)"
             r"(?:[\w'’.-]+[ \t]+){1,5}?")
_AND_OTHER_SUBJECT = (r"[ \t]+(?:{weekday_and_then})[ \t]+(?:{weekday_and_other_subject})[ \t]+"
                      r"(?:[\w'’.-]+[ \t]+){1,6}?")


def _in_stated_order(ctx: Context, weekday: int, day: dt.date, start: int) -> dt.date:
    """A bare weekday ordered by the words against the day just named in its sentence: "will
    reopen on Sunday after a ceremony on Saturday" (the Saturday before that Sunday), "After
    a ceremony on Saturday, it will reopen on Sunday" (the Sunday after). The tense-chosen
    ``day`` stands unless it breaks that order; then the nearest day that keeps it."""
    ref = ctx.ref
    if ref is None or ref.gran != "D" or ctx.ref_end > start or not 0 <= start - ctx.ref_end <= 120:
        return day
    text = ctx.text
    if _SENTENCE_END.search(text, ctx.ref_end, start):
        return day
    phrase = words_regex(ctx.res, _ORDER_PHRASE, re.IGNORECASE).search(text, ctx.ref_end, start)
    later: bool | None = None
    if phrase is not None:
        later = phrase.group("before") is not None  # "on Sunday after … on Saturday": earlier
    else:
        lead = words_regex(ctx.res, _ORDER_PHRASE, re.IGNORECASE).search(
            text, max(0, ctx.ref_start - 60), ctx.ref_start)
        if lead is not None and _CLAUSE_COMMA.search(text, ctx.ref_end, start) and not _SENTENCE_END.search(
            text, lead.start(), ctx.ref_start
        ):
            later = lead.group("after") is not None  # "After … on Saturday, … on Sunday": later
        elif ref.day >= ctx.dct and ((
            written_weekday(ctx, ctx.ref_start, ctx.ref_end) is not None
            and words_regex(ctx.res, _AND_THEN, re.IGNORECASE).fullmatch(text, ctx.ref_end, start)
        ) or (
            _FIGURE.search(text, ctx.ref_start, ctx.ref_end) is not None
            and words_regex(ctx.res, _AND_OTHER_SUBJECT, re.IGNORECASE).fullmatch(text, ctx.ref_end, start)
        )):
            # "Camping opens at noon on Friday and closes at 11am on Monday": what is still to
            # come is told in its order (the past is not re-read: its first day may be the wrong one);
            # so is another act after a day written out ("Gates open at 4pm on Friday 10 July and
            # the last song finishes at 10.30pm on Sunday"), not after a bare weekday ("due by
            # Friday and the webinar starts Thursday" may tell of this week's Thursday)
            later = True
    if later is None:
        return day
    current = ref.day.isoweekday()
    if later and day < ref.day:
        return add_days(ref.day, (weekday - current) % 7)
    if not later and day > ref.day:
        return add_days(ref.day, -((current - weekday) % 7))
    return day


def _season(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A season: "summer 2024", "last winter", "the following spring", "in the autumn"."""
    res = ctx.res
    words = ctx.text[start:end]
    head = words.split()[-1]
    if _NAME_AFTER.match(ctx.text, end) and head.istitle() and (
        " " not in words or res.has("article_definite", words.split(" ", 1)[0])
    ):
        raise Reject  # "Summer Lee", "Winter Olympics", "the Summer Palace": a name
    named = _TITLE_WORD_BEFORE.search(ctx.text, max(0, start - 24), start)
    if named and " " not in words and head.istitle() and not any(
        res.has(name, named.group(1)) for name in _SEASON_LEADS
    ):
        raise Reject  # "Dr. Sam Autumn": the last word of a name
    season = str(res.lookup("season", f["season"]))
    year, anchor, rel, base = req.year, None, req.rel, req.base
    if season == "WI" and year is not None and req.counted_from is not None and (
        req.counted_from.month < SEASON_START["SP"] + 1 and req.counted_from.year == year
    ):
        year -= 1  # "that winter" after March 1947: the winter that began in December 1946
        # (not after May: "married in May 1969 … That winter" is the winter to come)
    if year is None and rel is None:
        aged = _year_of_age(ctx, start, end)
        if aged is not None:
            # (as good as a year written out: the story may be set there)
            return Resolved(value=f"{aged:04d}-{season}", year=aged, final=True)
    if year is None:
        start_month = SEASON_START[season]
        # (not "that winter", which straddles the story's New Year: the DCT's reading holds)
        told = story_base(ctx, start, end) if rel or (rel == 0 and season != "WI") else None
        if told is not None:
            base = told.day  # "busier this summer", "last winter" in a letter of July 1968
        if rel:
            year = counted_season_year(season, rel, base)
        elif season != "WI" and rel is None:
            # "in the spring": like a year-less month, by its middle month and the tense
            # (or the story's year); winter straddles New Year and keeps the DCT's year.
            year = year_for_month(ctx, start_month + 1, None, start, end)
        else:
            # Winter straddles New Year: the DCT's year, or the story's when there is one.
            year = story_year(ctx, start_month) if rel is None else None
            ctx.guessed = rel is None and year is None
            if season == "WI" and year is None and rel == 0 and req.story is not None and (
                base.month <= SEASON_START["SP"]
            ):
                # "By Tuesday 2 January [1979] … the story of that winter": the winter that
                # began the December before
                year = base.year - 1
            year = base.year if year is None else year
        anchor = "DCT"
        if rel is None and words_regex(res, _CONTACT_CLAUSE_AFTER).match(ctx.text, end):
            # "I was nine the summer the Lenn stopped flowing": a summer the clause after it
            # names, of a year the words do not give
            ctx.guessed = True
    return Resolved(value=f"{year:04d}-{season}", anchor=anchor, year=year,
                    shape=_year_shape(req))


_CONTACT_CLAUSE_AFTER = r"[ \t]+(?-i:{contact_clause_opener})[ \t]+\w"


# "the summer I turned nine", "the winter she was twelve": the season of an age ... (read with
# ``capitalized``, every word of a class may also start with a capital: ``(?=[A-Z])`` keeps
# only that form, ``(?=[a-z])`` only the word as listed)
_AGE_AFTER = (
    r"[ \t]+(?:(?=[a-z])(?:{age_clause_opener})[ \t]+)?"
    r"(?P<who>(?=[A-Z])(?:{first_person})|(?=[a-z])(?:{age_subject}))[ \t]+(?=[a-z])(?:{age_verb})[ \t]+"
    r"(?P<age>\d{1,2}|[a-z]+(?:-[a-z]+)?)\b"
)
# ... counted from the birth year the text gave the same person ("I was born in the spring of 1949")
_BORN = (
    r"\b(?P<who>{first_person}|{age_subject})[ \t]+(?:{birth_auxiliary})[ \t]+(?:{birth_verb})\b"
    r"[^.!?]{0,60}?(?<!\d)(?P<year>1[6-9]\d\d|20\d\d)(?!\d)"
)


def _year_of_age(ctx: Context, start: int, end: int) -> int | None:
    """The year of "the summer I turned nine", from the one birth year the text gave "I"."""
    told = words_regex(ctx.res, _AGE_AFTER, 0, True).match(ctx.text, end)
    if told is None:
        return None
    age = number(ctx.res, told.group("age"))
    who = told.group("who").lower()
    born = words_regex(ctx.res, _BORN, re.IGNORECASE)
    births = {int(m.group("year")) for m in born.finditer(ctx.text, 0, start)
              if m.group("who").lower() == who}
    if age is None or age != int(age) or not 0 < age < 120 or len(births) != 1:
        return None
    return births.pop() + int(age)


def _quarter(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A quarter: "Q3 2024", "the third quarter", "3Q24", "last quarter", "next year's first
    quarter"."""
    raw = f.get("quarter") or f.get("quarter_num") or f.get("quarter_num2") or ""
    year, anchor, base = req.year, None, req.base
    if ctx.res.has("period_last", raw) and year is None and not f.get("rel") and not words_regex(
        ctx.res, _OF_AFTER
    ).match(ctx.text, end):
        # "last quarter" with no year: the quarter before the DCT's, not a fourth quarter
        return Resolved(value=value_at(shift(base, "Q", -1), "Q"), anchor="DCT", final=True)
    quarter = int(ctx.res.lookup("quarter_ordinal", raw) or (raw if raw.isdigit() else 0))
    if not 1 <= quarter <= 4:
        raise Reject
    if year is None and req.rel is not None:
        year = base.year + req.rel
        anchor = "DCT"
    if year is None:
        # A quarter is reported after it ends: later quarters than the DCT's are last
        # year's unless the clause looks ahead.
        year = base.year
        if quarter > quarter_of(base) and tense(ctx, start, end) <= 0:
            year -= 1
        anchor = "DCT"
    return Resolved(value=f"{year:04d}-Q{quarter}", anchor=anchor, year=year,
                    shape=_year_shape(req))


def _half(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A half year: "H1 2024", "the second half of 2023", "the last half"."""
    digit = f.get("half_num") or f.get("half_num2")
    year, anchor, base = req.year, None, req.base
    if not digit and ctx.res.has("period_last", f["half"]) and year is None and not f.get(
        "rel"
    ) and not words_regex(ctx.res, _OF_AFTER).match(ctx.text, end):
        # "last half": the half before the DCT's
        return Resolved(value=value_at(shift(base, "H", -1), "H"), anchor="DCT", final=True)
    half = int(digit) if digit else int(ctx.res.lookup("half_ordinal", f["half"]) or 0)
    if not 1 <= half <= 2:
        raise Reject
    if year is None:
        year = base.year + (req.rel or 0)
        anchor = "DCT"
    return Resolved(value=f"{year:04d}-H{half}", anchor=anchor, year=year,
                    shape=_year_shape(req))


def _week(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """An ISO week: "week 33", "calendar week 12 of 2024", "2024-W12"."""
    week = int(f["week"])
    year, anchor = req.year, None
    if year is None:
        # "week 33" with no year: the week's usual month, placed like a year-less month.
        monday = dt.date.fromisocalendar(req.base.year, min(week, 52), 1)
        year = year_for_month(ctx, monday.month, monday.day, start, end)
        anchor = "DCT"
    dt.date.fromisocalendar(year, week, 1)  # ValueError (no such week): not an expression
    return Resolved(value=f"{year:04d}-W{week:02d}", anchor=anchor, year=year)


_HOLIDAY_ANAPHOR = r"\b({holiday_anaphor})\s+\Z"


# a title right before a capitalised feast's name makes it a surname ("Ms Michaelmas")
_NAME_BEFORE_HOLIDAY = lazy_compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Rev)\.?[ \t]+\Z")
_RECENT_FEAST_DAYS = 31  # how many days before the document a feast told as past is the one just gone


def _holiday(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A holiday: "Christmas Day", "last Thanksgiving", "Good Friday 2024" (fixed days, nth
    weekdays of a month and days from Easter, from the lexicon)."""
    following = _NEXT_WORD.match(ctx.text, end)
    if following is not None and ctx.res.has("holiday_name_part", following.group(1)):
        raise Reject  # "Easter Island", "a Christmas tree"
    if _NAME_BEFORE_HOLIDAY.search(ctx.text, max(0, start - 30), start) and ctx.text[start:end].istitle():
        raise Reject  # "librarian Ellen Michaelmas", "Ms Michaelmas": a surname
    spec = str(ctx.res.lookup("holiday", f["holiday"]))
    easter_offset = int(spec[1:]) if spec[:1] == "E" else None  # "E-2": two days before Easter
    pieces = spec.split("-")
    month = 4 if easter_offset is not None else int(pieces[0])  # Easter falls in March or April
    year, anchor = req.year, None
    told = words_regex(ctx.res, _HOLIDAY_ANAPHOR, re.IGNORECASE).search(ctx.text, max(0, start - 16), start)
    story = ctx.ref
    if year is None and req.rel is None and told is not None and story is not None:
        # "that Christmas", "the following Christmas": the story's, not the document's
        step = int(str(ctx.res.lookup("holiday_anaphor", " ".join(told.group(1).lower().split()))) or 0)
        year = story.day.year + step
        if step and month > story.day.month:
            year -= 1  # ("in March 1953 … the following Christmas": that December)
        anchor = story.value
    if year is None and req.rel is None and easter_offset is not None and tense(ctx, start, end) < 0 and (
        0 <= (req.base - add_days(easter(req.base.year), easter_offset)).days <= _RECENT_FEAST_DAYS
    ):
        # "She died on Easter Sunday", told on 4 April 1997: the feast just gone, 30 March
        year, anchor = req.base.year, "DCT"
    if year is None:
        counted = req.rel is not None
        year = req.base.year + (req.rel or 0) if counted else year_for_month(ctx, month, 15, start, end)
        anchor = "DCT"
    if easter_offset is not None:
        day = add_days(easter(year), easter_offset)
    elif len(pieces) == 2:
        day = dt.date(year, month, int(pieces[1]))
    else:
        nth = -int(pieces[3]) if spec.count("--") else int(pieces[1])
        found = nth_weekday(year, month, nth, int(pieces[-1]))
        if found is None:
            raise Reject
        day = found
    around = f.get("around")
    if around is not None:
        # "the Friday before Easter", "the Monday after Christmas": the nearest such weekday
        # strictly before (after) the holiday
        weekday = int(ctx.res.lookup("weekday", f["weekday"]) or 0)
        step = int(ctx.res.lookup("bare_order_word", around) or 1)
        day = add_days(day, step)
        while day.isoweekday() != weekday:
            day = add_days(day, step)
    return Resolved(day=day, anchor=anchor, year=year, shape=_year_shape(req))


def _deictic(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A day named from the DCT (or the story): "today", "yesterday", "tonight", "overnight";
    "now", "recently" are PRESENT_REF, PAST_REF."""
    res = ctx.res
    word = f["deictic"]
    meaning = str(res.lookup("deictic", word))
    if res.has("deictic_narrative", word) and tense(ctx, start, end) < 0:
        # "He was soon released": soon after the story's time, not the future.
        raise Reject
    if meaning in REF_VALUES:
        return Resolved(value=meaning, anchor="DCT", final=True)
    offset_text, _, part = meaning.partition("T")
    story_day = ctx.story_day()
    if res.has("deictic_story", word) and story_day is not None:
        # "overnight" in a story about Friday: the night before Friday.
        return Resolved(day=add_days(story_day.day, int(offset_text)), anchor=story_day.value,
                        part=part or None)
    told = story_base(ctx, start, end)
    if told is not None:
        return Resolved(day=add_days(told.day, int(offset_text)), anchor=told.value, part=part or None)
    return Resolved(day=add_days(req.base, int(offset_text)), anchor="DCT", part=part or None)


def _week_on(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """"Thursday week", "a week on Thursday": the weekday a week after the coming one; "a week
    tomorrow" (yesterday, today): that day, a week on (back)."""
    told = story_base(ctx, start, end)
    base, anchor = (told.day, told.value) if told is not None else (req.base, "DCT")
    if f.get("deictic"):
        meaning = str(ctx.res.lookup("deictic", f["deictic"]))
        if meaning in REF_VALUES or "T" in meaning:
            raise Reject  # ("a week tonight": no day of a week on)
        step = int(meaning)
        return Resolved(day=add_days(base, step + (-_WEEK_DAYS if step < 0 else _WEEK_DAYS)), anchor=anchor)
    weekday = weekday_number(ctx.res, f["weekday"])
    if not weekday:
        raise Reject
    coming = (weekday - base.isoweekday()) % _WEEK_DAYS  # days to the coming one (today's: none)
    return Resolved(day=add_days(base, coming + _WEEK_DAYS), anchor=anchor)


_WEEK_DAYS = 7


def _part_rel(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """The day of "this morning", "last night", "that evening", "the next morning"."""
    res = ctx.res
    spec = str(res.lookup("part_rel", f["part_rel"]) or res.lookup("part_step", f["part_rel"]) or "DCT+0")
    origin, step = spec[:3], int(spec[3:])
    story_day = ctx.story_day()
    if origin == "REF" and story_day is not None:
        return Resolved(day=add_days(story_day.day, step), anchor=story_day.value)
    told = story_base(ctx, start, end)
    if told is not None:
        return Resolved(day=add_days(told.day, step), anchor=told.value)
    if step == -1 and req.part in _EVENING_PARTS:
        ctx.eve_before = add_days(req.base, step)
    return Resolved(day=add_days(req.base, step), anchor="DCT")


# The day a clock time or part of the day is on, by the first field the rule captured.
_DAY_OF_A_TIME: tuple[tuple[str, Resolver], ...] = (
    ("part_rel", _part_rel),
    ("deictic", _deictic),
    ("month", _day),
    ("month_num", _day),
    ("weekday", _weekday),
)


def _time_of_day(ctx: Context, req: Request, f: Fields, start: int, end: int) -> Resolved:
    """A clock time or part of the day: "at 5 p.m.", "17:30 GMT", "noon tomorrow", "9am on
    May 3", "this morning", "late afternoon". With no day in the words it is on the day the
    story is on (the DCT's by default)."""
    for field, resolve in _DAY_OF_A_TIME:
        if f.get(field):
            resolved = resolve(ctx, req, f, start, end)
            if req.clock is not None and resolved.day is not None:
                ctx.prose_clock = (end, resolved.day, int(req.clock[:2]))
                if ctx.frames is not None and ctx.frames.leads(start, end):
                    # "- **23:40, Tuesday 31 December** — …": the entries after it go on from it
                    ctx.last_clock = (resolved.day, int(req.clock[:2]))
            return resolved
    if req.clock is None and req.part is None:
        raise Reject
    story_day = ctx.story_day()
    on_the = words_regex(ctx.res, _ON_THE_WEEKDAY, re.IGNORECASE).match(ctx.text, end)
    if story_day is not None and on_the is not None:
        # "landed at 4am on the Saturday" after a Friday: the clock on the story's such day
        weekday = weekday_number(ctx.res, on_the.group(1))
        if weekday:
            return _the_weekday(story_day, weekday)
    if story_day is not None:
        return Resolved(day=_past_midnight(ctx, req, story_day.day, start, end), anchor=story_day.value)
    return Resolved(day=_past_midnight(ctx, req, req.base, start, end), anchor="DCT")


# "4am on the Saturday": a clock time, then the story's weekday it falls on
_ON_THE_WEEKDAY = r"[ \t]+(?:{clock_day_signal})[ \t]+(?:{article_definite})[ \t]+({weekday})\b"


# A clock time that opens an entry, this early after an entry's time this late on the same
# day, with no day of its own, is the next day's: "23:58 — Rollback attempted. / 00:12 — A
# second engineer joins." (Only entries: in prose, "from 10 p.m. to 5 a.m." is a range.)
_LATE_HOUR = 20
_EARLY_HOUR = 6
_EVENING_HOUR = 17
_EVENING_PARTS = frozenset({"NI", "EV"})


def _past_midnight(ctx: Context, req: Request, day: dt.date, start: int, end: int) -> dt.date:
    if req.clock is None:
        return day
    if ctx.frames is None or not ctx.frames.leads(start, end):
        told = ctx.clock_days.get(req.clock[:5])
        if told is not None and told != req.base and abs((told - day).days) > 1 and (
            req.clock[3:5] != "00"
        ) and (
            any(c.isdigit() for c in ctx.text[start:end])
        ) and (
            ctx.ref_end >= 0 and PARAGRAPH_BREAK.search(ctx.text, ctx.ref_end, start) is not None
        ):
            # "- **10:30** — Gateway rolled back … ¶ The certificate had been issued on 11 February
            # 2024 … ¶ The rollback at 10:30 cost us time": a time the text has dated, told again
            # paragraphs after another day with no day of its own, is the day it was told on (a day
            # on either side is the story's own night, which the clock's rules below read; the
            # document's own day may be the default a time got before its day was read; only a time
            # to the minute: "midday", "6 p.m." come round every day of a diary)
            return told
        return _after_evening_clock(ctx, req, day, start, end)
    if ctx.frame_day is not None and ctx.frame_day > day:
        # "## Thursday 3 August … I packed last night. ¶ **11:40 pm** — …": an entry under a
        # day's heading is on that day, whatever the prose before it looked back to
        day = ctx.frame_day
    hour = int(req.clock[:2])
    before = ctx.last_clock
    told = ctx.clock_days.get(req.clock[:5])
    if before is None and told is None and ctx.frame_day is None:
        # "Between 23:40 on Saturday 9 March and …" then "- 23:30 Rotation job runs; - 23:40
        # Error rate starts to climb": the first entry is on the day of a time the text dated
        # soon after it (under no day heading of its own)
        told = _day_of_time_told_after(ctx, hour, int(req.clock[3:5]))
    if before is None and told is not None and told != day:
        # "from 22:41 on Tuesday 2 April until …" then "## Timeline ¶ - **22:41** …": the first
        # entry at a time the text has already dated is on that day
        ctx.last_clock = (told, hour)
        return told
    if before is not None and ctx.clock_rolled_from == day and before[0] > day and hour >= before[1]:
        day = before[0]  # "**00:04** … **01:30**": the list goes on in the new day
    elif before is not None and before[0] == day and before[1] >= _LATE_HOUR and hour < _EARLY_HOUR:
        ctx.clock_rolled_from = day
        day = day + dt.timedelta(days=1)
    elif before is None and hour >= _EVENING_HOUR and ctx.eve_before is not None and (
        add_days(ctx.eve_before, 1) == day
    ) and ctx.frame_day != day:
        day = ctx.eve_before  # the first entry of a night told from the next day
    elif before is None and hour >= _EVENING_HOUR and len(ctx.frame_day_set) >= 2 and (
        day == ctx.frame_days[-1] == max(ctx.frame_day_set) and add_days(ctx.frame_days[0], 1) == day
    ):
        # "started the shift on Tuesday the 14th and finished it on the Wednesday morning ¶
        # **19:30** — Handover": the frame names a night forwards, and the evening entry that
        # opens the list is on its first day
        day = ctx.frame_days[0]
    ctx.last_clock = (day, hour)
    ctx.prose_clock = (end, day, hour)  # the prose of an entry goes on from its time
    return day


def _day_of_time_told_after(ctx: Context, hour: int, minute: int) -> dt.date | None:
    """The day of the time the text dated soonest after ``hour:minute`` (within the hour after
    it), if only one day is so told."""
    soon = []
    for clock, day in ctx.clock_days.items():
        told = int(clock[:2]) * 60 + int(clock[3:5])
        if clock in ("00:00", "24:00"):
            continue  # (midnight is either day's)
        if 0 < told - (hour * 60 + minute) <= _TOLD_SOON_MINUTES:
            soon.append(day)
    return soon[0] if len(set(soon)) == 1 else None


_TOLD_SOON_MINUTES = 60


def _after_evening_clock(ctx: Context, req: Request, day: dt.date, start: int, end: int) -> dt.date:
    """"a match that began at 7.32pm on Saturday and ended at 12.49am": a small hour with no day
    of its own, in the sentence of an evening clock time on that day, is the next day's."""
    assert req.clock is not None
    hour = int(req.clock[:2])
    if hour == 24:
        return day  # "since midnight", "by midnight": either end of the day; the story's clock stays
    before, ctx.prose_clock = ctx.prose_clock, (end, day, hour)
    stated, stated_start, stated_end, _ = ctx.explicit
    if hour < _EARLY_HOUR and stated is not None and stated.day == day and (
        before is not None and before[1] == day and before[2] >= _EVENING_HOUR
    ) and _names_night(ctx, stated_start, stated_end) and not (
        _range_or_own_day(ctx, before[0], start, end)
    ):
        # "Night of 4/5 March. Roof open at 19:30. … Closed at 02:10": the small hours of a night
        # the text names, after its evening
        following = add_days(day, 1)
        ctx.prose_clock = (end, following, hour)
        return following
    if before is not None and before[1] == add_days(day, 1) and _night_goes_on(ctx, before, start, hour):
        # "At 12.20 a.m. a second theatre was opened … in surgery from 1.15": the night goes on
        ctx.prose_clock = (end, before[1], hour)
        return before[1]
    if before is None or before[1] != day or before[2] < _EVENING_HOUR or hour >= _EARLY_HOUR:
        return day
    late_night = before[2] >= _LATE_HOUR and _night_goes_on(ctx, before, start, hour)
    if not late_night and (
        start - before[0] > _SAME_SENTENCE_REACH or SENTENCE_BREAK.search(ctx.text, before[0], start)
    ):
        return day
    if _range_or_own_day(ctx, before[0], start, end):
        return day  # "from 10 p.m. to 5 a.m." (a range, read as one); "12:20 a.m. the next day"
    following = add_days(day, 1)
    ctx.prose_clock = (end, following, hour)
    return following


def _names_night(ctx: Context, start: int, end: int) -> bool:
    """Do the words ``ctx.text[start:end]`` name a night ("Night of 4/5 March")?"""
    nights = [str(word) for word, code in ctx.res.classes.get("part_of_day", {}).items() if code == "NI"]
    words = ctx.text[start:end].lower().split()
    return any(word in words for word in nights)


_SAME_SENTENCE_REACH = 80
# How far a story told in prose may go on from a late clock time into the small hours of the
# next day ("The first ambulance arrived at 11.41 p.m.; by midnight … ¶ At 12.20 a.m. …")
_NIGHT_REACH = 600


def _night_goes_on(ctx: Context, before: tuple[int, dt.date, int], start: int, hour: int) -> bool:
    """Does the clock time at ``start`` (``hour``) go on from the last one of the prose
    (``before``: where it ended, its day, its hour) through the night: soon after it, at most
    a paragraph further on, and no earlier on the clock when both are past midnight?"""
    if start - before[0] > _NIGHT_REACH or hour >= _EARLY_HOUR + 6:
        return False
    if len(PARAGRAPH_BREAK.findall(ctx.text, before[0], start)) > 1:
        return False
    return before[2] >= _LATE_HOUR or hour >= before[2]


_RANGE_LINK = r"\s*(?:{range_to}|{range_and}|[-–—])\s*"
_OWN_DAY_AFTER = r"[ \t,]*(?:(?:{article_definite})\s+(?:{own_day_order})|(?:{own_day_word}))"


def _range_or_own_day(ctx: Context, before: int, start: int, end: int) -> bool:
    """Whether the clock time at ``[start, end)`` closes a range opened by the one that ended at
    ``before`` ("from 10 p.m. to 5 a.m."), or the words after it give it a day of its own."""
    if words_regex(ctx.res, _RANGE_LINK, re.IGNORECASE).fullmatch(ctx.text, before, start):
        return True
    return words_regex(ctx.res, _OWN_DAY_AFTER, re.IGNORECASE).match(ctx.text, end) is not None




# ---------------------------------------------------------------------------------------------
# Actions without the frame


# "her late seventies", "his twenties": a possessive (and a position word) before the decade word
_AGE_OWNER = r"\b(?:{age_owner})\s+(?:(?:{age_stage})[\s-]+)?\Z"


def _decade(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
            ) -> list[Piece]:
    """A decade: "the 1990s", "the '80s", "the nineties"; "the 1800s" is a century."""
    mod = _mod(ctx, f)
    if f.get("decade"):
        digits = DIGITS.search(f["decade"])
        if digits is None:
            raise Reject
        text = digits.group()
        first = two_digit_year(ctx, int(text)) if len(text) == 2 else int(text)
        if len(text) == 4 and text.endswith("00") and first < 2000:
            return _piece(ctx, None, start, end, rule_type, f"{first // 100:02d}", mod, None)
    elif f.get("decade_word"):
        if words_regex(ctx.res, _AGE_OWNER, re.IGNORECASE).search(ctx.text, max(0, start - 24), start):
            raise Reject  # "until her late seventies": her age, not the 1970s
        base = ctx.base()
        tens = int(ctx.res.lookup("decade_word", f["decade_word"]) or 9)
        first = base.year // 100 * 100 + tens * 10
        if first > base.year:
            first -= 100
    else:
        raise Reject
    return _piece(ctx, None, start, end, rule_type, f"{first // 10:03d}", mod, None)


def _century(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
             ) -> list[Piece]:
    """A century: "the 19th century", "the twenty-first century"."""
    text = f["century"]
    digits = DIGITS.search(text)
    nth = int(digits.group()) if digits else ctx.res.lookup("ordinal", text)
    if not nth:
        raise Reject
    return _piece(ctx, None, start, end, rule_type, f"{int(nth) - 1:02d}", _mod(ctx, f), None)


_OF_BEFORE = r"\b(?:{date_of})\s+\Z"


def _day_of_story_month(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                        ) -> list[Piece]:
    """A bare day of the month, "(ended) on the 7th": of the month the story is in, else the
    nearest such day on the side of the DCT the tense says."""
    digits = DIGITS.search(f["day_only"])
    if digits is None:
        raise Reject
    mod = _mod(ctx, f)
    ref = ctx.ref
    if ref is not None and ref.gran not in ("D", "M"):
        # "The following Monday the gates were chained. ¶ … that same week … He wrote on the
        # 14th": a week (or a part of it) the story is in, on the day it was last on
        ref = ctx.story_day() if ref.gran in ("W", "WE") else ref
    if ref is not None and ref.gran in ("D", "M"):
        number = int(digits.group())
        month_start = ref.day.replace(day=1)
        entry_day = ref.gran == "D" and ctx.frame_day == ref.day
        if entry_day and number > ref.day.day and words_regex(ctx.res, _OF_BEFORE).search(
            ctx.text, max(0, start - 4), start
        ):
            # "*Sunday 10th Sept. 1944.* … your letter of the 28th arrived yesterday": a letter
            # dated after the day this entry is written on is of the month before
            month_start = add_months(month_start, -1)
        try:
            day = dt.date(month_start.year, month_start.month, number)
        except ValueError as error:
            raise Reject from error
        if f.get("part"):
            # "the evening of the 12th": that day's part
            part = ctx.res.lookup("part_of_day", f["part"])
            return _piece(ctx, None, start, end, "TIME", f"{day.isoformat()}T{part}", mod, ref.value)
        return _piece(ctx, None, start, end, "DATE", day.isoformat(), mod, ref.value)
    # No month in the story: "we fly out on the 28th" is the 28th next to the DCT, on
    # the side the tense says.
    near = day_near_dct(ctx, int(digits.group()), start, end)
    return _piece(ctx, None, start, end, "DATE", near.isoformat(), mod, "DCT")


# how far from the document date the story's last day must lie for "inst." to be that day's month
_OWN_YEAR_DAYS = 366


def _day_of_letter_month(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                         ) -> list[Piece]:
    """"the 14th inst.", "the 3rd ult.", "the 2nd prox.": a bare day of the month the writing is
    dated in (the DCT's, or the story's when it is told of another year), or of the month before
    or after it. A weekday in front is left for the weekday rule to compare."""
    digits = DIGITS.search(f["day_only"])
    shift = ctx.res.lookup("letter_month", f["letter_month"])
    if digits is None or shift is None:
        raise Reject
    written, anchor = ctx.base(), "DCT"
    ref = ctx.ref
    if ref is not None and ref.gran in ("D", "M") and abs((ref.day - written).days) > _OWN_YEAR_DAYS:
        # a letter or a report of 1872 reprinted today: its "inst." is its own month (not a
        # day just told in the next year: "from the 1st of January … on Thursday, the 9th inst.")
        written, anchor = ref.day, ref.value
    month_start = add_months(written.replace(day=1), int(shift))
    try:
        day = month_start.replace(day=int(digits.group()))
    except ValueError as error:
        raise Reject from error
    return _piece(ctx, None, start, end, "DATE", day.isoformat(), None, anchor)


_YEAR_ACTION = _calendar(_year)
# a line of a log opened by a time with a leading zero ("0600 Wind NW force 5.")
_LOG_LINE_BEFORE = lazy_compile(
    r"(?:^|\n)[ \t>*_-]*0\d[0-5]\d:?[ \t]+(?:[—–][ \t]+)?[A-Z(]"
    # ... or a sentence inside a log line ("**Mon 2 Oct.** 0700 slipped mooring.")
    r"|[.!?] {1,3}0\d[0-5]\d[ \t]+[A-Za-z(]"
)


def _log_clock(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    """"1800 Wind NNW 7." in a log whose lines before it open with times ("0600 Wind NW 5."): a
    clock time, not the year 1800. Outside a log the four digits are the year they look like
    ("- 1998 Club founded", "from 2009 to 2014")."""
    if _LOG_LINE_BEFORE.search(ctx.text, max(0, start - _LOG_REACH), start) is None:
        digits = f["hour"] + f["minute"]
        if not _YEAR_DIGITS.fullmatch(digits):
            raise Reject
        return _YEAR_ACTION(ctx, "DATE", {"year": digits}, {"year": (start, end)}, start, end)
    return _TIME_OF_DAY(ctx, rule_type, f, s, start, end)


_YEAR_DIGITS = lazy_compile(r"(?:1[0-9]|20)\d\d")
# how far back a line opened by a time with a leading zero makes the text a log (a day's
# entries: "- 0600 — Sailed" … "completed by 1745" thirty lines on)
_LOG_REACH = 3000


def _entry_day_of_story(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                        ) -> list[Piece]:
    """"*12th.* — Snow from dawn." opening an entry of a story told entry by entry: the day of the
    story's month (or the next, for a day before the last entry's)."""
    frames = ctx.frames
    if frames is None or not frames.leads(start, end) or ctx.ref is None or ctx.ref.gran not in ("D", "M"):
        raise Reject
    digits = DIGITS.search(f["day_only"])
    if digits is None:
        raise Reject
    number = int(digits.group())
    last = frames.last_entry
    month_start = (last or ctx.ref).day.replace(day=1)
    if last is not None and number < last.day.day:
        month_start = add_months(month_start, 1)  # "*30th.* … *2nd.*": the diary went on into the next month
    try:
        day = month_start.replace(day=number)
    except ValueError as error:
        raise Reject from error
    return _piece(ctx, None, start, end, "DATE", day.isoformat(), None, (last or ctx.ref).value)


def _day_count(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    """"*Day 15.*" opening an entry of a journal whose entries count days: that many days after
    the last entry that gave its count and its date ("*Day 14. Wed. 22nd.*")."""
    frames = ctx.frames
    counted = frames.day_count if frames is not None else None
    if frames is None or counted is None or not frames.leads(start, end):
        raise Reject
    number, day = counted
    value = add_days(day, int(f["day_count"]) - number)
    return _piece(ctx, None, start, end, "DATE", value.isoformat(), None, day.isoformat())


def _weekday_day_of_story(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                          ) -> list[Piece]:
    """A weekday and a bare day of the month, "**Tuesday 4th.**", "on Friday the 7th": of the
    month the story is in, or the month after it (a diary goes on), whichever the weekday fits;
    with no story month, the nearest such day to the DCT that the weekday fits."""
    number = day_of(ctx, f, "day_only") if f.get("day_only") else day_of(ctx, f)
    weekday = (ctx.res.lookup("weekday", f["weekday"]) or ctx.res.lookup("weekday_abbr", f["weekday"])
               or ctx.res.lookup("weekday_abbr_dated", f["weekday"]))
    if number is None or weekday is None:
        raise Reject
    wanted = int(weekday)
    ref = story_entry_ref(ctx, start, end) or ctx.ref
    if ref is not None and ref.gran in ("D", "W", "M"):
        first = ref.day.replace(day=1)
        months = [first, add_months(first, 1), add_months(first, -1)]
        anchor = ref.value
    else:
        first = ctx.base().replace(day=1)
        months = [first, add_months(first, -1), add_months(first, 1)]
        anchor = "DCT"
    days = []
    for month in months:
        try:
            days.append(month.replace(day=number))
        except ValueError:
            continue
    if not days:
        raise Reject
    fitting = [day for day in days if day.isoweekday() == wanted]
    # a weekday that fits none of them is the text's error to report: the story's month stands
    day = fitting[0] if fitting else days[0]
    return _piece(ctx, None, start, end, "DATE", day.isoformat(), _mod(ctx, f), anchor)


def _numeric(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
             ) -> list[Piece]:
    """A date in digits: "04/05/2025", "12.03.2025" (day and month order by the settings)."""
    first, second, year_text = int(f["n1"]), int(f["n2"]), f["n3"]
    year = int(year_text) if len(year_text) == 4 else two_digit_year(ctx, int(year_text))
    # Dotted all-numeric dates (12.03.2025) are a day-first convention; nobody writes a
    # month first between dots, so only slashes and dashes follow the configured order.
    if ctx.day_first or f.get("sep") == ".":
        day, month = first, second
    else:
        month, day = first, second
    if month > 12 and day <= 12:
        month, day = day, month
    try:
        value = dt.date(year, month, day)
    except ValueError as error:
        raise Reject from error
    ambiguous = first <= 12 and second <= 12 and first != second
    return [Piece(start, end, "DATE", value.isoformat(), ambiguous=ambiguous)]


def _range_pair(first: Piece, second: Piece) -> list[Piece]:
    return [attrs.evolve(first, role="begin"), attrs.evolve(second, role="end")]


def _days_of_a_month(ctx: Context, f: Fields, s: Spans, start: int, end: int,
                     first_from_start: bool) -> list[Piece]:
    """The two ends of a range of days in one month; the first end begins at the day itself,
    or at ``start`` when the month is written before it."""
    month = int(ctx.res.lookup("month", f["month"]) or 0)
    d1, d2 = day_of(ctx, f), day_of(ctx, f, "day2")
    if not month or d1 is None or d2 is None or d2 <= d1:
        raise Reject  # "No. 14 - 4 December": a backwards "range" is a number and a date
    year = year_of(ctx, f)
    anchor = None
    if year is None:
        year = year_for_month(ctx, month, d1, start, end)
        anchor = "DCT"
    try:
        first, second = dt.date(year, month, d1), dt.date(year, month, d2)
    except ValueError as error:
        raise Reject from error
    a0, a1 = s["day"]
    if first_from_start or f.get("wd1"):
        a0 = start  # (from its weekday: "Tuesday 12 to Thursday 14 November")
    b0 = s["wd2"][0] if f.get("wd2") else s["day2"][0]
    return _range_pair(
        Piece(a0, a1, "DATE", first.isoformat(), anchor=anchor, temporal_function=anchor is not None),
        Piece(b0, end, "DATE", second.isoformat(), anchor=anchor,
              temporal_function=anchor is not None),
    )


def _day_range(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
               ) -> list[Piece]:
    """Days of one month, the month after them: "3 to 21 March 2024", "3-5 May"."""
    return _days_of_a_month(ctx, f, s, start, end, first_from_start=False)


def _day_range_md(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                  ) -> list[Piece]:
    """Days of one month, the month before them: "March 3-21, 2024"."""
    return _days_of_a_month(ctx, f, s, start, end, first_from_start=True)


def _year_range(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                ) -> list[Piece]:
    """Two years: "2019-2021", "1999/00"."""
    first = int(f["year"])
    if f.get("year2"):
        second = int(f["year2"])
    else:
        second = first // 100 * 100 + int(f["yy2"])
        if second <= first:
            second += 100
        if second - first > 20:
            raise Reject  # "2024/03" is not a range of years
    if second <= first or second - first > 200:
        raise Reject
    mod = position_mod(ctx, f)
    return _range_pair(
        Piece(start, s["year"][1], "DATE", f"{first:04d}", mod=mod),
        Piece(s["year2"][0] if "year2" in s else s["yy2"][0], end, "DATE", f"{second:04d}"),
    )


# ---------------------------------------------------------------------------------------------
# The registry of this module's actions


_TIME_OF_DAY = _calendar(_time_of_day)

# The actions that place one calendar date or time (they can set the story's reference time).
DATE_ACTIONS: dict[str, Action] = {
    "year": _calendar(_year),
    "month": _calendar(_month),
    "day": _calendar(_day),
    "week_of_day": _calendar(_week_of_day),
    "weekday": _calendar(_weekday),
    "season": _calendar(_season),
    "quarter": _calendar(_quarter),
    "half": _calendar(_half),
    "week": _calendar(_week),
    "holiday": _calendar(_holiday),
    "deictic": _calendar(_deictic),
    "week_on": _calendar(_week_on),
    "time_of_day": _TIME_OF_DAY,
    "decade": _decade,
    "century": _century,
    "day_of_story_month": _day_of_story_month,
    "day_of_letter_month": _day_of_letter_month,
    "weekday_day_of_story": _weekday_day_of_story,
    "day_count": _day_count,
    "entry_day_of_story": _entry_day_of_story,
    "log_clock": _log_clock,
}

# Dates written in digits and ranges of dates.
CALENDAR_ACTIONS: dict[str, Action] = {
    **DATE_ACTIONS,
    "numeric": _numeric,
    "day_range": _day_range,
    "day_range_md": _day_range_md,
    "year_range": _year_range,
}
