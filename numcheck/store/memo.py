"""The run's memo: a re-run over unchanged files, rules and code gives the last run's report.

A CI job runs numcheck on every push, and most pushes change no article. The claims cache
(cache.py) spares extraction, but a run would still decode every claim and compare them all
again. The memo keeps the whole report of the last run of each invocation (its paths, rules
folders, options and working folder): one file below `<cache dir>/runs/`, overwritten by the
next run. It is used only when everything the report depends on is the same as when it was
written, byte for byte: numcheck's version and source, the rule files, the list of files
found below the paths with why any is skipped, and every article's bytes. Reading and hashing
the files is all a hit costs: the rules are not parsed and quantulum3 is never imported.

A memo is data, never code: a JSON header and the claim store's arrays (claimstore.py), then the
sha256 of all of it. A run whose notes say the cache misbehaved is not kept, nor one whose files
were not, while it ran, the bytes its premise was made of. A memo that does not decode or whose
checksum does not match is a miss, said in the notes, and rewritten.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
import sys
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import astuple, fields
from itertools import islice

from numcheck import __version__
from numcheck.read import exclude, regular, walk
from numcheck.store.claimstore import NF, NL, NS, ClaimStore, Columns
from numcheck.store.identity import dependencies, source_hash
from numcheck.model import TYPE_CHECKING, Article, Claim, Finding, Options, Report, Silenced, Skipped

if TYPE_CHECKING:
    from typing import Any, BinaryIO, TypedDict, TypeGuard, overload

    #: A value of the memo's JSON, as json.loads gives it back: its shape is the memo's format,
    #: which the memo's sha256 and _consistent hold; a memo that is not of it is Damaged.
    Json = Any

    class Head(TypedDict):
        """The memo's first JSON document."""

        format: int
        premise: str
        version: str
        itemsizes: list[int]
        notes: list[str]
        sizes: list[int]  # strings in the table, rows, frames, labels


FORMAT = 8  # 2: the sha256 of its bytes ends the memo; 3: findings keep what their check decided (Finding.said);
# 4: rows hold the claim's frame (claimstore.TEXTS); 5: a claim's extent is a field (Claim.extent), and a
# finding's group (Finding.said) names it apart from the measure; 6: a row's frame is an index into a table of
# frames (claimstore.FRAME), and each text is once in the table of strings; 7: a finding's data is its own JSON
# text, decoded only when read (Said); 8: a row's labels (claimstore.LABELS) are an index into a table of labels
_MAGIC = b"numcheck-memo\n"
_ARRAYS = ("ints", "nums", "strs", "flags", "block", "frames", "labels")
_TYPED = ("ints", "nums", "strs", "block", "frames", "labels")  # the arrays whose item size the header records


def path(cache_dir: str, options: Options) -> str:
    """The memo of this invocation: its paths, rules and options, from this working folder."""
    asked = [
        os.getcwd(),
        options.paths,
        options.rules,
        options.date and options.date.isoformat(),
        options.local_rules,
        options.engine,
        options.keep_text,
    ]
    name = hashlib.sha256(json.dumps([FORMAT, asked]).encode()).hexdigest()[:32]
    return os.path.join(os.path.abspath(cache_dir), "runs", name[:2], name + ".memo")


def premise(
    options: Options,
    found: list[tuple[str, str | None]] | None = None,
    cache_dir: str | None = None,
    checked: dict[str, str] | None = None,
) -> str | None:
    """A digest of everything the report depends on (the files found below the paths, and why
    any is skipped: walk.found), or None when something cannot be read (the run then goes
    the long way and reports it). With `checked` (path -> sha256 of the bytes a run read), the
    digest of what that run checked, the files it read taken as it read them."""
    h = hashlib.sha256(
        f"{FORMAT}\0{__version__}\0{source_hash()}\0{sys.byteorder}\0".encode()
        + dependencies(cache_dir).encode("utf-8", "surrogatepass")
    )
    try:
        for path in walk.rule_paths(options.rules, options.local_rules):
            data = regular.read_capped(path, walk.MAX_RULE_BYTES)  # a pipe or a device never blocks it
            h.update(f"rules\0{os.path.realpath(path)}\0".encode() + hashlib.sha256(data).digest())
        if found is None:
            found = exclude.apply(walk.found(options.paths), options.exclude, options.gitignore)
        for name, reason in found:
            h.update(f"file\0{name}\0{reason}\0".encode())
            if reason is None and checked and name in checked:
                h.update(bytes.fromhex(checked[name]))
            elif reason is None:
                try:
                    h.update(hashlib.sha256(regular.read_capped(name, walk.MAX_BYTES)).digest())
                except regular.TooLarge as exc:  # skipped with its size, which the report says
                    h.update(f"large\0{exc.size}\0".encode())
    except Exception:  # a missing path, an unreadable file or folder: the run itself says what is wrong
        return None
    return h.hexdigest()


class Damaged(Exception):
    """A memo that does not decode, or whose checksum does not match: a miss, said in the notes."""


def load(memo: str, digest: str) -> Report | None:
    """The report the memo keeps, if it was written for this digest; None otherwise (a missing
    memo, or one of another corpus, version or format). Raises Damaged for a memo of this digest
    that does not decode or whose checksum does not match: the run checks again and rewrites it."""
    try:
        handle = regular.open_regular(memo)
    except OSError:
        return None
    collecting = gc.isenabled()
    gc.disable()  # what it decodes holds no cycle: collections would only walk it again as it grows
    with handle:
        try:
            return _decode(_Verified(handle), digest)
        except _Other:
            return None
        except Exception as exc:  # damaged: whatever it is, never a report
            raise Damaged(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__) from None
        finally:
            if collecting:
                gc.enable()


class _Other(Exception):
    """The memo of another corpus, version or format: an ordinary miss."""


class _Verified:
    """Reads a memo through the sha256 its last 32 bytes must equal, never past its end (a damaged
    length would otherwise ask for gigabytes)."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle, self.sha = handle, hashlib.sha256()
        self.left = os.fstat(handle.fileno()).st_size - _SUM_BYTES

    def read(self, n: int = -1) -> bytes:
        if not 0 <= n <= self.left:
            raise EOFError("memo cut short")
        data = self.handle.read(n)
        self.left -= len(data)
        self.sha.update(data)
        return data

    def verify(self) -> None:
        if self.left != 0 or self.handle.read() != self.sha.digest():
            raise ValueError("its checksum does not match: it was changed or damaged")


_SUM_BYTES = 32  # the sha256 of everything before it ends the memo


def store(memo: str, digest: str, report: Report) -> None:
    """Keep the report for the next run, written atomically; nothing when it cannot be kept exactly."""
    if any(n.startswith("warning: cache") for n in report.notes):
        return
    try:
        parts = _encode(report, digest)
    except (TypeError, ValueError):  # a value JSON would not give back as it is
        return
    if parts is None:
        return
    from numcheck.store.cache import write_atomic  # lazy: cache.py loads the rules' model, which a memo hit never needs

    try:
        write_atomic(memo, parts)  # nothing is left of it if a value cannot be kept exactly (TypeError)
    except (OSError, TypeError, ValueError):
        pass  # a run never fails for its memo


_SECTIONS = ("articles", "skipped", "findings", "silenced", "claim_articles", "spans", "odd")
_CHUNK = 4096  # items of a section written as one JSON list: what the memo's writing holds at once


def _encode(report: Report, digest: str) -> Iterator[bytes | array | bytearray] | None:
    """The memo's bytes, in pieces (an archive's memo is hundreds of MB: never all in memory):
    a JSON header, sections of JSON a chunk at a time, the table of strings as one UTF-8 blob,
    then the claim store's arrays and the rows the findings cite."""
    store = report.claims
    assert isinstance(store, ClaimStore), "a report's claims are a ClaimStore (claimbuild.of)"
    marks = store.marks_of(report.matched)
    c = store.columns
    texts = c.strings[1:]
    if not _all_text(texts) or c.strings[0] is not None:
        return None
    lengths = array("Q", (len(t.encode("utf-8", "surrogatepass")) for t in texts))
    cited = array("I")  # the rows findings cite (ClaimStore.rows_of), one after another
    head: Head = {
        "format": FORMAT,
        "premise": digest,
        "version": report.version,
        "itemsizes": [getattr(c, name).itemsize for name in _TYPED] + [lengths.itemsize],
        "notes": [_text(n) for n in report.notes],
        "sizes": [len(c.strings) - 1, len(c.block), len(c.frames) // NF, len(c.labels) // NL],
    }
    sections = {
        "articles": ([_value(v) for v in astuple(a)] for a in report.articles),
        "skipped": ([_text(s.path), _text(s.reason)] for s in report.skipped),
        "findings": (_finding(f, store, cited) for f in report.findings),
        "silenced": ([_finding(s.finding, store, cited), _text(s.by), _text(s.reason), _value(s.where)] for s in report.silenced),
        "claim_articles": ([_text(p), _text(s), _value(d)] for p, s, d in c.articles),
        "spans": ([_text(p), first, n] for p, (first, n) in store.spans.items()),
        "odd": ([row, [_value(getattr(claim, f.name)) for f in fields(Claim)]] for row, claim in c.odd.items()),
    }

    def pieces() -> Iterator[bytes | array | bytearray]:
        sha = hashlib.sha256()
        for piece in _pieces():
            sha.update(piece)
            yield piece
        yield sha.digest()  # a damaged memo is a miss, never another report

    def _pieces() -> Iterator[bytes | array | bytearray]:
        yield _MAGIC + _framed(head)
        for name in _SECTIONS:
            items = sections[name]
            while chunk := list(islice(items, _CHUNK)):
                yield _framed(chunk)
            yield bytes(8)
        yield bytes(lengths)
        for i in range(0, len(texts), _TEXTS_WRITTEN):
            yield "".join(texts[i : i + _TEXTS_WRITTEN]).encode("utf-8", "surrogatepass")
        for name in _ARRAYS:
            yield getattr(c, name)  # written as it is: an array is bytes-like
        yield marks
        yield len(cited).to_bytes(8, "little")
        yield cited

    return pieces()


def _all_text(strings: list[str | None]) -> TypeGuard[list[str]]:
    """Whether the table holds texts only (a row's None is index 0, never in the table)."""
    return all(type(t) is str for t in strings)


def _framed(doc: object) -> bytes:
    data = json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8", "surrogatepass")
    return len(data).to_bytes(8, "little") + data


def _json(handle: _Verified) -> Json:
    raw = _raw(handle)
    return None if raw is None else _loads(raw)


def _raw(handle: _Verified) -> bytes | None:
    """The next framed JSON document's bytes, or None at a section's end."""
    n = int.from_bytes(_exactly(handle, 8), "little")
    return None if n == 0 else _exactly(handle, n)


def _loads(raw: bytes) -> Json:
    return json.loads(raw.decode("utf-8", "surrogatepass"))


#: Sections kept as their JSON's bytes until the claim store is read (the findings cite its rows),
#: then decoded a chunk at a time: never all of their JSON and all their findings in memory at once.
_LATER = ("findings", "silenced")


def _decode(handle: _Verified, digest: str) -> Report:
    if handle.read(len(_MAGIC)) != _MAGIC:
        raise ValueError("not a memo")
    head: Head = _json(handle)
    if head["format"] != FORMAT or head["premise"] != digest or head["version"] != __version__:
        raise _Other
    c = Columns()
    lengths = array("Q")
    if head["itemsizes"] != [getattr(c, name).itemsize for name in _TYPED] + [lengths.itemsize]:
        raise _Other
    paths: dict[str, str] = {}  # one string for an article's path, wherever the memo names it
    parts: dict[str, list[Json]] = {}
    later: dict[str, list[bytes]] = {name: [] for name in _LATER}
    for name in _SECTIONS:
        parts[name] = []
        while (raw := _raw(handle)) is not None:
            if name in later:
                later[name].append(raw)
            else:
                parts[name] += _section(name, _loads(raw), paths)
    strings, rows, frames, labels = head["sizes"]
    lengths.fromfile(handle, strings)
    table: list[str | None] = [None]  # index 0: a row's None
    for i in range(0, strings, _TEXTS_AT_ONCE):  # as written: never the whole blob beside its strings
        blob, at = _exactly(handle, sum(lengths[i : i + _TEXTS_AT_ONCE])), 0
        for n in lengths[i : i + _TEXTS_AT_ONCE]:
            table.append(blob[at : at + n].decode("utf-8", "surrogatepass"))
            at += n
    c.strings = table
    for name, n in (
        ("ints", 5 * rows),
        ("nums", 4 * rows),
        ("strs", NS * rows),
        ("flags", rows),
        ("block", rows),
        ("frames", NF * frames),
        ("labels", NL * labels),
    ):
        if name == "flags":
            c.flags = bytearray(_exactly(handle, n))
        else:
            setattr(c, name, array(getattr(c, name).typecode))
            getattr(c, name).fromfile(handle, n)
    marks = bytearray(_exactly(handle, rows))
    cited = array("I")
    cited.fromfile(handle, int.from_bytes(_exactly(handle, 8), "little"))
    handle.verify()
    c.articles = parts["claim_articles"]
    c.odd = dict(parts["odd"])
    spans = dict(parts["spans"])
    _consistent(c, (rows, frames, labels), spans, marks, cited)
    store = ClaimStore(c, spans)
    findings = tuple(_unfinding(f, store, cited) for f in _chunks(later["findings"]))
    silenced = tuple(
        Silenced(_unfinding(f, store, cited), by, reason, where) for f, by, reason, where in _chunks(later["silenced"])
    )
    return Report(
        head["version"],
        tuple(parts["articles"]),
        tuple(Skipped(p, r) for p, r in parts["skipped"]),
        store,
        findings,
        tuple(head["notes"]),
        store.marked(marks),
        silenced,
    )


_TEXTS_AT_ONCE = 65536  # strings of the table decoded from one read
_TEXTS_WRITTEN = 4096  # strings of the table written as one piece: a piece and its bytes are both held (sentences, ~150 bytes)


def _section(name: str, chunk: list[Json], paths: dict[str, str]) -> list[Json]:
    """A chunk of a section as the report holds it: articles, claims kept whole, (path, story, date)
    of each article's claims and its rows, each path one string."""
    if name == "articles":
        return [Article(paths.setdefault(a[0], a[0]), *(_date(v) for v in a[1:])) for a in chunk]
    if name == "claim_articles":
        return [(paths.setdefault(p, p), s, _date(d)) for p, s, d in chunk]
    if name == "spans":
        return [(paths.setdefault(p, p), (first, n)) for p, first, n in chunk]
    if name == "odd":
        return [(row, Claim(*(_date(v) for v in values))) for row, values in chunk]
    return chunk


def _chunks(raws: list[bytes]) -> Iterator[Json]:
    """The items of a section kept as bytes, each chunk decoded when reached and its bytes let go."""
    for i, raw in enumerate(raws):
        raws[i] = b""
        yield from json.loads(raw.decode("utf-8", "surrogatepass"))


def _consistent(
    c: Columns, sizes: tuple[int, int, int], spans: dict[str, tuple[int, int]], marks: bytearray, cited: array
) -> None:
    """Every index inside what it points into (`sizes`: rows, frames, labels): a memo that passed its
    checksum but not this was written by a bug, and is a miss rather than an IndexError in every later run."""
    rows, frames, labels = sizes
    if (
        len(c.ints) != 5 * rows
        or len(c.nums) != 4 * rows
        or len(c.strs) != NS * rows
        or len(c.frames) != NF * frames
        or len(c.labels) != NL * labels
        or frames < 1
        or labels < 1
        or len(c.block) != rows
        or len(marks) != rows
        or any(max(c.strs[j::NS], default=0) >= len(c.strings) for j in range(NS - 2))
        or max(c.strs[NS - 2 :: NS], default=0) >= labels
        or max(c.strs[NS - 1 :: NS], default=0) >= frames
        or max(c.frames, default=0) >= len(c.strings)
        or max(c.labels, default=0) >= len(c.strings)
        or (c.block and max(c.block) >= len(c.articles))
        or (cited and max(cited) >= rows)
        or any(not (isinstance(r, int) and 0 <= r < rows) for r in c.odd)
        or any(not (0 <= first and 0 <= n and first + n <= rows) for first, n in spans.values())
    ):
        raise ValueError("an index points outside the memo")


def _exactly(handle: _Verified, n: int) -> bytes:
    data = handle.read(n)
    if len(data) != n:
        raise EOFError("memo cut short")
    return data


def _finding(f: Finding, store: ClaimStore, cited: array) -> list:
    """A finding for the header; the claims it cites as rows in `cited` when they are the store's."""
    said = f.said.text if type(f.said) is Said else json.dumps(_data(f.said), ensure_ascii=False, allow_nan=False)
    head = [_text(f.id), _text(f.kind), _text(f.level), _text(f.message), _value(f.rule), _value(f.source), said]
    ids, detail = f.claims, f.detail
    rows = store.rows_of(ids)
    if rows is not None and (parts := _partition(store, rows, detail)) is not None:
        at = len(cited)
        cited.extend(rows)
        return head + [[at, len(rows)], parts]
    return head + [[_text(i) for i in ids], [[_text(i) for i in p] for p in detail]]


def _partition(store: ClaimStore, rows: array, detail: tuple) -> list[int] | None:
    """The clusters' sizes when they are the rows in order, covering them all; else None."""
    if not detail:
        return []
    joined = array("I")
    for p in detail:
        part = store.rows_of(p)
        if part is None:
            return None
        joined.extend(part)
    return [len(p) for p in detail] if joined == rows else None


def _unfinding(v: list[Json], store: ClaimStore, cited: array) -> Finding:
    fid, kind, level, message, rule, source, text, ids, detail = v
    kind, level, said = _word(kind), _word(level), Said(text)
    if ids and isinstance(ids[0], int):  # [first, count] in cited, and the clusters' sizes
        first, count = ids
        claims, parts = store.cite(cited[first : first + count], detail)
        return Finding(fid, kind, level, message, claims, rule, source, parts, said)
    return Finding(fid, kind, level, message, tuple(ids), rule, source, tuple(tuple(p) for p in detail), said)


def _word(v: Json) -> Json:
    """A finding's kind or level: one string for the run, not one a finding."""
    return sys.intern(v)


def _text(v: object) -> str:
    if type(v) is not str:
        raise TypeError(f"cannot keep a {type(v).__name__} as text")
    return v


def _value(v: object) -> object:
    """A field as JSON gives it back, exactly: a date as {"$date": ...}; any other type refuses."""
    if type(v) is dt.date:
        return {"$date": v.isoformat()}
    if v is None or type(v) in (str, int, float, bool):
        return v
    raise TypeError(f"cannot keep a {type(v).__name__}")


def _date(v: Json) -> Json:
    return dt.date.fromisoformat(v["$date"]) if isinstance(v, dict) else v


def _data(v: object) -> object:
    """A finding's data as JSON gives it back exactly: tuples as {"$t": [...]}, dates as _value."""
    if type(v) is tuple:
        return {"$t": [_data(x) for x in v]}
    return _value(v)


def kept(said: Sequence) -> Sequence:
    """A finding's data as the memo keeps it (Said, its JSON text) where JSON gives it back exactly;
    else as it is."""
    if type(said) is not tuple:
        return said
    try:
        return Said(json.dumps(_data(said), ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError):
        return said


class Said(Sequence):
    """A finding's data (Finding.said) as the memo keeps it: its JSON text, decoded each time it is
    read. A run that finds its memo renders the findings' messages, never their data (`numcheck
    explain` reads a few), and the text is a third of the tuples it stands for."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        if type(text) is not str:
            raise TypeError(f"a finding's data is kept as text, not as a {type(text).__name__}")
        self.text = text

    def decoded(self) -> tuple:
        """The tuple the check made."""
        value = json.loads(self.text, object_hook=_undata)
        if type(value) is not tuple:
            raise TypeError(f"a finding's data is a tuple, not a {type(value).__name__}")
        return value

    if TYPE_CHECKING:

        @overload
        def __getitem__(self, i: int) -> Any: ...

        @overload
        def __getitem__(self, i: slice) -> tuple: ...

    def __getitem__(self, i: int | slice) -> Any:
        return self.decoded()[i]

    def __len__(self) -> int:
        return len(self.decoded())

    def __iter__(self) -> Iterator[Any]:
        return iter(self.decoded())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Said):
            other = other.decoded()
        return self.decoded() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.decoded())

    def __repr__(self) -> str:
        return repr(self.decoded())


def _undata(v: dict[str, Json]) -> Json:
    """What _data wrote as an object, as the JSON decoder meets it (json.loads' object_hook): the
    objects inside it are decoded already."""
    return tuple(v["$t"]) if "$t" in v else _date(v)
