"""Report renderers for ``chrono check --format``: text and json (chrono.output), sarif, github,
junit, and the ``--statistics`` tables. Each is a pure function from a report to a string."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chrono.results import Report
    from chrono.rulebase import Rule

# The renderers are imported when one renders: the command line lists the names at start-up.
FORMATS = ("text", "json", "sarif", "github", "junit")


def statistics(report: Report) -> list[tuple[str, str, int]]:
    """(code, name, count) per rule that fired, most frequent first, then by code."""
    counts: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        counts[(finding.rule, finding.name)] = counts.get((finding.rule, finding.name), 0) + 1
    return sorted(((c, n, k) for (c, n), k in counts.items()), key=lambda row: (-row[2], row[0]))


def statistics_text(report: Report) -> str:
    rows = statistics(report)
    if not rows:
        return ""
    width = max(len(str(count)) for _, _, count in rows)
    return "".join(f"{count:>{width}}  {code}  {name}\n" for code, name, count in rows)


def statistics_json(report: Report) -> str:
    data = [{"code": code, "name": name, "count": count} for code, name, count in statistics(report)]
    return json.dumps(data, indent=2) + "\n"


def hidden_note(report: Report) -> str:
    parts = []
    if report.baselined:
        parts.append(f"{report.baselined} by the baseline")
    if report.suppressed:
        parts.append(f"{report.suppressed} by inline suppressions")
    return f"(hidden: {', '.join(parts)})\n" if parts else ""


def render(
    fmt: str,
    report: Report,
    *,
    rules: Sequence[type[Rule]] = (),
    sources: Mapping[str, str] | None = None,
    color: bool = False,
    quiet: bool = False,
    statistics_only: bool = False,
) -> str:
    from chrono.output import to_json, to_text

    if sources is None:
        sources = {document.path: document.text for document in report.documents}
    if statistics_only:
        return statistics_json(report) if fmt == "json" else statistics_text(report)
    if fmt == "json":
        return to_json(report)
    if fmt == "sarif":
        from chrono.registry import all_rules

        from .sarif import to_sarif

        return to_sarif(report, rules or all_rules(), sources)
    if fmt == "github":
        from .github import to_github

        return to_github(report)
    if fmt == "junit":
        from .junit import to_junit

        return to_junit(report)
    if quiet:
        if not report.findings:
            return ""
        text = to_text(report, sources, color=color)
        return text[: text.rstrip("\n").rfind("\n\n") + 1]
    return to_text(report, sources, color=color) + hidden_note(report)
