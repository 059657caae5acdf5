"""Shared helpers: run numcheck in-process and read its json report."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from numcheck.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run_numcheck(capsys, monkeypatch):
    """Run the CLI in a folder; return (exit code, stdout, stderr)."""

    def run(args: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main(args)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def run_json(run_numcheck):
    def run(args: list[str], cwd: Path | None = None) -> tuple[int, dict, str]:
        code, out, err = run_numcheck([*args, "--format", "json"], cwd)
        return code, (json.loads(out) if out else {}), err

    return run


@pytest.fixture
def bug_on_bad_txt(monkeypatch):
    """numcheck fails (ZeroDivisionError) while reading any article named bad.txt, and only those."""
    from numcheck.attribute import claims as claims_module

    real = claims_module.claims

    def broken(article, book):  # type: ignore[no-untyped-def]
        if article.path.endswith("bad.txt"):
            raise ZeroDivisionError("division by zero")
        return real(article, book)

    monkeypatch.setattr(claims_module, "claims", broken)
