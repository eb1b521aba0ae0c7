"""Firsts: "its oldest surviving boat, the Ellen Mary, built in 1928" against "the sculling boat
Kestrel, built in 1911": a thing called the first (the earliest, the oldest) of its kind is
not dated after another of that kind (chrono/lang/en/prose/firsts.yaml has the words).

The kind is the noun after the superlative, and another of the kind is a mention of that noun
(its plural, or the noun at the end of a compound) with a year written right next to it. The
reading is sure only when the other mention is told of the same owner ("the club's") or in
the same paragraph; elsewhere it may be another place's, a doubt (a warning at most).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from chrono.layout import Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.model import Grade, Span
from chrono.tagger import Timex
from chrono.text.again import ordered_dates
from chrono.text.builder import Builder
from chrono.text.calendar_names import MONTHS, WEEKDAYS
from chrono.text.clauses import FUNCTION_WORDS
from chrono.text.context import SentenceContext
from chrono.text.counts import NUMBERS
from chrono.text.events import Trigger, lexicon
from chrono.text.inflection import regular_forms, singular
from chrono.text.sentences import Sentence
from chrono.text.tense import PAST
from chrono.text.vocabulary import Hint, alternation, vocabulary

__all__ = ["first_editions", "first_persons", "first_since", "first_times", "first_under", "firsts"]

_WORDS = vocabulary("firsts")
_FIRST = lazy_compile(
    rf"\b(?:(?P<owner>[A-Za-z][\w-]*)['’]s|{_WORDS.pattern('determiners')})\s+"
    rf"(?:{_WORDS.pattern('first_words')})\s+(?:(?:{_WORDS.pattern('open_qualifiers')})\s+)?"
    rf"(?:(?P<modifier>[a-z][\w-]*)\s+)??(?P<head>[a-z][\w-]*)\b"
    rf"(?=\s*(?:[,.;:()—–]|\s(?:{_WORDS.pattern('phrase_ends')})\b))",
    re.IGNORECASE,
)
# every pattern of a first of its kind holds one of these words: most sentences hold none
_FIRST_HINT = Hint.of(_WORDS.words("first_words"))
_NOT_HEADS = _WORDS.set("not_heads")
_OPEN = _WORDS.set("open_qualifiers")
_SCOPED = lazy_compile(rf"\b(?:{_WORDS.pattern('scope_words')})\b", re.IGNORECASE)
_PERSON_SCOPED = lazy_compile(rf"\b(?:{_WORDS.pattern('person_first_scopes')})\b", re.IGNORECASE)
_SCOPE_REACH = 40  # characters after a first of a person in which a scope word narrows it
_FIRST_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('first_words')})\s+(?:[\w-]+\s+){{0,2}}\Z", re.IGNORECASE
)
_NOT_REAL = lazy_compile(rf"\b(?:{_WORDS.pattern('not_real')})\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
_LATER_ORDINALS = [str(word) for word, place in vocabulary("coreference").table("ordinal_words").items()
                   if int(place) > 1 and "-" not in str(word)]
# "the second fair, in 2014": a later one of the same series, in the same story
_LATER_ORDINAL_BEFORE = lazy_compile(rf"\b(?:{'|'.join(_LATER_ORDINALS)})\s+\Z", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_PLACE_AFTER = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('place_prepositions')})\s+(?!(?:[\w'’-]+\s+){{0,3}}(?:{_WORDS.pattern('whole_story_words')})\b)",
    re.IGNORECASE,
)
# "the first baby of 2002", "the first goal of the season": the first within a period
_OF_PERIOD_AFTER = lazy_compile(
    rf"\s+of\s+(?:(?:the|this|that|last|next)\s+)?(?:new\s+)?(?:\d{{4}}\b|(?:{_WORDS.pattern('period_words')})\b)",
    re.IGNORECASE,
)
_PLAN = lazy_compile(rf"\b(?:{_WORDS.pattern('plan_words')})\b", re.IGNORECASE)
_FIRM_PLAN = _WORDS.set("firm_plan_words")
_NEAR = 60  # characters from a noun to the year that dates it
_POSSESSIVE_END = lazy_compile(r"['’]s\Z")
_CLAUSE_BREAK = lazy_compile(r"[;:()—–]|,\s+(?:and|but|while|whereas)\b")


def firsts(b: Builder) -> None:
    """The claims that put a thing called the first of its kind no later than another of it."""
    text = b.text
    for sentence in b.sentences:
        if not _FIRST_HINT.may_match(text, sentence.start, sentence.end):
            continue
        for match in _FIRST.finditer(text, sentence.start, sentence.end):
            head = match.group("head").lower()
            modifier = (match.group("modifier") or "").lower()
            if head in _NOT_HEADS or modifier in _NOT_HEADS or _SCOPED.search(
                text, _clause_start(text, sentence.start, match.start()), sentence.end
            ):
                continue
            place = _PLACE_AFTER.match(text, match.end())
            story_place = place is not None and _story_place(b, place.end())
            if (place is not None and not story_place) or _PLAN.search(text, sentence.start, sentence.end):
                continue  # "the first game in the new arena would take place in 2027"
            if _OF_PERIOD_AFTER.match(text, match.end()):
                continue  # "Fordham's first baby of 2002": the first of a year, not of its kind
            own_timex = _own_year(b, sentence)
            if own_timex is None:
                continue  # no year of its own, or several: which is the thing's is not said
            year = int(own_timex.value[:4])
            kind = singular(head)
            wide = not modifier or modifier in _OPEN
            # (another thing of the kind only against a year the first was made in: "the oldest
            # building in the village, restored in 1890" says nothing of when it was built)
            made = wide and _year_of_making(b, sentence, own_timex)
            members = _MEMBERS.get(kind, frozenset()) if made else frozenset()
            surviving = bool(_SURVIVING.search(match.group()))
            words = rf"\b(?:{alternation({kind, *members})})(?:s|es)?\b"
            for other in b.sentences:
                if not b.same_story(other.start, sentence.start):
                    continue
                for mention in re.finditer(words, text[other.start:other.end], re.IGNORECASE):
                    at, end = other.start + mention.start(), other.start + mention.end()
                    member = singular(mention.group().lower()) != kind
                    if match.start() <= at < match.end() or (text[at].isupper() and not member):
                        continue  # (not a word of a name: "the New York Student Film Festival")
                    if not wide and re.search(
                        rf"\b{re.escape(modifier)}\b", text[max(other.start, at - 40):at], re.IGNORECASE
                    ) is None:
                        continue  # "first feature film" against a student film: a narrower kind
                    if _FIRST_BEFORE.search(text, max(other.start, at - 30), at) or _NOT_REAL.search(
                        text, max(other.start, at - 24), at
                    ):
                        continue
                    if (member or surviving) and _LOST.search(text, other.start, other.end):
                        continue  # ("a hall that burned down in 1580"): no rival to the oldest surviving
                    dated = _year_next_to(b, other, at, end) or _year_made_before(b, other, at)
                    if dated is None or int(dated.value[:4]) >= year:
                        continue
                    owner = match.group("owner") or _owner_before(text, sentence.start, match.start())
                    same_owner = owner is not None and wide and re.search(
                        rf"\b{re.escape(owner)}\b", text[other.start:other.end], re.IGNORECASE
                    ) is not None
                    later_one = _LATER_ORDINAL_BEFORE.search(text, max(other.start, at - 16), at) is not None
                    sure = (other.paragraph == sentence.paragraph or same_owner or later_one or story_place
                            or _of_the_same(text, match.end(), other))
                    _claim(b, own_timex, dated, Span(match.start(), match.end(), "claim"),
                           Span(at, end, "claim"), Grade.STRONG if sure else Grade.WEAK)
                    break


_MEMBERS = {str(kind): frozenset(map(str, words)) for kind, words in _WORDS.table("kind_members").items()}
_SURVIVING = lazy_compile(rf"\b(?:{_WORDS.pattern('survival_qualifiers')})\b", re.IGNORECASE)
_LOST = lazy_compile(rf"\b(?:{_WORDS.pattern('lost_words')})\b", re.IGNORECASE)
_STORY_PLACE = lazy_compile(
    rf"(?:(?:the|its|their|our|this)\s+)(?:{_WORDS.pattern('story_places')})\b", re.IGNORECASE
)
_PLACE_NAME = lazy_compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")
_MADE_YEAR = lazy_compile(
    rf"\b(?:{_WORDS.pattern('made_words')})\s+(?:by\s+(?:[A-Z][\w'’.-]*\s+){{1,4}})?"
    rf"(?:(?:{_WORDS.pattern('made_prepositions')})\s+)?\Z",
    re.IGNORECASE,
)
_PRENOMINAL_YEAR = lazy_compile(r"\b\d{4}\s+(?:[a-z][\w-]*\s+)?\Z")
_STORY_NAME_TIMES = 3  # how often a place name is written for it to be the story's own place


_SCOPE_BREAK = lazy_compile(r"[,;:()—–]")
_OF_WHAT = lazy_compile(r"\s+of\s+(?:(?:the|a|an|its|their)\s+)?((?:[\w'’-]+\s+){0,2}[\w'’-]+)")


def _clause_start(text: str, lo: int, at: int, breaks: re.Pattern[str] = _SCOPE_BREAK) -> int:
    """Where the stretch of a sentence from ``lo`` that holds ``at`` begins, after the last of
    ``breaks`` before it (a comma or stronger, by default: "The highlight this year is Cobbler's
    Row, … the oldest building in the village": the year scopes the highlight, not the oldest)."""
    found = list(breaks.finditer(text, lo, at))
    return found[-1].end() if found else lo


def _of_the_same(text: str, end: int, other: Sentence) -> bool:
    """Is the first "of" something ("the earliest known photograph of Pentreath harbour") that
    ``other`` names too ("a view of the harbour from Castle Hill")?"""
    of = _OF_WHAT.match(text, end)
    if of is None:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]+", of.group(1))
             if w.lower() not in _PERSON_STOP and len(w) > 2]
    told = text[other.start:other.end]
    return any(re.search(rf"\b{re.escape(_POSSESSIVE_END.sub('', w))}\b", told, re.IGNORECASE) for w in words)


def _story_place(b: Builder, at: int) -> bool:
    """Is the place after a first ("the oldest building in the village", "in Sellingford", "in its
    collection") the story's own: a place word with "the" or a possessive, or a name the story
    writes in a heading or again and again?"""
    text = b.text
    if _STORY_PLACE.match(text, at):
        return True
    name = _PLACE_NAME.match(text, at)
    if name is None:
        return False
    found = [m.start() for m in re.finditer(rf"\b{re.escape(name.group())}\b", text)]
    return len(found) >= _STORY_NAME_TIMES or any(b.in_heading(offset) for offset in found)


def _own_year(b: Builder, sentence: Sentence) -> Timex | None:
    """The year of a first's sentence: its one year, or the one year of making among several
    ("Built in 1612 …, it is the oldest surviving building …, and its roof, restored in 1987")."""
    own = _years_in(b, sentence)
    if len(own) == 1:
        return next(iter(own.values()))
    made = [t for t in own.values() if _made_word_before(b.text, sentence, t)]
    return made[0] if len(made) == 1 else None


_MADE_REACH = 40  # characters before a year in which a word of making may stand


def _made_word_before(text: str, sentence: Sentence, timex: Timex) -> bool:
    """Is ``timex`` right after a word of making ("built in 1612", "granted by Henry III in 1269")?"""
    return _MADE_YEAR.search(text, max(sentence.start, timex.start - _MADE_REACH), timex.start) is not None


_THING_DATED = lazy_compile(r"\b[a-z][\w-]*\s+(?:of|from)\s+\Z")


def _year_of_making(b: Builder, sentence: Sentence, timex: Timex) -> bool:
    """Does ``timex`` tell when a thing was made: after a word of making ("built in 1612", "taken
    in 1871"), after a thing ("a scorecard from 3 July 1872", "the flood of 1852"), or before one
    ("the 1871 plate")?"""
    text = b.text
    return bool(_made_word_before(text, sentence, timex)
                or _THING_DATED.search(text, max(sentence.start, timex.start - _MADE_REACH), timex.start)
                or (timex.text.isdigit() and re.match(r"\s+[a-z]", text[timex.end:timex.end + 2])))


def _year_made_before(b: Builder, sentence: Sentence, at: int) -> Timex | None:
    """The year set before a thing in its sentence: as its modifier ("an 1868 view of the
    harbour", "the museum's 1583 psalter"), or as the year of its making at the sentence's head
    ("Built in 1588 by the town's wool merchants …, the Guildhall")."""
    lo = bisect.bisect_left(b.timex_starts, sentence.start)
    hi = bisect.bisect_left(b.timex_starts, at)
    before = [t for t in b.timexes[lo:hi]
              if t.type == "DATE" and _YEAR.match(t.value) and _YEAR.search(t.text)]
    if not before:
        return None
    last = before[-1]
    if _PRENOMINAL_YEAR.fullmatch(b.text, last.start, at):
        return last
    first = before[0]
    opening = b.text[sentence.start:first.start].strip(" *_#-\n")
    if len(before) == 1 and _MADE_YEAR.fullmatch(opening + " ") and not _CLAUSE_BREAK.search(
            b.text, first.end, at):
        return first
    return None


_POSSESSIVE = lazy_compile(r"\b([A-Za-z][\w-]*)['’]s\b")


def _owner_before(text: str, lo: int, hi: int) -> str | None:
    """The last possessive noun before a possessive pronoun's superlative in its sentence ("Among
    the club's proudest possessions is its oldest surviving boat": the club)."""
    found = [m.group(1) for m in _POSSESSIVE.finditer(text, lo, hi)]
    return found[-1] if found else None


def _years_in(b: Builder, sentence: Sentence) -> dict[int, Timex]:
    """The years written out in ``sentence`` (not after "since"), each with its expression."""
    lo = bisect.bisect_left(b.timex_starts, sentence.start)
    hi = bisect.bisect_left(b.timex_starts, sentence.end)
    return {int(t.value[:4]): t for t in b.timexes[lo:hi]
            if t.type == "DATE" and _YEAR.search(t.text) and _YEAR.match(t.value) and t.signal != "since"}


def _year_next_to(b: Builder, sentence: Sentence, at: int, end: int) -> Timex | None:
    """The one year written within a few words after the noun at ``[at, end)`` ("the sculling
    boat Kestrel, built in 1911"), in its sentence."""
    lo = bisect.bisect_left(b.timex_starts, end)
    near = [t for t in b.timexes[lo:] if t.start < min(sentence.end, end + _NEAR)
            and t.type == "DATE" and _YEAR.search(t.text) and _YEAR.match(t.value) and t.signal != "since"]
    return near[0] if len(near) == 1 else None


def _claim(b: Builder, first: Timex, other: Timex, first_span: Span, other_span: Span, grade: Grade) -> None:
    doubt = "" if grade is Grade.STRONG else "; the other may be another place's or owner's"
    ordered_dates(b, (first, first_span, "the first of its kind"), (other, other_span, "another of its kind"),
                  Span(first_span.start, first_span.end, "claim"), date_via="the year written with it",
                  order_via=f"the first of a kind comes no later than another of it{doubt}", grade=grade)


_YEAR_START = lazy_compile(r"(?:1[89]|20)\d\d")
_PERSON_FIRSTS = {str(kind): frozenset(map(str, marks))
                  for kind, marks in _WORDS.table("person_firsts").items()}
_PERSON_KIN = {str(kind): frozenset(map(str, words))
               for kind, words in _WORDS.table("person_first_kin").items()}
_GIVEN_NAMES = vocabulary("given_names")
_NAMES_BY_SEX = {"female": _GIVEN_NAMES.set("female"), "male": _GIVEN_NAMES.set("male")}
_PERSON_NAMES = {str(kind): _NAMES_BY_SEX[str(sex)]
                 for kind, sex in _WORDS.table("person_first_names").items()}
_SEX_OF = {str(kind): str(sex) for kind, sex in _WORDS.table("person_first_names").items()}
# the subject pronoun of each person word's sex ("she" of "woman")
_PRONOUNS = {kind: frozenset(str(pronoun) for pronoun, of in vocabulary("coreference").table(
    "subject_pronoun_sexes").items() if str(of) == sex) for kind, sex in _SEX_OF.items()}
_OTHER_SEX = {str(kind): str(other) for kind, other in _WORDS.table("person_first_other_sex").items()}
_PERSON_FIRST = lazy_compile(
    rf"\b(?:{_WORDS.pattern('determiners')})\s+(?:{_WORDS.pattern('first_words')})\s+"
    rf"(?P<kind>{alternation(_PERSON_FIRSTS)})\s+(?:(?:{_WORDS.pattern('open_qualifiers')})\s+)?"
    rf"(?:{_WORDS.pattern('person_first_to')})\s+(?P<verb>[a-z]+)\s+(?P<object>[^,.;:!?—–()\n]{{1,60}})",
    re.IGNORECASE,
)
# "Holbeck's first woman mayor", "the first woman club captain": the post itself, after the word
_PERSON_FIRST_POST = lazy_compile(
    rf"\b(?:[A-Z][\w-]*['’]s|{_WORDS.pattern('determiners')})\s+(?:{_WORDS.pattern('first_words')})\s+"
    rf"(?P<kind>{alternation(_PERSON_FIRSTS)})\s+(?P<post>[a-z]+(?:\s+[a-z]+)??)\b"
    rf"(?=\s*(?:[,.;:()—–]|\s(?:{_WORDS.pattern('phrase_ends')})\b))",
    re.IGNORECASE,
)
_NOT_POST_WORDS = _WORDS.set("person_first_to") | _OPEN | _WORDS.set("phrase_ends")
_POSTS = _WORDS.set("person_first_posts")
_POST_FORMS = {str(post): frozenset(map(str, forms))
               for post, forms in _WORDS.table("person_first_post_forms").items()}
_GENERIC_OBJECTS = _WORDS.set("person_first_generic_objects")
_LIKE_ACTS = {str(act): frozenset(map(str, words))
              for act, words in _WORDS.table("person_first_like_acts").items()}
_AS_VERBS = _WORDS.set("person_first_as_verbs")
_COPULAS = _WORDS.set("person_first_copulas")
_NAME_AFTER = lazy_compile(r"[ \t]+[A-Z][a-z]")
_IRREGULAR_FORMS = {str(verb): tuple(map(str, forms))
                    for verb, forms in _WORDS.table("person_first_irregular_forms").items()}
_IRREGULAR_LEMMAS = {form: verb for verb, forms in _IRREGULAR_FORMS.items() for form in forms}
# "as club president", "as the station's coxswain": the post among the few words after "as"
_AS_POST = lazy_compile(r"as\s+((?:[\w'’-]+\s+){0,2}[a-z]+)\b")
_DOERS = {str(verb): tuple(map(str, doers)) for verb, doers in _WORDS.table("person_first_doers").items()}
_POST_NOUNS = _POSTS.union(*_POST_FORMS.values(), *map(frozenset, _DOERS.values()))
_PERSON_SAMENESS = lazy_compile(rf"\b(?:{_WORDS.pattern('person_first_sameness')})\b", re.IGNORECASE)
_PERSON_STOP = _WORDS.set("person_first_stop")
_OBJECT_WORD = lazy_compile(r"[A-Za-z][\w'’-]*")
_OBJECT_ENDS = _WORDS.set("person_first_object_ends")
# a given name before a surname ("Hilda Marsh", "Edith M. Cray")
_FULL_NAME = lazy_compile(r"\b([A-Z][a-z]+)(?=\s+(?:[A-Z]\.\s+)?[A-Z][a-z])")
_NAME_WORD = lazy_compile(r"\b[A-Z][a-z][\w'’-]*")
_SURNAME_AFTER = lazy_compile(r"\s+([A-Z][a-z][\w'’-]*)")
_ACT_SENTENCES_BACK = 4  # how many sentences back the year of the act may be told
_SINCE = lazy_compile(r"\bsince\b", re.IGNORECASE)
_POST_WORD = lazy_compile(r"[A-Za-z]+")
# (or a possessive common noun: "the station's coxswain", "the club's captain that season")
_POST_OPENER = lazy_compile(
    rf"\b(?:(?:{_WORDS.pattern('person_first_post_openers')})|(?-i:[a-z]+)['’]s)\s+\Z", re.IGNORECASE)
_POST_ELSEWHERE = lazy_compile(rf"\s+(?:{_WORDS.pattern('person_first_post_elsewhere')})\b", re.IGNORECASE)
_NOW_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('person_first_now')})\s+\Z", re.IGNORECASE)


def first_persons(b: Builder) -> None:
    """"Jane Colley, who in 1978 became the first woman to captain the club" against "the members
    elected Miss Edith Morrow as club captain" (1931): the first person of a sex to do a thing
    comes no later than another of that sex the text tells doing it, in a year of its own. The
    other's sentence must name the act (a form of the verb, or the post: "Holbeck's first woman
    mayor" … "the mayor of that year, Alderman Ada Crane"), mark the sex (a title or a reflexive
    pronoun; or a kin word or a given name of that sex, with none of the other sex) and hold the
    words of what was done, or call it the same. The first one's year is its sentence's, or that
    of the act told a few sentences before ("was elected captain … in the spring of 1962. ¶ She
    was 19, and the first woman ever to captain the club")."""
    text = b.text
    for sentence in b.sentences:
        if not _FIRST_HINT.may_match(text, sentence.start, sentence.end):
            continue
        found = [(m, _verb_forms(m.group("verb").lower()), _done_words(m.group("object")))
                 for m in _PERSON_FIRST.finditer(text, sentence.start, sentence.end)]
        for m in _PERSON_FIRST_POST.finditer(text, sentence.start, sentence.end):
            post = m.group("post").lower().split()
            if not set(post) & _NOT_POST_WORDS and not any(m.start() < f.end() and f.start() < m.end()
                                                           for f, _, _ in found):
                found.append((m, _with_forms(post[-1]), set()))
        for match, acts, done in found:
            acts |= _post_served(match)  # "the first woman to serve as club president"
            like = _like_acts(match, acts)
            generic = bool(done & _GENERIC_OBJECTS)
            acts |= _posts_told(b, sentence, match.start(), back=generic)
            done = set() if generic else done
            if _planned_first(text, sentence, match, firm_ones=False):
                continue
            if _PERSON_SCOPED.search(text, match.end(), min(sentence.end, match.end() + _SCOPE_REACH)):
                continue  # "the first woman mayor of the present borough, which was created in 1974"
            kind = match.group("kind").lower()
            names = _first_names(text, sentence, match, kind)
            year = _first_year(b, sentence, match, acts, names)
            grade = Grade.STRONG
            if year is None:
                # ("… of Margaret Lowe leading her side out in 1962. ¶ "Margaret was the first woman
                # ever to captain a Hillbrook team"": the year of a sentence just before that names
                # her, which may be another act's: a doubt)
                year, grade = _named_year_before(b, sentence, names), Grade.WEAK
            if year is None:
                continue
            for other in b.sentences:
                if other is sentence or not b.same_story(other.start, sentence.start):
                    continue
                words = _OBJECT_WORD.findall(text, other.start, other.end)
                lower = {_POSSESSIVE_END.sub("", w.lower()) for w in words}  # ("the club's centenary cup")
                told, sure = acts, grade
                if not lower & acts:
                    if not lower & like:
                        continue
                    told, sure = acts | like, Grade.WEAK  # ("held her seat", "was leading the first XI")
                doer = _doer_sex(text, other, told)
                if doer is not None and doer != _SEX_OF[kind]:
                    continue
                if doer is None and not _of_that_sex(text, other, words, lower, kind):
                    continue
                if not _same_thing_done(text, match, other, done, lower, told):
                    if not _same_names(text, match, other):
                        continue
                    sure = Grade.WEAK  # ("the crossing from Carrick to Elsay" … "swam from Carrick to Elsay")
                dated = _one_year_in(b, other) or _year_after_act(b, other, told)
                if dated is None or int(dated.value[:4]) >= int(year.value[:4]):
                    continue
                end = match.end("verb") if "verb" in match.groupdict() else match.end()
                _claim(b, year, dated, Span(match.start(), end, "claim"),
                       Span(dated.start, dated.end, "claim"), sure)
                break


# "Dorothy Pask, club captain from 1962 to 1965", "Mrs Ada Lowther, chairman": a name and, set
# off after it, the act's word; its title or given name tells the doer's sex
_NAMED_DOER = lazy_compile(r"\b([A-Z][a-z]+)\.?(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+)+,\s+(?:[\w-]+\s+){0,2}\Z")


def _doer_sex(text: str, sentence: Sentence, acts: frozenset[str]) -> str | None:
    """The sex ("female", "male") of the one named right before a word of the act in
    ``sentence``, if a title or given name tells it; else that of the nearest person word before
    it in its clause ("his widow, Edith, took over as chair")."""
    for word in _OBJECT_WORD.finditer(text, sentence.start, sentence.end):
        if word.group().lower() not in acts:
            continue
        lo = max(sentence.start, word.start() - 60)
        named = _NAMED_DOER.search(text, lo, word.start())
        if named is not None:
            first = named.group(1)
            for kind, sex in _SEX_OF.items():
                if first in _PERSON_FIRSTS[kind] or first in _PERSON_NAMES[kind]:
                    return sex
            continue
        nearest = _nearest_person_sex(text, lo, word.start())
        if nearest is not None:
            return nearest
    return None


def _nearest_person_sex(text: str, lo: int, hi: int) -> str | None:
    """The sex the last person word between ``lo`` and ``hi`` tells, in the clause that ends at
    ``hi``: a title, a subject pronoun, a kin word or a given name (not a possessive: "his"
    names the owner, not the doer)."""
    for word in reversed(_OBJECT_WORD.findall(text, _clause_start(text, lo, hi, _CLAUSE_BREAK), hi)):
        low = word.lower()
        for kind, sex in _SEX_OF.items():
            if word in _PERSON_FIRSTS[kind] or word in _PERSON_NAMES[kind] or low in _PERSON_KIN[kind] or (
                    low in _PRONOUNS[kind]):
                return sex
    return None


def _of_that_sex(text: str, sentence: Sentence, words: list[str], lower: set[str], kind: str) -> bool:
    """Does the sentence mark a person of the sex of ``kind``: a title or a reflexive pronoun; or
    a kin word or a given name, with no mark, kin word or given name of the other sex?"""
    if set(words) & _PERSON_FIRSTS[kind]:
        return True
    names = {m.group(1) for m in _FULL_NAME.finditer(text, sentence.start, sentence.end)}
    other = _OTHER_SEX.get(kind)
    if other is not None and (set(words) & _PERSON_FIRSTS[other] or lower & _PERSON_KIN[other]
                              or names & _PERSON_NAMES[other]):
        return False
    return bool(lower & _PERSON_KIN[kind] or names & _PERSON_NAMES[kind])


# how far before the first's words (characters, in its clause) the year of its act may stand,
# and how far after them
_OPENING_BRACKET = lazy_compile(r"\s*\(\s*")
# "coxswain since March 2029, when she became the first woman to hold the post": the date is the
# first's, though it opens a stretch
_WHEN_AFTER = lazy_compile(r",\s+when\b")
_YEAR_BEFORE_REACH = 80
_YEAR_AFTER_REACH = 40


def _years_between(b: Builder, lo: int, hi: int) -> list[Timex]:
    """The written years (not a range's end, nor after "since" or "until" unless a "when" clause
    tells what happened then) between ``lo`` and ``hi``."""
    first, last = bisect.bisect_left(b.timex_starts, lo), bisect.bisect_left(b.timex_starts, hi)
    return [t for t in b.timexes[first:last]
            if t.type == "DATE" and _YEAR.match(t.value) and _YEAR.search(t.text)
            and (t.signal not in ("since", "until") or _WHEN_AFTER.match(b.text, t.end))
            and t.range_role != "end" and t.anchor is None]


def _year_beside(b: Builder, sentence: Sentence, start: int, end: int) -> Timex | None:
    """In a sentence of several years, the one of the first's own clause: the last just before
    its words ("Women were admitted in 1962, and in 1984 Joan Pryce became the first woman to
    chair the club"), else the first just after them."""
    text = b.text
    lo = max(sentence.start, start - _YEAR_BEFORE_REACH)
    before = [t for t in _years_between(b, lo, start) if not _CLAUSE_BREAK.search(text, t.end, start)]
    if before:
        return before[-1]
    after = _years_between(b, end, min(sentence.end, end + _YEAR_AFTER_REACH))
    return after[0] if after and not _CLAUSE_BREAK.search(text, end, after[0].start) else None


def _year_after_act(b: Builder, sentence: Sentence, acts: frozenset[str]) -> Timex | None:
    """In a sentence of several years, the one right after a word of the act ("… Edith Crane,
    who was club captain from 1955 to 1959"), or else right before it in its clause ("the 1976
    committee, with its chairman, Mrs Ada Lowther")."""
    text = b.text
    for word in _OBJECT_WORD.finditer(text, sentence.start, sentence.end):
        if word.group().lower() in acts:
            after = _years_between(b, word.end(), min(sentence.end, word.end() + _YEAR_AFTER_REACH))
            if after and (not _CLAUSE_BREAK.search(text, word.end(), after[0].start)
                          or _OPENING_BRACKET.fullmatch(text, word.end(), after[0].start)):
                return after[0]  # ("a former club president (1989–91)")
            before = _years_between(b, max(sentence.start, word.start() - _YEAR_AFTER_REACH), word.start())
            if before and not _CLAUSE_BREAK.search(text, before[-1].end, word.start()):
                return before[-1]
    return None


def _posts_told(b: Builder, sentence: Sentence, start: int, *, back: bool) -> frozenset[str]:
    """The posts told in ``sentence`` before ``start`` (and, ``back``, in the sentence before it
    in its paragraph)."""
    spans = [(sentence.start, start)]
    index = b.sentences.index(sentence)
    if back and index > 0 and b.sentences[index - 1].paragraph == sentence.paragraph:
        spans.append((b.sentences[index - 1].start, b.sentences[index - 1].end))
    # (not a title before a name: "Captain Ruth Alderney took charge of the harbour")
    posts = {m.group().lower() for lo, hi in spans for m in _OBJECT_WORD.finditer(b.text, lo, hi)
             if m.group().lower() in _POSTS
             and not (m.group()[0].isupper() and _NAME_AFTER.match(b.text, m.end()))}
    return frozenset().union(*map(_with_forms, posts))


def _act_year_before(b: Builder, sentence: Sentence, acts: frozenset[str], names: frozenset[str]
                     ) -> Timex | None:
    """The one year of the last sentence a few before ``sentence`` (in its paragraph or the one
    before) that tells the act: of the one called the first, when her sentence names her ("with
    their captain, Dorothy Pask" is not Margaret's)."""
    def tells_act(earlier: Sentence) -> bool:
        words = _OBJECT_WORD.findall(b.text, earlier.start, earlier.end)
        return bool({w.lower() for w in words} & acts) and (not names or bool(names & set(words)))

    return _year_of_sentence_before(b, sentence, tells_act)


def _year_of_sentence_before(b: Builder, sentence: Sentence, told: Callable[[Sentence], bool]
                             ) -> Timex | None:
    """The one year of the nearest of the few sentences before ``sentence`` (in its paragraph or
    the one before) for which ``told`` holds."""
    index = b.sentences.index(sentence)
    for earlier in reversed(b.sentences[max(0, index - _ACT_SENTENCES_BACK):index]):
        if sentence.paragraph - earlier.paragraph > 1:
            return None
        if told(earlier):
            return _one_year_in(b, earlier)
    return None


def _first_names(text: str, sentence: Sentence, match: re.Match[str], kind: str) -> frozenset[str]:
    """The name of the one called the first, in front of the words in its sentence: a given name
    of that sex and the capitalised word after it ("Margaret", "Susan Harker"); none for a
    pronoun."""
    names: set[str] = set()
    for word in _NAME_WORD.finditer(text, sentence.start, match.start()):
        if word.group() in _PERSON_NAMES[kind]:
            names.add(word.group())
            surname = _SURNAME_AFTER.match(text, word.end())
            if surname is not None:
                names.add(surname.group(1))
    return frozenset(names)


def _named_year_before(b: Builder, sentence: Sentence, names: frozenset[str]) -> Timex | None:
    """The one year of the nearest sentence a few before ``sentence`` (in its paragraph or the
    one before) that names the one called the first."""
    if not names:
        return None
    def names_her(earlier: Sentence) -> bool:
        return bool(names & set(_NAME_WORD.findall(b.text, earlier.start, earlier.end)))

    return _year_of_sentence_before(b, sentence, names_her)


def _first_year(b: Builder, sentence: Sentence, match: re.Match[str], acts: frozenset[str],
                names: frozenset[str]) -> Timex | None:
    """The year of the first's act: its sentence's one year, or the one beside its words, or
    that of the act told a few sentences before, or the document's when told as made now; never
    a year of a "since" clause after its words ("the first woman to captain the club since it was
    founded in 1910")."""
    since = _SINCE.search(b.text, match.start(), sentence.end)
    limit = since.start() if since is not None else sentence.end
    # ("Jean Haworth, who joined in 1971, became the first woman to captain the club in 1987")
    within = _years_between(b, match.start(), match.end())
    for year in (_one_year_in(b, sentence), within[0] if len(within) == 1 else None,
                 _year_beside(b, sentence, match.start(), match.end())):
        if year is not None and year.start < limit:
            return year
    return _act_year_before(b, sentence, acts, names) or _made_now(b, sentence, match.start(), limit)


def _same_thing_done(text: str, match: re.Match[str], other: Sentence, done: set[str], lower: set[str],
                     acts: frozenset[str]) -> bool:
    """Does ``other`` tell the thing the first did: its words, or "the same", or a post of the
    story's own, or the name it was done to by the name's head ("the club")?"""
    return (done <= lower or _PERSON_SAMENESS.search(text, other.start, other.end) is not None
            or _post_of_the_story(text, other, acts) or _name_by_its_head(text, match, other)
            or _possessed_thing(text, match, other))


def _possessed_thing(text: str, match: re.Match[str], sentence: Sentence) -> bool:
    """Is what the first did done to a name's thing ("to captain Harwick Cricket Club's first
    XI") that ``sentence`` gives with "the" ("who captained the first XI in June 1987")?"""
    if "object" not in match.groupdict():
        return False
    owned = _POSSESSED.match(match.group("object"))
    if owned is None:
        return False
    # (its words up to a function word: "first XI" of "first XI in the club's history")
    thing = list(itertools.takewhile(lambda word: word.lower() not in FUNCTION_WORDS, owned.group(1).split()))
    if not thing:
        return False
    words = r"\s+".join(re.escape(word) for word in thing[:3])
    return re.search(rf"\bthe\s+{words}\b", text[sentence.start:sentence.end], re.IGNORECASE) is not None


def _same_names(text: str, match: re.Match[str], other: Sentence) -> bool:
    """Does ``other`` hold every name (capitalised word) of what the first did, when it has one?"""
    if "object" not in match.groupdict():
        return False
    names = set(_NAME_WORD.findall(match.group("object")))
    return bool(names) and names <= set(_NAME_WORD.findall(text, other.start, other.end))


def _post_of_the_story(text: str, sentence: Sentence, acts: frozenset[str]) -> bool:
    """Does ``sentence`` give a post of the first's act as the story's own: after a possessive,
    "the" or "former", with no "of", "at" or "for" after it naming another place ("during her
    presidency from 1994", "the then director, Professor Agnes Whitcombe")?"""
    for word in _POST_WORD.finditer(text, sentence.start, sentence.end):
        low = word.group().lower()
        if low in acts and low in _POST_NOUNS and _POST_OPENER.search(
                text, max(sentence.start, word.start() - 16), word.start()) and not _POST_ELSEWHERE.match(
                text, word.end()):
            return True
    return False


# "Harwick Cricket Club's first XI": a name, its possessive, and the thing of it
_POSSESSED = lazy_compile(r"\s*(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*['’]s\s+(.+)")
_NAME_HEADS = _WORDS.set("person_first_name_heads")
_NAME_AT_START = lazy_compile(r"\s*((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)")


def _name_by_its_head(text: str, match: re.Match[str], sentence: Sentence) -> bool:
    """Is what the first did done to a name ("the first woman to captain Hawley Green") that
    ``sentence`` gives by the head of its full name ("Hawley Green Cricket Club" … "captained the
    club in 1942")?"""
    if "object" not in match.groupdict():
        return False
    name = _NAME_AT_START.match(match.group("object"))
    if name is None:
        return False
    # (the longest name the text gives that opens with it; the name itself when it is the whole:
    # "the first woman to captain Ashgrove Rowing Club" … "the club's captain that season")
    longest = max((m.group() for m in re.finditer(
        rf"\b{re.escape(name.group(1))}(?:\s+[A-Z][\w'’-]+)*", text)), key=len, default=None)
    if longest is None or len(longest.split()) < 2:
        return False
    head = longest.split()[-1].lower()
    if longest == name.group(1) and head not in _NAME_HEADS:
        return False
    told = re.search(rf"\bthe\s+{re.escape(head)}\b", text[sentence.start:sentence.end], re.IGNORECASE)
    return told is not None


def _made_now(b: Builder, sentence: Sentence, start: int, limit: int) -> Timex | None:
    """The document's year, as the date of a first told as made now ("She becomes the first
    woman to …"), when ``sentence`` has no date of its own (but one counted from today) before
    ``limit``."""
    now = _NOW_BEFORE.search(b.text, max(sentence.start, start - 24), start)
    lo, hi = bisect.bisect_left(b.timex_starts, sentence.start), bisect.bisect_left(b.timex_starts, limit)
    # (a date counted from today is no other time: "has elected her as its captain for the coming year")
    if now is None or b.dct is None or not b.dct.value[:4].isdigit() or any(
            t.type == "DATE" and t.anchor != "DCT" for t in b.timexes[lo:hi]):
        return None
    return Timex(now.start(), now.end(), b.text[now.start():now.end()].strip(), "DATE", b.dct.value[:4],
                 anchor="DCT")


def _done_words(phrase: str) -> set[str]:
    """The words of what was done, up to a word that ends its phrase ("the club" of "the club
    and held the post", "the Brackley Open" of "the Brackley Open in the tournament's history")."""
    out: set[str] = set()
    for word in _OBJECT_WORD.findall(phrase):
        low = word.lower()
        if low in _OBJECT_ENDS:
            break
        if low not in _PERSON_STOP:
            out.add(low)
    return out


def _one_year_in(b: Builder, sentence: Sentence) -> Timex | None:
    """The one date of ``sentence`` with its year (written, or counted from today: "today"; the
    start of a range)."""
    lo = bisect.bisect_left(b.timex_starts, sentence.start)
    hi = bisect.bisect_left(b.timex_starts, sentence.end)
    # (a range is told by its start: "chaired it from 1962 to 1965")
    # (nor a bound of a stretch after it: "held the post for fourteen years, until 2001")
    # ("when she walked up the slipway on Saturday afternoon": a time of a day, that day)
    dated = [t for t in b.timexes[lo:hi] if t.type in ("DATE", "TIME") and _YEAR.match(t.value)
             and t.signal not in ("since", "until") and t.range_role != "end"]
    # (a year written before one counted from today: "Yesterday's guest … who in 1978 became …")
    from_today = [t for t in dated if t.anchor is None or t.anchor == "DCT"]
    chosen = [t for t in from_today if _YEAR.search(t.text)] or from_today
    if dated and not chosen:
        # a day counted from a date counted from today: "TARROW, 24 July — … at the race today"
        from_now = {t.value for t in b.timexes if t.anchor == "DCT"}
        chosen = [t for t in dated if t.anchor in from_now]
    return chosen[0] if len({t.value[:10] for t in chosen}) == 1 else None


def _planned_first(text: str, sentence: Sentence, match: re.Match[str], *, firm_ones: bool = True) -> bool:
    """Is the first told as a plan ("The first game in the new arena would take place in 2027"):
    a plan word in its own stretch of the sentence (from the last comma before it), written in
    lower case or opening the sentence (a capitalised word within it is a name or a month: "who
    made history in May 1978 when she became …", "Will Harper")? Without ``firm_ones``, "will",
    "would" and "shall" make no plan ("she will become the first woman to captain the side": no
    woman did before, whenever she does)."""
    lo = _clause_start(text, sentence.start, match.start())
    return any((not m.group()[:1].isupper() or not text[lo:m.start()].strip())
               and (firm_ones or m.group().lower() not in _FIRM_PLAN)
               for m in _PLAN.finditer(text, lo, match.end()))


def _like_acts(match: re.Match[str], acts: frozenset[str]) -> frozenset[str]:
    """The other words that may tell the act of a first (of its verb, or of a post among its
    acts), not its own."""
    keys = set(acts)
    if "verb" in match.groupdict():
        keys.add(match.group("verb").lower())
    return frozenset().union(*(_LIKE_ACTS.get(key, frozenset()) for key in keys)) - acts


def _post_served(match: re.Match[str]) -> frozenset[str]:
    """The post, and its forms, that the first's verb is done as ("to serve as club president",
    "to sit as a magistrate", "to be elected club captain"); none for another verb."""
    if "verb" not in match.groupdict():
        return frozenset()
    verb = match.group("verb").lower()
    if verb in _COPULAS:
        words = match.group("object").lower().split()[:4]
    elif verb in _AS_VERBS and (served := _AS_POST.match(match.group("object"))) is not None:
        words = served.group(1).lower().split()
    else:
        return frozenset()
    post = next((w for w in words if w in _POSTS), None)
    return _with_forms(post) if post is not None else frozenset()


def _with_forms(post: str) -> frozenset[str]:
    """A post and its other words ("captain", "captains", "captaincy")."""
    return frozenset({post, *_POST_FORMS.get(post, ())})


def _verb_forms(verb: str) -> frozenset[str]:
    """The forms of ``verb`` (and the word itself: "captain" is also what one is elected), and the
    names of its doer ("chairman" of "chair")."""
    listed = [surface for surface, entries in lexicon().forms.items()
              if any(entry[0] == verb and entry[2] == "verb" for entry in entries)]
    irregular = _IRREGULAR_FORMS.get(verb, ())
    return frozenset({verb, *(listed or irregular or regular_forms(verb)), *_DOERS.get(verb, ()),
                      *_POST_FORMS.get(verb, ())})


_FIRST_TIME_NOW = lazy_compile(
    rf"\b(?:{_WORDS.pattern('first_time_now_leads')})\s+(?:only\s+)?(?:{_WORDS.pattern('first_time_words')})\s+"
    # ("It is the first time in its 156-year history that the show has been cancelled")
    rf"(?:in\s+(?:{_WORDS.pattern('first_time_subject_determiners')})\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"(?:{_WORDS.pattern('whole_story_words')})\s+)?(?:that\s+)?(?:{_WORDS.pattern('first_time_subject_determiners')})\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"(?P<head>[a-z][\w-]*)\s+(?:{_WORDS.pattern('first_time_perfects')})\s+(?:ever\s+)?(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)
_FIRST_TIME_HINT = Hint.of(_WORDS.words("first_time_words"))
_FIRST_TIME_QUALIFIERS = _WORDS.set("first_time_qualifiers")
_QUALIFIER_REACH = 40  # characters after the first's verb in which a word may narrow its act
_SUBJECT_REACH = 6  # words before another telling's verb within which its subject's head may stand


_EDITION_HEADS = _WORDS.pattern("edition_heads")
_FIRST_EDITION = lazy_compile(
    rf"\b(?P<head>{_EDITION_HEADS})\s+(?:was|were)\s+first\s+(?:{_WORDS.pattern('edition_verbs')})\b",
    re.IGNORECASE,
)
_FIRST_EDITION_HINT = Hint.of(["first"])
_EDITION_NARROWED = lazy_compile(rf"\b(?:{_WORDS.pattern('edition_first_narrowers')})\b", re.IGNORECASE)
# how far after the verb the year of the first edition may be written (characters)
_EDITION_YEAR_REACH = 90
_NOT_NAME_WORDS = _WORDS.set("edition_not_name_words")
_NAME_BEFORE_HEAD = lazy_compile(r"((?-i:[A-Z])[\w'’-]*)\s+\Z")


def first_editions(b: Builder) -> None:
    """"The Orwin Folk Festival was first held in August 1965" against "a programme from the 1963
    festival": an edition of an occasion comes no earlier than its first one. Sure when the story
    names one occasion of that word and nothing in the first's sentence narrows the first ("first
    held here", "revived"); the edition is "the 1963 festival" or "the festival of 1963"."""
    text = b.text
    if not _FIRST_EDITION_HINT.may_match(text, 0, len(text)):
        return
    for match in _FIRST_EDITION.finditer(text):
        sentence = b.sentence_at(match.start())
        if sentence is None or _EDITION_NARROWED.search(text, sentence.start, sentence.end):
            continue
        head = match.group("head").lower()
        first = next((t for t in b.timexes if match.end() <= t.start < min(sentence.end, match.end()
                      + _EDITION_YEAR_REACH) and t.type == "DATE" and t.anchor is None), None)
        if first is None or not _YEAR_START.match(first.value):
            continue
        edition = lazy_compile(
            rf"\b(?:the\s+(?P<year>(?:1[89]|20)\d\d)(?:\s+[A-Z][\w'’-]*){{0,3}}\s+{head}"
            rf"|(?:the\s+)?{head}\s+of\s+(?P<after>(?:1[89]|20)\d\d))\b", re.IGNORECASE)
        # the names of occasions of the word the story gives ("Orwin Folk Festival"): by the
        # word before the head, leaving out the words that open a sentence ("This year the …")
        names = {_name_key(m.group()) for m in lazy_compile(
            rf"(?<![\w'’-])(?:(?-i:[A-Z])[\w'’-]*\s+){{1,3}}{head}\b", re.IGNORECASE).finditer(text)}
        names.discard("")
        # (a story that names two occasions of the word: the edition may be the other's; an
        # occasion the first's sentence does not name, "the club's annual regatta", may have had
        # editions under others before it)
        own_name = _NAME_BEFORE_HEAD.search(text, max(0, match.start() - 40), match.start())
        named_first = own_name is not None and own_name.group(1).lower() not in _NOT_NAME_WORDS
        sure = len(names) <= 1 and named_first
        for other in edition.finditer(text):
            year = other.group("year") or other.group("after")
            year_at = other.start("year") if other.group("year") else other.start("after")
            told = b.timex_at_or_after(year_at)
            if told is None or told.start != year_at or told.value != year or (
                int(year) >= int(first.value[:4])
            ):
                continue
            _claim(b, first, told, Span(match.start(), first.end, "claim"),
                   Span(other.start(), other.end(), "claim"), Grade.STRONG if sure else Grade.WEAK)


def _name_key(name: str) -> str:
    """The word before the head of an occasion's name, lower case ("folk" of "Orwin Folk
    Festival"); empty for words that make no name ("This year the festival")."""
    words = [w.lower() for w in name.split()[:-1]]
    return "" if _NOT_NAME_WORDS & set(words) else words[-1]


def first_times(b: Builder) -> None:
    """"It is the first time the festival has been called off in its 40-year history" against
    "The 2009 festival was called off": an act told as done now for the first time comes no later
    than the same act (its verb) of the same thing (its subject's head word) dated in the text.
    Sure when that word is the other verb's subject, a few words before it; else a doubt."""
    text = b.text
    if b.dct is None or not b.dct.value[:4].isdigit() or not _FIRST_TIME_HINT.may_match(text, 0, len(text)):
        return
    for match in _FIRST_TIME_NOW.finditer(text):
        here = b.context_at(match.start())
        verb = next((t for t in here.triggers if t.start == match.start("verb")), None) if here else None
        # ("the first time the Ouseley has frozen over completely": a verb the event lexicon lacks,
        # by its forms)
        unlisted = _IRREGULAR_LEMMAS.get(match.group("verb").lower()) if verb is None else None
        if here is None or (verb is None and unlisted is None) or (verb is not None and verb.pos != "verb"):
            continue
        sentence = here.sentence
        # (not a year of a "since" clause after it: "… since the borough began keeping its river
        # log in 1880", the stretch the first is counted over)
        since = _SINCE.search(text, match.end(), sentence.end)
        limit = since.start() if since is not None else sentence.end
        if any(t.anchor != "DCT" and t.type == "DATE" and t.start < limit for t in here.timexes):
            continue  # a date of its own: another time than now
        head = match.group("head").lower()
        # ("has frozen over completely": the words right after the verb that narrow the act)
        reach = min(limit, match.end("verb") + _QUALIFIER_REACH)
        after = {w.lower() for w in _OBJECT_WORD.findall(text, match.end("verb"), reach)}
        qualifiers = after & _FIRST_TIME_QUALIFIERS
        now = Timex(match.start(), match.end(), text[match.start():match.end()], "DATE", b.dct.value[:4],
                    anchor="DCT")
        for other in b.contexts.values():
            if other is here or not b.same_story(other.sentence.start, sentence.start):
                continue
            told_again = other.triggers if verb is not None else _unlisted_verbs(b, other, unlisted or "")
            if verb is not None and verb.lemma in _SAME_ACTS:
                told_again = [*told_again, *_same_act_words(b, other, verb.lemma)]
            for told in told_again:
                if verb is not None and (told.lemma != verb.lemma or told.pos != "verb"):
                    continue
                named = re.search(rf"\b{re.escape(head)}s?\b", text[other.sentence.start:told.start],
                                  re.IGNORECASE)
                if named is None:
                    continue
                years = [t for t in other.timexes if t.anchor is None and _YEAR.fullmatch(t.value[:4])
                         and t.type == "DATE"]
                if len(years) != 1 or int(years[0].value[:4]) >= int(now.value):
                    continue
                at = other.sentence.start + named.start()
                subject = len(text[at:told.start].split()) <= _SUBJECT_REACH
                narrowed = qualifiers - {w.lower() for w in _OBJECT_WORD.findall(
                    text, other.sentence.start, other.sentence.end)}
                _claim(b, now, years[0], Span(match.start(), match.end(), "claim"),
                       Span(told.start, told.end, "claim"),
                       Grade.STRONG if subject and not narrowed else Grade.WEAK)


_SAME_ACTS = {str(verb): lazy_compile(rf"\b(?:{alternation(map(str, words))})\b", re.IGNORECASE)
              for verb, words in _WORDS.table("first_time_same_acts").items()}


def _same_act_words(b: Builder, here: SentenceContext, lemma: str) -> list[Trigger]:
    """The other words for the act ``lemma`` in the sentence of ``here`` ("called off" for
    "cancel"), as triggers of that verb."""
    return [Trigger(m.start(), m.end(), m.group(), lemma, "occurrence", "verb", PAST, True)
            for m in _SAME_ACTS[lemma].finditer(b.text, here.sentence.start, here.sentence.end)]


def _unlisted_verbs(b: Builder, here: SentenceContext, lemma: str) -> list[Trigger]:
    """The forms of the unlisted verb ``lemma`` in the sentence of ``here``, as triggers."""
    forms = {lemma, *_IRREGULAR_FORMS.get(lemma, ())}
    return [Trigger(m.start(), m.end(), m.group(), lemma, "occurrence", "verb", PAST, True)
            for m in _OBJECT_WORD.finditer(b.text, here.sentence.start, here.sentence.end)
            if m.group().lower() in forms]


_UNDER_UNITS = {str(unit): int(seconds) for unit, seconds in _WORDS.table("under_units").items()}
_UNDER_ANY = _WORDS.set("under_any_kinds")
# "the first man in the event's 58-year history to complete the 15-mile horseshoe in under two
# hours", "becoming the first person to swim it in under three hours"
_FIRST_UNDER = lazy_compile(
    rf"\b(?:{_WORDS.pattern('determiners')})\s+(?:{_WORDS.pattern('first_words')})\s+"
    rf"(?P<kind>{alternation([*_PERSON_FIRSTS, *_UNDER_ANY])})\b[^.;:!?\n]{{0,80}}?\bto\s+[a-z]+\b"
    rf"[^.;:!?\n]{{0,80}}?\b(?:{_WORDS.pattern('under_words')})\s+(?P<count>\d{{1,2}}|[a-z]+)\s+"
    rf"(?P<unit>{alternation(list(_UNDER_UNITS))})\b",
    re.IGNORECASE,
)
_UNDER_HINT = Hint.of(_WORDS.words("under_words"))
# a time in hours, minutes and seconds ("1:58:41", "2:57:30"), or minutes and seconds ("4:02")
_CLOCKED = lazy_compile(r"(?<![\d:.])(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)(?![\d:])")
_RECORD_WORD = lazy_compile(rf"\b(?:{_WORDS.pattern('under_record_words')})\b", re.IGNORECASE)
_LISTED = frozenset({Kind.ITEM, Kind.ROW, Kind.CELL})  # a list or a table of times
_CLOCK_YEAR_REACH = 60  # characters from a time to the year it was set in, in its clause


def first_under(b: Builder, layout: Layout) -> None:
    """"the first man … to complete the horseshoe in under two hours" (today) against "the
    previous course record of 1:58:41, set by Ian Fairlie of Borrowdale in 2009": a time under
    the mark, set in an earlier year by one of the kind (of that sex, when the kind has one), in a
    sentence that calls it a record or in a list of times, means the first came no later."""
    text = b.text
    for sentence in b.sentences:
        if not _FIRST_HINT.may_match(text, sentence.start, sentence.end) or not _UNDER_HINT.may_match(
                text, sentence.start, sentence.end):
            continue
        for match in _FIRST_UNDER.finditer(text, sentence.start, sentence.end):
            count = match.group("count").lower()
            number = int(count) if count.isdigit() else NUMBERS.get(count)
            if number is None or _planned_first(text, sentence, match):
                continue
            mark = number * _UNDER_UNITS[match.group("unit").lower()]
            kind = match.group("kind").lower()
            year = _first_year(b, sentence, match, frozenset(), _first_names(text, sentence, match, kind)
                               if kind in _PERSON_NAMES else frozenset())
            if year is None:
                continue
            other_time = _earlier_time_under(b, layout, sentence, kind, mark, int(year.value[:4]))
            if other_time is not None:
                clocked, dated = other_time
                _claim(b, year, dated, Span(match.start(), match.end(), "claim"),
                       Span(clocked[0], clocked[1], "claim"), Grade.STRONG)


def _earlier_time_under(b: Builder, layout: Layout, sentence: Sentence, kind: str, mark: int, year: int
                        ) -> tuple[tuple[int, int], Timex] | None:
    """The first time under ``mark`` seconds, set in a year before ``year``, that another sentence
    of the story gives as a record or in a list of times, by one of ``kind``; its span and year."""
    text = b.text
    for other in b.sentences:
        if other is sentence or not b.same_story(other.start, sentence.start):
            continue
        listed = any(block.kind in _LISTED for block in layout.enclosing(other.start))
        if not listed and not _RECORD_WORD.search(text, other.start, other.end):
            continue
        if kind in _SEX_OF:
            words = _OBJECT_WORD.findall(text, other.start, other.end)
            if not _of_that_sex(text, other, words, {w.lower() for w in words}, kind):
                continue
        for clocked in _CLOCKED.finditer(text, other.start, other.end):
            hours, minutes, seconds = (int(g or 0) for g in clocked.groups())
            if hours * 3600 + minutes * 60 + seconds >= mark:
                continue
            dated = _one_year_in(b, other) or next(iter(_years_between(
                b, clocked.end(), min(other.end, clocked.end() + _CLOCK_YEAR_REACH))), None)
            if dated is not None and int(dated.value[:4]) < year:
                return clocked.span(), dated
    return None


_SINCE_HEADS = _WORDS.set("since_heads")
_MONTHS_AND_DAYS = frozenset((*MONTHS, *WEEKDAYS))
_SINCE_HINT = Hint.of(["since"])
_YEAR_WORD = r"(?:1[89]|20)\d\d"
# "their first County Senior Cup final since 1987", "the club's first promotion since 1998"
_FIRST_SINCE = lazy_compile(
    rf"\b(?:(?P<owner>(?-i:[A-Z])[\w-]*)['’]s\s+|(?:{_WORDS.pattern('determiners')}|an?)\s+)?"
    rf"first\s+(?P<mods>(?:[\w'’-]+\s+){{0,4}}?)(?P<head>{alternation(_SINCE_HEADS)})\s+since\s+"
    rf"(?P<year>{_YEAR_WORD})\b",
    re.IGNORECASE,
)
# "are into the Wessex Senior Cup final for the first time since 1998"
_FOR_FIRST_TIME_SINCE = lazy_compile(
    rf"\b(?P<mods>(?:(?-i:[A-Z])[\w'’-]*\s+){{0,4}})(?P<head>{alternation(_SINCE_HEADS)})\s+for\s+the\s+"
    rf"first\s+time\s+since\s+(?P<year>{_YEAR_WORD})\b",
    re.IGNORECASE,
)
_SINCE_OTHER_ACTS = _WORDS.set("since_other_acts")
_SHARED_NAME_WORDS = _WORDS.set("since_shared_name_words")
_OWN_OWNERS = _WORDS.set("since_own_owners")
_CAPITAL_RUN = lazy_compile(r"(?:(?-i:[A-Z])[\w'’-]*\s+){0,3}(?-i:[A-Z])[\w'’-]*")
_WORD_BEFORE = lazy_compile(r"([\w'’-]+)\s+\Z")


def first_since(b: Builder) -> None:
    """"Linthorpe Rovers reached their first County Senior Cup final since 1987" against "the 2004
    final, lost 2-1 to Carbury Town, when Rovers had a goal disallowed": a first of its kind since
    a year leaves none of the kind between that year and now, so another dated in those years
    comes no later than that year. Sure when the other's sentence names the first's side (or
    "their 2004 final") and its words narrow nothing the first's do not; else a doubt."""
    text = b.text
    if b.dct is None or not b.dct.value[:4].isdigit() or not _SINCE_HINT.may_match(text, 0, len(text)):
        return
    now_year = int(b.dct.value[:4])
    told_as_time = itertools.chain(((m, False) for m in _FIRST_SINCE.finditer(text)),
                                   ((m, True) for m in _FOR_FIRST_TIME_SINCE.finditer(text)))
    for match, as_time in told_as_time:
        sentence = b.sentence_at(match.start())
        since = b.timex_at_or_after(match.start("year"))
        if sentence is None or since is None or since.start != match.start("year") or (
            since.value != match.group("year")
        ):
            continue
        if as_time and _other_part(text, sentence.start, match.start()):
            continue
        head = match.group("head").lower()
        mods = {w.lower() for w in match.group("mods").split()}
        if mods & FUNCTION_WORDS:
            continue  # "the first player to defend the title since 2011": a first person, not a title
        qualifiers = {w for w in match.group("mods").split() if w[:1].islower()}
        side = _side_words(text, sentence, match)
        other_mention = lazy_compile(
            rf"\b(?P<year>{_YEAR_WORD})\s+(?P<mods>(?:[\w'’-]+\s+){{0,4}}?){head}s?\b", re.IGNORECASE)
        for other in other_mention.finditer(text):
            inside = sentence.start <= other.start() < sentence.end
            if inside or not b.same_story(other.start(), match.start()):
                continue
            told = b.timex_at_or_after(other.start("year"))
            if told is None or told.start != other.start("year") or told.value != other.group("year"):
                continue
            if not int(match.group("year")) < int(told.value) < now_year:
                continue
            other_sentence = b.sentence_at(other.start())
            if other_sentence is None:
                continue
            other_mods = {w.lower() for w in other.group("mods").split()}
            owner = _WORD_BEFORE.search(text, max(0, other.start() - 12), other.start())
            owned = owner is not None and owner.group(1).lower() in _OWN_OWNERS
            if {w for w in other.group("mods").split() if w[:1].islower()} - mods:
                continue  # "the 2011 regional title" after "its first national title since 1994"
            named = owned or _names_side(text, other_sentence, side)
            if not named and _names_another(text, other_sentence, other, side | mods):
                continue  # "Their neighbours Moorside won the 2005 title": another side's
            sure = other_mods <= mods and not qualifiers and named
            b_span = Span(other.start(), other.end(), "claim")
            first_span = Span(match.start(), match.end(), "claim")
            ordered_dates(
                b, (told, b_span, f"another {head}"),
                (since, first_span, f"the last {head} before the first since {since.value}"),
                first_span, date_via="the year written with it",
                order_via="a first of its kind since a year leaves none of the kind after that year"
                + ("" if sure else "; the other may be another side's or another kind's"),
                grade=Grade.STRONG if sure else Grade.WEAK)


def _other_part(text: str, lo: int, at: int) -> bool:
    """Does a word of another part in the occasion than a side's ("will host the cup final for
    the first time since 2011") stand before ``at`` in its sentence?"""
    return any(w.lower() in _SINCE_OTHER_ACTS for w in text[lo:at].split())


def _side_words(text: str, sentence: Sentence, match: re.Match[str]) -> frozenset[str]:
    """The name words of the side a first since a year is told of: the owner ("Stenbridge's
    first cup win") or the capitalised words that open its sentence ("Granby Town are into …"),
    without the words other sides' names share ("Town")."""
    owner = match.groupdict().get("owner")
    if owner:
        words = [owner]
    else:
        opening = _CAPITAL_RUN.match(text, sentence.start)
        words = opening.group().split() if opening is not None else []
    return frozenset(w for w in words if w not in _SHARED_NAME_WORDS)


def _names_side(text: str, sentence: Sentence, side: frozenset[str]) -> bool:
    """Does ``sentence`` name the side by one of its words, not as part of another name ("when
    Rovers had a goal disallowed", not "to Carbury Town")?"""
    for word in side:
        for found in re.finditer(rf"\b{re.escape(word)}\b", text[sentence.start:sentence.end]):
            before = _WORD_BEFORE.search(text, max(sentence.start, sentence.start + found.start() - 30),
                                         sentence.start + found.start())
            if before is None or not before.group(1)[:1].isupper() or before.group(1) in side:
                return True
    return False


def _names_another(text: str, sentence: Sentence, mention: re.Match[str], known: set[str] | frozenset[str]
                   ) -> bool:
    """Does ``sentence`` name someone by a capitalised word that is neither the side's nor the
    occasion's (not the word that opens the sentence, nor those of the mention itself)?"""
    words = _NAME_WORD.findall(text, sentence.start, mention.start()) + _NAME_WORD.findall(
        text, mention.end(), sentence.end)
    opening = _NAME_WORD.match(text, sentence.start)
    if opening is not None and words and words[0] == opening.group():
        words = words[1:]
    return any(w not in known and w.lower() not in known and w not in _MONTHS_AND_DAYS for w in words)
