"""Relations between bodies found in sentences: 'indstille til X', 'refererer til X', …"""

from __future__ import annotations

import re
from typing import Any

#: (pattern whose group 'x' holds the other body, relation key)
PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\bindstille\w*\s+til\s+(?P<x>.+)", "indstiller-til"),
    (r"\bkan anbefale\b(?P<x>.+)", "indstiller-til"),
    (r"\bvideresendes\s+til\s+(?P<x>.+)", "indstiller-til"),
    (r"\bforberede\w*\s+(?:sager\s+)?(?:til\s+behandling\s+i|for|til)\s+(?P<x>.+)", "forbereder-for"),
    (r"\bforberedende arbejde for\s+(?P<x>.+)", "forbereder-for"),
    (r"\brefererer\s+til\s+(?P<x>.+)", "refererer-til"),
    (r"\bhar reference til\s+(?P<x>.+)", "refererer-til"),
    (r"\bårlig status\b.*?\btil\s+(?P<x>.+)", "årlig-status-til"),
    (r"\bgive\s+(?P<x>.+?)\s+en\s+årlig\s+status", "årlig-status-til"),
    (r"\bopgaver\s+(?:der\s+er\s+)?stillet\s+af\s+(?P<x>.+)", "opgaver-fra"),
    (r"\bkoordinere\w*\s+med\s+(?P<x>.+)", "koordinerer-med"),
    (r"\budpeges\s+af\s+(?P<x>.+)", "udpeges-af"),
)


def find_relations(draft, ctx) -> dict[str, Any]:
    from kommissorium.importer.segment import sentences

    out: dict[str, list[str]] = {}
    own = {draft.name.lower()}
    for text, block in draft.sentences:
        for s in sentences(text):
            for pattern, key in PATTERNS:
                m = re.search(pattern, s, re.IGNORECASE)
                if not m:
                    continue
                clause = re.split(r"[.;]|\s+og\s+(?:skal|har|kan)\b", m["x"])[0]
                hits = [k for _, _, k in ctx.index.find(clause, ctx.region)]
                if key != "koordinerer-med":
                    best = ctx.ref(clause)
                    hits = [best] if best is not None else []
                for k in hits:
                    if k.name.lower() in own:
                        continue
                    if key != "udpeges-af" and k.kind not in ("organ",) and not k.ref.startswith("@"):
                        continue
                    refs = out.setdefault(key, [])
                    if k.ref not in refs:
                        refs.append(k.ref)
                        draft.note("relationer", "data", f"»{_short(s)}« → {key}: {k.name}", block)
    return {k: (v[0] if len(v) == 1 else v) for k, v in out.items()}


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
