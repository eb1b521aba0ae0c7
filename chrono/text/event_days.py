"""Days counted within an event: "on the eighth day of the walkout, Thursday 19 October" after
"About 380 drivers stopped work at 4am on Monday 9 October": the day written beside "the Nth
day of" an event is N − 1 days after the event's first day, so the event starts on the day that
many days before it (:attr:`ConflictKind.OFFSET`). Read only where the day is set beside the
count ("on the eighth day of the strike, Thursday 19 October", "On Thursday 19 October, the
eighth day of the strike,"), the event is a noun of the lexicon, and the count is an ordinal
word or figure ("eighth", "8th"); a doubtful link of that noun to the event it refers back to
leaves the reading a doubt. "The first (opening) day of" dates the event's start, "the last
(final, closing) day of" its end."""

from __future__ import annotations

import re
from datetime import date, timedelta

from chrono.lazy_regex import lazy_compile
from chrono.model import Part, Qualifier, Span
from chrono.periods import Period
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.text.builder import Builder
from chrono.text.dating import DAY_VALUE
from chrono.text.vocabulary import vocabulary

__all__ = ["event_days"]

_ORDINALS = {str(word): int(place) for word, place in vocabulary("coreference").table("ordinal_words").items()
             if "-" not in str(word) and str(word) not in ("initial", "original")}
_ORDINALS.update({str(word): 1 for word in vocabulary("offsets").words("event_first_day_words")})
# "on the last day of the show, Sunday 20 August": the day the event ends
_LAST_DAY = vocabulary("offsets").words("event_last_day_words")
_LAST = -1
_DETERMINERS = vocabulary("offsets").pattern("event_day_determiners")
_ORDINAL_WORDS = "|".join(sorted((*_ORDINALS, *_LAST_DAY), key=len, reverse=True))
_EVENT_DAY = lazy_compile(
    rf"\bthe\s+(?P<ord>{_ORDINAL_WORDS}|\d{{1,2}}(?:st|nd|rd|th))\s+"
    rf"day\s+of\s+(?:{_DETERMINERS})\s+(?:[\w'’-]+\s+){{0,2}}?(?P<noun>[a-z][\w-]*)\b",
    re.IGNORECASE,
)
# the day set beside the count: ", Thursday 19 October" after it, or "On Thursday 19 October, " before
_AFTER = lazy_compile(r"[ \t]*[,—–(][ \t]*(?:on[ \t]+)?")
_BEFORE = lazy_compile(r"[ \t]*[,—–(][ \t]*\Z")


def _place(word: str) -> int:
    word = word.lower()
    if word in _LAST_DAY:
        return _LAST
    return _ORDINALS.get(word) or int(word[:-2])


def event_days(b: Builder) -> None:
    """Claim that an event counted within starts that many days before the day set beside the
    count (see the module's docstring)."""
    text = b.text
    if "day of" not in text:
        return
    for match in _EVENT_DAY.finditer(text):
        place = _place(match.group("ord"))
        here = b.context_at(match.start())
        if here is None or place == 0:
            continue
        noun = next((t for t in here.triggers if t.start == match.start("noun") and t.pos == "noun"), None)
        day = _day_beside(b, here.timexes, match)
        if noun is None or day is None:
            continue
        event_id = b.event(noun, here)
        if _of_another_year(b, event_id, day):
            continue  # another occurrence of the kind than the one the story dates
        told = date.fromisoformat(day.value[:10])
        span = Span(min(day.start, match.start()), max(day.end, match.end()), "claim")
        if place == _LAST:
            b.period_claim(event_id, Part.END, Qualifier.IN, _days(told, told), span,
                           rule=ConflictKind.OFFSET, mentions=(noun,), note=f"its last day is {told}")
            continue
        first = told - timedelta(days=place - 1)
        # (a trial, an inquiry or a term counts the days it sits: the weekends between may not count)
        sitting = _sitting_days_back(told, place - 1)
        counted = first.isoformat() if sitting == first else (
            f"{sitting.isoformat()} (weekdays only) to {first.isoformat()}")
        note = f"day {place} of it is {told.isoformat()}, so its first day is {counted}"
        b.period_claim(event_id, Part.START, Qualifier.IN, _days(sitting, first), span,
                       rule=ConflictKind.OFFSET, mentions=(noun,), note=note)


def _days(first: date, last: date) -> Period:
    """The days from ``first`` to ``last``, both in."""
    return Period.of_days(first, last + timedelta(days=1))


def _of_another_year(b: Builder, event_id: str, day: Timex) -> bool:
    """Is every date the story gives the event of another year than ``day``?"""
    years = {told.value[:4] for offset in b.dated_at.get(event_id, ())
             if (told := b.timex_at(offset)) is not None and told.value[:4].isdigit()}
    return bool(years) and day.value[:4] not in years


def _sitting_days_back(day: date, days: int) -> date:
    """The day ``days`` weekdays before ``day`` (the weekend days between not counted)."""
    while days > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def _day_beside(b: Builder, timexes: tuple[Timex, ...], match: re.Match[str]) -> Timex | None:
    """The day written right beside the count, if one is."""
    for timex in timexes:
        if timex.type != "DATE" or not DAY_VALUE.fullmatch(timex.value) or timex.range_id is not None:
            continue
        if timex.start >= match.end() and _AFTER.fullmatch(b.text, match.end(), timex.start):
            return timex
        if timex.end <= match.start() and _BEFORE.search(b.text[timex.end:match.start()]) and (
            not b.text[timex.end:match.start()].strip(" \t,—–(")
        ):
            return timex
    return None
