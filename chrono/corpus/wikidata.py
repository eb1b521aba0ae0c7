"""A Wikidata SPARQL result (JSON) -> a reference timeline (the timeline file format).

    python -m chrono.corpus.wikidata result.json --text "{label} was signed" -o reference.yaml

Each row of the result is one event: ``?event`` (its entity URI), ``?eventLabel``, and its dates
as ``?pointInTime`` (P585), or ``?start`` / ``?end`` (P580 / P582 qualifiers or statements), each
optionally with a ``?…Precision`` variable (wikibase:timePrecision: 9 year, 10 month, 11 day), so
"2007" stays the year 2007 and is not read as 1 January. ``?text`` (or ``--text`` with ``{label}``)
gives the words that link the event to documents ("{label} was signed": the act matters, see
docs/corpus.md). Several rows of one entity (a SPARQL query returns one per qualifier value) are
merged; a row without a usable date is skipped with a note on stderr.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml

_DATE = re.compile(r"^\+?(\d{4})-(\d\d)-(\d\d)T")
_PRECISION = {9: 1, 10: 2, 11: 3}  # wikibase:timePrecision -> how many parts of the date to keep
_SLUG = re.compile(r"[^a-z0-9]+")


class WikidataError(ValueError):
    """A file that is not a SPARQL JSON result of the shape described above."""


@attrs.frozen
class ReferenceEvent:
    id: str
    text: str
    on: str | None = None
    start: str | None = None
    end: str | None = None


def _value(row: Mapping[str, Any], name: str) -> str | None:
    cell = row.get(name)
    if isinstance(cell, dict) and isinstance(cell.get("value"), str):
        return str(cell["value"])
    return None


def timex_value(time: str, precision: str | None) -> str | None:
    """A Wikidata time ("2007-12-13T00:00:00Z") at its precision -> a TIMEX3 value ("2007-12-13",
    "2007-12", "2007"); None for a date before year 1 or at a precision coarser than a year."""
    match = _DATE.match(time)
    if match is None:
        return None
    parts = match.groups()
    keep = 3
    if precision is not None:
        try:
            keep = _PRECISION.get(int(precision), 0)
        except ValueError:
            return None
    return "-".join(parts[:keep]) if keep else None


def _dated(row: Mapping[str, Any], name: str) -> str | None:
    time = _value(row, name)
    return timex_value(time, _value(row, f"{name}Precision")) if time else None


def events(result: Mapping[str, Any], text: str = "{label}") -> Iterator[ReferenceEvent | str]:
    """The reference events of a SPARQL result, in its order (a string: a row skipped, and why)."""
    bindings = result.get("results", {}).get("bindings") if isinstance(result.get("results"), dict) else None
    if not isinstance(bindings, list):
        raise WikidataError("not a SPARQL JSON result: no results.bindings list")
    merged: dict[str, ReferenceEvent] = {}
    for number, row in enumerate(bindings, start=1):
        if not isinstance(row, dict):
            yield f"row {number}: not an object"
            continue
        uri = _value(row, "event") or ""
        label = _value(row, "eventLabel") or _value(row, "label")
        if not label:
            yield f"row {number}: no eventLabel"
            continue
        entity = uri.rsplit("/", 1)[-1] or f"row{number}"
        words = _value(row, "text") or text.format(label=label)
        found = ReferenceEvent(
            f"{entity}-{_SLUG.sub('-', label.lower()).strip('-')}"[:80],
            words,
            _dated(row, "pointInTime"),
            _dated(row, "start"),
            _dated(row, "end"),
        )
        known = merged.get(found.id)
        if known is not None:  # another row of the same entity: keep what each row adds
            found = attrs.evolve(known, on=known.on or found.on, start=known.start or found.start,
                                 end=known.end or found.end)
        if not (found.on or found.start or found.end):
            yield f"row {number} ({label}): no date at day, month or year precision"
            continue
        merged[found.id] = found
    yield from merged.values()


def timeline(found: Sequence[ReferenceEvent], source: str) -> str:
    """The reference timeline file's text."""
    rows = []
    for event in found:
        row: dict[str, str] = {"id": event.id, "text": event.text}
        for key in ("on", "start", "end"):
            value = getattr(event, key)
            if value is not None and not (key != "on" and event.on):
                row[key] = value
        rows.append(row)
    head = f"# Reference timeline from the Wikidata SPARQL result {source} (chrono.corpus.wikidata)\n"
    return head + yaml.safe_dump({"events": rows}, sort_keys=False, allow_unicode=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m chrono.corpus.wikidata",
        description="Turn a Wikidata SPARQL result (JSON) into a chrono reference timeline.",
    )
    parser.add_argument("result", help="the SPARQL result, as saved from query.wikidata.org (JSON)")
    parser.add_argument("--text", default="{label}", help="each event's words ({label}: its label)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the timeline here (default stdout)")
    args = parser.parse_args(argv)
    try:
        result = json.loads(Path(args.result).read_text(encoding="utf-8"))
        if not isinstance(result, dict):
            raise WikidataError("not a SPARQL JSON result: not an object")
        found = []
        for item in events(result, args.text):
            if isinstance(item, str):
                print(f"{args.result}: skipped {item}", file=sys.stderr)
            else:
                found.append(item)
    except (OSError, json.JSONDecodeError, WikidataError, KeyError) as error:
        print(f"error: {args.result}: {error}", file=sys.stderr)
        return 2
    text = timeline(found, Path(args.result).name)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
