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


TOLL_WITH_PARTS = {
    "a.txt": "Seven people were killed, including the gunman, police said on Sunday.\n\n"
    "Forty people were injured, 15 of them children.\n",  # "15 of them seriously" is a condition's count: tests/cases
    "b.txt": "Six people were killed on Sunday, police said.\n\nAbout 40 people were injured.\n",
}


def test_a_part_or_a_toll_with_the_perpetrator_is_not_the_toll(run_json, tmp_path: Path) -> None:
    """'15 of them' is a part of the injured, 'seven killed, including the gunman' counts the
    perpetrator: the claim holds the bare measure and its extent apart, neither is compared with
    the toll itself, and the report writes the extent beside the measure."""
    from numcheck.attribute.claims import claims
    from numcheck.model import PART, WITH_PERPETRATOR, Article
    from numcheck.rules import rulefile

    read = claims(Article("a.txt", TOLL_WITH_PARTS["a.txt"], "s"), rulefile.load([], use_local=False))
    assert {c.surface: (c.measure, c.extent) for c in read if c.measure} == {
        "Seven": ("killed", WITH_PERPETRATOR),
        "Forty": ("wounded", None),
        "15": ("wounded", PART),
    }
    for name, text in TOLL_WITH_PARTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, report, _ = run_json([str(tmp_path), "--no-cache", "--no-local-rules"])
    assert {c["surface"]: c["measure"] for c in report["claims"] if c["measure"]} == {
        "Seven": "killed (with the perpetrator)",
        "Forty": "wounded",
        "15": "wounded (part)",
        "Six": "killed",
        "About 40": "wounded",
    }
    assert [f["kind"] for f in report["findings"]] == ["agreement"] and code == 0  # seven with the gunman is six victims


def test_parts_are_held_a_story_at_a_time(run_json, tmp_path: Path) -> None:
    """Two stories, each a copy of the part-and-whole case, their articles interleaved in the run:
    each story gives the conflicts it gives alone, in the order of their groups, and no part is
    held against another story's whole (check/partwhole.py makes one story's claims at a time)."""
    import shutil

    case = Path(__file__).parent / "cases" / "part-and-whole" / "articles"
    for story in ("s1", "s2"):
        shutil.copytree(case, tmp_path / "both" / story)
        for article in (tmp_path / "both" / story).iterdir():  # a story of its own (the case names its story)
            article.write_text(article.read_text(encoding="utf-8").replace("story: ", f"story: {story}-"), encoding="utf-8")
    shutil.copytree(case, tmp_path / "alone" / "s1")
    _, both, _ = run_json([str(tmp_path / "both"), "--no-cache", "--no-local-rules", "--jobs", "1"])
    _, alone, _ = run_json([str(tmp_path / "alone"), "--no-cache", "--no-local-rules", "--jobs", "1"])

    def parts(report: dict, story: str) -> list[tuple[str, list[str]]]:
        found = [f for f in report["findings"] if "a part cannot exceed" in f["message"]]
        return [(f["message"], [c.split(f"{story}/")[-1] for c in f["claims"]]) for f in found if story in f["claims"][0]]

    assert parts(alone, "s1") and parts(both, "s1") == parts(alone, "s1") == parts(both, "s2")
    every = [f for f in both["findings"] if "a part cannot" in f["message"]]
    assert len(parts(both, "s1")) + len(parts(both, "s2")) == len(every)
