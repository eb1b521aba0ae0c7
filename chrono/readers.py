"""The readers: each document kind (chrono.ingest.KINDS) and the function that turns a document
of that kind into events, claims and problems."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from chrono.analysis import Compiled
from chrono.model import Document
from chrono.options import ReadingOptions
from chrono.text.compile import compile_text
from chrono.timeline_files import parse_timeline
from chrono.timeml_compile import compile_timeml


def compile_timeline(document: Document, options: ReadingOptions) -> Compiled:
    parsed = parse_timeline(document, options)
    date = parsed.date
    document = attrs.evolve(
        document,
        dct=date.period if date else None,
        dct_value=date.value if date else None,
        dct_source=date.source if date else None,
    )
    return Compiled(document, parsed.events, parsed.claims, parsed.problems)


READERS: dict[str, Callable[[Document, ReadingOptions], Compiled]] = {
    "timeline": compile_timeline,
    "timeml": compile_timeml,
    **dict.fromkeys(("text", "markdown", "html"), compile_text),
}
