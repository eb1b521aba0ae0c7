"""Event triggers: words of the lexicon (chrono/lang/en/events/triggers.yaml) found in a view,
with their part of speech, class, tense, aspect and whether the clause asserts them.

One compiled regex finds every form of every trigger; the context is read from a few words
around each match only, so the cost grows with the number of triggers, not with the lexicon.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from chrono.knowledge import trigger_words

# Tenses; "irrealis" covers modal, future, conditional, negated and bare infinitive uses: the
# clause does not say the event happened, so nothing is claimed about its time.
PAST = "past"
PERFECT = "perfect"  # has/have + participle
PLUPERFECT = "pluperfect"  # had + participle
PRESENT = "present"
PROGRESSIVE = "progressive"
INFINITIVE = "infinitive"
IRREALIS = "irrealis"
NOMINAL = "nominal"


@attrs.frozen
class Trigger:
    start: int
    end: int
    text: str
    lemma: str
    event_class: str
    pos: str  # "verb" | "noun"
    tense: str
    punctual: bool


@attrs.frozen
class Lexicon:
    # multi-word forms ("took place"), tried only where their first word occurs
    phrases: dict[str, re.Pattern[str]]
    # lower-case form -> (lemma, class, pos, form): form is base|s|past|pp|ing|noun
    forms: dict[str, tuple[tuple[str, str, str, str], ...]]
    punctual: frozenset[str]


def _regular_forms(lemma: str) -> list[str]:
    last = lemma[-1]
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma + "d", lemma[:-1] + "ing"]
    if last == "y" and lemma[-2] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma + "es", lemma + "ed", lemma + "ed", lemma + "ing"]
    double = (
        len(re.findall(r"[aeiou]+", lemma)) == 1  # one syllable: "stop" -> "stopped", not "open"
        and last not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3:-2] not in ("a", "e", "i", "o", "u", "")
    ) or lemma in ("occur", "admit", "commit", "submit", "control", "patrol", "regret", "ban", "plan")
    stem = lemma + last if double else lemma
    return [lemma + "s", stem + "ed", stem + "ed", stem + "ing"]


def _plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun if noun.endswith("s") else noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@functools.lru_cache(maxsize=16)
def lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """The trigger lexicon, extended by the ``verbs``/``nouns`` of users' domain-knowledge files."""
    words = trigger_words(extra_files)
    data: dict[str, Any] = {"verbs": words.verbs, "nouns": words.nouns}
    forms: dict[str, list[tuple[str, str, str, str]]] = {}

    def add(form: str, entry: tuple[str, str, str, str]) -> None:
        forms.setdefault(form.lower(), []).append(entry)

    for lemma, spec in data["verbs"].items():
        if isinstance(spec, dict):
            cls = str(spec["class"])
            inflected = [str(f) for f in spec.get("forms", [])]
        else:
            cls, inflected = str(spec), []
        lemma = str(lemma)
        if len(inflected) == 1:
            add(inflected[0], (lemma, cls, "verb", "pp"))
            continue
        if not inflected:
            inflected = _regular_forms(lemma) if " " not in lemma else []
        add(lemma, (lemma, cls, "verb", "base"))
        for form, kind in zip(inflected, ("s", "past", "pp", "ing"), strict=False):
            add(form, (lemma, cls, "verb", kind))
    for noun, spec in data["nouns"].items():
        noun = str(noun)
        # {class, verb}: the noun names the verb's event ("eruption" of "erupt"), so "the
        # eruption" can refer back to "erupted"
        cls = str(spec["class"]) if isinstance(spec, dict) else str(spec)
        lemma = str(spec.get("verb", noun)) if isinstance(spec, dict) else noun
        add(noun, (lemma, cls, "noun", "noun"))
        if " " not in noun:
            add(_plural(noun), (lemma, cls, "noun", "noun"))
    by_first: dict[str, list[str]] = {}
    for form in forms:
        if " " in form:
            by_first.setdefault(form.split()[0], []).append(form)
    phrases = {
        first: re.compile(
            "(?:"
            + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(group, key=len, reverse=True))
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        for first, group in by_first.items()
    }
    return Lexicon(phrases, {k: tuple(v) for k, v in forms.items()}, frozenset(words.punctual_classes))


_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")



def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())

_PREV_WORDS = re.compile(r"([A-Za-z']+(?:n't)?)\W*\Z")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|n't")
_PERIOD_NOUNS = _set("quarter quarters year years period periods months weeks half semester fiscal")
_MODALS = _set("will would could should may might must shall can cannot 'll 'd wo")
_NEGATIONS = _set("not never n't no")
_BE_PRESENT = _set("is are am 's 're")
_BE_PAST = _set("was were")
_HAVE = _set("has have 've")
_DETERMINERS = _set(
    "the a an this that these those its his her their our my your of 's last first next another "
    "any each every whose"
)
_SKIPPABLE = _set("also already just still reportedly allegedly then later recently finally "
                       "quickly been being officially formally eventually")
_IRREALIS_CUES = _set("if unless whether expected planned plans plan hope hopes hoped wants "
                           "want wanted intends intended would could should might may")


def _words_before(text: str, start: int, floor: int, count: int) -> list[str]:
    chunk = text[max(floor, start - 40):start].lower()
    return _WORD.findall(chunk)[-count:]


def _tense(form: str, pos: str, before: list[str], text: str, start: int) -> tuple[str, str] | None:
    """(pos, tense) of a verb form from the words in front of it; None when not an event use."""
    words = [w for w in before if w not in _SKIPPABLE and not (w.endswith("ly") and len(w) > 4)]
    prev = words[-1] if words else ""
    prev2 = words[-2] if len(words) > 1 else ""
    window = set(before[-4:])
    if window & _NEGATIONS:
        return pos, IRREALIS
    if prev in _MODALS or (prev2 in _MODALS and prev in ("be", "have", "not")):
        return pos, IRREALIS
    if prev == "to" or (prev2 == "to" and prev in ("be", "have", "get")):
        return pos, INFINITIVE  # "to seize", "to be completed"
    if form == "ing":
        if prev in _BE_PAST:
            return pos, PROGRESSIVE
        if prev in _BE_PRESENT:
            return pos, PROGRESSIVE
        return None
    if form == "pp" or form == "past":
        if prev in _HAVE or "has" in window or "have" in window:
            return pos, PERFECT
        if prev == "had" or "had" in window:
            return pos, PLUPERFECT
        if prev in _BE_PAST or (prev2 in _BE_PAST and prev == "been"):
            return pos, PAST
        if prev in _BE_PRESENT:
            return pos, PRESENT
        if form == "past":
            return pos, PAST
        if prev in ("was", "were", "been", "be", "being", "got", "get"):
            return pos, PAST
        if not before and _PARTICIPLE_PHRASE.match(text, start):
            # "Born on 2 May 1950 in Leeds, she …", "Founded in 1990, the firm …": a participle
            # phrase that opens the sentence tells a past event of the subject
            return pos, PAST
        return None
    if form == "s":
        return pos, PRESENT
    if form == "base":
        if prev in ("did", "didn't", "do", "does"):
            return pos, IRREALIS
        return None
    return pos, NOMINAL


_PARTICIPLE_PHRASE = re.compile(
    r"[A-Z][a-z]+\s+(?:in|on|at|by|as|near|during)\b[^,;.!?]{0,80},\s*(?:the\s+|a\s+|an\s+)?[A-Za-z]"
)


# -ing forms of trigger verbs that, after a determiner, name a thing rather than an event
_THING_ING = _set("bearing building drawing earning finding holding living painting recording writing "
                  "saying posting crossing clothing setting housing wiring lining")


_UNLISTED_CUES = _set("was were had has have been who which that")
_NOT_VERBS = _set("based used supposed related concerned interested involved limited united red bed "
                  "need needed speed seed feed breed shed hundred kindred closed opened")


_Entry = tuple[str, str, str, str]


def _unlisted(key: str, surface: str, text: str, at: int, floor: int) -> tuple[_Entry, ...]:
    """A regular past participle not in the lexicon, right after an auxiliary or a relative
    pronoun ("was terminated", "who arrived"): an occurrence of its own."""
    if len(key) < 5 or not key.endswith("ed") or key in _NOT_VERBS or surface[:1].isupper():
        return ()
    before = _words_before(text, at, floor, 1)
    if not before or before[-1] not in _UNLISTED_CUES:
        return ()
    return ((key, "occurrence", "verb", "past"),)


def find_triggers(text: str, start: int, end: int, lex: Lexicon | None = None) -> list[Trigger]:
    """Event triggers in ``text[start:end]`` (one sentence), in order."""
    lex = lex or lexicon()
    out: list[Trigger] = []
    forms = lex.forms
    phrases = lex.phrases
    for match in _TOKEN.finditer(text, start, end):
        key = match.group().lower()
        phrase = phrases.get(key)
        if phrase is not None:
            longer = phrase.match(text, match.start(), end)
            if longer is not None:
                match = longer
                key = " ".join(longer.group().lower().split())
        entries = forms.get(key)
        if not entries:
            if not key.endswith("ed"):
                continue
            entries = _unlisted(key, match.group(), text, match.start(), start)
            if not entries:
                continue
        if match.start() > 0 and text[match.start() - 1] in "-_":
            continue
        surface = match.group()
        before = _words_before(text, match.start(), start, 4)
        prev = before[-1] if before else ""
        noun = next((e for e in entries if e[2] == "noun"), None)
        verb = next((e for e in entries if e[2] == "verb"), None)
        chosen: tuple[str, str, str, str] | None = None
        tense: str | None = None
        if noun is not None and (verb is None or prev in _DETERMINERS or prev.endswith("'s")):
            chosen, tense = noun, NOMINAL
        elif verb is not None:
            if surface[:1].isupper() and match.start() > start and verb[3] != "past":
                continue  # a capitalised word mid-sentence is a name ("Strike Force")
            if verb[3] == "ing" and (prev in _DETERMINERS or prev.endswith("'s")):
                if key in _THING_ING:
                    continue  # "the building", "a painting": a thing, not an event
                chosen, tense = (verb[0], verb[1], "noun", "noun"), NOMINAL  # "the sinking"
            else:
                # "found" is "find" in the past and "found" (establish) in the present: the first
                # reading the context allows
                for candidate in (e for e in entries if e[2] == "verb"):
                    result = _tense(candidate[3], "verb", before, text, match.start())
                    if result is not None:
                        chosen, tense = candidate, result[1]
                        break
                if chosen is None and noun is not None:
                    chosen, tense = noun, NOMINAL
        if chosen is None or tense is None:
            continue
        lemma, cls, pos, _ = chosen
        if cls in ("begin", "end") and prev in _PERIOD_NOUNS and not re.search(
            r"[,;]\s*\Z", text[max(start, match.start() - 4):match.start()]
        ):
            continue  # "the quarter ended Sept. 30": a name for a period, not an event
        out.append(
            Trigger(match.start(), match.end(), surface, lemma, cls, pos, tense, cls in lex.punctual)
        )
    return out


def asserted(trigger: Trigger) -> bool:
    """Does the clause say the event happened (or holds)?"""
    return trigger.tense not in (IRREALIS, INFINITIVE)
