"""Every benchmark runs in its smoke mode (DESIGN.md: benchmarks run by hand and in CI smoke mode).

These assert that the harnesses work end to end, not how fast anything is: figures belong in
BENCHMARKS.md, measured by hand.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "tbaq"

SMOKE = [
    ("network_scaling.py", ["--smoke", "--conflicts", "3", "--repeat", "1"], False),
    ("conflict_scaling.py", ["--smoke"], False),
    ("ci_speed.py", ["--smoke"], False),
    ("report_speed.py", ["--documents", "20"], False),
    ("report_speed.py", ["--prose", "0.01,0.04"], False),
    ("timex_eval.py", ["--corpus", str(CORPUS), "--smoke"], True),
    ("gold_conventions.py", ["--corpus", str(CORPUS), "--smoke"], True),
    ("text_precision.py", [str(CORPUS), "--smoke"], True),
    ("text_scaling.py", [str(CORPUS), "--smoke"], True),
    ("prose_profile.py", [str(CORPUS), "--smoke"], True),
    ("timeml_consistency.py", [str(CORPUS.parent), "--smoke"], True),
    ("real_text.py", ["--smoke", "--quiet"], False),
    ("startup.py", ["--runs", "1"], False),
    ("scale.py", ["--smoke"], False),
    ("corpus_scale.py", ["--documents", "120", "--planted", "4", "--jobs", "1", "--scale", "2"], False),
    ("heldout.py", ["benchmarks/heldout/r9"], False),
    ("tagger_heldout.py", ["benchmarks/heldout/t5"], False),
]
if importlib.util.find_spec("pygls") is not None:  # the server extra
    SMOKE.append(("lsp_latency.py", ["--smoke"], False))


@pytest.mark.parametrize(("script", "args", "needs_corpus"), SMOKE, ids=[" ".join([s[0], *s[1][:1]]) for s in SMOKE])
def test_benchmark_smoke_mode(script: str, args: list[str], needs_corpus: bool) -> None:
    if needs_corpus and not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not here")
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert result.stdout.strip(), "a benchmark prints its figures"


def test_tagger_round_scoring_counts_one_value_written_two_ways() -> None:
    spec = importlib.util.spec_from_file_location("tagger_heldout", ROOT / "benchmarks" / "tagger_heldout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    same = module.same_value
    assert same("197", "197X") and same("2021-05-04T24:00", "2021-05-05T00:00")
    assert same("2024-fa", "2024-FA")
    assert not same("197", "198X") and not same("2021-05-04T24:00", "2021-05-04T00:00")
    assert not same("2021-05-05", "2021-05-06")
