"""Run one fuzz target under atheris: ``python tests/fuzz/run.py TARGET [libFuzzer flags]``.

TARGET is one of prose, timeline, timeml, config (tests/fuzz/targets.py). The seed corpus is the
project's own examples and test case files of that kind, so the fuzzer starts from real input. A
corpus folder given on the command line (``run.py timeline /tmp/fuzz-corpus/timeline ...``) keeps
what a campaign found, so the next campaign resumes from there; the seeds are read as well.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {
    "prose": [*ROOT.glob("examples/*.md"), *ROOT.glob("examples/*.txt"), *ROOT.glob("examples/*.html")],
    "timeline": [*ROOT.glob("examples/*.yaml"), *ROOT.glob("examples/*.json")],
    "timeml": list(ROOT.glob("tests/timeml/cases/*.tml")),
    "config": [ROOT / "pyproject.toml"],
}


def main() -> None:
    import atheris

    if len(sys.argv) < 2 or sys.argv[1] not in SEEDS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(SEEDS)}}} [libFuzzer flags]")
    name = sys.argv.pop(1)
    seeds = Path(tempfile.mkdtemp(prefix=f"chrono-fuzz-{name}-"))
    for number, path in enumerate(SEEDS[name]):
        data = path.read_bytes()
        # the prose and timeline targets read their first byte as the kind of document
        prefix = {"prose": bytes([1]), "timeline": bytes([0])}.get(name, b"")
        (seeds / f"seed-{number}").write_bytes(prefix + data)
    # Only chrono is instrumented: coverage inside PyYAML's pure-Python parser, attrs or pendulum
    # leads the fuzzer into those libraries rather than into chrono, and made each input about four
    # times slower. chrono imports its readers and rules on first use, so the seeds are run once
    # here, for every module the target reaches to be imported (and instrumented) now.
    with atheris.instrument_imports(include=["chrono", "targets"]):
        sys.path.insert(0, str(Path(__file__).parent))
        from targets import TARGETS

        for seed in seeds.iterdir():
            TARGETS[name](seed.read_bytes())
    inputs = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")]
    # a campaign's corpus folder comes first (libFuzzer adds what it finds to the first folder
    # only); the seeds are read after it, so a resumed campaign keeps starting from real input.
    # Replaying crash files (inputs that are files) runs those files alone.
    if all(path.is_dir() for path in inputs):
        sys.argv.append(str(seeds))
    atheris.Setup(sys.argv, TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
