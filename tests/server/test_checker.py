"""The server's memory between checks (chrono.server.checker) never changes a diagnostic: after
any sequence of edits to a document and to its configuration, what the session gives is what a
fresh check of the same text under the configuration read afresh gives."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.server import checker as checker_module
from chrono.server.checker import Checker
from chrono.server.documents import CONFIG_ERRORS, Source, check_text, options_for

FRONT = "---\ndate: 2024-05-06\n---\n"
# Sentences with dates, events and contradictions between them, to be cut and pasted.
PIECES = (
    "The town was captured in August 2024. ",
    "It was recaptured in March 2024. ",
    "The bridge opened on 3 May, two days after the vote. ",
    "The council approved the budget on Monday, March 5, 2024. ",
    "A year later the mayor resigned. ",
    "## 2011\n\n",
    "On 9 May 1998 the treaty was signed. Two days later it was ratified. ",
    "\n\n",
    "The festival closes on Sunday, 21 July, with fireworks. ",
    "She was born in 1950 and died in 1949. ",
    "<!-- chrono: ignore[CHR306] -->",
    "🙂 ",
)
# Configurations the document's folder may have, None for none.
CONFIGS = (
    None,
    'ignore = ["CHR306"]\n',
    'dct = "2020-01-01"\n',
    'select = ["CHR2"]\ndate-order = "day-first"\n',
    'select = ["CHR9999"]\n',  # broken: an error, as chrono check gives
    'hemisphere = "south"\nper-file-ignores = { "story.md" = ["CHR201"] }\n',
)

edits = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.sampled_from(PIECES)),
    st.tuples(st.just("delete"), st.integers(0, 10_000), st.integers(1, 60)),
    st.tuples(st.just("type"), st.integers(0, 10_000), st.text("abc 0123456789,.\n", min_size=1, max_size=6)),
    st.tuples(st.just("undo"), st.integers(0, 10_000), st.just("")),
    st.tuples(st.just("configure"), st.integers(0, len(CONFIGS) - 1), st.just("")),
)


def _remembered(session: Checker, text: str, source: Source, root: Path) -> object:
    """The session's result, or its configuration error's message."""
    try:
        return session.check("story", text, source, session.configured(source, root))
    except CONFIG_ERRORS as error:
        return f"{type(error).__name__}: {error}"


def _fresh(text: str, source: Source, root: Path) -> object:
    """A fresh check's result, or its configuration error's message."""
    try:
        return check_text(text, source, options_for(source, root))
    except CONFIG_ERRORS as error:
        return f"{type(error).__name__}: {error}"


@given(
    start=st.lists(st.sampled_from(PIECES), min_size=1, max_size=6),
    steps=st.lists(edits, min_size=1, max_size=7),
)
def test_after_any_edits_the_session_s_result_is_a_fresh_check_s(start: list[str], steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "story.md"
        config = root / "chrono.toml"
        source = Source.of(path, None)
        assert source is not None
        session = Checker(versions=3)
        clock = 1_700_000_000 * 10**9  # each configuration written one second after the last
        text = FRONT + "".join(start)
        history = [text]
        for kind, where, what in [("configure", 0, ""), *steps]:
            if kind == "insert" or kind == "type":
                at = where % (len(text) + 1)
                text = text[:at] + what + text[at:]
            elif kind == "delete":
                at = where % (len(text) + 1)
                text = text[:at] + text[at + int(what):]
            elif kind == "undo":
                text = history[where % len(history)]
            else:
                content = CONFIGS[where]
                if content is None:
                    config.unlink(missing_ok=True)
                else:
                    config.write_text(content, encoding="utf-8")
                    clock += 10**9
                    os.utime(config, ns=(clock, clock))
            history.append(text)

            assert _remembered(session, text, source, root) == _fresh(text, source, root)


def test_an_unchanged_configuration_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[Path | None] = []
    original = checker_module.options_for

    def counted(source: Source, fallback: Path) -> object:
        reads.append(source.path)
        return original(source, fallback)

    monkeypatch.setattr(checker_module, "options_for", counted)
    (tmp_path / "chrono.toml").write_text('ignore = ["CHR306"]\n', encoding="utf-8")
    (tmp_path / "notes").mkdir()
    source = Source.of(tmp_path / "notes" / "story.md", None)
    assert source is not None
    session = Checker()
    first = session.configured(source, tmp_path)
    assert session.configured(source, tmp_path) is first
    assert len(reads) == 1
    # a configuration nearer the file, where there was none, is noticed
    (tmp_path / "notes" / "pyproject.toml").write_text('[tool.chrono]\nignore = ["CHR201"]\n', encoding="utf-8")
    assert session.configured(source, tmp_path).options.ignore == ("CHR201",)
    assert len(reads) == 2
    # and so is its removal
    (tmp_path / "notes" / "pyproject.toml").unlink()
    assert session.configured(source, tmp_path).options.ignore == ("CHR306",)


def test_a_broken_domain_knowledge_file_applies_once_mended(tmp_path: Path) -> None:
    domain = tmp_path / "domain.yaml"
    domain.write_text("pairs: [[\n", encoding="utf-8")
    (tmp_path / "chrono.toml").write_text('domain-knowledge = ["domain.yaml"]\n', encoding="utf-8")
    source = Source.of(tmp_path / "story.md", None)
    assert source is not None
    session = Checker()
    with pytest.raises(CONFIG_ERRORS):
        session.configured(source, tmp_path)
    domain.write_text("pairs: []\n", encoding="utf-8")
    assert session.configured(source, tmp_path).options.reading.domain_files == (str(domain.resolve()),)


def test_a_saved_or_undone_text_is_not_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checks: list[str] = []

    def counted(text: str, source: Source, options: object) -> object:
        checks.append(text)
        return check_text(text, source, options)  # type: ignore[arg-type]

    monkeypatch.setattr(checker_module, "check_text", counted)
    source = Source.of(tmp_path / "story.md", None)
    assert source is not None
    session = Checker(versions=2)
    configured = session.configured(source, tmp_path)
    first, second = FRONT + PIECES[0] + PIECES[1], FRONT + PIECES[0]
    found = session.check("story", first, source, configured)
    assert found.findings  # the contradiction
    session.check("story", second, source, configured)
    assert session.check("story", first, source, configured) is found  # undo
    assert checks == [first, second]
    session.forget("story")
    session.check("story", first, source, configured)
    assert checks == [first, second, first]
