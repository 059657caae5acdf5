"""SARIF 2.1.0 for code scanning: one result per finding, its other figures as related locations.

Each result carries a `partialFingerprints` entry from fingerprint.py (stable when lines move),
its rule's metadata with help text (from the rule book when the CLI passes it), and, for
findings a suppression comment or a baseline accepts, a SARIF `suppressions` entry, so code
scanning shows them as dismissed rather than dropping them silently.
"""

from __future__ import annotations

import json
import os
import re
from urllib.parse import quote

from numcheck.model import Claim, Finding, Report, Silenced
from numcheck.report.escape import json_text
from numcheck.report.render_text import fmt_interval
from numcheck.rules.rulebook import Constraint, Fact, RuleBook
from numcheck.report.view import View, build, cluster_letter, places, what

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "numcheckFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
CHECKS = {
    "conflict": (
        "Figures for the same thing at the same time cannot all hold.",
        "Claims of one story with the same measure, entity, time, kind and unit are grouped and split into "
        "clusters of figures that can all hold at once; two or more clusters are a conflict. Check which "
        "figure is right, correct the others, or say in the text why they differ (another time, another "
        'place, another source). To accept it, add <!-- numcheck: ignore conflict reason="..." --> '
        "before the paragraph in a Markdown article, or record it in a baseline.",
    ),
    "agreement": (
        "Figures for the same thing agree across articles.",
        "The articles of a story give figures for the same measure, entity and time that can all hold: "
        "nothing to fix; reported so an editor sees which figures were compared.",
    ),
}


def render(report: Report, book: RuleBook | None = None, baseline_used: bool = False) -> str:
    """The report as one SARIF 2.1.0 log with one run; same input, same bytes."""
    v = build(report)
    entries: list[tuple[Finding, Silenced | None]] = [(f, None) for f in report.findings]
    entries += [(s.finding, s) for s in report.silenced]
    entries.sort(key=lambda e: _number(e[0].id))
    rule_ids = list(dict.fromkeys(_rule_id(f) for f, _ in entries))
    index = {r: i for i, r in enumerate(rule_ids)}
    by_rule = {_rule_id(f): f for f, _ in entries}
    run = {
        "tool": {
            "driver": {
                "name": "numcheck",
                "version": report.version,
                "semanticVersion": report.version,
                "rules": [_descriptor(r, by_rule[r], book) for r in rule_ids],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, s, v, index, baseline_used) for f, s in entries],
        "invocations": [
            {
                "executionSuccessful": not any(n.startswith("error:") for n in report.notes),
                "toolExecutionNotifications": [_notification(n) for n in report.notes],
            }
        ],
    }
    doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json_text(json.dumps(doc, ensure_ascii=False, indent=1)) + "\n"


def _number(fid: str) -> tuple[int, str]:
    m = re.fullmatch(r"F(\d+)", fid)
    return (int(m.group(1)), "") if m else (1 << 30, fid)


def _rule_id(f: Finding) -> str:
    return f.rule or f.kind


def _result(f: Finding, s: Silenced | None, v: View, index: dict[str, int], baseline_used: bool) -> dict:
    primary, others = places(f, v.by_id)
    related = [
        {
            "id": i,
            "physicalLocation": _location(c),
            "message": {"text": f"{cluster_letter(f, c.id)}: {c.surface!r} ({fmt_interval(*c.interval)}), {what(c)}"},
        }
        for i, c in enumerate(others, 1)
    ]
    text = _escape(f.message.rstrip())
    text += "" if text.endswith((".", "!", "?")) else "."
    if related:
        text += " See also " + ", ".join(f"[{_escape(c.where)}]({i})" for i, c in enumerate(others, 1)) + "."
    if f.source:
        text += f" Source: {_escape(f.source)}"
    result: dict = {
        "ruleId": _rule_id(f),
        "ruleIndex": index[_rule_id(f)],
        "level": LEVELS.get(f.level, "note"),
        "message": {"text": text},
    }
    if primary is not None:
        result["locations"] = [{"physicalLocation": _location(primary)}]
    if related:
        result["relatedLocations"] = related
    result["partialFingerprints"] = {FINGERPRINT_KEY: v.fingerprint(f)}
    if baseline_used:
        result["baselineState"] = "unchanged" if s is not None and s.by == "baseline" else "new"
    if s is not None:
        kind = "inSource" if s.by == "suppression" else "external"
        result["suppressions"] = [{"kind": kind, "status": "accepted", "justification": s.reason}]
    result["properties"] = {"numcheckId": f.id, "findingKind": f.kind, "clusters": [list(p) for p in f.detail]}
    return result


def _location(c: Claim) -> dict:
    lines = c.surface.split("\n")
    end_line = c.line + len(lines) - 1
    end_col = (c.column if len(lines) == 1 else 1) + len(lines[-1])
    return {
        "artifactLocation": {"uri": uri(c.path)},
        "region": {
            "startLine": c.line,
            "startColumn": c.column,
            "endLine": end_line,
            "endColumn": end_col,
            "snippet": {"text": c.surface},
        },
    }


def uri(path: str) -> str:
    """A relative path as a relative URI reference (slashes, percent-encoded); an absolute one as file://."""
    posix = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix, safe="/:", errors="surrogateescape")
    return quote(os.path.normpath(posix).replace(os.sep, "/"), safe="/", errors="surrogateescape")  # bad\xff.txt: bad%FF.txt


def _escape(text: str) -> str:
    """Literal brackets in a SARIF message, so they are not read as links."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _notification(note: str) -> dict:
    level, _, text = note.partition(": ")
    return {"level": level if level in ("error", "warning") else "note", "message": {"text": text or note}}


def _descriptor(rule_id: str, f: Finding, book: RuleBook | None) -> dict:
    """Rule metadata: what the rule says, where it comes from, how to act on a finding."""
    short, full = CHECKS.get(rule_id, (None, None))
    level = "note" if rule_id == "agreement" else "error"
    tags = ["numcheck", f.kind]
    source = f.source
    rule = _lookup(book, rule_id)
    if isinstance(rule, Fact):
        where = " ".join(
            x for x in (rule.measure, f"of {rule.entity}" if rule.entity else "", f"({rule.time})" if rule.time else "") if x
        )
        expected = f"{where}: {fmt_interval(rule.low, rule.high)}" + (f" {rule.unit}" if rule.unit else "")
        short = rule.description or f"Fact: {expected}"
        full = (
            f"A claim about {where} must overlap {fmt_interval(rule.low, rule.high)}. Source: {rule.source}. "
            f"Defined in {rule.path}:{rule.line}."
        )
        level, source, tags = LEVELS.get(rule.level, "error"), rule.source, tags + ["fact"]
    elif rule is not None:
        short = rule.description or f"Constraint {rule.kind}"
        limit = f" (value {rule.value:g})" if rule.value is not None else ""
        scope = f" for measure {rule.measure}" if rule.measure else ""
        full = f"Constraint of kind {rule.kind}{limit}{scope}. Defined in {rule.path}:{rule.line}."
        level, tags = LEVELS.get(rule.level, "error"), tags + ["constraint", rule.kind]
    if short is None:
        short = f"numcheck {f.kind} finding" + (f" from rule {rule_id}" if f.rule else "")
        full = short + (f". Source: {source}" if source else "")
    help_text = full or short
    properties: dict[str, object] = {"tags": tags}
    descriptor = {
        "id": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full or short},
        "help": {"text": help_text, "markdown": help_text.replace("<", "&lt;")},
        "defaultConfiguration": {"level": level},
        "properties": properties,
    }
    if source:
        properties["source"] = source
    return descriptor


def _lookup(book: RuleBook | None, rule_id: str) -> Fact | Constraint | None:
    """The fact or constraint with this id in the rule book, if the CLI gave one."""
    if book is None:
        return None
    rules: tuple[Fact | Constraint, ...] = (*book.facts, *book.constraints)
    for rule in rules:
        if rule.id == rule_id:
            return rule
    return None
