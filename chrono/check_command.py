"""The options of ``chrono check`` and how they become a run: shared by every subcommand that
checks a corpus (``check``, and ``report``, which renders the same findings as HTML).

Use::

    add_check_options(parser)           # the arguments (paths, selection, config, cache, ...)
    settings = check_settings(args)     # -> CheckSettings (raises UsageError, ConfigError, ...)
    report = run(settings, args.paths)  # -> chrono.results.Report

Precedence: command line, then the configuration file, then the defaults.

Building the parser imports no engine module (the command line starts fast); a run imports
the engine when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import attrs

from chrono.cache import DEFAULT_CACHE_DIR
from chrono.config import EXECUTORS, Config, ConfigError, resolve_config
from chrono.formats import FORMATS
from chrono.globs import resolved

if TYPE_CHECKING:
    from chrono.baseline import Baseline
    from chrono.corpus.archives import ArchiveFields
    from chrono.corpus.summary import Summary
    from chrono.executors import Executor
    from chrono.options import Options
    from chrono.periods import Period
    from chrono.results import Report

PROGRESS_MIN_FILES = 10
MAX_JOBS_PER_CORE = 4


class UsageError(Exception):
    """A command line that cannot be run (exit code 2)."""


def _split(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def add_check_options(parser: argparse.ArgumentParser, *, formats: Sequence[str] = FORMATS) -> None:
    """The arguments of ``chrono check``; ``report`` adds the same minus what it does not need."""
    parser.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH", help="files or directories (default: .)"
    )
    out = parser.add_argument_group("output")
    out.add_argument("--format", choices=tuple(formats), default="text", help="output format (default text)")
    out.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    out.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    out.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only: no summary, notes or progress bar"
    )
    rules = parser.add_argument_group("rule selection")
    rules.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules (codes, prefixes or names, comma-separated); replaces the configuration's",
    )
    rules.add_argument("--extend-select", action="append", metavar="CODES", help="add to the selection")
    rules.add_argument(
        "--ignore", action="append", metavar="CODES", help="skip these rules (codes, prefixes or names)"
    )
    rules.add_argument(
        "--fail-level",
        choices=("info", "warning", "error"),
        default=None,
        help="lowest severity that makes the exit code 1 (default error)",
    )
    reading = parser.add_argument_group("reading documents")
    reading.add_argument(
        "--dct", metavar="DATE", help="document creation time for every file (overrides the files')"
    )
    reading.add_argument(
        "--hemisphere",
        choices=("north", "south"),
        default=None,
        help="which hemisphere's seasons 'summer 2024' means (default north)",
    )
    reading.add_argument(
        "--date-order",
        choices=("month-first", "day-first"),
        default=None,
        help="how an all-numeric date like 03/04/2025 reads (default month-first)",
    )
    corpus = parser.add_argument_group("the corpus as one timeline")
    corpus.add_argument(
        "--reference",
        action="append",
        metavar="FILE",
        help="a timeline file of trusted facts every document is checked against (repeatable)",
    )
    corpus.add_argument(
        "--text-field",
        metavar="NAME",
        help="archives (.jsonl, .csv, .parquet): the field with each record's text (default text);"
        " with any of these three, a folder's archives are checked too",
    )
    corpus.add_argument("--date-field", metavar="NAME", help="archives: the field with each record's date")
    corpus.add_argument("--id-field", metavar="NAME", help="archives: the field naming a record (FILE#ID)")
    conf = parser.add_argument_group("configuration")
    conf.add_argument(
        "--config", metavar="FILE", help="use this configuration file (pyproject.toml or chrono.toml)"
    )
    conf.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    run = parser.add_argument_group("running")
    run.add_argument(
        "--jobs", "-j", type=int, default=0, metavar="N", help="worker processes (default 0: all cores)"
    )
    run.add_argument(
        "--executor",
        choices=EXECUTORS,
        default=None,
        help="where files are checked: serial, process (a pool of --jobs processes, the default) "
        "or dask (a Dask cluster: --scheduler, or a local one of --jobs workers)",
    )
    run.add_argument(
        "--scheduler", metavar="ADDRESS", help="the Dask scheduler for --executor dask, e.g. tcp://HOST:8786"
    )
    run.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    run.add_argument(
        "--cache-dir", metavar="DIR", help=f"where the cache lives (default {DEFAULT_CACHE_DIR}/)"
    )
    run.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    run.add_argument(
        "--write-baseline", metavar="FILE", help="record every current finding in FILE (and exit 0)"
    )


@attrs.frozen
class CheckSettings:
    options: Options
    config: Config
    jobs: int
    cache_dir: str | None
    baseline: Baseline | None
    write_baseline: str | None
    progress: bool
    executor: str | None = None
    scheduler: str | None = None
    # trusted timelines (--reference), summarized once: what the corpus rules check against
    reference: tuple[Summary, ...] = ()
    reference_files: tuple[str, ...] = ()
    archive_fields: ArchiveFields | None = None  # (None: the defaults)


def default_jobs() -> int:
    from chrono.parallel import default_jobs as cores

    return cores()


def _check_selectors(selectors: Sequence[str], where: str) -> None:
    from chrono.registry import all_rules, unknown_selectors

    unknown = unknown_selectors(all_rules(), selectors)
    if unknown:
        message = f"unknown rule selector(s): {', '.join(unknown)} (see `chrono rules`)"
        raise UsageError(message) if where == "command line" else ConfigError(f"{where}: {message}")


def _parse_dct(value: str, where: str) -> Period:
    from chrono.periods import InvalidValue, NotAPeriod, parse_value

    try:
        return parse_value(value)
    except (InvalidValue, NotAPeriod) as error:
        raise UsageError(f"{where} {value!r}: {error}") from None


def check_settings(args: argparse.Namespace, stream: TextIO | None = None) -> CheckSettings:
    """Command line + configuration -> the settings of a run."""
    from chrono import baseline as baseline_file
    from chrono.corpus.archives import ArchiveFields
    from chrono.corpus.reference import ReferenceError, load_reference
    from chrono.limits import DEFAULT_MAX_FILE_BYTES, DEFAULT_TIME_LIMIT
    from chrono.model import Severity
    from chrono.options import DEFAULT_DCT_KEYS, Options, ReadingOptions, RunPolicy
    from chrono.periods import Hemisphere

    paths: Sequence[str] = getattr(args, "paths", None) or ["."]
    config = resolve_config(paths, getattr(args, "config", None), getattr(args, "isolated", False))
    if config.path is not None:
        _check_selectors(config.selectors(), str(config.path))
    cli_select = _split(getattr(args, "select", None))
    cli_extend = _split(getattr(args, "extend_select", None))
    cli_ignore = _split(getattr(args, "ignore", None))
    _check_selectors(cli_select + cli_extend + cli_ignore, "command line")

    select = cli_select or config.select
    if select:
        select = select + config.extend_select + cli_extend
    ignore = config.ignore + config.extend_ignore + cli_ignore

    dct_text = getattr(args, "dct", None)
    dct = _parse_dct(dct_text, "--dct") if dct_text else None
    default_dct = _parse_dct(config.dct, f"{config.path}: 'dct'") if config.dct else None
    hemisphere = getattr(args, "hemisphere", None) or config.hemisphere or "north"
    date_order = getattr(args, "date_order", None) or config.date_order or "month-first"
    fail_level = getattr(args, "fail_level", None)
    reading = ReadingOptions(
        dct=dct,
        dct_value=dct_text,
        default_dct=default_dct,
        default_dct_value=config.dct,
        dct_keys=config.dct_keys or DEFAULT_DCT_KEYS,
        hemisphere=Hemisphere(hemisphere),
        hemisphere_stated=bool(getattr(args, "hemisphere", None) or config.hemisphere),
        fiscal_year_start=config.fiscal_year_start,
        day_first=date_order == "day-first",
        domain_files=config.domain_knowledge,
        max_file_bytes=config.max_file_size if config.max_file_size is not None else DEFAULT_MAX_FILE_BYTES,
        time_limit=config.file_time_limit if config.file_time_limit is not None else DEFAULT_TIME_LIMIT,
    )
    policy = RunPolicy(
        fail_level=Severity.parse(fail_level) if fail_level else (config.fail_level or Severity.ERROR),
        include=config.include,
        exclude=config.exclude,
        root=str(config.root),
        severity_overrides=config.severity,
        per_file_ignores=config.per_file_ignores,
    )
    options = Options(select=select, ignore=ignore, reading=reading, policy=policy)

    jobs = getattr(args, "jobs", 0) or 0
    if jobs < 0:
        raise UsageError(f"--jobs must be 0 (all cores) or more, not {jobs}")
    cache_dir: str | None = None
    if not getattr(args, "no_cache", False):
        cache_dir = (
            getattr(args, "cache_dir", None)
            or config.cache_dir
            or os.environ.get("CHRONO_CACHE_DIR")
            or str(config.root / DEFAULT_CACHE_DIR)
        )
    write_baseline = getattr(args, "write_baseline", None)
    loaded = None
    if getattr(args, "baseline", None) and not write_baseline:
        loaded = baseline_file.load(args.baseline)
    stream = stream if stream is not None else sys.stderr
    # a progress bar only for a person watching: stderr is a terminal and this is not CI
    in_ci = os.environ.get("CI", "").lower() not in ("", "0", "false")
    progress = (
        not getattr(args, "quiet", False) and not in_ci and hasattr(stream, "isatty") and stream.isatty()
    )
    # more processes than cores only cost memory: at most a few per core (and never more than
    # there are files, which chrono.parallel decides once it knows them)
    jobs = min(jobs or default_jobs(), MAX_JOBS_PER_CORE * default_jobs())
    executor = getattr(args, "executor", None) or config.executor
    scheduler = getattr(args, "scheduler", None) or config.scheduler
    if scheduler and executor != "dask":
        raise UsageError("--scheduler needs --executor dask (or executor = \"dask\" in the configuration)")
    references = tuple(getattr(args, "reference", None) or ())
    try:
        reference = tuple(load_reference(path, reading) for path in references)
    except ReferenceError as error:
        raise UsageError(f"--reference: {error}") from None
    named = [getattr(args, name, None) for name in ("text_field", "date_field", "id_field")]
    # archive fields given: a folder's archives are documents too (else data beside them)
    fields = ArchiveFields(named[0] or "text", named[1], named[2]) if any(named) else None
    return CheckSettings(
        options,
        config,
        jobs,
        cache_dir,
        loaded,
        write_baseline,
        progress,
        executor,
        scheduler,
        reference,
        references,
        fields,
    )


def make_executor(name: str | None, jobs: int, scheduler: str | None = None) -> Executor:
    """The executor called ``name`` (default: the pool with ``jobs`` > 1, else serial)."""
    from chrono.executors import ExecutorError, PoolExecutor, SerialExecutor

    if name == "dask":
        from chrono.dask_run import DaskExecutor

        return DaskExecutor.connect(scheduler, workers=jobs)
    if name == "serial" or (name is None and jobs <= 1):
        return SerialExecutor()
    if name in (None, "process"):
        return PoolExecutor(jobs)
    raise ExecutorError(f"unknown executor {name!r}: one of {', '.join(EXECUTORS)}")


class ProgressBar:
    """``[#####.....]  512/1000 files`` on a TTY's stderr, redrawn at most 10 times a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = width * done // total
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\r[{bar}] {done:>{len(str(total))}}/{total} files")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


_CHRONO_OUTPUT_MARKS = ('"findings"', '"tool": "chrono', '"$schema"', "<testsuites", "::error", "::warning")


def _written_by_chrono(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return False
    return not head.strip() or any(mark in head for mark in _CHRONO_OUTPUT_MARKS)


def refuse_to_overwrite_inputs(paths: Sequence[str], targets: Sequence[str | None]) -> None:
    """A report or baseline must never replace a document being checked (that loses the
    document and hides its findings): refuse when a target is one of the inputs, or an existing
    document inside an input folder that chrono did not write."""
    from chrono.ingest import KINDS

    inputs = [resolved(Path(p)) for p in (paths or ["."])]
    for target in filter(None, targets):
        target_path = resolved(Path(target))
        if target_path in inputs and not target_path.is_dir():
            raise UsageError(f"refusing to write over {target}: it is one of the documents being checked")
        inside = any(folder in target_path.parents for folder in inputs if folder.is_dir())
        document = target_path.is_file() and target_path.suffix.lower() in KINDS
        if inside and document and not _written_by_chrono(target_path):
            raise UsageError(f"refusing to write over {target}: it is a document in the folder being checked")


def _blocked_by(path: Path) -> Path | None:
    """The nearest existing ancestor of ``path`` that is not a folder (nothing can go below it)."""
    for parent in path.parents:
        if parent.exists():
            return None if parent.is_dir() else parent
        if parent.is_symlink():  # a link to nowhere: its target cannot be created through it
            return parent
    return None


def _nearest_folder(path: Path) -> Path:
    return next((parent for parent in path.parents if parent.is_dir()), Path("."))


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def check_output_target(target: str, *, folder: bool, option: str = "--output") -> None:
    """Fail early, with the path and what is wrong with it, when ``target`` (a report file, or
    with ``folder`` a folder for a site) cannot be written: the alternative is a whole run ending
    in an errno message."""
    path = Path(target)
    blocker = _blocked_by(path)
    if blocker is not None:
        raise UsageError(
            f"{option} {target}: {blocker} is a file, not a folder, so nothing can be created inside it"
        )
    if folder:
        if path.exists() and not path.is_dir():
            raise UsageError(
                f"{option} {target}: this is an existing file, not a folder; "
                "chrono report writes a site into a folder (name a new or empty one)"
            )
        if path.is_dir() and not _writable(path):
            raise UsageError(f"{option} {target}: the folder is not writable (permission denied)")
    else:
        if path.is_dir():
            raise UsageError(f"{option} {target}: this is a folder; name the file to write the findings into")
        if path.exists() and not os.access(path, os.W_OK):
            raise UsageError(f"{option} {target}: the file is not writable (permission denied)")
    if not path.exists():
        parent = _nearest_folder(path)
        if not _writable(parent):
            raise UsageError(f"{option} {target}: cannot be created, the folder {parent} is not writable")


def describe_os_error(error: OSError, target: str) -> str:
    """An OSError as words about a path, without the ``[Errno N]`` prefix."""
    reason = error.strerror or str(error)
    reason = reason[:1].lower() + reason[1:]
    if isinstance(error.filename, str) and Path(error.filename) != Path(target):
        return f"cannot write {error.filename}: {reason}"
    return f"cannot be written: {reason}"


def run(
    settings: CheckSettings,
    paths: Sequence[str],
    stream: TextIO | None = None,
    output: str | None = None,
    *,
    keep_analyses: bool = True,
    list_files: bool = True,
) -> Report:
    """Check ``paths`` with the settings (progress bar on ``stream``, default stderr). The
    baseline files and ``output`` (the report file or directory being written) are never
    checked themselves. Without ``keep_analyses`` the report keeps only what the output of a
    check prints, and without ``list_files`` it counts the files instead of naming them
    (chrono.runner.check)."""
    from chrono.executors import ExecutorError
    from chrono.runner import check

    refuse_to_overwrite_inputs(paths, [settings.write_baseline, output])
    bar = ProgressBar(stream if stream is not None else sys.stderr) if settings.progress else None
    # a report file is skipped; a site's folder is not, as it may be a folder of documents too
    # (discovery skips the files a site's manifest lists instead)
    skip = [p for p in (settings.write_baseline, output) if p and not Path(p).is_dir()]
    skip += settings.reference_files
    try:
        executor = make_executor(settings.executor, settings.jobs, settings.scheduler)
    except ExecutorError as error:
        raise UsageError(str(error)) from None
    try:
        return check(
            paths or ["."],
            settings.options,
            jobs=settings.jobs,
            cache_dir=settings.cache_dir,
            progress=bar,
            baseline=settings.baseline,
            skip_files=skip,
            executor=executor,
            keep_analyses=keep_analyses,
            list_files=list_files,
            reference=settings.reference,
            archive_fields=settings.archive_fields,
        )
    finally:
        executor.close()
        if bar is not None:
            bar.close()


def write_baseline(report: Report, path: str) -> int:
    from chrono import baseline as baseline_file

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return baseline_file.write(report.findings, path)
