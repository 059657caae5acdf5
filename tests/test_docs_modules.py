"""docs/development.md lists every module of numcheck/ with the first line of its docstring, and no
module that is gone: the table is the tree's, so a module added, removed or renamed shows in the
page or fails here with the row to write.

Print the table the page must hold: `python tests/test_docs_modules.py`."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "development.md"
ROW = re.compile(r"^\| `(numcheck/[^`]+\.py)` \| (.*) \|$")


def modules() -> dict[str, str]:
    """Every module (a package's __init__.py only for numcheck/ itself) -> its docstring's first line."""
    out = {}
    for path in sorted((ROOT / "numcheck").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if path.name == "__init__.py" and path.parent != ROOT / "numcheck":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        out[rel] = doc.splitlines()[0].strip() if doc else ""
    return dict(sorted(out.items(), key=lambda kv: (kv[0].count("/") > 1, kv[0])))


def table() -> str:
    """The rows the page must hold, in its order: the top-level modules, then each package's."""
    return "\n".join(f"| `{path}` | {line} |" for path, line in modules().items())


def listed() -> dict[str, str]:
    return {m[1]: m[2] for m in map(ROW.match, PAGE.read_text(encoding="utf-8").splitlines()) if m}


def test_every_module_has_a_docstring() -> None:
    assert not [path for path, line in modules().items() if not line], "a module without a docstring"


def test_the_page_lists_every_module_and_no_other() -> None:
    have, want = listed(), modules()
    assert sorted(have) == sorted(want), (
        f"missing from {PAGE.name}: {sorted(set(want) - set(have))}; gone from the tree: {sorted(set(have) - set(want))}"
    )


def test_each_row_is_the_modules_docstring_in_the_trees_order() -> None:
    assert "\n".join(f"| `{p}` | {d} |" for p, d in listed().items()) == table(), (
        f"rewrite the table of {PAGE.name} as `python tests/test_docs_modules.py` prints it"
    )


if __name__ == "__main__":
    sys.stdout.write(table() + "\n")
