"""The pre-commit hooks, run by the real pre-commit against a temporary repository.

The hooks of .pre-commit-hooks.yaml are used as they are, except ``language: system`` instead of
``language: python``: pre-commit would otherwise build a virtualenv and install kommissorium from
PyPI. The entries, file patterns and ``pass_filenames`` are the manifest's own.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

# The project's own environment (.venv/bin): its python runs the tests, and the console script
# `kommissorium` and pre-commit are installed beside it by `make setup`. Nothing on the user's PATH is used.
VENV_BIN = Path(sys.executable).parent

CHARTER = """\
type: forum   # typen
navn: Hooktest
område: region-nordjylland
relationer:
  refererer-til: nordjylland/andet
"""
OTHER = "navn: Andet organ\ntype: udvalg\nområde: region-nordjylland\n"


def _manifest() -> list[dict]:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(MANIFEST.read_text(encoding="utf-8"))


def _env(tmp: Path) -> dict[str, str]:
    exe = shutil.which("kommissorium", path=str(VENV_BIN))
    assert exe, f"kommissorium mangler i projektets miljø ({VENV_BIN}); kør 'make setup'"
    # the venv's bin first, so `language: system` hooks run this checkout's kommissorium
    path = os.pathsep.join([str(VENV_BIN), os.environ.get("PATH", "")])
    return {**os.environ, "PATH": path, "PRE_COMMIT_HOME": str(tmp / "pc-home"),
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
            "NO_COLOR": "1"}


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_manifest_is_valid_for_pre_commit(tmp_path: Path) -> None:
    env = _env(tmp_path)
    proc = _run([sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
                ROOT, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    hooks = {h["id"]: h for h in _manifest()}
    assert hooks["kommissorium-validate"]["pass_filenames"] is False
    assert hooks["kommissorium-validate"]["entry"] == "kommissorium validate"
    assert hooks["kommissorium-fmt"]["entry"] == "kommissorium fmt --kun-kommissorier"
    assert hooks["kommissorium-fmt-check"]["entry"] == "kommissorium fmt --check --kun-kommissorier"


def test_hooks_run_in_a_repository(tmp_path: Path) -> None:
    env = _env(tmp_path)
    repo = tmp_path / "repo"
    (repo / "charters" / "nordjylland").mkdir(parents=True)
    charter = repo / "charters" / "nordjylland" / "hooktest.yaml"
    charter.write_text(CHARTER, encoding="utf-8")
    (repo / "charters" / "nordjylland" / "andet.yaml").write_text(OTHER, encoding="utf-8")
    hooks = []
    for hook in _manifest():
        if hook["id"] in ("kommissorium-validate", "kommissorium-fmt"):
            hooks.append({**hook, "language": "system"})
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (repo / ".pre-commit-config.yaml").write_text(json.dumps(config, ensure_ascii=False, indent=2),
                                                  encoding="utf-8")
    assert _run(["git", "init", "-q", "-b", "main"], repo, env).returncode == 0
    assert _run(["git", "add", "."], repo, env).returncode == 0
    pc = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]

    # 1. fmt puts 'navn' first (and keeps the comment); pre-commit reports the modified file
    first = _run(pc, repo, env)
    out = first.stdout + first.stderr
    assert first.returncode == 1, out
    assert "kommissorium fmt" in out and "files were modified by this hook" in out
    assert "kommissorium validate" in out
    assert charter.read_text(encoding="utf-8").startswith("navn: Hooktest\ntype: forum   # typen\n")

    # 2. formatted and valid: both hooks pass
    _run(["git", "add", "."], repo, env)
    second = _run(pc, repo, env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stdout.count("Passed") == 2

    # 3. a broken reference fails validate with the rule's code, file and line
    charter.write_text(charter.read_text(encoding="utf-8").replace("nordjylland/andet",
                                                                   "nordjylland/andt"),
                       encoding="utf-8")
    _run(["git", "add", "."], repo, env)
    third = _run(pc, repo, env)
    out = third.stdout + third.stderr
    assert third.returncode == 1, out
    assert "R001" in out and "charters/nordjylland/hooktest.yaml:5:" in out
    assert "Mente du 'nordjylland/andet'?" in out


def _local_config(repo: Path) -> None:
    hooks = [{**h, "language": "system"} for h in _manifest()
             if h["id"] in ("kommissorium-validate", "kommissorium-fmt")]
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (repo / ".pre-commit-config.yaml").write_text(json.dumps(config, ensure_ascii=False, indent=2),
                                                  encoding="utf-8")


def test_config_only_change_runs_validate_in_the_configured_folder(tmp_path: Path) -> None:
    """A commit that changes only kommissorium.toml runs validate (and fails on a typo); fmt follows
    the configured charters folder and leaves other YAML alone."""
    env = _env(tmp_path)
    repo = tmp_path / "repo"
    folder = repo / "kommissorier" / "nordjylland"
    folder.mkdir(parents=True)
    (repo / "kommissorium.toml").write_text('charters = "kommissorier"\n', encoding="utf-8")
    charter = folder / "hooktest.yaml"
    charter.write_text("type: forum\nnavn: Hooktest\nområde: region-nordjylland\n", encoding="utf-8")
    other = repo / "andet.yaml"
    other.write_text("b: 1\na:   2\n", encoding="utf-8")
    _local_config(repo)
    assert _run(["git", "init", "-q", "-b", "main"], repo, env).returncode == 0
    assert _run(["git", "add", "."], repo, env).returncode == 0
    pc = [sys.executable, "-m", "pre_commit", "run", "--color", "never"]

    # fmt formats the charter in the configured folder, not the other YAML file
    first = _run(pc, repo, env)
    out = first.stdout + first.stderr
    assert first.returncode == 1, out
    assert charter.read_text(encoding="utf-8").startswith("navn: Hooktest\ntype: forum\n")
    assert other.read_text(encoding="utf-8") == "b: 1\na:   2\n"
    _run(["git", "add", "."], repo, env)
    second = _run(pc, repo, env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert _run(["git", "commit", "-q", "-m", "start"], repo, env).returncode == 0

    # only the configuration changes: a typo in it fails the validate hook; fmt has nothing to do
    (repo / "kommissorium.toml").write_text('charters = "kommissorier"\ndeaktiver = ["R0001"]\n',
                                            encoding="utf-8")
    _run(["git", "add", "kommissorium.toml"], repo, env)
    third = _run(pc, repo, env)
    out = third.stdout + third.stderr
    assert third.returncode == 1, out
    assert re.search(r"kommissorium validate\.+Failed", out), out
    assert "R0001" in out
    assert re.search(r"kommissorium fmt\.+\(no files to check\)Skipped", out), out

    # the same for [tool.kommissorium] in pyproject.toml
    (repo / "kommissorium.toml").write_text('charters = "kommissorier"\n', encoding="utf-8")
    _run(["git", "add", "."], repo, env)
    assert _run(pc, repo, env).returncode == 0
    _run(["git", "commit", "-q", "-m", "ret"], repo, env)
    (repo / "pyproject.toml").write_text('[tool.kommissorium]\ncharters = "kommissorier"\n',
                                         encoding="utf-8")
    _run(["git", "add", "pyproject.toml"], repo, env)
    fourth = _run(pc, repo, env)
    out = fourth.stdout + fourth.stderr
    assert re.search(r"kommissorium validate\.+Passed", out), out
    assert fourth.returncode == 0, out
