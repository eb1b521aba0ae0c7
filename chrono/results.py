"""The result of a check run: every finding, the files checked and each document's analysis."""

from __future__ import annotations

import pickle
import typing

import attrs

from chrono.analysis import Analysis
from chrono.model import Document, Finding, Severity


@attrs.frozen
class Deferred:
    """A document's analysis kept pickled (from the result cache or a worker process) until
    somebody needs it: a warm run that only prints findings never pays for unpickling it."""

    document: Document
    blob: bytes = attrs.field(repr=False)

    def load(self) -> Analysis:
        analysis = pickle.loads(self.blob)
        assert isinstance(analysis, Analysis)
        return analysis


@attrs.frozen
class Report:
    findings: tuple[Finding, ...]
    files: tuple[str, ...]  # the names of the files checked, in order (see file_count)
    # ``analyses=`` in the constructor; read through the ``analyses`` property (below)
    _analyses: tuple[Analysis | Deferred, ...] = attrs.field(
        eq=False, repr=False, default=(), alias="analyses"
    )
    # findings hidden by inline suppressions and by the baseline
    suppressed: int = attrs.field(default=0, eq=False)
    baselined: int = attrs.field(default=0, eq=False)
    # chrono crashed on at least one file (an internal error: the exit code is 2)
    crashed: bool = attrs.field(default=False, eq=False)
    # how many files were checked: ``len(files)``, unless the run counted them without listing
    # them (chrono.runner.check(..., list_files=False): ``files`` is then empty)
    file_count: int = attrs.field(
        default=attrs.Factory(lambda self: len(self.files), takes_self=True), eq=False
    )

    @property
    def analyses(self) -> tuple[Analysis, ...]:
        """Every document's analysis in file order (those from the cache unpickled on first use)."""
        if any(isinstance(item, Deferred) for item in self._analyses):
            loaded = tuple(item.load() if isinstance(item, Deferred) else item for item in self._analyses)
            object.__setattr__(self, "_analyses", loaded)
        return typing.cast(tuple[Analysis, ...], self._analyses)

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document in file order, without loading deferred analyses."""
        return tuple(item.document for item in self._analyses)

    def failed(self, level: Severity) -> bool:
        return any(f.severity >= level for f in self.findings)

    def summary(self) -> dict[str, object]:
        by_severity = {s.label: 0 for s in sorted(Severity, reverse=True)}
        by_rule: dict[str, int] = {}
        for finding in self.findings:
            by_severity[finding.severity.label] += 1
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
        return {
            "files": self.file_count,
            "findings": len(self.findings),
            "by_severity": by_severity,
            "by_rule": dict(sorted(by_rule.items())),
            # findings not reported: hidden by inline suppressions, or recorded in the baseline
            "suppressed": self.suppressed,
            "baselined": self.baselined,
        }
