"""The time to check one prose document grows linearly with its size.

Four times the text may cost at most about five times the time: a step that scans the whole
document, every earlier event or every suppression once per sentence, event or finding shows up
as a ratio of 6-10 at these sizes. No absolute time bound: CI machines are shared.

The documents repeat news-like prose that exercises what grew quadratically once: in one long
paragraph, precedence pairs (seized / recaptured) sharing an argument, offsets and sequence words
that look back for the last dated event, and named events; in many paragraphs, an inline
suppression hiding a finding in each. (``benchmarks/text_scaling.py`` measures real news text.)
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from chrono.options import Options
from chrono.runner import check

PARAGRAPH = (
    "Government troops seized the town of Marrow{i} on {day} August 2024 and crossed the river. "
    "By October 2024, however, the town had been recaptured by rebel units. The Lisbon Summit "
    "opened on {day} May 2023. Two days later, fighting resumed. Later, the army withdrew."
)
SUPPRESSED = "<!-- chrono: ignore[CHR307] -->\nThe council voted on Monday, 4 March 2025, to close the bridge {i}."


def _document(size: int, layout: str) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        i = len(parts)
        part = SUPPRESSED.format(i=i) if layout == "suppressions" else PARAGRAPH.format(i=i, day=1 + i % 27)
        parts.append(part)
        length += len(part) + 2
    separator = " " if layout == "one-paragraph" else "\n\n"
    return "---\ndate: 2025-04-24\n---\n" + separator.join(parts) + "\n"


@pytest.mark.parametrize("layout", ["one-paragraph", "suppressions"])
def test_check_time_is_linear_in_document_size(layout: str, tmp_path: Path) -> None:
    def seconds(size: int) -> float:
        path = tmp_path / f"{layout}-{size}.md"
        path.write_text(_document(size, layout), encoding="utf-8")
        best = float("inf")
        for _ in range(2):  # the better of two runs: a shared machine has pauses
            start = time.perf_counter()
            report = check([str(path)], Options())
            best = min(best, time.perf_counter() - start)
        assert report.documents[0].dct is not None
        assert report.suppressed if layout == "suppressions" else not report.findings
        return best

    seconds(5_000)  # load lexicons, patterns and rules once
    small, large = seconds(60_000), seconds(240_000)
    assert large < 5.5 * small + 0.05, (small, large)
