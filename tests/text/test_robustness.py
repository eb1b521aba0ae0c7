"""The text pipeline never crashes, whatever the prose, and its spans stay inside the file."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chrono.analyze import analyze
from chrono.ingest import Loaded
from chrono.model import Document
from chrono.options import ReadingOptions

from ..strategies import prose_soups

OPTIONS = ReadingOptions.dated("2025-04-24")


@given(prose_soups, st.sampled_from(["text", "markdown", "html"]))
def test_any_prose_compiles(text: str, kind: str) -> None:
    analysis = analyze(Loaded(Document("t", text, kind)), OPTIONS)
    for claim in analysis.claims:
        assert 0 <= claim.span.start <= claim.span.end <= len(text)
    for problem in analysis.problems:
        assert problem.kind != "internal"
        assert 0 <= problem.span.start <= problem.span.end <= len(text)
