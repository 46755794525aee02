"""The site's static JSON API: every charter, the registry and the relations as JSON files.

Written into ``api/v1/`` of the built site, with the JSON Schemas they follow in ``api/v1/skema/``,
so a municipal website or a meeting system can read the same source of truth as the pages. The
version is in the path and in every file (``api-version``): fields may be added within a version;
a field that changes meaning or disappears gives a new version beside the old one. docs/api.md
describes the files.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from kommissorium import __version__

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.registry import Entry

API_VERSION = 1
API_DIR = f"api/v{API_VERSION}"
SCHEMA_DIR = f"{API_DIR}/skema"

#: File name → schema file name (in SCHEMA_DIR).
SCHEMAS = {
    "indeks": "indeks.schema.json",
    "kommissorium": "kommissorium-api.schema.json",
    "register": "register.schema.json",
    "relationer": "relationer.schema.json",
}
#: The charter data schema (the same as `kommissorium schema`), published beside the others.
CHARTER_DATA_SCHEMA = "kommissorium.schema.json"


def relation_kinds() -> dict[str, str]:
    """Graph edge kind → the Danish name used in the API: the charter's own relation key
    (``indstiller-til``), or ``udbygger``, ``undergruppe`` and ``medlemmer-fra``."""
    from kommissorium.model.charter import RELATION_EDGES

    return {**{attr: key for key, attr, _verb in RELATION_EDGES},
            "extends": "udbygger", "subgroup": "undergruppe", "members_of": "medlemmer-fra"}


def charter_file(cid: str) -> str:
    return f"kommissorier/{cid}.json"


def _plain(value: Any) -> Any:
    """YAML data as JSON data: dates as ISO text, everything else as it is."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _entry(e: "Entry") -> dict[str, Any]:
    out: dict[str, Any] = {"nøgle": e.key, "navn": e.name, "art": e.kind}
    optional = {
        "fuldt-navn": e.full_name, "kode": e.code, "region": e.region, "område": e.area,
        "hospital": e.hospital, "erstattet-af": e.replaced_by, "kilde": e.source,
        "rettelse": e.correction, "note": e.note,
    }
    out.update({k: v for k, v in optional.items() if v is not None})
    if e.other_names:
        out["andre-navne"] = list(e.other_names)
    if e.kommuner:
        out["kommuner"] = list(e.kommuner)
    if e.shared_kommuner:
        out["delte-kommuner"] = dict(e.shared_kommuner)
    if e.successors:
        out["efterfølgere"] = list(e.successors)
    if e.valid is not None:
        out["gyldig"] = {k: d.iso() for k, d in (("fra", e.valid.start), ("til", e.valid.end))
                         if d is not None}
    if e.unconfirmed:
        out["ikke-bekræftet"] = dict(e.unconfirmed)
    return out


def write_api(site: Any) -> None:
    """Write api/v1/ for a site being built (``site`` is the site builder: corpus, ids, pages)."""
    from kommissorium.schema import build_schema
    from kommissorium.site.build import charter_page, charter_pdf, relative, search_passages

    cs, out = site.cs, site.out
    index_file = f"{API_DIR}/index.json"
    listed = []
    for cid in site.ids:
        f = cs.get(cid)
        c = cs.charter(cid)
        if f is None or c is None or f.doc.data is None:
            continue
        doc = site.documents.get(cid)
        if doc is None:
            from kommissorium.document import build_document

            doc = build_document(cs, cid)
        rel = f"{API_DIR}/{charter_file(cid)}"
        pdf = charter_pdf(cid) if site.options.pdf else None
        record = {
            "api-version": API_VERSION,
            "id": cid,
            "navn": c.name,
            "type": c.type.value,
            "område": c.area,
            "udbygger": c.extends,
            "side": relative(rel, charter_page(cid)),
            "pdf": relative(rel, pdf) if pdf else None,
            "kildefil": f.display,
            "data": _plain(f.doc.data),
            "tekst": search_passages(doc),
        }
        out.write(rel, _dump(record))
        listed.append({
            "id": cid, "navn": c.name, "type": c.type.value, "område": c.area,
            "fil": charter_file(cid),
            "side": relative(index_file, charter_page(cid)),
        })

    out.write(index_file, _dump({
        "api-version": API_VERSION,
        "genereret-af": f"kommissorium {__version__}",
        "skemaer": {name: f"skema/{file}" for name, file in SCHEMAS.items()}
        | {"kommissorium-data": f"skema/{CHARTER_DATA_SCHEMA}"},
        "register": "register.json",
        "relationer": "relationer.json",
        "kommissorier": listed,
    }))

    entries = [_entry(loc.entry) for loc in cs.registry.entries.values()]
    out.write(f"{API_DIR}/register.json", _dump({"api-version": API_VERSION, "poster": entries}))

    known = set(site.ids)
    kinds = relation_kinds()
    relations = []
    for e in site.relations.edges:
        relations.append({
            "fra": e.source, "til": e.target, "art": kinds.get(e.kind, e.kind), "tekst": e.verb,
            "fra-navn": site.name(e.source), "til-navn": site.name(e.target),
            "til-er-kommissorium": e.target in known,
        })
    out.write(f"{API_DIR}/relationer.json",
              _dump({"api-version": API_VERSION, "relationer": relations}))

    for name, file in SCHEMAS.items():
        out.write(f"{SCHEMA_DIR}/{file}", _dump(api_schema(name)))
    out.write(f"{SCHEMA_DIR}/{CHARTER_DATA_SCHEMA}", _dump(build_schema("kommissorium")))


# -- the published schemas -------------------------------------------------------------------------

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_VERSION = {"const": API_VERSION, "description": "API'ets version (også i stien: api/v1/)."}
_ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*$",
       "description": "Kommissoriets id: stien under charters/ uden .yaml."}
_TEXT = {"type": "string", "minLength": 1}
_LINK = {"type": "string", "minLength": 1, "description": "Relativ adresse fra denne fil."}


def api_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of API file (draft 2020-12; no $id, so the references between
    the published schemas resolve relative to where they lie)."""
    if name == "indeks":
        return {
            "$schema": _DRAFT,
            "title": "kommissorium API v1: indeks",
            "description": "api/v1/index.json: alle kommissorier på webstedet og de øvrige filer.",
            "type": "object",
            "required": ["api-version", "genereret-af", "skemaer", "register", "relationer",
                         "kommissorier"],
            "properties": {
                "api-version": _VERSION,
                "genereret-af": _TEXT,
                "skemaer": {"type": "object", "additionalProperties": _LINK},
                "register": _LINK,
                "relationer": _LINK,
                "kommissorier": {"type": "array", "items": {
                    "type": "object",
                    "required": ["id", "navn", "type", "område", "fil", "side"],
                    "properties": {"id": _ID, "navn": _TEXT, "type": _TEXT, "område": _TEXT,
                                   "fil": _LINK, "side": _LINK},
                    "additionalProperties": False,
                }},
            },
            "additionalProperties": False,
        }
    if name == "kommissorium":
        return {
            "$schema": _DRAFT,
            "title": "kommissorium API v1: ét kommissorium",
            "description": "api/v1/kommissorier/<id>.json: kommissoriet som data (som i YAML-filen) "
                           "og som den tekst, dokumentet viser.",
            "type": "object",
            "required": ["api-version", "id", "navn", "type", "område", "side", "kildefil", "data",
                         "tekst"],
            "properties": {
                "api-version": _VERSION,
                "id": _ID,
                "navn": _TEXT,
                "type": _TEXT,
                "område": _TEXT,
                "udbygger": {"anyOf": [_ID, {"type": "null"}],
                             "description": "Id på rammen, kommissoriet udbygger."},
                "side": _LINK,
                "pdf": {"anyOf": [_LINK, {"type": "null"}]},
                "kildefil": {**_TEXT, "description": "YAML-filen i repositoriet."},
                "data": {"$ref": CHARTER_DATA_SCHEMA,
                         "description": "Kommissoriet, som det står i YAML-filen."},
                "tekst": {"type": "array", "items": {
                    "type": "object", "required": ["afsnit", "tekst"],
                    "properties": {"afsnit": {"type": "string"}, "tekst": _TEXT},
                    "additionalProperties": False,
                }, "description": "Dokumentets tekst afsnit for afsnit, som siden og PDF'en viser den."},
            },
            "additionalProperties": False,
        }
    if name == "register":
        refs = {"type": "array", "items": _TEXT}
        return {
            "$schema": _DRAFT,
            "title": "kommissorium API v1: register",
            "description": "api/v1/register.json: registrets poster (regioner, kommuner, "
                           "sundhedsklynger, sundhedsråd, hospitaler, organisationer) med gyldighed.",
            "type": "object",
            "required": ["api-version", "poster"],
            "properties": {
                "api-version": _VERSION,
                "poster": {"type": "array", "items": {
                    "type": "object",
                    "required": ["nøgle", "navn", "art"],
                    "properties": {
                        "nøgle": _TEXT, "navn": _TEXT, "fuldt-navn": _TEXT,
                        "art": {"enum": ["land", "region", "kommune", "klynge", "sundhedsråd",
                                         "organ", "hospital", "organisation"]},
                        "kode": {"type": "integer"}, "region": _TEXT, "område": _TEXT,
                        "hospital": _TEXT, "erstattet-af": _TEXT, "kilde": _TEXT,
                        "rettelse": _TEXT, "note": _TEXT, "andre-navne": refs,
                        "kommuner": refs, "efterfølgere": refs,
                        "delte-kommuner": {"type": "object", "additionalProperties": _TEXT},
                        "ikke-bekræftet": {"type": "object", "additionalProperties": _TEXT},
                        "gyldig": {"type": "object", "properties": {
                            "fra": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                            "til": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                        }, "additionalProperties": False},
                    },
                    "additionalProperties": False,
                }},
            },
            "additionalProperties": False,
        }
    if name == "relationer":
        return {
            "$schema": _DRAFT,
            "title": "kommissorium API v1: relationer",
            "description": "api/v1/relationer.json: hver relation læses som sætningen "
                           "'<fra-navn> <tekst> <til-navn>' (de samme kanter som organisationsdiagrammet).",
            "type": "object",
            "required": ["api-version", "relationer"],
            "properties": {
                "api-version": _VERSION,
                "relationer": {"type": "array", "items": {
                    "type": "object",
                    "required": ["fra", "til", "art", "tekst", "fra-navn", "til-navn",
                                 "til-er-kommissorium"],
                    "properties": {
                        "fra": _TEXT, "til": _TEXT,
                        "art": {"enum": sorted(set(relation_kinds().values())),
                                "description": "Relationens art: kommissoriets egen nøgle "
                                               "(fx indstiller-til), udbygger, undergruppe eller "
                                               "medlemmer-fra."},
                        "tekst": _TEXT,
                        "fra-navn": _TEXT, "til-navn": _TEXT,
                        "til-er-kommissorium": {"type": "boolean", "description":
                                                "Sand, når 'til' er et kommissorium på webstedet; "
                                                "ellers en registernøgle eller et organ uden for "
                                                "udvalget."},
                    },
                    "additionalProperties": False,
                }},
            },
            "additionalProperties": False,
        }
    raise KeyError(name)
