"""What numcheck writes is escaped for whoever reads it: a terminal, a CI log, Markdown, a spreadsheet.

Article text and file names are anyone's: a file named 'x\n::error title=...' must not become a
GitHub workflow command, ESC[2J must not clear a terminal, an OSC 8 sequence must not make a
link, a cell starting with '=' must not run in a spreadsheet, '<img src=...>' must not reach the
step summary as HTML. Text that holds none of these is written as it is.
"""

from __future__ import annotations

import re

#: C0 controls, DEL and C1 controls: a terminal or a log acts on them (ESC, CSI, OSC, BEL...).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_COLONS = re.compile(r"::+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def _escaped(m: re.Match[str]) -> str:
    c = m.group()
    return _NAMED.get(c) or f"\\x{ord(c):02x}"


def visible(text: str) -> str:
    """Every control character written as an escape (`\\n`, `\\x1b`), so that none reaches a
    terminal or a log, and a newline never starts a line of its own."""
    return _CONTROL.sub(_escaped, text)


def terminal(text: str) -> str:
    """Lines for a terminal or a log: controls escaped but the newlines between the lines."""
    return "\n".join(visible(line) for line in text.split("\n"))


def cell(text: str) -> str:
    """A table cell for a terminal or a CI log: visible(), and no '::' anywhere (each colon of a
    run written '\\:'), so that wrapping a cell never starts a line with a workflow command."""
    text = visible(text)
    return _COLONS.sub(lambda m: "\\:" * len(m.group()), text) if "::" in text else text


def markdown_cell(text: str) -> str:
    """A cell of a GitHub Markdown table: cell(), '|' escaped, and no raw HTML, link or image:
    '<' and '>' as entities, '](' as '\\]('. Backslash escapes and entities render as the very text."""
    text = cell(text).replace("|", "\\|")
    if "<" in text or ">" in text:
        text = text.replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("](", "\\](") if "](" in text else text


def json_text(text: str) -> str:
    """JSON as json.dumps(ensure_ascii=False) writes it, with DEL, C1 controls, the line and
    paragraph separators and lone surrogates (a file name that is not UTF-8) as \\u escapes:
    valid UTF-8 whatever the stream's error handler, nothing a terminal acts on, the very text
    when read back. (They can only be inside strings, where a \\u escape means the same.)"""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _JSON_UNSAFE.search(text) else text


def surrogates(text: str) -> str:
    """Lone surrogates (a file name that is not UTF-8) as \\udcff: never raw bytes on a stream."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _SURROGATE.search(text) else text
