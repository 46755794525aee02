"""The two sides of a diff from git: revisions checked and resolved, the charters folder of a
commit unpacked into a temporary folder. git runs only through ``kommissorium.gitutil`` (list
arguments, no shell, a timeout)."""

from __future__ import annotations

import os
import subprocess
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


def _git_bytes(args: list[str], cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return run_git(args, cwd, binary=True, timeout=ARCHIVE_TIMEOUT, input=input)
    except GitUnavailable as exc:
        if exc.missing:
            raise DiffError("git findes ikke på denne maskine; installér git.") from None
        raise DiffError(f"git svarede ikke inden for {exc.timeout:g} sekunder.") from None


def extract(top: Path, commit: str, rel: str, dest: Path) -> bool:
    """Write the charters folder of a commit into dest; False when the commit has none.

    The files are read from git's tree itself (``git ls-tree`` and ``git cat-file``), not through
    ``git archive``: attributes in a pull request's ``.gitattributes`` (``export-ignore``,
    ``export-subst``) cannot hide a charter from the comparison or change its text. Symbolic
    links are made after every file is written (nothing is written through one) and are then
    reported by loading (Y012) without being read. A file larger than the loader reads is written
    as a sparse file of its size only, so that loading refuses it (Y008) without git sending it.
    """
    from kommissorium.load.yaml import MAX_BYTES

    listing = _git_bytes(["ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--", rel], top)
    if listing.returncode != 0:
        err = listing.stderr.decode("utf-8", "replace").strip()
        raise DiffError(f"git ls-tree fejlede for {commit[:12]}: {err}")
    files: list[tuple[str, bytes, int]] = []
    links: list[tuple[str, bytes]] = []
    prefix = rel.rstrip("/") + "/"
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, raw_path = record.split(b"\t", 1)
        mode, kind, sha, size = meta.split()
        path = raw_path.decode("utf-8", "surrogateescape")
        if path == rel.rstrip("/") and mode == b"120000":
            from kommissorium.sanitize import printable

            raise DiffError(f"'{printable(path)}' er en symbolsk henvisning i {commit[:12]}; "
                            "kommissorier læses kun fra en almindelig mappe i repositoriet.")
        if kind != b"blob" or not path.startswith(prefix):
            continue  # submodules; nothing else is listed under the folder
        if mode == b"120000":
            links.append((path, sha))
        else:
            files.append((path, sha, int(size)))
    if not files and not links:
        return False
    base = dest.resolve()

    def place(path: str) -> Path | None:
        where = dest / path
        folder = where.parent
        folder.mkdir(parents=True, exist_ok=True)
        real = folder.resolve()
        if real != base and base not in real.parents:
            return None  # never below a link
        return where

    small = [(p, sha) for p, sha, size in files if size <= MAX_BYTES]
    for path, _sha, size in files:
        if size > MAX_BYTES:
            where = place(path)
            if where is not None:
                with open(where, "wb") as fh:
                    fh.truncate(size)  # sparse: the loader refuses it by its size
    blobs = _blobs(top, [sha for _, sha in small] + [sha for _, sha in links])
    for path, sha in small:
        where = place(path)
        if where is not None:
            where.write_bytes(blobs[sha])
    for path, sha in links:
        where = place(path)
        if where is not None and not where.exists() and not where.is_symlink():
            os.symlink(os.fsdecode(blobs[sha]), where)
    return True


def _blobs(top: Path, shas: list[bytes]) -> dict[bytes, bytes]:
    """The contents of blobs, read with one ``git cat-file --batch``."""
    if not shas:
        return {}
    proc = _git_bytes(["cat-file", "--batch"], top, input=b"".join(s + b"\n" for s in shas))
    if proc.returncode != 0:
        raise DiffError(f"git cat-file fejlede: {proc.stderr.decode('utf-8', 'replace').strip()}")
    out: dict[bytes, bytes] = {}
    data = proc.stdout
    pos = 0
    while pos < len(data):
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        pos = end + 1
        if len(header) < 3:  # "<sha> missing"
            continue
        size = int(header[2])
        out[header[0]] = data[pos:pos + size]
        pos += size + 1
    return out


def hidden_by_attributes(top: Path, commit: str, rel: str) -> list[tuple[str, str]]:
    """Files of the charters folder that git attributes would hide from or change in an archive
    (``export-ignore``, ``export-subst``) or pass through a filter: (file, attribute). Read from
    the attributes the work tree has (in CI: the pull request's)."""
    listing = _git_bytes(["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", rel], top)
    if listing.returncode != 0 or not listing.stdout:
        return []
    proc = _git_bytes(["check-attr", "-z", "--stdin", "export-ignore", "export-subst", "filter"],
                      top, input=listing.stdout)
    if proc.returncode != 0:
        return []
    parts = proc.stdout.split(b"\0")
    out = []
    for i in range(0, len(parts) - 2, 3):
        path, attr, value = (x.decode("utf-8", "replace") for x in parts[i:i + 3])
        if value not in ("unspecified", "unset"):
            out.append((path, attr))
    return out
