"""Prose -> events and claims: the compiler of ``.txt``, ``.md`` and ``.html`` documents.

Pipeline (each step a pure function of the previous one's value):

1. :mod:`chrono.text.markup` gives a view of the file (same offsets, markup blanked) and the
   DCT candidates; the DCT is chosen in DESIGN.md's order (``--dct``, the file, configuration).
2. :mod:`chrono.text.sentences` splits the view; :func:`chrono.tagger.extract` finds the time
   expressions; :mod:`chrono.text.events` finds the event triggers with tense and aspect.
3. :mod:`chrono.text.anchor` links expressions and events and makes the claims.

Problems found on the way (no DCT, impossible dates) become :class:`chrono.problems.Problem`
of the kinds the text rules report; weekday names written with a date, ages and anniversaries
become cues (:mod:`chrono.cues`) for the rules to judge.
"""

from __future__ import annotations

import re

import attrs

from chrono.analysis import Compiled
from chrono.cues import AgeCue, AnniversaryCue, Cue, HolidayCue, SeasonCue, WeekdayCue, document_day
from chrono.document_date import DocumentDate, document_date
from chrono.gcpause import paused_cyclic_gc
from chrono.layout import Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.model import Document, Span
from chrono.options import ReadingOptions
from chrono.periods import InvalidValue, NotAPeriod, parse_value
from chrono.places import hemisphere_of, places_in
from chrono.problems import Problem, ProblemKind
from chrono.tagger import Tagged, Timex, tag
from chrono.text import anchor
from chrono.text.ages import (
    age_cues,
    ages_apart_cues,
    anniversary_cues,
    birthday_cues,
    elapsed_cues,
    headline_cues,
    marriage_cues,
)
from chrono.text.corrections import reprint_start, reprinted_editions, told_sentences
from chrono.text.fiscal import in_calendar
from chrono.text.headline import headline_of
from chrono.text.holidays import holiday_cues
from chrono.text.impossible_dates import impossible_dates
from chrono.text.layout import RULE_LINE, layout_of
from chrono.text.layout_dating import scopes
from chrono.text.letter_frame import letter_frame
from chrono.text.markup import View, view_of
from chrono.text.seasons import season_cues
from chrono.text.sentences import split
from chrono.text.weekdays import row_weekday_cues, today_weekday_cues, weekday_cues

_LINE_ENDS = frozenset(".!?:;")


def _unwrapped(text: str, layout: Layout) -> str:
    """``text`` with the line breaks inside each paragraph that wrap a sentence read as the spaces
    they stand for ("… would reopen its dining room on 17 May, when⏎restrictions eased": one
    clause, whatever the width the writer wrapped it at); every offset stays where it was. A
    break is a wrap when the line after it goes on in lower case and the line before it does not
    end a sentence or a label ("**Severity:** SEV-2⏎**Duration:** 25 minutes" are two fields)."""
    breaks = [(block.start, block.end) for block in layout.blocks
              if block.kind is Kind.PARAGRAPH and "\n" in text[block.start:block.end]]
    if not breaks:
        return text
    chars = list(text)
    for start, end in breaks:
        at = text.find("\n", start, end)
        while at != -1:
            if text[at + 1:at + 2].islower() and text[at - 1:at] not in _LINE_ENDS:
                chars[at] = " "
            at = text.find("\n", at + 1, end)
    return "".join(chars)


def _read_reprint(text: str, tagged: Tagged, edition: Timex, layout: Layout, source: str,
                  options: ReadingOptions) -> Tagged:
    """``tagged`` with what the reprinted issue holds read from that issue's date: "These
    appeared in the edition of Friday 9 June 1972" up to a rule ("---") before an editor's note
    of today, or, when a heading names the issue ("### 100 years ago — from the Courier of
    Saturday, 13 May 1876"), to the end of that heading's section ("### And this week")."""
    cut = RULE_LINE.search(source, edition.end)
    reprint_end = cut.start() if cut is not None else len(text)
    heading = next((block for block in layout.blocks if block.kind is Kind.HEADING
                    and block.start <= edition.start < block.end), None)
    if heading is not None:
        reprint_end = min(reprint_end, heading.scope_end)
    first = reprint_start(text, edition)
    reprinted = tag(text, edition.value, day_first=options.day_first, layout=layout)

    def inside(offset: int) -> bool:
        return first <= offset < reprint_end

    return Tagged(
        tuple(sorted((*(t for t in reprinted.timexes if inside(t.start)),
                      *(t for t in tagged.timexes if not inside(t.start))), key=lambda t: t.start)),
        {**{k: v for k, v in tagged.dated.items() if not inside(v[0])},
         **{k: v for k, v in reprinted.dated.items() if inside(v[0])}},
    )


def _own_date(view: View, options: ReadingOptions) -> DocumentDate | Problem | None:
    """The date the document gives itself: the first of the front-matter keys (in the
    configured order), then the HTML metadata."""
    ordered = [c for key in options.dct_keys for c in view.dct_candidates if c[0] == f"front matter {key!r}"]
    ordered += [c for c in view.dct_candidates if not c[0].startswith("front matter")]
    for source, value, start, end in ordered:
        day = value.strip()[:10]
        try:
            period = parse_value(day, hemisphere=options.hemisphere)
        except (InvalidValue, NotAPeriod, ValueError) as error:
            return Problem(ProblemKind.TEXT_BAD_DCT,
                           f"the document date {value!r} ({source}) is not a date: {error}",
                           Span(start, end, "primary"))
        if period.length is None or period.length > 86400:
            return Problem(ProblemKind.TEXT_BAD_DCT, f"the document date {value!r} ({source}) is not a day",
                           Span(start, end, "primary"))
        return DocumentDate(period, day, source)
    return None




def compile_text(document: Document, options: ReadingOptions) -> Compiled:
    with paused_cyclic_gc():  # builds only acyclic data, in proportion to the document
        return _compile_text(document, options)


def _compile_text(document: Document, options: ReadingOptions) -> Compiled:
    view = view_of(document.kind, document.text)
    layout = layout_of(document.kind, document.text, view)
    problems: list[Problem] = [Problem(ProblemKind.SYNTAX, message, Span(a, b, "primary"))
                               for message, a, b in view.problems]
    own = _own_date(view, options) if options.dct is None else None
    if isinstance(own, Problem):
        problems.append(own)
        own = None
    date = document_date(own, options)
    dct = date.period if date else None
    dct_value = date.value if date else None
    if dct_value is None and dct is not None and dct.value:
        dct_value = dct.value
    if dct is None:
        problems.append(Problem(
            ProblemKind.TEXT_MISSING_DCT,
            "the document has no date of its own (no --dct, front-matter date or published "
            "time): relative dates such as 'last week' cannot be placed and rules that need "
            "the document date skip it",
            Span(0, 0, "primary"),
        ))
    meta = dict(document.meta)
    meta.update({k: v for k, v in view.meta.items() if k in ("title", "lang")})
    document = attrs.evolve(document, dct=dct, dct_value=dct_value, dct_source=date.source if date else None,
                            meta=meta, layout=layout)

    lang = str(meta.get("lang") or "en").split("-")[0].lower()
    if lang != "en":
        return Compiled(document, problems=tuple(problems))
    text = _unwrapped(view.text, layout)
    day = document_day(document)
    try:
        tagged = tag(text, day, day_first=options.day_first, layout=layout)
    except ValueError:
        tagged = tag(text, None, day_first=options.day_first, layout=layout)
    editions = reprinted_editions(text, tagged.timexes, day)
    if len(editions) == 1:
        # (several, each over its own section, "*From the Chronicle of Friday 13 June 1975*": the
        # tagger reads each section from its issue's date)
        tagged = _read_reprint(text, tagged, editions[0], layout, document.text, options)
    timexes = tagged.timexes
    sentences = split(text, view.breaks | layout.breaks(tagged.dated))
    problems.extend(impossible_dates(text))
    places = tuple(places_in(text))
    cues: list[Cue] = [*weekday_cues(text, timexes), *row_weekday_cues(text, layout, timexes),
                       *today_weekday_cues(text, timexes),
                       *age_cues(text, timexes, sentences), *ages_apart_cues(text, timexes, sentences),
                       *anniversary_cues(text, timexes, sentences),
                       *birthday_cues(text, timexes, sentences),
                       *elapsed_cues(text, timexes, sentences),
                       *marriage_cues(text, timexes, sentences),
                       *headline_cues(text, timexes, [(b.start, b.end) for b in layout.blocks
                                                      if b.kind is Kind.HEADING]),
                       *holiday_cues(text, timexes, places),
                       *season_cues(text, timexes, sentences, places, options.hemisphere,
                                    options.fiscal_year_start, hemisphere_stated=options.hemisphere_stated)]
    # "Our obituary … gave his date of birth as 3 August 1940 and said he had died aged 85": the
    # cues of what an earlier piece said are that piece's errors, which the notice corrects
    told = told_sentences(text, sentences)
    cues = [cue for cue in cues if not any(lo <= _cue_start(cue) < hi for lo, hi in told)]
    # "**Age.** … Mrs Hollis celebrated her 71st birthday … ¶ **Obituary.** … He was born in
    # 1913": the items of a column each tell of someone else; a birth in one dates no age in another
    items = _labelled_items(document.text)
    if len(items) > 1:
        cues = [cue for cue in cues if not _items_apart(cue, items)]
    # "just before this winter began" in a story of Melbourne: the seasons of the hemisphere
    # the text's places are all in (the season cues weigh each sentence's places themselves)
    hemisphere = hemisphere_of(places) or options.hemisphere
    if hemisphere is not options.hemisphere:
        options = attrs.evolve(options, hemisphere=hemisphere)
    dated = scopes(layout, tagged.dated, timexes, text, dct, options.hemisphere)
    # a fiscal period claims its calendar months only where they are known (chrono.text.fiscal)
    calendar_timexes = in_calendar(text, timexes, options.fiscal_year_start)
    headline = headline_of(document.text, text, meta.get("title"), day, options.day_first,
                           options.domain_files)
    frame = letter_frame(document.text, document.kind, timexes, day)
    built = anchor.build(text, sentences, calendar_timexes, dct, options, layout, dated, told, headline,
                         later_frame=frame)
    problems.extend(built.problems)
    return Compiled(document, built.events, built.claims, tuple(problems), timexes, tuple(cues))


# a paragraph that opens with a label in bold ending in a full stop: "**Age.** A photo caption …",
# or with a title in bold on a line of its own: "**BELLRINGER HANGS UP HIS ROPE** ⏎ Jack Ellery, 70, …"
_ITEM_LABEL = lazy_compile(r"^[ \t]*\*\*(?:[^*\n]{1,40}[.:]\*\*|[^*\n]{1,60}\*\*[ \t]*\n[ \t]*\S)",
                           re.MULTILINE)


def _labelled_items(text: str) -> list[tuple[int, int]]:
    """The items of a column or digest whose paragraphs open with a bold label, as spans."""
    starts = [m.start() for m in _ITEM_LABEL.finditer(text)]
    ends = [text.find("\n\n", start) for start in starts]
    return [(start, end if end != -1 else len(text)) for start, end in zip(starts, ends, strict=True)]


def _items_apart(cue: Cue, items: list[tuple[int, int]]) -> bool:
    """Does an age or birthday cue count from a birth told in another labelled item?"""
    if isinstance(cue, AgeCue):
        here, there = cue.span.start, cue.born.span.start
    elif isinstance(cue, AnniversaryCue) and cue.noun != "anniversary":
        here, there = cue.span.start, cue.since.span.start
    else:
        return False

    def item(offset: int) -> int:
        return next((i for i, (lo, hi) in enumerate(items) if lo <= offset < hi), -1)
    # (both in items: "**Edwin Caddick** ⏎ **Born:** 12 October 1931" over a body that is no
    # item tells of one person)
    return -1 not in (item(here), item(there)) and item(here) != item(there)


def _cue_start(cue: Cue) -> int:
    """Where the words of ``cue`` start."""
    if isinstance(cue, (WeekdayCue, HolidayCue)):
        return cue.name_span.start
    if isinstance(cue, SeasonCue):
        return cue.period_span.start
    return cue.span.start
