"""The weekday and age rules judge the reader's cues alone: a cue made by hand gives the finding
the same words would (the arithmetic lives in the rule, not in the reader)."""

from __future__ import annotations

import datetime as dt

from chrono.analysis import Analysis
from chrono.cues import AgeCue, AnniversaryCue, DateMention, HolidayCue, SeasonCue, WeekdayCue
from chrono.model import Document, Finding, Severity, Span
from chrono.periods import parse_value
from chrono.registry import all_rules
from chrono.rulebase import Rule

TEXT = "x" * 200
RULES = {rule.code: rule for rule in all_rules()}
WEEKDAY, AGE = RULES["CHR307"], RULES["CHR308"]


def _analysis(*cues: WeekdayCue | AgeCue | AnniversaryCue, dct: str | None = "2024-03-08") -> Analysis:
    document = Document("doc.txt", TEXT, "text", dct=parse_value(dct) if dct else None, dct_value=dct)
    return Analysis(document, cues=cues)


def _date(day: str, *, inferred: bool = False, at: int = 10, note: str | None = None) -> DateMention:
    value = dt.date.fromisoformat(day) if len(day) == 10 else None
    return DateMention(Span(at, at + 8), day, int(day[:4]), value, year_inferred=inferred, note=note,
                       against_tense=note is not None and note.startswith("told as"))


def _weekday(day: str, weekday: int, *, inferred: bool, note: str | None = None) -> WeekdayCue:
    return WeekdayCue("Monday", Span(2, 8), weekday, _date(day, inferred=inferred, note=note))


def _found(rule: type[Rule], analysis: Analysis) -> list[Finding]:
    return list(rule().check(analysis))


def test_a_written_year_that_does_not_match_is_an_error() -> None:
    (finding,) = _found(WEEKDAY, _analysis(_weekday("2024-03-05", 0, inferred=False)))
    assert finding.severity is Severity.ERROR
    assert finding.message == "Monday does not match 2024-03-05: that day is a Tuesday"
    assert (finding.spans[0].start, finding.spans[0].end) == (2, 18)  # the name to the date's end


def test_an_inferred_year_weeks_from_the_document_date_is_an_error() -> None:
    # the other years in which the weekday fits are a year or more away
    (finding,) = _found(WEEKDAY, _analysis(_weekday("2024-02-20", 0, inferred=True)))
    assert finding.severity is Severity.ERROR
    assert "the document date's year: 17 days from it" in finding.message


def test_an_inferred_year_against_the_tense_is_a_warning() -> None:
    cue = WeekdayCue("Monday", Span(2, 8), 0, _date("2024-03-12", inferred=True, note="told as past; …"))
    (finding,) = _found(WEEKDAY, _analysis(cue))
    assert finding.severity is Severity.WARNING
    assert "year inferred from the document date" in finding.message


def test_an_inferred_year_in_the_document_dates_week_is_certain() -> None:
    (finding,) = _found(WEEKDAY, _analysis(_weekday("2024-03-05", 0, inferred=True)))
    assert finding.severity is Severity.ERROR
    assert finding.message == ("Monday does not match 2024-03-05 (the document date's year: 3 days from it): "
                               "that day is a Tuesday")


def test_an_inferred_year_of_the_year_before_in_the_document_dates_week_is_certain() -> None:
    note = "the year before the document's (told as past; …)"
    cue = WeekdayCue("Monday", Span(2, 8), 0, _date("2023-12-31", inferred=True, note=note))
    (finding,) = _found(WEEKDAY, _analysis(cue, dct="2024-01-02"))
    assert finding.severity is Severity.ERROR


def test_an_inferred_year_against_the_tense_is_not_certain() -> None:
    note = "told as future, yet in the document's year it falls before the document date"
    (finding,) = _found(WEEKDAY, _analysis(_weekday("2024-03-05", 0, inferred=True, note=note)))
    assert finding.severity is Severity.WARNING


def test_an_inferred_year_far_from_the_document_date_or_without_one_is_left_alone() -> None:
    cue = _weekday("2024-03-05", 0, inferred=True)
    assert _found(WEEKDAY, _analysis(cue, dct="2024-06-01")) == []
    assert _found(WEEKDAY, _analysis(cue, dct=None)) == []


def test_a_matching_weekday_passes() -> None:
    assert _found(WEEKDAY, _analysis(_weekday("2024-03-05", 1, inferred=False))) == []


def _age(age: int, born: str, at: DateMention | None) -> AgeCue:
    return AgeCue(Span(100, 110), age, _date(born, at=50), at)


def test_with_a_year_only_either_of_two_ages_passes() -> None:
    for age in (87, 88):
        assert _found(AGE, _analysis(_age(age, "1931", _date("2019")))) == []
    (finding,) = _found(AGE, _analysis(_age(89, "1931", _date("2019"))))
    assert finding.message == "age 89 does not fit: born 1931, so on 2019 the age was 87 or 88"


def test_with_both_days_known_the_age_is_exact() -> None:
    (finding,) = _found(AGE, _analysis(_age(88, "1931-05-03", _date("2019-05-02"))))
    assert finding.message.endswith("the age was 87")
    assert _found(AGE, _analysis(_age(88, "1931-05-03", _date("2019-05-03")))) == []


def test_an_inferred_year_of_the_date_leaves_two_ages() -> None:
    cue = _age(87, "1931-05-03", _date("2019-05-03", inferred=True))
    assert _found(AGE, _analysis(cue)) == []


def test_an_age_at_the_document_date() -> None:
    (finding,) = _found(AGE, _analysis(_age(52, "1968", None), dct="2025-04-30"))
    assert finding.message == (
        "age 52 does not fit: born 1968, so at the document date (2025-04-30) the age was 56 or 57"
    )
    assert _found(AGE, _analysis(_age(52, "1968", None), dct=None)) == []


def test_an_anniversary_on_a_date_of_the_text_is_exact() -> None:
    cue = AnniversaryCue(Span(0, 17), "100th", 100, _date("1925"), _date("2020-06-03"))
    (finding,) = _found(AGE, _analysis(cue))
    assert finding.message == "the 100th anniversary does not fit: 1925 to 2020-06-03 is 95 years"
    cue = AnniversaryCue(Span(0, 17), "100th", 100, _date("1920"), _date("2020-06-03"))
    assert _found(AGE, _analysis(cue)) == []


def test_an_anniversary_on_the_document_date_may_be_a_year_off() -> None:
    cue = AnniversaryCue(Span(0, 16), "50th", 50, _date("1975"), None)
    assert _found(AGE, _analysis(cue, dct="2024-06-01")) == []
    assert _found(AGE, _analysis(cue, dct="2026-06-01")) == []
    assert len(_found(AGE, _analysis(cue, dct="2027-06-01"))) == 1


SEASON, HOLIDAY = RULES["CHR312"], RULES["CHR311"]


def _season(which: str, period_year: int | None, month: int, date_year: int | None,
            *hemispheres: str) -> SeasonCue:
    return SeasonCue("summer", Span(0, 6), "season", which, period_year, "a day", Span(20, 25), date_year,
                     month, frozenset(hemispheres or ("north",)))


def test_a_season_of_a_written_year_holds_its_months_of_that_year() -> None:
    assert _found(SEASON, _analysis(_season("SU", 2019, 7, 2019))) == []
    (finding,) = _found(SEASON, _analysis(_season("SU", 2019, 7, 2013)))
    assert "July 2013 is not in the summer of 2019" in finding.message
    (finding,) = _found(SEASON, _analysis(_season("SU", 2019, 12, 2019)))
    assert "December is not summer (northern hemisphere)" in finding.message


def test_a_winter_straddles_new_year_and_either_winter_passes() -> None:
    for month, year in ((1, 2024), (12, 2024), (12, 2023), (3, 2025)):
        assert _found(SEASON, _analysis(_season("WI", 2024, month, year))) == [], (month, year)
    assert _found(SEASON, _analysis(_season("WI", 2024, 7, 2024))) != []


def test_southern_seasons_are_six_months_on() -> None:
    assert _found(SEASON, _analysis(_season("SU", None, 1, None, "south"))) == []
    assert _found(SEASON, _analysis(_season("SU", 2019, 1, 2020, "south"))) == []
    assert _found(SEASON, _analysis(_season("SU", None, 7, None, "south"))) != []
    # either hemisphere: a month of either summer passes
    assert _found(SEASON, _analysis(_season("SU", None, 1, None, "north", "south"))) == []


def _holiday(holiday: str, day: str, *, inferred: bool = False, countries: frozenset[str] = frozenset()
             ) -> HolidayCue:
    return HolidayCue("a holiday", Span(0, 9), holiday, (0, 0), _date(day, inferred=inferred, at=11), countries)


def test_a_holiday_on_another_day() -> None:
    (finding,) = _found(HOLIDAY, _analysis(_holiday("bastille-day", "2024-07-15")))
    assert finding.message == "a holiday is not 15 July: it falls on 14 July"
    assert finding.severity is Severity.ERROR
    assert _found(HOLIDAY, _analysis(_holiday("bastille-day", "2024-07-14"))) == []


def test_a_movable_holiday_with_an_inferred_year() -> None:
    # near the document date (2024-03-08), on Good Friday's day of 2021: that year may be meant
    (finding,) = _found(HOLIDAY, _analysis(_holiday("good-friday", "2024-04-02", inferred=True)))
    assert finding.severity is Severity.WARNING
    assert _found(HOLIDAY, _analysis(_holiday("good-friday", "2024-04-02", inferred=True), dct="2024-09-01")) == []
    # ... but its day of 2018 only: too long ago to be the one meant
    (finding,) = _found(HOLIDAY, _analysis(_holiday("good-friday", "2024-03-30", inferred=True)))
    assert finding.severity is Severity.ERROR
    # a fixed holiday does not depend on the year
    (finding,) = _found(HOLIDAY, _analysis(_holiday("boxing-day", "2024-12-27", inferred=True), dct="2024-06-01"))
    assert finding.severity is Severity.ERROR


def test_countries_decide_a_holiday_they_keep_apart() -> None:
    cue = _holiday("thanksgiving", "2024-10-14", countries=frozenset({"US"}))
    (finding,) = _found(HOLIDAY, _analysis(cue))
    # (Canada's day: the named country may be what the text is about, not where it was written)
    assert finding.message == ("a holiday is not 14 October: it falls on 28 November in 2024 in the "
                               "countries the text names (US), though another country keeps it on that day")
    assert finding.severity is Severity.WARNING
    (finding,) = _found(HOLIDAY, _analysis(_holiday("thanksgiving", "2024-10-15", countries=frozenset({"US"}))))
    assert finding.severity is Severity.ERROR  # no country's day
    assert _found(HOLIDAY, _analysis(_holiday("thanksgiving", "2024-10-14"))) == []
