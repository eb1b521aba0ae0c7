"""A news story's opening paragraph names its event, often by a noun that nothing before it
names ("…, ending the ten-day walkout that had left thousands without buses"), and a paragraph
or two later a verb of the same word dates it ("About 420 drivers walked out at 4am on Thursday
3 October"): the noun and the verb are one event, with one start and one end.

Read only when the noun is definite and undated, refers back to nothing, is no plan, no set and
no "second" one, and exactly one past verb of its word is dated in the next two paragraphs."""

from __future__ import annotations

from chrono.model import Endpoint, Gap, Side
from chrono.text.builder import Builder
from chrono.text.tense import TOLD_AS_PAST

__all__ = ["lede_nouns"]

# how many paragraphs after the opening one the verb that dates the opening's noun may stand
_REACH = 2


def lede_nouns(b: Builder) -> None:
    """Claims that an undated event noun of the opening paragraph and the one dated verb of its
    word in the next paragraphs start and end together."""
    first = next((s for s in b.sentences if not b.in_heading(s.start)), None)
    if first is None:
        return
    opening = b.opening_paragraph(first.start)
    told = [m for mentions in b.story_mentions.values() for m in mentions
            if b.same_story(m.trigger.start, first.start)]
    for noun in told:
        trigger = noun.trigger
        if noun.paragraph != opening or trigger.pos != "noun" or not noun.definite or (
            noun.planned or noun.plural or noun.contrast is not None or noun.time_owner is not None
            or noun.flashback
        ):
            continue
        noun_event = b.by_trigger.get(trigger.start)
        if noun_event is None or noun_event in b.dated_at or b.links.get(trigger.start) is not None:
            continue
        verbs = [m for m in told if m.trigger.pos == "verb" and m.trigger.lemma == trigger.lemma
                 and 0 < m.paragraph - noun.paragraph <= _REACH and m.trigger.tense in TOLD_AS_PAST]
        if len(verbs) != 1:
            continue
        verb = verbs[0].trigger
        verb_event = b.by_trigger.get(verb.start)
        if verb_event is None or verb_event == noun_event or verb_event not in b.dated_at:
            continue
        span = b.span(trigger.start, trigger.end, verb.start, verb.end)
        note = f"the opening's '{trigger.text}' is the event '{verb.text}' dates in the paragraphs after it"
        for side in (Side.START, Side.END):
            b.gap_claim(Endpoint(verb_event, side), Endpoint(noun_event, side), Gap(0, 0, ""), span, None,
                        note=note)
