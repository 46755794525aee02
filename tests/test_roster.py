"""Rosters and meeting plans beside a charter: loading, schema, calendar, document, site and the
privacy flag. The rules themselves are tested by their fixtures (tests/rules/L*, T*)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.corpus import load_corpus
from kommissorium.schema import KINDS, schema_path, schema_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "eksempel"
HIDDEN = "Ukendt Skjultesen"  # the example's member marked 'offentlig: false'

CHARTER = """\
navn: Rådet
type: råd
område: klynge-nordjylland-nord
sammensætning:
  medlemmer:
    - {rolle: regionsrådsmedlem, antal: 2, gruppe: region}
    - {rolle: byrådsmedlem, for-hver: kommune, gruppe: kommuner}
"""


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "charters"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def _messages(root: Path) -> list[str]:
    cs = load_corpus(root, cwd=root)
    return [f"{p.file}:{p.line}:{p.column} {p.code} {p.message}" for p in cs.problems]


# -- loading -------------------------------------------------------------------------------------
def test_roster_and_plan_are_attached_to_their_charter_not_loaded_as_charters(tmp_path: Path):
    root = _folder(tmp_path, {
        "raad.yaml": CHARTER,
        "raad.medlemmer.yaml": "medlemmer:\n  - {navn: Bo Lund, plads: region}\n",
        "raad.moeder.yaml": "møder:\n  - {dato: 2027-03-04, tid: '13:00-15:00'}\n",
    })
    cs = load_corpus(root, cwd=root)
    assert [f.id for f in cs.files] == ["raad"]
    assert cs.problems == []
    assert cs.rosters["raad"].data.members[0].name == "Bo Lund"
    meeting = cs.plans["raad"].data.meetings[0]
    assert (meeting.starts.hour, meeting.ends.hour) == (13, 15)


@pytest.mark.parametrize("key", ["e-mail", "email", "telefon", "tlf", "mobil"])
def test_contact_data_is_refused_with_a_reason(tmp_path: Path, key: str):
    root = _folder(tmp_path, {
        "raad.yaml": CHARTER,
        "raad.medlemmer.yaml": f"medlemmer:\n  - navn: Bo Lund\n    plads: region\n    {key}: x\n",
    })
    found = _messages(root)
    assert len(found) == 1
    assert found[0].startswith(f"raad.medlemmer.yaml:4:{len(key) + 7} S004")
    assert "e-mail eller telefonnummer" in found[0] and "offentliggør dem aldrig" in found[0]
    assert load_corpus(root, cwd=root).rosters == {}


@pytest.mark.parametrize("text,where,words", [
    ("medlemmer:\n  - {navn: A, plads: region, fra: 2027-01}\n", "2:35", "hel dato"),
    ("medlemmer:\n  - {navn: A, plads: region, parti: venstre}\n", "2:37", "partibogstav"),
    ("medlemmer:\n  - {navn: A, plads: region, fra: 2027-05-01, til: 2027-01-01}\n", "2:5",
     "'fra' ligger efter 'til'"),
    ("tidligere:\n  - {navn: A, plads: region}\n", "2:5", "skal have 'til'"),
    ("medlemmer:\n  - {navn: A, plads: region, mail: a@b.dk}\n", "2:30", "Ukendt nøgle 'mail'"),
])
def test_bad_roster_values_are_located_danish_errors(tmp_path: Path, text: str, where: str,
                                                     words: str):
    root = _folder(tmp_path, {"raad.yaml": CHARTER, "raad.medlemmer.yaml": text})
    found = _messages(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"raad.medlemmer.yaml:{where} S00"), found
    assert words in found[0]


@pytest.mark.parametrize("text,words", [
    ("møder:\n  - {dato: 2027-03}\n", "hel dato"),
    ("møder:\n  - {dato: 2027-03-04, tid: '25:00'}\n", "ikke et klokkeslæt"),
    ("møder:\n  - {dato: 2027-03-04, tid: '15:00-13:00'}\n", "slutter, før det begynder"),
    ("møder:\n  - {dato: 2027-03-04, aflyst: ja}\n", "true eller false"),
])
def test_bad_meetings_are_refused(tmp_path: Path, text: str, words: str):
    root = _folder(tmp_path, {"raad.yaml": CHARTER, "raad.moeder.yaml": text})
    found = _messages(root)
    assert len(found) == 1 and words in found[0], found


def test_example_validates_clean_as_folder_and_as_single_roster_file():
    runner = CliRunner()
    for target in (EXAMPLE, EXAMPLE / "sundhedsforum.medlemmer.yaml"):
        result = runner.invoke(app, ["validate", str(target)])
        assert result.exit_code == 0, result.output
        assert "ingen fund" in result.output


# -- schema --------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["medlemmer", "moeder"])
def test_committed_roster_schemas_are_current(kind: str):
    path = ROOT / schema_path(kind)
    assert path.read_text(encoding="utf-8") == schema_text(kind), (
        f"{schema_path(kind)} er forældet; kør 'kommissorium schema --art {kind} -o "
        f"{schema_path(kind)}'")


def _jsonschema(schema: Path, files: list[Path]) -> int:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
                           *map(str, files)], capture_output=True, text=True).returncode


def test_example_and_fixtures_pass_the_schema_and_contact_data_fails_it(tmp_path: Path):
    for kind in ("medlemmer", "moeder"):
        files = sorted(EXAMPLE.glob(f"*.{kind}.yaml")) + sorted(
            (ROOT / "tests" / "rules").glob(f"*/*/*.{kind}.yaml"))
        assert files
        assert _jsonschema(ROOT / schema_path(kind), files) == 0, kind
    bad = tmp_path / "x.medlemmer.yaml"
    bad.write_text("medlemmer:\n  - {navn: A, plads: b, e-mail: a@b.dk}\n", encoding="utf-8")
    assert _jsonschema(ROOT / schema_path("medlemmer"), [bad]) == 1
    assert set(KINDS) == {"kommissorium", "medlemmer", "moeder"}


# -- calendar ------------------------------------------------------------------------------------
def _calendar(tmp_path: Path, name: str = "møder.ics", epoch: str = "1800000000") -> bytes:
    out = tmp_path / name
    result = subprocess.run(
        [sys.executable, "-c", "from kommissorium.cli import main; main()", "kalender",
         str(EXAMPLE), "-o", str(out)],
        capture_output=True, text=True, env={"SOURCE_DATE_EPOCH": epoch, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "11 møder fra 2 organer" in result.stderr
    return out.read_bytes()


def test_calendar_parses_with_icalendar_and_follows_rfc5545(tmp_path: Path):
    import icalendar

    data = _calendar(tmp_path)
    # CRLF everywhere, and no content line longer than 75 octets (RFC 5545 3.1).
    assert data.count(b"\r\n") == data.count(b"\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0" and cal["PRODID"].startswith("-//kommissorium//")
    tz = cal.walk("VTIMEZONE")
    assert [str(t["TZID"]) for t in tz] == ["Europe/Copenhagen"]
    events = cal.walk("VEVENT")
    assert len(events) == 11
    first = next(e for e in events if e["UID"] == "sundhedsforum.2027-02-04@kommissorium")
    start = first.decoded("DTSTART")
    assert (start.hour, start.tzinfo.key if hasattr(start.tzinfo, "key") else str(start.tzinfo)) \
        == (14, "Europe/Copenhagen")
    assert start.utcoffset().total_seconds() == 3600  # CET in February
    assert first["SUMMARY"] == "Sundhedsforum Fjordland: Konstituerende møde"
    assert first["LOCATION"] == "Fjordland Rådhus, Havnegade 1, Fjordby"
    summer = next(e for e in events if e["UID"] == "sundhedsforum.2027-09-16@kommissorium")
    assert summer.decoded("DTSTART").utcoffset().total_seconds() == 7200  # CEST
    cancelled = next(e for e in events if e["UID"] == "sundhedsforum.2027-06-10@kommissorium")
    assert cancelled["STATUS"] == "CANCELLED" and "(aflyst)" in cancelled["SUMMARY"]
    assert all("DTSTAMP" in e for e in events)
    assert len({str(e["UID"]) for e in events}) == 11


def test_calendar_uids_are_stable_across_runs(tmp_path: Path):
    import icalendar

    a = icalendar.Calendar.from_ical(_calendar(tmp_path, "a.ics", "1800000000"))
    b = icalendar.Calendar.from_ical(_calendar(tmp_path, "b.ics", "1900000000"))
    uids_a = [str(e["UID"]) for e in a.walk("VEVENT")]
    uids_b = [str(e["UID"]) for e in b.walk("VEVENT")]
    assert uids_a == uids_b
    assert [e.decoded("DTSTAMP") for e in a.walk("VEVENT")] != \
        [e.decoded("DTSTAMP") for e in b.walk("VEVENT")]


def test_calendar_for_one_body_from_its_plan_or_charter_file():
    import icalendar

    runner = CliRunner()
    for target in ("forberedende-gruppe.moeder.yaml", "forberedende-gruppe.yaml"):
        result = runner.invoke(app, ["kalender", str(EXAMPLE / target)])
        assert result.exit_code == 0, result.output
        cal = icalendar.Calendar.from_ical(result.stdout_bytes)
        assert cal["X-WR-CALNAME"] == "Den forberedende gruppe i Fjordland"
        assert {str(e["UID"]).split(".")[0] for e in cal.walk("VEVENT")} == {"forberedende-gruppe"}


def test_calendar_moved_meeting_keeps_its_uid_with_an_id(tmp_path: Path):
    from kommissorium.roster.calendar import build_calendar

    def uids(date: str) -> list[str]:
        root = _folder(tmp_path / date, {
            "raad.yaml": CHARTER,
            "raad.moeder.yaml": f"møder:\n  - {{dato: {date}, id: fjerde-kvartal}}\n",
        })
        import icalendar

        cal = icalendar.Calendar.from_ical(build_calendar(load_corpus(root, cwd=root)))
        return [str(e["UID"]) for e in cal.walk("VEVENT")]

    assert uids("2027-11-04") == uids("2027-11-11") == ["raad.fjerde-kvartal@kommissorium"]


# -- document, site, privacy ---------------------------------------------------------------------
def test_document_has_the_member_list_when_the_roster_asks(tmp_path: Path):
    from kommissorium.document import build_document

    cs = load_corpus(EXAMPLE, cwd=EXAMPLE)
    doc = build_document(cs, "sundhedsforum")
    section = doc.sections[-1]
    assert section.heading == "Medlemmer pr. 1. marts 2027"
    text = doc.text()
    assert "Birgitte Skov (A)" in text and "NN (navnet offentliggøres ikke)" in text
    assert HIDDEN not in text
    # the other body's roster does not ask for it
    assert "Medlemmer pr." not in build_document(cs, "forberedende-gruppe").text()


@pytest.fixture(scope="module")
def example_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Everything the commands write for the example: documents, site (with PDFs), calendar."""
    out = tmp_path_factory.mktemp("eksempel")
    runner = CliRunner()
    for args in (["render", str(EXAMPLE), "-o", str(out / "render")],
                 ["site", str(EXAMPLE), "-o", str(out / "site")],
                 ["kalender", str(EXAMPLE), "-o", str(out / "møder.ics")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
    return out


def test_site_has_member_pages_person_pages_and_calendars(example_outputs: Path):
    site = example_outputs / "site"
    page = (site / "medlemmer" / "sundhedsforum.html").read_text(encoding="utf-8")
    assert "<h2 id=\"medlemmer-overskrift\">Medlemmer pr. 1. marts 2027</h2>" in page
    assert 'href="../personer/birgitte-skov.html">Birgitte Skov</a> (A)' in page
    assert "Tidligere medlemmer" in page and "Per Holm" in page
    assert "<strong>Aflyst</strong>" in page
    assert 'href="../kalender/sundhedsforum.ics"' in page
    person = (site / "personer" / "birgitte-skov.html").read_text(encoding="utf-8")
    # she holds a seat in both bodies: the person page lists both
    assert person.count("<tr><td><a href=\"../medlemmer/") == 2
    assert "Sundhedsforum Fjordland" in person and "Den forberedende gruppe i Fjordland" in person
    charter = (site / "kommissorier" / "sundhedsforum.html").read_text(encoding="utf-8")
    assert 'href="../medlemmer/sundhedsforum.html"' in charter
    assert (site / "kalender" / "alle.ics").is_file()
    assert (site / "personer" / "index.html").is_file()


def _text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    return path.read_bytes().decode("utf-8", errors="replace")


def test_a_name_not_for_publication_appears_in_no_output_file(example_outputs: Path):
    files = [p for p in example_outputs.rglob("*") if p.is_file()]
    assert len(files) > 20
    kinds = {p.suffix for p in files}
    assert {".html", ".md", ".pdf", ".ics", ".json", ".js"} <= kinds
    # the name is in the roster (so the test can fail) ...
    assert HIDDEN in (EXAMPLE / "sundhedsforum.medlemmer.yaml").read_text(encoding="utf-8")
    # ... and in no output, under any spelling a reader might search for
    pattern = re.compile(r"Skjultesen|skjultesen|ukendt-skjultesen")
    leaked = [str(p.relative_to(example_outputs)) for p in files if pattern.search(_text_of(p))]
    assert leaked == []
    # the seat is still shown as held
    page = (example_outputs / "site" / "medlemmer" / "sundhedsforum.html").read_text("utf-8")
    assert "NN <span class=\"meta\">(navnet offentliggøres ikke)</span>" in page


def test_a_hidden_name_in_a_note_is_redacted(tmp_path: Path):
    from kommissorium.roster.calendar import build_calendar
    from kommissorium.roster.view import plan_view

    root = _folder(tmp_path, {
        "raad.yaml": CHARTER,
        "raad.medlemmer.yaml": "medlemmer:\n  - {navn: Eva Skjult, plads: region, offentlig: false}\n",
        "raad.moeder.yaml": "møder:\n  - {dato: 2027-03-04, note: Eva Skjult deltager virtuelt}\n",
    })
    cs = load_corpus(root, cwd=root)
    assert plan_view(cs, "raad")[0].note == "NN deltager virtuelt"
    assert b"Eva Skjult" not in build_calendar(cs)


def test_real_charters_have_no_invented_rosters_or_plans():
    from kommissorium.roster.files import companion_kind

    found = [p for p in (ROOT / "charters").rglob("*.yaml") if companion_kind(p)]
    assert found == []


def test_rules_list_names_the_roster_and_plan_rules():
    result = CliRunner().invoke(app, ["rules"])
    for code in ("L001", "L008", "T001", "T004"):
        assert code in result.output


# -- diff ----------------------------------------------------------------------------------------
def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.invalid", *args],
                   cwd=cwd, check=True, capture_output=True)


def test_diff_reports_roster_and_plan_changes_in_danish_per_file(tmp_path: Path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo / "charters")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eksempel")
    roster = repo / "charters" / "sundhedsforum.medlemmer.yaml"
    text = roster.read_text(encoding="utf-8")
    text = text.replace("    organisation: soeby\n    parti: F\n    fra: 2027-01-01",
                        "    organisation: soeby\n    parti: F\n    fra: 2027-04-01")
    text = text.replace("navn: Karim Haddad", "navn: Lone Friis")
    text = text.replace("  - navn: Ukendt Skjultesen", "  - navn: Ukendt Skjultesen\n    post: formand")
    roster.write_text(text, encoding="utf-8")
    plan = repo / "charters" / "sundhedsforum.moeder.yaml"
    plan.write_text(plan.read_text(encoding="utf-8")
                    .replace("2027-04-22", "2027-04-29")
                    .replace('{dato: 2027-11-25, tid: "14:00-16:00"}',
                             '{dato: 2027-11-25, tid: "14:00-16:00", aflyst: true}'),
                    encoding="utf-8")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(app, ["diff"])
    out = result.output
    assert "Ændret: Sundhedsforum Fjordland: medlemsliste (charters/sundhedsforum.medlemmer.yaml)" in out
    assert "Søby: Lone Friis afløser Karim Haddad som medlem fra 1. april 2027." in out
    assert "NN bliver formand." in out  # the hidden member's office, without the name
    assert "Skjultesen" not in out
    assert "Ændret: Sundhedsforum Fjordland: mødeplan (charters/sundhedsforum.moeder.yaml)" in out
    assert "Mødet 22. april 2027 kl. 14.00-16.00 er flyttet til 29. april 2027 kl. 14.00-16.00." in out
    assert "Mødet 25. november 2027 kl. 14.00-16.00 er aflyst." in out
    # the charter itself did not change, and the diff does not say it did
    assert "Ændret: Sundhedsforum Fjordland (" not in out


def test_diff_of_plans_adds_removes_and_restores():
    from kommissorium.roster.compare import compare_plans
    from kommissorium.roster.model import Schedule

    old = Schedule.model_validate({"møder": [{"dato": "2027-01-10", "aflyst": True},
                                             {"dato": "2027-06-01"}]})
    new = Schedule.model_validate({"møder": [{"dato": "2027-01-10"}, {"dato": "2027-09-01"}]})
    assert [c.text for c in compare_plans(old, new)] == [
        "Mødet 10. januar 2027 er ikke længere aflyst.",
        "Mødet 1. juni 2027 er fjernet fra planen.",
        "Nyt møde 1. september 2027.",
    ]


def test_fmt_keeps_the_key_order_of_rosters_and_plans_and_the_example_is_formatted():
    runner = CliRunner()
    files = sorted(str(p) for p in EXAMPLE.glob("*.yaml"))
    result = runner.invoke(app, ["fmt", "--check", *files])
    assert result.exit_code == 0, result.output
