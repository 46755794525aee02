"""The JSON Schema: committed and current, accepts every charter, rejects schema-level errors."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.corpus import discover, load_charter
from kommissorium.schema import COMMENT_PREFIX, SCHEMA_PATH, build_schema, schema_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / SCHEMA_PATH
HOSTILE = ROOT / "tests" / "hostile"

#: Schema-level fixtures JSON Schema cannot express (a relation between two values, the
#: calendar). validate catches them; the schema lets them through.
BEYOND_JSON_SCHEMA = {
    "type-antal-omvendt.yaml": "mindst > højst compares two fields",
    "yaml11-dato-31-februar.yaml": "whether a day exists in a month needs a calendar",
}

COMPACT = """\
# yaml-language-server: $schema=../../schema/kommissorium.schema.json
navn: Kompakte former
type: forum
område: region-nordjylland
godkendt: {af: nordjylland/forum, dato: august 2022}
dato: 2022-06-23
gyldig: {fra: 2022-07, til: 2026}
principper:
  - Et princip
opgaver:
  indledning: "Forummet skal:"
  punkter: En enkelt opgave
sammensætning:
  medlemmer:
    - {antal: 3, rolle: direktør, fra: region-nordjylland, heraf: {mindst: 1, fra: psykiatrien}}
    - {antal: "2-4", rolle: læge}
    - {antal: op til 3, rolle: konsulent}
    - {antal: {mindst: 2}, rolle: repræsentant, for-hver: kommune}
  suppleanter: true
formandskab:
  delt-mellem: [kommunerne, regionen]
sekretariat:
  varetages-af: region-nordjylland
møder:
  pr-år: ca. 10
  varighed-timer: 2-3
  fysiske-pr-år: "mindst 1"
  ekstraordinære: Efter behov kan der indkaldes til ekstraordinære møder.
relationer:
  refererer-til: nordjylland/forum
  undergrupper: [nordjylland/gruppe, {navn: Driftsdel}]
"""

ON_DEMAND = COMPACT.replace("pr-år: ca. 10", "pr-år: 4 og efter behov")


def check_jsonschema(files: list[Path]) -> dict[str, list[str]]:
    """check-jsonschema over files: filename → error messages (empty: valid)."""
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA),
         "--output-format", "json", *map(str, files)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    out: dict[str, list[str]] = {str(f): [] for f in files}
    for err in data.get("errors", []):
        out.setdefault(err["filename"], []).append(err["message"])
    for err in data.get("parse_errors", []):
        out.setdefault(err["filename"], []).append(err.get("message", "parse error"))
    return out


def test_committed_schema_is_current() -> None:
    assert SCHEMA.is_file(), f"mangler {SCHEMA_PATH}; kør 'kommissorium schema -o {SCHEMA_PATH}'"
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        f"{SCHEMA_PATH} er forældet; kør 'kommissorium schema -o {SCHEMA_PATH}'"
    )


def test_schema_check_command(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "s.json"
    assert runner.invoke(app, ["schema", "--check", "-o", str(target)]).exit_code == 1
    assert runner.invoke(app, ["schema", "-o", str(target)]).exit_code == 0
    assert runner.invoke(app, ["schema", "--check", "-o", str(target)]).exit_code == 0
    printed = runner.invoke(app, ["schema"]).stdout
    assert json.loads(printed) == json.loads(target.read_text(encoding="utf-8"))


def test_every_property_has_a_danish_description() -> None:
    schema = build_schema()
    missing = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                if not prop.get("description"):
                    missing.append(f"{where}.{key}")
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for v in node:
                walk(v, where)

    walk(schema, "")
    assert not missing
    for name, d in schema["$defs"].items():
        assert d.get("description") or "enum" in d, name
    # the class docstrings are English code docs and must not leak into the schema
    assert "How many" not in json.dumps(schema)
    assert schema["properties"]["formål"]["description"] == "Organets formål."
    assert schema["additionalProperties"] is False


def test_every_charter_is_valid_against_the_schema() -> None:
    charters, _ = discover(ROOT / "charters")
    assert len(charters) >= 5
    results = check_jsonschema(charters)
    for path in charters:
        cf = load_charter(path, ROOT / "charters")
        errors = results[str(path)]
        if cf.charter is not None:
            assert not errors, f"{path}: {errors}"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(COMMENT_PREFIX), f"{path}: mangler skema-linjen"
        target = (path.parent / first[len(COMMENT_PREFIX):]).resolve()
        assert target == SCHEMA, f"{path}: skema-linjen peger på {target}"


def test_compact_forms_are_accepted_by_both(tmp_path: Path) -> None:
    paths = []
    for name, text in (("kompakt", COMPACT), ("efter-behov", ON_DEMAND)):
        path = tmp_path / "charters" / "nordjylland" / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        cf = load_charter(path, tmp_path / "charters")
        assert cf.charter is not None, [p.message for p in cf.problems]
        paths.append(path)
    results = check_jsonschema(paths)
    assert all(results[str(p)] == [] for p in paths), results


BAD = {
    "ukendt-noegle": ("formaal: x\n", "S001"),
    "ukendt-indlejret": ("møder:\n  pr-aar: 4\n", "S001"),
    "forkert-type": ("forkortelse: [a, b]\n", "S002"),
    "ukendt-moedefrekvens": ("møder:\n  pr-år: hver uge\n", "S004"),
    "sandhedsvaerdi-som-antal": ("møder:\n  pr-år: true\n", "S004"),
    "ukendt-antal": ("sammensætning:\n  medlemmer:\n    - {antal: mange, rolle: x}\n", "S004"),
    "daarlig-henvisning": ("udbygger: Region Nordjylland\n", "S004"),
    "ukendt-part": ("formandskab:\n  delt-mellem: [kommunen, staten]\n", "S004"),
    "ukendt-dato": ("dato: 2022-13-01\n", "S004"),
    # issue 15: a quota without a number passed the schema but failed validate
    "heraf-uden-antal": ("sammensætning:\n  medlemmer:\n    - {rolle: x, antal: 3, heraf: {fra: y}}\n",
                         "S004"),
    "heraf-uden-hvad": ("sammensætning:\n  medlemmer:\n    - {rolle: x, antal: 3, heraf: {mindst: 1}}\n",
                        "S004"),
    "post-plads-og-gruppe": ("formandskab:\n  formand: {plads: a, gruppe: b}\n", "S004"),
    "ingen-formand-med-formand": ("formandskab:\n  ingen: true\n  formand: {gruppe: a}\n", "S004"),
    "ukendt-frist": ("møder:\n  dagsorden: {udsendes: en uge eller to}\n", "S004"),
    "ukendt-andel": ("beslutningsdygtig: x\n", "S001"),
    "ukendt-taerskel": ("beslutninger:\n  beslutningsdygtig-ved: de fleste\n", "S004"),
    "udpeget-og-valgt": ("sammensætning:\n  medlemmer:\n    - {rolle: x, udpeget-af: a, valgt-af: b}\n",
                         "S004"),
    "direkte-valg-og-udpeget": ("sammensætning:\n  medlemmer:\n    - {rolle: x, direkte-valg: true, udpeget-af: a}\n",
                                "S004"),
    "vaelgere-uden-valg": ("sammensætning:\n  medlemmer:\n    - {rolle: x, vælgere: borgerne}\n", "S004"),
    "hver-fra-sin-uden-for-hver": ("sammensætning:\n  medlemmer:\n    - {rolle: x, hver-fra-sin: lægelaug}\n",
                                   "S004"),
    "personlige-og-faelles": ("sammensætning:\n  suppleanter: {personlige: true, fælles: true}\n", "S004"),
    "uger-og-dage": ("møder:\n  i-forhold-til: {organ: a, uger: 2, dage: 3}\n", "S004"),
    "uangivet-med-tal": ("sammensætning:\n  medlemmer:\n    - {rolle: x, antal: {uangivet: true, mindst: 2}}\n",
                         "S004"),
    "taerskel-antal-og-andel": ("beslutninger:\n  beslutningsdygtig-ved: {antal: 3, andel: 1/2}\n",
                                "S004"),
}


def test_bad_forms_are_rejected_by_both(tmp_path: Path) -> None:
    paths = {}
    for name, (extra, code) in BAD.items():
        path = tmp_path / "charters" / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("navn: X\ntype: forum\nområde: region-nordjylland\n" + extra,
                        encoding="utf-8")
        cf = load_charter(path, tmp_path / "charters")
        assert cf.charter is None and code in {p.code for p in cf.problems}, name
        paths[name] = path
    results = check_jsonschema(list(paths.values()))
    accepted = [name for name, path in paths.items() if not results[str(path)]]
    assert accepted == [], f"skemaet godtog {accepted}"


def _hostile_schema_fixtures() -> list[str]:
    with open(HOSTILE / "expected.tsv", encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    return sorted({r[0] for r in rows if r[1] in ("S001", "S002", "S003", "S004")})


@pytest.mark.skipif(not (HOSTILE / "expected.tsv").is_file(), reason="no hostile corpus")
def test_schema_rejects_the_hostile_schema_fixtures() -> None:
    names = _hostile_schema_fixtures()
    assert len(names) >= 10
    files = [HOSTILE / "corpus" / n for n in names]
    results = check_jsonschema(files)
    accepted = sorted(n for n, f in zip(names, files) if not results[str(f)])
    assert accepted == sorted(n for n in BEYOND_JSON_SCHEMA if n in names), accepted


def _fixture_files() -> list[tuple[Path, Path]]:
    """Every charter file of the test fixtures with its charters root."""
    out = []
    for root in sorted((ROOT / "tests" / "rules").glob("*/*")) + [ROOT / "tests" / "model" / "charters"]:
        if not root.is_dir():
            continue
        files, _ = discover(root)
        out += [(f, root) for f in files]
    return out


def test_every_fixture_gets_the_same_verdict_from_schema_and_validate() -> None:
    """The JSON Schema and `validate` agree on every fixture: both accept, or both refuse."""
    pairs = _fixture_files()
    assert len(pairs) > 80
    results = check_jsonschema([f for f, _ in pairs])
    disagree = []
    for path, root in pairs:
        model_ok = load_charter(path, root).charter is not None
        schema_ok = not results[str(path)]
        if model_ok != schema_ok:
            disagree.append(f"{path.relative_to(ROOT)}: validate={model_ok} schema={schema_ok}")
    assert not disagree, "\n".join(disagree)
