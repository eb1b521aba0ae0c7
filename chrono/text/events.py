"""Event triggers: words of the lexicon (chrono/lang/en/events/triggers.yaml) found in a view,
with their part of speech, class, tense, aspect and whether the clause asserts them.

One compiled regex finds every form of every trigger; the context is read from a few words
around each match only, so the cost grows with the number of triggers, not with the lexicon.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from chrono.knowledge import trigger_words
from chrono.lazy_regex import lazy_compile
from chrono.text.calendar_names import MONTHS, WEEKDAYS, WORD_MONTHS
from chrono.text.clauses import FUNCTION_WORDS, looks_finite
from chrono.text.counts import NUMBERS
from chrono.text.inflection import doubled_l_forms, plural, regular_forms
from chrono.text.tense import INFINITIVE, IRREALIS, NOMINAL, PAST, PLANNED, implicative_infinitive, verb_tense
from chrono.text.vocabulary import Hint, alternation, vocabulary


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
    # every form and every first word of a phrase: most words of a text are none of these
    heads: frozenset[str] = frozenset()
    # form -> its first noun entry and its first verb entry (None: it has none)
    kinds: dict[str, tuple[tuple[str, str, str, str] | None, tuple[str, str, str, str] | None]] = attrs.field(
        factory=dict
    )
    # the triggers of sentences read before (see find_triggers): a document checked again after
    # an edit, as the language server does at every pause in typing, reads most sentences again
    memo: dict[tuple[str, int, int], tuple[Trigger, ...]] = attrs.field(
        factory=dict, eq=False, repr=False
    )


@functools.lru_cache(maxsize=16)
def lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """The trigger lexicon, extended by the ``verbs``/``nouns`` of users' domain-knowledge files."""
    words = trigger_words(extra_files)
    data: dict[str, Any] = {"verbs": words.verbs, "nouns": words.nouns}
    forms: dict[str, list[tuple[str, str, str, str]]] = {}

    def add(form: str, entry: tuple[str, str, str, str]) -> None:
        entries = forms.setdefault(form.lower(), [])
        if entry not in entries:
            entries.append(entry)

    for lemma, spec in data["verbs"].items():
        lemma = str(lemma)
        if isinstance(spec, dict):
            cls = str(spec["class"])
            inflected = [str(f) for f in spec.get("forms", [])]
            # {verb}: a phrase that tells another verb's event ("cut the ribbon" an opening), so
            # "the opening" can refer back to it
            told = str(spec.get("verb", lemma))
        else:
            cls, inflected, told = str(spec), [], lemma
        if len(inflected) == 1:
            add(inflected[0], (told, cls, "verb", "pp"))
            continue
        british: list[str] = []
        if not inflected and " " not in lemma:
            inflected, british = regular_forms(lemma), doubled_l_forms(lemma)
        add(lemma, (told, cls, "verb", "base"))
        for form, kind in zip(inflected, ("s", "past", "pp", "ing"), strict=False):
            add(form, (told, cls, "verb", kind))
        for form, kind in zip(british, ("past", "pp", "ing"), strict=False):
            add(form, (told, cls, "verb", kind))  # ("cancelled" beside "canceled")
    written = {str(noun).lower() for noun in data["nouns"]}
    for noun, spec in data["nouns"].items():
        noun = str(noun)
        # {class, verb}: the noun names the verb's event ("eruption" of "erupt"), so "the
        # eruption" can refer back to "erupted"
        cls = str(spec["class"]) if isinstance(spec, dict) else str(spec)
        lemma = str(spec.get("verb", noun)) if isinstance(spec, dict) else noun
        add(noun, (lemma, cls, "noun", "noun"))
        # "air strikes"; a plural written as a noun of its own ("protests") keeps its own entry,
        # and one that names something else ("sales") is left out
        head, _, last = noun.rpartition(" ")
        many = f"{head} {plural(last)}" if head else plural(noun)
        if many.lower() not in written and many.lower() not in _OTHER_PLURALS:
            add(many, (lemma, cls, "noun", "noun"))
    by_first: dict[str, list[str]] = {}
    for form in forms:
        if " " in form:
            by_first.setdefault(form.split()[0], []).append(form)
    # compiled when a story first uses the word that opens them: a short text meets few
    phrases = {
        first: lazy_compile(
            "(?:"
            + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(group, key=len, reverse=True))
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        for first, group in by_first.items()
    }
    kinds = {
        form: (next((e for e in entries if e[2] == "noun"), None),
               next((e for e in entries if e[2] == "verb"), None))
        for form, entries in forms.items()
    }
    return Lexicon(phrases, {k: tuple(v) for k, v in forms.items()}, frozenset(words.punctual_classes),
                   frozenset(forms) | frozenset(phrases), kinds)


def names_verb_event(trigger: Trigger, extra_files: tuple[str, ...] = ()) -> bool:
    """Does an event noun name its verb's event ("the reopening" of "reopened")? Only a noun
    the lexicon links to a verb does: "the fire" is not what was "fired"."""
    if trigger.pos != "noun":
        return True
    nouns = trigger_words(extra_files).nouns
    surface = " ".join(trigger.text.lower().split())
    for form in (surface, surface[:-1], surface[:-2]):
        spec = nouns.get(form)
        if spec is not None:
            return isinstance(spec, dict) and str(spec.get("verb", "")) == trigger.lemma
    # "the sinking" of "sank", "the capsizing": a verb's -ing form used as a noun names its act
    return surface.endswith("ing")


_TOKEN = lazy_compile(r"[A-Za-z][\w'’-]*")


_WORDS = vocabulary("events")
# (a contraction is two words: "I'll" is "i" and "'ll", "didn't" is "did" and "n't")
_WORD = lazy_compile(r"[A-Za-z]+(?=n't)|n't|[A-Za-z]+|'[a-z]+")
_YEAR_BEFORE = lazy_compile(r"(?<!\d)\d{4}[ \t]+\Z")
_DETERMINED = lazy_compile(
    rf"(?:\b(?:{_WORDS.pattern('attributive_determiners')})|\w['’]s?)[ \t]+(?:\d{{4}}[ \t]+)?\Z",
    re.IGNORECASE,
)
_PERIOD_NOUNS = _WORDS.set("period_nouns")
_DETERMINERS = _WORDS.set("determiners")
_ATTRIBUTIVE_DETERMINERS = _WORDS.set("attributive_determiners")
_LIGHT_VERBS_PAST = _WORDS.set("light_verbs_past")
# -ing forms of trigger verbs that, after a determiner, name a thing rather than an event
_THING_ING = _WORDS.set("thing_ing")
_UNLISTED_CUES = _WORDS.set("unlisted_verb_cues")
_NOT_VERBS = _WORDS.set("not_verbs")
_SUBJECT_PRONOUNS = _WORDS.set("subject_pronouns")
_CLAUSE_VERB_FOLLOWERS = _WORDS.set("clause_verb_followers")
_AFTER_CLAUSE_VERB = lazy_compile(r"\s*(?:[,.;:!?)\]\"”]|\s+(?:[a-z]+\b))")
# event nouns in their other senses: "sales", "riot police", "a perfect match", "the fall of 2023"
_OTHER_PLURALS = _WORDS.set("other_plurals")
_MODIFIER_HEADS = _WORDS.set("modifier_heads")
_CAPITALISED_HEADS = _WORDS.set("capitalised_event_heads")
_VERB_SUBJECTS = _WORDS.set("verb_subjects")
_NOUN_AFTER = _WORDS.set("noun_after")
_STATUS_WORDS = _WORDS.set("status_words")


def _word_table(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """noun -> the phrases of ``key`` for it, each as a tuple of words."""
    out = {}
    for noun, phrases in _WORDS.table(key).items():
        items = phrases.split() if isinstance(phrases, str) else phrases
        out[str(noun)] = tuple(tuple(re.split(r"[\s-]+", str(p))) for p in items)  # "same-sex": 2 words
    return out


_NOT_AFTER = _word_table("noun_not_after")
# verb lemma -> (class, what follows the verb to give it that class), from events.yaml
_VERB_SENSES = {
    str(verb): [(str(sense), re.compile(str(after))) for sense, after in senses.items()]
    for verb, senses in vocabulary("events").table("verb_senses").items()
}
# verb lemma -> what must follow it for it to tell an event ("heard the appeal"), events.yaml
_VERB_ONLY_BEFORE = {
    str(verb): lazy_compile(str(after))
    for verb, after in vocabulary("events").table("verb_only_before").items()
}
# verb lemma -> (the words before it, the words after it) that together take its event away
_VERB_NOT_BETWEEN = {
    str(verb): (lazy_compile(str(sides["before"]), re.IGNORECASE),
                lazy_compile(str(sides["after"]), re.IGNORECASE))
    for verb, sides in vocabulary("events").table("verb_not_between").items()
}
_CHARGE_HINT = Hint.of(vocabulary("events").words("charge_leads"))  # most nouns have none before
_CHARGE_LEAD = lazy_compile(
    rf"\b(?:{vocabulary('events').pattern('charge_leads')})\s+(?:[\w-]+\s+){{0,2}}\Z", re.IGNORECASE
)
_ONLY_BEFORE = _word_table("noun_only_before")
_NOT_BEFORE = _word_table("noun_not_before")
_ONLY_AFTER = {str(noun): frozenset(str(w) for w in words)
               for noun, words in _WORDS.table("noun_only_after").items()}
_WORD_AFTER = lazy_compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+")
# the next word follows with nothing but a space or a hyphen between ("riot police", "fire-fighters")
_NEXT_WORD_JOINED = lazy_compile(r"[ \t-]+[A-Za-z]")


def _words_before(text: str, start: int, floor: int, count: int) -> list[str]:
    lo = max(floor, start - 40)
    chunk = text[lo:start].replace("’", "'")
    low = chunk.lower()
    words = _WORD.findall(low)[-count:]
    if any(word in words and month in chunk for word, month in _WORD_MONTHS) and len(low) == len(chunk):
        # "born 2 May 1940; died …": the month, not the modal, unless it opens the sentence
        months = {m.start() for m in _MONTH_MAY.finditer(chunk) if lo + m.start() > floor}
        if months:
            spelled = list(_WORD.finditer(low))[-count:]
            words = [_MONTH_TOKEN if m.start() in months else m.group() for m in spelled]
    return words


# "May": a month's name that is also a word (its lower case, and as written)
_WORD_MONTHS = tuple((month.lower(), month) for month in sorted(WORD_MONTHS))
_MONTH_MAY = lazy_compile(rf"\b(?:{alternation(sorted(WORD_MONTHS))})\b")
# a capitalised word right before, itself not opening the sentence: "on Harrow Fell"
_NAME_WORD_BEFORE = lazy_compile(r"(?<=[a-z,;:)] )[A-Z][a-z][\w'’-]*[ \t]+\Z")
_AFTER_LABEL = lazy_compile(r"[—–][ \t]*\Z")  # "1978 — Founds …": the text of an entry after its label
_MONTH_TOKEN = "(month)"  # no word of any list


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


_NEXT_WORD = lazy_compile(r"[ \t]+([a-z][a-z'’-]*)\b")
_WEEKDAY_NEXT = lazy_compile(rf"[ \t]+(?:{alternation(WEEKDAYS)})\b")


def _describes_noun(text: str, end: int, ceiling: int) -> bool:
    """Whether an -ing form after a determiner is followed by the noun it describes ("a leaking
    valve"), rather than ending its phrase or governing one ("the sinking of", "the flooding
    caused")."""
    if _WEEKDAY_NEXT.match(text, end, ceiling) is not None:
        return True  # "on the closing Saturday": which day of the fair, no closing
    following = _NEXT_WORD.match(text, end, ceiling)
    if following is None:
        return False
    word = following.group(1)
    return word not in FUNCTION_WORDS and not looks_finite(word) and not word.endswith("ly")


_MONTH_BEFORE = lazy_compile(r"\b([A-Z][a-z]+)[ \t]+\Z")


def _month_label(text: str, at: int, before: list[str]) -> bool:
    """"the May reopening", "its March vote": a month's name (capitalised, so not the modal
    "may") between a determiner or a possessive and the word makes the word a noun, as a year
    does."""
    if len(before) < 2 or not (before[-2] in _DETERMINERS or before[-2].endswith("'s")):
        return False
    found = _MONTH_BEFORE.search(text, max(0, at - 12), at)
    return found is not None and found.group(1) in MONTHS


def _attributive(before: list[str]) -> bool:
    """Do the words before a participle (adverbs in -ly aside) end in a determiner or a
    possessive, so that it stands before a noun as an adjective ("the newly elected")?"""
    words = [w for w in before if not (w.endswith("ly") and len(w) > 4)]
    return bool(words) and (words[-1] in _ATTRIBUTIVE_DETERMINERS or words[-1].endswith("'s"))


_SCORE_AFTER = lazy_compile(r"\s+to\s+(?:\d+|[a-z]+)\b")


def _determined(text: str, at: int, floor: int) -> bool:
    """Does a determiner or a possessive stand right before ``at``, or before a year there ("the
    society's 1975 hit", "a big hit" aside), so that a verb form at ``at`` is a noun? (Not "in
    fiscal 2025 rose", "on the A914 reopened".)"""
    return _DETERMINED.search(text, max(floor, at - 30), at) is not None


def _counted(word: str) -> bool:
    """Is ``word`` a count ("seven", "12"), not a year ("2019")?"""
    return (word.isdigit() and len(word) < 4) or (word in NUMBERS and NUMBERS[word] > 1)


def _light_verb_object(before: list[str]) -> bool:
    """Is the noun after ``before`` the object of a light verb in the past ("made his debut",
    "paid a visit", "held talks")?"""
    if not before:
        return False
    if before[-1] in _LIGHT_VERBS_PAST:
        return True
    return len(before) > 1 and before[-2] in _LIGHT_VERBS_PAST and (
        before[-1] in _ATTRIBUTIVE_DETERMINERS or before[-1].endswith("'s")
    )


def _words_after(text: str, end: int, ceiling: int, count: int) -> tuple[str, ...]:
    """The next ``count`` words after ``end`` (lower case; a number is "#")."""
    found = _WORD_AFTER.findall(text[end:min(ceiling, end + 40)].lower())[:count]
    return tuple("#" if w[0].isdigit() else w for w in found)


def _other_sense(text: str, at: int, to: int, key: str, before: list[str], start: int, end: int) -> bool:
    """Does the event noun ``key`` (``text[at:to]``, in the sentence ``start``-``end``) name
    something else here: a word of a name ("the Election Commission"), the modifier of a thing
    ("riot police"), or one of the other senses of chrono/lang/en/prose/events.yaml ("a perfect
    match", "the fall of 2023")?"""
    surface = text[at:to]
    if (surface[:1].isupper() and not surface.isupper() and key.split()[0] not in _CAPITALISED_HEADS
            and re.search("[A-Za-z]", text[start:at])):
        return True
    after = _words_after(text, to, end, 3)
    if after and after[0] in _MODIFIER_HEADS and _NEXT_WORD_JOINED.match(text, to):
        return True  # (not "Before the arrest, officers stopped the van": a comma between)
    if any(tuple(before[-len(p):]) == p for p in _NOT_AFTER.get(key, ())):
        return True
    lead = max(start, at - 40)
    if _CHARGE_HINT.may_match(text, lead, at) and _CHARGE_LEAD.search(text, lead, at):
        return True  # "convicted of arson", "charged with murder": the charge, not an event told
    singular = key[:-1] if key.endswith("s") and key[:-1] in _ONLY_AFTER else key
    owners = _ONLY_AFTER.get(singular)
    if owners is not None and (singular != key or not before or not (
        before[-1] in owners or ("'s" in owners and before[-1].endswith(("'s", "’s")))
    )):
        return True  # "the Rowe Foundation", "its foundations": no founding
    needed = _ONLY_BEFORE.get(key)
    if needed is not None and not any(after[:len(p)] == p for p in needed):
        return True
    return any(after[:len(p)] == p for p in _NOT_BEFORE.get(key, ()))


def _candidate_words(text: str, start: int, end: int, heads: frozenset[str] | set[str]
                     ) -> Iterator[tuple[int, int, str]]:
    """The words of ``text[start:end]`` that may open a trigger (start, end, lower case): a form
    or the first word of a phrase of the lexicon, a past participle, or a word after "to"; most
    words are none, and are skipped here at the least cost."""
    chunk = text[start:end]
    low = chunk.lower()
    # (a lower case of another length, or the Kelvin sign, which lowers to "k": word by word)
    if len(low) != len(chunk) or "\u212a" in chunk:
        for match in _TOKEN.finditer(text, start, end):
            key = match.group().lower()
            if key in heads or key.endswith("ed") or text.startswith("to ", match.start() - 3):
                yield match.start(), match.end(), key
        return
    for match in _TOKEN.finditer(low):
        key = match.group()
        at = match.start()
        if key in heads or key.endswith("ed") or (
            chunk.startswith("to ", at - 3) if at >= 3 else text.startswith("to ", start + at - 3)
        ):
            yield start + at, start + match.end(), key


_COORDINATORS = frozenset({"and", "or"})
_UNTOLD = frozenset({INFINITIVE, IRREALIS, PLANNED})


def _participle(entries: tuple[_Entry, ...]) -> _Entry | None:
    """The past-participle reading among a word's entries, if it has one."""
    return next((e for e in entries if e[2] == "verb" and e[3] == "pp"), None)


# How much of the text around a sentence the reading of its triggers sees: the tense of a verb
# looks back a clause or two ("Had the bridge opened …") and on to the clause's end. Reading is
# always done on that window alone, so a sentence with the same window has the same triggers
# wherever it stands, whichever documents were read before it (every held-out round, the real
# text and the bundled examples read the same with a window as with the whole text).
_MEMO_LEAD = 400
_MEMO_TAIL = 400
_MEMO_LIMIT = 4096


def find_triggers(text: str, start: int, end: int, lex: Lexicon | None = None) -> list[Trigger]:
    """Event triggers in ``text[start:end]`` (one sentence), in order."""
    lex = lex or lexicon()
    lead = max(0, start - _MEMO_LEAD)
    key = (text[lead:end + _MEMO_TAIL], start - lead, end - lead)
    found = lex.memo.get(key)
    if found is None:
        found = tuple(iter_triggers(key[0], key[1], key[2], lex))
        if len(lex.memo) >= _MEMO_LIMIT:
            lex.memo.clear()
        lex.memo[key] = found
    if not lead:
        return list(found)
    return [Trigger(t.start + lead, t.end + lead, t.text, t.lemma, t.event_class, t.pos, t.tense, t.punctual)
            for t in found]


def iter_triggers(text: str, start: int, end: int, lex: Lexicon | None = None, *,
                  after: int = 0) -> Iterator[Trigger]:
    """:func:`find_triggers`, one at a time (each one's reading depends only on the text before
    it: a caller looking for one can stop there), and only those that reach past ``after`` (the
    words before it are still read for the phrases that hide the words inside them)."""
    lex = lex or lexicon()
    forms = lex.forms
    phrases = lex.phrases
    heads = lex.heads
    kinds = lex.kinds
    inside = 0  # the end of a multi-word trigger just found: no word within it is one of its own
    # the tense of the last participle read as not told ("to be buried"), which a participle
    # coordinated with it shares ("… and opened in 2074")
    untold_participle: str | None = None
    untold_base: str | None = None  # the tense of the last verb in the base form after a modal
    for at, to, key in _candidate_words(text, start, end, heads):
        if inside:
            if at < inside:
                continue
            inside = 0
        phrase = phrases.get(key)
        if phrase is not None:
            longer = phrase.match(text, at, end)
            if longer is not None:
                to = longer.end()
                key = " ".join(longer.group().lower().split())
                inside = to
        if to <= after:
            continue
        entries = forms.get(key)
        if not entries:
            if not key.endswith("ed"):
                if key in heads or not implicative_infinitive(_words_before(text, at, start, 5)):
                    continue
                # "were finally able to examine the bay": an unlisted verb that happened
                entries = ((key, "occurrence", "verb", "base"),)
            else:
                entries = _unlisted(key, text[at:to], text, at, start)
            if not entries:
                continue
        if at > 0 and text[at - 1] in "-_":
            continue
        surface = text[at:to]
        before = _words_before(text, at, start, 5)
        prev = before[-1] if before else ""
        # a form's noun and verb readings (an unlisted participle is a verb only)
        noun, verb = kinds.get(key) or (None, entries[0])
        chosen: tuple[str, str, str, str] | None = None
        tense: str | None = None
        # "the 2013 bombing", "its May 2024 flooding", "the March 2026 floods": a year right
        # before makes the word a noun
        year_before = _YEAR_BEFORE.search(text, max(0, at - 6), at) is not None or _month_label(
            text, at, before)
        if noun is not None and (
            verb is None or prev in _DETERMINERS or prev.endswith("'s") or prev in _NOUN_AFTER or year_before
        ):
            chosen, tense = noun, NOMINAL
            if _light_verb_object(before):
                tense = PAST  # "made his debut on 6 November", "held talks in May"
        elif verb is not None:
            # (a word that is only a verb; "Fire contained" opens on the noun)
            labelled = noun is None and _AFTER_LABEL.search(text, max(start, at - 4), at) is not None
            if surface[:1].isupper() and at > start and not labelled and (
                verb[3] != "past" or _NAME_WORD_BEFORE.search(text, max(start, at - 30), at)
            ):
                continue  # a capitalised word mid-sentence is a name ("Strike Force", "Harrow Fell")
                # (but not one that opens a timeline entry's text: "- 1978 — Founds Kestrel Boats")
            # "the sinking", "its May 2024 flooding": a determiner or a year right before makes
            # the -ing form a noun
            if verb[3] == "ing" and (prev in _DETERMINERS or prev.endswith("'s") or year_before):
                if key in _THING_ING:
                    continue  # "the building", "a painting": a thing, not an event
                if _describes_noun(text, to, end):
                    continue  # "a leaking valve", "the burning car": it describes a thing
                chosen, tense = (verb[0], verb[1], "noun", "noun"), NOMINAL  # "the sinking"
            elif verb[3] in ("past", "pp") and _attributive(before) and _describes_noun(
                text, to, end
            ):
                continue  # "the newly elected councillor", "a recently opened bridge": a description
            elif noun is None and verb[3] != "ing" and _determined(text, at, start):
                continue  # "the society's 1975 hit", "a big hit": a noun the lexicon has no event for
            else:
                if _present_habit(text, at, start, entries, forms):
                    continue  # "We brew ahead, then shut completely from Monday 22 December": a habit
                # "found" is "find" in the past and "found" (establish) in the present: the first
                # reading the context allows
                for candidate in (e for e in entries if e[2] == "verb"):
                    tense = verb_tense(candidate[3], before, text, at)
                    if tense is not None:
                        chosen = candidate
                        break
                coordinated = _participle(entries) if untold_participle and prev in _COORDINATORS else None
                if coordinated is not None:
                    chosen, tense = coordinated, untold_participle  # "to be buried … and opened in 2074"
                base_form = next((e for e in entries if e[2] == "verb" and e[3] == "base"), None)
                if chosen is None and untold_base and prev in _COORDINATORS and base_form is not None:
                    # "will close at 4 p.m. on Sunday, December 31, and stay closed on Monday": the
                    # same modal's second verb
                    chosen, tense = base_form, untold_base
                if chosen is None and key in _STATUS_WORDS and verb[3] == "base" and any(
                    e[2] == "noun" for e in forms.get(prev, ())
                ):
                    chosen, tense = verb, PAST  # "Rollback complete": the rollback has ended
                if chosen is None and noun is not None and prev not in _VERB_SUBJECTS:
                    chosen, tense = noun, NOMINAL  # "a historic visit"; but "they visit"
        if chosen is None or tense is None:
            continue
        lemma, cls, pos, _ = chosen
        if pos == "noun" and _other_sense(text, at, to, key, before, start, end):
            continue
        if noun is not None and key.endswith("s") and prev and _counted(prev) and (
            (len(before) > 1 and before[-2] == "by") or _SCORE_AFTER.match(text, to, end)
        ):
            continue  # "passed by seven votes to four", "won by 12 votes": a margin, no event
        if pos == "verb" and lemma in _VERB_ONLY_BEFORE and not _VERB_ONLY_BEFORE[lemma].match(text, to, end):
            continue  # "heard a bang", "heard that the mill would close": no event to date
        remains = _VERB_NOT_BETWEEN.get(lemma) if pos == "verb" else None
        if remains is not None and remains[1].match(text, to, end) and remains[0].search(
            text, max(start, at - 40), at
        ):
            continue  # "The club has five games left, starting at home": what remains, no event
        if pos == "verb" and lemma in _VERB_SENSES:
            # "the town had fallen to the Northern Front": a capture, not a fall in prices
            cls = next((sense for sense, after in _VERB_SENSES[lemma] if after.match(text, to, end)),
                       cls)
        if cls in ("begin", "end") and prev in _PERIOD_NOUNS and not re.search(
            r"[,;]\s*\Z", text[max(start, at - 4):at]
        ):
            continue  # "the quarter ended Sept. 30": a name for a period, not an event
        if pos == "verb":
            participle = chosen[3] == "pp" or (chosen[3] == "past" and _participle(entries) is not None)
            untold_participle = tense if participle and tense in _UNTOLD else None
            untold_base = tense if chosen[3] == "base" and tense in (PLANNED, IRREALIS) else None
        yield Trigger(at, to, surface, lemma, cls, pos, tense, cls in lex.punctual)


# past forms and auxiliaries, none of them a verb in the present
_NOT_PRESENT = (vocabulary("layout").set("irregular_past") | vocabulary("clauses").set("finite_forms")
                | vocabulary("events").set("same_present_and_past"))
# "We brew ahead, then": a personal pronoun, a verb not in the past, and "then" or "and"
_HABIT = vocabulary("events")
_PRESENT_THEN = lazy_compile(
    rf"\b(?:{_HABIT.pattern('habit_pronouns')})\s+(?!(?:{_HABIT.pattern('habit_not_present_auxiliaries')})\b)"
    rf"([a-z]+)\b[^.;:!?]{{0,60}}?\b(?:{_HABIT.pattern('habit_joiners')})\s+\Z", re.IGNORECASE)


def _present_habit(text: str, at: int, start: int, entries: tuple[_Entry, ...],
                   forms: dict[str, tuple[_Entry, ...]]) -> bool:
    """Is the verb at ``at``, one whose present and past are spelt alike ("shut", "cut", "set"),
    coordinated with a verb in the present before it ("We brew ahead, then shut …")?"""
    if not {"base", "past"} <= {e[3] for e in entries}:
        return False
    found = _PRESENT_THEN.search(text, max(start, at - 90), at)
    word = found.group(1).lower() if found is not None else ""
    if not word or word.endswith("ed") or word in _NOT_PRESENT:
        return False  # ("We went ahead, then shut the doors on 3 May")
    return not any(e[3] in ("past", "pp") for e in forms.get(word, ()))


def asserted(trigger: Trigger) -> bool:
    """Does the clause say the event happened (or holds)?"""
    return trigger.tense not in (IRREALIS, INFINITIVE)
