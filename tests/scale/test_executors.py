"""Serial, process-pool and Dask executors: the same findings, byte for byte, in the same order;
corpus steps as map -> shuffle -> reduce; runs that keep no analysis."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from scale_helpers import BROKEN, SHARED_EVENTS, write_corpus

from chrono.executors import PoolExecutor, SerialExecutor
from chrono.formats import render
from chrono.options import Options
from chrono.runner import check


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # more files than chrono.parallel.MIN_PARALLEL_FILES, so that the pool really is a pool
    return write_corpus(tmp_path_factory.mktemp("scale"), 40)


def outputs(corpus: Path, executor: Any, **extra: Any) -> dict[str, str]:
    os.chdir(corpus.parent)  # display paths relative, as a user's run has them
    report = check(["corpus"], Options(), executor=executor, **extra)
    return {fmt: render(fmt, report) for fmt in ("text", "json", "sarif")}


def test_pool_output_is_the_serial_output(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus.parent)
    serial = outputs(corpus, SerialExecutor())
    assert serial == outputs(corpus, PoolExecutor(2))
    assert '"rule": "CHR201"' in serial["json"]  # the planted contradictions are found


def test_dask_output_is_the_serial_output(
    corpus: Path, dask_executor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    assert outputs(corpus, dask_executor) == outputs(corpus, SerialExecutor())


def test_corpus_step_runs_as_map_shuffle_reduce_on_every_executor(
    corpus: Path, dask_executor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    steps = {"corpus_steps": [SHARED_EVENTS]}
    serial = outputs(corpus, SerialExecutor(), **steps)
    assert outputs(corpus, PoolExecutor(2), **steps) == serial
    assert outputs(corpus, dask_executor, **steps) == serial
    report = check(["corpus"], Options(), executor=SerialExecutor(), **steps)
    shared = [f for f in report.findings if f.rule == "TST900"]
    # 30 timelines, each with one of three shared events: every one but the first of each group
    assert len(shared) == 27
    treaty = [f for f in shared if "'Treaty signed'" in f.message]
    # a group's first document is the earliest in the corpus order, whatever ran the map
    assert {f.message for f in treaty} == {"'Treaty signed' is also an event of corpus/part0/doc000.yaml"}
    # the findings land in their documents, in file order
    positions = [report.files.index(f.path) for f in report.findings]
    assert positions == sorted(positions)


def test_corpus_summaries_come_from_the_cache_on_a_warm_run(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    cache = str(tmp_path / "cache")
    cold = check(["corpus"], Options(), cache_dir=cache, corpus_steps=[SHARED_EVENTS])
    warm = check(["corpus"], Options(), cache_dir=cache, corpus_steps=[SHARED_EVENTS])
    plain = check(["corpus"], Options(), cache_dir=cache)
    assert warm.findings == cold.findings
    assert sum(f.rule == "TST900" for f in warm.findings) == 27
    # a run without the step does not get the step's findings from the cache
    assert not any(f.rule == "TST900" for f in plain.findings)


def test_a_broken_corpus_step_is_that_file_s_internal_error(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    for executor in (SerialExecutor(), PoolExecutor(2)):
        report = check(["corpus"], Options(), executor=executor, corpus_steps=[BROKEN])
        crashes = [f for f in report.findings if f.rule == "CHR000"]
        assert [f.path for f in crashes] == ["corpus/part1/doc001.yaml"]
        assert "a summary that cannot be made" in crashes[0].message
        counted = [f for f in report.findings if f.rule == "TST901"]
        assert [f.message for f in counted] == ["39 documents"]  # every other document was summarized


def test_a_lean_run_keeps_findings_and_no_analysis(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus.parent)
    full = check(["corpus"], Options(), executor=PoolExecutor(2))
    lean = check(["corpus"], Options(), executor=PoolExecutor(2), keep_analyses=False)
    assert lean.findings == full.findings
    assert render("text", lean) == render("text", full)
    # only the documents with something to show are held, with their text and nothing else
    with_findings = sorted({f.path for f in lean.findings}, key=lean.files.index)
    assert [analysis.document.path for analysis in lean.analyses] == with_findings
    for analysis in lean.analyses:
        assert analysis.document.text
        assert not analysis.events and not analysis.claims and not analysis.document.layout.blocks


def test_dask_through_the_cli(corpus: Path, dask_executor: Any) -> None:
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "chrono", "check", "corpus", "--no-cache", "--format", "json", *args]
        return subprocess.run(command, cwd=corpus.parent, capture_output=True, text=True, timeout=300)

    address = dask_executor.client.scheduler.address
    on_cluster = run("--executor", "dask", "--scheduler", address)
    serial = run("--executor", "serial")
    assert on_cluster.returncode == serial.returncode == 1, on_cluster.stderr
    assert on_cluster.stdout == serial.stdout
    nowhere = run("--executor", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert nowhere.returncode == 2
    assert "--scheduler tcp://127.0.0.1:9: cannot connect" in nowhere.stderr
    assert run("--scheduler", address).returncode == 2  # a scheduler without the dask executor


def test_the_executor_from_the_configuration(tmp_path: Path) -> None:
    import subprocess
    import sys

    write_corpus(tmp_path, 3)

    def run(config: str, *args: str) -> subprocess.CompletedProcess[str]:
        (tmp_path / "chrono.toml").write_text(config, encoding="utf-8")
        command = [sys.executable, "-m", "chrono", "check", "corpus", "--no-cache", "--format", "json", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)

    serial = run('executor = "serial"\n')
    assert serial.returncode == 1, serial.stderr
    assert '"rule": "CHR201"' in serial.stdout
    wrong = run('executor = "cluster"\n')
    assert wrong.returncode == 2
    assert "'executor' must be one of serial, process, dask (got 'cluster')" in wrong.stderr
    # a scheduler configured for another executor is a mistake, not a silent no-op
    mixed = run('executor = "process"\nscheduler = "tcp://127.0.0.1:9"\n')
    assert mixed.returncode == 2
    assert "--scheduler needs --executor dask" in mixed.stderr


def test_a_file_that_kills_its_dask_worker_costs_only_that_file(tmp_path: Path, dask_executor: Any) -> None:
    from scale_helpers import KILLER

    corpus = write_corpus(tmp_path, 12)
    (corpus / "part0" / "die.yaml").write_text((corpus / "part0" / "doc000.yaml").read_text())
    report = check([str(corpus)], Options(), executor=dask_executor, corpus_steps=[KILLER])
    crashes = [f for f in report.findings if f.rule == "CHR000"]
    assert [f.path.rsplit("/", 1)[1] for f in crashes] == ["die.yaml"]
    assert "worker process checking this file died" in crashes[0].message
    assert [f.message for f in report.findings if f.rule == "TST901"] == ["12 documents"]
    assert sum(f.rule == "CHR201" for f in report.findings) == 3  # doc000, doc005, doc010


def test_the_corpus_rules_run_on_every_executor_with_archives_and_a_reference(
    tmp_path: Path, dask_executor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from chrono.corpus.archives import ArchiveFields
    from chrono.corpus.reference import load_reference

    agree = "Russian troops recaptured Sudzha in March 2025, officials said.\n"
    odd = "The recapture of Sudzha in March 2024 ended the incursion.\n"
    (tmp_path / "news").mkdir()
    for number in range(3):
        (tmp_path / "news" / f"wire{number}.md").write_text(f"---\ndate: 2025-04-20\n---\n{agree}", encoding="utf-8")
    (tmp_path / "news" / "feature.md").write_text(f"---\ndate: 2025-04-20\n---\n{odd}", encoding="utf-8")
    rows = [{"id": "a", "text": agree, "date": "2025-04-21"}, {"id": "b", "text": odd, "date": "2025-04-21"}]
    (tmp_path / "archive.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    options = Options()
    extra: dict[str, Any] = {"archive_fields": ArchiveFields("text", "date", "id")}

    def run(executor: Any) -> dict[str, str]:
        report = check(["news", "archive.jsonl"], options, executor=executor, keep_analyses=False, **extra)
        return {fmt: render(fmt, report) for fmt in ("text", "json", "sarif")}

    serial = run(SerialExecutor())
    found = {(f["rule"], f["path"]) for f in json.loads(serial["json"])["findings"]}
    assert found == {("CHR601", "news/feature.md"), ("CHR601", "archive.jsonl#b")}
    assert run(PoolExecutor(2)) == serial
    assert run(dask_executor) == serial
    (tmp_path / "ref.yaml").write_text(
        "events:\n  - id: sudzha\n    text: Russian troops recaptured Sudzha\n    on: 2024-03\n",
        encoding="utf-8",
    )
    extra["reference"] = (load_reference("ref.yaml", options.reading),)
    serial = run(SerialExecutor())
    found = {(f["rule"], f["path"]) for f in json.loads(serial["json"])["findings"]}
    assert {path for rule, path in found if rule == "CHR602"} == {f"news/wire{n}.md" for n in range(3)} | {
        "archive.jsonl#a"
    }
    assert run(dask_executor) == serial
