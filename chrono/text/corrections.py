"""Claims another piece made, told in order to correct them: "Our obituary of the former mayor,
published on 28 December, said he married his wife in 1965. They married in 1956." The first
date is the earlier piece's error, which the notice goes on to set right; the text itself does not
claim it. Claims in such a sentence are graded weak, so a conflict through them is a warning at
most (a correction notice is not a contradiction)."""

from __future__ import annotations

import re

from chrono.lazy_regex import lazy_compile
from chrono.text.builder import Builder
from chrono.text.vocabulary import vocabulary

__all__ = ["earlier_pieces"]

_WORDS = vocabulary("corrections")
# "An article on 4 January (…) said", "Our obituary of X, published on 28 December, said"
_PIECE_SAID = lazy_compile(
    rf"[\s*_>\"“]*(?:\*\*[^*\n]{{1,80}}\*\*\s*)?(?:{_WORDS.pattern('publication_determiners')})\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}(?:{_WORDS.pattern('publication_nouns')})\b[^.;]{{0,160}}?"
    rf"\b(?:{_WORDS.pattern('publication_said')})\b",
    re.IGNORECASE,
)


def earlier_pieces(b: Builder) -> None:
    """Grade weak the claims of sentences that tell what an earlier piece said."""
    told = [(s.start, s.end) for s in b.sentences if _PIECE_SAID.match(b.text, s.start, s.end)]
    if not told:
        return

    def in_told(claim: object) -> bool:
        span = getattr(claim, "span", None)
        return span is not None and any(lo <= span.start < hi for lo, hi in told)

    b.weaken_claims(in_told)
