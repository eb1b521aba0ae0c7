"""Findings -> text and JSON. Pure functions from a report (and the documents' text) to strings."""

from __future__ import annotations

from collections.abc import Mapping

from chrono.model import Finding, LocatedSpan, Severity
from chrono.printable import for_terminal, utf8_json
from chrono.results import Report

JSON_VERSION = 1

_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_BOLD, _DIM, _BLUE, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[34m", "\x1b[0m"


def to_json(report: Report) -> str:
    data = {
        "version": JSON_VERSION,
        "findings": [finding.to_json() for finding in report.findings],
        "summary": report.summary(),
    }
    return utf8_json(data, indent=2) + "\n"


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text


EXCERPT_WIDTH = 100


def _window(text: str, first: int, last: int) -> tuple[str, int, int]:
    """Cut a long line (a paragraph of prose) to about EXCERPT_WIDTH characters around the
    marked columns [first, last); returns the text and the columns moved to match."""
    if len(text) <= EXCERPT_WIDTH:
        return text, first, last
    begin = max(0, min(first - 1 - 20, len(text) - EXCERPT_WIDTH))
    end = min(len(text), begin + EXCERPT_WIDTH)
    lead = "…" if begin > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = begin - len(lead)
    return lead + text[begin:end] + tail, first - shift, min(last, end + 1) - shift


def excerpt_lines(text: str) -> list[str]:
    """A document's lines as excerpts show them: tabs as spaces, carriage returns dropped.
    Made once per file: a single-line document of megabytes has thousands of findings on its
    one line, and cleaning the line again for each of them was quadratic."""
    return text.replace("\t", " ").replace("\r", "").split("\n")


def _excerpt(span: LocatedSpan, lines: list[str], paint: _Paint) -> list[str]:
    """The cited source line(s) (from :func:`excerpt_lines`) with a caret marker under the span."""
    if lines == [""] or span.line > len(lines):  # an unreadable or empty document: nothing to show
        return []
    width = len(str(span.end_line))
    gutter = " " * width
    out = []
    for number in range(span.line, min(span.end_line, span.line + 2) + 1):
        text = lines[number - 1]
        first = span.column if number == span.line else 1
        last = span.end_column if number == span.end_line else len(text) + 1
        if number != span.line and number == span.end_line and last == 1:
            break
        text, first, last = _window(text, first, last)
        # control characters shown escaped, the marker moved to stay under the same words
        first, last = len(for_terminal(text[: first - 1])) + 1, len(for_terminal(text[: last - 1])) + 1
        text = for_terminal(text)
        out.append(paint(_BLUE, f"  {number:>{width}} | ") + text)
        marker = " " * (first - 1) + "^" * max(1, last - first)
        out.append(paint(_BLUE, f"  {gutter} | ") + paint(_BOLD, marker))
    return out


def format_finding(finding: Finding, lines: list[str], paint: _Paint) -> list[str]:
    """The finding as terminal lines: file names and cited words have their control and bidi
    characters escaped (chrono.printable), so a document cannot act on the terminal."""
    severity = paint(_COLORS[finding.severity], finding.severity.label)
    path = for_terminal(finding.path)
    head = (
        f"{paint(_BOLD, f'{path}:{finding.line}:{finding.column}:')} "
        f"{paint(_BOLD, finding.rule)} {severity} [{finding.name}] {for_terminal(finding.message)}"
    )
    out = [head]
    if finding.spans:
        out.extend(_excerpt(finding.spans[0], lines, paint))
    if finding.explanation:
        out.append(paint(_DIM, "  = these cannot all hold:"))
        for number, step in enumerate(finding.explanation, start=1):
            where = for_terminal(step.where(finding.path))
            out.append(f"    {number}. {for_terminal(step.text)}  {paint(_DIM, '(' + where + ')')}")
            if step.here is not None and step.here.line != finding.line:
                out.extend("    " + line for line in _excerpt(step.here, lines, paint))
    return out


def to_text(report: Report, sources: Mapping[str, str], color: bool = False) -> str:
    paint = _Paint(color)
    blocks = []
    split: dict[str, list[str]] = {}  # each file's lines, split once: a big file has many findings
    for finding in report.findings:
        if finding.path not in split:
            split[finding.path] = excerpt_lines(sources.get(finding.path, ""))
        blocks.append("\n".join(format_finding(finding, split[finding.path], paint)))
    summary = report.summary()
    counts = summary["by_severity"]
    assert isinstance(counts, dict)
    parts = [f"{n} {label}{'s' if n != 1 else ''}" for label, n in counts.items() if n]
    files = report.file_count
    tail = (
        f"Found {', '.join(parts)} in {files} file{'s' if files != 1 else ''}."
        if parts
        else f"All clear: {files} file{'s' if files != 1 else ''} checked, no findings."
    )
    blocks.append(paint(_BOLD, tail))
    return "\n\n".join(blocks) + "\n"
