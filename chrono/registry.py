"""The rule registry: built-in rules plus those registered in the ``chrono.rules`` entry points."""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from types import ModuleType

from chrono.lazy_regex import lazy_compile
from chrono.problems import ProblemKind
from chrono.resources import kept
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
    for value in _entry_point_values():
        if value == "chrono.rules":
            continue
        rules.extend(_rules_in(_load_entry_point(value)))
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


def _entry_point_values() -> list[str]:
    """The values (``module:attribute``) of the ``chrono.rules`` entry points installed.

    Reading every installed distribution's metadata took a twentieth of the start-up of a small
    check, so the list is kept in the user cache (chrono.resources.kept), keyed by the
    distributions on ``sys.path`` and the size and time of each one's ``entry_points.txt``: an
    install, an uninstall or an edit reads them afresh. A ``sys.path`` entry that is not a
    folder (a zip) is not watched that way: then they are read every time.
    """
    listing: list[str] = []
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return _read_entry_points()
            continue
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            return _read_entry_points()
        for name in names:
            try:
                found = os.stat(os.path.join(folder, name, "entry_points.txt"))
                listing.append(f"{folder}/{name} {found.st_size} {found.st_mtime_ns}")
            except OSError:
                listing.append(f"{folder}/{name} -")
    inputs = ["\n".join(listing).encode("utf-8", "surrogateescape")]
    return kept(f"entry-points {ENTRY_POINT_GROUP}", inputs, _read_entry_points)


def _read_entry_points() -> list[str]:
    from importlib.metadata import entry_points  # reads every distribution's metadata

    return [entry.value for entry in entry_points(group=ENTRY_POINT_GROUP)]


_ENTRY_POINT = re.compile(r"(?P<module>[\w.]+)\s*(?::\s*(?P<attribute>[\w.]+)\s*)?(?:\[.*\]\s*)?$")


def _load_entry_point(value: str) -> object:
    """What an entry point's ``module:attribute`` names, as ``EntryPoint.load`` finds it."""
    match = _ENTRY_POINT.match(value)
    if match is None:
        raise RegistryError(f"entry point {value!r} of {ENTRY_POINT_GROUP!r} is not module:attribute")
    module: object = importlib.import_module(match.group("module"))
    names = (match.group("attribute") or "").split(".")
    return functools.reduce(getattr, [name for name in names if name], module)


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
