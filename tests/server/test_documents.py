"""Checking an editor's text as `chrono check` checks the file: same configuration discovery,
selection, per-file ignores, exclusions and inline suppressions; bad text becomes a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.options import Options
from chrono.runner import check
from chrono.server.actions import suppression_edit
from chrono.server.documents import CONFIG_ERRORS, Source, check_text, excluded, options_for

CONTRADICTION = (
    "---\ndate: 2025-04-24\n---\nThe town was captured in August 2024. It was recaptured in March 2024.\n"
)
TIMELINE = """dct: 2025-04-24
events:
  - id: captured
    on: 2024-08
  - id: recapture
    end: by 2024-03
relations:
  - recapture after captured
"""


def _check(path: Path, text: str) -> tuple[str, ...]:
    source = Source.of(path, None)
    assert source is not None
    checked = check_text(text, source, options_for(source, path.parent))
    return tuple(f.rule for f in checked.findings)


def test_the_editor_s_text_gets_the_findings_chrono_check_gives_the_saved_file(tmp_path: Path) -> None:
    for name, text in (("story.md", CONTRADICTION), ("timeline.yaml", TIMELINE)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        expected = check([str(path)], Options()).findings
        assert expected
        assert _check(path, text) == tuple(f.rule for f in expected)


def test_the_nearest_configuration_of_the_file_applies(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (tmp_path / "chrono.toml").write_text('ignore = ["CHR306"]\nexclude = ["drafts"]\n', encoding="utf-8")
    assert _check(folder / "story.md", CONTRADICTION) == ()
    (folder / "chrono.toml").write_text('per-file-ignores = { "other.md" = ["CHR306"] }\n', encoding="utf-8")
    assert _check(folder / "story.md", CONTRADICTION) == ("CHR306",)
    assert _check(folder / "other.md", CONTRADICTION) == ()
    draft = Source.of(tmp_path / "drafts" / "story.md", None)
    assert draft is not None and excluded(draft, options_for(draft, tmp_path))


def test_a_broken_configuration_is_the_error_chrono_check_reports(tmp_path: Path) -> None:
    (tmp_path / "chrono.toml").write_text('select = ["CHR9999"]\n', encoding="utf-8")
    source = Source.of(tmp_path / "story.md", None)
    assert source is not None
    with pytest.raises(CONFIG_ERRORS, match="CHR9999"):
        options_for(source, tmp_path)


def test_binary_and_oversized_text_become_findings(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    assert _check(path, "abc\x00\x01def") == ("CHR001",)
    (tmp_path / "chrono.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    assert _check(path, CONTRADICTION * 40) == ("CHR005",)


def test_documents_chrono_does_not_read_are_left_alone(tmp_path: Path) -> None:
    assert Source.of(tmp_path / "script.py", "python") is None
    assert Source.of(None, "markdown") == Source(None, "markdown", ".md")
    assert Source.of(tmp_path / "notes.tml", "xml") == Source(tmp_path / "notes.tml", "timeml", ".tml")


@pytest.mark.parametrize(
    ("name", "text", "line", "inserted"),
    [
        ("story.md", CONTRADICTION, 3, " <!-- chrono: ignore[CHR306] -->"),
        ("story.txt", CONTRADICTION.split("---\n")[-1], 0, " <!-- chrono: ignore[CHR306] -->"),
        ("timeline.yaml", TIMELINE, 7, "  # chrono: ignore[CHR201]"),
    ],
)
def test_the_suppression_action_hides_the_finding_in_the_document_s_comment_syntax(
    tmp_path: Path, name: str, text: str, line: int, inserted: str
) -> None:
    path = tmp_path / name
    if name.endswith(".txt"):
        (tmp_path / "chrono.toml").write_text('dct = "2025-04-24"\n', encoding="utf-8")
    code = _check(path, text)[0]
    edit = suppression_edit(text, path.suffix, line, code)
    assert edit is not None and edit.text == inserted
    edited = edit.applied(text)
    assert edited.splitlines()[line].endswith(inserted)
    assert code not in _check(path, edited)


def test_a_directive_already_on_the_line_gets_the_code_added() -> None:
    text = "Born in 1990. <!-- chrono: ignore[CHR301] -->\n"
    edit = suppression_edit(text, ".md", 0, "CHR306")
    assert edit is not None
    assert edit.applied(text) == "Born in 1990. <!-- chrono: ignore[CHR301, CHR306] -->\n"


@pytest.mark.parametrize(
    ("suffix", "text", "line"),
    [
        (".json", '{"events": []}\n', 0),  # JSON has no comments
        (".md", "```\nIn 2024 it ended in 2023.\n```\n", 1),  # a comment in code hides nothing
        (".md", "---\ndate: 2024-01-01\n---\nText.\n", 1),  # the front matter's data would change
        (".yaml", "events:\n  - id: a\n    text: |\n      a block scalar\n", 3),  # the text would change
    ],
)
def test_no_suppression_action_where_a_comment_cannot_safely_do_it(suffix: str, text: str, line: int) -> None:
    assert suppression_edit(text, suffix, line, "CHR201") is None
