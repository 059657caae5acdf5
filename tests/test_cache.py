"""The claims cache: a warm run is the cold run's bytes without extracting; stale or broken entries never leak."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from numcheck.store import cache
from numcheck.attribute import claims
from numcheck.read import files, frontmatter
from numcheck.report.formats import render_json
from numcheck.rules import rulefile
from numcheck.run.pipeline import Options, run


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "seeds"


def render(corpus: Path, cache_dir: Path | None, memo: bool = False, **options) -> tuple[str, dict]:
    """The json report of a run; without `memo`, the last run's report (memo.py) is forgotten
    first, so that the run reads the claims cache these tests are about."""
    if cache_dir is not None and not memo:
        shutil.rmtree(cache_dir / "runs", ignore_errors=True)
    report = run(
        Options(
            (str(corpus),),
            local_rules=False,
            cache=cache_dir is not None,
            cache_dir=str(cache_dir) if cache_dir else None,
            jobs=1,
            **options,
        )
    )
    text = render_json.render(report)
    return text, json.loads(text)


def entries(cache_dir: Path, kind: str = "claims") -> list[Path]:
    """The claims entries (or, with kind="articles", what reading an article gave: readcache.py)."""
    return sorted(p for p in cache_dir.rglob("*.json") if (p.parent.parent.name == "articles") == (kind == "articles"))


def forbid_extraction(monkeypatch) -> None:
    def fail(*_args, **_kwargs):
        raise AssertionError("extracted an article the cache holds")

    monkeypatch.setattr(claims, "claims", fail)


def test_warm_run_gives_the_cold_bytes_without_extracting(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    uncached, _ = render(corpus, None)
    cold, _ = render(corpus, tmp_path / "cache")
    assert len(entries(tmp_path / "cache")) == 2
    forbid_extraction(monkeypatch)
    warm, _ = render(corpus, tmp_path / "cache")
    assert uncached == cold == warm


def test_warm_run_never_imports_the_parser(corpus: Path, tmp_path: Path) -> None:
    probe = (
        "import sys; from numcheck.run.pipeline import Options, run; "
        f"run(Options(({str(corpus)!r},), local_rules=False, cache_dir={str(tmp_path / 'cache')!r})); "
        "print(sorted(m for m in ('quantulum3', 'inflect', 'spacy') if m in sys.modules))"
    )
    cold, warm = (subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True) for _ in range(2))
    assert (cold.stdout.strip(), warm.stdout.strip()) == ("['inflect', 'quantulum3', 'spacy']", "[]")


def test_moved_article_hits_and_takes_its_new_path(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    render(corpus, tmp_path / "cache")
    moved = tmp_path / "elsewhere"
    shutil.copytree(corpus, moved)
    forbid_extraction(monkeypatch)
    _, report = render(moved, tmp_path / "cache")
    assert report["claims"] and all(c["path"].startswith(str(moved)) and c["id"].startswith(c["path"]) for c in report["claims"])
    monkeypatch.undo()
    assert report == render(moved, None)[1]


def test_changed_article_is_extracted_again(corpus: Path, tmp_path: Path) -> None:
    render(corpus, tmp_path / "cache")
    article = sorted(corpus.iterdir())[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nOfficials said 17 people were killed.\n", encoding="utf-8")
    _, warm = render(corpus, tmp_path / "cache")
    assert any(c["surface"] == "17" for c in warm["claims"])
    assert warm == render(corpus, None)[1]


def test_rules_hash_covers_vocabulary_but_not_facts() -> None:
    book = rulefile.load([str(ROOT / "rules")], use_local=False)
    base = cache.rules_hash(book)
    fewer_facts = dataclasses.replace(book, facts=book.facts[1:])
    assert cache.rules_hash(fewer_facts) == base  # facts are checked every run, never cached
    more_words = dataclasses.replace(book, entities={**book.entities, "x": ("Xville",)})
    assert cache.rules_hash(more_words) != base
    shuffled = dataclasses.replace(book, entities=dict(reversed(list(book.entities.items()))))
    assert cache.rules_hash(shuffled) != base or len(book.entities) < 2  # order can change attribution


def test_a_changed_rule_or_source_uses_other_entries(tmp_path: Path, monkeypatch) -> None:
    book = rulefile.load([], use_local=False)
    first = cache.Cache.open(str(tmp_path), book).root
    assert cache.Cache.open(str(tmp_path), dataclasses.replace(book, times={**book.times, "x": ("x",)})).root != first
    monkeypatch.setattr(cache, "__version__", "9.9")
    assert cache.Cache.open(str(tmp_path), book).root != first
    monkeypatch.undo()
    monkeypatch.setattr(cache, "source_hash", lambda: "edited extraction code")
    assert cache.Cache.open(str(tmp_path), book).root != first
    assert (tmp_path / "CACHEDIR.TAG").is_file() and (tmp_path / ".gitignore").read_text().endswith("*\n")


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b'{"format": 2, "key": ',
        b"\x00\xff not json",
        b"[]",
        b'{"format": 3, "key": "other", "fields": [], "strings": [], "columns": []}',
    ],
)
def test_corrupt_entry_is_discarded_with_a_note_and_rebuilt(corpus: Path, tmp_path: Path, damage: bytes) -> None:
    cold, _ = render(corpus, tmp_path / "cache")
    broken = entries(tmp_path / "cache")[0]
    broken.write_bytes(damage)
    _, report = render(corpus, tmp_path / "cache")
    assert len([n for n in report["notes"] if "cache entry for" in n and "rebuilt" in n]) == 1
    assert report["findings"] == json.loads(cold)["findings"]
    again, _ = render(corpus, tmp_path / "cache")
    assert again == cold  # rebuilt: no note the second time


def test_unwritable_cache_folder_is_a_note_not_a_failure(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    _, report = render(corpus, blocker / "cache")
    assert report["claims"] and any(n.startswith("warning: cache disabled") for n in report["notes"])


def test_concurrent_runs_share_a_cache_safely(corpus: Path, tmp_path: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "numcheck",
        str(corpus),
        "--format",
        "json",
        "--no-local-rules",
        "--cache-dir",
        str(tmp_path / "cache"),
        "--jobs",
        "1",
    ]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path) for _ in range(2)]
    outs = [p.communicate() for p in procs]
    assert outs[0][0] == outs[1][0] and outs[0][1] == outs[1][1] == b""
    assert not [p for p in (tmp_path / "cache").rglob(".tmp-*")]
    assert outs[0][0].decode() == render(corpus, tmp_path / "cache")[0]


def test_default_folder_is_outside_the_working_tree(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NUMCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.default_dir() == str(tmp_path / "xdg" / "numcheck")
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.default_dir() == str(tmp_path / "mine")
    monkeypatch.delenv("NUMCHECK_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert os.path.isabs(cache.default_dir())


def test_fingerprints_unused_for_a_month_are_pruned(tmp_path: Path) -> None:
    book = rulefile.load([], use_local=False)
    old, recent = tmp_path / ("a" * 24), tmp_path / ("b" * 24)
    for folder in (old, recent):
        (folder / "ab").mkdir(parents=True)
        (folder / "ab" / "entry.json").write_text("{}")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    kept = Path(cache.Cache.open(str(tmp_path), book).root)
    assert not old.exists() and recent.exists() and kept.exists()


def test_an_entry_keeps_every_field_and_shares_what_claims_repeat(corpus: Path) -> None:
    book = rulefile.load([], use_local=False)
    articles = files.load(sorted(str(p) for p in corpus.iterdir()), None).articles
    decoded = []
    for article in articles:
        found = claims.claims(article, book)
        data = cache.encode(article, "k", found)
        assert data is not None
        back = cache.decode(data, "k", article)
        assert [dataclasses.astuple(c) for c in back] == [dataclasses.astuple(c) for c in found]  # every field
        decoded.append(back)
    first, second = decoded
    same_sentence = [(a, b) for a, b in zip(first, first[1:]) if a.sentence_start == b.sentence_start]
    assert same_sentence and all(a.sentence is b.sentence for a, b in same_sentence)
    assert first[0].kind is second[0].kind or first[0].kind != second[0].kind  # interned names
    exact = [c for c in first + second if c.approx == "exact" and c.value and c.value == c.low]
    assert exact and all(c.low is c.value for c in exact)
    assert len({id(c.approx) for c in first + second}) == len({c.approx for c in first + second})


def test_warm_run_reads_no_front_matter_and_a_moved_file_is_read_again(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    (corpus / "dated.md").write_text("---\ndate: 2024-03-01\ntitle: Floods\n---\nFive people died.\n", encoding="utf-8")
    cold, _ = render(corpus, tmp_path / "cache")
    assert len(entries(tmp_path / "cache", "articles")) == 3

    def fail(*_args, **_kwargs):
        raise AssertionError("read the front matter of an unchanged article")

    monkeypatch.setattr(frontmatter, "split", fail)
    warm, report = render(corpus, tmp_path / "cache")
    assert warm == cold and any(a["date"] == "2024-03-01" for a in report["articles"])
    monkeypatch.undo()
    (corpus / "dated.md").rename(corpus / "moved.md")
    monkeypatch.setattr(files, "load_file", _counting(files.load_file, calls := []))
    render(corpus, tmp_path / "cache")
    assert [p for (p,) in calls] == [str(corpus / "moved.md")]  # read in full: only the moved file


def _counting(function, calls: list):  # type: ignore[no-untyped-def]
    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[:1])
        return function(*args, **kwargs)

    return counted


def test_unreadable_reading_entry_is_a_note_and_rebuilt(corpus: Path, tmp_path: Path) -> None:
    cold, _ = render(corpus, tmp_path / "cache")
    entries(tmp_path / "cache", "articles")[0].write_bytes(b'{"format": 1, "key": "other"}')
    warm, report = render(corpus, tmp_path / "cache")
    assert [n for n in report["notes"] if "cache entry for reading" in n and "rebuilt" in n]
    assert report["findings"] == json.loads(cold)["findings"]
    assert render(corpus, tmp_path / "cache")[0] == cold
