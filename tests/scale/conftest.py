"""Fixtures for the executor tests (helpers live in scale_helpers.py beside this file)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def dask_executor() -> Iterator[Any]:
    """One LocalCluster of two worker processes for the whole session (starting one costs a
    second or two); skipped with a reason where the dask extra is not installed."""
    pytest.importorskip("distributed", reason="the dask extra is not installed: pip install '.[dask]'")
    import cloudpickle
    import scale_helpers

    from chrono.dask_run import DaskExecutor

    # the workers are other processes that cannot import this test folder: send the stand-in
    # corpus step by value
    cloudpickle.register_pickle_by_value(scale_helpers)
    import dask

    # a task whose worker dies is not retried on another (the default tries three more): the
    # test of a file that kills its worker then costs one worker restart, not four
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        executor = DaskExecutor.connect(None, workers=2)
    try:
        yield executor
    finally:
        executor.close()
