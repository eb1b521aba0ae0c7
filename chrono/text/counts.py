"""Counts written in words or figures ("two", "a", "19") as offsets and distances use them
("two days later", "19 days after launch"): one reading of the number words of
chrono/lang/en/prose/offsets.yaml for chrono.text.offsets and chrono.text.dating."""

from __future__ import annotations

from chrono.text.vocabulary import vocabulary

# the count of each number word; 0 for a vague one ("several", "a few"), which makes no claim
NUMBERS = {str(word): int(count) for word, count in vocabulary("offsets").table("numbers").items()}


def count_of(word: str) -> int | None:
    """The count ``word`` writes ("two" -> 2, "19" -> 19, "several" -> 0), None if none."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)
