"""The :class:`Timex` record produced by the tagger."""

from __future__ import annotations

from typing import Any

import attrs

TYPES = ("DATE", "TIME", "DURATION", "SET")


@attrs.frozen
class Timex:
    """One TIMEX3 expression found in a text.

    ``start``/``end`` are code-point offsets into the text; ``signal`` is the temporal
    preposition in front of the expression, normalized by the language's lexicon ("prior to" ->
    ``before``, "till" -> ``until``; German "seit" -> ``since``), and ``signal_start``/
    ``signal_end`` give its words in the text (never part of the extent). ``anchor`` is "DCT"
    or the reference value the expression was resolved against. ``range_id``/``range_role``
    link the two ends of a range ("from 3 to 21 March", "2019–2021"). ``guessed`` is set when
    the value rests on a default rather than on the words: a year-less date or a bare weekday
    in a clause whose tense says nothing (the nearest occurrence, or the past weekday, was
    chosen) -- a consistency checker should treat such values leniently. ``note`` says how a
    year the words leave open was chosen from the DCT when that is worth a reader's attention:
    the tense said past but the day, in the DCT's year, is after the DCT ("since April 30" in
    a text of 24 April), or the year is not the DCT's ("in December" told as past in January).
    ``fiscal`` marks a period of a fiscal year ("the first quarter of fiscal 2025", "FY24"):
    its value counts the company's year as if it were the calendar's, which it may not be.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    signal: str | None = None
    signal_start: int | None = None
    signal_end: int | None = None
    anchor: str | None = None
    ambiguous: bool = False
    range_id: int | None = None
    range_role: str | None = None
    temporal_function: bool = False
    guessed: bool = False
    note: str | None = None
    fiscal: bool = False
    rule: str | None = attrs.field(default=None, eq=False)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.mod is not None:
            out["mod"] = self.mod
        if self.signal is not None:
            out["signal"] = self.signal
            out["signal_start"] = self.signal_start
            out["signal_end"] = self.signal_end
        if self.anchor is not None:
            out["anchor"] = self.anchor
        if self.ambiguous:
            out["ambiguous"] = True
        if self.range_id is not None:
            out["range_id"] = self.range_id
            out["range_role"] = self.range_role
        if self.temporal_function:
            out["temporal_function"] = True
        if self.guessed:
            out["guessed"] = True
        if self.note is not None:
            out["note"] = self.note
        if self.fiscal:
            out["fiscal"] = True
        return out
