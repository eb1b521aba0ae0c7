"""The corpus timeline page of the HTML report: the events linked across documents, each with
its sources (the words each document dates it with) and the contradictions the corpus rules
found marked. Plain view data; the template only loops.

It stays usable on large corpora: events are listed by how many documents tell them (those with
contradictions first) and each event shows at most ``MAX_SOURCES`` of its sources, the
contradicting ones always among them, with the number left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import attrs

from chrono.analysis import Analysis
from chrono.corpus.linking import Telling, tellings_by_key
from chrono.corpus.summary import summarize
from chrono.model import Finding
from chrono.periods import format_instant

from .annotate import visible

MAX_SOURCES = 200
CORPUS_RULES = ("CHR601", "CHR602")


@attrs.frozen
class SourceRow:
    path: str
    href: str  # the document's page ("" when it has none)
    line: int
    words: str
    dates: str
    contradicts: bool


@attrs.frozen
class LinkedEventRow:
    key: str
    label: str
    why: str
    documents: int
    contradictions: int
    dates: str  # the dates most sources agree on
    sources: tuple[SourceRow, ...]
    left_out: int


@attrs.frozen
class CorpusPage:
    file: str
    events: tuple[LinkedEventRow, ...]
    linked_documents: int
    contradictions: int


def _dates(telling: Telling) -> str:
    bounds = telling.bounds
    lo = bounds.start_lo
    hi = bounds.end_hi if bounds.end_hi is not None else bounds.start_hi
    if lo is None and hi is None:
        return "undated"
    first = format_instant(lo) if lo is not None else "…"
    last = format_instant(hi) if hi is not None else "…"
    return f"{first} – {last}"


def _key_of(finding: Finding) -> str | None:
    for step in finding.explanation:
        if step.text.startswith("the same event [") and "]" in step.text:
            return step.text[len("the same event ["):step.text.index("]")]
    return None


def corpus_page(
    analyses: Sequence[Analysis], findings: Sequence[Finding], pages: Mapping[str, str]
) -> CorpusPage | None:
    """The page, or None when no event is told by two documents or more."""
    groups = tellings_by_key(summarize(a) for a in analyses)
    flagged: dict[str, set[str]] = {}
    for finding in findings:
        key = _key_of(finding) if finding.rule in CORPUS_RULES else None
        if key is not None:
            flagged.setdefault(key, set()).add(finding.path)
    rows = []
    linked: set[str] = set()
    for key, group in groups.items():
        paths = {t.path for t in group}
        if len(paths) < 2:
            continue
        linked |= paths
        bad = flagged.get(key, set())
        ordered = sorted(group, key=lambda t: (t.path not in bad, t.path))
        shown = ordered[:MAX_SOURCES]
        sources = tuple(
            SourceRow(
                visible(t.path),
                pages.get(t.path, ""),
                t.event.facts[0].span.line,
                visible(" … ".join(" ".join(f.span.text.split()) for f in t.event.facts)),
                _dates(t),
                t.path in bad,
            )
            for t in shown
        )
        agreed = Counter(_dates(t) for t in group if t.path not in bad).most_common(1)
        label = Counter(t.event.label for t in group).most_common(1)[0][0]
        first = min(group, key=Telling.order)  # the first in corpus order: its link's reason is shown
        rows.append(LinkedEventRow(
            visible(key), visible(label), visible(first.event.why), len(paths), len(bad),
            agreed[0][0] if agreed else "", sources, len(ordered) - len(shown),
        ))
    if not rows:
        return None
    rows.sort(key=lambda r: (-r.contradictions, -r.documents, r.key))
    return CorpusPage("corpus.html", tuple(rows), len(linked), sum(r.contradictions for r in rows))
