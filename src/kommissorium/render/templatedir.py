"""Template folders from the repository, copied into a private folder before use.

A template folder is untrusted: a pull request can put a symbolic link in it
(``gitcfg.txt -> ../.git/config``) or make the folder itself a link to the repository root. Jinja2
and Typst each follow links on their own, so neither is given the folder itself. The allowed files
— regular files, not hidden, not through a link — are copied into a private temporary folder
made for this process, and the template loader and Typst's root are that copy. A skipped link is
named on standard error; a template folder that is itself a link is refused (``contain``).

Bounds: at most ``MAX_FILES`` files and ``MAX_BYTES`` in all are copied (fonts and logos fit
easily); beyond that the rest is skipped with a notice.
"""

from __future__ import annotations

import atexit
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

MAX_FILES = 2000
MAX_BYTES = 100 * 1024 * 1024

_copies: dict[Path, Path] = {}
_owner = os.getpid()
_made: list[Path] = []


def _cleanup() -> None:
    if os.getpid() != _owner:  # a forked worker: the folder belongs to its parent
        return
    for folder in _made:
        shutil.rmtree(folder, ignore_errors=True)


atexit.register(_cleanup)


def _notice(message: str) -> None:
    from kommissorium.sanitize import printable

    print(f"bemærk: {printable(message)}", file=sys.stderr)


def private_copy(folder: Path, shown: str) -> Path:
    """A private copy of the template folder ``folder`` (resolved, a directory), made once per
    process. ``shown`` names the folder in notices ('templates')."""
    folder = folder.resolve()
    cached = _copies.get(folder)
    if cached is not None and cached.is_dir():
        return cached
    dest = Path(tempfile.mkdtemp(prefix="kommissorium-skabeloner-"))
    _made.append(dest)
    files = 0
    size = 0
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        rel = here.relative_to(folder)
        keep = []
        for d in sorted(dirnames):
            p = here / d
            if d.startswith("."):
                continue
            if p.is_symlink():
                _notice(f"{shown}/{(rel / d).as_posix()}: mappen er en symbolsk henvisning (til "
                        f"'{os.readlink(p)}') og bruges ikke; skabeloner kan kun bruge almindelige "
                        "filer i skabelonmappen.")
                continue
            keep.append(d)
        dirnames[:] = keep
        (dest / rel).mkdir(parents=True, exist_ok=True)
        for name in sorted(filenames):
            p = here / name
            if name.startswith("."):
                continue
            where = f"{shown}/{(rel / name).as_posix()}"
            try:
                st = os.lstat(p)
            except OSError:
                continue
            if stat.S_ISLNK(st.st_mode):
                _notice(f"{where}: filen er en symbolsk henvisning (til '{os.readlink(p)}') og "
                        "bruges ikke; skabeloner kan kun bruge almindelige filer i skabelonmappen.")
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            if files >= MAX_FILES or size + st.st_size > MAX_BYTES:
                _notice(f"{where}: skabelonmappen rummer mere end {MAX_FILES} filer eller "
                        f"{MAX_BYTES // 1024 // 1024} MB; resten bruges ikke.")
                dirnames[:] = []
                break
            _copy_file(p, dest / rel / name)
            files += 1
            size += st.st_size
    _copies[folder] = dest
    return dest


def _copy_file(src: Path, dst: Path) -> None:
    """Copy a regular file without following a link that appeared since it was checked."""
    fd = os.open(src, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        with os.fdopen(fd, "rb") as fh, open(dst, "wb") as out:
            shutil.copyfileobj(fh, out)
    except BaseException:
        raise
