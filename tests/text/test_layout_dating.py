"""Dating by layout (chrono.text.layout_dating): what dated headings, entries, datelines and
table rows claim in Markdown, HTML and plain text, and what labels do not."""

from __future__ import annotations

import pytest

from chrono.analysis import Analysis
from chrono.analyze import analyze, run_rules
from chrono.ingest import Loaded
from chrono.model import Document, Finding, Grade, Severity, grade_of
from chrono.options import Options, ReadingOptions
from chrono.problems import ConflictKind
from chrono.runner import selected_rules
from chrono.text.claims import TextPeriodClaim

KINDS = {".md": "markdown", ".html": "html", ".txt": "text"}


def _analysis(name: str, text: str, dct: str) -> Analysis:
    kind = KINDS[name[name.rindex("."):]]
    return analyze(Loaded(Document(name, text, kind)), ReadingOptions.dated(dct))


def _findings(name: str, text: str, dct: str) -> list[Finding]:
    options = Options(reading=ReadingOptions.dated(dct))
    return run_rules(_analysis(name, text, dct), selected_rules(options))


def _events(analysis: Analysis) -> dict[str, str]:
    text = analysis.document.text
    return {e.id: text[e.span.start:e.span.end] for e in analysis.events}


def _claims_on(analysis: Analysis, word: str) -> list[TextPeriodClaim]:
    ids = {event_id for event_id, words in _events(analysis).items() if words == word}
    return [c for c in analysis.claims if isinstance(c, TextPeriodClaim) and c.event in ids]


# -- entries and headings ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), [
    ("a.md", "## Ferry log\n\n- The ferry left Oban\n  14 June 2022\n- The crew rested\n"),
    ("a.html", "<html><body><h2>Ferry log</h2><ul><li>The ferry left Oban<br>14 June 2022</li>"
               "<li>The crew rested</li></ul></body></html>"),
    ("a.txt", "FERRY LOG\n\n- The ferry left Oban\n  14 June 2022\n- The crew rested\n"),
])
def test_a_date_on_the_line_under_a_bullet_dates_that_bullet(name: str, text: str) -> None:
    analysis = _analysis(name, text, "2023-01-10")
    (within,) = [c for c in _claims_on(analysis, "left") if c.conflict_kind is ConflictKind.LAYOUT]
    assert within.period.value == "2022-06-14" and grade_of(within) is Grade.STRONG
    assert _claims_on(analysis, "rested") == []


@pytest.mark.parametrize(("name", "text"), [
    ("a.md", "## Ferry log\n\n- The ferry left Oban\n- 14 June 2022: the crew returned\n"),
    ("a.html", "<html><body><ul><li>The ferry left Oban</li><li>14 June 2022: the crew returned</li>"
               "</ul></body></html>"),
    ("a.txt", "- The ferry left Oban\n- 14 June 2022 the crew returned\n"),
    ("b.txt", "The ferry left Oban\n14 June 2022: the crew returned\n"),
])
def test_a_date_in_one_item_never_dates_the_verb_of_another(name: str, text: str) -> None:
    analysis = _analysis(name, text, "2023-01-10")
    assert _claims_on(analysis, "left") == []
    assert {c.period.value for c in _claims_on(analysis, "returned")} >= {"2022-06-14"}


def test_an_undated_event_of_an_entry_is_dated_by_it_and_an_order_word_can_contradict() -> None:
    text = ("## Council diary\n\n- 20 July 2019\n  The mayor resigned after the budget vote of "
            "2 August 2019.\n- 9 September 2019\n  The council elected a new mayor.\n")
    analysis = _analysis("a.md", text, "2024-01-10")
    (within,) = [c for c in _claims_on(analysis, "resigned") if c.conflict_kind is ConflictKind.LAYOUT]
    assert (within.period.value, grade_of(within)) == ("2019-07-20", Grade.STRONG)
    assert "has no date of its own and stands under this entry" in within.describe()
    (elected,) = [c for c in _claims_on(analysis, "elected") if c.conflict_kind is ConflictKind.LAYOUT]
    assert elected.period.value == "2019-09-09"
    findings = _findings("a.md", text, "2024-01-10")
    assert [(f.rule, f.severity) for f in findings] == [("CHR303", Severity.ERROR)]
    assert "20 July 2019" in [span.text for span in findings[0].spans]


def test_events_of_a_sections_prose_are_dated_weakly_by_a_heading_that_holds_a_year() -> None:
    text = ("# Harbour\n\n## The 1912 storm\n\nThe breakwater failed. Repairs began after the "
            "harbour board met on 3 March 1914.\n")
    analysis = _analysis("a.md", text, "2024-01-10")
    layout = [c for c in _claims_on(analysis, "began") if c.conflict_kind is ConflictKind.LAYOUT]
    assert layout and all(grade_of(c) is Grade.WEAK for c in layout)
    findings = _findings("a.md", text, "2024-01-10")
    assert all(f.severity <= Severity.WARNING for f in findings)


def test_a_dateline_places_its_story_but_dates_none_of_its_events() -> None:
    text = ("OSLO, March 3 (Nordic Wire) - The minister resigned yesterday. The scandal began "
            "after a report that the ministry published.\n")
    analysis = _analysis("a.txt", text, "2024-03-05")
    assert [t.value for t in analysis.timexes][:2] == ["2024-03-03", "2024-03-02"]
    assert not [c for c in analysis.claims if getattr(c, "conflict_kind", None) is ConflictKind.LAYOUT]


def test_the_explanation_names_the_heading_and_the_entry() -> None:
    text = "## 2019\n\n- March 4: The pier reopened.\n- October 2, 2020: The ferry resumed.\n"
    (finding,) = _findings("a.md", text, "2024-05-01")
    assert finding.rule == "CHR313" and finding.severity is Severity.ERROR
    steps = [step.text for step in finding.explanation]
    assert any("“2019”" in s and "stands under this heading" in s for s in steps)
    assert any("“October 2, 2020”" in s and "the date the entry opens with" in s for s in steps)


def test_a_relative_expression_says_what_it_counted_from() -> None:
    text = "The mill opened in March 2010.\n\nOver the next year, output doubled.\n"
    analysis = _analysis("a.txt", text, "2024-05-01")
    relative = next(t for t in analysis.timexes if t.text == "the next year")
    assert (relative.value, relative.anchor) == ("2011", "2010-03")


# -- chains and stories -----------------------------------------------------------------------------


def test_repeated_relative_paragraphs_do_not_drift() -> None:
    text = ("The mill opened in March 2010.\n\nThe next year, the owners hired forty workers.\n\n"
            "The next year, the owners built a second kiln.\n")
    analysis = _analysis("a.txt", text, "2024-05-01")
    assert [(t.value, t.anchor) for t in analysis.timexes][1:] == [("2011", "2010-03"), ("2011", "2010-03")]
    assert not any(c.period.value.startswith("2012") for c in _claims_on(analysis, "built"))


def test_a_story_years_ago_keeps_its_year_for_a_date_without_one() -> None:
    text = ("On 9 May 1998, the dam failed. Two days later, the 11 May flood reached the town, "
            "which celebrates its festival now.\n")
    assert [f.rule for f in _findings("a.txt", text, "2016-04-01") if f.severity is Severity.ERROR] == []


# -- tables and labels ------------------------------------------------------------------------------


SCHEDULE = """---
date: 2024-05-01
---
## Release schedule

| Milestone | Owner | Date |
|---|---|---|
| Beta 1 released | Release team | 6 May 2024 |
| Release notes published | Docs | 20 May 2024 |
| **v3.0 released** | Release team | 3 June 2024 |

- **June 10, 2024:** Migration guide published
"""


def test_a_schedule_table_dates_each_row_and_its_planned_rows_are_no_past_events() -> None:
    analysis = _analysis("a.md", SCHEDULE, "2024-05-01")
    released = _claims_on(analysis, "released")
    assert {c.period.value for c in released} == {"2024-05-06", "2024-06-03"}
    assert {c.period.value for c in _claims_on(analysis, "published")} == {"2024-06-10"}
    assert not [c for c in analysis.claims if getattr(c, "conflict_kind", None) is ConflictKind.AFTER_DCT]
    assert [f.rule for f in _findings("a.md", SCHEDULE, "2024-05-01")] == []


@pytest.mark.parametrize(("name", "text"), [
    ("a.md", "## Notes\n\n- **June 10, 2024:** we published the migration guide\n"),
    ("a.html", "<html><body><table><tr><td>The team published the guide</td><td>10 June 2024</td>"
               "</tr></table></body></html>"),
    ("a.txt", "June 10, 2024: We published the migration guide.\n"),
])
def test_a_finite_past_verb_in_an_entry_after_the_document_date_is_an_error(name: str, text: str) -> None:
    errors = [f.rule for f in _findings(name, text, "2024-05-01") if f.severity is Severity.ERROR]
    assert errors == ["CHR302"]


@pytest.mark.parametrize(("name", "text"), [
    ("a.md", "## Plan\n\n- **June 10, 2024:** Migration guide published\n"),
    ("a.html", "<html><body><table><tr><td>Migration guide published</td><td>10 June 2024</td>"
               "</tr></table></body></html>"),
    ("a.txt", "PLAN\n\nJune 10, 2024: Migration guide published\n"),
    ("b.md", "## Migration guide published June 10, 2024\n\nDetails follow.\n"),
])
def test_a_label_makes_no_claim_against_the_document_date(name: str, text: str) -> None:
    assert [f.rule for f in _findings(name, text, "2024-05-01")] == []


def test_a_claim_on_a_date_placed_by_its_heading_names_the_heading_s_date() -> None:
    text = "## 2019\n\n- March 4: The harbour reopened.\n"
    analysis = _analysis("a.md", text, "2024-01-10")
    (dated,) = [c for c in _claims_on(analysis, "reopened") if c.period.value == "2019-03-04"]
    assert dated.describe().endswith("[“March 4” read against 2019]")
