"""Per-file work, serially or over a process pool, with results in input order.

Each task is one file: read it, analyse it, run the per-document rules, find its suppression
comments. Any exception in that work becomes an internal-error finding (CHR000) for that file; a
worker process
that dies takes no file's result with it (the files it had are redone in this process).
"""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import attrs

from chrono import suppressions
from chrono.analysis import Analysis
from chrono.analyze import check_file, check_loaded, internal_error
from chrono.corpus.archives import ArchiveError, ArchiveFields, BadRecord, Record, records
from chrono.corpus.summary import Summary, summarize
from chrono.ingest import Loaded, kind_of
from chrono.model import Document, Finding, Span
from chrono.options import ReadingOptions
from chrono.periods import InvalidValue, NotAPeriod, parse_value
from chrono.problems import Problem, ProblemKind
from chrono.registry import all_rules, owner
from chrono.results import Deferred
from chrono.rulebase import Rule

# Below this many files to work on, a pool costs more than it saves.
MIN_PARALLEL_FILES = 16
# Records of an archive read ahead of their work: what bounds the memory an archive takes
_RECORD_BATCH = 256


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


def process_record(
    record: Record | BadRecord, fields: ArchiveFields, options: ReadingOptions, rules: Sequence[type[Rule]]
) -> FileResult:
    """One record of an archive, as :func:`process_file` does a file: its date is the record's
    date field (unless --dct gives one); a record that could not be read is a finding of its own."""
    if isinstance(record, BadRecord):
        return _problem_result(record.path, Problem(ProblemKind.SYNTAX, record.message, Span(0, 0)), rules)
    try:
        reading, bad_date = _record_date(record, fields, options)
        analysis, found = check_loaded(Loaded(Document(record.path, record.text, "text")), reading, rules)
        if reading is not options:
            source = f"record field {fields.date!r}"
            analysis = attrs.evolve(analysis, document=attrs.evolve(analysis.document, dct_source=source))
        if bad_date is not None:
            analysis = attrs.evolve(analysis, problems=(*analysis.problems, bad_date))
            judge = owner(bad_date.kind)
            if judge in rules:
                found = [*found, *judge().check(Analysis(analysis.document, problems=(bad_date,)))]
        kinds = {p.kind for p in analysis.problems}
        return FileResult(
            analysis.document,
            tuple(found),
            suppressions.parse(record.text, ".txt"),
            crashed=ProblemKind.INTERNAL in kinds,
            transient=ProblemKind.TIME_LIMIT in kinds,
            summary=summarize(analysis),
            analysis=analysis,
        )
    except Exception as error:  # one bad record must not stop the run
        return _crashed(Path(record.path), record.path, error)


def _record_date(
    record: Record, fields: ArchiveFields, options: ReadingOptions
) -> tuple[ReadingOptions, Problem | None]:
    if record.date is None or options.dct is not None:
        return options, None
    day = record.date.strip()[:10]
    try:
        period = parse_value(day, hemisphere=options.hemisphere)
    except (InvalidValue, NotAPeriod, ValueError) as error:
        message = f"the record's date {record.date!r} (field {fields.date!r}) is not a date: {error}"
        return options, Problem(ProblemKind.TEXT_BAD_DCT, message, Span(0, 0))
    if period.length is None or period.length > 86400:
        message = f"the record's date {record.date!r} (field {fields.date!r}) is not a day"
        return options, Problem(ProblemKind.TEXT_BAD_DCT, message, Span(0, 0))
    return attrs.evolve(options, dct=period, dct_value=day), None


def _problem_result(display: str, problem: Problem, rules: Sequence[type[Rule]]) -> FileResult:
    analysis = Analysis(Document(display, "", "text"), problems=(problem,))
    findings = [f for rule in rules for f in rule().check(analysis)]
    if not findings:  # the problem's rule is not selected: it still may not pass unseen
        findings = list(owner(problem.kind)().check(analysis))
    return FileResult(analysis.document, tuple(findings), analysis=analysis)


def run_archives(
    archives: Sequence[tuple[Path, str]],
    fields: ArchiveFields,
    options: ReadingOptions,
    rules: Sequence[type[Rule]],
    jobs: int = 1,
) -> list[FileResult]:
    """Every record of the archives, streamed: at most a batch of records is in memory at once
    (besides the results), whatever the size of an archive."""
    results: list[FileResult] = []
    codes = tuple(rule.code for rule in rules)
    pool = None
    if jobs > 1:
        pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(options, codes))
    try:
        for path, display in archives:
            try:
                stream = records(path, display, fields, options.max_file_bytes)
                while batch := list(itertools.islice(stream, _RECORD_BATCH)):
                    if pool is None:
                        results.extend(process_record(r, fields, options, rules) for r in batch)
                    else:
                        tasks = [(r, fields) for r in batch]
                        chunk = max(1, len(tasks) // (jobs * 4))
                        results.extend(pool.map(_work_record, tasks, chunksize=chunk))
            except ArchiveError as error:
                problem = Problem(ProblemKind.UNREADABLE, str(error), Span(0, 0))
                results.append(_problem_result(display, problem, rules))
    finally:
        if pool is not None:
            pool.shutdown()
    return results


def _work_record(task: tuple[Record | BadRecord, ArchiveFields]) -> FileResult:
    options = _WORKER["options"]
    rules = _WORKER["rules"]
    assert isinstance(options, ReadingOptions)
    assert isinstance(rules, list)
    return process_record(task[0], task[1], options, rules).packed()


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
