"""Baselines: accept today's findings, fail only on new ones, say which accepted ones are gone."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from stories import FIVE, SHARE, THREE, conflict_story, synthetic, write

from numcheck.report import baseline
from numcheck.report.fingerprint import fingerprint


def test_written_baseline_accepts_todays_findings(run_numcheck, tmp_path) -> None:
    root = conflict_story(tmp_path)
    base = tmp_path / "baseline.json"
    code, _, _ = run_numcheck([str(root / "bridge"), "--write-baseline", str(base)])
    assert code == 0  # what was just recorded is accepted
    doc = json.loads(base.read_text(encoding="utf-8"))
    assert doc["numcheck_baseline"] == 1 and [e["kind"] for e in doc["findings"]] == ["conflict"]
    code, out, err = run_numcheck([str(root / "bridge"), "--baseline", str(base)])
    assert code == 0 and "1 silenced" in " ".join(out.split()) and err == ""  # accepted: counted, listed with --verbose
    code, out, err = run_numcheck([str(root / "bridge"), "--baseline", str(base), "--verbose"])
    assert code == 0 and "Silenced findings" in out and "baseline" in out and err == ""


def test_only_new_findings_fail(run_numcheck, tmp_path) -> None:
    root = conflict_story(tmp_path)
    base = tmp_path / "baseline.json"
    run_numcheck([str(root / "bridge"), "--write-baseline", str(base)])
    write(root, {"quake/a.md": FIVE, "quake/b.md": THREE})  # the same conflict in another story is new
    code, out, _ = run_numcheck([str(root), "--baseline", str(base), "--format", "json"])
    report = json.loads(out)
    (new,) = [f for f in report["findings"] if f["level"] == "error"]
    assert code == 1 and all("quake/" in c for c in new["claims"])


def test_moved_lines_stay_accepted(run_numcheck, tmp_path) -> None:
    root = conflict_story(tmp_path)
    base = tmp_path / "baseline.json"
    run_numcheck([str(root / "bridge"), "--write-baseline", str(base)])
    for name in ("a.md", "b.md"):
        path = root / "bridge" / name
        path.write_text("# Bridge\n\nA paragraph with no figure.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run_numcheck([str(root / "bridge"), "--baseline", str(base)])
    assert code == 0 and "no longer occurs" not in err


def test_entries_that_no_longer_occur_are_reported(run_numcheck, tmp_path) -> None:
    root = conflict_story(tmp_path)
    write(root, {"bridge/c.txt": SHARE})
    base = tmp_path / "baseline.json"
    run_numcheck([str(root / "bridge"), "--write-baseline", str(base)])
    (root / "bridge" / "b.md").write_text(FIVE, encoding="utf-8")  # the conflict is fixed
    code, out, err = run_numcheck([str(root / "bridge"), "--baseline", str(base), "--format", "json"])
    notes = json.loads(out)["notes"]
    (gone,) = [n for n in notes if "no longer occurs" in n]
    assert code == 0 and str(base) in gone and "conflict" in gone and "b.md:1:16" in gone
    assert gone in err


def test_refresh_reads_the_old_baseline_before_writing(run_numcheck, tmp_path) -> None:
    root = conflict_story(tmp_path)
    base = tmp_path / "baseline.json"
    run_numcheck([str(root / "bridge"), "--write-baseline", str(base)])
    write(root, {"bridge/c.txt": SHARE})
    code, _, err = run_numcheck([str(root / "bridge"), "--baseline", str(base), "--write-baseline", str(base)])
    assert code == 0 and "no longer occurs" not in err  # the new warning is reported, not failed on
    kinds = sorted(e["kind"] for e in json.loads(base.read_text(encoding="utf-8"))["findings"])
    assert kinds == ["conflict", "rule"]


def test_a_fingerprint_recorded_once_accepts_one_finding() -> None:
    report = synthetic(0, 2)
    one = baseline.render(replace(report, findings=report.findings[:1]))
    entries = json.loads(one)["findings"]
    by_id = report.claims.by_id()
    prints = [fingerprint(f, by_id) for f in report.findings]
    assert prints[0] != prints[1]  # different files: different fingerprints
    result = baseline.apply(report, "b.json", entries)
    assert [f.id for f in result.findings] == ["F2"] and [s.finding.id for s in result.silenced] == ["F1"]


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "baseline file does not exist"),
        ("{not json", "baseline file cannot be read"),
        ('{"findings": []}', "not a numcheck baseline"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(run_numcheck, tmp_path, content, message) -> None:
    root = conflict_story(tmp_path)
    base = tmp_path / "baseline.json"
    if content is not None:
        base.write_text(content, encoding="utf-8")
    code, _, err = run_numcheck([str(root / "bridge"), "--baseline", str(base)])
    assert code == 2 and message in err and err.count("\n") == 1


def test_baseline_file_is_deterministic(run_numcheck, tmp_path) -> None:
    root = conflict_story(tmp_path)
    write(root, {"bridge/c.txt": SHARE})
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    run_numcheck([str(root / "bridge"), "--write-baseline", str(one)])
    run_numcheck([str(root / "bridge"), "--write-baseline", str(two)])
    assert one.read_bytes() == two.read_bytes()
