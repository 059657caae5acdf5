"""The command line as a user meets it: exit codes, one-line errors, formats, determinism."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

CASES = ROOT / "tests" / "cases"


def test_missing_path_is_a_usage_error(run_numcheck, tmp_path) -> None:
    code, out, err = run_numcheck([str(tmp_path / "nowhere")])
    assert code == 2
    assert err.strip() == f"numcheck: error: {tmp_path / 'nowhere'}: no such file or folder"


def test_bad_date_is_a_usage_error(run_numcheck, tmp_path) -> None:
    code, _, err = run_numcheck([str(tmp_path), "--date", "yesterday"])
    assert code == 2 and "--date 'yesterday' is not a YYYY-MM-DD date" in err


def test_unknown_option_exits_2(run_numcheck, tmp_path) -> None:
    code, _, err = run_numcheck([str(tmp_path), "--frobnicate"])
    assert code == 2 and "unrecognized arguments" in err


def test_empty_folder_is_an_error(run_numcheck, tmp_path) -> None:
    """A wrong path in CI must never go green: no article checked is exit 2, in one line."""
    code, out, err = run_numcheck([str(tmp_path)])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"numcheck: error: no article checked under {tmp_path}: no file found")


def test_no_article_among_the_files_is_an_error(run_numcheck, tmp_path) -> None:
    (tmp_path / "notes.toml").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text("Two people died.\n", encoding="utf-8")
    code, out, err = run_numcheck([str(tmp_path), "--exclude", "drafts/"])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "no article checked" in err and "not an article" in err and "excluded" in err


def test_conflict_exits_1_and_cites_both_articles(run_numcheck) -> None:
    code, out, _ = run_numcheck(["articles"], cwd=CASES / "conflict-across-articles")
    assert code == 1
    assert "articles/a.txt:1:1" in out and "articles/b.txt:1:" in out
    assert "«Five»" in out and "«three»" in out


def test_markdown_has_github_tables(run_numcheck) -> None:
    code, out, _ = run_numcheck(["articles", "--format", "markdown"], cwd=CASES / "conflict-across-articles")
    assert code == 1 and "## Conflicts" in out and "|---" in out


def test_claims_flag_lists_every_claim(run_numcheck) -> None:
    _, out, _ = run_numcheck(["articles", "--claims"], cwd=CASES / "hedges")
    assert "Claims" in out and "'at least 213'" in out


def test_json_contract(run_json) -> None:
    code, report, _ = run_json(["articles"], cwd=CASES / "hedges")
    assert code == 1
    assert report["schema"] == 1 and report["numcheck"]
    assert {"path", "story", "date", "status", "reason", "claims"} <= set(report["articles"][0])
    texts = {}
    for c in report["claims"]:
        assert {
            "id",
            "path",
            "line",
            "column",
            "start",
            "end",
            "surface",
            "sentence",
            "kind",
            "value",
            "low",
            "high",
            "unit",
            "approx",
            "measure",
            "entity",
            "time",
        } <= set(c)
        text = texts.setdefault(c["path"], open(CASES / "hedges" / c["path"], encoding="utf-8").read())
        assert text[c["start"] : c["end"]] == c["surface"]
        line_start = text.rfind("\n", 0, c["start"]) + 1
        assert (text.count("\n", 0, c["start"]) + 1, c["start"] - line_start + 1) == (c["line"], c["column"])
    ids = {c["id"] for c in report["claims"]}
    for f in report["findings"]:
        assert f["kind"] in ("conflict", "rule", "agreement") and f["level"] in ("error", "warning", "info")
        assert set(f["claims"]) <= ids


def test_same_input_same_bytes(run_numcheck) -> None:
    first = run_numcheck(["articles", "--format", "json"], cwd=CASES / "hedges")
    second = run_numcheck(["articles", "--format", "json"], cwd=CASES / "hedges")
    assert first == second


def test_skipped_files_are_accounted_for(run_json) -> None:
    code, report, err = run_json(["articles"], cwd=CASES / "skipped-files")
    reasons = {a["path"]: a["reason"] for a in report["articles"] if a["status"] == "skipped"}
    assert "binary" in reasons["articles/photo.png"] or "not an article" in reasons["articles/photo.png"]
    assert "not valid UTF-8" in reasons["articles/broken.txt"]
    assert code == 2 and "articles/broken.txt" in err and "Traceback" not in err


def test_python_dash_m_runs_the_cli() -> None:
    proc = subprocess.run([sys.executable, "-m", "numcheck", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.startswith("numcheck ")


def test_internal_errors_print_one_line(run_numcheck, monkeypatch, tmp_path) -> None:
    from numcheck.cli import main as cli_module

    def boom(options):
        raise RuntimeError("kaput")

    monkeypatch.setattr(cli_module, "run", boom)
    code, _, err = run_numcheck([str(tmp_path)])
    assert code == 2 and err.count("\n") == 1 and "internal error: RuntimeError: kaput" in err


def test_front_matter_date_resolves_relative_dates(run_json, tmp_path) -> None:
    (tmp_path / "a.md").write_text("---\ndate: 2023-03-09\n---\nHe came last December.\n", encoding="utf-8")
    _, report, _ = run_json([str(tmp_path)])
    (claim,) = report["claims"]
    assert (claim["low"], claim["high"]) == ("2022-12-01", "2022-12-31")
    assert report["articles"][0]["date"] == "2023-03-09"


def test_date_from_file_name_and_option(run_json, tmp_path) -> None:
    (tmp_path / "2023-03-09-report.txt").write_text("He came last December.\n", encoding="utf-8")
    (tmp_path / "undated.txt").write_text("He came last December.\n", encoding="utf-8")
    _, report, _ = run_json([str(tmp_path), "--date", "2024-06-01"])
    dates = {a["path"].rsplit("/", 1)[-1]: a["date"] for a in report["articles"]}
    assert dates == {"2023-03-09-report.txt": "2023-03-09", "undated.txt": "2024-06-01"}


def test_bad_front_matter_warns_and_still_checks(run_numcheck, tmp_path) -> None:
    (tmp_path / "a.md").write_text("---\ndate: yesterday\n---\nFive people were killed.\n", encoding="utf-8")
    code, out, err = run_numcheck([str(tmp_path), "--format", "json"])
    assert code == 0 and "front matter date 'yesterday' is not a YYYY-MM-DD date" in err
    assert json.loads(out)["articles"][0]["status"] == "checked"
