"""YAML and JSON read into a tree that remembers where every value came from.

Timeline files are checked against their source lines, so the parser keeps for each mapping,
list and scalar its span of code points in the decoded file. Scalars stay text: YAML's own
typing would turn ``2024-08-06`` into a date and ``2024`` into an int, losing the granularity
the interval model needs.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator

import attrs
import yaml

from chrono.lazy_regex import lazy_compile
from chrono.model import Span


@attrs.frozen
class Scalar:
    text: str
    span: Span
    # True for YAML null / JSON null (an empty value)
    null: bool = False
    # "str" for quoted or plain strings, else the JSON/YAML type ("int", "float", "bool")
    kind: str = "str"


@attrs.frozen
class Sequence:
    items: tuple[Node, ...]
    span: Span


@attrs.frozen
class Mapping:
    # (key, value) pairs in file order; duplicates are kept so that callers can report them
    items: tuple[tuple[Scalar, Node], ...]
    span: Span

    def keys(self) -> list[str]:
        return [key.text for key, _ in self.items]


Node = Scalar | Sequence | Mapping


class SyntaxProblem(ValueError):
    """Malformed YAML or JSON, with the offset where the reader gave up."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


_PROPERTIES = lazy_compile(r"(?:[&!][^\s,\[\]{}]*\s*)+")


def _span(node: yaml.Node, source: str) -> Span:
    start = node.start_mark.index if node.start_mark else 0
    end = node.end_mark.index if node.end_mark else start
    # a node's marks include its anchor and tag ("&base", "!!str"): cite the value itself
    properties = _PROPERTIES.match(source, start, max(start, end))
    if properties:
        start = properties.end()
    return Span(start, max(start, end))


_YAML_KINDS = {
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
}
_MERGE = "tag:yaml.org,2002:merge"


def _merged(value: yaml.Node, source: str) -> list[tuple[Scalar, Node]] | None:
    """The pairs a merge key (``<<: *defaults``) brings in, each at most once: from one mapping,
    or from a list of mappings where an earlier one wins (YAML 1.1 merge key type). ``None``
    when the value is neither."""
    if isinstance(value, yaml.MappingNode):
        sources = [value]
    elif isinstance(value, yaml.SequenceNode) and all(isinstance(v, yaml.MappingNode) for v in value.value):
        sources = list(value.value)
    else:
        return None
    pairs: list[tuple[Scalar, Node]] = []
    seen: set[str] = set()
    for mapping in sources:
        converted = _convert(mapping, source)  # resolves the merges inside the merged mapping
        assert isinstance(converted, Mapping)
        for key, item in converted.items:
            if key.text not in seen:
                seen.add(key.text)
                pairs.append((key, item))
    return pairs


_SURROGATE = lazy_compile("[\ud800-\udfff]")
_PAIR = lazy_compile("[\ud800-\udbff][\udc00-\udfff]")


def _join_pair(match: re.Match[str]) -> str:
    high, low = (ord(ch) for ch in match[0])
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


def _text(value: str, source: str, span: Span) -> str:
    """A decoded string with its UTF-16 surrogate pairs joined: JSON and YAML escapes write a
    character beyond U+FFFF as two halves (``\\ud83d\\ude00``), which Python keeps apart."""
    if not _SURROGATE.search(value):
        return value
    joined = _PAIR.sub(_join_pair, value)
    lone = _SURROGATE.search(joined)
    if lone is None:
        return joined
    escape = f"\\u{ord(lone[0]):04x}"
    where = re.compile(re.escape(escape), re.IGNORECASE)
    written = where.search(source, span.start, max(span.start, span.end))
    raise SyntaxProblem(
        f"the escape {escape} is half of a UTF-16 surrogate pair without its other half, so it is "
        "no character: write the character itself, or both halves (such as \\ud83d\\ude00)",
        written.start() if written else span.start,
    )


def _convert(node: yaml.Node, source: str) -> Node:
    if isinstance(node, yaml.ScalarNode):
        null = node.tag == "tag:yaml.org,2002:null"
        span = _span(node, source)
        if node.style in ("'", '"') and span.end - span.start >= 2:
            # cite the words, not the quotes around them
            span = Span(span.start + 1, span.end - 1)
        text = "" if null else _text(str(node.value), source, span)
        return Scalar(text, span, null, _YAML_KINDS.get(node.tag, "str"))
    if isinstance(node, yaml.SequenceNode):
        return Sequence(tuple(_convert(item, source) for item in node.value), _span(node, source))
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[Scalar, Node]] = []
        merged: list[tuple[Scalar, Node]] = []
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag == _MERGE:
                found = _merged(value, source)
                if found is not None:
                    merged.extend(found)
                    continue
                # not mergeable: kept as an ordinary '<<' key, for the reader to report
            converted = _convert(key, source)
            if not isinstance(converted, Scalar):
                raise SyntaxProblem("a mapping key must be a plain value", _span(key, source).start)
            pairs.append((converted, _convert(value, source)))
        # keys written in the mapping override merged ones; among merges the first one wins
        explicit = {key.text for key, _ in pairs}
        seen: set[str] = set()
        inherited = []
        for key, value in merged:
            if key.text not in explicit and key.text not in seen:
                seen.add(key.text)
                inherited.append((key, value))
        return Mapping(tuple(inherited + pairs), _span(node, source))
    raise SyntaxProblem(f"unsupported YAML node {type(node).__name__}", _span(node, source).start)


# Aliases let a few lines stand for billions of values ("billion laughs"); a timeline never
# needs its aliases to add more than this many values to what is written out in the file.
MAX_ALIAS_VALUES = 200_000
_OPEN, _DONE = 1, 2


def alias_problem(root: yaml.Node, source: str) -> SyntaxProblem | None:
    """Why the composed YAML cannot be expanded, or ``None``: an alias inside its own anchor
    (``a: &a [*a]``, infinitely deep), or aliases that add more than :data:`MAX_ALIAS_VALUES`
    values. Counted without expanding anything, in time linear in the nodes written."""
    # Depth-first, children before parents; a node met again while still open is its own
    # ancestor, which only an alias can make.
    state: dict[int, int] = {id(root): _OPEN}
    order: list[yaml.Node] = []
    stack: list[tuple[yaml.Node, Iterator[yaml.Node]]] = [(root, _children(root))]
    while stack:
        node, children = stack[-1]
        for child in children:
            seen = state.get(id(child))
            if seen == _OPEN:
                properties = _PROPERTIES.match(source, _start(child))
                name = re.search(r"&([^\s,\[\]{}]+)", properties[0]) if properties else None
                anchor = f" &{name[1]}" if name else ""
                return SyntaxProblem(
                    f"an alias refers to its own anchor{anchor} (inside the value it names), so the "
                    "data would be infinitely deep: the alias cannot be expanded",
                    _start(child),
                )
            if seen is None:
                state[id(child)] = _OPEN
                stack.append((child, _children(child)))
                break
        else:
            stack.pop()
            state[id(node)] = _DONE
            order.append(node)
    # What each node stands for once aliases are expanded, capped: past the cap it no longer
    # matters by how much (and billions of laughs would make huge integers).
    cap = len(order) + MAX_ALIAS_VALUES + 1
    sizes: dict[int, int] = {}
    for node in order:
        sizes[id(node)] = min(cap, 1 + sum(sizes[id(child)] for child in _children(node)))
    if sizes[id(root)] - len(order) > MAX_ALIAS_VALUES:
        return SyntaxProblem(
            f"the YAML's aliases expand to more than {MAX_ALIAS_VALUES:,} values besides those written out", 0
        )
    return None


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return iter(node.value)
    if isinstance(node, yaml.MappingNode):
        return (part for pair in node.value for part in pair)
    return iter(())


def _start(node: yaml.Node) -> int:
    return node.start_mark.index if node.start_mark else 0


def parse_yaml(text: str) -> Node | None:
    """Parse YAML text; ``None`` for an empty document. Raises :class:`SyntaxProblem`."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise SyntaxProblem("the YAML is nested too deeply to read", 0) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        offset = mark.index if mark is not None else 0
        problem = error.problem or "malformed YAML"
        context = f" ({error.context})" if error.context else ""
        raise SyntaxProblem(f"{problem}{context}", offset) from None
    except yaml.YAMLError as error:
        raise SyntaxProblem(f"malformed YAML: {error}", 0) from None
    if root is None:
        return None
    unexpandable = alias_problem(root, text)
    if unexpandable is not None:
        raise unexpandable
    try:
        return _convert(root, text)
    except RecursionError:
        raise SyntaxProblem("the YAML is nested too deeply to read", 0) from None


def _from_python(value: object, span: Span) -> Node:
    if isinstance(value, dict):
        return Mapping(tuple((Scalar(str(k), span), _from_python(v, span)) for k, v in value.items()), span)
    if isinstance(value, list):
        return Sequence(tuple(_from_python(v, span) for v in value), span)
    if value is None:
        return Scalar("", span, null=True)
    if isinstance(value, bool):
        return Scalar("true" if value else "false", span, kind="bool")
    kind = "int" if isinstance(value, int) else "float" if isinstance(value, float) else "str"
    return Scalar(str(value), span, kind=kind)


def _no_lone_surrogates(value: object, source: str) -> None:
    """Raise for a string that ``json.loads`` left with half a surrogate pair (it joins whole
    pairs itself) before the positional reader, whose fallback would swallow the error."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _text(item, source, Span(0, len(source)))
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class _LongNumber(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def _json_int(digits: str) -> int:
    try:
        return int(digits)
    except ValueError:  # more digits than sys.get_int_max_str_digits()
        raise _LongNumber(digits.lstrip("-")) from None


def parse_json(text: str) -> Node | None:
    """Parse JSON text with positions. Raises :class:`SyntaxProblem`."""
    if not text.strip():
        return None
    try:
        value = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as error:
        raise SyntaxProblem(f"malformed JSON: {error.msg}", error.pos) from None
    except RecursionError:
        raise SyntaxProblem("the JSON is nested too deeply to read", 0) from None
    except _LongNumber as error:
        written = re.search(rf"(?<![\d.]){error.digits}(?![\d.eE])", text)
        raise SyntaxProblem(
            f"a number with {len(error.digits):,} digits: Python reads integers of at most "
            f"{sys.get_int_max_str_digits():,} digits, and no timeline needs one that long",
            written.start() if written else 0,
        ) from None
    _no_lone_surrogates(value, text)
    # JSON is (nearly) YAML; the YAML reader gives us positions. If it disagrees on some
    # corner of the syntax, keep the data and cite the whole file instead of losing it.
    try:
        located = parse_yaml(text)
    except SyntaxProblem:
        located = None
    if located is not None:
        return located
    try:
        return _from_python(value, Span(0, len(text)))
    except RecursionError:
        raise SyntaxProblem("the JSON is nested too deeply to read", 0) from None


def to_plain(node: Node | None) -> object:
    """The data as plain Python values, scalars as their text (JSON null stays None).

    Unlike ``yaml.safe_load`` this keeps ``on:`` a key (YAML 1.1 reads it as ``True``) and
    ``2024-08-06`` a string.
    """
    if node is None:
        return None
    if isinstance(node, Scalar):
        if node.null:
            return None
        return int(node.text) if node.kind == "int" else node.text
    if isinstance(node, Sequence):
        return [to_plain(item) for item in node.items]
    return {key.text: to_plain(value) for key, value in node.items}
