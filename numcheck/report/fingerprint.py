"""A finding's content fingerprint: the same finding gives the same fingerprint after lines move.

Baselines and SARIF's `partialFingerprints` need to recognise a finding across edits that shift
its lines or columns, across a checkout in another folder, and across finding numbers (F1, F2…)
that change whenever another finding appears. So the fingerprint hashes only what the finding
says: its kind and rule, and for each claim the file's base name, the words quoted, and what the
claim counts (measure, entity, time, kind, unit). Rewording the figure, moving it to another
file or attributing it differently gives a new fingerprint, as it should: it is another finding.
"""

from __future__ import annotations

import hashlib
import json
import os

from collections.abc import Mapping
from numcheck.model import Claim, Finding
from numcheck.report.render_text import measure_words

VERSION = "v1"


def fingerprint(finding: Finding, by_id: Mapping[str, Claim]) -> str:
    """32 hex digits from the finding's content, never from its place in the file or its number."""
    parts = sorted(_claim_part(by_id[cid]) for cid in finding.claims if cid in by_id)
    doc = [VERSION, finding.kind, finding.rule or "", parts]
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")  # a non-UTF-8 file name
    return hashlib.sha256(data).hexdigest()[:32]


def _claim_part(c: Claim) -> list[str]:
    base = os.path.basename(c.path.replace("\\", "/"))
    surface = " ".join(c.surface.split())
    return [base, surface, measure_words(c.measure, c.extent) or "", c.entity or "", c.time or "", c.kind, c.unit or ""]
