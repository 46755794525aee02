"""Issue #14: every charter in charters/, rendered with all ``tekst`` removed, still carries its
seed's key facts (sentences generated from the data alone) and every generated sentence passes
the Danish checklist. The data-level facts are in tests/test_sources.py; these are the same facts
as a reader of the generated document sees them."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

from kommissorium.corpus import load_corpus
from kommissorium.document import BulletList, MemberTable, Paragraph, build_document
from kommissorium.load import load_file

sys.path.insert(0, str(Path(__file__).parent))
from danish_checklist import problems  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

#: Seed → charter → sentences its document must carry when rendered from data alone.
SEED_FACTS: dict[str, dict[str, list[str]]] = {
    "000": {"nordjylland/strategisk-sundhedsforum": [
        "1 direktør fra hver af de 11 kommuner",
        "I alt 20 faste medlemmer.",
        "Formandskabet er delt mellem kommunerne og regionen.",
        "Sekretariatsbetjeningen varetages af Koordineringsgruppen.",
        "Der afholdes som udgangspunkt fire møder årligt.",
        "forbereder sager for og indstiller til Sundhedssamarbejdsudvalget.",
    ]},
    "001": {"landsdaekkende/kl-sundhedsstrategisk-gruppe": [
        "1 deltager fra hver af de 22 sundhedsklynger udpeget af KKR",
        "Der afholdes 3-4 møder årligt af 2-3 timers varighed og derudover efter behov.",
        "Heraf holdes mindst ét møde årligt med fysisk fremmøde.",
        "Møderne kan foregå virtuelt.",
        "Dagsordenen udsendes senest én uge før mødet.",
        "Næstformanden vælges blandt medlemmerne for en toårig periode.",
    ]},
    "002": {
        "syddanmark/fagligt-strategisk-ramme": [
            "1 relevant direktør fra hver kommune",
            "2 praktiserende læger udpeget af Praktiserende Lægers Organisation, heraf mindst 1 "
            "udpeget inden for sundhedsklyngens område",
            "2 repræsentanter for patienter og pårørende udpeget af Patientinddragelsesudvalget",
            "Formandskabet er delt mellem kommunerne og regionen og aftales på udvalgets første møde.",
            "Der afholdes mindst fire møder årligt og derudover efter behov.",
            "Beslutninger træffes ved konsensus.",
        ],
        "syddanmark/klynge-fyn/fagligt-strategisk": [
            "1 relevant direktør fra hver af de 9 kommuner",
            "I alt 16 faste medlemmer.",
            "forbereder sager for det politiske niveau i Sundhedsklynge Fyn.",
        ],
    },
    "003": {"nordjylland/sundhedskoordinationsudvalget": [
        "4 sundhedsdirektører blandt medlemmerne af Sundhedsdirektørernes Forretningsudvalg",
        "I alt 9 faste medlemmer.",
        "Der afholdes fire møder årligt.",
    ]},
    "004": {"nordjylland/klynge-nord/fagligt-strategisk": [
        "1 sundhedsdirektør fra hver af de 4 kommuner",
        "2 praktiserende læger udpeget af PLO-Nordjylland",
        "Formandskabet er delt mellem kommunerne og regionen.",
        "Der afholdes mindst fire møder årligt.",
        "refererer til og forbereder sager for det politiske niveau i Sundhedsklynge Nord.",
    ]},
}


def _strip(node):
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k != "tekst"}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def _strings(node, out: set[str]) -> set[str]:
    if isinstance(node, str):
        out.add(" ".join(node.split()).rstrip("."))
    elif isinstance(node, dict):
        for v in node.values():
            _strings(v, out)
    elif isinstance(node, list):
        for v in node:
            _strings(v, out)
    return out


@pytest.fixture(scope="module")
def untexted(tmp_path_factory):
    """A copy of charters/ without any ``tekst``, loaded; and every author string in it."""
    dst = tmp_path_factory.mktemp("utentekst") / "charters"
    author: set[str] = set()
    for p in (ROOT / "charters").rglob("*.yaml"):
        out = dst / p.relative_to(ROOT / "charters")
        out.parent.mkdir(parents=True, exist_ok=True)
        data = load_file(p).data
        if "_register" not in p.parts:
            data = _strip(data)
            _strings(data, author)
        out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    cs = load_corpus(dst, dst.parent)
    assert [p for p in cs.problems if p.severity.value == "fejl"] == []
    return cs, author


@pytest.mark.parametrize("seed, cid", [(s, c) for s, cs in SEED_FACTS.items() for c in cs])
def test_seed_facts_survive_without_tekst(untexted, seed, cid):
    cs, _ = untexted
    text = " ".join(build_document(cs, cid).text().split())
    missing = [f for f in SEED_FACTS[seed][cid] if f not in text]
    assert missing == [], f"seed {seed}, {cid}: {missing}"


def _generated(doc, author: set[str]) -> list[str]:
    """The sentences of a document that the phrasebook wrote (author prose left out)."""
    out = []
    blob = "\n".join(author).lower()
    for s in doc.sections:
        for b in s.blocks:
            if isinstance(b, Paragraph):
                texts = [b.text]
            elif isinstance(b, BulletList):
                texts = list(b.items)
            elif isinstance(b, MemberTable):
                texts = [r.text for r in b.rows] + ([b.total_text] if b.total_text else [])
            else:
                texts = []
            for t in texts:
                norm = " ".join(t.split()).rstrip(".")
                if norm.lower() in blob:
                    continue  # the author's own prose (a paragraph of baggrund, a task, …)
                out.append(t)
    return out + [doc.title] + ([doc.approval_line] if doc.approval_line else [])


def test_every_generated_sentence_passes_the_checklist(untexted):
    cs, author = untexted
    bad = []
    checked = 0
    for cf in cs.valid():
        for sentence in _generated(build_document(cs, cf.id), author):
            checked += 1
            found = problems(sentence)
            if found:
                bad.append((cf.id, sentence[:120], found))
    assert checked > 200
    assert bad == []
