"""numcheck as editors and CI maintainers use it day to day (issue 17): a terminal's width, words
without a manual, linters' conventions, configuration, exclusions, nothing checked is an error."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT
from stories import FIVE, THREE, conflict_story, write

CASES = ROOT / "tests" / "cases"
PLACE = re.compile(r"\S+\.(?:txt|md):\d+:\d+")
TOLL = {
    "quake/2023-01-06-morning.md": "One person was killed in the earthquake, officials said.\n",
    "quake/2023-01-07-update.md": "The death toll from the earthquake rose to 24, officials said on Saturday.\n",
    "quake/2023-01-08-late.md": "The death toll from the earthquake rose to 31 on Sunday, the ministry said.\n",
}


# --- sized to the terminal -------------------------------------------------------------------


@pytest.mark.parametrize("cols", [80, 120])
def test_lines_fit_the_terminal_and_places_are_never_cut(run_numcheck, monkeypatch, cols) -> None:
    monkeypatch.setenv("COLUMNS", str(cols))
    code, out, _ = run_numcheck(["articles", "-v"], cwd=CASES / "toll-updates")
    assert code == 1
    assert max(len(line) for line in out.splitlines()) <= cols
    for where in (
        "articles/2023-01-07-update.md:6:1",
        "articles/2023-01-06-morning.md:6:1",
        "articles/2023-01-06-morning.md:5:1",
        "articles/2023-01-07-update.md:5:44",
    ):
        assert where in out  # whole, on one line


def test_columns_changes_the_layout(run_numcheck, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    narrow = run_numcheck(["articles"], cwd=CASES / "toll-updates")[1]
    monkeypatch.setenv("COLUMNS", "160")
    wide = run_numcheck(["articles"], cwd=CASES / "toll-updates")[1]
    assert len(wide.splitlines()) < len(narrow.splitlines())
    assert max(map(len, wide.splitlines())) > 80


def test_default_shows_what_needs_action_and_verbose_the_rest(run_numcheck, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run_numcheck(["articles"], cwd=CASES / "hedges")
    assert code == 1 and "Conflicts" in out and "F1 error" in out
    assert "Agreements" not in out and "Figures compared" not in out and "F2 info" not in out
    assert out.splitlines()[-1].strip() and "numcheck " in out
    _, verbose, _ = run_numcheck(["articles", "--verbose"], cwd=CASES / "hedges")
    assert "Agreements" in verbose and "F2 info" in verbose and "Figures compared" in verbose


def test_a_clean_run_is_a_few_lines(run_numcheck, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = run_numcheck(["seeds/"], cwd=ROOT)
    assert code == 0 and err == "" and len(out.splitlines()) <= 3
    assert "no errors or warnings" in " ".join(out.split())


def test_skipped_non_articles_are_quiet_unless_verbose(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    write(tmp_path, {"bridge/notes.toml": "x = 1\n", "bridge/.hidden/a.md": "Two died.\n"})
    _, out, _ = run_numcheck([str(tmp_path / "bridge")])
    assert "notes.toml" not in out and ".hidden" not in out
    _, out, _ = run_numcheck([str(tmp_path / "bridge"), "-v"])
    assert "notes.toml" in out and ".hidden" in out


def test_colour_on_request_only(run_numcheck, tmp_path, monkeypatch) -> None:
    conflict_story(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b[" not in run_numcheck([str(tmp_path / "bridge")])[1]  # piped: plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[1;31merror\x1b[0m" in run_numcheck([str(tmp_path / "bridge")])[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run_numcheck([str(tmp_path / "bridge")])[1]


def test_colour_follows_the_terminal(monkeypatch) -> None:
    from numcheck.report import terminal

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert terminal.use_colour(Tty()) and not terminal.use_colour(None)
    monkeypatch.setenv("NO_COLOR", "")  # empty: not set, as no-color.org says
    assert terminal.use_colour(Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not terminal.use_colour(Tty())


# --- words an editor reads without a manual -------------------------------------------------------


def test_hedges_are_words(run_numcheck, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run_numcheck(["articles", "--claims"], cwd=CASES / "hedges")
    # "almost 50" is about 50, stopping short of it
    for words in ("about 40 (38–42)", "at least 213", "about 50 (42.5–50)", "exactly 12"):
        assert words in out
    assert "at_least" not in out and "approx" not in out and "exact " not in out
    _, seeds, _ = run_numcheck(["seeds/", "--claims"], cwd=ROOT)
    assert "between 20,000 and 30,000" in seeds and "February 2022" in seeds


@pytest.mark.parametrize(
    "args, phrase",
    [
        (("killed", None, "2012-01-01..2012-12-31"), "people killed in 2012"),
        (("date", "arrest of and"), "date of the arrest"),
        (("date", "fire of the"), "date of the fire"),
        (("population", "bakhmut", "before russian-invasion"), "population of bakhmut before russian invasion"),
        (("killed", None, "on sunday", "harrowdale"), "people killed in harrowdale on sunday"),
        (("revenue", None, None, None, None, "part"), "part of the revenue"),
        (("killed", None, None, None, None, "with_perpetrator"), "people killed (with the perpetrator)"),
        (("date", None, "2022-02-01..2022-02-28"), "date in February 2022"),
        ((None,), "a figure (what it counts is not said)"),
    ],
)
def test_what_a_figure_counts_is_a_phrase(args, phrase) -> None:
    from numcheck.report.render_text import phrase as make

    assert make(*args) == phrase


def test_a_rising_toll_is_an_update_oldest_first(run_numcheck, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    write(tmp_path, TOLL)
    code, out, _ = run_numcheck([str(tmp_path / "quake")])
    assert "Updates" in out and "Conflicts" not in out
    places = [m.group(0).rsplit("/", 1)[-1] for m in PLACE.finditer(out)]
    assert places == sorted(places)  # oldest report first
    assert re.search(r"rose from 'One' .* to '24' .* to '31'", out)
    _, md, _ = run_numcheck([str(tmp_path / "quake"), "--format", "markdown"])
    assert "## Updates" in md and "## Conflicts" not in md
    assert md.index("2023-01-06") < md.index("2023-01-07") < md.index("2023-01-08")


def test_summary_in_plain_words() -> None:
    from numcheck.report.summary import Summary

    line = Summary(2, 0, 25, 6, 17, 0, 0, 7).line()
    assert line.startswith(
        "2 articles checked; 25 figures read; 6 checked against a rule or another article; "
        "19 with nothing to check against; no errors or warnings"
    )
    assert "unattributed" not in line and "matched" not in line


# --- the conventions of linters --------------------------------------------------------------------


def test_concise_is_one_line_a_finding(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path)
    write(tmp_path, {"bridge/c.md": "The survey found that 120% of voters backed the plan.\n"})
    code, out, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "concise"])
    lines = out.splitlines()
    assert code == 1 and len(lines) == 3
    root = str(tmp_path / "bridge")
    assert re.fullmatch(
        rf"{re.escape(root)}/b\.md:1:16: error conflict: people killed.* cannot both be true; "
        rf"see {re.escape(root)}/a\.md:1:1 \[conflict\]",
        lines[0],
    )
    assert re.fullmatch(rf"{re.escape(root)}/c\.md:1:23: warning rule: .*more than the whole \[builtin\.percent-max\]", lines[1])
    assert lines[2].startswith("numcheck ")
    _, quiet, _ = run_numcheck([str(tmp_path / "bridge"), "--format", "concise", "-q"])
    assert quiet.splitlines() == lines[:2]


def test_two_tops_say_their_tops_differ(run_numcheck) -> None:
    """'up to 120' and 'as many as 210' overlap as intervals: the message says what differs, the tops."""
    case = ROOT / "tests" / "cases" / "stated-tops" / "articles"
    code, out, _ = run_numcheck([str(case), "--format", "concise", "--no-cache"])
    first = out.splitlines()[0]
    assert code == 1 and "'up to 120' (up to 120, " in first and "(up to 210, " in first
    assert "the tops they reach differ" in first and "cannot both be true" not in first


def test_quiet_prints_nothing_when_all_is_well(run_numcheck) -> None:
    code, out, err = run_numcheck(["seeds/", "-q"], cwd=ROOT)
    assert code == 0 and out == "" and err == ""


def test_dash_capital_v_is_the_version(run_numcheck) -> None:
    from numcheck import __version__

    assert run_numcheck(["-V"])[:2] == (0, f"numcheck {__version__}\n")


def test_help_lists_every_subcommand(run_numcheck) -> None:
    code, out, _ = run_numcheck(["--help"])
    assert code == 0
    for words in (
        "numcheck explain",
        "numcheck rules",
        "--format",
        "concise",
        "--exclude",
        "--quiet",
        "--verbose",
        "[tool.numcheck]",
        "numcheck.toml",
    ):
        assert words in out


def test_fail_on_warning(run_numcheck, tmp_path) -> None:
    write(tmp_path, {"poll/a.md": "The survey found that 120% of voters backed the plan.\n"})
    assert run_numcheck([str(tmp_path / "poll")])[0] == 0
    assert run_numcheck([str(tmp_path / "poll"), "--fail-on", "warning"])[0] == 1


# --- configuration, like ruff's and Vale's ------------------------------------------------------------


def test_pyproject_table_gives_paths_and_excludes(run_numcheck, tmp_path) -> None:
    conflict_story(tmp_path / "articles")
    write(tmp_path, {"README.md": "Five people read this 3 times.\n", "articles/bridge/draft.md": THREE + FIVE})
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.numcheck]\npaths = ["articles", "README.md"]\n'
        'exclude = ["README.md", "draft.md"]\nformat = "concise"\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    code, out, err = run_numcheck([], cwd=tmp_path)
    assert code == 1, err
    assert out.startswith("articles/bridge/b.md:1:16: error conflict:")  # the configured format
    assert "README" not in out and "draft" not in out
    code, out, _ = run_numcheck(["--format", "json"], cwd=tmp_path / "articles" / "bridge")  # found from below
    assert code == 1 and '"schema": 1' in out


def test_numcheck_toml_and_flags_override(run_numcheck, tmp_path) -> None:
    write(
        tmp_path,
        {
            "news/poll.md": "The survey found that 120% of voters backed the plan.\n",
            "numcheck.toml": 'paths = ["news"]\nfail-on = "warning"\ndate = "2024-05-01"\n',
        },
    )
    assert run_numcheck([], cwd=tmp_path)[0] == 1
    assert run_numcheck(["--fail-on", "error"], cwd=tmp_path)[0] == 0
    assert run_numcheck(["--isolated", "news"], cwd=tmp_path)[0] == 0
    code, _, err = run_numcheck(["--isolated"], cwd=tmp_path)
    assert code == 2 and "no PATH given" in err


def test_a_mistake_in_the_configuration_names_the_file(run_numcheck, tmp_path) -> None:
    (tmp_path / "numcheck.toml").write_text('paths = "news"\n', encoding="utf-8")
    code, out, err = run_numcheck([], cwd=tmp_path)
    assert code == 2 and err == f"numcheck: error: {tmp_path / 'numcheck.toml'}: setting 'paths' must be a list of strings\n"
    (tmp_path / "numcheck.toml").write_text('path = ["news"]\n', encoding="utf-8")
    code, out, err = run_numcheck([], cwd=tmp_path)
    assert code == 2 and "unknown setting 'path'" in err


def test_no_path_and_no_configuration_is_a_usage_error(run_numcheck, tmp_path) -> None:
    code, out, err = run_numcheck([], cwd=tmp_path)
    assert code == 2 and out == "" and "nothing to check: no PATH given" in err


def test_exclude_globs(run_json, tmp_path) -> None:
    write(
        tmp_path,
        {"n/a.md": FIVE, "n/README.md": "x 1\n", "n/drafts/b.md": THREE, "n/archive/2019/c.txt": THREE, "n/archive/d.md": THREE},
    )
    code, report, _ = run_json(
        ["n", "--exclude", "README.md", "--exclude", "drafts/", "--exclude", "archive/**/*.txt"], cwd=tmp_path
    )
    checked = sorted(a["path"] for a in report["articles"] if a["status"] == "checked")
    assert checked == ["n/a.md", "n/archive/d.md"]
    left = {a["path"]: a["reason"] for a in report["articles"] if a["status"] == "skipped"}
    assert left == {
        "n/README.md": "excluded: matches --exclude 'README.md'",
        "n/drafts/": "excluded: matches --exclude 'drafts/'",
        "n/archive/2019/c.txt": "excluded: matches --exclude 'archive/**/*.txt'",
    }


def test_git_ignored_files_are_left_out_quietly(run_numcheck, tmp_path) -> None:
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("git is not installed")
    conflict_story(tmp_path)
    write(
        tmp_path,
        {".gitignore": "build/\n*.bak.md\n", "bridge/old.bak.md": "Nine people were killed.\n", "build/copy/b.md": THREE},
    )
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    code, out, err = run_numcheck(["."], cwd=tmp_path)
    assert code == 1 and err == ""
    assert "build" not in out and "bak" not in out and ".git" not in out and "gitignore" not in out
    _, out, _ = run_numcheck([".", "-v"], cwd=tmp_path)
    assert "build/: excluded: ignored by git" in out and "old.bak.md: excluded: ignored by git" in out
    _, out, _ = run_numcheck([".", "--no-gitignore", "--format", "concise"], cwd=tmp_path)
    assert "'Nine'" in out and "4 articles checked" in out


def test_python_dash_m_help() -> None:
    proc = subprocess.run([sys.executable, "-m", "numcheck", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "numcheck explain" in proc.stdout
