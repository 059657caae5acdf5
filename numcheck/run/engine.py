"""Every article's claims: from the cache when the article is unchanged, else extracted on every core.

The per-article work is `claims.claims(article, book)`. Articles are read in the main process
(their content hash is the cache key); a hit costs a JSON read and never imports quantulum3. Misses
are extracted in this process while they are few, and in a pool of worker processes (one per core,
`--jobs N`) once they add up to more text than a worker's start-up is worth. Workers write their
cache entries themselves; results come back in any order and are put in path order, so the claims
are the same, byte for byte, whatever the number of jobs.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from numcheck.check import compare
from numcheck.run import progress
from numcheck.extract import quantities
from numcheck.read import files
from numcheck.store import readcache
from numcheck.store.claimbuild import Builder
from numcheck.store.claimstore import ClaimStore
from numcheck.store.cache import Cache, CorruptEntry, source_hash
from numcheck.model import Article, Claim, Finding, Skipped
from numcheck.rules.rulebook import RuleBook
from numcheck.report.suppress import MARKDOWN

if TYPE_CHECKING:
    from concurrent.futures import Future

#: Text a pool must have to extract before it is started: below it, one process is faster,
#: because each worker pays the parser's start-up. Tests set it to 0 to force a pool.
POOL_MIN_CHARS = 150_000
_CHUNK_CHARS = 40_000  # text sent to a worker at once: big enough to amortise the round trip
_IN_FLIGHT = 3  # chunks queued per worker: keeps workers busy and the main process's memory bounded


@dataclass(frozen=True, slots=True)
class Settings:
    """How a run extracts: jobs (None = every core), cache folder (None = no cache), progress bar,
    and whether the report keeps the articles' texts."""

    jobs: int | None = None
    cache_dir: str | None = None
    progress: bool = False
    keep_text: bool = True  # False: an article's text is dropped once its claims are read (see kept)


@dataclass(slots=True)
class Extraction:
    """What reading and extracting gave, in path order, with the notes a run prints."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    claims: Builder = field(default_factory=Builder)  # each article's claims, by path
    warnings: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    cache_notes: list[str] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)  # path -> sha256 of the bytes checked

    def notes(self) -> tuple[str, ...]:
        return (tuple(f"warning: {w}" for w in self.warnings) + tuple(f"error: {u}" for u in self.unreadable)
                + tuple(f"warning: {n}" for n in dict.fromkeys(self.cache_notes)))

    def ordered(self) -> tuple[tuple[Article, ...], tuple[Skipped, ...], ClaimStore]:
        """Articles, skipped files and claims in path order (the claims leave the builder)."""
        articles = tuple(sorted(self.articles, key=lambda a: a.path))
        claims = self.claims.seal(a.path for a in articles)
        return articles, tuple(sorted(self.skipped, key=lambda s: s.path)), claims


def read(found: list[tuple[str, str | None]], date: dt.date | None, into: Extraction,
         cache: Cache | None = None) -> Iterator[Article]:
    """The articles among the files found, read one at a time (an unchanged one without reading its
    front matter again, readcache.py); skipped files go into `into`."""
    for path, reason in found:
        if reason is not None:
            into.skipped.append(Skipped(path, reason))
            if files.incomplete(reason):  # a folder that cannot be read hides what is in it: exit 2
                into.unreadable.append(f"{path}: {reason}")
            continue
        loaded, note = readcache.load(path, date, cache)
        into.cache_notes.extend([note] if note else [])
        into.skipped.extend(loaded.skipped)
        into.warnings.extend(loaded.warnings)
        into.unreadable.extend(loaded.unreadable)
        into.digests.update(loaded.digests)
        yield from loaded.articles


def open_cache(directory: str | None, book: RuleBook, into: Extraction) -> Cache | None:
    """The cache, or None (with a note) when its folder cannot be made: a run never fails for it."""
    if directory is None:
        return None
    try:
        return Cache.open(directory, book)
    except OSError as exc:
        into.cache_notes.append(f"cache disabled: {directory}: {exc.strerror or exc}")
        return None


def cached(cache: Cache | None, article: Article, into: Extraction) -> tuple[str | None, list[Claim] | None]:
    """(the article's cache key, its cached claims or None); a corrupt entry is noted and dropped."""
    if cache is None:
        return None, None
    key = cache.key(article)
    try:
        return key, cache.load(article, key)
    except CorruptEntry as exc:
        into.cache_notes.append(f"cache entry for {article.path} was unreadable ({exc}); rebuilt")
        cache.discard(key)
        return key, None


def extract(found: list[tuple[str, str | None]], date: dt.date | None, book: RuleBook, settings: Settings) -> Extraction:
    """Read every article among the files found (`discover`) and give its claims, from the cache or extracted."""
    out = Extraction()
    cache = open_cache(settings.cache_dir, book, out)
    jobs = settings.jobs or os.cpu_count() or 1
    total = sum(1 for _, r in found if r is None)
    with progress.bar(total, settings.progress) as bar:
        pending: list[tuple[Article, str | None]] = []
        pending_chars = 0
        pool: _Pool | None = None
        for article in read(found, date, out, cache):
            out.articles.append(kept(article, settings))
            key, hit = cached(cache, article, out)
            if hit is not None:
                _record(out, bar, article.path, hit, [])
            elif jobs == 1:
                _record(out, bar, article.path, *extract_one(article, key, book, cache))
            else:
                pending.append((article, key))
                pending_chars += len(article.text)
                if pool is None and pending_chars >= POOL_MIN_CHARS:
                    pool = _Pool(jobs, book, cache, out, bar, _chunk_chars(pending_chars / len(pending) * total, jobs))
                if pool is not None:
                    pool.submit(pending)
                    pending = []
        if pool is not None:
            pool.finish()
        for article, key in pending:
            _record(out, bar, article.path, *extract_one(article, key, book, cache))
    return out


def kept(article: Article, settings: Settings) -> Article:
    """The article as the report keeps it: without its text unless asked to keep it (the HTML
    report shows it), or unless it is Markdown with a comment (a suppression reads its text), so
    that memory grows with claims, not with text."""
    if settings.keep_text or article.path.lower().endswith(MARKDOWN) and "<!--" in article.text:
        return article
    return replace(article, text="")


def extract_one(article: Article, key: str | None, book: RuleBook, cache: Cache | None) -> tuple[list[Claim], list[str]]:
    """One article's claims, written to the cache when there is one; notes for what went wrong."""
    from numcheck.attribute.claims import claims  # lazy: quantulum3 and the attribution, loaded in the workers that extract

    preload_parser()
    try:
        found = claims(article, book)
    except Exception as exc:  # a bug in numcheck: this article is skipped and says why, the rest is checked
        if os.environ.get("NUMCHECK_DEBUG"):
            raise
        return [], [f"{_FAILED}{article.path}: not checked: numcheck failed on it ({type(exc).__name__}: {exc}); "
                    "please report it with the file"]
    notes = []
    if cache is not None and key is not None:
        try:
            cache.store(article, key, found)
        except OSError as exc:
            notes.append(f"cache not written: {cache.root}: {exc.strerror or exc}")
    return found, notes


def _record(out: Extraction, bar, path: str, found: list[Claim], notes: list[str]) -> None:  # type: ignore[no-untyped-def]
    out.claims[path] = found
    record_notes(out, path, notes)
    bar.update()


_FAILED = "\0failed\0"  # marks extract_one's note that the article could not be checked


def record_notes(out: Extraction, path: str, notes: list[str]) -> None:
    """One article's notes into the run: cache problems are warnings; a failure to read it skips
    the article (exit 2: the check is incomplete) and names it, and the other articles are checked."""
    for note in notes:
        if note.startswith(_FAILED):
            line = note[len(_FAILED):]
            out.articles = [a for a in out.articles if a.path != path]
            out.claims.pop(path, None)
            out.skipped.append(Skipped(path, line.split(": ", 1)[1]))
            out.unreadable.append(line)
        else:
            out.cache_notes.append(note)


def cross_article(claims: list[Claim], book: RuleBook) -> Iterator[Finding]:
    """compare.compare with what it needs from the rules: the one call both engines make."""
    return compare.compare(claims, book.needs_entity, book.cumulative)


def groups(claims: list[Claim], book: RuleBook) -> dict[tuple, list[Claim]]:
    """compare.groups with what it needs from the rules: the groups both engines compare."""
    return compare.groups(claims, book.needs_entity)


def _chunk_chars(total_chars: float, jobs: int) -> int:
    """Text sent to a worker at once: at most _CHUNK_CHARS, and small enough for 8 chunks a worker,
    so that on a small corpus no worker idles long while another finishes the last chunk."""
    return int(min(_CHUNK_CHARS, max(5_000, total_chars / (jobs * 8))))


def preload_parser() -> None:
    """Load inflect the fast way before a worker extracts (see quantities.load_inflect)."""
    quantities.load_inflect()


class _Pool:
    """Worker processes extracting chunks of articles, with a bounded number of chunks queued."""

    def __init__(self, jobs: int, book: RuleBook, cache: Cache | None, out: Extraction, bar,  # type: ignore[no-untyped-def]
                 chunk_chars: int) -> None:
        from concurrent.futures import ProcessPoolExecutor  # here: a warm run never needs a pool

        self.jobs, self.out, self.bar, self.chunk_chars = jobs, out, bar, chunk_chars
        self.executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init,
                                            initargs=(book, cache, source_hash()))
        self.running: set[Future] = set()
        self.chunk: list[tuple[Article, str | None]] = []
        self.chars = 0

    def submit(self, items: list[tuple[Article, str | None]]) -> None:
        for article, key in items:
            self.chunk.append((article, key))
            self.chars += len(article.text)
            if self.chars >= self.chunk_chars:
                self._send()

    def _send(self) -> None:
        if not self.chunk:
            return
        while len(self.running) >= self.jobs * _IN_FLIGHT:
            self._collect(_first_done(self.running))
        self.running.add(self.executor.submit(_work, self.chunk))
        self.chunk, self.chars = [], 0

    def _collect(self, done: Iterable[Future]) -> None:
        for future in done:
            self.running.discard(future)
            for path, found, notes in future.result():
                _record(self.out, self.bar, path, found, notes)

    def finish(self) -> None:
        try:
            self._send()
            while self.running:
                self._collect(_first_done(self.running))
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)


def _first_done(running: set[Future]) -> set[Future]:
    from concurrent.futures import FIRST_COMPLETED, wait

    return wait(running, return_when=FIRST_COMPLETED).done


_WORKER: dict[str, object] = {}


def _init(book: RuleBook, cache: Cache | None, code: str) -> None:
    """A worker's start: the rules, the cache, and the parser loaded before the first chunk."""
    _WORKER["book"], _WORKER["cache"], _WORKER["same_code"] = book, cache, source_hash() == code
    preload_parser()
    from numcheck.extract import quantities  # lazy: quantulum3, loaded once in the fork server

    quantities.parse("1 km")


def _work(chunk: list[tuple[Article, str | None]]) -> list[tuple[str, list[Claim], list[str]]]:
    if not _WORKER["same_code"]:  # its claims would be cached under the other code's fingerprint
        raise RuntimeError("numcheck's source files changed during the run; run it again")
    book, cache = _WORKER["book"], _WORKER["cache"]
    return [(a.path, *extract_one(a, key, book, cache)) for a, key in chunk]  # type: ignore[arg-type]


def _context():  # type: ignore[no-untyped-def]
    """A fork server where there is one: workers fork from a clean, single-threaded process that
    has loaded the parser once for all of them (parser_ready.py)."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["numcheck.run.engine", "numcheck.attribute.claims", "numcheck.extract.parser_ready"])
        return ctx
    return multiprocessing.get_context("spawn")
