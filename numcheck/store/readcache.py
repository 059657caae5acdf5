"""Reading an unchanged article without reading its front matter again.

After its text, files.load reads an article's front matter (YAML or TOML), dateline and name: a
millisecond an article, the biggest part of a warm run. What that gives, the Article but its
text and the warnings, depends only on the path, the text, how the bytes were decoded, the
default date and numcheck's code, so the cache keeps it in `<fingerprint>/articles/` under a
hash of those (the fingerprint covers the code). A moved or renamed file is read in full; its
claims are still found by content (cache.py).
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
import datetime as dt
import hashlib
import json

from numcheck.read import files
from numcheck.store.cache import Cache, CorruptEntry, dumps, loads
from numcheck.model import TYPE_CHECKING, Article

if TYPE_CHECKING:
    from typing import Any, TypedDict

    class Entry(TypedDict):
        """An article's entry, as _encode writes it."""

        format: int
        key: str
        article: list[Any]  # the Article's fields but its path and text, in _FIELDS order
        warnings: list[str]
        unreadable: list[str]


KIND = "articles"
FORMAT = 1
_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name not in ("path", "text"))


def load(path: str, date: dt.date | None, cache: Cache | None) -> tuple[files.Loaded, str | None]:
    """files.load_file(path, date), from the cache when the path and text are as remembered; and a
    note when the remembered entry could not be read (it is rebuilt)."""
    decoded = files.read_text(path)
    if cache is None or decoded.text is None:
        return files.load_file(path, date, decoded), None  # the article, or its skip and why
    key = _key(path, decoded.text, decoded.note, date)
    note = None
    try:
        data = cache.read(key, KIND)
        if data is not None:
            return replace(_decode(data, key, path, decoded.text), digests=((path, decoded.digest or ""),)), None
    except CorruptEntry as exc:
        note = f"cache entry for reading {path} was unreadable ({exc}); rebuilt"
        cache.discard(key, KIND)
    loaded = files.load_file(path, date, decoded)
    if len(loaded.articles) == 1 and not loaded.skipped:
        try:  # the same text as the key's (not changed in between): safe to remember
            cache.write(key, _encode(key, loaded), KIND)
        except (OSError, TypeError, ValueError):
            pass  # not remembered; the claims cache says why a folder cannot be written
    return loaded, note


def _key(path: str, text: str, note: str | None, date: dt.date | None) -> str:
    head = json.dumps([FORMAT, path, note, date.isoformat() if date else None])
    h = hashlib.sha256(head.encode("utf-8", "surrogatepass") + b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _encode(key: str, loaded: files.Loaded) -> bytes:
    article = loaded.articles[0]
    entry: Entry = {
        "format": FORMAT,
        "key": key,
        "article": [getattr(article, n) for n in _FIELDS],
        "warnings": list(loaded.warnings),
        "unreadable": list(loaded.unreadable),
    }
    return dumps(entry)


def _decode(data: bytes, key: str, path: str, text: str) -> files.Loaded:
    try:
        doc: Entry = loads(data)
        if doc["format"] != FORMAT or doc["key"] != key or len(doc["article"]) != len(_FIELDS):
            raise ValueError("entry does not match its key")
        article = Article(path=path, text=text, **dict(zip(_FIELDS, doc["article"])))
        return files.Loaded((article,), (), tuple(doc["warnings"]), tuple(doc["unreadable"]))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise CorruptEntry(f"{type(exc).__name__}: {exc}") from None
