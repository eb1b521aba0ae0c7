"""``chrono extract [FILE|-] --dct DATE --format json|text``: the temporal expressions and events
of one document.

Offsets are code points into the decoded file (front matter and markup included, DESIGN.md):
Markdown and HTML are read through the same blanked view the checker uses, so markup is never
tagged and every offset still points into the original file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chrono.check_command import UsageError

if TYPE_CHECKING:
    from chrono.model import Event

PROSE_KINDS = ("text", "markdown", "html")


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
        help="how an all-numeric date like 03/04/2025 reads (default month-first; a dotted "
        "date like 03.04.2025 always reads day-first)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--no-events", action="store_true", help="temporal expressions only")


def _read(name: str) -> tuple[str, str]:
    """(decoded text, document kind)."""
    from chrono.ingest import decode, kind_of

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


def _events_json(events: Sequence[Event]) -> list[dict[str, Any]]:
    return [
        {
            "start": e.span.start,
            "end": e.span.end,
            "text": e.text,
            "type": "EVENT",
            "value": None,
            "class": e.event_class,
            "id": e.id,
        }
        for e in events
    ]


def run_extract(args: argparse.Namespace) -> int:
    import attrs

    from chrono.model import Document, LineIndex
    from chrono.options import ReadingOptions
    from chrono.periods import InvalidValue, NotAPeriod, parse_value
    from chrono.readers import READERS
    from chrono.tagger import extract
    from chrono.tagger.output import render
    from chrono.text.markup import view_of

    text, kind = _read(args.file)
    options = ReadingOptions(day_first=args.date_order == "day-first")
    if args.dct is not None:
        try:
            options = attrs.evolve(options, dct=parse_value(args.dct), dct_value=args.dct)
        except (InvalidValue, NotAPeriod) as error:
            raise UsageError(f"--dct {args.dct!r}: {error}") from None
    # The document's own date and its events come from the same reading as `chrono check`.
    compiled = READERS[kind](Document(args.file, text, kind), options) if kind in PROSE_KINDS else None
    dct = compiled.document.dct_value if compiled is not None else args.dct
    readable = view_of(kind, text).text if kind in PROSE_KINDS else text
    layout = compiled.document.layout if compiled is not None else None  # headings date entries
    timexes = extract(readable, dct[:10] if dct else None, day_first=options.day_first, layout=layout)
    events = () if args.no_events or compiled is None else compiled.events
    if args.format == "json":
        items = [t.to_json() for t in timexes] + _events_json(events)
        items.sort(key=lambda item: (item["start"], item["end"]))
        rendered = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    else:
        rendered = render(text, timexes, "text") + "\n"
        lines = LineIndex.of(text)
        for event in events:
            line, column = lines.position(event.span.start)
            rendered += f"{line}:{column}\tEVENT\t{event.event_class or '-'}\t{event.text!r}\n"
    if args.output:
        Path(args.output).write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    return 0
