"""Per-file work, serially or over a process pool, with results in input order.

Each task is one file: read it, analyse it, run the per-document rules, find its suppression
comments, and (with corpus steps) summarize it for the corpus rules. Any exception in that work
becomes an internal-error finding (CHR000) for that file; a worker process that dies takes no
file's result with it (the files it had are redone in this process).

The same :func:`run_task` is what every executor runs (chrono.executors; the Dask one runs it
on a cluster's workers), so the results do not depend on where a file was checked.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from chrono import suppressions
from chrono.analysis import Analysis
from chrono.analyze import check_file, check_loaded, internal_error
from chrono.cache import Cache
from chrono.corpus.archives import ArchiveError, ArchiveFields, BadRecord, Record, records
from chrono.ingest import Loaded, Location, kind_of, suffix_of
from chrono.layout import Layout
from chrono.mapreduce import CorpusStep, Keyed, summarize
from chrono.model import Document, Finding, Span
from chrono.options import ReadingOptions
from chrono.periods import InvalidValue, NotAPeriod, parse_value
from chrono.problems import Problem, ProblemKind
from chrono.registry import all_rules, owner
from chrono.results import Deferred
from chrono.rulebase import Rule

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# Below this many files to work on, a pool costs more than it saves.
MIN_PARALLEL_FILES = 16
# Files per task sent to a pool worker, at most: a task's overhead is paid once per chunk
MAX_CHUNK = 64
# chunks in flight per worker: enough to keep every worker busy while results are read back,
# few enough that neither the pool nor this process holds the corpus's tasks
CHUNKS_PER_WORKER = 4
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
    analysis: Analysis | None = attrs.field(default=None, eq=False, repr=False)
    blob: bytes | None = attrs.field(default=None, eq=False, repr=False)
    # what the corpus steps (chrono.mapreduce) took from this document
    summaries: tuple[Keyed, ...] = attrs.field(default=(), eq=False, repr=False)

    def load(self) -> Analysis:
        if self.analysis is not None:
            return self.analysis
        if self.blob is None:  # a lean result: only what the output needs was kept
            return Analysis(self.document)
        return self.deferred_analysis().load()

    def deferred_analysis(self) -> Deferred:
        return Deferred(self.document, self.packed().blob or b"")

    def for_report(self) -> Analysis | Deferred:
        if self.analysis is not None:
            return self.analysis
        return self.deferred_analysis() if self.blob is not None else Analysis(self.document)

    def packed(self) -> FileResult:
        """The same result with the analysis pickled (what crosses processes and is cached)."""
        if self.blob is not None or self.analysis is None:
            return self if self.analysis is None else attrs.evolve(self, analysis=None)
        blob = pickle.dumps(self.analysis, protocol=pickle.HIGHEST_PROTOCOL)
        return attrs.evolve(self, analysis=None, blob=blob)

    def without_summaries(self) -> FileResult:
        return attrs.evolve(self, summaries=()) if self.summaries else self

    def lean(self, *, keep_text: bool = False) -> FileResult:
        """Only what the output of a check needs: findings, suppressions, and the document's
        text when there is something to show in it (or may be: ``keep_text``, a document with
        linked events, which a corpus finding may be about). A run over millions of documents
        keeps this much per document, never an analysis."""
        if self.findings or self.suppressions or keep_text:
            document = attrs.evolve(self.document, layout=Layout())
        else:  # its name is all a clean file's result has to carry back
            document = Document(self.document.path, "", self.document.kind)
        return attrs.evolve(self, document=document, analysis=None, blob=None)


def process_file(
    path: Location, display: str, options: ReadingOptions, rules: Sequence[type[Rule]]
) -> FileResult:
    try:
        analysis, found = check_file(path, display, options, rules)
        kinds = {p.kind for p in analysis.problems}
        marks = suppressions.parse(analysis.document.text, suffix_of(path))
        return FileResult(
            analysis.document,
            tuple(found),
            marks,
            crashed=ProblemKind.INTERNAL in kinds,
            transient=ProblemKind.TIME_LIMIT in kinds,
            analysis=analysis,
        )
    except Exception as error:  # one bad document must not stop the run
        return _crashed(path, display, error)


@attrs.frozen
class Work:
    """Everything the per-file work needs besides the file: sent once to each worker."""

    options: ReadingOptions
    rule_codes: tuple[str, ...]
    corpus_steps: tuple[CorpusStep, ...] = ()
    # keep each document's analysis (pickled) for the report and the cache, or only what the
    # output of a check needs (FileResult.lean)
    keep_analyses: bool = True

    def rules(self) -> list[type[Rule]]:
        by_code = {rule.code: rule for rule in all_rules()}
        return [by_code[code] for code in self.rule_codes]


# A task: the file's position in the corpus, where it is (a path or a URL) and its display name.
Task = tuple[int, Location, str]


def run_task(task: Task, work: Work, rules: Sequence[type[Rule]], *, travel: bool = True) -> FileResult:
    """One file's whole work: lean, or with its analysis (pickled when the result ``travel``s
    to another process)."""
    _, location, display = task
    return _finished(process_file(location, display, work.options, rules), task, work, travel)


def _finished(result: FileResult, task: Task, work: Work, travel: bool) -> FileResult:
    """A document's result with its corpus summaries, then lean or packed as ``work`` asks."""
    index, location, display = task
    if work.corpus_steps:
        try:
            keyed = summarize(work.corpus_steps, result.load(), index)
        except Exception as error:  # a broken corpus step is that file's internal error
            result = _crashed(location, display, error)
            keyed = ()
        result = attrs.evolve(result, summaries=keyed)
    return _shaped(result, work, travel)


def _shaped(result: FileResult, work: Work, travel: bool) -> FileResult:
    if not work.keep_analyses:
        return result.lean(keep_text=bool(result.summaries))
    return result.packed() if travel else result


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
    work: Work,
    first_index: int,
    jobs: int = 1,
    cache: Cache | None = None,
) -> Iterator[FileResult]:
    """Every record of the archives, streamed in order: at most a batch of records is in memory
    at once (besides the results the caller keeps), whatever the size of an archive. Records are
    read on this machine (a local pool with ``jobs`` > 1, whichever executor runs the files);
    each is numbered in the corpus from ``first_index`` for the corpus steps. With a ``cache``,
    a record whose path and content (text, date, fields) are unchanged is not read again."""
    rules = work.rules()
    index = first_index
    pool = None
    if cache is not None:  # cached entries hold the analysis, as a file's do
        work = attrs.evolve(work, keep_analyses=True)
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor  # not imported by a serial run

        pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(work,))
    try:
        for path, display in archives:
            try:
                stream = records(path, display, fields, work.options.max_file_bytes)
                for batch in _batches(stream, _RECORD_BATCH):
                    tasks = [(index + number, record, fields) for number, record in enumerate(batch)]
                    index += len(batch)
                    yield from _record_batch(tasks, work, rules, pool, jobs, cache)
            except ArchiveError as error:
                problem = Problem(ProblemKind.UNREADABLE, str(error), Span(0, 0))
                yield _shaped(_problem_result(display, problem, rules), work, travel=False)
                index += 1
    finally:
        if pool is not None:
            pool.shutdown()


RecordTask = tuple[int, Record | BadRecord, ArchiveFields]


def _batches(stream: Iterator[Record | BadRecord], size: int) -> Iterator[list[Record | BadRecord]]:
    """The records in lists of ``size``; when the archive fails part way, the records read before
    the failure come first (they are checked), then the error."""
    batch: list[Record | BadRecord] = []
    try:
        for record in stream:
            batch.append(record)
            if len(batch) == size:
                yield batch
                batch = []
    except ArchiveError:
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def _record_batch(
    tasks: Sequence[RecordTask],
    work: Work,
    rules: Sequence[type[Rule]],
    pool: ProcessPoolExecutor | None,
    jobs: int,
    cache: Cache | None,
) -> Iterator[FileResult]:
    """The results of a batch of records in order: from the cache, or read (then cached)."""
    digests = [record_digest(record, fields) if cache is not None else None for _, record, fields in tasks]
    hits = [cache.get(task[1].path, digest) if cache is not None and digest else None
            for task, digest in zip(tasks, digests, strict=True)]
    todo = [task for task, hit in zip(tasks, hits, strict=True) if not isinstance(hit, FileResult)]
    fresh: Iterator[FileResult]
    if pool is None:
        fresh = (_record_work(task, work, rules, travel=False) for task in todo)
    else:
        fresh = pool.map(_work_record, todo, chunksize=max(1, len(todo) // (jobs * 4)))
    for task, digest, hit in zip(tasks, digests, hits, strict=True):
        if isinstance(hit, FileResult):
            yield hit
            continue
        result = next(fresh)
        if cache is not None and digest and not (result.crashed or result.transient):
            cache.put(task[1].path, digest, result.packed())
        yield result


def record_digest(record: Record | BadRecord, fields: ArchiveFields) -> str | None:
    """What a record's result depends on besides the run's settings (None: never cached)."""
    if isinstance(record, BadRecord):
        return None  # cheap to report again, and its message names its line
    content = json.dumps([record.text, record.date, fields.text, fields.date])
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def _record_work(
    task: RecordTask, work: Work, rules: Sequence[type[Rule]], *, travel: bool = True
) -> FileResult:
    index, record, fields = task
    result = process_record(record, fields, work.options, rules)
    if isinstance(record, BadRecord):
        return _shaped(result, work, travel)
    return _finished(result, (index, Path(record.path), record.path), work, travel)


def _work_record(task: RecordTask) -> FileResult:
    work = _WORKER["work"]
    rules = _WORKER["rules"]
    assert isinstance(work, Work)
    assert isinstance(rules, list)
    return _record_work(task, work, rules)


def _crashed(path: Location, display: str, error: BaseException) -> FileResult:
    document = Document(display, "", kind_of(path) or "text")
    analysis = internal_error(Loaded(document), error)
    findings = tuple(owner(ProblemKind.INTERNAL)().check(analysis))
    return FileResult(analysis.document, findings, (), True, analysis=analysis)


_WORKER: dict[str, object] = {}


def _init_worker(work: Work) -> None:
    _WORKER["work"] = work
    _WORKER["rules"] = work.rules()


def _work(task: Task) -> FileResult:
    work = _WORKER["work"]
    rules = _WORKER["rules"]
    assert isinstance(work, Work)
    assert isinstance(rules, list)
    return run_task(task, work, rules)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def iter_results(
    tasks: Iterable[Task], work: Work, jobs: int = 1, on_result: Callable[[], None] | None = None
) -> Iterator[FileResult]:
    """Results for ``tasks`` in the same order, whatever ``jobs`` is, each as soon as it and
    those before it are done (the caller may drop it before the next arrives).

    ``tasks`` may be a stream (discovery as it walks): it is read as the pool has room, a few
    chunks per worker ahead of the result being handed back, so neither this process nor the
    pool holds every task of a large corpus."""
    stream = iter(tasks)
    # enough tasks read ahead to choose as for a list: few files are checked here, and a corpus
    # of at least this many gets the largest chunks
    lookahead = MAX_CHUNK * max(1, jobs) * 8
    head = list(itertools.islice(stream, lookahead))
    workers = min(jobs, len(head))
    if workers <= 1 or len(head) < MIN_PARALLEL_FILES:
        rules = work.rules()
        for task in itertools.chain(head, stream):
            result = run_task(task, work, rules, travel=False)
            if on_result:
                on_result()
            yield result
        return
    chunksize = max(1, min(MAX_CHUNK, len(head) // (workers * 8)))
    yield from _pooled(itertools.chain(head, stream), work, workers, chunksize, on_result)


def _pooled(
    tasks: Iterator[Task], work: Work, workers: int, chunksize: int, on_result: Callable[[], None] | None
) -> Iterator[FileResult]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    in_flight: deque[tuple[list[Task], Future[list[FileResult]]]] = deque()
    chunks = iter(lambda: list(itertools.islice(tasks, chunksize)), [])
    unsent: list[Task] = []  # a chunk taken from the stream that the pool refused (it broke)
    try:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(work,)) as pool:

            def send(chunk: list[Task]) -> None:
                unsent[:] = chunk
                in_flight.append((chunk, pool.submit(_work_chunk, chunk)))
                unsent.clear()

            for chunk in itertools.islice(chunks, CHUNKS_PER_WORKER * workers):
                send(chunk)
            while in_flight:
                results = in_flight[0][1].result()
                in_flight.popleft()
                for result in results:
                    if on_result:
                        on_result()
                    yield result
                following = next(chunks, None)
                if following is not None:
                    send(following)
    except BrokenProcessPool:
        # the chunks not read back yet, then the rest: one file at a time
        waiting = [task for chunk, _ in in_flight for task in chunk] + unsent
        yield from _isolated(itertools.chain(waiting, tasks), work, on_result)


def _work_chunk(tasks: list[Task]) -> list[FileResult]:
    return [_work(task) for task in tasks]


def died(path: Location, display: str, why: str = "killed or out of memory") -> FileResult:
    """The result of a file whose worker process died while checking it."""
    error = RuntimeError(f"the worker process checking this file died ({why})")
    return _crashed(path, display, error)


def _isolated(
    remaining: Iterator[Task], work: Work, on_result: Callable[[], None] | None
) -> Iterator[FileResult]:
    """After a worker died: the rest, one file at a time in a one-worker pool, so the file
    that kills its worker is known (it gets an internal-error finding) and every other file is
    checked. A window of files is in the pool at a time, the oldest read back first."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    window = MAX_CHUNK * CHUNKS_PER_WORKER
    waiting: deque[Task] = deque()
    while True:
        waiting.extend(itertools.islice(remaining, window - len(waiting)))
        if not waiting:
            return
        try:
            with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(work,)) as pool:
                futures: deque[Future[FileResult]] = deque(pool.submit(_work, task) for task in waiting)
                while futures:
                    result = futures[0].result()
                    futures.popleft()
                    waiting.popleft()
                    if on_result:
                        on_result()
                    yield result
                    following = next(remaining, None)
                    if following is not None:
                        waiting.append(following)
                        futures.append(pool.submit(_work, following))
        except BrokenProcessPool:
            _, path, display = waiting.popleft()
            lost = died(path, display)
            if on_result:
                on_result()
            yield lost
