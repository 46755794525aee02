"""The two sides of a diff from git: revisions checked and resolved, the charters folder of a
commit unpacked into a temporary folder. git runs only through ``kommissorium.gitutil`` (list
arguments, no shell, a timeout)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from kommissorium.errors import UsageError
from kommissorium.gitutil import GitUnavailable, run_git

MAIN_BRANCHES = ("origin/main", "main", "origin/master", "master")
#: Seconds for unpacking one revision's charters folder (a national corpus is a few MB).
ARCHIVE_TIMEOUT = 120


class DiffError(UsageError):
    """Not a git repository, unknown revision, git missing: exit code 2 with this message."""


def _git(args: list[str], cwd: Path, binary: bool = False,
         timeout: float | None = None) -> subprocess.CompletedProcess:
    try:
        if timeout is None:
            return run_git(args, cwd, binary=binary)
        return run_git(args, cwd, binary=binary, timeout=timeout)
    except GitUnavailable as exc:
        if exc.missing:
            raise DiffError("git findes ikke på denne maskine; installér git.") from None
        raise DiffError(f"git svarede ikke inden for {exc.timeout:g} sekunder.") from None


def git_toplevel(cwd: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], cwd)
    if proc.returncode != 0:
        raise DiffError(f"'{cwd}' er ikke i et git-repositorium; 'kommissorium diff' sammenligner "
                        "git-revisioner.")
    return Path(proc.stdout.strip())


def resolve_revision(rev: str, top: Path) -> str:
    """The commit id of a revision, or DiffError in Danish."""
    if not rev or rev.startswith("-"):
        raise DiffError(f"ugyldig revision '{rev}'.")
    proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    if proc.returncode != 0:
        raise DiffError(f"ukendt git-revision '{rev}' (findes grenen, tagget eller committen?).")
    return proc.stdout.strip()


def default_base(top: Path) -> tuple[str, str]:
    """(label, commit): the merge-base of HEAD with the main branch, else HEAD."""
    head = _git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], top)
    if head.returncode != 0:
        raise DiffError("repositoriet har endnu ingen commits; angiv revisioner at sammenligne.")
    for branch in MAIN_BRANCHES:
        ref = f"refs/remotes/{branch}" if branch.startswith("origin/") else f"refs/heads/{branch}"
        ok = _git(["rev-parse", "--verify", "--quiet", ref], top)
        if ok.returncode != 0:
            continue
        mb = _git(["merge-base", "HEAD", branch], top)
        if mb.returncode == 0 and mb.stdout.strip():
            return f"merge-base med {branch}", mb.stdout.strip()
    return "HEAD", head.stdout.strip()


def unpack_files(archive: bytes, dest: Path) -> list[tarfile.TarInfo]:
    """Write the folders and regular files of a tar archive under dest; return its links unwritten.

    Written out member by member instead of ``extractall(filter=...)``: the filter argument only exists
    from Python 3.11.4 (Debian 12 ships 3.11.2), and tarfile's "data" filter would stop the whole diff
    at a committed link to /etc/passwd (AbsoluteLinkError). Links are set aside and made after every
    file is written, so nothing is written through one; loading then reports them (Y012) without
    reading. A name that is absolute or climbs out of dest, and any other member type, is skipped.
    """
    base = dest.resolve()
    links: list[tarfile.TarInfo] = []
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
        for member in tar:
            if member.issym() or member.islnk():
                links.append(member)
                continue
            parts = Path(member.name).parts
            if not parts or Path(member.name).is_absolute() or ".." in parts:
                continue
            where = dest.joinpath(*parts)
            if member.isdir():
                where.mkdir(parents=True, exist_ok=True)
            elif member.isreg():
                where.parent.mkdir(parents=True, exist_ok=True)
                folder = where.parent.resolve()
                if folder != base and base not in folder.parents:
                    continue
                data = tar.extractfile(member)
                if data is None:
                    continue
                with open(where, "xb") as out:
                    shutil.copyfileobj(data, out)
    return links


def extract(top: Path, commit: str, rel: str, dest: Path) -> bool:
    """Unpack the charters folder of a commit into dest; False when the commit has none."""
    proc = _git(["archive", "--format=tar", commit, "--", rel], top, binary=True,
                timeout=ARCHIVE_TIMEOUT)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace")
        if "did not match" in err:
            return False
        raise DiffError(f"git archive fejlede for {commit[:12]}: {err.strip()}")
    links = unpack_files(proc.stdout, dest)
    base = dest.resolve()
    for member in links:
        where = dest / member.name
        folder = where.parent.resolve()
        if member.issym() and (folder == base or base in folder.parents) and not where.is_symlink():
            where.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(member.linkname, where)
    return True
