"""The failure a post-incident review times: its summary's length against its timeline.

A review says in its summary how long the failure lasted ("The 47-minute outage affected …",
"customers could not load most websites for 47 minutes") and times the failure in its timeline:
an entry says it began ("09:13 — error rate jumps to 100%"), a later one that service is back
("10:21 — error rate back to baseline"). The failure was under way at the first and lasted at
least until the second, so a stated length shorter than the time between them is wrong.

The reading is kept narrow, so that a doubtful one costs a detection rather than raising a
false error: only a length in a section headed as the summary or the impact, in a sentence that
says the service failed (chrono/lang/en/prose/incidents.yaml) and not that a step took that
long; the timeline's entries opened by clock times; the latest entry saying the failure began
before the first one saying service is back (the shortest span the timeline allows).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from chrono.layout import Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.model import Event, EventExists, Gap, Part, Qualifier, Span
from chrono.periods import Period
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.text.builder import Builder
from chrono.text.claims import TextDurationClaim, TextPeriodClaim
from chrono.text.dating import period_of
from chrono.text.durations import seconds_of, stated_bounds, unit_of
from chrono.text.layout_dating import Scope, clock_entries
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import vocabulary

__all__ = ["TIMELINE_ENTRIES", "dated_outside", "failure_claims", "incident_window"]

_WORDS = vocabulary("incidents")
_SUMMARY_HEADINGS = _WORDS.set("summary_headings")
_FAILURE = lazy_compile(rf"\b(?:{_WORDS.pattern('failure_words')})\b", re.IGNORECASE)
_STEP = lazy_compile(rf"\b(?:{_WORDS.pattern('step_words')})\b", re.IGNORECASE)
_PART_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('part_words_before')})\b", re.IGNORECASE)
_DISTANCE_AFTER = lazy_compile(rf"\s+(?:{_WORDS.pattern('distance_words_after')})\b", re.IGNORECASE)
_PART_AFTER = lazy_compile(rf"\s+(?:{_WORDS.pattern('part_words_after')})\b", re.IGNORECASE)
_ONSET = lazy_compile(
    rf"\b(?:{_WORDS.pattern('onset_phrases')})\b"
    rf"|\b(?:{_WORDS.pattern('onset_subjects')})\b(?:\W+\S+){{0,6}}?\W+(?:{_WORDS.pattern('onset_verbs')})\b"
    rf"(?!\s+{_WORDS.pattern('onset_reversal_marker')}\s+(?:{_WORDS.pattern('onset_reversals')})\b)"
    rf"|\b(?:{_WORDS.pattern('onset_firsts')})\b(?:\W+\S+){{0,2}}?\W+(?:{_WORDS.pattern('onset_first_nouns')})\b",
    re.IGNORECASE,
)
_RECOVERY = lazy_compile(
    rf"\b(?:{_WORDS.pattern('recovery_phrases')})\b"
    rf"|\b(?:{_WORDS.pattern('recovery_closing_words')})(?=[ \t]*(?:[.;]|\n|\Z))",
    re.IGNORECASE,
)
_HEADING_WORD = lazy_compile(r"[a-z;]+")
# "15 minutes after the first failures": an onset an entry counts from, not one it logs
_SINCE_ONSET = lazy_compile(rf"\b(?:{_WORDS.pattern('onset_counted_from')})\s+\Z", re.IGNORECASE)
# "Login failures begin", "Logins restored for all customers": the failure's very start and end
_EXPLICIT_ONSET = lazy_compile(rf"\b(?:{_WORDS.pattern('onset_explicit_words')})\b", re.IGNORECASE)
_PARTIAL_RECOVERY = lazy_compile(rf"\b(?:{_WORDS.pattern('partial_recovery_words')})\b", re.IGNORECASE)
_FULL_RECOVERY = lazy_compile(rf"\b(?:{_WORDS.pattern('recovery_full_words')})\b", re.IGNORECASE)
# "Customer impact began at 14:05 and ended at 17:25": the failure's two ends, stated
_IMPACT_WINDOW = lazy_compile(
    rf"\b(?:{_WORDS.pattern('window_subjects')})\b(?:\W+\S+){{0,2}}?\W+(?:{_WORDS.pattern('window_begins')})\b"
    rf"[^.;\n]{{1,40}}?\b(?:{_WORDS.pattern('window_ends')})\b",
    re.IGNORECASE,
)
# ... not in a sentence about another failure ("It was not the outage of 14 January, which …")
_ANOTHER_FAILURE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('another_failure_words')})\s+(?:\S+\s+){{0,3}}?(?:{_WORDS.pattern('window_failure_words')}"
    rf"|{_WORDS.pattern('window_subjects')}|{_WORDS.pattern('failure_words')})\b",
    re.IGNORECASE,
)
# ... and a summary sentence that says the failure lasted so long ("saw 503 errors for …")
_IMPACT_FAILURE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('failure_words')}|{_WORDS.pattern('window_failure_words')})\b", re.IGNORECASE)
_DURATION_LABEL = lazy_compile(
    rf"(?:^|(?<=[.!?][ \t]))[ \t*_-]*(?:{_WORDS.pattern('duration_labels')})"
    rf"[ \t]*(?::[ \t*_]*|[*_]+[ \t]*:[ \t]*)",
    re.IGNORECASE | re.MULTILINE,
)
_ENTRY_KINDS = (Kind.ITEM, Kind.LINE, Kind.ROW, Kind.PARAGRAPH)  # (one paragraph an entry too)
# the fewest clock-timed entries that make a timeline
TIMELINE_ENTRIES = 3


def incident_window(b: Builder, layout: Layout, found: Sequence[Scope]) -> bool:
    """The claims that tie a summary's stated length of the failure to its timeline; whether the
    text has such a timeline."""
    _impact_window(b, layout)
    window = _window(b, layout, found)
    if window is None:
        return False
    onset, recovery, exact = window
    for labelled in _DURATION_LABEL.finditer(b.text):
        # "**Duration:** 2 hours 26 minutes": a field of the review's header, the failure's length
        # (or a sentence of its summary: "… to time out. Duration of customer impact: 3 hours")
        first = bisect.bisect_left(b.timex_starts, labelled.end())
        told = b.timexes[first:first + 1]
        if told and told[0].type == "DURATION" and not b.text[labelled.end():told[0].start].strip(" \t*_"):
            line_end = b.text.find("\n", told[0].end)
            line = (labelled.start(), line_end if line_end >= 0 else len(b.text))
            _stated_length(b, line, told[0], onset, recovery, labelled, exact=exact)
    for sentence in b.sentences:
        if not _in_summary(b, layout, sentence.start):
            continue
        told = _timexes_of(b, sentence)
        if any(_another_time(b, timex, onset, recovery) for timex in told):
            continue  # "The first was on 14 November 2023 … the impact lasted 25 minutes": another failure
        for timex in told:
            if timex.type != "DURATION":
                continue
            _stated_length(b, (sentence.start, sentence.end), timex, onset, recovery, exact=exact)
    return True


def _impact_window(b: Builder, layout: Layout) -> None:
    """"Customer impact began at 14:05 and ended at 17:25" in the impact section, and "customers
    saw 503 errors for 3 hours and 40 minutes" in the summary: the failure the review states both
    ends of lasts as long as they say, neither more nor less."""
    window: tuple[Timex, Timex, Span] | None = None
    for sentence in b.sentences:
        if not _in_summary(b, layout, sentence.start) or not _IMPACT_WINDOW.search(
            b.text, sentence.start, sentence.end
        ):
            continue
        times = [t for t in _timexes_of(b, sentence) if t.type == "TIME"]
        if len(times) != 2 or window is not None:
            return  # (two windows, or a window of other times: no reading)
        window = times[0], times[1], Span(sentence.start, sentence.end, "claim")
    if window is None:
        return
    began, ended, told = window
    began_period = period_of(began, b.dct, b.options.hemisphere)
    ended_period = period_of(ended, b.dct, b.options.hemisphere)
    if began_period is None or ended_period is None:
        return
    for sentence in b.sentences:
        if not _in_summary(b, layout, sentence.start) or told.start <= sentence.start < told.end:
            continue
        told_here = _timexes_of(b, sentence)
        lengths = [t for t in told_here if t.type == "DURATION"]
        if len(lengths) != 1 or _IMPACT_FAILURE.search(b.text, sentence.start, sentence.end) is None:
            continue
        if any(dated_outside(b, t, Period(began_period.start, ended_period.end, "")) for t in told_here) or (
            _ANOTHER_FAILURE.search(b.text, sentence.start, sentence.end)
        ):
            continue  # "not the same fault as the outage of 12 March, which lasted 40 minutes": another
        timex = lengths[0]
        stated = _failure_length(b, sentence.start, sentence.end, timex)
        if stated is None:
            continue
        gap, event_id = stated
        span = Span(timex.start, timex.end, "event")
        failure_claims(
            b, event_id, span, gap.text, gap, "the length of the failure the review states",
            (began_period, Span(began.start, began.end, "claim"), "the time the review says impact began"),
            (ended_period, Span(ended.start, ended.end, "claim"), "the time the review says impact ended"),
            exact=True,
        )


def _timexes_of(b: Builder, sentence: Sentence) -> Sequence[Timex]:
    """The expressions of ``sentence``, in text order."""
    first = bisect.bisect_left(b.timex_starts, sentence.start)
    return b.timexes[first:bisect.bisect_left(b.timex_starts, sentence.end)]


def _another_time(b: Builder, timex: Timex, onset: Scope, recovery: Scope) -> bool:
    """Does the summary sentence date what it tells outside the timeline's window (the day of
    an earlier failure, another hour)?"""
    return dated_outside(b, timex, Period(onset.period.start, recovery.period.end, ""))


def dated_outside(b: Builder, timex: Timex, window: Period) -> bool:
    """Is ``timex`` a date or time whose period lies wholly outside ``window``?"""
    if timex.type not in ("DATE", "TIME"):
        return False
    period = period_of(timex, b.dct, b.options.hemisphere)
    return period is not None and period.bounded and window.bounded and not period.overlaps(window)


def _heading_between(layout: Layout, lo: int, hi: int) -> bool:
    """Is a section's heading (not a line read as one, "**Tuesday 7 November**") between the
    offsets ``lo`` and ``hi``?"""
    return any(block.kind is Kind.HEADING and block.level <= _SECTION_LEVELS and lo < block.start < hi
               for block in layout.blocks)


_SECTION_LEVELS = 6  # (a line read as a heading has the level after these)


def _window(b: Builder, layout: Layout, found: Sequence[Scope]) -> tuple[Scope, Scope, bool] | None:
    """The latest entry saying the failure began before the first one saying service is back,
    in one list of clock-timed entries; and whether the two say that the failure began then
    ("Login failures begin") and was over for everyone then ("Logins restored for all
    customers"), so that it lasted exactly from one to the other."""
    entries = clock_entries(found, _ENTRY_KINDS)
    if len(entries) < TIMELINE_ENTRIES:
        return None
    onset: Scope | None = None
    began = False
    for entry in entries:
        words = b.text[entry.end:entry.block.end]
        back = _RECOVERY.search(words)
        if back is not None and _PARTIAL_RECOVERY.search(words):
            back = None  # "Logins start working again for customers in some regions": not yet over
        if onset is not None and back is not None:
            apart = entry.block.parent != onset.block.parent and _heading_between(
                layout, onset.start, entry.start)
            if _minutes(entry) <= _minutes(onset) or apart:
                # a time that does not run on, or another section's list: no window to read (but
                # "**Monday 6 November** - 23:12 … **Tuesday 7 November** - 01:52 …": one timeline
                # told in a list for each day)
                return None
            return onset, entry, began and _FULL_RECOVERY.search(back.group()) is not None
        told = _ONSET.search(words)
        if told is not None and not _SINCE_ONSET.search(words, 0, told.start()):
            onset = entry  # (not "Incident declared, 15 minutes after the first failures": told back)
            began = _EXPLICIT_ONSET.search(told.group()) is not None
    return None


def _minutes(scope: Scope) -> int:
    return scope.period.start or 0


def _in_summary(b: Builder, layout: Layout, offset: int) -> bool:
    """Is ``offset`` in a section whose heading calls it the summary or the impact, or in the
    review's lead, before its first section (under its title, if any)?"""
    for block in layout.enclosing(offset):
        if block.kind is Kind.HEADING and block.level != 1:
            words = set(_HEADING_WORD.findall(b.text[block.start:block.end].lower()))
            return bool(words & _SUMMARY_HEADINGS)
    return any(block.kind is Kind.HEADING and block.level > 1 and block.start > offset
               for block in layout.blocks)


def _stated_length(b: Builder, sentence: tuple[int, int], timex: Timex, onset: Scope,
                   recovery: Scope, failure: re.Match[str] | None = None, *, exact: bool = False) -> None:
    text = b.text
    lo, hi = sentence
    failure = failure or _FAILURE.search(text, lo, hi)
    if failure is None:
        return
    stated = _failure_length(b, lo, hi, timex)
    if stated is None:
        return
    gap, event_id = stated
    span = Span(min(timex.start, failure.start()), max(timex.end, failure.end()), "event")
    failure_claims(
        b, event_id, span, text[span.start:span.end], gap,
        "the length of the failure the review states",
        (onset.period, Span(onset.start, onset.block.end, "claim"),
         "the timeline's entry saying the failure had begun"),
        (recovery.period, Span(recovery.start, recovery.block.end, "claim"),
         "the timeline's first entry saying service was back"),
        exact=exact,
    )


def _failure_length(b: Builder, lo: int, hi: int, timex: Timex) -> tuple[Gap, str] | None:
    """The stated length of the failure in ``timex`` (of the sentence ``[lo, hi)``) and the id of
    its event; None for the length of a step, part of the time or a distance ("took 20 minutes
    to find", "for the first 20 minutes", "12 minutes after the rollback"), or one read already."""
    text = b.text
    length = seconds_of(timex.value)
    if length is None or length <= 0 or _STEP.search(text, lo, hi) or (
        _PART_BEFORE.search(text, max(lo, timex.start - 30), timex.end)
        # (not "for 95 minutes after a configuration change …": a length, then what caused it)
        or (_DISTANCE_AFTER.match(text, timex.end) and timex.signal != "for")
        or _PART_AFTER.match(text, timex.end)
    ):
        return None
    lower, upper = stated_bounds(text, timex, length, unit_of(timex.value))
    words = " ".join(text[timex.start:timex.end].split())
    event_id = f"the failure the review times, “{words}” ({b.where(timex.start)})"
    return None if event_id in b.events else (Gap(lower, upper, words), event_id)


# a time the failure is told at: its period, the words that tell it, and how they do
Told = tuple[Period, Span, str]


def failure_claims(b: Builder, event_id: str, span: Span, words: str, length: Gap, length_via: str,
                   began: Told, back: Told, *, exact: bool = False) -> None:
    """The event ``event_id`` of a failure whose stated length is ``length``: under way by the
    time ``began`` tells, and until the time ``back`` tells (``exact``: starting and ending then)."""
    text = b.text
    b.events[event_id] = Event(event_id, words, span, None, "incident")
    b.claims.append(EventExists(event_id, span))
    b.claims.append(TextDurationClaim(
        event_id, length, Span(span.start, span.end, "claim"), words=words,
        conflict_kind=ConflictKind.DURATION, via=length_via,
    ))
    start_qualifier, end_qualifier = (
        (Qualifier.IN, Qualifier.IN) if exact else (Qualifier.BY, Qualifier.ON_OR_AFTER))
    for (period, told, via), part, qualifier in ((began, Part.START, start_qualifier),
                                                 (back, Part.END, end_qualifier)):
        b.claims.append(TextPeriodClaim(
            event_id, part, qualifier, period, told,
            words=" ".join(text[told.start:told.end].split()), conflict_kind=ConflictKind.DURATION, via=via,
        ))
