"""Whom a pronoun names: the one person of its sex told before it, with no rival between.

"Ms Foyle's resignation followed the report. ¶ She resigned on Friday 4 February": "she" is Ms
Foyle when no other person the pronoun could name stands between the name and the pronoun — a
woman by a title, a given name or a kin word ("her deputy, Mrs Rowe"; "Anna Patel"; "his
mother"), or a person whose sex the words leave open ("Dr Okafor"; "Ngozi Adebayo"). The words
are in chrono/lang/en/prose/coreference.yaml and given_names.yaml."""

from __future__ import annotations

from collections.abc import Iterator

from chrono.lazy_regex import lazy_compile
from chrono.text.given_names import sex_of_given_name
from chrono.text.vocabulary import vocabulary

__all__ = ["full_names", "owner_sex", "sole_antecedent", "subject_sex"]

_WORDS = vocabulary("coreference")
_PRONOUN_SEXES = {str(k): str(v) for k, v in _WORDS.table("subject_pronoun_sexes").items()}
_SEXED_TITLES = {str(k): str(v) for k, v in _WORDS.table("sexed_titles").items()}
_KIN_SEXES = {str(k): str(v) for k, v in _WORDS.table("relative_sexes").items() if str(k).islower()}
_UNSEXED_TITLES = _WORDS.set("unsexed_titles")
_NOT_PERSON_HEADS = _WORDS.set("not_person_heads")
_NOT_NAMES = _WORDS.set("not_names")
_TITLED = lazy_compile(rf"\b({'|'.join(sorted({*_SEXED_TITLES, *_UNSEXED_TITLES}, key=len, reverse=True))})"
                       r"\.?\s+[A-Z][\w'’-]+")
_FULL_NAME = lazy_compile(r"(?<![\w'’.-])([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][\w'’-]+)")
_KIN = lazy_compile(rf"\b(?:his|her|their|the)\s+(?:[a-z-]+\s+)?({'|'.join(_KIN_SEXES)})\b")
_OWNER_BEFORE = lazy_compile(
    rf"(?:\b({'|'.join(_SEXED_TITLES)})\.?\s+|(?<![\w'’-])([A-Z][a-z]+)\s+)(?:[A-Z][\w'’-]+\s+)?"
    r"[A-Z][\w'’-]+['’]s?\s+(?:[a-z-]+\s+)?\Z"
)


def owner_sex(text: str, lo: int, noun_start: int) -> str | None:
    """The sex of the named owner right before an event noun ("Ms Foyle's resignation", "Anna
    Patel's departure"), when a title or given name tells it."""
    found = _OWNER_BEFORE.search(text, lo, noun_start)
    if found is None:
        return None
    if found.group(1):
        return _SEXED_TITLES[found.group(1)]
    return sex_of_given_name(found.group(2))


def sole_antecedent(text: str, owner_at: int, pronoun_at: int, pronoun: str, owner: str | None) -> bool:
    """Is the owner of sex ``owner``, named at ``owner_at``, the one person ``pronoun`` at
    ``pronoun_at`` can name: of its sex, and no person of that sex or of an open one named
    between?"""
    sex = _PRONOUN_SEXES.get(pronoun.lower())
    if sex is None or owner != sex:
        return False
    between = (owner_at, pronoun_at)
    for titled in _TITLED.finditer(text, *between):
        if _SEXED_TITLES.get(titled.group(1), sex) == sex and titled.start() > owner_at:
            return False
    for kin in _KIN.finditer(text, *between):
        if _KIN_SEXES[kin.group(1)] == sex:
            return False
    for name in _FULL_NAME.finditer(text, *between):
        if name.start() <= owner_at or name.group(1) in _SEXED_TITLES or name.group(1) in _UNSEXED_TITLES:
            continue
        given = sex_of_given_name(name.group(1))
        if given == sex or (given is None and name.group(2) not in _NOT_PERSON_HEADS
                            and name.group(1) not in _NOT_NAMES):
            return False
    return True


def full_names(text: str, lo: int, hi: int) -> Iterator[tuple[str, str]]:
    """The people ``text[lo:hi]`` names by a given name, an initial maybe, and a surname ("Ryan
    Sollis", "Dean A. Carrow"): each given name with its surname."""
    for name in _FULL_NAME.finditer(text, lo, hi):
        yield name.group(1), name.group(2)


def subject_sex(text: str, lo: int, verb_at: int) -> str | None:
    """The sex of the person the words ``text[lo:verb_at]`` before a verb name as its subject
    ("Her first husband, the drummer Len Pascoe, died"): "male" or "female" when a kin word, a
    title or a given name tells it and none tells the other; else None."""
    # (a kin word after a capitalised possessive too: "Her first husband")
    sexes = {_KIN_SEXES[kin.group(1)] for kin in _KIN.finditer(text[lo:verb_at].lower())}
    sexes |= {_SEXED_TITLES[t.group(1)] for t in _TITLED.finditer(text, lo, verb_at)
               if t.group(1) in _SEXED_TITLES}
    for given_name, _ in full_names(text, lo, verb_at):
        given = sex_of_given_name(given_name)
        if given is not None:
            sexes.add(given)
    return next(iter(sexes)) if len(sexes) == 1 else None
