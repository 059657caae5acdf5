"""Every bad input gets one clear line and the right exit code; nothing found is lost; the rest is still checked.

Each case builds its input in a temporary folder beside a good article (`good/good.txt`, one claim)
and runs the CLI in-process with --format json. Input cases must list every file found as
checked or skipped and still check the good article; rule-file cases stop the run (it cannot be trusted)
with `path:line: what is wrong`.
"""

from __future__ import annotations

import codecs
import contextlib
import inspect
import io
import json
import os
import re
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.extract import sentences
from numcheck.read import files, walk
from numcheck.report import outfile

GOOD = "Five people were killed in the flood.\n"


@dataclass(frozen=True)
class Case:
    """An input, the exit code it must give, and a fragment of the one line it must print (or None)."""

    name: str
    build: Callable[[Path], None]  # writes below the input folder
    code: int
    message: str | None
    args: tuple[str, ...] = ()
    rules: dict[str, bytes | Callable[[Path], None]] = field(default_factory=dict)  # ./rules/NAME -> content
    # (or what makes it): the run must stop
    checked: tuple[str, ...] = ()  # articles (besides good.txt) that must be checked
    patch: Callable[[pytest.MonkeyPatch, Path], None] | None = None


def put(name: str, data: bytes | str) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return build


def several(*builds: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        for b in builds:
            b(root)

    return build


def deep(levels: int) -> Callable[[Path], None]:
    def build(root: Path) -> None:
        here = os.getcwd()
        os.chdir(root)  # one level at a time: os.makedirs recurses and fails at this depth, and long paths are slow
        try:
            for _ in range(levels):
                os.mkdir("d")
                os.chdir("d")
            Path("deep.txt").write_text("Three people were hurt.\n", encoding="utf-8")
        finally:
            os.chdir(here)

    return build


def undeep(root: Path) -> None:
    """Remove what deep() made, bottom up: shutil.rmtree (and pytest's clean-up) recurse, and fail at this depth."""
    here = os.getcwd()
    os.chdir(root)
    try:
        levels = 0
        while os.path.isdir("d"):
            os.chdir("d")
            levels += 1
        for name in os.listdir(".") if levels else ():
            os.unlink(name)
        for _ in range(levels):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


def links(root: Path) -> None:
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "loop")  # a folder loop
    os.symlink(os.path.abspath(os.sep), root / "outside")  # leaves the input tree
    os.symlink("nowhere.txt", root / "dangling.txt")
    os.symlink("self.txt", root / "self.txt")  # a link to itself
    os.symlink("good/good.txt", root / "again.txt")  # an article by another name: still not followed


def fifo(root: Path) -> None:
    os.mkfifo(root / "pipe.txt")


def swapped_for_a_pipe(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """The article is listed, then replaced by a named pipe before it is hashed and read."""
    real = walk.discover

    def discover(paths):  # type: ignore[no-untyped-def]
        yield from real(paths)
        (root / "swapped.txt").unlink()
        os.mkfifo(root / "swapped.txt")

    monkeypatch.setattr(walk, "discover", discover)


def sparse(root: Path) -> None:
    with open(root / "huge.txt", "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # 100 MB that take no disk and must never be read


def unreadable(name: str) -> Callable[[pytest.MonkeyPatch, Path], None]:
    """As root, chmod cannot make a file unreadable: refuse to open it instead."""

    def patch(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
        real = os.open

        def refusing(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
            if os.path.basename(os.fspath(path)) == name:
                raise PermissionError(13, "Permission denied")
            return real(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing)

    return patch


def unlisted_folder(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    real = os.scandir

    def refusing(path=".", *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.path.basename(os.path.normpath(os.fspath(path))) == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refusing)


def vanishing(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """The file is listed, then deleted before it is read."""
    real = walk.discover

    def discover(paths):  # type: ignore[no-untyped-def]
        yield from real(paths)
        (root / "gone.txt").unlink()

    monkeypatch.setattr(walk, "discover", discover)


FACT = 'source = "s"\n'
INPUTS = [
    Case("empty file", put("empty.txt", b""), 0, None, checked=("empty.txt",)),
    Case("empty folder", lambda root: (root / "nothing").mkdir(), 2, "no article checked", args=("nothing",)),
    Case(
        "binary file",
        put("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        2,
        "photo.txt: binary file, not text",
    ),
    Case(
        "invalid UTF-8",
        put("latin1.txt", "Café: 12 people were hurt.\n".encode("latin-1")),
        2,
        "latin1.txt: not valid UTF-8 (byte 3)",
    ),
    Case("UTF-8 byte-order mark", put("bom.txt", codecs.BOM_UTF8 + b"Two people died.\n"), 0, None, checked=("bom.txt",)),
    Case(
        "Windows-1252 smart quotes",
        put("word.txt", "He said \u201cnine people\u201d died \u2013 police.\n".encode("cp1252")),
        0,
        "word.txt: not UTF-8 (byte 8); read as Windows-1252",
        checked=("word.txt",),
    ),
    Case(
        "Windows-1252 letters (ambiguous)",
        put("accents.txt", "Le député a déclaré 12 morts.\n".encode("cp1252")),
        2,
        "accents.txt: not valid UTF-8 (byte 4), and its encoding cannot be told for sure",
    ),
    Case(
        "UTF-16 with its mark",
        put("notepad.txt", "Four people died.\r\n".encode("utf-16")),
        0,
        "notepad.txt: UTF-16 (it has the byte-order mark)",
        checked=("notepad.txt",),
    ),
    Case("100 MB file", sparse, 2, "huge.txt: larger than the 2 MiB limit for one article"),
    Case(
        "a line of a million digits",
        put("digits.txt", "The toll was " + "7" * 1_000_000 + " people.\nSix died.\n"),
        0,
        "digits.txt:1: 1,000,000 characters without a space are not read",
        checked=("digits.txt",),
    ),
    Case(
        "a sentence of 20,000 characters",
        put("list.txt", " ".join(["and 12 km"] * 2_000) + ".\n"),
        0,
        None,
        checked=("list.txt",),
    ),
    Case(
        "numbers beyond float range",
        put("big.txt", "The debt was 10^500 dollars, 1e400 tons, and " + "9" * 320 + " cars.\n"),
        0,
        "big.txt:1: 320 characters",
        checked=("big.txt",),
    ),
    Case(
        "malformed YAML front matter",
        put("bad.md", "---\ntitle: [unclosed\n---\nTen people died.\n"),
        0,
        "bad.md:3: front matter is not valid YAML",
        checked=("bad.md",),
    ),
    Case(
        "mistyped front matter date",
        put("when.md", "---\ntitle: x\ndate: yesterday\n---\nTen people died.\n"),
        0,
        "when.md:3: front matter date 'yesterday' is not a YYYY-MM-DD date",
        checked=("when.md",),
    ),
    Case(
        "impossible front matter date",
        put("feb.md", "---\ndate: 2023-02-30\n---\nTen people died.\n"),
        0,
        "feb.md:1: front matter is not valid YAML: day is out of range for month",
        checked=("feb.md",),
    ),
    Case(
        "relative dates before year 1 or after 9999",
        several(
            put("ago.md", "---\ndate: 2023-03-01\n---\nThe town was founded 9000 years ago. Ten people died.\n"),
            put("late.md", "---\ndate: 9999-12-31\n---\nTen people will be tried tomorrow.\n"),
            put("early.md", "---\ndate: 0001-01-01\n---\nTen people died yesterday.\n"),
            put(
                "fr.md",
                "---\ndate: 9999-12-31\nlang: fr\n---\nDix personnes sont mortes hier. "
                "L'année dernière, lundi dernier, l'hiver dernier.\n",
            ),
            put(
                "fr1.md",
                "---\ndate: 0001-01-01\nlang: fr\n---\nDix personnes sont mortes hier. "
                "L'année dernière, lundi dernier, l'hiver dernier, en janvier dernier.\n",
            ),
        ),
        0,
        None,
        checked=("ago.md", "late.md", "early.md", "fr.md", "fr1.md"),
    ),
    Case(
        "front matter a YAML list",
        put("list.md", "---\n- a\n- b\n---\nTen people died.\n"),
        0,
        "list.md:1: front matter is not a table of fields",
        checked=("list.md",),
    ),
    Case(
        "front matter date in year 99999",
        put("y.md", "---\ndate: 99999-01-01\n---\nTen people died.\n"),
        0,
        "y.md:2: front matter date '99999-01-01' is not a YYYY-MM-DD date",
        checked=("y.md",),
    ),
    Case(
        "front matter YAML alias bomb",
        put(
            "bomb.md",
            "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 12))
            + "title: *a11\n---\nTen people died.\n",
        ),
        0,
        "bomb.md:14: front matter title should be text, not list",
        checked=("bomb.md",),
    ),
    Case(
        "front matter never closed",
        put("open.md", "---\ntitle: x\nTen people died.\n"),
        0,
        "open.md:1: front matter opened with --- is never closed",
        checked=("open.md",),
    ),
    Case(
        "front matter nested too deeply",
        put("nest.md", "---\ntitle: " + "[" * 1500 + "]" * 1500 + "\n---\nOk.\n"),
        0,
        "nest.md:1: front matter is not valid YAML: nested too deeply",
        checked=("nest.md",),
    ),
    Case(
        "front matter lang not a code",
        put("lang.md", '---\nlang: "../../x\\0"\n---\nTen people died.\n'),
        0,
        "lang.md:2: front matter lang",
        checked=("lang.md",),
    ),
    Case(
        "TOML front matter, wrong type",
        put("toml.md", "+++\ndate = 5\ntitle = [1]\n+++\nTen people died.\n"),
        0,
        "toml.md:2: front matter date 5 is not a YYYY-MM-DD date",
        checked=("toml.md",),
    ),
    Case("folders 200 deep", deep(200), 0, None, checked=("d/" * 200 + "deep.txt",)),
    Case(
        "symbolic links: loops, outside the tree, dangling",
        several(links, put("a.md", "Two died.\n")),
        0,
        None,
        checked=("a.md",),
    ),
    Case("a named pipe", fifo, 0, None),
    Case("a folder named like an article", put("x.txt/inside.txt", "Two died.\n"), 0, None, checked=("x.txt/inside.txt",)),
    Case("hidden files and folders", several(put(".draft.txt", "1 died.\n"), put(".git/x.txt", "2 died.\n")), 0, None),
    Case(
        "unreadable file",
        put("secret.txt", "Six people died.\n"),
        2,
        "secret.txt: cannot be read: Permission denied",
        patch=unreadable("secret.txt"),
    ),
    Case(
        "file disappears mid-run",
        put("gone.txt", "Six people died.\n"),
        2,
        "gone.txt: cannot be read: No such file or directory",
        patch=vanishing,
    ),
    Case("missing path", lambda root: None, 2, "missing/: no such file or folder", args=("good/good.txt", "missing/")),
    Case(
        "an unreadable folder",
        put("locked/inside.txt", "Six people died.\n"),
        2,
        "locked: folder cannot be read: Permission denied",
        patch=unlisted_folder,
    ),
    Case(
        "an unreadable folder given as PATH",
        put("locked/inside.txt", "Six people died.\n"),
        2,
        "locked: folder cannot be read: Permission denied",
        args=("good", "locked"),
        patch=unlisted_folder,
    ),
    Case("a path longer than the system allows", deep(2100), 2, "folder cannot be read: File name too long", args=(".",)),
    Case(
        "an article swapped for a named pipe mid-run",
        put("swapped.txt", "Six people died.\n"),
        2,
        "swapped.txt: cannot be read: not a regular file",
        patch=swapped_for_a_pipe,
    ),
]

RULES = [
    Case(
        "rules: TOML syntax",
        lambda root: None,
        2,
        "rules/bad.toml:2: TOML syntax",
        rules={"bad.toml": b'[entities]\nkyiv = ["Kyiv"\n'},
    ),
    Case(
        "rules: unknown kind",
        lambda root: None,
        2,
        "rules/bad.toml:3: constraint 'x': kind must be one of",
        rules={"bad.toml": b'[[constraints]]\nid = "x"\nkind = "maximum"\n'},
    ),
    Case(
        "rules: wrong type",
        lambda root: None,
        2,
        "rules/bad.toml:5: fact 'f': value must be a number or a date",
        rules={"bad.toml": b'[measures]\nm = ["m"]\n[[facts]]\nid = "f"\nvalue = "70,000"\nmeasure = "m"\n' + FACT.encode()},
    ),
    Case(
        "rules: duplicate ids",
        lambda root: None,
        2,
        "rules/bad.toml:4: duplicate rule id 'bad.x' (first in rules/bad.toml:1)",
        rules={"bad.toml": b'[[constraints]]\nid = "x"\nkind = "range-order"\n[[constraints]]\nid = "x"\nkind = "range-order"\n'},
    ),
    Case(
        "rules: two facts contradict",
        lambda root: None,
        2,
        "rules/bad.toml:9: fact 'bad.b' (81,000 to 99,000) contradicts fact 'bad.a' (70,000, rules/bad.toml:3)",
        rules={
            "bad.toml": b'[measures]\npop = ["inhabitants"]\n[[facts]]\nid = "a"\nmeasure = "pop"\nvalue = 70_000\n'
            + FACT.encode()
            + b'\n[[facts]]\nid = "b"\nmeasure = "pop"\nvalue = 90_000\ntolerance = 0.1\n'
            + FACT.encode()
        },
    ),
    Case(
        "rules: one alias, two entities",
        lambda root: None,
        2,
        "rules/b.toml:2: alias 'KIEV' of entity 'kiev' is already an alias of entity 'kyiv' (rules/a.toml:2)",
        rules={"a.toml": b'[entities]\nkyiv = ["Kyiv", "Kiev"]\n', "b.toml": b'[entities]\nkiev = ["KIEV"]\n'},
    ),
    Case(
        "rules: a number beyond float range",
        lambda root: None,
        2,
        "rules/bad.toml:5: fact 'f': value = inf is not a finite number",
        rules={"bad.toml": b'[measures]\nm = ["m"]\n[[facts]]\nid = "f"\nvalue = 1e400\nmeasure = "m"\n' + FACT.encode()},
    ),
    Case(
        "rules: nan",
        lambda root: None,
        2,
        "rules/bad.toml:5: constraint 'x': value = nan is not a finite number",
        rules={"bad.toml": b'[[constraints]]\nid = "x"\nkind = "max"\nmeasure = "killed"\nvalue = nan\n'},
    ),
    Case(
        "rules: an alias cycle",
        lambda root: None,
        2,
        "rules/bad.toml:2: alias 'Kiev' of entity 'kyiv' is the name of entity 'kiev' (rules/bad.toml:3)",
        rules={"bad.toml": b'[entities]\nkyiv = ["Kyiv city", "Kiev"]\nkiev = ["Kyiv"]\n'},
    ),
    Case(
        "rules: not UTF-8",
        lambda root: None,
        2,
        "rules/bad.toml:2: not valid UTF-8",
        rules={"bad.toml": b'[entities]\nkyiv = ["K\xffyiv"]\n'},
    ),
    Case(
        "rules: nested too deeply",
        lambda root: None,
        2,
        "rules/bad.toml:1: TOML nested too deeply",
        rules={"bad.toml": b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n"},
    ),
    Case("rules: a folder named like a file", lambda root: None, 2, "rules/dir.toml: cannot be read", rules={"dir.toml/": b""}),
    Case(
        "rules: --rules folder missing",
        lambda root: None,
        2,
        "nope: rules directory does not exist",
        args=("good/good.txt", "--rules", "nope"),
    ),
    Case(
        "rules: --rules names a file",
        put("one.toml", b"[times]\n"),
        2,
        "one.toml: is not a folder: --rules takes a folder of .toml files",
        args=("good/good.txt", "--rules", "one.toml"),
    ),
    Case(
        "rules: a named pipe",
        lambda root: None,
        2,
        "rules/x.toml: cannot be read: not a regular file",
        rules={"x.toml": os.mkfifo},
    ),
    Case(
        "rules: a link to /dev/zero",
        lambda root: None,
        2,
        "rules/zero.toml: cannot be read: not a regular file",
        rules={"zero.toml": lambda target: os.symlink("/dev/zero", target)},
    ),
    Case(
        "rules: byte-order mark is fine",
        lambda root: None,
        0,
        None,
        rules={"bom.toml": codecs.BOM_UTF8 + b'[times]\nnow = ["now"]\n'},
    ),
]


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail, rather than hang for ever, when the block takes longer than `seconds`."""

    def expired(signum, frame):  # type: ignore[no-untyped-def]
        raise AssertionError(f"still running after {seconds} s: it blocks")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def no_constant(name: str) -> None:
    raise AssertionError(f"{name} in the json report: not JSON, and not a figure")


@pytest.fixture(autouse=True)
def private_cache(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))


_SCANDIR = os.scandir


def listed(root: Path) -> set[str]:
    """Every entry an honest walk finds: what the report must account for (hidden folders as themselves)."""
    out: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        for entry in _SCANDIR(folder):  # not the one a case patches
            rel = os.path.relpath(entry.path, root)
            if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                stack.append(Path(entry.path))
            else:
                out.add(rel + (os.sep if entry.is_dir(follow_symlinks=False) else ""))
    return out


@pytest.mark.parametrize("case", INPUTS + RULES, ids=[c.name for c in INPUTS + RULES])
def test_every_bad_input_gets_one_clear_line(case: Case, run_numcheck, tmp_path, monkeypatch, request) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "good").mkdir()
    (root / "good" / "good.txt").write_text(GOOD, encoding="utf-8")  # a story of its own: no conflict with a case
    case.build(root)
    request.addfinalizer(lambda: undeep(root))
    for name, data in case.rules.items():
        target = root / "rules" / name
        target.parent.mkdir(exist_ok=True)
        if callable(data):
            data(target)
        else:
            target.mkdir() if name.endswith("/") else target.write_bytes(data)
    if case.patch:
        case.patch(monkeypatch, root)
    with deadline(120):  # a pipe or a device must never block a run
        code, out, err = run_numcheck([*(case.args or ["."]), "--format", "json"], cwd=root)

    assert "Traceback" not in out + err
    lines = err.splitlines()
    assert all(line.startswith("numcheck: ") for line in lines), err
    assert code == case.code, err
    if case.message is None:
        assert err == ""
    else:
        assert len([line for line in lines if case.message in line]) == 1, err
    if case.rules and case.code == 2 or case.name in ("missing path", "empty folder") or case.name.startswith("rules: -"):
        assert out == "" and len(lines) == 1  # the run cannot be trusted: it stops, saying why
        return
    report = json.loads(out, parse_constant=no_constant)
    shown = {os.path.normpath(a["path"]) + ("/" if a["path"].endswith("/") else "") for a in report["articles"]}
    if case.args:
        return
    unlisted = {p for p in listed(root) - {"rules"} if not any(str(d) in shown for d in Path(p).parents)}
    assert unlisted <= shown | {"rules" + os.sep}, "a file found is missing from the report (or its unreadable folder)"
    checked = {os.path.normpath(a["path"]) for a in report["articles"] if a["status"] == "checked"}
    assert {"good/good.txt", *(os.path.normpath(c) for c in case.checked)} <= checked
    good = [c for c in report["claims"] if os.path.normpath(c["path"]) == "good/good.txt"]
    assert [c["surface"] for c in good] == ["Five"]


def test_a_byte_order_mark_is_outside_every_sentence_but_offsets_count_it(run_json, tmp_path) -> None:
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + "Two people died.\n".encode())
    _, report, _ = run_json([str(tmp_path / "bom.txt")])
    claim = report["claims"][0]
    text = open(tmp_path / "bom.txt", encoding="utf-8").read()  # the contract: offsets in this text
    assert text[claim["start"] : claim["end"]] == claim["surface"] == "Two"
    assert claim["sentence"] == "Two people died."


def test_the_size_limit_is_exact(run_json, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    (tmp_path / "at.txt").write_bytes(b"Nine people died." + b" x" * 491 + b"x")
    (tmp_path / "over.txt").write_bytes(b"Nine people died." + b" x" * 491 + b"xx")
    code, report, err = run_json([str(tmp_path)])
    status = {Path(a["path"]).name: (a["status"], a["reason"]) for a in report["articles"]}
    assert status["at.txt"] == ("checked", None)
    assert status["over.txt"][0] == "skipped" and "larger than" in status["over.txt"][1]
    assert code == 2 and err.count("\n") == 1


def test_folders_are_walked_without_recursion(tmp_path) -> None:
    """Deeper than the stack allows: each level would be a frame of a recursive walk."""
    deep(300)(tmp_path)
    try:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(len(inspect.stack()) + 100)
        try:
            found = list(files.discover([str(tmp_path)]))
        finally:
            sys.setrecursionlimit(limit)
        assert found == [(os.path.join(str(tmp_path), *["d"] * 300, "deep.txt"), None)]
    finally:
        undeep(tmp_path)


def test_sentences_are_bounded_whatever_the_line() -> None:
    text = "x " * 3000 + "y" * 5000 + " The toll was 12.\n"
    spans = list(sentences.split(text))
    assert all(0 < e - s <= sentences.MAX_SENTENCE for s, e in spans)
    assert all(not re.search(r"\S{201}", text[s:e]) for s, e in spans)
    assert text[spans[-1][0] : spans[-1][1]] == "The toll was 12."


def test_only_curly_punctuation_makes_a_file_windows_1252() -> None:
    assert files.decode("“Five” – …".encode("cp1252")).text == "“Five” – …"
    for ambiguous in ("café", "£5", "€5", "Около 70"):
        data = ambiguous.encode("cp1252" if ambiguous != "Около 70" else "cp1251")
        assert files.decode(data).text is None, ambiguous


def test_unreadable_folder_makes_the_run_incomplete(tmp_path, monkeypatch) -> None:
    """files.load says so; the CLI's engine lists the folder as skipped (see the report of issue 8)."""
    (tmp_path / "locked").mkdir()
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    unlisted_folder(monkeypatch, tmp_path)
    loaded = files.load([str(tmp_path)])
    assert [s.reason for s in loaded.skipped] == ["folder cannot be read: Permission denied"]
    assert loaded.unreadable and len(loaded.articles) == 1


def test_a_failed_write_keeps_the_old_report(run_numcheck, tmp_path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    target.write_text("old report", encoding="utf-8")

    def full_disk(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outfile.os, "replace", full_disk)
    code, out, err = run_numcheck([str(tmp_path / "a.txt"), "--format", "json", "--output", str(target)])
    assert code == 2 and out == "" and err.count("\n") == 1 and "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}


def test_rules_and_front_matter_are_data_never_code() -> None:
    """No eval or exec, no unpickling, YAML only through the safe loader: anywhere in the package."""
    import ast

    package = Path(files.__file__).parent
    for source in sorted(package.glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in FORBIDDEN_CALLS, f"{source.name}:{node.lineno}: {node.func.id}()"
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                assert not {n.split(".")[0] for n in names} & FORBIDDEN_MODULES, f"{source.name}:{node.lineno}"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml":
                assert node.attr in {"safe_load", "YAMLError", "MarkedYAMLError"}, (
                    f"{source.name}:{node.lineno}: yaml.{node.attr}"
                )


def test_yaml_tags_that_build_objects_are_refused(run_json, tmp_path) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "a.md").write_text(
        f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\nSix died.\n", encoding="utf-8"
    )
    code, report, err = run_json([str(tmp_path / "a.md")])
    assert code == 0 and not marker.exists()
    assert "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'" in err
    assert report["articles"][0]["status"] == "checked"


def test_html_report_shows_hostile_text_as_text(run_numcheck, tmp_path) -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    story = tmp_path / "story"
    story.mkdir()
    (story / "<b>name<i>.md").write_text(
        f"---\ntitle: '{hostile}'\nsource: '{hostile}'\n---\n{hostile} Officials said 12 people were killed.\n", encoding="utf-8"
    )
    (story / "b.md").write_text("Officials said 30 people were killed.\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.toml").write_text(
        f'[[constraints]]\nid = "toll"\nkind = "max"\nmeasure = "killed"\nvalue = 20\ndescription = \'{hostile}\'\n',
        encoding="utf-8",
    )
    code, _, err = run_numcheck(["story", "--format", "html", "--output", "r.html"], cwd=tmp_path)
    assert code == 1, err
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert code == 1
    assert page.count("<script") == 1 and "<img" not in page and "<b>name" not in page  # ours is the only script
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;name&lt;i&gt;.md" in page
    assert page.count("onerror=alert(2)&gt;") >= 3  # article text, title, source, rule description


def tree(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def test_nothing_is_written_outside_the_output_and_the_cache(run_numcheck, tmp_path, monkeypatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text("---\ndate: 2023-03-01\n---\nOfficials said 12 people were killed.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Officials said 30 people were killed.\n", encoding="utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "out").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    before = tree(tmp_path)
    for fmt in ("json", "html", "sarif", "csv"):
        code, out, _ = run_numcheck(
            ["in", "--format", fmt, "--output", f"out/r.{fmt}", "--summary", "out/summary.md"], cwd=tmp_path
        )
        assert code == 1 and out == ""
    changed = {p for p, v in tree(tmp_path).items() if before.get(p) != v}
    assert changed and all(p.startswith(("out/", "cache/")) for p in changed), changed


def test_an_interrupted_write_leaves_no_temporary_file(run_numcheck, tmp_path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").mkdir()

    def interrupted(src, dst):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(outfile.os, "replace", interrupted)
    code, _, err = run_numcheck([str(tmp_path / "a.txt"), "--format", "json", "--output", str(tmp_path / "out" / "r.json")])
    assert (code, err) == (130, "numcheck: interrupted\n")
    assert list((tmp_path / "out").iterdir()) == []


NOT_UTF8 = os.fsdecode(b"bad\xff.txt")  # what os.scandir gives for a name that is not UTF-8


def test_a_file_name_that_is_not_utf8_reaches_every_format(run_numcheck, tmp_path, monkeypatch) -> None:
    """Written as bad\\udcff.txt (bad%FF.txt in a SARIF URI), never a crash; JSON reads back the very name."""
    from numcheck.cli import main as cli
    from numcheck.report import output

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / NOT_UTF8).write_text("Officials said 12 people were killed.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Officials said 30 people were killed.\n", encoding="utf-8")  # a conflict
    for fmt in output.FORMATS:
        code, out, err = run_numcheck(["in", "--format", fmt, "--output", f"r.{fmt}", "--summary", "s.md"], cwd=tmp_path)
        assert (code, out, err) == (1, "", ""), err
        text = (tmp_path / f"r.{fmt}").read_bytes().decode("utf-8")  # strictly UTF-8
        assert ("bad%FF.txt" if fmt == "sarif" else "bad\\udcff.txt") in text, fmt
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert sorted(os.fsencode(a["path"]) for a in report["articles"]) == [b"in/b.txt", b"in/bad\xff.txt"]
    assert "bad\\udcff.txt" in (tmp_path / "s.md").read_text(encoding="utf-8")
    for fmt in output.FORMATS:  # a terminal that refuses what is not UTF-8
        buffer = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8", errors="strict"))
        assert cli.main(["in", "--format", fmt]) == 1
        sys.stdout.flush()
        assert "bad" in buffer.getvalue().decode("utf-8"), fmt


def read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, chmod cannot make a folder read-only: refuse to create files in it instead."""
    real = outfile.tempfile.mkstemp

    def refusing(*args, **kwargs):  # type: ignore[no-untyped-def]
        if os.path.basename(kwargs.get("dir", "")) == "ro":
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr(outfile.tempfile, "mkstemp", refusing)


OUTPUTS = [  # where --output or --summary cannot go: one line, exit 2, nothing left behind
    (
        "--output into a missing folder",
        ("--output", "nodir/r.json"),
        "nodir/r.json: cannot be written: No such file or directory",
    ),
    ("--output onto a folder", ("--output", "ro"), "ro: cannot be written: Is a directory"),
    ("--output into a read-only folder", ("--output", "ro/r.json"), "ro/r.json: cannot be written: Permission denied"),
    ("--summary into a missing folder", ("--summary", "nodir/s.md"), "nodir/s.md: cannot be written: No such file or directory"),
    ("--summary onto a folder", ("--summary", "ro"), "ro: cannot be written: Is a directory"),
    # a pipe would block the run until something reads it; a device node must never be replaced
    ("--summary onto a named pipe", ("--summary", "pipe"), "pipe: cannot be written: not a regular file"),
    ("--summary onto a device", ("--summary", "null"), "null: cannot be written: not a regular file"),
    ("--output onto a named pipe", ("--output", "pipe"), "pipe: cannot be written: not a regular file"),
    ("--output onto a device", ("--output", "null"), "null: cannot be written: not a regular file"),
    ("--write-baseline onto a named pipe", ("--write-baseline", "pipe"), "pipe: cannot be written: not a regular file"),
]


@pytest.mark.parametrize("args,message", [o[1:] for o in OUTPUTS], ids=[o[0] for o in OUTPUTS])
def test_an_output_that_cannot_be_written_gets_one_clear_line(args, message, run_numcheck, tmp_path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "ro").mkdir()
    os.mkfifo(tmp_path / "pipe")
    os.symlink(os.devnull, tmp_path / "null")  # a device, without making one
    read_only(monkeypatch)
    before = tree(tmp_path)
    with deadline(300):  # a write that waits for a reader fails the test instead of hanging it
        code, out, err = run_numcheck(["a.txt", "--format", "json", *args], cwd=tmp_path)
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1 and f"numcheck: error: {message}" in err, err
    assert args[0] == "--summary" or out == ""
    assert {p for p in tree(tmp_path) if not p.startswith("cache/")} == set(before)
    assert stat.S_ISFIFO((tmp_path / "pipe").stat().st_mode) and os.readlink(tmp_path / "null") == os.devnull


def test_the_plugin_follows_no_link_either(pytester) -> None:
    """pytest's own walk follows links: through one to / it walked the whole disk (and hung)."""
    articles = pytester.path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(GOOD, encoding="utf-8")
    links(articles)  # a loop, a link to /, a dangling link, a link to itself, an article by another name
    result = pytester.runpytest("--numcheck", "articles", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_a_bug_on_one_article_skips_it_and_checks_the_rest(run_numcheck, tmp_path, bug_on_bad_txt) -> None:
    """An internal error while reading one article names that article, skips it (exit 2: the check
    is incomplete) and still checks and reports the others, with no traceback."""
    (tmp_path / "bad.txt").write_text("Five people were killed.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Three people were killed.\n", encoding="utf-8")
    code, out, err = run_numcheck([str(tmp_path), "--no-cache", "--format", "json"])
    assert code == 2
    assert "Traceback" not in err + out
    lines = [line for line in err.splitlines() if "bad.txt" in line]
    assert len(lines) == 1 and "numcheck failed on it (ZeroDivisionError: division by zero)" in lines[0]
    report = json.loads(out)
    status = {os.path.basename(a["path"]): a["status"] for a in report["articles"]}
    assert status == {"bad.txt": "skipped", "good.txt": "checked"}
    assert [c["surface"] for c in report["claims"]] == ["Three"]


# The plugin answers as the CLI: each case is (name, what to build below articles/, a conftest.py
# for the pytester session, whether scandir refuses "locked", arguments, exit code, outcomes, a line it must print).
PLUGIN = [
    ("an unreadable folder", {"a.txt": GOOD, "locked/b.txt": GOOD}, "", True, ("articles",), 2, None, "articles/locked"),
    (
        "an unreadable folder given as PATH",
        {"a.txt": GOOD, "locked/b.txt": GOOD},
        "",
        True,
        ("articles", "articles/locked"),
        2,
        None,
        "articles/locked",
    ),
    (
        "an article deleted after collection",
        {"a.txt": GOOD, "gone.txt": GOOD},
        "import os\ndef pytest_collection_finish(session):\n    os.unlink('articles/gone.txt')\n",
        False,
        ("articles",),
        1,
        {"passed": 1, "failed": 1},
        "articles/gone.txt: could not be read: No such file or directory",
    ),
    (
        "a hidden draft, as the CLI: not checked",
        {"a.txt": GOOD, ".draft.md": "Nine people were killed in the flood.\n"},
        "",
        False,
        ("articles",),
        0,
        {"passed": 1},
        None,
    ),
]


@pytest.mark.parametrize("name,files_,conftest,locked,args,code,outcomes,line", PLUGIN, ids=[p[0] for p in PLUGIN])
def test_the_plugin_answers_as_the_cli(name, files_, conftest, locked, args, code, outcomes, line, pytester, monkeypatch) -> None:
    for rel, text in files_.items():
        path = pytester.path / "articles" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if conftest:
        pytester.makeconftest(conftest)
    if locked:
        unlisted_folder(monkeypatch, pytester.path)
    result = pytester.runpytest("--numcheck", *args, "-p", "no:cacheprovider")
    assert result.ret == code, result.stdout.str()
    if outcomes:
        result.assert_outcomes(**outcomes)
    if line:
        assert line in result.stdout.str()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a folder without permission")
def test_a_folder_without_read_permission_fails_the_run(run_numcheck, tmp_path) -> None:
    """The real thing, where permissions hold (the in-process cases above always run)."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        code, _, err = run_numcheck([str(tmp_path), "--format", "json"])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert code == 2 and "locked: folder cannot be read: Permission denied" in err


def _many_claims(n: int) -> None:
    """n claims of one article, each looked up by id: the report asks this of every claim."""
    from numcheck.model import Claim
    from numcheck.store.claimbuild import Builder

    sentence = "1, " * n
    claims = [
        Claim(
            f"a.txt:1:{3 * i + 1}",
            "a.txt",
            ".",
            1,
            3 * i + 1,
            3 * i,
            3 * i + 1,
            "1",
            sentence,
            "count",
            1.0,
            1.0,
            1.0,
            None,
            "exact",
            sentence_start=0,
        )
        for i in range(n)
    ]
    builder = Builder()
    builder["a.txt"] = claims
    store = builder.seal(["a.txt"])
    marked = store.marked(bytearray([1]) * n)
    assert all(c.id in marked for c in claims) and store.row("a.txt:1:4") == 1 and store.row("a.txt:1:5") is None


def _many_facts(n: int) -> None:
    from numcheck.rules import rulefile

    text = (
        "[measures]\n"
        + "".join(f'm{i} = ["thing{i}"]\n' for i in range(n))
        + "".join(
            f'\n[[facts]]\nid = "f{i}"\nmeasure = "m{i % 7}"\nvalue = {i % 3 + 10}\ntolerance = 0.5\nsource = "s"\n'
            for i in range(n)
        )
    )
    book = rulefile.parse("many", "many.toml", text)
    assert len(book.facts) == n and book.facts[-1].line == len(text.splitlines()) - 5


# Inputs whose work grew with the square of their size (issue 15): each must do about twice the
# work at twice the size. Work is counted, not timed (timings belong in bench/superlinear.py, which
# times them at four sizes): the lines of Python run, all modules included, which grow with the
# square of n when a step rescans what it already read, as both of these did.
# (what, work of size n, n)
LINEAR = [
    ("150 KB line of '1, 1, 1, …': a claim looked up by id", _many_claims, 1_000),
    ("a rule file of 20,000 facts, each measure's facts agreeing", _many_facts, 1_000),
]


def _lines_run(work: Callable[[int], None], n: int) -> int:
    """How many lines of Python work(n) runs."""
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        count += event == "line"
        return local

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: local)
    try:
        work(n)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("work,n", [c[1:] for c in LINEAR], ids=[c[0] for c in LINEAR])
def test_odd_inputs_take_linear_work(work, n) -> None:
    with deadline(120):  # a guard against a hang, not a speed target
        small, large = _lines_run(work, n), _lines_run(work, 4 * n)
    assert large / small < 4.5, f"{small} lines at {n}, {large} at {4 * n}: more than linear"


# --- What numcheck keeps between runs (claims cache, the run's memo): never a wrong report ---

STORY = {"a.txt": "Five people were killed in the flood.\n", "b.txt": "Three people were killed in the flood.\n"}


def _entries(cache: Path, kind: str = "") -> list[Path]:
    """The claims cache's entries (kind ""), or its entries of reading an article ("articles")."""
    return sorted(p for p in cache.glob("*/*/*.json") if not kind) if not kind else sorted(cache.glob(f"*/{kind}/*/*.json"))


def _memo(cache: Path) -> Path:
    (memo,) = cache.glob("runs/*/*.memo")
    return memo


def changed_and_changed_back(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """b.txt says 'Five' while the run reads it, and 'Three' again before and after."""
    from numcheck.store import readcache

    real = readcache.load

    def load(path, date, cache):  # type: ignore[no-untyped-def]
        if not path.endswith("b.txt"):
            return real(path, date, cache)
        original = (root / "b.txt").read_bytes()
        (root / "b.txt").write_text(STORY["a.txt"], encoding="utf-8")
        try:
            return real(path, date, cache)
        finally:
            (root / "b.txt").write_bytes(original)

    monkeypatch.setattr(readcache, "load", load)


def interval_edited(monkeypatch: pytest.MonkeyPatch, root: Path, cache: Path) -> None:
    """b.txt's entry says 5 where it said 3 (its checksum line kept), and no memo hides it."""
    import shutil

    shutil.rmtree(cache / "runs")
    for entry in _entries(cache):
        head, _, body = entry.read_bytes().partition(b"\n")
        doc = json.loads(body)
        if "Three" in doc["strings"]:
            doc["columns"] = [[5.0 if v == 3.0 and type(v) is float else v for v in col] for col in doc["columns"]]
            entry.write_bytes(head + b"\n" + json.dumps(doc, ensure_ascii=False).encode())


def memo_bits_flipped(monkeypatch: pytest.MonkeyPatch, root: Path, cache: Path) -> None:
    memo = _memo(cache)
    data = bytearray(memo.read_bytes())
    data[-60] ^= 0x40  # in the arrays at its end, before the checksum
    memo.write_bytes(bytes(data))


def memo_cut(monkeypatch: pytest.MonkeyPatch, root: Path, cache: Path) -> None:
    memo = _memo(cache)
    memo.write_bytes(memo.read_bytes()[: memo.stat().st_size // 2])


def another_quantulum3(monkeypatch: pytest.MonkeyPatch, root: Path, cache: Path) -> None:
    """A new quantulum3 is installed (its folder's time changes) and reads b.txt differently."""
    from numcheck.attribute import claims as claims_module
    from numcheck.store import identity

    monkeypatch.setattr(identity, "installed", lambda: "python=3;quantulum3=99.0")
    monkeypatch.setattr(identity, "_mtime", lambda path: 1)
    real = claims_module.claims
    monkeypatch.setattr(claims_module, "claims", lambda a, book: [] if a.path.endswith("b.txt") else real(a, book))


def grown(monkeypatch: pytest.MonkeyPatch, root: Path, cache: Path) -> None:
    with open(root / "huge.txt", "r+b") as handle:
        handle.truncate(4 * 1024 * 1024)


def sparse_3mb(root: Path) -> None:
    with open(root / "huge.txt", "wb") as handle:
        handle.truncate(3 * 1024 * 1024)


@dataclass(frozen=True)
class Kept:
    """A corpus run once with the cache; `between` changes the cache, the files or what is
    installed; the next run must give what a run without any cache gives, and say so when it
    could not use what was kept (`said`); the run after it, healed, says nothing."""

    name: str
    between: Callable[[pytest.MonkeyPatch, Path, Path], None]
    said: str | None = None
    during: Callable[[pytest.MonkeyPatch, Path], None] | None = None  # only while the first run runs
    build: Callable[[Path], None] | None = None


KEPT = [
    Kept("2. a file changed and changed back during the run", lambda m, r, c: None, during=changed_and_changed_back),
    Kept("3. a stored interval edited in a claims-cache entry", interval_edited, "its checksum does not match"),
    Kept("3. bits flipped in the memo's arrays", memo_bits_flipped, "its checksum does not match"),
    Kept("5. another quantulum3 installed", another_quantulum3),
    Kept("7. a memo cut short", memo_cut, "was damaged"),
    Kept("10. a file over the size limit grows", grown, build=sparse_3mb),
]


def _report(out: str) -> dict:
    report = json.loads(out)
    report.pop("notes", None)
    return report


@pytest.mark.parametrize("case", KEPT, ids=[k.name for k in KEPT])
def test_what_is_kept_never_changes_the_report(case: Kept, run_numcheck, tmp_path, monkeypatch) -> None:
    root, cache = tmp_path / "in", tmp_path / "cache"
    root.mkdir()
    for name, text in STORY.items():
        (root / name).write_text(text, encoding="utf-8")
    if case.build:
        case.build(root)
    args = [".", "--format", "json", "--no-local-rules"]
    with monkeypatch.context() as patched:
        if case.during:
            case.during(patched, root)
        run_numcheck([*args, "--cache-dir", str(cache)], cwd=root)
    case.between(monkeypatch, root, cache)
    code, out, err = run_numcheck([*args, "--cache-dir", str(cache)], cwd=root)
    expected_code, expected, _ = run_numcheck([*args, "--no-cache"], cwd=root)
    assert (code, _report(out)) == (expected_code, _report(expected)), err
    if case.said:
        assert case.said in err
    code, out, err = run_numcheck([*args, "--cache-dir", str(cache)], cwd=root)
    assert (code, _report(out)) == (expected_code, _report(expected))
    assert "rebuilt" not in err and "damaged" not in err  # healed


# --- 9. What numcheck writes is escaped for its reader: no workflow command, no control character ---

KILLED = "Officials said {} people were killed in the flood.\n"
WORKFLOW_NAME = "x\n::error title=pwned::boom.txt"  # a file name with a line of its own
ESCAPES_TEXT = "\x1b[2J\x1b]8;;http://evil.example/8\x1b\\Officials\x1b]8;;\x1b\\ said 12 people were killed in the flood.\n"


def no_workflow_command(out: str, err: str) -> None:
    ours = re.compile(r"::(error|warning) file=|::notice title=numcheck::")
    for line in (out + err).splitlines():
        assert not line.lstrip().startswith("::") or ours.match(line), line


def no_control(out: str, err: str) -> None:
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", out + err), repr(out + err)


def both(*checks: Callable[[str, str], None]) -> Callable[[str, str], None]:
    def check(out: str, err: str) -> None:
        for c in checks:
            c(out, err)

    return check


def csv_neutralised(out: str, err: str) -> None:
    import csv

    rows = list(csv.reader(io.StringIO(out)))[1:]
    cells = [c for row in rows for c in (row[0], row[1])]  # id and path
    assert cells and all(c[0] not in "=+-@" for c in cells), cells


def no_html(out: str, err: str) -> None:
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out


def one_row_a_line(out: str, err: str) -> None:
    lines = out.splitlines()
    rows = [ln for ln in lines if ln.startswith("|")]
    assert rows and not any(ln.startswith(("b.txt", "::")) for ln in lines) and "a\\nb.txt" in out


def no_figure_in_escapes(out: str, err: str) -> None:
    report = json.loads(out)
    surfaces = [c["surface"] for c in report["claims"] if c["path"].endswith("esc.txt")]
    assert surfaces == ["12"], surfaces


INJECTIONS = [  # (what, files, format, check of stdout and stderr)
    (
        "a file name that writes a workflow command on stderr",
        {WORKFLOW_NAME: b"\x00binary"},
        "table",
        both(no_workflow_command, no_control),
    ),
    (
        "the table wraps article text to a line starting '::error::'",
        {"a.txt": "Officials said 12 people were killed ::error::pwned in the flood.\n", "b.txt": KILLED.format(30)},
        "table",
        no_workflow_command,
    ),
    *(
        (
            f"terminal escapes in text and names, {fmt}",
            {"esc\x1b]8;;http:e\x1b\\.txt": ESCAPES_TEXT, "b.txt": KILLED.format(30)},
            fmt,
            both(no_control, no_workflow_command),
        )
        for fmt in ("table", "markdown", "csv", "github", "json", "sarif")
    ),
    ("no figure read inside an escape sequence", {"esc.txt": ESCAPES_TEXT}, "json", no_figure_in_escapes),
    (
        "CSV cells starting with = + - @ (ids, paths)",
        {"=HYPERLINK(1).txt": KILLED.format(12), "-2+3.txt": KILLED.format(30), "@SUM(1).txt": KILLED.format(40)},
        "csv",
        csv_neutralised,
    ),
    (
        "raw HTML in the --summary Markdown",
        {"<img src=x onerror=alert(1)>.txt": KILLED.format(12), "b.txt": KILLED.format(30)},
        "summary",
        no_html,
    ),
    (
        "a newline in a file name splits a Markdown row",
        {"a\nb.txt": KILLED.format(12), "c.txt": KILLED.format(30)},
        "markdown",
        one_row_a_line,
    ),
]


@pytest.mark.parametrize("files_,fmt,check", [i[1:] for i in INJECTIONS], ids=[i[0] for i in INJECTIONS])
def test_output_is_escaped_for_its_reader(files_, fmt, check, run_numcheck, tmp_path) -> None:
    for name, data in files_.items():
        (tmp_path / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    args = ["--format", "table", "--summary", "s.md"] if fmt == "summary" else ["--format", fmt]
    code, out, err = run_numcheck([*args, "--no-local-rules", "--", *sorted(files_)], cwd=tmp_path)  # paths as named
    if fmt == "summary":
        out = (tmp_path / "s.md").read_text(encoding="utf-8")
    check(out, err)


def test_json_on_a_stream_that_writes_raw_bytes_stays_utf8(run_numcheck, tmp_path, monkeypatch) -> None:
    """Python's stdout in the C locale writes a lone surrogate as the byte it came from."""
    from numcheck.cli import main as cli

    (tmp_path / NOT_UTF8).write_text(KILLED.format(12), encoding="utf-8")
    for fmt in ("json", "sarif", "table", "csv"):
        buffer = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8", errors="surrogateescape"))
        cli.main([str(tmp_path), "--format", fmt, "--no-local-rules"])
        sys.stdout.flush()
        text = buffer.getvalue().decode("utf-8")  # strictly
        if fmt == "json":
            assert [os.fsencode(a["path"]).endswith(b"bad\xff.txt") for a in json.loads(text)["articles"]] == [True]


# --- 10. Smaller ones: a link given as PATH, the HTML report of many articles ---


def test_a_link_given_as_path_is_not_followed_either(run_json, tmp_path) -> None:
    """As for links inside folders: listed, never followed out of the tree (with or without a slash)."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(KILLED.format(12), encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(KILLED.format(30), encoding="utf-8")
    os.symlink(tmp_path / "outside", tmp_path / "in" / "link")
    os.symlink(tmp_path / "outside" / "secret.txt", tmp_path / "in" / "file.txt")
    for named in ("link", "link/", "file.txt"):
        code, report, err = run_json(["a.txt", named], cwd=tmp_path / "in")
        assert code == 0 and report["claims"] and all(c["path"] == "a.txt" for c in report["claims"]), named
        (skip,) = [a for a in report["articles"] if a["status"] == "skipped"]
        assert skip["path"] == named and skip["reason"].startswith("symbolic link, not followed")


def _page(n: int, tmp_path: Path, run_numcheck) -> int:
    folder = tmp_path / f"story{n}"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text("Officials said five people were killed in the flood.\n", encoding="utf-8")
    code, _, err = run_numcheck(
        [str(folder), "--format", "html", "--output", str(tmp_path / f"{n}.html"), "--no-local-rules", "--no-cache"]
    )
    assert code == 0, err
    return (tmp_path / f"{n}.html").stat().st_size


def test_the_html_page_grows_with_the_corpus_not_its_square(run_numcheck, tmp_path) -> None:
    """One agreement of every article: each figure's panel listed the other n - 1 (514 MB at 5,000)."""
    small, large = _page(100, tmp_path, run_numcheck), _page(400, tmp_path, run_numcheck)
    assert large < 4.6 * small, (small, large)


# --- A property over classes 3 and 7: any single-bit change to any file of the cache or the memo
# gives the report a run without any cache gives, or says it could not use what it kept. ---


@pytest.fixture(scope="module")
def kept_cache(tmp_path_factory) -> tuple[Path, Path, list[Path], tuple[int, dict]]:
    from numcheck.cli.main import main

    root, cache = tmp_path_factory.mktemp("bits-in"), tmp_path_factory.mktemp("bits") / "cache"
    for name, text in {**STORY, "c.md": "---\ndate: 2024-03-01\n---\nSome 40 homes were flooded.\n"}.items():
        (root / name).write_text(text, encoding="utf-8")
    here = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            code = main([".", "--format", "json", "--no-local-rules", "--no-cache"])
        with contextlib.redirect_stdout(io.StringIO()):
            main([".", "--format", "json", "--no-local-rules", "--cache-dir", str(cache)])
    finally:
        os.chdir(here)
    stored = sorted(p for p in cache.rglob("*") if p.is_file())
    assert any(p.suffix == ".memo" for p in stored) and len(stored) > 5
    return root, cache, stored, (code, _report(out.getvalue()))


@settings(
    max_examples=int(os.environ.get("NUMCHECK_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(which=st.integers(min_value=0), bit=st.integers(min_value=0))
def test_any_single_bit_change_to_the_cache_is_no_cache_or_a_stated_miss(kept_cache, which, bit, tmp_path_factory) -> None:
    import shutil

    from numcheck.cli.main import main

    root, pristine, stored, (expected_code, expected) = kept_cache
    cache = tmp_path_factory.mktemp("flipped") / "cache"
    shutil.copytree(pristine, cache)
    target = cache / stored[which % len(stored)].relative_to(pristine)
    data = bytearray(target.read_bytes())
    if data:
        data[(bit // 8) % len(data)] ^= 1 << (bit % 8)
        target.write_bytes(bytes(data))
    here = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()) as err:
            code = main([".", "--format", "json", "--no-local-rules", "--cache-dir", str(cache)])
    finally:
        os.chdir(here)
        shutil.rmtree(cache.parent, ignore_errors=True)
    report = _report(out.getvalue())
    assert (code, report) == (expected_code, expected), (target.relative_to(cache), err.getvalue())
