"""chrono on a Dask distributed cluster (``pip install 'chrono-lint[dask]'``).

Two ways in:

- ``chrono check PATH... --executor dask --scheduler tcp://HOST:8786`` (or ``executor`` and
  ``scheduler`` in ``[tool.chrono]``): the per-file work runs on the cluster's workers
  (:class:`DaskExecutor`); without a scheduler a ``LocalCluster`` of ``--jobs`` worker
  processes is started for the run and closed after it.
- :func:`document_bag`, for people who already run Dask: a ``dask.bag.Bag`` of per-document
  results, computed on whatever scheduler they use.

The workers read the files themselves: local paths must be visible to every worker at the same
path (a shared or network file system), URLs (``s3://``, ``gs://``) need fsspec and the
backend on the workers. Results come back to the driver partition by partition, in file order,
and only what the output needs (:meth:`chrono.parallel.FileResult.lean`) with the compact
summaries of the corpus steps, which then go back to the cluster for the shuffle by blocking
key and the reduce.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from chrono.discovery import discover
from chrono.executors import ExecutorError
from chrono.mapreduce import CorpusStep, Keyed, group_key, in_key_order, reduce_group
from chrono.model import Finding
from chrono.options import Options
from chrono.parallel import FileResult, Task, Work, died, run_task
from chrono.runner import selected_rules, split_rules

# Files per task on the cluster: enough to amortise the fixed cost of a task on the scheduler,
# few enough that every worker gets many tasks and the driver gets results early.
MAX_PARTITION = 256
# partitions sent ahead per worker: enough to keep every worker busy while results come back
WINDOW_PER_WORKER = 4
CONNECT_TIMEOUT = "10s"
CONNECT_TIMEOUT_SECONDS = 10.0


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ExecutorError(
            "--executor dask needs Dask distributed: pip install 'chrono-lint[dask]'"
        ) from None
    return distributed


def absolute(tasks: Sequence[Task]) -> list[Task]:
    """The tasks with local paths made absolute: a worker does not run in this directory."""
    return [
        (index, Path(os.path.abspath(location)) if isinstance(location, Path) else location, display)
        for index, location, display in tasks
    ]


def run_partition(tasks: Sequence[Task], work: Work) -> list[FileResult]:
    """On a worker: the results of a partition's files (lean, with their corpus summaries)."""
    rules = work.rules()
    return [run_task(task, work, rules) for task in tasks]


def _refuse_fast(scheduler: str) -> None:
    """Fails at once when nothing listens at a ``tcp://`` scheduler's address.

    Dask's client retries a refused connection until its timeout; a refused port means no
    scheduler is there, and waiting ten seconds to say so helps nobody. Addresses of other
    protocols, and hosts that do not answer at all, are left to Dask's own timeout.
    """
    if not scheduler.startswith("tcp://"):
        return
    host, _, port = scheduler[len("tcp://"):].rstrip("/").rpartition(":")
    if not host or not port.isdigit():
        return  # Dask says what is wrong with the address
    import socket

    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT_SECONDS):
            pass
    except ConnectionRefusedError:
        raise ExecutorError(
            f"--scheduler {scheduler}: cannot connect: connection refused (no scheduler listens there)"
        ) from None
    except OSError:
        return  # unknown host, unreachable, slow: Dask tries and reports it


class DaskExecutor:
    """Runs the per-file work and the corpus steps' shuffle and reduce on a Dask cluster."""

    local = False

    def __init__(self, client: Any, *, cluster: Any = None, partition_size: int | None = None) -> None:
        self.client = client
        self.cluster = cluster  # a LocalCluster started for this run: closed with it
        self.partition_size = partition_size

    @classmethod
    def connect(
        cls, scheduler: str | None, *, workers: int = 2, partition_size: int | None = None
    ) -> DaskExecutor:
        """A client of the scheduler at ``scheduler``; without one, a LocalCluster of
        ``workers`` single-threaded worker processes."""
        distributed = _distributed()
        import dask.config

        # Dask keeps the last thousand messages of each connection for its developers' logs,
        # and a message that sends a partition holds its files: this process would then hold
        # up to a thousand partitions' worth of tasks (the scheduler of a LocalCluster runs in
        # it too). The connections made here keep none.
        with dask.config.set({"distributed.admin.low-level-log-length": 0}):
            if scheduler:
                _refuse_fast(scheduler)
                try:
                    client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
                except (OSError, TimeoutError, ValueError) as error:
                    raise ExecutorError(f"--scheduler {scheduler}: cannot connect: {error}") from None
                return cls(client, partition_size=partition_size)
            cluster = distributed.LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
            )
            return cls(distributed.Client(cluster), cluster=cluster, partition_size=partition_size)

    def _workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def results(
        self, tasks: Iterable[Task], work: Work, on_result: Callable[[], None] | None = None
    ) -> Iterator[FileResult]:
        """Partitions go to the cluster a window at a time (a few per worker ahead of the one
        being read back): neither the scheduler nor this process holds the whole corpus's tasks,
        and ``tasks`` may be a stream (discovery as it walks), read as partitions are sent.
        A partition whose worker died (after Dask's own retries) is redone file by file."""
        stream = iter(tasks)
        workers = self._workers()
        size = self.partition_size
        if size is None:  # as for a list: the corpus's size is known when it is small
            head = list(itertools.islice(stream, MAX_PARTITION * workers * 8))
            size = max(1, min(MAX_PARTITION, len(head) // (workers * 8) or 1))
            stream = itertools.chain(head, stream)
        partitions = iter(lambda: absolute(list(itertools.islice(stream, size))), [])
        in_flight: deque[tuple[Sequence[Task], Any]] = deque()

        def submit(partition: list[Task]) -> None:
            # the work's settings travel with each task (a few hundred bytes): scattered data
            # is lost with a worker that dies
            in_flight.append((partition, self.client.submit(run_partition, partition, work, pure=False)))

        for first in itertools.islice(partitions, WINDOW_PER_WORKER * workers):
            submit(first)
        while in_flight:
            partition, future = in_flight.popleft()
            try:
                results = future.result()
            except Exception:
                results = list(self._one_by_one(partition, work))
            del future  # the driver keeps no partition it has handed on
            following = next(partitions, None)
            if following is not None:
                submit(following)
            for result in results:
                if on_result:
                    on_result()
                yield result

    def _one_by_one(self, tasks: Sequence[Task], work: Work) -> Iterator[FileResult]:
        """A failed partition's files, each its own task: the file that kills its worker gets
        an internal-error finding, every other file its result."""
        futures = [self.client.submit(run_partition, [task], work, pure=False) for task in tasks]
        for (_, location, display), future in zip(tasks, futures, strict=True):
            try:
                yield from future.result()
            except Exception as error:
                yield died(location, display, f"{type(error).__name__} on the Dask cluster")

    def corpus_findings(self, steps: Sequence[CorpusStep], summaries: Sequence[Keyed]) -> list[Finding]:
        """The shuffle (a bag ``groupby`` by blocking key) and the reduce, on the cluster. The
        summaries came back with their documents' results: compact, and not lost with a worker
        that dies between the map and the shuffle."""
        import dask.bag

        if not summaries:
            return []
        partitions = max(1, min(len(summaries), WINDOW_PER_WORKER * self._workers()))
        bag = dask.bag.from_sequence(summaries, npartitions=partitions)
        reduced = bag.groupby(group_key, shuffle="tasks").map(partial(reduce_group, tuple(steps)))
        return in_key_order(self.client.compute(reduced).result())

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def document_bag(
    paths: Sequence[str],
    options: Options | None = None,
    *,
    corpus_steps: Sequence[CorpusStep] = (),
    partition_size: int = 100,
    keep_analyses: bool = False,
) -> Any:
    """A ``dask.bag.Bag`` of per-document results (chrono.parallel.FileResult), one per file in
    discovery order, ``partition_size`` files to a partition. Each holds the document, the
    findings of the per-document rules (before inline suppressions, per-file ignores, severity
    overrides and the baseline, which ``chrono check`` applies afterwards), the suppression
    comments and, with ``corpus_steps``, the document's corpus summaries; with
    ``keep_analyses``, the pickled analysis (``result.load()`` unpickles it). Nothing runs until
    the bag is computed, on whichever scheduler the caller uses::

        bag = document_bag(["s3://bucket/news/"], Options())
        errors = bag.map(lambda r: r.findings).flatten().filter(lambda f: f.rule == "CHR201")
    """
    _distributed()
    import dask.bag

    options = options or Options()
    per_file, _ = split_rules(selected_rules(options))
    work = Work(options.reading, tuple(r.code for r in per_file), tuple(corpus_steps), keep_analyses)
    files = discover(paths, options.policy)
    tasks = absolute([(index, path, display) for index, (path, display) in enumerate(files)])
    bag = dask.bag.from_sequence(tasks, partition_size=max(1, partition_size))
    return bag.map_partitions(run_partition, work)
