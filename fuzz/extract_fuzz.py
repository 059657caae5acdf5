"""A coverage-guided fuzzer (atheris, libFuzzer) for reading an article: bytes -> text -> claims.

    pip install atheris
    python fuzz/extract_fuzz.py -max_total_time=600 -max_len=2000 [CORPUS_DIR]

Any exception, a claim outside the text, a quote that is not the text at its offsets, or a
figure that is not finite is a crash; libFuzzer saves the input that caused it (crash-*). The
hypothesis tests in tests/test_fuzz.py cover the same ground inside the test suite.
"""
from __future__ import annotations

import math
import sys

import atheris

with atheris.instrument_imports(include=["numcheck"]):
    from numcheck import files, frontmatter, rulebook
    from numcheck.claims import claims
    from numcheck.model import Article

BOOK = rulebook.load([], use_local=False)


def one(data: bytes) -> None:
    decoded = files.decode(data)
    if decoded.text is None:
        assert decoded.reason
        return
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    fm = frontmatter.split(text)
    for c in claims(Article("a.md", text, "s", body_start=fm.body_start), BOOK):
        assert fm.body_start <= c.start < c.end <= len(text), (c.start, c.end)
        assert text[c.start : c.end] == c.surface
        assert all(not isinstance(x, float) or math.isfinite(x) for x in (c.value, c.low, c.high))


if __name__ == "__main__":
    atheris.Setup(sys.argv, one)
    atheris.Fuzz()
