"""Finding the files to check: given files as they are, directories walked in a stable order.

Only files of a known kind are taken from directories (or those the ``include`` globs name);
``exclude`` globs, hidden and tool directories, and the files of an HTML report that chrono
wrote (listed in its manifest) are skipped.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from chrono.corpus.archives import is_archive
from chrono.globs import glob_match, relative_to_root, resolved
from chrono.ingest import KINDS, Location
from chrono.options import RunPolicy
from chrono.remote import is_url, list_url

# The manifest `chrono report` leaves in its output directory, listing the files it wrote there:
# those are output, not documents, wherever the site was written (even into the corpus itself).
REPORT_MARKER = ".chrono-report.json"
REPORT_GENERATOR = "chrono report"


def report_manifest(directory: Path) -> frozenset[str]:
    """The files (relative POSIX names) that a report manifest in ``directory`` lists; empty
    when there is no readable manifest written by ``chrono report``."""
    path = directory / REPORT_MARKER
    if not path.is_file() or path.is_symlink():
        return frozenset()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    if not isinstance(data, dict) or data.get("generator") != REPORT_GENERATOR:
        return frozenset()
    files = data.get("files")
    if not isinstance(files, list):
        return frozenset()
    return frozenset(name for name in files if isinstance(name, str))


def _report_output(candidate: Path, sites: dict[Path, frozenset[str]]) -> bool:
    for folder in candidate.parents:
        if folder in sites:
            relative = candidate.relative_to(folder).as_posix()
            return relative == REPORT_MARKER or relative in sites[folder]
    return False

SKIPPED_DIRECTORIES = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "__pycache__",
        "node_modules",
        ".venv",
        "venv",
        ".tox",
        ".chrono_cache",
        ".mypy_cache",
        ".ruff_cache",
    }
)




def discover(
    paths: Sequence[str], policy: RunPolicy | None = None, *, archives: bool = False
) -> list[tuple[Location, str]]:
    """Every file :func:`walk` finds, as a list."""
    return list(walk(paths, policy, archives=archives))


def walk(
    paths: Sequence[str], policy: RunPolicy | None = None, *, archives: bool = False
) -> Iterator[tuple[Location, str]]:
    """Files to check, in a stable order, one at a time as they are found: given files as they
    are, directories recursively (regular files with known suffixes only; hidden and tool
    directories skipped). With ``archives`` (the run names the fields of archive records), the
    JSON Lines, CSV and Parquet files of a directory are taken too; otherwise they are data
    beside the documents.

    Symbolic links found in a directory are never followed, to files or to folders (as ruff
    does: safe on an untrusted pull request, and no loop can trap the walk); a path given by
    name is read as given. What is not a regular file (a FIFO, a socket, a device) is skipped
    in a walk and reported when given by name.

    With a ``policy``: in directories, only files matching its ``include`` globs (when set)
    are taken; files and directories matching ``exclude`` are skipped, given by name or not.

    A URL (``s3://bucket/news/``, chrono.remote) names a file or a folder listed through
    fsspec: files of known kinds below it, hidden folders skipped, sorted; its files are
    displayed as URLs.

    A file reached twice (a folder and a file in it both given) is yielded once. Since a walk
    never follows a link, only a path given later can reach a file again: a file's resolved
    name is remembered only when it lies in such a later path, so walking one folder of
    millions of files holds no list of them.
    """
    include = policy.include if policy else ()
    exclude = policy.exclude if policy else ()
    root = policy.root if policy else None

    def excluded(candidate: Path) -> bool:
        relative = relative_to_root(candidate, root)
        return any(glob_match(pattern, relative) for pattern in exclude)

    def included(candidate: Path) -> bool:
        if not include:
            return candidate.suffix.lower() in KINDS or (archives and is_archive(candidate))
        relative = relative_to_root(candidate, root)
        return any(glob_match(pattern, relative) for pattern in include)

    # each local path given, resolved, as a prefix of the names below it ("/a/b/")
    given = [None if is_url(raw) else os.path.join(str(resolved(Path(raw))), "") for raw in paths]
    seen_urls: set[str] = set()
    seen: set[str] = set()
    for position, raw in enumerate(paths):
        later = tuple(prefix for prefix in given[position + 1 :] if prefix is not None)
        if is_url(raw):
            for url in list_url(raw, tuple(KINDS)):
                if url not in seen_urls:
                    seen_urls.add(url)
                    yield url, url
            continue
        path = Path(raw)
        if path.is_dir():
            if exclude and excluded(path):
                continue
            unreadable: list[OSError] = []
            sites: dict[Path, frozenset[str]] = {}
            for top, dirs, files in os.walk(path, onerror=unreadable.append):
                if REPORT_MARKER in files:
                    sites[Path(top)] = report_manifest(Path(top))
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in SKIPPED_DIRECTORIES
                    and not d.startswith(".")
                    and not (exclude and excluded(Path(top) / d))
                )
                for name in sorted(files):
                    candidate = Path(top) / name
                    if not _regular_file(candidate) or _report_output(candidate, sites):
                        continue
                    wanted = included(candidate) and not (exclude and excluded(candidate))
                    if wanted and _first_time(candidate, seen, later):
                        yield candidate, candidate.as_posix()
            # A folder that cannot be listed is reported like a file that cannot be read.
            for error in unreadable:
                if error.filename and _first_time(Path(error.filename), seen, later):
                    yield Path(error.filename), Path(error.filename).as_posix()
        elif not (exclude and excluded(path)) and _first_time(path, seen, later):
            # A path that does not exist becomes a finding of its own (CHR001) when it is
            # read; the other paths are still checked.
            yield path, path.as_posix()


def _first_time(path: Path, seen: set[str], later: tuple[str, ...]) -> bool:
    """Whether ``path`` was not yielded yet; remembered when a path given ``later`` (resolved,
    as prefixes) may reach it again."""
    key = str(resolved(path))
    if key in seen:
        return False
    if any(os.path.join(key, "") == prefix or key.startswith(prefix) for prefix in later):
        seen.add(key)
    return True


def _regular_file(path: Path) -> bool:
    """A regular file, not a symbolic link (to anything) nor a pipe, socket or device."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return True  # gone or unreadable: reading it says why
