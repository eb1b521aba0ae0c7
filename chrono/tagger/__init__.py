"""Temporal tagger: find TIMEX3 expressions in text and normalize them.

>>> [t.value for t in extract("We met on April 24, 2025 and again two days later.", "2025-04-30")]
['2025-04-24', '2025-04-26']

The tagger is data-driven: ``chrono/lang/<lang>/`` holds the word classes and the rules (see
:mod:`chrono.tagger.resources`). The stages, one module each:

* :mod:`chrono.tagger.scanner` finds the trigger words and the rule that reads each expression;
* :mod:`chrono.tagger.normalize` and the actions it dispatches to turn a rule's fields into
  TIMEX3 type and value;
* :mod:`chrono.tagger.narrative` makes the records and keeps the narrative reference time;
* :mod:`chrono.tagger.passes` lets neighbouring expressions complete each other (ranges,
  clock times and their days, sets, closing dates).

Values are resolved against the DCT (deictic words, tense-aware year-less dates and weekdays)
or against the narrative reference time, which is the last absolute date, month, quarter or
year mentioned ("a year later", "the following month", "that day").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from chrono.layout import Layout
from chrono.lazy_regex import lazy_compile
from chrono.tagger import passes
from chrono.tagger.context import Context
from chrono.tagger.frames import Frames
from chrono.tagger.narrative import tell
from chrono.tagger.resources import ResourceError, load
from chrono.tagger.scanner import scanner_for
from chrono.tagger.timex import Timex

__all__ = ["ResourceError", "Tagged", "Timex", "extract", "parse_dct", "tag"]

_DCT = lazy_compile(
    r"\s*(?P<y>\d{4})-?(?P<m>\d\d)-?(?P<d>\d\d)(?:[T ](?P<h>\d\d):?(?P<mi>\d\d)?(?::?\d\d(?:\.\d+)?)?"
    r"(?:Z|[+-]\d\d:?\d\d)?)?\s*"
)
_PLACEHOLDER_DAY = dt.date(2000, 6, 15)


def parse_dct(dct: str | dt.date | None) -> tuple[dt.date | None, str | None]:
    """Split a DCT into its day and its clock time (``HH:MM`` or None)."""
    if dct is None:
        return None, None
    if isinstance(dct, dt.datetime):
        return dct.date(), f"{dct.hour:02d}:{dct.minute:02d}"
    if isinstance(dct, dt.date):
        return dct, None
    match = _DCT.fullmatch(str(dct))
    if match is None:
        raise ValueError(f"DCT {dct!r} is not a date (expected YYYY-MM-DD, optionally with a time)")
    day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    clock = f"{match['h']}:{match['mi'] or '00'}" if match["h"] else None
    return day, clock


def extract(
    text: str,
    dct: str | dt.date | None = None,
    *,
    lang: str = "en",
    day_first: bool = False,
    layout: Layout | None = None,
) -> tuple[Timex, ...]:
    """The temporal expressions of ``text``, in order, resolved against ``dct`` (and, given the
    text's ``layout``, against the dates of its headings and entries: "June 9" under "## 2011"
    is 2011-06-09).

    Without a DCT, values that depend on it keep their shape with ``X`` for the unknown digits
    ("yesterday" -> ``XXXX-XX-XX``, "in March" -> ``XXXX-03``).
    """
    return tag(text, dct, lang=lang, day_first=day_first, layout=layout).timexes


@attrs.frozen
class Tagged:
    """The expressions of a text, and the blocks of its layout that a date of it opens or heads
    (block index -> the start and end of that date)."""

    timexes: tuple[Timex, ...]
    dated: Mapping[int, tuple[int, int]] = attrs.field(factory=dict)


def tag(
    text: str,
    dct: str | dt.date | None = None,
    *,
    lang: str = "en",
    day_first: bool = False,
    layout: Layout | None = None,
) -> Tagged:
    """:func:`extract`, with the blocks of ``layout`` that a date dates."""
    if not isinstance(text, str):
        raise TypeError("extract() needs a str")
    res = load(lang)
    day, clock = parse_dct(dct)
    ctx = Context(res, text, day or _PLACEHOLDER_DAY, clock, day_first)
    frames = Frames(layout, text, res) if layout is not None and layout.blocks else None
    ctx.frames = frames
    found, ranges = tell(ctx, scanner_for(lang), day is not None)
    timexes = passes.run(res, text, found, ranges, day)
    return Tagged(timexes, dict(frames.dated) if frames is not None else {})
