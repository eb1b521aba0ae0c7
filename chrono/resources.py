"""Loading of chrono's bundled data files (language resources, domain knowledge, schemas).

Parsing the language resources' YAML took a tenth of the start-up of a check of one small file,
and working out the tagger's patterns from them another tenth, so what is worked out from them
is kept, pickled and sealed (chrono.seal), in the user's cache folder (``$CHRONO_CACHE_DIR``,
else ``~/.cache/chrono``; none with ``$CHRONO_NO_CACHE``) under a hash of what it came from: an
edited file has another hash and is read afresh, as Python's ``__pycache__`` does for modules.
A cache entry that is missing, damaged or sealed by anyone else is worked out again and written
over.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

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
# Parts of a cache entry's key: change them with what parse_yaml and kept store
_YAML_LAYOUT = 1
_KEPT_LAYOUT = 1

T = TypeVar("T")


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
    _write_sealed(key, path, data)
    return data


def kept(name: str, inputs: Sequence[bytes], build: Callable[[], T]) -> T:
    """``build()``, or what it returned before for the same ``inputs``, from the user cache.

    ``inputs`` are everything the result depends on: the data files it reads and the source of
    the code that works it out from them, so that editing either builds it afresh (as
    ``__pycache__`` is keyed by a module's source). The result is pickled and sealed
    (chrono.seal); an entry that is missing, damaged or sealed by anyone else is built again and
    written over, and what ``build`` raises is raised (nothing is kept then).
    """
    folder = user_cache_dir()
    key = secret() if folder is not None else None
    if folder is None or key is None:
        return build()
    identity = hashlib.sha256(f"{_KEPT_LAYOUT}\0{sys.version}\0{name}\0".encode())
    for data in inputs:
        identity.update(hashlib.sha256(data).digest())
    path = folder / f"kept-{identity.hexdigest()[:40]}.pickle"
    try:
        body = unsealed(path.read_bytes(), path.name)
        if body is not None:
            return cast(T, pickle.loads(body))
    except Exception:  # missing or damaged: built again below
        pass
    value = build()
    _write_sealed(key, path, value)
    return value


def _write_sealed(key: bytes, path: Path, value: object) -> None:
    try:
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(seal(key, body, path.name) + body)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        pass
