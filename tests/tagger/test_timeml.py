"""TimeML reader and writer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chrono.tagger import extract
from chrono.timeml import TimeMLError, parse_timeml, read_timeml, write_timeml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" temporalFunction="false" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TEXT>
Prices <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <SIGNAL sid="s1">on</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="1998-02-12" temporalFunction="true" anchorTimeID="t0" functionInDocument="NONE">Thursday</TIMEX3> &amp; rose
for <TIMEX3 tid="t2" type="DURATION" value="P2D" mod="APPROX" temporalFunction="false" functionInDocument="NONE">about two days</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" signalID="s1" />
<TLINK lid="l2" relType="BEFORE" timeID="t1" relatedToTime="t0" />
</TimeML>
"""


def test_reader_offsets_attributes_and_links() -> None:
    doc = parse_timeml(DOC)
    assert doc.doc_id == "demo-1"
    assert doc.dct == "1998-02-13"
    assert doc.text.startswith("\nPrices fell on Thursday & rose")
    first, second = doc.timexes
    assert doc.text[first.start:first.end] == "Thursday" == first.text
    assert (first.tid, first.type, first.value, first.anchor_time_id) == ("t1", "DATE",
                                                                         "1998-02-12", "t0")
    assert first.temporal_function is True
    assert first.line == 6
    assert (second.value, second.mod, second.line) == ("P2D", "APPROX", 7)
    (event,) = doc.events
    assert (event.eid, event.event_class, doc.text[event.start:event.end]) == ("e1", "OCCURRENCE",
                                                                             "fell")
    (signal,) = doc.signals
    assert doc.text[signal.start:signal.end] == "on"
    (instance,) = doc.makeinstances
    assert (instance.eiid, instance.event_id, instance.tense, instance.pos) == ("ei1", "e1",
                                                                                "PAST", "VERB")
    link, timelink = doc.tlinks
    assert (link.source, link.source_kind, link.target, link.target_kind) == ("ei1", "event",
                                                                              "t1", "time")
    assert (link.signal_id, link.line) == ("s1", 10)
    assert (timelink.source_kind, timelink.target) == ("time", "t0")
    assert set(doc.timex_by_id()) == {"t0", "t1", "t2"}


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML>\n<TEXT>\nan <TIMEX3 tid='t1'>open tag\n</TEXT>\n</TimeML>\n",
                    encoding="utf-8")
    with pytest.raises(TimeMLError, match=r"bad\.tml:4:") as caught:
        read_timeml(path)
    assert caught.value.line == 4


def test_missing_text_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="no <TEXT>"):
        parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>")
    with pytest.raises(TimeMLError, match="cannot read"):
        read_timeml(tmp_path / "missing.tml")


def test_writer_round_trip() -> None:
    text = "Markets fell on April 24, 2025 & rose for three weeks <again>."
    timexes = extract(text, "2025-04-30")
    document = write_timeml(text, timexes, "2025-04-30", "round-trip")
    back = parse_timeml(document)
    assert back.text == text
    assert back.dct == "2025-04-30"
    assert [(t.text, t.type, t.value) for t in back.timexes] == [
        ("April 24, 2025", "DATE", "2025-04-24"),
        ("three weeks", "DURATION", "P3W"),
    ]


CORPUS = Path(os.environ.get("CHRONO_TBAQ", "/work/shared/corpora/tbaq"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="TimeBank+AQUAINT corpus not available")
def test_reads_the_whole_gold_corpus() -> None:
    files = sorted(CORPUS.rglob("*.tml"))
    total = 0
    for path in files:
        doc = read_timeml(path)
        assert doc.dct is not None
        for timex in doc.timexes:
            assert doc.text[timex.start:timex.end] == timex.text
        total += len(doc.timexes)
    assert total == 1822
