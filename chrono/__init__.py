"""chrono: a chronology and timeline-consistency checker.

The library entry point for temporal expressions is :func:`chrono.extract`::

    >>> from chrono import extract
    >>> [(t.text, t.value) for t in extract("It rained on 24 April 2025.", dct="2025-04-30")]
    [('24 April 2025', '2025-04-24')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from chrono.tagger import Timex, extract

__all__ = ["Timex", "__version__", "extract"]


def __getattr__(name: str) -> Any:
    # Imported on first use: `import chrono` stays cheap for the CLI, which may never tag text.
    if name in ("extract", "Timex"):
        from chrono import tagger

        return getattr(tagger, name)
    raise AttributeError(f"module 'chrono' has no attribute {name!r}")
