"""The HTML report: ``chrono report PATH... -o DIR`` renders a run into a static site.

Installed as ``chrono.reports``. :mod:`.views` turns a run into plain view data, :mod:`.annotate`
and :mod:`.timeline` do the text highlighting and the timeline geometry (:mod:`.instants` words
instants, past the calendar's ends too), and :mod:`.site` renders the Jinja2 templates
(``templates/``) and writes them with the static assets (``static/``).

The names below load on first use, so that building the command line (``chrono.reports.cli``)
never imports Jinja2.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .site import ReportError, Written, report_site, write_files, write_report
    from .views import build_site

__all__ = ["ReportError", "Written", "build_site", "report_site", "write_files", "write_report"]

_HOMES = {
    "ReportError": "site",
    "Written": "site",
    "report_site": "site",
    "write_files": "site",
    "write_report": "site",
    "build_site": "views",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
