"""`kommissorium render` through the real CLI: files per charter and format, errors, templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app

from .conftest import FIXTURES

runner = CliRunner()


def _invoke(*args: str):
    return runner.invoke(app, ["render", *args])


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_renders_one_file_per_charter_and_format(tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = _invoke(str(FIXTURES), "-o", str(out), "--format", "html,md,pdf", "-j", "2")
    assert result.exit_code == 0, result.output
    assert _files(out) == sorted(
        f"test/{name}.{fmt}" for name in ("kontaktforum", "ramme", "klynge/fagligt")
        for fmt in ("html", "md", "pdf")
    )
    assert (out / "test/ramme.pdf").read_bytes().startswith(b"%PDF-")
    assert "Gengav 3 kommissorier" in result.output


def test_parallel_and_serial_give_the_same_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert _invoke(str(FIXTURES), "-o", str(a), "-f", "html,md", "-j", "1").exit_code == 0
    assert _invoke(str(FIXTURES), "-o", str(b), "-f", "html,md", "-j", "2").exit_code == 0
    assert _files(a) == _files(b)
    for name in _files(a):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_single_file_and_format(tmp_path: Path) -> None:
    out = tmp_path / "o"
    result = _invoke(str(FIXTURES / "test" / "kontaktforum.yaml"), "-o", str(out), "-f", "md")
    assert result.exit_code == 0, result.output
    assert _files(out) == ["test/kontaktforum.md"]


def test_bad_charter_is_reported_and_the_rest_rendered(tmp_path: Path) -> None:
    charters = tmp_path / "charters"
    shutil.copytree(FIXTURES, charters)
    (charters / "test" / "brudt.yaml").write_text(
        "navn: Brudt\ntype: forum\nområde: region-nordjylland\nformåll: tastefejl\n", encoding="utf-8"
    )
    out = tmp_path / "build"
    result = _invoke(str(charters), "-o", str(out), "-f", "md")
    assert result.exit_code == 1
    assert "brudt.yaml:4:1" in result.output and "formål" in result.output
    assert "Traceback" not in result.output
    assert _files(out) == ["test/klynge/fagligt.md", "test/kontaktforum.md", "test/ramme.md"]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = _invoke(str(FIXTURES), "-o", str(tmp_path), "-f", "odt")
    assert result.exit_code == 2
    assert "ukendt format 'odt'" in result.output
    assert "vælg mellem pdf, html, markdown og docx" in result.output


def test_markdown_is_the_format_name_and_md_an_alias(tmp_path: Path) -> None:
    one = str(FIXTURES / "test" / "kontaktforum.yaml")
    for name in ("markdown", "md"):
        out = tmp_path / name
        result = _invoke(one, "-o", str(out), "-f", name)
        assert result.exit_code == 0, result.output
        assert _files(out) == ["test/kontaktforum.md"]


def test_repository_templates_and_template_option_override_packaged(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "charters")
    repo_tpl = tmp_path / "templates"
    repo_tpl.mkdir()
    # The repository's template extends the packaged one and replaces one block.
    (repo_tpl / "kommissorium.html.j2").write_text(
        '{% extends "standard/kommissorium.html.j2" %}'
        "{% block styles %}<style>/* repo */</style>{% endblock %}", encoding="utf-8"
    )
    (repo_tpl / "kommissorium.md.j2").write_text("REPO {{ doc.title }}\n", encoding="utf-8")
    cli_tpl = tmp_path / "egne"
    cli_tpl.mkdir()
    (cli_tpl / "kommissorium.md.j2").write_text("CLI {{ doc.title }} *\n", encoding="utf-8")
    out = tmp_path / "build"
    result = _invoke(str(tmp_path / "charters" / "test" / "kontaktforum.yaml"), "-o", str(out),
                     "-f", "html,md", "--template", str(cli_tpl))
    assert result.exit_code == 0, result.output
    html = (out / "test/kontaktforum.html").read_text(encoding="utf-8")
    assert "/* repo */" in html and "<h1>Kommissorium for Det Administrative Kontaktforum</h1>" in html
    assert (out / "test/kontaktforum.md").read_text(encoding="utf-8") == (
        "CLI Kommissorium for Det Administrative Kontaktforum *\n"
    )


def test_output_paths_never_leave_the_output_folder(tmp_path: Path) -> None:
    from kommissorium.render import RenderError
    from kommissorium.render.batch import output_path

    assert output_path(tmp_path, "a/b-c", "pdf") == tmp_path.resolve() / "a" / "b-c.pdf"
    for bad in ("../x", "a/../../x", "/etc/passwd", "a/./b", "a//b", ".skjult", "", "a\\b"):
        with pytest.raises(RenderError):
            output_path(tmp_path, bad, "html")


def test_atomic_write_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    from kommissorium.render.batch import atomic_write

    target = tmp_path / "sub" / "x.html"
    atomic_write(target, b"first")
    atomic_write(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["x.html"]


def test_broken_user_template_is_a_located_danish_error(tmp_path: Path) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "kommissorium.md.j2").write_text("linje 1\n{{ doc.findes_ikke }}\n", encoding="utf-8")
    (tpl / "kommissorium.typ.j2").write_text("#let x = (\n", encoding="utf-8")
    out = tmp_path / "o"
    result = _invoke(str(FIXTURES / "test" / "ramme.yaml"), "-o", str(out), "-f", "md",
                     "--template", str(tpl))
    assert result.exit_code == 1
    assert "skabelonfejl i " in result.output and "kommissorium.md.j2:2" in result.output
    result = _invoke(str(FIXTURES / "test" / "ramme.yaml"), "-o", str(out), "-f", "pdf",
                     "--template", str(tpl))
    assert result.exit_code == 1
    assert "Typst kunne ikke lave PDF'en" in result.output and "linje 1" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.rglob("*.pdf"))


def test_typst_template_may_not_import_packages(tmp_path: Path) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "kommissorium.typ.j2").write_text('#import "@preview/x:0.1.0": *\nhej\n', encoding="utf-8")
    result = _invoke(str(FIXTURES / "test" / "ramme.yaml"), "-o", str(tmp_path / "o"), "-f", "pdf",
                     "--template", str(tpl))
    assert result.exit_code == 1
    assert "henter intet fra nettet" in result.output


def test_rendering_charters_gives_pdf_html_and_markdown_per_charter(tmp_path: Path, corpus_cs) -> None:
    from pypdf import PdfReader

    from .conftest import CORPUS

    out = tmp_path / "build"
    result = _invoke(str(CORPUS), "-o", str(out), "-j", "2")
    broken = {p.file for p in corpus_cs.problems if p.severity.value == "fejl"}
    valid = [f for f in corpus_cs.valid() if f.display not in broken]
    assert result.exit_code == (1 if broken else 0), result.output
    assert len(valid) >= 5
    expected = sorted(f"{f.id}.{fmt}" for f in valid for fmt in ("pdf", "html", "md"))
    assert _files(out) == expected
    for f in valid[:3]:
        reader = PdfReader(out / f"{f.id}.pdf")
        assert corpus_cs.charter(f.id).name.split()[0] in reader.pages[0].extract_text()
