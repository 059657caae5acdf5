"""Suppression comments in Markdown: silence a finding where it occurs, with a reason, or say why not."""

from __future__ import annotations

import json

import pytest
from stories import FIVE, SHARE, THREE, write

from numcheck.report import suppress
from numcheck.model import Article, Finding

REASON = 'reason="the wire corrected the toll the next day"'


def _run(run_numcheck, root):
    code, out, err = run_numcheck([str(root / "bridge"), "--format", "json"])
    return code, json.loads(out), err


@pytest.mark.parametrize(
    "comment, silenced",
    [
        (f"<!-- numcheck: ignore conflict {REASON} -->\n", True),
        (f"<!-- numcheck: ignore conflict {REASON} -->\n\n", True),  # a blank line before the paragraph
        ("<!--numcheck:ignore conflict reason='single quotes' -->\n", True),
        (f"<!-- numcheck: ignore rule, conflict {REASON} -->\n", True),  # several targets
        (f"<!-- numcheck: ignore agreement {REASON} -->\n", False),  # another kind
        (f"<!-- numcheck: ignore builtin.percent-max {REASON} -->\n", False),  # another rule
    ],
)
def test_a_suppression_silences_its_kind_in_the_next_paragraph(run_numcheck, tmp_path, comment, silenced) -> None:
    write(tmp_path, {"bridge/a.md": "# Bridge\n\n" + comment + FIVE, "bridge/b.md": THREE})
    code, report, err = _run(run_numcheck, tmp_path)
    conflicts = [f for f in report["findings"] if f["kind"] == "conflict"]
    assert (code, len(conflicts)) == ((0, 0) if silenced else (1, 1))
    assert ("unused suppression" in err) == (not silenced)


def test_it_silences_nothing_in_other_paragraphs(run_numcheck, tmp_path) -> None:
    text = f"<!-- numcheck: ignore conflict {REASON} -->\nAn opening paragraph.\n\n" + FIVE
    write(tmp_path, {"bridge/a.md": text, "bridge/b.md": THREE})
    code, report, err = _run(run_numcheck, tmp_path)
    assert code == 1 and "bridge/a.md:1: unused suppression: no conflict finding" in err


def test_a_suppression_in_either_article_silences_the_conflict(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"bridge/a.md": FIVE, "bridge/b.md": f"<!-- numcheck: ignore conflict {REASON} -->\n" + THREE})
    code, _, err = _run(run_numcheck, tmp_path)
    assert code == 0 and err == ""


def test_a_rule_is_named_with_or_without_its_file_stem(run_numcheck, tmp_path) -> None:
    write(
        tmp_path,
        {
            "bridge/a.md": f"<!-- numcheck: ignore percent-max {REASON} -->\n" + SHARE,
            "bridge/b.md": f"<!-- numcheck: ignore builtin.percent-max {REASON} -->\n" + SHARE,
        },
    )
    code, report, err = _run(run_numcheck, tmp_path)
    assert [f for f in report["findings"] if f["level"] == "warning"] == [] and err == ""


def test_a_suppression_needs_a_reason(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"bridge/a.md": "<!-- numcheck: ignore conflict -->\n" + FIVE, "bridge/b.md": THREE})
    code, report, err = _run(run_numcheck, tmp_path)
    assert code == 1 and len(report["findings"]) == 1
    (note,) = report["notes"]
    assert note.startswith("warning: ") and "bridge/a.md:1: suppression of conflict has no reason" in note


def test_a_comment_not_understood_is_reported(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"bridge/a.md": 'Intro.\n\n<!-- numcheck: ignroe conflict reason="x" -->\n' + FIVE, "bridge/b.md": THREE})
    code, report, _ = _run(run_numcheck, tmp_path)
    assert code == 1 and any("bridge/a.md:3: numcheck comment not understood" in n for n in report["notes"])


def test_plain_text_and_code_blocks_are_not_read(run_numcheck, tmp_path) -> None:
    fenced = f"```\n<!-- numcheck: ignore conflict {REASON} -->\n```\n" + FIVE
    write(tmp_path, {"bridge/a.md": fenced, "bridge/b.txt": f"<!-- numcheck: ignore conflict {REASON} -->\n" + THREE})
    code, report, err = _run(run_numcheck, tmp_path)
    assert code == 1 and report["notes"] == []


def test_silenced_findings_are_still_shown(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"bridge/a.md": f"<!-- numcheck: ignore conflict {REASON} -->\n" + FIVE, "bridge/b.md": THREE})
    code, out, _ = run_numcheck([str(tmp_path / "bridge")])
    assert code == 0 and "1 silenced" in " ".join(out.split())  # accepted: no action needed, so counted, not listed
    code, out, _ = run_numcheck([str(tmp_path / "bridge"), "--verbose"])
    assert code == 0 and "Silenced findings" in out and "the wire corrected the toll" in out
    _, sarif, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "sarif"])
    (result,) = json.loads(sarif)["runs"][0]["results"]
    assert result["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "the wire corrected the toll the next day"}
    ]


@pytest.mark.parametrize(
    "text, spans",
    [
        ('<!-- numcheck: ignore conflict reason="r" -->\nOne.\nTwo.\n\nThree.\n', ["One.\nTwo."]),
        ('<!-- numcheck: ignore conflict reason="r" --> Inline paragraph.\n\nNext.\n', ["Inline paragraph."]),
        (
            '<!-- numcheck: ignore conflict reason="r" -->\n<!-- numcheck: ignore rule reason="s" -->\nBoth.\n',
            ["Both.\n", "Both.\n"],
        ),
        ('<!-- numcheck: ignore conflict reason="r" -->\n', [""]),
    ],
)
def test_the_paragraph_a_suppression_covers(text: str, spans: list[str]) -> None:
    found, problems = suppress.parse(Article("a.md", text, "s"))
    assert problems == [] and [text[s.start : s.end] for s in found] == spans


@pytest.mark.parametrize(
    "target, kind, rule, matches",
    [
        ("conflict", "conflict", None, True),
        ("rule", "rule", "ukraine.bakhmut-prewar-population", True),
        ("ukraine.bakhmut-prewar-population", "rule", "ukraine.bakhmut-prewar-population", True),
        ("bakhmut-prewar-population", "rule", "ukraine.bakhmut-prewar-population", True),
        ("ukraine", "rule", "ukraine.bakhmut-prewar-population", True),
        ("bakhmut", "rule", "ukraine.bakhmut-prewar-population", False),
        ("conflict", "agreement", None, False),
    ],
)
def test_what_a_target_names(target: str, kind: str, rule: str | None, matches: bool) -> None:
    s = suppress.Suppression("a.md", 1, (target,), "why", 0, 10)
    assert s.matches(Finding("F1", kind, "error", "m", (), rule=rule)) is matches


def test_markdown_comments_are_not_article_text(run_json, run_numcheck, tmp_path) -> None:
    """An editor's note in a comment is no claim, and no conflict; nor are a suppression's figures,
    and the suppression still works."""
    write(
        tmp_path,
        {
            "bridge/a.md": "<!-- note: the ministry says 3 were killed -->\n" + FIVE,
            "bridge/b.md": "Officials said five people were killed when the bridge collapsed on Sunday.\n",
            "bridge/c.md": '<!-- numcheck: ignore conflict reason="7 killed per the wire, 9 per police" -->\n'
            "Seven people were killed when the bridge collapsed on Sunday.\n",
        },
    )
    code, report, _ = run_json([str(tmp_path / "bridge")])
    assert sorted(c["surface"] for c in report["claims"] if c["kind"] == "count") == ["Five", "Seven", "five"]
    assert code == 0 and not [f for f in report["findings"] if f["level"] == "error"]
    code, out, _ = run_numcheck([str(tmp_path / "bridge"), "-v"])
    assert code == 0 and "Silenced findings" in out and "7 killed per the wire" in " ".join(out.split())
