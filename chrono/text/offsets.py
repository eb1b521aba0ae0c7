"""Metric offsets: "two days later", "the next day", "three weeks earlier", "a week after the
signing" give start-to-start distances between two events with one unit of slack."""

from __future__ import annotations

import re

from chrono.model import Endpoint, Gap, Side
from chrono.periods import DAY, HOUR, MINUTE, WEEK
from chrono.problems import ConflictKind
from chrono.text.attachment import clause_head, is_asserted, resolve
from chrono.text.builder import Builder
from chrono.text.clauses import clause_of, other_predicate, words_between
from chrono.text.context import SentenceContext
from chrono.text.durations import MONTH, YEAR
from chrono.text.events import Trigger

_UNIT_WORDS = {"second": 1, "minute": MINUTE, "hour": HOUR, "day": DAY, "week": WEEK,
               "fortnight": 2 * WEEK, "month": MONTH, "year": YEAR, "decade": 10 * YEAR}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "several": 0, "few": 0, "a few": 0, "some": 0,
}
_OFFSET = re.compile(
    r"\b(?:(?P<num>\d{1,3}|a\s+few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|several|some)"
    r"\s+(?P<unit>minute|hour|day|week|fortnight|month|"
    r"year|decade)s?\s+(?P<dir>later|earlier|afterwards?|before|after)"
    r"|the\s+(?P<rel>next|following|previous|preceding)\s+(?P<unit2>day|week|month|year|morning|evening)"
    r"|(?P<daybefore>the\s+day\s+(?:before|after))(?!\s+(?:the|a|an|his|her|their|its)\b)"
    r")\b",
    re.IGNORECASE,
)
_OFFSET_HINT = re.compile(r"later|earlier|afterward|before|after|next|following|previous|preceding",
                          re.IGNORECASE)
_APPROX_BEFORE = re.compile(r"\b(?:about|around|some|nearly|almost|roughly|approximately|over|under|"
                            r"more\s+than|less\s+than|at\s+least)\s+\Z", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\bfor\s+(?:about\s+|nearly\s+|almost\s+|some\s+|over\s+|more\s+than\s+)?\Z",
                         re.IGNORECASE)
_COUNTED_UNIT = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
    r"(?:minute|hour|day|week|month|year|decade)s?\s*\Z",
    re.IGNORECASE,
)


def offsets_in(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The offset phrases of ``text[start:end]`` (a sentence), in order."""
    if not _OFFSET_HINT.search(text, start, end):
        return []
    return list(_OFFSET.finditer(text, start, end))


def counted_before(text: str, offset: int) -> bool:
    """Does a counted unit stand right before ``offset`` ("a week| after the signing"), not as
    the length after "for" ("worked there for a decade| before …")?"""
    counted = _COUNTED_UNIT.search(text, max(0, offset - 30), offset)
    return counted is not None and not _FOR_BEFORE.search(text, max(0, counted.start() - 20), counted.start())


def _count(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def offset(b: Builder, here: SentenceContext, match: re.Match[str]) -> None:
    """The gap an offset phrase puts between the event it places and the one it counts from."""
    text = b.text
    triggers, cuts = here.triggers, here.cuts
    start, end = match.start(), match.end()
    if match.group("rel"):
        count, unit_word = 1, match.group("unit2").lower()
        direction = "later" if match.group("rel").lower() in ("next", "following") else "earlier"
        if unit_word in ("morning", "evening"):
            unit_word = "day"
    elif match.group("daybefore"):
        count, unit_word = 1, "day"
        direction = "earlier" if match.group("daybefore").lower().endswith("before") else "later"
    else:
        number = _count(match.group("num"))
        if not number:
            return
        count, unit_word = number, match.group("unit").lower()
        direction = {"later": "later", "afterward": "later", "afterwards": "later", "after": "after",
                     "earlier": "earlier", "before": "before"}[match.group("dir").lower()]
    unit = _UNIT_WORDS[unit_word]
    if direction in ("after", "before") and _FOR_BEFORE.search(text, max(0, start - 20), start):
        return  # "worked there for a decade before opening …": a duration and a plain "before"
    clause_start, clause_end = clause_of(cuts, start)
    # the event the offset places
    left = [t for t in triggers if clause_start <= t.start and t.end <= start]
    right = [t for t in triggers if end <= t.start < clause_end]
    reference: Trigger | None = None
    subject: Trigger | None = None
    if direction in ("after", "before"):
        # "a week after the signing": the event after the signal is the reference
        if right and words_between(text, end, right[0].start) <= 3:
            reference = clause_head(text, right[0], triggers)
        else:
            return
        fronted = not text[clause_start:start].strip(" ,\"“")
        if fronted:
            # "A week after the signing, parliament approved it": the next clause's event
            subject = next((t for t in triggers if t.start >= clause_end and t is not reference), None)
        else:
            # "… in 2004, four years after its founding, …": the event of the clause it follows;
            # none there (an untagged verb) means no claim, never another clause's event; the
            # clause's verb before a noun of its phrases ("finished counting ballots from
            # Sunday's vote late on Wednesday, three days after …")
            verbs = [t for t in left if t.pos == "verb" and t.event_class not in ("reporting", "causal")]
            subject = verbs[-1] if verbs else (left[-1] if left else None)
        direction = "later" if direction == "after" else "earlier"
    else:
        if left and not text[clause_start:start].strip(" ,\"“"):
            left = []
        subject = left[-1] if left else (right[0] if right else None)
    if subject is None or not is_asserted(text, subject):
        return
    if subject.end <= start and other_predicate(text, subject.end, start):
        return  # "turned professional in 1971 and won … two years later": the offset is the other verb's
    subject_target = resolve(text, subject, triggers, cuts)
    subject_id = b.event(subject_target.trigger, here)
    if reference is not None:
        if not is_asserted(text, reference):
            return
        reference_id = b.event(resolve(text, reference, triggers, cuts).trigger, here)
    else:
        previous = b.last_dated(here.window_start, start, subject_id)
        if previous is None or b.undated_between(previous[0], start):
            return
        reference_id = previous[1]
    if reference_id == subject_id:
        return
    # one unit of slack, or a twentieth for large counts; "about"/"nearly"/"some" widen it to half/double
    slack = max(unit, count * unit // 20)
    lower, upper = max(0, count * unit - slack), count * unit + slack
    if _APPROX_BEFORE.search(text, max(0, start - 14), start):
        lower, upper = count * unit // 2, 2 * count * unit + unit
    gap = Gap(lower, upper, " ".join(match.group().split()))
    first = Endpoint(reference_id, Side.START)
    second = Endpoint(subject_id, Side.START)
    if direction == "earlier":
        first, second = second, first
    span = b.span(start, end) if subject.end <= start else b.span(start, end, subject.start, subject.end)
    b.gap_claim(first, second, gap, span, ConflictKind.OFFSET)
