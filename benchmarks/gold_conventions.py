"""How consistently a gold TimeML corpus annotates recurring phrases.

    python benchmarks/gold_conventions.py --corpus ../shared/corpora/tbaq
    python benchmarks/gold_conventions.py --corpus ../shared/corpora/tbaq --smoke

A tagger maps the same phrase in the same situation to the same value. When the gold writes
one phrase in several shapes ("last week" as ``1989-W43`` in one document and ``1989-WXX``
in the next), any single convention misses the minority shapes. For each phrase class this
prints the shapes the gold uses (digits shown as 9) and how many annotations a convention
that always picks the majority shape must still get wrong; for deictic words it prints how
often an occurrence in the text is annotated at all (a tagger that always tags them, or never
does, misses the rest). The sum is a floor on value errors for these phrases alone, for any
deterministic tagger, before any real ambiguity is counted.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

from timex_eval import read_corpus

from chrono.timeml import TimeMLDocument

# Phrase classes (gold extent, lower case) and whether the text and the DCT alone fix their
# value's shape (then they count towards the floor). "A year ago" in an earnings report may
# rightly be a quarter or a year, so those classes are shown but not counted.
PHRASES: tuple[tuple[str, str, bool], ...] = (
    ("last/this/next week", r"(?:late |early )?(?:last|this|next) week", True),
    ("weekday + part of day", r"(?:mon|tues|wednes|thurs|fri|satur|sun)day "
                              r"(?:morning|afternoon|evening|night)", True),
    ("decade", r"(?:the )?(?:early |mid-?|late )?(?:19|20)?'?\d0s", True),
    ("recent / coming + unit", r"(?:the )?(?:recent|coming) (?:days|weeks|months|quarters|years)",
     True),
    ("bare four-digit year", r"(?:1[89]|20)\d\d", True),
    ("a year ago / earlier", r"(?:a )?year[- ](?:ago|earlier)", False),
    ("last year", r"last year", False),
)

# Deictic words a tagger either tags or not: how often the gold tags an occurrence.
DEICTIC = ("now", "currently", "current", "recently", "recent", "today", "the future")

_DIGIT = re.compile(r"\d")
_VAGUE_UNIT = re.compile(r"\APT?X[A-Z]\Z")


def shape(value: str) -> str:
    """The value with its digits (and a vague duration's unit) hidden: ``1989-W43`` ->
    ``9999-W99``, ``PXM`` -> ``PX?``."""
    return "PX?" if _VAGUE_UNIT.match(value) else _DIGIT.sub("9", value)


def phrase_table(docs: list[TimeMLDocument]) -> list[tuple[str, bool, int, collections.Counter[str]]]:
    rows = []
    for name, pattern, counted in PHRASES:
        regex = re.compile(pattern + r"\Z")
        shapes = collections.Counter[str]()
        for doc in docs:
            for timex in doc.timexes:
                if regex.match(doc.text[timex.start:timex.end].lower().strip(" .,")):
                    shapes[f"{timex.type} {shape(timex.value)}"] += 1
        rows.append((name, counted, sum(shapes.values()), shapes))
    return rows


def deictic_table(docs: list[TimeMLDocument]) -> list[tuple[str, int, int]]:
    rows = []
    for word in DEICTIC:
        regex = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)
        seen = tagged = 0
        for doc in docs:
            spans = [(t.start, t.end) for t in doc.timexes]
            for match in regex.finditer(doc.text):
                seen += 1
                tagged += any(a < match.end() and b > match.start() for a, b in spans)
        rows.append((word, seen, tagged))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", required=True, type=Path, help="folder of .tml files")
    parser.add_argument("--smoke", action="store_true", help="the first 8 documents only")
    args = parser.parse_args(argv)
    docs = [doc for _, doc in read_corpus(args.corpus, args.smoke)]
    if not docs:
        print(f"no .tml files under {args.corpus}", file=sys.stderr)
        return 2
    print(f"documents {len(docs)}  gold TIMEX3 {sum(len(d.timexes) for d in docs)}")
    print()
    print("phrase class | annotations | shapes in the gold | majority | misses of any one convention")
    floor = 0
    for name, counted, total, shapes in phrase_table(docs):
        majority = shapes.most_common(1)[0][1] if shapes else 0
        floor += total - majority if counted else 0
        listed = ", ".join(f"{s} x{n}" for s, n in shapes.most_common(6))
        note = "" if counted else " (context decides: not counted)"
        print(f"{name} | {total} | {listed} | {majority} | {total - majority}{note}")
    print()
    print("deictic word | occurrences | annotated | misses of always / never tagging")
    for word, seen, tagged in deictic_table(docs):
        floor += min(tagged, seen - tagged)
        print(f"{word} | {seen} | {tagged} | {seen - tagged} / {tagged}")
    print()
    print(f"floor on errors over these phrases for any deterministic convention: {floor}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
