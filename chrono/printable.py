"""File names and document text, made safe for each output format.

What a document says and what its file is called are data: they must never act on what shows
chrono's output, nor make an output invalid.

- A file name with a byte that is not UTF-8 reaches chrono as a lone surrogate (Python's
  ``surrogateescape``: byte 0xff is U+DCFF). Every format writes such a byte as the four
  characters ``\\xff``, so every output is valid UTF-8 and still says which byte it was (U+FFFD
  would lose it; JSON's ``\\udcff`` would stand for no character at all). SARIF's URIs
  percent-encode the byte itself (``%FF``), which names the real file.
- :func:`for_terminal` (the text format, GitHub annotations): control characters (C0, DEL, C1)
  and bidirectional controls are written as Python escapes (``\\x1b``, ``\\n``, ``\\u202e``), so
  a document can neither move the cursor, retitle or clear the terminal, break a line of the
  output, nor reorder what is shown.
- :func:`for_xml` (JUnit): the characters XML 1.0 forbids, written the same way.
- :func:`utf8_json`: JSON (and SARIF) as ``json.dumps`` writes it, with stray bytes as above;
  JSON escapes control characters itself.
"""

from __future__ import annotations

import json
import re
from typing import Any

from chrono.lazy_regex import lazy_compile

_SURROGATES = "\ud800-\udfff"
# C0 controls, DEL, C1 controls, the bidirectional marks, embeddings, overrides and isolates
_TERMINAL = lazy_compile(f"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069{_SURROGATES}]")
_XML = lazy_compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff{_SURROGATES}]")
_STRAY = lazy_compile(f"[{_SURROGATES}]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape(character: str) -> str:
    """The visible spelling of one character: ``\\n``, ``\\x1b``, ``\\u202e``; a surrogate that
    stands for a byte of a file name (U+DC80-U+DCFF) is that byte, ``\\xff``."""
    code = ord(character)
    if character in _SHORT:
        return _SHORT[character]
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _escaped(match: re.Match[str]) -> str:
    return escape(match[0])


def for_terminal(text: str) -> str:
    return _TERMINAL.sub(_escaped, text)


def for_xml(text: str) -> str:
    return _XML.sub(_escaped, text)


def for_utf8(text: str) -> str:
    """Only the stray bytes of file names escaped: every other character is valid UTF-8."""
    return _STRAY.sub(_escaped, text)


def _json_escaped(match: re.Match[str]) -> str:
    return "\\" + escape(match[0])  # inside a JSON string the backslash is written twice


def utf8_json(data: Any, **options: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, **options)`` with a file name's stray bytes written
    ``\\xff``. (``json.dumps`` passes lone surrogates through unescaped, and they can only be
    inside strings, so they are replaced in the text it writes.)"""
    return _STRAY.sub(_json_escaped, json.dumps(data, ensure_ascii=False, **options))
