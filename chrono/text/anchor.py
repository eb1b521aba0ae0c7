"""Anchoring: time expressions and event triggers -> events and claims on the interval model.

Leniency (DESIGN.md): each phrase gives the weakest constraint its words justify.

* A date dates the event it is attached to: the nearest event word before it in its clause, or,
  when the date opens the clause ("On Monday, ..."), the first one after it; a date right in
  front of an event noun ("the 2024 election") dates that noun. Punctual events (an attack, a
  signing, a death) lie *within* the period; states and processes only *overlap* it.
* Signals: ``by`` bounds the end, ``since`` places the start and keeps the event going at the
  DCT, ``until`` bounds the end, ``before``/``after`` bound one side, ``from … to …`` places both
  ends, ``between … and …`` bounds both.
* Aspectual verbs move the date to their event's start or end ("the operation, which began in
  the summer of 2024"); light verbs move it to their subject ("the summit was held on …").
* Event order words (after, before, following, prior to, followed by) order the starts:
  "A after B" says A does not start before B starts. Metric offsets ("two days later", "a week
  after the signing", "the next day") give start-to-start distances with one unit of slack.
* Durations ("a ten-day visit", "lasted three weeks") give lengths with one unit of slack.
* Causal verbs ("allowed them to seize") say the effect does not start before the cause.
* Precedence pairs (chrono/data/precedence.yaml and the configured files) say the second event
  does not end before the first starts, when both share an argument in the same paragraph.
* A completed past event, a report and a "since" date cannot start after the DCT's day.

Nothing is claimed for events that the clause does not assert (future, modal, negated,
conditional), and a date whose year the tagger guessed is dropped when it contradicts the tense.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence

import attrs

from chrono.knowledge import precedence_pairs
from chrono.model import Claim, Endpoint, Event, EventExists, Gap, Part, Qualifier, Side, Span
from chrono.options import ReadingOptions
from chrono.periods import DAY, HOUR, MINUTE, WEEK, InvalidValue, NotAPeriod, Period, parse_value
from chrono.problems import ConflictKind, Problem, ProblemKind
from chrono.tagger import Timex
from chrono.text import events as ev
from chrono.text.claims import (
    TextDurationClaim,
    TextGapClaim,
    TextPeriodClaim,
)
from chrono.text.sentences import Sentence

YEAR = 365 * DAY
MONTH = 30 * DAY

def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())

_UNITS = {"S": 1, "MIN": MINUTE, "H": HOUR, "D": DAY, "W": WEEK, "M": MONTH, "Y": YEAR,
          "DE": 10 * YEAR, "CE": 100 * YEAR}
_UNIT_WORDS = {"second": 1, "minute": MINUTE, "hour": HOUR, "day": DAY, "week": WEEK,
               "fortnight": 2 * WEEK, "month": MONTH, "year": YEAR, "decade": 10 * YEAR}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "several": 0, "few": 0, "a few": 0, "some": 0,
}


@attrs.frozen
class Built:
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()


# ---------------------------------------------------------------------------------------------
# Data


# ---------------------------------------------------------------------------------------------
# Patterns

_CLAUSE = re.compile(
    r"[;:(){}\[\]]|—|–|\s-\s|\"|“|”"
    r"|,\s*(?:which|who|whom|whose|although|though|while|whereas|but|because|so|yet|when|where"
    r"|after|before|as|since|until|if|unless|once|and|or)\b"
    r"|\b(?:although|though|whereas|because|unless|that)\b"
)
_ACCORDING = re.compile(r"\baccording\s+to\b[^,.;]*\Z", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[\s'’s]*([A-Za-z][\w-]*)")
_DUE = re.compile(
    r"\b(?:due|payable|of\s+record|maturing|matures|expiring|expires|expire|through|thru|"
    r"(?:year|quarter|period|months?|weeks?|half|season)\s+(?:ending|ended|ends|to))\s+(?:in\s+|on\s+)?\Z",
    re.IGNORECASE,
)
_FUNCTION_WORDS = _set(
    "and or but nor to when as that the a an in on at for with by from after before was were is are "
    "has had have will would could should can may might he she it they we i you his her their its "
    "this these those there which who whom whose while until since than so if then also said says "
    "not did does do been be being of ago earlier later"
)
_DETERMINER = _set("the a an its his her their our this that these those")


def _is_object_gap(gap: str) -> bool:
    """Words between a verb and its object noun: "signed the", "reached a tentative", "held"."""
    words = gap.split()
    if (gap and not gap[0].isspace()) or not gap.endswith((" ", "\n", "\t")) or len(words) > 3:
        return False
    if any(not w.isalpha() and "-" not in w for w in words):
        return False
    if words and words[0].lower() not in _DETERMINER:
        return not words or (len(words) == 1 and words[0].lower() in ("new", "first", "second", "final"))
    return all(w.lower() not in _FUNCTION_WORDS for w in words[1:])
_APPROX_BEFORE = re.compile(r"\b(?:about|around|some|nearly|almost|roughly|approximately|over|under|"
                            r"more\s+than|less\s+than|at\s+least)\s+\Z", re.IGNORECASE)
_NAMED_DAY = re.compile(r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_PAST_PHRASE = re.compile(
    r"\s+(?:in|during|after|following|by|at)\s+(?:a|an|the|this|that|its|his|her|their)\s+(?:[\w-]+\s+){0,2}",
    re.IGNORECASE,
)
_COORDINATED = re.compile(r"\b(?:and|then)\s+(?:then\s+|later\s+|also\s+)?\Z", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:the|this|that|his|her|its|their)\s+\Z", re.IGNORECASE)
_GENERIC_CLASSES = frozenset({"occurrence", "state", "reporting", "announcement"})
_LIGHT = frozenset({"hold", "take place", "happen", "occur", "run", "last", "continue"})
_IRREALIS_NOUN = re.compile(
    r"\b(?:planned|proposed|expected|possible|potential|future|upcoming|next|scheduled|"
    r"prospective|hoped-for|no|any|would-be|canceled|cancelled|postponed|scrapped|called\s+off)"
    r"\s+(?:[\w-]+\s+){0,4}\Z",
    re.IGNORECASE,
)
_ORDER = re.compile(r"\b(after|before|following|prior\s+to|followed\s+by|preceded\s+by)\b", re.IGNORECASE)
_OFFSET = re.compile(
    r"\b(?:(?P<num>\d{1,3}|a\s+few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|several|some)"
    r"\s+(?P<unit>minute|hour|day|week|fortnight|month|"
    r"year|decade)s?\s+(?P<dir>later|earlier|afterwards?|before|after)"
    r"|the\s+(?P<rel>next|following|previous|preceding)\s+(?P<unit2>day|week|month|year|morning|evening)"
    r"|(?P<daybefore>the\s+day\s+(?:before|after))(?!\s+(?:the|a|an|his|her|their|its)\b)"
    r")\b",
    re.IGNORECASE,
)
_OFFSET_HINT = re.compile(r"later|earlier|afterward|before|after|next|following|previous|preceding",
                          re.IGNORECASE)
_NAMED_HINT = re.compile(
    r"(?:Battle|War|Summit|Treaty|Accord|Agreement|Games|Olympics|Cup|Conference|Election|Revolution|"
    r"Uprising|Siege|Offensive|Championship|Marathon|Festival|Expo|Referendum|Congress|Convention|"
    r"Massacre|Crisis)\b"
)
_NAMED = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){0,4}(?:Battle|War|Summit|Treaty|Accord|Accords|Agreement|Games|"
    r"Olympics|Cup|Conference|Election|Revolution|Uprising|Siege|Offensive|Championship|"
    r"Championships|Marathon|Festival|Expo|Referendum|Congress|Convention|Massacre|Crisis)"
    r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’-]+){1,3})?)"
)
_NAMED_PUNCTUAL = frozenset({"summit", "treaty", "accord", "accords", "agreement", "election",
                             "referendum", "massacre", "marathon", "battle", "conference"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_STOP = _set("""a an the of in on at by for to from with and or but as that this these those it its he she
    they them his her their we our you your i me my was were is are be been being has have had will
    would could should may might can not no yes also said says say which who whom whose when where
    while after before since until than then there here into over under about up down out off more
    most some any all each other such only own same so too very just one two three first last new
    year years month months day days week weeks time percent mr mrs ms dr according reported""")
_ANAPHORS = _set("it its this these that those he she his her they their him them")


def _count(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _duration_of(value: str) -> int | None:
    """Seconds of a single-unit TIMEX3 duration ("P10D", "PT5H", "P3Y"), else None."""
    match = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)(Y|M|W|D|DE|CE)|T(\d+(?:\.\d+)?)(H|M|S))", value)
    if match is None:
        return None
    if match.group(1):
        return int(float(match.group(1)) * _UNITS[match.group(2)])
    unit = {"H": "H", "M": "MIN", "S": "S"}[match.group(4)]
    return int(float(match.group(3)) * _UNITS[unit])


def _unit_of(value: str) -> int:
    match = re.fullmatch(r"P(?:[\d.]+(Y|M|W|D|DE|CE)|T[\d.]+(H|M|S))", value)
    if match is None:
        return DAY
    if match.group(1):
        return _UNITS[match.group(1)]
    return _UNITS[{"H": "H", "M": "MIN", "S": "S"}[match.group(2)]]


# ---------------------------------------------------------------------------------------------
# The builder


class _Builder:
    def __init__(self, text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex],
                 dct: Period | None, options: ReadingOptions) -> None:
        self.text = text
        self.sentences = sentences
        self.timexes = timexes
        self.timex_starts = [t.start for t in timexes]
        self.dct = dct
        self.options = options
        self.events: dict[str, Event] = {}
        self.by_trigger: dict[int, str] = {}
        self.claims: list[Claim] = []
        self.problems: list[Problem] = []
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        # events dated by an expression, in text order: (offset, event id); the offsets again,
        # as a list to bisect and a set to test, so lookups need not scan every earlier date
        self.dated: list[tuple[int, str]] = []
        self.dated_offsets: list[int] = []
        self.dated_set: set[int] = set()
        self.dct_claimed: set[str] = set()
        self.dated_parts: set[tuple[int, Part]] = set()
        self.tense: dict[str, str] = {}
        # named events in text order; they never overlap (one match per stretch of a sentence)
        self.named_spans: list[tuple[int, int, str, bool]] = []
        self.named_starts: list[int] = []
        self.paragraph = 0
        self.window_start = 0
        self.current: list[ev.Trigger] = []  # the triggers of the sentence being read
        self.current_sentence = Sentence(0, 0, 0)
        self.current_timexes: list[Timex] = []
        self.by_sentence: dict[int, list[ev.Trigger]] = {}
        # first asserted mention of each event class (or generic lemma) per paragraph
        self.mentions: dict[tuple[int, str], tuple[int, ev.Trigger]] = {}

    # -- events ---------------------------------------------------------------------------------

    def where(self, offset: int) -> str:
        line = bisect.bisect_right(self.line_starts, offset)
        return f"{line}:{offset - self.line_starts[line - 1] + 1}"

    def event(self, trigger: ev.Trigger) -> str:
        known = self.by_trigger.get(trigger.start)
        if known is not None:
            return known
        antecedent = self.antecedent(trigger)
        if antecedent is not None:
            self.by_trigger[trigger.start] = antecedent
            return antecedent
        partner = self.verb_object(trigger)
        if partner is not None:
            if trigger.pos == "noun":
                shared = self.event(partner)
                self.by_trigger[trigger.start] = shared
                return shared
            known = self.by_trigger.get(partner.start)
            if known is not None:
                self.by_trigger[trigger.start] = known
                return known
        named = self.named_at(trigger.start)
        if named is not None:
            self.by_trigger[trigger.start] = named
            return named
        event_id = f"'{' '.join(trigger.text.split())}' ({self.where(trigger.start)})"
        span = Span(trigger.start, trigger.end, "event")
        self.events[event_id] = Event(event_id, trigger.text, span, None, trigger.event_class)
        self.claims.append(EventExists(event_id, span))
        self.by_trigger[trigger.start] = event_id
        self.tense[event_id] = trigger.tense
        return event_id

    def named_at(self, offset: int) -> str | None:
        """The key of the named event whose words cover ``offset``, if any."""
        i = bisect.bisect_right(self.named_starts, offset) - 1
        if i >= 0 and offset < self.named_spans[i][1]:
            return self.named_spans[i][2]
        return None

    def add_named(self, start: int, end: int, key: str, punctual: bool) -> None:
        self.named_spans.append((start, end, key, punctual))
        self.named_starts.append(start)

    def add_dated(self, dated: Iterable[tuple[int, str]]) -> None:
        """Events dated in the sentence just read (offsets after every earlier one)."""
        for offset, event_id in dated:
            self.dated.append((offset, event_id))
            self.dated_offsets.append(offset)
            self.dated_set.add(offset)

    def last_dated(self, lo: int, hi: int, other_than: str) -> tuple[int, str] | None:
        """The last event dated at an offset in [lo, hi) that is not ``other_than``."""
        first = bisect.bisect_left(self.dated_offsets, lo)
        for i in range(bisect.bisect_left(self.dated_offsets, hi) - 1, first - 1, -1):
            if self.dated[i][1] != other_than:
                return self.dated[i]
        return None

    def antecedent(self, trigger: ev.Trigger) -> str | None:
        """"the signing" after "signed": a definite event noun names the event mentioned before
        in the same paragraph (same class, or same lemma for the generic classes)."""
        if trigger.pos != "noun" or trigger.event_class == "named":
            return None
        if not _DEFINITE.search(self.text, max(0, trigger.start - 12), trigger.start):
            return None
        key = trigger.lemma if trigger.event_class in _GENERIC_CLASSES else trigger.event_class
        found = self.mentions.get((self.paragraph, key))
        if found is None or found[0] >= trigger.start:
            return None
        return self.event(found[1])

    def verb_object(self, trigger: ev.Trigger) -> ev.Trigger | None:
        """"launched its campaign", "signed the treaty", "held talks": a verb and the event noun
        it takes as object name one event. Returns the partner of ``trigger``."""
        if trigger.event_class == "named":
            return None
        for other in self.current:
            verb, noun = (other, trigger) if trigger.pos == "noun" else (trigger, other)
            if verb.pos != "verb" or noun.pos != "noun" or noun.event_class == "named":
                continue
            if verb.event_class in ("reporting", "begin", "end", "causal") or not ev.asserted(verb):
                continue
            if verb.end <= noun.start and _is_object_gap(self.text[verb.end:noun.start]):
                return other
        return None

    def mention(self, paragraph: int, trigger: ev.Trigger) -> None:
        key = trigger.lemma if trigger.event_class in _GENERIC_CLASSES else trigger.event_class
        self.mentions.setdefault((paragraph, key), (trigger.start, trigger))

    def named_event(self, start: int, end: int) -> tuple[str, bool]:
        name = " ".join(self.text[start:end].split())
        key = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).lower()
        head = next((w for w in reversed(key.split(" of ")[0].split()) if w), key)
        punctual = head in _NAMED_PUNCTUAL
        if key not in self.events:
            span = Span(start, end, "event")
            self.events[key] = Event(key, name, span, key, "named")
            self.claims.append(EventExists(key, span))
            self.tense[key] = ev.NOMINAL
        return key, punctual

    # -- claims ---------------------------------------------------------------------------------

    def span(self, *offsets: int) -> Span:
        return Span(min(offsets), max(offsets), "claim")

    def period_claim(self, event_id: str, part: Part, qualifier: Qualifier, period: Period,
                     span: Span, *, ongoing: int | None = None, rule: ConflictKind | None = None) -> None:
        self.claims.append(TextPeriodClaim(event_id, part, qualifier, period, span, ongoing,
                                           words=self.text[span.start:span.end], conflict_kind=rule))

    def gap_claim(self, first: Endpoint, second: Endpoint, gap: Gap, span: Span,
                  rule: ConflictKind | None) -> None:
        self.claims.append(TextGapClaim(first, second, gap, span,
                                        words=self.text[span.start:span.end], conflict_kind=rule))

    def dct_claim(self, event_id: str, span: Span, *, force: bool = False) -> None:
        if self.dct is None or event_id in self.dct_claimed:
            return
        if not force and self.tense.get(event_id) not in (ev.PAST, ev.PERFECT, ev.PLUPERFECT):
            return
        self.dct_claimed.add(event_id)
        self.period_claim(event_id, Part.START, Qualifier.BY, self.dct, span, rule=ConflictKind.AFTER_DCT)


def _clause_bounds(text: str, sentence: Sentence) -> list[int]:
    cuts = [sentence.start]
    cuts.extend(m.start() for m in _CLAUSE.finditer(text, sentence.start, sentence.end))
    cuts.append(sentence.end)
    return cuts


def _clause_of(cuts: list[int], offset: int) -> tuple[int, int]:
    i = bisect.bisect_right(cuts, offset) - 1
    i = max(0, min(i, len(cuts) - 2))
    return cuts[i], cuts[i + 1]


def _words_between(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b)) if b > a else 0


def build(text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex], dct: Period | None,
          options: ReadingOptions) -> Built:
    b = _Builder(text, sentences, timexes, dct, options)
    offsets = [t.start for t in timexes]
    all_triggers: list[tuple[Sentence, ev.Trigger]] = []
    previous: Sentence | None = None
    for sentence in sentences:
        # "two days later" refers to an event of this sentence or of the one before (same paragraph)
        same = previous is not None and previous.paragraph == sentence.paragraph
        b.window_start = previous.start if same and previous is not None else sentence.start
        previous = sentence
        lo = bisect.bisect_left(offsets, sentence.start)
        hi = bisect.bisect_left(offsets, sentence.end)
        sent_timexes = [t for t in timexes[lo:hi] if t.end <= sentence.end]
        triggers = _sentence_triggers(b, sentence)
        all_triggers.extend((sentence, t) for t in triggers)
        b.paragraph = sentence.paragraph
        b.current = triggers
        b.by_sentence[sentence.start] = triggers
        for t in triggers:
            if t.pos == "verb" and ev.asserted(t) and t.event_class not in ("begin", "end", "causal"):
                b.mention(sentence.paragraph, t)
        if not triggers:
            continue
        _anchor_sentence(b, sentence, triggers, sent_timexes)
    _precedence(b, all_triggers)
    return Built(tuple(b.events.values()), tuple(b.claims), tuple(b.problems))


def _sentence_triggers(b: _Builder, sentence: Sentence) -> list[ev.Trigger]:
    triggers = ev.find_triggers(b.text, sentence.start, sentence.end, ev.lexicon(b.options.domain_files))
    # Named events ("the Geneva Summit", "the Battle of Kursk") are triggers of their own.
    named = _NAMED.finditer(b.text, sentence.start, sentence.end) if _NAMED_HINT.search(
        b.text, sentence.start, sentence.end) else ()
    for match in named:
        start, end = match.span(1)
        words = b.text[start:end].split()
        if len(words) < 2 and not re.search(r"\b(?:1[89]|20)\d\d\b", b.text[max(0, start - 8):start]):
            continue  # a bare "War" or "Election" at a sentence start is no name
        key, punctual = b.named_event(start, end)
        b.add_named(start, end, key, punctual)
        triggers = [t for t in triggers if not start <= t.start < end]
        triggers.append(ev.Trigger(start, end, b.text[start:end], key, "named", "noun", ev.NOMINAL, punctual))
    triggers.sort(key=lambda t: t.start)
    return triggers


# ---------------------------------------------------------------------------------------------
# One sentence


@attrs.frozen
class _Target:
    trigger: ev.Trigger
    part: Part  # which part of the event the expression dates
    cue: ev.Trigger  # the word the claim cites (the aspectual verb, or the event itself)


def _nominal_asserted(b: _Builder, trigger: ev.Trigger) -> bool:
    return _IRREALIS_NOUN.search(b.text, max(0, trigger.start - 40), trigger.start) is None


def _asserted(b: _Builder, trigger: ev.Trigger) -> bool:
    if trigger.tense == ev.NOMINAL:
        return _nominal_asserted(b, trigger)
    return ev.asserted(trigger)


def _aspect_argument(b: _Builder, trigger: ev.Trigger, triggers: list[ev.Trigger],
                     cuts: list[int]) -> ev.Trigger | None:
    text = b.text
    index = triggers.index(trigger)
    following = triggers[index + 1] if index + 1 < len(triggers) else None
    if following is not None and following.event_class not in ("begin", "end"):
        gap = text[trigger.end:following.start]
        if "," not in gap and _words_between(text, trigger.end, following.start) <= 3 and not re.search(
            r"\b(?:in|on|at|by|since|until)\b", gap
        ):
            return following
    before = text[max(0, trigger.start - 40):trigger.start]
    relative = re.search(r",\s*(?:which|that)\s+(?:\w+\s+){0,2}\Z", before)
    if relative is not None:
        comma = trigger.start - len(before) + relative.start()
        nouns = [t for t in triggers[:index] if t.pos == "noun" and t.end <= comma]
        if nouns and _words_between(text, nouns[-1].end, comma) <= 6:
            return nouns[-1]
        return None
    edge = trigger.start
    skipped = _CAUSAL_LEFT.search(text, max(0, edge - 200), edge)
    if skipped is not None:  # "the strike, which lasted three weeks, ended …": skip the relative clause
        edge = skipped.start()
    clause_start, _ = _clause_of(cuts, max(0, edge - 1))
    for t in reversed([t for t in triggers[:index] if t.end <= edge]):
        if t.start < clause_start:
            break
        if t.pos == "verb":
            # "the strike began on 10 March and ended on 2 April": coordinated aspectual verbs
            # share their subject
            if t.event_class in ("begin", "end") and t.event_class != trigger.event_class and re.fullmatch(
                r"[^,;]*\s(?:and|but|then)\s+(?:\w+\s+)?", text[t.end:trigger.start]
            ):
                return _aspect_argument(b, t, triggers, cuts)
            break
        if _COMPOUND_HEAD.fullmatch(text, t.end, edge):
            return None  # "Election officials finished …": the noun modifies the subject
        if _words_between(text, t.end, edge) <= 8:
            return t
    return None


_COMPOUND_HEAD = re.compile(r"\s+(?!(?:always|also|thus|perhaps|afterwards|sometimes|besides)\s)[a-z]+s\s+")


def _relative_antecedent(b: _Builder, offset: int, triggers: list[ev.Trigger]) -> ev.Trigger | None:
    """The event noun a relative clause starting just before ``offset`` is about ("the summit,
    which lasted …")."""
    before = b.text[max(0, offset - 40):offset]
    relative = re.search(r"(?:,\s*|\s)(?:which|that)\s+(?:\w+\s+){0,2}\Z", before)
    if relative is None:
        return None
    comma = offset - len(before) + relative.start()
    nouns = [t for t in triggers if t.pos == "noun" and t.end <= comma]
    if nouns and _words_between(b.text, nouns[-1].end, comma) <= 6:
        return nouns[-1]
    return None


def _subject_noun(b: _Builder, trigger: ev.Trigger, triggers: list[ev.Trigger],
                  cuts: list[int]) -> ev.Trigger | None:
    edge = trigger.start
    relative = _CAUSAL_LEFT.search(b.text, max(0, edge - 200), edge)
    if relative is not None:  # "the summit, which lasted two days, ran …": skip the relative clause
        edge = relative.start()
    clause_start, _ = _clause_of(cuts, max(0, edge - 1))
    for t in reversed([t for t in triggers if t.end <= edge]):
        if t.start < clause_start or t.pos == "verb":
            return None
        if _words_between(b.text, t.end, edge) <= 8:
            return t
    return None


def _clause_head(b: _Builder, noun: ev.Trigger, triggers: list[ev.Trigger]) -> ev.Trigger:
    """"after a fire gutted the building": the event of a clause is its verb, not its subject."""
    if noun.pos != "noun":
        return noun
    following = [t for t in triggers if t.start >= noun.end]
    if following and following[0].pos == "verb" and ev.asserted(following[0]) and (
        _words_between(b.text, noun.end, following[0].start) == 0
    ):
        return following[0]
    return noun


def _resolve(b: _Builder, trigger: ev.Trigger, triggers: list[ev.Trigger], cuts: list[int]) -> _Target:
    """The event and part a date attached to ``trigger`` really dates."""
    if trigger.event_class in ("begin", "end") and trigger.pos == "verb":
        argument = _aspect_argument(b, trigger, triggers, cuts)
        if argument is not None:
            return _Target(argument, Part.START if trigger.event_class == "begin" else Part.END, trigger)
    if trigger.pos == "noun" and trigger.lemma in _SETTINGS and _AT_SETTING.search(
        b.text, max(0, trigger.start - 40), trigger.start
    ):
        # "signed the treaty at a ceremony in Zagreb on 12 May": the verb the ceremony hosts
        clause_start, _ = _clause_of(cuts, trigger.start)
        verbs = [t for t in triggers if clause_start <= t.start and t.end <= trigger.start]
        if verbs and verbs[-1].pos == "verb" and ev.asserted(verbs[-1]) and verbs[-1].event_class not in (
            "reporting", "begin", "end", "causal"
        ) and _words_between(b.text, verbs[-1].end, trigger.start) <= 8:
            return _Target(verbs[-1], Part.WHOLE, verbs[-1])
    if trigger.lemma in _LIGHT and trigger.pos == "verb":
        subject = _relative_antecedent(b, trigger.start, triggers)
        subject = subject or _subject_noun(b, trigger, triggers, cuts)
        if subject is not None:
            return _Target(subject, Part.WHOLE, trigger)
    return _Target(trigger, Part.WHOLE, trigger)


_SETTINGS = _set("ceremony ceremonies reception gala banquet event session sitting")
_AT_SETTING = re.compile(r"\b(?:at|during)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)


_IRREGULAR_PAST = _set(
    "will would can could may might shall should must do does did "
    "was were had made went came got took gave became began said told left won lost held ran saw "
    "found kept put set met led brought bought sold thought felt stood fell rose grew knew wrote "
    "spent built sent paid heard is are has"
)


def _looks_finite(word: str) -> bool:
    low = word.lower()
    return low in _IRREGULAR_PAST or (len(low) > 4 and low.endswith("ed") and not word[:1].isupper())


_NEXT_PREDICATE = re.compile(
    r"(?:,|\b(?:and|but|or|then))\s+(?:(?:then|later|also|soon|eventually|finally|\w+ly)\s+)?([a-z][\w'’-]*)"
)


def _other_predicate(text: str, a: int, b: int) -> bool:
    """Does a verb of another clause stand between ``a`` and ``b`` ("studied in Leeds and worked
    in Bonn for a decade")? A phrase there belongs to that verb, not to a trigger before it."""
    return any(_looks_finite(m.group(1)) for m in _NEXT_PREDICATE.finditer(text, a, b))


_OPENING_PARTICIPLE = re.compile(
    r"[\s\"“]*(?:[A-Z][a-z]{2,}ed|Born|Known|Grown|Taken|Given|Written|Chosen|Built|Held|Made|Sent|"
    r"Brought|Caught|Taught|Thrown|Drawn|Shown|Hidden|Beaten|Sworn|Driven|Forced)\b"
)


def _prenominal(text: str, timex: Timex, triggers: list[ev.Trigger]) -> bool:
    """A date used as a modifier of a thing ("a 1987 Chevrolet", "the 1995 law")."""
    if timex.signal is not None:
        return False
    following = _NEXT_WORD.match(text, timex.end)
    if following is None:
        return False
    word = following.group(1)
    if word.lower() in _FUNCTION_WORDS:
        return False
    return not any(t.start == following.start(1) and t.pos == "verb" for t in triggers)


def _attach(b: _Builder, timex: Timex, triggers: list[ev.Trigger], cuts: list[int]) -> ev.Trigger | None:
    text = b.text
    left_edge = timex.signal_start if timex.signal_start is not None else timex.start
    # a date right in front of an event noun dates the noun ("the 2024 election", "Monday's raid")
    for t in triggers:
        if t.start >= timex.end and t.pos == "noun":
            between = text[timex.end:t.start]
            word = between.split()[0].lower() if between.split() else ""
            if re.fullmatch(r"(?:['’]s)?\s+(?:[\w-]+\s+)?", between) and word not in _FUNCTION_WORDS:
                return t
            break
    if _prenominal(text, timex, triggers):
        return None
    if _DUE.search(text, max(0, left_edge - 30), left_edge):
        return None  # "notes due March 15, 2007": a term, not an event's date
    clause_start, clause_end = _clause_of(cuts, left_edge)
    left = [t for t in triggers if clause_start <= t.start and t.end <= left_edge]
    if left:
        nearest = left[-1]
        words = _words_between(text, nearest.end, left_edge)
        limit = 4 if nearest.event_class == "reporting" else 14
        if _other_predicate(text, nearest.end, left_edge):
            return None  # "reached orbit in May and spent the rest of 2023 …": the other verb's date
        return nearest if words <= limit else None
    right = [t for t in triggers if t.start >= timex.end and t.start < clause_end]
    if right:
        # only a date in front of its verb ("Prosecutors on Monday charged …", "In 2014, she
        # won …"): not after another verb ("turned professional in 2014 and won …")
        prefix = _WORD.findall(text, clause_start, left_edge)
        if any(_looks_finite(w) for w in prefix):
            return None
        if "," in text[timex.end:right[0].start] and _OPENING_PARTICIPLE.match(text, clause_start):
            return None  # "Raised in Leeds in 1950, she studied …": the phrase's own event
        if re.search(r"\b(?:and|but|or|then)\b", text[timex.end:right[0].start]):
            return None
        parenthetical = "," in text[clause_start:left_edge]  # "The Times, in an article on …, noted"
        comma_after = "," in text[timex.end:right[0].start]
        if right[0].event_class == "reporting" and comma_after and not parenthetical:
            return None  # "… in April 2026, NASA said": the date belongs to what was said
        return right[0] if _words_between(text, timex.end, right[0].start) <= 8 else None
    if not text[clause_start:left_edge].strip(" ,;:\"“”—–-") and not text[timex.end:clause_end].strip(
        " ,;:\"“”—–-"
    ):
        # a clause that is only the date ("On Monday, ..."): the next clause's first event
        nxt = [t for t in triggers if t.start >= clause_end]
        if nxt and _words_between(text, timex.end, nxt[0].start) <= 8:
            return nxt[0]
    return None


_PERIOD_SIGNALS = {
    None: "in", "in": "in", "on": "in", "at": "in", "during": "in", "of": "in", "throughout": "in",
    "by": "by", "no later than": "by", "since": "since", "until": "until", "till": "until",
    "til": "until", "through": None, "before": "before", "prior to": "before", "ahead of": "before",
    "after": "after", "following": "after", "from": "from", "starting": "from",
    "starting in": "from", "starting on": "from", "beginning": "from", "beginning in": "from",
    "beginning on": "from", "between": "between", "to": "to", "into": None, "for": None, "over": None,
    "about": "in", "around": "in", "as of": None, "past": None, "up to": "by", "not until": None,
    "ending": "to", "as early as": None, "as late as": None,
}


def _period(b: _Builder, timex: Timex) -> Period | None:
    if timex.type not in ("DATE", "TIME") or timex.value.startswith(("P", "R")):
        return None
    if timex.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return None
    if timex.anchor is not None and re.search(r"T(?:MO|AF|EV|NI|DT)$", timex.value) and not _NAMED_DAY.search(
        timex.text
    ):
        return None  # "overnight", "this morning": relative to a moment the text may not share
    side = _SO_FAR.match(timex.text)
    mod = None if side is not None and timex.anchor is not None else timex.mod
    try:
        period = parse_value(timex.value, mod=mod, hemisphere=b.options.hemisphere, dct=b.dct)
    except (InvalidValue, NotAPeriod, ValueError):
        return None
    if period.start is None and period.end is None:
        return None
    if mod is None and side is not None and b.dct is not None and period.start is not None and (
        period.end is not None
    ):
        # "earlier this year": from the year's start to the DCT, not its first third; "later
        # this year": from the DCT to the year's end
        if side.group(1).lower() == "earlier" and b.dct.end is not None:
            return Period(period.start, max(period.start, min(period.end, b.dct.end)), period.value)
        if side.group(1).lower() == "later" and b.dct.start is not None:
            return Period(min(period.end, max(period.start, b.dct.start)), period.end, period.value)
    return period


_SO_FAR = re.compile(
    r"(earlier|later)\s+(?:this|in\s+the)\s+(?:year|month|week|quarter|season|decade|century)\b",
    re.IGNORECASE,
)
_SUPERLATIVE_SINCE = re.compile(
    r"\b(?:first|last|only|best|worst|most|least|highest|lowest|biggest|largest|smallest|fastest|slowest|"
    r"strongest|weakest|greatest|deepest|longest|shortest|steepest|sharpest|heaviest|earliest|latest|"
    r"warmest|coldest|hottest|wettest|driest|busiest|widest|narrowest|cheapest|quickest|top|record)\b"
    r"[^,.;:]{0,60}\Z",
    re.IGNORECASE,
)


def _anchor_sentence(b: _Builder, sentence: Sentence, triggers: list[ev.Trigger],
                     timexes: list[Timex]) -> None:
    text = b.text
    b.current_sentence, b.current_timexes = sentence, timexes
    cuts = _clause_bounds(text, sentence)
    offsets = (
        [(m.start(), m.end(), m) for m in _OFFSET.finditer(text, sentence.start, sentence.end)]
        if _OFFSET_HINT.search(text, sentence.start, sentence.end) else []
    )
    durations_for: dict[str, list[TextDurationClaim]] = {}
    dated_here: list[tuple[int, str]] = []

    # 1. metric offsets and durations first, so dates of the same events can be read in their light
    for timex in timexes:
        if timex.type == "DURATION":
            _duration(b, timex, triggers, cuts, durations_for)
    ranges: dict[int, dict[str, tuple[Timex, Period]]] = {}
    for timex in timexes:
        if any(a <= timex.start < e or timex.start <= a < timex.end for a, e, _ in offsets):
            continue  # "two days later", "the next day": an offset, read below
        period = _period(b, timex)
        if period is None:
            continue
        if timex.range_id is not None and timex.range_role in ("begin", "end"):
            ranges.setdefault(timex.range_id, {})[timex.range_role] = (timex, period)
            continue
        _date(b, timex, period, triggers, cuts, durations_for, dated_here)
    for pair in ranges.values():
        if "begin" in pair and "end" in pair:
            _range(b, pair["begin"], pair["end"], triggers, cuts, durations_for, dated_here)
    b.add_dated(sorted(dated_here))
    for start, end, match in offsets:
        _offset(b, start, end, match, triggers, cuts, sentence)
    _sequence(b, sentence, triggers, timexes, offsets)
    _order(b, sentence, triggers, cuts, timexes)
    _causal(b, triggers, cuts)
    _reported(b, triggers, cuts)


def _duration(b: _Builder, timex: Timex, triggers: list[ev.Trigger], cuts: list[int],
              durations_for: dict[str, list[TextDurationClaim]]) -> None:
    text = b.text
    length = _duration_of(timex.value)
    if length is None or length <= 0:
        return
    unit = _unit_of(timex.value)
    target: ev.Trigger | None = None
    if timex.signal in (None, "for", "of") or (timex.signal is None):
        after = [t for t in triggers if t.start >= timex.end]
        if after and after[0].pos == "noun" and re.fullmatch(
            r"[\s-]*(?:[\w-]+\s+)?", text[timex.end:after[0].start]
        ) and re.search(r"\w-(?:day|week|month|year|hour|minute)s?\b", timex.text, re.IGNORECASE):
            target = after[0]  # "a ten-day visit"
    if target is None:
        before = text[max(0, timex.start - 30):timex.start]
        lasted = re.search(r"\b(lasted|lasting|lasts|spanned|took)\s+(?:for\s+|only\s+|just\s+)?\Z", before)
        if lasted is not None:
            left = [t for t in triggers if t.end <= timex.start - (len(before) - lasted.start())]
            clause_start, _ = _clause_of(cuts, timex.start)
            left = [t for t in left if t.start >= clause_start]
            if left:
                target = left[-1]
            else:
                target = _relative_antecedent(b, timex.start - (len(before) - lasted.start()), triggers)
        elif timex.signal == "for":
            clause_start, _ = _clause_of(cuts, timex.start)
            left = [t for t in triggers if clause_start <= t.start and t.end <= (timex.signal_start or 0)]
            if left and left[-1].pos == "verb" and left[-1].tense == ev.PAST and not left[-1].punctual and (
                not _other_predicate(text, left[-1].end, timex.signal_start or timex.start)
            ):
                target = left[-1]
    if target is None or not _asserted(b, target):
        return
    resolved = _resolve(b, target, triggers, cuts)
    if resolved.part is not Part.WHOLE:
        return
    event_id = b.event(resolved.trigger)
    mod = timex.mod or ""
    lower: int | None = max(0, length - unit)
    upper: int | None = length + unit
    if mod == "APPROX" or re.search(r"\b(?:about|around|some|nearly|almost|roughly)\b",
                                    text[max(0, timex.start - 12):timex.start + 8], re.IGNORECASE):
        lower, upper = length // 2, 2 * length + unit
    elif mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        upper = None
    elif mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        lower = 0
    if resolved.trigger.tense in (ev.PERFECT, ev.PROGRESSIVE, ev.PRESENT):
        upper = None  # "has served for three years": so far
    span = b.span(timex.start, timex.end, resolved.trigger.start, resolved.trigger.end)
    claim = TextDurationClaim(event_id, Gap(lower, upper, f"{' '.join(timex.text.split())}"), span,
                              words=text[span.start:span.end], conflict_kind=ConflictKind.DURATION)
    b.claims.append(claim)
    durations_for.setdefault(event_id, []).append(claim)


def _date(b: _Builder, timex: Timex, period: Period, triggers: list[ev.Trigger], cuts: list[int],
          durations_for: dict[str, list[TextDurationClaim]], dated_here: list[tuple[int, str]]) -> None:
    signal = _PERIOD_SIGNALS.get(timex.signal) if timex.signal in _PERIOD_SIGNALS else None
    if signal is None and timex.signal is not None:
        return
    if signal is None:
        signal = "in"
    if signal in ("from", "to", "between"):
        signal = {"from": "from", "to": "until", "between": "in"}[signal]
    according = _ACCORDING.search(b.text, max(0, timex.start - 120), timex.start)
    if according is not None:
        # "according to the channel on April 24": the date of a source's report, not of an event
        words = re.match(r"according\s+to", according.group(), re.IGNORECASE)
        _source_report(b, according.start(), according.start() + (words.end() if words else 9), timex, period)
        return
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    if signal == "since" and _SUPERLATIVE_SINCE.search(b.text, max(0, lead - 80), lead):
        return  # "the highest since 2019", "its first title since 2019": a comparison, no event's date
    trigger = _attach(b, timex, triggers, cuts)
    if trigger is None or not _asserted(b, trigger):
        return
    target = _resolve(b, trigger, triggers, cuts)
    if not _asserted(b, target.trigger) and target.trigger.tense != ev.INFINITIVE:
        return
    if (target.trigger.start, target.part) in b.dated_parts:
        return  # one date per event mention: a second one is a comparison or another event's
    b.dated_parts.add((target.trigger.start, target.part))
    event_id = b.event(target.trigger)
    tense = target.cue.tense if target.cue.pos == "verb" else target.trigger.tense
    if tense == ev.NOMINAL:
        tense = _governing_tense(b, target.trigger, triggers)
        if b.tense.get(event_id) == ev.NOMINAL:
            b.tense[event_id] = tense
    explicit = timex.anchor is None
    if b.dct is not None and b.dct.end is not None and period.start is not None and not explicit:
        past = tense in (ev.PAST, ev.PERFECT, ev.PLUPERFECT) or signal == "since"
        if past and period.start >= b.dct.end:
            # the tagger guessed the year: no claim; a day soon after the DCT ("left on 9
            # September" in a text of 2 September) is suspicious, a warning
            if (signal == "in" and re.search(r"\d", timex.text) and DAY <= period.start - b.dct.end < 60 * DAY
                    and tense in (ev.PAST, ev.PERFECT, ev.PLUPERFECT) and b.dct.start is not None):
                lead = timex.signal_start if timex.signal_start is not None else timex.start
                span = b.span(lead, timex.end, target.cue.start, target.cue.end)
                b.problems.append(Problem(
                    ProblemKind.TEXT_AFTER_DCT_INFERRED,
                    f"'{' '.join(b.text[span.start:span.end].split())}' is told as past but, in the "
                    f"document's year, falls after the document date",
                    Span(span.start, span.end, "primary"),
                ))
            return
    span = b.span(timex.signal_start if timex.signal_start is not None else timex.start, timex.end,
                  target.cue.start, target.cue.end)
    rule = ConflictKind.NAMED_EVENT if target.trigger.event_class == "named" else None
    punctual = target.trigger.punctual and tense not in (ev.PROGRESSIVE,) and event_id not in durations_for
    part = target.part
    if signal == "in":
        if part is not Part.WHOLE:
            b.period_claim(event_id, part, Qualifier.IN, period, span, rule=rule)
        elif punctual:
            b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, span, rule=rule)
            dated_here.append((timex.start, event_id))
        else:  # overlap: starts by the period's end, ends no earlier than its start
            b.period_claim(event_id, Part.START, Qualifier.BY, period, span, rule=rule)
            b.period_claim(event_id, Part.END, Qualifier.ON_OR_AFTER, period, span, rule=rule)
    elif signal == "by":
        if tense not in (ev.PAST, ev.PERFECT, ev.PLUPERFECT) or part is Part.START:
            return
        b.period_claim(event_id, Part.END, Qualifier.BY, period, span, rule=rule)
    elif signal == "since":
        ongoing = None
        if b.dct is not None and tense in (ev.PERFECT, ev.PRESENT, ev.PROGRESSIVE):
            ongoing = b.dct.start
        b.period_claim(event_id, Part.START, Qualifier.BY, period, span, rule=rule)
        if ongoing is not None and b.dct is not None:
            b.period_claim(event_id, Part.START, Qualifier.SINCE, period, span, ongoing=ongoing,
                           rule=ConflictKind.AFTER_DCT)
            b.dct_claim(event_id, span, force=True)
    elif signal == "until":
        if part is Part.START or not explicit:
            # "adjourned the trial until 12 June": a year-less "until" often points past the
            # DCT whatever the verb's tense, so the guessed year says nothing
            return
        b.period_claim(event_id, Part.END, Qualifier.BY, period, span, rule=rule)
    elif signal == "before":
        b.period_claim(event_id, Part.START if part is Part.WHOLE else part, Qualifier.BEFORE, period, span,
                       rule=rule)
    elif signal == "after":
        b.period_claim(event_id, Part.END if part is Part.WHOLE else part, Qualifier.AFTER, period, span,
                       rule=rule)
    elif signal == "from":
        b.period_claim(event_id, Part.START if part is Part.WHOLE else part, Qualifier.IN, period, span,
                       rule=rule)
    b.dct_claim(event_id, span)
    if signal == "in" and part is Part.WHOLE and trigger.start >= timex.end:
        _frame(b, timex, period, trigger, triggers, dated_here)


def _frame(b: _Builder, timex: Timex, period: Period, first: ev.Trigger, triggers: list[ev.Trigger],
           dated_here: list[tuple[int, str]]) -> None:
    """"In August 2024 the troops crossed the border and captured the town": a date that opens
    the sentence frames the verbs coordinated with the first one."""
    text = b.text
    sentence_start = b.current_sentence.start
    lead = timex.signal_start if timex.signal_start is not None else timex.start
    if text[sentence_start:lead].strip(" \"“"):
        return
    others = [t.start for t in b.current_timexes if t.start > timex.end]
    limit = others[0] if others else b.current_sentence.end
    for t in triggers:
        if t.start <= first.end or t.start >= limit:
            continue
        if t.pos != "verb" or t.tense != first.tense or not ev.asserted(t) or t.event_class in (
            "reporting", "causal", "begin", "end"
        ):
            continue
        if not _COORDINATED.search(text, max(0, t.start - 20), t.start):
            continue
        if (t.start, Part.WHOLE) in b.dated_parts:
            continue
        b.dated_parts.add((t.start, Part.WHOLE))
        event_id = b.event(t)
        span = b.span(lead, timex.end, t.start, t.end)
        if t.punctual:
            b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, span)
            dated_here.append((t.start, event_id))
        else:
            b.period_claim(event_id, Part.START, Qualifier.BY, period, span)
            b.period_claim(event_id, Part.END, Qualifier.ON_OR_AFTER, period, span)
        b.dct_claim(event_id, span)


def _governing_tense(b: _Builder, noun: ev.Trigger, triggers: list[ev.Trigger]) -> str:
    """"were killed in a bombing in 1995": an event noun in a phrase of a past verb is past."""
    before = [t for t in triggers if t.end <= noun.start]
    if not before:
        return ev.NOMINAL
    verb = before[-1]
    if verb.pos != "verb" or verb.tense not in (ev.PAST, ev.PERFECT, ev.PLUPERFECT) or not ev.asserted(verb):
        return ev.NOMINAL
    if not _PAST_PHRASE.fullmatch(b.text, verb.end, noun.start):
        return ev.NOMINAL
    return verb.tense


def _source_report(b: _Builder, start: int, end: int, timex: Timex, period: Period) -> None:
    """A cited source's dated statement ("according to the channel on April 24"): a past report."""
    if timex.anchor is not None or b.dct is None:
        return
    trigger = ev.Trigger(start, end, b.text[start:end], "according", "reporting", "noun", ev.PAST, True)
    event_id = b.event(trigger)
    span = b.span(start, timex.end)
    b.period_claim(event_id, Part.WHOLE, Qualifier.IN, period, span)
    b.dct_claim(event_id, span)


def _range(b: _Builder, begin: tuple[Timex, Period], end: tuple[Timex, Period], triggers: list[ev.Trigger],
           cuts: list[int], durations_for: dict[str, list[TextDurationClaim]],
           dated_here: list[tuple[int, str]]) -> None:
    first, first_period = begin
    last, last_period = end
    trigger = _attach(b, first, triggers, cuts)
    if trigger is None or not _asserted(b, trigger):
        return
    target = _resolve(b, trigger, triggers, cuts)
    if target.part is not Part.WHOLE or (target.trigger.start, Part.WHOLE) in b.dated_parts:
        return
    b.dated_parts.add((target.trigger.start, Part.WHOLE))
    event_id = b.event(target.trigger)
    span = b.span(first.signal_start if first.signal_start is not None else first.start, last.end,
                  target.cue.start, target.cue.end)
    rule = ConflictKind.NAMED_EVENT if target.trigger.event_class == "named" else None
    if first.signal == "between":
        b.period_claim(event_id, Part.START, Qualifier.ON_OR_AFTER, first_period, span, rule=rule)
        b.period_claim(event_id, Part.END, Qualifier.BY, last_period, span, rule=rule)
    else:
        b.period_claim(event_id, Part.START, Qualifier.IN, first_period, span, rule=rule)
        b.period_claim(event_id, Part.END, Qualifier.IN, last_period, span, rule=rule)
    dated_here.append((first.start, event_id))
    b.dct_claim(event_id, span)


def _offset(b: _Builder, start: int, end: int, match: re.Match[str], triggers: list[ev.Trigger],
            cuts: list[int], sentence: Sentence) -> None:
    """"two days later", "the next day", "three weeks earlier", "a week after the signing"."""
    text = b.text
    if match.group("rel"):
        count, unit_word = 1, match.group("unit2").lower()
        direction = "later" if match.group("rel").lower() in ("next", "following") else "earlier"
        if unit_word in ("morning", "evening"):
            unit_word = "day"
    elif match.group("daybefore"):
        count, unit_word = 1, "day"
        direction = "earlier" if match.group("daybefore").lower().endswith("before") else "later"
    else:
        number = _count(match.group("num"))
        if not number:
            return
        count, unit_word = number, match.group("unit").lower()
        direction = {"later": "later", "afterward": "later", "afterwards": "later", "after": "after",
                     "earlier": "earlier", "before": "before"}[match.group("dir").lower()]
    unit = _UNIT_WORDS[unit_word]
    if direction in ("after", "before") and _FOR_BEFORE.search(text, max(0, start - 20), start):
        return  # "worked there for a decade before opening …": a duration and a plain "before"
    clause_start, clause_end = _clause_of(cuts, start)
    # the event the offset places
    left = [t for t in triggers if clause_start <= t.start and t.end <= start]
    right = [t for t in triggers if end <= t.start < clause_end]
    reference: ev.Trigger | None = None
    subject: ev.Trigger | None = None
    if direction in ("after", "before"):
        # "a week after the signing": the event after the signal is the reference
        if right and _words_between(text, end, right[0].start) <= 3:
            reference = _clause_head(b, right[0], triggers)
        else:
            return
        fronted = not text[clause_start:start].strip(" ,\"“")
        if fronted:
            # "A week after the signing, parliament approved it": the next clause's event
            subject = next((t for t in triggers if t.start >= clause_end and t is not reference), None)
        else:
            # "… in 2004, four years after its founding, …": the event of the clause it follows;
            # none there (an untagged verb) means no claim, never another clause's event; the
            # clause's verb before a noun of its phrases ("finished counting ballots from
            # Sunday's vote late on Wednesday, three days after …")
            verbs = [t for t in left if t.pos == "verb" and t.event_class not in ("reporting", "causal")]
            subject = verbs[-1] if verbs else (left[-1] if left else None)
        direction = "later" if direction == "after" else "earlier"
    else:
        if left and not text[clause_start:start].strip(" ,\"“"):
            left = []
        subject = left[-1] if left else (right[0] if right else None)
    if subject is None or not _asserted(b, subject):
        return
    if subject.end <= start and _other_predicate(text, subject.end, start):
        return  # "turned professional in 1971 and won … two years later": the offset is the other verb's
    subject_target = _resolve(b, subject, triggers, cuts)
    subject_id = b.event(subject_target.trigger)
    if reference is not None:
        if not _asserted(b, reference):
            return
        reference_id = b.event(_resolve(b, reference, triggers, cuts).trigger)
    else:
        previous = b.last_dated(b.window_start, start, subject_id)
        if previous is None or _undated_between(b, previous[0], start):
            return
        reference_id = previous[1]
    if reference_id == subject_id:
        return
    # one unit of slack, or a twentieth for large counts; "about"/"nearly"/"some" widen it to half/double
    slack = max(unit, count * unit // 20)
    lower, upper = max(0, count * unit - slack), count * unit + slack
    if _APPROX_BEFORE.search(text, max(0, start - 14), start):
        lower, upper = count * unit // 2, 2 * count * unit + unit
    gap = Gap(lower, upper, " ".join(match.group().split()))
    first = Endpoint(reference_id, Side.START)
    second = Endpoint(subject_id, Side.START)
    if direction == "earlier":
        first, second = second, first
    span = b.span(start, end) if subject.end <= start else b.span(start, end, subject.start, subject.end)
    b.gap_claim(first, second, gap, span, ConflictKind.OFFSET)


def _undated_between(b: _Builder, after: int, before: int) -> bool:
    """Is there a date between the last dated event and a "later" that dated no event ("turned
    professional in 1971 and won … two years later")? Then "later" may count from it: no claim."""
    for i in range(bisect.bisect_right(b.timex_starts, after), len(b.timexes)):
        timex = b.timexes[i]
        if timex.start >= before:
            break
        undated = timex.start not in b.dated_set
        if timex.type in ("DATE", "TIME") and undated and not timex.value.startswith("P"):
            return True
    return False


_SUBJECT_AUX = re.compile(
    r"\s+(?:the|a|an|its|his|her|their|this|that)\s+(?:[\w-]+\s+){0,5}"
    r"(?:was|were|had(?:\s+been)?|has\s+been|have\s+been)\s+",
    re.IGNORECASE,
)
_FOR_BEFORE = re.compile(r"\bfor\s+(?:about\s+|nearly\s+|almost\s+|some\s+|over\s+|more\s+than\s+)?\Z",
                         re.IGNORECASE)


_SEQUENCE = re.compile(
    r"\b(later|afterwards?|subsequently|then|earlier|previously)\b"
    r"(?!\s+(?:this|that|in|on|the|than|today|year|month|week|day)\b)",
    re.IGNORECASE,
)
_SEQUENCE_BEFORE = re.compile(r"(?:[.,;:]|\band)\s*\Z")


def _sequence(b: _Builder, sentence: Sentence, triggers: list[ev.Trigger], timexes: list[Timex],
              offsets: list[tuple[int, int, re.Match[str]]]) -> None:
    """"Later, the army withdrew", "and then seized", "Earlier, talks had failed": after (or
    before) the last dated event of this or the previous sentence."""
    text = b.text
    for match in _SEQUENCE.finditer(text, sentence.start, sentence.end):
        start, end = match.span(1)
        if start != sentence.start and not _SEQUENCE_BEFORE.search(text, max(0, start - 6), start):
            continue  # only a word that opens a clause: not "two years later", "the later talks"
        if any(a <= start < e for a, e, _ in offsets) or any(t.start <= start < t.end for t in timexes):
            continue
        following = [t for t in triggers if t.start >= end]
        if not following or _words_between(text, end, following[0].start) > 6:
            continue
        subject = following[0]
        if not _asserted(b, subject) or subject.event_class in ("reporting", "causal"):
            continue
        subject_id = b.event(_resolve(b, subject, triggers, _clause_bounds(text, sentence)).trigger)
        previous = b.last_dated(b.window_start, start, subject_id)
        if previous is None or _undated_between(b, previous[0], start):
            continue
        reference_id = previous[1]
        word = match.group(1).lower()
        first, second = (reference_id, subject_id) if word not in ("earlier", "previously") else (
            subject_id, reference_id)
        span = b.span(start, end, subject.start, subject.end)
        b.gap_claim(Endpoint(first, Side.START), Endpoint(second, Side.START), Gap(0, None, ""), span,
                    ConflictKind.ORDER)


def _order(b: _Builder, sentence: Sentence, triggers: list[ev.Trigger], cuts: list[int],
           timexes: list[Timex]) -> None:
    """"A after B", "after B, A", "A before B", "A, followed by B": starts in order."""
    text = b.text
    timex_starts = {t.start for t in timexes}
    timex_starts |= {t.signal_start for t in timexes if t.signal_start is not None}
    for match in _ORDER.finditer(text, sentence.start, sentence.end):
        if match.start() in timex_starts:
            continue
        word = " ".join(match.group(1).lower().split())
        objects = [t for t in triggers if t.start >= match.end()]
        if not objects:
            continue
        obj = _clause_head(b, objects[0], triggers)
        between = text[match.end():objects[0].start]
        if "," in between or (_words_between(text, match.end(), obj.start) > 3 and not (
            obj is objects[0] and obj.pos == "verb" and _SUBJECT_AUX.fullmatch(between)
        )):
            continue  # but "before the fairing fault was discovered": a clause with its own subject
        if any(match.end() <= t.start < obj.start for t in timexes):
            continue
        counted = _COUNTED_UNIT.search(text, max(0, match.start() - 30), match.start())
        if counted is not None and not _FOR_BEFORE.search(text, max(0, counted.start() - 20),
                                                          counted.start()):
            continue  # "a week after the signing": a metric offset
        clause_start, _ = _clause_of(cuts, match.start())
        opening = text[sentence.start:match.start()].strip(" \"“") == ""
        fronted = text[clause_start:match.start()].strip(" \"“") == "" and clause_start != match.start()
        if opening or fronted:
            # "After B, A": the first event of the next clause
            rest = [t for t in triggers if t.start > obj.end]
            comma = text.find(",", obj.end, sentence.end)
            subject = next((t for t in rest if comma != -1 and t.start > comma), None)
        else:
            # the event of the signal's own clause; none there means no claim
            left = [t for t in triggers if clause_start <= t.start and t.end <= match.start()]
            if not left and not text[clause_start:match.start()].strip(" ,"):
                # "A, after B": the clause the signal's clause follows, and only that one
                previous_start, _ = _clause_of(cuts, max(sentence.start, clause_start - 1))
                left = [t for t in triggers if previous_start <= t.start and t.end <= match.start()]
            subject = left[-1] if left else None
            if subject is not None and _other_predicate(text, subject.end, match.start()):
                subject = None
        if subject is None or subject is obj:
            continue
        if not _asserted(b, subject) or not _asserted(b, obj):
            continue
        a = b.event(_resolve(b, subject, triggers, cuts).trigger)
        o = b.event(_resolve(b, obj, triggers, cuts).trigger)
        if a == o:
            continue
        later, earlier = (a, o) if word in ("after", "following", "preceded by") else (o, a)
        span = b.span(subject.start, subject.end, match.start(), obj.end)
        b.gap_claim(Endpoint(earlier, Side.START), Endpoint(later, Side.START), Gap(0, None, ""), span,
                    ConflictKind.ORDER)


def _reported(b: _Builder, triggers: list[ev.Trigger], cuts: list[int]) -> None:
    """"As Reuters reported on April 23, X happened": what a dated report tells had happened (or
    started) by the time of the report."""
    dated = [t for t in triggers if t.event_class == "reporting" and t.pos == "verb"
             and t.tense in (ev.PAST, ev.PERFECT) and (t.start, Part.WHOLE) in b.dated_parts]
    if len(dated) != 1:
        return  # several reports in one sentence: which one tells what is not clear
    report = dated[0]
    report_id = b.event(report)
    for t in triggers:
        if t is report or t.pos != "verb" or t.event_class in ("reporting", "causal"):
            continue
        if t.tense not in (ev.PAST, ev.PERFECT, ev.PLUPERFECT) or not ev.asserted(t):
            continue
        target = _resolve(b, t, triggers, cuts)
        content_id = b.event(target.trigger)
        if content_id == report_id:
            continue
        span = b.span(report.start, report.end, t.start, t.end)
        b.gap_claim(Endpoint(content_id, Side.START), Endpoint(report_id, Side.END), Gap(0, None, ""),
                    span, None)


_COUNTED_UNIT = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
    r"(?:minute|hour|day|week|month|year|decade)s?\s*\Z",
    re.IGNORECASE,
)
_PERSON_CLASSES = frozenset({"birth", "death", "arrest", "release", "take_office", "leave_office",
                             "appointment", "resignation", "election"})
_PRONOUN_SUBJECT = re.compile(r"(?:^|(?<=[\s,;]))(?:he|she|they)\s+(?:\w+\s+){0,3}\Z", re.IGNORECASE)
_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\b(?!\s+(?:is|was|were|are|has|had|would|will)\b)",
                             re.IGNORECASE)
_CAUSAL_LEFT = re.compile(r",\s*(?:which|who)\b[^,]*,\s*\Z")


def _causal(b: _Builder, triggers: list[ev.Trigger], cuts: list[int]) -> None:
    """"the operation … allowed the army to seize …": the effect does not start before the cause."""
    text = b.text
    for index, trigger in enumerate(triggers):
        if trigger.event_class != "causal" or not ev.asserted(trigger) or trigger.tense == ev.NOMINAL:
            continue
        effect = next((t for t in triggers[index + 1:] if t.event_class != "causal"), None)
        if effect is None or _words_between(text, trigger.end, effect.start) > 8 or "," in text[
            trigger.end:effect.start
        ]:
            continue
        if effect.tense not in (ev.INFINITIVE, ev.NOMINAL):
            continue
        floor = trigger.start
        relative = _CAUSAL_LEFT.search(text, max(0, trigger.start - 200), trigger.start)
        if relative is not None:
            floor = relative.start()
        causes = [t for t in triggers[:index] if t.end <= floor]
        if not causes:
            continue
        cause = causes[-1]
        if _words_between(text, cause.end, floor) > 6 or cause.pos != "noun":
            continue
        if not _asserted(b, cause):
            continue
        cause_id = b.event(_resolve(b, cause, triggers, cuts).trigger)
        effect_id = b.event(effect)
        if cause_id == effect_id:
            continue
        span = b.span(trigger.start, effect.end)
        b.gap_claim(Endpoint(cause_id, Side.START), Endpoint(effect_id, Side.START), Gap(0, None, ""),
                    span, None)


# ---------------------------------------------------------------------------------------------
# Precedence pairs


def _arguments(b: _Builder, sentence: Sentence, trigger: ev.Trigger) -> set[str]:
    lo, hi = max(sentence.start, trigger.start - 60), min(sentence.end, trigger.end + 80)
    words = _WORD.findall(b.text, lo, hi)
    out: set[str] = set()
    lex = ev.lexicon(b.options.domain_files)
    for word in words:
        low = word.lower().rstrip("'’s") if word.lower().endswith(("'s", "’s")) else word.lower()
        if len(low) < 3 or low in _STOP or low in lex.forms:
            continue
        out.add(low[:-1] if low.endswith("s") and len(low) > 4 else low)
    return out


def _precedence(b: _Builder, triggers: Iterable[tuple[Sentence, ev.Trigger]]) -> None:
    pairs = precedence_pairs(b.options.domain_files)
    if not pairs:
        return
    classes = {p.first for p in pairs} | {p.second for p in pairs}
    candidates = [
        (s, t) for s, t in triggers
        if (t.event_class in classes or t.lemma in classes)
        and (_asserted(b, t) or t.start in b.by_trigger)
    ]
    if len(candidates) < 2:
        return
    args = {t.start: _arguments(b, s, t) for s, t in candidates}
    order = {s.start: i for i, s in enumerate(b.sentences)}
    pronoun = {t.start for s, t in candidates
               if t.event_class in _PERSON_CLASSES and _PRONOUN_SUBJECT.search(b.text, s.start, t.start)}

    def related(s1: Sentence, first: ev.Trigger, s2: Sentence, second: ev.Trigger) -> bool:
        if s1.paragraph != s2.paragraph or first is second:
            return False
        if args[first.start] & args[second.start]:
            return True
        # "She was arrested in 1981. She was released in 1980.": the same person
        close = 0 <= order[s2.start] - order[s1.start] <= 1 or 0 <= order[s1.start] - order[s2.start] <= 1
        if close and second.start in pronoun and (first.start in pronoun or s1.start != s2.start):
            return True
        # "They signed the accord on 4 May. Parliament ratified it on 2 June.": its object
        return close and order[s1.start] <= order[s2.start] and first.end <= second.start and (
            _PRONOUN_OBJECT.match(b.text, second.end) is not None
        )

    def event_of(sentence: Sentence, trigger: ev.Trigger) -> str:
        b.current = b.by_sentence.get(sentence.start, [])
        b.paragraph = sentence.paragraph
        return b.event(trigger)

    indexes: dict[str, _FirstIndex] = {}
    for pair in pairs:
        if pair.first not in indexes:
            indexes[pair.first] = _FirstIndex(
                [(s, t) for s, t in candidates if pair.first in (t.event_class, t.lemma)], args, order
            )
        index = indexes[pair.first]
        seconds = [(s, t) for s, t in candidates if pair.second in (t.event_class, t.lemma)]
        for s2, second in seconds:
            found = index.nearest(s2, second, related)
            if found is None:
                continue
            s1, first = found
            first_id = event_of(s1, first)
            second_id = event_of(s2, second)
            if first_id == second_id:
                continue
            span = b.span(second.start, second.end)
            note = pair.note or f"{pair.second} comes after {pair.first}"
            b.claims.append(TextGapClaim(
                Endpoint(first_id, Side.START), Endpoint(second_id, Side.END), Gap(1, None, ""), span,
                words=f"{first.text} … {second.text} ({note})", conflict_kind=ConflictKind.PRECEDENCE,
            ))


_Candidate = tuple[Sentence, ev.Trigger]
_Related = Callable[[Sentence, ev.Trigger, Sentence, ev.Trigger], bool]


class _FirstIndex:
    """The first events of a precedence pair, indexed so that the one nearest to a second event
    that :func:`_precedence` relates to it is found without trying every first of the document
    (a long paragraph holds thousands).

    A first is related to a second of its paragraph when they share an argument word, or, in the
    same or a neighbouring sentence, through a pronoun. So the nearest related first is the nearer
    of: for each argument word of the second, the nearest first on either side with that word;
    and the related firsts of the neighbouring sentences.
    """

    def __init__(
        self, firsts: Sequence[_Candidate], args: dict[int, set[str]], order: dict[int, int]
    ) -> None:
        self.args = args
        self.order = order
        # (paragraph, word) -> firsts with that argument word, in text order, and their offsets
        self.by_word: dict[tuple[int, str], list[_Candidate]] = {}
        self.by_word_starts: dict[tuple[int, str], list[int]] = {}
        self.by_sentence: dict[int, list[_Candidate]] = {}
        for s, t in firsts:
            for word in args[t.start]:
                self.by_word.setdefault((s.paragraph, word), []).append((s, t))
                self.by_word_starts.setdefault((s.paragraph, word), []).append(t.start)
            self.by_sentence.setdefault(order[s.start], []).append((s, t))

    def nearest(self, s2: Sentence, second: ev.Trigger, related: _Related) -> _Candidate | None:
        """The related first nearest to ``second`` (the earlier of two as near), or ``None``."""
        found: list[_Candidate] = []
        for word in self.args[second.start]:
            items = self.by_word.get((s2.paragraph, word))
            if not items:
                continue
            at = bisect.bisect_left(self.by_word_starts[(s2.paragraph, word)], second.start)
            # a trigger can be both (a class that is first and second of pairs): skip itself
            left = at - 1
            right = at + 1 if at < len(items) and items[at][1] is second else at
            if left >= 0:
                found.append(items[left])
            if right < len(items):
                found.append(items[right])
        here = self.order[s2.start]
        for number in (here - 1, here, here + 1):
            found.extend(item for item in self.by_sentence.get(number, ()) if related(*item, s2, second))
        if not found:
            return None
        return min(found, key=lambda item: (abs(item[1].start - second.start), item[1].start))
