"""ruff and mypy, as configured in pyproject.toml, run by the test suite (issue 13): the README's
test command installs them with the test extra. Outside CI a missing tool skips its test; in CI it fails."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

# A `# type: ignore` without an error code, which would hide any error of its line.
BARE_IGNORE = re.compile(r"#\s*type:\s*ignore(?!\[)")


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is not installed: pip install '.[test]'")
        pytest.skip(f"{module} is not installed: pip install '.[test]'")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "numcheck", "tests", "bench", "fuzz")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_changes_nothing() -> None:
    """The code is in ruff's format, so a diff shows what changed, never how it was laid out."""
    done = _run("ruff", "format", "--check", "numcheck", "tests", "bench", "fuzz")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing() -> None:
    done = _run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_bare_type_ignore() -> None:
    """An ignore names its code, and says beside it why no type can do."""
    bare = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted((ROOT / "numcheck").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BARE_IGNORE.search(line)
    ]
    assert not bare, "\n".join(bare)
