"""The text pipeline never crashes, whatever the prose, and its spans stay inside the file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.analyze import analyze
from chrono.ingest import Loaded
from chrono.model import Document
from chrono.options import ReadingOptions

WORDS = [
    "The", "army", "captured", "recaptured", "the", "town", "on", "in", "by", "since", "after",
    "before", "March", "3", "2024", "2025", "two", "days", "later", "ten-day", "visit", "began",
    "ended", "which", ",", ".", "said", "was", "born", "died", "at", "the age of", "48", "Monday",
    "from", "to", "until", "according to", "the next day", "anniversary", "50th", "signing",
    "<p>", "</p>", "**", "#", "\n", "\n\n", "---", "Dr.", "U.S.", "&amp;", "“", "”",
]
OPTIONS = ReadingOptions.dated("2025-04-24")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.sampled_from(["text", "markdown", "html"]))
def test_any_prose_compiles(words: list[str], kind: str) -> None:
    text = " ".join(words)
    analysis = analyze(Loaded(Document("t", text, kind)), OPTIONS)
    for claim in analysis.claims:
        assert 0 <= claim.span.start <= claim.span.end <= len(text)
    for problem in analysis.problems:
        assert problem.kind != "internal"
        assert 0 <= problem.span.start <= problem.span.end <= len(text)
