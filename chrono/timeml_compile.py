"""TimeML documents (.tml) -> events and claims, so gold TLINKs are checked like any other input.

What becomes what:

* every EVENT instance (MAKEINSTANCE ``eiid``) is an event of the network, cited by the words of
  its EVENT tag;
* every TIMEX3 that is not a SET (the DCT included) is an event too: a time expression *is* an
  interval. A DATE/TIME value that names a calendar period adds a :class:`TimexValueClaim`:
  the interval lies within that period (``start >= lo``, ``end <= hi``);
* every TLINK is a :class:`TlinkClaim` (a :class:`chrono.model.RelationClaim` that remembers its
  ``lid``, its relType and the linked words), cited by the TLINK element in the file.

Leniency (DESIGN.md: each statement compiles to the weakest constraint its words justify):

* a timex lies *within* its value's period rather than filling all of it. This keeps every
  order-based contradiction (``t1 = 1998-01-08 AFTER t2 = 1998-01-09``) and drops only the ones
  that need a timex to cover its whole unit; those are warnings of their own (CHR508, which
  re-checks with exact extents). The DCT in particular is a creation *moment* within its day;
* ``mod`` START/MID/END ("early 1998") keep the whole unit: annotators use them loosely, and the
  thirds chrono uses for prose are a convention, not what the annotation says. APPROX widens
  the period by one unit on each side; BEFORE/AFTER/ON_OR_* open it, as TimeML defines;
* DURING is read as IS_INCLUDED (chrono's model), weaker than the SIMULTANEOUS that TempEval-3
  maps it to, because TimeBank uses DURING loosely ("during the week");
* DURATION timexes are intervals with no place and no length: a gold duration is often vague
  ("a five year low", "another bad week"), so only the TLINKs through them constrain them;
* SET timexes ("every Tuesday") are not intervals: TLINKs to or from a SET are not checked;
* PRESENT_REF ("now", "currently") is left unplaced: it is the present around the DCT, of no
  stated extent; PAST_REF ends by the end of the DCT's day, FUTURE_REF starts on it or later;
* values that name no single period (``XXXX-08``, ``FUTURE_REF`` without a DCT) leave the timex
  unplaced;
* a TLINK that puts an event BEFORE/AFTER itself is reported (CHR507) and left out.

Problems found while reading (malformed XML or values, missing or malformed DCT, unknown ids,
links that cannot be read) become :class:`chrono.timeline_files.Problem` of the kinds the rules
in ``rules/timeml.py`` report.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from chrono.analysis import Compiled
from chrono.document_date import DocumentDate, document_date
from chrono.lazy_regex import lazy_compile
from chrono.model import (
    Claim,
    Document,
    Event,
    EventExists,
    Part,
    PeriodClaim,
    Qualifier,
    Relation,
    RelationClaim,
    Span,
)
from chrono.options import ReadingOptions
from chrono.periods import Hemisphere, InvalidValue, NotAPeriod, Period, format_instant, parse_value
from chrono.problems import Problem, ProblemKind
from chrono.regex_cache import compile_kept

if TYPE_CHECKING:  # the tagger loads only where prose is read
    from chrono.tagger.timex import Timex
from chrono.timeml import RelationRow, TimeMLDocument, TimeMLError, TimeMLTimex, parse_timeml

# Problem kinds (one rule each in rules/timeml.py).
MALFORMED = ProblemKind.TIMEML_MALFORMED
MISSING_DCT = ProblemKind.TIMEML_MISSING_DCT
MALFORMED_DCT = ProblemKind.TIMEML_MALFORMED_DCT
MALFORMED_VALUE = ProblemKind.TIMEML_MALFORMED_VALUE
VALUE_TEXT = ProblemKind.TIMEML_VALUE_TEXT
UNKNOWN_ID = ProblemKind.TIMEML_UNKNOWN_ID
BAD_LINK = ProblemKind.TIMEML_BAD_LINK

# TLINK relTypes -> chrono relations. TimeBank-Dense and MATRES spell SIMULTANEOUS as EQUAL.
REL_TYPES: dict[str, Relation] = {r.value: r for r in Relation if r is not Relation.OVERLAPS}
REL_TYPES["EQUAL"] = Relation.SIMULTANEOUS
# Relation labels that state no constraint (dense annotation's "we cannot tell").
VAGUE_REL_TYPES = frozenset({"VAGUE", "NONE"})

# mods applied to a gold value: the ones that change what the value means. START/MID/END keep
# the whole unit (see the module docstring); duration mods (LESS_THAN …) do not move a date.
_PLACING_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "APPROX"})

# Lexical shape of TIMEX3 values (TimeML 1.2.1 schema, slightly widened); used to tell values
# that are merely unplaceable ("XXXX-08", "P3W") from values that are not TIMEX3 values at all.
_DATE_VALUE = lazy_compile(
    r"""(?x)
    (?:[0-9X]{2,4}
       (?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|W[0-9X]{2}(?:-(?:[1-7X]|WE))?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?
       (?:T(?:[0-9X]{2}(?::[0-9X]{2}(?::[0-9X]{2}(?:\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)
          (?:Z|[+-]\d{2}(?::?\d{2})?)?)?
     |PRESENT_REF|PAST_REF|FUTURE_REF)
    """
)
_DURATION_VALUE = lazy_compile(
    r"P(?:(?:[0-9.X]+[YMWDLCE])+(?:T(?:[0-9.X]+[HMS])+)?|T(?:[0-9.X]+[HMS])+|[0-9.X]+(?:DE|CE|ML|Q|WE))"
)
_SET_VALUE = lazy_compile(rf"R\d*(?:/?(?:{_DURATION_VALUE.pattern}))?|{_DURATION_VALUE.pattern}")


@attrs.frozen
class TlinkClaim(RelationClaim):
    """A gold TLINK: ``a <relation> b``, cited by its ``lid`` and the words it links."""

    lid: str = ""
    rel_type: str = ""
    a_text: str = ""
    b_text: str = ""
    # where the relation comes from: "TLINK", or a relation-only corpus ("MATRES line 12")
    origin: str = "TLINK"

    def describe(self) -> str:
        return (
            f"{self.origin} {self.lid}: {_words(self.a_text)} ({self.a}) {self.rel_type} "
            f"{_words(self.b_text)} ({self.b})"
        )


@attrs.frozen
class TimexValueClaim(PeriodClaim):
    """A TIMEX3 lies within the period its value names."""

    tid: str = ""
    text: str = ""
    is_dct: bool = False

    def describe(self) -> str:
        what = "the DCT" if self.is_dct else _words(self.text)
        return f"TIMEX3 {self.tid} {what} has value {self.period.value}: it lies within {_range(self.period)}"


@attrs.frozen
class TimexExtentClaim(PeriodClaim):
    """The strict reading of a TIMEX3: it starts (or ends) where its period does.

    Encoded with the existing qualifiers on the period's core ``[lo + 1, hi - 1]``:
    ``start BEFORE core`` is ``start <= lo + 1`` and ``end AFTER core`` is ``end >= hi - 1``.
    """

    tid: str = ""
    text: str = ""

    def describe(self) -> str:
        verb = "starts" if self.part is Part.START else "ends"
        where = "beginning" if self.part is Part.START else "end"
        return (
            f"(strict reading) TIMEX3 {self.tid} {_words(self.text)} covers all of "
            f"{self.period.value}: it {verb} at its {where}"
        )


def _words(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > 40:
        text = text[:37] + "..."
    return f'"{text}"'


def _range(period: Period) -> str:
    lo = "-inf" if period.start is None else format_instant(period.start)
    hi = "+inf" if period.end is None else format_instant(period.end)
    return f"[{lo}, {hi})"


def exact_extent_claims(claim: TimexValueClaim) -> list[TimexExtentClaim]:
    """The two claims that make a within-claim exact (empty for open-ended periods)."""
    lo, hi = claim.period.start, claim.period.end
    if lo is None or hi is None or hi - lo < 3:
        return []
    # One second of slack at each end: the network's endpoints are closed and BEFORE is strict,
    # so "Monday BEFORE Tuesday" needs Monday to end a second before midnight, while
    # "Monday IBEFORE Tuesday" needs them to meet at midnight; both must pass.
    core = Period(lo + 1, hi - 1, claim.period.value)
    return [
        TimexExtentClaim(
            claim.event, Part.START, Qualifier.BEFORE, core, claim.span, tid=claim.tid, text=claim.text
        ),
        TimexExtentClaim(
            claim.event, Part.END, Qualifier.AFTER, core, claim.span, tid=claim.tid, text=claim.text
        ),
    ]


# ---------------------------------------------------------------------------------------------
# Where the annotations are in the file (the reader's offsets are into the stripped <TEXT>)

_TAG = lazy_compile(
    r"<(TIMEX3|EVENT|MAKEINSTANCE|TLINK|SLINK|ALINK|SIGNAL)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
)
_ATTRIBUTE = lazy_compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ID_ATTRIBUTE = {
    "TIMEX3": "tid",
    "EVENT": "eid",
    "MAKEINSTANCE": "eiid",
    "TLINK": "lid",
    "SLINK": "lid",
    "ALINK": "lid",
    "SIGNAL": "sid",
}


@attrs.frozen
class _Located:
    element: Span  # the whole element, tags included
    content: Span  # the words between the tags (the element itself for empty elements)


# compiled at import, not lazily: _locate_elements tells matches apart by `match.re is _CLOSE`
_CLOSE = re.compile(r"</(TIMEX3|EVENT|MAKEINSTANCE|TLINK|SLINK|ALINK|SIGNAL)>")


def _locate_elements(text: str) -> dict[tuple[str, str], _Located]:
    """(tag, id) -> where the element is in the file; the first element wins for a repeated id.

    One pass over the tags, each end tag closing the last open element of its name, so nested
    elements cost no more than others (searching for each one's end tag was quadratic)."""
    found: dict[tuple[str, str], _Located] = {}
    claimed: set[tuple[str, str]] = set()
    # per tag name, the open elements: their key (None when another element has the id first)
    # and where their start tag is
    open_elements: dict[str, list[tuple[tuple[str, str] | None, int, int]]] = {}
    tags = sorted(
        [*((m.start(), m) for m in _TAG.finditer(text)), *((m.start(), m) for m in _CLOSE.finditer(text))],
        key=lambda pair: pair[0],
    )
    for _, match in tags:
        tag = match.group(1)
        if match.re is _CLOSE:
            waiting = open_elements.get(tag)
            if waiting and match.start() < waiting[-1][2]:
                continue  # inside the start tag's own text (an attribute value holds it): not an end tag
            if waiting:
                key, start, end = waiting.pop()
                if key is not None:
                    found[key] = _Located(Span(start, match.end()), Span(end, match.start()))
            continue
        body = match.group(2)
        attributes = {
            m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTRIBUTE.finditer(body)
        }
        ident = attributes.get(_ID_ATTRIBUTE[tag])
        key = (tag, ident) if ident is not None and (tag, ident) not in claimed else None
        if key is not None:
            claimed.add(key)
        if body.rstrip().endswith("/"):
            if key is not None:
                whole = Span(match.start(), match.end())
                found[key] = _Located(whole, whole)
            continue
        open_elements.setdefault(tag, []).append((key, match.start(), match.end()))
    for waiting in open_elements.values():  # never closed: the start tag alone
        for key, start, end in waiting:
            if key is not None:
                found[key] = _Located(Span(start, end), Span(start, end))
    return found


def _line_span(document: Document, line: int) -> Span:
    """A whole source line (the fallback when an element cannot be found)."""
    starts = document.lines.line_starts
    if not 1 <= line <= len(starts):
        return Span(0, 0)
    start = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else len(document.text)
    return Span(start, max(start, end))


# ---------------------------------------------------------------------------------------------
# Value checks


def placing_mod(mod: str | None) -> str | None:
    return mod if mod in _PLACING_MODS else None


def well_formed(timex_type: str, value: str) -> bool:
    """Whether ``value`` has the lexical form of a TIMEX3 value of ``timex_type``."""
    value = value.strip()
    if timex_type in ("DATE", "TIME"):
        return _DATE_VALUE.fullmatch(value) is not None or _DURATION_VALUE.fullmatch(value) is not None
    if timex_type == "DURATION":
        return _DURATION_VALUE.fullmatch(value) is not None
    if timex_type == "SET":
        return _SET_VALUE.fullmatch(value) is not None or _DATE_VALUE.fullmatch(value) is not None
    return False


@attrs.frozen
class _CalendarWords:
    """The month and weekday names of the tagger's English lexicon, as the TimeML reader compares
    them with a value: each name (without the abbreviation's full stop) and its number."""

    months: dict[str, int]  # "sept" -> 9
    weekdays: dict[str, int]  # "monday" -> 0
    modal_months: frozenset[str]  # "may": a month that is also a modal verb
    month_word: re.Pattern[str]
    weekday_word: re.Pattern[str]
    day_after_month: re.Pattern[str]
    relative_word: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _calendar_words() -> _CalendarWords:
    from chrono.tagger.resources import load, words_regex  # (the tagger loads only where it is needed)

    res = load("en")
    months = {str(word): int(number) for word, number in res.classes.get("month", {}).items()
              if not str(word).endswith(".")}
    weekdays = {str(word): int(number) - 1 for word, number in res.classes.get("weekday", {}).items()}
    modal = frozenset(word for word in months if res.has("tense_future", word))
    names = sorted(months, key=len, reverse=True)
    ordinal = "|".join(re.escape(str(suffix)) for suffix in res.classes.get("ordinal_suffix", {}))
    return _CalendarWords(
        months, weekdays, modal,
        compile_kept(rf"\b({_alternation(names)})\b(\.)?", re.IGNORECASE),
        compile_kept(rf"\b({_alternation(weekdays)})\b", re.IGNORECASE),
        # (not "may": "may 10 people")
        compile_kept(rf"\b(?:{_alternation(n for n in names if n not in modal)})\.?\s+(\d{{1,2}})"
                     rf"(?:{ordinal})?\b", re.IGNORECASE),
        words_regex(res, r"\b({timeml_relative_word})\b", re.IGNORECASE),
    )


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, in the order given (none: no match)."""
    return "|".join(re.escape(word) for word in words) or "(?!)"


_YEAR_WORD = lazy_compile(r"(?<![\d.,$-])(1[6-9]\d\d|20\d\d)(?![\d,.]\d|s\b|'s\b)")
_FULL_DATE = lazy_compile(r"(\d{4})-(\d{2})-(\d{2})")


def value_text_disagreements(text: str, value: str) -> list[str]:
    """Ways an explicit date in ``text`` contradicts the timex ``value`` (empty if none).

    Only words that name a calendar field outright are compared (a four-digit year, a month
    name, a day after a month name, a weekday with a full date), and only against the fields
    the value itself states; relative words ("last year", "Tuesday" without a date) say
    nothing the value could disagree with.
    """
    value = value.strip()
    if not value[:4].isdigit():
        return []
    problems: list[str] = []
    year = int(value[:4])
    years = {int(m.group(1)) for m in _YEAR_WORD.finditer(text)}
    if years and year not in years and len(years) == 1:
        problems.append(f"the text says {years.pop()} but the value says {year}")
    month_match = re.match(r"\d{4}-(\d{2})\b", value)
    words = _calendar_words()
    if month_match:
        month = int(month_match.group(1))
        months = set()
        for m in words.month_word.finditer(text):
            word = m.group(1).lower()
            # "may" is a verb, "mar" and "sun" words too: only take capitalised month words.
            modal = word in words.modal_months
            if m.group(1)[0].isupper() and (not modal or m.group(1) == word.capitalize()):
                months.add(words.months[word])
        if len(months) == 1 and month not in months:
            problems.append(f"the text names month {months.pop():02d} but the value says {month:02d}")
    full = _FULL_DATE.match(value)
    if full:
        day = int(full.group(3))
        days = {int(m.group(1)) for m in words.day_after_month.finditer(text)}
        if len(days) == 1 and day not in days:
            problems.append(f"the text names day {days.pop()} but the value says {day:02d}")
        weekday_words = {words.weekdays[m.group(1).lower()] for m in words.weekday_word.finditer(text)}
        if len(weekday_words) == 1 and not words.relative_word.search(text):
            try:
                actual: int | None = datetime.date(int(full.group(1)), int(full.group(2)), day).weekday()
            except ValueError:
                actual = None
            said = weekday_words.pop()
            if actual is not None and actual != said:
                problems.append(
                    f"the text says {calendar.day_name[said]} but {full.group(0)} is a "
                    f"{calendar.day_name[actual]}"
                )
    return problems


# ---------------------------------------------------------------------------------------------
# Compiling


@attrs.frozen
class TimeMLCompiled:
    """What the compiler makes of a TimeML document (besides :class:`chrono.analysis.Compiled`)."""

    document: Document
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...]
    # TLINKs that were not compiled, by reason ("set", "vague", "unknown-id", "bad")
    skipped: dict[str, int] = attrs.field(factory=dict)
    # the gold TIMEX3 (the DCT's too) where their words are in the file
    timexes: tuple[Timex, ...] = ()


class _Compiler:
    def __init__(self, document: Document, hemisphere: Hemisphere) -> None:
        self.document = document
        self.hemisphere = hemisphere
        self.events: list[Event] = []
        self.value_claims: list[Claim] = []
        self.link_claims: list[Claim] = []
        self.problems: list[Problem] = []
        self.skipped: dict[str, int] = {}
        self.where = _locate_elements(document.text)

    def problem(self, kind: ProblemKind, message: str, span: Span) -> None:
        self.problems.append(Problem(kind, message, Span(span.start, span.end, "primary")))

    def used_again(
        self, what: str, span: Span, uses: dict[str, tuple[int, int]], ident: str, tail: str
    ) -> None:
        """One problem per repeated id however often it repeats ('... is used twice', '... is
        used 500 times'), where it was first repeated: thousands of copies said nothing more."""
        index, count = uses.get(ident, (len(self.problems), 1))
        count += 1
        times = "twice" if count == 2 else f"{count:,} times"
        cited = Span(span.start, span.end, "primary")
        problem = Problem(UNKNOWN_ID, f"{what} {ident} is used {times}{tail}", cited)
        if count == 2:
            self.problems.append(problem)
        else:
            self.problems[index] = problem
        uses[ident] = (index, count)

    def nested(self, tml: TimeMLDocument) -> None:
        for note in tml.nested:
            what = f"{note.tag} {note.ident}" if note.ident else f"a {note.tag} without an id"
            inside = "a tag" if note.count == 1 else f"{note.count:,} tags"
            self.problem(
                MALFORMED,
                f"{what} holds {inside} (the first on line {note.first_line}): in TimeML a TIMEX3, "
                "EVENT or SIGNAL holds only words, so the tags inside it were left out",
                self.locate(note.tag, note.ident, note.line),
            )

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def locate(self, tag: str, ident: str, line: int, *, content: bool = False) -> Span:
        found = self.where.get((tag, ident))
        if found is None:
            return _line_span(self.document, line)
        return found.content if content else found.element

    # --- the DCT ----------------------------------------------------------------------------
    def dct(self, tml: TimeMLDocument) -> DocumentDate | None:
        """The document's own DCT (a malformed one is reported and left out)."""
        timex = tml.dct_timex
        if timex is None:
            return None
        span = self.locate("TIMEX3", timex.tid, timex.line)
        try:
            period = parse_value(timex.value, hemisphere=self.hemisphere)
        except (InvalidValue, NotAPeriod) as error:
            reason = error.reason if isinstance(error, InvalidValue) else str(error)
            self.problem(
                MALFORMED_DCT,
                f"the DCT {timex.tid} has value {timex.value!r}, which is not a calendar date: {reason}",
                span,
            )
            return None
        if not period.bounded:
            self.problem(
                MALFORMED_DCT,
                f"the DCT {timex.tid} has value {timex.value!r}, which is not one bounded date",
                span,
            )
            return None
        return DocumentDate(period, timex.value, "TimeML DCT")

    # --- timexes -----------------------------------------------------------------------------
    def timexes(self, tml: TimeMLDocument, dct: Period | None) -> dict[str, TimeMLTimex]:
        known: dict[str, TimeMLTimex] = {}
        repeated: dict[str, tuple[int, int]] = {}
        every = list(tml.timexes)
        if tml.dct_timex is not None:
            every.insert(0, tml.dct_timex)
        for timex in every:
            is_dct = timex is tml.dct_timex
            span = self.locate("TIMEX3", timex.tid, timex.line)
            words = self.locate("TIMEX3", timex.tid, timex.line, content=True)
            if not timex.tid:
                self.problem(UNKNOWN_ID, "a TIMEX3 without a tid: no link can refer to it", span)
                continue
            if timex.tid in known:
                self.used_again("TIMEX3 id", span, repeated, timex.tid, " (the first one counts)")
                continue
            known[timex.tid] = timex
            if timex.type == "SET":
                if not well_formed("SET", timex.value):
                    self.problem(
                        MALFORMED_VALUE,
                        f"TIMEX3 {timex.tid} (SET): {timex.value!r} is not a TIMEX3 set value",
                        words,
                    )
                continue
            self.events.append(Event(timex.tid, timex.text, words, event_class=f"TIMEX3 {timex.type}"))
            if is_dct:
                if dct is not None:
                    self.value_claims.append(self.value_claim(timex, dct, words, is_dct=True))
                continue
            self.timex_value(timex, dct, words)
        return known

    def value_claim(self, timex: TimeMLTimex, period: Period, span: Span, *, is_dct: bool = False) -> Claim:
        shown = Period(
            period.start, period.end, timex.value + (f" ({timex.mod})" if placing_mod(timex.mod) else "")
        )
        return TimexValueClaim(
            timex.tid, Part.WHOLE, Qualifier.IN, shown, span, tid=timex.tid, text=timex.text, is_dct=is_dct
        )

    def timex_value(self, timex: TimeMLTimex, dct: Period | None, words: Span) -> None:
        value = timex.value.strip()
        if timex.type not in ("DATE", "TIME", "DURATION"):
            self.problem(
                MALFORMED_VALUE,
                f"TIMEX3 {timex.tid} has type {timex.type!r} (expected DATE, TIME, DURATION or SET)",
                words,
            )
            return
        if not value:
            self.problem(MALFORMED_VALUE, f"TIMEX3 {timex.tid} {_words(timex.text)} has no value", words)
            return
        if timex.type == "DURATION":
            if not well_formed("DURATION", value):
                self.problem(
                    MALFORMED_VALUE,
                    f"TIMEX3 {timex.tid} {_words(timex.text)} is a DURATION but "
                    f"its value {value!r} is not a duration (P…)",
                    words,
                )
            return
        if value == "PRESENT_REF":
            # "now", "currently", "these days": the present around the DCT, of no stated extent;
            # pinning it to the DCT's day would turn loose uses into errors. Left unplaced.
            return
        try:
            period = parse_value(value, mod=placing_mod(timex.mod), hemisphere=self.hemisphere, dct=dct)
        except InvalidValue as error:
            self.problem(
                MALFORMED_VALUE,
                f"TIMEX3 {timex.tid} {_words(timex.text)}: value {value!r} names "
                f"no real time: {error.reason}",
                words,
            )
            return
        except NotAPeriod:
            if not well_formed(timex.type, value):
                week = re.fullmatch(r"(\d{4})-W(\d)", value)
                hint = f" (ISO weeks have two digits: {week.group(1)}-W0{week.group(2)})" if week else ""
                self.problem(
                    MALFORMED_VALUE,
                    f"TIMEX3 {timex.tid} {_words(timex.text)}: {value!r} is not a "
                    f"TIMEX3 {timex.type} value{hint}",
                    words,
                )
            return
        for disagreement in value_text_disagreements(timex.text, value):
            self.problem(
                VALUE_TEXT,
                f"TIMEX3 {timex.tid} {_words(timex.text)} has value {value!r}: {disagreement}",
                words,
            )
        if period.start is None and period.end is None:
            return
        self.value_claims.append(self.value_claim(timex, period, words))

    # --- events ------------------------------------------------------------------------------
    def instances(self, tml: TimeMLDocument, timexes: dict[str, TimeMLTimex]) -> dict[str, str]:
        """eiid -> the event's words; adds one network event per instance."""
        events = {}
        repeated: dict[str, tuple[int, int]] = {}
        for event in tml.events:
            if event.eid in events:
                span = self.locate("EVENT", event.eid, event.line)
                self.used_again("EVENT id", span, repeated, event.eid, " (the first one counts)")
                continue
            events[event.eid] = event
        texts: dict[str, str] = {}
        repeated = {}
        for instance in tml.makeinstances:
            span = self.locate("MAKEINSTANCE", instance.eiid, instance.line)
            if not instance.eiid:
                self.problem(UNKNOWN_ID, "a MAKEINSTANCE without an eiid: no link can refer to it", span)
                continue
            if instance.eiid in texts or instance.eiid in timexes:
                self.used_again("instance id", span, repeated, instance.eiid, " (the first one counts)")
                continue
            annotated = events.get(instance.event_id)
            if annotated is None:
                self.problem(
                    UNKNOWN_ID,
                    f"MAKEINSTANCE {instance.eiid} refers to event "
                    f"{instance.event_id or '(none)'!r}, which no EVENT has",
                    span,
                )
                continue
            words = self.locate("EVENT", annotated.eid, annotated.line, content=True)
            texts[instance.eiid] = annotated.text
            self.events.append(Event(instance.eiid, annotated.text, words, event_class=annotated.event_class))
        return texts

    # --- links -------------------------------------------------------------------------------
    def tlinks(self, tml: TimeMLDocument, timexes: dict[str, TimeMLTimex], instances: dict[str, str]) -> None:
        seen: set[str] = set()
        repeated: dict[str, tuple[int, int]] = {}
        for link in tml.tlinks:
            span = (
                self.locate("TLINK", link.lid, link.line)
                if link.lid
                else _line_span(self.document, link.line)
            )
            name = f"TLINK {link.lid}" if link.lid else "a TLINK without a lid"
            if link.lid in seen:
                self.used_again("TLINK id", span, repeated, link.lid, "")
            seen.add(link.lid)
            rel_type = link.rel_type.strip().upper()
            if rel_type in VAGUE_REL_TYPES:
                self.skip("vague")
                continue
            relation = REL_TYPES.get(rel_type)
            ends = [(link.source, link.source_kind, "source"), (link.target, link.target_kind, "target")]
            if relation is None or any(ident is None for ident, _, _ in ends):
                missing = [role for ident, _, role in ends if ident is None]
                why = (
                    f"relType {link.rel_type!r} is not a TimeML relation"
                    if relation is None
                    else f"it has no {' and no '.join(missing)}"
                )
                self.problem(BAD_LINK, f"{name} cannot be read: {why}", span)
                self.skip("bad")
                continue
            unknown = False
            texts = []
            for ident, kind, _ in ends:
                assert ident is not None
                if kind == "event":
                    if ident not in instances:
                        why = _no_instance(tml, ident)
                        self.problem(UNKNOWN_ID, f"{name} refers to event instance {ident!r}, {why}", span)
                        unknown = True
                    texts.append(instances.get(ident, ""))
                else:
                    if ident not in timexes:
                        self.problem(
                            UNKNOWN_ID, f"{name} refers to time {ident!r}, which no TIMEX3 has", span
                        )
                        unknown = True
                    texts.append(timexes[ident].text if ident in timexes else "")
            if unknown:
                self.skip("unknown-id")
                continue
            source, target = link.source, link.target
            assert source is not None
            assert target is not None
            if source == target and relation in (Relation.BEFORE, Relation.AFTER):
                self.problem(
                    BAD_LINK,
                    f"{name} says {_words(texts[0])} ({source}) is {rel_type} itself, which no event can be",
                    span,
                )
                self.skip("bad")
                continue
            if any(timexes[i].type == "SET" for i in (source, target) if i in timexes):
                self.skip("set")
                continue
            self.link_claims.append(
                TlinkClaim(
                    source,
                    relation,
                    target,
                    Span(span.start, span.end),
                    lid=link.lid,
                    rel_type=rel_type,
                    a_text=texts[0],
                    b_text=texts[1],
                )
            )

    def relation_rows(
        self,
        rows: Iterable[RelationRow],
        timexes: dict[str, TimeMLTimex],
        instances: dict[str, str],
        tml: TimeMLDocument,
    ) -> None:
        """Relations of a relation-only corpus (TimeBank-Dense, MATRES) for this document.

        TimeBank-Dense names events by ``eid``: they stand for the event's first instance. Each
        claim is cited by the words of its first end (the row itself is in another file).
        """
        first_instance: dict[str, str] = {}
        for instance in tml.makeinstances:
            first_instance.setdefault(instance.event_id, instance.eiid)
        spans = {event.id: event.span for event in self.events}
        for row in rows:
            name = f"{row.corpus} line {row.line}"
            if row.rel_type in VAGUE_REL_TYPES:
                self.skip("vague")
                continue
            ends = []
            for ident in (row.source, row.target):
                resolved = ident if ident in instances or ident in timexes else first_instance.get(ident)
                if resolved is None or (resolved not in instances and resolved not in timexes):
                    self.problem(
                        UNKNOWN_ID,
                        f"{name} refers to {ident!r}, which this document does not have",
                        Span(0, 0),
                    )
                    break
                ends.append(resolved)
            if len(ends) != 2:
                self.skip("unknown-id")
                continue
            source, target = ends
            if any(timexes[i].type == "SET" for i in ends if i in timexes):
                self.skip("set")
                continue
            if source == target:
                self.skip("bad")
                continue
            texts = [instances.get(i) or (timexes[i].text if i in timexes else "") for i in ends]
            span = spans.get(source, Span(0, 0))
            self.link_claims.append(
                TlinkClaim(
                    source,
                    REL_TYPES[row.rel_type],
                    target,
                    Span(span.start, span.end),
                    lid=f"line {row.line}",
                    rel_type=row.rel_type,
                    a_text=texts[0],
                    b_text=texts[1],
                    origin=row.corpus,
                )
            )

    def other_ids(
        self, tml: TimeMLDocument, timexes: dict[str, TimeMLTimex], instances: dict[str, str]
    ) -> None:
        """anchorTimeID / beginPoint / endPoint and SLINK / ALINK ends must name something."""
        for timex in [*tml.timexes, *([tml.dct_timex] if tml.dct_timex else [])]:
            for attribute, ident in (
                ("anchorTimeID", timex.anchor_time_id),
                ("beginPoint", timex.begin_point),
                ("endPoint", timex.end_point),
            ):
                if ident and ident not in timexes:
                    self.problem(
                        UNKNOWN_ID,
                        f"TIMEX3 {timex.tid} has {attribute}={ident!r}, which no TIMEX3 has",
                        self.locate("TIMEX3", timex.tid, timex.line),
                    )
        links: Iterable[tuple[str, int, str, Iterable[str | None]]] = [
            *(
                ("SLINK", s.line, s.lid, (s.event_instance_id, s.subordinated_event_instance))
                for s in tml.slinks
            ),
            *(
                ("ALINK", a.line, a.lid, (a.event_instance_id, a.related_to_event_instance))
                for a in tml.alinks
            ),
        ]
        for tag, line, lid, idents in links:
            for ident in idents:
                if ident and ident not in instances:
                    self.problem(
                        UNKNOWN_ID,
                        f"{tag} {lid} refers to event instance {ident!r}, {_no_instance(tml, ident)}",
                        self.locate(tag, lid, line),
                    )


def _no_instance(tml: TimeMLDocument, ident: str) -> str:
    """Why a link's event instance is unknown: a MAKEINSTANCE that itself dangles (reported at
    the MAKEINSTANCE, so the link only points there), an event id, or nothing at all."""
    eids = {event.eid for event in tml.events}
    dangling = next((m for m in tml.makeinstances if m.eiid == ident and m.event_id not in eids), None)
    if dangling is not None:
        return f"whose MAKEINSTANCE (line {dangling.line}) names no EVENT"
    if ident in eids:
        return "which no MAKEINSTANCE has (an event id: links name instances, eiid)"
    return "which no MAKEINSTANCE has"


def compile_document(
    document: Document,
    options: ReadingOptions | None = None,
    *,
    relations: Iterable[RelationRow] = (),
    use_tlinks: bool = True,
) -> TimeMLCompiled:
    """Compile a TimeML document against the date :func:`chrono.document_date.document_date`
    chooses (``--dct``, the file's DCT, the configuration's) for reference values.

    ``relations`` adds the rows of a relation-only corpus (TimeBank-Dense, MATRES; see
    :func:`chrono.timeml.parse_relations`) for this document; ``use_tlinks=False`` checks them
    against the document's TIMEX3 values without its own TLINKs.
    """
    options = options or ReadingOptions()
    compiler = _Compiler(document, options.hemisphere)
    try:
        tml = parse_timeml(document.text)
    except TimeMLError as error:
        span = Span(0, 0)
        if error.line is not None:
            span = _line_span(document, error.line)
        message = str(error).removeprefix(f"{error.line}: ") if error.line is not None else str(error)
        return TimeMLCompiled(
            document, (), (), (Problem(MALFORMED, message, Span(span.start, span.end, "primary")),)
        )
    compiler.nested(tml)
    date = document_date(compiler.dct(tml), options)
    if date is None and tml.dct_timex is None:  # (a malformed DCT is reported as such)
        compiler.problem(
            MISSING_DCT,
            'no document creation time: no TIMEX3 with functionInDocument="CREATION_TIME" '
            "(links to the DCT and PRESENT_REF/PAST_REF/FUTURE_REF values cannot be checked)",
            Span(0, 0),
        )
    effective = date.period if date else None
    timexes = compiler.timexes(tml, effective)
    instances = compiler.instances(tml, timexes)
    if use_tlinks:
        compiler.tlinks(tml, timexes, instances)
    compiler.relation_rows(relations, timexes, instances, tml)
    compiler.other_ids(tml, timexes, instances)
    exists: list[Claim] = [EventExists(event.id, event.span) for event in compiler.events]
    document = attrs.evolve(
        document,
        dct=effective,
        dct_value=date.value if date else None,
        dct_source=date.source if date else None,
        meta={
            **document.meta,
            "doc_id": tml.doc_id,
            "tlinks": len(tml.tlinks),
            "tlinks_skipped": dict(compiler.skipped),
        },
    )
    # Claim order matters: after a conflict, the solver sets aside the latest claim in it, so
    # the gold values come first and the TLINKs, in file order, after them.
    claims = (*exists, *compiler.value_claims, *compiler.link_claims)
    from chrono.tagger.timex import Timex  # the gold expressions, as the tagger's own type

    located = ((compiler.locate("TIMEX3", t.tid, t.line, content=True), t) for t in timexes.values())
    gold = tuple(sorted((Timex(w.start, w.end, t.text, t.type, t.value, mod=t.mod) for w, t in located),
                        key=lambda timex: (timex.start, timex.end)))
    return TimeMLCompiled(
        document, tuple(compiler.events), claims, tuple(compiler.problems), dict(compiler.skipped), gold
    )


def compile_timeml(document: Document, options: ReadingOptions) -> Compiled:
    """The reader of the "timeml" kind (see ``chrono.readers.READERS``)."""
    compiled = compile_document(document, options)
    return Compiled(compiled.document, compiled.events, compiled.claims, compiled.problems, compiled.timexes)


def value_claims(claims: Iterable[Claim]) -> Iterator[tuple[int, TimexValueClaim]]:
    for index, claim in enumerate(claims):
        if isinstance(claim, TimexValueClaim):
            yield index, claim
