"""Path globs of the configuration (include, exclude, per-file-ignores), matched without regexes.

Globs are relative to the directory of the configuration file: ``*`` stays within one path
segment, ``**`` spans any number of them, ``?`` is one character, ``[abc]``/``[a-z]``/``[!a]``
one character of a set, and a glob without ``/`` also matches any single file or directory name
(``drafts`` excludes every ``drafts/`` folder).

A pull request can change the configuration, so matching must cost time in proportion to the
glob and the path whatever they contain: a backtracking regex made from ``*a*a*a*a*b`` takes
exponential time on a long name. Stars are matched by the greedy two-pointer method, which only
ever returns to the last star (``O(len(glob) * len(name))`` at worst), at both levels: characters
within a segment and segments within a path.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

import attrs


class GlobError(ValueError):
    """A glob that cannot be used (an unclosed or reversed character range)."""


@attrs.frozen
class _Set:
    """``[...]``: the characters and ranges it names, or (negated) those it does not."""

    singles: frozenset[str]
    ranges: tuple[tuple[str, str], ...]
    negated: bool

    def __contains__(self, char: str) -> bool:
        found = char in self.singles or any(low <= char <= high for low, high in self.ranges)
        return found != self.negated


_Token = str | _Set  # a literal character, "?", "*" (as the strings "?", "*"), or a set
_ANY = "\x00?"  # tokens that cannot be a literal character of a path
_STAR = "\x00*"


def _parse_set(pattern: str, start: int) -> tuple[_Set, int] | None:
    """The set opening at ``pattern[start] == "["`` and the index after it; None when unclosed
    (then "[" is a literal character, as in most shells)."""
    i = start + 1
    negated = i < len(pattern) and pattern[i] in "!^"
    if negated:
        i += 1
    first = i
    singles: set[str] = set()
    ranges: list[tuple[str, str]] = []
    while i < len(pattern) and (pattern[i] != "]" or i == first):
        char = pattern[i]
        if i + 2 < len(pattern) and pattern[i + 1] == "-" and pattern[i + 2] != "]":
            high = pattern[i + 2]
            if high < char:
                raise GlobError(f"the character range {char}-{high} in {pattern!r} runs backwards")
            ranges.append((char, high))
            i += 3
        else:
            singles.add(char)
            i += 1
    if i >= len(pattern):
        return None
    return _Set(frozenset(singles), tuple(ranges), negated), i + 1


@functools.lru_cache(maxsize=1024)
def _tokens(segment: str) -> tuple[_Token, ...]:
    out: list[_Token] = []
    i = 0
    while i < len(segment):
        char = segment[i]
        if char == "*":
            if not out or out[-1] != _STAR:  # "**" inside a segment is one star
                out.append(_STAR)
            i += 1
        elif char == "?":
            out.append(_ANY)
            i += 1
        elif char == "[":
            parsed = _parse_set(segment, i)
            if parsed is None:
                out.append(char)
                i += 1
            else:
                out.append(parsed[0])
                i = parsed[1]
        else:
            out.append(char)
            i += 1
    return tuple(out)


def _one(token: _Token, char: str) -> bool:
    if isinstance(token, _Set):
        return char in token
    return token in (_ANY, char)


def _segment_match(tokens: Sequence[_Token], name: str) -> bool:
    """Does one path segment match one glob segment? Greedy stars, back to the last one only."""
    t = n = 0
    star_t = star_n = -1
    while n < len(name):
        if t < len(tokens) and tokens[t] != _STAR and _one(tokens[t], name[n]):
            t += 1
            n += 1
        elif t < len(tokens) and tokens[t] == _STAR:
            star_t, star_n = t, n
            t += 1
        elif star_t != -1:
            star_n += 1
            t, n = star_t + 1, star_n
        else:
            return False
    while t < len(tokens) and tokens[t] == _STAR:
        t += 1
    return t == len(tokens)


def _path_match(segments: Sequence[str], parts: Sequence[str]) -> bool:
    """Does a whole path match a glob of segments, where the segment ``**`` is any number of
    path segments? The same two-pointer method, one level up."""
    g = p = 0
    star_g = star_p = -1
    while p < len(parts):
        if g < len(segments) and segments[g] != "**" and _segment_match(_tokens(segments[g]), parts[p]):
            g += 1
            p += 1
        elif g < len(segments) and segments[g] == "**":
            star_g, star_p = g, p
            g += 1
        elif star_g != -1:
            star_p += 1
            g, p = star_g + 1, star_p
        else:
            return False
    while g < len(segments) and segments[g] == "**":
        g += 1
    return g == len(segments)


def _normalized(pattern: str) -> str:
    return pattern.strip().removeprefix("./").rstrip("/")


def check_glob(pattern: str) -> None:
    """Raise :class:`GlobError` for a glob that cannot be used (the configuration calls this,
    so a bad glob is a usage error before any file is read)."""
    if not _normalized(pattern):
        raise GlobError("an empty glob matches nothing")
    for segment in _normalized(pattern).lstrip("/").split("/"):
        _tokens(segment)


def glob_match(pattern: str, relative: str) -> bool:
    """Whether a path (posix, relative to the configuration's directory) matches a glob.

    The path matches when the glob matches it or one of its leading directories, so a
    directory glob covers the files below it; a glob without ``/`` may match any one segment.
    """
    pattern = _normalized(pattern)
    parts = relative.split("/")
    if "/" not in pattern:
        if pattern == "**":
            return True
        tokens = _tokens(pattern)
        return any(_segment_match(tokens, part) for part in parts)
    segments = pattern.lstrip("/").split("/")
    return any(_path_match(segments, parts[:n]) for n in range(1, len(parts) + 1))


def resolved(path: Path) -> Path:
    """``path`` made absolute with its symbolic links followed, or only made absolute when they
    loop (a self-looping link must not stop a run: reading it reports it)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))


def relative_to_root(path: Path, root: Path | str | None) -> str:
    """``path`` relative to ``root`` as a posix string (the absolute path when outside it)."""
    resolved_path = resolved(path)
    base = resolved(Path(root)) if root else resolved(Path.cwd())
    try:
        return resolved_path.relative_to(base).as_posix()
    except ValueError:
        return resolved_path.as_posix()
