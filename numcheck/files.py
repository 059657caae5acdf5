"""From the paths a user gives to articles: find the files, read them, say why any is skipped."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import frontmatter
from .errors import UsageError
from .model import Article, Skipped

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading the inputs gave: articles, skipped files, and problems worth a warning."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    unreadable: tuple[str, ...]  # article files that could not be read: the run is incomplete


def discover(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Every file below the given paths, as (path, reason to skip or None), in a stable order."""
    for given in paths:
        if not os.path.lexists(given):
            raise UsageError("no such file or folder", path=given)
        if os.path.isdir(given):
            yield from _walk(given)
        elif os.path.isfile(given):
            yield given, None if given.lower().endswith(ARTICLE_SUFFIXES) else _not_article(given)
        else:
            yield given, "not a regular file"


def _walk(top: str) -> Iterator[tuple[str, str | None]]:
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError as exc:
        yield top, f"folder cannot be read: {exc.strerror or exc}"
        return
    for entry in entries:
        path = os.path.join(top, entry.name)
        if entry.is_symlink():
            yield path, "symbolic link, not followed"
        elif entry.is_dir():
            if entry.name.startswith("."):
                yield path + os.sep, "hidden folder, not searched"
            else:
                yield from _walk(path)
        elif entry.name.startswith("."):
            yield path, "hidden file"
        elif entry.is_file():
            yield path, None if entry.name.lower().endswith(ARTICLE_SUFFIXES) else _not_article(path)
        else:
            yield path, "not a regular file"


def _not_article(path: str) -> str:
    return "not an article: numcheck reads " + ", ".join(ARTICLE_SUFFIXES) + " files"


def load(paths: Iterable[str], default_date: dt.date | None = None) -> Loaded:
    """Read every article below the paths; nothing found is dropped without a reason."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    unreadable: list[str] = []
    seen: set[str] = set()
    for path, reason in discover(paths):
        key = os.path.normpath(path)
        if key in seen:
            continue
        seen.add(key)
        if reason is not None:
            skipped.append(Skipped(path, reason))
            continue
        text, reason = read_text(path)
        if text is None:
            skipped.append(Skipped(path, reason or "unreadable"))
            unreadable.append(f"{path}: {reason}")
            continue
        article, problems = _article(path, text, default_date)
        articles.append(article)
        warnings.extend(f"{path}: {p}" for p in problems)
    return Loaded(tuple(articles), tuple(skipped), tuple(warnings), tuple(unreadable))


def read_text(path: str) -> tuple[str | None, str | None]:
    """The file's text, or None and why it cannot be read as UTF-8 text."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, f"cannot be read: {exc.strerror or exc}"
    if len(data) > MAX_BYTES:
        return None, f"larger than the {MAX_BYTES // (1024 * 1024)} MiB limit for one article"
    if b"\x00" in data[:8192]:
        return None, "binary file, not text"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not valid UTF-8 (byte {exc.start}); save it as UTF-8"
    # universal newlines, as Python's text mode reads it: offsets match what editors' tools see
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _article(path: str, text: str, default_date: dt.date | None) -> tuple[Article, tuple[str, ...]]:
    fm = frontmatter.split(text) if path.lower().endswith((".md", ".markdown")) else frontmatter.FrontMatter({}, 0)
    fields = fm.fields
    date = fields.get("date") or frontmatter.parse_date(os.path.basename(path)) or default_date
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
    return article, fm.problems


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
