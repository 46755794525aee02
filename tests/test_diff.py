"""`kommissorium diff` on a temporary git repository: each change said in Danish."""

from __future__ import annotations

import re

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.diff import word_diff

FORUM = """\
# yaml-language-server: $schema=../../schema/kommissorium.schema.json
navn: Testforum A
type: forum
område: region-nordjylland
opgaver:
  - At drøfte den strategiske retning for sundhedsområdet i regionen.
  - At følge op på samarbejdsaftaler.
sammensætning:
  medlemmer:
    - antal: 1
      rolle: direktør
      for-hver: kommune
    - antal: 2
      rolle: repræsentant
      fra: region-nordjylland
formandskab:
  delt-mellem: [kommuner, region]
møder:
  pr-år: 4
relationer:
  refererer-til: nordjylland/udvalg-b
"""

UDVALG = """\
# yaml-language-server: $schema=../../schema/kommissorium.schema.json
navn: Udvalg B
type: udvalg
område: region-nordjylland
formål: Udvalget koordinerer samarbejdet.
relationer:
  opgaver-fra: nordjylland/forum-a
"""

ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **ENV}, check=True)
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "repo"
    (folder / "charters" / "nordjylland").mkdir(parents=True)
    (folder / "charters" / "nordjylland" / "forum-a.yaml").write_text(FORUM, encoding="utf-8")
    (folder / "charters" / "nordjylland" / "udvalg-b.yaml").write_text(UDVALG, encoding="utf-8")
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "charters")
    git(folder, "commit", "-q", "-m", "base")
    monkeypatch.chdir(folder)
    return folder


def edit(repo: Path, name: str, old: str, new: str) -> None:
    path = repo / "charters" / "nordjylland" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(*args: str):
    return CliRunner().invoke(app, ["diff", *args])


def test_no_change_says_so(repo: Path) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    assert "Ingen ændringer i kommissorierne" in result.output


def test_working_tree_changes_in_danish(repo: Path) -> None:
    edit(repo, "forum-a.yaml", "pr-år: 4", "pr-år: 6")
    edit(repo, "forum-a.yaml", "      fra: region-nordjylland\n",
         "      fra: region-nordjylland\n    - antal: 1\n      rolle: praktiserende læge\n"
         "      udpeget-af: region-nordjylland\n")
    edit(repo, "forum-a.yaml", "At følge op på samarbejdsaftaler.",
         "At følge op på og revidere samarbejdsaftaler.")
    edit(repo, "udvalg-b.yaml", "navn: Udvalg B", "navn: Sundhedsudvalg B")
    result = run()
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Ændret: Testforum A (charters/nordjylland/forum-a.yaml)" in out
    assert "Mødefrekvensen ændres fra fire til seks møder årligt." in out  # the phrasebook's phrase
    assert "Ny plads: 1 praktiserende læge udpeget af Region Nordjylland." in out
    # 11 kommuner in Nordjylland + 2 + 1
    assert "I alt fra 13 til 14 faste medlemmer." in out
    assert "Opgave omformuleret: »At følge op på og revidere samarbejdsaftaler«." in out
    assert "{+og revidere+}" in out
    assert "Navnet ændres fra »Udvalg B« til »Sundhedsudvalg B«." in out
    assert "Nye fund" not in out


def test_broken_rule_is_a_new_finding_and_fix_resolves_it(repo: Path) -> None:
    edit(repo, "forum-a.yaml", "refererer-til: nordjylland/udvalg-b",
         "refererer-til: nordjylland/udvalg-x")
    result = run("--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    introduced = data["findings"]["introduced"]
    assert [p["code"] for p in introduced] == ["R001"]
    assert "nordjylland/udvalg-x" in introduced[0]["message"]
    assert introduced[0]["file"] == "charters/nordjylland/forum-a.yaml"
    changes = [c["text"] for c in data["charters"][0]["changes"]]
    assert "Ny relation: refererer til nordjylland/udvalg-x." in changes
    assert "Relationen fjernes: refererer til Udvalg B." in changes
    # --strict turns a new error into exit 1
    assert run("--strict").exit_code == 1
    # commit the breakage; the diff back to the good state resolves it
    git(repo, "commit", "-qam", "break")
    back = run("HEAD", "HEAD~1", "--format", "json")
    assert back.exit_code == 0, back.output
    resolved = json.loads(back.output)["findings"]["resolved"]
    assert [p["code"] for p in resolved] == ["R001"]


def test_an_unreadable_charter_is_said_once_without_a_member_total(repo: Path) -> None:
    edit(repo, "forum-a.yaml", "pr-år: 4", "pr-år: [4")
    out = run().output
    assert "Kommissoriet kan ikke længere læses (se de nye fund)." in out
    assert "nu ingen angivet" not in out  # not a member total that dropped to none
    git(repo, "commit", "-qam", "break")
    edit(repo, "forum-a.yaml", "pr-år: [4", "pr-år: 4")
    again = run().output
    assert "Kommissoriet kan nu læses igen." in again
    assert "faste medlemmer" not in again


def test_two_revisions_and_markdown(repo: Path) -> None:
    edit(repo, "forum-a.yaml", "    - antal: 2\n      rolle: repræsentant\n      fra: region-nordjylland\n",
         "")
    git(repo, "commit", "-qam", "remove seat")
    result = run("HEAD~1", "HEAD", "--format", "markdown")
    assert result.exit_code == 0, result.output
    # charter text in the comment is escaped (every punctuation mark; issue 13): compare the text
    # as it reads
    out = re.sub(r"\\(.)", r"\1", result.output).replace("\u2060", "")
    assert out.startswith("## Ændringer i kommissorierne")
    assert "### Ændret: Testforum A" in out
    assert "- Plads fjernet: 2 repræsentanter fra Region Nordjylland." in out
    assert "- I alt fra 13 til 11 faste medlemmer." in out


def test_moved_charter_is_a_rename_with_the_broken_reference(repo: Path) -> None:
    git(repo, "mv", "charters/nordjylland/udvalg-b.yaml", "charters/nordjylland/udvalg-c.yaml")
    result = run("--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    moved = [c for c in data["charters"] if c["status"] == "flyttet"]
    assert len(moved) == 1
    assert moved[0]["old_id"] == "nordjylland/udvalg-b"
    assert moved[0]["id"] == "nordjylland/udvalg-c"
    assert "id ændret fra nordjylland/udvalg-b til nordjylland/udvalg-c" in moved[0]["changes"][0]["text"]
    assert not [c for c in data["charters"] if c["status"] in ("tilføjet", "fjernet")]
    codes = sorted(p["code"] for p in data["findings"]["introduced"])
    assert codes == ["R001"]


def test_added_and_removed(repo: Path) -> None:
    (repo / "charters" / "nordjylland" / "udvalg-b.yaml").unlink()
    (repo / "charters" / "nordjylland" / "ny-gruppe.yaml").write_text(
        "navn: Ny gruppe\ntype: arbejdsgruppe\nområde: region-nordjylland\n"
        "sammensætning:\n  medlemmer:\n    - antal: 3\n      rolle: konsulent\n"
        "møder:\n  pr-år: ca. 10\n", encoding="utf-8")
    out = run().output
    assert "Tilføjet: Ny gruppe" in out
    assert "med 3 faste medlemmer; ca. 10 møder årligt." in out
    assert "Fjernet: Udvalg B" in out
    assert "Kommissoriet for Udvalg B fjernes." in out


def test_bad_revision_and_not_a_repository(repo: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("findes-ikke")
    assert result.exit_code == 2
    assert "ukendt git-revision 'findes-ikke'" in result.output
    assert "Traceback" not in result.output
    assert run("--format", "xml").exit_code == 2
    outside = tmp_path / "ikke-git"
    (outside / "charters").mkdir(parents=True)
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run()
    assert result.exit_code == 2
    assert "ikke i et git-repositorium" in result.output


def test_word_diff_marks_words() -> None:
    words = word_diff("a b c", "a x c")
    assert ("slettet", "b") in words and ("tilføjet", "x") in words
    assert "".join(t for op, t in words if op != "slettet") == "a x c"


def test_seat_is_described_in_the_documents_words(tmp_path):
    """The diff names a seat exactly as the rendered document does (plural, registry expansion)."""
    from kommissorium.corpus import load_corpus
    from kommissorium.diff import describe_seat

    folder = tmp_path / "charters" / "nord"
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text(
        "navn: Udvalget\ntype: forum\nområde: klynge-nordjylland-nord\n"
        "sammensætning:\n  medlemmer:\n"
        "    - {antal: 3, rolle: praktiserende læge, udpeget-af: plo-nordjylland}\n"
        "    - {antal: 1, rolle: praktiserende læge}\n"
        "    - {rolle: sundhedsdirektør, for-hver: kommune}\n",
        encoding="utf-8")
    cs = load_corpus(tmp_path / "charters")
    three, one, each = cs.charter("nord/a").composition.members
    assert describe_seat(three, cs, "nord/a") == "3 praktiserende læger udpeget af PLO-Nordjylland"
    assert describe_seat(one, cs, "nord/a") == "1 praktiserende læge"
    assert describe_seat(each, cs, "nord/a").startswith(
        "1 sundhedsdirektør fra hver af de 4 kommuner")

def test_control_characters_in_a_file_name_do_not_reach_the_terminal(repo: Path) -> None:
    """A file named with an ESC byte (a terminal escape) is shown as \\x1b in text and Markdown."""
    hostile = repo / "charters" / "nordjylland" / "ond\x1b[31mfil.yaml"
    hostile.write_text(UDVALG.replace("Udvalg B", "Udvalg \x1b[2J C"), encoding="utf-8")
    for fmt in ("text", "markdown"):
        result = run("--format", fmt)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output
        assert "ond\\x1b[31mfil" in result.output  # the new file's problems and its entry
        assert "Nye fund" in result.output
    data = json.loads(run("--format", "json").output)  # JSON escapes it itself
    assert any("\x1b" in p["file"] for p in data["findings"]["introduced"])


def test_reading_a_revision_writes_only_inside_its_folder(tmp_path: Path) -> None:
    """A revision's charters are read from git's tree (``ls-tree``/``cat-file``: no tar archive,
    so neither tarfile's ``filter`` argument, absent before Python 3.11.4, nor ``.gitattributes``
    matter): files are written inside the folder, links are made last and never followed."""
    from kommissorium.diff.git import extract

    top = tmp_path / "repo"
    (top / "charters").mkdir(parents=True)
    (top / "charters" / "a.yaml").write_text("navn: A\n", encoding="utf-8")
    (top / "charters" / "link.yaml").symlink_to("/etc/passwd")
    (top / ".gitattributes").write_text("charters/a.yaml export-ignore\n", encoding="utf-8")
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-qm", "x")
    dest = tmp_path / "rev"
    dest.mkdir()
    assert extract(top, "HEAD", "charters", dest)
    assert (dest / "charters" / "a.yaml").read_bytes() == b"navn: A\n"
    assert (dest / "charters" / "link.yaml").is_symlink()
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*")) == [
        "charters", "charters/a.yaml", "charters/link.yaml"]
    assert not extract(top, "HEAD", "ingen", dest)
