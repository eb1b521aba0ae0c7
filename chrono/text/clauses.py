"""Clauses and predicates: where a clause of a sentence starts and ends, and whether a verb of
another clause stands between two words. A phrase belongs to its own clause's event."""

from __future__ import annotations

import bisect
import re

from chrono.text.sentences import Sentence


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CLAUSE = re.compile(
    r"[;:(){}\[\]]|—|–|\s-\s|\"|“|”"
    r"|,\s*(?:which|who|whom|whose|although|though|while|whereas|but|because|so|yet|when|where"
    r"|after|before|as|since|until|if|unless|once|and|or)\b"
    r"|\b(?:although|though|whereas|because|unless|that)\b"
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# a relative clause that ends just before: "the strike, which lasted three weeks, ended …"
RELATIVE_BEFORE = re.compile(r",\s*(?:which|who)\b[^,]*,\s*\Z")
FUNCTION_WORDS = _set(
    "and or but nor to when as that the a an in on at for with by from after before was were is are "
    "has had have will would could should can may might he she it they we i you his her their its "
    "this these those there which who whom whose while until since than so if then also said says "
    "not did does do been be being of ago earlier later"
)
_IRREGULAR_PAST = _set(
    "will would can could may might shall should must do does did "
    "was were had made went came got took gave became began said told left won lost held ran saw "
    "found kept put set met led brought bought sold thought felt stood fell rose grew knew wrote "
    "spent built sent paid heard is are has"
)
_NEXT_PREDICATE = re.compile(
    r"(?:,|\b(?:and|but|or|then))\s+(?:(?:then|later|also|soon|eventually|finally|\w+ly)\s+)?([a-z][\w'’-]*)"
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
    return low in _IRREGULAR_PAST or (len(low) > 4 and low.endswith("ed") and not word[:1].isupper())


def other_predicate(text: str, a: int, b: int) -> bool:
    """Does a verb of another clause stand between ``a`` and ``b`` ("studied in Leeds and worked
    in Bonn for a decade")? A phrase there belongs to that verb, not to a trigger before it."""
    return any(looks_finite(m.group(1)) for m in _NEXT_PREDICATE.finditer(text, a, b))
