"""`validate --format json`: real output validates against schema/json-output.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from kommissorium.cli import app

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schema" / "json-output.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()


def _validate_json(cwd: Path, monkeypatch, *args: str) -> dict:
    monkeypatch.chdir(cwd)
    r = runner.invoke(app, ["validate", "--format", "json", *args])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize("folder, status", [
    ("tests/rules/C001/fail", "fejl"),       # errors, info and a related location
    ("tests/rules/F005/fail", "advarsler"),  # warnings only, with related locations
    ("tests/rules/X003/fail", "ok"),         # info only
])
def test_real_json_output_validates_against_the_schema(folder, status, monkeypatch):
    doc = _validate_json(ROOT / folder, monkeypatch, ".")
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    assert doc["status"] == status and doc["files"] > 0


def test_load_error_output_validates(tmp_path, monkeypatch):
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "a.yaml").write_text("id: a\nformaal: x\n", encoding="utf-8")
    doc = _validate_json(tmp_path, monkeypatch)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    assert {p["severity"] for p in doc["problems"]} <= {"fejl", "advarsel", "info"}
    assert any(p["code"] == "S001" for p in doc["problems"])


def test_schema_rejects_english_severity_and_unknown_keys():
    good = {"status": "fejl", "files": 1, "problems": [{
        "code": "S001", "name": "skema.ukendt-noegle", "severity": "fejl", "message": "x",
        "file": "a.yaml", "line": 1, "column": 1, "related": []}]}
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert validator.is_valid(good)
    bad = json.loads(json.dumps(good))
    bad["problems"][0]["severity"] = "error"
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(good))
    bad["problems"][0]["extra"] = 1
    assert not validator.is_valid(bad)


def test_docs_json_md_names_every_field_of_the_schema():
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    fields = set(SCHEMA["properties"]) | set(SCHEMA["$defs"]["problem"]["properties"])
    for field in fields:
        assert f"`{field}`" in text, field
    for value in ("`fejl`", "`advarsel`", "`info`", "`advarsler`", "`ok`"):
        assert value in text
    assert "schema/json-output.schema.json" in text


def _github_anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives the headings of a markdown file."""
    import re

    anchors = set()
    for line in markdown.splitlines():
        m = re.match(r"^#{1,6} (.+)$", line)
        if m:
            text = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower())
            anchors.add(text.replace(" ", "-"))
    return anchors


def test_sarif_rules_have_help_uri_to_their_rule_page(tmp_path, monkeypatch):
    from urllib.parse import unquote

    from kommissorium.reporters.sarif import RULES_DOC_URL
    from kommissorium.rules import RULES

    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "a.yaml").write_text("id: a\nformaal: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, ["validate", "--format", "sarif"])
    assert r.exit_code == 1, r.output
    rules = json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]
    anchors = _github_anchors((ROOT / "docs" / "regler.md").read_text(encoding="utf-8"))
    by_id = {d["id"]: d for d in rules}
    assert set(RULES) <= set(by_id) and "S001" in by_id
    for descriptor in rules:
        uri = descriptor["helpUri"]
        assert uri.startswith(RULES_DOC_URL + "#"), uri
        assert unquote(uri.split("#", 1)[1]) in anchors, uri
    assert by_id["R001"]["helpUri"].endswith("regler.md#r001")
