"""How long someone held a post, and the acts that began and ended it.

"Ms Tallis joined the trust as director in May 1999 … will step down at the end of June … the
chair paid tribute to her 11 years at the helm": a length of years told of a person's time in a
post ("after 19 years in charge", "In his 22 years at the school", "who was headmistress of
Fellside for 25 years") runs from the act that put them in it to the act that ends it. Read only
when the story tells one such start and one such end of that person (a start whose words name
what the length's phrase names, when it names something: "at Holmbury", "at the school"), both
dated: the length then lies between their starts. A story that tells two starts ("joined the
staff as deputy head in 1984 and became headteacher in 1987") leaves open which one the length
counts from, and is left alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Grade, Side
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.text.antecedents import subject_sex
from chrono.text.builder import Builder
from chrono.text.context import SentenceContext
from chrono.text.durations import seconds_of, stated_bounds, unit_of
from chrono.text.events import Trigger
from chrono.text.mentions import names_in
from chrono.text.sentences import Sentence
from chrono.text.tense import PLANNED, PRESENT, TOLD_AS_PAST
from chrono.text.vocabulary import vocabulary

__all__ = ["tenures"]

_WORDS = vocabulary("tenure")
_YEARS = lazy_compile(r"P(\d+)Y\Z")
_POST_AFTER = lazy_compile(
    rf"\s+(?:(?:{_WORDS.pattern('post_phrases')})\b"
    rf"|(?:{_WORDS.pattern('role_prepositions')})\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){{0,2}}?"
    r"(?P<role>[\w'’-]+)(?=\s+(?:of|at|in|for|with|and|until|before|when)\b|\s*[,.;:!?)]|\s*\Z)"
    rf"|(?:{_WORDS.pattern('place_prepositions')})\s+(?P<place>(?:(?:the|a|an)\s+)?[\w'’-]+))",
    re.IGNORECASE,
)
_APPOINTING = _WORDS.set("appointing_lemmas")
_AFTER_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('after_words')})\s+\Z", re.IGNORECASE)
_POSSESSIVE_BEFORE = lazy_compile(rf"\b({_WORDS.pattern('possessives')})\s+\Z", re.IGNORECASE)
_COPULA_POST_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('copulas')})\s+((?:the\s+)?[a-z][\w'’ -]{{2,60}}?)\s+for\s+\Z"
)
_AS_AFTER = lazy_compile(r"[^,.;:!?]{0,60}?\bas\b")
_RELATIVE_BEFORE = lazy_compile(r",\s*(?:who|whom|whose|which)\b[^,]*\Z", re.IGNORECASE)
_SEXED_PRONOUNS = {"his": "male", "her": "female", "he": "male", "she": "female"}
_START_LEMMAS = _WORDS.set("start_lemmas")
_JOIN_NEEDS_AS = _WORDS.set("join_needs_as")
_END_CLASSES = _WORDS.set("end_classes")
_PLAIN = _WORDS.set("plain_words")
_SUBJECT_PRONOUN = lazy_compile(r"\b(he|she)\b", re.IGNORECASE)
# the rest of a start act's clause: up to a comma, a stop or "and" ("became deputy head in 1968
# and headteacher in 1975": the second post is not the first act's)
_CLAUSE_REST = lazy_compile(r"(?:(?!\band\b)[^,;.!?\n])*")


def tenures(b: Builder) -> None:
    """Claims that a length of years told of someone's time in a post lies between the start of
    the act that put them in it and the start of the act that ended it."""
    contexts = [b.contexts[start] for start in sorted(b.contexts)]
    for timex in b.timexes:
        if timex.type == "DURATION":
            sentence = b.sentence_at(timex.start)
            if sentence is not None:
                _tenure(b, sentence, timex, contexts)


def _tenure(b: Builder, sentence: Sentence, timex: Timex, contexts: Sequence[SentenceContext]) -> None:
    text = b.text
    years = _YEARS.match(timex.value)
    if years is None or int(years.group(1)) < 2:
        return
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    lo = max(sentence.start, lead - 80)
    post = _POST_AFTER.match(text, timex.end)
    ends: list[Trigger] = []
    sex: str | None = None
    if _AFTER_BEFORE.search(text, lo, timex.start) and post is not None:
        # "She steps down today after 19 years in charge": the end is this sentence's
        here = b.contexts.get(sentence.start)
        ends = [t for t in (here.triggers if here is not None else ()) if t.end <= lead and t.pos == "verb"
                and t.event_class in _END_CLASSES]
        if len(ends) != 1:
            return
        subject = text[sentence.start:ends[0].start]
        held = _post_of(post)
    elif (owner := _POSSESSIVE_BEFORE.search(text, lo, timex.start)) is not None and post is not None:
        # "her 11 years at the helm", "In his 22 years at the school"
        sex = _SEXED_PRONOUNS.get(owner.group(1).lower())
        subject = ""
        held = _post_of(post)
    elif (copula := _COPULA_POST_BEFORE.search(text, lo, timex.start)) is not None:
        # "Edith Carran, who was headmistress of Fellside Girls' School for 25 years"
        subject = text[sentence.start:copula.start()]
        role, _, where = copula.group(1).partition(" of ")
        held = _Post(role.split()[-1].lower(), names_in(where))
    else:
        return
    sex = sex or subject_sex(text, sentence.start, sentence.start + len(subject))
    person = names_in(subject)
    told = [t for t, context in _acts(b, contexts, _is_start) if _of_person(text, context, t, person, sex)]
    grade = Grade.STRONG
    if held.role:
        # "was headmistress … for 25 years": the act that names that post ("appointed
        # headmistress"); failing one, the appointment to the place it names, a doubt
        starts = [t for t in told if _takes_post(text, t) and held.role in _words_of(b, t)]
        if not starts:
            starts = [t for t in told if t.lemma in _APPOINTING and held.places & _words_of(b, t)]
            grade = Grade.WEAK
    elif held.places:
        # "after 23 years at Holmbury": from the arrival at the place, whatever post it was to
        # (a doubt: an arrival the story does not tell may be the one meant)
        starts = [t for t in told if held.places & _words_of(b, t)]
        grade = Grade.WEAK
    else:
        starts = [t for t in told if _takes_post(text, t)]  # "after 19 years in charge"
    if len(starts) != 1:
        return
    if not ends:
        ends = [t for t, context in _acts(b, contexts, _is_end) if _of_person(text, context, t, person, sex)]
        if len(ends) != 1:
            return
    start, end = starts[0], ends[0]
    start_id, end_id = b.by_trigger.get(start.start), b.by_trigger.get(end.start)
    if start_id is None or end_id is None or start_id == end_id:
        return
    if start_id not in b.dated_at or end_id not in b.dated_at:
        return
    if not (_year_written(b, start) and _year_written(b, end)):
        # "led the side to the title in 2022. He stepped down on 1 June after five years": a
        # year read from the story or the document's date may be the wrong one
        grade = Grade.WEAK
    length = seconds_of(timex.value)
    if length is None:
        return
    lower, upper = stated_bounds(text, timex, length, unit_of(timex.value))
    span = b.span(timex.start, timex.end, start.start, start.end, end.start, end.end)
    stated = " ".join(text[timex.start:post.end() if post is not None else timex.end].split())
    b.gap_claim(Endpoint(start_id, Side.START), Endpoint(end_id, Side.START), Gap(lower, upper, stated), span,
                ConflictKind.DURATION, grade=grade,
                note=f"the time in the post runs from '{start.text}' to '{end.text}'")


def _year_written(b: Builder, trigger: Trigger) -> bool:
    """Is every date of ``trigger`` written with its year ("in 1979", "on 30 June 2023")?"""
    told = [timex for (at, _), timex in b.dated_by.items() if at == trigger.start]
    return bool(told) and all(timex.anchor is None for timex in told)


@attrs.frozen
class _Post:
    """The post a length is told of: its head word ("headmistress", "director"; empty when the
    words name none: "in charge") and the places it names, lower case."""

    role: str
    places: frozenset[str]


def _post_of(post: re.Match[str]) -> _Post:
    """The post the words after a length name ("in charge", "at Holmbury", "as a director")."""
    if post.group("role") is not None:
        return _Post(post.group("role").lower(), frozenset())
    if post.group("place") is not None:
        return _Post("", _key_words(post.group("place")))
    return _Post("", frozenset())


def _takes_post(text: str, trigger: Trigger) -> bool:
    """Is ``trigger`` an act of taking a post ("appointed", "became", "took over", "joined … as")?"""
    return trigger.lemma not in _JOIN_NEEDS_AS or _AS_AFTER.match(text, trigger.end) is not None


def _acts(b: Builder, contexts: Sequence[SentenceContext],
          keep: Callable[[str, SentenceContext, Trigger], bool]) -> list[tuple[Trigger, SentenceContext]]:
    return [(t, here) for here in contexts for t in here.triggers if keep(b.text, here, t)]


def _is_start(text: str, here: SentenceContext, trigger: Trigger) -> bool:
    """"was appointed headmaster", "became headteacher", "joined the trust (as director)"."""
    return trigger.pos == "verb" and trigger.lemma in _START_LEMMAS and trigger.tense in TOLD_AS_PAST


def _is_end(text: str, here: SentenceContext, trigger: Trigger) -> bool:
    """"retired in July 1982", "will step down at the end of June"."""
    return trigger.pos == "verb" and trigger.event_class in _END_CLASSES and trigger.tense in (
        *TOLD_AS_PAST, PRESENT, PLANNED)


def _of_person(text: str, here: SentenceContext, trigger: Trigger, person: frozenset[str],
               sex: str | None) -> bool:
    """Is ``trigger`` told of the person the length is of: not in a relative clause about
    someone else, its subject a pronoun of the person's sex or a name of theirs?"""
    start = here.sentence.start
    before = text[start:trigger.start]
    relative = _RELATIVE_BEFORE.search(before)
    subject = before[:relative.start()] if relative is not None else before
    names = names_in(subject)
    if relative is not None and not (names & person):
        return False  # "her deputy, Owen Pryor, who joined the trust as head gardener in 2005"
    pronoun = _SUBJECT_PRONOUN.search(subject)
    told_sex = _SEXED_PRONOUNS.get(pronoun.group(1).lower()) if pronoun is not None else None
    told_sex = told_sex or subject_sex(text, start, start + len(subject))
    if sex is not None and told_sex is not None and told_sex != sex:
        return False  # "Mr Pryor, 41, joined the trust" of "her 11 years at the helm"
    if person:
        return bool(names & person) or (pronoun is not None and not names)
    return True


def _key_words(words: str) -> frozenset[str]:
    """The words of a post's phrase that say which post ("school", "holmbury")."""
    return frozenset(w for w in re.findall(r"[\w'’-]+", words.lower()) if w not in _PLAIN and len(w) > 2)


def _words_of(b: Builder, trigger: Trigger) -> frozenset[str]:
    """The words after a start act, to the end of its clause, lower case ("headmaster of
    Ferncombe School in 1981")."""
    clause = _CLAUSE_REST.match(b.text, trigger.end)
    return frozenset(re.findall(r"[\w'’-]+", clause.group().lower())) if clause is not None else frozenset()
