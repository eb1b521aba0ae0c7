"""Rendering the view data with Jinja2 and writing the site safely.

Safety rules:

- autoescape is on for every template and the view data never carries markup; data for the
  scripts goes through ``|tojson`` (which escapes ``<``, ``>``, ``&`` and quotes);
- every page carries a Content-Security-Policy that allows only the report's own script and
  style files, so even text that somehow slipped through escaping could not run;
- page names are built from safe characters plus a hash (:func:`views.slug`), and every path is
  checked to stay inside the output directory (no ``..``, no symlinked folders leading out);
- a manifest (``.chrono-report.json``) lists the files chrono wrote; a re-run replaces those,
  deletes the ones no longer needed, and refuses to overwrite any other file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import attrs
import jinja2

from chrono.analysis import Analysis
from chrono.discovery import REPORT_GENERATOR, REPORT_MARKER, report_manifest
from chrono.gcpause import paused_cyclic_gc
from chrono.model import Finding
from chrono.options import Options
from chrono.registry import all_rules, select
from chrono.results import Report
from chrono.rulebase import Rule
from chrono.version import __version__

from .views import Site, build_site

HERE = Path(__file__).resolve().parent
MANIFEST = REPORT_MARKER
GENERATOR = REPORT_GENERATOR
STATIC = ("report.css", "report.js")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'"
)


class ReportError(Exception):
    """The report cannot be written (a usage error: exit code 2)."""


@attrs.frozen
class Written:
    directory: Path
    index: Path
    files: tuple[str, ...]
    removed: tuple[str, ...]


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Data for scripts: compact, with <, >, & and ' escaped by Jinja's htmlsafe dumper.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env


def render(site: Site, env: jinja2.Environment | None = None) -> dict[str, str]:
    """Every page of the site: relative POSIX path -> HTML."""
    env = env or environment()
    common: dict[str, Any] = {"version": __version__, "csp": CSP}
    pages: dict[str, str] = {}
    pages["index.html"] = env.get_template("index.html").render(
        page=site.index, corpus=site.corpus, root="", **common
    )
    if site.corpus is not None:
        pages[site.corpus.file] = env.get_template("corpus.html").render(page=site.corpus, root="", **common)
    document = env.get_template("document.html")
    for page in site.documents:
        pages[page.file] = document.render(page=page, root="../", **common)
    rule = env.get_template("rule.html")
    for rule_page in site.rules:
        pages[rule_page.file] = rule.render(page=rule_page, root="../", **common)
    return pages


def static_files() -> dict[str, str]:
    return {f"static/{name}": (HERE / "static" / name).read_text(encoding="utf-8") for name in STATIC}


# ---------------------------------------------------------------------------------------------
# Writing


def safe_relative(name: str) -> PurePosixPath:
    """A relative path that stays inside the output directory, or ReportError."""
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(part in ("", ".", "..") for part in path.parts):
        raise ReportError(f"refusing to write {name!r}: not a plain relative path")
    if "\\" in name or ":" in name or "\x00" in name:
        raise ReportError(f"refusing to write {name!r}: unsafe characters in the name")
    return path


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def _read_manifest(directory: Path) -> set[str]:
    owned = set()
    for name in report_manifest(directory):
        try:
            owned.add(str(safe_relative(name)))
        except ReportError:
            continue
    return owned


def _write_file(root: Path, name: str, content: str) -> None:
    target = root.joinpath(*safe_relative(name).parts)
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    if not _inside(root, parent):
        raise ReportError(f"refusing to write {name!r}: {parent} leads outside {root}")
    # write beside and rename: a symlink at the target is replaced, never followed
    handle, temporary = tempfile.mkstemp(dir=parent, prefix=".chrono-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_files(directory: str | os.PathLike[str], files: Mapping[str, str]) -> Written:
    """Write ``files`` (relative path -> text) into ``directory`` under the manifest rules."""
    root_given = Path(directory)
    if root_given.exists() and not root_given.is_dir():
        raise ReportError(f"{root_given} exists and is not a directory")
    root_given.mkdir(parents=True, exist_ok=True)
    root = root_given.resolve()
    owned = _read_manifest(root)
    names = [str(safe_relative(name)) for name in files]
    if MANIFEST in names:
        raise ReportError(f"{MANIFEST} is reserved for the manifest")
    foreign = [
        name
        for name in names
        if name not in owned
        and (
            root.joinpath(*PurePosixPath(name).parts).exists()
            or root.joinpath(*PurePosixPath(name).parts).is_symlink()
        )
    ]
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise ReportError(
            f"refusing to overwrite files chrono did not write in {root_given}: {shown} "
            "(choose an empty or new directory, or remove them)"
        )
    for name in names:
        _write_file(root, name, files[name])
    removed = []
    for name in sorted(owned - set(names)):
        stale = root.joinpath(*PurePosixPath(name).parts)
        if stale.is_symlink() or (stale.is_file() and _inside(root, stale.parent)):
            stale.unlink()
            removed.append(name)
    manifest = {"generator": GENERATOR, "version": __version__, "files": sorted(names)}
    _write_file(root, MANIFEST, json.dumps(manifest, indent=1) + "\n")
    return Written(root_given, root_given / "index.html", tuple(sorted(names)), tuple(removed))


def write_report(
    analyses: Sequence[Analysis],
    findings: Sequence[Finding],
    directory: str | os.PathLike[str],
    *,
    rules: Iterable[type[Rule]] = (),
    inputs: Sequence[str] = (),
    rules_checked: int | None = None,
) -> Written:
    """Render the report of a run into ``directory``."""
    # The view data and the pages are acyclic and in proportion to the corpus; collections
    # triggered while building them would rescan every analysis of the run, again and again.
    with paused_cyclic_gc():
        site = build_site(analyses, findings, rules, inputs=inputs, rules_checked=rules_checked)
        files = static_files()
        files.update(render(site))
    return write_files(directory, files)


def report_site(
    report: Report, directory: str | os.PathLike[str], options: Options, inputs: Sequence[str] = ()
) -> Written:
    """Write the HTML report of a finished ``chrono.runner.check`` run into ``directory``."""
    checked = len(select(all_rules(), options.select, options.ignore))
    return write_report(
        report.analyses, report.findings, directory, rules=all_rules(), inputs=inputs, rules_checked=checked
    )
