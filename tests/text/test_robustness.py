"""The text pipeline never crashes, whatever the prose; its spans stay inside the file, and a
second check of the same file gives the same result."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from chrono.analysis import Analysis
from chrono.analyze import check_file
from chrono.model import Finding
from chrono.options import Options, ReadingOptions
from chrono.problems import ProblemKind
from chrono.runner import selected_rules

from ..strategies import prose_soups

OPTIONS = ReadingOptions.dated("2025-04-24")
RULES = selected_rules(Options())


def _check(text: str, suffix: str) -> tuple[Analysis, list[Finding]]:
    """Check one file as a run does: a crash in the readers or the rules is caught and becomes
    an internal-error problem, so only looking for that problem shows it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"soup{suffix}"
        path.write_text(text, encoding="utf-8", newline="")
        return check_file(path, path.name, OPTIONS, RULES)


@given(prose_soups, st.sampled_from([".txt", ".md", ".html"]))
def test_any_prose_is_checked_without_a_crash(text: str, suffix: str) -> None:
    analysis, findings = _check(text, suffix)
    assert [p.message for p in analysis.problems if p.kind is ProblemKind.INTERNAL] == []
    assert analysis.document.text == text
    spans = [
        *(claim.span for claim in analysis.claims),
        *(event.span for event in analysis.events),
        *(problem.span for problem in analysis.problems),
        *(cited for finding in findings for cited in finding.spans),
    ]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
    for finding in findings:
        for cited in finding.spans:
            assert text[cited.start : cited.end] == cited.text
    # the first check left nothing behind that changes the second
    assert _check(text, suffix) == (analysis, findings)
