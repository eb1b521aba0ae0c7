"""The corpus timeline page of the HTML report (reports.corpus_view)."""

from __future__ import annotations

from pathlib import Path

import pytest
from chrono.reports import corpus_view
from chrono.reports.site import report_site

from chrono.options import Options
from chrono.runner import check

AGREE = "Russian troops recaptured Sudzha in March 2025, officials said.\n"
ODD = "The recapture of Sudzha in March 2024 ended the incursion.\n"


def corpus(folder: Path, agreeing: int) -> list[str]:
    paths = []
    for i in range(agreeing):
        paths.append(str(folder / f"agree{i:02}.md"))
        Path(paths[-1]).write_text(f"---\ndate: 2025-04-20\n---\n{AGREE}", encoding="utf-8")
    paths.append(str(folder / "odd.md"))
    Path(paths[-1]).write_text(f"---\ndate: 2025-04-20\n---\n{ODD}", encoding="utf-8")
    return paths


def test_the_page_lists_the_sources_and_marks_the_contradiction(tmp_path: Path) -> None:
    paths = corpus(tmp_path, 2)
    report = check(paths, Options())
    out = tmp_path / "site"
    report_site(report, out, Options())
    page = (out / "corpus.html").read_text(encoding="utf-8")
    assert "recapture|sudzha" in page and "3 documents" in page
    assert page.count('class="contradiction"') == 1
    assert "recapture of Sudzha in March 2024" in page and "contradicts" in page
    assert 'href="corpus.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_sources_are_capped_with_the_contradicting_ones_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_view, "MAX_SOURCES", 3)
    report = check(corpus(tmp_path, 5), Options())
    page = corpus_view.corpus_page(report.analyses, report.findings, {})
    assert page is not None
    [event] = page.events
    assert event.documents == 6 and event.left_out == 3
    assert event.sources[0].contradicts and event.sources[0].path.endswith("odd.md")


def test_no_page_without_events_told_twice(tmp_path: Path) -> None:
    report = check(corpus(tmp_path, 0), Options())
    assert corpus_view.corpus_page(report.analyses, report.findings, {}) is None
