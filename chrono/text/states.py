"""State bounds: the act that brings a state about starts it, the act that undoes it ends it
("The county shut the bridge on 3 June. … The bridge reopened on 7 October. … the ten-week
closure": the closure runs from the shutting to the reopening), as chrono/lang/en/prose/
states.yaml lists them.

Only a story with one such state and one act of each kind is read so (of acts whose dates nest,
"lost mains power on the night of 9 January" and "**21:50** — Mains supply lost", the one dated
most narrowly); the link is sure when the act shares a word of what it is about with the other
act or with a mention of the state ("shut the bridge … the bridge reopened"), and uncertain
otherwise ("the depot gates reopened" after "drivers walked out"): a warning at most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Grade, Qualifier, Side
from chrono.periods import DAY
from chrono.problems import ConflictKind
from chrono.text.attachment import is_asserted, resolve
from chrono.text.builder import Builder
from chrono.text.claims import TextPeriodClaim
from chrono.text.clauses import words_between
from chrono.text.context import SentenceContext
from chrono.text.events import Trigger, asserted
from chrono.text.precedence import CALENDAR_WORDS, argument_words
from chrono.text.sentences import Sentence
from chrono.text.tense import TOLD_AS_PAST
from chrono.text.vocabulary import Hint, alternation, vocabulary

_WORDS = vocabulary("states")
_STATES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    str(noun): (frozenset(map(str, acts["starts"])), frozenset(map(str, acts["ends"])))
    for noun, acts in _WORDS.table("states").items()
}
# the verbs each state noun is made from or means ("close" and "shut" for "closure")
_OWN_VERBS = {str(noun): frozenset(map(str, acts["own"])) for noun, acts in _WORDS.table("states").items()
              if "own" in acts}
_BARE_BEFORE = lazy_compile(
    rf"(?:^|[^\w'’-])(?:{alternation(_WORDS.words('bare_determiners'))})\s+"
    rf"(?:(?:{alternation(_WORDS.words('bare_modifiers'))}|[\w.]+-(?:{_WORDS.pattern('bare_length_units')}))\s+)?\Z",
    re.IGNORECASE,
)
_OF_AFTER = lazy_compile(r"\s+of\b", re.IGNORECASE)
_PLAN_BEFORE = lazy_compile(
    rf"(?:^|[^\w'’-])(?:{alternation(_WORDS.words('plan_auxiliaries'))})(?:\s+[\w'’-]+){{0,6}}\s+\Z",
    re.IGNORECASE,
)

# "The six-week closure (of the bridge) will begin on 3 April": the subject of a plan
_PLAN_AFTER = lazy_compile(
    rf"(?:\s+of\s+[^,.;:!?\n]{{1,40}}?)?\s+(?:{alternation(_WORDS.words('plan_auxiliaries'))})\s",
    re.IGNORECASE,
)

_Candidate = tuple[Sentence, Trigger]


def ending_acts(noun: str) -> frozenset[str]:
    """The verb lemmas that end the state ``noun`` names ("reopen" for "closure"; none for a
    noun that names no state)."""
    return _STATES.get(noun, (frozenset(), frozenset()))[1]

_PARTICIPLES = {str(word): str(side) for word, side in _WORDS.table("participles").items()}
_PARTICIPLE = lazy_compile(rf",\s+({alternation(_PARTICIPLES)})\s", re.IGNORECASE)
_PARTICIPLE_HINT = Hint.of(_PARTICIPLES)
_SPLIT_ENDS = {str(words): str(side) for words, side in _WORDS.table("split_participle_ends").items()}
_SPLIT_PARTICIPLE = lazy_compile(
    rf",\s+({_WORDS.pattern('split_participles')})\s+(?:[\w'’£$€.-]+\s+){{1,6}}?({alternation(_SPLIT_ENDS)})\b",
    re.IGNORECASE,
)
_SUBJECT_OPENING = lazy_compile(
    rf"\s*(?:{_WORDS.pattern('opening_subject_determiners')})\s+(?:[\w-]+\s+){{0,2}}")
_SPLIT_HINT = Hint.of(_WORDS.words("split_participles"))


def state_bounds(b: Builder, triggers: Iterable[_Candidate]) -> None:
    """The start and end claims of the states of the document (``triggers``: every event word,
    with its sentence)."""
    candidates = list(triggers)
    # (told as done: "services were returning to normal" is no act that ends the strike)
    verbs = [(s, t) for s, t in candidates if t.pos == "verb" and asserted(t) and t.tense in TOLD_AS_PAST]
    # events the text dates, "since" a date included ("The road had been shut since 3 March")
    dated = b.dated_events()
    # the nouns of each state, in text order (one pass, not one per state)
    named: dict[str, list[_Candidate]] = {}
    for s, t in candidates:
        if t.pos == "noun":
            for word in {t.lemma, t.text.lower()}:
                if word in _STATES:
                    named.setdefault(word, []).append((s, t))
    # the sentences that tell of another one of a state ("The last full closure was in October
    # 2019, when the bridge was shut"): their acts bound no state of the story
    others_told = {s.start for told in named.values() for s, t in told if _other_one(b, t)}
    for noun, (starts, ends) in _STATES.items():
        # (not one of a line that opens on another of its kind: "- Previous major landslip at the
        # same cutting: February 2020 (nine-day closure)")
        states = [(s, t) for s, t in named.get(noun, ()) if is_asserted(b.text, t) and not _other_one(b, t)
                  and not _another(b.text, s, t)]
        if not states:
            continue
        # "Line reopens after 12-day closure" over "… after a 12-day closure caused by …": the
        # headline's closure is the story's
        states = [(s, t) for s, t in states if not b.in_heading(t.start)] or states
        # "… ending the 12-day closure … further closures next year": the plural is other ones
        states = [(s, t) for s, t in states if t.text.lower() == noun] or states
        ids = {_event(b, s, t) for s, t in states}
        if len(ids) != 1:
            continue  # several closures: which act bounds which is not said
        if any(_PLAN_AFTER.match(b.text, t.end) for _, t in states):
            continue  # "The six-week closure will begin on 3 April": a plan, which no act told as done bounds
        state_id = ids.pop()
        if any(not b.same_story(t.start, states[0][1].start) for _, t in states):
            continue  # a digest's stories each tell their own
        # the acts the text dates ("the decision to close the bridge" dates no closing)
        # (not those of a sentence about another one: "The first, in October 2022, closed the road")
        # (of the state's story: "PORT HALLAM — … strike … ¶ GRANDE MARAIS — … walked out")
        verbs_here = [(s, t) for s, t in verbs
                      if b.same_story(t.start, states[0][1].start) and s.start not in others_told]
        starting = [(s, t) for s, t in verbs_here if t.lemma in starts and _event(b, s, t) in dated
                    and not _another(b.text, s, t)]
        ending = [(s, t) for s, t in verbs_here if t.lemma in ends and _event(b, s, t) in dated
                  and not _another(b.text, s, t)]
        words = {t.start: argument_words(b, s, t) for s, t in (*states, *starting, *ending)}
        state_words = set().union(*(words[t.start] for _, t in states))
        for acts, others, side in ((starting, ending, Side.START), (ending, starting, Side.END)):
            acts = _near_the_other_end(b, acts, others, side)
            if len({_event(b, s, t) for s, t in acts}) != 1:
                continue  # no act, or a story telling two shutdowns
            s, act = acts[0]
            act_id = _event(b, s, act)
            if act_id == state_id:
                continue  # "walked out" is the walkout itself
            other_words = set().union(*(words[t.start] for _, t in others)) if others else set()
            # (not the month both are dated in: "closed on 9 June … started on 4 June")
            shared = words[act.start] & (state_words | other_words) - CALENDAR_WORDS
            # "The line closed on 2 February … ¶ ## The closure … a few days after the closure"
            own = side is Side.START and act.lemma in _OWN_VERBS.get(noun, ()) and all(
                _bare(b.text, s, t) for s, t in states)
            grade = Grade.STRONG if shared or own else Grade.WEAK
            via = "" if shared else (
                f"'{act.text}' taken as the {side.value} of the {noun}, nothing shared says so"
            )
            span = b.span(act.start, act.end)
            b.gap_claim(Endpoint(act_id, Side.START), Endpoint(state_id, side), Gap(0, 0, ""), span,
                        None, grade=grade, note=via)  # the link has no kind: the claims it joins do
            if side is Side.START:
                b.state_starts[state_id] = (act_id, grade)


_YEAR_SECONDS = 366 * DAY


def _near_the_other_end(b: Builder, acts: list[_Candidate], others: list[_Candidate], side: Side
                        ) -> list[_Candidate]:
    """Of several dated acts that may start (end) the state, those within a year before (after)
    the one act that ends (starts) it: "reopened on 4 August … had been shut since 14 July … last
    closed in 2011, when it was shut for six weeks" starts the closure on 14 July."""
    if len({_event(b, s, t) for s, t in acts}) < 2:
        return acts
    finest = _finest(b, acts)
    if finest is not None:
        return finest
    if len({_event(b, s, t) for s, t in others}) != 1:
        return acts
    other = _told_at(b, _event(b, *others[0]))
    if other is None:
        return acts
    near = []
    for s, t in acts:
        at = _told_at(b, _event(b, s, t))
        if at is not None and 0 <= (other - at if side is Side.START else at - other) <= _YEAR_SECONDS:
            near.append((s, t))
    return near


def _finest(b: Builder, acts: list[_Candidate]) -> list[_Candidate] | None:
    """The act dated most narrowly, where every other act's date holds its own: "lost mains
    power on the night of Tuesday, 9 January … **21:50** — Mains supply lost" tell one act, the
    timeline to the minute (None: dates that do not nest, or an act with none)."""
    periods = []
    for s, t in acts:
        act_id = _event(b, s, t)
        told = [c.period for c in b.claims if isinstance(c, TextPeriodClaim) and c.event == act_id
                and c.qualifier is Qualifier.IN and c.period.bounded]
        if len(told) != 1:
            return None
        periods.append(told[0])
    narrowest = min(range(len(acts)), key=lambda i: (periods[i].end or 0) - (periods[i].start or 0))
    inner = periods[narrowest]
    if not all((p.start or 0) <= (inner.start or 0) and (inner.end or 0) <= (p.end or 0) for p in periods):
        return None
    return [acts[narrowest]]


def _told_at(b: Builder, event_id: str) -> int | None:
    """The earliest instant the text dates the event in (None: not dated within a period)."""
    starts = [c.period.start for c in b.claims if isinstance(c, TextPeriodClaim) and c.event == event_id
              and c.qualifier in (Qualifier.IN, Qualifier.BY) and c.period.start is not None
              and c.conflict_kind is not ConflictKind.AFTER_DCT]
    return min(starts) if starts else None


# (not "last", which opens a sentence about another thing as often: "The pool, the last in the
# north of the borough, closed …"; it says another act only right before the verb)
_VERB_ONLY_CONTRAST = _WORDS.set("verb_only_contrast")
_ACT_CONTRAST = [w for w in vocabulary("coreference").words("contrast_words") if w not in _VERB_ONLY_CONTRAST]
_CONTRAST = lazy_compile(rf"\b(?:{alternation(_ACT_CONTRAST)})\b", re.IGNORECASE)
_CONTRAST_BEFORE_VERB = lazy_compile(rf"\b(?:{_WORDS.pattern('verb_only_contrast')})\s+\Z", re.IGNORECASE)


def _other_one(b: Builder, noun: Trigger) -> bool:
    """Is the state noun another one than the story's ("A second strike, which had been called
    for 19 March", "the planned closure", "would be replaced in a full closure")?"""
    told = b.mention_at.get(noun.start)
    if told is not None and (told.contrast is not None or told.planned):
        return True
    # ("the bearings would be replaced in a full closure of about three weeks")
    return _PLAN_BEFORE.search(b.text[max(0, noun.start - 60):noun.start]) is not None


def _another(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Does the sentence open on another one of the kind ("The first, in October 2022, closed …",
    "A previous closure …") before the act?"""
    return _CONTRAST.search(text, sentence.start, min(trigger.start, sentence.start + 30)) is not None or (
        _CONTRAST_BEFORE_VERB.search(text, max(sentence.start, trigger.start - 8), trigger.start) is not None)


def _bare(text: str, sentence: Sentence, noun: Trigger) -> bool:
    """Is the state noun written without a thing of its own ("the closure", "the 12-day
    closure"; not "the road closure", "the closure of the ford")?"""
    return (_BARE_BEFORE.search(text[max(sentence.start, noun.start - 40):noun.start]) is not None
            and _OF_AFTER.match(text, noun.end) is None)


def _event(b: Builder, sentence: Sentence, trigger: Trigger) -> str:
    return b.event(trigger, b.contexts[sentence.start])


def participle_bounds(b: Builder, here: SentenceContext) -> None:
    """"The last ships left the harbour on 2 March, ending the blockade": an event of the main
    clause followed by ", ending X" (", starting X"; ", bringing X to a close") is the end (the
    start) of X."""
    text, triggers = b.text, here.triggers
    lo, hi = here.sentence.start, here.sentence.end
    found: list[tuple[re.Match[str], Side, Trigger]] = []
    if _PARTICIPLE_HINT.may_match(text, lo, hi):
        for match in _PARTICIPLE.finditer(text, lo, hi):
            side = Side.END if _PARTICIPLES[match.group(1).lower()] == "end" else Side.START
            following = [t for t in triggers if t.start >= match.end()]
            if following and following[0].pos == "noun" and (
                words_between(text, match.end(), following[0].start) <= 3
            ):
                found.append((match, side, following[0]))
    if _SPLIT_HINT.may_match(text, lo, hi):
        for match in _SPLIT_PARTICIPLE.finditer(text, lo, hi):
            side = Side.END if _SPLIT_ENDS[" ".join(match.group(2).lower().split())] == "end" else Side.START
            objects = [t for t in triggers if match.end(1) <= t.start and t.end <= match.start(2)
                       and t.pos == "noun"]
            if objects:
                found.append((match, side, objects[-1]))  # "the council's budget session": its head
    for match, side, state in found:
        main = [t for t in triggers if t.end <= match.start() and t.pos == "verb" and asserted(t)
                and t.event_class not in ("reporting", "causal", "begin", "end")]
        if not main:
            # "The vote … came at 1am, bringing to an end a session …": the noun the sentence
            # opens with, its verb one the lexicon does not tell
            main = [t for t in triggers[:1] if t.pos == "noun" and t.end <= match.start()
                    and _SUBJECT_OPENING.fullmatch(text, lo, t.start) is not None]
        if not main or not is_asserted(text, state):
            continue
        main_id = b.event(resolve(text, main[-1], triggers, here.cuts).trigger, here)
        state_id = b.event(state, here)
        if main_id == state_id:
            continue
        span = b.span(main[-1].start, main[-1].end, match.start(1), state.end)
        b.gap_claim(Endpoint(main_id, Side.START), Endpoint(state_id, side), Gap(0, 0, ""), span,
                    ConflictKind.ORDER)
