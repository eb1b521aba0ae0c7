"""Signals: what the word in front of a date (in, on, since, by, until, before, after, from … to,
between …) makes the date say about the event it dates — which endpoints it bounds, and how.

The table is data (chrono/lang/en/prose/signals.yaml); what is code is what a table cannot
say: "since" also keeps an event of the perfect going at the document date, and an "in" date
at the start of a sentence frames the verbs coordinated with the first (chrono.text.dating).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from chrono.model import Part, Qualifier
from chrono.text.vocabulary import VocabularyError, vocabulary

IN = "in"  # the reading of "in", "on", "during" and of a date without a signal
SINCE = "since"


@attrs.frozen
class Bound:
    """One claim of a date: the event's ``part`` is ``qualifier`` the date's period."""

    part: Part
    qualifier: Qualifier


@attrs.frozen
class Reading:
    """How a date after a signal bounds the event it dates."""

    name: str
    whole: tuple[Bound, ...]  # a date of the whole event (a punctual one)
    durative: tuple[Bound, ...]  # a date of the whole event, a state or a process
    start: tuple[Bound, ...]  # a date of the event's start only ("began in May")
    end: tuple[Bound, ...]  # a date of its end only ("ended in June")
    past_only: bool  # only for an event told in the past
    written_year_only: bool  # only for a date whose year is written

    def bounds(self, part: Part, punctual: bool) -> tuple[Bound, ...]:
        if part is Part.START:
            return self.start
        if part is Part.END:
            return self.end
        return self.whole if punctual else self.durative


@attrs.frozen
class RangeReading:
    """How the two ends of a range bound the event: its ``first`` end, and its ``last``."""

    first: Bound
    last: Bound


@attrs.frozen
class _Table:
    without_signal: Reading
    by_signal: Mapping[str, Reading | None]
    ranges: Mapping[str, RangeReading]
    range_default: RangeReading
    scheduling_words: frozenset[str]
    after_scheduling: Mapping[str, Reading | None]


def reading_of(signal: str | None, word_before: str = "") -> Reading | None:
    """How a date after ``signal`` (a Timex.signal, None for none) is read; None: the date says
    nothing of the event. ``word_before`` is the word in front of the signal: after a scheduling
    word ("scheduled for 15 May", "postponed to June") the signal names the planned date."""
    table = _table()
    if signal is None:
        return table.without_signal
    if word_before.lower() in table.scheduling_words and signal in table.after_scheduling:
        return table.after_scheduling[signal]
    return table.by_signal.get(signal)


_SCHEDULING_ON = frozenset(vocabulary("signals").words("scheduling_on_words"))


def schedules(word: str, signal: str | None) -> bool:
    """Does ``word`` before ``signal`` give the date of a planned event, not its own ("announced
    for 10 August", "postponed to June")?"""
    table = _table()
    if signal == "on" and word.lower() in _SCHEDULING_ON:
        return True
    return signal is not None and word.lower() in table.scheduling_words and signal in table.after_scheduling


def range_reading(signal: str | None) -> RangeReading:
    """How a range whose first end has ``signal`` is read."""
    table = _table()
    return table.ranges.get(signal or "", table.range_default)


def _bound(words: object) -> Bound:
    """ "start on or after" -> Bound(START, ON_OR_AFTER)."""
    part, _, qualifier = str(words).partition(" ")
    try:
        return Bound(Part(part), Qualifier(qualifier))
    except ValueError:
        message = f"lang/en/prose/signals.yaml: '{words}' is not '<whole|start|end> <qualifier>'"
        raise VocabularyError(message) from None


def _bounds(spec: Mapping[str, Any], key: str) -> tuple[Bound, ...]:
    return tuple(_bound(words) for words in spec.get(key) or ())


def _reading(name: str, spec: Mapping[str, Any]) -> Reading:
    whole = _bounds(spec, "whole")
    only = spec.get("only")
    if only not in (None, "past", "written year"):
        raise VocabularyError(f"lang/en/prose/signals.yaml: reading '{name}': unknown 'only: {only}'")
    return Reading(name, whole, _bounds(spec, "durative") or whole, _bounds(spec, "start"),
                   _bounds(spec, "end"), past_only=only == "past", written_year_only=only == "written year")


def _range(spec: Mapping[str, Any]) -> RangeReading:
    return RangeReading(_bound(spec["first"]), _bound(spec["last"]))


@functools.cache
def _table() -> _Table:
    words = vocabulary("signals")
    readings = {str(name): _reading(str(name), spec) for name, spec in words.table("readings").items()}

    def reading(name: object) -> Reading | None:
        if name is None:
            return None
        if name not in readings:
            raise VocabularyError(f"lang/en/prose/signals.yaml: no reading '{name}'")
        return readings[str(name)]

    without = reading(words.data["without_signal"])
    if without is None:
        raise VocabularyError("lang/en/prose/signals.yaml: 'without_signal' needs a reading")
    return _Table(
        without,
        {str(signal): reading(name) for signal, name in words.table("signals").items()},
        {str(signal): _range(spec) for signal, spec in words.table("ranges").items()},
        _range(words.table("range_default")),
        words.set("scheduling_words"),
        {str(signal): reading(name) for signal, name in words.table("scheduling_signals").items()},
    )
