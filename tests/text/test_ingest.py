"""Text ingest: views keep every offset, metadata and the DCT's order of precedence."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from chrono.analyze import analyze
from chrono.ingest import KINDS, load
from chrono.options import Options, ReadingOptions
from chrono.periods import parse_value
from chrono.runner import check
from chrono.text.markup import html_view, markdown_view, plain_view

from ..strategies import markup_texts


def test_suffixes_are_registered() -> None:
    assert KINDS[".txt"] == "text"
    assert KINDS[".md"] == "markdown"
    assert KINDS[".html"] == "html"
    assert KINDS[".htm"] == "html"


def test_markdown_view_blanks_front_matter_and_syntax_but_keeps_offsets() -> None:
    text = "---\ntitle: T\ndate: 2025-04-24\n---\n# Head\n\nA **bold** [link](http://x.org) here.\n"
    view = markdown_view(text)
    assert len(view.text) == len(text)
    assert view.text.count("\n") == text.count("\n")
    assert "title" not in view.text and "http" not in view.text and "**" not in view.text
    start = text.index("bold")
    assert view.text[start:start + 4] == "bold"
    assert view.text[text.index("link"):text.index("link") + 4] == "link"
    assert view.meta["title"] == "T"
    assert [c[:2] for c in view.dct_candidates if c[0] == "front matter 'date'"] == [
        ("front matter 'date'", "2025-04-24")
    ]


def test_html_view_keeps_visible_text_at_its_offsets() -> None:
    text = (
        '<html lang="en"><head><title>T &amp; U</title>'
        '<meta property="article:published_time" content="2025-04-24T10:00:00Z">'
        "<script>var x = 'On May 1, 2020';</script></head>"
        "<body><nav>Menu</nav><p>Talks began on April 2, 2025 &amp; ended.</p></body></html>"
    )
    view = html_view(text)
    assert len(view.text) == len(text)
    assert "May 1, 2020" not in view.text and "Menu" not in view.text and "<p>" not in view.text
    where = text.index("Talks began")
    assert view.text[where:where + 30] == text[where:where + 30]
    assert "& " in view.text
    assert view.meta == {"title": "T & U", "lang": "en"}
    assert view.dct_candidates[0][1] == "2025-04-24T10:00:00Z"


@given(markup_texts)
def test_views_never_change_length_or_move_a_line_end(text: str) -> None:
    for view in (plain_view(text), markdown_view(text), html_view(text)):
        assert len(view.text) == len(text)
        assert all(view.text[i] == "\n" for i, ch in enumerate(text) if ch == "\n")


def _doc(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_dct_precedence(tmp_path: Path) -> None:
    md = _doc(tmp_path, "a.md", "---\ndate: 2024-01-02\npublished: 2024-01-03\n---\nText.\n")
    # front matter, first configured key
    doc = analyze(load(md, "a.md"), ReadingOptions()).document
    assert (doc.dct_value, doc.dct_source) == ("2024-01-02", "front matter 'date'")
    # the configured key order
    doc = analyze(load(md, "a.md"), ReadingOptions(dct_keys=("published", "date"))).document
    assert doc.dct_value == "2024-01-03"
    # --dct wins over the file
    doc = analyze(load(md, "a.md"), ReadingOptions.dated("2020-05-05")).document
    assert (doc.dct_value, doc.dct_source) == ("2020-05-05", "--dct")
    # the configuration comes last
    txt = _doc(tmp_path, "b.txt", "Text.\n")
    doc = analyze(load(txt, "b.txt"), ReadingOptions(default_dct=parse_value("2021-01-01"),
                                                     default_dct_value="2021-01-01")).document
    assert (doc.dct_value, doc.dct_source) == ("2021-01-01", "configuration")
    doc = analyze(load(md, "a.md"), ReadingOptions(default_dct=parse_value("2021-01-01"),
                                                   default_dct_value="2021-01-01")).document
    assert doc.dct_value == "2024-01-02"


def test_findings_point_into_the_original_file(tmp_path: Path) -> None:
    html = _doc(
        tmp_path, "a.html",
        '<html><head><meta name="datePublished" content="2025-04-24"></head><body>\n'
        "<p>The council approved the <b>budget</b> on Monday, March 5, 2024.</p></body></html>\n",
    )
    report = check([str(html)], Options(select=("CHR307",)))
    (finding,) = report.findings
    assert finding.spans[0].text == "Monday, March 5, 2024"
    assert (finding.line, finding.column) == (2, 46)


def test_non_english_documents_are_not_read(tmp_path: Path) -> None:
    md = _doc(tmp_path, "a.md", "---\ndate: 2025-04-24\nlang: de\n---\nAm Montag, 5. März 2024.\n")
    analysis = analyze(load(md, "a.md"), ReadingOptions())
    assert analysis.claims == ()


def test_front_matter_dates_in_words_and_other_keys(tmp_path: Path) -> None:
    md = _doc(tmp_path, "a.md", "---\ntitle: 2020-01-01 in review\ndate: April 24, 2025\n---\nText.\n")
    view = markdown_view(md.read_text(encoding="utf-8"))
    assert view.dct_candidates[0][:2] == ("front matter 'date'", "2025-04-24")
    doc = analyze(load(md, "a.md"), ReadingOptions()).document
    assert doc.dct_value == "2025-04-24"
