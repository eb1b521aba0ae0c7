"""Reference timelines: timeline files (the format of chrono.timeline_files) of trusted facts that
the corpus is checked against (``chrono check --reference FILE``).

Each reference event is linked by the key read from its ``text`` (or its id, dashes read as
spaces), as a document's events are; its dates are its ``on``/``start``/``end`` lines, and a
finding against it cites that line. A reference that cannot be read, or that has input problems,
is a usage error: checking a corpus against a broken reference would hide every contradiction.
"""

from __future__ import annotations

from pathlib import Path

from chrono.analysis import Analysis
from chrono.corpus.summary import Summary, summarize
from chrono.ingest import kind_of, load
from chrono.options import ReadingOptions
from chrono.readers import compile_timeline


class ReferenceError(ValueError):
    """A reference timeline that cannot serve as one."""


def load_reference(path: str, options: ReadingOptions) -> Summary:
    """The summary of the reference timeline at ``path``: its keyed, dated events."""
    if kind_of(Path(path)) != "timeline":
        raise ReferenceError(f"reference {path}: a reference is a timeline file (.yaml, .yml or .json)")
    loaded = load(Path(path), path, max_bytes=options.max_file_bytes)
    if loaded.problems:
        raise ReferenceError(f"reference {path}: {loaded.problems[0].message}")
    compiled = compile_timeline(loaded.document, options)
    if compiled.problems:
        problem = compiled.problems[0]
        line, column = compiled.document.lines.position(problem.span.start)
        raise ReferenceError(f"reference {path}:{line}:{column}: {problem.message}")
    analysis = Analysis(compiled.document, compiled.events, compiled.claims)
    summary = summarize(analysis)
    if not summary.events:
        raise ReferenceError(
            f"reference {path}: no event of it can be linked to documents (give each event a `text` "
            "that names it, such as 'Russian forces recaptured Sudzha', and a date)"
        )
    return summary
