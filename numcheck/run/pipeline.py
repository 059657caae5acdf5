"""The one way numcheck checks: files -> articles -> claims -> checks -> findings -> report."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Set as AbstractSet
from dataclasses import replace


from numcheck import __version__
from numcheck.report import render_text
from numcheck.store import identity, memo
from numcheck.read import exclude, walk
from numcheck.errors import UsageError
from numcheck.model import ENGINES, TYPE_CHECKING, Claim, Finding, Options, Report
from numcheck.store.claimstore import ClaimStore

if TYPE_CHECKING:
    from numcheck.rules.rulebook import RuleBook
    from numcheck.run.engine import Runner
# The modules that check are imported when a run checks: one that finds its memo needs none of them.

_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}
_KIND_ORDER = {"conflict": 0, "rule": 1, "update": 2, "agreement": 3}


def run(options: Options) -> Report:
    """Check every article under the paths; raises NumcheckError when the run cannot be trusted."""
    if options.engine not in ENGINES:
        raise UsageError(f"--engine {options.engine!r}: expected one of {', '.join(ENGINES)}")
    if options.jobs is not None and options.jobs < 1:
        raise UsageError(f"--jobs {options.jobs}: expected 1 or more worker processes")
    cache_dir = (options.cache_dir or identity.default_dir()) if options.cache else None
    kept = digest = None
    damaged: tuple[str, ...] = ()
    found = exclude.apply(walk.found(options.paths), options.exclude, options.gitignore)
    if cache_dir is not None:  # an unchanged corpus: the last run's report (memo.py)
        kept, digest = memo.path(cache_dir, options), memo.premise(options, found, cache_dir)
        try:
            last = memo.load(kept, digest) if digest else None
        except memo.Damaged as exc:
            last, damaged = None, (f"warning: the last run's memo {kept} was damaged ({exc}); checked again and rewritten",)
        if last is not None:
            return last
    report, checked = _run(options, cache_dir, found)
    # Kept only when the bytes the run checked are those the digest was made of, and still on disk:
    # a file changed and changed back while it ran must not leave a report of bytes no file holds.
    if (
        kept
        and digest
        and memo.premise(options, found, cache_dir, checked) == digest
        and memo.premise(options, cache_dir=cache_dir) == digest
    ):
        memo.store(kept, digest, report)
    return replace(report, notes=report.notes + damaged) if damaged else report


def _run(options: Options, cache_dir: str | None, found: list[tuple[str, str | None]]) -> tuple[Report, dict[str, str]]:
    from numcheck.run import engine  # lazy: a run that finds its memo never loads the checks
    from numcheck.rules import rulefile  # lazy: a run that finds its memo never loads the rules
    from numcheck.report import suppress  # lazy: a run that finds its memo never loads the checks

    book = rulefile.load(list(options.rules), use_local=options.local_rules)
    settings = engine.Settings(
        cache_dir=cache_dir,
        progress=sys.stderr.isatty() if options.progress is None else options.progress,
        keep_text=options.keep_text,
    )
    done = engine.extract(found, options.date, book, settings, _runner(options))
    articles, skipped, claims = done.ordered()
    findings, matched = check(claims, book)
    report = Report(__version__, articles, skipped, claims, _numbered(findings, claims), done.notes(), matched)
    return suppress.apply(report), done.digests  # suppress: <!-- numcheck: ignore ... --> comments in Markdown


def _runner(options: Options) -> Runner:
    """The engine that extracts the articles the cache does not have (engine.Runner)."""
    if options.engine == "dask":
        from numcheck.run import dask_engine  # lazy: a local run never loads the Dask engine

        return dask_engine.DaskRunner(options.scheduler, options.jobs)
    from numcheck.run import local_engine  # lazy: a run that finds its memo never loads the checks

    return local_engine.LocalRunner(options.jobs)


def check(claims: ClaimStore, book: RuleBook) -> tuple[list[Finding], AbstractSet[str]]:
    """The rules' findings and the cross-article ones, and the ids of the claims compared with
    something (a fact that applies, or a claim of another article). Claims are read in one pass
    and groups hold positions, so a run holds a Claim object only while it looks at it."""
    from numcheck.check import align, checks, compare, partwhole, slips  # lazy: a run that finds its memo never loads the checks

    marks = bytearray(len(claims))
    findings: list[Finding] = []
    parts = array("I")  # the claims that could be a part or a whole (partwhole.py)

    def rules(i: int, c: Claim) -> None:
        found, applied = checks.check_one(c, book)
        findings.extend(found)
        marks[i] = applied
        if partwhole.candidate(c):
            parts.append(i)

    grouped = compare.row_groups(claims, book.needs_entity, rules)

    def spanning(rows: array) -> None:
        for i in rows:
            marks[i] = 1

    findings += compare.compare_groups(claims, grouped, book.cumulative, spanning)
    findings += partwhole.check(claims, parts, book.needs_entity, book.cumulative, spanning)
    findings += align.check(claims, marks, book.cumulative, spanning)  # what the two left compared with nothing
    findings = slips.check(claims, findings, spanning)  # one figure written with one number in two units
    return findings, claims.marked(marks)


def _numbered(findings: list[Finding], claims: ClaimStore) -> tuple[Finding, ...]:
    """Findings in words (render_text.message), in a stable order (level, kind, first claim),
    numbered F1, F2, ..., each made once, with its data kept as the memo keeps it (memo.kept: its
    JSON text, a third of the tuples it stands for; an archive's report holds many findings). The
    list is consumed: each finding is let go as its numbered form is made, so that a run never
    holds two forms of all its findings."""
    messages = [render_text.message(f) for f in findings]

    def key(n: int) -> tuple:
        f = findings[n]
        found = claims.places_of(f.claims)  # each finding's claims for it alone, with no table of every cited claim
        first = min(found, default=("", 0))
        return (_LEVEL_ORDER[f.level], _KIND_ORDER.get(f.kind, 9), first, f.rule or "", messages[n])

    out = []
    for i, n in enumerate(sorted(range(len(findings)), key=key), 1):
        f = findings[n]
        out.append(replace(f, id=f"F{i}", message=messages[n], said=memo.kept(f.said)))
        findings[n] = out[-1]  # the check's form let go
    findings.clear()
    return tuple(out)
