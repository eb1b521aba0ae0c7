"""File names and document text never break an output format.

A file name may hold a byte that is not UTF-8 (Python keeps it as a lone surrogate), an escape
character or a newline; a document may hold terminal escape sequences and bidi overrides. The
text output shows control and bidi characters escaped (``\\x1b``, ``\\u202e``), so a document
cannot retitle or clear the terminal; JSON and SARIF are valid UTF-8, a file name's stray byte
written ``\\xff``; JUnit is well-formed XML 1.0; GitHub annotations stay one line each.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from chrono.baseline import dumps as baseline_dumps
from chrono.formats import render
from chrono.options import Options
from chrono.results import Report
from chrono.runner import check

HOSTILE_TEXT = (
    "---\ndate: 2024-11-20\n---\n"
    "Government troops seized the town of Marrow in August 2024.\x1b]0;owned\x07\x1b[2J By July "
    "2024, however, the town\u202e had been recaptured by rebel units.\n"
)
# the terminal controls (C0 but tab, DEL, C1), bidi controls and lone surrogates of file names
RAW = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("names")
    for name in (b"stray-\xff-byte.md", b"escape-\x1b[31m-red.md", b"new\nline.md", b"bidi-\xe2\x80\xae.md"):
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(HOSTILE_TEXT.encode("utf-8"))
    result = check([str(folder)], Options())
    assert len(result.files) == 4
    assert [f.rule for f in result.findings] == ["CHR306"] * 4
    return result


def test_text_output_escapes_controls_from_names_and_documents(report: Report) -> None:
    for color in (False, True):
        text = render("text", report, color=color)
        text.encode("utf-8")
        shown = text.replace("\x1b[", "") if color else text  # the output's own colours
        assert not RAW.search(shown.replace("\n", "")), repr(RAW.search(shown.replace("\n", "")))
    text = render("text", report)
    assert "stray-\\xff-byte.md:" in text
    assert "escape-\\x1b[31m-red.md:" in text
    assert "new\\nline.md:" in text
    assert "bidi-\\u202e.md:" in text
    assert "August 2024.\\x1b]0;owned\\x07\\x1b[2J By July" in text  # the excerpt
    assert "the town\\u202e had been recaptured" in text  # the explanation
    heads = [line for line in text.splitlines() if "CHR306" in line]
    assert len(heads) == 4  # one line per finding: no newline from a name splits it


def test_excerpt_markers_stay_under_the_escaped_words(report: Report) -> None:
    lines = render("text", report).splitlines()
    for number, line in enumerate(lines):
        if "| " in line and "recaptured" in line and "^" in lines[number + 1]:
            text, marker = line.split("| ", 1)[1], lines[number + 1].split("| ", 1)[1]
            start = marker.index("^")
            assert text[start:].startswith("By July 2024"), (text, marker)
            assert text[start : len(marker)].endswith("recaptured"), (text, marker)
            assert "\\u202e" in text[start : len(marker)]
            return
    raise AssertionError("no excerpt of the cited sentence")


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_are_valid_utf8(report: Report, fmt: str) -> None:
    rendered = render(fmt, report)
    data = json.loads(rendered.encode("utf-8"))
    if fmt == "json":
        assert any(f["path"].endswith("/stray-\\xff-byte.md") for f in data["findings"])
    else:
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
        assert any(uri.endswith("stray-%FF-byte.md") for uri in uris), uris
        assert any(uri.endswith("new%0Aline.md") for uri in uris), uris


def test_junit_is_well_formed_xml(report: Report) -> None:
    rendered = render("junit", report)
    rendered.encode("utf-8")
    assert not XML_FORBIDDEN.search(rendered)
    root = ET.fromstring(rendered)
    names = {suite.get("name") for suite in root}
    assert "escape-\\x1b[31m-red.md" in {Path(name or "").name for name in names}


def test_github_annotations_stay_one_line_each(report: Report) -> None:
    rendered = render("github", report)
    rendered.encode("utf-8")
    assert len(rendered.splitlines()) == 4
    assert not RAW.search(rendered.replace("\n", ""))


def test_a_baseline_of_such_names_is_valid_utf8(report: Report, tmp_path: Path) -> None:
    json.loads(baseline_dumps(report.findings, tmp_path / "baseline.json").encode("utf-8"))
