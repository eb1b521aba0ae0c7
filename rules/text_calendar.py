"""Text rules about single calendar expressions: weekdays and ages."""

from __future__ import annotations

from chrono.model import Severity
from chrono.rulebase import ProblemRule


class WeekdayMismatch(ProblemRule):
    """
    What it does
        Reports a weekday name that does not match the full date it goes with ("Monday,
        March 4, 2025": 4 March 2025 is a Tuesday). Dates whose year is only inferred from
        the document date are left alone.

    Why it matters
        The weekday and the date were written separately; one of them is wrong, and a reader
        cannot tell which.

    Example
        "on Monday, March 4, 2025" fails; "on Tuesday, March 4, 2025" passes.

    How to fix
        Check the calendar and correct the weekday or the date.
    """

    code = "CHR307"
    name = "weekday-mismatch"
    severity = Severity.ERROR
    summary = "a weekday name that does not match its date"
    problem_kind = "text-weekday"


class AgeMismatch(ProblemRule):
    """
    What it does
        Reports an age ("at the age of 48", "aged 48", "a 48-year-old") that does not add up
        with the one birth date the document gives and the date of the sentence it is in.
        With the birthday unknown, either of the two possible ages passes.

    Why it matters
        Ages are computed by hand and go stale when a text is updated.

    Example
        "She was born in 1950. … She died in 2001 at the age of 40." fails; "at the age of
        50" (or 51) passes.

    How to fix
        Recompute the age from the birth date, or correct the date.
    """

    code = "CHR308"
    name = "age-mismatch"
    severity = Severity.ERROR
    summary = "an age that does not add up with the birth date"
    problem_kind = "text-age"
