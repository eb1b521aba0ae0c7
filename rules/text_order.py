"""Text rules about statements of order, distance, length and domain precedence that the dates
of the same text contradict (each reports the network conflicts it owns)."""

from __future__ import annotations

from chrono.model import Severity
from chrono.problems import ConflictKind

from .text_conflict_base import ConflictRule


class OrderContradicted(ConflictRule):
    """
    What it does
        Reports an explicit order word (after, before, following, prior to, followed by, and
        clause-opening later, then, subsequently, earlier, previously) that the dates given in
        the same text contradict. "A after B" means A starts no earlier than B starts (a long
        event may still be going on); where the text dates B's end ("the recount ended on 30
        October"), A starts no earlier than that end.

    Why it matters
        "A after B" with A dated before B is a contradiction a reader trips over; one of the
        dates or the order is wrong.

    Example
        "The treaty was ratified on 2 May 2023, after it was signed on 9 May 2023." fails;
        with "signed on 29 April 2023" it passes.

    How to fix
        Check the dates against your sources and correct the one that is wrong, or the order
        word.
    """

    code = "CHR303"
    conflict_kinds = frozenset({ConflictKind.ORDER})
    name = "order-contradicted"
    severity = Severity.ERROR
    summary = "an order word (after, before, following …) contradicted by the dates"
    what = "the stated order does not fit the dates"


class OffsetContradicted(ConflictRule):
    """
    What it does
        Reports relative arithmetic that the dates contradict: "two days later", "the next
        day", "a week after the signing", "three weeks earlier". chrono allows one unit of
        slack either way ("two days later" is read as one to three days); a vague count is a
        bound ("a few days later": at most ten days; "several weeks after": at most fifteen).

    Why it matters
        Offsets are where dates are most often miscounted or copied from an earlier draft.

    Example
        "The ceasefire was signed on 3 March 2024. Two days later, on 9 March 2024, fighting
        resumed." fails; with "on 5 March 2024" it passes.

    How to fix
        Recount: correct the offset or the date that is wrong.
    """

    code = "CHR304"
    conflict_kinds = frozenset({ConflictKind.OFFSET})
    name = "offset-contradicted"
    severity = Severity.ERROR
    summary = "a relative offset (two days later, the next day …) contradicted by the dates"
    what = "the stated distance does not fit the dates"


class DurationContradicted(ConflictRule):
    """
    What it does
        Reports a stated length ("a ten-day visit", "lasted three weeks", "for two years")
        that does not fit between the dates of the same event, with one unit of slack.

    Why it matters
        A duration and a date range are two accounts of the same fact; when they disagree,
        one of them is wrong.

    Example
        "The minister's ten-day visit ran from 3 to 21 March 2024." fails; "from 3 to 12 March
        2024" passes.

    How to fix
        Correct the length or the dates.
    """

    code = "CHR305"
    conflict_kinds = frozenset({ConflictKind.DURATION})
    name = "duration-contradicted"
    severity = Severity.ERROR
    summary = "a stated duration that does not fit the event's dates"
    what = "the stated duration does not fit the dates"


class PrecedenceViolated(ConflictRule):
    """
    What it does
        Reports events that domain knowledge orders (capture before recapture, birth before
        death, signing before ratification, arrest before release, founding before
        dissolution, taking office before leaving it …) but that the text dates the other way
        round. The pairs live in ``chrono/data/precedence.yaml``; add your own with the
        ``domain-knowledge`` configuration key. A pair applies when both events share an
        argument (a word such as the place or the person) in the same paragraph.

    Why it matters
        "Recaptured by March 2024" after an incursion that began in summer 2024 cannot be
        right, even though no sentence says "before" or "after".

    Example
        "The offensive, which began in the summer of 2024, allowed the army to seize the
        territory, but by March 2024 the territory had been recaptured." fails; with "by March
        2025" it passes.

    How to fix
        One of the dates is wrong (often the year): correct it.
    """

    code = "CHR306"
    conflict_kinds = frozenset({ConflictKind.PRECEDENCE})
    name = "precedence-violated"
    severity = Severity.ERROR
    summary = "events that must come in a known order (capture/recapture …) dated the other way"
    what = "events that must come in order are dated the other way round"


class NamedEventDates(ConflictRule):
    """
    What it does
        Reports one named event ("the Geneva Summit", "the Battle of Kursk", "the 2024 Olympic
        Games") given dates in the same document that cannot all be true.

    Why it matters
        A named event is one event: two incompatible dates for it mean one mention is wrong.

    Example
        "The Lisbon Summit opened on 12 May 2023. … Delegates left the Lisbon Summit, held on
        3 June 2023, …" fails; consistent mentions pass.

    How to fix
        Make every mention of the event agree with your source.
    """

    code = "CHR309"
    conflict_kinds = frozenset({ConflictKind.NAMED_EVENT})
    name = "named-event-dates"
    severity = Severity.ERROR
    summary = "one named event given incompatible dates"
    what = "one named event is given incompatible dates"


RULES = (OrderContradicted, OffsetContradicted, DurationContradicted, PrecedenceViolated, NamedEventDates)
