"""Protocol positions: UTF-16 code units by default, code points or UTF-8 bytes when negotiated;
lines end at LF, CRLF or a lone CR."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.server.positions import UTF8, UTF16, UTF32, LineMap, units

TEXT = "title\n😀😀 a 2024 b\r\nlast é\rend"


def test_units_per_encoding() -> None:
    assert [units("😀é", encoding) for encoding in (UTF16, UTF32, UTF8)] == [3, 2, 6]


@pytest.mark.parametrize(("encoding", "column"), [(UTF16, 7), (UTF32, 5), (UTF8, 11)])
def test_a_non_bmp_character_before_the_span_counts_in_the_negotiated_units(
    encoding: str, column: int
) -> None:
    lines = LineMap.of(TEXT, encoding)
    offset = TEXT.index("2024")
    assert lines.position(offset) == (1, column)
    assert lines.offset(1, column) == offset


def test_every_line_end_convention_starts_a_line() -> None:
    lines = LineMap.of(TEXT)
    assert lines.position(TEXT.index("last")) == (2, 0)
    assert lines.position(TEXT.index("end")) == (3, 0)
    # the end of a CRLF line is before its CR, and an offset inside the CRLF stays on the line
    assert lines.position(TEXT.index("\r\n") + 1) == (1, len("😀😀 a 2024 b") + 2)


def test_positions_outside_the_text_are_clamped_as_the_protocol_asks() -> None:
    lines = LineMap.of(TEXT)
    assert lines.offset(0, 99) == len("title")
    assert lines.offset(99, 0) == len(TEXT)
    assert lines.offset(1, 1) == TEXT.index("😀")  # inside a surrogate pair: the code point's start
    assert lines.position(10_000) == lines.position(len(TEXT))


@given(
    st.lists(st.sampled_from(["a", "é", "😀", "\n", "\r", "\r\n", "𝄞"]), max_size=40).map("".join), st.data()
)
def test_offsets_round_trip(text: str, data: st.DataObject) -> None:
    for encoding in (UTF16, UTF32, UTF8):
        lines = LineMap.of(text, encoding)
        offset = data.draw(st.integers(0, len(text)))
        if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
            continue  # inside a line end: no position names it
        assert lines.offset(*lines.position(offset)) == offset
