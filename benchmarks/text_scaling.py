"""How the time to check one prose document grows with its size.

One big Markdown document is built from the raw ``<TEXT>`` of the TimeBank + AQUAINT documents
(read in place from ``../shared/corpora/tbaq`` with :func:`chrono.timeml.parse_timeml`, never
copied into the repository), concatenated in file order, again from the start when the corpus
runs out, until the document reaches the size asked for. Its DCT (front matter) is the latest
DCT of the corpus. Three layouts:

- ``paragraphs``: the documents separated by blank lines, their own line breaks kept;
- ``lines``: no blank line anywhere (every run of line breaks is one line break);
- ``one-paragraph``: every run of white space is one space: a single line, a single paragraph,
  a date every few hundred characters;
- ``examples``: instead of the corpus, the prose of the repository's own ``examples/`` (our
  writing, so it may live here) in paragraphs: a date, an event and often a contradiction in
  every sentence, so the network reports its maximum of 50 conflicts at every size;
- ``stress-one-paragraph`` and ``stress-suppressions``: instead of the corpus, generated prose
  that exercises what once grew quadratically: in one long paragraph, precedence pairs (seized /
  recaptured) sharing an argument, offsets and sequence words that look back for the last dated
  event, and named events; in many paragraphs, an inline suppression hiding a finding in each.
  Both must give no finding (everything is consistent or suppressed).

``--check-linear RATIO`` exits 1 when any layout's seconds per MB at the largest size exceed
RATIO times those at the smallest (the guard against quadratic steps; a linear step stays near
1, a quadratic one grows with the size ratio).

Each document is checked by ``chrono.runner.check`` in this process (one job, no cache: what
``chrono check --no-cache -j 1 FILE`` does after start-up), best of ``--repeat`` runs. The table
gives seconds, seconds per MB (10^6 characters) and the ratio of the largest size's seconds per
MB to the smallest's: about 1 when the time is linear in the size.

Usage::

    python benchmarks/text_scaling.py [CORPUS_DIR] [--sizes 0.25,0.5,1,2] [--repeat 1]
                                      [--layouts paragraphs,lines,one-paragraph] [--keep DIR]
    python benchmarks/text_scaling.py --smoke      # 20,000 and 80,000 characters, every layout

``--keep DIR`` also writes the documents there (to profile them with ``chrono check``).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from chrono.options import Options
from chrono.runner import check
from chrono.timeml import parse_timeml

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tbaq"
MB = 1_000_000


def _paragraphs(texts: Sequence[str]) -> str:
    return "\n\n".join(text.strip() for text in texts)


def _lines(texts: Sequence[str]) -> str:
    return re.sub(r"\n\s*", "\n", _paragraphs(texts))


def _one_paragraph(texts: Sequence[str]) -> str:
    return re.sub(r"\s+", " ", _paragraphs(texts))


LAYOUTS: dict[str, Callable[[Sequence[str]], str]] = {
    "paragraphs": _paragraphs,
    "lines": _lines,
    "one-paragraph": _one_paragraph,
    "examples": _paragraphs,
    "stress-one-paragraph": _paragraphs,
    "stress-suppressions": _paragraphs,
}
STRESS_PARAGRAPH = (
    "Government troops seized the town of Marrow{i} on {day} August 2024 and crossed the river. "
    "By October 2024, however, the town had been recaptured by rebel units. The Lisbon Summit "
    "opened on {day} May 2023. Two days later, fighting resumed. Later, the army withdrew."
)
STRESS_SUPPRESSED = (
    "<!-- chrono: ignore[CHR307] -->\nThe council voted on Monday, 4 March 2025, to close the bridge {i}."
)


def stress(size: int, layout: str) -> str:
    """Generated prose of at least ``size`` characters for a ``stress-*`` layout."""
    parts: list[str] = []
    length = 0
    while length < size:
        i = len(parts)
        if layout == "stress-suppressions":
            part = STRESS_SUPPRESSED.format(i=i)
        else:
            part = STRESS_PARAGRAPH.format(i=i, day=1 + i % 27)
        parts.append(part)
        length += len(part) + 2
    separator = " " if layout == "stress-one-paragraph" else "\n\n"
    return "---\ndate: 2025-04-24\n---\n" + separator.join(parts) + "\n"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def examples() -> list[str]:
    """The prose of the bundled examples (front matter and headings dropped)."""
    texts: list[str] = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".md", ".txt"):
            body = FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
            texts.append(re.sub(r"(?m)^#.*\n", "", body).strip())
    return texts


def corpus(directory: Path) -> tuple[list[str], str]:
    """The texts of the corpus in file order and its latest DCT."""
    texts: list[str] = []
    dcts: list[str] = []
    for path in sorted(directory.rglob("*.tml")):
        document = parse_timeml(path.read_text(encoding="utf-8"))
        texts.append(document.text)
        if document.dct:
            dcts.append(document.dct[:10])
    return texts, max(dcts)


def build(texts: Sequence[str], dct: str, size: int, layout: str) -> str:
    """A document of at least ``size`` characters (whole corpus documents, cycling)."""
    chosen: list[str] = []
    length = 0
    while length < size:
        text = texts[len(chosen) % len(texts)]
        chosen.append(text)
        length += len(text) + 2
    return f"---\ndate: {dct}\n---\n" + LAYOUTS[layout](chosen)


def seconds(path: Path, repeat: int) -> tuple[float, int]:
    runs: list[float] = []
    findings = 0
    for _ in range(repeat):
        started = time.perf_counter()
        report = check([str(path)], Options())
        runs.append(time.perf_counter() - started)
        findings = len(report.findings)
    return min(runs), findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--sizes", default="0.25,0.5,1,2", help="document sizes in MB (10^6 characters)")
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs per document")
    parser.add_argument("--smoke", action="store_true", help="0.02 and 0.08 MB, one run each")
    parser.add_argument("--keep", help="also write the documents into this directory")
    parser.add_argument("--check-linear", type=float, metavar="RATIO",
                        help="exit 1 when a layout's s/MB grows more than RATIO times")
    args = parser.parse_args(argv)
    directory = Path(args.corpus)
    if not any(directory.rglob("*.tml")):
        print(f"no .tml files under {directory}", file=sys.stderr)
        return 2
    sizes = [0.02, 0.08] if args.smoke else [float(s) for s in args.sizes.split(",")]
    layouts = [name.strip() for name in args.layouts.split(",")]
    unknown = [name for name in layouts if name not in LAYOUTS]
    if unknown:
        print(f"unknown layout(s) {unknown}; known: {list(LAYOUTS)}", file=sys.stderr)
        return 2
    texts, dct = corpus(directory)
    with tempfile.TemporaryDirectory() as tmp:  # warm up: rules, lexicons and patterns load once
        warm = Path(tmp) / "warm-up.md"
        warm.write_text(build(texts, dct, 2000, "paragraphs"), encoding="utf-8")
        check([str(warm)], Options())

    failed = False
    print(f"corpus: {len(texts)} documents from {directory}; DCT {dct}; best of {args.repeat}")
    print(f"{'layout':<14} {'MB':>6} {'characters':>11} {'findings':>8} {'seconds':>8} {'s/MB':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        keep = Path(args.keep) if args.keep else None
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        for layout in layouts:
            per_mb: list[float] = []
            for size in sizes:
                if layout.startswith("stress-"):
                    content = stress(int(size * MB), layout)
                else:
                    source, date = (examples(), "2025-04-24") if layout == "examples" else (texts, dct)
                    content = build(source, date, int(size * MB), layout)
                name = f"{layout}-{size:g}MB.md"
                path = Path(tmp) / name
                path.write_text(content, encoding="utf-8")
                if keep is not None:
                    (keep / name).write_text(content, encoding="utf-8")
                elapsed, findings = seconds(path, 1 if args.smoke else args.repeat)
                if layout.startswith("stress-") and findings:
                    print(f"{layout}: {findings} finding(s) in prose that has none", file=sys.stderr)
                    failed = True
                per_mb.append(elapsed / (len(content) / MB))
                print(f"{layout:<14} {size:>6g} {len(content):>11,} {findings:>8} "
                      f"{elapsed:>8.2f} {per_mb[-1]:>7.2f}")
            growth = per_mb[-1] / per_mb[0]
            print(f"{layout:<14} s/MB at {sizes[-1]:g} MB / s/MB at {sizes[0]:g} MB = {growth:.2f}")
            if args.check_linear is not None and growth > args.check_linear:
                print(f"{layout}: s/MB grew {growth:.2f}x (limit {args.check_linear:g}x)", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
