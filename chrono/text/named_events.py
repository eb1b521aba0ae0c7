"""Named events: "the Geneva Summit", "the Battle of Kursk", "the 2024 Olympic Games". A name is
an event of its own, the same event wherever the document names it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from chrono.text.sentences import Sentence

_NAMED_HINT = re.compile(
    r"(?:Battle|War|Summit|Treaty|Accord|Agreement|Games|Olympics|Cup|Conference|Election|Revolution|"
    r"Uprising|Siege|Offensive|Championship|Marathon|Festival|Expo|Referendum|Congress|Convention|"
    r"Massacre|Crisis)\b"
)
_NAMED = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){0,4}(?:Battle|War|Summit|Treaty|Accord|Accords|Agreement|Games|"
    r"Olympics|Cup|Conference|Election|Revolution|Uprising|Siege|Offensive|Championship|"
    r"Championships|Marathon|Festival|Expo|Referendum|Congress|Convention|Massacre|Crisis)"
    r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]+){1,3})?)"
)
_NAMED_PUNCTUAL = frozenset({"summit", "treaty", "accord", "accords", "agreement", "election",
                             "referendum", "massacre", "marathon", "battle", "conference"})
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


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
        head = next((w for w in reversed(key.split(" of ")[0].split()) if w), key)
        yield NamedEvent(start, end, name, key, head in _NAMED_PUNCTUAL)
