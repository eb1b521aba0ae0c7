"""A run streams its files: discovery yields them as it walks, the executors read them a window
at a time, and the report counts files instead of listing them when asked to (what
``chrono check`` does except for JUnit)."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_helpers import write_corpus

import chrono.discovery as discovery
import chrono.parallel as parallel
from chrono.discovery import discover, walk
from chrono.executors import PoolExecutor, SerialExecutor
from chrono.options import Options
from chrono.parallel import Task, Work
from chrono.runner import check


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("stream"), 40)


def test_discovery_yields_files_before_the_walk_ends(corpus: Path) -> None:
    files = walk([str(corpus)])
    first = next(files)
    assert first[1].endswith("part0/doc000.yaml")
    assert [display for _, display in itertools.chain([first], files)] == [
        display for _, display in discover([str(corpus)])
    ]


def test_a_file_reached_twice_is_checked_once(corpus: Path) -> None:
    one = discover([str(corpus)])[1][0]
    assert isinstance(one, Path)
    again = discover([str(one), str(corpus), str(corpus / "part1"), str(one)])
    displays = [display for _, display in again]
    assert len(displays) == len(set(displays)) == len(discover([str(corpus)]))
    assert displays[0] == one.as_posix()  # where it was first given


def test_a_walk_remembers_only_files_a_later_path_may_reach(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remembered: list[str] = []
    original = discovery._first_time

    def spy(path: Path, seen: set[str], later: tuple[str, ...]) -> bool:
        answer = original(path, seen, later)
        remembered[:] = sorted(seen)
        return answer

    monkeypatch.setattr(discovery, "_first_time", spy)
    list(walk([str(corpus)]))
    assert remembered == []  # one folder: nothing can come back
    last = discover([str(corpus)])[-1][0]
    assert isinstance(last, Path)
    list(walk([str(corpus), str(last)]))
    assert remembered == [str(last.resolve())]


def test_the_pool_reads_its_tasks_a_window_at_a_time(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_FILES", 2)
    files = discover([str(corpus)])
    read: list[int] = []

    def stream() -> Iterator[Task]:
        for index, (path, display) in enumerate(files * 40):  # 1,600 tasks
            read.append(index)
            yield index, path, display

    work = Work(Options().reading, ("CHR201",))
    results = parallel.iter_results(stream(), work, 2)
    first = next(results)
    assert first.document.path == files[0][1]
    # the first result is back while most tasks are still unread: a lookahead and a window
    assert len(read) <= parallel.MAX_CHUNK * 2 * 8 + parallel.MAX_CHUNK * parallel.CHUNKS_PER_WORKER * 2
    assert len(read) < 1600
    rest = list(results)
    assert len(rest) == 1599
    assert [r.document.path for r in rest[:39]] == [display for _, display in files[1:]]


def test_a_report_counts_files_without_listing_them(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus.parent)
    listed = check(["corpus"], Options(), executor=SerialExecutor(), keep_analyses=False)
    counted = check(["corpus"], Options(), executor=PoolExecutor(2), keep_analyses=False, list_files=False)
    assert counted.files == () and counted.file_count == len(listed.files) == 40
    assert counted.findings == listed.findings
    assert counted.summary() == listed.summary()
    # only the documents with something to show are kept
    assert len(counted.documents) == len({f.path for f in counted.findings}) < 40


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit"])
def test_the_command_line_output_counts_every_file(corpus: Path, fmt: str) -> None:
    command = [sys.executable, "-m", "chrono", "check", "corpus", "--no-cache", "--isolated", "--format", fmt]
    result = subprocess.run(command, cwd=corpus.parent, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    if fmt == "json":
        assert json.loads(result.stdout)["summary"]["files"] == 40
    elif fmt == "sarif":
        assert json.loads(result.stdout)["runs"][0]["properties"]["filesChecked"] == 40
    elif fmt == "junit":  # a test suite per file: the list is kept for it
        assert result.stdout.count("<testsuite ") == 40
    else:
        assert result.stdout.rstrip().endswith("in 40 files.")
