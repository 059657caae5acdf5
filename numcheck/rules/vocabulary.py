"""The rules' words — measures, entities, events, times — compiled into one pass over a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from numcheck.extract.language import EN, alt
from numcheck.rules.rulebook import RuleBook

_REL = EN["relations"]  # "before the war", "after the quake"
_ORDER = alt(_REL["order"])
_REL_DETERMINERS = "|".join(rf"{re.escape(w)}\s+" for w in _REL["relation_determiners"])
_WHAT_ENDS = "".join(rf"{re.escape(w)}\b|" for w in _REL["what_ends"])  # "of\b|in\b|...|"
DEFAULT_KINDS = ("count", "percent", "money")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_GAP = re.compile(r"[^\s-]")


@dataclass(frozen=True, slots=True)
class Term:
    start: int
    end: int
    key: str
    group: str  # "measure", "entity", "event", "time", "before", "after"


class Vocabulary:
    """The rules' words compiled into one pass over a sentence."""

    def __init__(self, book: RuleBook) -> None:
        self.book = book
        self.kinds = {m.id: (m.kinds or DEFAULT_KINDS) for m in book.measures.values()}
        terms: list[tuple[str, str, str]] = []
        for m in book.measures.values():
            terms += [(w, m.id, "measure") for w in m.words]
        for name, aliases in book.entities.items():
            terms += [(a, name, "entity") for a in aliases]
        for ev in book.events.values():
            terms += [(a, ev.id, "event") for a in ev.aliases]
        for name, words in book.times.items():
            terms += [(w, name, "time") for w in words]
        self._measure_words = {" ".join(w.lower().split()): key for w, key, g in terms if g == "measure"}
        self._people = frozenset(" ".join(w.lower().split()) for w in book.people)
        self.incidents = {w.lower(): kind for kind, words in book.incidents.items() for w in words}  # word -> kind
        # phrases as word tuples: a capitalised alias matches as written, any other word in any case
        self._exact: dict[tuple[str, ...], tuple[str, str]] = {}
        self._folded: dict[tuple[str, ...], tuple[str, str]] = {}
        for word, key, group in sorted(terms, key=lambda t: (-len(t[0]), t[0])):
            words = tuple(_WORD.findall(word))
            table, words = (self._exact, words) if word[:1].isupper() else (self._folded, tuple(w.lower() for w in words))
            table.setdefault(words, (key, group))
        self._longest = max((len(k) for k in [*self._exact, *self._folded]), default=0)
        self._first_exact = frozenset(k[0] for k in self._exact if k)  # most words start no phrase:
        self._first_folded = frozenset(k[0] for k in self._folded if k)  # they are passed at once
        # "before the war", "after the quake": a moment named by a noun after a determiner
        self.generic = re.compile(
            rf"\b({_ORDER})\s+(?:{alt(_REL['determiners'])})\s+"
            rf"(?P<what>[a-z]+(?:\s+[a-z]+)?)\b(?=\s*(?:[,.;:)]|{_WHAT_ENDS}$))",
            re.I,
        )
        self.relation = re.compile(rf"\b({_ORDER})\s+(?:{_REL_DETERMINERS})?(?:\w+\s+){{0,2}}$", re.I)

    def _match(self, tokens: list[re.Match[str]], i: int) -> tuple[int, str, str] | None:
        first = tokens[i].group(0)
        if first not in self._first_exact and first.lower() not in self._first_folded:
            return None
        # words of one phrase are separated by spaces or a hyphen only: the longest such run from i
        most, joined, text = min(self._longest, len(tokens) - i), 1, tokens[i].string
        while joined < most and not _GAP.search(text, tokens[i + joined - 1].end(), tokens[i + joined].start()):
            joined += 1
        for n in range(joined, 0, -1):
            run = tokens[i : i + n]
            words = tuple(t.group(0) for t in run)
            hit = self._exact.get(words) or self._folded.get(tuple(w.lower() for w in words))
            if hit:
                return n, hit[0], hit[1]
        return None

    def measure_word(self, phrase: str) -> str | None:
        """The measure a word or phrase names, if any ('inhabitants' -> 'population')."""
        return self._measure_words.get(" ".join(phrase.lower().split()))

    def is_people(self, phrase: str) -> bool:
        return " ".join(phrase.lower().split()) in self._people

    def terms(self, text: str, start: int, end: int) -> list[Term]:
        """Every vocabulary phrase in text[start:end], longest first, never overlapping: a lookup of
        each run of up to `_longest` words (one pass, however many words the rules have)."""
        out: list[Term] = []
        tokens = list(_WORD.finditer(text, start, end))
        i = 0
        while i < len(tokens):
            hit = self._match(tokens, i)
            if hit is None:
                i += 1
                continue
            n, key, group = hit
            s, e = tokens[i].start(), tokens[i + n - 1].end()
            if group == "event":
                rel = self.relation.search(text, max(start, s - 40), s)
                if rel:
                    word = rel.group(1).lower()
                    side = "before" if word in _REL["before"] else "after"
                    out.append(Term(rel.start(), e, f"{side} {key}", "time"))
            out.append(Term(s, e, key, group))  # the event itself still names what a nearby date is the date of
            i += n
        for m in self.generic.finditer(text, start, end):
            if any(t.start < m.end() and m.start() < t.end for t in out if t.group == "time"):
                continue  # "before the Russian invasion" is the event's, already read
            side = "before" if m.group(1).lower() in _REL["before"] else "after"
            what = " ".join(m.group("what").lower().split())
            if not re.search(r"\d", what):
                out.append(Term(m.start(), m.end(), f"{side} {what}", "time"))
        return out


@lru_cache(maxsize=8)
def vocabulary(book: RuleBook) -> Vocabulary:
    return Vocabulary(book)
