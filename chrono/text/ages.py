"""Ages and anniversaries: the cues the age rule does the arithmetic on (chrono.cues.AgeCue,
AnniversaryCue).

An age is linked to a birth only when the document gives one birth date (with several people,
whose age is meant is not clear), and dated by the sentence it is in: the date before it
("retired in 2012, at the age of 65"), the sentence's only date, or a death told in that
sentence or the one before ("… died on 3 May. He was 71."). In the birth's own sentence, an
age in front of the birth is the age at the document date ("Jan Novak, 52, was born in 1968").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from chrono.cues import AgeCue, AnniversaryCue, DateMention
from chrono.model import Span
from chrono.tagger import Timex
from chrono.text.calendar_names import ORDINAL_SUFFIXES
from chrono.text.cue_dates import mention
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import alternation, longest_first, vocabulary

_WORDS = vocabulary("ages")
_BIRTH = re.compile(
    rf"\b(?:{_WORDS.pattern('birth')})\b(?:\s+\w+){{0,3}}?\s+(?:{_WORDS.pattern('birth_date_prepositions')})\s+\Z",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"\b(?:" + "|".join(phrase.replace("{age}", rf"(?P<age{i}>\d{{1,3}})")
                         for i, phrase in enumerate(_WORDS.words("age_phrases"))) + ")",
    re.IGNORECASE,
)
_DEATH = re.compile(rf"\b(?:{_WORDS.pattern('death_words')})\b", re.IGNORECASE)
_APPOSITIVE_AGE = re.compile(r"\b[A-Z][\w'’-]+,\s+(\d{1,3}),\s")
_ANNIVERSARY_WORD = _WORDS.words("anniversary")[0]
_ORDINAL_WORDS = {str(word): int(count) for word, count in _WORDS.table("ordinal_words").items()}
_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<n>\d{{1,3}})(?:{ORDINAL_SUFFIXES})|(?P<w>{alternation(longest_first(_ORDINAL_WORDS))}))"
    rf"\s+{re.escape(_ANNIVERSARY_WORD)}\b",
    re.IGNORECASE,
)
# "this year" with its one space, as written (not across a line break)
_MARKS = re.compile(rf"\b(?:{_WORDS.pattern('present_marks', any_space=False)})\b", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"\d{4}")
_YEAR_MONTH_DAY = re.compile(r"\d{4}(?:-\d\d){0,2}")


class _Dates:
    """The expressions of a document in text order, found by sentence by bisection rather than by
    a scan of the whole document per sentence."""

    def __init__(self, timexes: Sequence[Timex]) -> None:
        self.timexes = timexes
        self.starts = [t.start for t in timexes]

    def between(self, lo: int, hi: int) -> Sequence[Timex]:
        """The expressions that start in [lo, hi), in order."""
        return self.timexes[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]


def _has_year(timex: Timex) -> bool:
    return timex.type == "DATE" and _YEAR_FIRST.match(timex.value) is not None


def _age_of(match: re.Match[str]) -> tuple[int, int, int]:
    """The age an age phrase states and where its number is."""
    group = match.lastindex or 0
    return int(match.group(group)), match.start(group), match.end(group)


def age_cues(text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]) -> Iterator[AgeCue]:
    births = [t for t in timexes if t.anchor is None and _has_year(t)
              and _BIRTH.search(text, max(0, t.start - 40), t.start)]
    if len(births) != 1:
        return  # no birth date, or several people: whose age is meant is not clear
    birth = births[0]
    born = mention(birth)
    dates = _Dates(timexes)
    previous: Sentence | None = None
    for sentence in sentences:
        if sentence.start <= birth.start < sentence.end:
            previous = sentence
            # "Jan Novak, 52, was born in 1968", "The 27-year-old, who was born in 1990": the age
            # at the document date
            appositive = _APPOSITIVE_AGE.search(text, sentence.start, birth.start)
            stated = appositive or _AGE.search(text, sentence.start, birth.start)
            if stated is not None:
                age, start, end = _age_of(stated)
                yield AgeCue(Span(start, end), age, born, None)
            continue
        ages = list(_AGE.finditer(text, sentence.start, sentence.end))
        if len(ages) != 1:
            previous = sentence
            continue
        dated = [t for t in dates.between(sentence.start, sentence.end) if t.anchor is None and _has_year(t)]
        match = ages[0]
        preceding = [t for t in dated if t.end <= match.start()]
        death = _death_date(text, dates, sentence, previous)
        previous = sentence
        if preceding:
            when = preceding[-1]  # "retired in 2012, at the age of 65"
        elif len(dated) == 1:
            when = dated[0]
        elif not dated and death is not None:
            when = death  # "… died on Thursday in Medellín. He was 71."
        else:
            continue
        yield AgeCue(Span(match.start(), match.end()), _age_of(match)[0], born, mention(when))


def _death_date(text: str, dates: _Dates, sentence: Sentence, previous: Sentence | None) -> Timex | None:
    """The date of a death told in this sentence ("died on Thursday, aged 71") or in the
    sentence before it, same paragraph ("… died on 3 May. He was 71.")."""
    spans = [(sentence.start, sentence.end)]
    if previous is not None and previous.paragraph == sentence.paragraph:
        spans.append((previous.start, previous.end))
    for lo, hi in spans:
        death = _DEATH.search(text, lo, hi)
        if death is None:
            continue
        dated = [t for t in dates.between(death.end(), hi) if _has_year(t)
                 and _YEAR_MONTH_DAY.fullmatch(t.value)]
        return dated[0] if len(dated) == 1 else None
    return None


def anniversary_cues(
    text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence]
) -> Iterator[AnniversaryCue]:
    """"the 50th anniversary of its founding in 1975", marked on a date of the sentence or, in
    the present tense ("marks", "this year"), on the document date."""
    if _ANNIVERSARY_WORD not in text.lower():
        return
    dates = _Dates(timexes)
    for sentence in sentences:
        match = _ANNIVERSARY.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        count = int(match.group("n")) if match.group("n") else _ORDINAL_WORDS[match.group("w").lower()]
        inside = [t for t in dates.between(sentence.start, sentence.end) if _has_year(t)]
        after = [t for t in inside if t.start > match.end() and t.anchor is None]
        before = [t for t in inside if t.end <= match.start()]
        if not after:
            continue
        on: DateMention | None
        if before:
            on = mention(before[-1])
        elif _MARKS.search(text, sentence.start, match.start()):
            on = None
        else:
            continue
        yield AnniversaryCue(Span(match.start(), match.end()), match.group().split()[0], count,
                             mention(after[0]), on)
