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
    "procedure": [
        "Forretningsorden for Ældrerådet",
        "Møderne er lukkede. Møderne holdes på rådhuset. Medlemmerne kan deltage virtuelt. "
        "Ældrerådet kan beslutte at invitere gæster til at deltage i behandlingen af enkelte "
        "punkter.",
        "Dagsordenen udsendes senest fem hverdage før mødet sammen med det tilhørende materiale.",
        "Et medlem, der ønsker et punkt på dagsordenen, skal meddele det senest ti dage før "
        "mødet.",
        "Punkter kan tilføjes på mødet, hvis et flertal af de fremmødte er enige.",
        "I hastende tilfælde kan dagsordenen udsendes med kortere varsel, dog senest 24 timer "
        "før mødet.",
        "Dagsordenen offentliggøres på kommunens hjemmeside.",
        "Mødeplanen for det kommende år foreslås af formanden og godkendes af rådet på årets "
        "sidste møde.",
        "Et møde aflyses, hvis der ikke er punkter på dagsordenen.",
        "Sager, der ikke kan vente til næste møde, kan afgøres af formanden, som orienterer "
        "medlemmerne på det næste møde.",
        "Formanden kan indkalde til ekstraordinære møder.",
        "Et ekstraordinært møde holdes, når mindst en tredjedel af medlemmerne anmoder om det, "
        "og senest 14 dage efter anmodningen.",
        "Forfald meldes til sekretariatet. Ved forfald i mere end én måned indkaldes "
        "suppleanten.",
        "Møderne ledes af formanden, i formandens fravær af næstformanden og ellers af et "
        "medlem, som de fremmødte vælger.",
        "Det konstituerende møde holdes i januar efter valget og ledes af det ældste medlem, "
        "indtil formanden er valgt.",
        "Formanden kan afsættes, når over halvdelen af medlemmerne stemmer for det.",
        "Ældrerådet er beslutningsdygtigt, når mindst halvdelen af medlemmerne er til stede. "
        "Fremmødte suppleanter tælles med.",
        "Der tilstræbes så vidt muligt enighed; ellers træffes beslutninger ved simpelt flertal "
        "af de afgivne stemmer.",
        "Afstemning foregår skriftligt, når mindst 2 medlemmer ønsker det.",
        "Der kan ikke stemmes ved fuldmagt.",
        "Ved stemmelighed er formandens stemme afgørende, i formandens fravær næstformandens.",
        "Ved stemmelighed ved valg, også af formand og næstformand, afgøres valget ved "
        "lodtrækning.",
        "Om inhabilitet gælder reglerne i forvaltningsloven §§ 3-6.",
        "Om tavshedspligt gælder reglerne i forvaltningsloven § 27 og straffeloven §§ 152-152 f.",
        "Referatet skrives af sekretariatet og godkendes på næste møde.",
        "Referatet offentliggøres på kommunens hjemmeside.",
        "Et medlem eller et mindretal kan få en afvigende opfattelse ført til referat.",
        "Fravær noteres i referatet.",
        "Forretningsordenen vedtages af rådet. Den kan ændres af rådet, når to tredjedele af "
        "medlemmerne stemmer for. Den træder i kraft den 1. januar 2026.",
        "Vedtagelse og ikrafttræden",
    ],
    "sammensaetning": [
        "Op til 8 repræsentanter for brugerne, hver med en personlig suppleant",
        "Op til 6 repræsentanter for frivillige organisationer, hver med mulighed for en bisidder",
        "Repræsentanter for kommunen",
        "2 byrådsmedlemmer valgt af byrådet, som også er medlemmer af Sundhedsudvalget, for en "
        "toårig periode",
        "1 praktiserende læge fra hver af de 11 kommuner, hver udpeget af den pågældende "
        "kommunes lægelaug; ellers blandt kommunens praktiserende læger",
        "I alt 13-27 faste medlemmer og derudover et antal, som ikke er fastlagt.",
        "Udsatterådet har op til 18 medlemmer.",
        "Repræsentanter for brugerne har flertallet af pladserne.",
        "Over en tredjedel af medlemmerne er repræsentanter for brugerne.",
        "Der udpeges op til 2 fælles suppleanter for hvert medlem blandt repræsentanter for "
        "frivillige organisationer. Suppleanterne udpeges af byrådet. En suppleant træder ind "
        "ved forfald i mere end én måned.",
        "Medlemmerne udpeges for fire år. Medlemmerne fortsætter, indtil nye medlemmer er "
        "udpeget.",
        "Møderne placeres ca. seks uger før møderne i byrådet.",
        "Værtskabet for møderne går på skift mellem medlemmerne.",
        "Udsatterådet rådgiver byrådet. Organet giver input til Sundhedsudvalget.",
        "Udsatterådet udpeger 2 medlemmer og 2 suppleanter til Sundhedsudvalget for "
        "valgperioden.",
        "serviceloven § 18",
        "december 2027",
    ],
    "aeldreraad": [
        "9 medlemmer valgt ved direkte valg af kommunens borgere over 60 år",
        "Medlemmerne vælges for fire år. Medlemmerne fortsætter, indtil nye medlemmer er valgt.",
        "Der kan vælges suppleanter for medlemmerne. En suppleant træder ind ved forfald i mere "
        "end én måned.",
    ],
    "byraadet": [
        "Byrådet sætter retning for og delegerer opgaver til Sundhedsudvalget.",
    ],
    "faelles-udvalg": [
        "Alle medlemmer af Sundhedsudvalget",
        "2 repræsentanter på vegne af kommunerne og regionen",
        "Det fælles udvalg er bestyrelse for Sundhedsudvalget.",
        "til 31. december 2026",
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


@pytest.mark.parametrize("text,count,share,above", [
    (5, 5, None, False),
    ("mindst halvdelen", None, "1/2", False),
    ("over halvdelen", None, "1/2", True),
    ("mere end halvdelen", None, "1/2", True),
    ("et flertal", None, "1/2", True),
    ("1/3", None, "1/3", False),
    ("mindst en tredjedel", None, "1/3", False),
    ("3 medlemmer", 3, None, False),
])
def test_threshold_compact_forms(text, count, share, above) -> None:
    from kommissorium.model.procedure import Threshold

    t = Threshold.model_validate(text)
    assert (t.count, t.share, t.above) == (count, share, above)


@pytest.mark.parametrize("members,text,required", [
    (9, "mindst halvdelen", 5), (10, "mindst halvdelen", 5), (10, "over halvdelen", 6),
    (9, "1/3", 3), (10, "1/3", 4), (7, 4, 4),
])
def test_threshold_required_members(members, text, required) -> None:
    from kommissorium.model.procedure import Threshold

    assert Threshold.model_validate(text).required(members) == required


@pytest.mark.parametrize("text,expected", [
    ("senest 5 hverdage", (5, "hverdage", "senest")),
    ("mindst 7 dage", (7, "dage", "mindst")),
    ("48 timer", (48, "timer", None)),
    ("to uger før mødet", (2, "uger", None)),
    (10, (10, "dage", None)),
])
def test_deadline_compact_forms(text, expected) -> None:
    from kommissorium.model.procedure import Deadline

    d = Deadline.model_validate(text)
    assert (d.count, d.unit.value, d.bound.value if d.bound else None) == expected


def test_weekdays_span_weekends() -> None:
    from kommissorium.model.procedure import Deadline

    assert Deadline.model_validate("5 hverdage").days() == (5, 7)
    assert Deadline.model_validate({"antal": 6, "enhed": "hverdage", "lørdag-er-hverdag": True}).days() == (6, 7)


def test_legal_reference_compact_form() -> None:
    from kommissorium.model.procedure import LegalRef

    r = LegalRef.model_validate("kommunestyrelsesloven § 17, stk. 4")
    assert (r.law, r.section) == ("kommunestyrelsesloven", "§ 17, stk. 4")


def test_neuter_and_common_gender_of_body_names() -> None:
    from kommissorium.danish.procedure import quorum_sentence

    assert quorum_sentence("Styregruppen", 3, None, False).startswith(
        "Styregruppen er beslutningsdygtig, når")
    assert quorum_sentence("Handicaprådet", 3, None, False).startswith(
        "Handicaprådet er beslutningsdygtigt, når")


def test_an_elected_council_is_never_appointed(rendered) -> None:
    for fmt in ("html", "md", "pdf"):
        assert "udpeg" not in rendered["aeldreraad", fmt]


def test_an_unspecified_count_has_no_number_and_leaves_every_total_open(cs, rendered) -> None:
    from kommissorium.document.model import MemberTable

    seat = cs.charter("sammensaetning").composition.members[2]
    assert seat.count.unspecified and seat.count.maximum is None
    doc = build_document(cs, "sammensaetning")
    table = next(b for s in doc.sections for b in s.blocks if isinstance(b, MemberTable))
    row = table.rows[2]
    assert row.text == "Repræsentanter for kommunen" and row.count == "ikke fastlagt"
    assert not re.search(r"\d", row.text)
    assert table.total == "13-27 + ikke fastlagt"
    assert dict((f.label, f.value) for f in doc.facts)["Faste medlemmer"] == "13-27 + ikke fastlagt"
    count = cs.member_count("sammensaetning")
    assert count.open and count.high is None and "ikke fastlagt" in str(count)
    for fmt in ("html", "md", "pdf"):
        assert "1 repræsentant for kommunen" not in rendered["sammensaetning", fmt].lower()


def test_a_seat_filled_by_another_bodys_members_follows_its_count(cs) -> None:
    seats = cs.seats("faelles-udvalg")
    assert (seats[0].low, seats[0].high) == (9, 9)  # Sundhedsudvalget: 7 + 2
    assert str(cs.member_count("faelles-udvalg")) == "11"


def test_every_meeting_setting_has_a_danish_noun_for_the_diff() -> None:
    from kommissorium.danish.changes import MEETING_SETTING_NOUNS
    from kommissorium.model.charter import Meetings

    missing = [f for f in Meetings.model_fields if f != "per_year" and f not in MEETING_SETTING_NOUNS]
    assert not missing, missing
