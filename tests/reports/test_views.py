"""The view-data layer: timeline geometry, text segmentation, rule docs, page names."""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Sequence
from typing import Any

from chrono.reports import annotate as ann
from chrono.reports import timeline as tl
from chrono.reports.views import doc_blocks, slug
from hypothesis import given
from hypothesis import strategies as st

DAY = 86400


def day(text: str) -> int:
    year, month, date = (int(part) for part in text.split("-"))
    return calendar.timegm((year, month, date, 0, 0, 0))


def event(
    key: str, es: int | None, ls: int | None, ee: int | None, le: int | None, **kw: Any
) -> tl.TimelineEvent:
    return tl.TimelineEvent(key, kw.pop("label", key), es, ls, ee, le, f"doc.html#{key}", "bounds", **kw)


def drawn(view: tl.TimelineView | None) -> dict[str, tl.Drawn]:
    assert view is not None
    return {d.event.key: d for d in view.all_events}


# ---------------------------------------------------------------------------------------------
# Timeline


def test_solid_only_where_the_event_certainly_is() -> None:
    # starts some time in January, ends some time in March: certainly going on Feb 1 .. Mar 1
    siege = event("siege", day("2024-01-01"), day("2024-02-01"), day("2024-03-01"), day("2024-04-01"))
    # within one month, start and end free: never certainly going on
    talks = event("talks", day("2024-05-01"), day("2024-06-01"), day("2024-05-01"), day("2024-06-01"))
    view = tl.build([siege, talks], id="t", title="t")
    bars = drawn(view)
    assert bars["siege"].core
    assert bars["siege"].fuzzy_x < bars["siege"].core_x
    assert bars["siege"].core_x + bars["siege"].core_w < bars["siege"].fuzzy_x + bars["siege"].fuzzy_w
    assert not bars["talks"].core
    # the scale is linear: one month of fuzz on each side of the siege's solid part
    left_fuzz = bars["siege"].core_x - bars["siege"].fuzzy_x
    right_fuzz = bars["siege"].fuzzy_x + bars["siege"].fuzzy_w - bars["siege"].core_x - bars["siege"].core_w
    assert abs(left_fuzz / right_fuzz - 31 / 31) < 0.05


def test_instants_are_points_and_unbounded_sides_run_to_the_edge() -> None:
    year = [event(f"m{i}", day(f"2020-{i:02d}-01"), None, None, day(f"2020-{i:02d}-02")) for i in (1, 12)]
    instant = event("signing", day("2020-06-15"), day("2020-06-15"), day("2020-06-15"), day("2020-06-15"))
    ongoing = event("war", day("2020-03-01"), day("2020-04-01"), None, None)
    earlier = event("before", None, None, None, day("2020-02-01"))
    bars = drawn(tl.build([*year, instant, ongoing, earlier], id="t", title="t"))
    assert bars["signing"].point
    assert bars["m1"].point  # one day in a year-long axis is narrower than a few units
    assert not bars["war"].point
    assert bars["war"].open_right
    assert not bars["war"].open_left
    assert bars["war"].fuzzy_x + bars["war"].fuzzy_w == tl.WIDTH - tl.RIGHT
    assert bars["before"].open_left
    assert bars["before"].fuzzy_x == tl.LEFT


def test_conflicting_events_take_the_top_lanes_and_carry_their_finding_link() -> None:
    events = [event(f"e{i}", day("2021-01-01") + i * 5 * DAY, None, None, None) for i in range(6)]
    events.append(
        event(
            "bad", day("2021-03-01"), None, None, day("2021-03-05"), conflict=True, finding_href="d.html#f1"
        )
    )
    view = tl.build(events, id="t", title="t")
    assert view is not None
    bars = drawn(view)
    assert bars["bad"].y == min(d.y for d in view.all_events)
    assert view.conflicts == 1
    assert "1 in a contradiction" in view.summary


def test_lanes_never_overlap() -> None:
    events = [
        event(f"e{i}", day("2000-01-01") + i * 40 * DAY, None, None, day("2000-01-01") + (i * 40 + 90) * DAY)
        for i in range(30)
    ]
    view = tl.build(events, id="t", title="t")
    assert view is not None
    by_lane: dict[float, list[tl.Drawn]] = {}
    for d in view.all_events:
        by_lane.setdefault(d.y, []).append(d)
    for lane in by_lane.values():
        lane.sort(key=lambda d: d.fuzzy_x)
        for left, right in itertools.pairwise(lane):
            end = left.fuzzy_x + left.fuzzy_w
            if left.label_anchor == "start":
                end = left.label_x + left.label_width
            assert end <= right.fuzzy_x, (left.event.key, right.event.key)
    assert view.lanes < 30  # packing shares lanes


def test_many_events_go_compact_and_collapse_but_every_event_is_drawn_once() -> None:
    events = [
        event(f"e{i}", day("2000-01-01") + i * DAY, None, None, None, label="x" * 40) for i in range(500)
    ]
    view = tl.build(events, id="t", title="t")
    assert view is not None
    assert view.compact
    assert not any(d.show_label for d in view.all_events)
    assert len(view.events) + len(view.more) == 500
    assert len({d.event.key for d in view.all_events}) == 500
    assert view.lanes == 500  # all open-ended: one lane each
    assert view.more_lanes == 500 - tl.VISIBLE_LANES
    assert view.height < 600  # the first panel stays on a screen


def test_undated_events_are_listed_not_drawn_and_nothing_dated_draws_nothing() -> None:
    view = tl.build(
        [event("a", day("2020-01-01"), None, None, None), event("u", None, None, None, None)],
        id="t",
        title="t",
    )
    assert view is not None
    assert [e.key for e in view.undated] == ["u"]
    assert tl.build([event("u", None, None, None, None)], id="t", title="t") is None


def test_a_shared_span_puts_every_panel_on_the_same_axis() -> None:
    a = tl.build(
        [event("a", day("2020-01-01"), None, None, day("2020-02-01"))],
        id="a",
        title="a",
        span=(day("2019-01-01"), day("2022-01-01")),
    )
    b = tl.build(
        [event("b", day("2021-01-01"), None, None, day("2021-02-01"))],
        id="b",
        title="b",
        span=(day("2019-01-01"), day("2022-01-01")),
    )
    assert a is not None
    assert b is not None
    assert a.ticks == b.ticks
    assert drawn(a)["a"].fuzzy_x < drawn(b)["b"].fuzzy_x


@given(
    lo=st.integers(min_value=day("1000-01-01"), max_value=day("2900-01-01")),
    length=st.integers(min_value=3600, max_value=400 * 365 * DAY),
)
def test_ticks_are_calendar_aligned_increasing_and_inside(lo: int, length: int) -> None:
    hi = lo + length
    found = tl.ticks(lo, hi)
    instants = [t for t, _, _ in found]
    assert instants == sorted(set(instants))
    assert all(lo <= t <= hi for t in instants)
    assert 1 <= len(found) <= 40 or length < 3 * 3600
    for t, label, _ in found:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|\d{2}:\d{2}", label)
        if ":" not in label:
            assert t % DAY == 0


# ---------------------------------------------------------------------------------------------
# Text segmentation


def make(kind: str, start: int, end: int, number: int) -> ann.Annotation:
    return ann.Annotation(f"a{number}", start, end, kind, kind)


def render(lines: Sequence[ann.Line]) -> str:
    return "\n".join(
        "".join(p.text for s in line.segments if not s.empty for p in s.pieces) for line in lines
    )


@given(
    text=st.text(alphabet="ab \n\u202e\u200bé😀", max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8),
)
def test_segments_cover_the_text_exactly_and_each_annotation_is_anchored_once(
    text: str, spans: list[tuple[int, int]]
) -> None:
    annotations = [
        make("claim" if i % 2 else "event", min(a, b, len(text)), min(max(a, b), len(text)), i)
        for i, (a, b) in enumerate(spans)
    ]
    lines = ann.lines_of(text, annotations, {})
    shown = render(lines)
    # control characters are replaced by their names; everything else is kept in order
    expected = "".join(f"U+{ord(c):04X}" if c in "\u202e\u200b" else c for c in text)
    if text.endswith("\n") and not any(a.start == a.end == len(text) for a in annotations):
        expected = expected[:-1]  # the final line break does not open an empty last line
    assert shown == expected
    anchors = [a for line in lines for s in line.segments for a in s.starts]
    for annotation in annotations:
        words = text[annotation.start : annotation.end].replace("\n", "")
        # one anchor (the target of links and of keyboard focus) for everything that shows
        if words or annotation.start == annotation.end:
            assert anchors.count(annotation.id) == 1
        else:  # only line breaks: nothing to show, at most an anchor on the next words
            assert anchors.count(annotation.id) <= 1
    # every segment lists exactly the annotations that cover it
    offset = 0
    for line in lines:
        for segment in line.segments:
            if segment.empty:
                continue
            length = sum(1 if p.control else len(p.text) for p in segment.pieces)
            covering = {
                a.id
                for a in annotations
                if a.start <= offset and offset + length <= a.end and a.start < a.end
            }
            assert set(segment.ids.split()) == covering
            offset += length
        offset += 1


def test_annotations_across_lines_and_findings_after_their_line() -> None:
    text = "alpha beta\ngamma delta\nepsilon"
    spans = [make("event", 6, 16, 1), make("finding", 0, 5, 2)]
    lines = ann.lines_of(text, spans, {0: 1, 1: 0})
    assert [line.number for line in lines] == [1, 2, 3]
    assert lines[1].findings == (0,)
    assert lines[0].findings == (1,)
    first = [s for s in lines[0].segments if "a1" in s.ids.split()]
    second = [s for s in lines[1].segments if "a1" in s.ids.split()]
    assert "".join(p.text for s in first for p in s.pieces) == "beta"
    assert "".join(p.text for s in second for p in s.pieces) == "gamma"
    assert first[0].anchor == "a1"
    assert second[0].anchor is None


def test_visible_names_invisible_characters() -> None:
    assert ann.visible("a\u202eb\nc") == "a[U+202E]b c"
    assert ann.visible("plain é 😀") == "plain é 😀"


# ---------------------------------------------------------------------------------------------
# Small pieces


def test_slug_is_safe_unique_and_keeps_the_file_name() -> None:
    names = ["../../etc/passwd", "a/b.yaml", "a-b.yaml", "<script>.yaml", "..", "", "x" * 300 + "/end.yaml"]
    slugs = [slug(name) for name in names]
    assert len(set(slugs)) == len(slugs)
    for value in slugs:
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", value)
        assert len(value) <= 70
    assert slugs[0].startswith("etc-passwd-")
    assert "end.yaml" in slugs[-1]


def test_doc_blocks_paragraphs_literal_blocks_and_inline_code() -> None:
    text = "Fails::\n\n    events:\n      - a\n\n    more\n\nPasses with ``end: by 2025``."
    blocks = doc_blocks(text)
    assert [b.kind for b in blocks] == ["p", "pre", "p"]
    assert blocks[0].parts == (("Fails:", False),)
    assert blocks[1].parts[0][0] == "events:\n  - a\n\nmore"
    assert blocks[2].parts == (("Passes with ", False), ("end: by 2025", True), (".", False))


def test_bounds_drop_the_seconds_of_strict_steps_but_keep_real_ones() -> None:
    from chrono.periods import parse_value

    midnight = parse_value("2024-08-06").start
    assert midnight is not None
    assert ann.instant_text(midnight + 2, "any time") == "2024-08-06"  # two "after" steps
    assert ann.instant_text(midnight - 1, "any time") == "2024-08-06"
    assert ann.instant_text(midnight + 16 * 3600 + 22 * 60 + 30, "any time") == (
        "2024-08-06T16:22:30"
    )
    assert ann.instant_text(None, "any time") == "any time"


@given(
    st.lists(
        st.tuples(st.floats(0, 1000, allow_nan=False), st.floats(0, 50, allow_nan=False)), max_size=60
    ),
    st.sampled_from([0.0, 2.0, 4.5]),
)
def test_lanes_are_first_fit(spans: list[tuple[float, float]], gap: float) -> None:
    extents = [(left, left + width) for left, width in spans]
    expected: list[int] = []  # the plain first fit: scan the lanes in order
    ends: list[float] = []
    for left, right in extents:
        lane = next((i for i, end in enumerate(ends) if end + gap <= left), len(ends))
        if lane == len(ends):
            ends.append(right)
        ends[lane] = right
        expected.append(lane)
    assert tl._pack(extents, gap) == expected
