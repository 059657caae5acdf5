"""The report in a terminal (`--format table`, the default): what needs action, sized to fit.

By default: each error and warning with its figures and places, then one summary line;
agreements, info rows, every skipped file and the figures read come with `--verbose` (and
every claim with `--claims`). Lines fit the terminal's width (`shutil.get_terminal_size`, so
COLUMNS too): a place `path:line:col` is never cut, the quoted words wrap under it. Colour on a
terminal, none when piped; NO_COLOR turns it off and FORCE_COLOR on (NO_COLOR wins both).
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from collections.abc import Iterable, Mapping
from typing import TextIO

from numcheck.check import frames
from numcheck.model import Claim, Finding, Report, Skipped
from numcheck.read.files import incomplete
from numcheck.report.render_text import reading
from numcheck.report.summary import summarise
from numcheck.report.view import by_date, cluster_letter, places, quote, what
from numcheck.report.escape import cell

MIN_WIDTH = 40
QUOTE_ROOM = 140  # characters of the sentence around a figure: wrapped, so more than a table cell holds
QUOTE_MIN = 40  # columns: a quote squeezed narrower goes on lines of its own, below its place
STYLES = {
    "error": "1;31",
    "warning": "1;33",
    "info": "32",
    "id": "1",
    "where": "36",
    "heading": "1;4",
    "muted": "2",
    "clean": "1;32",
}


def width(stream: TextIO | None = None) -> int:
    """The terminal's columns (COLUMNS first, as shutil reads it); 80 when not a terminal."""
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


def use_colour(stream: TextIO | None) -> bool:
    """Colour only on a terminal, unless NO_COLOR (any value) forbids it or FORCE_COLOR asks for it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream is not None and stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


class _Paint:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, style: str) -> str:
        if not self.on or not text:
            return text
        return f"\x1b[{STYLES[style]}m{text}\x1b[0m"


def render(
    report: Report, cols: int = 80, colour: bool = False, verbose: bool = False, claims: bool = False, summary: bool = True
) -> str:
    """The whole terminal report: the findings to act on, what --verbose adds, the summary line."""
    paint = _Paint(colour)
    cols = max(MIN_WIDTH, cols)
    by_id = report.claims.by_id()
    out: list[str] = []
    out += findings_text(report.findings, by_id, cols, paint, verbose)
    if verbose and report.silenced:
        out += _heading("Silenced findings", paint)
        for s in report.silenced:
            f = s.finding
            out += _wrap(f"{f.id} {f.level} {f.rule or f.kind}: {f.message}", cols, "", "   ")
            out += _wrap(f"silenced by {s.by}{' at ' + s.where if s.where else ''}: {s.reason}", cols, "   ", "   ")
    shown = [s for s in report.skipped if verbose or incomplete(s.reason)]
    if shown:
        out += _heading("Files not checked" if not verbose else "Skipped files", paint)
        out += _skipped(shown, cols, paint)
    if claims:
        out += _heading("Claims (every figure read)", paint)
        out += _figures(report.claims, report, cols, paint)
    elif verbose:
        attributed = sorted((c for c in report.claims if c.measure), key=lambda c: (what(c), c.path, c.start))
        if attributed:
            out += _heading("Figures compared (every figure: --claims)", paint)
            out += _figures(attributed, report, cols, paint)
    if summary:
        if out:
            out.append("")
        out += summary_lines(report, cols, paint, verbose)
    while out and not out[0]:
        out.pop(0)
    return "\n".join(_only_our_colours(line) for line in out) + "\n" if out else ""


_OURS = re.compile("\x1b\\[[0-9;]*m")


def _only_our_colours(line: str) -> str:
    """A line with every control character escaped but the colour codes this module writes:
    a file name or an article's words never reach the terminal as codes."""
    pieces, at = [], 0
    for m in _OURS.finditer(line):
        pieces.append(cell(line[at : m.start()]) + m.group())
        at = m.end()
    return "".join(pieces) + cell(line[at:])


def summary_lines(report: Report, cols: int, paint: _Paint, verbose: bool = False) -> list[str]:
    """The summary line, wrapped; what --verbose would add is named in a word."""
    s = summarise(report)
    text = f"numcheck {report.version}: {s.line()}"
    hidden = []
    if not verbose and s.infos:
        hidden.append("agreements")
    quiet = sum(1 for x in report.skipped if not incomplete(x.reason))
    if not verbose and quiet:
        hidden.append("files left out")
    if report.silenced:
        text += f"; {len(report.silenced)} silenced"
        if not verbose:
            hidden.append("silenced")
    if hidden:
        text += " (-v for details)"
    lines = _wrap(text, cols, "", "  ")
    verdict = "no errors or warnings"
    return [line.replace(verdict, paint(verdict, "clean")) for line in lines]


def findings_text(
    findings: Iterable[Finding], by_id: Mapping[str, Claim], cols: int, colour: bool | _Paint = False, verbose: bool = False
) -> list[str]:
    """The findings as sections: Conflicts, Updates (oldest first), Rule checks, other findings,
    and with verbose the agreements and every info row."""
    paint = colour if isinstance(colour, _Paint) else _Paint(colour)
    act = [f for f in findings if verbose or f.level != "info"]
    sections = [
        ("Conflicts", [f for f in act if f.kind == "conflict"]),
        ("Updates (a figure that rose, oldest report first)", [f for f in act if f.kind == "update"]),
        ("Rule checks", [f for f in act if f.kind == "rule"]),
        ("Agreements", [f for f in act if f.kind == "agreement"]),
        ("Other findings", [f for f in act if f.kind not in ("conflict", "update", "rule", "agreement")]),
    ]
    out: list[str] = []
    for title, members in sections:
        if members:
            out += _heading(title, paint)
            for i, f in enumerate(members):
                if i:
                    out.append("")
                out += finding_lines(f, by_id, cols, paint)
    return out


def finding_lines(f: Finding, by_id: Mapping[str, Claim], cols: int, paint: _Paint | None = None) -> list[str]:
    """One finding: a headline (id, level, what it says), then each figure at its place."""
    paint = paint or _Paint(False)
    label = f"{f.rule}: " if f.rule else ""
    head = f"{f.id} {f.level}  {label}{f.message}"
    lines = _wrap(head, cols, "", "   ")
    lines[0] = lines[0].replace(f"{f.id} {f.level}", f"{paint(f.id, 'id')} {paint(f.level, f.level)}", 1)
    if f.kind == "update":
        claims = by_date(f, by_id)
    else:
        primary, others = places(f, by_id)
        claims = ([primary] if primary is not None else []) + others
    dated = f.kind == "update"
    rows = []
    for c in claims:
        letter = cluster_letter(f, c.id) if f.detail and len(f.detail) > 1 and not dated else ""
        when = (c.article_date.isoformat() if c.article_date else "undated") if dated else ""
        rows.append((letter, c.where, when, reading(c), c))
    lines += _places(rows, cols, paint)
    if f.source:
        lines += [paint(line, "muted") for line in _wrap(f"source: {f.source}", cols, "   ", "   ")]
    return lines


def _places(rows: list[tuple[str, str, str, str, Claim]], cols: int, paint: _Paint) -> list[str]:
    """Each figure on its line: [letter] path:line:col [date] reading «quote», the quote wrapped."""
    if not rows:
        return []
    lw = max(len(r[0]) for r in rows)
    ww = max(len(r[1]) for r in rows)
    dw = max(len(r[2]) for r in rows)
    rw = min(max(len(r[3]) for r in rows), 30)
    out = []
    for letter, where, when, words, c in rows:
        cells = ["  "]
        if lw:
            cells.append(letter.ljust(lw) + " ")
        fixed = "".join(cells)
        lead = fixed + where.ljust(ww) + "  " + (when.ljust(dw) + "  " if dw else "")
        if len(lead) + rw + 2 + QUOTE_MIN > cols:  # too narrow for columns: place and reading, the quote below
            indent = " " * (len(fixed) + 2)
            first = fixed + paint(where, "where") + (f"  {when}" if when else "")
            if len(fixed + where + when) + 4 + len(words) <= cols:
                out.append(f"{first}  {words}")
                out += _wrap(quote(c, QUOTE_ROOM), cols, indent, indent)
            else:
                out.append(first)
                out += _wrap(f"{words}: {quote(c, QUOTE_ROOM)}", cols, indent, indent)
            continue
        head = fixed + paint(where, "where") + " " * (ww - len(where)) + "  " + (when.ljust(dw) + "  " if dw else "")
        said = quote(c, QUOTE_ROOM)
        text = _wrap(
            f"{words.ljust(rw)}  {said}" if len(words) <= rw else f"{words}  {said}",
            cols,
            " " * len(lead),
            " " * (len(lead) + rw + 2),
        )
        out.append(head + text[0][len(lead) :])
        out += text[1:]
    return out


def _skipped(skipped: list[Skipped], cols: int, paint: _Paint) -> list[str]:
    out = []
    for s in skipped:
        out += _wrap(f"{s.path}: {s.reason}", cols, "  ", "    ")
    return out


def _figures(claims: Iterable[Claim], report: Report, cols: int, paint: _Paint) -> list[str]:
    """Each figure: its place, what it counts, how it was read, whether anything was compared with it."""
    out = []
    for c in claims:
        compared = "checked" if c.id in report.matched else "nothing to check against"
        missing = None if c.measure else frames.unmeasured(c)
        counts = what(c) if c.measure else f"not compared: {missing}" if missing else "what it counts is not said"
        lines = _wrap(
            f"{c.where}  {c.surface!r}: {counts}; {reading(c)}; {compared}. {quote(c, QUOTE_ROOM)}", cols, "  ", "      "
        )
        lines[0] = lines[0].replace(c.where, paint(c.where, "where"), 1)
        out += lines
    return out


def _heading(title: str, paint: _Paint) -> list[str]:
    return ["", paint(title, "heading"), ""]


def _wrap(text: str, cols: int, first: str, rest: str) -> list[str]:
    """Text wrapped to the width at spaces; a word (a path) wider than a line is never cut."""
    text = cell(text)  # anyone's words: no control character, and no line that starts a workflow command
    return textwrap.wrap(
        text,
        width=max(cols, len(rest) + 20),
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=False,
    ) or [first.rstrip()]


def headline(findings: list[Finding], by_id: Mapping[str, Claim], path: str) -> str:
    """One line naming an article's findings, for pytest's short summary:
    'F1 conflict, people killed: 'Five' vs 'three', see bridge/b.md:1'."""
    if not findings:
        return ""
    f = findings[0]
    mine = os.path.realpath(path)
    if f.kind in ("conflict", "update", "agreement"):
        claims = by_date(f, by_id) if f.kind == "update" else [by_id[c] for c in dict.fromkeys(f.claims) if c in by_id]
        if f.kind == "conflict" and f.detail:
            claims = [by_id[part[0]] for part in f.detail if part and part[0] in by_id]
        first = next(iter(claims), None)
        text = f"{f.id} {f.kind}, {what(first) if first else ''}: " + " vs ".join(repr(c.surface) for c in claims)
        others = [by_id[c] for c in dict.fromkeys(f.claims) if c in by_id and os.path.realpath(by_id[c].path) != mine]
        if others:
            text += f", see {others[0].path}:{others[0].line}" + (f" and {len(others) - 1} more" if len(others) > 1 else "")
    else:
        text = f"{f.id} {f.rule or f.kind}: {f.message}"
    if len(findings) > 1:
        text += f" (and {len(findings) - 1} more finding{'s' if len(findings) > 2 else ''})"
    return " ".join(text.split())
