"""One wedding told twice: "He married Ilse Harrow … on 3 June 1967" in an obituary's opening
and "They were married on the morning of 17 June 1967" in its later section (or "the couple's
wedding on 17 June 1967") are one wedding, so its two dates must agree.

Read only where the text tells exactly two dated weddings, both as done, of one couple: no other
couple's (a parent's, a child's: "Her parents married in 1950"), no other spouse named, and no
word of a second marriage ("remarried", "his second wife", "divorced").
"""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Side
from chrono.text.builder import Builder
from chrono.text.tense import TOLD_AS_PAST
from chrono.text.vocabulary import vocabulary

__all__ = ["one_wedding"]

_WORDS = vocabulary("weddings")
_WEDDING_LEMMAS = _WORDS.set("wedding_verbs")
_OTHER_MARRIAGE = lazy_compile(rf"\b(?:{_WORDS.pattern('other_marriage_words')})\b", re.IGNORECASE)
_OTHER_COUPLE = lazy_compile(rf"\b(?:{_WORDS.pattern('other_couple_words')})\b", re.IGNORECASE)
_WEDDING_NOUNS = _WORDS.set("wedding_nouns")
_COUPLE_POSSESSIVE = lazy_compile(rf"\b(?:{_WORDS.pattern('couple_possessives')})\s+\Z", re.IGNORECASE)
_SPOUSE_NAME = lazy_compile(r"\s+((?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?)")


def one_wedding(b: Builder) -> None:
    """The claim that the two dated tellings of a text's one wedding start together."""
    told: dict[str, tuple[int, int, str | None]] = {}  # event -> (start, end, spouse named)
    for here in b.contexts.values():
        for trigger in here.triggers:
            # ("The couple's wedding at St Cuthbert's on 17 July 1964": the couple's own, by its noun)
            lead = max(here.sentence.start, trigger.start - 24)
            noun = trigger.pos == "noun" and trigger.text.lower() in _WEDDING_NOUNS and (
                _COUPLE_POSSESSIVE.search(b.text, lead, trigger.start) is not None)
            if not noun and (trigger.pos != "verb" or trigger.lemma not in _WEDDING_LEMMAS or (
                trigger.tense not in TOLD_AS_PAST
            )):
                continue
            event_id = b.by_trigger.get(trigger.start)
            if event_id is None or event_id not in b.dated_at:
                continue
            if _OTHER_COUPLE.search(b.text, here.sentence.start, trigger.start):
                return  # "Her parents married in 1950": another couple's wedding is told
            spouse = _SPOUSE_NAME.match(b.text, trigger.end)
            told.setdefault(event_id, (trigger.start, trigger.end, spouse.group(1) if spouse else None))
    if len(told) != 2 or _OTHER_MARRIAGE.search(b.text):
        return
    (first_id, first), (second_id, second) = sorted(told.items(), key=lambda item: item[1][0])
    if first[2] is not None and second[2] is not None and first[2] != second[2]:
        return  # two spouses named
    note = f"'{b.text[second[0]:second[1]]}' ({b.where(second[0])}) is the one wedding the text tells"
    span = b.span(second[0], second[1])
    b.gap_claim(Endpoint(first_id, Side.START), Endpoint(second_id, Side.START), Gap(0, 0, ""), span,
                None, note=note)
