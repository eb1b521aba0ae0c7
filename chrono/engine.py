"""The pipeline for a run: discover files, analyse each document, run the rules, collect findings.

Each document is analysed on its own (pure functions of its text and the options); only
``discover`` and ``load`` touch the file system.
"""

from __future__ import annotations

import json
import os
import pickle
import traceback
import typing
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from chrono.baseline import Baseline
from chrono.ingest import KINDS, Loaded, load
from chrono.model import Claim, Document, Event, EventExists, Finding, Severity, Span
from chrono.network import NodeIndex, solve
from chrono.periods import Hemisphere, Period
from chrono.rulebase import Analysis, Rule
from chrono.text.compile import compile_text
from chrono.timeline_files import Problem, parse_timeline
from chrono.timeml_compile import compile_timeml

# The manifest `chrono report` leaves in its output directory, listing the files it wrote there:
# those are output, not documents, wherever the site was written (even into the corpus itself).
REPORT_MARKER = ".chrono-report.json"
REPORT_GENERATOR = "chrono report"


def report_manifest(directory: Path) -> frozenset[str]:
    """The files (relative POSIX names) that a report manifest in ``directory`` lists; empty
    when there is no readable manifest written by ``chrono report``."""
    path = directory / REPORT_MARKER
    if not path.is_file() or path.is_symlink():
        return frozenset()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    if not isinstance(data, dict) or data.get("generator") != REPORT_GENERATOR:
        return frozenset()
    files = data.get("files")
    if not isinstance(files, list):
        return frozenset()
    return frozenset(name for name in files if isinstance(name, str))


def _report_output(candidate: Path, sites: dict[Path, frozenset[str]]) -> bool:
    for folder in candidate.parents:
        if folder in sites:
            relative = candidate.relative_to(folder).as_posix()
            return relative == REPORT_MARKER or relative in sites[folder]
    return False

SKIPPED_DIRECTORIES = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "__pycache__",
        "node_modules",
        ".venv",
        "venv",
        ".tox",
        ".chrono_cache",
        ".mypy_cache",
        ".ruff_cache",
    }
)


@attrs.frozen
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    dct: Period | None = None
    dct_value: str | None = None
    hemisphere: Hemisphere = Hemisphere.NORTH
    fail_level: Severity = Severity.ERROR
    # the configuration's DCT: used only when a document has none of its own (DESIGN.md order)
    default_dct: Period | None = None
    default_dct_value: str | None = None
    # front-matter keys that hold the DCT, in order of preference (configuration: dct-keys)
    dct_keys: tuple[str, ...] = ("date", "published")
    # how an all-numeric date such as 03/04/2025 reads (configuration: date-order)
    day_first: bool = False
    # extra domain-knowledge files (absolute paths; configuration: domain-knowledge)
    domain_files: tuple[str, ...] = ()
    # What happens after the rules (chrono.pipeline; not part of the cache key). Globs are
    # relative to ``root``, the directory of the configuration file (default: cwd).
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    root: str | None = None
    severity_overrides: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()


@attrs.frozen
class Deferred:
    """A document's analysis kept pickled (from the result cache or a worker process) until
    somebody needs it: a warm run that only prints findings never pays for unpickling it."""

    document: Document
    blob: bytes = attrs.field(repr=False)

    def load(self) -> Analysis:
        analysis = pickle.loads(self.blob)
        assert isinstance(analysis, Analysis)
        return analysis


@attrs.frozen
class Report:
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    # ``analyses=`` in the constructor; read through the ``analyses`` property (below)
    _analyses: tuple[Analysis | Deferred, ...] = attrs.field(
        eq=False, repr=False, default=(), alias="analyses"
    )
    # findings hidden by inline suppressions and by the baseline
    suppressed: int = attrs.field(default=0, eq=False)
    baselined: int = attrs.field(default=0, eq=False)

    @property
    def analyses(self) -> tuple[Analysis, ...]:
        """Every document's analysis in file order (those from the cache unpickled on first use)."""
        if any(isinstance(item, Deferred) for item in self._analyses):
            loaded = tuple(item.load() if isinstance(item, Deferred) else item for item in self._analyses)
            object.__setattr__(self, "_analyses", loaded)
        return typing.cast(tuple[Analysis, ...], self._analyses)

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document in file order, without loading deferred analyses."""
        return tuple(item.document for item in self._analyses)

    def failed(self, level: Severity) -> bool:
        return any(f.severity >= level for f in self.findings)

    def summary(self) -> dict[str, object]:
        by_severity = {s.label: 0 for s in sorted(Severity, reverse=True)}
        by_rule: dict[str, int] = {}
        for finding in self.findings:
            by_severity[finding.severity.label] += 1
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
        return {
            "files": len(self.files),
            "findings": len(self.findings),
            "by_severity": by_severity,
            "by_rule": dict(sorted(by_rule.items())),
            # findings not reported: hidden by inline suppressions, or recorded in the baseline
            "suppressed": self.suppressed,
            "baselined": self.baselined,
        }


def discover(paths: Sequence[str], options: Options | None = None) -> list[tuple[Path, str]]:
    """Files to check, in a stable order: given files as they are, directories recursively
    (files with known suffixes only, hidden and tool directories skipped).

    With ``options``: in directories, only files matching its ``include`` globs (when set)
    are taken; files and directories matching ``exclude`` are skipped, given by name or not.
    """
    from chrono.config import glob_match, relative_to_root

    include = options.include if options else ()
    exclude = options.exclude if options else ()
    root = options.root if options else None

    def excluded(candidate: Path) -> bool:
        relative = relative_to_root(candidate, root)
        return any(glob_match(pattern, relative) for pattern in exclude)

    def included(candidate: Path) -> bool:
        if not include:
            return candidate.suffix.lower() in KINDS
        relative = relative_to_root(candidate, root)
        return any(glob_match(pattern, relative) for pattern in include)

    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if exclude and excluded(path):
                continue
            unreadable: list[OSError] = []
            sites: dict[Path, frozenset[str]] = {}
            for top, dirs, files in os.walk(path, onerror=unreadable.append):
                if REPORT_MARKER in files:
                    sites[Path(top)] = report_manifest(Path(top))
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in SKIPPED_DIRECTORIES
                    and not d.startswith(".")
                    and not (exclude and excluded(Path(top) / d))
                )
                for name in sorted(files):
                    candidate = Path(top) / name
                    if _report_output(candidate, sites):
                        continue
                    if included(candidate) and not (exclude and excluded(candidate)):
                        _add(found, seen, candidate)
            # A folder that cannot be listed is reported like a file that cannot be read.
            for error in unreadable:
                if error.filename:
                    _add(found, seen, Path(error.filename))
        elif not (exclude and excluded(path)):
            # A path that does not exist becomes a finding of its own (CHR001) when it is
            # read; the other paths are still checked.
            _add(found, seen, path)
    return found


def _add(found: list[tuple[Path, str]], seen: set[Path], path: Path) -> None:
    resolved = path.resolve()
    if resolved not in seen:
        seen.add(resolved)
        found.append((path, path.as_posix()))


@attrs.frozen
class Compiled:
    """What a reader makes of a document: its events, claims and input problems."""

    document: Document
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()


def compile_timeline(document: Document, options: Options) -> Compiled:
    parsed = parse_timeline(document, options.dct, options.hemisphere)
    dct_source = "--dct" if options.dct is not None else ("file" if parsed.dct is not None else None)
    dct_value = options.dct_value or parsed.dct_value
    if parsed.dct is None and options.default_dct is not None:  # the configuration's DCT comes last
        parsed = parse_timeline(document, options.default_dct, options.hemisphere)
        dct_source, dct_value = "configuration", options.default_dct_value
    document = attrs.evolve(document, dct=parsed.dct, dct_value=dct_value, dct_source=dct_source)
    return Compiled(document, parsed.events, parsed.claims, parsed.problems)


# Document kind -> the function that compiles it. Each kind's suffixes are in chrono.ingest.KINDS.
COMPILERS: dict[str, Callable[[Document, Options], Compiled]] = {
    "timeline": compile_timeline,
    "timeml": compile_timeml,
    **dict.fromkeys(("text", "markdown", "html"), compile_text),
}


def analyze(loaded: Loaded, options: Options) -> Analysis:
    """Turn a loaded document into everything the rules need."""
    compiler = COMPILERS.get(loaded.document.kind)
    if loaded.problems or compiler is None:
        return Analysis(loaded.document, problems=loaded.problems)
    compiled = compiler(loaded.document, options)
    structural = frozenset(i for i, claim in enumerate(compiled.claims) if isinstance(claim, EventExists))
    nodes = NodeIndex(event.id for event in compiled.events)
    solution = solve(compiled.claims, nodes, structural=structural)
    return Analysis(
        compiled.document, compiled.events, compiled.claims, compiled.problems, solution, structural
    )


def run_rules(analysis: Analysis, rules: Iterable[type[Rule]]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule().check(analysis))
    return sorted(findings, key=Finding.sort_key)


def _internal_error(loaded: Loaded, error: BaseException) -> Analysis:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    location = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    message = f"chrono crashed on this file: {type(error).__name__}: {error}{location}"
    return Analysis(loaded.document, problems=(Problem("internal", message, Span(0, 0)),))


def check_file(
    path: Path, display: str, options: Options, rules: Sequence[type[Rule]]
) -> tuple[Analysis, list[Finding]]:
    loaded = load(path, display)
    try:
        analysis = analyze(loaded, options)
        return analysis, run_rules(analysis, rules)
    except Exception as error:  # one bad document must not stop the run
        analysis = _internal_error(loaded, error)
        return analysis, run_rules(analysis, rules)


def check(
    paths: Sequence[str],
    options: Options,
    *,
    jobs: int = 1,
    cache_dir: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    baseline: Baseline | None = None,
    skip_files: Sequence[str] = (),
) -> Report:
    """Check ``paths``: per-file work over ``jobs`` processes (results cached in ``cache_dir``
    when given), corpus rules, then per-file ignores, inline suppressions, severity overrides and
    the baseline. Output order does not depend on ``jobs`` or the cache (chrono.pipeline).
    ``skip_files`` are never checked (the run's own baseline and report files; a directory
    skips every file below it)."""
    from chrono.pipeline import run_check

    return run_check(
        paths,
        options,
        jobs=jobs,
        cache_dir=cache_dir,
        progress=progress,
        baseline=baseline,
        skip_files=skip_files,
    )
