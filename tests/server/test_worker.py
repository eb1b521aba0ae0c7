"""The checking thread: newest text first, a stale check abandoned mid-way, a time budget kept,
and the thread alive through all of it."""

from __future__ import annotations

import queue
import threading
import time
from typing import Any

from chrono.limits import TimeBudgetExceeded
from chrono.server.worker import Job, Worker


def _spin(started: threading.Event | None = None) -> int:
    if started is not None:
        started.set()
    count = 0
    while True:  # pure Python: only an exception from outside ends it
        count += 1


def test_a_running_job_is_abandoned_by_a_newer_one_of_its_key() -> None:
    outcomes: queue.Queue[tuple[str, Any]] = queue.Queue()
    started = threading.Event()
    worker = Worker()
    try:
        worker.submit(Job("doc", lambda: _spin(started), lambda o: outcomes.put(("old", o))))
        assert started.wait(5)
        worker.submit(Job("doc", lambda: 42, lambda o: outcomes.put(("new", o))))
        assert outcomes.get(timeout=5) == ("new", 42)
        time.sleep(0.05)
        assert outcomes.empty()  # the abandoned job reports nothing
    finally:
        worker.close()


def test_a_job_over_its_budget_ends_in_time_budget_exceeded() -> None:
    outcomes: queue.Queue[Any] = queue.Queue()
    worker = Worker()
    try:
        worker.submit(Job("doc", _spin, outcomes.put, budget=0.05))
        assert isinstance(outcomes.get(timeout=5), TimeBudgetExceeded)
        worker.submit(Job("doc", lambda: "after", outcomes.put, budget=5))
        assert outcomes.get(timeout=5) == "after"
    finally:
        worker.close()


def test_a_waiting_job_is_replaced_and_other_keys_keep_theirs() -> None:
    outcomes: queue.Queue[Any] = queue.Queue()
    gate = threading.Event()
    worker = Worker()
    try:
        worker.submit(Job("a", gate.wait, lambda o: None))
        worker.submit(Job("b", lambda: "b1", outcomes.put))
        worker.submit(Job("b", lambda: "b2", outcomes.put))
        worker.submit(Job("c", lambda: "c", outcomes.put))
        gate.set()
        assert {outcomes.get(timeout=5), outcomes.get(timeout=5)} == {"b2", "c"}
        time.sleep(0.05)
        assert outcomes.empty()
    finally:
        worker.close()


def test_abandoning_at_any_moment_never_kills_the_thread() -> None:
    """Signals that land just as a job ends (in the worker's own code) are caught there."""
    outcomes: queue.Queue[Any] = queue.Queue()
    worker = Worker()
    try:
        for number in range(300):
            worker.submit(Job("doc", lambda n=number: sum(range(n * 50)), outcomes.put))
            if number % 3 == 0:
                time.sleep(0.0005)
        worker.submit(Job("doc", lambda: "last", outcomes.put))
        deadline = time.monotonic() + 10
        last = None
        while last != "last" and time.monotonic() < deadline:
            last = outcomes.get(timeout=5)
        assert last == "last"
        assert worker._thread.is_alive()
    finally:
        worker.close()

