"""Checking one open document, as ``chrono check`` checks that file.

The text is the editor's (saved or not); the configuration is the one ``chrono check FILE``
would use (the nearest ``chrono.toml`` / ``pyproject.toml`` with ``[tool.chrono]`` above the
file: the same discovery, through ``check_settings``), and so are the rule selection, the
per-file ignores, the inline suppressions and the severities (``chrono.runner.apply_policy``).
A file the configuration excludes gets no diagnostics. Corpus rules, which need every
document of a corpus, are not run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import attrs

from chrono import suppressions
from chrono.analysis import Analysis
from chrono.analyze import analyze, internal_error, over_budget, run_rules
from chrono.check_command import UsageError, check_settings
from chrono.config import ConfigError
from chrono.globs import glob_match, relative_to_root
from chrono.ingest import KINDS, from_text
from chrono.knowledge import DomainKnowledgeError
from chrono.limits import TimeBudgetExceeded
from chrono.model import Finding
from chrono.options import Options
from chrono.periods import Hemisphere
from chrono.registry import RegistryError
from chrono.runner import apply_policy, is_corpus_rule, selected_rules

# Editors' language identifiers for documents that have no file name yet (an untitled buffer):
# the kind chrono reads them as, and the suffix that names their comment syntax.
LANGUAGES: dict[str, tuple[str, str]] = {
    "markdown": ("markdown", ".md"),
    "html": ("html", ".html"),
    "plaintext": ("text", ".txt"),
    "text": ("text", ".txt"),
    "yaml": ("timeline", ".yaml"),
    "json": ("timeline", ".json"),
}


@attrs.frozen
class Source:
    """Where an open document comes from: its file (None for an untitled buffer), its kind and
    the suffix whose comment syntax it uses."""

    path: Path | None
    kind: str
    suffix: str

    @property
    def display(self) -> str:
        return str(self.path) if self.path is not None else f"untitled{self.suffix}"

    @classmethod
    def of(cls, path: Path | None, language_id: str | None) -> Source | None:
        """The document's source, or None for a document chrono does not read (a Python file)."""
        if path is not None and path.suffix.lower() in KINDS:
            return cls(path, KINDS[path.suffix.lower()], path.suffix.lower())
        known = LANGUAGES.get((language_id or "").lower())
        if known is None:
            return None
        return cls(path, known[0], known[1])


@attrs.frozen
class Checked:
    """One check of one version of a document: the text checked, what chrono read in it and the
    findings to show. ``problem`` says why nothing could be checked (a broken configuration)."""

    text: str = attrs.field(repr=False)
    analysis: Analysis | None = None
    findings: tuple[Finding, ...] = ()
    problem: str | None = None
    hemisphere: Hemisphere = Hemisphere.NORTH  # whose seasons the text's values mean


# What makes a configuration unusable: ``chrono check`` exits with 2 on these.
CONFIG_ERRORS = (ConfigError, UsageError, RegistryError, DomainKnowledgeError)


def options_for(source: Source, fallback: Path) -> Options:
    """The options ``chrono check`` would use on the file: its nearest configuration (for an
    untitled buffer, the one of ``fallback``, the workspace folder). Raises one of
    CONFIG_ERRORS as ``chrono check`` would."""
    start = source.path if source.path is not None else fallback
    return check_settings(argparse.Namespace(paths=[str(start)], no_cache=True)).options


def excluded(source: Source, options: Options) -> bool:
    """Whether the configuration's ``exclude`` leaves the file out (``chrono check`` would skip
    it even when named)."""
    policy = options.policy
    if source.path is None or not policy.exclude:
        return False
    relative = relative_to_root(source.path, policy.root)
    return any(glob_match(pattern, relative) for pattern in policy.exclude)


def check_text(text: str, source: Source, options: Options) -> Checked:
    """Check the editor's ``text`` of the document as ``chrono check`` checks the file. A crash
    of a reader or a rule is a finding, and so is a check that ran out of its time budget (when
    whoever runs it enforces one: chrono.server.worker does)."""
    rules = [rule for rule in selected_rules(options) if not is_corpus_rule(rule)]
    loaded = from_text(text, source.display, source.kind, options.reading.max_file_bytes)
    try:
        analysis = analyze(loaded, options.reading)
        found = run_rules(analysis, rules)
    except TimeBudgetExceeded:
        analysis = over_budget(loaded, options.reading.time_limit)
        found = run_rules(analysis, rules)
    except Exception as error:  # one bad document must not stop the server
        analysis = internal_error(loaded, error)
        found = run_rules(analysis, rules)
    marks = suppressions.parse(analysis.document.text, source.suffix)
    findings, _ = apply_policy(analysis.document, found, marks, rules, options.policy)
    return Checked(text, analysis, tuple(findings), hemisphere=options.reading.hemisphere)
