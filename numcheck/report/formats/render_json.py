"""The report as the json contract (schema 1), documented in the README; same input, same bytes."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence

from numcheck.model import Bound, Claim, Report, iso_day
from numcheck.report.escape import json_text
from numcheck.report.render_text import aligned_of, measure_words, slipped_of
from numcheck.report.summary import summarise

SCHEMA = 1


def render(report: Report) -> str:
    articles = [
        {
            "path": a.path,
            "story": a.story,
            "date": a.date.isoformat() if a.date else None,
            "status": "checked",
            "reason": None,
            "claims": 0,
        }
        for a in report.articles
    ]
    counts: dict[str, int] = {}
    for c in report.claims:
        counts[c.path] = counts.get(c.path, 0) + 1
    for a in articles:
        a["claims"] = counts.get(str(a["path"]), 0)
    articles += [
        {"path": s.path, "story": None, "date": None, "status": "skipped", "reason": s.reason, "claims": 0}
        for s in report.skipped
    ]
    articles.sort(key=lambda a: str(a["path"]))
    doc = {
        "schema": SCHEMA,
        "numcheck": report.version,
        "articles": articles,
        "claims": [_claim(c, c.id in report.matched) for c in report.claims],
        "findings": [
            {
                "id": f.id,
                "kind": f.kind,
                "level": f.level,
                "rule": f.rule,
                "message": f.message,
                "claims": list(f.claims),
                "clusters": [list(p) for p in f.detail],
                "source": f.source,
                "aligned": _aligned(f.said),
                "slip": _slip(f.said),
            }
            for f in report.findings
        ],
        "summary": _summary(report),
        "notes": list(report.notes),
    }
    return json_text(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)) + "\n"


def _aligned(said: Sequence) -> list[str] | None:
    """For a finding of check/align.py, the words the aligned figures' clauses share (an additive field); else null."""
    why = aligned_of(said)
    return None if why is None else list(why[3])


def _slip(said: Sequence) -> dict[str, object] | None:
    """For a conflict of check/slips.py, how the figure slipped ("unit", "swap" or "scale"), the
    units of a unit slip, and the words the figures' clauses share (an additive field); else null."""
    why = slipped_of(said)
    if why is None:
        return None
    return {"how": why[0], "units": list(why[1]) if why[0] == "unit" else [], "shared": list(why[-1])}


def _summary(report: Report) -> dict[str, int]:
    s = summarise(report)
    return {k: getattr(s, k) for k in s.__slots__}


def _claim(c: Claim, matched: bool) -> dict[str, object]:
    return {
        "id": c.id,
        "path": c.path,
        "line": c.line,
        "column": c.column,
        "start": c.start,
        "end": c.end,
        "surface": c.surface,
        "sentence": c.sentence,
        "kind": c.kind,
        "value": _num(c.value),
        "low": _bound(c.low),
        "high": _bound(c.high),
        "unit": c.unit,
        "approx": c.approx,
        "measure": measure_words(c.measure, c.extent),
        "entity": c.entity,
        "time": c.time,
        "scope": c.scope,
        "matched": matched,
        "note": c.note,
        "frame": None if c.role is None else {slot: getattr(c, slot) for slot in FRAME},
    }


#: A claim's frame in the json contract (an additive field of schema 1; null where the sentence was not parsed).
FRAME = ("thing", "event", "role", "whole", "owner", "place", "period", "source")


def _bound(b: Bound) -> float | int | str | None:
    if isinstance(b, dt.date):
        return iso_day(b)
    return _num(b)


def _num(x: float | None) -> float | int | None:
    if x is None or not math.isfinite(x):
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else round(float(x), 6)
