"""The import's report in Danish (text) or JSON: per charter and section, what became data,
what stayed prose and why, what the importer was unsure of, each with its source line."""

from __future__ import annotations

import json
from typing import Any

from kommissorium.danish import plural

ORDER = ["dokument", "baggrund", "formål", "principper", "opgaver", "sammensætning", "formandskab",
         "sekretariat", "møder", "beslutninger", "referat", "relationer", "offentliggørelse",
         "vedtagelse"]
SECTION_TITLES = {
    "dokument": "Dokumentet (titel, faktaboks, dato, type)", "baggrund": "Baggrund",
    "formål": "Formål", "principper": "Principper", "opgaver": "Opgaver",
    "sammensætning": "Sammensætning", "formandskab": "Formandskab", "sekretariat": "Sekretariat",
    "møder": "Møder", "beslutninger": "Beslutninger", "referat": "Referat",
    "relationer": "Relationer", "offentliggørelse": "Offentliggørelse",
    "vedtagelse": "Vedtagelse og ikrafttræden",
}
KIND_WORDS = {"data": "data", "prosa": "prosa", "usikker": "usikker", "uplaceret": "UPLACERET"}


def _sections(notes: list) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for n in notes:
        groups.setdefault(n.section, []).append(n)
    keys = sorted(groups, key=lambda k: (ORDER.index(k) if k in ORDER else len(ORDER), k))
    return [(k, groups[k]) for k in keys]


def text_report(result, files: dict[str, str], findings: dict[str, list] | None = None) -> str:
    out: list[str] = []
    n = len(result.charters)
    out.append(
        f"Importerede {result.source_name} ({result.source_format}) som {n} "
        f"{plural(n, 'kommissorium', 'kommissorier')}; område: {result.area} ({result.area_reason})."
    )
    if result.scanned:
        out.append("Teksten mangler æ, ø og å: den er læst som en scanning, og ord er rettet mod "
                   "registret og ordlisten (se Reparationer).")
    for imp in result.charters:
        shown = files.get(imp.slug, f"{imp.slug}.yaml")
        out.append("")
        out.append(f"{shown} – {imp.name}")
        for key, notes in _sections(imp.notes):
            out.append(f"  {SECTION_TITLES.get(key, key)}")
            for note in notes:
                where = f"{note.where}: " if note.where else ""
                out.append(f"    {KIND_WORDS.get(note.kind, note.kind):9} {where}{note.text}")
        if findings is not None:
            probs = findings.get(imp.slug, [])
            if probs:
                out.append("  Validering:")
                for p in probs:
                    out.append(f"    {p}")
            else:
                out.append("  Validering: ingen fejl eller advarsler.")
    if result.repairs:
        out.append("")
        out.append("Reparationer (scanningsfejl):")
        seen = set()
        for r in result.repairs:
            key = (r.original, r.repaired)
            if key in seen:
                continue
            seen.add(key)
            count = sum(1 for x in result.repairs if (x.original, x.repaired) == key)
            why = {"register": "navn i registret", "ordliste": "ordlisten",
                   "mellemrum": "manglende mellemrum"}.get(r.why, r.why)
            times = f" ({count} gange)" if count > 1 else ""
            out.append(f"  linje {r.line}: {r.original} → {r.repaired} ({why}){times}")
    unplaced = sum(len(i.unplaced) for i in result.charters)
    out.append("")
    if unplaced:
        out.append(f"{unplaced} {plural(unplaced, 'sætning', 'sætninger')} fra kilden fandt ingen "
                   "plads i afsnittene og står nu under 'noter' (se UPLACERET ovenfor).")
    else:
        out.append(f"Alle {result.sentences} tekstblokke fra kilden står i "
                   f"{plural(n, 'kommissoriet', 'kommissorierne')}: intet er tabt.")
    out.append("Udkastet skal gennemgås: ret det, der står som 'usikker', og kør "
               "'kommissorium validate'.")
    return "\n".join(out) + "\n"


def json_report(result, files: dict[str, str], findings: dict[str, list] | None = None) -> str:
    data: dict[str, Any] = {
        "kilde": result.source_name,
        "format": result.source_format,
        "område": result.area,
        "område_begrundelse": result.area_reason,
        "scannet": result.scanned,
        "kommissorier": [
            {
                "fil": files.get(imp.slug),
                "navn": imp.name,
                "noter": [
                    {"afsnit": n.section, "art": n.kind, "linje": n.line, "sted": n.where,
                     "tekst": n.text}
                    for n in imp.notes
                ],
                "uplaceret": imp.unplaced,
                "validering": [str(p) for p in (findings or {}).get(imp.slug, [])],
            }
            for imp in result.charters
        ],
        "reparationer": [
            {"linje": r.line, "før": r.original, "efter": r.repaired, "grund": r.why}
            for r in result.repairs
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
