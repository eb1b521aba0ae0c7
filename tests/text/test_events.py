"""Events as journalists write them: data cases of our own (tests/text/data/events.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from chrono.analyze import analyze, run_rules
from chrono.ingest import Loaded
from chrono.model import Document, Severity
from chrono.options import ReadingOptions
from chrono.registry import all_rules
from chrono.text.claims import TextPeriodClaim

DATA = yaml.safe_load((Path(__file__).parent / "data" / "events.yaml").read_text(encoding="utf-8"))
CASES = DATA["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_event_case(case: dict[str, Any]) -> None:
    kind = case.get("kind", "text")
    document = Document("case.md" if kind == "markdown" else "case.txt", case["text"], kind)
    analysis = analyze(Loaded(document), ReadingOptions.dated(str(case.get("dct", DATA["dct"]))))
    findings = run_rules(analysis, all_rules())
    errors = sorted(f.rule for f in findings if f.severity >= Severity.ERROR)
    assert errors == sorted(case["errors"]), [f.message for f in findings]
    if "warnings" in case:
        warnings = sorted(f.rule for f in findings if f.severity is Severity.WARNING)
        assert warnings == sorted(case["warnings"])
    if "explanation_has" in case:
        steps = [step.text for f in findings for step in f.explanation]
        assert any(case["explanation_has"] in step for step in steps), steps
    for word in case.get("undated", []):
        # an event word no date of the text may be given to
        dated = [c for c in analysis.claims if isinstance(c, TextPeriodClaim) and c.event.startswith(f"'{word}'")]
        assert not dated, dated
    for words in case.get("no_distance", []):
        # a distance that must not be read at all, whether or not it would conflict
        made = [c for c in analysis.claims if words in getattr(getattr(c, "gap", None), "text", "")]
        assert not made, made
    for word, part, qualifier in case.get("bounded", []):
        # a bound the text gives an event word: its part and how ("closed", "end", "by")
        made = [c for c in analysis.claims if isinstance(c, TextPeriodClaim) and c.event.startswith(f"'{word}'")
                and c.part.value == part and c.qualifier.value == qualifier]
        assert made, [c.describe() for c in analysis.claims if isinstance(c, TextPeriodClaim)]
