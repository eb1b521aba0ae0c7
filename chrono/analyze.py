"""One document, start to finish: read it (chrono.readers), solve its constraint network, run
the per-document rules. Pure functions of the loaded document and the options; a crash in any
of it becomes an internal-error problem of that document, never of the run."""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path

from chrono.analysis import Analysis
from chrono.ingest import Loaded, Location, load
from chrono.limits import TimeBudgetExceeded, time_budget
from chrono.model import EventExists, Finding, Grade, Span, grade_of
from chrono.network import NodeIndex, solve
from chrono.options import ReadingOptions
from chrono.problems import Problem, ProblemKind
from chrono.readers import READERS
from chrono.rulebase import Rule


def analyze(loaded: Loaded, options: ReadingOptions) -> Analysis:
    """Turn a loaded document into everything the rules need."""
    reader = READERS.get(loaded.document.kind)
    if loaded.problems or reader is None:
        return Analysis(loaded.document, problems=loaded.problems)
    compiled = reader(loaded.document, options)
    structural = frozenset(i for i, claim in enumerate(compiled.claims) if isinstance(claim, EventExists))
    weak = frozenset(i for i, claim in enumerate(compiled.claims) if grade_of(claim) is Grade.WEAK)
    nodes = NodeIndex(event.id for event in compiled.events)
    solution = solve(compiled.claims, nodes, structural=structural, weak=weak)
    return Analysis(
        compiled.document,
        compiled.events,
        compiled.claims,
        compiled.problems,
        solution,
        structural,
        compiled.timexes,
        compiled.cues,
    )


def run_rules(analysis: Analysis, rules: Iterable[type[Rule]]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule().check(analysis))
    return sorted(findings, key=Finding.sort_key)


def internal_error(loaded: Loaded, error: BaseException) -> Analysis:
    """The analysis of a document that chrono crashed on: one internal-error problem."""
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    location = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    message = f"chrono crashed on this file: {type(error).__name__}: {error}{location}"
    return Analysis(loaded.document, problems=(Problem(ProblemKind.INTERNAL, message, Span(0, 0)),))


def over_budget(loaded: Loaded, seconds: float) -> Analysis:
    """The analysis of a document abandoned when its time budget ran out."""
    message = (
        f"checking this file took longer than its budget of {seconds:g} s and was abandoned: "
        "its dates were not checked (raise `file-time-limit` in the configuration, or split the file)"
    )
    return Analysis(loaded.document, problems=(Problem(ProblemKind.TIME_LIMIT, message, Span(0, 0)),))


def check_file(
    path: Location, display: str, options: ReadingOptions, rules: Sequence[type[Rule]]
) -> tuple[Analysis, list[Finding]]:
    return check_loaded(load(path, display, max_bytes=options.max_file_bytes), options, rules)


def check_loaded(
    loaded: Loaded, options: ReadingOptions, rules: Sequence[type[Rule]]
) -> tuple[Analysis, list[Finding]]:
    """A loaded document's analysis and findings (a file's, or a record's of an archive)."""
    try:
        with time_budget(options.time_limit):
            analysis = analyze(loaded, options)
            return analysis, run_rules(analysis, rules)
    except TimeBudgetExceeded:
        analysis = over_budget(loaded, options.time_limit)
    except Exception as error:  # one bad document must not stop the run
        analysis = internal_error(loaded, error)
    return analysis, run_rules(analysis, rules)
