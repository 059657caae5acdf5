"""A progress bar on standard error for long runs, when it is a terminal; silent otherwise."""

from __future__ import annotations

import sys

from numcheck.model import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Protocol

    class Bar(Protocol):
        """What a run asks of a bar: NoBar, or tqdm's (untyped: numcheck installs no stubs for it)."""

        def __enter__(self) -> Bar: ...

        def __exit__(self, *exc: object) -> object: ...

        def update(self, n: int = 1) -> object: ...


class NoBar:
    def __enter__(self) -> NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None


def bar(total: int, enabled: bool) -> Bar:
    """A progress bar on standard error for runs long enough to want one (shown after 2 s)."""
    if not enabled:
        return NoBar()
    try:
        from tqdm import tqdm  # lazy: loaded only when a bar is shown (stderr is a terminal)
    except ImportError:
        return NoBar()
    return tqdm(total=total, unit="article", file=sys.stderr, delay=2.0, leave=False, dynamic_ncols=True)
