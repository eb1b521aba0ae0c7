"""Loading of chrono's bundled data files (language resources, domain knowledge, schemas)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import yaml


def data_text(*parts: str) -> str:
    """Text of a file under the installed ``chrono`` package, e.g. ``("data", "units.yaml")``."""
    node = resources.files("chrono")
    for part in parts:
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")


# libyaml's parser where PyYAML was built with it: the same documents, read several times
# faster (the language resources are read on every start)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(*parts: str) -> Any:
    return yaml.load(data_text(*parts), Loader=_SAFE_LOADER)


@cache
def load_json(*parts: str) -> Any:
    return json.loads(data_text(*parts))
