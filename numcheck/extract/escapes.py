"""Terminal escape sequences in an article are not its words: no figure is read inside one.

A file pasted from a terminal or written to fool one carries ESC[2J (clear the screen), colours
(ESC[31m), OSC 8 links (ESC]8;;https://...ESC\\): read as text, '2', '31' and '8' would be
figures. Before figures are read, every escape sequence and every other control character is
blanked, character for character, so offsets, lines and columns stay those of the article.
"""

from __future__ import annotations

import re

_SEQUENCE = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor, clear screen
    "|(?:\x1b[\\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\\\|\x9c)?"  # OSC, DCS, SOS, PM, APC ... ST
    "|\x1b[ -/]*[0-~]?"  # any other escape: ESC ( B, ESC 7, ESC c
    "|[\x00-\x08\x0e-\x1f\x7f-\x9f]"  # any other control character (tabs, newlines and feeds are spacing)
)


def masked(text: str) -> str:
    """The text with every escape sequence and control character replaced by spaces, one a character."""
    if not _SEQUENCE.search(text):
        return text
    return _SEQUENCE.sub(lambda m: " " * len(m.group()), text)
