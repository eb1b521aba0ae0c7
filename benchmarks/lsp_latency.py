"""How long after the last keystroke the editor shows a document's diagnostics.

A real LSP client (pygls's ``LanguageClient``) starts ``chrono server`` over stdio, opens one
Markdown document of ``--size`` characters and then types: ``--rounds`` times a word of
``--keys`` characters, one incremental ``didChange`` per keystroke every ``--interval``
milliseconds, into a paragraph in the middle of the document, then waits for the diagnostics of
the last version. The latency of a round is the time from sending its last keystroke to
receiving those diagnostics: the server's debounce (``--debounce``), the abandoned check of an
earlier keystroke if one was running, the check itself and the protocol's cost. For comparison
the table also gives the check alone (``chrono.server.documents.check_text`` in this process,
best of 3), the time from ``didOpen`` to the first diagnostics (with the server's warm-up), and
the CPU time the server process spent while the person typed, per keystroke ("cpu/key s",
from ``/proc``; what a shorter debounce costs: checks started and abandoned).

Documents: ``news``, whole TimeBank + AQUAINT documents (read in place from the corpus, as
``text_scaling.py`` does) in paragraphs; ``examples``, the prose of the repository's own
``examples/`` repeated: a date, an event and often a contradiction in every sentence (the
network's worst case, 50 conflicts reported).

Usage::

    python benchmarks/lsp_latency.py [--corpus DIR] [--documents news,examples] [--size 50000]
                                     [--rounds 10] [--keys 5] [--interval 120] [--debounce 100]
    python benchmarks/lsp_latency.py --smoke     # examples, 5,000 characters, 2 rounds
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from text_scaling import DEFAULT, build, corpus, examples

from chrono.server.documents import Source, check_text, options_for

try:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient
except ImportError:  # pragma: no cover - the message is the point
    sys.exit("benchmarks/lsp_latency.py needs the server extra: pip install 'chrono-lint[server]'")


def document(kind: str, size: int, corpus_dir: Path) -> str:
    if kind == "examples":
        return build(examples(), "2025-04-24", size, "examples")[:size]
    texts, dct = corpus(corpus_dir)
    return build(texts, dct, size, "paragraphs")[:size]


def check_alone(path: Path, text: str) -> float:
    source = Source.of(path, None)
    assert source is not None
    options = options_for(source, path.parent)
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        check_text(text, source, options)
        runs.append(time.perf_counter() - started)
    return min(runs)


class Typist:
    """A client that records when each version's diagnostics arrive."""

    def __init__(self) -> None:
        self.client = LanguageClient("chrono-latency-benchmark", "1")
        self.arrived: dict[int, tuple[float, int]] = {}
        self.wanted: tuple[int, asyncio.Event] | None = None

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrived[params.version] = (time.perf_counter(), len(params.diagnostics))
                if self.wanted and self.wanted[0] == params.version:
                    self.wanted[1].set()

    async def until(self, version: int) -> tuple[float, int]:
        if version not in self.arrived:
            event = asyncio.Event()
            self.wanted = (version, event)
            await asyncio.wait_for(event.wait(), 120)
        return self.arrived[version]


async def session(
    path: Path, text: str, args: argparse.Namespace
) -> tuple[float, list[float], int, float | None]:
    typist = Typist()
    client = typist.client
    await client.start_io(sys.executable, "-m", "chrono", "server", "--debounce", str(args.debounce))
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=path.parent.as_uri())
    )
    client.initialized(types.InitializedParams())
    uri = path.as_uri()
    opened = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    arrived, findings = await typist.until(1)
    first = arrived - opened
    server = getattr(client, "_server", None)  # pygls keeps the server's process there
    cpu_before = _cpu_seconds(server.pid) if server is not None else None
    # type at the end of the paragraph that holds the middle of the document
    lines = text.split("\n")
    middle = len(text[: len(text) // 2].split("\n")) - 1
    line = next(i for i in range(middle, len(lines)) if lines[i].strip())
    character = len(lines[line].encode("utf-16-le")) // 2
    version, latencies = 1, []
    for _ in range(args.rounds):
        for key in " word"[: args.keys].ljust(args.keys, "s"):
            version += 1
            where = types.Position(line, character)
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    [types.TextDocumentContentChangePartial(range=types.Range(where, where), text=key)],
                )
            )
            sent = time.perf_counter()
            character += 1
            await asyncio.sleep(args.interval / 1000)
        arrived, findings = await typist.until(version)
        latencies.append(arrived - sent)
        await asyncio.sleep(0.5)  # a pause between words
    cpu_after = _cpu_seconds(server.pid) if server is not None else None
    per_key = None
    if cpu_before is not None and cpu_after is not None:
        per_key = (cpu_after - cpu_before) / (args.rounds * args.keys)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, latencies, findings, per_key


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` so far (Linux; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--documents", default="news,examples")
    parser.add_argument("--size", type=int, default=50_000, help="characters (default 50,000)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--keys", type=int, default=5, help="keystrokes per round")
    parser.add_argument("--interval", type=int, default=120, help="milliseconds between keystrokes")
    parser.add_argument("--debounce", type=int, default=100, help="the server's --debounce (ms)")
    parser.add_argument("--smoke", action="store_true", help="examples, 5,000 characters, 2 rounds")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.documents.split(",")]
    if args.smoke:
        kinds, args.size, args.rounds = ["examples"], 5_000, 2
    print(
        f"{args.size:,} characters; {args.rounds} rounds of {args.keys} keystrokes {args.interval} ms apart; "
        f"debounce {args.debounce} ms; latency = last keystroke sent -> its diagnostics received"
    )
    columns = (
        ("findings", 8), ("check s", 8), ("open s", 7), ("median s", 9), ("p90 s", 6), ("max s", 6),
        ("cpu/key s", 9),
    )
    print(f"{'document':<10} " + " ".join(f"{name:>{width}}" for name, width in columns))
    for kind in kinds:
        if kind == "news" and not any(Path(args.corpus).rglob("*.tml")):
            print(f"news: no .tml files under {args.corpus}; skipped", file=sys.stderr)
            continue
        text = document(kind, args.size, Path(args.corpus))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{kind}.md"
            alone = check_alone(path, text)
            first, latencies, findings, per_key = asyncio.run(session(path, text, args))
        ordered = sorted(latencies)
        p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
        print(
            f"{kind:<10} {findings:>8} {alone:>8.3f} {first:>7.3f} {statistics.median(latencies):>9.3f} "
            f"{p90:>6.3f} {max(latencies):>6.3f} {'n/a' if per_key is None else f'{per_key:.3f}':>9}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
