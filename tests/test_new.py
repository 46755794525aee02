"""`kommissorium new`: a charter from a frame or a type, non-interactively."""

from __future__ import annotations


from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.corpus import load_corpus
from kommissorium.fmt import format_text

FRAME = """\
navn: Rammen for klyngerne
type: fagligt-strategisk
ramme: true
område: region-nordjylland
formål: At samle klyngerne.
sammensætning:
  medlemmer:
    - antal: 1
      rolle: sundhedsdirektør
      for-hver: kommune
møder:
  pr-år: {mindst: 4}
"""


def invoke(*args: str):
    return CliRunner().invoke(app, ["new", *args])


def test_from_a_type(repo) -> None:
    result = invoke("nordjylland/nyt-forum", "--navn", "Nyt forum: test", "--type", "forum",
                    "--område", "region-nordjylland", "--møder", "3-4", "--formål", "At mødes.")
    assert result.exit_code == 0, result.output
    path = repo.root / "charters" / "nordjylland" / "nyt-forum.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/kommissorium.schema.json\n")
    assert 'navn: "Nyt forum: test"\ntype: forum\nområde: region-nordjylland\n' in text
    assert 'pr-år: "3-4"' in text and "formål: |\n  At mødes.\n" in text
    assert format_text(text) == text  # written in canonical fmt order
    c = load_corpus(repo.root / "charters").charter("nordjylland/nyt-forum")
    assert c is not None and c.meetings.per_year.maximum == 4


def test_from_a_frame_inherits(repo) -> None:
    repo("nordjylland/ramme.yaml", FRAME)
    result = invoke("nordjylland/klynge-nord/fagligt", "--navn", "Fagligt niveau i Klynge Nord",
                    "--fra-ramme", "nordjylland/ramme")
    assert result.exit_code == 0, result.output
    path = repo.root / "charters" / "nordjylland" / "klynge-nord" / "fagligt.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schema/kommissorium.schema.json\n")
    assert "udbygger: nordjylland/ramme\n" in text
    assert "type: fagligt-strategisk\n" in text and "område: region-nordjylland\n" in text
    assert "sammensætning:" not in text.replace("# sammensætning", "")
    cs = load_corpus(repo.root / "charters")
    eff = cs.effective("nordjylland/klynge-nord/fagligt")
    assert eff.meetings.per_year.minimum == 4  # from the frame
    assert cs.member_count("nordjylland/klynge-nord/fagligt").low == 11


def test_refuses_overwrite_and_bad_input(repo) -> None:
    repo("nordjylland/findes.yaml", FRAME)
    before = (repo.root / "charters" / "nordjylland" / "findes.yaml").read_bytes()
    result = invoke("nordjylland/findes", "--navn", "X", "--type", "forum",
                    "--område", "region-nordjylland")
    assert result.exit_code == 2 and "overskriver ikke" in result.output
    assert (repo.root / "charters" / "nordjylland" / "findes.yaml").read_bytes() == before
    result = invoke("nordjylland/x", "--navn", "X", "--type", "foum", "--område", "region-nordjylland")
    assert result.exit_code == 2 and "Mente du 'forum'?" in result.output
    result = invoke("nordjylland/x", "--navn", "X", "--type", "forum", "--område", "region-nordjyland")
    assert result.exit_code == 2 and "Mente du 'region-nordjylland'?" in result.output
    result = invoke("Nordjylland/Æble", "--navn", "X", "--type", "forum",
                    "--område", "region-nordjylland")
    assert result.exit_code == 2 and "ikke et gyldigt id" in result.output
    result = invoke("nordjylland/x", "--navn", "X", "--fra-ramme", "nordjylland/ramm")
    assert result.exit_code == 2 and "Rammen 'nordjylland/ramm' findes ikke" in result.output
    result = invoke("nordjylland/x", "--navn", "X", "--type", "forum",
                    "--område", "region-nordjylland", "--møder", "hver uge")
    assert result.exit_code == 2 and "--møder" in result.output
    result = invoke("nordjylland/x", "--type", "forum", "--område", "region-nordjylland")
    assert result.exit_code == 2 and "--navn" in result.output
    assert not (repo.root / "charters" / "nordjylland" / "x.yaml").exists()
    assert "Traceback" not in result.output


def test_suggest_prefers_keys_containing_the_typed_text():
    from kommissorium.model.validate import suggest

    keys = ["klynge-midt", "klynge-nordjylland-syd", "klynge-nordjylland-nord", "region-nordjylland"]
    assert suggest("klynge-nord", keys) == "klynge-nordjylland-nord"
    assert suggest("nordjylland-nord", keys) == "klynge-nordjylland-nord"
    assert suggest("klynge-midtt", keys) == "klynge-midt"
