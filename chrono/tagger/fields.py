"""Reading a rule's fields: numbers, years, days, modifiers, weekday and unit words."""

from __future__ import annotations

import functools
import re

from chrono.lazy_regex import lazy_compile
from chrono.regex_cache import compile_kept
from chrono.tagger.context import Context, Fields, Reject
from chrono.tagger.resources import Resources, trie_regex

__all__ = ["approx_mod", "day_of", "number", "position_mod", "street_follows", "two_digit_year",
           "unit_code", "weekday_number", "words_year", "year_of"]

DIGITS = lazy_compile(r"\d+")


_IN_DIGITS = lazy_compile(r"[ \t]+\(\d{1,4}\)\Z")


def number(res: Resources, text: str) -> float | None:
    """The value of a number written in digits or words ("12", "1,000", "twenty-four", "1 1/2")."""
    raw = " ".join(_IN_DIGITS.sub("", text).lower().split())  # "five (5)": the digits repeat the words
    if not raw:
        return None
    for phrase in res.classes.get("number_plus_half", {}):
        whole, half, _ = raw.partition(phrase if phrase.startswith("-") else " " + phrase)
        if half and whole:
            # "two and a half", "2 and a half"
            base = number(res, whole)
            return None if base is None else base + 0.5
    fraction = res.lookup("vulgar_fraction", raw[-1])
    if fraction is not None and raw[:-1]:
        base = number(res, raw[:-1])
        return None if base is None else base + float(fraction)
    if raw[0].isdigit():
        parts = raw.split()
        try:
            total = float(parts[0].replace(",", ""))
        except ValueError:
            return None
        if len(parts) > 1 and "/" in parts[1]:
            top, _, bottom = parts[1].partition("/")
            if top.isdigit() and bottom.isdigit() and int(bottom):
                total += int(top) / int(bottom)
        return total
    direct = res.lookup("number_word", raw)
    if direct is not None:
        return float(direct)
    total = 0.0
    current = 0.0
    for token in re.split(r"[\s-]+", raw):
        if not token or res.has("number_joiner", token):
            continue
        value = res.lookup("number_word", token)
        if value is None:
            return None
        value = float(value)
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def fmt(amount: float) -> str:
    if amount == int(amount):
        return str(int(amount))
    return f"{amount:.2f}".rstrip("0").rstrip(".")


def year_of(ctx: Context, f: Fields) -> int | None:
    if f.get("year"):
        digits = DIGITS.search(f["year"])
        return int(digits.group()) if digits else None
    if f.get("yy"):
        return two_digit_year(ctx, int(f["yy"].strip("'")))
    if f.get("yy2"):
        return two_digit_year(ctx, int(f["yy2"]))
    if f.get("year_words"):
        return words_year(ctx.res, f["year_words"])
    return None


# How far (in years) the story's time must be from the day deictic words count from for a
# year written with two digits to be read in the story's century instead
_STORY_CENTURY_GAP = 20


def two_digit_year(ctx: Context, yy: int) -> int:
    base = ctx.base().year
    story = ctx.ref.day.year if ctx.ref is not None else base
    if abs(story - base) >= _STORY_CENTURY_GAP:
        # letters of 1887 dated "Dec. 26th, '87", "the spring of '89": the year nearest the
        # story's
        return min((story // 100 * 100 + yy + shift for shift in (-100, 0, 100)),
                   key=lambda year: (abs(year - story), year))
    century = base // 100 * 100
    year = century + yy
    if year > base + 10:
        year -= 100
    return year


def words_year(res: Resources, text: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    if not tokens:
        return None
    thousands = res.lookup("year_thousands", " ".join(tokens[:2])) if len(tokens) > 1 else None
    if thousands is not None:
        # "two thousand and five"
        rest = [t for t in tokens[2:] if not res.has("number_joiner", t)]
        extra = number(res, " ".join(rest)) if rest else 0.0
        return int(thousands) + int(extra or 0)
    head = number(res, tokens[0])
    if head is None:
        return None
    rest = tokens[1:]
    if rest and res.has("year_hundred", rest[0]):
        # "nineteen hundred and five"
        words = [t for t in rest[1:] if not res.has("number_joiner", t)]
        extra = number(res, " ".join(words)) if words else 0.0
        return int(head) * 100 + int(extra or 0)
    if rest and res.has("year_zero", rest[0]):
        rest = rest[1:]  # "nineteen oh five"
    tail = number(res, " ".join(rest)) if rest else 0.0
    return int(head) * 100 + int(tail or 0)


def day_of(ctx: Context, f: Fields, key: str = "day") -> int | None:
    if f.get(key):
        digits = DIGITS.search(f[key])
        return int(digits.group()) if digits else None
    if key == "day" and f.get("day_ord"):
        value = ctx.res.lookup("ordinal", f["day_ord"])
        return int(value) if value is not None else None
    return None


def position_mod(ctx: Context, f: Fields) -> str | None:
    if f.get("position"):
        value = ctx.res.lookup("position", f["position"].replace("-", "- ").strip())
        if value is None:
            value = ctx.res.lookup("position", f["position"].strip(" -"))
        return str(value) if value is not None else None
    return None


def approx_mod(ctx: Context, f: Fields) -> str | None:
    if f.get("approx"):
        value = ctx.res.lookup("approx", f["approx"])
        return str(value) if value is not None else None
    return None


@functools.lru_cache(maxsize=8)
def _street_regex(res: Resources) -> re.Pattern[str] | None:
    """A street name: up to three Title-case words, then a street word ("Market Street")."""
    words = res.classes.get("street_suffix")
    if not words:
        return None
    suffix = trie_regex({w for word in words for w in (word, word.title())})
    return compile_kept(r"[ \t]+(?:[A-Z][\w'.-]*[ \t]+){0,3}(?:" + suffix + r")(?![\w])")


def street_follows(res: Resources, text: str, end: int) -> bool:
    """Whether a street name follows ``end``: "1450 Market Street", "12 April Lane"."""
    street = _street_regex(res)
    return street is not None and street.match(text, end) is not None


def weekday_number(res: Resources, word: str) -> int:
    """1 (Monday) to 7 (Sunday) for a weekday name or abbreviation; 0 when it is none."""
    for name in ("weekday", "weekday_abbr", "weekday_abbr_dated"):
        number = res.lookup(name, word)
        if number is not None:
            return int(number)
    return 0


def unit_code(ctx: Context, raw: str) -> str:
    code = ctx.res.lookup("unit", raw) or ctx.res.lookup("calendar_unit", raw)
    if code is None:
        raise Reject
    return str(code)
