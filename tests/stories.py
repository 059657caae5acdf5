"""Small stories written into a temporary folder, and reports built by hand, for the format tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, NamedTuple

from numcheck.model import Article, Claim, Finding, Report
from numcheck.store import claimbuild

if TYPE_CHECKING:
    from numcheck.rules.rulebook import RuleBook

FIVE = "Five people were killed when the bridge collapsed on Sunday.\n"
THREE = "Officials said three people were killed when the bridge collapsed on Sunday.\n"
SHARE = "The survey found that 120% of voters backed the plan.\n"


def write(root: Path, files: dict[str, str]) -> Path:
    """Write {relative path: text} under root; return root."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def conflict_story(root: Path, story: str = "bridge", first: str = "a.md", second: str = "b.md") -> Path:
    return write(root, {f"{story}/{first}": FIVE, f"{story}/{second}": THREE})


def claim(path: str, line: int, surface: str, value: float, measure: str = "killed") -> Claim:
    """A claim made by hand, so a test does not depend on what extraction reads."""
    return Claim(
        id=f"{path}:{line}:1",
        path=path,
        story="s",
        line=line,
        column=1,
        start=100 * line,
        end=100 * line + len(surface),
        surface=surface,
        sentence=f"{surface} people were {measure}.",
        kind="count",
        value=value,
        low=value,
        high=value,
        unit=None,
        approx="exact",
        measure=measure,
    )


def synthetic(conflicts: int, warnings: int, infos: int = 0) -> Report:
    """A report with that many conflicts (error), rule warnings and agreements (info)."""
    claims: list[Claim] = []
    findings: list[Finding] = []
    for i in range(conflicts):
        a, b = claim(f"s/c{i}.md", 1, "Five", 5), claim(f"s/d{i}.md", 2, "three", 3)
        claims += [a, b]
        findings.append(
            Finding(
                f"F{len(findings) + 1}",
                "conflict",
                "error",
                f"killed: 'Five' vs 'three' #{i}",
                (a.id, b.id),
                detail=((b.id,), (a.id,)),
            )
        )
    for i in range(warnings):
        c = claim(f"s/w{i}.md", 3, "120%", 120, "share")
        claims.append(c)
        findings.append(
            Finding(
                f"F{len(findings) + 1}",
                "rule",
                "warning",
                f"'120%': more than the whole #{i}",
                (c.id,),
                rule="builtin.percent-max",
                source="A share is at most 100%.",
            )
        )
    for i in range(infos):
        c = claim(f"s/i{i}.md", 4, "7", 7)
        claims.append(c)
        findings.append(Finding(f"F{len(findings) + 1}", "agreement", "info", "agree", (c.id,), detail=((c.id,),)))
    articles = tuple(Article(p, "", "s") for p in sorted({c.path for c in claims}))
    store = claimbuild.of(claims)
    return Report("0.0.0", articles, (), store, tuple(findings), matched=store.marked(bytearray(len(store))))


def read_claims(path: str, text: str, date: dt.date, book: RuleBook) -> list[Claim]:
    """The claims numcheck reads in one invented article of the story "story", dated `date`."""
    from numcheck.attribute.claims import claims  # lazy: the format tests never parse

    return claims(Article(path, text, "story", date), book)


def one(found: list[Claim], surface: str) -> Claim:
    """The claim whose surface is, or holds, `surface`."""
    return next(c for c in found if c.surface == surface or surface in c.surface)


class Checked(NamedTuple):
    """A pair of a data file checked: its two figures, the claims of both articles, the findings,
    and the ids of the claims compared with something."""

    a: Claim
    b: Claim
    claims: list[Claim]
    findings: list[Finding]
    matched: AbstractSet[str]


def checked_pair(pair: dict, day: dt.date, book: RuleBook) -> Checked:
    """A pair of a data file (articles `a` and `b` of one story, figures `figure_a`, `figure_b`)
    checked as one story."""
    from numcheck.run.pipeline import check  # lazy, as read_claims

    found_a, found_b = read_claims("a.txt", pair["a"], day, book), read_claims("b.txt", pair["b"], day, book)
    findings, matched = check(claimbuild.of(found_a + found_b), book)
    return Checked(one(found_a, pair["figure_a"]), one(found_b, pair["figure_b"]), found_a + found_b, findings, matched)
