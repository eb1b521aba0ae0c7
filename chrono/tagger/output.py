"""Rendering tagger output for ``chrono extract`` (JSON and plain text)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from chrono.tagger.timex import Timex


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def render(text: str, timexes: Sequence[Timex], fmt: str = "json") -> str:
    """``json``: the DESIGN.md list ``[{"start","end","text","type","value", ...}]``;
    ``text``: one line per expression, ``line:column TYPE value "text"``."""
    if fmt == "json":
        return json.dumps([t.to_json() for t in timexes], ensure_ascii=False, indent=2)
    if fmt == "text":
        lines = []
        for timex in timexes:
            line, column = _line_column(text, timex.start)
            extra = []
            if timex.mod:
                extra.append(f"mod={timex.mod}")
            if timex.signal:
                extra.append(f"signal={timex.signal}")
            if timex.range_id is not None:
                extra.append(f"range={timex.range_id}:{timex.range_role}")
            if timex.ambiguous:
                extra.append("ambiguous")
            suffix = ("  " + " ".join(extra)) if extra else ""
            lines.append(f"{line}:{column}\t{timex.type}\t{timex.value}\t{timex.text!r}{suffix}")
        return "\n".join(lines)
    raise ValueError(f"unknown format {fmt!r} (expected json or text)")
