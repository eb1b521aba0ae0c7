"""The examples/ corpus: clean documents pass, each flawed one fails with exactly its rule, at
its span (the first cited words), and through the CLI with the documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chrono.model import Severity
from chrono.options import Options
from chrono.runner import check

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

CLEAN = [
    "river-crossing.md",
    "treaty-ratification.md",
    "quarterly-results.html",
    "probe-landing.md",
    "cup-final.txt",
    "painter-life.md",
    "council-vote.md",
    "harbour-festival.md",
    "ferry-timetable.md",
    "bridge-repairs.md",
    "lantern-parade.md",
    "village-hall-reopening.md",
    "coast-path-log.md",
]

# file -> (rule, line, column, the words the finding cites first)
FLAWED = {
    "river-crossing-recaptured-early.md": (
        "CHR306", 8, 14, "By July 2024, however, the town had been recaptured"),
    "rate-decision-out-of-order.md": ("CHR303", 5, 70, "meeting on 9 May 2023"),
    "quarterly-results-future-report.html": ("CHR302", 10, 82, "reported on\nMay 12, 2025"),
    "probe-landing-miscounted.md": ("CHR304", 5, 58, "Two days later, on 11 March 2024, the\nprobe deployed"),
    "cup-final-too-long.txt": ("CHR305", 1, 76, "ran from 2 to\n25 June 2023"),
    "painter-life-wrong-age.md": ("CHR308", 7, 28, "at the age of 91"),
    "council-vote-weekday.md": ("CHR307", 5, 41, "Monday, March 5, 2024"),
    "harbour-festival-wrong-holiday.md": ("CHR311", 5, 32, "Bastille Day, 15 July"),
    "ferry-timetable-wrong-season.md": ("CHR312", 7, 34, "last summer"),
    "bridge-repairs-timeline-mismatch.md": ("CHR316", 16, 5, "30 May** – Bridge reopened"),
    "lantern-parade-stale-preview.md": ("CHR317", 6, 37, "return on Saturday 16 September"),
    "village-hall-reopening-stale-headline.md": ("CHR318", 6, 28, "reopen on Saturday 18 May"),
    "coast-path-log-wrong-day.md": ("CHR319", 27, 12, "Thursday 19 June"),
}


def test_the_corpus_is_balanced_and_complete() -> None:
    prose = {p.name for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt", ".html")}
    assert prose == set(CLEAN) | set(FLAWED)
    assert len(prose) >= 12
    assert len({rule for rule, *_ in FLAWED.values()}) == len(FLAWED)  # one rule per flawed file


@pytest.mark.parametrize("name", CLEAN)
def test_clean_example_has_no_error(name: str) -> None:
    report = check([str(EXAMPLES / name)], Options())
    assert not [f for f in report.findings if f.severity >= Severity.ERROR], [
        f.message for f in report.findings
    ]


@pytest.mark.parametrize("name", sorted(FLAWED))
def test_flawed_example_yields_its_rule_at_its_span(name: str) -> None:
    rule, line, column, words = FLAWED[name]
    report = check([str(EXAMPLES / name)], Options())
    errors = [f for f in report.findings if f.severity >= Severity.ERROR]
    assert [f.rule for f in errors] == [rule], [f.message for f in errors]
    finding = errors[0]
    assert (finding.line, finding.column) == (line, column)
    assert finding.spans[0].text == words


def test_cli_exit_codes_over_the_examples() -> None:
    clean = [str(EXAMPLES / name) for name in CLEAN]
    done = subprocess.run([sys.executable, "-m", "chrono", "check", *clean], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    flawed = [str(EXAMPLES / name) for name in sorted(FLAWED)]
    done = subprocess.run(
        [sys.executable, "-m", "chrono", "check", "--format", "json", *flawed], capture_output=True, text=True
    )
    assert done.returncode == 1
    rules = sorted(f["rule"] for f in json.loads(done.stdout)["findings"] if f["severity"] == "error")
    assert rules == sorted(rule for rule, *_ in FLAWED.values())
