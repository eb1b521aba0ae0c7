"""Sentence and paragraph segmentation that survives abbreviations, initials, quotes and dates.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by white
space and a capital letter, digit or opening quote, unless the word before the period is an
abbreviation ("Apr. 24", "Dr. Lee", "Inc."), an initial ("J. R. Smith") or a dotted acronym
("U.S.") that the next word does not clearly start a sentence after. Paragraphs end at blank
lines; both end at the view's forced breaks (headings, list items).
"""

from __future__ import annotations

import functools
import re

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.resources import load_yaml


@attrs.frozen
class Sentence:
    start: int
    end: int
    paragraph: int
    # the paragraph counted by blank lines only: the lines of one list or table are one block
    block: int = attrs.field(default=-1, kw_only=True)


@attrs.frozen
class _Words:
    abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]  # abbreviations that may also end a sentence
    starters: frozenset[str]


@functools.cache
def _data() -> _Words:
    data = load_yaml("lang", "en", "events", "sentences.yaml")
    return _Words(frozenset(str(w) for w in data["abbreviations"]),
                  frozenset(str(w) for w in data["final_abbreviations"]),
                  frozenset(str(w) for w in data["sentence_starters"]))


# A sentence end: ".", "!" or "?" (then any more of them and closing quotes or brackets) before
# white space and what can start a sentence, or a blank line. Each alternative opens with its
# character, so that a search skips ahead to the next of them (one opening with a look-ahead or
# a class is tried at every position of the text).
_CLOSE_THEN_START = r"[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
_END = lazy_compile(rf"\.[.!?]*{_CLOSE_THEN_START}|![.!?]*{_CLOSE_THEN_START}|\?[.!?]*{_CLOSE_THEN_START}"
                  r"|\n[ \t]*\n\s*")
# the word that ends a stretch of text: matched on the stretch reversed (the same word as
# searching r"([\w.'’&-]+)\Z", without trying every start)
_WORD_BEFORE_REVERSED = lazy_compile(r"[\w.'’&-]+")
_NEXT_WORD = lazy_compile(r"\s+[\"'“‘(\[]?([\w']+)")


def _is_boundary(text: str, match: re.Match[str], words: _Words) -> bool:
    if match.group().startswith("\n"):
        return True
    if not match.group().startswith("."):
        return True
    if len(match.group()) > 1 and match.group()[1] in "\"'”’)]":
        return True  # a period inside closing quotes ends the sentence
    before = _WORD_BEFORE_REVERSED.match(text[max(0, match.start() - 30):match.start()][::-1])
    if before is None:
        return True
    word = before.group()[::-1].lower().lstrip("'’(")
    following = _NEXT_WORD.match(text, match.end())
    next_word = following.group(1).lower() if following else ""
    if word in words.abbreviations:
        # "Co." or "U.S." at a sentence end: only when a sentence clearly starts after it
        return word in words.final_abbreviations and next_word in words.starters
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "J. Smith"
    if "." in word:  # a dotted acronym such as "N.A.T.O."
        return next_word in words.starters
    return True


def split(text: str, breaks: frozenset[int] = frozenset()) -> list[Sentence]:
    """The sentences of ``text``, trimmed of surrounding white space, in order."""
    words = _data()
    cuts: list[tuple[int, bool]] = []  # (end offset, ends a paragraph)
    for match in _END.finditer(text):
        if _is_boundary(text, match, words):
            blank_line = match.group().startswith("\n")
            cuts.append((match.start() if blank_line else match.end(), blank_line))
    for offset in breaks:
        cuts.append((offset, True))
    cuts.sort()
    cuts.append((len(text), True))
    out: list[Sentence] = []
    start = 0
    paragraph: int = 0
    block: int = 0
    blank_lines = {end for end, ends in cuts if ends} - set(breaks)
    for end, ends_paragraph in cuts:
        if end < start:
            continue
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(a, b, paragraph, block=block))
        start = end
        if ends_paragraph:
            paragraph += 1
        if end in blank_lines or end == len(text):
            block += 1
    return out


def in_quote(text: str, at: int) -> bool:
    """Is ``at`` inside a quotation opened in its paragraph?"""
    paragraph = text.rfind("\n\n", 0, at) + 1
    before = text[paragraph:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
