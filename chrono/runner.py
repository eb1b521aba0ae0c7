"""A whole ``check`` run: discover, per-file work (cached, parallel; chrono.parallel), corpus
rules, then the policy applied to findings (per-file ignores, inline suppressions, severities,
baseline). :func:`check` is the entry point of the library.

The order of the output never depends on the number of jobs or on the cache: findings are
grouped by file in discovery order and sorted within each file.

Corpus-level rules are rules with a true ``corpus`` class attribute and a
``check_contradictions(contradictions)`` method; they run after every document's summary is
known (from the cache or fresh: chrono.corpus.summary), over what linking the summaries by key
finds (chrono.corpus.linking), so a warm run re-runs them without unpickling any analysis. A
corpus finding is in one document and cites another's words: a suppression comment in either
hides it. (A plugin's corpus rule may instead have ``check_corpus(analyses)``: it gets every
document's analysis, unpickled from the cache as needed.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import attrs

from chrono import suppressions
from chrono.analysis import Analysis
from chrono.baseline import Baseline
from chrono.cache import Cache, file_digest, settings_key
from chrono.corpus.archives import ArchiveFields, is_archive
from chrono.corpus.linking import corpus_contradictions
from chrono.corpus.summary import Summary
from chrono.discovery import discover
from chrono.globs import glob_match, relative_to_root, resolved
from chrono.model import Document, Finding, Severity
from chrono.options import Options, RunPolicy
from chrono.parallel import FileResult, run_archives, run_files
from chrono.problems import ProblemKind
from chrono.registry import all_rules, matches, owner, select
from chrono.results import Report
from chrono.rulebase import Rule

Progress = Callable[[int, int], None]

def always_on() -> tuple[str, ...]:
    """Rules that selection never turns off: a crash is never hidden."""
    return (owner(ProblemKind.INTERNAL).code,)


def selected_rules(options: Options) -> list[type[Rule]]:
    rules = select(all_rules(), options.select, options.ignore)
    chosen = {rule.code for rule in rules}
    extra = [rule for rule in all_rules() if rule.code in always_on() and rule.code not in chosen]
    return sorted([*rules, *extra], key=lambda r: r.code)


def is_corpus_rule(rule: type[Rule]) -> bool:
    hooks = hasattr(rule, "check_corpus") or hasattr(rule, "check_contradictions")
    return bool(getattr(rule, "corpus", False)) and hooks


def cache_key(options: Options, rules: Sequence[type[Rule]]) -> str:
    """What a cached analysis depends on: the reading options, the selection and the rules (the
    run policy is applied afterwards and is not part of it)."""
    fields = {name: repr(value) for name, value in attrs.asdict(options.reading, recurse=False).items()}
    fields["select"], fields["ignore"] = repr(options.select), repr(options.ignore)
    fields["rules"] = repr([(r.code, r.__module__, r.__qualname__) for r in rules])
    modules = sorted({r.__module__ for r in rules})
    return settings_key(fields, modules, options.reading.domain_files)


def _file_results(
    files: Sequence[tuple[Path, str]],
    options: Options,
    rules: Sequence[type[Rule]],
    jobs: int,
    cache_dir: str | None,
    progress: Progress | None,
) -> list[FileResult]:
    per_file = [rule for rule in rules if not is_corpus_rule(rule)]
    total = len(files)
    done = 0

    def tick(count: int = 1) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    cache = Cache(cache_dir, cache_key(options, rules)) if cache_dir else None
    results: list[FileResult | None] = [None] * total
    digests: list[str | None] = [None] * total
    todo: list[int] = []
    for index, (path, display) in enumerate(files):
        if cache is not None:
            digests[index] = digest = file_digest(path)
            hit = cache.get(display, digest)
            if isinstance(hit, FileResult):
                results[index] = hit
                continue
        todo.append(index)
    tick(total - len(todo))
    fresh = run_files([files[i] for i in todo], options.reading, per_file, jobs, tick)
    for index, result in zip(todo, fresh, strict=True):
        results[index] = result
        if cache is not None and not (result.crashed or result.transient):
            cache.put(files[index][1], digests[index], result.packed())
    if cache is not None:
        with contextlib.suppress(OSError):  # a read-only checkout still gets its findings
            cache.save()
    return [r for r in results if r is not None]


def _specificity(rule: type[Rule], selector: str) -> int:
    selector = selector.strip()
    if selector.upper() == rule.code or selector == rule.name:
        return 1000
    if selector.upper() == "ALL":
        return 0
    return len(selector)


def _severity_for(
    finding: Finding, overrides: Sequence[tuple[str, Severity]], rule: type[Rule] | None
) -> Severity:
    if rule is None or not overrides:
        return finding.severity
    best: tuple[int, Severity] | None = None
    for selector, severity in overrides:
        if matches(rule, selector):
            score = _specificity(rule, selector)
            if best is None or score >= best[0]:
                best = (score, severity)
    return best[1] if best else finding.severity


def _mirrors(findings: Sequence[Finding]) -> dict[str, list[tuple[int, Finding]]]:
    """For each corpus finding (by index), a copy placed at the words it cites in each other
    document: a suppression comment there hides the finding too."""
    mirrors: dict[str, list[tuple[int, Finding]]] = {}
    for index, finding in enumerate(findings):
        for step in finding.explanation:
            if step.path is not None and step.span is not None and step.path != finding.path:
                mirror = attrs.evolve(finding, path=step.path, spans=(step.span,), explanation=())
                mirrors.setdefault(step.path, []).append((index, mirror))
    return mirrors


def _ignored_codes(display: str, policy: RunPolicy) -> set[str]:
    if not policy.per_file_ignores:
        return set()
    relative = relative_to_root(Path(display), policy.root)
    return {
        code for pattern, codes in policy.per_file_ignores if glob_match(pattern, relative) for code in codes
    }


def _hidden_by_mirrors(
    results: Sequence[FileResult],
    mirrors: dict[str, list[tuple[int, Finding]]],
    rules: Sequence[type[Rule]],
    policy: RunPolicy,
) -> set[int]:
    """The corpus findings (by index) that a suppression in a cited document hides."""
    hidden: set[int] = set()
    if not mirrors:
        return hidden
    known = [(rule.code, rule.name) for rule in all_rules()]
    enabled = [(rule.code, rule.name) for rule in rules]
    for result in results:
        pairs = mirrors.get(result.document.path)
        if pairs and result.suppressions:
            kept, _, _ = suppressions.apply([m for _, m in pairs], result.suppressions, enabled, known)
            kept_ids = {id(f) for f in kept}
            hidden.update(index for index, mirror in pairs if id(mirror) not in kept_ids)
    return hidden

def apply_policy(
    document: Document,
    found: Sequence[Finding],
    marks: Sequence[suppressions.Suppression],
    rules: Sequence[type[Rule]],
    policy: RunPolicy,
    mirrored: Collection[int] = frozenset(),
) -> tuple[list[Finding], int]:
    """One file's findings after the policy: per-file ignores, inline suppressions (and the
    unused ones reported), severity overrides; sorted. Returns them and the number suppressed.
    ``rules`` are the selected rules; what ``chrono check`` and the language server report of a
    file is this function's result. ``mirrored`` are the ids of copies of corpus findings about
    another document placed here: they only mark a suppression here used, and are not kept."""
    by_code = {rule.code: rule for rule in all_rules()}
    protected_codes = always_on()
    known = [(rule.code, rule.name) for rule in all_rules()]
    ignored = _ignored_codes(document.path, policy)
    enabled = [
        rule
        for rule in rules
        if rule.code in protected_codes or not any(matches(rule, code) for code in ignored)
    ]
    enabled_codes = {rule.code for rule in enabled}
    found = [f for f in found if f.rule in enabled_codes or f.rule not in by_code]
    protected = [f for f in found if f.rule in protected_codes]
    others = [f for f in found if f.rule not in protected_codes]
    kept, hidden, unused = suppressions.apply(others, marks, [(r.code, r.name) for r in enabled], known)
    if mirrored:
        kept_ids = {id(f) for f in kept}
        hidden -= sum(1 for f in found if id(f) in mirrored and id(f) not in kept_ids)
        kept = [f for f in kept if id(f) not in mirrored]
    unused_rule = owner(ProblemKind.UNUSED_SUPPRESSION)
    if unused_rule.code in enabled_codes:
        kept += [
            unused_rule().finding(Analysis(document), suppressions.describe(u), [u.suppression.span])
            for u in unused
        ]
    file_findings = [*protected, *kept]
    if policy.severity_overrides:
        file_findings = [
            attrs.evolve(f, severity=_severity_for(f, policy.severity_overrides, by_code.get(f.rule)))
            for f in file_findings
        ]
    return sorted(file_findings, key=Finding.sort_key), hidden


def check(
    paths: Sequence[str],
    options: Options,
    *,
    jobs: int = 1,
    cache_dir: str | None = None,
    progress: Progress | None = None,
    baseline: Baseline | None = None,
    skip_files: Sequence[str] = (),
    reference: Sequence[Summary] = (),
    archive_fields: ArchiveFields | None = None,
) -> Report:
    """Check ``paths``: per-file work over ``jobs`` processes (results cached in ``cache_dir``
    when given), corpus rules, then per-file ignores, inline suppressions, severity overrides and
    the baseline. The output does not depend on ``jobs`` or the cache. ``skip_files`` are never
    checked (the run's own baseline and report files; a directory skips every file below it).
    ``reference`` holds the summaries of trusted timelines the corpus rules check against.
    Archives (.jsonl, .csv, .parquet) are read record by record with ``archive_fields``."""
    policy = options.policy
    rules = selected_rules(options)
    files = discover(paths, policy)
    # the run's own files (baseline, report, domain knowledge) are never documents to check
    skipped = {resolved(Path(p)) for p in (*skip_files, *options.reading.domain_files)}
    if baseline is not None:
        skipped.add(baseline.path.resolve())
    if skipped:  # a skipped directory (a report being written) skips the files below it
        files = [
            (path, display)
            for path, display in files
            if not any(parent in skipped for parent in (resolved(path), *resolved(path).parents))
        ]
    archives = [(path, display) for path, display in files if is_archive(path)]
    files = [(path, display) for path, display in files if not is_archive(path)]
    results = _file_results(files, options, rules, jobs, cache_dir, progress)
    if archives:  # each record a document of its own (not cached: it has no file to hash)
        per_record = [rule for rule in rules if not is_corpus_rule(rule)]
        fields = archive_fields or ArchiveFields()
        records = run_archives(archives, fields, options.reading, per_record, jobs)
        results += records
        files += [(Path(result.document.path), result.document.path) for result in records]

    # corpus-level rules over every document's (possibly cached) summary
    corpus_findings: dict[str, list[Finding]] = {}
    corpus_rules = [rule for rule in rules if is_corpus_rule(rule)]
    all_corpus: list[Finding] = []
    if corpus_rules:
        linked = [rule for rule in corpus_rules if hasattr(rule, "check_contradictions")]
        if linked:
            summaries = [result.summary for result in results if result.summary is not None]
            contradictions = list(corpus_contradictions(summaries, reference))
            for rule in linked:
                instance: Any = rule()
                all_corpus.extend(instance.check_contradictions(contradictions))
        legacy = [rule for rule in corpus_rules if rule not in linked]
        if legacy:
            analyses: list[Analysis] = [result.load() for result in results]
            for rule in legacy:
                instance = rule()
                all_corpus.extend(instance.check_corpus(analyses))
            results = [attrs.evolve(r, analysis=a) for r, a in zip(results, analyses, strict=True)]
        for finding in all_corpus:
            corpus_findings.setdefault(finding.path, []).append(finding)
    mirrors = _mirrors(all_corpus)
    mirrored = {id(mirror): index for pairs in mirrors.values() for index, mirror in pairs}
    hidden_elsewhere = _hidden_by_mirrors(results, mirrors, rules, policy)
    hidden_ids = {id(all_corpus[index]) for index in hidden_elsewhere}

    findings: list[Finding] = []
    suppressed = 0
    for result in results:
        display = result.document.path
        found = [*result.findings, *corpus_findings.pop(display, [])]
        suppressed += sum(1 for f in found if id(f) in hidden_ids)
        found = [f for f in found if id(f) not in hidden_ids]
        found += [mirror for _, mirror in mirrors.get(display, ())]
        kept, hidden = apply_policy(result.document, found, result.suppressions, rules, policy, mirrored)
        suppressed += hidden
        findings.extend(kept)
    for leftover in corpus_findings.values():  # findings about files that were not checked
        findings.extend(sorted(leftover, key=Finding.sort_key))

    baselined = 0
    if baseline is not None:
        findings, baselined = baseline.filter(findings)
    return Report(
        tuple(findings),
        tuple(display for _, display in files),
        tuple(result.for_report() for result in results),
        suppressed=suppressed,
        baselined=baselined,
        crashed=any(result.crashed for result in results),
    )
