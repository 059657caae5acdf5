"""Whose figure it is, by name: the person an age belongs to, as first and last name.

News gives ages by apposition ("Alan Rusk, 58,") or before the name ("57-year-old Michael John
Oehme"), and repeats a person by surname alone ("Oehme, 57,"). Relatives share surnames, so a
person is first and last name, and a surname alone is the article's one full name with it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from numcheck.model import Figure
from numcheck.extract.language import GRAMMAR, ROLES, STOP, alt, any_first_case
from numcheck.extract.nonclaims import NAMEWORD

NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{NAMEWORD}(?:\s+(?:[A-Z]\.|{NAMEWORD}))*),\s*$")
_NAME_BRACKET = re.compile(rf"(?<![\w'’-])(?P<name>{NAMEWORD}(?:\s+{NAMEWORD})*)\s+\($")
NAME_AFTER = re.compile(rf"\s+(?P<name>{NAMEWORD}(?:\s+(?:[A-Z]\.|{NAMEWORD}))*)")
NOT_SUBJECTS = STOP["not_subjects"]


def age_owner(text: str, fig: Figure, span: tuple[int, int]) -> str | None:
    """The person an age belongs to: '26-year-old Esteban Santiago' or 'Santiago, a 26-year-old';
    'The 23-year-old will sign' is the person last named, else the one the article is about."""
    definite = _DEFINITE.search(text, max(span[0], fig.start - 4), fig.start)
    role = _ROLE_AFTER.match(text, fig.end, span[1]) or _ROLE_BEFORE.search(text, max(span[0], fig.start - 40), fig.start)
    if role and (role.re is _ROLE_BEFORE or definite):
        return f"the {role.group('role').lower()}"  # "The driver, 57,", "the 52-year-old Spanish driver": the story's one driver
    after = NAME_AFTER.match(text, fig.end, span[1])
    if after and " " not in after.group("name") and re.match(r"\s+[a-z]{3,}", text[after.end() : after.end() + 5]):
        after = None  # "the 23-year-old Uruguayan forward": an adjective, not a name
    before = NAME_BEFORE.search(text, max(span[0], fig.start - 60), fig.start) or _NAME_BRACKET.search(
        text, max(span[0], fig.start - 60), fig.start
    )  # "Meseret Alemu (31)"
    for m in (after, before):
        if m:
            return person(text, m.group("name"))
    if definite:
        return last_named(text, span[0]) or protagonist(text)
    return None


def relative(text: str, fig_start: int, sent_start: int) -> str | None:
    """'His wife Linda ... received a two-year sentence': the protagonist's relative, not the protagonist."""
    m = _RELATIVE.search(text, sent_start, fig_start)
    if not m:
        return None
    lead = protagonist(text)
    return f"{m.group(1).lower()} of {lead}" if lead else m.group(1).lower()


_RELATIVE = re.compile(rf"\b(?:{'|'.join(any_first_case(ROLES['relatives_owners']))})\s+({alt(ROLES['relatives'])})\b")


def last_named(text: str, before: int, window: int = 400, known_people: bool = True) -> str | None:
    """The last person named in full in the sentences just before: 'The 23-year-old will sign'
    after '... for Uruguay striker Tomás Alvarado' (by default only a name shown to be a person's:
    "Northport Athletic" is no one's age)."""
    known = people(text)
    found = [
        m
        for m in _FULL_NAME.finditer(text, max(0, before - window), before)
        if m.group(1).lower() not in NOT_SUBJECTS
        and m.group(1).lower() not in _TITLES
        and (m.group(2) in known or not known_people)
    ]
    return person(text, f"{found[-1].group(1)} {found[-1].group(2)}") if found else None


_THE = any_first_case([GRAMMAR["the"]])[0]  # "[Tt]he"
_DEFINITE = re.compile(rf"(?<![\w]){_THE}\s+$")
# roles a story has one of, so "the driver" names a person across articles
_UNIQUE = alt(ROLES["unique"])
_ROLE_AFTER = re.compile(rf"(?:\s+[A-Z][a-z]+)?\s+(?P<role>{_UNIQUE})\b")
_ROLE_BEFORE = re.compile(rf"(?<![\w]){_THE}\s+(?:[a-z]+\s+)?(?P<role>{_UNIQUE}),\s*$")


@lru_cache(maxsize=64)
def protagonist(text: str) -> str | None:
    """The person an article is about, when one clearly is: the named person whose surname it
    repeats alone at least twice as often as anyone else's. 'The 23-year-old' and 'the
    Uruguayan' refer to them; with no clear protagonist they refer to no one we can name."""
    surnames = people(text)
    # a person's surname stands alone ("Alvarado scored"); a club's second word does not ("Halston Rovers")
    counts = sorted(((_alone(text, n), n) for n in surnames), reverse=True)
    if not counts or counts[0][0] < 1 or len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return None
    surname = counts[0][1]
    first = next(
        m.group(1)
        for m in _FULL_NAME.finditer(text)
        if m.group(2) == surname
        and m.group(1).lower() not in _TITLES
        and m.group(1).lower() not in NOT_SUBJECTS
        and not m.group(1).endswith(("'s", "’s"))
    )
    return f"{first} {surname}".lower()  # of two Ashworths, the one the article names first


@lru_cache(maxsize=64)
def people(text: str) -> frozenset[str]:
    """Surnames of the people an article names in full: a person speaks, is aged, is titled or has a
    role ("finance director Gerald Ashworth"); "Indonesia's Aceh" and "Halston Rovers" are not people."""
    surnames = {
        m.group(2)
        for m in _FULL_NAME.finditer(text)
        if m.group(1).lower() not in NOT_SUBJECTS and m.group(1).lower() not in _TITLES and not m.group(1).endswith(("'s", "’s"))
    }
    roled = {m.group(2) for m in _ROLE_NAME.finditer(text) if _AGENT.fullmatch(m.group(1))}
    return frozenset(n for n in surnames if n in roled or _PERSON_CUE.search(text.replace(n, "\0")))


def first_person(text: str, start: int, end: int) -> str | None:
    """The first person named in full in text[start:end]: the subject of 'Gerald Ashworth, 56, the
    former finance director of Northgate Homes Trust, was sentenced to nine years'."""
    known = people(text)
    m = next((m for m in _FULL_NAME.finditer(text, start, end) if m.group(2) in known), None)
    return person(text, f"{m.group(1)} {m.group(2)}") if m else None


def _alone(text: str, surname: str) -> int:
    """How often a surname stands without a capitalised word before it."""
    return sum(
        1
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])", text)
        if not _CAPITALISED_BEFORE.search(text, max(0, m.start() - 40), m.start())
    )


_PERSON_CUE = re.compile(
    rf"\0(?:,\s+\d{{1,3}},|['’]s\s+(?:{alt(ROLES['relations'])})|,?\s+(?:{alt(ROLES['speech'])}|"
    rf"who\s+(?:{alt(ROLES['who'])}))\b)|(?:{alt(ROLES['person_titles'])})\.?\s+\0|year-old\s+(?:\w+\s+){{0,2}}\0"
)
_ROLE_NAME = re.compile(rf"\b([a-z]+)\s+{NAMEWORD}\s+({NAMEWORD})(?![\w'’-])")
# a word for a person's role: "director", "striker", "councillor", "spokeswoman", "chief"
_AGENT = re.compile(alt(ROLES["agents"], escape=False))
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*[ \t]+$")
_FULL_NAME = re.compile(rf"(?<![\w'’-])({NAMEWORD})\s+({NAMEWORD})(?![\w'’-])")


def person(text: str, name: str) -> str:
    """A person as first and last name, so that relatives who share a surname stay apart: 'Michael
    John Oehme' is 'michael oehme'; a surname alone is the one full name with it in the article
    ('Whitcombe' after 'Dana Whitcombe'), else the surname (two Oehmes: we cannot tell which)."""
    words = name.split()
    while len(words) > 2 and (
        words[0].lower() in _TITLES or _AGENT.fullmatch(words[0].lower()) or words[0].endswith(("'s", "’s"))
    ):  # "Ethiopia's Meseret Alemu"
        words = words[1:]  # "Foreman Tomas Halyk" at a sentence's start is Tomas Halyk
    if len(words) > 1:
        return f"{words[0]} {words[-1]}".lower()
    firsts = {
        m.group(1)
        for m in re.finditer(rf"({NAMEWORD})\s+(?:(?:[A-Z]\.|{NAMEWORD})\s+)?{re.escape(name)}(?![\w'’-])", text)
        if m.group(1).lower() not in NOT_SUBJECTS and m.group(1).lower() not in _TITLES
    }
    if len(firsts) == 1:
        return f"{firsts.pop()} {name}".lower()
    lead = protagonist(text) if firsts else None  # two Ashworths: the one the article is about, if it is
    return lead if lead and lead.split()[-1] == name.lower() else name.lower()


_TITLES = frozenset(ROLES["titles"])


def apposition(text: str, fig: Figure, span: tuple[int, int]) -> str | None:
    """'Terry Andres, 62, of Virginia': a name, a comma, a whole number from 1 to 119, a comma."""
    if fig.kind != "count" or fig.approx != "exact" or fig.value is None or not (1 <= fig.value < 120):
        return None
    if not float(fig.value).is_integer() or not re.match(r"\s*(?:[,;)]|$|\.\s*$)", text[fig.end : span[1]]):
        return None
    m = NAME_BEFORE.search(text, max(span[0], fig.start - 60), fig.start)
    if not m or m.group("name").split()[-1].lower() in NOT_SUBJECTS:  # "Alvarado, 25," but not "Monday, 25,"
        return None
    return person(text, m.group("name"))
