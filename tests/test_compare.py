"""How a group's clusters are described: the values every figure of a cluster allows."""
from __future__ import annotations

from pathlib import Path


def test_a_cluster_in_two_units_is_described_in_one(run_json, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The quake struck at a depth of 10 kilometres.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The quake struck at a depth of six miles.\n", encoding="utf-8")
    code, report, _ = run_json([str(tmp_path), "--no-cache", "--no-local-rules"])
    (agreement,) = [f for f in report["findings"] if f["kind"] == "agreement"]
    # 9.5-10.5 km and 5.5-6.5 miles (8.85-10.46 km) share 9.5-10.46 km; raw bounds would read "9.5-6.5"
    assert "(9.5–10.46 kilometre, 2 articles)" in agreement["message"]
    assert code == 0
