"""The prose reader's English (chrono/lang/en/prose/*.yaml): every file loads, every word is a
string (a bare yes/no/on/off in YAML is a boolean), and every entry is read by the code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from chrono.text.vocabulary import (
    Hint,
    Vocabulary,
    VocabularyError,
    alternation,
    each_then_space,
    searched_alternation,
    vocabulary,
)

ROOT = Path(__file__).resolve().parents[2]
PROSE = ROOT / "chrono" / "lang" / "en" / "prose"
TOPICS = sorted(path.stem for path in PROSE.glob("*.yaml"))
SOURCES = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "chrono" / "text").glob("*.py"))


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in (key, *_leaves(item))]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


@pytest.mark.parametrize("topic", TOPICS)
def test_no_word_is_a_boolean(topic: str) -> None:
    assert not [leaf for leaf in _leaves(vocabulary(topic).data) if isinstance(leaf, bool)]


@pytest.mark.parametrize("topic", TOPICS)
def test_every_entry_is_read(topic: str) -> None:
    unread = [key for key in vocabulary(topic).data if f'"{key}"' not in SOURCES and f"'{key}'" not in SOURCES]
    assert not unread, f"{topic}.yaml: {unread} are read by no module of chrono/text"


def test_words_keep_their_order_and_refuse_non_words() -> None:
    words = Vocabulary("test", {"spaced": "b a  c", "listed": ["prior to", "after"], "bad": ["on", True]})
    assert words.words("spaced") == ("b", "a", "c")
    assert words.pattern("listed") == r"prior\s+to|after"
    assert words.pattern("listed", any_space=False) == r"prior\ to|after"
    with pytest.raises(VocabularyError, match="bad"):
        words.words("bad")
    with pytest.raises(VocabularyError, match="missing"):
        words.words("missing")


def test_regex_helpers() -> None:
    assert alternation(["a.m", "hoped-for"]) == r"a\.m|hoped\-for"
    assert each_then_space(["for", "more than"]) == r"for\s+|more\s+than\s+"


# words that share first letters and prefixes, in both cases, some a prefix of another
_WORDS = st.lists(st.sampled_from(["a", "AB", "ab c", "after", "At", "b", "Be", "be a", "s", "ſa", "-a", "K", "k"]),
                  min_size=1, max_size=6)
_TEXTS = st.text(alphabet="abcefrtABEKSkſs- ,\n", max_size=40)


@given(_WORDS, _TEXTS, st.booleans())
@example(["a", "AB", "ab c"], "ab c", True)  # grouped by letter, "ab c" would win over "AB"
def test_searched_alternation_finds_what_the_plain_one_finds(words: list[str], text: str, ignore_case: bool) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    plain = re.compile(rf"\b({alternation(words)})\b", flags)
    searched = re.compile(rf"\b({searched_alternation(words)})\b", flags)
    assert [m.span(1) for m in searched.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


def test_searched_alternation_groups_by_first_letter_in_order() -> None:
    assert searched_alternation(["after", "before", "ahead of"]) == r"(?=[ab])(?:a(?:fter|head\s+of)|before)"
    # first letters that differ only in case could both match one letter: left as written
    assert searched_alternation(["At", "after"]) == r"(?:At|after)"


# the letters IGNORECASE folds onto ASCII ones (İ ı ſ K), a letter whose lower case is longer
# (ẞ is not, İ is), and other non-ASCII letters
_HINT_TEXTS = st.text(alphabet="abefrtsikABEKSI \n\t-,\u0130\u0131\u017f\u212aéẞ’", max_size=40)


@given(_WORDS, _HINT_TEXTS, st.integers(0, 40), st.integers(0, 40))
@example(["s"], "\u017f", 0, 1)  # the long s matches "s" with IGNORECASE
@example(["k"], "\u212a", 0, 1)  # the Kelvin sign matches "k"
@example(["ik"], "\u0130K", 0, 2)  # the dotted I matches "i"; its lower case is two letters
@example(["be a"], "BE\ta", 0, 4)  # the words of a phrase are apart by any white space
def test_hint_says_no_only_where_the_words_are_not(words: list[str], text: str, start: int, end: int) -> None:
    hint = Hint.of(words)
    for regex in (rf"\b({alternation(words)})\b", searched_alternation(words), alternation(words)):
        found = re.compile(regex, re.IGNORECASE).search(text, start, end)
        if found is not None:
            assert hint.may_match(text, start, end), (regex, found)


def test_hint_decides_plain_text() -> None:
    hint = Hint.of(["after", "followed by"])
    assert not hint.may_match("The talks ended. Then they left.", 0, 32)
    assert hint.may_match("They left AFTER the talks.", 0, 26)
    assert hint.may_match("It was Followed\nby a vote.", 0, 26)
    assert not hint.may_match("They left after the talks.", 0, 9)  # only the stretch is read
    assert Hint.of(["naïve"]).may_match("anything", 0, 8)  # words outside ASCII: always searched
    # the longest word of a phrase is looked for: "in" and "the" are in most sentences
    run_up = Hint.of(["in the run-up to", "on the eve of"])
    assert not run_up.may_match("Talks in the capital went on to the end.", 0, 40)
    assert run_up.may_match("On the EVE of the vote", 0, 22)
