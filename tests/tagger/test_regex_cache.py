"""The compiled-pattern cache (``re-*.bin``) is sealed with the user's key: a file that does not
verify is never handed to the regex engine, and is rebuilt and written over."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chrono.regex_cache import compile_cached

TAG = ("from chrono.tagger import extract; "
       "print([(t.text, t.value) for t in extract('It fell on 3 May 2024.', '2024-05-05')])")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHRONO_CACHE_DIR", str(folder))
    monkeypatch.setenv("CHRONO_CACHE_KEY", str(tmp_path / "key"))
    monkeypatch.delenv("CHRONO_NO_CACHE", raising=False)
    return folder


def _sealed_body_of(pattern: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The body (the file without its seal) that the cache writes for ``pattern``."""
    monkeypatch.setenv("CHRONO_CACHE_DIR", str(folder))
    compile_cached(pattern, lambda: pattern)
    (written,) = folder.glob("re-*.bin")
    return written.read_bytes()[32:]


def test_a_file_that_does_not_verify_is_rebuilt(cache: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert compile_cached("k", lambda: r"\d+ May").match("3 May")
    (entry,) = cache.glob("re-*.bin")
    sealed = entry.read_bytes()
    # A program that never matches, behind the seal of the real one: the seal does not fit.
    foreign = _sealed_body_of("(?!)", tmp_path / "other", monkeypatch)
    monkeypatch.setenv("CHRONO_CACHE_DIR", str(cache))
    entry.write_bytes(sealed[:32] + foreign)
    assert compile_cached("k", lambda: r"\d+ May").match("3 May")
    assert entry.read_bytes() == sealed


def test_another_entry_copied_over_a_file_is_rebuilt(cache: Path) -> None:
    compile_cached("a", lambda: "a+")
    first = set(cache.glob("re-*.bin"))
    compile_cached("b", lambda: "b+")
    (a_file,) = first
    (b_file,) = set(cache.glob("re-*.bin")) - first
    sealed = a_file.read_bytes()
    a_file.write_bytes(b_file.read_bytes())  # sealed by the same key, but for another name
    assert compile_cached("a", lambda: "a+").pattern == "a+"
    assert a_file.read_bytes() == sealed


def test_the_tagger_survives_a_tampered_cache(cache: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def tag() -> str:
        run = subprocess.run([sys.executable, "-c", TAG], env=dict(os.environ),
                             capture_output=True, text=True, check=True)
        return run.stdout

    expected = tag()
    assert "2024-05-03" in expected
    entries = {path: path.read_bytes() for path in cache.glob("re-*.bin")}
    assert entries
    # Every program swapped for one that never matches; the seals left as they were. Were the
    # files trusted, the tagger would find nothing.
    never = _sealed_body_of("(?!)", tmp_path / "other", monkeypatch)
    monkeypatch.setenv("CHRONO_CACHE_DIR", str(cache))
    for path, sealed in entries.items():
        path.write_bytes(sealed[:32] + never)
    assert tag() == expected
    assert {path: path.read_bytes() for path in entries} == entries  # rewritten, sealed again


def test_without_a_key_nothing_is_cached(cache: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # A key that cannot be created (its folder is a file): compile, but neither read nor write.
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    monkeypatch.setenv("CHRONO_CACHE_KEY", str(tmp_path / "blocker" / "key"))
    assert compile_cached("k", lambda: "x+").match("xx")
    assert not list(cache.glob("re-*.bin"))
