"""Claims made from prose: the model's claims plus the words they came from, the kind of
statement they make (:class:`chrono.problems.ConflictKind`), how sure the reading is
(:class:`chrono.model.Grade`) and the links between mentions it rests on (``via``: shown in the
explanation, so a reader can dispute them).

A conflict (a minimal set of claims that cannot all hold) is reported by exactly one rule: the
rule that owns the most specific kind among its claims, or the general consistency rules when
none of its claims has a kind.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from chrono.model import Claim, DurationClaim, GapClaim, Grade, PeriodClaim, RelationClaim
from chrono.problems import ConflictKind, conflict_kind_of


def _quote(words: str) -> str:
    words = " ".join(words.split())
    return f"“{words[:80]}…”" if len(words) > 80 else f"“{words}”"


def _text(words: str, model: str, via: str) -> str:
    return f"{_quote(words)}: {model}" + (f" [{via}]" if via else "")


@attrs.frozen
class TextPeriodClaim(PeriodClaim):
    words: str = ""
    conflict_kind: ConflictKind | None = None
    grade: Grade = Grade.STRONG
    via: str = ""
    # the period's year is the document date's, counted exactly ("yesterday"), not a year left
    # open by the words and placed in the document's ("on 12 April")
    year_from_dct: bool = False
    # where the grade is weak only because of links between mentions: for each event, the
    # first uncertain link above the mentions the claim rests on (its part of the chain)
    components: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        return _text(self.words, super().describe(), self.via)


@attrs.frozen
class TextGapClaim(GapClaim):
    words: str = ""
    conflict_kind: ConflictKind | None = None
    grade: Grade = Grade.STRONG
    via: str = ""
    # where the grade is weak only because of links between mentions: for each event, the
    # first uncertain link above the mentions the claim rests on (its part of the chain)
    components: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        return _text(self.words, super().describe(), self.via)


@attrs.frozen
class TextDurationClaim(DurationClaim):
    words: str = ""
    conflict_kind: ConflictKind | None = None
    grade: Grade = Grade.STRONG
    via: str = ""
    # where the grade is weak only because of links between mentions: for each event, the
    # first uncertain link above the mentions the claim rests on (its part of the chain)
    components: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        return _text(self.words, super().describe(), self.via)


@attrs.frozen
class TextRelationClaim(RelationClaim):
    words: str = ""
    conflict_kind: ConflictKind | None = None
    grade: Grade = Grade.STRONG
    via: str = ""

    def describe(self) -> str:
        return _text(self.words, super().describe(), self.via)


def components_of(claim: Claim) -> dict[str, str] | None:
    """For a claim weak only through links between mentions, each event's part of the chain
    ("" where no uncertain link is above its mentions); None for any other claim."""
    parts = getattr(claim, "components", ())
    return dict(parts) if parts else None


def conflict_kind(claims: Sequence[Claim], indices: Sequence[int]) -> ConflictKind | None:
    """The kind of a conflict made of ``claims[i] for i in indices`` (None: no prose kind)."""
    return conflict_kind_of(getattr(claims[i], "conflict_kind", None) for i in indices)


__all__ = [
    "TextDurationClaim",
    "TextGapClaim",
    "TextPeriodClaim",
    "TextRelationClaim",
    "components_of",
    "conflict_kind",
]
