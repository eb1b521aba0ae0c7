"""Module-level patterns compiled on first use (chrono.lazy_regex) match as re.compile does, and
every one of chrono's compiles: an invalid pattern would otherwise surface only when a text
first reached it."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re

import pytest

import chrono
from chrono.lazy_regex import LazyPattern, lazy_compile

TEXT = "Signed on 6 August 2024, ratified in SEPTEMBER 2024."


def test_nothing_is_compiled_until_first_use() -> None:
    lazy = lazy_compile(r"(?P<month>august|september) (?P<year>\d{4})", re.IGNORECASE)
    assert "_compiled" not in vars(lazy)
    assert lazy.pattern == r"(?P<month>august|september) (?P<year>\d{4})"  # the source needs no compiling
    assert "_compiled" not in vars(lazy)
    assert lazy.search(TEXT) is not None
    assert "_compiled" in vars(lazy)


def test_it_matches_as_the_compiled_pattern_does() -> None:
    source, flags = r"(?P<month>august|september) (?P<year>\d{4})", re.IGNORECASE
    lazy, eager = lazy_compile(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in eager.finditer(TEXT)] == [
        (12, 23),
        (37, 51),
    ]
    assert lazy.findall(TEXT) == eager.findall(TEXT)
    assert lazy.sub(r"\g<year>", TEXT) == eager.sub(r"\g<year>", TEXT)
    assert lazy.match(TEXT) is None and lazy.fullmatch("August 2024") is not None
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (eager.flags, eager.groups, eager.groupindex)
    assert lazy.search(TEXT, 20).group("year") == "2024"  # positional arguments pass through


def test_an_invalid_pattern_fails_at_first_use_with_re_error() -> None:
    lazy = lazy_compile(r"(unclosed")
    with pytest.raises(re.error, match=r"missing \)"):
        lazy.search("x")


def test_it_pickles_as_its_source() -> None:
    lazy = lazy_compile(r"\d{4}", re.ASCII)
    lazy.search("1999")
    copy = pickle.loads(pickle.dumps(lazy))
    assert isinstance(copy, LazyPattern)
    assert copy.pattern == r"\d{4}" and copy.flags == lazy.flags
    assert copy.findall("in 1999 and 2024") == ["1999", "2024"]


def test_every_module_level_pattern_of_chrono_compiles() -> None:
    found = 0
    for module_info in pkgutil.walk_packages(chrono.__path__, "chrono."):
        if module_info.name == "chrono.__main__" or module_info.name.startswith("chrono.server"):
            continue  # the command itself; the language server's optional extra
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):
                assert value.groups >= 0, f"{module_info.name}.{name}"  # compiles it
                found += 1
    assert found > 200  # the readers' patterns are found (the walk did not come back empty)
