"""SARIF 2.1.0 (Static Analysis Results Interchange Format) for code-scanning tools.

``tool.driver.rules`` describes every rule (from the rule registry, with its Danish documentation
as help text) plus the load-time codes (Y, S, G001) that occur; each result points at
``physicalLocation.region`` (1-based line and column, counted in Unicode code points) and lists
the other places of a cross-file finding as ``relatedLocations``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from kommissorium.problems import Location, Problem, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: Where the project's documentation lives (a placeholder until the public repository exists);
#: every rule's ``helpUri`` points at its section in docs/regler.md under this address.
REPO_URL = "https://github.com/kommissorium/kommissorium"
RULES_DOC_URL = f"{REPO_URL}/blob/main/docs/regler.md"


def help_uri(code: str) -> str:
    """The rule's page: its heading ('### R001') in docs/regler.md, as GitHub anchors it."""
    return f"{RULES_DOC_URL}#{code.lower()}"


#: The section of docs/regler.md that lists the load-time codes (Y, S, G001, ...).
LOAD_CODES_ANCHOR = "indlæsning-og-format-y-s-g001"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _load_codes() -> dict[str, tuple[str, str]]:
    """Codes reported while loading (not rules): code → (dotted name, description)."""
    from kommissorium.load.yaml import CODES
    from kommissorium.model.validate import SCHEMA_CODES
    from kommissorium.registry import REGISTRY_CODES

    return {**CODES, **SCHEMA_CODES, **REGISTRY_CODES}


def _descriptor(code: str) -> dict[str, Any]:
    from kommissorium.rules import RULES

    r = RULES.get(code)
    if r is not None:
        return {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.summary},
            "helpUri": help_uri(r.code),
            "help": {"text": r.doc, "markdown": _markdown_help(r.doc)},
            "defaultConfiguration": {"level": LEVEL[r.severity]},
            "properties": {"family": r.family},
        }
    name, text = _load_codes().get(code, (code.lower(), code))
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "helpUri": f"{RULES_DOC_URL}#{quote(LOAD_CODES_ANCHOR)}",
        "help": {"text": text},
        "defaultConfiguration": {"level": "error"},
    }


def _markdown_help(doc: str) -> str:
    from kommissorium.rules.docs import _doc_markdown

    return _doc_markdown(doc)


def _location(loc: Location) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(loc.file), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": max(1, loc.line), "startColumn": max(1, loc.column)},
        }
    }


def to_sarif(problems: list[Problem], files: int = 0) -> dict[str, Any]:
    from kommissorium import __version__
    from kommissorium.rules import RULES

    codes = list(RULES) + sorted({p.code for p in problems} - set(RULES))
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for p in problems:
        result: dict[str, Any] = {
            "ruleId": p.code,
            "ruleIndex": index[p.code],
            "level": LEVEL[p.severity],
            "message": {"text": p.message},
            "locations": [_location(p.location)],
            "properties": {"name": p.name, "severity": p.severity.value},
        }
        if p.related:
            result["relatedLocations"] = [
                {"id": i + 1, **_location(r.location), "message": {"text": r.message or p.message}}
                for i, r in enumerate(p.related)
            ]
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "kommissorium",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": REPO_URL,
                    "language": "da-DK",
                    "rules": [_descriptor(c) for c in codes],
                }
            },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "Mappen, kommandoen blev kørt fra."}}},
            "results": results,
            "properties": {"files": files},
        }],
    }


def report_sarif(problems: list[Problem], files: int, out: TextIO) -> None:
    json.dump(to_sarif(problems, files), out, ensure_ascii=False, indent=2)
    out.write("\n")
