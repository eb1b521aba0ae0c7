"""Which mentions name the same event: a definite event noun and the event mentioned before it
in its paragraph ("signed … the signing"), and a verb and the event noun it takes as object
("signed the treaty", "held talks")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from chrono.text.clauses import FUNCTION_WORDS
from chrono.text.events import Trigger, asserted
from chrono.text.vocabulary import vocabulary

# classes too broad to tell events apart: their mentions corefer by lemma, the others by class
_GENERIC_CLASSES = frozenset({"occurrence", "state", "reporting", "announcement"})
_WORDS = vocabulary("coreference")
_DEFINITE = re.compile(rf"\b(?:{_WORDS.pattern('definite_determiners')})\s+\Z", re.IGNORECASE)
_DETERMINER = _WORDS.set("object_determiners")
_OBJECT_MODIFIERS = _WORDS.set("object_modifiers")

# (paragraph, mention key) -> (offset, trigger) of the first asserted mention
Mentions = Mapping[tuple[int, str], tuple[int, Trigger]]


def mention_key(trigger: Trigger) -> str:
    return trigger.lemma if trigger.event_class in _GENERIC_CLASSES else trigger.event_class


def antecedent(text: str, trigger: Trigger, mentions: Mentions, paragraph: int) -> Trigger | None:
    """"the signing" after "signed": a definite event noun names the event mentioned before
    in the same paragraph (same class, or same lemma for the generic classes)."""
    if trigger.pos != "noun" or trigger.event_class == "named":
        return None
    if not _DEFINITE.search(text, max(0, trigger.start - 12), trigger.start):
        return None
    found = mentions.get((paragraph, mention_key(trigger)))
    if found is None or found[0] >= trigger.start:
        return None
    return found[1]


def verb_object(text: str, trigger: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """"launched its campaign", "signed the treaty", "held talks": a verb and the event noun
    it takes as object name one event. Returns the partner of ``trigger`` among ``triggers``
    (those of its sentence)."""
    if trigger.event_class == "named":
        return None
    for other in triggers:
        verb, noun = (other, trigger) if trigger.pos == "noun" else (trigger, other)
        if verb.pos != "verb" or noun.pos != "noun" or noun.event_class == "named":
            continue
        if verb.event_class in ("reporting", "begin", "end", "causal") or not asserted(verb):
            continue
        if verb.end <= noun.start and _is_object_gap(text[verb.end:noun.start]):
            return other
    return None


def _is_object_gap(gap: str) -> bool:
    """Words between a verb and its object noun: "signed the", "reached a tentative", "held"."""
    words = gap.split()
    if (gap and not gap[0].isspace()) or not gap.endswith((" ", "\n", "\t")) or len(words) > 3:
        return False
    if any(not w.isalpha() and "-" not in w for w in words):
        return False
    if words and words[0].lower() not in _DETERMINER:
        return not words or (len(words) == 1 and words[0].lower() in _OBJECT_MODIFIERS)
    return all(w.lower() not in FUNCTION_WORDS for w in words[1:])
