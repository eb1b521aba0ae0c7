"""Signals: what the word in front of a date (in, on, since, by, until, before, after, from …)
makes the date say about the event it dates."""

from __future__ import annotations

_PERIOD_SIGNALS = {
    None: "in", "in": "in", "on": "in", "at": "in", "during": "in", "of": "in", "throughout": "in",
    "by": "by", "no later than": "by", "since": "since", "until": "until", "till": "until",
    "til": "until", "through": None, "before": "before", "prior to": "before", "ahead of": "before",
    "after": "after", "following": "after", "from": "from", "starting": "from",
    "starting in": "from", "starting on": "from", "beginning": "from", "beginning in": "from",
    "beginning on": "from", "between": "between", "to": "to", "into": None, "for": None, "over": None,
    "about": "in", "around": "in", "as of": None, "past": None, "up to": "by", "not until": None,
    "ending": "to", "as early as": None, "as late as": None,
}


def reading_of(signal: str | None) -> str | None:
    """How a date after ``signal`` (a Timex.signal) is read; None: it says nothing of the event."""
    reading = _PERIOD_SIGNALS.get(signal) if signal in _PERIOD_SIGNALS else None
    if reading is None and signal is not None:
        return None
    if reading is None:
        reading = "in"
    if reading in ("from", "to", "between"):
        reading = {"from": "from", "to": "until", "between": "in"}[reading]
    return reading
