"""The pytest plugin as an editorial CI meets it, run through pytester."""
from __future__ import annotations

import re

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
    (pytester.path / "rules" / "bad.toml").write_text("[[facts]]\nid = \"x\"\nmeasure = \"killed\"\nvalue = \"five\"\nsource = \"s\"\n",
                                                   encoding="utf-8")
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
    assert "FAILED articles/fire/a.txt::numcheck - F1 conflict, people killed: 'three' vs 'Five', " \
           "see articles/fire/b.txt:1" in text
    assert "FAILED articles/fire/b.txt::numcheck - F1 conflict, people killed: 'three' vs 'Five', " \
           "see articles/fire/a.txt:1" in text


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
    assert sorted(names) == [("articles/fire/a.txt", "numcheck"), ("articles/fire/b.txt", "numcheck"),
                             ("articles/fire/c.txt", "numcheck")]


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
    pytester.makepyfile(test_x="import os, sys\n\ndef test_x():\n    print('WORKER', os.environ.get('PYTEST_XDIST_WORKER'), "
                                "'numcheck.attribute.claims' in sys.modules)\n")
    mixed = pytester.runpytest_subprocess("--numcheck", "articles", "test_x.py", "-n", "2", "-p", "no:cacheprovider",
                                          "-rA")
    mixed.assert_outcomes(passed=2, failed=2)
    (seen,) = [line for line in mixed.outlines if line.startswith("WORKER ")]
    assert seen.startswith("WORKER gw") and seen.endswith("False")  # a worker ran it, and loaded no parser
