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

# mypy's errors left (bounds that mix numbers and days, rows the store rebuilds untyped): the count
# may only fall. Lower it as errors are fixed; at 0 the test asks for mypy's exit 0.
MYPY_KNOWN_ERRORS = 68


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is not installed: pip install '.[test]'")
        pytest.skip(f"{module} is not installed: pip install '.[test]'")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "numcheck", "tests", "bench", "fuzz")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_no_new_error() -> None:
    done = _run("mypy")
    out = done.stdout + done.stderr
    if MYPY_KNOWN_ERRORS == 0:
        assert done.returncode == 0, out
        return
    found = re.search(r"Found (\d+) errors?", out)
    assert found is not None or done.returncode == 0, out
    errors = int(found[1]) if found else 0
    assert errors <= MYPY_KNOWN_ERRORS, f"mypy: {errors} errors, {MYPY_KNOWN_ERRORS} known\n{out}"
