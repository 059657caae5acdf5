"""Configuration, found as ruff and Vale find theirs: `numcheck.toml`, or `[tool.numcheck]` in
`pyproject.toml`, in the working folder or the nearest folder above it that has one.

    [tool.numcheck]                      # or, in numcheck.toml, the same keys at the top level
    paths = ["articles"]                 # what `numcheck` with no PATH checks
    exclude = ["README.md", "drafts/"]   # globs left out (as --exclude)
    rules = ["rules/extra"]              # rules folders to add (as --rules)
    fail-on = "warning"                  # the lowest level that fails a run: error (default) or warning
    date = "2024-05-01"                  # the date of articles that give none (as --date)
    format = "concise"                   # the default output format (as --format)

Folders and globs are relative to the file's folder. A flag given on the command line wins over
the file; `--exclude` adds to its globs. A mistake in the file stops the run, naming the file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from numcheck.errors import UsageError

NAMES = ("numcheck.toml", ".numcheck.toml", "pyproject.toml")  # in this order, in each folder
KEYS = {"paths": list, "exclude": list, "rules": list, "fail-on": str, "date": str, "format": str}
LEVELS = ("error", "warning")


@dataclass(frozen=True)
class Config:
    """What the file says, its folders made relative to the working folder."""

    path: str | None = None  # the file read, None when there is none
    paths: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    fail_on: str | None = None
    date: str | None = None
    format: str | None = None
    extra: dict = field(default_factory=dict)


def find(start: str | None = None) -> str | None:
    """The configuration file for a run started in `start` (the working folder), or None."""
    here = os.path.abspath(start or os.getcwd())
    while True:
        for name in NAMES:
            candidate = os.path.join(here, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _has_table(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    if b"numcheck" not in data:  # most pyproject.toml files: no need to parse them
        return False
    import tomllib  # lazy: with typing and string, a tenth of a warm run's imports, and most runs have no configuration

    try:
        return isinstance(tomllib.loads(data.decode("utf-8")).get("tool", {}).get("numcheck"), dict)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False


def load(path: str | None = None, formats: tuple[str, ...] = ()) -> Config:
    """The configuration in `path` (default: the one `find` finds); an empty Config without one."""
    path = path or find()
    if path is None:
        return Config()
    import tomllib  # lazy: with typing and string, a tenth of a warm run's imports, and most runs have no configuration

    try:
        with open(path, "rb") as handle:
            doc = tomllib.loads(handle.read().decode("utf-8-sig"))
    except OSError as exc:
        raise UsageError(f"configuration cannot be read: {exc.strerror or exc}", path=path) from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"configuration is not valid UTF-8 (byte {exc.start})", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"configuration is not valid TOML: {exc}", path=path) from None
    table = doc.get("tool", {}).get("numcheck", {}) if os.path.basename(path) == "pyproject.toml" else doc
    where = "[tool.numcheck]" if os.path.basename(path) == "pyproject.toml" else "the file"
    if not isinstance(table, dict):
        raise UsageError(f"{where} must be a table of settings", path=path)
    for key, value in table.items():
        if key not in KEYS:
            raise UsageError(f"unknown setting {key!r} in {where}; known: {', '.join(KEYS)}", path=path)
        want = KEYS[key]
        if not isinstance(value, want) or (want is list and not all(isinstance(v, str) for v in value)):
            kind = "a list of strings" if want is list else "a string"
            raise UsageError(f"setting {key!r} must be {kind}", path=path)
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in LEVELS:
        raise UsageError(f"setting 'fail-on' must be one of {', '.join(LEVELS)}, not {fail_on!r}", path=path)
    fmt = table.get("format")
    if fmt is not None and formats and fmt not in formats:
        raise UsageError(f"setting 'format' must be one of {', '.join(formats)}, not {fmt!r}", path=path)
    base = os.path.dirname(os.path.abspath(path))
    return Config(
        path=path,
        paths=tuple(_here(base, p) for p in table.get("paths", [])),
        exclude=tuple(_glob(base, g) for g in table.get("exclude", [])),
        rules=tuple(_here(base, r) for r in table.get("rules", [])),
        fail_on=fail_on,
        date=table.get("date"),
        format=fmt,
    )


def _here(base: str, path: str) -> str:
    """A path of the file, as seen from the working folder (relative when it is below it)."""
    full = os.path.normpath(os.path.join(base, os.path.expanduser(path)))
    rel = os.path.relpath(full)
    return full if rel.startswith(os.pardir) else rel


def _glob(base: str, glob: str) -> str:
    """A glob anchored with / is anchored at the file's folder: re-anchored at the working folder."""
    if not glob.startswith("/"):
        return glob
    rel = os.path.relpath(base)
    if rel == os.curdir or rel.startswith(os.pardir):
        return glob
    return "/" + rel.replace(os.sep, "/") + glob
