"""From blocks to draft charters: sections, data, prose, and the account of every sentence.

A document describes one body (sections under headings) or several (seed 003: "Navn (4 møder
årligt): …" paragraphs, one per body). Each block of text is placed once, in the section it
came from, as the wording of the data recognised in it (``tekst``) or as prose (``noter``,
``indledning``, ``punkter``, a section's text). Afterwards every sentence of the source is
looked up in the draft; one that is missing is added to the charter's notes and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kommissorium.danish.vocabulary import SECTION_HEADINGS
from kommissorium.importer import recognise as rec
from kommissorium.importer.segment import Block, heading_key, sentences

#: Heading (lower case) → standard section.
SECTION_OF_HEADING: dict[str, str] = {
    "baggrund": "baggrund", "grundlag": "baggrund", "indledning": "baggrund",
    "lovgrundlag": "baggrund", "formål": "formål", "formål og opgaver": "formål",
    "principper": "principper", "opgaver": "opgaver", "opgaver og kompetencer": "opgaver",
    "mødeindhold/opgaver": "opgaver", "hovedopgaver": "opgaver", "kompetence": "opgaver",
    "sammensætning": "sammensætning", "medlemmer": "sammensætning", "deltagere": "sammensætning",
    "repræsentation": "sammensætning", "sammensætning og formandskab": "sammensætning",
    "formandskab": "formandskab", "formand": "formandskab", "formand og næstformand": "formandskab",
    "sekretariat": "sekretariat", "sekretariatsbetjening": "sekretariat",
    "møder": "møder", "mødefrekvens": "møder", "mødeafholdelse": "møder", "mødeform": "møder",
    "forretningsorden": "møder", "dagsorden": "møder", "mødeplan": "møder",
    "beslutninger": "beslutninger", "beslutningskompetence": "beslutninger",
    "beslutningsdygtighed": "beslutninger", "afstemning": "beslutninger",
    "referat": "referat", "referater": "referat", "dagsorden og referat": "referat",
    "offentliggørelse": "offentliggørelse", "relationer": "relationer",
    "ikrafttræden": "vedtagelse", "vedtagelse": "vedtagelse", "vedtagelse og ikrafttræden": "vedtagelse",
    "ændringer": "vedtagelse", "ændring af forretningsordenen": "vedtagelse",
    "ikrafttrædelse": "vedtagelse", "godkendelse": "vedtagelse", "stemmeafgivning": "beslutninger",
    "afstemning": "beslutninger",
    "organisering": "relationer", "samspil med andre organer": "relationer",
}
#: The headings a document gets without 'overskrifter' (the document builder's own).
DEFAULT_HEADINGS = SECTION_HEADINGS
STANDARD = tuple(DEFAULT_HEADINGS)


@dataclass
class Note:
    """One line of the report."""

    section: str  # section key or "dokument"
    kind: str  # "data", "prosa", "usikker", "reparation", "uplaceret"
    text: str
    line: int = 0
    where: str = ""


@dataclass
class Draft:
    name: str
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    sentences: list[tuple[str, Block]] = field(default_factory=list)
    slug: str = ""
    start_line: int = 0

    def section(self, key: str) -> dict[str, Any]:
        return self.data.setdefault(key, {})

    def note(self, section: str, kind: str, text: str, block: Block | None = None) -> None:
        self.notes.append(Note(section, kind, text, block.line if block else 0,
                               block.where() if block else ""))


def _append(d: dict[str, Any], key: str, value: Any) -> None:
    d.setdefault(key, []).append(value)


def _text(d: dict[str, Any], key: str, text: str) -> None:
    """Set d[key] = text, or add it as a new paragraph."""
    if d.get(key):
        d[key] = d[key] + "\n\n" + text
    else:
        d[key] = text


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# -- topics of sentences ------------------------------------------------------------------------


def topic(sentence: str) -> str | None:
    s = sentence
    low = s.lower()
    if re.match(r"^godkendt\b", low):
        return "godkendt"
    if re.search(r"\b(?:formand(?:skab(?:et)?)?|næstformand|formanden)\b", low) and not re.search(
            r"udvalgsformænd|formænd og", low) or re.search(r"\bledes af\b", low):
        return "formandskab"
    if re.search(r"sekretariatsbetjen|varetager sekretariat|sekretariatet varetages", low):
        return "sekretariat"
    if re.search(r"\bsuppleant", low):
        return "suppleanter"
    if re.search(r"dagsordener og referater|referater\s+(?:skal\s+)?(?:være\s+)?(?:offentlig|tilgængelig)", low):
        return "offentliggørelse"
    if re.search(r"konsensus|flertal\b|beslutningskompetence|beslutningsdygtig|stemmelighed|afstemning", low):
        return "beslutninger"
    if re.search(r"\bkan\s+(?:også\s+)?beslutte\s+at\s+(?:etablere|nedsætte)|\bkan\s+nedsætte\b", low):
        return "relationer"
    if re.match(r"^(?:der\s+(?:udarbejdes|skrives|tages)\s+)?referat", low) or re.search(
            r"\breferatet\s+(?:skrives|udarbejdes|godkendes|udsendes)", low):
        return "referat"
    if re.search(r"træder\s+i\s+kraft|ændringer\s+(?:af|i)\s+(?:denne\s+)?(?:forretningsorden|kommissori)", low):
        return "vedtagelse"
    if rec.parse_frequency(s) is not None and re.search(r"møde|gang", low):
        return "møder"
    if re.search(r"\bmøde\w*\b", low) and re.search(
            r"virtuel|fysisk|varighed|dagsorden\w* udsendes|ekstraordinær|yderligere møder", low):
        return "møder"
    return None


# -- single body --------------------------------------------------------------------------------


def split_sections(blocks: list[Block]) -> tuple[list[Block], list[tuple[Block | None, list[Block]]]]:
    """(blocks before the first section heading, [(heading, blocks)])."""
    front: list[Block] = []
    sections: list[tuple[Block | None, list[Block]]] = []
    started = False
    for b in blocks:
        if b.kind == "heading" and (started or _section_key(b) is not None or _is_section_heading(b, blocks)):
            started = True
            sections.append((b, []))
        elif started:
            sections[-1][1].append(b)
        else:
            front.append(b)
    return front, sections


def _section_key(b: Block) -> str | None:
    key = heading_key(b.text)
    if key in SECTION_OF_HEADING:
        return SECTION_OF_HEADING[key]
    for word, section in SECTION_OF_HEADING.items():
        if key.startswith(word + " ") and len(key.split()) <= 5:
            return section
    return None


def _is_section_heading(b: Block, blocks: list[Block]) -> bool:
    """A heading after the title: one that follows body text."""
    i = blocks.index(b)
    return any(x.kind in ("para", "item") for x in blocks[:i])


class Builder:
    def __init__(self, ctx: rec.Ctx, source_name: str):
        self.ctx = ctx
        self.source_name = source_name

    # -- one body ----------------------------------------------------------------------------

    def single(self, blocks: list[Block]) -> Draft:
        front, sections = split_sections(blocks)
        draft = Draft(name="")
        has_purpose = any(_section_key(h) == "formål" for h, _ in sections if h is not None)
        self.purpose_in_front = not has_purpose and any(
            b.kind == "para" and re.search(r"\bformål\b", b.text, re.IGNORECASE) for b in front)
        self.front(draft, front)
        last_standard: str | None = None
        for heading, body in sections:
            key = _section_key(heading) if heading else None
            if key is None:
                self.extra(draft, heading, body, last_standard)
                continue
            self.record_heading(draft, key, heading)
            self.section(draft, key, body, heading)
            last_standard = key
        return draft

    def record_heading(self, draft: Draft, key: str, heading: Block | None) -> None:
        if heading is None:
            return
        shown = re.sub(r":$", "", " ".join(heading.text.split()))
        if shown != DEFAULT_HEADINGS[key] and key not in draft.data.get("overskrifter", {}):
            draft.data.setdefault("overskrifter", {})[key] = shown
        draft.note(key, "data", f"overskriften »{shown}« → afsnittet '{key}'", heading)

    def front(self, draft: Draft, front: list[Block]) -> None:
        """Title, fact box, date and the text before the first section."""
        titles = [b for b in front if b.kind == "heading"]
        texts = [b.text for b in titles]
        doc_kind = None
        name = None
        title = None
        for i, t in enumerate(texts):
            low = t.lower()
            if low in ("notat", "bilag", "udkast"):
                draft.data.setdefault("_kildeord", []).append(t)
                draft.note("dokument", "data", f"»{t}« → kilde", titles[i])
                continue
            m = re.match(r"^(?:(generisk|fælles)\s+)?(kommissorium|forretningsorden|vedtægt(?:er)?)(?:\s+for\s+(.+))?$",
                         t, re.IGNORECASE)
            if m:
                doc_kind = m[2].lower().rstrip("er") if m[2].lower().startswith("vedtægt") else m[2].lower()
                if m[1]:
                    draft.data["ramme"] = True
                if m[3]:
                    name = m[3].strip()
                    if m[1]:
                        title = t
                draft.note("dokument", "data", f"titlen »{t}«", titles[i])
                continue
            if name is None:
                name = t
                draft.note("dokument", "data", f"»{t}« → navn", titles[i])
            else:
                draft.data.setdefault("noter", []).append(t)
                draft.note("dokument", "prosa", f"»{t}« → noter (endnu en titel)", titles[i])
        if name:
            name = name[:1].upper() + name[1:]
            draft.name = name
        if doc_kind and doc_kind != "kommissorium":
            draft.data["dokument"] = "vedtægt" if doc_kind.startswith("vedtæg") else doc_kind
        if title:
            draft.data["titel"] = title
        # The fact box: labels and their values.
        i = 0
        rest = [b for b in front if b.kind != "heading"]
        while i < len(rest):
            b = rest[i]
            if b.kind == "label":
                value = rest[i + 1] if i + 1 < len(rest) and rest[i + 1].kind == "value" else None
                self.label(draft, b, value)
                i += 2 if value else 1
                continue
            if b.kind == "value":
                self.loose_text(draft, b)
                i += 1
                continue
            date = rec.find_date(b.text)
            if date and len(b.text) <= 30:
                draft.data["dato"] = date
                draft.data.setdefault("_datotekst", []).append(b.text)
                draft.note("dokument", "data", f"»{b.text}« → dato: {date}", b)
                draft.sentences.append((b.text, b))
                i += 1
                continue
            if getattr(self, "purpose_in_front", False) and b.kind in ("para", "item"):
                # No "Formål" heading: the text under the title states the purpose.
                j = i
                while j < len(rest) and rest[j].kind in ("para", "item"):
                    j += 1
                for x in rest[i:j]:
                    draft.sentences.append((x.text, x))
                draft.note("formål", "prosa", "teksten under titlen står uden overskrift og nævner "
                                              "formålet → formål", b)
                self.prose(draft, "formål", rest[i:j])
                i = j
                continue
            self.loose_text(draft, b)
            i += 1

    def loose_text(self, draft: Draft, b: Block) -> None:
        if re.search(r"\b(?:generisk|udgør en ramme|ramme,? som)\b", b.text, re.IGNORECASE):
            draft.data["ramme"] = True
            draft.note("dokument", "data", "teksten beskriver en ramme → ramme: true", b)
        _append(draft.data, "noter", b.text)
        draft.sentences.append((b.text, b))
        draft.note("dokument", "prosa", f"»{_short(b.text)}« → noter (står før første afsnit)", b)

    def label(self, draft: Draft, label: Block, value: Block | None, record: bool = True) -> None:
        text = label.text
        labels = re.findall(r"([A-ZÆØÅ][\wæøå ]*?(?:\s+[^:]*?)?):", text)
        if len(labels) >= 2 and value is not None:
            self.columns(draft, label, value)
            return
        head, _, inline = text.partition(":")
        val = (inline.strip() + " " + (value.text if value else "")).strip()
        word = head.split()[0].lower()
        if record and not (text.endswith(":") and len(text.split()) <= 3 and word != "godkendt"):
            draft.sentences.append((text, label))  # a bare label ("Formandskab:") is no sentence
        if value is not None and record:
            draft.sentences.append((value.text, value))
        full = f"{head.strip()}: {val}" if val else text
        if word == "godkendt":
            approval = rec.parse_approval(head if not val else head + " " + val, self.ctx)
            g = draft.section("godkendt")
            g.update(approval)
            g["tekst"] = _join_text(g.get("tekst"), text.rstrip(":") if not val else full)
            draft.note("dokument", "data" if approval else "usikker",
                       f"»{_short(full)}« → godkendt" + (f" {show(approval)}" if approval else
                                                        " (hverken organ eller dato genkendt)"), label)
        elif word in ("formandskab", "formand") and val:
            chair = rec.parse_chair(val, self.ctx)
            c = draft.section("formandskab")
            for k, v in chair.items():
                c.setdefault(k, v)
            c["tekst"] = _join_text(c.get("tekst"), _sentence_case(val))
            draft.note("formandskab", "data" if chair else "prosa",
                       f"»{_short(val)}« → formandskab" + (f" {show(chair)}" if chair else ""), label)
        elif word == "sekretariat" and val:
            sec = rec.parse_secretariat(val if re.search(r"varetage|delt", val, re.I) else "varetages af " + val,
                                        self.ctx)
            s = draft.section("sekretariat")
            for k, v in sec.items():
                s.setdefault(k, v)
            _append(s, "noter", full)
            draft.note("sekretariat", "data" if sec else "prosa",
                       f"»{_short(full)}« → sekretariat" + (f" {show(sec)}" if sec else " (noter)"), label)
        elif word == "dato" and val and rec.find_date(val):
            draft.data["dato"] = rec.find_date(val)
            _append(draft.data, "noter", full)
            draft.note("dokument", "data", f"»{full}« → dato", label)
        else:
            _append(draft.data, "noter", full)
            draft.note("dokument", "prosa", f"»{_short(full)}« → noter", label)

    def columns(self, draft: Draft, label: Block, value: Block) -> None:
        """A fact box read column by column by a scanner: 'Formandskab: Sekretariat: Godkendt d.'
        over 'Delt mellem kommuner og Delt mellem kommuner og' / 'x x August 2022'."""
        heads = [h.strip() for h in re.findall(r"([^:]+?):", label.text + ":")]
        heads = [h for h in heads if h]
        n = len(heads)
        cols: list[list[str]] = [[] for _ in range(n)]
        for part in value.parts or [value.text]:
            words = part.split()
            pieces = _split_repeated(words, n)
            for j, p in enumerate(pieces[:n]):
                cols[j].append(p)
        draft.sentences.append((label.text, label))
        draft.sentences.append((value.text, value))
        values = [" ".join(c).strip() for c in cols]
        draft.note("dokument", "usikker",
                   "faktaboksen er læst som kolonner: " + "; ".join(
                       f"{h}: »{v}«" for h, v in zip(heads, values)), label)
        for h, v in zip(heads, values):
            if not v and not h.lower().startswith("godkendt"):
                continue
            fake = Block("label", f"{h}: {v}" if v else h, label.line, label.page)
            self.label(draft, fake, None, record=False)
        # the source lines as written, so nothing is lost
        _append(draft.data, "noter", f"{label.text} {value.text}")

    # -- sections ------------------------------------------------------------------------------

    def section(self, draft: Draft, key: str, blocks: list[Block], heading: Block | None) -> None:
        for b in blocks:
            if b.kind in ("para", "item", "value", "label"):
                draft.sentences.append((b.text, b))
        if key in ("baggrund", "formål"):
            self.prose(draft, key, blocks)
        elif key in ("opgaver", "principper"):
            self.list_section(draft, key, blocks)
        elif key == "sammensætning":
            self.composition(draft, blocks)
        elif key == "formandskab":
            for b in blocks:
                if not self.moved(draft, key, b):
                    self.chair_text(draft, b)
        elif key == "sekretariat":
            for b in blocks:
                if not self.moved(draft, key, b):
                    self.secretariat_text(draft, b)
        elif key == "møder":
            for b in blocks:
                if not self.moved(draft, key, b):
                    self.meeting_text(draft, b)
        elif key == "beslutninger":
            for b in blocks:
                if not self.moved(draft, key, b):
                    self.decision_text(draft, b)
        elif key == "offentliggørelse":
            for b in blocks:
                if not self.moved(draft, key, b):
                    self.publication_text(draft, b)
        elif key == "referat":
            for b in blocks:
                if not self.moved(draft, key, b):
                    self.procedure_text(draft, "referat", rec.parse_minutes, b)
        elif key == "vedtagelse":
            for b in blocks:
                if not self.moved(draft, key, b):
                    self.procedure_text(draft, "vedtagelse", rec.parse_adoption, b)
        else:
            r = draft.section("relationer")
            for b in blocks:
                _append(r, "noter", b.text)
                draft.note(key, "prosa", f"»{_short(b.text)}« → relationer.noter", b)

    def moved(self, draft: Draft, key: str, b: Block) -> bool:
        """A paragraph whose topic is another data section goes there with its wording."""
        t = topic(sentences(b.text)[0]) if b.kind != "item" else None
        if t == "formandskab" and key != "formandskab":
            if rec.parse_chair(b.text, self.ctx):
                self.chair_text(draft, b, moved_from=key)
                return True
        if t == "møder" and key != "møder":
            self.meeting_text(draft, b, moved_from=key)
            return True
        if t == "sekretariat" and key != "sekretariat":
            self.secretariat_text(draft, b, moved_from=key)
            return True
        if t == "beslutninger" and key != "beslutninger" and rec.parse_decisions(b.text):
            self.decision_text(draft, b, moved_from=key)
            return True
        if t == "offentliggørelse" and key != "offentliggørelse":
            self.publication_text(draft, b, moved_from=key)
            return True
        if t == "relationer" and key != "relationer":
            r = draft.section("relationer")
            for s in sentences(b.text):
                m = re.search(r"\b(?:etablere|nedsætte)\s+(.+?)[.]?$", s)
                if m and topic(s) == "relationer":
                    _append(r, "kan-nedsætte", m[1])
            if not r.get("tekst"):
                r["tekst"] = b.text
            else:
                _append(r, "noter", b.text)
            draft.note("relationer", "data", f"»{_short(b.text)}« → relationer.kan-nedsætte (fra {key})", b)
            return True
        if t == "referat" and key != "referat" and rec.parse_minutes(b.text):
            self.procedure_text(draft, "referat", rec.parse_minutes, b, moved_from=key)
            return True
        if t == "vedtagelse" and key != "vedtagelse" and rec.parse_adoption(b.text):
            self.procedure_text(draft, "vedtagelse", rec.parse_adoption, b, moved_from=key)
            return True
        if t == "suppleanter" and key != "sammensætning":
            comp = draft.section("sammensætning")
            comp["suppleanter"] = {"tilladt": True, "tekst": b.text}
            draft.note("sammensætning", "data", f"»{_short(b.text)}« → suppleanter (fra {key})", b)
            return True
        return False

    def prose(self, draft: Draft, key: str, blocks: list[Block]) -> None:
        i = 0
        while i < len(blocks):
            b = blocks[i]
            if b.kind == "para" and b.text.rstrip().endswith(":") and i + 1 < len(blocks) \
                    and blocks[i + 1].kind == "item":
                items = []
                j = i + 1
                while j < len(blocks) and blocks[j].kind == "item":
                    items.append(blocks[j])
                    j += 1
                target = "principper" if re.search(r"princip", b.text, re.I) else (
                    "opgaver" if re.search(r"opgave", b.text, re.I) else None)
                if target and target not in draft.data:
                    sec = draft.section(target)
                    sec["indledning"] = b.text
                    sec["punkter"] = [x.text for x in items]
                    draft.note(target, "prosa", f"»{_short(b.text)}« og {len(items)} punkter → {target}", b)
                    i = j
                    continue
                _text(draft.data, key, b.text + "\n" + "\n".join("– " + x.text for x in items))
                draft.note(key, "prosa", f"»{_short(b.text)}« med {len(items)} punkter → {key} (som tekst)", b)
                i = j
                continue
            if self.moved(draft, key, b):
                i += 1
                continue
            if key in ("formål", "baggrund") and key in draft.data and isinstance(draft.data[key], dict):
                pass
            if key == "formål" and draft.data.get("principper") and not draft.data.get("opgaver"):
                # text after the principles belongs to them
                _append(draft.data["principper"], "noter", b.text)
                draft.note("principper", "prosa", f"»{_short(b.text)}« → principper.noter", b)
                i += 1
                continue
            _text(draft.data, key, b.text)
            draft.note(key, "prosa", f"»{_short(b.text)}« → {key}", b)
            i += 1

    def list_section(self, draft: Draft, key: str, blocks: list[Block]) -> None:
        sec = draft.section(key)
        seen_items = False
        for b in blocks:
            if b.kind == "item":
                _append(sec, "punkter", b.text)
                seen_items = True
                continue
            if self.moved(draft, key, b):
                continue
            if not seen_items:
                _text(sec, "indledning", b.text)
                draft.note(key, "prosa", f"»{_short(b.text)}« → {key}.indledning", b)
            else:
                _append(sec, "noter", b.text)
                draft.note(key, "prosa", f"»{_short(b.text)}« → {key}.noter", b)
        if sec.get("punkter"):
            draft.note(key, "data", f"{len(sec['punkter'])} punkter → {key}.punkter", blocks[0] if blocks else None)

    def composition(self, draft: Draft, blocks: list[Block]) -> None:
        comp = draft.section("sammensætning")
        for idx, b in enumerate(blocks):
            text = b.text
            if b.kind == "para" and text.rstrip().endswith(":") and not comp.get("medlemmer") \
                    and "indledning" not in comp:
                comp["indledning"] = text
                if re.search(r"\b(?:minimum|mindst)\s+følgende\b", text, re.IGNORECASE):
                    comp["minimum"] = True
                    draft.note("sammensætning", "data", "»minimum følgende« → minimum: true", b)
                draft.note("sammensætning", "prosa", f"»{_short(text)}« → indledning", b)
                continue
            if b.kind == "item":
                self.seat_line(draft, comp, b)
                continue
            if self.moved(draft, "sammensætning", b):
                continue
            if topic(sentences(text)[0]) == "suppleanter" and "suppleanter" not in comp:
                comp["suppleanter"] = {"tilladt": True, "tekst": text}
                draft.note("sammensætning", "data", f"»{_short(text)}« → suppleanter tilladt", b)
                continue
            if im := re.search(r"\b(?:muligt at|kan)\s+inddrage\s+(?P<who>.+?)(?:,?\s+når\b|\s+efter behov|[.]?$)", text):
                p = {"antal": {"mindst": 0}, "rolle": im["who"].strip(), "efter-behov": True, "tekst": text}
                _append(comp, "deltagere", p)
                draft.note("sammensætning", "data", f"»{_short(text)}« → deltagere efter behov", b)
                continue
            if re.match(r"^derudover\b", text, re.IGNORECASE) or re.search(r"^\S*repræsentation fra", text):
                self.participant(draft, comp, b)
                continue
            # paragraph sentences that state seats ("Hvert KKR udpeger en deltager fra …")
            placed = False
            for s in sentences(text):
                seats = None
                if m := re.search(r"\b(?:består af|bestående af|sammensættes af|sammensat af)\s+(.+)$", s):
                    seats = rec.parse_seats(m[1], self.ctx)
                elif re.search(r"udpeger|har \d", s):
                    seats = rec.parse_seats(s, self.ctx)
                if seats and s == sentences(text)[0]:
                    for k, seat in enumerate(seats):
                        if k == 0:
                            seat["tekst"] = s
                        _append(comp, "medlemmer", seat)
                    draft.note("sammensætning", "data", f"»{_short(s)}« → {len(seats)} pladsgruppe(r)", b)
                    rest = text[len(s):].strip()
                    if rest:
                        _append(comp, "noter", rest)
                        draft.note("sammensætning", "prosa", f"»{_short(rest)}« → noter", b)
                    placed = True
                    break
            if placed:
                continue
            _append(comp, "noter", text)
            draft.note("sammensætning", "prosa", f"»{_short(text)}« → noter", b)
        self._flush_unsure(draft, "sammensætning")

    def _flush_unsure(self, draft: Draft, section: str) -> None:
        for msg in self.ctx.unsure:
            if msg.startswith("OK: "):
                draft.note(section, "data", msg[4:])
            else:
                draft.note(section, "usikker", msg)
        self.ctx.unsure.clear()

    def seat_line(self, draft: Draft, comp: dict[str, Any], b: Block) -> None:
        text = b.text.rstrip()
        if re.search(r"\bad hoc\b|\befter behov\b", text, re.IGNORECASE) and not re.match(r"^\d", text):
            fm = re.search(r"\bfra\s+(.+?)(?:\s+efter behov|[.,]|$)", text)
            role = "deltager" + (f" fra {fm[1]}" if fm else "")
            p: dict[str, Any] = {"antal": {"mindst": 0}, "rolle": role, "efter-behov": True}
            if re.search(r"\bad hoc\b", text, re.IGNORECASE):
                p["ad-hoc"] = True
            p["tekst"] = text
            _append(comp, "deltagere", p)
            draft.note("sammensætning", "data", f"»{_short(text)}« → deltagere (efter behov)", b)
            return
        seats = rec.parse_seats(text, self.ctx)
        if seats:
            for k, seat in enumerate(seats):
                if k == 0:
                    seat["tekst"] = text
                _append(comp, "medlemmer", seat)
            desc = ", ".join(f"{_count_str(s['antal'])} × {s['rolle']}" + (f" for hver {s['for-hver']}" if s.get('for-hver') else "")
                             for s in seats)
            draft.note("sammensætning", "data", f"»{_short(text)}« → {desc}", b)
            return
        _append(comp, "noter", text)
        draft.note("sammensætning", "usikker",
                   f"»{_short(text)}« er ikke læst som pladser (intet antal og ingen rolle) → noter", b)

    def participant(self, draft: Draft, comp: dict[str, Any], b: Block) -> None:
        text = b.text
        body = re.sub(r"^derudover\s+(?:deltager\s+)?", "", text, flags=re.IGNORECASE).rstrip(".")
        role = body
        p: dict[str, Any] = {}
        if m := re.match(r"^(.+?)\s+fra\s+(.+)$", body):
            k = self.ctx.ref(m[2])
            if k is not None:
                p["fra"] = k.ref
                role = m[1]
        p = {"rolle": role, **p, "tekst": text}
        _append(comp, "deltagere", p)
        draft.note("sammensætning", "data", f"»{_short(text)}« → deltagere", b)

    def chair_text(self, draft: Draft, b: Block, moved_from: str | None = None) -> None:
        chair = rec.parse_chair(b.text, self.ctx)
        c = draft.section("formandskab")
        for k, v in chair.items():
            c.setdefault(k, v)
        if "formand" in chair and re.search(r"forberede dagsordenen", b.text):
            _append(c, "opgaver", "at forberede dagsordenen for møderne")
        if chair and not c.get("tekst"):
            c["tekst"] = b.text
        else:
            _append(c, "noter", b.text)
        where = f" (fra afsnittet '{moved_from}')" if moved_from else ""
        draft.note("formandskab", "data" if chair else "prosa",
                   f"»{_short(b.text)}« → formandskab{where}" + (f": {show(chair)}" if chair else ""), b)

    def secretariat_text(self, draft: Draft, b: Block, moved_from: str | None = None) -> None:
        sec = rec.parse_secretariat(b.text, self.ctx)
        s = draft.section("sekretariat")
        for k, v in sec.items():
            s.setdefault(k, v)
        if sec and not s.get("tekst"):
            s["tekst"] = b.text
        else:
            _append(s, "noter", b.text)
        where = f" (fra afsnittet '{moved_from}')" if moved_from else ""
        draft.note("sekretariat", "data" if sec else "prosa",
                   f"»{_short(b.text)}« → sekretariat{where}" + (f": {show(sec)}" if sec else ""), b)

    def meeting_text(self, draft: Draft, b: Block, moved_from: str | None = None) -> None:
        m = draft.section("møder")
        rest: list[str] = []
        for s in sentences(b.text):
            freq = rec.parse_frequency(s)
            details = rec.parse_meeting_details(s)
            if freq and "pr-år" not in m:
                m["pr-år"] = freq
                m["tekst"] = s
                draft.note("møder", "data", f"»{_short(s)}« → pr-år: {show(freq)}", b)
                for k, v in details.items():
                    if k != "ekstraordinære":
                        m.setdefault(k, v)
                continue
            if "ekstraordinære" in details and "ekstraordinære" not in m:
                m["ekstraordinære"] = details.pop("ekstraordinære")
                draft.note("møder", "data", f"»{_short(s)}« → ekstraordinære møder tilladt", b)
                for k, v in details.items():
                    m.setdefault(k, v)
                continue
            details.pop("ekstraordinære", None)
            if details:
                for k, v in details.items():
                    m.setdefault(k, v)
                draft.note("møder", "data", f"»{_short(s)}« → {show(details)} (teksten står i noter)", b)
            rest.append(s)
        if rest:
            _append(m, "noter", " ".join(rest))
            if not any(n.line == b.line and n.kind == "data" for n in draft.notes):
                draft.note("møder", "prosa", f"»{_short(' '.join(rest))}« → møder.noter", b)

    def decision_text(self, draft: Draft, b: Block, moved_from: str | None = None) -> None:
        d = draft.section("beslutninger")
        rest = []
        for s in sentences(b.text):
            got = rec.parse_decisions(s)
            for k, v in got.items():
                if isinstance(v, dict) and isinstance(d.get(k), dict):
                    for kk, vv in v.items():
                        d[k].setdefault(kk, vv)
                else:
                    d.setdefault(k, v)
            if got and not d.get("tekst"):
                d["tekst"] = s
            else:
                rest.append(s)
            if got:
                draft.note("beslutninger", "data", f"»{_short(s)}« → {show(got)}", b)
        if rest:
            if not d.get("tekst") and not d.get("noter"):
                d["tekst"] = " ".join(rest)
            else:
                _append(d, "noter", " ".join(rest))
            draft.note("beslutninger", "prosa", f"»{_short(' '.join(rest))}« → beslutninger", b)

    def procedure_text(self, draft: Draft, key: str, parse, b: Block, moved_from: str | None = None) -> None:
        """Minutes (referat) and adoption (vedtagelse): data from each sentence, the wording in
        'tekst' (first paragraph) or 'noter'."""
        sec = draft.section(key)
        got: dict[str, Any] = {}
        for s in sentences(b.text):
            for k, v in parse(s).items():
                got.setdefault(k, v)
        for k, v in got.items():
            sec.setdefault(k, v)
        if not sec.get("tekst"):
            sec["tekst"] = b.text
        elif key == "referat" or key == "vedtagelse":
            _append(sec, "noter", b.text) if key in ("vedtagelse", "referat") else None
        where = f" (fra afsnittet '{moved_from}')" if moved_from else ""
        draft.note(key, "data" if got else "prosa",
                   f"»{_short(b.text)}« → {key}{where}" + (f": {show(got)}" if got else ""), b)

    def publication_text(self, draft: Draft, b: Block, moved_from: str | None = None) -> None:
        p = draft.section("offentliggørelse")
        rest = []
        for s in sentences(b.text):
            m = re.search(r"dagsordener og referater.*?\bpå\s+(.+?)[.]?$", s, re.IGNORECASE)
            if m and "dagsordener-og-referater" not in p:
                p["dagsordener-og-referater"] = m[1].strip()
                p["tekst"] = s
                draft.note("offentliggørelse", "data", f"»{_short(s)}« → dagsordener-og-referater", b)
            else:
                rest.append(s)
        if rest:
            key = moved_from or "offentliggørelse"
            if key == "offentliggørelse":
                _text(p, "tekst", " ".join(rest))
            else:  # the rest of a moved paragraph stays where it came from
                self._rest_to(draft, key, " ".join(rest), b)

    def _rest_to(self, draft: Draft, key: str, text: str, b: Block) -> None:
        if key in ("baggrund", "formål"):
            _text(draft.data, key, text)
        elif key == "sekretariat":
            _append(draft.section("sekretariat"), "noter", text)
        elif key in ("opgaver", "principper", "sammensætning", "møder", "beslutninger", "formandskab",
                     "relationer"):
            _append(draft.section(key), "noter", text)
        else:
            _append(draft.data, "noter", text)
        draft.note(key, "prosa", f"»{_short(text)}« → {key}", b)

    def extra(self, draft: Draft, heading: Block | None, blocks: list[Block], after: str | None) -> None:
        title = re.sub(r":$", "", heading.text) if heading else "Andet"
        sec: dict[str, Any] = {"overskrift": title}
        if after:
            sec["efter"] = after
        seen_items = False
        for b in blocks:
            draft.sentences.append((b.text, b))
            if b.kind == "item":
                _append(sec, "punkter", b.text)
                seen_items = True
            elif self.moved(draft, title, b):
                continue
            elif not seen_items and "noter" not in sec:
                _text(sec, "tekst", b.text)
            else:
                _append(sec, "noter", b.text)
        _append(draft.data, "afsnit", sec)
        draft.note(title, "prosa", f"afsnittet »{title}« har ingen fast plads i formatet → afsnit "
                                   f"(efter '{after or 'begyndelsen'}')", heading)


def show(value: Any) -> str:
    """Data as the YAML a user reads: 'delt-mellem: [kommuner, region]'."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _count_str(c: Any) -> str:
    if isinstance(c, int):
        return str(c)
    from kommissorium.danish import count_text

    return count_text(c.get("mindst"), c.get("højst"))


def _join_text(old: str | None, new: str) -> str:
    return new if not old else f"{old} {new}"


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _split_repeated(words: list[str], n: int) -> list[str]:
    """Split one scanned line of an n-column fact box: 'a b a b c' → ['a b', 'a b', 'c']."""
    if n <= 1 or not words:
        return [" ".join(words)]
    import difflib

    for k in range(len(words) // 2, 0, -1):
        first, second = " ".join(words[:k]), " ".join(words[k:2 * k])
        if difflib.SequenceMatcher(None, first.lower(), second.lower()).ratio() >= 0.8:
            rest = words[2 * k:]
            return [first, second] + ([" ".join(rest)] if rest else [])
    return [" ".join(words)]
