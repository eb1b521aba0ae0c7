"""The HTML report: ``chrono report PATH... -o DIR`` renders a run into a static site.

Installed as ``chrono.reports``. :mod:`.views` turns a run into plain view data, :mod:`.annotate`
and :mod:`.timeline` do the text highlighting and the timeline geometry, and :mod:`.site` renders
the Jinja2 templates (``templates/``) and writes them with the static assets (``static/``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from chrono.engine import Options, Report
from chrono.registry import all_rules, select

from .site import ReportError, Written, write_files, write_report
from .views import build_site

__all__ = ["ReportError", "Written", "build_site", "report_site", "write_files", "write_report"]


def report_site(
    report: Report, directory: str | os.PathLike[str], options: Options, inputs: Sequence[str] = ()
) -> Written:
    """Write the HTML report of a finished ``chrono.engine.check`` run into ``directory``."""
    checked = len(select(all_rules(), options.select, options.ignore))
    return write_report(
        report.analyses, report.findings, directory, rules=all_rules(), inputs=inputs, rules_checked=checked
    )
