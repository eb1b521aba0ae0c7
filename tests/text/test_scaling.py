"""Long generated prose reads as it should at every length: consistent prose gives no finding,
and an inline suppression in every paragraph hides its finding.

How the time grows with the size is measured by ``benchmarks/text_scaling.py`` (layouts
``stress-one-paragraph`` and ``stress-suppressions``, this prose; ``--check-linear 5.5`` exits 1
when four times the text costs more than 5.5 times the time per MB), not by a timed test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chrono.options import Options
from chrono.runner import check

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from text_scaling import stress


@pytest.mark.parametrize("layout", ["stress-one-paragraph", "stress-suppressions"])
def test_long_prose_is_read_consistently(layout: str, tmp_path: Path) -> None:
    path = tmp_path / f"{layout}.md"
    path.write_text(stress(30_000, layout), encoding="utf-8")
    report = check([str(path)], Options())
    assert report.documents[0].dct is not None
    assert not report.findings
    if layout == "stress-suppressions":
        assert report.suppressed >= 200
    else:
        assert not report.suppressed
