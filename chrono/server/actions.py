"""Code actions: an inline suppression of a finding on its line, and a rule's documentation.

A suppression is the comment ``chrono check`` already honours (chrono.suppressions), in the
document's own comment syntax: ``# chrono: ignore[CODE]`` at the end of a YAML line,
``<!-- chrono: ignore[CODE] -->`` in Markdown, HTML, plain text and TimeML. A line that already
has a directive gets the code added to it. JSON has no comments: no action is offered there
(``per-file-ignores`` in the configuration does it). The edit is checked before it is offered:
the edited text must hold a directive that covers the line with the code, and a YAML file must
still hold the same data; so a line inside a fenced code block, a YAML block scalar or a
Markdown front matter gets no action rather than a comment that would hide nothing or change
what the document says.
"""

from __future__ import annotations

import re

import attrs
import yaml

from chrono import suppressions
from chrono.rulebase import Rule
from chrono.server.positions import LineMap


@attrs.frozen
class Edit:
    """Replace the code points ``[start, end)`` of the text with ``text``."""

    start: int
    end: int
    text: str

    def applied(self, document: str) -> str:
        return document[: self.start] + self.text + document[self.end :]


_FRONT_MATTER_END = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


def _in_front_matter(text: str, offset: int, suffix: str) -> bool:
    if suffix not in suppressions.MARKDOWN_SUFFIXES:
        return False
    front = _FRONT_MATTER_END.match(text)
    return front is not None and offset <= front.end()


def _comment(suffix: str, code: str) -> str:
    if suffix in suppressions.HASH_SUFFIXES:
        return f"  # chrono: ignore[{code}]"
    return f" <!-- chrono: ignore[{code}] -->"


def _directive_on(marks: tuple[suppressions.Suppression, ...], line: int) -> suppressions.Suppression | None:
    """A directive with codes written on the 1-based ``line`` and applying to that line."""
    for mark in marks:
        if mark.codes is not None and mark.first_line == mark.last_line == line:
            return mark
    return None


def suppression_edit(text: str, suffix: str, line: int, code: str) -> Edit | None:
    """The edit that suppresses rule ``code`` on the 0-based ``line`` of the text (protocol
    lines), or None when no comment can do it safely."""
    suffix = suffix.lower()
    lines = LineMap.of(text)
    if suffix in suppressions.NO_COMMENT_SUFFIXES or not 0 <= line < len(lines.starts):
        return None
    start, end = lines.starts[line], lines.ends[line]
    if _in_front_matter(text, start, suffix):
        return None
    marks = suppressions.parse(text, suffix)
    existing = _directive_on(marks, line + 1)
    if existing is not None and start <= existing.span.start < end:
        directive = text[existing.span.start : existing.span.end]
        at = existing.span.start + directive.rindex("]")
        separator = ", " if existing.codes else ""
        edit = Edit(at, at, f"{separator}{code}")
    else:
        edit = Edit(end, end, _comment(suffix, code))
    return edit if _suppresses(text, edit, suffix, line + 1, code) else None


def _suppresses(text: str, edit: Edit, suffix: str, line: int, code: str) -> bool:
    edited = edit.applied(text)
    covers = any(
        mark.first_line <= line <= mark.last_line
        and mark.codes is not None
        and any(suppressions.code_matches(code, "", c) for c in mark.codes)
        for mark in suppressions.parse(edited, suffix)
    )
    if not covers:
        return False
    if suffix in suppressions.HASH_SUFFIXES:
        return _same_yaml(text, edited)
    return True


def _same_yaml(before: str, after: str) -> bool:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return bool(yaml.load(before, Loader=loader) == yaml.load(after, Loader=loader))
    except yaml.YAMLError:
        return False


def rule_page(rule: type[Rule]) -> str:
    """A rule's documentation as a Markdown page (what ``chrono explain CODE`` prints)."""
    out = [f"# {rule.code} {rule.name}", "", f"Default severity: **{rule.severity.label}**. {rule.summary}"]
    for heading, body in rule.sections().items():
        out += ["", f"## {heading}", "", body]
    return "\n".join(out) + "\n"
