"""The repository a command works in: its root, its configuration, its charters/ folder, the
paths the user named (targets) and which charters of them are selected and renderable.

Every command asks this module; no command finds a root, reads configuration or decides which
files were asked about on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kommissorium.config import Config, load_config
from kommissorium.errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterFile, CharterSet
    from kommissorium.problems import Problem

CHARTERS_DIR = "charters"
#: What to tell a user who named no paths outside a repository.
TARGETS_HINT = "Angiv stier, fx 'kommissorium validate charters/', eller kør fra repositoriets rod."


def find_root(start: Path) -> Path | None:
    """The repository root: the nearest folder with kommissorium.toml or a charters/ folder."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        if (folder / "kommissorium.toml").is_file() or (folder / CHARTERS_DIR).is_dir():
            return folder
    return None


def charters_root_of(path: Path) -> Path:
    """The charters/ folder a path lies in (ids are relative to it)."""
    path = path.resolve()
    for folder in [path, *path.parents]:
        if folder.name == CHARTERS_DIR:
            return folder
    return path if path.is_dir() else path.parent


@dataclass(frozen=True)
class Target:
    """One charters/ folder and the resolved paths asked about below it (none: all of it)."""

    root: Path
    paths: tuple[Path, ...] = ()

    def selects(self, path: Path) -> bool:
        """Whether ``path`` (a file, absolute or relative to the working folder) was asked about."""
        if not self.paths:
            return True
        path = path.resolve()
        return any(path == t or t in path.parents for t in self.paths)

    def counts(self, f: "CharterFile") -> bool:
        """Whether a loaded file counts as checked (the whole folder asked for: a plain file
        below it counts without resolving its path)."""
        if not self.paths:
            return True
        if self.root in self.paths and not f.path.is_symlink():
            return True
        return self.selects(f.path)

    def load(self, cwd: Path | None = None) -> "CharterSet":
        """The corpus of this folder (just the named files when they lie outside a charters/)."""
        from kommissorium.corpus import load_corpus, loose_files

        return load_corpus(self.root, cwd, loose_files(self.root, list(self.paths)))


class Workspace:
    """The working folder, the repository root it lies in (if any) and its configuration."""

    def __init__(self, cwd: Path, root: Path | None) -> None:
        self.cwd = cwd
        self.root = root
        self._config: Config | None = None

    @classmethod
    def find(cls, cwd: Path | None = None) -> "Workspace":
        """The workspace of ``cwd`` (default: the working folder)."""
        cwd = (cwd or Path.cwd()).resolve()
        return cls(cwd, find_root(cwd))

    @property
    def config(self) -> Config:
        """The repository's configuration, read when first asked for; a broken one is a usage
        error (``ConfigError``)."""
        if self._config is None:
            self._config = load_config(self.root)
        return self._config

    def path(self, path: Path) -> Path:
        """``path`` made absolute against the working folder."""
        return path if path.is_absolute() else self.cwd / path

    def charters(self, hint: str) -> Path:
        """The repository's charters/ folder; ``hint`` tells the user what to do without one."""
        folder = self.config.charters_dir
        if folder is None or not folder.is_dir():
            raise UsageError(f"Fandt ingen charters/-mappe her eller i en overmappe. {hint}")
        from kommissorium.contain import contained

        return contained(folder, self.root, "mappen med kommissorier",
                         self.config.where("charters")) if self.root is not None else folder.resolve()

    def charters_folder(self, path: Path | None, hint: str) -> Path:
        """The charters folder a command about a whole folder works on: ``path`` (or its
        ``charters/``), else the repository's."""
        if path is None:
            return self.charters(hint)
        if not path.is_dir():
            raise UsageError(f"'{path}' er ikke en mappe.")
        if (path / CHARTERS_DIR).is_dir():
            return (path / CHARTERS_DIR).resolve()
        return charters_root_of(path)

    def targets(self, paths: list[Path], hint: str = TARGETS_HINT) -> list[Target]:
        """The paths asked about, one ``Target`` per charters/ folder (none: the repository's).
        The configuration is read first: a broken one is reported before anything else."""
        self.config  # noqa: B018 - read (and checked) before the paths
        if not paths:
            return [Target(self.charters(hint))]
        from kommissorium.contain import contained, lexical_root

        groups: dict[Path, list[Path]] = {}
        for p in paths:
            p = self.path(p)
            if not p.exists():
                raise UsageError(f"Stien '{p}' findes ikke.")
            if p.is_file() and p.suffix not in (".yaml", ".yml"):
                raise UsageError(f"'{p}' er ikke en YAML-fil (.yaml/.yml).")
            repo = lexical_root(p)
            if repo is not None:  # named inside a repository: it must stay inside it
                contained(p, repo, "stien")
            if p.is_dir() and self.root is not None and p.resolve() == self.root:
                # the repository root ('validate .'): its charters, not tests/ or build/
                folder = self.charters(hint)
                groups.setdefault(folder, []).append(folder)
                continue
            if p.is_dir() and (p / CHARTERS_DIR).is_dir():
                p = p / CHARTERS_DIR
                contained(p, p.parent, "mappen med kommissorier")
            groups.setdefault(charters_root_of(p), []).append(p.resolve())
        return [Target(root, tuple(found)) for root, found in groups.items()]


@dataclass
class Selection:
    """What of a loaded corpus a command that writes documents works on."""

    problems: list["Problem"] = field(default_factory=list)  # loading problems of selected files
    ids: list[str] = field(default_factory=list)  # valid charters without errors: renderable
    files: int = 0  # selected files
    failed: int = 0  # selected files left out for their errors


def renderable(cs: "CharterSet", target: Target, cwd: Path) -> Selection:
    """The selected charters of ``cs`` that can be rendered, and the problems of the others."""
    from kommissorium.problems import Severity

    out = Selection()
    bad: set[Path] = set()
    for p in cs.problems:
        where = (cwd / p.file).resolve()
        if target.selects(where):
            out.problems.append(p)
            if p.severity is Severity.ERROR:
                bad.add(where)
    out.ids = [f.id for f in cs.valid() if target.selects(f.path) and f.path.resolve() not in bad]
    out.files = sum(1 for f in cs.files if target.selects(f.path))
    out.failed = len({f.path.resolve() for f in cs.files if target.selects(f.path)} & bad)
    return out
