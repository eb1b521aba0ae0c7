"""TimeML annotation tags nested inside each other, or an id used again and again: read in
linear time and memory, and reported once.

TIMEX3, EVENT and SIGNAL hold only words in TimeML. 2,000 TIMEX3 tags nested with one tid (a
100 KB file) once took 0.5 GB: every element kept its own copy of the text inside it, and each
repeat of the tid was a finding citing the outermost element, all of it.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from chrono.model import Finding
from chrono.options import Options
from chrono.runner import check
from chrono.timeml import parse_timeml

DCT = '<DCT><TIMEX3 tid="t0" type="DATE" value="2025-04-24" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>'


def nested(depth: int, same_id: bool) -> str:
    opening = "".join(f'<TIMEX3 tid="t{1 if same_id else i + 1}" type="DATE" value="2024">x' for i in range(depth))
    return f"<TimeML>{DCT}<TEXT>{opening}{'</TIMEX3>' * depth}</TEXT></TimeML>\n"


def _check(tmp_path: Path, content: str) -> tuple[list[Finding], int]:
    path = tmp_path / "doc.tml"
    path.write_text(content, encoding="utf-8")
    tracemalloc.start()
    try:
        findings = list(check([str(path)], Options()).findings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return findings, peak


def test_nested_tags_are_left_out_and_reported_once(tmp_path: Path) -> None:
    for same_id in (True, False):
        content = nested(2_000, same_id)
        findings, peak = _check(tmp_path, content)
        assert peak < 40 * len(content), peak  # linear: ~100 KB in, a few MB at most
        (finding,) = findings
        assert finding.rule == "CHR501"
        assert "TIMEX3 t1 holds 1,999 tags" in finding.message


def test_the_reader_keeps_the_outer_element_only() -> None:
    document = parse_timeml(nested(3, same_id=False))
    (timex,) = document.timexes
    assert (timex.tid, timex.text) == ("t1", "xxx")
    (note,) = document.nested
    assert (note.tag, note.ident, note.count) == ("TIMEX3", "t1", 2)


def test_an_id_used_many_times_is_reported_once(tmp_path: Path) -> None:
    siblings = " ".join('<TIMEX3 tid="t1" type="DATE" value="2024">2024</TIMEX3>' for _ in range(500))
    findings, _ = _check(tmp_path, f"<TimeML>{DCT}<TEXT>{siblings}</TEXT></TimeML>\n")
    (finding,) = findings
    assert finding.message == "TIMEX3 id t1 is used 500 times (the first one counts)"


def test_each_outer_element_counts_its_own_tags() -> None:
    text = (
        '<EVENT eid="e1">left <SIGNAL sid="s1">at</SIGNAL></EVENT> and '
        '<EVENT eid="e2">came <SIGNAL sid="s2">back</SIGNAL> <SIGNAL sid="s3">in</SIGNAL></EVENT>'
    )
    document = parse_timeml(f"<TimeML>{DCT}<TEXT>{text}</TEXT></TimeML>\n")
    assert [(n.ident, n.count) for n in document.nested] == [("e1", 1), ("e2", 2)]
    assert [e.text for e in document.events] == ["left at", "came back in"]
    assert document.signals == ()
