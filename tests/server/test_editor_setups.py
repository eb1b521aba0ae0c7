"""The editor set-ups of docs/editors.md work in the editors themselves: each editor installed
here is driven headless by benchmarks/editor_setups.py with the page's own configuration, and
must underline the planted contradiction's words (after a character outside the BMP) in its own
units. CI machines have no editors: there each test skips, saying so."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "editor_setups.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("editor_setups", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # attrs classes need their module registered
    spec.loader.exec_module(module)
    return module


def test_the_page_gives_one_set_up_per_editor_version_the_script_runs() -> None:
    script = _script()
    assert len([b for b in script.page_blocks("lua") if "vim.lsp.config(" in b]) == 1
    assert len([b for b in script.page_blocks("lua") if "vim.lsp.start_client(" in b]) == 1
    assert len([b for b in script.page_blocks("elisp") if "eglot-server-programs" in b]) == 1


@pytest.mark.parametrize("editor", ["nvim", "emacs"])
def test_the_editor_shows_the_contradiction_where_it_is(editor: str) -> None:
    if shutil.which(editor) is None:
        pytest.skip(f"{editor} is not installed here (CI has no editors; see docs/editors.md)")
    if importlib.util.find_spec("pygls") is None:
        pytest.skip("the server extra (pygls) is not installed")
    script = _script()
    result = script.run(editor, timeout=60)
    assert result is not None
    assert result.problem is None, result.problem
    assert result.ok(), (result.expected(), result.shown)
    if editor == "nvim":  # hover and code actions asked through the editor's client
        assert result.extra["hover"] and "recaptured" in result.extra["hover"]
        assert "Suppress CHR306 on this line" in result.extra["actions"]
