"""Readers emit problem and conflict kinds, never rule codes; every kind has exactly one rule.
They also emit cues, facts that rules judge: every kind of cue has a rule that reads it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from chrono.cues import CUE_TYPES
from chrono.problems import ConflictKind, ProblemKind, conflict_kind_of
from chrono.registry import all_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", list(ProblemKind), ids=lambda k: k.value)
def test_every_problem_kind_has_exactly_one_rule(kind: ProblemKind) -> None:
    owners = [rule.code for rule in all_rules() if kind in rule.problem_kinds]
    assert len(owners) == 1, f"{kind} is reported by {owners or 'no rule'}"


@pytest.mark.parametrize("kind", list(ConflictKind), ids=lambda k: k.value)
def test_every_conflict_kind_has_exactly_one_rule(kind: ConflictKind) -> None:
    owners = [rule.code for rule in all_rules() if kind in rule.conflict_kinds]
    assert len(owners) == 1, f"{kind} is reported by {owners or 'no rule'}"


@pytest.mark.parametrize("cue_type", CUE_TYPES, ids=lambda t: t.__name__)
def test_every_cue_type_has_a_rule(cue_type: type) -> None:
    assert any(cue_type in rule.cue_types for rule in all_rules()), f"no rule judges {cue_type.__name__}"


def test_warning_kinds_are_owned_kinds() -> None:
    for rule in all_rules():
        assert rule.warning_kinds <= rule.problem_kinds, rule.code


def test_the_most_specific_conflict_kind_wins() -> None:
    assert conflict_kind_of([ConflictKind.ORDER, None, ConflictKind.OFFSET]) is ConflictKind.OFFSET
    assert conflict_kind_of([None, None]) is None


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_readers_never_name_rule_codes() -> None:
    """Outside rules/ and the places that print or document codes, no module names a rule."""
    allowed = {"config.py"}  # its docstring shows a configuration file
    offenders = []
    for path in sorted((ROOT / "chrono").rglob("*.py")):
        if path.name in allowed:
            continue
        for text in _string_constants(path):
            if text.startswith("CHR") and text[3:6].isdigit() and len(text) == 6:
                offenders.append(f"{path.relative_to(ROOT)}: {text!r}")
    assert not offenders
