"""One containment rule for every file kommissorium reads or writes.

A pull request controls every file of the checkout: charters, templates, ``kommissorium.toml``,
file names and symbolic links. So:

* **read**: a file or folder is used only when, after resolving symbolic links, it lies inside
  the repository (the folder with ``kommissorium.toml`` or ``charters/``) and not inside ``.git``
  (where CI keeps its credentials);
* **write**: an output folder is never reached through a symbolic link inside the repository,
  is never a source folder (``charters/``, the templates), inside one or above one, and a single
  output file (``graph -o``, ``schema -o``) is never a symbolic link and never a source file.

Everything refused is refused with a Danish message that names the path (and, for a setting, the
line of the configuration file): ``ContainmentError`` is a usage error (exit code 2).
"""

from __future__ import annotations

import os
from pathlib import Path

from kommissorium.errors import UsageError


class ContainmentError(UsageError):
    """A path that would leave the repository or write over a source: exit code 2."""


def real(path: Path) -> Path:
    """``path`` with every symbolic link resolved (also when it does not exist)."""
    return Path(os.path.realpath(path))


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or below it (both taken as they are: resolve first)."""
    return path == folder or folder in path.parents


def in_git(path: Path, root: Path) -> bool:
    """Whether the resolved ``path`` lies in the repository's ``.git`` (or is it)."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    return ".git" in rel.parts


def shown(path: Path, cwd: Path | None = None) -> str:
    """A path for a message: relative to the working folder when below it, control characters
    escaped."""
    from kommissorium.sanitize import printable

    cwd = cwd or Path.cwd()
    try:
        text = os.path.relpath(path, cwd)
        if text.startswith(".."):
            text = str(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        text = str(path)
    return printable(text.replace(os.sep, "/"))


def contained(path: Path, root: Path, what: str, where: str = "") -> Path:
    """The resolved ``path`` when it lies inside ``root`` (resolved) and not in ``.git``;
    otherwise a ``ContainmentError`` that names ``what`` ('mappen med kommissorier',
    'skabelonmappen', …) and, as ``where``, the place it was set ('kommissorium.toml:3: ')."""
    base = real(root)
    target = real(path)
    if inside(target, base) and not in_git(target, base):
        return target
    link = _first_link(path, base)
    if in_git(target, base):
        reason = "i repositoriets .git-mappe"
    else:
        reason = f"uden for repositoriet ({base})"
    if link is not None:
        told = (f"{_cap(what)} '{shown(path)}' peger gennem den symbolske henvisning "
                f"'{shown(link)}' på '{shown(target)}', som ligger {reason}.")
    else:
        told = f"{_cap(what)} '{shown(path)}' ligger {reason}."
    raise ContainmentError(
        f"{where}{told} kommissorium læser og skriver kun filer inde i repositoriet."
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _first_link(path: Path, stop: Path) -> Path | None:
    """The first component of ``path`` (absolute) that is a symbolic link."""
    path = Path(os.path.abspath(path))
    parts = path.parts
    for i in range(1, len(parts) + 1):
        p = Path(*parts[:i])
        if p.is_symlink():
            return p
    return None


def lexical_root(path: Path) -> Path | None:
    """The repository a path was named in, found without resolving symbolic links: the nearest
    folder above it (as written) with ``kommissorium.toml`` or a ``charters/`` folder."""
    path = Path(os.path.abspath(path))
    for folder in [path, *path.parents]:
        if (folder / "kommissorium.toml").is_file() or (folder / "charters").is_dir():
            return folder
    return None


def symlink_below(path: Path, root: Path) -> Path | None:
    """The first component of ``path`` at or below ``root`` that is a symbolic link (``path``
    absolute and lexical: not resolved)."""
    path = Path(os.path.abspath(path))
    root = Path(os.path.abspath(root))
    if not inside(path, root):
        return None
    rel = path.relative_to(root).parts
    current = root
    for part in rel:
        current = current / part
        if current.is_symlink():
            return current
    return None


def output_folder(out: Path, root: Path | None, sources: list[Path], cwd: Path) -> Path:
    """The output folder ``out`` (absolute) checked for writing: not through a symbolic link in
    the repository, not a source folder, inside one or above one. Returns it resolved."""
    out = Path(os.path.abspath(out))
    if root is not None:
        link = symlink_below(out, root)
        if link is not None:
            raise ContainmentError(
                f"Uddatamappen '{shown(out, cwd)}' går gennem den symbolske henvisning "
                f"'{shown(link, cwd)}' (til '{os.readlink(link)}'); kommissorium skriver aldrig "
                "gennem en symbolsk henvisning i repositoriet. Vælg en anden mappe med -o."
            )
    target = real(out)
    if root is not None and in_git(target, real(root)):
        raise ContainmentError(f"Uddatamappen '{shown(out, cwd)}' ligger i repositoriets .git-mappe.")
    for src in sources:
        s = real(src)
        if inside(target, s) or inside(s, target):
            how = ("er selve kildemappen" if target == s else "ligger i kildemappen"
                   if inside(target, s) else "rummer kildemappen")
            raise ContainmentError(
                f"Uddatamappen '{shown(out, cwd)}' {how} '{shown(src, cwd)}'; dokumenterne ville "
                "blive skrevet mellem kilderne. Vælg en anden mappe med -o, fx build/."
            )
    return target


def output_file(path: Path, root: Path | None, sources: list[Path], cwd: Path) -> Path:
    """A single output file (``graph -o``, ``schema -o``): never a symbolic link, never reached
    through one in the repository, never a source file (in ``charters/``, the templates, ``.git``
    or the configuration). Returns it absolute."""
    path = Path(os.path.abspath(path))
    if path.is_symlink():
        raise ContainmentError(
            f"'{shown(path, cwd)}' er en symbolsk henvisning (til '{os.readlink(path)}'); "
            "kommissorium skriver aldrig gennem en symbolsk henvisning."
        )
    if root is not None:
        link = symlink_below(path.parent, root)
        if link is not None:
            raise ContainmentError(
                f"'{shown(path, cwd)}' går gennem den symbolske henvisning '{shown(link, cwd)}'; "
                "kommissorium skriver aldrig gennem en symbolsk henvisning i repositoriet."
            )
    target = real(path)
    protected = [real(s) for s in sources]
    if root is not None:
        r = real(root)
        protected += [r / ".git", r / "kommissorium.toml", r / "pyproject.toml"]
    for src in protected:
        if inside(target, src):
            raise ContainmentError(
                f"'{shown(path, cwd)}' er en kildefil ('{shown(src, cwd)}'); kommissorium skriver "
                "aldrig over sine kilder. Vælg en anden fil med -o."
            )
    return path


def source_folders(root: Path | None, charters: list[Path], templates: str = "templates") -> list[Path]:
    """The folders a command reads its sources from: the charters folders and, in a
    repository, its template folder (when it exists)."""
    out = list(charters)
    if root is not None:
        folder = root / templates
        # a template folder that is a link is refused where templates are read, with its reason
        if folder.exists() and not folder.is_symlink():
            out.append(folder)
    return out


def write_file_checked(path: Path, data: bytes | str, cwd: Path | None = None) -> Path:
    """Write a single output file (``graph -o``, ``schema -o``) after ``output_file``: in the
    repository of the working folder, never over its sources or through a link."""
    from kommissorium.fsutil import atomic_write
    from kommissorium.workspace import Workspace

    ws = Workspace.find(cwd)
    charters: list[Path] = []
    if ws.root is not None:
        try:
            charters = [ws.charters("")]
        except UsageError:
            charters = []
    templates = ws.config.templates if ws.root is not None else "templates"
    target = output_file(ws.path(path), ws.root, source_folders(ws.root, charters, templates), ws.cwd)
    atomic_write(target, data)
    return target
