"""The layout's reference times: a heading or an entry that is or holds a date gives the time of
what it scopes, as the narrative time does.

The scanner tells the context where each expression starts (:meth:`Context.at`); here the
blocks of the layout (:class:`chrono.layout.Layout`) are entered and left in step. An expression
read inside a block may date it:

* a heading or a dateline: its first date ("## 2011", "Week 3 (12–16 May)", "OSLO, March
  3 (Nordic Wire) -");
* a list item, table row or cell, paragraph or line: a date that opens it, followed by a
  delimiter, a capital or nothing ("OCT. 12, 2021: …", "09:12 UTC — …", "Aug. 2 The new
  hangar opens …"), a date alone on a line of it or in a cell of a row (the line under a bullet, the
  "When" column), or a date in brackets ("Kickoff (May 21, 2018)").

From that date to the end of the block's scope, the date is the story's reference time (the
next day, two hours later, that evening count from it); a day is what deictic words and the
tense count from (:meth:`Context.base`), and a coarser date (a year, a month, a week) gives its
year to dates written without one ("June 9" under "## 2011") and its days to a bare weekday
in a week. When the block ends, the story's time is what it was before the block.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

import attrs

from chrono.layout import Block, Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.tagger.calendar import Anchor
from chrono.tagger.resources import Resources, words_regex

if TYPE_CHECKING:
    from chrono.tagger.context import Context

__all__ = ["Frames", "how_dated", "opens_range"]

# After a date that opens an entry: a delimiter, or (after a date written with figures: "Sept.
# 15 The first flight …", not "This Wednesday the minister …") a capital that starts its text.
# ... or a full stop that ends it as a label ("*June 2.* Sailed …", "**Monday 3 April 1916.**"):
# a diary's or a log's entry.
# (a weekday after a comma may close the label: "**Oct 2, Tue** — Leddington")
_AFTER_LEAD = (
    # (", Tues.", ", the 23rd", ", 11:05": what restates the day or gives its hour; {ordinal}:
    # the endings of an ordinal, see _leads)
    r"(?:,[ \t]*(?:[A-Z][a-z]{1,8}\.?|(?:(?:{article_definite})[ \t]+)?\d{1,2}(?:{ordinal})"
    r"|\d{1,2}[:.]\d{2})){0,2}"
    # (" (8 April)": the day a feast's name stands for, in brackets: "*Easter Sunday (8 April).*")
    r"(?:[ \t]+\([^()\n\d]{0,12}\d[^()\n]{0,12}\))?"
    r"[ \t*_)\]]*(?:[:—–|-]|\.(?=[*_]*(?:[ \t]+[A-Z0-9\"“]|[ \t]*(?:[—–:|]|\n|\Z)))|\n|\Z)"
)
_AFTER_FIGURES = lazy_compile(r"[ \t*_)\]]*[A-Z0-9@#\"“]")
_FIGURE = lazy_compile(r"\d")
_CLOCK_AFTER = lazy_compile(r"[ \t]*,?[ \t]+\d{1,2}[:.]\d\d(?!\d)")
_WRITTEN_YEAR = lazy_compile(r"\d{4}")
# ... or a place and a comma before it in an entry's label: "**Kessel, 3 October.**"
# (a place and a comma, "GENEVA, …", "No. 14 General Hospital, …", or a counter and a dash,
# "Day 1 — Tuesday 14 April")
# (or the issue an archive column quotes: "*From the Gazette of October 2, 1926.*"; read with
# ``capitalized``, every word of a class may also start with a capital: ``(?=[A-Z])`` keeps only
# that form, ``(?=[a-z])`` only the word as listed)
_BEFORE_LEAD = (
    r"[ \t*_(\[\"“]*(?:[A-Z][\w'’.-]*(?:[ \t]+[A-Za-z0-9][\w'’.-]*){0,3},[ \t]+"
    r"|[A-Z][\w'’-]*[ \t]+\d{1,3}[ \t]*[—–:.)(][ \t]*[*_]*[ \t]*"  # ("Day 1 (Monday 24 July).")
    r"|(?=[A-Z])(?:{archive_from})[ \t]+(?=[a-z])(?:{archive_owner})[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){0,3}"
    r"(?:(?=[a-z])(?:{archive_issue})[ \t]+)?(?=[a-z])(?:{archive_of})[ \t]+)?\Z"
)
# Only punctuation and space between a date and the ends of its line (or cell).
_BARE = lazy_compile(r"[\s*_()\[\].,:;|—–/-]*\Z")
_BARE_AFTER = lazy_compile(r"[ \t*_()\[\].,:;|—–/-]*(?:\n|\Z)")


# "2023 — Construction", "2011": a heading that opens with a year alone (not "1943–2022")
_YEAR_HEADING = lazy_compile(r"\W*\d{4}(?!\s*[–-]\s*\d)(?:\s*(?:[—–:-]|\Z))")
_SEASON_OF_YEAR = lazy_compile(r"\d{4}-(SP|SU|FA|WI)\Z")
_WRITTEN_YEAR_IN = lazy_compile(r"(?<!\d)\d{4}(?!\d)")
_WINTER_TURN = 6  # a winter heading's months before June are of the year after its December
# blocks whose opening day a diary's next entry goes on from
_DAY_ENTRY_KINDS = frozenset({Kind.PARAGRAPH, Kind.ITEM, Kind.LINE, Kind.HEADING})
# blocks that are the entries of a list or a table
_ENTRY_KINDS = frozenset({Kind.ITEM, Kind.ROW, Kind.LINE})
# blocks whose words stand apart from the block before them
_SEPARATE_KINDS = _ENTRY_KINDS | {Kind.HEADING}


@attrs.define
class _Open:
    index: int
    block: Block
    saved: tuple[object, ...]
    anchor: Anchor | None = None
    # Its date places what it scopes (an entry, a dateline, a heading that is a date); a
    # heading that only holds a date, or a range of years, moves the story's time only.
    firm: bool = False


class Frames:
    """The blocks of a layout as the tagger walks through the text, and the dates it finds for
    them (``dated``: block index -> the span of the expression that dates it)."""

    def __init__(self, layout: Layout, text: str, res: Resources) -> None:
        self.blocks = layout.blocks
        self.text = text
        self.res = res
        self.next = 0
        self.open: list[_Open] = []
        self.dated: dict[int, tuple[int, int]] = {}
        # the day of the last entry a date opened ("*June 9.*", "**Tuesday 4th.**"): where a
        # diary's next entry goes on from
        self.last_entry: Anchor | None = None
        self.last_entry_end = -1  # where its date ends
        # "*Day 14. Wed. 22nd.*": the count of days of the last entry that gave both, and its day
        self.day_count: tuple[int, dt.date] | None = None
        self._heading_starts: list[int] | None = None  # read when first asked for
        self._entry_starts: list[int] | None = None  # (likewise)
        # "*Dec. 26th, '87.*" alone on its line over a letter or a diary's day of another time
        # than the document's: the day its paragraphs are written on, until a heading, another
        # such line or a date of another year written out
        self.dateline_day: Anchor | None = None
        self.letter_closed: int | None = None  # where the closing of the letter so dated starts
        self.letter: _Open | None = None  # the heading of the last letter ("Near Caen, 9 July 1944")
        self.letter_end = -1  # where the text after the last letter's closing starts

    def at(self, ctx: Context, offset: int) -> None:
        changed = False
        while self.open and self.open[-1].block.scope_end <= offset:
            left = self.open.pop()
            if left.anchor is not None and left is not self.letter:
                # (not a letter's heading: the story the letter tells goes on after it, "Walter was
                # wounded near Falaise that August")
                told = ctx.day_ref  # the last day the block told
                ctx.restore(left.saved)
                if left.block.kind is Kind.PARAGRAPH and told is not None and left.anchor.gran == "D" and (
                    told.day.year != left.anchor.day.year
                ):
                    # "TRENHAM, 14 November — Fifty years ago today, on Friday 14 November 1969, an
                    # explosion … ¶ The blast happened at 11.10pm": a lead dated by its dateline
                    # that went on to a day of another year; the story goes on from that day
                    ctx.ref = ctx.day_ref = told
                elif left.firm and left.anchor.gran in ("D", "M") and (
                    left.block.kind in _ENTRY_KINDS or left.block.kind is Kind.PARAGRAPH
                ):
                    # "- 2026-11-17 22:40 — …" then "- 22:47 — …": the next entries of a
                    # timeline go on from the day (or month: "- January — …", "- February —
                    # …") an entry named, not from the story's
                    ctx.ref = left.anchor
                    if left.anchor.gran == "D":
                        ctx.day_ref = left.anchor
                        start, end = self.dated[left.index]
                        how = how_dated(self.res, left.block, self.text, start, end)
                        # ("Somewhere in France, Sunday 9 July 1944" over "Dear Mum,": a letter's
                        # heading, a place before its day)
                        dateline = left.block.kind is Kind.PARAGRAPH and (how == "alone" or (
                            how == "lead" and _salutation_after(self.res, self.text, end)))
                        if dateline and (abs(left.anchor.day.year - ctx.dct.year) >= _STORY_YEARS
                                         or _FIGURE.search(self.text, start, end)):
                            self.dateline_day = left.anchor
                changed = True
        blocks = self.blocks
        while self.next < len(blocks) and blocks[self.next].start <= offset:
            block = blocks[self.next]
            closed = self.letter_closed is not None and block.start > self.letter_closed
            if self.dateline_day is not None and (closed or block.kind is Kind.HEADING or (
                block.kind is Kind.PARAGRAPH and _label_line(ctx, self.text, block.start)
            )):
                # a heading, or the next entry's label ("**Saturday**"): its own day from here;
                # or the block after a letter's closing ("Your loving son, Walter")
                if self.letter is not None and self.dateline_day is self.letter.anchor:
                    self.letter_end = block.start  # (the letter's day ends here, whatever closed it)
                self.dateline_day = self.letter_closed = None
                changed = True
            if self.dateline_day is not None and self.letter_closed is None and words_regex(
                self.res, _CLOSING_LINE, re.IGNORECASE
            ).match(self.text, block.start):
                self.letter_closed = block.start
            if block.scope_end > offset:
                self.open.append(_Open(self.next, block, ctx.saved()))
            self.next += 1
        if changed:
            self._refresh(ctx)

    def in_entry(self, start: int) -> bool:
        """Whether ``start`` lies in an item, line or row of a list or table."""
        return any(o.block.kind in _ENTRY_KINDS and o.block.start <= start < o.block.end for o in self.open)

    def entry_within(self, start: int, end: int) -> bool:
        """Whether a heading, list item, line or row begins inside ``(start, end)``: words of two
        entries are no one expression ("pupils aged 9 to 12 ¶ - **March:** term ends")."""
        if self._entry_starts is None:
            self._entry_starts = [b.start for b in self.blocks if b.kind in _SEPARATE_KINDS]
        at = bisect.bisect_right(self._entry_starts, start)
        return at < len(self._entry_starts) and self._entry_starts[at] < end

    def heading_between(self, start: int, end: int) -> bool:
        """Whether a heading begins in ``[start, end)``: a new section of the text."""
        if self._heading_starts is None:
            self._heading_starts = [b.start for b in self.blocks if b.kind is Kind.HEADING]
        at = bisect.bisect_left(self._heading_starts, start)
        return at < len(self._heading_starts) and self._heading_starts[at] < end

    def section_year(self, month: int) -> int | None:
        """The year of ``month`` in the section of the innermost open heading dated by a year
        alone ("## 2023 — Construction") or by a season of a year written out ("## Autumn term
        2025"; a winter's January is of the year after), if any."""
        for opened in reversed(self.open):
            if opened.block.kind is Kind.HEADING and opened.anchor is not None:
                block, anchor = opened.block, opened.anchor
                if anchor.gran == "Y":
                    opens = _YEAR_HEADING.match(self.text, block.start, block.end)
                    return anchor.day.year if opens else None
                season = _SEASON_OF_YEAR.match(anchor.value)
                if season is None or not _WRITTEN_YEAR_IN.search(self.text, block.start, block.end):
                    return None
                winter_next = season.group(1) == "WI" and month < _WINTER_TURN
                return anchor.day.year + 1 if winter_next else anchor.day.year
        return None

    def in_item(self, offset: int) -> bool:
        """Whether ``offset`` lies in a list item."""
        return any(b.kind is Kind.ITEM and b.start <= offset < b.end for b in self.blocks)

    def dateline_opened_by(self, start: int) -> bool:
        """Whether ``start`` is in a dateline that no date has dated yet ("KESTRAVA, March 3
        (Wire) —": its first date)."""
        return any(o.block.kind is Kind.DATELINE and o.block.start <= start < o.block.end and o.anchor is None
                   for o in self.open)

    def leads(self, start: int, end: int) -> bool:
        """Whether the expression at ``[start, end)`` opens an entry (a paragraph, item or line
        it dates as a label: "*June 2.* Sailed …") that no date has dated yet."""
        if any(o.block.kind is Kind.DATELINE and o.block.start <= start < o.block.end for o in self.open):
            return False  # "PORT AMISH, Feb. 27 –": a wire story's day, the document's time
        for opened in reversed(self.open):
            block = opened.block
            if not block.start <= start < block.end or opened.anchor is not None:
                continue
            if block.kind in (Kind.PARAGRAPH, Kind.ITEM, Kind.LINE, Kind.CELL):
                return how_dated(self.res, block, self.text, start, end) in ("lead", "alone")
            if block.kind is Kind.HEADING:  # "**Thursday 13 December**" over the day's entries
                # (a place before it too: "**Kerrin Landing, 16 May**" heading a letter)
                return _BARE.match(self.text, block.start, start) is not None or (
                    _leads(self.res)[0].match(self.text, block.start, start) is not None
                    and _BARE_AFTER.match(self.text, end, block.end) is not None)
        return False

    def offer(self, ctx: Context, start: int, end: int, anchor: Anchor, role: str | None = None) -> None:
        """A date was read at ``[start, end)`` (``role``: "begin" for the first end of a range):
        it dates the innermost open block it opens, and its scope then counts from it."""
        if self.dateline_day is not None and anchor.day.year != self.dateline_day.day.year and (
            _WRITTEN_YEAR.search(self.text, start, end)
        ):
            # "He married Ellen Lisle in 1890": the letter is over, the text tells of other years
            self.dateline_day = None
            self._refresh(ctx)
        for position in range(len(self.open) - 1, -1, -1):
            opened = self.open[position]
            block = opened.block
            if not block.start <= start < block.end:
                continue
            refines = block.kind is Kind.HEADING and opened.anchor is not None and _labelled_day(
                self.text, block, start, end, opened.anchor, anchor)
            if opened.anchor is not None and not refines:
                return
            how = how_dated(self.res, block, self.text, start, end)
            if how is None:
                continue
            if how == "lead" and block.kind is Kind.LINE and position > 0:
                outer = self.open[position - 1]
                if outer.index == block.parent and outer.block.kind is Kind.ITEM and (
                    outer.block.start == block.start and outer.anchor is None
                ):
                    # the first line of an item that runs over several: the item's date
                    opened, block = outer, outer.block
            dated_section = (block.is_date or _section_year(ctx, block, anchor)
                             or _day_section(self.res, self.text, block, start, end, anchor)
                             or (anchor.gran == "D" and (
                                 dateline_heading(self.res, self.text, block, start, end)
                                 or opened.anchor is not None)))
            firm = (block.kind is not Kind.HEADING or dated_section) and (
                role != "begin" or anchor.gran == "D") and not (
                role is None and opens_range(self.text, end, block.end))
            self._date(ctx, opened, start, end, anchor, firm)
            if block.kind is Kind.HEADING and anchor.gran == "D" and _salutation_after(
                self.res, self.text, block.end
            ):
                # "Somewhere in France, Sunday 9 July 1944 ¶ Dear Mum, …": a letter headed with
                # its day, which its paragraphs are written on until it closes
                self.dateline_day, self.letter_closed = anchor, None
                self.letter = opened
                self._refresh(ctx)
            if position > 0 and ((how == "alone" and block.kind in (Kind.LINE, Kind.CELL)) or (
                how == "lead" and block.kind is Kind.CELL and _first_cell(self.text, block)
            )):
                # a date alone on a line of an item or in a cell of a row dates the item or row;
                # so does one that opens a row's first cell ("| 22:47 Sat | Certificate expires |")
                outer = self.open[position - 1]
                if outer.index == block.parent and outer.anchor is None and outer.block.kind in (
                    Kind.ITEM, Kind.ROW, Kind.PARAGRAPH
                ):
                    self._date(ctx, outer, start, end, anchor, firm)
            self._refresh(ctx)
            return

    def _date(self, ctx: Context, opened: _Open, start: int, end: int, anchor: Anchor,
              firm: bool) -> None:
        opened.anchor = anchor
        opened.firm = firm
        self.dated[opened.index] = (start, end)
        if firm:
            self.dateline_day = None  # another entry: its own day from here
        if anchor.gran == "D" and opened.block.kind in _DAY_ENTRY_KINDS:
            self.last_entry = anchor
            self.last_entry_end = end
            label = words_regex(self.res, _DAY_COUNT_LABEL, 0, True)
            counted = label.match(self.text, opened.block.start, start)
            if counted is not None:
                self.day_count = (int(counted.group(1)), anchor.day)
        ctx.ref, ctx.ref_start, ctx.ref_end = anchor, start, end
        if anchor.gran == "D":
            ctx.day_ref = anchor
        ctx.ref_derived = False
        ctx.explicit = (anchor, start, end, ctx.day_ref)

    def _refresh(self, ctx: Context) -> None:
        ctx.frame_week = False
        for opened in reversed(self.open):
            if opened.anchor is not None and opened.firm:
                ctx.frame = opened.anchor
                ctx.frame_day = opened.anchor.day if opened.anchor.gran == "D" else None
                start, _ = self.dated[opened.index]
                opens_week = words_regex(self.res, _WEEK_OPENED, re.IGNORECASE)
                ctx.frame_week = ctx.frame_day is not None and opens_week.search(
                    self.text, max(0, start - 20), start) is not None
                return
        ctx.frame = ctx.frame_day = None
        if self.dateline_day is not None:
            ctx.frame, ctx.frame_day = self.dateline_day, self.dateline_day.day


# a short line that opens a block: the label of an entry when it names a weekday or a month
_LABEL_LINE = r"[ \t*_#>]*(?:[\w'’.,-]+[ \t*_]+){{0,4}}?(?:{{weekday}}|{{month}})\b[^\n]{{0,24}}(?:\n|\Z)"


# "## Week 10: beginning Monday 8 March", "Week commencing 3 June": a heading's day that opens a week
_WEEK_OPENED = r"\b(?:{week_opening})\s+\Z"


# "Dear Mum," on the next lines after a letter's heading; "Your loving son, Walter" closing it
_SALUTATION_AFTER = r"[^\n]*\n(?:[ \t]*\n){0,2}[ \t]*(?:{salutation})\b"
_CLOSING_LINE = r"[ \t*_]*(?:{letter_closing})\b"


def _salutation_after(res: Resources, text: str, end: int) -> bool:
    return words_regex(res, _SALUTATION_AFTER, re.IGNORECASE).match(text, end) is not None


def _label_line(ctx: Context, text: str, start: int) -> bool:
    """"**Saturday**", "*Thursday 19 May.*" alone on the first line of a block."""
    return words_regex(ctx.res, _LABEL_LINE.format(), re.IGNORECASE).match(text, start) is not None


# "*Day 14. Wed. 22nd.*", "**Day 3 (Monday).**": an entry labelled by the count of its day (read
# with ``capitalized``: the word with a capital)
_DAY_COUNT_LABEL = r"[ \t*_(\[>]*(?=[A-Z])(?:{day_count_label})[ \t]+(\d{1,3})\b"


@functools.lru_cache(maxsize=8)
def _leads(res: Resources) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:data:`_BEFORE_LEAD` and :data:`_AFTER_LEAD`, the endings of an ordinal in the latter
    matched as written (a word boundary need not follow: "*the 2nd_*")."""
    ordinal = "|".join(re.escape(str(suffix)) for suffix in res.classes.get("ordinal_suffix", {})) or "(?!)"
    after = _AFTER_LEAD.replace("{ordinal}", ordinal)
    return words_regex(res, _BEFORE_LEAD, 0, True), words_regex(res, after)


def how_dated(res: Resources, block: Block, text: str, start: int, end: int) -> str | None:
    """How the expression at ``[start, end)`` dates ``block`` (its own words hold it): "first"
    (a heading's or dateline's first date), "lead" (it opens the block), "alone" (alone on its
    line or in its cell), "bracket" (in brackets); None when it does not."""
    kind = block.kind
    if kind in (Kind.HEADING, Kind.DATELINE):
        return "first"
    # "**Wednesday 06:30** Heating checked", "| Sat 23:48 |": the day's label goes on with the
    # entry's clock time
    clock = _CLOCK_AFTER.match(text, end)
    label_end = clock.end() if clock is not None else end
    if _BARE.match(text, _line_start(text, block.start, start), start) and _BARE_AFTER.match(
        text, label_end if kind is Kind.CELL else end, block.end
    ):
        return "alone"
    before_lead, after_lead = _leads(res)
    if before_lead.match(text, block.start, start) and (after_lead.match(text, label_end) or (
        _AFTER_FIGURES.match(text, label_end) and _FIGURE.search(text, start, label_end)
    )):
        return "lead"
    if kind in (Kind.ITEM, Kind.ROW, Kind.LINE) and text[start - 1:start] == "(" and (
        text[end:end + 1] == ")"
    ):
        return "bracket"
    return None


# How far from the DCT's year a section heading's year must be to give it to dates written
# without one (nearer, the tense chooses, as in any text that speaks from its own date).
_STORY_YEARS = 2


# "**Saturday 13 June 2015 – Port Elwyn to Caddon**": a day, then what the section tells
_SECTION_SEPARATOR = lazy_compile(r"[ \t*_]*(?:[–—:|]|\s-\s)")


def dateline_heading(res: Resources, text: str, block: Block, start: int, end: int) -> bool:
    """"### MILLBRAE, 13 February" over one town's item of a digest: a heading that is a place and
    the date at ``[start, end)`` and nothing else, the dateline of its section ("yesterday" in it
    is the 12th when the date is a day)."""
    # (a letter's heading, "Inchmurran, 2nd Oct." over "Dear Jean,", is a letter's: see offer)
    return block.kind is Kind.HEADING and "," in text[block.start:start] and (
        _leads(res)[0].match(text, block.start, start) is not None
        and _BARE_AFTER.match(text, end, block.end) is not None
    ) and not _salutation_after(res, text, block.end)


def _day_section(res: Resources, text: str, block: Block, start: int, end: int, anchor: Anchor) -> bool:
    """A heading that opens with a day and a separator: the day of what its section tells."""
    return anchor.gran == "D" and _leads(res)[0].match(text, block.start, start) is not None and (
        _SECTION_SEPARATOR.match(text, end) is not None)


# "**100 years ago: 9 January 1925**": a label, a separator, then the day that closes the heading
_LABEL_BEFORE_DAY = lazy_compile(r"[^\n]*[–—:|][ \t*_]*\Z")


def _labelled_day(text: str, block: Block, start: int, end: int, told: Anchor, anchor: Anchor) -> bool:
    """A heading whose first date ("100 years ago", 1925) is refined by the day after its label
    ("… : 9 January 1925"): the day of what its section tells."""
    return (anchor.gran == "D" and told.gran in ("Y", "M") and anchor.day.year == told.day.year
            and _LABEL_BEFORE_DAY.match(text, block.start, start) is not None
            and _BARE_AFTER.match(text, end, block.end) is not None)


def _section_year(ctx: Context, block: Block, anchor: Anchor) -> bool:
    """A section heading that holds a year or a month of a time years away ("Virginia, 1781",
    "The 1998 race"): it gives its year to the dates written without one in its section."""
    return 2 <= block.level <= 6 and anchor.gran in ("Y", "M") and (
        abs(anchor.day.year - ctx.dct.year) >= _STORY_YEARS)


# a dash after a date that opens a range ("1990–present", "2019 – now"); an em dash set off by
# spaces separates an entry's date from its words ("22:40 — Update begins")
_DASH_AFTER = lazy_compile(r"(?![ \t]+—[ \t])(?![ \t]+[–—][ \t]+[*_]*[A-Z][a-z])[ \t]*[–—-]+[ \t]*\w")


def opens_range(text: str, end: int, limit: int) -> bool:
    """Whether the date ending at ``end`` opens a range whose other end is not a date
    ("1990–present"): the block spans more than the date."""
    return _DASH_AFTER.match(text, end, limit) is not None


_ROW_OPENING = lazy_compile(r"[ \t|]*\Z")


def _first_cell(text: str, cell: Block) -> bool:
    """Is ``cell`` the first of its row (only the row's opening bar before it on its line)?"""
    return _ROW_OPENING.match(text, text.rfind("\n", 0, cell.start) + 1, cell.start) is not None


def _line_start(text: str, floor: int, offset: int) -> int:
    return max(floor, text.rfind("\n", floor, offset) + 1)
