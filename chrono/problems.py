"""Problems: what a reader found wrong with its input, tied to the words it is about.

The kinds form a closed set. Readers emit a kind and never a rule code; each kind is reported by
exactly one rule, which names the kinds it owns (``Rule.problem_kinds``) — a test checks that every
kind has its rule. What a reader finds that is not wrong in itself (a weekday written with a
date, an age) is a cue (chrono.cues) that a rule judges.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from chrono.model import Span


class ProblemKind(enum.Enum):
    # any document
    INTERNAL = "internal"  # chrono crashed on the document
    UNREADABLE = "unreadable"  # the file cannot be read or decoded
    TOO_LARGE = "too-large"  # the file is over the size limit (max-file-size)
    TIME_LIMIT = "time-limit"  # checking the file took longer than its budget (file-time-limit)
    SYNTAX = "syntax"  # the file does not parse (YAML, JSON, HTML comments ...)
    SCHEMA = "schema"  # a timeline file's structure is wrong
    CALENDAR = "calendar"  # a date that does not exist (February 30)
    UNKNOWN_EVENT = "unknown-event"  # a relation names an event the file does not define
    UNUSED_SUPPRESSION = "unused-suppression"  # found once a file's findings are known (the runner)
    # prose
    TEXT_MISSING_DCT = "text-missing-dct"
    TEXT_BAD_DCT = "text-bad-dct"
    TEXT_AFTER_DCT_INFERRED = "text-after-dct-inferred"  # the year was inferred: a warning
    # TimeML
    TIMEML_MALFORMED = "timeml-malformed"
    TIMEML_MISSING_DCT = "timeml-missing-dct"
    TIMEML_MALFORMED_DCT = "timeml-malformed-dct"
    TIMEML_MALFORMED_VALUE = "timeml-malformed-value"
    TIMEML_VALUE_TEXT = "timeml-value-text"
    TIMEML_UNKNOWN_ID = "timeml-unknown-id"
    TIMEML_BAD_LINK = "timeml-bad-link"


@attrs.frozen
class Problem:
    """Something wrong with the input, tied to the text it is about."""

    kind: ProblemKind = attrs.field(validator=attrs.validators.instance_of(ProblemKind))
    message: str
    span: Span


class ConflictKind(enum.Enum):
    """The kind of statement a prose claim makes, which decides the rule that reports a conflict
    it takes part in: the first kind in this order among the conflict's claims (the most
    specific). A conflict whose claims have no kind is reported by the general consistency rules."""

    AFTER_DCT = "after-dct"  # a past event or 'since' dated after the document
    PLAN_BEFORE_DCT = "plan-before-dct"  # an event told as still to come dated before the document
    OFFSET = "offset"  # "two days later"
    DURATION = "duration"  # "a ten-day visit"
    ORDER = "order"  # "after", "before", "followed by"
    PRECEDENCE = "precedence"  # domain knowledge: capture before recapture
    NAMED_EVENT = "named-event"  # one named event dated twice
    LAYOUT = "layout"  # an entry's own date outside the period of the heading it stands under
    ENTRY_RETOLD = "entry-retold"  # a timeline entry's act told again in the prose on another date
    HEADLINE_RETOLD = "headline-retold"  # a headline's dated act told again in the story on another day
    DAY_COUNT = "day-count"  # "Day 4 — 6 May" after "Day 3 — 6 May" in a log
    RELEASE_ORDER = "release-order"  # 3.0.2 dated before 3.0.1 in a changelog
    LIST_ORDER = "list-order"  # one entry of a list in time order out of that order (a warning)


def conflict_kind_of(kinds: Iterable[ConflictKind | None]) -> ConflictKind | None:
    """The kind that owns a conflict whose claims have ``kinds`` (None: no prose kind)."""
    present = set(kinds)
    return next((kind for kind in ConflictKind if kind in present), None)
