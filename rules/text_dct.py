"""Text rules about the document's own date (DCT)."""

from __future__ import annotations

from collections.abc import Iterator

from chrono.analysis import Analysis
from chrono.model import Finding, Severity
from chrono.problems import ConflictKind, ProblemKind
from chrono.rulebase import ProblemRule

from .text_conflict_base import ConflictRule


class MissingDocumentDate(ProblemRule):
    """
    What it does
        Warns about a prose document (.txt, .md, .html) that has no date of its own: no
        ``--dct``, no front-matter ``date``/``published``, no HTML ``article:published_time`` or
        ``datePublished``, and no ``dct`` in the configuration.

    Why it matters
        Without the date a text was written, "yesterday", "last March" and "since Monday" cannot
        be placed, and a past event dated after the document cannot be caught. The rules that
        need the date skip the document, so its problems go unseen.

    Example
        A Markdown file without front matter fires; one that starts with::

            ---
            date: 2025-04-24
            ---

        passes.

    How to fix
        Add a ``date:`` to the front matter or the ``article:published_time`` meta tag, pass
        ``--dct``, or set ``dct`` in the configuration.
    """

    code = "CHR301"
    name = "missing-document-date"
    severity = Severity.WARNING
    summary = "a prose document without a date of its own"
    problem_kinds = frozenset({ProblemKind.TEXT_MISSING_DCT})


class BadDocumentDate(ProblemRule):
    """
    What it does
        Reports a document date (front matter or HTML metadata) that is not a calendar day.

    Why it matters
        The date is ignored, so every relative date in the text is left unplaced.

    Example
        ``date: 2025-02-30`` in the front matter fails; ``date: 2025-02-28`` passes.

    How to fix
        Write the day as ``YYYY-MM-DD`` (a time and zone may follow).
    """

    code = "CHR310"
    name = "bad-document-date"
    severity = Severity.ERROR
    summary = "a document date that is not a calendar day"
    problem_kinds = frozenset({ProblemKind.TEXT_BAD_DCT})


class AfterDocumentDate(ConflictRule):
    """
    What it does
        Reports a completed past event, a cited report, or a "since" date that the text places
        after the document's own date (DCT).

    Why it matters
        A text cannot report what had not happened when it was written: either the date of the
        event or the date of the document is wrong (a typo in the year is the usual cause).

    Example
        With the DCT 2025-04-24, "Reuters reported on May 23, 2025 that …" fails; "Reuters
        reported on April 23, 2025 that …" passes. "Talks have continued since June 2025"
        fails; "since June 2024" passes. A past event on a year-less day just after the
        document date ("left on 9 September" in a text of 2 September) is only a warning: the
        year is inferred — unless its weekday pins the year ("on Saturday, 10 April"), or it is
        within two weeks of the document date in a text that tells another day of the six
        weeks before it (a story of these very weeks): then an error.

    How to fix
        Correct the event's date (often its year), or the document's date if that is the one
        that is wrong; if the event is still to come, say so with a future tense.
    """

    code = "CHR302"
    name = "after-document-date"
    severity = Severity.ERROR
    summary = "a past event, report or 'since' date after the document's own date"
    what = "dated after the document was written"
    conflict_kinds = frozenset({ConflictKind.AFTER_DCT})
    # a past event on a year-less day soon after the DCT: the year was inferred
    problem_kinds = frozenset({ProblemKind.TEXT_AFTER_DCT_INFERRED})
    warning_kinds = problem_kinds

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        yield from super().check(analysis)
        yield from self.problem_findings(analysis)


class PlanBeforeDocumentDate(ConflictRule):
    """
    What it does
        Reports an event the text tells as still to come ("will return on Saturday 16
        September") on a day before the document's own date (DCT). It is an error when the day
        is written with its weekday, the weekday fits the year the document's date gives it, and
        the day lies within a month before the document; otherwise a warning.

    Why it matters
        A preview or a listing published after the day it announces misleads its readers: the
        event is over, or the date (or the publication date) is wrong. It is the usual slip of a
        story written ahead and published late, or of a date copied from last year's listing.

    Example
        With the DCT 2023-09-20, "The festival will return on Saturday 16 September" fails;
        "The festival returned on Saturday 16 September" and "will return on Saturday 23
        September" pass.

    How to fix
        Tell the event as past if it has happened, or correct its date.
    """

    code = "CHR317"
    name = "plan-before-document-date"
    severity = Severity.ERROR
    summary = "an event told as still to come, dated before the document's own date"
    what = "told as still to come but dated before the document was written"
    conflict_kinds = frozenset({ConflictKind.PLAN_BEFORE_DCT})
