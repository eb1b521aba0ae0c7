"""An exception that escapes a command is an internal error: a short message, a hint to report
it, and exit status 2 (DESIGN.md), never status 1, which means "findings"."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from chrono.cli import main


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("something that cannot happen happened")


# (module, name): the commands import what they run when they run (a fast start), so each is
# replaced where it lives
@pytest.mark.parametrize(
    ("module", "target", "argv"),
    [
        ("chrono.check_command", "run", ["check", "."]),
        ("chrono.registry", "all_rules", ["rules"]),
        ("chrono.extract_cli", "run_extract", ["extract", "-"]),
        ("chrono.cli", "_build_parser", ["rules"]),
    ],
)
def test_an_escaping_exception_exits_2_with_a_short_message(
    module: str,
    target: str,
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(importlib.import_module(module), target, _boom)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith("chrono: internal error: RuntimeError: something that cannot happen happened")
    assert "test_internal_errors.py" in lines[0]  # where it was raised
    assert "report" in captured.err and "Traceback" not in captured.err
    assert len(lines) == 2


def test_usage_errors_keep_their_own_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "CHR999"]) == 2
    assert capsys.readouterr().err == "chrono: error: no rule 'CHR999' (see `chrono rules`)\n"
