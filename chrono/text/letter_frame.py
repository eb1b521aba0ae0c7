"""The frame around a letter (or a diary entry) that a document reprints under its own date:
"*The following letter … was given to the Record Office by the writer's granddaughter.* ¶ >
Ashcombe House ⏎ > Tuesday, 10th October 1893 ⏎ > My dear Mother, … ¶ *Edwin Hale remained with
the estate for forty-one years … He died in 1949.*"

The document's date is the letter's, which the quoted letter writes near its head; the words
around the quotation are an editor's or an archivist's, written at a later time the document does
not give. What they tell as done ("He died in 1949") may lie after the document's date, so no
claim binds it to that date (chrono.text.builder.Builder.dct_claim)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chrono.lazy_regex import lazy_compile
from chrono.tagger import Timex

# a Markdown quotation line: "> My dear Mother,"
_QUOTED_LINE = lazy_compile(r"^[ \t]{0,3}>.*(?:\n|\Z)", re.MULTILINE)
_HEAD_LINES = 4  # the quoted lines within which the letter writes its own date


def letter_frame(text: str, kind: str, timexes: Sequence[Timex], dct_day: str | None
                 ) -> tuple[tuple[int, int], ...]:
    """The stretches of ``text`` (the document as written) around a quoted letter whose head
    writes the document's own day ``dct_day``: every stretch outside the quotation (the front
    matter among them, which holds no event). Empty when there is no such letter."""
    if kind != "markdown" or dct_day is None or ">" not in text:
        return ()
    quoted = [(m.start(), m.end()) for m in _QUOTED_LINE.finditer(text)]
    if not quoted:
        return ()
    head_end = quoted[min(_HEAD_LINES, len(quoted)) - 1][1]
    dated_head = any(quoted[0][0] <= t.start < head_end and t.value[:10] == dct_day for t in timexes)
    if not dated_head:
        return ()
    stretches: list[tuple[int, int]] = []
    at = 0
    for start, end in quoted:
        if start > at:
            stretches.append((at, start))
        at = max(at, end)
    if at < len(text):
        stretches.append((at, len(text)))
    return tuple((a, b) for a, b in stretches if text[a:b].strip())

