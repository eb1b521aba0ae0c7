"""The layout of a document: headings, list items, table rows and cells, datelines, paragraphs
and lines, each with its span and what it scopes.

One model for Markdown, HTML and plain text (built by :mod:`chrono.text.layout` from the file
and its prose view). A block has its own words, ``[start, end)``, and a scope, ``[start,
scope_end)``: a heading scopes everything up to the next heading of the same or a higher level,
a list item its nested items, a table row its cells, a dateline its story. Scopes nest, so the
blocks form a tree (``parent``). A heading or an entry that is or holds a date gives the time
of what it scopes, as the narrative time does (the tagger reads the layout; see
:mod:`chrono.tagger.frames`).

>>> layout = Layout.of([Block(Kind.HEADING, 3, 7, 40, level=2), Block(Kind.ITEM, 11, 30, 30)])
>>> [b.kind.value for b in layout.enclosing(20)]
['item', 'heading']
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Collection, Iterable, Iterator

import attrs


class Kind(enum.Enum):
    HEADING = "heading"
    ITEM = "item"  # a list item (or a definition term with its descriptions)
    ROW = "row"  # a table row
    CELL = "cell"
    DATELINE = "dateline"  # "OSLO, March 3 (Nordic Wire) -": opens a story
    PARAGRAPH = "paragraph"
    LINE = "line"  # a line of a paragraph or an item that has several


# Blocks that may hold a statement of their own, and whose words are a label when they have no
# finite verb ("v2.4.0 released", "Yearly accounts published").
LABEL_KINDS = frozenset({Kind.HEADING, Kind.ITEM, Kind.CELL, Kind.LINE})


@attrs.frozen
class Block:
    kind: Kind
    start: int  # its own words: [start, end) (markup excluded)
    end: int
    scope_end: int  # what it scopes: [start, scope_end)
    # a heading's level (1-6; 7 for a line read as a heading); a list item's depth (1, 2 …)
    level: int = 0
    parent: int = -1  # the index of the smallest block whose scope holds this one
    # Its words have no finite verb: a label, not a statement (no claim against the document
    # date comes from an event named in it).
    label: bool = False
    # A heading whose words are a date and no more than the few words of a dated section
    # ("## 2011", "Week 3 (12–16 May)", "Released 2024-06-03"), not a title that holds one
    # ("1998 race"): its date firmly dates what it scopes.
    is_date: bool = False
    # An item of a numbered list ("1. …", "<ol>"): the list states an order of its own.
    ordered: bool = False

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.scope_end


_RANK = {Kind.HEADING: 0, Kind.DATELINE: 1, Kind.ROW: 2, Kind.ITEM: 2, Kind.PARAGRAPH: 3,
         Kind.CELL: 4, Kind.LINE: 5}


@attrs.frozen
class Layout:
    """The blocks of a document in text order (by start; an enclosing block first)."""

    blocks: tuple[Block, ...] = ()

    @classmethod
    def of(cls, blocks: Iterable[Block]) -> Layout:
        """The layout of ``blocks`` in any order: sorted, each scope cut to its parent's, and
        every block given its parent."""
        ordered = sorted(blocks, key=lambda b: (b.start, -b.scope_end, _RANK[b.kind]))
        out: list[Block] = []
        stack: list[int] = []
        for block in ordered:
            while stack and out[stack[-1]].scope_end <= block.start:
                stack.pop()
            parent = stack[-1] if stack else -1
            scope_end = block.scope_end
            if parent >= 0 and scope_end > out[parent].scope_end:
                scope_end = out[parent].scope_end
            end = min(block.end, scope_end)
            if end <= block.start:
                continue
            if (end, scope_end, parent) != (block.end, block.scope_end, block.parent):
                block = attrs.evolve(block, end=end, scope_end=scope_end, parent=parent)
            out.append(block)
            stack.append(len(out) - 1)
        return cls(tuple(out))

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def innermost(self, offset: int) -> int:
        """The index of the smallest block whose scope holds ``offset`` (-1: none)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0 and not self.blocks[i].holds(offset):
            i = self.blocks[i].parent
        return i

    def chain(self, index: int) -> Iterator[int]:
        """``index`` and the indices of the blocks that enclose it, innermost first."""
        while index >= 0:
            yield index
            index = self.blocks[index].parent

    def enclosing(self, offset: int) -> list[Block]:
        """The blocks whose scope holds ``offset``, innermost first."""
        return [self.blocks[i] for i in self.chain(self.innermost(offset))]

    def unit(self, offset: int) -> int:
        """The index of the list item, table cell or row (else heading, dateline or
        paragraph) whose own words hold ``offset``: a date there speaks of that unit only."""
        for i in self.chain(self.innermost(offset)):
            block = self.blocks[i]
            if block.kind is not Kind.LINE and block.start <= offset < block.end:
                return i
        return -1

    def label_at(self, offset: int) -> bool:
        """Whether ``offset`` lies in the words of a label (a block with no finite verb)."""
        for i in self.chain(self.innermost(offset)):
            block = self.blocks[i]
            if block.start <= offset < block.end and (block.kind in LABEL_KINDS or block.label):
                return block.label
        return False

    def breaks(self, dated: Collection[int] = ()) -> frozenset[int]:
        """Where a sentence must end: the end of every heading, item, row, cell and dateline,
        and around each line that a date opens (``dated``: the indices of such blocks; the
        other lines of a paragraph may be one sentence wrapped)."""
        out = {b.end for b in self.blocks if b.kind not in (Kind.PARAGRAPH, Kind.LINE)}
        for index in dated:
            block = self.blocks[index]
            if block.kind is Kind.LINE:
                out.update((block.start, block.end))
        return frozenset(out)
