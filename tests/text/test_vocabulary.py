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
