"""Held-out-style prose (tests/text/data/prose.yaml): no false alarm on the clean texts, the
expected rule on each flawed one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from chrono.analyze import analyze, run_rules
from chrono.ingest import Loaded
from chrono.model import Document, Severity
from chrono.options import Options, ReadingOptions
from chrono.runner import selected_rules

DATA = yaml.safe_load((Path(__file__).parent / "data" / "prose.yaml").read_text(encoding="utf-8"))
DCT = str(DATA["dct"])


def _errors(name: str, text: str) -> list[str]:
    kind = "markdown" if name.endswith(".md") else "text"
    options = Options(reading=ReadingOptions.dated(DCT))
    analysis = analyze(Loaded(Document(name, text, kind)), options.reading)
    return [f.rule for f in run_rules(analysis, selected_rules(options)) if f.severity >= Severity.ERROR]


@pytest.mark.parametrize("case", DATA["clean"], ids=[c["name"] for c in DATA["clean"]])
def test_clean_prose_has_no_error(case: dict[str, Any]) -> None:
    assert _errors(case["name"], case["text"]) == []


@pytest.mark.parametrize("case", DATA["flawed"], ids=[c["name"] for c in DATA["flawed"]])
def test_flawed_prose_has_its_error(case: dict[str, Any]) -> None:
    assert _errors(case["name"], case["text"]) == [case["rule"]]


@pytest.mark.parametrize("case", DATA["missed"], ids=[c["name"] for c in DATA["missed"]])
def test_missed_prose_has_no_error_of_another_rule(case: dict[str, Any]) -> None:
    assert set(_errors(case["name"], case["text"])) <= {case["rule"]}
