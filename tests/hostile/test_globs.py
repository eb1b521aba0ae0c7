"""Configuration globs: a pull request can change them, so a bad one is a usage error and none
can make matching slow."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from chrono.config import ConfigError, parse_config
from chrono.globs import GlobError, check_glob, glob_match


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "a/b.md", True),
        ("drafts", "x/drafts/a.md", True),
        ("drafts/**", "drafts/a/b.md", True),
        ("**/x.md", "x.md", True),
        ("**/x.md", "a/b/x.md", True),
        ("a/*.md", "a/b.md", True),
        ("a/*.md", "a/c/b.md", False),
        ("docs/*/x", "docs/a/x", True),
        ("docs/*/x", "docs/a/b/x", False),
        ("[!a]*.md", "a.md", False),
        ("[!a]*.md", "b.md", True),
        ("[a-c]?.md", "bz.md", True),
        ("[a-c]?.md", "dz.md", False),
        ("?.md", "ab.md", False),
        ("a[b", "a[b", True),  # an unclosed "[" is a literal character
        ("**", "any/thing", True),
        ("corpus/**/*.yaml", "corpus/a/b/c.yaml", True),
        ("corpus/**/*.yaml", "other/a/c.yaml", False),
    ],
)
def test_glob_semantics(pattern: str, path: str, expected: bool) -> None:
    assert glob_match(pattern, path) is expected


def test_a_reversed_range_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(GlobError, match="runs backwards"):
        check_glob("[z-a]")
    with pytest.raises(ConfigError, match=r"'exclude' glob '\[z-a\]'.*runs backwards"):
        parse_config({"exclude": ["[z-a]"]}, tmp_path / "chrono.toml")
    with pytest.raises(ConfigError, match="per-file-ignores"):
        parse_config({"per-file-ignores": {"[9-0]/*": ["CHR201"]}}, tmp_path / "chrono.toml")


def _seconds(pattern: str, path: str) -> float:
    """The best of five timings in this process's CPU time (the least disturbed by other work on a
    shared machine)."""
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        glob_match(pattern, path)
        best = min(best, time.process_time() - started)
    return best


def test_many_stars_cost_polynomial_time() -> None:
    """A backtracking regex takes exponential time here (minutes at these lengths); the matcher
    grows at most with the product of the lengths, 4x here (a generous ratio, not a time bound:
    CI machines are shared, and a busy one stretches the small run's time least)."""
    pattern = "*a" * 12 + "*b"
    small, large = _seconds(pattern, "a" * 1000), _seconds(pattern, "a" * 4000)
    assert large < max(small, 1e-3) * 200
    segments = "/".join(["**"] * 8) + "/x/**/y"
    small, large = _seconds(segments, "/".join("a" * 100)), _seconds(segments, "/".join("a" * 400))
    assert large < max(small, 1e-3) * 200
