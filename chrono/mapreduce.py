"""A corpus step: work across documents as map -> shuffle by blocking key -> reduce.

A corpus rule never sees every document's analysis at once (a corpus of millions would not fit
in one process). It is split into two pure functions:

- ``summarize(analysis)``: per document, on whichever worker analysed it, a few compact
  ``(blocking key, summary)`` pairs (the events that may be linked across documents, keyed by
  what must match for a link: a name, a place, a date bucket);
- ``reduce(key, summaries)``: per blocking key, the summaries of every document that produced
  that key, in corpus order, to findings.

Any executor (serial, the process pool, a Dask cluster) runs the same step with the same result:
each summary carries its document's position in the corpus, a group is sorted by it before
``reduce`` sees it, and the groups' findings are concatenated in the order of their keys. Both
functions must be picklable (module-level functions) and deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from chrono.analysis import Analysis
from chrono.model import Finding

Summarize = Callable[[Analysis], Iterable[tuple[str, Any]]]
Reduce = Callable[[str, Sequence[Any]], Iterable[Finding]]


@attrs.frozen
class CorpusStep:
    """One corpus rule's work across documents (see the module docstring)."""

    name: str
    summarize: Summarize
    reduce: Reduce

    def identity(self) -> str:
        """What a cached summary depends on: the step's name and the functions it runs."""
        parts = [self.name]
        for function in (self.summarize, self.reduce):
            named = function if hasattr(function, "__qualname__") else type(function)  # a callable value
            parts.append(f"{named.__module__}.{named.__qualname__}")
        return ":".join(parts)


@attrs.frozen
class Keyed:
    """One summary on its way to its group: which step, which blocking key, and where in the
    corpus it comes from (document index, then its rank among that document's summaries)."""

    step: int
    key: str
    order: tuple[int, int]
    summary: Any


def summarize(steps: Sequence[CorpusStep], analysis: Analysis, document_index: int) -> tuple[Keyed, ...]:
    """The map: every step's summaries of one document."""
    keyed: list[Keyed] = []
    for number, step in enumerate(steps):
        for rank, (key, summary) in enumerate(step.summarize(analysis)):
            if not isinstance(key, str):
                raise TypeError(f"corpus step {step.name!r}: a blocking key must be a string, not {key!r}")
            keyed.append(Keyed(number, key, (document_index, rank), summary))
    return tuple(keyed)


def group_key(item: Keyed) -> tuple[int, str]:
    return (item.step, item.key)


def reduce_group(
    steps: Sequence[CorpusStep], group: tuple[tuple[int, str], Iterable[Keyed]]
) -> tuple[tuple[int, str], tuple[Finding, ...]]:
    """The reduce of one group, whatever order its summaries arrived in."""
    (step, key), items = group
    ordered = [item.summary for item in sorted(items, key=lambda item: item.order)]
    return (step, key), tuple(steps[step].reduce(key, ordered))


def in_key_order(reduced: Iterable[tuple[tuple[int, str], tuple[Finding, ...]]]) -> list[Finding]:
    """The findings of every group, groups in the order of their (step, key)."""
    return [finding for _, findings in sorted(reduced, key=lambda pair: pair[0]) for finding in findings]


def reduce_locally(steps: Sequence[CorpusStep], summaries: Iterable[Keyed]) -> list[Finding]:
    """Shuffle and reduce in this process (what the serial and process-pool executors do: the
    summaries are compact, so grouping them here costs less than shipping them anywhere)."""
    groups: dict[tuple[int, str], list[Keyed]] = {}
    for item in summaries:
        groups.setdefault(group_key(item), []).append(item)
    return in_key_order(reduce_group(steps, group) for group in groups.items())
