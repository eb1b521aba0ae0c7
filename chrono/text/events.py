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
from chrono.text.clauses import FUNCTION_WORDS
from chrono.text.inflection import plural, regular_forms
from chrono.text.tense import INFINITIVE, IRREALIS, NOMINAL, verb_tense
from chrono.text.vocabulary import vocabulary


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
            inflected = regular_forms(lemma) if " " not in lemma else []
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
            add(plural(noun), (lemma, cls, "noun", "noun"))
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


def synonym_set(lemma: str, extra_files: tuple[str, ...] = ()) -> frozenset[str]:
    """Words that can name the same event as ``lemma`` in one story (none until the synonym
    sets are data)."""
    return frozenset()


_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")


_WORDS = vocabulary("events")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|n't")
_PERIOD_NOUNS = _WORDS.set("period_nouns")
_DETERMINERS = _WORDS.set("determiners")
# -ing forms of trigger verbs that, after a determiner, name a thing rather than an event
_THING_ING = _WORDS.set("thing_ing")
_UNLISTED_CUES = _WORDS.set("unlisted_verb_cues")
_NOT_VERBS = _WORDS.set("not_verbs")
_SUBJECT_PRONOUNS = _WORDS.set("subject_pronouns")
_CLAUSE_VERB_FOLLOWERS = _WORDS.set("clause_verb_followers")
_COMPOUND_HEADS = _WORDS.set("compound_heads")
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w']*)")
_AFTER_CLAUSE_VERB = re.compile(r"\s*(?:[,.;:!?)\]\"”]|\s+(?:[a-z]+\b))")


def _words_before(text: str, start: int, floor: int, count: int) -> list[str]:
    chunk = text[max(floor, start - 40):start].lower()
    return _WORD.findall(chunk)[-count:]


_Entry = tuple[str, str, str, str]


def _unlisted(key: str, surface: str, text: str, at: int, floor: int) -> tuple[_Entry, ...]:
    """A regular past participle not in the lexicon, right after an auxiliary or a relative
    pronoun ("was terminated", "who arrived"): an occurrence of its own."""
    if len(key) < 5 or not key.endswith("ed") or key in _NOT_VERBS or surface[:1].isupper():
        return ()
    before = _words_before(text, at, floor, 1)
    if not before:
        return ()
    previous = before[-1]
    if previous in _UNLISTED_CUES or previous in _SUBJECT_PRONOUNS:
        return ((key, "occurrence", "verb", "past"),)
    # "protesters gathered outside", "power returned on Friday": a noun, then the verb of its
    # clause; not "a man named Lee", "the newly elected mayor"
    if previous in _DETERMINERS or previous in FUNCTION_WORDS or previous.endswith("ly") or len(previous) < 3:
        return ()
    if not text[at - len(previous) - 1:at].strip().isalpha():
        return ()
    after = _AFTER_CLAUSE_VERB.match(text, at + len(surface))
    follower = after.group().strip() if after is not None else ""
    if after is None or (
        follower.isalpha() and follower not in FUNCTION_WORDS and follower not in _CLAUSE_VERB_FOLLOWERS
    ):
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
                    tense = verb_tense(candidate[3], before, text, match.start())
                    if tense is not None:
                        chosen = candidate
                        break
                if chosen is None and noun is not None:
                    chosen, tense = noun, NOMINAL
        if chosen is None or tense is None:
            continue
        if chosen[2] == "noun":
            following = _NEXT_WORD.match(text, match.end(), end)
            if following is not None and following.group(1) in _COMPOUND_HEADS:
                continue  # "the release candidate", "election day": a modifier, no event
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
