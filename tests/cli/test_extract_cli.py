"""`chrono extract` end to end: offsets into the decoded file, DCT handling, formats, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def chrono(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_extract_from_stdin_resolves_against_the_dct() -> None:
    text = "On April 24, 2025, officials said talks that began in the summer of 2024 would resume next week."
    result = chrono("extract", "-", "--dct", "2025-04-24", stdin=text)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    values = [(t["text"], t["type"], t["value"]) for t in found]
    assert ("April 24, 2025", "DATE", "2025-04-24") in values
    assert ("the summer of 2024", "DATE", "2024-SU") in values
    assert ("next week", "DATE", "2025-W18") in values
    for timex in found:
        assert text[timex["start"] : timex["end"]] == timex["text"]


def test_extract_markdown_offsets_point_into_the_file_and_use_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    content = "---\ndate: 2024-03-10\ntitle: Notes\n---\n# Monday\n\nThe board met **yesterday** and voted.\n"
    path.write_text(content, encoding="utf-8")
    found = json.loads(chrono("extract", str(path)).stdout)
    by_text = {t["text"]: t for t in found}
    assert by_text["yesterday"]["value"] == "2024-03-09"
    assert content[by_text["yesterday"]["start"] : by_text["yesterday"]["end"]] == "yesterday"
    assert "2024-03-10" not in by_text  # front matter is not prose


def test_extract_text_format_and_errors(tmp_path: Path) -> None:
    result = chrono("extract", "-", "--dct", "2025-01-15", "--format", "text", stdin="It ended in December.")
    assert result.returncode == 0
    assert "DATE\t2024-12\t'December'" in result.stdout
    assert chrono("extract", str(tmp_path / "missing.txt")).returncode == 2
    bad = chrono("extract", "-", "--dct", "2025-02-30", stdin="today")
    assert bad.returncode == 2
    assert "February 2025 has 28 days" in bad.stderr


def test_extract_lists_events_with_the_expressions(tmp_path: Path) -> None:
    text = "The ministers signed the accord on 3 May 2024 and ratified it a week later."
    found = json.loads(chrono("extract", "-", "--dct", "2024-06-01", stdin=text).stdout)
    assert [item["start"] for item in found] == sorted(item["start"] for item in found)
    events = {item["text"] for item in found if item["type"] == "EVENT"}
    assert {"signed", "ratified"} <= events
    for item in found:
        assert text[item["start"]:item["end"]] == item["text"]
    only_timexes = json.loads(chrono("extract", "-", "--dct", "2024-06-01", "--no-events", stdin=text).stdout)
    assert all(item["type"] != "EVENT" for item in only_timexes)
    assert {item["value"] for item in only_timexes} == {"2024-05-03", "2024-05-10"}  # "a week later" after a day: that day


def test_extract_reads_dates_under_their_heading(tmp_path: Path) -> None:
    path = tmp_path / "history.md"
    path.write_text("---\ndate: 2024-01-10\n---\n## 2011\n\n- March 4: the bridge closed.\n", encoding="utf-8")
    found = json.loads(chrono("extract", str(path), "--no-events").stdout)
    assert [(t["text"], t["value"], t.get("anchor")) for t in found] == [
        ("2011", "2011", None), ("March 4", "2011-03-04", "2011")]
