"""Release dates told twice: a version dated in a support table's release column or in its
changelog heading, and again in the prose ("| 3.0 | 2022-05-21 |" … "Since 3.0 arrived on 14 May
2022"). Both are the date of one release, so they must agree.

Only versions the table or the headings name are looked for in the prose (a bare "3.0" is as
often a figure), and only with a verb of release between the version and its date
(chrono/lang/en/prose/releases.yaml).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from chrono.layout import Kind, Layout
from chrono.lazy_regex import lazy_compile
from chrono.model import Event, EventExists, Grade, Part, Qualifier, Span
from chrono.periods import DAY, Period
from chrono.regex_cache import compile_kept
from chrono.tagger import Timex
from chrono.text.builder import Builder
from chrono.text.claims import TextPeriodClaim
from chrono.text.dating import period_of
from chrono.text.layout_dating import Scope
from chrono.text.vocabulary import vocabulary

__all__ = ["release_dates"]

_WORDS = vocabulary("releases")
_COLUMNS = frozenset(_WORDS.words("release_columns"))
_VERSION = lazy_compile(r"(?<![\w.])v?(\d{1,4}\.\d{1,4}(?:\.\d{1,4})?)(?![\w-]|\.\d)")
_VERBS_AFTER = _WORDS.pattern("release_verbs")
_VERBS_BEFORE = _WORDS.pattern("release_verbs_before")
# "v3.0" (the letter right before the figures), "version 3.0"
_VERSION_PREFIX = rf"v|(?:{_WORDS.pattern('version_words')})\s+"
_AUXILIARIES = _WORDS.pattern("release_auxiliaries")
_DATE_PREPOSITION = rf"(?:(?:{_WORDS.pattern('release_date_prepositions')})[ \t]+)?"


def release_dates(b: Builder, layout: Layout, found: Sequence[Scope]) -> None:
    """Claims that a version's release told in a table or heading and in the prose is one."""
    told = _in_tables(b, layout, found) + _in_headings(b, layout, found)
    if not told:
        return
    versions = {version for version, _, _ in told}
    prose = _in_prose(b, layout, versions)
    if not prose:
        return
    for version in sorted({version for version, _, _ in prose}):
        dates = [(span, period) for v, span, period in told + prose if v == version]
        event_id = f"release {version}"
        first = dates[0][0]
        b.events[event_id] = Event(event_id, version, Span(first.start, first.end, "event"), None, "entry")
        b.claims.append(EventExists(event_id, Span(first.start, first.end, "event")))
        for span, period in dates:
            b.claims.append(TextPeriodClaim(
                event_id, Part.WHOLE, Qualifier.IN, period, span, words=b.text[span.start:span.end],
                grade=Grade.STRONG, via=f"the release of {version}",
            ))


def _firmly_dated(found: Sequence[Scope], kind: Kind) -> Iterator[Scope]:
    return (scope for scope in found if scope.block.kind is kind and scope.grade is Grade.STRONG)


def _in_tables(b: Builder, layout: Layout, found: Sequence[Scope]) -> list[tuple[str, Span, Period]]:
    """"| 3.0 | 2022-05-21 | …" under a header whose column of that date names releases."""
    out = []
    for scope in _firmly_dated(found, Kind.ROW):
        row = scope.block
        line_start = b.text.rfind("\n", 0, row.start) + 1
        line_end = b.text.find("\n", row.start)
        line = b.text[line_start:line_end if line_end != -1 else len(b.text)]
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        column = b.text.count("|", line_start, scope.start) - (1 if line.lstrip().startswith("|") else 0)
        header = _header_of(b.text, line_start)
        if header is None or not 0 <= column < len(header) or header[column].lower() not in _COLUMNS:
            continue
        version = next((m.group(1) for cell in cells[:1] for m in [_VERSION.fullmatch(cell)] if m), None)
        if version is None:
            continue
        out.append((version, Span(scope.start, scope.end, "claim"), scope.period))
    return out


def _header_of(text: str, line_start: int) -> list[str] | None:
    """The cells of the first line of the Markdown table a row's line belongs to (the view
    blanks the "|---|" line under the header into spaces)."""
    header = text[line_start:text.find("\n", line_start)]
    start = line_start
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        line = text[previous:start - 1]
        if line.lstrip().startswith("|"):
            header = line  # a row above: the header is further up
        elif line and not line.strip():
            # the blanked separator: the header is the line right above it
            above = text.rfind("\n", 0, max(0, previous - 1)) + 1
            candidate = text[above:max(above, previous - 1)]
            if candidate.lstrip().startswith("|"):
                header = candidate
            break
        else:
            break
        start = previous
    first = header.strip()
    return [cell.strip() for cell in first.strip("|").split("|")] if first.startswith("|") else None


def _in_headings(b: Builder, layout: Layout, found: Sequence[Scope]) -> list[tuple[str, Span, Period]]:
    """"## 2.4.1 — 2024-03-15": a heading that is one version and its date."""
    out = []
    for scope in _firmly_dated(found, Kind.HEADING):
        block = scope.block
        versions = list(_VERSION.finditer(b.text, block.start, block.end))
        if len(versions) == 1:
            out.append((versions[0].group(1), Span(scope.start, scope.end, "claim"), scope.period))
    return out


def _in_prose(b: Builder, layout: Layout, versions: set[str]) -> list[tuple[str, Span, Period]]:
    """"3.0 arrived on 14 May 2022", "we released 3.1 on 6 December 2022" in a sentence outside
    tables and headings, for the versions the tables and headings date."""
    names = "|".join(re.escape(v) for v in sorted(versions, key=len, reverse=True))
    told = compile_kept(
        rf"(?<![\w.])(?:{_VERSION_PREFIX})?(?P<v>{names})(?![\w-]|\.\d)[ \t]+"
        rf"(?:(?:{_AUXILIARIES})[ \t]+)?(?:{_VERBS_AFTER})[ \t]+{_DATE_PREPOSITION}\Z"
        rf"|\b(?:{_VERBS_BEFORE})[ \t]+(?:{_VERSION_PREFIX})?(?P<w>{names})(?![\w-]|\.\d)"
        rf"[ \t]+{_DATE_PREPOSITION}\Z",
        re.IGNORECASE,
    )
    out = []
    starts = [t.start for t in b.timexes]
    for block in layout.blocks:
        if block.kind not in (Kind.PARAGRAPH, Kind.ITEM, Kind.LINE):
            continue
        lo = bisect.bisect_left(starts, block.start)
        for timex in b.timexes[lo:bisect.bisect_left(starts, block.end)]:
            match = told.search(b.text, max(block.start, timex.start - 80), timex.start)
            period = _day(b, timex) if match is not None else None
            if match is None or period is None:
                continue
            version = match.group("v") or match.group("w")
            out.append((version, Span(match.start(), timex.end, "claim"), period))
    return out


# A year-less date ("went out on 9 October") this many days or fewer before the document date
# is of the document's year, or the year before when that is nearer: no other reading is likely
_RECENT = 183 * DAY


def _day(b: Builder, timex: Timex) -> Period | None:
    """The period of a date written out with its year, or of a year-less one of the last half
    year before the document date (any other guessed year proves nothing here)."""
    if timex.type != "DATE" or (timex.anchor is not None and timex.anchor != "DCT"):
        return None
    period = period_of(timex, b.dct, b.options.hemisphere)
    if period is None or not period.bounded:
        return None
    if timex.anchor is not None:
        dct = b.dct
        if dct is None or dct.start is None or period.end is None or not (
            0 <= dct.start - period.start <= _RECENT if period.start is not None else False
        ):
            return None
    return period
