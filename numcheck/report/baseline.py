"""Baselines: accept today's findings on an archive and fail only on new ones.

`--write-baseline FILE` records every error and warning finding by its content fingerprint
(see fingerprint.py), so edits that move lines do not make old findings new. `--baseline FILE`
moves the findings recorded there to the report's `silenced` list (they no longer fail the run)
and notes every recorded entry that no longer occurs. A fingerprint recorded twice accepts two
findings with that fingerprint: a third is new.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

from numcheck.errors import UsageError
from numcheck.read import regular
from numcheck.report.fingerprint import fingerprint
from numcheck.model import Report, Silenced
from numcheck.report.outfile import write_atomic

FORMAT = 1
LEVELS = ("error", "warning")
MAX_BYTES = 256 * 2**20  # a baseline of a million findings is under 200 MB


def render(report: Report) -> str:
    """The baseline file for a report: its error and warning findings, sorted, one per entry."""
    by_id = report.claims.by_id()
    entries = []
    for f in report.findings:
        if f.level not in LEVELS:
            continue
        places = [by_id[c].where for c in dict.fromkeys(f.claims) if c in by_id]
        entries.append(
            {
                "fingerprint": fingerprint(f, by_id),
                "kind": f.kind,
                "rule": f.rule,
                "level": f.level,
                "message": f.message,
                "places": places,
            }
        )
    entries.sort(key=lambda e: (e["fingerprint"], e["places"]))
    doc = {"numcheck_baseline": FORMAT, "numcheck": report.version, "findings": entries}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def write(report: Report, path: str) -> None:
    write_atomic(path, render(report))


def load(path: str) -> list[dict]:
    """The entries of a baseline file; a missing or malformed file is a usage error (exit 2)."""
    try:
        doc = json.loads(regular.read_capped(path, MAX_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise UsageError("baseline file does not exist (create it with --write-baseline)", path=path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"baseline file cannot be read: {exc}", path=path) from None
    entries = doc.get("findings") if isinstance(doc, dict) and doc.get("numcheck_baseline") == FORMAT else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise UsageError(
            f"not a numcheck baseline (format {FORMAT}): expected "
            '{"numcheck_baseline": 1, "findings": [{"fingerprint": ...}]}',
            path=path,
        )
    return entries


def apply(report: Report, path: str, entries: list[dict]) -> Report:
    """Silence the findings the baseline records; note the entries that no longer occur."""
    by_id = report.claims.by_id()
    left = Counter(e["fingerprint"] for e in entries)
    kept, silenced = [], []
    for f in report.findings:
        fp = fingerprint(f, by_id)
        if left[fp] > 0:
            left[fp] -= 1
            silenced.append(Silenced(f, "baseline", f"recorded in the baseline {path}"))
        else:
            kept.append(f)
    notes = []
    for e in entries:
        if left[e["fingerprint"]] > 0:
            left[e["fingerprint"]] -= 1
            notes.append(f"warning: {path}: baseline entry no longer occurs: {_describe(e)}")
    return replace(report, findings=tuple(kept), silenced=report.silenced + tuple(silenced), notes=report.notes + tuple(notes))


def _describe(entry: dict) -> str:
    what = entry.get("rule") or entry.get("kind") or "finding"
    message = str(entry.get("message") or "")
    if len(message) > 100:
        message = message[:99] + "…"
    places = ", ".join(str(p) for p in entry.get("places") or [])
    return f"{what}: {message}" + (f" (was at {places})" if places else "")


def use(report: Report, baseline: str | None, write_to: str | None) -> Report:
    """What the CLI does with --baseline and --write-baseline (read the old one before writing)."""
    entries = load(baseline) if baseline else None
    if write_to:
        write(report, write_to)
        if entries is None:
            return apply(report, write_to, load(write_to))
    return report if entries is None else apply(report, baseline or "", entries)
