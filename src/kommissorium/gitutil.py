"""Asking git: one place that runs it, with list arguments, no shell and a timeout.

Used for the document footer (last commit of a file), the site's change history and the
semantic diff. Outside a work tree or without git installed, callers get ``None``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

TIMEOUT = 20


def git_output(args: list[str], cwd: Path, timeout: float = TIMEOUT) -> str | None:
    """git's standard output (UTF-8) when it succeeds, else ``None``."""
    env = dict(os.environ)
    env.setdefault("GIT_TERMINAL_PROMPT", "0")
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
            check=False, encoding="utf-8", errors="replace", env=env,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
