"""Issue #14: one test per defect listed in the issue (generated Danish from data alone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommissorium import danish
from kommissorium.corpus import load_corpus
from kommissorium.document import build_document
from kommissorium.model.types import Frequency

import sys

sys.path.insert(0, str(Path(__file__).parent))
from danish_checklist import problems  # noqa: E402

REGISTER = """\
organisationer:
  - {nøgle: stat, navn: Staten, art: organisation, part: stat, område: landsdaekkende}
  - {nøgle: boern-og-ungeudvalget, navn: Børn- og Ungeudvalget, art: organisation, part: kommuner,
     område: koebenhavn}
"""


def _doc(repo, body: str, cid: str = "x/raad"):
    (repo.root / "charters" / "_register").mkdir(parents=True, exist_ok=True)
    (repo.root / "charters" / "_register" / "org.yaml").write_text(REGISTER, encoding="utf-8")
    repo(f"{cid}.yaml", "navn: Testrådet\ntype: forum\nområde: region-hovedstaden\n" + body)
    cs = load_corpus(repo.root / "charters", repo.root)
    assert [p for p in cs.problems if p.severity.value == "fejl"] == []
    return build_document(cs, cid)


def _seat_rows(doc) -> list[str]:
    from kommissorium.document import MemberTable

    return [r.text for s in doc.sections for b in s.blocks if isinstance(b, MemberTable)
            for r in b.rows]


def test_frequency_is_phrased_one_way():
    f = Frequency.model_validate(1)
    assert danish.frequency(f) == "ét møde årligt"
    from kommissorium.graph import build_graph  # noqa: F401  (graph and rules import the same)
    from kommissorium.rules._util import describe_frequency

    assert describe_frequency(f) == "ét møde årligt"
    assert danish.frequency_change(f, Frequency.model_validate(4)) == (
        "Mødefrekvensen ændres fra ét til fire møder årligt.")


def test_party_names_come_from_one_table():
    from kommissorium.danish.changes import chair_text
    from kommissorium.model.charter import Chair, Party
    from kommissorium.rules._util import PARTY_DA

    assert PARTY_DA[Party.PATIENTS] == danish.party_name("patienter")
    chair = Chair.model_validate({"delt-mellem": ["kommuner", "patienter"]})
    assert chair_text(chair, str) == "delt mellem kommunerne og patienterne"


@pytest.mark.parametrize("role, n, expected", [
    ("kommunalt medlem", 6, "6 kommunale medlemmer"),
    ("socialt udsat borger", 2, "2 socialt udsatte borgere"),
    ("øvrigt byrådsmedlem", 4, "4 øvrige byrådsmedlemmer"),
    ("medlemmer", 3, "3 medlemmer"),
    ("repræsentanter", 2, "2 repræsentanter"),
    ("anden person", 2, "2 andre personer"),
    ("inviteret gæst", 3, "3 inviterede gæster"),
    ("medlemmer", 1, "1 medlem"),
])
def test_plurals_from_rolle(repo, role, n, expected):
    doc = _doc(repo, f"sammensætning:\n  medlemmer:\n    - {{antal: {n}, rolle: {role}}}\n")
    assert _seat_rows(doc) == [expected]


def test_heraf_is_said_once_with_registry_proper_names(repo):
    doc = _doc(repo, "sammensætning:\n  medlemmer:\n    - {antal: 6, rolle: kommunalt medlem, "
                     "heraf: [{antal: 2, fra: koebenhavn}, {antal: 1, fra: bornholm}, "
                     "{antal: 1, fra: frederiksberg}]}\n")
    (row,) = _seat_rows(doc)
    assert row == ("6 kommunale medlemmer, heraf 2 fra Københavns Kommune, 1 fra Bornholms "
                   "Regionskommune og 1 fra Frederiksberg Kommune")
    assert row.count("heraf") == 1


def test_kommuner_listed_together_use_their_proper_forms():
    from kommissorium.registry import load_registry

    reg, _ = load_registry()
    ks = [reg.get("koebenhavn"), reg.get("frederiksberg"), reg.get("bornholm")]
    assert danish.kommune_list(ks) == (
        "Københavns og Frederiksberg kommuner samt Bornholms Regionskommune")
    assert danish.kommune_list([reg.get("bornholm")]) == "Bornholms Regionskommune"
    assert danish.genitive("Københavns Kommune") == "Københavns Kommunes"


def test_ad_hoc_participants_read_as_a_sentence(repo):
    doc = _doc(repo, "sammensætning:\n  deltagere:\n    - {rolle: ikke-medlem, ad-hoc: true}\n")
    text = doc.text()
    assert "Derudover deltager ikke-medlemmer ad hoc." in text
    assert "ad hoc-deltagelse:" not in text and "medlemmere" not in text


def test_observer_with_a_definite_role_takes_no_number(repo):
    doc = _doc(repo, "sammensætning:\n  observatører:\n    - {antal: 1, rolle: borgmesteren}\n")
    assert "Som observatør deltager borgmesteren." in doc.text()
    assert "1 borgmesteren" not in doc.text()


def test_a_role_naming_its_source_is_not_followed_by_fra(repo):
    doc = _doc(repo, "sammensætning:\n  medlemmer:\n    - {rolle: Rådmand for Børn- og "
                     "Ungeudvalget, fra: boern-og-ungeudvalget}\n")
    assert _seat_rows(doc) == ["1 rådmand for Børn- og Ungeudvalget"]


@pytest.mark.parametrize("term, sentence", [
    ("følger valgperioden", "Udpegningen følger valgperioden."),
    ("en fireårig periode", "Medlemmerne udpeges for en fireårig periode."),
    ("for valgperioden", "Medlemmerne udpeges for valgperioden."),
])
def test_term_reads_as_danish(repo, term, sentence):
    doc = _doc(repo, f"sammensætning:\n  periode: {term}\n")
    assert sentence in doc.text() and "for følger" not in doc.text()


def test_staten_is_lower_case_mid_sentence(repo):
    doc = _doc(repo, "sammensætning:\n  medlemmer:\n    - {antal: 2, rolle: repræsentant, "
                     "udpeget-af: stat}\n")
    assert _seat_rows(doc) == ["2 repræsentanter udpeget af staten"]


def test_quotes_are_danish():
    from kommissorium.danish.changes import change_sentence

    assert danish.quote("X") == "»X«"
    assert change_sentence("punkt-fjernet", noun="opgave", text="At følge op.") == (
        "Opgave fjernet: »At følge op«.")


def test_som_udgangspunkt_and_rates_are_kept():
    f = Frequency.model_validate({"mindst": 12, "som-udgangspunkt": True})
    assert danish.frequency(f) == "som udgangspunkt mindst 12 møder årligt"
    assert danish.frequency(Frequency.model_validate("mindst kvartalsvis")) == "møder mindst kvartalsvis"
    from kommissorium.danish.sentences import meeting_frequency

    assert meeting_frequency(f) == "Der afholdes som udgangspunkt mindst 12 møder årligt."


def test_notice_keeps_senest(repo):
    doc = _doc(repo, "møder:\n  pr-år: 4\n  dagsorden-udsendes-dage-før: 5\n")
    assert "Dagsordenen udsendes senest fem dage før mødet." in doc.text()


def test_tekst_keeps_data_it_does_not_state(repo):
    doc = _doc(repo, """\
        sammensætning:
          medlemmer:
            - {antal: 3, rolle: repræsentant, fra: region-hovedstaden, note: én fra psykiatrien,
               heraf: {antal: 1, rolle: direktør}, tekst: Tre repræsentanter fra regionen}
        formandskab:
          tekst: Formandskabet går på skift.
          opgaver: [at forberede møderne]
        møder:
          pr-år: 4
          virtuelle: true
          dagsorden-udsendes-dage-før: 7
          tidspunkt: møderne holdes om formiddagen
          tekst: Rådet mødes fire gange årligt.
        beslutninger:
          regel: konsensus
          afgørende-stemme: formand
          tekst: Beslutninger træffes i enighed.
        """.replace("        ", ""))
    text = doc.text()
    assert "Tre repræsentanter fra regionen (én fra psykiatrien), heraf 1 direktør" in text
    assert "at forberede møderne" in text
    assert "Rådet mødes fire gange årligt. Møderne kan foregå virtuelt." in text
    assert "Dagsordenen udsendes senest én uge før mødet." in text
    assert "Møderne holdes om formiddagen." in text
    assert "Ved stemmelighed er formandens stemme afgørende." in text
    assert "Der afholdes" not in text  # the wording replaces the generated frequency


def test_document_kind_sets_title_and_header(repo):
    doc = _doc(repo, "dokument: forretningsorden\n")
    assert doc.title == "Forretningsorden for Testrådet" and doc.kind == "Forretningsorden"


def test_top_level_notes_come_last_and_kilde_is_printed(repo):
    doc = _doc(repo, "kilde: Forretningsorden af 1. maj 2024\nnoter: [En bemærkning.]\n"
                     "formål: At afprøve.\n")
    assert [s.key for s in doc.sections] == ["formål", "noter"]
    assert ("Kilde", "Forretningsorden af 1. maj 2024") in [(f.label, f.value) for f in doc.facts]


def test_numbered_headings_keep_the_source_order(repo):
    doc = _doc(repo, "overskrifter: {møder: '§ 5 Møder', sammensætning: '§ 7 Sammensætning'}\n"
                     "sammensætning:\n  medlemmer: [{antal: 2, rolle: medlem}]\nmøder: {pr-år: 4}\n")
    assert [s.heading for s in doc.sections] == ["§ 5 Møder", "§ 7 Sammensætning"]


def test_a_heading_naming_the_next_section_takes_it_in(repo):
    doc = _doc(repo, "overskrifter: {sammensætning: Sammensætning og formandskab}\n"
                     "sammensætning:\n  medlemmer: [{antal: 2, rolle: medlem}]\n"
                     "formandskab: {delt-mellem: [kommuner, region]}\n")
    assert [s.heading for s in doc.sections] == ["Sammensætning og formandskab"]
    assert "Formandskabet er delt mellem kommunerne og regionen." in doc.text()


def test_frame_headings_carry_over_and_inherited_sections_are_marked_once(corpus_cs_root):
    cs = corpus_cs_root
    doc = build_document(cs, "syddanmark/klynge-fyn/fagligt-strategisk")
    headings = [s.heading for s in doc.sections]
    assert "Grundlag" in headings and "Opgaver og kompetencer" in headings
    assert "Baggrund" not in headings
    assert doc.notice == ("Afsnit markeret med * følger rammen »Det fagligt strategiske niveau i "
                          "de syddanske sundhedsklynger«.")
    assert "følger rammen" not in "\n".join(
        p for s in doc.sections for p in [getattr(b, "text", "") for b in s.blocks])
    for s in doc.sections:
        for b in s.blocks:
            for line in getattr(b, "text", "").split(". "):
                assert not [x for x in problems(line) if "stort bogstav" in x], line


@pytest.fixture(scope="module")
def corpus_cs_root():
    root = Path(__file__).resolve().parents[1]
    return load_corpus(root / "charters", root)


@pytest.mark.parametrize("name, inside", [
    ("Staten", "staten"),
    ("Regionsrådet i Region Nordjylland", "regionsrådet i Region Nordjylland"),
    ("Byrådet i Aalborg Kommune", "byrådet i Aalborg Kommune"),
    ("Det Administrative Kontaktforum", "Det Administrative Kontaktforum"),
    ("Sundhedsstyrelsen", "Sundhedsstyrelsen"),
])
def test_common_nouns_used_as_names_are_lower_case_mid_sentence(name, inside):
    assert danish.in_sentence(name) == inside


def test_the_source_order_can_be_given(repo):
    doc = _doc(repo, "rækkefølge: [møder, Særlige forhold, sammensætning]\n"
                     "afsnit: [{overskrift: Særlige forhold, tekst: Noget særligt.}]\n"
                     "formål: At afprøve.\n"
                     "sammensætning:\n  medlemmer: [{antal: 2, rolle: medlem}]\nmøder: {pr-år: 4}\n")
    assert [s.heading for s in doc.sections] == ["Mødefrekvens", "Særlige forhold", "Sammensætning",
                                                 "Formål"]


def test_an_unknown_name_in_the_order_is_a_located_error(repo):
    from kommissorium.check import check

    repo("nord/a.yaml", "navn: Testudvalget\ntype: forum\nområde: region-nordjylland\n"
                        "rækkefølge: [møder, mødr]\n")
    (p,) = [p for p in check([]).problems if p.code.startswith("S")]
    assert p.code == "S004" and "'mødr'" in p.message


def test_notes_count_as_the_authors_wording_too(repo):
    """A fact the section's notes already state is not generated a second time beside them."""
    doc = _doc(repo, "møder:\n  pr-år: 4\n  virtuelle: true\n  dagsorden-udsendes-dage-før: 7\n"
                     "  tekst: Rådet mødes fire gange årligt.\n"
                     "  noter: [Møderne kan foregå virtuelt, og dagsordenen udsendes en uge før.]\n")
    text = doc.text()
    assert text.count("virtuelt") == 1 and "Dagsordenen udsendes senest" not in text
