"""Days a log numbers: "## Day 1 — 12 June" … "## Day 3 — 14 June" … "## Day 4 — 16 June".

The entries of a diary, a voyage or an expedition log are often labelled with the count of
their day as well as its date. The count and the date must go on together: from "Day 3" to
"Day 4" at least one day passes, so "Day 4 — 6 May" after "Day 3 — 6 May", or "Day 8 — Monday
16 June" after "Day 6 — Sunday 15 June", cannot both be right (:attr:`Grade.STRONG`). A count
that falls behind its dates ("Day 4" two days after "Day 3") may be a log that numbers only the
days of travel and leaves a rest day out, so that is a doubtful reading, taken only when every
other step of the log keeps count and date together (:attr:`Grade.WEAK`: a warning at most).

Each numbered entry whose own words date it to a day becomes an event of its own, within that
day, and each step from one entry to the next a claim on how far apart they start
(:attr:`ConflictKind.DAY_COUNT`, reported by CHR319). Entries whose numbers do not rise in text
order (two logs in one document, a count that starts again) are left alone.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs

from chrono.layout import Kind
from chrono.model import Endpoint, Event, EventExists, Gap, Grade, Part, Qualifier, Side, Span
from chrono.periods import DAY, date_of
from chrono.problems import ConflictKind
from chrono.tagger.resources import load as load_resources
from chrono.tagger.resources import words_regex
from chrono.text.builder import Builder
from chrono.text.claims import TextPeriodClaim
from chrono.text.layout_dating import Scope

__all__ = ["day_counts"]

_ENTRY_KINDS = frozenset({Kind.HEADING, Kind.ITEM, Kind.LINE, Kind.PARAGRAPH, Kind.ROW})
# steps of the log, besides the doubtful one, that must keep count and date together before
# a count falling behind is reported
_STEPS_KEPT = 2


@attrs.frozen
class _Entry:
    number: int
    label: Span  # "Day 4"
    scope: Scope

    @property
    def day(self) -> int:
        """The entry's day, as a count of days."""
        assert self.scope.period.start is not None
        return self.scope.period.start // DAY


# What stands between an entry's start and its date: "## Day 4 — ", "| Day 4 | ", "**Day 12.** ":
# the label of a day count (a word of the tagger's lexicon, with a capital), its number and
# punctuation.
_LABEL = r"[\s#*_>|(\[]*(?=[A-Z])((?i:{day_count_label})[ \t]+(\d{1,3}))[\s*_.,:;|()\[\]—–-]*"


def _entries(b: Builder, found: Sequence[Scope]) -> list[_Entry]:
    out = []
    label = words_regex(load_resources("en"), _LABEL)
    for scope in sorted(found, key=lambda s: s.start):
        period = scope.period
        if scope.block.kind not in _ENTRY_KINDS or period.start is None or period.end is None:
            continue
        if date_of(period.start) != date_of(period.end - 1):
            continue  # a week, a month: not one day
        match = label.fullmatch(b.text, scope.block.start, scope.start)
        if match is not None:
            out.append(_Entry(int(match.group(2)), b.span(match.start(1), match.end(1)), scope))
    return out


def day_counts(b: Builder, found: Sequence[Scope]) -> None:
    """Claims that the numbered days of a log ("Day 3 — 14 June") keep pace with their dates."""
    entries = _entries(b, found)
    if len(entries) < 2 or any(a.number >= c.number for a, c in itertools.pairwise(entries)):
        return
    steps = list(itertools.pairwise(entries))
    kept = [c.day - a.day == c.number - a.number for a, c in steps]
    for index, (first, second) in enumerate(steps):
        counted, passed = second.number - first.number, second.day - first.day
        if passed == counted:
            continue
        if passed < counted:
            grade, gap = Grade.STRONG, Gap(counted * DAY, None)
        else:
            others = kept[:index] + kept[index + 1:]
            if len(others) < _STEPS_KEPT or not all(others):
                continue  # a log that may leave its rest days uncounted
            grade = Grade.WEAK
            gap = Gap(counted * DAY, counted * DAY)
        for entry in (first, second):
            _add_entry(b, entry)
        note = (f"'{b.text[first.label.start:first.label.end]}' and "
                f"'{b.text[second.label.start:second.label.end]}' number the days of one log")
        earlier, later = Endpoint(_event_id(b, first), Side.START), Endpoint(_event_id(b, second), Side.START)
        b.gap_claim(earlier, later, gap, second.label, ConflictKind.DAY_COUNT, grade=grade, note=note)


def _event_id(b: Builder, entry: _Entry) -> str:
    """The entry's label as it is written ("Day 4"), which no event of the prose is named."""
    return " ".join(b.text[entry.label.start:entry.label.end].split())


def _add_entry(b: Builder, entry: _Entry) -> None:
    """The numbered day as an event within its date (once)."""
    event_id = words = _event_id(b, entry)
    if event_id in b.events:
        return
    span = Span(entry.label.start, entry.label.end, "event")
    b.events[event_id] = Event(event_id, words, span, None, "entry")
    b.claims.append(EventExists(event_id, span))
    scope = entry.scope
    b.claims.append(TextPeriodClaim(event_id, Part.WHOLE, Qualifier.IN, scope.period,
                                    b.span(scope.start, scope.end), words=b.text[scope.start:scope.end],
                                    grade=Grade.STRONG, via=f"the date of {words}"))
