"""Writing report files: whole or not at all, so a reader never sees half a report.

A report goes to a regular file or nowhere. A named pipe would block the run until something
reads it (for ever, in CI), and replacing a device node (`/dev/null`, `/dev/stdout`, as root)
with the report would break the machine; either is refused with one line, exit 2, as the
readers refuse them (read/regular.py). `--output -` is standard output.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable

from numcheck.errors import UsageError

# A file name that is not UTF-8 reaches us as lone surrogates (bad\udcff.txt): written as that text,
# never a crash; in JSON the escape reads back as the very name.
ERRORS = "backslashreplace"


def write_atomic(path: str, text: str | Iterable[str]) -> None:
    """Write `text` (or its pieces, in order) to `path` through a temporary file in the same folder and os.replace."""
    _refuse_special(path)
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
    """Add `text` to the end of `path`, as GitHub's $GITHUB_STEP_SUMMARY expects. Opened without
    blocking and checked with fstat: a pipe swapped in after the first look is refused too."""
    _refuse_special(path)
    try:
        fd = os.open(path, _APPEND, 0o666)
    except OSError as exc:
        raise UsageError(f"cannot be written: {exc.strerror or exc}", path=path) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UsageError(NOT_REGULAR, path=path)
        if _NONBLOCK:
            os.set_blocking(fd, True)  # a regular file's writes never block; this only undoes the flag
        with os.fdopen(fd, "a", encoding="utf-8", errors=ERRORS, newline="") as handle:
            fd = -1  # the handle closes it
            handle.write(text)
    except OSError as exc:
        raise UsageError(f"cannot be written: {exc.strerror or exc}", path=path) from None
    finally:
        if fd >= 0:
            os.close(fd)


NOT_REGULAR = "cannot be written: not a regular file (a pipe, device or socket)"
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a pipe to write blocks until it has a reader, without it
_APPEND = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _refuse_special(path: str) -> None:
    """A UsageError when `path` (or what its link leads to) is a pipe, device or socket; a folder is
    left to the write, which names it ("Is a directory")."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # not there yet (or not reachable): the write says why
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise UsageError(NOT_REGULAR, path=path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
