"""Old Mac line ends (a lone CR) and UTF-16/UTF-32 files with a byte order mark read as what
they are: the same findings, lines and code-point offsets as the UTF-8, LF version."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from chrono.ingest import decode
from chrono.options import Options
from chrono.output import to_json
from chrono.runner import check

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "river-crossing-recaptured-early.md"


def _findings(path: Path) -> list[dict[str, object]]:
    findings: list[dict[str, object]] = json.loads(to_json(check([str(path)], Options())))["findings"]
    for finding in findings:
        finding.pop("path")
    return findings


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    findings = _findings(EXAMPLE)
    assert [f["rule"] for f in findings] == ["CHR306"] and findings[0]["line"] == 8
    return findings


def test_lone_carriage_returns_are_line_breaks(tmp_path: Path, expected: list[dict[str, object]]) -> None:
    path = tmp_path / "mac.md"
    path.write_bytes(EXAMPLE.read_bytes().replace(b"\n", b"\r"))
    found = _findings(path)
    assert found == expected  # the front matter's date, lines, columns and offsets


def test_a_lone_cr_in_a_timeline(tmp_path: Path) -> None:
    timeline = (
        "dct: 2025-04-24\nevents:\n  - id: a\n    on: 2024-08-06\n  - id: b\n    end: by 2024-07\n"
        "relations:\n  - b after a\n"
    )
    lf, cr = tmp_path / "lf.yaml", tmp_path / "cr.yaml"
    lf.write_text(timeline, encoding="utf-8")
    cr.write_bytes(timeline.replace("\n", "\r").encode("utf-8"))
    expected = _findings(lf)
    assert [f["line"] for f in expected] == [8]
    assert _findings(cr) == expected


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark(tmp_path: Path, expected: list[dict[str, object]], encoding: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[encoding]
    path = tmp_path / f"{encoding}.md"
    path.write_bytes(bom + EXAMPLE.read_text(encoding="utf-8").encode(encoding))
    assert _findings(path) == expected


def test_utf16_that_is_not_valid_says_so(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_bytes(codecs.BOM_UTF16_LE + "It ended on 3 May 2024.".encode("utf-16-le") + b"\x00\xd8")
    (finding,) = check([str(path)], Options()).findings
    assert finding.rule == "CHR001"
    assert "not valid UTF-16" in finding.message


def test_a_stray_cr_among_lf_lines_stays_a_character() -> None:
    assert decode(b"one\rtwo\nthree\r\n") == ("one\rtwo\nthree\r\n", None)
    assert decode(b"one\rtwo\r") == ("one\ntwo\n", None)
