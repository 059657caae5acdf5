"""The language identifier (extract/foreign.py): its shortcut (plainly_in), a paragraph plainly in a language
given that language without asking lingua, and only where lingua would give the same answer; and how well
detection names the language of every labelled case, a line alone as an article."""

from __future__ import annotations

import tomllib
from pathlib import Path

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


# Every labelled extraction set (tests/extraction_set/, bench/extraction-blind-*), each case alone as an
# article, as bench/extraction.py --no-lang reads it: the language detection names is the case's own
# (its `lang`, English when it has none). Measured when the rule was chosen: 4,515 of 4,515 right, where
# the trigram model with a minimum of 18 letters named 4,445 (6 English lines read as French or Spanish).
_ROOT = Path(__file__).resolve().parent.parent
_SETS = [_ROOT / "tests" / "extraction_set", *sorted((_ROOT / "bench").glob("extraction-blind-*"))]


def _labelled_cases() -> list[tuple[str, str, str]]:
    """(where, text, language) of every case of every labelled set."""
    out = []
    for folder in _SETS:
        for path in sorted(folder.glob("*.toml")):
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            lang = data.get("lang", "en")
            out += [(f"{folder.name}/{path.name}", c["text"], c.get("lang", lang)) for c in data.get("case", [])]
    return out


def test_detection_names_the_language_of_every_labelled_case() -> None:
    cases = _labelled_cases()
    got = [(where, text, lang, foreign.detect(text)) for where, text, lang in cases]
    assert len(cases) >= 4500
    assert not [g for g in got if g[2] == "en" and g[3] != "en"]  # never an English line read as another language
    wrong = [g for g in got if g[2] != g[3]]
    assert len(wrong) <= 0.005 * len(cases), wrong


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le film dure 1 h 52.", "fr"),  # 11 letters: the full model puts French level with English, no English word
        ("La película dura 2 h 14.", "es"),
        ("Exports fell to 9.6 million tonnes.", "en"),  # the full model puts French first, by 0.27: not enough
        ("The route is 26 miles (42km) long.", "en"),
        ("Le G20", "en"),  # too few letters to tell: the default
    ],
)
def test_a_line_alone_is_read_in_its_language(text: str, code: str) -> None:
    assert foreign.detect(text) == code
