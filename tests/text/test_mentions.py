"""A mention's contrast word ("the second vote") is looked for in its phrase only when one of the
words in front of it is such a word: the same answer as reading the phrase every time."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from chrono.text.events import Trigger
from chrono.text.mentions import _CONTRAST, mention_of
from chrono.text.sentences import Sentence
from chrono.text.tense import NOMINAL

_WORDS = st.lists(st.sampled_from(["the", "second", "(second", "Second", "another", "council's", "said", ",",
                                   "final", "2013", "-", "re-run", "\n", "of", "a", "third"]), max_size=12)


@given(_WORDS)
@example(["(second"])
@example(["the", "second", "re-run"])
def test_contrast_is_read_from_the_phrase(words: list[str]) -> None:
    text = "He said " + " ".join(words) + " vote ended."
    at = text.index(" vote ended") + 1
    trigger = Trigger(at, at + 4, "vote", "vote", "election", "noun", NOMINAL, True)
    mention = mention_of(text, trigger, Sentence(0, len(text), 0))
    own = [w.lower() for w in mention._phrase[0]]
    assert mention.contrast == next((w for w in own if w in _CONTRAST), None)
