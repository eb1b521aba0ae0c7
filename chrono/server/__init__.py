"""``chrono server``: a language server (LSP over stdio) that checks documents as they are
written, in any editor with an LSP client (docs/editors.md).

It needs the ``server`` extra (pygls); ``chrono`` without it never imports pygls, and
``chrono server`` without it says how to install it. The parts that need no pygls (positions,
checking a document's text, hover text, code actions) are plain modules beside
``protocol.py``, the one that speaks the protocol.
"""

from __future__ import annotations

import argparse
import importlib
import sys

EXIT_OK, EXIT_ERROR = 0, 2
INSTALL_HINT = "pip install 'chrono-lint[server]'"


def add_server_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "server", help="run the language server for editors (LSP over stdio; needs chrono-lint[server])"
    )
    parser.add_argument(
        "--stdio", action="store_true", help="talk over stdin/stdout (the default and only transport)"
    )
    parser.add_argument(
        "--debounce",
        type=int,
        default=100,
        metavar="MS",
        help="milliseconds without a change before a changed document is checked (default 100)",
    )
    parser.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        default="warning",
        help="what the server logs on stderr (default warning)",
    )


def run_server(args: argparse.Namespace) -> int:
    if args.debounce < 0:
        sys.stderr.write(f"chrono: error: --debounce must be 0 or more, not {args.debounce}\n")
        return EXIT_ERROR
    try:
        protocol = importlib.import_module("chrono.server.protocol")
    except ImportError as error:
        if error.name not in ("pygls", "lsprotocol") and not str(error.name or "").startswith("pygls."):
            raise
        sys.stderr.write(
            "chrono: error: `chrono server` needs the language server extra, which is not installed "
            f"({error.name} is missing): {INSTALL_HINT}\n"
        )
        return EXIT_ERROR
    import logging  # only when the server runs: the command line starts without it

    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr, format="chrono server: %(message)s")
    if args.log_level != "debug":  # pygls logs every message it sends at info level
        logging.getLogger("pygls").setLevel(max(logging.WARNING, logging.getLogger().level))
    server = protocol.create_server(args.debounce / 1000)
    server.start_io()
    return EXIT_OK
