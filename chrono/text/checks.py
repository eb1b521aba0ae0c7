"""Checks of single expressions that need no network: impossible calendar dates ("February 30,
2025"), weekday names that do not match their date ("Monday, March 4, 2025") and ages that do
not add up with a birth date given in the same document ("born in 1950 … died in 2001 at 40").
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence

from chrono.model import Span
from chrono.problems import Problem, ProblemKind
from chrono.tagger import Timex
from chrono.text.sentences import Sentence

_NEAR_DAYS = 42  # "a few weeks" of the document date: the inferred year is very likely right

_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name: i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["Sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_DAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
_DAY_NAME = "|".join(sorted((n.capitalize() for n in _DAYS), key=len, reverse=True))

_MONTH_DAY = re.compile(
    rf"(?=[JFMASOND])\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
)
_DAY_MONTH = re.compile(
    rf"(?=\d)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?"
)
_ISO = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])")
_WEEKDAY_BEFORE = re.compile(rf"\b({_DAY_NAME})\b,?\s*(?:the\s+)?\Z")
_BIRTH = re.compile(r"\bborn\b(?:\s+\w+){0,3}?\s+(?:on|in)\s+\Z", re.IGNORECASE)
_AGE = re.compile(
    r"\b(?:at\s+(?:the\s+age\s+of\s+|age\s+)(?P<a>\d{1,3})|aged\s+(?P<b>\d{1,3})|"
    r"(?P<c>\d{1,3})-year-old|turned\s+(?P<d>\d{1,3})\b|was\s+(?P<e>\d{1,3})\s+years?\s+old|"
    r"\b(?:he|she)\s+was\s+(?P<f>\d{1,3})(?=\s*(?:[.,;]|\Z|\s+when\b))|"
    r"\b(?:died|dies)\s+at\s+(?P<g>\d{1,3})\b(?!\s*(?:[:.]\d|a\.?m|p\.?m|o'clock|%)))",
    re.IGNORECASE,
)
_DEATH = re.compile(r"\b(?:died|dies|death|passed\s+away)\b", re.IGNORECASE)


def _impossible(year: int | None, month: int, day: int) -> str | None:
    if day < 1:
        return "day 0 does not exist"
    if month == 2 and day == 29 and year is not None and not calendar.isleap(year):
        return f"{year} is not a leap year: February {year} has 28 days"
    length = calendar.monthrange(year if year is not None else 2000, month)[1]
    if day > length:
        what = f"{calendar.month_name[month]} {year}" if year is not None else calendar.month_name[month]
        return f"{what} has {length} days"
    return None


def calendar_problems(
    text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence], dct: str | None = None
) -> Iterator[Problem]:
    # the expressions come in text order: a sentence's are found by bisection, not by a scan
    # of the whole document per sentence
    starts = [t.start for t in timexes]
    yield from _impossible_dates(text)
    yield from _weekdays(text, timexes, dct)
    yield from _ages(text, timexes, starts, sentences, dct)
    yield from _anniversaries(text, timexes, starts, sentences, dct)


def _between(timexes: Sequence[Timex], starts: Sequence[int], lo: int, hi: int) -> Sequence[Timex]:
    """The expressions that start in [lo, hi), in order (``starts``: their sorted offsets)."""
    return timexes[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]


def _impossible_dates(text: str) -> Iterator[Problem]:
    seen: set[int] = set()
    for pattern in (_MONTH_DAY, _DAY_MONTH, _ISO):
        for match in pattern.finditer(text):
            if match.start() in seen:
                continue
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            if not 1 <= month <= 12:
                continue
            if day > 31 and pattern is not _ISO:
                continue  # "May 2024" or "March 100": not a day
            reason = _impossible(year, month, day)
            if reason is None:
                continue
            if pattern is _MONTH_DAY and month_text == "May" and not match.group("year"):
                continue
            seen.add(match.start())
            words = " ".join(match.group().split())
            yield Problem(ProblemKind.CALENDAR, f"impossible date '{words}': {reason}",
                          Span(match.start(), match.end(), "primary"))


def _weekdays(text: str, timexes: Sequence[Timex], dct: str | None = None) -> Iterator[Problem]:
    near: dt.date | None = None
    if dct is not None and re.match(r"\d{4}-\d\d-\d\d", dct):
        near = dt.date.fromisoformat(dct[:10])
    for timex in timexes:
        if timex.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", timex.value):
            continue
        inferred = timex.anchor is not None
        if inferred and (
            near is None or not re.search(r"\d", timex.text)
            or abs((dt.date.fromisoformat(timex.value) - near).days) > _NEAR_DAYS
        ):
            continue  # the year was guessed far from the document date: the guess may be at fault
        named = re.match(rf"({_DAY_NAME})\b", timex.text)
        start = timex.start
        if named is None:
            before = _WEEKDAY_BEFORE.search(text, max(0, timex.start - 16), timex.start)
            if before is None:
                continue
            named, start = before, before.start()
        name = named.group(1).lower()
        day = dt.date.fromisoformat(timex.value)
        if day.weekday() == _DAYS[name]:
            continue
        actual = calendar.day_name[day.weekday()]
        if inferred:
            # "Tuesday, 22 October" a few days before the document date: the year is only inferred,
            # so a warning
            yield Problem(
                ProblemKind.TEXT_WEEKDAY_INFERRED,
                f"{named.group(1)} does not match {timex.value} (year inferred from the document date): "
                f"that day is a {actual}",
                Span(start, timex.end, "primary"),
            )
            continue
        yield Problem(
            ProblemKind.TEXT_WEEKDAY,
            f"{named.group(1)} does not match {timex.value}: that day is a {actual}",
            Span(start, timex.end, "primary"),
        )


_APPOSITIVE_AGE = re.compile(r"\b[A-Z][\w'’-]+,\s+(\d{1,3}),\s")
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "centenary": 100,
    "bicentenary": 200,
}
_ANNIVERSARY = re.compile(
    r"\b(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|(?P<w>" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))\s+anniversary\b",
    re.IGNORECASE,
)
_MARKS = re.compile(r"\b(?:marks|mark|celebrates|celebrate|commemorates|is|this year)\b", re.IGNORECASE)


def _anniversaries(text: str, timexes: Sequence[Timex], starts: Sequence[int],
                   sentences: Sequence[Sentence], dct: str | None) -> Iterator[Problem]:
    """"the 50th anniversary of its founding in 1975", dated by the sentence (or the DCT)."""
    if "anniversary" not in text.lower():
        return
    for sentence in sentences:
        match = _ANNIVERSARY.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        count = int(match.group("n")) if match.group("n") else _ORDINAL_WORDS[match.group("w").lower()]
        inside = [t for t in _between(timexes, starts, sentence.start, sentence.end) if t.type == "DATE"
                  and re.match(r"\d{4}", t.value)]
        after = [t for t in inside if t.start > match.end() and t.anchor is None]
        before = [t for t in inside if t.end <= match.start()]
        if not after:
            continue
        reference = after[0]
        ref_year = int(reference.value[:4])
        if before:
            occasion_year, slack, when = int(before[-1].value[:4]), 0, before[-1].text
        elif dct is not None and _MARKS.search(text, sentence.start, match.start()):
            occasion_year, slack, when = int(dct[:4]), 1, f"the document date ({dct})"
        else:
            continue
        if abs(occasion_year - ref_year - count) <= slack:
            continue
        yield Problem(
            ProblemKind.TEXT_AGE,
            f"the {match.group().split()[0]} anniversary does not fit: {reference.text} to {when} is "
            f"{occasion_year - ref_year} years",
            Span(match.start(), match.end(), "primary"),
        )


def _year_range(timex: Timex) -> tuple[int, int] | None:
    match = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", timex.value)
    if match is None or timex.type != "DATE":
        return None
    year = int(match.group(1))
    return year, year


def _death_date(text: str, timexes: Sequence[Timex], starts: Sequence[int], sentence: Sentence,
                previous: Sentence | None) -> Timex | None:
    """The date of a death told in this sentence ("died on Thursday, aged 71") or in the
    sentence before it, same paragraph ("… died on 3 May. He was 71.")."""
    spans = [(sentence.start, sentence.end)]
    if previous is not None and previous.paragraph == sentence.paragraph:
        spans.append((previous.start, previous.end))
    for lo, hi in spans:
        death = _DEATH.search(text, lo, hi)
        if death is None:
            continue
        dated = [t for t in _between(timexes, starts, death.end(), hi) if _year_range(t) is not None
                 and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", t.value)]
        return dated[0] if len(dated) == 1 else None
    return None


def _ages(text: str, timexes: Sequence[Timex], starts: Sequence[int], sentences: Sequence[Sentence],
          dct: str | None) -> Iterator[Problem]:
    """One birth date in the document, and ages stated in sentences that carry a date (or, in
    the birth's own sentence, "Name, 52, was born in 1968" against the DCT)."""
    births = [t for t in timexes if t.anchor is None and _year_range(t) is not None
              and _BIRTH.search(text, max(0, t.start - 40), t.start)]
    if len(births) != 1:
        return  # no birth date, or several people: nothing to check
    birth = births[0]
    born = _year_range(birth)
    assert born is not None
    born_date = birth.value[:10] if re.fullmatch(r"\d{4}-\d\d-\d\d", birth.value[:10]) else None
    previous: Sentence | None = None
    for sentence in sentences:
        if sentence.start <= birth.start < sentence.end:
            previous = sentence
            # "Jan Novak, 52, was born in 1968", "The 27-year-old, who was born in 1990": the age
            # at the document date
            appositive = _APPOSITIVE_AGE.search(text, sentence.start, birth.start)
            stated = _AGE.search(text, sentence.start, birth.start) if appositive is None else None
            if (appositive is None and stated is None) or dct is None:
                continue
            if appositive is None:
                assert stated is not None
                age = int(next(g for g in stated.groups() if g is not None))
                appositive = stated
            else:
                age = int(appositive.group(1))
            year = int(dct[:4])
            low, high = year - born[1] - 1, year - born[0]
            if not low <= age <= high:
                yield Problem(
                    ProblemKind.TEXT_AGE,
                    f"age {age} does not fit: born {birth.text}, so at the document date ({dct}) "
                    f"the age was {max(low, 0)} or {high}",
                    Span(*appositive.span(appositive.lastindex or 0), "primary"),
                )
            continue
        ages = list(_AGE.finditer(text, sentence.start, sentence.end))
        if len(ages) != 1:
            previous = sentence
            continue
        dated = [t for t in _between(timexes, starts, sentence.start, sentence.end) if t.anchor is None
                 and _year_range(t) is not None]
        match = ages[0]
        preceding = [t for t in dated if t.end <= match.start()]
        death = _death_date(text, timexes, starts, sentence, previous)
        previous = sentence
        if preceding:
            when = preceding[-1]  # "retired in 2012, at the age of 65"
        elif len(dated) == 1:
            when = dated[0]
        elif not dated and death is not None:
            when = death  # "… died on Thursday in Medellín. He was 71."
        else:
            continue
        years = _year_range(when)
        assert years is not None
        age = int(next(g for g in match.groups() if g is not None))
        low = years[0] - born[1] - 1
        high = years[1] - born[0]
        when_date = when.value[:10] if re.fullmatch(r"\d{4}-\d\d-\d\d", when.value[:10]) else None
        if born_date and when_date and when.anchor is None:  # both days known: the age is exact
            b_day, w_day = dt.date.fromisoformat(born_date), dt.date.fromisoformat(when_date)
            exact = w_day.year - b_day.year - ((w_day.month, w_day.day) < (b_day.month, b_day.day))
            low = high = exact
        if low <= age <= high:
            continue
        expected = f"{low}" if low == high else f"{max(low, 0)} or {high}"
        yield Problem(
            ProblemKind.TEXT_AGE,
            f"age {age} does not fit: born {birth.text}, so on {when.text} the age was {expected}",
            Span(match.start(), match.end(), "primary"),
        )
