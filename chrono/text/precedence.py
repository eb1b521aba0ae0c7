"""Precedence pairs (chrono/data/precedence.yaml and the configured files): the second event of
a pair (recapture, death, ratification …) does not end before the first (capture, birth,
signing …) starts, when both share an argument in the same paragraph — a word such as the
place or the person, or a pronoun in the same or the next sentence. Across paragraphs, a name
they share (the town, the person) relates them too, but only as an uncertain reading: a history
may tell several captures of one town."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence

from chrono.knowledge import PrecedencePair, precedence_pairs
from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Grade, Side
from chrono.problems import ConflictKind
from chrono.text.attachment import is_asserted
from chrono.text.builder import Builder
from chrono.text.calendar_names import MONTHS, WEEKDAYS
from chrono.text.claims import TextGapClaim
from chrono.text.clauses import words_in
from chrono.text.events import Trigger, lexicon
from chrono.text.given_names import sex_of_given_name
from chrono.text.inflection import singular
from chrono.text.sentences import Sentence
from chrono.text.tense import PLUPERFECT
from chrono.text.vocabulary import alternation, longest_first, vocabulary

_WORDS = vocabulary("precedence")
_STOP = _WORDS.set("stop_words")
# classes of events that happen to a person: a pronoun subject may relate them
_PERSON_CLASSES = frozenset({"birth", "death", "arrest", "release", "take_office", "leave_office",
                             "appointment", "resignation", "election", "burial", "funeral",
                             "charge", "trial", "verdict", "acquittal", "sentencing"})
# the steps of a criminal case: one of each told of one named person is that person's case
_CASE_CLASSES = _WORDS.set("case_classes")
_SOLE_CASE_CLASSES = _WORDS.set("sole_case_classes")
_OTHER_CASE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('other_case_adjectives')})\s+(?:[\w-]+\s+)?(?:{_WORDS.pattern('other_case_nouns')})\b",
    re.IGNORECASE,
)
_TOLD_AFTER_DOUBTFUL = _WORDS.set("told_after_doubtful")
_ROUTINE_AFTER = lazy_compile(rf"[ \t]+(?:{_WORDS.pattern('routine_after')})\b", re.IGNORECASE)
_REPLACEMENT = lazy_compile(rf"\b(?:{_WORDS.pattern('replacement_words')})\b", re.IGNORECASE)
_PRONOUN_SUBJECT = lazy_compile(
    rf"(?:^|(?<=[\s,;]))(?:{_WORDS.pattern('subject_pronouns')})\s+(?:\w+\s+){{0,3}}\Z", re.IGNORECASE
)
# a name within a sentence (not its first word, nor a place after a preposition), or a person
# word: someone else may be meant
_NOT_AFTER_PLACE = "".join(rf"(?<!\b{word}\s)" for word in _WORDS.words("place_prepositions"))
_OTHER_PERSON = lazy_compile(
    rf"(?<![.!?\n]\s)(?<![.!?\n]){_NOT_AFTER_PLACE}"
    rf"\b(?!(?:{alternation(longest_first([*MONTHS, *WEEKDAYS]))})\b)[A-Z][a-z]+\b"
    rf"|\b(?:{_WORDS.pattern('person_words')})\b"
)
_PERSON_POSSESSIVE = lazy_compile(
    rf"(?:^|(?<=[\s,;]))(?:{_WORDS.pattern('person_possessives')})\s+(?:[\w-]+\s+){{0,1}}\Z", re.IGNORECASE
)
_THING_SUBJECT = lazy_compile(
    rf"(?:^|(?<=[\s,;]))(?:{_WORDS.pattern('thing_subject_pronouns')})\s+(?:\w+\s+){{0,3}}\Z", re.IGNORECASE
)
_PRONOUN_OBJECT = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('object_pronouns')})\b(?!\s+(?:{_WORDS.pattern('not_object_before')})\b)",
    re.IGNORECASE,
)

_NAME = lazy_compile(r"\b[A-Z][a-z][\w’'-]*")
CALENDAR_WORDS = frozenset(word.lower() for word in (*MONTHS, *WEEKDAYS))
_PERSON_WORD = lazy_compile(rf"\b(?:{_WORDS.pattern('person_words')})\b", re.IGNORECASE)
_NOT_NAMES = vocabulary("coreference").set("not_names") | frozenset(MONTHS) | frozenset(WEEKDAYS)
# "the treaty … the agreement": words that name one thing, as an argument, by their group's first word
_SAME_THING = {word: group[0] for group in _WORDS.table("same_thing").values() for word in group}
_THINGS = frozenset(_SAME_THING.values())

_OBJECT_PHRASE = lazy_compile(
    rf"(?:\s+(?!(?:{_WORDS.pattern('object_phrase_ends')})\b)[\w’'-]+){{1,5}}", re.IGNORECASE
)
_PASSIVE_SUBJECT = lazy_compile(
    rf"(?:[A-Z][\w’'-]*\s+){{1,3}}(?:{_WORDS.pattern('passive_auxiliaries')})\s+(?:\w+ly\s+)?\Z"
)

_Candidate = tuple[Sentence, Trigger]
_Related = Callable[[Sentence, Trigger, Sentence, Trigger], bool]


# a noun phrase of a few words, a comma, then the participle: "a footpath and cycle route, "
# (a noun, not a date closing a clause: "opened in 1850, closed in 1965" is one subject's)
_SET_OFF_PARTICIPLE = lazy_compile(r"(?:[\w'’-]+[ \t]+){0,3}[a-z][a-z'’-]*,[ \t]+\Z")


_CONTRASTS = {str(word): frozenset(map(str, others))
              for word, others in _WORDS.table("contrast_modifiers").items()}
_SUBJECT_REACH = 80  # how far before its verb a subject's words are looked for
_OLD_THING = _WORDS.set("old_thing_modifiers")


def _subject_words(text: str, sentence: Sentence, trigger: Trigger) -> frozenset[str]:
    """The lower-case words of the sentence before ``trigger``, near it."""
    return frozenset(w.lower() for w in words_in(text, max(sentence.start, trigger.start - _SUBJECT_REACH),
                                                  trigger.start))


def _contrasted(one: frozenset[str], other: frozenset[str]) -> bool:
    """Does one side call its thing new (temporary) and the other old, former … (permanent), or
    only one side call its thing old?"""
    def told_only(a: frozenset[str], b: frozenset[str], word: str, others: frozenset[str]) -> bool:
        return word in a and word not in b and not (others & b).isdisjoint(others - a)

    return any(told_only(one, other, word, others) or told_only(other, one, word, others)
               for word, others in _CONTRASTS.items()) or bool((one ^ other) & _OLD_THING)


def argument_words(b: Builder, sentence: Sentence, trigger: Trigger) -> set[str]:
    """The words around an event that tell what it is about: the place, the person, the thing."""
    lo, hi = max(sentence.start, trigger.start - 60), min(sentence.end, trigger.end + 80)
    set_off = _SET_OFF_PARTICIPLE.search(b.text, lo, trigger.start) if trigger.pos == "verb" else None
    if set_off is not None:
        # "the viaduct now carries a footpath and cycle route, opened in 2009": a participle set
        # off after its noun is about that noun, not the words before it
        lo = set_off.start()
    words = words_in(b.text, lo, hi)
    out: set[str] = set()
    lex = lexicon(b.options.domain_files)
    for word in words:
        low = word.lower().rstrip("'’s") if word.lower().endswith(("'s", "’s")) else word.lower()
        if low in _SAME_THING:
            out.add(_SAME_THING[low])
            continue
        if len(low) < 3 or low in _STOP or low in lex.forms:
            continue
        out.add(singular(low))
    return out


def _names_near(text: str, sentence: Sentence, trigger: Trigger) -> frozenset[str]:
    """The names (capitalised words not opening the sentence) around an event: the place, the
    person, the treaty it is about."""
    lo, hi = max(sentence.start, trigger.start - 60), min(sentence.end, trigger.end + 80)
    return frozenset(
        m.group().lower() for m in _NAME.finditer(text, lo, hi)
        if m.start() != sentence.start and m.group() not in _NOT_NAMES
    )


_NAME_RUN = lazy_compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_NOT_PARTY_BEFORE = lazy_compile(
    rf"(?:\b(?:{_WORDS.pattern('not_party_after')})|,\s*(?:{_WORDS.pattern('age_set_off')}\s+)?(?:\d{{1,3}},\s*)?"
    rf"{_WORDS.pattern('address_of')})\s+\Z"
)


def _whole_words(text: str, sentence: Sentence, lo: int, hi: int) -> tuple[int, int]:
    """``lo``-``hi`` within ``sentence``, widened to whole words and whole names ("Marsh-Pryor",
    not "Marsh-"; "Orchard Rise", not "Rise")."""
    lo, hi = max(sentence.start, lo), min(sentence.end, hi)
    while lo > sentence.start and not text[lo - 1].isspace():
        lo -= 1
    while hi < sentence.end and not text[hi].isspace():
        hi += 1
    while (name := _NAME_WORD_BEFORE.search(text, max(sentence.start, lo - 30), lo)) is not None:
        lo = name.start()
    while (name := _NAME_WORD_AFTER.match(text, hi, sentence.end)) is not None:
        hi = name.end()
    return lo, hi


_NAME_WORD_BEFORE = lazy_compile(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+\Z")
_NAME_WORD_AFTER = lazy_compile(r"[ \t]+[A-Z][\w'’-]*")
_INSTITUTION_HEADS = _WORDS.set("institution_heads")


def _named_person(names: frozenset[str]) -> bool:
    """Do ``names`` (lower case) hold a given name ("walter", "eleanor"), and so name a person?"""
    return any(sex_of_given_name(name.title()) is not None for name in names)


def _party_names_near(text: str, sentence: Sentence, trigger: Trigger) -> frozenset[str]:
    """:func:`_names_near` without the names of institutions and places ("a jury at Brackwater
    Crown Court"): the names of a case's parties."""
    lo, hi = _whole_words(text, sentence, trigger.start - 60, trigger.end + 80)
    names: set[str] = set()
    address_end = -1
    for run in _NAME_RUN.finditer(text, lo, hi):
        words = run.group().split()
        if words[-1].strip("'’") in _INSTITUTION_HEADS:
            continue
        # "Helena Marsh-Pryor, 52, of Orchard Rise, Thornby, was convicted": where a party
        # lives or where the case was heard is no party ("a jury in Thornby")
        if _NOT_PARTY_BEFORE.search(text, max(sentence.start, run.start() - 16), run.start()) or (
            address_end >= 0 and not text[address_end:run.start()].strip(" ,")
        ):
            address_end = run.end()
            continue
        names.update(w.lower() for i, w in enumerate(words)
                     if not (i == 0 and run.start() == sentence.start) and w not in _NOT_NAMES)
    return frozenset(names)


def _object_names(text: str, sentence: Sentence, trigger: Trigger) -> frozenset[str]:
    """The names of what an event is done to: after the verb up to a preposition ("seized Kaldor",
    "captured the town of Vell", not "recaptured Osk from the Northern Front"), or before a passive
    ("Delmora was captured")."""
    after = _OBJECT_PHRASE.match(text, trigger.end, sentence.end)
    found = [m.group() for m in _NAME.finditer(after.group())] if after else []
    passive = _PASSIVE_SUBJECT.search(text, max(sentence.start, trigger.start - 60), trigger.start)
    if passive is not None:
        found += [m.group() for m in _NAME.finditer(passive.group())]
    return frozenset(name.lower() for name in found if name not in _NOT_NAMES)


_DETAINEE_AFTER = lazy_compile(
    rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:{_WORDS.pattern('detainee_release_after')})\b", re.IGNORECASE
)
_NOT_DETAINEE_AFTER = lazy_compile(
    rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:{_WORDS.pattern('not_detainee_release_after')})\b", re.IGNORECASE
)
_PASSIVE_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('passive_auxiliaries_before')})\s+(?:\w+ly\s+)?\Z", re.IGNORECASE
)


def _detainee_release(text: str, trigger: Trigger) -> bool:
    """Whether a release is a detainee's: "was released on bail", "freed from custody", "his
    release from prison" (not "released an album", "released from hospital")."""
    if _NOT_DETAINEE_AFTER.match(text, trigger.end):
        return False
    if _DETAINEE_AFTER.match(text, trigger.end):
        return True
    passive = _PASSIVE_BEFORE.search(text, max(0, trigger.start - 20), trigger.start)
    return trigger.pos == "verb" and passive is not None


def precedence(b: Builder, triggers: Iterable[_Candidate]) -> None:
    """The precedence claims among the ``triggers`` of the document (with their sentences)."""
    pairs = precedence_pairs(b.options.domain_files)
    if not pairs:
        return
    classes = {p.first for p in pairs} | {p.second for p in pairs}
    candidates = [
        (s, t) for s, t in triggers
        if (t.event_class in classes or t.lemma in classes)
        and (is_asserted(b.text, t) or t.start in b.by_trigger)
        and (t.event_class != "release" or _detainee_release(b.text, t))
        and not b.told_again(t, s)  # "opened its doors again": a reopening, not the opening
        and not _ROUTINE_AFTER.match(b.text, t.end)  # "will open as normal on Monday"
    ]
    if len(candidates) < 2:
        return
    args = {t.start: argument_words(b, s, t) for s, t in candidates}
    order = {s.start: i for i, s in enumerate(b.sentences)}
    pronoun = {t.start for s, t in candidates
               if t.event_class in _PERSON_CLASSES and (
                   _PRONOUN_SUBJECT.search(b.text, s.start, t.start)
                   or (t.pos == "noun" and _PERSON_POSSESSIVE.search(b.text, s.start, t.start)))}
    thing_pronoun = {
        t.start for s, t in candidates
        if t.event_class not in _PERSON_CLASSES and _THING_SUBJECT.search(b.text, s.start, t.start)
    }
    names = {t.start: _names_near(b.text, s, t) for s, t in candidates}
    # what identifies the thing an event is about across paragraphs: its names and the words
    # for an instrument ("the treaty")
    keys = {t.start: _object_names(b.text, s, t) | (args[t.start] & _THINGS) for s, t in candidates}
    # a mention with no date (a title's "ratification") gives no claim, so it is no rival
    dated_triggers = frozenset(t.start for _, t in candidates if b.by_trigger.get(t.start) in b.dated_at)
    # (read only where no nearer relation is found, and then once: the names of each candidate's
    # parties, and whether the text tells another case)
    parties: dict[int, frozenset[str]] = {}
    other_case: bool | None = None

    def apart(s1: Sentence, first: Trigger, s2: Sentence, second: Trigger) -> bool:
        # "opened on 3 September, replacing the old school, which closed in July": two schools
        lo, hi = min(first.end, second.end), max(first.start, second.start)
        if s1.start == s2.start and _REPLACEMENT.search(b.text, lo, hi) is not None:
            return True
        if first.event_class in _PERSON_CLASSES and second.event_class in _PERSON_CLASSES:
            # "Walter Briggs … took office in 1962 … the first, Eleanor Voss, was elected in 1987":
            # a post's holders, each named, are two people (not the places they are told at)
            first_parties, second_parties = parties_of(s1, first), parties_of(s2, second)
            if _named_person(first_parties) and _named_person(second_parties) and (
                first_parties.isdisjoint(second_parties)
            ):
                return True
        # "The new library … will open … The old library … closes": a new thing and an old one
        return _contrasted(_subject_words(b.text, s1, first), _subject_words(b.text, s2, second))

    def related(s1: Sentence, first: Trigger, s2: Sentence, second: Trigger) -> bool:
        if first is second:
            return False
        if s1.paragraph != s2.paragraph:
            # "… signed in Geneva on 12 September.\n\nCongress ratified it on 21 March.": the
            # object pronoun of the sentence right after, across the paragraph break
            if order[s2.start] - order[s1.start] == 1 and first.end <= second.start and (
                _PRONOUN_OBJECT.match(b.text, second.end) is not None
            ):
                return True
            # "Morrow was arrested on 9 June. He was charged the same day.\n\nHe was released on
            # bail on 3 June.": the one person of the sentences between, told by a pronoun
            return (0 < order[s2.start] - order[s1.start] <= 2 and second.start in pronoun
                    and not _OTHER_PERSON.search(b.text, first.end, second.start))
        if apart(s1, first, s2, second):
            return False
        shared = args[first.start] & args[second.start]
        if shared - CALENDAR_WORDS:
            return True
        if shared:
            # only the month or weekday both are dated in: the same story, unless someone else
            # comes in between ("Penn was sentenced on 2 September. His brother was convicted on
            # 19 September.")
            lo, hi = min(first.end, second.end), max(first.start, second.start)
            return _PERSON_WORD.search(b.text, lo, hi) is None
        # "She was arrested in 1981. She was released in 1980.": the same person
        close = 0 <= order[s2.start] - order[s1.start] <= 1 or 0 <= order[s1.start] - order[s2.start] <= 1
        # (the pronoun is the later mention's: "The jury found Tolley guilty … Her trial had opened")
        later, earlier = (second, first) if first.start < second.start else (first, second)
        if close and later.start in pronoun and (earlier.start in pronoun or s1.start != s2.start):
            return True
        # "The treaty was ratified on 3 May. It had been signed on 9 May.": the thing's pronoun
        next_sentence = order[s2.start] - order[s1.start] == 1 or order[s1.start] - order[s2.start] == 1
        if next_sentence and (second.start in thing_pronoun or first.start in thing_pronoun):
            return True
        # "They signed the accord on 4 May. Parliament ratified it on 2 June.": its object
        return close and order[s1.start] <= order[s2.start] and first.end <= second.start and (
            _PRONOUN_OBJECT.match(b.text, second.end) is not None
        )

    def parties_of(sentence: Sentence, trigger: Trigger) -> frozenset[str]:
        if trigger.start not in parties:
            parties[trigger.start] = _party_names_near(b.text, sentence, trigger)
        return parties[trigger.start]

    def event_of(sentence: Sentence, trigger: Trigger) -> str:
        return b.event(trigger, b.contexts[sentence.start])

    indexes: dict[str, _FirstIndex] = {}
    for pair in pairs:
        if pair.first not in indexes:
            indexes[pair.first] = _FirstIndex(
                [(s, t) for s, t in candidates if pair.first in (t.event_class, t.lemma)], args, order
            )
        index = indexes[pair.first]
        seconds = [(s, t) for s, t in candidates if pair.second in (t.event_class, t.lemma)]
        seconds_by_key: dict[str, list[Trigger]] = {}
        for _, t in seconds:
            for key in keys[t.start]:
                seconds_by_key.setdefault(key, []).append(t)
        for s2, second in seconds:
            found = index.nearest(s2, second, related, apart)
            told_with = [t for t in b.contexts[s2.start].triggers
                         if t is not second and pair.first in (t.event_class, t.lemma)]
            if told_with and (found is None or found[0].start != s2.start):
                # "He was released on bail in 2018, after an earlier arrest": its own sentence
                # tells the first event it follows, though not how they are related
                continue
            grade, via = Grade.STRONG, ""
            if found is None:
                found = index.sole_elsewhere(s2, second, seconds_by_key, keys, dated_triggers)
                if found is not None:
                    shared = sorted(keys[found[1].start] & keys[second.start])
                    via = f"the only {pair.first} of {', '.join(shared)} in the text, in another paragraph"
            if found is None:
                found = index.named_elsewhere(s2, second, names)
                if found is None:
                    for s, t in (*index.firsts, *seconds):
                        parties_of(s, t)
                    if other_case is None:
                        other_case = _OTHER_CASE.search(b.text) is not None
                    found = _only_case(pair, index.firsts, seconds, parties, event_of, other_case,
                                       dated_triggers)
                    if found is not None:
                        via = f"the only {pair.first} and {pair.second} the text tells"
                        s1, first = found
                        _claim(b, pair, first, second, event_of(s1, first), event_of(s2, second),
                               Grade.STRONG, via)
                    continue
                shared = sorted(names[found[1].start] & names[second.start])
                grade, via = Grade.WEAK, f"the same name ({', '.join(shared)}) in another paragraph"
                one_case = {pair.first, pair.second} <= _CASE_CLASSES
                named_party: frozenset[str] = frozenset()
                if one_case:
                    first_parties, second_parties = parties_of(*found), parties_of(s2, second)
                    if first_parties and second_parties and not first_parties & second_parties:
                        continue  # "Tobias Quill, of Hessford … the trial of Nessa Rowe, in Hessford"
                    named_party = first_parties & second_parties
                if one_case and len(index.firsts) == 1 and len(seconds) == 1 and named_party:
                    # "Ferrand … was convicted on 8 June … ¶ When the trial opened on 13 June":
                    # one trial and one verdict told of one named defendant are one case
                    grade = Grade.STRONG
                    via = f"{via}, the only {pair.first} and {pair.second} the text tells"
            s1, first = found
            if grade is Grade.STRONG and pair.first in _TOLD_AFTER_DOUBTFUL and s1.start > s2.start and (
                first.tense != PLUPERFECT
            ):
                grade = Grade.WEAK
                via = f"the {pair.first} told after the {pair.second} may be another one's"
            _claim(b, pair, first, second, event_of(s1, first), event_of(s2, second), grade, via)


def _claim(b: Builder, pair: PrecedencePair, first: Trigger, second: Trigger, first_id: str,
           second_id: str, grade: Grade, via: str) -> None:
    """The claim that ``second`` ends after ``first`` starts, as sure as ``grade`` and the links
    its mentions rest on."""
    if first_id == second_id:
        return
    span = b.span(second.start, second.end)
    linked, link_via = b.graded(span, (first_id, second_id), (first, second))
    via = "; ".join(part for part in (via, link_via) if part)
    note = pair.note or f"{pair.second} comes after {pair.first}"
    b.claims.append(TextGapClaim(
        Endpoint(first_id, Side.START), Endpoint(second_id, Side.END), Gap(1, None, ""), span,
        words=f"{first.text} … {second.text} ({note})", conflict_kind=ConflictKind.PRECEDENCE,
        grade=min(grade, linked), via=via,
    ))


def _only_case(pair: PrecedencePair, firsts: Sequence[_Candidate], seconds: Sequence[_Candidate],
               names: dict[int, frozenset[str]], event_of: Callable[[Sentence, Trigger], str],
               other_case: bool, dated: frozenset[int]) -> _Candidate | None:
    """"Dunstable … was sentenced on Monday 11 March … ¶ The jury returned its guilty verdict on
    14 March": the one event of each step of a criminal case the text tells, in any paragraphs
    and with no name in common, are one case, unless they name different people or the text
    says it tells another case ("In March, a different jury convicted …")."""
    if not {pair.first, pair.second} <= _SOLE_CASE_CLASSES:
        return None
    if other_case:
        return None
    firsts, seconds = _one_told(firsts, event_of, dated), _one_told(seconds, event_of, dated)
    if not firsts or not seconds:
        return None
    first_names = frozenset().union(*(names[t.start] for _, t in firsts))
    second_names = frozenset().union(*(names[t.start] for _, t in seconds))
    if first_names and second_names and not first_names & second_names:
        return None  # "Penn was sentenced … A jury convicted Harlow …": two cases
    return firsts[0]


def _one_told(candidates: Sequence[_Candidate], event_of: Callable[[Sentence, Trigger], str],
              dated: frozenset[int]) -> list[_Candidate]:
    """The mentions of the one event of a step the text tells: all of them when they are one
    event; else those of the one event it dates ("has been found guilty …" in the lead, "returned
    its verdict on 15 October" below: a summary and its telling); none when that is not one."""
    if len({event_of(s, t) for s, t in candidates}) == 1:
        return list(candidates)
    told = [(s, t) for s, t in candidates if t.start in dated]
    return told if len({event_of(s, t) for s, t in told}) == 1 else []


class _FirstIndex:
    """The first events of a precedence pair, indexed so that the one nearest to a second event
    that :func:`precedence` relates to it is found without trying every first of the document
    (a long paragraph holds thousands).

    A first is related to a second of its paragraph when they share an argument word, or, in the
    same or a neighbouring sentence, through a pronoun. So the nearest related first is the nearer
    of: for each argument word of the second, the nearest first on either side with that word;
    and the related firsts of the neighbouring sentences.
    """

    def __init__(
        self, firsts: Sequence[_Candidate], args: dict[int, set[str]], order: dict[int, int]
    ) -> None:
        self.args = args
        self.order = order
        self.firsts = list(firsts)
        # (paragraph, word) -> firsts with that argument word, in text order, and their offsets
        self.by_word: dict[tuple[int, str], list[_Candidate]] = {}
        self.by_word_starts: dict[tuple[int, str], list[int]] = {}
        self.by_sentence: dict[int, list[_Candidate]] = {}
        self.by_key: dict[str, list[_Candidate]] | None = None  # built when first needed
        for s, t in firsts:
            for word in args[t.start]:
                self.by_word.setdefault((s.paragraph, word), []).append((s, t))
                self.by_word_starts.setdefault((s.paragraph, word), []).append(t.start)
            self.by_sentence.setdefault(order[s.start], []).append((s, t))

    def named_elsewhere(
        self, s2: Sentence, second: Trigger, names: dict[int, frozenset[str]]
    ) -> _Candidate | None:
        """The nearest first of another paragraph that shares a name with ``second``."""
        wanted = names[second.start]
        if not wanted:
            return None
        found = [(s, t) for s, t in self.firsts if s.paragraph != s2.paragraph and names[t.start] & wanted]
        if not found:
            return None
        return min(found, key=lambda item: (abs(item[1].start - second.start), item[1].start))

    def sole_elsewhere(
        self, s2: Sentence, second: Trigger, seconds_by_key: dict[str, list[Trigger]],
        keys: dict[int, frozenset[str]], dated: frozenset[int] = frozenset(),
    ) -> _Candidate | None:
        """The first of another paragraph that is the only first of the text sharing a name (or an
        instrument word) with ``second``, when ``second`` is also the only second sharing it with
        that first: "Parliament ratified the agreement on 2 March. … The agreement was signed in
        Praia on 19 March." A history telling two captures of one town relates neither; an
        undated second (a title's "ratification") is no rival."""
        if self.by_key is None:
            self.by_key = {}
            for s, t in self.firsts:
                for key in keys[t.start]:
                    self.by_key.setdefault(key, []).append((s, t))
        sharing = {t.start: (s, t) for key in keys[second.start] for s, t in self.by_key.get(key, ())
                   if t is not second}
        if len(sharing) != 1:
            return None
        s1, first = next(iter(sharing.values()))
        if s1.paragraph == s2.paragraph:
            return None
        rivals = {t.start for key in keys[first.start] for t in seconds_by_key.get(key, ())
                  if t is not first and (t is second or t.start in dated)}
        return (s1, first) if rivals == {second.start} else None

    def nearest(self, s2: Sentence, second: Trigger, related: _Related, apart: _Related) -> _Candidate | None:
        """The related first nearest to ``second`` (the earlier of two as near), or ``None``; none
        that ``apart`` tells is about another thing."""
        found: list[_Candidate] = []
        for word in self.args[second.start]:
            items = self.by_word.get((s2.paragraph, word))
            if not items:
                continue
            at = bisect.bisect_left(self.by_word_starts[(s2.paragraph, word)], second.start)
            # a trigger can be both (a class that is first and second of pairs): skip itself
            left = at - 1
            right = at + 1 if at < len(items) and items[at][1] is second else at
            picked = [items[i] for i in (left, right) if 0 <= i < len(items)]
            if word in CALENDAR_WORDS:
                # only the month both are dated in: related unless someone else comes between
                picked = [item for item in picked if related(*item, s2, second)]
            found.extend(picked)
        here = self.order[s2.start]
        for number in (here - 2, here - 1, here, here + 1):
            found.extend(item for item in self.by_sentence.get(number, ()) if related(*item, s2, second))
        found = [item for item in found if not apart(*item, s2, second)]
        if not found:
            return None
        return min(found, key=lambda item: (abs(item[1].start - second.start), item[1].start))
