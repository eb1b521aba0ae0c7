"""Causal verbs: "the operation … allowed the army to seize …" says the effect does not start
before the cause."""

from __future__ import annotations

from chrono.model import Endpoint, Gap, Side
from chrono.text.attachment import is_asserted, resolve
from chrono.text.builder import Builder
from chrono.text.clauses import RELATIVE_BEFORE, words_between
from chrono.text.context import SentenceContext
from chrono.text.events import asserted
from chrono.text.tense import INFINITIVE, NOMINAL


def causal(b: Builder, here: SentenceContext) -> None:
    text = b.text
    triggers = here.triggers
    for index, trigger in enumerate(triggers):
        if trigger.event_class != "causal" or not asserted(trigger) or trigger.tense == NOMINAL:
            continue
        effect = next((t for t in triggers[index + 1:] if t.event_class != "causal"), None)
        if effect is None or words_between(text, trigger.end, effect.start) > 8 or "," in text[
            trigger.end:effect.start
        ]:
            continue
        if effect.tense not in (INFINITIVE, NOMINAL):
            continue
        floor = trigger.start
        relative = RELATIVE_BEFORE.search(text, max(0, trigger.start - 200), trigger.start)
        if relative is not None:
            floor = relative.start()
        causes = [t for t in triggers[:index] if t.end <= floor]
        if not causes:
            continue
        cause = causes[-1]
        if words_between(text, cause.end, floor) > 6 or cause.pos != "noun":
            continue
        if not is_asserted(text, cause):
            continue
        cause_id = b.event(resolve(text, cause, triggers, here.cuts).trigger, here)
        effect_id = b.event(effect, here)
        if cause_id == effect_id:
            continue
        span = b.span(trigger.start, effect.end)
        b.gap_claim(Endpoint(cause_id, Side.START), Endpoint(effect_id, Side.START), Gap(0, None, ""),
                    span, None)
