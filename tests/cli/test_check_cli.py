"""End-to-end tests of `chrono check`, `chrono rules` and `chrono explain` through a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema
import pytest

from chrono.cli import main
from chrono.located import parse_json, parse_yaml, to_plain
from chrono.resources import load_json
from chrono.timeline_files import EVENT_ID_PATTERN

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "kursk-timeline.yaml"


def chrono(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        # a home of its own: the caches and the cache key never land in the repository
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": str(Path(tempfile.gettempdir()) / "chrono-test-home")},
    )


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    path = tmp_path / "kursk.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("by 2025-03", "by 2024-03"), encoding="utf-8")
    return path


def test_design_example_passes_from_another_directory(tmp_path: Path) -> None:
    result = chrono("check", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no findings" in result.stdout


def test_design_example_with_by_2024_fails_with_one_error_citing_the_chain(flawed: Path) -> None:
    result = chrono("check", str(flawed), "--format", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert [f["rule"] for f in data["findings"]] == ["CHR201"]
    finding = data["findings"][0]
    cited = {span["text"] for span in finding["spans"]}
    assert "by 2024-03" in cited
    assert "recapture after sudzha-captured" in cited
    assert "2024-08" in cited  # sudzha-captured's date
    lines = flawed.read_text(encoding="utf-8").split("\n")
    for span in finding["spans"]:
        # offsets and line/column agree with the file
        assert lines[span["line"] - 1][span["column"] - 1 :].startswith(span["text"])
    assert data["summary"]["by_severity"]["error"] == 1
    assert [step["line"] for step in finding["explanation"]] == [12, 10, 15, 9]


def test_text_output_looks_like_a_compiler_diagnostic(flawed: Path) -> None:
    result = chrono("check", str(flawed))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{flawed.as_posix()}:15:5: CHR201 error [inconsistent-claims]")
    assert "  15 |   - recapture after sudzha-captured" in result.stdout
    assert "^^^^" in result.stdout
    assert "1. recapture ends by 2024-03 (no later than 2024-04-01)" in result.stdout
    assert "\x1b[" not in result.stdout  # NO_COLOR and not a TTY


def test_bad_files_do_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("events: [ {id: a\n", encoding="utf-8")
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    (tmp_path / "latin1.yaml").write_bytes("events:\n  - {id: a, text: caf\xe9}\n".encode("latin-1"))
    (tmp_path / "binary.yml").write_bytes(b"\x00\x01\x02")
    (tmp_path / "ignored.txt.bak").write_text("not a known suffix", encoding="utf-8")
    (tmp_path / "bad-date.yaml").write_text("events:\n  - {id: a, on: 2025-02-29}\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = chrono("check", str(tmp_path), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    by_file = {(Path(f["path"]).name, f["rule"]) for f in data["findings"]}
    assert by_file == {
        ("broken.yaml", "CHR002"),
        ("empty.json", "CHR002"),
        ("latin1.yaml", "CHR001"),
        ("binary.yml", "CHR001"),
        ("bad-date.yaml", "CHR101"),
    }
    assert data["summary"]["files"] == 6
    # nothing is ever written into the inputs
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_select_and_ignore(flawed: Path) -> None:
    assert chrono("check", str(flawed), "--ignore", "CHR2").returncode == 0
    assert chrono("check", str(flawed), "--select", "CHR1").returncode == 0
    assert chrono("check", str(flawed), "--select", "inconsistent-claims").returncode == 1
    unknown = chrono("check", str(flawed), "--select", "XYZ9")
    assert unknown.returncode == 2
    assert "unknown rule selector(s): XYZ9" in unknown.stderr


def test_output_file_and_usage_errors(flawed: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = chrono("check", str(flawed), "--format", "json", "--output", str(out))
    assert result.returncode == 1
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["findings"][0]["rule"] == "CHR201"
    # a path that does not exist is a finding of its own; the other paths are still checked
    missing = chrono("check", str(tmp_path / "nope.yaml"), str(flawed), "--format", "json", "--no-cache")
    assert missing.returncode == 1
    found = {(Path(f["path"]).name, f["rule"], f["message"]) for f in json.loads(missing.stdout)["findings"]}
    assert ("nope.yaml", "CHR001", "cannot read file: No such file or directory") in found
    assert any(rule == "CHR201" for _, rule, _ in found)
    bad_dct = chrono("check", str(flawed), "--dct", "2025-02-30")
    assert bad_dct.returncode == 2
    assert "February 2025 has 28 days" in bad_dct.stderr


def test_dct_option_feeds_since(tmp_path: Path) -> None:
    path = tmp_path / "talks.yaml"
    path.write_text(
        "events:\n  - {id: talks, start: since 2024-08}\n  - {id: breakdown, on: 2025-01}\n"
        "relations:\n  - talks before breakdown\n",
        encoding="utf-8",
    )
    assert chrono("check", str(path)).returncode == 0  # no DCT: 'since' says nothing about the end
    assert chrono("check", str(path), "--dct", "2025-04-24").returncode == 1


def test_rules_and_explain() -> None:
    listing = chrono("rules")
    assert listing.returncode == 0
    assert "CHR201  inconsistent-claims" in listing.stdout
    data = json.loads(chrono("rules", "--format", "json").stdout)
    codes = [r["code"] for r in data]
    assert codes == sorted(codes)
    for rule in data:
        assert set(rule["doc"]) == {"What it does", "Why it matters", "Example", "How to fix"}
    explained = chrono("explain", "CHR201")
    assert explained.returncode == 0
    assert explained.stdout.startswith("CHR201 inconsistent-claims (default severity: error)")
    assert "How to fix" in explained.stdout
    assert chrono("explain", "ends-before-starts").returncode == 0
    assert chrono("explain", "CHR999").returncode == 2


def test_examples_validate_against_the_timeline_schema() -> None:
    schema = load_json("schemas", "timeline.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    timelines = [p for p in (ROOT / "examples").rglob("*") if p.suffix in (".yaml", ".yml", ".json")]
    assert timelines
    for path in timelines:
        text = path.read_text(encoding="utf-8")
        data = to_plain(parse_json(text) if path.suffix == ".json" else parse_yaml(text))
        jsonschema.validate(data, schema)


def test_schema_rejects_what_the_checker_rejects() -> None:
    schema = load_json("schemas", "timeline.schema.json")
    good = {"dct": "2025-04-24", "events": [{"id": "a", "on": "by 2025-03"}], "relations": ["a before a"]}
    jsonschema.validate(good, schema)
    for bad in (
        {"events": [{"id": "a", "strat": "2025-03"}]},
        {"dtc": "2025-04-24", "events": []},
        {"events": [{"on": "2024-08"}]},
        {"events": [], "relations": [{"from": "a.middle", "to": "b.start", "offset": "2 days"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_schema_and_checker_share_the_event_id_grammar() -> None:
    schema = load_json("schemas", "timeline.schema.json")
    assert schema["$defs"]["eventId"]["pattern"] == EVENT_ID_PATTERN
    for field in ("from", "to"):
        assert schema["$defs"]["gapMapping"]["properties"][field]["pattern"] == (
            EVENT_ID_PATTERN.removesuffix("$") + r"\.(start|end)$"
        )
    ok = {
        "events": [{"id": "cafe\u0301"}, {"id": "नमस्ते"}, {"id": "a.b:c/d-e_f"}],
        "relations": [{"from": "cafe\u0301.start", "to": "नमस्ते.end", "offset": "2 days"}],
    }
    jsonschema.validate(ok, schema)
    for bad in ("a b", "a,b", ".a", "\u0301a", ""):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"events": [{"id": bad}]}, schema)


def test_readme_timeline_example_is_consistent(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "readme.yaml"
    path.write_text(block, encoding="utf-8")
    result = chrono("check", str(path), "--isolated", "--no-cache")
    assert result.returncode == 0, result.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text(block.replace("6-8 months after", "10-12 months after"), encoding="utf-8")
    result = chrono("check", str(broken), "--isolated", "--no-cache", "--format", "json")
    assert result.returncode == 1
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["CHR201"]


def test_long_prose_lines_are_cut_around_the_cited_words(tmp_path: Path) -> None:
    filler = "Officials met several times to discuss the matter at length. " * 8
    text = filler + "The bridge reopened on 31 April 2024 after repairs. " + filler
    path = tmp_path / "long.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = chrono("check", str(path), "--dct", "2024-06-01", "--isolated", "--no-cache")
    assert result.returncode == 1, result.stdout
    excerpt = next(line for line in result.stdout.splitlines() if line.startswith("  1 | "))
    assert "31 April 2024" in excerpt
    assert excerpt.startswith("  1 | …") and excerpt.endswith("…")
    assert len(excerpt) < 120
    marker = result.stdout.splitlines()[result.stdout.splitlines().index(excerpt) + 1]
    column = marker.index("^")
    assert excerpt[column:].startswith("31 April 2024")


def test_reports_and_baselines_never_replace_a_document(tmp_path: Path) -> None:
    a = tmp_path / "a.yaml"
    a.write_text(EXAMPLE.read_text(encoding="utf-8").replace("by 2025-03", "by 2024-03"), encoding="utf-8")
    original = a.read_bytes()
    for args in (["-o", str(a)], ["--write-baseline", str(a)]):
        result = chrono("check", str(a), *args, "--no-cache", "--isolated")
        assert result.returncode == 2
        assert "refusing to write over" in result.stderr
        assert a.read_bytes() == original
    # earlier JSON output and baselines in the checked folder are not read as timelines
    assert chrono("check", str(tmp_path), "--format", "json", "-o", str(tmp_path / "out.json"), "--isolated").returncode == 1
    assert chrono("check", str(tmp_path), "--write-baseline", str(tmp_path / "base.json"), "--isolated").returncode == 0
    again = json.loads(chrono("check", str(tmp_path), "--format", "json", "--no-cache", "--isolated").stdout)
    assert {(Path(f["path"]).name, f["rule"]) for f in again["findings"]} == {("a.yaml", "CHR201")}


def test_crlf_files_keep_their_offsets(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"events:\r\n  - {id: a, on: 2024-08}\r\n  - {id: b, on: 2024-06}\r\nrelations:\r\n  - b after a\r\n")
    result = chrono("check", str(path), "--format", "json", "--isolated", "--no-cache")
    assert result.returncode == 1
    text = path.read_bytes().decode("utf-8")
    finding = json.loads(result.stdout)["findings"][0]
    assert (finding["line"], finding["column"]) == (5, 5)
    for span in finding["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert "\r" not in chrono("check", str(path), "--isolated", "--no-cache").stdout


def test_an_unusable_output_path_is_a_usage_error_that_names_it(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    cases = [
        (["check", "--output", "out"], "--output out: this is a folder; name the file to write the findings into"),
        (
            ["check", "--format", "json", "-o", "notes.txt/findings.json"],
            "--output notes.txt/findings.json: notes.txt is a file, not a folder, "
            "so nothing can be created inside it",
        ),
        (
            ["report", "-o", "notes.txt"],
            "-o notes.txt: this is an existing file, not a folder; "
            "chrono report writes a site into a folder (name a new or empty one)",
        ),
        (
            ["report", "-o", "notes.txt/site"],
            "-o notes.txt/site: notes.txt is a file, not a folder, so nothing can be created inside it",
        ),
    ]
    for args, message in cases:
        result = chrono(*args, str(EXAMPLE), "--no-cache", cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert result.stderr == f"chrono: error: {message}\n"
        assert "Errno" not in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "not a folder\n"


def test_an_unwritable_output_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    # permission bits do not stop root (CI containers run as root): deny through os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: Path(path) != locked and real_access(path, mode)
    )
    common = [str(EXAMPLE), "--no-cache", "--isolated", "-j", "1"]
    assert main(["report", "-o", str(locked), *common]) == 2
    assert capsys.readouterr().err == f"chrono: error: -o {locked}: the folder is not writable (permission denied)\n"
    assert main(["check", "--output", str(locked / "findings.txt"), *common]) == 2
    assert capsys.readouterr().err == (
        f"chrono: error: --output {locked / 'findings.txt'}: cannot be created, the folder {locked} is not writable\n"
    )
