"""Problems: the single currency of every check (parse, schema, rules).

A problem names a code (family letters + digits), a dotted name, a severity, a Danish
message and where it is: file, 1-based line and column, and optionally other places
(``related``) for findings that span files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "fejl"
    WARNING = "advarsel"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"fejl": 0, "advarsel": 1, "info": 2}[self.value]

    @classmethod
    def parse(cls, text: str) -> "Severity":
        aliases = {
            "error": cls.ERROR,
            "fejl": cls.ERROR,
            "warning": cls.WARNING,
            "advarsel": cls.WARNING,
            "info": cls.INFO,
        }
        try:
            return aliases[text.strip().lower()]
        except KeyError:
            raise ValueError(text) from None


@dataclass(frozen=True, order=False)
class Location:
    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column}


@dataclass(frozen=True)
class Related:
    """Another place a cross-file finding refers to."""

    location: Location
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**self.location.to_dict(), "message": self.message}


@dataclass(frozen=True)
class Problem:
    code: str
    name: str
    severity: Severity
    message: str
    file: str
    line: int = 1
    column: int = 1
    related: tuple[Related, ...] = field(default=())
    charter: str | None = None  # the charter id the problem belongs to, when known

    @property
    def location(self) -> Location:
        return Location(self.file, self.line, self.column)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.message)

    def with_severity(self, severity: Severity) -> "Problem":
        from dataclasses import replace

        return replace(self, severity=severity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "related": [r.to_dict() for r in self.related],
        }


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)
