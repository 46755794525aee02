"""Security: charter text and templates cannot reach Python internals, the network or files
outside the project; output paths cannot escape the output folder; writes are atomic; there is
no shell and no eval; `validate` and `render` never change a charter.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "kommissorium"

HOSTILE_PROSE = {
    "jinja": "{{ 7*7 }}",
    "raw": "{% raw %}",
    "script": "<script>alert('x')</script>",
    "set_page": "#set page(width: 2cm)",
    "import": '#import "@preview/cetz:0.2.2": *',
    "read": '#read("/etc/passwd")',
    "md": "[klik](javascript:alert(1)) **fed**",
}

CHARTER = """\
navn: "Udvalget {{{{ 7*7 }}}}"
type: udvalg
område: region-nordjylland
formål: "{jinja} {raw} {script}"
baggrund: '{set_page} {read}'
opgaver:
  - '{import}'
  - '{md}'
"""


def _cli(args: list[str], cwd: Path, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    e = {**os.environ, "NO_COLOR": "1", **(env or {})}
    e.pop("KOMMISSORIUM_DEBUG", None)
    e.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "kommissorium", *args], cwd=cwd, env=e,
                          capture_output=True, text=True, timeout=timeout)


def _repo(tmp: Path, charters: dict[str, str]) -> Path:
    for rel, text in charters.items():
        p = tmp / "charters" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return tmp


def _no_crash(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "intern fejl" not in proc.stderr


# -- charter prose is text, in every format --------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _repo(tmp_path_factory.mktemp("prosa"), {"nord/udvalg.yaml": CHARTER.format(**HOSTILE_PROSE)})
    proc = _cli(["render", "-o", "ud", "-j", "1", "-q"], root)
    _no_crash(proc)
    assert proc.returncode == 0, proc.stderr
    return root / "ud" / "nord"


def test_html_shows_hostile_prose_literally(rendered: Path):
    html = (rendered / "udvalg.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html and "{% raw %}" in html
    assert "Udvalget {{ 7*7 }}" in html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "javascript:" not in re.sub(r"[^<]*", "", html)  # never inside a tag
    assert not re.search(r"<a [^>]*javascript:", html)


def test_markdown_escapes_hostile_prose(rendered: Path):
    md = (rendered / "udvalg.md").read_text(encoding="utf-8")
    assert "<script>" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # the brackets are escaped: no link
    assert "7\\*7" in md or "7*7" in md


def test_pdf_shows_typst_code_as_text(rendered: Path):
    from pypdf import PdfReader

    reader = PdfReader(str(rendered / "udvalg.pdf"))
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    flat = re.sub(r"\s+", "", text)
    for probe in ("#setpage(width:2cm)", '#read("/etc/passwd")', "#import", "{{7*7}}", "<script>"):
        assert probe.replace(" ", "") in flat.replace("“", '"').replace("”", '"'), probe
    width = float(reader.pages[0].mediabox.width)
    assert width > 500  # A4 (595 pt): `#set page(width: 2cm)` in prose did nothing
    assert "root:x:0:0" not in text


# -- templates: sandbox, no network, no files outside ----------------------------------------


def _render_with_template(tmp: Path, name: str, body: str, fmt: str,
                          env: dict | None = None) -> subprocess.CompletedProcess:
    root = _repo(tmp, {"nord/udvalg.yaml": "navn: Udvalget\ntype: udvalg\nområde: region-nordjylland\n"})
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / name).write_text(body, encoding="utf-8")
    return _cli(["render", "-o", "ud", "-f", fmt, "-j", "1", "-q"], root, env=env)


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ doc.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{% set x = doc.meta.update({'a': 1}) %}{{ x }}",
])
def test_template_cannot_reach_python_internals(payload: str, tmp_path: Path):
    proc = _render_with_template(tmp_path, "kommissorium.html.j2", payload, "html")
    _no_crash(proc)
    assert proc.returncode == 1
    assert "fejl" in proc.stderr
    assert "uid=" not in proc.stdout + proc.stderr
    html = tmp_path / "ud" / "nord" / "udvalg.html"
    assert not html.exists() or "uid=" not in html.read_text()


class _Listener:
    """A TCP port that records connections: used as HTTPS_PROXY, it sees any download attempt."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.connections = 0
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.thread.join()
        self.sock.close()


def _compile(tmp: Path, body: str) -> tuple[bytes | None, str]:
    """Compile Typst source as a repository template would be: in-process, templates/ as search."""
    from types import SimpleNamespace

    from kommissorium.render.engine import RenderError, compile_pdf

    templates = tmp / "templates"
    templates.mkdir(exist_ok=True)
    try:
        return compile_pdf(body, SimpleNamespace(meta={}), (templates,)), ""
    except RenderError as exc:
        return None, str(exc)


@pytest.mark.parametrize("source", [
    '#import "@preview/cetz:0.2.2": *\n',
    '#let p = "@preview/cetz:0.2.2"\n#import p: *\n',
    '#import ("@pre" + "view/cetz:0.2.2"): *\n',
    '#include "\\u{40}preview/cetz:0.2.2"\n',
])
def test_typst_template_cannot_reach_the_network(source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    listener = _Listener()
    try:
        for var in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "HTTP_PROXY", "http_proxy"):
            monkeypatch.setenv(var, listener.url)
        pdf, error = _compile(tmp_path, '#set document(title: "x")\n' + source + "Hej\n")
    finally:
        listener.close()
    assert pdf is None and error
    assert listener.connections == 0, "typst tried to download a package"
    assert os.environ["HTTPS_PROXY"] == listener.url  # the caller's environment is restored


def test_typst_template_cannot_read_outside_the_templates(tmp_path: Path):
    secret = "HEMMELIG-NØGLE-4711"
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(f"[http]\n\textraheader = {secret}\n", encoding="utf-8")
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "organ.yaml").write_text("navn: x\n", encoding="utf-8")
    for expr in ('read("../.git/config")', 'read("/.git/config")', 'read("/etc/passwd")',
                 'read("../charters/organ.yaml")', 'image("/etc/passwd")'):
        pdf, error = _compile(tmp_path, f'#set document(title: "x")\n#let t = {expr}\n#t\n')
        assert pdf is None, expr
        assert "Typst" in error
    (tmp_path / "templates" / "logo.txt").write_text("inde i skabelonmappen", encoding="utf-8")
    pdf, error = _compile(tmp_path, '#set document(title: "x")\n#read("/logo.txt")\n')
    assert pdf is not None, error  # the template folder itself stays readable


# -- output paths ------------------------------------------------------------------------------


@pytest.mark.parametrize("cid", ["../ud-af", "/etc/kommissorium", "a/../../b", "a//b", "", ".", "a/./b",
                                 "a\\..\\b", "nord/\x00x"])
def test_output_path_refuses_escaping_ids(cid: str, tmp_path: Path):
    from kommissorium.render.batch import output_path
    from kommissorium.render.engine import RenderError

    with pytest.raises(RenderError):
        output_path(tmp_path / "ud", cid, "html")


def test_output_path_refuses_a_symlink_out_of_the_output_folder(tmp_path: Path):
    from kommissorium.render.batch import output_path
    from kommissorium.render.engine import RenderError

    outside = tmp_path / "andetsteds"
    outside.mkdir()
    out = tmp_path / "ud"
    out.mkdir()
    (out / "nord").symlink_to(outside)
    with pytest.raises(RenderError):
        output_path(out, "nord/udvalg", "html")


def test_render_does_not_write_through_a_symlinked_output_folder(tmp_path: Path):
    root = _repo(tmp_path, {"nord/udvalg.yaml": "navn: Udvalget\ntype: udvalg\nområde: region-nordjylland\n"})
    outside = tmp_path / "andetsteds"
    outside.mkdir()
    (root / "ud").mkdir()
    (root / "ud" / "nord").symlink_to(outside)
    proc = _cli(["render", "-o", "ud", "-f", "html", "-j", "1", "-q"], root)
    _no_crash(proc)
    assert proc.returncode == 1
    assert list(outside.iterdir()) == []


# -- atomic writes -----------------------------------------------------------------------------


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from kommissorium.render import batch

    target = tmp_path / "ud" / "a.html"
    target.parent.mkdir()
    target.write_bytes(b"<html>gammel</html>")

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        batch.atomic_write(target, b"<html>ny og halv")
    assert target.read_bytes() == b"<html>gammel</html>"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.html"]  # no temp file left


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_render_leaves_no_half_written_file(sig: int, tmp_path: Path):
    body = "navn: Udvalg {i}\ntype: udvalg\nområde: region-nordjylland\nformål: " + "Tekst. " * 400 + "\n"
    root = _repo(tmp_path, {f"nord/udvalg-{i:02d}.yaml": body.format(i=i) for i in range(40)})
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "kommissorium", "render", "-o", "ud", "-f", "pdf,html",
                             "-j", "1", "-q"], cwd=root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    out = root / "ud" / "nord"
    deadline = time.time() + 60
    while time.time() < deadline and not (out.is_dir() and len(list(out.glob("*.pdf"))) >= 3):
        time.sleep(0.05)
    os.killpg(proc.pid, sig)
    proc.communicate(timeout=60)
    finals = [p for p in out.iterdir() if not p.name.startswith(".")]
    assert finals, f"nothing rendered before the interruption: {sorted(os.listdir(out))}"
    for p in finals:
        data = p.read_bytes()
        if p.suffix == ".pdf":
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), p.name
        else:
            assert data.rstrip().endswith(b"</html>"), p.name
    if sig == signal.SIGINT:  # a clean interruption also removes its temporary file
        assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [], sorted(os.listdir(out))


# -- charters are never changed ----------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_validate_and_render_never_change_a_charter(tmp_path: Path):
    hostile = ROOT / "tests" / "hostile" / "corpus"
    shutil.copytree(ROOT / "charters", tmp_path / "charters")
    (tmp_path / "charters" / "test").mkdir()
    for name in ("godt-bom-crlf.yaml", "godt-uden-slutlinjeskift.yaml", "tabulator-indrykning.yaml",
                 "dublet-top.yaml", "kodning-latin1.yaml"):
        shutil.copyfile(hostile / name, tmp_path / "charters" / "test" / name)
    before = _snapshot(tmp_path / "charters")
    time.sleep(0.01)
    for args in (["validate"], ["validate", "--format", "json"], ["render", "-o", "ud", "-f", "html,md", "-q"]):
        proc = _cli(args, tmp_path)
        _no_crash(proc)
        assert proc.returncode in (0, 1), proc.stderr
    assert _snapshot(tmp_path / "charters") == before


# -- no shell, no eval, no unsafe YAML -----------------------------------------------------------


def test_no_shell_no_eval_no_unsafe_loading():
    forbidden = re.compile(
        r"shell\s*=\s*True|\bos\.system\(|\bos\.popen\(|\beval\(|\bexec\(|\bpickle\b|\bmarshal\b"
        r"|typ\s*=\s*['\"]unsafe['\"]|\bUnsafeLoader\b|yaml\.load\(|\b__import__\("
    )
    hits = []
    for path in SRC.rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if forbidden.search(code):
                hits.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert hits == []


def test_subprocesses_are_git_with_argument_lists():
    """External programs (git, Graphviz dot) are always called with a list, never a shell string."""
    calls = []
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"subprocess\.(run|Popen|call|check_output|check_call)\(\s*([^,\n]+)", text):
            calls.append((path.name, m.group(2).strip()))
    for name, first in calls:
        assert first.startswith("["), (name, first)
    assert calls


# -- fmt ---------------------------------------------------------------------------------------


def test_fmt_neither_reads_nor_replaces_a_symlink(tmp_path: Path):
    """Before: `fmt` replaced charters/h/link.yaml -> /outside by a formatted copy of /outside."""
    outside = tmp_path / "ude.yaml"
    outside.write_text("type: udvalg\nnavn:    Hemmelig\nområde: region-nordjylland\n", encoding="utf-8")
    (tmp_path / "charters" / "h").mkdir(parents=True)
    link = tmp_path / "charters" / "h" / "link.yaml"
    link.symlink_to(outside)
    os.mkfifo(tmp_path / "charters" / "h" / "roer.yaml")
    before = outside.read_bytes()
    proc = _cli(["fmt"], tmp_path, timeout=60)
    _no_crash(proc)
    assert proc.returncode == 1
    assert link.is_symlink() and outside.read_bytes() == before
    assert "symlink" in proc.stdout + proc.stderr


def test_fmt_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from kommissorium import schema
    from kommissorium.fmt import format_file, write_result

    path = tmp_path / "organ.yaml"
    original = "type: udvalg\nnavn:    Udvalget\nområde: region-nordjylland\n"
    path.write_text(original, encoding="utf-8")
    result = format_file(path)
    assert result.changed

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(schema.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_result(result)
    assert path.read_text(encoding="utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["organ.yaml"]
