"""The English of the prose reader: the word lists and tables of chrono/lang/en/prose/, one file
per reader module (``dating.yaml`` for chrono.text.dating …), each read once.

In those files a list of single words may be written as one string, the words separated by
spaces ("was were been"), and a list of phrases as a YAML list (["prior to", "followed by"]);
either way the order is kept, since a regex alternation is built in the order written. Every
word must be a string: a bare ``no`` or ``on`` in a YAML list is a boolean, and is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from chrono.resources import load_yaml


class VocabularyError(ValueError):
    """A prose word file that does not have the shape the reader needs."""


@attrs.frozen
class Vocabulary:
    """One file of chrono/lang/en/prose/."""

    topic: str
    data: Mapping[str, Any]

    def _get(self, key: str) -> Any:
        try:
            return self.data[key]
        except KeyError:
            raise VocabularyError(f"lang/en/prose/{self.topic}.yaml has no '{key}'") from None

    def words(self, key: str) -> tuple[str, ...]:
        """The words or phrases of ``key``, in the order written."""
        value = self._get(key)
        items = value.split() if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            message = f"lang/en/prose/{self.topic}.yaml: '{key}' must be words (quote yes, no, on, off)"
            raise VocabularyError(message)
        return tuple(items)

    def set(self, key: str) -> frozenset[str]:
        return frozenset(self.words(key))

    def pattern(self, key: str, *, any_space: bool = True) -> str:
        """The words of ``key`` as a regex alternation, in the order written (see
        :func:`alternation`)."""
        return alternation(self.words(key), any_space=any_space)

    def table(self, key: str) -> dict[str, Any]:
        value = self._get(key)
        if not isinstance(value, dict):
            raise VocabularyError(f"lang/en/prose/{self.topic}.yaml: '{key}' must be a mapping")
        return dict(value)


def vocabulary(topic: str) -> Vocabulary:
    """The words of chrono/lang/en/prose/``topic``.yaml."""
    return Vocabulary(topic, load_yaml("lang", "en", "prose", f"{topic}.yaml"))


def alternation(words: Iterable[str], *, any_space: bool = True) -> str:
    """A regex alternation of ``words``, in the order given: each escaped, the words of a phrase
    separated by any white space (or, with ``any_space=False``, by one space)."""
    escaped = (re.escape(word) for word in words)
    return "|".join(word.replace(r"\ ", r"\s+") for word in escaped) if any_space else "|".join(escaped)


def searched_alternation(words: Iterable[str]) -> str:
    """:func:`alternation` for a pattern searched along a sentence: the same matches, found
    faster. The regex engine tries every word at every position of a search (with IGNORECASE it
    cannot skip ahead on the first letters), so the words are grouped by their first character,
    in the order given within each group, behind a look-ahead on those characters: most
    positions are rejected in one step. Unlike :func:`alternation` the result is not a bare
    ``a|b``: it must stand in a group of its own. Words whose first characters differ only in
    case keep the plain alternation (in a group)."""
    listed = list(words)
    groups: dict[str, list[str]] = {}
    for word in listed:
        groups.setdefault(word[:1], []).append(word)
    firsts = list(groups)
    unusual = any(not c.isascii() or not c.strip() for c in firsts)
    if unusual or len({c.lower() for c in firsts}) < len(firsts):
        return f"(?:{alternation(listed)})"
    parts = []
    for first, group in groups.items():
        rests = alternation([word[1:] for word in group])
        parts.append(re.escape(first) + (f"(?:{rests})" if len(group) > 1 else rests))
    return f"(?=[{''.join(re.escape(c) for c in firsts)}])(?:{'|'.join(parts)})"


# The letters outside ASCII that IGNORECASE matches to ASCII ones (the dotted and dotless i,
# the long s, the Kelvin sign); no other character does, and only the first and the last of
# these lower-case to ASCII.
_FOLDED_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


@attrs.frozen
class Hint:
    """A quick test that a stretch of text holds no case-insensitive match of an alternation of
    words (:func:`alternation`, :func:`searched_alternation`), so that a sentence without one is
    not searched: every match holds each word of one of the phrases, so a substring test of the
    lower-cased stretch for the longest word of each phrase ("run-up" of "in the run-up to")
    decides (a regex search with IGNORECASE tries every word at every position). Exact for
    words in ASCII, unless the stretch holds one of the few other letters IGNORECASE folds onto
    ASCII ones: then it says "maybe"."""

    needed: tuple[str, ...] | None  # None: no quick test (words outside ASCII, or none)

    @classmethod
    def of(cls, words: Iterable[str]) -> Hint:
        # a phrase's words are separated by spaces (any white space in the regex); the longest
        # word of each phrase, the last of equals ("eve" of "on the eve of")
        needed = tuple(dict.fromkeys(max(reversed(word.split(" ")), key=len).lower() for word in words))
        if not needed or not all(word.isascii() for word in needed):
            return cls(None)
        # a word that holds another ("afterwards", "after") is there only where that one is
        return cls(tuple(word for word in needed
                         if not any(other != word and other in word for other in needed)))

    def may_match(self, text: str, start: int, end: int) -> bool:
        """False only when ``text[start:end]`` holds no match of the words."""
        if self.needed is None:
            return True
        stretch = text[start:end]
        if not stretch.isascii() and any(map(stretch.__contains__, _FOLDED_TO_ASCII)):
            return True
        lowered = stretch.lower()
        # (map over the bound test: any() over a generator costs more than the tests themselves)
        return any(map(lowered.__contains__, self.needed))


def each_then_space(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` each followed by white space: "for\\s+|about\\s+" (an
    optional word in front of another reads ``(?:…)?``)."""
    return "|".join(alternation([word]) + r"\s+" for word in words)


def longest_first(words: Iterable[str]) -> list[str]:
    """``words`` with the longer before the shorter, so that an alternation tries "Sept" before
    "Sep" (the order of words of one length is kept)."""
    return sorted(words, key=len, reverse=True)


def starts_word(text: str, at: int) -> bool:
    """Whether a word starts at ``at``: no letter, digit, underscore or hyphen just before it.
    (A pattern without a look-behind in front lets the regex engine skip ahead to the first
    letters of its words; the word start is then checked on each match.)"""
    if at == 0:
        return True
    before = text[at - 1]
    return not (before.isalnum() or before in "_-")
