"""Sundhedsråd charters: the national frame, `new --type sundhedsråd` and the two Nordjylland
examples dated 2027 (issue 16)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.corpus import load_corpus
from kommissorium.model.charter import RequirementKind
from kommissorium.new import COUNCIL_FRAME, packaged_frame_text
from kommissorium.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(cwd: Path, *args: str):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def _body(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if not ln.startswith("# yaml-language-server")]


def test_the_repository_frame_is_the_packaged_one() -> None:
    mine = (ROOT / "charters" / f"{COUNCIL_FRAME}.yaml").read_text(encoding="utf-8")
    assert _body(mine) == _body(packaged_frame_text())


def test_the_frame_holds_the_requirements_with_sources_and_marks() -> None:
    cs = load_corpus(ROOT / "charters")
    frame = cs.charter(COUNCIL_FRAME)
    assert frame.frame and frame.type.value == "sundhedsråd"
    reqs = {r.kind: r for r in frame.requirements}
    assert set(reqs) == set(RequirementKind)
    assert all(r.source for r in reqs.values())
    confirmed = {k for k, r in reqs.items() if r.unconfirmed is None}
    assert confirmed == {RequirementKind.PARTIES_ONLY, RequirementKind.MAJORITY,
                         RequirementKind.LAW}
    assert [p.value for p in reqs[RequirementKind.PARTIES_ONLY].parties] == ["region", "kommuner"]
    assert reqs[RequirementKind.LAW].law == "kommunestyrelsesloven"


def test_the_nordjylland_councils_pass_in_2027_and_fail_before() -> None:
    files = ["charters/nordjylland/sundhedsraad-vendsyssel.yaml",
             "charters/nordjylland/sundhedsraad-limfjorden.yaml"]
    plain = run(ROOT, "validate", *files)
    assert plain.exit_code == 0, plain.output
    in_2027 = run(ROOT, "validate", "--dato", "2027-01-01", *files)
    assert in_2027.exit_code == 0, in_2027.output
    before = run(ROOT, "validate", "--dato", "2026-06-01", *files)
    assert before.exit_code == 1
    lines = [ln for ln in before.output.splitlines() if ": fejl " in ln]
    assert len(lines) == 2 and all(" D001 " in ln for ln in lines)
    assert ("Sundhedsråd Vendsyssel findes først fra 1. januar 2027. Kommissoriets område "
            "findes ikke pr. 1. juni 2026") in before.output


def test_the_example_councils_have_no_unconfirmed_deviations() -> None:
    result = run(ROOT, "validate", "charters/nordjylland/sundhedsraad-vendsyssel.yaml",
                 "charters/nordjylland/sundhedsraad-limfjorden.yaml")
    assert " H00" not in result.output


@pytest.mark.parametrize("council", [e.key for e in load_registry()[0].of_kind("sundhedsråd")])
def test_new_writes_a_council_that_extends_the_frame_and_passes(council: str,
                                                              tmp_path: Path) -> None:
    (tmp_path / "charters").mkdir()
    result = run(tmp_path, "new", f"raad/{council}", "--type", "sundhedsråd",
                 "--område", council)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "charters" / "raad" / f"{council}.yaml").read_text(encoding="utf-8")
    assert f"udbygger: {COUNCIL_FRAME}" in text and "gyldig: {fra: 2027-01-01}" in text
    assert (tmp_path / "charters" / f"{COUNCIL_FRAME}.yaml").is_file()
    assert run(tmp_path, "fmt", "--check").exit_code == 0  # written in canonical order
    for extra in ([], ["--dato", "2027-01-01"]):
        checked = run(tmp_path, "validate", *extra)
        assert checked.exit_code == 0, checked.output
        assert " H00" not in checked.output


def test_new_council_needs_a_council_area(tmp_path: Path) -> None:
    (tmp_path / "charters").mkdir()
    result = run(tmp_path, "new", "x/y", "--type", "sundhedsråd", "--område", "region-nordjylland")
    assert result.exit_code == 2
    assert "sundhedsråd fra registret" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "charters" / "x").exists()
