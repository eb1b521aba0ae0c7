"""A document's summary: the compact facts of one document that corpus rules consume.

The summary is computed with the document's analysis (and cached with it), so a corpus check
never re-reads a document nor unpickles its analysis: it groups summaries by their events' keys
and reduces each group (chrono.corpus.linking). Everything in it is a frozen value and picklable,
so an executor may compute summaries in worker processes and shuffle them by key.

A linked event keeps the dated statements its document makes about it, each as the bounds it
puts on the event's start and end (the same reading the per-document network gives it), the words
that make it and where they are (already located: no document text is kept).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from chrono.analysis import Analysis
from chrono.corpus.keys import Key, key_of, keys_in, named_key, sentence_around, trigger_at
from chrono.model import (
    Claim,
    Document,
    Event,
    Grade,
    LocatedSpan,
    Part,
    PeriodClaim,
    Span,
    grade_of,
    locate,
)
from chrono.network import ORIGIN, NodeIndex, claim_edges
from chrono.problems import ConflictKind

PROSE_KINDS = frozenset({"text", "markdown", "html"})


@attrs.frozen
class Bounds:
    """What statements say of an event's endpoints, in seconds on the model's axis (None: open)."""

    start_lo: int | None = None
    start_hi: int | None = None
    end_lo: int | None = None
    end_hi: int | None = None

    def meet(self, other: Bounds) -> Bounds:
        return Bounds(
            _max(self.start_lo, other.start_lo),
            _min(self.start_hi, other.start_hi),
            _max(self.end_lo, other.end_lo),
            _min(self.end_hi, other.end_hi),
        )

    def empty(self) -> bool:
        """No start and end fit them (with start <= end)."""
        starts, ends = _gt(self.start_lo, self.start_hi), _gt(self.end_lo, self.end_hi)
        return starts or ends or _gt(self.start_lo, self.end_hi)


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _min(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _gt(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and a > b


@attrs.frozen
class DatedFact:
    """One dated statement about a linked event: the bounds it puts, its reading, its words."""

    bounds: Bounds
    reading: str  # the claim in the model's words: "... happens in 2025-03 (between ...)"
    span: LocatedSpan  # the words, located in their document
    grade: Grade


@attrs.frozen
class LinkedEvent:
    """An event of one document that other documents may tell too, with its key and its dates."""

    key: str
    grade: Grade  # how sure a link through the key is (chrono.corpus.keys)
    why: str
    label: str  # the words the key was read from
    span: LocatedSpan  # where the document names the event
    facts: tuple[DatedFact, ...]


@attrs.frozen
class Summary:
    """Everything the corpus rules need of one document."""

    path: str
    events: tuple[LinkedEvent, ...] = ()

    def keys(self) -> frozenset[str]:
        return frozenset(event.key for event in self.events)


def fact_bounds(claim: PeriodClaim) -> Bounds:
    """The bounds a period claim puts on its event, as the network reads it."""
    nodes = NodeIndex([claim.event])
    start, end = nodes.start(claim.event), nodes.end(claim.event)
    bounds = Bounds()
    for u, v, w in claim_edges(claim, nodes):
        if u == ORIGIN and v in (start, end):  # x_v <= w
            upper = Bounds(start_hi=w) if v == start else Bounds(end_hi=w)
            bounds = bounds.meet(upper)
        elif v == ORIGIN and u in (start, end):  # -x_u <= w
            lower = Bounds(start_lo=-w) if u == start else Bounds(end_lo=-w)
            bounds = bounds.meet(lower)
    return bounds


# an event that is the beginning or the end of another ("the siege began on 3 May"): its dates
# are those of that part of the event its key names
_PART_OF = {"begin": Part.START, "end": Part.END}


def _dated_claims(claims: Sequence[Claim], event: Event) -> list[PeriodClaim]:
    """The period claims of ``event`` that are dated statements about it (each as the part of the
    event its key names)."""
    dated = []
    part = _PART_OF.get(event.event_class or "")
    for claim in claims:
        if not isinstance(claim, PeriodClaim) or claim.event != event.id:
            continue
        if part is not None and claim.part is Part.WHOLE:
            claim = attrs.evolve(claim, part=part)
        if getattr(claim, "conflict_kind", None) is ConflictKind.AFTER_DCT:
            continue  # "a past event started by the document's date": about the document, not the event
        if claim.ongoing_at is not None or claim.started_by is not None:
            continue  # "since": its document's date is part of it
        dated.append(claim)
    return dated


def _fact(document: Document, claim: PeriodClaim) -> DatedFact:
    span = attrs.evolve(claim.span, role="cited")
    return DatedFact(fact_bounds(claim), claim.describe(), locate(document, span), grade_of(claim))


def _mention_keys(text: str, event: Event) -> list[tuple[Span, Key | None]]:
    """Each word that names ``event`` (its first mention and the others) with its key."""
    if event.event_class == "named" and event.key:
        return [(event.span, named_key(text, event.span.start, event.span.end, event.key))]
    found: list[tuple[Span, Key | None]] = []
    for span in (event.span, *event.mentions):
        sentence = sentence_around(text, span.start, span.end)
        trigger = trigger_at(text, span.start, span.end, sentence)
        if trigger is None:
            found.append((span, None))
            continue
        # the trigger's sentence is the span's when they are the same words
        same = (trigger.start, trigger.end) == (span.start, span.end)
        found.append((span, key_of(text, trigger, sentence if same else None)))
    return found


def _fact_key(text: str, mentions: Sequence[tuple[Span, Key | None]], claim: Span) -> Key | None:
    """The key a dated statement is about: that of the mention of its event in its sentence
    (a chain of mentions may join "the 2025 election" and "the 2024 election" in one document;
    each statement keeps the key of the words it dates); a statement with no mention in its
    sentence gets the event's key only when all its mentions agree on one."""
    lo, hi = sentence_around(text, claim.start, claim.end)
    here = [(abs(span.start - claim.start), key) for span, key in mentions if lo <= span.start < hi]
    keys = {key.value: key for _, key in mentions if key is not None}
    if here:
        nearest = min(here, key=lambda item: item[0])[1]
        if nearest is not None:
            return nearest
    return next(iter(keys.values())) if len(keys) == 1 else None


def _timeline_key(event: Event) -> Key | None:
    """A timeline event's key, read from its ``text`` (or its id, dashes as spaces)."""
    words = event.text if event.text and event.text != event.id else event.id.replace("-", " ")
    found = [key for _, key in keys_in(words, 0, len(words))]
    return max(found, key=lambda k: (k.grade, k.value.startswith("named:")), default=None)


def _keyed(analysis: Analysis) -> Iterator[LinkedEvent]:
    """Each event's dated statements under the key of the words they date."""
    document = analysis.document
    text = document.text
    prose = document.kind in PROSE_KINDS
    by_event: dict[str, list[Claim]] = {}  # each event's period claims, found in one pass
    for claim in analysis.claims:
        if isinstance(claim, PeriodClaim):
            by_event.setdefault(claim.event, []).append(claim)
    for event in analysis.events:
        dated = _dated_claims(by_event.get(event.id, ()), event)
        if not dated:
            continue
        # the facts are made only for the statements a key is found for (most events get none)
        by_key: dict[str, tuple[Key, list[DatedFact]]] = {}
        if not prose:
            key = _timeline_key(event)
            if key is not None:
                by_key[key.value] = (key, [_fact(document, claim) for claim in dated])
        else:
            mentions = _mention_keys(text, event)
            if any(key is not None for _, key in mentions):
                for claim in dated:
                    fact_key = _fact_key(text, mentions, claim.span)
                    if fact_key is not None:
                        by_key.setdefault(fact_key.value, (fact_key, []))[1].append(_fact(document, claim))
        if not by_key:
            continue
        span = locate(document, attrs.evolve(event.span, role="event", note=""))
        for key, keyed in by_key.values():
            yield LinkedEvent(key.value, key.grade, key.why, key.label, span, tuple(keyed))


def summarize(analysis: Analysis) -> Summary:
    """The summary of one analysed document: its keyed events that it dates."""
    return Summary(analysis.document.path, tuple(_keyed(analysis)))
