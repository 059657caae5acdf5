"""A progress bar on standard error for long runs, when it is a terminal; silent otherwise."""
from __future__ import annotations

import sys


class NoBar:
    def __enter__(self) -> NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None


def bar(total: int, enabled: bool):  # type: ignore[no-untyped-def]
    """A progress bar on standard error for runs long enough to want one (shown after 2 s)."""
    if not enabled:
        return NoBar()
    try:
        from tqdm import tqdm  # lazy: loaded only when a bar is shown (stderr is a terminal)
    except ImportError:
        return NoBar()
    return tqdm(total=total, unit="article", file=sys.stderr, delay=2.0, leave=False, dynamic_ncols=True)
