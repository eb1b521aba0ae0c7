"""Text rules about single calendar expressions: weekdays and ages."""

from __future__ import annotations

from chrono.model import Severity
from chrono.problems import ProblemKind
from chrono.rulebase import ProblemRule


class WeekdayMismatch(ProblemRule):
    """
    What it does
        Reports a weekday name that does not match the full date it goes with ("Monday,
        March 4, 2025": 4 March 2025 is a Tuesday). A date whose year is only inferred from the
        document date ("Tuesday, 22 October") gives a warning when it lies within six weeks of
        the document date, and is left alone otherwise.

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
    problem_kinds = frozenset({ProblemKind.TEXT_WEEKDAY, ProblemKind.TEXT_WEEKDAY_INFERRED})
    # the year was inferred (no year written): the weekday may be right for another year
    warning_kinds = frozenset({ProblemKind.TEXT_WEEKDAY_INFERRED})


class AgeMismatch(ProblemRule):
    """
    What it does
        Reports an age ("at the age of 48", "aged 48", "a 48-year-old", "Jan Novak, 52, was
        born in 1968") that does not add up with the one birth date the document gives and the
        date of the sentence it is in (or the document date), and an anniversary ("the 50th
        anniversary of its founding in 1975") that does not add up with the year it is marked
        in. With the birthday unknown, either of the two possible ages passes; an anniversary
        dated only by the document date may be off by one year.

    Why it matters
        Ages and anniversaries are computed by hand and go stale when a text is updated.

    Example
        "She was born in 1950. … She died in 2001 at the age of 40." fails; "at the age of
        50" (or 51) passes. "On 3 June 2020 the town celebrated the 100th anniversary of its
        charter, granted in 1925." fails; with "granted in 1920" it passes.

    How to fix
        Recompute the age or the count from the dates, or correct the date.
    """

    code = "CHR308"
    name = "age-mismatch"
    severity = Severity.ERROR
    summary = "an age or an anniversary that does not add up with the dates"
    problem_kinds = frozenset({ProblemKind.TEXT_AGE})
