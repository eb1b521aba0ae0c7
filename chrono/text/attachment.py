"""Attachment: which event a phrase is about, and which part of it.

A date dates the event it is attached to: the nearest event word before it in its clause, or,
when the date opens the clause ("On Monday, ..."), the first one after it; a date right in
front of an event noun ("the 2024 election") dates that noun. Aspectual verbs move the date to
their event's start or end ("the operation, which began in the summer of 2024"); light verbs
move it to their subject ("the summit was held on …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.model import Part, Side
from chrono.tagger import Timex
from chrono.text.calendar_names import MONTHS, WEEKDAYS
from chrono.text.clauses import (
    FUNCTION_WORDS,
    PARTICIPLE_BEFORE,
    RELATIVE_BEFORE,
    clause_of,
    looks_finite,
    other_predicate,
    words_between,
    words_in,
)
from chrono.text.events import Trigger, asserted
from chrono.text.inflection import regular_bases, regular_forms
from chrono.text.tense import INFINITIVE, NOMINAL, PAST, PLANNED, PRESENT, TOLD_AS_PAST, negated_until_at
from chrono.text.vocabulary import Hint, alternation, each_then_space, longest_first, vocabulary

_WORDS = vocabulary("attachment")
WEEK_OPENING_SIGNALS = frozenset(_WORDS.words("week_opening_signals"))
_NEXT_WORD = lazy_compile(r"[\s'’s]*([A-Za-z][\w-]*)")
_DUE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('term_words')}|"
    rf"(?:{_WORDS.pattern('term_periods')})\s+(?:{_WORDS.pattern('term_period_ends')}))\s+"
    rf"(?:{each_then_space(_WORDS.words('term_prepositions'))})?\Z",
    re.IGNORECASE,
)
_DUE_RIGHT_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('term_words_right_before')})\s+\Z", re.IGNORECASE)
# "proposals for 2020/21 were published": a date after "for", then the verb of its noun
_PASSIVE_AFTER = lazy_compile(
    rf"(?:[/–-]\d{{2,4}})?[ \t]+(?:{_WORDS.pattern('passive_after_copulas')}"
    rf"|(?:{_WORDS.pattern('passive_after_perfects')})[ \t]+{_WORDS.pattern('been_word')})[ \t]+[a-z]+ed\b"
)
# "since the first was run, by 23 people, in 1980": a light verb whose subject is another one of
# its kind, not the noun told before
_ELIDED_SUBJECT = lazy_compile(
    rf"\b{_WORDS.pattern('elided_subject_article')}[ \t]+(?:{_WORDS.pattern('elided_subject_words')})"
    rf"(?:[ \t]+{_WORDS.pattern('elided_subject_one')})?[ \t]+"
    rf"(?:{_WORDS.pattern('elided_subject_copulas')}|{_WORDS.pattern('elided_subject_perfect')}[ \t]+"
    rf"{_WORDS.pattern('elided_subject_participle')})[ \t]+\Z"
)
# nouns a month's name labels without dating ("the January sales", which start in December)
_MONTH_NAMED_NOUNS = frozenset(_WORDS.words("month_named_nouns"))
# ", laid in 1962,": a participle and its date set off between commas
# (a participle's ending, not "although", "when"; not after an event noun, whose participle it
# is: "The jury's verdict, delivered on 9 October,")
_SET_OFF_ASIDE = lazy_compile(r",[ \t]+([a-z]+(?:ed|en|d|t|n))[ \t]+\Z")
_ASIDE_CLOSES = lazy_compile(r"[ \t]*,")
# ", now converted into flats, " right before a date: a participle's aside set off by commas (its
# adverb tells it from a main verb after a subject set off: "Garside, who …, resigned a
# fortnight later, on 2 February")
_PARTICIPLE_ASIDE_BEFORE = lazy_compile(
    rf",[ \t]+(?:{_WORDS.pattern('aside_adverbs')})[ \t]+[a-z]+ed\b[^,;.:!?\n]{{0,60}},[ \t]*\Z"
)
_LIST_ASIDE_BEFORE = lazy_compile(
    rf",[ \t]+(?:{_WORDS.pattern('list_openers')})[ \t]+[^,;.:!?\n]{{1,90}},[ \t]*\Z", re.IGNORECASE
)
# (the date then ends its sentence, the main clause's: "…, next month.")
_CLOSES_SENTENCE = lazy_compile(r"[\s*_\"”’']*(?:[.!?]|\Z)")
_FOR_THING_TO = lazy_compile(
    rf"\b{_WORDS.pattern('purpose_for')}\s+(?:(?:{_WORDS.pattern('purpose_determiners')})\s+)?(?:[\w'’-]+\s+){{0,3}}"
    rf"{_WORDS.pattern('infinitive_to')}\s+[a-z]+\s+\Z",
    re.IGNORECASE,
)
_MADE_FOR_OCCASION = lazy_compile(
    rf"\b(?:{_WORDS.pattern('made_for_verbs')})\s+{_WORDS.pattern('purpose_for')}\s+(?:[\w'’-]+\s+){{1,4}}"
    rf"(?:{_WORDS.pattern('purpose_prepositions')})\s+\Z",
    re.IGNORECASE,
)
FOR_PURPOSE = lazy_compile(
    rf"\b{_WORDS.pattern('purpose_for')}\s+(?:{_WORDS.pattern('for_purpose_nouns')})\s+"
    rf"(?:(?:{_WORDS.pattern('purpose_prepositions')})\s+)?\Z",
    re.IGNORECASE,
)
_COMPARED = lazy_compile(
    rf"(?<![\w.])(?:{_WORDS.pattern('comparison_words')})\s+"
    rf"(?:(?:{_WORDS.pattern('comparison_prepositions')})\s+)?\Z",
    re.IGNORECASE,
)
_ANNIVERSARY_OF = lazy_compile(
    rf"\b(?:{_WORDS.pattern('anniversary_words')})\s+{_WORDS.pattern('of_word')}\s+(?:[\w'’-]+\s+){{0,3}}\Z",
    re.IGNORECASE,
)
_PASSIVE_PAST_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('past_passive_auxiliaries')})\s+(?:[a-z]+ly\s+)?([a-z]+(?:ed|en|n|t))"
    rf"\s+(?:{_WORDS.pattern('past_phrase_prepositions')})\s+(?:{_WORDS.pattern('past_phrase_determiners')})"
    r"\s+(?:[\w-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
_PLAN_PARTICIPLES = frozenset(_WORDS.words("plan_participles"))
_PAST_PHRASE = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('past_phrase_prepositions')})\s+(?:{_WORDS.pattern('past_phrase_determiners')})"
    r"\s+(?:[\w-]+\s+){0,2}",
    re.IGNORECASE,
)
_LIGHT = _WORDS.set("light_verbs")
_PASSIVE_SUPPORT = _WORDS.set("passive_support_verbs")
_GERUND_PHRASE = lazy_compile(
    rf"[\W_]*(?:{_WORDS.pattern('gerund_openers')})\s+(?!(?:{_WORDS.pattern('not_gerunds')})\b)[a-z]+ing\b",
    re.IGNORECASE,
)
# "The jury's verdict, delivered on …", "Her maiden voyage, to Bergen, was made in …"
# (a particle after it: "The inspection, carried out on 24 April, …")
_SET_OFF_PARTICIPLE = lazy_compile(
    rf",\s+(?:[^,.;]{{1,60}},\s+(?:{_WORDS.pattern('past_copulas')})\s+)?([a-z]+)"
    rf"(?:\s+(?:{_WORDS.pattern('participle_particles')}))?\s+"
)
_PASSIVE_BEFORE = lazy_compile(rf"(?:,|\b(?:{_WORDS.pattern('passive_auxiliaries')}))\s*\Z", re.IGNORECASE)
_AND_THEN = lazy_compile(rf"\s+{_WORDS.pattern('and_word')}\s+")
# "lost to the frost before the next budburst in October": a date right after the object of an
# order word (a noun the lexicon lacks, or it would be the nearest event) is that object's
_ORDER_OBJECT_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('governing_prepositions')})\s+(?:{_WORDS.pattern('object_determiners')})\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}[\w'’-]+\s+\Z",
    re.IGNORECASE,
)
# "her next real birthday, on …": a date set off after a noun phrase of the next one of a kind
_NEXT_ONE_SET_OFF = lazy_compile(
    rf"\b(?:{_WORDS.pattern('next_one_words')})\s+"
    rf"(?!(?:{alternation((*MONTHS, *WEEKDAYS))}|{_WORDS.pattern('next_one_units')})\b)"
    rf"(?:[\w'’-]+\s+){{0,3}}[\w'’-]+,\s*\Z",
    re.IGNORECASE,
)
_REPORT_PHRASE = lazy_compile(rf"\b(?:{_WORDS.pattern('report_nouns')})s?\b", re.IGNORECASE)
_GOVERNED = lazy_compile(
    rf"\b(?:{_WORDS.pattern('governing_prepositions')})\s+(?:[\w'’-]+\s+){{0,4}}\Z", re.IGNORECASE
)
_IRREALIS_NOUN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('irrealis_modifiers')})\s+(?:[\w-]+\s+){{0,4}}\Z"
    # "Had the meeting gone ahead on 9 July, …": a conditional told by inversion
    rf"|(?:^|[.!?;:]\s+|\n\s*)(?-i:{_WORDS.pattern('inversion_auxiliaries')})\s+"
    rf"(?:{_WORDS.pattern('inversion_determiners')})\s+(?:[\w-]+\s+){{0,2}}\Z",
    re.IGNORECASE,
)
_FUTURE_PASSIVE_AFTER = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('future_auxiliaries')})\s+(?:{_WORDS.pattern('be_word')})\s+[a-z]", re.IGNORECASE
)
_FUTURE_ORDER_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('future_auxiliaries')})\s[^.;!?\n]{{0,80}}?\b(?:{_WORDS.pattern('future_order_words')})"
    rf"\s+(?:{_WORDS.pattern('object_determiners')})\s+(?:[\w-]+\s+){{0,2}}\Z",
    re.IGNORECASE,
)
_PLANNED_NOUN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('planned_modifiers')})\s+(?:[\w-]+\s+){{0,4}}\Z",
    re.IGNORECASE,
)
_MANDATED_NOUN = lazy_compile(rf"\b(?:{_WORDS.pattern('mandate_words')})\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
# Most stretches before a word hold none of the words these phrases need: not searched then
_DUE_HINT = Hint.of(
    [*_WORDS.words("term_words"), *_WORDS.words("term_words_right_before"), *_WORDS.words("term_periods")])
_COMPARED_HINT = Hint.of(_WORDS.words("comparison_words"))
_ANNIVERSARY_HINT = Hint.of(_WORDS.words("anniversary_words"))
_PLANNED_HINT = Hint.of(_WORDS.words("planned_modifiers"))
_AFTER_PAST_COPULA = lazy_compile(
    rf"\b(?:{_WORDS.pattern('past_copulas')})\s+(?:{_WORDS.pattern('past_phrase_determiners')})\s+"
    r"(?:[\w-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
SUPPORTED = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('support_verb_forms')})\s+(?:(?:{_WORDS.pattern('support_object_determiners')})\s+)?"
    r"(?:[\w-]+\s+)?",
    re.IGNORECASE,
)
_PHASE_WITH = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('phase_with')})\s+(?:{_WORDS.pattern('phase_with_determiners')})\s+"
)
_DEFINED_TERM = lazy_compile(r"\(\s*[\"“][^\"”()\n]{1,40}[\"”]\s*\)")
_PLAN_ASIDE = lazy_compile(rf",\s*(?:{_WORDS.pattern('plan_aside_openers')})\b[^,]*\Z", re.IGNORECASE)
_YEAR_ONLY = lazy_compile(r"\d{3,4}")
# "photographs from 1974", "letters from the 1940s": a plural noun of things the year is of
_THINGS_BEFORE = lazy_compile(r"\s(?:of|with)\s+(?:[\w'’-]+\s+){0,2}[a-z]+s\s*\Z")
_FIRST_OF_SERIES = lazy_compile(
    rf",\s*(?:{_WORDS.pattern('series_first_adverbs')})\s+[a-z]+\s*\Z", re.IGNORECASE)
_MESSAGE_DATED = lazy_compile(rf"\b(?:{_WORDS.pattern('message_date_words')})\s+\Z", re.IGNORECASE)
_MESSAGE_CLASSES = frozenset({"announcement", "reporting"})
# "construction contract signed", "construction contract was signed": a noun, the head it
# modifies, maybe an auxiliary, and the verb
_COMPOUND_THEN_VERB = lazy_compile(
    rf"[ \t]+([a-z][a-z-]+)(?:[ \t]+(?:{_WORDS.pattern('coordinated_auxiliaries')}))?[ \t]+"
)
_GOVERNING = lazy_compile(rf"\b(?:{_WORDS.pattern('governing_prepositions')})\b", re.IGNORECASE)
_OBJECT_BETWEEN = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('object_determiners')})\s+(?:[\w-]+\s+){{0,2}}", re.IGNORECASE
)
_SUPPORT_FORMS = _WORDS.set("support_verb_forms")
_ARRANGING = _WORDS.set("arranging_verbs")
_ANNOUNCING = _WORDS.set("announcing_verbs")
_TOPIC_BETWEEN = lazy_compile(
    rf",\s*(?:{_WORDS.pattern('topic_prepositions')})\s+(?:{_WORDS.pattern('object_determiners')})\s+(?:\S+\s+){{0,2}}\Z",
    re.IGNORECASE,
)
_ANNOUNCED_OBJECT = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('object_determiners')})\s+(?:\S+\s+){{0,3}}", re.IGNORECASE
)
_ANNOUNCING_FORMS = frozenset(form for verb in _ANNOUNCING for form in (verb, *regular_forms(verb)))
_ANNOUNCING_BEFORE = lazy_compile(
    rf"\b([a-z]+)\s+(?:{_WORDS.pattern('object_determiners')})\s+(?:\S+\s+){{0,3}}\Z", re.IGNORECASE
)
_BY_AGENT = lazy_compile(rf"\s+{_WORDS.pattern('agent_by')}\b")
_INCHOATIVE = _WORDS.set("inchoative_verbs")
_PHASE_VERBS = {str(verb): str(part) for verb, part in _WORDS.table("phase_verbs").items()}
_COMPOUND_HEAD = lazy_compile(rf"\s+(?!(?:{_WORDS.pattern('adverbs_in_s')})\s)[a-z]+s\s+")
SETTINGS = _WORDS.set("settings")
# "After the fire …,": a phrase that opens its clause with a preposition, up to its object
_FRONTED_PHRASE_TO = lazy_compile(
    rf"[\s\"“]*(?:{_WORDS.pattern('fronted_phrase_prepositions')})\s+(?:[\w'’-]+\s+){{0,4}}", re.IGNORECASE)
AT_SETTING = lazy_compile(
    rf"\b(?:{_WORDS.pattern('setting_prepositions')})\s+(?:{_WORDS.pattern('setting_determiners')})"
    r"\s+(?:[\w-]+\s+){0,3}\Z",
    re.IGNORECASE,
)
_PARTICIPLE_SETTING = lazy_compile(
    rf"\s*,\s*[a-z]+(?:ed|en|n|t)\s+(?:{_WORDS.pattern('setting_prepositions')})\s+"
    rf"(?:{_WORDS.pattern('setting_determiners')})\s+(?:[\w-]+\s+){{0,2}}",
    re.IGNORECASE,
)
_OPENING_PARTICIPLE = lazy_compile(
    rf"[\s\"“]*(?:[A-Z][a-z]{{2,}}ed|{_WORDS.pattern('opening_participles')})\b"
)
_RELATIVE = lazy_compile(rf",\s*(?:{_WORDS.pattern('relative_pronouns')})\s+(?:\w+\s+){{0,2}}\Z")
# ", which was agreed in principle in late January and ": a relative clause's first verb, then "and"
_RELATIVE_THEN_AND = lazy_compile(
    rf",\s*(?:{_WORDS.pattern('relative_pronouns')})\s+[^,.;:!?]*?\s(?:{_WORDS.pattern('again_coordinators')})\s+\Z")
_JOINED_RELATIVE_REACH = 120  # characters back to the relative pronoun
_RELATIVE_OR_THAT = lazy_compile(
    rf"(?:,\s*|\s)(?:{_WORDS.pattern('relative_pronouns')})\s+(?:\w+\s+){{0,2}}\Z"
)
_SPANNING = lazy_compile(rf"\b(?:{_WORDS.pattern('spanning_verbs')})\b", re.IGNORECASE)
_SPANNING_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('spanning_prepositions')})\s+\Z", re.IGNORECASE)
_SET_OFF_RELATIVE = lazy_compile(rf",\s*(?:{_WORDS.pattern('relative_clause_openers')})\b", re.IGNORECASE)
_PLACE_RELATIVE_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('place_relatives')})\s+(?:[\w'’-]+\s+){{0,3}}\Z", re.IGNORECASE)
_THAT_BEFORE = lazy_compile(rf"\s(?:{_WORDS.pattern('restrictive_relatives')})\s+\Z")
_RELATIVE_WORD = lazy_compile(
    rf"\b(?:{_WORDS.pattern('relative_pronouns')}|{_WORDS.pattern('restrictive_relatives')})\b", re.IGNORECASE
)
_PLACING = lazy_compile(rf"\b(?:{_WORDS.pattern('placing_prepositions')})\b")
_COORDINATED_ASPECT = lazy_compile(rf"[^,;]*\s(?:{_WORDS.pattern('aspect_coordinators')})\s+(?:\w+\s+)?")
_COORDINATED_PAST_CLAUSE = lazy_compile(
    rf"[^,;]*,\s*(?:{_WORDS.pattern('set_off_openers')})\b[^;]{{0,160}}?,\s*"
    rf"(?:{_WORDS.pattern('aspect_coordinators')})\s+(?:\w+\s+)?"
)
# "The outage began at 23:50 on 12 November and ended at 02:05": the verb coordinated with the
# other phase's, with no subject of its own (nothing in brackets between: "began at 23:47 local
# time (CET, UTC+1) on the 17th and ended …" is a time the tagger may not place)
_COORDINATED_VERB = lazy_compile(
    # (the dot of a time, "at 6.30pm", is no sentence's end)
    rf"(?:[^;.!?()\n]|(?<=\d)\.(?=\d)){{0,80}}?,?\s+(?:{_WORDS.pattern('aspect_coordinators')})\s+"
    r"(?:[a-z]+ly\s+)?(?:did\s+not\s+|didn[’']t\s+)?"  # "… and did not finish until 1.10am": then it finished
)
# a restrictive relative clause of one verb right before a word ("the walkout that followed")
_RESTRICTIVE_BEFORE = lazy_compile(rf"\s(?:{_WORDS.pattern('restrictive_relatives')})\s+([a-z][\w'’-]*)\s+\Z")
# ... with an object of its own ("The blaze that gutted the mill's main weaving shed broke out")
_RESTRICTIVE_WITH_OBJECT = lazy_compile(
    rf"\s(?:{_WORDS.pattern('restrictive_relatives')})\s+([a-z][\w'’-]*)"
    rf"(?:\s+(?!(?:{_WORDS.pattern('relative_object_breakers')})\b)[\w'’-]+){{1,6}}\s+\Z")
# "The next leap day, ": a noun phrase set off by a comma (its determiner first)
_NOUN_PHRASE_SET_OFF = lazy_compile(
    rf"[\s\"“]*(?:{_WORDS.pattern('phrase_determiners')})\s[^,;]*,\s*", re.IGNORECASE
)
# a figure, a month or a weekday: a stretch that names a date itself
_DATE_WORD = lazy_compile(rf"\d|\b(?:{alternation(longest_first([*MONTHS, *WEEKDAYS]))})\b")
_TIME_HEAD_SET_OFF = lazy_compile(rf"\b(?:{_WORDS.pattern('time_heads')})\s*,\s*\Z", re.IGNORECASE)
_TO_BEFORE = lazy_compile(rf"\b{_WORDS.pattern('infinitive_to')}\s+\Z")
_APPOSITION = lazy_compile(rf",\s+(?:{_WORDS.pattern('apposition_articles')})\s+[^,;.:()\"“”]{{1,160}},")
_TALLY_ASIDE = lazy_compile(
    rf",\s+(?:\d+|{_WORDS.pattern('tally_numbers')})\s+(?:votes?\s+)?(?:{_WORDS.pattern('tally_words')})\b[^,;.:()\"“”]{{0,60}},",
    re.IGNORECASE,
)
_IN_PHRASE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('phrase_prepositions')})\s+(?:[\w'’-]+\s+){{0,3}}\Z", re.IGNORECASE
)
_AGAIN_OR_PREDICATE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('again_coordinators')})\s+"
    rf"(?:{_WORDS.pattern('again_word')}|{_WORDS.pattern('coordinated_auxiliaries')})\b",
    re.IGNORECASE,
)


def again_or_predicate(text: str, lo: int, hi: int) -> bool:
    """Does ``text[lo:hi]`` hold "and again" or "and will" (a second time of the verb, or another
    verb's predicate), so that what follows is not the verb before's?"""
    return _AGAIN_OR_PREDICATE.search(text, lo, hi) is not None


_GERUND_OBJECT = lazy_compile(
    rf"(?:{_WORDS.pattern('gerund_object_verbs')})\s+[a-z]{{3,}}ing\b[^.;:!?\n]*\Z", re.IGNORECASE
)
_FUTURE_PREDICATE_BETWEEN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('future_auxiliaries')}|{_WORDS.pattern('predicate_modals')})\s+(?:not\s+)?[a-z]+\b"
    rf"|\b(?:{_WORDS.pattern('progressive_auxiliaries')})\s+(?:(?:{_WORDS.pattern('progressive_adverbs')})\s+)?"
    r"[a-z]{2,}ing\b",
    re.IGNORECASE,
)
_JOINED_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('conjunctions')})\s*,\s*\Z")
_SINCE_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('since_word')})\s+(?:(?:{_WORDS.pattern('since_determiners')})\s+)?(?:[\w'’-]+\s+){{0,3}}\Z",
    re.IGNORECASE,
)
_FUTURE_BEFORE_SINCE = lazy_compile(
    rf"(?<!\w)(?:{_WORDS.pattern('since_future')})\b[^.!?;]*\Z", re.IGNORECASE
)
_PLANNED_BETWEEN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('plan_predicates')})\b[^.;]*?\b{_WORDS.pattern('infinitive_to')}\s+"
    rf"(?:{_WORDS.pattern('infinitive_be')}\s+)?\w+",
    re.IGNORECASE,
)
# (a verb the lexicon lacks keeps its own form as its lemma: "asked")
_DIRECTIVE_VERBS = frozenset(
    form for verb in _WORDS.words("directive_verbs") for form in (verb, *regular_forms(verb))
)
_INFINITIVE = rf"{_WORDS.pattern('infinitive_to')}\s+(?:{_WORDS.pattern('infinitive_be')}\s+)?[a-z]+\b"
_INFINITIVE_BETWEEN = lazy_compile(rf"\b{_INFINITIVE}")
_COMPLEMENT_VERBS = frozenset(
    form for verb in _WORDS.words("complement_verbs") for form in (verb, *regular_forms(verb))
)
_INFINITIVE_RIGHT_AFTER = lazy_compile(rf"\s+{_INFINITIVE}")
_OF_BETWEEN = lazy_compile(
    rf"\s+{_WORDS.pattern('of_word')}\s+(?:(?:{_WORDS.pattern('of_determiners')})\s+)?(?:[\w'’-]+\s+)?"
)
_COORDINATED_NOUN_PHRASE = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('noun_coordinators')})\s+(?:{_WORDS.pattern('coordinated_determiners')})"
    rf"\s+(?:[\w'’-]+\s+){{1,3}}"
)
_RELATIVE_OPENING = lazy_compile(rf"[\s,]*(?:{_WORDS.pattern('relative_clause_openers')})\b", re.IGNORECASE)
_APPOSED_PARTICIPLE = lazy_compile(
    rf"[\s,]*(?:{_WORDS.pattern('appositive_articles')})\s+(?:[\w'’-]+\s+){{0,5}}?[a-z]+(?:ed|en)\b"
)
PURPOSE_INFINITIVE = lazy_compile(rf"\b(?:{_WORDS.pattern('purpose_infinitives')})\b", re.IGNORECASE)
_PHASE_HEAD = lazy_compile(rf"\b(?:{_WORDS.pattern('phase_heads')})\s+(?:[\w'’-]+\s+){{0,4}}\Z",
                           re.IGNORECASE)
_PHASE_PARTICIPLE = lazy_compile(rf"\b(?:{_WORDS.pattern('phase_participles')})\s+(?:[a-z]+\s+)?\Z",
                                 re.IGNORECASE)
_COMMEMORATED = lazy_compile(rf"\b(?:{_WORDS.pattern('commemorated_heads')})\s+(?:[\w'’-]+\s+)?\Z",
                             re.IGNORECASE)
_ANNIVERSARY_CLAUSE = lazy_compile(rf",\s*(?:{_WORDS.pattern('anniversary_clauses')})\b", re.IGNORECASE)
# ", still standing today,": a present participle set off between a subject and its verb
_ASIDE_PARTICIPLE = lazy_compile(r",\s+(?:[a-z]+\s+)?[a-z]{3,}ing\s+(?:[a-z]+\s+)?")
_CONJUNCTION = lazy_compile(rf"\b(?:{_WORDS.pattern('conjunctions')})\b")
_APPOSED_TIME_AFTER = lazy_compile(
    rf",[ \t]*(?:{_WORDS.pattern('apposed_time_signals')})[ \t]+[^,;.\n]{{0,30}}?\d[^,;.\n]{{0,20}},")
# "the mayor of Rydal and Calder": a conjunction between two names is part of a name
_NAME_BEFORE = lazy_compile(r"\b[A-Z][\w'’-]*[ \t]+\Z")
_NAME_AFTER = lazy_compile(r"[ \t]+[A-Z]")


def _joins_clauses(text: str, lo: int, hi: int) -> bool:
    """Is there a conjunction between ``lo`` and ``hi`` that is not part of a name?"""
    return any(not (_NAME_BEFORE.search(text, max(lo, m.start() - 40), m.start())
                    and _NAME_AFTER.match(text, m.end())) for m in _CONJUNCTION.finditer(text, lo, hi))
# "…, eleven men and thirty-two mules ": two subjects of a few words each joined before the verb
# after a date set off by a comma (no verb of their own: every word a number, an article or a noun)
_COORDINATED_SUBJECT = lazy_compile(
    rf",[ \t]+(?:[a-z][\w-]*[ \t]+){{1,2}}(?:{_WORDS.pattern('subject_joiners')})"
    r"[ \t]+(?:[a-z][\w-]*[ \t]+){1,2}\Z"
)
# what may stand between a date and the event noun it is in front of ("Monday's raid", "the
# 2023 prize ceremony"), shared with chrono.text.dating
IN_FRONT = lazy_compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?")
# a day named in words alone, no figure, month or weekday: a holiday ("Christmas", "Easter Day")
_HOLIDAY_LABEL = lazy_compile(
    rf"(?!.*\d)(?!.*\b(?:{alternation([*MONTHS, *WEEKDAYS])})\b)[A-Z][\w'’ -]*", re.IGNORECASE
)
_DAY = lazy_compile(r"\d{4}-\d{2}-\d{2}")


@attrs.frozen
class Target:
    trigger: Trigger
    part: Part  # which part of the event the expression dates
    cue: Trigger  # the word the claim cites (the aspectual verb, or the event itself)

    @property
    def side(self) -> Side:
        """The end of the event an order or a distance is about ("completed the merger after
        the vote": the merger's end; otherwise its start)."""
        return Side.END if self.part is Part.END else Side.START


def is_asserted(text: str, trigger: Trigger) -> bool:
    """Does the text say the event happened: a verb in an asserting tense, or a noun without a
    word such as "planned" or "no" in front of it."""
    if trigger.tense == NOMINAL:
        # "No announcement was made until 12 November": it was made then
        return _IRREALIS_NOUN.search(text, max(0, trigger.start - 40), trigger.start) is None or (
            negated_until_at(text, trigger.start))
    return asserted(trigger)


def is_planned(text: str, trigger: Trigger) -> bool:
    """Is the event only planned ("will sign", "is due to land", "the scheduled vote")? It may be
    dated, but it is never told as past, and it is not the event a report of what happened names."""
    if trigger.tense == NOMINAL:
        lo = max(0, trigger.start - 40)
        if _FUTURE_PASSIVE_AFTER.match(text, trigger.end):
            return True  # "The appeal will be heard on Thursday": the hearing to come
        if _FUTURE_ORDER_BEFORE.search(text, max(0, trigger.start - 120), trigger.start):
            return True  # "will close on 4 March, six days before the vote": a vote to come
        if _MANDATED_NOUN.search(text, lo, trigger.start) is not None:
            return True  # "89% of drivers who voted backed industrial action": what was backed
        return _PLANNED_HINT.may_match(text, lo, trigger.start) and _PLANNED_NOUN.search(
            text, lo, trigger.start) is not None
    return trigger.tense == PLANNED


def attach(text: str, timex: Timex, triggers: Sequence[Trigger], cuts: tuple[int, ...]) -> Trigger | None:
    """The event word ``timex`` (of the same sentence) is attached to, if any."""
    message = _message_dated(text, timex, triggers)
    if message is not None:
        return message
    trigger = _attach(text, timex, triggers, cuts)
    if trigger is None and triggers:
        lo = min(triggers[0].start, timex.start)
        if _DEFINED_TERM.search(text, lo, timex.start):
            # 'completed its acquisition of Brightwater Freight Ltd ("Brightwater") on 11 March
            # 2024': a press release's defined name in brackets stands aside
            masked = text[:lo] + _DEFINED_TERM.sub(lambda m: " " * len(m.group()), text[lo:timex.end]) + (
                text[timex.end:])
            asides = [(m.start(), m.end()) for m in _DEFINED_TERM.finditer(text, lo, timex.start)]
            kept = tuple(cut for cut in cuts if not any(a <= cut <= b for a, b in asides))
            trigger = _attach(masked, timex, triggers, kept)
    if trigger is not None and trigger.start >= timex.end and "," in text[timex.end:trigger.start] and (
        _PLAN_ASIDE.search(text, max(0, timex.start - 80), timex.start)
    ):
        # "Schools, due back after the holiday on Tuesday 16 April, did not reopen until …": the
        # day of the plan the aside tells, not of the verb after it
        return None
    if trigger is not None and trigger.end <= timex.start and trigger.event_class == "begin":
        # "The trouble began with the resignation of its chairman on Monday 2 October": the day
        # of the event it began with (but "the trial … ended with the verdicts on Friday 2
        # February" keeps the day of the trial's end)
        opened = _PHASE_WITH.match(text, trigger.end)
        noun = next((t for t in triggers if t.start == opened.end() and t.pos == "noun"), None) if (
            opened is not None) else None
        if noun is not None and noun.end <= timex.start:
            return noun
    if trigger is not None and trigger.start >= timex.end:
        trigger = _past_reduced_relative(text, trigger, triggers) or trigger
    if trigger is not None and trigger.start > timex.start and _ANNIVERSARY_HINT.may_match(
        text, max(0, trigger.start - 60), trigger.start
    ) and _ANNIVERSARY_OF.search(text, max(0, trigger.start - 60), trigger.start):
        return None  # "This weekend we celebrate the 10th anniversary of the release": not its date
    if trigger is not None and trigger.end <= timex.start:
        left_edge = timex.signal_start if timex.signal_start is not None else timex.start
        between = text[trigger.end:left_edge]
        if timex.signal == "from" and _YEAR_ONLY.fullmatch(timex.value) and _THINGS_BEFORE.search(between):
            # "An exhibition of photographs from 1974 opens tomorrow": the things' year, not the
            # exhibition's start
            return None
        if _FIRST_OF_SERIES.search(between):
            # "The race, first run in 2013, was not held in 2020": the first of a series, not the
            # one the noun names
            return None
        # (a verb of the lexicon between would be the date's own)
        untagged = not any(trigger.end <= t.start < left_edge for t in triggers)
        if untagged and trigger.event_class == "reporting" and _UNTAGGED_PAST.search(between):
            return None  # "said engineers first attended on 25 October": the attending's day
        no_verb_between = not any(trigger.end <= t.start < left_edge and t.pos == "verb" for t in triggers)
        relative = _RELATIVE_VERB.search(between) if no_verb_between else None
        if relative is not None and looks_finite(relative.group(1)):
            # "thanked the volunteers who dug them out on Christmas Eve": the day of the relative
            # clause's verb, which the lexicon lacks
            return None
        term_end = timex.signal in _TERM_END_SIGNALS or _TERM_END_BEFORE.search(
            text, max(0, left_edge - 30), left_edge) is not None
        if untagged and term_end and _ING_CLAUSE.search(between):
            return None  # "signed an extension, taking him to the end of the 2024–25 season"
        if untagged and _AND_ING.search(between):
            # "starting on the night of Sunday 7 July and ending at 6am on Wednesday": the ending's
            return None
        if untagged and trigger.pos == "noun" and _ASIDE_CLOSED.match(between) and words_between(
            text, trigger.end, left_edge
        ) >= _MAIN_CLAUSE_WORDS and "," in text[max(0, trigger.start - 40):trigger.start]:
            # "The doorbell footage, played to the jury on Monday, the first day of the trial,
            # shows a man … walking up the drive at 2.31am": the noun's aside has closed, and the
            # date is of the main clause's verb, which the lexicon lacks
            return None
        if untagged and trigger.pos == "noun" and _ING_CLAUSE.search(between):
            # "have won the race for the second time, crossing the finish line at 14:20 on
            # Wednesday 1 October", "fell 8 per cent in the week after the launch, closing at 212p
            # on 8 September": the participle's date, which is its clause's verb's, not the noun's
            # (a punctual verb, "won the race", is no safe home: the race it names began days
            # before)
            verbs = [t for t in triggers if t.pos == "verb" and t.end <= trigger.start
                     and not _CLAUSE_BREAK.search(text, t.end, trigger.start)]
            return verbs[-1] if verbs and not verbs[-1].punctual else None
    return trigger


# how far before "dated" (characters) the message it dates may stand
_MESSAGE_REACH = 100


def _message_dated(text: str, timex: Timex, triggers: Sequence[Trigger]) -> Trigger | None:
    """The message noun a date after "dated" is the day of ("a letter from the auditors,
    Brightwell Rowe, dated 9 October"): the nearest event noun before it, a message or report,
    with no verb between."""
    left_edge = timex.signal_start if timex.signal_start is not None else timex.start
    dated = _MESSAGE_DATED.search(text, max(0, left_edge - 20), left_edge)
    if dated is None:
        return None
    before = [t for t in triggers if dated.start() - _MESSAGE_REACH <= t.start and t.end <= dated.start()]
    if not before or before[-1].pos != "noun" or before[-1].event_class not in _MESSAGE_CLASSES:
        return None
    return before[-1]


def _past_reduced_relative(text: str, trigger: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """The main clause's verb after ``trigger``, when ``trigger`` is a past participle that
    describes the noun before it ("customers served by the Ashbury exchange lost their service")."""
    if trigger.pos != "verb" or trigger.tense != PAST:
        return None
    before = _WORD_BEFORE_PARTICIPLE.search(text, max(0, trigger.start - 30), trigger.start)
    if before is None or before.group(1) in _REDUCED_NOT_AFTER or not _AGENT_AFTER.match(text, trigger.end):
        return None
    stop = _CLAUSE_BREAK.search(text, trigger.end)
    limit = stop.start() if stop is not None else len(text)
    return next((t for t in triggers
                 if trigger.end < t.start < limit and t.pos == "verb" and t.tense == PAST), None)


_RELATIVE_VERB = lazy_compile(
    rf"\b(?:{_WORDS.pattern('relative_verb_openers')})\s+(?:[a-z]+ly\s+)?([a-z]+)\b(?:[^,;]*)\Z")
_WORD_BEFORE_PARTICIPLE = lazy_compile(r"\b([a-z]+)[ \t]+\Z")
_REDUCED_NOT_AFTER = _WORDS.set("reduced_relative_not_after")
_AGENT_AFTER = lazy_compile(rf"[ \t]+(?:{_WORDS.pattern('reduced_relative_agents')})\b")
# a past verb the lexicon lacks ("attended"), and a participle clause set off (", taking him")
_UNTAGGED_PAST = lazy_compile(r"\b[a-z]{3,}ed\b")
_ASIDE_CLOSED = lazy_compile(r"[ \t]*,")
_MAIN_CLAUSE_WORDS = 4
_ING_CLAUSE = lazy_compile(r",[ \t]+[a-z]{3,}ing\b")
_AND_ING = lazy_compile(rf"\b(?:{_WORDS.pattern('participle_joiners')})[ \t]+[a-z]{{3,}}ing\b")
_CLAUSE_BREAK = lazy_compile(r"[.;!?\n]")
_TERM_END_SIGNALS = frozenset({"to", "until", "till", "through"})
_TERM_END_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('term_end_words')})[ \t]+{_WORDS.pattern('term_end_article')}[ \t]+"
    rf"(?:{_WORDS.pattern('term_end_nouns')})[ \t]+{_WORDS.pattern('term_end_of')}[ \t]+"
    rf"(?:{_WORDS.pattern('term_end_article')}[ \t]+)?\Z")


def _set_off_comma(text: str, lo: int, start: int, end: int, verb: int) -> int:
    """The comma that opens a phrase holding the words ``[start, end)`` and closed by another
    before the verb at ``verb`` (-1: none)."""
    comma = text.rfind(",", lo, start)
    return comma if comma >= 0 and "," in text[end:verb] else -1


def in_apposed_participle(text: str, lo: int, start: int, end: int, verb: int) -> bool:
    """Do the words ``[start, end)`` lie in a noun phrase set off by commas before the verb at
    ``verb``, whose participle they are of ("The van, a white transit stolen in Derby the previous
    week, was found")?"""
    comma = _set_off_comma(text, lo, start, end, verb)
    return comma >= 0 and _APPOSED_PARTICIPLE.match(text, comma, start) is not None


def is_term(text: str, timex: Timex) -> bool:
    """Is ``timex`` a term ("notes due March 15, 2007", "profit of £18.6m for the year to 31
    March 2023", its signal the term's end word), not the date of an event?"""
    left_edge = timex.signal_start if timex.signal_start is not None else timex.start
    lo = max(0, left_edge - 30)
    return _DUE_HINT.may_match(text, lo, timex.start) and bool(
        _DUE.search(text, lo, left_edge) or _DUE.search(text, lo, timex.start)
        or _DUE_RIGHT_BEFORE.search(text, lo, timex.start))


def in_set_off_relative(text: str, lo: int, at: int, until: int) -> bool:
    """Does ``at`` lie in a relative clause set off by commas (", who lost it to Kingsholme,")
    that opens after ``lo`` and closes before ``until``?"""
    openers = list(_SET_OFF_RELATIVE.finditer(text, lo, at))
    return bool(openers) and "," not in text[openers[-1].end():at] and "," in text[at:until]


def _attach(text: str, timex: Timex, triggers: Sequence[Trigger], cuts: tuple[int, ...]) -> Trigger | None:
    left_edge = timex.signal_start if timex.signal_start is not None else timex.start
    # a date right in front of an event noun dates the noun ("the 2024 election", "Monday's raid")
    for t in triggers:
        if t.start >= timex.end and t.pos == "noun":
            between = text[timex.end:t.start]
            word = between.split()[0].lower() if between.split() else ""
            if IN_FRONT.fullmatch(between) and word not in FUNCTION_WORDS:
                possessive = between.startswith(("'", "’"))
                if _HOLIDAY_LABEL.fullmatch(timex.text) and _DAY.fullmatch(timex.value) and not possessive:
                    return None  # "the Christmas appeal", "an Easter campaign": a season, not its day
                if text[t.start:t.end].lower() in _MONTH_NAMED_NOUNS and not possessive:
                    return None  # "The January sale began on Boxing Day": the sale's name
                return t
            break
    if _prenominal(text, timex, triggers):
        return None
    if _APPOSED_TO_DATED_NOUN.search(text, max(0, left_edge - 60), left_edge):
        return None  # "at this year's final, on Sunday 24 June": the day of the noun the year labels
    aside_before = _PARTICIPLE_ASIDE_BEFORE.search(text, max(0, left_edge - 90), left_edge)
    if aside_before is not None and any(t.start < aside_before.start() and t.pos == "verb" for t in triggers):
        # "It will be unveiled outside the mill, now converted into flats, on 8 March 2021": the
        # aside's participle is not what the date after it dates
        triggers = [t for t in triggers if not aside_before.start() <= t.start < left_edge]
    listed = _LIST_ASIDE_BEFORE.search(text, max(0, left_edge - 120), left_edge)
    if listed is not None and _CLOSES_SENTENCE.match(text, timex.end):
        # "… publish the second half of her log, including the wedding …, next month": the
        # list's events are not what the date after it dates
        triggers = [t for t in triggers if not listed.start() <= t.start < left_edge]
    lo = max(0, left_edge - 30)
    if is_term(text, timex):
        return None  # "notes due March 15, 2007": a term, not an event's date
    if _ANNIVERSARY_CLAUSE.match(text, timex.end):
        return None  # "on Saturday 3 July, the date on which the club's first committee met in 1877"
    if FOR_PURPOSE.search(text, max(0, timex.start - 40), timex.start) or _FOR_THING_TO.search(
        text, max(0, left_edge - 60), left_edge
    ) or _MADE_FOR_OCCASION.search(text, max(0, timex.start - 70), timex.start):
        # "sent Marlow to the Crown Court for sentence on 5 April", "bought land for a second site
        # to follow in 2028": the day set up, not the act's
        return None
    if timex.signal == "for" and _PASSIVE_AFTER.match(text, timex.end):
        return None  # "Draft budget proposals for 2020/21 were published": the proposals' year
    aside = _SET_OFF_ASIDE.search(text, max(0, left_edge - 30), left_edge)
    if aside is not None and _ASIDE_CLOSES.match(text, timex.end) and not any(
        aside.start(1) <= t.start < left_edge or 0 <= aside.start() - t.end <= 2 for t in triggers
    ):
        # "the company said the pipe, laid in 1962, had failed": the date of a participle the
        # lexicon lacks, set off after its noun; not the clause's verb's
        return None
    if _COMPARED_HINT.may_match(text, lo, left_edge) and _COMPARED.search(text, lo, left_edge):
        return None  # "lower takings than the previous summer": a standard of comparison
    clause_start, clause_end = clause_of(cuts, left_edge)
    if _JOINED_BEFORE.search(text, max(0, left_edge - 12), left_edge):
        # "spent two years in Paris and, from 1990 to 2000, taught in Lyon": set off in front of
        # the next verb, not after the last one
        following = [t for t in triggers if t.start >= timex.end]
        if following and following[0].pos == "verb" and "," in text[timex.end:following[0].start] and (
            words_between(text, timex.end, following[0].start) <= 6
        ):
            return following[0]
        return None
    left = [t for t in triggers if clause_start <= t.start and t.end <= left_edge]
    if left:
        nearest = left[-1]
        if _PLACE_RELATIVE_BEFORE.search(text, max(clause_start, nearest.start - 40), nearest.start) and (
            "," in text[nearest.end:left_edge]
        ):
            # "will take place at the church where she was married, on Monday 26 September": the
            # main clause's date, past the relative clause
            return None
        if in_set_off_relative(text, clause_start, nearest.start, left_edge):
            # "Eastmoor, who last reached the final in 2014 and lost it, now face Harnby United in
            # the final on Saturday 25 March": the main clause's date, past the relative clause
            return None
        # (the comma first: the search for the governing word tries every start)
        comma = text.find(",", nearest.end, left_edge)
        # (the date right after the comma: "before returning a verdict against Dean Orrell, 47,
        # of Kelby, on 15 October" has the noun's own phrase set off between)
        governed = _GOVERNED.search(text, max(0, nearest.start - 40), nearest.start) if (
            comma != -1 and not text[comma + 1:left_edge].strip()) else None
        if governed is not None:
            # "Days before the summit, on 12 June, protesters gathered": the main clause's date
            following = [t for t in triggers if t.start >= timex.end]
            if following and "," in text[timex.end:following[0].start] and words_between(
                text, timex.end, following[0].start
            ) <= 8:
                return following[0]
            # "The minister visited the town eight days after the flood, on Monday 9 November":
            # the verb the phrase follows in its clause
            verbs = [t for t in left if t.end <= governed.start() and t.pos == "verb"]
            if not following and verbs and asserted(verbs[-1]) and (
                "," not in text[verbs[-1].end:governed.start()]
                and words_between(text, verbs[-1].end, governed.start()) <= _GOVERNING_VERB_WORDS
            ):
                return verbs[-1]
            return None
        if _AGAIN_OR_PREDICATE.search(text, nearest.end, left_edge):
            # "cancelled in 2001 during the outbreak and again in 2020": the verb's second time;
            # "set at a meeting on 20 February and will take effect on 1 April": another verb's
            return None
        if nearest.pos == "noun" and _COORDINATED_NOUN_PHRASE.fullmatch(text, nearest.end, left_edge):
            return None  # "Between that debut and a broken wrist in October 1953": the wrist's date
        if _NEXT_ONE_SET_OFF.search(text, nearest.end, left_edge):
            return None  # "begun planning for her next birthday, on 29 February 2028": the next one's date
        if asserted(nearest) and nearest.tense != PLANNED and _ORDER_OBJECT_BEFORE.search(
            text, max(nearest.end, left_edge - 60), left_edge
        ):
            return None  # "lost to the frost before the next budburst in October": the budburst's date
            # (but "would reopen after a deep clean on Monday": planned, whichever it dates)
        if _PLANNED_BETWEEN.search(text, nearest.end, left_edge):
            return None  # "The mission was planned as Apollo 9, to be performed in early 1969"
        if _GERUND_OBJECT.match(text, nearest.start, left_edge) is not None:
            # "has ruled out closing any libraries in 2020/21": the date of the act weighed, not
            # of the weighing
            return None
        if nearest.tense in TOLD_AS_PAST and _FUTURE_PREDICATE_BETWEEN.search(text, nearest.end, left_edge):
            # "The dinner referred to in the article will go ahead on Saturday 26 June": the
            # future's date, not the past participle's; "have been told it could be the autumn
            # before …": the told clause's
            return None
        directive = nearest.lemma.lower() in _DIRECTIVE_VERBS
        if directive and _INFINITIVE_BETWEEN.search(text, nearest.end, left_edge):
            return None  # "asked users to cut their use between 2 p.m. and 6 p.m.": what was asked
        if nearest.lemma.lower() in _COMPLEMENT_VERBS and _INFINITIVE_RIGHT_AFTER.match(text, nearest.end):
            return None  # "had agreed to wait and try again in 2026": what was agreed
        nearest = _phase_with(text, nearest, triggers) or _head_of(text, nearest, triggers) or nearest
        nearest = _verb_of_object(text, nearest, triggers, clause_start) or nearest
        if _announced(text, nearest, triggers):
            # "announced the purchase of Vandmark on 2 January": the announcing's or the purchase's
            return None
        words = words_between(text, nearest.end, left_edge)
        aside = (_APPOSITION.search(text, nearest.end, left_edge)
                 or _TALLY_ASIDE.match(text, nearest.end, left_edge))
        if aside is not None:
            # "launched the Tern, a two-wheeled cargo bike with a box …, at the Brayford cycle show
            # on 17 October": the object's apposition does not part the verb from its date
            words -= words_between(text, aside.start(), aside.end())
        limit = 4 if nearest.event_class == "reporting" else 14
        participle = _SET_OFF_PARTICIPLE.fullmatch(text, nearest.end, left_edge)
        if participle is not None and nearest.pos == "noun" and (
            participle.group(1) in _SUPPORT_FORMS
            or not _PASSIVE_SUPPORT.isdisjoint(regular_bases(participle.group(1)))
        ):
            return nearest  # "The jury's verdict, delivered on 9 October": the verdict's date
        after_aside = aside.end() if aside is not None else nearest.end
        if PURPOSE_INFINITIVE.search(text, nearest.end, left_edge):
            return None  # "remanded in custody to appear at the Crown Court on Monday 10 July"
        # (the signal's own participle is none: "held in the week beginning Monday 24 October")
        phrase_end = left_edge if timex.signal in WEEK_OPENING_SIGNALS else timex.start
        if _PHASE_HEAD.search(text, nearest.end, left_edge) or _PHASE_PARTICIPLE.search(
            text, max(nearest.end, left_edge - 16), phrase_end
        ):
            return None  # "the sale comes as it prepares for the end of its contract on 31 March 2029",
            # "committed to a pilot on three routes starting in January 2018"
        if nearest.pos == "noun" and _COMMEMORATED.search(text, max(0, nearest.start - 40), nearest.start):
            return None  # "will mark the thirtieth anniversary of the merger on Saturday 1 April"
        described = PARTICIPLE_BEFORE.search(text, after_aside, left_edge)
        if described is not None and not any(described.start() < t.start < described.end() for t in triggers):
            # "completed the acquisition of Gristmoor, based in Thirsby, on 3 March": a participle
            # set off to describe the object, no verb of another clause
            predicate_end = described.start()
        else:
            predicate_end = left_edge
        if other_predicate(text, after_aside, predicate_end) or (
            aside is not None and other_predicate(text, nearest.end, aside.start())
        ):
            return None  # "reached orbit in May and spent the rest of 2023 …": the other verb's date
        if nearest.pos == "noun" and _UNTAGGED_PASSIVE.search(text, nearest.end, left_edge):
            # "passes for the opening weekend can be booked online from 9am on Sunday": the
            # booking's day, a verb the lexicon lacks whose subject the noun's phrase is
            return None
        comma = text.find(",", after_aside, predicate_end)
        if comma != -1 and any(looks_finite(w) for w in words_in(text, comma, predicate_end)):
            # "began in the early morning, several tickets are dated September 29": a clause of
            # its own between the event and the date
            return None
        if _SPANNING.search(text, nearest.end, left_edge) or _SPANNING_BEFORE.search(
            text, nearest.end, left_edge
        ):
            return None  # "the incident straddled midnight": it spans the time, not lies in it
        return nearest if words <= limit else None
    right = [t for t in triggers if t.start >= timex.end and t.start < clause_end]
    if right:
        # only a date in front of its verb ("Prosecutors on Monday charged …", "In 2014, she
        # won …"): not after another verb ("turned professional in 2014 and won …")
        prefix = words_in(text, clause_start, left_edge)
        if any(looks_finite(w) for w in prefix):
            return None
        if "," in text[timex.end:right[0].start] and _OPENING_PARTICIPLE.match(text, clause_start):
            return None  # "Raised in Leeds in 1950, she studied …": the phrase's own event
        comma = _set_off_comma(text, clause_start, timex.start, timex.end, right[0].start)
        if comma >= 0 and _ASIDE_PARTICIPLE.fullmatch(text, comma, timex.start):
            return None  # "The grandstand, still standing today, was built in 1931": the aside's date
        if "," in text[timex.end:right[0].start] and _RELATIVE_OPENING.match(text, clause_start):
            # "Edith Pennick, whose choir sang at every carol service from 1970 onwards, has died":
            # the relative clause's date, not the main clause's
            return None
        if in_apposed_participle(text, clause_start, timex.start, timex.end, right[0].start):
            return None  # "The van, a white transit stolen in Derby the previous week, was found"
        if _GERUND_PHRASE.match(text, clause_start, left_edge):
            return None  # "Since winning her first title in 2015, she has missed …": the gerund's date
        subjects = _COORDINATED_SUBJECT.fullmatch(text, timex.end, right[0].start) is not None and not any(
            looks_finite(w) for w in words_in(text, timex.end, right[0].start))
        if not subjects and _joins_clauses(text, timex.end, right[0].start):
            # (not subjects joined: "On May 3, 1894, eleven men and two mules left Fort Halloran")
            return None
        if _GOVERNING.search(text, timex.end, right[0].start):
            # "On 13 September — two days after the ruling —": the ruling is not dated
            return _past_governed_phrase(text, [t for t in triggers if t.start >= timex.end], timex)
        if right[0].pos == "noun" and _TOPIC_BETWEEN.search(text, timex.end, right[0].start):
            return None  # "Our report last Thursday, 23 April, on the fire": the report's date
        if right[0].pos == "noun" and any(looks_finite(w) for w in words_in(text, timex.end, right[0].start)):
            return None  # "on Tuesday condemned the bombings": the date of a verb the lexicon lacks
        parenthetical = "," in text[clause_start:left_edge]  # "The Times, in an article on …, noted"
        comma_after = "," in text[timex.end:right[0].start]
        noun_set_off = _NOUN_PHRASE_SET_OFF.fullmatch(text, clause_start, left_edge) is not None
        if comma_after and noun_set_off and not _DATE_WORD.search(text, clause_start, left_edge) and not (
            timex.signal_start is not None and _TIME_HEAD_SET_OFF.search(text, clause_start, left_edge)
        ):
            return None  # "The next leap day, 29 February 2028, is covered": the date names the noun
            # (but "The following month, on Wednesday 9 March, they returned": two times of the verb)
        about_report = _REPORT_PHRASE.search(text, clause_start, left_edge) is not None
        if right[0].event_class == "reporting" and comma_after and not parenthetical and not about_report:
            return None  # "… in April 2026, NASA said": the date belongs to what was said
        words = words_between(text, timex.end, right[0].start)
        apposed = _APPOSED_TIME_AFTER.match(text, timex.end)
        if apposed is not None and apposed.end() <= right[0].start:
            words -= words_between(text, timex.end, apposed.end())
        return _past_modifier(text, right) if words <= 8 else None
    if not text[clause_start:left_edge].strip(" ,;:\"“”—–-") and not text[timex.end:clause_end].strip(
        " ,;:\"“”—–-"
    ):
        # a clause that is only the date ("On Monday, ..."): the next clause's first event
        nxt = [t for t in triggers if t.start >= clause_end]
        if nxt and words_between(text, timex.end, nxt[0].start) <= 8 and not _GOVERNING.search(
            text, timex.end, nxt[0].start
        ):
            return _past_modifier(text, nxt)
        if nxt and _GOVERNING.search(text, timex.end, nxt[0].start):
            return _past_governed_phrase(text, nxt, timex)
    return None


def _past_modifier(text: str, following: Sequence[Trigger]) -> Trigger:
    """The first of the events after a date, unless it is a noun that only modifies the head of
    the subject of a verb right after ("12 June — construction contract signed with Harrowgate
    Build", "On 12 June the construction contract was signed"): then the verb."""
    first = following[0]
    if len(following) < 2 or first.pos != "noun" or following[1].pos != "verb":
        return first
    modified = _COMPOUND_THEN_VERB.fullmatch(text, first.end, following[1].start)
    if modified is None or modified.group(1).lower() in FUNCTION_WORDS or looks_finite(modified.group(1)):
        return first
    return following[1]


def _past_governed_phrase(text: str, following: Sequence[Trigger], timex: Timex) -> Trigger | None:
    """"In 1974, shortly after Claire's birth, the family moved": a date set off in front of an
    order phrase about an event noun dates the main clause's verb after the phrase, if any."""
    noun = following[0]
    if noun.pos != "noun" or "," not in text[timex.end:noun.start]:
        return None
    comma = text.find(",", noun.end, noun.end + 40)
    if comma == -1 or any(c in text[noun.end:comma] for c in ".;:!?\n") or any(
        looks_finite(w) for w in words_in(text, noun.end, comma)
    ):
        return None
    main = [t for t in following[1:] if t.start > comma]
    if main and main[0].pos == "verb" and words_between(text, comma, main[0].start) <= 4:
        return main[0]
    return None


def _before_noun(noun: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """The event word right before an event noun, if the noun is one and has one."""
    if noun.pos != "noun":
        return None
    index = triggers.index(noun)
    return triggers[index - 1] if index > 0 else None


def _announced(text: str, noun: Trigger, triggers: Sequence[Trigger]) -> bool:
    """Is ``noun`` the object of a verb of announcing right before it (a trigger, or a form the
    lexicon does not read as one: "two months before announcing the deal in July")?"""
    verb = _before_noun(noun, triggers)
    if verb is not None and verb.pos == "verb" and (
        verb.lemma in _ANNOUNCING or not _ANNOUNCING.isdisjoint(regular_bases(verb.lemma))
    ) and _ANNOUNCED_OBJECT.fullmatch(text, verb.end, noun.start) is not None:
        return True
    if noun.pos != "noun":
        return False
    before = _ANNOUNCING_BEFORE.search(text, max(0, noun.start - 60), noun.start)
    return before is not None and before.group(1).lower() in _ANNOUNCING_FORMS


def _head_of(text: str, noun: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """"the collapse of the talks on 3 June": a date after an event noun that follows "of" after
    another event noun dates that head (the collapse), not the talks."""
    head = _before_noun(noun, triggers)
    if head is None or head.pos != "noun" or head.event_class == "named":
        return None
    return head if _OF_BETWEEN.fullmatch(text, head.end, noun.start) else None


_WITH_BETWEEN = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('phase_with_prepositions')})\s+(?:(?:{_WORDS.pattern('phase_with_articles')})\s+)?"
    r"(?:[a-z][\w-]*\s+)?"
)


def _phase_with(text: str, noun: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """"The heatwave … ended with thunderstorms on 19 July": a date after the noun of a "with"
    phrase of a phase verb dates the phase (the heatwave's end), not only the storms."""
    verb = _before_noun(noun, triggers)
    if verb is None or not names_phase(verb) or not _WITH_BETWEEN.fullmatch(text, verb.end, noun.start):
        return None
    return verb


def _verb_of_object(
    text: str, noun: Trigger, triggers: Sequence[Trigger], clause_start: int
) -> Trigger | None:
    """"Parliament ratified the agreement on 2 March": a date after an event noun that is the
    object of an event verb dates the verb (the ratifying), not the noun (the agreement) — unless
    the verb only supports the noun ("held the election on …") or is about its start or end."""
    verb = _before_noun(noun, triggers)
    if verb is None or verb.pos != "verb" or verb.start < clause_start or verb.lemma in _LIGHT or (
        verb.event_class in ("begin", "end", "causal", "reporting")
    ):
        return None  # "Staff said the evacuation, on 5 June, took …": a report's clause, no object
    if verb.text.lower() in _SUPPORT_FORMS or not _OBJECT_BETWEEN.fullmatch(text, verb.end, noun.start):
        return None
    if verb.lemma in _ARRANGING or not _ARRANGING.isdisjoint(regular_bases(verb.lemma)):
        return None  # "called a public meeting … on Thursday 18 August": the meeting's date
    following = _NEXT_WORD.match(text, noun.end)
    if following is not None and looks_finite(following.group(1)):
        return None  # "records showed the withdrawal was made … on 22 May": the noun's own clause
    return verb


# "this year's final, ": a noun a time labels, set off right before a date
_APPOSED_TO_DATED_NOUN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('labelling_times')})['’]s\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*,\s*\Z", re.IGNORECASE
)
_DETERMINER_OPENS = lazy_compile(rf"(?:{_WORDS.pattern('head_determiners')})\s", re.IGNORECASE)


def _prenominal(text: str, timex: Timex, triggers: Sequence[Trigger]) -> bool:
    """A date used as a modifier of a thing ("a 1987 Chevrolet", "the 1995 law"; after a
    preposition, only in a phrase with its determiner: "quit after the spring results")."""
    if timex.signal is not None and not _DETERMINER_OPENS.match(timex.text):
        return False
    following = _NEXT_WORD.match(text, timex.end)
    if following is None:
        return False
    word = following.group(1)
    if word.lower() in FUNCTION_WORDS:
        return False
    return not any(t.start == following.start(1) and t.pos == "verb" for t in triggers)


def resolve(text: str, trigger: Trigger, triggers: Sequence[Trigger], cuts: tuple[int, ...]) -> Target:
    """The event and part a date attached to ``trigger`` really dates."""
    if trigger.event_class in ("begin", "end") and trigger.pos == "verb":
        argument = _aspect_argument(text, trigger, triggers, cuts)
        if argument is not None:
            return Target(argument, Part.START if trigger.event_class == "begin" else Part.END, trigger)
    if trigger.lemma in _INCHOATIVE and trigger.pos == "verb":
        return Target(trigger, Part.START, trigger)  # "walked out on 3 June": the strike's start
    if trigger.lemma in _PHASE_VERBS and trigger.pos == "verb":
        # "the inquiry opened on 20 February", "voting closed at 8 p.m.": a phase of the event
        argument = _aspect_argument(text, trigger, triggers, cuts)
        if argument is not None and argument.pos == "noun" and argument.event_class not in (
            "opening", "closing", "named"
        ):
            part = Part.START if _PHASE_VERBS[trigger.lemma] == "begin" else Part.END
            return Target(argument, part, trigger)
    if trigger.pos == "noun":
        phase = phase_of(text, trigger, triggers, cuts)
        if phase is not None:
            # "14:31 — Outage begins", "15:07 — Rollback complete": the date is the phase's
            return Target(trigger, Part.START if phase.event_class == "begin" else Part.END, phase)
    setting = trigger.lemma in SETTINGS or trigger.text.lower() in SETTINGS
    modifier = _before_noun(trigger, triggers) if setting else None
    if modifier is not None and modifier.pos == "noun" and modifier.event_class != "named" and (
        not text[modifier.end:trigger.start].strip()
    ):
        # "at a ground-breaking ceremony on 14 June", "the signing ceremony": the act it hosts
        return Target(modifier, Part.WHOLE, modifier)
    if trigger.pos == "noun" and setting and AT_SETTING.search(
        text, max(0, trigger.start - 40), trigger.start
    ):
        # "signed the treaty at a ceremony in Zagreb on 12 May": the verb the ceremony hosts
        clause_start, _ = clause_of(cuts, trigger.start)
        verbs = [t for t in triggers if clause_start <= t.start and t.end <= trigger.start]
        # (past an infinitive of what was decided: "voted 31–22 to close the baths at a council
        # meeting on 13 March" is the vote's date)
        while len(verbs) > 1 and verbs[-1].pos == "verb" and verbs[-1].tense == INFINITIVE and (
            _TO_BEFORE.search(text, max(0, verbs[-1].start - 4), verbs[-1].start)
        ):
            verbs.pop()
        if verbs and verbs[-1].pos == "noun":
            # "approved the sale of the site at a meeting on 15 March": the verb whose object the
            # noun is, not the sale
            acted = _verb_of_object(text, verbs[-1], triggers, clause_start)
            if acted is not None:
                verbs = verbs[:verbs.index(acted) + 1]
        if verbs and verbs[-1].pos == "verb" and asserted(verbs[-1]) and verbs[-1].event_class not in (
            "reporting", "begin", "end", "causal"
        ) and words_between(text, verbs[-1].end, trigger.start) <= 12 and not (
            # "has asked for the matter to be discussed at the council meeting on Monday 9
            # December": the setting hosts what was asked for, not the asking
            verbs[-1].text.lower() in _DIRECTIVE_VERBS
            and _INFINITIVE_BETWEEN.search(text, verbs[-1].end, trigger.start)
        ):
            return Target(verbs[-1], Part.WHOLE, verbs[-1])
        # "The board's vote, taken at an emergency meeting on 2 July": the noun the participle
        # phrase before the setting tells of
        nouns = [t for t in triggers if t.pos == "noun" and t.end <= trigger.start and t is not trigger]
        if nouns and _PARTICIPLE_SETTING.fullmatch(text, nouns[-1].end, trigger.start):
            return Target(nouns[-1], Part.WHOLE, nouns[-1])
    if trigger.pos == "verb" and (trigger.lemma in _LIGHT or (
        (trigger.lemma in _PASSIVE_SUPPORT or not _PASSIVE_SUPPORT.isdisjoint(regular_bases(trigger.lemma)))
        and _PASSIVE_BEFORE.search(text, max(0, trigger.start - 12), trigger.start)
    )):
        # "The jury's verdict, delivered on 9 October": the participle's noun is what is dated
        if _ELIDED_SUBJECT.search(text, max(0, trigger.start - 40), trigger.start):
            return Target(trigger, Part.WHOLE, trigger)
        subject = relative_antecedent(text, trigger.start, triggers)
        subject = subject or _subject_noun(text, trigger, triggers, cuts)
        subject = subject or _subject_of_coordinated(text, trigger, triggers, cuts)
        if subject is not None:
            return Target(subject, Part.WHOLE, trigger)
    return Target(trigger, Part.WHOLE, trigger)


def _subject_of_coordinated(text: str, trigger: Trigger, triggers: Sequence[Trigger],
                            cuts: tuple[int, ...]) -> Trigger | None:
    """"The meeting began at 7pm on Tuesday and ran for nearly five hours": the event noun that
    is the subject of the phase verb the light verb ``trigger`` is joined to by "and"."""
    before = [t for t in triggers if t.end <= trigger.start]
    if not before or before[-1].pos != "verb" or aspect_phase(before[-1]) is None:
        return None
    first = before[-1]
    if _COORDINATED_AFTER.search(text, first.end, trigger.start) is None or any(
        c in text[first.end:trigger.start] for c in ",;:"
    ):
        return None
    subject = _aspect_argument(text, first, triggers, cuts)
    return subject if subject is not None and subject.pos == "noun" and subject.start < first.start else None


def is_setting(trigger: Trigger) -> bool:
    """Is ``trigger`` a noun for the occasion another event is held at ("a ceremony", "a
    session", "an emergency meeting")?"""
    return trigger.pos == "noun" and (trigger.lemma in SETTINGS or trigger.text.lower() in SETTINGS)


def names_phase(trigger: Trigger) -> bool:
    """Is ``trigger`` a verb that may tell the start or end of another event ("began", "ended",
    "the consultation opened", "voting closed")?"""
    return trigger.pos == "verb" and (
        trigger.event_class in ("begin", "end") or trigger.lemma in _PHASE_VERBS
    )


def phase_of(text: str, noun: Trigger, triggers: Sequence[Trigger], cuts: tuple[int, ...]) -> Trigger | None:
    """The aspectual verb that makes a date of ``noun`` the date of its start or end ("began the
    strike", "the strike ended", "Rollback complete"), if any."""
    return _phase_after(text, noun, triggers, cuts) or _phase_before(text, noun, triggers, cuts)


def _phase_after(text: str, noun: Trigger, triggers: Sequence[Trigger], cuts: tuple[int, ...]
                 ) -> Trigger | None:
    """The aspectual verb right after an event noun whose subject the noun is ("the strike
    began", "Outage ends", "Rollback complete")."""
    index = triggers.index(noun)
    if index + 1 >= len(triggers):
        return None
    following = triggers[index + 1]
    if following.pos == "noun" and index + 2 < len(triggers) and _OF_BETWEEN.fullmatch(
        text, noun.end, following.start
    ):
        following = triggers[index + 2]  # "Rollback of release 4.18 begins": past the "of" phrase
    if following.pos != "verb" or following.event_class not in ("begin", "end"):
        return None
    gap = text[noun.end:following.start]
    # "Outage ends", "the strike finally ended", "Rollback to revision 811 started": at most a
    # short phrase of the noun's own between them
    # ("Rollback to v5.8.1 started": a version's dots end nothing)
    if words_between(text, noun.end, following.start) > 4 or re.search(r"[,;:]|\.(?!\w)", gap) or (
        _RELATIVE_WORD.search(gap)
    ):
        return None
    if _aspect_argument(text, following, triggers, cuts) is not noun:
        return None
    return following


def _phase_before(text: str, noun: Trigger, triggers: Sequence[Trigger], cuts: tuple[int, ...]
                  ) -> Trigger | None:
    """The aspectual verb right before an event noun it takes as object ("began the recount on
    10 November": the date is the recount's start)."""
    index = triggers.index(noun)
    if index == 0:
        return None
    verb = triggers[index - 1]
    if verb.pos != "verb" or verb.event_class not in ("begin", "end"):
        return None
    if _aspect_argument(text, verb, triggers, cuts) is not noun:
        return None
    return verb


_CLAUSE_PUNCTUATION = lazy_compile(r"[,;:]")


# a noun phrase set off by commas right before the verb: ", two of the oldest mutuals in the Midlands,"
_APPOSITIVE_BEFORE = lazy_compile(r",[ \t]+[^,;:()\n]{3,80},[ \t]*\Z")


def _aspect_argument(text: str, trigger: Trigger, triggers: Sequence[Trigger],
                     cuts: tuple[int, ...]) -> Trigger | None:
    """The event an aspectual verb ("began", "ended") is about: the event word right after it
    ("began talks"), the noun a relative clause is about ("the operation, which began"), or its
    subject ("the strike ended")."""
    index = triggers.index(trigger)
    following = triggers[index + 1] if index + 1 < len(triggers) else None
    if following is not None and following.event_class not in ("begin", "end") and not (
        # ("once the consultation had closed and officers had summarised": a verb of its own clause)
        following.pos == "verb" and following.tense in (*TOLD_AS_PAST, PRESENT, PLANNED)
        and words_between(text, trigger.end, following.start) > 0
    ):
        gap = text[trigger.end:following.start]
        # ("Rollback complete; locks released": a clause of its own after the semicolon)
        if not _CLAUSE_PUNCTUATION.search(gap) and (
            words_between(text, trigger.end, following.start) <= 3 and not _PLACING.search(gap)
        ):
            return following
    before = text[max(0, trigger.start - 40):trigger.start]
    relative = _RELATIVE.search(before)
    if relative is not None:
        comma = trigger.start - len(before) + relative.start()
        nouns = [t for t in triggers[:index] if t.pos == "noun" and t.end <= comma]
        # ("its acquisition of the Scottish soup producer Halden Foods, which completed on 3
        # August": past the noun's "of" phrase, if nothing else stands between)
        reach = _RELATIVE_REACH_OF if nouns and _OF_COMPLEMENT.match(text, nouns[-1].end) and not any(
            nouns[-1].end <= t.start < comma for t in triggers) else _RELATIVE_REACH
        if nouns and words_between(text, nouns[-1].end, comma) <= reach and not _finite_between(
            text, nouns[-1].end, comma
        ):
            return nouns[-1]
        return None
    joined = _RELATIVE_THEN_AND.search(text, max(0, trigger.start - _JOINED_RELATIVE_REACH), trigger.start)
    if joined is not None:
        # "The deal, which was agreed in principle in late January and completed on 22 March":
        # coordinated in the relative clause, the noun it is about
        comma = joined.start()
        nouns = [t for t in triggers[:index] if t.pos == "noun" and t.end <= comma]
        if nouns and words_between(text, nouns[-1].end, comma) <= 2:
            return nouns[-1]
    that = _THAT_BEFORE.search(before)
    if that is not None:  # "a week of protests that began on 6 May"
        word_start = trigger.start - len(before) + that.start()
        nouns = [t for t in triggers[:index] if t.pos == "noun" and t.end <= word_start]
        if nouns and not text[nouns[-1].end:word_start].strip():
            return nouns[-1]
    phase = aspect_phase(trigger)
    for t in reversed(triggers[:index]):
        # "The stoppage began on 3 March, after talks broke down, and ended on 26 March"
        if t.pos == "verb" and aspect_phase(t) not in (None, phase):
            gap_fits = _COORDINATED_PAST_CLAUSE.fullmatch(text, t.end, trigger.start) is not None or (
                _COORDINATED_VERB.fullmatch(text, t.end, trigger.start) is not None)
            if trigger.start - t.end <= 200 and gap_fits:
                return _aspect_argument(text, t, triggers, cuts)
            break
    edge = _before_adverb(text, trigger.start)  # "the session, which opened at 7pm, finally closed"
    auxiliaries = _AUXILIARIES_BEFORE.search(text, max(0, edge - 30), edge)
    if auxiliaries is not None:
        edge = auxiliaries.start()  # "The footbridge, washed away in floods, will start": past "will"
    skipped = RELATIVE_BEFORE.search(text, max(0, edge - 200), edge) or PARTICIPLE_BEFORE.search(
        text, max(0, edge - 200), edge
    )
    if skipped is not None:  # "the strike, which lasted three weeks, ended …": skip the relative clause
        edge = skipped.start()
    appositive = _APPOSITIVE_BEFORE.search(text, max(0, edge - 90), edge)
    inside = [t for t in triggers if appositive is not None and appositive.start() <= t.start < edge]
    if appositive is not None and not any(t.pos == "verb" for t in inside) and not (
        # ("The first, a 48-hour walkout, began": with no event before it, the phrase names it)
        inside and not any(t.pos == "noun" and t.end <= appositive.start()
                           and t.start >= clause_of(cuts, max(0, appositive.start() - 1))[0]
                           for t in triggers)
    ) and not any(looks_finite(word) for word in words_in(text, appositive.start(), edge)):
        # "The merger of the Hartwell and the Stanmore, two of the oldest mutuals in the Midlands,
        # was completed": past a noun phrase set off after the subject ("The blaze, the worst in
        # the town since the war, broke out": an event noun inside it is not the subject either)
        edge = appositive.start()
    restrictive = _RESTRICTIVE_BEFORE.search(text, max(0, edge - 40), edge) or (
        _RESTRICTIVE_WITH_OBJECT.search(text, max(0, edge - 80), edge))
    if restrictive is not None and looks_finite(restrictive.group(1)):
        edge = restrictive.start()  # "The walkout that followed began …": past "that followed"
    clause_start, _ = clause_of(cuts, max(0, edge - 1))
    for t in reversed([t for t in triggers[:index] if t.end <= edge]):
        if t.start < clause_start:
            break
        if t.pos == "verb" and t.tense != NOMINAL and _BY_AGENT.match(text, t.end):
            continue  # "a safety inquiry led by the university opened …": a reduced relative
        if t.pos == "verb":
            # "the strike began on 10 March and ended on 2 April", "the inquiry opened on 3 March
            # and closed on 28 April": coordinated aspectual verbs share their subject
            if coordinated_phases(text, t, trigger):
                return _aspect_argument(text, t, triggers, cuts)
            break
        if _COMPOUND_HEAD.fullmatch(text, t.end, edge):
            return None  # "Election officials finished …": the noun modifies the subject
        comma = text.rfind(",", t.end, edge)
        if "," in text[t.end:trigger.start] and _FRONTED_PHRASE_TO.fullmatch(text, clause_start, t.start):
            # "After the fire on Monday 9 September, the school, opened in 1962, closed": the
            # object of a phrase set off at the head of the sentence is no subject
            return None
        if comma != -1 and text[comma + 1:edge].strip() and not _LISTED_AGENTS.fullmatch(text, t.end, edge):
            # "Three days after the flood, on 19 February, the borough council opened a hub":
            # the subject stands after the phrase set off, and is no event
            return None
        if _AND_THEN.fullmatch(text, t.end, edge) and _GOVERNED.search(text, max(0, t.start - 40), t.start):
            return None  # "built after the 2020 flood and finished in 2022": the builder's work ended
        if _AGAIN_OR_PREDICATE.search(text, t.end, edge) and _IN_PHRASE.search(
            text, max(0, t.start - 40), t.start
        ):
            return None  # "set at a meeting on 20 February and will take effect on 1 April": the budget's
        if _SUBJECT_PRONOUN_BETWEEN.search(text, t.end, edge):
            return None  # "If we get a decision this summer, we would hope to start in November"
        # ("The strike by about 380 members of the drivers' guild began": a complement may run longer)
        reach = _SUBJECT_REACH_OF if _OF_COMPLEMENT.match(text, t.end) else _SUBJECT_REACH
        if words_between(text, t.end, edge) <= reach:
            # ("Rollback of release 4.18 begins": the head of the "of" phrase, not the release;
            # "the inquiry into the 1912 explosion opened": the inquiry)
            return _head_of(text, t, triggers) or _head_of_complement(text, t, triggers) or t
    return None


def coordinated_phases(text: str, first: Trigger, second: Trigger) -> bool:
    """"began on 10 March and ended on 2 April", "opened … and closed": two aspectual verbs of
    opposite phases joined so that they share their subject."""
    phases = aspect_phase(first), aspect_phase(second)
    return None not in phases and phases[0] != phases[1] and first.end <= second.start and (
        _COORDINATED_ASPECT.fullmatch(text[first.end:second.start]) is not None
    )


def is_light(trigger: Trigger) -> bool:
    """"took place", "happened", "was held": a verb whose date is its subject event's."""
    return trigger.pos == "verb" and trigger.lemma in _LIGHT


def aspect_phase(trigger: Trigger) -> str | None:
    """"begin" or "end" for an aspectual verb ("began", "ended") or a phase verb ("opened",
    "closed"), else None."""
    if trigger.pos != "verb":
        return None
    if trigger.event_class in ("begin", "end"):
        return trigger.event_class
    return _PHASE_VERBS.get(trigger.lemma)


def relative_antecedent(text: str, offset: int, triggers: Sequence[Trigger]) -> Trigger | None:
    """The event noun a relative clause starting just before ``offset`` is about ("the summit,
    which lasted …")."""
    before = text[max(0, offset - 40):offset]
    relative = _RELATIVE_OR_THAT.search(before)
    if relative is None:
        return None
    comma = offset - len(before) + relative.start()
    nouns = [t for t in triggers if t.pos == "noun" and t.end <= comma]
    if nouns and words_between(text, nouns[-1].end, comma) <= _RELATIVE_REACH and not _finite_between(
        text, nouns[-1].end, comma
    ):
        return nouns[-1]
    return None


def _finite_between(text: str, lo: int, hi: int) -> bool:
    """Does a clause's verb stand between ``lo`` and ``hi`` ("Her departure came days after the
    audit, which …": the relative clause is about the audit, not the departure)?"""
    return any(looks_finite(word) for word in _WORD_RUN.findall(text, lo, hi))


def subject_noun(text: str, trigger: Trigger, triggers: Sequence[Trigger],
                 cuts: tuple[int, ...]) -> Trigger | None:
    """The event noun that is the subject of the verb ``trigger``, past a relative clause
    between them ("the race, which set off on 7 June, lasted nine days"), if there is one."""
    return _subject_noun(text, trigger, triggers, cuts)


def _subject_noun(text: str, trigger: Trigger, triggers: Sequence[Trigger],
                  cuts: tuple[int, ...]) -> Trigger | None:
    edge = _before_adverb(text, trigger.start)  # "…, which opened at 7pm, finally closed at 10.45pm"
    relative = RELATIVE_BEFORE.search(text, max(0, edge - 200), edge) or PARTICIPLE_BEFORE.search(
        text, max(0, edge - 200), edge
    )
    if relative is not None:  # "the summit, which lasted two days, ran …": skip the relative clause
        edge = relative.start()
    before = [t for t in triggers if t.end <= edge]
    if before and before[-1].pos == "noun" and _SET_OFF_DATE_GAP.fullmatch(text, before[-1].end, edge):
        return before[-1]  # "The committee vote, on Wednesday 19 June, was held …"
    clause_start, _ = clause_of(cuts, max(0, edge - 1))
    for t in reversed(before):
        if t.start < clause_start or t.pos == "verb":
            return None
        gap = text[t.end:edge]
        if "," in gap and not gap.rstrip().endswith(",") and not _LISTED_AGENTS.fullmatch(gap):
            # "Before the election on 4 May, the party held a rally": a fronted phrase (but
            # "The 2024 awards ceremony, held on 20 October": its participle)
            return None
        # ("The merger of the Colbeck Building Society and the Penrith Mutual took effect on …":
        # the noun's own complement may run longer)
        reach = _SUBJECT_REACH_OF if _OF_COMPLEMENT.match(text, t.end) else _SUBJECT_REACH
        if words_between(text, t.end, edge) <= reach:
            head = _head_of_complement(text, t, before)
            if head is None and _NON_EVENT_HEAD_OF.search(text, max(0, t.start - 30), t.start) and not any(
                u.end <= t.start and t.start - u.end <= 12 for u in before
            ):
                return None  # "the last market of the trial will fall on …": the market's day
            return head if head is not None else t
    return None


# an adverb of manner or time right before a verb ("finally", "eventually"), after a comma
_ADVERB_BEFORE_VERB = lazy_compile(r"(?<=,)\s+[a-z]{2,}ly(?=\s+\Z)")


def _before_adverb(text: str, edge: int) -> int:
    """Where the words before a verb at ``edge`` end, past an adverb set right before it after a
    comma ("…, finally closed"): where its subject's words are looked for."""
    adverb = _ADVERB_BEFORE_VERB.search(text, max(0, edge - 20), edge)
    return adverb.start() if adverb is not None else edge


# "the last market of the trial": a head noun (no event word) whose complement the event noun is
_NON_EVENT_HEAD_OF = lazy_compile(
    rf"\b(?:{_WORDS.pattern('head_determiners')})\s+(?:[a-z]+\s+)?[a-z]{{3,}}\s+of\s+"
    rf"(?:{_WORDS.pattern('head_determiners')})\s+\Z"
)


_WORD_RUN = lazy_compile(r"[A-Za-z][\w'’-]*")
_RELATIVE_REACH = 6  # words between an event noun and the relative clause about it
_RELATIVE_REACH_OF = 10  # ... when the noun's complement with "of" stands between
_SUBJECT_REACH = 8  # words between a light verb and the event noun that is its subject
_SUBJECT_REACH_OF = 12  # ... when the noun's complement with "of" stands between
_OF_COMPLEMENT = lazy_compile(rf"[ \t]+(?:{_WORDS.pattern('long_complement_prepositions')})[ \t]",
                               re.IGNORECASE)


# "the inquiry into the 1912 explosion": a preposition that joins an event noun to the one it
# is about, then the words before the second
_COMPLEMENT_BEFORE = lazy_compile(
    rf"\s+(?i:{_WORDS.pattern('noun_complement_prepositions')})\s+(?:[\w'’-]+\s+){{0,3}}\Z"
)


def _head_of_complement(text: str, noun: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """The event noun ``noun`` is the complement of ("the official inquiry into the 1912
    explosion opened …": the inquiry), if it is one."""
    heads = [t for t in triggers if t.end <= noun.start and t.pos == "noun"]
    if not heads:
        return None
    head = heads[-1]
    return head if _COMPLEMENT_BEFORE.fullmatch(text, head.end, noun.start) else None


# "The strike by drivers, loaders and cleaners began …": a list's commas in the subject's own
# phrase, not a fronted phrase ending before the subject
_LISTED_AGENTS = lazy_compile(
    rf"\s+(?i:{_WORDS.pattern('agent_prepositions')})\s+[\w'’-]+(?:\s+[\w'’-]+)?"
    rf"(?:,\s+[\w'’-]+(?:\s+[\w'’-]+)?)+,?\s+(?i:{_WORDS.pattern('list_conjunctions')})\s+"
    rf"[\w'’-]+(?:\s+[\w'’-]+)?\s+"
)


_OF_PHRASE_BEFORE = lazy_compile(
    rf"\b(?i:{_WORDS.pattern('of_word')})\s+(?i:{_WORDS.pattern('of_phrase_determiners')})\s+(?:[\w-]+\s+)?\Z"
)


def in_of_phrase(text: str, trigger: Trigger, lo: int = 0) -> bool:
    """Is ``trigger`` an event noun in an "of" phrase of another noun ("Seat of the fire",
    "cause of the outage"): what the words are about, not what happened then? (``lo``: where
    the words before it may start.)"""
    return trigger.pos == "noun" and _OF_PHRASE_BEFORE.search(
        text, max(lo, trigger.start - 30), trigger.start) is not None


_SET_OFF_DATE_GAP = lazy_compile(
    rf"\s*,\s*(?:{_WORDS.pattern('set_off_prepositions')})\s+[^,.;:!?\n]{{1,40}},\s*"
    rf"(?:(?:{_WORDS.pattern('set_off_auxiliaries')})\s+(?:{_WORDS.pattern('been_word')}\s+)?)?",
    re.IGNORECASE,
)
_SUBJECT_PRONOUN_BETWEEN = lazy_compile(rf"\b(?:{_WORDS.pattern('relative_subjects')})\b")
_AUXILIARIES_ONLY = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('aside_auxiliaries')})\s+(?:{_WORDS.pattern('been_word')}\s+)?"
    rf"(?:(?:{_WORDS.pattern('auxiliary_adverbs')})\s+)?",
    re.IGNORECASE,
)
_ACTIVE_AUXILIARIES = lazy_compile(rf"\s+(?:(?:{_WORDS.pattern('perfect_auxiliaries')})\s+)?", re.IGNORECASE)
_RESULT_VERBS = _WORDS.set("result_verbs")
# the auxiliaries between a subject set off by an aside and its verb: ", will ", ", had been "
_AUXILIARIES_BEFORE = lazy_compile(
    rf"(?<=,)(?:\s+(?:{_WORDS.pattern('coordinated_auxiliaries')}|{_WORDS.pattern('aside_extra_auxiliaries')}))+\s+\Z",
    re.IGNORECASE,
)


# "after the ballot result had been announced": the event noun a modifier of the subject's head
_HEAD_AND_AUXILIARIES = lazy_compile(
    rf"[ \t]+(?!(?:{_WORDS.pattern('not_subject_heads')})\b)(?-i:[a-z])[\w-]+"
    rf"[ \t]+(?:{_WORDS.pattern('aside_auxiliaries')})\s+(?:{_WORDS.pattern('been_word')}\s+)?"
    rf"(?:(?:{_WORDS.pattern('auxiliary_adverbs')})\s+)?",
    re.IGNORECASE,
)


# "… can be booked", "… were sold": a passive predicate (of a verb the lexicon lacks) after a noun
_UNTAGGED_PASSIVE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('passive_predicate_auxiliaries')})\s+(?:be\s+)?(?:\w+ly\s+)?"
    rf"(?!(?:{_WORDS.pattern('scheduling_participles')})\b)[a-z]{{3,}}ed\b"
)
# how many words may stand between a verb and the distance after it whose day set off it takes
_GOVERNING_VERB_WORDS = 6
# "began at 7pm on Tuesday and ran for …": the "and" right before the second verb
_COORDINATED_AFTER = lazy_compile(r"\band\s+(?:then\s+)?\Z")


def clause_head(text: str, noun: Trigger, triggers: Sequence[Trigger]) -> Trigger:
    """"after a fire gutted the building": the event of a clause is its verb, not its subject."""
    if noun.pos != "noun":
        return noun
    following = [t for t in triggers if t.start >= noun.end]
    if following and following[0].pos == "verb" and asserted(following[0]) and (
        (words_between(text, noun.end, following[0].start) == 0
         or _AUXILIARIES_ONLY.fullmatch(text, noun.end, following[0].start)
         or _HEAD_AND_AUXILIARIES.fullmatch(text, noun.end, following[0].start))
        and not _CLAUSE_PUNCTUATION.search(text, noun.end, following[0].start)
    ):
        # (not "during the blockade, lost a day": the phrase ends there; "after the
        # consultation had closed": its verb past the auxiliaries)
        if following[0].text.lower() in _RESULT_VERBS and _ACTIVE_AUXILIARIES.fullmatch(
            text, noun.end, following[0].start
        ):
            return noun  # "after the inspection had found cracks": after the inspection began
        return following[0]
    if following and following[0].pos == "noun" and SUPPORTED.fullmatch(text, noun.end, following[0].start):
        return following[0]  # "the storm made landfall": the landfall
    return noun


# a noun phrase that opens its sentence: at most a few words before the noun
_SUBJECT_LEAD = lazy_compile(r"[ \t*_>\"“]*(?:[\w'’-]+[ \t]+){0,3}")
# (nor a quotation closing, its reporting verb after it, nor a present or future copula of the
# noun's own: '"If the real opening is summer 2027 or later, people deserve to know," he said')
_CLAUSE_STOP = lazy_compile(
    rf"[.;:!?\n”\"]|,[ \t]+(?:{_WORDS.pattern('subject_clause_breaks')})\b"
    rf"|\b(?:{_WORDS.pattern('subject_own_copulas')})\b"
)


def subject_of_past_verb(text: str, noun: Trigger, triggers: Sequence[Trigger],
                         sentence_start: int) -> bool:
    """"A closer survey by engineers on 24 September confirmed …": is the event noun, opening its
    sentence (which starts at ``sentence_start``), the subject of the told past verb after it?"""
    before = [t for t in triggers if t.end <= noun.start]
    after = [t for t in triggers if t.start >= noun.end]
    return not before and bool(after) and after[0].pos == "verb" and after[0].tense == PAST and asserted(
        after[0]
    ) and _SUBJECT_LEAD.fullmatch(text, sentence_start, noun.start) is not None and (
        not _CLAUSE_STOP.search(text, noun.end, after[0].start)
        and words_between(text, noun.end, after[0].start) <= 10
    )


def governing_tense(text: str, noun: Trigger, triggers: Sequence[Trigger]) -> str:
    """"were killed in a bombing in 1995": an event noun in a phrase of a past verb is past; so is
    one after a past copula ("the turning point was the release of Go 1 in March")."""
    if _AFTER_PAST_COPULA.search(text, max(0, noun.start - 50), noun.start):
        return PAST
    since = _SINCE_BEFORE.search(text, max(0, noun.start - 40), noun.start)
    if since is not None and not _FUTURE_BEFORE_SINCE.search(text, max(0, since.start() - 80), since.start()):
        return PAST  # "Since the March 2026 floods, the council has …": counted from a past event
    passive = _PASSIVE_PAST_BEFORE.search(text, max(0, noun.start - 80), noun.start)
    if passive is not None and passive.group(1).lower() not in _PLAN_PARTICIPLES:
        # "The decision was taken at a packed meeting on …": a past passive's setting (not "was
        # expected at a meeting on …", a plan)
        return PAST
    before = [t for t in triggers if t.end <= noun.start]
    if not before:
        return NOMINAL
    verb = before[-1]
    if verb.pos != "verb" or verb.tense not in TOLD_AS_PAST or not asserted(verb):
        return NOMINAL
    if not _PAST_PHRASE.fullmatch(text, verb.end, noun.start):
        return NOMINAL
    return verb.tense

