"""Shared helpers: run numcheck in-process and read its json report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from numcheck.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def parser_loaded() -> None:
    """The parser (spaCy, numpy, quantulum3) loaded in this process (run/parser_ready.py)."""
    from numcheck.run import parser_ready  # noqa: F401  # lazy: only tests that run pytest inside pytest need it


@pytest.fixture
def pytester(parser_loaded: None, pytester: pytest.Pytester) -> pytest.Pytester:
    """pytester, with the parser loaded before it notes which modules to keep. Its in-process
    runs forget the modules each run imported, and numpy and spaCy's registries cannot be
    loaded twice in one process: a second run that parsed failed ("cannot load module more
    than once per process") unless some earlier test had happened to load them out here."""
    return pytester


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

    real = claims_module.unframed  # the first step of an article's claims, alone or in a chunk (engine.extract_many)

    def broken(article, book):  # type: ignore[no-untyped-def]
        if article.path.endswith("bad.txt"):
            raise ZeroDivisionError("division by zero")
        return real(article, book)

    monkeypatch.setattr(claims_module, "unframed", broken)
