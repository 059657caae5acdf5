"""What narrows a business figure's measure: 'cloud revenue', 'sales of storage hardware', '40% of revenue'.

A company reports many figures of one measure in one story — revenue of the group and of each
unit, growth rates and shares — so "revenue" alone would put $1.9bn of cloud revenue beside $4.8bn
for the whole quarter. The word that qualifies the measure word is whose figure it is; a share
"of revenue" is part of the revenue, not its growth.
"""

from __future__ import annotations

import re

from numcheck.extract.language import EN, GRAMMAR, STOP, alt
from numcheck.rules.vocabulary import Term, Vocabulary

KINDS = ("money", "percent")
_BEFORE = re.compile(r"(?<![\w'’-])(?P<w>[A-Za-z][a-z]+(?:-[a-z]+)?)\s+$")
_WORDS = EN["attribution"]
_AFTER = re.compile(
    rf"\s+(?:{alt(_WORDS['qualifier_after'])})\s+(?:{alt(_WORDS['qualifier_determiners'], escape=False)})?"
    r"(?:[a-z]+\s+)?(?P<w>[a-z]{3,})\b"
)
_SHARE = re.compile(rf"\s+{GRAMMAR['of']}\s+(?:{alt(_WORDS['share_determiners'], escape=False)})?(?P<w>[a-z]+(?:\s+[a-z]+)?)")
_NOT_QUALIFIERS = STOP["not_qualifiers"]  # words before a measure word that do not make it another figure's
_PERIOD = re.compile(alt(_WORDS["periods"], escape=False))


def qualifier(text: str, term: Term, fig_start: int, span_start: int) -> str | None:
    """The word that narrows the measure word: 'cloud' in 'cloud revenue grew 21%', 'hardware' in
    'sales of storage hardware fell 4%' (only when the of-phrase stands between the word and the figure)."""
    if term.end <= fig_start:
        after = _AFTER.match(text, term.end, fig_start)
        if after and not _plain(after.group("w")):
            return after.group("w")
    before = _BEFORE.search(text, max(span_start, term.start - 30), term.start)
    if before and not _plain(before.group("w")):
        return before.group("w").lower()
    return None


def share_of(text: str, fig_end: int, end: int, measure: str, vocab: Vocabulary) -> bool:
    """Whether a percentage is a share of the measure itself: 'nearly 40% of revenue'."""
    m = _SHARE.match(text, fig_end, end)
    if not m:
        return False
    words = m.group("w").split()
    return any(vocab.measure_word(" ".join(words[:n])) == measure for n in (2, 1))


def _plain(word: str) -> bool:
    w = word.lower()
    return w in _NOT_QUALIFIERS or bool(_PERIOD.fullmatch(w))
