"""Continental separators in English copy (extract/separators.py): which articles show them, and
that reading them changes nothing but the separators."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from numcheck.extract import separators

# (article text, the text its numbers are read in): an article that shows the continental way
# anywhere is read that way everywhere; one that does not is read as written.
CASES = [
    (
        "In total 8.200 people were evacuated from a tank of 1.200 tonnes.",
        "In total 8,200 people were evacuated from a tank of 1,200 tonnes.",
    ),
    (
        "Turnover amounts to 3,7 billion euros; 5,2 million accounts.",
        "Turnover amounts to 3.7 billion euros; 5.2 million accounts.",
    ),
    ("The rate reached 88,1% and 1.200 tonnes were stored.", "The rate reached 88.1% and 1,200 tonnes were stored."),
    ("A population of 1.234.567 and a tank of 1.200 tonnes.", "A population of 1,234,567 and a tank of 1,200 tonnes."),
    ("It paid 1.234,50 euros.", "It paid 1,234.50 euros."),
    ("Petrol costs $3.499 a gallon, up 1.5%.", "Petrol costs $3.499 a gallon, up 1.5%."),
    ("A tank of 1.200 tonnes leaked 2.5 tonnes.", "A tank of 1.200 tonnes leaked 2.5 tonnes."),
    ("He scored 3,4 and 5 points; 12,000 fans watched.", "He scored 3,4 and 5 points; 12,000 fans watched."),
    ("Version 0.125 of the tool and 1.5 million users.", "Version 0.125 of the tool and 1.5 million users."),
]


@pytest.mark.parametrize(("text", "read"), CASES, ids=[c[0][:40] for c in CASES])
def test_read_as(text: str, read: str) -> None:
    assert separators.english(text) == read


@given(st.text(alphabet="0123456789.,% abcmilonbrtepsu€$\n", max_size=80))
def test_only_separators_change(text: str) -> None:
    """Same length, and only '.' and ',' ever change, so every offset and quoted word holds."""
    read = separators.english(text)
    assert len(read) == len(text)
    assert all(a == b or {a, b} <= {".", ","} for a, b in zip(text, read))
