"""Counted and relative expressions: durations, offsets ("two days later"), units relative to
the DCT or the story ("next week", "the following year"), anaphors ("the quarter", "the
year-ago period") and sets ("every Monday")."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.tagger.calendar import (
    GRANULARITY,
    Anchor,
    add_days,
    add_months,
    anchor_value,
    quarter_of,
    shift,
    value_at,
    week_value,
)
from chrono.tagger.context import REF_VALUES, Action, Context, Fields, Piece, Reject, Spans
from chrono.tagger.fields import approx_mod, fmt, number, position_mod, unit_code
from chrono.tagger.resources import words_regex
from chrono.tagger.tense import (
    era_long_ago,
    ref_bounds_a_state,
    ref_is_a_period_for,
    sentence_start,
    story_base,
    tense,
)

__all__ = ["RELATIVE_ACTIONS", "completed", "duration_value"]

_THAN_AFTER = r"[ \t]+{comparison_word}"
# "two days after that.": the pronoun closes the phrase (not "after that meeting")
_PRONOUN_AFTER = (r"[ \t]+({direction_pronoun})(?=[ \t]*(?:[,.;:!?)—–]|\n|\Z)"
                  r"|[ \t]+(?:{direction_pronoun_clause})[ \t])")
_LENGTH_BEFORE = r"\b(?:{length_signal})[ \t]+(?:[\w-]+[ \t]+){0,2}\Z"
_SCHEDULED_FOR = r"\b(?:{scheduling_lead})[ \t]+(?:{length_signal})[ \t]+(?:[\w-]+[ \t]+){0,2}\Z"
_FRACTION = r"\w-{fraction_unit}"


def _over_means_more(ctx: Context, s: Spans) -> bool:
    before = _LAST_WORD.search(ctx.text, max(0, s["approx"][0] - 30), s["approx"][0])
    return before is not None and ctx.res.has("over_more_than_lead", before.group(1))


_LAST_WORD = lazy_compile(r"([\w']+)[ \t]*\Z")


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60),
            "TM": ("TS", 60)}


_YEARS = {"DE": 10, "CE": 100, "ML": 1000}


def duration_value(code: str, amount: float | None) -> str:
    """A TIMEX3 duration: ``P3W``, ``PT6H``, ``P2Y6M`` for 2 1/2 years, ``PXY`` when vague."""
    if code == "2W":
        code, amount = "W", None if amount is None else amount * 2
    if code in _YEARS:
        # ISO 8601 has no decade or century designator: "two decades" is P20Y.
        code, amount = "Y", None if amount is None else amount * _YEARS[code]
    if amount is None:
        return f"PTX{code[1:]}" if code.startswith("T") else f"PX{code}"
    parts: list[tuple[str, float]] = [(code, amount)]
    if amount != int(amount) and code in _SMALLER:
        whole = int(amount)
        smaller, factor = _SMALLER[code]
        parts = [(code, whole), (smaller, round((amount - whole) * factor, 3))]
        if whole == 0:
            parts = parts[1:]
    date_part = "".join(f"{fmt(n)}{c}" for c, n in parts if not c.startswith("T"))
    time_part = "".join(f"{fmt(n)}{c[1:]}" for c, n in parts if c.startswith("T"))
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _duration(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    code = unit_code(ctx, f["unit"])
    if code == "Q" and words_regex(ctx.res, _FRACTION, re.IGNORECASE).search(ctx.text, start, end):
        raise Reject  # "three-quarters of", "a rolling four-quarter test"
    amount: float | None
    side = str(ctx.res.lookup("duration_relation", f["dur_rel"])) if f.get("dur_rel") else ""
    if side in REF_VALUES and not f.get("num") and not f.get("vague") and code not in (
        "TH", "TM", "TS"
    ):
        # "recent years", "coming months": a vague stretch of the past or the future.
        return [Piece(start, end, "DATE", side, None, "DCT", temporal_function=True)]
    if f.get("half_of"):
        amount = 0.5
    elif f.get("quarter_of"):
        amount = 0.75 if f["quarter_of"].lower() == "three" else 0.25
    elif f.get("num"):
        amount = number(ctx.res, f["num"])
        if amount is None:
            raise Reject
        if code == "TS" and amount == 1 and not f["num"].strip()[:1].isdigit():
            raise Reject  # "a second", "one second": the ordinal, not a duration
    elif f.get("single_unit") and not ctx.res.has("unit_plural_bare", f["unit"]):
        amount = 1  # "a week-long closure", "an hour-long meeting" (not "decades-long")
    else:
        amount = None
    if f.get("unit2"):
        amount = None
    if f.get("plus_half") and amount is not None:
        amount += 0.5
    mod = approx_mod(ctx, f)
    if ctx.res.has("approx_stretch", f.get("approx", "")) and "approx" in s and not (
        _over_means_more(ctx, s)
    ):
        # "phased in over 18 months", "spread over three years": "over" is the preposition of
        # a stretch, not "more than" ("took over 18 months", "just over an hour").
        start, mod = s["approx"][1], None
    if code == "WE" and amount is not None:
        return [Piece(start, end, "DURATION", duration_value("D", 2 * amount), mod)]
    return [Piece(start, end, "DURATION", duration_value(code, amount), mod)]


# units from the largest down: a compound length names them in this order ("1 hour 35 minutes")
_UNIT_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _duration_compound(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                       ) -> list[Piece]:
    """"1 hour 35 minutes", "3 days and 4 hours", "2 hours 6 minutes 12 seconds": one length in
    two or three units, larger first."""
    keys = [("unit", "num"), ("unit_b", "num_b")] + ([("unit_c", "num_c")] if f.get("unit_c") else [])
    codes = [unit_code(ctx, f[unit]) for unit, _ in keys]
    amounts = [number(ctx.res, f[num]) for _, num in keys]
    whole, quarters = amounts[0], amounts[1]
    if codes[1] == "Q" and len(keys) == 2 and codes[0] in _UNIT_ORDER and whole is not None and (
        quarters in (1, 3)
    ):
        # "an hour and a quarter", "a year and three quarters": quarters of the unit before
        return [Piece(start, end, "DURATION", duration_value(codes[0], whole + quarters / 4),
                      approx_mod(ctx, f))]
    if None in amounts or any(code not in _UNIT_ORDER for code in codes) or any(
        _UNIT_ORDER.index(a) >= _UNIT_ORDER.index(b) for a, b in itertools.pairwise(codes)
    ):
        raise Reject
    parts = list(zip(codes, amounts, strict=True))
    if "W" in codes and "D" in codes:
        # ISO 8601 does not write weeks beside days: "2 weeks 3 days" is P17D ("2 weeks 3 days 4
        # hours" P17DT4H)
        days = sum((7 if code == "W" else 1) * (amount or 0) for code, amount in parts if code in ("W", "D"))
        parts = [("D", days), *((code, amount) for code, amount in parts if code not in ("W", "D"))]
    date_part = "".join(f"{fmt(n or 0)}{c}" for c, n in parts if not c.startswith("T"))
    time_part = "".join(f"{fmt(n or 0)}{c[1:]}" for c, n in parts if c.startswith("T"))
    value = "P" + date_part + (f"T{time_part}" if time_part else "")
    return [Piece(start, end, "DURATION", value, approx_mod(ctx, f))]


def _offset(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    pieces = _offset_pieces(ctx, rule_type, f, s, start, end)
    res = ctx.res
    direction_word = f.get("direction") or f.get("story_direction", "")
    sign = res.lookup("direction", direction_word)
    # "Two days later", "three years ago" move the story; "a year earlier" / "a year ago" in
    # a report compare with a baseline and leave it where it was.
    comparing = (sign is not None and int(sign) < 0 and not res.has("direction_dct", direction_word)
                 ) or (_count_of_one(ctx, f)
                       and unit_code(ctx, f["unit"]) == "Y")
    return pieces if sign is None or comparing else _narrating(pieces)


def _count_of_one(ctx: Context, f: Fields) -> bool:
    """Whether the count is one: none written ("the year before"), "1", "a", "one"."""
    count = f.get("num")
    return count is None or count.strip() == "1" or ctx.res.has("count_of_one", count)


def _narrating(pieces: list[Piece]) -> list[Piece]:
    """The pieces, with their dates and times marked as moving the story's time on."""
    return [attrs.evolve(p, narrates=True) if p.type in ("DATE", "TIME") else p for p in pieces]


def _offset_pieces(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                   ) -> list[Piece]:
    res = ctx.res
    if words_regex(res, _THAN_AFTER).match(ctx.text, end) and "direction" in s:
        # "two weeks earlier than last year": a difference, i.e. a length, not a date
        return _duration(ctx, rule_type, f, s, start, s["direction"][0])
    direction_word = f.get("direction") or f.get("story_direction", "")
    sign = res.lookup("direction", direction_word)
    if sign is None:
        raise Reject
    sign = int(sign)
    code = unit_code(ctx, f["unit"])
    lead = ctx.text[max(0, start - 40):start]
    length = words_regex(res, _LENGTH_BEFORE, re.IGNORECASE).search(lead) is not None and (
        words_regex(res, _SCHEDULED_FOR, re.IGNORECASE).search(lead) is None)
    pronoun = words_regex(res, _PRONOUN_AFTER, re.IGNORECASE).match(ctx.text, end) if res.has(
        "direction_event", direction_word) and ctx.ref is not None and not length else None
    if pronoun is not None:
        # "two days after that", "a fortnight before that": from the story's last time
        end = pronoun.end(1)
    elif res.has("direction_event", direction_word) and "direction" in s:
        # "two years after the war": the quantity is a duration; the event anchors it.
        cut = s["direction"][0]
        return _duration(ctx, rule_type, f, s, start, cut)
    from_dct = res.has("direction_dct", direction_word) or ctx.ref is None
    mod = approx_mod(ctx, f)
    if not f.get("num") and (f.get("vague") or res.has("unit_plural", f["unit"])):
        if not from_dct:
            # "weeks later" in a story about 2023: some weeks after the story's time, not after
            # the DCT; all TIMEX3 can say is how long, vaguely.
            return [Piece(start, end, "DURATION", duration_value(code, None), mod)]
        # "several years ago": somewhere in the past (or, "years later", the future).
        return [Piece(start, end, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod,
                      "DCT", temporal_function=True)]
    amount = number(res, f["num"]) if f.get("num") else 1.0
    if amount is None:
        raise Reject
    if code == "2W":
        code, amount = "W", amount * 2
    weekend = code == "WE"
    if weekend:
        code = "W"
    if amount != int(amount):
        if code == "Y":
            code, amount = "M", amount * 12
        elif code in ("TH", "TM"):
            code, amount = _SMALLER[code][0], round(amount * 60)
        else:
            amount = round(amount)
    steps = int(amount) * sign
    if code.startswith("T"):
        from_dct = res.has("direction_dct", direction_word) or (ctx.ref is None and ctx.clock is None)
        if not from_dct and ctx.clock is not None and code in _CLOCK_STEP:
            # "two hours later" after "at 9 p.m.": a clock time, counted from that one.
            moment, zone = ctx.clock
            moved_clock = moment + steps * _CLOCK_STEP[code]
            shown = moved_clock.isoformat(timespec="seconds" if moved_clock.second else "minutes")
            stated = moment.isoformat(timespec="seconds" if moment.second else "minutes")
            return [Piece(start, end, "TIME", shown + zone, mod, stated + zone,
                          temporal_function=True)]
        if from_dct and ctx.dct_time is not None and code in _CLOCK_STEP:
            # "three hours ago" in a story time-stamped 10:00.
            moment = dt.datetime.combine(ctx.base(), dt.time.fromisoformat(ctx.dct_time))
            moved_clock = moment + steps * _CLOCK_STEP[code]
            shown = moved_clock.isoformat(timespec="seconds" if moved_clock.second else "minutes")
            return [Piece(start, end, "TIME", shown, mod, "DCT", temporal_function=True)]
        story_day = ctx.story_day()
        if not from_dct and story_day is not None:
            return [Piece(start, end, "DATE", story_day.value, mod, story_day.value,
                          temporal_function=True)]
        base = ctx.base()
        return [Piece(start, end, "DATE", base.isoformat(), mod, "DCT", temporal_function=True)]
    out_code = "Y" if code in ("DE", "CE") else code
    period = _report_period(ctx, start)
    if code == "Y" and steps == -1 and period is not None:
        # "a year ago", "a year earlier" in a report about a quarter: the same quarter a year
        # before, even when a closing date ("ended Sept. 30") came in between.
        moved = shift(period.day, code, steps)
        return [Piece(start, end, "DATE", value_at(moved, period.gran), mod, period.value,
                      temporal_function=True)]
    if from_dct:
        base = ctx.base()
        moved = shift(base, code, steps)
        same = words_regex(res, _SAME_PART_AFTER, re.IGNORECASE).match(ctx.text, end)
        if same is not None and code in ("Y", "DE", "CE") and sign < 0:
            # "Twenty-three years ago this month": that month of that year
            spec = str(res.lookup("same_part_after", " ".join(same.group(1).lower().split()))).split(":")
            finer_code = spec[0]
            if finer_code == "S":
                # "sixty-five years ago this winter" in April: the winter just gone, which began
                # in the December before that year's
                season = spec[1]
                year = moved.year - (1 if season == "WI" and moved.month < _MID_YEAR else 0)
                return [Piece(start, same.end(), "DATE", f"{year:04d}-{season}", mod, "DCT",
                              temporal_function=True)]
            if len(spec) > 1:
                moved = moved + dt.timedelta(days=int(spec[1]))  # "… ago last night": the night before
            part = spec[2] if len(spec) > 2 else ""
            value = value_at(moved, finer_code) + (f"T{part}" if part else "")
            if finer_code == "W" and mod is None:
                # "opened 125 years ago this week": an anniversary in the days around this week's,
                # not within that year's calendar week ("on Saturday 6 June 1896", told on
                # Tuesday 8 June)
                mod = "APPROX"
            return [Piece(start, same.end(), "TIME" if part else "DATE", value, mod, "DCT",
                          temporal_function=True)]
        return [Piece(start, end, "DATE", value_at(moved, "WE" if weekend else out_code), mod,
                      "DCT", temporal_function=True)]
    ref = ctx.ref
    assert ref is not None
    if code == "D" and ctx.day_ref is not None and (ref.gran in _COARSER_THAN_DAY or (
        ref.gran == "Y" and (ref_bounds_a_state(ctx) or ref_is_a_period_for(ctx))
    )):
        # "one of 140 pilgrims to arrive that day, against 1,500 a day in the summer. … I flew
        # home two days later": days are counted from the story's last day, not from a season;
        # nor from a year that only bounds a state ("a mechanism that dates from 1958. ¶ Four
        # days later, on Thursday 9 May")
        ref = ctx.day_ref
    moved = shift(ref.day, code, steps)
    finer = GRANULARITY.get(ref.gran, 0) > GRANULARITY.get(code, 0)
    gran = ref.gran if finer and ref.gran in ("Q", "H", "M", "S") else out_code
    if ref.gran == code and code in ("DE", "CE"):
        gran = code  # "the 1980s ... two decades later": the 2000s
    if code == "W" and ref.gran == "D" and not weekend:
        gran = "D"  # "A week later" after "15 August 1987": 22 August, the day the story moves to
    if gran == "S" and code in ("Y", "DE", "CE"):
        gran = "Y"  # "in the spring of 1971 … four years later": 1975, not its spring
    if gran == "S":
        gran = "Q" if code in ("Y",) else code
        return [Piece(start, end, "DATE", anchor_value(Anchor(moved, "S", "")), mod, ref.value,
                      temporal_function=True)]
    return [Piece(start, end, "DATE", value_at(moved, gran), mod, ref.value, temporal_function=True)]


_SAME_PART_AFTER = r"[ \t]+({same_part_after})\b"
_COARSER_THAN_DAY = frozenset({"S", "M", "Q", "H"})  # (not a year: "in 1987 … two days later" has no day)
# a year written in figures ("2018"): a time whose words hold one is written out, not counted
FOUR_DIGIT_YEAR = lazy_compile(r"(?<!\d)\d{4}(?!\d)")
_MID_YEAR = 7  # a winter named before July is the one that began the December before

_CLOCK_STEP = {"TH": dt.timedelta(hours=1), "TM": dt.timedelta(minutes=1),
               "TS": dt.timedelta(seconds=1)}

# How far back (characters) a named quarter still sets the period a report compares.
_PERIOD_REACH = 1200


def completed(ctx: Context, period: Anchor) -> bool:
    """Whether a quarter or half year is over by the DCT: only those are reported on."""
    return shift(period.day, period.gran, 1) <= ctx.base()


def _report_period(ctx: Context, start: int) -> Anchor | None:
    """The quarter (or half) a financial report is about: the reference time when it is a
    finished quarter, else the last finished quarter named shortly before."""
    ref = ctx.ref
    if ref is not None and ref.gran in ("Q", "H") and completed(ctx, ref):
        return ref
    if ctx.period is not None and 0 <= start - ctx.period_end <= _PERIOD_REACH and (
        ref is None or ref.gran in ("D", "Q", "H")
    ):
        return ctx.period
    return None


# "the last day on which …", "the last week that …": the unit described, not counted from now
_THE_BEFORE_WORD = r"\b(?:{article_definite})[ \t]+\Z"
_DESCRIBED_AFTER = (r"[ \t]+(?:(?:{described_preposition})[ \t]+(?:{described_which})"
                    r"|(?:{described_relative}))\b")


_POSSESSIVE_BEFORE = r"\b(?:{possessive_determiner})\s+\Z"


def _rel_unit(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    pieces = _rel_unit_pieces(ctx, rule_type, f, s, start, end)
    if not f.get("anaphoric") or f.get("rel"):
        return pieces
    return _narrating(pieces)  # "the following year", "the next day" move the story on


def _rel_unit_pieces(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                     ) -> list[Piece]:
    res = ctx.res
    code = str(res.lookup("calendar_unit", f["unit"]) or "")
    if not code:
        raise Reject
    if f.get("rel") and words_regex(res, _POSSESSIVE_BEFORE, re.IGNORECASE).search(
        ctx.text, max(0, start - 8), start
    ):
        raise Reject  # "in the whole of its last year before closure": a year of its life
    mod = position_mod(ctx, f)
    anchor_day = ctx.base()
    anchor = "DCT"
    if f.get("after_next"):
        steps = int(res.lookup("rel_two_steps", f["after_next"]) or 0)
        if not steps:
            raise Reject
        told = story_base(ctx, start, end)
        if told is not None:
            anchor_day, anchor = told.day, told.value
    elif f.get("rel") and res.has("rel", f["rel"]):
        lead = f["rel"].split(" ", 1)  # "the last": the words hold the article
        definite = (len(lead) == 2 and res.has("article_definite", lead[0])) or words_regex(
            res, _THE_BEFORE_WORD, re.IGNORECASE
        ).search(ctx.text, max(0, start - 5), start) is not None
        if definite and words_regex(res, _DESCRIBED_AFTER, re.IGNORECASE).match(ctx.text, end):
            raise Reject  # "on Monday 11 March, the last day on which councils …": a description
        steps = int(res.lookup("rel", f["rel"]))
        told = story_base(ctx, start, end)
        if told is not None:  # "We start shearing next week" in a letter of 2 March 1952
            anchor_day, anchor = told.day, told.value
    else:
        steps = int(res.lookup("anaphoric", f.get("anaphoric", "")) or 0)
        if ctx.ref is not None:
            anchor_day = ctx.ref.day
            anchor = ctx.ref.value
            written = ctx.written_year
            if code == "Y" and steps == 0 and written is not None and written[0] != anchor_day.year and (
                written[1] <= ctx.ref_start
                and FOUR_DIGIT_YEAR.search(ctx.text, ctx.ref_start, ctx.ref_end) is None
            ):
                # "in the summer of 2018. The trial, which opened on 4 November, heard that he had
                # been dismissed in the spring of that year": the year written out last
                anchor_day, anchor = dt.date(written[0], 1, 1), f"{written[0]:04d}"
    ref = ctx.ref
    if (anchor != "DCT" and ref is not None and code == "D" and ref.gran == "Y" and not steps
            and ctx.day_ref is not None and ref_is_a_period_for(ctx)):
        # "on Friday 9 March … said profit for 2017 would be lower. The shares fell that day"
        return [Piece(start, end, "DATE", ctx.day_ref.value, mod, ctx.day_ref.value,
                      temporal_function=True)]
    if anchor != "DCT" and ref is not None and code in ("D", "M") and (
        GRANULARITY.get(ref.gran, 0) < GRANULARITY[code] and ref.gran in ("Y", "Q", "H", "S", "M")
    ):
        # "that same day" after "in October 1998": a day of that month, which one unknown.
        year = f"{ref.day.year:04d}"
        if code == "M":
            return [Piece(start, end, "DATE", f"{year}-XX", mod, anchor, temporal_function=True)]
        month = f"{ref.day.month:02d}" if ref.gran == "M" else "XX"
        return [Piece(start, end, "DATE", f"{year}-{month}-XX", mod, anchor,
                      temporal_function=True)]
    if code == "TH":
        if ctx.dct_time is None:
            raise Reject
        return [Piece(start, end, "TIME", f"{ctx.base().isoformat()}T{ctx.dct_time[:2]}", mod,
                      anchor, temporal_function=True)]
    moved = shift(anchor_day, code, steps)
    return [Piece(start, end, "DATE", value_at(moved, code), mod, anchor, temporal_function=True)]


def _anaphor(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    # The period word, by its calendar unit: Y, Q, M, W, WE ("period" counts as a quarter).
    unit = str(ctx.res.lookup("calendar_unit", f.get("aunit", ""))
               or ctx.res.lookup("period_word", f.get("aunit", "")) or "")
    mod = position_mod(ctx, f)
    ref = ctx.ref
    base = ctx.base()
    back = 1 if f.get("shift") else 0
    if f.get("yearend"):
        day = base
        return [Piece(start, end, "DATE", value_at(day, "Y"), "END", "DCT", temporal_function=True)]
    which = str(ctx.res.lookup("period_which", f["which"])) if f.get("which") else ""
    latest = which == "latest"
    current = which == "current"
    if unit == "Q":
        if f.get("year"):
            reported = _report_period(ctx, start)
            quarter_day = (reported.day if reported is not None and reported.gran == "Q"
                           else add_months(base, -3))
            day = dt.date(int(f["year"]), quarter_day.month, 1)
            return [Piece(start, end, "DATE", value_at(day, "Q"), mod, "DCT",
                          temporal_function=True)]
        if current:
            day, label = base, "DCT"
        elif not latest and ref is not None and ref.gran in ("Q", "M", "D"):
            day, label = ref.day, ref.value
        else:
            day, label = add_months(base, -3), "DCT"
        return [Piece(start, end, "DATE", value_at(shift(day, "Y", -back), "Q"), mod, label,
                      temporal_function=True)]
    period = _report_period(ctx, start)
    if unit == "Y" and back and f.get("quarter"):
        # "the year-ago third quarter": that quarter of the year before the one reported on.
        quarter = int(ctx.res.lookup("quarter_ordinal", f["quarter"]) or 0)
        if not 1 <= quarter <= 4:
            raise Reject
        year = period.day.year if period is not None else base.year - (
            quarter > quarter_of(base))
        return [Piece(start, end, "DATE", f"{year - 1:04d}-Q{quarter}", None,
                      period.value if period is not None else "DCT", temporal_function=True)]
    if unit == "Y" and back and ctx.res.lookup("calendar_unit", f.get("period", "")) == "Q":
        day = period.day if period is not None and period.gran == "Q" else add_months(base, -3)
        return [Piece(start, end, "DATE", value_at(shift(day, "Y", -1), "Q"), None,
                      period.value if period is not None else "DCT", temporal_function=True)]
    # "On the night of 15 October … by the weekend the men had it covered … before the end of
    # the year" in a memoir of 1987: the week and the year of the story's day, years before now
    story_day = ref if ref is not None and ref.gran == "D" and era_long_ago(ctx, ref) and not back else None
    if unit == "Y" and story_day is not None and not latest and not current:
        return [Piece(start, end, "DATE", value_at(story_day.day, "Y"), mod, story_day.value,
                      temporal_function=True)]
    if unit == "WE" and story_day is not None:
        day = add_days(story_day.day, max(0, 6 - story_day.day.isoweekday()))
        return [Piece(start, end, "DATE", week_value(day) + "-WE", mod, story_day.value,
                      temporal_function=True)]
    if unit == "Y":
        if back:
            if period is not None:
                return [Piece(start, end, "DATE", value_at(shift(period.day, "Y", -1),
                                                           period.gran),
                              mod, period.value, temporal_function=True)]
            return [Piece(start, end, "DATE", value_at(shift(base, "Y", -1), "Y"), mod, "DCT",
                          temporal_function=True)]
        if latest:
            return [Piece(start, end, "DATE", value_at(shift(base, "Y", -1), "Y"), mod, "DCT",
                          temporal_function=True)]
        return [Piece(start, end, "DATE", value_at(base, "Y"), mod, "DCT",
                      temporal_function=True)]
    if unit == "M":
        day = ref.day if ref is not None and ref.gran in ("M", "D") else base
        return [Piece(start, end, "DATE", value_at(day, "M"), mod,
                      ref.value if ref is not None and ref.gran in ("M", "D") else "DCT",
                      temporal_function=True)]
    if unit == "W":
        day = ref.day if ref is not None and ref.gran in ("D", "W") else base
        return [Piece(start, end, "DATE", week_value(day), mod, "DCT", temporal_function=True)]
    if unit == "WE":
        # The weekend of the DCT's week when the DCT falls on it; otherwise the one before
        # when the clause is past ("it rained over the weekend"), else the one ahead ("the
        # outlook for the weekend", "see you at the weekend").
        day = base
        if day.isoweekday() < 6:
            direction = tense(ctx, start, end)
            if direction == 0 and words_regex(ctx.res, _PERFECT_OPENS, re.IGNORECASE).search(
                ctx.text, sentence_start(ctx.text, start, _SENTENCE_REACH), start
            ):
                # "A 24-year-old man has been charged with affray and criminal damage after a
                # two-hour stand-off … at the weekend": a news story's passive perfect, far back in
                # a long sentence, tells what is done (not "has warned that rain is forecast for")
                direction = -1
            ctx.guessed = direction == 0
            day = add_days(day, -day.isoweekday() if direction < 0 else 6 - day.isoweekday())
        return [Piece(start, end, "DATE", week_value(day) + "-WE", mod, "DCT",
                      temporal_function=True)]
    raise Reject


_PERFECT_OPENS = r"\b(?:{have_forms})\s+been\s+[a-z]+ed\b"
_SENTENCE_REACH = 400  # how far back the perfect of a weekend's sentence may stand


def _set(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    res = ctx.res
    if f.get("set_adverb"):
        return [Piece(start, end, "SET", str(res.lookup("set_adverb", f["set_adverb"])))]
    part = (res.lookup("part_of_day", f["part"]) or res.lookup("part_of_day_plural", f["part"])
            if f.get("part") else None)
    if f.get("weekday"):
        weekday = res.lookup("weekday", f["weekday"]) or res.lookup("weekday_plural", f["weekday"])
        value = f"XXXX-WXX-{weekday}"
        return [Piece(start, end, "SET", value + (f"T{part}" if part else ""))]
    if f.get("month"):
        month = f"XXXX-{int(res.lookup('month', f['month'])):02d}"
        if f.get("day"):
            return [Piece(start, end, "SET", f"{month}-{int(f['day']):02d}")]  # "every 25 July"
        return [Piece(start, end, "SET", month)]
    if f.get("season"):
        return [Piece(start, end, "SET", f"XXXX-{res.lookup('season', f['season'])}")]
    if f.get("unit"):
        code = unit_code(ctx, f["unit"])
        if code == "WE":
            return [Piece(start, end, "SET", "XXXX-WXX-WE")]  # "every weekend"
        if f.get("freq"):
            # "twice a month": once per period; TIMEX3 keeps the count in its freq attribute.
            return [Piece(start, end, "SET", duration_value(code, 1.0))]
        amount = number(res, f["num"]) if f.get("num") else 1.0
        if ctx.res.lookup("set_quantifier", f.get("quant", "")) == "every_other":
            amount = (amount or 1.0) * 2
        return [Piece(start, end, "SET", duration_value(code, amount))]
    if part:
        return [Piece(start, end, "SET", f"XXXX-XX-XXT{part}")]
    raise Reject


RELATIVE_ACTIONS: dict[str, Action] = {
    "duration": _duration,
    "duration_compound": _duration_compound,
    "offset": _offset,
    "rel_unit": _rel_unit,
    "anaphor": _anaphor,
    "set": _set,
}
