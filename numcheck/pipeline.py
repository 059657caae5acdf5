"""The one way numcheck checks: files -> articles -> claims -> checks -> findings -> report."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from . import __version__, checks, compare, files, rulebook, suppress
from .claims import claims as article_claims
from .model import Claim, Finding, Report

_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}
_KIND_ORDER = {"conflict": 0, "rule": 1, "update": 2, "agreement": 3}


@dataclass(frozen=True, slots=True)
class Options:
    """What a run checks and with which rules; the CLI and the pytest plugin both build one."""

    paths: tuple[str, ...]
    rules: tuple[str, ...] = ()
    date: dt.date | None = None
    local_rules: bool = True


def run(options: Options) -> Report:
    """Check every article under the paths; raises NumcheckError when the run cannot be trusted."""
    book = rulebook.load(list(options.rules), use_local=options.local_rules)
    loaded = files.load(options.paths, options.date)
    articles = tuple(sorted(loaded.articles, key=lambda a: a.path))
    claims = [c for a in articles for c in article_claims(a, book)]
    findings = list(checks.check(claims, book)) + list(compare.compare(claims, book.needs_entity, book.cumulative))
    notes = tuple(f"warning: {w}" for w in loaded.warnings) + tuple(f"error: {u}" for u in loaded.unreadable)
    report = Report(__version__, articles, tuple(sorted(loaded.skipped, key=lambda s: s.path)),
                    tuple(claims), _numbered(findings, claims), notes, _matched(claims, book))
    return suppress.apply(report)  # <!-- numcheck: ignore ... --> comments in Markdown articles


def _matched(claims: list[Claim], book: rulebook.RuleBook) -> frozenset[str]:
    """Claims compared with something: a fact that applies, or a claim of another article."""
    out = {c.id for c in claims if any(checks.applies(f, c, book) for f in book.facts)}
    for members in compare.groups(claims, book.needs_entity).values():
        if len({c.path for c in members}) > 1:
            out.update(c.id for c in members)
    return frozenset(out)


def _numbered(findings: list[Finding], claims: list[Claim]) -> tuple[Finding, ...]:
    """Findings in a stable order (level, kind, first claim), numbered F1, F2, ..."""
    order = {c.id: (c.path, c.start) for c in claims}

    def key(f: Finding) -> tuple:
        first = min((order[i] for i in f.claims), default=("", 0))
        return (_LEVEL_ORDER[f.level], _KIND_ORDER.get(f.kind, 9), first, f.rule or "", f.message)

    return tuple(replace(f, id=f"F{i}") for i, f in enumerate(sorted(findings, key=key), 1))
