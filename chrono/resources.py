"""Loading of chrono's bundled data files (language resources, domain knowledge, schemas).

Parsing the language resources' YAML took a tenth of the start-up of a check of one small file,
so a parsed document is kept, pickled and sealed (chrono.seal), in the user's cache folder
(``$CHRONO_CACHE_DIR``, else ``~/.cache/chrono``; none with ``$CHRONO_NO_CACHE``) under a hash
of its text: an edited file has another hash and is parsed afresh, as Python's ``__pycache__``
does for modules. A cache entry that is missing, damaged or sealed by anyone else is parsed
again and written over.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from chrono.seal import seal, secret, unsealed


def data_text(*parts: str) -> str:
    """Text of a file under the installed ``chrono`` package, e.g. ``("data", "units.yaml")``."""
    node = resources.files("chrono")
    for part in parts:
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")


# libyaml's parser where PyYAML was built with it: the same documents, read several times
# faster (the language resources are read on every start)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Part of a cache entry's key: change it with what parse_yaml stores
_YAML_LAYOUT = 1


@cache
def load_yaml(*parts: str) -> Any:
    return parse_yaml(data_text(*parts))


@cache
def load_json(*parts: str) -> Any:
    return json.loads(data_text(*parts))


def user_cache_dir() -> Path | None:
    """Where chrono keeps what it worked out from its own resources (parsed YAML, compiled
    patterns) between runs; ``None`` when ``$CHRONO_NO_CACHE`` is set."""
    if os.environ.get("CHRONO_NO_CACHE"):
        return None
    root = os.environ.get("CHRONO_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "chrono",
    )
    return Path(root)


def parse_yaml(text: str) -> Any:
    """``text`` read by PyYAML's safe loader, from the user cache when it was read before.

    Raises ``yaml.YAMLError`` as the loader does (nothing is cached then). Any problem with the
    cache itself (a folder that cannot be written, a damaged entry) falls back to parsing.
    """
    folder = user_cache_dir()
    key = secret() if folder is not None else None
    if folder is None or key is None:
        return yaml.load(text, Loader=_SAFE_LOADER)
    identity = f"{_YAML_LAYOUT}\0{sys.version}\0{yaml.__version__}\0{_SAFE_LOADER.__name__}\0"
    digest = hashlib.sha256(identity.encode() + text.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    path = folder / f"yaml-{digest}.pickle"
    try:
        body = unsealed(path.read_bytes(), path.name)
        if body is not None:
            return pickle.loads(body)
    except Exception:  # missing or damaged: parsed again below
        pass
    data = yaml.load(text, Loader=_SAFE_LOADER)
    try:
        body = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(seal(key, body, path.name) + body)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, RecursionError):
        pass
    return data
