"""A whole ``check`` run: discover, per-file work (cached; run by an executor, chrono.executors),
corpus steps and rules, then the policy applied to findings (per-file ignores, inline
suppressions, severities, baseline). :func:`check` is the entry point of the library.

The order of the output never depends on the executor, the number of jobs or the cache:
findings are grouped by file in discovery order and sorted within each file.

Work across documents comes in two forms. Corpus steps (chrono.mapreduce) are map -> shuffle
-> reduce over compact per-document summaries: any executor runs them, and the run keeps no
document's analysis for them. The corpus rules (a true ``corpus`` class attribute and a
``check_contradictions(contradictions)`` method, rules/corpus.py) are such a step
(chrono.corpus.step): each document's linked events are its summaries (cached with its
result), grouped by key and each group reduced to its contradictions (chrono.corpus.linking),
so a warm run re-runs them without unpickling any analysis. A corpus finding is in one document
and cites another's words: a suppression comment in either hides it. A plugin's corpus rule may
instead have ``check_corpus(analyses)``: it needs every document's analysis at once (from the
cache or fresh), so a run with one keeps them all.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from chrono import suppressions
from chrono.analysis import Analysis
from chrono.baseline import Baseline
from chrono.cache import Cache, file_digest, settings_key
from chrono.corpus.archives import ArchiveFields, is_archive
from chrono.corpus.step import contradiction_step, in_rule_order
from chrono.corpus.summary import Summary
from chrono.discovery import walk
from chrono.executors import Executor, PoolExecutor, SerialExecutor
from chrono.globs import glob_match, relative_to_root, resolved
from chrono.ingest import Location, kind_of
from chrono.mapreduce import CorpusStep, Keyed
from chrono.model import Document, Finding, Severity
from chrono.options import Options, RunPolicy
from chrono.parallel import FileResult, Task, Work, run_archives
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


def split_rules(rules: Sequence[type[Rule]]) -> tuple[list[type[Rule]], list[type[Rule]]]:
    """(per-document rules, corpus-level rules)."""
    return [r for r in rules if not is_corpus_rule(r)], [r for r in rules if is_corpus_rule(r)]


def cache_key(options: Options, rules: Sequence[type[Rule]], corpus_steps: Sequence[CorpusStep] = ()) -> str:
    """What a cached analysis depends on: the reading options, the selection and the rules (the
    run policy is applied afterwards and is not part of it), and the corpus steps whose
    summaries it carries."""
    fields = {name: repr(value) for name, value in attrs.asdict(options.reading, recurse=False).items()}
    fields["select"], fields["ignore"] = repr(options.select), repr(options.ignore)
    fields["rules"] = repr([(r.code, r.__module__, r.__qualname__) for r in rules])
    if corpus_steps:
        fields["corpus_steps"] = repr([step.identity() for step in corpus_steps])
    modules = sorted({r.__module__ for r in rules})
    return settings_key(fields, modules, options.reading.domain_files)


def _file_results(
    files: Iterable[tuple[Location, str]],
    options: Options,
    rules: Sequence[type[Rule]],
    executor: Executor,
    work: Work,
    cache_dir: str | None,
    progress: Progress | None,
) -> Iterator[tuple[Location, str, FileResult]]:
    """Every file with its result, in file order: from the cache, or fresh from the executor
    (and then cached). The executor reads the files itself where it runs, so a cache on this
    machine only serves a local executor; a URL is never cached.

    Without a cache or a progress bar (which needs the number of files), ``files`` stream to
    the executor as they are found: this process holds a window of them, not the corpus's list.
    """
    cache = None
    if cache_dir and executor.local:
        cache = Cache(cache_dir, cache_key(options, rules, work.corpus_steps))
    if cache is None and progress is None:
        sent: deque[tuple[Location, str]] = deque()  # sent to the executor, result not back yet

        def tasks() -> Iterator[Task]:
            for index, (path, display) in enumerate(files):
                sent.append((path, display))
                yield index, path, display

        for result in executor.results(tasks(), work):
            path, display = sent.popleft()
            yield path, display, result
        return
    files = list(files)
    total = len(files)
    done = 0

    def tick(count: int = 1) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, total)

    hits: dict[int, FileResult] = {}
    digests: dict[int, str | None] = {}
    todo: list[Task] = []
    for index, (path, display) in enumerate(files):
        if cache is not None and isinstance(path, Path):
            digests[index] = digest = file_digest(path)
            hit = cache.get(display, digest)
            if isinstance(hit, FileResult):
                hits[index] = hit
                continue
        todo.append((index, path, display))
    tick(len(hits))
    fresh = executor.results(todo, work, tick)
    for index, (path, display) in enumerate(files):
        if index in hits:
            yield path, display, hits.pop(index)
            continue
        result = next(fresh)
        if cache is not None and index in digests and not (result.crashed or result.transient):
            cache.put(display, digests[index], result.packed())
        yield path, display, result
    if cache is not None:
        with contextlib.suppress(OSError):  # a read-only checkout still gets its findings
            cache.save()


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
    executor: Executor | None = None,
    corpus_steps: Sequence[CorpusStep] = (),
    keep_analyses: bool = True,
    reference: Sequence[Summary] = (),
    archive_fields: ArchiveFields | None = None,
    list_files: bool = True,
) -> Report:
    """Check ``paths``: per-file work on ``executor`` (default: ``jobs`` local processes; results
    cached in ``cache_dir`` when given and the executor is local), corpus steps and rules, then
    per-file ignores, inline suppressions, severity overrides and the baseline. The output does
    not depend on the executor, ``jobs`` or the cache. ``skip_files`` are never checked (the
    run's own baseline and report files; a directory skips every file below it).

    Without ``keep_analyses`` the report holds no document's analysis: ``report.analyses`` has
    only the documents with findings or suppression comments, each with its text and nothing
    else (what the output formats print), and a clean file costs the run its name alone. A run
    over a corpus of millions then needs memory for its findings, not its documents.

    ``reference`` holds the summaries of trusted timelines the corpus rules check against.
    Archives (.jsonl, .csv, .parquet) are read record by record with ``archive_fields`` (the
    defaults when None), on this machine whichever the executor (a local pool of ``jobs``
    processes); an archive in a directory is taken only when ``archive_fields`` are given.

    Without ``list_files`` the report counts the files (``report.file_count``) and
    ``report.files`` is empty: with neither analyses nor the list kept, nor a cache or a
    progress bar, the files stream from discovery to the executor and this process's memory
    does not grow with the number of clean files."""
    policy = options.policy
    rules = selected_rules(options)
    discovered: Iterable[tuple[Location, str]] = walk(paths, policy, archives=archive_fields is not None)
    # the run's own files (baseline, report, domain knowledge) are never documents to check
    skipped = {resolved(Path(p)) for p in (*skip_files, *options.reading.domain_files)}
    if baseline is not None:
        skipped.add(baseline.path.resolve())
    if skipped:  # a skipped directory (a report being written) skips the files below it
        discovered = (
            (path, display)
            for path, display in discovered
            if not isinstance(path, Path)  # a URL is never one of the run's own files
            or not any(parent in skipped for parent in (resolved(path), *resolved(path).parents))
        )
    archives: list[tuple[Path, str]] = []  # read after the files, record by record

    def documents() -> Iterator[tuple[Location, str]]:
        for path, display in discovered:
            if isinstance(path, Path) and is_archive(path):
                archives.append((path, display))
            else:
                yield path, display

    per_file, corpus_rules = split_rules(rules)
    linked = [rule for rule in corpus_rules if hasattr(rule, "check_contradictions")]
    legacy = [rule for rule in corpus_rules if rule not in linked]
    linked_codes = tuple(rule.code for rule in linked)
    steps = list(corpus_steps)
    if linked:  # the corpus rules run as a corpus step, on whichever executor runs the files
        steps.insert(0, contradiction_step(linked, reference))
    # legacy corpus-level rules need every analysis; corpus steps only their summaries
    keep = keep_analyses or bool(legacy)
    local_cache = cache_dir if executor is None or executor.local else None
    # cached entries hold the analysis (the report reuses it): with a cache, results travel whole
    codes = tuple(r.code for r in per_file)
    work = Work(options.reading, codes, tuple(steps), keep or bool(local_cache))
    runner = executor or (PoolExecutor(jobs) if jobs > 1 else SerialExecutor())
    # each file as the output needs it, in file order: (where it is, its name, its result or
    # None when there is nothing to show in it). A file with nothing to show is left out unless
    # a step of the caller's may put a finding in any file; the corpus rules' findings are in
    # documents with linked events, which are kept.
    entries: list[tuple[Location, str, FileResult | None]] = []
    every_file = bool(corpus_steps)
    names: list[str] = []  # with list_files
    count = 0
    summaries: list[Keyed] = []
    corpus_findings: dict[str, list[Finding]] = {}
    all_corpus: list[Finding] = []

    def hold(location: Location, display: str, result: FileResult) -> None:
        nonlocal count
        count += 1
        if list_files:
            names.append(display)
        summaries.extend(result.summaries)
        held: FileResult | None = None
        if keep:
            held = result.without_summaries()
        elif result.findings or result.suppressions or result.crashed or result.summaries:
            # a document with linked events may get a corpus finding: its text stays for the output
            held = result.lean(keep_text=bool(result.summaries)).without_summaries()
        if held is not None or every_file:
            entries.append((location, display, held))

    try:
        for location, display, result in _file_results(
            documents(), options, rules, runner, work, local_cache, progress
        ):
            hold(location, display, result)
        if archives:  # each record a document of its own, cached by the digest of its content
            fields = archive_fields or ArchiveFields()
            # a serial executor reads them serially; a pool or a cluster, over a local pool
            serial = isinstance(runner, SerialExecutor) and not isinstance(runner, PoolExecutor)
            record_cache = None
            if local_cache:
                record_cache = Cache(local_cache, cache_key(options, rules, work.corpus_steps))
            for result in run_archives(archives, fields, work, count, 1 if serial else jobs, record_cache):
                hold(Path(result.document.path), result.document.path, result)
            if record_cache is not None:
                with contextlib.suppress(OSError):  # a read-only checkout still gets its findings
                    record_cache.save()
        if steps:
            all_corpus = in_rule_order(runner.corpus_findings(steps, summaries), linked_codes)
        summaries.clear()  # the run keeps no summary past its reduce
    finally:
        if executor is None:
            runner.close()

    # legacy corpus-level rules over every document's (possibly cached) analysis
    if legacy:
        present = [held for _, _, held in entries if held is not None]  # all of them: keep is set
        analyses: list[Analysis] = [held.load() for held in present]
        for rule in legacy:
            instance: Any = rule()
            all_corpus.extend(instance.check_corpus(analyses))
        entries = [
            (location, display, attrs.evolve(held, analysis=analysis))
            for (location, display, held), analysis in zip(entries, analyses, strict=True)
            if held is not None
        ]
    for finding in all_corpus:
        corpus_findings.setdefault(finding.path, []).append(finding)
    mirrors = _mirrors(all_corpus)
    mirrored = {id(mirror): index for pairs in mirrors.values() for index, mirror in pairs}
    held_results = [held for _, _, held in entries if held is not None]
    hidden_elsewhere = _hidden_by_mirrors(held_results, mirrors, rules, policy)
    hidden_ids = {id(all_corpus[index]) for index in hidden_elsewhere}

    findings: list[Finding] = []
    suppressed = 0
    for location, name, held in entries:
        if held is None:
            if name not in corpus_findings:
                continue
            held = FileResult(Document(name, "", kind_of(location) or "text"), ())
        result = held
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
        tuple(names),
        tuple(held.for_report() for held in held_results),
        suppressed=suppressed,
        baselined=baselined,
        crashed=any(held.crashed for held in held_results),
        file_count=count,
    )
