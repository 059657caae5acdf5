"""The package's shape, held by the suite: stages import only the stages before them, no module
imports itself round a cycle (lazy imports included), and an import inside a function is a
documented lazy import of something heavy.

Run on its own to see the graph: `python -m pytest tests/test_architecture.py -q`."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "numcheck"
# Stages in the order data flows; a module may import its own stage and the ones before it.
# extract reads figures from any text, so read (an article's dateline, its sentences) can use it.
STAGES = ("model", "errors", "extract", "read", "rules", "attribute", "store", "check", "report", "run", "cli", "plugin")
RANK = {name: i for i, name in enumerate(STAGES)}
RANK["model"] = RANK["errors"] = 0
RANK["__main__"] = RANK["cli"]
LAZY_MARK = "# lazy:"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path) -> list[tuple[str, int, bool]]:
    """(imported numcheck module, line, inside a function) for every import in the module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    modules = _modules()
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join(up + ([child.module] if child.module else []))
                if base == "numcheck" or base.startswith("numcheck."):
                    for alias in child.names:
                        sub = f"{base}.{alias.name}"
                        found.append((sub if sub in modules else base, child.lineno, lazy))
            elif isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, lazy) for a in child.names if a.name.startswith("numcheck"))
            visit(child, lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))

    visit(tree, False)
    return found


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "model"


def graph() -> dict[str, set[str]]:
    return {name: {m for m, _, _ in _imports(name, path) if m != "numcheck"} for name, path in _modules().items()}


def test_stages_import_only_the_stages_before_them() -> None:
    wrong = []
    for name, path in _modules().items():
        for target, line, _ in _imports(name, path):
            if target == "numcheck":
                continue
            if RANK[_stage(target)] > RANK[_stage(name)]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def walk(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                walk(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            walk(node, [node])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_imports_inside_functions_are_documented_lazy_imports() -> None:
    undocumented = []
    for name, path in _modules().items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for target, line, lazy in _imports(name, path):
            if lazy and LAZY_MARK not in lines[line - 1]:
                undocumented.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {target}")
    assert not undocumented, "\n".join(undocumented)
