"""The shared seed article (read in place from ../shared/examples, never copied): no error with
its DCT; with "by March 2025" changed to "by March 2024", an error that cites both the recapture
and the summer-2024 start."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.model import Severity
from chrono.options import Options, ReadingOptions
from chrono.runner import check

SEED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "seed-article.txt"
OPTIONS = Options(reading=ReadingOptions.dated("2025-04-24"))

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/examples/seed-article.txt is not here")


def _errors(tmp_path: Path, text: str) -> list[object]:
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    return [f for f in check([str(path)], OPTIONS).findings if f.severity >= Severity.ERROR]


def test_the_article_as_published_has_no_error(tmp_path: Path) -> None:
    assert _errors(tmp_path, SEED.read_text(encoding="utf-8")) == []


def test_a_recapture_before_the_incursion_is_an_error_citing_both(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert "by March 2025" in text
    errors = _errors(tmp_path, text.replace("by March 2025", "by March 2024"))
    assert len(errors) == 1
    cited = " | ".join(span.text for span in errors[0].spans)  # type: ignore[attr-defined]
    assert "by March 2024" in cited and "recaptured" in cited
    assert "summer of 2024" in cited
