"""Order words between events: "A after B", "after B, A", "A before B", "A, followed by B", and
clause-opening "Later, …", "and then …", "Earlier, …" (after or before the last dated event).
They order the starts: "A after B" says A does not start before B starts."""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Grade, Part, Qualifier, Side
from chrono.problems import ConflictKind
from chrono.text.attachment import clause_head, is_asserted, resolve
from chrono.text.builder import Builder
from chrono.text.claims import TextPeriodClaim
from chrono.text.clauses import clause_of, other_predicate, words_between
from chrono.text.context import SentenceContext
from chrono.text.events import Trigger
from chrono.text.offsets import counted_before, main_clause_event
from chrono.text.tense import PAST
from chrono.text.vocabulary import Hint, searched_alternation, vocabulary

_WORDS = vocabulary("order")
_ORDER_WORDS = {str(words): str(side) for words, side in _WORDS.table("order_words").items()}
_ORDER = lazy_compile(rf"\b({searched_alternation(_ORDER_WORDS)})\b", re.IGNORECASE)
_ORDER_HINT = Hint.of(_ORDER_WORDS)  # most sentences have none of them: not searched
_SUBJECT_AUX = lazy_compile(
    rf"\s+(?:{_WORDS.pattern('clause_determiners')})\s+(?:[\w'’-]+\s+){{0,5}}"
    rf"(?:{_WORDS.pattern('clause_auxiliaries')})\s+(?:(?:{_WORDS.pattern('clause_adverbs')})\s+)?",
    re.IGNORECASE,
)
# (a name's own "of" or "for" does not end it: "after the Office of Fair Trading confirmed")
_SUBJECT_BEFORE_PAST = lazy_compile(
    rf"\s+(?:(?:{_WORDS.pattern('clause_determiners')})\s+"
    rf"(?:(?:(?-i:[A-Z])[\w'’-]*\s+(?-i:{_WORDS.pattern('name_joiners')})\s+(?=(?-i:[A-Z])))?"
    rf"(?!(?:{_WORDS.pattern('subject_breakers')})\b)[A-Za-z'’-]+\s+){{1,5}}"
    # ("after chief executive Martin Kessel told shareholders": a title and a name)
    rf"|(?-i:[a-z]+\s+){{0,3}}(?-i:[A-Z][\w'’-]+\s+){{1,3}})"
    rf"(?:(?:{_WORDS.pattern('clause_adverbs')})\s+)?",
    re.IGNORECASE,
)
_SEQUENCE_WORDS = {str(word): str(side) for word, side in _WORDS.table("sequence_words").items()}
_SEQUENCE = lazy_compile(
    rf"\b({searched_alternation(_SEQUENCE_WORDS)})\b(?!\s+(?:{_WORDS.pattern('not_before')})\b)"
    # ("soon after Owen's birth", "shortly after her wedding": a preposition with its object)
    rf"(?!\s+[\w-]+['’]s\b)"
    # (nor an age or a post at the time: "Daniel Osei, then 22, was stabbed")
    rf"(?!\s+(?:aged\s+)?\d)",
    re.IGNORECASE,
)
_SEQUENCE_HINT = Hint.of(_SEQUENCE_WORDS)
_PREPOSITION_ENDS = tuple(f" {word}" for word in _WORDS.words("sequence_prepositions"))
_SET_OFF_AFTER = lazy_compile(r"\s*[,;:.!?]")
_GERUND_ENDING = "ing"
_INTENTION_VERBS = _WORDS.set("intention_verbs")
# "was followed by …, and then reopened": a verb that orders is no act to order against
_ORDER_VERBS = _WORDS.set("order_verbs")
# "apart from a new roof after the fire": the phrase orders what the exception names
_EXCEPTION_BETWEEN = lazy_compile(rf"\b(?:{vocabulary('dating').pattern('exception_words')})\b",
                                  re.IGNORECASE)
# "The transmitter bought second-hand in 2015 failed during …": a past form right after the
# year or name that ends a phrase of the participle before it is the clause's own verb
_VERB_AFTER_PHRASE = lazy_compile(r"(?:\b\d{4}|\b(?-i:[A-Z])[a-z]+)\s+[a-z]{3,}ed\b")
_PRENOMINAL_DATE = lazy_compile(r"(?:['’]s)?(?:\s+[\w-]+){0,2}\s+")
# "preceded by a week of protests": a length of the event, not a date the order word governs
_LENGTH_OF = lazy_compile(r"\s+of\s+(?:[\w-]+\s+)?")
_OPENING_ONLY = _WORDS.set("opening_only_order_words")
_SET_OFF_BEFORE = lazy_compile(r",\s*\Z")
_SET_OFF_RELATIVE = lazy_compile(rf",\s*(?:{vocabulary('clauses').pattern('relative_pronouns')})\b",
                                  re.IGNORECASE)
_PARTICIPLE_ASIDE = lazy_compile(r",[ \t]*[a-z]{3,}(?:ed|en)[ \t][^,;.!?\n]{0,60},[ \t]*")
_INVERTED = lazy_compile(
    rf"\b(?:{_WORDS.pattern('inversion_auxiliaries')})\s+(?:he|she|they|we|i|it|the\s+[\w-]+|[A-Z][\w-]+)\s+"
)
_CLEFT_LEAD = lazy_compile(
    rf"\b(?:{_WORDS.pattern('cleft_openers')})\s+(?:(?:{_WORDS.pattern('vague_distances')})\s+)*\Z",
    re.IGNORECASE,
)
_CLEFT_THAT = lazy_compile(r"\bthat\b")
_VAGUE_DISTANCE = lazy_compile(rf"(?:(?:{_WORDS.pattern('vague_distances')})\s+)*\Z", re.IGNORECASE)
_DISTANCE_BEFORE = lazy_compile(rf"\b(?:(?:{_WORDS.pattern('vague_distances')})\s+)+\Z", re.IGNORECASE)
_AND_THEN = lazy_compile(
    rf"\b(?:{_WORDS.pattern('clause_joiners')})\s+(?:(?:{_WORDS.pattern('sequence_adverbs')})\s+)?\Z",
    re.IGNORECASE,
)
_RELATIVE_SEQUENCES = {
    " ".join(str(words).split()): str(side) for words, side in _WORDS.table("relative_sequences").items()
}
_RELATIVE_SEQUENCE = lazy_compile(rf"\s+({searched_alternation(_RELATIVE_SEQUENCES)})\b", re.IGNORECASE)
# "that followed the verdict", "which followed Mr Coyle's departure": the object it follows is told
_RELATIVE_OBJECT = lazy_compile(rf"[ \t]+(?:(?:{_WORDS.pattern('relative_object_openers')})\b|[A-Z])")
_RELATIVE_PRONOUN = lazy_compile(rf"[ \t]*,?[ \t]*(?:{_WORDS.pattern('relative_pronouns')})[ \t]+")
_NOUN_BEFORE_RELATIVE = lazy_compile(r",?[ \t]*")
_SEQUENCE_BEFORE = lazy_compile(rf"(?:[.,;:]|\b(?:{_WORDS.pattern('clause_joiners')}))\s*\Z")


def sequence(b: Builder, here: SentenceContext, offsets: list[re.Match[str]]) -> None:
    """"Later, the army withdrew", "and then seized", "Earlier, talks had failed": after (or
    before) the last dated event of this or the previous sentence."""
    text = b.text
    sentence, triggers = here.sentence, here.triggers
    if not _SEQUENCE_HINT.may_match(text, sentence.start, sentence.end):
        return
    for match in _SEQUENCE.finditer(text, sentence.start, sentence.end):
        start, end = match.span(1)
        coordinated = _AND_THEN.search(text, max(sentence.start, start - 20), start)
        if start != sentence.start and coordinated is None and not _SEQUENCE_BEFORE.search(
            text, max(0, start - 6), start
        ):
            continue  # only a word that opens a clause: not "two years later", "the later talks"
        if any(m.start() <= start < m.end() for m in offsets) or any(
            t.start <= start < t.end for t in here.timexes
        ):
            continue
        following = [t for t in triggers if t.start >= end]
        if not following or words_between(text, end, following[0].start) > 6:
            continue
        subject = following[0]
        if match.group(1).lower().endswith(_PREPOSITION_ENDS) and (
            _SET_OFF_AFTER.match(text, end) is None
        ) and (
            subject.pos != "verb" or words_between(text, end, subject.start) > 0
            or subject.text.lower().endswith(_GERUND_ENDING)
        ):
            continue  # "shortly after crews had been withdrawn": a conjunction with its clause, not
            # "shortly after, crews were withdrawn" or "and soon after resigned" (but "shortly
            # after leaving the army": a preposition and its gerund)
        if not is_asserted(text, subject) or subject.event_class in ("reporting", "causal"):
            continue
        subject_id = b.event(resolve(text, subject, triggers, here.cuts).trigger, here)
        earlier_verbs = [t for t in triggers if t.end <= start and t.pos == "verb" and is_asserted(text, t)
                         and t.event_class not in ("reporting", "causal") and t.lemma not in _ORDER_VERBS]
        if coordinated is not None and earlier_verbs:
            # "first rolled back the deploy and only then restarted the database": the verb it
            # is coordinated with, dated or not
            reference_id = b.event(resolve(text, earlier_verbs[-1], triggers, here.cuts).trigger, here)
            if reference_id == subject_id:
                continue
        else:
            previous = b.last_dated(here.window_start, start, subject_id)
            if previous is None or b.undated_between(previous[0], start):
                continue
            reference_id = previous[1]
        side = _SEQUENCE_WORDS[match.group(1).lower()]
        first, second = (reference_id, subject_id) if side == "after" else (subject_id, reference_id)
        span = b.span(start, end, subject.start, subject.end)
        b.gap_claim(Endpoint(first, Side.START), Endpoint(second, Side.START), Gap(0, None, ""), span,
                    ConflictKind.ORDER)



def relative_sequence(b: Builder, here: SentenceContext) -> None:
    """"The walkout that followed began on 3 April": the noun is after (or before) the last dated
    event told before it, in this or the previous sentence."""
    text = b.text
    for trigger in here.triggers:
        if trigger.pos != "noun":
            continue
        match = _RELATIVE_SEQUENCE.match(text, trigger.end)
        if match is None or not is_asserted(text, trigger) or _RELATIVE_OBJECT.match(text, match.end()):
            continue  # (not "the profit warning that followed Mr Coyle's departure": after that)
        subject_id = b.event(trigger, here)
        previous = b.last_dated(here.window_start, trigger.start, subject_id)
        if previous is None or b.undated_between(previous[0], trigger.start):
            continue
        side = _RELATIVE_SEQUENCES[" ".join(match.group(1).lower().split())]
        first, second = (previous[1], subject_id) if side == "after" else (subject_id, previous[1])
        span = b.span(trigger.start, match.end())
        b.gap_claim(Endpoint(first, Side.START), Endpoint(second, Side.START), Gap(0, None, ""), span,
                    ConflictKind.ORDER)


def order(b: Builder, here: SentenceContext) -> None:
    """"A after B", "after B, A", "A before B", "A, followed by B": starts in order."""
    text = b.text
    sentence, triggers, cuts, timexes = here.sentence, here.triggers, here.cuts, here.timexes
    if not _ORDER_HINT.may_match(text, sentence.start, sentence.end):
        return
    timex_starts = {t.start for t in timexes}
    timex_starts |= {t.signal_start for t in timexes if t.signal_start is not None}
    for match in _ORDER.finditer(text, sentence.start, sentence.end):
        if match.start() in timex_starts or any(t.start <= match.start() < t.end for t in timexes):
            continue  # "charged the following month": a date, not an order word
        word = " ".join(match.group(1).lower().split())
        if word in _OPENING_ONLY and text[sentence.start:match.start()].strip(" \"“") and not (
            _SET_OFF_BEFORE.search(text, max(sentence.start, match.start() - 4), match.start())
            and _SUBJECT_AUX.match(text, match.end())
        ):
            continue  # "she once worked there": not an order word here (but "…, once the
            # consultation had closed": a clause of its own, set off)
        objects = [t for t in triggers if t.start >= match.end()]
        if not objects:
            continue
        obj = clause_head(text, objects[0], triggers)
        between = text[match.end():objects[0].start]
        if "," in between or (words_between(text, match.end(), objects[0].start) > 3 and not (
            obj is objects[0] and obj.pos == "verb" and (
                _SUBJECT_AUX.fullmatch(between)
                or (obj.tense == PAST and _SUBJECT_BEFORE_PAST.fullmatch(between))
            )
        )):
            continue  # but "before the fairing fault was discovered": a clause with its own subject
        if any(match.end() <= t.start < obj.start and not _PRENOMINAL_DATE.fullmatch(text, t.end, obj.start)
               and not (t.type == "DURATION" and _LENGTH_OF.fullmatch(text, t.end, obj.start))
               for t in timexes):
            continue  # "after May 2024 …": the order word governs a date, not the event (but
            # "ahead of the 2013 elections", "its May 2023 closure": a date of the object)
        if counted_before(text, match.start()):
            continue  # "a week after the signing": a metric offset
        clause_start, clause_end = clause_of(cuts, match.start())
        # "Just days before the summit, …": a vague distance keeps the phrase at the front
        lead = text[sentence.start:match.start()].strip(" \"“")
        opening = _VAGUE_DISTANCE.fullmatch(lead + " " if lead else "") is not None
        clause_lead = text[clause_start:match.start()].strip(" \"“")
        fronted = clause_start != match.start() and _VAGUE_DISTANCE.fullmatch(
            clause_lead + " " if clause_lead else ""
        ) is not None
        # "…, ahead of the 2013 elections, the army moved …": a phrase set off by commas before
        # the main clause
        # ("issued a warning on 10 January, well ahead of the storm": the phrase with its distance)
        distance = _DISTANCE_BEFORE.search(text, max(sentence.start, match.start() - 40), match.start())
        phrase_start = distance.start() if distance is not None else match.start()
        set_off = text[sentence.start:phrase_start].rstrip().endswith(",") and "," in text[
            obj.end:sentence.end
        ]
        dated_before = next((t for t in timexes if t.end <= phrase_start
                             and not text[t.end:phrase_start].strip(" ,")), None)
        subject: Trigger | None
        # (or it closes the sentence: "lodged its appeal on 12 August, following the refusal.")
        # (or one that runs on to the end with no comma: "collapsed at 03:05, shortly after crews
        # had been withdrawn from the building at 03:20 because of …")
        # (not after a date counted from the story, which the phrase may be the count's start:
        # "will discuss it the following week, after the board vote on 19 June")
        closing = "," in text[phrase_start - 3:phrase_start] and (not text[obj.end:sentence.end].strip(
            " .!?\"”’)"
        ) or ("," not in text[obj.end:sentence.end] and (
            dated_before is None or dated_before.anchor in (None, "DCT")
            or any(c.isdigit() for c in dated_before.text))))
        before_date = [] if dated_before is None or not (set_off or closing) else [
            t for t in triggers if sentence.start <= t.start and t.end <= dated_before.start]
        relative_aside = False
        if before_date and (_ORDER_WORDS[word] == "within" or any(t.pos == "verb" for t in before_date)):
            # "reached the port on 12 July, during the stoppage, was left …", "lodged the
            # statements on 11 June, ahead of the hearing, and the judges said …": the phrase is
            # set off after the date of the event before it, and says when that was
            verbs = [t for t in before_date if t.pos == "verb"]
            subject = verbs[-1] if verbs and _ORDER_WORDS[word] != "within" else before_date[-1]
            # (the event the date is of, where the text says: "confirmed the decision in a statement
            # on 3 February, after the defeat": the decision)
            dated = [t for t in before_date
                     if any(b.dated_by.get((t.start, part)) is dated_before for part in Part)]
            if dated and _ORDER_WORDS[word] != "within":
                subject = dated[-1]
            # ("written by Thomas Rendle, then 27, who was born in the spring of 1871, during the
            # gale of late November 1898": after a relative clause set off, the phrase may be the
            # main clause's, a doubt)
            relative_aside = _in_relative_after_past(text, sentence.start, subject.start)
        elif dated_before is not None and (set_off or closing) and words_between(
            text, sentence.start, dated_before.signal_start or dated_before.start
        ) > 0:
            # "Its last major repair was in 1998, after a similar storm, and users say …": the
            # phrase is set off after the date of a clause with no event word, not the next one's
            subject = None
        elif (cleft := _CLEFT_LEAD.search(text, clause_start, match.start())) is not None and (
            words_between(text, clause_start, cleft.start()) == 0
        ):
            # "It was only after that announcement that parents started the petition": the clause
            # after the "that" is the one ordered
            that = _CLEFT_THAT.search(text, obj.end, sentence.end)
            subject = next((t for t in triggers if that is not None and t.start >= that.end()
                            and t.pos == "verb"), None)
        elif opening or fronted or set_off:
            # "After B, A": the first event of the next clause (past a date in apposition)
            subject = main_clause_event(text, triggers, obj, clause_end) if "," in text[
                obj.end:sentence.end
            ] else None
            inverted = _INVERTED.search(text, obj.end, sentence.end) if subject is None and opening else None
            if inverted is not None:
                # "Only after the vote was counted did they sign": the inverted main clause
                subject = next((t for t in triggers if t.start >= inverted.end() and t.pos == "verb"), None)
        else:
            # the event of the signal's own clause; none there means no claim
            left = [t for t in triggers if clause_start <= t.start and t.end <= match.start()]
            if not left and not text[clause_start:match.start()].strip(" ,"):
                # "A, after B": the clause the signal's clause follows, and only that one
                previous_start, _ = clause_of(cuts, max(sentence.start, clause_start - 1))
                left = [t for t in triggers if previous_start <= t.start and t.end <= match.start()]
            if not left and _RELATIVE_PRONOUN.fullmatch(text, clause_start, match.start()):
                # "the profit warning that followed Mr Coyle's departure": the noun the relative
                # clause is of
                left = [t for t in triggers if t.pos == "noun" and t.end <= clause_start
                        and _NOUN_BEFORE_RELATIVE.fullmatch(text, t.end, clause_start)]
                if left and objects[0].pos == "noun":
                    obj = objects[0]  # (the verb after its object is the main clause's: "… began")
            subject = left[-1] if left else None
            # ("Her resignation, submitted on 19 September, came days after …": past a participle
            # set off after the subject, the subject's own verb)
            aside = _PARTICIPLE_ASIDE.match(text, subject.end) if subject is not None else None
            predicate_from = aside.end() if aside is not None and aside.end() <= match.start() else (
                subject.end if subject is not None else 0)
            if subject is not None and (other_predicate(text, predicate_from, match.start())
                                        or _VERB_AFTER_PHRASE.search(text, predicate_from, match.start())):
                # "The transmitter bought second-hand in 2015 failed during a thunderstorm": a
                # verb the lexicon lacks stands between, and the phrase is its clause's
                subject = None
            if subject is not None and _EXCEPTION_BETWEEN.search(text, subject.end, match.start()):
                subject = None  # "built in 1891 and, apart from a new roof after the fire of 1946, …"
            if subject is not None and "," in text[subject.end:match.start()] and (
                subject.event_class in ("reporting", "announcement")
                or subject.lemma in _INTENTION_VERBS
                or subject.text.lower() in _INTENTION_VERBS
                or words_between(text, subject.end, match.start()) > 12
            ):
                subject = None  # "pledged to convert it, following the election": the pledge's content
        that = _THAT_CLAUSE.search(text, subject.end, match.start()) if subject is not None else None
        if subject is not None and that is not None and not (
            subject.pos == "noun" and not text[subject.end:that.start()].strip()
        ):
            # "Checks showed that the guard … cracked on Sunday 7 July, before the third batch was
            # packed": the order is of the clause after the "that", not of the checks (but "the
            # warning that followed his departure" orders the warning)
            continue
        if subject is None or subject is obj:
            continue
        if not is_asserted(text, subject) or not is_asserted(text, obj):
            continue
        subject_target = resolve(text, subject, triggers, cuts)
        object_target = resolve(text, obj, triggers, cuts)
        a = Endpoint(b.event(subject_target.trigger, here), subject_target.side)
        o = Endpoint(b.event(object_target.trigger, here), object_target.side)
        if a.event == o.event:
            continue
        span = b.span(subject.start, subject.end, match.start(), obj.end)
        grade = Grade.WEAK if relative_aside else Grade.STRONG
        if _ORDER_WORDS[word] == "within":
            # "reached the port on 12 July, during the stoppage": it began while the other went on
            b.gap_claim(Endpoint(o.event, Side.START), Endpoint(a.event, Side.START), Gap(0, None, ""), span,
                        ConflictKind.ORDER, grade=grade)
            b.gap_claim(Endpoint(a.event, Side.START), Endpoint(o.event, Side.END), Gap(0, None, ""), span,
                        ConflictKind.ORDER, grade=grade)
            continue
        if _ORDER_WORDS[word] == "until":
            # "She served … from 1971 until she retired in 1989": it went on until the other began
            # (a verb that lasts, the clause's own: not "joined in 1955 and taught there for 37
            # years, until her retirement", whose "until" is the teaching's)
            if subject.punctual or subject.pos != "verb" or other_predicate(text, subject.end, match.start()):
                continue
            b.gap_claim(Endpoint(o.event, Side.START), Endpoint(a.event, Side.END), Gap(0, None, ""), span,
                        ConflictKind.ORDER, grade=grade)
            continue
        later, earlier = (a, o) if _ORDER_WORDS[word] == "later" else (o, a)
        b.gap_claim(earlier, later, Gap(0, None, ""), span, ConflictKind.ORDER, grade=grade)
        if earlier is o and o.side is Side.START and obj.pos == "noun":
            b.ordered.append((o, a, span))  # "conceded after the recount": maybe after its end


_THAT_CLAUSE = lazy_compile(
    r"\bthat\b(?![ \t]+(?:day|night|morning|afternoon|evening|week|month|year|time)\b)")
# a past verb of a main clause: "were written", "lodged"
_PAST_VERB = lazy_compile(r"\b(?:(?:was|were|had been|has been|have been)\s+[a-z]+|[a-z]{3,}ed)\b")


def _in_relative_after_past(text: str, sentence_start: int, at: int) -> bool:
    """Is the word at ``at`` in a relative clause set off after a main clause that tells a past
    act of its own ("These entries were written by Thomas Rendle, then 27, who was born …")?"""
    relatives = list(_SET_OFF_RELATIVE.finditer(text, sentence_start, at))
    if not relatives or "," in text[relatives[-1].end():at]:
        return False  # (closed before it: "Hollin Aggregates, which has worked … since 1987, lodged")
    return _PAST_VERB.search(text, sentence_start, relatives[-1].start()) is not None


def after_dated_ends(b: Builder) -> None:
    """"Harlow conceded on 28 October, after the recount … The recount ended on 30 October":
    an order word orders the starts (a long event may still be going on), but where the text
    dates the end of the event named after "after", what comes after it starts after that end."""
    if not b.ordered:
        return
    # (an end the text dates: "ended on 30 October", "ran from 3 to 9 June"; not a bound from
    # below, "the protests went on into February")
    dated_ends = {c.event for c in b.claims if isinstance(c, TextPeriodClaim) and c.part is Part.END
                  and c.qualifier in (Qualifier.IN, Qualifier.BY) and c.grade is Grade.STRONG}
    for earlier, later, span in b.ordered:
        if earlier.event in dated_ends:
            b.gap_claim(Endpoint(earlier.event, Side.END), later, Gap(0, None, ""), span, ConflictKind.ORDER,
                        note="after its end, which the text dates")
