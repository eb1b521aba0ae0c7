"""YAML aliases: one inside its own anchor is reported at once, and the cap on what aliases add
counts alias expansion only (a long timeline written out in full is not "expanded by aliases")."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono import located
from chrono.located import SyntaxProblem, parse_yaml
from chrono.options import Options
from chrono.runner import check

from .deadline import deadline


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("a: &a [*a]\n", "&a"),
        ("events: &loop\n  - id: x\n    more: *loop\n", "&loop"),
        ("a: !!seq &self [1, {b: [*self]}]\n", "&self"),
    ],
)
def test_an_alias_inside_its_own_anchor_is_reported_at_once(text: str, anchor: str) -> None:
    with deadline(2), pytest.raises(SyntaxProblem, match=f"alias refers to its own anchor {anchor}"):
        parse_yaml(text)


def test_the_eleven_byte_file_is_a_syntax_finding(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("a: &a [*a]\n", encoding="utf-8")
    with deadline(2):
        report = check([str(path)], Options())
    (finding,) = report.findings
    assert (finding.rule, finding.line, finding.column) == ("CHR002", 1, 4)
    assert "infinitely deep" in finding.message


def _timeline(events: int, alias: bool) -> str:
    lines = ["dct: 2025-04-24", "base: &base {text: a long day, on: 2024-08-06}" if alias else "", "events:"]
    for i in range(events):
        lines.append(f"  - {{<<: *base, id: e{i}}}" if alias else f"  - {{id: e{i}, text: a long day, on: 2024-08-06}}")
    return "\n".join(lines) + "\n"


def test_the_cap_counts_what_aliases_add_not_what_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(located, "MAX_ALIAS_VALUES", 100)
    written = parse_yaml(_timeline(60, alias=False))  # 60 x 7 values, no alias: fine
    assert isinstance(written, located.Mapping)
    parse_yaml(_timeline(20, alias=True))  # each merge adds 4 values: 80 in all
    with pytest.raises(SyntaxProblem, match="aliases expand to more than 100 values"):
        parse_yaml(_timeline(30, alias=True))  # 120


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{later}: &{later} [{', '.join([f'*{earlier}'] * 9)}]\n" for earlier, later in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize("front", [LAUGHS + "title: *i\n", "x: &x [*x]\n"])
def test_front_matter_aliases_are_checked_before_they_are_expanded(front: str, tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(f"---\ndate: 2025-04-24\n{front}---\nThe talks began on 3 March 2025.\n", encoding="utf-8")
    with deadline(3):
        report = check([str(path)], Options())
    assert report.findings[0].rule == "CHR002"
    assert "front matter cannot be read" in report.findings[0].message
