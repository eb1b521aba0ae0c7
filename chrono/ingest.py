"""Reading files into documents. The only stage (besides output) that touches the file system."""

from __future__ import annotations

from pathlib import Path

import attrs

from chrono.model import Document, Span
from chrono.problems import Problem, ProblemKind

# Every suffix chrono knows how to read, mapped to the document kind (chrono.readers.READERS
# has a reader for each kind).
KINDS: dict[str, str] = {
    ".yaml": "timeline",
    ".yml": "timeline",
    ".json": "timeline",
    ".tml": "timeml",
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


@attrs.frozen
class Loaded:
    document: Document
    problems: tuple[Problem, ...] = ()


def kind_of(path: Path) -> str | None:
    return KINDS.get(path.suffix.lower())


def _line_and_column(data: bytes, position: int) -> str:
    line = data.count(b"\n", 0, position) + 1
    column = position - (data.rfind(b"\n", 0, position) + 1) + 1
    return f"line {line}, byte column {column}"


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) for UTF-8 text; (None, reason) otherwise. A BOM is dropped."""
    if b"\x00" in data[:8192]:
        return None, "binary file (it contains NUL bytes); chrono reads UTF-8 text"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = _line_and_column(data, error.start)
        return None, (f"not valid UTF-8 at {where} (byte 0x{data[error.start]:02x}); save the file as UTF-8")
    # Line ends are kept as they are: offsets point into the file exactly as it was read (a
    # CRLF file's "\r" stays at the end of its line; line numbers count "\n").
    return text, None


def _unreadable(display: str, kind: str, reason: str) -> Loaded:
    return Loaded(Document(display, "", kind), (Problem(ProblemKind.UNREADABLE, reason, Span(0, 0)),))


def load(path: Path, display: str, kind: str | None = None) -> Loaded:
    """Read one file; failures become problems, never exceptions."""
    kind = kind or kind_of(path) or "text"
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        if path.is_dir():
            return _unreadable(display, kind, f"cannot read this folder: {reason}")
        return _unreadable(display, kind, f"cannot read file: {reason}")
    text, failure = decode(data)
    if text is None:
        return _unreadable(display, kind, failure or "unreadable")
    return Loaded(Document(display, text, kind))
