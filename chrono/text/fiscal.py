"""Fiscal years: whether a text speaks of them, and where it says its fiscal year starts.

A company's "first quarter of fiscal 2025" is not January to March 2025 unless its fiscal year
is the calendar year: its months are known only when the text says where the year starts
("Harrow's financial year runs from July to June", "the fiscal year ends on 30 September",
"whose financial year matches the calendar year") or the configuration does. The words are in
chrono/lang/en/prose/fiscal.yaml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.periods import fiscal_in_calendar
from chrono.tagger import Timex
from chrono.text.calendar_names import MONTHS
from chrono.text.vocabulary import Hint, alternation, longest_first, vocabulary

__all__ = ["fiscal_start", "in_calendar", "speaks_of_fiscal_years"]

_WORDS = vocabulary("fiscal")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    month = rf"{alternation(longest_first(MONTHS))}"

    def numbered(key: str) -> re.Pattern[str]:
        """The patterns of ``key`` as one, each month in a group of its own (month0, month1 …)."""
        parts = [p.replace("{month}", rf"(?P<month{i}>{month})\b\.?")
                 for i, p in enumerate(_WORDS.words(key))]
        return lazy_compile(r"\b(?:" + "|".join(f"(?:{part})" for part in parts) + ")", re.IGNORECASE)

    words = alternation(longest_first(_WORDS.words("fiscal_words")))
    abbreviations = alternation(_WORDS.words("fiscal_abbreviations"))
    fiscal = lazy_compile(rf"(?i:(?<![\w-])(?:{words})(?![\w-]))"
                          rf"|(?<![\w-])(?:{abbreviations})(?=[ \t]?['’]?\d)")
    calendar = lazy_compile("|".join(f"(?:{p})" for p in _WORDS.words("calendar_year")), re.IGNORECASE)
    return fiscal, numbered("starts_in"), numbered("ends_in"), calendar


def speaks_of_fiscal_years(text: str) -> bool:
    """Whether the text names fiscal periods ("fiscal 2025", "FY24", "the financial year")."""
    if not _hint().may_match(text, 0, len(text)) and not any(
        abbreviation.split(" ")[0] in text for abbreviation in _WORDS.words("fiscal_abbreviations")
    ):
        return False  # most texts: none of the words, and the search would try each everywhere
    return _patterns()[0].search(text) is not None


@functools.cache
def _hint() -> Hint:
    return Hint.of(_WORDS.words("fiscal_words"))


def _month_of(match: re.Match[str]) -> int:
    raw = next(value for name, value in match.groupdict().items() if name.startswith("month") and value)
    word = raw.rstrip(".")
    return MONTHS.get(word) or MONTHS[word.title()]


def fiscal_start(text: str) -> int | None:
    """The month the text's fiscal year starts in (1: the calendar year), None when the text
    does not say."""
    _, starts, ends, calendar = _patterns()
    if calendar.search(text):
        return 1
    start = starts.search(text)
    if start is not None:
        return _month_of(start)
    end = ends.search(text)
    if end is not None:
        return _month_of(end) % 12 + 1
    return None


def in_calendar(text: str, timexes: Sequence[Timex], configured_start: int | None) -> Sequence[Timex]:
    """The expressions as claims may read them: a fiscal period ("the first quarter of fiscal
    2025") in calendar months where the configuration or the text gives the fiscal year's
    start (named by the year it ends in). Where neither does, the period, and the expressions
    counted from it ("a year earlier"), claim only what any fiscal year of that name allows:
    a fiscal 2025 starts at the earliest in February 2024 (ending in January 2025) and ends at
    the latest in November 2026 (named by the year it starts in), so "about 2025" (2024 to
    2026), which no month of the text can contradict unless it is years away."""
    if not any(t.fiscal for t in timexes) and not (
        any(_QUARTER.match(t.value) for t in timexes) and speaks_of_fiscal_years(text)
    ):
        return timexes
    start = configured_start if configured_start is not None else fiscal_start(text)
    fiscal_values: set[str] = set()
    out: list[Timex] = []
    for timex in timexes:
        if start not in (None, 1) and not timex.fiscal and timex.anchor not in (None, *fiscal_values) and (
            _QUARTER.match(timex.value)
        ):
            # "the fourth quarter" with no year, where the text's financial year runs from July:
            # which quarter it is (the calendar's or the company's) is not said; no claim
            continue
        if timex.fiscal or (timex.anchor is not None and timex.anchor in fiscal_values):
            fiscal_values.add(timex.value)
            mapped = None if start is None else fiscal_in_calendar(timex.value, start)
            if mapped is not None:
                out.append(timex if mapped == timex.value else attrs.evolve(timex, value=mapped))
            elif _YEAR.match(timex.value):
                out.append(attrs.evolve(timex, value=timex.value[:4], mod="APPROX"))
            continue
        out.append(timex)
    return out


_YEAR = lazy_compile(r"\d{4}(?:-[QH]\d)?\Z")
_QUARTER = lazy_compile(r"\d{4}-Q[1-4]\Z")
