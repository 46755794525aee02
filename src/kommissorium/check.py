"""`validate` as a plain function: paths in, problems out (no printing, no exiting)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kommissorium.corpus import CharterSet
from kommissorium.errors import UsageError
from kommissorium.problems import Problem, Severity, sort_problems
from kommissorium.workspace import Workspace

__all__ = ["CheckResult", "UsageError", "check"]


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


def check(paths: list[Path], cwd: Path | None = None, strict_rules: bool = True,
          as_of: date | None = None) -> CheckResult:
    """Problems in the charters named (all of charters/ when none are). ``as_of``: check every
    charter as if it were in force that day, too (`validate --dato`, rules D001-D004)."""
    from kommissorium.rules import run_rules

    ws = Workspace.find(cwd)
    problems: list[Problem] = []
    files = 0
    corpora = []
    for target in ws.targets(paths):
        cs = target.load(ws.cwd)
        cs.as_of = as_of
        corpora.append(cs)
        found = list(cs.problems)
        if strict_rules:
            found += run_rules(cs, ws.config.rule_config())
        problems += [p for p in found if target.selects(ws.cwd / p.file)]
        files += sum(1 for f in cs.files if target.counts(f))
    return CheckResult(sort_problems(problems), files, corpora)
