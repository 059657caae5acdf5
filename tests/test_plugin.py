"""The pytest plugin as an editorial CI meets it, run through pytester."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CONFLICT = {
    "articles/fire/a.txt": "Five people were killed in the fire on Sunday.\n",
    "articles/fire/b.txt": "Officials said three people were killed in the fire.\n",
    "articles/fire/c.txt": "The fire started in a kitchen.\n",
}
CLEAN = {
    "articles/fire/a.txt": "Five people were killed in the fire.\n",
    "articles/fire/b.txt": "The fire killed five people, officials said.\n",
}


@pytest.fixture
def corpus(pytester):
    def make(files: dict[str, str]) -> None:
        for name, text in files.items():
            path = pytester.path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    return make


def test_conflict_fails_exactly_the_two_articles_and_names_both(pytester, corpus) -> None:
    corpus(CONFLICT)
    result = pytester.runpytest("--numcheck", "articles", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    text = result.stdout.str()
    assert "Traceback" not in text and "def runtest" not in text
    sections = dict(re.findall(r"_ numcheck: (\S+) _+\n(.*?)(?=\n_+ |\n=+ )", text, re.S))
    assert sorted(sections) == ["articles/fire/a.txt", "articles/fire/b.txt"]
    for a, b in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        assert f"articles/fire/{b}:1:" in sections[f"articles/fire/{a}"]
    assert re.search(r"FAILED articles/fire/a\.txt::numcheck", text)


def test_clean_corpus_passes(pytester, corpus) -> None:
    corpus(CLEAN)
    pytester.runpytest("--numcheck", "articles").assert_outcomes(passed=2)


def test_plugin_is_inactive_without_the_option(pytester, corpus) -> None:
    corpus(CONFLICT)
    pytester.makepyfile(test_x="def test_x():\n    pass\n")
    pytester.runpytest().assert_outcomes(passed=1)


def test_ini_paths_turn_it_on(pytester, corpus) -> None:
    corpus(CONFLICT)
    pytester.makeini("[pytest]\nnumcheck_paths = articles\n")
    pytester.runpytest().assert_outcomes(passed=1, failed=2)


def test_pyproject_ini_and_fail_on_warning(pytester, corpus) -> None:
    corpus({"articles/a.txt": "The survey found that 120% of voters backed the plan.\n"})
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nnumcheck_paths = ["articles"]\n')
    pytester.runpytest().assert_outcomes(passed=1)
    pytester.runpytest("--numcheck-fail-on", "warning").assert_outcomes(failed=1)


def test_broken_rules_file_fails_its_item(pytester, corpus) -> None:
    corpus(CLEAN)
    (pytester.path / "rules").mkdir()
    (pytester.path / "rules" / "bad.toml").write_text(
        '[[facts]]\nid = "x"\nmeasure = "killed"\nvalue = "five"\nsource = "s"\n', encoding="utf-8"
    )
    result = pytester.runpytest("--numcheck", "articles", "rules")
    result.assert_outcomes(failed=3)
    assert "rules/bad.toml:4: fact 'x': value must be a number or a date" in result.stdout.str()


def test_k_selects_articles(pytester, corpus) -> None:
    corpus(CONFLICT)
    pytester.runpytest("--numcheck", "articles", "-k", "a.txt").assert_outcomes(failed=1)
    pytester.runpytest("--numcheck", "articles", "-k", "c.txt").assert_outcomes(passed=1)


def test_junitxml_holds_the_table(pytester, corpus) -> None:
    corpus(CONFLICT)
    pytester.runpytest("--numcheck", "articles", "--junitxml=out.xml")
    xml = (pytester.path / "out.xml").read_text(encoding="utf-8")
    assert xml.count("<testcase") == 3 and xml.count("<failure") == 2
    assert "Conflicts" in xml and "articles/fire/b.txt:1:" in xml


def test_xdist_matches_serial(pytester, corpus) -> None:
    corpus(CONFLICT)
    serial = pytester.runpytest_subprocess("--numcheck", "articles", "-p", "no:randomly")
    parallel = pytester.runpytest_subprocess("--numcheck", "articles", "-n", "2")
    serial.assert_outcomes(passed=1, failed=2)
    parallel.assert_outcomes(passed=1, failed=2)
    failed = lambda r: sorted(l.split(" - ")[0] for l in r.outlines if l.startswith("FAILED"))  # noqa: E731
    assert failed(serial) == failed(parallel)


def test_short_summary_names_the_finding(pytester, corpus) -> None:
    corpus(CONFLICT)
    result = pytester.runpytest("--numcheck", "articles", "-p", "no:cacheprovider", "-rf", "-vv")
    text = result.stdout.str()
    assert (
        "FAILED articles/fire/a.txt::numcheck - F1 conflict, people killed: 'three' vs 'Five', see articles/fire/b.txt:1" in text
    )
    assert (
        "FAILED articles/fire/b.txt::numcheck - F1 conflict, people killed: 'three' vs 'Five', see articles/fire/a.txt:1" in text
    )


def test_failure_text_fits_the_terminal(pytester, corpus, monkeypatch) -> None:
    corpus(CONFLICT)
    monkeypatch.setenv("COLUMNS", "80")
    text = pytester.runpytest("--numcheck", "articles", "-p", "no:cacheprovider").stdout.str()
    body = text.split("= FAILURES =")[1].split("short test summary")[0]
    assert max(len(line) for line in body.splitlines()) <= 80


def test_junit_classname_is_the_article_path(pytester, corpus) -> None:
    corpus(CONFLICT)
    pytester.runpytest("--numcheck", "articles", "--junitxml=out.xml")
    xml = (pytester.path / "out.xml").read_text(encoding="utf-8")
    names = re.findall(r'<testcase classname="([^"]*)" name="([^"]*)"', xml)
    assert sorted(names) == [
        ("articles/fire/a.txt", "numcheck"),
        ("articles/fire/b.txt", "numcheck"),
        ("articles/fire/c.txt", "numcheck"),
    ]


@pytest.mark.parametrize("files", [{}, {"articles/notes.toml": "x = 1\n"}])
def test_no_article_checked_is_exit_2(pytester, corpus, files) -> None:
    (pytester.path / "articles").mkdir()
    corpus(files)
    result = pytester.runpytest("--numcheck", "articles", "-p", "no:cacheprovider")
    assert result.ret == 2
    assert "numcheck: error: no article checked under articles" in result.stdout.str()


def test_xdist_starts_no_workers_for_articles_alone(pytester, corpus) -> None:
    """The corpus is checked once per process: for a numcheck-only session -n 2 runs in one
    process, so it is no slower than serial; beside Python tests the workers start and
    each finds the controller's run in the memo (no parser loaded per worker)."""
    corpus(CONFLICT)
    alone = pytester.runpytest_subprocess("--numcheck", "articles", "-n", "2", "-p", "no:cacheprovider")
    alone.assert_outcomes(passed=1, failed=2)
    assert "numcheck: only articles to check, so one process" in alone.stdout.str()
    assert "created: 2/2 workers" not in alone.stdout.str()
    pytester.makepyfile(
        test_x="import os, sys\n\ndef test_x():\n    print('WORKER', os.environ.get('PYTEST_XDIST_WORKER'), "
        "'numcheck.attribute.claims' in sys.modules)\n"
    )
    mixed = pytester.runpytest_subprocess("--numcheck", "articles", "test_x.py", "-n", "2", "-p", "no:cacheprovider", "-rA")
    mixed.assert_outcomes(passed=2, failed=2)
    (seen,) = [line for line in mixed.outlines if line.startswith("WORKER ")]
    assert seen.startswith("WORKER gw") and seen.endswith("False")  # a worker ran it, and loaded no parser


def _elsewhere(pytester, name: str) -> Path:
    """A folder outside the project pytester runs in (beside it, so their common ancestor holds
    no configuration file)."""
    folder = pytester.path.parent / f"{pytester.path.name}-{name}"
    folder.mkdir()
    return folder


def test_a_link_given_is_not_followed_as_the_cli_does_not(pytester, corpus) -> None:
    """A link to a folder outside the project, given as the path: numcheck does not follow it,
    so the session says so and exits 2 ('no article checked'), as `numcheck link` does. It
    used to check the folder the link leads to and collect nothing from it: 'no tests ran'
    while numcheck had found a conflict there."""
    outside = _elsewhere(pytester, "news")
    for name, text in CONFLICT.items():
        (outside / Path(name).name).write_text(text, encoding="utf-8")
    (pytester.path / "link").symlink_to(outside, target_is_directory=True)
    (pytester.path / "story.txt").symlink_to(outside / "a.txt")
    alone = pytester.runpytest("--numcheck", "link", "-p", "no:cacheprovider", "-rs")
    assert alone.ret == 2
    alone.assert_outcomes(skipped=1)
    text = alone.stdout.str()
    assert "link: symbolic link, not followed (give the folder or file it points to)" in text
    assert "numcheck: error: no article checked under link" in text
    corpus(CONFLICT)
    beside = pytester.runpytest("--numcheck", "articles", "link", "story.txt", "-p", "no:cacheprovider", "-rs")
    beside.assert_outcomes(passed=1, failed=2, skipped=2)
    assert "story.txt: symbolic link, not followed" in beside.stdout.str()


def test_a_folder_reached_through_a_link_is_checked(pytester, corpus) -> None:
    """A link in the middle of the path given ('alias/fire', alias -> articles) is the user's
    way to the folder, as for the CLI: its articles are collected and checked (it used to
    collect nothing: pytest's paths kept the link, the plugin's had it resolved)."""
    corpus(CONFLICT)
    (pytester.path / "alias").symlink_to(pytester.path / "articles", target_is_directory=True)
    result = pytester.runpytest("--numcheck", "alias/fire", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    assert re.search(r"FAILED alias/fire/a\.txt::numcheck", result.stdout.str())


def test_rules_outside_the_project_as_a_separate_word_is_a_usage_error(pytester, corpus) -> None:
    """pytest chooses its rootdir before it knows the plugin's options, so the folder after
    `--numcheck-rules` counted as a test path: the rootdir moved up to the common ancestor and
    every failure printed as ../../... The session stops with how to write it; with '=' it is
    one word, and the paths stay the project's."""
    corpus(CONFLICT)
    rules = _elsewhere(pytester, "rules")
    (rules / "extra.toml").write_text('[times]\nnow = ["now"]\n', encoding="utf-8")
    split = pytester.runpytest("--numcheck", "articles", "--numcheck-rules", str(rules), "-p", "no:cacheprovider")
    assert split.ret == pytest.ExitCode.USAGE_ERROR
    assert f"write --numcheck-rules={rules}, as one word" in split.stderr.str()
    joined = pytester.runpytest("--numcheck", "articles", f"--numcheck-rules={rules}", "-p", "no:cacheprovider")
    joined.assert_outcomes(passed=1, failed=2)
    assert re.search(r"FAILED articles/fire/a\.txt::numcheck", joined.stdout.str()) and "../" not in joined.stdout.str()
    inside = pytester.runpytest("--numcheck", "articles", "--numcheck-rules", "articles", "-p", "no:cacheprovider")
    inside.assert_outcomes(passed=1, failed=2)  # a folder of the project moves nothing: no error
