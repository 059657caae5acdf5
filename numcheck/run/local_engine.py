"""The local engine (`--engine local`, the default): extract_one on every core of this machine.

The articles the cache does not have (engine.py) are extracted in this process while they are
few, and in a pool of worker processes (one per core, `--jobs N`) once they add up to more text
than a worker's start-up is worth. Workers write their cache entries themselves; outcomes come
back in any order, as workers finish, while the main process goes on reading.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

from numcheck.extract import quantities
from numcheck.run.engine import Misses, Outcome, extract_many, extract_one, preload_parser
from numcheck.store.cache import Cache, source_hash
from numcheck.model import Article
from numcheck.rules.rulebook import RuleBook

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext
    from typing import TypedDict

    class Worker(TypedDict, total=False):
        """What a worker process keeps from its start (_init)."""

        book: RuleBook
        cache: Cache | None
        same_code: bool  # its source is the main process's


#: Text a pool must have to extract before it is started: below it, one process is faster,
#: because each worker pays the parser's start-up. Tests set it to 0 to force a pool.
POOL_MIN_CHARS = 150_000
_CHUNK_CHARS = 40_000  # text sent to a worker at once: big enough to amortise the round trip
_IN_FLIGHT = 3  # chunks queued per worker: keeps workers busy and the main process's memory bounded


class LocalRunner:
    """engine.Runner on this machine: in this process, or a pool of `jobs` processes (None = every core)."""

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = jobs or os.cpu_count() or 1

    def map(self, misses: Misses, book: RuleBook, cache: Cache | None, total: int) -> Generator[Outcome, None, None]:
        pending: list[tuple[Article, str | None]] = []
        pending_chars = 0
        pool: _Pool | None = None
        try:
            for article, key in misses:
                if self.jobs == 1:
                    yield extract_one(article, key, book, cache)
                    continue
                pending.append((article, key))
                pending_chars += len(article.text)
                if pool is None and pending_chars >= POOL_MIN_CHARS:
                    pool = _Pool(self.jobs, book, cache, _chunk_chars(pending_chars / len(pending) * total, self.jobs))
                if pool is not None:
                    yield from pool.submit(pending)
                    pending = []
            if pool is not None:
                yield from pool.finish()
        finally:
            if pool is not None:
                pool.close()
        for article, key in pending:
            yield extract_one(article, key, book, cache)


def _chunk_chars(total_chars: float, jobs: int) -> int:
    """Text sent to a worker at once: at most _CHUNK_CHARS, and small enough for 8 chunks a worker,
    so that on a small corpus no worker idles long while another finishes the last chunk."""
    return int(min(_CHUNK_CHARS, max(5_000, total_chars / (jobs * 8))))


class _Pool:
    """Worker processes extracting chunks of articles, with a bounded number of chunks queued."""

    def __init__(self, jobs: int, book: RuleBook, cache: Cache | None, chunk_chars: int) -> None:
        from concurrent.futures import ProcessPoolExecutor  # lazy: a warm run never needs a pool

        self.jobs, self.chunk_chars = jobs, chunk_chars
        self.executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=_context(), initializer=_init, initargs=(book, cache, source_hash())
        )
        self.running: set[Future] = set()
        self.chunk: list[tuple[Article, str | None]] = []
        self.chars = 0

    def submit(self, items: list[tuple[Article, str | None]]) -> Iterator[Outcome]:
        """Queue the articles; the outcomes of chunks that finished while waiting for room."""
        for article, key in items:
            self.chunk.append((article, key))
            self.chars += len(article.text)
            if self.chars >= self.chunk_chars:
                yield from self._send()

    def _send(self) -> Iterator[Outcome]:
        if not self.chunk:
            return
        while len(self.running) >= self.jobs * _IN_FLIGHT:
            yield from self._collect(_first_done(self.running))
        self.running.add(self.executor.submit(_work, self.chunk))
        self.chunk, self.chars = [], 0

    def _collect(self, done: set[Future]) -> Iterator[Outcome]:
        for future in done:
            self.running.discard(future)
            yield from future.result()

    def finish(self) -> Iterator[Outcome]:
        """The outcomes of everything queued."""
        yield from self._send()
        while self.running:
            yield from self._collect(_first_done(self.running))

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _first_done(running: set[Future]) -> set[Future]:
    from concurrent.futures import FIRST_COMPLETED, wait  # lazy: loaded with the pool, which a warm run never starts

    return wait(running, return_when=FIRST_COMPLETED).done


_WORKER: Worker = {}


def _init(book: RuleBook, cache: Cache | None, code: str) -> None:
    """A worker's start: the rules, the cache, and the parser loaded before the first chunk."""
    _WORKER["book"], _WORKER["cache"], _WORKER["same_code"] = book, cache, source_hash() == code
    preload_parser()
    quantities.parse("1 km")  # quantulum3, loaded once in the fork server (parser_ready.py)


def _work(chunk: list[tuple[Article, str | None]]) -> list[Outcome]:
    if not _WORKER["same_code"]:  # its claims would be cached under the other code's fingerprint
        raise RuntimeError("numcheck's source files changed during the run; run it again")
    book, cache = _WORKER["book"], _WORKER["cache"]
    return extract_many(chunk, book, cache)


def _context() -> BaseContext:
    """A fork server where there is one: workers fork from a clean, single-threaded process that
    has loaded the parser once for all of them (parser_ready.py)."""
    import multiprocessing  # lazy: loaded with the pool, which a warm run never starts

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["numcheck.run.local_engine", "numcheck.attribute.claims", "numcheck.run.parser_ready"])
        return ctx
    return multiprocessing.get_context("spawn")
