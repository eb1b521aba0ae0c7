"""The report shows the analysis the check made, and nothing it did not read.

The highlights of a document page are the temporal expressions, events and claims of its
:class:`chrono.analysis.Analysis` (kept in the result cache with the rest of it); the report never
reads a document again, so its page cannot disagree with ``chrono check``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chrono.analysis import Analysis
from chrono.cli import main
from chrono.model import Document, Event, Span
from chrono.tagger import Timex

ROOT = Path(__file__).resolve().parents[2]


class Shown(HTMLParser):
    """What a document page shows: the words under each annotation id, and the rows of the
    table of everything read (annotation id -> cell texts)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.words: dict[str, str] = defaultdict(str)
        self.rows: dict[str, list[str]] = {}
        self._open: list[list[str]] = []  # annotation ids of the open elements (data-ann)
        self._row: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "span":
            self._open.append((values.get("data-ann") or "").split())
        elif tag == "tr" and (values.get("id") or "").startswith("d-"):
            self._row = str(values["id"])[2:]
            self.rows[self._row] = []
        elif tag == "td" and self._row is not None:
            self.rows[self._row].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open:
            self._open.pop()
        elif tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        for ids in self._open:
            for ident in ids:
                self.words[ident] += data
        if self._row is not None and self.rows[self._row]:
            self.rows[self._row][-1] += data

    def read(self, kind: str) -> list[tuple[str, list[str]]]:
        """(highlighted words, table cells) of every annotation of ``kind`` ("temporal expression" …)."""
        return [(self.words[ident], cells) for ident, cells in self.rows.items() if cells[1] == kind]


def report(tmp_path: Path, files: dict[str, str], *options: str) -> dict[str, str]:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    assert main(["report", str(corpus), "-o", str(out), "-j", "1", "-q", *options]) in (0, 1)
    pages = {path.name: path.read_text(encoding="utf-8") for path in (out / "docs").glob("*.html")}
    # page names are the display path made safe, plus a hash: "...-corpus-minutes.md-1a2b3c4d.html"
    return {name.split(".")[0]: next(html for page, html in pages.items() if f"-{name}-" in page)
            for name in files if name.endswith((".md", ".txt", ".html", ".tml", ".yaml"))}


def check_json(tmp_path: Path, *options: str) -> dict[str, object]:
    out = tmp_path / "check.json"
    main(["check", str(tmp_path / "corpus"), "--format", "json", "-o", str(out), "-j", "1", *options])
    result: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return result


def test_a_day_first_configuration_reads_the_same_in_the_report_as_in_the_check(tmp_path: Path) -> None:
    files = {
        "pyproject.toml": '[tool.chrono]\ndate-order = "day-first"\n',
        "minutes.md": "---\ndate: 2024-05-01\n---\nThe committee met on 03/04/2024.\n",
    }
    page = report(tmp_path, files, "--no-cache")["minutes"]
    timexes = Shown(page).read("temporal expression")
    assert [(words, cells[3]) for words, cells in timexes] == [("03/04/2024", "2024-04-03")]
    assert timexes[0][1][4] == "[2024-04-03, 2024-04-04)"
    # the event is dated 3 April by the check, and nothing on the page says 4 March
    assert "2024-04-03" in page
    assert "2024-03-04" not in page
    # ... which is what the check itself says (a date in April has no finding about the future)
    assert check_json(tmp_path, "--no-cache")["findings"] == []


def test_code_blocks_and_front_matter_the_check_never_read_are_not_highlighted(tmp_path: Path) -> None:
    notes = (
        "---\ndate: 2024-05-01\ntitle: Release notes, 1 March 2020\n---\n"
        "# Notes\n\n"
        "The version shipped on 12 March 2024.\n\n"
        "```text\nbuilt 2020-01-01 on Friday\n```\n"
    )
    page = report(tmp_path, {"notes.md": notes}, "--no-cache")["notes"]
    shown = Shown(page)
    assert [words for words, _ in shown.read("temporal expression")] == ["12 March 2024"]
    highlighted = " ".join(shown.words.values())
    for unread in ("2024-05-01", "1 March 2020", "2020-01-01", "Friday"):
        assert unread not in highlighted
    # (the document date appears in rows, as the bound of a past event: "starts by 2024-05-01")
    for unread in ("1 March 2020", "2020-01-01", "Friday"):
        assert all(unread not in " ".join(cells) for cells in shown.rows.values())


def test_timeml_documents_show_their_gold_timex3(tmp_path: Path) -> None:
    source = (ROOT / "tests" / "timeml" / "cases" / "chr201_fires.tml").read_text(encoding="utf-8")
    page = report(tmp_path, {"bank.tml": source}, "--no-cache", "--isolated")["bank"]
    timexes = [(words, cells[3]) for words, cells in Shown(page).read("temporal expression")]
    # the annotator's TIMEX3 and their values; never a date read out of the markup
    assert timexes == [("January 8, 1998", "1998-01-08"), ("Tuesday", "1998-01-06"), ("on Monday", "1998-01-05")]


def test_a_warm_cached_run_renders_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHRONO_CACHE_KEY", str(tmp_path / "key"))
    examples = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "examples").iterdir() if path.is_file()}
    examples["pyproject.toml"] = '[tool.chrono]\ndate-order = "day-first"\n'
    examples["minutes.md"] = "---\ndate: 2024-05-01\n---\nThe committee met on 03/04/2024.\n"
    cache = ["--cache-dir", str(tmp_path / "cache")]
    cold = report(tmp_path, examples, *cache)
    assert list((tmp_path / "cache").rglob("*.pickle"))
    (tmp_path / "site").rename(tmp_path / "cold")
    warm = report(tmp_path, examples, *cache)
    assert warm == cold
    assert Shown(warm["minutes"]).read("temporal expression")[0][1][3] == "2024-04-03"


def test_annotations_come_from_the_analysis_and_the_tagger_is_never_called(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from chrono.reports import annotate as ann

    from chrono import tagger

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report must not run the tagger")

    monkeypatch.setattr(tagger, "extract", refuse)
    text = "Talks began in August 2024."
    timex = Timex(15, 26, "August 2024", "DATE", "2024-08", signal="in", signal_start=12, signal_end=14)
    document = Document("notes.md", text, "markdown", dct_value="2025-04-24")
    analysis = Analysis(document, events=(Event("talks", "Talks", Span(0, 5)),), timexes=(timex,))
    found = ann.annotate(analysis, [], [])
    kinds = {(a.kind, text[a.start : a.end]) for a in found.annotations}
    assert kinds == {("timex", "August 2024"), ("signal", "in"), ("event", "Talks")}
    assert next(a for a in found.annotations if a.kind == "timex").interval == "[2024-08-01, 2024-09-01)"
    # an analysis without temporal expressions shows none, whatever its text says
    bare = ann.annotate(Analysis(document), [], [])
    assert bare.annotations == ()


def test_one_event_per_chain_of_mentions_with_each_mention_linked(tmp_path: Path) -> None:
    story = (
        "---\ndate: 2025-06-01\n---\n"
        "The minister visited the port on 3 March 2025.\n\n"
        "Dockers welcomed the visit, which lasted two hours.\n"
    )
    page = report(tmp_path, {"port.md": story}, "--no-cache")["port"]
    shown = Shown(page)
    events = shown.read("event")
    # the verb and the later noun are one event: its row lists the other mention, and the
    # noun's own row says whose mention it is and why
    assert [words for words, _ in events] == ["visited", "visit"]
    _, second = (cells for _, cells in events)
    assert second[2].startswith("event 'visited'")  # the mention is labelled with its chain's event
    assert "“visit” at 6:22" in page  # the event's card lists its other mention, where it stands
    assert "the same word (certain)" in page  # and why it was read as the same event
