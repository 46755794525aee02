"""The optional member list at the end of a charter's document: 'Medlemmer pr. 1. januar 2027'.

Shown when the roster beside the charter says ``i-dokumentet: true``; a charter is approved
without names, so the list is an appendix of the published document, not part of the charter.
Built from ``roster.view`` (what may be published): hidden names are 'NN'."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet
    from kommissorium.document.model import Section

SECTION_KEY = "medlemsliste"


def member_section(cs: "CharterSet", cid: str) -> "Section | None":
    from kommissorium.danish.roster import HIDDEN_NOTE
    from kommissorium.document.model import MemberRow, MemberTable, Paragraph, Section
    from kommissorium.roster.view import roster_view

    view = roster_view(cs, cid)
    if view is None or not view.in_document:
        return None
    rows = []
    for r in view.rows:
        if r.person is None:
            name = "Ledig"
        elif r.person.hidden:
            name = f"{r.person.name} ({HIDDEN_NOTE})"
        else:
            name = r.person.name + (f" ({r.person.party})" if r.person.party else "")
        alts = [a.name for a in r.alternates]
        detail = r.seat + (f"; personlig suppleant: {', '.join(alts)}" if alts else "")
        rows.append(MemberRow(count=r.office or "Medlem", text=name, detail=detail))
    blocks: list = [MemberTable(tuple(rows), caption=view.heading, count_heading="Post")]
    if view.source:
        blocks.append(Paragraph(f"Kilde: {view.source}", style="note"))
    return Section(SECTION_KEY, view.heading, blocks)
