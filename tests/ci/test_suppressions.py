"""Inline suppressions: ``# chrono: ignore[...]`` in YAML, ``<!-- chrono: ignore -->`` in
markup, and CHR004 for suppressions that suppress nothing."""

from __future__ import annotations

import json
from pathlib import Path

from ci_helpers import CLEAN, CONFLICT, Chrono, Run, write

from chrono.suppressions import parse

TIMEML_CONFLICT = """\
<?xml version="1.0" ?>
<TimeML>
<DOCID>bank</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">January 8, 1998</TIMEX3></DCT>
<TEXT>
The bank <EVENT eid="e1" class="OCCURRENCE">collapsed</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-06">Tuesday</TIMEX3>.
Depositors <EVENT eid="e2" class="OCCURRENCE">queued</EVENT> <TIMEX3 tid="t2" type="DATE" value="1998-01-05">on Monday</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l3" relType="AFTER" eventInstanceID="ei2" relatedToEventInstance="ei1"/>
</TimeML>
"""


def _findings(run: Run) -> list[tuple[str, int, str]]:
    return [(f["rule"], f["line"], f["message"]) for f in json.loads(run.out)["findings"]]


def check(chrono: Chrono, *extra: str) -> Run:
    return chrono("check", ".", "--no-cache", "--format", "json", *extra)


def test_trailing_comment_with_code_suppresses_the_line(chrono: Chrono, tmp_path: Path) -> None:
    text = CONFLICT.replace(
        "  - recapture after sudzha\n", "  - recapture after sudzha  # chrono: ignore[CHR201]\n"
    )
    write(tmp_path / "t.yaml", text)
    run = check(chrono)
    assert run.code == 0, run
    assert _findings(run) == []
    assert json.loads(run.out)["summary"]["suppressed"] == 1
    # the text report says what was hidden
    assert "(hidden: 1 by inline suppressions)" in chrono("check", ".", "--no-cache").out


def test_comment_on_any_cited_line_counts(chrono: Chrono, tmp_path: Path) -> None:
    # the chain cites line 12 ("end: by 2024-03"); a suppression there covers the finding
    write(
        tmp_path / "t.yaml",
        CONFLICT.replace("end: by 2024-03", "end: by 2024-03 # chrono: ignore[inconsistent-claims]"),
    )
    assert check(chrono).code == 0


def test_standalone_comment_covers_the_following_block(chrono: Chrono, tmp_path: Path) -> None:
    text = CONFLICT.replace(
        "  - id: recapture\n",
        "  # chrono: ignore[CHR201] -- the source is known to be wrong\n  - id: recapture\n",
    )
    write(tmp_path / "t.yaml", text)
    assert check(chrono).code == 0
    # ... but not what lies after the block
    text = CONFLICT.replace("  - id: incursion\n", "  # chrono: ignore[CHR201]\n  - id: incursion\n")
    write(tmp_path / "t.yaml", text)
    run = check(chrono)
    assert [rule for rule, _, _ in _findings(run)] == ["CHR004", "CHR201"]


def test_comment_before_a_section_covers_the_section(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "t.yaml", CONFLICT.replace("relations:\n", "# chrono: ignore\nrelations:\n"))
    assert check(chrono).code == 0


def test_bare_ignore_and_wrong_code(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "t.yaml", CONFLICT.replace("after sudzha\n", "after sudzha  # chrono: ignore\n"))
    assert check(chrono).code == 0
    write(tmp_path / "t.yaml", CONFLICT.replace("after sudzha\n", "after sudzha  # chrono: ignore[CHR101]\n"))
    run = check(chrono)
    assert run.code == 1
    assert [(rule, line) for rule, line, _ in _findings(run)] == [("CHR201", 15), ("CHR004", 15)]
    assert "CHR101 has no finding here" in _findings(run)[1][2]


def test_unused_suppressions_warn(chrono: Chrono, tmp_path: Path) -> None:
    text = CLEAN.replace("on: 2024-08-06\n", "on: 2024-08-06  # chrono: ignore[CHR201, CHR999]\n")
    text = text.replace("relations:\n", "relations:  # chrono: ignore\n")
    write(tmp_path / "t.yaml", text)
    run = check(chrono)
    assert run.code == 0  # warnings do not fail at the default fail level
    found = _findings(run)
    assert [(rule, line) for rule, line, _ in found] == [("CHR004", 6), ("CHR004", 13)]
    assert found[0][2] == "unused suppression: CHR201 has no finding here; CHR999 is not a rule"
    assert "hides no finding" in found[1][2]
    assert check(chrono, "--fail-level", "warning").code == 1
    # codes of rules that are switched off are not reported, nor is anything when CHR004 is off
    write(
        tmp_path / "t.yaml", CLEAN.replace("on: 2024-08-06\n", "on: 2024-08-06  # chrono: ignore[CHR201]\n")
    )
    assert _findings(check(chrono, "--ignore", "CHR201")) == []
    assert _findings(check(chrono, "--ignore", "CHR004")) == []


def test_hash_inside_quotes_is_not_a_comment(chrono: Chrono, tmp_path: Path) -> None:
    text = CLEAN.replace("text: Sudzha captured", "text: 'Sudzha # chrono: ignore captured'")
    write(tmp_path / "t.yaml", text)
    assert _findings(check(chrono)) == []


def test_markup_comments_in_timeml(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "bank.tml", TIMEML_CONFLICT)
    run = check(chrono)
    assert run.code == 1
    assert {rule for rule, _, _ in _findings(run)} == {"CHR201"}
    line = '<TLINK lid="l3" relType="AFTER" eventInstanceID="ei2" relatedToEventInstance="ei1"/>'
    write(tmp_path / "bank.tml", TIMEML_CONFLICT.replace(line, line + " <!-- chrono: ignore[CHR201] -->"))
    assert check(chrono).code == 0
    write(tmp_path / "bank.tml", TIMEML_CONFLICT.replace(line, "<!-- chrono: ignore -->\n" + line))
    assert check(chrono).code == 0


def test_parse_markdown_and_html_blocks() -> None:
    text = (
        "# Title\n\n"
        "<!-- chrono: ignore[CHR201] -->\n"
        "The talks began in March 2025\n"
        "and ended in February 2025.\n\n"
        "Unrelated paragraph. <!-- chrono: ignore[CHR301, date-mismatch] -->\n"
        "<!--\n  chrono: ignore\n-->\n"
        "Last line.\n"
    )
    found = parse(text, ".md")
    assert [(s.codes, s.first_line, s.last_line) for s in found] == [
        (("CHR201",), 4, 5),
        (("CHR301", "date-mismatch"), 7, 7),
        (None, 11, 11),
    ]
    assert text[found[0].span.start : found[0].span.end] == "chrono: ignore[CHR201]"
    assert parse(text, ".json") == ()
    assert parse("chrono: ignored # chrono: ignore-file\n", ".yaml") == ()


MARKDOWN = """\
---
title: Council budget vote
date: 2024-03-08
---
The city council approved the budget on Monday, March 5, 2024, by 31 votes to 12.

The mayor signed it the same week.
"""


def test_markdown_comments(chrono: Chrono, tmp_path: Path) -> None:
    write(tmp_path / "vote.md", MARKDOWN)
    run = check(chrono)
    assert [(rule, line) for rule, line, _ in _findings(run)] == [("CHR307", 5)]
    # a trailing comment on the line
    write(tmp_path / "vote.md", MARKDOWN.replace("to 12.\n", "to 12. <!-- chrono: ignore[CHR307] -->\n"))
    assert _findings(check(chrono)) == []
    # a comment on its own line covers the paragraph that follows, not the next one
    write(
        tmp_path / "vote.md",
        MARKDOWN.replace("---\nThe city", "---\n<!-- chrono: ignore[CHR307] -->\nThe city"),
    )
    assert _findings(check(chrono)) == []
    moved = MARKDOWN.replace(
        "---\nThe city", "---\n<!-- chrono: ignore[CHR307] -->\n\nThe mayor left.\n\nThe city"
    )
    write(tmp_path / "vote.md", moved)
    assert [rule for rule, _, _ in _findings(check(chrono))] == ["CHR004", "CHR307"]


def test_html_comments(chrono: Chrono, tmp_path: Path) -> None:
    page = (Path(__file__).parents[2] / "examples" / "quarterly-results-future-report.html").read_text()
    write(tmp_path / "page.html", page)
    assert [rule for rule, _, _ in _findings(check(chrono))] == ["CHR302"]
    write(tmp_path / "page.html", page.replace("<p>Norland", "<!-- chrono: ignore[CHR302] -->\n<p>Norland"))
    assert _findings(check(chrono)) == []
