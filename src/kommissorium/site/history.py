"""The change history of one charter file from git: dates and commit messages.

One ``git log --follow`` per file (renames are followed), run with list arguments and no shell.
Outside a git work tree, or without git, the history is ``None`` and the page says so.
"""

from __future__ import annotations

from kommissorium.gitutil import git_output

from dataclasses import dataclass
from datetime import date
from pathlib import Path

_TIMEOUT = 20
_SEP = "\x1f"


@dataclass(frozen=True)
class Change:
    commit: str  # short hash
    date: date | None
    subject: str
    author: str


@dataclass(frozen=True)
class History:
    changes: tuple[Change, ...]
    #: The file has changes that are not committed.
    dirty: bool = False
    #: The file is in a git work tree but has never been committed.
    untracked: bool = False


def _git(args: list[str], cwd: Path) -> str | None:
    return git_output(args, cwd)


def dirty_files(folder: Path) -> set[Path]:
    """Files below ``folder`` with uncommitted or untracked changes."""
    top = _git(["rev-parse", "--show-toplevel"], folder)
    status = _git(["status", "--porcelain", "-z", "--untracked-files=all", "--", "."], folder)
    if not top or status is None:
        return set()
    root = Path(top.strip())
    out = set()
    for entry in status.split("\x00"):
        if len(entry) > 3 and entry[2] == " ":
            out.add((root / entry[3:]).resolve())
    return out


def histories(paths: list[Path], limit: int = 50) -> dict[Path, History | None]:
    """The history of each file, newest commit first; ``None`` for files outside git."""
    out: dict[Path, History | None] = {}
    by_folder: dict[Path, list[Path]] = {}
    for p in paths:
        p = p.resolve()
        by_folder.setdefault(p.parent, []).append(p)
    tree_ok: dict[Path, tuple[bool, set[Path]]] = {}
    for folder, files in by_folder.items():
        top = _git(["rev-parse", "--show-toplevel"], folder)
        if not top:
            out.update({f: None for f in files})
            continue
        root = Path(top.strip()).resolve()
        if root not in tree_ok:
            tree_ok[root] = (True, dirty_files(root))
        dirty = tree_ok[root][1]
        for f in files:
            out[f] = _history_of(f, dirty, limit)
    return out


def _history_of(path: Path, dirty: set[Path], limit: int) -> History | None:
    log = _git(
        ["log", "--follow", "--no-color", f"--max-count={limit}",
         f"--format=%h{_SEP}%cs{_SEP}%an{_SEP}%s", "--", path.name],
        path.parent,
    )
    if log is None:
        return None
    changes = []
    for line in log.splitlines():
        parts = line.split(_SEP)
        if len(parts) != 4:
            continue
        commit, day, author, subject = parts
        try:
            when: date | None = date.fromisoformat(day.strip())
        except ValueError:
            when = None
        changes.append(Change(commit.strip(), when, subject.strip(), author.strip()))
    return History(tuple(changes), dirty=path in dirty and bool(changes), untracked=not changes)
