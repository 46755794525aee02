"""The dated national registry around the 2027 health reform (L 213 and L 214 of 2024-25)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kommissorium.check import check
from kommissorium.registry import load_registry

BEFORE = date(2026, 12, 31)
AFTER = date(2027, 1, 1)


@pytest.fixture(scope="module")
def reg():
    registry, problems = load_registry()
    assert problems == []
    return registry


def test_before_the_reform_five_regions_and_the_klynger(reg) -> None:
    regions = reg.of_kind("region", BEFORE)
    assert sorted(r.name for r in regions) == [
        "Region Hovedstaden", "Region Midtjylland", "Region Nordjylland", "Region Sjælland",
        "Region Syddanmark",
    ]
    assert len(reg.of_kind("klynge", BEFORE)) == 22
    assert reg.of_kind("sundhedsråd", BEFORE) == []
    counts = Counter(k for c in reg.of_kind("klynge", BEFORE) for k in c.kommuner)
    assert len(counts) == 98 and set(counts.values()) == {1}
    assert sum(len(reg.kommuner_in(r.key, BEFORE)) for r in regions) == 98


def test_from_2027_four_regions_and_17_sundhedsraad_cover_98_kommuner_once(reg) -> None:
    regions = reg.of_kind("region", AFTER)
    assert sorted(r.name for r in regions) == [
        "Region Midtjylland", "Region Nordjylland", "Region Syddanmark", "Region Østdanmark",
    ]
    assert reg.of_kind("klynge", AFTER) == []
    councils = reg.of_kind("sundhedsråd", AFTER)
    assert len(councils) == 17
    counts = Counter(k for c in councils for k in c.kommuner)
    assert len(counts) == 98, "every kommune in a sundhedsråd"
    assert set(counts.values()) == {1}, "each kommune in exactly one sundhedsråd"
    assert {k.key for k in reg.of_kind("kommune", AFTER)} == set(counts)
    for c in councils:  # each within one region, the region in force that day
        regions_of = {reg.region_of(k, AFTER) for k in c.kommuner}
        assert regions_of == {c.region}, c.name
        assert reg.get(c.region).valid_at(AFTER)
        assert c.source and "L 214" in c.source
    by_region = Counter(c.region for c in councils)
    assert by_region == {"region-oestdanmark": 6, "region-nordjylland": 2,
                         "region-midtjylland": 5, "region-syddanmark": 4}


def test_region_oestdanmark_merges_hovedstaden_and_sjaelland(reg) -> None:
    oest = reg.get("region-oestdanmark")
    assert oest.valid_at(AFTER) and not oest.valid_at(BEFORE)
    assert "L 213" in oest.source and "nr. 699" in oest.source
    assert oest.code is None and oest.is_unconfirmed("kode")
    assert len(reg.kommuner_in("region-oestdanmark", AFTER)) == 46
    for old in ("region-hovedstaden", "region-sjaelland"):
        e = reg.get(old)
        assert e.ends() == BEFORE and not e.valid_at(AFTER)
        assert [s.key for s in reg.successors(old)] == ["region-oestdanmark"]
    assert reg.region_of("roskilde", BEFORE) == "region-sjaelland"
    assert reg.region_of("roskilde", AFTER) == "region-oestdanmark"
    assert reg.region_of("aalborg", AFTER) == "region-nordjylland"


def test_klynger_and_ssu_end_2026_with_successors(reg) -> None:
    for k in reg.of_kind("klynge"):
        assert k.ends() == BEFORE, k.name
        assert reg.successors(k.key), f"{k.name} has no successor"
    names = lambda key: [e.name for e in reg.successors(key)]  # noqa: E731
    assert names("klynge-nordjylland-nord") == ["Sundhedsråd Vendsyssel"]
    for key in ("klynge-nordjylland-midt", "klynge-nordjylland-syd", "klynge-nordjylland-vest"):
        assert names(key) == ["Sundhedsråd Limfjorden"]  # several to one
    assert sorted(names("klynge-hovedstaden-nord")) == [  # one to several (Rudersdal)
        "Sundhedsråd Københavns Omegn Nord", "Sundhedsråd Nordsjælland"]
    ssu = [e for e in reg.of_kind("organ") if e.key.startswith("sundhedssamarbejdsudvalg-")]
    assert len(ssu) == 5
    for e in ssu:
        assert e.ends() == BEFORE and "L 214" in e.source
        assert e.is_unconfirmed("efterfølgere")


def test_middelfart_and_billund_default_marked_unconfirmed(reg) -> None:
    lillebaelt = reg.get("sundhedsraad-lillebaelt")
    sydvest = reg.get("sundhedsraad-sydvestjylland")
    assert "middelfart" in lillebaelt.kommuner and lillebaelt.is_unconfirmed("middelfart")
    assert "billund" in sydvest.kommuner and sydvest.is_unconfirmed("billund")
    assert "Fyn" in lillebaelt.unconfirmed["middelfart"]
    confirmed = [c for c in reg.of_kind("sundhedsråd") if c.key not in (lillebaelt.key, sydvest.key)]
    assert all(not c.unconfirmed for c in confirmed)


def _repo(tmp_path: Path, register: str) -> Path:
    (tmp_path / "charters" / "_register").mkdir(parents=True)
    (tmp_path / "charters" / "_register" / "rettelser.yaml").write_text(register, encoding="utf-8")
    return tmp_path


MOVE_MIDDELFART = """\
sundhedsråd:
  - nøgle: sundhedsraad-fyn
    rettelse: Middelfart hører til Sundhedsråd Fyn (bekendtgørelsen).
    navn: Sundhedsråd Fyn
    region: region-syddanmark
    kommuner: [assens, faaborg-midtfyn, kerteminde, langeland, nordfyns, nyborg, odense,
               svendborg, aeroe, middelfart]
    gyldig: {fra: 2027-01-01}
    kilde: Bekendtgørelse om sundhedsrådene
  - nøgle: sundhedsraad-lillebaelt
    rettelse: Middelfart hører til Sundhedsråd Fyn (bekendtgørelsen).
    navn: Sundhedsråd Lillebælt
    region: region-syddanmark
    kommuner: [fredericia, kolding, vejle]
    gyldig: {fra: 2027-01-01}
    kilde: Bekendtgørelse om sundhedsrådene
"""


def test_a_repository_corrects_the_registry_without_forking(tmp_path: Path) -> None:
    repo = _repo(tmp_path, MOVE_MIDDELFART)
    result = check([], cwd=repo)
    assert [p.code for p in result.problems if p.severity.value == "fejl"] == []
    reg = result.corpora[0].registry
    assert "middelfart" in reg.get("sundhedsraad-fyn").kommuner
    assert "middelfart" not in reg.get("sundhedsraad-lillebaelt").kommuner
    assert [e.name for e in reg.successors("klynge-syddanmark-lillebaelt")] == [
        "Sundhedsråd Fyn", "Sundhedsråd Lillebælt"]


def test_half_a_correction_is_caught_by_the_coverage_rules(tmp_path: Path) -> None:
    repo = _repo(tmp_path, MOVE_MIDDELFART.split("  - nøgle: sundhedsraad-lillebaelt")[0])
    result = check([], cwd=repo)
    g002 = [p for p in result.problems if p.code == "G002"]
    assert len(g002) == 1 and "Middelfart" in g002[0].message and "sundhedsråd" in g002[0].message


def test_a_duplicate_without_rettelse_is_g001_and_names_the_fix(tmp_path: Path) -> None:
    text = MOVE_MIDDELFART.replace("    rettelse: Middelfart hører til Sundhedsråd Fyn (bekendtgørelsen).\n", "")
    result = check([], cwd=_repo(tmp_path, text))
    g001 = [p for p in result.problems if p.code == "G001"]
    assert len(g001) == 2 and all("rettelse" in p.message for p in g001)


def test_a_correction_of_nothing_is_d005(tmp_path: Path) -> None:
    text = ("sundhedsråd:\n  - nøgle: sundhedsraad-fynn\n    rettelse: Stavefejl i navnet.\n"
            "    navn: Sundhedsråd Fyn\n    region: region-syddanmark\n    kommuner: [odense]\n")
    result = check([], cwd=_repo(tmp_path, text))
    d005 = [p for p in result.problems if p.code == "D005"]
    assert len(d005) == 1 and d005[0].line == 3 and "sundhedsraad-fynn" in d005[0].message
    assert result.exit_code() == 1
