"""What the anchoring steps know of the sentence they read."""

from __future__ import annotations

import attrs

from chrono.tagger import Timex
from chrono.text.events import Trigger
from chrono.text.sentences import Sentence


@attrs.frozen
class SentenceContext:
    sentence: Sentence
    triggers: tuple[Trigger, ...]  # its event words (lexicon triggers and named events), in order
    timexes: tuple[Timex, ...]  # its time expressions, in order
    cuts: tuple[int, ...]  # where its clauses start, and its end (chrono.text.clauses)
    # where "two days later" may look back to: the start of the sentence before, when it is of
    # the same paragraph, else of this one
    window_start: int
    # where it looks back to when those sentences date nothing: the start of the paragraph before
    opening_window_start: int = -1
