"""The HTML report's articles: each text with its figures highlighted, and each figure's panel.

Every character of an article is escaped; a figure becomes `<a class="fig st-STATUS" id="c-N">`
over its span, linking to its panel `#d-N`: the claim, its interval and attribution, the
findings that cite it, its counterparts in other articles, and a chart when it is disputed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from html import escape

from numcheck.model import Article, Claim, Finding
from numcheck.read import frontmatter, markdown
from numcheck.report.formats.render_svg import chart
from numcheck.report.render_text import fmt_interval, measure_words, reading
from numcheck.report.view import STATUS_TEXT, View, cluster_letter, what

#: What one figure's panel shows of a large finding: its first counterparts, and its chart only
#: when the finding is this small. Every claim of a finding of 5,000 listing the other 4,999 made
#: the page grow with the square of the corpus (514 MB for 5,000 articles); the finding's own
#: table row lists and charts them all once.
COUNTERPARTS_SHOWN = 50
PANEL_CHART_UP_TO = 50
TEXT_INLINED = 256 * 1024  # characters of one article shown; a longer one is cut, its figures still listed


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def numbering(v: View) -> dict[str, int]:
    """Claim id -> N, the claim's number in the page (`c-N`, `d-N`)."""
    return {c.id: i for i, c in enumerate(v.report.claims, 1)}


def article_html(article: Article, claims: list[Claim], v: View, num: dict[str, int], index: int) -> str:
    """One article: its path, story and date, and its text with each of its claims marked."""
    claims = sorted(claims, key=lambda c: (c.start, -c.end))
    text, cut = article.text, ""
    if len(text) > TEXT_INLINED:
        text = text[:TEXT_INLINED]
        cut = (
            f'<p class="muted">(the first {TEXT_INLINED:,} of {len(article.text):,} characters are shown; '
            "every figure is in the tables and panels)</p>"
        )
    out, pos = [], min(article.body_start, len(text))
    for c in claims:
        if c.start < pos or c.end > len(text) or text[c.start : c.end] != c.surface:
            continue  # overlapping or out of place: listed in its panel and the tables, not marked
        out.append(_plain(text[pos : c.start], article.path))
        out.append(figure_link(c, v, num, text[c.start : c.end]))
        pos = c.end
    out.append(_plain(text[pos:], article.path))
    meta = [
        f"story {escape(article.story)}",
        escape(article.date.isoformat()) if article.date else "undated",
        f"{len(claims)} claim{'s' if len(claims) != 1 else ''}",
    ]
    if article.title:
        meta.insert(0, f"<b>{escape(article.title)}</b>")
    return (
        f'<section class="article" id="a-{index}"><h3>{escape(article.path)}</h3>'
        f'<p class="meta">{" · ".join(meta)}</p>{front_matter(text[: article.body_start])}'
        f'<div class="text">{"".join(out)}</div>{cut}</section>'
    )


def front_matter(block: str) -> str:
    """An article's front matter as a small table of the fields numcheck reads (the block as
    written folded below it), never as article text."""
    if not block.strip():
        return ""
    fields = frontmatter.split(block + "\n").fields
    rows = "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(str(val))}</td></tr>" for k, val in fields.items())
    table = f'<table class="fm">{rows}</table>' if rows else ""
    return (
        f'<div class="fm">{table}<details><summary>front matter as written</summary>'
        f"<pre>{escape(block.strip())}</pre></details></div>"
    )


def _plain(text: str, path: str) -> str:
    """Article text, escaped; in Markdown its HTML comments greyed: notes, not text numcheck reads."""
    if "<!--" not in text or not markdown.is_markdown(path):
        return escape(text)
    out, pos = [], 0
    for m in _COMMENT.finditer(text):
        out.append(escape(text[pos : m.start()]) + f'<span class="cm">{escape(m.group(0))}</span>')
        pos = m.end()
    return "".join(out) + escape(text[pos:])


def figure_link(c: Claim, v: View, num: dict[str, int], label: str, anchor: bool = True) -> str:
    """The highlighted figure in the text (anchor) or a link to it from a table or panel."""
    n = num[c.id]
    status = v.status[c.id]
    extra = " unattributed" if c.measure is None else ""
    title = f"{STATUS_TEXT[status]}: {fmt_interval(*c.interval)}"
    if anchor:
        return (
            f'<a class="fig st-{status}{extra}" id="c-{n}" href="#d-{n}" data-d="d-{n}" '
            f'title="{escape(title)}">{escape(label)}</a>'
        )
    return f'<a class="ref" href="#c-{n}" data-go="c-{n}">{escape(label)}</a>'


def details_html(v: View, num: dict[str, int]) -> str:
    """Every figure's panel, hidden until its figure is clicked."""
    return "".join(details(v, num))


def details(v: View, num: dict[str, int]) -> Iterator[str]:
    """Every figure's panel, one at a time: the page is written as it is made."""
    return (_detail(c, v, num) for c in v.report.claims)


def _detail(c: Claim, v: View, num: dict[str, int]) -> str:
    n = num[c.id]
    status = v.status[c.id]
    rows = [
        ("where", escape(c.where)),
        ("kind", escape(c.kind)),
        ("interval", escape(fmt_interval(*c.interval) + (f" {c.unit}" if c.unit else ""))),
        ("read as", escape(reading(c))),
        ("counts", escape(what(c) if c.measure else "not said: not compared")),
        ("measure", escape(measure_words(c.measure, c.extent) or "—")),
        ("entity", escape(c.entity or "—")),
        ("time", escape(c.time or "—")),
        ("article date", escape(c.article_date.isoformat()) if c.article_date else "unknown"),
    ]
    if c.note:
        rows.append(("note", escape(c.note)))
    parts = [
        f'<section class="detail" id="d-{n}" tabindex="-1" role="dialog" aria-label="figure {escape(c.surface)}">',
        '<a class="close" href="#_" title="close (Esc)">×</a>',
        f'<h3>«{escape(c.surface)}» <span class="badge st-{status}">{escape(STATUS_TEXT[status])}</span></h3>',
        "<dl>" + "".join(f"<dt>{k}</dt><dd>{val}</dd>" for k, val in rows) + "</dl>",
        f"<blockquote>{escape(c.sentence)}</blockquote>",
    ]
    findings = [(f, None) for f in v.cited_by.get(c.id, ())] + [(s.finding, s) for s in v.silenced_by.get(c.id, ())]
    if findings:
        items = []
        for f, s in findings:
            silenced = f" <i>silenced by {escape(s.by)}: {escape(s.reason)}</i>" if s else ""
            source = f' <span class="muted">source: {escape(f.source)}</span>' if f.source else ""
            items.append(
                f"<li><b>{escape(f.id)}</b> {escape(f.level)} {escape(f.rule or f.kind)}: "
                f"{escape(f.message)}{source}{silenced}</li>"
            )
        parts.append("<h4>Findings</h4><ul>" + "".join(items) + "</ul>")
    else:
        parts.append(f'<p class="muted">{escape(_unmatched_reason(c))}</p>')
    others, total = v.first_counterparts(c, COUNTERPARTS_SHOWN)
    if others:
        parts.append("<h4>Counterparts in other articles</h4>" + _counterparts(c, others, total, findings, v, num))
    for f, _ in findings:
        if f.kind in ("conflict", "update") and len(f.detail) > 1:
            if len(f.claims) <= PANEL_CHART_UP_TO:
                parts.append(f"<h4>{escape(f.id)}: values by article date</h4>{chart(f, v.by_id, c.id)}")
            else:
                parts.append(
                    f'<p><a href="#f-{escape(f.id)}">{escape(f.id)}: values by article date</a> '
                    f"({len(f.claims):,} figures, charted in its table)</p>"
                )
    parts.append("</section>")
    return "".join(parts)


def _counterparts(
    c: Claim, others: list[Claim], total: int, findings: Sequence[tuple[Finding, object]], v: View, num: dict[str, int]
) -> str:
    rows = []
    for o in others:
        f = findings[0][0] if len(findings) == 1 else next((f for f, _ in findings if o.id in f.claims), None)
        letters = f"{cluster_letter(f, c.id)} vs {cluster_letter(f, o.id)}" if f is not None else ""
        date = o.article_date.isoformat() if o.article_date else "undated"
        rows.append(
            f"<tr><td>{escape(letters)}</td><td>{figure_link(o, v, num, o.where, anchor=False)}</td>"
            f"<td>«{escape(o.surface)}»</td><td>{escape(fmt_interval(*o.interval))}</td>"
            f"<td>{escape(date)}</td></tr>"
        )
    more = total - len(others)
    if more > 0:
        ids = ", ".join(f'<a href="#f-{escape(f.id)}">{escape(f.id)}</a>' for f, _ in findings)
        rows.append(f'<tr><td colspan="5" class="muted">and {more:,} more: every one is listed in {ids}</td></tr>')
    return (
        "<table><tr><th>cluster</th><th>where</th><th>quoted</th><th>interval</th><th>date</th></tr>" + "".join(rows) + "</table>"
    )


def _unmatched_reason(c: Claim) -> str:
    if c.measure is None:
        return "Not compared: nothing in its sentence says what it counts (no measure)."
    return f"Not compared: no rule and no other article of story {c.story!r} speaks of {what(c)}."
