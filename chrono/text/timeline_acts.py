"""Acts a review's prose orders and its timeline logs: "The first restart came only after the
storage team had been paged" above (or below) "- **14:22** — Whitlock restarts cache node 1" and
"- **14:31** — Storage team paged".

An event the prose orders but does not date is the act a clock-timed entry of the document's
timeline logs when the entry tells it with the same word (the verb, or the noun made from it)
and of the same things (two words of what it is about in common, or a number): then the two
start together, and the entry's time dates the prose's order. Only one such entry may fit, or
the prose calls its act the first and the first entry is taken ("the first restart").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from chrono.layout import Kind
from chrono.model import Endpoint, Gap, Grade, Side
from chrono.problems import ConflictKind
from chrono.text.builder import Builder, words_near
from chrono.text.claims import TextGapClaim
from chrono.text.coreference import FIRST_WORDS
from chrono.text.events import Trigger
from chrono.text.incident_window import TIMELINE_ENTRIES
from chrono.text.layout_dating import Scope, clock_entries
from chrono.text.sentences import Sentence

__all__ = ["timeline_acts"]

_ENTRY_KINDS = (Kind.ITEM, Kind.LINE, Kind.ROW)
# words of what the act is about that two tellings must share (a number alone will do)
_SHARED_WORDS = 2


def timeline_acts(b: Builder, found: Sequence[Scope]) -> None:
    """Tie each undated act the prose orders to the timeline entry that logs it, if one does."""
    ordered = [c for c in b.claims if isinstance(c, TextGapClaim) and c.conflict_kind is ConflictKind.ORDER]
    if not ordered:
        return
    entries = [(s.block.start, s.block.end) for s in clock_entries(found, _ENTRY_KINDS)]
    if len(entries) < TIMELINE_ENTRIES:
        return
    dated = b.dated_events()
    entry_starts = [start for start, _ in entries]

    def in_entry(offset: int) -> bool:
        at = bisect.bisect_right(entry_starts, offset) - 1
        return at >= 0 and offset < entries[at][1]

    logged: list[tuple[Sentence, Trigger]] = []  # acts told in the timeline's entries, in order
    told: dict[int, tuple[Sentence, Trigger]] = {}
    for here in b.contexts.values():
        for trigger in here.triggers:
            told[trigger.start] = (here.sentence, trigger)
            if in_entry(trigger.start):
                logged.append((here.sentence, trigger))
    logged.sort(key=lambda item: item[1].start)
    done: set[str] = set()
    for claim in ordered:
        for event in (claim.first.event, claim.second.event):
            if event in done or event in dated or event not in b.events:
                continue
            done.add(event)
            mention = told.get(b.events[event].span.start)
            if mention is None or in_entry(mention[1].start):
                continue
            _tie(b, mention, logged, dated)


def _tie(b: Builder, mention: tuple[Sentence, Trigger], logged: Sequence[tuple[Sentence, Trigger]],
         dated: set[str]) -> None:
    sentence, trigger = mention
    words = words_near(b.text, sentence, trigger)
    fits: list[tuple[Trigger, list[str]]] = []
    for entry_sentence, act in logged:
        if act.lemma != trigger.lemma or not b.vocabulary.names_verb(act) or (
                not b.vocabulary.names_verb(trigger)):
            continue
        shared = sorted(words & words_near(b.text, entry_sentence, act))
        if len(shared) >= _SHARED_WORDS or any(w[:1].isdigit() for w in shared):
            fits.append((act, shared))
    told = b.mention_at.get(trigger.start)
    first = told is not None and told.contrast in FIRST_WORDS
    if not fits or (len(fits) > 1 and not first):
        return  # none, or several entries log such an act and the prose does not say which
    act, shared = fits[0]
    event, logged_event = b.by_trigger.get(trigger.start), b.by_trigger.get(act.start)
    if event is None or logged_event is None or logged_event == event or logged_event not in dated:
        return
    note = (f"'{' '.join(trigger.text.split())}' ({b.where(trigger.start)}) is the act the timeline "
            f"logs at '{' '.join(act.text.split())}' ({b.where(act.start)}): the same word, of "
            f"{', '.join(shared)}")
    span = b.span(trigger.start, trigger.end)
    b.gap_claim(Endpoint(logged_event, Side.START), Endpoint(event, Side.START), Gap(0, 0, ""), span,
                ConflictKind.ORDER, grade=Grade.STRONG, note=note)
