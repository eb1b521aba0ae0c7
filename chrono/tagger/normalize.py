"""From matched fields to TIMEX3 type/value/mod: the language-independent semantics.

Each rule of a language's ``patterns.yaml`` names an *action*; the action reads the rule's
named fields (``year``, ``month``, ``rel``, ``unit`` …), looks words up in the language's
lexicon, and resolves the expression against the document creation time (DCT) or the running
narrative reference time.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from chrono.tagger.calendar import (
    GRANULARITY,
    Anchor,
    add_days,
    add_months,
    anchor_value,
    nth_weekday,
    quarter_of,
    shift,
    value_at,
    week_value,
)
from chrono.tagger.resources import Resources, trie_regex

Fields = dict[str, str]
Spans = dict[str, tuple[int, int]]

REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_DIGITS = re.compile(r"\d+")


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


# ---------------------------------------------------------------------------------------------
# Field helpers


_IN_DIGITS = re.compile(r"[ \t]+\(\d{1,4}\)\Z")


def number(res: Resources, text: str) -> float | None:
    """The value of a number written in digits or words ("12", "1,000", "twenty-four", "1 1/2")."""
    raw = _IN_DIGITS.sub("", text).strip().lower()  # "five (5)": the digits repeat the words
    if not raw:
        return None
    whole, half, _ = raw.partition(" and a half")
    if half and whole:
        # "two and a half", "2 and a half"
        base = number(res, whole)
        return None if base is None else base + 0.5
    if raw[0].isdigit():
        parts = raw.split()
        try:
            total = float(parts[0].replace(",", ""))
        except ValueError:
            return None
        if len(parts) > 1 and "/" in parts[1]:
            top, _, bottom = parts[1].partition("/")
            if top.isdigit() and bottom.isdigit() and int(bottom):
                total += int(top) / int(bottom)
        return total
    direct = res.lookup("number_word", raw)
    if direct is not None:
        return float(direct)
    total = 0.0
    current = 0.0
    for token in re.split(r"[\s-]+", raw):
        if token in ("and", ""):
            continue
        value = res.lookup("number_word", token)
        if value is None:
            return None
        value = float(value)
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def _fmt(amount: float) -> str:
    if amount == int(amount):
        return str(int(amount))
    return f"{amount:.2f}".rstrip("0").rstrip(".")


def year_of(ctx: Context, f: Fields) -> int | None:
    if f.get("year"):
        digits = _DIGITS.search(f["year"])
        return int(digits.group()) if digits else None
    if f.get("yy"):
        return two_digit_year(ctx, int(f["yy"].strip("'")))
    if f.get("yy2"):
        return two_digit_year(ctx, int(f["yy2"]))
    if f.get("year_words"):
        return words_year(ctx.res, f["year_words"])
    return None


def two_digit_year(ctx: Context, yy: int) -> int:
    base = ctx.base().year
    century = base // 100 * 100
    year = century + yy
    if year > base + 10:
        year -= 100
    return year


def words_year(res: Resources, text: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    if not tokens:
        return None
    if tokens[0] == "two" and len(tokens) > 1 and tokens[1] == "thousand":
        rest = [t for t in tokens[2:] if t != "and"]
        extra = number(res, " ".join(rest)) if rest else 0.0
        return 2000 + int(extra or 0)
    head = number(res, tokens[0])
    if head is None:
        return None
    rest = tokens[1:]
    if rest and rest[0] == "hundred":
        words = [t for t in rest[1:] if t != "and"]
        extra = number(res, " ".join(words)) if words else 0.0
        return int(head) * 100 + int(extra or 0)
    if rest and rest[0] == "oh":
        rest = rest[1:]
    tail = number(res, " ".join(rest)) if rest else 0.0
    return int(head) * 100 + int(tail or 0)


def day_of(ctx: Context, f: Fields, key: str = "day") -> int | None:
    if f.get(key):
        digits = _DIGITS.search(f[key])
        return int(digits.group()) if digits else None
    if key == "day" and f.get("day_ord"):
        value = ctx.res.lookup("ordinal", f["day_ord"])
        return int(value) if value is not None else None
    return None


def position_mod(ctx: Context, f: Fields) -> str | None:
    if f.get("position"):
        value = ctx.res.lookup("position", f["position"].replace("-", "- ").strip())
        if value is None:
            value = ctx.res.lookup("position", f["position"].strip(" -"))
        return str(value) if value is not None else None
    return None


def _over_means_more(ctx: Context, s: Spans) -> bool:
    before = _LAST_WORD.search(ctx.text, max(0, s["approx"][0] - 30), s["approx"][0])
    return before is not None and ctx.res.has("over_more_than_lead", before.group(1))


_LAST_WORD = re.compile(r"([\w']+)[ \t]*\Z")


def approx_mod(ctx: Context, f: Fields) -> str | None:
    if f.get("approx"):
        value = ctx.res.lookup("approx", f["approx"])
        return str(value) if value is not None else None
    return None


# ---------------------------------------------------------------------------------------------
# Tense around an expression


_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][\"'’”]*\s+(?=[\"“'`A-Z])|;\s+|\n\s*\n"
)


def tense(ctx: Context, start: int, end: int) -> int:
    """-1 past, +1 future, 0 unknown: the nearest tense marker in the sentence around a span.

    Strong markers (auxiliaries and irregular past forms from the lexicon) win over weak ones
    (any word ending in -ed); the left side is read first, as the verb usually precedes.
    """
    text = ctx.text
    lo = max(0, start - 100)
    hi = min(len(text), end + 80)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 2))]
    left = text[max([lo, *[e for e in ends if e <= start]]):start]
    stop = _SENTENCE_END.search(text, end, hi)
    right = text[end:stop.start() if stop is not None else hi]
    res = ctx.res
    left_words = _tense_words(res, left)[::-1]
    classes = res.classes
    # "as early as Tuesday", "no later than May 1": the bound looks ahead.
    leads = classes.get("tense_future_lead", {})
    for size in (3, 2):
        if len(left_words) >= size and " ".join(left_words[size - 1::-1]) in leads:
            return 1
    if left_words and left_words[0] in classes.get("deadline_until", {}) and any(
        w in classes.get("deadline_setter", {}) for w in left_words[1:10]
    ):
        return 1
    phrases = classes.get("tense_future_phrase", {})
    right_words = _tense_words(res, right)
    for words in (left_words, right_words):
        strong_only = False
        for index, word in enumerate(words):
            if words is left_words and index + 1 < len(words) and (
                words[index + 1] + " " + word in phrases
            ):
                return 1  # "set to resume Monday", "is to meet Tuesday"
            if not strong_only and words is left_words and res.has("arrangement_ing", word) and (
                index + 1 < len(words) and words[index + 1] in _BE_PRESENT
            ):
                return 1  # "I'm flying to Cardiff on Friday": an arrangement ahead
            mark = _mark(res, word)
            if not mark or (strong_only and mark in (1, -1)):
                continue
            if mark in (1, -1) and words is left_words and index + 1 < len(words) and (
                res.has("passive_auxiliary", words[index + 1])
            ):
                # "will be paid", "is expected": the participle says nothing about tense.
                strong_only = True
                continue
            if mark > 0 and words is left_words and index <= 2 and any(
                w in classes.get("tense_past_perfect", {}) for w in words[index + 1:index + 5]
            ):
                # "had been due to expire Friday": the plan lies in the past.
                return -1
            return 1 if mark > 0 else -1
    return 0


# "since 1980", "until 1975": the bound of a state, not the time a story is set in.
_STATE_BOUND = re.compile(r"\b(?:since|until|till|by|before|after|from)\s+\Z", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _street_regex(res: Resources) -> re.Pattern[str] | None:
    """A street name: up to three Title-case words, then a street word ("Market Street")."""
    words = res.classes.get("street_suffix")
    if not words:
        return None
    suffix = trie_regex({w for word in words for w in (word, word.title())})
    return re.compile(r"[ \t]+(?:[A-Z][\w'.-]*[ \t]+){0,3}(?:" + suffix + r")(?![\w])")


def street_follows(res: Resources, text: str, end: int) -> bool:
    """Whether a street name follows ``end``: "1450 Market Street", "12 April Lane"."""
    street = _street_regex(res)
    return street is not None and street.match(text, end) is not None


@functools.lru_cache(maxsize=8)
def _news_regex(res: Resources) -> re.Pattern[str]:
    words = res.classes.get("news_marker", {})
    if not words:
        return re.compile(r"(?!)")
    # "the next year" is the story's, not the DCT's.
    return re.compile(r"(?<!\w)(?<!\bthe )(?:" + trie_regex(words) + r")(?!\w)", re.IGNORECASE)


def _tense_words(res: Resources, segment: str) -> list[str]:
    """The lower-cased words of ``segment``; a capitalized month name that is also a modal
    ("May") is the month unless it opens the segment."""
    future = res.classes.get("tense_future", {})
    out = []
    for index, word in enumerate(res.word_regex.findall(segment)):
        low = word.lower().replace("’", "'")
        if index and low in future and word[:1].isupper() and res.has("month", word):
            continue
        if low.endswith("'ll"):
            low = "will"  # "I'll be back Monday"
        elif low.endswith("'m"):
            low = "am"
        elif low.endswith("'re"):
            low = "are"
        out.append(low)
    return out


def _mark(res: Resources, word: str) -> int:
    if word in res.classes.get("tense_future", {}):
        return 2
    if word in res.classes.get("tense_future_weak", {}):
        return 1
    if word in res.classes.get("tense_past", {}):
        return -2
    if word in res.classes.get("tense_past_weak", {}) or (
        len(word) > 4 and word.endswith("ed") and word not in res.classes.get("tense_ed_not_past", {})
    ):
        return -1
    return 0


def _day_near_dct(ctx: Context, day: int, start: int, end: int) -> dt.date:
    base = ctx.base()
    candidates = []
    for step in (-1, 0, 1):
        month_start = add_months(base.replace(day=1), step)
        try:
            candidates.append(month_start.replace(day=day))
        except ValueError:
            continue
    if not candidates:
        raise Reject
    direction = tense(ctx, start, end)
    if direction > 0:
        ahead = [c for c in candidates if c >= base]
        return min(ahead) if ahead else max(candidates)
    if direction < 0:
        behind = [c for c in candidates if c <= base]
        return max(behind) if behind else min(candidates)
    ctx.guessed = True
    return min(candidates, key=lambda c: (abs((c - base).days), c > base))


def story_year(ctx: Context, month: int) -> int | None:
    """The year a year-less ``month`` has in a story set in another time ("In June 1944 she
    landed ... in the autumn"), forward from the story's last date; None when the text is not
    such a story (it speaks from its own date, or the last date is years-near the DCT or only
    the bound of a state, "since 1980")."""
    story = ctx.ref
    if (story is None or abs(story.day.year - ctx.base().year) < 2 or story.gran == "W"
            or ctx.is_news()
            or _STATE_BOUND.search(ctx.text, max(0, ctx.ref_start - 8), ctx.ref_start)):
        return None
    forward = story.gran in ("D", "M", "Q", "H", "S") and month < story.day.month
    return story.day.year + forward


def year_for_month(ctx: Context, month: int, day: int | None, start: int, end: int) -> int:
    """The year of a year-less month (and day), from the tense around it.

    Past tense: the latest occurrence not after the DCT (with two months' grace, so that
    "ordered to leave by Jan. 14" stays upcoming); future tense: the earliest not before it
    (same grace); no tense: the occurrence nearest to the DCT.
    """
    base = ctx.base()
    direction = tense(ctx, start, end)
    story = story_year(ctx, month) if direction < 0 else None
    if story is not None:
        return story
    base_index = base.year * 372 + (base.month - 1) * 31 + base.day - 1
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        index = year * 372 + (month - 1) * 31 + ((day or 1) - 1)
        candidates.append((index - base_index, year))
    grace = 62 if day else 40
    if direction < 0:
        past = [c for c in candidates if c[0] <= grace]
        return max(past)[1]
    if direction > 0:
        # The DCT's own month (or a day just before the DCT) still counts as upcoming.
        floor = -3 if day else -(base.day - 1)
        future = [c for c in candidates if c[0] >= floor]
        return min(future)[1]
    # No tense: the nearest occurrence; on a tie the past (news reports on what happened).
    ctx.guessed = True
    return min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1]


def weekday_date(ctx: Context, weekday: int, rel: int | None, start: int, end: int) -> dt.date:
    """The date of a weekday name: "last"/"next" move a week; otherwise tense decides and
    news-style past is the default (the most recent such day, the DCT's own day included)."""
    base = ctx.base()
    current = base.isoweekday()
    if rel is not None and rel < 0:
        delta = (current - weekday) % 7 or 7
        return add_days(base, -delta)
    if rel is not None and rel > 0:
        delta = (weekday - current) % 7 or 7
        return add_days(base, delta)
    if rel == 0:
        return add_days(base, weekday - current)
    direction = tense(ctx, start, end)
    if direction > 0:
        return add_days(base, (weekday - current) % 7)
    ctx.guessed = direction == 0 and weekday != current
    return add_days(base, -((current - weekday) % 7))


# ---------------------------------------------------------------------------------------------
# Actions


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


_BE_PRESENT = frozenset({"am", "is", "are"})
_FINAL = frozenset({"last"})
_OF_AFTER = re.compile(r"[ \t]+of\b")
_THAN_AFTER = re.compile(r"[ \t]+than\b")
_ZONE_OFFSET = re.compile(r"(?P<sign>[+-])(?P<hours>\d+):?(?P<minutes>\d\d)?")
_A_BEFORE = re.compile(r"\ba[ \t]+\Z")
_TITLE_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+\.?)[ \t]+\Z")
# Title-case words that may stand before a season ("In Summer", "Late Autumn", "Last Winter").
_SEASON_LEADS = ("month_context", "signal", "position", "approx", "rel", "anaphoric",
                 "year_preposition", "set_quantifier")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+")
_EVENT_AFTER = re.compile(r"[ \t]+(?:on|to|against|across|through|into)[ \t]+(?:the[ \t]+)?[A-Z]")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+\Z")


def weekday_number(res: Resources, word: str) -> int:
    """1 (Monday) to 7 (Sunday) for a weekday name or abbreviation; 0 when it is none."""
    for name in ("weekday", "weekday_abbr", "weekday_abbr_dated"):
        number = res.lookup(name, word)
        if number is not None:
            return int(number)
    return 0


def _year_by_weekday(ctx: Context, guess: int, month: int, day: int, weekday_word: str) -> int:
    """The year next to ``guess`` (itself first, then the nearer neighbours) in which ``day``
    ``month`` falls on the named weekday; ``guess`` when none or the weekday is unknown."""
    weekday = weekday_number(ctx.res, weekday_word)
    if not weekday:
        return guess
    for year in (guess, guess - 1, guess + 1):
        try:
            if dt.date(year, month, day).isoweekday() == int(weekday):
                if year != guess:
                    ctx.guessed = False
                return year
        except ValueError:
            continue
    return guess


def _date(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    res = ctx.res
    mod = position_mod(ctx, f) or approx_mod(ctx, f)
    if f.get("after_mod"):
        mod = str(res.lookup("bound_after", f["after_mod"]))
    if f.get("prefix_mod"):
        mod = str(res.lookup("prefix_bound", f["prefix_mod"]))
    kind = rule_type
    base = ctx.base()
    function = False

    shape_of: list[str] = []  # "year": only the year came from the DCT; "weekday": XXXX-WXX-d
    story: str | None = None  # set when an anaphor counts from the story's time, not the DCT

    def piece(value: str, typ: str | None = None, anchor: str | None = None) -> list[Piece]:
        if anchor == "DCT" and story is not None:
            anchor = story
        shape = None
        if shape_of and shape_of[0] == "year" and len(value) >= 7:
            shape = "XXXX" + value[4:]
        elif shape_of and shape_of[0].startswith("XXXX-WXX-"):
            tail = value[10:] if len(value) > 10 and value[10] == "T" else ""
            shape = shape_of[0] + tail
        return [Piece(start, end, typ or kind, value, mod, anchor, False,
                      function or anchor is not None, shape=shape, guessed=ctx.guessed)]

    if f.get("decade") or f.get("decade_word"):
        if f.get("decade"):
            digits = _DIGITS.search(f["decade"])
            if digits is None:
                raise Reject
            text = digits.group()
            first = two_digit_year(ctx, int(text)) if len(text) == 2 else int(text)
            if len(text) == 4 and text.endswith("00") and first < 2000:
                return piece(f"{first // 100:02d}")  # "the 1800s": the century, not 1800-1809
        else:
            tens = int(res.lookup("decade_word", f["decade_word"]) or 9)
            first = base.year // 100 * 100 + tens * 10
            if first > base.year:
                first -= 100
        return piece(f"{first // 10:03d}")
    if f.get("century"):
        text = f["century"]
        digits = _DIGITS.search(text)
        nth = int(digits.group()) if digits else res.lookup("ordinal", text)
        if not nth:
            raise Reject
        return piece(f"{int(nth) - 1:02d}")

    if f.get("day_only"):
        digits = _DIGITS.search(f["day_only"])
        if digits is None:
            raise Reject
        ref = ctx.ref
        if ref is not None and ref.gran in ("D", "M"):
            try:
                day_in_month = dt.date(ref.day.year, ref.day.month, int(digits.group()))
            except ValueError as error:
                raise Reject from error
            return piece(day_in_month.isoformat(), "DATE", ref.value)
        # No month in the story: "we fly out on the 28th" is the 28th next to the DCT, on
        # the side the tense says.
        return piece(_day_near_dct(ctx, int(digits.group()), start, end).isoformat(), "DATE",
                     "DCT")

    # Clock time and part of day -------------------------------------------------------------
    clock: str | None = None
    if f.get("clock"):
        clock = str(res.lookup("clock_word", f["clock"]))
    elif f.get("hour"):
        hour = int(f["hour"])
        minute = int(f["minute"]) if f.get("minute") else None
        meridiem = res.lookup("meridiem", f["meridiem"]) if f.get("meridiem") else None
        if meridiem in ("am", "pm") and not 1 <= hour <= 12:
            raise Reject
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        if hour > 24 or (hour == 24 and minute):
            raise Reject
        clock = f"{hour:02d}:{minute or 0:02d}"
        if f.get("second"):
            clock += f":{int(f['second']):02d}"
    zone = ""
    offset = _ZONE_OFFSET.match(f.get("zone_off", ""))
    if f.get("zone") and offset is not None and res.lookup("zone", f["zone"]) == "Z":
        # "UTC+3", "GMT-5:30": an offset written after the zone name.
        zone = f"{offset['sign']}{int(offset['hours']):02d}:{offset['minutes'] or '00'}"
        if zone in ("+00:00", "-00:00"):
            zone = "Z"
    elif f.get("zone"):
        zone = str(res.lookup("zone", f["zone"]) or "")
    elif f.get("zone_num"):
        raw = f["zone_num"]
        zone = "Z" if raw.upper() == "Z" else (raw if ":" in raw else raw[:3] + ":" + raw[3:])
    part = str(res.lookup("part_of_day", f["part"])) if f.get("part") else None

    # The day ----------------------------------------------------------------------------------
    year = year_of(ctx, f)
    explicit_year = year is not None
    month: int | None = None
    if f.get("month"):
        month = int(res.lookup("month", f["month"]) or 0) or None
    elif f.get("month_num"):
        month = int(f["month_num"])
    day = day_of(ctx, f)
    rel = int(res.lookup("rel", f["rel"])) if f.get("rel") and res.has("rel", f["rel"]) else None
    if f.get("anaphoric") and rel is None:
        rel_ref = res.lookup("anaphoric", f["anaphoric"])
        if rel_ref is not None and ctx.ref is not None and ctx.ref.gran != "D":
            year = ctx.ref.day.year + int(rel_ref)
            explicit_year = True
        else:
            rel = int(rel_ref) if rel_ref is not None else 0
            if ctx.ref is None and rel == 0 and not f.get("weekday") and not f.get("unit"):
                rel = None  # "that December" with no story time yet: tense decides the year
            if ctx.ref is not None and not f.get("weekday"):
                # "the following spring" after "12 March 2023": counted from the story's day.
                base, story = ctx.ref.day, ctx.ref.value
    date_value: str | None = None
    day_date: dt.date | None = None
    anchor: str | None = None

    if f.get("part_rel"):
        spec = str(res.lookup("part_rel", f["part_rel"]) or "DCT+0")
        origin_name, step = spec[:3], int(spec[3:])
        story_day = ctx.story_day()
        if origin_name == "REF" and story_day is not None:
            day_date = add_days(story_day.day, step)
            anchor = story_day.value
        else:
            day_date = add_days(base, step)
            anchor = "DCT"
    elif f.get("deictic"):
        meaning = str(res.lookup("deictic", f["deictic"]))
        if res.has("deictic_narrative", f["deictic"]) and tense(ctx, start, end) < 0:
            # "He was soon released": soon after the story's time, not the future.
            raise Reject
        if meaning in REF_VALUES:
            return piece(meaning, "DATE", "DCT")
        offset_text, _, deictic_part = meaning.partition("T")
        part = part or deictic_part or None
        story_day = ctx.story_day()
        if res.has("deictic_story", f["deictic"]) and story_day is not None:
            # "overnight" in a story about Friday: the night before Friday.
            day_date = add_days(story_day.day, int(offset_text))
            anchor = story_day.value
        else:
            day_date = add_days(base, int(offset_text))
            anchor = "DCT"
    elif f.get("holiday"):
        spec = str(res.lookup("holiday", f["holiday"]))
        pieces = spec.split("-")
        hmonth = int(pieces[0])
        if year is None:
            year = base.year + rel if rel is not None else year_for_month(ctx, hmonth, 15, start, end)
            anchor = "DCT"
        if len(pieces) == 2:
            day_date = dt.date(year, hmonth, int(pieces[1]))
        else:
            nth = -int(pieces[3]) if spec.count("--") else int(pieces[1])
            weekday = int(pieces[-1])
            found = nth_weekday(year, hmonth, nth, weekday)
            if found is None:
                raise Reject
            day_date = found
    elif month is not None:
        if year is None and rel is not None and not f.get("rel_year"):
            if f.get("month_rel_year"):
                year = base.year + rel
            elif rel < 0:
                year = base.year if month < base.month - 1 else base.year - 1
            elif rel > 0:
                year = base.year if month > base.month else base.year + 1
            else:
                year = base.year
            anchor = "DCT"
        if year is None and day is None and (
            _EVENT_AFTER.match(ctx.text, end) or _NAME_AFTER.match(ctx.text, end)
        ) and _THE_BEFORE.search(ctx.text, max(0, start - 4), start):
            # "the March on Washington", "the May Family Foundation": a name, not a month
            raise Reject
        if year is None:
            year = year_for_month(ctx, month, day, start, end)
            anchor = "DCT"
            if day is not None and f.get("weekday") and not f.get("nth"):
                # "Tue 6 Aug" with no year: the weekday picks the year among the neighbours.
                year = _year_by_weekday(ctx, year, month, day, f["weekday"])
        if day is not None and street_follows(res, ctx.text, end):
            raise Reject  # "12 April Lane": a street name
        if f.get("nth") and f.get("weekday"):
            # "the second Sunday of October", "the last Friday in May".
            nth = int(res.lookup("week_ordinal", f["nth"]) or 0)
            weekday = int(res.lookup("weekday", f["weekday"]) or 0)
            found = nth_weekday(year, month, nth, weekday) if nth and weekday else None
            if found is None:
                raise Reject
            day_date = found
        elif day is not None:
            try:
                day_date = dt.date(year, month, day)
            except ValueError as error:
                raise Reject from error
        else:
            date_value = f"{year:04d}-{month:02d}"
    elif f.get("season"):
        head = ctx.text[start:end].split()[-1]
        if _NAME_AFTER.match(ctx.text, end) and head.istitle() and (
            " " not in ctx.text[start:end] or ctx.text[start:end].lower().startswith("the ")
        ):
            raise Reject  # "Summer Lee", "Winter Olympics", "the Summer Palace": a name
        named = _TITLE_WORD_BEFORE.search(ctx.text, max(0, start - 24), start)
        if named and " " not in ctx.text[start:end] and head.istitle() and not any(
            res.has(name, named.group(1)) for name in _SEASON_LEADS
        ):
            raise Reject  # "Dr. Sam Autumn": the last word of a name
        season = str(res.lookup("season", f["season"]))
        if year is None:
            start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
            if rel is not None and rel < 0:
                year = base.year if base.month >= start_month + 3 else base.year - 1
            elif rel is not None and rel > 0:
                year = base.year if base.month < start_month else base.year + 1
            elif season != "WI" and rel is None:
                # "in the spring": like a year-less month, by its middle month and the tense
                # (or the story's year); winter straddles New Year and keeps the DCT's year.
                year = year_for_month(ctx, start_month + 1, None, start, end)
            else:
                # Winter straddles New Year: the DCT's year, or the story's when there is one.
                year = story_year(ctx, start_month) if rel is None else None
                ctx.guessed = rel is None and year is None
                year = base.year if year is None else year
            anchor = "DCT"
        date_value = f"{year:04d}-{season}"
    elif f.get("quarter") or f.get("quarter_num") or f.get("quarter_num2"):
        raw = f.get("quarter") or f.get("quarter_num") or f.get("quarter_num2") or ""
        if raw.lower() in _FINAL and year is None and not f.get("rel") and not _OF_AFTER.match(
            ctx.text, end
        ):
            # "last quarter" with no year: the quarter before the DCT's, not a fourth quarter
            previous = shift(base, "Q", -1)
            return piece(value_at(previous, "Q"), "DATE", "DCT")
        quarter = int(res.lookup("quarter_ordinal", raw) or (raw if raw.isdigit() else 0))
        if not 1 <= quarter <= 4:
            raise Reject
        if year is None and f.get("yy2"):
            year = two_digit_year(ctx, int(f["yy2"]))
        if year is None and rel is not None:
            year = base.year + rel
            anchor = "DCT"
        if year is None:
            # A quarter is reported after it ends: later quarters than the DCT's are last
            # year's unless the clause looks ahead.
            year = base.year
            if quarter > quarter_of(base) and tense(ctx, start, end) <= 0:
                year -= 1
            anchor = "DCT"
        date_value = f"{year:04d}-Q{quarter}"
    elif f.get("half") or f.get("half_num") or f.get("half_num2"):
        digit = f.get("half_num") or f.get("half_num2")
        if not digit and f["half"].lower() in _FINAL and year is None and not f.get(
            "rel"
        ) and not _OF_AFTER.match(ctx.text, end):
            previous = shift(base, "H", -1)  # "last half": the half before the DCT's
            return piece(value_at(previous, "H"), "DATE", "DCT")
        half = int(digit) if digit else int(res.lookup("half_ordinal", f["half"]) or 0)
        if not 1 <= half <= 2:
            raise Reject
        if year is None:
            year = base.year + (rel or 0)
            anchor = "DCT"
        date_value = f"{year:04d}-H{half}"
    elif f.get("week"):
        week = int(f["week"])
        if year is None:
            # "week 33" with no year: the week's usual month, placed like a year-less month.
            monday = dt.date.fromisocalendar(base.year, min(week, 52), 1)
            year = year_for_month(ctx, monday.month, monday.day, start, end)
            anchor = "DCT"
        dt.date.fromisocalendar(year, week, 1)  # ValueError (no such week): not an expression
        date_value = f"{year:04d}-W{week:02d}"
    elif f.get("weekday"):
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
            return piece(found.isoformat(), "DATE", ctx.ref.value)
        if _NAME_AFTER.match(ctx.text, end) and _THE_BEFORE.search(ctx.text, max(0, start - 4),
                                                                   start):
            raise Reject  # "The Sunday Times", "the Friday Prayer": a name
        story_day = ctx.story_day()
        if story_day is not None and story_day.day.isoweekday() == weekday and _A_BEFORE.search(
            ctx.text, max(0, start - 6), start
        ):
            # "on 17 October 1989, a Tuesday, at 5:04 p.m.": the day just named
            return piece(story_day.value, "DATE", story_day.value)
        ref = ctx.story_day()
        if f.get("anaphoric") and ref is not None and rel is not None:
            # "the previous Friday", "the following Monday": next to the story's day.
            current = ref.day.isoweekday()
            if rel < 0:
                day_date = add_days(ref.day, -((current - weekday) % 7 or 7))
            elif rel > 0:
                day_date = add_days(ref.day, (weekday - current) % 7 or 7)
            else:
                day_date = add_days(ref.day, weekday - current)
            anchor = ref.value
        else:
            day_date = weekday_date(ctx, weekday, rel, start, end)
            anchor = "DCT"
        if rel is None:
            shape_of.append(f"XXXX-WXX-{weekday}")
    elif year is not None:
        date_value = f"{year:04d}"
    elif clock is not None or part is not None:
        # A bare clock time belongs to the day the narrative is on (the DCT's by default).
        story_day = ctx.story_day()
        if story_day is not None:
            day_date, anchor = story_day.day, story_day.value
        else:
            day_date, anchor = base, "DCT"
    else:
        raise Reject

    if day_date is not None and f.get("week_of"):
        # "the week of March 6": the ISO week holding that day.
        return piece(week_value(day_date), "DATE", anchor)
    if day_date is not None:
        date_value = day_date.isoformat()
    assert date_value is not None
    if not explicit_year and not shape_of and (
        month is not None or f.get("season") or f.get("quarter") or f.get("quarter_num")
        or f.get("quarter_num2") or f.get("half") or f.get("holiday")
    ) and rel is None and not f.get("deictic"):
        shape_of.append("year")
    if year is not None and not 1 <= year <= 9999:
        raise Reject
    if clock is not None and date_value is not None and len(date_value) == 10:
        kind = "TIME"
        return piece(f"{date_value}T{clock}{_zone_on(zone, date_value, clock)}", "TIME", anchor)
    if part is not None and date_value is not None and len(date_value) == 10:
        return piece(f"{date_value}T{part}", "TIME", anchor)
    if not explicit_year and anchor is None:
        anchor = "DCT"
    return piece(date_value, "DATE", anchor)


def _numeric(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
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


def _day_range(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
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
    if f.get("action_md"):
        a0 = start
    b0 = s["day2"][0]
    return _range_pair(
        Piece(a0, a1, "DATE", first.isoformat(), anchor=anchor, temporal_function=anchor is not None),
        Piece(b0, end, "DATE", second.isoformat(), anchor=anchor,
              temporal_function=anchor is not None),
    )


def _day_range_md(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    f = dict(f, action_md="1")
    return _day_range(ctx, rule_type, f, s, start, end)


def _year_range(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
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


def _unit_code(ctx: Context, raw: str) -> str:
    code = ctx.res.lookup("unit", raw) or ctx.res.lookup("calendar_unit", raw)
    if code is None:
        raise Reject
    return str(code)


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
    date_part = "".join(f"{_fmt(n)}{c}" for c, n in parts if not c.startswith("T"))
    time_part = "".join(f"{_fmt(n)}{c[1:]}" for c, n in parts if c.startswith("T"))
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _duration(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    code = _unit_code(ctx, f["unit"])
    if code == "Q" and re.search(r"\w-quarters?\b", ctx.text[start:end], re.IGNORECASE):
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
    elif f.get("num"):
        amount = number(ctx.res, f["num"])
        if amount is None:
            raise Reject
        if code == "TS" and amount == 1 and not f["num"].strip()[:1].isdigit():
            raise Reject  # "a second", "one second": the ordinal, not a duration
    else:
        amount = None
    if f.get("unit2"):
        amount = None
    if f.get("plus_half") and amount is not None:
        amount += 0.5
    mod = approx_mod(ctx, f)
    if f.get("approx", "").lower() == "over" and "approx" in s and not _over_means_more(ctx, s):
        # "phased in over 18 months", "spread over three years": "over" is the preposition of
        # a stretch, not "more than" ("took over 18 months", "just over an hour").
        start, mod = s["approx"][1], None
    if code == "WE" and amount is not None:
        return [Piece(start, end, "DURATION", duration_value("D", 2 * amount), mod)]
    return [Piece(start, end, "DURATION", duration_value(code, amount), mod)]


def _offset(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int) -> list[Piece]:
    pieces = _offset_pieces(ctx, rule_type, f, s, start, end)
    res = ctx.res
    direction_word = f.get("direction") or f.get("story_direction", "")
    sign = res.lookup("direction", direction_word)
    # "Two days later", "three years ago" move the story; "a year earlier" / "a year ago" in
    # a report compare with a baseline and leave it where it was.
    comparing = (sign is not None and int(sign) < 0 and not res.has("direction_dct", direction_word)
                 ) or (f.get("num", "a").strip().lower() in ("a", "one", "1")
                       and _unit_code(ctx, f["unit"]) == "Y")
    return pieces if sign is None or comparing else _narrating(pieces)


def _narrating(pieces: list[Piece]) -> list[Piece]:
    """The pieces, with their dates and times marked as moving the story's time on."""
    return [attrs.evolve(p, narrates=True) if p.type in ("DATE", "TIME") else p for p in pieces]


def _offset_pieces(ctx: Context, rule_type: str, f: Fields, s: Spans, start: int, end: int
                   ) -> list[Piece]:
    res = ctx.res
    if _THAN_AFTER.match(ctx.text, end) and "direction" in s:
        # "two weeks earlier than last year": a difference, i.e. a length, not a date
        return _duration(ctx, rule_type, f, s, start, s["direction"][0])
    direction_word = f.get("direction") or f.get("story_direction", "")
    sign = res.lookup("direction", direction_word)
    if sign is None:
        raise Reject
    sign = int(sign)
    code = _unit_code(ctx, f["unit"])
    if direction_word.lower() in ("after", "before") and "direction" in s:
        # "two years after the war": the quantity is a duration; the event anchors it.
        cut = s["direction"][0]
        return _duration(ctx, rule_type, f, s, start, cut)
    from_dct = res.has("direction_dct", direction_word) or ctx.ref is None
    mod = approx_mod(ctx, f)
    if not f.get("num") and (f.get("vague") or f["unit"].lower().endswith("s")):
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
        return [Piece(start, end, "DATE", value_at(moved, "WE" if weekend else out_code), mod,
                      "DCT", temporal_function=True)]
    ref = ctx.ref
    assert ref is not None
    moved = shift(ref.day, code, steps)
    finer = GRANULARITY.get(ref.gran, 0) > GRANULARITY.get(code, 0)
    gran = ref.gran if finer and ref.gran in ("Q", "H", "M", "S") else out_code
    if ref.gran == code and code in ("DE", "CE"):
        gran = code  # "the 1980s ... two decades later": the 2000s
    if gran == "S":
        gran = "Q" if code in ("Y",) else code
        return [Piece(start, end, "DATE", anchor_value(Anchor(moved, "S", "")), mod, ref.value,
                      temporal_function=True)]
    return [Piece(start, end, "DATE", value_at(moved, gran), mod, ref.value, temporal_function=True)]


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
    mod = position_mod(ctx, f)
    anchor_day = ctx.base()
    anchor = "DCT"
    if f.get("rel") and res.has("rel", f["rel"]):
        steps = int(res.lookup("rel", f["rel"]))
    else:
        steps = int(res.lookup("anaphoric", f.get("anaphoric", "")) or 0)
        if ctx.ref is not None:
            anchor_day = ctx.ref.day
            anchor = ctx.ref.value
    ref = ctx.ref
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
            ctx.guessed = direction == 0
            day = add_days(day, -day.isoweekday() if direction < 0 else 6 - day.isoweekday())
        return [Piece(start, end, "DATE", week_value(day) + "-WE", mod, "DCT",
                      temporal_function=True)]
    raise Reject


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
        return [Piece(start, end, "SET", f"XXXX-{int(res.lookup('month', f['month'])):02d}")]
    if f.get("season"):
        return [Piece(start, end, "SET", f"XXXX-{res.lookup('season', f['season'])}")]
    if f.get("unit"):
        code = _unit_code(ctx, f["unit"])
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


ACTIONS: dict[str, Callable[[Context, str, Fields, Spans, int, int], list[Piece]]] = {
    "date": _date,
    "numeric": _numeric,
    "day_range": _day_range,
    "day_range_md": _day_range_md,
    "year_range": _year_range,
    "duration": _duration,
    "offset": _offset,
    "rel_unit": _rel_unit,
    "anaphor": _anaphor,
    "set": _set,
}


def normalize(
    ctx: Context, action: str, rule_type: str, f: Fields, s: Spans, start: int, end: int
) -> list[Piece]:
    handler = ACTIONS.get(action)
    if handler is None:
        raise Reject
    ctx.guessed = False
    pieces = handler(ctx, rule_type, f, s, start, end)
    for piece in pieces:
        if piece.type == "TIME":
            stated = _CLOCK_VALUE.match(piece.value)
            if stated is not None:
                ctx.clock = (_moment(stated["local"]), stated["zone"] or "")
    return pieces


def _moment(local: str) -> dt.datetime:
    """The instant of ``YYYY-MM-DDTHH:MM[:SS]``; ``T24:00`` is the end of the day."""
    if local[11:13] == "24":
        return dt.datetime.fromisoformat(local[:11] + "00" + local[13:]) + dt.timedelta(days=1)
    return dt.datetime.fromisoformat(local)


_CLOCK_VALUE = re.compile(r"(?P<local>\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?P<zone>Z|[+-]\d\d:\d\d)?\Z")


__all__ = ["ACTIONS", "Context", "Piece", "Reject", "normalize", "number", "quarter_of", "week_value"]
