"""The events and claims of one document as anchoring makes them (chrono.text.anchor).

The builder is the one place that keeps state while a document is read: which trigger names
which event, the claims made so far, and which events are dated where (for "two days later"
and "later" to count from). The steps that read a sentence are functions that add to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

import attrs

from chrono.model import Claim, Endpoint, Event, EventExists, Gap, Part, Qualifier, Span
from chrono.options import ReadingOptions
from chrono.periods import Period
from chrono.problems import ConflictKind, Problem
from chrono.tagger import Timex
from chrono.text.claims import TextGapClaim, TextPeriodClaim
from chrono.text.context import SentenceContext
from chrono.text.coreference import antecedent, mention_key, verb_object
from chrono.text.events import Trigger
from chrono.text.named_events import NamedEvent
from chrono.text.sentences import Sentence
from chrono.text.tense import NOMINAL, TOLD_AS_PAST


@attrs.frozen
class Built:
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()


class Builder:
    """The events and claims of one document so far, and what the steps look up in them."""

    def __init__(self, text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex],
                 dct: Period | None, options: ReadingOptions) -> None:
        self.text = text
        self.sentences = sentences
        self.timexes = timexes
        self.timex_starts = [t.start for t in timexes]
        self.dct = dct
        self.options = options
        self.events: dict[str, Event] = {}
        self.by_trigger: dict[int, str] = {}
        self.claims: list[Claim] = []
        self.problems: list[Problem] = []
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        # events dated by an expression, in text order: (offset, event id); the offsets again,
        # as a list to bisect and a set to test, so lookups need not scan every earlier date
        self.dated: list[tuple[int, str]] = []
        self.dated_offsets: list[int] = []
        self.dated_set: set[int] = set()
        self.dct_claimed: set[str] = set()
        # (trigger offset, part) of the event mentions given a date: one date each
        self.dated_parts: set[tuple[int, Part]] = set()
        self.tense: dict[str, str] = {}
        # named events in text order; they never overlap (one match per stretch of a sentence)
        self.named_spans: list[tuple[int, int, str]] = []
        self.named_starts: list[int] = []
        # the sentences read, by their start: precedence pairs look mentions up across them
        self.contexts: dict[int, SentenceContext] = {}
        # first asserted mention of each event class (or generic lemma) per paragraph
        self.mentions: dict[tuple[int, str], tuple[int, Trigger]] = {}

    def built(self) -> Built:
        return Built(tuple(self.events.values()), tuple(self.claims), tuple(self.problems))

    # -- events ---------------------------------------------------------------------------------

    def where(self, offset: int) -> str:
        line = bisect.bisect_right(self.line_starts, offset)
        return f"{line}:{offset - self.line_starts[line - 1] + 1}"

    def event(self, trigger: Trigger, here: SentenceContext) -> str:
        """The id of the event ``trigger`` (a word of the sentence ``here``) names, made on first use."""
        known = self.by_trigger.get(trigger.start)
        if known is not None:
            return known
        earlier = antecedent(self.text, trigger, self.mentions, here.sentence.paragraph)
        if earlier is not None:
            event_id = self.event(earlier, here)
            self.by_trigger[trigger.start] = event_id
            return event_id
        partner = verb_object(self.text, trigger, here.triggers)
        if partner is not None:
            if trigger.pos == "noun":
                shared = self.event(partner, here)
                self.by_trigger[trigger.start] = shared
                return shared
            known = self.by_trigger.get(partner.start)
            if known is not None:
                self.by_trigger[trigger.start] = known
                return known
        named = self.named_at(trigger.start)
        if named is not None:
            self.by_trigger[trigger.start] = named
            return named
        event_id = f"'{' '.join(trigger.text.split())}' ({self.where(trigger.start)})"
        span = Span(trigger.start, trigger.end, "event")
        self.events[event_id] = Event(event_id, trigger.text, span, None, trigger.event_class)
        self.claims.append(EventExists(event_id, span))
        self.by_trigger[trigger.start] = event_id
        self.tense[event_id] = trigger.tense
        return event_id

    def mention(self, paragraph: int, trigger: Trigger) -> None:
        self.mentions.setdefault((paragraph, mention_key(trigger)), (trigger.start, trigger))

    def named_event(self, named: NamedEvent) -> None:
        """Register the named event ``named`` (one event per key)."""
        if named.key not in self.events:
            span = Span(named.start, named.end, "event")
            self.events[named.key] = Event(named.key, named.name, span, named.key, "named")
            self.claims.append(EventExists(named.key, span))
            self.tense[named.key] = NOMINAL
        self.named_spans.append((named.start, named.end, named.key))
        self.named_starts.append(named.start)

    def named_at(self, offset: int) -> str | None:
        """The key of the named event whose words cover ``offset``, if any."""
        i = bisect.bisect_right(self.named_starts, offset) - 1
        if i >= 0 and offset < self.named_spans[i][1]:
            return self.named_spans[i][2]
        return None

    # -- dated events ---------------------------------------------------------------------------

    def add_dated(self, dated: Iterable[tuple[int, str]]) -> None:
        """Events dated in the sentence just read (offsets after every earlier one)."""
        for offset, event_id in dated:
            self.dated.append((offset, event_id))
            self.dated_offsets.append(offset)
            self.dated_set.add(offset)

    def last_dated(self, lo: int, hi: int, other_than: str) -> tuple[int, str] | None:
        """The last event dated at an offset in [lo, hi) that is not ``other_than``."""
        first = bisect.bisect_left(self.dated_offsets, lo)
        for i in range(bisect.bisect_left(self.dated_offsets, hi) - 1, first - 1, -1):
            if self.dated[i][1] != other_than:
                return self.dated[i]
        return None

    def undated_between(self, after: int, before: int) -> bool:
        """Is there a date between the last dated event and a "later" that dated no event ("turned
        professional in 1971 and won … two years later")? Then "later" may count from it."""
        for i in range(bisect.bisect_right(self.timex_starts, after), len(self.timexes)):
            timex = self.timexes[i]
            if timex.start >= before:
                break
            undated = timex.start not in self.dated_set
            if timex.type in ("DATE", "TIME") and undated and not timex.value.startswith("P"):
                return True
        return False

    # -- claims ---------------------------------------------------------------------------------

    def span(self, *offsets: int) -> Span:
        return Span(min(offsets), max(offsets), "claim")

    def period_claim(self, event_id: str, part: Part, qualifier: Qualifier, period: Period,
                     span: Span, *, ongoing: int | None = None, rule: ConflictKind | None = None) -> None:
        self.claims.append(TextPeriodClaim(event_id, part, qualifier, period, span, ongoing,
                                           words=self.text[span.start:span.end], conflict_kind=rule))

    def gap_claim(self, first: Endpoint, second: Endpoint, gap: Gap, span: Span,
                  rule: ConflictKind | None) -> None:
        self.claims.append(TextGapClaim(first, second, gap, span,
                                        words=self.text[span.start:span.end], conflict_kind=rule))

    def dct_claim(self, event_id: str, span: Span, *, force: bool = False) -> None:
        """A completed past event cannot start after the document date's day."""
        if self.dct is None or event_id in self.dct_claimed:
            return
        if not force and self.tense.get(event_id) not in TOLD_AS_PAST:
            return
        self.dct_claimed.add(event_id)
        self.period_claim(event_id, Part.START, Qualifier.BY, self.dct, span, rule=ConflictKind.AFTER_DCT)
