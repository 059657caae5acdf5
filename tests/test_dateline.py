"""Datelines: which opening lines date an article, and which are sentences about an event."""

from __future__ import annotations

import datetime as dt

import pytest

from numcheck.read import dateline

D = dt.date


@pytest.mark.parametrize(
    "text, date",
    [
        ("Quake strikes Aceh\nJuly 03, 2013 6:22AM\nAn earthquake killed six.", D(2013, 7, 3)),
        ("Quake strikes Aceh\non July 02 2013 7:41 AM\nA quake struck.", D(2013, 7, 2)),
        ("Five dead in quake\nTuesday, July 2nd, 2013\nA quake.", D(2013, 7, 2)),
        ("Quake\nTue Jul 2, 2013 1:28PM GMT\nA quake.", D(2013, 7, 2)),
        ("Quake kills 24\nWEDNESDAY 03 JULY 2013\nSoldiers...", D(2013, 7, 3)),
        ("Leaders react\nWednesday 21 August 2013 World leaders have responded.", D(2013, 8, 21)),
        ("Opposition claims attack\n21.08.2013Get short URL\nForces fired.", D(2013, 8, 21)),
        ("Headline\n\nPublished: 2 July 2013 10:00 GMT\nText.", D(2013, 7, 2)),
        ("2013-07-02\nText.", D(2013, 7, 2)),
        ("Hospice run\n\nOLDMARSH, 16 November 2026\n\nThousands ran.", D(2026, 11, 16)),  # a wire dateline's place
        ("Two die\nKELSO, Dec. 3, 2026 (AP) — Two people died.", D(2026, 12, 3)),
    ],
)
def test_a_dateline_dates_the_article(text: str, date: dt.date) -> None:
    assert dateline.find(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "Headline\nOn July 2, 2013, a quake struck the province.",  # a sentence about the event
        "Headline\nOn July 2, 2013 fire broke out.",
        "Headline\nJuly 2 was a quiet day.",  # no year
        "Headline\nIn July 2013 the toll rose.",  # not to the day
        "Headline\nLead sentence.\nSecond paragraph.\nJuly 03, 2013\n",  # past the first three lines
        "Headline\n31.02.2013 is no date\n",
        "Headline\nPARIS, 3 December 2026, a quake struck the city.",  # a place and a date in a sentence
        "",
    ],
)
def test_other_openings_do_not(text: str) -> None:
    assert dateline.find(text) is None


def test_front_matter_is_skipped() -> None:
    text = "---\ntitle: x\n---\nHeadline\nMay 4, 2020\n"
    assert dateline.find(text, text.index("Headline")) == D(2020, 5, 4)
