"""Prose wrapped at a fixed width reads as the same prose on one line: a line break inside a
paragraph that wraps a sentence is a space; one between fields ("**Duration:** …") is not."""

from __future__ import annotations

import pytest

from chrono.analyze import analyze, run_rules
from chrono.ingest import Loaded
from chrono.model import Document
from chrono.options import Options, ReadingOptions
from chrono.runner import selected_rules

OPTIONS = Options(reading=ReadingOptions.dated("2024-06-20"))


def _findings(text: str, kind: str = "markdown") -> list[tuple[str, str]]:
    analysis = analyze(Loaded(Document("case.md", text, kind)), OPTIONS.reading)
    return sorted((f.rule, f.message) for f in run_rules(analysis, selected_rules(OPTIONS)))


ONE_LINE = (
    "The committee met at 7pm on Tuesday 4 June 2024, when members voted to close the pool. "
    "The vote was held on Thursday 6 June 2024.\n"
)


@pytest.mark.parametrize("kind", ["markdown", "text"])
def test_a_sentence_wrapped_before_its_when_clause_reads_as_on_one_line(kind: str) -> None:
    wrapped = ONE_LINE.replace("when members", "when\nmembers").replace("close the", "close\nthe")
    assert len(wrapped) == len(ONE_LINE)
    found = _findings(ONE_LINE, kind)
    assert found  # the when-clause dates the vote on 4 June; the next sentence on 6 June
    assert _findings(wrapped, kind) == found


def test_label_lines_of_a_header_stay_apart() -> None:
    text = (
        "# Review: ticket sales down\n\n**Severity:** SEV-2\n**Duration:** 25 minutes\n\n"
        "## Timeline (UTC)\n\n- 18:02 — Cache change rolled out.\n- 18:05 — Error rate on orders passes 10%.\n"
        "- 18:19 — On-call paged.\n- 18:40 — Change reverted.\n- 18:52 — Order success rate back to normal.\n"
    )
    assert any("duration does not fit" in message for _, message in _findings(text))
