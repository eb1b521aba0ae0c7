"""Tense, aspect and modality of a trigger, read from the few words in front of it.

"irrealis" covers modal, future, conditional, negated and do-supported uses: the clause does not
say the event happened, so nothing is claimed about its time.
"""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.text.clauses import looks_finite
from chrono.text.vocabulary import each_then_space, vocabulary

PAST = "past"
PERFECT = "perfect"  # has/have + participle
PLUPERFECT = "pluperfect"  # had + participle
PRESENT = "present"
PROGRESSIVE = "progressive"
INFINITIVE = "infinitive"
PLANNED = "planned"  # will, 'll, is scheduled to: dated, but never told as past
IRREALIS = "irrealis"
NOMINAL = "nominal"

TOLD_AS_PAST = (PAST, PERFECT, PLUPERFECT)


_WORDS = vocabulary("tense")
_SKIPPABLE = _WORDS.set("skippable")
# "currently being built", "is being held": a participle after "being" (an adverb between)
_BEING_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('progressive_passive')})\s+(?:\w+ly\s+)?\Z",
                             re.IGNORECASE)
_NEGATIONS = _WORDS.set("negations")
_MODALS = _WORDS.set("modals")
_ABSOLUTE_OPENER = lazy_compile(
    rf",\s*(?:{_WORDS.pattern('absolute_openers')})\s+(?:{_WORDS.pattern('absolute_opener_determiners')})\b"
)
_AUXILIARY_BEFORE_PARTICIPLE = _WORDS.set("participle_auxiliaries")
_FUTURE = _WORDS.set("future_auxiliaries")
_PRESENT_DO = _WORDS.set("present_do_support")
_PLAN_WORDS = _WORDS.set("plan_words")
_AFTER_MODAL = _WORDS.set("after_modal")
_INFINITIVE_MARKER = _WORDS.set("infinitive_marker")
_IMPLICATIVE_PAST = _WORDS.set("implicative_past")
_IMPLICATIVE_ABLE = _WORDS.set("implicative_able")
_AFTER_INFINITIVE_MARKER = _WORDS.set("after_infinitive_marker")
_BE_PRESENT = _WORDS.set("be_present")
_BE_PAST = _WORDS.set("be_past")
# "Since taking office in June 2024, Ortega has pushed …", "After leaving school in 1990, she
# trained …": a gerund that opens its sentence after one of these, before a main clause told
# as past, is an act told as done
_GERUND_OPENERS = _WORDS.set("gerund_openers")
_GERUND_DISTANCE_UNITS = _WORDS.set("gerund_distance_units")
_PAST_MAIN_CLAUSE = lazy_compile(
    r"[^.;:!?\n]{0,80}?,\s+(?:(?:the\s+)?[\w'’-]+\s+){1,3}?"
    rf"(?:(?:{_WORDS.pattern('past_auxiliaries')})\s|[a-z]{{3,}}ed\b)"
)
_WORD_END = lazy_compile(r"[\w'’-]*")
# a main clause in the past before a phrase of an opener and a gerund, in the same sentence
# ("joined the firm in 2004, shortly after leaving": not "will join … after leaving")
_PAST_BEFORE_GERUND = lazy_compile(
    # (not an adjective, "a rearranged fixture", nor a participle set off, ", postponed in January")
    rf"(?<![\w'’-])(?:(?:{_WORDS.pattern('past_auxiliaries')})(?!\s+(?:{_WORDS.pattern('auxiliary_object_words')})\b)"
    rf"|(?<!\ba )(?<!\ban )(?<!\bthe )(?<!, )[a-z]{{3,}}ed)\b(?![^.;:!?\n]*\b"
    rf"(?:{_WORDS.pattern('modals')})\b)[^.;:!?\n]*\b(?:{_WORDS.pattern('gerund_openers')})\s+\Z"
)
_PAST_REACH = 160
_STAY_VERBS = _WORDS.set("stay_verbs")
# ... a phrase that ends its sentence or its clause before "and" ("…, a few months after
# graduating from the school, and became a principal in 1966"; not "promoted in April after
# finishing second, open at home on Saturday 7 October": an aside before the main clause)
# (or to a day set off at its end: "reached the coast a week after leaving Tamsford, on 3 March.")
_PHRASE_TO_SENTENCE_END = lazy_compile(
    rf"[^,;:.!?\n]{{0,80}}(?:[.!?]|\n|\Z|,\s+(?:{_WORDS.pattern('phrase_end_coordinators')})\b"
    rf"|,\s+(?:{_WORDS.pattern('set_off_day_prepositions')})\s[^,;:!?\n]{{1,40}}(?:[.!?]|\n|\Z))")


def _word_end(text: str, start: int) -> int:
    found = _WORD_END.match(text, start)
    return found.end() if found is not None else start
_HAVE = _WORDS.set("have")
_HAVE_NEAR = _WORDS.set("have_near")
_HAD = _WORDS.set("had")
_BEEN = _WORDS.set("been")
_PASSIVE_AUXILIARIES = _WORDS.set("passive_auxiliaries")
_DO_SUPPORT = _WORDS.set("do_support")
_INVERTED_SUBJECTS = _WORDS.set("inverted_subjects")
_INVERSION_OPENER = lazy_compile(rf"\b(?:{_WORDS.pattern('inversion_openers')})\b", re.IGNORECASE)
_SUBJECT_DETERMINERS = _WORDS.set("subject_determiners")
_CLAUSE_IRREALIS = _WORDS.set("clause_irrealis")
_CLAUSE_BOUNDARIES = _WORDS.set("clause_boundaries")
_NOUN_PHRASE_OPENERS = _WORDS.set("noun_phrase_openers")
_PERSONAL_SUBJECTS = _WORDS.set("personal_subjects")
_TEMPORAL_SUBORDINATORS = _WORDS.set("temporal_subordinators")
# (a full stop before white space ends the clause too: "The plan appeared in 2017. A consultation ran")
# "found until", "made about the change in mission until": "until" within the same clause
_UNTIL_IN_CLAUSE = lazy_compile(
    r"[\w'’-]+(?:[ \t]+(?!(?:and|but|or|which|who|that|because|if)\b)[\w'’-]+){0,7}?[ \t]+(?:until|till)\b"
)
_WORD_IN_FRONT = lazy_compile(r"[A-Za-z]+(?:n't)?")
_CLAUSE_WORD = lazy_compile(r"[A-Za-z']+|[,;:()—–\"“”|\n]|[.!?](?=\s)")


def negated_until(before: list[str], text: str, start: int) -> bool:
    """Is the word at ``start`` negated by one of ``before`` (its words in front, lower case)
    and followed in its clause by "until" ("was not found until Tuesday", "No announcement was
    made until 12 November")? Such a clause says the event happened at the time "until" gives,
    not before; a modal or future ("will not reopen until May") keeps it a plan."""
    window = before[-4:]
    if _NEGATIONS.isdisjoint(window) or not (
        _MODALS.isdisjoint(window) and _FUTURE.isdisjoint(window) and _PRESENT_DO.isdisjoint(window)
    ):
        return False
    return _UNTIL_IN_CLAUSE.match(text, start) is not None


def negated_until_at(text: str, start: int) -> bool:
    """:func:`negated_until` for the word at ``start``, reading its words in front from ``text``."""
    before = _WORD_IN_FRONT.findall(text, max(0, start - 40), start)
    return negated_until([w.lower() for w in before], text, start)


def _opens_infinitive(after: list[str]) -> bool:
    """Do the words after a "to" read as an infinitive ("to have the changes merged"), not as the
    object of a preposition ("to Leeds", "to the island", "to 2026")?"""
    if not after:
        return True
    word = after[0]
    # ("adding items to carts continued", "listen to recordings … collected": a plural noun)
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return word[:1].islower() and word not in _NOUN_PHRASE_OPENERS and not plural


def _in_irrealis_clause(text: str, start: int) -> bool:
    """Does a modal or "if" govern the clause a past form at ``start`` stands in ("would be the
    one shipped in October", "if the plant closed")? Looks back to the clause's start."""
    tokens = _CLAUSE_WORD.findall(text[max(0, start - 80):start])
    # ("asked to see the summaries he circulated": a subject of its own makes the past form a
    # finite verb of another clause, which the infinitive before does not govern)
    own_subject = bool(tokens) and tokens[-1].lower() in _PERSONAL_SUBJECTS
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        low = token.lower()
        # "to have the changes merged and tested": coordinated participles share their clause
        coordinated = low in ("and", "or") and index > 0 and tokens[index - 1].lower().endswith("ed")
        if not token[0].isalpha() or (low in _CLAUSE_BOUNDARIES and not coordinated):
            return False
        if low in _CLAUSE_IRREALIS and not (token[0].isupper() and low == "may"):  # "20 May 2024"
            if low in _INFINITIVE_MARKER and (own_subject or not _opens_infinitive(tokens[index + 1:])):
                continue  # "The bus to Leeds left at 6am": a preposition, not an infinitive's "to"
            return True
    return False


_ABSOLUTE_REACH = 240
_SENTENCE_STOP = lazy_compile(r"[.!?](?=\s)|\n\s*\n")


def _absolute_after_modal(text: str, start: int) -> bool:
    """Does the participle at ``start`` stand in an absolute phrase ("with the playground
    completed over the summer, and the full project finished in September") set off after a
    clause a modal governs ("the building should be finished by spring 2021, with …")? Then it
    is as unreal as that clause."""
    lo = max(0, start - _ABSOLUTE_REACH)
    opener = None
    for match in _ABSOLUTE_OPENER.finditer(text, lo, start):
        opener = match
    if opener is None or _SENTENCE_STOP.search(text, opener.end(), start):
        return False
    stops = list(_SENTENCE_STOP.finditer(text, lo, opener.start()))
    if stops:
        lo = stops[-1].end()
    return any(w.lower() in _MODALS for w in _CLAUSE_WORD.findall(text, lo, opener.start()))


def _timed_by_modal(text: str, start: int) -> bool:
    """"would move to a new gallery once the work was funded": a clause opened by "once",
    "until" … after a clause a modal governs is as unreal as that clause."""
    tokens = _CLAUSE_WORD.findall(text[max(0, start - 100):start])
    index = len(tokens) - 1
    while index >= 0 and tokens[index].lower() not in _TEMPORAL_SUBORDINATORS:
        token = tokens[index]
        if not token[0].isalpha() or token.lower() in _CLAUSE_BOUNDARIES:
            return False
        index -= 1
    for token in reversed(tokens[:max(index, 0)]):
        low = token.lower()
        if not token[0].isalpha() or low in _CLAUSE_BOUNDARIES:
            return False
        if low in _MODALS or low in _FUTURE:
            return True
    return False


_NAMED_PARTICIPLES = _WORDS.set("named_participles")
_PARTICIPLE_PHRASE_ARTICLES = _WORDS.set("participle_phrase_articles")
_PARTICIPLE_PHRASE_PREPOSITIONS = _WORDS.set("participle_phrase_prepositions")
_PARTICIPLE_PHRASE_FOLLOWER = lazy_compile(rf"[ \t]+(?:{_WORDS.pattern('participle_phrase_followers')})\b")
_NOTICE_PARTICIPLES = _WORDS.set("notice_participles")
_CLAUSE_END_AFTER = lazy_compile(r"[ \t]*(?:[.;!)]|\n|\Z)")
_TEXT_POINTER_AFTER = lazy_compile(rf"[ \t]+(?:{_WORDS.pattern('text_pointer_adverbs')})\b")
_SET_OFF_NAME = lazy_compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]*,[ \t]*\Z")
_PARTICIPLE_PHRASE = lazy_compile(
    rf"[A-Z][a-z]+\s+(?:{_WORDS.pattern('opening_participle_prepositions')})\b[^,;.!?]{{0,80}},\s*"
    rf"(?:{each_then_space(_WORDS.words('articles'))})?[A-Za-z]"
)


# "…, according to several winemakers; released from 2026": a participle right after a
# semicolon, with no subject or auxiliary of its own, and "from" a time on does not say whether
# it happened ("born 3 June 1938; died 9 March 2023" does)
_AFTER_SEMICOLON = lazy_compile(r";[ \t]*\Z")
_FROM_AFTER = lazy_compile(r"[\w-]+[ \t]+from\b")


# "…, with the first patients treated early in 2025": an absolute phrase (with, a noun phrase
# of a few words, a participle) tells no event of its own
_WITH_ABSOLUTE = lazy_compile(
    rf"\bwith\s+(?:(?:{_WORDS.pattern('absolute_determiners')})\s+)?"
    rf"(?:(?!(?:{_WORDS.pattern('absolute_breaks')})\s)[\w'’-]+\s+){{0,4}}\Z"
)


# the second of two absolute phrases joined by "and", the first with its own participle
_WITH_ABSOLUTE_PAIR = lazy_compile(
    rf"\bwith\s+(?:[\w'’-]+\s+){{1,4}}?[a-z]+ing\b[^,.;:!?\n]{{0,50}}?\s+(?:{_WORDS.pattern('absolute_joiners')})\s+"
    rf"(?:(?:{_WORDS.pattern('absolute_determiners')})\s+)?"
    rf"(?:(?!(?:{_WORDS.pattern('absolute_breaks')})\s)[\w'’-]+\s+){{0,3}}\Z"
)


def _inverted_past(words: list[str], text: str, start: int) -> bool:
    """"did" and a short subject ("she", "the board") right before a base form, after a fronted
    "only" or "until": an inverted past clause."""
    if "did" not in words[-4:] or _INVERSION_OPENER.search(text, max(0, start - 160), start) is None:
        return False
    subject = words[len(words) - words[::-1].index("did"):]
    return (len(subject) == 1 and subject[0] in _INVERTED_SUBJECTS) or (
        1 < len(subject) <= 3 and subject[0] in _SUBJECT_DETERMINERS)


def _implicative(words: list[str], at: int) -> bool:
    """Is ``words[at]``, the word before an infinitive's "to", a past that tells it happened?"""
    if len(words) < -at:
        return False
    governor = words[at]
    # "were able to", "were at last able to", "was then able to"
    return governor in _IMPLICATIVE_PAST or (
        governor in _IMPLICATIVE_ABLE and not _BE_PAST.isdisjoint(words[max(0, len(words) + at - 3):at])
    )


def implicative_infinitive(before: list[str]) -> bool:
    """Do the words ``before`` a verb (lower case, ending in "to") tell that it happened:
    "managed to", "were finally able to"?"""
    words = [w for w in before if w not in _SKIPPABLE and not (w.endswith("ly") and len(w) > 4)]
    return bool(words) and words[-1] in _INFINITIVE_MARKER and _implicative(words, -2)


_AUXILIARIES = _BE_PAST | _BE_PRESENT | _HAVE | _HAD | _BEEN | _DO_SUPPORT | _MODALS | _FUTURE | _AFTER_MODAL


def _negation_of_another_verb(window: list[str]) -> bool:
    """"trips he never made was convicted": a word after the negation that is no auxiliary or
    adverb is the verb it negates, not the one after it."""
    last = max(i for i, w in enumerate(window) if w in _NEGATIONS)
    return any(w not in _AUXILIARIES and looks_finite(w) for w in window[last + 1:])


def in_absolute_phrase(text: str, start: int) -> bool:
    """Is the participle at ``start`` the end of an absolute phrase ("with the first homes
    completed", "with former pupils invited", "with construction starting in 2028 and the first
    passengers carried in 2031"), which tells no event of its own?"""
    lo = max(0, start - 50)
    # (the word looked for first: the search would try every start)
    if "with" in text[lo:start] and _WITH_ABSOLUTE.search(text, lo, start) is not None:
        return True
    lo = max(0, start - 120)
    return "with" in text[lo:start] and _WITH_ABSOLUTE_PAIR.search(text, lo, start) is not None


# an inverted conditional: "Had the bridge opened", "Had she known", "had it not rained"
_INVERTED_HAD = lazy_compile(
    # (not ", had been closed": a pluperfect after an aside, "The bridge, built in 1968, had been closed")
    r"(?:\A|[.;:!?—–(\n][\s\"“]*|,[ \t]+)[Hh]ad[ \t]+(?!been\b|not[ \t]+been\b)"
    r"(?:(?:the|a|an|its|his|her|their|our|my)[ \t]+)?"
    r"[\w'’-]+(?:[ \t]+[\w'’-]+)?(?:[ \t]+not)?[ \t]+(?:\w+ly[ \t]+)?\Z"
)


def verb_tense(form: str, before: list[str], text: str, start: int) -> str | None:
    """The tense of a verb ``form`` (base|s|past|pp|ing) at ``start`` from the words in front of it
    (``before``, lower case); None when it is not an event use."""
    if form in ("pp", "past") and _INVERTED_HAD.search(text, max(0, start - 60), start):
        return IRREALIS  # "Had the bridge opened on schedule in May 2021, …": it did not
    words = [w for w in before if w not in _SKIPPABLE and not (w.endswith("ly") and len(w) > 4)]
    prev = words[-1] if words else ""
    prev2 = words[-2] if len(words) > 1 else ""
    window = before[-4:]
    if not _NEGATIONS.isdisjoint(window) and not _negation_of_another_verb(window):
        if not negated_until(before, text, start):
            return IRREALIS
        # "was not found until Tuesday", "did not reopen until 3 May": it happened then
        words = [w for w in words if w not in _NEGATIONS]
        if words and words[-1] in _DO_SUPPORT and form == "base":
            return PAST
        prev = words[-1] if words else ""
        prev2 = words[-2] if len(words) > 1 else ""
    if prev in _FUTURE or (prev2 in _FUTURE and prev in _AFTER_MODAL):
        return PLANNED  # "will sign", "'ll be signed"
    if prev in _MODALS or (prev2 in _MODALS and prev in _AFTER_MODAL):
        return IRREALIS
    if form in ("pp", "past") and prev not in _AUXILIARY_BEFORE_PARTICIPLE and (
        _absolute_after_modal(text, start)
    ):
        return IRREALIS  # "should be finished by spring, with …, and the full project finished by September"
    if prev in _INFINITIVE_MARKER or (prev2 in _INFINITIVE_MARKER and prev in _AFTER_INFINITIVE_MARKER):
        at = -2 if prev in _INFINITIVE_MARKER else -3
        governor = words[at] if len(words) >= -at else ""
        if governor in _PLAN_WORDS:
            return PLANNED  # "is scheduled to open", "plans to sign"
        if _implicative(words, at):
            return PAST  # "managed to reach the summit", "were finally able to examine the bay"
        return INFINITIVE  # "to seize", "to be completed"
    if form == "ing":
        if prev in _BE_PAST:
            return PROGRESSIVE
        if prev in _BE_PRESENT:
            return PROGRESSIVE
        # (or after a distance: "Three days after leaving Porth Ianto, on 6 June, we limped …")
        counted = len(words) == 3 and words[1] in _GERUND_DISTANCE_UNITS
        if prev in _GERUND_OPENERS and (len(words) <= 1 or counted) and _PAST_MAIN_CLAUSE.match(
            text, _word_end(text, start)
        ):
            return PAST  # "Since taking office in June 2024, Ortega has pushed …": told as done
        if prev in _GERUND_OPENERS and _PAST_BEFORE_GERUND.search(
            text, max(0, start - _PAST_REACH), start
        ) and _PHRASE_TO_SENTENCE_END.match(text, _word_end(text, start)):
            # "She joined the company in 1961, a few months after graduating": a phrase after a
            # main clause told in the past is its act, told as done
            return PAST
        return None
    if form in ("pp", "past") and prev in _STAY_VERBS:
        return None  # "will close on Sunday and stay closed on Monday": the staying's state
    if form in ("pp", "past") and _BEING_BEFORE.search(text, max(0, start - 30), start):
        return PROGRESSIVE  # "a new ferry, currently being built on the Clyde": under way, not done
    if form == "pp" or form == "past":
        if prev in _HAVE or not _HAVE_NEAR.isdisjoint(window):
            return PERFECT
        if prev in _HAD or not _HAD.isdisjoint(window):
            return PLUPERFECT
        if (prev in _BE_PAST or (prev2 in _BE_PAST and prev in _BEEN)) and _timed_by_modal(text, start):
            return IRREALIS  # "would move … once a second phase of work was funded"
        if prev in _BE_PAST or (prev2 in _BE_PAST and prev in _BEEN):
            return PAST
        if prev in _BE_PRESENT:
            return PRESENT
        if _in_irrealis_clause(text, start):
            return IRREALIS
        if in_absolute_phrase(text, start):
            return None  # "with the first homes completed in 2026": the main clause's time, no event
        end = _word_end(text, start)
        if len(words) >= 3 and words[-2] in _PARTICIPLE_PHRASE_ARTICLES and (
            words[-3] in _PARTICIPLE_PHRASE_PREPOSITIONS
        ) and _PARTICIPLE_PHRASE_FOLLOWER.match(text, end):
            return None  # "host Brandley on Thursday 16 March in a fixture rearranged from January"
        if text[start:end].lower() in _NOTICE_PARTICIPLES and prev not in _PASSIVE_AUXILIARIES and (
            _CLAUSE_END_AFTER.match(text, end)
        ):
            return None  # "Fancy dress encouraged.": a notice, not an event
        if _TEXT_POINTER_AFTER.match(text, end):
            return None  # "for the parish councils listed overleaf, on Thursday 4 May": the councils
        if _AFTER_SEMICOLON.search(text, max(0, start - 8), start) and _FROM_AFTER.match(text, start):
            return None
        if form == "past":
            return PAST
        if prev in _PASSIVE_AUXILIARIES:
            return PAST
        if _SET_OFF_NAME.search(text, max(0, start - 40), start) and (
            text[start:_word_end(text, start)] in _NAMED_PARTICIPLES
        ):
            return PAST  # "Peter, born in 1966, and Claire, born in 1976": told of the person named
        if not before and _PARTICIPLE_PHRASE.match(text, start):
            # "Born on 2 May 1950 in Leeds, she …", "Founded in 1990, the firm …": a participle
            # phrase that opens the sentence tells a past event of the subject
            return PAST
        return None
    if form == "s":
        return PRESENT
    if form == "base":
        if _inverted_past(words, text, start):
            return PAST  # "Only after the vote did they sign", "… did the board sign"
        if prev in _DO_SUPPORT:
            return IRREALIS
        return None
    return NOMINAL
