"""TimeML rules: gold annotations (.tml) that are malformed, dangling or inconsistent.

TLINKs that cannot all hold are reported by the generic CHR201 (inconsistent-claims): a TLINK
compiles to a relation claim whose description cites its ``lid``, its relType and the words it
links, and whose span is the TLINK element, so the chain CHR201 prints is the chain of lids.
One code for "these statements cannot all be true", whatever the input format, keeps
``--select``/``--ignore`` simple; this module adds what only TimeML has.
"""

from __future__ import annotations

from collections.abc import Iterator

from chrono.analysis import Analysis
from chrono.model import Claim, EventExists, Finding, Severity, Span
from chrono.network import NodeIndex, solve
from chrono.periods import format_shortfall
from chrono.problems import ProblemKind
from chrono.rulebase import ProblemRule, Rule


class MalformedTimeML(ProblemRule):
    """
    What it does
        Reports a ``.tml`` file that is not well-formed XML or has no ``<TEXT>`` element, at the
        line and column where the XML parser stopped.

    Why it matters
        Nothing in a file that does not parse can be checked, and the official TempEval
        scorers reject it too.

    Example
        ``<TEXT>He <EVENT eid="e1">left</TEXT>`` fails (the EVENT is never closed);
        ``<TEXT>He <EVENT eid="e1">left</EVENT></TEXT>`` passes.

    How to fix
        Close or escape what the message points at (``&`` must be written ``&amp;``).
    """

    code = "CHR501"
    name = "malformed-timeml"
    severity = Severity.ERROR
    summary = "a .tml file that is not well-formed TimeML"
    problem_kinds = frozenset({ProblemKind.TIMEML_MALFORMED})


class MissingDct(ProblemRule):
    """
    What it does
        Reports a TimeML document without a document creation time (a TIMEX3 with
        ``functionInDocument="CREATION_TIME"``, normally inside ``<DCT>``).

    Why it matters
        Links to the DCT and the values PRESENT_REF, PAST_REF and FUTURE_REF mean nothing
        without it, so they are left unchecked.

    Example
        A document whose ``<DCT>`` is empty fails; one with
        ``<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">``
        passes.

    How to fix
        Add the DCT TIMEX3 (``tid="t0"`` by convention) with the publication date.
    """

    code = "CHR502"
    name = "missing-dct"
    severity = Severity.WARNING
    summary = "a TimeML document without a creation time"
    problem_kinds = frozenset({ProblemKind.TIMEML_MISSING_DCT})


class MalformedDct(ProblemRule):
    """
    What it does
        Reports a DCT whose value is not one calendar date or time (``1998-02-30``,
        ``XXXX-01-08``, ``P1D``).

    Why it matters
        Every relative value and every link to the DCT is anchored on it; a wrong DCT makes
        all of them wrong at once.

    Example
        ``value="1998-02-30"`` fails (February has no 30th); ``value="1998-02-28"`` passes.

    How to fix
        Give the publication date as an ISO value (``YYYY-MM-DD``, optionally with a time).
    """

    code = "CHR503"
    name = "malformed-dct"
    severity = Severity.ERROR
    summary = "a DCT whose value is not a calendar date"
    problem_kinds = frozenset({ProblemKind.TIMEML_MALFORMED_DCT})


class MalformedTimexValue(ProblemRule):
    """
    What it does
        Reports a TIMEX3 whose value is not a TIMEX3 value of its type, or names a time that
        does not exist: ``1998-13``, ``1999-02-29``, a DURATION valued ``1998``, a DATE valued
        ``yesterday``, an unknown type.

    Why it matters
        The value is what systems are scored against; a malformed one is silently dropped by
        most tools, so the expression is neither checked nor scored correctly.

    Example
        ``<TIMEX3 tid="t1" type="DATE" value="1999-02-29">Feb. 29, 1999</TIMEX3>`` fails;
        ``value="2000-02-29"`` (with matching text) passes.

    How to fix
        Correct the value (or the type); the message says which part does not exist.
    """

    code = "CHR504"
    name = "malformed-timex-value"
    severity = Severity.ERROR
    summary = "a TIMEX3 value that is malformed or names no real time"
    problem_kinds = frozenset({ProblemKind.TIMEML_MALFORMED_VALUE})


class TimexValueDisagreesWithText(ProblemRule):
    """
    What it does
        Reports a TIMEX3 whose own words name a calendar field that its value contradicts: a
        four-digit year, a month name, a day after a month name, or a weekday next to a full
        date. Words that need interpretation ("last year", "Tuesday" alone) are not compared.

    Why it matters
        These are almost always typos in the annotation (1989 for 1998, a day off by one),
        and a system that gets the date right is then scored as wrong.

    Example
        ``<TIMEX3 tid="t1" type="DATE" value="1998-01-09">Jan. 8, 1998</TIMEX3>`` fails;
        ``value="1998-01-08"`` passes.

    How to fix
        Make the value say what the text says (or, if the text itself is wrong in the source,
        leave it and ignore this finding).
    """

    code = "CHR505"
    name = "timex-value-text-mismatch"
    severity = Severity.WARNING
    summary = "a TIMEX3 value that contradicts the date its own words name"
    problem_kinds = frozenset({ProblemKind.TIMEML_VALUE_TEXT})


class UnknownTimeMLId(ProblemRule):
    """
    What it does
        Reports links and attributes that name an id no annotation has: a TLINK, SLINK or
        ALINK end, a MAKEINSTANCE ``eventID``, an ``anchorTimeID``, ``beginPoint`` or
        ``endPoint``; and ids used twice. A TLINK naming an event id (``e12``) where an
        instance id (``ei12``) is required gets a hint.

    Why it matters
        A dangling link is dropped by every tool, so the relation it was meant to state is
        never checked or scored.

    Example
        ``<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei9" relatedToTime="t0"/>`` fails
        when no MAKEINSTANCE has ``eiid="ei9"``; it passes once the instance exists.

    How to fix
        Point the link at an existing ``eiid``/``tid``, or add the missing MAKEINSTANCE.
    """

    code = "CHR506"
    name = "unknown-timeml-id"
    severity = Severity.ERROR
    summary = "a TimeML link or attribute names an id that does not exist (or an id is used twice)"
    problem_kinds = frozenset({ProblemKind.TIMEML_UNKNOWN_ID})


class UnreadableTlink(ProblemRule):
    """
    What it does
        Reports a TLINK that cannot be read as a relation (an unknown relType, a missing
        source or target) and one that puts an event BEFORE or AFTER itself.

    Why it matters
        The link is left out of the consistency check and of scoring; a self-link is always a
        slip (usually the wrong instance id on one side).

    Example
        ``<TLINK lid="l1" relType="BEFOR" eventInstanceID="ei1" relatedToTime="t0"/>`` fails;
        ``relType="BEFORE"`` passes. ``relType="AFTER" eventInstanceID="ei4"
        relatedToEventInstance="ei4"`` fails.

    How to fix
        Use one of the TimeML relTypes (BEFORE, AFTER, IBEFORE, IAFTER, INCLUDES, IS_INCLUDED,
        DURING, DURING_INV, BEGINS, BEGUN_BY, ENDS, ENDED_BY, SIMULTANEOUS, IDENTITY) and give
        both ends; point a self-link at the instance it was meant for.
    """

    code = "CHR507"
    name = "unreadable-tlink"
    severity = Severity.ERROR
    summary = "a TLINK with an unknown relType, a missing end, or an event before/after itself"
    problem_kinds = frozenset({ProblemKind.TIMEML_BAD_LINK})


class TlinksNeedLooseTimex(Rule):
    """
    What it does
        Re-checks the TLINKs with every dated TIMEX3 (except the DCT) covering *all* of its
        value's period, as the TimeML definition reads it, instead of chrono's lenient "lies
        within" reading. Reports the minimal chains that hold only under the lenient reading.
        Chains that fail even leniently are CHR201 errors and are not repeated here.

    Why it matters
        "The talks (INCLUDES) 1998" and "the talks (IS_INCLUDED) January 1998" can both hold
        only if "1998" stands for part of the year. That is often how annotators mean it, so it
        is a warning, not an error; but it is also how a wrong INCLUDES/IS_INCLUDED shows up.

    Example
        Fails: ``e1 INCLUDES t1`` (1998) and ``e1 IS_INCLUDED t2`` (1998-01).
        Passes: ``e1 IS_INCLUDED t1`` and ``e1 IS_INCLUDED t2``.

    How to fix
        Check the direction of the containment links in the chain; if the timex really means
        part of its period, ignore this rule (``--ignore CHR508``).
    """

    code = "CHR508"
    name = "tlinks-need-loose-timex"
    severity = Severity.WARNING
    summary = "TLINKs that hold only if a TIMEX3 covers part of its period"

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        solution = analysis.solution
        if solution is None or analysis.document.kind != "timeml":
            return
        # imported here: the TimeML compiler is no part of checking other kinds of files
        from chrono.timeml_compile import TimexExtentClaim, TimexValueClaim, TlinkClaim, exact_extent_claims

        claims: list[Claim] = [c for i, c in enumerate(analysis.claims) if i not in solution.dropped]
        base = len(claims)
        for claim in list(claims):
            if isinstance(claim, TimexValueClaim) and not claim.is_dct:
                claims.extend(exact_extent_claims(claim))
        if len(claims) == base:
            return
        structural = frozenset(i for i, c in enumerate(claims) if isinstance(c, EventExists))
        strict = solve(claims, NodeIndex(e.id for e in analysis.events), structural=structural)
        for conflict in strict.conflicts:
            members = [claims[i] for i in conflict.claims]
            loose = [c for c in members if isinstance(c, TimexExtentClaim)]
            if not loose:  # cannot happen: the lenient claims alone are consistent
                continue
            tids = sorted({f"{c.tid} {_quote(c.text)} ({c.period.value})" for c in loose})
            links = [c for c in members if isinstance(c, TlinkClaim)]
            lids = ", ".join(sorted({c.lid for c in links}, key=_natural))
            message = (
                f"TLINKs {lids or '(none)'} hold only if TIMEX3 {' and '.join(tids)} "
                f"{'stands' if len(tids) == 1 else 'stand'} for part of "
                f"{'its period' if len(tids) == 1 else 'their periods'}, not all of it "
                f"(they miss by {format_shortfall(conflict.shortfall)})"
            )
            primary = links[-1].span if links else loose[0].span
            spans = [Span(primary.start, primary.end, "primary")]
            spans += [
                Span(c.span.start, c.span.end, "chain")
                for c in members
                if c.span != primary and not isinstance(c, EventExists)
            ]
            steps = [
                (f"(implied) {c.describe()}" if isinstance(c, EventExists) else c.describe(), c.span)
                for c in members
            ]
            yield self.finding(analysis, message, _unique(spans), steps)


def _natural(lid: str) -> tuple[str, int]:
    """Sort key of link ids: l2 before l10."""
    digits = "".join(ch for ch in lid if ch.isdigit())
    return (lid.rstrip("0123456789"), int(digits) if digits else -1)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text[:37]}..."' if len(text) > 40 else f'"{text}"'


def _unique(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out = []
    for span in spans:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            out.append(span)
    return out


RULES = (
    MalformedTimeML,
    MissingDct,
    MalformedDct,
    MalformedTimexValue,
    TimexValueDisagreesWithText,
    UnknownTimeMLId,
    UnreadableTlink,
    TlinksNeedLooseTimex,
)
