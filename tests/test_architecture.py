"""The package layout holds: imports go one way and the never-rules of docs/architecture.md hold.

The import graph is read from the source with `ast` (nothing is imported), counting
imports at module level, inside functions and under `if TYPE_CHECKING:` alike: a
function-level import is a dependency that is only loaded later, and a type-only import
is still knowledge of the other package. Importing `psti.a.b` also runs `psti/a/__init__.py`,
so an import reaches the package's `__init__` modules on the way.

A failure names the chain of modules, file and line for each step, that breaks the rule.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "psti"


@dataclass(frozen=True)
class Edge:
    """`source` imports `target` at `line` of the source's file."""

    source: str
    target: str
    line: int
    type_only: bool


@dataclass(frozen=True)
class Graph:
    modules: frozenset[str]
    edges: dict[str, tuple[Edge, ...]]
    files: dict[str, str] = field(default_factory=dict)  # module -> its file, from the repository root


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_of(module: str) -> str | None:
    """The top-level part of psti a module belongs to: `psti.cli.output` -> `cli`,
    `psti.files` -> `files`; None for the root `psti` itself (it holds only the version)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, type_only: bool = False) -> Iterable[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement in the tree, and whether it sits under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, type_only
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), True)
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]), type_only)
        else:
            yield from _imports(node, type_only)


def _resolve(module: str, is_package: bool, node: ast.Import | ast.ImportFrom, modules: frozenset[str]) -> list[str]:
    """The psti modules an import statement loads (parents' `__init__` included)."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        base = node.module or ""
        if node.level:
            here = module.split(".") if is_package else module.split(".")[:-1]
            here = here[: len(here) - (node.level - 1)]
            base = ".".join([*here, base] if base else here)
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            names.append(sub if sub in modules else base)
    out: list[str] = []
    for name in names:
        if name != ROOT and not name.startswith(ROOT + "."):
            continue
        parts = name.split(".")
        # The nearest module that exists (an attribute import names a module's member).
        while parts and ".".join(parts) not in modules:
            parts.pop()
        for i in range(2, len(parts) + 1):
            prefix = ".".join(parts[:i])
            if prefix in modules:
                out.append(prefix)
    return out


@cache
def import_graph() -> Graph:
    files = {module_name(p): p for p in sorted((SRC / ROOT).rglob("*.py"))}
    modules = frozenset(files)
    edges: dict[str, tuple[Edge, ...]] = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found: dict[str, Edge] = {}
        for node, type_only in _imports(tree):
            for target in _resolve(module, path.name == "__init__.py", node, modules):
                if target == module:
                    continue
                seen = found.get(target)
                # Keep a runtime import over a type-only one, then the first line.
                if seen is None or (seen.type_only and not type_only):
                    found[target] = Edge(module, target, node.lineno, type_only)
        # Deepest first: a chain then names `psti.a.b`, not the `psti.a` package it passes.
        edges[module] = tuple(sorted(found.values(), key=lambda e: -e.target.count(".")))
    return Graph(modules, edges, {m: p.relative_to(SRC.parent).as_posix() for m, p in files.items()})


def describe(chain: list[Edge], files: dict[str, str] | None = None) -> str:
    """`a` then `-> b   [file of a:line]` for each step."""
    files = import_graph().files if files is None else files
    steps = [chain[0].source]
    for e in chain:
        kind = " (under TYPE_CHECKING)" if e.type_only else ""
        steps.append(f"  -> {e.target}   [{files.get(e.source, e.source)}:{e.line}{kind}]")
    return "\n".join(steps)


def shortest_chain(graph: Graph, start: str, goal: set[str], allowed: set[str] | None = None) -> list[Edge] | None:
    """The shortest import chain from `start` to any module of `goal`, optionally passing only
    through modules for which `allowed` holds the package."""
    back: dict[str, Edge | None] = {start: None}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for e in graph.edges.get(here, ()):
            if e.target in back:
                continue
            back[e.target] = e
            if e.target in goal:
                chain = []
                node: str = e.target
                while (step := back[node]) is not None:
                    chain.append(step)
                    node = step.source
                return chain[::-1]
            if allowed is None or package_of(e.target) in allowed:
                queue.append(e.target)
    return None


def modules_of(graph: Graph, packages: Iterable[str]) -> set[str]:
    wanted = set(packages)
    return {m for m in graph.modules if package_of(m) in wanted}


def violations(sources: Iterable[str], forbidden: Iterable[str]) -> list[str]:
    """Every module of `sources` that reaches a module of `forbidden`, with its chain."""
    graph = import_graph()
    goal = modules_of(graph, forbidden)
    out = []
    for start in sorted(modules_of(graph, sources)):
        chain = shortest_chain(graph, start, goal)
        if chain is not None:
            out.append(describe(chain))
    return out


def package_graph(graph: Graph) -> dict[str, dict[str, Edge]]:
    """package -> the packages it imports, each with one module-level import that does it."""
    out: dict[str, dict[str, Edge]] = {}
    for module, edges in graph.edges.items():
        source = package_of(module)
        if source is None:
            continue
        for e in edges:
            target = package_of(e.target)
            if target is not None and target != source:
                out.setdefault(source, {}).setdefault(target, e)
    return out


def package_cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan)."""
    pkgs = package_graph(graph)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(pkgs.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted({package_of(m) for m in graph.modules} - {None}):
        if v is not None and v not in index:
            visit(v)
    return groups


def explain_cycle(graph: Graph, group: list[str]) -> str:
    """One closed loop through the group's first package, each package step shown as the
    module chain that makes it."""
    pkgs = package_graph(graph)
    members = set(group)
    start = group[0]
    # Shortest loop start -> ... -> start at package level, inside the group.
    back: dict[str, str | None] = {start: None}
    queue = deque([start])
    loop: list[str] | None = None
    while queue and loop is None:
        here = queue.popleft()
        for nxt in sorted(pkgs.get(here, {})):
            if nxt not in members:
                continue
            if nxt == start:
                path = [here]
                while (prev := back[path[-1]]) is not None:
                    path.append(prev)
                loop = [*path[::-1], start]
                break
            if nxt not in back:
                back[nxt] = here
                queue.append(nxt)
    assert loop is not None
    lines = [f"packages {' -> '.join(loop)}:"]
    steps = list(zip(loop, loop[1:], strict=False))
    for a, b in steps:
        lines.append(describe([pkgs[a][b]], graph.files))
    others = [(a, b) for a in group for b in sorted(pkgs.get(a, {})) if b in members and (a, b) not in steps]
    if others:
        lines.append("and, within the same group:")
        lines += [describe([pkgs[a][b]], graph.files) for a, b in others]
    return "\n".join(lines)


# The layers, top to bottom (docs/architecture.md). Each rule names who must never reach whom.
FRONT_ENDS = {"cli", "service", "__main__"}
COLLECTORS = {"evidence"}
LAW = {"regime"}


def test_the_graph_sees_known_imports() -> None:
    """The parser itself: a known module-level, function-level and relative import are found."""
    graph = import_graph()
    targets = {e.target for e in graph.edges["psti.cli"]}
    assert "psti.cli.output" in targets
    assert any(e.target.startswith("psti.regime") for m in modules_of(graph, {"engine"}) for e in graph.edges[m])
    assert len(graph.modules) > 100


def test_no_cycles_between_packages() -> None:
    graph = import_graph()
    cycles = package_cycles(graph)
    assert not cycles, "import cycles between packages:\n\n" + "\n\n".join(explain_cycle(graph, g) for g in cycles)


def test_the_law_imports_no_collector() -> None:
    found = violations(LAW, COLLECTORS)
    assert not found, "the regime (the law as data) reaches a collector:\n" + "\n".join(found)


def test_collectors_never_decide_format_or_present() -> None:
    found = violations(COLLECTORS, {"engine", "assess", "render", "documents", "cli", "service"})
    assert not found, "a collector reaches the engine, a renderer, documents or a front end:\n" + "\n".join(found)


def test_renderers_never_import_evidence_or_recompute() -> None:
    found = violations({"render"}, {"evidence", "engine", "assess"})
    assert not found, "a renderer reaches evidence or the engine:\n" + "\n".join(found)


def test_the_library_never_imports_a_front_end() -> None:
    graph = import_graph()
    library = {package_of(m) for m in graph.modules} - FRONT_ENDS - {None}
    found = violations({p for p in library if p is not None}, FRONT_ENDS)
    assert not found, "library code reaches the CLI or the service:\n" + "\n".join(found)


BELOW: dict[str, set[str]] = {"model": {"kinds", "errors"}, "kinds": {"errors"}, "errors": set(), "files": set()}


@pytest.mark.parametrize("bottom", sorted(BELOW))
def test_the_model_depends_on_nothing_above_it(bottom: str) -> None:
    graph = import_graph()
    below = BELOW[bottom]
    found = []
    for module in sorted(modules_of(graph, {bottom})):
        for e in graph.edges[module]:
            target = package_of(e.target)
            if target is not None and target != bottom and target not in below:
                found.append(describe([e]))
    assert not found, f"psti.{bottom} may import only {sorted(below) or 'nothing of psti'}:\n" + "\n".join(found)


def test_a_rule_failure_names_the_chain() -> None:
    """The reporting itself, on a graph built here: a -> b -> c is shown step by step."""
    graph = Graph(
        frozenset({"psti.a", "psti.b", "psti.c"}),
        {
            "psti.a": (Edge("psti.a", "psti.b", 3, False),),
            "psti.b": (Edge("psti.b", "psti.c", 7, True),),
            "psti.c": (Edge("psti.c", "psti.a", 1, False),),
        },
    )
    chain = shortest_chain(graph, "psti.a", {"psti.c"})
    assert chain is not None
    text = describe(chain, {"psti.a": "src/psti/a.py", "psti.b": "src/psti/b.py"})
    assert text.splitlines() == [
        "psti.a",
        "  -> psti.b   [src/psti/a.py:3]",
        "  -> psti.c   [src/psti/b.py:7 (under TYPE_CHECKING)]",
    ]
    assert package_cycles(graph) == [["a", "b", "c"]]
    assert explain_cycle(graph, ["a", "b", "c"]).splitlines()[0] == "packages a -> b -> c -> a:"


def module_cycles(graph: Graph, package: str) -> list[list[str]]:
    """Groups of the package's modules that import each other at run time (type-only
    imports never run, so they close no cycle)."""
    members = modules_of(graph, {package})
    runtime = {
        m: [e.target for e in graph.edges[m] if e.target in members and not e.type_only] for m in sorted(members)
    }
    groups: list[list[str]] = []
    seen: set[str] = set()
    for start in sorted(members):
        if start in seen:
            continue
        # Everything reachable from start that also reaches start back.
        forward = _reach(runtime, start)
        group = sorted(m for m in forward if start in _reach(runtime, m))
        if len(group) > 1 and start in group:
            groups.append(group)
            seen.update(group)
    return groups


def _reach(edges: dict[str, list[str]], start: str) -> set[str]:
    out: set[str] = set()
    todo = [start]
    while todo:
        for nxt in edges.get(todo.pop(), []):
            if nxt not in out:
                out.add(nxt)
                todo.append(nxt)
    return out | {start}


def test_the_registry_library_knows_no_web_framework() -> None:
    """`psti.registry` is run by the service and by the CLI alike: no FastAPI or Starlette in it."""
    graph = import_graph()
    found = []
    for module in sorted(modules_of(graph, {"registry"})):
        tree = ast.parse((SRC / graph.files[module].removeprefix("src/")).read_text(encoding="utf-8"))
        for node, _ in _imports(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{module}: imports {n}" for n in names if n.split(".")[0] in ("fastapi", "starlette")]
    assert modules_of(graph, {"registry"}), "psti.registry is missing"
    assert not found, "\n".join(found)


@pytest.mark.parametrize("package", ["service", "store", "documents", "enforcement", "registry"])
def test_no_module_cycles_inside(package: str) -> None:
    """Inside these packages too, modules import one way: shared helpers below, routes and
    commands above (the service's routes once imported each other's private helpers)."""
    graph = import_graph()
    cycles = module_cycles(graph, package)
    assert not cycles, f"modules of psti.{package} import each other: {cycles}"
