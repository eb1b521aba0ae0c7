"""Per-file work, serially or over a process pool, with results in input order.

Each task is one file: read it, analyse it, run the per-document rules, find its suppression
comments. Any exception in that work becomes an internal-error finding (CHR000) for that file; a
worker process
that dies takes no file's result with it (the files it had are redone in this process).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import attrs

from chrono import suppressions
from chrono.analysis import Analysis
from chrono.analyze import check_file, internal_error
from chrono.corpus.summary import Summary, summarize
from chrono.ingest import Loaded, kind_of
from chrono.model import Document, Finding
from chrono.options import ReadingOptions
from chrono.problems import ProblemKind
from chrono.registry import all_rules, owner
from chrono.results import Deferred
from chrono.rulebase import Rule

# Below this many files to work on, a pool costs more than it saves.
MIN_PARALLEL_FILES = 16


@attrs.frozen
class FileResult:
    """What one file's work produces: picklable, so it crosses process boundaries and caches.

    The analysis is either at hand (``analysis``) or pickled (``blob``: results from worker
    processes and from the cache), and only unpickled when somebody asks for it.
    """

    document: Document
    findings: tuple[Finding, ...]
    suppressions: tuple[suppressions.Suppression, ...] = ()
    crashed: bool = False
    # the result depends on more than the file and the options (a time budget ran out on this
    # machine): never cached
    transient: bool = False
    # what the corpus rules need of the document (chrono.corpus.summary), kept unpickled: small
    summary: Summary | None = None
    analysis: Analysis | None = attrs.field(default=None, eq=False, repr=False)
    blob: bytes | None = attrs.field(default=None, eq=False, repr=False)

    def load(self) -> Analysis:
        if self.analysis is not None:
            return self.analysis
        return self.deferred_analysis().load()

    def deferred_analysis(self) -> Deferred:
        return Deferred(self.document, self.packed().blob or b"")

    def for_report(self) -> Analysis | Deferred:
        return self.analysis if self.analysis is not None else self.deferred_analysis()

    def packed(self) -> FileResult:
        """The same result with the analysis pickled (what crosses processes and is cached)."""
        if self.blob is not None:
            return self if self.analysis is None else attrs.evolve(self, analysis=None)
        blob = pickle.dumps(self.analysis, protocol=pickle.HIGHEST_PROTOCOL)
        return attrs.evolve(self, analysis=None, blob=blob)


def process_file(
    path: Path, display: str, options: ReadingOptions, rules: Sequence[type[Rule]]
) -> FileResult:
    try:
        analysis, found = check_file(path, display, options, rules)
        kinds = {p.kind for p in analysis.problems}
        marks = suppressions.parse(analysis.document.text, path.suffix)
        return FileResult(
            analysis.document,
            tuple(found),
            marks,
            crashed=ProblemKind.INTERNAL in kinds,
            transient=ProblemKind.TIME_LIMIT in kinds,
            summary=summarize(analysis),
            analysis=analysis,
        )
    except Exception as error:  # one bad document must not stop the run
        return _crashed(path, display, error)


def _crashed(path: Path, display: str, error: BaseException) -> FileResult:
    document = Document(display, "", kind_of(path) or "text")
    analysis = internal_error(Loaded(document), error)
    findings = tuple(owner(ProblemKind.INTERNAL)().check(analysis))
    return FileResult(analysis.document, findings, (), True, analysis=analysis)


_WORKER: dict[str, object] = {}


def _init_worker(options: ReadingOptions, codes: tuple[str, ...]) -> None:
    by_code = {rule.code: rule for rule in all_rules()}
    _WORKER["options"] = options
    _WORKER["rules"] = [by_code[code] for code in codes]


def _work(task: tuple[str, str]) -> FileResult:
    options = _WORKER["options"]
    rules = _WORKER["rules"]
    assert isinstance(options, ReadingOptions)
    assert isinstance(rules, list)
    return process_file(Path(task[0]), task[1], options, rules).packed()


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_files(
    tasks: Sequence[tuple[Path, str]],
    options: ReadingOptions,
    rules: Sequence[type[Rule]],
    jobs: int = 1,
    on_result: Callable[[], None] | None = None,
) -> list[FileResult]:
    """Results for ``tasks`` (path, display) in the same order, whatever ``jobs`` is."""
    results: list[FileResult] = []

    def serial(remaining: Sequence[tuple[Path, str]]) -> None:
        for path, display in remaining:
            results.append(process_file(path, display, options, rules))
            if on_result:
                on_result()

    workers = min(jobs, len(tasks))
    if workers <= 1 or len(tasks) < MIN_PARALLEL_FILES:
        serial(tasks)
        return results
    codes = tuple(rule.code for rule in rules)
    chunksize = max(1, min(64, len(tasks) // (workers * 8)))
    try:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(options, codes)) as pool:
            for result in pool.map(_work, [(str(p), d) for p, d in tasks], chunksize=chunksize):
                results.append(result)
                if on_result:
                    on_result()
    except BrokenProcessPool:
        _isolated(tasks[len(results) :], options, codes, results, on_result)
    return results


def _died(path: Path, display: str) -> FileResult:
    died = RuntimeError("the worker process checking this file died (killed or out of memory)")
    return _crashed(path, display, died)


def _isolated(
    remaining: Sequence[tuple[Path, str]],
    options: ReadingOptions,
    codes: tuple[str, ...],
    results: list[FileResult],
    on_result: Callable[[], None] | None,
) -> None:
    """After a worker died: the rest, one file at a time in a one-worker pool, so the file
    that kills its worker is known (it gets an internal-error finding) and every other file is
    checked."""
    while remaining:
        done = 0
        try:
            with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(options, codes)) as pool:
                futures = [pool.submit(_work, (str(p), d)) for p, d in remaining]
                for future in futures:
                    results.append(future.result())
                    done += 1
                    if on_result:
                        on_result()
        except BrokenProcessPool:
            path, display = remaining[done]
            results.append(_died(path, display))
            if on_result:
                on_result()
            done += 1
        remaining = remaining[done:]
