"""The layout model: data-driven cases (tests/text/data/layout.yaml) for Markdown, HTML and plain
text, and the model's own behaviour (scopes, nesting, breaks, labels, date headings, pickling)."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
import yaml

from chrono.ingest import Loaded
from chrono.layout import Block, Kind, Layout
from chrono.model import Document
from chrono.options import ReadingOptions
from chrono.readers import READERS
from chrono.text.layout import is_date_words, is_label, layout_of
from chrono.text.markup import view_of

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "layout.yaml").read_text(encoding="utf-8"))


def _layout(kind: str, text: str) -> Layout:
    return layout_of(kind, text, view_of(kind, text))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_layout_case(case: dict[str, Any]) -> None:
    text = case["text"]
    layout = _layout(case["kind"], text)
    got = [(b.kind.value, text[b.start:b.end]) for b in layout.blocks]
    assert got == [(want["kind"], want["words"]) for want in case["blocks"]]
    for block, want in zip(layout.blocks, case["blocks"], strict=True):
        if "level" in want:
            assert block.level == want["level"], want
        if "parent" in want:
            parent = layout.blocks[block.parent]
            assert text[parent.start:parent.end] == want["parent"], want
        if "scope_ends" in want:
            assert text[:block.scope_end].endswith(want["scope_ends"]), (want, text[block.end:block.scope_end])
        if "label" in want:
            assert block.label is want["label"], want
        if "is_date" in want:
            assert block.is_date is want["is_date"], want


def test_scopes_nest_and_a_block_finds_its_enclosing_ones() -> None:
    text = "## 2019\n\n- March 4: the pier reopened\n  - boats returned\n\n## 2020\n\nQuiet year.\n"
    layout = _layout("markdown", text)
    inner = text.index("boats")
    assert [b.kind for b in layout.enclosing(inner)] == [Kind.ITEM, Kind.ITEM, Kind.HEADING]
    assert text[layout.blocks[layout.unit(inner)].start:].startswith("boats returned")
    assert [b.kind for b in layout.enclosing(text.index("Quiet"))] == [Kind.PARAGRAPH, Kind.HEADING]
    assert layout.innermost(text.index("2020")) == next(
        i for i, b in enumerate(layout.blocks) if text[b.start:b.end] == "2020")


def test_layout_of_cuts_a_scope_to_its_parent_and_drops_empty_blocks() -> None:
    layout = Layout.of([Block(Kind.ITEM, 5, 9, 50), Block(Kind.HEADING, 0, 4, 20, level=2),
                        Block(Kind.LINE, 30, 30, 30)])
    assert [(b.kind, b.scope_end, b.parent) for b in layout.blocks] == [
        (Kind.HEADING, 20, -1), (Kind.ITEM, 20, 0)]


def test_breaks_end_every_block_and_wrap_only_dated_lines() -> None:
    text = "Intro line one\nintro line two\n\n- first item\n- second item\n"
    layout = _layout("text", text)
    breaks = layout.breaks()
    assert text.index("first item") + len("first item") in breaks
    assert text.index("second item") + len("second item") in breaks
    assert text.index("line one") + len("line one") not in breaks  # a wrapped sentence
    lines = [i for i, b in enumerate(layout.blocks) if b.kind is Kind.LINE]
    first = layout.blocks[lines[0]]
    assert {first.start, first.end} <= layout.breaks(dated=[lines[0]])


@pytest.mark.parametrize(("words", "label"), [
    ("v2.4.0 released", True),
    ("Yearly accounts published", True),
    ("Schedule finalized, with dates for every team", True),
    ("The server crashed", False),
    ("We released the report", False),
    ("Police arrested two men", False),
    ("Crews were deployed", False),
    ("Site survey", False),
])
def test_a_label_has_no_finite_verb(words: str, label: bool) -> None:
    assert is_label(words) is label


@pytest.mark.parametrize(("words", "is_date"), [
    ("2003", True),
    ("Week 3 (12–16 May)", True),
    ("Week of 4 March 2024", True),
    ("Released 2024-06-03", True),
    ("Version 4.1.0 (2024-06-03)", True),
    ("Sept. 1999:", True),
    ("The 1998 race", False),
    ("Jane Roe, 1931–2019", False),
    ("Summary", False),
])
def test_a_heading_that_is_a_date(words: str, is_date: bool) -> None:
    assert is_date_words(words) is is_date


def test_a_line_that_names_a_day_heads_only_a_list() -> None:
    above_prose = _layout("markdown", "# Title\n\nSunday, May 5, 2024\n\nThe council met.\n")
    above_list = _layout("markdown", "# Title\n\nReleased 2024-05-05\n\n- Fixed the login page.\n")
    year = _layout("markdown", "# Title\n\n2024\n\nThe council met.\n")
    for layout, is_date in ((above_prose, False), (above_list, True), (year, True)):
        (heading,) = [b for b in layout.blocks if b.kind is Kind.HEADING and b.level == 7]
        assert heading.is_date is is_date


def test_the_document_keeps_its_layout_and_pickles() -> None:
    text = "---\ndate: 2024-05-01\n---\n## 2019\n\n- March 4: the pier reopened.\n"
    compiled = READERS["markdown"](Document("a.md", text, "markdown"), ReadingOptions())
    layout = compiled.document.layout
    assert [b.kind for b in layout.blocks] == [Kind.HEADING, Kind.ITEM]
    restored = pickle.loads(pickle.dumps(Loaded(compiled.document)))
    assert restored.document.layout == layout
    assert restored.document.layout.enclosing(text.index("pier"))[0].kind is Kind.ITEM


def test_a_timeline_file_has_an_empty_layout() -> None:
    assert Document("t.yaml", "events: []\n", "timeline").layout.blocks == ()
