"""The run's memo and the claim store: an unchanged corpus gives the last report without checking it
again, anything changed is checked again, and the columns give back every claim exactly."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from numcheck import __version__
from numcheck.store import cache, memo
from numcheck.attribute import claims
from numcheck.report.formats import render_json
from numcheck.rules import rulefile
from numcheck.store.claimbuild import Builder
from numcheck.model import PART, WITH_PERPETRATOR, Article, Claim, Finding, Report
from numcheck.run.pipeline import Options, run


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "seeds"


def render(corpus: Path, cache_dir: Path, **options) -> str:
    return render_json.render(run(Options((str(corpus),), local_rules=False, cache_dir=str(cache_dir), jobs=1, **options)))


def memos(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "runs").rglob("*.memo"))


def forbid_checking(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that goes past its memo fails: it would parse the rules or read the claims cache."""

    def fail(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("checked again what the memo holds")

    monkeypatch.setattr(rulefile, "load", fail)
    monkeypatch.setattr(cache, "entry", fail)
    monkeypatch.setattr(claims, "claims", fail)


def test_unchanged_corpus_gives_the_memo_without_checking_again(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    uncached = render_json.render(run(Options((str(corpus),), local_rules=False, cache=False, jobs=1)))
    cold = render(corpus, tmp_path / "cache")
    assert len(memos(tmp_path / "cache")) == 1
    forbid_checking(monkeypatch)
    assert render(corpus, tmp_path / "cache") == cold == uncached


@pytest.mark.parametrize(
    "change", ["edit an article", "add an article", "remove an article", "add a rule file", "edit a rule file", "another date"]
)
def test_any_change_is_checked_again(corpus: Path, tmp_path: Path, change: str) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.toml").write_text('[measures]\nwidgets = ["widgets"]\n', encoding="utf-8")
    options = {"rules": (str(rules),)}
    render(corpus, tmp_path / "cache", **options)
    first = sorted(corpus.iterdir())[0]
    if change == "edit an article":
        first.write_text(first.read_text(encoding="utf-8") + "\nAt least 999 people died.\n", encoding="utf-8")
    elif change == "add an article":
        (corpus / "new.txt").write_text("At least 999 people died.\n", encoding="utf-8")
    elif change == "remove an article":
        first.unlink()
    elif change == "add a rule file":
        (rules / "b.toml").write_text('[measures]\ngadgets = ["gadgets"]\n', encoding="utf-8")
    elif change == "edit a rule file":
        (rules / "a.toml").write_text('[measures]\nwidgets = ["widgets", "sprockets"]\n', encoding="utf-8")
    else:
        options["date"] = dt.date(2020, 1, 1)
    warm = render(corpus, tmp_path / "cache", **options)
    shutil.rmtree(tmp_path / "cache")
    assert warm == render(corpus, tmp_path / "cache", **options)  # what a run without any cache gives


@pytest.mark.parametrize("damage", [b"", b"numcheck-memo\n\xff\xff", b"not a memo at all", b"numcheck-memo\n" + bytes(8)])
def test_damaged_memo_is_a_miss_and_is_rewritten(corpus: Path, tmp_path: Path, damage: bytes) -> None:
    cold = render(corpus, tmp_path / "cache")
    (kept,) = memos(tmp_path / "cache")
    kept.write_bytes(damage)
    warm = json.loads(render(corpus, tmp_path / "cache"))
    (note,) = warm.pop("notes")
    assert note.startswith("warning: the last run's memo ") and "was damaged" in note and "rewritten" in note
    assert {k: v for k, v in warm.items()} == {k: v for k, v in json.loads(cold).items() if k != "notes"}
    assert kept.read_bytes().startswith(b"numcheck-memo\n") and len(kept.read_bytes()) > 100
    assert render(corpus, tmp_path / "cache") == cold  # rewritten: the next run finds it, and says nothing


def test_one_memo_per_invocation_overwritten_by_the_next_run(corpus: Path, tmp_path: Path) -> None:
    render(corpus, tmp_path / "cache")
    (corpus / "new.txt").write_text("At least 999 people died.\n", encoding="utf-8")
    render(corpus, tmp_path / "cache")
    assert len(memos(tmp_path / "cache")) == 1  # the cache folder does not grow with every push
    render(corpus, tmp_path / "cache", date=dt.date(2020, 1, 1))
    assert len(memos(tmp_path / "cache")) == 2


def test_a_run_whose_cache_misbehaved_is_not_kept(corpus: Path, tmp_path: Path) -> None:
    render(corpus, tmp_path / "cache")
    shutil.rmtree(tmp_path / "cache" / "runs")
    entry = next(p for p in (tmp_path / "cache").rglob("*.json") if p.parent.parent.name != "articles")
    entry.write_bytes(b"{broken")
    report = json.loads(render(corpus, tmp_path / "cache"))
    assert any("rebuilt" in n for n in report["notes"])
    assert memos(tmp_path / "cache") == []  # the next run checks again, and says nothing of the cache


def test_memo_run_imports_neither_the_parser_nor_the_checks(corpus: Path, tmp_path: Path) -> None:
    probe = (
        "import sys; from numcheck.cli.main import main; "
        f"main([{str(corpus)!r}, '--no-local-rules', '--format', 'github', '--cache-dir', {str(tmp_path / 'c')!r}]); "
        "print(sorted(m for m in ('quantulum3', 'spacy', 'numcheck.rules.rulefile', 'numcheck.run.engine', "
        "'numcheck.run.local_engine', "
        "'numcheck.check.compare') "
        "if m in sys.modules), file=sys.stderr)"
    )
    cold, warm = (subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path) for _ in range(2))
    assert cold.stdout == warm.stdout and cold.returncode == warm.returncode
    assert "quantulum3" in cold.stderr.splitlines()[-1]
    assert warm.stderr.splitlines()[-1] == "[]"


BOUND = st.one_of(st.none(), st.floats(allow_nan=False, width=64), st.dates(), st.integers(-5, 5))
TEXT = st.one_of(st.none(), st.text(max_size=8), st.text(min_size=65, max_size=70))


@st.composite
def article_claims(draw, path: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    out = []
    story = draw(st.sampled_from(["s", "t"]))
    date = draw(st.one_of(st.none(), st.dates()))
    for _ in range(draw(st.integers(0, 4))):
        sentence = draw(st.text(min_size=1, max_size=80))
        at = draw(st.integers(0, 2**33))
        start = at + draw(st.integers(0, len(sentence)))
        end = draw(st.integers(start, at + len(sentence)))
        surface = sentence[start - at : end - at] if draw(st.booleans()) else draw(st.text(max_size=5))
        line, column = draw(st.integers(1, 2**32)), draw(st.integers(1, 300))
        out.append(
            Claim(
                f"{path}:{line}:{column}",
                path,
                story,
                line,
                column,
                start,
                end,
                surface,
                sentence,
                draw(st.sampled_from(["count", "date", "money"])),
                draw(BOUND),
                draw(BOUND),
                draw(BOUND),
                draw(TEXT),
                "exact",
                draw(TEXT),
                draw(st.sampled_from([None, PART, WITH_PERPETRATOR])),
                draw(TEXT),
                draw(TEXT),
                draw(TEXT),
                date,
                draw(TEXT),
                at,
                draw(st.one_of(st.none(), st.floats(allow_nan=False))),
            )
        )
    return out


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["a.txt", "b.md", "c/d.txt", "e.txt"]), unique=True).flatmap(
        lambda paths: st.tuples(st.just(paths), st.tuples(*(article_claims(p) for p in paths)), st.permutations(paths))
    )
)
def test_store_gives_back_every_claim_exactly_in_report_order(drawn) -> None:  # type: ignore[no-untyped-def]
    paths, per_article, arrival = drawn
    by_path = dict(zip(paths, per_article))
    builder = Builder()
    for p in arrival:  # extracted in any order
        builder[p] = by_path[p]
    store = builder.seal(sorted(paths))
    expected = [c for p in sorted(paths) for c in by_path[p]]
    assert list(store) == expected and len(store) == len(expected)
    assert all(type(a.value) is type(b.value) and type(a.low) is type(b.low) for a, b in zip(store, expected))
    by_id = store.by_id()
    for c in expected:
        assert by_id[c.id] == {e.id: e for e in expected}[c.id]
    assert "nowhere.txt:1:1" not in by_id


def test_memo_keeps_claims_the_columns_keep_whole(tmp_path: Path) -> None:
    builder = Builder()
    odd = Claim(
        "a.txt:1:1",
        "a.txt",
        "s",
        1,
        1,
        0,
        2,
        "not the slice",
        "12 dead",
        "count",
        12.0,
        12.0,
        12.0,
        None,
        "exact",
        "dead",
        article_date=dt.date(2023, 5, 1),
    )
    plain = Claim(
        "a.txt:2:1",
        "a.txt",
        "s",
        2,
        1,
        9,
        11,
        "12",
        "Later, 12 dead.",
        "count",
        12.0,
        12.0,
        12.0,
        None,
        "exact",
        "dead",
        article_date=dt.date(2023, 5, 1),
    )
    builder["a.txt"] = [odd, plain]
    store = builder.seal(["a.txt"])
    assert store.columns.odd and list(store) == [odd, plain]
    report = Report(
        __version__,
        (Article("a.txt", "", "s", dt.date(2023, 5, 1)),),
        (),
        store,
        (),
        ("warning: x",),
        store.marked(bytearray([0, 1])),
    )
    memo.store(str(tmp_path / "m.memo"), "digest", report)
    back = memo.load(str(tmp_path / "m.memo"), "digest")
    assert back is not None and list(back.claims) == [odd, plain] and set(back.matched) == {"a.txt:2:1"}
    assert render_json.render(back) == render_json.render(report)
    assert memo.load(str(tmp_path / "m.memo"), "another digest") is None


def test_memo_keeps_a_findings_data_as_text_read_when_asked(tmp_path: Path) -> None:
    """A finding's data (Finding.said) comes back from the memo as its JSON text, and reads as the
    tuple the check made: equal, hashed alike, indexed, sliced and unpacked; the report renders the
    same bytes."""
    from numcheck.store.claimbuild import of

    said = ("conflict", ("killed", None, None), dt.date(2023, 5, 1), ((("12", "about 12"), 12.0, 12.5, None, 2, None, None, ()),))
    report = Report(
        __version__,
        (Article("a.txt", "", "s", dt.date(2023, 5, 1)),),
        (),
        of([]),
        (Finding("F1", "conflict", "error", "12 vs 30", (), said=said),),
    )
    memo.store(str(tmp_path / "m.memo"), "digest", report)
    back = memo.load(str(tmp_path / "m.memo"), "digest")
    assert back is not None
    kept = back.findings[0].said
    assert isinstance(kept, memo.Said) and isinstance(kept.text, str)
    assert kept == said and said == kept and hash(kept) == hash(said) and back.findings == report.findings
    assert kept[:1] == ("conflict",) and kept[2] == dt.date(2023, 5, 1) and len(kept) == 4 and tuple(kept) == said
    assert render_json.render(back) == render_json.render(report)


def test_a_first_run_keeps_each_findings_data_as_the_memo_keeps_it() -> None:
    """A run's findings hold their data as JSON text once their messages are made (pipeline._numbered,
    memo.kept): a report of an archive holds many findings, and the text is a third of the tuples. It
    reads as the tuple the check made, and the report is numbered as before."""
    folder = ROOT / "tests" / "cases" / "unit-slips" / "articles"
    report = run(Options((str(folder),), local_rules=False, cache=False, jobs=1))
    assert report.findings and all(isinstance(f.said, memo.Said) for f in report.findings)
    assert [f.id for f in report.findings] == [f"F{i}" for i in range(1, len(report.findings) + 1)]
    for f in report.findings:
        assert memo.kept(f.said.decoded()) == f.said and f.said[0] == f.said.decoded()[0]
    assert memo.kept(("odd", {1, 2})) == ("odd", {1, 2})  # what JSON would not give back stays as it is
