"""The git commit and date of each charter file, for the document footer.

Asked once per run for a whole folder (one ``git log`` and one ``git status``), so that a batch
of hundreds of documents does not start hundreds of processes. Outside git, or without git
installed, the answer is silently empty.
"""

from __future__ import annotations

from kommissorium.gitutil import git_output

from datetime import date
from pathlib import Path

from kommissorium.document import GitInfo

_TIMEOUT = 20


def _git(args: list[str], cwd: Path) -> str | None:
    return git_output(args, cwd)


def git_info_for(folder: Path) -> dict[Path, GitInfo]:
    """Last commit (short hash, commit date) and dirty flag of every file below ``folder``."""
    folder = folder.resolve()
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if not top:
        return {}
    top_path = Path(top.strip()).resolve()
    log = _git(
        ["log", "--no-color", "--no-renames", "--format=%x01%h%x00%cs", "--name-only", "--", "."],
        folder,
    )
    info: dict[Path, GitInfo] = {}
    if log:
        commit, when = "", None
        for line in log.splitlines():
            if line.startswith("\x01"):
                commit, _, day = line[1:].partition("\x00")
                try:
                    when = date.fromisoformat(day.strip())
                except ValueError:
                    when = None
            elif line.strip() and commit:
                path = (top_path / line.strip()).resolve()
                info.setdefault(path, GitInfo(commit, when))
    status = _git(["status", "--porcelain", "--no-renames", "-z", "--", "."], folder)
    if status:
        for entry in status.split("\x00"):
            if len(entry) > 3:
                path = (top_path / entry[3:]).resolve()
                old = info.get(path)
                if old is not None:
                    info[path] = GitInfo(old.commit, old.date, dirty=True)
    return info
