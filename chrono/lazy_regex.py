"""Module-level regular expressions compiled the first time they are used, not at import.

chrono's readers keep hundreds of patterns at module level; compiling them all cost a third of
the start-up of ``chrono check`` on one small file, and such a check uses about a quarter of
them (most are only tried where a cue word occurs). ``lazy_compile`` is ``re.compile`` with the
compilation moved to the first use: the same pattern, flags and matches.
"""

from __future__ import annotations

import re
from typing import Any, cast


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    # (on first use: a module that only defines its patterns need not load the user cache's
    # machinery, chrono.resources and chrono.seal)
    from chrono.regex_cache import compile_kept

    return compile_kept(pattern, flags)


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` until an attribute of it is first read.

    Each attribute read (``search``, ``finditer``, ``groupindex``…) is then kept on the instance,
    so from the second use on ``LAZY.search`` is a plain attribute: the compiled pattern's own
    bound method, with no call through this class in between.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern  # the source needs no compiling (patterns are built from others')
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # called only for names not yet on the instance
        if name.startswith("__"):  # copy, pickle and friends look these up: not the pattern's
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = _compile(self.pattern, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used.

    Only for patterns used through their attributes (``X.search(text)``, ``X.pattern``), as
    module-level patterns are: ``re.sub(X, ...)`` and ``isinstance(X, re.Pattern)`` need the real
    compiled pattern. A pattern that is not a valid regular expression raises ``re.error`` at its
    first use instead of at import (the tests use every module's patterns).
    """
    return cast("re.Pattern[str]", LazyPattern(pattern, int(flags)))
