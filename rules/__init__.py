"""chrono's built-in rules, one module per family. Installed as ``chrono.rules``.

Third-party packages add rules the same way: an entry point in the ``chrono.rules`` group that
names a module with a ``RULES`` sequence of :class:`chrono.rulebase.Rule` subclasses.
"""

from __future__ import annotations

from chrono.rulebase import Rule

from .consistency import EndsBeforeStarts, InconsistentClaims
from .corpus import RULES as CORPUS_RULES
from .input import (
    ImpossibleDate,
    InternalError,
    InvalidTimeline,
    ParseError,
    ResourceLimit,
    UnknownEvent,
    UnreadableFile,
)
from .suppression import UnusedSuppression
from .text_calendar import AgeMismatch, HolidayMismatch, SeasonMismatch, WeekdayMismatch
from .text_dct import AfterDocumentDate, BadDocumentDate, MissingDocumentDate, PlanBeforeDocumentDate
from .text_layout import RULES as TEXT_LAYOUT_RULES
from .text_order import RULES as TEXT_ORDER_RULES
from .timeml import RULES as TIMEML_RULES

RULES: tuple[type[Rule], ...] = (
    InternalError,
    UnreadableFile,
    ParseError,
    InvalidTimeline,
    UnusedSuppression,
    ResourceLimit,
    ImpossibleDate,
    UnknownEvent,
    InconsistentClaims,
    EndsBeforeStarts,
    *TIMEML_RULES,
    MissingDocumentDate,
    AfterDocumentDate,
    *TEXT_ORDER_RULES,
    WeekdayMismatch,
    AgeMismatch,
    BadDocumentDate,
    HolidayMismatch,
    SeasonMismatch,
    *TEXT_LAYOUT_RULES,
    PlanBeforeDocumentDate,
    *CORPUS_RULES,
)
