"""Linking keys: what lets two documents' events be recognised as one event without comparing
every pair of documents.

A key is computed from one document's own words around an event's trigger:

* a **named** event and the act told of it: "The Treaty of Lisbon was signed …" ->
  ``named:treaty of lisbon|signing``; "Operation Ember began …" -> ``named:operation ember|begin``;
* otherwise the **class** of the event (its lemma for broad classes such as "happened"), the
  **names** it is about (the object of the verb, the subject of a passive, "of X" after a noun,
  never the doer after "by") and, in front of a noun, the **kind** and **year** written in its own
  words: "Russian troops recaptured Sudzha" and "the recapture of Sudzha" -> ``recapture|sudzha``;
  "the 2024 Romanian presidential election" -> ``election|presidential|romania|2024``.

A key is graded: a name, or a year in the event's own words, or a class that happens once to what
it is about (chrono/lang/en/corpus.yaml) is STRONG; a class and names alone ("Romania's
election") is WEAK, and a contradiction through it is a warning at most. An event with neither a
name nor a named argument gets no key: a class alone ("the election") never links documents.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

import attrs

from chrono.model import Grade
from chrono.regex_cache import compile_kept
from chrono.resources import load_yaml
from chrono.text.events import Trigger, find_triggers, iter_triggers
from chrono.text.named_events import named_events
from chrono.text.sentences import Sentence

# a sentence ends at a stop, a blank line, a list item or heading, or a line that ends without
# a lower-case word or a comma (a heading, a dateline, front matter): wrapped prose lines go on
_SENTENCE_END = re.compile(
    r"[.!?][\"'”’)]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[#>*+-]|\d+[.)])\s)|(?<=[^a-z,;\s])[ \t]*\n"
)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# a number written right after a name, as part of it: "Rust 1.56.1", "Go 1", "Python 2.6rc1"
_NUMBER = re.compile(r"[ \t]+(\d+(?:\.\d+)*(?:[a-z]+\d*)?)(?![\w.-]*\w)")
_TOKEN = re.compile(r"[\w'’.-]+")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


@attrs.frozen
class _Words:
    generic: frozenset[str]
    not_names: frozenset[str]
    date_words: frozenset[str]
    clause_break: re.Pattern[str]
    agent: str
    passive: frozenset[str]
    of_words: frozenset[str]
    demonyms: dict[str, str]
    kinds: frozenset[str]
    name_head: re.Pattern[str]
    once: frozenset[str]
    once_per_person: frozenset[str]
    recurring_heads: frozenset[str]
    light: frozenset[str]
    stops: frozenset[str]
    modifier_openers: frozenset[str]
    origin_adjective: re.Pattern[str]
    joining: frozenset[str]


@functools.cache
def _words() -> _Words:
    data = load_yaml("lang", "en", "corpus.yaml")

    def split(key: str) -> list[str]:
        value = data[key]
        return [str(w) for w in (value.split() if isinstance(value, str) else value)]

    breaks = "|".join(re.escape(b) for b in split("clause_breaks"))
    heads = "|".join(re.escape(h) for h in split("name_heads"))
    return _Words(
        generic=frozenset(split("generic_classes")),
        not_names=frozenset(split("not_names") + split("date_words")),
        date_words=frozenset(split("date_words")),
        clause_break=compile_kept(breaks, re.IGNORECASE),
        agent=str(data["agent_word"]),
        passive=frozenset(split("passive_auxiliaries")),
        of_words=frozenset(split("of_words")),
        demonyms={str(k): str(v) for k, v in data["demonyms"].items()},
        kinds=frozenset(split("kinds")),
        name_head=compile_kept(rf"\b(?:{heads})(?:\s+[A-Z][\w'’-]+){{1,3}}"),
        once=frozenset(split("once_per_argument")),
        once_per_person=frozenset(split("once_per_person")),
        recurring_heads=frozenset(split("recurring_name_heads")),
        light=frozenset(split("light_verbs")),
        stops=frozenset(split("argument_stops")),
        modifier_openers=frozenset(split("modifier_openers")),
        origin_adjective=compile_kept(
            "(?:" + "|".join(map(re.escape, split("origin_adjective_endings"))) + r")\Z"
        ),
        joining=frozenset(split("joining_words")),
    )


@attrs.frozen
class Key:
    """An event's linking key, how sure a link through it is, and why (shown in explanations)."""

    value: str
    grade: Grade
    why: str
    label: str  # the words the key was read from, as written: "recaptured Sudzha"


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or heading, or list item) that holds ``text[start:end]``."""
    lo = _last_break_end(text, max(0, start - 600), start)
    found = _SENTENCE_END.search(text, end, min(len(text), end + 600))
    hi = found.start() + (1 if found and text[found.start()] in ".!?" else 0) if found else len(text)
    return lo, hi


def _last_break_end(text: str, floor: int, start: int) -> int:
    """Where the last sentence break that a scan of ``text[floor:start]`` finds ends (0: none).

    The scan is read backwards, a stretch at a time. No part of _SENTENCE_END (nor of its
    look-aheads) takes a letter, so a scan that starts right after a letter (or at ``floor``)
    finds the same breaks from there on as one from ``floor``, and none of them reaches back
    past that letter. Most sentences have their break in the first stretch."""
    stop = start
    while stop > floor:
        restart = max(floor, stop - 120)
        while restart > floor and not text[restart - 1].isalpha():
            restart -= 1
        ends = [match.end() for match in _SENTENCE_END.finditer(text, restart, stop)]
        if ends:
            return ends[-1]
        stop = restart
    return 0


def predicate(trigger: Trigger) -> str:
    """The act a key names: the class of a domain event (recaptured, retook, the recapture ->
    recapture), the lemma of a broad one (happened -> happen)."""
    cls = trigger.event_class
    if cls in _words().generic or cls == "named":
        return trigger.lemma.lower()
    return cls


def _clause_end(text: str, at: int, hi: int) -> int:
    found = _words().clause_break.search(text, at, hi)
    return found.start() if found else hi


def _clause_start(text: str, lo: int, at: int) -> int:
    last = lo
    for match in _words().clause_break.finditer(text, lo, at):
        last = match.end()
    return last


def _names(text: str, lo: int, hi: int, skip: Sequence[tuple[int, int]] = (), *,
           argument: bool = False) -> Iterator[str]:
    """The names in ``text[lo:hi]``, lower case, demonyms and possessives as their country; the
    doer after "by" and the words in ``skip`` (a named event's) left out. A run of capitalised
    words is one name ("Nagorno Karabakh"). For the ``argument`` of a verb or an "of": the search
    stops at a preposition of place or time ("… mission from Kennedy Space Center"), and a name
    that modifies a common noun ("the first European settlement") is no argument."""
    words = _words()
    run: list[str] = []
    before_run = ""  # the word in front of the current run of names
    previous = ""
    after_agent = False
    read_to = lo  # the end of a number read as part of a name
    for match in _WORD.finditer(text, lo, hi):
        if match.start() < read_to:
            continue  # "rc1" of "Python 2.6rc1"
        word = match.group().rstrip(".")
        if argument and word in words.date_words:
            break  # "in February 2019 …": when, and what follows is about something else
        inside = any(a <= match.start() < b for a, b in skip)
        if word.lower() == words.agent:
            after_agent = True
        bare = word.rstrip("'’s")
        capital = word[:1].isupper() and bare not in words.not_names and word not in words.not_names
        if capital and not inside and not after_agent:
            if not run:
                before_run = previous
            run.append(word)
            number = _number_after(text, match.end(), hi)
            if number is not None:
                run.append(number.group(1))
                read_to = number.end()
            previous = word.lower()
            continue
        if run:
            # "the first European settlement": an adjective of origin between a determiner and a
            # common noun ("the Kursk region" keeps its name)
            modifier = argument and before_run in words.modifier_openers and word[:1].islower() and (
                word.lower() not in words.joining
            ) and len(run) == 1 and (words.origin_adjective.search(run[0]) is not None
                                     or run[0].lower() in words.demonyms)
            if not modifier:
                yield _normal(" ".join(run))
            run = []
        previous = word.lower()
        if argument and word.lower() in words.stops:
            return
    if run:
        yield _normal(" ".join(run))


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)?")


def _number_after(text: str, at: int, hi: int) -> re.Match[str] | None:
    """A number written after the name that ends at ``at`` and part of it: a version ("Rust
    1.56.1 today", "Go 1, …", "Go 1 in March") or a number in a longer name ("Rust 2024
    Edition"); not a count or a day ("Sudzha 12 days later", "Kursk 3 May")."""
    number = _NUMBER.match(text, at, hi)
    if number is None:
        return None
    if not number.group(1).isdigit():
        return number  # a version: "1.56.1", "2.6rc1"
    following = _NEXT_WORD.match(text, number.end(), hi)
    word = following.group(1) if following else None
    words = _words()
    if word is None or word.lower() in words.stops or word.lower() in words.joining:
        return number
    return number if word[:1].isupper() and word not in words.date_words else None


def _normal(name: str) -> str:
    name = re.sub(r"['’]s?$", "", name).lower()
    return _words().demonyms.get(name, name)


def _in_front(text: str, lo: int, trigger: Trigger) -> tuple[list[str], list[str], str | None]:
    """The names, kinds and year written in front of an event noun, back to its determiner:
    "the 2024 Romanian presidential election" -> (["romania"], ["presidential"], "2024")."""
    words = _words()
    names: list[str] = []
    kinds: list[str] = []
    year: str | None = None
    for token in reversed(list(_TOKEN.finditer(text, lo, trigger.start))):
        word = token.group()
        if _YEAR.fullmatch(word):
            year = year or word
        elif word.lower() in words.kinds:
            kinds.append(word.lower())
        elif word[:1].isupper() and word.rstrip("'’s") not in words.not_names:
            names.append(_normal(word))
        else:
            break
    return names, sorted(kinds), year


def _named_in(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Named events in ``text[lo:hi]``: (start, end, key)."""
    found = [(n.start, n.end, n.key) for n in named_events(text, Sentence(lo, hi, 0))]
    for match in _words().name_head.finditer(text, lo, hi):
        if not any(a <= match.start() < b for a, b, _ in found):
            found.append((match.start(), match.end(), " ".join(match.group().split()).lower()))
    return sorted(found)


def _named_key(
    text: str, clause: tuple[int, int], where: tuple[int, int], name: str, trigger: Trigger | None
) -> Key:
    """The key of a named event: its name and the act told of it, the trigger's, or when the
    trigger is the name, the verb that governs it; none for a light verb or a beginning or end
    (the dates' own part says which)."""
    a, b = where
    verb = trigger or _governing_verb(text, clause[0], clause[1], a, b)
    plain = verb is None or verb.event_class in ("begin", "end") or verb.lemma in _words().light
    acted = "" if plain or verb is None else predicate(verb)
    value = f"named:{name}" + (f"|{acted}" if acted else "")
    told = f" and the same act ({acted})" if acted else ""
    lo, hi = (a, b) if verb is None else (min(a, verb.start), max(b, verb.end))
    why = f"the same name '{' '.join(text[a:b].split())}'{told}"
    if _recurring(name):
        why += ", but a name held every year or season without its year may be two editions"
        return Key(value, Grade.WEAK, why, " ".join(text[lo:hi].split()))
    return Key(value, Grade.STRONG, why, " ".join(text[lo:hi].split()))


def _recurring(name: str) -> bool:
    """A name of a recurring event without the year of its edition: "eastshire county cup",
    "grand challenge cup" (not "2026 dunmere marathon", "treaty of lisbon")."""
    head = name.split(" of ")[0].split()
    return bool(head) and head[-1] in _words().recurring_heads and not _YEAR.search(name)


def named_key(text: str, start: int, end: int, name: str) -> Key:
    """The key of the named event ``name`` written at ``text[start:end]``."""
    lo, hi = sentence_around(text, start, end)
    clause = (_clause_start(text, lo, start), _clause_end(text, end, hi))
    return _named_key(text, clause, (start, end), name, None)


def _governing_verb(text: str, lo: int, hi: int, a: int, b: int) -> Trigger | None:
    """The verb a name in ``text[a:b]`` is the subject (first) or the object of, in its clause."""
    verbs = [t for t in find_triggers(text, lo, hi) if t.pos == "verb" and not a <= t.start < b]
    after = [t for t in verbs if t.start >= b]
    before = [t for t in verbs if t.end <= a]
    return after[0] if after else before[-1] if before else None


def _passive(text: str, lo: int, trigger: Trigger) -> bool:
    """A participle after an auxiliary: "was retaken", "will be released" (not "will be releasing")."""
    before = text[lo : trigger.start].split()
    participle = not text[trigger.start : trigger.end].lower().endswith("ing")
    return trigger.pos == "verb" and participle and bool(before) and before[-1].lower() in _words().passive


def key_of(text: str, trigger: Trigger, sentence: tuple[int, int] | None = None) -> Key | None:
    """The linking key of the event ``trigger`` names, read from its sentence of ``text``."""
    lo, hi = sentence or sentence_around(text, trigger.start, trigger.end)
    words = _words()
    act = predicate(trigger)
    clause_lo = _clause_start(text, lo, trigger.start)
    clause_hi = _clause_end(text, trigger.end, hi)
    named = _named_in(text, lo, hi)
    # a name the trigger is part of, or that stands in its clause: "Operation Ember began",
    # "signed the Treaty of Lisbon", "the Battle of Kursk ended"
    own = next(((a, b, k) for a, b, k in named if a <= trigger.start < b), None)
    near = own or next(((a, b, k) for a, b, k in named if clause_lo <= a and b <= clause_hi), None)
    if near is not None:
        a, b, name = near
        return _named_key(text, (clause_lo, clause_hi), (a, b), name, trigger if own is None else None)
    if trigger.pos == "verb" and (trigger.lemma in words.light or trigger.event_class in ("begin", "end")):
        # "the 2024 election was held", "the recapture of Sudzha came in March", "the siege of
        # Mariupol began": the verb tells (the start or end of) the event its subject names
        subject = [t for t in find_triggers(text, clause_lo, trigger.start) if t.pos == "noun"]
        if subject:
            subject_key = key_of(text, subject[-1], (lo, hi))
            if subject_key is not None:
                return subject_key
    names: list[str] = []
    kinds: list[str] = []
    year: str | None = None
    if trigger.pos == "noun":
        front, kinds, year = _in_front(text, clause_lo, trigger)
        after = _WORD.match(text, trigger.end + 1)
        if after is not None and after.group().lower() in words.of_words:
            names += _names(text, after.end(), clause_hi, argument=True)
        # a name in front is what the event is about only when no "of X" says so: "the Romanian
        # election", but "the Russian recapture of Sudzha" (there it is the doer)
        names = names[:1] or front
    elif _passive(text, clause_lo, trigger):
        names = list(_names(text, clause_lo, trigger.start))[-1:]  # "the town of Sudzha was retaken"
    else:
        # "recaptured the town of Sudzha"
        names = list(_names(text, trigger.end, clause_hi, argument=True))[:1]
    args = sorted(set(names))
    if not args:
        return None
    parts = [act, *kinds, *args, *([year] if year else [])]
    label = " ".join(text[min(clause_lo, trigger.start) : clause_hi].split())
    about = ", ".join(args)
    if year is not None:
        why = f"the same {act} of {about}, in {year} by its own words"
        return Key("|".join(parts), Grade.STRONG, why, label)
    if act in words.once_per_person and all(" " not in arg for arg in args):
        why = f"the same {act} of {about}, but a one-word name may be two people of one corpus"
        return Key("|".join(parts), Grade.WEAK, why, label)
    if act in words.once:
        return Key("|".join(parts), Grade.STRONG, f"the same {act} of {about} (it happens once)", label)
    if trigger.event_class in words.generic:
        return None  # "said … the U.S.", "condemned … the U.S.": a broad act and a name tell no one event
    why = f"the same kind of event ({act}) about {about}, but no name or year says it is the same one"
    return Key("|".join(parts), Grade.WEAK, why, label)


def keys_in(text: str, start: int, end: int) -> Iterator[tuple[Trigger, Key]]:
    """The keyed events of ``text[start:end]`` (a reference line's text), in order."""
    for trigger in find_triggers(text, start, end):
        key = key_of(text, trigger, (start, end))
        if key is not None:
            yield trigger, key


def trigger_at(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> Trigger | None:
    """The event trigger the words ``text[start:end]`` are, read in their sentence (``sentence``,
    when the caller has it)."""
    lo, hi = sentence or sentence_around(text, start, end)
    for trigger in iter_triggers(text, lo, hi, after=start):
        if trigger.start > start:
            return None  # they come in text order: none further on holds ``start``
        if start < trigger.end:
            return trigger
    return None
