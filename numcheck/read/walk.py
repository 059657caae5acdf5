"""Where the articles are: every file below the paths a user gives, or why it is skipped.

Folders are walked without recursion (any depth), in name order; symbolic links are listed and
never followed, whether found in a folder or given as a path; hidden files and folders are named
and skipped. Light on purpose: a run that
finds its memo (memo.py) walks the paths and reads the files, and imports nothing that reads them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from numcheck.errors import RuleError, UsageError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
MAX_BYTES = 2 * 1024 * 1024  # one article: a long read is under 200 KB; 2 MiB of news takes about 40 s to read
MAX_RULE_BYTES = 64 * 2**20  # one rule file: 100,000 facts are under 10 MB


def discover(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Every file below the given paths, as (path, reason to skip or None), in a stable order."""
    for given in paths:
        if not os.path.lexists(given):
            raise UsageError("no such file or folder", path=given)
        yield from _given(given)


def _given(given: str) -> Iterator[tuple[str, str | None]]:
    if os.path.islink(os.path.normpath(given)):  # as below the paths: a link given is not followed either
        yield given, "symbolic link, not followed (give the folder or file it points to)"
    elif os.path.isdir(given):
        yield from _walk(given)
    elif os.path.isfile(given):
        yield given, None if given.lower().endswith(ARTICLE_SUFFIXES) else _not_article(given)
    elif os.path.islink(given):
        yield given, "symbolic link that leads nowhere (a loop, or its target is missing)"
    else:
        yield given, "not a regular file"


def _walk(top: str) -> Iterator[tuple[str, str | None]]:
    """Depth first in name order, as a recursive walk would go, but with a stack: any depth."""
    stack: list[Iterator[tuple[str, str | None]]] = [_entries(top)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif item[1] == _DESCEND:
            stack.append(_entries(item[0]))
        else:
            yield item


_DESCEND = "\0descend"  # an internal marker: a folder to walk into, never shown


def _entries(top: str) -> Iterator[tuple[str, str | None]]:
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError as exc:
        yield top, f"folder cannot be read: {exc.strerror or exc}"
        return
    for entry in entries:
        path = os.path.join(top, entry.name)
        try:
            if entry.is_symlink():
                yield path, "symbolic link, not followed"
            elif entry.is_dir(follow_symlinks=False):
                yield (path + os.sep, "hidden folder, not searched") if entry.name.startswith(".") else (path, _DESCEND)
            elif entry.name.startswith("."):
                yield path, "hidden file"
            elif entry.is_file(follow_symlinks=False):
                yield path, None if entry.name.lower().endswith(ARTICLE_SUFFIXES) else _not_article(path)
            else:
                yield path, "not a regular file"
        except OSError as exc:  # gone, or unreadable, between listing and looking
            yield path, f"cannot be read: {exc.strerror or exc}"


def _not_article(path: str) -> str:
    return "not an article: numcheck reads " + ", ".join(ARTICLE_SUFFIXES) + " files"


def found(paths: Iterable[str]) -> list[tuple[str, str | None]]:
    """Every file below the paths once, as (path, reason to skip or None), in `discover`'s order."""
    seen: set[str] = set()
    out = []
    for path, reason in discover(paths):
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            out.append((path, reason))
    return out


def rule_paths(dirs: Iterable[str], use_local: bool = True) -> list[str]:
    """The rule files a run reads, in order: ./rules/ if present and wanted, then each folder
    given (a folder given twice is read once)."""
    wanted = (["rules"] if use_local and os.path.isdir("rules") else []) + list(dirs)
    seen: set[str] = set()
    out: list[str] = []
    for d in wanted:
        if os.path.realpath(d) not in seen:
            seen.add(os.path.realpath(d))
            out += rule_files(d)
    return out


def rule_files(directory: str) -> list[str]:
    """The .toml files of a rules directory, sorted; a missing directory is a usage error."""
    if not os.path.isdir(directory):
        raise RuleError(
            "is not a folder: --rules takes a folder of .toml files"
            if os.path.exists(directory)
            else "rules directory does not exist",
            path=directory,
        )
    try:
        names = os.listdir(directory)
    except OSError as exc:
        raise RuleError(f"rules directory cannot be read: {exc.strerror or exc}", path=directory) from None
    return sorted(os.path.join(directory, n) for n in names if n.endswith(".toml"))
