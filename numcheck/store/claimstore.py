"""Every claim of a run in columns, so that memory grows by about eighty bytes a claim.

A Claim object costs some 600 bytes with its strings and numbers; an archive of 100,000 articles
has nearly three million claims. Here a claim is a row: offsets in one array of 32-bit integers,
numbers in one array of doubles, its texts as indexes into one table of strings (a sentence is
each text once for the run: a sentence once for the claims in it and the copies of it, a measure
once for all; a claim's frame as one index into a table of frames, and what grouping reads of it —
its kind, unit, measure, time... — as one into a table of labels), and its id
and surface are made again from its path, line, column and sentence. A Claim object is made only
when one is asked for, and dropped when the caller is done with it.

claimbuild.Builder fills the columns as articles are extracted and seals them, in the report's
order, as a `ClaimStore`: a read-only sequence of Claims. A claim the columns would not give
back exactly (a surface that is not a slice of its sentence, an offset beyond 32 bits, a number
of another type) is kept whole.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from itertools import compress

from numcheck.model import TYPE_CHECKING, Claim, ClaimTable

if TYPE_CHECKING:  # typing only for the checker: a run that finds its memo never imports it
    from typing import Any, TypeVar, overload

    T = TypeVar("T")

# A claim as a row: the one codec of a claim, used by the claim store, the cache and the memo.
#: Offsets, 32-bit integers.
INTS = ("line", "column", "start", "end", "sentence_start")
#: Numbers, doubles (dates as ordinals, None by a flag).
NUMS = ("value", "low", "high", "rate")
#: Texts, as indexes into the run's table of strings.
TEXTS = (
    "sentence",
    "kind",
    "unit",
    "approx",
    "measure",
    "extent",
    "entity",
    "time",
    "scope",
    "note",
    "thing",
    "event",
    "role",
    "whole",
    "owner",
    "place",
    "period",
    "source",
    "names",
    "ties",
)
#: What a row does not hold: made again from its article (id, path, story, date) and its sentence (surface).
DERIVED = ("id", "path", "story", "article_date", "surface")
#: The fields of a stored row (cache.Entry.rows), in this order.
ROW = INTS + ("surface",) + TEXTS + NUMS

#: A claim's frame (what its figure counts, whose, where, when, said by whom): a row holds one index
#: into the run's table of frames, each frame's texts once, instead of eight of its own.
FRAME = ("thing", "event", "role", "whole", "owner", "place", "period", "source")
#: What a claim's figure is, as grouping reads it: few distinct tuples in a run, so a row holds one index
#: into the run's table of labels, as it does for its frame, instead of nine of its own.
LABELS = ("kind", "unit", "approx", "measure", "extent", "entity", "time", "scope", "note")
#: The texts a row holds itself, then its labels' index and its frame's (Columns.strs).
_STRS = tuple(t for t in TEXTS if t not in FRAME and t not in LABELS)
NS = len(_STRS) + 2
NF = len(FRAME)
NL = len(LABELS)
_LABELLED, _FRAMED = NS - 2, NS - 1  # a row's labels' and frame's indexes, in its strs
_MEASURE = LABELS.index("measure")
#: Where each text a row holds is: in its own strs (False), or in its labels (True), at this place.
_PLACE = {**{t: (False, i) for i, t in enumerate(_STRS)}, **{t: (True, i) for i, t in enumerate(LABELS)}}
_FIELDS = tuple(f for f in Claim.__dataclass_fields__)
assert set(_FIELDS) == set(INTS + NUMS + TEXTS + DERIVED), "every Claim field has one place in a row"
_SORTED = object()  # an article whose rows ClaimStore.row searches by bisection
#: A row's flags: which numbers are None, which bounds are dates.
V_NONE, LO_NONE, LO_DATE, HI_NONE, HI_DATE, RATE_NONE = 1, 2, 4, 8, 16, 32


class Columns:
    """The arrays a Builder fills and a ClaimStore reads."""

    __slots__ = ("ints", "nums", "strs", "frames", "labels", "flags", "block", "strings", "articles", "odd")

    def __init__(self) -> None:
        self.ints = array("i")  # line, column, start, end, sentence_start
        self.nums = array("d")  # value, low, high, rate (dates as ordinals)
        self.strs = array("I")  # indexes into strings, in _STRS order, then into labels and into frames
        self.frames = array("I", bytes(4 * NF))  # NF indexes into strings a frame; frame 0 has none
        self.labels = array("I", bytes(4 * NL))  # NL indexes into strings a row's labels; labels 0 have none
        self.flags = bytearray()
        self.block = array("I")  # index into articles
        self.strings: list[str | None] = [None]
        self.articles: list[tuple[str, str, dt.date | None]] = []  # path, story, article date
        self.odd: dict[int, Claim] = {}  # rows kept whole

    def claim(self, r: int) -> Claim:
        """Row r as a Claim."""
        if self.odd:
            whole = self.odd.get(r)
            if whole is not None:
                return whole
        path, story, date = self.articles[self.block[r]]
        ints, nums, s, strings = self.ints, self.nums, self.strs, self.strings
        i, n, k, f = 5 * r, 4 * r, NS * r, self.flags[r]
        line, column, start, end, at = ints[i], ints[i + 1], ints[i + 2], ints[i + 3], ints[i + 4]
        lo, hi = nums[n + 1], nums[n + 2]
        texts = [strings[x] for x in s[k : k + NS - 2]]
        sentence = texts[0]
        if sentence is None:
            raise TypeError(f"row {r} has no sentence")  # never: a Builder keeps every claim's sentence
        values: dict[str, Any] = {
            "id": f"{path}:{line}:{column}",
            "path": path,
            "story": story,
            "article_date": date,
            "surface": sentence[start - at : end - at],
            "line": line,
            "column": column,
            "start": start,
            "end": end,
            "sentence_start": at,
            "value": None if f & V_NONE else nums[n],
            "low": None if f & LO_NONE else dt.date.fromordinal(int(lo)) if f & LO_DATE else lo,
            "high": None if f & HI_NONE else dt.date.fromordinal(int(hi)) if f & HI_DATE else hi,
            "rate": None if f & RATE_NONE else nums[n + 3],
        }
        values.update(zip(_STRS, texts))
        at_labels, at_frame = NL * s[k + _LABELLED], NF * s[k + _FRAMED]
        values.update(zip(LABELS, [strings[x] for x in self.labels[at_labels : at_labels + NL]]))
        values.update(zip(FRAME, [strings[x] for x in self.frames[at_frame : at_frame + NF]]))
        return Claim(*[values[name] for name in _FIELDS])


class ClaimStore(ClaimTable):
    """The run's claims in the report's order; each article's rows are together."""

    __slots__ = ("_c", "_spans", "_by_id", "_index")

    def __init__(self, columns: Columns, spans: dict[str, tuple[int, int]]) -> None:
        self._c = columns
        self._spans = spans  # path -> (first row, rows)
        self._by_id: _ById | None = None
        self._index: dict[str, object] = {}  # path -> _SORTED, or {id: row} (row)

    @property
    def columns(self) -> Columns:
        return self._c

    @property
    def spans(self) -> dict[str, tuple[int, int]]:
        """Each article's rows: path -> (first row, rows)."""
        return self._spans

    def __len__(self) -> int:
        return len(self._c.flags)

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, i: int) -> Claim: ...

        @overload
        def __getitem__(self, i: slice) -> tuple[Claim, ...]: ...

    def __getitem__(self, i: int | slice) -> Claim | tuple[Claim, ...]:
        if isinstance(i, slice):
            return tuple(self._c.claim(r) for r in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("claim index out of range")
        return self._c.claim(i)

    def __iter__(self) -> Iterator[Claim]:
        claim = self._c.claim
        return (claim(r) for r in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    # no __hash__: defining __eq__ leaves it None, and a store (a sequence) is not hashable

    def __repr__(self) -> str:
        return f"<ClaimStore of {len(self)} claims>"

    def row(self, claim_id: str) -> int | None:
        """The row of the claim with this id ("path:line:column"), or None (the last, as a dict would).

        In O(log n) of the article's claims: each article's rows are looked at once, the first time
        one of its claims is asked for, and searched by bisection when they are in (line, column)
        order (as extraction gives them), else through a table of that article's ids."""
        head, _, column = claim_id.rpartition(":")
        path, _, line = head.rpartition(":")
        span = self._spans.get(path)
        if span is None:
            return None
        index = self._index.get(path)
        if index is None:
            index = self._index[path] = self._index_span(*span)
        if isinstance(index, dict):
            return index.get(claim_id)
        if not (f"{line}{column}".isascii() and line.isdigit() and column.isdigit()):
            return None
        ln, col, ints = int(line), int(column), self._c.ints
        if f"{ln}:{col}" != f"{line}:{column}":  # '007': not how an id writes a line
            return None
        first, n = span
        at = bisect_right(range(first, first + n), (ln, col), key=lambda r: (ints[5 * r], ints[5 * r + 1]))
        r = first + at - 1
        return r if at and ints[5 * r] == ln and ints[5 * r + 1] == col else None

    def _index_span(self, first: int, n: int) -> object | dict[str, int]:
        """_SORTED when an article's rows are whole and in (line, column) order, else its ids' rows."""
        ints, odd = self._c.ints, self._c.odd
        rows = range(first, first + n)
        if not any(r in odd for r in rows) if odd else True:
            keys = [(ints[5 * r], ints[5 * r + 1]) for r in rows]
            if all(a <= b for a, b in zip(keys, keys[1:])):
                return _SORTED
        return {self.id_of(r): r for r in rows}  # the last row of an id wins, as before

    def id_of(self, r: int) -> str:
        """The id of row r, without making the claim."""
        c = self._c
        if r in c.odd:
            return c.odd[r].id
        return f"{c.articles[c.block[r]][0]}:{c.ints[5 * r]}:{c.ints[5 * r + 1]}"

    def story_of(self, r: int) -> str:
        """The story of row r, without making the claim."""
        c = self._c
        if r in c.odd:
            return c.odd[r].story
        return c.articles[c.block[r]][1]

    def stories(self) -> Iterator[tuple[str, list[int]]]:
        """Each story's rows, a story at a time in the order of their names: a check that works a story
        at a time holds one story's rows and claims, never the run's."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for first, n in self._spans.values():
            if n:
                spans.setdefault(self.story_of(first), []).append((first, n))
        for story in sorted(spans):
            yield story, [r for first, n in spans[story] for r in range(first, first + n)]

    def fields_of(self, r: int, names: Sequence[str]) -> tuple[float | None, tuple[str | None, ...]]:
        """Row r's value and some of the texts it holds itself or in its labels (not its frame's:
        `_STRS`, `LABELS`), without making the claim: for a pass over every row that reads a few fields."""
        c = self._c
        if r in c.odd:
            whole = c.odd[r]
            return whole.value, tuple(getattr(whole, name) for name in names)
        k = NS * r
        value = None if c.flags[r] & V_NONE else c.nums[4 * r]
        at_labels = NL * c.strs[k + _LABELLED]
        places = [_PLACE[name] for name in names]
        return value, tuple(c.strings[c.labels[at_labels + i] if labelled else c.strs[k + i]] for labelled, i in places)

    def place(self, claim_id: str) -> tuple[str, int] | None:
        """(path, start) of the claim with this id, without making the claim; None if there is none."""
        r = self.row(claim_id)
        return None if r is None else self.place_of_row(r)

    def place_of_row(self, r: int) -> tuple[str, int]:
        """(path, start) of row r."""
        if r in self._c.odd:
            return self._c.odd[r].path, self._c.odd[r].start
        return self._c.articles[self._c.block[r]][0], self._c.ints[5 * r + 2]

    def by_id(self) -> Mapping[str, Claim]:
        """The claims by id; a claim looked up is kept, so a finding's claims are made once."""
        if self._by_id is None:
            self._by_id = _ById(self)
        return self._by_id

    def marked(self, marks: bytearray) -> Set[str]:
        """The ids of the rows marked 1 (one byte a row), as a set: a report's `matched`."""
        return Marked(self, marks)

    def rows_of(self, ids: Sequence[str]) -> array | None:
        """The rows of these ids, in order, or None when one is not exactly a row's id: any
        sequence of ids a finding cites (this store's ClaimIds are rows already)."""
        if isinstance(ids, ClaimIds) and ids.store is self:
            return ids.rows[ids.start : ids.stop]
        rows = array("I")
        for claim_id in ids:
            r = self.row(claim_id) if type(claim_id) is str else None
            if r is None or self.id_of(r) != claim_id:
                return None
            rows.append(r)
        return rows

    def places_of(self, ids: Sequence[str]) -> Iterator[tuple[str, int]]:
        """(path, start) of each of these claims there is: where a finding is shown first."""
        if isinstance(ids, ClaimIds) and ids.store is self:  # rows of the store: no id to look up
            return map(self.place_of_row, ids.rows[ids.start : ids.stop])
        return (p for p in map(self.place, ids) if p is not None)

    def cite(self, rows: array, sizes: Iterable[int] = ()) -> tuple[ClaimIds, tuple[ClaimIds, ...]]:
        """What a finding cites: these rows' ids (four bytes a claim), and its clusters' ids, the
        rows `sizes` at a time."""
        detail, at = [], 0
        for n in sizes:
            detail.append(ClaimIds(self, rows, at, at + n))
            at += n
        return ClaimIds(self, rows), tuple(detail)

    def marks_of(self, ids: Set[str]) -> bytearray:
        """One byte a row, 1 where the row's id is in `ids` (what store.marked gives back)."""
        if isinstance(ids, Marked) and ids.store is self:
            return ids.marks
        return bytearray(self.id_of(r) in ids for r in range(len(self))) if ids else bytearray(len(self))

    def unattributed(self) -> int:
        """How many claims have no measure."""
        s, labels = self._c.strs, self._c.labels
        return sum(
            1
            for r in range(len(self))
            if (self._c.odd[r].measure is None if r in self._c.odd else labels[NL * s[NS * r + _LABELLED] + _MEASURE] == 0)
        )


class ClaimIds(Sequence[str]):
    """The ids of some of a store's rows, as a tuple of ids behaves: what a finding cites. A
    finding of a million-claim group holds four bytes a claim, not its id's hundred."""

    __slots__ = ("store", "rows", "_lo", "_hi")

    def __init__(self, store: ClaimStore, rows: array, lo: int = 0, hi: int | None = None) -> None:
        self.store, self.rows, self._lo, self._hi = store, rows, lo, len(rows) if hi is None else hi

    @property
    def start(self) -> int:
        return self._lo

    @property
    def stop(self) -> int:
        return self._hi

    def __len__(self) -> int:
        return self._hi - self._lo

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, i: int) -> str: ...

        @overload
        def __getitem__(self, i: slice) -> tuple[str, ...]: ...

    def __getitem__(self, i: int | slice) -> str | tuple[str, ...]:
        if isinstance(i, slice):
            return tuple(self)[i]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("claim id index out of range")
        return self.store.id_of(self.rows[self._lo + i])

    def __iter__(self) -> Iterator[str]:
        id_of, rows = self.store.id_of, self.rows
        return (id_of(rows[i]) for i in range(self._lo, self._hi))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, ClaimIds)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


class _ById(Mapping[str, Claim]):
    """A store's claims by id, looked up when asked for rather than held in a dict."""

    __slots__ = ("_store", "_seen")

    def __init__(self, store: ClaimStore) -> None:
        self._store = store
        self._seen: dict[str, Claim | None] = {}  # the claims looked up: cited ones, few beside the store

    if TYPE_CHECKING:

        @overload
        def get(self, claim_id: str, /) -> Claim | None: ...

        @overload
        def get(self, claim_id: str, default: Claim | T, /) -> Claim | T: ...

    def get(self, claim_id: str, default: object = None) -> object:
        if claim_id in self._seen:
            found = self._seen[claim_id]
        else:
            r = self._store.row(claim_id) if isinstance(claim_id, str) else None
            found = self._seen[claim_id] = None if r is None else self._store[r]
        return default if found is None else found

    def __getitem__(self, claim_id: str) -> Claim:
        found = self.get(claim_id)
        if found is None:
            raise KeyError(claim_id)
        return found

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, str) and self.get(claim_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (c.id for c in self._store)

    def __len__(self) -> int:
        return len(self._store)


class Marked(Set[str]):
    """Ids of a store's marked rows."""

    __slots__ = ("store", "marks", "_count")

    def __init__(self, store: ClaimStore, marks: bytearray) -> None:
        self.store, self.marks, self._count = store, marks, marks.count(1)

    def __contains__(self, claim_id: object) -> bool:
        r = self.store.row(claim_id) if isinstance(claim_id, str) else None
        return r is not None and self.marks[r] == 1

    def __iter__(self) -> Iterator[str]:
        return (c.id for c in compress(self.store, self.marks))

    def __len__(self) -> int:
        return self._count
