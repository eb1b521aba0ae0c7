"""Baselines: --write-baseline records the findings, --baseline reports only new ones."""

from __future__ import annotations

import json
from pathlib import Path

from ci_helpers import CLEAN, CONFLICT, Chrono, Run, write


def _rules(run: Run) -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in json.loads(run.out)["findings"]]


def test_adopt_with_a_baseline(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "old.yaml", CONFLICT)
    write(tmp_path / "corpus" / "broken.yaml", "events: [\n")
    write(tmp_path / "corpus" / "clean.yaml", CLEAN)

    written = chrono("check", "corpus", "--no-cache", "--write-baseline", "chrono-baseline.json")
    assert written.code == 0, written
    assert "wrote 2 finding(s) to the baseline" in written.err
    assert "CHR201" in written.out  # the findings are still printed
    data = json.loads((tmp_path / "chrono-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert sorted((e["path"], e["rule"]) for e in data["findings"]) == [
        ("corpus/broken.yaml", "CHR002"),
        ("corpus/old.yaml", "CHR201"),
    ]

    run = chrono("check", "corpus", "--no-cache", "--baseline", "chrono-baseline.json", "--format", "json")
    assert run.code == 0, run
    assert _rules(run) == []
    assert json.loads(run.out)["summary"]["baselined"] == 2
    text = chrono("check", "corpus", "--no-cache", "--baseline", "chrono-baseline.json")
    assert "(hidden: 2 by the baseline)" in text.out

    # lines move and unrelated text changes: still the same finding
    old = tmp_path / "corpus" / "old.yaml"
    moved = "# A note added on top.\n\ntitle: Kursk\n" + CONFLICT.replace(
        "Forces cross the border", "Troops cross"
    )
    old.write_text(moved, encoding="utf-8")
    run = chrono("check", "corpus", "--no-cache", "--baseline", "chrono-baseline.json", "--format", "json")
    assert run.code == 0, run

    # the same path from another working directory (paths are relative to the baseline file)
    run = chrono(
        "check",
        ".",
        "--no-cache",
        "--baseline",
        "../chrono-baseline.json",
        "--format",
        "json",
        cwd=tmp_path / "corpus",
    )
    assert run.code == 0, run

    # a new problem is reported; a second copy of a baselined problem is new too
    write(tmp_path / "corpus" / "new.yaml", CONFLICT)
    old.write_text(moved + "  - recapture after incursion\n  - recapture after sudzha\n", encoding="utf-8")
    run = chrono("check", "corpus", "--no-cache", "--baseline", "chrono-baseline.json", "--format", "json")
    assert run.code == 1
    assert ("corpus/new.yaml", "CHR201") in _rules(run)

    # the cited words change: the old finding is gone, the new one is reported
    old.write_text(CONFLICT.replace("by 2024-03", "by 2024-02"), encoding="utf-8")
    (tmp_path / "corpus" / "new.yaml").unlink()
    run = chrono("check", "corpus", "--no-cache", "--baseline", "chrono-baseline.json", "--format", "json")
    assert _rules(run) == [("corpus/old.yaml", "CHR201")]


def test_fixed_findings_drop_out_when_rewritten(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", CONFLICT)
    write(tmp_path / "b.yaml", CONFLICT)
    chrono("check", ".", "--no-cache", "--write-baseline", "base.json")
    assert len(json.loads((tmp_path / "base.json").read_text())["findings"]) == 2
    write(tmp_path / "a.yaml", CLEAN)
    # writing again (even with --baseline given) records exactly the current findings
    chrono("check", ".", "--no-cache", "--baseline", "base.json", "--write-baseline", "base.json")
    entries = json.loads((tmp_path / "base.json").read_text())["findings"]
    assert [(e["path"], e["rule"]) for e in entries] == [("b.yaml", "CHR201")]
    # ... so the fixed problem, reintroduced, is reported again
    write(tmp_path / "a.yaml", CONFLICT)
    run = chrono("check", ".", "--no-cache", "--baseline", "base.json", "--format", "json")
    assert _rules(run) == [("a.yaml", "CHR201")]


def test_bad_baseline_is_a_usage_error(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", CLEAN)
    assert chrono("check", ".", "--baseline", "missing.json").code == 2
    write(tmp_path / "bad.json", "[1, 2]")
    run = chrono("check", "a.yaml", "--baseline", "bad.json")
    assert run.code == 2
    assert "not a chrono baseline" in run.err
