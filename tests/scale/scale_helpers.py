"""A small generated corpus and a stand-in corpus step for the executor tests.

The stand-in step is not a corpus rule of chrono: it only exercises map -> shuffle -> reduce.
Its blocking key is an event's text; a group with events from more than one document gives
each document after the first a finding that names the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from chrono.analysis import Analysis
from chrono.mapreduce import CorpusStep
from chrono.model import Finding, Severity

SHARED = ["Treaty signed", "Bridge opened", "Harbour closed"]


def timeline(index: int, conflict: bool) -> str:
    year = 2000 + index % 7
    shared = SHARED[index % len(SHARED)]
    end = f"by {year - 1}-03" if conflict else f"by {year + 1}-03"
    return (
        f"# Generated timeline {index}\n"
        f"dct: {year + 2}-01-01\n"
        "events:\n"
        "  - id: first\n"
        f"    text: {shared}\n"
        f"    on: {year}-0{1 + index % 8}\n"
        "  - id: second\n"
        f"    text: Own event {index}\n"
        f"    end: {end}\n"
        "relations:\n"
        "  - second after first\n"
    )


def prose(index: int) -> str:
    return (
        "---\n"
        f"date: 2024-0{1 + index % 9}-15\n"
        "---\n"
        f"The council met on 3 March 2024 to discuss item {index}. Two days later the mayor "
        "signed the order. The ferry resumed service in the summer of 2023.\n"
    )


def write_corpus(root: Path, count: int) -> Path:
    """``count`` documents in a few folders: timelines (one in five with a contradiction) and
    prose notes."""
    for index in range(count):
        folder = root / "corpus" / f"part{index % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        if index % 4 == 3:
            (folder / f"note{index:03}.md").write_text(prose(index), encoding="utf-8")
        else:
            (folder / f"doc{index:03}.yaml").write_text(timeline(index, index % 5 == 0), encoding="utf-8")
    return root / "corpus"


def summarize_events(analysis: Analysis) -> Iterable[tuple[str, tuple[str, str]]]:
    if analysis.document.kind != "timeline":
        return
    for event in analysis.events:
        yield event.text.lower(), (analysis.document.path, event.text)


def reduce_events(key: str, summaries: Sequence[tuple[str, str]]) -> Iterable[Finding]:
    first_path = summaries[0][0]
    for path, text in summaries[1:]:
        if path != first_path:
            message = f"'{text}' is also an event of {first_path}"
            yield Finding("TST900", "shared-event", Severity.INFO, path, message, ())


SHARED_EVENTS = CorpusStep("shared-events", summarize_events, reduce_events)


def broken_summarize(analysis: Analysis) -> Iterable[tuple[str, str]]:
    if "doc001" in analysis.document.path:
        raise ValueError("a summary that cannot be made")
    yield "all", analysis.document.path


def count_documents(key: str, summaries: Sequence[str]) -> Iterable[Finding]:
    yield Finding("TST901", "count", Severity.INFO, summaries[0], f"{len(summaries)} documents", ())


BROKEN = CorpusStep("broken", broken_summarize, count_documents)


def kill_the_worker(analysis: Analysis) -> Iterable[tuple[str, str]]:
    """Kills the process summarizing a document named 'die' (never the test process)."""
    import multiprocessing
    import os

    if "die" in analysis.document.path and multiprocessing.parent_process() is not None:
        os._exit(7)
    yield "all", analysis.document.path


KILLER = CorpusStep("killer", kill_the_worker, count_documents)
