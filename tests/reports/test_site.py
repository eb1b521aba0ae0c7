"""The report site end to end (without a browser): pages, links, inline findings, safety, re-runs."""

from __future__ import annotations

import json
import os
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import jinja2
import pytest
from chrono.reports import ReportError, report_site, write_files
from chrono.reports.site import MANIFEST, environment

from chrono.cli import main
from chrono.options import Options
from chrono.runner import check

ROOT = Path(__file__).resolve().parents[2]
KURSK = (ROOT / "examples" / "kursk-timeline.yaml").read_text(encoding="utf-8")
FLAWED = KURSK.replace("end: by 2025-03", "end: by 2024-03")

NASTY_TEXT = (
    "<script>window.__pwned = 1</script> \"quoted\" 'single' </textarea><img src=x onerror=alert(1)> "
    "javascript:alert(1) \u202eevil\u202c zero\u200bwidth \U0001f600 &amp; &lt;"
)
NASTY = f"""# <script>alert("comment")</script> [click](javascript:alert(1))
dct: 2025-04-24
events:
  - id: a
    text: '{NASTY_TEXT.replace("'", "''")}'
    on: 2024-08
  - id: b
    text: "</script><script>alert(2)</script>"
    end: by 2024-03
relations:
  - b after a
"""


class Page(HTMLParser):
    """Ids, links and text of one HTML page (the stdlib parser is enough for our own output)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src", "xlink:href"):
            if values.get(name):
                self.links.append(str(values[name]))
        if tag == "script":
            self.scripts.append(values)
        for name, value in attrs:
            self.attributes.append((tag, name, value))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def corpus(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def render(tmp_path: Path, files: dict[str, str], out: str = "site") -> tuple[Path, dict[str, Page]]:
    folder = corpus(tmp_path, files)
    report = check([str(folder)], Options())
    target = tmp_path / out
    report_site(report, target, Options(), inputs=[str(folder)])
    pages = {
        path.relative_to(target).as_posix(): Page(path.read_text(encoding="utf-8"))
        for path in target.rglob("*.html")
    }
    return target, pages


def test_every_page_links_resolve_to_existing_files_and_anchors(tmp_path: Path) -> None:
    target, pages = render(tmp_path, {"good.yaml": KURSK, "bad.yaml": FLAWED})
    assert set(pages) >= {"index.html", "rules/CHR201.html"}
    assert len([name for name in pages if name.startswith("docs/")]) == 2
    checked = 0
    for name, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            assert not parts.scheme, f"{name}: external link {link}"
            assert not parts.netloc, f"{name}: external link {link}"
            where = PurePosixPath(name).parent / unquote(parts.path) if parts.path else PurePosixPath(name)
            resolved = os.path.normpath(where.as_posix())
            assert not resolved.startswith(".."), f"{name}: {link} leaves the site"
            assert (target / resolved).is_file(), f"{name}: broken link {link}"
            if parts.fragment and resolved.endswith(".html"):
                assert parts.fragment in pages[resolved].ids, f"{name}: missing anchor {link}"
            checked += 1
    assert checked > 50
    # every aria reference names an element of its page
    references = 0
    for name, page in pages.items():
        for _, attribute, value in page.attributes:
            if attribute in ("aria-describedby", "aria-labelledby", "aria-controls"):
                for target in (value or "").split():
                    assert target in page.ids, f"{name}: {attribute} names missing {target}"
                    references += 1
    assert references > 20


def test_index_summarises_findings_by_rule_and_severity(tmp_path: Path) -> None:
    target, pages = render(tmp_path, {"good.yaml": KURSK, "bad.yaml": FLAWED})
    html = (target / "index.html").read_text(encoding="utf-8")
    text = " ".join(" ".join(pages["index.html"].text).split())
    assert "1 finding in 1 of 2 documents" in text
    assert "CHR201 inconsistent-claims" in text
    # the findings table is sortable and filterable and lists the finding
    assert 'class="findings sortable"' in html
    assert "4 statements cannot all be true: they miss by at least 122 days" in text
    # the overview timeline has one panel per document and marks the contradiction
    assert html.count('<figure class="timeline"') == 2
    assert html.count('class="ev conflict') == 2
    assert html.count('class="flag"') == 2


def test_document_page_shows_the_finding_after_the_line_it_cites(tmp_path: Path) -> None:
    target, pages = render(tmp_path, {"bad.yaml": FLAWED})
    doc = next(name for name in pages if name.startswith("docs/"))
    html = (target / doc).read_text(encoding="utf-8")
    # the primary span is the relation on line 15; the finding box follows that line
    line15 = html.index('id="L15"')
    box = html.index('<aside class="finding sev-error" id="f1"')
    assert line15 < box < html.index("Everything chrono read")
    assert html.count('id="L') == FLAWED.count("\n")
    # its explanation chain links to highlighted spans in the text
    steps = re.findall(r'<a class="step" href="#(a\d+)" data-target="\1">([^<]*)</a>', html)
    assert next(text for _, text in steps) == "recapture ends by 2024-03 (no later than 2024-04-01)"
    assert len(steps) == 4  # by 2024-03, recapture start <= end, the relation, sudzha in 2024-08
    for target_id, _ in steps:
        assert re.search(
            rf'<span class="seg [^"]*" data-ann="[^"]*\b{target_id}\b[^"]*" id="{target_id}"', html
        )
    # hover data: the value and the interval of every highlighted span, in its table row
    rows = {
        ident: [unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for ident, row in re.findall(r'<tr id="d-(a\d+)">(.*?)</tr>', html)
    }
    intervals = {cells[2]: cells[4] for cells in rows.values()}
    assert intervals["date of recapture (end)"] == "[2024-03-01, 2024-04-01)"
    assert intervals["event incursion"] == "starts 2024-08-06 … 2024-08-07; ends 2024-08-06 … 2024-08-07"
    # ... and the page data adds only what the table does not show (an event's id, class, key;
    # a finding's message), so nothing is written twice
    data = json.loads(
        re.search(r'<script type="application/json" id="chrono-data">(.*?)</script>', html, re.S)[1]
    )
    for ident, tip in data["annotations"].items():
        if ident in rows:
            assert set(tip) == {"details"}
        else:
            assert tip["kind"] in ("finding", "cited")
    event = next(ident for ident, cells in rows.items() if cells[2] == "event incursion")
    assert ["id", "incursion"] in data["annotations"][event]["details"]


def test_rule_page_renders_the_docstring_sections(tmp_path: Path) -> None:
    _, pages = render(tmp_path, {"bad.yaml": FLAWED})
    text = " ".join(pages["rules/CHR201.html"].text)
    for heading in ("What it does", "Why it matters", "Example", "How to fix"):
        assert heading in text
    assert "recapture after capture" in text  # the literal example block
    assert "``" not in text  # inline code became <code>, not backquotes


def test_document_text_is_shown_as_text_and_never_as_markup(tmp_path: Path) -> None:
    target, pages = render(tmp_path, {"nasty.yaml": NASTY, "<img src=x onerror=alert(1)>.yaml": KURSK})
    for name, page in pages.items():
        # the only scripts are the report's own file and the JSON data block
        for script in page.scripts:
            assert (script.get("src") or "").endswith("static/report.js") or script.get(
                "type"
            ) == "application/json"
        for tag, attribute, value in page.attributes:
            assert not attribute.startswith("on"), f"{name}: event handler attribute on <{tag}>"
            assert "javascript:" not in (value or "").lower() or attribute in ("title", "data-ann"), name
        assert all(not link.lower().startswith("javascript:") for link in page.links)
    doc = next(name for name in pages if "nasty.yaml-" in name)
    html = (target / doc).read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "</textarea><" not in html
    shown = "".join(pages[doc].text)
    # every character of the hostile text is on the page as text (controls as visible markers)
    assert "<script>window.__pwned = 1</script>" in shown
    assert "</script><script>alert(2)</script>" in shown
    assert "javascript:alert(1)" in shown
    assert "\U0001f600" in shown
    assert "&amp; &lt;" in shown
    assert "\u202e" not in html
    assert "\u200b" not in html
    assert "U+202E" in shown
    assert "U+200B" in shown
    # the JSON island cannot close its script element early
    island = html.split('id="chrono-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in island
    assert json.loads(island)["annotations"]
    # a file name made of markup is escaped everywhere and slugged on disk
    index = (target / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;.yaml" in index
    assert "<img src=x" not in index
    assert all(re.fullmatch(r"[A-Za-z0-9._/-]+", name) for name in pages)


def test_page_names_cannot_escape_the_output_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus(tmp_path, {"x.yaml": FLAWED})
    work = tmp_path / "deep" / "er"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    relative = os.path.relpath(folder / "x.yaml", work)
    assert relative.startswith("../../")
    report = check([relative], Options())
    assert report.files == (relative,)
    written = report_site(report, "out", Options())
    out = (work / "out").resolve()
    for name in written.files:
        assert (out / name).resolve().is_relative_to(out)
    assert not list(tmp_path.glob("*.html"))
    assert not list((tmp_path / "deep").glob("*.html"))
    doc = next(name for name in written.files if name.startswith("docs/"))
    assert ".." not in doc
    assert doc.startswith("docs/corpus-x.yaml-")


def test_write_files_rejects_unsafe_names(tmp_path: Path) -> None:
    for name in ("../x.html", "/etc/x.html", "a/../../x.html", "a\\..\\x.html", "", "C:x.html"):
        with pytest.raises(ReportError):
            write_files(tmp_path / "out", {name: "x"})
    assert not (tmp_path / "x.html").exists()


def test_rerun_replaces_own_files_removes_stale_ones_and_keeps_others(tmp_path: Path) -> None:
    # both tell the capture of Sudzha in words that link them (a headline's "Sudzha captured" has no key)
    told = "text: Russian troops captured Sudzha"
    linked = {"a.yaml": KURSK.replace("text: Sudzha captured", told),
              "b.yaml": FLAWED.replace("text: Sudzha captured", told)}
    folder = corpus(tmp_path, linked)
    out = tmp_path / "site"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    first = report_site(check([str(folder)], Options()), out, Options())
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["files"] == list(first.files)
    (folder / "b.yaml").unlink()
    second = report_site(check([str(folder)], Options()), out, Options())
    gone = set(first.files) - set(second.files)
    assert gone == set(second.removed)
    # b.yaml's page, a rule page and the corpus page (a.yaml and b.yaml told the same events)
    assert len(gone) == 3 and "corpus.html" in gone
    assert all(not (out / name).exists() for name in gone)
    assert all((out / name).is_file() for name in second.files)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_refuses_to_overwrite_files_chrono_did_not_write(tmp_path: Path) -> None:
    folder = corpus(tmp_path, {"a.yaml": KURSK})
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("my own page", encoding="utf-8")
    with pytest.raises(ReportError, match=r"refusing to overwrite .*index\.html"):
        report_site(check([str(folder)], Options()), out, Options())
    assert (out / "index.html").read_text(encoding="utf-8") == "my own page"
    assert not (out / MANIFEST).exists()


def test_a_symlink_in_the_output_is_replaced_not_followed(tmp_path: Path) -> None:
    folder = corpus(tmp_path, {"a.yaml": KURSK})
    out = tmp_path / "site"
    report_site(check([str(folder)], Options()), out, Options())
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(victim)  # owned name, now a link to a file outside
    report_site(check([str(folder)], Options()), out, Options())
    assert victim.read_text(encoding="utf-8") == "untouched"
    assert not (out / "index.html").is_symlink()
    # a folder that is a symlink leading outside is refused
    shutil.rmtree(out / "docs")
    (tmp_path / "elsewhere").mkdir()
    (out / "docs").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ReportError, match="outside"):
        report_site(check([str(folder)], Options()), out, Options())
    assert not list((tmp_path / "elsewhere").iterdir())


def test_templates_are_strict_and_autoescaped() -> None:
    env = environment()
    assert isinstance(env.undefined, type)
    assert issubclass(env.undefined, jinja2.StrictUndefined)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_cli_exit_codes_follow_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = corpus(tmp_path, {"a.yaml": KURSK})
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "b.yaml").write_text(FLAWED, encoding="utf-8")
    common = ["--isolated", "--no-cache", "-j", "1"]
    assert main(["report", str(good), "-o", str(tmp_path / "r1"), *common]) == 0
    assert (tmp_path / "r1" / "index.html").is_file()
    assert main(["report", str(bad), "-o", str(tmp_path / "r2"), *common]) == 1
    assert main(["report", str(bad), "-o", str(tmp_path / "r3"), "--ignore", "CHR201", *common]) == 0
    assert main(["report", str(good), *common]) == 2
    assert "needs an output directory" in capsys.readouterr().err
    (tmp_path / "r4").mkdir()
    (tmp_path / "r4" / "index.html").write_text("x", encoding="utf-8")
    assert main(["report", str(good), "-o", str(tmp_path / "r4"), *common]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    # a missing input is a finding of its own (CHR001), as in chrono check
    assert main(["report", str(tmp_path / "missing"), "-o", str(tmp_path / "r5"), *common]) == 1


def test_a_corpus_holding_its_report_folder_skips_last_runs_pages(tmp_path: Path) -> None:
    folder = corpus(tmp_path, {"a.yaml": KURSK})
    out = folder / "report"
    assert main(["report", str(folder), "-o", str(out), "--isolated", "--no-cache", "-q"]) == 0
    assert (out / MANIFEST).exists()
    # a second run over the same folder reports the same single document
    assert main(["report", str(folder), "-o", str(out), "--isolated", "--no-cache", "-q"]) == 0
    assert len(list((out / "docs").glob("*.html"))) == 1
