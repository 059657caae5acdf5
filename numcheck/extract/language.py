"""The words numcheck reads, as data: numcheck/lang/<code>.toml, loaded once.

English lives in lang/en.toml beside French in lang/fr.toml; the code builds its patterns from
these lists at import time. `alt` joins a list into a regex alternation in the order written.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

ENGLISH = "en"  # read by numcheck's own English patterns and quantulum3, not as a foreign language


@lru_cache(maxsize=None)
def data(code: str) -> dict:
    """A language file's contents."""
    return tomllib.loads(resources.files("numcheck").joinpath("lang", f"{code}.toml").read_text(encoding="utf-8"))


def codes() -> tuple[str, ...]:
    """Language codes that have a file in numcheck/lang/."""
    return tuple(sorted(p.name[:-5] for p in resources.files("numcheck").joinpath("lang").iterdir() if p.name.endswith(".toml")))


def alt(words: Iterable[str], escape: bool = True, longest_first: bool = False) -> str:
    """The words as a regex alternation: escaped unless they are regex fragments, in the order
    given or, with longest_first, longer words before shorter ones (stable for equal lengths)."""
    words = list(words)
    if longest_first:
        words = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in words)


def any_first_case(words: Iterable[str]) -> list[str]:
    """Each word as a regex matching it with its first letter in either case: 'in' -> '[Ii]n'."""
    return [f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words]


EN = data(ENGLISH)
GRAMMAR = EN["grammar"]  # the English function words the patterns are built with ("the", "of", "a", "and")
STOP = {k: frozenset(v) for k, v in EN["stop"].items()}  # one stop list per purpose, named for it
ROLES = EN["roles"]  # words for persons by role, a list per purpose
