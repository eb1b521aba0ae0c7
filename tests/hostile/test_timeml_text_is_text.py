"""A TimeML document's text is only ever parsed, never taken for the name of a file to open.

The reader once accepted "a path or XML text" and told them apart by the first character, so a
one-line ``.tml`` file holding a path was read from that path: another file's contents ended up
in the findings and the report, ``/dev/zero`` filled memory and a FIFO hung the run.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from pathlib import Path

import pytest

from chrono.options import Options
from chrono.output import to_json
from chrono.runner import check
from chrono.timeml import TimeMLError, parse_relations, parse_timeml, read_relations, read_timeml

SECRET = "the-private-words-nobody-may-read"
PRIVATE = f"""<TimeML><DOCID>private</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>{SECRET} <TIMEX3 tid="t1" type="DATE" value="1998-02-12">{SECRET}</TIMEX3></TEXT></TimeML>
"""


def test_a_path_in_a_tml_file_is_not_followed(tmp_path: Path) -> None:
    private = tmp_path / "elsewhere" / "private.tml"
    private.parent.mkdir()
    private.write_text(PRIVATE, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pointer.tml").write_text(str(private), encoding="utf-8")
    report = check([str(corpus)], Options())
    rendered = to_json(report)
    assert SECRET not in rendered
    finding = json.loads(rendered)["findings"][0]
    assert finding["rule"] == "CHR501"  # malformed TimeML: it is text, and not XML


def test_a_fifo_named_in_a_tml_file_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "pointer.tml").write_text(str(fifo), encoding="utf-8")

    def unblock() -> None:
        # If the reader opened the FIFO, it waits for a writer: after a while, be one and close
        # at once (end of file), so the test fails instead of hanging. Nobody waiting: no-op.
        time.sleep(3)
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    threading.Thread(target=unblock, daemon=True).start()
    started = time.perf_counter()
    report = check([str(tmp_path / "pointer.tml")], Options())
    assert time.perf_counter() - started < 2
    assert [f.rule for f in report.findings] == ["CHR501"]


def test_text_and_files_take_separate_functions(tmp_path: Path) -> None:
    path = tmp_path / "private.tml"
    path.write_text(PRIVATE, encoding="utf-8")
    assert read_timeml(path).timexes[0].text == SECRET
    assert parse_timeml(PRIVATE).timexes[0].text == SECRET
    with pytest.raises(TimeMLError, match="malformed"):
        parse_timeml(str(path))  # a path given as text is text
    with pytest.raises(TypeError):
        read_timeml(PRIVATE)  # type: ignore[arg-type]  # text is not a file name
    rows = tmp_path / "rows.txt"
    rows.write_text("doc e1 e2 b\n", encoding="utf-8")
    assert read_relations(rows)["doc"][0].rel_type == "BEFORE"
    assert parse_relations("doc e1 e2 b")["doc"][0].rel_type == "BEFORE"
    with pytest.raises(TimeMLError):
        parse_relations(str(rows))
    with pytest.raises(TypeError):
        read_relations("doc e1 e2 b\n")  # type: ignore[arg-type]
