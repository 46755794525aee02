"""The Danish document model: what a rendered kommissorium says, independent of any format.

A ``Document`` is a title block and a list of ``Section``s, each a list of blocks. Blocks are
plain data with a ``kind`` the templates switch on: ``paragraph``, ``list``, ``members`` and
``facts``. All text here is final Danish prose; formats only escape and lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Paragraph:
    text: str
    #: "note": a remark about the document itself (inherited from a frame, incomplete source).
    style: str = "normal"
    kind: str = "paragraph"


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    kind: str = "list"


@dataclass(frozen=True)
class MemberRow:
    #: The number of seats as a Danish count ("11", "2-4", "mindst 1", "efter behov").
    count: str
    #: The seat as one line of Danish ("1 direktør fra hver af de 11 kommuner").
    text: str
    #: The kommuner/klynger a seat is expanded over, named ("Hjørring, Brønderslev og Læsø Kommune").
    detail: str | None = None


@dataclass(frozen=True)
class MemberTable:
    rows: tuple[MemberRow, ...]
    #: Total permanent members ("20", "mindst 13"), None when not computable.
    total: str | None = None
    #: The total as a sentence ("I alt 20 faste medlemmer.").
    total_text: str | None = None
    caption: str = "Medlemmer"
    count_heading: str = "Antal"
    kind: str = "members"


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Facts:
    items: tuple[Fact, ...]
    kind: str = "facts"


Block = Union[Paragraph, BulletList, MemberTable, Facts]


@dataclass
class Section:
    key: str
    heading: str | None
    blocks: list[Block] = field(default_factory=list)
    #: Name of the frame this section is inherited from, if any.
    inherited_from: str | None = None
    #: Heading level below the document title (H1): 2 for a section, 3 for a subsection.
    level: int = 2

    @property
    def empty(self) -> bool:
        return not self.blocks


@dataclass
class Document:
    id: str
    title: str
    body_name: str
    lang: str = "da"
    #: The kind of document as a word for the running header: "Kommissorium", "Forretningsorden".
    kind: str = "Kommissorium"
    subtitle: str | None = None
    approval_line: str | None = None
    facts: tuple[Fact, ...] = ()
    sections: list[Section] = field(default_factory=list)
    #: Version line for the footer: "Version 1.2 (git 3f2a9c1 af 4. maj 2024)".
    version_line: str | None = None
    #: A remark on the document said once under its facts: 'Afsnit markeret med * følger
    #: rammen »…«.' (the sections it concerns carry ``inherited_from``).
    notice: str | None = None
    #: Free-form metadata: version, commit, commit_date, source, generator.
    meta: dict[str, str] = field(default_factory=dict)

    def section(self, key: str) -> Section | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None

    def text(self) -> str:
        """All prose of the document, for tests and search."""
        out = [self.title]
        for part in (self.subtitle, self.approval_line):
            if part:
                out.append(part)
        for s in self.sections:
            if s.heading:
                out.append(s.heading)
            for b in s.blocks:
                if isinstance(b, Paragraph):
                    out.append(b.text)
                elif isinstance(b, BulletList):
                    out.extend(b.items)
                elif isinstance(b, MemberTable):
                    out.extend(r.text for r in b.rows)
                    if b.total_text:
                        out.append(b.total_text)
                elif isinstance(b, Facts):
                    out.extend(f"{f.label}: {f.value}" for f in b.items)
        return "\n".join(out)
