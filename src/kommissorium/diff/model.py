"""What a diff finds: a change (one Danish sentence, a word diff for rewordings), the changes of
one charter, and those of the whole corpus with the findings the change introduces or resolves."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.problems import Problem

#: The charters' order in a diff, by status.
STATUS_ORDER = {"ændret": 0, "flyttet": 1, "tilføjet": 2, "fjernet": 3}


@dataclass
class Change:
    kind: str
    text: str  # one Danish sentence
    words: list[tuple[str, str]] | None = None  # word diff, for rewordings

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.words is not None:
            d["words"] = [{"op": op, "text": t} for op, t in self.words]
        return d


@dataclass
class CharterDiff:
    status: str  # tilføjet | fjernet | ændret | flyttet
    id: str
    name: str
    file: str
    old_id: str | None = None
    old_file: str | None = None
    changes: list[Change] = field(default_factory=list)
    members_before: str | None = None
    members_after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "id": self.id,
            "name": self.name,
            "file": self.file,
            "old_id": self.old_id,
            "old_file": self.old_file,
            "members": {"before": self.members_before, "after": self.members_after},
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass
class CorpusDiff:
    base: str
    head: str
    charters: list[CharterDiff]
    introduced: list["Problem"]
    resolved: list["Problem"]
    #: Notices about the comparison itself (git attributes that mark charter files).
    notices: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.charters and not self.introduced and not self.resolved and not self.notices

    def counts(self) -> dict[str, int]:
        """Charters per status."""
        out: dict[str, int] = {}
        for c in self.charters:
            out[c.status] = out.get(c.status, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "head": self.head,
            "charters": [c.to_dict() for c in self.charters],
            "findings": {
                "introduced": [p.to_dict() for p in self.introduced],
                "resolved": [p.to_dict() for p in self.resolved],
            },
            "notices": list(self.notices),
        }
