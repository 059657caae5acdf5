"""`numcheck explain ARTICLE[:LINE]` and `numcheck rules`: why a figure was flagged, which rules exist."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from stories import FIVE, THREE, conflict_story, write


def test_explain_says_what_a_claim_was_compared_with(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    code, out, _ = run_numcheck(["explain", str(tmp_path / "bridge" / "b.md")])
    assert code == 0
    block = out.split("\n\n")[1]
    assert "b.md:1:16  «three»  [in conflict with another figure]" in block
    assert "read as    count: exactly 3" in block and "measure killed" in block
    assert "grouped as people killed" in block and "a.md:1:1 «Five» 5 -> cannot both hold (clusters A and B)" in block
    assert "findings   F1 error conflict:" in block


def test_explain_says_what_a_part_was_held_against(run_numcheck, tmp_path) -> None:
    write(
        tmp_path,
        {
            "fire/a.md": "Thirty people died in the fire.\nOf the dead, 41 were children.\n",
            "fire/b.md": "Of the dead, 12 were children.\n",
        },
    )
    code, out, _ = run_numcheck(["explain", str(tmp_path / "fire" / "a.md")])
    assert code == 0
    part = next(b for b in out.split("\n\n") if "«41»" in b.splitlines()[0])
    assert "role part, whole people" in part
    assert "part/whole part of people «Thirty» at" in part and "-> cannot fit: the part is more than its whole" in part
    whole = next(b for b in out.split("\n\n") if "«Thirty»" in b.splitlines()[0])
    assert "part/whole whole of child «41» at" in whole
    code, out, _ = run_numcheck(["explain", str(tmp_path / "fire" / "b.md")])
    assert "part/whole part of people «Thirty» at" in out and "-> fits" in out


def test_explain_one_line(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"bridge/a.md": "The answer is 12.\n\n" + FIVE, "bridge/b.md": THREE})
    code, out, _ = run_numcheck(["explain", f"{tmp_path / 'bridge' / 'a.md'}:3"])
    heads = [ln for ln in out.splitlines() if ln.startswith(str(tmp_path))]
    assert code == 0 and "on line 3" in heads[0]
    assert all(":3:" in h for h in heads[1:]) and "«Five»" in out and "«12»" not in out


def test_explain_an_unattributed_figure(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"bridge/a.md": "The answer is 12.\n"})
    code, out, _ = run_numcheck(["explain", str(tmp_path / "bridge" / "a.md")])
    assert code == 0 and "compared   nothing: no counted noun" in out


def test_explain_with_the_seeds_names_the_fact_and_its_source(run_numcheck) -> None:
    code, out, _ = run_numcheck(["explain", "seeds/000_fa05856f6713d1f0.txt:17"], cwd=ROOT)
    assert code == 0 and "fact ukraine.bakhmut-prewar-population (expected 63,000–77,000; source: State Statistics" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["explain", "nowhere.md"], "nowhere.md: no such file"),
        (["explain", "seeds"], "is a folder"),
        (["explain", "README.md", "seeds"], "not an article checked under seeds"),
    ],
)
def test_explain_usage_errors(run_numcheck, args, message) -> None:
    code, _, err = run_numcheck(args, cwd=ROOT)
    assert code == 2 and message in err and err.count("\n") == 1


def test_rules_lists_every_rule(run_numcheck) -> None:
    code, out, _ = run_numcheck(["rules", "--format", "json"], cwd=ROOT)
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 0
    assert rows["ukraine.bakhmut-prewar-population"]["kind"] == "fact"
    assert rows["ukraine.bakhmut-prewar-population"]["source"].startswith("State Statistics Service")
    assert rows["builtin.percent-max"]["kind"] == "percent-max" and rows["builtin.percent-max"]["level"] == "warning"
    assert rows["conflict"]["kind"] == "compare"
    assert all(r["description"] for r in rows.values())
    code, table, _ = run_numcheck(["rules"], cwd=ROOT)
    assert code == 0 and "ukraine.bakhmut-prewar-population" in table and "defined at" in table


def test_a_folder_named_rules_is_still_checked(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"rules/a.md": FIVE, "rules/b.md": THREE})
    code, out, _ = run_numcheck(["rules/", "--no-local-rules"], cwd=tmp_path)
    assert code == 1 and "rules/b.md:1:16" in out
    code, out, _ = run_numcheck(["rules", "other", "--no-local-rules"], cwd=write(tmp_path, {"other/c.md": "x\n"}))
    assert code == 1 and "2 articles" not in out and "3 articles checked" in out


def test_a_folder_named_explain_is_still_checked(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"explain/a.md": FIVE, "explain/b.md": THREE})
    code, out, _ = run_numcheck(["explain/"], cwd=tmp_path)
    assert code == 1 and "explain/b.md:1:16" in out


def test_explain_takes_the_places_numcheck_prints(run_numcheck, tmp_path) -> None:
    """`numcheck` prints path:line:col; explain takes it back, one figure."""
    write(tmp_path, {"bridge/a.md": "The answer is 12 and " + FIVE, "bridge/b.md": THREE})
    _, out, _ = run_numcheck(["bridge", "--format", "concise"], cwd=tmp_path)
    place = out.split(": ", 1)[0]  # bridge/b.md:1:16
    code, text, err = run_numcheck(["explain", place], cwd=tmp_path)
    assert code == 0, err
    heads = [ln for ln in text.splitlines() if ln.startswith("bridge/")]
    assert heads[0].startswith("bridge/b.md: ") and "1 claim on line 1, column 16" in heads[0]
    assert heads[1].startswith("bridge/b.md:1:16  «three»")
    code, text, _ = run_numcheck(["explain", "bridge/a.md:1:15"], cwd=tmp_path)  # inside «12»
    heads = [ln for ln in text.splitlines() if ln.startswith("bridge/")]  # the claims explained, not their group
    assert code == 0 and any("«12»" in h for h in heads) and not any("«Five»" in h for h in heads)


def test_explain_a_finding_id(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    code, text, err = run_numcheck(["explain", "F1", "bridge"], cwd=tmp_path)
    assert code == 0, err
    assert "bridge/a.md:1:1  «Five»" in text and "bridge/b.md:1:16  «three»" in text
    (tmp_path / "numcheck.toml").write_text('paths = ["bridge"]\n', encoding="utf-8")
    assert run_numcheck(["explain", "F1"], cwd=tmp_path)[1] == text  # the configured paths
    code, _, err = run_numcheck(["explain", "F9", "bridge"], cwd=tmp_path)
    assert code == 2 and "no finding F9" in err


@pytest.mark.parametrize(
    "where, message",
    [
        ("a.md:9", "a.md: line 9 is past the end of the file (1 line)"),
        ("a.md:9:24", "a.md: line 9 is past the end of the file (1 line)"),
        ("a.md:1:99", "a.md: column 99 is past the end of line 1"),
        ("a.md:0", "a.md: line 0 is past the end"),
    ],
)
def test_explain_a_place_past_the_end_is_an_error(run_numcheck, tmp_path, where, message) -> None:
    write(tmp_path, {"a.md": FIVE})
    code, out, err = run_numcheck(["explain", where], cwd=tmp_path)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
