"""A line of the layout that is one long run of non-space characters: the pattern that decides
whether a line may stand as an entry must not try every way to split it into words (a fuzzer
found a 324-byte Markdown file that took 12 s this way)."""

from __future__ import annotations

import time

from chrono.analyze import analyze
from chrono.ingest import Loaded
from chrono.model import Document
from chrono.options import ReadingOptions


def _seconds(run: int) -> float:
    text = ("---\ntitle: t\n---\nThe city council met on Tuesday.\nThe ci" + "\x0e" * run
            + "ty council approved the budget on 4 March and the mayor\nsigned it the next day.\n")
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        analyze(Loaded(Document("case.md", text, "markdown")), ReadingOptions())
        best = min(best, time.perf_counter() - started)
    return best


def test_a_long_run_without_spaces_costs_linear_time() -> None:
    """A ratio, not a time bound: eight times the run may cost at most about twenty times
    (the backtracking pattern grew with the fifth power of the run)."""
    _seconds(10)  # load lexicons and patterns once
    small, large = _seconds(40), _seconds(320)
    assert large < max(small, 1e-3) * 20, (small, large)
