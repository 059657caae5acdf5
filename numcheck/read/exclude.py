"""What a run leaves out on purpose: files matching an exclude glob, and files git ignores.

Applied to the files `walk.found` lists: an excluded file keeps its place in the list with the
reason it was left out (so nothing found is dropped without a reason, and the json report
still accounts for it), and the text report lists it only with --verbose. A folder excluded as a
whole is one entry, `folder/`, whatever it holds.

A glob (`--exclude`, `exclude = [...]` in the configuration) matches a path relative to the
working folder, or any tail of it: `README.md`, `drafts/`, `archive/*.md`, `**/wire/*.txt`;
a glob ending in `/` matches only folders, one starting with `/` only from the working folder.
Git's ignore rules (.gitignore at any level, .git/info/exclude, the global excludes file) are
asked of `git check-ignore` itself; without git, or outside a repository, nothing is ignored.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence

GITIGNORED = "excluded: ignored by git (.gitignore)"


def excluded_by(pattern: str) -> str:
    return f"excluded: matches --exclude {pattern!r}"


def apply(
    found: list[tuple[str, str | None]], patterns: Sequence[str] = (), gitignore: bool = True
) -> list[tuple[str, str | None]]:
    """The files found, those left out given their reason; files in an excluded folder as that folder."""
    if not found or not (patterns or gitignore):
        return found
    located = {p: _located(p) for p, r in found if not _hidden(r)}
    ignored = _git_ignored(located) if gitignore else set()
    if not patterns and not ignored:  # nothing can match: each file keeps its place and reason
        return list(found)
    out: list[tuple[str, str | None]] = []
    folders_done: set[str] = set()
    for path, reason in found:
        if _hidden(reason):
            out.append((path, reason))
            continue
        parts = located[path][0]
        hit = None
        for k in range(1, len(parts) + 1):
            is_folder = k < len(parts) or path.endswith(os.sep)
            why = _match(parts[:k], is_folder, patterns)
            if why is None and ignored and os.path.join(*parts[:k]) + (os.sep if is_folder else "") in ignored:
                why = GITIGNORED
            if why is not None:
                hit = (k, is_folder, why)
                break
        if hit is None:
            out.append((path, reason))
            continue
        k, is_folder, why = hit
        if k < len(parts):  # a folder above the file: listed once, as the folder
            folder = _prefix(path, k)
            if folder not in folders_done:
                folders_done.add(folder)
                out.append((folder, why))
        else:
            out.append((path, why))
    return out


def _hidden(reason: str | None) -> bool:
    return reason is not None and reason.startswith("hidden")


def _parts(path: str) -> list[str]:
    """The path's parts from the working folder (or from its root, when outside it)."""
    return _located(path)[0]


def _located(path: str) -> tuple[list[str], bool]:
    """The path's parts (`_parts`), and whether they are counted from the working folder: what
    `os.path.relpath` from the working folder says, without its cost on every file of a corpus."""
    absolute = os.path.abspath(path)
    here = os.getcwd()
    inside = here if here.endswith(os.sep) else here + os.sep
    if absolute == here:
        rel = os.curdir
    elif absolute.startswith(inside):
        rel = absolute[len(inside) :]
    else:
        rel = os.pardir  # outside the working folder, relpath climbs out of it
    if rel.startswith(os.pardir):
        return [p for p in absolute.lstrip(os.sep).split(os.sep) if p and p != os.curdir], False
    return [p for p in rel.split(os.sep) if p and p != os.curdir], True


def _prefix(path: str, k: int) -> str:
    """The folder of the path that its first k parts (from the working folder) name, as the path writes it."""
    keep = len(_parts(path)) - k
    folder = os.path.normpath(path.rstrip(os.sep))
    for _ in range(keep):
        folder = os.path.dirname(folder)
    return folder + os.sep


def _match(parts: list[str], is_folder: bool, patterns: Iterable[str]) -> str | None:
    for pattern in patterns:
        pat = pattern.replace("\\", "/")
        if pat.endswith("/") and not is_folder:
            continue
        pat = pat.rstrip("/")
        anchored = pat.startswith("/")
        pat = pat.lstrip("/")
        if not pat:
            continue
        regex = _regex(pat)
        for i in [0] if anchored else range(len(parts)):
            if regex.fullmatch("/".join(parts[i:])):
                return excluded_by(pattern)
    return None


@functools.lru_cache(maxsize=256)
def _regex(glob: str) -> re.Pattern[str]:
    """A glob as git reads one: `*` and `?` stay within a name, `**` crosses folders."""
    out, i = [], 0
    while i < len(glob):
        ch = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = glob.find("]", i + 1)
            if end == -1:
                out.append(re.escape(ch))
            else:
                body = glob[i + 1 : end].replace("\\", "\\\\")
                out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
                i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out))


def _git_ignored(located: dict[str, tuple[list[str], bool]]) -> set[str]:
    """The paths, and folders above them, that git ignores, as `os.path.join(parts)` (+ / for a folder);
    `located` holds each path's `_located`."""
    candidates: dict[str, str] = {}  # absolute path (folders with a trailing /) -> the key apply() looks for
    here = os.getcwd()
    tops: dict[str, str | None] = {}
    for path, (parts, inside) in located.items():
        base = here if inside else os.sep
        if parts and _repo(os.path.join(base, *parts[:-1]), tops) is None:
            continue  # no repository holds the path's folder, so none holds a folder above it
        for k in range(1, len(parts) + 1):
            is_folder = k < len(parts) or path.endswith(os.sep)
            key = os.path.join(*parts[:k]) + (os.sep if is_folder else "")
            candidates[os.path.join(base, *parts[:k]) + (os.sep if is_folder else "")] = key
    by_repo: dict[str, list[str]] = {}
    for absolute in candidates:
        top = _repo(os.path.dirname(absolute.rstrip(os.sep)), tops)
        if top is not None and absolute.rstrip(os.sep) != top:
            by_repo.setdefault(top, []).append(absolute)
    out: set[str] = set()
    if by_repo:
        import subprocess  # lazy: with threading and signal, a twentieth of a warm run's imports; only git needs it
    for top, members in by_repo.items():
        rel = {os.path.relpath(m.rstrip(os.sep), top) + ("/" if m.endswith(os.sep) else ""): m for m in members}
        try:
            done = subprocess.run(
                ["git", "-C", top, "check-ignore", "-z", "--stdin"],
                input="\0".join(rel).encode(),
                capture_output=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode not in (0, 1):  # 1: nothing ignored; anything else: git could not tell
            continue
        for name in done.stdout.decode("utf-8", "surrogateescape").split("\0"):
            if name in rel:
                out.add(candidates[rel[name]])
    return out


def _repo(folder: str, tops: dict[str, str | None]) -> str | None:
    """The work tree holding the folder (a folder with .git, a folder or a file), or None."""
    seen = []
    here = folder
    while True:
        if here in tops:
            top = tops[here]
            break
        seen.append(here)
        if os.path.exists(os.path.join(here, ".git")):
            top = here
            break
        parent = os.path.dirname(here)
        if parent == here:
            top = None
            break
        here = parent
    for s in seen:
        tops[s] = top
    return top
