"""An item under a dated heading that names its occasion, told again in its section on a day.

A newsletter or a programme heads an item with a day and the occasion ("### Saturday 14
September — Harvest Supper"), and the item's prose may say when it was held ("The supper was held
on Saturday 21 September"). The occasion the heading names is on the heading's day; a sentence
of its section whose subject is that occasion (its head word: "The supper", "The harvest
supper") held on another day contradicts it, unless the sentence says the day was moved
("postponed", "instead": the heading keeps the plan)."""

from __future__ import annotations

import bisect
import re

from chrono.layout import Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.periods import DAY, Period
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.text.builder import Builder
from chrono.text.dating import UNDER_WAY, period_of
from chrono.text.vocabulary import vocabulary

__all__ = ["headed_items_retold"]

_WORDS = vocabulary("layout")
_HELD = _WORDS.pattern("headed_item_held")
_MOVED = lazy_compile(rf"\b(?:{_WORDS.pattern('headed_item_moved')})\b", re.IGNORECASE)
_OTHER_EDITION = lazy_compile(rf"\b(?:{_WORDS.pattern('headed_item_other_edition')})\b|\d", re.IGNORECASE)
# a day this far from the heading's is another occasion's (last year's show), not a slip
_OCCASION_REACH = 92 * DAY
# what may stand between a heading's day and the occasion's name
_NAME_AFTER_DAY = lazy_compile(
    r"[\s,]*(?:[—–:-]+|\bat\b)?[\s*_]*((?:[A-Z][\w'’-]*\s+){0,3}([A-Z][a-z'’-]{2,}))[\s*_]*\Z")
_DAY_VALUE = lazy_compile(r"\d{4}-\d\d-\d\d\Z")


def headed_items_retold(b: Builder, layout: Layout) -> None:
    """Claims that an occasion a dated heading names, told held in its section, overlaps the
    heading's day."""
    for start, scope_end, day in b.dated_sections:
        heading = next((block for block in layout.blocks
                        if block.start == start and block.kind is Kind.HEADING), None)
        if heading is None or not _DAY_VALUE.match(day.value) or day.start != heading.start:
            continue
        name = _NAME_AFTER_DAY.match(b.text, day.end, heading.end)
        period = period_of(day, b.dct, b.options.hemisphere)
        if name is None or period is None:
            continue
        head = name.group(2).lower()
        subject = lazy_compile(
            rf"[\s\"“]*The\s+(?:[\w'’-]+\s+){{0,2}}{re.escape(head)}\s+(?:{_HELD})\b",
            re.IGNORECASE)
        for sentence in b.sentences[bisect.bisect_left(b.sentence_starts, heading.end):]:
            if sentence.start >= scope_end:
                break
            told = subject.match(b.text, sentence.start, sentence.end)
            if told is None or _MOVED.search(b.text, sentence.start, sentence.end) or _OTHER_EDITION.search(
                b.text, told.start(), told.end()
            ):
                continue
            dated = [(event, timex) for (at, _), timex in b.dated_by.items()
                     if sentence.start <= at < sentence.end and timex.start >= told.end()
                     and (event := b.by_trigger.get(at)) is not None]
            if len({event for event, _ in dated}) != 1 or not _near(b, dated[0][1], period):
                continue
            span = b.span(day.start, heading.end, told.start(), told.end())
            note = f"the occasion the heading “{' '.join(b.text[day.start:heading.end].split())}” names"
            for bound in UNDER_WAY:  # (the heading's day holds some of it)
                b.period_claim(dated[0][0], bound.part, bound.qualifier, period, span,
                               rule=ConflictKind.LAYOUT, note=note)
            break


def _near(b: Builder, timex: Timex, heading: Period) -> bool:
    """Is the period of ``timex`` within a season of the heading's day?"""
    told = period_of(timex, b.dct, b.options.hemisphere)
    return told is not None and told.bounded and heading.bounded and (
        abs((told.start or 0) - (heading.start or 0)) <= _OCCASION_REACH)
