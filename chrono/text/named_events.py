"""Named events: "the Geneva Summit", "the Battle of Kursk", "the 2024 Olympic Games". A name is
an event of its own, the same event wherever the document names it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import vocabulary

_WORDS = vocabulary("named_events")
_HEADS = _WORDS.pattern("heads")
_OF = _WORDS.pattern("of")
_NAMED_HINT = lazy_compile(rf"(?:{_HEADS})\b")
_NAMED = lazy_compile(
    rf"\b((?:[A-Z][\w'’.-]*\s+){{0,4}}(?:{_HEADS})"
    rf"(?:\s+(?:{_OF})(?:\s+(?:{_WORDS.pattern('of_article')}))?(?:\s+[A-Z][\w'’-]+){{1,3}})?)"
)
_NAMED_PUNCTUAL = _WORDS.set("punctual_heads")
_OF_SEPARATOR = f" {_WORDS.words('of')[0]} "
_YEAR = lazy_compile(r"\b(?:1[89]|20)\d\d\b")
_EDITION_YEAR = lazy_compile(r"\b((?:1[89]|20)\d\d)[ \t]+\Z")
_ARTICLE = lazy_compile(rf"^(?:{_WORDS.pattern('article')})\s+", re.IGNORECASE)


@attrs.frozen
class NamedEvent:
    start: int
    end: int
    name: str  # as written, white space collapsed: "the Geneva Summit"
    key: str  # the same for every mention: "geneva summit"
    punctual: bool  # a summit or a battle lies within its dates; a war or a festival overlaps them


def named_events(text: str, sentence: Sentence) -> Iterator[NamedEvent]:
    """The named events of ``sentence``, in order."""
    if not _NAMED_HINT.search(text, sentence.start, sentence.end):
        return
    for match in _NAMED.finditer(text, sentence.start, sentence.end):
        start, end = match.span(1)
        words = text[start:end].split()
        if len(words) < 2 and not _YEAR.search(text[max(0, start - 8):start]):
            continue  # a bare "War" or "Election" at a sentence start is no name
        name = " ".join(words)
        key = _ARTICLE.sub("", name).lower()
        edition = _EDITION_YEAR.search(text, max(0, start - 8), start)
        if edition is not None:
            # "the 2026 Dunmere Marathon": one edition of a recurring event, not the one a
            # report of last Sunday's race names without its year
            key = f"{edition.group(1)} {key}"
        head = next((w for w in reversed(key.split(_OF_SEPARATOR)[0].split()) if w), key)
        yield NamedEvent(start, end, name, key, head in _NAMED_PUNCTUAL)
