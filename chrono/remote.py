"""Documents where corpora live: ``s3://``, ``gs://``, ``memory://``, ``file://`` ... URLs,
read through fsspec when it (and the backend of the URL's scheme, such as s3fs or gcsfs) is
installed: ``pip install 'chrono-lint[dask]'`` brings fsspec.

A URL names one file or a folder; a folder is listed recursively, in a stable order, keeping
files of a known kind outside hidden folders (as a local walk does). Only ingest and discovery
call this module: everything downstream sees a document and its display name, the URL itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from chrono.lazy_regex import lazy_compile

# a scheme of two or more letters: "C:\\corpus" (a Windows drive) is a path, not a URL
_URL = lazy_compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


class RemoteError(Exception):
    """A URL that cannot be read at all (fsspec or its backend missing): a usage error."""


def is_url(location: object) -> bool:
    return isinstance(location, str) and _URL.match(location) is not None


def url_suffix(url: str) -> str:
    """The suffix of the file a URL names (``.md`` for ``s3://bucket/a/b.md?x=1``)."""
    path = url.split("://", 1)[1].split("?", 1)[0].split("#", 1)[0]
    return PurePosixPath(path).suffix


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError:
        raise RemoteError(
            f"{url}: reading URLs needs fsspec (pip install fsspec, or chrono-lint[dask]; "
            "plus s3fs for s3://, gcsfs for gs://)"
        ) from None
    try:
        filesystem, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as error:  # fsspec names the missing backend package
        raise RemoteError(f"{url}: {error}") from None
    return filesystem, path


def read_url(url: str, max_bytes: int = 0) -> bytes:
    """The bytes at ``url``; OSError when it cannot be read (FileNotFoundError when missing),
    ``TooLarge`` when over ``max_bytes`` (0: no limit)."""
    filesystem, path = _filesystem(url)
    try:
        if max_bytes:
            size = filesystem.size(path)
            if size is not None and size > max_bytes:
                raise TooLarge(int(size))
        with filesystem.open(path, "rb") as stream:
            data: bytes = stream.read(max_bytes + 1) if max_bytes else stream.read()
    except (TooLarge, OSError):
        raise
    except Exception as error:  # backends raise their own errors for what is an I/O failure
        raise OSError(f"{type(error).__name__}: {error}") from None
    if max_bytes and len(data) > max_bytes:
        raise TooLarge(len(data))
    return data


class TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def list_url(url: str, suffixes: Sequence[str]) -> list[str]:
    """The files a URL names: itself when it is a file (or cannot be listed: reading it then
    says why), else every file below it with one of ``suffixes``, outside hidden folders,
    sorted by path."""
    filesystem, root = _filesystem(url)
    try:
        if not filesystem.isdir(root):
            return [url]
        found = filesystem.find(root)
    except Exception:  # a folder that cannot be listed is reported like a file that cannot be read
        return [url]
    root_parts = len(PurePosixPath(root.rstrip("/")).parts)
    kept = []
    for path in sorted(found):
        below = PurePosixPath(path).parts[root_parts:]
        if any(part.startswith(".") for part in below):
            continue
        if PurePosixPath(path).suffix.lower() in suffixes:
            kept.append(str(filesystem.unstrip_protocol(path)))
    return kept
