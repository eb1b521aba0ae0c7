"""Fixtures for the CI-integration tests (helpers live in ci_helpers.py beside this file)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ci_helpers import Run, run_chrono


@pytest.fixture
def chrono(tmp_path: Path) -> Callable[..., Run]:
    """Run the CLI in ``tmp_path`` (or ``cwd=``): ``chrono("check", ".", "--format", "json")``."""

    def call(
        *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, prelude: str = ""
    ) -> Run:
        return run_chrono(list(args), cwd or tmp_path, env=env, prelude=prelude)

    return call
