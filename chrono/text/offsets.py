"""Metric offsets: "two days later", "the next day", "three weeks earlier", "a week after the
signing" give start-to-start distances between two events with one unit of slack."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date, timedelta

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Grade, Part, Qualifier, Side, Span
from chrono.periods import DAY, WEEK, Period
from chrono.problems import ConflictKind
from chrono.regex_cache import compile_kept
from chrono.tagger import Timex
from chrono.text.attachment import clause_head, in_apposed_participle, is_asserted, resolve
from chrono.text.builder import Builder, Uncounted
from chrono.text.calendar_names import WEEKDAY_NAMES
from chrono.text.clauses import FUNCTION_WORDS, PARTICIPLE_BEFORE, clause_of, other_predicate, words_between
from chrono.text.context import SentenceContext
from chrono.text.coreference import FIRST_WORDS
from chrono.text.counts import NUMBERS, count_of
from chrono.text.dating import counted_day_claim, period_of, told_going_on
from chrono.text.durations import YEAR, seconds_of
from chrono.text.events import Trigger, lexicon
from chrono.text.signals import reading_of
from chrono.text.tense import PLUPERFECT, TOLD_AS_PAST
from chrono.text.vocabulary import (
    Hint,
    VocabularyError,
    alternation,
    each_then_space,
    longest_first,
    vocabulary,
)

_WORDS = vocabulary("offsets")


def _unit_seconds(units: dict[str, object]) -> dict[str, int]:
    seconds = {str(word): seconds_of(str(value)) for word, value in units.items()}
    wrong = [word for word, value in seconds.items() if value is None]
    if wrong:
        raise VocabularyError(f"lang/en/prose/offsets.yaml: units {wrong} are not TIMEX3 durations (P1D)")
    return {word: value for word, value in seconds.items() if value is not None}


_UNITS = _unit_seconds(_WORDS.table("units"))
# "a few days later": at most so many units
_VAGUE_UPPER = {str(words): int(count) for words, count in _WORDS.table("vague_upper_counts").items()}
_FROM_COMPLETION = _WORDS.set("counted_from_completion_classes")
_DIRECTIONS = {str(word): str(direction) for word, direction in _WORDS.table("directions").items()}
_RELATIVES = {str(word): str(direction) for word, direction in _WORDS.table("relatives").items()}
_RELATIVE_UNITS = {str(word): str(unit) for word, unit in _WORDS.table("relative_units").items()}
_DAY_PHRASES = {str(words): str(direction) for words, direction in _WORDS.table("day_phrases").items()}
_DAY_OBJECT_PHRASES = {str(words): str(direction)
                       for words, direction in _WORDS.table("day_object_phrases").items()}
# "the Monday after the reopening": within the week after the event named next
_WEEKDAY_OBJECT_PHRASES = {
    f"{_WORDS.words('weekday_object_article')[0]} {day.lower()} {word}": str(direction)
    for day in WEEKDAY_NAMES.values() for word, direction in _WORDS.table("weekday_object_words").items()
}
_DAY_OBJECT_PHRASES |= _WEEKDAY_OBJECT_PHRASES
# "the following week": the calendar week after, not seven days on
_CALENDAR_WEEK = lazy_compile(
    rf"{_WORDS.pattern('relative_article')}\s+(?:{alternation(_RELATIVES)})\s+(?:{_WORDS.pattern('calendar_week_words')})\b",
    re.IGNORECASE)
_OFFSET = lazy_compile(
    rf"\b(?:(?P<num>\d{{1,3}}|{alternation(longest_first(NUMBERS))})"
    rf"\s+(?P<unit>{alternation(_UNITS)})s?(?P<to_the_day>\s+{_WORDS.pattern('to_the_day')})?"
    rf"\s+(?P<dir>{alternation(longest_first(_DIRECTIONS))})"
    rf"|{_WORDS.pattern('relative_article')}\s+(?P<rel>{alternation(_RELATIVES)})\s+"
    rf"(?P<unit2>{alternation(_RELATIVE_UNITS)})"
    rf"|(?P<daybefore>{alternation(_DAY_PHRASES)})(?!\s+(?:{_WORDS.pattern('not_before_day_phrase')})\b)"
    rf"|(?P<dayobject>{alternation(_DAY_OBJECT_PHRASES)})(?=\s+(?:{_WORDS.pattern('day_object_determiners')})\s)"
    rf")\b(?!\s+{_WORDS.pattern('comparison_words')}\b)",  # "two months later than promised": a comparison
    re.IGNORECASE,
)
# a word every offset has: sentences without one are not searched
_OFFSET_HINT = Hint.of({*_DIRECTIONS, *_RELATIVES})
# a figure (not a year) and at most two words of what it counts, right before the offset
_QUANTITY_BEFORE = lazy_compile(
    r"(?<![\w.,])(?!\d{4}\b)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|[a-zA-Z]+)?"
    r"(?:[ \t]+[a-z]+){0,2}[ \t]+\Z"
)
_OBJECT_AFTER = lazy_compile(r"[ \t]+[a-z]")
_GERUND_BEFORE_OBJECT = lazy_compile(r"[ \t]+([a-z]{3,}ing)\b")
# "collections will move one day later", "the deadline slipped a week later": a shift in time
_MOVED_BY = lazy_compile(rf"\b(?:{_WORDS.pattern('shifting_verbs')})\s+\Z", re.IGNORECASE)
# "paid 31 percent more in January than a year earlier": a comparison
_THAN_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('comparison_words')})\s+\Z", re.IGNORECASE)
_LEADING_QUALIFIER = lazy_compile(
    rf"(?:\A\W*(?:{_WORDS.pattern('leading_conjunctions')})\b[\s,]*)?"
    rf"(?:\b(?:{_WORDS.pattern('approximators')}|{_WORDS.pattern('exact_intensifiers')})\s*)?\Z",
    re.IGNORECASE,
)
_APPROX_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('approximators')})\s+\Z", re.IGNORECASE)
_NIGHT = "TNI"  # a TIMEX3 night, which runs into the next day
_EXACTLY_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('to_the_day_intensifiers')})\s+\Z", re.IGNORECASE)
_UPPER_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('upper_bounds')})\s+\Z", re.IGNORECASE)
_LOWER_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('lower_bounds')})\s+\Z", re.IGNORECASE)
_PASSIVE_FOLLOWED = lazy_compile(
    rf"\b(?:{_WORDS.pattern('passive_auxiliaries')})\s+(?:\w+ly\s+)?(?:{_WORDS.pattern('passive_sequence')})\s+\Z",
    re.IGNORECASE,
)
_FOR_BEFORE = lazy_compile(
    rf"\b{_WORDS.pattern('length_word')}\s+"
    rf"(?:{each_then_space(_WORDS.words('length_approximators'))})?\Z",
    re.IGNORECASE,
)
_WITHIN_OF = lazy_compile(
    rf"\b{_WORDS.pattern('within_word')}\s+(?:(?P<num>\d{{1,3}}|{alternation(longest_first(NUMBERS))})\s+)?"
    rf"(?P<unit>{alternation(_UNITS)})s?\s+{_WORDS.pattern('within_of')}\s+"
    rf"(?:(?:{_WORDS.pattern('within_determiners')})\s+)?",
    re.IGNORECASE,
)
_WITHIN_HINT = Hint.of(_WORDS.words("within_word"))
# "… of the groundbreaking, on 3 May": the noun, then a date set off after it
_THEN_DATE = lazy_compile(r"\s*,\s*")
# "three days after the Court of Session ruling": a name in front of the event noun
_NAMED_MODIFIER = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('named_modifier_article')}\s+)?"
    rf"(?:[A-Z][\w'’-]*\s+(?:{_WORDS.pattern('named_modifier_of')}\s+)?){{1,4}}"
)
# "the appeal court ruling": one lower-case word between the nouns of a compound
_COMPOUND_GAP = lazy_compile(r"\s+(?:[a-z][\w-]*\s+)?")
# "On 13 September — two days after the ruling": a date, then the offset in apposition
_APPOSED = lazy_compile(
    rf"\s*(?:—|–|--|,|\()\s*(?:(?:{_WORDS.pattern('exact_intensifiers')})\s+)?", re.IGNORECASE
)
_SET_OFF_AFTER = lazy_compile(r"\s*[,—–)]")
_DAY_ONLY = lazy_compile(r"\d{4}-\d{2}-\d{2}\Z")
# "Three days later, on Wednesday, 12 February, the accident board released": words from the
# phrase to the main clause's event
_MAIN_CLAUSE_WORDS = 12
_COUNTED_UNIT = lazy_compile(
    rf"\b(?:\d+|{_WORDS.pattern('counted_numbers')})\s+(?:{_WORDS.pattern('counted_units')})s?\s*\Z",
    re.IGNORECASE,
)


def offsets_in(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The offset phrases of ``text[start:end]`` (a sentence), in order."""
    if not _OFFSET_HINT.may_match(text, start, end):
        return []
    return list(_OFFSET.finditer(text, start, end))


def counted_distances(text: str, start: int, end: int) -> list[tuple[re.Match[str], int, int, str]]:
    """The counted offsets of ``text[start:end]`` ("one week after", "three days before"): each
    with its count, its unit in seconds and its direction ("after" or "before"); approximate
    ones ("about a week after") are left out."""
    out = []
    for match in offsets_in(text, start, end):
        if not match.group("num") or _APPROX_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            continue
        count = count_of(match.group("num"))
        direction = _DIRECTIONS[match.group("dir").lower()]
        if count and direction in ("after", "before"):
            out.append((match, count, _UNITS[match.group("unit").lower()], direction))
    return out


def counted_before(text: str, offset: int) -> bool:
    """Does a counted unit stand right before ``offset`` ("a week| after the signing"), not as
    the length after "for" ("worked there for a decade| before …")?"""
    counted = _COUNTED_UNIT.search(text, max(0, offset - 30), offset)
    return counted is not None and not _FOR_BEFORE.search(text, max(0, counted.start() - 20), counted.start())


def main_clause_event(text: str, triggers: Sequence[Trigger], phrase_object: Trigger,
                      clause_end: int) -> Trigger | None:
    """The event of the main clause after a fronted phrase ending in ``phrase_object`` ("After the
    vote, …", "Two days after the storm, on 5 May, …"): the first event after the phrase's
    comma, a verb rather than a noun of its subject when there is one within a few words."""
    return event_after(text, triggers, phrase_object.end, clause_end)


def event_after(text: str, triggers: Sequence[Trigger], phrase_end: int, clause_end: int,
                limit: int | None = None) -> Trigger | None:
    """The event of the main clause after a fronted phrase ending at ``phrase_end`` (at most
    ``limit`` words after it, when given)."""
    comma = text.find(",", phrase_end, triggers[-1].end if triggers else phrase_end)
    floor = min(clause_end, comma) if comma != -1 else clause_end
    # (not past a semicolon: "Only a week before her death she was a guest of honour …; the
    # school first opened its doors in 1873" tells another clause's act, whose verb is untold)
    stop = text.find(";", phrase_end, triggers[-1].end) if triggers else -1
    after = [t for t in triggers if t.start >= floor and (stop == -1 or t.start < stop)]
    if limit is not None:
        after = [t for t in after if words_between(text, phrase_end, t.start) <= limit]
    while len(after) > 1 and _participle_aside(text, after[0], after[1]):
        # "During the storm on Sunday 12 May, the harbour wall, built in 1887, collapsed": the
        # participle set off after the subject is no act of the main clause
        after = after[1:]
    if not after:
        return None
    verbs = [t for t in after[:3] if t.pos == "verb"]
    first = after[0]
    near_verb = first.pos == "noun" and verbs and words_between(text, first.end, verbs[0].start) <= 3
    chosen = verbs[0] if near_verb else first
    if _RELATIVE_WORD.search(text, floor, chosen.start):
        # "…, on Friday 9 December, engineers located the fracture, on a main laid in 1958 that ran
        # under a garden": the main clause's verb is one the lexicon lacks; not a relative's
        return None
    return chosen


def _participle_aside(text: str, trigger: Trigger, later: Trigger) -> bool:
    """Is ``trigger`` a participle set off between commas before ``later`` (", built in 1887,")?"""
    comma = text.rfind(",", 0, trigger.start)
    return trigger.pos == "verb" and later.pos == "verb" and comma >= 0 and not text[
        comma + 1:trigger.start].strip() and PARTICIPLE_BEFORE.fullmatch(text, comma, later.start) is not None


# "11 hours and 47 minutes after …", "two days, six hours later": the offset phrase found is the
# last part of a distance written in several units
_COMPOUND_BEFORE = lazy_compile(
    rf"\b(?:\d+|{alternation(longest_first(NUMBERS))})\s+(?:{alternation(_UNITS)})s?\s*(?:,|{_WORDS.pattern('compound_and')})\s*\Z",
    re.IGNORECASE,
)
_CLAUSE_MARK = lazy_compile(r"[,;:—–()]")
_TO_THE_DAY = lazy_compile(rf"\b(?:{_WORDS.pattern('to_the_day_leads')})[ \t]+\Z", re.IGNORECASE)
_RELATIVE_WORD = lazy_compile(rf"\b(?:{_WORDS.pattern('relative_words')})\b", re.IGNORECASE)
_RELATIVE_OPENER = lazy_compile(rf",[ \t]+(?:{_WORDS.pattern('relative_openers')})\b")
_AND_BEFORE = lazy_compile(
    rf"\b{_WORDS.pattern('compound_and')}[ \t]+(?:(?:(?:{_WORDS.pattern('and_comparatives')})[ \t]+"
    rf"{_WORDS.pattern('comparison_words')}|{_WORDS.pattern('and_qualifiers')})[ \t]+)?\Z")
# a date set off before an offset phrase: "12 November, less than 30 days before …"
_APPOSED_GAP = lazy_compile(
    rf"[ \t]*[,—–][ \t]*(?:(?:{_WORDS.pattern('approximators')}|{_WORDS.pattern('exact_intensifiers')}"
    rf"|{_WORDS.pattern('upper_bounds')}|{_WORDS.pattern('lower_bounds')})[ \t]+)?", re.IGNORECASE
)
# (not "in 1976, ninety years later": a distance set off right after the date restates it)
_WORD_BETWEEN = lazy_compile(r"[A-Za-z]{2,}")
# "seven minutes later into the year": how far into a period, compared with another one
_INTO_A_PERIOD = lazy_compile(rf"[ \t]+into[ \t]+(?:{_WORDS.pattern('period_determiners')})[ \t]+[a-z]+\b",
                              re.IGNORECASE)


def _points_or_tells(word: str) -> bool:
    """Is ``word`` a form of a verb that starts or ends its object ("ending", "starting"), or
    tells of it ("announcing", "reporting"): a gerund whose object is not what is counted from?"""
    return any(cls in ("begin", "end", "announcement", "reporting")
               for _, cls, pos, _ in lexicon().forms.get(word, ()) if pos == "verb")


def offset(b: Builder, here: SentenceContext, match: re.Match[str]) -> None:
    """The gap an offset phrase puts between the event it places and the one it counts from."""
    text = b.text
    triggers, cuts = here.triggers, here.cuts
    start, end = match.start(), match.end()
    if _INTO_A_PERIOD.match(text, end):
        return  # "born at 00:11 on Jan 1, 2022, seven minutes later into the year": a place in a period
    vague = False  # "a few days later": at most so many days, no exact count
    if match.group("rel"):
        _following_period(b, here, match)
        count, unit = 1, _UNITS[_RELATIVE_UNITS[match.group("unit2").lower()]]
        direction = _RELATIVES[match.group("rel").lower()]
    elif match.group("dayobject"):
        phrase = " ".join(match.group("dayobject").lower().split())
        count, unit = 1, DAY
        direction = _DAY_OBJECT_PHRASES[phrase]
        if phrase in _WEEKDAY_OBJECT_PHRASES:
            count, vague = WEEK // DAY, True  # "the Monday after the reopening": within that week
    elif match.group("daybefore"):
        count, unit = 1, DAY
        direction = _DAY_PHRASES[" ".join(match.group("daybefore").lower().split())]
    else:
        number = count_of(match.group("num"))
        most = _VAGUE_UPPER.get(" ".join(match.group("num").lower().split()))
        if not number and most is None:
            return
        vague = not number
        count, unit = number or most or 0, _UNITS[match.group("unit").lower()]
        count, unit = _in_weeks(count, unit)  # "a fortnight later": two weeks, counted in days
        direction = _DIRECTIONS[match.group("dir").lower()]
    if text[start - 1:start] == "-" or _COMPOUND_BEFORE.search(text, max(0, start - 30), start):
        # "11 hours and 47 minutes after the race began", "thirty-five minutes later": a part of
        # a longer distance or of a number
        return
    if _PASSIVE_FOLLOWED.search(text, max(0, start - 30), start):
        # "The defeat was followed four days later by a draw": the event placed is the one after
        # "by", which the phrase counts from the subject; not read
        return
    if _FOR_BEFORE.search(text, max(0, start - 20), start):
        # "worked there for a decade before opening …": a duration and a plain "before"; "For
        # almost fifty years afterwards the land lay fenced off": how long a state lasted after
        return
    compared = _QUANTITY_BEFORE.search(text, max(0, start - 30), start) or _THAN_BEFORE.search(
        text, max(0, start - 8), start
    )
    if direction in ("later", "earlier") and compared:
        return  # "900 attendees, up from 620 a year earlier", "a 2.1% gain a year earlier": figures compared
    if (match.group("daybefore") or match.group("dayobject")) and _TO_THE_DAY.search(
        text, max(0, start - 8), start
    ):
        return  # "a century to the day after the opening": that long, to the day; not the day after
    if match.group("daybefore") and _OBJECT_AFTER.match(text, end):
        return  # "the day after nominations close": a phrase with a clause of its own, not "the day after,"
    if match.group("daybefore") and (after_it := b.timex_at_or_after(end)) is not None and (
        not text[end:after_it.start].strip()
    ):
        return  # "the day before Whit Sunday": counted from the day named after it, which the tagger reads
    if direction in ("later", "earlier") and _MOVED_BY.search(text, max(0, start - 24), start):
        return  # "all collections will move one day later next week": how far a thing is moved, not when
    clause_start, clause_end = clause_of(cuts, start)
    # the event the offset places
    left = [t for t in triggers if clause_start <= t.start and t.end <= start]
    placed_from = start  # where the words before it that tell the placed event end
    if _AND_BEFORE.search(text, max(clause_start, start - 24), start):
        # "three weeks after the earlier mission and less than 30 days before launch": both
        # place the same event; the first one's object is not it
        earlier = [m for m in offsets_in(text, clause_start, start) if m.end() <= start]
        if earlier:
            placed_from = earlier[-1].start()
            left = [t for t in left if t.end <= placed_from]
    right = [t for t in triggers if end <= t.start < clause_end]
    reference: Trigger | None = None
    ended: tuple[int, str] | None = None  # the end told last that the distance counts from
    apposed_read = False  # the day set off after a fronted phrase was read against the story's
    subject: Trigger | None = None
    elided: tuple[str, Side] | None = None  # "one week after the first": the first one told
    if direction in ("after", "before") and _ELIDED_FIRST.match(text, end, clause_end):
        subject = left[-1] if left and left[-1].pos == "noun" else None
        told_first = _first_of_its_kind(b, subject) if subject is not None else None
        if told_first is None and left and left[-1].pos == "verb":
            # "The second case … was confirmed on 29 November, two weeks after the first" after
            # "The first case … was confirmed on 12 November": the same act of the first one
            subject, told_first = left[-1], _act_of_the_first(b, here, left[-1])
        if told_first is None or subject is None:
            return
        elided = (b.event(told_first, b.context_of(told_first) or here), Side.START)
        direction = "later" if direction == "after" else "earlier"
    elif direction in ("after", "before") and _DEPARTURE_GERUND.match(text, end) is not None:
        # "The party reached the crossing on May 17, eleven days after setting out": from the
        # departure the text told before
        verbs = [t for t in left if t.pos == "verb" and t.event_class not in ("reporting", "causal")]
        departure = _departure_told(b, here)
        if not verbs or departure is None:
            return
        subject, elided = verbs[-1], (departure, Side.START)
        direction = "later" if direction == "after" else "earlier"
    elif direction in ("after", "before"):
        # "a week after the signing": the event after the signal is the reference
        # ("51 minutes after the first alarm, said …": no event word in the phrase, and the
        # verb past its comma is another clause's)
        gerund = _GERUND_BEFORE_OBJECT.match(text, end)
        if right and gerund is not None and _points_or_tells(gerund.group(1)) and not any(
            t.start == gerund.start(1) for t in triggers
        ):
            # "ten days after ending their first strike": counted from a point of the event the
            # lexicon does not tell (its end), not from its start; "two months before announcing
            # the deal": from the telling, not the deal
            return
        if right and not _CLAUSE_MARK.search(text, end, right[0].start) and (
            words_between(text, end, right[0].start) <= 3
            or _NAMED_MODIFIER.fullmatch(text, end, right[0].start)
        ):
            head = right[0]
            for following in right[1:]:
                # "the appeal court ruling": the last noun of a compound is its head
                if following.pos != "noun" or not _COMPOUND_GAP.fullmatch(text, head.end, following.start):
                    break
                head = following
            reference = clause_head(text, head, triggers)
        else:
            return
        if is_asserted(text, reference):
            # "On 13 September — two days after the ruling —": the date is the reference's day
            # counted on, whatever the main clause is
            reference_id = b.event(resolve(text, reference, triggers, cuts).trigger, here)
            _apposed_date(b, here, reference, reference_id, count, unit, direction, start, end, vague)
        # ("Exactly six weeks after she was sworn in, …": an adverb of the distance before it)
        fronted = not _LEADING_QUALIFIER.sub("", text[clause_start:start]).strip(" ,\"“—–-")
        if fronted:
            # "A week after the signing, parliament approved it": the next clause's event, past a
            # date in apposition ("Six days after the landfall, on 5 September, power returned")
            subject = main_clause_event(text, triggers, reference, clause_end)
            subject_event = b.by_trigger.get(subject.start) if subject is not None else None
            dated_here = subject is not None and subject_event is not None and any(
                reference.end <= at < subject.start for at in b.dated_at.get(subject_event, ()))
            if is_asserted(text, reference) and not vague:
                # "Three days after leaving Porth Ianto, on Thursday 6 June, we limped into …"
                # with no event word in the main clause: the day set off is the reference's day
                # counted on; "But ten days into the closure, on 16 March, contractors removing
                # the ceiling found …": so it is with one, however far its verb stands (unless it
                # dates that verb, whose own day is counted from the reference's)
                told = _told_before(b, here, reference, end)
                reference_id = told or b.event(resolve(text, reference, triggers, cuts).trigger, here)
                if not dated_here:
                    _date_set_off_after_object(b, here, reference, reference_id, count, unit, direction,
                                               start)
                if subject is None:
                    _entry_day_counted(b, here, reference, reference_id, count, unit, direction, start)
        else:
            # "… in 2004, four years after its founding, …": the event of the clause it follows;
            # none there (an untagged verb) means no claim, never another clause's event; the
            # clause's verb before a noun of its phrases ("finished counting ballots from
            # Sunday's vote late on Wednesday, three days after …")
            verbs = [t for t in left if t.pos == "verb" and t.event_class not in ("reporting", "causal")]
            dated = None if verbs else _dated_by_apposed_date(b, here, left, placed_from)
            if dated is not None and told_going_on(text, dated, here.sentence.start):
                # "damping down a gorse fire on Sunday evening, 30 hours after it was first
                # reported": the distance runs to the date, at which the fire was going on, not
                # to when it started
                return
            subject = verbs[-1] if verbs else (dated or (left[-1] if left else None))
            if subject is None and not vague and is_asserted(text, reference):
                # "The final, on Saturday 28 March, came a fortnight after the semi-final win on
                # 11 March": no event word for what the phrase places, the day set off in its
                # subject is that long after the reference
                _subject_day_counted(b, here, reference, count, unit, direction, start, end)
                return
        direction = "later" if direction == "after" else "earlier"
    else:
        fronted = not text[clause_start:start].strip(" ,\"“")
        if left and fronted:
            left = []
        subject = left[-1] if left else (right[0] if right else None)
        if not left and subject is not None and fronted and (
            words_between(text, end, subject.start) > _MAIN_CLAUSE_WORDS
        ):
            # "Two years later he came ashore and went to work for the boatbuilder, taking over
            # the yard when Hocking retired in 1962": the main clause's verb is not in the
            # lexicon, and the first event word found is far into another clause
            subject = None
        if subject is not None and subject.pos == "noun" and len(left) > 1:
            # "The union rejected a first offer two days later": what happened two days later
            # is the clause's verb, not its object (made before)
            verb = left[-2]
            if verb.pos == "verb" and verb.event_class not in ("reporting", "causal") and (
                words_between(text, verb.end, subject.start) <= 3
                and not _CLAUSE_MARK.search(text, verb.end, subject.start)
            ):
                subject = verb
        if subject is None and fronted and not text[end:clause_end].strip(" ,"):
            # "Three days later, on Wednesday, 12 February, the board released …": the phrase is
            # a clause of its own; the event is the main clause's
            subject = event_after(text, triggers, end, clause_end, limit=_MAIN_CLAUSE_WORDS)
        if fronted and subject is None and not vague:
            # "Three days later, on June 15, the jury returned its verdict" with no event word in
            # the main clause: the day set off after the phrase is that long after the story's
            # last dated event
            # (none dated before it: "… By dawn forty homes were under water. ¶ Two days later, on 5
            # March, volunteers filled sandbags": the days the text told, below)
            apposed_read = _apposed_day_after(b, here, start, end, count, unit, direction)
    unknown = subject is None or not is_asserted(text, subject)
    # "turned professional in 1971 and won … two years later": the offset is the other verb's
    other_verb = not unknown and subject is not None and subject.end <= start and other_predicate(
        text, subject.end, start)
    if unknown or other_verb:
        if not vague and not apposed_read and direction in ("later", "earlier"):
            # "invited bids on Friday 3 May and set a deadline six weeks later, on Friday 21 June":
            # a verb the lexicon lacks, or one not told as done; the two days are that far apart
            # whatever is told of them
            _written_day_counted(b, here, match, count, unit, direction)
        return
    assert subject is not None
    if not vague and not apposed_read and direction in ("later", "earlier") and subject.start >= end and (
        _written_day_not_of(b, here, match, subject)
    ):
        # "But five weeks later, on Saturday 24 August, Mr Teasdale went out to his loft … and found
        # Blue Boy": the day written after the phrase dates a verb the lexicon lacks, not the event
        # found later in the clause; the two days are that far apart whatever is told of them
        _written_day_counted(b, here, match, count, unit, direction)
    if subject.start >= end and in_apposed_participle(text, here.sentence.start, start, end, subject.start):
        return  # "The van, a white transit stolen in Derby the previous week, was found": the theft's
    subject_target = resolve(text, subject, triggers, cuts)
    subject_id = b.event(subject_target.trigger, here)
    reference_grade = Grade.STRONG
    far = False  # counted from an event told further back than the paragraph before (a doubt)
    if elided is not None:
        reference_id, reference_side = elided
    elif reference is not None:
        if not is_asserted(text, reference):
            return
        reference_target = resolve(text, reference, triggers, cuts)
        reference_id = _told_before(b, here, reference, end) or b.event(reference_target.trigger, here)
        reference_side = reference_target.side
        if direction == "later" and reference.pos == "noun" and reference_target.part is Part.WHOLE and (
            reference.event_class in _FROM_COMPLETION and b.dated_only_at_its_end(reference_id)
        ):
            # "The merger … was completed on Tuesday 1 October … six weeks after the merger, on
            # 22 October": after an event told only by its completion is after that (not "after
            # the trial opened": its start, named)
            reference_side = Side.END
    else:
        between = [t for t in here.timexes
                   if t.type in ("DATE", "TIME") and subject.end <= t.start and t.end <= start]
        # (the last of them: "ended at 5am on Thursday 18 May, 36 hours later" restates the day
        # the time is on)
        if subject.end <= start and between and (
            _WORD_BETWEEN.search(text, between[-1].end, start) is not None
        ):
            # "started his army in motion on April 3, intent on surprising Grant as soon as the
            # next day": the event has its own date; the offset counts from it, for a word the
            # lexicon lacks
            return
        last = b.last_dated(here.window_start, start, "", outside_headings=True)
        if last is not None and last[1] == subject_id and subject_target.side is Side.END:
            # "The share offer opened in May 2014 and closed six weeks later": its end counted
            # from its own start, told just before
            reference_id, reference_side = subject_id, Side.START
        else:
            previous = b.last_dated(here.window_start, start, subject_id, outside_headings=True)
            if previous is None and here.opening_window_start >= 0:
                # "Five days later, …" after sentences that date nothing: the story's last dated
                # event, in this paragraph or the one before
                previous = b.last_dated(here.opening_window_start, start, subject_id, outside_headings=True)
            if previous is None and not vague:
                # "… on the afternoon of Tuesday 2 May, while the owner was out. ¶ … ¶ Two days
                # later, on Friday 5 May, a man was arrested": no event of the lexicon dated
                # then, but the date the tagger counted from
                _counted_from_last_date(b, here, match, subject_id, count, unit, direction)
            def set_off(at: int, until: int = start) -> bool:
                if at < here.sentence.start:
                    # "… the mill's north wing, which had been empty since the firm closed in 1987.
                    # ¶ Crews battled the blaze for most of the following week": a relative clause
                    # that ends an earlier sentence is an aside too
                    told = b.context_at(at)
                    return told is not None and (_in_closing_relative(text, told.sentence.start, at)
                                                 or _in_comparison_since(text, told.sentence.start, at))
                return _in_set_off_relative(text, here.sentence.start, at, until)

            # "… a consultation that opened on 1 July and closed on 30 August. The operator published
            # its response six weeks later": from the end told last, after the start
            ended = b.last_ended(previous[0] if previous is not None else here.window_start, start)
            if ended is not None and (ended[1] == subject_id or b.undated_between(ended[0], start, set_off)):
                ended = None
            from_end = ended is not None
            if ended is not None:
                previous = ended
            elif previous is not None and _daycount_of(count, unit, text, start) is not None and b.day_of(
                previous[1], start
            ) is None:
                # "Eight days later" after an aside dated to a year: from the day the phrase counts from
                previous = _event_of_counted_day(b, here, start) or previous
            if previous is not None and not vague and b.undated_between(previous[0], start, set_off) and (
                subject_target.side is Side.START and subject.tense in TOLD_AS_PAST
            ):
                # "the board met on Monday 6 February … A week later, on 14 February, the company
                # told …": no event of the lexicon dated then, but the date the phrase counts from,
                # told in this sentence or the one before (further back, an act told undated in
                # between may be what it counts from)
                _counted_from_last_date(b, here, match, subject_id, count, unit, direction,
                                        since=_last_sentence_start(b, here))
                return
            if previous is None or b.undated_between(previous[0], start, set_off):
                return
            if previous[0] < _dated_entry_start(b, start):
                return  # "6. 9 January 2023 – … demolition begins the following week": the entry's day
            sections_apart = any(previous[0] < h < start for h, _ in b.headings)
            if sections_apart and _dated_entry_start(b, previous[0], told=True) >= 0:
                # "- 04:07 – All services confirmed. ¶ ## Cause ¶ The chiller had been serviced on
                # 3 June, 18 days earlier": the last entry of a timeline in another section is not
                # what the prose counts from (it does not say what)
                return
            for _ in range(3):
                if not set_off(previous[0]):
                    break
                if not (subject.start > previous[0] and set_off(previous[0], subject.start)):
                    return  # "Alderby station, which closed in 1966 and reopened in 1987, 21 years later"
                # "Bernard, who was born on 2 February 1935, died the following year", "Garside,
                # who had led the company since 2019, resigned a fortnight later": the story's last
                # dated event before the aside, not the aside's date
                aside = previous[0]
                from_end, ended = False, None
                previous = b.last_dated(here.window_start, aside, subject_id, outside_headings=True)
                if previous is None and here.opening_window_start >= 0:
                    previous = b.last_dated(here.opening_window_start, aside, subject_id,
                                            outside_headings=True)
                if previous is None and not vague:
                    # ("The blaze started … on Monday 3 February … ¶ Nobody was hurt … ¶ Owners …,
                    # who opened the bakery in 2014, … ¶ Nine days later, on 14 February": the
                    # story's last dated event further back, with no other date between: a doubt)
                    previous = b.last_dated(0, aside, subject_id, outside_headings=True)
                    if previous is not None and not b.same_story(previous[0], start):
                        previous = None
                    far = previous is not None
                if previous is None or b.undated_between(previous[0], aside, set_off):
                    return
            else:
                return
            clock = _clock_of_nothing_between(b, previous[0], start) if unit < DAY else None
            if clock is not None:
                # "… so the hour from 1am to 2am happened twice. Kezia arrived during the first run
                # of that hour, at 1.45am BST; Daniel arrived 25 minutes later": minutes counted
                # from a time told since, whose act the lexicon lacks
                _counted_from_clock(b, here, match, subject_id, count, unit, direction, clock)
                return
            reference_id = previous[1]
            if unit < _COARSE_REFERENCE_UNIT and _dated_only_by_era(b, reference_id):
                return  # "a little over two weeks later, on 3 November 1894" after an aside of "the 1970s"
            reference_side = Side.END if from_end else Side.START
            reference_grade = Grade.WEAK if far else b.dating_grade(previous[0], reference_id)
    if reference_id == subject_id and reference_side is subject_target.side:
        return
    lower, upper_bound, exact = _distance_bounds(text, start, count, unit, vague=vague)
    gap = Gap(lower, upper_bound, " ".join(match.group().split()))
    # "completed the purchase two months before …": the distance is from the purchase's end
    first = Endpoint(reference_id, reference_side)
    second = Endpoint(subject_id, subject_target.side)
    if direction == "earlier":
        first, second = second, first
    # the words of the offset, its object ("two days after the visit") and the event it places
    words = [start, end]
    if reference is not None and reference.start >= end:
        words += [reference.start, reference.end]
    if subject.end > start:
        words += [subject.start, subject.end]
    span = b.span(*words)
    gap_grade = min(reference_grade, _counted_from_another_day(b, here, start, count, unit, direction,
                                                               reference is None))
    b.gap_claim(first, second, gap, span, ConflictKind.OFFSET, grade=gap_grade)
    if subject.end <= start:
        _day_set_off_after(b, here, subject, subject_id, end,
                           after_object=reference is not None or elided is not None,
                           part=Part.END if subject_target.side is Side.END else Part.START)
    to_the_day = (match.groupdict().get("to_the_day") is not None
                  or _EXACTLY_BEFORE.search(text[max(0, start - 16):start]) is not None)
    if exact and reference_side is Side.START and subject_target.side is Side.START:
        # "one week to the day after the quake": on that very day, no day to spare (as sure as
        # the distance: "… this year's service … the following day, Tuesday 12 November 1918" may
        # count from the day of 1918 told before)
        # (nor when the day written after it fits another day told before: "… touched down on
        # Saturday 3 April. … had been briefed the day before, on Thursday 1 April")
        reference_day = b.day_of(reference_id, start)
        doubtful = _written_years_away(b, here, _phrase_at(here, start)) or _counted_from_another_day(
            b, here, start, count, unit, direction, reference is None, to_the_day=to_the_day,
            counted_from=reference_day.value[:10] if reference_day is not None else None) is Grade.WEAK
        _calendar_days(b, reference_id, subject_id, count, unit, direction, start, span, to_the_day,
                       cap=Grade.WEAK if doubtful or far else None)
    elif exact and ended is not None and reference_side is Side.END and subject_target.side is Side.START:
        end_day = b.end_day_of(reference_id, ended[0])
        if end_day is not None:
            _calendar_days(b, reference_id, subject_id, count, unit, direction, start, span, to_the_day,
                           day=end_day)


# "The second case, in a younger sibling, was confirmed": a later one of a kind (its noun captured)
_LATER_ONE = lazy_compile(rf"\b(?:{_WORDS.pattern('later_ordinals')})\s+([a-z][\w-]*)\b", re.IGNORECASE)
# "a second slip came down a week after the first, on 21 September": the noun left out
_ELIDED_FIRST = lazy_compile(
    rf"\s+{_WORDS.pattern('elided_article')}\s+(?:{_WORDS.pattern('elided_first_words')})"
    rf"(?:\s+{_WORDS.pattern('elided_one')})?(?=\s*(?:[,.;:—–)]|\Z))"
)


# (a person's pronoun: "it" may be another thing than the one told before, "four days after it
# ran aground" of a trawler after a pilot boat's grounding)
_PRONOUN_THEN = lazy_compile(rf"\s+(?:{_WORDS.pattern('person_pronouns')})\s+(?:\w+\s+){{0,2}}\Z")
_DEFINITE_SUBJECT_THEN = lazy_compile(
    rf"\s+(?i:{_WORDS.pattern('definite_subject_article')})\s+([a-z][\w-]+)\s+"
    rf"(?:{_WORDS.pattern('subject_passive_auxiliaries')})\s+(?:[a-z]+\s+)?"
)


def _phrase_at(here: SentenceContext, at: int) -> Timex | None:
    """The time expression of the sentence ``here`` that holds offset ``at`` (the tagger's reading
    of an offset phrase: its value and the day it counted the phrase from)."""
    return next((t for t in here.timexes if t.start <= at < t.end), None)


def _departure_told(b: Builder, here: SentenceContext) -> str | None:
    """The one departure ("left Fort Halloran on May 3") the text told before the sentence of
    ``here``; None when it told none or several."""
    told = {b.event(m.trigger, b.context_of(m.trigger) or here) for m in b.mentions
            if m.trigger.lemma in _DEPARTURE_LEMMAS and m.trigger.start < here.sentence.start}
    return told.pop() if len(told) == 1 else None


_DEPARTURE_LEMMAS = frozenset(_WORDS.words("departure_lemmas"))
# (no object after it: "after setting out," not "after leaving school")
_DEPARTURE_GERUND = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('departure_gerunds')}"
    rf"|(?i:{_WORDS.pattern('departure_pronouns')})\s+(?:{_WORDS.pattern('departure_pasts')}))(?=\s*[,.;:)—–]|\s*\Z)")


def _told_before(b: Builder, here: SentenceContext, verb: Trigger, phrase_end: int) -> str | None:
    """"Six weeks after she was sworn in", after "Ruark was sworn in on 4 January": a verb with
    a pronoun for its subject after the signal tells again the one event of that verb told in an
    earlier sentence (none when the text tells it more than once, or not before)."""
    # ("Three days after leaving Porth Ianto", after "We left Porth Ianto on Sunday 2 June": a
    # gerund right after the signal has the story's subject too)
    gerund = b.text[verb.start:verb.end].lower().endswith("ing") and not b.text[phrase_end:verb.start].strip()
    # ("Three days after the leak was first reported", after "The leak was first reported on
    # Monday 5 December": the same verb of the same subject noun)
    subject = _DEFINITE_SUBJECT_THEN.fullmatch(b.text, phrase_end, verb.start)
    pronoun = _PRONOUN_THEN.fullmatch(b.text, phrase_end, verb.start)
    if verb.pos != "verb" or not (gerund or subject or pronoun):
        return None
    if pronoun is not None and b.kin_of_pronoun_near(here.sentence, pronoun.group().split()[0], verb.start):
        return None  # "… I'd have my daughter in May 2021. I raced again eleven months after she was born"
    noun = subject.group(1).lower() if subject is not None else None
    told_mentions = [m for m in b.mentions
                     if m.trigger.lemma == verb.lemma and m.trigger.start < here.sentence.start and (
                         noun is None
                         or noun in b.text[max(0, m.trigger.start - 40):m.trigger.start].lower())]
    told = {b.by_trigger.get(m.trigger.start) for m in told_mentions}
    if len(told) != 1 or None in told:
        return None
    if _object_word(b.text, told_mentions[-1].trigger.end) != _object_word(b.text, verb.end):
        # "Reg left school at 16 in 1956 … retired in 1997. The foundry closed in 2001, four years
        # after he left": what was left is not told the same; another leaving, maybe
        return None
    return told.pop()


_WORD_AFTER = lazy_compile(r"\s+([A-Za-z][\w'’-]*)")


def _object_word(text: str, end: int) -> str | None:
    """The word right after a verb ending at ``end`` when it may be its object ("left school"),
    None when punctuation or a function word follows ("after he left.", "left on Friday")."""
    word = _WORD_AFTER.match(text, end)
    if word is None or word.group(1).lower() in FUNCTION_WORDS:
        return None
    return word.group(1).lower()


def _act_of_the_first(b: Builder, here: SentenceContext, verb: Trigger) -> Trigger | None:
    """The act told before of "the first" one, when the clause of ``verb`` is about a later one
    ("The second case … was confirmed"): the one earlier mention of the same verb in a sentence
    about "the first" of the same noun."""
    later = _LATER_ONE.search(b.text, here.sentence.start, verb.start)
    if later is None:
        return None
    first_of = compile_kept(
        rf"\b(?:{'|'.join(sorted(FIRST_WORDS))})\s+{re.escape(later.group(1))}\b", re.IGNORECASE
    )
    found = []
    for told in b.mentions:
        context = b.contexts.get(told.sentence_start)
        if told.trigger.start >= here.sentence.start or told.trigger.lemma != verb.lemma or context is None:
            continue
        if first_of.search(b.text, context.sentence.start, told.trigger.start):
            found.append(told.trigger)
    return found[0] if len(found) == 1 else None


def _first_of_its_kind(b: Builder, noun: Trigger) -> Trigger | None:
    """The mention that "the first" leaves ``noun`` out of: the one earlier mention of the same
    word, or the one of them called the first ("The first slip came down …"); None when the
    clause does not say this is a later one ("a second slip") or several could be meant."""
    told = b.mention_at.get(noun.start)
    if told is None or told.contrast is None or told.contrast in FIRST_WORDS:
        return None
    earlier = [m for m in b.mentions if m.trigger.start < noun.start and m.trigger.lemma == noun.lemma]
    called_first = [m for m in earlier if m.contrast in FIRST_WORDS]
    chosen = called_first if called_first else earlier
    return chosen[0].trigger if len(chosen) == 1 else None


# "… four days after she was reported missing, on 22 September.": the object clause, then the
# day set off after it
_OBJECT_THEN_COMMA = lazy_compile(r"[^,;:.!?—–()\n]{1,60},[ \t]*")
# (or a place set off after it: "…, on Wednesday, July 15, at the Cutler Ridge trailhead")
_CLOSES = lazy_compile(
    rf"[ \t]*(?:[.;!?)]|\Z|,[ \t]+(?:{_WORDS.pattern('set_off_place_prepositions')})[ \t])", re.IGNORECASE)


def _day_set_off_after(b: Builder, here: SentenceContext, subject: Trigger, subject_id: str,
                       end: int, *, after_object: bool, part: Part = Part.START) -> None:
    """The day set off after a distance ending at ``end`` is the day of the event the distance
    places, not of its object: at the end of the sentence, after the object (``after_object``:
    "They spotted her tent four days after she was reported missing, on 22 September."), or right
    after the distance ("The league allowed it to be replayed three weeks later, on Saturday 21
    August, and …")."""
    timex = next((t for t in here.timexes if t.start >= end), None)
    if timex is None or timex.type != "DATE" or not _DAY_ONLY.match(timex.value) or (
        timex.start in b.counted_back
    ):
        return  # (counted back to the object already: the same distance read twice)
    if after_object:
        lead = timex.signal_start if timex.signal_start is not None else timex.start
        if not _OBJECT_THEN_COMMA.fullmatch(b.text, end, lead) or not _CLOSES.match(b.text, timex.end):
            return
        own = [t for t in here.timexes if t.end <= subject.start or subject.end <= t.start < end]
        if any(_DAY_ONLY.match(t.value) for t in own):
            # "celebrated … on 30 December, three days before she died, on 2 January, at the
            # hospital": a subject dated in its own words leaves the day to the object
            return
    elif timex.signal_start is None or not _APPOSED.fullmatch(b.text, end, timex.signal_start) or not (
        _SET_OFF_AFTER.match(b.text, timex.end)
    ):
        return
    span = b.span(subject.start, subject.end, timex.start, timex.end)
    # ("began on 10 April and ended nine weeks later, on Monday 12 June": the day of its end)
    counted_day_claim(b, subject_id, timex.value, 0, 0, span, mentions=(subject,),
                      note=f"the day set off after the distance: {timex.value}", part=part)


def _clock_of_nothing_between(b: Builder, lo: int, hi: int) -> Timex | None:
    """The last clock time told between ``lo`` (the last dated event's expression) and ``hi``,
    when one there dates no event."""
    first = bisect.bisect_right(b.timex_starts, lo)
    told = [t for t in b.timexes[first:bisect.bisect_left(b.timex_starts, hi)] if t.end <= hi]
    if not any(t.type == "TIME" and lo < t.start and t.start not in b.dated_set
               and not any(at == t.start for at, _ in b.ended) for t in told):
        return None
    return told[-1] if told and told[-1].type == "TIME" else None


def _counted_from_clock(b: Builder, here: SentenceContext, match: re.Match[str], subject_id: str,
                        count: int, unit: int, direction: str, clock: Timex) -> None:
    """"The first customer call came at 14:20. Forty minutes later, at 15:15, …": the event the
    phrase places starts that long after (before) the last clock time told, in this sentence or
    the one before, when that time dates no event the lexicon knows."""
    told = period_of(clock, b.dct, b.options.hemisphere)
    if told is None or told.start is None or told.end is None or clock.start < _last_sentence_start(b, here):
        return
    lower, upper, _ = _distance_bounds(b.text, match.start(), count, unit)
    if upper is None:
        return
    if direction == "later":
        placed = Period(told.start + lower, told.end + upper, "")
    else:
        placed = Period(told.start - upper, told.end - lower, "")
    span = b.span(match.start(), match.end())
    b.period_claim(subject_id, Part.START, Qualifier.IN, placed, span, rule=ConflictKind.OFFSET,
                   note=f"counted from {clock.text.strip()}, the last time told")


def _told_in_passing(b: Builder, timex: Timex, start: int) -> bool:
    """Is ``timex`` a year told in a relative clause set off by commas, closed before ``start``?"""
    index = bisect.bisect_right(b.sentence_starts, timex.start) - 1
    if index < 0 or not _YEAR_ONLY.match(timex.value):
        return False
    sentence = b.sentences[index]
    return _in_set_off_relative(b.text, sentence.start, timex.start, min(start, sentence.end))


_YEAR_ONLY = lazy_compile(r"\d{4}\Z")
_STATE_BOUND_SIGNALS = _WORDS.set("state_bound_signals")


def _in_set_off_relative(text: str, sentence_start: int, at: int, start: int) -> bool:
    """Does ``at`` lie in a relative clause set off by commas (", who was born in 1935,")
    that closes before ``start``?"""
    if at < sentence_start:
        return False
    opened = _RELATIVE_OPENER.search(text, sentence_start, at) is not None
    return opened and "," in text[at:start]


# "… the steepest one-day drop since the company floated in 2014": the last "since" before an
# event, a superlative not far before it
_COMPARISON_SINCE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('comparison_since_words')})\b[^.;:!?]{{0,60}}?\b"
    rf"({_WORDS.pattern('comparison_since')})\b(?![^.;:!?]*\b{_WORDS.pattern('comparison_since')}\b)",
    re.IGNORECASE,
)


def _in_comparison_since(text: str, sentence_start: int, at: int) -> bool:
    """Does ``at`` lie in a clause of "since" after a superlative ("the steepest drop since the
    company floated in 2014"), with no comma between?"""
    found = _COMPARISON_SINCE.search(text, sentence_start, at)
    return found is not None and "," not in text[found.end(1):at]


def _in_closing_relative(text: str, sentence_start: int, at: int) -> bool:
    """Does ``at`` lie in a relative clause set off by a comma that runs to its sentence's end?"""
    openers = list(_RELATIVE_OPENER.finditer(text, sentence_start, at))
    return bool(openers) and "," not in text[openers[-1].end():at]


def _dated_by_apposed_date(b: Builder, here: SentenceContext, left: Sequence[Trigger],
                           start: int) -> Trigger | None:
    """The event a date right before the offset dates ("No announcement was made about the change
    in mission until 12 November, less than 30 days before launch": the announcement, not the
    mission): the offset restates that date."""
    date = next((t for t in reversed(here.timexes) if t.end <= start), None)
    if date is None or date.type not in ("DATE", "TIME"):
        return None
    if not _APPOSED_GAP.fullmatch(b.text, date.end, start):
        return None
    dated = {key[0] for key, timex in b.dated_by.items() if timex is date}
    return next((t for t in reversed(left) if t.start in dated), None)


def _date_set_off_after_object(b: Builder, here: SentenceContext, reference: Trigger, reference_id: str,
                               count: int, unit: int, direction: str, start: int) -> None:
    """"Three days after the outage, on Thursday 14 September, the team …": the day set off
    after the offset's object (a few words of it) falls that many days after the reference's."""
    counted = _daycount_of(count, unit, b.text, start)
    timex = next((t for t in here.timexes if t.start >= reference.end), None)
    if counted is None or timex is None or timex.type != "DATE" or not _DAY_ONLY.match(timex.value):
        return
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    set_off = _OBJECT_THEN_COMMA.fullmatch(b.text, reference.end, lead) or _THEN_DATE.fullmatch(
        b.text, reference.end, lead)
    if not set_off or not _SET_OFF_AFTER.match(b.text, timex.end):
        return
    days, spare = counted
    counted_day_claim(b, reference_id, timex.value, -days if direction == "after" else days, spare,
                      b.span(start, timex.end, reference.start, reference.end), mentions=(reference,))


# a calendar period "the following month", "the next year", "the next day" names, and the day set
# off after it
_CALENDAR_VALUE = lazy_compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?\Z")
_THEN_ON = lazy_compile(r"[ \t]*,?[ \t]*")


def _following_period(b: Builder, here: SentenceContext, match: re.Match[str]) -> None:
    """"The following month, on 28 October, the regulator opened an inquiry" after "announced on
    3 October": the day set off after the phrase lies in the month (year) after the one of the
    date it counts from, which the tagger resolved the phrase to; the phrase and the day tell the
    same time twice ("announced it the following day, Friday 12 July" after a Wednesday 10 July:
    the day after)."""
    phrase = _phrase_at(here, match.start())
    if phrase is None or phrase.type != "DATE" or phrase.anchor in (None, "DCT") or not _CALENDAR_VALUE.match(
        phrase.value
    ):
        return
    written = _written_day_after(b, here, phrase)
    period = period_of(phrase, b.dct, b.options.hemisphere)
    if written is None or period is None:
        return
    day, words, told = written
    # the date counted from, in this sentence or the one before: else another may be meant
    anchors = [t for t in b.timexes if here.window_start <= t.start < phrase.start
               and t.end <= phrase.start and t.value.startswith(phrase.anchor)]
    if anchors and _in_set_off_relative(b.text, here.sentence.start, anchors[-1].start, phrase.start):
        return  # "Tomas, who was born on 5 March 1931, died the following year": not the birth's
    one_day = _DAY_ONLY.match(phrase.value) is not None
    step = 1 if phrase.value > phrase.anchor else -1
    fits_another = one_day and _another_day_fits(b, here, phrase, step, 0)
    grade = Grade.STRONG if anchors and not fits_another else Grade.WEAK
    dated = [key for key, timex in b.dated_by.items() if timex is day]
    event_id = b.by_trigger.get(dated[0][0]) if dated else None
    span = b.span(phrase.start, day.end)
    note = f"“{phrase.text}” counted from {phrase.anchor}"
    if event_id is None:
        event_id = _written_day_event(b, day, words, told)
    b.period_claim(event_id, Part.START, Qualifier.IN, period, span, rule=ConflictKind.OFFSET, grade=grade,
                   note=note)


def _written_day_after(b: Builder, here: SentenceContext, phrase: Timex) -> tuple[Timex, Span, Period] | None:
    """The day written right after ``phrase``, set off by one comma ("The following month, on 28
    October,", "six weeks later, on Friday 21 June"): the expression, its words and its period."""
    day = next((t for t in here.timexes if t.start >= phrase.end), None)
    if day is None or day.type != "DATE" or not _DAY_ONLY.match(day.value) or day.anchor not in (None, "DCT"):
        return None
    lead = day.signal_start if day.signal_start is not None else day.start
    if not _THEN_ON.fullmatch(b.text, phrase.end, lead) or b.text[phrase.end:lead].count(",") != 1:
        return None  # (a comma sets the day off: not "the following month on 28 October")
    told = period_of(day, b.dct, b.options.hemisphere)
    return None if told is None else (day, b.span(lead, day.end), told)


def _written_day_event(b: Builder, day: Timex, words: Span, told: Period) -> str:
    """The event of what a sentence tells on the written ``day``, dated by it when first made."""
    event_id, made = b.day_event(day)
    if made:
        b.period_claim(event_id, Part.WHOLE, Qualifier.IN, told, words)
    return event_id


_ENTRY_LABEL_REACH = 12  # characters from a line's start within which an entry's date opens it


def _dated_entry_start(b: Builder, at: int, *, told: bool = False) -> int:
    """The start of the line of ``at`` when a date opens it (a timeline's entry: "6. **9 January
    2023** – Baths close; demolition begins the following week"), else -1: what the entry tells
    later counts from its own date, not from an event of the entries before. (With ``told``, the
    date may be the one at ``at``: where an event was dated; else it is another before it.)"""
    line = b.text.rfind("\n", 0, at) + 1
    first = bisect.bisect_left(b.timex_starts, line)
    if first < len(b.timexes):
        timex = b.timexes[first]
        label = b.text[line:timex.start]
        opens = timex.start - line <= _ENTRY_LABEL_REACH and not label.strip(" \t*_#>-.0123456789")
        if opens and (timex.start <= at if told else timex.start < at) and timex.type in ("DATE", "TIME"):
            return line
    return -1


def _daycount_of(count: int, unit: int, text: str, at: int) -> tuple[int, int] | None:
    """A distance counted in calendar days ("three days", "two weeks") by the phrase at ``at``,
    and the days to spare either side of its day (a week or more: one; "the following week",
    the calendar week after, any day of it: six); None for other units or beyond a year."""
    if unit % DAY or unit > WEEK or count * unit > 366 * DAY:
        return None
    if unit == WEEK and _CALENDAR_WEEK.match(text, at):
        return 7, 6
    # ("a week later, on 23 August" after Thursday 17 August: a week is seven days, none to spare;
    # two weeks or more, one)
    return count * unit // DAY, 0 if unit == DAY or (unit == WEEK and count == 1) else 1


def _apposed_day_after(b: Builder, here: SentenceContext, start: int, end: int, count: int, unit: int,
                       direction: str) -> bool:
    """"Three days later, on June 15, …": the last dated event before the phrase falls that many
    days before the day set off after it (after it, for "earlier"). False when no event before
    it is dated at all (the days the text told may still be counted)."""
    counted = _daycount_of(count, unit, b.text, start)
    if counted is None:
        return True
    timex = next((t for t in here.timexes if t.start >= end), None)
    lead = timex.signal_start if timex is not None and timex.signal_start is not None else None
    if timex is None or lead is None or not _APPOSED.fullmatch(b.text, end, lead) or not _DAY_ONLY.match(
        timex.value
    ) or not _SET_OFF_AFTER.match(b.text, timex.end):
        return True
    previous = b.last_dated(here.window_start, start, "", outside_headings=True)
    if previous is None and here.opening_window_start >= 0:
        previous = b.last_dated(here.opening_window_start, start, "", outside_headings=True)
    if previous is None:
        # "… closed on Saturday 4 June. ¶ The bacteria can cause … ¶ A week later, on Tuesday
        # 14 June, fresh samples came back clear": the story's last dated event, past
        # paragraphs that date nothing (not past a heading)
        previous = _story_last_dated(b, here, start)
    if previous is not None and b.day_of(previous[1], start) is None:
        # "The inquiry opened on Tuesday 4 June. It was called after the council refused
        # permission last year. ¶ Eight days later, on 14 June, …": an aside dated to a year is
        # no day to count from; the day the tagger counted the phrase from is, when an event the
        # text dated to that day is there to count from
        previous = _event_of_counted_day(b, here, start)
    if previous is not None and _counted_from_another_told_day(b, here, start, previous):
        # "… in the small hours of Wednesday 2 March. The council had closed the path on the
        # Monday afternoon. By dawn … ¶ Two days later, on 5 March": the tagger counted the
        # phrase from a day told after that event's, with no event of its own
        previous = _event_of_counted_day(b, here, start)
    if previous is None:
        return False
    if b.undated_between(previous[0], start) or b.day_of(previous[1], start) is None:
        return True  # (days are counted from a day: "The May landslide ¶ Five weeks later, on 19 May")
    days, spare = counted
    counted_day_claim(b, previous[1], timex.value, -days if direction == "later" else days, spare,
                      b.span(start, timex.end))
    return True


def _counted_from_another_told_day(b: Builder, here: SentenceContext, start: int,
                                   previous: tuple[int, str]) -> bool:
    """Is ``previous`` a look back told in the pluperfect, while the tagger counted the offset
    phrase at ``start`` from another day the story told (its own day, which that look back did
    not move)?"""
    phrase = _phrase_at(here, start)
    day = b.day_of(previous[1], start)
    if phrase is None or phrase.anchor is None or not _DAY_ONLY.match(phrase.anchor) or day is None:
        return False
    if day.value[:10] == phrase.anchor or b.tense.get(previous[1]) != PLUPERFECT:
        return False
    if _written_day_after(b, here, phrase) is None:
        return False
    told = b.context_at(previous[0])
    lo = told.window_start if told is not None else previous[0]
    first, last = bisect.bisect_left(b.timex_starts, lo), bisect.bisect_left(b.timex_starts, start)
    return any(t.value.startswith(phrase.anchor) and t.anchor in (None, "DCT") for t in b.timexes[first:last])


def _event_of_counted_day(b: Builder, here: SentenceContext, start: int) -> tuple[int, str] | None:
    """The last event dated, within the window of ``here``, to the day the tagger counted the
    offset phrase at ``start`` from."""
    phrase = _phrase_at(here, start)
    if phrase is None or phrase.anchor is None or not _DAY_ONLY.match(phrase.anchor):
        return None
    lo = here.opening_window_start if here.opening_window_start >= 0 else here.window_start
    first, last = bisect.bisect_left(b.dated_offsets, lo), bisect.bisect_left(b.dated_offsets, start)
    for at, event in reversed(b.dated[first:last]):
        day = b.day_of(event, start)
        if day is not None and day.value == phrase.anchor:
            return at, event
    return None


# a distance counted in units shorter than this is not counted from an event dated only to a
# decade or a century: no writer counts weeks from "the 1970s"
_COARSE_REFERENCE_UNIT = 30 * DAY
# the counts of years a writer rounds to the half year ("two years later"; not "ten years later")
_FEW_YEARS = 4
_YEAR_DAYS = 366
_ERA_VALUE = lazy_compile(r"\d{2,3}\Z")  # a TIMEX3 century ("19") or decade ("197")


def _dated_only_by_era(b: Builder, event_id: str) -> bool:
    """Is every date the text gives ``event_id`` a decade or a century?"""
    values = b.dated_values(event_id)
    return bool(values) and all(_ERA_VALUE.match(value) for value in values)


# how many paragraphs back "Three days later, on 5 May" may count from the story's last date
_STORY_PARAGRAPHS_BACK = 3


def _last_sentence_start(b: Builder, here: SentenceContext) -> int:
    """Where the sentence before starts, across a paragraph's break too ("… opened the next
    morning, Sunday 7 August … ¶ The notice was lifted a week later, on 15 August"), or this
    sentence's start when none is before it."""
    if here.window_start < here.sentence.start:
        return here.window_start
    before = b.sentence_before(here.sentence)
    return before.start if before is not None else here.sentence.start


def _apposed_to_own_date(b: Builder, before: Sequence[Timex], match: re.Match[str], subject_id: str,
                         count: int, unit: int, direction: str) -> None:
    """"taken from a barn on the night of 26 February … ¶ It was found … on 5 March, nine days
    later": a distance set off after the event's own date says how far that date is from the
    story's day told before it, when that is the one other day written: the event falls that far
    from it (which day the writer counted from is a reading: a doubt)."""
    counted = _daycount_of(count, unit, b.text, match.start())
    own = before[-1].value[:10]
    prior = [t for t in before[:-1] if _DAY_ONLY.match(t.value[:10]) and t.value[:10] != own
             and t.anchor in (None, "DCT")]
    # (only when one other day was written before: "the match on Thursday 29 February … originally
    # scheduled for the first Saturday in January … the victory on Saturday 24 February, five days
    # earlier" does not say which it counts from)
    if counted is None or not _DAY_ONLY.match(own) or len({t.value[:10] for t in prior}) != 1:
        return
    if b.time_told_between(prior[-1].end, before[-1].start) is not None:
        return
    days, spare = counted
    day = prior[-1].value[:10]
    counted_day_claim(b, subject_id, day, days if direction == "later" else -days, spare,
                      b.span(before[-1].start, match.end()), grade=Grade.WEAK,
                      note=f"counted from {day}, the day told before “{before[-1].text}”")


def _counted_from_last_date(b: Builder, here: SentenceContext, match: re.Match[str], subject_id: str,
                            count: int, unit: int, direction: str, *, since: int = -1) -> None:
    """The event an offset places starts that many days after (before) the story's last date,
    which the tagger counted the phrase from, when that date is the last one the text gave, a
    few paragraphs back at most (not before ``since``) and no heading between."""
    counted = _daycount_of(count, unit, b.text, match.start())
    phrase = _phrase_at(here, match.start())
    if counted is None or phrase is None or phrase.anchor in (None, "DCT") or not _DAY_ONLY.match(
        phrase.anchor
    ):
        return
    lo = _story_window_start(b, here, phrase.start)
    first = bisect.bisect_left(b.timex_starts, lo)
    before = [t for t in b.timexes[first:bisect.bisect_left(b.timex_starts, phrase.start)]
              if t.end <= phrase.start and t.type in ("DATE", "TIME")]
    while before and not before[-1].value.startswith(phrase.anchor) and (
        before[-1].signal == "since" or _end_bound(before[-1])
        or not before[-1].value[:1].isdigit()  # ("over the following days": no day to count from)
        or _told_in_passing(b, before[-1], phrase.start)
        or (before[-1].signal in _STATE_BOUND_SIGNALS and _YEAR_ONLY.match(before[-1].value) is not None)
    ):
        # "… by daybreak. ¶ Pennick, who has lived there since 1971, … ¶ Three days later": the
        # bound of a state, which the story's time does not move to ("restored supplies by the
        # following afternoon … served by bowsers until the weekend. ¶ Four days later": neither
        # is what the tagger counted from, and a day the phrase could count from instead makes
        # the reading uncertain, below); nor a date told in a relative clause set off by commas
        # ("Sam Oduya, who opened the bakery in 2014, …"); nor a year that bounds a state ("a
        # mechanism that dates from 1958. ¶ Four days later")
        before.pop()
    if not before or not before[-1].value.startswith(phrase.anchor):
        return
    # ("arrived the following day. … Four days later": the last date told was itself counted
    # from a day told before it; the writer may count from either, so the distance runs from
    # the earlier one, with the days between them to spare)
    chained = _chained_days(before[-1], phrase.anchor)
    if before[-1].anchor not in (None, "DCT", phrase.anchor) and chained is None:
        # (the date counted from must be the last the text gave, read against nothing else, or a
        # time of that day, or that day said again: "on Tuesday 12 November … By daybreak …",
        # "… rang me that Tuesday")
        return
    if before[-1].start < since or b.time_told_between(before[-1].end, phrase.start) is not None:
        # (nor past a time told without a date: "On its ninth day the jury was sent out, and it
        # returned its verdicts two days later")
        return
    if _APPOSED_GAP.fullmatch(b.text, before[-1].end, match.start()) is not None:
        # "on Wednesday 9 June, the day before, but …", "It finally reopened on 2 March, eight
        # weeks later": the phrase says how the date it follows stands to the story's day told
        # before, not a day counted from that date itself
        if not match.group("daybefore"):
            _apposed_to_own_date(b, before, match, subject_id, count, unit, direction)
        return
    if _heading_between(b, before[-1].start, phrase.start):
        return
    if _in_set_off_relative(b.text, here.sentence.start, before[-1].start, phrase.start):
        return
    days, spare = counted
    span = b.span(match.start(), match.end())
    step = days if direction == "later" else -days
    # (a day written of another year than the one counted from: a year misread, more likely
    # than a slip)
    grade = Grade.WEAK if _written_years_away(b, here, phrase) else _counted_from_another_day(
        b, here, match.start(), count, unit, direction, True)
    if chained is not None:
        earlier, between = chained
        counted_day_claim(b, subject_id, earlier, step, spare, span, grade=grade, spare_after=between,
                          note=f"counted from {earlier} or from {phrase.anchor}, the last date told, "
                               f"“{before[-1].text}”, counted from it")
        return
    counted_day_claim(b, subject_id, phrase.anchor, step, spare, span, grade=grade,
                      note=f"counted from {phrase.anchor}, the last date told, “{before[-1].text}”")


_CHAINED_DAYS = 7  # how many days a date counted from the one before it may lie from it


def _chained_days(told: Timex, anchor: str) -> tuple[str, int] | None:
    """The day ``told`` (whose value is the day ``anchor``) was itself counted on from, and the
    days from that one to it: ("2019-05-06", 1) for "the following day" read against 6 May."""
    if told.anchor is None or not _DAY_ONLY.fullmatch(told.anchor) or not _DAY_ONLY.fullmatch(anchor):
        return None
    try:
        between = (date.fromisoformat(anchor) - date.fromisoformat(told.anchor)).days
    except ValueError:
        return None
    return (told.anchor, between) if 0 < between <= _CHAINED_DAYS else None


def _end_bound(timex: Timex) -> bool:
    """Does the date only bound the end of what it dates ("by the following afternoon", "until
    the weekend")?"""
    reading = reading_of(timex.signal)
    return reading is not None and bool(reading.whole) and all(
        bound.part is Part.END and bound.qualifier is Qualifier.BY for bound in reading.whole)


def _counted_from_another_day(b: Builder, here: SentenceContext, start: int, count: int, unit: int,
                              direction: str, from_last_told: bool, *, to_the_day: bool = False,
                              counted_from: str | None = None) -> Grade:
    """How sure a distance counted from the story's last dated event is: "most of which was
    installed in 1994. ¶ The following day, Sunday 14 July, …" after "on Saturday 13 July": when
    the day written after the phrase fits another day the text told, the phrase may count from
    that one (uncertain). ``counted_from``: the day it is counted from, which is no other."""
    counted = _daycount_of(count, unit, b.text, start)
    phrase = _phrase_at(here, start)
    if not from_last_told or counted is None or phrase is None:
        return Grade.STRONG
    days, spare = counted
    step = days if direction == "later" else -days
    # ("exactly a week later": to the day, none to spare)
    fits = _another_day_fits(b, here, phrase, step, 0 if to_the_day else spare, counted_from)
    return Grade.WEAK if fits else Grade.STRONG


def _subject_day_counted(b: Builder, here: SentenceContext, reference: Trigger, count: int, unit: int,
                         direction: str, start: int, end: int) -> None:
    """The one day written, set off by commas, in the words before an offset phrase that tell
    no event ("The final, on Saturday 28 March, came a fortnight after …"): the day of what the
    subject names, that far from the reference's start."""
    counted = _daycount_of(count, unit, b.text, start)
    days = [t for t in here.timexes if here.sentence.start <= t.start and t.end <= start]
    if counted is None or len(days) != 1 or days[0].type != "DATE" or days[0].anchor not in (None, "DCT"):
        return
    if not _DAY_ONLY.fullmatch(days[0].value) or not _SUBJECT_DAY.fullmatch(
        b.text, here.sentence.start, start
    ):
        return
    reference_id = b.event(resolve(b.text, reference, here.triggers, here.cuts).trigger, here)
    step, spare = counted
    counted_day_claim(b, reference_id, days[0].value, -step if direction == "after" else step, spare,
                      b.span(days[0].start, days[0].end, start, end, reference.start, reference.end))


# "The final, on Saturday 28 March, came ": a subject of a few words, its day set off by commas,
# and a verb of coming or falling (any one word)
_SUBJECT_DAY = lazy_compile(
    r"[ \t\"“]*(?:[\w'’-]+[ \t]+){0,4}?[\w'’-]+,[ \t]*[^,.;:!?\n]{3,40},[ \t]*[a-z]+[ \t]+"
    r"(?:(?:\w+ly|just|only|exactly)[ \t]+)?"
)


def _written_day_counted(b: Builder, here: SentenceContext, match: re.Match[str], count: int, unit: int,
                         direction: str) -> None:
    """"invited bids on Friday 3 May and set a deadline six weeks later, on Friday 21 June": with
    no event word for what the phrase places, the day written right after it (set off by a
    comma) is that long after the date the tagger counted the phrase from."""
    phrase = _phrase_at(here, match.start())
    written = _written_day_after(b, here, phrase) if phrase is not None else None
    if written is None:
        return
    _counted_from_last_date(b, here, match, _written_day_event(b, *written), count, unit, direction)


def _written_day_not_of(b: Builder, here: SentenceContext, match: re.Match[str], subject: Trigger) -> bool:
    """Is there a day written right after the offset phrase, and does it date no part of
    ``subject``?"""
    phrase = _phrase_at(here, match.start())
    written = _written_day_after(b, here, phrase) if phrase is not None else None
    if written is None:
        return False
    return all(b.dated_by.get((subject.start, part)) is not written[0] for part in Part)


def _written_years_away(b: Builder, here: SentenceContext, phrase: Timex | None) -> bool:
    """Is the day written right after the offset phrase ``phrase`` more than a year from the day
    the tagger counted the phrase from (a year misread, not a slip of the writer's)?"""
    if phrase is None or phrase.anchor is None or not _DAY_ONLY.match(phrase.anchor):
        return False
    written = _written_day_after(b, here, phrase)
    return written is not None and abs((date.fromisoformat(written[0].value[:10])
                                        - date.fromisoformat(phrase.anchor)).days) > _YEAR_DAYS


def _another_day_fits(b: Builder, here: SentenceContext, phrase: Timex, step: int, spare: int,
                      counted_from: str | None = None) -> bool:
    """"… at 11.52pm on Monday 10 March 2014 … she spoke at Sunday's service. ¶ A strong aftershock
    two days later, on Wednesday 12 March": when the day written after the offset does not fit the
    last day told but fits another day the text told before, which one the offset counts from is
    a doubt."""
    apposed = next((t for t in here.timexes if t.start >= phrase.end and t.start - phrase.end <= 6
                    and _DAY_ONLY.match(t.value[:10]) and t.value[:10] != phrase.anchor), None)
    if apposed is None:
        return False
    written = date.fromisoformat(apposed.value[:10])
    for told in b.timexes[:bisect.bisect_left(b.timex_starts, phrase.start)]:
        if told.type in ("DATE", "TIME") and _DAY_ONLY.match(told.value[:10]) and (
            told.value[:10] != counted_from
        ) and abs((written - date.fromisoformat(told.value[:10])).days - step) <= spare:
            return True
    return False


def _story_last_dated(b: Builder, here: SentenceContext, start: int) -> tuple[int, str] | None:
    """The last dated event at most a few paragraphs before ``start``, with no heading between."""
    previous = b.last_dated(_story_window_start(b, here, start), start, "", outside_headings=True)
    if previous is None or _heading_between(b, previous[0], start):
        return None
    return previous


def _story_window_start(b: Builder, here: SentenceContext, default: int) -> int:
    """Where the paragraphs start that the sentence of ``here`` may count back to (a few at
    most); ``default`` when there are none."""
    paragraph = here.sentence.paragraph
    return next((s.start for s in b.sentences if s.paragraph >= paragraph - _STORY_PARAGRAPHS_BACK), default)


def _heading_between(b: Builder, lo: int, hi: int) -> bool:
    """Does a heading start between ``lo`` and ``hi`` (a new section, whose time is its own)?"""
    return any(lo < heading < hi for heading, _ in b.headings)


def _entry_day_counted(b: Builder, here: SentenceContext, reference: Trigger, reference_id: str,
                       count: int, unit: int, direction: str, start: int) -> None:
    """"**Friday 17 March** ¶ Ten days after the builders arrived, the roof is off": in a diary's
    entry under its day, a fronted distance whose clause tells no event and no date of its own
    counts to the entry's day."""
    if any(t.type in ("DATE", "TIME") for t in here.timexes):
        return
    counted = _daycount_of(count, unit, b.text, start)
    day = b.section_day(start)
    if counted is None or day is None or not _DAY_ONLY.match(day.value):
        return
    days, spare = counted
    counted_day_claim(b, reference_id, day.value, -days if direction == "after" else days, spare,
                      b.span(start, reference.end), mentions=(reference,),
                      note=f"counted back from {day.value}, the day of the entry")


def _apposed_date(b: Builder, here: SentenceContext, reference: Trigger, reference_id: str, count: int,
                  unit: int, direction: str, start: int, end: int, vague: bool = False) -> None:
    """"On 13 September, two days after the ruling": the reference's day is the date counted
    back; "On Friday 3 September, a few days after the reopening": at most that many days back
    (``vague``: ``count`` is the most)."""
    dated = [t for t in here.timexes if t.end <= start and _APPOSED.fullmatch(b.text, t.end, start)]
    counted = _daycount_of(count, unit, b.text, start)
    if not dated or counted is None:
        return
    timex = dated[-1]
    if not _DAY_ONLY.match(timex.value):
        return
    clause_start = clause_of(here.cuts, timex.start)[0]
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    if b.text[clause_start:lead].strip(" \"“") and any(clause_start <= t.start < lead for t in here.triggers):
        # "The strike ended on 20 February, two days after the visit": the clause's own event,
        # which the date and the distance both place; with no event word for it ("the two sides
        # sat down together on 11 March, nine days after the walkout"), the date is still the
        # reference's day counted on
        return
    days, spare = counted
    if vague:
        # anywhere from the date itself to the most the words allow
        half = days // 2
        days, spare = days - half, half + (days % 2)
    counted_day_claim(b, reference_id, timex.value, -days if direction == "after" else days, spare,
                      b.span(timex.start, end, reference.start, reference.end), mentions=(reference,))


def _calendar_days(b: Builder, reference_id: str, subject_id: str, count: int, unit: int, direction: str,
                   at: int, span: Span, to_the_day: bool = False, day: Timex | None = None,
                   cap: Grade | None = None, of: str = "") -> None:
    """"Three days later" after an event dated to its day counts calendar days: the event falls on
    that day (a week or more: within a day of it). The gap claim alone cannot say so: an event
    somewhere in 8 February and one somewhere in 12 February may be three days apart."""
    counted = _daycount_of(count, unit, b.text, at)
    if counted is None:
        return
    ended = day is not None
    day = day or b.day_of(reference_id, at) or b.day_of_clause(reference_id, at)
    # ("spent Monday 4 and Tuesday 5 March at the school. Their report was published three weeks
    # later": counted from either day of the range)
    ends = b.days_of(reference_id, at) if day is None else None
    if day is None and ends is None:
        if not ended:
            # "The pool closed on 2 May … A fortnight after the closure, on 23 May": the state's
            # start may be an act dated later on (chrono.text.states), counted then
            b.uncounted.append(
                Uncounted(reference_id, subject_id, count, unit, direction, at, span, to_the_day))
        return
    days, spare = counted
    step = days if direction == "later" else -days
    # as sure as the reading of both events (the reference may be "the murder" told earlier)
    grade, _ = b.graded(span, (reference_id, subject_id))
    if cap is not None:
        grade = min(grade, cap)
    if ends is not None:
        period = Period.of_days(ends[0] + timedelta(days=step - spare),
                                ends[1] + timedelta(days=step + spare + 1))
        note = f"counted from {ends[0].isoformat()} to {ends[1].isoformat()}, the days of {reference_id}"
        b.period_claim(subject_id, Part.START, Qualifier.IN, period, span, rule=ConflictKind.OFFSET,
                       grade=grade, note=note)
        return
    assert day is not None
    if to_the_day:
        spare = 0
    # "during the night of Sunday 3 June": counted from the Sunday or the Monday, a day more after
    night = 1 if day.value.endswith(_NIGHT) else 0
    of = of or (f"the end of {reference_id}" if ended else reference_id)
    counted_day_claim(b, subject_id, day.value, step, spare, span, spare_after=night,
                      grade=grade, note=f"counted from {day.value[:10]}, the day of {of}")


def counted_from_state_starts(b: Builder) -> None:
    """"The pool closed on 2 May … A fortnight after the closure, on 23 May": a distance counted
    from a state the text does not date itself, whose start is an act it dates (joined by
    chrono.text.states), counts calendar days from that act's day; as surely as that join."""
    # (what the pass itself cannot date is not kept again: nothing comes after it)
    waiting, b.uncounted = b.uncounted, []
    for pending in waiting:
        start = b.state_starts.get(pending.reference)
        if start is None:
            continue
        act_id, grade = start
        _calendar_days(b, act_id, pending.subject, pending.count, pending.unit, pending.direction, pending.at,
                       pending.span, pending.to_the_day, cap=grade,
                       of=f"{act_id}, which starts {pending.reference}")


def within_of(b: Builder, here: SentenceContext) -> None:
    """"Within a fortnight of the groundbreaking, on 3 May, …": the date is at most that long
    after the event the phrase names."""
    text = b.text
    if not _WITHIN_HINT.may_match(text, here.sentence.start, here.sentence.end):
        return
    for match in _WITHIN_OF.finditer(text, here.sentence.start, here.sentence.end):
        count = count_of(match.group("num")) if match.group("num") else 1
        unit = _UNITS[match.group("unit").lower()]
        nouns = [t for t in here.triggers if t.start >= match.end() and t.pos == "noun"]
        if not count or not nouns or words_between(text, match.end(), nouns[0].start) > 3:
            continue
        noun = nouns[0]
        dated = [t for t in here.timexes if t.start > noun.end and _THEN_DATE.fullmatch(
            text, noun.end, t.signal_start if t.signal_start is not None else t.start)]
        if not dated or not _DAY_ONLY.match(dated[0].value) or not is_asserted(text, noun):
            continue
        try:
            day = date.fromisoformat(dated[0].value)
            period = Period.of_days(day - timedelta(seconds=count * unit), day + timedelta(days=1), value="")
        except (ValueError, OverflowError):
            continue  # a day at the edge of the calendar
        event_id = b.event(resolve(text, noun, here.triggers, here.cuts).trigger, here)
        span = b.span(match.start(), dated[0].end)
        note = f"'{' '.join(match.group().split())} …' counted back from {dated[0].value}"
        # (the noun's own day: its possessive, "of Friday's hearing", or a day told before)
        own = next((t for t in here.timexes
                    if match.end() <= t.start < noun.start and _DAY_ONLY.match(t.value)), None)
        own = own or b.day_of(event_id, dated[0].end)
        # (a unit to spare: six months of 30 days fall short of 26 February to 26 August)
        misread = own is not None and _year_misread(own, dated[0], day, (count + 1) * unit)
        grade = Grade.WEAK if misread else Grade.STRONG
        b.period_claim(event_id, Part.START, Qualifier.IN, period, span, rule=ConflictKind.OFFSET, note=note,
                       mentions=(noun,), grade=grade)


def _in_weeks(count: int, unit: int) -> tuple[int, int]:
    """A count of fortnights as one of weeks, which are counted in days ("a fortnight": two weeks)."""
    if unit > WEEK and unit % WEEK == 0 and unit < 4 * WEEK:
        return count * (unit // WEEK), WEEK
    return count, unit


def _distance_bounds(text: str, at: int, count: int, unit: int, *, vague: bool = False
                     ) -> tuple[int, int | None, bool]:
    """The least and most a distance of ``count`` units, written at ``at``, allows (the slack of
    :func:`_count_slack`; "about"/"nearly"/"some" before it widen it to half/double, "less
    than" and "more than" bound one side), and whether it is the plain count."""
    slack = _count_slack(count, unit)
    lower, upper = max(0, count * unit - slack), count * unit + slack
    before = text[max(0, at - 16):at]
    upper_bound: int | None = upper
    if vague:
        lower, upper_bound = 0, count * unit
    elif _APPROX_BEFORE.search(before):
        lower, upper_bound = count * unit // 2, 2 * count * unit + unit
    elif _UPPER_BEFORE.search(before):
        # "less than four weeks before" (a tenth of a unit to spare: months and years vary)
        lower, upper_bound = 0, count * unit + unit // 10
    elif _LOWER_BEFORE.search(before):
        lower, upper_bound = max(0, count * unit - unit // 10), None  # "more than a year after"
    return lower, upper_bound, lower == max(0, count * unit - slack) and upper_bound == upper


def _count_slack(count: int, unit: int) -> int:
    """How far a distance of ``count`` units may be off: one unit, or a twentieth for large
    counts; "two years after the merger" fourteen months on: a few years are rounded to the half
    year; "three weeks after the visit" four weeks on: weeks are counted in days, a day or two
    either way (as a count of weeks from a written day is)."""
    if unit == YEAR and count <= _FEW_YEARS:
        return unit // 2
    if unit == WEEK and count > 1:
        return 2 * DAY
    return max(unit, count * unit // 20)


_BETWEEN_SPAN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('between_leads')})\s+(?:(?:{_WORDS.pattern('approximators')})\s+)?"
    rf"(?P<num>\d{{1,3}}|{alternation(longest_first(NUMBERS))})\s+(?P<unit>{alternation(_UNITS)})s?\s+"
    rf"(?:{_WORDS.pattern('between_words')})\s+",
    re.IGNORECASE,
)
_BETWEEN_HINT = Hint.of(_WORDS.words("between_words"))
# the words that may stand between "between" (or "and") and its event noun
_BEFORE_NOUN = lazy_compile(
    rf"(?:(?:{_WORDS.pattern('between_determiners')})\s+)?(?:[\w'’-]+\s+){{0,2}}", re.IGNORECASE)
_AND_NEXT = lazy_compile(r"\s+and\s+")
# how many words a modifier of the first or the second noun may have
_BETWEEN_MODIFIERS = 3


def between_of(b: Builder, here: SentenceContext) -> None:
    """"In the ten days between the migration and the outage, disk usage climbed": the second
    event started that long after the first did (a unit to spare, as for an offset)."""
    text = b.text
    if not _BETWEEN_HINT.may_match(text, here.sentence.start, here.sentence.end):
        return
    for match in _BETWEEN_SPAN.finditer(text, here.sentence.start, here.sentence.end):
        count = count_of(match.group("num"))
        unit = _UNITS[match.group("unit").lower()]
        nouns = [t for t in here.triggers if t.start >= match.end() and t.pos == "noun"]
        if not count or len(nouns) < 2 or not _BEFORE_NOUN.fullmatch(text, match.end(), nouns[0].start) or (
            words_between(text, match.end(), nouns[0].start) > _BETWEEN_MODIFIERS
        ):
            continue
        first, second = nouns[0], nouns[1]
        joined = _AND_NEXT.match(text, first.end)
        if joined is None or not _BEFORE_NOUN.fullmatch(text, joined.end(), second.start) or (
            words_between(text, joined.end(), second.start) > _BETWEEN_MODIFIERS
        ) or not is_asserted(text, first) or not is_asserted(text, second):
            continue
        first_id = b.event(resolve(text, first, here.triggers, here.cuts).trigger, here)
        second_id = b.event(resolve(text, second, here.triggers, here.cuts).trigger, here)
        if first_id == second_id:
            continue
        count, unit = _in_weeks(count, unit)
        lower, upper_bound, _ = _distance_bounds(text, match.start("num"), count, unit)
        gap = Gap(lower, upper_bound, " ".join(match.group().split()))
        span = b.span(match.start(), second.end)
        b.gap_claim(Endpoint(first_id, Side.START), Endpoint(second_id, Side.START), gap, span,
                    ConflictKind.OFFSET)


def _year_misread(own: Timex, written: Timex, day: date, reach: int) -> bool:
    """"… within six months of Friday's hearing, by 26 August": when the year of a day written
    without one was inferred, and the same day of the year before or after lies within ``reach``
    (seconds) after the event's ``own`` day where the inferred one does not, the year is in doubt."""
    if written.anchor is None:
        return False  # (the year is written)
    own_day = date.fromisoformat(own.value[:10])

    def fits(candidate: date) -> bool:
        return 0 <= (candidate - own_day).days * DAY <= reach

    if fits(day):
        return False
    for year in (day.year - 1, day.year + 1):
        try:
            if fits(day.replace(year=year)):
                return True
        except ValueError:
            continue  # (29 February)
    return False
