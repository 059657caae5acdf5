"""The figures a report ends with: what was checked, matched, left unattributed and found."""
from __future__ import annotations

from dataclasses import dataclass

from numcheck.store.claimstore import unattributed
from numcheck.model import Report


@dataclass(frozen=True, slots=True)
class Summary:
    articles: int
    skipped: int
    claims: int
    matched: int  # compared with a rule or with a claim of another article
    unattributed: int  # no measure: nothing to compare it with
    errors: int
    warnings: int
    infos: int

    def line(self) -> str:
        return (f"{self.articles} article{'s' if self.articles != 1 else ''} checked, {self.skipped} skipped; "
                f"{self.claims} claims, {self.matched} matched by a rule or another article, "
                f"{self.unattributed} unattributed; findings: {self.errors} error{'s' if self.errors != 1 else ''}, "
                f"{self.warnings} warning{'s' if self.warnings != 1 else ''}, {self.infos} info")


def summarise(report: Report) -> Summary:
    levels = [f.level for f in report.findings]
    return Summary(
        articles=len(report.articles),
        skipped=len(report.skipped),
        claims=len(report.claims),
        matched=len(report.matched),
        unattributed=unattributed(report.claims),
        errors=levels.count("error"),
        warnings=levels.count("warning"),
        infos=levels.count("info"),
    )
