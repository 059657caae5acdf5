"""The Dask engine (`--engine dask`): extraction as a bag over the articles, comparison as a shuffle.

For archives too big for one machine's cores. The client reads the files and consults the cache
exactly as the local engine does (engine.py), so the workers need neither the files nor the
cache folder; the articles the cache does not have are extracted as a Dask bag; every claim then
goes through one shuffle that brings the claims of each comparison group (compare.groups) to one
partition, where the group is compared; rule checks run on the partitions of claims. One
compute runs it all. The report is the local engine's, byte for byte, so workers must run the
same numcheck: their source hash is checked first. Needs `pip install 'numcheck[dask]'`.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from numcheck.check import checks
from numcheck.run import engine
from numcheck.store.cache import source_hash
from numcheck.errors import UsageError
from numcheck.model import Article, Claim, Finding
from numcheck.rules.rulebook import RuleBook

_PARTITION_CHARS = 200_000  # article text per extraction task
CONNECT_TIMEOUT = "15s"  # how long to try reaching --scheduler


def check(found: list[tuple[str, str | None]], date: dt.date | None, book: RuleBook, settings: engine.Settings,
          scheduler: str | None) -> tuple[engine.Extraction, tuple[Claim, ...], list[Finding], frozenset[str]]:
    """Read, extract (on the cluster), check and compare; the same results as the local engine."""
    try:
        import dask
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'numcheck[dask]'") from None
    out = engine.Extraction()
    cache = engine.open_cache(settings.cache_dir, book, out)
    misses: list[tuple[Article, str | None]] = []
    for article in engine.read(found, date, out, cache):
        out.articles.append(engine.kept(article, settings))
        key, hit = engine.cached(cache, article, out)
        if hit is None:
            misses.append((article, key))
        else:
            out.claims[article.path] = hit
    with _client(scheduler, settings.jobs, Client, LocalCluster) as client:
        _same_code(client)
        extracted = db.from_sequence([a for a, _ in misses], npartitions=_partitions(misses, client))
        extracted = extracted.map_partitions(_extract, book)
        known = db.from_sequence(list(out.claims.values()) or [[]], npartitions=max(1, _workers(client)))
        claims = db.concat([known.flatten(), extracted.pluck(1).flatten()])
        rules = claims.map_partitions(_rule_findings, book)
        keyed = claims.map(_keyed, book).filter(_has_key)
        shuffled = keyed.groupby(_key_of, shuffle="tasks").map(_compare_group, book)
        done, rule_results, group_results = dask.compute(extracted, rules, shuffled)
    for (article, key), outcome in zip(misses, done):
        if outcome.failed is None:  # the workers have no cache: the client writes the entry
            outcome = outcome._replace(notes=outcome.notes + engine.store_entry(cache, article, key, outcome.claims))
        engine._record(out, outcome)  # an article numcheck failed on is skipped, as locally
    _, _, ordered = out.ordered()
    findings = [f for kind, f in rule_results if kind == "finding"]
    matched = {cid for kind, cid in rule_results if kind == "matched"}
    for _, group_findings, group_matched in sorted(group_results, key=lambda g: g[0]):
        findings += group_findings
        matched.update(group_matched)
    return out, ordered, findings, frozenset(matched)


class _client:
    """A client of the given scheduler, or of a cluster of local worker processes on loopback."""

    def __init__(self, scheduler: str | None, jobs: int | None, client_type, cluster_type) -> None:  # type: ignore[no-untyped-def]
        self.scheduler, self.jobs = scheduler, jobs
        self.client_type, self.cluster_type = client_type, cluster_type
        self.cluster = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if self.scheduler:
            try:
                self.client = self.client_type(self.scheduler, timeout=CONNECT_TIMEOUT)
            except OSError as exc:
                raise UsageError(f"--scheduler {self.scheduler}: cannot connect ({exc})") from None
        else:
            import os

            self.cluster = self.cluster_type(n_workers=self.jobs or os.cpu_count() or 1, threads_per_worker=1,
                                             processes=True, host="127.0.0.1", dashboard_address=None,
                                             silence_logs=logging.ERROR)
            self.client = self.client_type(self.cluster)
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _same_code(client) -> None:  # type: ignore[no-untyped-def]
    """Workers running other numcheck code would give other claims: refuse rather than mix them."""
    theirs = set(client.run(source_hash).values())
    if theirs - {source_hash()}:
        raise UsageError("the Dask workers run a different numcheck (source hash differs): install the same version there")


def _workers(client) -> int:  # type: ignore[no-untyped-def]
    return max(1, len(client.scheduler_info().get("workers", {})))


def _partitions(misses: list[tuple[Article, str | None]], client) -> int:  # type: ignore[no-untyped-def]
    chars = sum(len(a.text) for a, _ in misses)
    return max(1, min(len(misses), max(_workers(client) * 2, chars // _PARTITION_CHARS)))


def _extract(articles: Iterable[Article], book: RuleBook) -> list[engine.Outcome]:
    """A partition of articles, extracted on a worker (no cache there: the client writes it), with
    each article's notes (a failure to read one skips it on the client, as the local engine does)."""
    return [engine.extract_one(a, None, book, None) for a in articles]


def _rule_findings(claims: Iterable[Claim], book: RuleBook) -> list[tuple[str, object]]:
    """Rule findings of a partition of claims, and the ids of claims a fact applies to."""
    part = list(claims)
    out: list[tuple[str, object]] = [("finding", f) for f in checks.check(part, book)]
    out += [("matched", c.id) for c in part if any(checks.applies(f, c, book) for f in book.facts)]
    return out


def _keyed(claim: Claim, book: RuleBook) -> tuple[tuple | None, Claim]:
    """(the claim's comparison group as compare.groups makes it, or None: never compared; the claim)."""
    return next(iter(engine.groups([claim], book)), None), claim


def _has_key(item: tuple[tuple | None, Claim]) -> bool:
    return item[0] is not None


def _key_of(item: tuple[tuple | None, Claim]) -> tuple | None:
    return item[0]


def _compare_group(item: tuple[tuple, list[tuple[tuple, Claim]]], book: RuleBook) -> tuple[tuple, list[Finding], list[str]]:
    """One group's findings, and its claims' ids when it spans more than one article."""
    key, keyed = item
    members = [c for _, c in keyed]
    ids = [c.id for c in members] if len({c.path for c in members}) > 1 else []
    return tuple("" if k is None else str(k) for k in key), list(engine.cross_article(members, book)), ids
