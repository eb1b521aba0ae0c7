"""`chrono server` end to end: a real process spoken to over stdio by tests/server/lsp_client.py
(JSON-RPC frames written here, not by pygls), as an editor would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the language server needs the 'server' extra (pygls)")

from .lsp_client import LspProcess

FRONT = "---\ndate: 2025-04-24\n---\n"
LINE = "😀😀 The town was captured in August 2024. It was recaptured in March 2024."
STORY = FRONT + "# Notes 📅\n\n" + LINE + "\n"
ROW = 5  # LINE's 0-based line


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def column(words: str, encoding: str = "utf-16") -> int:
    """Where ``words`` start on LINE, in the encoding's units."""
    before = LINE[: LINE.index(words)]
    return utf16(before) if encoding == "utf-16" else len(before)


def _start(folder: Path, capabilities: dict[str, Any] | None = None) -> tuple[LspProcess, dict[str, Any]]:
    lsp = LspProcess(folder)
    reply = lsp.request(
        "initialize", {"processId": None, "rootUri": folder.as_uri(), "capabilities": capabilities or {}}
    )
    lsp.notify("initialized", {})
    return lsp, reply["result"]


def _open(lsp: LspProcess, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    lsp.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
    )
    return uri


def _finish(lsp: LspProcess) -> None:
    assert lsp.request("shutdown", None)["result"] is None
    lsp.notify("exit", None)
    assert lsp.process.wait(timeout=10) == 0


def test_diagnose_hover_act_fix_and_shut_down(tmp_path: Path) -> None:
    capabilities = {"textDocument": {"publishDiagnostics": {"relatedInformation": True}}}
    lsp, result = _start(tmp_path, capabilities)
    try:
        assert result["capabilities"]["positionEncoding"] == "utf-16"
        uri = _open(lsp, tmp_path / "story.md", STORY)

        # the planted contradiction, at the UTF-16 offsets of a line with non-BMP characters before it
        (diagnostic,) = lsp.diagnostics(uri, version=1)
        assert (diagnostic["code"], diagnostic["source"], diagnostic["severity"]) == ("CHR306", "chrono", 1)
        start = column("recaptured in March 2024")
        assert start == LINE.index("recaptured in March 2024") + 2  # each emoji is two UTF-16 units
        assert diagnostic["range"] == {
            "start": {"line": ROW, "character": start},
            "end": {"line": ROW, "character": start + len("recaptured in March 2024")},
        }
        chain = diagnostic["relatedInformation"]
        assert [item["message"][:3] for item in chain] == ["1. ", "2. ", "3. "]
        cited = {
            (item["location"]["range"]["start"]["character"], item["location"]["range"]["end"]["character"])
            for item in chain
        }
        captured = column("captured in August 2024")
        assert (captured, captured + len("captured in August 2024")) in cited
        assert all(item["location"]["uri"] == uri for item in chain)
        assert diagnostic["codeDescription"]["href"].endswith("CHR306.md")

        # hover: a temporal expression, then an event
        hover = lsp.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": ROW, "character": column("August 2024") + 3}},
        )["result"]
        assert "**DATE** `2024-08`" in hover["contents"]["value"]
        assert "from 2024-08-01 up to 2024-09-01" in hover["contents"]["value"]
        assert hover["range"]["start"] == {"line": ROW, "character": column("August 2024")}
        hover = lsp.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": ROW, "character": column("recaptured") + 1}},
        )["result"]
        assert "**event**" in hover["contents"]["value"]
        assert "- starts between 2024-03-01" in hover["contents"]["value"]

        # code actions: a suppression in Markdown's comment syntax, and the rule's documentation
        actions = lsp.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": diagnostic["range"],
                "context": {"diagnostics": [diagnostic]},
            },
        )["result"]
        suppress, documentation = actions
        assert suppress["title"] == "Suppress CHR306 on this line"
        (edit,) = suppress["edit"]["changes"][uri]
        end_of_line = {"line": ROW, "character": utf16(LINE)}
        assert edit == {
            "range": {"start": end_of_line, "end": end_of_line},
            "newText": " <!-- chrono: ignore[CHR306] -->",
        }
        command = documentation["command"]
        assert command["command"] == "chrono.showRuleDocumentation"
        lsp.request(
            "workspace/executeCommand", {"command": command["command"], "arguments": command["arguments"]}
        )
        shown = lsp.wait(lambda m: m.get("method") == "window/showDocument")
        page = Path(shown["params"]["uri"].removeprefix("file://"))
        assert page.read_text(encoding="utf-8").startswith("# CHR306 precedence-violated")

        # the fix, typed as an incremental change in UTF-16 positions: no diagnostics left
        year = column("March 2024") + 6
        lsp.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [
                    {
                        "range": {
                            "start": {"line": ROW, "character": year},
                            "end": {"line": ROW, "character": year + 4},
                        },
                        "text": "2025",
                    }
                ],
            },
        )
        assert lsp.diagnostics(uri, version=2) == []
        _finish(lsp)
    finally:
        lsp.close()


def test_a_configuration_edit_applies_at_the_next_check(tmp_path: Path) -> None:
    """The server reads the configuration again only when its files change (it keeps what it
    read, and the results of the texts it checked): an edit to it must still apply at once."""
    lsp, _ = _start(tmp_path)
    try:
        uri = _open(lsp, tmp_path / "story.md", STORY)
        assert [d["code"] for d in lsp.diagnostics(uri, version=1)] == ["CHR306"]
        (tmp_path / "chrono.toml").write_text('ignore = ["CHR306"]\n', encoding="utf-8")
        lsp.notify("textDocument/didSave", {"textDocument": {"uri": uri}})  # the same text
        assert lsp.diagnostics(uri, version=1) == []
        (tmp_path / "chrono.toml").unlink()
        lsp.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        assert [d["code"] for d in lsp.diagnostics(uri, version=1)] == ["CHR306"]
        _finish(lsp)
    finally:
        lsp.close()


def test_code_points_when_the_client_negotiates_them(tmp_path: Path) -> None:
    lsp, result = _start(tmp_path, {"general": {"positionEncodings": ["utf-32", "utf-16"]}})
    try:
        assert result["capabilities"]["positionEncoding"] == "utf-32"
        uri = _open(lsp, tmp_path / "story.md", STORY)
        (diagnostic,) = lsp.diagnostics(uri, version=1)
        assert diagnostic["range"]["start"] == {
            "line": ROW,
            "character": LINE.index("recaptured in March 2024"),
        }
        # without related-information support, the chain is in the message itself
        assert "\n1. " in diagnostic["message"] and "relatedInformation" in diagnostic
        _finish(lsp)
    finally:
        lsp.close()


def test_bad_input_is_logged_and_the_server_keeps_serving(tmp_path: Path) -> None:
    (tmp_path / "chrono.toml").write_text("max-file-size = 20000\n", encoding="utf-8")
    lsp, _ = _start(tmp_path)
    try:
        errors = lambda m: m.get("method") == "window/logMessage" and m["params"]["type"] == 1  # noqa: E731

        lsp.send_bytes(b'{"jsonrpc": "2.0", "id": 7, "method": ')  # not JSON
        assert "chrono server" in lsp.wait(errors)["params"]["message"]
        reply = lsp.request("textDocument/hover", {"bogus": True})  # not a hover's parameters
        assert reply["error"]["code"] == -32602
        assert "textDocument/hover" in lsp.wait(errors)["params"]["message"]

        binary = _open(lsp, tmp_path / "image.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        (diagnostic,) = lsp.diagnostics(binary)
        assert diagnostic["code"] == "CHR001" and "binary" in diagnostic["message"]
        assert "binary" in lsp.wait(errors)["params"]["message"]

        huge = _open(lsp, tmp_path / "huge.md", STORY * 200)
        (diagnostic,) = lsp.diagnostics(huge)
        assert diagnostic["code"] == "CHR005" and "over the limit" in diagnostic["message"]

        uri = _open(lsp, tmp_path / "story.md", STORY)
        assert [d["code"] for d in lsp.diagnostics(uri)] == ["CHR306"]
        hover = lsp.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": ROW, "character": column("August 2024")}},
        )
        assert "2024-08" in hover["result"]["contents"]["value"]
        _finish(lsp)
    finally:
        lsp.close()


def test_without_the_extra_the_command_says_how_to_install_it() -> None:
    code = "import sys; sys.modules['pygls'] = None; from chrono.cli import main; sys.exit(main(['server']))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "pip install 'chrono-lint[server]'" in done.stderr
    assert "Traceback" not in done.stderr
