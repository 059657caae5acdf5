"""A coverage-guided fuzzer (atheris, libFuzzer) for reading an article: bytes -> text -> claims.

    pip install atheris
    python fuzz/extract_fuzz.py -max_total_time=600 -max_len=2000 [CORPUS_DIR]

The first two bytes choose the article's date and language; the rest is the file. Any exception,
a claim outside the text, a quote that is not the text at its offsets, or a figure that is not
finite is a crash; libFuzzer saves the input that caused it (crash-*). The hypothesis tests in
tests/test_fuzz.py cover the same ground inside the test suite.
"""

from __future__ import annotations

import datetime as dt
import math
import sys

import atheris

with atheris.instrument_imports(include=["numcheck"]):
    from numcheck.read import files, frontmatter
    from numcheck.rules import rulefile
    from numcheck.attribute.claims import claims
    from numcheck.model import Article

BOOK = rulefile.load([], use_local=False)
# the day relative dates are seen from (the calendar's two ends included: "tomorrow" on 9999-12-31), and the language
DAYS = (None, dt.date(2023, 3, 1), dt.date.min, dt.date.max)
LANGS = (None, "fr")


def one(data: bytes) -> None:
    today, lang = (DAYS[data[0] % len(DAYS)], LANGS[data[1] % len(LANGS)]) if len(data) > 1 else (None, None)
    decoded = files.decode(data[2:])
    if decoded.text is None:
        assert decoded.reason
        return
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    fm = frontmatter.split(text)
    for c in claims(Article("a.md", text, "s", date=today, body_start=fm.body_start, lang=lang), BOOK):
        assert fm.body_start <= c.start < c.end <= len(text), (c.start, c.end)
        assert text[c.start : c.end] == c.surface
        assert all(not isinstance(x, float) or math.isfinite(x) for x in (c.value, c.low, c.high))


if __name__ == "__main__":
    atheris.Setup(sys.argv, one)
    atheris.Fuzz()
