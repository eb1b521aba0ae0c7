"""Language resources: the data files of ``chrono/lang/<lang>/`` compiled into regexes.

A language is two YAML files:

* ``lexicon.yaml`` -- word classes (``classes: {name: {case, words}}``), each a mapping from a
  word or phrase to its normalized meaning;
* ``patterns.yaml`` -- ``fragments`` and an ordered list of ``rules`` (name, action, type,
  pattern) whose patterns name word classes in braces.

At load time every class becomes one trie-shaped alternation and every rule a regex source;
the rules are compiled on first use, each on its own (see :func:`compile_rules`), with a
small regex of what the first characters of its matches can be (see :func:`starts_regex`).
Loading is cached per language; compiled programs are also cached on disk (see
:func:`compile_cached`).

Adding a language needs no code: write ``chrono/lang/<code>/lexicon.yaml`` and
``patterns.yaml`` (or any folder with those two files, passed as ``lang="path/to/folder"``)
using the same field names and actions as English -- the actions (one per calendar
granularity: ``year``, ``month``, ``day``, ``weekday``, ``season``, ``quarter`` ...; and
``offset``, ``duration``, ``set``, ``rel_unit``, ``anaphor``, ``numeric``, ranges) and their
fields are documented in the English ``patterns.yaml``; words the actions look up by class (``month``,
``unit``, ``deictic``, ``direction``, ``signal``, ``tense_past`` ...) come from the lexicon,
and so do the function words the code reads around an expression (``article_definite``,
``list_conjunction``, ``comparison_word`` ...; see :func:`words_regex`). A class a language
leaves out switches its check off. ``chrono/lang/en/README.md`` describes the folder;
``tests/tagger/lang_de`` is a small working example. A rule's ``examples`` are for the tests
(``tests/tagger/test_examples.py``): loading skips them.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import attrs
import yaml

from chrono.lazy_regex import lazy_compile
from chrono.regex_cache import compile_cached, compile_kept
from chrono.resources import kept, parse_yaml

__all__ = ["Matcher", "ResourceError", "Resources", "Rule", "RuleSource", "compile_rules",
           "first_chars", "load", "match_prefixes", "starts_regex", "trie_regex", "without_examples",
           "words_regex"]


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


@attrs.frozen
class RuleSource:
    """A rule as compiled text, with what it refers to (for choosing rules per trigger)."""

    index: int
    name: str
    action: str
    type: str
    body: str
    short_names: tuple[str, ...]
    classes: frozenset[str]
    literal: str
    digits: bool
    filter: str | None = None
    context: str | None = None
    # The body with every word class reduced to the characters its words start with: the same
    # possible first characters as ``body`` at a fraction of the size, so the guard of a rule
    # (see :func:`first_chars`) costs a small parse instead of one as large as compiling it.
    skeleton: str = ""


@attrs.frozen(eq=False)
class Matcher:
    """A compiled alternation of rules and the rule behind each top-level group."""

    regex: re.Pattern[str]
    rules: Mapping[int, Rule]


@attrs.frozen(eq=False)
class Resources:
    lang: str
    classes: Mapping[str, Mapping[str, Any]]
    signal_regex: re.Pattern[str]
    range_regex: re.Pattern[str]
    word_regex: re.Pattern[str]
    sources: tuple[RuleSource, ...] = ()
    title_classes: frozenset[str] = frozenset()
    scan: Mapping[str, Any] = attrs.field(factory=dict)

    def lookup(self, cls: str, text: str) -> Any:
        """The meaning of ``text`` in class ``cls`` (case- and space-insensitive), or None."""
        table = self.classes.get(cls)
        if table is None:
            return None
        # Keys are stored normalized, so a text that is a key as written is its own normal
        # form: most look-ups (matched words, already lower case) end here.
        value = table.get(text)
        if value is not None:
            return value
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
    # A look-ahead on the first characters of the words first: where none can start (most
    # places an optional word class is tried), one step rejects what the trie would reject
    # by trying each of its branches in turn.
    words = list(words)
    case = spec.get("case", "any")
    guard = "(?=" + _initial_class(spec, words) + ")"
    if case == "title":
        forms: set[str] = set()
        for word in words:
            forms.add(_title(word))
            forms.add(word[:1].upper() + word[1:])  # "Eastern time" as well as "Eastern Time"
            forms.add(word.upper())
        return guard + "(?-i:" + trie_regex(forms) + ")"
    if case != "any":
        raise ResourceError(f"class {name}: unknown case {case!r} (use any or title)")
    return guard + "(?:" + trie_regex(words) + ")"


def _initial_class(spec: Mapping[str, Any], words: Iterable[str]) -> str:
    """What ``_class_regex`` can start with, as one character class (same case handling)."""
    if spec.get("case", "any") == "title":
        chars = {form[:1] for word in words for form in (_title(word), word.upper()) if form}
        return "(?-i:[" + "".join(re.escape(c) for c in sorted(chars)) + "])" if chars else "(?:)"
    chars = {word[:1] for word in words if word}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]" if chars else "(?:)"


def _lookbehind(words: Iterable[str]) -> str:
    parts = []
    for word in sorted(set(words)):
        escaped = re.escape(word)
        if word[-1:].isalnum():
            parts.append(rf"(?<=\b{escaped}\s)")
        else:
            parts.append(rf"(?<={escaped})")
    return "(?:" + "|".join(parts) + ")"


_CLASS_SLOT = lazy_compile(r"\{([a-z_]+)\}")


@functools.lru_cache(maxsize=256)
def words_regex(res: Resources, template: str, flags: int = 0,
                capitalized: bool = False) -> re.Pattern[str]:
    """``template`` compiled with every ``{class}`` in it replaced by an alternation of the
    words of that class of ``res`` (longer words first; with ``capitalized``, also each word
    with a capital first letter). A class the language does not have matches nothing.

    This is how code reads the function words of a language ("the", "and", "than" ...)
    without spelling them: the words stay in the lexicon, the context around them here.
    """

    def alternation(match: re.Match[str]) -> str:
        words = set(res.classes.get(match.group(1), {}))
        if capitalized:
            words |= {word[:1].upper() + word[1:] for word in words}
        return "(?:" + trie_regex(words) + ")" if words else "(?!)"

    return compile_kept(_CLASS_SLOT.sub(alternation, template), flags)


# ---------------------------------------------------------------------------------------------
# Loading

_PLACEHOLDER = lazy_compile(r"\{([=<@]?)([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z_][A-Za-z0-9_]*))?\}")
_GROUP = lazy_compile(r"\(\?P<([A-Za-z_][A-Za-z0-9_]*)>")
_BACKREF = lazy_compile(r"\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)")
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


def _read_yaml(folder: Path | Any, name: str, keep: Callable[[str], str] | None = None) -> Any:
    """The YAML file ``name`` of ``folder``; ``keep`` filters its text before parsing."""
    target = folder / name
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as error:
        raise ResourceError(f"{target}: cannot read language file: {error}") from error
    try:
        return parse_yaml(keep(text) if keep is not None else text)  # through the user cache
    except yaml.YAMLError as error:
        raise ResourceError(f"{target}: invalid YAML: {error}") from error


def without_examples(text: str) -> str:
    """``text`` (a patterns.yaml) without its rules' ``examples`` entries.

    Examples are for the tests; parsing them would take most of the time of reading the
    rules, so their lines are dropped first: the ``examples:`` line and every line after it
    that is blank, indented deeper, or a list item at its indentation."""
    kept: list[str] = []
    skipping: int | None = None  # the indentation of the examples key being dropped
    for line in text.splitlines(keepends=True):
        content = line.lstrip(" \t")
        indent = len(line) - len(content)
        if skipping is not None:
            if not content.strip() or indent > skipping or (
                indent == skipping and content.startswith("- ")
            ):
                continue
            skipping = None
        if content.startswith("examples:"):
            skipping = indent
            continue
        kept.append(line)
    return "".join(kept)


def _language_folder(lang: str) -> Any:
    """``chrono/lang/<lang>/`` for a language code, or any folder given by path (a language
    that is not shipped: the same two files, no code)."""
    if os.sep in lang or "/" in lang:
        path = Path(lang)
        if not (path / "lexicon.yaml").is_file() or not (path / "patterns.yaml").is_file():
            raise ResourceError(f"{lang}: a language folder needs lexicon.yaml and patterns.yaml")
        return path
    if not re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?", lang):
        raise ResourceError(f"unknown language {lang!r}")
    folder = importlib_resources.files("chrono") / "lang" / lang
    if not folder.is_dir():
        raise ResourceError(f"no language resources for {lang!r} (expected chrono/lang/{lang}/)")
    return folder


def _normalize_words(name: str, raw: Any) -> dict[str, Any]:
    items = raw if isinstance(raw, list) else list(raw) if isinstance(raw, dict) else []
    for word in items:
        if not isinstance(word, (str, int, float)) or isinstance(word, bool):
            raise ResourceError(
                f"class {name}: word {word!r} is not text (quote YAML words like on/off/yes/no)"
            )
    if isinstance(raw, list):
        return {" ".join(str(w).lower().split()): str(w) for w in raw}
    if isinstance(raw, dict):
        return {" ".join(str(w).lower().split()): v for w, v in raw.items()}
    raise ResourceError(f"class {name}: words must be a list or a mapping")


def _references(raw: str, fragments: Mapping[str, str]) -> tuple[set[str], str]:
    """The word classes a pattern uses (through fragments too) and its literal text."""
    used: set[str] = set()
    literal = [raw.lower()]
    pending = [raw]
    seen: set[str] = set()
    while pending:
        text = pending.pop()
        for kind, name, _group in _PLACEHOLDER.findall(text):
            if kind == "@":
                if name not in seen and name in fragments:
                      seen.add(name)
                      pending.append(fragments[name])
                      literal.append(fragments[name])
            else:
                used.add(name)
    return used, "\n".join(literal)


def _first_chars(items: Any, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """The characters a parsed regex sequence can start with (None: any) and if it can be empty."""
    c: Any = importlib.import_module("re._constants")  # the parse tree of the standard re

    chars: set[str] = set()
    for op, av in items:
        first: set[str] | None
        nullable = False
        if op is c.LITERAL:
            first = {chr(av)}
        elif op is c.IN:
            first = set()
            for kind, value in av:
                if kind is c.LITERAL:
                      first.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 128:
                      first.update(chr(x) for x in range(value[0], value[1] + 1))
                elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                      first.update("0123456789")
                else:
                      return None, False
        elif op is c.BRANCH:
            first, nullable = set(), False
            for alternative in av[1]:
                sub, empty = _first_chars(alternative, ignore_case)
                if sub is None:
                      return None, False
                first |= sub
                nullable = nullable or empty
        elif op is c.SUBPATTERN:
            _group, add_flags, del_flags, sub_items = av
            case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
                del_flags & re.IGNORECASE
            )
            first, nullable = _first_chars(sub_items, case)
            if first is None:
                return None, False
            chars |= first
            if not nullable:
                return chars, False
            continue
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _high, sub_items = av
            first, nullable = _first_chars(sub_items, ignore_case)
            nullable = nullable or low == 0
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        else:
            return None, False
        if first is None:
            return None, False
        if ignore_case:
            first = first | {x.swapcase() for x in first}
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


@functools.lru_cache(maxsize=1024)
def first_chars(body: str) -> frozenset[str] | None:
    """The characters a match of ``body`` (case-insensitive) can start with; None when that is
    not a short list (any character, a category, an empty match, more than 120)."""
    try:
        parser: Any = importlib.import_module("re._parser")
        first, nullable = _first_chars(parser.parse(body, re.IGNORECASE).data, True)
    except (ImportError, re.error, RecursionError, TypeError, ValueError):
        return None
    if first is None or nullable or not first or len(first) > 120:
        return None
    return frozenset(first)


# ---------------------------------------------------------------------------------------------
# Prefixes: what the first few characters of a rule's match can be

# One character position of a prefix: the ASCII characters that can stand there (both cases of
# a letter), or None for any character. A character outside ASCII is taken to fit any position:
# case folding outside ASCII ("K" is the Kelvin sign's lower case) is not worth modelling.
Position = frozenset[str] | None
# A possible start of a match, and whether the match (or the part of the pattern read) can end
# right after it (False: nothing is known about what follows).
Prefix = tuple[tuple[Position, ...], bool]

_ASCII = tuple(chr(x) for x in range(128))
_MAX_PREFIXES = 4000


def _cased(chars: Iterable[str]) -> Position:
    out: set[str] = set()
    for char in chars:
        if not char.isascii():
            if char.isalpha():
                return None  # may fold to an ASCII letter
            continue
        out.update((char, char.swapcase()))
    return frozenset(out)


@functools.lru_cache(maxsize=64)
def _category(category: Any) -> Position:
    c: Any = importlib.import_module("re._constants")
    escapes = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
               c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}
    escape = escapes.get(category)
    if escape is None:
        return None
    pattern = re.compile(escape)
    return frozenset(x for x in _ASCII if pattern.match(x))


def _position(op: Any, av: Any) -> Position:
    """The ASCII characters one character item of a parsed regex matches (None: any)."""
    c: Any = importlib.import_module("re._constants")
    if op is c.LITERAL:
        return _cased(chr(av))
    if op is c.NOT_LITERAL:
        return None
    if op is not c.IN:
        return None
    chars: set[str] = set()
    negate = False
    for kind, value in av:
        if kind is c.NEGATE:
            negate = True
        elif kind is c.LITERAL:
            chars.add(chr(value))
        elif kind is c.RANGE:
            low, high = value
            if high >= 128 and any(chr(x).isalpha() for x in range(max(low, 128), high + 1)):
                return None
            chars.update(chr(x) for x in range(low, min(high, 127) + 1))
        elif kind is c.CATEGORY:
            members = _category(value)
            if members is None:
                return None
            chars.update(members)
        else:
            return None
    cased = _cased(chars)
    if cased is None or negate:
        return None  # a negated set of both cases is not worth the care it needs
    return cased


def _item(op: Any, av: Any, room: int) -> set[Prefix]:
    """The possible first ``room`` characters of one item of a parsed regex."""
    c: Any = importlib.import_module("re._constants")
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {((), True)}  # zero width
    if op is c.ANY:
        return {((None,), True)}
    if op in (c.LITERAL, c.NOT_LITERAL, c.IN):
        return {((_position(op, av),), True)}
    if op is c.BRANCH:
        return set().union(*(_prefixes(alternative, room) for alternative in av[1]))
    if op is c.SUBPATTERN:
        return _prefixes(av[-1], room)
    if op is c.ATOMIC_GROUP:
        return _prefixes(av, room)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub_items = av
        out: set[Prefix] = set()
        current: set[Prefix] = {((), True)}
        # A further copy adds a character or changes nothing: ``room`` copies are enough.
        for count in range(room + 1):
            if count >= min(low, room):
                out |= current
            if count == high:
                break
            current = _join(current, [(c.SUBPATTERN, (None, 0, 0, sub_items))], room)
        return out
    return {((), False)}  # a back reference or a conditional: anything may follow


def _join(heads: set[Prefix], items: Any, depth: int) -> set[Prefix]:
    """Each of ``heads`` followed by what ``items`` can start with, cut at ``depth``."""
    for op, av in items:
        joined: set[Prefix] = set()
        for chars, ended in heads:
            if not ended or len(chars) >= depth:
                joined.add((chars[:depth], False))
                continue
            for more, more_ended in _item(op, av, depth - len(chars)):
                joined.add((chars + more, more_ended))
        if len(joined) > _MAX_PREFIXES:
            raise OverflowError("too many prefixes")
        heads = joined
    return heads


def _prefixes(items: Any, depth: int) -> set[Prefix]:
    """The possible first ``depth`` characters of a parsed regex sequence (over-approximated)."""
    return _join({((), True)}, items, depth)


@functools.lru_cache(maxsize=1024)
def match_prefixes(body: str, depth: int) -> tuple[Prefix, ...] | None:
    """The possible starts (``depth`` characters) of a match of ``body`` (case-insensitive):
    a sound over-approximation, or None when it cannot be worked out or is too large."""
    try:
        parser: Any = importlib.import_module("re._parser")
        found = _prefixes(parser.parse(body, re.IGNORECASE).data, depth)
    except (ImportError, re.error, RecursionError, TypeError, ValueError, OverflowError):
        return None
    # In an order that does not depend on the hashing of this process: the regex written from
    # them is the same text, and the same compiled program, in every run.
    return tuple(sorted(found, key=lambda prefix: (
        [("" if position is None else "".join(sorted(position)), position is None)
         for position in prefix[0]], prefix[1])))


def _position_source(position: Position) -> str:
    if position is None:
        return r"[\s\S]"
    # Any character but the ASCII ones left out: a class of all of Unicode takes seconds to
    # compile.
    others = [x for x in _ASCII if x not in position]
    return "[^" + "".join(re.escape(x) for x in others) + "]" if others else r"[\s\S]"


def _starts_source(body: str, depth: int) -> str:
    prefixes = match_prefixes(body, depth)
    if prefixes is None:
        return ""
    return _tree_source([chars for chars, _ended in prefixes]) if prefixes else "(?!)"


def _tree_source(prefixes: list[tuple[Position, ...]]) -> str:
    """One alternation of ``prefixes``, those with the same first position sharing it."""
    if any(not chars for chars in prefixes):
        return ""
    tails: dict[Position, list[tuple[Position, ...]]] = {}
    for chars in prefixes:
        tails.setdefault(chars[0], []).append(chars[1:])
    parts = [_position_source(first) + _tree_source(rest) for first, rest in tails.items()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


# Part of the cache key of :func:`starts_regex`, which names the rule, not the code that works
# out its starts: change it with :func:`match_prefixes` or :func:`_starts_source`.
_STARTS_LAYOUT = 1


def starts_regex(body: str, depth: int) -> re.Pattern[str]:
    """A regex that matches the text from a position on (its first ``depth`` characters are
    enough) wherever a match of ``body`` can start there (see :func:`match_prefixes`).

    Kept in the compiled-program cache like the rules: the parse it is worked out from costs
    about as much as compiling the rule."""
    return compile_cached(f"starts-{_STARTS_LAYOUT}\0{depth}\0{body}",
                          lambda: _starts_source(body, depth), 0)


def _guard(body: str) -> str:
    """A look-ahead on the possible first characters of a rule, so that a rule that cannot
    start at a position is rejected in one step instead of by trying its optional parts."""
    first = first_chars(body)
    if first is None:
        return ""
    return "(?=[" + "".join(re.escape(x) if x not in "-" else "\\-" for x in sorted(first)) + "])"


def compile_rules(sources: tuple[RuleSource, ...]) -> Matcher:
    """One regex trying ``sources`` in order at a position.

    Rules are compiled when a text first needs them, not when the language is loaded (most
    texts need a fraction of them, and compiling is most of the start-up), so a rule that is
    not a valid regular expression is reported then, as a :class:`ResourceError` naming it.
    """
    try:
        regex = compile_cached(
            "\n".join(s.body for s in sources),
            lambda: r"(?<!\w)(?:" + "|".join(_guard(s.skeleton or s.body) + s.body
                                              for s in sources) + ")",
        )
    except re.error as error:
        culprit = _find_bad_rule(list(sources))
        raise ResourceError(f"{culprit}: invalid pattern: {error}") from error
    rules: dict[int, Rule] = {}
    for source in sources:
        prefix = f"r{source.index}_"
        groups = tuple(
            (regex.groupindex[prefix + short], short.split("__")[0])
            for short in dict.fromkeys(source.short_names)
        )
        rules[regex.groupindex[f"R{source.index}"]] = Rule(
            name=source.name,
            action=source.action,
            type=source.type,
            groups=groups,
            filter=source.filter,
            context=source.context,
        )
    return Matcher(regex, rules)


def _find_bad_rule(sources: list[RuleSource]) -> str:
    for source in sources:
        try:
            re.compile(source.body, re.IGNORECASE)
        except re.error:
            return f"rule {source.name}"
    return "rules"


def _backref(prefix: str, match: re.Match[str]) -> str:
    return f"(?P={prefix}{match.group(1)})"


def _rename_groups(body: str, prefix: str) -> str:
    """Field groups get the rule's prefix (names must be unique across rules); the same field
    may appear in several alternatives, so repeats are numbered."""
    seen: dict[str, int] = {}

    def rename(match: re.Match[str]) -> str:
        short = match.group(1)
        seen[short] = seen.get(short, 0) + 1
        suffix = f"__{seen[short]}" if seen[short] > 1 else ""
        return f"(?P<{prefix}{short}{suffix}>"

    return _BACKREF.sub(functools.partial(_backref, prefix), _GROUP.sub(rename, body))


@functools.lru_cache(maxsize=8)
def load(lang: str = "en") -> Resources:
    """Load and compile the resources of ``lang`` (cached: in this process, and across runs
    in the user cache, keyed by the language files and this module's source)."""
    folder = _language_folder(lang)
    try:
        inputs = [Path(__file__).read_bytes(), *((folder / n).read_bytes() for n in _LANGUAGE_FILES)]
    except OSError:  # building says what is wrong
        return _load(lang, folder)
    return kept(f"tagger-{lang}", inputs, lambda: _load(lang, folder))


_LANGUAGE_FILES = ("lexicon.yaml", "patterns.yaml")


def _load(lang: str, folder: Any) -> Resources:
    lexicon = _read_yaml(folder, "lexicon.yaml") or {}
    patterns = _read_yaml(folder, "patterns.yaml", without_examples) or {}
    class_specs: dict[str, Any] = lexicon.get("classes") or {}
    classes: dict[str, dict[str, Any]] = {}
    class_regexes: dict[str, str] = {}
    for name, spec in class_specs.items():
        words = _normalize_words(name, (spec or {}).get("words", {}))
        classes[name] = words
        class_regexes[name] = _class_regex(name, spec or {}, words)

    fragments: dict[str, str] = {str(k): str(v) for k, v in (patterns.get("fragments") or {}).items()}
    initials = {name: _initial_class(spec or {}, classes[name]) for name, spec in class_specs.items()}

    def expand(pattern: str, where: str, bodies: Mapping[str, str], expanded: dict[str, str],
               skeleton: bool = False, depth: int = 0) -> str:
        if depth > 20:
            raise ResourceError(f"{where}: fragments nest too deeply")

        def replace(match: re.Match[str]) -> str:
            kind, name, group = match.group(1), match.group(2), match.group(3)
            if kind == "@":
                if name not in fragments:
                      raise ResourceError(f"{where}: unknown fragment {{@{name}}}")
                if name not in expanded:
                      expanded[name] = expand(fragments[name], f"fragment {name}", bodies,
                                            expanded, skeleton, depth + 1)
                body = expanded[name]
            else:
                if name not in bodies:
                      raise ResourceError(f"{where}: unknown word class {{{name}}}")
                if kind == "<":
                      # A look-behind adds no first character: the skeleton keeps only its place.
                      return "(?<=)" if skeleton else _lookbehind(classes[name])
                body = bodies[name]
                if kind == "":
                      group = group or name
            return f"(?P<{group}>{body})" if group else f"(?:{body})"

        return _PLACEHOLDER.sub(replace, pattern)

    expanded_fragments: dict[str, str] = {}
    skeleton_fragments: dict[str, str] = {}

    rule_specs = patterns.get("rules") or []
    sources: list[RuleSource] = []
    raw_fragments = {name: text.lower() for name, text in fragments.items()}
    for index, spec in enumerate(rule_specs):
        name = str(spec.get("name") or f"rule{index}")
        raw = str(spec["pattern"])
        prefix = f"r{index}_"
        body = _rename_groups(expand(raw, f"rule {name}", class_regexes, expanded_fragments),
                              prefix)
        skeleton = _rename_groups(
            expand(raw, f"rule {name}", initials, skeleton_fragments, skeleton=True), prefix
        )
        short_names = tuple(n[len(prefix):] for n in _GROUP.findall(body))
        if not spec.get("action"):
            raise ResourceError(f"rule {name}: no action (which action normalizes its matches)")
        kind = str(spec.get("type", "DATE"))
        if kind not in TYPES:
            raise ResourceError(f"rule {name}: unknown type {kind!r}")
        used, literal = _references(raw, raw_fragments)
        sources.append(
            RuleSource(
                index=index,
                name=name,
                action=str(spec["action"]),
                type=kind,
                body=f"(?P<R{index}>{body})",
                short_names=short_names,
                classes=frozenset(used),
                literal=literal,
                digits="\\d" in body or "[0-9" in body,
                filter=spec.get("filter"),
                context=spec.get("context"),
                skeleton=f"(?P<R{index}>{skeleton})",
            )
        )
    signal_words = classes.get("signal", {})
    signal_regex = lazy_compile(
        r"(?<!\w)(" + trie_regex(signal_words) + r")[ \t]*(?:\r?\n[ \t]*)?\Z", re.IGNORECASE
    )
    connectors = classes.get("range_connector", {})
    range_regex = lazy_compile(r"\s*(" + trie_regex(connectors) + r")\s*\Z", re.IGNORECASE)
    return Resources(
        lang=lang,
        classes=classes,
        sources=tuple(sources),
        title_classes=frozenset(
            name for name, spec in class_specs.items() if (spec or {}).get("case") == "title"
        ),
        scan=patterns.get("scan") or {},
        signal_regex=signal_regex,
        range_regex=range_regex,
        word_regex=lazy_compile(r"[\w']+(?:\.(?=\w))?"),
    )
