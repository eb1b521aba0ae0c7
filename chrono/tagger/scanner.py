"""The scanner: find where expressions start and which rule reads each one.

One compiled "trigger" regex finds the head words of expressions (month and weekday names,
units, digits …); for each trigger the rules are matched from the start of the chain of
pre-modifiers in front of it ("about", "the last", "early" …), so the work is proportional to
the number of triggers, not to the number of rules times the length of the text. Each trigger
only tries the rules that mention its word class, and at each start only those whose first
five characters can be the text there (worked out from the rule regexes: a number such as
"5 million" tries a handful of the rules that read digits, not all of them); the first that
matches at a start is the one an alternation of all the rules would find. A match is computed
on a bounded window around the trigger, so repeated windows are matched once per call and
time stays linear in the input. The first rule whose fields normalize (see
:mod:`chrono.tagger.normalize`) wins its position.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.regex_cache import compile_kept
from chrono.tagger.context import Context, Piece, Reject
from chrono.tagger.fields import street_follows
from chrono.tagger.normalize import ACTIONS, normalize
from chrono.tagger.resources import (
    Matcher,
    ResourceError,
    Resources,
    Rule,
    compile_rules,
    load,
    starts_regex,
    trie_regex,
    words_regex,
)
from chrono.tagger.tense import back_from_look_back

__all__ = ["Scanner", "scan", "scanner_for"]


@attrs.frozen(eq=False)
class Scanner:
    """A language's trigger regex and the word sets the scanner walks and filters with."""

    trigger: re.Pattern[str]
    premodifiers: frozenset[str]
    links: frozenset[str]
    word_start: re.Pattern[str]
    next_word: re.Pattern[str]
    prev_word: re.Pattern[str]
    # Triggers written like a code with a digit ("Q3", "H1"): like digits, they choose the
    # rules that read digits.
    numbered: re.Pattern[str]
    # Words that are common nouns or adverbs ("week", "noon", "today"): written in Title Case
    # away from the start of a sentence they belong to a name or title ("This Week", "High
    # Noon", "60 Minutes").
    lowercase_words: frozenset[str] = frozenset()


def _title(word: str) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in word.split(" "))


@functools.lru_cache(maxsize=8)
def scanner_for(lang: str) -> Scanner:
    """The scanner of ``lang``, built from the ``scan`` section of its patterns (cached).

    A rule that names no known action is a :class:`ResourceError` here, on first use of the
    language, rather than a rule that silently never matches."""
    res = load(lang)
    for source in res.sources:
        if source.action not in ACTIONS:
            raise ResourceError(f"rule {source.name}: unknown action {source.action!r} "
                                f"(known: {', '.join(sorted(ACTIONS))})")
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
    trigger_source = r"(?<!\w)(?:" + "|".join(alternatives) + ")"
    trigger = compile_kept(trigger_source, re.IGNORECASE)
    premods: set[str] = {str(w).lower() for w in spec.get("premodifier_words", [])}
    for name in spec.get("premodifier_classes", []):
        premods.update(res.classes.get(name, {}))
    tokens = {token for phrase in premods for token in re.split(r"[\s-]+", phrase) if token}
    return Scanner(
        trigger=trigger,
        premodifiers=frozenset(tokens),
        links=frozenset(str(w).lower() for w in spec.get("link_words", [])),
        numbered=re.compile("|".join(f"(?:{p})" for p in spec.get("numbered_triggers", []))
                            or "(?!)"),
        word_start=re.compile(r"(?<![\w'.-])[\w'$]"),
        next_word=re.compile(r"[ \t]*(?:\r?\n[ \t]*)?([\w%$£€']+)"),  # not across a blank line
        # the word before, on the same line or the line before (not across a blank line:
        # "… the district.\n\n## 1987" is a heading's year, not "district 1987")
        prev_word=re.compile(r"([\w$£€#§.\-']+)[ \t]*(?:\r?\n[ \t]*)?\Z"),
        lowercase_words=frozenset(
            word for name in spec.get("lowercase_classes", []) for word in res.classes.get(name, {})
        ),
    )


@functools.lru_cache(maxsize=1024)
def _rule_matcher(lang: str, index: int) -> Matcher:
    """A rule compiled on its own: a position tries only the few rules whose first characters
    fit the text there (see :func:`_choose`), one after the other."""
    return compile_rules((load(lang).sources[index],))


@functools.lru_cache(maxsize=1024)
def _rule_starts(lang: str, index: int) -> re.Pattern[str]:
    return starts_regex(load(lang).sources[index].body, _PREFIX_DEPTH)


# How many characters of the text at a candidate start choose the rules tried there: with
# three, a number ("5 million", "50%") tries a handful of the rules that start with a digit;
# more rule out more of the rules that three characters admit, but load more start patterns
# when a process starts: four is the balance (measured 2026-12-04: TimeBank + AQUAINT end to
# end 504k characters per CPU-second with four, 506k with five; one small file checked in
# 0.30 s with four, 0.32 s with five).
_PREFIX_DEPTH = 4


@functools.lru_cache(maxsize=8192)
def _choose(lang: str, word: str, starts: tuple[str, ...]) -> tuple[tuple[Matcher, ...], ...]:
    """For each candidate start (its first characters), the rules of the trigger ``word`` that
    can match there, in rule order. Trying them one after the other finds what one alternation
    of all the trigger's rules would: the first rule that matches."""
    indices = _rules_for(lang, word)
    return tuple(
        tuple(_rule_matcher(lang, i) for i in indices if _rule_starts(lang, i).match(start))
        for start in starts
    )


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
    if word[:1].isdigit() or word[:1] == "'" or scanner_for(lang).numbered.fullmatch(word):
        chosen = [s.index for s in res.sources if s.digits or word in s.literal]
    else:
        bare = word.rstrip(".")
        # Articles are in nearly every rule: they say nothing about which ones can match.
        tokens = [t for t in re.split(r"[\s-]+", bare)
                  if len(t) >= 3 and not res.has("article_definite", t)]
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


def _number_context_rejects(res: Resources, scanner: Scanner, text: str, start: int,
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


def _counts_a_plural(res: Resources, scanner: Scanner, text: str, end: int) -> bool:
    """Whether a year written in words counts the plural noun after it ("when the town had
    barely two thousand inhabitants"): a number, not a year."""
    after = scanner.next_word.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    if not word.islower() or res.has("verb_in_s", word):
        return False
    if word.endswith(tuple(res.classes.get("plural_suffix_not", {}))):
        return False
    plural = res.classes.get("plural_suffix", {})
    return any(len(word) >= int(shortest) and word.endswith(suffix) for suffix, shortest in plural.items())


# Classes whose words may stand right before a year in Title Case.
_YEAR_LEADS = ("month_context", "signal", "month", "season", "holiday", "day_signal", "approx",
               "position", "year_lead")


def _is_rate(res: Resources, scanner: Scanner, text: str, start: int,
             fields: dict[str, str]) -> bool:
    """'$2 million a year', 'four flights a week': a rate, not a duration."""
    if not res.has("rate_article", fields.get("num", "")):
        return False
    return _after_quantity(res, scanner, text, start)


def _after_quantity(res: Resources, scanner: Scanner, text: str, start: int) -> bool:
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
        ) or res.has("quantity_word", word):
            return True
        start = before.start()
    return False


_PREV_TOKEN = lazy_compile(r"([\w$£€#.,%\-']+)\s*\Z")
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
        if word[:1] == "(" and _PAREN_NUMBER.fullmatch(word):
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


_PAREN_NUMBER = lazy_compile(r"\(\d{1,4}\)")
_SENTENCE_PUNCT = frozenset(".!?:;\n")
_BULLETS = frozenset("-*•")


_WORD_BEFORE = lazy_compile(r"([\w-]+)[ \t]+\Z")


def _after_ordinal(res: Resources, text: str, pos: int) -> bool:
    """'Fourth Quarter', 'First Half' in a Title-case headline: a period, not a name."""
    before = _WORD_BEFORE.search(text, max(0, pos - 16), pos)
    return before is not None and (res.has("quarter_ordinal", before.group(1))
                                   or res.has("half_ordinal", before.group(1)))


_SALUTATION = r"(?:^|\n)[ \t*_]*(?:{salutation})[ \t]+[^,\n]{1,30},[ \t]*\Z"


@functools.lru_cache(maxsize=8)
def _name_regexes(res: Resources) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A Title-case name suffix after a match ("May| Street", "Tuesday| Market Place") and a
    title before it ("Mrs |March", "Mrs A. |Winter")."""
    suffixes = {_title(word) for word in res.classes.get("name_suffix", {})}
    titles = {_title(word) for word in res.classes.get("honorific", {})}
    after = compile_kept(rf"[ \t]+(?:[A-Z][\w'’-]*[ \t]+)??(?:{trie_regex(suffixes)})(?![\w-])" if suffixes
                         else r"(?!)")
    before = compile_kept(rf"\b(?:{trie_regex(titles)})\.?[ \t]+(?:[A-Z]\.[ \t]*){{0,2}}\Z" if titles
                          else r"(?!)")
    return after, before


def _part_of_a_name(res: Resources, text: str, start: int, end: int) -> bool:
    """Is the match at ``[start, end)``, its words in Title Case, part of a name: a place, a paper
    or a group ("May Street", "the Sunday Times", "Good Friday Hall"), or a person after a
    title ("Mrs March", "Mr Friday")?"""
    last = text[start:end].rsplit(None, 1)[-1] if text[start:end].strip() else ""
    after, before = _name_regexes(res)
    if last[:1].isupper() and last.isalpha() and after.match(text, end):
        return True
    first = text[start:end].lstrip()[:1]
    return first.isupper() and before.search(text, max(0, start - 24), start) is not None


def _after_salutation(res: Resources, text: str, pos: int) -> bool:
    """"Dear Mother, Yesterday being Christmas Day …": the first word of a letter after its
    salutation is capitalised as a sentence's is."""
    return text.rfind(",", max(0, pos - 4), pos) != -1 and words_regex(
        res, _SALUTATION, re.IGNORECASE).search(text, max(0, pos - 48), pos) is not None


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


def _matches(chosen: Sequence[tuple[Matcher, ...]], window: str, trigger: int,
             candidates: Sequence[int], complete: bool) -> list[_Found] | None:
    """Matches at the candidate starts (window offsets) that reach past the trigger, the first
    of each start's ``chosen`` rules that matches; None when a match runs into a cut-off window
    end (then the caller matches on the whole text)."""
    found: list[_Found] = []
    for candidate, matchers in zip(candidates, chosen, strict=True):
        match = None
        for matcher in matchers:
            match = matcher.regex.match(window, candidate)
            if match is not None:
                break
        if match is None or match.end() <= trigger or match.lastindex is None:
            continue
        if not complete and match.end() > len(window) - 12:
            return None
        rule = matcher.rules[match.lastindex]
        fields, spans = _fields(match, rule.groups)
        found.append((match.start(), match.end(), rule, fields, spans))
    return found


def scan(ctx: Context, scanner: Scanner) -> Iterator[tuple[Rule, list[Piece]]]:
    res = ctx.res
    text = ctx.text
    size = len(text)
    premodifiers, links, lowercase_words = scanner.premodifiers, scanner.links, scanner.lowercase_words
    memo: dict[tuple[str, int, str, tuple[int, ...]], list[_Found] | None] = {}
    chains: dict[tuple[str, bool], tuple[int, ...]] = {}
    last_end = 0
    for trig in scanner.trigger.finditer(text):
        ts = trig.start()
        if ts < last_end:
            continue
        ctx.at(ts)  # the layout's blocks and the story's paragraphs (chrono.tagger.frames)
        back_from_look_back(ctx, ts)
        word = trig.group()
        if word[:1].isupper() and not word.isupper() and word.lower() in lowercase_words and (
            not _sentence_start(text, ts)
        ) and not _after_ordinal(res, text, ts) and not _after_salutation(res, text, ts):
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
        chosen = _choose(res.lang, word, tuple([text[c:c + _PREFIX_DEPTH] for c in candidates]))
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
            found = _matches(chosen, window, ts - lo, relative, hi == size)
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[key] = found
        if found is None:  # an expression longer than the window: match on the whole text
            found = _matches(chosen, text, ts, candidates, True) or []
            lo = 0
        for rel_start, rel_end, rule, fields, rel_spans in found:
            start, end = rel_start + lo, rel_end + lo
            spans = {k: (a + lo, b + lo) for k, (a, b) in rel_spans.items()} if lo else rel_spans
            if rule.filter is not None:
                if rule.filter == "year" and _number_context_rejects(res, scanner, text, start,
                                                                     end):
                    continue
                if rule.filter == "spelled_year" and _counts_a_plural(res, scanner, text, end):
                    continue
                if rule.filter == "rate" and _is_rate(res, scanner, text, start, fields):
                    continue
                if rule.filter == "quantity" and _after_quantity(res, scanner, text, start):
                    continue
            if _part_of_a_name(res, text, start, end):
                continue
            if ctx.frames is not None and ctx.frames.entry_within(start, end):
                continue
            try:
                pieces = normalize(ctx, rule.action, rule.type, fields, spans, start, end)
            except (Reject, ArithmeticError, LookupError, ValueError, TypeError, AttributeError):
                continue
            last_end = end
            yield rule, pieces
            break
