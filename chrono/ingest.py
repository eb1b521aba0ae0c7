"""Reading files into documents. The only stage (besides output) that touches the file system.

A document is read from a local path or from a URL (``s3://...``, read through fsspec by
chrono.remote); a ``str`` location is a URL, a local file is always a ``Path``.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
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


# Where a document is: a local path, or a URL (chrono.remote).
Location = Path | str


@attrs.frozen
class Loaded:
    document: Document
    problems: tuple[Problem, ...] = ()


def suffix_of(location: Location) -> str:
    if isinstance(location, Path):
        return location.suffix
    from chrono.remote import url_suffix

    return url_suffix(location)


def kind_of(location: Location) -> str | None:
    return KINDS.get(suffix_of(location).lower())


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
    return _as_text(text)


def _as_text(text: str) -> tuple[str | None, str | None]:
    """Decoded text as chrono reads it: refused when binary, lone-CR line ends read as LF."""
    if "\x00" in text[:8192]:
        return None, "binary file (it contains NUL characters); chrono reads text"
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    return text, None


def _unreadable(display: str, kind: str, reason: str) -> Loaded:
    return Loaded(Document(display, "", kind), (Problem(ProblemKind.UNREADABLE, reason, Span(0, 0)),))


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class _NotRegular(Exception):
    pass


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, never blocking: a FIFO opens without waiting for a writer
    and is refused, like any other file that is not a regular one."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(info.st_mode):
            what = next((name for test, name in _NOT_REGULAR if test(info.st_mode)), "not a regular file")
            raise _NotRegular(what)
        if max_bytes and info.st_size > max_bytes:
            raise _TooLarge(info.st_size)
        chunks, total = [], 0
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if max_bytes and total > max_bytes:  # it grew while being read
                raise _TooLarge(total)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} kB" if size >= 1000 else f"{size} bytes"


def _too_large(display: str, kind: str, size: int, max_bytes: int) -> Loaded:
    message = (
        f"the file is {_size(size)}, over the limit of {_size(max_bytes)}: "
        "it was not checked (raise `max-file-size` in the configuration to check it)"
    )
    return Loaded(Document(display, "", kind), (Problem(ProblemKind.TOO_LARGE, message, Span(0, 0)),))


def _load_url(url: str, display: str, kind: str, max_bytes: int) -> Loaded:
    from chrono.remote import RemoteError, TooLarge, read_url

    try:
        data = read_url(url, max_bytes)
    except TooLarge as error:
        return _too_large(display, kind, error.size, max_bytes)
    except FileNotFoundError:
        return _unreadable(display, kind, "cannot read file: no such file at this URL")
    except (OSError, RemoteError) as error:
        return _unreadable(display, kind, f"cannot read file: {error}")
    return _decoded(data, display, kind)


def _decoded(data: bytes, display: str, kind: str) -> Loaded:
    text, failure = decode(data)
    if text is None:
        return _unreadable(display, kind, failure or "unreadable")
    return Loaded(Document(display, text, kind))


def load(path: Location, display: str, kind: str | None = None, max_bytes: int = 0) -> Loaded:
    """Read one file (at most ``max_bytes``, 0 for no limit); failures become problems, never
    exceptions."""
    kind = kind or kind_of(path) or "text"
    if not isinstance(path, Path):
        return _load_url(path, display, kind, max_bytes)
    try:
        data = _read_regular(path, max_bytes)
    except _NotRegular as error:
        return _unreadable(display, kind, f"not a regular file ({error}): chrono reads files only")
    except _TooLarge as error:
        return _too_large(display, kind, error.size, max_bytes)
    except OSError as error:
        reason = error.strerror or str(error)
        if path.is_dir():
            return _unreadable(display, kind, f"cannot read this folder: {reason}")
        return _unreadable(display, kind, f"cannot read file: {reason}")
    return _decoded(data, display, kind)


def from_text(text: str, display: str, kind: str, max_bytes: int = 0) -> Loaded:
    """A document whose text is already decoded (an editor's buffer), read as :func:`load`
    reads a file: over ``max_bytes`` of UTF-8 (0 for no limit) it is too large, and text with
    NUL characters is binary. A leading byte order mark stays a character, so that offsets stay
    those of the editor's text."""
    if max_bytes and len(text) > max_bytes // 4:  # cheap before counting: 4 bytes a code point at most
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            message = (
                f"the text is {_size(size)}, over the limit of {_size(max_bytes)}: "
                "it was not checked (raise `max-file-size` in the configuration to check it)"
            )
            return Loaded(Document(display, "", kind), (Problem(ProblemKind.TOO_LARGE, message, Span(0, 0)),))
    checked, failure = _as_text(text)
    if checked is None:
        return _unreadable(display, kind, failure or "unreadable")
    return Loaded(Document(display, checked, kind))
