"""What the server remembers between checks of the same documents, so that a check does only
the work its document's change calls for.

Two memories, both of one server session (a :class:`Checker` lives in the session and is
passed to whatever checks; chrono's own modules keep no state between calls):

* **The configuration**, by the files it was read from. ``chrono check FILE`` reads the
  nearest ``chrono.toml`` / ``pyproject.toml`` with ``[tool.chrono]`` at every run; the server
  asks the file system only whether any of those files (every candidate name in every folder
  from the document's up to the root, and the domain-knowledge files the configuration names)
  has changed (modification time, size, inode), and reads them again only then. An edit to a
  configuration applies at the next check, as before, unless it is written twice within one
  tick of the file system's clock at the same size.
* **Whole results**, by everything a check depends on: the text, where it comes from, the
  options and the configuration files' state. A save after the check of the typed text or
  an undo back to one of the last few checked versions is answered at once. What is kept of a
  document goes when it is closed.

What is not memoised, and why: the parts of a document. A paragraph's dates are not a
function of its own text: the tagger carries the story's reference time, the last stated day,
the report period and the layout's dated blocks from one paragraph into the next
(``chrono.tagger.narrative``, ``chrono.tagger.frames``), numbers ranges across the document,
and looks a few characters back across paragraph breaks for a date's signal; the event reader
links mentions to events told paragraphs earlier (``chrono.text.coreference``). A memo per
paragraph would have to key on that state, which is only known by reading what comes before.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

import attrs

from chrono.config import CONFIG_NAMES
from chrono.options import Options
from chrono.problems import ProblemKind
from chrono.server.documents import Checked, Source, check_text, options_for

# (path, (modification time ns, size, inode) or None when there is no such file)
Stamp = tuple[str, tuple[int, int, int] | None]

# checked versions kept per document: the last few, for saves, undos and re-opens
VERSIONS_KEPT = 4


def stamp(path: Path) -> Stamp:
    """What tells a file apart from its earlier versions (or that it is absent)."""
    try:
        status = os.stat(path)
    except OSError:  # absent, or in a folder we may not look into: no configuration for us
        return str(path), None
    return str(path), (status.st_mtime_ns, status.st_size, status.st_ino)


def candidates(start: Path) -> tuple[Path, ...]:
    """Every file that could be the configuration of a document at ``start`` (a file or the
    folder of an untitled buffer), nearest first, as chrono.config.find_config looks for them."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    return tuple(directory / name for directory in (folder, *folder.parents) for name in CONFIG_NAMES)


@attrs.frozen
class Configured:
    """The options of one document's configuration and the state of the files they were read
    from."""

    stamps: tuple[Stamp, ...]
    options: Options

    def fresh(self) -> bool:
        return all(stamp(Path(path)) == (path, state) for path, state in self.stamps)


MemoKey = tuple[str, Source, Options, tuple[Stamp, ...]]


class Checker:
    """Checks documents with the session's memory of configurations and results. Safe to call
    from the event loop's thread (configurations) and the worker's (checks) at once."""

    def __init__(self, versions: int = VERSIONS_KEPT) -> None:
        self._lock = threading.Lock()
        self._versions = versions
        self._configured: dict[Path, Configured] = {}
        self._results: dict[str, OrderedDict[MemoKey, Checked]] = {}

    def configured(self, source: Source, fallback: Path) -> Configured:
        """The options :func:`chrono.server.documents.options_for` gives (for an untitled
        buffer, those of ``fallback``, the workspace folder), read again only when one of the
        files they depend on has changed. Raises one of CONFIG_ERRORS as it does (a broken
        configuration is not kept: it is read again at every check until it is mended, which
        may be in a domain-knowledge file it names)."""
        start = source.path if source.path is not None else fallback
        with self._lock:
            known = self._configured.get(start)
        if known is None or not known.fresh():
            with self._lock:
                self._configured.pop(start, None)
            known = _read(source, fallback, start)
            with self._lock:
                self._configured[start] = known
        return known

    def check(self, key: str, text: str, source: Source, configured: Configured) -> Checked:
        """:func:`chrono.server.documents.check_text`, or the result of an earlier check of the
        same text of document ``key`` under the same options and configuration files."""
        memo_key = (text, source, configured.options, configured.stamps)
        with self._lock:
            kept = self._results.setdefault(key, OrderedDict())
            found = kept.get(memo_key)
            if found is not None:
                kept.move_to_end(memo_key)
                return found
        checked = check_text(text, source, configured.options)
        if _reusable(checked):
            with self._lock:
                kept = self._results.setdefault(key, OrderedDict())
                kept[memo_key] = checked
                while len(kept) > self._versions:
                    kept.popitem(last=False)
        return checked

    def forget(self, key: str) -> None:
        """Drop the results kept of document ``key`` (it was closed)."""
        with self._lock:
            self._results.pop(key, None)


def _read(source: Source, fallback: Path, start: Path) -> Configured:
    # stamped before reading: a file that changes while it is read is read again next time
    stamps = tuple(stamp(path) for path in candidates(start))
    options = options_for(source, fallback)
    domain = tuple(stamp(Path(file)) for file in options.reading.domain_files)
    return Configured(stamps + domain, options)


def _reusable(checked: Checked) -> bool:
    """A check that ran out of time or crashed may end otherwise another time: not kept."""
    problems = checked.analysis.problems if checked.analysis is not None else ()
    return not any(problem.kind in _NOT_KEPT for problem in problems)


_NOT_KEPT = frozenset({ProblemKind.TIME_LIMIT, ProblemKind.INTERNAL})
