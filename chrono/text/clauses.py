"""Clauses and predicates: where a clause of a sentence starts and ends, and whether a verb of
another clause stands between two words. A phrase belongs to its own clause's event."""

from __future__ import annotations

import bisect
import re

from chrono.lazy_regex import lazy_compile
from chrono.text.sentences import Sentence
from chrono.text.vocabulary import searched_alternation, vocabulary

_WORDS = vocabulary("clauses")
_OPENERS = _WORDS.words("openers")
_CLAUSE = lazy_compile(
    # a look-ahead on the characters a cut can start with: most places fail in one step
    rf"(?=[;:(){{}}\[\]—–\"“”,\s{''.join(sorted({re.escape(word[0]) for word in _OPENERS}))}])"
    # (not the dash of a score, "9–2", nor the colon of a clock time, "14:55")
    r"(?:[;(){}\[\]]|(?<!\d):|:(?!\d)|—|(?<!\d)–|–(?!\d)|\s-\s|\"|“|”"
    rf"|,\s*(?:{_WORDS.pattern('after_comma_openers')})\b"
    rf"|\b{searched_alternation(_OPENERS)}\b)"
)
_WORD = lazy_compile(r"[A-Za-z][\w'’-]*")
# a relative clause that ends just before: "the strike, which lasted three weeks, ended …"
RELATIVE_BEFORE = lazy_compile(rf",\s*(?:{_WORDS.pattern('relative_pronouns')})\b[^,]*,\s*\Z")
SUBORDINATE_OPENER = lazy_compile(rf"\b(?:{_WORDS.pattern('subordinate_openers')})\b", re.IGNORECASE)
# "The stoppage, called by crane operators in a dispute over pay, began …": a participle phrase
# set off between commas, which the subject's verb comes after (an irregular one too: "swept
# away in floods")
PARTICIPLE_BEFORE = lazy_compile(
    rf",\s*(?:[a-z]+(?:ed|en)|[a-z]{{3,}}t)\s+(?:(?:{_WORDS.pattern('participle_particles')})\s+)?"
    rf"(?:{_WORDS.pattern('participle_prepositions')})\b(?:[^,;.]|\.(?=\d))*,\s*\Z"
)
FUNCTION_WORDS = _WORDS.set("function_words")
_FINITE_FORMS = _WORDS.set("finite_forms")
_ED_NOT_FINITE = _WORDS.set("ed_not_finite")
_NEXT_PREDICATE = lazy_compile(
    rf"(?:,|\b(?:{_WORDS.pattern('predicate_joiners')}))\s+"
    rf"(?:(?:{_WORDS.pattern('predicate_adverbs')}|\w+ly)\s+)?([a-z][\w'’-]*)"
)


def clause_bounds(text: str, sentence: Sentence) -> tuple[int, ...]:
    """The offsets where the clauses of ``sentence`` start, and its end."""
    cuts = [sentence.start]
    cuts.extend(m.start() for m in _CLAUSE.finditer(text, sentence.start, sentence.end))
    cuts.append(sentence.end)
    return tuple(cuts)


def clause_of(cuts: tuple[int, ...], offset: int) -> tuple[int, int]:
    """The clause (start, end) that ``offset`` falls in."""
    i = bisect.bisect_right(cuts, offset) - 1
    i = max(0, min(i, len(cuts) - 2))
    return cuts[i], cuts[i + 1]


def words_between(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b)) if b > a else 0


def words_in(text: str, a: int, b: int) -> list[str]:
    return _WORD.findall(text, a, b)


def looks_finite(word: str) -> bool:
    """An auxiliary, an irregular past form or a regular one: the verb of a clause."""
    low = word.lower()
    return low in _FINITE_FORMS or (
        len(low) > 4 and low.endswith("ed") and not word[:1].isupper() and low not in _ED_NOT_FINITE)


def other_predicate(text: str, a: int, b: int) -> bool:
    """Does a verb of another clause stand between ``a`` and ``b`` ("studied in Leeds and worked
    in Bonn for a decade")? A phrase there belongs to that verb, not to a trigger before it."""
    return any(looks_finite(m.group(1)) for m in _NEXT_PREDICATE.finditer(text, a, b))
