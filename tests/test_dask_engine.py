"""The Dask engine on a LocalCluster of two worker processes on loopback: the local engine's bytes."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from numcheck.report.formats import render_json
from numcheck.run.pipeline import Options, run

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR
    ) as c:
        yield c


def test_dask_engine_gives_the_local_bytes(cluster, tmp_path: Path, monkeypatch) -> None:
    from numcheck.run import dask_engine

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus / "bakhmut")
    shutil.copytree(ROOT / "tests" / "cases" / "conflict-across-articles" / "articles", corpus / "other")
    rules = (str(ROOT / "rules"),)
    local = render_json.render(run(Options((str(corpus),), rules, local_rules=False, cache=False, jobs=1)))
    cache = tmp_path / "cache"

    def dask(scheduler: str) -> str:
        return render_json.render(
            run(Options((str(corpus),), rules, local_rules=False, cache_dir=str(cache), engine="dask", scheduler=scheduler))
        )

    cold = dask(cluster.scheduler_address)
    assert cold == local
    assert '"kind": "conflict"' in local and '"kind": "rule"' in local
    assert len(list((cache / "runs").rglob("*.memo"))) == 1  # a Dask run keeps its memo, as a local run does
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    assert dask("tcp://127.0.0.1:9") == local  # the re-run finds the memo: it never reaches a cluster
    shutil.rmtree(cache / "runs")
    warm = dask(cluster.scheduler_address)
    assert warm == local  # every claim from the cache, checked as a local run checks them


def test_unreachable_scheduler_is_a_usage_error(run_numcheck, tmp_path: Path, monkeypatch) -> None:
    from numcheck.run import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    code, _, err = run_numcheck([str(tmp_path), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--no-cache"])
    assert code == 2 and "--scheduler tcp://127.0.0.1:9: cannot connect" in err


@pytest.mark.filterwarnings("ignore:Port 8787 is already in use")
def test_a_bug_on_one_article_skips_it_on_dask_too(tmp_path: Path, bug_on_bad_txt) -> None:
    """Workers in this process (threads), so that the bug planted here is theirs too."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "bad.txt").write_text("Five people were killed.\n", encoding="utf-8")
    (tmp_path / "news" / "good.txt").write_text("Three people were killed.\n", encoding="utf-8")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=logging.ERROR
    ) as threads:
        report = run(
            Options(
                (str(tmp_path / "news"),),
                local_rules=False,
                cache_dir=str(tmp_path / "cache"),
                engine="dask",
                scheduler=threads.scheduler_address,
            )
        )
    assert [a.path.rsplit("/", 1)[1] for a in report.articles] == ["good.txt"]
    assert [s.path.rsplit("/", 1)[1] for s in report.skipped] == ["bad.txt"]
    assert any("bad.txt: not checked: numcheck failed on it (ZeroDivisionError" in n for n in report.notes)
    assert len(report.claims) == 1
