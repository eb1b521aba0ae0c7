"""What a hover shows: the temporal expression or the event under the cursor, as chrono read it.

A temporal expression shows its TIMEX3 type and value, the interval that value stands for on
chrono's time axis, and what a relative value was counted from; an event shows the dates the
constraint network allows it (earliest and latest start and end) and the statements of the
document about it. Markdown, built from the analysis of the last check: nothing is recomputed.
"""

from __future__ import annotations

from collections.abc import Iterator

from chrono.analysis import Analysis
from chrono.model import Claim, Event, EventExists, LineIndex, Span
from chrono.network import Bounds, claim_events
from chrono.periods import Hemisphere, InvalidValue, NotAPeriod, Period, format_instant, parse_value
from chrono.tagger.timex import Timex

# The statements listed under an event, at most.
MAX_STATEMENTS = 8

_TYPES = {
    "DATE": "a calendar date or period",
    "TIME": "a time of day",
    "DURATION": "a length of time",
    "SET": "a recurring time",
}


def hover_at(
    analysis: Analysis, offset: int, hemisphere: Hemisphere = Hemisphere.NORTH
) -> tuple[str, Span] | None:
    """Markdown about what stands at the code-point ``offset`` and the span it covers: the
    innermost temporal expression there, else an event mentioned there; None for neither."""
    timexes = [t for t in analysis.timexes if t.start <= offset < t.end]
    if timexes:
        timex = min(timexes, key=lambda t: t.end - t.start)
        return timex_markdown(timex, analysis, hemisphere), Span(timex.start, timex.end)
    for event, span in _event_spans(analysis):
        if span.start <= offset < span.end:
            return event_markdown(event, analysis), span
    return None


def _event_spans(analysis: Analysis) -> Iterator[tuple[Event, Span]]:
    for event in analysis.events:
        yield event, event.span
        for mention in event.mentions:
            yield event, mention


def _code(text: str) -> str:
    """Inline code that survives backticks in the text."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _interval(period: Period) -> str:
    start = "any time" if period.start is None else format_instant(period.start)
    end = "any time" if period.end is None else format_instant(period.end)
    return f"from {start} up to {end} (the end excluded)"


def timex_markdown(timex: Timex, analysis: Analysis, hemisphere: Hemisphere = Hemisphere.NORTH) -> str:
    document = analysis.document
    lines = [f"**{timex.type}** {_code(timex.value)}: {_TYPES.get(timex.type, timex.type.lower())}", ""]
    facts: list[str] = []
    try:
        period = parse_value(timex.value, mod=timex.mod, hemisphere=hemisphere, dct=document.dct)
        facts.append(f"interval: {_interval(period)}")
    except (InvalidValue, NotAPeriod) as error:
        if timex.type in ("DATE", "TIME"):
            facts.append(f"interval: none ({error})")
    if timex.mod:
        facts.append(f"modifier: {timex.mod}")
    if timex.anchor == "DCT":
        dated = (
            f" ({document.dct_value}, from {document.dct_source})" if document.dct_value else " (none known)"
        )
        facts.append(f"anchored to: the document date{dated}")
    elif timex.anchor:
        facts.append(f"anchored to: {_code(timex.anchor)}, the time the text had reached")
    elif timex.type in ("DATE", "TIME"):
        facts.append("anchored to: nothing, the words name the date themselves")
    if timex.signal:
        facts.append(f"signal: {_code(timex.signal)}")
    if timex.range_role:
        facts.append(f"the {timex.range_role} of a range")
    if timex.ambiguous:
        facts.append("day and month order: a guess (set `date-order` in the configuration)")
    if timex.guessed:
        facts.append("the value rests on a default, not on the words: checked leniently")
    if timex.fiscal:
        facts.append("a fiscal period: its months are the company's")
    if timex.note:
        facts.append(f"note: {timex.note}")
    return "\n".join([*lines, *(f"- {fact}" for fact in facts)])


def _window(earliest: int | None, latest: int | None) -> str:
    if earliest is not None and earliest == latest:
        return format_instant(earliest)
    low = "any time" if earliest is None else format_instant(earliest)
    high = "any time" if latest is None else format_instant(latest)
    return f"between {low} and {high}"


def _statements(event: Event, analysis: Analysis) -> list[tuple[Claim, int]]:
    return [
        (claim, index)
        for index, claim in enumerate(analysis.claims)
        if not isinstance(claim, EventExists) and event.id in claim_events(claim)
    ]


def event_markdown(event: Event, analysis: Analysis) -> str:
    kind = f" ({event.event_class.lower()})" if event.event_class else ""
    words = f": {event.text}" if event.text else ""
    lines = [f"**event** {_code(event.id)}{kind}{words}"]
    solution = analysis.solution
    bounds: Bounds | None = solution.bounds.get(event.id) if solution else None
    lines.append("")
    if bounds is None:
        lines.append("- dates: none known")
    else:
        lines.append(f"- starts {_window(bounds.earliest_start, bounds.latest_start)}")
        lines.append(f"- ends {_window(bounds.earliest_end, bounds.latest_end)}")
    statements = _statements(event, analysis)
    if statements:
        where = LineIndex.of(analysis.document.text)
        lines += ["", "What the document says about it:"]
        for claim, index in statements[:MAX_STATEMENTS]:
            line, _ = where.position(claim.span.start)
            conflict = (
                " (in a conflict: left out of the dates above)"
                if solution and index in solution.dropped
                else ""
            )
            lines.append(f"- {claim.describe()}, line {line}{conflict}")
        if len(statements) > MAX_STATEMENTS:
            lines.append(f"- and {len(statements) - MAX_STATEMENTS} more")
    return "\n".join(lines)
