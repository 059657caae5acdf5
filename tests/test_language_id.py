"""The language identifier's shortcut (extract/foreign.py plainly_in): a paragraph plainly in a language is
given that language without asking lingua, and only where lingua would give the same answer."""

from __future__ import annotations

import pytest

from numcheck.extract import foreign

FR = "Le conseil municipal a voté mardi une hausse de 3 % des tarifs, selon la mairie, qui ne précise pas la date."
ES = "El ayuntamiento aprobó el martes una subida del 3 % de las tarifas, según el alcalde, y la obra durará dos años."

# (text, the language asked about, whether the text is plainly in it)
CASES = [
    ("The council said the bridge would reopen on Tuesday after repairs that cost $3 million.", "en", True),
    ("The mayor was clear: « Nous allons reconstruire la ville », she told the council on Monday.", "en", False),
    (FR, "fr", True),
    (FR, "en", False),
    (ES, "es", True),
    (ES, "fr", False),
    ("Hallam collected the $40,000 prize money plus a bonus for the course record.", "en", False),  # 3 function words: asks
]


@pytest.mark.parametrize(("text", "code", "plain"), CASES)
def test_plain_paragraphs_skip_the_identifier_only_where_it_agrees(text: str, code: str, plain: bool) -> None:
    assert foreign.plainly_in(text, code) is plain
    if plain:  # the shortcut gives what the identifier itself says
        assert foreign._identified(text, code, 0.6) == code
        assert foreign.identify(text, code) == code
