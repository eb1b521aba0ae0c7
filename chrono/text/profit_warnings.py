"""A profit warning told as its statement: "Corvane shares slide after second profit warning" …
"In a statement to the stock exchange before the market opened on Monday 5 June, Corvane said
underlying operating profit … would be 'materially below' expectations" … "The warning came just
days after … the annual general meeting, held on 8 June". A company's statement that its profit
will fall short of expectations is its profit warning: the one such statement the story dates to
a day dates the one warning it tells with no date of its own (chrono/lang/en/prose/warnings.yaml).

Read only when the story dates one such statement to one day and dates none of its warnings that
no word makes another one ("previous", "last year's"); when those are several events, the
reading is a doubt."""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Grade, Part, Qualifier, Span
from chrono.text.builder import Builder
from chrono.text.dating import DAY_VALUE, period_of
from chrono.text.sentences import in_quote
from chrono.text.vocabulary import vocabulary

__all__ = ["profit_warnings"]

_WORDS = vocabulary("warnings")
_STATEMENT = lazy_compile(rf"\b(?:{_WORDS.pattern('statement_words')})\b", re.IGNORECASE)
_FIGURE = lazy_compile(rf"\b(?:{_WORDS.pattern('figure_words')})\b", re.IGNORECASE)
_SHORT = lazy_compile(rf"(?:{_WORDS.pattern('short_words')})\b", re.IGNORECASE)
_WARNINGS = _WORDS.set("warning_lemmas")
_OTHER = lazy_compile(rf"\b(?:{_WORDS.pattern('other_warning_words')})\s+(?:[\w-]+\s+){{0,2}}\Z",
                      re.IGNORECASE)


def profit_warnings(b: Builder) -> None:
    """Date the story's one undated warning by its one statement of profit below expectations."""
    text = b.text
    if "warning" not in text or _SHORT.search(text) is None:
        return
    statements = []
    for sentence in b.sentences:
        if not (_STATEMENT.search(text, sentence.start, sentence.end) and _FIGURE.search(
                text, sentence.start, sentence.end) and _SHORT.search(text, sentence.start, sentence.end)):
            continue
        here = b.contexts.get(sentence.start)
        days = [t for t in (here.timexes if here is not None else ()) if t.type == "DATE"
                and DAY_VALUE.fullmatch(t.value) and t.range_id is None]
        # (the statement's day comes before what it says: "In a statement … on Monday 5 June, … said")
        short = _SHORT.search(text, sentence.start, sentence.end)
        days = [t for t in days if short is not None and t.end <= short.start()]
        if len(days) == 1:
            statements.append(days[0])
    if len({t.value for t in statements}) != 1:
        return
    day = statements[0]
    events = set()
    sure = True
    for mention in b.mentions:
        trigger = mention.trigger
        if trigger.lemma not in _WARNINGS or trigger.pos != "noun" or mention.planned:
            continue
        if _OTHER.search(text, max(0, trigger.start - 30), trigger.start) or in_quote(text, trigger.start):
            continue  # "Corvane's previous warning, last July"; a quote's "the combination of a warning"
        here = b.contexts.get(mention.sentence_start)
        if here is not None and not mention.plural:  # (not "Warnings happen," said an analyst)
            events.add(b.event(trigger, here))
            # (the story's own warning: told in its headline or opening, or as one known: "The
            # warning came …")
            sure = sure and (mention.definite or b.in_heading(trigger.start)
                             or mention.paragraph == b.opening_paragraph(trigger.start))
    dated = b.dated_events()
    if not events or events & dated:
        return  # (none, or a warning the story dates itself)
    period = period_of(day, b.dct, b.options.hemisphere)
    if period is None or not period.bounded:
        return
    # (several undated warnings may be one told twice, "the company's second profit warning … The
    # warning came …", or two, "… a warning in June": a doubt unless each is the story's own)
    grade = Grade.STRONG if len(events) == 1 or sure else Grade.WEAK
    for event in sorted(events):
        b.period_claim(event, Part.WHOLE, Qualifier.IN, period, Span(day.start, day.end, "claim"),
                       grade=grade, note="the statement of profit below expectations is the warning")
