"""The scanner tries at each position only the rules whose first characters fit the text there
(``chrono.tagger.scanner._choose``): it must find exactly what trying every rule of the trigger
in one alternation finds, and no rule that matches may be left out."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chrono.tagger.resources import Matcher, _starts_source, compile_rules, load, match_prefixes
from chrono.tagger.scanner import (
    _PREFIX_DEPTH,
    _chain_starts,
    _choose,
    _fields,
    _matches,
    _rules_for,
    scanner_for,
)

from ..strategies import DATE_FRAGMENTS, soups

HERE = Path(__file__).parent
ROOT = HERE.parents[1]

# Numbers as news copy writes them, next to the separators and words rules read after a number.
NUMBER_FRAGMENTS = [
    "5", "25", "2.5", "1,000", "$", "%", "50%", " million", " billion", " cents", " a ", "-year",
    "th", "st", "s", "'", "'98", "0735", " GMT", "10:35", " p.m.", "Q", "H1", "FY", "W", "T",
    "(5)", " (10)", "1/2", "19", "20", "00", "99", " of ", " years", " days", " old", " ago",
    " about ", "the ", "last ", "next ", "early ", "June ", "Sept. ", "Monday", "\n",
]
texts = st.one_of(
    soups(DATE_FRAGMENTS + NUMBER_FRAGMENTS, "", max_size=24),
    st.text(alphabet="0123456789 .,:/-'$%apmsthMJQWTyearsdn\n", max_size=40),
)


def _snippets() -> list[str]:
    """Stretches of the repository's example documents and of the shared corpus if present."""
    paths = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "examples").glob("*.txt"))
    paths += sorted((ROOT.parent / "shared" / "corpora" / "tbaq").rglob("*.tml"))[:20]
    out: list[str] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        out.extend(text[i:i + 160] for i in range(0, len(text), 160))
    return out


SNIPPETS = _snippets()


@functools.lru_cache(maxsize=256)
def _alternation(lang: str, indices: tuple[int, ...]) -> Matcher:
    return compile_rules(tuple(load(lang).sources[i] for i in indices))


def _old_and_new(lang: str, text: str) -> tuple[list[object], list[object]]:
    """What each trigger of ``text`` finds with one alternation of all its trigger word's rules
    (the scanner before the choice by prefixes) and with the chosen rules."""
    scanner = scanner_for(lang)
    old: list[object] = []
    new: list[object] = []
    for trig in scanner.trigger.finditer(text):
        ts, word = trig.start(), trig.group()
        candidates = _chain_starts(text, ts, 0, scanner.premodifiers, scanner.links)
        alternation = _alternation(lang, _rules_for(lang, word))
        for candidate in candidates:
            match = alternation.regex.match(text, candidate)
            if match is not None and match.end() > ts and match.lastindex is not None:
                rule = alternation.rules[match.lastindex]
                old.append((match.span(), rule.name, _fields(match, rule.groups)))
        chosen = _choose(lang, word, tuple(text[c:c + _PREFIX_DEPTH] for c in candidates))
        for start, end, rule, fields, _spans in _matches(chosen, text, ts, candidates, True) or []:
            new.append(((start, end), rule.name, (fields, _spans)))
    return old, new


@pytest.mark.parametrize("lang", ["en", str(HERE / "lang_de")])
@settings(max_examples=150, deadline=None)
@given(text=texts)
@example(text="$2.5 million on 5 June 1998 at 10:35 p.m. (0735 GMT), 50% of the 1990s")
def test_chosen_rules_find_what_every_rule_finds(lang: str, text: str) -> None:
    old, new = _old_and_new(lang, text)
    assert new == old


def test_chosen_rules_find_what_every_rule_finds_in_real_text() -> None:
    assert SNIPPETS
    for text in SNIPPETS:
        old, new = _old_and_new("en", text)
        assert new == old, text


def fits(body: str, text: str, depth: int = _PREFIX_DEPTH) -> bool:
    return _starts(body, depth).match(text) is not None


@functools.lru_cache(maxsize=256)
def _starts(body: str, depth: int) -> re.Pattern[str]:
    # Written afresh, not read from the compiled-program cache (keyed by the rule, not by the
    # code that works out its starts).
    return re.compile(_starts_source(body, depth))


@settings(max_examples=200, deadline=None)
@given(text=texts, data=st.data())
def test_a_rule_that_matches_fits_its_prefixes(text: str, data: st.DataObject) -> None:
    # Every rule on its own, at every start: a match there means its prefixes fit the text.
    source = data.draw(st.sampled_from(load("en").sources))
    regex = re.compile(source.body, re.IGNORECASE)
    for start in range(len(text) + 1):
        if regex.match(text, start):
            assert fits(source.body, text[start:start + _PREFIX_DEPTH]), (source.name, text[start:])


def test_prefixes_reject_what_cannot_start_a_match() -> None:
    # (three characters of text, read with prefixes of three)
    year = r"(?<![\d.])(?:1[0-9]|20)\d\d(?!\d)"
    assert fits(year, "199", 3) and not fits(year, "20", 3) and not fits(year, "5 m", 3)
    clock = r"(?:[01]?\d|2[0-4]):[0-5]\d"
    assert fits(clock, "10:", 3) and fits(clock, "7:3", 3) and not fits(clock, "5 m", 3)
    # Case-insensitive, and characters outside ASCII are never ruled out.
    assert fits("may", "MAY", 3) and fits("may", "\u212aay", 3) and not fits("may", "mai", 3)
    # What follows a back reference is not worked out: anything may.
    assert match_prefixes("(a)\\1", 3) == (((frozenset("aA"),), False),)
    assert fits("(a)\\1", "ab", 3) and not fits("(a)\\1", "ba", 3)
    # Longer prefixes tell more apart: "1990s" may start a year, "19 Ma" may not.
    assert fits(year, "1990s", 5) and not fits(year, "19 Ma", 5) and fits(year, "19 Ma", 2)
