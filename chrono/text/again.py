"""An act told twice with "and again": "ran for office in 2005, and again in a 2003 by-election".

The second time is told after the first, so it does not start before the first starts. Both
times are dates of the same sentence, joined by "and again" and a preposition of time (the words
are in chrono/lang/en/prose/order.yaml); the claim is between those dates, whatever the event
words around them are.
"""

from __future__ import annotations

import bisect
import itertools
import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Event, EventExists, Gap, Grade, Part, Qualifier, Side, Span
from chrono.periods import InvalidValue, NotAPeriod, parse_value
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.text.builder import Builder
from chrono.text.claims import TextGapClaim, TextPeriodClaim
from chrono.text.vocabulary import Hint, vocabulary

__all__ = ["Dated", "ordered_dates", "told_again"]

_WORDS = vocabulary("order")
# ", and again in a", " and once more on": what joins the first time to the second
_AGAIN = lazy_compile(
    rf"\s*,?\s+(?:{_WORDS.pattern('again_joiners')})\s+(?:{_WORDS.pattern('again_prepositions')})\s+"
    r"(?:(?:a|an|the)\s+)?\Z",
    re.IGNORECASE,
)
_AGAIN_HINT = Hint.of(_WORDS.words("again_joiners"))
# the preposition of time before the first date ("in 2005")
_FIRST_LEAD = lazy_compile(rf"\b(?:{_WORDS.pattern('again_prepositions')})\s+\Z", re.IGNORECASE)


def told_again(b: Builder) -> None:
    """The claims that put the time after "and again" no earlier than the time before it."""
    text = b.text
    for sentence in b.sentences:
        if not _AGAIN_HINT.may_match(text, sentence.start, sentence.end):
            continue
        first = bisect.bisect_left(b.timex_starts, sentence.start)
        last = bisect.bisect_left(b.timex_starts, sentence.end)
        dates = [t for t in b.timexes[first:last] if t.type in ("DATE", "TIME")]
        for one, two in itertools.pairwise(dates):
            if _AGAIN.search(text, one.end, two.start) is None or two.start - one.end > 40:
                continue
            if _FIRST_LEAD.search(text, max(sentence.start, one.start - 12), one.start) is None:
                continue  # "… by 2005, and again in 2003": the first is no time of the act
            _claim(b, one, two)


def _claim(b: Builder, one: Timex, two: Timex) -> None:
    # (a year-less month the tagger put after the document date has a guessed year: "raised its
    # prices twice, in April and again in September" in March may mean last April, a doubt)
    guessed = any(t.anchor == "DCT" and _after_dct(b, t) for t in (one, two))
    ordered_dates(b, (one, Span(one.start, one.end, "event"), "the first time"),
                  (two, Span(two.start, two.end, "event"), "the time told 'again'"),
                  Span(one.start, two.end, "claim"), date_via="the date of that time",
                  order_via="'again' tells a second time, after the first",
                  grade=Grade.WEAK if guessed else Grade.STRONG)


def _after_dct(b: Builder, timex: Timex) -> bool:
    """Does ``timex`` start after the document date?"""
    try:
        period = parse_value(timex.value)
    except (InvalidValue, NotAPeriod):
        return False
    dct = b.dct
    return dct is not None and dct.end is not None and period.start is not None and period.start >= dct.end


Dated = tuple[Timex, Span, str]  # a date, the words that name its event, and what they are


def ordered_dates(b: Builder, first: Dated, second: Dated, span: Span, *, date_via: str, order_via: str,
                  grade: Grade = Grade.STRONG) -> None:
    """Two things the text dates, each an event of its own in its date, the first starting no
    later than the second (``span``: the words that say so)."""
    try:
        periods = (parse_value(first[0].value), parse_value(second[0].value))
    except (InvalidValue, NotAPeriod):
        return
    if not all(p.bounded for p in periods):
        return
    ids = []
    for _, named, label in (first, second):
        words = b.text[named.start:named.end]
        event_id = f"{label}, “{words}” ({b.where(named.start)})"
        where = Span(named.start, named.end, "event")
        b.events[event_id] = Event(event_id, words, where, None, "occurrence")
        b.claims.append(EventExists(event_id, where))
        ids.append(event_id)
    for event_id, (timex, _, _), period in zip(ids, (first, second), periods, strict=True):
        # ("yesterday", "becomes the first woman to …": now, a year the document's date tells)
        from_dct = timex.anchor == "DCT" and not timex.guessed
        b.claims.append(TextPeriodClaim(
            event_id, Part.WHOLE, Qualifier.IN, period, Span(timex.start, timex.end, "claim"),
            words=timex.text, conflict_kind=ConflictKind.ORDER,
            via="counted from the document's date" if from_dct else date_via, year_from_dct=from_dct,
        ))
    b.claims.append(TextGapClaim(
        Endpoint(ids[0], Side.START), Endpoint(ids[1], Side.START), Gap(0, None, ""), span,
        words=b.text[span.start:span.end], conflict_kind=ConflictKind.ORDER, grade=grade, via=order_via,
    ))
