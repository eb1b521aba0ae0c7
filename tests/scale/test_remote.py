"""Documents read from fsspec URLs (memory:// and file://), and the Dask bag API."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scale_helpers import SHARED_EVENTS, prose, timeline, write_corpus

from chrono.executors import PoolExecutor, SerialExecutor
from chrono.options import Options
from chrono.runner import check

fsspec = pytest.importorskip("fsspec", reason="fsspec is not installed: pip install '.[dask]'")


@pytest.fixture
def memory_corpus() -> Iterator[str]:
    """20 documents (more than a pool's minimum) on fsspec's in-memory file system."""
    memory = fsspec.filesystem("memory")
    root = "/chrono-test-corpus"
    for index in range(20):
        if index % 4 == 3:
            memory.pipe(f"{root}/notes/note{index:03}.md", prose(index).encode())
        else:
            memory.pipe(f"{root}/doc{index:03}.yaml", timeline(index, index % 5 == 0).encode())
    memory.pipe(f"{root}/.hidden/skipped.yaml", timeline(99, True).encode())
    memory.pipe(f"{root}/image.png", b"\x89PNG")
    yield f"memory://{root}"
    memory.rm(root, recursive=True)


def test_a_memory_url_is_checked_like_the_same_files_on_disk(
    memory_corpus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote = check([memory_corpus], Options(), executor=SerialExecutor())
    assert len(remote.files) == 20  # known kinds only, hidden folders skipped
    assert remote.files[0] == "memory:///chrono-test-corpus/doc000.yaml"
    # the same documents on disk: the same findings but for the name
    memory = fsspec.filesystem("memory")
    for url in remote.files:
        relative = url.removeprefix("memory:///chrono-test-corpus/")
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(memory.cat(url.removeprefix("memory://")))
    monkeypatch.chdir(tmp_path)
    local = check(["."], Options(), executor=SerialExecutor())

    def named(findings: Any, prefix: str) -> list[tuple[str, str, int, str]]:
        return [(f.path.removeprefix(prefix), f.rule, f.line, f.message) for f in findings]

    assert named(remote.findings, "memory:///chrono-test-corpus/") == named(local.findings, "")
    assert sum(f.rule == "CHR201" for f in remote.findings) == 3  # doc000, doc005, doc010


def test_memory_urls_in_a_process_pool_with_a_corpus_step(memory_corpus: str) -> None:
    serial = check([memory_corpus], Options(), executor=SerialExecutor(), corpus_steps=[SHARED_EVENTS])
    pooled = check([memory_corpus], Options(), executor=PoolExecutor(2), corpus_steps=[SHARED_EVENTS])
    assert pooled.findings == serial.findings
    assert any(f.rule == "TST900" for f in serial.findings)


def test_a_missing_url_is_a_finding_and_the_rest_is_checked(memory_corpus: str) -> None:
    missing = "memory:///chrono-test-corpus/gone.yaml"
    report = check([missing, f"{memory_corpus}/doc001.yaml"], Options())
    assert [(f.path, f.rule) for f in report.findings if f.rule == "CHR001"] == [(missing, "CHR001")]
    assert "no such file" in report.findings[0].message
    assert report.files == (missing, "memory:///chrono-test-corpus/doc001.yaml")


def test_a_file_url_through_the_cli(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, 6)

    def run(*paths: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "chrono", "check", *paths, "--no-cache", "--format", "json"]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)

    by_url = run(corpus.as_uri())
    by_path = run(str(corpus))
    assert by_url.returncode == by_path.returncode == 1
    url_findings = json.loads(by_url.stdout)["findings"]
    path_findings = json.loads(by_path.stdout)["findings"]
    assert [f["path"] for f in url_findings] == [f"file://{f['path']}" for f in path_findings]
    assert [f["message"] for f in url_findings] == [f["message"] for f in path_findings]

    unknown = run("nosuchscheme://bucket/news/")
    assert unknown.returncode == 2
    assert "nosuchscheme://bucket/news/" in unknown.stderr
    assert "internal error" not in unknown.stderr


def test_document_bag_holds_each_document_s_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed: pip install '.[dask]'")
    import dask

    from chrono.dask_run import document_bag

    write_corpus(tmp_path, 12)
    monkeypatch.chdir(tmp_path)
    bag = document_bag(["corpus"], Options(), partition_size=5)
    assert bag.npartitions == 3
    results = bag.compute(scheduler="synchronous")
    report = check(["corpus"], Options(), executor=SerialExecutor())
    assert [r.document.path for r in results] == list(report.files)
    assert [f for r in results for f in r.findings] == list(report.findings)
    with dask.config.set(scheduler="synchronous"):
        errors = bag.map(lambda r: r.findings).flatten().filter(lambda f: f.rule == "CHR201").count()
        assert errors.compute() == 3
