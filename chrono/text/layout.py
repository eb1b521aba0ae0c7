"""The layout of a prose file (:class:`chrono.layout.Layout`): one model for Markdown, HTML and
plain text, built from the file and its view (:mod:`chrono.text.markup`).

* Markdown: ATX and setext headings, list items nested by indentation (with their lazy and
  indented continuation lines), table rows and their cells, paragraphs.
* HTML: ``<h1>``–``<h6>``, ``<li>`` nested in ``<ul>``/``<ol>``, ``<dt>`` with its ``<dd>``,
  ``<tr>`` and ``<td>``/``<th>``; paragraphs are the view's blocks.
* Plain text: setext headings, bulleted and numbered items, paragraphs.

Then, for all three, from the view: a paragraph that is one short line without final
punctuation between blank lines is a heading (level 7, below any written level: "***2024***",
"Released 2024-06-03", "TIMELINE"); a paragraph of several lines has a block per line (where
"OCT. 12, 2021: …" or "09:12 UTC — …" entries stand one a line); a paragraph that opens with
"CITY, Month Day (Agency) —" is a dateline, which scopes its story. Which of these blocks a date
opens (an entry) is the tagger's to see (:mod:`chrono.tagger.frames`).

A heading, item, cell or line whose words have no finite verb ("v2.4.0 released", "Yearly
accounts published") is marked a label (:attr:`chrono.layout.Block.label`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence

import attrs

from chrono.layout import LABEL_KINDS, Block, Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.regex_cache import compile_kept
from chrono.text.calendar_names import MONTHS, WEEKDAYS
from chrono.text.markup import HTML_COMMENT, HTML_HIDDEN, HTML_TAG, View, indent_columns
from chrono.text.vocabulary import alternation, longest_first, vocabulary

_WORDS = vocabulary("layout")


def layout_of(kind: str, text: str, view: View) -> Layout:
    """The layout of a file of ``kind`` ("markdown", "html", anything else plain text) whose
    decoded content is ``text`` and prose view ``view``."""
    shown = view.text
    breaks: list[int] = []
    if kind == "html":
        blocks = _html(text.replace("\r", " "), shown)
    else:
        blocks = _lines(text.replace("\r", " "), shown, markdown=kind == "markdown")
        if kind == "markdown":
            # (a line of dashes right under text underlines a heading: not a break)
            breaks = [m.start() for m in RULE_LINE.finditer(text) if text.endswith("\n\n", 0, m.start())]
    blocks = _finish(shown, blocks, breaks)
    return Layout.of(blocks)


# a thematic break: a line of three or more -, * or _ (of one kind)
RULE_LINE = lazy_compile(r"^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)


# ---------------------------------------------------------------------------------------------
# Shared


def _trimmed(shown: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space (and blanked markup) at either end."""
    while start < end and shown[start].isspace():
        start += 1
    while end > start and shown[end - 1].isspace():
        end -= 1
    return start, end


def _block(shown: str, kind: Kind, start: int, end: int, scope_end: int | None = None,
           level: int = 0, *, ordered: bool = False) -> Block | None:
    a, b = _trimmed(shown, start, end)
    if b <= a:
        return None
    return Block(kind, a, b, max(b, scope_end if scope_end is not None else b), level, ordered=ordered)


_LINE = lazy_compile(r"[^\n]*")
# A line that may open an entry of its own ("09:12 UTC — …", "OCT. 12, 2021: …") or hold a date
# alone: a delimiter among its first words, or a few words only. The other lines of a paragraph
# are one text wrapped, and get no block.
# (The words of a short line are separated by spaces in the pattern: "(?:[ \t]*\S+){1,6}" would
# split a long run of non-space characters every possible way.)
_DELIMITED_LINE = lazy_compile(r"[^\n]{0,48}?(?:[:—–|]|\s-\s)")
_SHORT_LINE = lazy_compile(r"[ \t]*\S+(?:[ \t]+\S+){0,5}[ \t]*\Z")
# "… full for the first time since ¶ May. Picked the first tomatoes.": a short line after a long
# one that stops mid-sentence is the end of its sentence, wrapped
_MID_SENTENCE = lazy_compile(r"[^\n]{40,}[\w,]\s*\Z")
_CONTINUED = lazy_compile(rf"(?:,|\b(?:{_WORDS.pattern('continuing_words')}))[ \t]*\Z")


def _lines_of(shown: str, lines: list[tuple[int, int]]) -> Iterator[Block]:
    """The blocks of the lines of a paragraph or an item that may stand for themselves."""
    before: tuple[int, int] | None = None
    for a, z in lines:
        wrapped = before is not None and _MID_SENTENCE.match(shown, *before) is not None
        # "… the forecast is poor for tomorrow and ¶ Monday. Dinner: lentils.": a line after
        # one that ends on a comma or a word that cannot end a sentence goes on with it
        continued = before is not None and _CONTINUED.search(shown, *before) is not None
        before = (a, z)
        if continued:
            continue
        if (_DELIMITED_LINE.match(shown, a, z) or (_SHORT_LINE.match(shown, a, z) and not wrapped)) and (
            block := _block(shown, Kind.LINE, a, z)
        ) is not None:
            yield block


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    offset = 0
    for line in text.split("\n"):
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


# ---------------------------------------------------------------------------------------------
# Markdown and plain text: line by line

_ATX = lazy_compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT = lazy_compile(r" {0,3}(=+|-{2,})[ \t]*$")
_MD_ITEM = lazy_compile(r"([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_PLAIN_ITEM = lazy_compile(r"([ \t]*)(?:[-*+•▪◦‣]|\d{1,3}[.)])[ \t]+(?=\S)")
_TABLE_ROW = lazy_compile(r"[ \t]*\|")


@attrs.define
class _Item:
    indent: int  # the marker's column
    content: int  # the column its text starts at
    start: int
    own_end: int  # the end of its own words so far
    end: int  # the end of its last line so far
    depth: int
    nested: bool = False  # a nested item has started: its own words are over
    ordered: bool = False  # "4. …": an item of a numbered list
    lines: list[tuple[int, int]] = attrs.field(factory=list)


def _lines(text: str, shown: str, *, markdown: bool) -> list[Block]:
    out: list[Block] = []
    spans = _line_spans(text)
    items: list[_Item] = []
    paragraph: list[tuple[int, int]] = []
    previous_blank = True
    item_pattern = _MD_ITEM if markdown else _PLAIN_ITEM

    def close_items(keep: int = 0) -> None:
        while len(items) > keep:
            item = items.pop()
            block = _block(shown, Kind.ITEM, item.start, item.own_end, item.end, item.depth,
                           ordered=item.ordered)
            if block is not None:
                out.append(block)
                if len(item.lines) > 1:
                    out.extend(_lines_of(shown, item.lines))

    def close_paragraph() -> None:
        if not paragraph:
            return
        block = _block(shown, Kind.PARAGRAPH, paragraph[0][0], paragraph[-1][1])
        if block is not None:
            out.append(block)
            if len(paragraph) > 1:
                out.extend(_lines_of(shown, paragraph))
        paragraph.clear()

    for start, end in spans:
        raw = text[start:end]
        if _SETEXT.match(raw) and len(paragraph) == 1 and not items:
            # "Title\n=====": the line above is a heading
            line_start, line_end = paragraph.pop()
            level = 1 if raw.strip()[0] == "=" else 2
            heading = _block(shown, Kind.HEADING, line_start, line_end, level=level)
            if heading is not None:
                out.append(heading)
            previous_blank = True
            continue
        if not shown[start:end].strip():
            close_paragraph()
            previous_blank = True
            continue
        if markdown and (atx := _ATX.match(raw)):
            close_paragraph()
            close_items()
            heading = _block(shown, Kind.HEADING, start + atx.end(), end, level=len(atx.group(1)))
            if heading is not None:
                out.append(heading)
            previous_blank = False
            continue
        if markdown and _TABLE_ROW.match(raw) and raw.count("|") >= 2:
            close_paragraph()
            close_items()
            out.extend(_row(text, shown, start, end))
            previous_blank = False
            continue
        marker = item_pattern.match(raw)
        column = indent_columns(raw)
        if marker is not None:
            close_paragraph()
            indent = indent_columns(marker.group(1))
            while items and items[-1].indent >= indent:
                close_items(len(items) - 1)
            if items:
                items[-1].nested = True
            content = len(raw[:marker.end()].expandtabs(4)) if marker.end() < len(raw) else indent + 2
            items.append(_Item(indent, content, start + marker.end(), end, end, len(items) + 1,
                               lines=[(start + marker.end(), end)],
                               ordered=any(c.isdigit() for c in marker.group())))
            for outer in items[:-1]:
                outer.end = end
            previous_blank = False
            continue
        if items:
            if previous_blank:
                # after a blank line, only an indented line goes on with an item
                while items and column < items[-1].content:
                    close_items(len(items) - 1)
            if items:
                item = items[-1]
                item.end = end
                if not item.nested and not previous_blank:
                    item.own_end = end
                    item.lines.append((start, end))
                for outer in items[:-1]:
                    outer.end = end
                previous_blank = False
                continue
        paragraph.append((start, end))
        previous_blank = False
    close_paragraph()
    close_items()
    return out


_CELL_SPLIT = lazy_compile(r"(?<!\\)\|")


def _row(text: str, shown: str, start: int, end: int) -> Iterator[Block]:
    row = _block(shown, Kind.ROW, start, end)
    if row is None:
        return
    yield row
    cuts = [m.start() for m in _CELL_SPLIT.finditer(text, start, end)]
    edges = [start - 1, *cuts, end] if text[start:end].lstrip()[:1] != "|" else [*cuts, end]
    for a, b in itertools.pairwise(edges):
        cell = _block(shown, Kind.CELL, a + 1, b)
        if cell is not None:
            yield cell


# ---------------------------------------------------------------------------------------------
# HTML: the tags

_HEADING_TAG = lazy_compile(r"h([1-6])\Z")


def _html(text: str, shown: str) -> list[Block]:
    out: list[Block] = []
    hidden = sorted(m.span() for pattern in (HTML_COMMENT, HTML_HIDDEN) for m in pattern.finditer(text))
    hidden_index = 0
    heading: tuple[int, int] | None = None  # level, start
    depth = 0  # open lists
    items: list[tuple[int, int, int | None]] = []  # depth, start, own end
    terms: list[tuple[int, int, int | None]] = []  # <dt>: dl depth, start, own end
    dl_depth = 0
    row: int | None = None
    cell: int | None = None

    def close_item(at: int) -> None:
        item_depth, start, own_end = items.pop()
        block = _block(shown, Kind.ITEM, start, own_end if own_end is not None else at, at, item_depth)
        if block is not None:
            out.append(block)

    def close_term(at: int) -> None:
        _, start, own_end = terms.pop()
        block = _block(shown, Kind.ITEM, start, own_end if own_end is not None else at, at, 1)
        if block is not None:
            out.append(block)

    def close_cell(at: int) -> None:
        nonlocal cell
        if cell is not None:
            block = _block(shown, Kind.CELL, cell, at)
            if block is not None:
                out.append(block)
            cell = None

    def close_row(at: int) -> None:
        nonlocal row
        close_cell(at)
        if row is not None:
            block = _block(shown, Kind.ROW, row, at)
            if block is not None:
                out.append(block)
            row = None

    for match in HTML_TAG.finditer(text):
        at = match.start()
        while hidden_index < len(hidden) and hidden[hidden_index][1] <= at:
            hidden_index += 1
        if hidden_index < len(hidden) and hidden[hidden_index][0] <= at:
            continue
        name = match.group(1).lower()
        closing = text[at + 1] == "/"
        level = _HEADING_TAG.match(name)
        if level:
            if not closing:
                heading = (int(level.group(1)), match.end())
            elif heading is not None:
                block = _block(shown, Kind.HEADING, heading[1], at, level=heading[0])
                if block is not None:
                    out.append(block)
                heading = None
        elif name in ("ul", "ol"):
            if not closing:
                if items and items[-1][2] is None:
                    items[-1] = (items[-1][0], items[-1][1], at)
                depth += 1
            else:
                while items and items[-1][0] >= depth:
                    close_item(at)
                depth = max(0, depth - 1)
        elif name == "li":
            if not closing:
                while items and items[-1][0] >= max(depth, 1):
                    close_item(at)
                items.append((max(depth, 1), match.end(), None))
            elif items:
                close_item(at)
        elif name == "dl":
            if not closing:
                dl_depth += 1
            else:
                while terms and terms[-1][0] >= dl_depth:
                    close_term(at)
                dl_depth = max(0, dl_depth - 1)
        elif name == "dt":
            if not closing:
                while terms and terms[-1][0] >= max(dl_depth, 1):
                    close_term(at)
                terms.append((max(dl_depth, 1), match.end(), None))
            elif terms and terms[-1][2] is None:
                terms[-1] = (terms[-1][0], terms[-1][1], at)
        elif name == "tr":
            close_row(at)
            if not closing:
                row = match.end()
        elif name in ("td", "th"):
            close_cell(at)
            if not closing and row is not None:
                cell = match.end()
        elif name == "table" and closing:
            close_row(at)
    while items:
        close_item(len(text))
    while terms:
        close_term(len(text))
    close_row(len(text))
    # paragraphs: the view's blocks, outside the blocks found so far (lines broken by <br>
    # are lines of one paragraph)
    taken = _Spans(sorted((b.start, b.end) for b in out))
    for start, end in _view_paragraphs(shown, text):
        start, end = _trimmed(shown, start, end)
        if end > start and not taken.hold(start, end):
            lines = [(a, z) for a, z in _line_spans_in(shown, start, end) if shown[a:z].strip()]
            block = _block(shown, Kind.PARAGRAPH, start, end)
            if block is not None:
                out.append(block)
                if len(lines) > 1:
                    out.extend(_lines_of(shown, lines))
    return out


_BLANK_LINES = lazy_compile(r"\n[ \t]*(?:\n[ \t]*)+")


_LINE_BREAKS = lazy_compile(r"(?:\s|<br\b[^>]*>)*\Z", re.IGNORECASE)


def _view_paragraphs(shown: str, text: str | None = None) -> Iterator[tuple[int, int]]:
    """The stretches of ``shown`` between blank lines; with the file's ``text``, a blank that
    stands for ``<br>`` tags only does not end one."""
    start = 0
    for match in _BLANK_LINES.finditer(shown):
        if text is not None and _LINE_BREAKS.match(text, match.start(), match.end()):
            continue
        yield start, match.start()
        start = match.end()
    yield start, len(shown)


def _line_spans_in(shown: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _LINE.finditer(shown, start, end):
        if match.start() < end:
            yield match.start(), match.end()


class _Spans:
    """Spans, to ask whether one of them holds a stretch: sorted by start, with the furthest
    end reached by any span that starts no later."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        furthest = -1
        for _, b in spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def hold(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


# ---------------------------------------------------------------------------------------------
# Every kind: headings of one short line, datelines, heading scopes, labels

_FINAL = frozenset(".!?,;")
_SHORT_WORDS = 10
_SHORT_CHARS = 80


def _finish(shown: str, blocks: list[Block], breaks: Sequence[int] = ()) -> list[Block]:
    out: list[Block] = []
    last = max((b.start for b in blocks), default=-1)
    lined = {b.start for b in blocks if b.kind is Kind.LINE}
    datelines = list(_datelines(shown, blocks))
    opened = {b.start for b in datelines}
    for block in blocks:
        if block.kind is Kind.PARAGRAPH and block.start != last and block.start not in lined and (
            block.start not in opened and _short_heading(shown[block.start:block.end])
        ):
            block = attrs.evolve(block, kind=Kind.HEADING, level=7)
        out.append(block)
    out.extend(datelines)
    out = _heading_scopes(shown, out, breaks)
    out = [_marked(shown, b) for b in out]
    return _lines_over_lists(shown, out)


def _lines_over_lists(shown: str, blocks: list[Block]) -> list[Block]:
    """A line read as a heading that names a day is a date heading only over a list or a table
    ("Released 2024-06-03" above the changes); above prose it is a byline or a date line
    ("Sunday, March 31, 2019"), and its date only sets the story's time, unless the text has
    more than one (a diary's days). A line that names a year or a month ("2019", "March 2024")
    labels a section wherever it stands."""
    order = sorted(blocks, key=lambda b: b.start)
    day_lines = [b for b in order if b.kind is Kind.HEADING and b.level == 7 and b.is_date
                 and _names_day(shown[b.start:b.end])]
    if len(day_lines) > 1:
        # "**Monday 15 May** … **Wednesday 17 May** …": a diary's days, each over its entry
        return order
    out = []
    for i, block in enumerate(order):
        if block.kind is Kind.HEADING and block.level == 7 and block.is_date and (
            _names_day(shown[block.start:block.end])
        ):
            following = next((b for b in order[i + 1:] if b.start >= block.end), None)
            if following is None or following.kind not in (Kind.ITEM, Kind.ROW):
                block = attrs.evolve(block, is_date=False)
        out.append(block)
    return out


_DAY_NUMBER = lazy_compile(r"(?<![\d.])\d{1,2}(?!\d)|\d{4}-\d\d-\d\d")


def _names_day(words: str) -> bool:
    weekdays = {name.lower() for name in WEEKDAYS}
    return _DAY_NUMBER.search(words) is not None or any(
        t.lower().rstrip(".") in weekdays for t in _TOKEN.findall(words))


# A paragraph or line that reads as an entry ("June 10, 2024: Guide published"): a delimiter
# after its first few words.
_ENTRY_DELIMITER = lazy_compile(r"[:—–|]|\s-\s")
_ENTRY_LEAD = 48


def _marked(shown: str, block: Block) -> Block:
    """``block`` with its flags: a label, a heading that is a date."""
    if block.end - block.start > _LABEL_CHARS:
        return block
    words = shown[block.start:block.end]
    if block.kind not in LABEL_KINDS and not (
        block.kind is Kind.PARAGRAPH and _ENTRY_DELIMITER.search(words, 0, _ENTRY_LEAD)
    ):
        return block
    label = is_label(words)
    is_date = block.kind is Kind.HEADING and is_date_words(words)
    if not (label or is_date):
        return block
    return attrs.evolve(block, label=label, is_date=is_date)


_DATE_TOKEN = lazy_compile(r"(?:v?\d+(?:st|nd|rd|th)?(?:[.:/-]\d+)*[a-z]?|[^\w\s])\Z", re.IGNORECASE)


@functools.cache
def _date_words() -> frozenset[str]:
    names = {name.lower() for name in (*MONTHS, *WEEKDAYS)}
    return frozenset(names | _WORDS.set("date_heading_words"))


def is_date_words(words: str) -> bool:
    """Whether ``words`` (a heading) are a date and at most the words of a dated section:
    numbers, month and weekday names, version numbers, "week", "released" …"""
    known = _date_words()
    tokens = _TOKEN.findall(words)
    # a number, or a month's name: "## 2011", "## 14 March", "## September", "## April and May"
    # (not a weekday alone: "## Monday" of which week?)
    dated = any(t[:1].isdigit() or t.rstrip(".") in _month_names() for t in tokens)
    return bool(tokens) and dated and all(
        t.lower().rstrip(".") in known or _DATE_TOKEN.match(t) for t in tokens)


@functools.cache
def _month_names() -> frozenset[str]:
    return frozenset(MONTHS)


def _short_heading(words: str) -> bool:
    """A line read as a heading: short, no final punctuation (but a date's full stop: "*2nd April
    1944.*" heads a letter), opening with a capital or digit."""
    if "\n" in words or len(words) > _SHORT_CHARS:
        return False
    if words[-1] in _FINAL and not (words[-1] == "." and is_date_words(words[:-1])):
        return False
    first = words.lstrip("\"'“‘([")[:1]
    return (first.isupper() or first.isdigit()) and len(words.split()) <= _SHORT_WORDS


def _heading_scopes(shown: str, blocks: list[Block], breaks: Sequence[int] = ()) -> list[Block]:
    """Each heading scopes up to the next heading of the same or a higher level, or a thematic
    break (an editor's note of today under the dated sections of an archive column); a dateline
    up to the next dateline or heading."""
    headings = sorted((b for b in blocks if b.kind is Kind.HEADING), key=lambda b: b.start)
    lines = _line_starts(shown)
    if not headings and not any(b.kind is Kind.DATELINE for b in blocks):
        return blocks
    out = []
    for block in blocks:
        if block.kind is Kind.HEADING:
            scope = len(shown)
            for other in headings:
                if other.start > block.start and other.level <= block.level:
                    scope = _line_start(lines, other.start)
                    break
            scope = min([scope, *(at for at in breaks if at >= block.end)])
            block = attrs.evolve(block, scope_end=max(block.end, scope))
        elif block.kind is Kind.DATELINE:
            scope = len(shown)
            for other in blocks:
                if other.start > block.start and other.kind in (Kind.HEADING, Kind.DATELINE) and (
                    _line_start(lines, other.start) < scope
                ):
                    scope = _line_start(lines, other.start)
            block = attrs.evolve(block, scope_end=max(block.end, scope))
        out.append(block)
    return out


def _line_starts(shown: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", shown))]


def _line_start(lines: list[int], offset: int) -> int:
    return lines[bisect.bisect_right(lines, offset) - 1]


@functools.cache
def _dateline_regex() -> re.Pattern[str]:
    months = alternation(longest_first(MONTHS))
    dashes = alternation(_WORDS.words("dateline_dashes"))
    return compile_kept(
        r"[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"  # OSLO, SAN JOSE
        r"(?:,[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"  # , Switzerland
        rf",[ \t]+(?:(?:{months})\.?[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+(?:{months}))"  # , May 7 | , 7 May
        r"(?:,?[ \t]+\d{4})?"
        r"(?:[ \t]*\([^()\n]{1,40}\))?"  # (Nordic Wire)
        rf"[ \t]*(?:{dashes})"
    )


def _datelines(shown: str, blocks: list[Block]) -> Iterator[Block]:
    regex = _dateline_regex()
    for block in blocks:
        if block.kind is Kind.PARAGRAPH:
            # (past the blanked marks of "**VELDHAVEN, March 2 –**")
            words = shown[block.start:block.end]
            first = block.start + len(words) - len(words.lstrip())
            match = regex.match(shown, first, block.end)
            if match is not None:
                yield Block(Kind.DATELINE, match.start(), match.end(), match.end())


# ---------------------------------------------------------------------------------------------
# Labels

_TOKEN = lazy_compile(r"[\w'’.-]*\w|[^\w\s]")

# A label is short: a longer item or line is a sentence.
_LABEL_CHARS = 160


@functools.cache
def _label_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    return (_WORDS.set("finite_evidence"), _WORDS.set("determiners"), _WORDS.set("label_followers"),
            _WORDS.set("irregular_past"))


def is_label(words: str) -> bool:
    """Whether ``words`` (a heading, item, cell or line) read as a label, not a statement: a past
    form stands as a participle after a bare noun phrase ("v2.4.0 released", "Yearly accounts
    published, with figures"), and no word before it shows a finite verb or a subject."""
    finite, determiners, followers, irregular = _label_words()
    raw = _TOKEN.findall(words)
    tokens = [t.lower().replace("’", "'") for t in raw]
    seen_past = False
    for i, token in enumerate(tokens):
        past = (len(token) >= 4 and token.endswith("ed") and token.isalpha()) or token in irregular
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if past and i > 0 and tokens[i - 1].endswith("ly") and tokens[i - 1].isalpha() and (
            following.isalpha() and following not in determiners and following not in followers
        ):
            continue  # "Newly elected commissioners sworn in": a participle that describes the noun
        if not past:
            if not seen_past and (token in finite or token in determiners) and raw[i] not in MONTHS:
                return False  # ("May 30: …" is a date, not a modal)
            continue
        seen_past = True
        if following and following[0].isalpha() and following not in followers:
            return False  # "released the report": an object, a finite verb
    return seen_past
