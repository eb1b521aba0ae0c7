"""A deal's completion, named by its noun, and the completing the text tells of the deal.

A results statement says "The acquisition of Larchfield Analytics completed on 1 July 2021" in its
highlights and "Since completion on 12 July, integration has proceeded to plan" further on: the
noun "completion", with no phrase of its own saying of what, is the completing of the one deal
(an acquisition, a takeover, a merger, a sale) the text tells as completed. The noun's event is
that deal's end: it starts and ends when the deal ends.

Read only when the story tells exactly one deal completed by a verb of completing, and the
noun names nothing else ("completion of the new plant" is another thing's)."""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Grade, Part, Side
from chrono.text.attachment import resolve
from chrono.text.builder import Builder
from chrono.text.inflection import singular
from chrono.text.tense import TOLD_AS_PAST
from chrono.text.vocabulary import vocabulary

__all__ = ["completions_retold"]

_WORDS = vocabulary("coreference")
_COMPLETION_NOUNS = frozenset(_WORDS.words("completion_nouns"))
_DEAL_NOUNS = frozenset(_WORDS.words("deal_nouns"))
# "completion of the new plant": a phrase of its own saying what was completed
_OF_AFTER = lazy_compile(r"\s+of\b", re.IGNORECASE)


def completions_retold(b: Builder) -> None:
    """Claims that a bare "completion" starts and ends when the story's one completed deal ends."""
    # (verbs of ending are no mentions of their own: the sentences are read, once, in text order)
    ends = _deal_ends(b)
    for told in b.story_mentions.values():
        if not told:
            continue
        deal_ends = [end for end in ends if b.same_story(end[1], told[0].trigger.start)]
        if len({event for event, _, _ in deal_ends}) != 1:
            continue  # no deal told completed, or several: which one is not said
        deal, verb_start, verb_end = deal_ends[0]
        for mention in told:
            noun = mention.trigger
            event = b.by_trigger.get(noun.start)
            if noun.pos != "noun" or noun.text.lower() not in _COMPLETION_NOUNS or mention.planned or (
                event is None or event == deal or _OF_AFTER.match(b.text, noun.end)
            ):
                continue
            span = b.span(noun.start, noun.end, verb_start, verb_end)
            note = f"'{noun.text}' is the completing of the one deal the text tells completed"
            for side in (Side.START, Side.END):
                b.gap_claim(Endpoint(deal, Side.END), Endpoint(event, side), Gap(0, 0, ""), span, None,
                            grade=Grade.STRONG, note=note)


def _deal_ends(b: Builder) -> list[tuple[str, int, int]]:
    """Each deal a verb of ending tells completed ("The acquisition of Larchfield Analytics
    completed on 1 July"): the deal's event and the verb's offsets, in text order."""
    out = []
    for here in b.contexts.values():
        for trigger in here.triggers:
            if trigger.pos != "verb" or trigger.event_class != "end" or trigger.tense not in TOLD_AS_PAST:
                continue
            target = resolve(b.text, trigger, here.triggers, here.cuts)
            event = b.by_trigger.get(target.trigger.start)
            # (a noun's lemma is its verb's: "acquisition" has "acquire")
            word = target.trigger.text.lower()
            if target.part is Part.END and target.trigger.pos == "noun" and event is not None and (
                word in _DEAL_NOUNS or singular(word) in _DEAL_NOUNS
            ):
                out.append((event, trigger.start, trigger.end))
    return sorted(out, key=lambda end: end[1])
