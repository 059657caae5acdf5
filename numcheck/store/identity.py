"""What numcheck is and where it keeps what it learned: a hash of its code, the cache folder.

Small on purpose: a run that finds its memo (memo.py) imports little more than this.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from functools import lru_cache

from numcheck.read import regular

_MAX_SOURCE = 16 * 2**20  # one of numcheck's own source files


def default_dir() -> str:
    """Where the cache lives unless --cache-dir says otherwise: outside any repository."""
    explicit = os.environ.get("NUMCHECK_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "numcheck")


@lru_cache(maxsize=1)
def source_hash() -> str:
    """A hash of numcheck's own code and built-in rules: extraction changes without a release."""
    h = hashlib.sha256()
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    paths = []
    for folder, dirs, names in os.walk(package):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        paths += [os.path.join(folder, n) for n in sorted(names) if n.endswith((".py", ".toml"))]
    for path in paths:
        h.update(os.path.relpath(path, package).encode() + b"\0" + regular.read_capped(path, _MAX_SOURCE) + b"\0")
    return h.hexdigest()


#: What extraction and attribution run besides numcheck and Python: quantulum3 with what it
#: requires, PyYAML for front matter; and spaCy with every model package installed.
DEPENDENCIES = ("quantulum3", "PyYAML")


def dependencies(cache_dir: str | None = None) -> str:
    """installed(), kept in the cache folder under a stamp of the distributions in the folders
    packages are installed in (installing, upgrading or removing one changes them): a run that finds
    its memo does not import importlib.metadata (a tenth of a second) to learn nothing has changed."""
    stamp = json.dumps([sys.version, sys.executable] + [[p, _distributions(p)] for p in sys.path])
    name = hashlib.sha256(stamp.encode("utf-8", "surrogatepass")).hexdigest()
    path = os.path.join(cache_dir, "deps", name[:32]) if cache_dir else None
    if path is not None:
        try:
            kept = regular.read_capped(path, 1 << 20).decode("utf-8")
            digest, _, text = kept.partition("\n")
            if digest == hashlib.sha256(text.encode()).hexdigest():
                return text
        except (OSError, UnicodeDecodeError):
            pass  # none yet, or damaged: asked again
    text = installed()
    if path is not None:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.write(hashlib.sha256(text.encode()).hexdigest() + "\n" + text)
            os.replace(tmp, path)
        except OSError:
            pass  # asked again next run
    return text


def _distributions(path: str) -> object:
    """What of a sys.path entry can change what installed() finds: the time of each distribution's
    folder in it (`*.dist-info`, `*.egg-info`: where importlib.metadata looks), not the time of the
    entry, which any file added changes (the working folder is on sys.path under `python -m`, and a
    run's cache or an article made beside it would ask again); the entry's own time if it is no folder."""
    folder = path or "."
    try:
        names = sorted(n for n in os.listdir(folder) if n.lower().endswith(_INFOS))
    except NotADirectoryError:
        return _mtime(path)
    except OSError:
        return None
    return [[n, _mtime(os.path.join(folder, n))] for n in names]


_INFOS = (".dist-info", ".egg-info")


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path or ".").st_mtime_ns
    except OSError:
        return None


@lru_cache(maxsize=1)
def installed() -> str:
    """The Python version, and the version of every installed package extraction and attribution
    use (with what they require), of spaCy and of every spaCy model package (a distribution with a
    `spacy_models` entry point, or one that requires spaCy; spaCy is never imported): a different
    quantulum3, spaCy or model gives other claims, so the claims cache and the memo are keyed on it."""
    from importlib import metadata  # lazy: only a run that reads the cache or the memo needs it

    installed: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():  # one pass over site-packages; a name from its folder's when it can
        name = getattr(dist, "_normalized_name", None) or dist.metadata["Name"]
        if name:
            installed.setdefault(_normal(name), dist)
    seen: dict[str, str] = {}
    wanted = list(DEPENDENCIES)
    while wanted:
        name = _normal(wanted.pop())
        if name in seen or name not in installed:
            continue
        seen[name] = installed[name].version
        wanted += [m.group(0) for r in installed[name].requires or () if "extra" not in r and (m := _NAME.match(r))]
    for name, dist in installed.items():
        if name == "spacy" or any(e.group == "spacy_models" for e in dist.entry_points):
            seen[name] = dist.version
    return ";".join([f"python={sys.version}"] + [f"{n}={v}" for n, v in sorted(seen.items())])


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
