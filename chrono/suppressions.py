"""Inline suppressions: ``chrono: ignore[CHR201]`` and bare ``chrono: ignore`` comments.

The comment uses the document's own comment syntax: ``#`` in YAML, ``<!-- ... -->`` in
Markdown, HTML, plain text and TimeML (JSON has no comments; use ``per-file-ignores``).

- A comment after content on a line applies to that line.
- A comment on a line of its own applies to the block that follows it: in YAML the next line
  and the lines indented below it (a whole list item, or a whole ``events:`` section); elsewhere
  the next paragraph (up to a blank line). Stacked comment lines all apply to the same block.

In Markdown, a comment inside code (fenced or indented code block, inline code span) shows the
syntax to a reader: it is no directive, neither hiding findings nor reported as unused.

A finding is suppressed when one of the lines it cites (any of its spans) lies in the range and
its code matches (codes, prefixes or kebab-case names, comma-separated). Suppressions that hide
nothing are reported as CHR004 ``unused-suppression``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.model import Finding, Span

DIRECTIVE = lazy_compile(r"chrono:[ \t]*ignore(?:\[(?P<codes>[^\]\n]*)\])?(?![\w\[-])")
_HTML_COMMENT = lazy_compile(r"<!--(.*?)-->", re.DOTALL)
HASH_SUFFIXES = frozenset({".yaml", ".yml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
NO_COMMENT_SUFFIXES = frozenset({".json"})


@attrs.frozen
class Suppression:
    """One directive: the codes it names (``None``: all) and the lines it covers (inclusive;
    ``last_line < first_line`` when there is nothing to cover)."""

    codes: tuple[str, ...] | None
    first_line: int
    last_line: int
    span: Span

    def covers(self, finding: Finding) -> bool:
        lines = {span.line for span in finding.spans} or {1}
        if not any(self.first_line <= line <= self.last_line for line in lines):
            return False
        return self.codes is None or any(code_matches(finding.rule, finding.name, c) for c in self.codes)


def code_matches(rule: str, name: str, selector: str) -> bool:
    selector = selector.strip()
    return bool(selector) and (rule.startswith(selector.upper()) or name == selector.lower())


def _codes(raw: str | None) -> tuple[str, ...] | None:
    if raw is None:
        return None
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _hash_comment_start(line: str) -> int:
    """Where a YAML comment starts on the line (-1 for none); quotes are respected."""
    quote: str | None = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"" and (i == 0 or line[i - 1] in " \t:[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return -1


def _is_comment_line(line: str, style: str) -> bool:
    stripped = line.strip()
    if style == "hash":
        return stripped.startswith("#")
    return stripped.startswith("<!--") and stripped.endswith("-->")


def _block_after(lines: Sequence[str], last_comment_line: int, style: str) -> tuple[int, int]:
    """The 1-based inclusive line range of the block after a standalone comment."""
    j = last_comment_line  # 0-based index of the line after the comment
    while j < len(lines) and (not lines[j].strip() or _is_comment_line(lines[j], style)):
        j += 1
    if j >= len(lines):
        return last_comment_line + 1, last_comment_line
    last = j
    if style == "hash":
        base = _indent(lines[j])
        opens_block = lines[j].rstrip().endswith(":")
        k = j + 1
        while k < len(lines):
            line = lines[k]
            if not line.strip() or _is_comment_line(line, style):
                k += 1
                continue
            indent = _indent(line)
            if indent > base or (opens_block and indent == base and line.lstrip().startswith("- ")):
                last = k
                k += 1
            else:
                break
    else:
        k = j + 1
        while k < len(lines) and lines[k].strip():
            last = k
            k += 1
    return j + 1, last + 1


def parse(text: str, suffix: str) -> tuple[Suppression, ...]:
    """Every suppression directive in a document, in order."""
    suffix = suffix.lower()
    if suffix in NO_COMMENT_SUFFIXES or "chrono:" not in text:
        return ()
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found: list[Suppression] = []
    if suffix in HASH_SUFFIXES:
        for number, line in enumerate(lines, start=1):
            if "chrono:" not in line:
                continue
            at = _hash_comment_start(line)
            if at < 0:
                continue
            match = DIRECTIVE.search(line, at)
            if match is None:
                continue
            span = Span(starts[number - 1] + match.start(), starts[number - 1] + match.end(), "primary")
            if line[:at].strip():
                first, last = number, number
            else:
                first, last = _block_after(lines, number, "hash")
            found.append(Suppression(_codes(match.group("codes")), first, last, span))
        return tuple(found)
    # In Markdown, a comment shown in a code block (fenced, indented or inline) is an example of
    # the syntax, not a directive: it is read from the text with the code blanked.
    if suffix in MARKDOWN_SUFFIXES:
        from chrono.text.markup import without_code  # the prose reader's view, for Markdown only

        comments = without_code(text)
    else:
        comments = text
    for comment in _HTML_COMMENT.finditer(comments):
        match = DIRECTIVE.search(comment.group(1))
        if match is None:
            continue
        offset = comment.start(1)
        span = Span(offset + match.start(), offset + match.end(), "primary")
        first_line = bisect.bisect_right(starts, comment.start())
        last_line = bisect.bisect_right(starts, comment.end())
        before = lines[first_line - 1][: comment.start() - starts[first_line - 1]]
        after = lines[last_line - 1][comment.end() - starts[last_line - 1] :]
        if before.strip() or after.strip():
            first, last = first_line, last_line
        else:
            first, last = _block_after(lines, last_line, "html")
        found.append(Suppression(_codes(match.group("codes")), first, last, span))
    return tuple(found)


@attrs.frozen
class Unused:
    """A suppression that hid nothing (``codes`` None) or some of whose codes hid nothing."""

    suppression: Suppression
    codes: tuple[str, ...] | None = None
    unknown: tuple[str, ...] = ()


def apply(
    findings: Iterable[Finding],
    suppressions: Sequence[Suppression],
    enabled: Iterable[tuple[str, str]],
    known: Iterable[tuple[str, str]],
) -> tuple[list[Finding], int, list[Unused]]:
    """Drop the suppressed findings of one file.

    ``enabled`` are the (code, name) of the rules that ran on the file, ``known`` those of all
    rules. Returns the kept findings, the number suppressed, and the unused suppressions.
    """
    kept: list[Finding] = []
    suppressed = 0
    used: dict[int, set[str]] = {}
    near = _LineIndex(suppressions)
    for finding in findings:
        hit = False
        for index in near.candidates(finding):
            suppression = suppressions[index]
            if suppression.covers(finding):
                hit = True
                matched = used.setdefault(index, set())
                if suppression.codes is None:
                    matched.add("")
                else:
                    matched.update(
                        c for c in suppression.codes if code_matches(finding.rule, finding.name, c)
                    )
        if hit:
            suppressed += 1
        else:
            kept.append(finding)
    enabled_rules, known_rules = list(enabled), list(known)
    unused: list[Unused] = []
    for index, suppression in enumerate(suppressions):
        matched = used.get(index, set())
        if suppression.codes is None:
            if not matched:
                unused.append(Unused(suppression))
            continue
        unknown = tuple(
            c for c in suppression.codes if not any(code_matches(r, n, c) for r, n in known_rules)
        )
        idle = tuple(
            c
            for c in suppression.codes
            if c not in unknown and c not in matched and any(code_matches(r, n, c) for r, n in enabled_rules)
        )
        if unknown or idle:
            unused.append(Unused(suppression, idle, unknown))
    return kept, suppressed, unused


# A suppression covering more lines than this is tried for every finding instead of being
# entered line by line (a YAML comment above a whole section covers it all).
_WIDE = 64


class _LineIndex:
    """Which suppressions may cover a finding, by the lines it cites: a document with a
    suppression in every paragraph must not try each of them for each finding."""

    def __init__(self, suppressions: Sequence[Suppression]) -> None:
        self.by_line: dict[int, list[int]] = {}
        self.wide: list[int] = []
        for index, suppression in enumerate(suppressions):
            if suppression.last_line - suppression.first_line >= _WIDE:
                self.wide.append(index)
                continue
            for line in range(suppression.first_line, suppression.last_line + 1):
                self.by_line.setdefault(line, []).append(index)

    def candidates(self, finding: Finding) -> list[int]:
        """Indices of the suppressions that may cover ``finding``, in order."""
        lines = {span.line for span in finding.spans} or {1}
        found = set(self.wide)
        for line in lines:
            found.update(self.by_line.get(line, ()))
        return sorted(found)


def describe(unused: Unused) -> str:
    parts: list[str] = []
    if unused.suppression.codes is None:
        return "unused suppression: `chrono: ignore` hides no finding here"
    if unused.codes:
        parts.append(
            f"{', '.join(unused.codes)} {'has' if len(unused.codes) == 1 else 'have'} no finding here"
        )
    if unused.unknown:
        verb = "is" if len(unused.unknown) == 1 else "are"
        parts.append(f"{', '.join(unused.unknown)} {verb} not a rule")
    return "unused suppression: " + "; ".join(parts)
