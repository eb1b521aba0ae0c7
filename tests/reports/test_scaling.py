"""The report grows in proportion to its input: time and page size (benchmarks/report_speed.py
measures the same at 0.25 / 0.5 / 1 MB).

Every part of the generated document grows with it: highlights, the table of everything read,
findings (one per paragraph) and the timeline (two events per paragraph).
"""

from __future__ import annotations

import datetime
import time
from pathlib import Path

from chrono.reports.site import write_report

from chrono.analysis import Analysis
from chrono.model import Finding
from chrono.options import Options
from chrono.registry import all_rules
from chrono.runner import check


def prose(size: int) -> str:
    """At least ``size`` characters of dated prose: every paragraph an event on its own day,
    a second event a day later, and a weekday that does not match its date (one finding each)."""
    paragraphs: list[str] = []
    length = 0
    day = datetime.date(1990, 1, 1)
    while length < size:
        said = (day + datetime.timedelta(days=1)).strftime("%A")
        after = day + datetime.timedelta(days=1)
        paragraph = (
            f"On {said}, {day.day} {day:%B %Y}, the committee met to review the budget. The board "
            f"approved the plan on {after.day} {after:%B %Y}, a day after the meeting."
        )
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
        day += datetime.timedelta(days=3)
    return "---\ndate: 2025-04-24\n---\n" + "\n\n".join(paragraphs) + "\n"


def checked(tmp_path: Path, size: int) -> tuple[tuple[Analysis, ...], tuple[Finding, ...], int]:
    folder = tmp_path / f"in-{size}"
    folder.mkdir()
    text = prose(size)
    (folder / "prose.md").write_text(text, encoding="utf-8")
    report = check([str(folder)], Options())
    return report.analyses, report.findings, len(text)


def rendered(tmp_path: Path, size: int, repeat: int) -> tuple[float, int, int]:
    """(best CPU seconds of rendering, page bytes, input characters) of the report at ``size``."""
    analyses, findings, length = checked(tmp_path, size)
    best = float("inf")
    for attempt in range(repeat):
        out = tmp_path / f"out-{size}-{attempt}"
        started = time.process_time()  # this process only: other work on the machine does not count
        write_report(analyses, findings, out, rules=all_rules())
        best = min(best, time.process_time() - started)
    page = next((out / "docs").glob("*.html")).stat().st_size
    return best, page, length


def test_four_times_the_text_takes_about_four_times_as_long_and_as_many_bytes(tmp_path: Path) -> None:
    small, small_page, small_length = rendered(tmp_path, 25_000, repeat=3)
    large, large_page, large_length = rendered(tmp_path, 100_000, repeat=3)
    scale = large_length / small_length
    # linear: about 4x (less, as fixed costs weigh on the small one); quadratic: about 16x
    assert large / small < 2 * scale, f"{small:.2f} s -> {large:.2f} s for {scale:.1f}x the text"
    assert large_page / small_page < 1.25 * scale
