"""The figures a report ends with: what was checked, matched, left unattributed and found."""

from __future__ import annotations

from dataclasses import dataclass

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
        """The run in plain words: '2 articles checked; 25 figures read; 6 checked against a rule or
        another article; 19 with nothing to check against; no errors or warnings'."""
        checked = f"{_n(self.articles, 'article')} checked" + (f", {_n(self.skipped, 'file')} skipped" if self.skipped else "")
        if self.errors or self.warnings:
            found = f"{_n(self.errors, 'error')}, {_n(self.warnings, 'warning')}"
        else:
            found = "no errors or warnings"
        if self.infos:
            found += f"; {_n(self.infos, 'agreement or note', 'agreements and notes')}"
        return (
            f"{checked}; {_n(self.claims, 'figure')} read; {self.matched:,} checked against a rule or another "
            f"article; {self.claims - self.matched:,} with nothing to check against; {found}"
        )

    @property
    def clean(self) -> bool:
        return not (self.errors or self.warnings)


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def summarise(report: Report) -> Summary:
    levels = [f.level for f in report.findings]
    return Summary(
        articles=len(report.articles),
        skipped=len(report.skipped),
        claims=len(report.claims),
        matched=len(report.matched),
        unattributed=report.claims.unattributed(),
        errors=levels.count("error"),
        warnings=levels.count("warning"),
        infos=levels.count("info"),
    )
