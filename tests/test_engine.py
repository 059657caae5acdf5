"""The local engine: the same report, byte for byte, however it is computed; a benchmark corpus that makes sense."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from numcheck.run import engine, local_engine, progress
from numcheck.report.formats import render_json
from numcheck.read import walk
from numcheck.run.pipeline import Options, run


def _generate():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["bench_generate"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


generate = _generate()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A story of generated articles (one of them contradicts the toll) and one of another story."""
    out = tmp_path_factory.mktemp("corpus")
    generate.write(str(out / "news"), 9, seed=3)
    return out / "news"


def report_json(corpus: Path, **options) -> str:
    return render_json.render(run(Options((str(corpus),), local_rules=False, **options)))


def test_jobs_and_pool_give_the_same_bytes(corpus: Path, monkeypatch) -> None:
    serial = report_json(corpus, jobs=1, cache=False)
    monkeypatch.setattr(local_engine, "POOL_MIN_CHARS", 0)  # a pool even for a small corpus
    monkeypatch.setattr(local_engine, "_CHUNK_CHARS", 5_000)  # several chunks, finishing in any order
    pooled = report_json(corpus, jobs=2, cache=False)
    assert pooled == serial
    assert json.loads(serial)["summary"]["claims"] > 100


def test_a_report_without_texts_is_the_same_report(corpus: Path, tmp_path: Path) -> None:
    shutil.copytree(corpus, tmp_path / "news")
    (tmp_path / "news" / "note.md").write_text("<!-- an editor's comment -->\nFive people died.\n", encoding="utf-8")
    folder = tmp_path / "news"
    kept = run(Options((str(folder),), local_rules=False, cache=False))
    lean = run(Options((str(folder),), local_rules=False, cache=False, keep_text=False))
    assert render_json.render(lean) == render_json.render(kept)
    assert all(a.text for a in kept.articles)
    assert [a.path for a in lean.articles if a.text] == [str(folder / "note.md")]  # a suppression may read it


def test_generator_is_deterministic_and_news_like(tmp_path: Path) -> None:
    a = generate.stories(40, seed=5)
    assert a == generate.stories(40, seed=5)
    assert generate.stories(25, seed=5) == a[:25]  # a small corpus is the start of a larger one
    stories: dict[str, int] = {}
    for path, _, _ in a:
        stories[path.split("/")[0]] = stories.get(path.split("/")[0], 0) + 1
    assert all(5 <= n <= 20 for n in list(stories.values())[:-1])
    text = "".join(t for _, t, _ in a)
    assert 2_000 < len(text) / len(a) < 4_000  # characters per article, like wire copy
    for needle in ("%", "$", "between", "more than", "-year-old", "km", "million"):
        assert needle in text


def test_planted_conflicts_are_found(corpus: Path) -> None:
    manifest = json.loads(Path(str(corpus) + ".json").read_text())
    report = json.loads(report_json(corpus, jobs=1, cache=False))
    claims = {c["id"]: c for c in report["claims"]}
    conflicted = {Path(claims[f["claims"][0]]["path"]).parent.name for f in report["findings"] if f["kind"] == "conflict"}
    assert set(manifest["conflict_stories"]) <= conflicted


def test_progress_bar_only_when_asked() -> None:
    assert isinstance(progress.bar(10, False), progress.NoBar)
    bar = progress.bar(10, True)
    try:
        assert not isinstance(bar, progress.NoBar)  # tqdm, shown after two seconds
    finally:
        bar.close()


def test_no_progress_output_when_stderr_is_not_a_terminal(corpus: Path, capsys) -> None:
    run(Options((str(corpus),), local_rules=False, cache=False, jobs=1))
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (["--jobs", "0"], "--jobs 0: expected 1 or more worker processes"),
        (["--engine", "spark"], "invalid choice"),
    ],
)
def test_bad_engine_options_are_usage_errors(run_numcheck, tmp_path: Path, args: list[str], message: str) -> None:
    code, _, err = run_numcheck([str(tmp_path), *args])
    assert code == 2 and message in err and "Traceback" not in err


def test_preload_keeps_typeguard_for_everyone_else() -> None:
    typeguard = pytest.importorskip("typeguard")
    before = typeguard.typechecked
    engine.preload_parser()
    assert typeguard.typechecked is before


def test_the_parser_loads_without_typeguard() -> None:
    probe = (
        "import sys; from numcheck.extract import quantities; quantities.load_inflect(); "
        "print('typeguard' in sys.modules, quantities.parse('It is 5 km away.')[0].unit)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "kilometre"]


def test_discover_lists_each_file_once(corpus: Path) -> None:
    found = walk.found([str(corpus), str(corpus)])
    assert len(found) == len({p for p, _ in found}) == 9


def test_notes_do_not_show_the_order_in_which_workers_finished() -> None:
    """Workers' failures and cache notes arrive as each chunk finishes: the report lists them
    sorted, so two runs of one corpus print the same notes whichever worker was quicker."""
    failed = ["b.txt: not checked: numcheck failed on it (ZeroDivisionError)", "a.txt: folder cannot be read"]
    cache = ["cache not written: /c: No space left on device", "cache entry for a.txt was unreadable (x); rebuilt"]
    first = engine.Extraction(warnings=["w2", "w1"], unreadable=failed, cache_notes=cache + cache[:1])
    second = engine.Extraction(warnings=["w2", "w1"], unreadable=failed[::-1], cache_notes=cache[::-1])
    assert (
        first.notes()
        == second.notes()
        == (
            "warning: w2",
            "warning: w1",
            "error: a.txt: folder cannot be read",
            "error: b.txt: not checked: numcheck failed on it (ZeroDivisionError)",
            "warning: cache entry for a.txt was unreadable (x); rebuilt",
            "warning: cache not written: /c: No space left on device",
        )
    )


def test_a_chunk_gives_each_article_what_it_alone_gives(corpus: Path, tmp_path: Path, bug_on_bad_txt) -> None:
    """A worker's chunk (extract_many: its sentences parsed in one batch, each distinct text once)
    gives each article the outcome extract_one gives it alone, in order; an article numcheck fails
    on is skipped and said, and the others of its chunk are still read."""
    from numcheck.rules import rulefile

    book = rulefile.load([], use_local=False)
    shutil.copy(walk.found([str(corpus)])[0][0], tmp_path / "bad.txt")
    found = walk.found([str(corpus), str(tmp_path / "bad.txt")])
    articles = [(a, None) for a in engine.read(found, None, engine.Extraction())]
    assert len(articles) == 10
    chunk = engine.extract_many(articles + articles[:2], book, None)  # the same wire copy twice
    alone = [engine.extract_one(a, None, book, None) for a, _ in articles + articles[:2]]
    assert chunk == alone
    assert [o.failed is not None for o in chunk].count(True) == 1 and sum(len(o.claims) for o in chunk) > 100
