"""``chrono report PATH... -o DIR``: the same run as ``chrono check``, rendered as a static site.

``chrono.cli`` adds the subcommand with ``chrono.checkrun.add_check_options`` (so the inputs,
rule selection, configuration, cache and baseline options are exactly those of ``check``) and
calls :func:`run_report`, imported lazily so that ``chrono check`` never loads Jinja2.
"""

from __future__ import annotations

import argparse
import sys

from chrono.checkrun import UsageError, check_settings
from chrono.checkrun import run as run_checks

from . import ReportError, report_site

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def run_report(args: argparse.Namespace) -> int:
    """Check, render, write; exit codes follow ``check`` (0 clean, 1 findings, 2 errors)."""
    output = getattr(args, "output", None)
    if not output:
        raise UsageError("chrono report needs an output directory: chrono report PATH... -o DIR")
    if getattr(args, "format", "html") not in ("html", "text"):
        raise UsageError("chrono report writes HTML only; use chrono check for other formats")
    settings = check_settings(args)
    paths = list(getattr(args, "paths", None) or ["."])
    report = run_checks(settings, paths)
    try:
        written = report_site(report, output, settings.options, inputs=paths)
    except ReportError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot write the report into {output}: {error}") from None
    if not getattr(args, "quiet", False):
        count = len(report.findings)
        files = len(report.files)
        sys.stderr.write(
            f"chrono: report of {files} file{'s' if files != 1 else ''} "
            f"({count} finding{'s' if count != 1 else ''}) written to {written.index}\n"
        )
    if any(f.rule == "CHR000" for f in report.findings):
        return EXIT_ERROR
    return EXIT_FINDINGS if report.failed(settings.options.fail_level) else EXIT_OK
