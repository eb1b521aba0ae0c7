"""Per-file resource limits: no single document may stall a run (configuration:
``max-file-size``, ``file-time-limit``).

The time budget is a POSIX interval timer: when it fires, the work on the document is abandoned
at the next Python instruction and the document gets a finding saying so; every other document is
still checked. Where no timer can be set (not on the main thread of the process, or no SIGALRM on
this platform) the budget is not enforced.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

DEFAULT_MAX_FILE_BYTES = 20_000_000
DEFAULT_TIME_LIMIT = 120.0  # seconds per document


class TimeBudgetExceeded(BaseException):
    """The time budget of one document ran out (a BaseException, so that no ``except
    Exception`` inside the readers can swallow it)."""


def _expire(signum: int, frame: FrameType | None) -> None:
    raise TimeBudgetExceeded


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeBudgetExceeded` in the block after ``seconds`` (0: no budget)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
