"""Text rules about the layout of a document: a dated entry against the heading it stands under,
releases of one version series out of order, an entry out of the time order of its list."""

from __future__ import annotations

from chrono.model import Severity
from chrono.problems import ConflictKind

from .text_conflict_base import ConflictRule


class EntryOutsideHeading(ConflictRule):
    """
    What it does
        Reports an entry whose own date lies outside the period of the dated heading (or list
        entry) it stands under: a list item, table row or line that opens with its date, under
        a heading that is or holds a date ("## 2019", "Week 3 (12–16 May)", "Version 2.1
        (2024-06-03)"). Dates written without a year take the heading's year, so only a date
        that states another one can clash. Under a heading that is only a date, in a list of
        entries that open with their dates, it is an error; under a heading that merely holds a
        date ("The 2019 season"), or for a date in brackets, a warning.

    Why it matters
        In a project history, a changelog or a schedule, the heading is the entry's context:
        an entry filed under the wrong year or week is either misplaced or misdated, and every
        date written without a year around it is read in the wrong year too.

    Example
        "## 2019" followed by "- March 4: the pier reopened" and "- October 2, 2020: the ferry
        service resumed" fails (2020 is not in 2019); with "- October 2: the ferry service
        resumed" it passes.

    How to fix
        Move the entry under the heading of its period, or correct its date.
    """

    code = "CHR313"
    conflict_kinds = frozenset({ConflictKind.LAYOUT})
    name = "entry-outside-heading"
    severity = Severity.ERROR
    summary = "a dated entry outside the period of the heading it stands under"
    what = "the entry's date is outside the period of its heading"


class ReleasesOutOfOrder(ConflictRule):
    """
    What it does
        Reports, in a changelog or release history, a release of a version series dated before
        an earlier release of the same series: 2.4.3 dated before 2.4.2, or the first release
        of a minor version dated before the first release of an earlier one of the same major
        version (2.5.0 before 2.4.0). Each release is dated by its heading ("## 2.4.3
        (2024-06-03)") or by the line that opens its section ("Released 2024-06-03"); patch
        releases of different series (2.4.x and 2.5.x, maintained side by side) and different
        major versions are not compared.

    Why it matters
        Patch releases of one series come out one after the other: a date that puts them the
        other way round is a typo in the year or the month, or an entry pasted under the wrong
        version.

    Example
        "## 2.4.3 (2024-06-03)", then "## 2.4.2 (2024-07-19)" fails; with "## 2.4.2
        (2024-05-19)" it passes.

    How to fix
        Correct the date of the release that is wrong (compare with the tag or the package
        index).
    """

    code = "CHR314"
    conflict_kinds = frozenset({ConflictKind.RELEASE_ORDER})
    name = "releases-out-of-order"
    severity = Severity.ERROR
    summary = "a release of a version series dated before an earlier release of the series"
    what = "releases of one version series are dated out of order"


class EntryOutOfOrder(ConflictRule):
    """
    What it does
        Reports the one entry of a dated list, table or timeline that breaks the time order
        every other step of it keeps (forwards or backwards): at least four entries that open
        with their dates, all in order but one step. A list need not be in time order, so this
        is a warning, unless the document says the entries are in order: a heading above the
        list calls it a timeline ("Timeline (UTC)", "Chronology", "How it unfolded"), or six or
        more entries are numbered consecutively ("| 121 | 13 February 2016 |", a Markdown list
        "1. … 2. …"); then it is an error.

    Why it matters
        In a timeline kept in order, an entry out of place is most often a mistyped day,
        month or year, which the order of its neighbours shows.

    Example
        "- 08:04 alert fired", "- 08:17 first look at the logs", "- 08:12 root cause found",
        "- 08:30 fix deployed" warns (08:17 comes between 08:04 and 08:12), and under
        "## Timeline" it is an error; with "08:07" it passes.

    How to fix
        Check the entry's date and correct it, or move the entry to its place.
    """

    code = "CHR315"
    conflict_kinds = frozenset({ConflictKind.LIST_ORDER})
    name = "entry-out-of-order"
    severity = Severity.ERROR  # the list-order claim is uncertain (a warning) unless a timeline
    summary = "one entry of a timeline out of the time order its other entries keep"
    what = "an entry is out of the time order of its list"


class EntryRetoldOnAnotherDate(ConflictRule):
    """
    What it does
        Reports an act that an entry of a dated timeline logs ("- **12 March** — Full council
        ratifies the plan") and the prose tells again with a date of its own that cannot be the
        entry's ("The plan was ratified by the full council on 19 March"). The two are read as one
        act when the same verb is told once among the entries and once in the prose, about the
        same things: two words in common make it an error; one word, or a date whose year the
        prose takes from the story ("again in July"), a warning. A word that marks another act
        of the kind ("Renewed certificate issued", "a second") keeps the two apart.

        A row of a dated table (a programme, fixtures, results, a financial calendar) is read
        the same way: a clause of the prose that names words only that row has (not the venue
        every row shares, nor the header's) and gives a day beside them tells that row again
        ("| Sat 12 Oct | Linton Choral Union: Haydn's *Creation* |" and "the Choral Union's
        *Creation* on Sunday 13 October"). Two such words, a figure such as a score ("4-1"), or
        the verb the date column is headed by ("Closed") make it an error; one word a warning.
        A day far from the table's dates, a phrase of another thing ("Tickets for the
        *Creation* go on sale on …") or words of several rows are not read.

    Why it matters
        A timeline box and the story beside it are often written or edited apart. When they
        disagree, one of them is wrong, and readers who scan only the box carry the wrong date away.

    Example
        A list of "- **2 May** — Bridge closed", "- **9 May** — Repairs start", "- **30 May** —
        Bridge reopened to traffic" beside "The bridge reopened to traffic on 6 June" fails; with
        "on 30 May" it passes.

    How to fix
        Check both against your source and correct the one that is wrong.
    """

    code = "CHR316"
    conflict_kinds = frozenset({ConflictKind.ENTRY_RETOLD})
    name = "entry-retold-on-another-date"
    severity = Severity.ERROR
    summary = "an act a timeline entry or table row logs, told in the prose on another date"
    what = "the timeline entry and the prose date the same act differently"


class HeadlineRetoldOnAnotherDay(ConflictRule):
    """
    What it does
        Reports a headline that dates an act ("Harbour Gallery to reopen on 14 June") which the
        story beneath it tells on another day ("The gallery will reopen to the public on Saturday
        21 June"). The headline is the ``title`` of the document's front matter, read on its own.
        The two are read as one act when the story tells the headline's verb (or another of the
        same particular kind: "to close" and "will shut") once more, in the same tense (a plan for
        a plan), with a day of its own, and shares a word of what it is about: two words in
        common make it an error, one word or a hedged headline ("expected to reopen") a warning.
        A headline that moves an event ("Festival moved to 19 August") is checked against the
        day the story says it will now be held; one whose day stands in front of an event noun
        ("Jobs lost after Aug. 12 blaze") against the day the story gives that noun's event ("The
        blaze broke out on Thursday, August 21"). A story that also gives the headline's day to
        such an act, or tells it on several days, is not reported.

    Why it matters
        Headlines are written last, often by someone else, and are the line most readers see.
        When the date in the story is changed, the headline is easily left behind.

    Example
        A headline "Library to reopen on 2 September" over "Brackenford Library will reopen its
        doors on Monday 9 September" fails; "Library to reopen on 9 September" passes.

    How to fix
        Check the date against your source, and correct the headline or the story.
    """

    code = "CHR318"
    conflict_kinds = frozenset({ConflictKind.HEADLINE_RETOLD})
    name = "headline-retold-on-another-day"
    severity = Severity.ERROR
    summary = "a headline's dated act told in the story on another day"
    what = "the headline and the story date the same act differently"


class DayCountMismatch(ConflictRule):
    """
    What it does
        Reports two entries of a log that number their days ("## Day 3 — 14 June", "| Day 4 |
        16 June |") where the count and the dates do not go on together. From "Day 3" to "Day
        4" at least a day passes, so a later count on the same date, or two days counted over
        one, is an error. A count that falls behind its dates ("Day 4" two days after "Day 3")
        is a warning, and only when every other step of the log keeps count and date together:
        some logs number only the days of travel and leave rest days out.

    Why it matters
        A diary or expedition log is often typed up later from notes, and a date copied into the
        wrong heading misplaces everything that entry tells, while the numbering, written as
        the days went by, is usually right.

    Example
        "## Day 4 — 6 May" followed by "## Day 5 — 6 May" fails; "## Day 4 — 5 May" passes.

    How to fix
        Count the days from the first entry and correct the date (or the number) that is out
        of step.
    """

    code = "CHR319"
    conflict_kinds = frozenset({ConflictKind.DAY_COUNT})
    name = "day-count-mismatch"
    severity = Severity.ERROR
    summary = "a numbered day of a log whose date does not follow from another numbered day's"
    what = "the days of the log and their dates do not go on together"


RULES = (EntryOutsideHeading, ReleasesOutOfOrder, EntryOutOfOrder, EntryRetoldOnAnotherDate,
         HeadlineRetoldOnAnotherDay, DayCountMismatch)
