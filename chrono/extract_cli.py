"""``chrono extract [FILE|-] --dct DATE --format json|text``: the temporal expressions of one document.

Offsets are code points into the decoded file (front matter and markup included, DESIGN.md):
Markdown and HTML are read through the same blanked view the checker uses, so markup is never
tagged and every offset still points into the original file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from chrono.checkrun import UsageError
from chrono.ingest import decode, kind_of
from chrono.periods import InvalidValue, NotAPeriod, parse_value


def add_extract_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "extract", help="print the temporal expressions of one document: chrono extract FILE --dct DATE"
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="a document, or - for stdin")
    parser.add_argument("--dct", metavar="DATE", help="document creation time (default: the document's own)")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument(
        "--date-order",
        choices=("month-first", "day-first"),
        default="month-first",
        help="how an all-numeric date like 03/04/2025 reads (default month-first)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")


def _read(name: str) -> tuple[str, str]:
    """(decoded text, document kind)."""
    if name == "-":
        data = sys.stdin.buffer.read()
        kind = "text"
    else:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise UsageError(f"{name}: {error.strerror or error}") from None
        kind = kind_of(path) or "text"
    text, failure = decode(data)
    if text is None:
        raise UsageError(f"{name}: {failure}")
    return text, kind


def run_extract(args: argparse.Namespace) -> int:
    from chrono.tagger import extract
    from chrono.tagger.output import render
    from chrono.text.markup import view_of

    text, kind = _read(args.file)
    view = view_of(kind, text) if kind in ("markdown", "html", "text") else None
    readable = view.text if view is not None else text
    dct = args.dct
    if dct is None and view is not None and view.dct_candidates:
        dct = view.dct_candidates[0][1].strip()[:10]
    if dct is not None:
        try:
            parse_value(dct)
        except (InvalidValue, NotAPeriod) as error:
            raise UsageError(f"--dct {dct!r}: {error}") from None
    timexes = extract(readable, dct, day_first=args.date_order == "day-first")
    rendered = render(text, timexes, args.format) + "\n"
    if args.output:
        Path(args.output).write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    return 0
