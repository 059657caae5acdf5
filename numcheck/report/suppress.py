"""Suppression comments in Markdown: an editor accepts a finding where it occurs, and says why.

    <!-- numcheck: ignore conflict reason="the wire corrected the toll the next day" -->
    The paragraph whose figures the comment speaks of.

The comment covers the paragraph that follows it (blank lines and other comments between are
skipped; the paragraph ends at the next blank line). A finding is silenced when it is of the
named kind or rule and one of its claims lies in that paragraph; a conflict is then silenced as a
whole, since the editor has accepted the discrepancy. A target names a kind (`conflict`, `rule`,
`agreement`), a rule id (`ukraine.bakhmut-prewar-population`), a rule id without its file's
stem (`percent-max`) or a file's stem (`ukraine`); several are separated by commas. A comment
without a reason silences nothing; it and every unused comment are reported as warnings with
their `path:line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from numcheck.model import Article, Finding, Report, Silenced

MARKDOWN = (".md", ".markdown")
_COMMENT = re.compile(r"<!--\s*numcheck\s*:(?P<body>.*?)-->", re.S | re.I)
_DIRECTIVE = re.compile(
    r"""^\s*ignore\s+(?P<targets>[^\s="'“”]+(?:\s*,\s*[^\s,="'“”]+)*)\s*"""
    r"""(?:reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|“(?P<cq>[^”]*)”))?\s*$""",
    re.S | re.I,
)
_FENCE = re.compile(r"^[ ]{0,3}(```|~~~)", re.M)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
SYNTAX = '<!-- numcheck: ignore RULE-OR-KIND reason="why" -->'


@dataclass(frozen=True, slots=True)
class Suppression:
    """One comment: where it is, what it silences, why, and the span of its paragraph."""

    path: str
    line: int
    targets: tuple[str, ...]
    reason: str
    start: int  # the paragraph's span in the article's text
    end: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    def matches(self, finding: Finding) -> bool:
        return any(_names(t, finding) for t in self.targets)


def _names(target: str, f: Finding) -> bool:
    rule = f.rule or ""
    return target in (f.kind, rule) or (bool(rule) and (rule.endswith("." + target) or rule.startswith(target + ".")))


def parse(article: Article) -> tuple[list[Suppression], list[str]]:
    """The suppressions of a Markdown article, and warnings for comments that cannot be used."""
    if not article.path.lower().endswith(MARKDOWN):
        return [], []
    text = article.text
    fenced = _fenced(text)
    out: list[Suppression] = []
    problems: list[str] = []
    for m in _COMMENT.finditer(text, article.body_start):
        if any(a <= m.start() < b for a, b in fenced):
            continue
        line = text.count("\n", 0, m.start()) + 1
        d = _DIRECTIVE.match(m.group("body"))
        if d is None:
            problems.append(f"warning: {article.path}:{line}: numcheck comment not understood; write {SYNTAX}")
            continue
        targets = tuple(t.strip() for t in d.group("targets").split(",") if t.strip())
        reason = (d.group("dq") or d.group("sq") or d.group("cq") or "").strip()
        if not reason:
            problems.append(
                f"warning: {article.path}:{line}: suppression of {', '.join(targets)} has no reason; "
                f"it silences nothing until it says why: {SYNTAX}"
            )
            continue
        start, end = _paragraph(text, m.end())
        out.append(Suppression(article.path, line, targets, reason, start, end))
    return out, problems


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The span of the paragraph after a comment: skip blanks and comments, stop at a blank line."""
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith("<!--", pos):
            break
        close = text.find("-->", pos)
        if close < 0:
            return pos, pos
        pos = close + 3
    blank = _BLANK_LINE.search(text, pos)
    return pos, blank.start() if blank else len(text)


def _fenced(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks, where a comment is an example, not a directive."""
    marks = [m.start() for m in _FENCE.finditer(text)]
    spans = [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1], len(text)))
    return spans


def apply(report: Report) -> Report:
    """Move the findings that suppressions cover to `silenced`; add notes for unusable comments."""
    suppressions: list[Suppression] = []
    notes: list[str] = []
    for article in report.articles:
        found, problems = parse(article)
        suppressions += found
        notes += problems
    if not suppressions and not notes:
        return report
    by_id = report.claims.by_id()
    used: set[int] = set()
    kept: list[Finding] = []
    silenced: list[Silenced] = []
    for f in report.findings:
        claims = [by_id[c] for c in f.claims if c in by_id]
        hits = [
            i
            for i, s in enumerate(suppressions)
            if s.matches(f) and any(c.path == s.path and s.start <= c.start < s.end for c in claims)
        ]
        if hits:
            used.update(hits)
            s = suppressions[hits[0]]
            silenced.append(Silenced(f, "suppression", s.reason, s.where))
        else:
            kept.append(f)
    notes += [
        f"warning: {s.where}: unused suppression: no {', '.join(s.targets)} finding in the paragraph that follows"
        for i, s in enumerate(suppressions)
        if i not in used
    ]
    return replace(report, findings=tuple(kept), silenced=report.silenced + tuple(silenced), notes=report.notes + tuple(notes))
