"""`validate` as a plain function: paths in, problems out (no printing, no exiting)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kommissorium.config import Config, ConfigError, load_config
from kommissorium.corpus import CharterSet, charters_root_of, find_root, load_corpus, loose_files
from kommissorium.problems import Problem, Severity, sort_problems


class UsageError(Exception):
    """Bad paths or configuration: exit code 2 with this Danish message."""


@dataclass
class CheckResult:
    problems: list[Problem]
    files: int
    corpora: list[CharterSet] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def exit_code(self, strict: bool = False) -> int:
        if self.count(Severity.ERROR):
            return 1
        if strict and self.count(Severity.WARNING):
            return 1
        return 0


def repository_config(cwd: Path) -> Config:
    """The configuration of the repository ``cwd`` lies in (a usage error when it is broken)."""
    try:
        return load_config(find_root(cwd))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def repository_charters(config: Config, hint: str) -> Path:
    """The repository's charters/ folder; ``hint`` tells the user what to do when there is none."""
    folder = config.charters_dir
    if folder is None or not folder.is_dir():
        raise UsageError(f"Fandt ingen charters/-mappe her eller i en overmappe. {hint}")
    return folder.resolve()


def resolve_targets(paths: list[Path], cwd: Path) -> tuple[Config, dict[Path, list[Path]]]:
    """Config and, per charters/ folder, the paths asked about (empty list: all of it)."""
    config = repository_config(cwd)
    groups: dict[Path, list[Path]] = {}
    if not paths:
        hint = ("Angiv stier, fx 'kommissorium validate charters/', eller kør fra "
                "repositoriets rod.")
        groups[repository_charters(config, hint)] = []
        return config, groups
    for p in paths:
        p = (cwd / p) if not p.is_absolute() else p
        if not p.exists():
            raise UsageError(f"Stien '{p}' findes ikke.")
        if p.is_file() and p.suffix not in (".yaml", ".yml"):
            raise UsageError(f"'{p}' er ikke en YAML-fil (.yaml/.yml).")
        groups.setdefault(charters_root_of(p), []).append(p.resolve())
    return config, groups


def _selected(problem: Problem, targets: list[Path], cs: CharterSet, cwd: Path) -> bool:
    if not targets:
        return True
    path = (cwd / problem.file).resolve()
    return any(path == t or t in path.parents for t in targets)


def check(paths: list[Path], cwd: Path | None = None, strict_rules: bool = True) -> CheckResult:
    from kommissorium.rules import run_rules

    cwd = (cwd or Path.cwd()).resolve()
    config, groups = resolve_targets(paths, cwd)
    problems: list[Problem] = []
    files = 0
    corpora = []
    for root, targets in groups.items():
        cs = load_corpus(root, cwd, loose_files(root, targets))
        corpora.append(cs)
        found = list(cs.problems)
        if strict_rules:
            found += run_rules(cs, config.rule_config())
        problems += [p for p in found if _selected(p, targets, cs, cwd)]
        files += sum(
            1 for f in cs.files
            if not targets
            # the whole folder asked for: a plain file below it counts without resolving its path
            or (root in targets and not f.path.is_symlink())
            or any(f.path.resolve() == t or t in f.path.resolve().parents for t in targets)
        )
    return CheckResult(sort_problems(problems), files, corpora)
