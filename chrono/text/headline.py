"""A headline's act told again in the story on another day: "Harbour Gallery to reopen on 14 June"
over "The gallery … will reopen to the public on Saturday 21 June".

The headline of a document's metadata (the front matter's ``title``) is not part of its prose:
the reader blanks it with the rest of the metadata, since a headline's words are clipped and its
dates often those of another piece. What it does say plainly is read here on its own: a day
written with its month ("on 14 June") and the act told just before it ("to reopen"). When the
story tells that act once more, with the same verb (or one of the same particular kind: "to
close" over "will shut its doors"), the same tense (a plan for a plan, a past act
for a past act), a day of its own and a word of what it is about in common, the two are one act
and must fall on one day (:class:`chrono.problems.ConflictKind` ``HEADLINE_RETOLD``).

A headline that moves an event ("Harbour festival moved to 19 August") dates what it moves: the
story's telling of that event "now" held on a day of its own must be that day.

Never a guess: a headline whose day the story also gives to such an act, or a story that tells
the act on several days, or no word in common, gives no claim; a hedged headline ("expected to
reopen") or one word in common makes the reading doubtful (a warning at most).
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from chrono.lazy_regex import lazy_compile
from chrono.model import Grade, Part, Qualifier, Span
from chrono.periods import InvalidValue, NotAPeriod, Period, parse_value
from chrono.problems import ConflictKind
from chrono.tagger import Timex, tag
from chrono.text.attachment import IN_FRONT
from chrono.text.builder import Builder
from chrono.text.claims import TextPeriodClaim
from chrono.text.events import Trigger, find_triggers, lexicon
from chrono.text.inflection import singular
from chrono.text.sentences import Sentence
from chrono.text.tense import INFINITIVE, PAST, PLANNED
from chrono.text.vocabulary import vocabulary

__all__ = ["Headline", "headline_of", "headline_retold"]

_WORDS = vocabulary("headline")
_DAY_VALUE = lazy_compile(r"(\d{4})-(\d\d)-(\d\d)")
_WEEK_VALUE = lazy_compile(r"\d{4}-W\d")
_WORD = lazy_compile(r"[A-Za-z][\w'’-]*")
_POSSESSIVE = lazy_compile(r"['’]s?$")
_STOP = _WORDS.set("stop_words")
_HEDGES = lazy_compile(rf"\b(?:{_WORDS.pattern('hedges')})\b", re.IGNORECASE)
_NEGATION = lazy_compile(rf"\b(?:{_WORDS.pattern('negations')})\b|\?", re.IGNORECASE)
_MOVE_VERBS = _WORDS.set("move_verbs")
_HAPPENING_VERBS = _WORDS.set("happening_verbs")
_GENERIC_CLASSES = _WORDS.set("generic_classes")
_SAME_ACTS = {str(lemma): frozenset(map(str, group))
              for group in _WORDS.table("same_acts").values() for lemma in group}
_NOW = lazy_compile(rf"\b(?:{_WORDS.pattern('now_words')})\b", re.IGNORECASE)
# a moved event's new day: "moved to 19 August", "rescheduled for 3 May"
_MOVED_SIGNALS = ("to", "for")
_FROM_DAY_VERBS = _WORDS.set("from_day_verbs")
# between the act and its day, a few words of what it is about ("to close its doors on 30 June")
_ACT_TO_DAY = 40


@attrs.frozen
class Headline:
    """A document's headline, read on its own: its place in the file, its words, its time
    expressions and its event words (offsets into the file)."""

    start: int
    end: int
    words: str
    timexes: tuple[Timex, ...]
    triggers: tuple[Trigger, ...]


def headline_of(text: str, view_text: str, title: str | None, day: str | None,
                day_first: bool, domain_files: tuple[str, ...] = ()) -> Headline | None:
    """The headline ``title`` where the file ``text`` holds it among what its view blanks (its
    metadata), read against the document day ``day`` with the event words of the reading
    (``domain_files``, as the prose's); None when there is none to read."""
    if not title or day is None:
        return None
    start = text.find(title)
    while start != -1 and not view_text[start:start + len(title)].isspace():
        start = text.find(title, start + 1)
    if start == -1:
        return None
    try:
        tagged = tag(title, day, day_first=day_first)
    except ValueError:
        return None
    timexes = tuple(attrs.evolve(t, start=t.start + start, end=t.end + start) for t in tagged.timexes)
    triggers = tuple(attrs.evolve(t, start=t.start + start, end=t.end + start)
                     for t in find_triggers(title, 0, len(title), lexicon(domain_files)))
    return Headline(start, start + len(title), title, timexes, triggers)


def headline_retold(b: Builder, headline: Headline | None) -> None:
    """Claim that the act a headline dates is on the headline's day, when the story tells that
    act again (see the module's docstring)."""
    if headline is None:
        return
    # (a year-less day is the headline's own: only its month and day are compared)
    # (a season or a month beside the day names no other day: "to resume sailings on Monday 3
    # April after winter refit")
    written = [t for t in headline.timexes if t.type == "TIME" or (
        t.type == "DATE" and (_DAY_VALUE.match(t.value) or _WEEK_VALUE.match(t.value)))]
    # (the day written with its number: a weekday or a feast read from a headline's date alone
    # may not be the story's; "by", "from", "before" set no day for the act itself)
    days = [t for t in written if t.type == "DATE" and _DAY_VALUE.fullmatch(t.value) and t.range_id is None
            and any(ch.isdigit() for ch in t.text)]
    if len(days) != 1 or len(written) != 1:
        return
    day = days[0]
    acts = [t for t in headline.triggers if t.pos == "verb" and t.end <= day.start
            and day.start - t.end <= _ACT_TO_DAY and t.event_class not in ("reporting", "causal")]
    # ("40 jobs lost after Aug. 12 blaze guts mill": the day in front of an event noun dates it)
    named = [t for t in headline.triggers if t.pos == "noun" and t.start >= day.end
             and _in_front(headline.words, day.end - headline.start, t.start - headline.start)]
    if not acts and not named:
        return
    act = named[0] if named else acts[-1]
    # (the words besides the day's: "may" in "27 May" hedges nothing)
    said = headline.words[:day.start - headline.start] + " " + headline.words[day.end - headline.start:]
    if _NEGATION.search(said):
        return
    moved = act.lemma in _MOVE_VERBS and act.pos == "verb"
    opens = act.lemma in _FROM_DAY_VERBS
    if act.pos == "verb" and day.signal not in (_MOVED_SIGNALS if moved else (None, "on", "from") if opens
                                                else (None, "on")):
        return
    tellings = _tellings(b, act, moved)
    if not tellings:
        return
    title_words = _words(headline.words, headline.start, day, act)
    told: dict[str, list[tuple[Timex, frozenset[str]]]] = {}
    for trigger, sentence_words in tellings:
        event = b.by_trigger.get(trigger.start)
        if event is None:
            continue
        for offset in b.dated_at.get(event, ()):
            dating = b.timex_at(offset)
            if dating is not None and dating.type in ("DATE", "TIME") and _DAY_VALUE.match(dating.value):
                told.setdefault(event, []).append((dating, sentence_words))
    headline_day = _month_day(day.value)
    if any(_month_day(t.value) == headline_day for datings in told.values() for t, _ in datings):
        return  # the story gives the headline's day to such an act
    if len(told) != 1:
        return  # none dated, or several: which the headline means is not said
    (event, datings), = told.items()
    if len({t.value[:10] for t, _ in datings}) != 1:
        return
    timex, sentence_words = datings[0]
    # a word of what it is about in the telling's own sentence, and, for a sure reading, one
    # more there or in the story's lead (which is about what its headline is about)
    shared = sorted(title_words & sentence_words)
    if not shared and not _lead_tells_undated(b, act, event):
        return
    # ("Grainger's, the department store …, is to close. ¶ The family-run business … will close
    # its doors … on Saturday 20 January": the lead tells the headline's act with no day, and the
    # one telling of it with a day is the story's)
    shared = sorted(title_words & (sentence_words | _lead_words(b)))
    if not shared:
        return
    period = _headline_period(day, timex)
    if period is None:
        return
    sure = len(shared) >= 2 and not _HEDGES.search(said) and not timex.guessed
    of = ", ".join(shared)
    via = f"the headline dates the act the story tells here: the same word '{act.text}', of {of}"
    if moved:
        via = f"the headline moves the event the story tells here to its day: of {of}"
    span = Span(day.start, day.end, "claim")
    b.claims.append(TextPeriodClaim(event, Part.START, Qualifier.IN, period, span,
                                    words=headline.words, conflict_kind=ConflictKind.HEADLINE_RETOLD,
                                    grade=Grade.STRONG if sure else Grade.WEAK, via=via))


def _in_front(words: str, end: int, start: int) -> bool:
    """Does the day ending at ``end`` stand right in front of the noun at ``start`` ("Aug. 12
    blaze", "Monday's vote"; not "2 September after flood repairs")?"""
    gap = IN_FRONT.fullmatch(words, end, start)
    return gap is not None and not any(word.lower() in _STOP for word in _WORD.findall(gap.group()))


def _tellings(b: Builder, act: Trigger, moved: bool) -> list[tuple[Trigger, frozenset[str]]]:
    """The story's tellings of the headline's ``act`` (of the event it moves, when ``moved``),
    each with the words of its sentence."""
    out = []
    for mention in b.mentions:
        trigger = mention.trigger
        if act.pos == "noun":
            # (the noun's own word in the story, told as done: "The blaze broke out on …")
            if trigger.pos == "noun" and trigger.lemma == act.lemma and not mention.planned:
                here = b.contexts.get(mention.sentence_start)
                if here is not None:
                    out.append((trigger, _words_of(b.text, here.sentence.start, here.sentence.end)))
            continue
        if trigger.pos != "verb":
            continue
        here = b.contexts.get(mention.sentence_start)
        if here is None:
            continue
        sentence = here.sentence
        if moved:
            # "The festival … will now take place on Saturday 26 August"
            if trigger.lemma not in _HAPPENING_VERBS or not mention.planned or not _NOW.search(
                    b.text, max(sentence.start, trigger.start - 30), trigger.start):
                continue
        elif not _same_act(act, trigger) or not _same_tense(act, trigger, mention.planned):
            continue
        out.append((trigger, _words_of(b.text, sentence.start, sentence.end)))
    return out


def _lead_tells_undated(b: Builder, act: Trigger, event: str) -> bool:
    """Does the story's first sentence tell the headline's ``act`` as a verb with no day of its
    own, another telling than the dated one of ``event``?"""
    lead = _lead_sentence(b)
    here = b.contexts.get(lead.start) if lead is not None else None
    if here is None or act.pos != "verb" or any(t.type in ("DATE", "TIME") for t in here.timexes):
        return False
    for trigger in here.triggers:
        if trigger.pos == "verb" and _same_act(act, trigger):
            told = b.by_trigger.get(trigger.start)
            return told is None or told == event or told not in b.dated_at
    return False


def _lead_sentence(b: Builder) -> Sentence | None:
    """The story's first sentence out of its headings."""
    return next((s for s in b.sentences if not b.in_heading(s.start)), None)


def _lead_words(b: Builder) -> frozenset[str]:
    """The words of the story's first sentence out of its headings."""
    lead = _lead_sentence(b)
    return _words_of(b.text, lead.start, lead.end) if lead is not None else frozenset()


def _words_of(text: str, start: int, end: int) -> frozenset[str]:
    """The words of ``text[start:end]`` that say what it is about ("Harwell's" is "harwell")."""
    out = set()
    for match in _WORD.finditer(text, start, end):
        word = _POSSESSIVE.sub("", match.group().lower())
        if word not in _STOP:
            out.add(singular(word))
    return frozenset(out)


def _same_act(act: Trigger, trigger: Trigger) -> bool:
    """Does ``trigger`` tell the act the headline's ``act`` does: the same verb, or one of the same
    particular kind ("to close" over "will shut its doors": both a closing)?"""
    return trigger.lemma == act.lemma or trigger.lemma in _SAME_ACTS.get(act.lemma, ()) or (
        trigger.event_class == act.event_class and act.event_class not in _GENERIC_CLASSES)


def _same_tense(act: Trigger, trigger: Trigger, planned: bool) -> bool:
    """Is ``trigger`` told as ``act`` is: a plan for a headline's plan ("to reopen"), a past act
    for a past one ("reopened")? A headline's present ("reopens") may be either."""
    if act.tense in (INFINITIVE, PLANNED):
        return planned
    if act.tense == PAST:
        return not planned
    return True


def _words(title: str, start: int, day: Timex, act: Trigger) -> frozenset[str]:
    """The words of what the headline is about: not its day's, nor its act's, nor small words."""
    blanked = "".join(" " if day.start <= at + start < day.end or act.start <= at + start < act.end else ch
                      for at, ch in enumerate(title))
    return _words_of(blanked, 0, len(blanked))


def _month_day(value: str) -> str:
    return value[5:10]


def _headline_period(day: Timex, told: Timex) -> Period | None:
    """The headline's day, in the year of the story's telling when the headline writes none
    ("14 June" over "Saturday 21 June 2025")."""
    value = day.value[:10]
    if day.anchor is not None:
        value = told.value[:4] + value[4:]
    try:
        dt.date.fromisoformat(value)
        return parse_value(value)
    except (InvalidValue, NotAPeriod, ValueError):
        return None

