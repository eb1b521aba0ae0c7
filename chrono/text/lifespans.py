"""Life dates written after a name: "Maria Nys (10 September 1899 – 12 February 1955)",
"Jan Veld (born 3 May 1950)".

They date the person's birth and death. A later sentence that tells that birth or death with the
person's name as its subject ("In 1955, Maria died"; "Nys was born in Ghent") is the same event,
so its date is checked against the life dates. The link is certain when one person with life
dates has that name word; several such people ("the brothers Karl (1901–1960) and Otto
(1903–1977) Veld … Veld died") leave it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.tagger import Timex
from chrono.text.vocabulary import vocabulary

_WORDS = vocabulary("ages")
# "Maria Nys (", "Allan Dwan (born ": up to four capitalised words before the bracket
_NAME_BEFORE = lazy_compile(
    r"((?:[A-Z][\w'’-]*\.?[ \t]+){0,3}[A-Z][\w'’-]*)[ \t]*\([ \t]*"
    rf"(?:(?:{_WORDS.pattern('birth')})[ \t]+(?:(?:{_WORDS.pattern('birth_date_prepositions')})[ \t]+)?)?\Z"
)
_DASH = lazy_compile(rf"[ \t]*(?:[–—-]|{_WORDS.pattern('lifespan_to')})[ \t]*")
_BORN = lazy_compile(rf"\b{_WORDS.pattern('birth')}\b", re.IGNORECASE)
_CLOSE = lazy_compile(r"[ \t]*[);]")
_YEAR = lazy_compile(r"\d{4}")


@attrs.frozen
class Lifespan:
    person: str  # as written: "Maria Nys"
    names: frozenset[str]  # its words, lower case: {"maria", "nys"}
    born: Timex
    died: Timex | None  # None for "(born 3 May 1950)"


def _dated(timex: Timex) -> bool:
    return timex.type == "DATE" and timex.anchor is None and _YEAR.match(timex.value) is not None


def lifespans(text: str, timexes: Sequence[Timex]) -> Iterator[Lifespan]:
    """The life dates written in brackets after a name, in text order."""
    for i, first in enumerate(timexes):
        if not _dated(first):
            continue
        name = _NAME_BEFORE.search(text, max(0, first.start - 80), first.start)
        if name is None:
            continue
        person = " ".join(name.group(1).split())
        names = frozenset(w.lower().strip(".") for w in person.split() if len(w) > 2)
        if not names:
            continue
        second = timexes[i + 1] if i + 1 < len(timexes) else None
        if (second is not None and _dated(second) and _DASH.fullmatch(text, first.end, second.start)
                and _CLOSE.match(text, second.end) and first.value < second.value):
            yield Lifespan(person, names, first, second)
        elif _CLOSE.match(text, first.end) and _BORN.search(text, name.end(1), first.start):
            yield Lifespan(person, names, first, None)
