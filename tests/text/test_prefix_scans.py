"""Patterns searched over whole texts open with what they consume first, so that the regex
engine skips ahead to it: each finds what the look-around form it replaced finds (kept here as
the reference)."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from chrono.text import impossible_dates as dates
from chrono.text import markup, sentences
from chrono.text.calendar_names import DAY_OF_MONTH, MONTHS, ORDINAL_SUFFIXES
from chrono.text.vocabulary import alternation, longest_first

_MONTH = alternation(longest_first(MONTHS))
_INITIALS = "".join(sorted({re.escape(name[0]) for name in MONTHS}))
_GAP, _NOT_CLOCK = dates._GAP, dates._NOT_CLOCK
REFERENCE = {
    "_MONTH_DAY": re.compile(
        rf"(?=[{_INITIALS}])\b(?P<month>{_MONTH})\.?{_GAP}(?P<day>\d{{1,2}})(?:{ORDINAL_SUFFIXES})?\b{_NOT_CLOCK}"
        rf"(?:,?{_GAP}(?P<year>\d{{4}})\b)?"
    ),
    "_DAY_MONTH": re.compile(
        rf"(?=\d)(?<![\d:.])\b(?P<day>\d{{1,2}})(?:{ORDINAL_SUFFIXES})?{_GAP}(?:(?:{DAY_OF_MONTH}){_GAP})?"
        rf"(?P<month>{_MONTH})\b\.?(?:,?{_GAP}(?P<year>\d{{4}})\b)?"
    ),
    "_ISO": re.compile(r"(?=\d)(?<![\d-])(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])"),
}
_PIECES = st.sampled_from(["May", "Sept", "Sep", "September", "June", "Ju", "Feb", "x", "_", "é", "3", "31",
                           "07", "2024", "-", ":", ".", ",", " ", "\n", "\u00a0", "st", "of", "the"])
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


@given(_TEXTS)
@example("xMay 3, 2024 and 31 June 2023 or 2023-02-29")
@example("_Feb 30 1-2023-02-29 :31 April 4.31 April é31 April")
def test_same_matches_as_the_look_around_forms(text: str) -> None:
    for name, reference in REFERENCE.items():
        pattern: re.Pattern[str] = getattr(dates, name)
        found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in reference.finditer(text)], name


_MARKDOWN = st.lists(st.sampled_from(["#", "##", " ", "\t", "\n", "-", "*", "+", "_", "1.", "2)", ">", "|", "=",
                                      "```", "~~~", "<b>", "<!--", "-->", "[a](b)", "![i](p)", "text", "`"]),
                     max_size=16).map("".join)


@given(_MARKDOWN)
@example("# Heading\n\n| a | b |\n|---|---|\n> quote\n- item\n***\nTitle\n===\n```\ncode\n```\n[link](url)")
def test_markdown_patterns_hold_their_marks(text: str) -> None:
    # a text is searched for a Markdown pattern only when it holds one of the pattern's marks
    for pattern, marks in markup._MD_MARKS.items():
        if pattern.search(text):
            assert any(mark in text for mark in marks), pattern.pattern


_SENTENCE_END = re.compile(r"(?=[.!?\n])(?:[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n\s*)")
_PROSE = st.lists(st.sampled_from([".", "!", "?", "...", "\n", "\n\n", " ", "\t", "\"", "'", "”", "’", ")", "]",
                                   "“", "(", "A", "b", "7", "U.S.", "Dr."]), max_size=16).map("".join)


@given(_PROSE)
@example('He left. "Then" she wrote?! (A\n\n  B')
def test_sentence_ends_as_the_look_ahead_form(text: str) -> None:
    assert [m.span() for m in sentences._END.finditer(text)] == [m.span() for m in _SENTENCE_END.finditer(text)]
