"""The Danish document model: generated sentences, author wording, order, frames."""

from __future__ import annotations

import pytest

from kommissorium import danish
from kommissorium.document import BulletList, MemberTable, Paragraph, build_document


@pytest.mark.parametrize("role, plural", [
    ("direktør", "direktører"),
    ("regional kontorchef", "regionale kontorchefer"),
    ("præhospital direktør", "præhospitale direktører"),
    ("praktiserende læge", "praktiserende læger"),
    ("repræsentant for patienter og pårørende", "repræsentanter for patienter og pårørende"),
    ("medlem", "medlemmer"),
    ("udvalgsformand", "udvalgsformænd"),
    ("borgmester", "borgmestre"),
    ("deltager fra relevante fagområder", "deltagere fra relevante fagområder"),
])
def test_plural_role(role: str, plural: str) -> None:
    assert danish.plural_role(role) == plural


def test_meeting_phrases() -> None:
    assert danish.meetings_per_year_text(4, None, None) == "mindst fire gange årligt"
    assert danish.meetings_per_year_text(None, None, 10) == "ca. 10 møder årligt"
    assert danish.meetings_per_year_text(None, None, 1) == "ca. ét møde årligt"
    assert danish.meetings_per_year_text(None, 1, None) == "højst ét møde årligt"
    assert danish.meetings_per_year_text(3, 4, None) == "3-4 møder årligt"
    assert danish.meetings_per_year_text(4, 4, None) == "fire møder årligt"
    assert danish.meetings_per_year_text(None, None, None, True) == "efter behov"
    assert danish.hours_text(2, 3, None) == "2-3 timers"
    assert danish.days_before_text(7) == "én uge"
    assert danish.days_before_text(14) == "to uger"
    assert danish.count_text(0, 3) == "op til 3"


def _texts(doc, key):
    s = doc.section(key)
    assert s is not None, key
    out = []
    for b in s.blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        elif isinstance(b, BulletList):
            out.extend(b.items)
        elif isinstance(b, MemberTable):
            out.extend(r.text for r in b.rows)
    return out


def test_generated_danish_for_a_charter_without_text(fixture_cs) -> None:
    doc = build_document(fixture_cs, "test/ramme")
    assert doc.title == "Generisk kommissorium for det fagligt strategiske niveau i testklyngerne"
    assert doc.approval_line == "Godkendt i Det Administrative Kontaktforum den 23. juni 2022"
    comp = _texts(doc, "sammensætning")
    assert ("3 regionale direktører fra Region Nordjylland, heraf mindst 1 fra Psykiatrien i "
            "Region Nordjylland") in comp
    # a frame is applied per klynge: its seats per kommune are not expanded over the region
    assert "1 sundhedsdirektør fra hver kommune" in comp
    assert "2 praktiserende læger udpeget af PLO-Nordjylland, inden for sundhedsklyngens område" in comp
    assert "I alt mindst 5 faste medlemmer og derudover 1 pr. kommune." in doc.text()
    assert ("Faste medlemmer", "mindst 5 + 1 pr. kommune") in [(f.label, f.value) for f in doc.facts]
    meetings = " ".join(_texts(doc, "møder"))
    assert ("Der afholdes mindst fire møder årligt af 2-3 timers varighed og derudover efter "
            "behov.") in meetings
    assert "Dagsordenen udsendes senest én uge før mødet." in meetings
    assert "når mindst 3 medlemmer anmoder om det" in meetings
    assert _texts(doc, "formandskab") == [
        "Formandskabet er delt mellem kommunerne og regionen og aftales på det første møde."
    ]
    assert _texts(doc, "sekretariat")[0].startswith(
        "Sekretariatsbetjeningen varetages i fællesskab af Region Nordjylland og PLO-Nordjylland."
    )
    rel = _texts(doc, "relationer")[0]
    assert rel == ("Det fagligt strategiske niveau i testklyngerne refererer til og giver årlig status til "
                   "Det Administrative Kontaktforum.")


def test_standard_order_and_extra_section(fixture_cs) -> None:
    doc = build_document(fixture_cs, "test/kontaktforum")
    keys = [s.key for s in doc.sections]
    assert keys == ["formål", "opgaver", "afsnit-1", "sammensætning", "formandskab",
                    "møder", "relationer", "noter"]
    assert doc.sections[-1].heading == "Noter"  # document-level notes close the document
    assert doc.section("møder").heading == "Mødeafholdelse"  # overskrifter
    assert doc.sections[2].heading == "Sammenhæng til klyngerne"


def test_text_replaces_generated_sentence_and_nested_text_is_kept(fixture_cs) -> None:
    doc = build_document(fixture_cs, "test/kontaktforum")
    assert _texts(doc, "formandskab") == ["Delt formandskab mellem kommuner og Region."]
    assert _texts(doc, "møder") == [
        "Der afholdes ca. 10 møder årligt. Der kan aftales ekstraordinære møder."
    ]
    comp = _texts(doc, "sammensætning")
    assert comp[0] == "Kontaktforummet bemandes med:"
    assert "1 direktør fra hver af de 11 kommuner" in comp
    assert "3 hospitalsdirektører fra Region Nordjylland (somatik og psykiatri)" in comp
    assert "Derudover sekretariatsrepræsentation fra Koordineringsgruppen." in comp
    table = next(b for b in doc.section("sammensætning").blocks if isinstance(b, MemberTable))
    assert [r.count for r in table.rows] == ["11", "3", "2"]
    assert table.total == "16"
    # all 11 kommuner of the region: the number says it, no list of names
    assert table.rows[0].detail is None


def test_frame_sections_are_inherited_and_seats_expand_over_the_klynge(fixture_cs) -> None:
    doc = build_document(fixture_cs, "test/klynge/fagligt")
    assert doc.section("formål").inherited_from is None
    assert doc.section("principper").inherited_from == "Det fagligt strategiske niveau i testklyngerne"
    table = next(b for b in doc.section("sammensætning").blocks if isinstance(b, MemberTable))
    row = table.rows[1]
    assert row.text == "1 sundhedsdirektør fra hver af de 4 kommuner"
    assert row.detail == "Hjørring, Brønderslev, Frederikshavn og Læsø kommuner"
    assert row.count == "4"
    assert "I alt mindst 9 faste medlemmer." in doc.text()
    assert _texts(doc, "møder") == [
        "Der afholdes 4-6 møder årligt af 2-3 timers varighed og derudover efter behov."
    ]
    assert any(f.label == "Udbygger" for f in doc.facts)


def test_git_info_goes_to_the_version_line(fixture_cs) -> None:
    from datetime import date

    from kommissorium.document import GitInfo

    doc = build_document(fixture_cs, "test/kontaktforum", GitInfo("abc1234", date(2024, 5, 4)))
    assert doc.version_line == "Version 1.2 (git abc1234 af 4. maj 2024)"
    assert doc.meta["commit"] == "abc1234"
    doc = build_document(fixture_cs, "test/ramme", GitInfo("abc1234", date(2026, 11, 23), dirty=True))
    assert doc.version_line == (
        "Version: git abc1234 af 23. november 2026 (med ikke-committede ændringer)")


def test_danish_alphabetical_order() -> None:
    from kommissorium.document.build import _collate

    names = ["Aalborg", "Ærø", "Brønderslev", "Assens", "Læsø", "Odense", "Øster"]
    assert sorted(names, key=_collate) == [
        "Assens", "Brønderslev", "Læsø", "Odense", "Ærø", "Øster", "Aalborg"
    ]


@pytest.mark.parametrize("name, inside", [
    ("Det politiske niveau i Sundhedsklynge Horsens", "det politiske niveau i Sundhedsklynge Horsens"),
    ("Det faglige/strategiske niveau i Sundhedsklynge Horsens",
     "det faglige/strategiske niveau i Sundhedsklynge Horsens"),
    ("De politiske forankringsgrupper", "de politiske forankringsgrupper"),
    ("Det Administrative Kontaktforum", "Det Administrative Kontaktforum"),
    ("Den Administrative Styregruppe", "Den Administrative Styregruppe"),
    ("Kommunekontaktrådet", "Kommunekontaktrådet"),
    ("Dette", "Dette"),
])
def test_in_sentence(name: str, inside: str) -> None:
    assert danish.in_sentence(name) == inside


def test_descriptive_names_are_lower_case_inside_sentences(fixture_cs) -> None:
    doc = build_document(fixture_cs, "test/klynge/fagligt")
    assert doc.title == "Kommissorium for det fagligt strategiske niveau i Sundhedsklynge Nord"
    rel = " ".join(_texts(build_document(fixture_cs, "test/kontaktforum"), "relationer"))
    assert "til det fagligt strategiske niveau i Sundhedsklynge Nord." in rel
    # a proper name keeps its capital mid-sentence
    assert build_document(fixture_cs, "test/ramme").approval_line.startswith(
        "Godkendt i Det Administrative Kontaktforum")


def test_seats_without_a_count_start_with_one_unless_they_are_an_office(fixture_cs) -> None:
    from kommissorium.document.build import _Builder
    from kommissorium.model.charter import Seat

    b = _Builder(fixture_cs, "test/ramme", None)

    def text(units=None, **data):
        return b.seat_text(Seat.model_validate(data), units)

    assert text(4, **{"rolle": "Formand for det kommunale sundhedsudvalg", "for-hver": "kommune"}) == (
        "1 formand for det kommunale sundhedsudvalg fra hver af de 4 kommuner")
    assert text(**{"rolle": "Praktiserende læge", "udpeget-af": "plo-nordjylland"}) == (
        "1 praktiserende læge udpeget af PLO-Nordjylland")
    assert text(**{"rolle": "Regionsrådsformanden", "embede": True}) == "Regionsrådsformanden"
    assert text(**{"rolle": "sundhedssekretariatet"}) == "Sundhedssekretariatet"
    assert text(**{"rolle": "PLO-formand"}) == "1 PLO-formand"


def test_meetings_with_both_a_minimum_and_a_typical_number() -> None:
    assert danish.meetings_per_year_text(4, None, 6) == "mindst 4, typisk ca. 6 møder årligt"
    assert danish.meetings_per_year_text(None, 8, 6) == "ca. 6, højst 8 møder årligt"
    assert danish.meetings_text(2, None, None) == "mindst to møder"
    assert danish.meetings_text(2, 2, None) == "to møder"


def test_physical_meetings_and_shared_secretariat(fixture_cs) -> None:
    from kommissorium.document.build import _Builder
    from kommissorium.model.charter import Meetings, Secretariat

    b = _Builder(fixture_cs, "test/ramme", None)
    m = Meetings.model_validate({"pr-år": {"omkring": 6, "mindst": 4}, "fysiske-pr-år": {"mindst": 2}})
    assert b._meeting_sentences(m) == [
        "Der afholdes mindst 4, typisk ca. 6 møder årligt.",
        "Heraf holdes mindst to møder årligt med fysisk fremmøde.",
    ]
    m = Meetings.model_validate({"pr-år": 4, "fysiske-pr-år": 2})
    assert b._meeting_sentences(m)[1] == "Heraf holdes to møder årligt med fysisk fremmøde."
    b.c = b.c.model_copy(update={"secretariat": Secretariat.model_validate(
        {"delt-mellem": ["kommuner", "region"]})})
    assert b._secretariat()[0].text == (
        "Sekretariatsbetjeningen varetages i fællesskab af kommunerne og regionen.")


def test_abbreviation_is_shown_in_the_facts(fixture_cs) -> None:
    doc = build_document(fixture_cs, "test/kontaktforum")
    assert ("Forkortelse", "DAK") in [(f.label, f.value) for f in doc.facts]


def test_small_numbers_in_words_in_generated_meeting_sentences() -> None:
    assert danish.meetings_per_year_text(2, 2, None) == "to møder årligt"
    assert danish.meetings_per_year_text(None, None, 1) == "ca. ét møde årligt"
    assert danish.meetings_per_year_text(10, None, None) == "mindst 10 gange årligt"
    assert danish.meetings_per_year_text(None, None, 10) == "ca. 10 møder årligt"
    assert danish.meetings_per_year_text(3, 4, None) == "3-4 møder årligt"
    assert danish.hours_text(1, 1, None) == "en times"
    assert danish.hours_text(0.5, 0.5, None) == "en halv times"
    assert danish.hours_text(2, 2, None) == "to timers"
    assert danish.hours_text(2, 3, None) == "2-3 timers"
    assert danish.hours_text(None, None, 12) == "ca. 12 timers"
