"""The command line: ``chrono check``, ``chrono rules``, ``chrono explain``.

Exit codes (DESIGN.md): 0 no finding at or above the fail level, 1 findings, 2 usage or
internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from chrono import __version__
from chrono.engine import Options, PathError, Report, check
from chrono.model import Severity
from chrono.output import to_json, to_text
from chrono.periods import Hemisphere, InvalidValue, NotAPeriod, parse_value
from chrono.registry import RegistryError, all_rules, unknown_selectors

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def _split(values: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chrono",
        description="chrono: check that the dates in your documents do not contradict each other.",
    )
    parser.add_argument("--version", action="version", version=f"chrono {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check_parser = commands.add_parser("check", help="check files and directories for contradictions")
    check_parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    check_parser.add_argument("--format", choices=("text", "json"), default="text")
    check_parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    check_parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules (codes, prefixes or names, comma-separated)",
    )
    check_parser.add_argument(
        "--ignore", action="append", metavar="CODES", help="skip these rules (codes, prefixes or names)"
    )
    check_parser.add_argument(
        "--dct", metavar="DATE", help="document creation time for every file (overrides the files')"
    )
    check_parser.add_argument(
        "--hemisphere",
        choices=("north", "south"),
        default="north",
        help="which hemisphere's seasons 'summer 2024' means (default north)",
    )
    check_parser.add_argument(
        "--fail-level",
        choices=("info", "warning", "error"),
        default="error",
        help="lowest severity that makes the exit code 1 (default error)",
    )
    check_parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    commands.add_parser("rules", help="list the rules").add_argument(
        "--format", choices=("text", "json", "markdown"), default="text"
    )
    explain = commands.add_parser("explain", help="show the documentation of a rule")
    explain.add_argument("code", help="rule code or name, e.g. CHR201")
    return parser


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _options(args: argparse.Namespace) -> Options:
    selected, ignored = _split(args.select), _split(args.ignore)
    unknown = unknown_selectors(all_rules(), selected + ignored)
    if unknown:
        raise UsageError(f"unknown rule selector(s): {', '.join(unknown)} (see `chrono rules`)")
    dct = None
    if args.dct:
        try:
            dct = parse_value(args.dct)
        except (InvalidValue, NotAPeriod) as error:
            raise UsageError(f"--dct {args.dct!r}: {error}") from None
    return Options(
        select=selected,
        ignore=ignored,
        dct=dct,
        dct_value=args.dct,
        hemisphere=Hemisphere(args.hemisphere),
        fail_level=Severity.parse(args.fail_level),
    )


def _write(text: str, output: str | None) -> None:
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


def _run_check(args: argparse.Namespace) -> int:
    options = _options(args)
    report: Report = check(args.paths, options)
    if args.format == "json":
        rendered = to_json(report)
    else:
        sources = {a.document.path: a.document.text for a in report.analyses}
        color = not args.output and _use_color(args.color, sys.stdout)
        rendered = to_text(report, sources, color=color)
    _write(rendered, args.output)
    if any(f.rule == "CHR000" for f in report.findings):
        return EXIT_ERROR
    return EXIT_FINDINGS if report.failed(options.fail_level) else EXIT_OK


def _run_rules(args: argparse.Namespace) -> int:
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
    wanted = args.code.strip()
    for rule in all_rules():
        if wanted.upper() == rule.code or wanted == rule.name:
            sys.stdout.write(f"{rule.code} {rule.name} (default severity: {rule.severity.label})\n\n")
            sys.stdout.write(rule.doc() + "\n")
            return EXIT_OK
    raise UsageError(f"no rule {wanted!r} (see `chrono rules`)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    handlers = {"check": _run_check, "rules": _run_rules, "explain": _run_explain}
    try:
        return handlers[args.command](args)
    except (UsageError, PathError, RegistryError) as error:
        sys.stderr.write(f"chrono: error: {error}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:
        sys.stderr.write(f"chrono: error: {error}\n")
        return EXIT_ERROR
