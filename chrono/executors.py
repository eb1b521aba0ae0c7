"""Where the per-file work runs: one interface, three executors.

- ``SerialExecutor``: in this process, one file after the other;
- ``PoolExecutor``: a process pool on this machine (``--jobs N``);
- ``chrono.dask_run.DaskExecutor``: the workers of a Dask distributed cluster
  (``--executor dask --scheduler tcp://HOST:8786``), imported only when asked for.

Every executor runs the same per-file function (chrono.parallel.run_task) and yields the
results in task order, one at a time, so the run's output is the same byte for byte whichever
runs it. Corpus steps (chrono.mapreduce) are map -> shuffle -> reduce: every executor's results
carry the map's summaries or keep them where they were made, and ``corpus_findings`` groups and
reduces them (in this process for the local executors, on the cluster for Dask).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from chrono.mapreduce import CorpusStep, Keyed, reduce_locally
from chrono.model import Finding
from chrono.parallel import FileResult, Task, Work, iter_results


class ExecutorError(Exception):
    """An executor that cannot be used (Dask missing, a scheduler that does not answer): a
    usage error, exit code 2."""


class Executor(Protocol):
    """Runs the per-file work of a check and the shuffle and reduce of its corpus steps."""

    # whether files are read on this machine, so that the local result cache can serve them
    local: bool

    def results(
        self, tasks: Iterable[Task], work: Work, on_result: Callable[[], None] | None = None
    ) -> Iterator[FileResult]:
        """The results of ``tasks`` in task order (``on_result`` is called after each);
        ``tasks`` may be a stream, read as the executor has room for them."""
        ...

    def corpus_findings(self, steps: Sequence[CorpusStep], summaries: Sequence[Keyed]) -> list[Finding]:
        """After ``results`` is exhausted: the corpus steps' findings, groups in key order, from
        ``summaries`` (those held here, e.g. from the cache) and any the executor kept."""
        ...

    def close(self) -> None: ...


class SerialExecutor:
    """One file after the other, in this process."""

    local = True

    def results(
        self, tasks: Iterable[Task], work: Work, on_result: Callable[[], None] | None = None
    ) -> Iterator[FileResult]:
        return iter_results(tasks, work, 1, on_result)

    def corpus_findings(self, steps: Sequence[CorpusStep], summaries: Sequence[Keyed]) -> list[Finding]:
        return reduce_locally(steps, summaries)

    def close(self) -> None:
        pass


class PoolExecutor(SerialExecutor):
    """A pool of ``jobs`` worker processes on this machine (serial below a few files, where a
    pool costs more than it saves; a worker that dies costs only the file it was reading)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def results(
        self, tasks: Iterable[Task], work: Work, on_result: Callable[[], None] | None = None
    ) -> Iterator[FileResult]:
        return iter_results(tasks, work, self.jobs, on_result)
