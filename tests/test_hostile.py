"""The bad-input corpus (tests/hostile/): every hostile file gives a located Danish problem with
its code, exit code 1, no traceback, within a time bound; `validate` goes on past bad files and
reports all of them; good files that look hostile (BOM, CRLF, YAML 1.1 traps) load cleanly.

The corpus is written by tests/hostile/make_corpus.py; tests/hostile/expected.tsv says which
code each file must give, and where.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from kommissorium.check import check
from kommissorium.problems import Severity

HOSTILE = Path(__file__).resolve().parent / "hostile"
CORPUS = HOSTILE / "corpus"

#: Wall time allowed for validating one small hostile file in-process (measured: ≤ 0.05 s).
PER_FILE_SECONDS = 2.0

#: Words that betray an untranslated parser or pydantic message.
ENGLISH = re.compile(
    r"\b(the|found|expected|while|scanning|parsing|error|should|not|allowed|input|field|"
    r"required|invalid|character|unacceptable|stream|token|value is)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Row:
    name: str
    code: str
    line: int
    column: int
    place: str
    note: str

    @property
    def bad(self) -> bool:
        return bool(self.code)


def _rows() -> list[Row]:
    rows = []
    for raw in (HOSTILE / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        name, code, line, column, place, note = raw.split("\t")
        rows.append(Row(name, code, int(line), int(column), place, note))
    return rows


ROWS = _rows()
BAD = [r for r in ROWS if r.bad]
GOOD = [r for r in ROWS if not r.bad and not r.note.startswith("companion")]
COMPANIONS = [r for r in ROWS if r.note.startswith("companion")]


def _install(root: Path, rows: list[Row]) -> None:
    for r in rows:
        dst = root / "charters" / r.place
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / r.name, dst)


def test_corpus_is_complete():
    on_disk = {p.name for p in CORPUS.iterdir()}
    listed = {r.name for r in ROWS}
    assert on_disk == listed, "run python3 tests/hostile/make_corpus.py"
    assert len(BAD) >= 60
    # Every loader code is exercised by at least one file.
    codes = {r.code for r in BAD}
    for code in [f"Y{n:03d}" for n in range(1, 12)] + ["S001", "S002", "S003", "S004", "S005", "R001"]:
        assert code in codes, code


@pytest.mark.parametrize("row", BAD, ids=[r.name for r in BAD])
def test_hostile_file_gives_located_danish_problem(row: Row, tmp_path: Path):
    _install(tmp_path, [row, *COMPANIONS])
    start = time.perf_counter()
    result = check([], cwd=tmp_path)
    elapsed = time.perf_counter() - start
    assert elapsed < PER_FILE_SECONDS
    assert result.exit_code() == 1
    mine = [p for p in result.problems if p.file == f"charters/{row.place}"]
    where = [(p.code, p.line, p.column) for p in mine]
    assert (row.code, row.line, row.column) in where, f"{row.note}: got {where}"
    for p in mine:
        assert p.severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        assert p.line >= 1 and p.column >= 1
        assert not ENGLISH.search(p.message), p.message
        assert re.search(r"[a-zæøå]", p.message)


@pytest.mark.parametrize("row", GOOD, ids=[r.name for r in GOOD])
def test_hostile_looking_good_file_loads(row: Row, tmp_path: Path):
    _install(tmp_path, [row])
    result = check([], cwd=tmp_path)
    loading = [p for p in result.problems if p.code[0] in "YS"]
    assert loading == []
    cs = result.corpora[0]
    (f,) = cs.files
    assert f.charter is not None


def test_yaml11_traps_stay_text(tmp_path: Path):
    """`NO` (Norway), `1_000`, `on`, `12:30` and a date where text belongs stay as written."""
    row = next(r for r in GOOD if r.name == "godt-yaml11-faelder.yaml")
    _install(tmp_path, [row])
    charter = check([], cwd=tmp_path).corpora[0].files[0].charter
    assert charter.short_name == "NO"
    assert charter.version == "2022-06-23"  # a date where text belongs stays that text
    assert charter.other_names == ["on", "off", "yes", "no", "1_000"]
    assert charter.title == "12:30"  # YAML 1.1 would read 750 (base 60)
    assert charter.date is not None and charter.date.iso() == "2022-06-23"
    assert "{{ 7*7 }}" in charter.source and "<script>" in charter.source


def test_bom_crlf_and_unicode_survive(tmp_path: Path):
    rows = [r for r in GOOD if r.name in ("godt-bom-crlf.yaml", "godt-unicode.yaml")]
    _install(tmp_path, rows)
    cs = check([], cwd=tmp_path).corpora[0]
    names = {f.path.name: f.charter.name for f in cs.files}
    assert names["godt-bom-crlf.yaml"] == "Fælles Testudvalg"
    assert names["godt-unicode.yaml"] == "Ærø–Østjysk Sundhedsråd “2024” ☃ 𝔘"


def _run_cli(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    env.pop("KOMMISSORIUM_DEBUG", None)
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "kommissorium", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
    )


@pytest.fixture(scope="module")
def whole_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every hostile and good file in one charters/ folder, plus a symlink out of it."""
    root = tmp_path_factory.mktemp("hostile-repo")
    _install(root, ROWS)
    outside = root / "uden-for.yaml"
    outside.write_text("navn: Hemmelig\ntype: forum\nområde: region-nordjylland\n", encoding="utf-8")
    (root / "charters" / "hostile" / "symlink-ud.yaml").symlink_to(outside)
    (root / "charters" / "hostile" / "symlink-passwd.yaml").symlink_to("/etc/passwd")
    return root


def test_validate_goes_on_and_reports_every_bad_file(whole_corpus: Path):
    proc = _run_cli(["validate", "--format", "json"], whole_corpus)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    doc = json.loads(proc.stdout)
    by_file: dict[str, set[tuple[str, int, int]]] = {}
    for p in doc["problems"]:
        by_file.setdefault(p["file"], set()).add((p["code"], p["line"], p["column"]))
    for row in BAD:
        got = by_file.get(f"charters/{row.place}", set())
        assert (row.code, row.line, row.column) in got, row.name
    assert ("Y012", 1, 1) in by_file["charters/hostile/symlink-ud.yaml"]
    assert ("Y012", 1, 1) in by_file["charters/hostile/symlink-passwd.yaml"]
    for row in GOOD:
        assert not any(c[0] in "YS" for c, *_ in by_file.get(f"charters/{row.place}", set())), row.name
    assert doc["files"] == len(ROWS) + 2


def test_validate_text_output_names_every_bad_file(whole_corpus: Path):
    proc = _run_cli(["validate"], whole_corpus)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "intern fejl" not in proc.stderr
    for row in BAD:
        assert f"charters/{row.place}:{row.line}:{row.column}: fejl {row.code}" in proc.stdout, row.name
    # Nothing from /etc/passwd reaches the log.
    assert "root:" not in proc.stdout


def test_fmt_check_and_render_survive_the_corpus(whole_corpus: Path, tmp_path: Path):
    fmt = _run_cli(["fmt", "--check"], whole_corpus)
    assert fmt.returncode in (1, 2), fmt.stderr
    assert "Traceback" not in fmt.stdout + fmt.stderr
    assert "intern fejl" not in fmt.stderr
    out = tmp_path / "ud"
    render = _run_cli(["render", "-o", str(out), "-f", "html,md", "-j", "1", "-q"], whole_corpus)
    assert render.returncode == 1, render.stderr
    assert "Traceback" not in render.stdout + render.stderr
    assert "intern fejl" not in render.stderr
    # Every file stayed inside the output folder.
    for p in out.rglob("*"):
        assert out.resolve() in p.resolve().parents


def test_symlink_out_of_charters_is_refused_not_read(tmp_path: Path):
    _install(tmp_path, [])
    (tmp_path / "charters" / "a").mkdir(parents=True)
    secret = tmp_path / "hemmelig.yaml"
    secret.write_text("navn: Hemmelig\n", encoding="utf-8")
    (tmp_path / "charters" / "a" / "link.yaml").symlink_to(secret)
    result = check([], cwd=tmp_path)
    (p,) = [p for p in result.problems if p.file == "charters/a/link.yaml"]
    assert p.code == "Y012" and "symlink" in p.message
    assert "Hemmelig" not in p.message
    assert result.exit_code() == 1


def test_symlink_inside_charters_is_read(tmp_path: Path):
    (tmp_path / "charters" / "a").mkdir(parents=True)
    row = next(r for r in GOOD if r.name == "godt-unicode.yaml")
    real = tmp_path / "charters" / "a" / "rigtig.yaml"
    shutil.copyfile(CORPUS / row.name, real)
    (tmp_path / "charters" / "a" / "alias.yaml").symlink_to("rigtig.yaml")
    cs = check([], cwd=tmp_path).corpora[0]
    assert sorted(cs.by_id) == ["a/alias", "a/rigtig"]


def test_fifo_and_device_are_refused(tmp_path: Path):
    """A named pipe would block the reader forever; /dev/zero would never end."""
    (tmp_path / "charters" / "a").mkdir(parents=True)
    os.mkfifo(tmp_path / "charters" / "a" / "roer.yaml")
    (tmp_path / "charters" / "a" / "nul.yaml").symlink_to("/dev/zero")
    start = time.perf_counter()
    result = check([], cwd=tmp_path)
    assert time.perf_counter() - start < PER_FILE_SECONDS
    codes = {(p.file, p.code) for p in result.problems}
    assert ("charters/a/roer.yaml", "Y012") in codes
    assert ("charters/a/nul.yaml", "Y012") in codes


def test_registry_symlink_out_is_refused(tmp_path: Path):
    reg = tmp_path / "charters" / "_register"
    reg.mkdir(parents=True)
    (reg / "ekstra.yaml").symlink_to("/etc/passwd")
    result = check([], cwd=tmp_path)
    assert ("charters/_register/ekstra.yaml", "Y012") in {(p.file, p.code) for p in result.problems}


@pytest.mark.parametrize("name", ["Æble.yaml", "med mellemrum.yaml", "STOR.yaml", "esc\x1b[31mrød.yaml"])
def test_file_name_that_is_no_id_is_reported(name: str, tmp_path: Path):
    """Ids come from paths; a path others cannot refer to (or that colours a terminal) is an error."""
    folder = tmp_path / "charters" / "nord"
    folder.mkdir(parents=True)
    shutil.copyfile(CORPUS / "godt-unicode.yaml", folder / name)
    result = check([], cwd=tmp_path)
    (p,) = [p for p in result.problems if p.code == "S005"]
    assert p.file == f"charters/nord/{name}" and (p.line, p.column) == (1, 1)
    assert "gyldigt id" in p.message and "\x1b" not in p.message
    assert result.exit_code() == 1


def test_diff_reports_committed_symlinks_without_following_them(tmp_path: Path):
    """Before: `diff` stopped with an internal error (tarfile AbsoluteLinkError)."""
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "test@example.org")
    git("config", "user.name", "Test")
    _install(tmp_path, [r for r in GOOD if r.name == "godt-unicode.yaml"])
    git("add", ".")
    git("commit", "-qm", "første")
    (tmp_path / "charters" / "hostile" / "passwd.yaml").symlink_to("/etc/passwd")
    (tmp_path / "charters" / "hostile" / "op.yaml").symlink_to("../../../ude.yaml")
    git("add", ".")
    git("commit", "-qm", "links")
    proc = _run_cli(["diff", "HEAD~1", "HEAD"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr and "intern fejl" not in proc.stderr
    assert "charters/hostile/passwd.yaml:1:1: fejl Y012" in proc.stdout
    assert "charters/hostile/op.yaml:1:1: fejl Y012" in proc.stdout
    assert "root:" not in proc.stdout
