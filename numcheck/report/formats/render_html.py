"""The report as one self-contained HTML page: summary, findings, and every article highlighted.

No external asset: style, script and charts are inline, so the page can be mailed, archived or
opened offline. Article text is escaped, never interpreted. Same input, same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from numcheck.report.formats.html_article import article_html, details, figure_link, numbering
from numcheck.report.formats.html_assets import CSS, JS
from numcheck.model import Claim, Finding, Report, Silenced
from numcheck.report.formats.render_svg import chart
from numcheck.report.render_text import reading
from numcheck.report.summary import summarise
from numcheck.store.claimstore import ClaimStore
from numcheck.report.view import STATUS_TEXT, STATUSES, View, build, by_date, cluster_letter, places, what


def render(report: Report) -> str:
    return "".join(pieces(report))


def pieces(report: Report) -> Iterator[str]:
    """The page a piece at a time (an article, a figure's panel), so that writing it never holds
    it whole: output.write streams it to its file or standard output."""
    v = build(report)
    num = numbering(v)
    yield (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>numcheck report</title><style>{CSS}</style></head>\n<body>\n"
    )
    yield "\n".join([_header(report), "<main>", _findings(v, num), _others(report), '<h2 id="articles">Articles</h2>'])
    store = report.claims if isinstance(report.claims, ClaimStore) else None
    by_path: dict[str, list[Claim]] = {}
    if store is None:
        for c in report.claims:
            by_path.setdefault(c.path, []).append(c)
    for i, a in enumerate(report.articles, 1):
        if store is not None:  # the article's claims made when it is written, then dropped
            first, n = store.spans.get(a.path, (0, 0))
            mine = list(store[first : first + n])
        else:
            mine = by_path.get(a.path, [])
        yield "\n" + article_html(a, mine, v, num, i)
    yield '\n</main>\n<div id="details">'
    yield from details(v, num)
    yield f"</div>\n<script>{JS}</script>\n</body></html>\n"


def _header(report: Report) -> str:
    s = summarise(report)
    legend = " ".join(f'<span class="fig st-{st}">{escape(STATUS_TEXT[st])}</span>' for st in STATUSES)
    silenced = f", {len(report.silenced)} silenced" if report.silenced else ""
    return (
        f'<header><h1>numcheck report</h1><p class="summary">{escape(s.line())}{escape(silenced)}</p>'
        f'<p class="legend">Figures in the articles: {legend}. Click a figure to see its claim, its interval '
        f'and its counterparts in other articles.</p><p class="muted">numcheck {escape(report.version)}</p>'
        "</header>"
    )


def _findings(v: View, num: dict[str, int]) -> str:
    findings = v.report.findings
    out = []
    conflicts = [f for f in findings if f.kind == "conflict"]
    updates = [f for f in findings if f.kind == "update"]
    rules = [f for f in findings if f.kind == "rule"]
    agreements = [f for f in findings if f.kind == "agreement"]
    others = [f for f in findings if f.kind not in ("conflict", "update", "rule", "agreement")]
    if conflicts:
        out.append(_table("Conflicts", "conflicts", conflicts, v, num, chart_it=True))
    if updates:
        out.append(_table("Updates (a figure that rose, oldest report first)", "updates", updates, v, num, chart_it=True))
    if rules:
        out.append(_table("Rule checks", "rules", rules, v, num))
    if agreements:
        out.append(_table("Agreements", "agreements", agreements, v, num))
    if others:
        out.append(_table("Other findings", "other", others, v, num))
    if v.report.silenced:
        out.append(_silenced(v.report.silenced, v, num))
    if not out:
        out.append("<h2>Findings</h2><p>No findings.</p>")
    return "\n".join(out)


def _table(title: str, anchor: str, findings: list[Finding], v: View, num: dict[str, int], chart_it: bool = False) -> str:
    head = "<tr><th>finding</th><th>level</th><th>what</th><th>figures</th><th>message</th>"
    head += "<th>values by article date</th></tr>" if chart_it else "</tr>"
    rows = []
    for f in findings:
        cells = [
            f'<td class="fid">{escape(f.id)}</td>',
            f'<td class="lvl lvl-{escape(f.level)}">{escape(f.level)}</td>',
            f'<td class="what" data-label="what">{escape(_what(f, v))}</td>',
            f'<td class="figs" data-label="figures">{_figures(f, v, num)}</td>',
            f'<td class="msg" data-label="message">{escape(f.message)}{_source(f)}</td>',
        ]
        if chart_it:
            cells.append(f'<td class="plot" data-label="values by article date">{chart(f, v.by_id)}</td>')
        rows.append(f'<tr id="f-{escape(f.id)}">' + "".join(cells) + "</tr>")
    return f'<h2 id="{anchor}">{escape(title)}</h2><table class="findings">{head}{"".join(rows)}</table>'


def _what(f: Finding, v: View) -> str:
    primary, _ = places(f, v.by_id)
    text = what(primary) if primary is not None else ""
    return f"{f.rule}: {text}" if f.rule else text


def _figures(f: Finding, v: View, num: dict[str, int]) -> str:
    items = []
    ids = [c.id for c in by_date(f, v.by_id)] if f.kind == "update" else list(dict.fromkeys(f.claims))
    for cid in ids:
        c = v.by_id.get(cid)
        if c is None:
            continue
        letter = cluster_letter(f, cid) if f.detail and f.kind != "update" else ""
        if f.kind == "update":
            letter = c.article_date.isoformat() if c.article_date else "undated"
        items.append(
            f"<li>{escape(letter)} {figure_link(c, v, num, c.where, anchor=False)} "
            f"«{escape(c.surface)}» {escape(reading(c))}</li>"
        )
    return "<ul>" + "".join(items) + "</ul>"


def _source(f: Finding) -> str:
    return f'<br><span class="muted">source: {escape(f.source)}</span>' if f.source else ""


def _silenced(silenced: tuple[Silenced, ...], v: View, num: dict[str, int]) -> str:
    rows = []
    for s in silenced:
        f = s.finding
        rows.append(
            f"<tr><td>{escape(f.id)}</td><td>{escape(f.level)}</td><td>{escape(f.rule or f.kind)}</td>"
            f"<td>{_figures(f, v, num)}</td><td>{escape(f.message)}</td><td>{escape(s.by)}</td>"
            f"<td>{escape(s.reason)}</td><td>{escape(s.where or '')}</td></tr>"
        )
    return (
        '<h2 id="silenced">Silenced findings</h2><table><tr><th>finding</th><th>level</th><th>rule or kind</th>'
        "<th>figures</th><th>message</th><th>by</th><th>reason</th><th>where</th></tr>" + "".join(rows) + "</table>"
    )


def _others(report: Report) -> str:
    out = []
    if report.skipped:
        rows = "".join(f"<tr><td>{escape(s.path)}</td><td>{escape(s.reason)}</td></tr>" for s in report.skipped)
        out.append(f'<h2 id="skipped">Skipped files</h2><table><tr><th>path</th><th>reason</th></tr>{rows}</table>')
    if report.notes:
        out.append('<h2 id="notes">Notes</h2><ul>' + "".join(f"<li>{escape(n)}</li>" for n in report.notes) + "</ul>")
    return "\n".join(out)
