"""A document on one long line costs what the same text on many lines costs.

Every finding's excerpt once cleaned its source line (tabs, carriage returns) anew: on a
one-line document of megabytes, with thousands of findings on that line, rendering the text
output was quadratic (a 1 MB line took 6.7 s to check and print, against 3.7 s for the same
words in paragraphs). Four times the text may cost at most about six times the time.
"""

from __future__ import annotations

import time
from pathlib import Path

from chrono.formats import render
from chrono.options import Options
from chrono.results import Report
from chrono.runner import check

SENTENCE = "The council of town {i} voted on Monday, 4 March 2025, to close the bridge. It took weeks."


def _report(tmp_path: Path, size: int, separator: str) -> Report:
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < size:
        parts.append(SENTENCE.format(i=len(parts)))
    path = tmp_path / f"doc-{size}-{len(separator)}.md"
    path.write_text("---\ndate: 2025-04-24\n---\n" + separator.join(parts) + "\n", encoding="utf-8")
    report = check([str(path)], Options())
    assert len(report.findings) >= len(parts)  # 4 March 2025 was a Tuesday: a finding each
    return report


def _render_seconds(report: Report) -> float:
    best = float("inf")
    for _ in range(2):
        began = time.perf_counter()
        render("text", report)
        best = min(best, time.perf_counter() - began)
    return best


def test_printing_the_findings_of_one_long_line_grows_linearly(tmp_path: Path) -> None:
    small, large = (_render_seconds(_report(tmp_path, size, " ")) for size in (60_000, 240_000))
    assert large < 6 * small + 0.02, (small, large)


def test_one_long_line_prints_as_fast_as_paragraphs(tmp_path: Path) -> None:
    one_line = _render_seconds(_report(tmp_path, 240_000, " "))
    paragraphs = _render_seconds(_report(tmp_path, 240_000, "\n\n"))
    assert one_line < 2 * paragraphs + 0.02, (one_line, paragraphs)
