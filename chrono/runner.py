"""A whole ``check`` run: discover, per-file work (cached, parallel; chrono.parallel), corpus
rules, then the policy applied to findings (per-file ignores, inline suppressions, severities,
baseline). :func:`check` is the entry point of the library.

The order of the output never depends on the number of jobs or on the cache: findings are
grouped by file in discovery order and sorted within each file.

Corpus-level rules are rules with a true ``corpus`` class attribute and a
``check_corpus(analyses)`` method; they run after every document's analysis is known (from
the cache or fresh), so a warm run re-runs them over cached per-document facts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from chrono import suppressions
from chrono.analysis import Analysis
from chrono.baseline import Baseline
from chrono.cache import Cache, file_digest, settings_key
from chrono.discovery import discover
from chrono.globs import glob_match, relative_to_root, resolved
from chrono.model import Document, Finding, Severity
from chrono.options import Options, RunPolicy
from chrono.parallel import FileResult, run_files
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
    return bool(getattr(rule, "corpus", False)) and hasattr(rule, "check_corpus")


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


def _ignored_codes(display: str, policy: RunPolicy) -> set[str]:
    if not policy.per_file_ignores:
        return set()
    relative = relative_to_root(Path(display), policy.root)
    return {
        code for pattern, codes in policy.per_file_ignores if glob_match(pattern, relative) for code in codes
    }


def apply_policy(
    document: Document,
    found: Sequence[Finding],
    marks: Sequence[suppressions.Suppression],
    rules: Sequence[type[Rule]],
    policy: RunPolicy,
) -> tuple[list[Finding], int]:
    """One file's findings after the policy: per-file ignores, inline suppressions (and the
    unused ones reported), severity overrides; sorted. Returns them and the number suppressed.
    ``rules`` are the selected rules; what ``chrono check`` and the language server report of a
    file is this function's result."""
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
) -> Report:
    """Check ``paths``: per-file work over ``jobs`` processes (results cached in ``cache_dir``
    when given), corpus rules, then per-file ignores, inline suppressions, severity overrides and
    the baseline. The output does not depend on ``jobs`` or the cache. ``skip_files`` are never
    checked (the run's own baseline and report files; a directory skips every file below it)."""
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
    results = _file_results(files, options, rules, jobs, cache_dir, progress)

    # corpus-level rules over every document's (possibly cached) analysis
    corpus_findings: dict[str, list[Finding]] = {}
    corpus_rules = [rule for rule in rules if is_corpus_rule(rule)]
    if corpus_rules:
        analyses: list[Analysis] = [result.load() for result in results]
        for rule in corpus_rules:
            instance: Any = rule()
            for finding in instance.check_corpus(analyses):
                corpus_findings.setdefault(finding.path, []).append(finding)
        results = [attrs.evolve(r, analysis=a) for r, a in zip(results, analyses, strict=True)]

    findings: list[Finding] = []
    suppressed = 0
    for result in results:
        display = result.document.path
        found = [*result.findings, *corpus_findings.pop(display, [])]
        kept, hidden = apply_policy(result.document, found, result.suppressions, rules, policy)
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
