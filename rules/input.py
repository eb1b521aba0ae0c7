"""Input rules: files that cannot be read, parsed or understood. A bad file never stops a run."""

from __future__ import annotations

from chrono.model import Severity
from chrono.problems import ProblemKind
from chrono.rulebase import ProblemRule


class InternalError(ProblemRule):
    """
    What it does
        Reports that chrono itself failed while checking this file.

    Why it matters
        A crash must not hide the findings of every other file, and it must not pass silently:
        the file was not checked.

    Example
        Any input that triggers a bug in chrono.

    How to fix
        Please report it with the file (or a reduced copy) and the message; the rest of the
        run is unaffected.
    """

    code = "CHR000"
    name = "internal-error"
    severity = Severity.ERROR
    summary = "chrono failed while checking this file"
    problem_kinds = frozenset({ProblemKind.INTERNAL})


class UnreadableFile(ProblemRule):
    """
    What it does
        Reports a file that cannot be read as UTF-8 text: missing permissions, a binary file,
        or bytes that are not valid UTF-8 (the message gives the line and byte).

    Why it matters
        A file chrono cannot read is a file whose dates nobody checked.

    Example
        A timeline saved as Latin-1 with ``café`` in an event text fails;
        the same file saved as UTF-8 passes.

    How to fix
        Save the file as UTF-8, or exclude it from the paths you check.
    """

    code = "CHR001"
    name = "unreadable-file"
    severity = Severity.ERROR
    summary = "the file cannot be read as UTF-8 text"
    problem_kinds = frozenset({ProblemKind.UNREADABLE})


class ResourceLimit(ProblemRule):
    """
    What it does
        Reports a file that was not checked because it is over the size limit
        (``max-file-size``, 20 MB by default) or because checking it took longer than the time
        budget of one file (``file-time-limit``, 120 s by default).

    Why it matters
        One huge or pathological file must not stall a CI run or take the rest of the corpus
        down with it; but a file that was not checked must not pass silently either.

    Example
        A 50 MB log file in the checked folder fails with the default limits; the same file with
        ``max-file-size = 100_000_000`` in the configuration is checked.

    How to fix
        Exclude the file if it is not a document, split it, or raise the limit in the
        configuration (``max-file-size`` in bytes, ``file-time-limit`` in seconds; 0 for none).
    """

    code = "CHR005"
    name = "resource-limit"
    severity = Severity.ERROR
    summary = "a file too large or too slow to check within the configured limits"
    problem_kinds = frozenset({ProblemKind.TOO_LARGE, ProblemKind.TIME_LIMIT})


class ParseError(ProblemRule):
    """
    What it does
        Reports malformed YAML or JSON (or an empty file) at the place the reader gave up.

    Why it matters
        Nothing in a file that does not parse can be checked.

    Example
        ``events: [ {id: a, on: 2024-08-06}`` (the bracket is never closed) fails;
        ``events: [ {id: a, on: 2024-08-06} ]`` passes.

    How to fix
        Correct the syntax at the reported line; most editors highlight YAML and JSON errors.
    """

    code = "CHR002"
    name = "parse-error"
    severity = Severity.ERROR
    summary = "malformed YAML or JSON, or an empty file"
    problem_kinds = frozenset({ProblemKind.SYNTAX})


class InvalidTimeline(ProblemRule):
    """
    What it does
        Reports structure a timeline file must not have: unknown keys (with the nearest known
        key), missing or duplicate event ids, values that are not dates, relations that do not
        read as ``A <relation> B``, offsets that are not lengths of time.

    Why it matters
        A misspelt key (``strat`` for ``start``) silently drops a date; the check would then
        pass on a timeline that says less than its author meant.

    Example
        ``{id: talks, strat: 2025-03}`` fails (unknown key 'strat'; did you mean 'start'?);
        ``{id: talks, start: 2025-03}`` passes.

    How to fix
        Use the keys of the timeline schema (``chrono/schemas/timeline.schema.json``) and the
        value forms the message suggests.
    """

    code = "CHR003"
    name = "invalid-timeline"
    severity = Severity.ERROR
    summary = "the timeline file does not follow the timeline format"
    problem_kinds = frozenset({ProblemKind.SCHEMA})


class ImpossibleDate(ProblemRule):
    """
    What it does
        Reports a calendar value that names no real time: 2025-02-29 (2025 is not a leap
        year), 2025-13, 2024-04-31, ISO week 53 of a 52-week year, Q5, 25:00.

    Why it matters
        An impossible date is always a typo, and whatever it was meant to say is lost.

    Example
        ``on: 2025-02-29`` fails; ``on: 2024-02-29`` passes.

    How to fix
        Correct the value; the message says which part does not exist.
    """

    code = "CHR101"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = "a calendar value that does not exist"
    problem_kinds = frozenset({ProblemKind.CALENDAR})


class UnknownEvent(ProblemRule):
    """
    What it does
        Reports a relation that names an event id no event has (with the nearest id).

    Why it matters
        The relation is dropped, so an ordering the author meant to check is never checked.

    Example
        ``- recapture after sudzha-capture`` fails when the event is ``sudzha-captured``;
        ``- recapture after sudzha-captured`` passes.

    How to fix
        Use the exact id of an event defined under ``events``.
    """

    code = "CHR102"
    name = "unknown-event"
    severity = Severity.ERROR
    summary = "a relation names an event that is not defined"
    problem_kinds = frozenset({ProblemKind.UNKNOWN_EVENT})
