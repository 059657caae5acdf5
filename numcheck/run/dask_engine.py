"""The Dask engine (`--engine dask`): extract_one as a Dask bag over a cluster's workers.

For archives too big for one machine's cores. The client reads the files and consults the cache
(engine.py, as for the local engine), so the workers need neither the files nor the cache
folder: they extract the articles the cache does not have, and the client writes their cache
entries as their partitions come back. The checks then run on the client, as for a local run,
and a re-run over unchanged files finds its memo. The report is the local engine's, byte for
byte, so workers must run the same numcheck: their source hash is checked first. Needs
`pip install 'numcheck[dask]'`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Generator, Iterable

from numcheck.run.engine import Misses, Outcome, extract_many, store_entry
from numcheck.store.cache import Cache, source_hash
from numcheck.errors import UsageError
from numcheck.model import TYPE_CHECKING, Article
from numcheck.rules.rulebook import RuleBook

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

_PARTITION_CHARS = 200_000  # article text per extraction task
CONNECT_TIMEOUT = "15s"  # how long to try reaching --scheduler


class DaskRunner:
    """engine.Runner on a Dask cluster: the given scheduler's, or local worker processes (`jobs`)."""

    def __init__(self, scheduler: str | None = None, jobs: int | None = None) -> None:
        self.scheduler, self.jobs = scheduler, jobs

    def map(self, misses: Misses, book: RuleBook, cache: Cache | None, total: int) -> Generator[Outcome, None, None]:
        try:
            import dask.bag as db  # lazy: dask, an optional dependency
            from distributed import Client, LocalCluster, as_completed  # lazy: dask, an optional dependency
        except ImportError:
            raise UsageError("--engine dask needs Dask: pip install 'numcheck[dask]'") from None
        todo = {article.path: (article, key) for article, key in misses}  # every file is read before the cluster works
        with _client(self.scheduler, self.jobs, Client, LocalCluster) as client:
            _same_code(client)
            if not todo:
                return
            articles = [article for article, _ in todo.values()]
            bag = db.from_sequence(articles, npartitions=_partitions(articles, client)).map_partitions(_extract, book)
            for part in as_completed(client.compute(bag.to_delayed())):
                for outcome in part.result():
                    if outcome.failed is None:  # the workers have no cache: the client writes the entry
                        article, key = todo[outcome.path]
                        outcome = outcome._replace(notes=outcome.notes + store_entry(cache, article, key, outcome.claims))
                    yield outcome


class _client:
    """A client of the given scheduler, or of a cluster of local worker processes on loopback."""

    def __init__(
        self, scheduler: str | None, jobs: int | None, client_type: type[Client], cluster_type: type[LocalCluster]
    ) -> None:
        self.scheduler, self.jobs = scheduler, jobs
        self.client_type, self.cluster_type = client_type, cluster_type
        self.cluster: LocalCluster | None = None

    def __enter__(self) -> Client:
        if self.scheduler:
            try:
                self.client = self.client_type(self.scheduler, timeout=CONNECT_TIMEOUT)
            except OSError as exc:
                raise UsageError(f"--scheduler {self.scheduler}: cannot connect ({exc})") from None
        else:
            self.cluster = self.cluster_type(
                n_workers=self.jobs or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = self.client_type(self.cluster)
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _same_code(client: Client) -> None:
    """Workers running other numcheck code would give other claims: refuse rather than mix them."""
    theirs = set(client.run(source_hash).values())
    if theirs - {source_hash()}:
        raise UsageError("the Dask workers run a different numcheck (source hash differs): install the same version there")


def _workers(client: Client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _partitions(articles: list[Article], client: Client) -> int:
    chars = sum(len(a.text) for a in articles)
    return max(1, min(len(articles), max(_workers(client) * 2, chars // _PARTITION_CHARS)))


def _extract(articles: Iterable[Article], book: RuleBook) -> list[Outcome]:
    """A partition of articles, extracted on a worker (no cache there: the client writes it)."""
    return extract_many([(a, None) for a in articles], book, None)
