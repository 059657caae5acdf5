"""What every report format needs beyond the Report: each claim's status, each finding's places.

One reading of the report, shared by the GitHub, SARIF, CSV, HTML and explain renderers, so
that a figure is "in conflict" in the same cases whatever the format.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from collections.abc import Mapping
from numcheck.report.fingerprint import fingerprint
from numcheck.report.render_text import phrase
from numcheck.model import Claim, Finding, Report, Silenced

# A claim's status, strongest first: a claim cited by several findings takes the first that applies.
STATUSES = ("conflict", "rule", "agree", "silenced", "unmatched")
STATUS_TEXT = {
    "conflict": "in conflict with another figure",
    "rule": "breaks a rule",
    "agree": "agrees with a rule or another article",
    "silenced": "its finding is silenced",
    "unmatched": "nothing to compare it with",
}


@dataclass(frozen=True, slots=True, eq=False)
class View:
    """The report with its claims and findings indexed for rendering."""

    report: Report
    by_id: Mapping[str, Claim]
    status: dict[str, str]  # claim id -> one of STATUSES
    cited_by: dict[str, tuple[Finding, ...]]  # claim id -> the active findings that cite it
    silenced_by: dict[str, tuple[Silenced, ...]]  # claim id -> the silenced findings that cite it
    fingerprints: dict[Finding, str]
    _sorted: dict = field(default_factory=dict)  # id(finding) -> (finding, its claims' (path, start, id) in order, count by path)
    _joined: dict = field(default_factory=dict)  # id(finding) -> (finding, its claim ids joined in that order, path -> span)

    def fingerprint(self, finding: Finding) -> str:
        return self.fingerprints.get(finding) or fingerprint(finding, self.by_id)

    def first_counterparts(self, claim: Claim, limit: int) -> tuple[list[Claim], int]:
        """counterparts(claim)[:limit] and how many there are, in time that does not grow with the
        finding when one finding cites the claim: a finding of n claims asked for each of them
        is n lists, not n^2 claims made and sorted (the HTML report of 5,000 articles)."""
        findings = self._findings_of(claim)
        if len(findings) != 1:
            others = self.counterparts(claim)
            return others[:limit], len(others)
        places, per_path = self._places(findings[0])
        shown = [self.by_id[i] for _, _, i in islice((p for p in places if p[0] != claim.path), limit)]
        return shown, len(places) - per_path[claim.path]

    def counterparts(self, claim: Claim) -> list[Claim]:
        """Claims of other articles that the claim's findings compare it with, in path order (then
        offset, then id: a total order, never a set's). Each finding's claims are sorted once and
        merged here, so the CSV's compared_with of a group of n claims costs what it writes, not
        a set and a sort of n claims for each of its n rows."""
        lists = [self._places(f)[0] for f in self._findings_of(claim)]
        merged = lists[0] if len(lists) == 1 else heapq.merge(*lists)
        out: list[Claim] = []
        last = None
        for place in merged:
            if place != last and place[0] != claim.path:  # a claim two findings cite is listed once
                out.append(self.by_id[place[2]])
            last = place
        return out

    def counterpart_ids(self, claim: Claim) -> str:
        """The ids of counterparts(claim), space-separated, at the cost of what is written: for a
        claim one finding cites, the finding's ids joined once, less the span of the claim's own
        article (a group of n claims is n slices of one string, no claim made for any of them)."""
        findings = self._findings_of(claim)
        if len(findings) != 1:
            return " ".join(o.id for o in self.counterparts(claim))
        key = id(findings[0])
        if key not in self._joined:
            places, at = self._places(findings[0])[0], 0
            spans: dict[str, tuple[int, int]] = {}
            for path, _, cid in places:  # sorted by path: each path's ids are one run
                a, _ = spans.get(path, (at, at))
                at += len(cid) + 1
                spans[path] = (a, at)
            self._joined[key] = (findings[0], "".join(f"{cid} " for _, _, cid in places), spans)
        _, text, spans = self._joined[key]
        a, b = spans.get(claim.path, (0, 0))
        return (text[:a] + text[b:])[:-1]

    def _findings_of(self, claim: Claim) -> list[Finding]:
        """The active and silenced findings that cite the claim."""
        return [*self.cited_by.get(claim.id, ()), *(s.finding for s in self.silenced_by.get(claim.id, ()))]

    def _places(self, finding: Finding) -> tuple[list[tuple[str, int, str]], Counter[str]]:
        """The finding's claims as sorted (path, start, id), and how many each path has; made once."""
        key = id(finding)  # not the finding: hashing one hashes all its claims' ids
        if key not in self._sorted:
            places = sorted((c.path, c.start, c.id) for c in map(self.by_id.get, dict.fromkeys(finding.claims)) if c)
            self._sorted[key] = (finding, places, Counter(p for p, _, _ in places))  # the finding kept: its id stays its own
        _, places, per_path = self._sorted[key]
        return places, per_path


def build(report: Report) -> View:
    by_id = report.claims.by_id()
    cited: dict[str, list[Finding]] = {}
    for f in report.findings:
        for cid in dict.fromkeys(f.claims):
            cited.setdefault(cid, []).append(f)
    silenced: dict[str, list[Silenced]] = {}
    for s in report.silenced:
        for cid in dict.fromkeys(s.finding.claims):
            silenced.setdefault(cid, []).append(s)
    status = {c.id: _status(cited.get(c.id, ()), bool(silenced.get(c.id))) for c in report.claims}
    prints = {f: fingerprint(f, by_id) for f in (*report.findings, *(s.finding for s in report.silenced))}
    return View(
        report, by_id, status, {k: tuple(v) for k, v in cited.items()}, {k: tuple(v) for k, v in silenced.items()}, prints
    )


def _status(findings: list[Finding] | tuple[Finding, ...], silenced: bool) -> str:
    if any(f.kind in ("conflict", "update") and f.level != "info" for f in findings):
        return "conflict"
    if any(f.kind == "rule" and f.level != "info" for f in findings):
        return "rule"
    if findings:
        return "agree"
    return "silenced" if silenced else "unmatched"


def places(finding: Finding, by_id: Mapping[str, Claim]) -> tuple[Claim | None, list[Claim]]:
    """The claim to show a finding at, and the other claims it cites.

    For a conflict the primary place is the odd one out: a figure of the smallest cluster, the
    latest article first (the update that broke the agreement); otherwise the first claim.
    """
    claims = [by_id[c] for c in dict.fromkeys(finding.claims) if c in by_id]
    if not claims:
        return None, []
    primary = claims[0]
    if finding.kind in ("conflict", "update") and len(finding.detail) > 1:
        smallest = min(finding.detail, key=len)
        members = [by_id[c] for c in smallest if c in by_id]
        if members:
            primary = max(members, key=lambda c: (c.article_date.toordinal() if c.article_date else 0, c.path, -c.start))
    return primary, [c for c in claims if c.id != primary.id]


def cluster_letter(finding: Finding, claim_id: str) -> str:
    """'A', 'B'… for the cluster of a conflict the claim belongs to; '=' for one cluster."""
    if len(finding.detail) <= 1:
        return "="
    for i, part in enumerate(finding.detail):
        if claim_id in part:
            return chr(ord("A") + i) if i < 26 else str(i + 1)
    return "?"


def what(c: Claim) -> str:
    """'population of bakhmut before russian invasion': what the claim counts, as a phrase."""
    return phrase(c.measure, c.entity, c.time, c.scope, extent=c.extent)


SNIPPET = 72


def quote(c: Claim, room: int = SNIPPET) -> str:
    """The figure in its words, with a little of the sentence around it: '…about «70,000» people lived…'."""
    s = c.sentence
    i = c.start - c.sentence_start
    side = max(0, room - len(c.surface)) // 2
    a, b = max(0, i - side), min(len(s), i + len(c.surface) + side)
    text = ("…" if a > 0 else "") + s[a:i] + "«" + c.surface + "»" + s[i + len(c.surface) : b] + ("…" if b < len(s) else "")
    return " ".join(text.split())


def by_date(f: Finding, by_id: Mapping[str, Claim]) -> list[Claim]:
    """A finding's claims, oldest article first (undated last): how a toll rose."""
    claims = [by_id[c] for c in dict.fromkeys(f.claims) if c in by_id]
    return sorted(claims, key=lambda c: (c.article_date is None, c.article_date or dt.date.min, c.path, c.start))
