"""`kommissorium fmt`: canonical, idempotent, and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.corpus import discover
from kommissorium.fmt import FormatError, comments_of, format_text
from kommissorium.load.yaml import load_text

ROOT = Path(__file__).resolve().parents[1]

COMMENTS = """\
# yaml-language-server: $schema=../../schema/kommissorium.schema.json
# Kilde: et testdokument

type: forum   # efter type
navn: "Kommentarforum"  # efter navn
# over område
område: 'region-nordjylland'

opgaver:
  # før første opgave
  - Første opgave   # efter første opgave
  # mellem opgaver
  - >-
    En foldet tekst, der står
    over to linjer.
  - |
    # ikke en kommentar, men tekst i en blok
    anden linje
sammensætning:
  medlemmer:
    - rolle: direktør  # efter rolle
      # over antal
      antal: 2
      for-hver: kommune
    - fra: region-nordjylland
      rolle: hospitalsdirektør
      heraf:
        - fra: psykiatrien-nordjylland
          mindst: 1
    # - rolle: udkommenteret plads
  indledning: Sammensætning   # efter indledning
møder:
    tekst: Møder holdes.    # efter tekst
    pr-år: {højst: 6, mindst: 4}   # flow
    # over noter
    noter:
      - Note # efter note
# sidste kommentar
"""


def _fmt(text: str) -> str:
    return format_text(text, "test.yaml")


def test_comments_everywhere_are_kept() -> None:
    out = _fmt(COMMENTS)
    assert sorted(comments_of(out)) == sorted(comments_of(COMMENTS))
    assert len(comments_of(COMMENTS)) == 17
    assert load_text(out).data == load_text(COMMENTS).data
    # canonical order: navn before type; the frequency's keys in the model's order
    assert out.index("navn:") < out.index("type:") < out.index("område:")
    assert "pr-år: {mindst: 4, højst: 6}" in out
    assert out.index("indledning: Sammensætning") < out.index("medlemmer:")
    # a comment travels with the key below it; the header stays on top
    assert out.startswith("# yaml-language-server: $schema=../../schema/kommissorium.schema.json\n"
                          "# Kilde: et testdokument\n\nnavn:")
    assert "# over område\nområde: 'region-nordjylland'" in out
    assert "    # over antal\n    - antal: 2\n      rolle: direktør  # efter rolle\n" in out
    assert "    - rolle: hospitalsdirektør\n      fra: region-nordjylland\n" in out
    assert "        - mindst: 1\n          fra: psykiatrien-nordjylland\n" in out
    # quoting, block styles and the text inside a block stay as they were
    assert 'navn: "Kommentarforum"' in out
    assert "  - >-\n    En foldet tekst, der står\n    over to linjer.\n" in out
    assert "    # ikke en kommentar, men tekst i en blok\n" in out
    assert out.endswith("# sidste kommentar\n")
    # the re-indented mapping: keys at 2, the stray comment follows its key
    assert "møder:\n  pr-år:" in out and "  # over noter\n  noter:\n    - Note" in out


def test_fmt_is_idempotent_on_the_fixture() -> None:
    once = _fmt(COMMENTS)
    assert _fmt(once) == once


def test_every_charter_is_stable_after_one_fmt() -> None:
    charters, registers = discover(ROOT / "charters")
    assert len(charters) >= 5
    for path in charters + registers:
        text = path.read_text(encoding="utf-8")
        is_charter = path in charters
        try:
            once = format_text(text, str(path), is_charter)
        except FormatError:
            pytest.fail(f"{path}: fmt afviste en fil i korpusset")
        assert format_text(once, str(path), is_charter) == once, path
        assert load_text(once).data == load_text(text).data, path
        assert sorted(comments_of(once)) == sorted(comments_of(text)), path
        if not is_charter:
            assert once == text, f"{path}: registerfiler skal ikke ændres"


def test_canonical_file_is_unchanged() -> None:
    text = "navn: X\ntype: forum\nområde: region-nordjylland\nmøder:\n  pr-år: 4\n"
    assert _fmt(text) == text


def test_refuses_broken_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charters").mkdir()
    bad = tmp_path / "charters" / "brudt.yaml"
    bad.write_text("navn: X\nopgaver: [a, b\n", encoding="utf-8")
    before = bad.read_bytes()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["fmt"])
    assert result.exit_code == 1
    assert "charters/brudt.yaml:" in result.output and "Filen formateres ikke" in result.output
    assert "Traceback" not in result.output
    assert bad.read_bytes() == before


def test_check_and_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charters" / "a").mkdir(parents=True)
    messy = tmp_path / "charters" / "a" / "rodet.yaml"
    messy.write_text("type: forum   # t\nnavn: X\nområde: region-nordjylland\n", encoding="utf-8")
    tidy = tmp_path / "charters" / "a" / "pæn.yaml"
    tidy.write_text("navn: Y\ntype: forum\nområde: region-nordjylland\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["fmt", "--check"])
    assert result.exit_code == 1
    assert "charters/a/rodet.yaml: ville blive omformateret" in result.output
    assert "pæn.yaml: ville" not in result.output
    assert messy.read_text(encoding="utf-8").startswith("type:")  # --check writes nothing
    result = runner.invoke(app, ["fmt"])
    assert result.exit_code == 0, result.output
    assert messy.read_text(encoding="utf-8") == "navn: X\ntype: forum   # t\nområde: region-nordjylland\n"
    assert not list(tmp_path.glob("charters/a/.*.tmp"))  # atomic write left no temp file
    assert runner.invoke(app, ["fmt", "--check"]).exit_code == 0


def test_example_corpus_is_canonically_formatted() -> None:
    """The committed charters are kept in fmt's canonical form (CI runs `fmt --check` too)."""
    root = Path(__file__).resolve().parents[1] / "charters"
    charters, registers = discover(root)
    changed = [
        str(p.relative_to(root)) for p in charters
        if format_text(p.read_text(encoding="utf-8")) != p.read_text(encoding="utf-8")
    ]
    assert changed == []


def test_diff_is_a_dry_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charters").mkdir()
    messy = tmp_path / "charters" / "rodet.yaml"
    messy.write_text("type: forum\nnavn: X\nområde: region-nordjylland\n", encoding="utf-8")
    before = messy.read_bytes()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["fmt", "--diff"])
    assert result.exit_code == 1
    assert "+++ b/charters/rodet.yaml" in result.output and "+navn: X" in result.output
    assert messy.read_bytes() == before


def test_singular_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "pæn.yaml").write_text(
        "navn: Y\ntype: forum\nområde: region-nordjylland\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["fmt"])
    assert result.exit_code == 0
    assert "0 filer formateret, 1 uændret." in result.output


def test_impossible_date_is_text(tmp_path: Path) -> None:
    text = "navn: X\ntype: forum\nområde: region-nordjylland\ndato: 2022-02-30\n"
    assert _fmt(text) == text


def test_encoding_problem_reuses_loader_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "charters").mkdir()
    bad = tmp_path / "charters" / "cp.yaml"
    bad.write_bytes("navn: København\ntype: forum\n".encode("cp1252"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["fmt"])
    assert result.exit_code == 1
    assert "charters/cp.yaml:1:8:" in result.output and "[Y004]" in result.output
