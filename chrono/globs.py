"""Path globs of the configuration (include, exclude, per-file-ignores), matched in linear time.

Globs are relative to the directory of the configuration file: ``*`` stays within one path
segment, ``**`` spans any number of them, and a glob without ``/`` also matches any single file
or directory name (``drafts`` excludes every ``drafts/`` folder).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path


@functools.lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out) + r"\Z")


def glob_match(pattern: str, relative: str) -> bool:
    """Whether a path (posix, relative to the configuration's directory) matches a glob.

    The path matches when the glob matches it or one of its leading directories, so a
    directory glob covers the files below it; a glob without ``/`` may match any one segment.
    """
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    parts = relative.split("/")
    if "/" not in pattern:
        regex = _glob_regex(pattern)
        return any(regex.match(part) for part in parts)
    regex = _glob_regex(pattern.lstrip("/"))
    return any(regex.match("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def relative_to_root(path: Path, root: Path | str | None) -> str:
    """``path`` relative to ``root`` as a posix string (the absolute path when outside it)."""
    resolved = path.resolve()
    base = Path(root).resolve() if root else Path.cwd().resolve()
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        return resolved.as_posix()
