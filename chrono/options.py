"""The options of a run: which rules, how documents are read, and the policy applied afterwards.

``ReadingOptions`` is everything a reader needs to turn a document into claims, and so everything
a cached analysis depends on (chrono.runner builds the cache key from it). ``RunPolicy`` is
applied to findings after the per-document work (which files, per-file ignores, severities, the
fail level) and never invalidates the cache.
"""

from __future__ import annotations

import attrs

from chrono.limits import DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_LIMIT
from chrono.model import Severity
from chrono.periods import Hemisphere, Period, parse_value

DEFAULT_DCT_KEYS = ("date", "published")


@attrs.frozen
class ReadingOptions:
    # --dct: the date of every document, before the documents' own
    dct: Period | None = None
    dct_value: str | None = None
    # the configuration's DCT: used only when a document has none of its own (DESIGN.md order)
    default_dct: Period | None = None
    default_dct_value: str | None = None
    # front-matter keys that hold the DCT, in order of preference (configuration: dct-keys)
    dct_keys: tuple[str, ...] = DEFAULT_DCT_KEYS
    hemisphere: Hemisphere = Hemisphere.NORTH
    # whether the hemisphere was stated (--hemisphere, configuration) rather than assumed: a
    # season read against an assumed hemisphere, in a text that names only a place found in both
    # hemispheres ("Victoria"), is a doubt
    hemisphere_stated: bool = False
    # the month (1-12) a fiscal year starts in, named by the year it ends in ("fiscal 2025" from
    # July 2024 with 7); None: unknown unless a text says (configuration: fiscal-year-start)
    fiscal_year_start: int | None = None
    # how an all-numeric date such as 03/04/2025 reads (configuration: date-order)
    day_first: bool = False
    # extra domain-knowledge files (absolute paths; configuration: domain-knowledge)
    domain_files: tuple[str, ...] = ()
    # per-file limits (configuration: max-file-size, file-time-limit; 0 = none)
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    time_limit: float = DEFAULT_TIME_LIMIT

    @classmethod
    def dated(cls, dct: str, **fields: object) -> ReadingOptions:
        """Options that give every document the date ``dct`` (as ``--dct`` does)."""
        return cls(dct=parse_value(dct), dct_value=dct, **fields)  # type: ignore[arg-type]


@attrs.frozen
class RunPolicy:
    fail_level: Severity = Severity.ERROR
    # globs relative to ``root``, the directory of the configuration file (default: cwd)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    root: str | None = None
    severity_overrides: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()


@attrs.frozen
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    reading: ReadingOptions = ReadingOptions()
    policy: RunPolicy = RunPolicy()
