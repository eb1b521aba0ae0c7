"""The words a mention's noun phrase is read from (chrono.text.mentions)."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from chrono.text import mentions

# the reference: the search the reader made before it matched the reversed text
_FORWARDS = re.compile(r"(?:[\w'’-]+\s+){0,5}\Z")


@given(st.text(alphabet="ab'’-_1 \t\n,.(é\u00a0", max_size=60))
@example("the council's second ")
@example("(second ")  # a word after a bracket is a word of the phrase
@example("one two three four five six seven ")  # at most five
def test_words_in_front_are_those_the_forward_search_finds(before: str) -> None:
    reversed_match = mentions._PREMODIFIERS_REVERSED.match(before[::-1])
    assert reversed_match is not None
    assert reversed_match.group()[::-1] == _FORWARDS.search(before).group()  # type: ignore[union-attr]
