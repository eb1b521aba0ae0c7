"""Seasons and quarters that the words put together with a month or a day ("That same summer,
on 20 December", "last summer, at their meeting on 14 November", "the Q3 outage in May", "in
May, during the third quarter"): the cues the season rule compares (chrono.cues.SeasonCue).

A season's months depend on the hemisphere: the places the sentence names (chrono.places), or
else its paragraph's, or else the document's; with none, the configured hemisphere. A place
near the equator has no temperate seasons, and its seasons are not read. A quarter is the
calendar's unless the text speaks of fiscal years: then only where the text says its fiscal
year starts (chrono.text.fiscal), or the configuration does, are its months known.

The links are in chrono/lang/en/prose/seasons.yaml.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from chrono.cues import SeasonCue
from chrono.lazy_regex import lazy_compile
from chrono.model import Span
from chrono.periods import Hemisphere
from chrono.places import Place, names_place_of_either_hemisphere
from chrono.regex_cache import compile_kept
from chrono.tagger import Timex
from chrono.text.fiscal import fiscal_start, speaks_of_fiscal_years
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import vocabulary

__all__ = ["season_cues"]

_WORDS = vocabulary("seasons")
_PERIOD = lazy_compile(r"(?P<year>\d{4}|XXXX)-(?:(?P<season>SP|SU|FA|WI)|Q(?P<quarter>[1-4]))\Z")
_MONTH = lazy_compile(r"(?P<year>\d{4}|XXXX)-(?P<month>\d\d)(?:-(?:\d\d|XX)(?:T.*)?)?\Z")
# "in the depths of winter": the season around the date after it, through "of"
_IN_THE_DEPTHS = lazy_compile(rf"\b(?:{_WORDS.pattern('season_depth_words')})\s+of\s+(?:the\s+)?\Z",
                              re.IGNORECASE)
_HEMISPHERE_WORDS = {str(word): str(side) for word, side in _WORDS.table("hemisphere_words").items()}
# "the southern summer": the hemisphere word right before the season word
_QUALIFIED = lazy_compile(
    rf"\b({'|'.join(map(re.escape, _HEMISPHERE_WORDS))})\s+(?:{_WORDS.pattern('season_nouns')})\b",
    re.IGNORECASE,
)
# the signals under which an expression says when something was, not a bound of it
_AT_SIGNALS = frozenset({None, "in", "on", "during", "at"})


class _Links(NamedTuple):
    period_then_date: re.Pattern[str]
    date_then_period: re.Pattern[str]
    quarter_event: re.Pattern[str]
    quarter_part: re.Pattern[str]
    clause_break: re.Pattern[str]
    quarter_months: re.Pattern[str]


# "the semester's second quarter", "the match's third quarter": a quarter of something else
_OTHER_OWNER = lazy_compile(rf"\b(?:{_WORDS.pattern('quarter_owners')})['’]s\s+(?:\w+\s+)?\Z", re.IGNORECASE)


@functools.cache
def _links() -> _Links:
    def one_of(key: str) -> re.Pattern[str]:
        return compile_kept("|".join(f"(?:{p})" for p in _WORDS.words(key)), re.IGNORECASE)

    return _Links(
        one_of("period_then_date"),
        one_of("date_then_period"),
        compile_kept(rf"\s+(?:{_WORDS.pattern('quarter_events')})\s+(?:in|on|during)\s+", re.IGNORECASE),
        one_of("quarter_parts"),
        compile_kept(rf"\b(?:{_WORDS.pattern('clause_breaks')})\b", re.IGNORECASE),
        one_of("quarter_months"),
    )


def season_cues(text: str, timexes: Sequence[Timex], sentences: Sequence[Sentence], places: Sequence[Place],
                hemisphere: Hemisphere, configured_fiscal_start: int | None = None, *,
                hemisphere_stated: bool = True) -> Iterator[SeasonCue]:
    # a period under another signal ("profit for the third quarter") only with its months stated
    periods = [t for t in timexes if t.type == "DATE" and _PERIOD.match(t.value) and t.range_id is None]
    if not periods:
        return
    fiscal = speaks_of_fiscal_years(text)
    # a text that names only a place of either hemisphere, none configured: its seasons are assumed
    assumable = not hemisphere_stated and not places and names_place_of_either_hemisphere(text)
    own_start = functools.cache(functools.partial(fiscal_start, text))  # read once, when first needed
    quarter_start = configured_fiscal_start if configured_fiscal_start is not None else (
        own_start() if fiscal else 1)
    by_start = {t.start: i for i, t in enumerate(timexes)}
    for period in periods:
        sentence = next((s for s in sentences if s.start <= period.start < s.end), None)
        if sentence is None:
            continue
        shape = _PERIOD.match(period.value)
        assert shape is not None
        if shape["quarter"] and quarter_start is None:
            continue  # a fiscal quarter whose months the text does not give
        owner = _OTHER_OWNER.search(text, max(sentence.start, period.start - 30), period.start)
        if shape["quarter"] and owner is not None:
            continue  # "the spring semester's second quarter": a quarter of a term, not of a year
        index = by_start.get(period.start)
        if index is None:
            continue
        in_the_depths = _IN_THE_DEPTHS.search(text, max(sentence.start, period.start - 24), period.start)
        date = _linked(text, timexes, index, sentence, bool(shape["quarter"])) if (
            period.signal in _AT_SIGNALS or in_the_depths) else None
        if date is None and shape["season"]:
            date = _labelled_noun_date(text, timexes, index, sentence)
        if date is None:
            date = _month_of_period(text, timexes, index, sentence)
        if date is None and shape["quarter"]:
            date = _months_of_quarter(text, timexes, index)
            stated = configured_fiscal_start is not None or own_start() is not None
            if date is not None and not stated:
                continue  # "Q4, the three months to June 30": the months say where its year starts
        if date is None:
            continue
        month = _MONTH.match(date.value)
        assert month is not None
        period_year, date_year = _written_year(period, shape["year"]), _written_year(date, month["year"])
        both_written = shape["year"] in period.text and month["year"] in date.text
        if both_written and shape["year"] != month["year"] and not (
            shape["season"] == "WI" and int(month["year"]) == int(shape["year"]) + 1
        ):
            continue  # "in October 1987, in the autumn of 2000": two times of a list, each with its year
        hemispheres: frozenset[str] = frozenset()
        assumed = mixed = False
        if shape["season"]:
            qualified = _QUALIFIED.search(text, max(sentence.start, period.start - 20), period.end)
            hemispheres = (frozenset({_HEMISPHERE_WORDS[qualified.group(1).lower()]}) if qualified
                           else _hemispheres(places, sentence, sentences, hemisphere))
            if not hemispheres:
                continue  # a place near the equator: no temperate seasons
            assumed = not qualified and assumable
            mixed = not qualified and bool(_named_hemispheres(places) - hemispheres)
        yield SeasonCue(
            period.text, Span(period.start, period.end), "season" if shape["season"] else "quarter",
            shape["season"] or shape["quarter"], period_year,
            date.text, Span(date.start, date.end), date_year, int(month["month"]),
            hemispheres, quarter_start or 1, assumed, mixed,
        )


def _written_year(timex: Timex, year: str) -> int | None:
    """The year of ``timex`` when the words give it (not the DCT, not the story)."""
    return int(year) if timex.anchor is None and year.isdigit() else None


def _linked(text: str, timexes: Sequence[Timex], index: int, sentence: Sentence, quarter: bool
            ) -> Timex | None:
    """The month or day the words tie to the period ``timexes[index]``: the expression right
    after it (or right before it) in the sentence, with only a link of seasons.yaml between."""
    links = _links()
    period = timexes[index]
    after = timexes[index + 1] if index + 1 < len(timexes) else None
    if after is not None and after.start < sentence.end and _is_date(after) and after.anchor != period.value:
        # (not a date counted from the period: "in the spring of 2021, … about eighteen months later")
        between = text[period.end:after.start]
        if quarter and links.quarter_part.fullmatch(between):
            return after  # (its words say the month is in the quarter, "to" and "by" included)
        if not links.clause_break.search(between) and (
            links.period_then_date.fullmatch(between)
            or (quarter and links.quarter_event.fullmatch(between))
        ):
            return after
    before = timexes[index - 1] if index > 0 else None
    if before is not None and before.start >= sentence.start and _is_date(before):
        signal = period.signal_start if period.signal_start is not None else period.start
        between = text[before.end:signal]
        if not links.clause_break.search(between) and links.date_then_period.fullmatch(between):
            return before
    return None


_SUPERLATIVE_MONTH_OF = lazy_compile(
    rf"\b(?:{_WORDS.pattern('superlative_months')})\s+{_WORDS.pattern('superlative_month_unit')}\s+"
    rf"{_WORDS.pattern('superlative_month_of')}\s+\Z",
    re.IGNORECASE,
)
_MONTH_OF_PERIOD_VERB = lazy_compile(rf"\s+(?:{_WORDS.pattern('month_of_period_verbs')})\s+", re.IGNORECASE)


def _month_of_period(text: str, timexes: Sequence[Timex], index: int, sentence: Sentence) -> Timex | None:
    """"the strongest month of the quarter had been June": the month the words name as one of the
    period's."""
    period = timexes[index]
    after = timexes[index + 1] if index + 1 < len(timexes) else None
    if after is None or after.start >= sentence.end or not _is_date(after):
        return None
    if not _SUPERLATIVE_MONTH_OF.search(text, max(sentence.start, period.start - 40), period.start):
        return None
    return after if _MONTH_OF_PERIOD_VERB.fullmatch(text, period.end, after.start) else None


_LABELLED_NOUN = lazy_compile(
    rf"(?:[ \t]+[a-z][\w-]*){{0,2}}?[ \t]+(?:{_WORDS.pattern('season_labelled_nouns')}),?[ \t]+"
    rf"(?:(?:{_WORDS.pattern('season_labelled_verbs')})[ \t]+)?"
    rf"(?:(?:{_WORDS.pattern('season_labelled_prepositions')})[ \t]+)?"
    rf"(?:{_WORDS.pattern('season_labelled_article')}[ \t]+)?"
)


# the signals of a noun phrase the season labels: "after the midwinter storm of 18 January"
_NOUN_SIGNALS = frozenset({None, "after", "before", "during"})
# the signals of a bound of something else, not the day of such a noun
_BOUND_SIGNALS = frozenset({"until", "by", "since", "through", "as_of"})


def _labelled_noun_date(text: str, timexes: Sequence[Timex], index: int, sentence: Sentence) -> Timex | None:
    """"the winter school holidays, from 18 December to 29 January": the day (the range's first)
    right after the noun a season labels."""
    period = timexes[index]
    after = timexes[index + 1] if index + 1 < len(timexes) else None
    if period.signal not in _NOUN_SIGNALS or after is None or after.start >= sentence.end:
        return None
    if after.type != "DATE" or _MONTH.match(after.value) is None or (
        after.range_id is not None and after.range_role != "begin"
    ):
        return None
    edge = after.signal_start if after.signal_start is not None else after.start
    if after.signal in _BOUND_SIGNALS and "," in text[period.end:edge]:
        return None  # "ran, with a mid-winter break, until Sunday 28 May": the run's bound, not the break's
    return after if _LABELLED_NOUN.fullmatch(text, period.end, edge) else None


def _months_of_quarter(text: str, timexes: Sequence[Timex], index: int) -> Timex | None:
    """The date that ends the months a quarter is said to be ("the third quarter, the three
    months to June 30")."""
    months = _links().quarter_months.match(text, timexes[index].end)
    if months is None:
        return None
    after = next((t for t in timexes[index + 1:] if t.start >= months.end()), None)
    # ("to June 30" gives the date a signal of its own: the words matched above are the link)
    if after is None or after.start != months.end() or after.type != "DATE" or (
        after.range_id is not None and after.range_role != "end"
    ):
        return None
    return after if _MONTH.match(after.value) is not None else None


def _is_date(timex: Timex) -> bool:
    return (timex.type in ("DATE", "TIME") and _MONTH.match(timex.value) is not None
            and timex.signal in _AT_SIGNALS and timex.range_id is None)


def _named_hemispheres(places: Sequence[Place]) -> frozenset[str]:
    """The temperate hemispheres the text's places are in."""
    return frozenset(p.hemisphere for p in places) - {"tropical"}


def _hemispheres(places: Sequence[Place], sentence: Sentence, sentences: Sequence[Sentence],
                 configured: Hemisphere) -> frozenset[str]:
    """The hemispheres whose seasons the sentence speaks of: its places', else its paragraph's,
    else the document's, else the configured one; none near the equator."""
    paragraph = [s for s in sentences if s.paragraph == sentence.paragraph]
    lo, hi = (paragraph[0].start, paragraph[-1].end) if paragraph else (sentence.start, sentence.end)
    for start, end in ((sentence.start, sentence.end), (lo, hi), (0, 1 << 62)):
        named = {p.hemisphere for p in places if start <= p.start < end}
        if named:
            return frozenset(named - {"tropical"})
    return frozenset({configured.value})
