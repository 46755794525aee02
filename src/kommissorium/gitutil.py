"""Asking git: one place that runs it, with list arguments, no shell and a timeout.

Used for the document footer (last commit of a file), the site's change history and the
semantic diff. Outside a work tree or without git installed, ``git_output`` gives ``None``;
``run_git`` gives the whole result (exit status, standard error, bytes when asked) and raises
``GitUnavailable`` when git cannot be run at all.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

TIMEOUT = 20


class GitUnavailable(Exception):
    """git is not installed, could not start, or did not answer within the timeout."""

    def __init__(self, missing: bool, timeout: float | None = None) -> None:
        super().__init__("git missing" if missing else f"git took more than {timeout} s")
        self.missing = missing
        self.timeout = timeout


def _env(c_locale: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("GIT_TERMINAL_PROMPT", "0")
    if c_locale:
        env["LC_ALL"] = "C"  # messages that callers read (e.g. "did not match") in English
    return env


def run_git(args: list[str], cwd: Path, *, binary: bool = False, c_locale: bool = True,
            timeout: float = TIMEOUT, input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run ``git ARGS`` in ``cwd``: text (UTF-8) or, with ``binary``, bytes on stdout and stderr
    (and ``input`` bytes on its standard input)."""
    try:
        if binary:
            return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=timeout,
                                  check=False, env=_env(c_locale), input=input)
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
            check=False, encoding="utf-8", errors="replace", env=_env(c_locale),
        )
    except subprocess.TimeoutExpired:
        raise GitUnavailable(False, timeout) from None
    except (OSError, subprocess.SubprocessError):
        raise GitUnavailable(True) from None


def git_output(args: list[str], cwd: Path, timeout: float = TIMEOUT) -> str | None:
    """git's standard output (UTF-8) when it succeeds, else ``None``."""
    try:
        result = run_git(args, cwd, c_locale=False, timeout=timeout)
    except GitUnavailable:
        return None
    return result.stdout if result.returncode == 0 else None
