"""Prose files -> the text to read, offset for offset.

Every reader returns a *view*: a string exactly as long as the decoded file in which everything
that is not prose (front matter, Markdown syntax, HTML tags, scripts, entities) is blanked with
spaces. An offset into the view is therefore an offset into the file, and findings point at the
original bytes without any mapping table. Block boundaries (headings, paragraphs, list items,
``<p>``/``<br>``/``<li>`` …) become a blank line, so sentences never run across them.

The readers also collect metadata: YAML front matter (``date``, ``published``, ``title``,
``lang``) and, in HTML, ``article:published_time`` / ``datePublished`` / ``<time datetime>``
inside the article header as DCT candidates.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from typing import Any

import attrs
import yaml

from chrono.lazy_regex import lazy_compile
from chrono.located import SyntaxProblem, alias_problem


@attrs.frozen
class View:
    text: str
    meta: dict[str, Any] = attrs.field(factory=dict)
    # (value, offset of the value in the file) of the document's own date, if the file names one
    dct_candidates: tuple[tuple[str, str, int, int], ...] = ()
    problems: tuple[tuple[str, int, int], ...] = ()
    # offsets where a sentence must end even without punctuation (ends of headings, list items)
    breaks: frozenset[int] = frozenset()


_NOT_NEWLINE = lazy_compile(r"[^\n]")


def _blank(text: str) -> str:
    """Spaces for every character but newlines (so line numbers stay put)."""
    return _NOT_NEWLINE.sub(" ", text)


def _break(text: str) -> str:
    """A block boundary of the same length: a blank line where there is room."""
    if len(text) >= 2 and "\n" not in text:
        return "\n\n" + " " * (len(text) - 2)
    return _blank(text) if "\n" in text else (" " * len(text))


# ---------------------------------------------------------------------------------------------
# Plain text


def plain_view(text: str) -> View:
    return View(text)


# ---------------------------------------------------------------------------------------------
# Markdown


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())

_FRONT = lazy_compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_FENCE = lazy_compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_MD_LINK = lazy_compile(r"(?=[!\[])(!?)\[([^\]\n]*)\]\(([^)\n]*)\)")  # (look-ahead: fails fast)
_MD_HEADING = lazy_compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_LIST = lazy_compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_MD_QUOTE = lazy_compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_MD_EMPHASIS = lazy_compile(r"(\*\*|__|\*|`)")
_MD_HTML = lazy_compile(r"<!--.*?-->|</?[A-Za-z][^>\n]*>", re.DOTALL)
_MD_RULE = lazy_compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
# A table row ("| a | b |"); a row of dashes under the first only draws a line.
_MD_TABLE_ROW = lazy_compile(r"^[ \t]*\|[^\n]*\|[ \t]*$", re.MULTILINE)
_MD_TABLE_RULE = lazy_compile(r"[ \t|:-]*\Z")
_MD_SETEXT = lazy_compile(r"(?<=[^\n]\n)[ \t]{0,3}=+[ \t]*$", re.MULTILINE)
# What every match of each pattern holds: a text without any of it is not searched (most prose
# has no '#', '|', '>' or '](', and a search for a pattern that opens with '^' or a look-around
# tries every position of the text).
_MD_MARKS: dict[re.Pattern[str], tuple[str, ...]] = {
    _MD_FENCE: ("```", "~~~"),
    _MD_HTML: ("<",),
    _MD_LINK: ("](",),
    _MD_HEADING: ("#",),
    _MD_LIST: ("-", "*", "+", ".", ")"),
    _MD_QUOTE: (">",),
    _MD_RULE: ("-", "*", "_"),
    _MD_TABLE_ROW: ("|",),
    _MD_SETEXT: ("=",),
    _MD_EMPHASIS: ("*", "_", "`"),
}


# The patterns whose matches start a line (they open with '^' or a look-behind on a newline): a
# search would try every position of the text, so they are tried at the line starts only.
_MD_LINE_PATTERNS = frozenset({_MD_FENCE, _MD_HEADING, _MD_LIST, _MD_QUOTE, _MD_RULE, _MD_TABLE_ROW,
                               _MD_SETEXT})


def _md_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    if not any(mark in text for mark in _MD_MARKS[pattern]):
        return iter(())
    return _at_line_starts(pattern, text) if pattern in _MD_LINE_PATTERNS else pattern.finditer(text)


def _at_line_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern whose matches start a line and are
    never empty: each line start at or after the end of the last match is tried."""
    at = 0
    while True:
        match = pattern.match(text, at)
        if match is not None:
            yield match
            at = match.end()
            if text[at - 1:at] == "\n":
                continue  # (no pattern's match ends with a newline, but then ``at`` starts a line)
        newline = text.find("\n", at)
        if newline == -1:
            return
        at = newline + 1


# libyaml's parser when PyYAML was built with it (the same nodes, five times faster)
_BASE_LOADER: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


_DATES_ONLY = lazy_compile(r"(?:[A-Za-z][A-Za-z0-9_]*: \d{4}-\d\d-\d\d\n)+")


def _front_matter(body: str) -> Any:
    """The front matter's data, every value a string; aliases are checked before they are
    expanded (one inside its own anchor, or billions of laughs). Raises ``yaml.YAMLError`` or
    :class:`~chrono.located.SyntaxProblem`."""
    if _DATES_ONLY.fullmatch(body):
        # only "key: YYYY-MM-DD" lines (most dated documents): what the loader reads, a string
        # for each key (a repeated one's last), without it
        return dict(line.split(": ", 1) for line in body.splitlines())
    loader = _BASE_LOADER(body)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        problem = alias_problem(root, body)
        if problem is not None:
            raise problem
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges (none empty) as few disjoint ones, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the (disjoint, ordered) ``ranges`` blanked."""
    pieces: list[str] = []
    done = 0
    for start, end in ranges:
        pieces += (text[done:start], _blank(text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def markdown_view(text: str) -> View:
    # what is blanked, as ranges: the text is copied once, at the end (most prose has little)
    blanked: list[tuple[int, int]] = []
    meta: dict[str, Any] = {}
    problems: list[tuple[str, int, int]] = []
    candidates: list[tuple[str, str, int, int]] = []

    def blank(start: int, end: int) -> None:
        end = min(end, len(text))
        if start < end:
            blanked.append((start, end))

    front = _FRONT.match(text)
    if front:
        body = front.group(1) or ""
        try:  # every value as written (a date that does not exist is reported, not a crash)
            loaded = _front_matter(body)
        except yaml.YAMLError as error:
            loaded = None
            problems.append((f"front matter is not valid YAML: {error}".splitlines()[0], 0, front.end()))
        except SyntaxProblem as error:
            loaded = None
            problems.append((f"front matter cannot be read: {error}", 0, front.end()))
        if isinstance(loaded, dict):
            meta = {str(k): v for k, v in loaded.items()}
            # values that look like a day, "date" and "published" first (the default DCT keys)
            keys = sorted(
                (k for k, v in meta.items()
                 if k in ("date", "published") or re.match(r"\s*\d{4}-\d\d-\d\d", _date_text(v))),
                key=lambda k: (k not in ("date", "published"), k != "date"),
            )
            for key in keys:
                value = meta[key]
                where = re.search(rf"^{re.escape(key)}[ \t]*:[ \t]*['\"]?([^\n'\"]*)", body, re.MULTILINE)
                start = front.start(1) + where.start(1) if where else 0
                end = front.start(1) + where.end(1) if where else 0
                candidates.append((f"front matter {key!r}", _date_text(value), start, end))
        blank(0, front.end())
    for pattern in (_MD_FENCE, _MD_HTML):
        for match in _md_matches(pattern, text):
            blank(*match.span())
    for match in _md_matches(_MD_LINK, text):
        if match.group(1):  # an image: its alt text is not prose
            blank(*match.span())
            continue
        blank(match.start(), match.start(2))
        blank(match.end(2), match.end())
    breaks: set[int] = set()
    for pattern in (_MD_HEADING, _MD_LIST, _MD_QUOTE, _MD_RULE):
        for match in _md_matches(pattern, text):
            blank(*match.span())
            # a heading or list item is a block of its own
            line_end = text.find("\n", match.end())
            if pattern is not _MD_QUOTE:
                breaks.add(len(text) if line_end == -1 else line_end)
    for match in _md_matches(_MD_TABLE_ROW, text):
        if _MD_TABLE_RULE.match(match.group()):
            blank(*match.span())  # the pipes of a row stay: they keep its cells apart
    for match in _md_matches(_MD_SETEXT, text):
        blank(*match.span())
    # emphasis marks, but not those in what is blanked already
    before = _merged(blanked)
    starts = [start for start, _ in before]
    for match in _md_matches(_MD_EMPHASIS, text):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i < 0 or match.start() >= before[i][1]:
            blank(*match.span())
    return View(_blanked(text, _merged(blanked)), meta, tuple(candidates), tuple(problems), frozenset(breaks))


_MD_LIST_ITEM = lazy_compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_MD_FENCE_LINE = lazy_compile(r"[ \t]*(`{3,}|~{3,})(.*)")
_MD_BACKTICKS = lazy_compile(r"`+")
_MD_BLANK_LINE = lazy_compile(r"\n[ \t]*(?=\n)")


def indent_columns(line: str) -> int:
    """Columns of leading white space (a tab runs to the next multiple of four)."""
    column = 0
    for char in line:
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        else:
            break
    return column


def markdown_code(text: str) -> list[tuple[int, int]]:
    """Offset ranges of the code in a Markdown document: fenced blocks (``` or ~~~, indented
    too, as in a list item; an unclosed fence runs to the end, as Markdown renders it), indented
    code blocks (four columns in, after a blank line, outside lists) and inline code spans.
    What is written there is an example, not a directive to chrono.

    (The prose view blanks only fences at the start of a line: widening what it reads as code
    would change the findings of existing documents.)"""
    front = _FRONT.match(text)
    begin = front.end() if front else 0
    ranges: list[tuple[int, int]] = []
    fence: tuple[str, int, int] | None = None  # the open fence: its character, length, start
    previous_blank, in_list = True, False
    code: tuple[int, int] | None = None  # the indented block being read: start, end so far
    offset = begin
    for line in text[begin:].split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        delimiter = _MD_FENCE_LINE.match(line)
        if fence is not None:
            if delimiter and delimiter.group(1)[0] == fence[0] and len(delimiter.group(1)) >= fence[1] and (
                not delimiter.group(2).strip()
            ):
                ranges.append((fence[2], end))
                fence, previous_blank = None, True
            continue
        blank = not line.strip()
        if code is not None:
            if blank or indent_columns(line) >= 4:
                code = (code[0], end) if not blank else code
                continue
            ranges.append(code)
            code = None
        if blank:
            previous_blank = True
            continue
        if indent_columns(line) >= 4 and previous_blank and not in_list:
            code = (start, end)  # an indented line cannot interrupt a paragraph, only follow a gap
            continue
        if delimiter and not (delimiter.group(1)[0] == "`" and "`" in delimiter.group(2)):
            fence = (delimiter.group(1)[0], len(delimiter.group(1)), start)
            continue
        if _MD_LIST_ITEM.match(line):
            in_list = True
        elif previous_blank and indent_columns(line) == 0:
            in_list = False
        previous_blank = False
    if fence is not None:
        ranges.append((fence[2], len(text)))
    if code is not None:
        ranges.append(code)
    # spans are looked for with the blocks blanked: none starts in a block or reaches across one
    ranges += _code_spans(_blank_ranges(text, ranges), begin)
    return sorted(ranges)


def _code_spans(text: str, begin: int) -> list[tuple[int, int]]:
    """Inline code spans: a run of backticks up to the next run exactly as long in the same
    paragraph (a run with no partner is literal). Each run learns its partner in one pass from
    the right, so a paragraph full of stray backticks stays linear."""
    runs = [m.span() for m in _MD_BACKTICKS.finditer(text, begin)]
    gaps = [m.start() for m in _MD_BLANK_LINE.finditer(text, begin)]
    paragraph = [bisect.bisect_left(gaps, start) for start, _ in runs]
    partner: list[int | None] = [None] * len(runs)
    following: dict[tuple[int, int], int] = {}  # (length, paragraph) -> the next such run
    for i in range(len(runs) - 1, -1, -1):
        key = (runs[i][1] - runs[i][0], paragraph[i])
        partner[i] = following.get(key)
        following[key] = i
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        j = partner[i]
        if j is None:
            i += 1
            continue
        spans.append((runs[i][0], runs[j][1]))
        i = j + 1
    return spans


def _blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = _blank(text[start:end])
    return "".join(chars)


def without_code(text: str) -> str:
    """The Markdown text with its code blanked (same length, same lines)."""
    return _blank_ranges(text, markdown_code(text))


def _date_text(value: Any) -> str:
    """The value as ``YYYY-MM-DD…`` when it names a day ("April 24, 2025" too), else as written."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    text = str(value).strip()
    if text and not re.match(r"\d{4}-\d\d-\d\d", text):
        from chrono.tagger import extract

        found = [t for t in extract(text) if t.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)]
        if len(found) == 1 and found[0].anchor is None:
            return found[0].value
    return text


# ---------------------------------------------------------------------------------------------
# HTML

HTML_HIDDEN = lazy_compile(
    r"<(script|style|head|noscript|template|svg|nav|footer|aside|form|button|select|iframe)\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
HTML_COMMENT = lazy_compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?.*?\?>", re.DOTALL)
HTML_TAG = lazy_compile(r"</?([A-Za-z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_HTML_ENTITY = lazy_compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK = _set("p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header blockquote pre "
    "figure figcaption dt dd dl hr main title caption")
_META = lazy_compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = lazy_compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSON_LD = lazy_compile(r'"(datePublished|dateCreated)"\s*:\s*"([^"]+)"')
_TIME = lazy_compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"'][^>]*\b(?:pubdate|datePublished)\b|"
                   r"<time\b[^>]*\b(?:pubdate|datePublished)\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']",
                   re.IGNORECASE)
_DCT_PROPERTIES = ("article:published_time", "datepublished", "og:published_time", "dc.date",
                   "dcterms.created", "date")


def html_view(text: str) -> View:
    chars = list(text)
    candidates: list[tuple[str, str, int, int]] = []
    meta: dict[str, Any] = {}
    for match in _META.finditer(text):
        attributes: dict[str, tuple[str, int, int]] = {}
        for attr in _ATTR.finditer(match.group()):
            group = next(g for g in (2, 3, 4) if attr.group(g) is not None)
            attributes[attr.group(1).lower()] = (
                attr.group(group), match.start() + attr.start(group), match.start() + attr.end(group)
            )
        key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ("",))[0]
        if "content" in attributes and key.lower() in _DCT_PROPERTIES:
            value, start, end = attributes["content"]
            candidates.append((f"HTML {key}", html.unescape(value), start, end))
    for match in _JSON_LD.finditer(text):
        candidates.append((f"HTML {match.group(1)}", match.group(2), match.start(2), match.end(2)))
    for match in _TIME.finditer(text):
        group = 1 if match.group(1) is not None else 2
        candidates.append(("HTML <time pubdate>", match.group(group), match.start(group), match.end(group)))
    # most specific first: article:published_time, then datePublished, then the rest
    rank = {name: i for i, name in enumerate(_DCT_PROPERTIES)}
    candidates.sort(key=lambda c: rank.get(c[0][5:].lower(), len(rank)))
    title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    if title:
        meta["title"] = html.unescape(title.group(1)).strip()
    lang = re.search(r"<html\b[^>]*\blang\s*=\s*[\"']?([\w-]+)", text, re.IGNORECASE)
    if lang:
        meta["lang"] = lang.group(1)

    for pattern in (HTML_COMMENT, HTML_HIDDEN):
        for match in pattern.finditer(text):
            chars[match.start():match.end()] = _break(match.group())
    for match in HTML_TAG.finditer(text):
        if chars[match.start()] != "<":
            continue  # inside something already blanked
        name = match.group(1).lower()
        chars[match.start():match.end()] = _break(match.group()) if name in _BLOCK else _blank(match.group())
    view = "".join(chars)
    out = list(view)
    for match in _HTML_ENTITY.finditer(view):
        decoded = html.unescape(match.group())
        if len(decoded) == 1:
            decoded = {"\xa0": " ", "\u2009": " ", "\u202f": " "}.get(decoded, decoded)
            out[match.start():match.end()] = decoded + " " * (len(match.group()) - 1)
    return View("".join(out), meta, tuple(candidates))


def view_of(kind: str, text: str) -> View:
    # A carriage return (CRLF files) reads as a space: same length, so offsets stay put.
    text = text.replace("\r", " ")
    if kind == "markdown":
        return markdown_view(text)
    if kind == "html":
        return html_view(text)
    return plain_view(text)
