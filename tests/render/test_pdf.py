"""PDFs of the real corpus: the sources' key sentences in Danish, PDF/A-2b + PDF/UA-1 metadata,
language, title, structure tree, page numbers."""

from __future__ import annotations

import html
import io
import re

import pytest

from kommissorium.document import GitInfo, build_document
from kommissorium.render import render

#: Charter id → sentences its source (the seeds) states, which the PDF must contain.
KEY_SENTENCES = {
    # seed 000
    "nordjylland/strategisk-sundhedsforum": [
        "Kommissorium for Strategisk Sundhedsforum",
        "Strategisk Sundhedsforum er det administrative strategiske ledelsesniveau på "
        "sundhedsområdet på tværs af regionen, kommuner og almen praksis.",
        "Sikring af en fortsat ligestilling mellem psykiatri og somatik",
        "1 direktør fra hver af de 11 kommuner",
        "2 repræsentanter fra PLO-Nordjylland",
        "Som udgangspunkt afholdes 4 møder årligt.",
        "Koordineringsgruppen varetager sekretariatsbetjeningen af Strategisk Sundhedsforum",
        "Prioritering af sager som har betydning for mere end én sundhedsklynge.",
    ],
    # seed 001
    "landsdaekkende/kl-sundhedsstrategisk-gruppe": [
        "Sundhedsstrategisk gruppe blev oprindeligt etableret i 2007",
        "Hvert KKR udpeger en deltager fra hver sundhedsklynge i regionen.",
        "Gruppen mødes 3-4 gange årligt til møder af 2-3 timers varighed, eller efter behov.",
        "Der udpeges en næstformand blandt medlemmerne for en toårig periode.",
        "Dagsordenen udsendes én uge inden mødet.",
    ],
    # seed 002
    "syddanmark/fagligt-strategisk-ramme": [
        "Generisk kommissorium for det fagligt strategiske niveau i de syddanske sundhedsklynger",
        "Godkendt i Det Administrative Kontaktforum",
        "I Region Syddanmark etableres således fire sundhedsklynger – Fyn, Lillebælt, "
        "Sønderjylland og Sydvestjylland.",
        "Beslutninger i det fagligt strategiske niveau i sundhedsklyngen træffes på baggrund af "
        "konsensus.",
        "Det fagligt strategiske niveau mødes mindst fire gange årligt og efter behov.",
    ],
    # seed 003
    "nordjylland/sundhedsdirektoerernes-forretningsudvalg": [
        "Sundhedsdirektørernes Forretningsudvalg",
        "Forretningsudvalget udpeges af Kommunaldirektørkredsen.",
        "Ca. 10 møder årligt",
    ],
    # seed 004
    "nordjylland/klynge-nord/fagligt-strategisk": [
        "Hjørring, Brønderslev, Frederikshavn og Læsø kommuner",
        "At give Strategisk Sundhedsforum en årlig status på aktiviteter i sundhedsklyngen",
        "Dagsordener og referater skal være tilgængelige på Sundhedsaftalens hjemmeside.",
        "Patientinddragelse på alle niveauer",
    ],
}


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdfs(corpus_cs):
    out = {}
    for cid in KEY_SENTENCES:
        if corpus_cs.charter(cid) is None:
            pytest.skip(f"{cid} findes ikke (gyldigt) i charters/")
        doc = build_document(corpus_cs, cid, GitInfo("abc1234"))
        out[cid] = render(doc, "pdf")
    return out


@pytest.mark.parametrize("cid", sorted(KEY_SENTENCES))
def test_pdf_contains_the_sources_key_sentences(pdfs, cid) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdfs[cid]))
    text = _norm(" ".join(p.extract_text() for p in reader.pages))
    for sentence in KEY_SENTENCES[cid]:
        assert _norm(sentence) in text, sentence
    assert re.search(r"[æøå]", text)
    n = len(reader.pages)
    assert f"Side 1 af {n}" in text and f"Side {n} af {n}" in text


@pytest.mark.parametrize("cid", sorted(KEY_SENTENCES))
def test_pdf_is_tagged_pdfa_and_pdfua_in_danish(pdfs, cid, corpus_cs) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdfs[cid]))
    root = reader.trailer["/Root"]
    assert str(root["/Lang"]).startswith("da")
    assert "/StructTreeRoot" in root
    assert root["/StructTreeRoot"].get_object().get("/K")
    assert root["/MarkInfo"]["/Marked"]
    title = reader.metadata.title
    from kommissorium.danish import in_sentence

    name = in_sentence(corpus_cs.charter(cid).name)
    expected = corpus_cs.effective(cid).title or f"Kommissorium for {name}"
    assert title == expected
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", xmp)
    assert re.search(r"<pdfaid:part>2</pdfaid:part>|pdfaid:part=\"2\"", xmp)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>|pdfaid:conformance=\"B\"", xmp)
    assert re.search(r"<dc:language><rdf:Bag><rdf:li>da", xmp)
    assert title in html.unescape(xmp)
    page = reader.pages[0]
    assert abs(float(page.mediabox.width) - 595.28) < 1 and abs(float(page.mediabox.height) - 841.89) < 1


def test_pdf_footer_carries_version_and_commit(corpus_cs) -> None:
    from pypdf import PdfReader

    doc = build_document(corpus_cs, "nordjylland/strategisk-sundhedsforum", GitInfo("abc1234"))
    text = _norm(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(render(doc, "pdf"))).pages))
    assert "Version: git abc1234" in text
    assert "Strategisk Sundhedsforum" in text
    # page 1: the running header and the title, no extra "KOMMISSORIUM" label
    first = PdfReader(io.BytesIO(render(doc, "pdf"))).pages[0].extract_text()
    # (the 'Kilde' fact quotes the source's own title, which may say "Kommissorium" too)
    lines = [ln for ln in first.splitlines() if not ln.startswith("Kilde")]
    assert "\n".join(lines).lower().count("kommissorium") == 2, first


def test_pdf_headings_are_h1_for_the_title_and_h2_below(corpus_cs) -> None:
    """Issue #14: the PDF's structure tree has the title as H1 and the sections as H2."""
    from pypdf import PdfReader

    doc = build_document(corpus_cs, "nordjylland/strategisk-sundhedsforum")
    reader = PdfReader(io.BytesIO(render(doc, "pdf")))
    tags: list[str] = []

    def walk(node) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S") is not None:
            tags.append(str(node.get("/S")))
        kids = node.get("/K")
        if kids is not None:
            walk(kids)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    headings = [t for t in tags if re.fullmatch(r"/H\d", t)]
    assert headings[0] == "/H1" and headings.count("/H1") == 1, headings
    assert set(headings[1:]) == {"/H2"}, headings
    assert len(headings) == 1 + sum(1 for s in doc.sections if s.heading)
