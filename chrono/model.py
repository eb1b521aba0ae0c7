"""The value types every stage passes on: documents, spans, events, claims and findings.

All of them are attrs frozen classes. Claims are the statements chrono reasons about; each one
keeps the span of the words (or file lines) it came from, so an explanation can always point
back at the source.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Mapping
from typing import Any

import attrs

from chrono.layout import Layout
from chrono.periods import Period, format_instant, format_length


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {text!r} (expected one of: {names})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Grade(enum.IntEnum):
    """How sure a reading is. A claim that rests on an uncertain reading (a doubtful link between
    two mentions of an event, a date that a heading only suggests) is WEAK: a conflict that needs
    it is reported as a warning at most, never as an error."""

    WEAK = 1
    STRONG = 2


def grade_of(claim: object) -> Grade:
    return getattr(claim, "grade", Grade.STRONG)


class Side(enum.Enum):
    START = "start"
    END = "end"


@attrs.frozen
class Span:
    """A stretch of a document: code-point offsets ``[start, end)`` and the role it plays."""

    start: int
    end: int
    role: str = "cited"
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@attrs.frozen
class LineIndex:
    """Maps code-point offsets to 1-based line and column numbers."""

    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        find = text.find
        newline = find("\n")
        while newline != -1:
            starts.append(newline + 1)
            newline = find("\n", newline + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self.line_starts[line - 1] + column - 1


@attrs.frozen
class Document:
    """One input file, decoded. ``text`` is the whole decoded content (front matter included)."""

    path: str
    text: str
    kind: str
    dct: Period | None = None
    dct_value: str | None = None
    dct_source: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict)
    # headings, list items, table rows, datelines, paragraphs (prose documents; chrono.layout)
    layout: Layout = attrs.field(factory=Layout)

    @functools.cached_property
    def lines(self) -> LineIndex:
        """Line starts, built on first use (most documents with no finding never need them)."""
        return LineIndex.of(self.text)

    def snippet(self, span: Span) -> str:
        return self.text[span.start : span.end]


@attrs.frozen
class Event:
    """Something that happened or holds, with two endpoints ``start <= end``."""

    id: str
    text: str
    span: Span
    key: str | None = None
    event_class: str | None = None
    # the other words that name it ("the visit" after "visited"): role "mention", the note says
    # why they were read as this event and whether that reading is certain
    mentions: tuple[Span, ...] = ()


@attrs.frozen
class Endpoint:
    event: str
    side: Side

    def __str__(self) -> str:
        return f"{self.event}.{self.side.value}"


# ---------------------------------------------------------------------------------------------
# Relations


class Relation(enum.Enum):
    """The TimeML relation set plus the plain-word ``overlaps``."""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    IBEFORE = "IBEFORE"
    IAFTER = "IAFTER"
    INCLUDES = "INCLUDES"
    IS_INCLUDED = "IS_INCLUDED"
    DURING = "DURING"
    DURING_INV = "DURING_INV"
    BEGINS = "BEGINS"
    BEGUN_BY = "BEGUN_BY"
    ENDS = "ENDS"
    ENDED_BY = "ENDED_BY"
    SIMULTANEOUS = "SIMULTANEOUS"
    IDENTITY = "IDENTITY"
    OVERLAPS = "OVERLAPS"

    @property
    def converse(self) -> Relation:
        return _CONVERSE[self]

    @property
    def phrase(self) -> str:
        return _PHRASES[self]


_CONVERSE_PAIRS = [
    (Relation.BEFORE, Relation.AFTER),
    (Relation.IBEFORE, Relation.IAFTER),
    (Relation.INCLUDES, Relation.IS_INCLUDED),
    (Relation.DURING, Relation.DURING_INV),
    (Relation.BEGINS, Relation.BEGUN_BY),
    (Relation.ENDS, Relation.ENDED_BY),
]
_CONVERSE: dict[Relation, Relation] = {
    Relation.SIMULTANEOUS: Relation.SIMULTANEOUS,
    Relation.IDENTITY: Relation.IDENTITY,
    Relation.OVERLAPS: Relation.OVERLAPS,
}
for _a, _b in _CONVERSE_PAIRS:
    _CONVERSE[_a], _CONVERSE[_b] = _b, _a

_PHRASES: dict[Relation, str] = {
    Relation.BEFORE: "ends before {b} starts",
    Relation.AFTER: "starts after {b} ends",
    Relation.IBEFORE: "ends exactly when {b} starts",
    Relation.IAFTER: "starts exactly when {b} ends",
    Relation.INCLUDES: "contains {b}",
    Relation.IS_INCLUDED: "lies within {b}",
    Relation.DURING: "lies within {b}",
    Relation.DURING_INV: "contains {b}",
    Relation.BEGINS: "starts when {b} starts and ends no later",
    Relation.BEGUN_BY: "starts when {b} starts and ends no earlier",
    Relation.ENDS: "ends when {b} ends and starts no earlier",
    Relation.ENDED_BY: "ends when {b} ends and starts no later",
    Relation.SIMULTANEOUS: "starts and ends with {b}",
    Relation.IDENTITY: "is the same event as {b}",
    Relation.OVERLAPS: "overlaps {b}",
}


class Part(enum.Enum):
    """Which part of an event a period claim is about."""

    START = "start"
    END = "end"
    WHOLE = "whole"


class Qualifier(enum.Enum):
    """How an event part relates to a period (the words of timeline files and signals)."""

    IN = "in"
    BY = "by"
    BEFORE = "before"
    AFTER = "after"
    SINCE = "since"
    ON_OR_AFTER = "on or after"
    UNTIL = "until"


# ---------------------------------------------------------------------------------------------
# Claims


@attrs.frozen
class EventExists:
    """The implicit claim of every event: it does not end before it starts."""

    event: str
    span: Span

    def describe(self) -> str:
        return f"{self.event} cannot end before it starts"


@attrs.frozen
class PeriodClaim:
    """Part of an event related to a calendar period ("end: by 2025-03")."""

    event: str
    part: Part
    qualifier: Qualifier
    period: Period
    span: Span
    # "since X" also says the event is still going at the DCT.
    ongoing_at: int | None = None
    # ... and so it had started before the DCT period ends (the DCT's end instant)
    started_by: int | None = None

    def describe(self) -> str:
        subject = {
            Part.START: f"{self.event} starts",
            Part.END: f"{self.event} ends",
            Part.WHOLE: f"{self.event} happens",
        }[self.part]
        value = self.period.value or self.period.describe()
        words = f"{subject} {self.qualifier.value} {value}"
        bound = _period_bound_words(self.part, self.qualifier, self.period)
        if self.ongoing_at is not None:
            bound += f", still going at {format_instant(self.ongoing_at)}"
        return f"{words} ({bound})" if bound else words


def _period_bound_words(part: Part, qualifier: Qualifier, period: Period) -> str:
    lo = None if period.start is None else format_instant(period.start)
    hi = None if period.end is None else format_instant(period.end)
    if qualifier is Qualifier.BY and part is Part.START and period.length is not None and period.length > 0:
        return f"before {hi}"  # a start within the period at the latest
    if qualifier in (Qualifier.BY, Qualifier.UNTIL):
        return f"no later than {hi}" if hi else ""
    if qualifier is Qualifier.BEFORE:
        return f"no later than {lo}" if lo else ""
    if qualifier is Qualifier.AFTER:
        return f"no earlier than {hi}" if hi else ""
    if qualifier is Qualifier.ON_OR_AFTER:
        return f"no earlier than {lo}" if lo else ""
    return f"between {lo or '-inf'} and {hi or '+inf'}"


@attrs.frozen
class Gap:
    """A metric offset in seconds: ``lower <= distance <= upper`` (``None`` = unbounded)."""

    lower: int | None
    upper: int | None
    text: str = ""

    def __attrs_post_init__(self) -> None:
        if self.lower is not None and self.upper is not None and self.upper < self.lower:
            raise ValueError(f"offset range is empty: {self.lower} > {self.upper}")

    def words(self) -> str:
        """The bounds in words: 'exactly 2 days', '2 days to 3 days', 'at least 6 months' ..."""
        if self.lower is not None and self.upper is not None:
            if self.lower == self.upper:
                return f"exactly {format_length(self.lower)}"
            if self.lower == 0:
                return f"at most {format_length(self.upper)}"
            return f"{format_length(self.lower)} to {format_length(self.upper)}"
        if self.lower is not None:
            return f"at least {format_length(self.lower)}" if self.lower else "any time"
        if self.upper is not None:
            return f"at most {format_length(self.upper)}"
        return "any time"

    def phrase(self) -> str:
        """The source wording with its reading: "'6-8 months' (168 days to 248 days)"."""
        words = self.words()
        if not self.text or self.text == words:
            return words
        return f"'{self.text}' ({words})"


@attrs.frozen
class RelationClaim:
    """``a <relation> b``, optionally with a metric gap (for before/after: between the facing
    endpoints, e.g. "b starts 2-3 days after a ends")."""

    a: str
    relation: Relation
    b: str
    span: Span
    gap: Gap | None = None

    def describe(self) -> str:
        text = f"{self.a} {self.relation.phrase.format(b=self.b)}"
        if self.gap is None:
            return text
        return f"{text}, {self.gap.phrase()} apart"


@attrs.frozen
class GapClaim:
    """``second - first`` lies within the gap: "B starts 2-3 days after A starts"."""

    first: Endpoint
    second: Endpoint
    gap: Gap
    span: Span

    def describe(self) -> str:
        gap = self.gap
        if gap.upper is None and gap.lower in (None, 0, 1) and not gap.text:
            # a bare ordering: "strictly after" is one second on the model's axis
            order = "after" if gap.lower == 1 else "no earlier than"
            return f"{self.second} comes {order} {self.first}"
        return f"{self.second} comes {gap.phrase()} after {self.first}"


@attrs.frozen
class DurationClaim:
    """``end - start`` of an event lies within the gap ("a ten-day visit")."""

    event: str
    gap: Gap
    span: Span

    def describe(self) -> str:
        return f"{self.event} lasts {self.gap.phrase()}"


Claim = EventExists | PeriodClaim | RelationClaim | GapClaim | DurationClaim


# ---------------------------------------------------------------------------------------------
# Findings


@attrs.frozen
class LocatedSpan:
    start: int
    end: int
    text: str
    role: str
    note: str
    line: int
    column: int
    end_line: int
    end_column: int

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text, "role": self.role}
        if self.note:
            data["note"] = self.note
        data.update(line=self.line, column=self.column, end_line=self.end_line, end_column=self.end_column)
        return data


@attrs.frozen
class ExplanationStep:
    """One claim of a conflict chain, in chain order. ``path`` is set when the claim is in
    another document than the finding's (a corpus rule's chain crosses documents): its span is
    then located in that document."""

    text: str
    span: LocatedSpan | None
    path: str | None = None

    @property
    def here(self) -> LocatedSpan | None:
        """The span when it lies in the finding's own document (what may be highlighted there)."""
        return self.span if self.path is None else None

    def where(self, finding_path: str) -> str:
        """'path:line:column' of the claim ('path' alone when it has no span)."""
        path = self.path or finding_path
        return f"{path}:{self.span.line}:{self.span.column}" if self.span else path

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"claim": self.text}
        if self.path is not None:
            data["path"] = self.path
        if self.span is not None:
            data["line"] = self.span.line
            data["column"] = self.span.column
            data["text"] = self.span.text
            data["start"] = self.span.start
            data["end"] = self.span.end
        return data


@attrs.frozen
class Finding:
    rule: str
    name: str
    severity: Severity
    path: str
    message: str
    spans: tuple[LocatedSpan, ...]
    explanation: tuple[ExplanationStep, ...] = ()

    @property
    def line(self) -> int:
        return self.spans[0].line if self.spans else 1

    @property
    def column(self) -> int:
        return self.spans[0].column if self.spans else 1

    @property
    def end_line(self) -> int:
        return self.spans[0].end_line if self.spans else 1

    @property
    def end_column(self) -> int:
        return self.spans[0].end_column if self.spans else 1

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.label,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "spans": [span.to_json() for span in self.spans],
            "explanation": [step.to_json() for step in self.explanation],
        }


def locate(document: Document, span: Span) -> LocatedSpan:
    line, column = document.lines.position(span.start)
    end_line, end_column = document.lines.position(span.end)
    return LocatedSpan(
        span.start, span.end, document.snippet(span), span.role, span.note, line, column, end_line, end_column
    )
