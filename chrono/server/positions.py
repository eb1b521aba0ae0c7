"""Positions as the Language Server Protocol counts them, and back to code-point offsets.

chrono's offsets count code points of the text. A protocol position is a 0-based line and a
character offset within the line, counted in the code units of the encoding negotiated at
``initialize``: UTF-16 unless the client offers another (LSP 3.17 ``positionEncoding``), so
"🙂" is one code point but two UTF-16 units and four UTF-8 bytes. Lines end at "\\n", "\\r\\n"
or a lone "\\r", whatever the document's own convention.
"""

from __future__ import annotations

import bisect
import re

import attrs

UTF16, UTF32, UTF8 = "utf-16", "utf-32", "utf-8"
ENCODINGS = (UTF16, UTF32, UTF8)

_LINE_END = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` the text takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF16:
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text.encode("utf-8", "surrogatepass"))


@attrs.frozen
class LineMap:
    """Line starts of one text, to turn offsets into positions in ``encoding`` and back."""

    text: str = attrs.field(repr=False)
    encoding: str = attrs.field(validator=attrs.validators.in_(ENCODINGS))
    # code-point offset where each line starts, and where its content ends (before its line end)
    starts: tuple[int, ...] = attrs.field(repr=False)
    ends: tuple[int, ...] = attrs.field(repr=False)

    @classmethod
    def of(cls, text: str, encoding: str = UTF16) -> LineMap:
        starts, ends = [0], []
        for match in _LINE_END.finditer(text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(text))
        return cls(text, encoding, tuple(starts), tuple(ends))

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character), both 0-based, of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        # an offset inside a "\r\n" stands at the end of its line's content
        offset = min(offset, self.ends[line])
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a position. As the protocol asks, a character past the end of
        its line means the line's end and a line past the last means the end of the text; a
        character inside a code point (half a surrogate pair) means that code point's start."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        content = self.text[start:end]
        if self.encoding == UTF32 or content.isascii():
            return start + max(0, min(character, len(content)))
        counted = 0
        for index, char in enumerate(content):
            counted += units(char, self.encoding)
            if counted > character:
                return start + index
        return end
