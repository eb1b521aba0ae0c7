"""What a rule is: a code, a name, a default severity, a four-part docstring and a check."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

import attrs

from chrono.model import Claim, Document, Event, ExplanationStep, Finding, Severity, Span, locate
from chrono.network import Solution
from chrono.timeline_files import Problem

DOC_SECTIONS = ("What it does", "Why it matters", "Example", "How to fix")


@attrs.frozen
class Analysis:
    """Everything known about one document when the rules run."""

    document: Document
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[Problem, ...] = ()
    solution: Solution | None = None
    # indices of claims that are implied by the model (an event's start <= end)
    structural: frozenset[int] = frozenset()


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement ``check``.

    The docstring has four sections, each starting with its heading on a line of its own:
    What it does / Why it matters / Example / How to fix.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def sections(cls) -> dict[str, str]:
        """The docstring split into its four sections."""
        sections: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in cls.doc().splitlines():
            heading = line.strip().rstrip(":")
            if heading in DOC_SECTIONS:
                current = sections.setdefault(heading, [])
            elif current is not None:
                current.append(line)
        return {name: "\n".join(lines).strip() for name, lines in sections.items()}

    def finding(
        self,
        analysis: Analysis,
        message: str,
        spans: Sequence[Span],
        explanation: Iterable[tuple[str, Span | None]] = (),
    ) -> Finding:
        document = analysis.document
        return Finding(
            rule=self.code,
            name=self.name,
            severity=self.severity,
            path=document.path,
            message=message,
            spans=tuple(locate(document, span) for span in spans),
            explanation=tuple(
                ExplanationStep(text, locate(document, span) if span else None) for text, span in explanation
            ),
        )


class ProblemRule(Rule):
    """A rule that reports the input problems of one kind found while reading the document."""

    problem_kind: ClassVar[str]

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        for problem in analysis.problems:
            if problem.kind == self.problem_kind:
                yield self.finding(
                    analysis, problem.message, [Span(problem.span.start, problem.span.end, "primary")]
                )
