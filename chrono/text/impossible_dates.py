"""Dates that do not exist ("February 30, 2025", "31 April", "2023-02-29"), written in words or
as ISO dates, found in the text itself (the tagger never gives them a value)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from chrono.lazy_regex import lazy_compile
from chrono.model import Span
from chrono.problems import Problem, ProblemKind
from chrono.text.calendar_names import DAY_OF_MONTH, MONTH_NAMES, MONTHS, ORDINAL_SUFFIXES, WORD_MONTHS
from chrono.text.vocabulary import alternation, longest_first, vocabulary

_MONTH = alternation(longest_first(MONTHS))
# Within one paragraph: a line break is a space, a blank line ends the date.
_GAP = r"(?:[ \t\u00a0]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*)"
# A number followed by ':' or '.' and a digit is a clock time or a decimal, not a day.
_NOT_CLOCK = r"(?![:.]\d)"


def _at_word_start(words: list[str]) -> str:
    """An alternation of ``words`` (each starting with a word character) that matches only at
    the start of a word, as ``\\b(?:…)`` does, but written so that the regex engine skips ahead to
    their first letters (a search for a pattern that opens with a look-ahead or ``\\b`` tries
    every position of the text): grouped by first letter, in the order given within a group,
    each group's look-behind after its letter."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    return "|".join(rf"{re.escape(first)}(?<!\w{re.escape(first)})(?:{alternation([w[1:] for w in group])})"
                    for first, group in groups.items())


# Each pattern opens with what it consumes first (a month's letter, a digit), not with a
# look-around, so that a search skips ahead to it; the word boundary in front is a look-behind
# after that first character.
_MONTH_DAY = lazy_compile(
    rf"(?P<month>{_at_word_start(longest_first(MONTHS))})\.?{_GAP}(?P<day>\d{{1,2}})(?:{ORDINAL_SUFFIXES})?\b{_NOT_CLOCK}"
    rf"(?:,?{_GAP}(?P<year>\d{{4}})\b)?"
)
_DAY_MONTH = lazy_compile(
    rf"(?P<day>\d(?<![\w:.]\d)\d?)(?:{ORDINAL_SUFFIXES})?{_GAP}(?:(?:{DAY_OF_MONTH}){_GAP})?(?P<month>{_MONTH})\b\.?"
    rf"(?:,?{_GAP}(?P<year>\d{{4}})\b)?"
)
_ISO = lazy_compile(r"(?P<year>\d(?<![\d-]\d)\d{3})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])")


def _impossible(year: int | None, month: int, day: int) -> str | None:
    if day < 1:
        return "day 0 does not exist"
    if month == 2 and day == 29 and year is not None and not calendar.isleap(year):
        return f"{year} is not a leap year: February {year} has 28 days"
    length = calendar.monthrange(year if year is not None else 2000, month)[1]
    if day > length:
        what = f"{MONTH_NAMES[month]} {year}" if year is not None else MONTH_NAMES[month]
        return f"{what} has {length} days"
    return None


_SAID_NONEXISTENT = lazy_compile(
    rf"\b(?:{alternation(vocabulary('calendar').words('nonexistence_phrases'))})\b", re.IGNORECASE
)


def impossible_dates(text: str) -> Iterator[Problem]:
    seen: set[int] = set()
    for pattern in (_MONTH_DAY, _DAY_MONTH, _ISO):
        for match in pattern.finditer(text):
            if match.start() in seen:
                continue
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            if not 1 <= month <= 12:
                continue
            if day > 31 and pattern is not _ISO:
                continue  # "May 2024" or "March 100": not a day
            reason = _impossible(year, month, day)
            if reason is None:
                continue
            if pattern is _MONTH_DAY and month_text in WORD_MONTHS and not match.group("year"):
                continue  # "May 0 …": the word, not the month
            if _SAID_NONEXISTENT.search(text, match.end(), min(len(text), match.end() + 60)):
                continue  # "computed it as 29 February 2023, a date that does not exist"
            seen.add(match.start())
            words = " ".join(match.group().split())
            yield Problem(ProblemKind.CALENDAR, f"impossible date '{words}': {reason}",
                          Span(match.start(), match.end(), "primary"))
