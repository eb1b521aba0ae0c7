"""Hypothesis strategies shared by the tests: calendar days, constraint networks, word soups.

A strategy lives here when more than one test draws from it or when it carries knowledge about
chrono's input (the years the tagger reads, the words prose is made of, the shapes a network
can take); a one-off primitive (an hour, a flag, an index into a test's own table) stays inline.
How many examples each test gets is the profile's business (conftest.py), not the strategy's.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from chrono.model import (
    Claim,
    DurationClaim,
    Endpoint,
    EventExists,
    Gap,
    GapClaim,
    Part,
    PeriodClaim,
    Qualifier,
    Relation,
    RelationClaim,
    Side,
    Span,
)
from chrono.periods import Period

# ---------------------------------------------------------------------------------------------
# Calendar

# Any day Python can represent (a DCT can be any of them).
any_days = st.dates()
# Any day whose month and year still end inside Python's calendar (9999's end in year 10000).
days_before_9999 = st.dates(max_value=dt.date(9998, 12, 31))
# The years written with four digits in the prose the tagger reads (1000-2099), and their days.
prose_years = st.integers(min_value=1000, max_value=2099)
prose_days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2099, 12, 31))


# ---------------------------------------------------------------------------------------------
# Constraint networks over a tiny time axis, small enough to check by brute force

DOMAIN = range(4)  # every endpoint lives in 0..3
SPAN = Span(0, 0)  # the networks are not drawn from a text

relations = st.sampled_from(list(Relation))
# a (start, end) pair of values on the axis, in either order
endpoint_values = st.tuples(st.integers(0, 3), st.integers(0, 3))


@st.composite
def gaps(draw: st.DrawFn) -> Gap:
    lower = draw(st.one_of(st.none(), st.integers(0, 3)))
    upper = draw(st.one_of(st.none(), st.integers(lower or 0, 3)))
    return Gap(lower, upper)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.integers(-1, 4))
    end = draw(st.integers(start, 5))
    return Period(start, end)


@st.composite
def networks(draw: st.DrawFn, max_events: int = 6) -> tuple[list[str], list[Claim]]:
    """Events e0, e1, ... each bound to DOMAIN, and a random mix of every kind of claim."""
    count = draw(st.integers(1, max_events))
    events = [f"e{i}" for i in range(count)]
    claims: list[Claim] = []
    for event in events:
        claims.append(EventExists(event, SPAN))
        # the domain bound makes brute force over DOMAIN exact
        claims.append(
            PeriodClaim(event, Part.WHOLE, Qualifier.IN, Period(DOMAIN.start, DOMAIN.stop - 1), SPAN)
        )
    extra = draw(st.integers(0, 2 * count + 2))
    for _ in range(extra):
        kind = draw(st.sampled_from(["period", "relation", "relation", "gap", "duration"]))
        a = draw(st.sampled_from(events))
        if kind == "period":
            qualifier = draw(st.sampled_from(list(Qualifier)))
            since = qualifier is Qualifier.SINCE
            ongoing = draw(st.one_of(st.none(), st.integers(0, 3))) if since else None
            started_by = draw(st.one_of(st.none(), st.integers(0, 4))) if since else None
            part = draw(st.sampled_from(list(Part)))
            claims.append(PeriodClaim(a, part, qualifier, draw(periods()), SPAN, ongoing, started_by))
        elif kind == "relation":
            relation = draw(relations)
            gap = (
                draw(gaps())
                if relation in (Relation.BEFORE, Relation.AFTER) and draw(st.booleans())
                else None
            )
            claims.append(RelationClaim(a, relation, draw(st.sampled_from(events)), SPAN, gap))
        elif kind == "gap":
            first = Endpoint(a, draw(st.sampled_from(list(Side))))
            second = Endpoint(draw(st.sampled_from(events)), draw(st.sampled_from(list(Side))))
            claims.append(GapClaim(first, second, draw(gaps()), SPAN))
        else:
            claims.append(DurationClaim(a, draw(gaps()), SPAN))
    return events, claims


# ---------------------------------------------------------------------------------------------
# Text: soups of the words and markup that the readers react to


def soups(vocabulary: list[str], separator: str, max_size: int = 60) -> st.SearchStrategy[str]:
    """Up to ``max_size`` pieces of ``vocabulary`` in any order, joined by ``separator``."""
    return st.lists(st.sampled_from(vocabulary), max_size=max_size).map(separator.join)


# Triggers, dates, signals, sentence ends and markup that a prose reader must survive in any order.
PROSE_WORDS = [
    "The", "army", "captured", "recaptured", "the", "town", "on", "in", "by", "since", "after",
    "before", "March", "3", "2024", "2025", "two", "days", "later", "ten-day", "visit", "began",
    "ended", "which", ",", ".", "said", "was", "born", "died", "at", "the age of", "48", "Monday",
    "from", "to", "until", "according to", "the next day", "anniversary", "50th", "signing",
    "<p>", "</p>", "**", "#", "\n", "\n\n", "---", "Dr.", "U.S.", "&amp;", "“", "”",
]
prose_soups = soups(PROSE_WORDS, " ")

# Pieces of temporal expressions that the tagger's patterns could half match when glued together.
DATE_FRAGMENTS = [
    "May ", "1998", " ", "-", "March", "the ", "last ", "early ", "week", "s", "'", "2", ".", ",",
    "\n", "Friday", "ago", "Q3", "/", ":", "30", "a.m.", " EST", "of ", "between ", " and ",
    "from ", " to ", "fiscal ", "quarter", "year", "-end", "mid-", "1990s", "twice a ", "every ",
    "night", "ended ", "Jan. ", "12/31/99", "2024-03-05T10:00Z", "nineteen ninety-six",
]
date_fragment_soups = soups(DATE_FRAGMENTS, "")

# Short texts made of the characters that Markdown and HTML markup are built from.
markup_texts = st.text(alphabet="ab<>/&;#\n -*[]()!x1", max_size=120)
