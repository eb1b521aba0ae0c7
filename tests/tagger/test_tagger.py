"""Tagger tests: data-driven cases, false-positive traps, generated dates, robustness."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import random
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from chrono.tagger import Timex, extract, parse_dct
from chrono.tagger.resources import ResourceError, load, trie_regex

from ..strategies import any_days, date_fragment_soups, prose_days, prose_years

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
NEGATIVES: list[str] = yaml.safe_load((HERE / "negatives.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    found = extract(case["text"], case["dct"])
    got = [{"text": t.text, "value": t.value} for t in found]
    want = [{"text": e["text"], "value": e["value"]} for e in case["expect"]]
    assert got == want
    for timex, expected in zip(found, case["expect"], strict=True):
        assert case["text"][timex.start:timex.end] == timex.text
        for key, value in expected.items():
            assert getattr(timex, key) == value, (timex, key)


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_negative(sentence: str) -> None:
    assert extract(sentence, "2025-04-24") == ()


def test_to_json_contract() -> None:
    (timex,) = extract("Since August 2024 forces advanced.", "2025-04-24")
    data = timex.to_json()
    assert (data["start"], data["end"]) == (6, 17)
    assert (data["text"], data["type"], data["value"]) == ("August 2024", "DATE", "2024-08")
    assert (data["signal"], data["signal_start"]) == ("since", 0)
    json.dumps(data)


def test_ambiguous_numeric_dates_and_day_first() -> None:
    (us,) = extract("Filed 04/05/2025.", "2025-06-01")
    assert (us.value, us.ambiguous) == ("2025-04-05", True)
    (eu,) = extract("Filed 04/05/2025.", "2025-06-01", day_first=True)
    assert (eu.value, eu.ambiguous) == ("2025-05-04", True)
    (clear,) = extract("Filed 24/04/2025.", "2025-06-01")
    assert (clear.value, clear.ambiguous) == ("2025-04-24", False)


def test_without_dct_relative_values_are_underspecified() -> None:
    values = [t.value for t in extract("Yesterday, in March, and in 2019.")]
    assert values == ["XXXX-XX-XX", "XXXX-03", "2019"]


def test_dct_forms() -> None:
    assert parse_dct("1998-02-13T14:26:00") == (dt.date(1998, 2, 13), "14:26")
    assert parse_dct(dt.date(2025, 4, 24)) == (dt.date(2025, 4, 24), None)
    assert parse_dct("20250424") == (dt.date(2025, 4, 24), None)
    with pytest.raises(ValueError, match="not a date"):
        parse_dct("next Tuesday")


def test_unknown_language() -> None:
    with pytest.raises(ResourceError):
        extract("today", "2025-04-24", lang="xx")


def test_invalid_rule_pattern_names_the_rule(tmp_path: Path) -> None:
    # Rules are compiled when a text first needs them: the error comes then, naming the rule.
    (tmp_path / "lexicon.yaml").write_text(
        "classes:\n  month:\n    case: title\n    words: {mai: 5}\n", encoding="utf-8")
    (tmp_path / "patterns.yaml").write_text(
        "rules:\n  - name: broken\n    action: month\n    pattern: '{month}(?!\\w'\n"
        "scan:\n  trigger_classes: [month]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="rule broken: invalid pattern"):
        extract("Am 3. Mai", "2025-04-24", lang=str(tmp_path))


@pytest.mark.parametrize("lang", ["en", str(HERE / "lang_de")])
def test_rule_guards_from_skeletons_equal_guards_from_full_rules(lang: str) -> None:
    # The guard is read from a rule's skeleton (its classes cut to their first characters) to
    # save a parse as large as compiling the rule: it must be the guard the full rule gives.
    from chrono.tagger.resources import _guard

    for source in load(lang).sources:
        assert _guard(source.skeleton) == _guard(source.body), source.name


def test_trie_regex_prefers_longer_words() -> None:
    import re

    pattern = re.compile(trie_regex(["jan", "jan.", "january"]))
    whole, abbreviated = pattern.match("january"), pattern.match("jan. 5")
    assert whole is not None
    assert whole.group() == "january"
    assert abbreviated is not None
    assert abbreviated.group() == "jan."
    assert pattern.match("janitor") is None


def test_resources_are_cached() -> None:
    assert load("en") is load("en")


# ---------------------------------------------------------------------------------------------
# Generated dates in every written form

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ABBREVIATIONS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
                 "Oct.", "Nov.", "Dec."]


def _forms(day: dt.date) -> list[str]:
    month = MONTHS[day.month - 1]
    return [
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{ABBREVIATIONS[day.month - 1]} {day.day}, {day.year}",
        day.isoformat(),
        f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}",
        f"{month} {day.day}{_suffix(day.day)}, {day.year}",
        f"the {day.day}{_suffix(day.day)} of {month}, {day.year}",
        f"{day.year:04d}/{day.month:02d}/{day.day:02d}",
        f"{day.day} {ABBREVIATIONS[day.month - 1]} {day.year}",
    ]


def _suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


@given(prose_days, st.integers(min_value=0, max_value=9))
def test_generated_dates_normalize_exactly(day: dt.date, form: int) -> None:
    text = _forms(day)[form]
    found = extract(f"It happened on {text}.", "2025-04-24")
    assert [t.value for t in found] == [day.isoformat()], text
    assert found[0].text == text
    assert found[0].signal == "on"


@given(prose_days)
def test_generated_months_and_day_first(day: dt.date) -> None:
    found = extract(f"in {MONTHS[day.month - 1]} {day.year}", "2025-04-24")
    assert [t.value for t in found] == [f"{day.year:04d}-{day.month:02d}"]
    text = f"{day.day:02d}.{day.month:02d}.{day.year}"
    (timex,) = extract(f"am {text}", "2025-04-24", day_first=True)
    assert timex.value == day.isoformat()


QUARTERS = ["first", "second", "third", "fourth"]
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}


@given(prose_years, st.integers(min_value=1, max_value=4), st.sampled_from(sorted(SEASONS)),
       st.integers(min_value=0, max_value=5))
def test_generated_periods_normalize_exactly(year: int, quarter: int, season: str,
                                             form: int) -> None:
    text, value = [
        (f"the {QUARTERS[quarter - 1]} quarter of {year}", f"{year}-Q{quarter}"),
        (f"Q{quarter} {year}", f"{year}-Q{quarter}"),
        (f"the {season} of {year}", f"{year}-{SEASONS[season]}"),
        # "the 1980s" is a decade; "the 1800s" is read as the century, as people mean it.
        (f"the {year // 10 * 10}s",
         f"{year // 100:02d}" if year // 10 % 10 == 0 and year < 2000 else f"{year // 10:03d}"),
        (f"mid-{year}", f"{year}"),
        (f"the first half of {year}", f"{year}-H1"),
    ][form]
    found = extract(f"It happened in {text}.", "2025-04-24")
    assert [(t.text, t.value) for t in found] == [(text, value)]


ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


@given(prose_years, st.integers(min_value=1, max_value=12), st.sampled_from(sorted(ORDINALS)),
       st.integers(min_value=0, max_value=6))
def test_generated_nth_weekday_of_month(year: int, month: int, nth: int, weekday: int) -> None:
    # Independent of the tagger's arithmetic: the calendar module's month grid.
    days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
    expected = dt.date(year, month, days[nth - 1 if nth > 0 else -1]).isoformat()
    text = f"the {ORDINALS[nth]} {WEEKDAYS[weekday]} of {MONTHS[month - 1]} {year}"
    found = extract(f"The vote was held on {text}.", "2025-04-24")
    assert [(t.text, t.value) for t in found] == [(text, expected)]


@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2030, 12, 31)),
       st.integers(min_value=1, max_value=2000))
def test_generated_clock_offsets(moment: dt.datetime, minutes: int) -> None:
    moment = moment.replace(second=0, microsecond=0)
    stated = f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year} at {moment:%H:%M}"
    text = f"The gate shut on {stated}. {minutes} minutes later it reopened."
    found = extract(text, "2031-01-01")
    later = (moment + dt.timedelta(minutes=minutes)).isoformat(timespec="minutes")
    assert [(t.type, t.value) for t in found][-1] == ("TIME", later)


@given(st.text(max_size=300), st.one_of(st.none(), any_days), st.booleans())
def test_arbitrary_unicode_never_raises(text: str, dct: dt.date | None, day_first: bool) -> None:
    for timex in extract(text, dct, day_first=day_first):
        assert isinstance(timex, Timex)
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text


@given(date_fragment_soups, any_days)
def test_fragments_never_raise(text: str, dct: dt.date) -> None:
    for timex in extract(text, dct):
        assert text[timex.start:timex.end] == timex.text


def _soup(size: int) -> str:
    # Every word a trigger and no window repeated: nothing can be memoized.
    rng = random.Random(3)
    words = ["May", "March", "Friday", "today", "yesterday", "week", "1998", "two", "days",
             "ago", "last", "next", "quarter", "morning"]
    return " ".join(rng.choice(words) for _ in range(size // 6))[:size]


ADVERSARIAL = {
    "digits": "1234567890" * 100,
    "months": "May March May " * 60,
    "punctuation": "!?.,;:-–" * 150,
    "modifiers": "the last early late " * 60,
    "slashes": "12/12/12/12/12/" * 80,
    "dense": "On March 3, 2024, two days later, last week, " * 20,
    # a day told in full, then again without its year, over and over: each retelling looks back
    # for the full one
    "retold": "The board met on 4 March 2019. On 4 March it voted, and on 5 March it signed. " * 12,
}


@pytest.mark.parametrize("name", [*sorted(ADVERSARIAL), "soup"])
def test_adversarial_input_is_linear(name: str) -> None:
    def make(size: int) -> str:
        if name == "soup":
            return _soup(size)
        unit = ADVERSARIAL[name]
        return unit * (size // len(unit))

    def seconds(size: int) -> float:
        text = make(size)
        start = time.process_time()
        found = extract(text, "2025-04-24")
        elapsed = time.process_time() - start
        assert all(text[t.start:t.end] == t.text for t in found)
        return elapsed

    seconds(2_000)  # load the rules this input needs
    small, large = min(seconds(25_000) for _ in range(2)), seconds(100_000)
    # Four times the text may not cost much more than four times the time (no backtracking
    # blow-up, no rescans of the text per expression). CPU time, so that other jobs on a shared
    # machine do not count; absolute speed is measured by benchmarks/tagger_adversarial.py.
    assert large < 8 * small + 0.05, (small, large)


def test_render_formats() -> None:
    from chrono.tagger.output import render

    text = "Line one.\nSince August 2024 it grew."
    timexes = extract(text, "2025-04-24")
    data = json.loads(render(text, timexes, "json"))
    assert data[0]["value"] == "2024-08"
    assert render(text, timexes, "text").startswith("2:7\tDATE\t2024-08\t'August 2024'")
    with pytest.raises(ValueError, match="unknown format"):
        render(text, timexes, "xml")


def test_a_new_language_is_data_only() -> None:
    folder = str(HERE / "lang_de")
    found = extract(
        "Am 24. April 2025 und vor drei Jahren, gestern, seit März 2024, zwei Wochen lang.",
        "2025-04-30",
        lang=folder,
    )
    assert [(t.text, t.type, t.value) for t in found] == [
        ("24. April 2025", "DATE", "2025-04-24"),
        ("vor drei Jahren", "DATE", "2022"),
        ("gestern", "DATE", "2025-04-29"),
        ("März 2024", "DATE", "2024-03"),
        ("zwei Wochen", "DURATION", "P2W"),
    ]
    assert [t.signal for t in found] == ["on", None, None, "since", None]


def test_without_dct_values_keep_what_the_text_states() -> None:
    found = extract("On March 12, on Friday, in the third quarter and on Christmas Day.")
    assert [t.value for t in found] == ["XXXX-03-12", "XXXX-WXX-5", "XXXX-Q3", "XXXX-12-25"]


def test_every_date_value_is_a_period_the_model_can_place() -> None:
    from chrono.periods import parse_value

    for case in CASES:
        dct = parse_value(case["dct"][:10])
        for timex in extract(case["text"], case["dct"]):
            # "X" digits (TIMEX3 underspecification, "that same day" -> 1998-10-XX) say the
            # text does not pin the period down: the model leaves such a value unplaced.
            if timex.type in ("DATE", "TIME") and "X" not in timex.value:
                period = parse_value(timex.value, mod=timex.mod, dct=dct)
                assert period.start is not None or period.end is not None, timex


def test_values_resting_on_a_default_are_marked_guessed() -> None:
    (said,) = extract("In December the company said it lost money.", "2025-01-15")
    (bare,) = extract("The figures for December are final.", "2025-01-15")
    (opens,) = extract("The plant opens in December.", "2025-01-15")
    (stated,) = extract("On March 3, 2024 it fell.", "2025-01-15")
    assert (said.value, said.guessed) == ("2024-12", False)
    assert (bare.value, bare.guessed) == ("2024-12", True)
    assert bare.to_json()["guessed"] is True
    assert (opens.value, opens.guessed) == ("2025-12", False)  # a scheduling verb looks ahead
    assert not stated.guessed


def test_package_level_extract_is_the_tagger() -> None:
    import chrono

    found = chrono.extract("The treaty was signed on 24 April 2025.", dct="2025-04-30")
    assert [(t.text, t.type, t.value, t.signal) for t in found] == [
        ("24 April 2025", "DATE", "2025-04-24", "on")
    ]
    assert chrono.Timex is Timex
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        chrono.nothing  # noqa: B018


# TIMEX3 durations (TimeML 1.2 with its DE/CE/ML/Q/WE-free unit letters: decades as E,
# centuries as C, millennia as L, as the TimeBank gold writes them) and SET/DATE patterns.
_DURATION = re.compile(
    r"P(?:(?:\d+(?:\.\d+)?|X)[YMWDQECL])*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?\Z"
)
_DATE_PATTERN = re.compile(
    r"(?:\d{2,4}|X{2,4}|\d\dX{1,2}|\d{3}X)(?:-(?:\d\d|XX|Q[1-4X]|H[12X]|W(?:\d\d|XX)|SP|SU|FA|WI)"
    r"(?:-(?:\d\d|XX|\d|WE))?)?(?:T(?:\d\d(?::\d\d(?::\d\d)?)?|MO|AF|EV|NI|DT)"
    r"(?:Z|[+-]\d\d:\d\d)?)?\Z"
)


def _well_formed(timex: Timex) -> bool:
    value = timex.value
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return timex.type == "DATE"
    if timex.type == "DURATION":
        return value != "P" and _DURATION.match(value) is not None
    if timex.type == "SET":
        return (value != "P" and _DURATION.match(value) is not None) or (
            _DATE_PATTERN.match(value) is not None
        )
    return _DATE_PATTERN.match(value) is not None


def test_every_value_is_well_formed_timex3() -> None:
    texts = [(c["text"], c["dct"]) for c in CASES]
    corpus = HERE.parents[2] / "shared" / "corpora" / "tbaq"
    if corpus.is_dir():
        from chrono.timeml import read_timeml

        texts += [(d.text, d.dct) for d in map(read_timeml, sorted(corpus.rglob("*.tml")))]
    bad = [(t.text, t.type, t.value) for text, dct in texts for t in extract(text, dct)
           if not _well_formed(t)]
    assert bad == []


def test_without_dct_a_dct_relative_date_leaves_the_story_day_unknown() -> None:
    found = extract("Minutes of 31.12.2023. Next meeting: Thursday 15 February at 7pm.", None)
    assert [(t.text, t.value) for t in found] == [
        ("31.12.2023", "2023-12-31"),
        ("Thursday 15 February", "XXXX-02-15"),
        ("7pm", "XXXX-XX-XXT19:00"),  # not 2023-12-31T19:00 from the older date
    ]


def test_a_rule_with_an_unknown_action_names_the_rule(tmp_path: Path) -> None:
    # Before actions were one per granularity a date rule said `action: date`: a language
    # folder still written that way must fail loudly, not match nothing.
    (tmp_path / "lexicon.yaml").write_text(
        "classes:\n  month:\n    case: title\n    words: {mai: 5}\n", encoding="utf-8")
    (tmp_path / "patterns.yaml").write_text(
        "rules:\n  - name: old_style\n    action: date\n    pattern: '{month}'\n"
        "scan:\n  trigger_classes: [month]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="rule old_style: unknown action 'date'"):
        extract("Am 3. Mai", "2025-04-24", lang=str(tmp_path))


def test_a_rule_without_an_action_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lexicon.yaml").write_text("classes: {}\n", encoding="utf-8")
    (tmp_path / "patterns.yaml").write_text(
        "rules:\n  - name: bare\n    pattern: '\\d{4}'\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="rule bare: no action"):
        load(str(tmp_path))
