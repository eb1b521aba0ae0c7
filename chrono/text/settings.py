"""An act done at a setting that a participle dates: "Martin Kessel told shareholders at the annual
general meeting, held on 8 June, that trading was in line" — the telling is done at the meeting,
so on its day. (A setting dated right after it, "at a ceremony on 12 May", is read when the date
is attached: chrono.text.attachment.)"""

from __future__ import annotations

from chrono.lazy_regex import lazy_compile
from chrono.model import Part, Qualifier, Span
from chrono.text.attachment import AT_SETTING, SETTINGS, is_asserted
from chrono.text.builder import Builder
from chrono.text.clauses import clause_of
from chrono.text.dating import DAY_VALUE, period_of
from chrono.text.tense import INFINITIVE
from chrono.text.vocabulary import vocabulary

__all__ = ["held_settings"]

_WORDS = vocabulary("attachment")
_HELD_ON = lazy_compile(rf"[ \t]*,[ \t]*(?:{_WORDS.pattern('held_setting_participles')})[ \t]+on[ \t]+")


def held_settings(b: Builder) -> None:
    """Date each act done at a setting by the day its participle gives the setting."""
    text = b.text
    for here in b.contexts.values():
        for noun in here.triggers:
            if noun.pos != "noun" or (noun.lemma not in SETTINGS and noun.text.lower() not in SETTINGS):
                continue
            at = AT_SETTING.search(text, max(here.sentence.start, noun.start - 40), noun.start)
            held = _HELD_ON.match(text, noun.end)
            if at is None or held is None:
                continue
            day = next((t for t in here.timexes if t.start == held.end() and t.type == "DATE"
                        and DAY_VALUE.fullmatch(t.value)), None)
            clause_start, _ = clause_of(here.cuts, at.start())
            verbs = [t for t in here.triggers if t.pos == "verb" and clause_start <= t.start
                     and t.end <= at.start() and t.tense != INFINITIVE and is_asserted(text, t)]
            if day is None or not verbs:
                continue
            verb = verbs[-1]
            event = b.event(verb, here)
            if event in b.dated_events() or event == b.by_trigger.get(noun.start):
                continue
            period = period_of(day, b.dct, b.options.hemisphere)
            if period is None or not period.bounded:
                continue
            b.period_claim(event, Part.WHOLE, Qualifier.IN, period, Span(verb.start, day.end, "claim"),
                           mentions=(verb,), note=f"done at the {noun.text} held that day")
