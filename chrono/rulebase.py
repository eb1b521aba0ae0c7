"""What a rule is: a code, a name, a default severity, a four-part docstring and a check."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

import attrs

from chrono.analysis import Analysis
from chrono.cues import Cue
from chrono.model import ExplanationStep, Finding, Severity, Span, locate
from chrono.problems import ConflictKind, Problem, ProblemKind

DOC_SECTIONS = ("What it does", "Why it matters", "Example", "How to fix")


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement ``check``.

    The docstring has four sections, each starting with its heading on a line of its own:
    What it does / Why it matters / Example / How to fix.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    # What the rule reports of what the readers emit: each problem kind and each conflict kind
    # belongs to exactly one rule (a test checks), so readers never name rule codes.
    problem_kinds: ClassVar[frozenset[ProblemKind]] = frozenset()
    conflict_kinds: ClassVar[frozenset[ConflictKind]] = frozenset()
    # problem kinds that are only suspicious (a guessed year): reported as warnings
    warning_kinds: ClassVar[frozenset[ProblemKind]] = frozenset()
    # the kinds of cue (chrono.cues) the rule judges: facts, so several rules may read one kind
    cue_types: ClassVar[frozenset[type[Cue]]] = frozenset()

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


    def problem_findings(self, analysis: Analysis) -> Iterator[Finding]:
        """A finding for each problem of the kinds this rule owns, in the order found."""
        for problem in analysis.problems:
            if problem.kind in self.problem_kinds:
                yield self.problem_finding(analysis, problem)

    def problem_finding(self, analysis: Analysis, problem: Problem) -> Finding:
        finding = self.finding(
            analysis, problem.message, [Span(problem.span.start, problem.span.end, "primary")]
        )
        if problem.kind in self.warning_kinds:
            return attrs.evolve(finding, severity=Severity.WARNING)
        return finding


class ProblemRule(Rule):
    """A rule that reports the input problems of the kinds it owns."""

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        return self.problem_findings(analysis)
