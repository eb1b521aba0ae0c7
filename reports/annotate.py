"""What the document page highlights: annotations over the text, and the text cut into lines and
segments so that overlapping annotations render as flat, properly nested HTML.

Annotations come from *providers*, one per kind of thing an analysis can know about a stretch of
text: events, claims, temporal expressions and the spans findings cite. Everything shown is what
the check read (the :class:`chrono.analysis.Analysis`); nothing is read again here, so the page
can never disagree with the findings. A new kind of analysis only needs to fill the same fields
(``events``, ``claims``, ``timexes``) to be highlighted.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from chrono.analysis import Analysis
from chrono.model import (
    Claim,
    Document,
    DurationClaim,
    EventExists,
    Finding,
    GapClaim,
    PeriodClaim,
    RelationClaim,
)
from chrono.network import Bounds, claim_events
from chrono.periods import Period, parse_value

from .instants import instant_words, period_words

# Kinds in the order their highlights stack (later ones are drawn on top).
KINDS = ("event", "claim", "timex", "signal", "cited", "finding")
KIND_LABELS = {
    "event": "event",
    "claim": "dated statement",
    "timex": "temporal expression",
    "signal": "signal word",
    "cited": "cited by a finding",
    "finding": "finding",
}
# Kinds that belong to a finding: shown in the finding's box, not in the table of everything read.
FINDING_KINDS = ("finding", "cited")


@attrs.frozen
class Annotation:
    """One highlighted stretch ``[start, end)`` of a document, with what chrono knows about it."""

    id: str
    start: int
    end: int
    kind: str
    label: str
    value: str = ""
    interval: str = ""
    details: tuple[tuple[str, str], ...] = ()
    finding: str | None = None  # anchor of the finding this span belongs to
    severity: str | None = None
    role: str | None = None
    subject: str | None = None  # the event an "event" annotation stands for

    @property
    def listed(self) -> bool:
        """Whether the annotation has a row in the page's table of everything read."""
        return self.kind not in FINDING_KINDS

    def tooltip(self) -> dict[str, Any]:
        """What its hover card needs that the page does not already show: the script reads kind,
        label, value and interval from the annotation's table row, so only the details, and the
        words of a finding's spans (which have no row), are repeated here."""
        data: dict[str, Any] = {}
        if not self.listed:
            data.update(kind=self.kind, kindLabel=KIND_LABELS.get(self.kind, self.kind),
                        label=visible(self.label), value=visible(self.value))
            if self.interval:
                data["interval"] = self.interval
            if self.severity:
                data["severity"] = self.severity
        if self.details:
            data["details"] = [[visible(key), visible(value)] for key, value in self.details]
        return data


# ---------------------------------------------------------------------------------------------
# Wording of bounds


def instant_text(instant: int | None, unbounded: str) -> str:
    if instant is None:
        return unbounded
    # Strict order is one second on the model's axis ("after" = at least 1 s later), and a
    # chain of "after"s adds a second per step: a bound a few seconds off a whole minute
    # (00:00:02, 23:59:58) is shown at the minute it stands for.
    off = instant % 60
    if off <= _STRICT_STEPS:
        instant -= off
    elif off >= 60 - _STRICT_STEPS:
        instant += 60 - off
    return instant_words(instant)


# How many one-second strictness steps a shown bound may carry before its seconds are kept.
_STRICT_STEPS = 5


def window_text(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None and lo == hi:
        return instant_words(lo)
    return f"{instant_text(lo, 'any time')} … {instant_text(hi, 'any time')}"


def bounds_text(bounds: Bounds | None) -> str:
    if bounds is None:
        return ""
    return (
        f"starts {window_text(bounds.earliest_start, bounds.latest_start)}; "
        f"ends {window_text(bounds.earliest_end, bounds.latest_end)}"
    )


def period_text(period: Period) -> str:
    return period_words(period)


def claim_text(claim: Claim) -> str:
    """The claim in the check's words (the model words bounds past the calendar too)."""
    return claim.describe()


def _timex_interval(value: str, document: Document) -> str:
    try:
        return period_text(parse_value(value, dct=document.dct))
    except Exception:  # a value the model cannot place has no interval to show
        return ""


# ---------------------------------------------------------------------------------------------
# Providers


class _Ids:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"a{self.count}"


def _valid(start: int, end: int, length: int) -> bool:
    return 0 <= start <= end <= length


def _claim_label(claim: Claim) -> str:
    if isinstance(claim, PeriodClaim):
        return f"date of {claim.event} ({claim.part.value})"
    if isinstance(claim, RelationClaim):
        return f"{claim.a} {claim.relation.value.lower().replace('_', ' ')} {claim.b}"
    if isinstance(claim, GapClaim):
        return f"offset {claim.first} → {claim.second}"
    if isinstance(claim, DurationClaim):
        return f"duration of {claim.event}"
    return "statement"


def _event_annotations(analysis: Analysis, new_id: _Ids) -> Iterator[Annotation]:
    bounds = analysis.solution.bounds if analysis.solution else {}
    length = len(analysis.document.text)
    for event in analysis.events:
        if not _valid(event.span.start, event.span.end, length):
            continue
        details = [("id", event.id)]
        if event.event_class:
            details.append(("class", event.event_class))
        if event.key:
            details.append(("key", event.key))
        lines = analysis.document.lines
        for mention in event.mentions:
            line, column = lines.position(mention.start)
            words = " ".join(analysis.document.text[mention.start:mention.end].split())
            details.append(("also named", f"“{words}” at {line}:{column}"))
        yield Annotation(
            new_id(),
            event.span.start,
            event.span.end,
            "event",
            f"event {event.id}",
            event.text,
            bounds_text(bounds.get(event.id)),
            tuple(details),
            subject=event.id,
        )
        for mention in event.mentions:
            if not _valid(mention.start, mention.end, length):
                continue
            yield Annotation(
                new_id(),
                mention.start,
                mention.end,
                "event",
                f"event {event.id}",
                analysis.document.text[mention.start:mention.end],
                bounds_text(bounds.get(event.id)),
                (("mention of", event.id), ("why", mention.note)),
                subject=None,
            )


def _claim_annotations(analysis: Analysis, new_id: _Ids) -> Iterator[Annotation]:
    solution = analysis.solution
    dropped = solution.dropped if solution else frozenset()
    bounds = solution.bounds if solution else {}
    length = len(analysis.document.text)
    for index, claim in enumerate(analysis.claims):
        if isinstance(claim, EventExists) or not _valid(claim.span.start, claim.span.end, length):
            continue
        details: list[tuple[str, str]] = []
        for event in dict.fromkeys(claim_events(claim)):
            if event in bounds:
                details.append((event, bounds_text(bounds[event])))
        if index in dropped:
            details.append(("note", "left out of the bounds: part of a contradiction"))
        interval = period_text(claim.period) if isinstance(claim, PeriodClaim) else ""
        yield Annotation(
            new_id(),
            claim.span.start,
            claim.span.end,
            "claim",
            _claim_label(claim),
            claim_text(claim),
            interval,
            tuple(details),
        )


def _timex_annotations(analysis: Analysis, new_id: _Ids) -> Iterator[Annotation]:
    document = analysis.document
    length = len(document.text)
    for timex in analysis.timexes:
        if not _valid(timex.start, timex.end, length):
            continue
        value = timex.value
        details = [("type", timex.type)]
        if timex.mod:
            details.append(("mod", timex.mod))
        yield Annotation(
            new_id(),
            timex.start,
            timex.end,
            "timex",
            f"{timex.type} {value}",
            value,
            _timex_interval(value, document),
            tuple(details),
        )
        s_start, s_end = timex.signal_start, timex.signal_end
        if s_start is not None and s_end is not None and _valid(s_start, s_end, length):
            signal = timex.signal or document.text[s_start:s_end]
            yield Annotation(new_id(), s_start, s_end, "signal", f"signal “{signal}”", f"ties to {value}")


Provider = Callable[[Analysis, _Ids], Iterator[Annotation]]
PROVIDERS: tuple[Provider, ...] = (_event_annotations, _claim_annotations, _timex_annotations)


@attrs.frozen
class Annotated:
    annotations: tuple[Annotation, ...]
    # finding index -> annotation ids of its spans (in the order the finding lists them)
    finding_spans: Mapping[int, tuple[str, ...]]
    # finding index -> explanation step index -> annotation id (or None)
    step_targets: Mapping[int, tuple[str | None, ...]]


def annotate(analysis: Analysis, findings: Sequence[Finding], anchors: Sequence[str]) -> Annotated:
    """Every annotation of a document; ``anchors[i]`` is the page anchor of ``findings[i]``."""
    new_id = _Ids()
    annotations: list[Annotation] = []
    for provider in PROVIDERS:
        annotations.extend(provider(analysis, new_id))
    by_range: dict[tuple[int, int], str] = {}
    for annotation in annotations:
        by_range.setdefault((annotation.start, annotation.end), annotation.id)
    length = len(analysis.document.text)
    finding_spans: dict[int, tuple[str, ...]] = {}
    step_targets: dict[int, tuple[str | None, ...]] = {}
    for number, finding in enumerate(findings):
        ids = []
        for span in finding.spans:
            if not _valid(span.start, span.end, length):
                continue
            annotation = Annotation(
                new_id(),
                span.start,
                span.end,
                "finding",
                f"{finding.rule} {finding.name}",
                finding.message,
                finding=anchors[number],
                severity=finding.severity.label,
                role=span.role,
            )
            annotations.append(annotation)
            by_range.setdefault((span.start, span.end), annotation.id)
            ids.append(annotation.id)
        finding_spans[number] = tuple(ids)
        targets: list[str | None] = []
        for step in finding.explanation:
            if step.here is None or not _valid(step.here.start, step.here.end, length):
                targets.append(None)
                continue
            key = (step.here.start, step.here.end)
            if key not in by_range:
                cited = Annotation(
                    new_id(), key[0], key[1], "cited", "cited", step.text, finding=anchors[number]
                )
                annotations.append(cited)
                by_range[key] = cited.id
            targets.append(by_range[key])
        step_targets[number] = tuple(targets)
    return Annotated(tuple(annotations), finding_spans, step_targets)


# ---------------------------------------------------------------------------------------------
# Text -> lines -> segments

# Characters that would change how the text around them looks (bidi controls, invisible
# characters) are shown as visible markers instead of being passed to the browser.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}


def _is_control(ch: str) -> bool:
    if ch == "\t":
        return False
    return ch in _BIDI or ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp")


def visible(text: str) -> str:
    """``text`` for a label or a table cell: line breaks become spaces and the characters that
    would change how the text around them looks are named instead ("[U+202E]")."""
    if text.isprintable():
        return text
    return "".join(
        " " if ch in "\n\r\t" else (f"[U+{ord(ch):04X}]" if _is_control(ch) else ch) for ch in text
    )


@attrs.frozen
class Piece:
    text: str
    # for a control character: its code point and name, shown instead of the character
    control: str | None = None


def pieces(text: str) -> tuple[Piece, ...]:
    if text.isprintable():
        return (Piece(text),)
    out: list[Piece] = []
    buffer: list[str] = []
    for ch in text:
        if _is_control(ch):
            if buffer:
                out.append(Piece("".join(buffer)))
                buffer = []
            name = unicodedata.name(ch, "control character")
            out.append(Piece(f"U+{ord(ch):04X}", f"U+{ord(ch):04X} {name}"))
        else:
            buffer.append(ch)
    if buffer:
        out.append(Piece("".join(buffer)))
    return tuple(out)


@attrs.frozen
class Segment:
    pieces: tuple[Piece, ...]
    ids: str  # space-separated annotation ids covering this segment ("" for plain text)
    classes: str
    starts: tuple[str, ...]  # annotations that start here (their anchor lands on this segment)
    empty: bool = False  # a marker for a zero-length annotation
    # ids of the elements that describe this segment to assistive technology (its table rows
    # and findings); set only where the segment can take focus
    describedby: str = ""

    @property
    def anchor(self) -> str | None:
        return self.starts[0] if self.starts else None


@attrs.frozen
class Line:
    number: int
    segments: tuple[Segment, ...]
    findings: tuple[int, ...]  # indices of findings shown after this line


def _classes(active: Iterable[Annotation]) -> str:
    names: dict[str, None] = {}
    for annotation in active:
        names[f"k-{annotation.kind}"] = None
        if annotation.severity:
            names[f"s-{annotation.severity}"] = None
        if annotation.role == "primary":
            names["primary"] = None
    return " ".join(names)


def row_id(annotation_id: str) -> str:
    """The id of an annotation's row in the page's table of everything read."""
    return f"d-{annotation_id}"


def _describedby(covering: Iterable[Annotation]) -> str:
    ids: dict[str, None] = {}
    for annotation in covering:
        if not annotation.listed:
            if annotation.finding:
                ids[f"{annotation.finding}-h"] = None
        else:
            ids[row_id(annotation.id)] = None
    return " ".join(ids)


def lines_of(text: str, annotations: Sequence[Annotation], finding_lines: Mapping[int, int]) -> list[Line]:
    """The text cut at line ends and annotation boundaries.

    ``finding_lines`` maps a finding index to the 0-based line after which it is shown.
    """
    starts_at: dict[int, list[Annotation]] = defaultdict(list)
    ends_at: dict[int, list[Annotation]] = defaultdict(list)
    empties: dict[int, list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        if annotation.start == annotation.end:
            empties[annotation.start].append(annotation)
        else:
            starts_at[annotation.start].append(annotation)
            ends_at[annotation.end].append(annotation)

    raw_lines = text.split("\n")
    if len(raw_lines) > 1 and raw_lines[-1] == "" and not empties.get(len(text)):
        raw_lines.pop()  # the newline that ends the last line does not start another
    after: dict[int, list[int]] = defaultdict(list)
    for index, line in sorted(finding_lines.items()):
        after[max(0, min(line, len(raw_lines) - 1))].append(index)
    lines: list[Line] = []
    active: dict[str, Annotation] = {}
    pending: list[str] = []  # anchors of annotations that began where no text was (a line end)
    boundaries = sorted({*starts_at, *ends_at, *empties})
    offset = 0
    for number, raw in enumerate(raw_lines):
        line_end = offset + len(raw)
        inner = boundaries[bisect.bisect_right(boundaries, offset) : bisect.bisect_left(boundaries, line_end)]
        points = [offset, *inner, line_end] if line_end > offset else [offset]
        segments: list[Segment] = []
        for i, position in enumerate(points):
            for annotation in ends_at.get(position, ()):
                active.pop(annotation.id, None)
            for annotation in empties.get(position, ()):
                segments.append(
                    Segment(
                        (Piece("▸"),),
                        annotation.id,
                        _classes([annotation]),
                        (annotation.id,),
                        True,
                        _describedby([annotation]),
                    )
                )
            starting = starts_at.get(position, ())
            for annotation in starting:
                active[annotation.id] = annotation
            pending.extend(a.id for a in starting)
            if i + 1 == len(points):
                break
            chunk = text[position : points[i + 1]]
            covering = sorted(active.values(), key=lambda a: KINDS.index(a.kind) if a.kind in KINDS else 0)
            segments.append(
                Segment(
                    pieces(chunk),
                    " ".join(a.id for a in covering),
                    _classes(covering),
                    tuple(pending),
                    describedby=_describedby(covering) if pending else "",
                )
            )
            pending = []
        lines.append(Line(number + 1, tuple(segments), tuple(after.get(number, ()))))
        offset = line_end + 1
    return lines
