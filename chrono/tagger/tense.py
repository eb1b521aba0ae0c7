"""Tense around an expression, and what it decides: the year of a year-less month, the date
of a bare weekday or day of the month."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

from chrono.lazy_regex import lazy_compile
from chrono.tagger.calendar import SEASON_START, Anchor, add_days, add_months, counted_season_year
from chrono.tagger.context import Context, Reject
from chrono.tagger.resources import Resources, words_regex

__all__ = ["AGAINST_TENSE", "SENTENCE_END", "day_near_dct", "story_year", "tense", "weekday_date",
           "year_for_month"]

SENTENCE_END = lazy_compile(
    # the look-ahead on the first character of each alternative rejects most places in one step
    r"(?=[.!?;\n])(?:(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][\"'’”]*\s+(?=[\"“'`A-Z])|;\s+|\n\s*\n)"
)


def tense(ctx: Context, start: int, end: int, weekday: bool = False) -> int:
    """-1 past, +1 future, 0 unknown: the nearest tense marker in the sentence around a span.

    Strong markers (auxiliaries and irregular past forms from the lexicon) win over weak ones
    (any word ending in -ed); the left side is read first, as the verb usually precedes. For a
    bare ``weekday``, "would" is weak evidence of the future too.
    """
    text = ctx.text
    lo = max(0, start - 100)
    hi = min(len(text), end + 80)
    ends = [m.end() for m in SENTENCE_END.finditer(text, lo, min(len(text), start + 2))]
    left = text[max([lo, *[e for e in ends if e <= start]]):start]
    stop = SENTENCE_END.search(text, end, hi)
    res = ctx.res
    set_off = words_regex(res, _SET_OFF_CLAUSE, re.IGNORECASE).search(text, end, stop.start() if stop else hi)
    right = text[end:set_off.start() if set_off is not None else stop.start() if stop is not None else hi]
    left_words = _tense_words(res, left)[::-1]
    classes = res.classes
    # "as early as Tuesday", "no later than May 1": the bound looks ahead.
    leads = classes.get("tense_future_lead", {})
    for size in (3, 2):
        if len(left_words) >= size and " ".join(left_words[size - 1::-1]) in leads:
            return 1
    if words_regex(res, _ANTICIPATION, re.IGNORECASE).search(left):
        return 0  # "had been looking forward to her birthday in September": ahead of the clause's time
    if left_words and left_words[0] in classes.get("deadline_until", {}) and any(
        w in classes.get("deadline_setter", {}) for w in left_words[1:10]
    ):
        return 1
    if left_words and left_words[0] in classes.get("schedule_for", {}) and any(
        w in classes.get("schedule_setter", {}) for w in left_words[1:8]
    ):
        return 1  # "set the full hearing for Monday": a day ahead, whatever the tense of "set"
    if len(left_words) > 1 and left_words[0] in classes.get("schedule_for", {}) and (
        left_words[1] in classes.get("forecast_noun", {})
    ) and (ctx.frame_day is not None or not any(_mark(res, word) < 0 for word in left_words[2:8])):
        # "0900 gale warning for Thursday evening": a forecast is of a day ahead of the log's
        # entry (but in a news story one "issued" on Wednesday is ahead of that day, not of the
        # document's)
        return 1
    phrases = classes.get("tense_future_phrase", {})
    right_words = _tense_words(res, right)
    present_seen = False
    for words in (left_words, right_words):
        strong_only = False
        for index, word in enumerate(words):
            if words is left_words and index + 1 < len(words) and (
                words[index + 1] + " " + word in phrases
            ):
                if any(w in classes.get("tense_past_perfect", {}) for w in words[index + 2:index + 5]):
                    return -1  # "had been planned for Saturday night": a plan of the past
                if index + 2 < len(words) and words[index + 2] in classes.get("plan_seen_then", {}):
                    return 0  # "originally planned for 5 June": the day may be past or ahead
                if not weekday and _plan_told_past(classes, words[index + 2:index + 7]):
                    return 0  # "was listed for a trial due to start on Thursday 2 November"
                return 1  # "set to resume Monday", "is to meet Tuesday"
            if not strong_only and words is left_words and res.has("arrangement_ing", word) and (
                index + 1 < len(words) and words[index + 1] in classes.get("be_present", {})
            ):
                return 1  # "I'm flying to Cardiff on Friday": an arrangement ahead
            present = word in classes.get("be_present", {})
            if present and words is left_words and not strong_only and not weekday:
                # "drew 1-1 a fortnight ago, and the replay is at Brook Park on Tuesday 19
                # October": the present of the date's own clause, not a past further back (a bare
                # weekday, "the forecast is for rain on Friday", reads on; so does a word of the
                # future: "the next one is on 14 September")
                present_seen = True
                continue
            before_word = words[index + 1] if words is left_words and index + 1 < len(words) else ""
            if word in classes.get("plan_adjective", {}) and (
                before_word in classes.get("plan_adjective_determiner", {})
            ):
                continue  # "in a scheduled window": it describes the window, the clause has the tense
            # (the word after it in the text: the left side is read backwards)
            following = (words[index - 1] if index > 0 else "") if words is left_words else (
                words[index + 1] if index + 1 < len(words) else "")
            mark = _mark(res, word) or int(weekday and (word in classes.get("tense_future_weekday", {}) or (
                # ("she could not attend on Monday", "could have sailed on Friday": no forecast)
                word in classes.get("tense_future_weekday_unless_past", {})
                and following not in classes.get("modal_past_followers", {}))))
            if not mark or (strong_only and mark in (1, -1)):
                continue
            if mark == 1 and words is left_words and before_word in classes.get(
                "tense_weak_infinitive_marker", {}
            ) and word in classes.get("tense_future_weak", {}):
                continue  # "was asked to leave the club on Saturday 9 March": the tense of "was asked"
            if word in classes.get("have_forms", {}) and following in classes.get("have_object_openers", {}):
                continue  # "Then we have the summer for sea trials": a possession, not a perfect
            if f"{word} {following}" in classes.get("tense_word_phrases_not_tense", {}):
                continue  # "will close its doors for the last time"
            determiner = before_word if words is left_words else words[index - 1] if index > 0 else ""
            adjective_determiners = classes.get("plan_adjective_determiner", {})
            if mark == -1 and word.endswith("ed") and determiner in adjective_determiners:
                continue  # "for a rearranged fixture", "the delayed train": it describes the noun
            if mark == -1 and words is right_words and index >= 3 and (
                words[index - 2] in classes.get("participle_phrase_article", {})
                and words[index - 3] in classes.get("participle_phrase_preposition", {})
                and following in classes.get("participle_phrase_follower", {})
            ):
                continue  # "on Wednesday 18 October in a fixture rearranged from September"
            if mark == -1 and words is left_words and index + 1 < len(words) and (
                words[index + 1] in classes.get("tense_future", {})
                or (index + 2 < len(words) and words[index + 2] in classes.get("tense_future", {})
                    and res.has("stay_verb", words[index + 1]))
            ):
                # "will hit", "may set": a past-looking form after a future auxiliary; "will
                # remain closed", "will stay shut": a participle after a verb of staying
                return 1
            if mark in (1, -1) and words is left_words and index + 1 < len(words) and (
                res.has("passive_auxiliary", words[index + 1])
            ):
                # "will be paid", "is expected": the participle says nothing about tense.
                strong_only = True
                continue
            if mark > 0 and words is left_words and index <= 2 and any(
                w in classes.get("tense_past_perfect", {}) for w in words[index + 1:index + 5]
            ):
                # "had been due to expire Friday": the plan lies in the past.
                return -1
            if mark == 1 and words is left_words and not weekday and (
                _plan_told_past(classes, words[index + 1:index + 6])
            ):
                # (a bare weekday reads on: "forecasters said another storm was due by Thursday")
                return 0  # "was listed for a trial due to start on Thursday 2 November"
            if mark < 0 and present_seen:
                return 0
            return 1 if mark > 0 else -1
    return 0


def _plan_told_past(classes: Mapping[str, Mapping[str, Any]], words: list[str]) -> bool:
    """Is the first "be" (or future auxiliary) of ``words`` (read back from a plan word) a past
    one: the plan told as it stood then?"""
    for word in words:
        if word in classes.get("plan_told_present", {}):
            return False
        if word in classes.get("plan_told_past", {}):
            return True
    return False


_SET_OFF_CLAUSE = r",\s*(?:{tense_right_stop})\b"
_ANTICIPATION = r"\b(?:{tense_anticipation})\b"
_RANGE_FROM = r"\b(?:{range_from})\b"
_WEEKDAY_AHEAD = r"(?:^|\s)(?:{tense_weekday_ahead})\s+(?:on\s+)?\Z"
# "since 1980", "until 1975": the bound of a state, not the time a story is set in.
_STATE_BOUND = r"\b{state_bound}\s+\Z"
_PERIOD_FOR = r"\b{period_for}\s+\Z"
_SINCE_BEFORE_YEAR = r"\b{since_word}\s+(?:[\w'’-]+\s+){0,4}\Z"
# "Born on 17 May 1992 …": a birth, not the time a story is set in
BIRTH_LEAD = r"\b{birth_lead}\s+\Z"


def _tense_words(res: Resources, segment: str) -> list[str]:
    """The lower-cased words of ``segment``; a capitalized month name that is also a modal
    ("May") is the month unless it opens the segment."""
    future = res.classes.get("tense_future", {})
    contractions = res.classes.get("contraction", {})
    endings = tuple(contractions)
    modified = res.classes.get("tense_future_modified", {})
    words = res.word_regex.findall(segment)
    out = []
    for index, word in enumerate(words):
        low = word.lower().replace("’", "'")
        if index and low in future and word[:1].isupper() and res.has("month", word):
            continue
        if low in future and index + 1 < len(words) and f"{low} {words[index + 1].lower()}" in modified:
            continue  # "the planning committee", "the expected result": a noun's modifier
        if endings and low.endswith(endings):
            # "I'll be back Monday": the full word
            low = next(str(full) for ending, full in contractions.items() if low.endswith(ending))
        out.append(low)
    return out


def _mark(res: Resources, word: str) -> int:
    if word in res.classes.get("tense_future", {}):
        return 2
    if word in res.classes.get("tense_future_weak", {}):
        return 1
    if word in res.classes.get("tense_past", {}):
        return -2
    if word in res.classes.get("tense_past_weak", {}):
        return -1
    for suffix, shortest in res.classes.get("tense_past_suffix", {}).items():
        # "rallied", "announced": any such word is weak past evidence, bar the exceptions.
        if len(word) >= int(shortest) and word.endswith(suffix) and (
            word not in res.classes.get("tense_ed_not_past", {})
        ):
            return -1
    return 0


def day_near_dct(ctx: Context, day: int, start: int, end: int) -> dt.date:
    base = ctx.base()
    candidates = []
    for step in (-1, 0, 1):
        month_start = add_months(base.replace(day=1), step)
        try:
            candidates.append(month_start.replace(day=day))
        except ValueError:
            continue
    if not candidates:
        raise Reject
    direction = tense(ctx, start, end)
    if direction > 0:
        ahead = [c for c in candidates if c >= base]
        return min(ahead) if ahead else max(candidates)
    if direction < 0:
        behind = [c for c in candidates if c <= base]
        return max(behind) if behind else min(candidates)
    ctx.guessed = True
    return min(candidates, key=lambda c: (abs((c - base).days), c > base))


# A story this many years before its document date is a story of another time (a memoir, a
# history, a diary), even where its frame speaks from the document's date: only words of that
# frame between the story's last date and a year-less one bring the reading back to the DCT.
LONG_AGO_YEARS = 10
_LONG_AGO_YEARS = LONG_AGO_YEARS
# the times a story is told at (not "the 1980s", a year, a century: a text looks back to those)
PARAGRAPH_BREAK = lazy_compile(r"\n[ \t]*\n")
STORY_GRANULARITIES = frozenset({"D", "M", "S", "W", "Q"})
# ... and a year written out ("in early 1998") sets the time entries of a diary are in
ERA_GRANULARITIES = STORY_GRANULARITIES | {"Y"}
# How many months after the story's last day an entry without a year still reads as the story's
_ENTRY_MONTHS = 3
# How many months before the story's month a year-less month still reads as the story's year
_LOOK_BACK_MONTHS = 2


def _long_ago(ctx: Context, story: Anchor) -> bool:
    """A story set at a day, month or season years before the DCT, the time the text first
    writes out ("On 15 August 1987 …", "In the summer of 1898 …"), not a date a news story
    looks back to ("the Dec. 21, 1988, bombing" after this year's dates)."""
    first = ctx.first_written
    # (or the season or month the story is set in, written out after an earlier first date:
    # "From 1970 … The summer of 1976 was the hottest"; not a day, "declaring victory on Jan. 1,
    # 1959", which a news story recaps before coming back to its own time)
    return (first is not None and story.gran in STORY_GRANULARITIES
            and (abs(story.day.year - first.day.year) <= 1 or (
                story is ctx.story_era and story.gran in ("S", "M") and first.day.year < story.day.year))
            and ctx.base().year - story.day.year >= _LONG_AGO_YEARS)


def era_long_ago(ctx: Context, era: Anchor) -> bool:
    """Whether the time a story told entry by entry is set in (``ctx.story_era``) lies years
    before the DCT: then its entries' year-less dates are its own."""
    return era.gran in ERA_GRANULARITIES and ctx.base().year - era.day.year >= _LONG_AGO_YEARS


# "In the summer of 1987, …": a time that opens its sentence, set off by a comma
_SCENE_OPENER = r"(?:{signal})\s+\Z"
_SCENE_CLOSE = r"\s*,"


def _sets_the_scene(ctx: Context) -> bool:
    """Does the story's time open its sentence ("In the summer of 1987, four students …")?"""
    lo = sentence_start(ctx.text, ctx.ref_start, 160)
    opener = words_regex(ctx.res, _SCENE_OPENER, re.IGNORECASE).fullmatch(ctx.text, lo, ctx.ref_start)
    return opener is not None and words_regex(ctx.res, _SCENE_CLOSE).match(ctx.text, ctx.ref_end) is not None


def story_year(ctx: Context, month: int, start: int = -1) -> int | None:
    """The year a year-less ``month`` has in a story set in another time ("In June 1944 she
    landed ... in the autumn"), forward from the story's last date; None when the text is not
    such a story (it speaks from its own date, or the last date is years-near the DCT or only
    the bound of a state, "since 1980")."""
    story, since = ctx.ref, ctx.ref_end
    last = ctx.frames.last_entry if ctx.frames is not None else None
    if last is not None and story is not None and ctx.frames is not None and (
        ctx.frames.last_entry_end > since and abs(last.day.year - story.day.year) <= 1
    ):
        # "… **Mon 23rd.** Sent a sample. ¶ The results came back on 4 December": the story goes
        # on from its last entry, not from the time told before the entries
        story, since = last, ctx.frames.last_entry_end
    # (a decade or a century, "for most of the 1960s", gives no year to a day)
    if story is None:
        return None
    if start >= 0 and ctx.frames is not None and ctx.frames.heading_between(since, start) and (
        tense(ctx, start, start + 1) >= 0
    ):
        # "… opened on 26 December 1898. ¶ ## Coming up ¶ The autumn season opens on …": past a
        # heading, a clause that does not tell the past is not the story's
        return None
    # "in 2021 it was held in April and again in October": the year written in the month's own
    # clause is its year, even in a text that speaks from its date
    in_clause = story is ctx.ref and _year_of_clause(ctx, story, start)
    if not in_clause and story is ctx.ref and story.gran == "Y" and start >= 0 and words_regex(
        ctx.res, _COPULA_YEAR, re.IGNORECASE
    ).search(ctx.text, max(0, ctx.ref_start - 16), ctx.ref_start) and not PARAGRAPH_BREAK.search(
        ctx.text, since, start
    ) and not ctx.speaks_from_now(since, start):
        in_clause = True  # "That was 1994. We arrived on 6 August": the paragraph's year
    if not in_clause and story is ctx.ref and _year_of_sentence_before(ctx, story, start):
        in_clause = True  # "The floods of 2007 were almost as bad. The river came over it in June"
    long_ago = start >= 0 and _long_ago(ctx, story)
    later_paragraph = PARAGRAPH_BREAK.search(ctx.text, since, start) if long_ago else None
    if later_paragraph is not None and story is ctx.ref and _sets_the_scene(ctx):
        # "In the summer of 1987, four students set out … She told me the story last week. ¶
        # They left on 12 July": a story whose time opens its first sentence; the words of now
        # in that paragraph are its frame, and a later paragraph goes back to the story
        since = later_paragraph.end()
    speaks_from_now = not in_clause and (
        abs(story.day.year - ctx.base().year) < 2 or story.gran == "W" or story.gran not in ERA_GRANULARITIES
        or (ctx.speaks_from_now(since, start) if start >= 0 and (
            long_ago or _set_just_before(ctx, story, start)) else ctx.is_news()))
    if (speaks_from_now
            or (story.gran == "Y" and ref_bounds_a_state(ctx))
            or words_regex(ctx.res, BIRTH_LEAD, re.IGNORECASE).search(
                ctx.text, max(0, ctx.ref_start - 12), ctx.ref_start)):
        return None
    # a month before the story's is next year's ("In June 1944 … in March"), unless it is only a
    # few months back: a story that has just told its main day looks back to what led up to it
    # ("launched on 21 December 1968 … announced on 12 November")
    # ("the winter of '47", its year written: its January and March are 1947's, as a reader
    # takes them; "the previous winter" counted from 1968 holds the next January)
    written = story is ctx.ref and any(c.isdigit() for c in ctx.text[max(0, ctx.ref_start):ctx.ref_end])
    story_month = 1 if story.value.endswith("-WI") and written else story.day.month
    forward = (story.gran in ("D", "M", "Q", "H", "S") and month < story_month
               and story_month - month > _LOOK_BACK_MONTHS)
    # (past the story's season: "the summer of 1972 … I had turned ten on the fourteenth of
    # July" is that summer's July)
    last_month = story_month + (2 if story.gran == "S" else 0)
    if start >= 0 and month > last_month and story.gran in ("M", "S") and words_regex(
        ctx.res, _PLUPERFECT_BEFORE, re.IGNORECASE
    ).search(ctx.text, max(0, start - 48), start):
        # "It was the spring of '57. … We'd only moved to Low Street at Christmas": told as
        # before the story's time, the month of the year before
        return story.day.year - 1
    return story.day.year + forward


# what may stand between a fronted year and its clause: "In 2021, …", "By 1998 the …"
_FRONTED_YEAR_GAP = lazy_compile(r"[ \t]*,?[ \t]*")
_CLAUSE_BREAK = lazy_compile(r"[,;:()—–]|\s-\s")
_YEAR_DAYS = 365
_EARLIER_EVENT_PHRASE = (r",\s*(?:{earlier_order_words})\s+(?:(?:{article_definite})\s+)?"
                         r"(?:[\w'’-]+\s+){0,3}[a-z]+\s+(?:{earlier_event_preposition})\s+\Z")
_COPULA_YEAR = r"\b(?:{year_copula})\s+\Z"
_RELATIVE_AFTER_YEAR = r"[ \t]*,[ \t]*(?:{relative_after_year})\b"
_APPOSED_ACT = (r",[ \t]*(?:{article_indefinite})[ \t]+(?:[\w'’-]+[ \t]+){1,3}?"
                r"(?:{relative_after_year})\b")
_FRONTED_LEAD = lazy_compile(r"(?:^|[:;]\s*|\n\s*)(?:[\w’']+[ \t]+)?\Z")


def _year_of_clause(ctx: Context, story: Anchor, start: int) -> bool:
    """Is the story's year written in digits earlier in the clause of ``start`` ("in 2021 it
    was held in April and again in October"; "In 2021, the race was held in April"), not in
    another clause set off before it ("The firm, founded in 2011, opened a shop in April")?"""
    if start < 0 or story.gran not in ("Y", "M") or not 0 <= ctx.ref_end <= start:
        return False
    lead = sentence_start(ctx.text, start, 240)
    years = [m for m in _WRITTEN_YEAR.finditer(ctx.text, lead, start) if int(m.group()) == story.day.year]
    if not years:
        return False
    year = years[-1]
    if _CLAUSE_BREAK.search(ctx.text, year.end(), start) is None:
        return True
    relative = words_regex(ctx.res, _RELATIVE_AFTER_YEAR, re.IGNORECASE).match(ctx.text, year.end())
    if relative is not None and _CLAUSE_BREAK.search(ctx.text, relative.end(), start) is None:
        return True  # "the strike of 1982, which began on 4 July"
    first_break = _CLAUSE_BREAK.search(ctx.text, year.end(), start)
    apposed = first_break is not None and words_regex(ctx.res, _APPOSED_ACT, re.IGNORECASE).match(
        ctx.text, first_break.start())
    if apposed and _CLAUSE_BREAK.search(ctx.text, apposed.end(), start) is None:
        # "in 1889 the station was rebuilt in stone, a job that lasted from March to November":
        # a noun set off after the clause names its act, and its clause is in that year
        return True
    # a fronted year: only its preposition before it, and a comma after it
    gap = _FRONTED_YEAR_GAP.match(ctx.text, year.end())
    return bool(_FRONTED_LEAD.search(ctx.text, lead, year.start())) and gap is not None and (
        _CLAUSE_BREAK.search(ctx.text, gap.end(), start) is None)


def _year_of_sentence_before(ctx: Context, story: Anchor, start: int) -> bool:
    """Is the story's year written out in the sentence just before the one of ``start``, in the
    same paragraph, with nothing of now between, and does ``start`` tell the past ("The floods of
    2007 were almost as bad. The river came over the Glebe in June")?"""
    if start < 0 or story.gran != "Y" or not 0 <= ctx.ref_end <= start:
        return False
    own = sentence_start(ctx.text, start, 240)
    before = sentence_start(ctx.text, max(0, own - 2), 240)
    written = _WRITTEN_YEAR.search(ctx.text, ctx.ref_start, ctx.ref_end) is not None
    # "… enforcement of the 1965 Voting Rights Act. In late June, the court ruled": a year that
    # names a law, a treaty or a tournament is not the time the next sentence tells
    names = _YEAR_IN_NAME.match(ctx.text, ctx.ref_end) is not None and ctx.text[
        max(0, ctx.ref_start - 4):ctx.ref_start].lower().endswith(("the ", "’s ", "'s "))
    return (before <= ctx.ref_start < own and written and not names
            and not PARAGRAPH_BREAK.search(ctx.text, ctx.ref_end, start)
            and not ctx.speaks_from_now(ctx.ref_end, start) and tense(ctx, start, start + 1) < 0)


def _set_just_before(ctx: Context, story: Anchor, start: int) -> bool:
    """A time years away that a quoted witness or an interview's answer stated in the
    paragraph of ``start`` ("an interview recorded on 14 August 1998 … ¶ "The big snow was the
    winter of '47 … It started the last week of January"): the story's, though the text first
    wrote out another time.
    (Not a date a news paragraph looks back to: "… the Dec. 21, 1988, bombing … agreed in
    April".)"""
    if (ctx.ref_derived or story.gran not in STORY_GRANULARITIES or not 0 <= ctx.ref_end <= start
            or ctx.base().year - story.day.year < _LONG_AGO_YEARS
            or PARAGRAPH_BREAK.search(ctx.text, ctx.ref_end, start) is not None):
        return False
    window = max(0, ctx.ref_end - _PARAGRAPH_REACH)  # (a paragraph longer than this: no quote)
    breaks = list(PARAGRAPH_BREAK.finditer(ctx.text, window, ctx.ref_end))
    opening = breaks[-1].end() if breaks else 0
    if not breaks and window > 0:
        return False
    return ctx.text[opening:opening + 2].lstrip()[:1] in _QUOTE_OPENERS or (
        _SPEAKER_LABEL.match(ctx.text, opening) is not None)


_QUOTE_OPENERS = frozenset('"“')
_YEAR_IN_NAME = lazy_compile(r"[ \t]+[A-Z][a-z]+")
# "We'd only moved … at", "had already left … in": a pluperfect in the clause before a date
# what follows the auxiliary of a pluperfect: an adverb or two, then the participle ("had only
# just left", "had quickly issued")
_PLUPERFECT_PARTICIPLE = (r"\s+(?:[a-z]+(?:{adverb_suffix})\s+|(?:{pluperfect_adverb})\s+)?"
                          r"[a-z]+(?:{participle_ending})\b")
_PLUPERFECT_BEFORE = (r"(?:\b(?:{pluperfect_auxiliary})|(?:{pluperfect_contraction}))"
                      + _PLUPERFECT_PARTICIPLE + r"[^.;:!?\n]{0,40}\Z")
# "**JESSIE ORME:** It was the spring of '57.", "A: …": an interview's answer, a witness's words
_SPEAKER_LABEL = lazy_compile(r"[ \t]*[*_]*(?:[A-Z][A-Za-z.'’-]*[ \t]+){0,3}[A-Z][A-Za-z.'’-]*:[*_]*[ \t]")
_PARAGRAPH_REACH = 3000


def ref_bounds_a_state(ctx: Context) -> bool:
    """Do the words right before the reference make it only the bound of a state ("since 1971",
    "a mechanism that dates from 1958"), not a time the story is set in?"""
    return ctx.ref_start >= 0 and words_regex(ctx.res, _STATE_BOUND, re.IGNORECASE).search(
        ctx.text, max(0, ctx.ref_start - 8), ctx.ref_start) is not None


def ref_is_a_period_for(ctx: Context) -> bool:
    """Is the reference the year a figure or a plan is for ("profit for 2017"), not a time the
    story is set in?"""
    return ctx.ref_start >= 0 and words_regex(ctx.res, _PERIOD_FOR, re.IGNORECASE).search(
        ctx.text, max(0, ctx.ref_start - 8), ctx.ref_start) is not None


def story_base(ctx: Context, start: int, end: int) -> Anchor | None:
    """The day "today", "tomorrow", "this morning" count from in a story of another time told
    day by day ("**Saturday 13 June 2015 – …** … Tomorrow, the first climb."): the story's day,
    unless a frame around dates them or the text has come back to its own date since."""
    day = ctx.day_ref
    if day is None and ctx.frames is not None:
        day = ctx.frames.last_entry  # "*Thursday night, 11th October.*" heading a letter of 1917
    if day is None or ctx.frame_day is not None or not era_long_ago(ctx, day):
        return None
    # (only in a story told entry by entry: a news story that recalls a day of 1949 still says
    # "Friday" of its own week)
    last = ctx.frames.last_entry if ctx.frames is not None else None
    if last is None or ctx.frames is None or abs(last.day.year - day.day.year) > 1:
        return None
    if ctx.frames.last_entry_end < ctx.frames.letter_end <= start:
        return None  # "… Your loving son, Walter ¶ … she found the letter last year": the letter is over
    # inside the entry (its label's paragraph or the one after it) "next week" and "yesterday"
    # are the writer's; further on, only if nothing since speaks from the document's date
    # (from the day the entry is written, not the last day it tells of: "your parcel came on
    # Monday, and we move up tomorrow" in a letter of Thursday)
    breaks = len(PARAGRAPH_BREAK.findall(ctx.text, max(0, ctx.frames.last_entry_end), start))
    # (not past a heading of its own: "- **2016** — … ¶ ## This year": a new section)
    if breaks <= 1 and ctx.frames.last_entry_end <= start and not ctx.frames.heading_between(
        ctx.frames.last_entry_end, end
    ):
        ctx.story_told_end = end
        return last
    # (the entry itself, when no time came since; nor the words last read from the entry's day:
    # "this week they say next year" in a letter of 1968)
    since = max(ctx.ref_end, ctx.frames.last_entry_end, ctx.story_told_end)
    if ctx.speaks_from_now(since, start):
        return None
    if any(abs(int(year.group()) - ctx.dct.year) < abs(int(year.group()) - day.day.year)
           for year in _WRITTEN_YEAR.finditer(ctx.text, max(0, ctx.frames.last_entry_end), start)):
        # "… she died in 2016. ¶ Students reopened the site last summer": a year written since,
        # nearer the document's than the story's, has brought the text back to now
        return None
    ctx.story_told_end = end
    return last


def _story_entry(ctx: Context, start: int, end: int) -> Anchor | None:
    """The day of the last entry, when the expression at ``[start, end)`` opens the next one of
    a story of another time (a diary, a log, a journey)."""
    era = ctx.story_era
    if era is None or ctx.frames is None or not era_long_ago(ctx, era) or not ctx.frames.leads(start, end):
        return None
    last = ctx.frames.last_entry
    return last if last is not None and abs(last.day.year - era.day.year) <= 1 else None


def story_entry_ref(ctx: Context, start: int, end: int) -> Anchor | None:
    """The time an entry that opens at ``[start, end)`` continues ("**Monday 5th.**" in a diary
    of 1953 printed with a frame that speaks from today): its last entry's day, else the
    story's own time; None unless the text is a story of another time told entry by entry."""
    if ctx.frames is None or not ctx.frames.leads(start, end):
        return None
    era = ctx.story_era
    if era is None or not era_long_ago(ctx, era):
        return None
    last = ctx.frames.last_entry
    if last is not None and abs(last.day.year - era.day.year) <= 1:
        return last
    ref = ctx.ref
    if ref is not None and ref.gran in ("D", "M", "W") and ref.day.year == era.day.year and (
        ctx.ref_end > ctx.story_era_end
    ):
        # "kept it from New Year's Day 1966 … We print the entries for March 1966": the time of
        # the story told last, before its first entry
        return ref
    return era


def _entry_year(ctx: Context, month: int, start: int, end: int) -> int | None:
    """The year of a year-less date that opens an entry ("*June 2.* Sailed …", "**Tuesday
    4th.**") in a story of another time: the story's, whatever the frame around the entries
    says from the document's date ("… is published in full this month. A few entries follow.")."""
    if ctx.frames is None or not ctx.frames.leads(start, end):
        return None
    era = ctx.story_era
    last = ctx.frames.last_entry
    # (entries of days of another time than a year told among them go on from the last entry:
    # "**Day 4, Tuesday 31 May.** … a pier rebuilt in 2019, replacing one put up in 1898. ¶
    # **Day 6, Thursday 2 June.**")
    went_on = last is not None and last.gran == "D" and era is not None and (
        abs(last.day.year - era.day.year) > 1)
    if era is not None and era_long_ago(ctx, era) and not went_on:
        if last is None or abs(last.day.year - era.day.year) > 1:
            # "… who released her first album in 2009 … ¶ ### Key dates ¶ - **1 March** —", "##
            # Thursday 18 July ¶ … born 18 July 1960 … ¶ ## Friday 19 July": a time told in
            # passing does not set the entries of the next section (nor move them out of the
            # year of the entries before it)
            if (era.gran == "Y" or last is not None) and ctx.frames.heading_between(ctx.story_era_end, end):
                return None
            # the first entry: the year that puts it nearest the story's time ("The entry for 1
            # December 1911 …" over "*Tuesday, Nov. 28th.*"); a diary then goes on from its entries
            if era.gran == "Y":
                return era.day.year
            return min((era.day.year - 1, era.day.year, era.day.year + 1),
                       key=lambda year: (abs((dt.date(year, month, 1) - era.day.replace(day=1)).days), -year))
        forward = last.gran in ("D", "M", "Q", "H", "S") and month < last.day.month
        return last.day.year + forward
    # "The bridge was inspected on 12 February 2024 … ¶ **19 February.** …": an entry soon
    # after the story's last day is in its year (or the next, past a new year)
    story = last or ctx.ref
    if story is None or story.gran not in ("D", "M"):
        return None
    for year in (story.day.year, story.day.year + 1):
        try:
            candidate = dt.date(year, month, 1)
        except ValueError:
            return None
        if story.day.replace(day=1) <= candidate <= add_months(story.day.replace(day=1), _ENTRY_MONTHS):
            return year
    return None


SENTENCE_BREAK = lazy_compile(r"[.!?][\"”’)]*\s|\n")  # a sentence's end or a line's
_REPORTED_BEFORE = r"\b(?:{reporting_verbs})\s+(?:[\w,]+\s+){0,3}\Z"
# "Entries for next year's race": a year counted from now inside a phrase of another noun
_OF_ANOTHER_NOUN = r"\b(?:{year_phrase_prepositions})\s+\Z"
# "… and the bank would …": a clause with a subject of its own joined on
_NEW_CLAUSE = (r"\b(?:{list_conjunction})\s+(?:{plan_adjective_determiner})\s+[\w'’-]+\s+"
               r"(?:{clause_auxiliary})\b")
_PRONOUN_CLAUSE = r"[,;]\s+(?:{clause_joiner})\s+(?:{clause_pronoun})\s+(?:{clause_auxiliary})\b"
# "last year's", "next year": a year counted from now (the sentence's year for a year-less date;
# not "the next year": the story's, see _counted)
_COUNTED_YEAR = r"\b({rel})\s+(?:{year_word})\b(?:{possessive})?"
_MONTH_LABEL = r"(?:{article_definite})\s+"
_LABELLED_NOUN = r"\s+[a-z][a-z-]{2,}\b(?!\s+(?:{label_after_preposition})\b)"
# "last autumn's opening", "paused last winter, from 8 January to 19 February"
_COUNTED_SEASON = r"\b({rel})\s+(?P<season>{season_safe})(?:(?:{possessive_ending})\b|(?=,))"


@functools.lru_cache(maxsize=8)
def _counted(res: Resources) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:data:`_COUNTED_YEAR` and :data:`_COUNTED_SEASON`, not after a definite article (one
    look-behind per word: a look-behind has one width), the year's possessive ending matched
    as written (it may run into a letter: "_last year's_")."""
    articles = "".join(rf"(?<!{re.escape(str(word))}\s)" for word in res.classes.get("article_definite", {}))
    possessive = "|".join(re.escape(str(word)) for word in res.classes.get("possessive_ending", {})) or "(?!)"
    year = words_regex(res, articles + _COUNTED_YEAR.replace("{possessive}", possessive), re.IGNORECASE)
    return year, words_regex(res, articles + _COUNTED_SEASON, re.IGNORECASE)


# "Friday 14 August this year": a year counted from now right after the day, no possessive
_COUNTED_YEAR_AFTER = r",?[ \t]+({rel})[ \t]+(?:{year_word})\b(?!['’])"


def _year_said_after(ctx: Context, end: int) -> int | None:
    """The year a count of years from now right after a day gives ("14 August this year")."""
    said = words_regex(ctx.res, _COUNTED_YEAR_AFTER, re.IGNORECASE).match(ctx.text, end)
    if said is None:
        return None
    step = ctx.res.lookup("rel", " ".join(said.group(1).lower().split()))
    return None if step is None else ctx.base().year + int(step)


def sentence_end(text: str, end: int, reach: int) -> int:
    """Where the sentence holding ``end`` ends, looking on at most ``reach`` characters."""
    hi = min(len(text), end + reach)
    found = SENTENCE_BREAK.search(text, end, hi)
    return found.start() if found is not None else hi


def sentence_start(text: str, start: int, reach: int) -> int:
    """Where the sentence holding ``start`` begins, looking back at most ``reach`` characters."""
    lo = max(0, start - reach)
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, lo, start)]
    return breaks[-1] if breaks else lo


# a relative clause set off after its noun, open up to the year counted in it
# ", cancelled last year,": a past participle's phrase set off by commas
_PARTICIPLE_ASIDE = r",[ \t]+[\w'’-]+(?:{tense_past_suffix})[^,\w][^,]*\Z"
_RELATIVE_ASIDE = r",[ \t]+(?:{aside_relative})\b[^,]*\Z"


# a day and month right before a year counted from now: the year is theirs ("28 November last year")
_DAY_MONTH_BEFORE = r"(?:\b\d{1,2}\w{0,2}[ \t]+(?:{month})|\b(?:{month})[ \t]+\d{1,2}\w{0,2}),?[ \t]+\Z"


# "next Tuesday, 7 March": a weekday counted from now right before the date
_RELATIVE_WEEKDAY_BEFORE = r"\b(?:{week_rel})[ \t]+(?:{weekday})[ \t,]*\Z"


def _year_said_before(ctx: Context, start: int, month: int) -> int | None:
    """The year a year counted from now earlier in the same sentence gives ("Last year's event,
    on Sunday, 11 June", "Next year the fair moves to 4 July"), unless a report's date comes
    between ("Profits rose last year, the company said on 3 March")."""
    text = ctx.text
    lo = sentence_start(text, start, 160)
    counted_year, counted_season = _counted(ctx.res)
    found = list(counted_year.finditer(text, lo, start))
    found += counted_season.finditer(text, lo, start)
    if not found:
        return None
    said = max(found, key=lambda m: m.start())
    if ctx.res.has("article_definite", said.group(1).split()[0]):
        return None  # "the past year": a stretch up to now, not a calendar year
    if words_regex(ctx.res, _DAY_MONTH_BEFORE, re.IGNORECASE).search(
        text, max(lo, said.start() - 24), said.start()
    ):
        return None  # "shut since 28 November last year, … heard on Monday 13 March": that day's year
    if words_regex(ctx.res, _REPORTED_BEFORE, re.IGNORECASE).search(text, max(said.end(), start - 40), start):
        return None
    if words_regex(ctx.res, _NEW_CLAUSE, re.IGNORECASE).search(text, said.end(), start):
        return None  # "should peak in the first quarter of next year and the bank would look
        # again at its next meeting on Dec. 15": another clause, its own time
    if words_regex(ctx.res, _PRONOUN_CLAUSE, re.IGNORECASE).search(text, said.end(), start):
        return None  # "last year a frost caught everyone out, so I shall wait until Saturday 15 May"
    weekday_before = words_regex(ctx.res, _RELATIVE_WEEKDAY_BEFORE, re.IGNORECASE)
    if weekday_before.search(text, max(said.end(), start - 30), start):
        return None  # "set next year's council tax at a meeting next Tuesday, 7 March": this week's
    aside = words_regex(ctx.res, _RELATIVE_ASIDE, re.IGNORECASE).search(text, lo, said.start())
    if aside is not None and "," in text[said.end():start]:
        return None  # "The walk, which last year raised £86,000, will take place on Saturday 16 May"
    participle = words_regex(ctx.res, _PARTICIPLE_ASIDE, re.IGNORECASE).search(text, lo, said.start())
    if participle is not None and "," in text[said.end():start]:
        return None  # "the litter pick, cancelled last year, would go ahead on Saturday 17 April"
    step = ctx.res.lookup("rel", " ".join(said.group(1).lower().split()))
    if step is None:
        return None
    base = ctx.base()
    season = said.groupdict().get("season")
    if season is None:
        return base.year + int(step)
    name = str(ctx.res.lookup("season", season.lower()))
    first = SEASON_START.get(name)
    if first is None or int(step) not in (-1, 1):
        return None
    if first + 2 > 12:
        # "paused last winter, from 8 January to 19 February": a winter spans two years, its
        # December in the year it starts, its January and February in the next
        months = [(first + i - 1) % 12 + 1 for i in range(3)]
        if month not in months:
            return None
        start_year = counted_season_year(name, int(step), base)
        return start_year if month >= first else start_year + 1
    if not first <= month <= first + 2:
        return None  # (the season's event, not another date of the sentence)
    # "last autumn's opening night, on Friday 13 October" in a text of September
    return counted_season_year(name, int(step), base)


_FRAME_CHARS = 600
_PAST_WORD = r"\b(?:{tense_past}{suffixed})\b"  # (suffixed: see _past_word)
_FUTURE_WORD = r"\b(?:{tense_future})\b"


def _obituary_death(ctx: Context, start: int) -> bool:
    """"She died on 29 November" in a text that leads with "has died": the obituary's death."""
    lead = words_regex(ctx.res, r"\b(?:{death_date_lead})\s+\Z", re.IGNORECASE)
    placed = words_regex(
        ctx.res, r"\b(?:{death_verb})(?:\s+[\w'’-]+,?){1,7}\s+(?:{death_day_preposition})\s+\Z", re.IGNORECASE
    )
    if lead.search(ctx.text, max(0, start - 30), start) is None and (
        placed.search(ctx.text, max(0, start - 70), start) is None
    ):
        return False
    return words_regex(ctx.res, r"\b(?:{obituary_lead})\b", re.IGNORECASE).search(ctx.text) is not None


def _opens_past_list(ctx: Context, start: int, end: int) -> bool:
    """Does the year-less date at ``[start, end)`` open the first entry of a list whose frame
    tells the past ("Voltra yesterday recalled … This is the sequence of events as the documents
    set it out.")? Its entries, told in the present as logs are, are then what happened."""
    if ctx.frames is None or not ctx.frames.leads(start, end) or ctx.frames.last_entry is not None:
        return False
    frame = ctx.text[max(0, start - _FRAME_CHARS):start].lower()
    if words_regex(ctx.res, _FUTURE_WORD).search(frame):
        return False
    return len(_past_word(ctx.res).findall(frame)) >= 2


@functools.lru_cache(maxsize=8)
def _past_word(res: Resources) -> re.Pattern[str]:
    """:data:`_PAST_WORD`: a past form, or a word with the suffix of one (tense_past_suffix: at
    least as long as the shortest word it counts in)."""
    suffixed = "".join(f"|[a-z]{{{int(shortest) - len(suffix)},}}{re.escape(str(suffix))}"
                       for suffix, shortest in res.classes.get("tense_past_suffix", {}).items())
    return words_regex(res, _PAST_WORD.replace("{suffixed}", suffixed))


def _month_just_told(ctx: Context, month: int, day: int | None, start: int, end: int) -> int | None:
    """"… was convicted … in November 2023. The trial opened on Monday 6 November": the year of
    the month the paragraph has just told with its year, when a weekday written with the day
    fits it (or none is written)."""
    ref = ctx.ref
    era = ctx.story_era
    # (or the season: "The scheme unravelled in the summer of 2021, when … an invoice dated 3
    # June had been paid twice")
    if ref is None or ref.gran not in ("M", "D", "S") or ctx.ref_derived or ref.day > ctx.base() or (
        era is not None and era_long_ago(ctx, era)  # (a story of long ago keeps its own years)
    ) or (
        PARAGRAPH_BREAK.search(ctx.text, max(0, ctx.ref_end), start)
    ):
        return None
    # the month told, or one soon after the day told in its year ("… on Monday 6 November, …
    # and he was sentenced on Friday 15 December")
    year = ref.day.year  # (not into the next year: "on Tuesday … in January" is told back)
    try:
        candidate = dt.date(year, month, day or 1)
    except ValueError:
        return None
    if not (ref.day.replace(day=1) <= candidate <= ref.day + dt.timedelta(days=_JUST_TOLD_DAYS)):
        return None
    if day is not None:
        weekday = written_weekday(ctx, start, end)
        if weekday is not None and candidate.isoweekday() != weekday:
            return None
    return year


_WEEKDAY_WORD = re.compile(r"[A-Za-z]+")
_WEEKDAY_TABLES = ("weekday", "weekday_abbr", "weekday_abbr_dated")


def written_weekday(ctx: Context, start: int, end: int, *, only: bool = False) -> int | None:
    """The ISO weekday the words ``[start, end)`` name (the first; with ``only``, None unless
    exactly one is named)."""
    # (or its abbreviation, within the date's own words: "Sat 29 March", "Thu 3 Oct")
    named = [(w, table) for w in _WEEKDAY_WORD.findall(ctx.text, start, end)
             for table in _WEEKDAY_TABLES if ctx.res.has(table, w)]
    if not named or (only and len(named) != 1):
        return None
    word, table = named[0]
    return int(ctx.res.lookup(table, word) or 0)
# how far after the day a paragraph has just told a year-less date still goes on from it
_JUST_TOLD_DAYS = 92


_REF_REACH = 200  # characters after the story's day within which its year is the one meant


def year_for_month(ctx: Context, month: int, day: int | None, start: int, end: int) -> int:
    """:func:`_year_for_month`, unless "that year" follows the day (the story's year), or the
    day's written weekday does not fit that year but fits a year written earlier in the sentence
    ("Dates for 2025 have been announced: Friday 15 to Sunday 17 August")."""
    ref = ctx.ref
    if ref is not None and ref.gran in _THAT_YEAR_GRANULARITIES and words_regex(
        ctx.res, _THAT_YEAR_AFTER, re.IGNORECASE
    ).match(ctx.text, end):
        # "in the summer of 1936, … on Saturday 2 May that year": the story's year
        return ref.day.year
    year = _year_for_month(ctx, month, day, start, end)
    if day is None or not _weekday_misfits(ctx, year, month, day, start, end):
        return year
    lo = sentence_start(ctx.text, start, 160)
    written = [int(m.group()) for m in _WRITTEN_YEAR.finditer(ctx.text, lo, start)]
    if written and not _weekday_misfits(ctx, written[-1], month, day, start, end):
        return written[-1]
    base = ctx.base()

    def behind_if_ahead(candidate: int) -> bool:
        # "… on Boxing Day. ¶ The replay will be played on Tuesday 20 March": a day told as
        # still to come is never put in a year where it lies before the document date
        # (by a future auxiliary in its sentence: a review's present, "It opens on Saturday 12
        # July", tells a story of 1969)
        try:
            behind = dt.date(candidate, month, day) < base
        except ValueError:
            return False
        return behind and words_regex(ctx.res, _FUTURE_AUXILIARY, re.IGNORECASE).search(
            ctx.text, sentence_start(ctx.text, start, 160), start) is not None

    # (the story's day, when its year is another the weekday fits)
    ref_fits = ref is not None and ref.gran == "D" and ref.day.year != year and not _weekday_misfits(
        ctx, ref.day.year, month, day, start, end) and not behind_if_ahead(ref.day.year)
    if ref is not None and ref_fits and 0 <= start - ctx.ref_end <= _REF_REACH:
        # "on Friday 14 October 2022. Three days later, on Monday 17 October, …" in a text of
        # 2023: the story's year, just told, which the weekday fits
        return ref.day.year
    told = _year_told_just_before(ctx, month, day, start, end)
    if told is not None and not behind_if_ahead(told):
        # "In a police interview on Wednesday 4 November 2009, … He did not do so until Monday
        # 16 November" in a text of 2010: the one year written in the paragraph just before,
        # which the weekday fits
        return told
    era = ctx.story_era
    if era is not None and era.gran == "D" and base.year - era.day.year >= LONG_AGO_YEARS and not (
        _weekday_misfits(ctx, era.day.year, month, day, start, end)
    ):
        # "Eighty years ago today …, the battalion landed on the morning of Tuesday 6 June" in a
        # text of Thursday 6 June 2024: an anniversary's day, told in the year it marks, which
        # the weekday fits
        try:
            in_era = dt.date(era.day.year, month, day)
        except ValueError:
            in_era = None
        if in_era is not None and abs((in_era - era.day).days) <= _ERA_DAYS:
            return era.day.year
    # (a year the entries themselves give, not one said inside an entry: "- **Saturday 6 May:**
    # tours of the original 1903 building ¶ - **Saturday 15 July:** …")
    in_entries = ctx.frames is not None and ctx.frames.last_entry is not None and (
        ctx.frames.last_entry.day.year == year)
    last_entry = ctx.frames.last_entry if ctx.frames is not None else None
    if last_entry is not None and ctx.frames is not None and ctx.frames.leads(start, end) and (
        abs(last_entry.day.year - base.year) <= 1 < abs(year - base.year)
    ):
        # "**Tuesday 10 September — Talk.** … the canal, opened in 1797, … ¶ **Thursday 11
        # September — Quiz.**": an entry after entries of the document's time goes on from them
        # (past a new year: "**Sunday 31 December.** … born on 3 January 1954 … ¶ **Monday 1
        # January.**"), its weekday the writer's to get right (not a year told in passing inside
        # the entry before)
        return last_entry.day.year + ((month, day) < (last_entry.day.month, last_entry.day.day))
    if year != base.year and not (written or in_entries) and ctx.note != YEAR_SAID and (
        not _weekday_misfits(ctx, base.year, month, day, start, end)
    ):
        try:
            in_base_year = dt.date(base.year, month, day)
        except ValueError:
            in_base_year = None
        near = in_base_year is not None and abs((in_base_year - base).days) <= _HALF_YEAR_DAYS
        # ("opened on Monday 13 January" told as past in a review of the year dated 31 December:
        # only the two months' grace took it into next year, whose 13 January is no Monday)
        graced = in_base_year is not None and in_base_year <= base and year == base.year + 1 and (
            ctx.note == PAST_AFTER_DCT)
        if near or graced:
            # "She started here in September 2010 … ¶ School breaks up on Friday 19 July" in a
            # newsletter of April 2024: the story's year does not fit the weekday, the
            # document's does (not in dated entries, "*Arras, 26 March 1918.*", whose year holds)
            ctx.note = _year_note(base, base.year, month, day, tense(ctx, start, end))
            return base.year
    if ref is not None and ref_fits and ctx.frames is not None and (
        ctx.frames.in_entry(start) and abs(ref.day.year - base.year) <= 1
    ):
        # "- Term starts: Monday 13 April ¶ - Term ends: Wednesday 22 July" after "Monday 5
        # January 2026" in a newsletter of July 2025: the year the entries have moved on to,
        # which the weekday fits (in prose, a weekday that fits neither stays the writer's slip)
        return ref.day.year
    # "I was nine in the summer of 1978 … ¶ School finished on Friday 21 July": the one year of
    # a story told in the paragraphs before, years from the document's, that the weekday fits
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(ctx.text, max(0, start - _STORY_REACH), start)]
    lo = breaks[-_STORY_PARAGRAPHS] if len(breaks) >= _STORY_PARAGRAPHS else max(0, start - _STORY_REACH)
    try:
        chosen = dt.date(year, month, day)
    except ValueError:
        return year
    if chosen <= base and (base - chosen).days <= _WEEKDAY_NEAR_DAYS:
        return year  # a day just before the document's: its weekday is the writer's to get right
    # (the year before the document's too: "the night of 4–5 January 2019 … locked up at 5.30pm
    # on Friday 4 January" in a report of February 2020)
    told = _one_fitting_year(ctx, lo, month, day, start, end)
    return told if told is not None and not behind_if_ahead(told) else year


def _year_told_just_before(ctx: Context, month: int, day: int, start: int, end: int) -> int | None:
    """The one year written in the paragraph just before ``start`` (a few sentences at most)
    that a weekday written with the day fits."""
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(ctx.text, max(0, start - _REF_REACH), start)]
    lo = breaks[-1] if breaks else max(0, start - _REF_REACH)
    return _one_fitting_year(ctx, lo, month, day, start, end)


def _one_fitting_year(ctx: Context, lo: int, month: int, day: int, start: int, end: int) -> int | None:
    """The one year written in ``[lo, start)`` that the weekday written with the day fits (the
    caller's own year misfits it, or it would not look), if exactly one does."""
    # (not a year that only bounds a comparison: "its largest crowd since the cup run of 2011.
    # … The derby is on Saturday 22 October")
    since = words_regex(ctx.res, _SINCE_BEFORE_YEAR, re.IGNORECASE)
    years = {int(m.group()) for m in _WRITTEN_YEAR.finditer(ctx.text, lo, start)
             if not since.search(ctx.text, max(lo, m.start() - 40), m.start())}
    fitting = [y for y in years if not _weekday_misfits(ctx, y, month, day, start, end)]
    return fitting[0] if len(fitting) == 1 else None


# a day and month written out with its year ("4–5 January 2019"); (the look-behind after the
# first digit, so that a search skips ahead to digits instead of trying every position)
_DAY_MONTH_YEAR = r"(\d(?<![\d.]\d)\d?)(?:[–-]\d{1,2})?[ \t]+({month})[ \t]+(\d{4})\b"
_MONTH_DAY_YEAR = r"\b({month})\.?[ \t]+(\d{1,2})(?:{ordinal_suffix})?,?[ \t]+(\d{4})\b"


def _full_days(ctx: Context) -> dict[tuple[int, int], tuple[list[int], list[int]]]:
    """The days the text writes out with their year, day first or month first ("4–5 January
    2019", "Saturday, December 31, 2022"): for each day and month, where each telling ends (in
    order) and the one year told up to it, 0 once two years were (read once per text: a long
    one asks at every year-less day)."""
    if ctx.full_days is None:
        told: list[tuple[int, int, int, int]] = []
        for m in words_regex(ctx.res, _DAY_MONTH_YEAR, re.IGNORECASE).finditer(ctx.text):
            told.append((m.end(), int(m.group(1)), int(ctx.res.lookup("month", m.group(2).lower()) or 0),
                         int(m.group(3))))
        for m in words_regex(ctx.res, _MONTH_DAY_YEAR, re.IGNORECASE).finditer(ctx.text):
            told.append((m.end(), int(m.group(2)), int(ctx.res.lookup("month", m.group(1).lower()) or 0),
                         int(m.group(3))))
        table: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        for end, day, month, year in sorted(told):
            ends, years = table.setdefault((day, month), ([], []))
            ends.append(end)
            years.append(year if not years or years[-1] == year else 0)
        ctx.full_days = table
    return ctx.full_days


def _same_day_written(ctx: Context, month: int, day: int, start: int, end: int) -> int | None:
    """The one year the text gave the same day and month earlier, in full ("the night of 4–5
    January 2019" before "at 1.52am on 5 January"): the day told again, when it is the
    document's year or the one next to it and a weekday written with it fits that year."""
    ends, years = _full_days(ctx).get((day, month), ([], []))
    index = bisect.bisect_right(ends, start) - 1
    year = years[index] if index >= 0 else 0
    if not year:
        return None
    if abs(year - ctx.base().year) > 1:
        # (a day decades back told again is its anniversary: "born on 29 February 1960 … last
        # Thursday, 29 February")
        return None
    return None if _weekday_misfits(ctx, year, month, day, start, end) else year


# how near the document date a day must be for its weekday to take it from a story's year
_HALF_YEAR_DAYS = 183

# how far back the years of a story that a weekday may choose among are looked for
_STORY_PARAGRAPHS = 2
_ERA_DAYS = 62  # how far from the story era's day a year-less day may be told in its year
_STORY_REACH = 2000


# words that speak from the document's own day ("yesterday", "last week", "ago")
_DEICTIC_WORD = r"\b(?:{deictic}|{deictic_extra}|(?:{week_rel})\s+(?:{week_word}))\b"
_THAT_YEAR_AFTER = r"[ \t,]+(?:{that_year_after})\b"
_THAT_YEAR_GRANULARITIES = frozenset({"Y", "S", "Q", "H", "M", "D"})
_FUTURE_AUXILIARY = r"\b(?:{future_auxiliary})\b"
_WRITTEN_YEAR = lazy_compile(r"(?<![\d.,:/-])(?:1[6-9]|20)\d\d(?![\d.,:/-]\d)")


def _year_for_month(ctx: Context, month: int, day: int | None, start: int, end: int) -> int:
    """The year of a year-less month (and day), from the tense around it.

    Past tense: the latest occurrence not after the DCT (a day with two months' grace, so that
    "ordered to leave by Jan. 14" stays upcoming); future tense: the earliest not before it
    (same grace); no tense: the occurrence nearest to the DCT.
    """
    base = ctx.base()
    said_year = _year_said_before(ctx, start, month)
    if said_year is not None and day is not None and _counted_in_phrase(ctx, start) and (
        _weekday_misfits(ctx, said_year, month, day, start, end)
    ):
        # "Entries for next year's race open on Sunday 6 October": the race's year, not the
        # day's (but "Last year's regatta, on Sunday 11 June" is that year's, weekday or not)
        said_year = None
    if said_year is not None and said_year == base.year and _after_dct_told_past(ctx, said_year, month, day,
                                                                                start, end):
        # "This year's Winter Count ran from Thursday 28 December to …" on 8 January: this
        # season's count, whose December is last year's
        said_year = None
    if said_year is None and day is not None:
        said_year = _year_said_after(ctx, end)  # "on the evening of Friday 14 August this year"
    if said_year is not None:
        ctx.note = YEAR_SAID
        return said_year  # "Last year's event, on Sunday, 11 June, …": that year's 11 June
    if ctx.frames is not None and ctx.frames.dateline_opened_by(start):
        # "KESTRAVA, March 3 (Wire) — Dock workers will walk out …": the day the story was filed,
        # on or before the document's date whatever tense the story goes on in
        return _year_from_dct(ctx, month, day, start, end, -1)
    if _obituary_death(ctx, start):
        # "… has died aged 91. … She died on 29 November.": from the document's date, not from
        # the story of her life
        return _year_from_dct(ctx, month, day, start, end, -1)
    told_in_full = _same_day_written(ctx, month, day, start, end) if day is not None else None
    if told_in_full is not None:
        return told_in_full  # "the night of 4–5 January 2019 … locked up on Friday 4 January"
    section = ctx.frames.section_year(month) if ctx.frames is not None else None
    if section is not None:
        # "## 2023 — Construction ¶ … lifted into place overnight on 14–15 October, during a
        # planned closure": the year of the section, whatever the tense
        return section
    month_told = _month_just_told(ctx, month, day, start, end)
    if month_told is not None:
        return month_told
    direction = tense(ctx, start, end)
    if direction > 0 and day is None and words_regex(ctx.res, _EARLIER_EVENT_PHRASE, re.IGNORECASE).search(
        ctx.text, max(0, start - 60), start
    ):
        direction = -1  # "will transfer this month, following the town council's decision in July"
    labelled = False
    if direction > 0 and day is None and words_regex(ctx.res, _MONTH_LABEL, re.IGNORECASE).fullmatch(
        ctx.text, max(0, start - 4), start
    ) and words_regex(ctx.res, _LABELLED_NOUN).match(ctx.text, end):
        # "Opponents of the March vote say they will …": a future in the clauses around a month
        # that labels an event noun is not the event's; the nearest March (a past one stays
        # past: "Campaigners say the March vote ignored …"), and as sure as the tense was
        direction = 0
        labelled = True
    if direction == 0 and _opens_past_list(ctx, start, end):
        direction = -1  # "This is the sequence of events … ¶ **28 December.** A customer reports …"
    # (an entry after a dated one goes on from it, whatever its tense: "- **Friday, 4 October:**
    # homes reconnected … - **Saturday, 5 October:** crews arrive to help")
    after_entry = ctx.frames is not None and (ctx.frames.last_entry is not None or (
        ctx.ref is not None and ctx.ref.gran in ("D", "M") and ctx.frames.leads(start, end)))
    story = _entry_year(ctx, month, start, end) if direction <= 0 or after_entry else None
    first_entry = ctx.frames is None or ctx.frames.last_entry is None
    if story is not None and direction < 0 and first_entry and (
        (story, month, day or 1) > (base.year, base.month, base.day)
    ):
        # "**August.** … had been in the job nine days" in May: the first entry is last August
        story = None
    untensed_story = direction == 0 and ctx.ref is not None and _long_ago(ctx, ctx.ref)
    if story is None and (direction < 0 or untensed_story):
        # (with no tense, too, in a story of another time: "The Boxing Day crowd is still a record")
        story = story_year(ctx, month, start)
    if story is not None:
        return story
    return _year_from_dct(ctx, month, day, start, end, direction, labelled=labelled)


# how far past the document date a day told as past may lie and keep the document's year
# ("ordered to leave by Jan. 14" stays upcoming; a past day just after it is reported). A month
# told as past gets none: "raised its prices twice, in April and again in September" in a
# report of 9 March is last April, not the one three weeks ahead (measured on the tagger's
# held-out rounds: 34 values righted, 7 lost)
_PAST_GRACE_DAYS = 62
# how far before the document date a day told as future may lie and keep the document's year
_FUTURE_GRACE_DAYS = 31


def _year_from_dct(ctx: Context, month: int, day: int | None, start: int, end: int, direction: int, *,
                   labelled: bool = False) -> int:
    """The year of a year-less month (and day) counted from the DCT in the tense's direction."""
    base = ctx.base()
    base_index = base.year * 372 + (base.month - 1) * 31 + base.day - 1
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        index = year * 372 + (month - 1) * 31 + ((day or 1) - 1)
        candidates.append((index - base_index, year))
    grace = _PAST_GRACE_DAYS if day else 0
    if direction < 0:
        past = [c for c in candidates if c[0] <= grace]
        chosen = max(past)[1]
    elif direction > 0:
        # The DCT's own month (or a day within a month before the DCT) still counts as upcoming:
        # "will open to the public on 11 October" in a text of 15 October is a slip of the text
        # or of its date, not next year's opening (the note says so; the rules grade it)
        # (not with a year written in the sentence before it: "the 2026 festival will run from 14 to
        # 23 August" in a text of 25 August 2025 is that year's)
        if day:
            written = _WRITTEN_YEAR.search(ctx.text, sentence_start(ctx.text, start, 160), start) is not None
            floor = -(3 if written else _FUTURE_GRACE_DAYS)
        else:
            floor = -(base.day - 1)
        future = [c for c in candidates if c[0] >= floor]
        chosen = min(future)[1]
    else:
        # No tense: the nearest occurrence; on a tie the past (news reports on what happened).
        ctx.guessed = not labelled
        chosen = min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))[1]
    chosen = _weekday_year_near(ctx, chosen, month, day, start, end)
    ctx.note = _year_note(base, chosen, month, day, direction)
    return chosen


def _after_dct_told_past(ctx: Context, year: int, month: int, day: int | None, start: int, end: int) -> bool:
    """Is the month (and day) in ``year`` well after the document date, though the clause
    tells it as past?"""
    base = ctx.base()
    try:
        first = dt.date(year, month, day or 1)
    except ValueError:
        return False
    return (first - base).days > _PAST_GRACE_DAYS and tense(ctx, start, end) < 0


def _counted_in_phrase(ctx: Context, start: int) -> bool:
    """Whether the year counted from now before ``start`` in its sentence stands in a phrase of
    another noun ("for next year's race")."""
    lo = sentence_start(ctx.text, start, 160)
    found = list(_counted(ctx.res)[0].finditer(ctx.text, lo, start))
    return bool(found) and words_regex(ctx.res, _OF_ANOTHER_NOUN, re.IGNORECASE).search(
        ctx.text, max(lo, found[-1].start() - 12), found[-1].start()) is not None


def _weekday_misfits(ctx: Context, year: int, month: int, day: int, start: int, end: int) -> bool:
    """Whether the (first) weekday written with the day does not fit it in ``year``."""
    weekday = written_weekday(ctx, start, end)
    try:
        return weekday is not None and dt.date(year, month, day).isoweekday() != weekday
    except ValueError:
        return False


# how near the document date a day must be for its written weekday to choose its year
_WEEKDAY_NEAR_DAYS = 62


def _weekday_year_near(ctx: Context, chosen: int, month: int, day: int | None, start: int, end: int) -> int:
    """"On the evening of Thursday 30 January, flight NR412, scheduled to depart at 18:05, was
    … cancelled" in a text of 3 February 2025: when the tense put a day with a written weekday
    months away from the document date, and the weekday fits the same day near it (2025, not
    2026), that is its year. (A day near the document date keeps the tense's year: its weekday
    is the writer's to get right.)"""
    weekday = written_weekday(ctx, start, end, only=True)
    if day is None or weekday is None:
        return chosen
    base = ctx.base()
    try:
        if abs((dt.date(chosen, month, day) - base).days) <= _WEEKDAY_NEAR_DAYS:
            return chosen
        near = [year for year in (base.year - 1, base.year, base.year + 1)
                if abs((dt.date(year, month, day) - base).days) <= _WEEKDAY_NEAR_DAYS
                and dt.date(year, month, day).isoweekday() == weekday]
    except ValueError:
        return chosen
    return near[0] if len(near) == 1 and dt.date(chosen, month, day).isoweekday() != weekday else chosen


# The note of a year the sentence names in words ("Last year's event, on Sunday, 11 June"): as
# good as written, not inferred.
YEAR_SAID = "the year the sentence names ('last year', 'next year')"

# The notes of a year kept against the tense (Timex.note): the text, or its date, may be wrong.
PAST_AFTER_DCT = "told as past, yet in the document's year it falls after the document date"
FUTURE_BEFORE_DCT = "told as future, yet in the document's year it falls before the document date"
AGAINST_TENSE = frozenset({PAST_AFTER_DCT, FUTURE_BEFORE_DCT})


def _year_note(base: dt.date, year: int, month: int, day: int | None, direction: int) -> str | None:
    """What a reader should know of the year chosen for a year-less date: that it went against
    the tense (a past event on a day after the DCT, kept in the DCT's year because it is near:
    the text or its date may be wrong), or that it is not the DCT's year (and why)."""
    first = dt.date(year, month, 1)
    last = add_days(add_months(first, 1), -1)
    if day is not None and day <= last.day:  # else 29 February of a common year: the month stands
        first = last = dt.date(year, month, day)
    told = {-1: "told as past", 1: "told as future"}.get(direction, "with no tense to go on")
    if direction < 0 and first > base:
        return PAST_AFTER_DCT
    if direction > 0 and last < base:
        return FUTURE_BEFORE_DCT
    if year != base.year:
        side, other = ("before", "after") if year < base.year else ("after", "before")
        return (f"the year {side} the document's ({told}; in the document's year it would fall "
                f"{other} the document date)")
    return None


_THE_BEFORE = r"\b{definite_article}\s+\Z"
_WEEK_REACH = 160  # how far after a week told "the Tuesday" is a day of it
# "the Saturday before,", "the Monday after.": a weekday placed from the story's day
_BARE_ORDER_AFTER = r"\s+({bare_order_word})(?=\s*[,.;:!?]|\s+(?:{bare_order_clause})\b)"
_SINCE_THE_BEFORE = r"\b(?:{since_word})\s+{definite_article}\s+\Z"


# a weekday alone on a short line, as a label ("Day two: Friday", "**Saturday**"): at most three
# words before it on its line, nothing but marks after it
# ("## Day 1 (Saturday)": in brackets too)
_LINE_LABEL_START = lazy_compile(r"(?:^|\n)[ \t*_#>-]*(?:[\w'’-]+[:,]?[ \t]+){0,3}[ \t*_:—–(-]*\Z")
_LINE_LABEL_END = lazy_compile(r"[ \t*_:)]*(?:\r?\n|\Z)")
# ... or an emphasised label closing before its entry's text ("**Thursday.** Things begin at 7pm")
# (the emphasis marks are blanks in the text read: "**Thursday.** Things" is "  Thursday.   Things")
_INLINE_LABEL_END = lazy_compile(r"[.:]?[ \t*_]{3}")


def day_told_before_pluperfect(ctx: Context, start: int) -> dt.date | None:
    """The day written out just before ``start`` in its paragraph (a day other than the DCT),
    when the sentence of ``start`` tells its act in the pluperfect, as done before that day."""
    told = ctx.explicit[0]
    if told is None or told.gran != "D" or told.day == ctx.base() or not 0 <= ctx.explicit[2] <= start:
        return None
    if PARAGRAPH_BREAK.search(ctx.text, ctx.explicit[2], start) is not None:
        return None
    lead = max(sentence_start(ctx.text, start, 240), ctx.explicit[2])
    # (in the clause of ``start``: not "Okafor, who had delivered bread that afternoon, was
    # arrested on the Monday")
    breaks = list(_CLAUSE_BREAK.finditer(ctx.text, lead, start))
    lead = breaks[-1].end() if breaks else lead
    return told.day if pluperfect_between(ctx, lead, start) else None


def back_from_look_back(ctx: Context, start: int) -> None:
    """Past the sentence of a look back in the pluperfect, in the same paragraph, a sentence
    that does not go on in the pluperfect is back on the story's day ("The agency had issued a
    warning on the Sunday evening. By daybreak forty homes were flooded"); its clock goes on
    ("He had spent Friday evening at the bar and left at 12.15am. CCTV shows him ten minutes
    later")."""
    if ctx.look_back is None or start < ctx.look_back[1]:
        return
    state, sentence_end = ctx.look_back
    ctx.look_back = None
    if PARAGRAPH_BREAK.search(ctx.text, sentence_end, start) is not None:
        return
    lead = sentence_start(ctx.text, start, 240)
    stop = SENTENCE_END.search(ctx.text, start)
    if lead < sentence_end or pluperfect_between(ctx, lead, len(ctx.text) if stop is None else stop.start()):
        return
    clock = ctx.clock
    ctx.restore(state)
    ctx.clock = clock


def pluperfect_between(ctx: Context, lead: int, end: int) -> bool:
    """Is a verb in the pluperfect ("had issued", "had only just left") between ``lead`` and ``end``?"""
    return words_regex(ctx.res, _PLUPERFECT_VERB, re.IGNORECASE).search(ctx.text, lead, end) is not None


# "the Friday before the meeting", "the Monday after": counted from another time
_ORDER_AFTER_DAY = r"(?:\s+(?:{part_of_day}))?\s+(?:{bare_order_word})\b"
_PLUPERFECT_VERB = r"\b(?:{pluperfect_auxiliary})" + _PLUPERFECT_PARTICIPLE
_WEEKDAY_ONLY = r"(?:{definite_article}\s+)?(?:{weekday})"  # "the Wednesday": a day of the story's, named


# a weekday named in a stretch of the text ("Thursday 29 February" names one; "29 February 1996" none)
_WEEKDAY_NAMED = r"\b(?:{weekday})\b"


def _told_this_week(ctx: Context, weekday: int) -> bool:
    """Has the text told the last such weekday up to the document's date, and the story's day
    last written out no weekday ("Three babies were born on Thursday 29 February … a nurse born on
    29 February 1996 turned 28 on Thursday": that Thursday, not one after the birth; but "On
    Tuesday 16 April 1912 … On Saturday they brought up the last" is the story's)?"""
    base = ctx.base()
    if add_days(base, -((base.isoweekday() - weekday) % 7)) not in ctx.told_days:
        return False
    anchor, start, end, _ = ctx.explicit
    return anchor is not None and words_regex(ctx.res, _WEEKDAY_NAMED, re.IGNORECASE).search(
        ctx.text, start, end) is None


def weekday_date(ctx: Context, weekday: int, rel: int | None, start: int, end: int) -> dt.date:
    """The date of a weekday name: "last"/"next" move a week; otherwise tense decides and
    news-style past is the default (the most recent such day, the DCT's own day included)."""
    story = ctx.story_day()
    the_before = words_regex(ctx.res, _THE_BEFORE, re.IGNORECASE)
    week = ctx.ref if ctx.ref is not None and ctx.ref.gran == "W" else None
    if rel is None and week is not None and 0 <= start - ctx.ref_end <= _WEEK_REACH and the_before.search(
        ctx.text, max(0, start - 8), start
    ) and not PARAGRAPH_BREAK.search(ctx.text, ctx.ref_end, start):
        # "in the week beginning 11 November: infants on the Tuesday" is that week's; "Half-term is
        # the week beginning 13 February, and the children return the Monday after": the next week's
        bare = words_regex(ctx.res, _BARE_ORDER_AFTER, re.IGNORECASE).match(ctx.text, end)
        step = int(ctx.res.lookup("bare_order_word", bare.group(1)) or 0) if bare is not None else 0
        return add_days(week.day, weekday - 1 + 7 * (step > 0) - 7 * (step < 0))
    # (the last one told: read from the end, as a long text tells many)
    last_told = next((day for day in reversed(ctx.frame_days) if day.isoweekday() == weekday
                      and (story is None or abs((day - story.day).days) <= 6)), None)
    # (an inline label only forward of the last dated entry: a log's labels go on from it)
    last_entry = ctx.frames.last_entry if ctx.frames is not None else None
    inline = last_told is not None and (last_entry is None or last_told > last_entry.day)
    if rel is None and last_told is not None and (
        the_before.search(ctx.text, max(0, start - 8), start) or (
            (_LINE_LABEL_END.match(ctx.text, end) or (inline and _INLINE_LABEL_END.match(ctx.text, end)))
            and _LINE_LABEL_START.search(ctx.text, max(0, start - 40), start)
        )
    ):
        # "Friday the 22nd through Sunday the 24th. Check-in is at 4 p.m. on the Friday": the
        # Friday the paragraph has just named; so is a programme's "Day two: Friday" line
        return last_told
    named = {day for day in ctx.frame_day_set if day.isoweekday() == weekday}
    if rel is None and len(named) == 1 and last_entry is None and _LINE_LABEL_END.match(
        ctx.text, end
    ) and _LINE_LABEL_START.search(ctx.text, max(0, start - 40), start):
        # "runs from Saturday 11 April to Wednesday 15 April … by 1 April. ¶ ## Day 1 (Saturday)":
        # a programme's label, the one such day of the days named, whatever was said between
        return named.pop()
    # (the story's day, or the day a story counted back from now is set on: "Fifty years ago today")
    placed = story or ctx.counted_day
    if rel is None and placed is not None and abs((placed.day - ctx.base()).days) > 7 and the_before.search(
        ctx.text, max(0, start - 8), start
    ) and (bare := words_regex(ctx.res, _BARE_ORDER_AFTER, re.IGNORECASE).match(ctx.text, end)):
        # "Fifty years ago today, the last train … On the Saturday before, 2,000 people marched":
        # the story's day's last (or next) such day
        if int(ctx.res.lookup("bare_order_word", bare.group(1)) or 0) < 0:
            return add_days(placed.day, -((placed.day.isoweekday() - weekday) % 7 or 7))
        return add_days(placed.day, (weekday - placed.day.isoweekday()) % 7 or 7)
    if rel is None and story is not None and abs((story.day - ctx.base()).days) > 7 and (
        words_regex(ctx.res, _SINCE_THE_BEFORE, re.IGNORECASE).search(ctx.text, max(0, start - 12), start)
    ):
        # "Nolan, who had been on leave since the Friday, rang in": the story's last such day
        return add_days(story.day, -((story.day.isoweekday() - weekday) % 7))
    if rel is None and the_before.search(ctx.text, max(0, start - 8), start) and not words_regex(
        ctx.res, _ORDER_AFTER_DAY, re.IGNORECASE
    ).match(ctx.text, end) and (looked_from := day_told_before_pluperfect(ctx, start)) is not None:
        # "The river came over the weir on Tuesday 12 November. The agency had issued a warning on
        # the Sunday evening": told as before the day just written, that day's last such day
        return add_days(looked_from, -((looked_from.isoweekday() - weekday) % 7 or 7))
    if rel is None and story is not None and abs((story.day - ctx.base()).days) > 7 and the_before.search(
        ctx.text, max(0, start - 8), start
    ):
        # "She started on Tuesday the 14th and finished on the Wednesday morning": the story's
        # next such day (its own day when it is one)
        return add_days(story.day, (weekday - story.day.isoweekday()) % 7)
    if rel is None and story is not None and abs((story.day - ctx.base()).days) > 7 and (
        ctx.explicit[0] is not None and ctx.explicit[0].gran == "D"
        and 0 <= ctx.explicit[1] < ctx.explicit[2] <= start
        # (the day last written out is the story's, weeks from now: not a birth years back while
        # the text has come to "Saturday 8 June" of this week)
        and abs((ctx.explicit[0].day - ctx.base()).days) > 7
        and abs((story.day - ctx.explicit[0].day).days) <= 14
        # (the story's day written with its weekday, as a diary or travel piece tells its days)
        and words_regex(ctx.res, _WEEKDAY_NAMED, re.IGNORECASE).search(
            ctx.text, ctx.explicit[1], ctx.explicit[2]) is not None
        and not words_regex(ctx.res, _DEICTIC_WORD, re.IGNORECASE).search(ctx.text, ctx.explicit[2], start)
        # (in a later sentence: "the bakery she opened on Thursday, 1 April 1999, marked its 25th
        # birthday on Monday" is this week's Monday)
        and sentence_start(ctx.text, start, 400) >= ctx.explicit[2]
        # (not in a letter or diary written on its entry's day: "Thursday 17 September 1936 …
        # on Saturday we walked" is the Saturday before)
        and (ctx.frames is None or ctx.frames.last_entry is None)
        and tense(ctx, start, end, weekday=True) < 0
    ):
        # "We landed in Orlenz late on Friday 14 July … ¶ On Sunday we hired bikes" (written in
        # September): a story told day by day goes on to its next such day
        return add_days(story.day, (weekday - story.day.isoweekday()) % 7)
    era = ctx.story_era
    if rel is None and story is not None and era is not None and not ctx.story_era_counted and (
        not _told_this_week(ctx, weekday)
        # (not a birth, from which a profile jumps to now: "He was born Jan. 9, 1950, in Dayton.
        # He died Friday at 74")
        and story is not ctx.born_day
        and (ctx.base() - story.day).days > _YEAR_DAYS and abs(era.day.year - story.day.year) <= 1
        and _long_ago(ctx, era) and 0 <= ctx.ref_end <= start
        and not PARAGRAPH_BREAK.search(ctx.text, ctx.ref_end, start)
        and (ctx.frames is None or ctx.frames.last_entry is None)
        and not words_regex(ctx.res, _DEICTIC_WORD, re.IGNORECASE).search(ctx.text, ctx.ref_end, start)
        # (in a later sentence: "the bakery she opened on Thursday, 1 April 1999, marked its 25th
        # birthday on Monday" is this week's Monday; but a weekday of the story's own may come
        # first in the sentence: "On the Wednesday she lost her way; by Friday she had a room")
        and (sentence_start(ctx.text, start, 400) >= ctx.ref_end or (
            words_regex(ctx.res, _WEEKDAY_ONLY, re.IGNORECASE).fullmatch(ctx.text, ctx.ref_start, ctx.ref_end)
            is not None))
        and tense(ctx, start, end, weekday=True) < 0
    ):
        # "a calendar for January 1962 … The snow began on New Year's Day, a Monday … By Thursday
        # the lane was shut": a story set years back, told day by day, goes on to its next such day
        return add_days(story.day, (weekday - story.day.isoweekday()) % 7)
    told = story_base(ctx, start, end)
    base = told.day if told is not None else ctx.base()
    current = base.isoweekday()
    if rel is not None and rel < 0:
        delta = (current - weekday) % 7 or 7
        return add_days(base, -delta)
    if rel is not None and rel > 0:
        delta = (weekday - current) % 7 or 7
        return add_days(base, delta)
    if rel == 0:
        return add_days(base, weekday - current)
    last = _story_entry(ctx, start, end)
    if last is not None:
        # "**Thursday.**" after the entry "**Draslin, Wednesday.**": a diary goes on
        return add_days(last.day, (weekday - last.day.isoweekday()) % 7 or 7)
    direction = tense(ctx, start, end, weekday=True)
    lo = sentence_start(ctx.text, start, 100)
    # (a day that is not the document's: an entry's, a heading's, a story's)
    told_day = told is not None or ctx.frame_day is not None
    # (not the end of a range, "from 23:40 on Saturday until 01:15 on Sunday": the range's)
    ahead = (direction == 0 or told_day) and words_regex(ctx.res, _WEEKDAY_AHEAD, re.IGNORECASE).search(
        ctx.text, lo, start) is not None and not words_regex(ctx.res, _RANGE_FROM, re.IGNORECASE).search(
        ctx.text, lo, start)
    if direction > 0 or (ctx.frame_week and told is None and base == ctx.frame_day) or ahead:
        # (under a heading that opens a week, "## Week 10: beginning Monday 8 March": that week's;
        # "The road is closed until Friday", "Drilling postponed to Thursday": one ahead of the
        # time told, unless that is now and the clause past: "The shelters stayed open until
        # Tuesday")
        return add_days(base, (weekday - current) % 7)
    ctx.guessed = direction == 0 and weekday != current
    return add_days(base, -((current - weekday) % 7))
