"""The editor set-ups of docs/editors.md, run for real.

Each editor found on this machine is started headless with the configuration that
docs/editors.md gives for it, read from the page itself (so the page and what is run cannot
drift apart). It opens a Markdown document with a planted contradiction on a line that starts
with a character outside the Basic Multilingual Plane (two UTF-16 code units, four UTF-8 bytes,
one code point), waits for chrono's diagnostics and prints what the editor shows. The check:
the editor underlines exactly the words of the contradiction, counted in the editor's own units
(Neovim: UTF-8 bytes; Emacs: characters), which only holds when the server's UTF-16 ranges and
the editor's conversion agree.

- **Neovim** (``nvim --headless -u CONFIG``): the page's set-up without plugins for the
  version found (``vim.lsp.config`` from 0.11, ``vim.lsp.start_client`` before); then, as a
  person would, hover on the contradiction and ask for its code actions.
- **Emacs** (``emacs --batch``): the page's ``eglot-server-programs`` entry, ``M-x eglot``;
  the diagnostics as Flymake has them. (eglot is built into Emacs 29; Emacs 28 needs the
  eglot package, e.g. Debian's ``elpa-eglot``; ``.md`` files need ``markdown-mode``: without
  it the document is opened as ``.txt``, in ``text-mode``.)

Helix and VS Code are not run: neither is packaged for this machine's Debian, PyPI or npm.

``chrono`` is the one beside this Python (the script puts its folder first on ``PATH``), and the
editors run with a fresh ``HOME`` (no personal configuration).

Usage::

    python benchmarks/editor_setups.py [--editors nvim,emacs] [--timeout 30]

Exit status 0 when every editor found showed the diagnostic where it belongs (an editor that
is not installed is reported as skipped), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import attrs

EDITORS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "editors.md"
# The planted contradiction (CHR306), after a character outside the BMP.
LINE = "🙂 The town was captured in August 2024. It was recaptured in March 2024."
DOCUMENT = f"---\ndate: 2025-04-24\n---\n{LINE}\n"
LINE_NUMBER = 3  # 0-based, after the front matter
WORDS = "recaptured in March 2024"  # what the contradiction's diagnostic underlines
CODE = "CHR306"


@attrs.frozen
class Shown:
    """One diagnostic as the editor shows it: 0-based line, columns in the editor's units."""

    line: int
    start: int
    end: int
    code: str | None
    message: str


@attrs.frozen
class Run:
    editor: str
    version: str
    seconds: float
    shown: tuple[Shown, ...] = ()
    extra: dict[str, object] = attrs.field(factory=dict)  # hover, code actions: what was asked
    problem: str | None = None  # why the run could not show diagnostics

    def expected(self) -> tuple[int, int]:
        """Where the contradiction's words are, in this editor's units."""
        at = LINE.index(WORDS)
        if self.editor == "nvim":
            start = len(LINE[:at].encode("utf-8"))
            return start, start + len(WORDS.encode("utf-8"))
        return at, at + len(WORDS)

    def ok(self) -> bool:
        start, end = self.expected()
        return self.problem is None and any(
            s.code == CODE and (s.line, s.start, s.end) == (LINE_NUMBER, start, end) for s in self.shown
        )


def page_blocks(language: str, page: Path = EDITORS_PAGE) -> list[str]:
    """The code blocks of ``language`` in docs/editors.md, in order."""
    fence = re.compile(rf"^```{re.escape(language)}\n(.*?)^```", re.MULTILINE | re.DOTALL)
    return fence.findall(page.read_text(encoding="utf-8"))


def _block(language: str, marker: str) -> str:
    found = [block for block in page_blocks(language) if marker in block]
    if len(found) != 1:
        raise SystemExit(f"docs/editors.md: {len(found)} {language} blocks with {marker!r}, not one")
    return found[0]


def _environment(home: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment.get('PATH', '')}"
    environment["HOME"] = str(home)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        environment[name] = str(home / name.lower())
    return environment


def _version(command: list[str]) -> str:
    completed = subprocess.run(command, capture_output=True, text=True, timeout=30)
    return (completed.stdout or completed.stderr).splitlines()[0].strip()


# --- Neovim ---------------------------------------------------------------------------------

_NVIM_DRIVER = """
local out = { diagnostics = {}, hover = vim.NIL, actions = {} }
local function position_at(line, col)  -- an LSP position (UTF-16) of a byte column
  vim.api.nvim_win_set_cursor(0, { line + 1, col })
  return vim.lsp.util.make_position_params(0, "utf-16").position
end
local ok, problem = pcall(function()
  vim.wait(TIMEOUT, function() return #vim.diagnostic.get(0) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out.diagnostics, { line = d.lnum, start = d.col, ["end"] = d.end_col,
                                    code = d.code, message = d.message })
  end
  local first = vim.diagnostic.get(0)[1]
  if first == nil then return end
  local uri = vim.uri_from_bufnr(0)
  local range = { start = position_at(first.lnum, first.col),
                  ["end"] = position_at(first.end_lnum, first.end_col) }
  local hovered = vim.lsp.buf_request_sync(0, "textDocument/hover",
    { textDocument = { uri = uri }, position = range.start }, 5000) or {}
  for _, answer in pairs(hovered) do
    if answer.result then out.hover = answer.result.contents.value end
  end
  local diagnostic = { range = range, message = first.message, code = first.code, source = first.source }
  local offered = vim.lsp.buf_request_sync(0, "textDocument/codeAction",
    { textDocument = { uri = uri }, range = range, context = { diagnostics = { diagnostic } } }, 5000) or {}
  for _, answer in pairs(offered) do
    for _, action in ipairs(answer.result or {}) do table.insert(out.actions, action.title) end
  end
end)
if not ok then out.error = tostring(problem) end
vim.fn.writefile({ vim.fn.json_encode(out) }, "OUTPUT")
vim.cmd("qa!")
"""


def run_nvim(folder: Path, timeout: float) -> Run:
    version = _version(["nvim", "--version"])
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:2])
    marker = "vim.lsp.config(" if numbers >= (0, 11) else "vim.lsp.start_client("
    (folder / "init.lua").write_text(_block("lua", marker), encoding="utf-8")
    output = folder / "nvim.json"
    driver = _NVIM_DRIVER.replace("TIMEOUT", str(int(timeout * 1000))).replace("OUTPUT", str(output))
    (folder / "driver.lua").write_text(driver, encoding="utf-8")
    command = ["nvim", "--headless", "-u", "init.lua", "story.md", "-c", "luafile driver.lua"]
    seconds, answer, problem = _drive(command, folder, output, timeout)
    if answer is None:
        return Run("nvim", version, seconds, problem=problem)
    shown = _shown(answer)
    hover = answer["hover"] if isinstance(answer["hover"], str) else None
    return Run("nvim", version, seconds, shown, {"hover": hover, "actions": answer["actions"]},
               answer.get("error"))


# --- Emacs ----------------------------------------------------------------------------------

_EMACS_DRIVER = """
(package-initialize)
(load (expand-file-name "chrono-editors.el") nil t)
(require 'eglot)
(find-file (if (locate-library "markdown-mode") "story.md" "story.txt"))
(call-interactively #'eglot)
(let ((deadline (+ (float-time) TIMEOUT)))
  (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.05)))
(let ((found nil))
  (dolist (d (flymake-diagnostics))
    (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d))
          (text (flymake-diagnostic-text d)))
      (push (list (cons 'line (1- (line-number-at-pos beg)))
                  (cons 'start (save-excursion (goto-char beg) (- beg (line-beginning-position))))
                  (cons 'end (save-excursion (goto-char end) (- end (line-beginning-position))))
                  (cons 'code (and (string-match "\\\\[\\\\(CHR[0-9]+\\\\)\\\\]" text) (match-string 1 text)))
                  (cons 'message text)
                  (cons 'mode (symbol-name major-mode)))
            found)))
  (with-temp-file "OUTPUT"
    (insert (json-encode (list (cons 'eglot (locate-library "eglot"))
                               (cons 'diagnostics (vconcat (nreverse found))))))))
(kill-emacs 0)
"""


def run_emacs(folder: Path, timeout: float) -> Run:
    version = _version(["emacs", "--version"])
    (folder / "chrono-editors.el").write_text(_block("elisp", "eglot-server-programs"), encoding="utf-8")
    output = folder / "emacs.json"
    driver = _EMACS_DRIVER.replace("TIMEOUT", str(timeout)).replace("OUTPUT", str(output))
    (folder / "driver.el").write_text(driver, encoding="utf-8")
    seconds, answer, problem = _drive(["emacs", "--batch", "-l", "driver.el"], folder, output, timeout)
    if answer is None:
        return Run("emacs", version, seconds, problem=problem)
    shown = _shown(answer)
    modes = sorted({d["mode"] for d in answer["diagnostics"]})
    return Run("emacs", version, seconds, shown, {"eglot": answer["eglot"], "modes": modes})


def _drive(command: list[str], folder: Path, output: Path, timeout: float) -> tuple[float, Any, str]:
    """Run an editor's headless driver in ``folder``: its seconds, the answer it wrote to
    ``output`` (None when it wrote none) and, then, why (the end of its error output)."""
    started = time.perf_counter()
    completed = subprocess.run(
        command, cwd=folder, env=_environment(folder / "home"), capture_output=True, text=True,
        timeout=timeout + 20, stdin=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    if not output.is_file():
        return seconds, None, f"no answer: {completed.stderr.strip()[-500:]}"
    return seconds, json.loads(output.read_text(encoding="utf-8")), ""


def _shown(answer: Any) -> tuple[Shown, ...]:
    """The diagnostics an editor's answer lists."""
    return tuple(
        Shown(d["line"], d["start"], d["end"], d.get("code"), d["message"]) for d in answer["diagnostics"]
    )


RUNNERS = {"nvim": run_nvim, "emacs": run_emacs}


def run(editor: str, timeout: float = 30.0) -> Run | None:
    """Run ``editor``'s set-up from docs/editors.md; None when the editor is not installed."""
    if shutil.which(editor) is None:
        return None
    with tempfile.TemporaryDirectory(prefix=f"chrono-{editor}-") as name:
        folder = Path(name)
        (folder / "home").mkdir()
        for file in ("story.md", "story.txt"):
            (folder / file).write_text(DOCUMENT, encoding="utf-8")
        return RUNNERS[editor](folder, timeout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editors", default=",".join(RUNNERS))
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for diagnostics")
    args = parser.parse_args(argv)
    failed = False
    for editor in [e.strip() for e in args.editors.split(",") if e.strip()]:
        if editor not in RUNNERS:
            parser.error(f"unknown editor {editor!r} (known: {', '.join(RUNNERS)})")
        result = run(editor, args.timeout)
        if result is None:
            print(f"{editor}: skipped (not installed)")
            continue
        start, end = result.expected()
        verdict = "ok" if result.ok() else "FAILED"
        failed |= not result.ok()
        print(f"{editor}: {verdict} in {result.seconds:.1f} s; {result.version}")
        print(f"  expected {CODE} at line {LINE_NUMBER}, columns {start}-{end} ({WORDS!r})")
        if result.problem:
            print(f"  {result.problem}")
        for shown in result.shown:
            first = shown.message.splitlines()[0] if shown.message else ""
            print(f"  shown: {shown.code} line {shown.line}, columns {shown.start}-{shown.end}: {first}")
        for key, value in result.extra.items():
            print(f"  {key}: {json.dumps(value, ensure_ascii=False)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
