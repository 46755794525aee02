"""One body or several: a document like seed 003 describes some fifteen bodies, each in a
paragraph that starts with its name ("Porteføljestyregruppen (4-6 møder årligt): …"); list
items under one of them ("Samarbejdsudvalg for almen læger: …") are its sub-bodies. Each
body gets its own charter; the relations between them (a sub-body, "har reference til",
"udpeges af") refer to the other charters of the same import."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kommissorium.importer.names import Known
from kommissorium.importer.segment import Block, sentences

_BODY_NOUN = (r"(?:udvalg\w*|forum|fora\w*|foraene|grupp\w*|råd\w*|styregrupp\w*|"
              r"forretningsudvalg\w*|sekretariat\w*|klynge\w*|netværk\w*|dialogforum)")
START = re.compile(
    r"^(?P<name>[A-ZÆØÅ][^:()]{2,80}?)\s*(?P<parens>(?:\([^)]{1,80}\)\s*)*):\s+(?P<rest>\S.*)$")


@dataclass
class BodyPart:
    name: str
    parens: list[str]
    start: Block
    rest: str
    blocks: list[Block] = field(default_factory=list)
    parent: "BodyPart | None" = None
    labels: list[Block] = field(default_factory=list)


def body_start(b: Block) -> re.Match[str] | None:
    if b.kind not in ("para", "item"):
        return None
    m = START.match(b.text)
    if not m:
        return None
    name = m["name"].strip()
    if not re.search(_BODY_NOUN, name, re.IGNORECASE) or len(name.split()) > 8:
        return None
    # "Klynge Nord: Hjørring Kommune, …" lists members, it does not describe a body
    if re.fullmatch(r"[^.]*,[^.]*,[^.]*\.?", m["rest"]) and not re.search(
            r"\b(?:er|har|består|deltager|sidder|mødes)\b", m["rest"]):
        return None
    return m


def split_bodies(blocks: list[Block]) -> tuple[str, Any]:
    """("single", blocks) or ("multi", (preamble, [BodyPart]))."""
    from kommissorium.importer.build import _section_key

    starts = [b for b in blocks if body_start(b)]
    sections = {(_section_key(b)) for b in blocks if b.kind == "heading"} - {None, "baggrund"}
    if len(starts) < 3 or len(sections) >= 2:
        return "single", blocks
    preamble: list[Block] = []
    parts: list[BodyPart] = []
    pending: list[Block] = []
    current: BodyPart | None = None
    top: BodyPart | None = None
    for b in blocks:
        m = body_start(b)
        if m:
            parens = [p.strip() for p in re.findall(r"\(([^)]*)\)", m["parens"] or "")]
            part = BodyPart(m["name"].strip(), parens, b, m["rest"].strip())
            if b.kind == "item" and top is not None:
                part.parent = top
            else:
                top = part
            part.labels = pending
            pending = []
            parts.append(part)
            current = part
            continue
        if current is None:
            preamble.append(b)
            continue
        if b.kind == "para" and b.text.endswith(":") and len(b.text.split()) <= 6:
            pending.append(b)  # a group label ("Overordnede politiske fora:") for what follows
            continue
        target = current
        if b.kind == "para" and current.parent is not None:
            target = current.parent  # text after the sub-bodies belongs to the parent again
            current = target
        target.blocks.append(b)
    if pending:
        (current.blocks if current else preamble).extend(pending)
    return "multi", (preamble, parts)


def build_all(builder, split: tuple[str, Any], index) -> list:
    from kommissorium.importer.build import Draft

    kind, value = split
    if kind == "single":
        return [builder.single(value)]
    preamble, parts = value
    # The document's title and the text before the first body.
    head = builder.single(preamble)
    for part in parts:
        known = Known("@" + part.name, part.name, "organ", builder.ctx.region)
        index.add(part.name, known)
        for p in part.parens:
            if re.fullmatch(r"[A-ZÆØÅ]{2,6}", p):
                index.add(p, known)
    for part in parts:
        for acronym in _acronyms(part, parts):
            index.add(acronym, Known("@" + part.name, part.name, "organ", builder.ctx.region))
    drafts = []
    for i, part in enumerate(parts):
        d = Draft(name=part.name)
        d.start_line = part.start.line
        if i == 0:
            _preamble_into(head, d)
        elif "dato" in head.data:
            d.data["dato"] = head.data["dato"]  # the document's date is every body's
        builder_body(builder, d, part)
        drafts.append(d)
    return drafts


def _acronyms(part: "BodyPart", parts: list["BodyPart"]) -> list[str]:
    """'SKU' for Sundhedskoordinationsudvalget: capitals used in the text whose letters start
    the name and its last part ('udvalg', 'råd')."""
    return []


def _preamble_into(head, d) -> None:
    """The document's own title, date and background go to the first body's charter."""
    for key in ("dato", "godkendt", "_kildeord"):
        if key in head.data:
            d.data[key] = head.data[key]
    texts = []
    if head.name:
        texts.append(head.name)
    for key in ("baggrund", "formål"):
        if head.data.get(key):
            texts.append(head.data[key])
    for n in head.data.get("noter", []):
        texts.append(n)
    for key in ("principper", "opgaver"):
        sec = head.data.get(key)
        if sec:
            texts.append("\n".join([sec.get("indledning", "")] + [f"– {p}" for p in sec.get("punkter", [])]).strip())
    if texts:
        d.data["baggrund"] = "\n\n".join(t for t in texts if t)
    d.sentences.extend(head.sentences)
    d.notes.extend(head.notes)
    d.note("baggrund", "prosa", "dokumentets titel og indledning → baggrund i det første organs "
                                "kommissorium")
    d.data["_dokumenttitel"] = head.name


_SEATS = re.compile(r"\b(?:består af|bestående af|sammensat af|deltagerne er|har\s+(?:\d+|fem|fire|tre|to|seks)\s|"
                    r"\d+\s+\w+.*\bdeltager\b|sidder med|deltagelse fra)", re.IGNORECASE)
_PURPOSE = re.compile(r"\bformål\w*\b|\bhar til opgave\b|\bansvaret for\b|\barbejder for\b|\ber oprettet for\b|"
                      r"\ber nedsat til\b", re.IGNORECASE)


def builder_body(builder, d, part: BodyPart) -> None:
    from kommissorium.importer import recognise as rec
    from kommissorium.importer.build import _append, _short, _text, topic

    from kommissorium.importer.build import show

    ctx = builder.ctx
    if part.parent is not None:
        d.data["_parent"] = part.parent.name
    for lab in part.labels:
        _append(d.data, "noter", lab.text)
        d.sentences.append((lab.text, lab))
        d.note("dokument", "prosa", f"»{lab.text}« (gruppeoverskrift) → noter", lab)
    # The parentheses after the name: short name, meetings, or a note.
    for p in part.parens:
        if re.fullmatch(r"[A-ZÆØÅ]{2,6}", p):
            d.data["forkortelse"] = p
            d.note("dokument", "data", f"»({p})« → forkortelse", part.start)
            continue
        freq = rec.parse_frequency(p) or (rec.parse_frequency(p + " årligt") if re.search(r"møde", p) else None)
        if freq and "møder" not in d.data:
            d.data["møder"] = {"pr-år": freq, "tekst": p}
            d.note("møder", "data", f"»{p}« → pr-år: {show(freq)}", part.start)
            continue
        _append(d.data, "noter", f"({p})" if not p.endswith(")") else p)
        d.note("dokument", "prosa", f"»({p})« → noter", part.start)
    if part.parent is not None and "møder" not in d.data:
        # "Samarbejdsudvalg (ca. 4 møder årligt i hvert fora)": the frequency holds for each
        for p in part.parent.parens:
            if re.search(r"\bi\s+hver[t]?\b", p) and (freq := rec.parse_frequency(p)):
                d.data["møder"] = {"pr-år": freq, "tekst": p}
                d.note("møder", "data", f"»{p}« (hos {part.parent.name}) → pr-år: {show(freq)}", part.start)
    for p in part.parens:
        d.sentences.append((p, part.start))
    paragraphs: list[tuple[str, Block]] = [(part.rest, part.start)]
    paragraphs += [(b.text, b) for b in part.blocks]
    for b in part.blocks:
        d.sentences.append((b.text, b))
    for text, b in paragraphs:
        # "Den administrative forhandlingsgruppe (behovsbaseret antal møder): 2 …" — a second header
        m = re.match(r"^(?P<n>[A-ZÆØÅ][^:()]{2,80}?)\s*\((?P<p>[^)]*)\):\s+(?P<r>.+)$", text)
        if m and m["n"].strip().lower() == part.name.lower():
            freq = rec.parse_frequency(m["p"])
            if freq and "møder" not in d.data:
                d.data["møder"] = {"pr-år": freq, "tekst": m["p"]}
                d.note("møder", "data", f"»{m['p']}« → pr-år: {show(freq)}", b)
            else:
                _append(d.data, "noter", f"{m['n']} ({m['p']}):")
            d.data.setdefault("andre-navne", []).append(m["n"].strip())
            d.sentences.append((m["p"], b))
            text = m["r"]
        if b is part.start:
            d.sentences.append((text, b))
        if "forkortelse" not in d.data and (
                sm := re.search(re.escape(part.name) + r"\s*\(([A-ZÆØÅ]{2,6})\)", text, re.IGNORECASE)):
            d.data["forkortelse"] = sm[1]
            d.note("dokument", "data", f"»{part.name} ({sm[1]})« → forkortelse", b)
        for s in sentences(text):
            _body_sentence(builder, d, s, b)


def _body_sentence(builder, d, s: str, b: Block) -> None:
    from kommissorium.importer import recognise as rec
    from kommissorium.importer.build import _append, _short, _text, topic

    ctx = builder.ctx
    t = topic(s)
    fake = Block(b.kind, s, b.line, b.page)
    if t == "formandskab" and rec.parse_chair(s, ctx):
        builder.chair_text(d, fake)
        return
    if t == "sekretariat" or re.search(r"sekretariatsbetjenes", s):
        builder.secretariat_text(d, fake)
        return
    if t == "beslutninger":
        builder.decision_text(d, fake)
        return
    if t == "møder" and "pr-år" not in d.data.get("møder", {}):
        builder.meeting_text(d, fake)
        return
    if _SEATS.search(s):
        clause = re.split(r"\b(?:består af|bestående af|sammensat af|Deltagerne er|har)\s+", s, maxsplit=1)
        seats = rec.parse_seats(clause[-1], ctx) if len(clause) == 2 else rec.parse_seats(s, ctx)
        comp = d.section("sammensætning")
        if seats:
            for k, seat in enumerate(seats):
                if k == 0:
                    seat["tekst"] = s
                _append(comp, "medlemmer", seat)
            d.note("sammensætning", "data", f"»{_short(s)}« → {len(seats)} pladsgruppe(r)", b)
        else:
            _append(comp, "noter", s)
            d.note("sammensætning", "usikker", f"»{_short(s)}« handler om sammensætningen, men "
                                               "pladserne er ikke læst → noter", b)
        builder._flush_unsure(d, "sammensætning")
        return
    if _PURPOSE.search(s) and "formål" not in d.data:
        _text(d.data, "formål", s)
        d.note("formål", "prosa", f"»{_short(s)}« → formål", b)
        return
    _append(d.data, "noter", s)
    d.note("dokument", "prosa", f"»{_short(s)}« → noter", b)


def link(imported: list, ids: dict[str, str], prefix: str | None = None) -> None:
    """Replace '@Name' references by the charter ids of the same import (``prefix`` + slug);
    without a prefix (output not inside a charters/ folder) they are dropped and reported."""
    slugs = {name: slug for name, slug in ids.items()}

    def fix(value: Any, imp) -> Any:
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                nv = fix(v, imp)
                if nv is not None and nv != []:
                    out[k] = nv
            return out
        if isinstance(value, list):
            return [x for x in (fix(v, imp) for v in value) if x is not None]
        if isinstance(value, str) and value.startswith("@"):
            name = value[1:]
            slug = slugs.get(name)
            if slug is None or prefix is None:
                from kommissorium.importer.build import Note

                imp.notes.append(Note("relationer", "usikker",
                                      f"henvisningen til »{name}« er udeladt: skriv kommissorierne i en "
                                      "mappe under charters/, så de kan henvise til hinanden"))
                return None
            return f"{prefix}{slug}"
        return value

    for imp in imported:
        parent = imp.data.pop("_parent", None)
        imp.data.pop("_dokumenttitel", None)
        if parent and prefix is not None and parent in slugs:
            pid = f"{prefix}{slugs[parent]}"
            rel = imp.data.setdefault("relationer", {})
            rel["del-af"] = pid
            for other in imported:
                if other.name == parent:
                    orel = other.data.setdefault("relationer", {})
                    orel.setdefault("undergrupper", []).append({"id": f"{prefix}{imp.slug}"})
        imp.data = fix(imp.data, imp)
        for key in [k for k, v in imp.data.items() if v in ({}, [], None)]:
            imp.data.pop(key)
