"""Files that are not documents (pipes, links, huge or slow files) never hang or stop a run."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from chrono.cache import Cache
from chrono.discovery import discover
from chrono.ingest import load
from chrono.limits import TimeBudgetExceeded, time_budget
from chrono.options import Options, ReadingOptions
from chrono.runner import check

CLEAN = "events:\n  - {id: a, on: 2024-05-01}\n"
CONFLICT = "events:\n  - {id: a, start: 2024-09, end: 2024-06}\n"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks need POSIX")


@posix_only
def test_a_fifo_in_a_folder_is_skipped_and_never_read(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")  # nobody ever writes to it: reading it would block forever
    assert [display for _, display in discover([str(tmp_path)])] == [(tmp_path / "a.yaml").as_posix()]


@posix_only
def test_a_fifo_given_by_name_is_reported_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "b.yaml").write_text(CONFLICT, encoding="utf-8")
    report = check([str(tmp_path / "pipe.md"), str(tmp_path / "b.yaml")], Options())
    rules = [(Path(f.path).name, f.rule) for f in report.findings]
    assert ("pipe.md", "CHR001") in rules
    assert ("b.yaml", "CHR202") in rules  # the rest of the run goes on
    message = next(f.message for f in report.findings if f.rule == "CHR001")
    assert "not a regular file (a named pipe (FIFO))" in message


@posix_only
def test_a_device_is_not_read(tmp_path: Path) -> None:
    loaded = load(Path("/dev/zero"), "zero.md")
    assert [p.kind.value for p in loaded.problems] == ["unreadable"]
    assert "a character device" in loaded.problems[0].message


@posix_only
def test_a_self_looping_symlink_is_one_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "b.yaml").write_text(CONFLICT, encoding="utf-8")
    report = check([str(tmp_path / "loop.md"), str(tmp_path / "b.yaml")], Options())
    rules = sorted((Path(f.path).name, f.rule) for f in report.findings)
    assert rules == [("b.yaml", "CHR202"), ("loop.md", "CHR001")]
    assert "symbolic links" in next(f.message for f in report.findings if f.rule == "CHR001")


@posix_only
def test_links_inside_a_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ndate: 2024-01-01\n---\nPrivate.\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.yaml").write_text(CLEAN, encoding="utf-8")
    (tree / "file-link.md").symlink_to(outside / "secret.md")
    (tree / "folder-link").symlink_to(outside, target_is_directory=True)
    (tree / "loop.md").symlink_to(tree / "loop.md")
    assert [Path(d).name for _, d in discover([str(tree)])] == ["a.yaml"]


def test_a_file_over_the_size_limit_is_reported_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text("---\ndate: 2024-06-01\n---\n" + "The fair opened on 3 May 2024.\n" * 400, encoding="utf-8")
    options = Options(reading=ReadingOptions(max_file_bytes=1000))
    (finding,) = check([str(big)], options).findings
    assert finding.rule == "CHR005"
    assert "the file is 12.4 kB, over the limit of 1.0 kB" in finding.message
    assert check([str(big)], Options(reading=ReadingOptions(max_file_bytes=0))).findings == ()


def _spin_forever() -> None:
    while True:
        pass


def test_a_time_budget_interrupts_pure_python_work() -> None:
    started = time.perf_counter()
    with pytest.raises(TimeBudgetExceeded), time_budget(0.2):
        _spin_forever()
    assert time.perf_counter() - started < 5
    with time_budget(0):  # no budget: nothing happens
        pass


def test_a_file_over_its_time_budget_is_reported_and_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import chrono.analyze as stage

    def slow(loaded: object, options: object) -> object:
        while True:
            pass

    (tmp_path / "slow.yaml").write_text(CLEAN, encoding="utf-8")
    monkeypatch.setattr(stage, "analyze", slow)
    options = Options(reading=ReadingOptions(time_limit=0.3))
    report = check([str(tmp_path / "slow.yaml")], options, cache_dir=str(tmp_path / "cache"))
    (finding,) = report.findings
    assert finding.rule == "CHR005"
    assert "longer than its budget of 0.3 s" in finding.message
    assert not report.crashed
    monkeypatch.undo()
    assert check([str(tmp_path / "slow.yaml")], options, cache_dir=str(tmp_path / "cache")).findings == ()


def test_concurrent_runs_keep_each_other_s_cache_entries(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text(name, encoding="utf-8")
    first, second = Cache(tmp_path / "cache", "k" * 24), Cache(tmp_path / "cache", "k" * 24)
    first.put(str(tmp_path / "a.md"), "digest-a", "result-a")
    second.put(str(tmp_path / "b.md"), "digest-b", "result-b")
    first.save()
    second.save()  # used to write back only what it had read, dropping the first run's entry
    again = Cache(tmp_path / "cache", "k" * 24)
    assert again.get(str(tmp_path / "a.md"), "digest-a") == "result-a"
    assert again.get(str(tmp_path / "b.md"), "digest-b") == "result-b"


def test_a_cache_secret_from_the_environment_is_shared_by_every_runner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    monkeypatch.setenv("CHRONO_CACHE_SECRET", "s" * 40)
    monkeypatch.setenv("CHRONO_CACHE_KEY", str(tmp_path / "runner-one-key"))
    cache = Cache(tmp_path / "cache", "k" * 24)
    cache.put(str(tmp_path / "a.md"), "d", "r")
    cache.save()
    monkeypatch.setenv("CHRONO_CACHE_KEY", str(tmp_path / "runner-two-key"))  # another machine
    assert Cache(tmp_path / "cache", "k" * 24).get(str(tmp_path / "a.md"), "d") == "r"
