"""An act that a clause after an order word names before the text dates it.

"The sale was approved by the board after the ballot result had been announced … ¶ The result of
the strike ballot, announced on 22 March, showed …": the clause after "after" tells an act that
nothing before it dates, and paragraphs later the one past verb of the same word, in a sentence
that names the clause's subject, dates it. The two are one event, with one start and one end.

Read only when the clause's subject is a definite noun ("the ballot result", not "it"), no verb of
that word is told before the clause (chrono.text.builder's ``retold`` reads those), only one is
told after it, and that one's sentence names the subject's head noun."""

from __future__ import annotations

from chrono.model import Endpoint, Gap, Grade, Side
from chrono.text.builder import GOVERNED_CLAUSE, Builder
from chrono.text.inflection import singular
from chrono.text.mentions import Mention
from chrono.text.tense import TOLD_AS_PAST

__all__ = ["NOT_ACTS", "governed_acts_told_later", "sole_later_verb"]

# how many paragraphs after the clause the verb that dates its act may stand
_REACH = 30
# how far before the verb the order word and the clause's subject may stand (characters)
_CLAUSE_REACH = 60
# classes of verbs that tell no act of their own to date ("said", "began", "caused")
NOT_ACTS = frozenset({"reporting", "causal", "begin", "end"})


def governed_acts_told_later(b: Builder) -> None:
    """Claims that an undated act a clause after an order word names ("after the ballot result
    had been announced") and the one dated past verb of its word told later of the same subject
    ("The result of the strike ballot, announced on 22 March") start and end together."""
    for told in b.story_mentions.values():
        for mention in told:
            _foretold(b, mention, told)


def _foretold(b: Builder, mention: Mention, told: list[Mention]) -> None:
    trigger = mention.trigger
    if trigger.pos != "verb" or trigger.tense not in TOLD_AS_PAST or trigger.event_class in NOT_ACTS:
        return
    lo = max(mention.sentence_start, trigger.start - _CLAUSE_REACH)
    governed = GOVERNED_CLAUSE.search(b.text, lo, trigger.start)
    if governed is None or governed.group(1) is None:
        return  # (no clause of an order word, or a pronoun subject: whose act is not named)
    later = sole_later_verb(b, mention, told, _REACH)
    if later is None:
        return
    verb = later.trigger
    subject = singular(governed.group(1).lower())
    if subject not in {singular(word) for word in later.context}:
        return
    event, verb_event = b.by_trigger[trigger.start], b.by_trigger.get(verb.start)
    if verb_event is None or verb_event == event or verb_event not in b.dated_at:
        return
    span = b.span(trigger.start, trigger.end, verb.start, verb.end)
    note = (f"the act the clause '{' '.join(b.text[governed.start():trigger.end].split())}' names is the "
            f"one '{verb.text}' dates later, of the same {subject}")
    for side in (Side.START, Side.END):
        b.gap_claim(Endpoint(verb_event, side), Endpoint(event, side), Gap(0, 0, ""), span, None,
                    grade=Grade.STRONG, note=note)


def sole_later_verb(b: Builder, mention: Mention, told: list[Mention], reach: int) -> Mention | None:
    """The one past verb of the word of the undated past act ``mention`` (no link of its own)
    told in the ``reach`` paragraphs after it, when no verb of that word is told before it."""
    trigger = mention.trigger
    event = b.by_trigger.get(trigger.start)
    if event is None or event in b.dated_at or b.links.get(trigger.start) is not None:
        return None
    same_word = [m for m in told if m.trigger.pos == "verb" and m.trigger.lemma == trigger.lemma
                 and m.trigger.start != trigger.start]
    if any(m.trigger.start < trigger.start for m in same_word):
        return None  # (told before too: which act is meant is not said)
    later = [m for m in same_word if 0 < m.paragraph - mention.paragraph <= reach]
    if len(later) != 1 or later[0].trigger.tense not in TOLD_AS_PAST or later[0].planned:
        return None
    return later[0]
