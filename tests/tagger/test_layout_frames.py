"""The tagger with a layout (chrono.tagger.frames): data-driven cases in layout_cases.yaml, and
what ``tag`` reports of the blocks a date opens or heads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from chrono.layout import Kind
from chrono.tagger import extract, tag
from chrono.text.layout import layout_of
from chrono.text.markup import view_of

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "layout_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_layout_case(case: dict[str, Any]) -> None:
    view = view_of(case["kind"], case["text"])
    found = extract(view.text, case["dct"], layout=layout_of(case["kind"], case["text"], view))
    # an expectation without a value only says the words are tagged (a value annotators may
    # dispute, not what the case is about)
    assert [(t.text, t.value if "value" in e else None) for t, e in zip(found, case["expect"], strict=False)] == [
        (e["text"], e.get("value")) for e in case["expect"]]
    assert len(found) == len(case["expect"]), [t.text for t in found]
    for timex, expected in zip(found, case["expect"], strict=True):
        if "anchor" in expected:
            assert timex.anchor == expected["anchor"], timex


def test_tag_names_the_blocks_a_date_dates() -> None:
    text = "## 2011\n\n- March 4: the bridge closed.\n- The toll (June 3) rose.\n- Quiet months.\n"
    view = view_of("markdown", text)
    layout = layout_of("markdown", text, view)
    tagged = tag(view.text, "2024-01-10", layout=layout)
    dated = {layout.blocks[i].kind: text[a:b] for i, (a, b) in tagged.dated.items()}
    assert sorted(text[a:b] for a, b in tagged.dated.values()) == ["2011", "June 3", "March 4"]
    assert dated[Kind.HEADING] == "2011"
    assert tagged.timexes == extract(view.text, "2024-01-10", layout=layout)


def test_the_heading_places_what_the_tense_alone_would_not() -> None:
    text = "## 2023\n\n- March 4: the bridge reopens.\n"
    view = view_of("markdown", text)
    plain = extract(view.text, "2024-01-10")
    framed = extract(view.text, "2024-01-10", layout=layout_of("markdown", text, view))
    assert [t.value for t in plain] == ["2023", "2024-03-04"]  # nearest to the DCT, guessed
    assert [(t.value, t.anchor, t.guessed) for t in framed][1] == ("2023-03-04", "2023", False)
    assert tag(view.text, "2024-01-10").dated == {}
