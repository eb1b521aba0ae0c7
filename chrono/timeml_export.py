"""``chrono export --format timeml``: chrono's own tagging of documents, written as TimeML.

The output is what the TempEval-3 scorer reads: one ``.tml`` per input with the input's text in
``<TEXT>``, chrono's TIMEX3s inline and the DCT in ``<DCT>``. A ``.tml`` input is re-tagged from
its own text and DCT (the gold tags are dropped), so ``chrono export gold/ -o system/`` gives a
system directory to score against ``gold/`` with the official tools.

Inputs: files, directories (``.tml``, ``.txt`` and ``.md`` files inside, recursively) or ``-`` for
standard input. One input goes to standard output or to ``-o FILE``; several go to ``-o DIR``,
one ``.tml`` per input at the same relative path.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import attrs

from chrono.check_command import UsageError

EXPORT_SUFFIXES = (".tml", ".txt", ".md")


@attrs.frozen
class Source:
    """One document to export: where it came from, its text, DCT and document id."""

    name: str
    relative: Path
    text: str
    dct: str | None
    doc_id: str | None


def add_export_parser(commands: Any) -> None:
    """Register ``chrono export`` on the CLI's subcommands."""
    parser = commands.add_parser(
        "export",
        help="write chrono's tagging of documents as TimeML: chrono export PATH... --format timeml",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    parser.add_argument("--format", choices=("timeml",), default="timeml")
    parser.add_argument("--output", "-o", metavar="FILE|DIR", help="output file (one input) or directory")
    parser.add_argument("--dct", metavar="DATE", help="document creation time (overrides a .tml file's DCT)")


def _read(path: Path, relative: Path, dct: str | None) -> Source | str:
    """The document, or why it cannot be exported."""
    from chrono.ingest import decode
    from chrono.timeml import TimeMLError, read_timeml

    if path.suffix.lower() == ".tml":
        try:
            document = read_timeml(path)
        except TimeMLError as error:
            return str(error)
        return Source(str(path), relative, document.text, dct or document.dct, document.doc_id)
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"{path}: cannot read file: {error.strerror or error}"
    text, failure = decode(data)
    if text is None:
        return f"{path}: {failure}"
    return Source(str(path), relative, text, dct, path.stem)


def inputs(paths: list[str]) -> list[tuple[Path, Path]]:
    """(file, path relative to the output directory) for every input; ``-`` is stdin."""
    found: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            found.append((path, Path("stdin.tml")))
        elif path.is_dir():
            found.extend(
                (child, child.relative_to(path))
                for child in sorted(path.rglob("*"))
                if child.is_file() and child.suffix.lower() in EXPORT_SUFFIXES
            )
        elif path.is_file():
            found.append((path, Path(path.name)))
        else:
            raise UsageError(f"{raw}: no such file or directory")
    return found


def export_timeml(source: Source) -> str:
    """Tag ``source`` with chrono's tagger and serialise the result as TimeML."""
    from chrono.tagger import extract  # the tagger loads its language resources on first use
    from chrono.timeml import write_timeml

    timexes = extract(source.text, source.dct)
    return write_timeml(source.text, timexes, source.dct, source.doc_id)


def run_export(args: argparse.Namespace) -> int:
    """Exit 0 when every document was exported, 1 when some could not be read (each is named
    on stderr and the others are still exported), 2 for usage errors."""
    found = inputs(list(args.paths))
    several = len(found) > 1 or any(Path(p).is_dir() for p in args.paths if p != "-")
    if several and not args.output:
        raise UsageError("several documents to export: give an output directory with -o DIR")
    failed = 0
    for path, relative in found:
        if str(path) == "-":
            source: Source | str = Source("-", relative, sys.stdin.read(), args.dct, "stdin")
        else:
            source = _read(path, relative, args.dct)
        if isinstance(source, str):
            sys.stderr.write(f"chrono: warning: not exported: {source}\n")
            failed += 1
            continue
        try:
            rendered = export_timeml(source)
        except ValueError as error:  # the tagger rejects a DCT that is not a date
            sys.stderr.write(f"chrono: warning: not exported: {source.name}: {error}\n")
            failed += 1
            continue
        if not args.output:
            sys.stdout.write(rendered)
            continue
        target = Path(args.output)
        if several:
            target = target / source.relative.with_suffix(".tml")
            target.parent.mkdir(parents=True, exist_ok=True)
        if target.resolve() == Path(source.name).resolve():
            raise UsageError(f"{target}: refusing to overwrite an input document")
        target.write_text(rendered, encoding="utf-8")
    return 1 if failed else 0
