"""Dates of events: the period a time expression names, and the claims a date makes about the
event it is attached to (chrono.text.attachment), read through its signal
(chrono.text.signals).

Punctual events (an attack, a signing, a death) lie *within* the period; states and processes
only *overlap* it. A date whose year the tagger guessed is dropped when it contradicts the tense.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.model import Grade, Part, Qualifier, Span
from chrono.periods import (
    DAY,
    HOUR,
    WEEK,
    Hemisphere,
    InvalidValue,
    NotAPeriod,
    Period,
    date_of,
    day_start,
    parse_value,
)
from chrono.problems import ConflictKind, Problem, ProblemKind
from chrono.tagger import Timex
from chrono.tagger.tense import FUTURE_BEFORE_DCT, PAST_AFTER_DCT
from chrono.text.attachment import (
    FOR_PURPOSE,
    IN_FRONT,
    PURPOSE_INFINITIVE,
    WEEK_OPENING_SIGNALS,
    Target,
    again_or_predicate,
    aspect_phase,
    attach,
    coordinated_phases,
    governing_tense,
    in_of_phrase,
    in_set_off_relative,
    is_asserted,
    is_light,
    is_planned,
    is_setting,
    is_term,
    resolve,
    subject_of_past_verb,
)
from chrono.text.builder import Builder, day_of_clock, days_apart
from chrono.text.calendar_names import MONTHS, WEEKDAY_NAMES, WEEKDAY_NUMBERS, WEEKDAYS
from chrono.text.claims import TextDurationClaim, TextPeriodClaim
from chrono.text.clauses import FUNCTION_WORDS, SUBORDINATE_OPENER, looks_finite, words_between, words_in
from chrono.text.context import SentenceContext
from chrono.text.counts import NUMBERS, count_of
from chrono.text.cue_dates import weekday_pins_year
from chrono.text.events import Trigger, asserted, lexicon
from chrono.text.reported import source_report
from chrono.text.sentences import Sentence, in_quote
from chrono.text.signals import IN, SINCE, Bound, Reading, range_reading, reading_of, schedules
from chrono.text.tense import (
    INFINITIVE,
    NOMINAL,
    PAST,
    PERFECT,
    PLANNED,
    PRESENT,
    PROGRESSIVE,
    TOLD_AS_PAST,
    in_absolute_phrase,
    negated_until_at,
)
from chrono.text.vocabulary import Hint, alternation, each_then_space, vocabulary

_WEEKDAY_WORDS = alternation(WEEKDAY_NAMES.values())
_NAMED_DAY = lazy_compile(rf"\d|\b(?:{_WEEKDAY_WORDS})\b", re.IGNORECASE)
_WORDS = vocabulary("dating")
_PLAN_END_SIGNALS = _WORDS.set("plan_end_signals")
_PLAN_GOING_ON = _WORDS.set("plan_going_on_verbs")
_BARE_WEEKDAY = lazy_compile(rf"(?:{_WEEKDAY_WORDS})", re.IGNORECASE)
_WEEKDAY_IN = lazy_compile(rf"\b(?:{_WEEKDAY_WORDS})\b", re.IGNORECASE)
_PLAN_REACH = 31 * DAY  # how long before the document a plan's day may lie and be surely a slip
_FIGURE = lazy_compile(r"\d")
# "will reopen", "will be held", "'ll open": a plan told from now (not "had been due to decide")
# "Councillors will decide … when they vote at a full council meeting": a "will" and its verb
_FUTURE_VERB = lazy_compile(
    rf"\b(?:{vocabulary('tense').pattern('future_auxiliaries')})\s+[a-z]+\b", re.IGNORECASE)
_WILL_ANYWHERE = lazy_compile(
    rf"(?<![\w'’])(?:{vocabulary('tense').pattern('future_auxiliaries')})\s+[a-z]+\b", re.IGNORECASE)
_WILL_BEFORE = lazy_compile(
    rf"(?<![\w'’])(?:{vocabulary('tense').pattern('future_auxiliaries')})\s+(?:[a-z]+\s+){{0,2}}\Z",
    re.IGNORECASE,
)
# "is due to open to the public on Friday 24 June": a plan told in the present
_PRESENT_PLAN_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('present_plan_phrases')})\s+(?:[a-z]+\s+){{0,1}}\Z", re.IGNORECASE)
_EXCEPTION_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('exception_words')})\b[^.;:!?\n]*\Z", re.IGNORECASE)
# lower case only: "joined the Daily Courier in 1966", "wrote for The Times in 1990" are names
_REPEATED = lazy_compile(rf"[ \t]*(?:[\w-]+[ \t]+)?(?:{_WORDS.pattern('repeat_words')})\b")
# "were still damping down a large gorse fire": the verb told as going on, and its object's words
_GOING_ON_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('going_on_auxiliaries')})\s+(?:{_WORDS.pattern('going_on_adverb')})\s+"
    r"[a-z]+ing\b(?:[ \t]+[a-z-]+){0,6}[ \t]+\Z",
    re.IGNORECASE,
)
_UNTIL_NOW = _WORDS.set("until_now")
_FROM_NOW = _WORDS.set("from_now")
_TRAILING_YEARS = {str(unit): int(years) for unit, years in _WORDS.table("trailing_spans").items()}
_TRAILING = lazy_compile(
    rf"(?:{_WORDS.pattern('trailing_article')}\s+)?(?:{_WORDS.pattern('trailing_words')})\s+({alternation(_TRAILING_YEARS)})",
    re.IGNORECASE,
)
_SO_FAR = lazy_compile(
    rf"({alternation((*_WORDS.words('until_now'), *_WORDS.words('from_now')))})\s+"
    rf"(?:{_WORDS.pattern('this_period')})\s+(?:{_WORDS.pattern('periods')})\b",
    re.IGNORECASE,
)
_SUPERLATIVE_SINCE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('superlatives')})\b[^,.;:]{{0,60}}\Z", re.IGNORECASE
)
_ACCORDING = lazy_compile(rf"\b({_WORDS.pattern('source_phrases')})\b[^,.;]*\Z", re.IGNORECASE)
_ACCORDING_HINT = Hint.of(_WORDS.words("source_phrases"))
_SHORTLY = lazy_compile(rf"\b(?:{_WORDS.pattern('shortly_words')})\s+\Z", re.IGNORECASE)
_SHORTLY_SECONDS = 1800
_WITHIN_THE_HOUR = lazy_compile(rf"\b(?:{_WORDS.pattern('within_the_hour_words')})\s+\Z", re.IGNORECASE)
_WITHIN_THE_HOUR_SECONDS = 3600
_THAN_BEFORE = lazy_compile(
    rf"\b{_WORDS.pattern('comparison_word')}[ \t]+(?:[a-z]+[ \t]+){{0,3}}\Z", re.IGNORECASE
)
_RETRACTION = lazy_compile(rf"\b(?:{_WORDS.pattern('retraction_phrases')})\b", re.IGNORECASE)
_RETRACTION_HINT = Hint.of(_WORDS.words("retraction_phrases"))
# In a corrections column, what an article "said" is the claim it corrects
_ARTICLE_SAID = lazy_compile(
    rf"\b(?:{_WORDS.pattern('corrected_sources')})\b[^.!?]{{0,160}}?\b(?:{_WORDS.pattern('corrected_claim_verbs')})\b",
    re.IGNORECASE,
)
_CORRECTIONS_TITLE = lazy_compile(rf"\b(?:{_WORDS.pattern('corrections_titles')})\b", re.IGNORECASE)
_CORRECTIONS_REACH = 400  # the title and the first heading
_COORDINATED = lazy_compile(
    rf"\b(?:{_WORDS.pattern('frame_joiners')})\s+"
    rf"(?:{each_then_space(_WORDS.words('frame_adverbs'))})?\Z",
    re.IGNORECASE,
)
_FIGURE = lazy_compile(r"\d")
_HABITUAL_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('habitual_adverbs')})\s+\w+(?:\s+\w+){{0,2}}\s+\Z", re.IGNORECASE
)
_HABITUAL_EACH = lazy_compile(
    rf"\b(?:{_WORDS.pattern('habitual_each')})\s+(?:{_WORDS.pattern('habitual_units')})\b", re.IGNORECASE
)
# "open on every bank holiday …, including Easter Monday": a day named as one of a habit's
_INCLUDING_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('instance_words')})\s+\Z", re.IGNORECASE)
_EVERY = lazy_compile(rf"\b(?:{_WORDS.pattern('habitual_each')})\b", re.IGNORECASE)
_HABITUAL_FRAME = lazy_compile(rf"\b(?:{_WORDS.pattern('habitual_frames')})\b", re.IGNORECASE)
_AMOUNT = rf"[£$€]?\d[\d,.]*(?:\s*(?:{_WORDS.pattern('figure_units')})\b)?"
# "from 71,000 in 2019", "… to 58,000 last year" after a "from" figure (not "voted 23 to 19 on
# Thursday")
_FIGURE_CHANGE_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('figure_change_from')})\s+{_AMOUNT}\s+\Z"
    rf"|\b(?:{_WORDS.pattern('figure_change_from')})\s+{_AMOUNT}\b[^.;!?]{{0,40}}?"
    rf"\b(?:{_WORDS.pattern('figure_change_to')})\s+{_AMOUNT}\s+\Z",
    re.IGNORECASE,
)
_PART_OF_DAY = lazy_compile(r"T(?:MO|AF|EV|NI|DT)$")  # TIMEX3 morning, afternoon, evening, night, daytime
_YEAR_OR_MONTH = lazy_compile(r"\d{4}(?:-\d\d)?")
_PART_MODS = frozenset({"START", "MID", "END", "EARLY", "LATE"})
_LOOSE_DISTANCE_MODS = frozenset({"LESS_THAN", "MORE_THAN", "APPROX", "EQUAL_OR_LESS", "EQUAL_OR_MORE"})
_OWN_DAY_PART = lazy_compile(rf"(?:{_WORDS.pattern('own_day_parts')})", re.IGNORECASE)
# the bound of an event placed within its date: a reference for "two days later"
_WITHIN = Bound(Part.WHOLE, Qualifier.IN)
# an event under way over a period: begun by its end, not over before its start
UNDER_WAY = (Bound(Part.START, Qualifier.BY), Bound(Part.END, Qualifier.ON_OR_AFTER))
_GOING_ON_VERBS = _WORDS.set("going_on_verbs")
_PHASE_ENTERED = lazy_compile(
    rf"(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:{_WORDS.pattern('phase_entry_verbs')})\s+"
    rf"(?:{_WORDS.pattern('phase_owners')})\s+(?:[\w-]+\s+)?(?:{_WORDS.pattern('phase_nouns')})\b",
    re.IGNORECASE,
)
# "twice the size of last year's": a date that only labels the thing after it
_POSSESSIVE_AFTER = lazy_compile(r"['’]s?\b")
_STILL_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('going_on_adverb')})\s+\Z", re.IGNORECASE)
_STARTS_WITHIN = Bound(Part.START, Qualifier.IN)
_ENDS_WITHIN = Bound(Part.END, Qualifier.IN)


# a value that names one day ("2025-03-14", and a time of it)
DAY_VALUE = lazy_compile(r"\d{4}-\d\d-\d\d")


# How near the document date a day of the story, and a day after it, must be for the story to
# be one of these weeks
_RECENT = 42 * DAY
_SOON_AFTER = 14 * DAY
_ANOTHER_ONE = lazy_compile(
    rf"\b(?:(?:{_WORDS.pattern('indefinite_articles')})\s+(?:[\w-]+\s+){{0,2}}{_WORDS.pattern('one_word')}"
    rf"|{_WORDS.pattern('another_word')})\s*,?\s*\Z",
    re.IGNORECASE,
)
# (up to four words after the determiner: "a report on the results of the …")
_TOPIC_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('topic_nouns')})\s+(?:{_WORDS.pattern('topic_prepositions')})\s+"
    rf"(?:{_WORDS.pattern('topic_determiners')})\s+(?:[\w'’-]+\s+){{0,4}}\Z",
    re.IGNORECASE,
)
# "registered for the reunion on …", "queued for tickets on …": the date of the verb's purpose
_PURPOSE_OBJECT_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('purpose_prepositions')})\s+(?!(?:{_WORDS.pattern('times_of_an_act')})\s+\Z)"
    rf"(?:(?:{_WORDS.pattern('purpose_determiners')})\s+)?(?:[\w'’-]+\s+){{0,2}}\Z",
    re.IGNORECASE,
)
_PAST_PLAN = lazy_compile(
    rf"\b{_WORDS.pattern('pluperfect_passive')}\s+(?:{vocabulary('attachment').pattern('plan_predicates')})\s+"
    rf"{_WORDS.pattern('infinitive_marker')}\s+[a-z]+\s+\Z",
    re.IGNORECASE,
)
# "The opening had been pencilled in for before Easter, but …": a plan told in the pluperfect,
# which what happened replaced
_PLUPERFECT_PLAN = lazy_compile(
    rf"\b{_WORDS.pattern('pluperfect_passive')}\s+(?:{vocabulary('signals').pattern('scheduling_words')})"
    rf"(?:\s+{_WORDS.pattern('plan_particle')})?\s+{_WORDS.pattern('plan_for')}\s+\Z",
    re.IGNORECASE,
)
_SUPERSEDED_PLAN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('superseded_plan_words')})\s+(?:{_WORDS.pattern('plan_participle')}\s+)?"
    rf"(?:{vocabulary('signals').pattern('scheduling_words')})\s+\Z",
    re.IGNORECASE,
)
# A sentence told in the past, with no event word: a regular past form not after a word that
# makes it present, passive present or infinitive ("are not affected", "to be booked"), and no
# present or future auxiliary in the sentence
_PAST_VERB = lazy_compile(r"\b([A-Za-z']+)\s+([a-z]{2,}ed)\b")
_NOT_PAST_BEFORE = _WORDS.set("not_past_before")
_INTENTION_PAST = _WORDS.set("intention_past_verbs")
_PRESENT_OR_FUTURE = lazy_compile(
    "".join(rf"(?<!\b{word}\s)" for word in _WORDS.words("present_or_future_not_after"))
    + rf"\b(?:{_WORDS.pattern('present_or_future_words')})\b", re.IGNORECASE)
# "was followed by a draw …", "was succeeded by": a date after the by-phrase is its event's
_FOLLOWED_BY = lazy_compile(
    rf"\b(?:{_WORDS.pattern('sequence_passives')})\b[^.;:]{{0,40}}?\b(?:{_WORDS.pattern('passive_agent')})\b",
    re.IGNORECASE,
)
# "on Saturday 13 April, in what Hulse called a cup final": a clause of its own after the date
_WHAT_CLAUSE = lazy_compile(rf"\b(?:{_WORDS.pattern('free_relatives')})\s+(?:[\w'’-]+\s+){{0,3}}\Z",
                            re.IGNORECASE)
# ", then travel to Saltmarsh on …": a clause of its own, whose verb the lexicon lacks
_THEN_CLAUSE = lazy_compile(rf"[,;]\s+(?:{_WORDS.pattern('then_openers')})\s+[a-z]+\b", re.IGNORECASE)
# "walked it between the reopening and New Year's Day": an event, then the date that ends the span
_BETWEEN_EVENT_AND = lazy_compile(
    rf"\b(?:{_WORDS.pattern('span_opener')})\s+(?:{_WORDS.pattern('span_determiners')})\s+[^.;:,\d]{{1,40}}?"
    rf"\s+(?:{_WORDS.pattern('span_joiner')})\s+\Z",
    re.IGNORECASE,
)
# (in Markdown the marks are blanked in the text read: a line opened by blanks was an entry's)
_ENTRY_LINE = lazy_compile(r"[ \t]*(?:[-*+•|]|\d+[.)]\s|\*\*|#)|[ \t]{2,}(?=\S)")
# (a bold run-in head, its asterisks blanked in the text read: "  Wind farm plans draw a crowd.  ")
_RUN_IN_HEAD = lazy_compile(r"[ \t]*(?:\*\*|[ \t]{2})[^*\n]+?[.:!?](?:\*\*|[ \t]{2})[ \t]*")


_LETTER = lazy_compile(r"[A-Za-z]")
_MONTH_VALUE = lazy_compile(r"\d{4}-\d\d")
# ("Next year's race will again start at 8 a.m.": a year told just before the time too)
_YEAR_LABEL_REACH = 40
# words that give a clock time its own day ("9 p.m. on Friday", "6 a.m. on 3 May", "tonight")
_DAY_WORDS = lazy_compile(
    rf"\b(?:{alternation([*MONTHS, *WEEKDAYS, *_WORDS.words('day_deictics')])})\b", re.IGNORECASE
)
_REDUCED_RELATIVE = lazy_compile(
    rf"\b(?i:{_WORDS.pattern('reduced_relative_determiners')})\s+(?:[\w'’-]+\s+){{0,3}}"
    rf"(?:{vocabulary('attachment').pattern('relative_subjects')})\s+"
    rf"(?:(?:{_WORDS.pattern('reduced_relative_adverbs')})\s+)?\Z"
)


def _told_recent_days(b: Builder, timex: Timex) -> bool:
    """Whether the text tells another day of the six weeks before its date (a written or an
    inferred year): then a day soon after the document date is not last year's."""
    if b.dct is None or b.dct.start is None:
        return False
    for other in b.timexes:
        if other is timex or other.type != "DATE" or not DAY_VALUE.fullmatch(other.value):
            continue
        start = day_start(dt.date.fromisoformat(other.value)) if _valid_day(other.value) else None
        if start is None or not b.dct.start - _RECENT <= start < b.dct.start:
            continue
        # ("on Tuesday" is placed by the tense, not told: but a weekday of the week just gone, named
        # alone, still says that the story is of these days)
        if _FIGURE.search(other.text) or (
            other.anchor == "DCT" and _BARE_WEEKDAY.fullmatch(other.text) is not None
            and b.dct.start - start <= WEEK
        ):
            return True
    return False


def _month_told_of_another_year(b: Builder, timex: Timex) -> bool:
    """Whether the text told a day of the same month in another year before ``timex`` ("from 20 July
    to 5 August last year … The thefts stopped on 6 August"): then its year may be that one."""
    month = timex.value[5:7]
    return any(other.start < timex.start and other.type == "DATE" and DAY_VALUE.fullmatch(other.value)
               and other.value[5:7] == month and other.value[:4] != timex.value[:4]
               for other in b.timexes)


def _valid_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


# characters between a time of day and the date of its day right after it ("at 7am on 8 March")
_TIME_DAY_GAP = 6


def _day_written(here: SentenceContext, timex: Timex) -> bool:
    """Does the expression write its day ("on 8 March", "7am on Friday"), or the date right
    after it ("at 7am on 8 March"), not only a time of day ("at 4am", whose day the story gave)?"""
    return timex.type == "DATE" or _DAY_WORDS.search(timex.text) is not None or any(
        t.type == "DATE" and 0 <= t.start - timex.end <= _TIME_DAY_GAP and timex.value.startswith(t.value)
        for t in here.timexes)


def period_of(timex: Timex, dct: Period | None, hemisphere: Hemisphere) -> Period | None:
    """The calendar period a DATE or TIME expression names, if it names one the text shares."""
    if timex.type not in ("DATE", "TIME") or timex.value.startswith(("P", "R")):
        return None
    if timex.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return None
    if timex.anchor is not None and timex.mod in _LOOSE_DISTANCE_MODS and (
            _YEAR_OR_MONTH.fullmatch(timex.value)):
        return None  # "nearly five years ago": later than five years back, not in that year
    if timex.anchor is not None and _PART_OF_DAY.search(timex.value) and (
        not _NAMED_DAY.search(timex.text)) and (
            timex.anchor == "DCT" or not _OWN_DAY_PART.fullmatch(timex.text)):
        # "overnight", "this morning": relative to a moment the text may not share (but a diary
        # entry's "this morning", under "### Saturday 12 July", is that day's)
        return None
    trailing = _TRAILING.fullmatch(timex.text) if timex.anchor is not None else None
    if trailing is not None and dct is not None and dct.end is not None:
        # "in the last decade": the ten years up to the document date (and a tenth more: the
        # phrase is said of eleven years as readily as of ten)
        end = date_of(dct.end)
        years = _TRAILING_YEARS[trailing.group(1).lower()]
        back = years + years // 10
        try:
            start = end.replace(year=end.year - back)
        except ValueError:  # 29 February
            start = end.replace(year=end.year - back, day=28)
        return Period.of_days(start, end, f"the {years} years to {end.isoformat()}")
    side = _SO_FAR.match(timex.text)
    mod = None if side is not None and timex.anchor is not None else timex.mod
    if mod in _PART_MODS and _PART_OF_DAY.search(timex.value):
        # "late last night" is 11pm as readily as 3am, "early this morning" 7am as readily as 2am:
        # the whole part of the day, not a third of it
        mod = None
    try:
        period = parse_value(timex.value, mod=mod, hemisphere=hemisphere, dct=dct)
    except (InvalidValue, NotAPeriod, ValueError):
        return None
    if period.start is None and period.end is None:
        return None
    if mod is None and side is not None and dct is not None and period.start is not None and (
        period.end is not None
    ):
        # "earlier this year": from the year's start to the DCT, not its first third; "later
        # this year": from the DCT to the year's end
        if side.group(1).lower() in _UNTIL_NOW and dct.end is not None:
            return Period(period.start, max(period.start, min(period.end, dct.end)), period.value)
        if side.group(1).lower() in _FROM_NOW and dct.start is not None:
            return Period(min(period.end, max(period.start, dct.start)), period.end, period.value)
    return period


def _plain(reading: Reading) -> Reading:
    """The reading of a date with no signal ("in": the event within it), else ``reading``."""
    plain = reading_of(None, "")
    return plain if plain is not None else reading


def _schedules(b: Builder, trigger: Trigger, timex: Timex) -> bool:
    """"Next year's festival has been announced for 10–13 August": the act right before the
    signal sets the date of what it plans, not its own."""
    at = timex.signal_start if timex.signal_start is not None else timex.start
    if trigger.end <= at and _BOOKED_FOR_PLACE.fullmatch(b.text, trigger.end, at) and schedules(
        trigger.text, "for"
    ):
        return True  # "has been booked for the same venue, from 24 February to 2 March 2025"
    return trigger.end <= at and not b.text[trigger.end:at].strip() and schedules(trigger.text, timex.signal)


_ARRANGED_PARTICIPLES = _WORDS.set("arranged_participles")
_ARRANGED_AUXILIARY = lazy_compile(rf"\b(?:{_WORDS.pattern('arranged_auxiliaries')})\s+\Z", re.IGNORECASE)
# (nothing, or the event's place: "at the Methodist hall")
_ARRANGED_PLACE = lazy_compile(
    rf"(?:\s+(?:{_WORDS.pattern('arranged_place_prepositions')})\s+[^,.;:!?\n]{{1,50}}?)?\s+")


# "booked for the same venue, ", "booked the Corn Exchange for a second performance, ": what a
# scheduling word sets (past its object), then its date
_BOOKED_FOR_PLACE = lazy_compile(
    rf"[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?{_WORDS.pattern('booked_for')}[ \t]+"
    r"(?:[\w'’-]+[ \t]+){0,4}[\w'’-]+,?[ \t]+"
    # ("…, on Saturday 16 December at 7pm": the time of that day)
    rf"(?:{_WORDS.pattern('booked_on')}[ \t]+[^,.;:\n]{{1,40}}?[ \t]+)?"
)


def _dates_something_else(b: Builder, here: SentenceContext, timex: Timex, trigger: Trigger | None,
                          lead: int) -> bool:
    """Does the date belong to something other than the event word it would attach to?"""
    text, start = b.text, here.sentence.start
    if trigger is not None and _schedules(b, trigger, timex):
        return True  # "announced for 10–13 August": the festival's dates, not the announcement's
    if trigger is not None and trigger.pos == "verb" and trigger.end <= lead and (
        trigger.text.lower() in _ARRANGED_PARTICIPLES
        and _ARRANGED_AUXILIARY.search(text, max(start, trigger.start - 12), trigger.start)
        and _ARRANGED_PLACE.fullmatch(text, trigger.end, lead)
        and any(t.pos == "noun" and t.end <= trigger.start for t in here.triggers)
    ):
        return True  # "A public meeting has been called at the Methodist hall on Tuesday 8 September"
    if _SUPERSEDED_PLAN.search(text, max(start, lead - 40), lead) or _PAST_PLAN.search(
        text, max(start, lead - 50), lead
    ) or _PLUPERFECT_PLAN.search(text, max(start, lead - 40), lead):
        # "The meeting had originally been scheduled for Tuesday 9 July but was postponed", "The
        # trial had been due to start in July but was postponed": a plan that was replaced
        return True
    if trigger is not None and trigger.pos == "verb" and trigger.end <= lead:
        purpose = _PURPOSE_OBJECT_BEFORE.search(text, max(trigger.end, lead - 50), lead)
        if purpose is not None and not text[trigger.end:purpose.start()].strip(" ,"):
            # "have registered for the reunion on Saturday 28 September": the reunion's day
            return True
    if _ANOTHER_ONE.search(text, max(start, lead - 30), lead):
        return True  # "came a year after a smaller one, on Monday 16 October 2023": the other one's
    if trigger is None or trigger.pos != "noun":
        return False
    if trigger.start >= timex.end and in_of_phrase(text, trigger, timex.end):
        return True  # "**01:05** — Seat of the fire located": when the seat was found
    # "will consider a report on the storm next Tuesday": the report's date, not the storm's
    return trigger.end <= lead and _TOPIC_BEFORE.search(text, max(start, trigger.start - 40),
                                                        trigger.start) is not None


def past_without_event(b: Builder, sentence: Sentence, timex: Timex, period: Period | None,
                       lead: int) -> None:
    """"On the bakery's final morning, Saturday 11 March, the queue stretched past the bank" in a
    text of 3 March: a day whose weekday fixes its year after the document date, in a sentence of
    prose told in the past (a past verb, no present or future one), dates what the sentence tells
    (no event word of the lexicon) after the document. (``period``: the date's, when already read.)"""
    if timex.note != PAST_AFTER_DCT or not weekday_pins_year(timex) or timex.anchor is None:
        return
    if period is None:
        reading = reading_of(timex.signal)
        period = period_of(timex, b.dct, b.options.hemisphere) if reading is not None and (
            reading.name == IN) else None
        if period is None:
            return
    line_start = b.text.rfind("\n", 0, sentence.start) + 1
    entry = _ENTRY_LINE.match(b.text, line_start) is not None and (
        # (not a digest's item after its bold run-in head: "**Wind farm plans draw a crowd.** More
        # than 200 residents packed the hall on Thursday, 21 March")
        _RUN_IN_HEAD.fullmatch(b.text, line_start, sentence.start) is None
    )
    if entry or _PRESENT_OR_FUTURE.search(b.text, sentence.start, sentence.end):
        return  # "- **Saturday, 7 December** — a drop-in session", "There is no round on …"
    if _present_verb_before(b, sentence, timex):
        return  # "The league season ends on Saturday 2 April": a fixture, told in the present
    if FOR_PURPOSE.search(b.text, max(sentence.start, timex.start - 40), timex.start) or (
        PURPOSE_INFINITIVE.search(b.text, max(sentence.start, timex.start - 60), timex.start)
    ):
        return  # "committed Farrant to the Crown Court for sentence on Wednesday 5 April", "remanded
        # to appear at the Crown Court on Monday 10 July": to come
    if not any(m.group(1).lower() not in _NOT_PAST_BEFORE and m.group(2).lower() not in _INTENTION_PAST
               and not _WHAT_CLAUSE.search(b.text, max(sentence.start, m.start() - 40), m.end(1) + 1)
               and not in_absolute_phrase(b.text, m.start(2))
               and not in_set_off_relative(b.text, sentence.start, m.start(2), timex.start)
               for m in _PAST_VERB.finditer(b.text, sentence.start, sentence.end)):
        # (not "in what Hulse called 'a cup final'": the sentence's own verbs are present; not
        # "with former pupils invited to tour": an absolute phrase, no verb of the sentence)
        return
    span = b.span(lead, timex.end)
    event_id, made = b.day_event(timex)
    if not made:
        return
    b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, span)
    b.dct_claim(event_id, span, force=True)


# a word, and perhaps the date's preposition, right before a date
_WORD_BEFORE_DATE = lazy_compile(r"\b([a-z]+)[ \t]+(?:[a-z]+[ \t]+)?\Z")


def _present_verb_before(b: Builder, sentence: Sentence, timex: Timex) -> bool:
    """Is the word before the date (and its preposition) a verb of the lexicon in the present's
    third person ("ends on", "opens on"), which the lexicon's own reading passes over when its
    subject names a period ("the season ends")?"""
    found = _WORD_BEFORE_DATE.search(b.text, max(sentence.start, timex.start - 30), timex.start)
    if found is None:
        return False
    entries = lexicon(b.options.domain_files).forms.get(found.group(1), ())
    return any(pos == "verb" and form == "s" for _, _, pos, form in entries)


def _not_one_date_of(text: str, trigger: Trigger, lead: int) -> bool:
    """Do the words between the event and its date (at ``lead``) make the date no date of that one
    event: an exception ("open throughout the closure, except on two weekends, 8–9 February"), or
    a count or frequency ("the race was held twice in 2021", "has run hourly between 7am and 7pm")?"""
    return trigger.end <= lead and (
        _EXCEPTION_BEFORE.search(text, trigger.end, lead) is not None
        or _REPEATED.match(text, trigger.end, lead) is not None
    )


def told_going_on(text: str, trigger: Trigger, sentence_start: int) -> bool:
    """Is ``trigger`` a noun that a verb told as still going on has as its object ("Crews were
    still damping down a gorse fire on Sunday evening"): going on at the date, whatever its kind?"""
    return trigger.pos == "noun" and _GOING_ON_BEFORE.search(
        text, max(sentence_start, trigger.start - 80), trigger.start) is not None


def _lasts_under(b: Builder, event_id: str, length: int) -> bool:
    """Does a firm claim of the text give ``event_id`` a length of at most ``length`` seconds?"""
    return any(isinstance(c, TextDurationClaim) and c.event == event_id and c.grade is Grade.STRONG
               and c.gap.upper is not None and c.gap.upper < length for c in reversed(b.claims))


def _ended_by_participle(b: Builder, here: SentenceContext, attached: Trigger | None, lead: int,
                        lengthened: set[str]) -> Trigger | None:
    """"The hearing ran for three hours, finishing at 11.20am": the event word of the clause that
    an end participle set off after it (right before the date at ``lead``) tells the end of, when
    that clause tells of an event noun ("The Odeon arrived in 1938 and outlived both, closing in
    1983": the cinema's closing, not the arrival's end)."""
    ending = _END_PARTICIPLE_BEFORE.search(b.text, max(here.sentence.start, lead - 30), lead)
    if ending is None:
        return None
    told = [t for t in here.triggers if t.end <= ending.start()]
    if attached is not None and attached.start < ending.start():
        told = [attached]
    if not told or told[-1].event_class in ("begin", "end", "reporting", "causal"):
        return None
    target = resolve(b.text, told[-1], here.triggers, here.cuts)
    # (or a clause that gave its event a length: "opens on Saturday 3 March for a six-week run,
    # closing on Saturday 28 April")
    measured = b.by_trigger.get(target.trigger.start) in lengthened
    return told[-1] if target.part is Part.WHOLE and (target.trigger.pos == "noun" or measured) else None


_SEASON_OR_MONTH = lazy_compile(r"\d{4}-(?:SP|SU|FA|WI|\d\d)\Z")


def date(b: Builder, here: SentenceContext, timex: Timex, period: Period, lengthened: set[str],
         dated_here: list[tuple[int, str]]) -> None:
    """The claims of one date on the event it dates. ``lengthened``: the events given a duration
    in this sentence (not punctual, whatever their class); ``dated_here`` receives the events
    placed within the date. A season or month whose year was read after the document date, which
    gives its event no period, leaves it free for the next date of the sentence ("After three
    years of planning and one very unusual summer, the building opened its doors on Monday 7
    September")."""
    after_dct = b.dct is not None and b.dct.end is not None and period.start is not None and (
        period.start >= b.dct.end)
    if not (timex.anchor == "DCT" and after_dct and _SEASON_OR_MONTH.match(timex.value) is not None):
        _date(b, here, timex, period, lengthened, dated_here)
        return
    claims, parts = len(b.claims), set(b.dated_parts)
    _date(b, here, timex, period, lengthened, dated_here)
    if not any(isinstance(c, TextPeriodClaim) for c in b.claims[claims:]):
        for key in b.dated_parts - parts:
            b.dated_parts.discard(key)
            b.dated_by.pop(key, None)


_ONLY_DATES_BETWEEN = lazy_compile(r"[\s,]*")
_LABEL_WORDS = 3  # words between a date and the noun it labels ("Last winter's ice storm")
# "the great snows of February": a weather word before "of" and its date (not "the morning of")
_THING_BEFORE_OF = lazy_compile(rf"\b(?:{_WORDS.pattern('dated_things_before_of')})[ \t]+\Z", re.IGNORECASE)
# ", which began at": a relative clause right after a noun that gives it a time of its own
_OWN_TIME_AFTER = lazy_compile(r",[ \t]+(?:which|that)[ \t]+(?:[a-z]+[ \t]+){1,2}")


def _blank_dates(text: str, timexes: Sequence[Timex], start: int, end: int) -> str:
    """``text[start:end]`` with the time expressions in it blanked."""
    chars = list(text[start:end])
    for t in timexes:
        for i in range(max(t.start, start), min(t.end, end)):
            chars[i - start] = " "
    return "".join(chars)


_SET_OFF_PARTICIPLE = lazy_compile(r",[ \t]*([a-z]+)[ \t]+")
_PHASES = {"begin": Part.START, "end": Part.END}


def _set_off_phase(text: str, noun: Trigger, lead: int) -> Part | None:
    """The phase (start, end) of the event noun ``noun`` that a past participle set off right
    after it, before the date at ``lead``, tells ("One game, begun in 1942, …")."""
    if noun.pos != "noun":
        return None
    participle = _SET_OFF_PARTICIPLE.fullmatch(text, noun.end, lead)
    if participle is None:
        return None
    entries = lexicon().forms.get(participle.group(1), ())
    return next((_PHASES[e[1]] for e in entries if e[2] == "verb" and e[3] == "pp" and e[1] in _PHASES), None)


def _one_end(reading: Reading, part: Part, punctual: bool) -> Part | None:
    """The one end of the event a date after the reading's signal bounds ("from": its start,
    "until": its end); None for a date of more than one end, or of the whole."""
    parts = {bound.part for bound in reading.bounds(part, punctual)}
    return parts.pop() if len(parts) == 1 and parts <= {Part.START, Part.END} else None


def _other_end(b: Builder, here: SentenceContext, first: Timex, timex: Timex, reading: Reading, part: Part,
               punctual: bool) -> bool:
    """Does ``timex`` bound the other end of the event than the one its ``first`` date did, right
    after it ("closed … from 7pm on Friday 8 September until 7am on Monday 11 September", where
    the day between splits the two from one range)?"""
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    if not first.end <= lead or not _ONLY_DATES_BETWEEN.fullmatch(
            _blank_dates(b.text, here.timexes, first.end, lead)):
        return False
    before = reading_of(first.signal)
    one, other = _one_end(reading, part, punctual), before and _one_end(before, part, punctual)
    return one is not None and other is not None and one is not other


_DAY_OF_EVENT_BEFORE = lazy_compile(
    r"\bday\s+of\s+(?:the|its|their|this|that)\s+(?:[\w'’-]+\s+){0,2}\Z", re.IGNORECASE)


def week_opened(timex: Timex, period: Period, value: str) -> Period:
    """The seven days from the day ``timex`` names when it opens a week ("held in the week
    beginning Monday 24 October", "## Week beginning Monday 6 May"); else ``period``."""
    if timex.signal in WEEK_OPENING_SIGNALS and period.start is not None and period.end == period.start + DAY:
        return Period(period.start, period.start + WEEK, value)
    return period


def _date(b: Builder, here: SentenceContext, timex: Timex, period: Period, lengthened: set[str],
          dated_here: list[tuple[int, str]]) -> None:
    at = timex.signal_start or timex.start
    before = _WORD_BEFORE_REVERSED.match(b.text[max(0, at - 30):at][::-1])
    reading = reading_of(timex.signal, before.group(1)[::-1] if before else "")
    period = week_opened(timex, period, "")
    if reading is None:
        return
    lo = max(0, timex.start - 120)
    according = _ACCORDING.search(b.text, lo, timex.start) if _ACCORDING_HINT.may_match(
        b.text, lo, timex.start) else None
    if according is not None:
        # "according to the channel on April 24": the date of a source's report, not of an event
        source_report(b, here, according.start(), according.end(1), timex, period)
        return
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    if timex.signal is None and _BETWEEN_EVENT_AND.search(b.text, max(here.sentence.start, lead - 80), lead):
        return  # "between the reopening and New Year's Day": the other end of a span, not its date
    if _RETRACTION_HINT.may_match(b.text, here.sentence.start, lead) and _RETRACTION.search(
        b.text, here.sentence.start, lead
    ):
        return  # "An earlier version of this story said it took place on 12 March": withdrawn
    if _ARTICLE_SAID.search(b.text, here.sentence.start, lead) and _CORRECTIONS_TITLE.search(
        b.text, 0, _CORRECTIONS_REACH
    ):
        return  # a corrections column: "An article on Monday 3 March said that … on 12 February"
    if _HABITUAL_BEFORE.search(b.text, max(here.sentence.start, lead - 60), lead):
        return  # "which usually takes place on the second Sunday of April": a habit, no date of one
    if _FIGURE_CHANGE_BEFORE.search(b.text, max(here.sentence.start, lead - 100), lead):
        return  # "from 71,000 in 2019 to 58,000 last year": the time of a figure, no event's
    if _INDEFINITE_START.match(timex.text) and not _FIGURE.search(timex.text):
        return  # "said a wet autumn would help": some autumn, no date of an event
    if timex.guessed and timex.signal is None and _INDEFINITE_BEFORE.search(b.text, max(0, lead - 24), lead):
        return  # "after a similar winter storm": a kind of storm, no date of one
    if timex.rule == "weekday_part" and _INDEFINITE_RIGHT_BEFORE.search(
        b.text, max(0, timex.start - 4), timex.start
    ):
        return  # "the last time a 13th fell on a Friday": some Friday, no date
    low, high = period.start, period.end
    shortly = _SHORTLY_SECONDS if _SHORTLY.search(b.text, max(0, lead - 16), lead) else (
        _WITHIN_THE_HOUR_SECONDS if _WITHIN_THE_HOUR.search(b.text, max(0, lead - 16), lead) else 0)
    if timex.type == "TIME" and reading.name in ("after", "before") and low is not None and (
        high is not None and shortly
    ):
        # "broke out shortly after 02:00", "just before 4 a.m.": within half an hour after
        # (before) it; "minutes after 2pm": within the hour
        if reading.name == "after":
            period = Period(low, low + shortly, period.value)
        else:
            period = Period(high - shortly, high, period.value)
        reading = _plain(reading)
    if _THAN_BEFORE.search(b.text, max(0, lead - 30), lead):
        return  # "more complaints than in the whole of 2024": a comparison with another time
    if reading.name == SINCE and _SUPERLATIVE_SINCE.search(b.text, max(0, lead - 80), lead):
        return  # "the highest since 2019", "its first title since 2019": a comparison, no event's date
    triggers, cuts = here.triggers, here.cuts
    if _eve_of(b, here, timex, period, lead):
        return
    _apposed_to_order_phrase(b, here, timex, period, lead)
    trigger = _apposed_trigger(b, here, timex) or attach(b.text, timex, triggers, cuts)
    ended = _ended_by_participle(b, here, trigger, lead, lengthened)
    trigger = ended or trigger
    if _dates_something_else(b, here, timex, trigger, lead):
        return
    if trigger is not None and trigger.pos == "noun" and _DAY_OF_EVENT_BEFORE.search(
        b.text, max(0, trigger.start - 40), trigger.start
    ):
        return  # "on the eighth day of the trial, Wednesday 18 October": a day of it (chrono.text.event_days)
    if trigger is not None and trigger.end <= lead and _FOLLOWED_BY.search(b.text, trigger.end, lead):
        return  # "The defeat was followed by a draw at Frayling on 16 August": the draw's date
    if trigger is not None and trigger.start >= timex.end and "," in b.text[timex.end:trigger.start] and any(
        t.start >= trigger.end and t.type in ("DATE", "TIME")
        and words_between(b.text, trigger.end, t.start) <= 2 for t in here.timexes
    ):
        return  # "on Tuesday 15 March for a rearranged fixture, postponed in January": the word
        # after the comma has a date of its own
    if timex.signal == "of" and trigger is not None and trigger.end <= lead and (
        b.text[trigger.end:lead].strip()
        and _THING_BEFORE_OF.search(b.text, max(trigger.end, lead - 40), lead)
    ):
        return  # "he said, recalling the great snows of February": the date of a thing before "of"
    if trigger is not None and trigger.start >= timex.end and trigger.pos == "noun" and words_between(
        b.text, timex.end, trigger.start
    ) > _LABEL_WORDS and any(
        t.start > trigger.end and _OWN_TIME_AFTER.fullmatch(b.text, trigger.end, t.signal_start or t.start)
        for t in here.timexes
    ):
        # "11:02 a.m. — Officers directed traffic for the parade, which began at 11 a.m.": the
        # noun's own time is in its relative clause
        return
    if trigger is not None and trigger.start >= timex.end and _WHAT_CLAUSE.search(
        b.text, timex.end, trigger.start
    ):
        return  # "They host Amberfield on Saturday 13 April, in what Hulse called …": not the calling
    if trigger is not None and trigger.end <= lead and _THEN_CLAUSE.search(b.text, trigger.end, lead):
        return  # "… Hulse called 'a cup final', then travel to Saltmarsh on 20 April": the travelling
    # ("More than 200 residents packed the hall on Thursday, 21 March, to hear …": an infinitive
    # of purpose after the date is not what it dates; the verb the lexicon lacks is)
    purpose_after = trigger is not None and trigger.start >= timex.end and trigger.tense == INFINITIVE
    if (trigger is None or purpose_after) and reading.name == IN:
        past_without_event(b, here.sentence, timex, period, lead)
    if trigger is None and reading.name == SINCE:
        _state_since(b, here, timex, period, lead)
        return
    if trigger is None or not is_asserted(b.text, trigger):
        return
    habit = _HABITUAL_EACH.search(b.text, here.sentence.start, here.sentence.end)
    if habit is not None and (
        (trigger.pos == "verb" and trigger.tense == PRESENT) or habit.start() <= trigger.start < habit.end()
    ):
        return  # "It opens each season on 15 October and closes on 30 April": the days of a habit
    if _HABITUAL_FRAME.search(b.text, here.sentence.start, here.sentence.end):
        return  # "In the other years she celebrated on 1 March": the day of a habit
    if _INCLUDING_BEFORE.search(b.text, max(here.sentence.start, lead - 12), lead) and _EVERY.search(
        b.text, here.sentence.start, lead
    ):
        return  # "open on every bank holiday …, including Easter Monday": one of a habit's days
    if _not_one_date_of(b.text, trigger, lead):
        return
    own_day = _DAY_WORDS.search(timex.text) is not None
    if timex.type == "TIME" and timex.anchor is not None and not own_day and any(
        t is not timex and t.type == "DATE" and (
            _MONTH_VALUE.match(t.value) or (_YEAR_VALUE.fullmatch(t.value) and t.end <= timex.start
                                             and timex.start - t.end <= _YEAR_LABEL_REACH))
        for t in here.timexes
    ) and not any(
        t is not timex and t.type == "DATE" and timex.value.startswith(t.value) for t in here.timexes
    ) and not any(
        # ("began at 6.30pm on Tuesday 26 February and did not finish until 1.10am": a time told
        # after another time of a day, on that day or the next)
        t is not timex and t.type == "TIME" and t.start < timex.start and t.value[:10] <= timex.value[:10]
        for t in here.timexes
    ):
        # "a trial of automatic locks from 11 p.m., which began on October 16": a time of day
        # with no day of its own beside the dates of the event is when it happens each day
        return
    if trigger.start >= timex.end and _REDUCED_RELATIVE.search(b.text, max(timex.end, trigger.start - 60),
                                                             trigger.start):
        # "This summer the club she founded celebrates …": the verb of a clause about the
        # subject, not the one the date is told of
        return
    if trigger.start >= timex.end and timex.type == "TIME" and not _LETTER.search(
        b.text, here.sentence.start, timex.start
    ) and SUBORDINATE_OPENER.search(b.text, timex.end, trigger.start):
        # "10:05 — Sam checks that all jobs submitted during the outage …": the time labels what
        # the line tells (a verb the lexicon lacks), not an event inside a clause of it
        return
    if timex.signal is not None and trigger.pos == "noun" and trigger.start >= timex.end and (
        IN_FRONT.fullmatch(b.text, timex.end, trigger.start)
    ):
        # "since last week's derailment", "after the 2019 election": the word governs the
        # phrase; the date in front of the noun is simply its date
        reading = _plain(reading)
    if timex.signal == "until":
        # "was not found until Tuesday", "No announcement was made about the change in mission
        # until 12 November": the denied event happened then, not some time up to it
        denied = next((t for t in reversed(triggers)
                       if here.sentence.start <= t.start < timex.start and negated_until_at(b.text, t.start)),
                      None)
        if denied is not None:
            trigger = denied
            reading = _plain(reading)
    target = resolve(b.text, trigger, triggers, cuts)
    if ended is not None:
        # "ran for nearly five hours, finally closing at 10.50pm": the end of what the clause tells
        target = Target(target.trigger, Part.END, target.cue)
    if target.part is Part.END and trigger.pos == "noun" and trigger.start >= timex.end and (
        IN_FRONT.fullmatch(b.text, timex.end, trigger.start)
    ):
        # "The Friday late session finishes at 1am on Saturday": a day in front of the noun labels
        # the occasion by the day it starts on, not the phase the verb tells
        target = Target(target.trigger, Part.START, target.cue)
    if target.trigger is trigger:
        target = _pronoun_subject(b, here, trigger) or target
    phase = _set_off_phase(b.text, target.trigger, lead) if target.part is Part.WHOLE else None
    if phase is not None:
        # "One game, begun in 1942, was finished in 1946": the phase a participle set off after
        # the noun tells, not the whole
        target = Target(target.trigger, phase, target.cue)
    if not is_asserted(b.text, target.trigger) and target.trigger.tense != INFINITIVE:
        return
    key = (target.trigger.start, target.part)
    first = b.dated_by.get(key)
    told_again = _told_again(b, first, target)
    other_end = first is not None and _other_end(b, here, first, timex, reading, target.part,
                                                 target.trigger.punctual)
    if key in b.dated_parts and not _in_apposition(b.text, first, timex) and not told_again and not other_end:
        return  # one date per event mention: a second one is a comparison or another event's
    b.dated_parts.add(key)
    if not other_end:
        b.dated_by[key] = timex
    event_id = b.event(target.trigger, b.context_of(target.trigger) or here)
    if _clock_of_another_day(b, event_id, timex, target.trigger):
        return
    if target.trigger is not trigger and is_setting(trigger):
        # "opened at a ribbon-cutting ceremony on 16 August … a fortnight after the ceremony":
        # the occasion is the act it hosts, at its time
        b.by_trigger.setdefault(trigger.start, event_id)
    tense = target.cue.tense if target.cue.pos == "verb" else target.trigger.tense
    if tense == PAST and target.cue.pos == "verb" and _held_in_a_plan(b.text, here, target.cue):
        tense = PLANNED  # "Members will vote at a special meeting, held on Thursday 16 May"
    if tense == NOMINAL:
        planned = is_planned(b.text, target.trigger)
        tense = PLANNED if planned else governing_tense(b.text, target.trigger, triggers)
        if b.tense.get(event_id) == NOMINAL:
            b.tense[event_id] = tense
    if tense == NOMINAL and b.dct is not None and b.dct.end is not None and period.start is not None and (
        period.start >= b.dct.end
        and subject_of_past_verb(b.text, target.trigger, triggers, here.sentence.start)
    ):
        # "A closer survey by engineers on 24 September confirmed …" in a text of 18 September:
        # told as done by its verb (read so only for a date after the document's)
        tense = PAST
    # "the 2023 prize ceremony, held on 19 November": the year written in front of the noun is
    # the year of its day
    explicit = timex.anchor is None or (
        told_again and first is not None and first.anchor is None and first.value[:4] == timex.value[:4]
    ) or (weekday_pins_year(timex) and timex.signal == "on" and tense in (PAST, PERFECT))
    if b.dct is not None and b.dct.end is not None and period.start is not None and not explicit:
        past = tense in TOLD_AS_PAST or reading.name == SINCE
        # (a day written out: a bare time of day takes its day from elsewhere, "arrived at 4am")
        if past and period.start >= b.dct.end and tense == PAST and reading.name == IN and (
            _day_written(here, timex) and _FIGURE.search(timex.text)
            and period.start - b.dct.end < _SOON_AFTER
            and _told_recent_days(b, timex) and not _month_told_of_another_year(b, timex)
        ):
            # "The move finished on 2 November … the keys were handed back on 14 November" in a
            # text of 8 November: the story is of these weeks, so its year is the document's
            explicit = True
    if not explicit and any(
        other.anchor == "DCT" and _SO_FAR.match(other.text) and timex.value.startswith(other.value)
        and _in_apposition(b.text, other, timex) for other in here.timexes
    ):
        # "Earlier this month, on 22 January, the mayor cut the ribbon": the month of now, said
        # beside it, fixes the day's year
        explicit = True
    if b.dct is not None and b.dct.end is not None and period.start is not None and not explicit:
        past = tense in TOLD_AS_PAST or reading.name == SINCE
        if past and period.start >= b.dct.end:
            # the tagger guessed the year: no claim; a day soon after the DCT ("left on 9
            # September" in a text of 2 September) is suspicious, a warning
            soon_after = DAY <= period.start - b.dct.end < 60 * DAY
            told = (reading.name == IN and tense in TOLD_AS_PAST) or reading.name == SINCE
            if told and _day_written(here, timex) and _FIGURE.search(timex.text) and soon_after and (
                b.dct.start is not None
            ):
                span = b.span(lead, timex.end, target.cue.start, target.cue.end)
                # "since April 30" in a text of 24 April: a "since" date is past whatever the verb
                how = "counts from a day that" if reading.name == SINCE else "is told as past but"
                b.problems.append(Problem(
                    ProblemKind.TEXT_AFTER_DCT_INFERRED,
                    f"'{' '.join(b.text[span.start:span.end].split())}' {how}, in the "
                    f"document's year, falls after the document date",
                    Span(span.start, span.end, "primary"),
                ))
            return
    if (reading.past_only and tense not in TOLD_AS_PAST) or (reading.written_year_only and not explicit):
        return
    one_day = period.start is not None and period.end is not None and period.end - period.start == DAY
    held_on_a_day = one_day and target.cue.lemma in _ONE_DAY_VERBS and (
        target.cue.pos == "verb"
        # ("a search of his flat on 22 September": the noun of such an act, with its object)
        or (target.cue.pos == "noun" and _OBJECT_OF.match(b.text, target.cue.end) is not None)
    )
    # ("The visit, on Thursday 22 June, lasted just under an hour": a length shorter than the day
    # keeps the event within it)
    short = one_day and event_id in lengthened and _lasts_under(b, event_id, DAY)
    punctual = (target.trigger.punctual or held_on_a_day) and tense not in (PROGRESSIVE,) and (
        event_id not in lengthened or short
    ) and not told_going_on(b.text, target.trigger, here.sentence.start)
    bounds = reading.bounds(target.part, punctual)
    if punctual and target.part is Part.WHOLE and target.trigger.pos == "noun" and reading.name == IN and (
        _within_a_day(period)
    ):
        # "11:30 — Rollback of the change": a clock time marks when the event named by a noun
        # began; even a brief one may outlast the minute
        bounds = reading.bounds(Part.START, True)
    told_first = target.part is Part.WHOLE and reading.name == IN and _told_first(b, target)
    if not punctual and told_first:
        # "The festival was first staged in July 1994", "the very first festival, in the summer
        # of 1996": when a series (or a stretch) began, not a time it overlaps
        bounds = reading.bounds(Part.START, True)
    # a mention told as the first time that refers back may name the series the story's one
    # edition is of ("The 620-mile race … started on Saturday 27 September … the race was first
    # held in 1994"): a doubt
    # (not one that refers back to another first time: "was first held in August 2003 … the very
    # first festival, in the summer of 2005")
    link = b.links.get(target.trigger.start) if told_first and target.trigger.pos == "noun" else None
    series_start = link is not None and not _told_first(
        b, Target(link.antecedent, Part.WHOLE, link.antecedent))
    if not bounds:
        return
    if reading.name == IN and (
        (target.cue.pos == "verb" and (target.cue.lemma in _GOING_ON_VERBS or _STILL_BEFORE.search(
            b.text, max(0, target.cue.start - 12), target.cue.start) is not None))
        or (target.cue.pos == "noun" and _PHASE_ENTERED.match(b.text, target.cue.end) is not None)
        # ("Firefighters were called to the blaze at 2.40am": burning by then, begun before)
        or (target.cue.pos == "noun" and _RESPONDED_TO.search(
            b.text, max(0, target.cue.start - 40), target.cue.start) is not None)
    ):
        # "The trial continues on Monday 25 November", "the club that still runs today", "as the
        # upgrade enters its final phase": it is under way then, begun before
        bounds = UNDER_WAY
    span = b.span(lead, timex.end, target.cue.start, target.cue.end)
    rule = ConflictKind.NAMED_EVENT if target.trigger.event_class == "named" else None
    # "a public hearing the week before, on Tuesday, January 28": the counted expression rests on
    # a reference the tagger chose; the date written out beside it is the firm one
    # (not the part of now a phrase names: "Earlier this month, on 22 January" is firm)
    so_far = timex.anchor == "DCT" and _SO_FAR.match(timex.text) is not None
    # ("last Monday, 2 March" in a text of Tuesday 10 March: which Monday "last" means, the day
    # written beside it says)
    counted_weekday = _relative(timex) and _WEEKDAY_IN.search(timex.text) is not None
    # ("burst its banks today, Tuesday 13 May" in a text dated 14 May with no dateline: "today" is
    # the document date's, which may be a day after the writing; a dateline of that day says it.
    # Counted from another day, it is firm only when that day is a dateline's)
    deictic_unconfirmed = is_deictic_day(timex) and not _dateline_day(b, timex)
    if deictic_unconfirmed and any(
        other.start >= timex.end and not _relative(other) and _in_apposition(b.text, timex, other)
        and other.value[:10] != timex.value[:10] for other in here.timexes
    ):
        return  # the day written beside it is the firm one; which day "today" is, is the doubt
    restated = not so_far and any(
        other.start >= timex.end and not _relative(other) and _in_apposition(b.text, timex, other)
        and (_ANAPHORIC_WORDS.search(timex.text) is not None
             or _GUESSED_UNIT.fullmatch(timex.text) is not None
             or (counted_weekday and _another_week_fits(b, timex, other)))
        and not _no_told_day_counts_to(b, timex, other)
        for other in here.timexes
    )
    # '"After the reopening on Saturday, people deserve …," he said': a bare weekday in a quote,
    # which only the tense around it put after the document date, may be the one just gone
    quoted_weekday = target.trigger.pos == "noun" and timex.anchor == "DCT" and (
        _BARE_WEEKDAY.fullmatch(timex.text) is not None and b.dct is not None and b.dct.end is not None
        and period.start is not None and period.start >= b.dct.end and in_quote(b.text, timex.start))
    # "When the vote was finally taken at 11:25 p.m.": a bare time of day, on the day the story
    # told last, dating a mention that refers back to an event told before (whose own day that
    # may not be: "voted on Tuesday night" … "the traffic study … on Aug. 28"): a doubt
    link = b.links.get(target.trigger.start)
    # (not one under a dated heading, whose day is the entry's: "### Saturday 12 July ¶ Docked at
    # Bergen at seven this morning")
    bare_time = timex.type == "TIME" and not own_day and timex.anchor is not None and (
        b.section_day(timex.start) is None)
    borrowed_day = bare_time and link is not None and (
        not any(t is not timex and t.type == "DATE" for t in here.timexes)
    ) and any(DAY_VALUE.match(value) and value[:10] != timex.value[:10]
              for value in b.told_values(link, written=True))
    # "also played on 29 February, four years earlier": a day whose year only the document date gave,
    # beside a count of years that puts it in another year: which year is meant is a doubt
    other_year = timex.anchor == "DCT" and DAY_VALUE.match(timex.value) is not None and any(
        other.start >= timex.end and _relative(other) and _YEAR_VALUE.fullmatch(other.value) is not None
        and other.value != timex.value[:4] and _in_apposition(b.text, timex, other)
        for other in here.timexes
    )
    # "married on 14 April 1969, sixty years ago to the day" in a round-up of 16 April 2029: a
    # count from now set beside the day it names may count from the story's day (the
    # anniversary two days before), not the document's: a doubt, when they are days apart
    near_story_day = timex.anchor == "DCT" and _relative(timex) and (
        DAY_VALUE.match(timex.value) is not None) and any(
        other.end <= timex.start and not _relative(other) and DAY_VALUE.match(other.value) is not None
        and _in_apposition(b.text, other, timex)
        and (apart := days_apart(other.value, timex.value)) is not None and apart <= _STORY_DAY_SPARE
        for other in here.timexes
    )
    grade = (Grade.WEAK if restated or quoted_weekday or series_start or borrowed_day or other_year
             or near_story_day else Grade.STRONG)
    for bound in bounds:
        b.period_claim(event_id, bound.part, bound.qualifier, period, span, rule=rule,
                       mentions=(target.trigger,), grade=grade)
    if _WITHIN in bounds or _STARTS_WITHIN in bounds:
        dated_here.append((timex.start, event_id))  # ("The trial opened on 8 June": its start)
    elif _ENDS_WITHIN in bounds and grade is Grade.STRONG:
        b.add_ended(timex.start, event_id)  # ("… and closed on 30 August": its end)
    # "The pool, closed since March 2026, will reopen": a participle set off after its noun
    # tells a state that still holds, as a perfect would
    participle = tense == PAST and target.cue.pos == "verb" and _SET_OFF_BEFORE.search(
        b.text, max(0, target.cue.start - 4), target.cue.start
    ) is not None
    ongoing = b.dct.start if b.dct is not None and (
        tense in (PERFECT, PRESENT, PROGRESSIVE) or participle
    ) else None
    if reading.name == SINCE and ongoing is not None:
        # "talks have continued since June": still going at the document date
        b.period_claim(event_id, Part.START, Qualifier.SINCE, period, span, ongoing=ongoing,
                       rule=ConflictKind.AFTER_DCT)
        b.dct_claim(event_id, span, force=True)
    # ("A panel … said the new timetable started on Sunday 3 September": a past told in a past
    # report may be the report's present or future, shifted back; a doubt)
    reported = tense == PAST and _backshifted(b.text, here, target.cue)
    b.dct_claim(event_id, span, tense=tense, mention=target.trigger,
                grade=Grade.WEAK if reported else Grade.STRONG)
    if tense == PLANNED and target.cue.pos == "verb" and bounds and reading.name == IN:
        _plan_after_dct(b, here, timex, period, event_id, span, target.trigger, target.cue,
                        ends=target.part is Part.END)
    elif target.cue.pos == "noun" and bounds and reading.name == IN and timex.note == FUTURE_BEFORE_DCT and (
        _future_clause_before(b.text, here.sentence.start, target.cue.start)
    ):
        # "Councillors will decide the subsidy's future when they vote at a full council meeting on
        # Monday 3 October": the noun's clause goes on from a "will" with no other verb between
        _plan_after_dct(b, here, timex, period, event_id, span, target.trigger, target.cue, willed=True)
    if target.part is Part.END and tense == PAST and target.cue.pos == "verb" and b.dct is not None and (
        reading.name == IN
    ):
        # "The season ended with the county final on 17 September": an end told as past is
        # over by the document date, though the event began long before it
        b.period_claim(event_id, Part.END, Qualifier.BY, b.dct, span, rule=ConflictKind.AFTER_DCT,
                       mentions=(target.trigger,))
    if reading.name == IN and target.part is Part.WHOLE and trigger.start >= timex.end:
        _frame(b, here, timex, period, reading, trigger, dated_here)
    elif reading.name == IN and target.trigger is trigger and is_setting(trigger) and trigger.end <= lead:
        _fronted_setting(b, here, timex, period, reading, trigger, dated_here)


def _within_a_day(period: Period) -> bool:
    return period.start is not None and period.end is not None and period.end - period.start < DAY


# "was first staged", "first held": the adverb right before the verb
_FIRST_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('first_adverbs')})[ \t]+\Z", re.IGNORECASE)
_FIRST_WORDS = _WORDS.set("first_adjectives")
# "The festival was first staged …": the adverb after the subject of a light verb
_FIRST_AFTER_SUBJECT = lazy_compile(
    rf"[ \t]+(?:{_WORDS.pattern('first_auxiliaries')}|(?:{_WORDS.pattern('first_perfect_auxiliaries')})[ \t]+"
    rf"(?:{_WORDS.pattern('first_perfect_participle')}))[ \t]+(?:{_WORDS.pattern('first_adverbs')})\b",
    re.IGNORECASE,
)


_REPORTED_GAP = 8  # words between a past reporting verb and the past verb of what it reports


def _backshifted(text: str, here: SentenceContext, verb: Trigger) -> bool:
    """Is the past verb ``verb``, a start or an end, in the clause a past reporting verb of its
    sentence reports ("said the new timetable started on …": what a schedule says starts)?"""
    reporting = [t for t in here.triggers if t.end <= verb.start and t.pos == "verb"
                 and t.event_class == "reporting" and t.tense not in (PRESENT, PLANNED)]
    if not reporting or verb.pos != "verb" or verb.event_class not in ("begin", "end"):
        return False  # (only a schedule's start or end, "starts on …": "said a man was arrested on
        # Jan 28" tells an arrest)
    last = reporting[-1]
    return words_between(text, last.end, verb.start) <= _REPORTED_GAP and not _REPORT_BREAK.search(
        text, last.end, verb.start)


_REPORT_BREAK = lazy_compile(r"[.;:!?\n]")


def _told_first(b: Builder, target: Target) -> bool:
    """Is the event told as its first time ("the very first festival", "was first staged")?"""
    cue = target.cue
    if cue.pos == "verb" and _FIRST_BEFORE.search(b.text, max(0, cue.start - 14), cue.start):
        return True
    if cue.pos == "noun" and _FIRST_AFTER_SUBJECT.match(b.text, cue.end):
        return True
    told = b.mention_at.get(target.trigger.start)
    return told is not None and told.contrast in _FIRST_WORDS


# the word before the white space that ends a stretch of text, matched on the stretch reversed
# (the same word as searching r"([A-Za-z]+)\s+\Z", without trying every start)
_WORD_BEFORE_REVERSED = lazy_compile(r"\s+([A-Za-z]+)")
_ORDER_SIDES = {
    " ".join(str(words).split()): str(side)
    for words, side in vocabulary("order").table("order_words").items()
}
_ORDER_PHRASE = lazy_compile(
    rf"\b(?P<word>{alternation(_ORDER_SIDES)})\s+(?:(?:{_WORDS.pattern('order_object_determiners')})\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?"
    r"(?P<noun>[\w'’-]+)\s*,\s*\Z",
    re.IGNORECASE,
)
# "the 2024–25 renewals plan", "the 1939–45 war": a range of years in front of a noun names it
_RANGE_MODIFIES = lazy_compile(r" ((?-i:[a-z]{3,}))\b(?!['’])")
# "moved from the Monday to Friday 8 May": the verb before a range's "from"
_MOVED_FROM = lazy_compile(r"\b([a-z]+)\s+from\s+(?:the\s+)?\Z", re.IGNORECASE)
# "the day after the report was published, on Thursday 13 October": a clause of its own after
# the order word, its subject and auxiliary before the act it names
_ORDER_CLAUSE = lazy_compile(
    rf"\b(?P<word>{alternation(_ORDER_SIDES)})\s+(?:{_WORDS.pattern('order_object_determiners')})\s+"
    r"(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{_WORDS.pattern('order_clause_auxiliaries')})\s+(?P<noun>[a-z]+ed)\s*,\s*\Z",
    re.IGNORECASE,
)
# "…, finally closing at 10.50pm", "…, ending at 4.15pm": a participle set off after its clause
# that says when that clause's event ended
_END_PARTICIPLE_BEFORE = lazy_compile(
    rf",\s+(?:(?:{_WORDS.pattern('end_participle_adverbs')})\s+)?(?:{_WORDS.pattern('end_participles')})\s+\Z",
    re.IGNORECASE,
)
# "met the day after …" (not "one week to the day after": a count of weeks made exact)
_THE_DAY = lazy_compile(rf"(?<!\bto )\b(?:{_WORDS.pattern('one_day_distances')})\s+\Z", re.IGNORECASE)
_THE_DAY_AFTER = lazy_compile(rf"\b(?:{_WORDS.pattern('one_day_after_distances')})\s+\Z", re.IGNORECASE)
_VAGUE_LEAD = lazy_compile(rf"(?:(?:{vocabulary('order').pattern('vague_distances')})\s+)*\Z", re.IGNORECASE)
_EVE_OF = lazy_compile(
    rf"\b(?:{_WORDS.pattern('eve_phrases')})\s+(?:[\w'’-]+\s+){{0,3}}?([\w'’-]+)\s*,\s*\Z", re.IGNORECASE
)


def _apposed_to_order_phrase(
    b: Builder, here: SentenceContext, timex: Timex, period: Period, lead: int
) -> None:
    """"In the final days before the vote, on 8 November, …": a date set off after an order
    phrase is a time before (after) the event the phrase names, whatever the main clause tells."""
    lo = max(here.sentence.start, lead - 80)
    if not _ends_with_comma(b.text, lo, lead) or period.start is None or period.end is None:
        return
    event: Trigger | None = None
    for pattern, pos in ((_ORDER_PHRASE, "noun"), (_ORDER_CLAUSE, "verb")):
        phrase = pattern.search(b.text, lo, lead)
        event = next((t for t in here.triggers if phrase is not None and t.start == phrase.start("noun")
                      and t.pos == pos), None)
        if event is not None:
            break
    if phrase is None or event is None or not is_asserted(b.text, event):
        return
    lead_words = b.text[here.sentence.start:phrase.start()].strip(" \"“")
    if _VAGUE_LEAD.fullmatch(lead_words + " " if lead_words else "") and any(
        t.start >= timex.end and words_between(b.text, timex.end, t.start) <= 8 for t in here.triggers
    ):
        return  # "Just days before the summit, on 9 July, protesters gathered": chrono.text.order's
    event_id = b.event(event, here)
    span = b.span(phrase.start(), timex.end)
    words = " ".join(phrase.group("word").lower().split())
    lo = max(here.sentence.start, phrase.start() - 30)
    counted = _COUNTED_DAYS.search(b.text, lo, phrase.start())
    direction = _OFFSET_DIRECTIONS.get(words)  # (an offset's: "19 days after")
    one_day = (_THE_DAY.search(b.text, lo, phrase.start()) or (
        _THE_DAY_AFTER.search(b.text, lo, phrase.start()) if direction == "after" else None
    )) if counted is None else None
    if (counted is not None or one_day is not None) and direction in ("after", "before"):
        # "Its first burn came 19 days after launch, on 25 October": the launch was 19 days
        # before that day (fronted, "Six days after the landfall, on 5 September, power
        # returned", the day is the main clause's: chrono.text.offsets counts from there)
        # ("met the day after the report was published, on Thursday 13 October": one day)
        distance = counted or one_day
        assert distance is not None
        if b.text[here.sentence.start:distance.start()].strip(" \"“"):
            days, spare = _days_counted(counted) if counted is not None else (1, 0)
            _counted_back(b, event, event_id, days, spare, direction, timex, period, span)
        return
    if _ORDER_SIDES[words] == "earlier":  # the date is earlier than the event
        b.period_claim(event_id, Part.START, Qualifier.ON_OR_AFTER, period, span, rule=ConflictKind.ORDER)
    else:
        b.period_claim(event_id, Part.START, Qualifier.BY, period, span, rule=ConflictKind.ORDER)


_ONE_DAY_VERBS = _WORDS.set("one_day_verbs")
_OBJECT_OF = lazy_compile(r"[ \t]+of[ \t]")
_INDEFINITE_START = lazy_compile(rf"(?:{_WORDS.pattern('indefinite_articles')})\s", re.IGNORECASE)
_INDEFINITE_RIGHT_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('indefinite_articles')})\s+\Z", re.IGNORECASE)
_INDEFINITE_BEFORE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('indefinite_articles')})\s+(?:[a-z-]+\s+)?\Z", re.IGNORECASE
)
# "has been open since …", "have been closed for repairs since …": a present perfect copula and
# the few words of the state it tells
_PERFECT_COPULA = lazy_compile(
    rf"\b(?:{_WORDS.pattern('perfect_copulas')})\s+(?:[\w'’-]+\s+){{1,3}}\Z", re.IGNORECASE
)
# ("It finally took place", "It was completed": the pronoun, an adverb, a passive's auxiliary)
_IT_SUBJECT = lazy_compile(rf"[\s\"“]*(?:{_WORDS.pattern('thing_pronoun_subjects')})\s+"
                         rf"(?:(?:{_WORDS.pattern('passive_auxiliaries')})\s+)?"
                         rf"(?:\w+ly\s+|(?:{_WORDS.pattern('subject_adverbs')})\s+)?",
                         re.IGNORECASE)
_SET_OFF_BEFORE = lazy_compile(r",\s*\Z")
_OFFSET_WORDS = vocabulary("offsets")
_COUNT_WORDS = [word for word, count in NUMBERS.items() if count]
# the days in the units a count of days may be written in ("19 days", "two weeks")
_UNIT_DAYS = {"P1D": 1, "P1W": 7, "P2W": 14}
_DAY_UNITS = {str(word): _UNIT_DAYS[str(value)] for word, value in _OFFSET_WORDS.table("units").items()
              if str(value) in _UNIT_DAYS}
_OFFSET_DIRECTIONS = {str(word): str(side) for word, side in _OFFSET_WORDS.table("directions").items()}
_COUNTED_DAYS = lazy_compile(
    rf"(?<![\w-])(?P<num>\d{{1,3}}|{alternation(_COUNT_WORDS)})\s+(?P<unit>{alternation(_DAY_UNITS)})s?\s+\Z",
    re.IGNORECASE,
)


_GUESSED_YEAR_TRUSTED = 183 * DAY


def _state_since(b: Builder, here: SentenceContext, timex: Timex, period: Period, lead: int) -> None:
    """"The café, which has been open since March 2026": a state told by a present-perfect
    copula and no event word holds from the date to the document date."""
    copula = _PERFECT_COPULA.search(b.text, max(here.sentence.start, lead - 60), lead)
    if copula is None or b.dct is None or b.dct.start is None or period.start is None:
        return
    event_id = b.state(copula.start(), timex.end)
    span = b.span(copula.start(), timex.end)
    b.period_claim(event_id, Part.START, Qualifier.SINCE, period, span, ongoing=b.dct.start,
                   rule=ConflictKind.AFTER_DCT)
    b.dct_claim(event_id, span, force=True)


def _pronoun_subject(b: Builder, here: SentenceContext, verb: Trigger) -> Target | None:
    """"The blockade lasted 40 days. It began on 1 March.", "The launch slipped twice. It
    finally took place on 30 April.": an aspectual, phase or light verb whose subject is "it"
    is about the event that opens the sentence before, in the same paragraph."""
    phase = aspect_phase(verb)
    if phase is None and not is_light(verb):
        return None
    if not _IT_SUBJECT.fullmatch(b.text, here.sentence.start, verb.start):
        # "It opened on 1 April and closed on 30 April": the subject of the verb it joins
        first = next((t for t in here.triggers if t.pos == "verb"), None)
        if first is None or first is verb or not coordinated_phases(b.text, first, verb) or (
            not _IT_SUBJECT.fullmatch(b.text, here.sentence.start, first.start)
        ):
            return None
    if _HABITUAL_EACH.search(b.text, here.sentence.start, here.sentence.end) or _EVERY_MONTH.search(
        b.text, verb.end, here.sentence.end
    ):
        return None  # "It has been held every June since 1979": the series, not the one told before
    previous = b.context_before(here)
    if previous is None or previous.sentence.paragraph != here.sentence.paragraph or not previous.triggers:
        return None
    opener = previous.triggers[0]
    opens_it = opener.pos == "noun" and opener.event_class not in ("named", "opening", "closing") and (
        words_between(b.text, previous.sentence.start, opener.start) <= 3)
    subject = opener if opens_it else _last_clause_subject(b, previous)
    if subject is None:
        return None
    part = Part.WHOLE if phase is None else Part.START if phase == "begin" else Part.END
    return Target(subject, part, verb)


def _last_clause_subject(b: Builder, previous: SentenceContext) -> Trigger | None:
    """"Fundraising took almost three years, and the 18-month restoration began in September
    2021. It was completed in August 2023": the event noun that is the subject of the sentence's
    last clause ("and the … restoration began"), the last event word of the sentence but its verb."""
    nouns = [t for t in previous.triggers if t.pos == "noun"]
    if not nouns or nouns[-1].event_class in ("named", "opening", "closing"):
        return None
    subject = nouns[-1]
    after = [t for t in previous.triggers if t.start > subject.start]
    if len(after) != 1 or after[0].pos != "verb" or words_between(b.text, subject.end, after[0].start) > 1:
        return None  # the noun's own verb right after it, and no event word after that
    clause = _CLAUSE_OPENING.search(b.text, max(previous.sentence.start, subject.start - 60), subject.start)
    if clause is None or words_between(b.text, clause.end(), subject.start) > 3:
        return None
    return subject


# where the last clause of a sentence opens: after a comma and a coordinator ("…, and the 18-month …")
_CLAUSE_OPENING = lazy_compile(
    rf"[,;][ \t]+(?:{_WORDS.pattern('last_clause_openers')})[ \t]+"
    rf"(?!.*[,;][ \t]+(?:{_WORDS.pattern('last_clause_openers')})[ \t])")
# "held every June", "each Saturday": a habit's month or weekday after the verb
_EVERY_MONTH = lazy_compile(
    rf"\b(?:{_WORDS.pattern('habitual_each')})\s+(?:{alternation([*MONTHS, *WEEKDAYS])})\b", re.IGNORECASE)


def _days_counted(counted: re.Match[str]) -> tuple[int, int]:
    """The days "N days" or "N weeks" count, and the days to spare (a count of days is exact)."""
    unit = _DAY_UNITS[counted.group("unit").lower()]
    return (count_of(counted.group("num")) or 0) * unit, 0 if unit == 1 else 1


def _counted_back(b: Builder, event: Trigger, event_id: str, days: int, spare: int, direction: str,
                  timex: Timex, period: Period, span: Span) -> None:
    """The event named after "N days after" starts N (``days``) calendar days before the day
    set off after it (after it, for "before"; ``direction``: the offset's, "after" or "before");
    nothing when that date is not one day."""
    if period.end is None or period.start is None or period.end - period.start != DAY:
        return
    if not 0 < days <= 366:
        return
    # a day whose year only the document date gave, months before it, may be the story's year
    guessed = timex.anchor == "DCT" and b.dct is not None and b.dct.start is not None and (
        b.dct.start - period.start > _GUESSED_YEAR_TRUSTED
    )
    counted_day_claim(b, event_id, period.value, -days if direction == "after" else days, spare, span,
                      mentions=(event,), grade=Grade.WEAK if guessed else Grade.STRONG)
    b.counted_back.add(timex.start)


# how far before the document date a day counted from "now" must lie to show that the text
# speaks from another day (a reprinted issue's, a letter's)
_OTHER_NOW = 400 * DAY
# vague times that name no day a report might be counted from ("decide the future of …"; not
# "now", which may be the day of a report: "will now open on Saturday 2 March, organisers said")
_VAGUE_REFS = frozenset({"FUTURE_REF", "PAST_REF"})


def _future_clause_before(text: str, lo: int, at: int) -> bool:
    """Does the sentence from ``lo`` go on to ``at`` from a "will" and its verb, with no finite
    verb after them ("will decide its future when they vote at a full council meeting")?"""
    will = _FUTURE_VERB.search(text, lo, at)
    return will is not None and not any(looks_finite(word) for word in words_in(text, will.end(), at))


def _plan_after_dct(b: Builder, here: SentenceContext, timex: Timex, period: Period, event_id: str,
                    span: Span, mention: Trigger, cue: Trigger, *, willed: bool = False,
                    ends: bool = False) -> None:
    """"The festival will return on Saturday 16 September" in a text of 20 September: what is
    told as still to come starts on the document's day or later. Sure only for a day written
    with its weekday that fits the year the document's date gave it, within a month before the
    document, in a sentence with no other date (of a report it might be counted from);
    otherwise a doubt. A plan not told with "will" ("had been due to decide on
    Tuesday 26 November", a plan of the past), or in a quote, is not read."""
    dct = b.dct
    if dct is None or dct.start is None or dct.end is None or period.end is None:
        return
    # (the "will" of the noun's verb too: "a public exhibition, which will be held on Thursday 29 August")
    willed = willed or any(_WILL_BEFORE.search(b.text, max(here.sentence.start, word.start - 30), word.start)
                           for word in (mention, cue))
    # (a plan told in the present is read only when sure, below: "is due to open in 2019" in a
    # timeline of 2017 is that year's plan)
    present_plan = not willed and any(
        _PRESENT_PLAN_BEFORE.search(b.text, max(here.sentence.start, word.start - 30), word.start)
        for word in (mention, cue))
    willed = willed or present_plan
    if not willed or in_quote(b.text, timex.start):
        return  # "had been due to decide on Tuesday 26 November": a plan of the past
    if timex.anchor not in (None, "DCT") and (
        b.section_day(timex.start) is not None or is_deictic_day(timex)
    ):
        # "**Thursday 9 March** … will hit me at four this afternoon": still to come from the
        # day the entry (or a dateline) speaks from, not from the document's
        return
    before = dct.start - period.end
    if timex.anchor == "DCT" and before > _OTHER_NOW:
        return  # "will return to work next Monday" read as 1975's: the text speaks from another day
    # ("will close at 5pm on Friday 16 May": the clock time's day, written after it)
    day = _day_of_clock(b.text, here, timex) or timex
    written = b.text[timex.start:day.end]
    sure = (day.anchor == "DCT" and DAY_VALUE.match(timex.value) is not None
            and _WEEKDAY_IN.search(written) is not None and _FIGURE.search(day.text) is not None
            and 0 <= before < _PLAN_REACH
            # (times of that day aside: "on Thursday 29 August from 3pm to 8pm")
            # (nor a later day: "will open on Saturday 12 October and runs until Sunday 5 January 2020")
            # (nor one that only labels a thing: "twice the size of last year's")
            and not any(t is not timex and t is not day and t.type in ("DATE", "TIME")
                        and not t.value.startswith(timex.value)
                        and t.value not in _VAGUE_REFS and not _POSSESSIVE_AFTER.match(b.text, t.end)
                        and not (DAY_VALUE.match(t.value) and t.value[:10] > timex.value[:10])
                        # (nor a year far from now: "*Merrow Cloth 1850–1950* will open on …")
                        and not _far_year(t, timex)
                        for t in here.timexes))
    if present_plan and not sure:
        return
    # ("the strike will continue until at least Monday 6 March": what is still to come is its end;
    # so with "the consultation will close at 5pm on Friday 16 May", the end the verb tells)
    going_on = ends or timex.signal in _PLAN_END_SIGNALS or any(
        word.pos == "verb" and word.lemma in _PLAN_GOING_ON for word in (mention, cue))
    b.period_claim(event_id, Part.END if going_on else Part.START, Qualifier.ON_OR_AFTER,
                   Period(dct.start, dct.end, ""), span,
                   rule=ConflictKind.PLAN_BEFORE_DCT, mentions=(mention,),
                   grade=Grade.STRONG if sure else Grade.WEAK)


def _day_of_clock(text: str, here: SentenceContext, clock: Timex) -> Timex | None:
    """The day written right after a clock time, that the tagger read it on ("5pm on Friday 16
    May"), if any."""
    return next((t for t in here.timexes if t.start >= clock.end and t.type == "DATE"
                 and day_of_clock(text, clock, t)), None)


def _held_in_a_plan(text: str, here: SentenceContext, participle: Trigger) -> bool:
    """Is a participle set off after its noun ("…, held on Thursday 16 May") in a sentence whose
    verb before it is a plan ("Members will vote on the plan at a special meeting, held on …")?"""
    if not _SETTING_SET_OFF.search(text, max(here.sentence.start, participle.start - 60), participle.start):
        return False  # (not "Members will recall the meeting, held on 3 March 2020")
    return _WILL_ANYWHERE.search(text, here.sentence.start, participle.start) is not None


def _far_year(other: Timex, timex: Timex) -> bool:
    """Is ``other`` a year more than a year from the year of ``timex``?"""
    return _YEAR_VALUE.fullmatch(other.value) is not None and abs(int(other.value) - int(timex.value[:4])) > 1


def counted_day_claim(b: Builder, event_id: str, day: str, days: int, spare: int, span: Span, *,
                      mentions: Sequence[Trigger] = (), grade: Grade = Grade.STRONG, note: str = "",
                      spare_after: int = 0, part: Part = Part.START) -> None:
    """The event starts (or its ``part`` falls) ``days`` calendar days after the day ``day``
    names (before it, when negative), with ``spare`` days either side (and ``spare_after`` more
    after): "two days later", "19 days after launch, on 25 October". Nothing at the edges of the
    calendar."""
    period = Period.days_from(day, days, spare)
    if period is None:
        return
    if spare_after and period.end is not None:
        period = Period(period.start, period.end + spare_after * DAY, period.value)
    note = note or f"counted {'back' if days < 0 else 'on'} from {day[:10]}"
    b.period_claim(event_id, part, Qualifier.IN, period, span, rule=ConflictKind.OFFSET, note=note,
                   mentions=mentions, grade=grade)


def _told_again(b: Builder, first: Timex | None, target: Target) -> bool:
    """"The 2023 prize ceremony, held on 19 November", "Last summer's repaving ran from 5 December
    to 30 January": a date in front of the noun (``first``), then its day or range through a verb
    of the noun's own clause; both hold."""
    return (
        first is not None and target.cue is not target.trigger and first.end <= target.trigger.start
        and IN_FRONT.fullmatch(b.text, first.end, target.trigger.start) is not None
    )


def _ends_with_comma(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` ends in a comma and white space, as a pattern ending in
    ``,\\s*\\Z`` needs: most places do not, and a search would try every start."""
    return text[lo:hi].rstrip().endswith(",")


def _eve_of(b: Builder, here: SentenceContext, timex: Timex, period: Period, lead: int) -> bool:
    """"a dinner on the eve of the summit, on 5 June": the date is the day before the event
    starts (and not the event's date). Returns whether the date was read so."""
    lo = max(here.sentence.start, lead - 80)
    eve = _EVE_OF.search(b.text, lo, lead) if _ends_with_comma(b.text, lo, lead) else None
    if eve is None or period.start is None or period.end is None or period.end - period.start != DAY:
        return False
    event = next((t for t in here.triggers if t.start == eve.start(1)), None)
    if event is None or event.pos != "noun" or not is_asserted(b.text, event):
        return eve is not None
    event_id = b.event(event, here)
    value = period.value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            value = (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()
        except (ValueError, OverflowError):
            return True  # the last day of the calendar has no day after it
    day_after = Period(period.start + DAY, period.end + DAY, value)
    span = b.span(eve.start(), timex.end)
    b.period_claim(event_id, Part.START, Qualifier.IN, day_after, span,
                   note=f"the day after its eve, {' '.join(timex.text.split())}")
    return True
_APPOSITION = lazy_compile(rf"\s*(?:,|--|—|–|\(|;)\s*(?:(?:{_WORDS.pattern('apposition_words')})\s+)*")


# counted from a time the story set, not from the document's ("the week before", "a day later")
_GUESSED_UNIT = lazy_compile(rf"(?:{_WORDS.pattern('guessed_unit_periods')})", re.IGNORECASE)
_ANAPHORIC_WORDS = lazy_compile(rf"\b(?:{_WORDS.pattern('anaphoric_words')})\b", re.IGNORECASE)
_DEICTIC_DAY = lazy_compile(rf"\b(?:{_WORDS.pattern('day_deictics')})\b", re.IGNORECASE)
_RELATIVE_WORDS = lazy_compile(rf"\b(?:{_WORDS.pattern('relative_words')})\b", re.IGNORECASE)


_WEEK_DAYS = 7
_YEAR_VALUE = lazy_compile(r"\d{4}")
_NARROWING_GAP = lazy_compile(
    rf"[ \t]*,[ \t]*(?:{_WORDS.pattern('narrowing_day_signal')})[ \t]+"
    rf"(?:(?:{_WORDS.pattern('narrowing_day_articles')})[ \t]+)?(?:[a-z]+[ \t]+)?")
_COARSE_VALUE = lazy_compile(r"\d{4}(?:-(?:SP|SU|FA|WI|\d\d))?")


def _relative(timex: Timex) -> bool:
    """Is the expression counted from another time ("two days later", "four weeks from now")?
    (Timex.anchor is no test: a year-less "15 May" is anchored on the DCT for its year.)"""
    return _RELATIVE_WORDS.search(timex.text) is not None


_COUNTED_WEEKDAY = lazy_compile(
    rf"the\s+(?:(?P<forward>{_WORDS.pattern('counted_weekday_forward')})|{_WORDS.pattern('counted_weekday_back')})"
    rf"\s+(?P<weekday>{alternation(WEEKDAYS)})",
    re.IGNORECASE,
)


def _no_told_day_counts_to(b: Builder, counted: Timex, written: Timex) -> bool:
    """"On Friday 5 May … The following Tuesday, 16 May": is the written day the phrase's weekday,
    but the following (previous) one of no day the text told before the phrase? Then whatever day
    the phrase counts from, it and the written day disagree (not a doubt of which day it counts
    from)."""
    phrase = _COUNTED_WEEKDAY.fullmatch(counted.text.strip())
    if phrase is None or not DAY_VALUE.match(written.value):
        return False
    day = dt.date.fromisoformat(written.value[:10])
    if day.weekday() != WEEKDAY_NUMBERS[phrase.group("weekday").lower()]:
        return False  # (a weekday that is not the date's: that slip is another rule's)
    forward = phrase.group("forward") is not None
    for told in b.timexes[:bisect.bisect_left(b.timex_starts, counted.start)]:
        if told.type not in ("DATE", "TIME") or not DAY_VALUE.match(told.value):
            continue
        apart = (day - dt.date.fromisoformat(told.value[:10])).days
        if 1 <= (apart if forward else -apart) <= _WEEK_DAYS:
            return False
    return True


def _another_week_fits(b: Builder, counted: Timex, written: Timex) -> bool:
    """Is the day written beside a counted weekday ("last Monday, 2 March") a week from the one the
    tagger chose, on the same side of the document date: the other reading of "last" or "next"?"""
    if b.dct is None or b.dct.start is None or not (DAY_VALUE.match(counted.value) and DAY_VALUE.match(
        written.value
    )):
        return False
    chosen, told = dt.date.fromisoformat(counted.value[:10]), dt.date.fromisoformat(written.value[:10])
    now = date_of(b.dct.start)
    return abs((told - chosen).days) == _WEEK_DAYS and (told < now) == (chosen < now)


# a date set off right after another by punctuation alone
_SET_OFF = lazy_compile(r"\s*(?:,|--|—|–|\()\s*")


def is_deictic_day(timex: Timex) -> bool:
    """Does the expression count its day from the reference day itself ("today", "last night",
    "at 4am yesterday")?"""
    return _DEICTIC_DAY.search(timex.text) is not None


def _dateline_day(b: Builder, timex: Timex) -> bool:
    """Is the day ``timex`` counts from one that a dateline of the text writes?"""
    if timex.anchor == "DCT":
        return b.dct is not None and b.dct.start is not None and (
            date_of(b.dct.start).isoformat() in b.dateline_days)
    return timex.anchor is not None and timex.anchor[:10] in b.dateline_days


def _apposed_trigger(b: Builder, here: SentenceContext, timex: Timex) -> Trigger | None:
    """"burst its banks at about 4am today, Tuesday 13 May, following …": a date set off right
    after another that says the same day again dates what that one dated (both must hold)."""
    before = [t for t in here.timexes if t.end <= timex.start]
    if not before or not _in_apposition(b.text, before[-1], timex) or not _SET_OFF.fullmatch(
        b.text, before[-1].end, timex.signal_start or timex.start
    ):
        return None  # (not "falls on a Thursday this year, or on New Year's Day": another day)
    if len(before) > 1 and before[-1].start - before[-2].end <= 1:
        return None  # "a week tomorrow, on Sunday 26 May": the first is part of a longer expression
    if not is_deictic_day(before[-1]) or not _dateline_day(b, before[-1]):
        return None  # ("the following Thursday, 29 October": the counted day is the doubtful one)
    start = next((key[0] for key, dated in b.dated_by.items() if dated is before[-1]), None)
    return next((t for t in here.triggers if t.start == start), None)


_STORY_DAY_SPARE = 31  # days between the story's day and the document's a count from now may hide


def _in_apposition(text: str, first: Timex | None, second: Timex) -> bool:
    """"scheduled for May 15 -- exactly four weeks from now": a second expression right after
    the first that says the same date another way (one of them counted from a reference);
    both must hold. Two plain dates in a row are a list ("on April 4, April 18"), not one."""
    if first is None or second.start < first.end:
        return False
    if _narrowed(text, first, second):
        return True
    if _relative(first) == _relative(second):
        return False
    if (is_deictic_day(first) or is_deictic_day(second)) and not (
        DAY_VALUE.match(first.value) and DAY_VALUE.match(second.value)
    ):
        return False  # "held every two years since 1986, today announced": "today" is no year
    return _APPOSITION.fullmatch(text, first.end, second.signal_start or second.start) is not None


def _narrowed(text: str, first: Timex, second: Timex) -> bool:
    """"in the spring of 1961, on a wet Saturday, 18 November": a season (or a month, a year) said
    again as a day of it, set off after it with a day's own signal."""
    # (in or next to the year of the coarser time: a day read years away is the tagger's slip, not
    # the text's)
    if _COARSE_VALUE.fullmatch(first.value) is None or DAY_VALUE.match(second.value) is None:
        return False
    return abs(int(second.value[:4]) - int(first.value[:4])) <= 1 and (
        _NARROWING_GAP.fullmatch(text, first.end, second.start) is not None)


_WHEN_AFTER = lazy_compile(rf",?[ \t]+(?:{_WORDS.pattern('when_clause_openers')})[ \t]+")
_CLAUSE_END = frozenset(",;:.!?()\n")


def when_clause(b: Builder, here: SentenceContext, timex: Timex, period: Period,
                dated_here: list[tuple[int, str]]) -> None:
    """"at a meeting on 27 February, when councillors voted by six to five": a when-clause right
    after a date tells an event at that date itself, whatever the preposition before it ("in",
    "until", "since 2019, when he retired"): the clause's first verb told as past is in it."""
    opener = _WHEN_AFTER.match(b.text, timex.end, here.sentence.end)
    if opener is None:
        return
    stop = next((i for i in range(opener.end(), here.sentence.end) if b.text[i] in _CLAUSE_END),
                here.sentence.end)
    verb = next((t for t in here.triggers if opener.end() <= t.start < stop and t.pos == "verb"), None)
    if verb is None or verb.tense != PAST or verb.event_class in ("reporting", "causal", "begin", "end"):
        return
    if (verb.start, Part.WHOLE) in b.dated_parts or _after_document(b, period):
        return
    b.dated_parts.add((verb.start, Part.WHOLE))
    event_id = b.event(verb, here)
    span = b.span(timex.start, timex.end, verb.start, verb.end)
    b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, span)
    dated_here.append((verb.start, event_id))


def _after_document(b: Builder, period: Period) -> bool:
    """Does ``period`` start after the document's date? A date read for a when-clause has
    not passed the checks of the event it is written for (a year-less date may be last year's):
    such readings relate events to each other, never to the document date."""
    return b.dct is not None and period.start is not None and b.dct.end is not None and (
        period.start >= b.dct.end
    )


_WHEN_WORD = lazy_compile(rf"\b(?:{_WORDS.pattern('when_clause_openers')})\b")
_WHEN_HINT = Hint.of(_WORDS.words("when_clause_openers"))
_MAIN_CLAUSE_BREAKS = frozenset(";:.!?()\n")


def when_simultaneous(b: Builder, here: SentenceContext) -> None:
    """"was found guilty when the jury returned its verdict on 17 October": a verb told as past
    right before a when-clause whose verb the sentence dates happened at that date too."""
    text = b.text
    if not _WHEN_HINT.may_match(text, here.sentence.start, here.sentence.end):
        return
    for found in _WHEN_WORD.finditer(text, here.sentence.start, here.sentence.end):
        main = next((t for t in reversed(here.triggers) if t.end <= found.start() and t.pos == "verb"), None)
        clause = next((t for t in here.triggers if t.start >= found.end() and t.pos == "verb"), None)
        if main is None or clause is None or main.tense != PAST or main.event_class in _NOT_SIMULTANEOUS:
            continue
        if any(c in _MAIN_CLAUSE_BREAKS for c in text[main.end:found.start()]):
            continue
        if again_or_predicate(text, main.end, found.start()):
            continue  # "closed in 1997 after cracks were found, and again in 2011 when …": not found
        timex = b.dated_by.get((clause.start, Part.WHOLE))
        reading = reading_of(timex.signal) if timex is not None else None
        if timex is None or reading is None or reading.name != IN:
            continue
        if (main.start, Part.WHOLE) in b.dated_parts:
            continue
        period = period_of(timex, b.dct, b.options.hemisphere)
        if period is None or _after_document(b, period):
            continue
        b.dated_parts.add((main.start, Part.WHOLE))
        event_id = b.event(main, here)
        span = b.span(main.start, main.end, timex.start, timex.end)
        b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, span)


_NOT_SIMULTANEOUS = frozenset({"reporting", "causal", "begin", "end", "state"})


def _frame(b: Builder, here: SentenceContext, timex: Timex, period: Period, reading: Reading, first: Trigger,
           dated_here: list[tuple[int, str]]) -> None:
    """"In August 2024 the troops crossed the border and captured the town": a date that opens
    the sentence frames the verbs coordinated with the first one."""
    text = b.text
    sentence_start = here.sentence.start
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    if text[sentence_start:lead].strip(" \"“"):
        return
    others = [t.start for t in here.timexes if t.start > timex.end]
    limit = others[0] if others else here.sentence.end
    for t in here.triggers:
        if t.start <= first.end or t.start >= limit:
            continue
        if t.pos != "verb" or t.tense != first.tense or not asserted(t) or t.event_class in (
            "reporting", "causal", "begin", "end"
        ):
            continue
        if not _COORDINATED.search(text, max(0, t.start - 20), t.start):
            continue
        if (t.start, Part.WHOLE) in b.dated_parts:
            continue
        b.dated_parts.add((t.start, Part.WHOLE))
        event_id = b.event(t, here)
        span = b.span(lead, timex.end, t.start, t.end)
        bounds = reading.bounds(Part.WHOLE, t.punctual)
        for bound in bounds:
            b.period_claim(event_id, bound.part, bound.qualifier, period, span)
        if _WITHIN in bounds:
            dated_here.append((t.start, event_id))
        b.dct_claim(event_id, span, tense=t.tense)


_RESPONDED_TO = lazy_compile(
    rf"\b(?:{_WORDS.pattern('responded_to_leads')})\s+(?:(?:{_WORDS.pattern('responded_to_reports')})\s+)?"
    rf"(?:{_WORDS.pattern('responded_to_articles')})\s+(?:[\w'’-]+\s+){{0,2}}\Z", re.IGNORECASE)
_SETTING_WORDS = vocabulary("attachment")
_SETTING_AT_HEAD = lazy_compile(
    rf"[\s\"“]*(?:{_SETTING_WORDS.pattern('setting_prepositions')})\s+"
    rf"(?:{_SETTING_WORDS.pattern('setting_determiners')})\s+(?:[\w'’-]+\s+){{0,3}}\Z",
    re.IGNORECASE,
)
# "at a special meeting, ": a setting set off before its participle (attachment.yaml's words)
_SETTING_SET_OFF = lazy_compile(
    rf"\b(?:{_SETTING_WORDS.pattern('setting_prepositions')})\s+"
    rf"(?:{_SETTING_WORDS.pattern('setting_determiners')})\s+(?:[\w'’-]+\s+){{0,3}}[\w'’-]+\s*,\s*\Z",
    re.IGNORECASE)
_SET_OFF_COMMA = lazy_compile(r"\s*,\s*")
_FRONTED_SETTING_STOP = lazy_compile(rf"\b(?:{_WORDS.pattern('fronted_setting_stops')})\b", re.IGNORECASE)
_SETTING_SUBJECT_WORDS = 9


def _fronted_setting(b: Builder, here: SentenceContext, timex: Timex, period: Period, reading: Reading,
                     setting: Trigger, dated_here: list[tuple[int, str]]) -> None:
    """"At the group meeting on Thursday 8 October, 14 of the 23 members voted …": a setting
    whose date opens the sentence, set off by a comma, is the time of the main clause's verb.
    (Only a past verb with no date of its own, reached through nothing but its subject.)"""
    text = b.text
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    if text[setting.end:lead].strip() or not _SETTING_AT_HEAD.fullmatch(
        text, here.sentence.start, setting.start
    ):
        return
    comma = _SET_OFF_COMMA.match(text, timex.end)
    if comma is None:
        return
    after = [t for t in here.triggers if t.start >= comma.end()]
    if not after or after[0].pos != "verb":
        return
    verb = after[0]
    between = text[comma.end():verb.start]
    if verb.tense != PAST or not asserted(verb) or (
        verb.event_class in ("reporting", "causal", "begin", "end")
        or any(c in between for c in ",;:()\"“”") or _FRONTED_SETTING_STOP.search(between)
        or len(between.split()) > _SETTING_SUBJECT_WORDS
        or any(t is not timex and t.start > timex.end for t in here.timexes)
        or (verb.start, Part.WHOLE) in b.dated_parts
    ):
        return
    b.dated_parts.add((verb.start, Part.WHOLE))
    event_id = b.event(verb, here)
    span = b.span(lead, timex.end, verb.start, verb.end)
    bounds = reading.bounds(Part.WHOLE, verb.punctual)
    for bound in bounds:
        b.period_claim(event_id, bound.part, bound.qualifier, period, span, mentions=(verb,))
    if _WITHIN in bounds:
        dated_here.append((verb.start, event_id))
    b.dct_claim(event_id, span, tense=verb.tense)


# the comma that sets off a range at the head of its clause
_RANGE_SET_OFF = lazy_compile(r"\s*,")
_NIGHT_AFTER = 12 * HOUR  # into the morning after a state's last day told


def _one_day(period: Period) -> bool:
    return period.start is not None and period.end is not None and period.end - period.start == DAY


def _fronted_range_verb(b: Builder, here: SentenceContext, first: Timex, last: Timex) -> Trigger | None:
    """"Between 22:40 on Sunday and 01:50 on Monday, about 18,000 homes lost power": a range set
    off at the head of its clause dates the verb after it. (Read as one date from its first word
    to its last, so that the "and" inside the range is not taken for one joining two clauses.)"""
    if last.start <= first.end or not _RANGE_SET_OFF.match(b.text, last.end):
        return None
    whole = attrs.evolve(first, end=last.end, text=b.text[first.start:last.end])
    trigger = attach(b.text, whole, here.triggers, here.cuts)
    return trigger if trigger is not None and trigger.start >= last.end else None


def _clock_of_another_day(b: Builder, event_id: str, clock: Timex, trigger: Trigger) -> bool:
    """"The ceremony will run from 11am to 4pm" after "a ceremony on Saturday 14 September", "On
    Saturday morning, a gunman shot … The shooting began at 10:39 a.m.": clock times with no day
    of their own, read against a date told before (or the document's), when the event they time
    was dated to another day: they are on the event's day, not the day read. (Only for an event
    over within a day: a strike dated to the day it ended may have begun days before.)"""
    if clock.type != "TIME" or clock.anchor is None or _DAY_WORDS.search(clock.text) or not trigger.punctual:
        return False
    heading = b.section_day(clock.start)
    if heading is not None and heading.value[:10] == clock.value[:10]:
        return False  # "**Thursday 3 October** … landed at noon": the day of the entry's heading
    day = b.day_of(event_id, clock.start)
    return day is not None and day.value[:10] != clock.value[:10]


def date_range(b: Builder, here: SentenceContext, begin: tuple[Timex, Period], end: tuple[Timex, Period],
               dated_here: list[tuple[int, str]]) -> None:
    """"from 3 to 21 March", "between 2019 and 2021": the two ends of a range date the event's
    start and end."""
    first, first_period = begin
    last, last_period = end
    guessed = first.anchor is not None or last.anchor is not None
    if guessed and first_period.start is not None and last_period.end is not None and (
        first_period.start >= last_period.end
    ):
        return  # "July–September" with the year of an end guessed wrongly: no reading at all
    if is_term(b.text, last):
        return  # "profit of £18.6m for the year to 31 March 2023": the profit's term
    modified = _RANGE_MODIFIES.match(b.text, last.end)
    if modified is not None and modified.group(1) not in FUNCTION_WORDS and not any(
        t.start == last.end + 1 and t.pos == "verb" for t in here.triggers
    ):
        return  # "identified for replacement in the 2024–25 renewals plan": the plan's years
    if first.signal is not None and reading_of(first.signal) is None:
        return  # "approved a rise in council tax for 2022–23": what the act is for, not when it was
    moved = _MOVED_FROM.search(b.text, max(0, first.start - 40), first.start)
    if moved is not None and schedules(moved.group(1), "from"):
        return  # "has been moved from the Monday to Friday 8 May": the old and new days of what moved
    if first.signal is None and _BARE_WEEKDAY.fullmatch(first.text) and _BARE_WEEKDAY.fullmatch(last.text):
        return  # "will stay open throughout the closure, Tuesday to Saturday": the days of each week
    trigger = attach(b.text, first, here.triggers, here.cuts) or _fronted_range_verb(b, here, first, last)
    if trigger is None or not is_asserted(b.text, trigger) or _schedules(b, trigger, first):
        return
    lead = first.signal_start if first.signal_start is not None else first.start
    if _not_one_date_of(b.text, trigger, lead):
        return
    target = resolve(b.text, trigger, here.triggers, here.cuts)
    key = (target.trigger.start, Part.WHOLE)
    told_again = _told_again(b, b.dated_by.get(key), target)
    if target.part is not Part.WHOLE or (key in b.dated_parts and not told_again):
        return
    event_id = b.event(target.trigger, here)
    if _clock_of_another_day(b, event_id, first, target.trigger):
        return
    b.dated_parts.add(key)
    span = b.span(first.signal_start if first.signal_start is not None else first.start, last.end,
                  target.cue.start, target.cue.end)
    rule = ConflictKind.NAMED_EVENT if target.trigger.event_class == "named" else None
    reading = range_reading(first.signal)
    # (the subject a light verb's range dates, "the full disruption ran from …", may be a mention
    # that refers back: the claims are only as sure as its link)
    mentions = (target.trigger,)
    b.period_claim(event_id, reading.first.part, reading.first.qualifier, first_period, span, rule=rule,
                   mentions=mentions)
    if target.trigger.event_class == "state" and reading.last.part is Part.END and _one_day(last_period):
        # "a closure that ran from Monday 27 February to Friday 3 March … reopened at 6am on
        # Saturday 4 March": a state told to its last day may end in the night after it
        assert last_period.end is not None
        last_period = Period(last_period.start, last_period.end + _NIGHT_AFTER, last_period.value)
    b.period_claim(event_id, reading.last.part, reading.last.qualifier, last_period, span, rule=rule,
                   mentions=mentions)
    dated_here.append((first.start, event_id))
    b.dct_claim(event_id, span, mention=target.trigger)
