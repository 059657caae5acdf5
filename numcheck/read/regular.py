"""The one way numcheck opens a file it reads: never blocking, only a regular file, never past a cap.

An article, a rule file, a cache entry, the run's memo, a baseline: any of them can be replaced by
a named pipe (opening it for reading waits for a writer for ever), a device (`/dev/zero` never
ends) or a file that grows while it is read. Every file is opened with O_NONBLOCK (a pipe opens at
once), checked with fstat to be a regular file before a byte is read, and read up to a size cap.
"""

from __future__ import annotations

import errno
import os
import stat

from numcheck.model import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import BinaryIO

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegular(OSError):
    """A pipe, a device, a socket or a folder where a file was expected."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EINVAL, "not a regular file", path)


class TooLarge(OSError):
    """A file over the cap its reader allows; `size` is what it holds (at least cap + 1)."""

    def __init__(self, path: str, size: int, cap: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {cap:,} bytes ({size:,} bytes)", path)
        self.size, self.cap = size, cap


def open_regular(path: str) -> BinaryIO:
    """The file opened for reading in binary, after fstat says it is a regular file; raises
    OSError (NotRegular for a pipe, device or folder) and never blocks."""
    fd = os.open(path, _FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(path)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(path: str, cap: int) -> bytes:
    """All the bytes of a regular file of at most `cap` bytes; raises TooLarge when it holds more
    (as fstat says, or as it grew while it was read), NotRegular or another OSError. Read from the
    descriptor, without a buffered file: a run reads every article, and a buffered read of cap + 1
    bytes allocates the cap each time (a fifth of the CPU of a run that finds its memo)."""
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(path)
        if info.st_size > cap:
            raise TooLarge(path, info.st_size, cap)
        parts, total = [], 0
        while total <= cap:  # to the end, or one byte past the cap for a file that grew
            chunk = os.read(fd, min(cap + 1 - total, max(info.st_size + 1 - total, _CHUNK)))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    data = parts[0] if len(parts) == 1 else b"".join(parts)
    if len(data) > cap:
        raise TooLarge(path, len(data), cap)
    return data


_CHUNK = 1 << 16  # what a read asks for once the file has given the size fstat said
