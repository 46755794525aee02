"""Every structure of the charter format (issue 15): held by the model, present in the JSON
Schema, and written as the same Danish sentence in HTML, Markdown and PDF.

The fixture charters in tests/model/charters/ use each structure once; SENTENCES lists the
sentence the document must carry for it, in every output format.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

from kommissorium.corpus import load_corpus
from kommissorium.document import build_document
from kommissorium.render import render

HERE = Path(__file__).resolve().parent
CHARTERS = HERE / "model" / "charters"

#: charter id → the generated sentences its document must contain (in every format).
SENTENCES: dict[str, list[str]] = {
    "officerer": [
        "Forretningsorden for Sundhedsrådet for Eksempel",
        "Formanden vælges af rådet blandt regionsrådsmedlemmer udpeget af Region Nordjylland "
        "for en toårig periode.",
        "Næstformanden vælges blandt byrådsmedlemmer for valgperioden.",
        "Formanden og næstformanden kommer fra hver sin gruppe af medlemmer.",
        "Sundhedsrådet for Eksempel har desuden en kasserer, der vælges blandt medlemmerne for "
        "en etårig periode.",
        "Til posten som kasserer hører følgende opgaver:",
    ],
    "medformaend": [
        "Vedtægt for det fælles forum",
        "Formandskabet består af to ligestillede formænd: regionsrådsformanden og borgmesteren "
        "i Aalborg Kommune.",
    ],
    "uden-formand": [
        "Kommissorium for Netværket",
        "Netværket har ingen formand.",
    ],
}


def _norm(text: str) -> str:
    return " ".join(text.split())


def _plain(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        return _norm(" ".join(p.extract_text() for p in reader.pages))
    text = data.decode("utf-8")
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    else:
        text = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes
    return _norm(text)


@pytest.fixture(scope="module")
def cs():
    corpus = load_corpus(CHARTERS, HERE.parent)
    assert not corpus.problems, corpus.problems
    return corpus


@pytest.fixture(scope="module")
def rendered(cs):
    out: dict[tuple[str, str], str] = {}
    for cid in SENTENCES:
        doc = build_document(cs, cid)
        for fmt in ("html", "md", "pdf"):
            out[cid, fmt] = _plain(render(doc, fmt), fmt)
    return out


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
@pytest.mark.parametrize("cid", sorted(SENTENCES))
def test_each_structure_is_written_in_every_format(rendered, cid: str, fmt: str) -> None:
    text = rendered[cid, fmt]
    missing = [s for s in SENTENCES[cid] if _norm(s) not in text]
    assert not missing, f"{cid}.{fmt} lacks: {missing}"


def test_running_header_names_the_document_kind(cs) -> None:
    doc = build_document(cs, "officerer")
    assert doc.kind == "Forretningsorden"
    from kommissorium.render.engine import render_text

    assert "[Forretningsorden])" in render_text(doc, "typ")


def test_officers_in_the_model(cs) -> None:
    ch = cs.charter("officerer").chair
    assert ch.chair.group == "region" and ch.chair.elected_by == "rådet"
    assert ch.chair.term_years == 2 and ch.vice_chair.term == "valgperioden"
    assert ch.different_groups is True
    assert ch.others[0].title == "kasserer" and ch.others[0].duties == ["Fører rådets regnskab"]
    assert [o.seat for o in cs.charter("medformaend").chair.co_chairs] == ["rrf", "borgmester"]
    assert cs.charter("uden-formand").chair.none is True
