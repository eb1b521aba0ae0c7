"""A table row and the prose that tells the same thing on another day: "| Sat 12 Oct | Linton
Choral Union: Haydn's *Creation* | Corn Exchange |" above "the Choral Union's *Creation* on
Sunday 13 October"; "| Sat 16 March | Fenby Town | Away | W 4-1 |" beside "the 4-1 win away to
Fenby Town on 23 March".

A programme, a fixture list, a results table or a financial calendar gives each row a date
and a few words of its own: a name, a title, a score. The prose around it often tells one row
again. When a clause of the prose names words that only one row of the table has (not the
venue every row shares, not a word of the header) and gives one day beside them, that day is
the row's, and it must lie within the row's date (a row of a range, "Mon 31 Oct – Fri 18
Nov", holds any day of it).

The reading is sure only when the words are the row's own beyond doubt: two of them in common,
or a figure such as a score or a time ("4-1", "34:07"), or one with the verb the row's date
column is headed by ("Ferndale … will close, on Monday 24 October" beside "| Station | Closed
|"), and the day is tied to them (no other event word between, nothing that makes the day
another act's: "Tickets for the *Creation* go on sale on 9 September"). One word alone is a
doubt (a warning at most). A day far outside the table's own dates, a clause that also gives
the row's day, a word that sets one occasion apart from another ("last year's", "the
previous"), or words of more than one row are read as no retelling at all.

Each row retold becomes an event of its own, dated by the table (:attr:`Grade.STRONG`) and by
the prose (:attr:`ConflictKind.ENTRY_RETOLD`, reported by CHR316).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import attrs

from chrono.layout import Block, Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.model import Event, EventExists, Grade, Part, Qualifier, Span
from chrono.periods import DAY
from chrono.problems import ConflictKind
from chrono.tagger import Timex
from chrono.text.attachment import is_light
from chrono.text.builder import Builder
from chrono.text.claims import TextPeriodClaim
from chrono.text.clauses import clause_bounds, clause_of, looks_finite
from chrono.text.context import SentenceContext
from chrono.text.counts import count_of
from chrono.text.dating import period_of
from chrono.text.inflection import singular
from chrono.text.layout_dating import Scope, plan_table_rows, tables
from chrono.text.sentences import in_quote
from chrono.text.vocabulary import vocabulary

__all__ = ["rows_retold"]

_WORDS = vocabulary("layout")
_STOP = vocabulary("precedence").set("stop_words")
_CONTRAST = frozenset(vocabulary("coreference").words("contrast_words"))
_RECORDS = _WORDS.set("record_nouns")
# "the 4-1 win", "34:07", "4.21 m": a figure that is no date
_TOKEN = lazy_compile(r"[A-Za-z][\w'’-]*|\d+(?:[-–:.]\d+)+")
_FIGURE = lazy_compile(r"\d")
_NAME_FOLLOWERS = _WORDS.set("row_name_followers")
# a row whose first cell is a number ("| 3 | Concrete capping |"), and the numbers a clause says
_ROW_KEY = lazy_compile(r"[ \t|]*(\d{1,2})[ \t]*\|")
# a programme item's title: after its time and a dash, up to its details ("— Closing concert: …")
_PROGRAMME_TITLE = lazy_compile(r"[^\w\n]*([^:,.;(\n]+)")
_RELATIVE_OPENING = lazy_compile(rf"[\s,]*(?:{vocabulary('clauses').pattern('relative_pronouns')})\b",
                                  re.IGNORECASE)
_NUMBER_WORD = lazy_compile(r"\b(?:\d{1,2}|[A-Za-z]{3,})\b")
_LETTERS = lazy_compile(r"[A-Za-z]+")
_COORDINATED = lazy_compile(rf"\b(?:{_WORDS.pattern('row_coordinators')})\b", re.IGNORECASE)
_COORDINATED_CLAUSE = lazy_compile(
    rf"\b(?:{_WORDS.pattern('row_coordinators')})\s+(?:{_WORDS.pattern('clause_subject_determiners')})"
    rf"\s+((?:[\w'’-]+\s+){{1,3}})")
_COORDINATED_VERB = lazy_compile(
    rf"\b(?:{_WORDS.pattern('row_coordinators')})\s+(?:\w+ly\s+)?([a-z][\w'’-]*)")
# only the signal of a day that opens its clause ("On Saturday 14 September, the Mara Quintet …")
_SIGNAL_ONLY = lazy_compile(r"[\s,\"“(]*\w*[\s,]*")
# "opens on Saturday 14 September with …": the words after the day tell what its event holds
_MADE_OF_AFTER = lazy_compile(rf"[ \t,]*(?:{_WORDS.pattern('made_of_words')})\b", re.IGNORECASE)
# the signals under which a day is when the row's thing happens, not a bound or a deadline
_AT_SIGNALS = frozenset({None, "on", "at", "in"})
# "Tickets for the Creation …", "ahead of the final": the row's words in a phrase of another noun
_GOVERNED_BEFORE = lazy_compile(rf"\b(?:{_WORDS.pattern('row_governing_words')})\s+(?:\w+\s+){{0,2}}\Z",
                                re.IGNORECASE)
# how many days outside the table's own dates a day of the prose may lie and still be one of its rows'
_TABLE_REACH_DAYS = 21
# how many words may stand between the row's words and the day
_TIE_WORDS = 16
_SET_OFF_ASIDE = lazy_compile(r",[^,;.:!?\n]{1,120},")
_FRONTED_PHRASE = lazy_compile(
    rf"[\s\"“]*(?:{_WORDS.pattern('row_fronted_prepositions')})\s+[^,;.:!?\n]{{1,80}},\s*", re.IGNORECASE)
_SURE_SHARED = 2
_SURE_SHARE = 0.4  # of a row's own words


@attrs.frozen
class _Row:
    scope: Scope
    words: frozenset[str]  # its own words: in no other row of its table, nor its header
    header_verbs: frozenset[str]  # the words of the header of its date's column ("closed")
    table_start: int  # the first and last day of the table's dates (seconds)
    table_end: int
    key: int | None = None  # the number its first cell is ("| 3 | Concrete capping |")
    # a programme item's title, before its details ("Closing concert" in "**7pm** — Closing
    # concert: Mozart, *Requiem*"): all of it told again names the item beyond doubt
    title: frozenset[str] = frozenset()
    # a row with no word of its own, named only by all its words together ("| Autumn half-term |"
    # beside "| Spring half-term |" and "| Autumn term starts |")
    whole: bool = False
    name: str = ""  # its first cell, lower case: the name it is told by when ``whole``


def _tokens(text: str, start: int, end: int, timexes: Sequence[Timex]) -> dict[str, int]:
    """The content words and figures of ``text[start:end]`` outside its time expressions
    (lower case, singular), each with its first offset."""
    inside = [(t.start, t.end) for t in timexes if t.start < end and t.end > start]
    out: dict[str, int] = {}
    for match in _TOKEN.finditer(text, start, end):
        if any(lo <= match.start() < hi for lo, hi in inside):
            continue
        word = match.group().lower().strip("'’-")
        if not _FIGURE.search(word):
            if len(word) < 3 or word in _STOP:
                continue
            word = singular(word.removesuffix("'s").removesuffix("’s"))
        out.setdefault(word, match.start())
    return out


def _rows(b: Builder, layout: Layout, found: Sequence[Scope]) -> list[_Row]:
    dated: dict[int, Scope] = {}
    for scope in found:
        if scope.grade is not Grade.STRONG or scope.timex is None:
            continue
        if scope.block.kind is Kind.ROW:
            dated.setdefault(scope.block.start, scope)
        elif scope.block.kind is Kind.CELL and 0 <= scope.block.parent < len(layout.blocks) and (
            layout.blocks[scope.block.parent].kind is Kind.ROW
        ):
            # "| Ferndale | Mon 31 Oct – Fri 18 Nov |": the date of a cell after the first dates its row
            dated.setdefault(layout.blocks[scope.block.parent].start, scope)
    out: list[_Row] = []
    # (not a table of actions and their deadlines, "| Action | Owner | Due |": no row of it is
    # anything the prose tells as done)
    planned = {start for start, _ in plan_table_rows(b, layout)}
    for table in tables(layout):
        if any(block.start in planned for block in table):
            continue
        header, body = table[0], [(block, dated.get(block.start)) for block in table[1:]]
        scopes = [dated_scope for _, dated_scope in body if dated_scope is not None]
        if len(scopes) < 2 or len(scopes) < len(body) - 1:
            continue  # a table without a column of dates
        starts = [s.period.start for s in scopes if s.period.start is not None]
        ends = [s.period.end for s in scopes if s.period.end is not None]
        if len(starts) != len(scopes) or len(ends) != len(scopes):
            continue
        header_words = set(_tokens(b.text, header.start, header.end, ()))
        words = [set(_tokens(b.text, block.start, block.end, b.timexes)) for block, _ in body]
        for i, (block, row_scope) in enumerate(body):
            if row_scope is None:
                continue
            own = _own_words(words, i, header_words)
            whole = not own and _named_by_all(words, i, header_words)
            if whole:
                own = frozenset(words[i] - header_words)
            if own:
                key = _ROW_KEY.match(b.text, block.start)
                cells = b.text[block.start:block.end].split("|")
                name = next((cell.strip() for cell in cells if cell.strip()), "")
                out.append(_Row(row_scope, own, frozenset(_header_verbs(b, header, block, row_scope)),
                                min(starts), max(ends), int(key.group(1)) if key is not None else None,
                                whole=whole, name=" ".join(name.lower().split())))
    return out


def _named_by_all(words: Sequence[set[str]], i: int, common: set[str]) -> bool:
    """Do the words of row ``i`` (two at least, beyond ``common``) name it, all together, and
    no other row?"""
    own = words[i] - common
    return len(own) >= _SURE_SHARED and not any(own <= w for j, w in enumerate(words) if j != i)


def _name_told(text: str, at: int, name: str) -> bool:
    """Is ``name`` (a row's first cell, lower case) told at ``at`` as one name, with nothing after
    it that would make it part of another ("junior sports day practice")?"""
    words = name.split()
    tokens = list(itertools.islice(_TOKEN.finditer(text, at), len(words) + 1))
    if [m.group().lower() for m in tokens[:len(words)]] != words or any(
        text[a.end():b.start()].strip() for a, b in itertools.pairwise(tokens[:len(words)])
    ):
        return False
    if len(tokens) <= len(words) or text[tokens[len(words) - 1].end():tokens[len(words)].start()].strip():
        return True  # (punctuation after it)
    return tokens[len(words)].group().lower() in _NAME_FOLLOWERS


def _own_words(words: Sequence[set[str]], i: int, common: set[str]) -> frozenset[str]:
    """The words of row ``i`` that no other row has, nor ``common`` (its header's)."""
    others = set().union(*(w for j, w in enumerate(words) if j != i))
    return frozenset(words[i] - others - common)


def _programme_rows(b: Builder, layout: Layout, found: Sequence[Scope]) -> list[_Row]:
    """The items of a programme laid out under day headings ("## Sunday 14 June" over "- **7pm**
    — Closing concert: …"), each a row dated by its heading's day (and its own time)."""
    day_headings = {s.index for s in found if s.block.kind is Kind.HEADING and s.date_heading
                    and s.grade is Grade.STRONG}
    items = [s for s in found if s.block.kind is Kind.ITEM and s.grade is Grade.STRONG
             and s.block.parent in day_headings and s.period.start is not None and s.period.end is not None]
    if len({s.block.parent for s in items}) < 2 or len(items) < 3:
        return []
    words = [set(_tokens(b.text, s.block.start, s.block.end, b.timexes)) for s in items]
    headings = set().union(*(_tokens(b.text, layout.blocks[i].start, layout.blocks[i].end, b.timexes)
                             for i in day_headings))
    starts = [s.period.start for s in items if s.period.start is not None]
    ends = [s.period.end for s in items if s.period.end is not None]
    out = []
    for i, scope in enumerate(items):
        own = _own_words(words, i, headings)
        title = _PROGRAMME_TITLE.match(b.text, scope.end, scope.block.end)
        title_words = frozenset(_tokens(b.text, title.start(1), title.end(1), b.timexes) if title else ())
        if own:
            out.append(_Row(scope, own, frozenset(), min(starts), max(ends), title=title_words & own))
    return out


def _header_verbs(b: Builder, header: Block, row: Block, scope: Scope) -> set[str]:
    """The words of the header cell over the row's date ("Closed" over "Mon 31 Oct – …")."""
    before = b.text[row.start:scope.start]
    column = before.count("|") - (1 if before.lstrip().startswith("|") else 0)
    cells = [cell.strip() for cell in b.text[header.start:header.end].strip().strip("|").split("|")]
    if not 0 <= column < len(cells):
        return set()
    return {word.lower() for word in re.findall(r"[A-Za-z]+", cells[column])}


def rows_retold(b: Builder, layout: Layout, found: Sequence[Scope]) -> None:
    """Claims that a table row told again in the prose with a day of its own is one thing."""
    rows = _rows(b, layout, found) + _programme_rows(b, layout, found)
    if not rows:
        return
    in_table = [(block.start, block.end) for table in tables(layout) for block in table]
    prose = [(block.start, block.end) for block in layout.blocks if block.kind is Kind.PARAGRAPH]
    # ("SAN JOSE, Calif., September 3, 2024 —": the day the story was filed, and the place it
    # was filed from, which a row may name)
    datelines = [(block.start, block.end) for block in layout.blocks if block.kind is Kind.DATELINE]
    made: dict[int, str] = {}
    for sentence in b.sentences:
        if any(lo <= sentence.start < hi for lo, hi in in_table) or not any(
            lo <= sentence.start < hi for lo, hi in prose
        ):
            continue
        here = b.contexts.get(sentence.start)
        if here is None:  # (a sentence with no event word of the lexicon)
            timexes = tuple(t for t in b.timexes if sentence.start <= t.start < sentence.end)
            here = SentenceContext(sentence, (), timexes, clause_bounds(b.text, sentence), sentence.start)
        for timex in here.timexes:
            if not any(lo <= timex.start < hi for lo, hi in datelines):
                _retold_at(b, here, timex, rows, made)


def _verb_after_subject(words: str) -> bool:
    """Do the words after a coordinator and a determiner ("field must be") go on to a verb of
    their own after the subject's noun?"""
    return any(looks_finite(word) for word in words.split()[1:])


def _retold_at(b: Builder, here: SentenceContext, timex: Timex, rows: Sequence[_Row],
               made: dict[int, str]) -> None:
    text = b.text
    # (a day the words give: not a time of day, whose day the story lends it)
    if timex.type != "DATE" or timex.signal not in _AT_SIGNALS or in_quote(text, timex.start):
        return
    period = period_of(timex, b.dct, b.options.hemisphere)
    if period is None or period.start is None or period.end is None:
        return
    # (a month or a year is sure only with the verb the row's date column is headed by: "the
    # Brackley Vale store, which opened in 2013" beside "| Brackley Vale | 2011 |" under "Opened")
    # (and written out, not counted: "opened only four and a half years ago" is no month)
    coarse = period.end - period.start > DAY
    if coarse and timex.anchor is not None:
        return
    clause_start, clause_end = clause_of(here.cuts, timex.start)
    # ("opens on Thursday 12 June with a free session … and ends with the closing concert … on
    # Sunday 15 June": the words of the day's own verb phrase, past a verb joined before it)
    verb_starts = {t.start for t in here.triggers if t.pos == "verb"}
    joined = [m for m in _COORDINATED_VERB.finditer(text, clause_start, timex.start)
              if looks_finite(m.group(1)) or m.start(1) in verb_starts]
    # ("Camping opens at noon on the Friday and the field must be cleared by noon on Monday 8
    # June": a clause with a subject of its own joined before the day's verb)
    joined += [m for m in _COORDINATED_CLAUSE.finditer(text, clause_start, timex.start)
               if _verb_after_subject(m.group(1))]
    if joined:
        clause_start = max(m.start() for m in joined)
    later = [m.start() for m in _COORDINATED_CLAUSE.finditer(text, timex.end, clause_end)
             if _verb_after_subject(m.group(1))]
    if later:
        clause_end = later[0]  # (and the words of one joined after it are not the day's either)
    head_phrase = _FRONTED_PHRASE.match(text, clause_start)
    if head_phrase is not None and head_phrase.end() <= timex.start:
        # "After the folk service and a lazy afternoon, the Carrow Colliery Band … will bring the
        # curtain down on Sunday 18 September": the phrase set off at the head is no row the day is of
        clause_start = head_phrase.end()
    words = _tokens(text, clause_start, clause_end, here.timexes)
    matched = _matched_rows(rows, words)
    if not matched and _RELATIVE_OPENING.match(text, clause_start) and clause_start > here.sentence.start:
        # "the Brackley Vale store, which opened in 2013": the thing a relative clause is of
        clause_start, _ = clause_of(here.cuts, clause_start - 1)
        words = _tokens(text, clause_start, clause_end, here.timexes)
        matched = _matched_rows(rows, words)
    if not matched or (len(matched) > 1 and len(matched[1][1]) >= len(matched[0][1])):
        return  # none, or as many words of another row
    named = {count for word in _NUMBER_WORD.findall(text, clause_start, clause_end)
             if (count := count_of(word)) is not None}
    if any(other.key in named for other in rows if other is not matched[0][0] and other.key is not None):
        return  # "… to use the east arm, the contractor started phase three": another row, by its number
    row, shared = matched[0]
    if row.whole and not _name_told(text, min(words[word] for word in shared), row.name):
        return  # "the autumn term" of "| Autumn half-term |", "junior sports day practice": not its name
    scope = row.scope
    if timex.text.lower() in text[scope.block.start:scope.block.end].lower():
        return  # "Our Easter service": a day that is part of the row's name ("| Easter service |")
    assert scope.period.start is not None
    assert scope.period.end is not None
    if period.start < scope.period.end and period.end > scope.period.start:
        return  # the same day
    reach = _TABLE_REACH_DAYS * DAY
    if not row.table_start - reach <= period.start < row.table_end + reach:
        return  # a day far from the table's: another occasion of the same thing
    dct = b.dct
    if dct is not None and dct.start is not None and (
        (period.start < dct.start) != (scope.period.start < dct.start)
    ):
        return  # one before the document's day, one after: a plan and a thing done, two occasions
    for other in here.timexes:
        other_period = period_of(other, b.dct, b.options.hemisphere) if other is not timex else None
        if other_period is not None and other_period.start is not None and other_period.end is not None and (
            other_period.end - other_period.start <= DAY
            and other_period.start < scope.period.end and other_period.end > scope.period.start
        ):
            return  # the sentence gives the row's day too ("moved from Friday 5 to Saturday 6 July")
    positions = sorted(words[word] for word in shared)
    if len(shared) == 1 and not _FIGURE.search(shared[0]) and not text[positions[0]].isupper():
        return  # one common word ("the final", "back"): not a name of the row
    fronted = _SIGNAL_ONLY.fullmatch(text, clause_start, timex.start) is not None
    # ("The season opens on Saturday 14 September with Elgar's *Enigma Variations*": what the
    # day's event is made of, told right after the day)
    made_of = _MADE_OF_AFTER.match(text, timex.end) is not None
    if timex.start < positions[0] and (
        _COORDINATED.search(text, timex.end, positions[0]) or not (fronted or made_of)
    ):
        return  # "on the Monday and the FA Cup tie at home to Whitmoor": a day of something else
    if positions[-1] < timex.start and any(looks_finite(m.group(1)) for m in _COORDINATED_VERB.finditer(
        text, positions[-1], timex.start
    )):
        return  # "left the boat on a mooring in Carrick Roads and came home on Friday": the coming home's
    before = [w.lower() for w in _LETTERS.findall(text, max(clause_start, positions[0] - 30), positions[0])]
    if any(w in _CONTRAST and not _RECORDS & set(before[i + 1:]) for i, w in enumerate(before)):
        return  # "last year's open-air cinema on 14 July", "the previous AGM": another occasion
    lo, hi = min(positions[0], timex.start), max(positions[-1], timex.end)
    if _GOVERNED_BEFORE.search(text, max(clause_start, positions[0] - 30), positions[0]):
        return  # "Tickets for the Creation go on sale on 9 September": the tickets' day
    between = [t for t in here.triggers if lo <= t.start < hi and not (t.start <= positions[0] < t.end)]
    verbs = {word for t in between for word in (t.lemma.lower(), t.text.lower())}
    # ("close" under a column headed "Closed")
    stems = [h.removesuffix("ed").removesuffix("d") for h in row.header_verbs if len(h) > 3]
    heading_verb = bool(row.header_verbs & verbs) or any(v.startswith(stem) for v in verbs for stem in stems)
    if any(not is_light(t) and t.text.lower() not in row.words and singular(t.text.lower()) not in row.words
           for t in between) and not heading_verb:
        return  # another act between the row's words and the day
    if coarse and not heading_verb:
        return
    # (the row's words nearest the day tie it: "Brass Day, now in its tenth year, fills the Market
    # Square on Saturday 13 June, with eleven bands")
    # (after "with", the first of them: "with Elgar's *Enigma Variations* and … *Tide Clock*")
    tied = [p for p in positions if p < timex.start] or (positions[:1] if made_of else positions)
    # (past a noun phrase set off by commas: "the Carrow Colliery Band, one of the last brass
    # bands with a direct link to a working pit, will bring the curtain down on …")
    tie = _SET_OFF_ASIDE.sub(" ", text[min(tied[0], timex.start):max(tied[-1], timex.start)])
    if len(tie.split()) > _TIE_WORDS:
        return
    figure = any(_FIGURE.search(word) for word in shared)
    # (two words of a long row's name may be words of another thing: most of its words, or a
    # figure, or the column's verb)
    most = len(shared) >= _SURE_SHARED and len(shared) >= _SURE_SHARE * len(row.words)
    # (or the whole of a programme item's title: "the closing concert … on Sunday 15 June")
    titled = bool(row.title) and row.title <= set(shared)
    sure = most or figure or heading_verb or titled
    event_id = made.get(scope.block.start)
    if event_id is None:
        event_id = made[scope.block.start] = _row_event(b, scope)
    note = (f"the row at {b.where(scope.block.start)} has {', '.join(repr(w) for w in shared)}, "
            f"as no other row of its table has")
    span = b.span(timex.start, timex.end, positions[0], positions[-1] + 1)
    b.claims.append(TextPeriodClaim(event_id, Part.WHOLE, Qualifier.IN, period, span,
                                    words=text[span.start:span.end], conflict_kind=ConflictKind.ENTRY_RETOLD,
                                    grade=Grade.STRONG if sure else Grade.WEAK, via=note))


def _matched_rows(rows: Sequence[_Row], words: dict[str, int]) -> list[tuple[_Row, list[str]]]:
    """The rows that share words with ``words``, the most shared first."""
    return sorted(((row, sorted(row.words & set(words))) for row in rows if row.words & set(words)),
                  key=lambda found: -len(found[1]))


def _row_event(b: Builder, scope: Scope) -> str:
    """The row as an event within its own date."""
    words = " ".join(b.text[scope.block.start:scope.block.end].replace("|", " ").split())
    event_id = f"row '{words[:60]}'"
    span = Span(scope.block.start, scope.block.end, "event")
    b.events[event_id] = Event(event_id, words, span, None, "entry")
    b.claims.append(EventExists(event_id, span))
    b.claims.append(TextPeriodClaim(event_id, Part.WHOLE, Qualifier.IN, scope.period,
                                    b.span(scope.start, scope.end), words=b.text[scope.start:scope.end],
                                    grade=Grade.STRONG, via="the date of its row"))
    return event_id
