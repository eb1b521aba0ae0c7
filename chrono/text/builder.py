"""The events and claims of one document as anchoring makes them (chrono.text.anchor).

The builder is the one place that keeps state while a document is read: which trigger names
which event, the claims made so far, and which events are dated where (for "two days later"
and "later" to count from). The steps that read a sentence are functions that add to it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from chrono.knowledge import general_words, synonym_sets
from chrono.lazy_regex import lazy_compile
from chrono.model import Claim, Endpoint, Event, EventExists, Gap, Grade, Part, Qualifier, Span
from chrono.options import ReadingOptions
from chrono.periods import DAY, Period, zone_seconds
from chrono.problems import ConflictKind, Problem
from chrono.regex_cache import compile_kept
from chrono.tagger import Timex
from chrono.tagger.resources import load as load_resources
from chrono.tagger.resources import trie_regex
from chrono.text.antecedents import sole_antecedent, subject_sex
from chrono.text.attachment import SUPPORTED, is_planned, phase_of
from chrono.text.calendar_names import MONTHS
from chrono.text.claims import TextDurationClaim, TextGapClaim, TextPeriodClaim, TextRelationClaim
from chrono.text.clauses import FUNCTION_WORDS, words_between
from chrono.text.context import SentenceContext
from chrono.text.coreference import Link, Vocabulary, antecedent_link, describe_link, verb_object
from chrono.text.events import Trigger, lexicon, names_verb_event
from chrono.text.given_names import sex_of_given_name
from chrono.text.inflection import singular
from chrono.text.mentions import Mention, mention_of
from chrono.text.named_events import NamedEvent
from chrono.text.sentences import Sentence, in_quote
from chrono.text.tense import NOMINAL, PERFECT, PLUPERFECT, TOLD_AS_PAST
from chrono.text.vocabulary import alternation, longest_first, vocabulary

_COREFERENCE = vocabulary("coreference")
_ORDER = vocabulary("order")
_OFFSET_WORDS = vocabulary("offsets")
_AGE_TIME = lazy_compile(
    rf"\b(?:{_OFFSET_WORDS.pattern('age_times')})\s+(?:\d{{1,3}}|[a-z]+)\b"
    rf"|\bat\s+(?:[1-9]\d|(?:{_OFFSET_WORDS.pattern('bare_age_numbers')})(?:-[a-z]+)?)(?![-\w])"
    rf"(?![:.,]\d)(?!\s*(?:{_OFFSET_WORDS.pattern('not_age_after_number')})(?![a-z]))"
    rf"|\b(?:{_OFFSET_WORDS.pattern('ordinal_day_openers')})\s+(?:[a-z-]+|\d+)(?:st|nd|rd|th)\s+"
    rf"(?:{_OFFSET_WORDS.pattern('ordinal_day_units')})\b",
    re.IGNORECASE)
# a season's name alone ("in summer"), no year or determiner with it
_BARE_SEASON = lazy_compile(rf"(?:{vocabulary('seasons').pattern('season_nouns')})", re.IGNORECASE)
_ORDERED_BETWEEN = lazy_compile(
    rf"\b(?:{_ORDER.pattern('order_verbs')}|{_ORDER.pattern('sequence_prepositions')})\b", re.IGNORECASE
)
# between a subject noun and its verb: nothing, or an adverb or two ("the storm finally struck")
_SUBJECT_GAP = lazy_compile(r"\s+(?:[a-z]+ly\s+){0,2}")
# the rest of a clause, then the comma that sets off a participle after it
_SET_OFF_BEFORE = lazy_compile(r"[^.;:!?\n,]*,[ \t]*")
# "Maria died", "Nys was born", "Maria Nys's death": up to three name words right before
_NAME_SUBJECT = lazy_compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]+){0,2}[A-Z][\w'’-]*?)(?:['’]s)?"
    rf"(?:[ \t]+(?:{_COREFERENCE.pattern('name_subject_gap')})){{0,2}}[ \t]+\Z"
)
# ("the 1997 general elections"; not "said on 2 February that the siege": a clause opens there)
_DATE_BEFORE_NOUN = lazy_compile(
    rf"(?:['’]s)?(?:\s+(?!(?:{vocabulary('clauses').pattern('clause_openers_in_phrase')})\b)[\w-]+){{0,2}}\s+",
    re.IGNORECASE,
)
# ("her election as mayor in May 1968", "his move to Leeds in 1990": a short complement between)
_DATE_AFTER_NOUN = lazy_compile(
    r"(?:\s+(?:as|to)\s+(?:[A-Za-z][\w'’-]*\s+){0,1}[A-Za-z][\w'’-]*)?"
    # ("the meeting held on Tuesday 14 March": a participle of its holding, then its date)
    rf"(?:\s+(?:{_COREFERENCE.pattern('holding_participles')}))?"
    r"\s+(?:(?:in|on|of|at|from|during|since)\s+)?(?:the\s+)?")
# "At its opening, on 30 June 1979, …": set off by a comma (but "19 days after the launch, on 25
# October": the date of what the order phrase places)
_DATE_SET_OFF_AFTER_NOUN = lazy_compile(r",\s+on\s+")
_INTO_BEFORE = lazy_compile(
    rf"\b(?:{_COREFERENCE.pattern('distance_into_words')})\s+(?:[\w'’-]+\s+){{0,2}}\Z", re.IGNORECASE)
_ORDER_PHRASE_BEFORE = lazy_compile(
    rf"\b(?:{alternation(longest_first(map(str, vocabulary('order').table('order_words'))))})\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}\Z",
    re.IGNORECASE,
)



# verbs that name one act ("closed", "shut"): a clause an order word governs may retell the act
# by another of them
SAME_ACT_VERBS = {verb: frozenset(group) - {verb} for group in _COREFERENCE.table("same_act_verbs").values()
                   for verb in group}
_RECURRING = _COREFERENCE.set("recurring_events")
_LABELLED = _COREFERENCE.set("labelled_events")
_OTHER_EVENT = lazy_compile(
    rf"\b(?:{_COREFERENCE.pattern('other_event_words')})\b", re.IGNORECASE
)
# "the March vote", "the 2019 flood", "the vote in April": a month or year that labels an event
# (not "In 2014 the flood": a determiner between is no label)
_LABEL_DATE = rf"({alternation(MONTHS)}|\d{{4}})"
_NO_LABEL_WORD = rf"(?!(?:{_COREFERENCE.pattern('label_breakers')})\b)"
_LABEL_BEFORE = rf"\b{_LABEL_DATE}(?:['’]s)?\s+(?:{_NO_LABEL_WORD}[\w'’–-]+\s+)?"
_LABEL_AFTER = rf"\s+(?:{_COREFERENCE.pattern('label_prepositions')})\s+{_LABEL_DATE}\b"
_LABEL_BEFORE_WORD = lazy_compile(rf"{_LABEL_BEFORE}\Z", re.IGNORECASE)
_LABEL_AFTER_WORD = lazy_compile(_LABEL_AFTER, re.IGNORECASE)
_SHORT_RANGE_DAYS = 7  # a range of days an offset may count from as from one day, its days to spare
_DAY_VALUE = lazy_compile(r"(\d{4})-(\d{2})-\d{2}(?:T|\Z)")  # (its year and month)


def _at_a_clock_time(text: str, verb: Trigger, timexes: Sequence[Timex]) -> bool:
    """Is the act told at a time of day, in the words right after its verb ("opened its doors at
    11 a.m.")?"""
    return any(t.type == "TIME" and verb.end <= t.start and t.start - verb.end <= _CLOCK_REACH
               and "\n" not in text[verb.end:t.start] for t in timexes)


_NAME_REACH = 48  # characters before a death verb where the name of its subject may start
_CLOCK_REACH = 30  # characters from a verb to the time of day that tells when it was done


def _own_date(text: str, trigger: Trigger, timexes: Sequence[Timex]) -> Timex | None:
    """The date in the event noun's own phrase ("the 1997 elections", "Wednesday's quake",
    "the death in 1982"), if any."""
    for timex in timexes:
        if timex.type not in ("DATE", "TIME"):
            continue
        if timex.end <= trigger.start and _DATE_BEFORE_NOUN.fullmatch(text, timex.end, trigger.start):
            return timex
        if timex.start >= trigger.end and _DATE_AFTER_NOUN.fullmatch(text, trigger.end, timex.start):
            return timex
        set_off = timex.start >= trigger.end and _DATE_SET_OFF_AFTER_NOUN.fullmatch(
            text, trigger.end, timex.start)
        lead = max(0, trigger.start - 40)
        if set_off and _ORDER_PHRASE_BEFORE.search(text, lead, trigger.start) is None and (
            _INTO_BEFORE.search(text, lead, trigger.start) is None
        ):
            # (not "A fortnight into the strike, on 24 February": the day of the distance)
            return timex
    return None


_ARGUMENT_STOP = vocabulary("precedence").set("stop_words")
_ARGUMENT_WORD = lazy_compile(r"[A-Za-z0-9](?:[\w'’-]|\.(?=\w))*")  # "v1.29.0-alpha.1" is one
_AGAIN = lazy_compile(rf"\b(?:{_COREFERENCE.pattern('repetition_words')})\b", re.IGNORECASE)
_LIFE_CLASSES = frozenset({"birth", "death"})
# "after Claire's birth", "the death of Tom": the person a birth or death noun is of
_OWNER_BEFORE = lazy_compile(r"(?<![\w'’-])([A-Z][a-z][\w-]*)['’]s[ \t]+(?:[a-z-]+[ \t]+)?\Z")
_OF_NAME_AFTER = lazy_compile(r"[ \t]+of[ \t]+([A-Z][a-z][\w-]*)\b")
_NOT_OWNERS = _COREFERENCE.set("not_names")
_NAME_WORD = lazy_compile(r"(?<![\w'’-])[A-Z][a-z][\w-]*")
_WRITTEN_YEAR = lazy_compile(r"\d{4}")
# the name a sentence opens on ("Harold Penge, whose poems …, died …")
_SENTENCE_NAME = lazy_compile(r"[\s\"“]*((?:[A-Z][a-z][\w'’-]*[ \t]+)*[A-Z][a-z][\w'’-]*)(?=[ \t]*,)")


# a list's item in the view (its marker blanked), and a future auxiliary in a line
_LAID_OUT_ITEM = lazy_compile(r"[ \t]+\S")
_FUTURE_IN_LINE = lazy_compile(rf"\b(?:{vocabulary('attachment').pattern('future_auxiliaries')})\b",
                               re.IGNORECASE)


def _in_list_of_plans(text: str, offset: int) -> bool:
    """Is ``offset`` in an item of a list (a block of lines with no blank line between, each
    laid out) another item of which is told in the future?"""
    start = text.rfind("\n", 0, offset) + 1
    if not _LAID_OUT_ITEM.match(text, start):
        return False
    lo = text.rfind("\n\n", 0, start)
    hi = text.find("\n\n", offset)
    block = text[lo + 2 if lo != -1 else 0:hi if hi != -1 else len(text)]
    own_end = text.find("\n", offset)
    own = text[start:own_end if own_end != -1 else len(text)]
    return any(line.strip() and line != own and _LAID_OUT_ITEM.match(line) and _FUTURE_IN_LINE.search(line)
               for line in block.split("\n"))


def _pronoun_of_name(name: str) -> str | None:
    """The subject pronoun for a person named ``name`` ("Edith Marram": "she"), when its given
    name almost always names one sex."""
    sex = sex_of_given_name(name.split()[0])
    return next((word for word, of in _PRONOUN_SEXES.items() if of == sex), None) if sex else None


def _last_name(text: str, lo: int, hi: int) -> str | None:
    """The last capitalised word in ``text[lo:hi]`` ("Claire" in "Peter, born in 1966, and
    Claire, "): whose act the verb after it tells."""
    found = [m.group() for m in _NAME_WORD.finditer(text, lo, hi)]
    return found[-1] if found else None


_AGAIN_AFTER_VERB = lazy_compile(
    rf"(?:\s+[\w'’-]+){{0,2}}?\s+(?:{_COREFERENCE.pattern('again_after_verb')})\b", re.IGNORECASE
)
_DEFINITE_SUBJECT = lazy_compile(r"\b(?:the|its|their)\s+([A-Za-z][\w-]*)\s+\Z", re.IGNORECASE)
# Acts a thing undergoes once: the same verb of the same subject twice is one act told twice
_DEATH_CLASSES = frozenset(_COREFERENCE.words("death_classes"))
_PRONOUN_SEXES = {str(k): str(v) for k, v in _COREFERENCE.table("subject_pronoun_sexes").items()}
_RELATIVE_SEXES = {str(k): str(v) for k, v in _COREFERENCE.table("relative_sexes").items()}
_PRONOUN_WORD = lazy_compile(rf"\b({'|'.join(_PRONOUN_SEXES)})\b", re.IGNORECASE)
# "… said he died": the pronoun right before the death verb, an adverb at most between
_PRONOUN_SUBJECT = lazy_compile(rf"\b({'|'.join(_PRONOUN_SEXES)})[ \t]+(?:[a-z]+ly[ \t]+)?\Z", re.IGNORECASE)
_RELATIVE_WORD = lazy_compile(rf"\b({'|'.join(_RELATIVE_SEXES)})\b")
_CAPITALISED = lazy_compile(r"\b[A-Z][a-z]+\b")
# "Mr Abernethy, who died …", "Abernethy died …": the surname right before a death verb
_NAME_SUBJECT_WHO = lazy_compile(
    r"(?<![\w'’-])((?:[A-Z][a-z]*\.?[ \t]+)*)([A-Z][a-z][\w'’-]*)(?:,[ \t]+who(?:[ \t]+ha[sd])?)?[ \t]+\Z"
)
# "Neil Garside quit", "Mr Garside, who had led the company for nine years, resigned": the surname
# that is the subject of a verb, past a clause set off after it
_NAME_SUBJECT_SET_OFF = lazy_compile(r"(?<![\w'’-])(?-i:[A-Z])[a-z][\w'’-]*[ \t]+([A-Z][a-z][\w'’-]*)"
                                     r"(?:,[^,.;:!?\n]{1,90},)?[ \t]+(?:\w+ly[ \t]+)?(?:ha[ds][ \t]+)?\Z")
_DEPARTURE_CLASSES = frozenset(_COREFERENCE.words("departure_classes"))
# a pronoun that opens its sentence as the subject of the verb right after it ("She resigned", "He
# had quit")
_OPENING_PRONOUN_SUBJECT = lazy_compile(r"[\s\"“*_]*(She|He)[ \t]+(?:\w+ly[ \t]+)?(?:ha[ds][ \t]+)?")
_ARRIVALS = frozenset(_COREFERENCE.words("arrival_lemmas"))
# a diary's subject before its verb: none ("Docked at Bergen"), or the writer's party ("We")
_DIARY_SUBJECT = lazy_compile(
    rf"[\s\"“*_]*(?:(?:{_COREFERENCE.pattern('diary_subjects')})\s+"
    rf"(?:(?:{_COREFERENCE.pattern('diary_subject_adverbs')})\s+)?)?", re.IGNORECASE)
# the place an arrival is at ("docked at Bergen", "reached Geiranger")
_PLACE_AFTER_ARRIVAL = lazy_compile(
    rf"\s+(?:(?i:{_COREFERENCE.pattern('arrival_place_prepositions')})\s+)?(?:the\s+)?([A-Z][\w'’-]+)")
_ONCE_CLASSES = frozenset(_COREFERENCE.words("once_only_classes"))
_ONCE_LEMMAS = frozenset(_COREFERENCE.words("once_only_lemmas"))
_DOORS = frozenset(_COREFERENCE.words("doors_subjects"))
_OF_PHRASE_AFTER = lazy_compile(r"\s+of\b")
# ... and a name that qualifies it ("his first match at Wimbledon"): maybe a first of its own
_QUALIFIED_AFTER = lazy_compile(r"\b(?:at|in|for|against|with|outside)\s+(?:the\s+)?[A-Z]")
# "won her first national title", "opened its first branch": an owner's first thing
_FIRST_OBJECT = lazy_compile(
    rf"\s+(?P<owner>{_COREFERENCE.pattern('first_owners')})\s+"
    rf"(?:{_COREFERENCE.pattern('first_intensifier')}\s+)?{_COREFERENCE.pattern('first_word')}\s+"
    r"(?P<thing>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\b"
    rf"(?!\s+(?:{_COREFERENCE.pattern('first_thing_not_before')})\b)",
    re.IGNORECASE,
)
_WORD = lazy_compile(r"[a-z][\w'’-]*")
_TOKEN = lazy_compile(r"[\w'’-]+")
_FULL_DAY = lazy_compile(r"\d{4}-\d\d-\d\d")


def _first_thing(first: re.Match[str]) -> tuple[str, str]:
    """The owner and the words of the thing of a :data:`_FIRST_OBJECT` match, to the first
    function word ("her", "national title" of "her first national title in 2016")."""
    words: list[str] = []
    for word in first.group("thing").lower().split():
        if word in FUNCTION_WORDS:
            break
        words.append(word)
    return first.group("owner").lower(), " ".join(words)


def _words_of(text: str, start: int, end: int) -> frozenset[str]:
    return frozenset(_WORD.findall(text[start:end].lower()))
# what may follow such a verb when it has no object of its own ("opened its doors on 14 May",
# "opened to the public in 1990", "was founded in 1879")
_NO_OBJECT = lazy_compile(
    rf"\s*(?:[,.;:)]|\Z|(?:{_COREFERENCE.pattern('once_only_followers')})\b)", re.IGNORECASE
)
# "the clinic opened", "The new walk-in clinic on Harlow Street, which opened": the head noun of
# a definite subject right before the verb, or of the noun a relative clause is about
# (or set off by an apposition: "The bridge, a steel arch linking the station to the estate, opened")
# (or by a participle phrase: "The £68,000 park, paid for largely by a lottery grant, was opened")
_PREDECESSOR_WORD = lazy_compile(
    rf"\b(?:{_COREFERENCE.pattern('predecessor_words')})\b", re.IGNORECASE
)
_SUBJECT_BEFORE = lazy_compile(
    r"\b(?i:the|its|their|this)\s+(?:[\w£$€][\w,.-]*\s+){0,3}?([a-z][\w-]*)"
    r"(?:\s+(?:on|in|at|of)\s+(?:[A-Z][\w'’-]*\s*){1,3})?"
    r"(?:,\s*(?:which|that)\s+|,\s*(?:a|an)\s+[^,;.()]{1,120},\s*|,\s*which\s+[^,;.()]{1,120},\s*"
    r"|,\s*[a-z]+(?:ed|en|t|d|n)\s[^,;.()]{1,120},\s*(?:(?:was|were)\s+)?|\s+(?:was\s+|were\s+)?)\Z"
)


def _number_clash(text: str, pronoun: str, lo: int, start: int) -> bool:
    """Does the pronoun subject of a later act ("they") disagree in number with the definite
    subject of the earlier one ("the uncle retired")?"""
    subject = _DEFINITE_SUBJECT.search(text, max(lo, start - 40), start)
    if subject is None:
        return False
    head = subject.group(1).lower()
    plural = singular(head) != head
    return (pronoun.lower() in _PLURAL_PRONOUNS) != plural


# "since its foundation", "their club's opening": an owner's own act
_OWN_ACT_BEFORE = lazy_compile(r"\b(?:its|their|[A-Za-z]+['’]s)\s+(?:[a-z]+\s+)?\Z", re.IGNORECASE)
# the first words of a subject: after the phrase that opens a sentence, set off by a comma
_OPENING_PHRASE = lazy_compile(r"[^,;:.!?]*,\s*")
_SUBJECT_WORDS = 4
# a title line: short, with no full stop at its end ("Clockmaker who kept a town on time for
# half a century", once its bold is read)
_TITLE_LINE = lazy_compile(r"[ \t*_]*[A-Z][^\n]{0,118}[^.!?:;,\s\"”’'*_)][ \t*_]*")
_SUBJECT_AUXILIARY = lazy_compile(rf"\b(?:{_ORDER.pattern('clause_auxiliaries')})\b", re.IGNORECASE)
_SUBJECT_FILLERS = frozenset(_COREFERENCE.words("subject_fillers"))


def _subject_words(text: str, start: int, end: int, after: int) -> frozenset[str]:
    """The content words of the subject of the sentence ``[start, end)``: its first words, or
    those after the phrase set off by a comma that ``after`` (an offset in the sentence) lies in
    ("Founded in 1887 by …, Ravensworth Cricket Club marks": club, cricket, ravensworth)."""
    opening = _OPENING_PHRASE.match(text, after, end)
    lead = _OPENING_PHRASE.match(text, start, end)
    # (only a phrase that opens the sentence with the act: not "The company was founded in 1987
    # by two brothers, who …", whose subject and auxiliary come first)
    fronted = _SUBJECT_AUXILIARY.search(text, start, after) is None
    at = opening.end() if (
        fronted and opening is not None and lead is not None and lead.end() >= opening.end()
    ) else start
    words: list[str] = []
    for word in _WORD.findall(text[at:end].lower())[:_SUBJECT_WORDS]:
        if word in _NOT_HEADS:
            break
        words.append(word)
    return frozenset(words) - _SUBJECT_FILLERS


# an order word that opens a clause of its own subject ("after the consultation closed", "before
# it was sold")
_ORDER_CLAUSE_OPENS = lazy_compile(
    rf"\b(?:{_COREFERENCE.pattern('clause_order_words')})\s+(?:{_COREFERENCE.pattern('clause_subject_openers')})\b",
    re.IGNORECASE,
)
# a clause an order word opens at the head of a sentence ("By the time the railway arrived, …")
_FRONTED_ORDER_CLAUSE = lazy_compile(
    rf"[\s\"“*_]*(?:{_COREFERENCE.pattern('fronted_order_words')})\s", re.IGNORECASE
)
# the words of a subject right before its verb: up to three, past an auxiliary and an adverb
_SUBJECT_RIGHT_BEFORE = lazy_compile(
    rf"((?:[A-Za-z][\w'’-]*\s+){{1,3}}?)(?:(?:{_COREFERENCE.pattern('subject_verb_fillers')})\s+){{0,2}}\Z"
)


_POSSESSIVE_S = re.compile(r"['’]s?$")
_SUBJECT_PRONOUNS = _COREFERENCE.set("subject_pronoun_words")
_SAID_BEFORE = lazy_compile(rf"\b(?:{_COREFERENCE.pattern('saying_words')})\b", re.IGNORECASE)


def _same_or_no_object(text: str, one: Trigger, one_in: Sentence, other: Trigger, other_in: Sentence) -> bool:
    """Do two verbs take the same object, or does one of them take none?"""
    mine, theirs = _object_head(text, one.end, one_in.end), _object_head(text, other.end, other_in.end)
    return mine is None or theirs is None or mine == theirs


def _subject_nouns(text: str, lo: int, start: int) -> frozenset[str]:
    """The nouns of the subject right before a verb at ``start`` ("the council's cabinet voted":
    council, cabinet; "cabinet members had voted": cabinet, member), none for a pronoun."""
    found = _SUBJECT_RIGHT_BEFORE.search(text, max(lo, start - 40), start)
    if found is None:
        return frozenset()
    words = [_POSSESSIVE_S.sub("", w).lower() for w in found.group(1).split()]
    if words and words[-1] in _SUBJECT_PRONOUNS:
        return frozenset()
    return frozenset(singular(w) for w in words if len(w) > 3 and w not in _ARGUMENT_STOP)


def _subject_head(text: str, lo: int, start: int) -> str | None:
    adverb = _ADVERB_BEFORE.search(text, max(lo, start - 20), start)
    if adverb is not None and adverb.group(1).lower() in _SUBJECT_ADVERBS:
        start = adverb.start() + 1  # "the doors first opened": the subject before the adverb
    found = _SUBJECT_BEFORE.search(text, max(lo, start - 200), start)
    if found is None:
        return None
    head = found.group(1).lower()
    # ("The old department, which opened in 1974" is not "The department opened … on Monday")
    marked = _PREDECESSOR_WORD.search(text, found.start(), found.start(1))
    return f"{marked.group().lower()} {head}" if marked is not None else head


_NOT_HEADS = frozenset(_COREFERENCE.words("auxiliary_words"))
_SUBJECT_ADVERBS = frozenset(_COREFERENCE.words("subject_adverbs"))
_ADVERB_BEFORE = lazy_compile(r"\s([a-z]+)\s+\Z")
_PLURAL_PRONOUNS = frozenset(_COREFERENCE.words("plural_subject_pronouns"))
_OPENING_PRONOUN = lazy_compile(rf"[\s\"“]*({'|'.join(_PRONOUN_SEXES)})\b", re.IGNORECASE)
_IT_BEFORE = lazy_compile(r"[\s\"“]*It\s+(?:(?:was|had|has)\s+(?:been\s+)?)?")
_LIST_LINE = lazy_compile(r"[ \t]*(?:[-*+•|]|\d+[.)]\s)")
# "after the first cracks were …": an order word, a definite subject (its head captured), an
# auxiliary, right before a verb
GOVERNED_CLAUSE = lazy_compile(
    # ("when the bridge reopened", but not "in 1936, when she turned four": a time's own when)
    r"(?:\b(?:after|before|since|until|once)|(?<![\d,]\s)(?<![\d,])\bwhen(?=\s+the\s))"
    r"\s+(?:(?:the|its|their|his|her|any)\s+(?:[\w'’-]+\s+){0,2}?"
    r"([A-Za-z][\w'’-]*)|(he|she|they|it))\s+(?:(?:was|were|had|has|have)\s+(?:been\s+)?)?\Z",
    re.IGNORECASE,
)


# the object right after a verb: a determiner, up to two modifiers and its head noun
_OBJECT_AFTER = lazy_compile(
    rf"[ \t]+(?:{_COREFERENCE.pattern('object_determiners')})[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}?"
    rf"([a-z][\w-]{{2,}})"
    rf"(?=[ \t]*(?:[,.;:]|\Z|[ \t](?:{_COREFERENCE.pattern('complement_prepositions')})\b))"
)


def _object_head(text: str, end: int, limit: int) -> str | None:
    """The head noun of the object right after a verb ending at ``end`` ("the finished building")."""
    found = _OBJECT_AFTER.match(text, end, limit)
    return singular(found.group(1).lower()) if found is not None else None


# "The sale was approved": the auxiliary of a passive right before its verb
_PASSIVE_AUXILIARY = lazy_compile(
    r"\b(?:was|were|(?:has|have|had)\s+been)\s+(?:[a-z]+ly\s+)?\Z", re.IGNORECASE)


def acted_on(text: str, sentence: Sentence, trigger: Trigger) -> str | None:
    """The head noun of what the verb ``trigger`` was done to: the subject of a passive ("The
    sale was approved"), else its object ("the directors approved the sale")."""
    if _PASSIVE_AUXILIARY.search(text, max(sentence.start, trigger.start - 30), trigger.start):
        head = _subject_head(text, sentence.start, trigger.start)
        return singular(head) if head is not None else None
    return _object_head(text, trigger.end, sentence.end)


def words_near(text: str, sentence: Sentence, trigger: Trigger, *, whole: bool = False) -> frozenset[str]:
    """The words of what an act is about, around its verb in its sentence ("deploy", "4471");
    (``whole``) in all of its sentence, for a noun whose act is told by another verb ("the
    committee voted … at a meeting")."""
    lo, hi = max(sentence.start, trigger.start - 40), min(sentence.end, trigger.end + 60)
    if whole:
        lo, hi = sentence.start, sentence.end
    return frozenset(
        singular(w.lower()) for w in _ARGUMENT_WORD.findall(text, lo, hi)
        if (len(w) > 2 or w.isdigit()) and w.lower() not in _ARGUMENT_STOP
        and not (trigger.start <= text.find(w, lo, hi) < trigger.end)
    )


_ORDINALS = [*_COREFERENCE.table("ordinal_words"), *_COREFERENCE.words("act_ordinal_words")]
_ORDINAL_THING = lazy_compile(
    rf"\b(?:the|a|its|their|this|that)\s+({alternation(_ORDINALS)})\s+([a-z][\w-]*)\b", re.IGNORECASE
)


def _other_ordinal(text: str, mine: Sentence, theirs: Sentence) -> bool:
    """Do the two sentences put different ordinals before one noun ("the first batch", "the last
    batch"), or the later one an ordinal past the first before a noun the earlier names bare?"""
    def ordinals(sentence: Sentence) -> dict[str, str]:
        return {singular(m.group(2).lower()): m.group(1).lower()
                for m in _ORDINAL_THING.finditer(text, sentence.start, sentence.end)}

    told, later = ordinals(theirs), ordinals(mine)
    return any(noun in told and told[noun] != word for noun, word in later.items())


def _names_thing(head: str, words: frozenset[str]) -> bool:
    """Is ``head`` one of ``words``, or the last part of a compound among them ("the bridge" of
    "the Whitlow footbridge", "the ship" of "the steamship")?"""
    return head in words or (len(head) >= 4 and any(w.endswith(head) for w in words))


_LEAD = lazy_compile(
    rf"\W*(?:{_COREFERENCE.pattern('lead_determiners')})\s+((?:[\w'’-]+[ \t]+){{0,2}}[\w'’-]+)",
    re.IGNORECASE,
)


def _lead_words(text: str, sentence: Sentence) -> frozenset[str]:
    """The words of a definite noun phrase that opens a sentence ("The 74-metre vessel")."""
    lead = _LEAD.match(text, sentence.start, sentence.end)
    if lead is None:
        return frozenset()
    return frozenset(singular(w.lower()) for w in lead.group(1).split()
                     if len(w) > 2 and not w[:1].isdigit() and w.lower() not in _ARGUMENT_STOP)


_CALENDAR_DAY = lazy_compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_CALENDAR_WEEK = lazy_compile(r"(\d{4})-W(\d{2})\Z")
_CALENDAR_YEAR = lazy_compile(r"(\d{4})\Z")
# two dates of one event within this many days of each other are a slip, not two events
_SAME_STORY_DAYS = 62
_NEAR_TIME_OWNERS = frozenset(f"{counter} {unit}" for counter in _COREFERENCE.words("near_time_counters")
                              for unit in _COREFERENCE.words("near_time_units"))
# how many paragraphs after the opening one a story dates the act its opening sums up
_NEAR_LEDE_PARAGRAPHS = 2
# a mention dated in its own words this many days from every date of an event is another one
_ANOTHER_EVENT_DAYS = 400


def _first_day(value: str) -> dt.date | None:
    """The first day of a TIMEX3 date of a day, a month, a week or a year ("2024-06-05",
    "2024-06", "2024-W11", "2024"), else None."""
    week = _CALENDAR_WEEK.match(value)
    if week is not None:
        try:
            return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return None
    day = _CALENDAR_DAY.match(value)
    if day is None:
        year = _CALENDAR_YEAR.match(value)
        return dt.date(int(year.group(1)), 1, 1) if year is not None else None
    try:
        return dt.date(int(day.group(1)), int(day.group(2)), int(day.group(3) or 1))
    except ValueError:
        return None


_MONTH_VALUE = lazy_compile(r"\d{4}-(\d\d)")
_APPOSED_REACH = 30  # characters from a noun to a date set off after it


def days_apart(one: str, other: str) -> int | None:
    """Days between the first days of two TIMEX3 dates (see :func:`_first_day`), else None."""
    first, second = _first_day(one), _first_day(other)
    if first is None or second is None:
        return None
    return abs((first - second).days)


@attrs.frozen
class Uncounted:
    """A distance counted from an event the text had not dated to a day when it was read ("a
    fortnight after the closure"), kept for a later pass that may find the day."""

    reference: str
    subject: str
    count: int
    unit: int
    direction: str
    at: int
    span: Span
    to_the_day: bool


@attrs.frozen
class Built:
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()


# a time with a zone ("07:30 UTC", "23:30-08:00"); a day without a time
_ZONED = lazy_compile(r"T[\d:.]+(?P<zone>Z|[+-]\d\d(?::?\d\d)?)\Z")
_FLOATING_DAY = lazy_compile(r"\d{4}-\d\d-\d\d\Z")
_ZONE_SLACK = 14 * 3600  # the widest offset from UTC
_LOCAL_TIME_WORDS = r"[ \t]+".join(map(re.escape, _COREFERENCE.words("local_time")))
_LOCAL_TIME = lazy_compile(rf"\b{_LOCAL_TIME_WORDS}\b", re.IGNORECASE)
# ("landed in San Francisco at 10.05am local time": right after a time)
_LOCAL_TIME_AFTER = lazy_compile(rf"[ \t]+{_LOCAL_TIME_WORDS}\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _zone_names() -> tuple[re.Pattern[str], dict[str, int | None]]:
    """The zone names of the tagger's lexicon ("UTC", "PST", "Eastern time") as they stand in
    running text (abbreviations in capitals), and the offset of each (None for a zone whose
    offset changes with the season)."""
    words = {str(word): str(value) for word, value in load_resources("en").classes.get("zone", {}).items()}
    offsets = {word: None if value.startswith("tz:") else zone_seconds(value)
               for word, value in words.items()}
    forms = {word.upper() if " " not in word else word[:1].upper() + word[1:] for word in words}
    forms |= {" ".join(part.capitalize() for part in word.split()) for word in words if " " in word}
    return compile_kept(rf"(?<![\w-])(?:{trie_regex(forms)})(?![\w-])"), offsets


def day_of_clock(text: str, clock: Timex, day: Timex) -> bool:
    """Is ``day`` the day written right after the clock time ``clock``, that the tagger read it on
    ("at 6 a.m. on Monday 3 March", "5pm on Friday 16 May")?"""
    return (clock.type == "TIME" and clock.value.startswith(day.value + "T")
            and text[clock.end:day.start].strip(" ,\t") in ("", "on"))


def zones_named(text: str) -> set[int | None]:
    """The offsets of the zones ``text`` names anywhere ("Timeline (all times PST)")."""
    pattern, offsets = _zone_names()
    return {offsets.get(" ".join(m.group().lower().split())) for m in pattern.finditer(text)}


def zone_widened(claims: Sequence[Claim], timexes: Sequence[Timex] = (), text: str = "") -> list[Claim]:
    """``claims``, with the periods the text gives without a zone placed against those it gives
    with one. One zone named throughout ("paged at 14:19 … began at 14:05 UTC on Thursday 2
    November … ## Timeline (UTC)"): the writer's days and times are in it, and are shifted into
    it, exact to the day. Several zones, or "local time" ("failed on Thursday, 29 February … at
    23:30 Pacific time … the failure occurred at 07:30 UTC on Friday, 1 March"): a day is a day
    where the writer is, which may be any zone, so the days are widened by 14 hours either way.
    (Times of day without a zone then keep theirs: in one text they share one, "All times in
    PST", and their order to the minute counts.)"""
    zoned_claims = [zoned for claim in claims if isinstance(claim, TextPeriodClaim)
                    and (zoned := _ZONED.search(claim.period.value))]
    if not zoned_claims:
        return list(claims)
    zones: set[int | None] = {zone_seconds(zoned.group("zone")) for zoned in zoned_claims}
    zones |= {zone_seconds(zoned.group("zone")) for t in timexes if (zoned := _ZONED.search(t.value))}
    zones |= zones_named(text)
    if _LOCAL_TIME.search(text):
        zones.add(None)  # ("10:40 local time": a zone the text does not name)
    one_zone = next(iter(zones)) if len(zones) == 1 else None
    # ("landed in San Francisco at 10.05am local time": a time in a zone the text does not name)
    local = {t.value for t in timexes if t.type == "TIME" and _LOCAL_TIME_AFTER.match(text, t.end)}
    out: list[Claim] = []
    for claim in claims:
        if isinstance(claim, TextPeriodClaim) and not _ZONED.search(claim.period.value):
            period = claim.period
            if one_zone is not None:
                before, after = -one_zone, -one_zone
            elif _FLOATING_DAY.match(period.value) or period.value in local:
                before, after = -_ZONE_SLACK, _ZONE_SLACK
            else:
                before = after = 0
            if before or after:
                start = None if period.start is None else period.start + before
                end = None if period.end is None else period.end + after
                claim = attrs.evolve(claim, period=Period(start, end, period.value))
        out.append(claim)
    return out


# the claims that carry a grade
_Graded = TextPeriodClaim | TextGapClaim | TextDurationClaim | TextRelationClaim


def _weakened(claim: _Graded) -> _Graded:
    """``claim`` graded weak in its own right: not only through the links of its mentions."""
    if isinstance(claim, TextPeriodClaim | TextGapClaim | TextDurationClaim):
        return attrs.evolve(claim, grade=Grade.WEAK, components=())
    return attrs.evolve(claim, grade=Grade.WEAK)


class Builder:
    """The events and claims of one document so far, and what the steps look up in them."""

    def __init__(self, text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex],
                 dct: Period | None, options: ReadingOptions,
                 headings: Sequence[tuple[int, int]] = (), stories: Sequence[int] = ()) -> None:
        self.text = text
        # where the stories of a digest start (its datelines, "KILBRECK, March 10 –"): an event
        # of one story is never another's
        self.stories = sorted(stories)
        # the words of the document's headings: a headline restates what the story tells
        self.headings = tuple(sorted(headings))  # (a layout's headings never overlap)
        self._heading_starts = [start for start, _ in self.headings]
        # what the headings that a date opens scope ("## Sunday 20 December, 3pm — …"): the
        # sections of a programme or a diary, each of its own day
        self.dated_sections: tuple[tuple[int, int, Timex], ...] = ()
        # the days the document's datelines write ("OSLO, 5 April —"): a day the text itself gives
        self.dateline_days: frozenset[str] = frozenset()
        # the sentences that tell what an earlier piece said (chrono.text.corrections): its dates
        # are not the event's, so they neither join a mention to it nor tell it apart
        self.piece_said: tuple[tuple[int, int], ...] = ()
        # the words an editor put around a letter reprinted under the letter's date, written later
        # (chrono.text.letter_frame): what they tell as done is not bound to the document's date
        self.later_frame: tuple[tuple[int, int], ...] = ()
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.timexes = timexes
        self.timex_starts = [t.start for t in timexes]
        self.dct = dct
        self.options = options
        self.events: dict[str, Event] = {}
        self.by_trigger: dict[int, str] = {}
        self.claims: list[Claim] = []
        # "A after B" told by an order word: (B's endpoint, A's endpoint, the words), for
        # chrono.text.order.after_dated_ends once every date of the text is read
        self.ordered: list[tuple[Endpoint, Endpoint, Span]] = []
        # distances counted from an event undated when read (chrono.text.offsets), and the act
        # that starts each state with how sure that is (chrono.text.states)
        self.uncounted: list[Uncounted] = []
        self.state_starts: dict[str, tuple[str, Grade]] = {}
        self._periods_by_event: dict[str, list[str]] = {}  # (see _period_values)
        self._periods_indexed = 0
        self.problems: list[Problem] = []
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        # events dated by an expression, in text order: (offset, event id); the offsets again,
        # as a list to bisect and a set to test, so lookups need not scan every earlier date
        self.dated: list[tuple[int, str]] = []
        self.dated_offsets: list[int] = []
        self.dated_set: set[int] = set()
        # the offsets of the expressions that dated each event, in text order
        self.dated_at: dict[str, list[int]] = {}
        # where expressions placed the end of an event within them ("closed on 30 August"), in order
        self.ended: list[tuple[int, str]] = []
        self.ended_offsets: list[int] = []
        self.dct_claimed: set[str] = set()
        # (trigger offset, part) of the event mentions given a date: one date each
        self.dated_parts: set[tuple[int, Part]] = set()
        # the expression that dated each of them first (a second one in apposition dates it too)
        self.dated_by: dict[tuple[int, Part], Timex] = {}
        # the days set off after a distance that were counted back to its object ("… ten days after
        # the coach's exit, on 16 March"): the one reading of that distance
        self.counted_back: set[int] = set()
        self.tense: dict[str, str] = {}
        # named events in text order; they never overlap (one match per stretch of a sentence)
        self.named_spans: list[tuple[int, int, str]] = []
        self.named_starts: list[int] = []
        # the sentences read, by their start: precedence pairs look mentions up across them
        self.contexts: dict[int, SentenceContext] = {}
        self.context_starts: list[int] = []  # the keys of ``contexts``, in text order
        # the asserted mentions so far, in text order: what a later definite mention refers to
        self.mentions: list[Mention] = []
        # ... the same, by the story of a digest they are told in (its index among the stories)
        self.story_mentions: dict[int, list[Mention]] = {}
        self._openings: dict[int, int | None] = {}
        self.mention_at: dict[int, Mention] = {}  # by the start of its trigger
        # (name word, "birth"|"death") -> (all name words, event, the life date naming it)
        self.people: dict[tuple[str, str], list[tuple[frozenset[str], str, Trigger]]] = {}
        self.first_mentions: dict[int, Trigger] = {}  # where each mention's chain of links begins
        self.weakest_links: dict[int, Link | None] = {}  # the first uncertain link behind a mention
        # links from a later mention to the earlier one it refers back to, by the later one's offset
        self.links: dict[int, Link] = {}
        self.link_starts: list[int] = []
        self._labels: dict[str, frozenset[str]] = {}  # the dates that label each event word
        domain = options.domain_files
        self.vocabulary = Vocabulary(synonym_sets("same"), synonym_sets("related"),
                                     lambda trigger: names_verb_event(trigger, domain), general_words())

    def built(self) -> Built:
        claims = zone_widened(self.claims, self.timexes, self.text)
        return Built(tuple(self._with_mentions()), tuple(claims), tuple(self.problems))

    def _with_mentions(self) -> Iterator[Event]:
        """The events, each with the other words that name it (one event per chain of mentions)."""
        others: dict[str, list[Span]] = {}
        for offset, link in sorted(self.links.items()):
            event_id = self.by_trigger.get(offset)
            if event_id is None:
                continue
            certainty = "certain" if link.grade is Grade.STRONG else "uncertain"
            note = f"{link.why} ({certainty}); first named at {self.where(link.antecedent.start)}"
            mention = Span(link.mention.start, link.mention.end, "mention", note)
            others.setdefault(event_id, []).append(mention)
        for event_id, event in self.events.items():
            yield attrs.evolve(event, mentions=tuple(others.get(event_id, ())))

    # -- events ---------------------------------------------------------------------------------

    def where(self, offset: int) -> str:
        line = bisect.bisect_right(self.line_starts, offset)
        return f"{line}:{offset - self.line_starts[line - 1] + 1}"

    def event(self, trigger: Trigger, here: SentenceContext) -> str:
        """The id of the event ``trigger`` (a word of the sentence ``here``) names, made on first use."""
        known = self.by_trigger.get(trigger.start)
        if known is not None:
            return known
        link = (self.life_link(trigger) or self.refers_back(trigger, here) or self.restated(trigger, here)
                or self.retold(trigger, here) or self.once_retold(trigger, here)
                or self.owned_once_retold(trigger, here)
                or self.first_retold(trigger) or self.death_retold(trigger, here)
                or self.departure_retold(trigger, here) or self.arrival_retold(trigger, here))
        if link is not None:
            event_id = self.by_trigger.get(link.antecedent.start) or self.event(
                link.antecedent, self.context_of(link.antecedent) or here
            )
            self.by_trigger[trigger.start] = event_id
            return event_id
        same = self._same_act_set_off(trigger, here)
        if same is not None:
            event_id = self.event(same, here)
            self.by_trigger[trigger.start] = event_id
            return event_id
        partner = verb_object(self.text, trigger, here.triggers)
        if partner is not None:
            if trigger.pos == "noun":
                shared = self.event(partner, here)
                self.by_trigger[trigger.start] = shared
                return shared
            known = self.by_trigger.get(partner.start) or self._object_told_before(partner, here)
            if known is not None:
                self.by_trigger[trigger.start] = known
                return known
        named = self.named_at(trigger.start)
        if named is not None:
            self.by_trigger[trigger.start] = named
            return named
        event_id = f"'{' '.join(trigger.text.split())}' ({self.where(trigger.start)})"
        span = Span(trigger.start, trigger.end, "event")
        self.events[event_id] = Event(event_id, trigger.text, span, None, trigger.event_class)
        self.claims.append(EventExists(event_id, span))
        self.by_trigger[trigger.start] = event_id
        self.tense[event_id] = trigger.tense
        return event_id

    def _same_act_set_off(self, trigger: Trigger, here: SentenceContext) -> Trigger | None:
        """"The mayor cut the ribbon on Saturday 7 June, opening the new pavilion": a participle
        set off by a comma after a verb of its sentence that tells the same act (its lemma) is
        that act told again."""
        forms = lexicon().forms.get(trigger.text.lower(), ())
        if not any(pos == "verb" and kind == "ing" and lemma == trigger.lemma
                   for lemma, _, pos, kind in forms):
            return None
        before = [t for t in here.triggers
                  if t.end <= trigger.start and t.pos == "verb" and t.lemma == trigger.lemma]
        if not before or not _SET_OFF_BEFORE.fullmatch(self.text, before[-1].end, trigger.start):
            return None
        return before[-1]

    def state(self, start: int, end: int) -> str:
        """The id of a state the words ``[start, end)`` tell without an event word ("has been
        open since March"), made on first use."""
        words = " ".join(self.text[start:end].split())
        event_id = f"'{words}' ({self.where(start)})"
        if event_id not in self.events:
            span = Span(start, end, "event")
            self.events[event_id] = Event(event_id, words, span, None, "state")
            self.claims.append(EventExists(event_id, span))
            self.tense[event_id] = PERFECT
        return event_id

    def mention(self, sentence: Sentence, trigger: Trigger) -> None:
        """Record an asserted mention, which later definite mentions may refer back to."""
        told = mention_of(self.text, trigger, sentence, planned=is_planned(self.text, trigger))
        self.mentions.append(told)
        self.story_mentions.setdefault(self._story_of(trigger.start), []).append(told)
        self.mention_at[trigger.start] = told

    def add_context(self, here: SentenceContext) -> None:
        """Keep a sentence's reading (sentences come in text order)."""
        self.contexts[here.sentence.start] = here
        self.context_starts.append(here.sentence.start)

    def dated_events(self) -> set[str]:
        """The events the text dates so far: by a date of their own, or by a claim on the
        calendar other than the document-date bound of a past event ("since 3 March" included)."""
        return set(self.dated_at) | {c.event for c in self.claims if isinstance(c, TextPeriodClaim)
                                     and c.conflict_kind is not ConflictKind.AFTER_DCT}

    def told_again(self, trigger: Trigger, sentence: Sentence) -> bool:
        """Do the words around ``trigger`` say it is another such act ("raised prices again",
        "opened its doors again", "once more closed")?"""
        return _AGAIN.search(self.text, trigger.start, min(sentence.end, trigger.end + 60)) is not None or (
            _AGAIN.search(self.text, max(sentence.start, trigger.start - 20), trigger.start) is not None
        )

    def _named_life_link(self, noun: Trigger, here: SentenceContext) -> tuple[bool, Link | None]:
        """"shortly after Claire's birth", "the death of Tom": whether the noun names whose it
        is, and the birth or death of that person told before (None: none, or several)."""
        text = self.text
        owner = _OWNER_BEFORE.search(text, max(here.sentence.start, noun.start - 40), noun.start)
        of_name = _OF_NAME_AFTER.match(text, noun.end, here.sentence.end) if owner is None else None
        name = owner.group(1) if owner is not None else of_name.group(1) if of_name is not None else None
        if name is None or name in _NOT_OWNERS:
            return False, None
        told = [m for m in self._told_before(noun.start, noun.start)
                if m.trigger.event_class == noun.event_class and m.trigger.start != noun.start
                and _last_name(text, max(m.sentence_start, m.trigger.start - 40), m.trigger.start) == name]
        events = {self._first_mention(m.trigger).start for m in told}
        if len(events) != 1:
            return True, None
        link = Link(noun, told[-1].trigger, Grade.STRONG, f"the {noun.event_class} of {name}, told before")
        return True, self._kept(link)

    def _lead_life_link(self, noun: Trigger, here: SentenceContext, mention: Mention) -> Link | None:
        """"Harold Penge … died at home on 4 October. … ¶ In the week before his death on 6
        October, Mr Penge was still writing": "his death", in a sentence (or after one) that
        names the person whose death the story's opening paragraph told first, is that death,
        whatever other deaths (his wife's in 1999) came between."""
        if mention.pronoun_owner is None:
            return None
        told = [m for m in self._told_before(noun.start, noun.start)
                if m.trigger.event_class == noun.event_class and m.trigger.start != noun.start]
        if not told:
            return None
        first = told[0]
        opening = self.opening_paragraph(noun.start)
        if opening is None or first.paragraph != opening:
            return None
        named = _SENTENCE_NAME.match(self.text, first.sentence_start)
        if named is None:
            return None
        # (or, with no pronoun there, the sex of the given name the opening names her by: "Edith
        # Marram, who has died aged 92, … until his death in 2009")
        told_of = self._opening_pronoun(opening, first.trigger.start) or _pronoun_of_name(named.group(1))
        if told_of is not None and told_of != mention.pronoun_owner:
            return None  # "died Sunday … She was 84" … "until his death in the autumn of 1988"
        surname = named.group(1).split()[-1]
        previous = self.context_before(here)
        lo = previous.sentence.start if previous is not None and (
            previous.sentence.paragraph == here.sentence.paragraph) else here.sentence.start
        why = f"the {noun.event_class} of {surname}, told first"
        if re.search(rf"\b{re.escape(surname)}\b", self.text[lo:here.sentence.end]) is None:
            # ("Ruby Delacroix … died on 3 January … Her first husband, the drummer Len Pascoe, died
            # in 1966 … ¶ Since her death on 5 January": not named near, but every other such
            # event told is of someone of the other sex)
            sex = _PRONOUN_SEXES.get(mention.pronoun_owner)
            if told_of is None or sex is None or not all(
                (other_sex := subject_sex(self.text, other.sentence_start, other.trigger.start)) is not None
                and other_sex != sex for other in told[1:]
            ):
                return None
            why = f"the {noun.event_class} of {surname}, told first, the only one told of a {sex} person"
        link = Link(noun, first.trigger, Grade.STRONG, why)
        own = _own_date(self.text, noun, here.timexes)
        if own is not None and _WRITTEN_YEAR.search(own.text) is None and self._far_from_told(link, own):
            # "… his wife died in 1990. ¶ … before his death on 4 May": a year the tagger took from
            # the story, years from the death told: which year is meant is a doubt
            link = attrs.evolve(link, grade=Grade.WEAK, why=f"{link.why}, its year taken from the story")
        return self._kept(link)

    def _acts_again(self, noun: Trigger, here: SentenceContext) -> bool:
        """Is ``noun`` the subject of a verb told as done again ("The same alert fired a second
        time"): another such event, not the one told before?"""
        verb = next((t for t in here.triggers if t.start >= noun.end), None)
        return verb is not None and verb.pos == "verb" and (
            words_between(self.text, noun.end, verb.start) <= 2
        ) and _AGAIN_AFTER_VERB.match(self.text, verb.end) is not None

    def context_at(self, offset: int) -> SentenceContext | None:
        """The sentence read at ``offset``, if any."""
        i = bisect.bisect_right(self.context_starts, offset) - 1
        if i < 0:
            return None
        here = self.contexts[self.context_starts[i]]
        return here if offset < here.sentence.end else None

    def context_before(self, here: SentenceContext) -> SentenceContext | None:
        """The sentence read right before ``here``, if any."""
        i = bisect.bisect_left(self.context_starts, here.sentence.start) - 1
        return self.contexts[self.context_starts[i]] if i >= 0 else None

    def context_of(self, trigger: Trigger) -> SentenceContext | None:
        """The sentence ``trigger`` stands in (read by then)."""
        told = self.mention_at.get(trigger.start)
        return self.contexts.get(told.sentence_start) if told is not None else None

    def person(self, names: frozenset[str], kind: str, event_id: str, dated_by: Trigger) -> None:
        """Register the birth or death (``kind``) of the person whose name words are ``names``,
        as the event ``event_id`` its life dates (``dated_by``) name."""
        self.by_trigger[dated_by.start] = event_id
        for name in names:
            self.people.setdefault((name, kind), []).append((names, event_id, dated_by))

    def life_link(self, trigger: Trigger) -> Link | None:
        """"In 1955, Maria died": the birth or death of a person named before with life dates
        ("Maria Nys (1899–1955)"), when the name words all belong to exactly one such person."""
        if trigger.event_class not in ("birth", "death") or not self.people:
            return None
        known = self.links.get(trigger.start)
        if known is not None:
            return known
        subject = _NAME_SUBJECT.search(self.text, max(0, trigger.start - 60), trigger.start)
        if subject is None:
            return None
        words = frozenset(w.lower() for w in subject.group(1).split())
        found = {event_id: (names, dated_by) for word in words
                 for names, event_id, dated_by in self.people.get((word, trigger.event_class), ())
                 if words <= names}
        if len(found) != 1:
            return None  # no such person, or several with that name
        ((_, (_, dated_by)),) = found.items()
        link = Link(trigger, dated_by, Grade.STRONG, "the same person's, in the life dates after the name")
        return self._kept(link)

    def in_heading(self, offset: int) -> bool:
        index = bisect.bisect_right(self._heading_starts, offset) - 1
        return index >= 0 and offset < self.headings[index][1]

    def day_event(self, timex: Timex) -> tuple[str, bool]:
        """The event of what a sentence with no event word tells on ``timex`` ("On its final
        morning, Saturday 11 March, the queue stretched …"), and whether it was made now."""
        event_id = f"what the sentence tells on “{' '.join(timex.text.split())}” ({self.where(timex.start)})"
        if event_id in self.events:
            return event_id, False
        where = Span(timex.start, timex.end, "event")
        self.events[event_id] = Event(event_id, timex.text, where, None, "occurrence")
        self.claims.append(EventExists(event_id, where))
        return event_id, True

    def _story_of(self, offset: int) -> int:
        """The index of the story of a digest that offset ``offset`` lies in."""
        return bisect.bisect_right(self.stories, offset)

    def same_story(self, one: int, other: int) -> bool:
        """Do offsets ``one`` and ``other`` lie in the same story of a digest (or in a text that
        is one story)?"""
        return self._story_of(one) == self._story_of(other)

    def _told_before(self, before: int, at: int) -> Iterator[Mention]:
        """The mentions read before offset ``before`` in the story of offset ``at`` (a digest's
        other stories tell other events)."""
        told = self.story_mentions.get(self._story_of(at), [])
        return (m for m in told if m.trigger.start < before)

    def same_paragraph(self, one: Trigger, other: Trigger) -> bool:
        first, second = self.mention_at.get(one.start), self.mention_at.get(other.start)
        return first is not None and second is not None and first.paragraph == second.paragraph

    def same_event(self, one: Trigger, other: Trigger) -> bool:
        """Are two earlier mentions read as one event (through the links they refer back by)?"""
        known = self.by_trigger.get(one.start)
        if known is not None and known == self.by_trigger.get(other.start):
            return True
        for first, second in ((one, other), (other, one)):
            told = self.context_of(second)
            same = self._same_act_set_off(second, told) if told is not None else None
            if same is not None and same.start == first.start:
                return True  # "cut the ribbon on Saturday 7 June, opening the new pavilion"
        return self._first_mention(one).start == self._first_mention(other).start

    def _surely_same(self, one: Trigger, other: Trigger) -> bool:
        """Do sure links lead from the later of two earlier mentions back to the other?"""
        later, first = (one, other) if one.start > other.start else (other, one)
        seen: set[int] = set()
        while later.start not in seen:
            seen.add(later.start)
            link = self.links.get(later.start)
            if link is None or link.grade is not Grade.STRONG:
                return False
            if link.antecedent.start == first.start:
                return True
            later = link.antecedent
        return False

    def _no_rival(self, one: Trigger, other: Trigger) -> bool:
        """Are two earlier mentions no rivals as what a later one refers to: one event, or one of
        them in a heading ("# Mayors sign pact after tense summit" restates the story's summit)?"""
        return self.in_heading(one.start) or self.in_heading(other.start) or self.same_event(one, other) or (
            self._lede_retold(one, other))

    def opening_paragraph(self, offset: int) -> int | None:
        """The paragraph of the first sentence outside a heading of the story of ``offset``."""
        story = self._story_of(offset)
        if story not in self._openings:
            self._openings[story] = next((s.paragraph for s in self.sentences if not self.in_heading(s.start)
                                          and not self._title_line(s.start)
                                          and self._story_of(s.start) == story), None)
        return self._openings[story]

    def _title_line(self, offset: int) -> bool:
        """Is ``offset`` on a short line of its own with no full stop at its end, a title over the
        story ("**Clockmaker who kept a town on time for half a century**"), not its opening?"""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        end = end if end != -1 else len(self.text)
        alone = self.text.startswith("\n", end) or end == len(self.text)
        return alone and _TITLE_LINE.fullmatch(self.text, start, end) is not None

    def _lede_retold(self, one: Trigger, other: Trigger) -> bool:
        """Does the opening paragraph tell, undated, the act a verb of the same word dates in one
        of the next two ("councillors voted to close it. ¶ The cabinet voted 6–3 on Monday 8
        April to shut the branch"): a news story's lede sums up the event it then tells?"""
        first, second = sorted((one, other), key=lambda t: t.start)
        if second.pos == "noun":
            # ("the September reopening", which refers back to the dated verb)
            second = self._first_mention(second)
        if first.lemma != second.lemma or first.pos != "verb" or second.pos != "verb" or (
            first.tense not in TOLD_AS_PAST or second.tense not in TOLD_AS_PAST
        ):
            return False
        told_first, told_second = self.mention_at.get(first.start), self.mention_at.get(second.start)
        if told_first is None or told_second is None:
            return False
        opening = self.opening_paragraph(first.start)
        if opening is None or told_first.paragraph != opening or not (
            0 < told_second.paragraph - told_first.paragraph <= _NEAR_LEDE_PARAGRAPHS
        ):
            return False
        return (self.by_trigger.get(first.start) not in self.dated_at
                and self.by_trigger.get(second.start) in self.dated_at)

    def _link_back(self, trigger: Trigger) -> Link | None:
        """The link ``trigger`` refers back by, read now if it was not yet (so that what a walk
        along a chain remembers holds later)."""
        known = self.links.get(trigger.start)
        if known is not None:
            return known
        here = self.context_of(trigger)
        return self.refers_back(trigger, here) if here is not None else None

    def _first_mention(self, trigger: Trigger) -> Trigger:
        """The mention a chain of links from ``trigger`` leads back to (remembered for every
        mention on the way: a story that tells one vote a thousand times walks it once)."""
        path: list[int] = []
        root = trigger
        while True:
            known = self.first_mentions.get(root.start)
            if known is not None:
                root = known
                break
            path.append(root.start)
            link = self._link_back(root)
            if link is None or link.antecedent.start in path:
                break
            root = link.antecedent
        for start in path:
            self.first_mentions[start] = root
        return root

    def _ordered_pair(self, earlier: Trigger, trigger: Trigger, here: SentenceContext) -> bool:
        """Do an order word and nothing else of note stand between ``earlier`` and ``trigger`` in
        one sentence ("the purchase of two ferries followed the sale": one comes after the other;
        not "rejected the offer, and talks reopened after that rejection")?"""
        if earlier.start < here.sentence.start:
            return False
        order = _ORDERED_BETWEEN.search(self.text, earlier.end, trigger.start)
        return order is not None and "," not in self.text[earlier.end:order.start()] and not any(
            earlier.end <= t.start < order.start() for t in here.triggers)

    def refers_back(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """The link of a definite event noun to the earlier mention of its event, if any."""
        known = self.links.get(trigger.start)
        if known is not None:
            return known
        if trigger.pos != "noun" or trigger.event_class == "named":
            return None
        if self._acts_again(trigger, here):
            return None  # "The same alert fired a second time at 10:15": another firing
        mention = mention_of(self.text, trigger, here.sentence, planned=is_planned(self.text, trigger))
        if trigger.event_class in _LIFE_CLASSES:
            names_someone, named = self._named_life_link(trigger, here)
            if names_someone:
                return named
            lead = self._lead_life_link(trigger, here, mention)
            if lead is not None:
                return lead
        # (every mention read so far of its story: the link itself passes over the later ones)
        earlier = list(self.story_mentions.get(self._story_of(trigger.start), []))
        link = antecedent_link(mention, earlier, self.vocabulary, self._no_rival, self._surely_same)
        if link is not None and self._ordered_pair(link.antecedent, trigger, here):
            link = None  # "the purchase of two ferries followed the sale of its vessels": two events in order
        # "began the purchase in May … completed the purchase in August": the dates of its ends
        phase = link is not None and self.same_paragraph(link.antecedent, trigger) and (
            phase_of(self.text, trigger, here.triggers, here.cuts) is not None
        )
        own = _own_date(self.text, trigger, here.timexes) if link is not None else None
        if link is not None and own is not None and self._dated_as_another(link, mention, own, here, phase):
            link = None
        if link is not None and link.grade is Grade.STRONG and not phase and own is not None and (
            not self._close_to_told(link, mention, own, here.sentence)
            and not self._first_dated(link, mention)
        ):
            # "the 1997 elections" after "the elections of 1991": a mention dated in its own words
            # may well be another event of the same kind
            link = attrs.evolve(link, grade=Grade.WEAK, why=f"{link.why}, dated in its own words")
        if link is not None and trigger.event_class in _LIFE_CLASSES and self._another_sex(link, mention):
            link = None  # "died Friday, April 4. She was 86. … until his death in 1984": his, not hers
        if link is not None and link.grade is Grade.STRONG and self._sections_apart(link.antecedent, trigger):
            # "## Sunday 20 December — … A family concert lasting 70 minutes … ## Thursday 31
            # December — … The concert lasts three hours": each dated section tells its own day
            link = attrs.evolve(link, grade=Grade.WEAK, why=f"{link.why}, under another dated heading")
        if link is not None:
            self._kept(link)
        return link

    def _another_sex(self, link: Link, mention: Mention) -> bool:
        """Does the possessive pronoun of the mention ("his death") name another sex than the
        first subject pronoun told after the birth or death it would refer to, in its paragraph
        ("… died Friday, April 4. She was 86.")?"""
        told = self.mention_at.get(link.antecedent.start)
        if mention.pronoun_owner is None or told is None:
            return False
        subject = told.subject_pronoun
        if subject is None:
            # (a name: the pronoun that opens the next sentence of its paragraph stands for it)
            following = self._sentence_from(link.antecedent.end)
            opener = _OPENING_PRONOUN.match(self.text, following.start) if following is not None and (
                following.paragraph == told.paragraph) else None
            subject = opener.group(1).lower() if opener is not None else None
        if subject is None:
            # ("Edith Marram, who has died aged 92, … ¶ … until his death in 2009": the sex of the
            # given name the sentence of the death opens with)
            name = _SENTENCE_NAME.match(self.text, told.sentence_start)
            subject = _pronoun_of_name(name.group(1)) if name is not None else None
        return subject is not None and subject != mention.pronoun_owner

    def sentence_before(self, sentence: Sentence) -> Sentence | None:
        """The sentence right before ``sentence``, if any."""
        at = bisect.bisect_left(self.sentence_starts, sentence.start)
        return self.sentences[at - 1] if at > 0 else None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset``, if any."""
        at = bisect.bisect_right(self.sentence_starts, offset) - 1
        sentence = self.sentences[at] if at >= 0 else None
        return sentence if sentence is not None and offset < sentence.end else None

    def _sentence_from(self, offset: int) -> Sentence | None:
        """The first sentence that starts at or after ``offset``, if any."""
        at = bisect.bisect_left(self.sentence_starts, offset)
        return self.sentences[at] if at < len(self.sentences) else None

    def _section_of(self, offset: int) -> int:
        """The index of the innermost dated heading whose section holds ``offset`` (-1: none)."""
        inside = [i for i, (start, end, _) in enumerate(self.dated_sections) if start <= offset < end]
        return inside[-1] if inside else -1

    def section_day(self, offset: int) -> Timex | None:
        """The day of the innermost dated heading whose section holds ``offset`` (an archive
        column's "**25 years ago — Saturday, 10 July 1999**"), if any."""
        at = self._section_of(offset)
        return self.dated_sections[at][2] if at >= 0 else None

    def _sections_apart(self, one: Trigger, other: Trigger) -> bool:
        """Do two mentions stand under different headings that a date opens?"""
        first, second = self._section_of(one.start), self._section_of(other.start)
        return first != second and first >= 0 and second >= 0

    def _object_told_before(self, noun: Trigger, here: SentenceContext) -> str | None:
        """The event an object noun surely refers back to, read before the noun itself ("The
        warning followed … The company issued the warning on 11 April": the issuing is the
        warning told before, and its date that warning's). A doubtful link leaves the verb its
        own event: its date would otherwise hold as surely as the verb's."""
        link = self.refers_back(noun, here) if noun.pos == "noun" else None
        if link is None or link.grade is not Grade.STRONG:
            return None
        return self.by_trigger.get(link.antecedent.start)

    def _event_of_told(self, told: Trigger) -> str | None:
        """The event of a mention told before, if it has one yet ("won the by-election on 11 July":
        the object noun is the verb's event)."""
        known = self.by_trigger.get(told.start)
        if known is not None:
            return known
        # (looked up, not made: reading a mention's event here would link it out of text order)
        context = self.context_of(told)
        same = self._same_act_set_off(told, context) if context is not None else None
        if same is not None:
            return self.by_trigger.get(same.start)  # "cut the ribbon on 7 June, opening the pavilion"
        partner = verb_object(self.text, told, context.triggers) if context is not None else None
        return self.by_trigger.get(partner.start) if partner is not None else None

    def _dated_as_another(self, link: Link, mention: Mention, own: Timex, here: SentenceContext,
                          phase: bool) -> bool:
        """Does the date in a mention's own words make it another event than the one it would
        refer back to?"""
        # "## The January flood … ## The February flood", "after the 2014 flood": where a story
        # labels events of one word by several months or years, a label names its own
        if len(self.labels(mention.trigger.lemma)) > 1:
            return True
        # "Monday's fire" after "the 2019 fire": each dated in its own words, years apart
        if self._labelled_apart(link, own):
            return True
        # "The March vote, held on Thursday 14 March, was lost" after "voted … on Tuesday 9
        # April": labelled by its month and dated to the day in that month, not the told one's
        if self._own_month_apart(link, mention, own, here):
            return True
        # "the 2019 fire" after a fire told on 8 October of this year (not a phase of the event:
        # "completed the purchase in August")
        if phase:
            return False
        return self._far_from_told(link, own) or self._of_another_year(link, mention, own, here)

    def _own_month_apart(self, link: Link, mention: Mention, own: Timex, here: SentenceContext) -> bool:
        """Is the mention labelled by a month ("the March vote") and dated to a day of it right
        after ("…, held on Thursday 14 March,"), and every date told of the event it would refer
        to a day of another month?"""
        labelled = _MONTH_VALUE.fullmatch(own.value)
        if labelled is None or own.end > mention.trigger.start:
            return False
        label = int(labelled.group(1))
        trigger = mention.trigger
        days = [_DAY_VALUE.match(t.value) for t in here.timexes
                if trigger.end <= t.start <= trigger.end + _APPOSED_REACH]
        if not any(day is not None and int(day.group(2)) == label for day in days):
            return False
        told = [_DAY_VALUE.match(value) for value in self.told_values(link)]
        return bool(told) and all(t is not None and int(t.group(2)) != label for t in told)

    def _labelled_apart(self, link: Link, own: Timex) -> bool:
        """Is the earlier mention dated in its own words too, more than a year from this one's?"""
        told = self.context_of(link.antecedent)
        theirs = _own_date(self.text, link.antecedent, told.timexes) if told is not None else None
        days = days_apart(theirs.value, own.value) if theirs is not None else None
        return days is not None and days > _ANOTHER_EVENT_DAYS

    def _far_from_told(self, link: Link, own: Timex) -> bool:
        """Is a mention's own date more than a year from every date told of the event it would
        refer to (and is there one)?"""
        known = self._days_from_told(link, own)
        return bool(known) and min(known) > _ANOTHER_EVENT_DAYS

    def _close_to_told(self, link: Link, mention: Mention, own: Timex, sentence: Sentence) -> bool:
        """"the June 16 referendum" after "the referendum of 9 June": an event that a story does
        not tell twice (not a meeting, a hearing, a match …) dated in its own words within weeks
        of the date told before is the same event, dated twice. So is "the March vote" after the
        only vote a story tells ("voted 7–4 on Tuesday 8 April"), when nothing in its sentence
        speaks of another ("reversing the March vote")."""
        trigger = mention.trigger
        labelled = trigger.lemma in _LABELLED and link.antecedent.lemma in _LABELLED and (
            _OTHER_EVENT.search(self.text, sentence.start, sentence.end) is None
        ) and not mention.qualified_after and len(self.labels(*_LABELLED)) == 1
        # "who abstained in last month's vote" after the one vote told ("voted 7–4 on Tuesday 9
        # April"): a time counted from now owns it, and nothing after it says which other one
        owned_now = (mention.time_owner in _NEAR_TIME_OWNERS and own.anchor == "DCT"
                     and own.end <= trigger.start and not mention.qualified_after)
        recurring = trigger.lemma in _RECURRING or link.antecedent.lemma in _RECURRING
        if recurring and not (labelled or owned_now):
            return False
        return any(days <= _SAME_STORY_DAYS for days in self._days_from_told(link, own))

    def _first_dated(self, link: Link, mention: Mention) -> bool:
        """Is the mention's own date the first told of an event introduced ("a …"), undated, in
        its paragraph or the one before ("after a marathon three-hour meeting of the committee. ¶ The
        meeting, on Tuesday evening, opened at 7pm"): no other date for it to be another event's."""
        told = self.mention_at.get(link.antecedent.start)
        return told is not None and told.introduced and mention.paragraph - told.paragraph in (0, 1) and (
            not self.told_values(link))

    def labels(self, *lemmas: str) -> frozenset[str]:
        """The months and years the text labels events of these words by ("## The January flood
        … ## The February flood": two floods; "the 2014 flood")."""
        found: set[str] = set()
        for lemma in lemmas:
            if lemma not in self._labels:
                # (the word first, then its label around it: a pattern that opens with the
                # label would be tried at every position of the text)
                word = re.compile(rf"\b{re.escape(lemma)}(?:s|es)?\b", re.IGNORECASE)
                labels: set[str] = set()
                for m in word.finditer(self.text):
                    label = _LABEL_BEFORE_WORD.search(self.text, max(0, m.start() - 60), m.start()) or (
                        _LABEL_AFTER_WORD.match(self.text, m.end()))
                    if label is not None:
                        labels.add(label.group(1).lower())
                self._labels[lemma] = frozenset(labels)
            found |= self._labels[lemma]
        return frozenset(found)

    def _days_from_told(self, link: Link, own: Timex) -> list[int]:
        """The days between a mention's own date and each date told of the event it would refer
        to: the expressions that placed it, and the periods of its claims ("broke out shortly
        before 4 a.m. on Thursday, 12 September" bounds it)."""
        days = (days_apart(value, own.value) for value in self.told_values(link))
        return [day for day in days if day is not None]

    def told_values(self, link: Link, *, written: bool = False) -> list[str]:
        """The dates told of the event a link leads to (TIMEX3 values); ``written``: only those
        of the expressions that date it, not the periods its claims give."""
        event_id = self._event_of_told(link.antecedent)
        if event_id is None:
            # "It was the only vote the committee has taken": a mention that is no event of its
            # own names the one its chain begins with
            event_id = self._event_of_told(self._first_mention(link.antecedent))
        if event_id is None:
            return []
        values = self.dated_values(event_id, own=True)
        return values if written else values + self._period_values(event_id)

    def dated_values(self, event_id: str, *, own: bool = False) -> list[str]:
        """The values of the expressions that date ``event_id``; ``own``: not those of what an
        earlier piece said (:attr:`piece_said`)."""
        return [self.timexes[i].value for offset in self.dated_at.get(event_id, ())
                if (i := self._timex_at(offset)) is not None and not (own and self._in_piece_said(offset))]

    def _in_piece_said(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.piece_said)

    def _of_another_year(self, link: Link, mention: Mention, own: Timex, here: SentenceContext) -> bool:
        """"last year's campaign, which ran from 4 March to 29 March 2024" after "The campaign
        began on Friday 3 January" (2025): a possessive year that holds none of the days told of
        the event, and that the sentence goes on to date in that year, is another one's (but
        "last year's fire" alone may be the story's fire, misdated; so may a label, "the 2019
        takeover")."""
        if mention.time_owner is None or not _CALENDAR_YEAR.match(own.value):
            return False
        if not any(t.start > mention.trigger.end and t.value[:4] == own.value and _DAY_VALUE.match(t.value)
                   for t in here.timexes):
            return False
        years = {value[:4] for value in self.told_values(link) if _DAY_VALUE.match(value)}
        return bool(years) and own.value not in years

    def drop_claims(self, keep: Callable[[Claim], bool]) -> None:
        """Keep only the claims ``keep`` accepts (and read the index of their periods anew)."""
        self.claims[:] = [claim for claim in self.claims if keep(claim)]
        self._reindex_periods()

    def weaken_claims(self, weaken: Callable[[Claim], bool]) -> None:
        """Grade weak the claims ``weaken`` picks, in their own right (a conflict through them is a
        warning at most, whatever links they were read through)."""
        self.claims[:] = [
            _weakened(claim) if isinstance(claim, _Graded) and weaken(claim) else claim
            for claim in self.claims
        ]
        self._reindex_periods()

    def _reindex_periods(self) -> None:
        """Read the index of the claims' periods anew (the claims were replaced, not added to)."""
        self._periods_by_event.clear()
        self._periods_indexed = 0

    def _period_values(self, event_id: str) -> list[str]:
        """The values of the periods the claims so far give ``event_id`` (an index kept up with
        the claims as they grow, so that asking costs no walk over all of them)."""
        for claim in self.claims[self._periods_indexed:]:
            if isinstance(claim, TextPeriodClaim) and claim.period.value and not self._in_piece_said(
                claim.span.start
            ):
                self._periods_by_event.setdefault(claim.event, []).append(claim.period.value)
        self._periods_indexed = len(self.claims)
        return self._periods_by_event.get(event_id, [])

    def retold(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """"the team first rolled back deploy 4471" after the log line "14:35 — Deploy 4471
        rolled back": a past verb told once before in another paragraph, of the same things
        (a name or a number, or two words of what it is about, in common), is that event told
        again. Only when the text tells that act once before."""
        if trigger.pos != "verb" or trigger.tense not in TOLD_AS_PAST or trigger.event_class in (
            "reporting", "causal", "begin", "end"
        ):
            return None
        # "ten days after the cracks were discovered": a clause an order word governs names an
        # act told before, whatever the sentence's own date is of
        lo = max(here.sentence.start, trigger.start - 60)
        governed = GOVERNED_CLAUSE.search(self.text, lo, trigger.start)
        own_dates = [t for t in here.timexes
                     if t.type in ("DATE", "TIME") and not self._dates_another_clause(trigger, t, here)]
        if governed is None and own_dates:
            return None  # (a sentence with a date of its own may tell another such act)
        if self.told_again(trigger, here.sentence):
            return None  # "raised prices again": another such act
        line_start = self.text.rfind("\n", 0, here.sentence.start) + 1
        if _LIST_LINE.match(self.text, line_start):
            return None  # a list's lines are the acts themselves, one each
        earlier = [m for m in self._told_before(here.sentence.start, trigger.start)
                   if m.trigger.pos == "verb" and m.trigger.lemma == trigger.lemma]
        if not earlier and governed is not None:
            # "reopened on Wednesday 7 June, three weeks after it closed" after "The lane was shut
            # on Wednesday 10 May": a verb of the same act, told once before
            same_act = SAME_ACT_VERBS.get(trigger.lemma, frozenset())
            earlier = [m for m in self._told_before(here.sentence.start, trigger.start)
                       if m.trigger.pos == "verb" and m.trigger.lemma in same_act]
        if not earlier and governed is not None:
            # "a few days before the committee met" after "voted … at a virtual meeting on 4
            # November": the one meeting told, named by its noun (not the first word of a compound:
            # "since the library opened in 1889" after "an opening ceremony at 10am")
            earlier = [m for m in self._told_before(here.sentence.start, trigger.start)
                       if m.trigger.pos == "noun" and m.trigger.lemma == trigger.lemma and not m.planned
                       and not self._modifier_noun(m)]
        if len(earlier) > 1 and governed is not None and governed.group(1) is not None:
            # "since the branch closed on 22 June" after "The branch closed after business on
            # Saturday 29 June" and "The upper floor, which was closed to …": the one told of
            # the thing the clause names
            named_thing = singular(governed.group(1).lower())
            earlier = [m for m in earlier if (told_here := self.contexts.get(m.sentence_start)) is not None
                       and self._subject_of(told_here, m.trigger) == named_thing]
        if len(earlier) != 1 or (earlier[0].paragraph == here.sentence.paragraph and governed is None):
            return None
        told = earlier[0]
        context = self.contexts.get(told.sentence_start)
        if context is None:
            return None
        if governed is not None and governed.group(2) is not None and _number_clash(
            self.text, governed.group(2), context.sentence.start, told.trigger.start
        ):
            return None  # "When the uncle retired in 1971 … until they retired in 2008": others
        mine = words_near(self.text, here.sentence, trigger)
        theirs = words_near(self.text, context.sentence, told.trigger, whole=told.trigger.pos == "noun")
        # (not the words of their dates: "on 3 March 2025" and "on 5 March 2025" share no act;
        # but one day and month told in other years is one act with a slip in the year: "opened
        # the shop on 3 June 1987" … "first opened its doors on 3 June 1978")
        dated_words = {w.lower() for t in (*here.timexes, *context.timexes) for w in _TOKEN.findall(t.text)}
        shared = set(mine & theirs) - dated_words
        days = {t.value[4:10] for t in here.timexes if _FULL_DAY.fullmatch(t.value)}
        if days & {t.value[4:10] for t in context.timexes if _FULL_DAY.fullmatch(t.value)}:
            shared.add("the same day of the year")
        subject = _DEFINITE_SUBJECT.search(
            self.text, max(here.sentence.start, trigger.start - 40), trigger.start
        )
        # "the alert fired"
        named = subject is not None and _names_thing(singular(subject.group(1).lower()), theirs)
        named = named or (governed is not None and governed.group(1) is not None
                          and _names_thing(singular(governed.group(1).lower()), theirs))
        # "four days after she was reported missing" after "She was reported missing on …": the
        # same pronoun as the subject of the act told
        named = named or (governed is not None and governed.group(2) is not None and re.search(
            rf"\b{governed.group(2)}\s+(?:\w+\s+){{0,2}}\Z",
            self.text[context.sentence.start:told.trigger.start], re.IGNORECASE) is not None)
        # "The vessel was pulled free on 3 May, four days after it ran aground" after "The
        # 74-metre vessel, carrying 112 passengers, ran aground …": the pronoun's sentence and
        # the act's open with the same thing
        # "before the builders had handed over the building" after "Contractors handed over the
        # finished building … on 29 October": the same object
        mine_object = _object_head(self.text, trigger.end, here.sentence.end)
        named = named or (governed is not None and mine_object is not None
                          and mine_object == _object_head(self.text, told.trigger.end, context.sentence.end))
        theirs_lead = _lead_words(self.text, context.sentence)
        opened = _lead_words(self.text, here.sentence) & theirs_lead
        named = named or (governed is not None and governed.group(2) is not None and bool(opened))
        # "members of the cabinet had voted only after …" after "The council's cabinet voted on
        # Wednesday 21 September": a noun of the subject right before each verb
        # (told back, in the pluperfect or as what someone said, with no other object named)
        told_back = trigger.tense == PLUPERFECT or bool(
            _SAID_BEFORE.search(self.text, here.sentence.start, trigger.start))
        named = named or (
            told_back
            and _same_or_no_object(self.text, trigger, here.sentence, told.trigger, context.sentence)
            and bool(_subject_nouns(self.text, here.sentence.start, trigger.start)
                     & _subject_nouns(self.text, context.sentence.start, told.trigger.start)))
        # "since the ferry ran aground on 26 November" after "The 60-metre ferry, carrying 87
        # passengers, ran aground …": the clause's subject is the thing the act's sentence opens with
        clause_subject = governed.group(1) if governed is not None else None
        if clause_subject is not None and singular(clause_subject.lower()) in theirs_lead:
            named = True
            opened |= {singular(clause_subject.lower())}
        if not any(w[:1].isdigit() for w in shared) and len(shared) < 2 and not named:
            return None
        if _other_ordinal(self.text, here.sentence, context.sentence):
            return None  # "the first batch was filled" … "before the last batch was filled": two acts
        if not shared and not opened:
            # (what the clause or the sentence names, the same as what the act told was of)
            named_things = [singular(m.group(1).lower()) for m in (subject, governed)
                            if m is not None and m.group(1) is not None]
            opened = frozenset(w for w in named_things if _names_thing(w, theirs))
        about = ", ".join(sorted(shared | opened))
        link = Link(trigger, told.trigger, Grade.STRONG, f"the same act, of {about}")
        return self._kept(link)

    def _dates_another_clause(self, trigger: Trigger, timex: Timex, here: SentenceContext) -> bool:
        """Is ``timex`` the date of a clause an order word opens, after ``trigger`` ("had voted only
        after the consultation closed on 30 September") or set off before it at the sentence's
        head ("By the time the branch reached the village, in 1872, the mill had already
        closed"), not the trigger's own?"""
        if timex.start > trigger.end:
            return _ORDER_CLAUSE_OPENS.search(self.text, trigger.end, timex.start) is not None
        opener = _FRONTED_ORDER_CLAUSE.match(self.text, here.sentence.start)
        return opener is not None and self.text.rfind(",", timex.end, trigger.start) != -1

    def once_retold(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """"Since the clinic opened its doors on 14 May" after "The new clinic on Harlow Street,
        which opened on 4 May": a thing opens (is founded) once; the same verb of the same
        definite subject, with no other object, told once before, is that event told again,
        dated or not."""
        if trigger.pos != "verb" or (
            trigger.event_class not in _ONCE_CLASSES and trigger.lemma not in _ONCE_LEMMAS
        ) or trigger.tense not in TOLD_AS_PAST:
            return None
        text = self.text
        if self.told_again(trigger, here.sentence) or not _NO_OBJECT.match(text, trigger.end):
            return None
        subject = _subject_head(text, here.sentence.start, trigger.start)
        if subject is None:
            return None
        doors = subject in _DOORS  # "Since the doors opened on 21 May": the place's own opening
        earlier = [m for m in self._told_before(trigger.start, trigger.start) if m.trigger.pos == "verb"
                   and m.trigger.lemma == trigger.lemma and (context := self.contexts.get(m.sentence_start))
                   is not None and (doors or self._subject_of(context, m.trigger) == subject)]
        if not earlier:
            return self._named_before(trigger, subject)
        events = {self.by_trigger.get(m.trigger.start) for m in earlier}
        if len(earlier) > 1 and len(events) == 1 and None not in events:
            earlier = earlier[-1:]  # "Two weeks after the bridge opened … the bridge opened on 27 May": one
        dated = [m for m in earlier if self.by_trigger.get(m.trigger.start) in self.dated_at]
        if len(earlier) > 1 and len(dated) == 1 and self.by_trigger.get(trigger.start) is None:
            # "since it reopened after a refurbishment … The museum reopened on Saturday 12 October
            # … Since the doors reopened on 5 October": a place reopens once; the telling that dates it
            earlier = dated
        if len(earlier) != 1:
            return None  # none of it, or several openings of it told before: which one is not said
        told = earlier[0]
        told_context = self.contexts.get(told.sentence_start)
        if _at_a_clock_time(text, trigger, here.timexes) or (
            told_context is not None and _at_a_clock_time(text, told.trigger, told_context.timexes)
        ):
            return None  # "opened its doors at 11 a.m." is a day's opening, not the founding in 2001
        if not _NO_OBJECT.match(text, told.trigger.end) and not (
            # "Marta and Jonah Kessel opened the bakery on 14 May 2018 … Since the doors first
            # opened on 4 May 2018": the one place the text tells opened, by its doors
            doors and _object_head(text, told.trigger.end, self.contexts[told.sentence_start].sentence.end)
        ):
            return None
        link = Link(trigger, told.trigger, Grade.STRONG, f"the same act, of the same {subject}")
        return self._kept(link)

    def owned_once_retold(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """"Since its foundation in 1878, this club has …" after "Founded in 1887 by …,
        Ravensworth Cricket Club marks …": a thing is founded (opens) once; its own founding, in a
        sentence whose subject names what the one founding told before was of, is that founding
        told again, dated or not."""
        if trigger.pos != "noun" or trigger.event_class not in _ONCE_CLASSES:
            return None
        text, sentence = self.text, here.sentence
        if not _OWN_ACT_BEFORE.search(text, max(sentence.start, trigger.start - 24), trigger.start):
            return None
        owner = _subject_words(text, sentence.start, sentence.end, trigger.end)
        if not owner:
            return None
        earlier: list[tuple[Mention, frozenset[str]]] = []
        for m in self._told_before(trigger.start, trigger.start):
            context = self.contexts.get(m.sentence_start)
            if m.trigger.event_class != trigger.event_class or m.planned or context is None or (
                _at_a_clock_time(text, m.trigger, context.timexes)  # "opened its doors at 11 a.m."
            ):
                continue
            shared = owner & _subject_words(text, context.sentence.start, context.sentence.end, m.trigger.end)
            if shared:
                earlier.append((m, shared))
        if len({self.by_trigger.get(m.trigger.start) for m, _ in earlier}) != 1:
            return None  # none of it, or several told before: which one is not said
        told, shared = earlier[-1]
        link = Link(trigger, told.trigger, Grade.STRONG, f"the same act, of the same {min(shared)}")
        return self._kept(link)

    def departure_retold(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """"Mr Garside, who had led the company for nine years, resigned on 1 March" after the
        opening's "… began when Neil Garside quit": a person leaves a post once in a story; a
        verb of leaving whose subject is a surname told before as the subject of one such verb
        is that leaving told again."""
        if trigger.pos != "verb" or trigger.event_class not in _DEPARTURE_CLASSES or (
            trigger.tense not in TOLD_AS_PAST
        ):
            return None
        named = _NAME_SUBJECT_SET_OFF.search(self.text, max(here.sentence.start, trigger.start - 120),
                                             trigger.start)
        if named is None:
            return self._departure_retold_of_pronoun(trigger, here)
        surname = named.group(1)
        earlier = []
        for m in self._told_before(trigger.start, trigger.start):
            if m.trigger.pos != "verb" or m.trigger.event_class not in _DEPARTURE_CLASSES or m.planned:
                continue
            lo = max(m.sentence_start, m.trigger.start - 120)
            told = _NAME_SUBJECT_SET_OFF.search(self.text, lo, m.trigger.start)
            if told is not None and told.group(1) == surname:
                earlier.append(m)
        if len(earlier) != 1:
            return None  # none, or several told before: which one is not said
        link = Link(trigger, earlier[0].trigger, Grade.STRONG,
                    f"the same person's leaving, told again of {surname}")
        return self._kept(link)

    def _departure_retold_of_pronoun(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """"She resigned on Friday 4 February" after "… a month after Joan Foyle stood down": a
        pronoun subject that can name only the one person told leaving before, the only leaving
        told before, tells that leaving again."""
        pronoun = _OPENING_PRONOUN_SUBJECT.match(self.text, here.sentence.start)
        if pronoun is None or pronoun.end() != trigger.start:
            return None
        earlier = [m for m in self._told_before(trigger.start, trigger.start) if m.trigger.pos == "verb"
                   and m.trigger.event_class in _DEPARTURE_CLASSES and not m.planned]
        if len(earlier) != 1:
            return None
        told = earlier[0]
        lo = max(told.sentence_start, told.trigger.start - 120)
        named = _NAME_SUBJECT_SET_OFF.search(self.text, lo, told.trigger.start)
        sex = subject_sex(self.text, lo, told.trigger.start) if named is not None else None
        # (counted from the surname's last telling before the pronoun: "Ms Foyle's resignation …")
        last_named = self.text.rfind(named.group(1), 0, pronoun.start(1)) if named is not None else -1
        if named is None or sex is None or not sole_antecedent(
            self.text, last_named, pronoun.start(1), pronoun.group(1), sex
        ):
            return None
        # (nor past a given name of that sex alone: "When old Mr Fennick retired in 1968 Edwin
        # bought the business … He retired on his 65th birthday")
        if any(sex_of_given_name(m.group()) == sex
               for m in _CAPITALISED.finditer(self.text, last_named + len(named.group(1)), pronoun.start(1))):
            return None
        link = Link(trigger, told.trigger, Grade.STRONG,
                    f"the same person's leaving, told again of '{pronoun.group(1)}' ({named.group(1)})")
        return self._kept(link)

    def arrival_retold(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """"Docked at Bergen at seven this morning" under "### Saturday 12 July" after the account
        around the log, "… and docked at Bergen on 11 July": the one arrival of its word told
        outside the dated entries and the one told in an entry are one arrival. Only when the
        text tells its word twice, no more, as a past verb, and names the same place or none."""
        if trigger.pos != "verb" or trigger.lemma not in _ARRIVALS or trigger.tense not in TOLD_AS_PAST:
            return None
        if self.told_again(trigger, here.sentence):
            return None
        # ("reaching St Mary's on Sunday 7 August" … "Arrived St Mary's 16:20": words of arriving
        # at one place named after each)
        place = _PLACE_AFTER_ARRIVAL.match(self.text, trigger.end)
        told = [m for m in self.story_mentions.get(self._story_of(trigger.start), [])
                if m.trigger.lemma == trigger.lemma or (
                    place is not None and m.trigger.lemma in _ARRIVALS
                    and (other := _PLACE_AFTER_ARRIVAL.match(self.text, m.trigger.end)) is not None
                    and other.group(1) == place.group(1))]
        if len(told) != 2 or told[1].trigger.start != trigger.start or told[0].trigger.pos != "verb" or (
            told[0].planned or told[0].trigger.tense not in TOLD_AS_PAST
        ):
            return None
        first = told[0].trigger
        if (self.section_day(first.start) is None) == (self.section_day(trigger.start) is None):
            return None  # (both in the account, or both in entries: two arrivals, maybe)
        entry = trigger if self.section_day(trigger.start) is not None else first
        entry_sentence = self.mention_at[entry.start].sentence_start if entry.start in self.mention_at else (
            here.sentence.start)
        if not _DIARY_SUBJECT.fullmatch(self.text, entry_sentence, entry.start):
            return None  # ("Lamb number 100 arrived at 6.10pm": another thing's arrival)
        places = [_PLACE_AFTER_ARRIVAL.match(self.text, t.end) for t in (first, trigger)]
        if all(places) and places[0].group(1) != places[1].group(1):  # type: ignore[union-attr]
            return None
        link = Link(trigger, first, Grade.STRONG,
                    "the same arrival, told in the account and in a dated entry")
        return self._kept(link)

    def kin_of_pronoun_near(self, sentence: Sentence, pronoun: str, at: int) -> bool:
        """Is a relative of the sex of ``pronoun`` named in ``sentence`` before ``at``, or in the
        sentence before it in its paragraph ("I'd have my daughter in May 2021. I raced again
        eleven months after she was born": "she" may be the daughter)?"""
        sex = _PRONOUN_SEXES.get(pronoun.lower())
        if sex is None:
            return False
        before = self.sentence_before(sentence)
        lo = before.start if before is not None and before.paragraph == sentence.paragraph else sentence.start
        # (kin words, not a title of the one the story is about: "Mrs Sowerby")
        return any(_RELATIVE_SEXES.get(m.group(1)) == sex for m in _RELATIVE_WORD.finditer(self.text, lo, at)
                   if m.group(1)[0].islower())

    def death_retold(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """"His family said he died peacefully on 11 November" after the opening's "Stan Pell …
        died on Tuesday 10 November. He was 77.": a death told as past of the pronoun the opening
        uses for the one whose death it told is that death (doubtful when someone else of that
        sex is named in the sentence or the one before it)."""
        if trigger.pos != "verb" or trigger.event_class not in _DEATH_CLASSES or (
            trigger.tense not in TOLD_AS_PAST
        ):
            return None
        lead = max(here.sentence.start, trigger.start - 24)
        pronoun = _PRONOUN_SUBJECT.search(self.text, lead, trigger.start)
        named = _NAME_SUBJECT_WHO.search(self.text, max(here.sentence.start, trigger.start - _NAME_REACH),
                                         trigger.start)
        if pronoun is None and named is None:
            return None
        told = [m for m in self._told_before(trigger.start, trigger.start)
                if m.trigger.event_class in _DEATH_CLASSES and m.trigger.start != trigger.start]
        if not told or told[0].sentence_start == here.sentence.start:
            return None
        first = told[0]
        opening = self.opening_paragraph(trigger.start)
        opened = _SENTENCE_NAME.match(self.text, first.sentence_start)
        if opening is None or first.paragraph != opening or opened is None:
            return None
        if pronoun is None:
            # "Mr Abernethy, who died on 19 January," after the opening's "Tom Abernethy, who
            # died … on Sunday 17 January": the same surname's death
            assert named is not None
            return self._death_of_the_name(trigger, first, opened.group(1).split(), named)
        word = pronoun.group(1).lower()
        sex = _PRONOUN_SEXES.get(word)
        opening_word = self._opening_pronoun(opening, first.trigger.end)
        # (an opening with no pronoun after the death: the sex of the given name it opens with)
        if sex is None or (opening_word != word and not (
            opening_word is None and _pronoun_of_name(opened.group(1)) == word
        )):
            return None
        before = self.sentence_before(here.sentence)
        lo = before.start if before is not None and before.paragraph == here.sentence.paragraph else (
            here.sentence.start)
        surname = opened.group(1).split()[-1]
        # (not the title of the one whose death it is: "Mrs Sowerby kept swimming …")
        others = {_RELATIVE_SEXES.get(m.group(1)) or _RELATIVE_SEXES.get(m.group(1).lower())
                  for m in _RELATIVE_WORD.finditer(self.text, lo, trigger.start)
                  if not self.text.startswith(surname, self.text.find(" ", m.end() - 1) + 1)}
        # (and the given names there of anyone else: "Joan died in 2009. He died on 16 August")
        others |= {sex_of_given_name(m.group()) for m in _CAPITALISED.finditer(self.text, lo, trigger.start)
                   if m.group() not in opened.group(1).split()}
        grade = Grade.WEAK if sex in others else Grade.STRONG
        link = Link(trigger, first.trigger, grade, "the death the opening told, of the same person")
        return self._kept(link)

    def _death_of_the_name(self, trigger: Trigger, first: Mention, names: list[str],
                           named: re.Match[str]) -> Link | None:
        """The opening's death, of the person ``names`` names, told again by name: the surname,
        alone or after the opening's first names or a title of the sex of the pronoun the text
        uses for that person (not "Mrs Abernethy", his wife, nor "Ruth Abernethy")."""
        before = named.group(1).split()
        # (the sex of the pronoun the text first uses after the opening's death)
        found = _PRONOUN_WORD.search(self.text, first.trigger.end, trigger.start)
        sex = _PRONOUN_SEXES.get(found.group(1).lower()) if found is not None else None
        titled = len(before) == 1 and sex is not None and _RELATIVE_SEXES.get(before[0].rstrip(".")) == sex
        if named.group(2) != names[-1] or not (not before or before == names[:-1] or titled):
            return None
        link = Link(trigger, first.trigger, Grade.STRONG, "the death the opening told, of the same name")
        return self._kept(link)

    def _opening_pronoun(self, paragraph: int, after: int) -> str | None:
        """The first subject pronoun of the sex words in the opening paragraph after ``after``."""
        end = max((s.end for s in self.sentences if s.paragraph == paragraph), default=after)
        found = _PRONOUN_WORD.search(self.text, after, end)
        return found.group(1).lower() if found is not None else None

    def _subject_of(self, here: SentenceContext, trigger: Trigger) -> str | None:
        """The head of the definite subject of ``trigger`` in its sentence ``here``; for "It"
        right before it ("The school moved over the summer. It opened on Monday 4 September"),
        the head of the subject of the sentence before, in the same paragraph."""
        text = self.text
        head = _subject_head(text, here.sentence.start, trigger.start)
        if head is not None or not _IT_BEFORE.fullmatch(text, here.sentence.start, trigger.start):
            return head
        at = bisect.bisect_left(self.context_starts, here.sentence.start)
        if at == 0:
            return None
        before = self.contexts[self.context_starts[at - 1]]
        if before.sentence.paragraph != here.sentence.paragraph:
            return None
        verbs = [t for t in before.triggers if t.pos == "verb"]
        heads = (_subject_head(text, before.sentence.start, t.start) for t in verbs)
        # (not an auxiliary of a relative clause: "The school, which had spent …, moved")
        return next((h for h in heads if h is not None and h not in _NOT_HEADS), None)

    def _kept(self, link: Link) -> Link:
        """``link`` recorded as the link of its mention (in text order, for lookups by offset)."""
        self.links[link.mention.start] = link
        bisect.insort(self.link_starts, link.mention.start)
        return link

    def first_retold(self, trigger: Trigger) -> Link | None:
        """"She won her first national title in 2016" … "She won her first national title in
        2015": the same verb of an owner's first thing, told once before, is that act told
        again (one has one first of anything)."""
        if trigger.pos != "verb" or trigger.tense not in TOLD_AS_PAST:
            return None
        text = self.text
        first = _FIRST_OBJECT.match(text, trigger.end)
        if first is None:
            return None
        thing = _first_thing(first)
        earlier = [(m, other) for m in self._told_before(trigger.start, trigger.start)
                   if m.trigger.pos == "verb" and m.trigger.lemma == trigger.lemma
                   and m.trigger.tense in TOLD_AS_PAST
                   and (other := _FIRST_OBJECT.match(text, m.trigger.end)) is not None
                   and _first_thing(other) == thing]
        if len(earlier) != 1:
            return None
        told, again = earlier[0]
        # "his first match" and "his first match at Wimbledon": maybe two firsts
        qualified = any(_QUALIFIED_AFTER.search(text, m.start(), min(len(text), m.end() + 30))
                        for m in (first, again))
        grade = Grade.WEAK if qualified else Grade.STRONG
        link = Link(trigger, told.trigger, grade, f"the same act, of {' '.join(thing)} first")
        return self._kept(link)

    def _modifier_noun(self, told: Mention) -> bool:
        """Is the mention the first word of a compound whose head is another event noun ("an
        opening ceremony", "a launch party"): the event told is the head's?"""
        context = self.contexts.get(told.sentence_start)
        noun = told.trigger
        return context is not None and any(
            t.pos == "noun" and 0 < t.start - noun.end <= 1 for t in context.triggers)

    def _named_before(self, trigger: Trigger, subject: str) -> Link | None:
        """"The museum has had more visitors since last month's reopening … ¶ The museum
        reopened on Saturday, 6 July": a lead names the act as a noun before the body tells it;
        the one noun of that act told before, in a sentence that names the same subject, is it."""
        text = self.text
        nouns = [m for m in self._told_before(trigger.start, trigger.start) if m.trigger.pos == "noun"
                 and m.trigger.lemma == trigger.lemma and not m.planned and m.contrast is None
                 and not m.plural]
        if len(nouns) != 1:
            return None
        named = nouns[0]
        context = self.contexts.get(named.sentence_start)
        if context is None or subject not in _words_of(text, context.sentence.start, context.sentence.end):
            return None
        if _OF_PHRASE_AFTER.match(text, named.trigger.end):
            return None  # "the reopening of the library": of a thing it names, maybe another
        if self._modifier_noun(named):
            return None  # "with an opening ceremony at 10am": the ceremony's, not the opening's
        why = f"the same act, of the same {subject}, named before"
        link = Link(trigger, named.trigger, Grade.STRONG, why)
        return self._kept(link)

    def restated(self, trigger: Trigger, here: SentenceContext) -> Link | None:
        """"six days after the storm struck" after "The storm struck the coast on Tuesday" (or
        "made landfall" after "made landfall"): a verb, or an event noun after a support verb,
        whose definite subject refers back to the subject of an earlier mention of the same
        words tells that event again."""
        known = self.links.get(trigger.start)
        if known is not None:
            return known
        if trigger.pos == "verb" and trigger.tense not in TOLD_AS_PAST:
            return None
        gap = _SUBJECT_GAP if trigger.pos == "verb" else SUPPORTED
        subjects = [t for t in here.triggers if t.pos == "noun" and t.end <= trigger.start]
        if not subjects or not gap.fullmatch(self.text, subjects[-1].end, trigger.start):
            return None
        subject_link = self.refers_back(subjects[-1], here)
        if subject_link is None:
            return None
        antecedent = subject_link.antecedent
        told = self.mention_at.get(antecedent.start)
        context = self.contexts.get(told.sentence_start) if told is not None else None
        if context is None:
            return None
        same = next((t for t in context.triggers if t.start >= antecedent.end and t.pos == trigger.pos
                     and t is not antecedent), None)
        if same is None or same.lemma != trigger.lemma:
            return None
        if not gap.fullmatch(self.text, antecedent.end, same.start):
            return None
        link = Link(trigger, same, subject_link.grade, "the same words, of the same subject")
        return self._kept(link)

    def links_within(
        self, span: Span, events: Sequence[str], mentions: Sequence[Trigger] = ()
    ) -> list[Link]:
        """The links a claim over ``span`` about ``events`` rests on: those of mentions inside
        its words that name one of its events, and those of ``mentions`` (the subject a light
        verb's date is about, outside the words)."""
        lo = bisect.bisect_left(self.link_starts, span.start)
        hi = bisect.bisect_left(self.link_starts, span.end)
        found = [self.links[offset] for offset in self.link_starts[lo:hi]]
        found += [
            self.links[m.start] for m in mentions
            if m.start in self.links and not span.start <= m.start < span.end
        ]
        return [link for link in found if self.by_trigger.get(link.mention.start) in events]

    def _with_chains(self, links: Sequence[Link]) -> list[Link]:
        """The links, and for each the weakest one its antecedent rests on back to the first
        mention: a claim through "the outage" five mentions on is only as sure as the weakest
        link between (the certain links between are not repeated)."""
        out = list(links)
        for link in links:
            weakest = self._weakest_before(link.antecedent)
            if weakest is not None and weakest not in out:
                out.append(weakest)
        return out

    def _weakest_before(self, trigger: Trigger) -> Link | None:
        """The first uncertain link on the chain from ``trigger`` back to its first mention
        (remembered per mention, so long chains are walked once)."""
        path: list[int] = []
        found: Link | None = None
        current = trigger
        while True:
            if current.start in self.weakest_links:
                found = self.weakest_links[current.start]
                break
            link = self._link_back(current)
            if link is None or link.antecedent.start in path:
                break
            path.append(current.start)
            if link.grade is Grade.WEAK:
                found = link
                break
            current = link.antecedent
        for start in path:
            self.weakest_links[start] = found
        return found

    def graded(
        self, span: Span, events: Sequence[str], mentions: Sequence[Trigger] = ()
    ) -> tuple[Grade, str]:
        """The grade of a claim and the links it rests on, in words (for its explanation)."""
        links = self._with_chains(self.links_within(span, events, mentions))
        if not links:
            return Grade.STRONG, ""
        grade = min(link.grade for link in links)
        via = "; ".join(
            describe_link(link, self.where(link.mention.start), self.where(link.antecedent.start))
            for link in links
        )
        return grade, via

    def named_event(self, named: NamedEvent) -> None:
        """Register the named event ``named`` (one event per key)."""
        if named.key not in self.events:
            span = Span(named.start, named.end, "event")
            self.events[named.key] = Event(named.key, named.name, span, named.key, "named")
            self.claims.append(EventExists(named.key, span))
            self.tense[named.key] = NOMINAL
        self.named_spans.append((named.start, named.end, named.key))
        self.named_starts.append(named.start)

    def named_at(self, offset: int) -> str | None:
        """The key of the named event whose words cover ``offset``, if any."""
        i = bisect.bisect_right(self.named_starts, offset) - 1
        if i >= 0 and offset < self.named_spans[i][1]:
            return self.named_spans[i][2]
        return None

    # -- dated events ---------------------------------------------------------------------------

    def add_dated(self, dated: Iterable[tuple[int, str]]) -> None:
        """Events dated in the sentence just read (offsets after every earlier one)."""
        for offset, event_id in dated:
            self.dated.append((offset, event_id))
            self.dated_offsets.append(offset)
            self.dated_set.add(offset)
            self.dated_at.setdefault(event_id, []).append(offset)

    def dating_grade(self, offset: int, event_id: str) -> Grade:
        """How sure the reading is that the expression at ``offset`` dates ``event_id``: through
        the links of the mentions it dates ("The tour ends … on Wednesday 24 July", read as the
        2019 tour told before by an uncertain link, is the 2019 tour's end only if that link holds)."""
        mentions = [self.links[start] for (start, _), timex in self.dated_by.items()
                    if timex.start == offset and start in self.links
                    and self.by_trigger.get(start) == event_id]
        links = self._with_chains(mentions)
        return min((link.grade for link in links), default=Grade.STRONG)

    def dated_only_at_its_end(self, event_id: str) -> bool:
        """Do the expressions that date ``event_id`` only place its end ("The merger was completed
        on Tuesday 1 October": its completion, not when it began)?"""
        return event_id not in self.dated_at and any(ended == event_id for _, ended in self.ended)

    def add_ended(self, offset: int, event_id: str) -> None:
        """The expression at ``offset`` placed the end of ``event_id`` within it."""
        at = bisect.bisect_left(self.ended_offsets, offset)
        self.ended.insert(at, (offset, event_id))
        self.ended_offsets.insert(at, offset)

    def last_ended(self, lo: int, hi: int) -> tuple[int, str] | None:
        """The last end of an event placed by an expression in [lo, hi) and its expression's
        offset (outside headings and quotations)."""
        for i in range(bisect.bisect_left(self.ended_offsets, hi) - 1,
                       bisect.bisect_left(self.ended_offsets, lo) - 1, -1):
            at = self.ended_offsets[i]
            if not self.in_heading(at) and not in_quote(self.text, at):
                return self.ended[i]
        return None

    def end_day_of(self, event_id: str, offset: int) -> Timex | None:
        """The expression at ``offset`` that placed the end of ``event_id`` in one calendar day."""
        index = self._timex_at(offset)
        if (offset, event_id) not in self.ended or index is None:
            return None
        timex = self.timexes[index]
        return timex if _DAY_VALUE.match(timex.value) else None

    def timex_at(self, offset: int) -> Timex | None:
        """The expression that starts at ``offset``, if any."""
        index = self._timex_at(offset)
        return self.timexes[index] if index is not None else None

    def timex_at_or_after(self, offset: int) -> Timex | None:
        """The first expression that starts at ``offset`` or later, if any."""
        index = bisect.bisect_left(self.timex_starts, offset)
        return self.timexes[index] if index < len(self.timexes) else None

    def _timex_at(self, offset: int) -> int | None:
        """The index of the expression that starts at ``offset``, if any."""
        index = bisect.bisect_left(self.timex_starts, offset)
        return index if index < len(self.timexes) and self.timexes[index].start == offset else None

    def _last_dating(self, event_id: str, before: int) -> int | None:
        """The index of the expression that last dated ``event_id`` before ``before``, if any."""
        offsets = self.dated_at.get(event_id, [])
        at = bisect.bisect_left(offsets, before)
        if at == 0:
            return None
        return self._timex_at(offsets[at - 1])

    def day_of(self, event_id: str, before: int) -> Timex | None:
        """The last expression before ``before`` that placed ``event_id`` within one calendar day
        ("on Saturday, February 8"), if any: what "three days later" counts from, day by day."""
        index = self._last_dating(event_id, before)
        if index is None:
            return None
        timex = self.timexes[index]
        if timex.range_id is not None:
            return None  # "from Sunday 3 June to Monday 4 June": no one day
        return timex if _DAY_VALUE.match(timex.value) else None

    def days_of(self, event_id: str, before: int) -> tuple[dt.date, dt.date] | None:
        """The first and last day of a short range of days that last dated ``event_id`` before
        ``before`` ("spent Monday 4 and Tuesday 5 March"), if that is how it was dated."""
        index = self._last_dating(event_id, before)
        if index is None:
            return None
        timex = self.timexes[index]
        ends = [t for t in self.timexes[max(0, index - 2):index + 3]
                if timex.range_id is not None and t.range_id == timex.range_id]
        if len(ends) != 2 or not all(_DAY_VALUE.match(t.value) for t in ends):
            return None
        first, last = (dt.date.fromisoformat(t.value[:10]) for t in ends)
        return (first, last) if 0 < (last - first).days <= _SHORT_RANGE_DAYS else None

    def day_of_clause(self, event_id: str, before: int) -> Timex | None:
        """The day of an event dated by its clause rather than an expression ("reported missing on
        Sunday 5 May when she failed to return": the failing), when the sentence it was dated in
        has one day that dated its events."""
        offsets = [o for o in self.dated_at.get(event_id, []) if o < before]
        if not offsets:
            return None
        sentence = self.sentence_at(offsets[-1])
        if sentence is None:
            return None
        lo = bisect.bisect_left(self.timex_starts, sentence.start)
        days = {t.value[:10]: t for t in self.timexes[lo:bisect.bisect_left(self.timex_starts, sentence.end)]
                if t.start in self.dated_set and _DAY_VALUE.match(t.value)}
        return next(iter(days.values())) if len(days) == 1 else None

    def last_dated(self, lo: int, hi: int, other_than: str, *, outside_headings: bool = False
                   ) -> tuple[int, str] | None:
        """The last event dated at an offset in [lo, hi) that is not ``other_than`` (nor, with
        ``outside_headings``, dated in a heading: "## The April vote ¶ Four weeks later, on 9
        April, the cabinet approved …" counts from the story's event before, not the section's
        own; nor, from outside a quotation, one dated inside one: "… 'when we drew four games in
        December.' ¶ A week later, on 10 May" counts from the story's last event, not the
        speaker's)."""
        first = bisect.bisect_left(self.dated_offsets, lo)
        quoted = None
        for i in range(bisect.bisect_left(self.dated_offsets, hi) - 1, first - 1, -1):
            at, event = self.dated[i]
            if event == other_than or (outside_headings and self.in_heading(at)):
                continue
            if in_quote(self.text, at):
                quoted = in_quote(self.text, hi) if quoted is None else quoted
                if not quoted:
                    continue
            return self.dated[i]
        return None

    def undated_between(self, after: int, before: int, aside: Callable[[int], bool] | None = None) -> bool:
        """Is there a date between the last dated event and a "later" that dated no event ("turned
        professional in 1971 and won … two years later")? Then "later" may count from it. (Not
        one at an offset ``aside`` says is set off: "Garside, who had led the company since 2019,
        resigned a fortnight later".)"""
        aged = self.time_told_between(after, before)
        if aged is not None and not (aside is not None and aside(aged)):
            return True
        for i in range(bisect.bisect_right(self.timex_starts, after), len(self.timexes)):
            timex = self.timexes[i]
            if timex.start >= before:
                break
            if (aside is not None and aside(timex.start)) or timex.signal == "since":
                # (nor the start of a state told in passing: "Sales had fallen sharply since 2008")
                continue
            if _BARE_SEASON.fullmatch(timex.text) and timex.signal == "in":
                continue  # (nor a habit's season: "carries commuters and, in summer, day-trippers")
            undated = timex.start not in self.dated_set and not (
                # (the second end of a range whose first dated the event: "Monday 4 and Tuesday 5 March")
                i > 0 and timex.range_id is not None and self.timexes[i - 1].range_id == timex.range_id
                and self.timexes[i - 1].start in self.dated_set)
            # (a date counted from the story's own, "three months earlier", is no new reference)
            counted = timex.anchor not in (None, "DCT")
            if (timex.type in ("DATE", "TIME") and undated and not timex.value.startswith("P") and not counted
                    and not self._day_of_clock_before(i)):
                return True
        return False

    def time_told_between(self, lo: int, hi: int) -> int | None:
        """Where a time told without a date stands between ``lo`` and ``hi``, if one does: an
        age that places an act ("moved to Castlegate at the age of seven", "left school at 15"),
        an ordinal day of an event ("on its ninth day"). A "later" after it counts from it."""
        found = _AGE_TIME.search(self.text, lo, hi)
        return found.start() if found is not None else None

    def _day_of_clock_before(self, index: int) -> bool:
        """Is timex ``index`` the day of the clock time right before it ("at 6 a.m. on Monday 3
        March", tagged as a time and a date): the same reference, not a new one?"""
        if index == 0:
            return False
        return day_of_clock(self.text, self.timexes[index - 1], self.timexes[index])

    # -- claims ---------------------------------------------------------------------------------

    def span(self, *offsets: int) -> Span:
        return Span(min(offsets), max(offsets), "claim")

    def period_claim(self, event_id: str, part: Part, qualifier: Qualifier, period: Period,
                     span: Span, *, ongoing: int | None = None, rule: ConflictKind | None = None,
                     grade: Grade = Grade.STRONG, mentions: Sequence[Trigger] = (), note: str = "") -> None:
        linked, via = self.graded(span, (event_id,), mentions)
        via = "; ".join(part for part in (note, via) if part)
        link_weak = grade is Grade.STRONG and linked is Grade.WEAK
        parts = self.components(span, (event_id,), mentions) if link_weak else ()
        self.claims.append(TextPeriodClaim(event_id, part, qualifier, period, span, ongoing,
                                           words=self.text[span.start:span.end], conflict_kind=rule,
                                           grade=min(grade, linked), via=via, components=parts))

    def gap_claim(self, first: Endpoint, second: Endpoint, gap: Gap, span: Span,
                  rule: ConflictKind | None, *, grade: Grade = Grade.STRONG, note: str = "") -> None:
        events = (first.event, second.event)
        linked, via = self.graded(span, events)
        via = "; ".join(part for part in (note, via) if part)
        parts = self.components(span, events) if grade is Grade.STRONG and linked is Grade.WEAK else ()
        self.claims.append(TextGapClaim(first, second, gap, span,
                                        words=self.text[span.start:span.end], conflict_kind=rule,
                                        grade=min(grade, linked), via=via, components=parts))

    def components(
        self, span: Span, events: Sequence[str], mentions: Sequence[Trigger] = ()
    ) -> tuple[tuple[str, str], ...]:
        """For each of ``events``, the first uncertain link above the mentions a claim over
        ``span`` rests on ("" when none is): two claims of one event in the same part of its
        chain clash without crossing an uncertain link. Empty when the claim's mentions of one
        event lie in different parts (then the claim itself crosses one)."""
        parts: dict[str, set[str]] = {event: set() for event in events}
        for link in self.links_within(span, events, mentions):
            event = self.by_trigger.get(link.mention.start)
            if event not in parts:
                continue
            weakest = link if link.grade is Grade.WEAK else self._weakest_before(link.antecedent)
            parts[event].add("" if weakest is None else f"{weakest.mention.start}>{weakest.antecedent.start}")
        out: list[tuple[str, str]] = []
        for event, found in parts.items():
            if len(found) > 1:
                return ()
            out.append((event, next(iter(found), "")))
        return tuple(out)

    def dct_claim(self, event_id: str, span: Span, *, force: bool = False, tense: str | None = None,
                  mention: Trigger | None = None, grade: Grade = Grade.STRONG) -> None:
        """A completed past event cannot start after the document date's day. ``tense`` is the
        tense of the mention that dates it (an event told as past in one sentence may be
        referred to in the present or future in another); by default, the event's first one.
        The claim is as sure as the link that makes ``mention`` the event (a noun has no tense of
        its own; a verb of a noun referred back to is that noun's event only as surely as the
        link)."""
        if self.dct is None or event_id in self.dct_claimed:
            return
        if any(start <= span.start < end for start, end in self.later_frame):
            return  # "*Edwin Hale remained with the estate … He died in 1949.*" after a letter of 1893
        own = tense is not None and tense != NOMINAL
        told = tense if own else self.tense.get(event_id)
        if not force and told not in TOLD_AS_PAST:
            return
        if not force and mention is not None:
            # (told as past in its own words, it is still only as surely the event as its link
            # makes it: "the 2028 season … ¶ the breeding season that ended last month")
            linked, _ = self.graded(span, (event_id,), (mention,))
            grade = min(grade, linked)
        self.dct_claimed.add(event_id)
        if mention is not None and _in_list_of_plans(self.text, mention.start):
            # "Follow-up ⏎ - The engine maker will examine the failed seal. ⏎ - The ferry returned
            # to service on Monday, 11 December": an item told as done among items of plans may
            # be a plan written as done; a doubt
            grade = Grade.WEAK
        dct = self.dct
        if mention is not None and mention.event_class == "reporting" and dct.start is not None and (
            dct.end is not None
        ):
            # "…, the paper said in an editorial on Monday, Oct. 26" in a wire story dated the
            # 25th: a report may be sent out the day before the one it appears on; a day later
            # than that is still an error
            next_morning = Period(dct.start, dct.end + DAY, "")
            self.period_claim(event_id, Part.START, Qualifier.BY, next_morning, span,
                              rule=ConflictKind.AFTER_DCT, grade=grade)
            grade = Grade.WEAK
        self.period_claim(event_id, Part.START, Qualifier.BY, dct, span, rule=ConflictKind.AFTER_DCT,
                          grade=grade)
