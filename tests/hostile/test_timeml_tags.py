"""A TimeML file whose start tag runs over an end tag of its own name (found by fuzzing: the
tag locator built an element that ended before it began, and the file crashed the run)."""

from __future__ import annotations

from chrono.analyze import analyze
from chrono.ingest import Loaded
from chrono.model import Document
from chrono.options import ReadingOptions

TEXT = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type</TIMEX3>\nvalue="1998-01-08" x">the day</TIMEX3></DCT>\n'
    '<TEXT>It <EVENT eid="e1" class="OCCURRENCE">rained</EVENT>.</TEXT>\n</TimeML>\n'
)


def test_a_start_tag_running_over_an_end_tag_is_a_finding_not_a_crash() -> None:
    analysis = analyze(Loaded(Document("case.tml", TEXT, "timeml")), ReadingOptions())
    assert analysis.problems, "the malformed tag is reported"
    assert all(problem.span.start <= problem.span.end for problem in analysis.problems)
