"""The repository on a given day: `validate --dato`, `register`, `overgang` (issue 16)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
runner = CliRunner()


def run(*args: str):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(cwd)


def _klynge_charters() -> list[Path]:
    return sorted(p for p in (ROOT / "charters").rglob("*.yaml")
                  if re.search(r"/klynge-[a-z]+/", p.as_posix()))


def test_plain_validate_is_clean() -> None:
    result = run("validate", "charters/")
    assert result.exit_code == 0, result.output


def test_validate_on_2027_names_every_klynge_charter_with_its_successor() -> None:
    result = run("validate", "charters/", "--dato", "2027-01-01")
    assert result.exit_code == 1
    reg, _ = load_registry()
    lines = result.output.splitlines()
    klynger = _klynge_charters()
    assert len(klynger) == 16
    for path in klynger:
        rel = path.relative_to(ROOT).as_posix()
        area = re.search(r"^område: (\S+)", path.read_text(encoding="utf-8"), re.M)[1]
        successors = [e.name for e in reg.successors(area)]
        hits = [ln for ln in lines if ln.startswith(rel + ":") and " D001 " in ln]
        assert len(hits) == 1, rel
        assert f"{reg.get(area).name} ophører 31. december 2026; efterfølges af " \
               f"{successors[0]}" in hits[0]
    assert ("Sundhedsklynge Nord ophører 31. december 2026; efterfølges af Sundhedsråd "
            "Vendsyssel.") in result.output


def test_validate_on_2026_finds_only_the_stale_2017_references() -> None:
    result = run("validate", "charters/", "--dato", "2026-12-31")
    found = [ln for ln in result.output.splitlines() if re.search(r" D00\d ", ln)]
    # the sundhedsråd examples begin the next day: their area does not exist yet
    early = [ln for ln in found if " D001 " in ln]
    assert {ln.split(":")[0] for ln in early} == {
        "charters/nordjylland/sundhedsraad-vendsyssel.yaml",
        "charters/nordjylland/sundhedsraad-limfjorden.yaml"}
    assert all("findes først fra 1. januar 2027" in ln for ln in early)
    found = [ln for ln in found if ln not in early]
    assert not any(" D002 " in ln for ln in found)
    # two charters from 2017 still name Sundhedskoordinationsudvalget (ended 30 June 2022)
    assert {ln.split(":")[0] for ln in found} == {
        "charters/nordjylland/den-administrative-styregruppe.yaml",
        "charters/nordjylland/sundhedspolitisk-dialogforum.yaml"}
    assert all("Sundhedskoordinationsudvalget ophører 30. juni 2022; efterfølges af "
               "Sundhedssamarbejdsudvalget." in ln for ln in found)


def test_a_bad_date_is_a_danish_usage_error() -> None:
    result = run("validate", "charters/", "--dato", "1. januar 2027")
    assert result.exit_code == 2
    assert "ÅÅÅÅ-MM-DD" in result.output and "Traceback" not in result.output


def test_register_json_on_both_sides_of_the_reform() -> None:
    before = json.loads(run("register", "--dato", "2026-12-31", "--format", "json").output)
    after = json.loads(run("register", "--dato", "2027-01-01", "--format", "json").output)
    assert before["dato"] == "2026-12-31"
    assert before["antal"]["region"] == 5 and before["antal"]["klynge"] == 22
    assert "sundhedsråd" not in before["antal"]
    assert after["antal"]["region"] == 4 and after["antal"]["sundhedsråd"] == 17
    # The 98 real kommuner (with an official code); charters/_register adds a fictional one for
    # the example charters.
    assert "klynge" not in after["antal"]
    assert sum(1 for e in after["poster"]["kommune"] if e.get("kode")) == 98
    oest = next(e for e in after["poster"]["region"] if e["nøgle"] == "region-oestdanmark")
    assert oest["kode"] is None and "kode" in oest["ikke-bekræftet"] and "L 213" in oest["kilde"]
    roskilde = next(e for e in after["poster"]["kommune"] if e["nøgle"] == "roskilde")
    assert roskilde["region"] == "region-oestdanmark"
    assert roskilde["enheder"] == ["sundhedsraad-oestsjaelland-og-oeerne"]
    lille = next(e for e in after["poster"]["sundhedsråd"] if e["nøgle"] == "sundhedsraad-lillebaelt")
    assert "middelfart" in lille["kommuner"] and "middelfart" in lille["ikke-bekræftet"]
    nord = next(e for e in before["poster"]["klynge"] if e["nøgle"] == "klynge-nordjylland-nord")
    assert nord["efterfølgere"] == ["sundhedsraad-vendsyssel"]
    assert nord["gyldig"] == {"fra": "2022-07-01", "til": "2026-12-31"}


def test_register_text_marks_unconfirmed_facts() -> None:
    out = run("register", "--dato", "2027-01-01").output
    assert "Region Østdanmark · kode (ikke bekræftet)" in out
    assert "Vejle og Middelfart (ikke bekræftet)" in out
    assert "Billund · kode 530 · i Region Syddanmark · Sundhedsråd Sydvestjylland (ikke bekræftet)" in out


@pytest.mark.parametrize("fmt,suffix", [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_golden_transition_report(fmt: str, suffix: str, request: pytest.FixtureRequest) -> None:
    result = run("overgang", "--dato", "2027-01-01", "--format", fmt)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"overgang-2027-01-01.{suffix}"
    if request.config.getoption("--update-golden") or os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")


def test_transition_report_classifies_every_charter() -> None:
    data = json.loads(run("overgang", "--dato", "2027-01-01", "--format", "json").output)
    by_id = {c["id"]: c for c in data["kommissorier"]}
    assert len(by_id) == len(list((ROOT / "charters").rglob("*.yaml"))) - len(
        list((ROOT / "charters" / "_register").rglob("*.yaml")))
    for path in _klynge_charters():
        cid = path.relative_to(ROOT / "charters").with_suffix("").as_posix()
        assert by_id[cid]["status"] == "ophører", cid
        assert by_id[cid]["grunde"][0]["efterfølgere"]
    ssu = by_id["nordjylland/sundhedssamarbejdsudvalget"]
    assert ssu["status"] == "ophører" and ssu["grunde"][0]["efterfølgere-ikke-bekræftet"] is True
    forum = by_id["nordjylland/strategisk-sundhedsforum"]
    assert forum["status"] == "skal-ændres"
    assert {g["felt"] for g in forum["grunde"]} >= {"relationer.indstiller-til",
                                                   "relationer.koordinerer-med"}
    assert by_id["nordjylland/sundhedskoordinationsudvalget"]["status"] == "upåvirket"
    assert by_id["nordjylland/patientinddragelsesudvalget"]["status"] == "upåvirket"
    assert data["antal"] == {s: sum(1 for c in data["kommissorier"] if c["status"] == s)
                             for s in ("ophører", "skal-ændres", "upåvirket")}


def test_transition_before_the_reform_changes_nothing() -> None:
    data = json.loads(run("overgang", "--dato", "2026-12-31", "--format", "json").output)
    assert data["antal"]["ophører"] == 0
    # the 2017 references to Sundhedskoordinationsudvalget are stale already in 2026
    assert {c["id"] for c in data["kommissorier"] if c["status"] == "skal-ændres"} == {
        "nordjylland/den-administrative-styregruppe", "nordjylland/sundhedspolitisk-dialogforum"}


def test_graph_on_a_day_leaves_out_what_is_gone() -> None:
    before = run("graph", "--format", "dot", "--region", "nordjylland", "--dato", "2026-12-31")
    after = run("graph", "--format", "dot", "--region", "nordjylland", "--dato", "2027-01-01")
    assert before.exit_code == 0 and after.exit_code == 0, after.output
    assert '"nordjylland/klynge-nord/politisk"' in before.output
    assert "klynge-" not in after.output.replace("klynger", "")
    assert '"nordjylland/sundhedssamarbejdsudvalget"' not in after.output
    assert "pr. 1. januar 2027" in after.output
    assert run("graph", "--dato", "2027-13-01").exit_code == 2


def test_site_transition_page_matches_the_report(tmp_path: Path) -> None:
    from datetime import date

    from kommissorium.corpus import load_corpus
    from kommissorium.site import SiteOptions, build_site

    cs = load_corpus(ROOT / "charters")
    build_site(cs, tmp_path / "site", SiteOptions(pdf=False, transition=date(2027, 1, 1)))
    html = (tmp_path / "site" / "overgang.html").read_text(encoding="utf-8")
    data = json.loads(run("overgang", "--dato", "2027-01-01", "--format", "json").output)
    n = data["antal"]
    assert (f"Pr. 1. januar 2027: {n['ophører']} kommissorier ophører, {n['skal-ændres']} skal "
            f"ændres og {n['upåvirket']} er upåvirkede.") in html
    assert html.count('<li><a href="kommissorier/') == len(data["kommissorier"])
    assert "Sundhedsklynge Nord ophører 31. december 2026; efterfølges af Sundhedsråd Vendsyssel." in html
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="overgang.html"' in index


def test_following_the_advice_clears_the_findings(repo) -> None:
    """A klynge charter ended with 'gyldig: {til: 2026-12-31}' and 'erstattet-af' is history on
    1 January 2027; a charter that still refers to it is told the successor charter."""
    repo("nord/klynge.yaml", """\
        navn: Det politiske niveau i Sundhedsklynge Nord
        type: politisk
        område: klynge-nordjylland-nord
        dato: 2022-08
        gyldig: {fra: 2022-08-01, til: 2026-12-31}
        erstattet-af: nord/raad
        """)
    repo("nord/raad.yaml", """\
        navn: Sundhedsråd Vendsyssel
        type: udvalg
        område: sundhedsraad-vendsyssel
        dato: 2026-11
        gyldig: {fra: 2027-01-01}
        """)
    repo("nord/forum.yaml", """\
        navn: Forummet
        type: forum
        område: region-nordjylland
        dato: 2022-08
        relationer:
          refererer-til: nord/klynge
        """)
    result = runner.invoke(app, ["validate", "--dato", "2027-01-01"])
    assert result.exit_code == 1
    found = [ln for ln in result.output.splitlines() if ": fejl " in ln]
    assert len(found) == 1 and found[0].startswith("charters/nord/forum.yaml:6:")
    assert ("Det politiske niveau i Sundhedsklynge Nord ophører 31. december 2026; efterfølges af "
            "Sundhedsråd Vendsyssel.") in found[0]
    data = json.loads(runner.invoke(app, ["overgang", "--dato", "2027-01-01", "-f", "json"]).output)
    status = {c["id"]: c["status"] for c in data["kommissorier"]}
    assert status == {"nord/klynge": "upåvirket", "nord/raad": "upåvirket",
                      "nord/forum": "skal-ændres"}
    succ = data["kommissorier"][0]["grunde"][0]["efterfølgere"]
    assert succ == [{"nøgle": "nord/raad", "navn": "Sundhedsråd Vendsyssel",
                     "kommissorier": ["nord/raad"]}]


def test_register_shows_a_correction(repo) -> None:
    (repo.root / "charters" / "_register").mkdir()
    (repo.root / "charters" / "_register" / "r.yaml").write_text(
        "regioner:\n  - nøgle: region-oestdanmark\n    rettelse: Koden er offentliggjort.\n"
        "    navn: Region Østdanmark\n    kode: 1086\n    gyldig: {fra: 2027-01-01}\n",
        encoding="utf-8")
    out = runner.invoke(app, ["register", "--dato", "2027-01-01"]).output
    assert "Region Østdanmark · kode 1086 · fra 1. januar 2027" in out
    assert "Rettet i repositoriet: Koden er offentliggjort." in out
    data = json.loads(runner.invoke(app, ["register", "--dato", "2027-01-01", "-f", "json"]).output)
    oest = next(e for e in data["poster"]["region"] if e["nøgle"] == "region-oestdanmark")
    assert oest["kode"] == 1086 and oest["rettelse"] == "Koden er offentliggjort."
    assert len(data["poster"]["kommune"]) == 98
