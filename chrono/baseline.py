"""Baselines: adopt chrono on a corpus with known findings and fail only on new ones.

``--write-baseline FILE`` records the current findings; ``--baseline FILE`` hides those that are
recorded. A finding is recorded by its fingerprint: a hash of the rule code, the file's path
(relative to the baseline file's directory) and the normalized texts the finding cites
(whitespace collapsed, case folded, sorted). Line numbers are not part of it, so findings survive
lines moving and unrelated edits; a finding whose cited words change counts as new. Identical
fingerprints are counted, so a second copy of a baselined problem is still reported. Rewriting
the baseline drops the findings that were fixed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from chrono.globs import relative_to_root
from chrono.model import Finding
from chrono.printable import utf8_json
from chrono.version import __version__

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read (a usage error: exit code 2)."""


def _normalize(text: str) -> str:
    return " ".join(text.split()).casefold()


def fingerprint(finding: Finding, base: Path) -> str:
    path = relative_to_root(Path(finding.path), base)
    texts = sorted({_normalize(span.text) for span in finding.spans if span.text.strip()})
    if not texts:
        texts = [_normalize(finding.message)]
    # a file name's bytes that are not UTF-8 (lone surrogates) hash as the bytes they stand for
    digest = hashlib.sha256("\x00".join([finding.rule, path, *texts]).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


@attrs.frozen
class Baseline:
    path: Path
    counts: Counter[str]

    @property
    def base(self) -> Path:
        return self.path.resolve().parent

    def filter(self, findings: Sequence[Finding]) -> tuple[list[Finding], int]:
        """The findings that are not in the baseline, and how many were hidden."""
        remaining = Counter(self.counts)
        new: list[Finding] = []
        hidden = 0
        for finding in findings:
            key = fingerprint(finding, self.base)
            if remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
            else:
                new.append(finding)
        return new, hidden


def load(path: str | Path) -> Baseline:
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror or error}") from None
    except ValueError as error:
        raise BaselineError(f"{path}: not a chrono baseline (invalid JSON: {error})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or "findings" not in data:
        raise BaselineError(f"{path}: not a chrono baseline (version {BASELINE_VERSION} expected)")
    counts: Counter[str] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: malformed baseline entry {entry!r}")
        counts[entry["fingerprint"]] += 1
    return Baseline(file, counts)


def dumps(findings: Iterable[Finding], path: str | Path) -> str:
    base = Path(path).resolve().parent
    entries = [
        {
            "fingerprint": fingerprint(f, base),
            "rule": f.rule,
            "path": relative_to_root(Path(f.path), base),
            "message": f.message,
        }
        for f in findings
    ]
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    data = {"version": BASELINE_VERSION, "tool": f"chrono {__version__}", "findings": entries}
    return utf8_json(data, indent=2) + "\n"


def write(findings: Iterable[Finding], path: str | Path) -> int:
    text = dumps(findings, path)
    Path(path).write_text(text, encoding="utf-8")
    return text.count('"fingerprint"')
