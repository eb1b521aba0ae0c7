"""Which mentions name the same event.

* A definite event noun refers back to an earlier mention of the same event ("visited … the
  visit", "a three-day summit … The summit, which ran …", "the strike … the stoppage"), in the
  same paragraph or any earlier one, nearest first, unless its words say it is another event
  ("the second vote", "another strike", "the previous election"), names other participants
  ("her deputy's resignation" after "the minister resigned"), or other places or names ("the
  Rome summit" after "the Lisbon summit").
* A verb and the event noun it takes as object name one event ("signed the treaty", "held
  talks").

Every link is graded (chrono.model.Grade). It is certain when the two mentions share their word
(or the noun names the verb's event: "resigned … the resignation") and either stand in one
paragraph or no other earlier mention could be meant; it is uncertain — a conflict through it is
a warning at most — when only a synonym or the kind of event joins them, when several earlier
mentions would fit, or when a word such as "final" or "latest" leaves room for another event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from chrono.knowledge import Synonyms
from chrono.model import Grade
from chrono.text.calendar_names import MONTHS, WEEKDAYS
from chrono.text.clauses import FUNCTION_WORDS
from chrono.text.events import Trigger, asserted
from chrono.text.inflection import regular_bases
from chrono.text.mentions import EVENT_DOCUMENTS, Mention
from chrono.text.vocabulary import vocabulary

# classes too broad to tell events apart: their mentions corefer by word, the others also by class
_GENERIC_CLASSES = frozenset({"occurrence", "state", "reporting", "announcement", "transaction"})
_WORDS = vocabulary("coreference")
_DETERMINER = _WORDS.set("object_determiners")
_OBJECT_MODIFIERS = _WORDS.set("object_modifiers")
_SUPPORT_VERBS = _WORDS.set("support_verbs")
_MESSAGE_VERBS = _WORDS.set("message_verbs")
_STANDING_MESSAGE_WORDS = _WORDS.set("standing_message_words")
_STANDING_MESSAGE_FOLLOWERS = _WORDS.set("standing_message_followers")
_YEARLY = _WORDS.set("yearly_events")
_TOLD_ONCE = frozenset(_WORDS.words("told_once_classes"))
_ONCE_PER_PERSON = frozenset(_WORDS.words("once_per_person_classes"))
# "the first alert", "the initial report": ordinals that name the first one told
# "the spring concert", "the May fair", "the annual dinner": words that name one occurrence of a
# recurring kind
_OCCURRENCE_LABELS = frozenset(_WORDS.words("occurrence_labels")) | frozenset(
    w.lower() for w in (*MONTHS, *WEEKDAYS))
FIRST_WORDS = frozenset(word for word, place in _WORDS.table("ordinal_words").items() if place == 1)
# "last year's", "next season's": owners that label another instance than the story's own
_OTHER_TIME_OWNERS = frozenset(
    f"{counter} {unit}"
    for counter in _WORDS.words("other_time_counters")
    for unit in _WORDS.words("other_time_units")
)
GENERAL_WORD = "the general word for it"
# how far back a definite noun looks for the event it names, in mentions
_LOOKBACK = 400
# a link by the same word is certain within this many paragraphs; further back, uncertain
_NEAR_PARAGRAPHS = 2


@attrs.frozen
class Link:
    """A later mention that names the event of an earlier one, and how sure the reading is."""

    mention: Trigger
    antecedent: Trigger
    grade: Grade
    why: str  # "the same word", "a word for the same event", "the same kind of event"


def _match(mention: Mention, earlier: Mention, words: Vocabulary) -> str | None:
    """How the two words can name one event (None: they cannot)."""
    return _matcher(mention, words)[0](earlier)


# The words and classes an earlier mention must have to match at all, and whether any noun may
# (an acronym's expansion): most earlier mentions have neither, and are passed over at once.
_Keys = tuple[set[str], set[str], bool]


def _matcher(mention: Mention, words: Vocabulary) -> tuple[Callable[[Mention], str | None], _Keys]:
    """:func:`_match` for one mention against many earlier ones (its word's sets looked up once:
    a mention is tried against hundreds), and the keys of what it can match."""
    a = mention.trigger
    same, related, general = words.same(a.lemma), words.related(a.lemma), words.general(a.lemma)
    names_verb = words.names_verb(a)
    kind = a.event_class if a.event_class not in _GENERIC_CLASSES and a.event_class != "named" else None

    acronym = a.text if 2 <= len(a.text) <= 5 and a.text.isupper() and a.text.isalpha() else None
    document = a.lemma if a.pos == "noun" and a.lemma in EVENT_DOCUMENTS else None
    lemmas = {a.lemma}
    classes = {kind} if kind is not None else set()
    for sets in (same, related, general):
        if sets is not None:
            lemmas |= sets.verbs | sets.lemmas
    if related is not None:
        classes |= related.classes

    def match(earlier: Mention) -> str | None:
        b = earlier.trigger
        if a.lemma == b.lemma and (b.pos == "noun" or names_verb):
            return "the same word"
        if acronym is not None and b.pos == "noun" and earlier.initials.endswith(acronym):
            return "the same word"  # "an extraordinary general meeting … the EGM"
        if document is not None and earlier.head_after == document:
            return "the same word"  # "her resignation letter … after receiving the letter"
        if same is not None and (b.lemma in same.verbs if b.pos == "verb" else b.lemma in same.lemmas):
            return "a word for the same event"
        if general is not None and (
            b.lemma in general.verbs if b.pos == "verb" else b.lemma in general.lemmas
        ):
            return GENERAL_WORD  # "its acquisition of Tillington Dairies … the deal"
        if related is not None and (
            b.lemma in related.verbs if b.pos == "verb" else b.lemma in related.lemmas
        ):
            return "a related word"
        if kind is not None and b.event_class == kind:
            return "the same kind of event"
        if related is not None and b.pos == "verb" and b.event_class in related.classes:
            return "a related word"  # "stepped down … her departure": a verb of a related noun's class
        return None

    return match, (lemmas, classes, acronym is not None or document is not None)


def compatible(mention: Mention, earlier: Mention, *, first_of_kind: bool = False) -> bool:
    """Do the words around the two mentions allow one event? (``first_of_kind``: the mention's
    "first" is read as naming the first one told, not another one.)"""
    if earlier.flashback:
        return False  # "It last erupted in 2011 … the eruption": not that eruption
    if mention.planned != earlier.planned:
        return False  # "it was due to reopen in May … the reopening in July": the plan and the event
    if None not in (mention.part_of_day, earlier.part_of_day) and mention.part_of_day != earlier.part_of_day:
        return False  # "The evening concert" after "The afternoon concert": two concerts
    if mention.plural != earlier.plural:
        # "the killings" are not the one killing mentioned before; "the semi-final" is one of
        # "the semi-finals", not the set
        return False
    if mention.contrast is not None and mention.contrast != earlier.contrast and not first_of_kind:
        return False  # "the second vote" is not the vote mentioned before it
    if earlier.contrast is not None and mention.contrast is None and earlier.paragraph != mention.paragraph:
        return False  # "a second vote" two paragraphs back: "the vote" may be the first one
    if None not in (mention.time_owner, earlier.time_owner) and mention.time_owner != earlier.time_owner:
        return False  # "last year's AGM" after "this year's AGM"
    if mention.time_owner in _OTHER_TIME_OWNERS and earlier.time_owner is None and not earlier.year_labelled:
        return False  # "Next year's race will again start at 8 a.m." after the story's "the race"
    if (mention.time_owner is None and earlier.time_owner in _OTHER_TIME_OWNERS
            and earlier.paragraph != mention.paragraph):
        # "Last year's festival, held in June 2023 … ¶ The festival had been due to run …": a
        # bare "the festival" in another paragraph is the story's own, not the one labelled
        return False
    owner, subject = mention.pronoun_owner, earlier.subject_pronoun
    if None not in (owner, subject) and owner != subject:
        return False  # "his death on 4 March" after "she died in 2019"
    if mention.possessor is not None and mention.possessor not in earlier.context:
        return False  # "her deputy's resignation" after "the minister resigned"
    if mention.named_possessor and earlier.subject_names and mention.possessor not in earlier.subject_names:
        return False  # "Mr Coyle's departure" after "… and Sheila Abbot left"
    owners = (earlier.possessor, mention.possessor)
    if None not in owners and owners[0] != owners[1]:
        return False
    if mention.theme and not mention.theme & (earlier.context | earlier.theme):
        return False  # "the death of her husband" after "her death"
    if mention.names and earlier.names and not mention.names & earlier.names:
        return False  # "the Rome summit" after "the Lisbon summit"
    if mention.modifiers and earlier.modifiers and not mention.modifiers & earlier.modifiers:
        return False  # "the founding concert" after "its anniversary concert"
    known = earlier.context | earlier.names
    # ("the Lisbon summit" after "a summit": maybe another; "The meeting at Kingsmere Civic Hall"
    # after "a five-hour meeting" in Kingsmere: where the one told was held)
    return mention.own_names <= known and (
        mention.complement_names <= known or (mention.venue_told and bool(mention.complement_names & known)))


@attrs.frozen
class Vocabulary:
    """What coreference asks the lexicon: a noun's synonyms, whether it names its verb's event."""

    same_sets: Mapping[str, Synonyms]
    related_sets: Mapping[str, Synonyms]
    names_verb: Callable[[Trigger], bool]
    general_sets: Mapping[str, Synonyms] = attrs.field(factory=dict)

    def same(self, lemma: str) -> Synonyms | None:
        return self.same_sets.get(lemma)

    def related(self, lemma: str) -> Synonyms | None:
        return self.related_sets.get(lemma)

    def general(self, lemma: str) -> Synonyms | None:
        return self.general_sets.get(lemma)


def _another_instance(mention: Mention) -> bool:
    """Is the mention labelled as another instance than the story's own ("the 2019 race", "last
    year's race"; not "this year's race")?"""
    return mention.year_labelled or mention.time_owner in _OTHER_TIME_OWNERS


def antecedent_link(mention: Mention, earlier: Sequence[Mention], words: Vocabulary,
                    same_event: Callable[[Trigger, Trigger], bool] = lambda a, b: False,
                    surely_same: Callable[[Trigger, Trigger], bool] = lambda a, b: False) -> Link | None:
    """The earlier mention a definite event noun refers back to, nearest first, and the link.
    ``same_event`` tells two earlier mentions already read as one event (they are no rivals);
    ``surely_same``, read so through sure links only."""
    trigger = mention.trigger
    if trigger.pos != "noun" or trigger.event_class == "named" or not mention.definite:
        return None
    found: list[tuple[Mention, str]] = []
    match, (lemmas, classes, any_noun) = _matcher(mention, words)
    at = trigger.start
    for candidate in reversed(earlier[-_LOOKBACK:]):
        told = candidate.trigger
        if told.start >= at or not (told.lemma in lemmas or told.event_class in classes or any_noun):
            continue
        how = match(candidate)
        if how is not None and compatible(mention, candidate):
            found.append((candidate, how))
    if not mention.planned and any(not c.undated_plan for c, _ in found):
        # "… voted on Thursday, 4 April. ¶ Campaigners want a fresh vote. ¶ … watched the March
        # vote": a plan that a told mention does not refer to is another event, and no rival
        found = [(c, how) for c, how in found if not c.undated_plan]
    if not found and mention.contrast in FIRST_WORDS:
        return _first_of_kind(mention, earlier, words, same_event)
    if not found:
        return None
    if found[0][1] in ("a related word", "the same kind of event", GENERAL_WORD):
        # "met for a dinner on the eve of the summit" after "the summit was held", "the attack on
        # 14 April" after "the attack happened … He … struck his head": the word itself, told
        # before, rather than a related one or one of its kind nearer
        found.sort(key=lambda item: item[1] != "the same word")
    elif found[0][1] == "a word for the same event":
        # "a storm tore away the landing stage … The gale struck on Tuesday 9 May … five days after
        # the storm": the word itself, told before of the same event, rather than the other word
        nearest = found[0][0]
        same = next((item for item in found[1:] if item[1] == "the same word"
                     and same_event(item[0].trigger, nearest.trigger)), None)
        if same is None and nearest.trigger.pos == "verb":
            # "The strike … began on Monday 6 February. Around 120 drivers have walked out. ¶ A
            # fortnight into the strike": a verb for it in the paragraph that told the word
            # itself retells that event; the word, not the verb, is what is named again
            same = next((item for item in found[1:] if item[1] == "the same word"
                         and item[0].paragraph == nearest.paragraph and item[0].trigger.pos == "noun"), None)
        if same is not None:
            found.remove(same)
            found.insert(0, same)
    if _another_instance(found[0][0]) and not _another_instance(mention):
        # "won the women's race … She missed the 2019 race … ¶ The race, held on Sunday 10
        # April": a mention with no year of its own is the story's event, not the one labelled
        # by its year ("Last year's festival ran from 14 to 16 June. The festival ended …", with
        # no other before it, is that festival)
        unlabelled = [(c, how) for c, how in found if not _another_instance(c)]
        if unlabelled:
            found = unlabelled + [(c, how) for c, how in found if _another_instance(c)]
    chosen, how = found[0]
    same_word = how == "the same word"
    rivals = [c for c, h in found[1:]
              if (h == "the same word" or not same_word) and not same_event(c.trigger, chosen.trigger)]
    if _other_events(rivals, chosen):
        # several events it could be: in its own paragraph, the first one told (the story's
        # event, not a flashback to an earlier one); always uncertain
        in_paragraph = [c for c, _ in found if c.paragraph == mention.paragraph]
        if in_paragraph:
            chosen = in_paragraph[-1]
        return Link(trigger, chosen.trigger, Grade.WEAK, f"{how}, one of several it could be")
    if mention.plural:
        # "the releases": a set of events, whose members later mentions may not all share
        return Link(trigger, chosen.trigger, Grade.WEAK, f"{how}, a set of events")
    same_paragraph = chosen.paragraph == mention.paragraph
    # ("This year's festival lasts nine days" after the opening's "The Lowmoor Folk Festival is
    # marking half a century": the mention names the story's own edition, and so does the one told)
    this_edition = mention.time_owner is not None and mention.time_owner not in _OTHER_TIME_OWNERS and not (
        _another_instance(chosen) or chosen.time_owner is not None)
    if trigger.lemma in _YEARLY and not same_paragraph and not this_edition:
        # "in 2020 the season was cancelled … ¶ This year … the season opened on 8 May"
        return Link(trigger, chosen.trigger, Grade.WEAK, f"{how}, a yearly event told in another paragraph")
    # a history tells many moves, wars and elections: the same word far back may be another one
    # ... unless it is the only mention of the word before, and the one that introduced it ("a
    # closure" in the first lines, "the ten-week closure" at the end)
    # ("the 12 July fire" after "destroyed by fire last month": the fire "The blaze broke out …
    # on Friday 21 July" told as the story's own, its same event)
    chain = [chosen, *(c for c, _ in found if c is not chosen and surely_same(c.trigger, chosen.trigger))]
    near = mention.block - chosen.block <= _NEAR_PARAGRAPHS or (
        any((c.introduced or c.definite or c.trigger.pos == "verb")
            and c.contrast is None and c.uncertain is None and not c.flashback for c in chain)
        and all((c.definite or c.introduced) and c.contrast is None
                for c, _ in found[1:] if c.trigger.lemma == chosen.trigger.lemma
                and not same_event(c.trigger, chosen.trigger))
    )
    # "The stoppage began on 3 March … ¶ the 17-day strike": a word for the same event, the only
    # one it could be, a paragraph or two later
    close_synonym = (how == "a word for the same event" and mention.definite
                     and mention.block - chosen.block <= _NEAR_PARAGRAPHS)
    # ... but not another word with a phrase of its own after it ("the seizure of the bridge"
    # after the town's fall): it may be another event of that kind
    # "the guilty verdict" eight paragraphs after "a jury found him guilty": the only one told
    told_once = trigger.event_class in _TOLD_ONCE and len(found) == 1
    by_kind = how in ("the same kind of event", "a word for the same event") and (
        same_paragraph or close_synonym or told_once
    ) and not mention.qualified_after
    # "the 4–0 defeat at Elmbury … ¶ … ¶ The Elmbury game, played on 10 February": a word for
    # it or a related one, with the same names as the only event it could be
    by_name = how in ("a word for the same event", "a related word") and bool(mention.names) and (
        mention.names == chosen.names
    )
    if by_name and how == "a related word":
        how = "a related word with the same name"
    # "The £185m purchase of Pennick" after "the acquisition of Pennick Dairies": a word for it
    # whose names are all said of the one it could be
    by_name = by_name or (how == "a word for the same event" and bool(mention.names)
                          and mention.names <= chosen.names)
    # "its acquisition of Tillington Dairies … ¶ … since the deal completed on 3 March": the
    # general word, with no phrase of its own, for the only such event told
    by_general = how == GENERAL_WORD and not mention.qualified_after and mention.own_names <= chosen.names
    # "Grace Adeyemi-Clarke stepped down on 18 March … Ms Adeyemi-Clarke's departure": a person
    # leaves a post, takes one, is born or dies once in a story
    # ("The chairman, Sir Nigel, resigned on Monday … his departure came days after …": a pronoun
    # owner in the same paragraph, with no other such event told)
    owned_here = mention.pronoun_owner is not None and same_paragraph and len(found) == 1
    by_person = (how in ("a related word", "the same kind of event")
                 and chosen.trigger.event_class in _ONCE_PER_PERSON
                 and (mention.named_possessor or owned_here))
    if by_person:
        how = "a related word for the same person's event"
    # "Colleagues remember her arriving at a farmhouse …" paragraphs after "I arrived in
    # January": a verb's word told again with a phrase of its own may be another such act
    own_phrase = (same_word and chosen.trigger.pos == "verb" and mention.qualified_after
                  and chosen.paragraph != mention.paragraph)
    certain = mention.uncertain is None and (
        (same_word and near) or by_kind or by_name or by_person or by_general
    ) and not own_phrase
    # (the same word again in the same sentence with a word of its own: its words around the
    # earlier mention are the later one's too, "the first friendly of the season … and the league
    # season starts" says "league" of the first one only by being near it)
    again = chosen.sentence_start == mention.sentence_start and chosen.trigger.lemma == trigger.lemma
    said = set(chosen.modifiers if again else chosen.context | chosen.modifiers)
    for candidate, _ in found:
        if candidate is not chosen and same_event(candidate.trigger, chosen.trigger):
            said |= candidate.context | candidate.modifiers  # "a safety inquiry … the inquiry"
    unsaid = sorted(mention.modifiers - said)
    if certain and mention.time_owner is not None and chosen.time_owner is None and (
        chosen.sentence_start == mention.sentence_start
    ):
        # "he also won the class in 2014, and that Sunday's victory, on 22 August, was his
        # second": a noun dated by a time of its own in the sentence of the verb it would name
        # may be another one
        why = f"{how}, though '{mention.time_owner}' is said of it alone"
        return Link(trigger, chosen.trigger, Grade.WEAK, why)
    if certain and _another_instance(chosen) and not _another_instance(mention) and not same_paragraph:
        # "Last year's event, the 2033 summit, drew 2,800 delegates … ¶ The summit closes a week
        # after Ascension Day": a mention with no year of its own, paragraphs on, may be the
        # story's own edition
        why = f"{how}, though that one is labelled as another edition and this one is not"
        return Link(trigger, chosen.trigger, Grade.WEAK, why)
    if certain and unsaid:
        # "the dock strike" after "rail workers held a strike": maybe another one
        why = f"{how}, though '{' '.join(unsaid)}' was not said of it"
        return Link(trigger, chosen.trigger, Grade.WEAK, why)
    return Link(trigger, chosen.trigger, Grade.STRONG if certain else Grade.WEAK, how)


def _first_of_kind(mention: Mention, earlier: Sequence[Mention], words: Vocabulary,
                   same_event: Callable[[Trigger, Trigger], bool]) -> Link | None:
    """"**09:14** — Error-rate alert fires … **09:51** — Rollback started, 25 minutes after the
    first alert": "the first X" is the first X told, when none told before is called another
    ("a second alert"); certain when every X told before is one event."""
    found = [c for c in earlier[-_LOOKBACK:] if c.start < mention.trigger.start and c.contrast is None
             and _match(mention, c, words) == "the same word" and compatible(mention, c, first_of_kind=True)]
    if not found or any(c.contrast is not None for c in earlier[-_LOOKBACK:]
                        if c.start < mention.trigger.start and c.trigger.lemma == mention.trigger.lemma):
        return None
    chosen = found[0]
    one = all(c is chosen or same_event(c.trigger, chosen.trigger) for c in found)
    how = "the first of its kind told" if one else "the first of its kind told, one of several events"
    # "the programme of the spring concert … The first concert, on 3 October 1998": a kind
    # told first with words of its own ("spring") may be another than the first of all
    labelled = any(word in _OCCURRENCE_LABELS for word in chosen.modifiers - mention.modifiers)
    # "The committee voted on 11 June. In the first vote, on 12 March, members had rejected it":
    # a first told as before the story's time may be an earlier one than the first told
    earlier_told = mention.pluperfect and not chosen.pluperfect
    if earlier_told:
        how = f"{how}, though told as earlier"
    grade = Grade.STRONG if one and not labelled and not earlier_told else Grade.WEAK
    return Link(mention.trigger, chosen.trigger, grade, how)


def _other_events(rivals: Sequence[Mention], chosen: Mention) -> bool:
    """Does any rival look like a mention of another event than ``chosen``'s? Rivals that are
    themselves definite mentions of the same word most likely refer back to one event; so does
    the indefinite noun of an earlier paragraph that introduced the act a verb then tells
    ("extending a suspension … / … suspended sailings on 9 October … / The suspension came
    after …")."""
    return any(
        not (rival.trigger.lemma == chosen.trigger.lemma and (rival.definite or _introduces(rival, chosen)))
        for rival in rivals
    )


def _introduces(rival: Mention, chosen: Mention) -> bool:
    # "… two months after a launch … ¶ The orbiter launched on 14 November; the launch had
    # slipped …": the story's first, indefinite mention introduced what is later told
    return (rival.introduced and (chosen.trigger.pos == "verb" or chosen.definite)
            and rival.paragraph < chosen.paragraph
            and rival.contrast is None and rival.uncertain is None and not rival.plural and not rival.planned)


def verb_object(text: str, trigger: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """"launched its campaign", "signed the treaty", "held talks": a verb and the event noun
    it takes as object name one event. Returns the partner of ``trigger`` among ``triggers``
    (those of its sentence)."""
    if trigger.event_class == "named":
        return None
    for other in triggers:
        verb, noun = (other, trigger) if trigger.pos == "noun" else (trigger, other)
        if verb.pos != "verb" or noun.pos != "noun" or noun.event_class in ("named", "transaction"):
            continue  # ("signed the takeover on 2 January": its start; the deal completes later)
        if verb.event_class in ("reporting", "begin", "end", "causal") or not asserted(verb):
            continue
        message = verb.lemma in _MESSAGE_VERBS
        if message and not _sent_message(text, verb, noun):
            continue
        if not message and verb.lemma not in _SUPPORT_VERBS and _SUPPORT_VERBS.isdisjoint(
                regular_bases(verb.lemma)):
            continue  # "condemned the bombings": an act about the event, not the event (but
            # "delivered its verdict": a support verb the lexicon lacks, by its regular past)
        if verb.end <= noun.start and _is_object_gap(text[verb.end:noun.start]):
            return other
    return None


def _sent_message(text: str, verb: Trigger, noun: Trigger) -> bool:
    """Is ``noun`` a message that ``verb`` ("issued") puts out, and so its one event ("issued a
    profit warning"), not a warning or notice put in force ("issued a yellow warning for snow")?"""
    if noun.event_class != "announcement":
        return False
    between = {w.strip(".,;:").lower() for w in text[verb.end:noun.start].split()}
    if not between.isdisjoint(_STANDING_MESSAGE_WORDS):
        return False
    following = text[noun.end:noun.end + 20].split()
    return not following or following[0].lower() not in _STANDING_MESSAGE_FOLLOWERS


def _is_object_gap(gap: str) -> bool:
    """Words between a verb and its object noun: "signed the", "reached a tentative", "held"."""
    words = gap.split()
    if (gap and not gap[0].isspace()) or not gap.endswith((" ", "\n", "\t")) or len(words) > 3:
        return False
    if any(not w.isalpha() and "-" not in w for w in words):
        return False
    if words and words[0].lower() not in _DETERMINER:
        return not words or (len(words) == 1 and words[0].lower() in _OBJECT_MODIFIERS)
    return all(w.lower() not in FUNCTION_WORDS for w in words[1:])


def describe_link(link: Link, where: str, antecedent_where: str) -> str:
    words = " ".join(link.mention.text.split())
    earlier = " ".join(link.antecedent.text.split())
    hedge = "probably " if link.grade is Grade.WEAK else ""
    return f"'{words}' ({where}) is {hedge}the event of '{earlier}' ({antecedent_where}): {link.why}"

