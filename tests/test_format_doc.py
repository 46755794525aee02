"""docs/format.md: generated from the model, current, and every example says what it promises."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kommissorium.corpus import load_corpus
from kommissorium.document import build_document
from kommissorium.formatdoc import EXAMPLES, page

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "format.md"

#: The keys issue 15 added, by part of the format: each must be in the page and the schema.
NEW_KEYS = [
    "dokument", "hjemmel", "evalueres", "gruppe", "direkte-valg", "vælgere", "valgt-af",
    "skal-sidde-i", "hver-fra-sin", "ellers", "periode-år", "bisidder", "parter", "uangivet",
    "i-alt", "ligelig", "flertal", "andele", "indtil-afløsning", "fælles", "op-til", "udpeges-af",
    "træder-ind", "ingen", "medformænd", "hver-sin-gruppe", "andre", "plads", "vælges-af",
    "åbne", "sted", "virtuel-deltagelse", "gæster", "dagsorden", "udsendes", "punkter-frist",
    "punkter-på-mødet", "hastende", "mødeplan", "aflyses-uden-punkter", "hastesager", "forfald",
    "suppleant-efter-måneder", "mødeledelse", "konstituerende-møde-ledes-af", "mistillid",
    "roterende-ordstyrer", "i-forhold-til", "roterende-vært", "indkaldes-af", "afholdes-inden",
    "andet-organ", "afstemning", "stemmelighed", "afgørende", "ved-valg", "inhabilitet",
    "tavshedspligt", "referat", "mindretalsudtalelser", "vedtagelse", "træder-i-kraft",
    "rådgiver", "giver-input-til", "sætter-retning-for", "bestyrelse-for", "delegerer-til",
    "udsender", "suppleanter-tæller", "flertal-af", "konsensus-først", "skriftlig-når",
    "fuldmagt", "lørdag-er-hverdag", "kilde-ufuldstændig",
]


def test_format_page_is_current() -> None:
    assert PAGE.is_file(), "docs/format.md mangler: python -m kommissorium.formatdoc > docs/format.md"
    assert PAGE.read_text(encoding="utf-8") == page(), (
        "docs/format.md er forældet: kør  python -m kommissorium.formatdoc > docs/format.md")


@pytest.mark.parametrize("key", NEW_KEYS)
def test_every_new_key_is_in_the_page_and_the_schema(key: str) -> None:
    text = PAGE.read_text(encoding="utf-8")
    schema = (ROOT / "schema" / "kommissorium.schema.json").read_text(encoding="utf-8")
    assert f"| `{key}`" in text, key
    assert f'"{key}"' in schema, key


def test_readme_points_to_the_format_page_not_the_source() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/format.md" in readme
    assert "src/kommissorium/model" not in readme


@pytest.mark.parametrize("model,key", sorted(EXAMPLES), ids=lambda x: x)
def test_example_renders_as_documented(tmp_path: Path, model: str, key: str) -> None:
    snippet, says = EXAMPLES[model, key]
    data = {"navn": "Ældrerådet", "type": "råd", "område": "region-nordjylland"}
    data.update(yaml.safe_load(snippet))
    folder = tmp_path / "charters"
    folder.mkdir()
    (folder / "eksempel.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    cs = load_corpus(folder, tmp_path)
    assert not cs.problems, [p.message for p in cs.problems]
    if says is None:
        return
    doc = build_document(cs, "eksempel")
    text = " ".join((doc.text() + "\n" + "\n".join(f"{f.label}: {f.value}" for f in doc.facts)).split())
    assert says in text, f"{snippet} → {says!r} not in {text!r}"


def _keys_and_words(node, out: set[str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(str(k))
            _keys_and_words(v, out)
    elif isinstance(node, list):
        for v in node:
            _keys_and_words(v, out)
    elif isinstance(node, str):
        out.add(node)


def test_the_example_charters_together_use_every_new_structure() -> None:
    used: set[str] = set()
    for path in sorted((ROOT / "charters").rglob("*.yaml")):
        if "_register" not in path.parts:
            _keys_and_words(yaml.safe_load(path.read_text(encoding="utf-8")), used)
    missing = [k for k in NEW_KEYS if k not in used and k != "uangivet"]
    assert not missing, f"no charter in charters/ uses {missing}"
    assert "uangivet" in used  # antal: uangivet
    for kind in ("kommissorium", "forretningsorden", "vedtægt"):
        assert kind in used or kind == "kommissorium"
    for body_type in ("råd", "bestyrelse", "stående-udvalg"):
        assert body_type in used
