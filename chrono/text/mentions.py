"""Event mentions: a trigger with what its words say about which event it is.

Coreference (chrono.text.coreference) needs, for every mention, whether it is definite ("the
visit", "the council's reading"), whether a word in front of it says it is another event ("the
second vote", "another strike") or makes the link uncertain ("the final vote"), whose event it is
(a possessive: "her deputy's resignation"), and the names around it ("the fall of Harwick",
"the Lisbon summit") — enough to tell two mentions of one kind of event apart. The patterns are
light: a few words each side of the trigger, no parse.
"""

from __future__ import annotations

import functools
import re

import attrs

from chrono.text.calendar_names import MONTHS, WEEKDAYS
from chrono.text.clauses import FUNCTION_WORDS, looks_finite
from chrono.text.events import Trigger
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import vocabulary

_WORDS = vocabulary("coreference")
_DEFINITE = _WORDS.set("definite_determiners")
_CONTRAST = _WORDS.set("contrast_words")
_UNCERTAIN = _WORDS.set("uncertain_words")
_PRONOUN_POSSESSORS = _WORDS.set("pronoun_possessors")
_FLASHBACK = _WORDS.set("flashback_adverbs")
# "Sunday's election", "last year's vote": a possessive that dates the event is no determiner
_TEMPORAL_OWNERS = (
    frozenset(w.lower() for w in MONTHS)
    | frozenset(w.lower() for w in WEEKDAYS)
    | _WORDS.set("temporal_owners")
)
_NOT_NAMES = _WORDS.set("not_names") | frozenset(MONTHS) | frozenset(WEEKDAYS)
_DATE_WORDS = frozenset(w.lower() for w in MONTHS) | frozenset(w.lower() for w in WEEKDAYS)

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_NAME = re.compile(r"\b[A-Z][\w’'-]*[A-Za-z]")
_POSSESSIVE = re.compile(r"([A-Za-z][\w-]*)['’]s?\Z")
# the words of a noun phrase in front of its head: at most five, no verb-like punctuation
_PREMODIFIERS = re.compile(r"(?:[\w'’-]+\s+){0,5}\Z")
# "of Harwick", "in Lisbon", "at the Marlow plant": the names right after the head
_OF_PHRASE = re.compile(r"\s+of\s+((?:[\w'’-]+\s*){1,4})")
_COMPLEMENT = re.compile(
    r"\s+(?:of|in|at|on|for|against|over|between|with)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*){1,4})"
)

_LETTER = re.compile(r"[A-Za-z]")
# "the ten-week closure", "a two-day visit": a length, not a word that tells events apart
_LENGTH_MODIFIER = re.compile(rf"-(?:{_WORDS.pattern('length_units')})s?\Z")
_INDEFINITE = re.compile(
    rf"\b(?:{_WORDS.pattern('indefinite_articles')})\s+(?:[\w-]+\s+){{0,3}}\Z", re.IGNORECASE
)
_PHASE_AFTER = re.compile(rf"[ \t]+(?:{_WORDS.pattern('telegraphic_phases')})\b", re.IGNORECASE)


@attrs.frozen
class Mention:
    """One mention of an event, with the features that tell it apart from others."""

    trigger: Trigger
    paragraph: int
    sentence_start: int
    block: int  # the paragraph by blank lines: one list is one block
    definite: bool
    contrast: str | None  # "second", "another", "previous" ...: another event than one before
    uncertain: str | None  # "final", "latest" ...: may be another event
    possessor: str | None  # "council" in "the council's reading" (None for his/her/its ...)
    names: frozenset[str]  # names in its own phrase, lower case ("harwick", "lisbon")
    plural: bool  # "the killings": a set of events, not one of them
    theme: frozenset[str]  # what its "of" phrase names: "husband" in "the death of her husband"
    planned: bool  # "will reopen", "the scheduled vote": a plan, another event than what happened
    flashback: bool  # "it last erupted in 2011": a verb told of another occurrence
    context: frozenset[str]  # every name and content word of its sentence, lower case
    # the content words in front of it, lower case ("founding" in "the founding concert")
    modifiers: frozenset[str] = frozenset()
    # "a suspension": named with an indefinite article, as a story first names its event
    introduced: bool = False

    @property
    def start(self) -> int:
        return self.trigger.start


@functools.lru_cache(maxsize=256)
def _context(sentence_text: str) -> frozenset[str]:
    """Every name and content word of a sentence, lower case (the same for each of its mentions)."""
    return frozenset(w.lower().strip("'’.-") for w in _WORD.findall(sentence_text) if len(w) > 2)


def _names(text: str) -> frozenset[str]:
    return frozenset(m.group().lower() for m in _NAME.finditer(text) if m.group() not in _NOT_NAMES)


def _noun_phrase(text: str, trigger: Trigger, sentence: Sentence) -> tuple[list[str], bool]:
    """The words in front of an event noun that belong to its phrase, and whether the phrase is
    definite: walking back from the noun over modifiers ("the council's second", "the 2013"),
    up to a determiner or possessive (definite), or a word that cannot be a modifier."""
    before = text[max(sentence.start, trigger.start - 60):trigger.start]
    phrase = _PREMODIFIERS.search(before)
    words = phrase.group().split() if phrase else []
    own: list[str] = []
    for word in reversed(words):
        low = word.lower()
        owner = _POSSESSIVE.search(word) if word.endswith(("'s", "’s", "s'", "s’")) else None
        possessive = owner is not None
        if owner is not None and owner.group(1).lower() in _TEMPORAL_OWNERS:
            return [word, *own], False  # "Sunday's election": a date of it, not an earlier one
        if low in _DEFINITE or possessive:
            return [word, *own], True
        if low.rstrip(",") in _DATE_WORDS or low.rstrip(",").isdigit():
            continue  # "the May 5 referendum", "the 2019 vote": its date, not a word of its kind
        if low not in _CONTRAST and low not in _UNCERTAIN and (
            low in FUNCTION_WORDS or word.endswith((",", ";", ":")) or looks_finite(word)
        ):
            break
        own.insert(0, word)
    return own, False


def _telegraphic_subject(text: str, trigger: Trigger, sentence: Sentence) -> bool:
    """A bare event noun that opens a log line or headline and a phase verb follows ("14:31 —
    Outage begins", "Rollback complete"): the event the story is about, as "the outage" would be."""
    if _LETTER.search(text, sentence.start, trigger.start):
        return False
    return _PHASE_AFTER.match(text, trigger.end) is not None


def mention_of(text: str, trigger: Trigger, sentence: Sentence, *, planned: bool = False) -> Mention:
    own, definite = _noun_phrase(text, trigger, sentence) if trigger.pos == "noun" else ([], False)
    if trigger.pos == "noun" and not own and _telegraphic_subject(text, trigger, sentence):
        definite = True
    own_lower = [w.lower() for w in own]
    opening = 0 if definite else -1
    flashback = False
    if trigger.pos == "verb":  # "It last erupted in 2011": another occurrence than the story's
        words_before = _WORD.findall(text[max(sentence.start, trigger.start - 25):trigger.start])[-2:]
        flashback = any(w.lower() in _FLASHBACK for w in words_before)
    possessor = None
    for word in own:
        match = _POSSESSIVE.search(word)
        if match is not None and word.endswith(("'s", "’s", "s'", "s’")):
            owner = match.group(1).lower()
            possessor = None if owner in _PRONOUN_POSSESSORS else owner
    contrast = next((w for w in own_lower if w in _CONTRAST), None)
    uncertain = next((w for w in own_lower if w in _UNCERTAIN), None)
    complement = _COMPLEMENT.match(text, trigger.end, min(len(text), trigger.end + 60))
    names = _names(" ".join(own[1:] if own and own[0][:1].isupper() and opening == 0 else own))
    if complement is not None:
        names |= _names(complement.group(1))
    context = _context(text[sentence.start:sentence.end])
    surface = trigger.text.lower()
    plural = trigger.pos == "noun" and surface.endswith("s") and not surface.endswith("ss") and (
        surface.rstrip("s") != trigger.lemma.rstrip("s") or surface != trigger.lemma
    )
    of_phrase = _OF_PHRASE.match(text, trigger.end, min(len(text), trigger.end + 50))
    theme = frozenset(
        w.lower() for w in (of_phrase.group(1).split() if of_phrase else [])
        if w.lower() not in FUNCTION_WORDS and w.lower() not in _PRONOUN_POSSESSORS and len(w) > 2
    )
    modifiers = frozenset(
        w.strip("'’.,-") for w in own_lower
        if w not in _DEFINITE and w not in _CONTRAST and w not in _UNCERTAIN and w not in FUNCTION_WORDS
        and not _POSSESSIVE.search(w) and not any(ch.isdigit() for ch in w)
        and w.strip("'’.,-") not in _TEMPORAL_OWNERS and not _LENGTH_MODIFIER.search(w)
    )
    introduced = trigger.pos == "noun" and not definite and _INDEFINITE.search(
        text, max(sentence.start, trigger.start - 40), trigger.start
    ) is not None
    return Mention(trigger, sentence.paragraph, sentence.start, sentence.block, definite, contrast, uncertain,
                   possessor, names, plural, theme, planned, flashback, context, modifiers, introduced)
