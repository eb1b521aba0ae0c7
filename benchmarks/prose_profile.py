"""Where the time of checking prose goes: characters per CPU-second per stage and end to end.

The raw ``<TEXT>`` of every TimeML document of the corpus (tags stripped, as
:func:`chrono.timeml.parse_timeml` gives it) is written as Markdown with its DCT in the front
matter, as ``benchmarks/text_precision.py`` does, and checked as ``chrono check`` checks it: one
process, no cache, no analysis kept (``chrono.runner.check``), then printed as JSON and as text
(``chrono.formats.render``).

The stages are the functions the pipeline calls, timed where it calls them: this script wraps
each (in this process only) with a timer that charges the CPU time to the innermost stage
running, so the stages add up to the whole and "other" is what no stage covers (discovery,
options, per-file policy, the reader's own glue). A stage's rate is the corpus's characters
divided by its CPU seconds: a stage at 5 M chars/s costs a fifth of a second per MB.

Usage::

    python benchmarks/prose_profile.py [CORPUS_DIR] [--repeats N] [--smoke]
    python benchmarks/prose_profile.py --profile 30   # also the 30 costliest functions (cProfile)

CORPUS_DIR defaults to ``../shared/corpora/tbaq`` beside the repository. Figures are the best
of ``--repeats`` runs (default 5) after one warm-up run, per stage and end to end, with the
load average: on a shared machine, CPU time is the less disturbed measure.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import os
import pstats
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chrono.formats import render
from chrono.options import Options
from chrono.runner import check, selected_rules
from chrono.text.events import lexicon
from chrono.timeml import parse_timeml

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tbaq"

# (stage, module, attribute): each attribute is the name under which the module calls the
# stage's function, so wrapping it there times exactly the pipeline's calls.
STAGES: list[tuple[str, str, str]] = [
    ("read input", "chrono.analyze", "load"),
    ("markup view", "chrono.text.compile", "view_of"),
    ("layout", "chrono.text.compile", "layout_of"),
    ("tagging", "chrono.text.compile", "tag"),
    ("sentences", "chrono.text.compile", "split"),
    ("cues", "chrono.text.compile", "impossible_dates"),
    ("cues", "chrono.text.compile", "weekday_cues"),
    ("cues", "chrono.text.compile", "age_cues"),
    ("cues", "chrono.text.compile", "anniversary_cues"),
    ("cues", "chrono.text.compile", "elapsed_cues"),
    ("cues", "chrono.text.compile", "holiday_cues"),
    ("cues", "chrono.text.compile", "season_cues"),
    ("cues", "chrono.text.compile", "in_calendar"),
    ("layout scopes", "chrono.text.compile", "scopes"),
    ("anchoring", "chrono.text.anchor", "build"),
    ("event triggers", "chrono.text.anchor", "find_triggers"),
    ("event triggers", "chrono.text.anchor", "named_events"),
    ("network", "chrono.analyze", "solve"),
    ("rules", "chrono.analyze", "run_rules"),
    ("suppressions", "chrono.suppressions", "parse"),
    ("corpus summary", "chrono.parallel", "summarize"),
]
OUTPUT = "output"
OTHER = "other"


class Clock:
    """CPU time charged to the innermost stage running (exclusive times)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._stack: list[str] = [OTHER]
        self._mark = time.process_time()

    def _charge(self) -> None:
        now = time.process_time()
        top = self._stack[-1]
        self.spent[top] = self.spent.get(top, 0.0) + now - self._mark
        self._mark = now

    def enter(self, name: str) -> None:
        self._charge()
        self._stack.append(name)

    def leave(self) -> None:
        self._charge()
        self._stack.pop()

    def reset(self) -> None:
        self.spent = {}
        self._stack = [OTHER]
        self._mark = time.process_time()

    def stop(self) -> None:
        self._charge()


def _timed(clock: Clock, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        clock.enter(name)
        try:
            result = function(*args, **kwargs)
            if isinstance(result, types.GeneratorType):  # the cues: their work is in the reading
                result = iter(list(result))
            return result
        finally:
            clock.leave()

    return timed


def instrument(clock: Clock) -> None:
    for name, module_name, attribute in STAGES:
        module = importlib.import_module(module_name)
        setattr(module, attribute, _timed(clock, name, getattr(module, attribute)))


def write_corpus(corpus: Path, folder: Path, smoke: bool) -> tuple[int, int]:
    """Each document as Markdown in ``folder``: how many, and their characters."""
    files = sorted(corpus.rglob("*.tml"))[: 10 if smoke else None]
    total = 0
    for path in files:
        tml = parse_timeml(path.read_text(encoding="utf-8"))
        dct = tml.dct[:10] if tml.dct else ""
        content = (f"---\ndate: {dct}\n---\n" if dct else "") + tml.text
        total += len(content)
        (folder / f"{path.name}.md").write_text(content, encoding="utf-8")
    return len(files), total


def run_once(folder: str, options: Options, clock: Clock) -> int:
    """One check as ``chrono check --format json`` and ``--format text`` run it; the findings.
    Each run reads the corpus as if for the first time: the triggers remembered for sentences
    read before (chrono.text.events.find_triggers, for a document checked again) are forgotten."""
    lexicon(options.reading.domain_files).memo.clear()
    report = check([folder], options, keep_analyses=False)
    rules = selected_rules(options)
    clock.enter(OUTPUT)
    render("json", report, rules=rules, color=False, quiet=False, statistics_only=False)
    render("text", report, rules=rules, color=False, quiet=False, statistics_only=False)
    clock.leave()
    return len(report.findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="the first 10 documents, one repeat")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="also run one check under cProfile and print the N costliest functions")
    args = parser.parse_args(argv)
    repeats = 1 if args.smoke else args.repeats
    options = Options()
    clock = Clock()
    instrument(clock)
    with tempfile.TemporaryDirectory() as tmp:
        documents, chars = write_corpus(Path(args.corpus), Path(tmp), args.smoke)
        if not chars:
            print(f"no .tml files under {args.corpus}", file=sys.stderr)
            return 2
        run_once(tmp, options, clock)  # warm up: resources, compiled patterns
        best: dict[str, float] = {}
        totals: list[float] = []
        walls: list[float] = []
        findings = 0
        for _ in range(repeats):
            clock.reset()
            wall, cpu = time.perf_counter(), time.process_time()
            findings = run_once(tmp, options, clock)
            clock.stop()
            totals.append(time.process_time() - cpu)
            walls.append(time.perf_counter() - wall)
            for name, seconds in clock.spent.items():
                best[name] = min(best.get(name, seconds), seconds)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            run_once(tmp, options, clock)
            profiler.disable()

    total = min(totals)
    print(f"documents: {documents}   "
          f"characters checked (front matter included): {chars:,}   findings: {findings}")
    print(f"load average {os.getloadavg()[0]:.2f}; "
          f"best of {repeats} runs after a warm-up, process CPU time\n")
    print(f"| {'stage':<16} | {'CPU s':>7} | {'share':>6} | {'chars/CPU-s':>13} |")
    print(f"|{'-' * 18}|{'-' * 9}:|{'-' * 7}:|{'-' * 14}:|")
    order = list(dict.fromkeys([name for name, _, _ in STAGES] + [OUTPUT, OTHER]))
    for name in order:
        seconds = best.get(name, 0.0)
        rate = f"{chars / seconds:,.0f}" if seconds > 0 else "-"
        print(f"| {name:<16} | {seconds:7.3f} | {seconds / total:6.1%} | {rate:>13} |")
    print(f"| {'end to end':<16} | {total:7.3f} | {1:6.1%} | {chars / total:>13,.0f} |")
    print(f"\nend to end: best {chars / total:,.0f} characters per CPU-second "
          f"(median {chars / sorted(totals)[len(totals) // 2]:,.0f}); wall best {min(walls):.2f} s "
          f"= {chars / min(walls):,.0f} characters/s")
    print("(per-stage bests come from different runs, so they add up to at most the end-to-end best)")
    if args.profile:
        print()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
