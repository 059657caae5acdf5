"""The rules' words — measures, entities, events, times — compiled into one pass over a sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .rulebook import RuleBook

DEFAULT_KINDS = ("count", "percent", "money")


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
        terms.sort(key=lambda t: (-len(t[0]), t[0]))
        self.lookup = {}
        parts = []
        for i, (word, key, group) in enumerate(terms):
            self.lookup[f"t{i}"] = (key, group)
            flags = "" if word[:1].isupper() else "(?i)"
            body = re.escape(word).replace(r"\ ", r"[\s-]+")
            parts.append(f"(?P<t{i}>{'(?i:' + body + ')' if flags else body})")
        self.rx = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?![\w])") if parts else None
        # "before the war", "after the quake": a moment named by a noun after a determiner
        self.generic = re.compile(
            r"\b(before|after|since|until|prior to|ahead of)\s+(?:the|its|their|this|last)\s+"
            r"(?P<what>[a-z]+(?:\s+[a-z]+)?)\b(?=\s*(?:[,.;:)]|of\b|in\b|on\b|at\b|and\b|but\b|$))", re.I)
        self.relation = re.compile(r"\b(before|after|since|until|prior to|ahead of)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}$", re.I)

    def measure_word(self, phrase: str) -> str | None:
        """The measure a word or phrase names, if any ('inhabitants' -> 'population')."""
        return self._measure_words.get(" ".join(phrase.lower().split()))

    def is_people(self, phrase: str) -> bool:
        return " ".join(phrase.lower().split()) in self._people

    def terms(self, text: str, start: int, end: int) -> list[Term]:
        if self.rx is None:
            return []
        out = []
        for m in self.rx.finditer(text, start, end):
            key, group = self.lookup[m.lastgroup or ""]
            if group == "event":
                rel = self.relation.search(text, max(start, m.start() - 40), m.start())
                if rel:
                    word = rel.group(1).lower()
                    group = "before" if word in ("before", "until", "prior to", "ahead of") else "after"
                    out.append(Term(rel.start(), m.end(), f"{group} {key}", "time"))
                    group = "event"  # the event itself still names what a nearby date is the date of
            out.append(Term(m.start(), m.end(), key, group))
        for m in self.generic.finditer(text, start, end):
            if any(t.start < m.end() and m.start() < t.end for t in out if t.group == "time"):
                continue  # "before the Russian invasion" is the event's, already read
            side = "before" if m.group(1).lower() in ("before", "until", "prior to", "ahead of") else "after"
            what = " ".join(m.group("what").lower().split())
            if not re.search(r"\d", what):
                out.append(Term(m.start(), m.end(), f"{side} {what}", "time"))
        return out


@lru_cache(maxsize=8)
def vocabulary(book: RuleBook) -> Vocabulary:
    return Vocabulary(book)
