"""The corpus rules' work as a corpus step (chrono.mapreduce), so that every executor runs it.

The map is a document's tellings (``(key, telling)`` for each of its linked events, from its
summary: chrono.corpus.summary); the shuffle groups them by key; the reduce adds the reference's
tellings of that key and turns its contradictions (found in corpus order whatever the order of
the group: chrono.corpus.linking) into the findings of the selected corpus rules. A serial run, a
process pool and a Dask cluster therefore report the same contradictions, key by key.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from chrono.analysis import Analysis
from chrono.corpus.linking import Telling, contradictions, tellings
from chrono.corpus.summary import Summary, summarize
from chrono.mapreduce import CorpusStep
from chrono.model import Finding

STEP_NAME = "contradictions"


def document_tellings(analysis: Analysis) -> Iterator[tuple[str, Telling]]:
    """The map: one document's linked events, each under its key."""
    return tellings(summarize(analysis))


@attrs.frozen
class ReduceContradictions:
    """The reduce: one key's tellings (with the reference's) to the corpus rules' findings.
    A value, not a closure, so that it pickles to a cluster's workers with what it needs."""

    # the corpus rules' classes (each with ``check_contradictions``): they pickle by name
    rules: tuple[type[Any], ...]
    reference: tuple[tuple[str, tuple[Telling, ...]], ...] = ()

    def __call__(self, key: str, group: Sequence[Any]) -> list[Finding]:
        trusted = dict(self.reference).get(key, ())
        found = contradictions(key, [*trusted, *group])
        if not found:
            return []
        findings: list[Finding] = []
        for rule in self.rules:
            findings.extend(rule().check_contradictions(found))
        return findings


def contradiction_step(rules: Sequence[type[Any]], reference: Sequence[Summary] = ()) -> CorpusStep:
    """The step of the corpus ``rules`` (each with ``check_contradictions``), checked against
    the ``reference`` timelines' summaries too."""
    groups: dict[str, list[Telling]] = {}
    for summary in reference:
        for key, telling in tellings(summary, trusted=True):
            groups.setdefault(key, []).append(telling)
    frozen = tuple((key, tuple(group)) for key, group in groups.items())
    return CorpusStep(STEP_NAME, document_tellings, ReduceContradictions(tuple(rules), frozen))


def in_rule_order(findings: Sequence[Finding], rule_codes: Sequence[str]) -> list[Finding]:
    """The step's findings (key by key, each key's in rule order) rule by rule, as a serial
    run over all contradictions at once reports them: the order is stable within each rule."""
    rank = {code: number for number, code in enumerate(rule_codes)}
    return sorted(findings, key=lambda finding: rank.get(finding.rule, len(rank)))
