"""Filling the claim store: each article's claims as they are extracted, in any order.

Both engines record an article's claims by path (a list of Claims, or a cache entry taken as
stored); `Builder.seal` gives them in the report's order as a claimstore.ClaimStore.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from numcheck.store.claimstore import (
    FRAME,
    HI_DATE,
    HI_NONE,
    LABELS,
    LO_DATE,
    LO_NONE,
    NF,
    NL,
    NS,
    RATE_NONE,
    TEXTS,
    V_NONE,
    ClaimStore,
    Columns,
)
from numcheck.model import Claim

if TYPE_CHECKING:
    from numcheck.store.cache import Entry

_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_OWN = tuple(i for i, t in enumerate(TEXTS) if t not in FRAME and t not in LABELS)  # a row's own texts (claimstore._STRS)
_LABELS = tuple(TEXTS.index(t) for t in LABELS)
_FRAME = tuple(TEXTS.index(t) for t in FRAME)


class Builder:
    """Each article's claims as they come, by path (a mapping, so both engines record the same way)."""

    def __init__(self) -> None:
        self._c = Columns()
        self._texts: dict[str | None, int] = {None: 0}  # each text once for the run: the same wire copy runs in many papers
        self._blocks: dict[str, tuple[int, int]] = {}  # path -> (first row, rows)
        self._frames: dict[tuple[int, ...], int] = {(0,) * NF: 0}  # a frame's texts -> its index
        self._labels: dict[tuple[int, ...], int] = {(0,) * NL: 0}  # a row's labels -> their index

    def __setitem__(self, path: str, claims: list[Claim] | Entry) -> None:
        c = self._c
        first = len(c.flags)
        if not isinstance(claims, list):
            self._blocks[path] = (first, self._add_entry(claims))
        elif claims:
            head = claims[0]
            c.articles.append((head.path, head.story, head.article_date))
            for claim in claims:
                self._put(claim, len(c.articles) - 1)
            self._blocks[path] = (first, len(claims))
        else:
            self._blocks[path] = (first, 0)

    def _add_entry(self, entry: Entry) -> int:
        """A cache entry's rows, taken as stored (no Claim is made but for a row kept whole); how many."""
        c, a = self._c, entry.article
        c.articles.append((a.path, a.story, a.date))
        block, strings, whole = len(c.articles) - 1, entry.strings, None
        texts = all(type(t) is str or t is None for t in strings)  # else a row is checked, and kept whole
        remap = [self._text(t) if type(t) is str or t is None else 0 for t in strings]
        ints, nums, strs, flags_out, blocks = c.ints, c.nums, c.strs, c.flags, c.block
        n = 0
        for j, row in enumerate(entry.rows()):
            n += 1
            line, column, start, end, at = row[:5]
            surface, texts_of = row[5], row[6 : 6 + len(TEXTS)]
            flags, numbers = _flags(*row[6 + len(TEXTS) :])
            text = strings[texts_of[0]]
            if (
                numbers is not None
                and type(line) is type(column) is type(start) is type(end) is type(at) is int
                and _INT_MIN <= min(line, column, start, end, at)
                and max(line, column, start, end, at) <= _INT_MAX
                and type(text) is str
                and text[start - at : end - at] == strings[surface]
                and (texts or all(type(strings[i]) is str or strings[i] is None for i in texts_of[1:]))
            ):
                ints.extend((line, column, start, end, at))
                nums.extend(numbers)
                strs.extend(self._row([remap[i] for i in texts_of]))
            else:
                whole = entry.claims() if whole is None else whole
                c.odd[len(flags_out)] = whole[j]
                ints.extend((0, 0, 0, 0, 0))
                nums.extend((0.0, 0.0, 0.0, 0.0))
                strs.extend([0] * NS)
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

    def _text(self, text: str | None) -> int:
        index = self._texts.get(text)
        if index is None:
            index = self._texts[text] = len(self._c.strings)
            self._c.strings.append(text)
        return index

    def _row(self, texts: list[int]) -> list[int]:
        """A row's strs from the indexes of its texts in TEXTS order: its own, then its labels' index and its frame's."""
        labelled = _interned(self._labels, self._c.labels, tuple([texts[i] for i in _LABELS]), NL)
        index = _interned(self._frames, self._c.frames, tuple([texts[i] for i in _FRAME]), NF)
        return [texts[i] for i in _OWN] + [labelled, index]

    def _put(self, claim: Claim, block: int) -> None:
        c = self._c
        row = len(c.flags)
        line, column, start, end, at = claim.line, claim.column, claim.start, claim.end, claim.sentence_start
        flags, nums = _numbers(claim)
        sentence = claim.sentence
        texts = tuple(getattr(claim, name) for name in TEXTS)
        if (
            nums is not None
            and type(line) is type(column) is type(start) is type(end) is type(at) is int
            and _INT_MIN <= min(line, column, start, end, at)
            and max(line, column, start, end, at) <= _INT_MAX
            and (claim.path, claim.story, claim.article_date) == c.articles[block]
            and claim.id == f"{claim.path}:{line}:{column}"
            and type(sentence) is str
            and sentence[start - at : end - at] == claim.surface
            and all(type(t) is str or t is None for t in texts)
        ):
            c.ints.extend((line, column, start, end, at))
            c.nums.extend(nums)
            c.strs.extend(self._row([self._text(t) for t in texts]))
        else:
            c.odd[row] = claim
            c.ints.extend((0, 0, 0, 0, 0))
            c.nums.extend((0.0, 0.0, 0.0, 0.0))
            c.strs.extend([0] * NS)
        c.flags.append(flags)
        c.block.append(block)

    def seal(self, paths: Iterable[str]) -> ClaimStore:
        """The claims of these articles, in this order, as a read-only sequence. The lookups that
        keep each text, label and frame once are let go (a run holds its store, not them); rows
        recorded after are still right, their texts kept again."""
        order = [(p, self._blocks[p]) for p in dict.fromkeys(paths) if p in self._blocks]
        rows, contiguous = 0, True
        for _, (first, n) in order:
            contiguous = contiguous and (first == rows or n == 0)
            rows += n
        if not contiguous or rows != len(self._c.flags):  # put the rows in order, dropping forgotten ones
            self._c, self._blocks = _reordered(self._c, order)
        self._texts, self._frames, self._labels = {None: 0}, {(0,) * NF: 0}, {(0,) * NL: 0}  # lookups a store never needs
        return ClaimStore(self._c, {p: self._blocks[p] for p, _ in order})


def of(claims: Iterable[Claim]) -> ClaimStore:
    """These claims as a store, in this order: how a report holds any list of claims (a test's,
    or a check's). Each article's claims must be together, as extraction gives them; a store is
    its own."""
    if isinstance(claims, ClaimStore):
        return claims
    builder, paths = Builder(), []
    run: list[Claim] = []
    for claim in claims:
        if run and claim.path != run[0].path:
            paths.append(_add(builder, run))
            run = []
        run.append(claim)
    if run:
        paths.append(_add(builder, run))
    return builder.seal(paths)


def _add(builder: Builder, claims: list[Claim]) -> str:
    path = claims[0].path
    if path in builder:
        raise ValueError(f"the claims of {path} are not together")
    builder[path] = claims
    return path


def _interned(lookup: dict[tuple[int, ...], int], table: array, values: tuple[int, ...], width: int) -> int:
    """The index of these values in a table of tuples of `width` (a row's frame, its labels), each tuple once."""
    index = lookup.get(values)
    if index is None:
        index = lookup[values] = len(table) // width
        table.extend(values)
    return index


def _reordered(c: Columns, order: list[tuple[str, tuple[int, int]]]) -> tuple[Columns, dict[str, tuple[int, int]]]:
    """The columns with the rows of these articles only, in this order."""
    out = Columns()
    out.strings, out.articles, out.frames, out.labels = c.strings, c.articles, c.frames, c.labels
    blocks = {}
    for path, (first, n) in order:
        base = len(out.flags)
        blocks[path] = (base, n)
        out.ints.extend(c.ints[5 * first : 5 * (first + n)])
        out.nums.extend(c.nums[4 * first : 4 * (first + n)])
        out.strs.extend(c.strs[NS * first : NS * (first + n)])
        out.flags.extend(c.flags[first : first + n])
        out.block.extend(c.block[first : first + n])
        out.odd.update((base + r - first, w) for r, w in c.odd.items() if first <= r < first + n)
    return out, blocks


def _numbers(claim: Claim) -> tuple[int, tuple[float, float, float, float] | None]:
    """A row's flags and numbers, or (0, None) when a number is of a type the row cannot hold."""
    return _flags(claim.value, claim.low, claim.high, claim.rate)


def _flags(value: object, low: object, high: object, rate: object) -> tuple[int, tuple[float, float, float, float] | None]:
    flags, out = 0, []
    for v, none, date in ((value, V_NONE, 0), (low, LO_NONE, LO_DATE), (high, HI_NONE, HI_DATE), (rate, RATE_NONE, 0)):
        if v is None:
            flags |= none
            out.append(0.0)
        elif type(v) is float:
            out.append(v)
        elif date and type(v) is dt.date:
            flags |= date
            out.append(float(v.toordinal()))
        else:
            return 0, None
    return flags, (out[0], out[1], out[2], out[3])
