"""The example corpus holds the five source documents (seeds 000-004): key facts, checked in the data.

Each test loads charters through the real loader and model and asks the registry for what a charter
expands over, so a charter that drifts from its source fails here.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from kommissorium.load import load_file
from kommissorium.model import Charter
from kommissorium.model.validate import validate_model
from kommissorium.registry import load_registry

sys.path.insert(0, str(Path(__file__).parent))
from seed_facts import assert_seed_002_frame, seat  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHARTERS = ROOT / "charters"
REGISTER = CHARTERS / "_register"


def charter_files() -> list[Path]:
    return sorted(p for p in CHARTERS.rglob("*.yaml") if REGISTER not in p.parents)


def charter_id(path: Path) -> str:
    return path.relative_to(CHARTERS).with_suffix("").as_posix()


@lru_cache(maxsize=None)
def charter(cid: str) -> Charter:
    path = CHARTERS / f"{cid}.yaml"
    doc = load_file(path)
    assert doc.problems == [], doc.problems
    parsed, problems = validate_model(Charter, doc.data, doc.source_map, doc.display)
    assert problems == [], problems
    assert parsed is not None
    return parsed


@lru_cache(maxsize=1)
def registry():
    extra = [(p, p.relative_to(ROOT).as_posix()) for p in sorted(REGISTER.glob("*.yaml"))]
    reg, problems = load_registry(extra)
    assert problems == [], problems
    return reg


def kommuner_of(c: Charter) -> list[str]:
    return [k.key for k in registry().kommuner_in(c.area, c.effective_date)]


def text_of(value) -> str:
    """Every string in a charter's data, joined (for spelling checks)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(text_of(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(text_of(v) for v in value)
    return ""


def refs(c: Charter) -> list[str]:
    """Every reference a charter makes."""
    out = [c.area]
    if c.extends:
        out.append(c.extends)
    if c.approved and c.approved.by:
        out.append(c.approved.by)
    if c.composition:
        comp = c.composition
        for seat in [*comp.members, *comp.participants, *comp.observers]:
            out += [r for r in (seat.source, seat.within, seat.appointed_by, seat.nominated_by,
                                seat.members_of) if r]
            out += [q.source for q in seat.sub_quotas if q.source]
    if c.chair:
        for officer in (c.chair.chair, c.chair.vice_chair):
            if officer:
                out += [r for r in (officer.source, officer.appointed_by) if r]
    if c.secretariat:
        out += c.secretariat.provided_by + c.secretariat.coordinates_with
    rel = c.relations
    for attr in ("refers_to", "prepares_for", "recommends_to", "annual_status_to", "tasks_from",
                 "coordinates_with", "appointed_by", "part_of"):
        out += getattr(rel, attr)
    out += [s.ref for s in rel.subgroups if s.ref]
    return out


# --- the corpus as a whole ---------------------------------------------------------------------


def test_corpus_has_at_least_30_charters():
    assert len(charter_files()) >= 30


@pytest.mark.parametrize("path", charter_files(), ids=charter_id)
def test_every_charter_starts_with_the_two_comment_lines_and_loads(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    depth = len(path.relative_to(ROOT).parts) - 1
    assert lines[0] == f"# yaml-language-server: $schema={'../' * depth}schema/kommissorium.schema.json"
    # A seed, an example written for the product (issue 15: ældreråd, handicapråd, …), or the
    # law for the 2027 sundhedsråd charters (issue 16).
    assert re.match(r"^# Kilde: (?:(?:seed 00[0-4]\b.*|eksempel skrevet til kommissorium) – "
                    r"|L 21[34] \(2024-25\) )", lines[1]), lines[1]
    doc = load_file(path)
    assert doc.problems == []
    assert "id" not in doc.data, "the id is the path; no 'id:' key"
    assert re.fullmatch(r"[a-z0-9/-]+", charter_id(path))
    charter(charter_id(path))


def test_every_reference_resolves():
    ids = {charter_id(p) for p in charter_files()}
    reg = registry()
    for path in charter_files():
        for ref in refs(charter(charter_id(path))):
            if "/" in ref:
                assert ref in ids, f"{charter_id(path)}: unknown charter {ref}"
            else:
                assert ref in reg, f"{charter_id(path)}: unknown registry key {ref}"


# --- seed 000: Strategisk Sundhedsforum --------------------------------------------------------


def test_seed_000_strategisk_sundhedsforum():
    c = charter("nordjylland/strategisk-sundhedsforum")
    assert c.area == "region-nordjylland"
    directors = seat(c, "direktør")
    assert directors.for_each.value == "kommune" and directors.count.exact and directors.count.low == 1
    assert len(registry().kommuner_in("region-nordjylland")) == 11
    assert len(kommuner_of(c)) == 11
    assert c.meetings.per_year.minimum == c.meetings.per_year.maximum == 4
    assert c.secretariat.provided_by == ["nordjylland/koordineringsgruppen"]
    assert [p.value for p in c.chair.shared_between] == ["kommuner", "region"]
    assert len(c.principles.items) == 9
    assert len(c.tasks.items) == 7
    assert "nordjylland/sundhedssamarbejdsudvalget" in c.relations.prepares_for
    assert seat(c, "repræsentant").source == "plo-nordjylland"
    assert seat(c, "repræsentant").count.low == 2


# --- seed 001: KL's Sundhedsstrategiske Gruppe -------------------------------------------------


def test_seed_001_kl_sundhedsstrategisk_gruppe():
    c = charter("landsdaekkende/kl-sundhedsstrategisk-gruppe")
    m = c.meetings
    assert (m.per_year.minimum, m.per_year.maximum, m.per_year.on_demand) == (3, 4, True)
    assert (m.duration_hours.minimum, m.duration_hours.maximum) == (2, 3)
    assert m.virtual is True
    assert m.physical_per_year.minimum == 1
    assert m.agenda_days_before == 7
    assert c.chair.vice_chair.term_years == 2
    assert c.chair.chair.source == "kl-center-for-sundheds-og-socialpolitik"
    member = seat(c, "deltager")
    assert member.for_each.value == "klynge" and member.appointed_by == "kkr"
    assert c.area == "landsdaekkende"
    assert len(registry().klynger_in("landsdaekkende", date(2022, 7, 1))) == 22
    assert len(c.tasks.items) == 6
    assert len(c.relations.may_establish) == 2

    q = charter("landsdaekkende/kl-sundhedsstrategisk-gruppe/kvalitetsgruppe")
    assert q.relations.refers_to == ["landsdaekkende/kl-sundhedsstrategisk-gruppe"]
    assert [s.ref for s in c.relations.subgroups] == [
        "landsdaekkende/kl-sundhedsstrategisk-gruppe/kvalitetsgruppe"
    ]
    assert c.relations.subgroups[0].standing


# --- seed 002: the Syddanmark frame and its four klynger ---------------------------------------

SYD_KLYNGER = {
    "fyn": "klynge-syddanmark-fyn",
    "lillebaelt": "klynge-syddanmark-lillebaelt",
    "soenderjylland": "klynge-syddanmark-soenderjylland",
    "sydvestjylland": "klynge-syddanmark-sydvestjylland",
}


def test_seed_002_frame():
    assert_seed_002_frame(charter("syddanmark/fagligt-strategisk-ramme"))


@pytest.mark.parametrize("slug", sorted(SYD_KLYNGER))
def test_seed_002_klynge_extends_frame(slug: str):
    frame = charter("syddanmark/fagligt-strategisk-ramme")
    c = charter(f"syddanmark/klynge-{slug}/fagligt-strategisk")
    assert c.extends == "syddanmark/fagligt-strategisk-ramme"
    assert c.area == SYD_KLYNGER[slug]
    assert registry().region_of(c.area) == "region-syddanmark"
    assert kommuner_of(c), "the klynge expands to its kommuner"
    # a derived charter may add, never weaken
    assert c.meetings.per_year.minimum >= frame.meetings.per_year.minimum
    frame_seats = {(s.role, s.count.low, s.for_each) for s in frame.composition.members}
    own_seats = {(s.role, s.count.low, s.for_each) for s in c.composition.members}
    assert frame_seats <= own_seats
    assert c.relations.prepares_for == [f"syddanmark/klynge-{slug}/politisk"]
    assert charter(f"syddanmark/klynge-{slug}/politisk").type.value == "politisk"


def test_seed_002_four_klynger_extend_the_frame():
    extenders = [charter_id(p) for p in charter_files()
                 if charter(charter_id(p)).extends == "syddanmark/fagligt-strategisk-ramme"]
    assert sorted(extenders) == sorted(f"syddanmark/klynge-{s}/fagligt-strategisk" for s in SYD_KLYNGER)


# --- seed 003: the fælleskommunale organisation in Nordjylland, 2017 ---------------------------

SEED_003 = [
    "nordjylland/kommunekontaktraadet",
    "nordjylland/sundhedspolitisk-dialogforum",
    "nordjylland/sundhedsdirektoerernes-forretningsudvalg",
    "nordjylland/sundhedskoordinationsudvalget",
    "nordjylland/politiske-forankringsgrupper",
    "nordjylland/den-administrative-styregruppe",
    "nordjylland/somatiske-samarbejdsfora",
    "nordjylland/psykiatriske-samarbejdsfora",
    "nordjylland/portefoeljestyregruppen",
    "nordjylland/projektgrupper",
    "nordjylland/praksisplanudvalget",
    "nordjylland/den-administrative-forhandlingsgruppe",
    "nordjylland/samarbejdsudvalg",
]
SAMARBEJDSUDVALG = ["almen-laeger", "fysioterapi", "kiropraktik", "psykologer", "speciallaeger",
                    "tandlaeger", "fodterapeuter", "apoteker"]


def test_seed_003_dated_2017():
    for cid in SEED_003 + [f"nordjylland/samarbejdsudvalg/{s}" for s in SAMARBEJDSUDVALG]:
        c = charter(cid)
        assert c.date.iso() == "2017-06-27", cid
        assert "Den fælleskommunale organisering på sundhedsområdet" in c.source, cid


def test_seed_003_meetings():
    def per_year(cid):
        return charter(f"nordjylland/{cid}").meetings.per_year

    assert per_year("sundhedsdirektoerernes-forretningsudvalg").approximately == 10
    assert per_year("sundhedspolitisk-dialogforum").minimum == per_year("sundhedspolitisk-dialogforum").maximum == 2
    assert per_year("den-administrative-styregruppe").minimum == 6
    psg = per_year("portefoeljestyregruppen")
    assert (psg.minimum, psg.maximum) == (4, 6)
    assert per_year("kommunekontaktraadet").minimum == 4
    assert per_year("sundhedskoordinationsudvalget").minimum == 4
    pfg = per_year("politiske-forankringsgrupper")
    assert (pfg.minimum, pfg.maximum) == (1, 2)
    assert per_year("praksisplanudvalget").minimum == 4
    assert per_year("den-administrative-forhandlingsgruppe").on_demand
    assert per_year("den-administrative-forhandlingsgruppe").floor is None
    assert per_year("samarbejdsudvalg").approximately == 4


def test_seed_003_bodies():
    sku = charter("nordjylland/sundhedskoordinationsudvalget")
    assert sku.valid.end.iso() == "2022-06-30"
    assert sku.short_name == "SKU"
    assert seat(sku, "kommunalt politisk medlem").count.low == 5
    assert seat(sku, "sundhedsdirektør").members_of == "nordjylland/sundhedsdirektoerernes-forretningsudvalg"
    ssu = charter("nordjylland/sundhedssamarbejdsudvalget")
    assert ssu.valid.start.iso() == "2022-07-01"

    fu = charter("nordjylland/sundhedsdirektoerernes-forretningsudvalg")
    assert seat(fu, "sundhedsdirektør").count.low == 4
    assert fu.relations.appointed_by == ["kommunaldirektoerkredsen-nordjylland"]
    assert "nordjylland/sundhedspolitisk-dialogforum" in fu.relations.prepares_for

    spd = charter("nordjylland/sundhedspolitisk-dialogforum")
    assert spd.decisions.rule.value == "ingen-beslutningskompetence"
    assert spd.chair.chair.source == "nordjylland/sundhedskoordinationsudvalget"
    assert spd.relations.recommends_to == ["nordjylland/kommunekontaktraadet"]

    das = charter("nordjylland/den-administrative-styregruppe")
    assert das.relations.refers_to == ["nordjylland/sundhedskoordinationsudvalget"]
    assert "nordjylland/den-administrative-styregruppe" in [s.ref for s in sku.relations.subgroups]
    assert sorted(s.name for s in das.relations.subgroups) == ["Driftsdel", "Udviklingsdel"]

    kkr = charter("nordjylland/kommunekontaktraadet")
    mayors = seat(kkr, "borgmester")
    assert mayors.for_each.value == "kommune" and mayors.ex_officio
    assert len(kommuner_of(kkr)) == 11

    pfg = charter("nordjylland/politiske-forankringsgrupper")
    reps = seat(pfg, "politisk repræsentant")
    assert (reps.count.low, reps.count.high, reps.for_each.value) == (2, 4, "kommune")

    ppu = charter("nordjylland/praksisplanudvalget")
    assert seat(ppu, "kommunalpolitiker").count.low == 5
    assert seat(ppu, "sundhedsdirektør").count.low == 2
    fg = charter("nordjylland/den-administrative-forhandlingsgruppe")
    assert fg.relations.recommends_to == ["nordjylland/praksisplanudvalget"]
    assert seat(fg, "sundhedsdirektør").members_of == "nordjylland/praksisplanudvalget"

    psg = charter("nordjylland/portefoeljestyregruppen")
    assert seat(psg, "administrativ kommunal repræsentant").source == "det-faelleskommunale-sundhedssekretariat"


def test_seed_003_samarbejdsudvalg():
    frame = charter("nordjylland/samarbejdsudvalg")
    assert frame.frame
    for slug in SAMARBEJDSUDVALG:
        c = charter(f"nordjylland/samarbejdsudvalg/{slug}")
        assert c.extends == "nordjylland/samarbejdsudvalg"
        assert c.meetings.per_year.approximately == 4
    assert seat(charter("nordjylland/samarbejdsudvalg/almen-laeger"), "kommunalpolitiker").count.low == 2
    fys = charter("nordjylland/samarbejdsudvalg/fysioterapi")
    assert seat(fys, "kommunalpolitiker").count.low == 2
    assert [s.role for s in fys.composition.participants] == ["sundhedsdirektør"]
    tand = charter("nordjylland/samarbejdsudvalg/tandlaeger")
    assert {s.role for s in tand.composition.observers} == {"kommunalpolitiker", "administrativ medarbejder"}
    assert not any(s.vote for s in tand.composition.observers)


# --- seed 004: the fagligt/strategisk niveau of the Nordjylland klynger (OCR) ------------------

NORD_KLYNGER = {
    "nord": ("klynge-nordjylland-nord", {"hjoerring", "broenderslev", "frederikshavn", "laesoe"}),
    "midt": ("klynge-nordjylland-midt", {"aalborg", "jammerbugt"}),
    "syd": ("klynge-nordjylland-syd", {"vesthimmerlands", "rebild", "mariagerfjord"}),
    "vest": ("klynge-nordjylland-vest", {"thisted", "morsoe"}),
}
SEED_004_FILES = ["nordjylland/fagligt-strategisk-ramme"] + [
    f"nordjylland/klynge-{k}/{level}" for k in NORD_KLYNGER for level in ("fagligt-strategisk", "politisk")
]
OCR_ARTEFACTS = ["Hjgrring", "mgder", "Mgder", "drgfte", "forlgb", "arligt", "Fzlles", "Feelles",
                 "feelles", "Ipbende", "Igsning", "udment", "Brgnderslev", "Laesg", "Morsg", "gvrige",
                 "sammensatning", "Sammensatning", "repraesent", "omrade", " pa ", "naere", "vaere",
                 "intiativer", "understgtte", "ssmmenhang", "@gvrige"]


def test_seed_004_klynge_nord():
    c = charter("nordjylland/klynge-nord/fagligt-strategisk")
    names = {k.name for k in registry().kommuner_in(c.area, c.effective_date)}
    assert names == {"Hjørring", "Brønderslev", "Frederikshavn", "Læsø"}
    assert c.meetings.per_year.minimum == 4
    assert "Hjørring" in text_of(load_file(CHARTERS / "nordjylland/klynge-nord/fagligt-strategisk.yaml").data)


@pytest.mark.parametrize("slug", sorted(NORD_KLYNGER))
def test_seed_004_klynge(slug: str):
    key, kommuner = NORD_KLYNGER[slug]
    frame = charter("nordjylland/fagligt-strategisk-ramme")
    c = charter(f"nordjylland/klynge-{slug}/fagligt-strategisk")
    assert c.extends == "nordjylland/fagligt-strategisk-ramme" and frame.frame
    assert c.area == key
    assert set(kommuner_of(c)) == kommuner
    assert c.approved.date.iso() == "2022-08" and c.approved.by is None
    assert c.composition.minimum_only
    directors = seat(c, "regional hospitals-/virksomheds-/afdelingsdirektør")
    assert directors.count.low == 3
    assert [(q.minimum, q.source) for q in directors.sub_quotas] == [(1, "psykiatrien-nordjylland")]
    assert seat(c, "sundhedsdirektør").for_each.value == "kommune"
    gps = seat(c, "praktiserende læge")
    assert gps.appointed_by == "plo-nordjylland" and "sundhedsklyngens område" in gps.requirement
    assert seat(c, "repræsentant").source == "nordjylland/patientinddragelsesudvalget"
    assert c.meetings.per_year.minimum >= frame.meetings.per_year.minimum == 4
    politisk = f"nordjylland/klynge-{slug}/politisk"
    assert c.relations.refers_to == [politisk] and c.relations.prepares_for == [politisk]
    assert c.id is None
    assert [s.ref for s in charter(politisk).relations.subgroups] == [f"nordjylland/klynge-{slug}/fagligt-strategisk"]
    assert c.relations.annual_status_to == ["nordjylland/strategisk-sundhedsforum"]
    assert c.relations.tasks_from == ["nordjylland/strategisk-sundhedsforum"]
    assert c.secretariat.coordinates_with == ["nordjylland/koordineringsgruppen"]
    # "Sekretariatsbetjeningen varetages i fællesskab mellem kommuner og region."
    assert [p.value for p in c.secretariat.shared_between] == ["kommuner", "region"]
    assert c.publication.agendas_and_minutes == "Sundhedsaftalens hjemmeside"


def test_seed_004_spelling_restored():
    frame = charter("nordjylland/fagligt-strategisk-ramme")
    assert len(frame.principles.items) == 9
    assert len(frame.tasks.items) == 15
    for cid in SEED_004_FILES:
        text = text_of(load_file(CHARTERS / f"{cid}.yaml").data)
        for bad in OCR_ARTEFACTS:
            assert bad not in text, f"{cid}: OCR artefact {bad!r}"
    text = text_of(load_file(CHARTERS / "nordjylland/fagligt-strategisk-ramme.yaml").data)
    for good in ["Hjørring", "Brønderslev", "Læsø", "Morsø", "drøfte", "forløb", "møder", "årlig",
                 "Fælles ledelse", "løbende", "udmøntningen", "Den Regionale Fællesadministration"]:
        assert good in text, good
