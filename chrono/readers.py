"""The readers: each document kind (chrono.ingest.KINDS) and the function that turns a document
of that kind into events, claims and problems.

A reader's modules are imported when it first reads a document: checking a timeline never
loads the prose reader, whose language resources are most of chrono's start-up.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from chrono.analysis import Compiled
from chrono.model import Document
from chrono.options import ReadingOptions


def compile_text(document: Document, options: ReadingOptions) -> Compiled:
    """Prose: ``.txt``, ``.md``, ``.html`` (chrono.text.compile)."""
    from chrono.text.compile import compile_text as compile_prose

    return compile_prose(document, options)


def compile_timeml(document: Document, options: ReadingOptions) -> Compiled:
    """TimeML: ``.tml`` (chrono.timeml_compile)."""
    from chrono.timeml_compile import compile_timeml as compile_tml

    return compile_tml(document, options)


def compile_timeline(document: Document, options: ReadingOptions) -> Compiled:
    from chrono.timeline_files import parse_timeline

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
