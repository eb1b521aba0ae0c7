"""Compiled regular expressions kept between runs, in the user's cache folder.

Python compiles a regular expression in Python code (``re._parser``, ``re._compiler``), and a
short check met hundreds of chrono's patterns: compiling them was a third of its start-up. The
program the standard engine runs is kept on disk, per Python version and pattern, and handed to
the engine directly next time (see :func:`compile_cached`).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
from array import array
from collections.abc import Callable
from typing import Any

from chrono.resources import user_cache_dir
from chrono.seal import seal, secret, unsealed

# Part of a program file's name: files of another layout (the unsealed ones of earlier
# versions) are left alone rather than read, rejected and written over by turns.
_CACHE_LAYOUT = "sealed-1"


def compile_cached(
    key: str, build: Callable[[], str], flags: int = re.IGNORECASE
) -> re.Pattern[str]:
    """``re.compile`` whose compiled program is kept in a user cache folder.

    Compiling the tagger's large alternations cost most of the start-up; the compiled program
    of the standard library's engine is saved per Python version and pattern hash and loaded
    directly next time. A program file is handed to the regex engine only when its seal (see
    :mod:`chrono.seal`, bound to the file's name) verifies: a file written by anyone
    else, damaged, or copied from another entry is rebuilt and written over. Without a key
    (it cannot be read or created) nothing is cached; any other problem with the cache falls
    back to a plain compile.
    """
    try:
        _sre: Any = importlib.import_module("_sre")
        _compiler: Any = importlib.import_module("re._compiler")
        _parser: Any = importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - other Python versions and implementations
        return re.compile(build(), flags)
    folder = user_cache_dir()
    user_key = secret() if folder is not None else None
    digest = hashlib.sha256(f"{_CACHE_LAYOUT}\0{sys.version}\0{flags}\0{key}".encode()).hexdigest()[:40]
    path = folder / f"re-{digest}.bin" if folder is not None and user_key is not None else None
    if path is not None and user_key is not None and path.is_file():
        try:
            body = unsealed(path.read_bytes(), path.name)
            if body is not None:
                size = int.from_bytes(body[:4], "little")
                meta = json.loads(body[4:4 + size])
                code = array("I")
                code.frombytes(body[4 + size:])
                return _sre.compile(  # type: ignore[no-any-return]
                      meta["pattern"], meta["flags"], code.tolist(), meta["groups"],
                      meta["groupindex"], tuple(meta["indexgroup"]),
                )
        except Exception:  # a damaged cache entry is simply rebuilt
            pass
    pattern = build()
    parsed = _parser.parse(pattern, flags)
    code_list = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    all_flags = flags | parsed.state.flags
    compiled: re.Pattern[str] = _sre.compile(
        pattern, all_flags, code_list, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    )
    if path is not None and user_key is not None:
        try:
            meta = {"pattern": pattern, "flags": all_flags, "groups": parsed.state.groups - 1,
                      "groupindex": groupindex, "indexgroup": indexgroup}
            meta_bytes = json.dumps(meta).encode()
            body = len(meta_bytes).to_bytes(4, "little") + meta_bytes + array("I", code_list).tobytes()
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(seal(user_key, body, path.name) + body)
            os.replace(temporary, path)
        except (OSError, OverflowError, ValueError):
            pass
    return compiled


# Patterns this long or longer are kept between runs: compiling one takes about half a
# millisecond, reading its program back some tens of microseconds; a short one costs as much
# to read back as to compile.
_KEPT_FROM_LENGTH = 200


def compile_kept(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its program kept between runs when ``pattern`` is long."""
    if len(pattern) < _KEPT_FROM_LENGTH:
        return re.compile(pattern, flags)
    return compile_cached(f"pattern\0{pattern}", lambda: pattern, flags)
