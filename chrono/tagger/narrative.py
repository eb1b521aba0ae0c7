"""From the scanner's pieces to :class:`Timex` records, keeping the story's time.

The scanner yields each expression's pieces in text order; here each becomes a Timex with its
signal, and the values that can serve as the narrative reference time ("a year later", "the
following month", "that day" count from it) move the context on: the last absolute date,
month, quarter or year, the last day, and the last finished quarter a report is about.
"""

from __future__ import annotations

import functools
import re

import attrs

from chrono.tagger.calendar import Anchor, parse_anchor
from chrono.tagger.context import REF_VALUES, Context, Piece
from chrono.tagger.normalize import DATE_ACTIONS
from chrono.tagger.passes import close_period
from chrono.tagger.relative import completed
from chrono.tagger.resources import Rule
from chrono.tagger.scanner import Scanner, scan
from chrono.tagger.timex import Timex

__all__ = ["tell"]

# A quarter or half year: the period a financial report is about.
_PERIOD_VALUE = re.compile(r"\d{4}-[QH]\d\Z")
_PERIOD_ACTIONS = frozenset({*DATE_ACTIONS, "rel_unit"})
# Expressions whose value can serve as the narrative reference time for later ones.
_REFERENCE_ACTIONS = frozenset({*DATE_ACTIONS, "numeric", "day_range", "day_range_md", "year_range"})


@functools.lru_cache(maxsize=4096)
def _anchor(value: str) -> Anchor | None:
    # Values repeat within a text and across texts; an Anchor is immutable, so one is shared.
    return parse_anchor(value)


def tell(ctx: Context, scanner: Scanner, dct_known: bool) -> tuple[list[Timex], int]:
    """The expressions of ``ctx.text`` in order, and how many ranges they number."""
    res = ctx.res
    text = ctx.text
    out: list[Timex] = []
    range_counter = 0
    for rule, pieces in scan(ctx, scanner):
        range_id: int | None = None
        if any(p.role for p in pieces):
            range_counter += 1
            range_id = range_counter
        for raw in pieces:
            piece = _trim(text, raw)
            if piece.end <= piece.start:
                continue
            value = _follow(ctx, rule, piece, dct_known)
            signal = res.signal_regex.search(text, max(0, piece.start - 24), piece.start)
            out.append(
                Timex(
                    start=piece.start,
                    end=piece.end,
                    text=text[piece.start:piece.end],
                    type=piece.type,
                    value=value,
                    mod=piece.mod,
                    signal=str(res.lookup("signal", signal.group(1))) if signal else None,
                    signal_start=signal.start(1) if signal else None,
                    signal_end=signal.end(1) if signal else None,
                    anchor=piece.anchor,
                    ambiguous=piece.ambiguous,
                    range_id=range_id,
                    range_role=piece.role,
                    temporal_function=piece.temporal_function,
                    guessed=piece.guessed,
                    note=piece.note if dct_known else None,
                    fiscal=piece.fiscal,
                    rule=rule.name,
                )
            )
            if len(out) >= 2:
                _close_period(ctx, out)
    return out, range_counter


def _follow(ctx: Context, rule: Rule, piece: Piece, dct_known: bool) -> str:
    """The value ``piece`` shows (masked where it rests on a missing DCT), after moving the
    story's reference time and report period on to it where it can serve as one."""
    value = piece.value
    if not dct_known and piece.anchor == "DCT":
        value = piece.shape or _mask(value)
        if rule.action in _REFERENCE_ACTIONS or piece.narrates:
            # "Thursday 15 February" with no DCT: the story's day is unknown now, so a
            # later "7pm" must not fall back on an older date.
            ctx.ref = ctx.day_ref = None
    elif (rule.action in _REFERENCE_ACTIONS or piece.narrates) and piece.type in ("DATE", "TIME"):
        anchor = _anchor(value)
        if anchor is not None and piece.guessed and ctx.ref is not None and anchor.gran != "D":
            # A period that rests on a default ("the coldest winter", no tense, no
            # year) does not move a story that has a time of its own.
            anchor = None
        if anchor is not None:
            ctx.ref, ctx.ref_start, ctx.ref_end = anchor, piece.start, piece.end
            if anchor.gran == "D":
                ctx.day_ref = anchor
    if rule.action in _PERIOD_ACTIONS and piece.type == "DATE" and _PERIOD_VALUE.match(value):
        period = _anchor(value)
        if period is not None and completed(ctx, period):
            ctx.period = period
            ctx.period_end = piece.end
    return value


def _close_period(ctx: Context, out: list[Timex]) -> None:
    """'the quarter ended Sept. 30': the last two expressions, a period and the date that
    closes it, make the period that date's (see :func:`passes.close_period`)."""
    closed = close_period(ctx.res, ctx.text, out[-2], out[-1])
    if closed is None:
        return
    out[-2] = closed
    period = _anchor(closed.value) if _PERIOD_VALUE.match(closed.value) else None
    closing = _anchor(out[-1].value)
    # A fiscal quarter is over when its closing date is.
    if period is not None and closing is not None and closing.day <= ctx.dct:
        ctx.period = period
        ctx.period_end = out[-1].end


def _trim(text: str, piece: Piece) -> Piece:
    start, end = piece.start, piece.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if (start, end) == (piece.start, piece.end):
        return piece
    return attrs.evolve(piece, start=start, end=end)


_MASK = re.compile(r"\d")


def _mask(value: str) -> str:
    """Hide the digits of a value that came from a missing DCT."""
    if value in REF_VALUES:
        return value
    head, sep, tail = value.partition("T")
    return _MASK.sub("X", head) + sep + tail
