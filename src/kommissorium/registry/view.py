"""The registry as it stands on a day: `kommissorium register [--dato D] [--format text|json]`.

Regions, kommuner, sundhedsklynger or sundhedsråd, bodies, hospitals and organisations in force
that day, each with its source; unconfirmed facts are shown as such ('(ikke bekræftet)').
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kommissorium.danish import transition as phrases
from kommissorium.registry import Entry, Registry


def _entry(reg: Registry, e: Entry, when: date) -> dict[str, Any]:
    out: dict[str, Any] = {"nøgle": e.key, "navn": e.name, "art": e.kind}
    if e.code is not None or e.is_unconfirmed("kode"):
        out["kode"] = e.code
    region = reg.region_of(e.key, when) if e.kind != "region" else None
    if region:
        out["region"] = region
    if e.area and e.kind not in ("kommune", "klynge", "sundhedsråd"):
        out["område"] = e.area
    if e.kommuner:
        out["kommuner"] = list(e.kommuner)
    if e.shared_kommuner:
        out["delte-kommuner"] = dict(e.shared_kommuner)
    if e.valid is not None:
        out["gyldig"] = {k: v.isoformat() for k, v in (("fra", e.starts()), ("til", e.ends()))
                         if v is not None}
    succ = reg.successors(e.key)
    if succ and e.ends() is not None:
        out["efterfølgere"] = [s.key for s in succ]
    if e.kind == "kommune":
        division = [d.key for kind in ("klynge", "sundhedsråd") for d in reg.of_kind(kind, when)
                    if e.key in d.kommuner]
        if division:
            out["enheder"] = division
    if e.source:
        out["kilde"] = e.source
    if e.unconfirmed:
        out["ikke-bekræftet"] = dict(e.unconfirmed)
    if e.correction:
        out["rettelse"] = e.correction
    return out


def registry_on(reg: Registry, when: date) -> dict[str, Any]:
    """The registry in force on ``when`` as JSON-ready data, one list per kind."""
    sections: dict[str, list[dict[str, Any]]] = {}
    for kind in phrases.REGISTER_SECTIONS:
        entries = reg.of_kind(kind, when)
        if entries:
            sections[kind] = [_entry(reg, e, when) for e in entries]
    return {"dato": when.isoformat(), "antal": {k: len(v) for k, v in sections.items()},
            "poster": sections}


def registry_text(reg: Registry, when: date) -> str:
    data = registry_on(reg, when)
    lines = [phrases.registry_title(when), ""]
    for kind, entries in data["poster"].items():
        lines.append(phrases.count_line(len(entries), phrases.REGISTER_SECTIONS[kind]))
        width = max(len(e["nøgle"]) for e in entries)
        for item in entries:
            e = reg.get(item["nøgle"])
            parts = [e.name]
            code = phrases.code_text(e.code, e.is_unconfirmed("kode"))
            if code:
                parts.append(code)
            if "region" in item and kind != "region":
                parts.append(phrases.in_region(reg.get(item["region"]).name))
            if kind == "kommune" and item.get("enheder"):
                parts.append(", ".join(phrases.unconfirmed(reg.get(k).name,
                                                           reg.get(k).is_unconfirmed(e.key))
                                       for k in item["enheder"]))
            if e.valid is not None and kind not in ("kommune",):
                parts.append(phrases.valid_text(e.starts(), e.ends()))
            lines.append(f"  {item['nøgle']:<{width}}  " + " · ".join(p for p in parts if p))
            pad = " " * (width + 4)
            if e.kommuner and kind in ("klynge", "sundhedsråd"):
                names = [(reg.get(k).name if reg.get(k) else k, e.is_unconfirmed(k))
                         for k in e.kommuner]
                lines.append(pad + phrases.kommuner_text(names))
            if "efterfølgere" in item:
                lines.append(pad + phrases.successors_line(
                    [reg.get(k).name for k in item["efterfølgere"]],
                    e.is_unconfirmed("efterfølgere")))
            if e.source and kind in ("region", "sundhedsråd", "organ"):
                lines.append(pad + phrases.source_line(e.source))
            if e.correction:
                lines.append(pad + phrases.corrected_line(e.correction))
            for what, why in e.unconfirmed.items():
                lines.append(pad + phrases.unconfirmed_line(
                    reg.get(what).name if reg.get(what) else what, why))
        lines.append("")
    return "\n".join(lines)
