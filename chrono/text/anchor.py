"""Anchoring: time expressions and event triggers -> events and claims on the interval model.

Leniency (DESIGN.md): each phrase gives the weakest constraint its words justify. Each sentence
is read in steps, each in a module of its own:

* :mod:`~chrono.text.durations` — "a ten-day visit", "lasted three weeks": lengths;
* :mod:`~chrono.text.dating` — a date dates the event it is attached to
  (:mod:`~chrono.text.attachment`), as its signal says (:mod:`~chrono.text.signals`: in, by,
  since, until, before, after, from … to, between);
* :mod:`~chrono.text.offsets` — "two days later", "a week after the signing": distances;
* :mod:`~chrono.text.order` — after, before, followed by; "Later, …": order of starts;
* :mod:`~chrono.text.causal` — "allowed them to seize": the effect does not start first;
* :mod:`~chrono.text.reported` — what a dated report tells had happened by then.

Then, over the whole document, :mod:`~chrono.text.precedence`: domain pairs (capture before
recapture) of events that share an argument. Which mentions are one event is
:mod:`~chrono.text.coreference`'s and :mod:`~chrono.text.named_events`'s; the events and claims
accumulate in a :class:`~chrono.text.builder.Builder`. A completed past event, a report and a
"since" date cannot start after the DCT's day.

Nothing is claimed for events that the clause does not assert (future, modal, negated,
conditional), and a date whose year the tagger guessed is dropped when it contradicts the tense.
The English words each module relies on are in chrono/lang/en/prose/<module>.yaml.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from chrono.layout import Block, Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.options import ReadingOptions
from chrono.periods import Period
from chrono.tagger import Timex
from chrono.tagger.frames import dateline_heading
from chrono.tagger.passes import day_of_clock_after
from chrono.tagger.resources import load as load_resources
from chrono.text.again import told_again
from chrono.text.anniversary_events import anniversary_events
from chrono.text.attachment import is_asserted
from chrono.text.builder import Builder, Built
from chrono.text.causal import causal
from chrono.text.clauses import clause_bounds
from chrono.text.completions import completions_retold
from chrono.text.context import SentenceContext
from chrono.text.corrections import earlier_pieces, pieces_published
from chrono.text.dating import (
    date,
    date_range,
    is_deictic_day,
    past_without_event,
    period_of,
    when_clause,
    when_simultaneous,
)
from chrono.text.day_counts import day_counts
from chrono.text.durations import (
    duration,
    journey_length,
    range_beside,
    started_and_ended,
    stated_period,
    summed_up,
)
from chrono.text.event_days import event_days
from chrono.text.events import Trigger, asserted, find_triggers, lexicon
from chrono.text.firsts import first_editions, first_persons, first_since, first_times, first_under, firsts
from chrono.text.foretold import governed_acts_told_later
from chrono.text.heading_items import headed_items_retold
from chrono.text.headline import Headline, headline_retold
from chrono.text.incident_window import incident_window
from chrono.text.layout_dating import Scope
from chrono.text.layout_dating import apply as date_by_layout
from chrono.text.lede import lede_nouns, lede_verbs, owner_clause_retold
from chrono.text.life_events import life_events
from chrono.text.named_events import named_events
from chrono.text.offsets import between_of, counted_from_state_starts, offset, offsets_in, within_of
from chrono.text.order import after_dated_ends, order, relative_sequence, sequence
from chrono.text.ordinals import ordinal_order
from chrono.text.outage_window import outage_window
from chrono.text.precedence import precedence
from chrono.text.profit_warnings import profit_warnings
from chrono.text.release_dates import release_dates
from chrono.text.reported import reported
from chrono.text.sentences import Sentence
from chrono.text.settings import held_settings
from chrono.text.states import participle_bounds, state_bounds
from chrono.text.table_rows import rows_retold
from chrono.text.tense import NOMINAL
from chrono.text.tenure import tenures
from chrono.text.timeline_acts import entries_retold, timeline_acts
from chrono.text.weddings import one_wedding


def build(text: str, sentences: Sequence[Sentence], timexes: Sequence[Timex], dct: Period | None,
          options: ReadingOptions, layout: Layout | None = None, scopes: Sequence[Scope] = (),
          told: Sequence[tuple[int, int]] = (), headline: Headline | None = None,
          later_frame: Sequence[tuple[int, int]] = ()) -> Built:
    """The events and claims of the prose ``text``. ``told``: the sentences that tell what an
    earlier piece said (chrono.text.corrections.told_sentences), whose claims are that piece's;
    ``headline``: the document's headline, read on its own (chrono.text.headline);
    ``later_frame``: an editor's words around a reprinted letter (chrono.text.letter_frame)."""
    blocks = (layout or Layout()).blocks
    headings = [(block.start, block.end) for block in blocks if block.kind is Kind.HEADING]
    datelines = [block.start for block in blocks if block.kind is Kind.DATELINE]
    # (one dateline opens the one story: its headline before it tells the same events)
    b = Builder(text, sentences, timexes, dct, options, headings, datelines if len(datelines) > 1 else ())
    b.dated_sections = _day_sections(blocks, timexes)
    b.dateline_days = _dateline_days(text, blocks, timexes)
    b.piece_said = tuple(told)
    b.later_frame = tuple(later_frame)
    life_events(b, timexes)  # "Maria Nys (1899–1955)": her birth and death, which "Maria died" joins
    timex_starts = [t.start for t in timexes]
    all_triggers: list[tuple[Sentence, Trigger]] = []
    previous: Sentence | None = None
    paragraph_start = previous_paragraph_start = -1
    for sentence in sentences:
        # "two days later" refers to an event of this sentence or of the one before (same paragraph)
        same = previous is not None and previous.paragraph == sentence.paragraph
        window_start = previous.start if same and previous is not None else sentence.start
        if previous is None or previous.paragraph != sentence.paragraph:
            if not b.in_heading(paragraph_start):
                # (past a heading, the paragraph before it: "…voted on 12 March. ¶ ## The April
                # vote ¶ Four weeks later, …")
                previous_paragraph_start = paragraph_start
            paragraph_start = sentence.start
        opening_window_start = previous_paragraph_start if previous_paragraph_start >= 0 else paragraph_start
        previous = sentence
        lo = bisect.bisect_left(timex_starts, sentence.start)
        hi = bisect.bisect_left(timex_starts, sentence.end)
        sent_timexes = tuple(t for t in timexes[lo:hi] if t.end <= sentence.end)
        triggers = _sentence_triggers(b, sentence)
        all_triggers.extend((sentence, t) for t in triggers)
        for t in triggers:
            if t.event_class in ("begin", "end", "causal") or t.event_class == "named":
                continue
            if (t.pos == "verb" and asserted(t)) or (t.pos == "noun" and is_asserted(b.text, t)):
                b.mention(sentence, t)
        if not triggers and not any(t.type == "DURATION" or t.signal == "since" for t in sent_timexes):
            for timex in sent_timexes:
                # "On its final morning, Saturday 11 March, the queue stretched …" (no event word)
                past_without_event(b, sentence, timex, None, timex.start)
            for match in offsets_in(text, sentence.start, sentence.end):
                # "Ten days later, on Wednesday 23 August, walkers were let back": the day set off
                # is that long after the story's last dated event
                offset(b, SentenceContext(sentence, (), sent_timexes, clause_bounds(text, sentence),
                                          window_start, opening_window_start), match)
            continue  # (a length may say a period of its own: "Impact: 47 minutes (09:12–10:21)";
            # "has been open since March" a state)
        here = SentenceContext(sentence, triggers, sent_timexes, clause_bounds(text, sentence), window_start,
                               opening_window_start)
        b.add_context(here)
        _anchor_sentence(b, here)
    precedence(b, all_triggers)
    state_bounds(b, all_triggers)  # "shut the bridge on 3 June … the closure"
    counted_from_state_starts(b)  # "closed on 2 May … a fortnight after the closure, on 23 May"
    ordinal_order(b)  # "a second landing" after the one told before
    anniversary_events(b)  # "the second anniversary of the tsunami": two years before
    date_by_layout(b, layout or Layout(), scopes)  # headings and entries (chrono.text.layout_dating)
    if not incident_window(b, layout or Layout(), scopes):  # a review's summary against its timeline
        outage_window(b)  # "the supply failed at 9.40am … the four-and-a-half-hour cut"
    timeline_acts(b, scopes)  # "the restart came only after the team was paged" … "14:31 — Team paged"
    entries_retold(b, layout or Layout(), scopes)  # "- **31 January** – notice lifted" … "lifted on 29th"
    rows_retold(b, layout or Layout(), scopes)  # "| Sat 12 Oct | Choral Union: *Creation* |" … "on 13 Oct"
    headed_items_retold(b, layout or Layout())  # "### Sat 14 Sep — Harvest Supper" … "held on 21 September"
    headline_retold(b, headline)  # "Gallery to reopen on 14 June" over "will reopen on Saturday 21 June"
    after_dated_ends(b)  # "conceded after the recount" … "the recount ended on 30 October"
    lede_nouns(b)  # "ending the ten-day walkout" … "drivers walked out at 4am on Thursday 3 October"
    lede_verbs(b)  # "The sale was approved by the board" … "the directors approved the sale … on 15 March"
    owner_clause_retold(b)  # "the departure of finance director Paula Renshaw, who left … on 19 February"
    tenures(b)  # "joined the trust as director in May 1999" … "step down at the end of June" … "her 11 years"
    governed_acts_told_later(b)  # "after the result had been announced" … "The result, announced on 22 March"
    completions_retold(b)  # "The acquisition … completed on 1 July" … "Since completion on 12 July"
    told_again(b)  # "in 2005, and again in 2003"
    firsts(b)  # "its oldest surviving boat … built in 1928" … "the sculling boat Kestrel, built in 1911"
    first_editions(b)  # "was first held in August 1965" … "a programme from the 1963 festival"
    first_times(b)  # "the first time the festival has been called off" … "The 2009 festival was called off"
    first_since(b)  # "their first County Senior Cup final since 1987" … "the 2004 final"
    first_persons(b)  # "in 1978 the first woman to captain the club" … "Miss Morrow … club captain" (1931)
    first_under(b, layout or Layout())  # "the first man … in under two hours" … "1:58:41, set in 2009"
    one_wedding(b)  # "married … on 3 June 1967" … "They were married on 17 June 1967"
    release_dates(b, layout or Layout(), scopes)  # a version's release in its table and its prose
    day_counts(b, scopes)  # "## Day 3 — 6 May" … "## Day 4 — 6 May"
    held_settings(b)  # "told shareholders at the annual general meeting, held on 8 June"
    profit_warnings(b)  # "profit warning" … "In a statement on 5 June, … said profit … below expectations"
    event_days(b)  # "walked out on Monday 9 October" … "on the eighth day of the walkout, Thursday 19 Oct"
    earlier_pieces(b, told)  # "Our obituary … said he married in 1965. They married in 1956."
    pieces_published(b, told)  # "In our edition of 14 September, a report … said" on 12 September
    return b.built()


_DAY_VALUE = lazy_compile(r"\d{4}-\d\d-\d\d")
_YEAR = lazy_compile(r"\d{4}")


def _day_sections(blocks: Sequence[Block], timexes: Sequence[Timex]) -> tuple[tuple[int, int, Timex], ...]:
    """What each heading that opens with a day scopes ("## Sunday 20 December, 3pm — …"), or
    that holds a day with its year written ("**25 years ago — Saturday, 10 July 1999**"), with
    that day."""
    days = [t for t in timexes if t.type in ("DATE", "TIME") and _DAY_VALUE.match(t.value)]
    out = []
    for block in blocks:
        if block.kind is not Kind.HEADING:
            continue
        day = next((t for t in days if t.start == block.start or (
            block.start <= t.start < block.end and t.anchor is None and _YEAR.search(t.text))), None)
        if day is not None:
            out.append((block.start, block.scope_end, day))
    return tuple(out)


def _sentence_triggers(b: Builder, sentence: Sentence) -> tuple[Trigger, ...]:
    """The event words of ``sentence``: the lexicon's, and named events ("the Geneva Summit",
    "the Battle of Kursk"), which replace the lexicon's words inside them."""
    triggers = find_triggers(b.text, sentence.start, sentence.end, lexicon(b.options.domain_files))
    for named in named_events(b.text, sentence):
        b.named_event(named)
        start, end = named.start, named.end
        triggers = [t for t in triggers if not start <= t.start < end]
        triggers.append(Trigger(start, end, b.text[start:end], named.key, "named", "noun", NOMINAL,
                                named.punctual))
    triggers.sort(key=lambda t: t.start)
    return tuple(triggers)


# the tagger's rules of a day written out with its month ("Tuesday 13 May", "May 13"), which take
# nothing but a year from an anchor
_WRITTEN_DAY = lazy_compile(r"(?:weekday_)?(?:day_month|month_day)(?:_year)?")


def _dateline_days(text: str, blocks: Sequence[Block], timexes: Sequence[Timex]) -> frozenset[str]:
    """The days the document's datelines write ("OSLO, 5 April —", and a heading the tagger read
    as its section's dateline, "### MILLBRAE, 13 February")."""
    res = load_resources("en")  # (the words of the tagger, which read the headings)
    days: set[str] = set()
    for block in blocks:
        if block.kind not in (Kind.DATELINE, Kind.HEADING):
            continue
        for t in timexes:
            if not block.start <= t.start < block.end or not _DAY_VALUE.match(t.value):
                continue
            if block.kind is Kind.DATELINE or dateline_heading(res, text, block, t.start, t.end):
                days.add(t.value[:10])
    return frozenset(days)


def _counted_from_the_date_before(text: str, here: SentenceContext, timex: Timex) -> bool:
    """"declared at 3.40am on Friday, almost five and a half hours later": a distance set off right
    after a date, which the tagger counted from that very date; it restates the date from an
    earlier event, and dates nothing itself."""
    if timex.anchor is None or timex.anchor == "DCT":
        return False
    before = [t for t in here.timexes if t.end <= timex.start]
    if not before or text[before[-1].end:timex.start].strip() != ",":
        return False
    if _WRITTEN_DAY.fullmatch(timex.rule or "") and is_deictic_day(before[-1]):
        # "today, Tuesday 13 May": a day written out took only its year from there, and says
        # again the day that "today" counts from the dateline (and may disagree with it). (After
        # a day counted from the story, "the following Tuesday, 6 February", the counted reading
        # is the doubtful one: the written day stays its restatement.)
        return False
    # ("shortly before midnight, fourteen hours later": 24:00 of one day is 00:00 of the next)
    value = _midnight_as_next_day(before[-1].value)
    return value.startswith(timex.anchor) or timex.anchor.startswith(value)


def _midnight_as_next_day(value: str) -> str:
    """``value`` with a time of 24:00 written as 00:00 of the next day."""
    if len(value) < 16 or value[10:16] != "T24:00":
        return value
    try:
        day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=1)
    except ValueError:
        return value
    return f"{day.isoformat()}T00:00{value[16:]}"


def _anchor_sentence(b: Builder, here: SentenceContext) -> None:
    phrases = offsets_in(b.text, here.sentence.start, here.sentence.end)
    lengthened: set[str] = set()
    dated_here: list[tuple[int, str]] = []

    # 1. durations first, so dates of the same events can be read in their light
    for timex in here.timexes:
        if timex.type == "DURATION":
            event_id = duration(b, here, timex)
            if event_id is not None:
                lengthened.add(event_id)
                range_beside(b, here, timex)  # "a four-hour meeting on Tuesday, from 10am to 3pm"
            else:
                stated_period(b, here, timex)  # "Impact: 47 minutes (09:12–10:21 UTC)"
            started_and_ended(b, here, timex)  # "16 days, starting on 19 May and ending on 30 May"
            journey_length(b, here, timex)  # "left on 3 May and reached Antigua on 14 June, after 38 days"
            summed_up(b, here, timex)  # "… began at 09:12 and was resolved at 13:40. In total, … for 4h28"
    # 2. dates, and the two ends of ranges together
    ranges: dict[int, dict[str, tuple[Timex, Period]]] = {}
    for at, timex in enumerate(here.timexes):
        if any(m.start() <= timex.start < m.end() or timex.start <= m.start() < timex.end for m in phrases):
            continue  # "two days later", "the next day": an offset, read below
        if _counted_from_the_date_before(b.text, here, timex):
            continue
        period = period_of(timex, b.dct, b.options.hemisphere)
        if period is None:
            continue
        if timex.range_id is not None and timex.range_role in ("begin", "end"):
            ranges.setdefault(timex.range_id, {})[timex.range_role] = (timex, period)
            continue
        if at > 0 and here.timexes[at - 1].range_role in ("begin", "end") and day_of_clock_after(
            b.text, here.timexes, at - 1
        ):
            continue  # "from 7pm on Friday 8 September until …": the range's end says it
        date(b, here, timex, period, lengthened, dated_here)
        when_clause(b, here, timex, period, dated_here)
    for pair in ranges.values():
        if "begin" in pair and "end" in pair:
            date_range(b, here, pair["begin"], pair["end"], dated_here)
    when_simultaneous(b, here)
    b.add_dated(sorted(dated_here))
    # 3. links between events
    for match in phrases:
        offset(b, here, match)
    within_of(b, here)
    between_of(b, here)  # "In the ten days between the migration and the outage"
    sequence(b, here, phrases)
    relative_sequence(b, here)
    order(b, here)
    causal(b, here)
    reported(b, here)
    participle_bounds(b, here)
