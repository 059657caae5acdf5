"""Front matter at the top of a Markdown article: YAML between `---`, TOML between `+++`."""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass

FIELDS = ("title", "date", "source", "lang", "story")
_FENCES = {"---": "yaml", "+++": "toml"}


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The fields numcheck reads, where the body starts, and what was wrong with the block."""

    fields: dict[str, object]
    body_start: int
    problems: tuple[str, ...] = ()


def split(text: str) -> FrontMatter:
    """Read a leading front-matter block; text without one has no fields."""
    lead = 1 if text.startswith("\ufeff") else 0  # a byte-order mark stays in the text
    first = text[lead:].split("\n", 1)[0].rstrip("\r")
    if first not in _FENCES:
        return FrontMatter({}, 0)
    fence = re.compile(rf"^{re.escape(first)}[ \t]*\r?$", re.M)
    end = fence.search(text, lead + len(first) + 1)
    if end is None:
        return FrontMatter({}, 0, (f"line 1: front matter opened with {first} is never closed",))
    block = text[lead + len(first) + 1 : end.start()]
    body_start = min(len(text), end.end() + 1)
    try:
        data = _load(_FENCES[first], block)
    except ValueError as exc:
        return FrontMatter({}, body_start, (f"front matter is not valid {_FENCES[first].upper()}: {exc}",))
    if not isinstance(data, dict):
        return FrontMatter({}, body_start, ("front matter is not a table of fields",))
    return _check({k: v for k, v in data.items() if k in FIELDS}, body_start)


def _load(kind: str, block: str) -> object:
    if kind == "toml":
        try:
            return tomllib.loads(block)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(str(exc)) from None
    import yaml  # PyYAML's safe loader: front matter is data, never code

    try:
        return yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        raise ValueError(" ".join(str(exc).split())) from None


def _check(fields: dict[str, object], body_start: int) -> FrontMatter:
    problems: list[str] = []
    out: dict[str, object] = {}
    for key, value in fields.items():
        if key == "date":
            date = parse_date(value)
            if date is None:
                problems.append(f"front matter date {value!r} is not a YYYY-MM-DD date; the date is unknown")
                continue
            out[key] = date
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out[key] = str(value)
        else:
            problems.append(f"front matter {key} should be text, not {type(value).__name__}")
    return FrontMatter(out, body_start, tuple(problems))


def parse_date(value: object) -> dt.date | None:
    """A date from front matter or a file name: a date value or YYYY-MM-DD text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.search(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None
