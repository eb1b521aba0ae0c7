"""One background thread that checks documents, newest text first, and can abandon a check.

A check of a long document takes a few hundred milliseconds; meanwhile the person goes on
typing. The check of text that has changed since it started is worth nothing, so it is
abandoned at once instead of finishing first: the thread is told to raise :class:`Abandoned`
at its next Python instruction (CPython's ``PyThreadState_SetAsyncExc``, the thread's
counterpart of the signal that ``chrono.limits`` uses for the time budget of ``chrono check``,
and for the same reason: a document's check is a pure function that holds no resource). The
same mechanism enforces the time budget of each check on this thread, where no signal can.

Jobs are keyed (by document): a new job for a key replaces the one waiting for that key and
abandons the one running for it. At most one exception is ever sent to a job; the worker
catches it wherever it lands and clears what was not delivered before it takes the next job.

A job must not start threads, and the worker itself never does (the time budget is kept by a
watchdog thread started with the worker): CPython gives a thread that is being started the
ident of the thread starting it until it runs, so an exception sent in that moment can land in
the new thread too. chrono's checks start none (only chrono.parallel, which the server does not
use, starts processes); when the exception reaches more than one thread it is taken back, and
the job then runs to its end, its result unused.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable
from typing import Any

import attrs

from chrono.limits import TimeBudgetExceeded

_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc


class Abandoned(BaseException):
    """The job's text changed (or the server stops): its result is not wanted. A BaseException,
    so that no ``except Exception`` in the readers can swallow it."""


@attrs.frozen(eq=False)
class Job:
    key: str
    work: Callable[[], Any]
    # called on the worker thread with the work's result, or the exception that ended it
    # (TimeBudgetExceeded, or a bug); never for an abandoned job
    done: Callable[[Any], None]
    budget: float = 0.0  # seconds; 0 for none


class Worker:
    def __init__(self, name: str = "chrono-check") -> None:
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._tick = threading.Condition(self._lock)  # the watchdog's: a new deadline, or closing
        self._deadline: float | None = None  # when the running job's budget runs out
        self._waiting: dict[str, Job] = {}
        self._current: Job | None = None
        self._signalled = False
        self._closed = False
        self._ident = 0
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._watchdog = threading.Thread(target=self._watch, name=f"{name}-budget", daemon=True)
        self._thread.start()
        self._watchdog.start()

    def submit(self, job: Job) -> None:
        """Queue ``job``; it replaces a waiting job of its key and abandons a running one."""
        with self._lock:
            self._waiting.pop(job.key, None)
            self._waiting[job.key] = job
            if self._current is not None and self._current.key == job.key:
                self._signal(self._current, Abandoned)
            self._wake.notify()

    def abandon(self, key: str) -> None:
        """Drop the job of ``key``, waiting or running."""
        with self._lock:
            self._waiting.pop(key, None)
            if self._current is not None and self._current.key == key:
                self._signal(self._current, Abandoned)

    def busy(self) -> bool:
        with self._lock:
            return self._current is not None or bool(self._waiting)

    def close(self, timeout: float = 1.0) -> None:
        with self._lock:
            self._closed = True
            self._waiting.clear()
            if self._current is not None:
                self._signal(self._current, Abandoned)
            self._wake.notify()
            self._tick.notify()
        self._thread.join(timeout)
        self._watchdog.join(timeout)

    # -- on the worker thread ---------------------------------------------------------------

    def _signal(self, job: Job, error: type[BaseException]) -> None:
        """Raise ``error`` in the running ``job`` (the lock is held)."""
        if self._current is job and not self._signalled:
            self._signalled = True
            if _set_async_exc(ctypes.c_ulong(self._ident), ctypes.py_object(error)) > 1:
                # more than one thread has the ident (see above): take it back from all of them
                _set_async_exc(ctypes.c_ulong(self._ident), None)

    def _watch(self) -> None:
        """The watchdog: sends TimeBudgetExceeded to a job still running at its deadline."""
        with self._lock:
            while not self._closed:
                if self._deadline is None:
                    self._tick.wait()
                elif (left := self._deadline - time.monotonic()) > 0:
                    self._tick.wait(left)
                else:
                    if self._current is not None:
                        self._signal(self._current, TimeBudgetExceeded)
                    self._deadline = None

    def _next(self) -> Job | None:
        with self._lock:
            while not self._waiting and not self._closed:
                self._wake.wait()
            if self._closed:
                return None
            key = next(iter(self._waiting))
            return self._waiting.pop(key)

    def _serve(self) -> None:
        self._ident = threading.get_ident()
        while (job := self._next()) is not None:
            outcome = self._outcome(job)
            if not isinstance(outcome, Abandoned):
                job.done(outcome)

    def _outcome(self, job: Job) -> Any:
        """Run ``job``: its result, or the exception that ended it. Whatever instruction the
        job's one signal lands on, it is caught here, and none is left to land later."""
        results: list[Any] = []
        while True:
            try:
                if not results:
                    try:
                        with self._lock:
                            self._current, self._signalled = job, False
                            self._deadline = time.monotonic() + job.budget if job.budget > 0 else None
                            self._tick.notify()
                        results.append(job.work())
                    except BaseException as error:
                        results.append(error)
                with self._lock:
                    self._current, self._deadline = None, None
                    _set_async_exc(ctypes.c_ulong(self._ident), None)  # an undelivered signal
                return results[0]  # a signal that came after the work was done changes nothing
            except BaseException as late:  # the signal, landing between the lines above
                if not results:
                    results.append(late)
