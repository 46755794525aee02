"""A charter as a Danish document: title, approval line, sections of paragraphs, lists and a
member table. Formats (HTML, Markdown, Typst/PDF) are rendered from this model and know nothing
of charters."""

from kommissorium.document.build import DEFAULT_HEADINGS, GitInfo, build_document
from kommissorium.document.model import (
    Block,
    BulletList,
    Document,
    Fact,
    Facts,
    MemberRow,
    MemberTable,
    Paragraph,
    Section,
)

__all__ = [
    "Block", "BulletList", "DEFAULT_HEADINGS", "Document", "Fact", "Facts", "GitInfo",
    "MemberRow", "MemberTable", "Paragraph", "Section", "build_document",
]
