"""What of a Markdown article is not article text: its HTML comments.

An editor's `<!-- note: the ministry says 3 were killed -->` and a suppression's reason are
notes, not claims. Extraction reads the text with each comment blanked (every character but
line breaks made a space), so offsets, lines and columns stay those of the file, and the
suppressions (report/suppress.py) still read the comments from the article's own text.
"""

from __future__ import annotations

import re

MARKDOWN = (".md", ".markdown")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_FENCE = re.compile(r"^[ ]{0,3}(```|~~~).*?(?:^[ ]{0,3}\1[^\n]*$|\Z)", re.S | re.M)


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN)


def without_comments(text: str, start: int = 0) -> str:
    """The text with every HTML comment from `start` on blanked, except inside fenced code."""
    if "<!--" not in text:
        return text
    fences = [(m.start(), m.end()) for m in _FENCE.finditer(text, start)]
    out = []
    pos = 0
    for m in _COMMENT.finditer(text, start):
        if any(a <= m.start() < b for a, b in fences):
            continue
        out.append(text[pos : m.start()])
        out.append(re.sub(r"[^\n]", " ", m.group(0)))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
