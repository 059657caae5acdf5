"""Front matter at the top of a Markdown article: YAML between `---`, TOML between `+++`.

Front matter is data, never code: YAML is read with PyYAML's safe loader (no tags that build
objects), TOML with tomllib. Whatever the block holds, reading it never fails the run: a problem
is reported with its line, and the article is checked with the fields that could be read.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass

FIELDS = ("title", "date", "source", "lang", "story")
MAX_CHARS = 64 * 1024  # a front-matter block longer than this is not read (it is not front matter)
_FENCES = {"---": "yaml", "+++": "toml"}
_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The fields numcheck reads, where the body starts, and what was wrong with the block:
    each problem as (line in the file, or None, message)."""

    fields: dict[str, object]
    body_start: int
    problems: tuple[tuple[int | None, str], ...] = ()


def split(text: str) -> FrontMatter:
    """Read a leading front-matter block; text without one has no fields."""
    lead = 1 if text.startswith("\ufeff") else 0  # a byte-order mark stays in the text
    first = text[lead : lead + 8].split("\n", 1)[0].rstrip("\r")
    if first not in _FENCES:
        return FrontMatter({}, 0)
    fence = re.compile(rf"^{re.escape(first)}[ \t]*\r?$", re.M)
    end = fence.search(text, lead + len(first) + 1)
    if end is None:
        return FrontMatter({}, 0, ((1, f"front matter opened with {first} is never closed; read as text"),))
    block = text[lead + len(first) + 1 : end.start()]
    body_start = min(len(text), end.end() + 1)
    if len(block) > MAX_CHARS:
        return FrontMatter(
            {}, body_start, ((1, f"front matter of {len(block):,} characters is longer than {MAX_CHARS // 1024} KiB; not read"),)
        )
    try:
        data = _load(_FENCES[first], block)
    except _Invalid as exc:
        return FrontMatter({}, body_start, ((exc.line, f"front matter is not valid {_FENCES[first].upper()}: {exc}"),))
    if not isinstance(data, dict):
        return FrontMatter({}, body_start, ((1, "front matter is not a table of fields"),))
    return _check({k: v for k, v in data.items() if k in FIELDS}, body_start, block)


class _Invalid(ValueError):
    """A block that cannot be read, with the file line where the parser stopped (1 if unknown)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(" ".join(message.split()) or "unreadable")
        self.line = line


def _load(kind: str, block: str) -> object:
    """The block's data; _Invalid, with what is wrong and where, when it cannot be read."""
    if kind == "toml":
        try:
            return tomllib.loads(block)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r" \(at line (\d+), column \d+\)", str(exc))
            raise _Invalid(str(exc).replace(m.group(0), "") if m else str(exc), int(m.group(1)) + 1 if m else 1) from None
        except RecursionError:
            raise _Invalid("nested too deeply") from None
    import yaml  # PyYAML's safe loader: front matter is data, never code

    try:
        return yaml.safe_load(block) or {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        raise _Invalid(what or type(exc).__name__, mark.line + 2 if mark else 1) from None
    except yaml.YAMLError as exc:
        raise _Invalid(str(exc)) from None
    except RecursionError:
        raise _Invalid("nested too deeply") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a value its constructors reject: 2023-02-30
        raise _Invalid(str(exc) or type(exc).__name__) from None


def _check(fields: dict[str, object], body_start: int, block: str) -> FrontMatter:
    problems: list[tuple[int | None, str]] = []
    out: dict[str, object] = {}
    for key, value in fields.items():
        line = _line(block, key)
        if key == "date":
            date = parse_date(value)
            if date is None:
                problems.append((line, f"front matter date {_show(value)} is not a YYYY-MM-DD date; the date is unknown"))
                continue
            out[key] = date
        elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
            problems.append((line, f"front matter {key} should be text, not {type(value).__name__}"))
        elif key == "lang" and not _LANG.fullmatch(str(value).strip()):
            problems.append((line, f"front matter lang {_show(value)} is not a language code such as en or fr; ignored"))
        else:
            out[key] = str(value)
    return FrontMatter(out, body_start, tuple(problems))


def _line(block: str, key: str) -> int | None:
    """The file line a field is on (the block starts on line 2), when it can be found."""
    m = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*[:=]", block, re.M)
    return block.count("\n", 0, m.start()) + 2 if m else None


def _show(value: object) -> str:
    """A value for a message: text quoted and cut short, anything else by its type."""
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value) if len(repr(value)) <= 40 else f"a number of {len(repr(value))} digits"
    return f"(a {type(value).__name__})"


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
