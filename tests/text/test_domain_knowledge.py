"""Precedence pairs: the built-in file, and users' files from the configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.knowledge import precedence_pairs
from chrono.options import Options, ReadingOptions
from chrono.runner import check

TEXT = "The museum opened its east wing in May 2021. The east wing was refurbished in March 2020.\n"


def test_builtin_pairs_cover_the_design_card() -> None:
    pairs = {(p.first, p.second) for p in precedence_pairs()}
    for pair in [("capture", "recapture"), ("incursion", "withdrawal"), ("birth", "death"),
                 ("founding", "dissolution"), ("signing", "ratification"), ("arrest", "release"),
                 ("opening", "closing"), ("take_office", "leave_office")]:
        assert pair in pairs


def test_a_users_pair_applies(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert not check([str(doc)], Options(select=("CHR306",))).findings
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "verbs: {refurbish: renovation}\npunctual_classes: [renovation]\n"
        "pairs:\n  - {first: opening, second: renovation, note: refurbished after it opened}\n",
        encoding="utf-8",
    )
    (finding,) = check([str(doc)], Options(select=("CHR306",), reading=ReadingOptions(domain_files=(str(extra),)))).findings
    assert "refurbished" in " ".join(span.text for span in finding.spans)


def test_a_malformed_users_file_is_named(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("pairs: {first: a}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yaml"):
        precedence_pairs((str(extra),))
