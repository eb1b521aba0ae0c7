"""The rule registry: built-in rules plus those registered in the ``chrono.rules`` entry points."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import entry_points
from types import ModuleType

from chrono.lazy_regex import lazy_compile
from chrono.problems import ProblemKind
from chrono.rulebase import Rule

ENTRY_POINT_GROUP = "chrono.rules"
_CODE = lazy_compile(r"[A-Z]{2,5}\d{3}")
_NAME = lazy_compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class RegistryError(Exception):
    """A rule that breaks the registry's contract (bad or duplicate code, missing docs)."""


def _rules_in(obj: object) -> list[type[Rule]]:
    if isinstance(obj, ModuleType):
        found = getattr(obj, "RULES", None)
        if found is None:
            found = [
                v
                for v in vars(obj).values()
                if isinstance(v, type) and issubclass(v, Rule) and hasattr(v, "code")
            ]
        return list(found)
    if isinstance(obj, type) and issubclass(obj, Rule):
        return [obj]
    if isinstance(obj, Iterable):
        return [r for item in obj for r in _rules_in(item)]
    raise RegistryError(f"{obj!r} is neither a rule, a list of rules nor a module of rules")


def validate(rule: type[Rule]) -> None:
    where = f"{rule.__module__}.{rule.__qualname__}"
    for attribute in ("code", "name", "severity", "summary"):
        if not hasattr(rule, attribute):
            raise RegistryError(f"rule {where} has no {attribute!r}")
    if not _CODE.fullmatch(rule.code):
        raise RegistryError(f"rule {where}: code {rule.code!r} must look like CHR123")
    if not _NAME.fullmatch(rule.name):
        raise RegistryError(f"rule {where}: name {rule.name!r} must be kebab-case")
    missing = [
        s for s in ("What it does", "Why it matters", "Example", "How to fix") if not rule.sections().get(s)
    ]
    if missing:
        raise RegistryError(f"rule {where}: docstring lacks {', '.join(missing)}")


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule, sorted by code. Built-ins always load, even without entry points installed."""
    builtin = importlib.import_module("chrono.rules")
    rules = _rules_in(builtin)
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.value == "chrono.rules":
            continue
        rules.extend(_rules_in(entry.load()))
    by_code: dict[str, type[Rule]] = {}
    for rule in rules:
        validate(rule)
        other = by_code.get(rule.code)
        if other is not None and other is not rule:
            raise RegistryError(
                f"rule code {rule.code} is claimed by both {other.__module__} and {rule.__module__}"
            )
        by_code[rule.code] = rule
    return tuple(sorted(by_code.values(), key=lambda r: r.code))


def owner(kind: ProblemKind) -> type[Rule]:
    """The rule that reports problems of ``kind`` (every kind has exactly one; a test checks)."""
    return next(rule for rule in all_rules() if kind in rule.problem_kinds)


def matches(rule: type[Rule], selector: str) -> bool:
    selector = selector.strip()
    return selector.upper() == "ALL" or rule.code.startswith(selector.upper()) or rule.name == selector


def select(rules: Iterable[type[Rule]], selected: Iterable[str], ignored: Iterable[str]) -> list[type[Rule]]:
    chosen = list(selected) or ["ALL"]
    dropped = list(ignored)
    return [
        r for r in rules if any(matches(r, s) for s in chosen) and not any(matches(r, s) for s in dropped)
    ]


def unknown_selectors(rules: Iterable[type[Rule]], selectors: Iterable[str]) -> list[str]:
    known = list(rules)
    return [s for s in selectors if not any(matches(r, s) for r in known)]
