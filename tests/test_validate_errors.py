"""Issue #2: each kind of bad charter gives its code at the exact file, line and column."""

from __future__ import annotations

from pathlib import Path

from kommissorium.check import check


def only(result, code):
    hits = [p for p in result.problems if p.code == code]
    assert hits, f"no {code} in {[(p.code, p.message) for p in result.problems]}"
    return hits


def test_unknown_key_suggests_the_danish_key(repo):
    repo("nord/a.yaml", """\
        navn: Testudvalget
        type: forum
        område: region-nordjylland
        formaal: At afprøve.
        """)
    result = check([])
    (p,) = only(result, "S001")
    assert (p.file, p.line, p.column) == ("charters/nord/a.yaml", 4, 1)
    assert "Ukendt nøgle 'formaal'" in p.message and "Mente du 'formål'?" in p.message
    assert result.exit_code() == 1


def test_unknown_nested_key_is_located_at_the_key(repo):
    repo("nord/a.yaml", """\
        navn: Testudvalget
        type: forum
        område: region-nordjylland
        møder:
          pr-år: 4
          varighed: 2
        """)
    (p,) = only(check([]), "S001")
    assert (p.line, p.column) == (6, 3)
    assert "Mente du 'varighed-timer'?" in p.message


def test_wrong_type_quotes_the_value(repo):
    repo("nord/a.yaml", """\
        navn: 2022
        type: forum
        område: region-nordjylland
        """)
    (p,) = only(check([]), "S002")
    assert (p.line, p.column) == (1, 7)
    assert "'navn' skal være tekst, men er tallet 2022" in p.message
    assert "anførselstegn" in p.message


def test_wrong_type_in_a_list_item(repo):
    repo("nord/a.yaml", """\
        navn: Testudvalget
        type: forum
        område: region-nordjylland
        sammensætning:
          medlemmer:
            - rolle: direktør
              antal: mange
        """)
    (p,) = only(check([]), "S004")
    assert (p.line, p.column) == (7, 14)
    assert "'mange' er ikke et antal" in p.message


def test_missing_field_is_reported_at_its_parent(repo):
    repo("nord/a.yaml", """\
        type: forum
        område: region-nordjylland
        sammensætning:
          medlemmer:
            - antal: 2
        """)
    problems = only(check([]), "S003")
    messages = {(p.line, p.column, p.message) for p in problems}
    assert (1, 1, "Feltet 'navn' mangler.") in messages
    assert (5, 7, "Feltet 'rolle' mangler i 'sammensætning.medlemmer[1]'.") in messages


def test_enum_value_suggests(repo):
    repo("nord/a.yaml", """\
        navn: Testudvalget
        type: fagligt strategisk
        område: region-nordjylland
        """)
    (p,) = only(check([]), "S004")
    assert (p.line, p.column) == (2, 7)
    assert "Mente du 'fagligt-strategisk'?" in p.message


def test_duplicate_key(repo):
    repo("nord/a.yaml", """\
        navn: Testudvalget
        type: forum
        navn: Andet navn
        område: region-nordjylland
        """)
    (p,) = only(check([]), "Y002")
    assert (p.line, p.column) == (3, 1)
    assert "'navn' står to gange; første gang på linje 1" in p.message


def test_syntax_error(repo):
    repo("nord/a.yaml", """\
        navn: Testudvalget
        type: forum
        opgaver: [a, b
        område: region-nordjylland
        """)
    (p,) = only(check([]), "Y001")
    assert p.file == "charters/nord/a.yaml"
    assert p.line == 4 and p.column >= 1
    assert "YAML-syntaksfejl" in p.message


def test_tab_indentation(repo):
    path = repo("nord/a.yaml", "navn: X\ntype: forum\nområde: region-nordjylland\nmøder:\n\tpr-år: 4\n")
    (p,) = only(check([]), "Y003")
    assert (p.line, p.column) == (5, 1)
    assert path.exists()


def test_unknown_reference_suggests_nearest(repo):
    repo("nord/ssu.yaml", """\
        navn: Sundhedssamarbejdsudvalget
        type: politisk
        område: region-nordjylland
        """)
    repo("nord/a.yaml", """\
        navn: Testudvalget
        type: forum
        område: region-nordjylland
        relationer:
          refererer-til: nord/ssu
          forbereder-for:
            - nord/ssuu
        sammensætning:
          medlemmer:
            - rolle: praktiserende læge
              fra: plo-nordjyland
        """)
    problems = only(check([]), "R001")
    got = {(p.line, p.column, p.message) for p in problems}
    assert (7, 7, "Henvisningen 'nord/ssuu' findes ikke (intet kommissorium med det id). "
            "Mente du 'nord/ssu'?") in got
    assert any(line == 11 and col == 12 and "Mente du 'plo-nordjylland'?" in msg
               for line, col, msg in got)


def test_id_must_match_path(repo):
    repo("nord/a.yaml", """\
        id: nord/b
        navn: Testudvalget
        type: forum
        område: region-nordjylland
        """)
    (p,) = only(check([]), "S005")
    assert (p.line, p.column) == (1, 5)
    assert "'nord/a'" in p.message


def test_every_file_is_reported_not_just_the_first(repo):
    for i in range(3):
        repo(f"nord/bad{i}.yaml", "navn: [\n")
    repo("nord/good.yaml", "navn: God\ntype: forum\nområde: region-nordjylland\n")
    result = check([])
    assert sorted({p.file for p in result.problems if p.severity.value == "fejl"}) == [
        f"charters/nord/bad{i}.yaml" for i in range(3)
    ]
    assert result.files == 4


def test_yaml_12_semantics_keep_no_as_a_string(repo):
    repo("nord/a.yaml", """\
        navn: no
        type: forum
        område: region-nordjylland
        """)
    result = check([])
    assert result.problems == []
    (cs,) = result.corpora
    assert cs.charter("nord/a").name == "no"


def test_windows_file_with_bom_and_crlf_is_accepted(repo):
    path = repo("nord/a.yaml", "")
    path.write_bytes(b"\xef\xbb\xbfnavn: Udvalg\r\ntype: forum\r\nomr\xc3\xa5de: region-nordjylland\r\n")
    assert check([]).problems == []


def test_latin1_file_is_located(repo):
    path = repo("nord/a.yaml", "")
    path.write_bytes(b"navn: Udvalg\ntype: forum\nform\xe5l: x\n")
    (p,) = only(check([]), "Y004")
    assert (p.line, p.column) == (3, 5)
    assert "'å'" in p.message and "UTF-8" in p.message


def test_list_at_top_level(repo):
    repo("nord/a.yaml", "- navn: X\n")
    (p,) = only(check([]), "Y009")
    assert (p.line, p.column) == (1, 1)


def test_empty_file(repo):
    repo("nord/a.yaml", "# kun en kommentar\n")
    (p,) = only(check([]), "Y005")
    assert p.file == "charters/nord/a.yaml"


def test_single_file_resolves_references_against_the_whole_repository(repo):
    repo("nord/ssu.yaml", "navn: SSU\ntype: politisk\nområde: region-nordjylland\n")
    target = repo("nord/a.yaml", """\
        navn: Testudvalget
        type: forum
        område: region-nordjylland
        relationer: {refererer-til: nord/ssu}
        """)
    repo("nord/broken.yaml", "navn: [\n")
    result = check([Path(target)])
    assert result.problems == []
    assert result.files == 1


def test_a_loose_file_is_checked_alone_not_its_whole_folder(tmp_path, monkeypatch):
    """A file outside any charters/ folder (say in /tmp) must not make validate read its folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "udkast.yaml").write_text(
        "navn: Udkast\ntype: forum\nområde: region-nordjylland\n", encoding="utf-8")
    for i in range(5):
        (tmp_path / f"andet{i}.yaml").write_text("ikke: [gyldig\n", encoding="utf-8")
    result = check([tmp_path / "udkast.yaml"])
    assert result.files == 1
    assert [p for p in result.problems if p.severity.value == "fejl"] == []
    # naming the folder itself still checks everything in it
    folder = check([tmp_path])
    assert folder.files == 6
    assert len({p.file for p in folder.problems if p.code == "Y001"}) == 5


def test_explicit_str_tag_makes_text(repo):
    """YAML's own way to say 'this is text': `navn: !!str 2022` is the name "2022"."""
    repo("nord/a.yaml", "navn: !!str 2022\ntype: forum\nområde: region-nordjylland\n")
    result = check([])
    assert [p for p in result.problems if p.severity.value == "fejl"] == []
    (cs,) = result.corpora
    assert cs.charter("nord/a").name == "2022"
