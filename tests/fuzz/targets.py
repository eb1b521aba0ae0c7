"""Fuzz targets for chrono's entry points: the prose reader, the timeline loader, the TimeML
reader and the configuration loader. Each takes raw bytes and must never raise: every input a
user can give becomes findings (or, for configuration, a ConfigError naming the problem).

Run them with atheris (coverage-guided; ``pip install -e '.[fuzz]'``), one corpus folder per
target so that a campaign resumes where the last one stopped::

    python tests/fuzz/run.py prose /tmp/fuzz-corpus/prose -max_total_time=1500 -timeout=20 \
        -rss_limit_mb=2048 -artifact_prefix=/tmp/fuzz-artifacts/
    python tests/fuzz/run.py timeline|timeml|config /tmp/fuzz-corpus/TARGET ...

Crashing, slow and oversized inputs are written by libFuzzer as ``crash-*``, ``timeout-*`` and
``oom-*`` files under the artifact prefix; replay one with ``python tests/fuzz/run.py TARGET
/tmp/fuzz-artifacts/crash-...``. The same targets run in the test suite on
Hypothesis-generated inputs (tests/hostile/test_entry_points.py).
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Callable
from pathlib import Path

from chrono.analyze import analyze, run_rules
from chrono.config import ConfigError, parse_config
from chrono.ingest import Loaded, decode
from chrono.model import Document
from chrono.options import ReadingOptions
from chrono.registry import all_rules

OPTIONS = ReadingOptions.dated("2025-04-24")
PROSE_KINDS = (("story.txt", "text"), ("story.md", "markdown"), ("page.html", "html"))


def _check(document: Document) -> None:
    """Read a document as `chrono check` does and run every rule; assert what must hold."""
    analysis = analyze(Loaded(document), OPTIONS)
    findings = run_rules(analysis, all_rules())
    size = len(document.text)
    for claim in analysis.claims:
        assert 0 <= claim.span.start <= claim.span.end <= size, claim
    for finding in findings:
        assert finding.rule != "CHR000", finding.message  # chrono crashed on this input
        for span in finding.spans:
            assert 0 <= span.start <= span.end <= size, span


def _text(data: bytes) -> str | None:
    text, _ = decode(data)
    return text


def prose(data: bytes) -> None:
    if not data:
        return
    name, kind = PROSE_KINDS[data[0] % len(PROSE_KINDS)]
    text = _text(data[1:])
    if text is not None:
        _check(Document(name, text, kind))


def timeline(data: bytes) -> None:
    if not data:
        return
    name = "timeline.json" if data[0] % 2 else "timeline.yaml"
    text = _text(data[1:])
    if text is not None:
        _check(Document(name, text, "timeline"))


def timeml(data: bytes) -> None:
    text = _text(data)
    if text is not None:
        _check(Document("doc.tml", text, "timeml"))


def config(data: bytes) -> None:
    text = _text(data)
    if text is None:
        return
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    with contextlib.suppress(ConfigError):
        parse_config(table, Path("/nonexistent/chrono.toml"))


TARGETS: dict[str, Callable[[bytes], None]] = {
    "prose": prose,
    "timeline": timeline,
    "timeml": timeml,
    "config": config,
}
