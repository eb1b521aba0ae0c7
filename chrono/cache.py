"""The result cache: per-file results kept between runs in ``.chrono_cache/``.

An entry is the whole per-file result (the document's analysis, which corpus-level rules and
the reports reuse, its findings and its suppression comments), stored under the file's display
path with the SHA-256 of the file's bytes. Entries live in one pickle per *settings key*: a hash
of the chrono version, the Python version, the sources of chrono and of every selected rule (size
and modification time, so an edited checkout never serves stale results), the selected rules and
every option that changes what a document's analysis is (DCT, hemisphere, date order,
domain-knowledge files and their contents, ...). Options applied after the rules (severity,
per-file ignores, suppressions, baseline, fail level) are not part of the key.

A cache that cannot be read is ignored and rebuilt; writes are atomic (temporary file + rename),
so a crash never leaves a torn file; a run merges its entries into the file as it is when it
saves (under a lock), so concurrent runs on one cache directory keep each other's entries.

Entries are pickles, and unpickling runs code, so every cache file is sealed (chrono.seal) with a
secret kept outside the project: a ``.chrono_cache`` committed to a repository, or written by
anyone else, fails the seal and is rebuilt without ever being unpickled.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from chrono.corpus.archives import is_archive
from chrono.seal import seal, secret, unsealed
from chrono.version import __version__

CACHE_FORMAT = 1
DEFAULT_CACHE_DIR = ".chrono_cache"
STALE_AFTER = 30 * 24 * 3600  # seconds
_SOURCE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt", ".tsv")


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes; None when it cannot be read (such files are never cached)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _tree_stamp(directories: Iterable[Path]) -> list[tuple[str, int, int]]:
    stamp: list[tuple[str, int, int]] = []
    for directory in sorted(set(directories)):
        for root, dirs, files in os.walk(directory):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            for name in sorted(files):
                if name.endswith(_SOURCE_SUFFIXES):
                    full = os.path.join(root, name)
                    try:
                        info = os.stat(full)
                    except OSError:
                        continue
                    stamp.append((full, info.st_size, info.st_mtime_ns))
    return stamp


def settings_key(options: Mapping[str, Any], rule_modules: Sequence[str], extra_files: Sequence[str]) -> str:
    """The key of everything besides a file's own bytes that its cached result depends on."""
    directories = [Path(__file__).parent]  # chrono's own code
    for module_name in rule_modules:
        module = sys.modules.get(module_name)
        file = getattr(module, "__file__", None)
        if file:
            directories.append(Path(file).parent)
    parts: list[object] = [
        CACHE_FORMAT,
        __version__,
        sys.version_info[:2],
        sorted(options.items()),
        sorted(rule_modules),
        _tree_stamp(directories),
        [(f, file_digest(Path(f))) for f in extra_files],
    ]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()




def _read_entries(file: Path) -> dict[str, tuple[str, Any]] | None:
    """The entries of a sealed cache file: ``{}`` when there is none, ``None`` when it is
    damaged or foreign (sealed by another key), which is never unpickled."""
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError:
        return None
    body = unsealed(data)
    if body is None:
        return None
    try:
        loaded = pickle.loads(body)
    except Exception:
        return None
    return loaded if isinstance(loaded, dict) else None


@contextlib.contextmanager
def _locked(file: Path) -> Iterator[None]:
    """An exclusive lock beside ``file`` for a read-merge-write (no lock where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: last writer wins, as before
        yield
        return
    with open(file.with_suffix(".lock"), "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Cache:
    """One settings key's entries: display path -> (content digest, result)."""

    def __init__(self, directory: str | Path, key: str) -> None:
        self.directory = Path(directory)
        self.file = self.directory / f"v{CACHE_FORMAT}" / f"{key[:24]}.pickle"
        loaded = _read_entries(self.file)
        # a damaged or foreign cache file is rebuilt, never trusted
        self.entries: dict[str, tuple[str, Any]] = loaded if loaded is not None else {}
        self.dirty = loaded is None
        self.fresh: set[str] = set()  # entries this run wrote
        self.hits = 0
        self.misses = 0

    def get(self, display: str, digest: str | None) -> Any | None:
        entry = self.entries.get(display)
        if digest is not None and entry is not None and entry[0] == digest:
            self.hits += 1
            return entry[1]
        self.misses += 1
        return None

    def put(self, display: str, digest: str | None, result: Any) -> None:
        if digest is None:
            return
        self.entries[display] = (digest, result)
        self.fresh.add(display)
        self.dirty = True

    def save(self) -> None:
        """Write the entries back if anything changed (entries of files that no longer exist
        are dropped; so are other settings' cache files unused for ``STALE_AFTER`` seconds)."""
        if not self.dirty:
            if self.hits:  # mark the file as in use, so that pruning leaves it alone
                with contextlib.suppress(OSError):
                    os.utime(self.file)
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        _mark_cache_directory(self.directory)
        key = secret()
        if key is None:
            return
        with _locked(self.file):
            # what other runs saved since this one started stays; this run's entries win
            merged = _read_entries(self.file) or {}
            merged.update({path: self.entries[path] for path in self.fresh})
            for path, entry in self.entries.items():
                merged.setdefault(path, entry)
            self.entries = {path: entry for path, entry in merged.items() if os.path.exists(_file_of(path))}
            _prune(self.file)
            body = pickle.dumps(self.entries, protocol=pickle.HIGHEST_PROTOCOL)
            handle, temporary = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(seal(key, body) + body)
                os.replace(temporary, self.file)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        self.dirty = False


def _file_of(display: str) -> str:
    """The file an entry is read from: a record of an archive (``FILE#ID``) is in its archive."""
    file, mark, _ = display.partition("#")
    return file if mark and is_archive(Path(file)) else display


def _prune(keep: Path) -> None:
    """Remove the cache files of other settings that nobody used for a while."""
    cutoff = time.time() - STALE_AFTER
    for other in [*keep.parent.glob("*.pickle"), *keep.parent.glob("*.lock")]:
        with contextlib.suppress(OSError):
            if other not in (keep, keep.with_suffix(".lock")) and other.stat().st_mtime < cutoff:
                other.unlink()


def _mark_cache_directory(directory: Path) -> None:
    """A .gitignore and a CACHEDIR.TAG, as pytest and ruff leave in their caches."""
    gitignore = directory / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("# Created by chrono automatically.\n*\n", encoding="utf-8")
    tag = directory / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by chrono.\n"
            "# For information about cache directory tags, see https://bford.info/cachedir/\n",
            encoding="utf-8",
        )
