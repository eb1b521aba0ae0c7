"""Every reader takes any bytes: the fuzz targets (tests/fuzz/targets.py) on Hypothesis inputs.
atheris runs the same targets coverage-guided, by hand (see that module)."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from targets import config, prose, timeline, timeml

# Fragments that steer random bytes into each reader's syntax, so the inputs get past the parsers.
PROSE = ["On 3 May 2024", "two days later", "Monday", "born in 1950", "died at 71", "since", "after",
         "the summit", "---\ndate: 2024-05-05\n---\n", "## 2019\n", "- March 4: ", "<p>", "\r", "\n\n",
         "Q3 2023", "the spring of 2021", "\u202e", "\x00"]
TIMELINE = ["events:\n", "  - {id: a, on: 2024-08}\n", "relations:\n", "  - a after b\n", "dct: 2025-04-24\n",
            "&a [*a]", "<<: *x\n", "{", "[", "duration: P99999999999Y\n", "on: 9999\n", "\t", "'"]
TIMEML = ['<?xml version="1.0" ?>', "<TimeML>", "</TimeML>", "<TEXT>", "</TEXT>", "<DCT>",
          '<TIMEX3 tid="t1" type="DATE" value="1998-02-30">', "</TIMEX3>", '<EVENT eid="e1">', "</EVENT>",
          '<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>',
          '<MAKEINSTANCE eventID="e1" eiid="ei1"/>', "&amp;", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "/etc/passwd"]
CONFIG = ['select = ["CHR"]\n', 'exclude = ["[z-a]"]\n', 'dct = "2025-02-30"\n', "max-file-size = -1\n",
          "[severity]\nCHR201 = 'loud'\n", 'hemisphere = "east"\n', "file-time-limit = 1e999\n", "x = 1\n"]


def _mixed(fragments: list[str]) -> st.SearchStrategy[bytes]:
    piece = st.one_of(st.sampled_from(fragments), st.text(max_size=12))
    return st.lists(piece, max_size=25).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@SETTINGS
@given(st.integers(0, 2), st.one_of(_mixed(PROSE), st.binary(max_size=200)))
def test_prose_reader_takes_any_input(kind: int, data: bytes) -> None:
    prose(bytes([kind]) + data)


@SETTINGS
@given(st.integers(0, 1), st.one_of(_mixed(TIMELINE), st.binary(max_size=200)))
def test_timeline_loader_takes_any_input(kind: int, data: bytes) -> None:
    timeline(bytes([kind]) + data)


@SETTINGS
@given(st.one_of(_mixed(TIMEML), st.binary(max_size=200)))
def test_timeml_reader_takes_any_input(data: bytes) -> None:
    timeml(data)


@SETTINGS
@given(st.one_of(_mixed(CONFIG), st.binary(max_size=200)))
def test_configuration_loader_takes_any_input(data: bytes) -> None:
    config(data)
