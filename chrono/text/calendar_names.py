"""Month and weekday names (chrono/lang/en/prose/calendar.yaml)."""

from __future__ import annotations

from chrono.text.vocabulary import vocabulary

_WORDS = vocabulary("calendar")

# "September", "Sep", "Sept" -> 9
MONTHS: dict[str, int] = {str(name): int(number) for number, names in _WORDS.table("months").items()
                          for name in names}
MONTH_NAMES: dict[int, str] = {int(number): str(names[0]) for number, names in _WORDS.table("months").items()}
WORD_MONTHS = _WORDS.set("word_months")
# "Monday", "Mon" -> 0
WEEKDAYS: dict[str, int] = {str(name): int(number) for number, names in _WORDS.table("weekdays").items()
                            for name in names}
# "monday", "mon" -> 0 (any case, lowered)
WEEKDAY_NUMBERS: dict[str, int] = {name.lower(): number for name, number in WEEKDAYS.items()}
WEEKDAY_NAMES: dict[int, str] = {int(number): str(names[0])
                                 for number, names in _WORDS.table("weekdays").items()}
ORDINAL_SUFFIXES = _WORDS.pattern("ordinal_suffixes")
DAY_OF_MONTH = _WORDS.pattern("day_of_month")
WEEKDAY_DAY_ARTICLE = _WORDS.pattern("weekday_day_article")
WEEKDAY_DAY_PARTS = _WORDS.pattern("weekday_day_parts")
# After a date, before its weekday: "4 March 2025, a Monday".
INDEFINITE_ARTICLES: tuple[str, ...] = tuple(_WORDS.words("indefinite_articles"))
