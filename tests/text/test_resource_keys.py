"""The bundled YAML resources never repeat a key: YAML keeps the last value silently, so a word
added twice (with two classes, say) would lose one of them without a trace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2] / "chrono"
FILES = sorted([*ROOT.glob("lang/**/*.yaml"), *ROOT.glob("data/**/*.yaml")])


class _StrictLoader(yaml.SafeLoader):
    pass


def _mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise AssertionError(f"key {key!r} repeated at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_no_repeated_keys(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)


def test_a_repeated_key_is_caught() -> None:
    with pytest.raises(AssertionError, match="repeated"):
        yaml.load("verbs:\n  shut: closing\n  shut: occurrence\n", Loader=_StrictLoader)
