"""Reading the rules: the built-in file, ./rules/ and every --rules folder, TOML to one RuleBook.

Every problem is reported as `path:line: what is wrong`, and stops the run. A rule's id is its
file's stem and its own id ("ukraine.bakhmut-prewar-population").

tomllib places syntax errors; _Locator finds the line of a section, table or key for the errors
tomllib cannot place (wrong types, unknown fields, missing sources).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import tomllib
from dataclasses import replace
from collections.abc import Callable, Iterable
from typing import Any, TypeGuard
from importlib import resources

from numcheck.errors import RuleError
from numcheck.extract import language
from numcheck.read import regular
from numcheck.read.walk import MAX_RULE_BYTES, rule_paths
from numcheck.model import less
from numcheck.rules.rulebook import CONSTRAINT_KINDS, LEVELS, SECTIONS, Constraint, Event, Fact, Measure, RuleBook


def parse_file(stem: str, path: str, text: str) -> RuleBook:
    """One rule file's contents, checked; every problem names its line."""
    text = text.removeprefix("\ufeff")  # a byte-order mark is not TOML, but harmless
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise RuleError("TOML nested too deeply", path=path, line=1) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(m.group(1)) if m else max(1, len(text.splitlines()))  # "(at end of document)"
        what = re.sub(r" \(at (line|end of document).*", "", str(exc))
        raise RuleError(f"TOML syntax: {what}", path=path, line=line) from None
    where = _Locator(path, text)
    for key in data:
        if key not in SECTIONS:
            raise where.error(f"unknown section [{key}]; expected one of {', '.join(SECTIONS)}", key)
    _finite(data, where)
    entities = _aliases(data.get("entities", {}), "entities", where)
    check_aliases([(path, text, entities)])
    facts = tuple(_fact(stem, i, f, where) for i, f in enumerate(_tables(data, "facts", where)))
    check_contradictions(facts)
    return RuleBook(
        entities=entities,
        events=_events(data.get("events", {}), where),
        measures=_measures(data.get("measures", {}), where),
        times=_aliases(data.get("times", {}), "times", where),
        people=_words(data["people"], "people", "people", where) if "people" in data else (),
        incidents=_aliases(data.get("incidents", {}), "incidents", where),
        rates=_rates(data.get("rates", {}), where),
        facts=facts,
        constraints=tuple(_constraint(stem, i, c, where) for i, c in enumerate(_tables(data, "constraints", where))),
        files=(path,),
    )


class _Locator:
    """Finds the line a section, table or key starts on, for errors tomllib cannot place."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self._starts: dict[str, list[int]] = {}  # section -> the lines its headers are on, found once

    def line(self, section: str, index: int | None = None, key: str | None = None) -> int:
        starts = self._starts.get(section)
        if starts is None:  # one pass a section, not one a fact: 100,000 facts are read in seconds
            header = re.compile(rf"^\s*\[\[?\s*{re.escape(section)}\s*\]\]?\s*(#.*)?$")
            starts = self._starts[section] = [i for i, ln in enumerate(self.lines) if header.match(ln)]
        start = starts[min(index or 0, len(starts) - 1)] if starts else 0
        if key is not None:
            keyrx = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
            for i in range(start, len(self.lines)):
                if i > start and self.lines[i].lstrip().startswith("["):
                    break
                if keyrx.match(self.lines[i]):
                    return i + 1
        return start + 1

    def error(self, message: str, section: str, index: int | None = None, key: str | None = None) -> RuleError:
        return RuleError(message, path=self.path, line=self.line(section, index, key))


def _finite(data: dict, where: _Locator) -> None:
    """inf, nan and 1e400 (which TOML reads as inf) are no figures: a rule holding one cannot be checked."""
    for section, table in data.items():
        for i, item in enumerate(table if isinstance(table, list) else [table]):
            for key, value in item.items() if isinstance(item, dict) else ():
                if isinstance(value, float) and not math.isfinite(value):
                    name = f"{section.removesuffix('s')} {item['id']!r}" if isinstance(item.get("id"), str) else section
                    raise where.error(
                        f"{name}: {key} = {value} is not a finite number", section, i if isinstance(table, list) else None, key
                    )


def _words(value: object, section: str, key: str, where: _Locator) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.error(f"{section}.{key} must be a list of non-empty strings", section, key=key)
    return tuple(value)


def _aliases(table: object, section: str, where: _Locator) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise where.error(f"[{section}] must be a table of name = [aliases]", section)
    return {k: _words(v, section, k, where) for k, v in table.items()}


def _rates(table: object, where: _Locator) -> dict[str, float]:
    """[rates] EUR = 1.08: what one unit of a currency is worth in the rules' base currency, so
    that money in two currencies can be compared. Without a rate they never are."""
    if not isinstance(table, dict):
        raise where.error("[rates] must be a table of CODE = value in one base currency", "rates")
    out = {}
    for k, v in table.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
            raise where.error(f"rate {k!r} must be a positive number (one {k} in the base currency)", "rates", key=k)
        out[k] = float(v)
    return out


def _events(table: object, where: _Locator) -> dict[str, Event]:
    if not isinstance(table, dict):
        raise where.error("[events] must be a table of name = { date = YYYY-MM-DD, aliases = [...] }", "events")
    out = {}
    for k, v in table.items():
        if not isinstance(v, dict) or not isinstance(v.get("date"), dt.date) or isinstance(v.get("date"), dt.datetime):
            raise where.error(f"event {k!r} needs date = YYYY-MM-DD (a TOML date, unquoted)", "events", key=k)
        out[k] = Event(k, v["date"], _words(v.get("aliases", [k]), "events", k, where))
    return out


def _measures(table: object, where: _Locator) -> dict[str, Measure]:
    if not isinstance(table, dict):
        raise where.error("[measures] must be a table of name = [words] or { words = [...], cumulative = true }", "measures")
    out = {}
    for k, v in table.items():
        if isinstance(v, dict):
            unknown = set(v) - {"words", "cumulative", "kinds", "stock", "needs_entity", "located", "role"}
            if unknown:
                raise where.error(f"measure {k!r} has unknown field(s) {', '.join(sorted(unknown))}", "measures", key=k)
            for flag in ("cumulative", "stock", "needs_entity", "located"):
                if not isinstance(v.get(flag, False), bool):
                    raise where.error(f"measure {k!r}: {flag} must be true or false", "measures", key=k)
            if not isinstance(v.get("role", ""), str):
                raise where.error(f"measure {k!r}: role must be a string", "measures", key=k)
            kinds = v.get("kinds", [])
            out[k] = Measure(
                k,
                _words(v.get("words"), "measures", k, where) if "words" in v or not v.get("role") else (),  # a role may need none
                v.get("cumulative", False),
                _words(kinds, "measures", k, where) if kinds else (),
                v.get("stock", False),
                v.get("needs_entity", False),
                v.get("located", False),
                v.get("role"),
            )
        else:
            out[k] = Measure(k, _words(v, "measures", k, where))
    return out


def _tables(data: dict, section: str, where: _Locator) -> list[dict]:
    items = data.get(section, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise where.error(f"{section} must be written as [[{section}]] tables", section)
    return items


def _common(section: str, i: int, item: dict, where: _Locator, allowed: set[str]) -> str:
    unknown = set(item) - allowed
    if unknown:
        key = sorted(unknown)[0]
        raise where.error(f"unknown field {key!r} in [[{section}]]; allowed: {', '.join(sorted(allowed))}", section, i, key)
    rid = item.get("id")
    if not isinstance(rid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", rid):
        raise where.error(f'[[{section}]] needs id = "lower-case-words"', section, i, "id")
    level = item.get("level", "error")
    if level not in LEVELS:
        raise where.error(f"level must be one of {', '.join(LEVELS)}", section, i, "level")
    return rid


def _fact(stem: str, i: int, item: dict, where: _Locator) -> Fact:
    allowed = {"id", "entity", "measure", "time", "value", "low", "high", "tolerance", "unit", "source", "description", "level"}
    rid = _common("facts", i, item, where, allowed)
    for key in ("measure", "source"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise where.error(
                f'fact {rid!r} needs {key} = "..." (every fact cites its source)', "facts", i, key if key in item else None
            )
    for key in ("entity", "time", "unit", "description"):
        if key in item and not isinstance(item[key], str):
            raise where.error(f"fact {rid!r}: {key} must be a string", "facts", i, key)
    low, high = _fact_interval(rid, i, item, where)
    return Fact(
        f"{stem}.{rid}",
        item["measure"],
        low,
        high,
        item.get("entity"),
        item.get("time"),
        item["source"],
        item.get("description", ""),
        where.path,
        where.line("facts", i),
        item.get("unit"),
        item.get("level", "error"),
    )


def _fact_interval(rid: str, i: int, item: dict, where: _Locator) -> tuple[float | dt.date, float | dt.date]:
    has_value, has_range = "value" in item, "low" in item or "high" in item
    if has_value == has_range:
        raise where.error(f"fact {rid!r} needs either value = ... or low = ... and high = ...", "facts", i)
    tol = item.get("tolerance", 0)
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not 0 <= tol < 1:
        raise where.error(f"fact {rid!r}: tolerance must be a fraction from 0 to 1, such as 0.1", "facts", i, "tolerance")
    if has_value:
        v = item["value"]
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            return v, v
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise where.error(f"fact {rid!r}: value must be a number or a date, not {type(v).__name__}", "facts", i, "value")
        return float(v) * (1 - tol), float(v) * (1 + tol)
    lo, hi = item.get("low"), item.get("high")
    interval: tuple[float, float] | tuple[dt.date, dt.date]
    if _is_number(lo) and _is_number(hi):
        interval, above = (float(lo), float(hi)), lo > hi
    elif _is_day(lo) and _is_day(hi):
        interval, above = (lo, hi), lo > hi
    else:
        raise where.error(f"fact {rid!r}: low and high must both be numbers or both dates", "facts", i, "low")
    if above:
        raise where.error(f"fact {rid!r}: low is above high", "facts", i, "low")
    return interval


def _is_number(x: object) -> TypeGuard[float]:
    """A number a rule file may bound a fact with: an int or a float, never a bool."""
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _is_day(x: object) -> TypeGuard[dt.date]:
    """A day, never a date with a time."""
    return isinstance(x, dt.date) and not isinstance(x, dt.datetime)


def _constraint(stem: str, i: int, item: dict, where: _Locator) -> Constraint:
    rid = _common("constraints", i, item, where, {"id", "kind", "measure", "value", "description", "level"})
    kind = item.get("kind")
    if kind not in CONSTRAINT_KINDS:
        raise where.error(f"constraint {rid!r}: kind must be one of {', '.join(CONSTRAINT_KINDS)}", "constraints", i, "kind")
    value = item.get("value")
    if kind in ("min", "max") and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise where.error(
            f"constraint {rid!r}: kind {kind} needs value = a number", "constraints", i, "value" if "value" in item else "kind"
        )
    measure = item.get("measure")
    if measure is not None and not isinstance(measure, str):
        raise where.error(f"constraint {rid!r}: measure must be a string", "constraints", i, "measure")
    return Constraint(
        f"{stem}.{rid}",
        kind,
        item.get("description", ""),
        where.path,
        where.line("constraints", i),
        measure,
        None if value is None else float(value),
        item.get("level", "error"),
    )


def check_aliases(files: list[tuple[str, str, dict[str, tuple[str, ...]]]]) -> None:
    """An alias names one entity: an alias two entities claim, in one file or two, stops the run.
    Aliases name entities directly, never other aliases, so there are no chains to follow; the one
    cycle that can be written, kyiv = ["Kiev"] beside kiev = ["Kyiv"], is an alias that is the name
    of another entity, and stops the run too."""
    owner: dict[str, tuple[str, str, str]] = {}  # alias as matched -> (entity, path, text) that claimed it first
    named = {_matched(name.replace("_", " ")): (name, path, text) for path, text, entities in files for name in entities}
    ways: tuple[tuple[str, Callable[[str, tuple[str, str, str]], tuple[str, str, str]]], ...] = (
        ("is already an alias of", lambda alias, here: owner.setdefault(alias, here)),
        ("is the name of", lambda alias, here: named.get(alias, here)),
    )
    for how, claims in ways:
        for path, text, entities in files:
            for name, aliases in entities.items():
                for alias in aliases:
                    claimed = claims(_matched(alias), (name, path, text))
                    if claimed[0] != name:
                        line = _Locator(claimed[1], claimed[2]).line("entities", key=claimed[0])
                        raise _Locator(path, text).error(
                            f"alias {alias!r} of entity {name!r} {how} entity {claimed[0]!r} "
                            f"({claimed[1]}:{line}); an alias names one entity",
                            "entities",
                            key=name,
                        )


def _matched(alias: str) -> str:
    return " ".join(alias.lower().replace("-", " ").split())


def check_contradictions(facts: Iterable[Fact]) -> None:
    """Two facts about one thing (measure, entity, time, unit) whose intervals do not overlap cannot both hold."""
    seen: dict[tuple[object, ...], list[Fact]] = {}
    bounds: dict[tuple[object, ...], tuple[Any, Any]] = {}  # key -> (highest low, lowest high) so far
    for f in facts:
        key = (f.measure, f.entity, f.time, f.unit, isinstance(f.low, dt.date))
        if key in bounds and not (f.high < bounds[key][0] or bounds[key][1] < f.low):
            seen[key].append(f)  # overlaps every fact before it: no need to look at each (linear in facts)
            bounds[key] = (max(bounds[key][0], f.low), min(bounds[key][1], f.high))
            continue
        for g in seen.get(key, []):
            if less(f.high, g.low) or less(g.high, f.low):  # one sort: the key holds whether they are days
                about = f.measure + (f" of {f.entity}" if f.entity else "") + (f" at {f.time!r}" if f.time else "")
                raise RuleError(
                    f"fact {f.id!r} ({_shown(f)}) contradicts fact {g.id!r} ({_shown(g)}, {g.path}:{g.line}): "
                    f"both cannot hold for {about}",
                    path=f.path,
                    line=f.line,
                )
        seen.setdefault(key, []).append(f)
        low, high = bounds.get(key, (f.low, f.high))
        bounds[key] = (max(low, f.low), min(high, f.high))


def _shown(f: Fact) -> str:
    lo, hi = (x.isoformat() if isinstance(x, dt.date) else f"{x:,.10g}" for x in (f.low, f.high))
    return lo if lo == hi else f"{lo} to {hi}"


def load(dirs: list[str], use_local: bool = True) -> RuleBook:
    """The built-in rules, then ./rules/ if present and wanted, then each directory given."""
    sources: list[tuple[str, str, str]] = []
    builtin = resources.files("numcheck.rules").joinpath("builtin.toml")
    sources.append(("builtin", "numcheck/builtin.toml", builtin.read_text(encoding="utf-8")))
    for path in rule_paths(dirs, use_local):
        sources.append((os.path.splitext(os.path.basename(path))[0], path, read(path)))
    books = [parse(stem, path, text) for stem, path, text in sources]
    books[0] = _with_languages(books[0])
    check_aliases([(path, text, book.entities) for (_, path, text), book in zip(sources, books)])
    return merge(books)


def _with_languages(book: RuleBook) -> RuleBook:
    """The built-in rules with each language file's words for them ([rules] in numcheck/lang/)."""
    for code in language.codes():
        extra = language.data(code).get("rules")
        if not extra:
            continue
        measures = dict(book.measures)
        for k, words in extra.get("measures", {}).items():
            measures[k] = replace(measures[k], words=tuple(dict.fromkeys(measures[k].words + tuple(words))))
        times = dict(book.times)
        for k, words in extra.get("times", {}).items():
            times[k] = tuple(dict.fromkeys(times.get(k, ()) + tuple(words)))
        people = tuple(dict.fromkeys(book.people + tuple(extra.get("people", ()))))
        book = replace(book, measures=measures, times=times, people=people)
    return book


def read(path: str) -> str:
    """A rule file's text: a regular file of at most MAX_RULE_BYTES, in UTF-8; else a RuleError."""
    try:
        data = regular.read_capped(path, MAX_RULE_BYTES)
    except regular.TooLarge as exc:
        raise RuleError(
            f"larger than the {MAX_RULE_BYTES // 2**20} MiB limit for a rule file ({exc.size:,} bytes)", path=path
        ) from None
    except OSError as exc:
        raise RuleError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RuleError(f"not valid UTF-8 (byte {exc.start}); save it as UTF-8", path=path, line=line) from None


def parse(stem: str, path: str, text: str) -> RuleBook:
    """One rule file's contents, checked; every problem names its line (see rulefile.py)."""
    return parse_file(stem, path, text)


def merge(books: list[RuleBook]) -> RuleBook:
    """Later files add aliases and words to earlier ones; ids must be unique across files."""
    entities: dict[str, tuple[str, ...]] = {}
    measures: dict[str, Measure] = {}
    times: dict[str, tuple[str, ...]] = {}
    events: dict[str, Event] = {}
    facts: dict[str, Fact] = {}
    constraints: dict[str, Constraint] = {}
    for book in books:
        for k, v in book.entities.items():
            entities[k] = tuple(dict.fromkeys(entities.get(k, ()) + v))
        for k, v in book.times.items():
            times[k] = tuple(dict.fromkeys(times.get(k, ()) + v))
        for k, m in book.measures.items():
            old = measures.get(k)
            measures[k] = (
                m
                if old is None
                else Measure(
                    k,
                    tuple(dict.fromkeys(old.words + m.words)),
                    old.cumulative or m.cumulative,
                    old.kinds or m.kinds,
                    old.stock or m.stock,
                    old.needs_entity or m.needs_entity,
                    old.located or m.located,
                    old.role or m.role,
                )
            )
        events.update(book.events)
        for f in book.facts:
            if f.id in facts:
                raise RuleError(
                    f"duplicate rule id {f.id!r} (first in {facts[f.id].path}:{facts[f.id].line})", path=f.path, line=f.line
                )
            facts[f.id] = f
        for c in book.constraints:
            if c.id in constraints:
                raise RuleError(
                    f"duplicate rule id {c.id!r} (first in {constraints[c.id].path}:{constraints[c.id].line})",
                    path=c.path,
                    line=c.line,
                )
            constraints[c.id] = c
    check_contradictions(facts.values())
    for f in facts.values():
        if f.measure not in measures:
            raise RuleError(f"fact {f.id!r} names measure {f.measure!r}, which no rule file defines", path=f.path, line=f.line)
        if f.entity is not None and f.entity not in entities and f.entity not in events:
            raise RuleError(f"fact {f.id!r} names entity {f.entity!r}, which no rule file defines", path=f.path, line=f.line)
    people = tuple(dict.fromkeys(w for b in books for w in b.people))
    rates = {k: v for b in books for k, v in b.rates.items()}
    return RuleBook(
        entities,
        events,
        measures,
        times,
        people,
        rates,
        tuple(facts.values()),
        tuple(constraints.values()),
        tuple(p for b in books for p in b.files),
        incidents={k: v for b in books for k, v in b.incidents.items()},
    )
