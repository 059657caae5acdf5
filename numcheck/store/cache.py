"""The claims cache: an article's claims kept on disk, so an unchanged article is never read twice.

An entry is keyed by everything an article's claims depend on:

- the article's text and what its front matter or name says about it (date, title, source,
  lang, where the body starts), but not its path or story: a moved file still hits, and the
  path and story are put back in when the entry is read;
- the rules' vocabulary (measures, entities, events, times, people). Facts and constraints are
  checked on every run and never cached, so editing a fact reuses the claims;
- numcheck's version and a hash of its own source files (the package's .py files and
  builtin.toml), so a change to the extraction code invalidates every entry even without a
  version bump;
- the Python version and the versions of the packages extraction uses (quantulum3 and what it
  requires, PyYAML, spaCy and its models: identity.dependencies).

Entries are JSON (never pickle: a cache folder is data), one file per article below
`<dir>/<fingerprint>/`, after a line with the sha256 of the JSON, written to a temporary file and
moved into place with os.replace, so two concurrent runs never see half an entry. An entry that
cannot be read, or whose checksum does not match, is discarded with a warning and rebuilt. The
entries of a fingerprint no run has used for 30 days are removed. The default folder is
`$NUMCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/numcheck`, else `~/.cache/numcheck`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from functools import lru_cache
from collections.abc import Iterable, Iterator
from itertools import repeat

from numcheck import __version__
from numcheck.read import regular
from numcheck.store.claimstore import ROW, TEXTS
from numcheck.store.identity import default_dir, dependencies, source_hash  # noqa: F401  (cache.default_dir: where the cache lives)
from numcheck.model import TYPE_CHECKING, Article, Claim
from numcheck.rules.rulebook import RuleBook

if TYPE_CHECKING:
    from typing import Any

    from typing_extensions import Buffer  # collections.abc.Buffer from Python 3.12

FORMAT = 6  # 2: columns of values, texts as indexes into a table of strings; 3: bounds equal to the value as true;
# 4: each entry begins with the checksum of its bytes; 5: claims keep their frames; 6: a claim's extent is a
# field (Claim.extent), no longer a suffix of its measure
MAX_ENTRY_BYTES = 512 * 2**20  # an entry of a 2 MiB article of figures only is under 100 MB
PRUNE_DAYS = 30  # a fingerprint's entries unused this long are removed
#: Claim fields an entry does not store: they come from the article when the entry is read.
_FROM_ARTICLE = ("id", "path", "story", "article_date")
_STORED = tuple(f.name for f in dataclasses.fields(Claim) if f.name not in _FROM_ARTICLE)
_LINE, _COLUMN, _SENTENCE_START = (_STORED.index(n) for n in ("line", "column", "sentence_start"))
#: Claim fields holding text: stored as indexes into the entry's table of strings.
_TEXT = ("surface",) + TEXTS
_TEXT_COLUMNS = tuple(_STORED.index(n) for n in _TEXT)
_BOUNDS = ("low", "high")  # stored as true when equal to the value
_BOUND_COLUMNS, _VALUE = tuple(_STORED.index(n) for n in _BOUNDS), _STORED.index("value")
_INTERN_CHARS = 64  # shorter strings (names, surfaces) are interned: the same object in every article
#: How to build a Claim from a stored row: (field, index in the row, or -1 for what the article gives).
_PLAN = tuple((f.name, _STORED.index(f.name) if f.name in _STORED else -1) for f in dataclasses.fields(Claim))
_ROW = tuple(_STORED.index(n) for n in ROW)
_TAG = "# A numcheck claims cache: safe to delete. https://bford.info/cachedir/\nSignature: 8a477f597d28d172789f06886806bc55\n"


def rules_hash(book: RuleBook) -> str:
    """A hash of what extraction reads from the rules: their vocabulary, not facts or constraints."""
    vocab = dataclasses.replace(book, facts=(), constraints=(), files=())
    return hashlib.sha256(json.dumps(_canonical(vocab), sort_keys=True).encode()).hexdigest()


def _canonical(x: object) -> object:
    """A JSON-able form of rule data that does not depend on hash seeds."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return [type(x).__name__, [[f.name, _canonical(getattr(x, f.name))] for f in dataclasses.fields(x)]]
    if isinstance(x, dict):
        return [[_canonical(k), _canonical(v)] for k, v in x.items()]
    if isinstance(x, (set, frozenset)):
        return sorted((_canonical(v) for v in x), key=repr)
    if isinstance(x, (list, tuple)):
        return [_canonical(v) for v in x]
    if isinstance(x, (str, int, float, bool)) or x is None:
        return x
    return repr(x)


@dataclasses.dataclass(frozen=True, slots=True)
class Cache:
    """The entries for one fingerprint (rules vocabulary, numcheck version and source) in a folder."""

    root: str  # <cache dir>/<fingerprint>

    @classmethod
    def open(cls, directory: str, book: RuleBook) -> Cache:
        """The cache for these rules in `directory`; raises OSError when it cannot be created."""
        h = hashlib.sha256(
            f"{FORMAT}\0{__version__}\0{source_hash()}\0{rules_hash(book)}\0".encode()
            + dependencies(directory).encode("utf-8", "surrogatepass")
        )  # another quantulum3: other claims
        root = os.path.join(os.path.abspath(directory), h.hexdigest()[:24])
        os.makedirs(root, exist_ok=True)
        os.utime(root)  # in use: _prune keeps it
        _mark(directory)
        _prune(directory, keep=root)
        return cls(root)

    def key(self, article: Article) -> str:
        """The entry's name: the article's text and the metadata extraction can read."""
        meta = {
            f.name: _canonical(getattr(article, f.name))
            for f in dataclasses.fields(Article)
            if f.name not in ("path", "story", "text")
        }
        h = hashlib.sha256(json.dumps(meta, sort_keys=True).encode() + b"\0")
        h.update(article.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str, kind: str = "") -> str:
        return os.path.join(self.root, kind, key[:2], key[2:] + ".json")

    def read(self, key: str, kind: str = "") -> bytes | None:
        """An entry's bytes (claims, or another kind in its own folder), None when there is none;
        raises CorruptEntry when it cannot be read."""
        try:
            data = regular.read_capped(self._path(key, kind), MAX_ENTRY_BYTES)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise CorruptEntry(f"cannot be read: {exc.strerror or exc}") from None
        head, body = data[:_SUM], data[_SUM:]
        if head != _checksum(body):
            raise CorruptEntry("its checksum does not match: it was changed or damaged")
        return body

    def write(self, key: str, data: bytes, kind: str = "") -> None:
        """Write an entry atomically (a concurrent run sees the old entry or the new, never half of
        one) after the checksum of its bytes, which every read verifies."""
        write_atomic(self._path(key, kind), _checksum(data) + data)

    def load(self, article: Article, key: str) -> Entry | None:
        """The article's claims as stored, or None when there is no entry; raises CorruptEntry for a bad one."""
        data = self.read(key)
        if data is None:
            return None
        try:
            return entry(data, key, article)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            raise CorruptEntry(f"{type(exc).__name__}: {exc}") from None

    def store(self, article: Article, key: str, claims: list[Claim]) -> bool:
        """Write the entry atomically; False (and nothing written) when it would not read back the same."""
        data = encode(article, key, claims)
        if data is None:
            return False
        self.write(key, data)
        return True

    def discard(self, key: str, kind: str = "") -> None:
        with contextlib.suppress(OSError):
            os.unlink(self._path(key, kind))


def write_atomic(path: str, data: bytes | Iterable[Buffer]) -> None:
    """Write a file (its bytes, or its pieces in order) through a temporary one beside it and
    os.replace: readers see all or nothing."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _checksum(data: bytes) -> bytes:
    """The line an entry starts with: the sha256 of the rest. An edited or damaged entry (a
    stored interval changed, a bit flipped) is then a miss, said in the notes, never other claims."""
    return b"sha256:" + hashlib.sha256(data).hexdigest().encode() + b"\n"


_SUM = len(_checksum(b""))


class CorruptEntry(Exception):
    """A cache entry that exists but cannot be trusted: it is discarded and rebuilt."""


def encode(article: Article, key: str, claims: list[Claim]) -> bytes | None:
    """The entry's bytes, or None when the claims would not come back equal (so never cached)."""
    for c in claims:
        if (c.id, c.path, c.story, c.article_date) != (
            f"{article.path}:{c.line}:{c.column}",
            article.path,
            article.story,
            article.date,
        ):
            return None  # the claim depends on its path in a way the cache cannot restore
    strings: dict[str | None, int] = {}
    columns = []
    values = [c.value for c in claims]
    for name in _STORED:
        column: list[Any] = [getattr(c, name) for c in claims]
        if name in _TEXT:
            column = [strings.setdefault(v, len(strings)) for v in column]
        elif name in _BOUNDS:  # true: the bound is the value (one object when read back)
            column = [True if b is v or type(b) is type(v) is float and b == v != 0 else b for b, v in zip(column, values)]
        columns.append(column)
    doc = {"format": FORMAT, "key": key, "fields": list(_STORED), "strings": list(strings), "columns": columns}
    try:
        data = dumps(doc)
        if decode(data, key, article) != claims:
            return None
    except (TypeError, ValueError):
        return None
    return data


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """An article's cached claims as stored: one list a field, texts as indexes into `strings`.
    The claim store takes its rows without making a Claim of each (claimstore.Builder)."""

    article: Article
    strings: list[str | None]
    columns: list[list]

    def rows(self) -> Iterator[tuple]:
        """Each claim's stored fields in claimstore.ROW's order."""
        return zip(*(self.columns[i] for i in _ROW))

    def claims(self) -> list[Claim]:
        """The entry's Claims, rebound to the article's path, story and date."""
        columns, article = list(self.columns), self.article
        size = len(columns[0]) if columns else 0
        for i in _TEXT_COLUMNS:
            columns[i] = [self.strings[j] for j in columns[i]]
        ids = [f"{article.path}:{line}:{col}" for line, col in zip(columns[_LINE], columns[_COLUMN])]
        given = {
            "id": ids,
            "path": repeat(article.path, size),
            "story": repeat(article.story, size),
            "article_date": repeat(article.date, size),
        }
        return list(map(Claim, *(columns[i] if i >= 0 else given[name] for name, i in _PLAN)))


def decode(data: bytes, key: str, article: Article) -> list[Claim]:
    """An entry's claims, rebound to the article's path, story and date."""
    return entry(data, key, article).claims()


def entry(data: bytes, key: str, article: Article) -> Entry:
    """An entry's bytes, checked against its key.

    Memory grows with claims, not with what they repeat: each text (a sentence, a measure, a
    unit) is one object for all the claims that carry it, names are interned across articles,
    and a bound equal to its value is the value's object."""
    doc = json.loads(data, object_hook=_decode_value)
    if doc["format"] != FORMAT or doc["key"] != key or doc["fields"] != list(_STORED):
        raise ValueError("entry does not match its key")
    strings = [s if s is None or len(s) > _INTERN_CHARS else sys.intern(s) for s in doc["strings"]]
    columns = doc["columns"]
    size = len(columns[0]) if columns else 0
    if len(columns) != len(_STORED) or any(len(c) != size for c in columns):
        raise ValueError("columns of the wrong length")
    for i in _TEXT_COLUMNS:
        if size and ({*map(type, columns[i])} != {int} or min(columns[i]) < 0 or max(columns[i]) >= len(strings)):
            raise IndexError("string index out of range")
    for i in _BOUND_COLUMNS:
        columns[i] = [v if b is True else b for b, v in zip(columns[i], columns[_VALUE])]
    offsets: dict[int, int] = {}
    columns[_SENTENCE_START] = [offsets.setdefault(v, v) for v in columns[_SENTENCE_START]]
    return Entry(article, strings, columns)


def dumps(doc: object) -> bytes:
    """An entry's JSON, dates as {"$date": "YYYY-MM-DD"}; raises TypeError for what JSON cannot hold."""
    return json.dumps(doc, ensure_ascii=False, default=_encode_value, allow_nan=False).encode()


def loads(data: bytes) -> Any:
    """What dumps wrote, as json.loads gives it back: its shape is the caller's entry's."""
    return json.loads(data, object_hook=_decode_value)


def _encode_value(v: object) -> object:
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return {"$date": v.isoformat()}
    raise TypeError(f"cannot cache a {type(v).__name__}")


def _decode_value(obj: dict) -> object:
    if "$date" in obj:
        return _date(obj["$date"])
    return obj


@lru_cache(maxsize=4096)
def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _prune(directory: str, keep: str) -> None:
    """Remove the entries of fingerprints no run has used for PRUNE_DAYS: old releases, old rules, old code."""
    cutoff = time.time() - PRUNE_DAYS * 86400
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if (
                entry.is_dir(follow_symlinks=False)
                and len(entry.name) == 24
                and entry.path != keep
                and entry.stat().st_mtime < cutoff
            ):
                shutil.rmtree(entry.path, ignore_errors=True)


def _mark(directory: str) -> None:
    """Tag the folder as a cache (backup tools skip it) that git ignores wherever it is."""
    for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# created by numcheck\n*\n")):
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            with contextlib.suppress(OSError):
                with open(path, "x", encoding="utf-8") as handle:
                    handle.write(text)
