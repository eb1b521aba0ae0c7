"""Events told as one of a series: "a second landing" comes after the landing told before it,
"the third round" after the second.

A mention whose own words give its place in a series ("second", "third": :class:`Mention`'s
``contrast``) starts no earlier than the nearest earlier mention of the same kind of event (the
same lemma: a noun that names a verb's event carries the verb's lemma) whose place is lower or not
given, preferring one that something was said of (a date, an order). The link is certain when
every such earlier mention is one event (or there is only one mention); otherwise it is uncertain
and a conflict through it is a warning.
"""

from __future__ import annotations

from chrono.model import Endpoint, Gap, Grade, Side
from chrono.problems import ConflictKind
from chrono.text.builder import Builder
from chrono.text.claims import TextGapClaim
from chrono.text.mentions import Mention
from chrono.text.vocabulary import vocabulary

_ORDINALS = {
    str(word): int(place) for word, place in vocabulary("coreference").table("ordinal_words").items()
}
_ROUNDS = vocabulary("coreference").set("round_ordinals")


def ordinal_order(b: Builder) -> None:
    """Order each "second …", "third …" mention after the earlier one of its series."""
    for index, mention in enumerate(b.mentions):
        place = _ORDINALS.get(mention.contrast or "", 0)
        if place < 2 or mention.trigger.pos != "noun" or mention.planned:
            continue
        earlier = [m for m in b.mentions[:index] if _before_in_series(m, mention, place)]
        if not earlier:
            continue
        # the nearest one that something was said of (a date, an order), else the nearest
        told = [m for m in earlier if m.trigger.start in b.by_trigger]
        chosen = (told or earlier)[-1]
        here, there = b.context_of(mention.trigger), b.context_of(chosen.trigger)
        if here is None or there is None:
            continue
        first_id = b.event(chosen.trigger, there)
        second_id = b.event(mention.trigger, here)
        if first_id == second_id:
            continue
        # certain when every earlier one with something said of it is that same event
        certain = all(b.same_event(m.trigger, chosen.trigger) for m in told) if told else len(earlier) == 1
        events_before = {b.by_trigger.get(m.trigger.start, str(m.trigger.start)) for m in earlier}
        if place > 2 and len(events_before) != place - 1:
            # "A sixth burglary …" after one told "burgled": the others of the count are told in
            # other words, or not at all, so which one comes before it is not known
            certain = False
        span = b.span(mention.start, mention.trigger.end)
        linked, via = b.graded(span, (first_id, second_id), (chosen.trigger, mention.trigger))
        reading = (f"“{mention.contrast} {mention.trigger.text}” comes after the "
                   f"“{chosen.trigger.text}” told before it")
        b.claims.append(TextGapClaim(
            Endpoint(first_id, Side.START), Endpoint(second_id, Side.START), Gap(0, None, ""), span,
            words=f"{chosen.trigger.text} … {mention.contrast} {mention.trigger.text}",
            conflict_kind=ConflictKind.ORDER,
            grade=min(Grade.STRONG if certain else Grade.WEAK, linked),
            via="; ".join(part for part in (reading, via) if part),
        ))


def _before_in_series(earlier: Mention, mention: Mention, place: int) -> bool:
    """Can ``earlier`` be an event of the series before ``mention`` (which is its ``place``-th)?"""
    if earlier.start >= mention.start or earlier.planned or earlier.flashback:
        return False
    if earlier.trigger.lemma != mention.trigger.lemma or earlier.plural:
        return False
    if mention.contrast in _ROUNDS and earlier.contrast not in _ORDINALS:
        return False  # "the match … a second-round match": the first may be a later round
    return _ORDINALS.get(earlier.contrast or "", 1) < place and earlier.contrast in (None, *_ORDINALS)
