"""Domain knowledge: the bundled precedence pairs and trigger words, extended by the users'
domain-knowledge files (configuration: ``domain-knowledge``). Loaded here and nowhere else.

A domain-knowledge file has the shape of chrono/data/precedence.yaml (``pairs``) and may add
event words in the shape of chrono/lang/en/events/triggers.yaml (``verbs``, ``nouns``,
``punctual_classes``). A key outside that shape is an error: its knowledge would be lost.
The synonym sets of event nouns (chrono/lang/en/events/synonyms.yaml) are built in only.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import yaml

from chrono.resources import load_yaml

DOMAIN_KEYS = ("pairs", "verbs", "nouns", "punctual_classes")
PAIR_KEYS = ("first", "second", "note")
VERB_KEYS = ("class", "forms")
NOUN_KEYS = ("class", "verb")


class DomainKnowledgeError(ValueError):
    """A domain-knowledge file that cannot be used."""


@attrs.frozen
class PrecedencePair:
    first: str
    second: str
    note: str = ""


@attrs.frozen
class TriggerWords:
    """The trigger lexicon's raw entries: lemma -> class or {class, forms}; noun -> class or
    {class, verb}; the classes whose events lie within the date they are given."""

    verbs: dict[str, Any]
    nouns: dict[str, Any]
    punctual_classes: tuple[str, ...]


def _read(path: str) -> Any:
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise DomainKnowledgeError(f"cannot be read: {error}") from None


def _mappings(data: object) -> Iterable[tuple[str, object, tuple[str, ...]]]:
    """(where in the file, the mapping there, its allowed keys) for every mapping of the file."""
    if not isinstance(data, dict):
        return
    yield "the top level", data, DOMAIN_KEYS
    pairs = data.get("pairs")
    for number, pair in enumerate(pairs if isinstance(pairs, list) else [], start=1):
        yield f"pair #{number}", pair, PAIR_KEYS
    for section, allowed in (("verbs", VERB_KEYS), ("nouns", NOUN_KEYS)):
        entries = data.get(section)
        for word, spec in entries.items() if isinstance(entries, dict) else []:
            yield f"{section} entry {word!r}", spec, allowed


def _check_keys(data: object) -> None:
    for place, mapping, allowed in _mappings(data):
        if not isinstance(mapping, dict):
            continue
        for key in mapping:
            if key not in allowed:
                import difflib  # only for a misspelt name: not worth its import on every start
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise DomainKnowledgeError(
                    f"unknown key '{key}' in {place} (allowed: {', '.join(allowed)}){hint}"
                )


def _parse_pairs(data: Any) -> tuple[PrecedencePair, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("pairs", []), list):
        raise DomainKnowledgeError("'pairs' of a domain-knowledge file must be a list")
    out = []
    for item in data.get("pairs", []):
        if not isinstance(item, dict) or "first" not in item or "second" not in item:
            raise DomainKnowledgeError(f"each pair needs 'first' and 'second': {item!r}")
        out.append(PrecedencePair(str(item["first"]), str(item["second"]), str(item.get("note", ""))))
    return tuple(out)


def _check_words(data: Any) -> None:
    if not isinstance(data, dict):
        return
    for section in ("verbs", "nouns"):
        entries = data.get(section)
        if entries is None:
            continue
        if not isinstance(entries, dict):
            raise DomainKnowledgeError(f"'{section}' must be a mapping of word -> class")
        for word, spec in entries.items():
            if isinstance(spec, dict) and "class" not in spec:
                raise DomainKnowledgeError(f"{section} entry {word!r} needs a 'class'")
            forms = spec.get("forms", []) if isinstance(spec, dict) else []
            if not isinstance(forms, list):
                raise DomainKnowledgeError(f"{section} entry {word!r}: 'forms' must be a list")
    classes = data.get("punctual_classes", [])
    if not isinstance(classes, list):
        raise DomainKnowledgeError("'punctual_classes' must be a list of class names")


def check_domain_file(path: str) -> None:
    """Read a domain-knowledge file and raise :class:`DomainKnowledgeError` on anything that
    would be lost or would fail later (called when the configuration is read, so a bad file is one
    usage error rather than a crash on every document)."""
    data = _read(path)
    _check_keys(data)
    if data is None:
        return
    _parse_pairs(data)
    _check_words(data)


@functools.cache
def _builtin_pairs() -> tuple[PrecedencePair, ...]:
    return _parse_pairs(load_yaml("data", "precedence.yaml"))


@functools.lru_cache(maxsize=32)
def precedence_pairs(extra_files: tuple[str, ...] = ()) -> tuple[PrecedencePair, ...]:
    """The built-in pairs plus those of the configured domain-knowledge files."""
    pairs = list(_builtin_pairs())
    for name in extra_files:
        try:
            pairs.extend(_parse_pairs(_read(name)))
        except DomainKnowledgeError as error:
            raise DomainKnowledgeError(f"{name}: {error}") from None
    return tuple(pairs)


@functools.lru_cache(maxsize=16)
def trigger_words(extra_files: tuple[str, ...] = ()) -> TriggerWords:
    """The bundled trigger words, extended by the ``verbs``/``nouns``/``punctual_classes`` of the
    domain-knowledge files (a later entry for the same word replaces the earlier one)."""
    base = load_yaml("lang", "en", "events", "triggers.yaml")
    verbs: dict[str, Any] = dict(base.get("verbs") or {})
    nouns: dict[str, Any] = dict(base.get("nouns") or {})
    punctual = list(base["punctual_classes"])
    for name in extra_files:
        extra = _read(name) or {}
        if not isinstance(extra, dict):
            continue
        if isinstance(extra.get("verbs"), dict):
            verbs.update(extra["verbs"])
        if isinstance(extra.get("nouns"), dict):
            nouns.update(extra["nouns"])
        if isinstance(extra.get("punctual_classes"), list):
            punctual += extra["punctual_classes"]
    return TriggerWords(verbs, nouns, tuple(punctual))


SYNONYM_STRENGTHS = ("same", "related")  # (and "general", a table of its own: general_words)


@attrs.frozen
class Synonyms:
    """The words of the synonym sets (chrono/lang/en/events/synonyms.yaml) that one event noun
    is in, itself included."""

    nouns: frozenset[str]  # as written in the lexicon: "seizure", "fall"
    lemmas: frozenset[str]  # the lemmas their mentions carry: the noun, or its `verb` ("seize")
    verbs: frozenset[str]  # the verbs that name the same event: the nouns' `verb` links
    # the nouns' own event classes, other than the broad ones ("resignation" for the set of
    # "departure": "stepped down" is a verb of that class)
    classes: frozenset[str] = frozenset()


# classes too broad to say which event a verb names
_BROAD_CLASSES = frozenset(
    {None, "occurrence", "state", "reporting", "announcement", "named", "begin", "end", "causal",
     "transaction"}
)


def _noun_verb(noun: str) -> str | None:
    spec = trigger_words().nouns.get(noun)
    return str(spec["verb"]) if isinstance(spec, dict) and "verb" in spec else None


def _noun_class(noun: str) -> str | None:
    spec = trigger_words().nouns.get(noun)
    found = spec.get("class") if isinstance(spec, dict) else spec
    return None if found in _BROAD_CLASSES else str(found)


def _synonyms(words: set[str]) -> Synonyms:
    return Synonyms(
        frozenset(words),
        frozenset(_noun_verb(w) or w for w in words),
        frozenset(v for w in words if (v := _noun_verb(w)) is not None),
        frozenset(c for w in words if (c := _noun_class(w)) is not None),
    )


@functools.cache
def synonym_sets(strength: str = "same") -> Mapping[str, Synonyms]:
    """Event noun -> its synonyms of ``strength`` ("same": used interchangeably for one event;
    "related": often the same event, a link through them is weak), keyed by the noun as written
    and by the lemma its mentions carry ("seizure" and "seize"). Look a noun mention up by its
    lemma; a verb mention names the same event when its lemma is in :attr:`Synonyms.verbs` (the
    verb "fell" is not the noun "fall")."""
    if strength not in SYNONYM_STRENGTHS:
        raise ValueError(f"synonym strength must be one of {', '.join(SYNONYM_STRENGTHS)}: {strength!r}")
    found: dict[str, set[str]] = {}
    for group in load_yaml("lang", "en", "events", "synonyms.yaml")[strength]:
        words = {str(word) for word in group}
        for word in words:
            for key in {word, _noun_verb(word) or word}:
                found.setdefault(key, set()).update(words)
    return MappingProxyType({key: _synonyms(words) for key, words in found.items()})


@functools.cache
def general_words() -> Mapping[str, Synonyms]:
    """General event noun -> the specific words it stands for ("deal" -> acquisition, purchase,
    merger …; synonyms.yaml's ``general``): a story calls its one event of those kinds by the
    general word ("its acquisition of Tillington Dairies … since the deal completed")."""
    table = load_yaml("lang", "en", "events", "synonyms.yaml")["general"]
    return MappingProxyType({str(general): _synonyms({str(w) for w in specific})
                             for general, specific in table.items()})
