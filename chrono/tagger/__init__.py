"""Temporal tagger: find TIMEX3 expressions in text and normalize them.

>>> [t.value for t in extract("We met on April 24, 2025 and again two days later.", "2025-04-30")]
['2025-04-24', '2025-04-26']

The scanner is data-driven: ``chrono/lang/<lang>/`` holds the word classes and the rules (see
:mod:`chrono.tagger.resources`). One compiled "trigger" regex finds the head words of
expressions (month and weekday names, units, digits …); for each trigger the combined rule
regex is matched from the start of the chain of pre-modifiers in front of it ("about", "the
last", "early" …), so the work is proportional to the number of triggers, not to the number
of rules times the length of the text. Each trigger only tries the rules that mention its word
class, and a match is computed on a bounded window around the trigger, so repeated windows
are matched once per call and time stays linear in the input.

Values are resolved against the DCT (deictic words, tense-aware year-less dates and weekdays)
or against the narrative reference time, which is the last absolute date, month, quarter or
year mentioned ("a year later", "the following month", "that day").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from chrono.tagger.calendar import Anchor, parse_anchor
from chrono.tagger.normalize import (
    Context,
    Piece,
    Reject,
    completed,
    normalize,
    street_follows,
    weekday_number,
)
from chrono.tagger.resources import (
    Matcher,
    ResourceError,
    Resources,
    Rule,
    compile_rules,
    load,
    trie_regex,
)
from chrono.tagger.timex import Timex

__all__ = ["ResourceError", "Timex", "extract", "parse_dct"]

_DCT = re.compile(
    r"\s*(?P<y>\d{4})-?(?P<m>\d\d)-?(?P<d>\d\d)(?:[T ](?P<h>\d\d):?(?P<mi>\d\d)?(?::?\d\d(?:\.\d+)?)?"
    r"(?:Z|[+-]\d\d:?\d\d)?)?\s*"
)
_PLACEHOLDER_DAY = dt.date(2000, 6, 15)
# A quarter or half year: the period a financial report is about.
_PERIOD_VALUE = re.compile(r"\d{4}-[QH]\d\Z")
_PERIOD_ACTIONS = frozenset({"date", "rel_unit"})
# Expressions whose value can serve as the narrative reference time for later ones.
_REFERENCE_ACTIONS = frozenset({"date", "numeric", "day_range", "day_range_md", "year_range"})


@functools.lru_cache(maxsize=4096)
def _anchor(value: str) -> Anchor | None:
    # Values repeat within a text and across texts; an Anchor is immutable, so one is shared.
    return parse_anchor(value)


def parse_dct(dct: str | dt.date | None) -> tuple[dt.date | None, str | None]:
    """Split a DCT into its day and its clock time (``HH:MM`` or None)."""
    if dct is None:
        return None, None
    if isinstance(dct, dt.datetime):
        return dct.date(), f"{dct.hour:02d}:{dct.minute:02d}"
    if isinstance(dct, dt.date):
        return dct, None
    match = _DCT.fullmatch(str(dct))
    if match is None:
        raise ValueError(f"DCT {dct!r} is not a date (expected YYYY-MM-DD, optionally with a time)")
    day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    clock = f"{match['h']}:{match['mi'] or '00'}" if match["h"] else None
    return day, clock


@attrs.frozen(eq=False)
class _Scanner:
    trigger: re.Pattern[str]
    premodifiers: frozenset[str]
    links: frozenset[str]
    word_start: re.Pattern[str]
    next_word: re.Pattern[str]
    prev_word: re.Pattern[str]
    # Words that are common nouns or adverbs ("week", "noon", "today"): written in Title Case
    # away from the start of a sentence they belong to a name or title ("This Week", "High
    # Noon", "60 Minutes").
    lowercase_words: frozenset[str] = frozenset()


def _title(word: str) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in word.split(" "))


@functools.lru_cache(maxsize=8)
def _scanner(lang: str) -> _Scanner:
    res = load(lang)
    spec = res.scan
    triggers: set[str] = {str(w).lower() for w in spec.get("trigger_words", [])}
    titled: set[str] = set()
    for name in spec.get("trigger_classes", []):
        # Words of title-case classes ("May", "March", "Sat.") only trigger when capitalized.
        (titled if name in res.title_classes else triggers).update(res.classes.get(name, {}))
    titled -= triggers
    forms = {form for word in titled for form in (_title(word), word.upper())}
    extra = [str(p) for p in spec.get("trigger_regex", [])]
    alternatives = [trie_regex(triggers), *extra]
    if forms:
        alternatives.append("(?-i:" + trie_regex(forms) + ")")
    trigger = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)
    premods: set[str] = {str(w).lower() for w in spec.get("premodifier_words", [])}
    for name in spec.get("premodifier_classes", []):
        premods.update(res.classes.get(name, {}))
    tokens = {token for phrase in premods for token in re.split(r"[\s-]+", phrase) if token}
    return _Scanner(
        trigger=trigger,
        premodifiers=frozenset(tokens),
        links=frozenset(str(w).lower() for w in spec.get("link_words", [])),
        word_start=re.compile(r"(?<![\w'.-])[\w'$]"),
        next_word=re.compile(r"\s*([\w%$£€']+)"),
        prev_word=re.compile(r"([\w$£€#§.\-']+)\s*\Z"),
        lowercase_words=frozenset(
            word for name in spec.get("lowercase_classes", []) for word in res.classes.get(name, {})
        ),
    )


@functools.lru_cache(maxsize=256)
def _subset(lang: str, indices: tuple[int, ...]) -> Matcher:
    res = load(lang)
    return compile_rules(tuple(res.sources[i] for i in indices))


@functools.lru_cache(maxsize=8)
def _class_tokens(lang: str) -> dict[str, frozenset[str]]:
    """Every word and every token of every phrase of each class ("half" in "the last half of")."""
    out: dict[str, frozenset[str]] = {}
    for name, words in load(lang).classes.items():
        tokens: set[str] = set()
        for phrase in words:
            tokens.add(phrase)
            tokens.update(re.split(r"[\s-]+", phrase))
        out[name] = frozenset(tokens)
    return out


@functools.lru_cache(maxsize=4096)
def _rules_for(lang: str, trigger: str) -> tuple[int, ...]:
    """Only the rules that can contain this trigger word: far fewer alternatives to try."""
    res = load(lang)
    word = " ".join(trigger.lower().split())
    if word[:1].isdigit() or word[:1] == "'" or re.fullmatch(r"q[1-4]|h[12]", word):
        chosen = [s.index for s in res.sources if s.digits or word in s.literal]
    else:
        bare = word.rstrip(".")
        tokens = [t for t in re.split(r"[\s-]+", bare) if len(t) >= 3 and t != "the"]
        keys = {word, bare, *tokens}
        owners = {name for name, words in _class_tokens(lang).items() if keys & words}
        chosen = [
            s.index for s in res.sources
            if s.classes & owners or word in s.literal or any(t in s.literal for t in tokens)
        ]
    return tuple(chosen)


def _fields(match: re.Match[str], groups: tuple[tuple[int, str], ...]
            ) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    fields: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}
    for index, short in groups:
        value = match.group(index)
        if value is not None and short not in fields:
            fields[short] = value
            spans[short] = match.span(index)
    return fields, spans


def _number_context_rejects(res: Resources, scanner: _Scanner, text: str, start: int,
                            end: int) -> bool:
    after = scanner.next_word.match(text, end)
    if after is not None and res.has("number_noun", after.group(1)):
        return True
    before = scanner.prev_word.search(text, max(0, start - 24), start)
    if street_follows(res, text, end) and (
        before is None or not res.has("year_preposition", before.group(1))
    ):
        return True  # "at 1450 Market Street": a house number ("by 2001 Park Avenue" is not)
    if before is None:
        return False
    word = before.group(1)
    # "+1 415 555 2025", "No. 1990": a code or a count, not a year.
    if word.isdigit() or res.has("number_prefix", word):
        return True
    # "Windows 2000", "Vision 2030": a name in Title Case right before the number is a product
    # or a title; words that can lead a year ("In 2020", "Fiscal 2021", "Circa 1850") are not.
    return (len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha()
            and before.end(1) == start - 1 and word.lower() not in scanner.premodifiers
            and not any(res.has(name, word) for name in _YEAR_LEADS)
            and not _sentence_start(text, before.start(1)))


# Classes whose words may stand right before a year in Title Case.
_YEAR_LEADS = ("month_context", "signal", "month", "season", "holiday", "day_signal", "approx",
               "position", "year_lead")


def _is_rate(res: Resources, scanner: _Scanner, text: str, start: int,
             fields: dict[str, str]) -> bool:
    """'$2 million a year', 'four flights a week': a rate, not a duration."""
    if not res.has("rate_article", fields.get("num", "")):
        return False
    return _after_quantity(res, scanner, text, start)


def _after_quantity(res: Resources, scanner: _Scanner, text: str, start: int) -> bool:
    """Whether a quantity ends right before ``start``: '$2 million a year', 'four flights a
    week', 'sales rose 8% annually' are rates, not temporal expressions."""
    lo = max(0, start - 40)
    for _ in range(2):
        # The word before ("$2 million a year") or the one before that ("four flights a
        # week", "24 hours a day").
        before = _PREV_TOKEN.search(text, lo, start)
        if before is None:
            return False
        word = before.group(1).lower().lstrip("$£€#")
        if res.has("rate_article", word):
            return False  # "a daily rally", "on a daily basis"
        if (word.endswith(".") and not word[:1].isdigit()) or word.endswith((",", ";", ":")):
            return False  # a sentence or a list item ends there ("48 hours, nearly a decade")
        if word[:1].isdigit() or res.has("number_word", word) or res.has(
            "number_noun", word
        ) or word in ("million", "billion", "thousand", "hundred", "times", "percent"):
            return True
        start = before.start()
    return False


_PREV_TOKEN = re.compile(r"([\w$£€#.,%\-']+)\s*\Z")
_SPACE = frozenset(" \t\r\n")
_OPENERS = "\"'`([{“‘«"


def _chain_starts(text: str, ts: int, floor: int, premodifiers: frozenset[str],
                  links: frozenset[str] = frozenset()) -> list[int]:
    """Start positions to try for a trigger at ``ts``: the start of each word of the chain of
    pre-modifiers in front of it ("about the last", "early", "10-"), farthest first, then ``ts``.
    Walks back word by word with string operations; at most six words."""
    return _chain_walk(text, ts, floor, premodifiers, links)[0]


def _chain_walk(text: str, ts: int, floor: int, premodifiers: frozenset[str],
                links: frozenset[str]) -> tuple[list[int], int]:
    """:func:`_chain_starts` and the lowest position its result depends on: the lowest
    character read, or ``floor`` when the floor stopped or shortened the walk."""
    starts = [ts]
    pos = ts
    steps = 0
    reach = ts
    while steps < 7:
        if pos <= floor:
            reach = floor
            break
        steps += 1
        j = pos - 1
        if text[j] == "-":
            j -= 1
        elif text[j] in _SPACE:
            j -= 1
            while j >= floor and text[j] in _SPACE:
                j -= 1
        else:
            reach = min(reach, j)
            break
        if j < floor:
            reach = floor
            break
        # Premodifier words are short: never look further back than 24 characters.
        low = j - 24
        if low <= floor:
            low = reach = floor
        else:
            reach = min(reach, low)
        k = max(text.rfind(" ", low, j), text.rfind("\n", low, j),
                text.rfind("-", low, j), text.rfind("\t", low, j), low - 1)
        word = text[k + 1:j + 1]
        if _PAREN_NUMBER.fullmatch(word):
            pos = k + 1  # "five (5) years": the digits in brackets repeat the number
            continue
        bare = word.lstrip(_OPENERS)
        first = k + 1 + len(word) - len(bare)
        bare = bare.lower()
        if not bare or not (bare in premodifiers or bare[0].isdigit()):
            break
        if bare not in links:
            starts.append(first)
        if first != k + 1:
            break
        pos = first
    starts.reverse()
    return starts, reach


_PAREN_NUMBER = re.compile(r"\(\d{1,4}\)")
_SENTENCE_PUNCT = frozenset(".!?:;\n")
_BULLETS = frozenset("-*•")


_WORD_BEFORE = re.compile(r"([\w-]+)[ \t]+\Z")


def _after_ordinal(res: Resources, text: str, pos: int) -> bool:
    """'Fourth Quarter', 'First Half' in a Title-case headline: a period, not a name."""
    before = _WORD_BEFORE.search(text, max(0, pos - 16), pos)
    return before is not None and (res.has("quarter_ordinal", before.group(1))
                                   or res.has("half_ordinal", before.group(1)))


def _sentence_start(text: str, pos: int) -> bool:
    """Whether only spaces and opening quotes or brackets separate ``pos`` from the start of
    the text, a line, a list item ("- Nightly builds") or a sentence."""
    j = pos - 1
    floor = max(-1, pos - 12)
    while j > floor and (text[j] in " \t\r" or text[j] in _OPENERS):
        j -= 1
    if j > floor and text[j] in _BULLETS and (j == 0 or text[j - 1] == "\n"):
        return True
    return j < 0 or j == floor or text[j] in _SENTENCE_PUNCT


# A match is computed on a window of text around its trigger: at most _BEFORE characters before
# the first candidate start (for look-behinds) and _AFTER after the trigger. The result is then a
# function of the window's text alone, so identical windows (boilerplate, repeated lines,
# adversarial repetitions) are matched once per call.
_BEFORE = 24
_AFTER = 120
_MEMO_LIMIT = 4096
_CHAIN_SPAN = 64

_Found = tuple[int, int, Rule, dict[str, str], dict[str, tuple[int, int]]]
_MISSING: Any = object()


def _matches(matcher: Matcher, window: str, trigger: int, candidates: Sequence[int],
             complete: bool) -> list[_Found] | None:
    """Matches at the candidate starts (window offsets) that reach past the trigger; None when a
    match runs into a cut-off window end (then the caller matches on the whole text)."""
    found: list[_Found] = []
    for candidate in candidates:
        match = matcher.regex.match(window, candidate)
        if match is None or match.end() <= trigger or match.lastindex is None:
            continue
        if not complete and match.end() > len(window) - 12:
            return None
        rule = matcher.rules[match.lastindex]
        fields, spans = _fields(match, rule.groups)
        found.append((match.start(), match.end(), rule, fields, spans))
    return found


def _scan(ctx: Context, scanner: _Scanner) -> Iterator[tuple[Rule, list[Piece]]]:
    res = ctx.res
    text = ctx.text
    size = len(text)
    premodifiers, links, lowercase_words = scanner.premodifiers, scanner.links, scanner.lowercase_words
    memo: dict[tuple[str, int, str, tuple[int, ...]], list[_Found] | None] = {}
    chains: dict[tuple[str, bool], tuple[int, ...]] = {}
    # Per call rather than through the lru_caches: a trigger word costs one dict look-up.
    matchers: dict[str, Matcher] = {}
    last_end = 0
    for trig in scanner.trigger.finditer(text):
        ts = trig.start()
        if ts < last_end:
            continue
        word = trig.group()
        if word[:1].isupper() and not word.isupper() and word.lower() in lowercase_words and (
            not _sentence_start(text, ts)
        ) and not _after_ordinal(res, text, ts):
            continue
        # The chain in front of a trigger depends on a few dozen characters before it (and on
        # the floor if that is closer): repeated surroundings are walked once per call.
        if last_end >= ts - _CHAIN_SPAN:
            chain_key = (text[last_end:ts], True)
        else:
            chain_key = (text[ts - _CHAIN_SPAN:ts], False)
        back = chains.get(chain_key)
        if back is not None:
            candidates = [ts - b for b in back]
        else:
            candidates, reach = _chain_walk(text, ts, last_end, premodifiers, links)
            if chain_key[1] or reach > ts - _CHAIN_SPAN:
                if len(chains) >= _MEMO_LIMIT:
                    chains.clear()
                chains[chain_key] = tuple([ts - c for c in candidates])
        matcher = matchers.get(word)
        if matcher is None:
            matcher = matchers[word] = _subset(res.lang, _rules_for(res.lang, word))
        lo = candidates[0] - _BEFORE
        if lo < 0:
            lo = 0
        hi = ts + _AFTER
        if hi > size:
            hi = size
        window = text[lo:hi]
        relative = tuple([c - lo for c in candidates]) if lo else tuple(candidates)
        key = (window, ts - lo, word, relative)
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            found = _matches(matcher, window, ts - lo, relative, hi == size)
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = found
        if found is None:  # an expression longer than the window: match on the whole text
            found = _matches(matcher, text, ts, candidates, True) or []
            lo = 0
        for rel_start, rel_end, rule, fields, rel_spans in found:
            start, end = rel_start + lo, rel_end + lo
            spans = {k: (a + lo, b + lo) for k, (a, b) in rel_spans.items()} if lo else rel_spans
            if rule.filter is not None:
                if rule.filter == "year" and _number_context_rejects(res, scanner, text, start,
                                                                     end):
                    continue
                if rule.filter == "rate" and _is_rate(res, scanner, text, start, fields):
                    continue
                if rule.filter == "quantity" and _after_quantity(res, scanner, text, start):
                    continue
            try:
                pieces = normalize(ctx, rule.action, rule.type, fields, spans, start, end)
            except (Reject, ArithmeticError, LookupError, ValueError, TypeError, AttributeError):
                continue
            last_end = end
            yield rule, pieces
            break


def _trim(text: str, piece: Piece) -> Piece:
    start, end = piece.start, piece.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if (start, end) == (piece.start, piece.end):
        return piece
    return attrs.evolve(piece, start=start, end=end)


_MASK = re.compile(r"\d")


def _mask(value: str) -> str:
    """Hide the digits of a value that came from a missing DCT."""
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return value
    head, sep, tail = value.partition("T")
    return _MASK.sub("X", head) + sep + tail


def extract(
    text: str,
    dct: str | dt.date | None = None,
    *,
    lang: str = "en",
    day_first: bool = False,
) -> tuple[Timex, ...]:
    """The temporal expressions of ``text``, in order, resolved against ``dct``.

    Without a DCT, values that depend on it keep their shape with ``X`` for the unknown digits
    ("yesterday" -> ``XXXX-XX-XX``, "in March" -> ``XXXX-03``).
    """
    if not isinstance(text, str):
        raise TypeError("extract() needs a str")
    res = load(lang)
    scanner = _scanner(lang)
    day, clock = parse_dct(dct)
    ctx = Context(res, text, day or _PLACEHOLDER_DAY, clock, day_first)
    out: list[Timex] = []
    range_counter = 0
    for rule, pieces in _scan(ctx, scanner):
        range_id: int | None = None
        if any(p.role for p in pieces):
            range_counter += 1
            range_id = range_counter
        for raw in pieces:
            piece = _trim(text, raw)
            if piece.end <= piece.start:
                continue
            value = piece.value
            if day is None and piece.anchor == "DCT":
                value = piece.shape or _mask(value)
                if rule.action in _REFERENCE_ACTIONS or piece.narrates:
                    # "Thursday 15 February" with no DCT: the story's day is unknown now, so a
                    # later "7pm" must not fall back on an older date.
                    ctx.ref = ctx.day_ref = None
            elif (rule.action in _REFERENCE_ACTIONS or piece.narrates) and piece.type in (
                "DATE", "TIME"
            ):
                anchor = _anchor(value)
                if anchor is not None and piece.guessed and ctx.ref is not None and (
                    anchor.gran != "D"
                ):
                    # A period that rests on a default ("the coldest winter", no tense, no
                    # year) does not move a story that has a time of its own.
                    anchor = None
                if anchor is not None:
                    ctx.ref, ctx.ref_start, ctx.ref_end = anchor, piece.start, piece.end
                    if anchor.gran == "D":
                        ctx.day_ref = anchor
            if rule.action in _PERIOD_ACTIONS and piece.type == "DATE" and _PERIOD_VALUE.match(
                value
            ):
                period = _anchor(value)
                if period is not None and completed(ctx, period):
                    ctx.period = period
                    ctx.period_end = piece.end
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
                    rule=rule.name,
                )
            )
            if len(out) >= 2:
                closed = _close_period(res, text, out[-2], out[-1])
                if closed is not None:
                    out[-2] = closed
                    period = _anchor(closed.value) if _PERIOD_VALUE.match(
                        closed.value) else None
                    closing = _anchor(out[-1].value)
                    # A fiscal quarter is over when its closing date is.
                    if period is not None and closing is not None and closing.day <= ctx.dct:
                        ctx.period = period
                        ctx.period_end = out[-1].end
    _attach_days(res, text, out)
    _share_weekday_relation(res, text, out)
    out = _extend_sets(res, text, out)
    return _link_ranges(res, text, out, range_counter, day)


_QUARTER_OR_YEAR = re.compile(r"(\d{4})(?:-Q[1-4])?\Z")
_DAY_OR_MONTH = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?\Z")


@functools.lru_cache(maxsize=8)
def _period_end_regex(lang: str) -> re.Pattern[str] | None:
    words = load(lang).classes.get("period_end")
    if not words:
        return None
    return re.compile(r"\s+(?:" + trie_regex(words) + r")\s+\Z", re.IGNORECASE)


def _close_period(res: Resources, text: str, period: Timex, closing: Timex) -> Timex | None:
    """'the quarter ended Sept. 30': the quarter that date closes; 'the year ended March 31':
    a fiscal year, i.e. a year-long stretch (P1Y) rather than a calendar year. None when
    ``closing`` does not close ``period``."""
    if period.type != "DATE" or not period.temporal_function:
        return None
    regex = _period_end_regex(res.lang)
    if regex is None:
        return None
    own = _QUARTER_OR_YEAR.match(period.value)
    date = _DAY_OR_MONTH.match(closing.value)
    if own is None or date is None:
        return None
    if regex.match(text, period.end, closing.start) is None:
        return None
    year, month = int(date.group(1)), int(date.group(2))
    if "-Q" in period.value:
        # "the fourth quarter ended June 30": a fiscal quarter keeps the number the text
        # gives it, in the year of its closing date; "the quarter ended Sept. 30": the
        # calendar quarter that date closes.
        named = _quarter_named(res, period.text)
        quarter = named or (month - 1) // 3 + 1
        return attrs.evolve(period, value=f"{year:04d}-Q{quarter}", anchor=closing.value)
    if month == 12:
        return attrs.evolve(period, value=f"{year:04d}", anchor=closing.value)
    return attrs.evolve(period, type="DURATION", value="P1Y", anchor=None,
                        temporal_function=False)


def _quarter_named(res: Resources, text: str) -> int | None:
    for word in re.split(r"[\s-]+", text.lower()):
        number = res.lookup("quarter_ordinal", word)
        if number is not None:
            return int(number)
    return None


_CLOCK = re.compile(r"\d{4}-\d\d-\d\d(T.*)\Z")
_DAY = re.compile(r"\d{4}-\d\d-\d\d\Z")
_COUNTED_RULES = frozenset({"offset", "offset_unit"})


def _attach_days(res: Resources, text: str, timexes: list[Timex]) -> None:
    """'00:01 GMT on 12 March': a clock time whose day was not stated takes the date that
    follows it (directly, after a comma, or after a signal meaning "on")."""
    for i in range(len(timexes) - 1):
        clock, day = timexes[i], timexes[i + 1]
        time_part = _CLOCK.match(clock.value)
        if clock.type != "TIME" or time_part is None or clock.anchor is None:
            continue
        if _DAY.match(day.value) is None or day.start - clock.end > 8 or day.rule in _COUNTED_RULES:
            # "at 9 p.m. Two hours later": a day counted from the story is not the clock's day.
            continue
        between = text[clock.end:day.start].strip(" \t\n,")
        if between and res.lookup("signal", between) != "on":
            continue
        timexes[i] = attrs.evolve(clock, value=day.value + time_part.group(1), anchor=day.anchor)


_JOINED = re.compile(r"[ \t]*,?[ \t]*(?:(?:and|or|&)[ \t]*)?\Z")


def _share_weekday_relation(res: Resources, text: str, timexes: list[Timex]) -> None:
    """'this Saturday and Sunday', 'next Monday or Tuesday': the second weekday shares the
    first one's week and direction (it is the next such day after the first)."""
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        if first.rule != "weekday_part" or second.rule != "weekday_part":
            continue
        if second.start - first.end > 6 or not _JOINED.match(text[first.end:second.start]):
            continue
        lead = first.text.split()[0]
        if not res.has("rel", lead) or _DAY.match(first.value) is None:
            continue
        own = weekday_number(res, second.text)
        if not own or _DAY.match(second.value) is None:
            continue
        start = dt.date.fromisoformat(first.value)
        shared = start + dt.timedelta(days=(int(own) - start.isoweekday()) % 7 or 7)
        timexes[i + 1] = attrs.evolve(second, value=shared.isoformat(), anchor=first.value,
                                      guessed=False)


_WEEKDAY_SET = re.compile(r"XXXX-WXX-[1-7]\Z")
_AT = re.compile(r"[ \t]+at[ \t]+\Z")


def _extend_sets(res: Resources, text: str, timexes: list[Timex]) -> list[Timex]:
    """'every Monday at 09:00' is one set (XXXX-WXX-1T09:00); in 'every Tuesday and Thursday
    evening' the second day is a set too, not one Thursday."""
    out: list[Timex] = []
    for timex in timexes:
        last = out[-1] if out else None
        if last is not None and last.type == "SET" and _WEEKDAY_SET.match(last.value):
            between = text[last.end:timex.start]
            clock = _LOCAL_CLOCK.match(timex.value)
            if clock is not None and _AT.match(between) and _BARE_CLOCK.match(timex.text.strip()):
                out[-1] = attrs.evolve(last, end=timex.end, text=text[last.start:timex.end],
                                       value=f"{last.value}T{clock[2]}{clock[3]}")
                continue
            if timex.rule == "weekday_part" and _JOINED.match(between) and between.strip():
                own = weekday_number(res, timex.text.split()[0])
                part = _PART_SUFFIX.search(timex.value)
                if own:
                    timex = attrs.evolve(timex, type="SET", anchor=None, temporal_function=False,
                                         value=f"XXXX-WXX-{own}" + (part[0] if part else ""))
        out.append(timex)
    return out


_PART_SUFFIX = re.compile(r"T(?:MO|AF|EV|NI|DT)\Z")
_YEARLESS = re.compile(r"\d{4}(-\d\d(?:-\d\d)?)\Z")


def _complete_from(first: Timex, second: Timex) -> Timex:
    """'between May and July 2010': the beginning takes the year the end states."""
    own = _YEARLESS.match(first.value)
    if first.anchor != "DCT" or own is None or second.anchor is not None:
        return first
    if _YEARLESS.match(second.value) is None or first.value[5:] > second.value[5:]:
        return first
    return attrs.evolve(first, value=second.value[:4] + own.group(1), anchor=None,
                        temporal_function=False)


def _weekdays_in_order(first: Timex, second: Timex, dct: dt.date | None) -> tuple[Timex, Timex]:
    """'from Monday until Thursday' written on a Monday: both days lie in one stretch, so the
    one resolved on the wrong side of the DCT moves by a week (a past stretch keeps its end,
    a coming one its start)."""
    if dct is None or first.rule != "weekday_part" or second.rule != "weekday_part":
        return first, second
    if _DAY.match(first.value) is None or _DAY.match(second.value) is None:
        return first, second
    begin = dt.date.fromisoformat(first.value)
    end = dt.date.fromisoformat(second.value)
    if begin <= end:
        return first, second
    week = dt.timedelta(days=7)
    earlier = attrs.evolve(first, value=(begin - week).isoformat()), second
    later = first, attrs.evolve(second, value=(end + week).isoformat())
    if first.guessed or second.guessed:
        # No tense to go on ("the fair runs from Monday to Thursday"): the stretch around the DCT.
        return later if begin <= dct <= end + week else earlier
    return earlier if end <= dct else later


_LOCAL_CLOCK = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d(?::\d\d)?)(.*)\Z")


_BARE_CLOCK = re.compile(r"\d{1,2}(?:[:.]?\d\d)?(?:[ \t]*[ap]\.?m\.?)?Z?\Z", re.IGNORECASE)


def _clock_from_end(first: Timex, second: Timex) -> Timex:
    """'between 0100Z and 0500Z on 20 February', 'from 09:00 to 17:00 CET': a bare clock time
    that opens a range takes the day and the zone the end states."""
    begin = _LOCAL_CLOCK.match(first.value)
    end = _LOCAL_CLOCK.match(second.value)
    if begin is None or end is None or not _BARE_CLOCK.match(first.text.strip()):
        return first
    zone = begin[3] or end[3]
    value = f"{end[1]}T{begin[2]}{zone}"
    if value == first.value:
        return first
    return attrs.evolve(first, value=value, anchor=second.anchor)


def _midnight_opens(first: Timex) -> Timex:
    """'between midnight and 4am': a range that opens at midnight opens at the day's start."""
    begin = _LOCAL_CLOCK.match(first.value)
    if begin is None or begin[2] != "24:00":
        return first
    return attrs.evolve(first, value=f"{begin[1]}T00:00{begin[3]}")


def _overnight_end(first: Timex, second: Timex) -> Timex:
    """'from 10 p.m. to 5 a.m.': a clock range that ends earlier on the clock than it began
    ends on the next day."""
    begin = _LOCAL_CLOCK.match(first.value)
    end = _LOCAL_CLOCK.match(second.value)
    if begin is None or end is None or begin[1] != end[1] or begin[3] != end[3]:
        return second
    if end[2] >= begin[2]:
        return second
    next_day = dt.date.fromisoformat(end[1]) + dt.timedelta(days=1)
    return attrs.evolve(second, value=f"{next_day.isoformat()}T{end[2]}{end[3]}")


def _link_ranges(res: Resources, text: str, timexes: list[Timex], counter: int,
                 dct: dt.date | None) -> tuple[Timex, ...]:
    for i in range(len(timexes) - 1):
        first, second = timexes[i], timexes[i + 1]
        if first.range_id is not None or second.range_id is not None:
            continue
        if first.type != second.type or first.type not in ("DATE", "TIME"):
            continue
        if second.start - first.end > 12:
            continue
        connector = res.range_regex.match(text, first.end, second.start)
        if connector is None:
            continue
        # Connector meanings come from the lexicon: "to" (to, -, until, through ...) joins two
        # expressions on its own; "and" only after "between".
        meaning = res.lookup("range_connector", connector.group(1))
        if meaning == "and" and first.signal != "between":
            continue
        if meaning not in ("to", "and"):
            continue
        counter += 1
        first, second = _weekdays_in_order(_complete_from(first, second), second, dct)
        first = _clock_from_end(first, second)
        first = _midnight_opens(first)
        second = _overnight_end(first, second)
        timexes[i] = attrs.evolve(first, range_id=counter, range_role="begin")
        timexes[i + 1] = attrs.evolve(second, range_id=counter, range_role="end",
                                      signal=None, signal_start=None, signal_end=None)
    return tuple(timexes)
