""""Marking the second anniversary of the tsunami": the event an anniversary is of happened that
many years before the day it is marked (a date of the sentence, or the document date when the
anniversary is told as marked now: then some day of that year), give or take six weeks: an
anniversary may be marked a little before or after its day. The event noun is the story's
event when a mention refers back to it, so its own date elsewhere is checked. An anniversary of
a date written out ("the 50th anniversary of its founding in 1975") is a cue of its own
(chrono.text.ages)."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Part, Qualifier
from chrono.periods import DAY, Period, date_of, day_start
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.tagger.calendar import add_months
from chrono.text.ages import (
    anniversaries_in,
    elapsed_since_in,
    has_year,
    mentions_anniversaries,
    thing_birthdays_in,
    told_as_present,
)
from chrono.text.attachment import resolve
from chrono.text.builder import Builder
from chrono.text.context import SentenceContext
from chrono.text.counts import count_of
from chrono.text.dating import period_of
from chrono.text.events import Trigger
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import Hint, vocabulary

_WORDS = vocabulary("ages")
_OF_EVENT = lazy_compile(
    rf"\s+{_WORDS.pattern('of_word')}\s+(?:(?:{_WORDS.pattern('anniversary_determiners')})\s+)?"
    r"(?:[\w'’-]+\s+){0,2}"
)
# "The society's 150th anniversary", "its 50th anniversary": whose anniversary
_POSSESSOR = lazy_compile(
    rf"\b(?:([A-Za-z][\w-]*)['’]s|{_WORDS.pattern('thing_owners')})\s+\Z", re.IGNORECASE
)
# "the 150th anniversary of the town's clock tower": the thing whose opening it marks, by its
# last word
_OF_THING = lazy_compile(
    rf"\s+{_WORDS.pattern('of_word')}\s+(?:(?:{_WORDS.pattern('of_thing_determiners')})\s+)?"
    r"(?:[\w'’-]+['’]s\s+)?(?:[a-z][\w-]*\s+)?"
    # (not "the" of "of the Armistice": a name, no thing's)
    rf"(?!(?:{_WORDS.pattern('of_thing_determiners')})\b)([a-z][\w-]+)\b"
)
# "The Rosemoor Community Choir, which turns 25 this year": the thing's last name word, then its age
_TURNS = (rf",\s+(?:{_WORDS.pattern('turns_relatives')})\s+(?:(?:{_WORDS.pattern('turns_auxiliaries')})\s+)?"
          rf"(?:{_WORDS.pattern('turns_verbs')})")
_THING_TURNS = lazy_compile(
    rf"\b([A-Z]?[a-z][\w-]*){_TURNS}\s+(?P<count>\d{{1,3}}|[a-z]+(?:-[a-z]+)?)\b"
    rf"(?=\s+(?:{_WORDS.pattern('turns_years')})\s+{_WORDS.pattern('turns_year')}\b)"
)
_TURNS_HINT = Hint.of(_WORDS.words("turns_hint"))
# "as the Salter Lane shop celebrates fifty years in business": the thing's last word, the count
_THING_YEARS = lazy_compile(
    rf"\b([A-Z]?[a-z][\w-]*)\s+(?:(?:{_WORDS.pattern('years_marked_copulas')})\s+)?"
    rf"(?:{_WORDS.pattern('years_marked_verbs')})\s+"
    rf"(?P<count>\d{{1,3}}|[a-z]+(?:-[a-z]+)?)\s+{_WORDS.pattern('years_word')}\s+"
    rf"(?:{_WORDS.pattern('years_of_life')})\b"
)
# (a match holds a word of each list: texts with "air" or "print" are many, with "marks" too)
_YEARS_HINT = Hint.of(_WORDS.words("years_of_life"))
_YEARS_MARKED_HINT = Hint.of(_WORDS.words("years_marked_verbs"))
# "Ruth Dane opened the bakery in 1988": the thing as the founding's object
_OBJECT_AFTER = (r"\s+(?:" + _WORDS.pattern("founding_object_determiners")
                 + r")\s+(?:[\w'’-]+\s+){{0,2}}?{word}(?![\w'’-])")
_BIRTHDAY_HINT = Hint.of(_WORDS.words("birthday"))
_OWN_OPENING_BEFORE = frozenset(vocabulary("ages").words("own_opening_before"))
_OWN_OPENING_AFTER = lazy_compile(
    rf"\s*(?:{vocabulary('ages').pattern('own_opening_after')})(?!\w)", re.IGNORECASE
)
_WHICH_TURNS = lazy_compile(rf"{_TURNS}\s")
_WORD_BEFORE = lazy_compile(r"[A-Za-z][\w-]*\Z")
# "years since the flood", "since its first concert", "since the choir gave its first concert":
# the words between "since" and the event noun counted from (no clause of their own)
_SINCE_GAP = lazy_compile(r"(?:[\w'’-]+[ \t]+){0,6}")
_SINCE_CUT = lazy_compile(rf"[;:,]|\s(?:{_WORDS.pattern('since_cut_words')})\s")
_MODAL_BEFORE = lazy_compile(rf"\b(?:{vocabulary('ages').pattern('elapsed_modal')})\b", re.IGNORECASE)
_OPENING_KINDS = frozenset({"opening", "take_office", "founding"})
# an anniversary is often marked on the nearest weekend or weeks apart, never a year apart
_SLACK = 45 * DAY


def anniversary_events(b: Builder) -> None:
    # "The Rosemoor Choir, which turns 25 this year, …" and, elsewhere, "The choir was founded
    # in the spring of 1994": a thing's age counted from its one founding
    starts = [s.start for s in b.sentences]
    for comma in _WHICH_TURNS.finditer(b.text) if _TURNS_HINT.may_match(b.text, 0, len(b.text)) else ():
        word = _WORD_BEFORE.search(b.text, max(0, comma.start() - 40), comma.start())
        turning = _THING_TURNS.match(b.text, word.start()) if word is not None else None
        if turning is not None:
            _thing_age(b, starts, turning)
    for years in _THING_YEARS.finditer(b.text) if _YEARS_HINT.may_match(b.text, 0, len(b.text)) and (
            _YEARS_MARKED_HINT.may_match(b.text, 0, len(b.text))) else ():
        # (years of life are a loose count: "fifty years in business" in its fifty-first)
        _thing_age(b, starts, years, loose=True)
    if _BIRTHDAY_HINT.may_match(b.text, 0, len(b.text)):
        # "a party to mark the school's 80th birthday" … "The school opened on 7 September 1935"
        for sentence in b.sentences:
            for match, count in thing_birthdays_in(b.text, sentence.start, sentence.end):
                here = b.contexts.get(sentence.start) or _bare_context(b, sentence)
                _anniversary_of_founding(b, here, match, count)
    _years_since_events(b)
    if not mentions_anniversaries(b.text):
        return
    for sentence in b.sentences:
        for match, count in anniversaries_in(b.text, sentence.start, sentence.end):
            # (a sentence with no event word is read for its dates: "a party to mark its 80th …")
            here = b.contexts.get(sentence.start) or _bare_context(b, sentence)
            nouns = [t for t in here.triggers if t.start >= match.end() and t.pos == "noun"]
            if not nouns or not _OF_EVENT.fullmatch(b.text, match.end(), nouns[0].start):
                _anniversary_of_founding(b, here, match, count)
                continue
            noun = nouns[0]
            if any(t.start >= noun.end and t.type == "DATE" for t in here.timexes):
                continue  # "… of its founding in 1975": the written date is the cue's
            marked = _marked_on(b, here.timexes, match.start())
            at_document_date = marked is None and told_as_present(b.text, sentence.start, match.start())
            if at_document_date:
                marked = b.dct
            if marked is None or marked.start is None or marked.end is None:
                continue
            if at_document_date or marked.end - marked.start > DAY:
                # "this year marks …": some day of the year it is marked in
                year = date_of(marked.start).year - count
                first = day_start(dt.date(year, 1, 1)) - _SLACK
                last = day_start(dt.date(year + 1, 1, 1)) + _SLACK
            else:
                first = day_start(add_months(date_of(marked.start), -12 * count)) - _SLACK
                last = day_start(add_months(date_of(marked.end - 1), -12 * count)) + DAY + _SLACK
            event_id = b.event(noun, here)
            span = b.span(match.start(), noun.end)
            # (an anniversary counts years from the event: a distance, as "N years after" is)
            b.period_claim(event_id, Part.START, Qualifier.IN, Period(first, last, ""), span,
                           mentions=(noun,), rule=ConflictKind.OFFSET)


def _thing_age(b: Builder, starts: list[int], owned: re.Match[str], *, loose: bool = False) -> None:
    """A thing's age (the ``count`` of ``owned``, its owner the match's first group) counted
    from its one founding, in the sentence the phrase stands in."""
    count = count_of(owned.group("count"))
    i = bisect.bisect_right(starts, owned.start()) - 1
    if count and i >= 0:
        sentence = b.sentences[i]
        here = b.contexts.get(sentence.start) or _bare_context(b, sentence)
        _anniversary_of_founding(b, here, owned, count, owned, loose=loose)


def _years_since_events(b: Builder) -> None:
    """"It is thirty years this month since the choir's first concert" … "That concert was
    given in the spring of 1991": the event counted from started that many years before the
    day the count is told at (a date of the sentence before it, else the document date when
    the sentence speaks of the present), give or take a year and six weeks. A date of its own
    after "since" is the age cue's (chrono.text.ages.elapsed_cues)."""
    for sentence in b.sentences:
        for count_start, match, count, present in elapsed_since_in(b.text, sentence):
            here = b.contexts.get(sentence.start)
            if here is None:
                continue
            cut = _SINCE_CUT.search(b.text, match.end(), sentence.end)
            clause_end = cut.start() if cut is not None else sentence.end
            if any(t.type == "DATE" and match.end() <= t.start < clause_end for t in here.timexes):
                continue
            counted = next((t for t in here.triggers if match.end() <= t.start < clause_end), None)
            if counted is None or counted.pos != "noun" or not _SINCE_GAP.fullmatch(
                b.text, match.end(), counted.start
            ):
                continue
            if _MODAL_BEFORE.search(b.text, sentence.start, count_start):
                continue  # "it would have been thirty years since their wedding": not a count told
            marked = _marked_on(b, here.timexes, match.start())
            if marked is None and present and b.dct is not None and all(
                _of_year(t, b.dct.start) for t in here.timexes if t.type == "DATE"
            ):
                marked = b.dct  # (not "'It is ten years since the flood,' she said in 2019")
            if marked is None or marked.start is None:
                continue
            year = date_of(marked.start).year - count
            if not dt.MINYEAR < year < dt.MAXYEAR:
                continue
            first = day_start(dt.date(year - 1, 1, 1)) - _SLACK
            last = day_start(dt.date(year + 1, 1, 1)) + _SLACK
            event_id = b.event(counted, here)
            b.period_claim(event_id, Part.START, Qualifier.IN, Period(first, last, ""),
                           b.span(count_start, counted.end), mentions=(counted,),
                           note=f"{count} years before the count is told", rule=ConflictKind.OFFSET)


def _of_year(timex: Timex, dct_start: int | None) -> bool:
    """Is ``timex`` a date of the document date's year ("this month", "today", "in 2024")?"""
    return timex.value == "PRESENT_REF" or (
        dct_start is not None and timex.value[:4] == str(date_of(dct_start).year))


def _own_opening(text: str, opened: Trigger, owner: str) -> bool:
    """"The school opened its doors on 7 September 1935": the owner is the opening's subject,
    and the opening has no object of its own ("The school opened a new wing")."""
    subject = text[max(0, opened.start - len(owner) - 12):opened.start].lower().split()
    return bool(subject) and (subject[-1] == owner or subject[-1] in _OWN_OPENING_BEFORE) and (
        owner in subject[-2:] and _OWN_OPENING_AFTER.match(text, opened.end) is not None)


def _bare_context(b: Builder, sentence: Sentence) -> SentenceContext:
    """A sentence with no event word, read for its dates only."""
    lo = bisect.bisect_left(b.timex_starts, sentence.start)
    hi = bisect.bisect_left(b.timex_starts, sentence.end)
    return SentenceContext(sentence, (), tuple(b.timexes[lo:hi]), (sentence.end,), sentence.start)


def _marked_on(b: Builder, timexes: tuple[Timex, ...], before: int) -> Period | None:
    """The day an anniversary is marked: the last date of the sentence before it."""
    for timex in reversed(timexes):
        if timex.end <= before and timex.type == "DATE":
            return period_of(timex, b.dct, b.options.hemisphere)
    return None


def _anniversary_of_founding(b: Builder, here: SentenceContext, match: re.Match[str], count: int,
                             turning: re.Match[str] | None = None, *, loose: bool = False) -> None:
    """"The society's 150th anniversary celebrations began in January": the anniversary of what
    was founded, when the text tells one founding of the possessor ("The society was founded in
    1879"); ``turning``: the owner of "The choir, which turns 25 this year" instead."""
    owner = turning or _POSSESSOR.search(b.text, max(here.sentence.start, match.start() - 40), match.start())
    thing = _OF_THING.match(b.text, match.end(), here.sentence.end) if owner is None else None
    if owner is None and thing is None:
        return
    if thing is not None:
        # "the 150th anniversary of the town's clock tower": the one opening of the tower the
        # text tells ("The tower was inaugurated on 1 June 1876")
        word: str | None = thing.group(1).lower()
        kinds = _OPENING_KINDS
    else:
        assert owner is not None
        word = owner.group(1).lower() if owner.group(1) else None
        kinds = frozenset()
    # a founding anywhere, or the opening of its own sentence ("The factory, which opened in
    # 1975, is marking its 40th anniversary")
    foundings = [
        (other, t) for other in b.contexts.values() for t in other.triggers
        if t.pos == "verb" and (
            t.event_class == "founding" or t.event_class in kinds
            or (t.event_class in ("opening", "begin") and other is here and t.start < match.start())
            or (t.event_class == "opening" and word is not None and _own_opening(b.text, t, word))
        )
        and (word is None or word in b.text[max(other.sentence.start, t.start - 60):t.start].lower())
    ]
    if not foundings and loose and word is not None:
        # "Ruth Dane opened the bakery in 1988": the thing opened, as the verb's object
        after = re.compile(_OBJECT_AFTER.format(word=re.escape(word)), re.IGNORECASE)
        foundings = [(other, t) for other in b.contexts.values() for t in other.triggers
                     if t.pos == "verb" and t.event_class in ("founding", "opening")
                     and after.match(b.text, t.end)]
    if len(foundings) != 1:
        return  # none, or several: which one is not said
    context, founded = foundings[0]
    # the year it is marked in: one the sentence writes out, else the document's (or the one
    # before: "celebrations began in January" in a text of the next spring)
    # "The festival, which began in 1996, marks its 30th anniversary": the festival's start
    target = resolve(b.text, founded, context.triggers, context.cuts).trigger
    founding_dates = {b.dated_by.get((t.start, part)) for t in (founded, target)
                      for part in (Part.WHOLE, Part.START)}
    # (or one counted from now right after it: "the museum's 40th anniversary next spring")
    # (a year at least: "A sixteenth-century tapestry … marking the museum's 150th anniversary"
    # names no time the anniversary is marked in)
    # (not a bare month the tagger gave a story's year: "which opened in 1874 and marks its
    # 150th anniversary in June" is the June of now)
    now = date_of(b.dct.start).year if b.dct is not None and b.dct.start is not None else None
    written = [t for t in here.timexes if has_year(t) and t not in founding_dates and (
        t.anchor is None or (t.anchor == "DCT" and t.value[:4].isdigit()
                             and 0 <= t.start - match.end() <= 12
                             and (now is None or abs(int(t.value[:4]) - now) <= 1)))]
    if not written:
        # "so next year, not this one, will mark its 90th anniversary": a year counted from now
        # that the sentence tells before it
        written = [t for t in here.timexes if has_year(t) and t not in founding_dates and t.anchor == "DCT"
                   and t.value[:1].isdigit() and t.end <= match.start()][-1:]
    # (an item under a dated heading is marked then: "**25 years ago — Saturday, 10 July 1999**
    # ¶ … celebrated its 150th anniversary … on Sunday last")
    section = b.section_day(match.start())
    marked = period_of(written[0], b.dct, b.options.hemisphere) if written else (
        period_of(section, b.dct, b.options.hemisphere) if section is not None else b.dct)
    if marked is None or marked.start is None:
        return
    year = date_of(marked.start).year - count
    spare = 0 if written and not loose else 1
    if not dt.MINYEAR + spare <= year < dt.MAXYEAR:
        return  # "the 3000th anniversary": before the calendar starts
    first = day_start(dt.date(year - spare, 1, 1)) - _SLACK
    last = day_start(dt.date(year + 1, 1, 1)) + _SLACK
    event_id = b.event(target, context)
    span = b.span(owner.start(), match.end()) if owner is not None else b.span(
        match.start(), thing.end() if thing is not None else match.end())
    b.period_claim(event_id, Part.START, Qualifier.IN, Period(first, last, ""), span,
                   note=f"the anniversary of '{founded.text}' ({b.where(founded.start)})",
                   rule=ConflictKind.OFFSET)
