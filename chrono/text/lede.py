"""An event noun that nothing before it dates, and the verb that dates it later.

* A news story's opening paragraph names its event, often by a noun that nothing before it
  names ("…, ending the ten-day walkout that had left thousands without buses"), and a paragraph
  or two later a verb of the same word dates it ("About 420 drivers walked out at 4am on Thursday
  3 October"). Elsewhere, too, a noun that no mention before it names is the one past verb of its
  word dated in its paragraph or the next two ("Ms Foyle's resignation followed the report … ¶
  She resigned on Friday 4 February"), when the words around them allow one event (a named owner
  and a pronoun subject: a doubt). Farther on, the verb is that noun's when it is the one of its
  word whose sentence names what the noun's phrase names ("the sale of its Rotterdam depot" … "The
  Rotterdam depot … was sold on 24 July"). Read only when the noun is definite and undated, refers
  back to nothing, is no plan, no set and no "second" one.
* "the departure of finance director Paula Renshaw, who left the business on 19 February": the
  noun of a named person's act and the verb of the relative clause about that person.

Either way the noun and the verb are one event, with one start and one end."""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Grade, Side
from chrono.text.antecedents import owner_sex, sole_antecedent
from chrono.text.builder import SAME_ACT_VERBS, Builder, acted_on
from chrono.text.coreference import compatible
from chrono.text.events import Trigger
from chrono.text.foretold import NOT_ACTS, sole_later_verb
from chrono.text.mentions import Mention, names_in
from chrono.text.tense import TOLD_AS_PAST
from chrono.text.vocabulary import vocabulary

__all__ = ["lede_nouns", "lede_verbs", "owner_clause_retold"]

# how many paragraphs after the opening one the verb that dates the opening's noun may stand
_REACH = 2
# ... and after a noun elsewhere, when the verb's sentence names what the noun's phrase names
_NAMED_REACH = 30


def lede_nouns(b: Builder) -> None:
    """Claims that an undated event noun and the one dated verb of its word in the paragraphs
    after it start and end together: in the opening paragraph, the lede's noun; elsewhere, a noun
    that nothing before it names ("Ms Foyle's resignation followed the report … ¶ She resigned on
    Friday 4 February")."""
    for told in b.story_mentions.values():
        if not told:
            continue
        opening = b.opening_paragraph(told[0].trigger.start)
        for noun in told:
            _lede_noun(b, noun, told, opening)


def _lede_noun(b: Builder, noun: Mention, told: list[Mention], opening: int | None) -> None:
    trigger = noun.trigger
    if trigger.pos != "noun" or not noun.definite or (
        noun.planned or noun.plural or noun.contrast is not None or noun.time_owner is not None
        or noun.flashback
    ):
        return
    noun_event = b.by_trigger.get(trigger.start)
    if noun_event is None or noun_event in b.dated_at or b.links.get(trigger.start) is not None:
        return
    in_lede = noun.paragraph == opening
    if not in_lede and any(m.trigger.lemma == trigger.lemma for m in told if m.trigger.start < trigger.start):
        return  # (a word told before: the noun may name that event, or another)
    verbs = [m for m in told if m.trigger.pos == "verb" and m.trigger.lemma == trigger.lemma
             and m.trigger.tense in TOLD_AS_PAST and m.trigger.start > trigger.start
             and (0 < m.paragraph - noun.paragraph <= _REACH if in_lede
                  else 0 <= m.paragraph - noun.paragraph <= _REACH)]
    named = _names_after(b.text, trigger.end) if not verbs else frozenset()
    if named:
        # "the sale of its loss-making Rotterdam depot" … paragraphs later "The Rotterdam depot …
        # was sold on 24 July": farther on, the one verb of its word told of a thing it names
        verbs = [m for m in told if m.trigger.pos == "verb" and m.trigger.lemma == trigger.lemma
                 and m.trigger.tense in TOLD_AS_PAST and m.trigger.start > trigger.start
                 and int(in_lede) <= m.paragraph - noun.paragraph <= _NAMED_REACH and named & m.context]
    if len(verbs) != 1:
        return
    sure = in_lede or compatible(noun, verbs[0])
    # "Ms Foyle's resignation … ¶ She resigned on Friday 4 February": the owner named, then a
    # pronoun, most likely the same person's act, but a reading to check
    owner_retold = noun.named_possessor and verbs[0].subject_pronoun is not None
    if not (sure or owner_retold):
        return
    pronoun = verbs[0].subject_pronoun
    if not sure and pronoun is not None:
        # ... sure when the owner is the one person of the pronoun's sex told up to it
        owner = owner_sex(b.text, noun.sentence_start, trigger.start)
        sure = sole_antecedent(b.text, trigger.start, verbs[0].trigger.start, pronoun, owner)
    verb = verbs[0].trigger
    verb_event = b.by_trigger.get(verb.start)
    if verb_event is None or verb_event == noun_event or verb_event not in b.dated_at:
        return
    where = "the opening's" if in_lede else "the undated"
    note = f"{where} '{trigger.text}' is the event '{verb.text}' dates in the paragraphs after it"
    _one_event(b, trigger, verb, note, Grade.STRONG if sure else Grade.WEAK)


# the paragraphs at a story's head whose undated act a dated verb later may tell
_HEAD_PARAGRAPHS = 2


def lede_verbs(b: Builder) -> None:
    """Claims that an undated past act at a story's head ("The sale was approved by the board
    after the ballot result had been announced") and the one dated past verb of its word told
    later of the same thing ("the directors approved the sale … at a meeting on 15 March") start
    and end together."""
    for told in b.story_mentions.values():
        if not told:
            continue
        opening = b.opening_paragraph(told[0].trigger.start)
        if opening is None:
            continue
        for mention in told:
            if 0 <= mention.paragraph - opening < _HEAD_PARAGRAPHS:
                _lede_verb(b, mention, told)


def _lede_verb(b: Builder, mention: Mention, told: list[Mention]) -> None:
    trigger = mention.trigger
    if trigger.pos != "verb" or trigger.tense not in TOLD_AS_PAST or mention.planned or (
        trigger.event_class in NOT_ACTS
    ):
        return
    later = sole_later_verb(b, mention, told, _NAMED_REACH)
    if later is None:
        return
    verb, event = later.trigger, b.by_trigger[trigger.start]
    here, there = b.contexts.get(mention.sentence_start), b.contexts.get(later.sentence_start)
    if here is None or there is None or b.told_again(trigger, here.sentence) or b.told_again(
        verb, there.sentence
    ):
        return
    thing = acted_on(b.text, here.sentence, trigger)
    if thing is None or thing != acted_on(b.text, there.sentence, verb):
        return
    verb_event = b.by_trigger.get(verb.start)
    if verb_event is None or verb_event == event or verb_event not in b.dated_at:
        return
    note = (f"the undated '{trigger.text}' at the story's head is the one '{verb.text}' dates later, "
            f"of the same {thing}")
    _one_event(b, trigger, verb, note)


# the phrase after an event noun, to its clause's end ("of its loss-making Rotterdam depot")
_PHRASE_AFTER = lazy_compile(r"[^,.;:!?()\n]{0,60}")


def _names_after(text: str, end: int) -> frozenset[str]:
    """The names, lower case, in the phrase right after an event noun ending at ``end``."""
    phrase = _PHRASE_AFTER.match(text, end)
    return names_in(phrase.group()) if phrase is not None else frozenset()


def _one_event(b: Builder, noun: Trigger, verb: Trigger, note: str, grade: Grade = Grade.STRONG) -> None:
    """Claims that the events of ``noun`` and ``verb`` start and end together."""
    noun_event, verb_event = b.by_trigger[noun.start], b.by_trigger[verb.start]
    span = b.span(noun.start, noun.end, verb.start, verb.end)
    for side in (Side.START, Side.END):
        b.gap_claim(Endpoint(verb_event, side), Endpoint(noun_event, side), Gap(0, 0, ""), span, None,
                    grade=grade, note=note)


# "the departure of finance director Paula Renshaw, who left the business on 19 February": an
# event noun of a named person, and a relative clause of that person right after it
_OF_NAMED_WHO = lazy_compile(
    rf"\s+of\s+(?:[\w'’,-]+\s+){{0,5}}?(?-i:[A-Z])[\w'’-]+,\s+"
    # (past an apposition: "the visit of the Duchess of Ardmore, the appeal's patron, who toured")
    rf"(?:(?:the|a|an|his|her|its|their)\s+[^,.;:!?()\n]{{1,40}},\s+)?"
    rf"(?:{vocabulary('coreference').pattern('person_relatives')})\s+(?:(?:had|has)\s+)?\Z",
    re.IGNORECASE,
)
# how far after the noun the relative clause's verb may stand (characters)
_OWNER_REACH = 80


def owner_clause_retold(b: Builder) -> None:
    """Claims that an event noun of a named person and the verb of the relative clause about that
    person right after it, a word of the same event, start and end together ("the departure of
    finance director Paula Renshaw, who left the business on 19 February")."""
    for told in b.story_mentions.values():
        for noun in told:
            trigger = noun.trigger
            if trigger.pos != "noun" or noun.plural or noun.planned:
                continue
            verbs = [m.trigger for m in told if m.trigger.pos == "verb"
                     and trigger.end < m.trigger.start <= trigger.end + _OWNER_REACH]
            if not verbs or _OF_NAMED_WHO.fullmatch(b.text, trigger.end, verbs[0].start) is None:
                continue
            verb = verbs[0]
            words = b.vocabulary
            same, related = words.same(trigger.lemma), words.related(trigger.lemma)
            one_act = verb.lemma == trigger.lemma or verb.lemma in SAME_ACT_VERBS.get(trigger.lemma, ())
            # ("the departure of chief executive Alan Rusk, who stepped down on …": a verb of the
            # same act as a verb of the noun's sets)
            if not one_act and not any(
                sets is not None and any(verb.lemma == v or verb.lemma in SAME_ACT_VERBS.get(v, ())
                                         for v in sets.verbs)
                for sets in (same, related)
            ):
                continue
            noun_event, verb_event = b.by_trigger.get(trigger.start), b.by_trigger.get(verb.start)
            if noun_event is None or verb_event is None or noun_event == verb_event:
                continue
            _one_event(b, trigger, verb, f"'{trigger.text}' is the act of the one the relative clause "
                       f"'{verb.text}' tells of")
