"""The specification as data: each folder under cases/ holds articles beside the findings they must give.

A case is `articles/` (what numcheck reads), optional `rules/` (loaded as ./rules/), and
`expected.toml`: the exit code, the findings as (kind, rule, level, claims as path:line), and
the files that must be skipped. Findings are compared as a set, never by message text.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "expected.toml").is_file())


def _finding_key(f: dict, claims: dict[str, dict]) -> tuple:
    where = sorted(f"{os.path.relpath(claims[c]['path'], 'articles')}:{claims[c]['line']}" for c in f["claims"])
    return (f["kind"], f.get("rule"), f["level"], tuple(dict.fromkeys(where)))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, run_json) -> None:
    expected = tomllib.loads((case / "expected.toml").read_text(encoding="utf-8"))
    code, report, err = run_json(["articles", *expected.get("args", [])], cwd=case)
    assert "Traceback" not in err
    claims = {c["id"]: c for c in report["claims"]}
    got = sorted(_finding_key(f, claims) for f in report["findings"])
    want = sorted(
        (f["kind"], f.get("rule"), f["level"], tuple(sorted(dict.fromkeys(f["claims"])))) for f in expected.get("findings", [])
    )
    assert got == want, "\n".join(f["message"] for f in report["findings"])
    skipped = sorted(os.path.relpath(a["path"], "articles") for a in report["articles"] if a["status"] == "skipped")
    assert skipped == sorted(expected.get("skipped", []))
    assert code == expected["exit"], err


def test_every_check_kind_has_a_case() -> None:
    """Cheap drift check: every finding kind and every constraint kind is expected by some case."""
    from numcheck.rules import rulebook, rulefile

    kinds: set[str] = set()
    finding_kinds: set[str] = set()
    for case in CASES:
        expected = tomllib.loads((case / "expected.toml").read_text(encoding="utf-8"))
        rules_dir = case / "rules"
        book = rulefile.load([str(rules_dir)] if rules_dir.is_dir() else [], use_local=False)
        by_id = {c.id: c.kind for c in book.constraints}
        for f in expected.get("findings", []):
            finding_kinds.add(f["kind"])
            if f.get("rule") in by_id:
                kinds.add(by_id[f["rule"]])
    assert {"conflict", "agreement", "rule"} <= finding_kinds
    assert set(rulebook.CONSTRAINT_KINDS) <= kinds, f"no case for {set(rulebook.CONSTRAINT_KINDS) - kinds}"
