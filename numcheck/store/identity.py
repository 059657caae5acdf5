"""What numcheck is and where it keeps what it learned: a hash of its code, the cache folder.

Small on purpose: a run that finds its memo (memo.py) imports little more than this.
"""
from __future__ import annotations

import hashlib
import os
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
