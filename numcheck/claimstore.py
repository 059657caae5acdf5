"""Every claim of a run in columns, so that memory grows by about a hundred bytes a claim.

A Claim object costs some 600 bytes with its strings and numbers; an archive of 100,000 articles
has nearly three million claims. Here a claim is a row: offsets in one array of 32-bit integers,
numbers in one array of doubles, its texts as indexes into one table of strings (a sentence is
stored once for the claims in it, a short text such as a measure once for the run), and its id
and surface are made again from its path, line, column and sentence. A Claim object is made only
when one is asked for, and dropped when the caller is done with it.

`Builder` takes each article's claims as they are extracted, in any order; `Builder.seal` puts
them in the report's order as a `ClaimStore`, a read-only sequence of Claims. A claim the columns
would not give back exactly (a surface that is not a slice of its sentence, an offset beyond 32
bits, a number of another type) is kept whole.
"""
from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from itertools import compress

from typing import TYPE_CHECKING

from .model import Claim

if TYPE_CHECKING:
    from .cache import Entry

#: The fields of a stored row (cache.Entry.rows), in this order.
ROW = ("line", "column", "start", "end", "sentence_start", "surface", "sentence", "kind", "unit", "approx",
       "measure", "entity", "time", "scope", "note", "value", "low", "high", "rate")
_STRS = ("sentence", "kind", "unit", "approx", "measure", "entity", "time", "scope", "note")
_NS = len(_STRS)
_MEASURE = _STRS.index("measure")
_SHORT = 64  # texts up to this long are stored once for the whole run; longer ones once an article
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
# a row's flags: which numbers are None, which bounds are dates
_V_NONE, _LO_NONE, _LO_DATE, _HI_NONE, _HI_DATE, _RATE_NONE = 1, 2, 4, 8, 16, 32
_FLOAT_OR_NONE = (float, type(None))


class _Columns:
    """The arrays a Builder fills and a ClaimStore reads."""

    __slots__ = ("ints", "nums", "strs", "flags", "block", "strings", "articles", "odd")

    def __init__(self) -> None:
        self.ints = array("i")  # line, column, start, end, sentence_start
        self.nums = array("d")  # value, low, high, rate (dates as ordinals)
        self.strs = array("I")  # indexes into strings, in _STRS order
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
        i, n, k, f = 5 * r, 4 * r, _NS * r, self.flags[r]
        line, column, start, end, at = ints[i], ints[i + 1], ints[i + 2], ints[i + 3], ints[i + 4]
        lo, hi = nums[n + 1], nums[n + 2]
        sentence = strings[s[k]]
        return Claim(f"{path}:{line}:{column}", path, story, line, column, start, end,
                     sentence[start - at:end - at], sentence, strings[s[k + 1]],  # type: ignore[index, arg-type]
                     None if f & _V_NONE else nums[n],
                     None if f & _LO_NONE else dt.date.fromordinal(int(lo)) if f & _LO_DATE else lo,
                     None if f & _HI_NONE else dt.date.fromordinal(int(hi)) if f & _HI_DATE else hi,
                     strings[s[k + 2]], strings[s[k + 3]], strings[s[k + 4]], strings[s[k + 5]],  # type: ignore[arg-type]
                     strings[s[k + 6]], strings[s[k + 7]], date, strings[s[k + 8]], at,
                     None if f & _RATE_NONE else nums[n + 3])


class Builder:
    """Each article's claims as they come, by path (a mapping, so both engines record the same way)."""

    def __init__(self) -> None:
        self._c = _Columns()
        self._short: dict[str | None, int] = {None: 0}
        self._blocks: dict[str, tuple[int, int]] = {}  # path -> (first row, rows)

    def __setitem__(self, path: str, claims: list[Claim] | Entry) -> None:
        c = self._c
        first = len(c.flags)
        if not isinstance(claims, list):
            self._blocks[path] = (first, self._add_entry(claims))
        elif claims:
            head = claims[0]
            c.articles.append((head.path, head.story, head.article_date))
            local: dict[str, int] = {}
            for claim in claims:
                self._put(claim, len(c.articles) - 1, local)
            self._blocks[path] = (first, len(claims))
        else:
            self._blocks[path] = (first, 0)

    def _add_entry(self, entry: Entry) -> int:
        """A cache entry's rows, taken as stored (no Claim is made but for a row kept whole); how many."""
        c, a = self._c, entry.article
        c.articles.append((a.path, a.story, a.date))
        block, strings, whole = len(c.articles) - 1, entry.strings, None
        local: dict[str, int] = {}
        texts = all(type(t) is str or t is None for t in strings)  # else a row is checked, and kept whole
        remap = [self._text(t, local) if type(t) is str or t is None else 0 for t in strings]
        ints, nums, strs, flags_out, blocks = c.ints, c.nums, c.strs, c.flags, c.block
        n = 0
        for j, (line, column, start, end, at, surface, sentence, kind, unit, approx, measure, entity, time, scope,
                note, value, low, high, rate) in enumerate(entry.rows()):
            n += 1
            flags, numbers = _flags(value, low, high, rate)
            text = strings[sentence]
            if (numbers is not None and type(line) is type(column) is type(start) is type(end) is type(at) is int
                    and _INT_MIN <= min(line, column, start, end, at) and max(line, column, start, end, at) <= _INT_MAX
                    and type(text) is str and text[start - at:end - at] == strings[surface]
                    and (texts or all(type(strings[i]) is str or strings[i] is None
                                      for i in (kind, unit, approx, measure, entity, time, scope, note)))):
                ints.extend((line, column, start, end, at))
                nums.extend(numbers)
                strs.extend((remap[sentence], remap[kind], remap[unit], remap[approx], remap[measure],
                             remap[entity], remap[time], remap[scope], remap[note]))
            else:
                whole = entry.claims() if whole is None else whole
                c.odd[len(flags_out)] = whole[j]
                ints.extend((0, 0, 0, 0, 0))
                nums.extend((0.0, 0.0, 0.0, 0.0))
                strs.extend([0] * _NS)
            flags_out.append(flags)
            blocks.append(block)
        return n

    def __contains__(self, path: object) -> bool:
        return path in self._blocks

    def pop(self, path: str, default: object = None) -> object:
        """Forget an article's claims (its rows stay, unused, until seal)."""
        return self._blocks.pop(path, default)

    def values(self) -> Iterator[list[Claim]]:
        """Each article's claims, in the order they were recorded."""
        for first, count in self._blocks.values():
            yield [self._c.claim(r) for r in range(first, first + count)]

    def _text(self, text: str | None, local: dict[str, int]) -> int:
        if text is None:
            return 0
        table = self._short if len(text) <= _SHORT else local
        index = table.get(text)
        if index is None:
            index = table[text] = len(self._c.strings)
            self._c.strings.append(text)
        return index

    def _put(self, claim: Claim, block: int, local: dict[str, int]) -> None:
        c = self._c
        row = len(c.flags)
        line, column, start, end, at = claim.line, claim.column, claim.start, claim.end, claim.sentence_start
        flags, nums = _numbers(claim)
        sentence = claim.sentence
        texts = (sentence, claim.kind, claim.unit, claim.approx, claim.measure, claim.entity, claim.time,
                 claim.scope, claim.note)
        if (nums is not None and type(line) is type(column) is type(start) is type(end) is type(at) is int
                and _INT_MIN <= min(line, column, start, end, at) and max(line, column, start, end, at) <= _INT_MAX
                and (claim.path, claim.story, claim.article_date) == c.articles[block]
                and claim.id == f"{claim.path}:{line}:{column}" and type(sentence) is str
                and sentence[start - at:end - at] == claim.surface
                and all(type(t) is str or t is None for t in texts)):
            c.ints.extend((line, column, start, end, at))
            c.nums.extend(nums)
            c.strs.extend([self._text(t, local) for t in texts])
        else:
            c.odd[row] = claim
            c.ints.extend((0, 0, 0, 0, 0))
            c.nums.extend((0.0, 0.0, 0.0, 0.0))
            c.strs.extend([0] * _NS)
        c.flags.append(flags)
        c.block.append(block)

    def seal(self, paths: Iterable[str]) -> ClaimStore:
        """The claims of these articles, in this order, as a read-only sequence."""
        order = [(p, self._blocks[p]) for p in dict.fromkeys(paths) if p in self._blocks]
        rows, contiguous = 0, True
        for _, (first, n) in order:
            contiguous = contiguous and (first == rows or n == 0)
            rows += n
        if not contiguous or rows != len(self._c.flags):  # put the rows in order, dropping forgotten ones
            self._c, self._blocks = _reordered(self._c, order)
        return ClaimStore(self._c, {p: self._blocks[p] for p, _ in order})


def _reordered(c: _Columns, order: list[tuple[str, tuple[int, int]]]) -> tuple[_Columns, dict[str, tuple[int, int]]]:
    """The columns with the rows of these articles only, in this order."""
    out = _Columns()
    out.strings, out.articles = c.strings, c.articles
    blocks = {}
    for path, (first, n) in order:
        base = len(out.flags)
        blocks[path] = (base, n)
        out.ints.extend(c.ints[5 * first:5 * (first + n)])
        out.nums.extend(c.nums[4 * first:4 * (first + n)])
        out.strs.extend(c.strs[_NS * first:_NS * (first + n)])
        out.flags.extend(c.flags[first:first + n])
        out.block.extend(c.block[first:first + n])
        out.odd.update((base + r - first, w) for r, w in c.odd.items() if first <= r < first + n)
    return out, blocks


def _numbers(claim: Claim) -> tuple[int, tuple[float, float, float, float] | None]:
    """A row's flags and numbers, or (0, None) when a number is of a type the row cannot hold."""
    return _flags(claim.value, claim.low, claim.high, claim.rate)


def _flags(value: object, low: object, high: object, rate: object) -> tuple[int, tuple[float, float, float, float] | None]:
    flags, out = 0, []
    for v, none, date in ((value, _V_NONE, 0), (low, _LO_NONE, _LO_DATE), (high, _HI_NONE, _HI_DATE), (rate, _RATE_NONE, 0)):
        if v is None:
            flags |= none
            out.append(0.0)
        elif type(v) is float:
            out.append(v)  # type: ignore[arg-type]
        elif date and type(v) is dt.date:
            flags |= date
            out.append(float(v.toordinal()))  # type: ignore[attr-defined]
        else:
            return 0, None
    return flags, (out[0], out[1], out[2], out[3])


class ClaimStore(Sequence[Claim]):
    """The run's claims in the report's order; each article's rows are together."""

    __slots__ = ("_c", "_spans", "_by_id")

    def __init__(self, columns: _Columns, spans: dict[str, tuple[int, int]]) -> None:
        self._c = columns
        self._spans = spans  # path -> (first row, rows)
        self._by_id: _ById | None = None

    def __len__(self) -> int:
        return len(self._c.flags)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
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

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<ClaimStore of {len(self)} claims>"

    def row(self, claim_id: str) -> int | None:
        """The row of the claim with this id ("path:line:column"), or None (the last, as a dict would)."""
        head, _, column = claim_id.rpartition(":")
        path, _, line = head.rpartition(":")
        span = self._spans.get(path)
        if span is None or not (f"{line}{column}".isascii() and line.isdigit() and column.isdigit()):
            return None
        ln, col, ints, odd = int(line), int(column), self._c.ints, self._c.odd
        for r in range(span[0] + span[1] - 1, span[0] - 1, -1):
            if r in odd:
                if odd[r].id == claim_id:
                    return r
            elif ints[5 * r] == ln and ints[5 * r + 1] == col and f"{ln}:{col}" == f"{line}:{column}":
                return r
        return None

    def place(self, claim_id: str) -> tuple[str, int] | None:
        """(path, start) of the claim with this id, without making the claim; None if there is none."""
        r = self.row(claim_id)
        if r is None:
            return None
        if r in self._c.odd:
            return self._c.odd[r].path, self._c.odd[r].start
        return self._c.articles[self._c.block[r]][0], self._c.ints[5 * r + 2]

    def by_id(self) -> Mapping[str, Claim]:
        """The claims by id; a claim looked up is kept, so a finding's claims are made once."""
        if self._by_id is None:
            self._by_id = _ById(self)
        return self._by_id

    def marked(self, marks: bytearray) -> Set[str]:
        """The ids of the rows marked 1, as a set."""
        return _Marked(self, marks)

    def unattributed(self) -> int:
        """How many claims have no measure."""
        s = self._c.strs
        return sum(1 for r in range(len(self)) if (self._c.odd[r].measure is None if r in self._c.odd
                                                      else s[_NS * r + _MEASURE] == 0))


class _ById(Mapping[str, Claim]):
    """A store's claims by id, looked up when asked for rather than held in a dict."""

    __slots__ = ("_store", "_seen")

    def __init__(self, store: ClaimStore) -> None:
        self._store = store
        self._seen: dict[str, Claim | None] = {}  # the claims looked up: cited ones, few beside the store

    def get(self, claim_id: str, default: Claim | None = None) -> Claim | None:  # type: ignore[override]
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


class _Marked(Set[str]):
    """Ids of a store's marked rows."""

    __slots__ = ("_store", "_marks", "_count")

    def __init__(self, store: ClaimStore, marks: bytearray) -> None:
        self._store, self._marks, self._count = store, marks, marks.count(1)

    def __contains__(self, claim_id: object) -> bool:
        r = self._store.row(claim_id) if isinstance(claim_id, str) else None
        return r is not None and self._marks[r] == 1

    def __iter__(self) -> Iterator[str]:
        return (c.id for c in compress(self._store, self._marks))

    def __len__(self) -> int:
        return self._count


def by_id(claims: Sequence[Claim]) -> Mapping[str, Claim]:
    """Claims by id: a store's lookup, or a dict of any other sequence."""
    return claims.by_id() if isinstance(claims, ClaimStore) else {c.id: c for c in claims}


def places(claims: Sequence[Claim], ids: Iterable[str]) -> dict[str, tuple[str, int]]:
    """(path, start) of each of these claims there is, by id: where a finding is shown first."""
    if isinstance(claims, ClaimStore):
        found = ((i, claims.place(i)) for i in dict.fromkeys(ids))
        return {i: p for i, p in found if p is not None}
    wanted = set(ids)
    return {c.id: (c.path, c.start) for c in claims if c.id in wanted}


def marked(claims: Sequence[Claim], marks: bytearray) -> Set[str]:
    """The ids of the claims marked 1 in `marks` (one byte a claim)."""
    if isinstance(claims, ClaimStore):
        return claims.marked(marks)
    return frozenset(c.id for c, m in zip(claims, marks) if m)


def unattributed(claims: Sequence[Claim]) -> int:
    """How many claims have no measure."""
    if isinstance(claims, ClaimStore):
        return claims.unattributed()
    return sum(1 for c in claims if c.measure is None)
