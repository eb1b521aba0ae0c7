"""Data flows one way: no import cycle between chrono's modules, and no upward import.

Every import statement counts, wherever it is written (inside a function, under TYPE_CHECKING):
an import hidden from the interpreter's start-up order is still a dependency. ``rules/`` and
``reports/`` are read as ``chrono.rules`` and ``chrono.reports``, the names they install under.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"chrono": ROOT / "chrono", "chrono.rules": ROOT / "rules", "chrono.reports": ROOT / "reports"}

# Who may import whom, top to bottom: a module may import only from its own layer or below.
# The commands sit on top; the run below them; then the rules; then the readers and the model.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("chrono.__init__", "chrono.__main__", "chrono.cli", "chrono.server"),
    ("chrono.reports",),
    ("chrono.check_command", "chrono.extract_cli", "chrono.timeml_export"),
    ("chrono.formats", "chrono.output"),
    ("chrono.dask_run", "chrono.runner", "chrono.executors", "chrono.parallel"),
    ("chrono.results", "chrono.baseline", "chrono.cache"),
    ("chrono.analyze", "chrono.registry", "chrono.discovery", "chrono.config", "chrono.suppressions"),
    ("chrono.rules",),
    ("chrono.rulebase",),
)


def _module_name(package: str, folder: Path, path: Path) -> str:
    parts = list(path.relative_to(folder).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    elif parts == ["__init__"]:
        return f"{package}.__init__"
    return ".".join([package, *parts])


def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            if "__pycache__" not in path.parts:
                found[_module_name(package, folder, path)] = path
    return found


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The chrono module an imported name lives in (the longest known prefix)."""
    while name:
        if name in known:
            return name
        if f"{name}.__init__" in known:
            return f"{name}.__init__"
        name = name.rpartition(".")[0]
    return None


def imports(module: str, path: Path, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    is_package = path.name == "__init__.py"
    base = module.removesuffix(".__init__") if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _resolve(alias.name, known)
                if target:
                    yield target, node.lineno
        elif (  # importlib.import_module("chrono.rules"): the packages that install under chrono
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            target = _resolve(node.args[0].value, known)
            if target:
                yield target, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                source = f"{anchor}.{node.module}" if node.module else anchor
            else:
                source = node.module or ""
            if not source.startswith("chrono"):
                continue
            for alias in node.names:  # `from chrono import tagger` names a module
                target = _resolve(f"{source}.{alias.name}", known) or _resolve(source, known)
                if target:
                    yield target, node.lineno


def graph() -> dict[str, dict[str, int]]:
    known = modules()
    edges: dict[str, dict[str, int]] = {name: {} for name in known}
    for name, path in known.items():
        for target, line in imports(name, path, known):
            if target != name:
                edges[name].setdefault(target, line)
    return edges


def _cycles(edges: dict[str, dict[str, int]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _layer(module: str) -> int | None:
    for number, members in enumerate(LAYERS):
        if any(module == m or module.startswith(m + ".") for m in members):
            return number
    return None


def test_no_import_cycle() -> None:
    edges = graph()
    cycles = _cycles(edges)
    described = [
        " -> ".join(f"{m} (imports {', '.join(t for t in edges[m] if t in c)})" for m in c) for c in cycles
    ]
    assert not cycles, "import cycles:\n" + "\n".join(described)


def test_no_upward_import() -> None:
    """A module imports only its own layer or those below it; modules outside LAYERS (the
    readers, the tagger, the model) sit below every layer and import none of them."""
    bottom = len(LAYERS)
    upward = []
    for module, targets in graph().items():
        mine = _layer(module)
        for target, line in targets.items():
            theirs = _layer(target)
            if theirs is not None and theirs < (bottom if mine is None else mine):
                upward.append(f"{module}:{line} imports {target}")
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_the_graph_sees_every_kind_of_import() -> None:
    """The walk must see imports inside functions and relative ones, or the tests above would
    pass vacuously."""
    edges = graph()
    assert "chrono.analysis" in edges["chrono.rulebase"]  # module level
    assert "chrono.rules.chains" in edges["chrono.rules.consistency"]  # relative
    assert "chrono.reports.cli" in edges["chrono.cli"]  # importlib, inside a function
    assert "chrono.tagger.output" in edges["chrono.extract_cli"]  # inside a function
    assert len(edges) > 60


def test_a_planted_cycle_is_found() -> None:
    edges = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3}, "d": {"a": 4}}
    assert _cycles(edges) == [["a", "b", "c"]]
    assert _cycles({"a": {"b": 1}, "b": {}}) == []
