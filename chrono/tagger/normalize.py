"""From matched fields to TIMEX3 type/value/mod: the language-independent semantics.

Each rule of a language's ``patterns.yaml`` names an *action*; the action reads the rule's
named fields (``year``, ``month``, ``rel``, ``unit`` …), looks words up in the language's
lexicon, and resolves the expression against the document creation time (DCT) or the running
narrative reference time. :data:`ACTIONS` is the registry of actions by name: calendar dates,
one per granularity (:mod:`chrono.tagger.dates`), and counted or relative expressions
(:mod:`chrono.tagger.relative`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.regex_cache import compile_kept
from chrono.tagger.context import Action, Context, Fields, Piece, Reject, Spans
from chrono.tagger.dates import CALENDAR_ACTIONS, DATE_ACTIONS
from chrono.tagger.relative import RELATIVE_ACTIONS
from chrono.tagger.resources import Resources, words_regex

__all__ = ["ACTIONS", "DATE_ACTIONS", "normalize"]

ACTIONS: Mapping[str, Action] = {**CALENDAR_ACTIONS, **RELATIVE_ACTIONS}


def normalize(
    ctx: Context, action: str, rule_type: str, f: Fields, s: Spans, start: int, end: int
) -> list[Piece]:
    """The pieces the action named ``action`` makes of a match (:class:`Reject` when it is
    not an expression after all); a clock time it states becomes the story's clock."""
    handler = ACTIONS.get(action)
    if handler is None:
        raise Reject
    ctx.guessed = False
    ctx.note = None
    pieces = handler(ctx, rule_type, f, s, start, end)
    if _fiscal_regex(ctx.res).search(ctx.text, start, end):
        # "the first quarter of fiscal 2025", "FY24": the value counts the company's year
        pieces = [attrs.evolve(p, fiscal=True) if p.type == "DATE" else p for p in pieces]
    for piece in pieces:
        if piece.type == "TIME":
            stated = _CLOCK_VALUE.match(piece.value)
            if stated is not None:
                ctx.clock = (_moment(stated["local"]), stated["zone"] or "")
    return pieces


def _moment(local: str) -> dt.datetime:
    """The instant of ``YYYY-MM-DDTHH:MM[:SS]``; ``T24:00`` is the end of the day."""
    if local[11:13] == "24":
        return dt.datetime.fromisoformat(local[:11] + "00" + local[13:]) + dt.timedelta(days=1)
    return dt.datetime.fromisoformat(local)


_CLOCK_VALUE = lazy_compile(r"(?P<local>\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?P<zone>Z|[+-]\d\d:\d\d)?\Z")


@functools.lru_cache(maxsize=8)
def _fiscal_regex(res: Resources) -> re.Pattern[str]:
    # a prefix is followed by the year's digits ("FY24"), not by a word boundary
    prefixes = "|".join(re.escape(str(word)) for word in res.classes.get("fiscal_prefix", {})) or "(?!)"
    words = words_regex(res, r"(?<![\w-]){fiscal_word}", re.IGNORECASE).pattern
    return compile_kept(rf"{words}|(?<![\w-])(?:{prefixes})(?=[ \t]?['’]?\d)", re.IGNORECASE)
