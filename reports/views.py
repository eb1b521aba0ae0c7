"""Plain view data for the templates, built from a :class:`chrono.results.Report`.

The templates only loop over what is here and print it (autoescaped); every decision — what is
highlighted, where a finding is shown, which events conflict, how the timeline is laid out, what
a page is called on disk — is made in Python, the way coverage.py prepares its HTML report.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from chrono.analysis import Analysis
from chrono.model import Finding, Severity
from chrono.network import claim_events
from chrono.rulebase import DOC_SECTIONS, Rule
from chrono.version import __version__

from . import timeline as tl
from .annotate import KIND_LABELS, KINDS, Line, annotate, bounds_text, lines_of, visible
from .corpus_view import CorpusPage, corpus_page
from .instants import day_words

MAX_OVERVIEW_EVENTS = 500
MAX_CARDS = 6  # findings shown with their whole explanation on the front page
OPEN_GROUPS_BELOW = 80  # overview groups start open when the corpus has fewer events than this

SEVERITIES = tuple(s.label for s in sorted(Severity, reverse=True))
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def slug(name: str, *, limit: int = 60) -> str:
    """A file name made of safe characters only, unique per ``name`` (a hash keeps it apart)."""
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    base = _UNSAFE.sub("-", name).strip(".-")[-limit:].strip(".-") or "document"  # keep the file name
    return f"{base}-{digest}"


# ---------------------------------------------------------------------------------------------
# Rule documentation: docstring sections -> paragraphs and literal blocks


@attrs.frozen
class Block:
    kind: str  # "p" or "pre"
    parts: tuple[tuple[str, bool], ...]  # (text, is_code)


def _inline(text: str) -> tuple[tuple[str, bool], ...]:
    pieces = text.split("``")
    return tuple((piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece)


def doc_blocks(text: str) -> tuple[Block, ...]:
    """reStructuredText-lite: paragraphs, ``::`` literal blocks (indented), ````code````."""
    blocks: list[Block] = []
    chunks: list[list[str]] = [[]]
    for line in textwrap.dedent(text).splitlines():
        if line.strip():
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    for chunk in chunks:
        if not chunk:
            continue
        if all(line[:1].isspace() for line in chunk):
            code = textwrap.dedent("\n".join(chunk))
            if blocks and blocks[-1].kind == "pre":
                code = blocks.pop().parts[0][0] + "\n\n" + code
            blocks.append(Block("pre", ((code, True),)))
            continue
        # a paragraph may be followed by an indented block without a blank line in between
        split = next((i for i, line in enumerate(chunk) if i and line[:1].isspace()), len(chunk))
        words = " ".join(line.strip() for line in chunk[:split])
        if words.endswith("::"):
            words = words[:-2].rstrip() + ":" if words[:-2].strip() else ""
        if words:
            blocks.append(Block("p", _inline(words)))
        if split < len(chunk):
            blocks.append(Block("pre", ((textwrap.dedent("\n".join(chunk[split:])), True),)))
    return tuple(blocks)


def rule_sections(rule: type[Rule]) -> tuple[Section, ...]:
    """The four docstring sections of a rule, each as blocks (indentation kept, unlike
    ``Rule.sections()``, which strips the first line of each body)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in rule.doc().splitlines():
        heading = line.strip().rstrip(":")
        if heading in DOC_SECTIONS and not line[:1].isspace():
            current = sections.setdefault(heading, [])
        elif current is not None:
            current.append(line)
    if not sections:
        return tuple(Section(heading, doc_blocks(body)) for heading, body in rule.sections().items())
    return tuple(Section(heading, doc_blocks("\n".join(lines))) for heading, lines in sections.items())


# ---------------------------------------------------------------------------------------------
# View records


@attrs.frozen
class FindingRow:
    """A finding as a row of the index and rule tables."""

    severity: str
    rank: int
    rule: str
    name: str
    rule_href: str
    path: str
    href: str
    line: int
    column: int
    message: str


@attrs.frozen
class Step:
    number: int
    text: str
    target: str | None
    where: str


@attrs.frozen
class FindingView:
    anchor: str
    row: FindingRow
    steps: tuple[Step, ...]
    span_ids: str


@attrs.frozen
class Card:
    """A finding with its explanation chain, for the front page."""

    row: FindingRow
    steps: tuple[Step, ...]
    file: str


@attrs.frozen
class RuleRow:
    code: str
    name: str
    severity: str
    summary: str
    count: int
    href: str


@attrs.frozen
class DocumentRow:
    path: str
    href: str
    kind: str
    events: int
    findings: int
    counts: Mapping[str, int]
    worst: str  # "" when clean


@attrs.frozen
class LegendItem:
    kind: str
    label: str
    count: int


@attrs.frozen
class AnnotationRow:
    id: str
    kind: str
    kind_label: str
    label: str
    value: str
    interval: str
    line: int


@attrs.frozen
class DocumentPage:
    path: str
    file: str
    row: DocumentRow
    dct: str
    findings: tuple[FindingView, ...]
    lines: tuple[Line, ...]
    width: int  # digits of the last line number
    legend: tuple[LegendItem, ...]
    annotations: tuple[AnnotationRow, ...]
    data: Mapping[str, Any]
    timeline: tl.TimelineView | None


@attrs.frozen
class Section:
    heading: str
    blocks: tuple[Block, ...]


@attrs.frozen
class RulePage:
    file: str
    rule: RuleRow
    sections: tuple[Section, ...]
    findings: tuple[FindingRow, ...]


@attrs.frozen
class Group:
    title: str
    href: str
    events: int
    conflicts: int
    open: bool
    timeline: tl.TimelineView


@attrs.frozen
class IndexPage:
    title: str
    version: str
    inputs: tuple[str, ...]
    documents: tuple[DocumentRow, ...]
    totals: Mapping[str, int]
    by_severity: tuple[tuple[str, int], ...]
    by_rule: tuple[RuleRow, ...]
    rules_checked: int
    findings: tuple[FindingRow, ...]
    cards: tuple[Card, ...]
    cards_left_out: int
    rule_codes: tuple[str, ...]
    groups: tuple[Group, ...]
    overview_lo: str
    overview_hi: str
    overview_left_out: int
    dated_events: int
    status: str


@attrs.frozen
class Site:
    index: IndexPage
    documents: tuple[DocumentPage, ...]
    rules: tuple[RulePage, ...]
    # the events linked across documents (reports.corpus_view), when any are
    corpus: CorpusPage | None = None


# ---------------------------------------------------------------------------------------------
# Building


def _rule_file(code: str) -> str:
    return f"rules/{_UNSAFE.sub('-', code).strip('.-') or 'rule'}.html"


def _conflict_events(analysis: Analysis) -> set[str]:
    if analysis.solution is None:
        return set()
    return {
        event
        for conflict in analysis.solution.conflicts
        for index in conflict.claims
        if 0 <= index < len(analysis.claims)
        for event in claim_events(analysis.claims[index])
    }


def _events_by_range(analysis: Analysis) -> dict[tuple[int, int], list[str]]:
    """The events of the statements at each source range (built once per document)."""
    by_range: dict[tuple[int, int], list[str]] = defaultdict(list)
    for claim in analysis.claims:
        by_range[(claim.span.start, claim.span.end)].extend(claim_events(claim))
    return by_range


def _finding_events(by_range: Mapping[tuple[int, int], list[str]], finding: Finding) -> list[str]:
    """Events whose statements a finding cites (through its spans and explanation)."""
    cited = [(s.start, s.end) for s in finding.spans]
    cited += [(step.here.start, step.here.end) for step in finding.explanation if step.here is not None]
    return list(dict.fromkeys(event for key in cited for event in by_range.get(key, ())))


def _worst(counts: Mapping[str, int]) -> str:
    return next((label for label in SEVERITIES if counts.get(label)), "")


class _Builder:
    def __init__(
        self, analyses: Sequence[Analysis], findings: Sequence[Finding], rules: Sequence[type[Rule]]
    ):
        self.analyses = analyses
        self.rules = {rule.code: rule for rule in rules}
        self.by_path: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            self.by_path[finding.path].append(finding)
        self.files: dict[str, str] = {}
        taken: set[str] = set()
        for analysis in analyses:
            path = analysis.document.path
            if path in self.files:
                continue
            name = f"docs/{slug(path)}.html"
            while name in taken:  # pragma: no cover - a sha1 prefix collision
                name = f"docs/{slug(name)}.html"
            taken.add(name)
            self.files[path] = name
        self.rows: list[FindingRow] = []
        self.cards: list[Card] = []
        self.timeline_events: list[tuple[DocumentRow, list[tl.TimelineEvent]]] = []
        self.event_count = 0

    def row(self, finding: Finding, href: str) -> FindingRow:
        return FindingRow(
            severity=finding.severity.label,
            rank=int(finding.severity),
            rule=finding.rule,
            name=finding.name,
            rule_href=_rule_file(finding.rule),
            path=visible(finding.path),
            href=href,
            line=finding.line,
            column=finding.column,
            message=visible(finding.message),
        )

    def document(self, analysis: Analysis) -> DocumentPage:
        document = analysis.document
        file = self.files[document.path]
        findings = sorted(self.by_path.get(document.path, []), key=Finding.sort_key)
        anchors = [f"f{n}" for n in range(1, len(findings) + 1)]
        annotated = annotate(analysis, findings, anchors)

        # each finding is shown after the line where its first span ends
        finding_lines: dict[int, int] = {}
        for number, finding in enumerate(findings):
            span = finding.spans[0] if finding.spans else None
            if span is None:
                finding_lines[number] = 0
            else:
                end = span.end - 1 if span.end > span.start else span.end
                finding_lines[number] = document.lines.position(max(min(end, len(document.text)), 0))[0] - 1

        views = []
        for number, finding in enumerate(findings):
            finding_row = self.row(finding, f"{file}#{anchors[number]}")
            self.rows.append(finding_row)
            steps = tuple(
                Step(
                    i + 1,
                    visible(step.text),
                    annotated.step_targets[number][i],
                    step.where(finding.path) if step.path is not None
                    else f"line {step.span.line}" if step.span is not None else "",
                )
                for i, step in enumerate(finding.explanation)
            )
            self.cards.append(Card(finding_row, steps, file))
            views.append(
                FindingView(anchors[number], finding_row, steps, " ".join(annotated.finding_spans[number]))
            )

        counts = Counter(f.severity.label for f in findings)
        row = DocumentRow(
            path=visible(document.path),
            href=file,
            kind=document.kind,
            events=len(analysis.events),
            findings=len(findings),
            counts={label: counts.get(label, 0) for label in SEVERITIES},
            worst=_worst(counts),
        )

        # the timeline: one bar per event, linked to its words and to the finding it is part of
        bounds = analysis.solution.bounds if analysis.solution else {}
        event_anchor = {a.subject: a.id for a in annotated.annotations if a.kind == "event" and a.subject}
        in_conflict = _conflict_events(analysis)
        finding_of: dict[str, tuple[str, str]] = {}
        by_range = _events_by_range(analysis)
        for number, finding in enumerate(findings):
            for event_id in _finding_events(by_range, finding):
                finding_of.setdefault(
                    event_id, (anchors[number], visible(f"{finding.rule} {finding.message}"))
                )
        events = []
        for event in analysis.events:
            b = bounds.get(event.id)
            self.event_count += 1
            linked = finding_of.get(event.id)
            es, ls, ee, le = (
                tl.drawable(b.earliest_start, b.latest_start, b.earliest_end, b.latest_end)
                if b
                else (None, None, None, None)
            )
            events.append(
                tl.TimelineEvent(
                    key=f"e{self.event_count}",
                    label=visible(event.text or event.id),
                    earliest_start=es,
                    latest_start=ls,
                    earliest_end=ee,
                    latest_end=le,
                    href=f"{file}#{event_anchor[event.id]}" if event.id in event_anchor else file,
                    bounds=bounds_text(b) if b else "no dates known",
                    document=visible(document.path),
                    conflict=event.id in in_conflict or linked is not None,
                    finding_href=f"{file}#{linked[0]}" if linked else None,
                    finding_label=linked[1] if linked else "",
                )
            )
        self.timeline_events.append((row, events))
        timeline = tl.build(events, id="tl-doc", title=f"Timeline of {visible(document.path)}")

        kinds = Counter(a.kind for a in annotated.annotations)
        legend = tuple(LegendItem(k, KIND_LABELS[k], kinds[k]) for k in KINDS if kinds.get(k))
        rows = tuple(
            AnnotationRow(
                a.id,
                a.kind,
                KIND_LABELS.get(a.kind, a.kind),
                visible(a.label),
                visible(a.value),
                a.interval,
                document.lines.position(a.start)[0],
            )
            for a in sorted(annotated.annotations, key=lambda a: (a.start, a.end, a.id))
            if a.listed
        )
        lines = lines_of(document.text, annotated.annotations, finding_lines)
        data = {"annotations": {a.id: tip for a in annotated.annotations if (tip := a.tooltip())}}
        dct = ""
        if document.dct_value:
            dct = visible(document.dct_value) + (
                f" (from {document.dct_source})" if document.dct_source else ""
            )
        return DocumentPage(
            path=visible(document.path),
            file=file,
            row=row,
            dct=dct,
            findings=tuple(views),
            lines=tuple(lines),
            width=len(str(len(lines))),
            legend=legend,
            annotations=rows,
            data=data,
            timeline=timeline,
        )

    def rule_pages(self) -> tuple[tuple[RuleRow, ...], tuple[RulePage, ...]]:
        counts = Counter(row.rule for row in self.rows)
        rows, pages = [], []
        for code in sorted(counts):
            rule = self.rules.get(code)
            sample = next(r for r in self.rows if r.rule == code)
            rule_row = RuleRow(
                code=code,
                name=rule.name if rule else sample.name,
                severity=rule.severity.label if rule else sample.severity,
                summary=rule.summary if rule else "",
                count=counts[code],
                href=_rule_file(code),
            )
            rows.append(rule_row)
            sections = rule_sections(rule) if rule else ()
            findings = tuple(r for r in self.rows if r.rule == code)
            pages.append(RulePage(_rule_file(code), rule_row, sections, findings))
        return tuple(rows), tuple(pages)

    def overview(self) -> tuple[tuple[Group, ...], str, str, int]:
        ordered = sorted(
            self.timeline_events,
            key=lambda item: (not any(e.conflict for e in item[1]), item[0].path),
        )
        chosen: list[tuple[DocumentRow, list[tl.TimelineEvent]]] = []
        total = left_out = 0
        for row, events in ordered:
            dated = [e for e in events if e.dated]
            if not dated:
                continue
            if total + len(dated) > MAX_OVERVIEW_EVENTS and chosen:
                left_out += len(dated)
                continue
            chosen.append((row, dated))
            total += len(dated)
        everything = [e for _, events in chosen for e in events]
        span = tl.domain(everything)
        if span is None:
            return (), "", "", left_out
        groups = []
        for number, (row, events) in enumerate(sorted(chosen, key=lambda item: item[0].path), start=1):
            view = tl.build(events, id=f"tl-{number}", title=row.path, span=span)
            if view is None:
                continue
            conflicts = sum(1 for e in events if e.conflict)
            groups.append(
                Group(
                    row.path,
                    row.href,
                    len(events),
                    conflicts,
                    total < OPEN_GROUPS_BELOW or conflicts > 0,
                    view,
                )
            )
        return tuple(groups), day_words(span[0]), day_words(span[1]), left_out


def build_site(
    analyses: Sequence[Analysis],
    findings: Sequence[Finding],
    rules: Iterable[type[Rule]],
    *,
    inputs: Sequence[str] = (),
    rules_checked: int | None = None,
) -> Site:
    rule_list = list(rules)
    builder = _Builder(analyses, findings, rule_list)
    seen: set[str] = set()
    documents = []
    page_of: dict[str, str] = {}
    for analysis in analyses:
        if analysis.document.path in seen:
            continue
        seen.add(analysis.document.path)
        documents.append(builder.document(analysis))
        page_of[analysis.document.path] = documents[-1].file
    # findings about files that have no analysis still get a row (and no page)
    for path, items in builder.by_path.items():
        if path not in seen:
            builder.rows.extend(builder.row(f, "index.html#findings") for f in items)
    by_rule, rule_pages = builder.rule_pages()
    groups, lo, hi, left_out = builder.overview()
    severity_counts = Counter(row.severity for row in builder.rows)
    rows = tuple(sorted(builder.rows, key=lambda r: (-r.rank, r.path, r.line, r.column, r.rule)))
    cards = sorted(builder.cards, key=lambda c: (-c.row.rank, c.row.path, c.row.line, c.row.column))
    totals = {
        "documents": len(documents),
        "findings": len(rows),
        "with_findings": sum(1 for d in documents if d.row.findings),
        "events": builder.event_count,
    }
    worst = _worst(severity_counts)
    status = (
        f"{len(rows)} finding{'s' if len(rows) != 1 else ''} in {totals['with_findings']} of "
        f"{len(documents)} document{'s' if len(documents) != 1 else ''}"
        if rows
        else f"All clear: {len(documents)} document{'s' if len(documents) != 1 else ''} checked, no findings"
    )
    index = IndexPage(
        title=f"chrono report — {status}",
        version=__version__,
        inputs=tuple(visible(i) for i in inputs),
        documents=tuple(d.row for d in documents),
        totals=totals,
        by_severity=tuple((label, severity_counts.get(label, 0)) for label in SEVERITIES),
        by_rule=by_rule,
        rules_checked=rules_checked if rules_checked is not None else len(rule_list),
        findings=rows,
        cards=tuple(cards[:MAX_CARDS]),
        cards_left_out=max(0, len(cards) - MAX_CARDS),
        rule_codes=tuple(r.code for r in by_rule),
        groups=groups,
        overview_lo=lo,
        overview_hi=hi,
        overview_left_out=left_out,
        dated_events=sum(g.events for g in groups),
        status=worst or "clean",
    )
    return Site(index, tuple(documents), rule_pages, corpus_page(analyses, findings, page_of))
