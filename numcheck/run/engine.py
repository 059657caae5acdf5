"""The one runner: every article's claims, from the cache when it is unchanged, else extracted by an engine.

Articles are read in the main process (their content hash is the cache key); a hit costs a JSON
read, never imports quantulum3 and never reaches an engine. The articles the cache does not have
go to a `Runner`: local_engine.LocalRunner (this machine's cores) or dask_engine.DaskRunner (a
Dask cluster's workers). Both apply the one per-article function, `extract_one`, and give back
each article's `Outcome` in any order. Everything else is done here, once, for both: reading, the
cache's reads, filling the claim store, the notes (an article numcheck failed on is skipped,
named) and the progress bar. Claims are put in path order, so they are the same, byte for byte,
whatever the engine and the number of jobs; the checks then run on them (pipeline.check).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from typing import NamedTuple, Protocol

from numcheck.run import progress
from numcheck.extract import quantities
from numcheck.read import files
from numcheck.store import readcache
from numcheck.store.claimbuild import Builder
from numcheck.store.claimstore import ClaimStore
from numcheck.store.cache import Cache, CorruptEntry, Entry
from numcheck.model import Article, Claim, Skipped
from numcheck.rules.rulebook import RuleBook
from numcheck.report.suppress import MARKDOWN


@dataclass(frozen=True, slots=True)
class Settings:
    """How a run reads: cache folder (None = no cache), progress bar, and whether the report keeps
    the articles' texts (how many jobs extract is the runner's)."""

    cache_dir: str | None = None
    progress: bool = False
    keep_text: bool = True  # False: an article's text is dropped once its claims are read (see kept)


class Outcome(NamedTuple):
    """What extract_one gives for one article: its claims and its notes (a cache entry not written),
    or, when numcheck failed on it, the line saying so (the article is then skipped)."""

    path: str
    claims: list[Claim]
    notes: list[str]
    failed: str | None = None


#: The articles the cache does not have, each with its cache key (None without a cache).
Misses = Iterable[tuple[Article, str | None]]


class Runner(Protocol):
    """An engine: extract_one applied to each article the cache does not have."""

    def map(self, misses: Misses, book: RuleBook, cache: Cache | None, total: int) -> Generator[Outcome, None, None]:
        """Each article's Outcome, in any order, its cache entry written (store_entry). `misses`
        is consumed as the articles are read; `total` is how many articles the run found. Closing
        the generator stops the work."""
        ...


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
        """Warnings as the articles were read, then errors and cache notes sorted: workers add
        theirs in the order they finish, which is no order, and a report's bytes must not show it."""
        return (
            tuple(f"warning: {w}" for w in self.warnings)
            + tuple(f"error: {u}" for u in sorted(self.unreadable))
            + tuple(f"warning: {n}" for n in sorted(set(self.cache_notes)))
        )

    def ordered(self) -> tuple[tuple[Article, ...], tuple[Skipped, ...], ClaimStore]:
        """Articles, skipped files and claims in path order (the claims leave the builder)."""
        articles = tuple(sorted(self.articles, key=lambda a: a.path))
        claims = self.claims.seal(a.path for a in articles)
        return articles, tuple(sorted(self.skipped, key=lambda s: s.path)), claims


def extract(
    found: list[tuple[str, str | None]], date: dt.date | None, book: RuleBook, settings: Settings, runner: Runner
) -> Extraction:
    """Read every article among the files found (`discover`) and give its claims, from the cache or
    extracted by the runner."""
    out = Extraction()
    cache = open_cache(settings.cache_dir, book, out)
    total = sum(1 for _, r in found if r is None)
    with progress.bar(total, settings.progress) as bar:

        def misses() -> Iterator[tuple[Article, str | None]]:
            for article in read(found, date, out, cache):
                out.articles.append(kept(article, settings))
                key, hit = cached(cache, article, out)
                if hit is None:
                    yield article, key
                else:
                    out.claims[article.path] = hit
                    bar.update()

        with closing(runner.map(misses(), book, cache, total)) as outcomes:
            for outcome in outcomes:
                _record(out, outcome)
                bar.update()
    return out


def read(
    found: list[tuple[str, str | None]], date: dt.date | None, into: Extraction, cache: Cache | None = None
) -> Iterator[Article]:
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


def cached(cache: Cache | None, article: Article, into: Extraction) -> tuple[str | None, Entry | None]:
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


def kept(article: Article, settings: Settings) -> Article:
    """The article as the report keeps it: without its text unless asked to keep it (the HTML
    report shows it), or unless it is Markdown with a comment (a suppression reads its text), so
    that memory grows with claims, not with text."""
    if settings.keep_text or article.path.lower().endswith(MARKDOWN) and "<!--" in article.text:
        return article
    return replace(article, text="")


def extract_one(article: Article, key: str | None, book: RuleBook, cache: Cache | None) -> Outcome:
    """The per-article step, wherever an engine runs it: one article's claims, written to the cache
    when there is one here (store_entry); a bug in numcheck on it is its Outcome's `failed`."""
    from numcheck.attribute.claims import claims  # lazy: quantulum3 and the attribution, loaded in the workers that extract

    preload_parser()
    try:
        found = claims(article, book)
    except Exception as exc:  # a bug in numcheck: this article is skipped and says why, the rest is checked
        return _failed(article, exc)
    return Outcome(article.path, found, store_entry(cache, article, key, found))


#: Texts parsed at once by extract_many: well under the parses a process keeps (parse.KEPT).
_BATCH_TEXTS = 500


def extract_many(items: list[tuple[Article, str | None]], book: RuleBook, cache: Cache | None) -> list[Outcome]:
    """extract_one on each article of a chunk, the same outcomes, with the sentences they parse
    parsed together: each distinct text once, in one call of the pipeline (nlp.pipe), instead of a
    call an article (spaCy's fixed cost a call, and the same wire copy in many papers). A parse
    does not depend on its batch (parse.py), so each article's claims are extract_one's."""
    from numcheck.attribute import parse  # lazy: as in extract_one
    from numcheck.attribute.claims import framed, to_parse, unframed  # lazy: as in extract_one

    preload_parser()
    out: list[Outcome] = []
    group: list[tuple[Article, str | None, tuple[list[Claim], str] | Exception]] = []
    texts: dict[tuple[str, bool], list[str]] = {}  # (language, names only) -> texts to parse
    for n, (article, key) in enumerate(items, 1):
        first: tuple[list[Claim], str] | Exception
        try:
            found, lang = first = unframed(article, book)
            opening, sentences = to_parse(article, found)
            texts.setdefault((lang, True), []).extend(opening)
            texts.setdefault((lang, False), []).extend(sentences)
        except Exception as exc:  # said by its Outcome, as extract_one says it
            first = exc
        group.append((article, key, first))
        if n < len(items) and sum(map(len, texts.values())) < _BATCH_TEXTS:
            continue
        for (lang, names_only), batch in texts.items():
            try:
                parse.parse_many(batch, lang, names_only)  # kept: each article's own calls below find their parses
            except Exception:  # noqa: S110 - each article's own call below meets it again and says so
                pass
        for article, key, first in group:
            if isinstance(first, Exception):
                out.append(_failed(article, first))
                continue
            try:
                found = framed(article, *first, book)
            except Exception as exc:
                out.append(_failed(article, exc))
                continue
            out.append(Outcome(article.path, found, store_entry(cache, article, key, found)))
        group, texts = [], {}
    return out


def _failed(article: Article, exc: Exception) -> Outcome:
    """The outcome of an article numcheck failed on: skipped, and said why (NUMCHECK_DEBUG raises)."""
    if os.environ.get("NUMCHECK_DEBUG"):
        raise exc
    return Outcome(
        article.path,
        [],
        [],
        f"{article.path}: not checked: numcheck failed on it ({type(exc).__name__}: {exc}); please report it with the file",
    )


def store_entry(cache: Cache | None, article: Article, key: str | None, found: list[Claim]) -> list[str]:
    """Write an article's claims to the cache, if there is one; a note when it cannot be written."""
    if cache is None or key is None:
        return []
    try:
        cache.store(article, key, found)
    except OSError as exc:
        return [f"cache not written: {cache.root}: {exc.strerror or exc}"]
    return []


def _record(out: Extraction, outcome: Outcome) -> None:
    """One article's outcome into the run: its claims, or, when numcheck failed on it, the article
    skipped (exit 2: the check is incomplete) and named; cache problems are warnings."""
    path, found, notes, failed = outcome
    if failed is None:
        out.claims[path] = found
    else:
        out.articles = [a for a in out.articles if a.path != path]
        out.skipped.append(Skipped(path, failed.split(": ", 1)[1]))
        out.unreadable.append(failed)
    out.cache_notes.extend(notes)


def preload_parser() -> None:
    """Load inflect the fast way before a worker extracts (see quantities.load_inflect)."""
    quantities.load_inflect()
