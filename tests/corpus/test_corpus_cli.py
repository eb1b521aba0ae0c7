"""The corpus rules end to end through `chrono check`: the finding in the document at odds, the
other document's words in its explanation (text, JSON, SARIF), suppressions in either document,
baselines and --reference."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

AGREE = "Russian troops recaptured Sudzha in March 2025, officials said.\n"
ODD = "The recapture of Sudzha in March 2024 ended the incursion.\n"


def chrono(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args, "--no-cache"],
        capture_output=True, text=True, cwd=cwd, timeout=120,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": str(Path(tempfile.gettempdir()) / "chrono-test-home")},
    )


def article(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(f"---\ndate: 2025-04-20\n---\n{body}", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    article(tmp_path, "a.md", AGREE)
    article(tmp_path, "b.md", "Sudzha was retaken in March 2025 after weeks of fighting.\n")
    article(tmp_path, "odd.md", ODD)
    return tmp_path


def test_the_finding_is_in_the_odd_document_and_cites_the_other(corpus: Path) -> None:
    result = chrono("check", ".", "--format", "json", cwd=corpus)
    assert result.returncode == 1, result.stderr
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["path"], finding["line"]) == ("CHR601", "odd.md", 4)
    assert [s["text"] for s in finding["spans"]] == ["recapture of Sudzha in March 2024"]
    steps = finding["explanation"]
    assert "path" not in steps[0] and steps[0]["text"] == "recapture of Sudzha in March 2024"
    assert "the same event [recapture|sudzha]" in steps[1]["claim"]
    assert steps[2]["path"] in ("a.md", "b.md") and steps[2]["line"] == 4
    text = chrono("check", ".", cwd=corpus).stdout
    assert f"({steps[2]['path']}:4:" in text


def test_sarif_relates_the_other_document(corpus: Path) -> None:
    result = chrono("check", ".", "--format", "sarif", cwd=corpus)
    [run] = json.loads(result.stdout)["runs"]
    [item] = run["results"]
    related = [r["physicalLocation"]["artifactLocation"]["uri"] for r in item.get("relatedLocations", [])]
    assert any(uri.endswith(("a.md", "b.md")) for uri in related)


def test_a_suppression_in_either_document_hides_it(tmp_path: Path) -> None:
    article(tmp_path, "a.md", AGREE)
    article(tmp_path, "odd.md", "<!-- chrono: ignore[CHR601] -->\n" + ODD)
    assert chrono("check", ".", cwd=tmp_path).returncode == 0
    # in the document it cites: hidden too, and that suppression is used (no CHR9xx about it)
    article(tmp_path, "a.md", "<!-- chrono: ignore[CHR601] -->\n" + AGREE)
    article(tmp_path, "odd.md", ODD)
    result = chrono("check", ".", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["findings"] == [] and report["summary"]["suppressed"] == 1


def test_a_baseline_keeps_the_finding_known(corpus: Path) -> None:
    assert chrono("check", ".", "--write-baseline", "base.json", cwd=corpus).returncode == 0
    assert chrono("check", ".", "--baseline", "base.json", cwd=corpus).returncode == 0


def test_the_reference_decides_and_is_cited_by_its_line(corpus: Path) -> None:
    (corpus / "ref.yaml").write_text(
        "events:\n  - id: recapture\n    text: Russian forces recaptured Sudzha\n    on: 2024-03\n", encoding="utf-8"
    )
    result = chrono("check", ".", "--reference", "ref.yaml", "--format", "json", cwd=corpus)
    found = {(f["rule"], f["path"]) for f in json.loads(result.stdout)["findings"]}
    assert found == {("CHR602", "a.md"), ("CHR602", "b.md")}
    bad = chrono("check", ".", "--reference", "missing.yaml", cwd=corpus)
    assert bad.returncode == 2 and "--reference: reference missing.yaml: cannot read file" in bad.stderr


def test_the_example_story_told_from_four_angles(tmp_path: Path) -> None:
    """examples/corpus: a wire report, an explainer, an opinion piece and a feature tell one
    story; the feature alone dates the summit a month early."""
    examples = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    result = chrono("check", str(examples), "--format", "json", cwd=tmp_path)
    found = [(f["rule"], Path(f["path"]).name, f["line"], f["column"], f["severity"])
             for f in json.loads(result.stdout)["findings"]]
    assert found == [("CHR601", "feature.md", 7, 20, "error")]


def test_two_releases_of_one_project_are_not_linked_but_a_stale_copy_warns(tmp_path: Path) -> None:
    # two versions' releases: two events; the same paragraph copied into a later article, its
    # "Wednesday" now read against the later date: one event dated two ways, through a link that
    # rests on the kind of event and a name only (a warning, never an error)
    (tmp_path / "rust-1.56.1.md").write_text(
        "---\ndate: 2021-11-01\n---\nWe will be releasing Rust 1.56.1 today.\n", encoding="utf-8")
    (tmp_path / "four-years.md").write_text(
        "---\ndate: 2019-05-15\n---\nOn May 15th, 2015, Rust was released to the world.\n", encoding="utf-8")
    stale = "Since the INS decision was announced Wednesday, they have said they will appeal.\n"
    (tmp_path / "first.md").write_text(f"---\ndate: 2000-01-07\n---\n{stale}", encoding="utf-8")
    (tmp_path / "later.md").write_text(f"---\ndate: 2000-01-15\n---\n{stale}", encoding="utf-8")
    result = chrono("check", ".", "--format", "json", "--select", "CHR6", cwd=tmp_path)
    found = [(f["rule"], f["severity"], f["path"]) for f in json.loads(result.stdout)["findings"]]
    assert len(found) == 1 and found[0][:2] == ("CHR601", "warning"), found
    assert found[0][2] in ("first.md", "later.md")
