"""Import each seed and compare the draft with the hand-made charter(s) in charters/.

Run: .venv/bin/python tools/compare_import.py [SEEDS_DIR]  (default ../shared/seeds or
/work/shared/seeds). Prints, per seed, the differences in the facts the charters hold as data:
name, type, area, approval, date, seats, chair, secretariat, meetings, decisions, relations,
and which sections are prose in one and data in the other.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HAND = {
    0: ["nordjylland/strategisk-sundhedsforum"],
    1: ["landsdaekkende/kl-sundhedsstrategisk-gruppe"],
    2: ["syddanmark/fagligt-strategisk-ramme"],
    3: None,  # matched by name
    4: ["nordjylland/fagligt-strategisk-ramme"],
}


def facts(c) -> dict[str, object]:
    def seats(group):
        return sorted((s.role, s.count.minimum, s.count.maximum, s.for_each.value if s.for_each else None,
                       s.source, s.appointed_by, s.members_of, len(s.sub_quotas)) for s in group)

    comp = c.composition
    m = c.meetings
    d = c.decisions
    rel = c.relations
    return {
        "navn": c.name,
        "type": c.type.value,
        "område": c.area,
        "ramme": c.frame,
        "godkendt": (c.approved.by, c.approved.date.iso() if c.approved.date else None) if c.approved else None,
        "dato": c.date.iso() if c.date else None,
        "medlemmer": seats(comp.members) if comp else [],
        "deltagere": sorted(s.role for s in comp.participants) if comp else [],
        "suppleanter": bool(comp and comp.alternates),
        "minimum": bool(comp and comp.minimum_only),
        "formandskab": (sorted(p.value for p in c.chair.shared_between),
                        c.chair.chair.role if c.chair.chair else None,
                        c.chair.chair.source if c.chair.chair else None,
                        c.chair.vice_chair.term_years if c.chair.vice_chair else None) if c.chair else None,
        "sekretariat": (c.secretariat.provided_by, sorted(p.value for p in c.secretariat.shared_between),
                        c.secretariat.coordinates_with) if c.secretariat else None,
        "pr-år": m.per_year.model_dump(by_alias=True, exclude_defaults=True) if m and m.per_year else None,
        "møde-detaljer": {k: v for k, v in (
            ("varighed", m.duration_hours.model_dump(by_alias=True, exclude_defaults=True) if m.duration_hours else None),
            ("virtuelle", m.virtual), ("fysiske", m.physical_per_year.minimum if m.physical_per_year else None),
            ("dagsorden-dage", m.agenda_days_before),
            ("ekstraordinære", bool(m.extraordinary))) if v} if m else {},
        "beslutninger": d.rule.value if d and d.rule else None,
        "relationer": {k: v for k, v in rel.model_dump(by_alias=True, exclude_defaults=True).items()
                       if k not in ("tekst", "noter")},
        "principper": len(c.principles.items) if c.principles else 0,
        "opgaver": len(c.tasks.items) if c.tasks else 0,
        "overskrifter": dict(c.headings),
    }


def main() -> None:
    from kommissorium.importer import import_document
    from kommissorium.load import load_file
    from kommissorium.model import Charter
    from kommissorium.model.validate import validate_model

    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        seeds = Path("/work/shared/seeds")

    def load(path: Path):
        doc = load_file(path)
        c, _ = validate_model(Charter, doc.data, doc.source_map, doc.display)
        return c

    for n in range(5):
        src = next(seeds.glob(f"00{n}_*.txt"))
        tmp = Path(tempfile.mkdtemp())
        shutil.copytree(ROOT / "charters", tmp / "charters")
        result = import_document(str(src), None, tmp / "charters", "nordjylland/")
        print(f"## Seed 00{n} ({src.name}): {len(result.charters)} kommissorie(r)")
        hand_ids = HAND[n]
        if hand_ids is None:
            by_name = {}
            for p in (ROOT / "charters").rglob("*.yaml"):
                if "_register" in p.parts:
                    continue
                c = load(p)
                if c and "seed 003" in p.read_text(encoding="utf-8")[:300]:
                    by_name[c.name.lower()] = (p.relative_to(ROOT / "charters").with_suffix("").as_posix(), c)
        for imp in result.charters:
            (tmp / "x.yaml").write_text(imp.yaml, encoding="utf-8")
            new = load(tmp / "x.yaml")
            if hand_ids is not None:
                hid = hand_ids[0]
                old = load(ROOT / "charters" / f"{hid}.yaml")
            else:
                key = imp.name.lower()
                hit = by_name.get(key) or next((v for k, v in by_name.items()
                                                if k.startswith(key[:12]) or key.startswith(k[:12])), None)
                if hit is None:
                    print(f"- {imp.name}: intet håndlavet kommissorium med det navn")
                    continue
                hid, old = hit
            a, b = facts(new), facts(old)
            diffs = [k for k in a if a[k] != b[k]]
            print(f"- {imp.name} ↔ {hid}: {len(a) - len(diffs)}/{len(a)} felter ens")
            for k in diffs:
                print(f"    {k}: import={a[k]!r}  håndlavet={b[k]!r}")
        shutil.rmtree(tmp)
        print()


if __name__ == "__main__":
    main()
