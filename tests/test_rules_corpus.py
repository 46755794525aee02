"""The rules against the real corpus: charters/ passes, and small mutations of it fail with the
right code at the right place. Each test copies charters/ to a temporary folder, changes one
thing in the text, and checks it; expected lines and columns are found in the mutated text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kommissorium.check import check
from kommissorium.problems import Severity

CHARTERS = Path(__file__).resolve().parents[1] / "charters"

FYN = "syddanmark/klynge-fyn/fagligt-strategisk.yaml"
SSF = "nordjylland/strategisk-sundhedsforum.yaml"
NORD_FS = "nordjylland/klynge-nord/fagligt-strategisk.yaml"
NORD_POL = "nordjylland/klynge-nord/politisk.yaml"


def _need(*rel: str) -> None:
    for r in rel:
        if not (CHARTERS / r).is_file():
            pytest.skip(f"charters/{r} is not in the corpus (yet)")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "charters"
    shutil.copytree(CHARTERS, root)
    return root


def _edit(root: Path, rel: str, old: str, new: str) -> str:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{rel}: expected exactly one {old!r}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def _pos(text: str, needle: str, offset_in_needle: int = 0) -> tuple[int, int]:
    i = text.index(needle) + offset_in_needle
    before = text[:i]
    return before.count("\n") + 1, i - (before.rfind("\n") + 1) + 1


def _findings(root: Path, code: str) -> list[tuple[str, int, int]]:
    result = check([root], cwd=root)
    return [(p.file, p.line, p.column) for p in result.problems if p.code == code]


def test_charters_pass() -> None:
    result = check([CHARTERS], cwd=CHARTERS.parent)
    bad = [f"{p.file}:{p.line}:{p.column} {p.code} {p.message}" for p in result.problems
           if p.severity is not Severity.INFO]
    assert not bad, "\n".join(bad)
    assert result.files >= 5


def test_removing_a_kommune_seat_from_a_klynge_breaks_the_frame(corpus: Path) -> None:
    _need(FYN, "syddanmark/fagligt-strategisk-ramme.yaml")
    text = (corpus / FYN).read_text(encoding="utf-8")
    start = text.index("    - antal: 1\n      rolle: relevant direktør")
    end = text.index("    - antal: 2", start)
    text = text[:start] + text[end:]
    (corpus / FYN).write_text(text, encoding="utf-8")
    line, col = _pos(text, "  medlemmer:", 2)
    assert (FYN, line, col) in _findings(corpus, "F001")


def test_a_klynge_meeting_three_times_a_year_breaks_the_frame(corpus: Path) -> None:
    _need(FYN, "syddanmark/fagligt-strategisk-ramme.yaml")
    text = _edit(corpus, FYN, "pr-år: {mindst: 4, efter-behov: true}\n  tekst: Det fagligt strategiske "
                 "niveau mødes mindst fire gange årligt",
                 "pr-år: 3\n  tekst: Det fagligt strategiske niveau mødes mindst tre gange årligt")
    line, col = _pos(text, "pr-år: 3", len("pr-år: "))
    assert _findings(corpus, "F004") == [(FYN, line, col)]


def test_a_kommune_in_two_klynger(corpus: Path) -> None:
    register = corpus / "_register" / "klynger-test.yaml"
    text = (
        "klynger:\n"
        "  - nøgle: klynge-syddanmark-test\n"
        "    navn: Sundhedsklynge Test\n"
        "    region: region-syddanmark\n"
        "    kommuner: [kolding, odense]\n"
        "    gyldig: {fra: 2024-01-01, til: 2026-12-31}\n"
    )
    register.write_text(text, encoding="utf-8")
    found = _findings(corpus, "G002")
    line, col = _pos(text, "kolding")
    line2, col2 = _pos(text, "odense")
    assert found == [("_register/klynger-test.yaml", line, col),
                     ("_register/klynger-test.yaml", line2, col2)]


def test_a_refers_to_cycle(corpus: Path) -> None:
    _need(NORD_FS, NORD_POL)
    _edit(corpus, NORD_POL, "relationer:\n", "relationer:\n  refererer-til: nordjylland/klynge-nord/fagligt-strategisk\n")
    fs_text = (corpus / NORD_FS).read_text(encoding="utf-8")
    line, col = _pos(fs_text, "refererer-til: nordjylland/klynge-nord/politisk", len("refererer-til: "))
    result = check([corpus], cwd=corpus)
    cycles = [p for p in result.problems if p.code == "X001"]
    assert [(p.file, p.line, p.column) for p in cycles] == [(NORD_FS, line, col)]
    assert "nordjylland/klynge-nord/fagligt-strategisk → (refererer til) nordjylland/klynge-nord/politisk" \
        in cycles[0].message


def test_eleven_kommuner_in_prose(corpus: Path) -> None:
    _need(SSF)
    text = _edit(corpus, SSF, "hver af de 11 kommuner", "hver af de 12 kommuner")
    line, col = _pos(text, "12 kommuner")
    assert _findings(corpus, "P001") == [(SSF, line, col)]


def test_eleven_kommuner_as_a_word(corpus: Path) -> None:
    _need(SSF)
    text = _edit(corpus, SSF, "hver af de 11 kommuner", "hver af de ti kommuner")
    line, col = _pos(text, "ti kommuner")
    assert _findings(corpus, "P001") == [(SSF, line, col)]


def test_meetings_in_prose(corpus: Path) -> None:
    _need(SSF)
    text = _edit(corpus, SSF, "Som udgangspunkt afholdes 4 møder årligt.",
                 "Som udgangspunkt afholdes seks møder årligt.")
    line, col = _pos(text, "seks møder årligt")
    assert _findings(corpus, "P002") == [(SSF, line, col)]


def test_suppression_in_the_corpus(corpus: Path) -> None:
    _need(SSF)
    _edit(corpus, SSF, "hver af de 11 kommuner", "hver af de 12 kommuner")
    text = (corpus / SSF).read_text(encoding="utf-8")
    text += "undertryk:\n  - regel: prosa.antal-i-registret\n    begrundelse: Kilden skriver 12.\n"
    (corpus / SSF).write_text(text, encoding="utf-8")
    result = check([corpus], cwd=corpus)
    assert not [p for p in result.problems if p.code in ("P001", "K001")]


def test_member_count_of_a_frame_is_the_range_over_its_klynger(tmp_path: Path) -> None:
    from kommissorium.corpus import load_corpus

    root = tmp_path / "charters"
    (root / "syd").mkdir(parents=True)
    (root / "syd" / "ramme.yaml").write_text(
        "navn: Ramme\ntype: fagligt-strategisk\nområde: region-syddanmark\nramme: true\n"
        "sammensætning:\n  medlemmer:\n"
        "    - {rolle: repræsentant, fra: region-syddanmark, antal: 3}\n"
        "    - {rolle: direktør, for-hver: kommune}\n"
        "    - {rolle: praktiserende læge, udpeget-af: plo-syddanmark, antal: 2}\n"
        "    - {rolle: fagperson, efter-behov: true}\n",
        encoding="utf-8")
    for key in ("fyn", "lillebaelt"):
        (root / "syd" / f"{key}.yaml").write_text(
            f"navn: Klynge {key}\ntype: fagligt-strategisk\nområde: klynge-syddanmark-{key}\n"
            "udbygger: syd/ramme\n", encoding="utf-8")
    cs = load_corpus(root, tmp_path)
    assert str(cs.member_count("syd/fyn")) == "14"         # 3 + 9 kommuner + 2
    assert str(cs.member_count("syd/lillebaelt")) == "9"   # 3 + 4 kommuner + 2
    assert str(cs.member_count("syd/ramme")) == "9-14"
    assert [f.id for f in cs.derived_from("syd/ramme")] == ["syd/fyn", "syd/lillebaelt"]


def test_a_2022_charter_naming_the_sundhedskoordinationsudvalg(corpus: Path) -> None:
    _need(NORD_FS, "nordjylland/sundhedskoordinationsudvalget.yaml")
    text = _edit(corpus, NORD_FS, "  opgaver-fra: nordjylland/strategisk-sundhedsforum\n",
                 "  opgaver-fra: nordjylland/sundhedskoordinationsudvalget\n")
    line, col = _pos(text, "nordjylland/sundhedskoordinationsudvalget")
    result = check([corpus], cwd=corpus)
    found = [p for p in result.problems if p.code == "N003"]
    assert [(p.file, p.line, p.column) for p in found] == [(NORD_FS, line, col)]
    assert "30. juni 2022" in found[0].message and "august 2022" in found[0].message


def test_a_2022_text_naming_the_sundhedskoordinationsudvalg(corpus: Path) -> None:
    _need(NORD_FS, "nordjylland/sundhedskoordinationsudvalget.yaml")
    text = _edit(corpus, NORD_FS, "tilgængelige på Sundhedsaftalens hjemmeside.",
                 "tilgængelige på Sundhedsaftalens hjemmeside og sendes til Sundhedskoordinationsudvalget.")
    line, col = _pos(text, "Sundhedskoordinationsudvalget.")
    assert _findings(corpus, "N004") == [(NORD_FS, line, col)]
