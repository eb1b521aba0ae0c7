"""The command line: ``chrono check``, ``chrono rules``, ``chrono explain``, ``chrono server``.

Exit codes (DESIGN.md): 0 no finding at or above the fail level, 1 findings, 2 usage or
internal error.

Start-up matters (a pre-commit hook or an editor runs chrono on every save): this module and
the parser it builds import no engine module; each command imports what it needs when it runs,
and ``chrono --version`` builds no parser at all (the options' modules need attrs and the cache).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TextIO

from chrono.version import __version__

if TYPE_CHECKING:
    from chrono.check_command import UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

__all__ = ["UsageError", "internal_error_message", "main", "rules_markdown"]


def __getattr__(name: str) -> Any:
    # UsageError is chrono.check_command's, named here for those who catch what main raises
    if name == "UsageError":
        from chrono.check_command import UsageError

        return UsageError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _build_parser() -> argparse.ArgumentParser:
    from chrono.check_command import add_check_options
    from chrono.extract_cli import add_extract_parser
    from chrono.server import add_server_parser
    from chrono.timeml_export import add_export_parser

    parser = argparse.ArgumentParser(
        prog="chrono",
        description="chrono: check that the dates in your documents do not contradict each other.",
    )
    parser.add_argument("--version", action="version", version=f"chrono {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check_parser = commands.add_parser("check", help="check files and directories for contradictions")
    add_check_options(check_parser)  # chrono.check_command: shared with every command that checks

    report_parser = commands.add_parser(
        "report", help="render the findings as a static HTML site: chrono report PATH... -o DIR"
    )
    _reports_cli().configure(report_parser)  # check's options (chrono.check_command), -o naming a folder

    commands.add_parser("rules", help="list the rules").add_argument(
        "--format", choices=("text", "json", "markdown"), default="text"
    )
    explain = commands.add_parser("explain", help="show the documentation of a rule")
    explain.add_argument("code", help="rule code or name, e.g. CHR201")
    add_export_parser(commands)  # chrono.timeml_export: chrono export --format timeml
    add_extract_parser(commands)  # chrono.extract_cli: chrono extract FILE --dct DATE
    add_server_parser(commands)  # chrono.server: the language server (pygls loads only when it runs)
    return parser


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:  # checked before the run, but the disk may still say no
            from chrono.check_command import UsageError, describe_os_error

            raise UsageError(f"--output {output}: {describe_os_error(error, output)}") from None
    else:
        sys.stdout.write(text)


def _run_check(args: argparse.Namespace) -> int:
    from chrono.check_command import UsageError, check_output_target, check_settings, write_baseline
    from chrono.check_command import run as run_checks
    from chrono.formats import render
    from chrono.results import Report
    from chrono.runner import selected_rules

    if args.statistics and args.format not in ("text", "json"):
        raise UsageError("--statistics works with --format text or json")
    settings = check_settings(args)
    if args.output:
        check_output_target(args.output, folder=False, option="--output")
    if settings.write_baseline:
        check_output_target(settings.write_baseline, folder=False, option="--write-baseline")
    # the output of a check prints findings, never an analysis: keep none, and list the files
    # only for JUnit, which has a test suite per file (the others count them): bounded memory
    report: Report = run_checks(
        settings, args.paths, output=args.output, keep_analyses=False, list_files=args.format == "junit"
    )
    color = args.format == "text" and not args.output and _use_color(args.color, sys.stdout)
    rendered = render(
        args.format,
        report,
        rules=selected_rules(settings.options),
        color=color,
        quiet=args.quiet,
        statistics_only=args.statistics,
    )
    _write(rendered, args.output)
    if settings.write_baseline:
        count = write_baseline(report, settings.write_baseline)
        if not args.quiet:
            sys.stderr.write(f"chrono: wrote {count} finding(s) to the baseline {settings.write_baseline}\n")
    if report.crashed:
        return EXIT_ERROR
    if settings.write_baseline:
        return EXIT_OK
    return EXIT_FINDINGS if report.failed(settings.options.policy.fail_level) else EXIT_OK


def _reports_cli() -> ModuleType:
    # reports/ installs as chrono.reports (a build-time mapping): imported by name, like the rules
    return importlib.import_module("chrono.reports.cli")


def _run_report(args: argparse.Namespace) -> int:
    code: int = _reports_cli().run_report(args)  # Jinja2 loads only when a report is written
    return code


def _run_rules(args: argparse.Namespace) -> int:
    from chrono.registry import all_rules

    rules = all_rules()
    if args.format == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "summary": r.summary,
                "doc": r.sections(),
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown())
    else:
        width = max(len(r.name) for r in rules)
        for rule in rules:
            sys.stdout.write(f"{rule.code}  {rule.name:<{width}}  {rule.severity.label:<7}  {rule.summary}\n")
    return EXIT_OK


def rules_markdown() -> str:
    """The rule reference page (docs/rules.md is generated from this)."""
    from chrono.registry import all_rules

    out = ["# chrono rules", "", "Generated by `chrono rules --format markdown`; do not edit by hand.", ""]
    out += ["| code | name | severity | summary |", "|---|---|---|---|"]
    out += [
        f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity.label} | {r.summary} |"
        for r in all_rules()
    ]
    for rule in all_rules():
        out += ["", f"## {rule.code} {rule.name}", "", f"Default severity: **{rule.severity.label}**."]
        for heading, body in rule.sections().items():
            out += ["", f"### {heading}", "", body]
    return "\n".join(out) + "\n"


def _run_explain(args: argparse.Namespace) -> int:
    from chrono.check_command import UsageError
    from chrono.registry import all_rules

    wanted = args.code.strip()
    for rule in all_rules():
        if wanted.upper() == rule.code or wanted == rule.name:
            sys.stdout.write(f"{rule.code} {rule.name} (default severity: {rule.severity.label})\n\n")
            sys.stdout.write(rule.doc() + "\n")
            return EXIT_OK
    raise UsageError(f"no rule {wanted!r} (see `chrono rules`)")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except Exception as error:  # a bug in chrono: exit 2, since 1 would read as "findings"
        sys.stderr.write(internal_error_message(error))
        return EXIT_ERROR


def _main(argv: Sequence[str] | None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        sys.stdout.write(f"chrono {__version__}\n")  # what argparse's version action prints
        return EXIT_OK
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    handlers = {"check": _run_check, "report": _run_report, "rules": _run_rules, "explain": _run_explain}
    handlers["export"] = _run_export
    handlers["extract"] = _run_extract
    handlers["server"] = _run_server
    try:
        return handlers[args.command](args)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        if not isinstance(error, (*_usage_errors(), OSError)):
            raise
        sys.stderr.write(f"chrono: error: {error}\n")
        return EXIT_ERROR


def _usage_errors() -> tuple[type[Exception], ...]:
    """What a command raises for input it cannot use (exit code 2, one line on stderr); imported
    only when something was raised, so that start-up loads none of these modules."""
    from chrono.baseline import BaselineError
    from chrono.check_command import UsageError
    from chrono.config import ConfigError
    from chrono.executors import ExecutorError
    from chrono.registry import RegistryError
    from chrono.remote import RemoteError

    return (UsageError, RegistryError, ConfigError, BaselineError, RemoteError, ExecutorError)


def _run_server(args: argparse.Namespace) -> int:
    from chrono.server import run_server

    return run_server(args)


def _run_export(args: argparse.Namespace) -> int:
    from chrono.timeml_export import run_export

    return run_export(args)


def _run_extract(args: argparse.Namespace) -> int:
    from chrono.extract_cli import run_extract

    return run_extract(args)


def internal_error_message(error: Exception) -> str:
    """Two lines: what escaped and where it was raised, and that it is chrono's bug to report."""
    from chrono.printable import for_terminal

    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return (
        f"chrono: internal error: {type(error).__name__}: {for_terminal(str(error))}{where}\n"
        "chrono: this is a bug in chrono, not a problem with your documents: please report it, "
        "with the command you ran\n"
    )
