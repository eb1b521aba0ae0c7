"""Acts a review's prose orders and its timeline logs: "The first restart came only after the
storage team had been paged" above (or below) "- **14:22** — Whitlock restarts cache node 1" and
"- **14:31** — Storage team paged".

An event the prose orders but does not date is the act a clock-timed entry of the document's
timeline logs when the entry tells it with the same word (the verb, or the noun made from it)
and of the same things (two words of what it is about in common, or a number): then the two
start together, and the entry's time dates the prose's order. Only one such entry may fit, or
the prose calls its act the first and the first entry is taken ("the first restart").

An act a dated entry logs that the prose tells again with a date of its own is that act too
(:func:`entries_retold`): the two dates must agree.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from chrono.layout import Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.model import Endpoint, Gap, Grade, Side
from chrono.periods import Period
from chrono.problems import ConflictKind
from chrono.text.builder import Builder, words_near
from chrono.text.claims import TextGapClaim, TextPeriodClaim
from chrono.text.coreference import FIRST_WORDS
from chrono.text.events import Trigger
from chrono.text.incident_window import TIMELINE_ENTRIES
from chrono.text.layout_dating import Scope, clock_entries
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import vocabulary

__all__ = ["entries_retold", "timeline_acts"]

_ENTRY_KINDS = (Kind.ITEM, Kind.LINE, Kind.ROW)
# words of what the act is about that two tellings must share (a number alone will do)
_SHARED_WORDS = 2
_DAY_VALUE = lazy_compile(r"\d{4}-\d\d-\d\d")
# "They married in 1952": a personal pronoun that opens the sentence as the verb's subject
_PRONOUN_SUBJECT = lazy_compile(
    rf"[\s\"“]*(?:{vocabulary('precedence').pattern('subject_pronouns')})\s+(?:\w+ly\s+)?", re.IGNORECASE)
_LETTERS = lazy_compile(r"[A-Za-z]+")
_CONTRAST_WORDS = frozenset(vocabulary("coreference").words("contrast_words")) | frozenset(
    vocabulary("coreference").words("renewal_words"))


def timeline_acts(b: Builder, found: Sequence[Scope]) -> None:
    """Tie each undated act the prose orders to the timeline entry that logs it, if one does."""
    ordered = [c for c in b.claims if isinstance(c, TextGapClaim) and c.conflict_kind is ConflictKind.ORDER]
    if not ordered:
        return
    entries = [(s.block.start, s.block.end) for s in clock_entries(found, _ENTRY_KINDS)]
    if len(entries) < TIMELINE_ENTRIES:
        return
    dated = b.dated_events()
    entry_starts = [start for start, _ in entries]

    def in_entry(offset: int) -> bool:
        at = bisect.bisect_right(entry_starts, offset) - 1
        return at >= 0 and offset < entries[at][1]

    logged: list[tuple[Sentence, Trigger]] = []  # acts told in the timeline's entries, in order
    told: dict[int, tuple[Sentence, Trigger]] = {}
    for here in b.contexts.values():
        for trigger in here.triggers:
            told[trigger.start] = (here.sentence, trigger)
            if in_entry(trigger.start):
                logged.append((here.sentence, trigger))
    logged.sort(key=lambda item: item[1].start)
    done: set[str] = set()
    for claim in ordered:
        for event in (claim.first.event, claim.second.event):
            if event in done or event in dated or event not in b.events:
                continue
            done.add(event)
            mention = told.get(b.events[event].span.start)
            if mention is None or in_entry(mention[1].start):
                continue
            _tie(b, mention, logged, dated)


def _tie(b: Builder, mention: tuple[Sentence, Trigger], logged: Sequence[tuple[Sentence, Trigger]],
         dated: set[str]) -> None:
    sentence, trigger = mention
    words = words_near(b.text, sentence, trigger)
    fits: list[tuple[Trigger, list[str]]] = []
    for entry_sentence, act in logged:
        if act.lemma != trigger.lemma or not b.vocabulary.names_verb(act) or (
                not b.vocabulary.names_verb(trigger)):
            continue
        shared = sorted(words & words_near(b.text, entry_sentence, act))
        if len(shared) >= _SHARED_WORDS or any(w[:1].isdigit() for w in shared):
            fits.append((act, shared))
    told = b.mention_at.get(trigger.start)
    first = told is not None and told.contrast in FIRST_WORDS
    if not fits or (len(fits) > 1 and not first):
        return  # none, or several entries log such an act and the prose does not say which
    act, shared = fits[0]
    event, logged_event = b.by_trigger.get(trigger.start), b.by_trigger.get(act.start)
    if event is None or logged_event is None or logged_event == event or logged_event not in dated:
        return
    note = (f"'{' '.join(trigger.text.split())}' ({b.where(trigger.start)}) is the act the timeline "
            f"logs at '{' '.join(act.text.split())}' ({b.where(act.start)}): the same word, of "
            f"{', '.join(shared)}")
    span = b.span(trigger.start, trigger.end)
    b.gap_claim(Endpoint(logged_event, Side.START), Endpoint(event, Side.START), Gap(0, 0, ""), span,
                ConflictKind.ORDER, grade=Grade.STRONG, note=note)


def entries_retold(b: Builder, layout: Layout, found: Sequence[Scope]) -> None:
    """An act a dated entry of a timeline logs and the prose tells again with a date of its own
    ("- **31 January** – Boil-water notice lifted" … "The notice was finally lifted on Monday 29
    January"): the same verb, told once in the entries and once in the prose, of the same thing
    (a word of what it is about in common, not a word of a date), is one act, so the two dates
    must agree; one word in common, or a date whose year the prose takes from the story, makes
    the reading doubtful (a warning at most). A word that sets one act apart from another ("New
    certificate issued", "a second") keeps the two apart."""
    entries = [s for s in found if s.block.kind in _ENTRY_KINDS and s.timex is not None and s.period.bounded]
    if len(entries) < TIMELINE_ENTRIES:
        return
    entry_spans = sorted((s.block.start, s.block.end) for s in entries)
    starts = [start for start, _ in entry_spans]

    def in_entry(offset: int) -> bool:
        at = bisect.bisect_right(starts, offset) - 1
        return at >= 0 and offset < entry_spans[at][1]

    prose_blocks = [(block.start, block.end) for block in layout.blocks if block.kind is Kind.PARAGRAPH]

    def in_prose(offset: int) -> bool:
        return not in_entry(offset) and (
            not prose_blocks or any(lo <= offset < hi for lo, hi in prose_blocks))

    logged: dict[str, list[tuple[Sentence, Trigger]]] = {}
    told: dict[str, list[tuple[Sentence, Trigger]]] = {}
    for mention in b.mentions:
        trigger = mention.trigger
        if trigger.pos != "verb" or mention.planned or trigger.event_class in ("reporting", "causal"):
            continue
        here = b.contexts.get(mention.sentence_start)
        if here is None:
            continue
        if in_entry(trigger.start):
            logged.setdefault(trigger.lemma, []).append((here.sentence, trigger))
        elif in_prose(trigger.start):
            told.setdefault(trigger.lemma, []).append((here.sentence, trigger))
    dated = set(b.dated_at)
    # ("had been closed to the public since Monday 17 August": a state its own words date by
    # its start, not placed within a date)
    since_dated = {c.event for c in b.claims if isinstance(c, TextPeriodClaim) and c.grade is Grade.STRONG
                   and c.conflict_kind is None}
    # (the words of dates say when, not what: "January" in both is no sign of one act)
    date_words = frozenset(w.lower() for t in b.timexes for w in _LETTERS.findall(t.text))
    periods: dict[str, set[Period]] | None = None  # read once, when a pair is first found
    for lemma, acts in logged.items():
        tellings = told.get(lemma, [])
        if not acts or not tellings:
            continue
        pair = _the_pair(b, acts, tellings, date_words)
        if pair is None:
            continue  # several of them, and which is which is not said
        (entry_sentence, act), (sentence, trigger), shared = pair
        event, logged_event = b.by_trigger.get(trigger.start), b.by_trigger.get(act.start)
        if event is None or logged_event is None or event == logged_event or (
            event not in dated and event not in since_dated
        ):
            continue
        if periods is None:
            periods = _periods_by_event(b)
        if _fits_another(b, periods, logged_event, [t for _, t in tellings if t is not trigger]) or (
            _fits_another(b, periods, event, [t for _, t in acts if t is not act])
        ):
            continue  # ("The swing bridge reopened on 6 June. The footbridge reopened on 30 May." beside
            # "- **30 May** – Bridge reopened": the entry may log the other one)
        if any(_CONTRAST_WORDS & _words_before(b.text, told_sentence, told)
               for told_sentence, told in ((sentence, trigger), (entry_sentence, act))):
            continue  # "Renewed certificate issued" beside "one of three issued in March 2024"
        if not shared:
            continue
        # two words of what it is about in common make it sure, and a date of the prose's own that
        # a reader cannot misplace: a year written, or a day ("then it flooded again in July"
        # takes its year from the story, which may be misread)
        sure = len(shared) >= _SHARED_WORDS and all(
            timex.anchor is None or _DAY_VALUE.match(timex.value)
            for timex in (b.timex_at(offset) for offset in b.dated_at.get(event, ())) if timex is not None)
        note = (f"'{' '.join(trigger.text.split())}' ({b.where(trigger.start)}) is the act the entry "
                f"'{' '.join(act.text.split())}' ({b.where(act.start)}) logs: the same word, of "
                f"{', '.join(shared)}")
        span = b.span(trigger.start, trigger.end)
        b.gap_claim(Endpoint(logged_event, Side.START), Endpoint(event, Side.START), Gap(0, 0, ""), span,
                    ConflictKind.ENTRY_RETOLD, grade=Grade.STRONG if sure else Grade.WEAK, note=note)


def _periods_by_event(b: Builder) -> dict[str, set[Period]]:
    """The periods the claims give each event."""
    periods: dict[str, set[Period]] = {}
    for claim in b.claims:
        if isinstance(claim, TextPeriodClaim):
            periods.setdefault(claim.event, set()).add(claim.period)
    return periods


def _fits_another(b: Builder, periods: dict[str, set[Period]], event: str, others: Sequence[Trigger]) -> bool:
    """Is ``event`` given a period that one of the ``others`` (the same verb, told elsewhere) is
    given too?"""
    own = periods.get(event, set())
    return any((other_event := b.by_trigger.get(other.start)) is not None
               and not own.isdisjoint(periods.get(other_event, set())) for other in others)


_Told = tuple[Sentence, Trigger]


def _the_pair(b: Builder, acts: Sequence[_Told], tellings: Sequence[_Told], date_words: frozenset[str]
              ) -> tuple[_Told, _Told, list[str]] | None:
    """The entry and the prose telling of one verb that are one act, with the words of what it is
    about they share: the only two there are, or, among several, the two that share more such
    words with each other than either does with any other telling or entry ("The hall opened to
    pupils on Monday 5 September" and "- **12 September 2011** — Sports hall opens to pupils",
    beside "the building was formally opened on Friday")."""
    # (each side's words read once: every entry is scored against every telling)
    logged = [words_near(b.text, sentence, act) - date_words for sentence, act in acts]
    told = [_about(b, telling) - date_words for telling in tellings]

    def shared(i: int, j: int) -> list[str]:
        theirs = told[j]
        # (a compound's head counts: "Footbridge closed" beside "the old timber bridge … closed")
        return sorted(w for w in logged[i]
                      if w in theirs or (len(w) > 6 and any(len(t) >= 4 and w.endswith(t) for t in theirs)))

    if len(acts) == 1 and len(tellings) == 1:
        return acts[0], tellings[0], shared(0, 0)
    scores = {(i, j): shared(i, j) for i in range(len(acts)) for j in range(len(tellings))}
    best = max(scores, key=lambda key: len(scores[key]))
    count = len(scores[best])
    if count < _SHARED_WORDS:
        return None
    i, j = best
    if any(key != best and (key[0] == i or key[1] == j) and len(scores[key]) >= count for key in scores):
        return None
    return acts[i], tellings[j], scores[best]


def _about(b: Builder, telling: _Told) -> frozenset[str]:
    """The words of what the prose's act is about: around its verb, and, when a pronoun opening
    its sentence is its subject ("… where she met the architect Peter Lisle. They married in
    1952"), those of the sentence before in its paragraph, which names who the pronoun is."""
    sentence, trigger = telling
    words = words_near(b.text, sentence, trigger)
    if not _PRONOUN_SUBJECT.fullmatch(b.text, sentence.start, trigger.start):
        return words
    before = b.sentence_before(sentence)
    if before is None or before.paragraph != sentence.paragraph:
        return words
    return words | words_near(b.text, before, trigger, whole=True)


def _words_before(text: str, sentence: Sentence, trigger: Trigger) -> frozenset[str]:
    """The words of ``sentence`` in the few before ``trigger`` (lower case)."""
    lo = max(sentence.start, trigger.start - 40)
    return frozenset(w.lower() for w in _LETTERS.findall(text, lo, trigger.start))
