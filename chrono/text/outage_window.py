"""A cut of supply told in prose: its stated length against the times it failed and came back.

A news story times a cut in its sentences ("the supply failed at 9.40am when a cable joint
burned out", "the last customers were reconnected at 3.10pm") and names its length as a compound
before the cut's noun ("the four-and-a-half-hour cut"). The cut was under way when the supply
failed and lasted until it was back, so a stated length shorter than the time between is wrong.

The reading is kept narrow, so that a doubtful one costs a detection rather than raising a
false error (the words are chrono/lang/en/prose/incidents.yaml): one length of the cut in the
whole text, in a sentence with no date of another time; a failure and a return each told of the
supply (or of the homes and customers it serves) right beside a clock time of a known day; not
a return of only some of them; and not in a text whose timeline a post-incident review reads
(chrono.text.incident_window).
"""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Gap, Span
from chrono.periods import Period
from chrono.tagger import Timex
from chrono.text.builder import Builder
from chrono.text.dating import period_of
from chrono.text.durations import seconds_of, stated_bounds, unit_of
from chrono.text.incident_window import dated_outside, failure_claims
from chrono.text.vocabulary import vocabulary

__all__ = ["outage_window"]

_WORDS = vocabulary("incidents")
_CUT_AFTER = lazy_compile(rf"[ \t]+(?:[\w'’-]+[ \t]+)?(?:{_WORDS.pattern('cut_nouns')})\b", re.IGNORECASE)


def _subject_then_verb(subjects: str, verbs: str) -> re.Pattern[str]:
    """A word of ``subjects`` and, within a few words after it, one of ``verbs`` (keys of
    incidents.yaml): "Power to about 4,000 homes … failed"."""
    return lazy_compile(
        rf"\b(?:{_WORDS.pattern(subjects)})\b(?:\W+\S+){{0,8}}?\W+(?:{_WORDS.pattern(verbs)})\b",
        re.IGNORECASE,
    )


_FAILED = _subject_then_verb("supply_subjects", "supply_failures")
_RETURNED = _subject_then_verb("restored_subjects", "supply_returns")
_PARTIAL = lazy_compile(rf"\b(?:{_WORDS.pattern('partial_words')})\b", re.IGNORECASE)
_CLOCK_DAY = lazy_compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d\Z")
_REACH = 40  # characters between the words that tell the failure (or return) and its clock time


def outage_window(b: Builder) -> None:
    """The claims that tie a stated length of the cut to the times it failed and came back."""
    lengths = [t for t in b.timexes if t.type == "DURATION" and _CUT_AFTER.match(b.text, t.end)]
    if not lengths or len({t.value for t in lengths}) != 1:
        return  # no length of a cut, or several: which cut each is is not clear
    window = _window(b)
    if window is None:
        return
    onset, back = window
    for timex in lengths:
        if not _another_time(b, timex, onset, back):
            _stated_length(b, timex, onset, back)
            return


def _window(b: Builder) -> tuple[tuple[Timex, Period], tuple[Timex, Period]] | None:
    """The last failure told before the first return, each with its clock time's period."""
    onsets: list[tuple[Timex, Period]] = []
    backs: list[tuple[Timex, Period]] = []
    for timex in b.timexes:
        if timex.type != "TIME" or not _CLOCK_DAY.match(timex.value):
            continue
        period = period_of(timex, b.dct, b.options.hemisphere)
        if period is None or not period.bounded:
            continue
        if _beside(b, timex, _FAILED):
            onsets.append((timex, period))
        returned = _beside(b, timex, _RETURNED)
        if returned is not None and not _PARTIAL.search(
            b.text, max(0, returned.start() - 12), returned.end()
        ):
            backs.append((timex, period))
    if not onsets or not backs:
        return None
    back = min(backs, key=lambda pair: pair[1].start or 0)
    before = [pair for pair in onsets if (pair[1].end or 0) <= (back[1].start or 0)]
    if not before:
        return None
    return max(before, key=lambda pair: pair[1].start or 0), back


def _beside(b: Builder, timex: Timex, words: re.Pattern[str]) -> re.Match[str] | None:
    """The words ``words`` finds, in the clock time's sentence, ending just before it ("the
    supply failed at 9.40am") or starting just after it ("At 9.40am the supply failed")."""
    lo, hi = _sentence_of(b, timex.start)
    for match in words.finditer(b.text, max(lo, timex.start - _REACH - 60), min(hi, timex.end + _REACH + 60)):
        if 0 <= timex.start - match.end() <= _REACH or 0 <= match.start() - timex.end <= _REACH:
            return match
    return None


def _sentence_of(b: Builder, offset: int) -> tuple[int, int]:
    for sentence in b.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.start, sentence.end
    return offset, offset


def _another_time(b: Builder, length: Timex, onset: tuple[Timex, Period], back: tuple[Timex, Period]) -> bool:
    """Does the length's sentence date what it tells outside the window (an earlier cut)?"""
    lo, hi = _sentence_of(b, length.start)
    window = Period(onset[1].start, back[1].end, "")
    return any(lo <= timex.start < hi and dated_outside(b, timex, window) for timex in b.timexes)


def _stated_length(b: Builder, timex: Timex, onset: tuple[Timex, Period], back: tuple[Timex, Period]) -> None:
    length = seconds_of(timex.value)
    if length is None or length <= 0:
        return
    text = b.text
    cut = _CUT_AFTER.match(text, timex.end)
    if cut is None:
        return
    lower, upper = stated_bounds(text, timex, length, unit_of(timex.value))
    words = " ".join(text[timex.start:cut.end()].split())
    event_id = f"the cut the story times, “{words}” ({b.where(timex.start)})"
    if event_id in b.events:
        return
    failure_claims(
        b, event_id, Span(timex.start, cut.end(), "event"), words, Gap(lower, upper, words),
        "the length of the cut the story states",
        (onset[1], Span(*_sentence_of(b, onset[0].start), "claim"),
         "the time the story says the supply failed"),
        (back[1], Span(*_sentence_of(b, back[0].start), "claim"),
         "the time the story says the supply was back"),
    )
