"""The transition report: `kommissorium overgang --dato 2027-01-01 [--format text|markdown|json]`.

Every charter as *ophører* / *skal ændres* / *upåvirket* on the day, with the reasons (file and
line) and the successors — the to-do list a secretariat needs. The site's transition page shows
the same verdicts (``kommissorium.transition``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from kommissorium.danish import transition as phrases
from kommissorium.transition import STATUSES, Verdict, assess, counts

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet


def report_data(cs: "CharterSet", when: date) -> dict[str, Any]:
    verdicts = assess(cs, when)
    return {
        "dato": when.isoformat(),
        "antal": counts(verdicts),
        "kommissorier": [_verdict_json(v) for v in verdicts],
    }


def _verdict_json(v: Verdict) -> dict[str, Any]:
    out: dict[str, Any] = {"id": v.id, "navn": v.name, "fil": v.file, "status": v.status}
    if v.note:
        out["note"] = v.note
    reasons = []
    for r in v.reasons:
        item: dict[str, Any] = {"art": r.kind, "felt": r.field, "linje": r.line, "tekst": r.summary}
        if r.change is not None:
            c = r.change
            item["ophørt"] = c.ref
            if c.end is not None:
                item["slutdato"] = c.end.isoformat()
            if c.start is not None and c.end is None:
                item["begynder"] = c.start.isoformat()
            item["efterfølgere"] = [
                {"nøgle": s.ref, "navn": s.name, "kommissorier": list(s.charters)}
                for s in c.successors
            ]
            item["efterfølgere-ikke-bekræftet"] = c.unconfirmed
            if c.source:
                item["kilde"] = c.source
        reasons.append(item)
    out["grunde"] = reasons
    return out


def _successor_names(v: Verdict) -> list[str]:
    out = []
    for s in v.successors:
        name = s.name + (f" ({', '.join(s.charters)})" if s.charters else "")
        if name not in out:
            out.append(name)
    return out


def _unconfirmed(v: Verdict) -> bool:
    return any(r.change is not None and r.change.unconfirmed for r in v.reasons)


def report_text(cs: "CharterSet", when: date) -> str:
    verdicts = assess(cs, when)
    n = counts(verdicts)
    lines = [phrases.transition_title(when), phrases.transition_summary(n, when), ""]
    for status in STATUSES:
        group = [v for v in verdicts if v.status == status]
        lines.append(f"{phrases.STATUS[status]} ({len(group)}): {phrases.STATUS_EXPLAINED[status]}")
        for v in group:
            lines.append(f"  {v.id}  {v.name}")
            for r in (v.reasons if status != "upåvirket" else []):
                lines.append(f"    {v.file}:{r.line}: {r.summary}")
            if status == "ophører" and v.successors:
                lines.append(f"    {phrases.successor_charters(_successor_names(v), _unconfirmed(v))}")
            if v.note and (status != "upåvirket" or v.note != phrases.nothing_ends(when)):
                lines.append(f"    {v.note}")
        lines.append("")
    return "\n".join(lines)


def report_markdown(cs: "CharterSet", when: date) -> str:
    from kommissorium.render.escape import md_inline

    verdicts = assess(cs, when)
    n = counts(verdicts)
    lines = [f"# {phrases.transition_title(when)}", "", md_inline(phrases.transition_summary(n, when)), ""]
    for status in STATUSES:
        group = [v for v in verdicts if v.status == status]
        lines += [f"## {phrases.STATUS[status]} ({len(group)})", "",
                  f"_{md_inline(phrases.capitalize_first(phrases.STATUS_EXPLAINED[status]))}._", ""]
        if not group:
            lines += [phrases.none_in_group(), ""]
            continue
        for v in group:
            lines.append(f"- **{md_inline(v.name)}** (`{v.id}`)")
            for r in (v.reasons if status != "upåvirket" else []):
                lines.append(f"  - `{v.file}:{r.line}`: {md_inline(r.summary)}")
            if status == "ophører" and v.successors:
                lines.append(f"  - {md_inline(phrases.successor_charters(_successor_names(v), _unconfirmed(v)))}")
            if v.note and v.note != phrases.nothing_ends(when):
                lines.append(f"  - {md_inline(v.note)}")
        lines.append("")
    return "\n".join(lines)
