"""The site's static JSON API (api/v1/): every charter, the registry and the relations, checked
with check-jsonschema against the schemas the site itself publishes (api/v1/skema/)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CHARTERS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kommissorium.corpus import load_corpus
    from kommissorium.site import build_site
    from kommissorium.site.build import SiteOptions

    out = tmp_path_factory.mktemp("api") / "site"
    build_site(load_corpus(CHARTERS), out, SiteOptions(pdf=False))
    return out


def _check(schema: Path, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
                           *map(str, files)], capture_output=True, text=True, timeout=300)


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_file_validates_against_the_published_schema(site: Path) -> None:
    api = site / "api" / "v1"
    index = _load(api / "index.json")
    schemas = {name: api / rel for name, rel in index["skemaer"].items()}
    charters = sorted((api / "kommissorier").rglob("*.json"))
    for schema, files in ((schemas["indeks"], [api / "index.json"]),
                          (schemas["register"], [api / index["register"]]),
                          (schemas["relationer"], [api / index["relationer"]]),
                          (schemas["kommissorium"], charters)):
        assert schema.is_file(), schema
        proc = _check(schema, files)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_wrong_file_fails_the_published_schema(site: Path, tmp_path: Path) -> None:
    api = site / "api" / "v1"
    record = _load(api / "kommissorier" / "nordjylland" / "strategisk-sundhedsforum.json")
    record["data"]["formaal"] = "tastefejl"  # the charter data schema is referenced, not copied
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    proc = _check(api / "skema" / "kommissorium-api.schema.json", [bad])
    assert proc.returncode == 1 and "formaal" in proc.stdout, proc.stdout
    relations = _load(api / "relationer.json")
    relations["relationer"][0]["art"] = "refers_to"
    bad.write_text(json.dumps(relations, ensure_ascii=False), encoding="utf-8")
    assert _check(api / "skema" / "relationer.schema.json", [bad]).returncode == 1
    index = _load(api / "index.json")
    index["api-version"] = 2
    bad.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    assert _check(api / "skema" / "indeks.schema.json", [bad]).returncode == 1


def test_every_charter_of_the_site_is_in_the_api(site: Path) -> None:
    from kommissorium.corpus import load_corpus

    api = site / "api" / "v1"
    index = _load(api / "index.json")
    ids = sorted(f.id for f in load_corpus(CHARTERS).valid())
    assert sorted(c["id"] for c in index["kommissorier"]) == ids
    for c in index["kommissorier"]:
        record = _load(api / c["fil"])
        assert record["id"] == c["id"] and record["api-version"] == 1
        # the page link works from the file's own folder
        assert (api / c["fil"]).parent.joinpath(record["side"]).resolve().is_file()
        assert (api / c["side"]).resolve().is_file()
    forum = _load(api / "kommissorier" / "nordjylland" / "strategisk-sundhedsforum.json")
    assert forum["data"]["navn"] == "Strategisk Sundhedsforum"
    assert forum["kildefil"] == "charters/nordjylland/strategisk-sundhedsforum.yaml"
    assert any("tværsektorielle beslutninger" in p["tekst"] for p in forum["tekst"])


def test_registry_and_relations(site: Path) -> None:
    api = site / "api" / "v1"
    registry = {e["nøgle"]: e for e in _load(api / "register.json")["poster"]}
    assert registry["region-nordjylland"]["art"] == "region"
    assert registry["region-nordjylland"]["gyldig"]["fra"] == "2007-01-01"
    assert registry["region-oestdanmark"]["gyldig"] == {"fra": "2027-01-01"}
    relations = _load(api / "relationer.json")["relationer"]
    assert any(r["fra"] == "nordjylland/strategisk-sundhedsforum" and r["art"] == "indstiller-til"
               and r["tekst"] == "indstiller til" for r in relations)
    assert all("_" not in r["art"] for r in relations)  # Danish keys, not the graph's own names


def test_published_schemas_are_the_documented_ones(site: Path) -> None:
    from kommissorium.site.api import SCHEMAS, api_schema

    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name, file in SCHEMAS.items():
        published = _load(site / "api" / "v1" / "skema" / file)
        assert published == api_schema(name)
        assert file in doc, file
        # every field of the file is described in docs/api.md
        props = published["properties"]
        for key, value in props.items():
            assert f"`{key}`" in doc, (file, key)
            items = value.get("items", {}).get("properties", {})
            for sub in items:
                assert f"`{sub}`" in doc, (file, sub)
