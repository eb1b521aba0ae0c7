"""Run one fuzz target under atheris: ``python tests/fuzz/run.py TARGET [libFuzzer flags]``.

TARGET is one of prose, timeline, timeml, config (tests/fuzz/targets.py). The seed corpus is the
project's own examples and test case documents of that kind, so the fuzzer starts from real input. A
corpus folder given on the command line (``run.py timeline /tmp/fuzz-corpus/timeline ...``) keeps
what a campaign found, so the next campaign resumes from there; the seeds are read as well.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = {
    "prose": (".txt", ".md", ".html"),
    "timeline": (".yaml", ".yml", ".json"),
    "timeml": (".tml",),
    "config": (".toml",),
}
# the prose and timeline targets read their first byte as the kind of document (targets.py)
KIND_BYTE = {".txt": 0, ".md": 1, ".html": 2, ".yaml": 0, ".yml": 0, ".json": 1}


def seeds(name: str) -> list[bytes]:
    """The project's own inputs of the target's kind: the examples, the TimeML cases, the
    configuration, and the documents of the rule cases (tests/rules/cases), one per rule
    behaviour."""
    suffixes = SUFFIXES[name]
    files = [path for path in sorted((ROOT / "examples").iterdir()) if path.suffix in suffixes]
    files += sorted((ROOT / "tests/timeml/cases").glob("*.tml")) if name == "timeml" else []
    files += [ROOT / "pyproject.toml"] if name == "config" else []
    found = [(path.suffix, path.read_bytes()) for path in files]
    for case_file in sorted((ROOT / "tests/rules/cases").glob("*.yaml")):
        for case in yaml.safe_load(case_file.read_text(encoding="utf-8"))["cases"]:
            suffix = case.get("suffix", ".yaml")
            if "content" in case and suffix in suffixes:
                found.append((suffix, case["content"].encode("utf-8")))
    prefixed = name in ("prose", "timeline")
    unique = {(bytes([KIND_BYTE[suffix]]) if prefixed else b"") + data: None for suffix, data in found}
    return list(unique)


def main() -> None:
    import atheris

    if len(sys.argv) < 2 or sys.argv[1] not in SUFFIXES:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(SUFFIXES)}}} [libFuzzer flags]")
    name = sys.argv.pop(1)
    seed_folder = Path(tempfile.mkdtemp(prefix=f"chrono-fuzz-{name}-"))
    for number, data in enumerate(seeds(name)):
        (seed_folder / f"seed-{number}").write_bytes(data)
    # Only chrono is instrumented: coverage inside PyYAML's pure-Python parser, attrs or pendulum
    # leads the fuzzer into those libraries rather than into chrono, and made each input about four
    # times slower. chrono imports its readers and rules on first use, so the seeds are run once
    # here, for every module the target reaches to be imported (and instrumented) now.
    with atheris.instrument_imports(include=["chrono", "targets"]):
        sys.path.insert(0, str(Path(__file__).parent))
        from targets import TARGETS

        for seed in seed_folder.iterdir():
            TARGETS[name](seed.read_bytes())
    inputs = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")]
    # a campaign's corpus folder comes first (libFuzzer adds what it finds to the first folder
    # only); the seeds are read after it, so a resumed campaign keeps starting from real input.
    # Replaying crash files (inputs that are files) runs those files alone.
    if all(path.is_dir() for path in inputs):
        sys.argv.append(str(seed_folder))
    atheris.Setup(sys.argv, TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
