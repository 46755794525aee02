"""Site search over all text of each charter, with Danish folding and endings.

The site's own soeg.js runs in Node.js against the search index built from the repository's
charters/ (the fixtures in search/cases.json); the browser test (test_site_browser.py) runs the
same queries through the page in Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import CHARTERS

HERE = Path(__file__).resolve().parent
CASES = json.loads((HERE / "search" / "cases.json").read_text(encoding="utf-8"))
SOEG_JS = (HERE.parents[1] / "src" / "kommissorium" / "templates" / "site" / "static" / "soeg.js")

HARNESS = r"""
const fs = require('fs');
const vm = require('vm');
const [script, indexFile, requestFile] = process.argv.slice(2);
const window = { kommissoriumSoegeindeks: JSON.parse(fs.readFileSync(indexFile, 'utf8')) };
vm.runInNewContext(fs.readFileSync(script, 'utf8'), { window, String, Math, Array });
const s = window.kommissoriumSoegning;
const request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
const entries = s.prepareIndex(window.kommissoriumSoegeindeks);
const out = {
  words: request.words.map((w) => s.words(w)),
  queries: request.queries.map((q) => s.search(entries, q).map((h) => ({
    id: h.x.e.id,
    excerpt: h.first ? (h.first.passage.afsnit + ': ' + s.excerpt(h.first.passage.tekst, h.first.term)) : null,
  }))),
};
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    from kommissorium.corpus import load_corpus
    from kommissorium.site import build_site
    from kommissorium.site.build import SiteOptions

    out = tmp_path_factory.mktemp("soeg") / "site"
    build_site(load_corpus(CHARTERS), out, SiteOptions(pdf=False))
    return json.loads((out / "soegeindeks.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results(index: list[dict], tmp_path_factory: pytest.TempPathFactory) -> dict:
    node = shutil.which("node")
    assert node, "Node.js mangler (Debians pakke nodejs; scripts/setup.sh installerer den)"
    tmp = tmp_path_factory.mktemp("node")
    (tmp / "harness.js").write_text(HARNESS, encoding="utf-8")
    (tmp / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    request = {"words": [w for w, _ in CASES["folding"]], "queries": [c["q"] for c in CASES["queries"]]}
    (tmp / "request.json").write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([node, "harness.js", str(SOEG_JS), "index.json", "request.json"], cwd=tmp,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_index_holds_all_text_of_each_charter(index: list[dict]) -> None:
    forum = next(d for d in index if d["id"] == "nordjylland/strategisk-sundhedsforum")
    text = " ".join(p["tekst"] for p in forum["tekst"])
    headings = {p["afsnit"] for p in forum["tekst"]}
    # purpose, tasks, members and meetings are all there, under their headings
    assert "tværsektorielle beslutninger" in text
    assert "Patientinddragelse på alle niveauer" in text
    assert "1 direktør fra hver af de 11 kommuner" in text
    assert {"Formål", "Sammensætning"} <= headings
    ramme = next(d for d in index if d["id"] == "nordjylland/fagligt-strategisk-ramme")
    assert "forebyggelse" in " ".join(p["tekst"] for p in ramme["tekst"]).lower()


@pytest.mark.parametrize("i", range(len(CASES["folding"])), ids=[w for w, _ in CASES["folding"]])
def test_folding_and_endings(results: dict, i: int) -> None:
    assert results["words"][i] == CASES["folding"][i][1]


@pytest.mark.parametrize("i", range(len(CASES["queries"])), ids=[c["q"] for c in CASES["queries"]])
def test_search_fixture(results: dict, i: int) -> None:
    case = CASES["queries"][i]
    hits = [h["id"] for h in results["queries"][i]]
    if case.get("ingen"):
        assert hits == []
        return
    assert hits, case["q"]
    for cid in case.get("finder", []):
        assert cid in hits, (case["q"], hits)
    if "foerst" in case:
        assert hits[0] == case["foerst"], (case["q"], hits)


def test_an_ending_finds_the_other_form(index: list[dict], results: dict) -> None:
    """'sundhedsklynger' also finds charters whose text says only 'sundhedsklynge(n)'."""
    i = next(n for n, c in enumerate(CASES["queries"]) if c["q"] == "sundhedsklynger")
    by_id = {d["id"]: d for d in index}
    word = re.compile(r"\bsundhedsklynger\b", re.IGNORECASE)
    only_other_form = [h["id"] for h in results["queries"][i]
                       if not word.search(by_id[h["id"]]["navn"] + " " + " ".join(
                           p["tekst"] for p in by_id[h["id"]]["tekst"]))]
    assert only_other_form, "ingen træf med en anden bøjning"


def test_excerpt_shows_the_passage_under_its_heading(results: dict) -> None:
    i = next(n for n, c in enumerate(CASES["queries"]) if c["q"] == "forebyggelse")
    first = results["queries"][i][0]
    assert "forebyggelse" in first["excerpt"].lower()
    assert ": " in first["excerpt"]
