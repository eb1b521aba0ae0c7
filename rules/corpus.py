"""Corpus rules: the dates several documents give one event, checked against each other and
against a reference timeline (chrono.corpus). They run after every document's summary is known,
over the contradictions the linking found, and report each in the document that is at odds."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

import attrs

from chrono.analysis import Analysis
from chrono.corpus.linking import Contradiction
from chrono.model import ExplanationStep, Finding, Grade, Severity
from chrono.periods import format_shortfall
from chrono.rulebase import Rule


def _quoted(contradiction: Contradiction, other: bool) -> str:
    facts = contradiction.other_facts if other else contradiction.facts
    words = " … ".join(" ".join(f.span.text.split()) for f in facts)
    return f"“{words[:80]}…”" if len(words) > 80 else f"“{words}”"


class CorpusRule(Rule):
    """A rule over the whole corpus: it reports contradictions between documents (or between a
    document and the reference), never a document alone."""

    corpus: ClassVar[bool] = True
    against_reference: ClassVar[bool] = False

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        return iter(())

    def check_contradictions(self, found: Sequence[Contradiction]) -> Iterator[Finding]:
        for contradiction in found:
            if contradiction.other.trusted == self.against_reference:
                yield self.corpus_finding(contradiction)

    def message(self, contradiction: Contradiction) -> str:
        raise NotImplementedError

    def corpus_finding(self, contradiction: Contradiction) -> Finding:
        here, other = contradiction.telling, contradiction.other
        spans = tuple(
            attrs.evolve(fact.span, role="primary" if i == 0 else "cited")
            for i, fact in enumerate(contradiction.facts)
        )
        link = (
            f"the same event [{contradiction.key}]: {other.event.why}; "
            f"told here as “{here.event.label}”, in {other.path} as “{other.event.label}”"
        )
        if contradiction.grade is Grade.WEAK:
            link += " (an uncertain link, or an uncertain reading: a warning only)"
        steps = [
            *(ExplanationStep(fact.reading, fact.span) for fact in contradiction.facts),
            ExplanationStep(link, None),
            *(ExplanationStep(fact.reading, fact.span, other.path) for fact in contradiction.other_facts),
        ]
        severity = self.severity
        if contradiction.grade is Grade.WEAK:
            severity = min(severity, Severity.WARNING)
        message = self.message(contradiction)
        return Finding(self.code, self.name, severity, here.path, message, spans, tuple(steps))


class CrossDocumentContradiction(CorpusRule):
    """
    What it does
        Reports a document that dates an event differently from the other documents of the
        corpus that tell the same event, so that their dates cannot all hold. Events are linked
        across documents by a key read from each document's own words: a name ("the Treaty of
        Lisbon", "Operation Ember") and the act told of it, or the kind of event and the names it
        is about ("the recapture of Sudzha"), with the year when the words give it ("the 2024
        Romanian presidential election"). The finding is in the document at odds with the
        others (the most documents agree with the other date) and cites the words of both.

    Why it matters
        Each article may be consistent on its own; the error shows only when the corpus is read
        as one timeline. A date copied wrong from a draft, a wrong year in one outlet's story,
        or a stale fact in an explainer contradicts what the rest of the corpus says.

    Example
        Fails, in two documents of one corpus::

            a.md:  Russian troops recaptured Sudzha in March 2025.
            b.md:  The recapture of Sudzha came in February 2024.

        Passes when b.md says March 2025 (or "early 2025"). Two recaptures of two towns, or two
        elections of one country in different years, are never linked.

    How to fix
        Check the date against your sources and correct the document that is wrong (the
        explanation shows the other document's words). A link that rests on the kind of event
        and a place alone ("Romania's presidential election") is uncertain and gives a warning
        only, and so is one through a one-word name of a person ("Varga was born …") or the name
        of an event held every year without its year ("won the County Cup"): name the year or the
        full name to make it certain, or silence it with ``chrono: ignore[CHR601]`` in either
        document.
    """

    code = "CHR601"
    name = "cross-document-contradiction"
    severity = Severity.ERROR
    summary = "documents of the corpus date one event in ways that cannot all hold"

    def message(self, contradiction: Contradiction) -> str:
        others = contradiction.agreeing
        agree = (
            f"; {others} document{'s' if others != 1 else ''} agree{'s' if others == 1 else ''} with it"
            if others > 1 else ""
        )
        return (
            f"dated {_quoted(contradiction, False)} here but {_quoted(contradiction, True)} in "
            f"{contradiction.other.path}: they cannot both hold (they miss by at least "
            f"{format_shortfall(contradiction.shortfall)}{agree})"
        )


class ContradictsReference(CorpusRule):
    """
    What it does
        Reports a document whose date for an event contradicts the reference timeline given with
        ``--reference FILE`` (a timeline file of trusted facts). Each reference event is linked by
        the key read from its ``text`` (or its id), as documents' events are; the finding cites
        the document's words and the reference line.

    Why it matters
        A newsroom's own chronology, or facts taken from Wikidata, are what every article
        should agree with; a document that does not is wrong whatever the other documents say.

    Example
        Fails, with ``--reference ref.yaml`` holding
        ``{id: recapture, text: Russian forces recaptured Sudzha, on: 2025-03}``::

            b.md:  The recapture of Sudzha came in February 2024.

        Passes when b.md says March 2025.

    How to fix
        Correct the document; if the reference is wrong, correct the reference.
    """

    code = "CHR602"
    name = "contradicts-reference"
    severity = Severity.ERROR
    summary = "a document dates an event against the reference timeline"
    against_reference = True

    def message(self, contradiction: Contradiction) -> str:
        line = contradiction.other_facts[0].span.line
        return (
            f"dated {_quoted(contradiction, False)} here but {_quoted(contradiction, True)} in the "
            f"reference {contradiction.other.path}:{line} (they miss by at least "
            f"{format_shortfall(contradiction.shortfall)})"
        )


RULES: tuple[type[Rule], ...] = (CrossDocumentContradiction, ContradictsReference)
