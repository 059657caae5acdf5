"""From the paths a user gives to articles: find the files, read them, say why any is skipped.

Nothing found is dropped without a reason: every file below the paths is an article or a
Skipped with its reason. Folders are walked without recursion (any depth), symbolic links are
listed and never followed, and an article is read with a bounded amount of memory (MAX_BYTES).
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from numcheck.extract import sentences
from numcheck.read import dateline, frontmatter, regular
from numcheck.model import Article, Skipped
from numcheck.read.walk import ARTICLE_SUFFIXES, MAX_BYTES, _given, discover  # noqa: F401  (files.discover: where to find the files)

#: Bytes above ASCII that every Windows code page (1250-1258) reads as the same character: curly
#: quotes, dashes, ellipsis, bullets, no-break space, ° ± « » © ® ™ §. A file that is not UTF-8 and
#: holds no other is Windows-1252 whichever page wrote it, so it is read; any other is ambiguous.
_SHARED_1252 = frozenset(
    b
    for b in range(0x80, 0x100)
    if len(seen := {bytes([b]).decode(f"cp125{i}", "replace") for i in range(9)}) == 1 and seen != {"\ufffd"}
)
_UNREADABLE = ("cannot be read", "folder cannot be read", "binary file", "not valid UTF-8", "larger than the")


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading the inputs gave: articles, skipped files, and problems worth a warning."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    unreadable: tuple[str, ...]  # article files that could not be read: the run is incomplete
    digests: tuple[tuple[str, str], ...] = ()  # (path, sha256 of the bytes read) of each file read


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, or None and why it cannot be read; a note when it was read other than as UTF-8."""

    text: str | None
    reason: str | None = None
    note: str | None = None
    digest: str | None = None  # sha256 of the bytes read: what the run's memo vouches for (memo.premise)


def incomplete(reason: str) -> bool:
    """Whether a skip means the check is incomplete (exit 2): an article or folder that could not be read."""
    return reason.startswith(_UNREADABLE)


def load(paths: Iterable[str], default_date: dt.date | None = None) -> Loaded:
    """Read every article below the paths; nothing found is dropped without a reason.

    A path that is gone by the time it is read (a file deleted after it was listed) is skipped
    as unreadable, so the rest of the corpus is still checked and the run still exits 2.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    unreadable: list[str] = []
    seen: set[str] = set()
    for path, reason in _found(paths):
        key = os.path.normpath(path)
        if key in seen:
            continue
        seen.add(key)
        if reason is not None:
            skipped.append(Skipped(path, reason))
            if incomplete(reason):
                unreadable.append(f"{path}: {reason}")
            continue
        one = load_file(path, default_date)
        articles += one.articles
        skipped += one.skipped
        warnings += one.warnings
        unreadable += one.unreadable
    return Loaded(tuple(articles), tuple(skipped), tuple(warnings), tuple(unreadable))


def load_file(path: str, default_date: dt.date | None = None, decoded: Decoded | None = None) -> Loaded:
    """One file found as an article (or its bytes as read_text gave them): whatever it has become
    since it was listed (gone, a pipe, too large), it is read as an article or skipped as unreadable."""
    decoded = read_text(path) if decoded is None else decoded
    digests = ((path, decoded.digest),) if decoded.digest else ()
    if decoded.text is None:
        reason = decoded.reason or "cannot be read"
        return Loaded((), (Skipped(path, reason),), (), (f"{path}: {reason}",), digests)
    article, problems = _article(path, decoded.text, default_date)
    return Loaded((article,), (), tuple(([f"{path}: {decoded.note}"] if decoded.note else []) + list(problems)), (), digests)


def _found(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    for given in paths:
        if os.path.lexists(given):
            yield from _given(given)
        else:
            yield given, None  # reading it says why it cannot be read


def read_text(path: str) -> Decoded:
    """The file's text, as Python's text mode reads it with encoding="utf-8" (universal newlines,
    a byte-order mark kept as the first character), or why it cannot be read.

    Never more than MAX_BYTES are read, and a file that is not a regular file (a pipe put in
    its place) is never opened for reading in a way that could block.
    """
    try:
        data = regular.read_capped(path, MAX_BYTES)
    except regular.TooLarge as exc:
        return Decoded(None, _too_large(exc.size))
    except OSError as exc:
        return Decoded(None, f"cannot be read: {exc.strerror or exc}")
    decoded = decode(data)
    digest = hashlib.sha256(data).hexdigest()
    if decoded.text is None:
        return Decoded(None, decoded.reason, decoded.note, digest)
    return Decoded(decoded.text.replace("\r\n", "\n").replace("\r", "\n"), None, decoded.note, digest)


def _too_large(size: int) -> str:
    limit = f"{MAX_BYTES / 2**20:g} MiB" if MAX_BYTES >= 2**20 else f"{MAX_BYTES:,}-byte"
    return f"larger than the {limit} limit for one article ({size:,} bytes)"


def decode(data: bytes) -> Decoded:
    """UTF-8; or UTF-16 with its byte-order mark; or Windows-1252 when only punctuation every
    Windows code page shares lies outside ASCII. Anything else is not read: guessing an encoding
    would quote the wrong words."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return Decoded(None, "binary file, not text (it starts like UTF-16 but is not)")
        if "\x00" not in text:
            return Decoded(
                text, note="UTF-16 (it has the byte-order mark); read as such, offsets count its characters. Save it as UTF-8"
            )
    if b"\x00" in data[:8192]:
        return Decoded(None, "binary file, not text")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        bad = exc.start
    if all(b < 0x80 or b in _SHARED_1252 for b in data):
        return Decoded(
            data.decode("cp1252"),
            note=f"not UTF-8 (byte {bad}); read as Windows-1252, the only reading "
            "of its curly quotes, dashes and symbols. Save it as UTF-8",
        )
    return Decoded(None, f"not valid UTF-8 (byte {bad}), and its encoding cannot be told for sure; save it as UTF-8")


def _article(path: str, text: str, default_date: dt.date | None) -> tuple[Article, list[str]]:
    """The article and its warnings, each `path:line: what`."""
    fm = frontmatter.split(text) if path.lower().endswith((".md", ".markdown")) else frontmatter.FrontMatter({}, 0)
    fields = fm.fields
    date = (
        fields.get("date") or frontmatter.parse_date(os.path.basename(path)) or dateline.find(text, fm.body_start) or default_date
    )
    story = str(fields.get("story") or os.path.dirname(os.path.normpath(path)) or ".")
    article = Article(
        path=path,
        text=text,
        story=story,
        date=date if isinstance(date, dt.date) else None,
        title=_opt(fields.get("title")),
        source=_opt(fields.get("source")),
        lang=_opt(fields.get("lang")),
        body_start=fm.body_start,
    )
    warnings = [f"{path}:{line}: {p}" if line else f"{path}: {p}" for line, p in fm.problems]
    long = list(sentences.long_words(text, fm.body_start))
    if long:
        s, e = long[0]
        more = f" (and {len(long) - 1} more)" if len(long) > 1 else ""
        warnings.append(
            f"{path}:{text.count(chr(10), 0, s) + 1}: {e - s:,} characters without a space are not read"
            f"{more}: numcheck reads words of up to {sentences.MAX_WORD} characters"
        )
    return article, warnings


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
