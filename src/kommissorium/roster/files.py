"""The files beside a charter: ``<organ>.medlemmer.yaml`` (roster) and ``<organ>.moeder.yaml``
(meeting plan). Loaded with the charter's safe loader (positions, Danish errors) and validated by
the pydantic models; problems are loading problems (Y, S) of the file itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommissorium.load.yaml import LoadedDocument, load_file
from kommissorium.problems import Problem

ROSTER_SUFFIX = ".medlemmer"
PLAN_SUFFIX = ".moeder"
_KINDS = {ROSTER_SUFFIX: "medlemmer", PLAN_SUFFIX: "moeder"}


def companion_kind(path: Path) -> str | None:
    """'medlemmer' or 'moeder' for a roster or meeting-plan file, else None."""
    stem = path.name
    for ext in (".yaml", ".yml"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
            break
    else:
        return None
    for suffix, kind in _KINDS.items():
        if stem.endswith(suffix) and len(stem) > len(suffix):
            return kind
    return None


def companion_of(path: Path) -> Path:
    """The charter file a roster or plan file stands beside (same folder, suffix removed)."""
    name = path.name
    for suffix in _KINDS:
        for ext in (".yaml", ".yml"):
            if name.endswith(suffix + ext):
                return path.with_name(name[: -len(suffix + ext)] + ext)
    return path


def companions_for(charter: Path) -> dict[str, Path]:
    """The roster and plan files that exist beside a charter file."""
    out: dict[str, Path] = {}
    stem = charter.name[: -len(charter.suffix)] if charter.suffix else charter.name
    for suffix, kind in _KINDS.items():
        for ext in (".yaml", ".yml"):
            p = charter.with_name(stem + suffix + ext)
            if p.is_file():
                out[kind] = p
                break
    return out


@dataclass
class CompanionFile:
    """A loaded roster or meeting-plan file."""

    kind: str  # 'medlemmer' | 'moeder'
    charter_id: str
    path: Path
    display: str
    doc: LoadedDocument
    data: Any  # Roster | MeetingPlan | None
    problems: list[Problem] = field(default_factory=list)

    def at(self, *path: Any, key: bool = False) -> tuple[int, int]:
        sm = self.doc.source_map
        return sm.key(path) if key else sm.value(path)


def load_companion(path: Path, display: str, charter_id: str, confine: Path | None) -> CompanionFile:
    from kommissorium.model.validate import validate_model
    from kommissorium.roster.model import Roster, Schedule

    kind = companion_kind(path) or "medlemmer"
    doc = load_file(path, display, confine=confine)
    problems = list(doc.problems)
    data = None
    if doc.data is not None:
        model = Roster if kind == "medlemmer" else Schedule
        data, schema = validate_model(model, doc.data, doc.source_map, display)
        problems += schema
        if problems:
            data = None
    return CompanionFile(kind, charter_id, path, display, doc, data, problems)
