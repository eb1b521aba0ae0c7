"""Corpus archives as input: JSON Lines, CSV and Parquet files whose records are documents
(``chrono check articles.jsonl --text-field body --date-field published --id-field url``).

Records are read as a stream, one at a time (Parquet: in small batches of rows), so memory is
bounded per record whatever the size of the archive. Each record becomes a document whose path
is ``FILE#ID`` (the id field's value, or the record's number when there is no id field). A record
that cannot be read (bad JSON, no text field, a text that is not a string, a line over the size
limit) is yielded as a :class:`BadRecord` and becomes a finding of its own; the rest goes on.
Parquet needs the ``parquet`` extra (pyarrow).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

ARCHIVE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".parquet"})
_PARQUET_BATCH = 64  # rows read at once from a Parquet file


@attrs.frozen
class ArchiveFields:
    """Which field of a record holds what (``--text-field`` …)."""

    text: str = "text"
    date: str | None = None
    id: str | None = None


@attrs.frozen
class Record:
    """One document of an archive."""

    path: str  # FILE#ID
    text: str
    date: str | None
    number: int  # 1-based: the line of a JSON Lines file, the row of a CSV or Parquet file


@attrs.frozen
class BadRecord:
    """A record that cannot be read, and why."""

    path: str  # FILE#NUMBER
    message: str
    number: int


class ArchiveError(Exception):
    """An archive that cannot be read at all (its rows are reported one by one otherwise)."""


def is_archive(path: Path) -> bool:
    return path.suffix.lower() in ARCHIVE_SUFFIXES


def _record(
    display: str, number: int, row: Mapping[str, Any], fields: ArchiveFields, where: str
) -> Record | BadRecord:
    text = row.get(fields.text)
    if text is None:
        return BadRecord(f"{display}#{number}", f"{where}: no {fields.text!r} field (the text)", number)
    if not isinstance(text, str):
        message = f"{where}: field {fields.text!r} is a {type(text).__name__}, not text"
        return BadRecord(f"{display}#{number}", message, number)
    date = row.get(fields.date) if fields.date else None
    if date is not None and not isinstance(date, str):
        date = str(date)  # a Parquet timestamp, a JSON number: its text is the date to read
    ident = row.get(fields.id) if fields.id else None
    name = str(ident) if ident not in (None, "") else str(number)
    return Record(f"{display}#{name}", text, date or None, number)


def _jsonl(path: Path, display: str, fields: ArchiveFields, max_bytes: int) -> Iterator[Record | BadRecord]:
    with open(path, "rb") as stream:
        number = 0
        while True:
            line = stream.readline(max_bytes + 1) if max_bytes else stream.readline()
            if not line:
                return
            number += 1
            where = f"line {number}"
            if max_bytes and len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the record unread
                    line = stream.readline(1 << 20)
                message = f"{where}: the record is over the size limit of {max_bytes} bytes: not checked"
                yield BadRecord(f"{display}#{number}", message, number)
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                yield BadRecord(f"{display}#{number}", f"{where}: not a JSON record: {error}", number)
                continue
            if not isinstance(row, dict):
                kind = type(row).__name__
                yield BadRecord(f"{display}#{number}", f"{where}: a JSON {kind}, not an object", number)
                continue
            yield _record(display, number, row, fields, where)


def _csv(path: Path, display: str, fields: ArchiveFields, max_bytes: int) -> Iterator[Record | BadRecord]:
    csv.field_size_limit(max_bytes or sys.maxsize)
    with open(path, encoding="utf-8-sig", newline="", errors="strict") as stream:
        reader = csv.DictReader(stream)
        number = 0
        while True:
            number += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as error:
                yield BadRecord(f"{display}#{number}", f"row {number}: cannot be read: {error}", number)
                if isinstance(error, UnicodeDecodeError):
                    return  # the decoder cannot resynchronise: the rest is unreadable too
                continue
            if None in row:
                extra = f"row {number} (line {reader.line_num}): more cells than the header has columns"
                yield BadRecord(f"{display}#{number}", extra, number)
                continue
            yield _record(display, number, row, fields, f"row {number} (line {reader.line_num})")


def _parquet(path: Path, display: str, fields: ArchiveFields) -> Iterator[Record | BadRecord]:
    try:
        import pyarrow.parquet as parquet  # the `parquet` extra
    except ImportError:
        raise ArchiveError(
            f"{display}: reading Parquet needs pyarrow: pip install 'chrono-lint[parquet]'"
        ) from None
    try:
        source = parquet.ParquetFile(path)
    except Exception as error:  # pyarrow raises its own errors for a damaged file
        raise ArchiveError(f"{display}: not a Parquet file: {error}") from None
    names = set(source.schema_arrow.names)
    wanted = [f for f in (fields.text, fields.date, fields.id) if f and f in names]
    first = 1  # the number of the first row of each row group
    for group in range(source.metadata.num_row_groups):
        rows = source.metadata.row_group(group).num_rows
        number = first - 1
        try:
            for batch in source.iter_batches(batch_size=_PARQUET_BATCH, row_groups=[group], columns=wanted):
                for row in batch.to_pylist():
                    number += 1
                    yield _record(display, number, row, fields, f"row {number}")
        except Exception as error:  # a damaged page: the rest of its row group, and on to the next
            last = first + rows - 1
            where = f"rows {number + 1}-{last}" if last > number + 1 else f"row {last}"
            message = f"{where} (row group {group + 1}): cannot be read: {error}"
            yield BadRecord(f"{display}#{number + 1}", message, number + 1)
        first += rows


def records(
    path: Path, display: str, fields: ArchiveFields, max_bytes: int = 0
) -> Iterator[Record | BadRecord]:
    """The records of an archive, one at a time. Raises :class:`ArchiveError` (before the first
    record) when the archive itself cannot be opened."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            yield from _parquet(path, display, fields)
        elif suffix == ".csv":
            yield from _csv(path, display, fields, max_bytes)
        else:
            yield from _jsonl(path, display, fields, max_bytes)
    except OSError as error:
        raise ArchiveError(f"{display}: cannot read the archive: {error.strerror or error}") from None
