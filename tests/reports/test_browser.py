"""The report of examples/ (plus one deliberately wrong copy) opened in headless Chromium.

Skipped with a reason when no chromium is installed (``apt-get install chromium``; ``.ci/run``
installs it). Screenshots land in ``test-artifacts/`` (git-ignored) for people to look at.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chrono.cli import main

Page = Any  # conftest.Page: the DevTools-driven tab of the ``browser`` fixture


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, flawed_corpus: Callable[[Path], Path]) -> Path:
    base = tmp_path_factory.mktemp("browser")
    corpus = flawed_corpus(base)
    out = base / "report"
    code = main(["report", str(corpus), "-o", str(out), "--isolated", "--no-cache", "-j", "1", "-q"])
    assert code == 1  # the flawed copy has an error, like `chrono check`
    return out


def document_page(site: Path, name: str) -> Path:
    return next(path for path in (site / "docs").glob("*.html") if name in path.name)


def is_png(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def test_index_renders_without_errors_and_its_controls_work(
    browser: Page, site: Path, artifacts: Path
) -> None:
    browser.open(site / "index.html")
    assert browser.errors() == []
    assert browser.evaluate("document.querySelectorAll('table.findings tbody tr').length") == 1
    assert browser.evaluate("document.querySelectorAll('svg.tl g.ev').length") == 6
    assert browser.evaluate("document.querySelectorAll('svg.tl g.ev.conflict').length") == 2
    assert browser.evaluate("document.querySelectorAll('svg.tl a.flag').length") == 2
    # the script revealed the controls that need it
    assert browser.evaluate("document.querySelector('.tl-controls').hidden") is False
    assert browser.evaluate("document.querySelector('.filter-count').textContent") == "1 of 1 findings shown"
    assert is_png(browser.screenshot(artifacts / "report-index.png"))

    # filtering hides rows that do not match
    hidden = browser.evaluate(
        """(() => {
        const box = document.querySelector('.filter-text');
        box.value = 'no such words';
        box.dispatchEvent(new Event('input'));
        const result = [document.querySelector('.filter-count').textContent,
                        document.querySelector('table.findings tbody tr').hidden];
        box.value = 'inconsistent';
        box.dispatchEvent(new Event('input'));
        result.push(document.querySelector('table.findings tbody tr').hidden);
        return result;
    })()"""
    )
    assert hidden == ["0 of 1 findings shown", True, False]

    # sorting sets aria-sort on the clicked column
    sort = browser.evaluate(
        """(() => {
        const th = document.querySelectorAll('table.findings th')[2];
        th.querySelector('button').click();
        const first = th.getAttribute('aria-sort');
        th.querySelector('button').click();
        return [first, th.getAttribute('aria-sort')];
    })()"""
    )
    assert sort == ["ascending", "descending"]

    # zooming in redraws the bars wider and the axis with other ticks; reset restores both
    zoom = browser.evaluate(
        r"""(() => {
        const width = () => Array.from(document.querySelectorAll('svg.tl g.ev .fuzzy'))
            .map(r => Number(r.getAttribute('width'))).reduce((a, b) => Math.max(a, b), 0);
        const ticks = () => document.querySelector('svg.tl g.ticks').textContent.replace(/\s+/g, '');
        const before = [width(), ticks(), document.querySelector('.tl-from').value];
        document.querySelector('button[data-zoom="in"]').click();
        const zoomed = [width(), ticks(), document.querySelector('.tl-from').value];
        document.querySelector('button[data-zoom="reset"]').click();
        return [before, zoomed, [width(), ticks(), document.querySelector('.tl-from').value]];
    })()"""
    )
    before, zoomed, reset = zoom
    assert zoomed[0] > before[0]
    assert zoomed[1] != before[1]
    assert zoomed[2] > before[2]
    assert reset == before
    assert browser.errors() == []


def test_document_page_highlights_explains_and_shows_bounds_on_focus(
    browser: Page, site: Path, artifacts: Path
) -> None:
    browser.open(document_page(site, "kursk-flawed"))
    assert browser.errors() == []
    assert browser.evaluate("document.querySelectorAll('aside.finding').length") == 1
    assert browser.evaluate("document.querySelectorAll('aside.finding .chain li').length") == 4
    assert browser.evaluate("document.querySelectorAll('svg.tl g.ev').length") == 3
    # keyboard focus on a dated statement shows its value and interval bounds
    tip = browser.evaluate(
        """(() => {
        const seg = Array.from(document.querySelectorAll('.seg.k-claim[tabindex]'))
            .find(s => s.textContent === 'by 2024-03');
        seg.focus();
        const tip = document.getElementById('tip');
        return [tip.hidden, tip.textContent, seg.getAttribute('aria-describedby')];
    })()"""
    )
    assert tip[0] is False
    assert "recapture ends by 2024-03" in tip[1]
    assert "[2024-03-01, 2024-04-01)" in tip[1]
    # screen readers get the same from the table row and the finding the span belongs to
    described = tip[2].split()
    assert described[0].startswith("d-a")
    assert "f1-h" in described
    assert browser.evaluate(f"document.getElementById('{described[0]}').textContent").count("2024-03-01") == 1
    assert is_png(browser.screenshot(artifacts / "report-document.png"))
    # following a step of the explanation chain lights up the words it cites
    flashed = browser.evaluate(
        """(() => {
        const step = document.querySelector('a.step');
        step.focus();
        const id = step.getAttribute('data-target');
        return Array.from(document.querySelectorAll('.seg.flash')).map(s => s.textContent).join('|')
            + '#' + document.getElementById(id).textContent;
    })()"""
    )
    lit, target = flashed.split("#")
    assert target == "by 2024-03"
    assert lit == "by 2024-03"
    # printing drops the interactive controls and keeps text, findings and timeline
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.evaluate(
            """['.tl-controls', '.layers', 'header.site', 'aside.finding', 'svg.tl', '.source']
            .map(s => getComputedStyle(document.querySelector(s)).display)"""
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""})
    assert shown[:3] == ["none", "none", "none"]
    assert "none" not in shown[3:]
    assert browser.errors() == []


def test_rule_page_renders(browser: Page, site: Path) -> None:
    browser.open(site / "rules" / "CHR201.html")
    assert browser.errors() == []
    headings = browser.evaluate(
        "Array.from(document.querySelectorAll('.ruledoc h2')).map(h => h.textContent)"
    )
    assert headings == ["What it does", "Why it matters", "Example", "How to fix"]


def test_hostile_document_text_never_runs(browser: Page, tmp_path: Path, artifacts: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    nasty = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> </textarea>'
    body = {
        "dct": "2025-04-24",
        "events": [
            {"id": "a", "text": nasty + " \u202eevil\u202c", "on": "2024-08"},
            {"id": "b", "text": "javascript:window.__pwned=3", "end": "by 2024-03"},
        ],
        "relations": ["b after a"],
    }
    (corpus / "nasty.json").write_text(json.dumps(body, indent=1, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "report"
    assert main(["report", str(corpus), "-o", str(out), "--isolated", "--no-cache", "-j", "1", "-q"]) == 1
    for page in [out / "index.html", document_page(out, "nasty")]:
        browser.open(page)
        assert browser.errors() == []
        assert browser.evaluate("typeof window.__pwned") == "undefined"
        assert browser.evaluate("document.querySelectorAll('img, textarea').length") == 0
        # focusing and hovering every highlighted span runs the tooltip code over the hostile text
        assert (
            browser.evaluate(
                """(() => { document.querySelectorAll('.seg[tabindex]').forEach(s => s.focus());
                return typeof window.__pwned; })()"""
            )
            == "undefined"
        )
        assert browser.errors() == []
    assert "<script>window.__pwned = 1</script>" in browser.evaluate("document.body.innerText")
    browser.screenshot(artifacts / "report-hostile.png")
