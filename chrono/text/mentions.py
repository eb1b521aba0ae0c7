"""Event mentions: a trigger with what its words say about which event it is.

Coreference (chrono.text.coreference) needs, for every mention, whether it is definite ("the
visit", "the council's reading"), whether a word in front of it says it is another event ("the
second vote", "another strike") or makes the link uncertain ("the final vote"), whose event it is
(a possessive: "her deputy's resignation"), and the names around it ("the fall of Harwick",
"the Lisbon summit") — enough to tell two mentions of one kind of event apart. The patterns are
light: a few words each side of the trigger, no parse.
"""

from __future__ import annotations

import functools
import re

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.text.calendar_names import MONTHS, WEEKDAYS
from chrono.text.clauses import FUNCTION_WORDS, looks_finite
from chrono.text.events import Trigger
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import alternation, vocabulary

_WORDS = vocabulary("coreference")
_PART_OF_DAY_BEFORE = lazy_compile(rf"\b({_WORDS.pattern('part_of_day_modifiers')})[ \t]+\Z", re.IGNORECASE)
_DEFINITE = _WORDS.set("definite_determiners")
_BARE_DEFINITE_AFTER = re.compile(rf"\b(?:{_WORDS.pattern('bare_definite_after')})[ \t]+\Z", re.IGNORECASE)
# "…, ending a nine-day strike", "…, bringing to an end a session of nearly four hours": what
# an ending participle ends is the event the story told, whatever its article
_ENDING_PARTICIPLE_BEFORE = re.compile(
    rf",\s*(?:{alternation(vocabulary('states').table('participles'))})\s+"
    rf"(?:{_WORDS.pattern('indefinite_articles')})\s+(?:[\w'’-]+\s+){{0,3}}\Z",
    re.IGNORECASE,
)
_CONTRAST = _WORDS.set("contrast_words")
# "will recall also the fire at the warehouse": another of the kind, told in addition
_ALSO_BEFORE = lazy_compile(
    rf"\b({_WORDS.pattern('also_words')})\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,2}}\Z", re.IGNORECASE)
_ANY = _WORDS.set("any_after_order")
_UNCERTAIN = _WORDS.set("uncertain_words")
_SAMENESS = _WORDS.set("sameness_words")
_AMOUNT_WORDS = _WORDS.set("amount_words")
# "her resignation letter … the letter": the documents an event noun may head, which a later
# mention names by that word alone
EVENT_DOCUMENTS = _WORDS.set("event_documents")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b")
# (not a date: "the verdict on 12 November" is dated in its own words, not another verdict)
_LENGTH_OF = lazy_compile(
    rf"\s+of\s+(?:(?:{_WORDS.pattern('length_hedges')})\s+)*(?:\d+(?:\.\d+)?|an?|[a-z]+(?:-[a-z]+)?)\s+"
    rf"(?:and\s+a\s+half\s+)?(?:{_WORDS.pattern('length_units')})s?\b",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    rf"\s+(?:{_WORDS.pattern('qualifying_prepositions')})\s+(?:the\s+|a\s+|an\s+)?"
    rf"(?!\d|(?:{alternation([*MONTHS, *WEEKDAYS])})\b)[\w'’-]",
    re.IGNORECASE,
)
_APPOSED_CONTRAST = re.compile(
    rf"(?:\s+(?:{_WORDS.pattern('qualifying_prepositions')})\s+(?:the\s+)?[\w'’-]+){{0,2}}\s*,\s*"
    rf"(?:{_WORDS.pattern('indefinite_articles')})\s+"
    rf"({_WORDS.pattern('appositive_contrast_words')})\b",
    re.IGNORECASE,
)
_PRONOUN_POSSESSORS = _WORDS.set("pronoun_possessors")
_GENDERED_POSSESSORS = {str(word): str(subject)
                        for word, subject in _WORDS.table("gendered_possessors").items()}
_SUBJECT_PRONOUN_BEFORE = lazy_compile(
    rf"\b({alternation(sorted(set(_GENDERED_POSSESSORS.values())))})\s+(?:[a-z]+\s+){{0,2}}\Z", re.IGNORECASE
)
_SHELL_POSSESSORS = _WORDS.set("shell_possessors")
# "Sheila Abbot left", "Mr Coyle had resigned": a name and at most one auxiliary before a verb
_SUBJECT_NAME_BEFORE = lazy_compile(
    rf"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]+){{1,4}})(?:(?:{_WORDS.pattern('subject_auxiliaries')})[ \t]+)?\Z")
# "last year's", "next week's": words that count the owner's time from now
_TIME_OWNER_BEFORE = lazy_compile(
    rf"(?:\b({_WORDS.pattern('time_counters')})\s+)?\b([A-Za-z]+)['’]s?\s+(?:[\w-]+\s+){{0,2}}\Z",
    re.IGNORECASE,
)
_THE_BEFORE = lazy_compile(r"\bthe\s+[a-z]+['’]s?\s+(?:[\w-]+\s+){0,2}\Z")
_FLASHBACK = _WORDS.set("flashback_adverbs")
# "Sunday's election", "last year's vote": a possessive that dates the event is no determiner
_TEMPORAL_OWNERS = (
    frozenset(w.lower() for w in MONTHS)
    | frozenset(w.lower() for w in WEEKDAYS)
    | _WORDS.set("temporal_owners")
)
_NOT_NAMES = _WORDS.set("not_names") | frozenset(MONTHS) | frozenset(WEEKDAYS)
_DATE_WORDS = frozenset(w.lower() for w in MONTHS) | frozenset(w.lower() for w in WEEKDAYS)
_SENTENCE_WORD = lazy_compile(r"\w+")
# "to hold a fresh vote", "would call a new election": the object of a verb not told as done
_UNTOLD_OBJECT = lazy_compile(
    rf"\b(?:{_WORDS.pattern('untold_verb_markers')})\s+[a-z]+\s+(?:an?)\s+(?:[\w-]+\s+){{0,2}}\Z"
)
_NAME_JOINERS = _WORDS.set("name_joiners")

_WORD = lazy_compile(r"[A-Za-z][\w'’.-]*")
_PLUPERFECT = lazy_compile(
    rf"\b(?:{_WORDS.pattern('pluperfect_auxiliaries')})\s+(?:[a-z]+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en)\b",
    re.IGNORECASE,
)
_NAME = lazy_compile(r"\b[A-Z][\w’'-]*[A-Za-z]")
_POSSESSIVE = lazy_compile(r"([A-Za-z][\w-]*)['’]s?\Z")
# the words of a noun phrase in front of its head: at most five, no verb-like punctuation (a comma
# only after a word, as between adjectives: "a second, smaller slip").
# Matched on the reversed text: the same words as searching r"(?:[\w'’-]+,?\s+){0,5}\Z" forwards,
# without trying that at every start.
_PREMODIFIERS_REVERSED = lazy_compile(r"(?:\s+,?[\w'’–£$€-]+){0,5}")  # ("the 7–4 vote": a tally)
# "The £185m purchase", "the $2.1bn deal": an amount in front of the noun, which says nothing
# of which event it is
_AMOUNT = lazy_compile(r"[£$€]\d[\d,]*[a-z]{0,2}\Z")
_PHRASE_WORD = lazy_compile(r"[\w'’-]+")
# "of Harwick", "in Lisbon", "at the Marlow plant": the names right after the head
_OF_PHRASE = lazy_compile(r"\s+of\s+((?:[\w'’-]+\s*){1,4})")
_COMPLEMENT = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('complement_prepositions')})\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*){{1,4}})"
    # "the purchase of the Cornish pasty maker Tidewell Bakery": a name in apposition to a
    # description, which names the thing as well
    rf"(?:((?:[a-z][a-z-]+\s+){{1,3}})((?:[A-Z][\w'’-]*\s*){{1,4}}))?"
)

_VENUE = lazy_compile(rf"\s+(?:{_WORDS.pattern('venue_prepositions')})\s+(?:the\s+)?[A-Z]")
_LETTER = lazy_compile(r"[A-Za-z]")
_LINE_MARKERS = " \t-*+•#>"  # (list and heading marks the view may leave)
# "the ten-week closure", "a two-day visit": a length, not a word that tells events apart
_LENGTH_MODIFIER = lazy_compile(rf"-(?:{_WORDS.pattern('length_units')})s?\Z")
_INDEFINITE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('indefinite_articles')})\s+(?:[\w-]+\s+){{0,3}}\Z", re.IGNORECASE
)
_PHASE_AFTER = lazy_compile(rf"[ \t]+(?:{_WORDS.pattern('telegraphic_phases')})\b", re.IGNORECASE)


# "the 2019 race", "the 2019 women's race": a year in the noun's own phrase
# (not "In 2019 the race …": only a possessive may stand between)
_YEAR_BEFORE = re.compile(r"(?<![\w,.])\d{4}(?:['’]s)?[ \t]+(?:[\w-]+['’]s?[ \t]+)?\Z")


@attrs.frozen
class Mention:
    """One mention of an event, with the features that tell it apart from others.

    Every mention is kept, but coreference compares only a few of them closely: the features
    read from the words around it are read when first asked for (each once)."""

    trigger: Trigger
    paragraph: int
    sentence_start: int
    block: int  # the paragraph by blank lines: one list is one block
    planned: bool  # "will reopen", "the scheduled vote": a plan, another event than what happened
    _text: str = attrs.field(eq=False, repr=False)
    _sentence: Sentence = attrs.field(eq=False, repr=False)

    @property
    def start(self) -> int:
        return self.trigger.start

    @functools.cached_property
    def _phrase(self) -> tuple[list[str], bool]:
        """The words of its noun phrase in front of it, and whether the phrase is definite."""
        trigger = self.trigger
        if trigger.pos != "noun":
            return [], False
        own, definite = _noun_phrase(self._text, trigger, self._sentence)
        if not own and (
            _telegraphic_subject(self._text, trigger, self._sentence)
            or _BARE_DEFINITE_AFTER.search(
                self._text, max(self._sentence.start, trigger.start - 12), trigger.start
            )
        ):
            definite = True
        if len(own) == 1 and own[0].lower() in _ANY and _BARE_DEFINITE_AFTER.search(
            self._text, max(self._sentence.start, trigger.start - 20), trigger.start - len(own[0]) - 1
        ):
            own, definite = [], True  # "before any alert had fired": the alert told, if one was
        if not definite and _ENDING_PARTICIPLE_BEFORE.search(
            self._text, max(self._sentence.start, trigger.start - 80), trigger.start
        ):
            definite = True
        return own, definite

    @functools.cached_property
    def _own_lower(self) -> list[str]:
        return [w.lower() for w in self._phrase[0]]

    @functools.cached_property
    def definite(self) -> bool:
        return self._phrase[1]

    @functools.cached_property
    def year_labelled(self) -> bool:
        """Is it labelled by a year in its own words ("the 2019 race", "the 2019 women's race")?"""
        lo = max(self._sentence.start, self.trigger.start - 24)
        return _YEAR_BEFORE.search(self._text, lo, self.trigger.start) is not None

    @functools.cached_property
    def undated_plan(self) -> bool:
        """"Campaigners want the council to hold a fresh vote.": a plan (or what an infinitive
        or a modal governs) introduced without a definite word and told in a sentence with no
        date: a new event, not one told before."""
        if self.definite or not (self.planned or _UNTOLD_OBJECT.search(
            self._text, max(self._sentence.start, self.trigger.start - 60), self.trigger.start
        )):
            return False
        words = _SENTENCE_WORD.findall(self._text, self._sentence.start, self._sentence.end)
        return not any(w[0].isdigit() or w.lower() in _DATE_WORDS for w in words)

    @functools.cached_property
    def contrast(self) -> str | None:
        """"second", "another", "previous" ...: another event than one before."""
        trigger = self.trigger
        if trigger.pos == "noun":
            apposed = _APPOSED_CONTRAST.match(self._text, trigger.end, self._sentence.end)
            if apposed is not None:
                return apposed.group(1).lower()  # "the stoppage at the airport, a separate dispute"
            # the words of its phrase are among the words in front of it (the window
            # _noun_phrase reads): when none of those is a contrast word, the phrase need not be
            # read (every mention is asked this; few have one)
            window = self._text[max(self._sentence.start, trigger.start - 60):trigger.start]
            also = _ALSO_BEFORE.search(window)
            if also is not None:
                return also.group(1).lower()  # "Readers will recall also the fire at the warehouse"
            if _CONTRAST.isdisjoint(map(str.lower, _PHRASE_WORD.findall(window))):
                return None
        own = self._phrase[0]
        return next((w.lower() for at, w in enumerate(own) if w.lower() in _CONTRAST
                     and not _in_name(own, at)), None)

    @functools.cached_property
    def head_after(self) -> str | None:
        """"her resignation letter": the noun right after it that heads its phrase, one that is
        the document of the event (:data:`EVENT_DOCUMENTS`), which a later "the letter" names."""
        word = _NEXT_WORD.match(self._text, self.trigger.end, self._sentence.end)
        if word is None or self.trigger.pos != "noun":
            return None
        head = word.group(1).lower()
        return head if head in EVENT_DOCUMENTS else None

    @functools.cached_property
    def qualified_after(self) -> bool:
        """Whether a phrase of its own follows it ("the strike at the sister plant", "the vote of
        the shareholders"): it says more than a bare reference back would."""
        text, end = self._text, self.trigger.end
        return _QUALIFIER_AFTER.match(text, end, self._sentence.end) is not None and (
            _LENGTH_OF.match(text, end, self._sentence.end) is None)

    @functools.cached_property
    def uncertain(self) -> str | None:
        """"final", "latest" ...: may be another event."""
        return next((w for w in self._own_lower if w in _UNCERTAIN), None)

    @functools.cached_property
    def possessor(self) -> str | None:
        """"council" in "the council's reading" (None for his/her/its, "the work's" ...)."""
        possessor = None
        for word in self._phrase[0]:
            match = _POSSESSIVE.search(word)
            if match is not None and word.endswith(("'s", "’s", "s'", "s’")):
                owner = match.group(1).lower()
                # "last week's derailment": a date, not whose event it is
                possessor = None if owner in _PRONOUN_POSSESSORS or owner in _TEMPORAL_OWNERS else owner
        if possessor in _SHELL_POSSESSORS and _THE_BEFORE.search(
            self._text, max(self._sentence.start, self.trigger.start - 60), self.trigger.start
        ):
            return None  # "the work's premiere": the work told of before, as "its" would say
        return possessor

    @functools.cached_property
    def initials(self) -> str:
        """The initials of its phrase's last words and its own word, upper case ("EGM" for "a joint
        extraordinary general meeting"): what an acronym for it would spell."""
        words = [*self._phrase[0], self.trigger.text]
        return "".join(w[:1] for w in words if w[:1].isalpha()).upper()

    @functools.cached_property
    def named_possessor(self) -> bool:
        """Is its possessor a name ("Ms Adeyemi-Clarke's departure", not "the council's vote")?"""
        possessor = self.possessor
        return possessor is not None and any(
            word[:1].isupper() and word.lower().startswith(possessor) for word in self._phrase[0]
        )

    @functools.cached_property
    def pronoun_owner(self) -> str | None:
        """"he" for "his death", "she" for "her resignation": who the possessive pronoun of
        its phrase names (None without one)."""
        for word in self._own_lower:
            if word in _GENDERED_POSSESSORS:
                return _GENDERED_POSSESSORS[word]
        return None

    @functools.cached_property
    def subject_pronoun(self) -> str | None:
        """"she" for "she died", "she had resigned": the pronoun subject right before a verb."""
        if self.trigger.pos != "verb":
            return None
        found = _SUBJECT_PRONOUN_BEFORE.search(
            self._text, max(self._sentence.start, self.trigger.start - 30), self.trigger.start
        )
        return found.group(1).lower() if found is not None else None

    @functools.cached_property
    def subject_names(self) -> frozenset[str]:
        """The capitalised words of the name right before a verb, lower case: {"sheila",
        "abbot"} for "finance director Sheila Abbot left" (empty without one, or for a noun)."""
        if self.trigger.pos != "verb":
            return frozenset()
        found = _SUBJECT_NAME_BEFORE.search(
            self._text, max(self._sentence.start, self.trigger.start - 60), self.trigger.start)
        if found is None:
            return frozenset()
        return frozenset(w.lower().rstrip("'’") for w in found.group(1).split()) - _NOT_NAMES

    @functools.cached_property
    def time_owner(self) -> str | None:
        """"last year" in "last year's AGM", "sunday" in "Sunday's vote": the time the
        possessive says the event is of."""
        lo = max(self._sentence.start, self.trigger.start - 40)
        found = _TIME_OWNER_BEFORE.search(self._text, lo, self.trigger.start)
        if found is None or found.group(2).lower() not in _TEMPORAL_OWNERS:
            return None
        counter = (found.group(1) or "").lower()
        return f"{counter} {found.group(2).lower()}".strip()

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Names in its own phrase, lower case ("harwick", "lisbon")."""
        return self.own_names | self.complement_names

    @functools.cached_property
    def own_names(self) -> frozenset[str]:
        """Names in front of it ("lisbon" of "the Lisbon summit")."""
        own, definite = self._phrase
        return names_in(" ".join(own[1:] if own and own[0][:1].isupper() and definite else own))

    @functools.cached_property
    def complement_names(self) -> frozenset[str]:
        """Names of the phrase right after it ("tenby", "freight" of "the purchase of Tenby
        Freight"; "kingsmere", "civic", "hall" of "the meeting at Kingsmere Civic Hall")."""
        text, trigger = self._text, self.trigger
        complement = _COMPLEMENT.match(text, trigger.end, min(len(text), trigger.end + 80))
        if complement is None:
            return frozenset()
        names = names_in(complement.group(1))
        description = complement.group(2)
        if description and not any(word in FUNCTION_WORDS or looks_finite(word)
                                   for word in description.split()):
            names |= names_in(complement.group(3))
        return names

    @functools.cached_property
    def venue_told(self) -> bool:
        """Does the phrase right after it tell where it was held ("at Kingsmere Civic Hall")?"""
        end = self.trigger.end
        return _VENUE.match(self._text, end, min(len(self._text), end + 60)) is not None

    @functools.cached_property
    def plural(self) -> bool:
        """"the killings": a set of events, not one of them."""
        trigger = self.trigger
        surface = trigger.text.lower()
        return trigger.pos == "noun" and surface.endswith("s") and not surface.endswith("ss") and (
            surface.rstrip("s") != trigger.lemma.rstrip("s") or surface != trigger.lemma
        )

    @functools.cached_property
    def theme(self) -> frozenset[str]:
        """What its "of" phrase names: "husband" in "the death of her husband"."""
        text, trigger = self._text, self.trigger
        of_phrase = _OF_PHRASE.match(text, trigger.end, min(len(text), trigger.end + 50))
        if of_phrase is not None and _LENGTH_OF.match(text, trigger.end, of_phrase.end()) is not None:
            return frozenset()  # "a strike of nine days": a length, not what it is of
        return frozenset(
            w.lower() for w in (of_phrase.group(1).split() if of_phrase else [])
            if w.lower() not in FUNCTION_WORDS and w.lower() not in _PRONOUN_POSSESSORS and len(w) > 2
        )

    @functools.cached_property
    def pluperfect(self) -> bool:
        """"In the first vote, on 12 March, members had rejected the scheme": its sentence tells
        it as earlier than the story's time."""
        return _PLUPERFECT.search(self._text, self._sentence.start, self._sentence.end) is not None

    @functools.cached_property
    def flashback(self) -> bool:
        """"it last erupted in 2011": a verb told of another occurrence."""
        trigger = self.trigger
        if trigger.pos != "verb":
            return False
        before = self._text[max(self._sentence.start, trigger.start - 25):trigger.start]
        words_before = _WORD.findall(before)[-2:]
        return any(w.lower() in _FLASHBACK for w in words_before)

    @functools.cached_property
    def part_of_day(self) -> str | None:
        """The part of the day in front of the noun ("evening" of "the evening concert"), if any."""
        found = _PART_OF_DAY_BEFORE.search(
            self._text, max(self._sentence.start, self.trigger.start - 24), self.trigger.start)
        return found.group(1).lower() if found is not None and self.trigger.pos == "noun" else None

    @functools.cached_property
    def context(self) -> frozenset[str]:
        """Every name and content word of its sentence, lower case."""
        return _context(self._text[self._sentence.start:self._sentence.end])

    @functools.cached_property
    def modifiers(self) -> frozenset[str]:
        """The content words in front of it, lower case ("founding" in "the founding concert")."""
        return frozenset(
            w.strip("'’.,-") for w in self._own_lower
            if w not in _DEFINITE and w not in _CONTRAST and w not in _UNCERTAIN and w not in FUNCTION_WORDS
            and w not in _SAMENESS and w not in _AMOUNT_WORDS
            and not _POSSESSIVE.search(w) and not any(ch.isdigit() for ch in w)
            and w.strip("'’.,-") not in _TEMPORAL_OWNERS and not _LENGTH_MODIFIER.search(w)
        )

    @functools.cached_property
    def introduced(self) -> bool:
        """"a suspension": named with an indefinite article, as a story first names its event."""
        trigger = self.trigger
        if trigger.pos != "noun" or self.definite:
            return False
        # (or a bare noun that opens its line: "- Acquisition of Fenwright completed on 14 June",
        # as a list of highlights names its events)
        line_start = self._text.rfind("\n", 0, trigger.start) + 1
        lead = max(self._sentence.start, trigger.start - 40)
        indefinite = _INDEFINITE.search(self._text, lead, trigger.start)
        return indefinite is not None or (
            not self._text[line_start:trigger.start].strip(_LINE_MARKERS) and trigger.text[:1].isupper())


@functools.lru_cache(maxsize=256)
def _context(sentence_text: str) -> frozenset[str]:
    """Every name and content word of a sentence, lower case (the same for each of its mentions)."""
    return frozenset(w.lower().strip("'’.-") for w in _WORD.findall(sentence_text) if len(w) > 2)


def names_in(text: str) -> frozenset[str]:
    """The names (capitalised words, not months or other words that only look like names) in
    ``text``, lower case."""
    return frozenset(m.group().lower() for m in _NAME.finditer(text) if m.group() not in _NOT_NAMES)


def _noun_phrase(text: str, trigger: Trigger, sentence: Sentence) -> tuple[list[str], bool]:
    """The words in front of an event noun that belong to its phrase, and whether the phrase is
    definite: walking back from the noun over modifiers ("the council's second", "the 2013"),
    up to a determiner or possessive (definite), or a word that cannot be a modifier."""
    before = text[max(sentence.start, trigger.start - 60):trigger.start]
    phrase = _PREMODIFIERS_REVERSED.match(before[::-1])
    words = phrase.group()[::-1].split() if phrase else []
    own: list[str] = []
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        low = word.lower()
        if low in _NAME_JOINERS and own and own[0][:1].isupper() and at > 0 and words[at - 1][:1].isupper():
            own.insert(0, word)  # "the Court of Session ruling": a word inside a name
            continue
        owner = _POSSESSIVE.search(word) if word.endswith(("'s", "’s", "s'", "s’")) else None
        possessive = owner is not None
        if owner is not None and owner.group(1).lower() in _TEMPORAL_OWNERS:
            return [word, *own], True  # "Sunday's election": definite, and dated in its own words
        ordinal = next((back for back in (at - 1, at - 2) if back >= 0 and words[back].lower() in _CONTRAST),
                       None) if possessive else None
        if ordinal is not None:
            # "The first members' meeting", "the tenth annual members' meeting": the ordinal
            # before a plural possessive is the meeting's
            return [*words[ordinal:at], word, *own], True
        if low in _DEFINITE or possessive:
            return [word, *own], True
        if low.rstrip(",") in _DATE_WORDS or low.rstrip(",").isdigit() or _AMOUNT.match(low.rstrip(",")):
            continue  # "the May 5 referendum", "the 2019 vote": its date, not a word of its kind
        if low.endswith(",") and low.rstrip(",") in _CONTRAST:
            own.insert(0, word.rstrip(","))  # "a second, smaller slip": adjectives in a row
            continue
        if low not in _CONTRAST and low not in _UNCERTAIN and (
            low in FUNCTION_WORDS or word.endswith((",", ";", ":")) or looks_finite(word)
        ):
            break
        own.insert(0, word)
    return own, False


def _in_name(words: list[str], at: int) -> bool:
    """"the New York premiere": a capitalised word that a capitalised word follows is part of a
    name, not the contrast word it spells ("Another strike" opening a sentence still is one)."""
    return words[at][:1].isupper() and at + 1 < len(words) and words[at + 1][:1].isupper()


def _telegraphic_subject(text: str, trigger: Trigger, sentence: Sentence) -> bool:
    """A bare event noun that opens a log line or headline and a phase verb follows ("14:31 —
    Outage begins", "Rollback complete"): the event the story is about, as "the outage" would be."""
    if _LETTER.search(text, sentence.start, trigger.start):
        return False
    return _PHASE_AFTER.match(text, trigger.end) is not None


def mention_of(text: str, trigger: Trigger, sentence: Sentence, *, planned: bool = False) -> Mention:
    return Mention(trigger, sentence.paragraph, sentence.start, sentence.block, planned, text, sentence)
