"""Claims made from prose: the model's claims plus the words they came from and the rule that
owns a conflict they take part in.

A conflict (a minimal set of claims that cannot all hold) is reported by exactly one rule: the
text rule of the highest-ranked ``conflict_rule`` among its claims, or the general rules
(CHR201/CHR202) when none of its claims names one.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from chrono.model import Claim, DurationClaim, GapClaim, PeriodClaim, RelationClaim

# conflict owners, most specific first
DCT_RULE = "CHR302"
OFFSET_RULE = "CHR304"
DURATION_RULE = "CHR305"
ORDER_RULE = "CHR303"
PRECEDENCE_RULE = "CHR306"
NAMED_RULE = "CHR309"
RANKING = (DCT_RULE, OFFSET_RULE, DURATION_RULE, ORDER_RULE, PRECEDENCE_RULE, NAMED_RULE)


def _quote(words: str) -> str:
    words = " ".join(words.split())
    return f"“{words[:80]}…”" if len(words) > 80 else f"“{words}”"


@attrs.frozen
class TextPeriodClaim(PeriodClaim):
    words: str = ""
    conflict_rule: str = ""

    def describe(self) -> str:
        return f"{_quote(self.words)}: {super().describe()}"


@attrs.frozen
class TextGapClaim(GapClaim):
    words: str = ""
    conflict_rule: str = ""

    def describe(self) -> str:
        return f"{_quote(self.words)}: {super().describe()}"


@attrs.frozen
class TextDurationClaim(DurationClaim):
    words: str = ""
    conflict_rule: str = ""

    def describe(self) -> str:
        return f"{_quote(self.words)}: {super().describe()}"


@attrs.frozen
class TextRelationClaim(RelationClaim):
    words: str = ""
    conflict_rule: str = ""

    def describe(self) -> str:
        return f"{_quote(self.words)}: {super().describe()}"


def conflict_owner(claims: Sequence[Claim], indices: Sequence[int]) -> str | None:
    """The text rule that reports a conflict made of ``claims[i] for i in indices``."""
    named = {getattr(claims[i], "conflict_rule", "") for i in indices}
    return next((code for code in RANKING if code in named), None)


__all__ = [
    "RANKING",
    "TextDurationClaim",
    "TextGapClaim",
    "TextPeriodClaim",
    "TextRelationClaim",
    "conflict_owner",
]
