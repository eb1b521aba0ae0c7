"""The timeline view: events with honest uncertainty, laid out on a shared time axis as SVG geometry.

Everything here is plain numbers and strings; the ``timeline`` macro of the templates only draws
them. For each event the tightened network gives four bounds (earliest/latest start and end):

- the *possible* extent, earliest start … latest end, is drawn faded;
- the *certain* part, latest start … earliest end, is drawn solid (it exists only when the event
  must be going on over that whole stretch);
- an unbounded side runs to the edge of the axis and ends in an arrow;
- an event whose whole possible extent is narrower than a few pixels is drawn as a point.

Events are packed into lanes (first fit, labels included); when a timeline would need too many
lanes the labels move into tooltips and the table beside it, and the lanes pack tighter. The
``data-*`` attributes carry the seconds so that ``report.js`` can redraw the same geometry for a
zoomed range without a server.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import UTC, datetime

import attrs

from .instants import CALENDAR_END, CALENDAR_START, day_words, on_calendar

WIDTH = 1000.0  # viewBox units
LEFT, RIGHT = 8.0, 8.0
AXIS_HEIGHT = 26.0
LANE, COMPACT_LANE = 22.0, 10.0
BAR, COMPACT_BAR = 12.0, 7.0
POINT_BELOW = 5.0  # extents narrower than this many units are drawn as points
CHAR_WIDTH = 6.6
TICK_CHAR = (
    6.2  # width of one tick-label character  # rough width of one label character at the label font size
)
MAX_LABELLED_LANES = 40
VISIBLE_LANES = 40  # more lanes than this go into a collapsed second panel
MAX_LABEL = 48


@attrs.frozen
class TimelineEvent:
    """One event to draw. Bounds are seconds since 1970 UTC, ``None`` for unbounded."""

    key: str  # unique within the page, used for element ids
    label: str
    earliest_start: int | None
    latest_start: int | None
    earliest_end: int | None
    latest_end: int | None
    href: str
    bounds: str  # the bounds in words
    document: str = ""
    conflict: bool = False
    finding_href: str | None = None
    finding_label: str = ""

    @property
    def dated(self) -> bool:
        return any(
            v is not None
            for v in (self.earliest_start, self.latest_start, self.earliest_end, self.latest_end)
        )

    @property
    def low(self) -> int | None:
        """The earliest finite instant the event touches."""
        values = [
            v
            for v in (self.earliest_start, self.latest_start, self.earliest_end, self.latest_end)
            if v is not None
        ]
        return min(values) if values else None

    @property
    def high(self) -> int | None:
        values = [
            v
            for v in (self.earliest_start, self.latest_start, self.earliest_end, self.latest_end)
            if v is not None
        ]
        return max(values) if values else None


@attrs.frozen
class Tick:
    x: float
    label: str
    major: bool


@attrs.frozen
class Drawn:
    """The geometry of one event (viewBox units)."""

    event: TimelineEvent
    y: float
    height: float
    fuzzy_x: float
    fuzzy_w: float
    core: bool
    core_x: float
    core_w: float
    point: bool
    point_x: float
    open_left: bool
    open_right: bool
    label: str
    label_x: float
    label_anchor: str  # "start" (label right of the bar), "end" (left of it) or "inside" (over it)
    label_width: float
    flag_x: float
    show_label: bool
    # the bounds as strings for data-* attributes ("" = unbounded)
    es: str
    ls: str
    ee: str
    le: str


@attrs.frozen
class TimelineView:
    id: str
    title: str
    lo: int
    hi: int
    width: float
    height: float
    lanes: int
    compact: bool
    ticks: tuple[Tick, ...]
    events: tuple[Drawn, ...]  # the first VISIBLE_LANES lanes
    more: tuple[Drawn, ...]  # the other lanes, drawn in a collapsed panel
    more_lanes: int
    more_height: float
    undated: tuple[TimelineEvent, ...]
    conflicts: int
    lo_text: str
    hi_text: str
    summary: str
    axis_y: float

    @property
    def all_events(self) -> tuple[Drawn, ...]:
        return self.events + self.more


def drawable(
    earliest_start: int | None, latest_start: int | None, earliest_end: int | None, latest_end: int | None
) -> tuple[int | None, int | None, int | None, int | None]:
    """Bounds the axis can draw, which ends with the calendar (0001-01-01 … 9999-12-31): an
    outer bound past it is open on that side, any other bound sits at the calendar's end."""
    if earliest_start is not None and earliest_start < CALENDAR_START:
        earliest_start = None
    if latest_end is not None and latest_end >= CALENDAR_END:
        latest_end = None
    es, ls, ee, le = (
        None if bound is None else on_calendar(bound)
        for bound in (earliest_start, latest_start, earliest_end, latest_end)
    )
    return es, ls, ee, le


def domain(events: Sequence[TimelineEvent]) -> tuple[int, int] | None:
    lows = [e.low for e in events if e.low is not None]
    highs = [e.high for e in events if e.high is not None]
    if not lows or not highs:
        return None
    lo, hi = min(lows), max(highs)
    span = hi - lo
    if span <= 0:
        span = 86400
        lo, hi = lo - span, hi + span
    pad = max(span // 25, 3600)
    lo, hi = lo - pad, hi + pad
    if hi - lo > 4 * 86400:  # whole days, so that the range reads as dates
        lo, hi = lo - lo % 86400, hi - hi % 86400 + 86400
    return on_calendar(lo), on_calendar(hi)


class Scale:
    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        self.factor = (WIDTH - LEFT - RIGHT) / max(hi - lo, 1)

    def __call__(self, instant: int | None, default: float) -> float:
        if instant is None:
            return default
        x = LEFT + (instant - self.lo) * self.factor
        return round(min(max(x, LEFT), WIDTH - RIGHT), 2)


# ---------------------------------------------------------------------------------------------
# Ticks: calendar-aligned, about 8 across the width

_SECOND_STEPS = [(3600, "hour"), (6 * 3600, "hour"), (86400, "day"), (2 * 86400, "day"), (7 * 86400, "day")]
_MONTH_STEPS = [1, 2, 3, 6]
_YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]


def _date(instant: int) -> datetime:
    return datetime.fromtimestamp(instant, UTC)


def _stamp(year: int, month: int = 1, day: int = 1) -> int:
    return calendar.timegm((year, month, day, 0, 0, 0))


def ticks(lo: int, hi: int, target: int = 8) -> list[tuple[int, str, bool]]:
    """Calendar-aligned tick instants between ``lo`` and ``hi`` with labels (and major flags)."""
    span = max(hi - lo, 1)
    out: list[tuple[int, str, bool]] = []
    ideal = span / target
    if ideal <= 7 * 86400:  # beyond weekly steps, month ticks (labels of ten characters need room)
        step = next((s for s, _ in _SECOND_STEPS if s >= ideal), 7 * 86400)
        first = lo - lo % step + step if step < 7 * 86400 else _monday_after(lo)
        t = first
        while t <= hi and len(out) < 200:
            d = _date(t)
            if step < 86400:
                label = d.strftime("%H:%M") if d.hour else d.strftime("%Y-%m-%d")
                out.append((t, label, d.hour == 0))
            else:
                out.append((t, d.strftime("%Y-%m-%d"), d.day == 1))
            t += step
        return out
    if ideal < 250 * 86400:
        months = next((m for m in _MONTH_STEPS if m * 30.4 * 86400 >= ideal), 6)
        d = _date(lo)
        year, month = d.year, d.month
        month = ((month - 1) // months + 1) * months + 1
        while True:
            year += (month - 1) // 12
            month = (month - 1) % 12 + 1
            if year > 9999:  # the calendar ends
                break
            t = _stamp(year, month)
            if t > hi or len(out) >= 200:
                break
            label = f"{year}" if month == 1 else f"{year}-{month:02d}"
            out.append((t, label, month == 1))
            month += months
        return out
    years = next((y for y in _YEAR_STEPS if y * 365.25 * 86400 >= ideal), 1000)
    first_year = _date(lo).year // years * years + years
    year = first_year
    while 1 <= year <= 9999:
        t = _stamp(year)
        if t > hi or len(out) >= 200:
            break
        out.append((t, str(year), year % (years * 5) == 0))
        year += years
    return out


def _monday_after(instant: int) -> int:
    day = instant - instant % 86400 + 86400
    weekday = _date(day).weekday()
    return day + ((7 - weekday) % 7) * 86400


# ---------------------------------------------------------------------------------------------
# Layout


def _short(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _text(instant: int | None) -> str:
    return "" if instant is None else str(instant)


def _pack(extents: Sequence[tuple[float, float]], gap: float) -> list[int]:
    """First-fit lanes for extents given in drawing order: each goes into the lowest lane whose
    last extent ends at least ``gap`` before it starts, or into a new lane.

    The lanes' ends (plus the gap) are kept in a tree of minima, so finding the lowest lane
    that fits takes log(lanes) steps, not a scan of every lane: thousands of overlapping events
    need thousands of lanes. A lane not opened yet fits anything, so it is the answer when no
    open lane fits."""
    size = 1
    while size < len(extents):
        size *= 2
    free = float("-inf")
    tree = [free] * (2 * size)  # node i covers its children 2i and 2i + 1; leaves are lanes
    lanes = []
    for left, right in extents:
        node = 1
        while node < size:
            node = 2 * node if tree[2 * node] <= left else 2 * node + 1
        lanes.append(node - size)
        tree[node] = right + gap
        node //= 2
        while node:
            tree[node] = min(tree[2 * node], tree[2 * node + 1])
            node //= 2
    return lanes


FLAG = 14.0  # room for the contradiction mark beside a bar
POINT_HALF = 7.0


def _reach(x1: float, x2: float, point: bool) -> tuple[float, float]:
    """The horizontal extent a bar (or point) covers."""
    if point:
        middle = (x1 + x2) / 2
        return middle - POINT_HALF, middle + POINT_HALF
    return x1, max(x2, x1 + 1)


def label_side(x1: float, x2: float, point: bool, width: float, flagged: bool) -> tuple[str, float, float]:
    """(text-anchor, label x, flag x): the label goes right of the bar unless it would run off
    the axis and fits on the left. The contradiction mark sits between bar and label."""
    left, right = _reach(x1, x2, point)
    flag = FLAG if flagged else 0.0
    right_x = right + 5 + flag
    left_x = left - 5 - flag
    room_right = WIDTH - RIGHT - right_x
    room_left = left_x - LEFT
    if width <= room_right:
        return "start", round(right_x, 2), round(right + 3 + FLAG / 2, 2)
    if width <= room_left:
        return "end", round(left_x, 2), round(left - 3 - FLAG / 2, 2)
    # fits on neither side: written over the bar, from its start (with a halo to stay legible)
    flag_x = right + 3 + FLAG / 2 if room_right >= FLAG else left - 3 - FLAG / 2
    return "inside", round(max(left, LEFT) + 4, 2), round(flag_x, 2)


def build(
    events: Sequence[TimelineEvent],
    *,
    id: str,
    title: str,
    span: tuple[int, int] | None = None,
) -> TimelineView | None:
    """The drawing of ``events`` over ``span`` (default: their own extent), or ``None`` if none is dated."""
    dated = [e for e in events if e.dated]
    undated = tuple(e for e in events if not e.dated)
    span = span or domain(dated)
    if span is None or not dated:
        return None
    lo, hi = span
    scale = Scale(lo, hi)
    dated.sort(
        key=lambda e: (e.low if e.low is not None else lo, e.high if e.high is not None else hi, e.key)
    )

    geometry = []
    for event in dated:
        x1 = scale(event.earliest_start, LEFT)
        x2 = scale(event.latest_end, WIDTH - RIGHT)
        point = (x2 - x1) < POINT_BELOW and event.earliest_start is not None and event.latest_end is not None
        label = _short(event.label)
        side = label_side(x1, x2, point, len(label) * CHAR_WIDTH, event.finding_href is not None)
        geometry.append((event, x1, x2, point, label, side))

    def extents(with_labels: bool) -> list[tuple[float, float]]:
        out = []
        for event, x1, x2, point, label, (anchor, label_x, flag_x) in geometry:
            left, right = _reach(x1, x2, point)
            if event.finding_href is not None:
                left, right = min(left, x1 - FLAG), max(right, x2 + FLAG)
            if with_labels:
                width = len(label) * CHAR_WIDTH
                if anchor == "end":
                    left = min(left, label_x - width)
                else:
                    right = max(right, label_x + width)
            if anchor == "inside" and event.finding_href is not None:
                left, right = min(left, flag_x - FLAG / 2), max(right, flag_x + FLAG / 2)
            out.append((left, right + 4))
        return out

    # events in a contradiction are packed first, so they sit in the top lanes
    geometry.sort(key=lambda g: not g[0].conflict)
    lanes = _pack(extents(True), 2)
    compact = max(lanes) + 1 > MAX_LABELLED_LANES
    if compact:
        lanes = _pack(extents(False), 2)
    lane_height, bar = (COMPACT_LANE, COMPACT_BAR) if compact else (LANE, BAR)
    count = max(lanes) + 1
    drawn = []
    for (event, x1, x2, point, label, (anchor, label_x, flag_x)), lane in zip(geometry, lanes, strict=True):
        y = AXIS_HEIGHT + 6 + (lane if lane < VISIBLE_LANES else lane - VISIBLE_LANES) * lane_height
        core = (
            event.latest_start is not None
            and event.earliest_end is not None
            and event.latest_start <= event.earliest_end
        )
        core_x = scale(event.latest_start, LEFT) if core else 0.0
        core_w = (scale(event.earliest_end, LEFT) - core_x) if core else 0.0
        drawn.append(
            Drawn(
                event=event,
                y=round(y, 2),
                height=bar,
                fuzzy_x=x1,
                fuzzy_w=round(max(x2 - x1, 1.0), 2),
                core=core,
                core_x=core_x,
                core_w=round(max(core_w, 1.0), 2),
                point=point,
                point_x=round((x1 + x2) / 2, 2),
                open_left=event.earliest_start is None,
                open_right=event.latest_end is None,
                label=label,
                label_x=label_x,
                label_anchor=anchor,
                label_width=round(len(label) * CHAR_WIDTH, 1),
                flag_x=flag_x,
                show_label=not compact,
                es=_text(event.earliest_start),
                ls=_text(event.latest_start),
                ee=_text(event.earliest_end),
                le=_text(event.latest_end),
            )
        )
    shown = min(count, VISIBLE_LANES)
    height = AXIS_HEIGHT + 6 + shown * lane_height + 8
    more_height = AXIS_HEIGHT + 6 + (count - shown) * lane_height + 8
    visible = tuple(d for d, lane in zip(drawn, lanes, strict=True) if lane < VISIBLE_LANES)
    more = tuple(d for d, lane in zip(drawn, lanes, strict=True) if lane >= VISIBLE_LANES)
    tick_list = tuple(
        Tick(scale(t, LEFT), label, major)
        for t, label, major in ticks(lo, hi)
        if scale(t, LEFT) + 3 + len(label) * TICK_CHAR <= WIDTH  # a label cut by the edge is noise
    )
    conflicts = sum(1 for e in dated if e.conflict)
    summary = (
        f"{len(dated)} dated event{'s' if len(dated) != 1 else ''} from {day_words(lo)} "
        f"to {day_words(hi)} in {count} lane{'s' if count != 1 else ''}"
        + (f"; {conflicts} in a contradiction" if conflicts else "")
    )
    return TimelineView(
        id=id,
        title=title,
        lo=lo,
        hi=hi,
        width=WIDTH,
        height=round(height, 2),
        lanes=count,
        compact=compact,
        ticks=tick_list,
        events=visible,
        more=more,
        more_lanes=count - shown,
        more_height=round(more_height, 2),
        undated=undated,
        conflicts=conflicts,
        lo_text=day_words(lo),
        hi_text=day_words(hi),
        summary=summary,
        axis_y=AXIS_HEIGHT,
    )
