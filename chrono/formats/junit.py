"""JUnit XML: one test suite per checked file, one failing test case per finding (a file
without findings is one passing test case), as CI systems display test reports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from chrono.model import Finding, Severity
from chrono.printable import for_xml
from chrono.results import Report


def _details(finding: Finding) -> str:
    where = f"{for_xml(finding.path)}:{finding.line}:{finding.column}"
    lines = [f"{where}: {finding.rule} {for_xml(finding.message)}"]
    for number, step in enumerate(finding.explanation, start=1):
        where = f" (line {step.span.line})" if step.span else ""
        if step.path is not None:  # the words of another document (a corpus rule's chain)
            where = f" ({for_xml(step.where(finding.path))})"
        lines.append(f"  {number}. {for_xml(step.text)}{where}")
    return "\n".join(lines) + "\n"


def to_junit(report: Report) -> str:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_file[finding.path].append(finding)
    files = list(report.files) + [p for p in by_file if p not in report.files]
    total_failures = sum(1 for f in report.findings if f.severity >= Severity.WARNING)
    total_tests = sum(max(1, len(by_file.get(path, []))) for path in files)
    root = ET.Element(
        "testsuites",
        name="chrono",
        tests=str(total_tests),
        failures=str(total_failures),
        errors="0",
    )
    for path in files:
        findings = by_file.get(path, [])
        name = for_xml(path)  # a file name may hold characters XML 1.0 forbids (an escape)
        failures = sum(1 for f in findings if f.severity >= Severity.WARNING)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=name,
            tests=str(max(1, len(findings))),
            failures=str(failures),
            errors="0",
            skipped=str(len(findings) - failures),
        )
        if not findings:
            ET.SubElement(suite, "testcase", name="chrono", classname=name)
            continue
        for finding in findings:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{finding.rule} {finding.name} at line {finding.line}, column {finding.column}",
                classname=name,
                file=name,
                line=str(finding.line),
            )
            if finding.severity >= Severity.WARNING:
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=for_xml(finding.message),
                    type=f"{finding.rule} {finding.severity.label}",
                )
                failure.text = _details(finding)
            else:
                message = f"{finding.rule} info: {for_xml(finding.message)}"
                skipped = ET.SubElement(case, "skipped", message=message)
                skipped.text = _details(finding)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
