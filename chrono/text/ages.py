"""Ages, anniversaries and years since a date: the cues the age rule does the arithmetic on
(chrono.cues.AgeCue, AnniversaryCue, ElapsedCue).

An age is linked to a birth only when the document gives one birth date (with several people,
whose age is meant is not clear), and dated by the sentence it is in: the date before it
("retired in 2012, at the age of 65"), the sentence's only date, or a death told in that
sentence or the one before ("… died on 3 May. He was 71."; "died on 3 May at 71"). In the
birth's own sentence, an age in front of the birth is the age at the document date ("Jan
Novak, 52, was born in 1968"); one after it is dated by the dates after the birth ("Born Jan
Novak on 3 May 1968, he retired in 2020 at 52").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence

from chrono.cues import AgeCue, AgesApartCue, AnniversaryCue, DateMention, ElapsedCue
from chrono.lazy_regex import lazy_compile
from chrono.model import Span
from chrono.regex_cache import compile_kept
from chrono.tagger import Timex
from chrono.tagger.resources import trie_regex
from chrono.text.antecedents import full_names
from chrono.text.calendar_names import MONTHS, ORDINAL_SUFFIXES, WEEKDAYS
from chrono.text.clauses import other_predicate
from chrono.text.cue_dates import mention, weekday_pins_year
from chrono.text.given_names import sex_of_given_name
from chrono.text.inflection import singular
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import Hint, alternation, longest_first, starts_word, vocabulary

_WORDS = vocabulary("ages")
# "born 9 June 1966", "born in 1950", "Born Tomas Veld on 9 June 1966", "born Alisa Rosenbaum
# (Russian: …) on 2 February 1905"
_BIRTH = lazy_compile(
    rf"\b(?:{_WORDS.pattern('birth')})\b"
    # (a place of a few words may stand between: "born in the Polish port of Gdynia on 2 March
    # 1951"; no clause of another verb: "born in Leeds and moved to York on …")
    # (and a name and a house: "born Ivy Rosewarne in a two-up, two-down cottage in Trebarwith
    # Row on 22 May 1923"; no year: "born on 22 August 2003, made her debut on …")
    rf"(?:(?:,?\s+(?!(?:{_WORDS.pattern('birth_clause_breaks')})\b|\d{{4}}\b)(?:(?-i:[A-Z])\.|[\w'’-]+)){{0,12}}?"
    # ("Born at Lowther Farm, near Stainby, on 13 August 1920": a comma before the date's "on")
    rf"(?:\s*\([^()]{{0,100}}\))?,?\s+(?:{_WORDS.pattern('birth_date_prepositions')})"
    # ("Born in Kilrush, County Clare, on 4 May 1975": a place of names set off by commas)
    rf"|\s+in(?:[ \t]+(?-i:[A-Z])[\w'’-]*)+(?:,(?:[ \t]+(?-i:[A-Z])[\w'’-]*)+)+,?"
    rf"\s+(?:{_WORDS.pattern('birth_date_prepositions')}))?"
    rf"(?:\s*:)?(?:[*_]{{1,2}}(?:\s*:)?)?\s+\Z",  # (a fact box's "Born: 30 November 2004", "**Born:**")
    re.IGNORECASE,
)
_BIRTH_REACH = 160  # characters before a date where its birth word may stand


_COUNT_WORDS = {str(word).lower(): int(count) for word, count in _WORDS.table("count_words").items()}
_COUNT_WORDS.update({f"{ten}-{unit}".lower(): int(tens) + int(units)
                     for ten, tens in _WORDS.table("count_tens").items()
                     for unit, units in _WORDS.table("count_units").items()})
# a number on its own: not the end of "forty-three" or "1,500"
_NUMBER = rf"(?<![\w,.-])(?:\d{{1,3}}\b|{trie_regex(_COUNT_WORDS)})"


def _phrases(key: str, slot: str = "age", word_start: str = r"\b") -> re.Pattern[str]:
    """The phrases of ``key``, each with its number (``{age}``, ``{adult_age}`` or ``{count}``)
    in a group of its own; ``word_start`` in front (empty: the caller checks it, which lets the
    engine skip ahead to the phrases' first letters). Compiled when first used: they are large
    (every number word), and most texts never need them."""
    return lazy_compile(
        word_start + "(?:" + "|".join(phrase.replace("{" + slot + "}", rf"(?P<n{i}>{_NUMBER})")
                             .replace("{adult_age}", rf"(?P<n{i}>1[3-9]|[2-9]\d|1\d\d)")
                             for i, phrase in enumerate(_WORDS.words(key))) + ")",
        re.IGNORECASE,
    )


_AGE = _phrases("age_phrases")
_DEATH_AGE = _phrases("death_age_phrases")  # "died on 4 April at 71"
_PRESENT_AGE = _phrases("present_age_phrases")  # "Now 52, she …"
_NAMED_AGE = _phrases("named_age_phrases")  # "Eighteen-year-old Ama Kettering …"
_NOW_AGE = _phrases("now_age_phrases")  # "Liam Cotter, now 21, … was 17 at the time of … in August 2018"
_NOW_AGE_HINT = Hint.of(_WORDS.words("now_age_hint"))
_THEN_AGE = _phrases("then_age_phrases")
_AGE_FOR_NAME = _phrases("age_for_name_phrases")
# between them only asides set off by commas ("now 21, of Fenwick Close, Braddon, was")
_ASIDES = lazy_compile(r",(?:[^,;:.!?()\n]{1,60},)*[ \t]*")
_APART_BREAK = lazy_compile(rf"\b(?:{_WORDS.pattern('ages_apart_breaks')})\b", re.IGNORECASE)
_LATER_CLAUSE = lazy_compile(rf"[;:]|\b(?:{_WORDS.pattern('later_words')})\b", re.IGNORECASE)
_THEN_DATE_REACH = 80  # characters from the age then to the date that dates it
_NAME_RUN_AFTER = lazy_compile(r"[ \t]+((?:[A-Z][\w'’-]*[ \t]+)*[A-Z][\w'’-]*)")
_BIRTHDAY = _phrases("birthday_phrases", "count", "")  # "the bridge … turns 60 this year"
_FOUNDED = lazy_compile(rf"\b(?:{_WORDS.pattern('founding_words')})\b(?:[ \t]+[\w'’-]+){{0,7}}?[ \t]+\Z",
                      re.IGNORECASE)
# "Allan Dwan (3 April 1885 – 28 December 1981) was …": a lifespan after a name
_LIFESPAN_BEFORE = lazy_compile(r"[A-Z][\w'’.-]*\**[ \t]*\([ \t]*\Z")
_LIFESPAN_DASH = lazy_compile(r"[ \t]*[–—-][ \t]*")
# between an age and the date right after it: "at 65 in 2012", "seven years old, on 4 December"
_NEXT_TO = lazy_compile(rf"[ \t]*,?[ \t]*(?:(?:{_WORDS.pattern('birth_date_prepositions')})[ \t]+)?",
                      re.IGNORECASE)
_LIFESPAN_AFTER = lazy_compile(rf"\)[ \t]+(?:{_WORDS.pattern('lifespan_verbs')})\b")
# (not the one born herself in a role: "came to Tamlinmouth as a child")
_OTHER_PERSON = lazy_compile(
    "".join(f"(?<!\\b{re.escape(words)} )" for words in (*_WORDS.words("own_role_openers"),
                                                         *_WORDS.words("crowd_openers")))
    + rf"\b(?:{_WORDS.pattern('other_person_words')})\b", re.IGNORECASE)
_OTHER_PERSON_REACH = 80  # characters before an age where a relative's word makes it theirs
_PERSON_NOUNS = _WORDS.set("person_nouns")
_UNREACHED = lazy_compile(rf"\b(?:{_WORDS.pattern('unreached_count_before')})\b", re.IGNORECASE)
_UNREACHED_AGE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('unreached_age_before')})\s+(?:\w+\s+)?\Z", re.IGNORECASE
)
_DEFINITE_SUBJECT = lazy_compile(
    rf"\b(?:{_WORDS.pattern('definite_subject_determiners')})\s+([a-z][\w-]*)\s+"
    rf"(?:(?:{_WORDS.pattern('definite_subject_auxiliaries')})\s+)?\Z"
)
_DEATH = lazy_compile(rf"\b(?:{_WORDS.pattern('death_words')})\b", re.IGNORECASE)
# "in 2004, at 17,": a date and the age right after it
_ADJACENT = lazy_compile(r"[ \t]*,?[ \t]+")
# "At 29 he was given a bridge, which opened in 1982": a relative clause dates its own noun; a
# participle clause ("At 17 she won a place, graduating in 2000") may tell a later event
_RELATIVE_CLAUSE = lazy_compile(rf",\s+(?:{_WORDS.pattern('relative_pronouns')})\b")
_PARTICIPLE_CLAUSE = lazy_compile(r",\s+\w+ing\b")
# "A 19-year-old who punched a doorman on New Year's Day has been ordered …": the date is of the
# act that tells who is meant; the age is told of the main clause's time, often the story's
_RELATIVE_RIGHT_AFTER = lazy_compile(rf"\s+(?:{_WORDS.pattern('relative_pronouns')})\b")
_APPOSITIVE_AGE = lazy_compile(r"\b(?P<name>[A-Z][\w'’-]+),\s+(\d{1,3}),\s")
# "19-year-old Tobi Adeyemi": an age as the epithet of the full name right after it
_AGE_BEFORE_FULL_NAME = lazy_compile(
    r"\b(?P<age>\d{1,3})-year-old[ \t]+(?:[A-Z][\w'’-]+[ \t]+){1,2}?(?P<name>[A-Z][\w'’-]+)\b(?![ \t]+[A-Z])")
# "Royle, now 61, was at the finish": the name an age is set off after
# (not a place: "died on 2 March in a care home in Invernairn, aged 93")
_NAME_BEFORE_AGE = lazy_compile(
    "".join(rf"(?<!\b{re.escape(word)} )" for word in _WORDS.words("place_prepositions"))
    + rf"\b([A-Z][\w'’-]+),[ \t]+(?:(?:{_WORDS.pattern('age_set_off_words')})[ \t]+)?\Z"
)
# "27-year-old Owen Fisk": a name right after an age written as its epithet
_NAME_RIGHT_AFTER_AGE = lazy_compile(r"[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}")
# "Mensah, who turned 18", "Dunne turns 30": a name right before the verb of the age (not a
# place before "aged": "has died at his home in Porthgwyn aged 86")
_AGE_VERB = lazy_compile(rf"(?:{_WORDS.pattern('age_verbs')})\b")
_NAME_SUBJECT_OF_AGE = lazy_compile(
    rf"\b([A-Z][\w'’-]+)(?:,[ \t]+(?:{_WORDS.pattern('relative_person_words')})[ \t]+|[ \t]+)\Z"
)
_NAME_OF_RELATIVE = lazy_compile(
    rf"\b([A-Z][\w'’-]+),[ \t]+(?:{_WORDS.pattern('relative_person_words')})\b[^.;:!?()\n]*\Z"
)
# "He stayed for 19 years …": a sentence that opens on a pronoun for its person
_PRONOUN_OPENS = lazy_compile(rf"[ \t\"“]*(?:{_WORDS.pattern('subject_pronouns')})\b", re.IGNORECASE)
# "Dr Harold Fenn": a title and the name after it (its last word)
# (a capitalised word before the surname: a first name, or a word opening the sentence, where
# reading another person only costs a claim)
_FIRST_NAME_BEFORE = lazy_compile(r"\b([A-Z][a-z][\w'’-]*)[ \t]+\Z")
_PERSON_TITLES = frozenset(_WORDS.words("person_titles"))
_TITLED_NAME = lazy_compile(
    rf"\b(?:{_WORDS.pattern('person_titles')})\.?[ \t]+(?:[A-Z][\w'’-]*[ \t]+)*([A-Z][\w'’-]*)"
)
# "At 17, Okafor is …": the name the age is put with, after it
_SUBJECT_PRONOUNS = frozenset(_WORDS.words("subject_pronouns"))
_NAME_AFTER_AGE = lazy_compile(r",[ \t]+([A-Z][\w'’-]+)\b")
_FEMALE = lazy_compile(rf"\b(?:{_WORDS.pattern('female_words')})\b")
_MALE = lazy_compile(rf"\b(?:{_WORDS.pattern('male_words')})\b")
# the subject pronoun of the age's clause, a few words before it ("he was turning 80")
_PRONOUN_BEFORE_AGE = lazy_compile(rf"\b({_WORDS.pattern('subject_pronouns')})\b(?:\W+\w+){{0,3}}\W*\Z")
_SUBJECT_PRONOUN = lazy_compile(rf"\b(?:{_WORDS.pattern('subject_pronouns')})\b", re.IGNORECASE)
# ... or the owner of the noun the age is set off after ("until his death in the autumn of
# 1998, aged 67"), with no comma between them
_OWNER_BEFORE_AGE = lazy_compile(
    rf"\b({_WORDS.pattern('possessive_pronouns')})\s+[a-z]+\b[^,;.!?\n]{{0,40}},\s*\Z")
_ANNIVERSARY_WORD = _WORDS.words("anniversary")[0]
_ORDINAL_WORDS = {str(word): int(count) for word, count in _WORDS.table("ordinal_words").items()}
_ANNIVERSARY = lazy_compile(
    rf"\b(?:(?P<n>\d{{1,3}})(?:{ORDINAL_SUFFIXES})|(?P<w>{alternation(longest_first(_ORDINAL_WORDS))}))"
    rf"\s+{re.escape(_ANNIVERSARY_WORD)}\b",
    re.IGNORECASE,
)
# a sentence without the word is not searched (the pattern opens with a word boundary: tried at
# every position)
_ANNIVERSARY_HINT = Hint.of([_ANNIVERSARY_WORD])
_BIRTHDAY_WORD = _WORDS.words("birthday")[0]
# "the school's 80th birthday", "its 100th birthday": a thing's (a lower-case owner, or its/their;
# a person's birthday is the birth's, chrono.text.ages' own cue)
_ANY_NTH_BIRTHDAY = lazy_compile(
    rf"\b(?:(?P<n>\d{{1,3}})(?:{ORDINAL_SUFFIXES})|(?P<w>{alternation(longest_first(_ORDINAL_WORDS))}))"
    rf"\s+{re.escape(_BIRTHDAY_WORD)}\b",
    re.IGNORECASE,
)
_THING_OWNER = lazy_compile(rf"(?:\b[a-z][\w-]*['’]s|\b(?:{_WORDS.pattern('thing_owners')}))\s+\Z")
# "this year" with its one space, as written (not across a line break)
_MARKS = lazy_compile(rf"\b(?:{_WORDS.pattern('present_marks', any_space=False)})\b", re.IGNORECASE)
_YEAR_FIRST = lazy_compile(r"\d{4}")
_YEAR_MONTH_DAY = lazy_compile(r"\d{4}(?:-\d\d){0,2}")
_OF_WORD = lazy_compile(rf"\b{_WORDS.pattern('of_word')}\b")
_ORIGIN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('anniversary_origin_words')})\b(?:[ \t]+[\w'’-]+){{0,7}}?[ \t]+\Z", re.IGNORECASE
)
_FULL_DAY = lazy_compile(r"\d{4}-\d\d-\d\d")


class _Dates:
    """The expressions of a document in text order, found by sentence by bisection rather than by
    a scan of the whole document per sentence."""

    def __init__(self, timexes: Sequence[Timex]) -> None:
        self.timexes = timexes
        self.starts = [t.start for t in timexes]

    def between(self, lo: int, hi: int) -> Sequence[Timex]:
        """The expressions that start in [lo, hi), in order."""
        return self.timexes[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]


def ages_apart_cues(text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]
                    ) -> Iterator[AgesApartCue]:
    """"Liam Cotter, now 21, of Fenwick Close, was 17 at the time of the attack in August 2018":
    the age now and the age then of the subject of one sentence, whoever's birth the text gives
    or not."""
    dates = _Dates(timexes)
    for sentence in sentences:
        now = _NOW_AGE.search(text, sentence.start, sentence.end) if _NOW_AGE_HINT.may_match(
            text, sentence.start, sentence.end) else None
        if now is None:
            continue
        then = _THEN_AGE.search(text, now.end(), sentence.end)
        if then is None:
            continue
        between = _ASIDES.fullmatch(text, now.end(), then.start())
        if between is None or _APART_BREAK.search(text, now.end(), then.start()):
            continue  # ("now 21, said his brother was 17 when …": someone else's age)
        told = [t for t in dates.between(then.end(), min(sentence.end, then.end() + _THEN_DATE_REACH))
                if t.type == "DATE" and has_year(t)]
        if not told or ";" in text[then.end():told[0].start]:
            continue
        age_now, _, now_end = _age_of(now)
        age_then, _, then_end = _age_of(then)
        yield AgesApartCue(Span(then.start(), then_end), age_then, mention(told[0]),
                           Span(now.start(), now_end), age_now)


def has_year(timex: Timex) -> bool:
    """Is ``timex`` a date whose value opens with a year ("1931", "1931-05", "1931-05-03")?"""
    return timex.type == "DATE" and _YEAR_FIRST.match(timex.value) is not None


def _year_from_now(timex: Timex) -> bool:
    """Was the year of ``timex`` taken from the document date by its tense, not guessed
    ("died at home on 9 August" in a text of 14 August), or pinned by its weekday ("retires when
    term ends on Friday 22 July", a text of 15 July 2016: no year near has that Friday but 2016)?"""
    return timex.anchor == "DCT" and (not timex.guessed or weekday_pins_year(timex))


def _age_of(match: re.Match[str]) -> tuple[int, int, int]:
    """The age (or count) a phrase states and where its number is."""
    group: int | str = "age" if "age" in match.re.groupindex else match.lastindex or 0
    raw = match.group(group)
    return _count_of(raw) or 0, match.start(group), match.end(group)


def _count_of(raw: str) -> int | None:
    """The count a number written in figures or words gives ("60", "sixty")."""
    return int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw.lower())


def _births(text: str, timexes: Sequence[Timex]) -> list[Timex]:
    """The birth dates of the text: after "born" ("born in 1950", "Born Jan Novak on 3 May
    1968"), or the first end of a lifespan after a name ("Allan Dwan (3 April 1885 – 28
    December 1981)"); one date written twice is one birth."""
    found = [t for t in timexes if t.anchor is None and has_year(t)
             and _BIRTH.search(text, max(0, t.start - _BIRTH_REACH), t.start)]
    for first, second in itertools.pairwise(timexes):
        if (first.anchor is None and second.anchor is None and has_year(first) and has_year(second)
                and _LIFESPAN_BEFORE.search(text, max(0, first.start - 60), first.start)
                and _LIFESPAN_DASH.fullmatch(text, first.end, second.start)
                and _LIFESPAN_AFTER.match(text, second.end) and first.value < second.value):
            found.append(first)
    unique: dict[str, Timex] = {}
    for timex in found:
        unique.setdefault(timex.value, timex)
    return sorted(unique.values(), key=lambda t: t.start)


_REASON_OPENING = lazy_compile(rf"[ \t]*(?:{_WORDS.pattern('reason_openers')})\b")
_CLAUSE_BREAK = lazy_compile(r",|[ \t][—–][ \t]")


def age_cues(text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]) -> Iterator[AgeCue]:
    births = _births(text, timexes)
    dates = _Dates(timexes)
    if len(births) > 1:
        # several people: only the ages set off after the surname each birth is told of
        yield from _named_births_ages(text, dates, sentences, births)
    if len(births) != 1:
        return  # no birth date, or several people: whose age is meant is not clear
    birth = births[0]
    born = mention(birth)
    birthdays = {s.start for s in _birthday_sentences(text, sentences)}
    birth_sentence = next((s for s in sentences if s.start <= birth.start < s.end), None)
    born_in = text[birth_sentence.start:birth_sentence.end] if birth_sentence is not None else ""
    # (an obituary's "Born 19 October 1932; died 2 June 2021" tells no sex; a text whose every
    # subject pronoun is "she" tells hers)
    born_sex = _sex_of(born_in) or _sole_pronoun_sex(text)
    # (the words of that sentence up to the birth: who was born, not whom the rest goes on to)
    born_who = text[birth_sentence.start:birth.end] if birth_sentence is not None else ""
    subject_after = _SUBJECT_AFTER_BIRTH.match(text, birth.end) if birth_sentence is not None else None
    if not _names_in(born_who) and subject_after is not None:
        # "Born on 2 May 2003, Okafor ran as a 15-year-old": named right after the birth
        born_who += subject_after.group()
    lede = _lede_age(text, dates, sentences, birth)
    if lede is not None:
        yield lede
    previous: Sentence | None = None
    for sentence in sentences:
        lo = sentence.start
        if lede is not None and sentence.start <= lede.span.start < sentence.end:
            previous = sentence
            continue
        if sentence.start <= birth.start < sentence.end:
            # "Jan Novak, 52, was born in 1968", "The 27-year-old, who was born in 1990": the age
            # at the document date
            appositive = _APPOSITIVE_AGE.search(text, sentence.start, birth.start)
            stated = appositive or _AGE.search(text, sentence.start, birth.start)
            if stated is not None and appositive is None and _opens_sentence(text, sentence, stated):
                # "Stan Pellow opened the shop on 15 August 1974 … He was 25, had been born on 2
                # February 1949": a past age at the time the sentence before told, not now
                same_paragraph = previous is not None and previous.paragraph == sentence.paragraph
                told_before = previous if same_paragraph else None
                before = _date_told_just_before(text, dates, told_before, sentence, stated, birth)
                if before is not None:
                    age, start, end = _age_of(stated)
                    yield AgeCue(Span(start, end), age, born, mention(before[0]), before[1])
            elif stated is not None:
                age, start, end = _age_of(stated)
                # ("she turns 70 next month, having been born in September 1955": at its own time)
                own = [t for t in dates.between(stated.end(), birth.start)
                       if _NEXT_TO.fullmatch(text, stated.end(), t.start)]
                yield AgeCue(Span(start, end), age, born, mention(own[0]) if own else None)
            epithet = _EPITHET_AFTER_BIRTH.match(text, birth.end)
            if epithet is not None and stated is None:
                # "Born in Nairobi in May 1989, the 34-year-old grew up above …": the one the
                # profile is about, at the document date
                age, start, end = _age_of(epithet)
                yield AgeCue(Span(start, end), age, born, None)
            lo = birth.end  # after the birth, an age is dated by the dates after it
        present = _PRESENT_AGE.search(text, lo, sentence.end)
        if present is not None:
            age, start, end = _age_of(present)
            # ("says Corliss, 99": a name in the phrase is the one born's, or the age is another's)
            lead = text[present.start():start]
            named = _names_in(lead) if lead.rstrip().endswith(",") else set()
            if named and not named & _names_in(born_in):
                previous = sentence
                continue
            # ("Fenwick was born on 14 November 1950, the son of a railway signalman, and is now
            # 67": the birth's own clause goes on to the age, whoever its aside names)
            goes_on = lo == birth.end and sentence.start <= birth.start < sentence.end and (
                _BIRTH_CLAUSE_GOES_ON.fullmatch(text, birth.end, present.start()) is not None)
            # (not another person's: "Her nephew Sam joined in 2022. The 19-year-old took …")
            if goes_on:
                yield AgeCue(Span(start, end), age, born, None)
            elif not _OTHER_PERSON.search(text, max(lo, start - _OTHER_PERSON_REACH), start) and not (
                previous is not None and previous.paragraph == sentence.paragraph
                and _OTHER_PERSON.search(text, previous.start, previous.end)
            ) and not _another_name(text, present.start(), born_in) and not _another_sex(
                text, lo, present.start(), born_sex
            ) and not _another_name_after(
                text, present.end(), born_in
            ) and not (
                # "Daniel Okafor won the title … ¶ The 24-year-old took …" beside "Sofia Maresca,
                # who was born in March 2005": the age that opens its sentence is of the one named
                # before it
                present.start() == _sentence_opening(text, sentence)
                and _AGE_FOR_NAME.match(text, present.start()) is not None
                and _another_named_before(text, sentences, sentence, born_in)
            ):
                yield AgeCue(Span(start, end), age, born, None)  # "Now 52, she …": at the document date
            previous = sentence
            continue
        if sentence.start in birthdays and _birthday(text, dates, sentence) is not None:
            previous = sentence
            continue  # "the clinic she founded in 1998 turns 25": a thing's age, not hers
        ages = list(_AGE.finditer(text, lo, sentence.end)) or [
            m for m in _NAMED_AGE.finditer(text, lo, sentence.end) if _names_the_born(text, m.end(), born_in)]
        if not ages:
            died = _DEATH.search(text, lo, sentence.end)
            if died is not None:
                ages = list(_DEATH_AGE.finditer(text, died.end(), sentence.end))
        # (a year-less day of the document's year counts: "On 3 February she became …, at 34,")
        dated = [t for t in dates.between(lo, sentence.end) if has_year(t) and t is not birth and (
            t.anchor is None or (_year_from_now(t) and _FULL_DAY.fullmatch(t.value)))]
        if len(ages) > 1:
            # "At 15 she moved to Vienna, and in 2004, at 17, she became …": each age with the
            # date written right next to it, the others left alone
            for match in ages:
                beside = [t for t in dated if _ADJACENT.fullmatch(text, t.end, match.start())
                          or _NEXT_TO.fullmatch(text, match.end(), t.start)]
                if len(beside) == 1:
                    age = _age_of(match)[0]
                    yield AgeCue(Span(match.start(), match.end()), age, born, mention(beside[0]))
            previous = sentence
            continue
        if len(ages) != 1:
            previous = sentence
            continue
        match = ages[0]
        if _EPITHET_AGE.match(text, match.start()) and _DEFINITE_BEFORE.search(
            text, max(0, match.start() - 6), match.start()
        ) and not _born_named_before(text, match.start(), born_who):
            previous = sentence
            continue  # "Elif Demir won … ¶ The 31-year-old from Kelsey Harriers …": hers, not his
        if _UNREACHED_AGE.search(text, max(lo, match.start() - 30), _age_of(match)[1]):
            previous = sentence
            continue  # "would have turned 84 this coming November": not reached
        if _OTHER_PERSON.search(text, max(lo, match.start() - _OTHER_PERSON_REACH), match.start()) or (
            previous is not None and previous.paragraph == sentence.paragraph
            and _opens_sentence(text, sentence, match)
            and _OTHER_PERSON.search(text, previous.start, previous.end)
        ) or _another_name(text, match.start(), born_in) or _another_named_after(
            text, match.end(), born_who
        ) or _another_in_relative(
            text, lo, match.start(), born_in
        ) or (
            _another_sex(text, lo, match.start(), born_sex)
        ) or _another_subject(text, sentence, match.start(), born_in) or (
            previous is not None and previous.paragraph == sentence.paragraph
            and _PRONOUN_OPENS.match(text, sentence.start) is not None
            and _names_another(text, previous, born_in)
        ):
            previous = sentence
            continue  # "when his daughter Imogen joined the business at the age of eighteen";
            # "Her predecessor, Leonard Hurst, … He was 63 when …"; "The first head, Dr Harold
            # Fenn, was 41 … He … died in 2003 at the age of 69"
        subject = _DEFINITE_SUBJECT.search(text, max(lo, match.start() - 40), match.start())
        if subject is not None and singular(subject.group(1)) not in _PERSON_NOUNS:
            previous = sentence
            continue  # "when the school turned 50": a thing's age
        # the dates of others' lifespans ("his father (1857-1917)") do not date the age
        # (nor a date inside a relative clause the age's clause goes on past: "Edith Pennick,
        # whose choir sang at every carol service from 1970 onwards, has died at the age of 82";
        # nor one past the close of the relative clause the age is in: "Agnes Morrow, who has
        # died aged 85, became headteacher in 1974")
        dated = [t for t in dated if not _in_closed_relative(text, lo, t, match.start())
                 and not _closed_before(text, lo, match.start(), match.end(), t)
                 and not _in_relative_after(text, match.end(), t)
                 and not _of_unreached_age(text, match.end(), t)]
        # ("Because 1900 was not a leap year — … — she was eight years old before her birthday
        # came round, in 1904": a date of the reason clause in front, not the age's time)
        reason = _REASON_OPENING.match(text, sentence.start) if lo == sentence.start else None
        preceding = [t for t in dated if t.end <= match.start() and t.range_id is None and not (
            reason is not None and _CLAUSE_BREAK.search(text, t.end, match.start()) is not None)]
        right_after = [t for t in dated
                       if t.start >= match.end() and _NEXT_TO.fullmatch(text, match.end(), t.start)]
        if not right_after and any(t.start >= match.end() and _NEXT_TO.fullmatch(text, match.end(), t.start)
                                   for t in dates.between(match.end(), sentence.end)):
            previous = sentence
            continue  # "turns 70 next month, first played here in 2008": the age's own time, not 2008
        death = _death_date(text, dates, sentence, previous, birth) if lo == sentence.start else None
        told_before = previous if previous is not None and previous.paragraph == sentence.paragraph else None
        previous = sentence
        if right_after:
            when = right_after[0]  # "when he was seven years old, on 4 December 1892"
        elif preceding:
            when = preceding[-1]  # "retired in 2012, at the age of 65"
        elif len(dated) == 1 and not _RELATIVE_CLAUSE.search(text, match.end(), dated[0].start) and not (
            # "moved to Castlegate at the age of seven and joined the academy … in 2011": the
            # date of the next verb's clause, not the age's
            dated[0].start > match.end() and (
                other_predicate(text, match.end(), dated[0].start)
                # "At the age of 12 he joined the juniors; five years later he captained the
                # first team, in 1951": another clause's date, or a time counted on from the age's
                or _LATER_CLAUSE.search(text, match.end(), dated[0].start) is not None)
        ) and not (
            _another_named_between(text, match.end(), dated[0].start, born_who)
        ) and not _RELATIVE_RIGHT_AFTER.match(text, match.end()) and dated[0].signal != "since" and not any(
            t.anchor == "DCT" and t.type == "DATE" for t in dates.between(lo, match.start())
        ):
            # (not "since 2023", the start of another state: "This year she turned 50, … and
            # announced her first tour since 2023"; nor past a date of now before the age)
            # (not a date told of someone else after the age: "was 21 when she crossed the line,
            # inside the record set by Kate Ellwood on 11 June 2017")
            when = dated[0]
        elif not dated and death is not None:
            when = death  # "… died on Thursday in Medellín. He was 71."
        elif not dated and lo == sentence.start and _tells_death(text, sentence, told_before) and not (
            # ("Her father … died when she was one. At the age of ten, …": another's death)
            told_before is not None and _DEATH.search(text, sentence.start, sentence.end) is None
            and _OTHER_PERSON.search(text, told_before.start, told_before.end) is not None
        ) and (
            (later := _the_death_date(text, dates, sentences, birth)) is not None
        ):
            # "… has died at the age of 84." or "… has died. He was 93." ¶ "He died in Ely on 12
            # January 2024." (a sentence of its own: no participle of this one dates the age)
            yield AgeCue(Span(match.start(), match.end()), _age_of(match)[0], born, mention(later))
            continue
        elif not dated and (
            before := _date_told_just_before(text, dates, told_before, sentence, match, birth)
        ):
            # "… took her seat in the second violins on 11 January 1971. She was 20, the
            # youngest player": an age that opens the next sentence is the age at its date (at
            # its last date when it has several: a doubt)
            told, several = before
            yield AgeCue(Span(match.start(), match.end()), _age_of(match)[0], born, mention(told), several)
            continue
        elif not dated and _EPITHET_AGE.match(text, match.start()) and (
            _told_now(dates, sentence.start) or _lede_told_now(text, dates, sentence, birth)
        ):
            # "The 19-year-old, riding for the Kestrel club, covered the course …" in a report whose
            # last date counts from the document's ("on Saturday"): the age at the document date
            yield AgeCue(Span(match.start(), match.end()), _age_of(match)[0], born, None)
            continue
        else:
            continue
        participle = when.start > match.end() and (
            _PARTICIPLE_CLAUSE.search(text, match.end(), when.start) is not None
        )
        yield AgeCue(Span(match.start(), match.end()), _age_of(match)[0], born, mention(when), participle)


def _of_unreached_age(text: str, after: int, date: Timex) -> bool:
    """Is ``date`` the date of an age not lived to, told between the age and it ("He was 92, and
    would have turned 93 tomorrow")?"""
    return date.start > after and _UNREACHED_AGE_BETWEEN.search(text, after, date.start) is not None


_UNREACHED_AGE_BETWEEN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('unreached_age_before')})\s+(?:\w+\s+)?\d{{1,3}}\b", re.IGNORECASE
)


_CAPITALISED = lazy_compile(r"\b[A-Z][\w'’-]+")
_NOT_NAMES = frozenset(_WORDS.words("capitalised_non_names"))
_DEFINITE_BEFORE = lazy_compile(r"\bthe[ \t]+\Z", re.IGNORECASE)


# ", Okafor ran": a name set off after a fronted birth, then its verb
# "Born in Nairobi in May 1989, the 34-year-old …": the epithet of the one born, right after
_EPITHET_AFTER_BIRTH = lazy_compile(r",[ \t]+the[ \t]+(\d{1,3})-year-old\b")
# after a birth, its clause going on to the present age: an aside set off by commas, then "and"
_BIRTH_CLAUSE_GOES_ON = lazy_compile(r"(?:,[^,.;:!?\n]{1,80})?,?\s+and\s+")
_SUBJECT_AFTER_BIRTH = lazy_compile(r",[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?(?=[ \t]+[a-z])")


def _names_in(words: str) -> set[str]:
    """The capitalised words of ``words`` that may be names (not months, weekdays or the like)."""
    return {w.group() for w in _CAPITALISED.finditer(words)} - set(MONTHS) - set(WEEKDAYS) - _NOT_NAMES


def _born_named_before(text: str, at: int, born_who: str) -> bool:
    """Does a name of the born person (a capitalised word of the birth's sentence up to the
    birth, other than a month or a weekday) stand in the paragraph of ``at`` or the one before,
    before it? Else "The 31-year-old" is someone the text named there instead."""
    names = _names_in(born_who)
    if not names:
        return True  # "- Born: 30 November 2004": whose, the words do not say
    paragraph = text.rfind("\n\n", 0, at)
    window_start = text.rfind("\n\n", 0, paragraph) if paragraph > 0 else 0
    window = text[max(0, window_start):at]
    return any(re.search(rf"\b{re.escape(name)}\b", window) for name in names)


def _another_named_after(text: str, at: int, born_who: str) -> bool:
    """Is the age that ends at ``at`` an epithet of a name right after it that the birth's
    sentence does not give as who was born ("an argument with another man, 27-year-old Owen
    Fisk")?"""
    name = _NAME_RIGHT_AFTER_AGE.match(text, at)
    return name is not None and _EPITHET_AGE.search(text, max(0, at - 24), at) is not None and not any(
        word in born_who for word in name.group().split() if word not in _NOT_NAMES)


def _another_name(text: str, at: int, born_in: str) -> bool:
    """Is the age at ``at`` set off after a name that the birth's sentence does not name ("Breck,
    who was born on 5 June 2001, … ¶ Royle, now 61, …"), or told of one as its subject
    ("Mensah, who turned 18 on …", "Dunne turns 30 on Saturday")?"""
    name = _NAME_BEFORE_AGE.search(text, max(0, at - 40), at) or (
        _NAME_SUBJECT_OF_AGE.search(text, max(0, at - 40), at) if _AGE_VERB.match(text, at) else None)
    if name is None or name.group(1) in MONTHS or name.group(1) in WEEKDAYS or name.group(1) in _NOT_NAMES:
        return False  # "died on 2 March, aged 93"
    if name.group(1) not in born_in:
        return True
    # "Ellen Benn, now 71," beside "Benn … (he was born in May 1925)": a first name of the other
    # sex than the birth's sentence tells is another of the family ("Jordan Pike, now 20," beside
    # "Pike, who was born on 4 December 1996,": the one born, named in full)
    first = _FIRST_NAME_BEFORE.search(text, max(0, name.start(1) - 24), name.start(1))
    if first is None or first.group(1) in born_in or first.group(1) in _PERSON_TITLES:
        return False
    born_sex = _sex_of(born_in)
    return born_sex is not None and sex_of_given_name(first.group(1)) not in (None, born_sex)


# "Norman Leach became the youngest champion …": a full name that opens its sentence, then a word
# in lower case (its verb)
# ... a name whose verb says it was founded is a thing's (chrono/lang/en/prose/ages.yaml)
_FOUNDED_AFTER = lazy_compile(
    rf"[ \t]+(?:{_WORDS.pattern('passive_auxiliaries')})[ \t]+(?:[a-z]+ly[ \t]+)?"
    rf"(?:{_WORDS.pattern('origin_verbs')})\b"
)
_NAMED_SUBJECT = lazy_compile(r"[ \t*_>\"“]*([A-Z][a-z][\w'’-]*)[ \t]+([A-Z][a-z][\w'’-]*)[ \t]+[a-z]")
# ... or one given name and its verb ("Arthur died in 2009, aged 80")
_GIVEN_NAME_SUBJECT = lazy_compile(r"[ \t*_>\"“]*([A-Z][a-z]+)[ \t]+[a-z]")
_LEAD_REACH = 300  # characters at most of a text's first paragraph, which names the one it is about


# how many sentences back an age that opens its sentence looks for the name it stands for
_NAMED_BEFORE_REACH = 4


def _another_named_before(text: str, sentences: Sequence[Sentence], sentence: Sentence, born_in: str) -> bool:
    """Does the last of the few sentences before ``sentence`` that opens on a full name open on
    one that the birth's sentence does not give?"""
    before = [s for s in sentences if s.end <= sentence.start][-_NAMED_BEFORE_REACH:]
    for told in reversed(before):
        if _NAMED_SUBJECT.match(text, told.start, told.end) is not None:
            return _another_subject(text, told, told.end, born_in)
    return False


def _sentence_opening(text: str, sentence: Sentence) -> int:
    """Where the words of ``sentence`` start (past blanks and emphasis)."""
    return sentence.start + len(text[sentence.start:sentence.end]) - len(
        text[sentence.start:sentence.end].lstrip(" \t\n*_>\"“"))


def _another_subject(text: str, sentence: Sentence, at: int, born_in: str) -> bool:
    """Does the sentence of the age at ``at`` open on a full name that the birth's sentence does
    not give ("Norman Leach became the youngest champion in 1964, at the age of 15" beside "Edna
    Voss, born on 3 March 1937")?"""
    name = _NAMED_SUBJECT.match(text, sentence.start, at)
    # (the clause's own, past a semicolon: "…, led the band; George died in 1986, aged 58")
    clause = max(sentence.start, text.rfind(";", sentence.start, at) + 1)
    given = _GIVEN_NAME_SUBJECT.match(text, clause, at) if name is None else None
    if given is not None:
        # "Arthur died in 2009, aged 80" in Winifred's obituary: a given name alone, neither the
        # birth's sentence's nor the lead's, is someone else's
        first = given.group(1)
        opening = len(text) - len(text.lstrip())
        lead_end = text.find("\n\n", opening)
        lead = text[:lead_end if lead_end >= 0 else _LEAD_REACH][:_LEAD_REACH]
        return sex_of_given_name(first) is not None and first not in born_in and first not in lead
    if name is None:
        return False
    if _FOUNDED_AFTER.match(text, name.end(2)):
        return False  # "Tessellate Games was formally founded in June 1996, when she was 27": a thing
    words = [w for w in name.groups() if w not in MONTHS and w not in WEEKDAYS and w not in _NOT_NAMES]
    return len(words) == 2 and not any(w in born_in for w in words)


def _another_in_relative(text: str, lo: int, at: int, born_in: str) -> bool:
    """Is the age at ``at`` in a relative clause about a name further into the sentence (from
    ``lo``) than its subject, which the birth's sentence names neither by it nor by the first name
    before it ("Okoro, born on 30 December 2006, … ¶ … the youngest scorer since striker Lee Banner,
    who scored in 2009 aged 16"; not "Rosa Quill, who has died aged 88, …")?"""
    name = _NAME_OF_RELATIVE.search(text, max(lo, at - 120), at)
    if name is None or len(text[lo:name.start(1)].split()) < _SUBJECT_WORDS or name.group(1) in born_in:
        return False
    first = _FIRST_NAME_BEFORE.search(text, max(0, name.start(1) - 24), name.start(1))
    return first is None or first.group(1) not in born_in


_SUBJECT_WORDS = 4  # words before a name that make it more than the sentence's subject


# "set by Kate Ellwood": a person's full name after an agent's word (not a place: "on Station Road")
_FULL_NAME = lazy_compile(
    rf"\b(?:{_WORDS.pattern('agent_words')})[ \t]+([A-Z][a-z][\w'’-]*)[ \t]+([A-Z][a-z][\w'’-]*)\b"
)


def _another_named_between(text: str, lo: int, hi: int, born_in: str) -> bool:
    """Does a full name the birth's sentence does not give stand between ``lo`` and ``hi``, as the
    agent of something ("set by Kate Ellwood")?"""
    return any(m.group(1) not in born_in and m.group(2) not in born_in and m.group(1) not in MONTHS
               and m.group(1) not in WEEKDAYS for m in _FULL_NAME.finditer(text, lo, hi))


def _sex_of(words: str) -> str | None:
    """"female" or "male" when ``words`` tell only one sex (a title, a pronoun), else None."""
    female, male = _FEMALE.search(words) is not None, _MALE.search(words) is not None
    return "female" if female and not male else "male" if male and not female else None


def _another_sex(text: str, lo: int, at: int, born: str | None) -> bool:
    """Is the age at ``at`` told of a "he" (or put with "his" death) where the one born is a
    woman, or of a "she" where he is a man?"""
    pronoun = _PRONOUN_BEFORE_AGE.search(text, max(lo, at - 30), at) or _OWNER_BEFORE_AGE.search(
        text, max(lo, at - 60), at)
    if pronoun is None:
        return False
    told = _sex_of(pronoun.group(1))
    return told is not None and born is not None and told != born


def _sole_pronoun_sex(text: str) -> str | None:
    """"female" when "she" is the text's one subject pronoun of a person, "male" when "he" is."""
    told = {_sex_of(m.group().lower()) for m in _SUBJECT_PRONOUN.finditer(text)} - {None}
    return told.pop() if len(told) == 1 else None


def _another_name_after(text: str, at: int, born_in: str) -> bool:
    """Is the age put with a name right after it that the birth's sentence does not name ("At 17,
    Okafor is the youngest …" beside "Her captain, Ruth Abbey, who was born on 2 June 1990")?"""
    name = _NAME_AFTER_AGE.match(text, at)
    return name is not None and name.group(1) not in born_in and (
        name.group(1).lower() not in _SUBJECT_PRONOUNS)


def _names_the_born(text: str, at: int, born_in: str) -> bool:
    """Is the name right after ``at`` ("… Ama Kettering") one the birth's sentence names?"""
    name = _NAME_RUN_AFTER.match(text, at)
    return name is not None and any(word in born_in for word in name.group(1).split() if len(word) > 2)


def _names_another(text: str, sentence: Sentence, born_in: str) -> bool:
    """Does ``sentence`` introduce someone by a title ("Dr Harold Fenn") whom the birth's sentence
    does not name?"""
    names = {name.group(1) for name in _TITLED_NAME.finditer(text, sentence.start, sentence.end)}
    return bool(names) and not any(name in born_in for name in names)


_AGE_OPENINGS = tuple(_WORDS.words("age_openings"))


def _opens_sentence(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """Does the age open its sentence as "She was 20" / "He was 63"?"""
    return not text[sentence.start:match.start()].strip(" \t\"“") and match.group().lower().startswith(
        _AGE_OPENINGS)


def _date_told_just_before(text: str, dates: _Dates, told_before: Sentence | None, sentence: Sentence,
                           match: re.Match[str], birth: Timex) -> tuple[Timex, bool] | None:
    """The last date, with its year, of the sentence before (in the paragraph) when the age opens
    its own sentence as "She was 20", and whether that sentence has other dates."""
    if told_before is None or not _opens_sentence(text, sentence, match):
        return None
    if told_before.start <= birth.start < told_before.end:
        return None  # "… born in March 1902 and a councillor since 1945 … He was 74 when …": no event told
    told = [t for t in dates.between(told_before.start, told_before.end) if has_year(t) and t is not birth
            and t.anchor is None and t.range_id is None and t.signal != "since"]
    return (told[-1], len(told) > 1) if told else None


def _lede_age(text: str, dates: _Dates, sentences: Sequence[Sentence], birth: Timex) -> AgeCue | None:
    """"Adaeze Okafor, 52, does not like the word …" (or "52-year-old Adaeze Okafor") opening a
    profile that later says "She was
    born on 30 August 1970": the one age in apposition to a name in the text, in a sentence
    before the birth's with no date of its own, is the age at the document date, when the birth
    sentence names the same person or only a pronoun."""
    # (or "19-year-old Tobi Adeyemi scored …")
    found = [*_APPOSITIVE_AGE.finditer(text), *_AGE_BEFORE_FULL_NAME.finditer(text)]
    if len(found) != 1:
        return None  # (several people's ages: whose is whose is not clear)
    match = found[0]
    told = next((s for s in sentences if s.start <= birth.start < s.end), None)
    if told is None or match.start() >= told.start:
        return None
    surname = match.group("name")
    named = re.search(rf"\b{re.escape(surname)}\b", text[told.start:birth.start]) is not None
    after = _SUBJECT_AFTER_BIRTH.match(text, birth.end)
    if not named and after is not None and re.search(rf"\b{re.escape(surname)}\b", after.group()):
        named = True  # "Born on 30 September 2008, Marlowe has …": named right after the birth
    if not named and _FACT_LINE.match(text, text.rfind("\n", 0, birth.start) + 1):
        # "**Keira Dunne**" over the list "- Born: 2 November 2001": a fact box, its title the name
        box = text.rfind("\n\n", 0, birth.start) + 2
        named = re.search(rf"\b{re.escape(surname)}\b", text[box:birth.start]) is not None
    if not named and _PRONOUN_AFTER_BIRTH.match(text, birth.end) and _BORN_OPENING.match(text, told.start):
        # "Born in Valverde on 22 October 1981, the daughter of a bus driver, she grew up …": the
        # pronoun the birth's participle is of
        named = True
    if not named and not _PRONOUN_SUBJECT.match(text, told.start) and not (
        _POSSESSIVE_BIRTH.search(text, told.start, birth.start)
        and not _another_person_named(text, told.start, surname)
    ):
        # ("Dale Prewett, 29, and Ryan Sollis … ¶ His date of birth was given as …": whose "his" is
        # not clear when the text has named another person)
        return None
    return _age_told_now(text, dates, sentences, match, birth)


def _age_told_now(text: str, dates: _Dates, sentences: Sequence[Sentence], match: re.Match[str],
                  birth: Timex) -> AgeCue | None:
    """The age in apposition ``match`` ("Dana Reeve, 46,") at the document date, when its
    sentence has no date of its own, or at the day of the news, counted from the document date,
    that its sentence tells."""
    here = next((s for s in sentences if s.start <= match.start() < s.end), None)
    if here is None:
        return None
    # (a time of day too: "Martin Sheldrake, 48, fell on the morning of Saturday 4 May")
    # (not a time of day alone, "Most mornings, a little after 7.30, Mayor Elena Castellanos,
    # 47, waits …": a habit's hour, whose day is the document's)
    dated = [t for t in dates.between(here.start, here.end)
             if has_year(t) or (t.type == "TIME" and _YEAR_FIRST.match(t.value) is not None
                                and _DAY_NAMED.search(t.text) is not None)]
    death = _DEATH.search(text, match.end(), here.end)
    if len(dated) == 1 and _FULL_DAY.match(dated[0].value[:10]) and death is not None and (
        death.start() < dated[0].start and _OTHER_PERSON.search(text, match.end(), death.start()) is None
    ):
        # "Harold J. Brennan, 86, of Millbrook, died Tuesday, June 28, 2011": the age at the death
        # the sentence tells, whatever year is written (not "…, 86, whose wife died in …")
        age, start, end = _age_of(match)
        return AgeCue(Span(start, end), age, mention(birth), mention(dated[0]))
    # "Dana Reeve, 46, … appeared in court on Friday 26 August": a day counted from the
    # document date is the news of the day, the age the one at it or at the document date;
    # a year written ("fell on 4 May 2019") is another time, at which she was another age
    recent = [t for t in dated if t.anchor == "DCT" and not t.guessed and _FULL_DAY.match(t.value[:10])]
    if len(recent) != len(dated) or not _one_age_over(birth, {t.value[:10] for t in recent}):
        # ("Daniel Merrow, 31, … was sentenced on Thursday after admitting burglary at an
        # earlier hearing on 19 October": several days, at each of which he was the same age)
        return None
    age, start, end = _age_of(match)
    if recent:
        return AgeCue(Span(start, end), age, mention(birth), mention(recent[0]), or_now=True)
    return AgeCue(Span(start, end), age, mention(birth), None)


def _named_births_ages(text: str, dates: _Dates, sentences: Sequence[Sentence], births: Sequence[Timex]
                      ) -> Iterator[AgeCue]:
    """"Daniel Ferris, 34, of Albion Terrace, and Lee Brannan, 41, … ¶ Ferris, whose date of
    birth was given as 2 May 1989, …. Brannan, born on 9 January 1982, …": of several people,
    each birth told right after a surname set off by a comma, against the one age in apposition
    to that surname, at the document date."""
    ages = list(_APPOSITIVE_AGE.finditer(text))
    for birth in births:
        told = next((s for s in sentences if s.start <= birth.start < s.end), None)
        named = None if told is None else _NAMED_BIRTH.search(text, told.start, birth.start)
        if named is None or named.group(1) in MONTHS or named.group(1) in WEEKDAYS:
            continue
        own = [m for m in ages if m.group("name") == named.group(1)]
        if len(own) == 1:
            cue = _age_told_now(text, dates, sentences, own[0], birth)
            if cue is not None:
                yield cue


# "Ferris, whose date of birth was given as", "Brannan, born on": a surname, a comma and the
# birth words, right up to the birth's date
_NAMED_BIRTH = lazy_compile(
    rf"\b([A-Z][\w'’-]+),[ \t]+(?:(?:{_WORDS.pattern('birth_relatives')})[ \t]+)?"
    rf"(?:{_WORDS.pattern('birth')})"
    rf"(?:[ \t]+(?:{_WORDS.pattern('birth_date_prepositions')}))?[ \t]+\Z"
)


def _another_person_named(text: str, end: int, surname: str) -> bool:
    """Does the text before ``end`` name a person by given name and surname other than
    ``surname``?"""
    return any(sex_of_given_name(given) is not None and other != surname
               for given, other in full_names(text, 0, end))


def _one_age_over(birth: Timex, days: set[str]) -> bool:
    """Was the one born on ``birth`` the same age on each of ``days`` (ISO days)?"""
    if len(days) <= 1:
        return True
    if not _FULL_DAY.fullmatch(birth.value):
        return False
    born = (int(birth.value[5:7]), int(birth.value[8:10]))
    ages = {int(day[:4]) - int(birth.value[:4]) - ((int(day[5:7]), int(day[8:10])) < born) for day in days}
    return len(ages) == 1


# a line labelling a fact: "- Born: 2 November 2001" (the view blanks the list marker)
_FACT_LINE = lazy_compile(r"[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?\**[A-Z][\w ]{0,20}\**:")
_PRONOUN_SUBJECT = lazy_compile(rf"\s*(?:{_WORDS.pattern('born_pronoun_openers')})\b", re.IGNORECASE)
_BORN_OPENING = lazy_compile(rf"[\s\"“*_]*(?:{_WORDS.pattern('born_participles')})\b", re.IGNORECASE)
# (after the birth, an aside or two set off by commas, then the pronoun subject of the main clause)
_PRONOUN_AFTER_BIRTH = lazy_compile(
    rf"(?:,[^,.;:!?\n]{{1,80}})?,[ \t]+(?:{_WORDS.pattern('born_main_subjects')})[ \t]+[a-z]")
# a time of day that names its day ("on the morning of Saturday 4 May", "at 4am today")
_DAY_NAMED = lazy_compile(
    rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{alternation(MONTHS)})|(?:{alternation(MONTHS)})[ \t]+\d"
    rf"|\b(?:{alternation([*WEEKDAYS, *_WORDS.words('day_words')])})\b", re.IGNORECASE)
_POSSESSIVE_BIRTH = lazy_compile(rf"\b(?:{_WORDS.pattern('born_possessives')})\b", re.IGNORECASE)

# "the 19-year-old": an age as the epithet of the one the text is about
_EPITHET_AGE = lazy_compile(rf"[\w-]+-{_WORDS.pattern('epithet_age')}\b")


def _lede_told_now(text: str, dates: _Dates, sentence: Sentence, birth: Timex) -> bool:
    """Does the text open on a date counted from the document's ("broke the record on
    Saturday"), with no year written in the paragraph of ``sentence`` up to it? Then "The
    19-year-old" further down is the one the report is about, now (a record's old year told in
    between is another time of another person). The birth itself is no time of the report ("Jordan
    Fenn, whose date of birth was given as 14 August 1998, admitted … yesterday")."""
    first = [t for t in dates.between(0, sentence.start) if t.type in ("DATE", "TIME") and t is not birth]
    if not first or first[0].anchor != "DCT" or first[0].guessed:
        return False
    paragraph = text.rfind("\n\n", 0, sentence.start) + 1
    return not any(has_year(t) and t.anchor is None for t in dates.between(paragraph, sentence.start))


def _told_now(dates: _Dates, before: int) -> bool:
    """Is the last date before ``before`` counted from the document's ("on Saturday",
    "yesterday"), so that the text tells the present, not a time of long ago?"""
    earlier = [t for t in dates.between(0, before) if t.type in ("DATE", "TIME")]
    return bool(earlier) and earlier[-1].anchor == "DCT" and not earlier[-1].guessed


def _in_closed_relative(text: str, lo: int, timex: Timex, at: int) -> bool:
    """Is ``timex`` inside a relative clause that closes before ``at`` ("Edith Pennick, whose
    choir sang at every carol service from 1970 onwards, has died at the age of 82")?"""
    return timex.end <= at and _RELATIVE_CLAUSE.search(text, lo, timex.start) is not None and (
        _MAIN_CLAUSE_AFTER.search(text, timex.end, at) is not None)


def _in_relative_after(text: str, end: int, timex: Timex) -> bool:
    """Is ``timex`` in a relative clause opened after the age ("At the age of sixteen he entered the
    office of Harker and Bell, of which firm he became a partner in 1849"): another act's date?"""
    return timex.start >= end and _RELATIVE_OPENED.search(text, end, timex.start) is not None


def _closed_before(text: str, lo: int, start: int, end: int, timex: Timex) -> bool:
    """Are the words at ``[start, end)`` inside a relative clause that closes before ``timex``?"""
    return timex.start >= end and _RELATIVE_CLAUSE.search(text, lo, start) is not None and (
        _CLAUSE_CLOSED.match(text, end, timex.start) is not None)


# ", of which firm …", ", where she …": a relative clause set off after the age's clause
_RELATIVE_OPENED = lazy_compile(rf",\s+(?:(?:{_WORDS.pattern('relative_prepositions')})\s+)?"
                                rf"(?:{_WORDS.pattern('relative_openers_after_age')})\b", re.IGNORECASE)
# the rest of a relative clause up to its closing comma, then the main clause's words
_CLAUSE_CLOSED = lazy_compile(r"[^,;.]*,\s+[a-z]+")
_MAIN_CLAUSE_AFTER = lazy_compile(rf",\s+(?:{_WORDS.pattern('main_clause_openers')})\b")


def _death_date(text: str, dates: _Dates, sentence: Sentence, previous: Sentence | None, birth: Timex
                ) -> Timex | None:
    """The date of a death told in this sentence ("died on Thursday, aged 71") or in the
    sentence before it, same paragraph ("… died on 3 May. He was 71.")."""
    spans = [(sentence.start, sentence.end)]
    if previous is not None and previous.paragraph == sentence.paragraph:
        spans.append((previous.start, previous.end))
    for lo, hi in spans:
        death = _DEATH.search(text, lo, hi)
        if death is None:
            continue
        # "died on 3 May", "On Monday, … died": the sentence's one date, before or after the word
        # (not a date past the close of the relative clause the death is told in: "Agnes Morrow,
        # who has died aged 85, became headteacher in 1974")
        dated = [t for t in dates.between(lo, hi) if has_year(t) and _YEAR_MONTH_DAY.fullmatch(t.value)
                 and t.value != birth.value and not _in_closed_relative(text, lo, t, death.start())
                 and not _closed_before(text, lo, death.start(), death.end(), t)]
        return dated[0] if len(dated) == 1 else None
    return None


_BOUND_SIGNALS = frozenset({"since", "before", "after", "until", "till", "by", "from"})


def _tells_death(text: str, sentence: Sentence, before: Sentence | None) -> bool:
    """Does the sentence, or the one right before it in its paragraph, tell a death?"""
    return any(s is not None and _DEATH.search(text, s.start, s.end) is not None for s in (sentence, before))


def _the_death_date(text: str, dates: _Dates, sentences: Sequence[Sentence], birth: Timex) -> Timex | None:
    """The day of the death when the text gives one and only one: each sentence that tells a
    death with one full date, all of them the same day."""
    found: list[Timex] = []
    for sentence in sentences:
        if _DEATH.search(text, sentence.start, sentence.end) is None:
            continue
        # (a year-less day of the document's year counts: "died at home on 9 August", written a
        # few days later; the age rule widens an inferred year's ages when it is not that near)
        # (not a day that only bounds another time: "unwell since a fall before Christmas")
        dated = [t for t in dates.between(sentence.start, sentence.end) if has_year(t)
                 and _FULL_DAY.fullmatch(t.value) and t.value != birth.value
                 and (t.anchor is None or _year_from_now(t)) and t.signal not in _BOUND_SIGNALS]
        if len(dated) == 1:
            found.append(dated[0])
        elif dated:
            return None  # several dates beside a death word: whose is which is not clear
    return found[0] if found and all(t.value == found[0].value for t in found) else None


def mentions_anniversaries(text: str) -> bool:
    """Can the text hold an anniversary phrase at all (a cheap test before reading sentences)?"""
    return _ANNIVERSARY_WORD in text.lower()


def anniversaries_in(text: str, start: int, end: int) -> Iterator[tuple[re.Match[str], int]]:
    """The "Nth anniversary" phrases of ``text[start:end]`` with their count."""
    if not _ANNIVERSARY_HINT.may_match(text, start, end):
        return
    for match in _ANNIVERSARY.finditer(text, start, end):
        yield match, _ordinal_count(match)


def thing_birthdays_in(text: str, start: int, end: int) -> Iterator[tuple[re.Match[str], int]]:
    """The "80th birthday" phrases of ``text[start:end]`` whose owner is a thing ("the
    school's", "its"), with their count."""
    for match in _ANY_NTH_BIRTHDAY.finditer(text, start, end):
        if _THING_OWNER.search(text, max(start, match.start() - 40), match.start()):
            yield match, _ordinal_count(match)


def _ordinal_count(match: re.Match[str]) -> int:
    """The count of an "Nth" or ordinal-word phrase ("50th anniversary", "sixtieth birthday")."""
    return int(match.group("n")) if match.group("n") else _ORDINAL_WORDS[match.group("w").lower()]


def told_as_present(text: str, start: int, end: int) -> bool:
    """Is an anniversary in ``text[start:end]`` told as marked now ("marks", "this year")?"""
    return _MARKS.search(text, start, end) is not None


def anniversary_cues(
    text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]
) -> Iterator[AnniversaryCue]:
    """"the 50th anniversary of its founding in 1975", marked on a date of the sentence or, in
    the present tense ("marks", "this year"), on the document date."""
    if _ANNIVERSARY_WORD not in text.lower():
        return
    dates = _Dates(timexes)
    for sentence in sentences:
        if not _ANNIVERSARY_HINT.may_match(text, sentence.start, sentence.end):
            continue
        match = _ANNIVERSARY.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        count = _ordinal_count(match)
        inside = [t for t in dates.between(sentence.start, sentence.end) if has_year(t)]
        after = [t for t in inside if t.start > match.end() and t.anchor is None]
        before = [t for t in inside if t.end <= match.start()]
        if not after or not (_OF_WORD.search(text, match.end(), after[0].start) or _ORIGIN.search(
            text, max(match.end(), after[0].start - 80), after[0].start
        )):
            continue  # (not "its 150th anniversary in 2029": that is when it is marked)
        on: DateMention | None
        if before:
            on = mention(before[-1])
        elif _MARKS.search(text, sentence.start, match.start()):
            on = None
        else:
            continue
        yield AnniversaryCue(Span(match.start(), match.end()), match.group().split()[0], count,
                             mention(after[0]), on)


_NTH_BIRTHDAY = lazy_compile(
    rf"\b(?:{_WORDS.pattern('birthday_owners')})\s+(?:(?P<n>\d{{1,3}})(?:{ORDINAL_SUFFIXES})|"
    rf"(?P<w>{alternation(longest_first(_ORDINAL_WORDS))}))\s+{re.escape(_WORDS.words('birthday')[0])}\b",
    re.IGNORECASE,
)


_COUNTERFACTUAL = lazy_compile(
    rf"\b(?:{_WORDS.pattern('counterfactual_birthday')})\s+(?:\w+\s+)?\Z", re.IGNORECASE
)


def birthday_cues(
    text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]
) -> Iterator[AnniversaryCue]:
    """"On her 60th birthday, in May 2020, she retired": the anniversary of the one birth the text
    tells, on the one other date of the sentence."""
    if _WORDS.words("birthday")[0] not in text.lower():
        return
    births = _births(text, timexes)
    if len(births) != 1:
        return
    birth = births[0]
    born_in = next((s for s in sentences if s.start <= birth.start < s.end), None)
    if born_in is not None and _OTHER_PERSON.search(
        text, max(born_in.start, birth.start - _OTHER_PERSON_REACH), birth.start
    ):
        return  # "her younger brother, Idris, who was born in March 1925": not the birthday's person
    dates = _Dates(timexes)
    for sentence in sentences:
        match = _NTH_BIRTHDAY.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        count = _ordinal_count(match)
        counterfactual = _COUNTERFACTUAL.search(text, max(sentence.start, match.start() - 24), match.start())
        # (a written date, or one counted from now: "her 100th birthday next month")
        # (not a date told after the birth that follows the birthday: "celebrating his 80th
        # birthday; he was born on 1 January 1950 and has not missed a dip since 1983")
        others = [t for t in dates.between(sentence.start, sentence.end)
                  if t is not birth and has_year(t) and (t.anchor is None or (
                      t.anchor == "DCT" and t.temporal_function and not t.guessed and not counterfactual))
                  and not (match.end() <= birth.start and t.start >= birth.end)]
        if len(others) > 1:
            # "her 100th birthday on Sunday 28 March at the home where she has lived since 2017":
            # the date right after the birthday
            others = [t for t in others
                      if t.start >= match.end() and _NEXT_TO.fullmatch(text, match.end(), t.start)]
        if len(others) != 1:
            continue
        if born_in is not None and _birthday_of_another(text, sentence, match.start(), born_in, birth):
            continue
        ordinal = match.group().split()[1]  # "60th", "sixtieth"
        yield AnniversaryCue(Span(match.start(), match.end()), ordinal, count, mention(birth),
                             mention(others[0]), noun="birthday")


def _birthday_of_another(text: str, sentence: Sentence, at: int, born_in: Sentence, birth: Timex) -> bool:
    """Is the birthday at ``at`` told of a name ("Freya Lund marked her 19th birthday") other than
    the one the birth's sentence gives as its subject ("Okafor, who was born on 11 November 1998")?
    (The first word of a sentence may be no name: "To mark her 40th birthday".)"""
    born = _NAME_BORN.search(text, born_in.start, birth.start)
    if born is None or born.group(1) in _NOT_NAMES or born_in.start == sentence.start:
        return False
    owner = _BIRTHDAY_OWNER.search(text, max(sentence.start, at - 40), at)
    return owner is not None and owner.start(1) > _sentence_opening(text, sentence) and (
        owner.group(1) not in _NOT_NAMES and owner.group(1) != born.group(1))


# "Freya Lund marked her": the name whose birthday it is, a verb or two before the possessive
_BIRTHDAY_OWNER = lazy_compile(r"\b([A-Z][\w'’-]+)[ \t]+(?:[a-z][\w'’-]*[ \t]+){1,2}\Z")
# "Okafor, who was born", "Okafor was born": the name of who was born
_NAME_BORN = lazy_compile(
    rf"\b([A-Z][\w'’-]+)(?:,[ \t]+{_WORDS.pattern('born_who')})?[ \t]+{_WORDS.pattern('born_was')}\b")


# "five years since": the unit and "since" first (a cheap search), then the count before them
_ELAPSED = lazy_compile(  # a word start checked on each match (no \b: the engine skips ahead)
    rf"(?P<unit>{_WORDS.pattern('elapsed_units')})[ \t]+(?:(?:{_WORDS.pattern('elapsed_passed')})[ \t]+)?"
    rf"(?P<since>{_WORDS.pattern('elapsed_since')})[ \t]+",
    re.IGNORECASE,
)
_COUNT_BEFORE = lazy_compile(rf"(?P<count>{_NUMBER})[ \t]+\Z", re.IGNORECASE)
_ELAPSED_HINT = Hint.of(_WORDS.words("elapsed_since"))  # a text without "since" is not searched
_APPROXIMATE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('elapsed_approximate')}|{_WORDS.pattern('elapsed_frequency')})[ \t]+\Z",
    re.IGNORECASE,
)
_PRESENT = lazy_compile(rf"\b(?:{_WORDS.pattern('elapsed_present')})\b", re.IGNORECASE)
_OTHER_CLAUSE = lazy_compile(rf"[;:]|,\s+(?:{_WORDS.pattern('elapsed_clause_joiners')})\b", re.IGNORECASE)
_PAST = lazy_compile(rf"\b(?:{_WORDS.pattern('elapsed_past')})\b", re.IGNORECASE)
_FUTURE = lazy_compile(rf"(?<!\w)(?:{_WORDS.pattern('elapsed_future')})\b", re.IGNORECASE)


def elapsed_cues(
    text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]
) -> Iterator[ElapsedCue]:
    """"it is five years since the 2019 fire", "in the 30 years since the act became law in
    1992": the year the count ends in is a date written before it in the sentence or, when the
    sentence speaks of the present and not of the past, the document date's; and a thing's
    age ("opened in July 1964, turns 60 this year")."""
    dates = _Dates(timexes)
    starts = [s.start for s in sentences]
    for match in _ELAPSED.finditer(text) if _ELAPSED_HINT.may_match(text, 0, len(text)) else ():
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or not starts_word(text, match.start()):
            continue
        sentence = sentences[index]
        counted = _COUNT_BEFORE.search(text, max(sentence.start, match.start() - 24), match.start())
        if counted is None or match.end() > sentence.end:
            continue
        if _APPROXIMATE.search(text, max(sentence.start, counted.start() - 16), counted.start()):
            continue  # "nearly five years since": not a count to check
        if _FUTURE.search(text, sentence.start, counted.start()):
            continue  # "will mark five years since its founding in September 2022": whose date?
        raw = counted.group("count")
        count = int(raw) if raw.isdigit() else _COUNT_WORDS[raw.lower()]
        # the date counted from: the first one with a year in the clause after "since"
        after = [t for t in dates.between(match.end(), min(sentence.end, match.end() + 80))
                 if has_year(t) and t.anchor is None]
        if not after or _SINCE_CUT.search(text, match.end(), after[0].start):
            continue
        before = [t for t in dates.between(sentence.start, counted.start()) if has_year(t)]
        if before and _OTHER_CLAUSE.search(text, before[-1].end, counted.start()):
            before = []  # "… the gale of October 1881 …, and the show marks forty years since …"
        at: DateMention | None
        if before:
            at = mention(before[-1])
        elif _PRESENT.search(text, sentence.start, sentence.end) and not _PAST.search(
            text, sentence.start, sentence.end
        ):
            at = None  # "it is five years since …": at the document date
        else:
            continue  # "it was five years since …" with no date: the story's time, unknown
        span = Span(counted.start(), match.end("since"))
        yield ElapsedCue(span, text[span.start:span.end], count, mention(after[0]), at, slack=1)
    for sentence in _birthday_sentences(text, sentences):
        birthday = _birthday(text, dates, sentence)
        if birthday is not None:
            yield birthday


def elapsed_since_in(text: str, sentence: Sentence) -> Iterator[tuple[int, re.Match[str], int, bool]]:
    """The exact "N years since" counts of ``sentence`` not told of the future: where the count
    starts, the match, the count and whether the sentence speaks of the present and not of the
    past ("it is thirty years since …": counted to the document date)."""
    if not _ELAPSED_HINT.may_match(text, sentence.start, sentence.end):
        return
    for match in _ELAPSED.finditer(text, sentence.start, sentence.end):
        if not starts_word(text, match.start()):
            continue
        counted = _COUNT_BEFORE.search(text, max(sentence.start, match.start() - 24), match.start())
        if counted is None or _APPROXIMATE.search(text, max(sentence.start, counted.start() - 16),
                                                  counted.start()):
            continue
        if _FUTURE.search(text, sentence.start, counted.start()):
            continue
        raw = counted.group("count")
        count = int(raw) if raw.isdigit() else _COUNT_WORDS[raw.lower()]
        present = bool(_PRESENT.search(text, sentence.start, sentence.end)) and not _PAST.search(
            text, sentence.start, sentence.end)
        yield counted.start(), match, count, present


def _birthday_sentences(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that hold a thing's birthday phrase ("turns 60"), found in one pass."""
    starts = [s.start for s in sentences]
    found: dict[int, Sentence] = {}
    for match in _BIRTHDAY.finditer(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.end() <= sentences[index].end and starts_word(text, match.start()):
            found.setdefault(index, sentences[index])
    return list(found.values())


def _birthday(text: str, dates: _Dates, sentence: Sentence) -> ElapsedCue | None:
    """"The bridge, opened in July 1964, turns 60 this year": the age of a thing, counted from
    the date of its founding word, at another date of the sentence or, with none, at the
    document date (then a year either way)."""
    match = next((m for m in _BIRTHDAY.finditer(text, sentence.start, sentence.end)
                  if starts_word(text, m.start())), None)
    if match is None:
        return None
    inside = [t for t in dates.between(sentence.start, sentence.end) if has_year(t)]
    founded = [t for t in inside if t.anchor is None and t.end <= match.start()
               and _FOUNDED.search(text, max(sentence.start, t.start - 80), t.start)]
    if len(founded) != 1:
        return None
    if _FUTURE.search(text, max(sentence.start, founded[0].start - 40), founded[0].start):
        return None  # "a time capsule … is due to be opened in 2074, when the school turns 150"
    others = [t for t in inside if t is not founded[0]]
    if len(others) > 1:
        return None
    count, _, _ = _age_of(match)
    span = Span(match.start(), match.end())
    at = mention(others[0]) if others else None
    return ElapsedCue(span, text[span.start:span.end], count, mention(founded[0]), at,
                      slack=0 if others else 1)


# Between "since" and its date, a clause of its own ("since the plant closed and, in 2019, …").
_SINCE_CUT = lazy_compile(r"[;:]|,\s")


@functools.cache
def _count_patterns(key: str) -> tuple[re.Pattern[str], ...]:
    """The phrases of ``key`` with every count word in place of ``{count_words}``, compiled when
    first used ("headline_years", "marriage_years")."""
    counts = alternation(longest_first(_COUNT_WORDS))
    return tuple(compile_kept(p.replace("{count_words}", counts), re.IGNORECASE) for p in _WORDS.words(key))


def headline_cues(text: str, timexes: Sequence[Timex], headings: Sequence[tuple[int, int]]
                  ) -> Iterator[ElapsedCue]:
    """"# 4 years of Rust" over "On 15 May 2015, Rust was released": a headline's count of the
    years a thing has been out, from the day the text says it came out to the document date."""
    dates = _Dates(timexes)
    for start, end in headings:
        for pattern in _count_patterns("headline_years"):
            match = pattern.match(text, start, end)
            if match is None or not match.group("count"):
                continue
            count = _count_of(match.group("count"))
            name = match.group("name").split()[-1]
            if not count:
                continue
            origin = compile_kept(
                rf"\b{re.escape(name)}\s+(?:{_WORDS.pattern('origin_auxiliaries')})\s+"
                rf"(?:{_WORDS.pattern('origin_verbs')})\b",
                re.IGNORECASE,
            )
            told = list(origin.finditer(text, end))
            if len(told) != 1:
                continue  # none, or several: which is meant is not said
            act = told[0]
            line_start = text.rfind("\n", 0, act.start()) + 1
            line_end = text.find("\n", act.end())
            near = [t for t in dates.between(line_start, line_end if line_end != -1 else len(text))
                    if has_year(t) and t.anchor is None and t.type == "DATE"]
            if len(near) != 1:
                continue
            span = Span(match.start("count"), match.end())
            # "turns two" is an anniversary (exact); "4 years of" may count completed years
            low = match.group().lower()
            exact = any(word in low for word in _WORDS.words("headline_exact_words"))
            yield ElapsedCue(span, " ".join(text[span.start:span.end].split()), count, mention(near[0]),
                             None, slack=0 if exact else 1, headline=True)
            break


# (not "marked their 60th wedding anniversary in 2021": the anniversary's date)
_WEDDING_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('wedding_words')})\b(?!\s+(?:{_WORDS.pattern('anniversary')})\b)"
    rf"[^.;!?]{{0,60}}?\b(?:{_WORDS.pattern('date_prepositions')})\s+\Z",
    re.IGNORECASE,
)
# "In 1961 she married Leonard": a year that opens the sentence of the wedding
_WEDDING_AFTER = lazy_compile(
    rf"\s*,?\s+(?:{_WORDS.pattern('subject_pronouns')}|(?-i:[A-Z][\w'’-]+))\s+(?:{_WORDS.pattern('wedding_words')})\b",
    re.IGNORECASE,
)
_IN_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('date_prepositions')})\s+\Z", re.IGNORECASE)


def _opens_wedding(text: str, timex: Timex) -> bool:
    """"In 1961 she married Leonard": the date of the wedding its sentence goes on to tell."""
    return bool(_IN_BEFORE.search(text, max(0, timex.start - 4), timex.start)) and (
        _WEDDING_AFTER.match(text, timex.end) is not None)


_MARRIAGE_HINTS = _WORDS.words("marriage_hints")


def marriage_cues(
    text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]
) -> Iterator[ElapsedCue]:
    """"celebrated sixty years of marriage on Thursday" after "They married … on 13 June 1966":
    the years from the one wedding the text dates to the sentence's other date (or, with none, to
    the document date, a year either way)."""
    low = text.lower()
    if not any(hint in low for hint in _MARRIAGE_HINTS):
        return
    weddings = [t for t in timexes if t.type == "DATE" and has_year(t) and t.anchor is None
                and (_WEDDING_BEFORE.search(text, max(0, t.start - 80), t.start) or _opens_wedding(text, t))]
    if len(weddings) != 1:
        return  # no wedding dated, or several: whose is not clear
    wedding = weddings[0]
    dates = _Dates(timexes)
    for sentence in sentences:
        for pattern in _count_patterns("marriage_years"):
            match = pattern.search(text, sentence.start, sentence.end)
            if match is None:
                continue
            count = _count_of(match.group("count"))
            if not count:
                continue
            if _UNREACHED.search(text, max(sentence.start, match.start() - 40), match.start()):
                continue  # "two years short of what would have been their 60th anniversary"
            others = [t for t in dates.between(sentence.start, sentence.end)
                      if t is not wedding and t.type == "DATE" and t.value[:4].isdigit()
                      and (t.anchor is None or _year_from_now(t))]
            at = mention(others[0]) if len(others) == 1 else None
            if len(others) > 1:
                continue
            span = Span(match.start(), match.end())
            yield ElapsedCue(span, text[span.start:span.end], count, mention(wedding), at,
                             slack=0 if at is not None and at.day is not None else 1)
