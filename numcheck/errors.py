"""Errors a user can act on: each carries its exit code and prints as one line."""

from __future__ import annotations


class NumcheckError(Exception):
    """A usage, configuration or input error: the run cannot be trusted (exit 2)."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.bare = message
        where = path if path is not None else ""
        if path is not None and line is not None:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class RuleError(NumcheckError):
    """A rule file that cannot be loaded or does not make sense."""


class UsageError(NumcheckError):
    """The command line asks for something impossible."""
