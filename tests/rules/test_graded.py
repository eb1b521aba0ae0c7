"""A conflict that rests on an uncertain reading is a warning that says so, never an error."""

from __future__ import annotations

from chrono.analysis import Analysis
from chrono.analyze import run_rules
from chrono.model import Document, Event, EventExists, Grade, Part, Qualifier, Severity, Span
from chrono.network import NodeIndex, solve
from chrono.periods import parse_value
from chrono.problems import ConflictKind
from chrono.registry import all_rules
from chrono.text.claims import TextPeriodClaim

TEXT = "The visit was on 3 May 2024. The visit ended on 1 May 2024."


def _analysis(grade: Grade) -> Analysis:
    event = Event("visit", "visit", Span(4, 9))
    claims = (
        EventExists("visit", Span(4, 9)),
        TextPeriodClaim("visit", Part.START, Qualifier.IN, parse_value("2024-05-03"), Span(4, 27),
                        words=TEXT[4:27], conflict_kind=ConflictKind.NAMED_EVENT),
        TextPeriodClaim("visit", Part.END, Qualifier.IN, parse_value("2024-05-01"), Span(33, 58),
                        words=TEXT[33:58], conflict_kind=ConflictKind.NAMED_EVENT, grade=grade,
                        via="'The visit' (1:34) is the visit of 1:5"),
    )
    weak = frozenset(i for i, c in enumerate(claims) if getattr(c, "grade", Grade.STRONG) is Grade.WEAK)
    solution = solve(claims, NodeIndex(["visit"]), structural=frozenset({0}), weak=weak)
    return Analysis(Document("a.txt", TEXT, "text"), (event,), claims, (), solution, frozenset({0}))


def test_a_certain_conflict_is_an_error() -> None:
    (finding,) = [f for f in run_rules(_analysis(Grade.STRONG), all_rules()) if f.rule == "CHR309"]
    assert finding.severity is Severity.ERROR
    assert "uncertain" not in finding.message


def test_a_conflict_through_an_uncertain_link_is_a_warning_that_shows_the_link() -> None:
    (finding,) = [f for f in run_rules(_analysis(Grade.WEAK), all_rules()) if f.rule == "CHR309"]
    assert finding.severity is Severity.WARNING
    assert finding.message.endswith("(a link in this chain is uncertain: check it before you correct anything)")
    assert any("is the visit of 1:5" in step.text for step in finding.explanation)
