"""Durations: "a ten-day visit", "lasted three weeks", "for two years" give the length of the
event they are about, with one unit of slack."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from chrono.lazy_regex import lazy_compile
from chrono.model import Gap, Grade, Part, Qualifier
from chrono.periods import DAY, HOUR, MINUTE, WEEK, Period
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.text.attachment import Target, is_asserted, relative_antecedent, resolve, subject_noun
from chrono.text.builder import Builder
from chrono.text.calendar_names import WEEKDAYS
from chrono.text.claims import TextDurationClaim
from chrono.text.clauses import clause_of, other_predicate
from chrono.text.context import SentenceContext
from chrono.text.dating import period_of
from chrono.text.events import Trigger
from chrono.text.states import ending_acts
from chrono.text.tense import NOMINAL, PAST, PERFECT, PRESENT, PROGRESSIVE
from chrono.text.vocabulary import alternation, each_then_space, vocabulary

YEAR = 365 * DAY
MONTH = 30 * DAY
# seconds of a TIMEX3 duration unit
UNITS = {"S": 1, "MIN": MINUTE, "H": HOUR, "D": DAY, "W": WEEK, "M": MONTH, "Y": YEAR,
         "DE": 10 * YEAR, "CE": 100 * YEAR}
_WORDS = vocabulary("durations")
_LENGTH_NOUN = lazy_compile(r"[\s-]*(?:[\w-]+\s+)?")
_COMPOUND_LENGTH = lazy_compile(rf"\w-(?:{_WORDS.pattern('compound_units')})s?\b", re.IGNORECASE)
_LASTED = lazy_compile(
    rf"\b({_WORDS.pattern('lasting_verbs')})\s+"
    rf"(?:{each_then_space(_WORDS.words('lasting_fillers'))})?\Z"
)
_LASTED_IN_TOTAL = lazy_compile(
    rf"\b({_WORDS.pattern('lasting_verbs')})\s+(?:{each_then_space(_WORDS.words('total_fillers'))})\Z"
)
_RANGE_OPENED_AFTER = lazy_compile(rf"\s*,\s*(?:{_WORDS.pattern('range_openers')})\s")
_COMMA_BEFORE = lazy_compile(r",\s*\Z")
_MEASURED_VERB = lazy_compile(rf"\b(?:{_WORDS.pattern('measured_verbs')})\s+\Z")
_VERB_LENGTH_SIGNALS = _WORDS.set("verb_length_signals")
_ABOUT = lazy_compile(rf"\b(?:{_WORDS.pattern('approximators')})\b", re.IGNORECASE)
_CLOCK_CHANGE = lazy_compile(rf"\b(?:{_WORDS.pattern('clock_changes')})\b", re.IGNORECASE)
_CLOCK_CHANGE_REACH = 2 * DAY  # the lengths a clock change may put an hour into
_INTERRUPTED = lazy_compile(rf"\b(?:{_WORDS.pattern('interruption_words')})\b", re.IGNORECASE)
_UNREAL_LEAD = lazy_compile(
    rf"\b(?:{_WORDS.pattern('unreal_interruption_leads')})\s+(?:(?:been|be|an|any)\s+)?\Z", re.IGNORECASE)


_DURATION = re.compile(
    r"P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MIN>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<S>\d+(?:\.\d+)?)S)?)?"
)
_DECADES = re.compile(r"P(\d+(?:\.\d+)?)(DE|CE)")


_DISTRIBUTIVE = lazy_compile(rf"\s+(?:{_WORDS.pattern('distributive_words')})\b", re.IGNORECASE)
_DIFFERENCE = lazy_compile(rf"\s+(?:{_WORDS.pattern('difference_words')})\b", re.IGNORECASE)


def seconds_of(value: str) -> int | None:
    """Seconds of a TIMEX3 duration written in figures ("P10D", "PT5H", "P3Y", "PT1H35M",
    "P3DT4H"), else None (a vague "PXY")."""
    century = _DECADES.fullmatch(value)
    if century is not None:
        return int(float(century.group(1)) * UNITS[century.group(2)])
    match = _DURATION.fullmatch(value)
    if match is None or value in ("P", "PT") or value.endswith("T"):
        return None
    parts = {unit: float(amount) for unit, amount in match.groupdict().items() if amount is not None}
    if not parts:
        return None
    return int(sum(amount * UNITS[unit] for unit, amount in parts.items()))


def unit_of(value: str) -> int:
    """The smallest unit a duration names ("PT1H35M": a minute): one of it is the slack."""
    century = _DECADES.fullmatch(value)
    if century is not None:
        return UNITS[century.group(2)]
    match = _DURATION.fullmatch(value)
    if match is None:
        return DAY
    amounts = {unit: amount for unit, amount in match.groupdict().items() if amount is not None}
    smallest = min((UNITS[unit] for unit in amounts), default=DAY)
    for larger, smaller in _FRACTION_OF:
        # "four and a half hours" (PT4H30M), "2½ days" (P2DT12H): a quarter of the larger unit,
        # not one of the smaller (no one writes a rounded half to the minute)
        if larger in amounts and smaller in amounts and smallest == UNITS[smaller]:
            quarter = UNITS[larger] // 4
            if (float(amounts[smaller]) * UNITS[smaller]) % quarter == 0:
                return quarter
    return smallest


# a larger unit and the next smaller one in which a half or a quarter of it is written
_FRACTION_OF = (("H", "MIN"), ("D", "H"), ("Y", "M"))


_DAY_SECONDS = 86_400
_WEEK_SLACK = 4 * DAY  # the days a length of two or more weeks may be off
_HOUR_SLACK = 25 * MINUTE  # what a length in whole hours may be off
_UPPER_SIGNALS = frozenset({"by", "before"})  # the signals of a time an end lies at or before


# "a sentence of four years": a noun whose "of" length is of something else than the event (the
# term it imposes)
_NOT_LASTING_OF = _WORDS.set("not_lasting_of_classes")
_CLOSE_TO = lazy_compile(rf"^(?:{_WORDS.pattern('close_to_stated')})\b", re.IGNORECASE)


def stated_bounds(text: str, timex: Timex, length: int, unit: int) -> tuple[int, int | None]:
    """The least and most a stated length allows: one unit of slack; "about" halves and
    doubles it; "more than" has no most, "less than" no least."""
    mod = timex.mod or ""
    close_below = _CLOSE_BELOW.search(text, max(0, timex.start - 16), timex.end) is not None
    if mod in ("LESS_THAN", "EQUAL_OR_LESS") and close_below:
        # "nearly seven and a half hours" for a sitting of 6 hours 20 minutes: a little under
        # the length, by an hour at most (a stretch of days: one unit)
        return max(0, length - max(unit, HOUR)), length + unit // 4
    if mod == "APPROX" or _ABOUT.search(text[max(0, timex.start - 12):timex.start + 8]):
        if length < _DAY_SECONDS:
            # "roughly seven and a half hours" for a cut from 21:50 to 03:20: hours told of a
            # day's clock times are rounded by a quarter of the length (a unit, for a short one)
            spare = max(unit, length // 4)
            return max(0, length - spare), length + spare
        return length // 2, 2 * length + unit
    if mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        # "just over three hours" is three hours at least (but "more than three days" may count
        # the days of a stretch inclusively: one spare), and no more than a unit beyond
        least = length if unit < _DAY_SECONDS else max(0, length - unit)
        return least, (length + unit if _CLOSE_TO.search(timex.text) else None)
    if mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        # "just under three hours" is no more than three: a quarter of the unit for a rounded
        # clock (a stretch of days may be counted inclusively: one spare day)
        return 0, length + (unit if unit >= _DAY_SECONDS else unit // 4)
    if unit == WEEK and length >= 2 * WEEK:
        # "a two-week closure" from 1 to 10 February, "the three-week dispute" from 6 to 20 May:
        # weeks are counted in days, a few to spare (a working fortnight, Monday to Friday of the
        # next week, is 11 days), not a whole week either way
        return length - _WEEK_SLACK, length + _WEEK_SLACK
    if unit == HOUR:
        # "a four-hour meeting" from 10am to 3pm, "a two-hour session" from 13.30 to 16.00: a
        # count of hours is rounded to the half hour at most, not by a whole hour either way
        return max(0, length - _HOUR_SLACK), length + _HOUR_SLACK
    return max(0, length - unit), length + unit


# "clocks in the UK went back one hour": how far the clocks moved, no event's length
_CLOCK_SHIFT_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('clock_shifts')})\s+(?:by\s+)?\Z", re.IGNORECASE)


def duration(b: Builder, here: SentenceContext, timex: Timex) -> str | None:
    """The length claim of a DURATION expression on the event it measures; the event's id, if
    one was given a length."""
    text = b.text
    triggers, cuts = here.triggers, here.cuts
    length = seconds_of(timex.value)
    if length is None or length <= 0:
        return None
    unit = unit_of(timex.value)
    if _DISTRIBUTIVE.match(text, timex.end):
        return None  # "presenters coming back for one hour each": each one's length, not the event's
    if _DIFFERENCE.match(text, timex.end):
        return None  # "took more than an hour longer than planned": a difference, not the length
    if _CLOCK_SHIFT_BEFORE.search(text, max(0, timex.start - 30), timex.start):
        return None  # "clocks went back one hour, from 02:00 BST to 01:00 GMT": a shift of the clocks
    if _SINCE_EVENT.match(text, timex.end) is not None:
        _time_since(b, here, timex, timex.end, length, unit)
        return None
    target: Trigger | None = None
    compound = False  # "a ten-day visit": the length is the noun's own, whatever verb it stands by
    if _COMPOUND_LENGTH.search(timex.text):
        # (whatever word stands before it: "ending a fortnight-long closure")
        after = [t for t in triggers if t.start >= timex.end]
        if after and after[0].pos == "noun" and _LENGTH_NOUN.fullmatch(text[timex.end:after[0].start]):
            target, compound = after[0], True  # "a ten-day visit"
    if target is None and timex.signal == "of":
        # "a session of nearly four hours", "a crossing of twelve days": the noun's own length
        of_at = timex.signal_start if timex.signal_start is not None else timex.start
        before_of = [t for t in triggers if t.end <= of_at]
        noun = before_of[-1] if before_of else None
        if noun is not None and noun.pos == "noun" and noun.event_class not in _NOT_LASTING_OF and (
            noun.end < of_at and not text[noun.end:of_at].strip()
        ) and not text[noun.start:noun.end].lower().endswith("s"):
            # (not a plural: "the talks of two days" may be several sittings)
            target, compound = noun, True
    if target is None:
        before = text[max(0, timex.start - 30):timex.start]
        lasted = _LASTED.search(before)
        if lasted is None and _RANGE_OPENED_AFTER.match(text, timex.end):
            lasted = _LASTED_IN_TOTAL.search(before)
        measured = _MEASURED_VERB.search(before) if timex.signal is None else None
        if measured is not None:
            verb_start = timex.start - (len(before) - measured.start())
            target = next((t for t in triggers if t.start == verb_start and t.pos == "verb"), None)
        elif lasted is not None:
            left = [t for t in triggers if t.end <= timex.start - (len(before) - lasted.start())]
            clause_start, _ = clause_of(cuts, timex.start)
            left = [t for t in left if t.start >= clause_start]
            verb_start = timex.start - (len(before) - lasted.start())
            verb = next((t for t in triggers if t.start == verb_start and t.pos == "verb"), None)
            if verb is not None and _COMMA_BEFORE.search(text, max(0, verb_start - 40), verb_start):
                # "The race, which set off on 7 June and finished on 18 June, lasted nine days":
                # the subject before the relative clause
                target = subject_noun(text, verb, triggers, cuts)
            if target is None and left:
                # (not past a comma: "After a trial lasting nearly three weeks, the jury took just
                # under five hours": the jury's time, not the trial's)
                target = None if "," in text[left[-1].end:verb_start] else left[-1]
            elif target is None:
                target = relative_antecedent(text, verb_start, triggers)
        elif timex.signal in _VERB_LENGTH_SIGNALS:
            clause_start, _ = clause_of(cuts, timex.start)
            left = [t for t in triggers if clause_start <= t.start and t.end <= (timex.signal_start or 0)]
            if left and left[-1].pos == "verb" and left[-1].tense == PAST and not left[-1].punctual and (
                not other_predicate(text, left[-1].end, timex.signal_start or timex.start)
            ):
                target = left[-1]
    if target is None or not is_asserted(text, target):
        return None
    # ("drivers ended a 36-hour strike", "the 36-hour strike ended on Friday": the strike's length)
    resolved = Target(target, Part.WHOLE, target) if compound else resolve(text, target, triggers, cuts)
    if resolved.part is not Part.WHOLE:
        return None
    event_id = b.event(resolved.trigger, here)
    lower, upper = stated_bounds(text, timex, length, unit)
    if resolved.trigger.tense in (PERFECT, PROGRESSIVE, PRESENT):
        upper = None  # "has served for three years": so far
    span = b.span(timex.start, timex.end, resolved.trigger.start, resolved.trigger.end)
    grade, via = b.graded(span, (event_id,))
    # (weak only through the links above its mention: its part of the chain, so that claims of
    # that part clash for sure — "The four-hour session, which began at 6.30pm and was closed
    # at 9.45pm", whichever meeting the session is)
    parts = b.components(span, (event_id,)) if grade is Grade.WEAK else ()
    if length < _CLOCK_CHANGE_REACH and _tells_clock_change(text):
        grade, via, parts = Grade.WEAK, "the text tells of a clock change, which the clock times may hide", ()
    stated = " ".join(timex.text.split())

    def length_claim(most: int | None, sure: Grade, why: str,
                     chain: tuple[tuple[str, str], ...]) -> TextDurationClaim:
        return TextDurationClaim(event_id, Gap(lower, most, stated), span, words=text[span.start:span.end],
                                 conflict_kind=ConflictKind.DURATION, grade=sure, via=why, components=chain)

    interrupted = next(((at, words) for at, words in _interruptions(text) if b.same_story(at, timex.start)),
                       None)
    if interrupted is not None and upper is not None:
        # "a two-day public hearing … adjourned on the morning it began … resumed a fortnight
        # later": the length may count only the days it sat, which its span may pass; a span
        # shorter than that length is still wrong (the upper bound a doubt)
        b.claims.append(length_claim(None, grade, via, parts))
        grade, parts = Grade.WEAK, ()  # (a doubt of its own, not only the links')
        told = f"the text tells of '{interrupted[1]}': the length may count only the time it ran"
        via = "; ".join(part for part in (via, told) if part)
    b.claims.append(length_claim(upper, grade, via, parts))
    return event_id


@functools.lru_cache(maxsize=8)
def _tells_clock_change(text: str) -> bool:
    """Does the text tell of a clock change (read once per text, not once per length)?"""
    return _CLOCK_CHANGE.search(text) is not None


@functools.lru_cache(maxsize=8)
def _interruptions(text: str) -> tuple[tuple[int, str], ...]:
    """Where the text tells of an interruption ("adjourned", "resumed"), and the words."""
    return tuple((m.start(), m.group()) for m in _INTERRUPTED.finditer(text)
                 if not _UNREAL_LEAD.search(text, max(0, m.start() - 24), m.start()))


_COMPLETED_NOUNS = vocabulary("coreference").set("deal_nouns")
# between an event noun and its own verb in a clause of "since": nothing, or an adverb
_CLAUSE_VERB = lazy_compile(rf"\s+(?:(?:{_WORDS.pattern('since_clause_adverbs')})\s+)?")
# "in the nine days since the launch": the time from an event to the document date
_SINCE_EVENT = lazy_compile(rf"\s+since\s+(?:(?:{_WORDS.pattern('since_determiners')})\s+)?(?:[\w'’-]+\s+)?")


def _time_since(b: Builder, here: SentenceContext, timex: Timex, after: int, length: int, unit: int) -> None:
    """"In the nine days since the launch, controllers have …": told in the present or the
    perfect, the event started that long before the document date (give or take a unit)."""
    noun = next((t for t in here.triggers if t.start >= after), None)
    if noun is None or noun.pos != "noun" or not _SINCE_EVENT.fullmatch(b.text, timex.end, noun.start):
        return
    verbs = [t for t in here.triggers if t.pos == "verb" and t.start > noun.end]
    # ("since the merger": since it was completed)
    part = Part.END if noun.text.lower() in _COMPLETED_NOUNS else Part.START
    if verbs and verbs[0].event_class in ("begin", "end") and _CLAUSE_VERB.fullmatch(
            b.text, noun.end, verbs[0].start):
        # "In the five weeks since the walkout began, three shops have closed": the clause's own
        # verb says which end of the event the weeks count from
        part = Part.START if verbs[0].event_class == "begin" else Part.END
        verbs = verbs[1:]
    if not verbs or verbs[0].tense not in (PERFECT, PRESENT, PROGRESSIVE):
        return
    about = _ABOUT.search(b.text[max(0, timex.start - 12):timex.start + 8])
    if b.dct is None or b.dct.start is None or about:
        return
    event_id = b.event(resolve(b.text, noun, here.triggers, here.cuts).trigger, here)
    first = b.dct.start - length - unit
    last = b.dct.start - length + unit + DAY
    span = b.span(timex.start, noun.end)
    note = f"{' '.join(timex.text.split())} before the document date"
    b.period_claim(event_id, part, Qualifier.IN, Period(first, last, ""), span,
                   rule=ConflictKind.DURATION, mentions=(noun,), note=note)


_RANGE_AFTER = lazy_compile(
    rf"(?:-?\s*(?:{_WORDS.pattern('period_nouns')})\b)?"
    rf"\s*(?:\(|,|:|—|–|-)\s*(?:(?:{_WORDS.pattern('range_openers')})\s+)?"
)


_RANGE_AFTER_OF = lazy_compile(
    rf"[ \t]+of[ \t]+[^.;:()\n\d]{{1,60}}?,[ \t]*(?:{_WORDS.pattern('range_openers')})[ \t]+"
)

# a list going on after a range: ", 22–23 February", " and 22–23 February"
_MORE_AFTER = lazy_compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)")


def stated_period(b: Builder, here: SentenceContext, timex: Timex) -> None:
    """"Customer impact: 47 minutes (09:12–10:21 UTC)", "three days, from 4 to 6 May": a length
    followed by the range it measures say one period twice; both must hold, whatever event the
    period is of."""
    length = seconds_of(timex.value)
    if length is None or length <= 0 or timex.mod:
        return
    if _CLOCK_SHIFT_BEFORE.search(b.text, max(0, timex.start - 30), timex.start):
        return  # "went back one hour, from 02:00 BST to 01:00 GMT": the clocks' shift, no period
    if _DIFFERENCE.match(b.text, timex.end):
        # "an hour less, from …", "would see 23:40 to 01:25 and think it lasted an hour less": a
        # difference, no period (duration() has turned such a length down before its range beside)
        return
    after = _after_its_day(b, here, timex)
    # ("four days of music, dance and workshops, from Friday 8 to Sunday 10 August": what the
    # length is of, then the range)
    opener = _RANGE_AFTER.match(b.text, after) or _RANGE_AFTER_OF.match(b.text, after)
    if opener is None:
        if not _bracketed_after_range(b, here, timex, length):
            _one_range_beside(b, here, timex, length)
        return
    following = [t for t in here.timexes if t.start >= opener.end()]
    if not following or following[0].start != opener.end() or following[0].range_role != "begin":
        return
    first = following[0]
    last = next((t for t in following[1:] if t.range_id == first.range_id and t.range_role == "end"), None)
    if last is None:
        return
    more = _MORE_AFTER.match(b.text, last.end)
    if more is not None and any(t.start == more.end() for t in following):
        return  # "two weekends, 8–9 February and 22–23 February": the length of them all, not of one
    ends = _periods_of(b, first, last)
    if ends is None:
        return
    _period_of_length(b, here, timex, length, *ends, last.end)


# "09:12–11:58 UTC (1 hour 46 minutes)": a range, then its length in brackets
_BRACKET_OPENS = lazy_compile(r"[ \t]*\([ \t]*\Z")
_BRACKET_CLOSES = lazy_compile(r"[ \t]*\)")


def _bracketed_after_range(b: Builder, here: SentenceContext, timex: Timex, length: int) -> bool:
    """"**Impact window:** 09:12–11:58 UTC (1 hour 46 minutes)", "shut from 3 to 12 May (nine
    days)": the length in brackets right after a range is the range's own (whether it is)."""
    before = [t for t in here.timexes if t.end <= timex.start]
    if not before or not _BRACKET_CLOSES.match(b.text, timex.end):
        return False
    last = before[-1]
    if last.range_role != "end" or not _BRACKET_OPENS.search(b.text, last.end, timex.start):
        return False
    first = next((t for t in reversed(before[:-1])
                  if t.range_id == last.range_id and t.range_role == "begin"), None)
    if first is None:
        return False
    ends = _periods_of(b, first, last)
    if ends is None:
        return False
    _period_of_length(b, here, timex, length, *ends, timex.end, start=first.start)
    return True


def _clock_ranges(timexes: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """The ranges of clock times among ``timexes`` ("from 10am to 3pm", "13.30–16.00")."""
    out = []
    for first in timexes:
        if first.type == "TIME" and first.range_role == "begin":
            last = next((t for t in timexes if t.range_id == first.range_id and t.range_role == "end"), None)
            if last is not None and last.type == "TIME":
                out.append((first, last))
    return out


def _after_its_day(b: Builder, here: SentenceContext, timex: Timex) -> int:
    """Where the words after a length go on past the day it was on ("for 47 minutes on Tuesday 4
    June, from 14:05 to 15:02": the range follows the day), or the length's end."""
    day = next((t for t in here.timexes if t.start > timex.end), None)
    if (day is None or day.type != "DATE" or day.signal != "on" or day.signal_start is None
            or day.range_id is not None or b.text[timex.end:day.signal_start].strip()):
        return timex.end
    return day.end


def range_beside(b: Builder, here: SentenceContext, timex: Timex) -> None:
    """A length of an event the sentence names ("a four-hour meeting on Tuesday, from 10am to
    3pm") and the one range of clock times beside it: see :func:`_one_range_beside`."""
    length = seconds_of(timex.value)
    if length is not None and length > 0 and not timex.mod:
        _one_range_beside(b, here, timex, length)


def _one_range_beside(b: Builder, here: SentenceContext, timex: Timex, length: int) -> None:
    """"a four-hour meeting on Tuesday, from 10am to 3pm", "- **13.30–16.00** — Poetry
    masterclass. This two-hour session …": a length of hours or minutes and the one range of
    clock times of its sentence (or of the sentence before it in its paragraph, when that opens
    with the range, as an entry of a programme does) say one period twice."""
    if length >= _DAY_SECONDS or unit_of(timex.value) >= _DAY_SECONDS:
        return
    lasted = _LASTED.search(b.text, max(0, timex.start - 30), timex.start)
    if not _COMPOUND_LENGTH.search(timex.text) and not lasted:
        return  # only the length of the whole thing ("a two-hour session", "lasted 90 minutes"), not
        # "an hour longer than before", "waited an average of 38 minutes", "two hours' parking"
    if any(t is not timex and t.type == "DURATION" for t in here.timexes):
        return  # several lengths: which one the range has is not said
    pairs = _clock_ranges(here.timexes)
    if not pairs and not any(t.type in ("DATE", "TIME") for t in here.timexes):
        before = b.sentence_before(here.sentence)
        if before is not None and before.paragraph == here.sentence.paragraph:
            told = b.timexes[bisect.bisect_left(b.timex_starts, before.start):
                             bisect.bisect_left(b.timex_starts, before.end)]
            pairs = [(first, last) for first, last in _clock_ranges(told)
                     if not b.text[before.start:first.start].strip(" \t*_-#|") and not any(
                         t.type == "DURATION" for t in told)]
    if len(pairs) != 1:
        return
    first, last = pairs[0]
    ends = _ordered_ends(b, first, last)
    if ends is None:
        return
    _period_of_length(b, here, timex, length, *ends, max(timex.end, last.end),
                      start=min(timex.start, first.start))


_WEEKDAY_RANGE = lazy_compile(
    rf"\b(?:{alternation(WEEKDAYS)})\s*(?:{_WORDS.pattern('weekday_range_joiners')})\s*(?:{alternation(WEEKDAYS)})\b",
    re.IGNORECASE)
_LIMIT_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('length_limits')})[ \t]+\Z", re.IGNORECASE)
_CLOSE_BELOW = lazy_compile(rf"\b(?:{_WORDS.pattern('close_below_words')})\b", re.IGNORECASE)
_JOURNEY_LEAD = lazy_compile(
    rf"(?:,?[ \t]+(?:{_WORDS.pattern('journey_length_lead')})"
    rf"|,[ \t]+(?:(?:{_WORDS.pattern('journey_length_lead')})[ \t]+)?"
    rf"(?:{_WORDS.pattern('journey_apposed_articles')})[ \t]+(?:[\w-]+[ \t]+)?"
    rf"(?:{_WORDS.pattern('journey_apposed_nouns')})[ \t]+of)[ \t]+\Z",
    re.IGNORECASE)
_JOURNEY_LEAD_REACH = 40  # characters before the length
# a length stated as it is, or as a little more than it ("just over five hours"), not as a bound
_JOURNEY_MODS = frozenset({None, "MORE_THAN", "LESS_THAN", "APPROX"})
_JOURNEY_TAIL = lazy_compile(
    rf"[ \t]*(?:[,.;:)!?]|\Z|[ \t](?:{_WORDS.pattern('journey_length_after')})\b)", re.IGNORECASE)
_JOURNEY_START = lazy_compile(rf"\b(?:{_WORDS.pattern('journey_starts')})\b", re.IGNORECASE)
_JOURNEY_END = lazy_compile(rf"\b(?:{_WORDS.pattern('journey_ends')})\b", re.IGNORECASE)
# a part of the day ("that evening") or a season ("late in the Antarctic summer"): a time that
# places the day told beside it, no end of a journey of its own
_BESIDE_A_DAY_VALUE = lazy_compile(r"(?:T(?:MO|AF|EV|NI|DT|MI)|-(?:SP|SU|FA|AU|WI))\Z")
_JOURNEY_REACH = 80  # characters before the first time where the journey's start may be told


def journey_length(b: Builder, here: SentenceContext, timex: Timex) -> None:
    """"entered the water at 06:10 on Saturday and reached the slipway at 19:55 the same evening,
    after 11 hours and 45 minutes in the water", "left Falmouth on 3 May and reached Antigua on
    14 June, after 38 days at sea": a journey's start and end, each told with its time, then its
    length: one period told twice."""
    length = seconds_of(timex.value)
    if length is None or length <= 0 or timex.mod not in _JOURNEY_MODS or (
        not _JOURNEY_TAIL.match(b.text, timex.end)
    ):
        return
    if _FRONTED_JOURNEY.fullmatch(b.text, here.sentence.start, timex.start):
        _fronted_journey(b, here, timex, length)
        return
    lead_from = max(here.sentence.start, timex.start - _JOURNEY_LEAD_REACH)
    if not _JOURNEY_LEAD.search(b.text, lead_from, timex.start):
        return
    # (not a part of the day that restates the end's day: "at 19:55 the same evening")
    told = [t for t in here.timexes if t.end <= timex.start and t.type in ("DATE", "TIME")
            and not _BESIDE_A_DAY_VALUE.search(t.value)]
    # (where the start's words and the end's are looked for: the sentence, from its start and
    # from the start's time)
    start_from, end_from = here.sentence.start, told[-2].end if len(told) > 1 else 0
    if len(told) == 1 and (first := _start_told_after(b, here, timex, told[0])) is not None:
        # "arrived at New York on Tuesday, June 19, after a passage of ten days from Liverpool,
        # whence she sailed on Thursday, June 7": the end, the length, then the start
        ends = _ordered_ends(b, first, told[0])
        if ends is not None:
            _period_of_length(b, here, timex, length, *ends, first.end, start=told[0].start)
        return
    if len(told) == 1:
        # "The meeting opened at 6.30pm on Tuesday … It did not finish until 1.10am on Wednesday,
        # a sitting of four hours and forty minutes": the start in the sentence before
        before = b.sentence_before(here.sentence)
        if before is None or before.paragraph != here.sentence.paragraph:
            return
        start_from, end_from = before.start, here.sentence.start
        started = [t for t in b.timexes if before.start <= t.start < before.end and t.type == told[0].type
                   and _JOURNEY_START.search(b.text, max(start_from, t.start - _JOURNEY_REACH), t.start)]
        told = [*started[:1], told[0]]
    # (the start's own time of that type: "at 5.52am on Saturday 6 July" is a time, then its day)
    if len(told) < 2:
        return
    same_type = [t for t in told[:-1] if t.type == told[-1].type]
    if not same_type or (same_type[-1] is not told[-2] and not _DAY_OF.fullmatch(
        b.text, same_type[-1].end, told[-2].start
    )):
        return
    first, last = same_type[-1], told[-1]
    if not _JOURNEY_START.search(b.text, max(start_from, first.start - _JOURNEY_REACH), first.start):
        return
    if not _JOURNEY_END.search(b.text, end_from, last.start):
        return
    ends = _ordered_ends(b, first, last)
    if ends is None:
        return
    _period_of_length(b, here, timex, length, *ends, timex.end, start=first.start)


def _start_told_after(b: Builder, here: SentenceContext, length: Timex, end: Timex) -> Timex | None:
    """The start of a journey told after its length, when its end is told before it ("arrived
    on June 19, after a passage of ten days from Liverpool, whence she sailed on June 7"): the
    first time of the end's type after the length, with a word of starting right before it."""
    if not _JOURNEY_END.search(b.text, max(here.sentence.start, end.start - _JOURNEY_REACH), end.start):
        return None
    later = [t for t in here.timexes if t.start >= length.end and t.type == end.type
             and not _BESIDE_A_DAY_VALUE.search(t.value)]
    if not later or not _JOURNEY_START.search(b.text, max(length.end, later[0].start - _JOURNEY_REACH),
                                              later[0].start):
        return None
    return later[0]


# between a time and the day it is on, written after it ("5.52am on Saturday 6 July")
_DAY_OF = lazy_compile(r"[ \t]*(?:,[ \t]*)?(?:[A-Za-z]+[ \t]+)?")
# "After eleven days at sea we reached Quebec on the 26th": the length opens the sentence
_FRONTED_JOURNEY = lazy_compile(
    rf"[\s*_>\"“]*(?:{_WORDS.pattern('journey_length_lead')})[ \t]+", re.IGNORECASE)
_FRONTED_JOURNEY_REACH = 1500  # characters back to the departure such a sentence counts from


def _fronted_journey(b: Builder, here: SentenceContext, timex: Timex, length: int) -> None:
    """"We sailed from Liverpool on Thursday the 13th of April … ¶ After eleven days at sea we
    reached Quebec on the 26th": a length that opens its sentence, the arrival and its day after
    it, counted from the last departure told before, with its day right after its words."""
    after = [t for t in here.timexes if t.start >= timex.end and t.type in ("DATE", "TIME")
             and not _BESIDE_A_DAY_VALUE.search(t.value)]
    arrival_at = here.sentence.start
    if not after:
        # "Docked at Quebec at half past ten in the morning. After eleven days at sea the ground
        # felt as if it were moving": the arrival told in the sentence right before
        arrived = _arrival_before(b, here)
        if arrived is None:
            return
        last, arrival_at = arrived
    elif _JOURNEY_END.search(b.text, timex.end, after[0].start):
        last = after[0]
    else:
        return
    lo = max(0, arrival_at - _FRONTED_JOURNEY_REACH)
    departures = list(_JOURNEY_START.finditer(b.text, lo, arrival_at))
    if not departures:
        return
    left = departures[-1]
    reach = min(left.end() + _JOURNEY_REACH, arrival_at)
    first = next((t for t in b.timexes if left.end() <= t.start < reach
                  and t.type == last.type and not _BESIDE_A_DAY_VALUE.search(t.value)), None)
    if first is None:
        return
    ends = _ordered_ends(b, first, last)
    if ends is None:
        return
    if last.end <= timex.start:  # the arrival told before the length
        _period_of_length(b, here, timex, length, *ends, timex.end, start=last.start)
    else:
        _period_of_length(b, here, timex, length, *ends, last.end, start=timex.start)


def _arrival_before(b: Builder, here: SentenceContext) -> tuple[Timex, int] | None:
    """The time of an arrival told in the sentence right before ``here`` (of its paragraph),
    with a word of arriving right before it, and where it starts (the departure is told before)."""
    before = b.sentence_before(here.sentence)
    if before is None or before.paragraph != here.sentence.paragraph:
        return None
    arrivals = [t for t in b.timexes if before.start <= t.start < before.end and t.type in ("DATE", "TIME")
                and not _BESIDE_A_DAY_VALUE.search(t.value)
                and _JOURNEY_END.search(b.text, max(before.start, t.start - _JOURNEY_REACH), t.start)]
    # (the clock time of the arrival, if told, over its day: "landed at 5.25am on Tuesday 23 October")
    timed = [t for t in arrivals if t.type == "TIME"] or arrivals
    return (timed[-1], timed[-1].start) if timed else None


# after a length: an optional noun ("a 16-day closure"), then a comma and the day it starts
_STARTING_AFTER = lazy_compile(r"(?:[ \t-]+[\w-]+)?[ \t]*,[ \t]*")
_END_JOINED = lazy_compile(rf"[ \t]*,?[ \t]*(?:(?:{_WORDS.pattern('period_end_joiners')})[ \t]+)?")
_FROM, _UNTIL = "from", "until"
_OPENING = lazy_compile(rf"(?:{_WORDS.pattern('opening_participles')})\s+")
_CLOSING = lazy_compile(
    rf"\s*,?\s*(?:(?:{_WORDS.pattern('period_end_joiners')})\s+)?(?:{_WORDS.pattern('closing_participles')})"
    r"(?:\s+[\w'’-]+){0,8}?\s+"
)


def started_and_ended(b: Builder, here: SentenceContext, timex: Timex) -> None:
    """"The closure will last 16 days, starting on Monday 19 May and ending on Friday 30 May",
    "ran for five and a half hours, opening at 6pm and closing at 10.30pm",
    "… starting on 19 May, with the road due to reopen on 30 May": a length of days or more,
    the day the period starts and the day it ends say one period twice, planned or told (the
    end told by an act only when it is the one that ends the state measured: a reopening ends a
    closure)."""
    length = seconds_of(timex.value)
    if length is None or length <= 0 or timex.mod:
        return
    opener = _STARTING_AFTER.match(b.text, timex.end)
    if opener is None:
        return
    # ("the meeting ran for five and a half hours, opening at 6pm and closing at 10.30pm": a
    # length of hours, its ends told by times of day)
    kind = "DATE" if unit_of(timex.value) >= _DAY_SECONDS else "TIME"
    later = [t for t in here.timexes if t.start >= opener.end() and t.type == kind]
    if len(later) < 2:
        return
    first, last = later[0], later[1]
    # "lasts nine days, opening on Saturday 17 August and closing with the ceilidh on Monday 26
    # August": participles that say which end each date is
    opening = _OPENING.fullmatch(b.text, opener.end(), first.signal_start or first.start)
    if not (first.signal == _FROM and first.signal_start == opener.end()) and opening is None:
        return
    if last.range_id is not None and last.range_id == first.range_id:
        return  # "from 4 to 6 May": a range, read by stated_period
    last_edge = last.signal_start if last.signal_start is not None else last.start
    if last.signal == _UNTIL and _END_JOINED.fullmatch(b.text, first.end, last_edge):
        pass  # "starting on 19 May and ending on 30 May"
    elif opening is not None and _CLOSING.fullmatch(b.text, first.end, last_edge):
        pass  # "opening on 17 August and closing with the ceilidh on 26 August"
    elif opening is not None or not _ended_by_act(b.text, here, timex, first.end, last_edge):
        return
    ends = _ordered_ends(b, first, last)
    if ends is None:
        return
    _period_of_length(b, here, timex, length, *ends, last.end)


_TOTAL = lazy_compile(rf"\b(?:{_WORDS.pattern('total_words')})\b", re.IGNORECASE)


def _words_before_time(key: str) -> re.Pattern[str]:
    """The words of ``key`` right before a time, a signal of it between ("began at ")."""
    signals = _WORDS.pattern("period_time_signals")
    return lazy_compile(rf"\b(?:{_WORDS.pattern(key)})\s+(?:(?:{signals})\s+)?\Z", re.IGNORECASE)


_STARTED_AT = _words_before_time("period_start_words")
_ENDED_AT = _words_before_time("period_end_words")


def summed_up(b: Builder, here: SentenceContext, timex: Timex) -> None:
    """"The outage began at 09:12 UTC and was fully resolved at 13:40 UTC. In total, customers
    could not pay for three hours and 28 minutes": a length told as a total, in a paragraph that
    has given one period before it (a range, or one start and one end told as such), is that
    period's length, whatever event word each clause uses."""
    length = seconds_of(timex.value)
    if length is None or length <= 0 or timex.mod or not _TOTAL.search(
        b.text, here.sentence.start, here.sentence.end
    ):
        return
    paragraph = [s for s in b.sentences if s.paragraph == here.sentence.paragraph and s.start < timex.start]
    lo = paragraph[0].start if paragraph else here.sentence.start
    told = [t for t in b.timexes if lo <= t.start and t.end <= timex.start and t.type in ("DATE", "TIME")]
    ranges = {t.range_id for t in told if t.range_id is not None}
    begins = [t for t in told if t.range_role == "begin"]
    ends = [t for t in told if t.range_role == "end"]
    if not ranges:
        begins = [t for t in told if _STARTED_AT.search(b.text, max(lo, _lead(t) - 30), _lead(t))]
        ends = [t for t in told if _ENDED_AT.search(b.text, max(lo, _lead(t) - 30), _lead(t))]
    if len(ranges) > 1 or len(begins) != 1 or len(ends) != 1 or ends[0].start < begins[0].start:
        return  # no period, or several: which one the total is of is not said
    first = period_of(begins[0], b.dct, b.options.hemisphere)
    last = period_of(ends[0], b.dct, b.options.hemisphere)
    if first is None or last is None or first.start is None or last.start is None or last.start < first.start:
        return
    if ends[0].signal in _UPPER_SIGNALS:
        last = Period(first.start, last.end, "")  # "was resolved by 12:50": at 12:50 or before
    _period_of_length(b, here, timex, length, first, last, timex.end)


def _lead(timex: Timex) -> int:
    return timex.signal_start if timex.signal_start is not None else timex.start


def _ended_by_act(text: str, here: SentenceContext, timex: Timex, lo: int, hi: int) -> bool:
    """Is the date at ``hi`` that of an act, between ``lo`` and ``hi``, which ends the state
    the length ``timex`` measures (its noun the last one before it in the clause)?"""
    clause_start, _ = clause_of(here.cuts, timex.start)
    nouns = [t for t in here.triggers if clause_start <= t.start and t.end <= timex.start and t.pos == "noun"]
    if not nouns:
        return False
    ends = ending_acts(nouns[-1].lemma) | ending_acts(nouns[-1].text.lower())
    act = next((t for t in reversed(here.triggers) if lo <= t.start and t.end <= hi), None)
    return act is not None and act.lemma in ends and not text[act.end:hi].strip()


def _periods_of(b: Builder, first: Timex, last: Timex) -> tuple[Period, Period] | None:
    """The periods of a period's two ends, when both are known."""
    first_period = period_of(first, b.dct, b.options.hemisphere)
    last_period = period_of(last, b.dct, b.options.hemisphere)
    return None if first_period is None or last_period is None else (first_period, last_period)


def _ordered_ends(b: Builder, first: Timex, last: Timex) -> tuple[Period, Period] | None:
    """The periods of a period's two ends, the last not starting before the first."""
    ends = _periods_of(b, first, last)
    if ends is None or ends[0].start is None or ends[1].start is None or ends[1].start < ends[0].start:
        return None
    return ends


def _whole_day(period: Period) -> bool:
    return period.start is not None and period.end is not None and period.end - period.start == DAY


def _period_of_length(b: Builder, here: SentenceContext, timex: Timex, length: int, first: Period,
                      last: Period, end: int, start: int | None = None) -> None:
    """The period a length and its two ends say twice, as an event of its own: it lasts the
    length (the slack of :func:`stated_bounds`), starts in ``first`` and ends in ``last``."""
    if _WEEKDAY_RANGE.search(b.text, here.sentence.start, here.sentence.end) or _LIMIT_BEFORE.search(
        b.text, max(here.sentence.start, timex.start - 24), timex.start
    ):
        # "no return within two hours, between 8am and 6pm, Monday to Saturday", "permit bays,
        # operating 8am to 6.30pm, Monday to Saturday": a rule's limit and a weekly schedule, no
        # one stretch of time
        return
    words = " ".join(timex.text.split())
    period = Trigger(timex.start, timex.end, timex.text, "period", "state", "noun", NOMINAL, False)
    event_id = b.event(period, here)
    span = b.span(timex.start if start is None else start, end)
    unit = unit_of(timex.value)
    lower, upper = stated_bounds(b.text, timex, length, unit)
    if unit == DAY and lower == length - DAY and _whole_day(first) and _whole_day(last):
        # "four days of music …, from Friday 8 to Sunday 10 August": a count of days from one
        # day to another counts them all (three) or the days between (two); the range's three
        # days at most are not the four (the one day of slack is for a length of clock times)
        lower += 1
    b.claims.append(TextDurationClaim(event_id, Gap(lower, upper, words), span,
                                      words=b.text[span.start:span.end], conflict_kind=ConflictKind.DURATION))
    b.period_claim(event_id, Part.START, Qualifier.IN, first, span)
    b.period_claim(event_id, Part.END, Qualifier.IN, last, span)
