"""Structured timeline files (.yaml, .yml, .json) -> events and claims.

The format (JSON Schema: ``chrono/schemas/timeline.schema.json``)::

    dct: 2025-04-24            # document creation time, for "since"
    hemisphere: north          # for seasons (optional)
    events:
      - id: incursion
        text: Forces cross the border
        on: 2024-08-06          # whole event within the day
        start: after 2024-07    # or a qualified value: by / before / after / since / in
        end: by 2025-03
        duration: 2-3 weeks
    relations:
      - sudzha after incursion
      - recapture 1-2 days after sudzha
      - {a: recapture, relation: after, b: sudzha, offset: at least 6 months}
      - {from: incursion.start, to: recapture.end, offset: at most 1 year}

Every problem (unknown key, bad value, unknown event, duplicate id) becomes a
:class:`Problem` with the span of the offending text; the rest of the file is still used.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache

import attrs

from chrono.document_date import DocumentDate, document_date
from chrono.lazy_regex import lazy_compile
from chrono.located import Mapping, Node, Scalar, Sequence, SyntaxProblem, parse_json, parse_yaml
from chrono.model import (
    Claim,
    Document,
    DurationClaim,
    Endpoint,
    Event,
    EventExists,
    Gap,
    GapClaim,
    LineIndex,
    Part,
    PeriodClaim,
    Qualifier,
    Relation,
    RelationClaim,
    Side,
    Span,
)
from chrono.options import ReadingOptions
from chrono.periods import (
    CALENDAR_END,
    CALENDAR_START,
    Hemisphere,
    InvalidValue,
    NotAPeriod,
    Period,
    parse_value,
)
from chrono.problems import Problem, ProblemKind
from chrono.resources import load_yaml

TOP_KEYS = ("dct", "title", "description", "hemisphere", "events", "relations")
EVENT_KEYS = ("id", "text", "on", "start", "end", "duration", "key", "class", "note")
RELATION_KEYS = ("a", "relation", "b", "offset", "from", "to", "note")
# YAML's merge key; one whose value cannot be merged stays in the mapping as an ordinary key
MERGE_KEY = "<<"
# An event id is one word in any script: no spaces or control characters, no ASCII punctuation
# but _ . : / - (which never start it), no combining mark first. Written with escapes that mean
# the same in Python's re and ECMA-262, so the JSON Schema uses this very pattern (a test checks).
EVENT_ID_PATTERN = (
    r"^[^\s\u0000-\u002f\u003a-\u0040\u005b-\u005e\u0060\u007b-\u007f\u0300-\u036f]"
    r"[^\s\u0000-\u002c\u003b-\u0040\u005b-\u005e\u0060\u007b-\u007f]*$"
)
_EVENT_ID = lazy_compile(EVENT_ID_PATTERN)


def event_id_of(text: str) -> str:
    """The id as events are compared: NFC, so 'cafe\u0301' and 'caf\u00e9' are one event."""
    return unicodedata.normalize("NFC", text)


@attrs.frozen
class ParsedTimeline:
    date: DocumentDate | None  # the date the file was read against (chrono.document_date)
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...]


class _Reject(Exception):
    def __init__(self, kind: ProblemKind, message: str, span: Span) -> None:
        super().__init__(message)
        self.problem = Problem(kind, message, span)


# ---------------------------------------------------------------------------------------------
# Small grammars: qualified values, gaps, relations


@lru_cache(maxsize=1)
def _relation_words() -> dict[str, Relation]:
    table: dict[str, str] = load_yaml("data", "relation_words.yaml")
    words = {key.lower(): Relation(value) for key, value in table.items()}
    words.update({r.value.lower().replace("_", " "): r for r in Relation})
    return words


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[int, int]]:
    table: dict[str, list[int]] = load_yaml("data", "units.yaml")
    return {name: (low, high) for name, (low, high) in table.items()}


_GAP = lazy_compile(
    r"(?P<lead>at least|at most|more than|less than|exactly|about|over|under|within)?\s*"
    r"(?P<low>\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(?P<high>\d+(?:\.\d+)?))?\s*(?P<unit>[a-z]+?)s?",
    re.IGNORECASE,
)
_ISO_DURATION = lazy_compile(
    r"P(?:(?P<year>\d+)Y)?(?:(?P<month>\d+)M)?(?:(?P<week>\d+)W)?(?:(?P<day>\d+)D)?"
    r"(?:T(?:(?P<hour>\d+)H)?(?:(?P<minute>\d+)M)?(?:(?P<second>\d+)S)?)?"
)


def _within_the_calendar(number: str, unit_low: int, text: str) -> None:
    """Raise ValueError for a length no event on the calendar can have: at its shortest reading,
    longer than the years 0001-9999 together (and too long for exact arithmetic on floats)."""
    if Decimal(number) * unit_low > CALENDAR_END - CALENDAR_START:
        shown = text if len(text) <= 40 else f"{text[:16]}…{text[-16:]}"
        raise ValueError(
            f"{shown!r} is longer than the whole calendar (the years 0001 to 9999): no event can "
            "last that long or lie that far from another"
        )


def parse_gap(text: str) -> Gap:
    """'2-3 days', 'at least 6 months', 'about 2 weeks', 'P10D' -> bounds in seconds."""
    cleaned = " ".join(text.split())
    iso = _ISO_DURATION.fullmatch(cleaned)
    if iso and any(iso.groupdict().values()):
        shortest = longest = 0
        for unit, count in iso.groupdict().items():
            if count:
                unit_low, unit_high = _units()[unit]
                _within_the_calendar(count, unit_low, cleaned)
                shortest += int(count) * unit_low
                longest += int(count) * unit_high
        _within_the_calendar(str(shortest), 1, cleaned)
        return Gap(shortest, longest, cleaned)
    match = _GAP.fullmatch(cleaned)
    if not match:
        raise ValueError(
            f"cannot read {text!r} as a length of time (try '3 days', '2-3 weeks', "
            "'at least 6 months' or 'P10D')"
        )
    unit = match["unit"].lower()
    if unit not in _units():
        known = ", ".join(_units())
        raise ValueError(f"unknown unit {match['unit']!r} in {text!r} (known: {known})")
    unit_low, unit_high = _units()[unit]
    for number in (match["low"], match["high"] or match["low"]):
        _within_the_calendar(number, unit_low, cleaned)
    low: float = float(match["low"])
    high: float = float(match["high"]) if match["high"] else low
    if high < low:
        raise ValueError(f"the range in {text!r} runs backwards")
    lead = (match["lead"] or "").lower()
    lower: int | None = round(low * unit_low)
    upper: int | None = round(high * unit_high)
    if lead in ("at least", "more than", "over"):
        upper = None
    elif lead in ("at most", "less than", "under", "within"):
        lower = 0
    elif lead == "about":
        lower, upper = round(max(low - 1, 0) * unit_low), round((high + 1) * unit_high)
    return Gap(lower, upper, cleaned)


_QUALIFIED = lazy_compile(
    r"(?:(?P<qualifier>by|before|after|since|in|on or after|on|until|till)\s+)?"
    r"(?:(?P<mod>early|mid|late|about|circa|approximately)\s+)?(?P<value>\S+)",
    re.IGNORECASE,
)
_QUALIFIERS = {
    "by": Qualifier.BY,
    "until": Qualifier.UNTIL,
    "till": Qualifier.UNTIL,
    "before": Qualifier.BEFORE,
    "after": Qualifier.AFTER,
    "since": Qualifier.SINCE,
    "in": Qualifier.IN,
    "on": Qualifier.IN,
    "on or after": Qualifier.ON_OR_AFTER,
}
_MODS = {
    "early": "START",
    "mid": "MID",
    "late": "END",
    "about": "APPROX",
    "circa": "APPROX",
    "approximately": "APPROX",
}


def parse_qualified(text: str, hemisphere: Hemisphere, dct: Period | None) -> tuple[Qualifier, Period]:
    """'by 2025-03' -> (BY, the March 2025 period). Raises InvalidValue / ValueError."""
    match = _QUALIFIED.fullmatch(" ".join(text.split()))
    if not match:
        raise ValueError(
            f"cannot read {text!r}: expected a date value such as 2024-08-06, "
            "optionally after by / before / after / since"
        )
    qualifier = _QUALIFIERS[(match["qualifier"] or "in").lower()]
    mod = _MODS[match["mod"].lower()] if match["mod"] else None
    try:
        period = parse_value(
            match["value"].upper() if "_REF" in match["value"].upper() else match["value"],
            mod=mod,
            hemisphere=hemisphere,
            dct=dct,
        )
    except NotAPeriod as error:
        raise ValueError(f"{match['value']!r} is not a date value: {error}") from None
    return qualifier, period


def _split_relation(text: str) -> tuple[str, str, str, str]:
    """'A 2-3 days after B' / 'A after B by 2 days' -> (A, relation words, B, gap text)."""
    tokens = text.split()
    if len(tokens) < 3:
        raise ValueError(f"a relation reads 'A <relation> B', got {text!r}")
    gap = ""
    lowered = [t.lower() for t in tokens]
    if "by" in lowered[2:]:
        at = len(lowered) - 1 - lowered[::-1].index("by")
        gap = " ".join(tokens[at + 1 :])
        tokens = tokens[:at]
    if len(tokens) < 3:
        raise ValueError(f"a relation reads 'A <relation> B [by <offset>]', got {text!r}")
    first, middle, second = tokens[0], tokens[1:-1], tokens[-1]
    words = _relation_words()
    for cut in range(len(middle)):
        phrase = " ".join(middle[cut:]).lower().replace("-", " ").replace("_", " ")
        if phrase in words:
            lead = " ".join(middle[:cut])
            if lead and gap:
                raise ValueError(f"give the offset once, before the relation or after 'by': {text!r}")
            return first, phrase, second, lead or gap
    known = ", ".join(sorted(set(_relation_words()) - {r.value.lower() for r in Relation}))
    raise ValueError(f"unknown relation {' '.join(middle)!r} in {text!r} (known: {known})")


def relation_of(words: str) -> Relation:
    key = " ".join(words.lower().replace("-", " ").replace("_", " ").split())
    if key not in _relation_words():
        raise ValueError(f"unknown relation {words!r}")
    return _relation_words()[key]


# ---------------------------------------------------------------------------------------------
# The file


def _suggest(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"(expected one of: {', '.join(choices)}){hint}"


def _check_keys(mapping: Mapping, allowed: tuple[str, ...], where: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for key, _ in mapping.items:
        if key.text == MERGE_KEY:
            yield Problem(
                ProblemKind.SCHEMA,
                f"the merge key '<<' in {where} takes a mapping (such as *defaults) or a list of "
                "mappings, so nothing was merged",
                key.span,
            )
        elif key.text not in allowed:
            yield Problem(
                ProblemKind.SCHEMA,
                f"unknown key {key.text!r} in {where} {_suggest(key.text, allowed)}",
                key.span
            )
        elif key.text in seen:
            yield Problem(ProblemKind.SCHEMA, f"key {key.text!r} appears twice in {where}", key.span)
        seen.add(key.text)


def _get(mapping: Mapping, key: str) -> Node | None:
    found = None
    for k, value in mapping.items:
        if k.text == key:
            found = value
    return found


def _scalar(node: Node | None, what: str) -> Scalar | None:
    if node is None:
        return None
    if not isinstance(node, Scalar):
        raise _Reject(
            ProblemKind.SCHEMA,
            f"{what} must be a single value, not a {type(node).__name__.lower()}",
            node.span
        )
    if node.null:
        raise _Reject(ProblemKind.SCHEMA, f"{what} is empty", node.span)
    return node


def _value_problem(error: Exception, span: Span) -> _Reject:
    kind = ProblemKind.CALENDAR if isinstance(error, InvalidValue) else ProblemKind.SCHEMA
    message = (
        f"impossible date {error.value!r}: {error.reason}" if isinstance(error, InvalidValue) else str(error)
    )
    return _Reject(kind, message, span)


# A time of day with an explicit zone: "T14:30Z", "T14:30+02:00", "T09-05".
_ZONED = lazy_compile(r"T\d\d(?::\d\d){0,2}(?:\.\d+)?(?:Z|[+-]\d\d(?::?\d\d)?)\b")
_EARLIEST_ZONE, _LATEST_ZONE = 14 * 3600, 12 * 3600  # UTC+14 .. UTC-12


def _local_anywhere(period: Period) -> Period:
    """A date without a zone, in a file that also has zoned times: it is local time somewhere,
    so in UTC it may begin up to 14 hours earlier and end up to 12 hours later."""
    start = None if period.start is None else period.start - _EARLIEST_ZONE
    end = None if period.end is None else period.end + _LATEST_ZONE
    return Period(start, end, period.value)


class _Builder:
    def __init__(self, dct: Period | None, hemisphere: Hemisphere, lines: LineIndex) -> None:
        self.lines = lines
        # zoneless dates are widened to every zone once the file mixes in zoned times
        self.zoned = False
        self.dct = dct
        self.hemisphere = hemisphere
        self.events: dict[str, Event] = {}
        self.claims: list[Claim] = []
        self.problems: list[Problem] = []

    def event(self, node: Node, position: int) -> None:
        where = f"event #{position}"
        if not isinstance(node, Mapping):
            raise _Reject(ProblemKind.SCHEMA, f"{where} must be a mapping with at least an 'id'", node.span)
        self.problems.extend(_check_keys(node, EVENT_KEYS, where))
        id_node = _scalar(_get(node, "id"), f"the id of {where}")
        if id_node is None:
            raise _Reject(ProblemKind.SCHEMA, f"{where} has no 'id'", node.span)
        event_id = event_id_of(id_node.text)
        if not _EVENT_ID.fullmatch(event_id):
            raise _Reject(
                ProblemKind.SCHEMA,
                f"event id {event_id!r} must be one word: letters, marks and digits of any script, "
                "no spaces, and no ASCII punctuation but _ . : / - (not first)",
                id_node.span,
            )
        if event_id in self.events:
            line, _ = self.lines.position(self.events[event_id].span.start)
            raise _Reject(
                ProblemKind.SCHEMA,
                f"duplicate event id {event_id!r} (first defined on line {line}); this definition is ignored",
                id_node.span,
            )
        text_node = _get(node, "text")
        text = text_node.text if isinstance(text_node, Scalar) else ""
        key_node = _get(node, "key")
        class_node = _get(node, "class")
        self.events[event_id] = Event(
            event_id,
            text,
            id_node.span,
            key=event_id_of(key_node.text) if isinstance(key_node, Scalar) and not key_node.null else None,
            event_class=class_node.text if isinstance(class_node, Scalar) and not class_node.null else None,
        )
        self.claims.append(EventExists(event_id, id_node.span))
        for field, part in (("on", Part.WHOLE), ("start", Part.START), ("end", Part.END)):
            self.attempt(functools.partial(self.period_claim, node, event_id, field, part))
        self.attempt(functools.partial(self.duration, node, event_id))

    def attempt(self, action: Callable[[], None]) -> None:
        try:
            action()
        except _Reject as reject:
            self.problems.append(reject.problem)

    def period_claim(self, node: Mapping, event_id: str, field: str, part: Part) -> None:
        value = _scalar(_get(node, field), f"'{field}' of event {event_id!r}")
        if value is None:
            return
        try:
            qualifier, period = parse_qualified(value.text, self.hemisphere, self.dct)
        except (InvalidValue, ValueError) as error:
            raise _value_problem(error, value.span) from None
        if self.zoned and not _ZONED.search(value.text):
            period = _local_anywhere(period)
        ongoing = started_by = None
        if qualifier is Qualifier.SINCE:
            if part is Part.END:
                raise _Reject(
                    ProblemKind.SCHEMA,
                    f"'since' describes a start: use it with 'start' or 'on', not 'end' (event {event_id!r})",
                    value.span,
                )
            part = Part.START
            ongoing = self.dct.start if self.dct is not None else None
            started_by = self.dct.end if self.dct is not None else None
        self.claims.append(PeriodClaim(event_id, part, qualifier, period, value.span, ongoing, started_by))

    def duration(self, node: Mapping, event_id: str) -> None:
        value = _scalar(_get(node, "duration"), f"'duration' of event {event_id!r}")
        if value is None:
            return
        try:
            gap = parse_gap(value.text)
        except ValueError as error:
            raise _Reject(ProblemKind.SCHEMA, str(error), value.span) from None
        self.claims.append(DurationClaim(event_id, gap, value.span))

    def known(self, written: str, span: Span) -> str:
        event_id = event_id_of(written)
        if event_id not in self.events:
            close = difflib.get_close_matches(event_id, list(self.events), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise _Reject(ProblemKind.UNKNOWN_EVENT, f"relation names unknown event {event_id!r}{hint}", span)
        return event_id

    def relation(self, node: Node, position: int) -> None:
        where = f"relation #{position}"
        if isinstance(node, Scalar):
            if node.null:
                raise _Reject(ProblemKind.SCHEMA, f"{where} is empty", node.span)
            try:
                first, words, second, gap_text = _split_relation(node.text)
                relation = relation_of(words)
                gap = parse_gap(gap_text) if gap_text else None
            except ValueError as error:
                raise _Reject(ProblemKind.SCHEMA, str(error), node.span) from None
            self.add_relation(first, relation, second, gap, node.span)
            return
        if not isinstance(node, Mapping):
            raise _Reject(ProblemKind.SCHEMA, f"{where} must be 'A <relation> B' or a mapping", node.span)
        self.problems.extend(_check_keys(node, RELATION_KEYS, where))
        offset = _scalar(_get(node, "offset"), f"'offset' of {where}")
        try:
            gap = parse_gap(offset.text) if offset is not None else None
        except ValueError as error:
            raise _Reject(ProblemKind.SCHEMA, str(error), offset.span if offset else node.span) from None
        if _get(node, "from") is not None or _get(node, "to") is not None:
            self.gap_relation(node, where, gap)
            return
        a = _scalar(_get(node, "a"), f"'a' of {where}")
        b = _scalar(_get(node, "b"), f"'b' of {where}")
        named = _scalar(_get(node, "relation"), f"'relation' of {where}")
        if a is None or b is None or named is None:
            raise _Reject(
                ProblemKind.SCHEMA,
                f"{where} needs 'a', 'relation' and 'b' (or 'from', 'to' and 'offset')",
                node.span
            )
        try:
            relation = relation_of(named.text)
        except ValueError as error:
            raise _Reject(ProblemKind.SCHEMA, str(error), named.span) from None
        self.add_relation(a.text, relation, b.text, gap, node.span)

    def add_relation(self, first: str, relation: Relation, second: str, gap: Gap | None, span: Span) -> None:
        if gap is not None and relation not in (Relation.BEFORE, Relation.AFTER):
            raise _Reject(
                ProblemKind.SCHEMA,
                f"an offset applies only to before/after, not {relation.value.lower()}",
                span
            )
        first, second = self.known(first, span), self.known(second, span)
        self.claims.append(RelationClaim(first, relation, second, span, gap))

    def gap_relation(self, node: Mapping, where: str, gap: Gap | None) -> None:
        ends = []
        for field in ("from", "to"):
            value = _scalar(_get(node, field), f"'{field}' of {where}")
            if value is None:
                raise _Reject(ProblemKind.SCHEMA, f"{where} needs both 'from' and 'to'", node.span)
            event_id, _, side = value.text.rpartition(".")
            if side not in ("start", "end") or not event_id:
                raise _Reject(
                    ProblemKind.SCHEMA,
                    f"'{field}' must name an endpoint like 'incursion.start' "
                    f"or 'incursion.end', got {value.text!r}",
                    value.span,
                )
            ends.append(Endpoint(self.known(event_id, value.span), Side(side)))
        if gap is None:
            raise _Reject(ProblemKind.SCHEMA, f"{where} with 'from'/'to' needs an 'offset'", node.span)
        self.claims.append(GapClaim(ends[0], ends[1], gap, node.span))


def _is_chrono_output(root: Mapping) -> bool:
    keys = set(root.keys())
    tool = _get(root, "tool")
    return (
        {"version", "findings", "summary"} <= keys
        or {"$schema", "version", "runs"} <= keys  # SARIF
        or (isinstance(tool, Scalar) and tool.text.startswith("chrono") and "findings" in keys)
    )


def parse_timeline(document: Document, options: ReadingOptions | None = None) -> ParsedTimeline:
    """Read a timeline document into events, claims and problems."""
    options = options or ReadingOptions()
    hemisphere = options.hemisphere
    problems: list[Problem] = []
    try:
        root = (parse_json if document.path.lower().endswith(".json") else parse_yaml)(document.text)
    except SyntaxProblem as error:
        offset = min(error.offset, len(document.text))
        return ParsedTimeline(None, (), (), (Problem(ProblemKind.SYNTAX, str(error), Span(offset, offset)),))
    if root is None:
        return ParsedTimeline(
            None,
            (),
            (),
            (
                Problem(
                    ProblemKind.SYNTAX, "the file is empty: a timeline needs at least 'events'", Span(0, 0)
                ),
            ),
        )
    if not isinstance(root, Mapping):
        return ParsedTimeline(
            None,
            (),
            (),
            (
                Problem(
                    ProblemKind.SCHEMA,
                    "a timeline file must be a mapping with 'events' (and optionally 'dct', 'relations')",
                    root.span,
                ),
            ),
        )
    if _is_chrono_output(root):
        # a JSON report, SARIF log or baseline that chrono wrote earlier: output, not a timeline
        return ParsedTimeline(None, (), (), ())
    problems.extend(_check_keys(root, TOP_KEYS, "the timeline"))

    hemisphere_node = _get(root, "hemisphere")
    if isinstance(hemisphere_node, Scalar) and not hemisphere_node.null:
        try:
            hemisphere = Hemisphere(hemisphere_node.text.lower())
        except ValueError:
            problems.append(
                Problem(
                    ProblemKind.SCHEMA,
                    f"hemisphere must be 'north' or 'south', not {hemisphere_node.text!r}",
                    hemisphere_node.span,
                )
            )

    own: DocumentDate | None = None
    dct_node = _get(root, "dct")
    if isinstance(dct_node, Scalar) and not dct_node.null:
        try:
            own = DocumentDate(parse_value(dct_node.text, hemisphere=hemisphere), dct_node.text, "file")
        except (InvalidValue, NotAPeriod) as error:
            problems.append(
                _value_problem(error, dct_node.span).problem
                if isinstance(error, InvalidValue)
                else Problem(ProblemKind.SCHEMA, f"dct: {error}", dct_node.span)
            )
    elif dct_node is not None:
        problems.append(Problem(ProblemKind.SCHEMA, "dct must be a date such as 2025-04-24", dct_node.span))

    date = document_date(own, options)
    if date is not None and date.value is None and own is not None:  # --dct given as a Period only
        date = attrs.evolve(date, value=own.value)
    builder = _Builder(date.period if date else None, hemisphere, document.lines)
    builder.zoned = bool(_ZONED.search(document.text))
    builder.problems = problems
    for field, handler in (("events", builder.event), ("relations", builder.relation)):
        section = _get(root, field)
        if section is None:
            if field == "events":
                problems.append(Problem(ProblemKind.SCHEMA, "the timeline has no 'events'", root.span))
            continue
        if isinstance(section, Scalar) and section.null:
            continue
        if not isinstance(section, Sequence):
            problems.append(Problem(ProblemKind.SCHEMA, f"'{field}' must be a list", section.span))
            continue
        # A YAML alias (*r) repeats what its anchor wrote without saying it again: the same
        # node, spans and all, counts once, or each of its findings would be reported per alias.
        written: set[Node] = set()
        for position, item in enumerate(section.items, start=1):
            if item not in written:
                written.add(item)
                builder.attempt(functools.partial(handler, item, position))
    return ParsedTimeline(date, tuple(builder.events.values()), tuple(builder.claims), tuple(problems))
