"""Dating by layout: what the dates of headings and entries say about what they scope
(called from :func:`chrono.text.anchor.build` once every sentence is read).

The tagger finds which blocks of the layout a date opens or heads (:mod:`chrono.tagger.frames`);
here each becomes a :class:`Scope` with its period and how sure the reading is:

* entries that open with their date (a list item, a table row's date cell, a line or paragraph
  "OCT. 12, 2021: …"), and headings that *are* a date ("## 2011", "Week 3 (12–16 May)",
  "Version 2.4.3 (2024-06-03)", "Released 2024-06-03"): a clearly structured timeline,
  :attr:`Grade.STRONG`;
* headings that only *hold* a date ("1998 race", "The war years, 1939–1945") and dates in
  brackets ("Kickoff (May 21, 2018)"): :attr:`Grade.WEAK`;
* datelines give the story its reference time (the tagger's part) and date nothing here.

Three readings follow:

1. An entry whose own date lies outside the period of the dated heading (or entry) it stands
   under: two claims on the entry that cannot both hold, one citing the entry's date, one the
   heading's (:attr:`ConflictKind.LAYOUT`, reported by CHR313).
2. An event inside a dated entry or under a dated heading that has no date of its own (no
   date, no counted distance): it happens within that period (within it when punctual, overlapping
   it otherwise), as :attr:`ConflictKind.LAYOUT` claims of the scope's grade; under a heading,
   strong only for the items of a heading that is a date, weak in its prose.
3. A label (a heading, item or cell with no finite verb, "v2.4.0 released"): no claim against
   the document date comes from an event it names (:attr:`chrono.layout.Block.label`).

4. Entries of one list (items, rows, lines of a timeline) that run in time order, forwards or
   backwards, all but one step: that step is suspicious, a weak reading
   (:attr:`ConflictKind.LIST_ORDER`, a warning of CHR315).
5. In a changelog, the releases of one version series (2.4.1, 2.4.2, 2.4.3), each under a
   heading that is or holds its date ("## 2.4.3 (2024-06-03)", "## Version 2.4.3" over
   "Released 2024-06-03"), come out in the order of their numbers: a later patch dated before
   an earlier one gives two dated releases and that order, which clash
   (:attr:`ConflictKind.RELEASE_ORDER`, CHR314).

Last, a claim that rests on a date counted from another one ("the next year" after "March
2010", "June 9" under "## 2011") names that anchor in its explanation.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence

import attrs

from chrono.layout import Block, Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Event, EventExists, Gap, Grade, Part, Qualifier, Side, Span
from chrono.periods import DAY, Hemisphere, Period, date_of
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.tagger.frames import how_dated, opens_range
from chrono.tagger.resources import load as load_resources
from chrono.text.attachment import in_of_phrase, names_phase, resolve
from chrono.text.builder import Builder
from chrono.text.claims import TextGapClaim, TextPeriodClaim
from chrono.text.clauses import SUBORDINATE_OPENER
from chrono.text.context import SentenceContext
from chrono.text.dating import DAY_VALUE, UNDER_WAY, period_of, week_opened
from chrono.text.events import Trigger, asserted
from chrono.text.offsets import counted_distances
from chrono.text.signals import Reading, reading_of
from chrono.text.tense import NOMINAL, PAST, PERFECT, PLANNED, PRESENT
from chrono.text.vocabulary import vocabulary

__all__ = ["Scope", "apply", "plan_table_rows", "scopes", "tables"]

# "| 121 | 13 February 2016 |": a row or item that opens with its number
_LEADING_NUMBER = lazy_compile(r"[\s|*#.-]*(\d{1,6})(?=[\s|.):])")
_NUMBERED_ENTRIES = 6
# "## Timeline (UTC)": a list under such a heading is told in time order
_TIMELINE_WORDS = vocabulary("layout").set("timeline_headings")
# "| Action | Owner | Due |": a column of deadlines
_PLAN_COLUMNS = frozenset(" ".join(str(w).split()) for w in vocabulary("layout").words("plan_columns"))
_PAST_HEADING = lazy_compile(rf"\b(?:{vocabulary('layout').pattern('past_headings')})\b", re.IGNORECASE)
_PLAN_ENTRY_MARK = lazy_compile(rf"\((?:{vocabulary('layout').pattern('plan_entry_marks')})\)", re.IGNORECASE)
_PLAN_ENTRY_KINDS = (Kind.ITEM, Kind.ROW, Kind.LINE)
_PLAN_HEADING = lazy_compile(rf"\b(?:{vocabulary('layout').pattern('plan_headings')})\b", re.IGNORECASE)

@attrs.frozen
class Scope:
    """A block of the layout that a date opens or heads, and what that date says."""

    index: int  # the block's index in the layout
    block: Block
    period: Period
    start: int  # the date's words
    end: int
    grade: Grade
    # a heading that is a date ("## 2011"), not one that only holds one ("1998 race")
    date_heading: bool = False
    # it heads entries: a heading, or a list item or line that is only a date ("- 2019" above
    # its own nested items); an entry dated another day under an entry is a follow-up
    heads: bool = False
    timex: Timex | None = attrs.field(default=None, eq=False)


def scopes(layout: Layout, dated: Mapping[int, tuple[int, int]], timexes: Sequence[Timex], text: str,
           dct: Period | None, hemisphere: Hemisphere) -> tuple[Scope, ...]:
    """The dated blocks of ``layout`` (``dated``: what the tagger found, block -> date span)."""
    res = load_resources("en")  # (the words of the tagger, which read the text in English)
    starts = [t.start for t in timexes]
    datelines = [(block.start, block.end) for block in layout.blocks if block.kind is Kind.DATELINE]
    out: list[Scope] = []
    for index, (start, end) in sorted(dated.items()):
        i = bisect.bisect_left(starts, start)
        if i == len(timexes) or timexes[i].start != start:
            continue
        if layout.blocks[index].kind is not Kind.DATELINE and any(lo <= start < hi for lo, hi in datelines):
            continue  # "OSLO, 20 June —": the dateline's date, not an entry's of its paragraph
        timex = timexes[i]
        period = period_of(timex, dct, hemisphere)
        if period is None or not period.bounded:
            continue
        period = week_opened(timex, period, period.value)  # "## Week beginning Monday 6 May"
        if timex.range_id is not None and timex.range_role == "begin":
            last = next((t for t in timexes[i + 1:i + 3] if t.range_id == timex.range_id), None)
            last_period = period_of(last, dct, hemisphere) if last is not None else None
            if last is None or last_period is None or last_period.end is None or (
                period.start is None or last_period.end <= period.start
            ):
                continue  # "1990–present": where it ends, the model cannot say
            period = Period(period.start, last_period.end, f"{timex.value}/{last.value}")
            end = last.end
        block = layout.blocks[index]
        # (a weekday alone: "Wed 9 Oct, 11:30" keeps its day, which the list's order is read by)
        weekday_only = timex.type == "DATE" and not _DIGIT.search(timex.text)
        clock = timexes[i + 1] if i + 1 < len(timexes) and weekday_only else None
        if clock is not None and clock.type == "TIME" and clock.value.startswith(timex.value + "T") and (
            _DAY_THEN_CLOCK.fullmatch(text, end, clock.start) and clock.end <= block.end
        ):
            # "| Sat 23:48 | …", "**Wednesday 06:30**": the entry's day, then its minute
            clock_period = period_of(clock, dct, hemisphere)
            if clock_period is not None and clock_period.bounded:
                timex, period, end = clock, clock_period, clock.end
        if timex.range_id is None and block.kind is Kind.HEADING and opens_range(text, end, block.end):
            continue  # "1990–present"
        if block.kind is Kind.HEADING and timex.range_id is None:
            # "## April and May": the heading spans all the dates it names
            for other in timexes[i + 1:]:
                if other.start >= block.end:
                    break
                other_period = period_of(other, dct, hemisphere) if other.type == "DATE" else None
                if other_period is not None and other_period.bounded and period.start is not None and (
                    period.end is not None and other_period.start is not None and other_period.end is not None
                ):
                    period = Period(min(period.start, other_period.start), max(period.end, other_period.end),
                                    f"{period.value}/{other_period.value}")
                    end = other.end
        if block.kind is Kind.HEADING and not block.is_date and timex.anchor == "DCT":
            continue  # "## A wet winter": a title's season, its year only the document date's guess
        how = how_dated(res, block, text, timex.start, timex.end)
        date_heading = block.kind is Kind.HEADING and block.is_date
        if block.kind is Kind.HEADING:
            grade = Grade.STRONG if date_heading else Grade.WEAK
        else:
            # an entry that opens with its date, a date alone under a bullet, a row of a table
            # with a date column: a clearly structured timeline
            firm = how in ("lead", "alone", "first") or (block.kind is Kind.ROW and how != "bracket")
            grade = Grade.STRONG if firm else Grade.WEAK
        heads = block.kind is Kind.HEADING or how == "alone"
        out.append(Scope(index, block, period, start, end, grade, date_heading, heads, timex))
    return tuple(out)


_DAY_THEN_CLOCK = lazy_compile(r"[ \t,]*")
_DIGIT = lazy_compile(r"\d")


def clock_entries(found: Sequence[Scope], kinds: tuple[Kind, ...]) -> list[Scope]:
    """The blocks of ``kinds`` that a clock time opens ("- **14:31** — …"), in text order: the
    entries of a timeline."""
    return sorted(
        (s for s in found if s.block.kind in kinds and s.timex is not None and s.timex.type == "TIME"
         and s.period.bounded),
        key=lambda s: s.block.start,
    )


def apply(b: Builder, layout: Layout, found: Sequence[Scope]) -> None:
    """Add the claims of the dated blocks ``found`` to ``b``, and drop the document-date claims
    of events named in labels."""
    if found:
        _date_by(b, layout, found)
        _past_entries(b, layout, found)
    if any(block.label for block in layout.blocks):
        _drop_label_dct_claims(b, layout)
    _drop_planned_dct_claims(b, layout, found)
    _name_anchors(b)


def _date_by(b: Builder, layout: Layout, found: Sequence[Scope]) -> None:
    plans = _plan_headings(b, layout)
    if plans:
        # "### Coming up": what stands under it is a plan, dated but not told as past
        found = [scope for scope in found if plans.isdisjoint(layout.chain(scope.index))]
    by_index = {scope.index: scope for scope in found if _scoping(scope)}
    headings = {i: scope for i, scope in by_index.items() if scope.heads}
    for scope in found:
        if scope.block.kind in (Kind.DATELINE, Kind.CELL):
            continue  # a dateline opens a story; a cell is one column of its row
        outer = _enclosing(layout, headings, scope.block.parent)
        if outer is not None:
            _entry_against(b, scope, outer, _timex_at(b, scope.start))
    _date_undated(b, layout, by_index)
    _releases_in_order(b, layout, {scope.index: scope for scope in found})
    _lists_in_order(b, layout, found)


def _past_entries(b: Builder, layout: Layout, found: Sequence[Scope]) -> None:
    """"## How the week went ¶ - **10 March** — The ferry returns to service": the entries of a
    list under a heading that tells what happened are past, in whatever tense a log writes them."""
    past = _headings_matching(b, layout, _PAST_HEADING)
    if not past:
        return
    entries = [scope for scope in found if scope.block.kind in (Kind.ITEM, Kind.ROW, Kind.LINE)
               and not past.isdisjoint(layout.chain(scope.index))]
    plans = _planned_tail(b, entries)
    starts = sorted(b.by_trigger)
    for scope in entries:
        lo = bisect.bisect_left(starts, scope.block.start)
        hi = bisect.bisect_left(starts, scope.block.end)
        for trigger_start in starts[lo:hi]:
            event_id = b.by_trigger[trigger_start]
            if b.tense.get(event_id) in (PRESENT, NOMINAL, None):
                span = b.span(trigger_start, trigger_start + 1, scope.start, scope.end)
                # "## How we got here … 6. 23 April 2024 — planning committee meeting": the
                # entries that close the list after the document date may be its plans (a doubt)
                b.dct_claim(event_id, span, force=True, grade=Grade.WEAK if scope in plans else Grade.STRONG)


def _planned_tail(b: Builder, entries: Sequence[Scope]) -> set[Scope]:
    """The entries that close their list all dated after the document date, on a day the text
    tells a plan for ("6. 23 April 2024 — planning committee meeting" … "The committee will
    meet … on Tuesday 23 April")."""
    dct = b.dct
    if dct is None or dct.end is None:
        return set()
    planned = [claim.period for claim in b.claims if isinstance(claim, TextPeriodClaim)
               and claim.qualifier is Qualifier.IN and b.tense.get(claim.event) == PLANNED]
    if not planned:
        return set()
    tail: set[Scope] = set()
    by_list: dict[int, list[Scope]] = {}
    for scope in entries:
        by_list.setdefault(scope.block.parent, []).append(scope)
    for listed in by_list.values():
        for scope in reversed(listed):
            if scope.period.start is None or scope.period.start < dct.end:
                break
            if any(period.overlaps(scope.period) for period in planned):
                tail.add(scope)
    return tail


def _plan_headings(b: Builder, layout: Layout) -> frozenset[int]:
    """The headings that tell what is to come ("### Coming up", "## Next steps")."""
    return _headings_matching(b, layout, _PLAN_HEADING)


def _headings_matching(b: Builder, layout: Layout, words: re.Pattern[str]) -> frozenset[int]:
    """The indices of the headings whose words ``words`` finds."""
    return frozenset(
        i for i, block in enumerate(layout.blocks)
        if block.kind is Kind.HEADING and words.search(b.text, block.start, block.end)
    )


def plan_table_rows(b: Builder, layout: Layout) -> list[tuple[int, int]]:
    """The rows of tables whose header names a column of what is to come ("| Action | Owner |
    Due |"): each row is a task with its deadline, not a report of something done."""
    found: list[tuple[int, int]] = []
    for header, *rows in tables(layout):
        cells = b.text[header.start:header.end].lower().replace("*", "").split("|")
        if any(" ".join(cell.split()) in _PLAN_COLUMNS for cell in cells):
            found.extend((row.start, row.end) for row in rows)
    return found


def tables(layout: Layout) -> Iterator[list[Block]]:
    """The tables of ``layout``, each its rows in order, the header first (any block other than
    a row or a cell ends a table)."""
    rows: list[Block] = []
    for block in layout.blocks:
        if block.kind is Kind.CELL:
            continue
        if block.kind is Kind.ROW:
            rows.append(block)
            continue
        if rows:
            yield rows
        rows = []
    if rows:
        yield rows


def _scoping(scope: Scope) -> bool:
    """Whether the date of ``scope`` places what it scopes: an entry's; a heading's that is a
    date; a section heading's that holds one (not a title's, whose date is often the
    document's own, nor a line's read as a heading above prose)."""
    block = scope.block
    if block.kind is not Kind.HEADING:
        return True
    return block.is_date or 2 <= block.level <= 6


def _timex_at(b: Builder, start: int) -> Timex | None:
    i = bisect.bisect_left(b.timex_starts, start)
    return b.timexes[i] if i < len(b.timexes) and b.timexes[i].start == start else None


# ---------------------------------------------------------------------------------------------
# 1. An entry against its heading


def _enclosing(layout: Layout, by_index: Mapping[int, Scope], index: int) -> Scope | None:
    for i in layout.chain(index):
        if i in by_index:
            return by_index[i]
    return None


# a count of weeks with no year ("Week 20")
_WEEK_COUNT = lazy_compile(rf"(?:{vocabulary('layout').pattern('week_count_words')})\.?\s*\d{{1,2}}",
                           re.IGNORECASE)
# an entry that opens by counting from the writer's today ("Next week:", "Tomorrow:")
_DEICTIC_OPENER = lazy_compile(rf"(?:{vocabulary('layout').pattern('deictic_openers')})\b", re.IGNORECASE)


def _entry_against(b: Builder, entry: Scope, outer: Scope, timex: Timex | None) -> None:
    """Two claims on the entry when its own date lies outside the period of the heading or
    entry it stands under (they clash; when the periods meet, nothing needs saying)."""
    if _clock_only(entry) and outer.period.end is not None and entry.period.start is not None and (
        entry.period.start - outer.period.end < _HALF_DAY
    ):
        return  # "## Thursday 3 August" … "**1:15 am** — Arrived": a night that ran past midnight
    period = outer.period
    if timex is not None and _ZONED.search(timex.value) and period.start is not None and (
        period.end is not None
    ):
        # "16:59 PST" under "2017-11-30": the heading's day is in the zone of the place, which
        # the model does not know; any zone's day will do
        period = Period(period.start - _ZONES, period.end + _ZONES, period.value)
        outer = attrs.evolve(outer, period=period)
    entry = _in_heading_year(entry, outer, timex)
    if entry.period.overlaps(outer.period):
        return
    if timex is not None and _DEICTIC_OPENER.match(timex.text):
        return  # "*Next week: the case for growing your own garlic.*": the column's teaser, said now
    if timex is not None and _WEEK_COUNT.fullmatch(timex.text):
        return  # "Week 20. Work stopped for the two-minute silence": the works' own count of weeks
    if timex is not None and _HHMM.fullmatch(timex.text.strip()) and outer.period.start is not None and (
        outer.period.end is not None and outer.period.end - outer.period.start <= DAY
    ):
        return  # "**Tuesday 26 December 2028** ¶ - **1300** Start.": a log's clock, not the year 1300
    if _SEASON_VALUE.match(outer.period.value) and _TERM_NOUN.search(b.text, outer.start, outer.block.end):
        return  # "## Autumn term 2025 … Friday 19 December": a school's term, not the season's months
    text = b.text
    event_id = _entry_event(b, entry)
    # under a heading, the entry overlaps its period (an entry of 29 January – 2 February
    # stands well under "January")
    under = Span(outer.start, outer.end, "claim")
    kind = "heading" if outer.block.kind is Kind.HEADING else "entry"
    via = f"the entry stands under this {kind}"
    grade = Grade.STRONG if outer.grade is Grade.STRONG and entry.grade is Grade.STRONG else Grade.WEAK
    for bound in UNDER_WAY:
        b.claims.append(TextPeriodClaim(event_id, bound.part, bound.qualifier, outer.period, under,
                                        words=text[outer.start:outer.end],
                                        conflict_kind=ConflictKind.LAYOUT, grade=grade, via=via))


_HHMM = lazy_compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def _in_heading_year(entry: Scope, outer: Scope, timex: Timex | None) -> Scope:
    """"12 April" under "Phase 2 (April–June 2024)": a day whose year only the document date
    gave, under a heading of one year, is that year's (the tagger could not give it the
    heading's year when the year came last)."""
    period = outer.period
    if timex is None or timex.anchor != "DCT" or period.start is None or period.end is None:
        return entry
    first, last = date_of(period.start), date_of(period.end - 1)
    if first.year != last.year or not DAY_VALUE.fullmatch(timex.value) or timex.value[:4] == str(first.year):
        return entry
    moved = Period.days_from(f"{first.year:04d}{timex.value[4:10]}", 0)
    return attrs.evolve(entry, period=moved) if moved is not None else entry


def _entry_event(b: Builder, entry: Scope) -> str:
    """The event an entry tells, made on first use with the claim of its own date."""
    text = b.text
    words = " ".join(text[entry.block.start:entry.block.end].split())
    short = words if len(words) <= 48 else words[:47] + "…"
    event_id = f"entry “{short}” ({b.where(entry.block.start)})"
    if event_id in b.events:
        return event_id
    span = Span(entry.block.start, entry.block.end, "event")
    b.events[event_id] = Event(event_id, short, span, None, "entry")
    b.claims.append(EventExists(event_id, span))
    own = Span(entry.start, entry.end, "claim")
    b.claims.append(TextPeriodClaim(event_id, Part.WHOLE, Qualifier.IN, entry.period, own,
                                    words=text[entry.start:entry.end], grade=entry.grade,
                                    via="the date the entry opens with"))
    return event_id


_SEASON_VALUE = lazy_compile(r"\d{4}-(?:SP|SU|FA|WI)\Z")
_TERM_NOUN = lazy_compile(rf"\b(?:{vocabulary('layout').pattern('season_term_nouns')})\b", re.IGNORECASE)
_ZONED = lazy_compile(r"T[\d:.]+(?:Z|[+-]\d\d:?\d\d)\Z")
_ZONES = 14 * 3600  # the furthest a time zone is from UTC


# ---------------------------------------------------------------------------------------------
# 2. Events with no date of their own


# tenses of events a scope dates: simple past and historic present (a perfect or a noun only
# weakly; a pluperfect tells an earlier time)
_FIRM_TENSES = frozenset({PAST, PRESENT})
_WEAK_TENSES = frozenset({PERFECT, NOMINAL})
# the blocks whose first event an entry's date (or a heading's, for an item under it) gives
_UNITS = (Kind.ITEM, Kind.ROW, Kind.CELL, Kind.LINE, Kind.PARAGRAPH)


class _Verbs:
    """The asserted verb triggers of the document in text order, with their sentences."""

    def __init__(self, b: Builder) -> None:
        found: list[tuple[Trigger, SentenceContext]] = []
        for here in b.contexts.values():
            found.extend((t, here) for t in here.triggers
                         if t.pos == "verb" and asserted(t) and t.tense in _FIRM_TENSES | _WEAK_TENSES)
        found.sort(key=lambda pair: pair[0].start)
        self.found = found
        self.starts = [t.start for t, _ in found]

    def first(self, lo: int, hi: int, skip: tuple[int, int] = (0, 0)
              ) -> tuple[Trigger, SentenceContext] | None:
        """The first one in ``[lo, hi)`` outside ``skip`` (the date's words)."""
        for i in range(bisect.bisect_left(self.starts, lo), len(self.found)):
            trigger, here = self.found[i]
            if trigger.start >= hi:
                return None
            if not skip[0] <= trigger.start < skip[1]:
                return trigger, here
        return None


def _date_undated(b: Builder, layout: Layout, by_index: Mapping[int, Scope]) -> None:
    verbs = _Verbs(b)
    _open_entries(b, by_index, verbs)
    _phases_in_entries(b, layout, by_index)
    placed, counted_from = _placed_events(b)
    triggers = _triggers(b)
    reading = reading_of(None)
    if reading is None:
        return
    for event_id, event in list(b.events.items()):
        if event_id in placed or event.event_class in ("named", "entry"):
            continue
        trigger = triggers.get(event_id)
        if trigger is None or in_of_phrase(b.text, trigger):
            continue
        tense = b.tense.get(event_id, trigger.tense)
        if tense not in _FIRM_TENSES and tense not in _WEAK_TENSES:
            continue
        scope, unit = _scope_of(layout, by_index, trigger.start)
        if scope is None or scope.start <= trigger.start < scope.end or scope.block.kind is Kind.DATELINE:
            continue  # a dateline dates the filing, not the story's events
        if event_id in counted_from and (unit is None or not _to_the_minute(scope) or any(
            (partner := triggers.get(other)) is None or unit.start <= partner.start < unit.end
            for other in counted_from[event_id]
        )):
            # counted from another event: elsewhere in time than the entry, unless that is an
            # event of another line of a timeline ("14:39 — deployed, 51 minutes after the first
            # alert"), not of this one ("…; the alert had fired 20 minutes earlier")
            continue
        # firm: the first event of an entry (or of an item under a heading that is a date), and
        # in a timeline of clock times the events told beside it; any other event of an entry,
        # or of a section's prose, only weakly
        opening = verbs.first(unit.start, unit.end, (scope.start, scope.end)) if unit is not None else None
        if _to_the_minute(scope) and scope.end <= trigger.start and SUBORDINATE_OPENER.search(
            b.text, scope.end, trigger.start
        ) is not None:
            # "[10:01] @K verifies that all pods created during the outage …": an event inside a
            # clause of its own, after a verb the lexicon lacks, is not what the entry tells
            continue
        firm = opening is not None and (
            opening[0].start == trigger.start or _beside_opening(b.text, scope, opening, trigger)
        )
        if scope.block.kind is Kind.HEADING:
            firm = firm and scope.date_heading and unit is not None and unit.kind is not Kind.PARAGRAPH
        grade = scope.grade if firm and tense in _FIRM_TENSES else Grade.WEAK
        event_id, part, mention = _phase_of(b, event_id, trigger)
        _within(b, event_id, trigger, scope, grade, reading, part, mention)


def _phases_in_entries(b: Builder, layout: Layout, by_index: Mapping[int, Scope]) -> None:
    """"[09:34] Prow is back. **Outage ends.**": an entry's sentence without a date of its own
    that tells an event begin or end ("Outage begins", "Rollback complete") dates that end of
    the event by the entry."""
    reading = reading_of(None)
    if reading is None:
        return
    for here in list(b.contexts.values()):
        if here.timexes:
            continue  # a date of its own: read with the sentence
        for trigger in here.triggers:
            if trigger.pos != "verb" or trigger.event_class not in ("begin", "end"):
                continue
            if trigger.tense not in _FIRM_TENSES or (trigger.start, Part.WHOLE) in b.dated_parts:
                continue
            scope, unit = _scope_of(layout, by_index, trigger.start)
            if scope is None or unit is None or scope.block.kind not in _UNITS:
                continue  # only an entry's own date, not a heading's, dates the moment
            target = resolve(b.text, trigger, here.triggers, here.cuts)
            if target.trigger is trigger or target.trigger.pos != "noun":
                continue
            b.dated_parts.add((trigger.start, Part.WHOLE))
            event_id = b.event(target.trigger, here)
            _within(b, event_id, trigger, scope, scope.grade, reading, target.part, target.trigger)


def _phase_of(b: Builder, event_id: str, trigger: Trigger) -> tuple[str, Part, Trigger]:
    """"The rollback started.", "Public beta closes" under an entry: an aspectual or phase
    verb's date is its event's start or end ("started" is no event of its own); the event, its
    part, and the word that names it."""
    if not names_phase(trigger):
        return event_id, Part.WHOLE, trigger
    here = b.context_at(trigger.start)
    if here is None:
        return event_id, Part.WHOLE, trigger
    target = resolve(b.text, trigger, here.triggers, here.cuts)
    if target.trigger is trigger:
        return event_id, Part.WHOLE, trigger
    return b.event(target.trigger, here), target.part, target.trigger


def _within(b: Builder, event_id: str, trigger: Trigger, scope: Scope, grade: Grade,
            reading: Reading, part: Part = Part.WHOLE, mention: Trigger | None = None) -> None:
    """Date the event (or its ``part``) by the scope; ``mention`` is the word that names the
    event, when not ``trigger`` (the noun of "Outage ends"): the claim is only as sure as the
    links that make it that event."""
    kind = "heading" if scope.block.kind is Kind.HEADING else "entry"
    via = f"“{' '.join(trigger.text.split())}” has no date of its own and stands under this {kind}"
    named_by = mention or trigger
    link_grade, link_via = b.graded(Span(scope.start, scope.end), (event_id,), (named_by,))
    grade = min(grade, link_grade)
    if link_via:
        via = f"{via}; {link_via}"
    minute_entry = scope.block.kind is not Kind.HEADING and _to_the_minute(scope)
    if part is Part.WHOLE and trigger.punctual and minute_entry:
        # "- **01:20** – batch restarted … the restart took 55 minutes": an entry's clock time is
        # when what it tells began, not a minute it all fits in
        part = Part.START
    for bound in reading.bounds(part, trigger.punctual):
        b.claims.append(TextPeriodClaim(event_id, bound.part, bound.qualifier, scope.period,
                                        Span(scope.start, scope.end, "claim"),
                                        words=b.text[scope.start:scope.end],
                                        conflict_kind=ConflictKind.LAYOUT, grade=grade, via=via))


def _open_entries(b: Builder, by_index: Mapping[int, Scope], verbs: _Verbs) -> None:
    """The first event of an entry whose date stands apart from it (a date on the line under a
    bullet, in a cell of its row, in brackets): dated by the entry, as a date in its sentence
    would, and told as past, not after the document date."""
    reading = reading_of(None)
    if reading is None:
        return
    for scope in by_index.values():
        block = scope.block
        timex = scope.timex
        if block.kind not in _UNITS or timex is None or timex.guessed or timex.anchor == "DCT":
            continue  # a year the tagger chose is no ground for a claim against the document date
        opening = verbs.first(block.start, block.end, (scope.start, scope.end))
        if opening is None:
            continue
        trigger, here = opening
        if trigger.start in b.by_trigger or (trigger.start, Part.WHOLE) in b.dated_parts:
            continue
        if in_of_phrase(b.text, trigger):
            continue  # "01:05 — Seat of the fire located": the entry tells of the seat, not the fire
        if _to_the_minute(scope) and scope.end <= trigger.start and SUBORDINATE_OPENER.search(
            b.text, scope.end, trigger.start
        ) is not None:
            continue  # "[10:01] @K verifies that all pods created …": not what the entry tells
        target = resolve(b.text, trigger, here.triggers, here.cuts)  # "Outage begins": the outage's start
        if (target.trigger.start, target.part) in b.dated_parts:
            continue  # the sentence itself dated it
        b.dated_parts.add((trigger.start, Part.WHOLE))
        event_id = b.event(target.trigger, here)
        grade = scope.grade if trigger.tense in _FIRM_TENSES else Grade.WEAK
        _within(b, event_id, trigger, scope, grade, reading, target.part, target.trigger)
        b.dct_claim(event_id, b.span(scope.start, scope.end, trigger.start, trigger.end))


def _placed_events(b: Builder) -> tuple[set[str], dict[str, set[str]]]:
    """Events given a date of their own; and those given a counted distance from another
    event, each with the events it is counted from or to."""
    placed: set[str] = set()
    counted: dict[str, set[str]] = {}
    for claim in b.claims:
        if isinstance(claim, TextPeriodClaim) and claim.conflict_kind is not ConflictKind.AFTER_DCT:
            placed.add(claim.event)
        elif isinstance(claim, TextGapClaim):
            gap = claim.gap
            if gap.upper is not None or gap.lower not in (None, 0, 1) or gap.text:
                counted.setdefault(claim.first.event, set()).add(claim.second.event)
                counted.setdefault(claim.second.event, set()).add(claim.first.event)
    return placed, counted


def _to_the_minute(scope: Scope) -> bool:
    period = scope.period
    return period.start is not None and period.end is not None and period.end - period.start <= 60


def _beside_opening(text: str, scope: Scope, opening: tuple[Trigger, SentenceContext],
                    trigger: Trigger) -> bool:
    """"**14:39** — Lock removed; mitigation deployed": in an entry dated to the minute, an
    event told in the opening event's sentence, joined to it by "and", a comma or a semicolon
    and not inside a clause of its own, happened at the entry's time too."""
    first, here = opening
    if not _to_the_minute(scope):
        return False
    if not here.sentence.start <= trigger.start < here.sentence.end or trigger.start <= first.start:
        return False
    return SUBORDINATE_OPENER.search(text, first.end, trigger.start) is None


def _triggers(b: Builder) -> dict[str, Trigger]:
    out: dict[str, Trigger] = {}
    for here in b.contexts.values():
        for trigger in here.triggers:
            event_id = b.by_trigger.get(trigger.start)
            if event_id is not None and event_id not in out:
                out[event_id] = trigger
    return out


def _scope_of(layout: Layout, by_index: Mapping[int, Scope], offset: int
              ) -> tuple[Scope | None, Block | None]:
    """The innermost dated block around ``offset``, and the innermost item, row, cell, line or
    paragraph whose own words hold it (the entry it belongs to)."""
    unit: Block | None = None
    for i in layout.chain(layout.innermost(offset)):
        block = layout.blocks[i]
        if unit is None and block.kind in _UNITS and block.start <= offset < block.end:
            unit = block
        if i in by_index:
            return by_index[i], unit or block
    return None, None


# ---------------------------------------------------------------------------------------------
# 4. Lists in time order

# A list is read as being in time order when this many of its entries are dated and every step
# between them but one goes the same way.
_LIST_ENTRIES = 4
_ENTRY_KINDS = (Kind.ITEM, Kind.ROW, Kind.LINE, Kind.PARAGRAPH)


def _step(first: Period, second: Period) -> int:
    """+1 when ``second`` lies after ``first``, -1 before, 0 when they meet."""
    if first.end is not None and second.start is not None and first.end <= second.start:
        return 1
    if second.end is not None and first.start is not None and second.end <= first.start:
        return -1
    return 0


_HALF_DAY = 12 * 3600


def _clock_only(scope: Scope) -> bool:
    """An entry dated by a clock time alone ("07:00"), its day the story's."""
    timex = scope.timex
    return timex is not None and timex.type == "TIME" and timex.anchor is not None


def _past_midnight(first: Scope, second: Scope) -> bool:
    """"23:55", then "07:00": the second entry is on the next day, not out of order."""
    a, z = first.period.start, second.period.start
    return _clock_only(first) and _clock_only(second) and a is not None and z is not None and (
        a - z > _HALF_DAY)


def _timeline_heading(b: Builder, layout: Layout, entry: Scope) -> bool:
    """Is the list under a heading that calls it a timeline ("Timeline (UTC)", "Chronology"),
    at any level above it? Then its order is a statement of the document, not only a habit of
    lists."""
    for block in layout.enclosing(entry.block.start):
        if block.kind is Kind.HEADING:
            words = set(re.findall(r"[a-z]+", b.text[block.start:block.end].lower()))
            if words & _TIMELINE_WORDS:
                return True
    return False


def _numbered(b: Builder, entries: Sequence[Scope]) -> bool:
    """Do the entries open with consecutive numbers ("| 121 | 13 February 2016 |", "| 120 |
    …")? Numbered matches, ratifications or releases state their order; a long run of them is
    needed (a ranked list is numbered too, and seldom in time order)."""
    if len(entries) < _NUMBERED_ENTRIES:
        return False
    if all(scope.block.ordered for scope in entries):
        return True  # "1. …", "2. …": a numbered list (its numbers are markup, not in the text read)
    numbers = []
    for scope in entries:
        # (from the start of its line: a Markdown list's "4. " stands before the item's block)
        line_start = b.text.rfind("\n", 0, scope.block.start) + 1
        match = _LEADING_NUMBER.match(b.text, line_start, scope.block.end)
        if match is None:
            return False
        numbers.append(int(match.group(1)))
    steps = {z - a for a, z in itertools.pairwise(numbers)}
    return steps in ({1}, {-1})


def _lists_in_order(b: Builder, layout: Layout, found: Sequence[Scope]) -> None:
    lists: dict[tuple[int, Kind], list[Scope]] = {}
    for scope in found:
        block = scope.block
        if block.kind in _ENTRY_KINDS and scope.grade is Grade.STRONG and scope.period.bounded:
            lists.setdefault((block.parent, block.kind), []).append(scope)
    for entries in lists.values():
        if len(entries) < _LIST_ENTRIES:
            continue
        steps = [_step(a.period, z.period) if not _past_midnight(a, z) else 1
                 for a, z in itertools.pairwise(entries)]
        forwards, backwards = steps.count(1), steps.count(-1)
        if min(forwards, backwards) != 1 or max(forwards, backwards) < _LIST_ENTRIES - 2:
            continue
        way = 1 if forwards > backwards else -1
        at = steps.index(-way)
        first, second = entries[at], entries[at + 1]
        earlier, later = (first, second) if way == 1 else (second, first)
        ids = {scope.index: _entry_event(b, scope) for scope in (first, second)}
        words = f"{b.text[first.start:first.end]} … {b.text[second.start:second.end]}"
        sense = "forwards" if way == 1 else "backwards"
        via = f"the other entries of this list run in time order, {sense}"
        order = (Endpoint(ids[earlier.index], Side.START), Endpoint(ids[later.index], Side.START))
        grade = Grade.WEAK
        if _timeline_heading(b, layout, first):
            grade = Grade.STRONG
            via = f"{via}, and its heading calls it a timeline"
        elif _numbered(b, entries):
            grade = Grade.STRONG
            via = f"{via}, and they are numbered in that order"
        b.claims.append(TextGapClaim(*order, Gap(0, None), Span(second.start, second.end, "claim"),
                                     words=words, conflict_kind=ConflictKind.LIST_ORDER, grade=grade,
                                     via=via))


# ---------------------------------------------------------------------------------------------
# 5. Releases of one series in order

_VERSION = lazy_compile(r"(?<![\w.])v?(\d{1,4})\.(\d{1,4})\.(\d{1,4})(?![\w-]|\.\w)")
_VERSION_AFTER = lazy_compile(
    rf"\s+(?:(?:{vocabulary('layout').pattern('version_words')})\s+)?(v?\d{{1,4}}\.\d{{1,4}}\.\d{{1,4}})(?![\w-]|\.\w)",
    re.IGNORECASE,
)


def _releases_in_order(b: Builder, layout: Layout, by_index: Mapping[int, Scope]) -> None:
    series: dict[tuple[int, int], list[tuple[int, re.Match[str], Scope]]] = {}
    for i, block in enumerate(layout.blocks):
        if block.kind is not Kind.HEADING or not 1 <= block.level <= 6:
            continue
        versions = list(_VERSION.finditer(b.text, block.start, block.end))
        if len(versions) != 1:
            continue
        scope = by_index.get(i)
        if scope is None and i + 1 < len(layout.blocks):
            # "Released 2024-06-03" right under "## Version 2.4.3"
            following = layout.blocks[i + 1]
            dated = by_index.get(i + 1)
            if following.parent == i and dated is not None and dated.grade is Grade.STRONG and (
                following.kind in (Kind.HEADING, Kind.PARAGRAPH, Kind.LINE)
            ):
                scope = dated
        if scope is None or scope.timex is None or scope.timex.guessed:
            continue
        major, minor, patch = (int(g) for g in versions[0].groups())
        series.setdefault((major, minor), []).append((patch, versions[0], scope))
    _release_distances(b, layout, [item for releases in series.values() for item in releases])
    for releases in series.values():
        releases.sort(key=lambda release: release[0])
        for (patch, version, scope), (later_patch, later, later_scope) in itertools.pairwise(releases):
            if patch != later_patch:
                _in_order(b, (version, scope), (later, later_scope))
    # "3.3.0" comes out before "3.4.0": the first releases of the minor versions of one major
    # version (patch releases of older lines may come out later; so may an older major version)
    firsts: dict[int, list[tuple[int, re.Match[str], Scope]]] = {}
    for (major, minor), releases in series.items():
        first = next(((version, scope) for patch, version, scope in releases if patch == 0), None)
        if first is not None:
            firsts.setdefault(major, []).append((minor, *first))
    for minors in firsts.values():
        minors.sort(key=lambda release: release[0])
        for (_, version, scope), (_, later, later_scope) in itertools.pairwise(minors):
            _in_order(b, (version, scope), (later, later_scope))


def _in_order(b: Builder, earlier: _Release, later: _Release) -> None:
    """A claim when ``later`` (the higher version) is dated before ``earlier``."""
    earlier_period, later_period = earlier[1].period, later[1].period
    if earlier_period.start is None or later_period.end is None:
        return
    if earlier_period.start >= later_period.end:
        _out_of_order(b, earlier, later)


_Release = tuple[re.Match[str], Scope]


def _release_distances(
    b: Builder, layout: Layout, releases: Sequence[tuple[int, re.Match[str], Scope]]
) -> None:
    """"## 3.2.1 — 2024-03-19 / Patch release, one week after 3.2.0": a distance the notes of a
    release give from another release dated by its own heading, counted in calendar days."""
    by_version = {version.group().lstrip("v"): (version, scope) for _, version, scope in releases}
    for _, version, scope in releases:
        heading = next((block for block in layout.blocks if block.kind is Kind.HEADING
                        and block.start <= version.start() < block.end), None)
        if heading is None:
            continue
        for match, count, unit, direction in counted_distances(b.text, heading.end, heading.scope_end):
            other = _VERSION_AFTER.match(b.text, match.end(), heading.scope_end)
            if other is None or other.group(1).lstrip("v") not in by_version:
                continue
            other_version, other_scope = by_version[other.group(1).lstrip("v")]
            if other_version.start() == version.start() or unit % DAY:
                continue
            other_day = other_scope.period
            if other_day.start is None or other_day.end is None or other_day.end - other_day.start != DAY:
                continue  # counted from a day only
            spare = 0 if unit == DAY else 1
            shift = count * unit if direction == "after" else -count * unit
            first_day = other_day.start + shift - spare * DAY
            period = Period(first_day, first_day + (1 + 2 * spare) * DAY, "")
            release_id = _release(b, version, scope)
            _release(b, other_version, other_scope)
            span = Span(match.start(), other.end(), "claim")
            b.claims.append(TextPeriodClaim(
                release_id, Part.START, Qualifier.IN, period, span, words=b.text[span.start:span.end],
                conflict_kind=ConflictKind.OFFSET, grade=Grade.STRONG,
                via=f"counted from the day of {other_version.group()} in its heading"))


def _out_of_order(b: Builder, earlier: _Release, later: _Release) -> None:
    ids = [_release(b, version, scope) for version, scope in (earlier, later)]
    span = Span(later[0].start(), later[0].end(), "claim")
    words = f"{earlier[0].group()} … {later[0].group()}"
    via = "the releases of one version series come out in the order of their numbers"
    b.claims.append(TextGapClaim(Endpoint(ids[0], Side.START), Endpoint(ids[1], Side.START), Gap(0, None),
                                 span, words=words, conflict_kind=ConflictKind.RELEASE_ORDER,
                                 grade=Grade.STRONG, via=via))


def _release(b: Builder, version: re.Match[str], scope: Scope) -> str:
    event_id = f"release {version.group()} ({b.where(version.start())})"
    if event_id not in b.events:
        span = Span(version.start(), version.end(), "event")
        b.events[event_id] = Event(event_id, version.group(), span, None, "entry")
        b.claims.append(EventExists(event_id, span))
        b.claims.append(TextPeriodClaim(event_id, Part.WHOLE, Qualifier.IN, scope.period,
                                        Span(scope.start, scope.end, "claim"),
                                        words=b.text[scope.start:scope.end],
                                        conflict_kind=ConflictKind.RELEASE_ORDER, grade=Grade.STRONG,
                                        via="the date of this release"))
    return event_id


# ---------------------------------------------------------------------------------------------
# 3. Labels


def _drop_label_dct_claims(b: Builder, layout: Layout) -> None:
    """No claim against the document date from an event named in a label ("v2.4.0
    released" in a schedule table is a plan, not a report)."""
    def named_in_label(claim: object) -> bool:
        if not isinstance(claim, TextPeriodClaim) or claim.conflict_kind is not ConflictKind.AFTER_DCT:
            return False
        event = b.events.get(claim.event)
        return event is not None and layout.label_at(event.span.start)

    if any(named_in_label(claim) for claim in b.claims):
        b.drop_claims(lambda claim: not named_in_label(claim))


def _drop_planned_dct_claims(b: Builder, layout: Layout, found: Sequence[Scope] = ()) -> None:
    """No claim against the document date from an event under a heading of what is to come
    ("## Next steps ¶ - **Autumn 2024** — headteacher appointed"), or in a list whose dated
    entries all lie after the document date (a timetable: "1. **Thursday 1 July 2032** —
    Application … submitted"): a plan, whatever its form."""
    plans = [(layout.blocks[i].start, layout.blocks[i].scope_end) for i in _plan_headings(b, layout)]
    plans += _future_lists(b, layout, found)
    plans += plan_table_rows(b, layout)
    plans += [(block.start, block.end) for block in layout.blocks
              if block.kind in _PLAN_ENTRY_KINDS and _PLAN_ENTRY_MARK.search(b.text, block.start, block.end)]
    if not plans:
        return

    def planned(claim: object) -> bool:
        if not isinstance(claim, TextPeriodClaim) or claim.conflict_kind is not ConflictKind.AFTER_DCT:
            return False
        event = b.events.get(claim.event)
        return event is not None and any(lo <= event.span.start < hi for lo, hi in plans)

    if any(planned(claim) for claim in b.claims):
        b.drop_claims(lambda claim: not planned(claim))


_SCHEDULE_ENTRIES = 3  # dated entries, all to come, that make a list a timetable


def _future_lists(b: Builder, layout: Layout, found: Sequence[Scope]) -> list[tuple[int, int]]:
    """The lists whose dated entries (three or more, one after another) all begin after the
    document date: a timetable of what is to come, each entry a plan."""
    dct = b.dct
    if dct is None or dct.end is None:
        return []
    dated = sorted((scope for scope in found if scope.block.kind is Kind.ITEM), key=lambda s: s.index)
    runs: list[list[Scope]] = []
    for scope in dated:
        between = range(runs[-1][-1].index + 1, scope.index) if runs else range(0)
        if runs and all(layout.blocks[i].kind in (Kind.ITEM, Kind.LINE) for i in between):
            runs[-1].append(scope)
        else:
            runs.append([scope])
    return [(run[0].block.start, run[-1].block.end) for run in runs
            if len(run) >= _SCHEDULE_ENTRIES and all(
                s.period.start is not None and s.period.start >= dct.end for s in run)]


# ---------------------------------------------------------------------------------------------
# Anchors in explanations


def _name_anchors(b: Builder) -> None:
    """A claim whose date was counted from another date, or placed by a heading or an entry
    (the Timex's anchor), says so: “the next year” read against 2010-03."""
    for i, claim in enumerate(b.claims):
        if not isinstance(claim, TextPeriodClaim) or claim.via or (
            claim.conflict_kind is ConflictKind.AFTER_DCT
        ):
            continue
        timex = _relative_in(b, claim.span.start, claim.span.end)
        if timex is not None:
            b.claims[i] = attrs.evolve(claim, via=f"“{timex.text}” read against {timex.anchor}")


def _relative_in(b: Builder, start: int, end: int) -> Timex | None:
    for i in range(bisect.bisect_left(b.timex_starts, start), len(b.timexes)):
        timex = b.timexes[i]
        if timex.start >= end:
            return None
        if timex.end <= end and timex.anchor not in (None, "DCT") and timex.type in ("DATE", "TIME"):
            return timex
    return None
