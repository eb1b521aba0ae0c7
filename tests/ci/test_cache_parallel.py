"""The result cache, --jobs, crash isolation and the progress bar, through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ci_helpers import CLEAN, CONFLICT, Chrono, Run, on_pty, write

# Counts the documents analysed in this process (cache misses, with --jobs 1).
COUNT_ANALYSES = """
import atexit, sys
import chrono.analyze as stage
_calls = []
_analyze = stage.analyze
def _counting(loaded, options):
    _calls.append(loaded.document.path)
    return _analyze(loaded, options)
stage.analyze = _counting
atexit.register(lambda: sys.stderr.write(f"ANALYZED {len(_calls)}\\n"))
"""


def analysed(run: Run) -> int:
    line = next(line for line in run.err.splitlines() if line.startswith("ANALYZED"))
    return int(line.split()[1])


def make_corpus(root: Path, count: int = 3) -> None:
    for i in range(count):
        write(root / "corpus" / f"doc{i:03}.yaml", CONFLICT if i % 3 == 0 else CLEAN)


def test_warm_run_reads_the_cache(chrono: Chrono, tmp_path: Path) -> None:
    make_corpus(tmp_path)
    args = ("check", "corpus", "--jobs", "1", "--format", "json")
    cold = chrono(*args, prelude=COUNT_ANALYSES)
    assert analysed(cold) == 3
    cache = tmp_path / ".chrono_cache"
    assert (cache / "CACHEDIR.TAG").is_file()
    assert (cache / ".gitignore").read_text().strip().endswith("*")
    stored = list((cache / "v1").glob("*.pickle"))
    assert len(stored) == 1
    inode, content = stored[0].stat().st_ino, stored[0].read_bytes()

    warm = chrono(*args, prelude=COUNT_ANALYSES)
    assert analysed(warm) == 0
    assert warm.out == cold.out
    assert warm.code == cold.code == 1
    # nothing changed, nothing rewritten (the file is only touched, to mark it as in use)
    assert (stored[0].stat().st_ino, stored[0].read_bytes()) == (inode, content)

    # one file edited: only that file is analysed again
    write(tmp_path / "corpus" / "doc001.yaml", CONFLICT)
    edited = chrono(*args, prelude=COUNT_ANALYSES)
    assert analysed(edited) == 1
    assert len(json.loads(edited.out)["findings"]) == 2

    # an option that changes the analysis uses another key; one that does not reuses it
    assert analysed(chrono(*args, "--dct", "2025-01-01", prelude=COUNT_ANALYSES)) == 3
    assert analysed(chrono(*args, "--fail-level", "warning", prelude=COUNT_ANALYSES)) == 0
    write(tmp_path / "chrono.toml", '[severity]\nCHR201 = "warning"\n')
    softer = chrono(*args, prelude=COUNT_ANALYSES)
    assert analysed(softer) == 0
    assert {f["severity"] for f in json.loads(softer.out)["findings"]} == {"warning"}


def test_no_cache_and_cache_dir(chrono: Chrono, tmp_path: Path) -> None:
    make_corpus(tmp_path)
    run = chrono("check", "corpus", "--jobs", "1", "--no-cache", prelude=COUNT_ANALYSES)
    assert analysed(run) == 3
    assert not (tmp_path / ".chrono_cache").exists()
    chrono("check", "corpus", "--cache-dir", "build/cc")
    assert (tmp_path / "build" / "cc" / "CACHEDIR.TAG").is_file()
    assert not (tmp_path / ".chrono_cache").exists()
    warm = chrono("check", "corpus", "--jobs", "1", "--cache-dir", "build/cc", prelude=COUNT_ANALYSES)
    assert analysed(warm) == 0
    # from the configuration, relative to its file
    write(tmp_path / "chrono.toml", 'cache-dir = "elsewhere"\n')
    assert chrono("check", ".", cwd=tmp_path / "corpus").code == 1
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").is_file()


def test_damaged_cache_is_rebuilt(chrono: Chrono, tmp_path: Path) -> None:
    make_corpus(tmp_path)
    cold = chrono("check", "corpus", "--format", "json")
    for stored in (tmp_path / ".chrono_cache" / "v1").glob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    run = chrono("check", "corpus", "--jobs", "1", "--format", "json", prelude=COUNT_ANALYSES)
    assert run.out == cold.out
    assert analysed(run) == 3
    assert analysed(chrono("check", "corpus", "--jobs", "1", prelude=COUNT_ANALYSES)) == 0


def test_read_only_cache_directory_still_checks(chrono: Chrono, tmp_path: Path) -> None:
    make_corpus(tmp_path)
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "x").write_text("not a directory")
    run = chrono("check", "corpus", "--cache-dir", "ro/x/cache")  # cannot be created
    assert run.code == 1
    assert "CHR201" in run.out


@pytest.fixture
def big_corpus(tmp_path: Path) -> Path:
    for i in range(40):
        text = [CLEAN, CONFLICT, CONFLICT.replace("by 2024-03", "by 2023-12")][i % 3]
        write(tmp_path / "corpus" / f"part{i % 4}" / f"doc{i:03}.yaml", text)
    write(tmp_path / "corpus" / "part0" / "broken.yaml", "events: [\n")
    (tmp_path / "corpus" / "part1" / "latin1.yaml").write_bytes("text: caf\xe9\n".encode("latin-1"))
    write(
        tmp_path / "corpus" / "part2" / "suppressed.yaml",
        CONFLICT.replace("  - id: recapture\n", "  # chrono: ignore\n  - id: recapture\n"),
    )
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_output_is_identical_for_any_jobs(chrono: Chrono, big_corpus: Path, fmt: str) -> None:
    outputs = {
        jobs: chrono("check", "corpus", "--no-cache", "--jobs", jobs, "--format", fmt)
        for jobs in ("1", "2", "4")
    }
    assert outputs["1"].code == 1
    assert "CHR001" in outputs["1"].out
    assert "CHR002" in outputs["1"].out
    assert outputs["1"].out == outputs["2"].out == outputs["4"].out
    # and the same again from a warm cache
    chrono("check", "corpus", "--jobs", "3", "--format", fmt)
    warm = chrono("check", "corpus", "--jobs", "3", "--format", fmt)
    assert warm.out == outputs["1"].out


CRASH_ON_BOOM = """
import chrono.readers as readers
_compile = readers.READERS["timeline"]
def _crashing(document, options):
    if "boom" in document.path:
        raise RuntimeError("kaboom")
    return _compile(document, options)
readers.READERS["timeline"] = _crashing
"""

DIE_ON_DIE = """
import os
import chrono.readers as readers
_main = os.getpid()
_compile = readers.READERS["timeline"]
def _dying(document, options):
    if "die" in document.path and os.getpid() != _main:
        os._exit(7)
    return _compile(document, options)
readers.READERS["timeline"] = _dying
"""


@pytest.mark.parametrize("jobs", ["1", "4"])
def test_a_crash_becomes_a_finding_for_that_file(chrono: Chrono, big_corpus: Path, jobs: str) -> None:
    write(big_corpus / "corpus" / "part3" / "boom.yaml", CLEAN)
    run = chrono("check", "corpus", "--jobs", jobs, "--format", "json", prelude=CRASH_ON_BOOM)
    assert run.code == 2, run
    data = json.loads(run.out)
    crashes = [f for f in data["findings"] if f["rule"] == "CHR000"]
    assert [f["path"] for f in crashes] == ["corpus/part3/boom.yaml"]
    assert "RuntimeError: kaboom" in crashes[0]["message"]
    assert data["summary"]["files"] == 44
    assert sum(1 for f in data["findings"] if f["rule"] == "CHR201") == 26
    # a crash is never cached: the next run tries again
    again = chrono("check", "corpus", "--jobs", jobs, "--format", "json")
    assert "CHR000" not in again.out


def test_a_dying_worker_takes_only_its_own_file(chrono: Chrono, big_corpus: Path) -> None:
    write(big_corpus / "corpus" / "part3" / "die.yaml", CLEAN)
    run = chrono("check", "corpus", "--jobs", "4", "--no-cache", "--format", "json", prelude=DIE_ON_DIE)
    assert run.code == 2, run
    data = json.loads(run.out)
    crashes = [f for f in data["findings"] if f["rule"] == "CHR000"]
    assert [f["path"] for f in crashes] == ["corpus/part3/die.yaml"]
    assert "worker process" in crashes[0]["message"]
    assert sum(1 for f in data["findings"] if f["rule"] == "CHR201") == 26


def test_bad_jobs_value(chrono: Chrono, tmp_path: Path) -> None:
    assert chrono("check", ".", "--jobs", "-1").code == 2


def _stderr_on_tty(args: list[str], cwd: Path, **extra_env: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI")}
    env.update(extra_env)
    return on_pty(args, cwd, env, "stderr")


def test_progress_bar_only_on_a_tty(chrono: Chrono, big_corpus: Path) -> None:
    shown = _stderr_on_tty(["check", "corpus", "--no-cache"], big_corpus)
    assert "\r[" in shown
    assert "43/43 files" in shown
    assert shown.endswith("\r\x1b[2K")  # the bar is cleared before the report
    assert _stderr_on_tty(["check", "corpus", "--no-cache", "--quiet"], big_corpus) == ""
    assert _stderr_on_tty(["check", "corpus", "--no-cache"], big_corpus, CI="true") == ""
    assert chrono("check", "corpus", "--no-cache").err == ""  # stderr is a pipe here
    few = big_corpus / "corpus" / "part0"
    assert _stderr_on_tty(["check", "broken.yaml", "--no-cache"], few) == ""  # one file: no bar


def test_stale_cache_files_are_pruned(chrono: Chrono, tmp_path: Path) -> None:
    make_corpus(tmp_path)
    stale = write(tmp_path / ".chrono_cache" / "v1" / "0123456789abcdef01234567.pickle", "")
    recent = write(tmp_path / ".chrono_cache" / "v1" / "76543210fedcba9876543210.pickle", "")
    month_ago = time.time() - 40 * 24 * 3600
    os.utime(stale, (month_ago, month_ago))
    assert chrono("check", "corpus").code == 1
    assert not stale.exists()
    assert recent.exists()


CORPUS_PLUGIN = '''
"""A third-party corpus-level rule: one event key with different texts in two documents."""
from chrono.model import Severity, Span
from chrono.rulebase import Rule


class KeyClash(Rule):
    """
    What it does
        Reports an event key that two documents describe differently.

    Why it matters
        Test rule.

    Example
        Two files with ``key: k`` and different texts fail.

    How to fix
        Use one text.
    """

    code = "XYZ901"
    name = "key-clash"
    severity = Severity.ERROR
    summary = "one event key, two texts"
    corpus = True

    def check(self, analysis):
        return iter(())

    def check_corpus(self, analyses):
        first = {}
        for analysis in analyses:
            for event in analysis.events:
                if event.key is None:
                    continue
                seen = first.setdefault(event.key, (analysis, event))
                if seen[1].text != event.text:
                    yield self.finding(
                        analysis,
                        f"{event.key!r} is {event.text!r} here but {seen[1].text!r} in {seen[0].document.path}",
                        [Span(event.span.start, event.span.end, "primary")],
                    )


RULES = [KeyClash]
'''


def test_corpus_rules_rerun_over_cached_documents(chrono: Chrono, tmp_path: Path) -> None:
    plugin = tmp_path / "plugin"
    write(plugin / "keyclash.py", CORPUS_PLUGIN)
    write(
        plugin / "keyclash-0.1.dist-info" / "METADATA",
        "Metadata-Version: 2.1\nName: keyclash\nVersion: 0.1\n",
    )
    write(plugin / "keyclash-0.1.dist-info" / "entry_points.txt", "[chrono.rules]\nkeyclash = keyclash\n")
    env = {"PYTHONPATH": str(plugin)}
    event = "events:\n  - id: a\n    key: kursk-incursion\n    text: {text}\n    on: 2024-08-06\n"
    write(tmp_path / "corpus" / "one.yaml", event.format(text="Forces cross the border"))
    write(tmp_path / "corpus" / "two.yaml", event.format(text="Troops enter Kursk"))
    for i in range(20):
        write(tmp_path / "corpus" / f"other{i:02}.yaml", CLEAN)

    def rules(*extra: str) -> tuple[list[tuple[str, str]], int]:
        run = chrono("check", "corpus", "--format", "json", *extra, env=env, prelude=COUNT_ANALYSES)
        found = [(f["rule"], f["path"]) for f in json.loads(run.out)["findings"]]
        return found, analysed(run)

    assert rules("--jobs", "1") == ([("XYZ901", "corpus/two.yaml")], 22)
    assert rules("--jobs", "1") == ([("XYZ901", "corpus/two.yaml")], 0)  # warm: from cached facts
    assert rules("--jobs", "2")[0] == [("XYZ901", "corpus/two.yaml")]
    # the other document changes: the corpus rule sees it, with only that file re-analysed
    write(tmp_path / "corpus" / "one.yaml", event.format(text="Troops enter Kursk"))
    assert rules("--jobs", "1") == ([], 1)


def test_a_foreign_cache_file_is_never_unpickled(tmp_path: Path) -> None:
    """A .chrono_cache committed to a repository must not run code: files are sealed with a
    key kept outside the project."""
    import glob
    import os
    import pickle

    (tmp_path / "a.yaml").write_text("events:\n  - {id: a, on: 2024-08}\n", encoding="utf-8")
    env = {**os.environ, "CHRONO_CACHE_KEY": str(tmp_path / "key")}
    command = [sys.executable, "-m", "chrono", "check", "a.yaml", "--isolated", "-q"]
    assert subprocess.run(command, cwd=tmp_path, env=env, timeout=120).returncode == 0
    files = glob.glob(str(tmp_path / ".chrono_cache" / "v*" / "*.pickle"))
    assert files

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {tmp_path / 'PWNED'}",))

    for name in files:
        Path(name).write_bytes(pickle.dumps(Payload()))
    assert subprocess.run(command, cwd=tmp_path, env=env, timeout=120).returncode == 0
    assert not (tmp_path / "PWNED").exists()
