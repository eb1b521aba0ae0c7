"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding,
shown as annotations on the pull request's changed lines."""

from __future__ import annotations

from chrono.model import ExplanationStep, Finding, Severity
from chrono.printable import for_terminal
from chrono.results import Report

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}



def _where(finding: Finding, step: ExplanationStep) -> str:
    if step.path is not None:  # the words of another document (a corpus rule's chain)
        return f" ({for_terminal(step.where(finding.path))})"
    return f" (line {step.span.line})" if step.span else ""

def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    props = [
        f"file={_property(for_terminal(finding.path))}",
        f"line={finding.line}",
        f"col={finding.column}",
        f"endLine={finding.end_line}",
    ]
    if finding.end_line == finding.line:
        props.append(f"endColumn={finding.end_column}")
    props.append(f"title={_property(f'chrono {finding.rule} ({finding.name})')}")
    # control characters from documents and names escaped; the message's own lines kept
    message = for_terminal(finding.message)
    if finding.explanation:
        chain = "\n".join(
            f"{n}. {for_terminal(step.text)}" + _where(finding, step)
            for n, step in enumerate(finding.explanation, start=1)
        )
        message = f"{message}\nThese cannot all hold:\n{chain}"
    return f"::{_LEVELS[finding.severity]} {','.join(props)}::{_data(message)}"


def to_github(report: Report) -> str:
    return "".join(annotation(finding) + "\n" for finding in report.findings)
