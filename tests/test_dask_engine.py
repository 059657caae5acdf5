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
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as c:
        yield c


def test_dask_engine_gives_the_local_bytes(cluster, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus / "bakhmut")
    shutil.copytree(ROOT / "tests" / "cases" / "conflict-across-articles" / "articles", corpus / "other")
    rules = (str(ROOT / "rules"),)
    local = render_json.render(run(Options((str(corpus),), rules, local_rules=False, cache=False, jobs=1)))
    cache_dir = str(tmp_path / "cache")
    cold = render_json.render(run(Options((str(corpus),), rules, local_rules=False, cache_dir=cache_dir,
                                          engine="dask", scheduler=cluster.scheduler_address)))
    assert cold == local
    assert '"kind": "conflict"' in local and '"kind": "rule"' in local
    warm = render_json.render(run(Options((str(corpus),), rules, local_rules=False, cache_dir=cache_dir,
                                          engine="dask", scheduler=cluster.scheduler_address)))
    assert warm == local  # claims from the cache, grouped and compared on the cluster


def test_unreachable_scheduler_is_a_usage_error(run_numcheck, tmp_path: Path, monkeypatch) -> None:
    from numcheck.run import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    code, _, err = run_numcheck([str(tmp_path), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--no-cache"])
    assert code == 2 and "--scheduler tcp://127.0.0.1:9: cannot connect" in err
