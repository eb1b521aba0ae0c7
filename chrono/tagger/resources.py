"""Language resources: the data files of ``chrono/lang/<lang>/`` compiled into regexes.

A language is two YAML files:

* ``lexicon.yaml`` -- word classes (``classes: {name: {case, words}}``), each a mapping from a
  word or phrase to its normalized meaning;
* ``patterns.yaml`` -- ``fragments`` and an ordered list of ``rules`` (name, action, type,
  pattern) whose patterns name word classes in braces.

At load time every class becomes one trie-shaped alternation and all the rules become a single
compiled regex, so the tagger scans a text with one ``finditer`` call. Loading is cached per
language; nothing else is global.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import attrs
import yaml

__all__ = ["ResourceError", "Resources", "Rule", "load", "trie_regex"]


class ResourceError(ValueError):
    """A language data file that cannot be used, with the file and the reason."""


@attrs.frozen
class Rule:
    name: str
    action: str
    type: str
    groups: tuple[tuple[int, str], ...]
    filter: str | None = None
    context: str | None = None


@attrs.frozen(eq=False)
class Resources:
    lang: str
    classes: Mapping[str, Mapping[str, Any]]
    regex: re.Pattern[str]
    rules: Mapping[int, Rule]
    signal_regex: re.Pattern[str]
    range_regex: re.Pattern[str]
    word_regex: re.Pattern[str]

    def lookup(self, cls: str, text: str) -> Any:
        """The meaning of ``text`` in class ``cls`` (case- and space-insensitive), or None."""
        table = self.classes.get(cls)
        if table is None:
            return None
        key = " ".join(text.lower().split())
        if key in table:
            return table[key]
        return table.get(key.rstrip("."))

    def has(self, cls: str, text: str) -> bool:
        return self.lookup(cls, text) is not None


# ---------------------------------------------------------------------------------------------
# Tries


def _emit_char(char: str) -> str:
    if char == " ":
        return r"[ \t]+(?:\r?\n[ \t]*)?"
    return re.escape(char)


def trie_regex(words: Iterable[str]) -> str:
    """One alternation matching any of ``words``; longer words are preferred.

    A word ending in a letter or digit must end at a word boundary.
    """
    root: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any], last: str) -> str:
        alternatives: list[str] = []
        terminal = False
        for char in sorted(node, key=lambda c: (c == "", c)):
            if char == "":
                terminal = True
                continue
            alternatives.append(_emit_char(char) + emit(node[char], char))
        end = r"\b" if last and (last.isalnum() or last == "_") else ""
        if terminal:
            alternatives.append(end)
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return emit(root, "")


def _title(word: str) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in word.split(" "))


def _class_regex(name: str, spec: Mapping[str, Any], words: Iterable[str]) -> str:
    case = spec.get("case", "any")
    if case == "title":
        forms: set[str] = set()
        for word in words:
            forms.add(_title(word))
            forms.add(word.upper())
        return "(?-i:" + trie_regex(forms) + ")"
    if case != "any":
        raise ResourceError(f"class {name}: unknown case {case!r} (use any or title)")
    return "(?:" + trie_regex(words) + ")"


def _lookbehind(words: Iterable[str]) -> str:
    parts = []
    for word in sorted(set(words)):
        escaped = re.escape(word)
        if word[-1:].isalnum():
            parts.append(rf"(?<=\b{escaped}\s)")
        else:
            parts.append(rf"(?<={escaped})")
    return "(?:" + "|".join(parts) + ")"


# ---------------------------------------------------------------------------------------------
# Loading

_PLACEHOLDER = re.compile(r"\{([=<@]?)([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z_][A-Za-z0-9_]*))?\}")
_GROUP = re.compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")
_BACKREF = re.compile(r"\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)")
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


def _read_yaml(folder: Path | Any, name: str) -> Any:
    target = folder / name
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as error:
        raise ResourceError(f"{target}: cannot read language file: {error}") from error
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ResourceError(f"{target}: invalid YAML: {error}") from error


def _language_folder(lang: str) -> Any:
    if not re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?", lang):
        raise ResourceError(f"unknown language {lang!r}")
    folder = importlib_resources.files("chrono") / "lang" / lang
    if not folder.is_dir():
        raise ResourceError(f"no language resources for {lang!r} (expected chrono/lang/{lang}/)")
    return folder


def _normalize_words(name: str, raw: Any) -> dict[str, Any]:
    if isinstance(raw, list):
        return {" ".join(str(w).lower().split()): str(w) for w in raw}
    if isinstance(raw, dict):
        return {" ".join(str(w).lower().split()): v for w, v in raw.items()}
    raise ResourceError(f"class {name}: words must be a list or a mapping")


def _backref(prefix: str, match: re.Match[str]) -> str:
    return f"(?P={prefix}{match.group(1)})"


@functools.lru_cache(maxsize=8)
def load(lang: str = "en") -> Resources:
    """Load and compile the resources of ``lang`` (cached)."""
    folder = _language_folder(lang)
    lexicon = _read_yaml(folder, "lexicon.yaml") or {}
    patterns = _read_yaml(folder, "patterns.yaml") or {}
    class_specs: dict[str, Any] = lexicon.get("classes") or {}
    classes: dict[str, dict[str, Any]] = {}
    class_regexes: dict[str, str] = {}
    for name, spec in class_specs.items():
        words = _normalize_words(name, (spec or {}).get("words", {}))
        classes[name] = words
        class_regexes[name] = _class_regex(name, spec or {}, words)

    fragments: dict[str, str] = {str(k): str(v) for k, v in (patterns.get("fragments") or {}).items()}
    expanded: dict[str, str] = {}

    def expand(pattern: str, where: str, depth: int = 0) -> str:
        if depth > 20:
            raise ResourceError(f"{where}: fragments nest too deeply")

        def replace(match: re.Match[str]) -> str:
            kind, name, group = match.group(1), match.group(2), match.group(3)
            if kind == "@":
                if name not in fragments:
                    raise ResourceError(f"{where}: unknown fragment {{@{name}}}")
                if name not in expanded:
                    expanded[name] = expand(fragments[name], f"fragment {name}", depth + 1)
                body = expanded[name]
            else:
                if name not in class_regexes:
                    raise ResourceError(f"{where}: unknown word class {{{name}}}")
                if kind == "<":
                    return _lookbehind(classes[name])
                body = class_regexes[name]
                if kind == "":
                    group = group or name
            return f"(?P<{group}>{body})" if group else f"(?:{body})"

        return _PLACEHOLDER.sub(replace, pattern)

    rule_specs = patterns.get("rules") or []
    branches: list[str] = []
    pending: list[tuple[str, dict[str, Any], list[str]]] = []
    for index, spec in enumerate(rule_specs):
        name = str(spec.get("name") or f"rule{index}")
        body = expand(str(spec["pattern"]), f"rule {name}")
        prefix = f"r{index}_"
        seen: dict[str, int] = {}

        def rename(match: re.Match[str], p: str = prefix, seen: dict[str, int] = seen) -> str:
            # The same field may appear in several alternatives: number the repeats.
            short = match.group(1)
            seen[short] = seen.get(short, 0) + 1
            suffix = f"__{seen[short]}" if seen[short] > 1 else ""
            return f"(?P<{p}{short}{suffix}>"

        body = _GROUP.sub(rename, body)
        short_names = [n[len(prefix):] for n in _GROUP.findall(body)]
        body = _BACKREF.sub(functools.partial(_backref, prefix), body)
        branches.append(f"(?P<R{index}>{body})")
        pending.append((name, spec, short_names))
        try:
            re.compile(body, re.IGNORECASE)
        except re.error as error:
            raise ResourceError(f"rule {name}: invalid pattern: {error}") from error
    master = re.compile(r"(?<!\w)(?:" + "|".join(branches) + ")", re.IGNORECASE)
    rules: dict[int, Rule] = {}
    for index, (name, spec, short_names) in enumerate(pending):
        prefix = f"r{index}_"
        groups = tuple(
            (master.groupindex[prefix + short], short.split("__")[0])
            for short in dict.fromkeys(short_names)
        )
        kind = str(spec.get("type", "DATE"))
        if kind not in TYPES:
            raise ResourceError(f"rule {name}: unknown type {kind!r}")
        rules[master.groupindex[f"R{index}"]] = Rule(
            name=name,
            action=str(spec.get("action", "date")),
            type=kind,
            groups=groups,
            filter=spec.get("filter"),
            context=spec.get("context"),
        )
    signal_words = classes.get("signal", {})
    signal_regex = re.compile(
        r"(?<!\w)(" + trie_regex(signal_words) + r")[ \t]*(?:\r?\n[ \t]*)?\Z", re.IGNORECASE
    )
    connectors = classes.get("range_connector", {})
    range_regex = re.compile(r"\s*(" + trie_regex(connectors) + r")\s*\Z", re.IGNORECASE)
    return Resources(
        lang=lang,
        classes=classes,
        regex=master,
        rules=rules,
        signal_regex=signal_regex,
        range_regex=range_regex,
        word_regex=re.compile(r"[\w']+(?:\.(?=\w))?"),
    )
