"""Time the temporal tagger on adversarial input (issue 3: linear time, 1 MB under 2 s).

    python benchmarks/tagger_adversarial.py                 # every input, 1,000,000 characters
    python benchmarks/tagger_adversarial.py --size 100000 --only soup dense
    python benchmarks/tagger_adversarial.py --limit 2       # exit 1 when an input takes longer

Each input is one call of ``extract(text, "2025-04-24")`` in this process, after a short
warm-up on the same kind of text (so the rule subsets it needs are loaded). The inputs are
deterministic (the soup uses a fixed seed), so runs on different commits tag the same text.
Each row: input, expressions found, wall-clock seconds, CPU seconds of this process.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

from chrono.tagger import extract

# Words that each start (or extend) a temporal expression: every word of the soup is a trigger.
SOUP_WORDS = ("May", "March", "Friday", "today", "yesterday", "week", "1998", "two", "days",
              "ago", "last", "next", "quarter", "morning")


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return make


def _soup(size: int) -> str:
    """Trigger words in random order: no window of text repeats, so nothing can be memoized."""
    rng = random.Random(20250424)
    parts: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(SOUP_WORDS)
        parts.append(word)
        length += len(word) + 1
    return " ".join(parts)[:size]


INPUTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "digits": ("digit runs (`1234567890` repeated)", _repeat("1234567890")),
    "months": ("repeated month names (`May March May June ` repeated)",
               _repeat("May March May June ")),
    "punctuation": ("punctuation storm (`!?.,;:-–()[]\"'` repeated)",
                    _repeat("!?.,;:-–()[]\"'")),
    "modifiers": ("modifier storm (`the last early late about ` repeated)",
                  _repeat("the last early late about ")),
    "slashes": ("slash numbers (`12/12/12/…`)", _repeat("12/")),
    "dense": ("dense real dates (`On March 3, 2024, two days later, last week, ` repeated)",
              _repeat("On March 3, 2024, two days later, last week, ")),
    "retold": ("a day told in full, then without its year (`… on 4 March 2019. On 4 March …` repeated)",
               _repeat("The board met on 4 March 2019. On 4 March it voted, and on 5 March it signed. ")),
    "soup": ("random soup of 14 temporal trigger words, no repetition", _soup),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per input")
    parser.add_argument("--only", nargs="*", choices=sorted(INPUTS), help="inputs to time")
    parser.add_argument("--limit", type=float, help="fail when an input takes longer (seconds)")
    args = parser.parse_args(argv)
    slow = False
    for name in args.only or list(INPUTS):
        label, make = INPUTS[name]
        extract(make(5_000), "2025-04-24")
        text = make(args.size)
        start, cpu = time.perf_counter(), time.process_time()
        found = extract(text, "2025-04-24")
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        slow = slow or (args.limit is not None and seconds > args.limit)
        print(f"| {label} | {len(found):,} | {seconds:.2f} | {cpu:.2f} |", flush=True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
