"""A pull request is untrusted input (issue 13): one test per finding, each failing before.

Every test builds a small repository in a temporary folder with a secret where CI keeps its
credentials (``.git/config``) and a secret file outside the repository, then runs the command
as CI would and checks that neither secret reaches any output and nothing outside is written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SECRET = "HEMMELIG-NOEGLE-4711"
CHARTER = "navn: Udvalget\ntype: udvalg\nområde: region-nordjylland\nformål: At prøve.\n"


def _cli(args: list[str], cwd: Path, timeout: float = 120,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    env.pop("KOMMISSORIUM_DEBUG", None)
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "kommissorium", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _no_crash(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-2000:]
    assert "intern fejl" not in proc.stderr, proc.stderr[-2000:]


def _tree_text(folder: Path) -> str:
    """Every file below ``folder`` as text (PDFs: their extracted text too)."""
    out = []
    if not folder.exists():
        return ""
    for p in sorted(folder.rglob("*")):
        if p.is_symlink() or not p.is_file():
            continue
        data = p.read_bytes()
        out.append(data.decode("utf-8", "replace"))
        if p.suffix == ".pdf":
            from pypdf import PdfReader

            try:
                out.extend((page.extract_text() or "") for page in PdfReader(str(p)).pages)
            except Exception:  # noqa: BLE001 - a broken PDF just has no text
                pass
    return "\n".join(out)


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Path]:
    """(repository, a folder outside it): the repository has a charter and a secret in
    .git/config; outside there is a secret charter-shaped file."""
    repo = tmp_path / "repo"
    (repo / "charters" / "nord").mkdir(parents=True)
    (repo / "charters" / "nord" / "udvalg.yaml").write_text(CHARTER, encoding="utf-8")
    (repo / ".git").mkdir()
    (repo / ".git" / "config").write_text(f"[http]\n\textraheader = {SECRET}\n", encoding="utf-8")
    outside = tmp_path / "udenfor"
    outside.mkdir()
    (outside / "secret.yaml").write_text(
        f"navn: {SECRET}\ntype: udvalg\nområde: region-nordjylland\nformål: {SECRET}\n",
        encoding="utf-8")
    return repo, outside


# -- finding 1: secrets reach the rendered documents through templates ------------------------


def test_typst_template_cannot_read_git_config_through_a_symlink(world):
    repo, _ = world
    templates = repo / "templates"
    templates.mkdir()
    (templates / "gitcfg.txt").symlink_to("../.git/config")
    (templates / "kommissorium.typ.j2").write_text(
        '#set document(title: "x")\n#raw(read("gitcfg.txt"))\n', encoding="utf-8")
    proc = _cli(["render", "-o", "ud", "-f", "pdf", "-j", "1", "-q"], repo)
    _no_crash(proc)
    assert SECRET not in proc.stdout + proc.stderr + _tree_text(repo / "ud")
    assert "gitcfg.txt" in proc.stderr  # the refused link is named


def test_jinja_include_cannot_read_git_config_through_a_symlink(world):
    repo, _ = world
    templates = repo / "templates"
    templates.mkdir()
    (templates / "gitcfg.txt").symlink_to("../.git/config")
    (templates / "kommissorium.html.j2").write_text('{% include "gitcfg.txt" %}\n', encoding="utf-8")
    proc = _cli(["render", "-o", "ud", "-f", "html", "-j", "1", "-q"], repo)
    _no_crash(proc)
    assert proc.returncode != 0
    assert SECRET not in proc.stdout + proc.stderr + _tree_text(repo / "ud")
    assert "gitcfg.txt" in proc.stderr


@pytest.mark.parametrize("fmt,body", [
    ("html", '{% include ".git/config" %}\n'),
    ("pdf", '#set document(title: "x")\n#raw(read(".git/config"))\n'),
])
def test_templates_folder_linked_to_the_repository_root_is_refused(world, fmt: str, body: str):
    repo, _ = world
    (repo / "templates").symlink_to(".")
    name = "kommissorium.html.j2" if fmt == "html" else "kommissorium.typ.j2"
    (repo / name).write_text(body, encoding="utf-8")
    proc = _cli(["render", "-o", "ud", "-f", fmt, "-j", "1", "-q"], repo)
    _no_crash(proc)
    assert proc.returncode == 2
    assert "templates" in proc.stderr and "symbolsk" in proc.stderr
    assert SECRET not in proc.stdout + proc.stderr + _tree_text(repo / "ud")


def test_template_folder_with_a_git_folder_is_not_copied_whole(world):
    """`--template .` (the repository root) must not give templates access to .git/config."""
    repo, _ = world
    (repo / "kommissorium.html.j2").write_text('{% include ".git/config" %}\n', encoding="utf-8")
    proc = _cli(["render", "-o", "ud", "-f", "html", "-j", "1", "-q", "--template", "."], repo)
    _no_crash(proc)
    assert SECRET not in proc.stdout + proc.stderr + _tree_text(repo / "ud")


# -- finding 3: a template runs until it is killed ----------------------------------------------


def test_template_with_a_huge_loop_stops_with_a_danish_message(world):
    repo, _ = world
    (repo / "templates").mkdir()
    (repo / "templates" / "kommissorium.html.j2").write_text(
        "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}\n",
        encoding="utf-8")
    started = time.monotonic()
    proc = _cli(["render", "-o", "ud", "-f", "html", "-j", "1", "-q"], repo, timeout=60,
                env={"KOMMISSORIUM_SKABELON_SEKUNDER": "2"})
    elapsed = time.monotonic() - started
    _no_crash(proc)
    assert proc.returncode == 1
    assert "skabelonen kommissorium.html.j2 brugte mere end 2 s" in proc.stderr
    assert elapsed < 30


def test_typst_template_with_a_huge_loop_stops_the_run_with_a_danish_message(world):
    repo, _ = world
    (repo / "templates").mkdir()
    (repo / "templates" / "kommissorium.typ.j2").write_text(
        "#for i in range(99999) { for j in range(99999) { } }\nHej\n", encoding="utf-8")
    started = time.monotonic()
    proc = _cli(["render", "-o", "ud", "-f", "pdf", "-j", "1", "-q"], repo, timeout=60,
                env={"KOMMISSORIUM_PDF_SEKUNDER": "2"})
    _no_crash(proc)
    assert proc.returncode == 2
    assert "Typst brugte mere end 2 s" in proc.stderr
    assert time.monotonic() - started < 30


def test_a_run_stops_at_its_time_budget(world):
    repo, _ = world
    (repo / "templates").mkdir()
    (repo / "templates" / "kommissorium.html.j2").write_text(
        "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}\n",
        encoding="utf-8")
    started = time.monotonic()
    proc = _cli(["render", "-o", "ud", "-f", "html", "-j", "1", "-q"], repo, timeout=60,
                env={"KOMMISSORIUM_TIDSGRAENSE": "2"})
    _no_crash(proc)
    assert proc.returncode == 2
    assert "kørslen brugte mere end 2 s" in proc.stderr
    assert time.monotonic() - started < 30


# -- finding 4: symlinks are contained only during a folder walk -------------------------------


def _link_outside(world) -> tuple[Path, Path, Path]:
    repo, outside = world
    link = repo / "charters" / "nord" / "secret.yaml"
    link.symlink_to(outside / "secret.yaml")
    return repo, outside, link


def test_validate_refuses_a_symlink_named_on_the_command_line(world):
    repo, _, _ = _link_outside(world)
    proc = _cli(["validate", "charters/nord/secret.yaml"], repo)
    _no_crash(proc)
    assert proc.returncode != 0
    assert SECRET not in proc.stdout + proc.stderr
    assert "secret.yaml" in proc.stdout + proc.stderr


def test_render_refuses_a_symlink_named_on_the_command_line(world):
    repo, _, _ = _link_outside(world)
    proc = _cli(["render", "charters/nord/secret.yaml", "-o", "ud", "-f", "md", "-q"], repo)
    _no_crash(proc)
    assert proc.returncode != 0
    assert SECRET not in proc.stdout + proc.stderr + _tree_text(repo / "ud")


def test_fmt_never_rewrites_a_file_outside_the_repository(world):
    repo, outside, _ = _link_outside(world)
    target = outside / "secret.yaml"
    target.write_text("type: udvalg\nnavn:    Hemmelig\nområde: region-nordjylland\n", encoding="utf-8")
    before = target.read_bytes()
    proc = _cli(["fmt", "charters/nord/secret.yaml"], repo)
    _no_crash(proc)
    assert target.read_bytes() == before


def test_a_symlinked_file_in_a_symlinked_folder_named_directly_is_refused(world):
    repo, outside = world
    (repo / "charters" / "ude").symlink_to(outside)
    proc = _cli(["validate", "charters/ude/secret.yaml"], repo)
    _no_crash(proc)
    assert proc.returncode != 0
    assert SECRET not in proc.stdout + proc.stderr


def test_charters_folder_linked_outside_is_refused(world):
    repo, outside = world
    import shutil

    shutil.rmtree(repo / "charters")
    (repo / "charters").symlink_to(outside)
    for args in (["validate"], ["render", "-o", "ud", "-f", "md", "-q"], ["fmt", "--check"]):
        proc = _cli(args, repo)
        _no_crash(proc)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert SECRET not in proc.stdout + proc.stderr + _tree_text(repo / "ud")
        assert "uden for repositoriet" in proc.stderr


def test_configured_charters_folder_outside_is_refused_with_its_line(world):
    repo, outside = world
    (repo / "kommissorium.toml").write_text(f'# indstillinger\ncharters = "{outside}"\n', encoding="utf-8")
    proc = _cli(["validate"], repo)
    _no_crash(proc)
    assert proc.returncode == 2
    assert SECRET not in proc.stdout + proc.stderr
    assert "kommissorium.toml:2:" in proc.stderr
    assert "uden for repositoriet" in proc.stderr


def test_a_symlinked_folder_in_charters_is_named_not_skipped_silently(world):
    repo, outside = world
    (repo / "charters" / "ude").symlink_to(outside)
    proc = _cli(["validate"], repo)
    _no_crash(proc)
    assert SECRET not in proc.stdout + proc.stderr
    assert "charters/ude" in proc.stdout + proc.stderr
    assert "symbolsk" in proc.stdout + proc.stderr


def test_render_does_not_follow_a_symlinked_output_folder(world):
    repo, outside = world
    (repo / "ud").symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    proc = _cli(["render", "-o", "ud", "-f", "html", "-q"], repo)
    _no_crash(proc)
    assert proc.returncode == 2
    assert sorted(p.name for p in outside.iterdir()) == before
    assert "symbolsk" in proc.stderr


def test_committed_build_symlink_is_not_followed_by_default_output(world):
    repo, outside = world
    (repo / "build").symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    for args in (["render", "-f", "md", "-q"], ["site", "--uden-pdf"] if False else ["site"]):
        proc = _cli(args, repo)
        _no_crash(proc)
        assert proc.returncode == 2, (args, proc.stderr)
    assert sorted(p.name for p in outside.iterdir()) == before


# -- finding 5: one long file name stops everybody's render ------------------------------------


@pytest.mark.parametrize("args", [["render", "-o", "ud", "-f", "html,md", "-j", "1", "-q"], ["fmt"]])
def test_a_249_character_file_name_does_not_stop_the_others(world, args):
    repo, _ = world
    long_name = "a" * 244 + ".yaml"  # 249 characters
    (repo / "charters" / "nord" / long_name).write_text(
        CHARTER.replace("navn:    ", "navn: ").replace("navn: Udvalget", "navn:    Langt"), encoding="utf-8")
    (repo / "charters" / "nord" / "zz-sidst.yaml").write_text(
        CHARTER.replace("navn: Udvalget", "navn:    Sidst"), encoding="utf-8")
    proc = _cli(args, repo)
    _no_crash(proc)
    assert "S007" in proc.stdout + proc.stderr or proc.returncode == 0
    if args[0] == "render":
        assert (repo / "ud" / "nord" / "zz-sidst.html").is_file()
        assert (repo / "ud" / "nord" / "udvalg.md").is_file()
    else:
        assert (repo / "charters" / "nord" / "zz-sidst.yaml").read_text(encoding="utf-8").startswith("navn: Sidst")


def test_a_long_file_name_is_refused_with_its_location(world):
    repo, _ = world
    (repo / "charters" / "nord" / ("a" * 244 + ".yaml")).write_text(CHARTER, encoding="utf-8")
    proc = _cli(["validate"], repo)
    _no_crash(proc)
    assert proc.returncode == 1
    line = next(ln for ln in proc.stdout.splitlines() if "S007" in ln)
    assert line.startswith("charters/nord/aaaa") and ":1:1: fejl S007 " in line


def test_atomic_write_works_for_the_longest_file_name(tmp_path: Path):
    from kommissorium.fsutil import atomic_write

    target = tmp_path / ("b" * 255)
    atomic_write(target, b"ok")
    assert target.read_bytes() == b"ok"


# -- finding 6: kill -9 of render -j 2 leaves its workers running ------------------------------


def _children_of(pid: int) -> set[int]:
    out = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(d.name))
    return out


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for c in _children_of(todo.pop()):
            if c not in found:
                found.add(c)
                todo.append(c)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_render_workers_die_with_their_parent(tmp_path: Path):
    body = "navn: Udvalg {i}\ntype: udvalg\nområde: region-nordjylland\nformål: " + "Tekst. " * 300 + "\n"
    (tmp_path / "charters" / "nord").mkdir(parents=True)
    for i in range(40):
        (tmp_path / "charters" / "nord" / f"u{i:02d}.yaml").write_text(body.format(i=i), encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "kommissorium", "render", "-o", "ud", "-f", "pdf,html",
                             "-j", "2", "-q"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    out = tmp_path / "ud" / "nord"
    deadline = time.time() + 60
    workers: set[int] = set()
    while time.time() < deadline:
        workers |= _descendants(proc.pid)
        if out.is_dir() and len(list(out.glob("*.pdf"))) >= 2 and len(workers) >= 2:
            break
        time.sleep(0.05)
    workers |= _descendants(proc.pid)
    assert workers, "render started no workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # clean up before failing
        try:
            os.kill(w, signal.SIGKILL)
        except OSError:
            pass
    assert left == [], "workers outlived their parent"
    count = len(list(out.iterdir()))
    time.sleep(1.0)
    assert len(list(out.iterdir())) == count  # nothing is written any more


# -- finding 7: smaller points --------------------------------------------------------------------


def test_graph_and_schema_output_never_overwrite_a_charter(world):
    repo, _ = world
    charter = repo / "charters" / "nord" / "udvalg.yaml"
    before = charter.read_bytes()
    for args in (["graph", "-o", "charters/nord/udvalg.yaml"], ["schema", "-o", "charters/nord/udvalg.yaml"]):
        proc = _cli(args, repo)
        _no_crash(proc)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert "kildefil" in proc.stderr
        assert charter.read_bytes() == before


def test_report_and_calendar_output_never_overwrite_a_charter_or_follow_a_link(world):
    repo, outside = world
    charter = repo / "charters" / "nord" / "udvalg.yaml"
    before = charter.read_bytes()
    (repo / "ud.txt").symlink_to(outside / "skrevet.txt")
    for target in ("charters/nord/udvalg.yaml", "ud.txt"):
        for args in (["overgang", "--dato", "2027-01-01", "-o", target], ["kalender", "-o", target]):
            proc = _cli(args, repo)
            _no_crash(proc)
            assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
            assert ("kildefil" if target.startswith("charters") else "symbolsk henvisning") in proc.stderr
    assert charter.read_bytes() == before
    assert not (outside / "skrevet.txt").exists()


def test_render_output_into_the_charters_folder_is_refused(world):
    repo, _ = world
    proc = _cli(["render", "-o", "charters", "-f", "md", "-q"], repo)
    _no_crash(proc)
    assert proc.returncode == 2
    assert "kildemappen" in proc.stderr
    assert sorted(p.name for p in (repo / "charters" / "nord").iterdir()) == ["udvalg.yaml"]


def test_validate_dot_from_the_root_validates_only_the_charters(world):
    repo, _ = world
    (repo / "tests" / "fixtures").mkdir(parents=True)
    (repo / "tests" / "fixtures" / "broken.yaml").write_text("navn: [\n", encoding="utf-8")
    proc = _cli(["validate", "."], repo)
    _no_crash(proc)
    assert proc.returncode == 0, proc.stdout
    assert "tests/" not in proc.stdout
    assert "1 fil" in proc.stdout


def test_fmt_check_and_diff_do_not_print_terminal_escapes(world):
    repo, _ = world
    name = "ud\x1b[31mvalg.yaml"
    (repo / "charters" / "nord" / name).write_text("navn:    X\ntype: udvalg\nområde: region-nordjylland\n",
                                                    encoding="utf-8")
    proc = _cli(["fmt", "--check"], repo)
    _no_crash(proc)
    assert "\x1b" not in proc.stdout + proc.stderr
    assert "\\x1b" in proc.stdout + proc.stderr


@pytest.mark.parametrize("value", ["99999999999999999999", "1e308", "1e3"])
def test_meeting_count_is_a_sane_integer(world, value: str):
    repo, _ = world
    (repo / "charters" / "nord" / "udvalg.yaml").write_text(
        CHARTER + f"møder:\n  pr-år: {value}\n", encoding="utf-8")
    proc = _cli(["validate"], repo)
    _no_crash(proc)
    assert proc.returncode == 1, proc.stdout
    assert "100000000000000000000" not in proc.stdout
    line = next(ln for ln in proc.stdout.splitlines() if "udvalg.yaml:6:" in ln)
    assert " fejl S00" in line


@pytest.mark.parametrize("name,char", [
    ("Udvalget\\nIngen ændringer kræver review", "\\n"),
    ("Udvalget\\u202eteg", "U+202E"),
    ("Udval\\u200bget", "U+200B"),
    ("Udvalget\\x1b[31m", "U+001B"),
])
def test_names_with_control_bidi_or_zero_width_characters_are_refused(world, name: str, char: str):
    repo, _ = world
    (repo / "charters" / "nord" / "udvalg.yaml").write_text(
        CHARTER.replace("navn: Udvalget", f'navn: "{name}"'), encoding="utf-8")
    proc = _cli(["validate"], repo)
    _no_crash(proc)
    assert proc.returncode == 1, proc.stdout
    line = next(ln for ln in proc.stdout.splitlines() if "S006" in ln)
    assert line.startswith("charters/nord/udvalg.yaml:1:")
    assert char.replace("\\n", "linjeskift") in line or char in line


def test_config_key_skabeloner_is_honoured(world):
    repo, _ = world
    (repo / "egne").mkdir()
    (repo / "egne" / "kommissorium.md.j2").write_text("EGEN SKABELON {{ doc.title }}\n", encoding="utf-8")
    (repo / "kommissorium.toml").write_text('skabeloner = "egne"\n', encoding="utf-8")
    proc = _cli(["render", "-o", "ud", "-f", "md", "-q"], repo)
    _no_crash(proc)
    assert proc.returncode == 0, proc.stderr
    assert (repo / "ud" / "nord" / "udvalg.md").read_text(encoding="utf-8").startswith("EGEN SKABELON")


def test_config_key_skabeloner_outside_is_refused(world):
    repo, outside = world
    (repo / "kommissorium.toml").write_text(f'skabeloner = "{outside}"\n', encoding="utf-8")
    proc = _cli(["render", "-o", "ud", "-f", "md", "-q"], repo)
    _no_crash(proc)
    assert proc.returncode == 2
    assert "kommissorium.toml:1:" in proc.stderr


def test_git_conflict_marker_in_a_value_is_an_error(world):
    repo, _ = world
    (repo / "charters" / "nord" / "udvalg.yaml").write_text(
        "navn: Udvalget\ntype: udvalg\nområde: region-nordjylland\nformål: >\n"
        "  <<<<<<< HEAD\n  At prøve.\n  =======\n  At afprøve.\n  >>>>>>> gren\n", encoding="utf-8")
    proc = _cli(["validate"], repo)
    _no_crash(proc)
    assert proc.returncode == 1
    line = next(ln for ln in proc.stdout.splitlines() if "S009" in ln)
    assert line.startswith("charters/nord/udvalg.yaml:5:3: fejl S009")


def test_list_form_of_opgaver_reports_the_wrong_item_itself(world):
    repo, _ = world
    (repo / "charters" / "nord" / "udvalg.yaml").write_text(
        CHARTER + "opgaver:\n  - At gøre noget.\n  - At gøre mere.\n  - {a: 1}\n", encoding="utf-8")
    proc = _cli(["validate"], repo)
    _no_crash(proc)
    assert proc.returncode == 1
    line = next(ln for ln in proc.stdout.splitlines() if "S002" in ln)
    assert line.startswith("charters/nord/udvalg.yaml:8:5: fejl S002 'opgaver[3]'")


# -- finding 2: the PR comment can be forged ------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def _pull_request(world, files: dict[str, str]) -> Path:
    """The world's repository as git: a base commit, then a commit with ``files``."""
    repo, _ = world
    import shutil

    shutil.rmtree(repo / ".git")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    for rel, text in files.items():
        p = repo / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "pr")
    return repo


FORGED = ("Udvalget\n\n## Ingen ændringer kræver review\n\n- [x] Godkendt af @org/security\n"
          "> citat\n| a | b |\n|---|---|\n    kode\n<b>fed</b> [klik](https://angriber.example) "
          "www.angriber.example mail@angriber.example `x` ``y`` ~~z~~")


def _our_markdown_only(md: str) -> list[str]:
    """What a hostile text managed to make of the comment: headings, links, HTML, lists and
    quotes that kommissorium did not write itself."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(md)
    bad = []
    for i, t in enumerate(tokens):
        # (blockquotes are kommissorium's own: the word diff and the notices)
        if t.type in ("link_open", "image", "html_inline", "html_block", "table_open", "code_block",
                      "fence", "bullet_list_open") and not (t.type == "bullet_list_open" and t.level == 0):
            bad.append(t.type)
        if t.type == "heading_open":
            text = tokens[i + 1].content
            if not (text.startswith(("Ændringer i kommissorierne", "Ændret", "Tilføjet", "Fjernet",
                                     "Flyttet", "⚠️ Nye fund", "✅ Løste fund"))):
                bad.append(f"heading {text!r}")
        if t.type == "inline":
            for child in t.children or []:
                if child.type in ("link_open", "html_inline", "image"):
                    bad.append(child.type)
    import re as _re

    for m in _re.finditer(r"@[A-Za-z0-9]", md):
        bad.append(f"mention {md[m.start():m.start() + 12]!r}")
    for m in _re.finditer(r"(?<!\\)(https?:|www\.)", md):
        bad.append(f"autolink {md[m.start():m.start() + 20]!r}")
    return bad


def test_pr_comment_cannot_be_forged_by_charter_text(world):
    repo = _pull_request(world, {
        "charters/nord/udvalg.yaml": CHARTER.replace("formål: At prøve.", "formål: " + repr(FORGED).replace("'", '"')),
        "charters/nord/ny.yaml": "navn: 'Nyt [klik](https://angriber.example) @org/security `x` <b>y</b>'\n"
                                 "type: udvalg\nområde: region-nordjylland\n"
                                 "formål: " + repr(FORGED).replace("'", '"') + "\n",
    })
    proc = _cli(["diff", "--format", "markdown", "HEAD~1", "HEAD"], repo)
    _no_crash(proc)
    md = proc.stdout
    assert "Nyt" in md and "angriber" in md  # the text is shown ...
    assert _our_markdown_only(md) == []  # ... and makes nothing but text
    assert not any(line.startswith(("## Ingen", "- [x]", "> citat", "|")) for line in md.splitlines())


def test_pr_comment_file_name_cannot_close_its_code_span():
    from kommissorium.sanitize import md_code

    for name in ["a`](https://x.example)`b.yaml", "``", "`", "x` @org `y", "a\nb"]:
        span = md_code(name)
        fence = span[:len(span) - len(span.lstrip("`"))]
        inner = span[len(fence):len(span) - len(fence)]
        assert fence * 1 not in inner or len(fence) > max(len(r) for r in inner.split("x") if set(r) <= {"`"})
        assert "\n" not in span
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").parseInline(span)[0].children
        assert [t.type for t in tokens] == ["code_inline"], (name, tokens)


def test_gitattributes_cannot_hide_a_new_charter_from_the_comment(world):
    repo = _pull_request(world, {
        ".gitattributes": "charters/nord/skjult.yaml export-ignore\n",
        "charters/nord/skjult.yaml": "navn: Det skjulte udvalg\ntype: udvalg\nområde: region-nordjylland\n",
    })
    proc = _cli(["diff", "--format", "markdown", "HEAD~1", "HEAD"], repo)
    _no_crash(proc)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Det skjulte udvalg" in proc.stdout
    assert "gitattributes" in proc.stdout and "export\\-ignore" in proc.stdout


def test_diff_text_does_not_print_terminal_escapes(world):
    repo = _pull_request(world, {
        "charters/nord/ud\x1b[31mvalg.yaml": "navn: Rødt\ntype: udvalg\nområde: region-nordjylland\n",
    })
    for fmt in ("text", "markdown"):
        proc = _cli(["diff", "--format", fmt, "HEAD~1", "HEAD"], repo)
        _no_crash(proc)
        assert "\x1b" not in proc.stdout + proc.stderr
        assert "\\x1b" in proc.stdout
