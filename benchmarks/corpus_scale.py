"""The corpus as one timeline, at scale: a generated corpus of news articles (several outlets
telling the same dozen stories, in different words and with partial overlaps) with planted
cross-document contradictions and traps, checked end to end; then the linking step alone on
10x the summaries, for its time and memory.

    python benchmarks/corpus_scale.py                      # 10,000 documents, 100 planted
    python benchmarks/corpus_scale.py --documents 500 --planted 10 --jobs 2
    python benchmarks/corpus_scale.py --documents 2000 --planted 20 --repeats 7 --json out.json

The linking step is timed in CPU time of this process (``time.process_time``) on the run's
summaries and on ``--scale`` times as many, ``--repeats`` pairs of runs (the two sizes one after
the other, so that both see the same load): each figure is the median with the fastest and the
slowest, and the ratio is that of each pair. It is timed as the linking functions alone
(chrono.corpus.linking.corpus_contradictions) and as ``chrono check`` runs it (the corpus step's
shuffle and reduce, chrono.mapreduce.reduce_locally), beside a peer: one plain pass over the
same tellings, whose ratio is that of linear work on this machine. ``--json`` writes the run's
findings and the contradictions of both linking runs, to compare two versions of the code.

The traps: two recaptures of two towns, two presidential elections of one country in different
years, and one event told under two names ("Operation Ember" / "the Kursk incursion") — none of
them may give an error. Every planted contradiction must be reported (CHR601) in its document.

The corpus is written as one JSON Lines archive (each record a document: chrono.corpus.archives).
Generation is a few string formats per document (well under a second for 10,000).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

from chrono.corpus.archives import ArchiveFields
from chrono.corpus.linking import Contradiction, corpus_contradictions, tellings
from chrono.corpus.step import contradiction_step
from chrono.corpus.summary import Summary
from chrono.mapreduce import Keyed, reduce_locally
from chrono.model import Finding, Severity
from chrono.options import Options
from chrono.output import to_json
from chrono.results import Report
from chrono.runner import check, selected_rules, split_rules


@attrs.frozen
class Story:
    """One event told by many outlets: the ways to tell it, each with a {date} slot, the true
    date in words and a wrong date (disjoint from it) for the planted contradictions."""

    name: str
    tellings: tuple[str, ...]
    date: str
    wrong: str


STORIES = (
    Story("sudzha", (
        "Russian troops recaptured Sudzha {date}, officials said.",
        "Sudzha was retaken {date} after weeks of fighting.",
        "The recapture of Sudzha {date} ended the incursion.",
    ), "in March 2025", "in March 2024"),
    Story("pokrovsk", (  # trap: another town's recapture, another date
        "Ukrainian units recaptured Pokrovsk {date}.",
        "Pokrovsk was retaken {date}, the general staff said.",
    ), "in February 2024", "in October 2022"),
    Story("avdiivka", (
        "Russian forces captured Avdiivka {date}.",
        "The capture of Avdiivka {date} was the largest gain in months.",
    ), "on 17 February 2024", "on 17 February 2023"),
    Story("romania-2024", (
        "The 2024 Romanian presidential election was held {date}.",
        "Voters turned out for the 2024 Romanian presidential election {date}.",
    ), "on 24 November 2024", "on 24 November 2023"),
    Story("romania-2025", (  # trap: the same country's next election
        "The 2025 Romanian presidential election was held {date}.",
        "The 2025 Romanian presidential election took place {date}.",
    ), "on 4 May 2025", "on 4 May 2024"),
    Story("lisbon", (
        "The Treaty of Lisbon was signed {date}.",
        "Leaders signed the Treaty of Lisbon {date}.",
    ), "on 13 December 2007", "in December 2009"),
    Story("ember", (
        "Operation Ember began {date}.",
        "Operation Ember started {date}, the ministry said.",
    ), "on 3 May 2023", "on 3 May 2022"),
    Story("incursion", (  # trap: the same operation under another name (never linked to it)
        "The Kursk incursion began {date}.",
    ), "on 3 May 2023", "on 3 May 2022"),
    Story("moldova", (
        "The 2024 Moldovan presidential election was held {date}.",
    ), "on 20 October 2024", "on 20 October 2021"),
    Story("amsterdam", (
        "The Treaty of Amsterdam was signed {date}.",
        "Ministers signed the Treaty of Amsterdam {date}.",
    ), "on 2 October 1997", "in October 1999"),
    Story("nordhaven", (
        "The Nordhaven Institute was founded {date}.",
    ), "in 1998", "in 2004"),
    Story("sandglass", (
        "Operation Sandglass ended {date}.",
    ), "on 14 June 2021", "on 14 June 2019"),
)
FILLER = (
    "Residents described long queues for water.",
    "Analysts expect more talks in the coming weeks.",
    "The ministry did not respond to a request for comment.",
    "Prices of bread have risen sharply this year.",
    "Several roads remain closed to traffic.",
)
OUTLETS = ("Northern Wire", "Daily Ledger", "Harbour Post", "Evening Courier", "Plains Herald")


@attrs.frozen
class Planted:
    document: str
    story: str
    words: str


def generate(documents: int, planted: int, seed: int = 7) -> tuple[list[dict[str, str]], list[Planted]]:
    """The records of the corpus and the contradictions planted in it (one per chosen document)."""
    rng = random.Random(seed)
    wrong_in = set(rng.sample(range(documents), planted))
    records: list[dict[str, str]] = []
    plants: list[Planted] = []
    for number in range(documents):
        outlet = OUTLETS[number % len(OUTLETS)]
        stories = rng.sample(STORIES, rng.randint(2, 4))  # partial overlaps between documents
        sentences: list[str] = []
        for index, story in enumerate(stories):
            wrong = number in wrong_in and index == 0
            date = story.wrong if wrong else story.date
            sentence = rng.choice(story.tellings).format(date=date)
            if wrong:
                plants.append(Planted(f"corpus.jsonl#{number}", story.name, date))
            sentences.append(sentence)
            sentences.append(rng.choice(FILLER))
        body = f"{outlet} -\n\n" + " ".join(sentences) + "\n"
        records.append({"id": str(number), "published": "2025-06-01", "body": body})
    return records, plants

T = TypeVar("T")


@attrs.frozen
class Paired:
    """CPU seconds of each repeat of one measurement on the small and the large input, the two
    timed one after the other in each repeat, so that both see the same load of the machine."""

    small: tuple[float, ...]
    large: tuple[float, ...]

    def ratios(self) -> list[float]:
        return [large / small for small, large in zip(self.small, self.large, strict=True)]

    def show(self) -> str:
        def spread(values: Sequence[float], unit: str) -> str:
            low, mid, high = min(values), statistics.median(values), max(values)
            return f"{mid:.3f}{unit} (median; {low:.3f}-{high:.3f})"

        return (f"{spread(self.small, ' s')} and {spread(self.large, ' s')} CPU; ratio "
                f"{spread(self.ratios(), 'x')} over {len(self.small)} pairs")


def paired_cpu_times(
    small: Callable[[], list[T]], large: Callable[[], list[T]], repeats: int
) -> tuple[Paired, list[T], list[T]]:
    timings: tuple[list[float], list[float]] = ([], [])
    results: list[list[T]] = [[], []]
    for _ in range(repeats):
        for side, run in enumerate((small, large)):
            started = time.process_time()
            results[side] = run()
            timings[side].append(time.process_time() - started)
    return Paired(tuple(timings[0]), tuple(timings[1])), results[0], results[1]


def copies_of(summaries: Sequence[Summary], factor: int) -> tuple[list[Summary], float]:
    """``factor`` renamed copies of the summaries (``copyN/corpus.jsonl#ID``; each a deep copy,
    unpickled as from a cache or a worker, so nothing is shared between copies) and the memory
    they hold (MB, tracemalloc)."""
    blobs = [pickle.dumps(s, protocol=pickle.HIGHEST_PROTOCOL) for s in summaries]
    tracemalloc.start()
    copies = [attrs.evolve(pickle.loads(b), path=f"copy{i}/{Path(s.path).name}")
              for i in range(factor) for s, b in zip(summaries, blobs, strict=True)]
    held = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    return copies, held


def linking_alone(copies: Sequence[Summary]) -> Callable[[], list[Contradiction]]:
    """The shuffle and reduce of the linking functions, to their contradictions."""
    return lambda: list(corpus_contradictions(copies))


def linking_as_checked(copies: Sequence[Summary]) -> Callable[[], list[Finding]]:
    """The corpus step as ``chrono check`` runs it on a local executor: the summaries' tellings
    arrive keyed from the workers (made here, untimed), then the shuffle and reduce."""
    steps = [contradiction_step(split_rules(selected_rules(Options()))[1])]
    keyed = [Keyed(0, key, (index, rank), telling)
             for index, summary in enumerate(copies)
             for rank, (key, telling) in enumerate(tellings(summary))]
    return lambda: reduce_locally(steps, keyed)


def one_pass(copies: Sequence[Summary]) -> Callable[[], list[int]]:
    """The peer: one pass over the same tellings that reads what the reduce reads of each (its
    key, document, place and dates) and nothing more. Its ratio is what linear work costs on this
    machine at these sizes (memory caches make 10x the data cost more than 10x the time)."""
    told = [telling for summary in copies for _, telling in tellings(summary)]

    def run() -> list[int]:
        return [sum(1 for t in told if t.event.key and t.path and t.event.span.start >= 0
                    and t.bounds.start_lo != t.bounds.end_hi)]

    return run


def _described(found: Sequence[Contradiction]) -> list[dict[str, object]]:
    return [
        {"key": c.key, "path": c.telling.path, "other": c.other.path, "shortfall": c.shortfall,
         "agreeing": c.agreeing, "grade": c.grade.name,
         "words": [f.span.text for f in c.facts], "other_words": [f.span.text for f in c.other_facts]}
        for c in found
    ]


def _digest(items: object) -> str:
    return hashlib.sha256(json.dumps(items, sort_keys=True).encode()).hexdigest()[:16]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--planted", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scale", type=int, default=10, help="copies of the summaries for the linking run")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each linking measurement")
    parser.add_argument("--json", type=Path, help="write the findings and contradictions here")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    records, plants = generate(args.documents, args.planted)
    generated = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "corpus.jsonl"
        archive.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        started = time.perf_counter()
        report = check([str(archive)], Options(), jobs=args.jobs,
                       archive_fields=ArchiveFields("body", "published", "id"))
        checked = time.perf_counter() - started
        # the run's findings, with paths that do not name the temporary folder
        findings_json = json.loads(to_json(report).replace(str(archive), "corpus.jsonl"))

    def short(path: str) -> str:
        return "corpus.jsonl#" + path.rsplit("#", 1)[-1]

    corpus = [f for f in report.findings if f.rule == "CHR601"]
    errors = {short(f.path) for f in corpus if f.severity is Severity.ERROR}
    planted_docs = {p.document for p in plants}
    found = planted_docs & errors
    false_errors = sorted(errors - planted_docs)
    warnings = sum(1 for f in corpus if f.severity is Severity.WARNING)
    other_errors = sum(1 for f in report.findings if f.rule != "CHR601" and f.severity is Severity.ERROR)
    print(f"generated {args.documents} documents in {generated:.2f} s; checked end to end in {checked:.1f} s "
          f"({args.jobs} jobs)")
    print(f"planted contradictions reported: {len(found)}/{len(plants)}; CHR601 errors elsewhere: "
          f"{len(false_errors)} {false_errors[:5]}; CHR601 warnings: {warnings}; "
          f"other errors: {other_errors}")

    summaries = _summaries(report)
    one, held_one = copies_of(summaries, 1)
    many, held_many = copies_of(summaries, args.scale)
    alone, found_one, found_many = paired_cpu_times(linking_alone(one), linking_alone(many), args.repeats)
    step, step_found_one, step_found_many = paired_cpu_times(
        linking_as_checked(one), linking_as_checked(many), args.repeats
    )
    peer, _, _ = paired_cpu_times(one_pass(one), one_pass(many), args.repeats)
    print(f"summaries held: {len(one)} in {held_one:.0f} MB, {len(many)} in {held_many:.0f} MB")
    for name, timing, n_small, n_large in (
        ("linking functions", alone, len(found_one), len(found_many)),
        ("corpus step", step, len(step_found_one), len(step_found_many)),
        ("peer: one pass over the tellings", peer, 0, 0),
    ):
        print(f"{name}, {len(one)} and {len(many)} summaries ({n_small} and {n_large} found): "
              f"{timing.show()}")
    linking = {
        "one": _described(found_one),
        "many_count": len(found_many),
        "many_digest": _digest(_described(found_many)),
        "step_one": [f.to_json() for f in step_found_one],
        "step_many_count": len(step_found_many),
        "step_many_digest": _digest([f.to_json() for f in step_found_many]),
    }
    if args.json is not None:
        args.json.write_text(json.dumps({"findings": findings_json["findings"], "linking": linking},
                                        indent=1, sort_keys=True) + "\n", encoding="utf-8")
    ok = len(found) == len(plants) and not false_errors
    return 0 if ok else 1


def _summaries(report: Report) -> list[Summary]:
    """The summaries of the run's documents (from the analyses the report keeps)."""
    from chrono.corpus.summary import summarize

    return [summarize(analysis) for analysis in report.analyses]


if __name__ == "__main__":
    sys.exit(main())
