"""``kommissorium import``: from the Word, PDF or web page a secretariat has to draft charters.

Stages: ``sources`` (file → lines), ``ocr`` (scanning errors repaired against the registry
and a word list), ``segment`` (lines → headings, paragraphs, list items), ``bodies`` (one body
or several), ``build`` (sections, data and prose), then here: area and type, relations, the
account of every sentence, and YAML in the canonical ``fmt`` form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommissorium.errors import KommissoriumError


class ImportError_(KommissoriumError):
    """The source cannot be imported (Danish message, exit code 2)."""


@dataclass
class Imported:
    slug: str
    name: str
    data: dict[str, Any]
    notes: list  # build.Note
    unplaced: list[str] = field(default_factory=list)
    yaml: str = ""


@dataclass
class ImportResult:
    source_name: str
    source_format: str
    area: str
    area_reason: str
    charters: list[Imported]
    repairs: list  # ocr.Repair
    scanned: bool
    sentences: int = 0


def _corpus_charters(charters_dir: Path | None) -> list[tuple[str, Any]]:
    if charters_dir is None or not charters_dir.is_dir():
        return []
    from kommissorium.corpus import load_corpus

    cs = load_corpus(charters_dir)
    return [(f.id, f.charter) for f in cs.valid()]


def _registry(charters_dir: Path | None):
    from kommissorium.registry import load_registry

    extra = []
    if charters_dir is not None and (charters_dir / "_register").is_dir():
        extra = [(p, p.name) for p in sorted((charters_dir / "_register").glob("*.yaml"))]
    reg, _ = load_registry(extra)
    return reg


def import_document(path: str, area: str | None = None, charters_dir: Path | None = None,
                    id_prefix: str | None = None) -> ImportResult:
    """Read ``path`` ('-' for standard input) and make draft charters of it. ``charters_dir``:
    the repository's charters/ (its names become references); ``id_prefix``: the id of the
    folder the charters will be written to ('nordjylland/'), for references between them."""
    from kommissorium.importer import bodies, build
    from kommissorium.importer.names import build_index
    from kommissorium.importer.ocr import Repairer, looks_scanned, word_list
    from kommissorium.importer.recognise import Ctx
    from kommissorium.importer.segment import segment
    from kommissorium.importer.sources import SourceError, read_source

    try:
        source = read_source(path)
    except SourceError as exc:
        raise ImportError_(str(exc)) from None
    all_text = "\n".join(ln.text for ln in source.lines)
    if not all_text.strip():
        raise ImportError_(f"'{source.name}' indeholder ingen tekst.")
    registry = _registry(charters_dir)
    if area is not None and area not in registry:
        from kommissorium.model.validate import suggest

        regions = [k for k in registry.keys() if registry.get(k).kind in ("land", "region", "klynge", "kommune")]
        best = suggest(area, regions)
        hint = f" Mente du '{best}'?" if best else ""
        raise ImportError_(f"Området '{area}' findes ikke i registret.{hint}")
    index = build_index(registry, _corpus_charters(charters_dir))
    names = [k.name for hits in index.by_name.values() for k in hits]
    scanned = looks_scanned(all_text)
    repairer = Repairer(names, scanned)
    repairs: list = []
    for ln in source.lines:
        ln.text = repairer.repair_line(ln.text, ln.line, repairs)
    blocks = segment(source.lines)
    full = "\n".join(b.text for b in blocks)
    if area is None:
        area, reason = guess_area(full, index, registry)
    else:
        reason = "angivet med --område"
    region = registry.region_of(area) if area != "landsdaekkende" else None
    ctx = Ctx(index, area, region, word_list())
    parts = bodies.split_bodies(blocks)
    builder = build.Builder(ctx, source.name)
    drafts = bodies.build_all(builder, parts, index)
    out: list[Imported] = []
    used: set[str] = set()
    total = 0
    for draft in drafts:
        data = finish(draft, area, source.name, ctx, registry)
        unplaced = account(draft, data)
        total += len(draft.sentences)
        slug = _slug(draft.name) or "kommissorium"
        base, k = slug, 2
        while slug in used:
            slug, k = f"{base}-{k}", k + 1
        used.add(slug)
        out.append(Imported(slug, draft.name, data, draft.notes, unplaced))
    ids = {d.name: i.slug for d, i in zip(drafts, out)}
    bodies.link(out, ids, id_prefix)
    for imp in out:
        imp.yaml = to_yaml(imp.data, source.name)
    return ImportResult(source.name, source.fmt, area, reason, out, repairs, scanned, total)


def _slug(name: str) -> str:
    from kommissorium.model.validate import fold

    s = fold(re.sub(r"['’]", "", name))
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60].strip("-")


def guess_area(text: str, index, registry) -> tuple[str, str]:
    """The area the names in the text point to: a named region counts most."""
    votes: dict[str, float] = {}
    why: dict[str, list[str]] = {}
    for _, _, k in index.find(text):
        if k.kind == "organ":
            continue
        e = registry.get(k.ref)
        if e is None:
            continue
        if e.kind == "region":
            target, w = e.key, 3.0
        elif e.kind == "land" or (e.area == "landsdaekkende"):
            target, w = "landsdaekkende", 1.0
        else:
            target, w = registry.region_of(e.key), 1.0
        if not target:
            continue
        votes[target] = votes.get(target, 0) + w
        why.setdefault(target, [])
        if k.name not in why[target]:
            why[target].append(k.name)
    if not votes:
        return "landsdaekkende", "ingen navne fra registret i teksten; angiv området med --område"
    best = max(votes, key=lambda a: votes[a])
    names = ", ".join(why[best][:4])
    return best, f"gættet ud fra navnene {names}"


BODY_TYPES = [
    (r"fagligt?\W+strategisk|faglige\W+strategiske", "fagligt-strategisk"),
    (r"\bpolitisk|dialogforum|kontaktråd|forankringsgrupp", "politisk"),
    (r"sekretariat\b|sekretariatet\b|koordineringsgrupp", "sekretariat"),
    (r"styregrupp|direktør|administrativ|forretningsudvalg|forhandlingsgrupp", "administrativ"),
    (r"projektgrupp|arbejdsgrupp", "arbejdsgruppe"),
    (r"udvalg", "udvalg"),
    (r"forum|fora\b", "forum"),
    (r"netværk", "netværk"),
    (r"råd\b|rådet\b", "råd"),
    (r"grupp", "forum"),
]


def guess_type(name: str, text: str) -> tuple[str, bool]:
    """(type, sure): from what the text says the body is ("er det administrative …
    ledelsesniveau"), else from its name."""
    m = re.search(r"\ber\s+(?:det|et|den|en)\s+(administrative?|politiske?|faglige?\W+strategiske?)\b", text,
                  re.IGNORECASE)
    if m:
        word = m[1].lower()
        return ("administrativ" if word.startswith("admin") else
                "politisk" if word.startswith("politi") else "fagligt-strategisk"), True
    for pattern, t in BODY_TYPES:
        if re.search(pattern, name, re.IGNORECASE):
            return t, True
    return "forum", False


def finish(draft, area: str, source_name: str, ctx, registry) -> dict[str, Any]:
    from kommissorium.importer.relations import find_relations

    d = dict(draft.data)
    out: dict[str, Any] = {"navn": draft.name or "Organ uden navn"}
    if not draft.name:
        draft.note("dokument", "usikker", "fandt intet navn på organet; ret 'navn'")
    for key in ("dokument", "titel"):
        if key in d:
            out[key] = d.pop(key)
    first = (d.get("formål") or d.get("baggrund") or "").split(".")[0]
    t, sure = guess_type(draft.name, first if draft.name and draft.name.split()[0] in first else "")
    out["type"] = t
    draft.note("dokument", "data" if sure else "usikker",
               f"type: {t} (ud fra navnet)" if sure else f"type: {t} er et gæt; ret 'type'")
    if d.pop("ramme", False):
        out["ramme"] = True
    out["område"] = area
    for key in ("godkendt", "dato"):
        if key in d:
            out[key] = d.pop(key)
    words = d.pop("_kildeord", [])
    d.pop("_datotekst", None)
    kind = {"forretningsorden": "Forretningsorden", "vedtægt": "Vedtægt"}.get(out.get("dokument", ""), "Kommissorium")
    title = out.get("titel") or f"{kind} for {draft.name}"
    out["kilde"] = (f"{words[0].capitalize()}: " if words else "") + f"{title} ({source_name})"
    rel = find_relations(draft, ctx)
    if rel:
        r = d.setdefault("relationer", {})
        for k, v in rel.items():
            r.setdefault(k, v)
    for key in ("overskrifter", "baggrund", "formål", "principper", "opgaver", "sammensætning",
                "formandskab", "sekretariat", "møder", "beslutninger", "referat", "relationer",
                "offentliggørelse", "vedtagelse", "afsnit", "noter"):
        if key in d and d[key]:
            out[key] = d.pop(key)
    for key, value in d.items():  # anything left (never expected) is kept, not dropped
        out[key] = value
    _tidy(out)
    return out


def _tidy(out: dict[str, Any]) -> None:
    comp = out.get("sammensætning")
    if isinstance(comp, dict) and not comp:
        out.pop("sammensætning")
    for key in ("formandskab", "sekretariat", "møder", "beslutninger", "referat", "relationer",
                "offentliggørelse", "vedtagelse"):
        if key in out and not out[key]:
            out.pop(key)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split()).strip()


def account(draft, data: dict[str, Any]) -> list[str]:
    """Every sentence of the source must be in the charter; the missing are added to the notes
    and returned."""
    from kommissorium.importer.recognise import find_date
    from kommissorium.importer.segment import sentences

    blob = normalise("\n".join(_strings(data)))
    missing: list[str] = []
    for text, block in draft.sentences:
        for s in sentences(text):
            n = normalise(s)
            if not n or n in blob or n.rstrip(":") in blob:
                continue
            if find_date(n) and len(n) <= 30 and ("dato" in data or "godkendt" in data):
                continue  # a date line: it is the charter's date
            missing.append(n)
            data.setdefault("noter", []).append(n)
            draft.note("dokument", "uplaceret", f"»{n}« fandt ingen plads; den står nu i noter",
                       block)
            blob += " " + n
    return missing


def to_yaml(data: dict[str, Any], source_name: str) -> str:
    """Canonical YAML, as ``kommissorium fmt`` writes it, with the source in a comment."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    from kommissorium.fmt import format_text

    def conv(v: Any) -> Any:
        if isinstance(v, dict):
            m = CommentedMap()
            for k, x in v.items():
                m[k] = conv(x)
            if set(v) <= {"mindst", "højst", "omkring", "efter-behov", "som-udgangspunkt"} and v:
                m.fa.set_flow_style()
            return m
        if isinstance(v, list):
            s = CommentedSeq(conv(x) for x in v)
            if v and all(isinstance(x, str) and re.fullmatch(r"[\wæøå/-]+", x) for x in v) and len(v) <= 4:
                s.fa.set_flow_style()
            return s
        if isinstance(v, str) and "\n" in v:
            return LiteralScalarString(v.strip() + "\n" if False else v.strip())
        return v

    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    y.allow_unicode = True
    buf = io.StringIO()
    y.dump(conv(data), buf)
    safe = source_name.replace("\n", " ")
    text = f"# Kilde: {safe} – udkast lavet af 'kommissorium import'; gennemgå det før brug.\n" + buf.getvalue()
    return format_text(text, "<import>")
