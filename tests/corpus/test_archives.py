"""Corpus archives as input (chrono.corpus.archives): JSON Lines, CSV and Parquet records as
documents named FILE#ID, malformed records as findings of their own, through `chrono check`."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from chrono.corpus.archives import ArchiveFields, BadRecord, Record, records

ROWS = [
    {"url": "https://a.example/1", "published": "2025-04-20",
     "body": "Russian troops recaptured Sudzha in March 2025, officials said."},
    {"url": "https://b.example/2", "published": "2025-04-21",
     "body": "Sudzha was retaken in March 2025 after weeks of fighting."},
    {"url": "https://c.example/3", "published": "2025-04-22",
     "body": "The recapture of Sudzha in March 2024 ended the incursion."},
]
FIELDS = ("--text-field", "body", "--date-field", "published", "--id-field", "url")


def chrono(*args: str, cwd: Path, output: str = "json") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chrono", *args, "--no-cache", "--format", output],
        capture_output=True, text=True, cwd=cwd, timeout=120,
        env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": str(Path(tempfile.gettempdir()) / "chrono-test-home")},
    )


def findings(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int]]:
    assert result.returncode in (0, 1), result.stderr
    return [(f["rule"], f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]]


def test_jsonl_records_are_documents_and_a_broken_one_is_a_finding(tmp_path: Path) -> None:
    with open(tmp_path / "articles.jsonl", "w", encoding="utf-8") as stream:
        stream.write(json.dumps(ROWS[0]) + "\n")
        stream.write('{"url": "broken", "body": \n')
        stream.write(json.dumps({"url": "n", "body": 42}) + "\n")
        for row in ROWS[1:]:
            stream.write(json.dumps(row) + "\n")
    result = chrono("check", "articles.jsonl", *FIELDS, cwd=tmp_path)
    found = findings(result)
    assert ("CHR601", "articles.jsonl#https://c.example/3", 1) in found
    assert ("CHR002", "articles.jsonl#2", 1) in found  # line 2: not JSON
    assert ("CHR002", "articles.jsonl#3", 1) in found  # line 3: a number is no text
    assert len(found) == 3
    assert json.loads(result.stdout)["summary"]["files"] == 5


def test_csv_records_with_the_date_of_their_field(tmp_path: Path) -> None:
    with open(tmp_path / "articles.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=["url", "published", "body"])
        writer.writeheader()
        writer.writerows(ROWS)
    found = findings(chrono("check", "articles.csv", *FIELDS, cwd=tmp_path))
    assert found == [("CHR601", "articles.csv#https://c.example/3", 1)]


def test_parquet_records(tmp_path: Path) -> None:
    pyarrow = pytest.importorskip("pyarrow", reason="Parquet archives need the `parquet` extra (pyarrow)")
    import pyarrow.parquet as parquet

    parquet.write_table(pyarrow.Table.from_pylist(ROWS), tmp_path / "articles.parquet")
    found = findings(chrono("check", "articles.parquet", *FIELDS, cwd=tmp_path))
    assert found == [("CHR601", "articles.parquet#https://c.example/3", 1)]


def test_records_are_read_one_at_a_time_and_an_oversized_one_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(json.dumps({"text": "x" * 5000}) + "\n")
        stream.write(json.dumps({"text": "A short one."}) + "\n")
    stream_of = records(path, "big.jsonl", ArchiveFields(), max_bytes=1000)
    first = next(stream_of)
    assert isinstance(first, BadRecord) and "over the size limit" in first.message
    second = next(stream_of)
    assert isinstance(second, Record) and second.text == "A short one." and second.path == "big.jsonl#2"


def test_an_archive_that_cannot_be_opened_is_a_finding(tmp_path: Path) -> None:
    found = findings(chrono("check", "missing.jsonl", cwd=tmp_path))
    assert found == [("CHR001", "missing.jsonl", 1)]


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def test_a_folder_s_archives_are_read_when_their_fields_are_named(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "news" / "wire.jsonl", ROWS)
    (tmp_path / "news" / "prices.csv").write_text("item,price\nbread,2\n", encoding="utf-8")
    # without archive fields, a folder's .jsonl and .csv files are data beside the documents
    assert findings(chrono("check", "news", cwd=tmp_path)) == []
    found = findings(chrono("check", "news", *FIELDS, cwd=tmp_path))
    assert ("CHR601", "news/wire.jsonl#https://c.example/3", 1) in found
    # the CSV file has no 'body' column: each of its rows is a finding of its own
    assert ("CHR002", "news/prices.csv#1", 1) in found and len(found) == 2


def test_record_paths_work_with_baselines_suppressions_and_sarif(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "wire.jsonl", ROWS)
    assert chrono("check", "wire.jsonl", *FIELDS, "--write-baseline", "base.json", cwd=tmp_path).returncode == 0
    assert findings(chrono("check", "wire.jsonl", *FIELDS, "--baseline", "base.json", cwd=tmp_path)) == []

    sarif = json.loads(chrono("check", "wire.jsonl", *FIELDS, cwd=tmp_path, output="sarif").stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "wire.jsonl%23https%3A//c.example/3"
    related = {r["physicalLocation"]["artifactLocation"]["uri"] for r in result["relatedLocations"]}
    assert related & {"wire.jsonl%23https%3A//a.example/1", "wire.jsonl%23https%3A//b.example/2"}

    # a suppression comment in the record at odds, or in every record it may cite, hides it
    for suppressed in ([2], [0, 1]):
        rows = [dict(row) for row in ROWS]
        for number in suppressed:
            rows[number]["body"] = "<!-- chrono: ignore[CHR601] -->\n" + rows[number]["body"]
        write_jsonl(tmp_path / "wire.jsonl", rows)
        result = chrono("check", "wire.jsonl", *FIELDS, cwd=tmp_path)
        report = json.loads(result.stdout)
        assert [f["rule"] for f in report["findings"]] in ([], ["CHR004"]), report["findings"]
        assert report["summary"]["suppressed"] == 1


def test_a_second_run_reuses_the_results_of_unchanged_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chrono import parallel
    from chrono.options import Options
    from chrono.runner import check

    read: list[str] = []
    process_record = parallel.process_record

    def counting(record: Record | BadRecord, *args: object) -> parallel.FileResult:
        read.append(record.path)
        return process_record(record, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "process_record", counting)
    write_jsonl(tmp_path / "wire.jsonl", ROWS)
    archive = str(tmp_path / "wire.jsonl")
    fields = ArchiveFields("body", "published", "url")

    def run() -> list[tuple[str, str]]:
        report = check([archive], Options(), cache_dir=str(tmp_path / "cache"), archive_fields=fields)
        return [(f.rule, f.path) for f in report.findings]

    first = run()
    assert first == [("CHR601", f"{archive}#https://c.example/3")] and len(read) == 3
    read.clear()
    assert run() == first and read == []  # every record from the cache, the corpus rules rerun
    rows = [dict(row) for row in ROWS]
    rows[2]["body"] = "The recapture of Sudzha in March 2025 ended the incursion."
    write_jsonl(tmp_path / "wire.jsonl", rows)
    assert run() == [] and read == [f"{archive}#https://c.example/3"]  # only the changed record


def test_a_damaged_parquet_row_group_is_a_finding_and_the_other_groups_are_read(tmp_path: Path) -> None:
    pyarrow = pytest.importorskip("pyarrow", reason="Parquet archives need the `parquet` extra (pyarrow)")
    import pyarrow.parquet as parquet

    rows = [{"id": str(i), "published": "2025-04-20", "body": f"Sudzha was retaken in March 2025 ({i}). " * 10}
            for i in range(120)]
    parquet.write_table(pyarrow.Table.from_pylist(rows), tmp_path / "wire.parquet", row_group_size=30,
                        compression="NONE")
    data = bytearray((tmp_path / "wire.parquet").read_bytes())
    middle = len(data) // 2
    data[middle : middle + 500] = b"\xff" * 500  # inside the second or third row group's pages
    (tmp_path / "wire.parquet").write_bytes(bytes(data))
    result = chrono("check", "wire.parquet", "--text-field", "body", "--date-field", "published",
                    "--id-field", "id", cwd=tmp_path)
    report = json.loads(result.stdout)
    [broken] = [f for f in report["findings"] if f["rule"] == "CHR002"]
    assert "row group" in broken["message"] and "cannot be read" in broken["message"]
    # every other row group's records were checked: 120 rows less at most one group of 30
    assert 120 - 30 + 1 <= report["summary"]["files"] < 120


def test_records_read_before_an_archive_fails_are_still_checked() -> None:
    from chrono.corpus.archives import ArchiveError
    from chrono.parallel import _batches

    def failing() -> Iterator[Record | BadRecord]:
        for number in range(1, 4):
            yield Record(f"a.jsonl#{number}", "text", None, number)
        raise ArchiveError("a.jsonl: cannot read the archive: Input/output error")

    batches = _batches(failing(), 2)
    assert [r.number for r in next(batches)] == [1, 2]
    assert [r.number for r in next(batches)] == [3]
    with pytest.raises(ArchiveError):
        next(batches)
