"""English inflection of the trigger lexicon: the regular forms of a verb and the plural of a
noun (irregular verbs list their forms in the lexicon)."""

from __future__ import annotations

import re

from chrono.text.vocabulary import vocabulary

_DOUBLING = vocabulary("events").set("doubling_verbs")


def regular_forms(lemma: str) -> list[str]:
    """The third person singular, past, past participle and -ing form of a regular verb."""
    last = lemma[-1]
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma + "d", lemma[:-1] + "ing"]
    if last == "y" and lemma[-2] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma + "es", lemma + "ed", lemma + "ed", lemma + "ing"]
    double = (
        len(re.findall(r"[aeiou]+", lemma)) == 1  # one syllable: "stop" -> "stopped", not "open"
        and last not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3:-2] not in ("a", "e", "i", "o", "u", "")
    ) or lemma in _DOUBLING
    stem = lemma + last if double else lemma
    return [lemma + "s", stem + "ed", stem + "ed", stem + "ing"]


def doubled_l_forms(lemma: str) -> list[str]:
    """The British past, past participle and -ing form of a verb of more than one syllable that
    ends in a single vowel and "l" ("cancelled", "travelling"; "canceled" is the American form
    :func:`regular_forms` gives), else none."""
    if len(re.findall(r"[aeiou]+", lemma)) < 2 or not re.search(r"[^aeiou][aeiou]l\Z", lemma):
        return []
    return [lemma + "led", lemma + "led", lemma + "ling"]


def plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun if noun.endswith("s") else noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def singular(word: str) -> str:
    """A plural's singular, near enough that two mentions of one thing match ("buses" bus,
    "boxes" box, "inquiries" inquiry, "drivers" driver); short words and "-ss" words are kept
    ("bus", "news", "class")."""
    if len(word) <= 4 or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")) or word in ("buses", "gases"):
        return word[:-2]
    return word[:-1]


def regular_bases(past: str) -> tuple[str, ...]:
    """The bases a regular past form may be of ("delivered" deliver, "staged" stage or stag,
    "stopped" stop or stopp): for a form the lexicon lacks, to look its base up in a list."""
    if not past.endswith("ed") or len(past) < 5:
        return ()
    stem = past[:-2]
    bases = [stem, past[:-1]]
    if stem.endswith("i"):
        bases.append(stem[:-1] + "y")  # "carried" carry
    if len(stem) > 2 and stem[-1] == stem[-2]:
        bases.append(stem[:-1])  # "stopped" stop
    return tuple(bases)
