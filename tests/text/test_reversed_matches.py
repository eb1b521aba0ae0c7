"""Words read backwards from a position are matched on the reversed text, for speed: each gives
the same words as the forward search it replaced (kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from chrono.text import dating, mentions, sentences

_STRETCHES = st.text(alphabet="aZ'’-_.&1 \t\n,(é\u00a0£$", max_size=60)


@given(_STRETCHES)
@example("the council's second ")
@example("(second ")  # a word after a bracket is a word of the phrase
@example("one two three four five six seven ")  # at most five
@example("a second, smaller ")  # a comma between adjectives
def test_noun_phrase_words(before: str) -> None:
    forwards = re.search(r"(?:[\w'’–£$€-]+,?\s+){0,5}\Z", before)
    backwards = mentions._PREMODIFIERS_REVERSED.match(before[::-1])
    assert forwards is not None and backwards is not None
    assert backwards.group()[::-1] == forwards.group()


@given(_STRETCHES)
@example("Smith & Co.")
@example("the U.S")
def test_word_before_a_period(before: str) -> None:
    forwards = re.search(r"([\w.'’&-]+)\Z", before)
    backwards = sentences._WORD_BEFORE_REVERSED.match(before[::-1])
    assert (backwards.group()[::-1] if backwards else None) == (forwards.group(1) if forwards else None)


@given(_STRETCHES)
@example("it happened in ")
@example("in\n\t ")
def test_word_before_a_date(before: str) -> None:
    forwards = re.search(r"([A-Za-z]+)\s+\Z", before)
    backwards = dating._WORD_BEFORE_REVERSED.match(before[::-1])
    assert (backwards.group(1)[::-1] if backwards else None) == (forwards.group(1) if forwards else None)


@given(_STRETCHES, st.integers(0, 60))
@example("the eve of the summit, \u00a0", 0)
@example(", then", 0)
def test_ends_with_comma(before: str, lo: int) -> None:
    # the test that spares a search for a phrase ending ",\s*\Z" says what that search needs
    assert dating._ends_with_comma(before, lo, len(before)) == (
        re.compile(r",\s*\Z").search(before, lo, len(before)) is not None
    )
