"""Reports: what a dated report tells had happened by the time of the report ("As Reuters
reported on April 23, X happened"; "In a column on 2 February, the paper noted that the siege had
ended"), and a cited source's dated statement ("according to the channel on April 24").

A report bounds what it tells: an event it tells in a past or perfect tense was over by the
report (its end, or the end the aspectual verb names); one it tells in the progressive ("was
still raging") had at least begun. What it says would, could or will happen bounds nothing."""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Part, Qualifier, Side
from chrono.periods import Period
from chrono.tagger import Timex
from chrono.text.attachment import resolve
from chrono.text.builder import Builder
from chrono.text.clauses import clause_of
from chrono.text.context import SentenceContext
from chrono.text.events import Trigger, asserted
from chrono.text.signals import reading_of
from chrono.text.tense import PAST, PERFECT, PLUPERFECT, TOLD_AS_PAST
from chrono.text.vocabulary import vocabulary


def reported(b: Builder, here: SentenceContext) -> None:
    """What the one dated report of the sentence tells had happened (or started) by the time of
    the report."""
    triggers = here.triggers
    dated = [t for t in triggers if t.event_class == "reporting" and t.pos == "verb"
             and t.tense in (PAST, PERFECT) and (t.start, Part.WHOLE) in b.dated_parts]
    if len(dated) != 1:
        return  # several reports in one sentence: which one tells what is not clear
    report = dated[0]
    if not b.text[here.sentence.start:report.start].strip(_OPENING_MARKS):
        return  # "Written in 1981, the score lay in a drawer …": a participle of a thing, no report
    report_id = b.event(report, here)
    for t in triggers:
        if t is report or t.pos != "verb" or t.event_class in ("reporting", "causal"):
            continue
        if t.tense not in TOLD_AS_PAST or not asserted(t):
            continue
        if t.start > report.end and (_COORDINATED.search(b.text, report.end, t.start)
                                     or _AND_THEN_VERB.search(b.text, report.end, t.start)):
            # "We were told on the Friday, and the looms stopped a fortnight later"; "The engineer
            # acknowledged at 02:16 and joined the call at 02:24": a predicate of its own
            continue
        if t.end < report.start and _COORDINATED.search(b.text, t.end, report.start):
            continue  # "Alfie, who turned 4 yesterday, and a man who wrote in 2020": not what he wrote
        if t.end < report.start and _not_told_by(b.text, here.sentence.start, t, report):
            continue
        if t.start > report.end and _STILL_TO_COME.search(b.text, report.end, t.start):
            continue  # "said the pub would reopen on 17 May, when restrictions eased": to come
        target = resolve(b.text, t, triggers, here.cuts)
        content_id = b.event(target.trigger, here)
        if content_id == report_id:
            continue
        # "had ended", "captured": over by the report; "began": its start was; a state told in
        # the simple past may go on ("said the siege lasted"): only its start
        if target.part is Part.START or (t.tense in (PERFECT, PAST) and _continuing(here, t)):
            # ("have sought a foothold since August 2024": a perfect that runs on to the report; so
            # does a participle of a state since a time: "confirmed that the centre, closed since
            # March, will reopen")
            side = Side.START
        elif target.part is Part.END or (t.tense in (PERFECT, PLUPERFECT) or target.trigger.punctual):
            side = Side.END
        else:
            side = Side.START
        span = b.span(report.start, report.end, t.start, t.end)
        b.gap_claim(Endpoint(content_id, side), Endpoint(report_id, Side.END), Gap(0, None, ""),
                    span, None)


_OPENING_MARKS = " \t\n\"“‘'*_>#-"
# a clause joined after the report's, not what it tells: ", and the looms stopped", "; then"
_WORDS = vocabulary("reported")
_COORDINATED = lazy_compile(rf",[ \t]*(?:{_WORDS.pattern('joined_clause_words')})\b|;")
# the start of the report's clause: a subordinator right after the last mark of a clause
_SUBORDINATE_REPORT = lazy_compile(
    rf"(?:^|[,;:—–(])[ \t]*(?:{_WORDS.pattern('report_subordinators')})\b(?![^,;:—–(]*[,;:—–(])",
    re.IGNORECASE,
)
_RELATIVE_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('relative_words')})\b", re.IGNORECASE)
_STILL_TO_COME = lazy_compile(rf"\b(?:{_WORDS.pattern('future_in_the_past')})\b", re.IGNORECASE)
_AND_THEN_VERB = lazy_compile(
    rf"\b(?:{_WORDS.pattern('second_predicate_joiners')})[ \t]+"
    rf"(?:(?:{_WORDS.pattern('second_predicate_adverbs')})[ \t]+)?\Z"
)


def _not_told_by(text: str, sentence_start: int, verb: Trigger, report: Trigger) -> bool:
    """Is a verb before a report not what the report tells: the report stands in a clause of its
    own that a subordinator opens ("signed the agreement on 2 September, after the regulator
    confirmed on 9 September that …"), or the verb in a relative clause ("Residents whose homes
    flooded … have been told")? Not "was refloated after running aground on Tuesday, the
    harbour authority confirmed on Thursday"."""
    if _SUBORDINATE_REPORT.search(text[verb.end:report.start]) is not None:
        return True
    return _RELATIVE_BEFORE.search(text, sentence_start, verb.start) is not None and not any(
        mark in text[verb.end:report.start] for mark in ",;:—–"
    )


def _continuing(here: SentenceContext, verb: Trigger) -> bool:
    """Does a date of the verb's clause read as "since" (chrono/lang/en/prose/signals.yaml) say
    its perfect runs on to the time it is told at ("have sought … since August 2024")?"""
    _, clause_end = clause_of(here.cuts, verb.start)
    return any(verb.end <= t.start < clause_end and (reading := reading_of(t.signal)) is not None
               and reading.name == "since" for t in here.timexes)


def source_report(b: Builder, here: SentenceContext, start: int, end: int, timex: Timex,
                  period: Period) -> None:
    """A cited source's dated statement ("according to the channel on April 24"): a past report."""
    if timex.anchor is not None or b.dct is None:
        return
    words = b.text[start:end]
    trigger = Trigger(start, end, words, words.split()[0].lower(), "reporting", "noun", PAST, True)
    event_id = b.event(trigger, here)
    span = b.span(start, timex.end)
    b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, span)
    b.dct_claim(event_id, span)
