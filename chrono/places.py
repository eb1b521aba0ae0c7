"""Places a text names and the hemisphere whose seasons they have (chrono/data/places.yaml): a
small gazetteer of countries, demonyms and major cities.

>>> [(p.name, p.country, p.hemisphere) for p in places_in("Two weeks in Buenos Aires and Oslo.")]
[('Buenos Aires', 'AR', 'south'), ('Oslo', 'NO', 'north')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import attrs

from chrono.periods import Hemisphere
from chrono.regex_cache import compile_kept
from chrono.resources import load_yaml
from chrono.tagger.resources import trie_regex
from chrono.text.vocabulary import starts_word

__all__ = ["HEMISPHERES", "Place", "names_place_of_either_hemisphere", "places_in"]

HEMISPHERES = ("north", "south", "tropical")


@attrs.frozen
class Place:
    name: str
    start: int
    end: int
    country: str  # ISO 3166 code
    hemisphere: str  # north, south or tropical


@functools.cache
def _gazetteer() -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    table: dict[str, tuple[str, str]] = {}
    for name, spec in load_yaml("data", "places.yaml")["places"].items():
        country, hemisphere = str(spec).split()
        if hemisphere not in HEMISPHERES:
            raise ValueError(f"data/places.yaml: {name}: hemisphere {hemisphere!r} is not one of "
                             f"{HEMISPHERES}")
        table[str(name)] = (country, hemisphere)
    # no look-behind in front: the engine then skips to the names' first letters (a word start
    # is checked on each match)
    source = r"(?:" + trie_regex(table) + r")(?![\w-])"
    pattern = compile_kept(source)
    return table, pattern


@functools.cache
def _either_hemisphere() -> re.Pattern[str]:
    names = [str(name) for name in load_yaml("data", "places.yaml").get("either_hemisphere", [])]
    return compile_kept(r"\b(?:" + trie_regex(names) + r")\b") if names else re.compile(r"(?!)")


def names_place_of_either_hemisphere(text: str) -> bool:
    """Whether the text names a place found in both hemispheres ("WATTLE CREEK, Victoria —")."""
    return _either_hemisphere().search(text) is not None


def places_in(text: str, start: int = 0, end: int | None = None) -> Iterator[Place]:
    """The places named in ``text[start:end]``, in order."""
    table, pattern = _gazetteer()
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        if not starts_word(text, match.start()):
            continue
        country, hemisphere = table[match.group()]
        yield Place(match.group(), match.start(), match.end(), country, hemisphere)


def hemisphere_of(places: Iterable[Place]) -> Hemisphere | None:
    """The hemisphere of every temperate place of ``places``, when they are all in one (places
    near the equator do not count); None when there are none, or places in both."""
    found = {place.hemisphere for place in places} - {"tropical"}
    if len(found) != 1:
        return None
    return Hemisphere(found.pop())
