"""Reading files into documents. The only stage (besides output) that touches the file system."""

from __future__ import annotations

import codecs
from pathlib import Path

import attrs

from chrono.model import Document, Span
from chrono.timeline_files import TIMELINE_SUFFIXES, Problem

# Every suffix chrono knows how to read, mapped to the document kind.
KINDS: dict[str, str] = dict.fromkeys(TIMELINE_SUFFIXES, "timeline")
KINDS[".tml"] = "timeml"
KINDS.update({".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"})


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


# Byte order marks, UTF-32 first: its little-endian mark begins with UTF-16's.
_MARKED = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) for text; (None, reason) otherwise.

    UTF-8, or UTF-16 / UTF-32 that start with a byte order mark; the mark is dropped. In a file
    whose lines end in a lone CR (old Mac files: CRs and no LF at all) each CR is read as LF,
    one code point for another, so lines are counted and front matter is found as in any file
    and offsets stay those of the decoded file. Elsewhere line ends are kept as they are: a
    CRLF file's "\r" stays at the end of its line, and a stray CR in a file of LF lines (some
    AQUAINT documents have them) is a character, not a line break.
    """
    for mark, codec, name in _MARKED:
        if data.startswith(mark):
            try:
                text = data.decode(codec)  # reads the mark for the byte order and drops it
            except UnicodeDecodeError as error:
                return None, f"not valid {name} at byte {error.start} ({error.reason}); save it as UTF-8"
            break
    else:
        if b"\x00" in data[:8192]:
            return None, "binary file (it contains NUL bytes); chrono reads UTF-8 text"
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            where = _line_and_column(data, error.start)
            byte = data[error.start]
            return None, f"not valid UTF-8 at {where} (byte 0x{byte:02x}); save the file as UTF-8"
    if "\x00" in text[:8192]:
        return None, "binary file (it contains NUL characters); chrono reads text"
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    return text, None


def load(path: Path, display: str, kind: str | None = None) -> Loaded:
    """Read one file; failures become problems, never exceptions."""
    kind = kind or kind_of(path) or "text"
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        if path.is_dir():
            return Loaded(
                Document(display, "", kind),
                (Problem("unreadable", f"cannot read this folder: {reason}", Span(0, 0)),),
            )
        return Loaded(
            Document(display, "", kind), (Problem("unreadable", f"cannot read file: {reason}", Span(0, 0)),)
        )
    text, failure = decode(data)
    if text is None:
        return Loaded(
            Document(display, "", kind), (Problem("unreadable", failure or "unreadable", Span(0, 0)),)
        )
    return Loaded(Document(display, text, kind))
