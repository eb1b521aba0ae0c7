"""Seals for chrono's caches: an HMAC under a secret kept outside any project.

Both caches hold data that is unsafe to trust blindly (pickles; compiled regex programs), so each
file carries an HMAC of its contents under this user's secret, and a file whose seal does not
verify is never used. The secret: ``$CHRONO_CACHE_SECRET`` (the secret itself, at least 32
characters: in CI, from a repository secret, so that every job of the repository shares the
cache), else the file ``$CHRONO_CACHE_KEY`` or ``~/.cache/chrono/cache-key`` (created on first
use, mode 0600).
"""

from __future__ import annotations

import contextlib
import hmac
import os
from pathlib import Path

SEAL_BYTES = 32  # HMAC-SHA256


def _key_file() -> Path:
    configured = os.environ.get("CHRONO_CACHE_KEY")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chrono" / "cache-key"


def secret() -> bytes | None:
    """This user's cache key, created on first use; ``None`` (no caching) if it cannot be."""
    given = os.environ.get("CHRONO_CACHE_SECRET", "")
    if len(given) >= 32:
        return given.encode("utf-8")
    path = _key_file()
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = os.urandom(32)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(fresh)
        return fresh
    except FileExistsError:  # another process created it first
        with contextlib.suppress(OSError):
            key = path.read_bytes()
            if len(key) >= 32:
                return key
        return None
    except OSError:
        return None


def seal(key: bytes, body: bytes, name: str | None = None) -> bytes:
    """The seal of ``body``; bound to ``name`` when given, so another file's body does not verify."""
    message = body if name is None else name.encode() + b"\0" + body
    return hmac.new(key, message, "sha256").digest()


def unsealed(blob: bytes, name: str | None = None) -> bytes | None:
    """The body of a sealed blob, or None when there is no key or the seal does not verify."""
    key = secret()
    body = blob[SEAL_BYTES:]
    if key is None or not hmac.compare_digest(blob[:SEAL_BYTES], seal(key, body, name)):
        return None
    return body
