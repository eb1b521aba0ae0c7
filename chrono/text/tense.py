"""Tense, aspect and modality of a trigger, read from the few words in front of it.

"irrealis" covers modal, future, conditional, negated and do-supported uses: the clause does not
say the event happened, so nothing is claimed about its time.
"""

from __future__ import annotations

import re

PAST = "past"
PERFECT = "perfect"  # has/have + participle
PLUPERFECT = "pluperfect"  # had + participle
PRESENT = "present"
PROGRESSIVE = "progressive"
INFINITIVE = "infinitive"
IRREALIS = "irrealis"
NOMINAL = "nominal"

TOLD_AS_PAST = (PAST, PERFECT, PLUPERFECT)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MODALS = _set("will would could should may might must shall can cannot 'll 'd wo")
_NEGATIONS = _set("not never n't no")
_BE_PRESENT = _set("is are am 's 're")
_BE_PAST = _set("was were")
_HAVE = _set("has have 've")
_SKIPPABLE = _set("also already just still reportedly allegedly then later recently finally "
                  "quickly been being officially formally eventually")
_PARTICIPLE_PHRASE = re.compile(
    r"[A-Z][a-z]+\s+(?:in|on|at|by|as|near|during)\b[^,;.!?]{0,80},\s*(?:the\s+|a\s+|an\s+)?[A-Za-z]"
)


def verb_tense(form: str, before: list[str], text: str, start: int) -> str | None:
    """The tense of a verb ``form`` (base|s|past|pp|ing) at ``start`` from the words in front of it
    (``before``, lower case); None when it is not an event use."""
    words = [w for w in before if w not in _SKIPPABLE and not (w.endswith("ly") and len(w) > 4)]
    prev = words[-1] if words else ""
    prev2 = words[-2] if len(words) > 1 else ""
    window = set(before[-4:])
    if window & _NEGATIONS:
        return IRREALIS
    if prev in _MODALS or (prev2 in _MODALS and prev in ("be", "have", "not")):
        return IRREALIS
    if prev == "to" or (prev2 == "to" and prev in ("be", "have", "get")):
        return INFINITIVE  # "to seize", "to be completed"
    if form == "ing":
        if prev in _BE_PAST:
            return PROGRESSIVE
        if prev in _BE_PRESENT:
            return PROGRESSIVE
        return None
    if form == "pp" or form == "past":
        if prev in _HAVE or "has" in window or "have" in window:
            return PERFECT
        if prev == "had" or "had" in window:
            return PLUPERFECT
        if prev in _BE_PAST or (prev2 in _BE_PAST and prev == "been"):
            return PAST
        if prev in _BE_PRESENT:
            return PRESENT
        if form == "past":
            return PAST
        if prev in ("was", "were", "been", "be", "being", "got", "get"):
            return PAST
        if not before and _PARTICIPLE_PHRASE.match(text, start):
            # "Born on 2 May 1950 in Leeds, she …", "Founded in 1990, the firm …": a participle
            # phrase that opens the sentence tells a past event of the subject
            return PAST
        return None
    if form == "s":
        return PRESENT
    if form == "base":
        if prev in ("did", "didn't", "do", "does"):
            return IRREALIS
        return None
    return NOMINAL
