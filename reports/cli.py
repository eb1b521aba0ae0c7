"""``chrono report PATH... -o DIR``: the same run as ``chrono check``, rendered as a static site.

``chrono.cli`` builds the subcommand with :func:`configure` (``chrono.check_command.add_check_options``,
so the inputs, rule selection, configuration, cache and baseline options are exactly those of
``check``) and calls :func:`run_report`. Nothing here imports Jinja2 until a report is written.
"""

from __future__ import annotations

import argparse
import sys

from chrono.check_command import (
    UsageError,
    add_check_options,
    check_output_target,
    check_settings,
    describe_os_error,
)
from chrono.check_command import run as run_checks

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# check's output options that mean nothing for a site
_HIDDEN = ("statistics", "color", "write_baseline")


def configure(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``chrono report``: check's, with ``-o`` naming the output folder."""
    add_check_options(parser, formats=("html",))
    parser.set_defaults(format="html")
    for action in parser._actions:
        if action.dest == "output":
            action.metavar = "DIR"
            action.help = "folder to write the site into (required; created if missing)"
        elif action.dest == "format":
            action.help = "html, the only format of this command"
        elif action.dest == "quiet":
            action.help = "do not print where the report was written"
        elif action.dest in _HIDDEN:
            action.help = argparse.SUPPRESS


def run_report(args: argparse.Namespace) -> int:
    """Check, render, write; exit codes follow ``check`` (0 clean, 1 findings, 2 errors)."""
    from .site import ReportError, report_site  # Jinja2 loads here

    output = getattr(args, "output", None)
    if not output:
        raise UsageError("chrono report needs an output directory: chrono report PATH... -o DIR")
    if getattr(args, "format", "html") != "html":
        raise UsageError("chrono report writes HTML only; use chrono check for other formats")
    for flag in ("write_baseline", "statistics"):
        if getattr(args, flag, None):
            raise UsageError(f"--{flag.replace('_', '-')} belongs to chrono check, not chrono report")
    settings = check_settings(args)
    check_output_target(output, folder=True, option="-o")
    paths = list(getattr(args, "paths", None) or ["."])
    # the site's own pages are never read back: discovery skips the files its manifest lists
    report = run_checks(settings, paths, output=output)
    try:
        written = report_site(report, output, settings.options, inputs=paths)
    except ReportError as error:
        raise UsageError(str(error)) from None
    except OSError as error:  # checked before the run, but the disk may still say no
        raise UsageError(f"-o {output}: {describe_os_error(error, output)}") from None
    if not getattr(args, "quiet", False):
        count = len(report.findings)
        files = len(report.files)
        sys.stderr.write(
            f"chrono: report of {files} file{'s' if files != 1 else ''} "
            f"({count} finding{'s' if count != 1 else ''}) written to {written.index}\n"
        )
    if report.crashed:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.failed(settings.options.policy.fail_level) else EXIT_OK
