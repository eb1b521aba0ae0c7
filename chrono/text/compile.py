"""Prose -> events and claims: the compiler of ``.txt``, ``.md`` and ``.html`` documents.

Pipeline (each step a pure function of the previous one's value):

1. :mod:`chrono.text.markup` gives a view of the file (same offsets, markup blanked) and the
   DCT candidates; the DCT is chosen in DESIGN.md's order (``--dct``, the file, configuration).
2. :mod:`chrono.text.sentences` splits the view; :func:`chrono.tagger.extract` finds the time
   expressions; :mod:`chrono.text.events` finds the event triggers with tense and aspect.
3. :mod:`chrono.text.anchor` links expressions and events and makes the claims.

Problems found on the way (no DCT, impossible dates, weekday names that do not match their date,
ages that do not add up) become :class:`chrono.timeline_files.Problem` of the kinds the text
rules report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from chrono.gcpause import paused_cyclic_gc
from chrono.model import Document, Span
from chrono.periods import InvalidValue, NotAPeriod, Period, parse_value
from chrono.tagger import extract
from chrono.text import anchor, checks
from chrono.text.markup import View, view_of
from chrono.text.sentences import split
from chrono.timeline_files import Problem

if TYPE_CHECKING:
    from chrono.engine import Compiled, Options

MISSING_DCT = "text-missing-dct"
BAD_DCT = "text-bad-dct"


def _dct_from_view(view: View, options: Options) -> tuple[Period, str, str] | Problem | None:
    ordered = [c for key in options.dct_keys for c in view.dct_candidates if c[0] == f"front matter {key!r}"]
    ordered += [c for c in view.dct_candidates if not c[0].startswith("front matter")]
    for source, value, start, end in ordered:
        day = value.strip()[:10]
        try:
            period = parse_value(day, hemisphere=options.hemisphere)
        except (InvalidValue, NotAPeriod, ValueError) as error:
            return Problem(BAD_DCT, f"the document date {value!r} ({source}) is not a date: {error}",
                           Span(start, end, "primary"))
        if period.length is None or period.length > 86400:
            return Problem(BAD_DCT, f"the document date {value!r} ({source}) is not a day",
                           Span(start, end, "primary"))
        return period, day, source
    return None


def compile_text(document: Document, options: Options) -> Compiled:
    with paused_cyclic_gc():  # builds only acyclic data, in proportion to the document
        return _compile_text(document, options)


def _compile_text(document: Document, options: Options) -> Compiled:
    from chrono.engine import Compiled

    view = view_of(document.kind, document.text)
    problems: list[Problem] = [Problem("syntax", message, Span(a, b, "primary"))
                               for message, a, b in view.problems]
    dct: Period | None = None
    dct_value: str | None = None
    source: str | None = None
    if options.dct is not None:
        dct, dct_value, source = options.dct, options.dct_value, "--dct"
    else:
        found = _dct_from_view(view, options)
        if isinstance(found, Problem):
            problems.append(found)
        elif found is not None:
            dct, dct_value, source = found
        if dct is None and options.default_dct is not None:
            dct, dct_value, source = options.default_dct, options.default_dct_value, "configuration"
    if dct_value is None and dct is not None and dct.value:
        dct_value = dct.value
    if dct is None:
        problems.append(Problem(
            MISSING_DCT,
            "the document has no date of its own (no --dct, front-matter date or published "
            "time): relative dates such as 'last week' cannot be placed and rules that need "
            "the document date skip it",
            Span(0, 0, "primary"),
        ))
    meta = dict(document.meta)
    meta.update({k: v for k, v in view.meta.items() if k in ("title", "lang")})
    document = attrs.evolve(document, dct=dct, dct_value=dct_value, dct_source=source, meta=meta)

    lang = str(meta.get("lang") or "en").split("-")[0].lower()
    if lang != "en":
        return Compiled(document, problems=tuple(problems))
    text = view.text
    day = dct_value[:10] if dct_value and dct is not None else None
    try:
        timexes = extract(text, day, day_first=options.day_first)
    except ValueError:
        timexes = extract(text, None, day_first=options.day_first)
    sentences = split(text, view.breaks)
    problems.extend(checks.calendar_problems(text, timexes, sentences, day))
    built = anchor.build(text, sentences, timexes, dct, options)
    problems.extend(built.problems)
    return Compiled(document, built.events, built.claims, tuple(problems))
