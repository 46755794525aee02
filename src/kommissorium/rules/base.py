"""The rule engine: an explicit registry of small, named, documented checks.

A rule has a stable code (family letters + digits), a dotted name, a default severity, a one-line
Danish summary, and a docstring (Danish) that explains why and shows a passing and a failing
example: the docstring *is* its documentation (``kommissorium rules CODE``).

A rule reads the ``CharterSet`` and yields ``Finding``s; it never reads files, prints or exits.
The engine turns findings into ``Problem``s, applies configured severities and disabled rules,
and the charters' own suppressions (``undertryk``), reporting suppressions that are not used.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

from kommissorium.problems import Related, Severity

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterFile, CharterSet


@dataclass(frozen=True)
class Finding:
    message: str
    file: str
    line: int = 1
    column: int = 1
    related: tuple[Related, ...] = ()
    charter: str | None = None


def at(cf: "CharterFile", *path: Any, key: bool = False) -> dict[str, Any]:
    """Location keyword arguments for a finding at a YAML path of a charter file."""
    line, column = cf.at(*path, key=key)
    return {"file": cf.display, "line": line, "column": column, "charter": cf.id}


def related(cf: "CharterFile", *path: Any, message: str = "", key: bool = False) -> Related:
    from kommissorium.problems import Location

    line, column = cf.at(*path, key=key)
    return Related(Location(cf.display, line, column), message)


def where(cf: "CharterFile", *path: Any, key: bool = False) -> str:
    """'charters/x.yaml:4:3' — for naming the other place in a message."""
    line, column = cf.at(*path, key=key)
    return f"{cf.display}:{line}:{column}"


Check = Callable[["CharterSet"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: Check = field(compare=False)

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        if code in RULES:
            raise RuntimeError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, name, severity, summary, fn)
        return fn

    return register


def lookup(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    if key.upper() in RULES:
        return RULES[key.upper()]
    return next((r for r in RULES.values() if r.name == key), None)
