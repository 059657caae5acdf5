"""A language file compiled: a language's words (numcheck/lang/<code>.toml) as the patterns its readers need.

The readers of figures (foreign.py) and of dates (foreign_dates.py) in a language other than
English take a Language; everything in it is built once from the file, not per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from numcheck.extract import nonclaims
from numcheck.extract.language import ENGLISH, alt, codes, data as language_data


@dataclass(frozen=True)
class Patterns:
    """The patterns of a language's readers that are built from its words; None where its file has
    no such words (a language with no [fractions] reads no share in words)."""

    fraction: re.Pattern[str] | None  # "deux tiers des", "una quinta parte", "un tercio más"
    changed_share: re.Pattern[str] | None  # "en hausse d'", "cayeron ": before a share ("d'un quart", "un tercio")
    half: re.Pattern[str] | None  # "la moitié"
    one_in: re.Pattern[str] | None  # "uno de cada cinco"
    one_in_noun: re.Pattern[str] | None  # "un Français sur quatre"
    range_or: re.Pattern[str]  # "deux ou trois"
    range_pre: re.Pattern[str]  # "entre", "de": a range's first word
    range_and: re.Pattern[str]  # "entre 3 et 5"
    range_to: re.Pattern[str]  # "de 3 à 5"
    article: re.Pattern[str] | None  # "entre un 8 y un 11 %": an article before a range's end
    ordinal: re.Pattern[str] | None  # "troisième"
    compound_ordinal: re.Pattern[str] | None  # "vingt-troisième" (20 + 3), "vigésimo octavo" (20 + 8)
    age_before: re.Pattern[str]  # what makes a number of years before it an age: "âgée de", "un hombre de"
    plural_after: re.Pattern[str]  # a plural noun right after a number, which it counts: "1500 soldats"
    singular_article: re.Pattern[str] | None  # "el", "le" right before a number: a label ("el 7"), no count
    and_a_half: re.Pattern[str] | None  # "et demie", "y medio" after a number and its unit or scale: x.5
    scale_of: re.Pattern[str] | None  # "d'", "de": what joins a scale word to what it counts


@dataclass(frozen=True)
class Language:
    """One language's data, compiled into the patterns the reader needs."""

    code: str
    data: dict
    number: re.Pattern[str]
    vague: re.Pattern[str]
    unit: re.Pattern[str]  # a unit or a percent word right after a number, longest first
    masks: tuple[re.Pattern[str], ...]  # numbers that make no claim: identifiers, idioms, phone numbers
    patterns: Patterns

    @property
    def number_word(self) -> str:
        """The number pattern without its named groups, to embed in another pattern."""
        return self.number.pattern.replace("(?P<num>", "(?:").replace("(?P<scale>", "(?:")


def available() -> tuple[str, ...]:
    """Language codes that have a file in numcheck/lang/."""
    return tuple(c for c in codes() if c != ENGLISH)


@lru_cache(maxsize=None)
def language(code: str) -> Language | None:
    """The compiled language, or None when numcheck has no file for it."""
    if code not in available():
        return None
    data = language_data(code)
    seps = "".join(re.escape(s) for s in data["thousands"])
    dec = re.escape(data["decimal"])
    words = "|".join(sorted((re.escape(w) for w in data["numbers"]), key=len, reverse=True))
    joiner = data.get("patterns", {}).get("compound")
    if joiner:  # "vingt-trois", "vingt et un", "deux cents"
        words = rf"(?:{words})(?:(?:{joiner}|\s)(?:{words}))*"
    scales = "|".join(sorted((re.escape(w) for w in data["scales"]), key=len, reverse=True))
    digits = rf"\d{{1,3}}(?:[{seps}]\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
    scale_of = data.get("patterns", {}).get("scale_of")  # "3 millions d'euros": the word joins the scale to what it counts
    scale_of = f"(?:{scale_of})?" if scale_of else ""
    number = re.compile(rf"(?<![\w,.])(?P<num>{digits}|(?i:{words}))(?![\w])(?:\s?(?P<scale>(?i:{scales}))\b{scale_of})?")
    vague = re.compile(
        r"(?<!\d\s)(?<!\d)(?i:\b(" + "|".join(sorted((re.escape(w) for w in data["vague"]), key=len, reverse=True)) + r")\b)"
    )
    units = [*data["units"], *data.get("scaled_units", {}), *data.get("percent", ())]
    unit = re.compile(rf"\s?(?:{alt(units, longest_first=True)})(?![\w/])", re.I)
    digit = rf"(?:{digits})"
    masks = (
        # not a number a unit follows: "le ticket de bus 3 francs suisses" is a price
        [rf"(?i:\b(?:{alt(data['identifiers'], longest_first=True)})\s+(?:n[º°o.]\s*)?){digit}(?:[-./]\d+)*\b(?!{unit.pattern})"]
        if data.get("identifiers")
        else []
    )
    suffix = data.get("ordinal_suffix", "")  # "le 3e arrondissement"
    masks += [rf"(?i:\b{digit}{suffix}\s+(?:{alt(data['identifiers_after'])})\b)"] if data.get("identifiers_after") else []
    masks += list(data.get("idioms", ()))
    if data.get("streets") and data.get("street_links"):  # "rue du Quatre-Septembre": a street's name, no figure in it
        links = rf"(?i:{alt(data['street_links'], longest_first=True)})"
        number_in_name = rf"\d+{data.get('street_number_suffix', '')}"  # "place du 1er-Mai"
        name = rf"(?:{number_in_name}[\s-]+)?{nonclaims.NAMEWORD}(?:[\s-]+(?:{links}\s*)?(?:{nonclaims.NAMEWORD}|\d{{4}}\b))*"
        masks += [
            rf"(?i:\b(?:{alt(data['streets'], longest_first=True)}))\s+(?:{links}\s*)?{name}"
            r"(?:,?\s+\d+\b(?![.,]\d)(?!\s+\w+s\b))?"
        ]  # "calle Mayor, 15", "calle Alcalá 48" (not "la avenida Diagonal 300 vecinos": a plural after counts it)
    masks += [
        # 91 555 12 34: a phone number, its spaces plain or no-break as typeset
        r"\b\d{2,3}(?:[ \u00a0\u202f]\d{2,3}){2,}\b(?<!\d{3}[ \u00a0\u202f]\d{3})(?<!\b\d[ \u00a0\u202f]\d{3})",
        r"\b\d{2}(?:[ .\u00a0\u202f]\d{2}){3,4}\b",  # 04 68 11 22 33
        r"\b\d{5}(?=\s+[A-ZÀ-Ý][a-zà-ÿ])",  # 69002 Lyon: a postcode before its town
    ]
    return Language(code, data, number, vague, unit, tuple(re.compile(m) for m in masks), _patterns(data, number))


def _patterns(d: dict, number: re.Pattern[str]) -> Patterns:
    """The patterns of a language's readers that are built from its words."""
    f, r = d.get("fractions", {}), d["ranges"]
    word = number.pattern.replace("(?P<num>", "(?:").replace("(?P<scale>", "(?:")
    of = alt(f.get("of", ()))
    words = d.get("ordinals", {})
    tens = [w for w, v in [*d["numbers"].items(), *words.items()] if 20 <= v <= 90 and v % 10 == 0]
    units = [w for w, v in words.items() if 1 <= v <= 9]
    one_in = {key: rf"(?i:{f[key].replace('{number}', word)})" if f.get(key) else None for key in ("one_in", "one_in_noun")}
    return Patterns(
        fraction=_compiled(_fraction(f, word, of) if f else None),
        changed_share=_compiled(_changed_share(f) if f else None),
        half=_compiled(rf"(?i:\b(?:{alt(f.get('half', ()), longest_first=True)})(?:\s+(?:{of})\b)?)" if f.get("half") else None),
        one_in=_compiled(one_in["one_in"]),
        one_in_noun=_compiled(one_in["one_in_noun"]),
        range_or=re.compile(rf"\s+(?:{alt(r['or'])})\s+"),
        range_pre=re.compile(rf"(?i:\b(?P<pre>{alt(r['between'])}|{alt(r['from'])})\s*)"),
        range_and=re.compile(rf"\s+(?:{alt(r['and'])})\s+"),
        range_to=re.compile(rf"\s+(?:{alt(r['to'])})\s+"),
        article=_compiled(rf"(?i:(?:{alt(r['articles'])})\s+)(?=\d)" if r.get("articles") else None),
        ordinal=_compiled(
            r"(?i:\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b)" if words else None
        ),
        compound_ordinal=_compiled(  # tens, "and", a unit: "vingt et unième", "vigésimo octavo"
            rf"(?i:\b(?P<t>{alt(tens, longest_first=True)})[-\s]+(?:(?:{alt(r['and'])})[-\s]+)?"
            rf"(?P<u>{alt(units, longest_first=True)})\b)"
            if tens and units
            else None
        ),
        age_before=re.compile(rf"(?:{d.get('patterns', {}).get('age_before', '(?!x)x')})\s*$", re.I),
        plural_after=re.compile(rf"\s+[a-zà-ÿ]+(?:{alt(d.get('plural_endings', ())) or '(?!x)x'})\b"),
        and_a_half=_compiled(d.get("patterns", {}).get("and_a_half")),
        scale_of=_compiled(d.get("patterns", {}).get("scale_of")),
        singular_article=_compiled(rf"(?i:\b(?:{alt(d['singular_articles'])})\s+$)" if d.get("singular_articles") else None),
    )


def _fraction(f: dict, word: str, of: str) -> str:
    """A share in words: a number and a denominator before "of" ("deux tiers des", groups n and d), or one
    that is a share alone ([fractions] alone: "una quinta parte", n and d2), or before a word of comparison
    ([fractions] change_after: "un tercio más", n and d4), or any other (n and d3: a share only after a word
    of change, changed_share). One scan for the number: a pattern per shape would try the number words at
    every character once each."""
    denominators = alt(f["denominators"], longest_first=True)
    shapes = [rf"(?P<d>{denominators})\s+(?:{of})\b"]
    if f.get("alone"):
        shapes.append(rf"(?P<d2>{alt(f['alone'], longest_first=True)})\b")
    if f.get("change_after"):
        shapes.append(rf"(?P<d4>{denominators})(?=\s+(?:{alt(f['change_after'])})\b)")
    if f.get("change_before"):
        shapes.append(rf"(?P<d3>{denominators})\b")
    return rf"(?i:\b(?P<n>{word})\s+(?:{'|'.join(shapes)}))"


def _changed_share(f: dict) -> str | None:
    """The words of change before a share ([fractions] change_before: "en hausse d'un quart", "cayeron un
    tercio"), looked for right before a number and a denominator the fraction pattern found."""
    return rf"(?i:(?:{alt(f['change_before'], escape=False)})\s*$)" if f.get("change_before") else None


def _compiled(rx: str | None) -> re.Pattern[str] | None:
    return re.compile(rx) if rx else None
