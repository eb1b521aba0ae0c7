"""Configuration: ``[tool.chrono]`` in ``pyproject.toml`` or a ``chrono.toml``.

The configuration file is found by walking up from the paths being checked (their common
directory); in one directory ``chrono.toml`` wins over ``pyproject.toml``, and a
``pyproject.toml`` without a ``[tool.chrono]`` table is skipped. ``--config FILE`` names the file
instead, ``--isolated`` ignores every file. Keys are kebab-case, as in ruff::

    [tool.chrono]
    select = ["CHR"]                 # rule codes, prefixes or names; default: all
    extend-select = []               # added to select
    ignore = ["CHR004"]
    extend-ignore = []
    fail-level = "error"             # error | warning | info
    include = ["*.yaml", "*.md"]     # globs for files found in directories (default: known kinds)
    exclude = ["drafts/**"]          # globs never checked (also applies to files given by name)
    dct = "2025-04-24"               # default document creation time
    dct-keys = ["date", "published"] # front-matter keys that hold the DCT
    date-order = "month-first"       # how 03/04/2025 reads: month-first | day-first
    hemisphere = "north"             # whose seasons "summer 2024" means
    fiscal-year-start = 7            # the month a fiscal year starts in ("fiscal 2025": July 2024 on)
    domain-knowledge = ["precedence.yaml"]   # extra domain-knowledge files
    cache-dir = ".chrono_cache"
    executor = "process"             # where files are checked: serial | process | dask
    scheduler = "tcp://HOST:8786"    # the Dask scheduler (executor = "dask"; default: a local cluster)
    max-file-size = 20_000_000       # bytes; a larger file is reported (CHR005), not read; 0: none
    file-time-limit = 120            # seconds of checking per file before it is abandoned; 0: none

    [tool.chrono.severity]           # per-rule severity: code, prefix or name -> level
    CHR004 = "info"

    [tool.chrono.per-file-ignores]   # glob -> codes ignored in matching files
    "archive/**" = ["CHR201"]

Globs are relative to the directory of the configuration file: ``*`` stays within one path
segment, ``**`` spans any number of them, and a glob without ``/`` also matches any single file
or directory name (``drafts`` excludes every ``drafts/`` folder).

Unknown keys and wrongly typed values are errors that name the key and the file, and so are
unknown keys in a domain-knowledge file (whose knowledge would otherwise be silently lost).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from chrono.globs import GlobError, check_glob

if TYPE_CHECKING:
    from chrono.model import Severity

CONFIG_NAMES = ("chrono.toml", "pyproject.toml")
DATE_ORDERS = ("month-first", "day-first")
HEMISPHERES = ("north", "south")
EXECUTORS = ("serial", "process", "dask")  # chrono.executors


class ConfigError(Exception):
    """A configuration file that cannot be used (a usage error: exit code 2)."""


@attrs.frozen
class Config:
    """The settings of one configuration file (everything empty/None when there is none)."""

    path: Path | None = None
    root: Path = attrs.field(factory=Path.cwd)
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    fail_level: Severity | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    dct: str | None = None
    dct_keys: tuple[str, ...] | None = None
    date_order: str | None = None
    hemisphere: str | None = None
    fiscal_year_start: int | None = None
    domain_knowledge: tuple[str, ...] = ()
    cache_dir: str | None = None
    executor: str | None = None
    scheduler: str | None = None
    max_file_size: int | None = None
    file_time_limit: float | None = None
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def selectors(self) -> list[str]:
        """Every rule selector the file mentions (to report unknown ones)."""
        found = [*self.select, *self.extend_select, *self.ignore, *self.extend_ignore]
        found += [selector for selector, _ in self.severity]
        found += [code for _, codes in self.per_file_ignores for code in codes]
        return found


# ---------------------------------------------------------------------------------------------
# Finding the file


def _table(path: Path) -> Mapping[str, Any] | None:
    """The chrono table of a configuration file, None for a pyproject.toml without one."""
    import tomllib  # only where a configuration file is found: its import is a fiftieth of a start

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        if not isinstance(tool, dict) or "chrono" not in tool:
            return None
        table = tool["chrono"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.chrono] must be a table")
        return table
    # chrono.toml (or any file named with --config): the top level, or a [tool.chrono] table
    tool = data.get("tool")
    if set(data) == {"tool"} and isinstance(tool, dict) and isinstance(tool.get("chrono"), dict):
        return dict(tool["chrono"])
    return data


def _start_directory(paths: Sequence[str]) -> Path:
    resolved = [Path(p).resolve() for p in paths] or [Path.cwd()]
    directories = [p if p.is_dir() else p.parent for p in resolved]
    try:
        return Path(os.path.commonpath([str(d) for d in directories]))
    except ValueError:  # different drives
        return directories[0]


def find_config(paths: Sequence[str]) -> tuple[Path, Mapping[str, Any]] | None:
    """The nearest configuration file above the checked paths, with its chrono table."""
    directory = _start_directory(paths)
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            try:
                present = candidate.is_file()
            except OSError:  # a folder we may not look into holds no configuration for us
                present = False
            if present:
                table = _table(candidate)
                if table is not None:
                    return candidate, table
    return None


def resolve_config(paths: Sequence[str], config_file: str | None = None, isolated: bool = False) -> Config:
    """The configuration that applies to a run over ``paths``."""
    if isolated:
        return Config()
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError(f"{config_file}: configuration file not found")
        table = _table(path)
        if table is None:
            raise ConfigError(f"{config_file}: has no [tool.chrono] table")
        return parse_config(table, path.resolve())
    found = find_config(paths)
    if found is None:
        return Config()
    return parse_config(found[1], found[0])


# ---------------------------------------------------------------------------------------------
# Reading the table


def _strings(where: str, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _string(where: str, key: str, value: object, choices: Sequence[str] = ()) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be a string")
    if choices and value not in choices:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(choices)} (got {value!r})")
    return value


def _month(where: str, key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise ConfigError(f"{where}: '{key}' must be a month number, 1 to 12: {value!r}")
    return value


def _severity(where: str, key: str, value: object) -> Severity:
    from chrono.model import Severity  # the model loads only when a severity is configured

    text = _string(where, key, value)
    try:
        return Severity.parse(text)
    except ValueError as error:
        raise ConfigError(f"{where}: '{key}': {error}") from None


def _number(where: str, key: str, value: object, integer: bool = False) -> float | int:
    """A limit: a number of bytes (an integer) or seconds, 0 for none."""
    allowed = isinstance(value, int) or (isinstance(value, float) and not integer)
    if isinstance(value, bool) or not isinstance(value, int | float) or not allowed or value < 0:
        unit = "bytes" if integer else "seconds"
        raise ConfigError(f"{where}: '{key}' must be a number of {unit}, 0 or more (0: no limit): {value!r}")
    return value


_SIMPLE: dict[str, Callable[[str, str, object], object]] = {
    "select": _strings,
    "extend-select": _strings,
    "ignore": _strings,
    "extend-ignore": _strings,
    "fail-level": _severity,
    "include": _strings,
    "exclude": _strings,
    "dct": _string,
    "dct-keys": _strings,
    "date-order": lambda w, k, v: _string(w, k, v, DATE_ORDERS),
    "hemisphere": lambda w, k, v: _string(w, k, v, HEMISPHERES),
    "fiscal-year-start": lambda w, k, v: _month(w, k, v),
    "domain-knowledge": _strings,
    "cache-dir": _string,
    "executor": lambda w, k, v: _string(w, k, v, EXECUTORS),
    "scheduler": _string,
    "max-file-size": lambda w, k, v: _number(w, k, v, integer=True),
    "file-time-limit": _number,
}
KNOWN_KEYS = (*_SIMPLE, "severity", "per-file-ignores")


def _unknown(where: str, key: str, known: Iterable[str], what: str = "key") -> ConfigError:
    import difflib  # only for a misspelt name: not worth its import on every start

    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return ConfigError(f"{where}: unknown {what} '{key}'{hint}")


def parse_config(table: Mapping[str, Any], path: Path) -> Config:
    where = str(path)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in _SIMPLE:
            values[key.replace("-", "_")] = _SIMPLE[key](where, key, value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must be a table of rule = level")
            values["severity"] = tuple(
                (selector, _severity(where, f"severity.{selector}", level))
                for selector, level in value.items()
            )
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
            values["per_file_ignores"] = tuple(
                (glob, _strings(where, f"per-file-ignores.{glob}", codes)) for glob, codes in value.items()
            )
        else:
            raise _unknown(where, key, KNOWN_KEYS)
    for key, patterns in (
        ("include", values.get("include", ())),
        ("exclude", values.get("exclude", ())),
        ("per-file-ignores", [glob for glob, _ in values.get("per_file_ignores", ())]),
    ):
        for pattern in patterns:
            try:
                check_glob(pattern)
            except GlobError as error:
                raise ConfigError(f"{where}: '{key}' glob {pattern!r}: {error}") from None
    root = path.parent
    if "domain_knowledge" in values:
        values["domain_knowledge"] = tuple(str((root / p).resolve()) for p in values["domain_knowledge"])
        for file in values["domain_knowledge"]:
            if not Path(file).is_file():
                raise ConfigError(f"{where}: 'domain-knowledge' file not found: {file}")
            _check_domain_file(where, file)
    if "cache_dir" in values:
        values["cache_dir"] = str(root / values["cache_dir"])
    return Config(path=path, root=root, **values)


def _check_domain_file(where: str, file: str) -> None:
    from chrono.knowledge import DomainKnowledgeError, check_domain_file

    try:
        check_domain_file(file)
    except DomainKnowledgeError as error:
        raise ConfigError(f"{where}: 'domain-knowledge' file {file}: {error}") from None
