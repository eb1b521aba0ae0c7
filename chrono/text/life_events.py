"""The births and deaths that life dates after a name give (chrono.text.lifespans), as events
of the document with their dates, which later mentions by the person's name join."""

from __future__ import annotations

from collections.abc import Sequence

from chrono.model import Event, EventExists, Part, Qualifier, Span
from chrono.tagger import Timex
from chrono.text.builder import Builder
from chrono.text.dating import period_of
from chrono.text.events import Trigger
from chrono.text.lifespans import lifespans
from chrono.text.tense import NOMINAL


def life_events(b: Builder, timexes: Sequence[Timex]) -> None:
    for life in lifespans(b.text, timexes):
        for kind, lemma, timex in (("birth", "bear", life.born), ("death", "die", life.died)):
            if timex is None:
                continue
            period = period_of(timex, b.dct, b.options.hemisphere)
            if period is None:
                continue
            event_id = f"the {kind} of {life.person} ({b.where(timex.start)})"
            span = Span(timex.start, timex.end, "event")
            b.events[event_id] = Event(event_id, f"{life.person}'s {kind}", span, None, kind)
            b.claims.append(EventExists(event_id, span))
            b.tense[event_id] = NOMINAL
            dated_by = Trigger(timex.start, timex.end, timex.text, lemma, kind, "noun", NOMINAL, True)
            b.person(life.names, kind, event_id, dated_by)
            b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, b.span(timex.start, timex.end))
