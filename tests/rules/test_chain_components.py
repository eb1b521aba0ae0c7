"""A conflict that rests on claims weak only through links between mentions is certain when
every claim of the conflict about an event rests on the same part of that event's chain (below
the same uncertain link): the clash holds whichever event the uncertain link joined them to."""

from __future__ import annotations

from chrono.rules.chains import uncertain

from chrono.analysis import Analysis
from chrono.model import Document, EventExists, Grade, Part, Qualifier, Span
from chrono.network import Conflict
from chrono.periods import parse_value
from chrono.text.claims import TextPeriodClaim


def _claim(day: str, grade: Grade, components: tuple[tuple[str, str], ...] = ()) -> TextPeriodClaim:
    return TextPeriodClaim("recount", Part.END, Qualifier.IN, parse_value(day), Span(0, 1), words=day,
                           grade=grade, components=components)


def _uncertain(*claims: object) -> bool:
    analysis = Analysis(Document("doc.txt", "x", "text"), claims=(EventExists("recount", Span(0, 1)), *claims))
    return uncertain(analysis, Conflict(tuple(range(len(claims) + 1)), 86400))


def test_claims_below_the_same_uncertain_link_clash_for_certain() -> None:
    below = (("recount", "120>40"),)
    assert not _uncertain(_claim("2025-11-14", Grade.WEAK, below), _claim("2025-11-16", Grade.WEAK, below))


def test_claims_on_either_side_of_an_uncertain_link_clash_uncertainly() -> None:
    assert _uncertain(_claim("2025-11-14", Grade.STRONG), _claim("2025-11-16", Grade.WEAK, (("recount", "120>40"),)))
    assert _uncertain(_claim("2025-11-14", Grade.WEAK, (("recount", "90>40"),)),
                      _claim("2025-11-16", Grade.WEAK, (("recount", "120>40"),)))


def test_a_claim_weak_for_another_reason_stays_uncertain() -> None:
    below = (("recount", "120>40"),)
    assert _uncertain(_claim("2025-11-14", Grade.WEAK), _claim("2025-11-16", Grade.WEAK, below))


def test_strong_claims_are_certain() -> None:
    assert not _uncertain(_claim("2025-11-14", Grade.STRONG), _claim("2025-11-16", Grade.STRONG))
