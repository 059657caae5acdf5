"""The tense of a date from its sentence's parse (attribute/tense.py): a date of an infinitive a verb of intent
or agreement governs is of what is to come, read forward from the article's date whatever the governing verb's
tense; a date of the governing verb itself, or of a verb in the past, keeps the sentence's tense. As data:
sentence and article date in, the date's interval out."""

from __future__ import annotations

import datetime as dt

import pytest

from numcheck.attribute import claims, tense
from numcheck.extract import figures as extract
from numcheck.model import Article
from numcheck.rules import rulefile

DECEMBER = dt.date(2026, 12, 10)

CASES = [  # (language, sentence in an article of DECEMBER, the date's surface, its first and last day)
    (
        "en",
        "The council agreed to close an area of the isles between January and April.",
        "between January and April",
        "2027-01-01",
        "2027-04-30",
    ),
    ("en", "The union voted to strike in February.", "in February", "2027-02-01", "2027-02-28"),
    ("en", "The firm decided last week to close the plant in March.", "in March", "2027-03-01", "2027-03-31"),
    ("en", "The firm decided last week to close the plant in March.", "last week", "2026-11-30", "2026-12-06"),
    # a conjunct of the infinitive is governed as it is
    ("en", "The board agreed to sell the site and to move the staff in March.", "in March", "2027-03-01", "2027-03-31"),
    # the date of the governing verb itself keeps its tense
    ("en", "The ministers agreed in March to cut the quota.", "in March", "2026-03-01", "2026-03-31"),
    # a verb in the past, no infinitive: the past
    ("en", "The council closed the road in March.", "in March", "2026-03-01", "2026-03-31"),
    # an infinitive of a verb that is no intent: the sentence's tense
    ("en", "The council tried to close the road in March.", "in March", "2026-03-01", "2026-03-31"),
    # a verb in the past inside the infinitive's phrase dates its own event
    ("en", "They agreed to sell the plant, which opened in March.", "in March", "2026-03-01", "2026-03-31"),
    (
        "fr",
        "Le conseil a accepté de fermer la zone entre janvier et avril.",
        "entre janvier et avril",
        "2027-01-01",
        "2027-04-30",
    ),
    ("fr", "Le gouvernement a décidé de relever le taux en mars.", "en mars", "2027-03-01", "2027-03-31"),
    ("fr", "Le conseil a fermé la route en mars.", "en mars", "2026-03-01", "2026-03-31"),
    # words of what is to come elsewhere in the sentence: a date of a verb in the past is of what is past
    (
        "en",
        "Members voted on Thursday night to approve the turbines, which will be built next year.",
        "on Thursday",
        "2026-12-10",
        "2026-12-10",
    ),
    ("en", "The council has approved the scheme in March, and work will start soon.", "in March", "2026-03-01", "2026-03-31"),
    # ... and a date of a verb to come keeps the future
    ("en", "The council voted on Thursday, and the road will close on Monday.", "on Monday", "2026-12-14", "2026-12-14"),
]


@pytest.mark.parametrize(("lang", "text", "surface", "low", "high"), CASES)
def test_a_date_under_an_infinitive_of_intent_is_to_come(lang: str, text: str, surface: str, low: str, high: str) -> None:
    figs = tense.forward_dates(text, 0, len(text), extract.figures(text, 0, len(text), DECEMBER, lang), DECEMBER, lang)
    date = next(f for f in figs if f.kind == "date" and text[f.start : f.end] == surface)
    assert (str(date.low), str(date.high)) == (low, high)


def test_a_sentence_with_no_date_the_tense_resolves_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The council agreed on 3 March 2026 to close the road."
    monkeypatch.setattr(tense.parse, "parse_many", lambda *a, **k: pytest.fail("parsed"))
    figs = extract.figures(text, 0, len(text), DECEMBER, "en")
    assert tense.forward_dates(text, 0, len(text), figs, DECEMBER, "en") == figs


BACK = [  # (sentence in an article of 13 November 2026, the date's surface, its day)
    # a verb in the past dates a past event, whatever another clause says of what is to come
    (
        "The firm received planning approval on 11 November, clearing the way for a plan that will transform the site.",
        "11 November",
        "2026-11-11",
    ),
    ("The mill exploded on Tuesday, and the firm says it will rebuild it.", "Tuesday", "2026-11-10"),
    # a verb of what is to come keeps the sentence's reading
    ("The new stand will open on 11 November.", "11 November", "2027-11-11"),
]


@pytest.mark.parametrize(("text", "surface", "day"), BACK)
def test_a_date_of_a_verb_in_the_past_is_read_back(text: str, surface: str, day: str) -> None:
    found = claims.claims(Article("a.txt", text, "story", dt.date(2026, 11, 13)), rulefile.load([], use_local=False))
    date = next(c for c in found if c.kind == "date" and surface in c.surface)
    assert str(date.low) == day
