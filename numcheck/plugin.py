"""numcheck as a pytest plugin: each article is a test that fails on its findings.

Inactive until `--numcheck` or the `numcheck_paths` ini option is given. The whole corpus is
checked once per session (cross-article conflicts need every article) and each article's item
reports the findings that concern it, as pytest-mypy does for files. Rule files are items too.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import os
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from pathlib import Path

import pytest

from numcheck.errors import NumcheckError
from numcheck.read.files import ARTICLE_SUFFIXES, incomplete
from numcheck.report.escape import surrogates, terminal, visible
from numcheck.model import Claim, Finding, Report

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr, TracebackStyle  # pytest's own annotations of Node.repr_failure

_REPORT = pytest.StashKey[object]()
_ROOTS = pytest.StashKey[list[Path]]()
_INDEX = pytest.StashKey["_Index"]()
_SERIAL = pytest.StashKey[bool]()
_LEVELS = {"error": ("error",), "warning": ("error", "warning")}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("numcheck", "numeric claim consistency of articles")
    group.addoption("--numcheck", action="store_true", help="check .txt/.md articles under the given paths with numcheck")
    group.addoption("--numcheck-rules", action="append", default=[], metavar="DIR", help="add a rules folder (repeatable)")
    group.addoption("--numcheck-date", metavar="YYYY-MM-DD", help="date of articles that give none")
    group.addoption("--numcheck-fail-on", choices=sorted(_LEVELS), help="lowest finding level that fails an article")
    parser.addini("numcheck_paths", type="args", help="article folders to check (turns the plugin on)", default=[])
    parser.addini("numcheck_rules", type="args", help="rules folders to add", default=[])
    parser.addini("numcheck_date", help="date of articles that give none (YYYY-MM-DD)", default="")
    parser.addini("numcheck_fail_on", help="error (default) or warning", default="error")


def _roots(config: pytest.Config) -> list[Path]:
    """The article paths, absolute as pytest makes its own (no link resolved): a link given is
    then the link, which numcheck does not follow, as the CLI does not, and a folder reached
    through a link holds the very paths pytest collects below it."""
    ini = config.getini("numcheck_paths")
    if ini:
        base = Path(config.inipath).parent if config.inipath else config.rootpath
        return [_absolute(base / p) for p in ini]
    if config.getoption("numcheck"):
        return [_absolute(Path(a.split("::")[0])) for a in config.args]
    return []


def _absolute(path: Path) -> Path:
    """The path made absolute and normal ('a/../b' is 'b'), its links kept, as pytest's are."""
    return Path(os.path.abspath(path))


def pytest_configure(config: pytest.Config) -> None:
    _check_rootdir(config)
    roots = _roots(config)
    config.stash[_ROOTS] = roots
    if roots and config.getini("numcheck_paths") and config.args_source != pytest.Config.ArgsSource.ARGS:
        config.args.extend(str(r) for r in roots if str(r) not in config.args)
    fail_on = config.getoption("numcheck_fail_on") or config.getini("numcheck_fail_on") or "error"
    if fail_on not in _LEVELS:
        raise pytest.UsageError(f"numcheck_fail_on must be error or warning, not {fail_on!r}")
    config.addinivalue_line("markers", "numcheck: a numcheck article or rules check")
    if roots:
        config.pluginmanager.register(_Session(config), "numcheck-session")
        if getattr(config.option, "numprocesses", None) and _only_articles(config, roots):
            # The corpus is checked once per process whatever -n says: workers would each start
            # pytest and numcheck for nothing, so a numcheck-only session runs in this process.
            config.option.dist = "no"
            config.stash[_SERIAL] = True


_VALUED = ("--numcheck-rules", "--numcheck-date", "--numcheck-fail-on")


def _check_rootdir(config: pytest.Config) -> None:
    """A UsageError when the value of one of our options, written as a separate word, moved
    pytest's rootdir or configuration file.

    pytest chooses its rootdir and reads its configuration before it loads plugins from their
    entry points, so while it does, `--numcheck-rules` is an option it does not know, and the
    folder after it reads as a test path: `--numcheck-rules /elsewhere/rules` made the common
    ancestor of the paths `/`, or found `/elsewhere/pyproject.toml`, and every failure printed as
    `../../../...` (or another project's configuration was read). The run cannot be repaired
    once configured, so it stops and says to write `--numcheck-rules=DIR`, which pytest
    always reads as one option."""
    if hasattr(config, "workerinput"):  # an xdist worker: the controller has checked
        return
    words = shlex.split(os.environ.get("PYTEST_ADDOPTS", "")) + list(config.invocation_params.args)
    pairs = [(w, words[i + 1]) for i, w in enumerate(words[:-1]) if w in _VALUED and os.path.exists(words[i + 1])]
    if not pairs:  # pytest counts only paths that exist
        return
    values = [v for _, v in pairs]
    given = [str(a) for a in getattr(config.option, "file_or_dir", None) or () if str(a) not in values]
    try:  # lazy: pytest's own rootdir logic, only when a value could have misled it
        from _pytest.config.findpaths import determine_setup

        def setup(args: list[str]) -> tuple[object, object]:
            wanted = inspect.signature(determine_setup).parameters
            known = {
                "inifile": config.option.inifilename,
                "args": args,
                "rootdir_cmd_arg": config.option.rootdir or None,
                "invocation_dir": config.invocation_params.dir,
                "override_ini": config.option.override_ini,
            }
            rootpath, inipath, *_ = determine_setup(**{k: v for k, v in known.items() if k in wanted})
            return rootpath, inipath

        moved = setup(given + values) != setup(given)
    except Exception:  # another pytest: its private logic cannot be asked, nothing is claimed
        return
    if moved:
        option, value = pairs[0]
        raise pytest.UsageError(
            f"numcheck: pytest took {value!r}, the value of {option}, for a test path when it chose its rootdir "
            f"({config.rootpath}) and configuration file, before numcheck's options were known; "
            f"write {option}={shlex.quote(value)}, as one word"
        )


def _only_articles(config: pytest.Config, roots: list[Path]) -> bool:
    """Whether the session collects numcheck items only: every argument below the article
    folders and no Python test module below them."""
    if not all(_under(_absolute(Path(a.split("::")[0])), roots) for a in config.args):
        return False
    for root in roots:
        if root.is_file() and root.suffix.lower() not in ARTICLE_SUFFIXES:
            return False
        for _folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            if any(f.endswith(".py") and (f.startswith("test_") or f.endswith("_test.py")) for f in files):
                return False
    return True


def pytest_report_header(config: pytest.Config) -> list[str]:
    if config.stash.get(_SERIAL, False):
        return ["numcheck: only articles to check, so one process (-n would start workers that each check them all)"]
    return []


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A symbolic link below the article folders is not followed, as the CLI follows none: pytest
    would walk the whole disk through a link to / and loop through a link to a parent."""
    roots = config.stash.get(_ROOTS, [])
    if roots and collection_path.is_symlink() and _under(collection_path.parent, roots):
        return True
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """An article folder given as a link is one item, skipped with the CLI's reason (numcheck
    does not follow it): pytest would walk the folder it leads to, collect articles numcheck
    never read, and (before) pass with no test run while numcheck had checked them."""
    if path in parent.config.stash.get(_ROOTS, []) and path.is_symlink():
        return LinkedFolder.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    config = parent.config
    roots = config.stash.get(_ROOTS, [])
    if not roots:
        return None
    if (
        file_path.suffix.lower() in ARTICLE_SUFFIXES
        and _under(file_path, roots)
        and not _hidden(file_path, roots)
        and not _in_rules(file_path, config)
    ):
        return ArticleFile.from_parent(parent, path=file_path)
    if file_path.suffix == ".toml" and _in_rules(file_path, config):
        return RulesFile.from_parent(parent, path=file_path)
    return None


def _hidden(path: Path, roots: list[Path]) -> bool:
    """The CLI's rule: a hidden file or folder below the paths given is not checked (a draft, .git)."""
    return any(part.startswith(".") for r in roots if path == r or r in path.parents for part in path.relative_to(r).parts)


def _rule_dirs(config: pytest.Config) -> list[str]:
    base = Path(config.inipath).parent if config.inipath else config.rootpath
    dirs = [str((base / d).resolve()) for d in config.getini("numcheck_rules")]
    dirs += [str(Path(d).resolve()) for d in config.getoption("numcheck_rules")]
    return dirs


def _in_rules(path: Path, config: pytest.Config) -> bool:
    local = (config.invocation_params.dir / "rules").resolve()
    dirs = [Path(d) for d in _rule_dirs(config)] + ([local] if local.is_dir() else [])
    return path.parent.resolve() in dirs


class NumcheckFailure(Exception):
    """An article's findings or a rule file's error: shown as text, never as a traceback."""


class ArticleFile(pytest.File):
    def collect(self):
        yield ArticleItem.from_parent(self, name="numcheck")


class LinkedFolder(pytest.Directory):
    def collect(self):
        yield ArticleItem.from_parent(self, name="numcheck")


class RulesFile(pytest.File):
    def collect(self):
        yield RulesItem.from_parent(self, name="numcheck-rules")


class _Item(pytest.Item):
    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None
    ) -> str | TerminalRepr:
        if excinfo.errisinstance(NumcheckFailure):
            return surrogates(terminal(str(excinfo.value)))  # a file name's or rule's controls, escaped
        return super().repr_failure(excinfo)


class ArticleItem(_Item):
    """One article: fails when a finding at or above the fail-on level concerns it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_marker("numcheck")
        self._line = 0

    def runtest(self) -> None:
        from numcheck.report import terminal  # lazy: the report's words, only when an item fails

        report = _report(self.config)
        if isinstance(report, str):
            raise NumcheckFailure(f"numcheck could not run: {report}")
        assert isinstance(report, Report)
        index = _index(self.config, report)
        mine = index.real(str(self.path))
        if mine in index.skipped:
            if incomplete(index.skipped[mine]) and not index.skipped[mine].startswith("excluded"):
                raise NumcheckFailure(f"{self.shown}: {index.skipped[mine]}")
            pytest.skip(f"{self.shown}: {index.skipped[mine]}")  # as the CLI: listed, and the run passes
        if mine not in index.checked:  # gone (or replaced) since it was collected: the CLI exits 2 for it
            raise NumcheckFailure(f"{self.shown}: could not be read: {_why_unread(self.path)}")
        if index.hidden_folders:  # the CLI exits 2: what is in them was never compared with this article
            raise NumcheckFailure(f"{self.shown}: not checked against every article: " + "; ".join(index.hidden_folders))
        concerning = index.findings.get(mine, [])
        if not concerning:
            return
        cited = {c: index.by_id[c] for f in concerning for c in f.claims}
        lines = [c.line for c in cited.values() if index.real(c.path) == mine]
        self._line = min(lines) - 1 if lines else 0
        cols = self.config.get_terminal_writer().fullwidth
        body = "\n".join(terminal.findings_text(concerning, cited, cols)).strip("\n")
        head = terminal.headline(concerning, cited, str(self.path))  # pytest's short summary shows this line
        raise NumcheckFailure(
            f"{head}\n{self.shown}: {len(concerning)} numcheck finding{'s' if len(concerning) != 1 else ''}\n\n{body}"
        )

    @property
    def shown(self) -> str:
        """The article's path as the user would type it: relative to where pytest was started
        (on one line: a newline in a file name is written \\n)."""
        return visible(self.nodeid.split("::")[0])

    def reportinfo(self):
        return self.path, self._line, f"numcheck: {self.shown}"


class RulesItem(_Item):
    """One rules file: fails with `path:line: what is wrong`."""

    def runtest(self) -> None:
        from numcheck.rules import rulefile  # lazy: pytest loads this plugin in every session; only --numcheck reads rules

        try:
            rulefile.parse(self.path.stem, str(self.path), rulefile.read(str(self.path)))
        except NumcheckError as exc:
            raise NumcheckFailure(str(exc)) from None

    def reportinfo(self):
        return self.path, 0, f"numcheck rules: {self.path.name}"


@dataclass
class _Index:
    """The report by article, made once per session: each item looking through every finding and
    resolving every claim's file made a 10,000-article run quadratic (hours with -n 2)."""

    by_id: Mapping[str, Claim]
    findings: dict[str, list[Finding]]  # absolute path -> the findings at or above fail-on that cite it, in report order
    skipped: dict[str, str]  # absolute path -> why it was skipped (the first reason)
    real: Callable[[str], str]  # a report's path as the absolute path pytest collects it at
    checked: set[str] = field(default_factory=set)  # absolute paths of the articles checked
    hidden_folders: list[str] = field(default_factory=list)  # "folder: why" for folders that could not be read


def _index(config: pytest.Config, report: Report) -> _Index:
    if _INDEX not in config.stash:
        fail_on = _LEVELS[config.getoption("numcheck_fail_on") or config.getini("numcheck_fail_on") or "error"]
        here = str(config.invocation_params.dir)  # what the run's relative paths are relative to (_report)
        real = functools.lru_cache(maxsize=None)(lambda p: os.path.normpath(os.path.join(here, p)))
        index = _Index(report.claims.by_id(), {}, {}, real)
        for f in report.findings:
            if f.level in fail_on:
                for path in dict.fromkeys(real(index.by_id[c].path) for c in f.claims):
                    index.findings.setdefault(path, []).append(f)
        for s in report.skipped:
            index.skipped.setdefault(real(s.path), s.reason)
            if s.reason.startswith("folder cannot be read"):
                index.hidden_folders.append(f"{s.path}: {s.reason}")
        index.checked = {real(a.path) for a in report.articles}
        config.stash[_INDEX] = index
    return config.stash[_INDEX]


def _why_unread(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.strerror or str(exc)
    return "it changed after it was collected"


def _report(config: pytest.Config) -> object:
    """The corpus checked once per session (per xdist worker); a string when it could not run."""
    if _REPORT not in config.stash:
        from numcheck.run.pipeline import (  # lazy: pytest loads this plugin in every session; only --numcheck runs numcheck
            Options,
            run,
        )

        date_text = config.getoption("numcheck_date") or config.getini("numcheck_date") or None
        try:
            date = dt.date.fromisoformat(date_text) if date_text else None
            here = config.invocation_params.dir
            roots = [
                os.path.relpath(r, here) if here in r.parents else str(r) for r in config.stash[_ROOTS] if os.path.lexists(r)
            ]
            cache = getattr(config, "cache", None)  # pytest's cache folder (.pytest_cache), unless -p no:cacheprovider
            config.stash[_REPORT] = run(
                Options(tuple(roots), tuple(_rule_dirs(config)), date, cache_dir=str(cache.mkdir("numcheck")) if cache else None)
            )
        except NumcheckError as exc:
            config.stash[_REPORT] = str(exc)
        except ValueError:
            config.stash[_REPORT] = f"numcheck_date {date_text!r} is not a YYYY-MM-DD date"
    return config.stash[_REPORT]


class _Session:
    """What the plugin does around the items: one run before xdist's workers start (they then
    find its memo and load no parser), JUnit names, and no article checked as exit 2."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        if getattr(self.config.option, "numprocesses", None) and not hasattr(self.config, "workerinput"):
            _report(self.config)  # the controller checks once; each worker's run is then a memo hit

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """JUnit's classname is the article's path as written ('articles/fire/a.txt'), not
        'articles.fire.a.txt', whose dots read as packages."""
        path, _, name = report.nodeid.rpartition("::")
        if name not in ("numcheck", "numcheck-rules") or "::" in path:
            return
        from _pytest.junitxml import xml_key  # lazy: only a run with --junitxml names JUnit classes

        xml = self.config.stash.get(xml_key, None)
        if xml is not None:
            xml.node_reporter(report).add_attribute("classname", path)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        """No article checked (an empty folder, every file skipped) is exit 2, never green."""
        if hasattr(self.config, "workerinput") or exitstatus not in (0, 1, 5):
            return
        report = _report(self.config)
        if isinstance(report, Report) and not report.articles:
            roots = " ".join(os.path.relpath(r) for r in self.config.stash.get(_ROOTS, []))
            reporter = self.config.pluginmanager.get_plugin("terminalreporter")
            if reporter is not None:
                reporter.write_line(f"numcheck: error: no article checked under {roots}", red=True, bold=True)
            session.exitstatus = 2
