"""Writing report files: whole or not at all, so a reader never sees half a report."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable

from numcheck.errors import UsageError

# A file name that is not UTF-8 reaches us as lone surrogates (bad\udcff.txt): written as that text,
# never a crash; in JSON the escape reads back as the very name.
ERRORS = "backslashreplace"


def write_atomic(path: str, text: str | Iterable[str]) -> None:
    """Write `text` (or its pieces, in order) to `path` through a temporary file in the same folder and os.replace."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot be written: {exc.strerror or exc}", path=path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors=ERRORS, newline="") as handle:
            for piece in [text] if isinstance(text, str) else text:
                handle.write(piece)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:  # whatever stops the write (a full disk, ^C) leaves no temporary file
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if not isinstance(exc, OSError):
            raise
        raise UsageError(f"cannot be written: {exc.strerror or exc}", path=path) from None


def append(path: str, text: str) -> None:
    """Add `text` to the end of `path`, as GitHub's $GITHUB_STEP_SUMMARY expects."""
    try:
        with open(path, "a", encoding="utf-8", errors=ERRORS, newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise UsageError(f"cannot be written: {exc.strerror or exc}", path=path) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
