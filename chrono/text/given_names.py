"""The sex a given name almost always names (chrono/lang/en/prose/given_names.yaml): "Edith" a
woman's, "Harold" a man's; a name of both, or none listed, tells nothing."""

from __future__ import annotations

from chrono.text.vocabulary import vocabulary

__all__ = ["sex_of_given_name"]

_NAMES = vocabulary("given_names")
_SEXES = {**dict.fromkeys(_NAMES.set("female"), "female"), **dict.fromkeys(_NAMES.set("male"), "male")}


def sex_of_given_name(name: str) -> str | None:
    """"female" or "male" for a given name that almost always names that sex, else None."""
    return _SEXES.get(name)
