"""Claims another piece made, told in order to correct them: "Our obituary of the former mayor,
published on 28 December, said he married his wife in 1965. They married in 1956." The first
date is the earlier piece's error, which the notice goes on to set right; the text itself does not
claim it. Claims in such a sentence are graded weak, so a conflict through them is a warning at
most (a correction notice is not a contradiction)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from chrono.lazy_regex import lazy_compile
from chrono.model import Event, EventExists, Part, Qualifier, Span
from chrono.periods import DAY
from chrono.tagger import Timex
from chrono.text.builder import Builder
from chrono.text.dating import period_of
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import Hint, vocabulary

__all__ = ["earlier_pieces", "pieces_published", "reprint_start", "reprinted_editions", "told_sentences"]

_WORDS = vocabulary("corrections")
# "An article on 4 January (…) said", "Our obituary of X, published on 28 December, said", "In
# our report of 26 September about the fire, we said"
_PIECE_SAID = lazy_compile(
    # (after an item's label, in bold or set off by a dash: "**Obituary, Dorothy Keel** — Our obituary")
    rf"[\s*_>\"“]*(?:\*\*[^*\n]{{1,80}}\*\*\s*)?(?:[^.;:\n—–]{{1,80}}[—–][\s*_]*)?(?:in\s+)?"
    rf"(?:{_WORDS.pattern('publication_determiners')})\s+"
    # (a name between, quoted or not: "Our \"On this day\" panel")
    rf"(?:[\w'’\"“”-]+\s+){{0,4}}(?:{_WORDS.pattern('publication_nouns')})\b[^.;]{{0,160}}?"
    rf"\b(?:{_WORDS.pattern('publication_said')})\b",
    re.IGNORECASE,
)


# "We also said that the school opened in 1923", "It also gave …": after a sentence of what an
# earlier piece said, more of what it said
_ALSO_SAID = lazy_compile(
    rf"[\s*_>\"“]*(?:{_WORDS.pattern('told_again_subjects')})\s+(?:(?:{_WORDS.pattern('told_again_adverbs')})\s+)?"
    rf"(?:{_WORDS.pattern('publication_said')})\b",
    re.IGNORECASE,
)
# "An article published on 8 June … contained several errors. ¶ We said that …": a notice of
# corrections, whose "we said" is the piece's
# (both patterns of what a piece said end on one of these verbs; most sentences hold none)
_SAID_HINT = Hint.of(_WORDS.words("publication_said"))
_CORRECTING_HINT = Hint.of(_WORDS.words("correction_words"))
_CORRECTING = lazy_compile(rf"\b(?:{_WORDS.pattern('correction_words')})\b", re.IGNORECASE)


def told_sentences(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """The sentences that tell what an earlier piece said ("Our obituary of X, published on 5
    February, gave his date of birth as 3 August 1940", "We also said that …"), as spans."""
    told: list[tuple[int, int]] = []
    correcting = False
    for sentence in sentences:
        if _SAID_HINT.may_match(text, sentence.start, sentence.end) and (
            _PIECE_SAID.match(text, sentence.start, sentence.end) or (
                (told or correcting) and _ALSO_SAID.match(text, sentence.start, sentence.end))
        ):
            told.append((sentence.start, sentence.end))
        correcting = correcting or (_CORRECTING_HINT.may_match(text, sentence.start, sentence.end)
                                    and _CORRECTING.search(text, sentence.start, sentence.end) is not None)
    return told


def earlier_pieces(b: Builder, told: Sequence[tuple[int, int]]) -> None:
    """Grade weak the claims of the sentences ``told`` (:func:`told_sentences`), which tell what
    an earlier piece said (but not the day the piece came out, told before its words)."""
    if not told:
        return
    said = [(_saying_end(b.text, lo, hi), lo, hi) for lo, hi in told]

    def in_told(claim: object) -> bool:
        span = getattr(claim, "span", None)
        return span is not None and any(
            lo <= span.start < hi and not (span.start < end and _PIECE_VERB.match(b.text, span.start))
            for end, lo, hi in said
        )

    b.weaken_claims(in_told)


# "The report, published on Friday 18 February, said …": the day the piece came out, which the
# text tells as its own before the piece's words begin
_PIECE_VERB = lazy_compile(rf"(?:{_WORDS.pattern('piece_out_verbs')})\b", re.IGNORECASE)


def _saying_end(text: str, start: int, end: int) -> int:
    """Where what the piece said begins in the sentence ``start``–``end`` (its start when the
    saying is not found: "We also said …" read as one with the sentences before)."""
    said = _PIECE_SAID.match(text, start, end) or _ALSO_SAID.match(text, start, end)
    return said.end() if said else start


# "In our edition of 14 September", "Our report on 14 March": the day the piece appeared
_PIECE_DATED = lazy_compile(
    rf"\b(?:{_WORDS.pattern('publication_nouns')})\s+(?:{_WORDS.pattern('piece_date_signals')})\s+\Z",
    re.IGNORECASE,
)
_WRITTEN_YEAR = lazy_compile(r"\b\d{4}\b")
_DAY_AND_MONTH = lazy_compile(r"\d")  # a day of the month written (not a weekday alone)
# how far after the document's day a piece's day without its year may be and still be read as
# that year's (a notice corrects recent issues, not one of almost a year before)
_RECENT_DAYS = 31


def pieces_published(b: Builder, told: Sequence[tuple[int, int]]) -> None:
    """"In our edition of 14 September, a report on the food festival said …" in a notice of 12
    September: the piece it corrects appeared by the document's day. The first day given to a
    piece in each sentence that tells what one said (:func:`told_sentences`) dates it, when the
    day of the month is written; a day without its year is read only within a month after the
    document's day (further on, it is the year before's)."""
    dct = b.dct
    if dct is None or dct.start is None:
        return
    for lo, hi in told:
        first, last = bisect.bisect_left(b.timex_starts, lo), bisect.bisect_left(b.timex_starts, hi)
        for timex in b.timexes[first:last]:
            if timex.type != "DATE" or not _FULL_DAY.match(timex.value):
                continue
            if _PIECE_DATED.search(b.text, max(lo, timex.start - 40), timex.start) is None:
                continue
            period = period_of(timex, dct, b.options.hemisphere)
            if period is None or period.start is None or not _DAY_AND_MONTH.search(timex.text):
                break  # (not a weekday alone, "Our report on Tuesday (10 October)": which one is a guess)
            if not _WRITTEN_YEAR.search(timex.text) and period.start - dct.start > _RECENT_DAYS * DAY:
                break  # a day without its year long after the notice's: one of the year before
            where = Span(timex.start, timex.end, "event")
            event_id = f"the piece that appeared on “{' '.join(timex.text.split())}” ({b.where(timex.start)})"
            b.events[event_id] = Event(event_id, timex.text, where, None, "occurrence")
            b.claims.append(EventExists(event_id, where))
            span = b.span(timex.start, timex.end)
            b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, span)
            b.dct_claim(event_id, span, force=True)
            break


_REPRINT_LEAD = lazy_compile(
    rf"\b(?:{_WORDS.pattern('reprint_prepositions')})\s+(?:{_WORDS.pattern('reprint_owners')})\s+"
    # (a newspaper's name is capitalised: not "in the early hours of Monday 14 March 2016")
    rf"(?:(?-i:[A-Z])[\w'’.-]*\s+){{0,3}}(?:(?:{_WORDS.pattern('reprint_issues')})\s+)?"
    rf"(?:{_WORDS.pattern('reprint_of')})\s+\Z",
    re.IGNORECASE,
)
_REPRINT_REACH = 600  # how far into the text (characters) such a note may stand
_FULL_DAY = lazy_compile(r"\d{4}-\d\d-\d\d\Z")
_LINE_OPENING = lazy_compile(r"[ \t*_>]*(?:\w+[ \t]+)?")  # "*From the …", "These appeared in the …"
_NOTE_END = lazy_compile(r"[ \t*_.:)\]]*(?:\n|\Z)")  # "… of Saturday, 5 May 1923*" closing its line


def reprinted_editions(text: str, timexes: Sequence[Timex], day: str | None) -> list[Timex]:
    """The dates of the earlier issues a text says it reprints: one near its top ("These appeared
    in the edition of Friday 9 June 1972"), and after it each line that opens a section with
    another ("*From the Chronicle of Friday 13 June 1975*" in a column of 100, 50 and 25 years
    ago); each a day written with its year before ``day``."""
    found: list[Timex] = []
    for timex in timexes:
        earlier_day = _FULL_DAY.match(timex.value) and (day is None or timex.value < day)
        if timex.anchor is not None or not earlier_day:
            continue
        lead = _REPRINT_LEAD.search(text, max(0, timex.start - 60), timex.start)
        if lead is None:
            continue
        opens_line = _LINE_OPENING.fullmatch(text, text.rfind("\n", 0, lead.start()) + 1, lead.start())
        note_line = opens_line and _NOTE_END.match(text, timex.end)
        if not found and timex.start > _REPRINT_REACH and not note_line:
            # (further down, only a note on a line of its own opens a reprinted section: "# A
            # hundred years ago ¶ *From the Gazette of Saturday, 5 May 1923*")
            continue
        if not found or opens_line:
            found.append(timex)
    return found


def reprint_start(text: str, edition: Timex) -> int:
    """Where the text a note of an earlier issue reprints begins: the text's top for a note near
    it, else the note's own line."""
    return 0 if edition.start <= _REPRINT_REACH else text.rfind("\n", 0, edition.start) + 1
