"""The hooks linters ship: pre-commit (run by pre-commit itself) and a GitHub Action."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from stories import FIVE, THREE, write

GIT = shutil.which("git")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=desk@example.org", "-c", "user.name=desk", *args], cwd=repo, check=True, capture_output=True
    )


def test_hook_manifest() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"numcheck", "numcheck-all"}
    for hook in hooks.values():
        assert hook["entry"] == "numcheck" and hook["language"] == "python" and "concise" in hook["args"]
    assert hooks["numcheck-all"]["pass_filenames"] is False


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """One pre-commit home for the module: the hook's environment is installed once."""
    if GIT is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and numcheck's own git checkout")
    if shutil.which("pre-commit") is None and not Path(sys.executable).with_name("pre-commit").exists():
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    return subprocess.run([exe, "try-repo", str(ROOT), *args], cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_pre_commit_runs_numcheck_on_the_changed_articles(pre_commit_home, tmp_path) -> None:
    repo = write(
        tmp_path / "newsroom",
        {
            "bridge/a.md": FIVE,
            "bridge/b.md": THREE,
            "README.md": "Read 3 times.\n",
            "numcheck.toml": 'paths = ["bridge"]\nexclude = ["README.md"]\n',
        },
    )
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "articles")
    done = _try_repo(repo, pre_commit_home, "numcheck", "--files", "bridge/a.md", "bridge/b.md")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "numcheck...." in done.stdout and "Failed" in done.stdout
    assert "bridge/b.md:1:16: error conflict: people killed" in done.stdout
    only_readme = _try_repo(repo, pre_commit_home, "numcheck", "--files", "README.md")
    assert only_readme.returncode == 0, only_readme.stdout  # excluded by the configuration: nothing to check
    every = _try_repo(repo, pre_commit_home, "numcheck-all", "--all-files")
    assert every.returncode == 1 and "bridge/b.md:1:16: error conflict" in every.stdout


def test_github_action_installs_numcheck_and_runs_it_for_github(tmp_path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite" and {"paths", "args"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    install, check = steps[1], steps[2]
    assert "pip install" in install["run"] and '"$GITHUB_ACTION_PATH"' in install["run"]
    assert "numcheck --format github" in check["run"] and "${{" not in check["run"]  # inputs only via env
    # the run step as the runner runs it, with a numcheck on PATH and the inputs in its environment
    write(tmp_path, {"news/bridge/a.md": FIVE, "news/bridge/b.md": THREE})
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "numcheck"
    shim.write_text(f'#!/bin/sh\nPYTHONPATH={ROOT} exec {sys.executable} -m numcheck "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "NUMCHECK_PATHS": "news/bridge",
        "NUMCHECK_ARGS": "--no-local-rules --fail-on warning",
    }
    done = subprocess.run(["bash", "-e", "-c", check["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=news/bridge/b.md,line=1,col=16")
    assert summary.read_text(encoding="utf-8").startswith("## numcheck ")
