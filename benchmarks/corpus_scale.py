"""The corpus as one timeline, at scale: a generated corpus of news articles (several outlets
telling the same dozen stories, in different words and with partial overlaps) with planted
cross-document contradictions and traps, checked end to end; then the linking step alone on
10x the summaries, for its time and memory.

    python benchmarks/corpus_scale.py                      # 10,000 documents, 100 planted
    python benchmarks/corpus_scale.py --documents 500 --planted 10 --jobs 2

The traps: two recaptures of two towns, two presidential elections of one country in different
years, and one event told under two names ("Operation Ember" / "the Kursk incursion") — none of
them may give an error. Every planted contradiction must be reported (CHR601) in its document.

The corpus is written as one JSON Lines archive (each record a document: chrono.corpus.archives).
Generation is a few string formats per document (well under a second for 10,000).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import attrs

from chrono.corpus.archives import ArchiveFields
from chrono.corpus.linking import corpus_contradictions
from chrono.corpus.summary import Summary
from chrono.model import Severity
from chrono.options import Options
from chrono.runner import check


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


def linking_alone(summaries: Sequence[Summary], factor: int) -> tuple[float, int, float]:
    """Time of the shuffle and reduce over ``factor`` copies of the summaries (renamed; each a
    deep copy, unpickled as from a cache or a worker, so nothing is shared between copies), their
    contradictions, and the memory the copies hold (MB, by tracemalloc)."""
    blobs = [pickle.dumps(s, protocol=pickle.HIGHEST_PROTOCOL) for s in summaries]
    tracemalloc.start()
    copies = [attrs.evolve(pickle.loads(b), path=f"copy{i}/{s.path}")
              for i in range(factor) for s, b in zip(summaries, blobs, strict=True)]
    held = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    timings = []
    for _ in range(3):  # the best of three: the machine is shared
        started = time.perf_counter()
        found = sum(1 for _ in corpus_contradictions(copies))
        timings.append(time.perf_counter() - started)
    return min(timings), found, held


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--planted", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scale", type=int, default=10, help="copies of the summaries for the linking run")
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
    one, found_one, held_one = linking_alone(summaries, 1)
    many, found_many, held_many = linking_alone(summaries, args.scale)
    print(f"linking {len(summaries)} summaries: {one:.2f} s ({found_one} contradictions), "
          f"{held_one:.0f} MB held")
    print(f"linking {len(summaries) * args.scale} summaries: {many:.2f} s ({found_many} contradictions), "
          f"{held_many:.0f} MB held; time ratio {many / one:.1f}x for {args.scale}x the documents")
    ok = len(found) == len(plants) and not false_errors
    return 0 if ok else 1


def _summaries(report: object) -> list[Summary]:
    """The summaries a run computed (kept in its per-document results)."""
    from chrono.corpus.summary import summarize

    return [summarize(analysis) for analysis in report.analyses]  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
