"""`render --format docx`: a Word file from the same document model, opened again with python-docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommissorium.cli import app
from kommissorium.document import build_document
from kommissorium.document.model import BulletList, MemberTable, Paragraph
from kommissorium.render.engine import render

from .conftest import FIXTURES

import docx  # noqa: E402  (python-docx, a dependency of the package)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ID = "nordjylland/strategisk-sundhedsforum"


@pytest.fixture(scope="module")
def model(corpus_cs):
    return build_document(corpus_cs, ID)


@pytest.fixture(scope="module")
def word(model):
    return docx.Document(io.BytesIO(render(model, "docx")))


def _styled(word, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == style]


def test_title_and_headings_are_word_styles(model, word) -> None:
    assert _styled(word, "Title") == [model.title]
    headings = [s.heading for s in model.sections if s.heading and not s.empty]
    assert headings, "the charter has sections"
    assert _styled(word, "Heading 1") == headings


def test_lists_are_word_lists(model, word) -> None:
    items = [i for s in model.sections for b in s.blocks if isinstance(b, BulletList)
             for i in b.items]
    assert len(items) >= 5
    assert _styled(word, "List Bullet") == items
    # the style carries Word numbering (a real list, not bullets typed as text)
    style = word.styles["List Bullet"].element
    assert style.find(f"{W}pPr/{W}numPr") is not None
    assert not any(p.text.startswith(("-", "•")) for p in word.paragraphs)


def test_member_table_is_a_table(model, word) -> None:
    table_block = next(b for s in model.sections for b in s.blocks if isinstance(b, MemberTable))
    assert len(word.tables) == 1
    table = word.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Medlem", table_block.count_heading]
    assert rows[1:] == [[(f"{r.text} ({r.detail})" if r.detail else r.text), r.count]
                        for r in table_block.rows]
    # the header row repeats on each page and is marked as a header
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert table_block.total_text in [p.text for p in word.paragraphs]


def test_every_paragraph_of_the_model_is_in_the_document(model, word) -> None:
    text = [p.text for p in word.paragraphs]
    for s in model.sections:
        for b in s.blocks:
            if isinstance(b, Paragraph):
                assert b.text in text


def test_language_is_danish_and_properties_are_set(model, word) -> None:
    defaults = word.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults is not None and defaults.get(f"{W}val") == "da-DK"
    normal = word.styles["Normal"].element.find(f"{W}rPr/{W}lang")
    assert normal.get(f"{W}val") == "da-DK"
    core = word.core_properties
    assert core.title == model.title
    assert core.subject == model.body_name
    assert core.language == "da-DK"
    assert core.identifier == ID
    assert core.category == model.kind
    assert core.author == ""  # not python-docx's default "python-docx"
    assert "kommissorium" in core.comments


def test_same_charter_gives_the_same_bytes(model) -> None:
    a, b = render(model, "docx"), render(model, "docx")
    assert a == b
    assert zipfile.ZipFile(io.BytesIO(a)).testzip() is None


def test_cli_writes_docx_and_accepts_word_as_alias(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "o"
    result = runner.invoke(app, ["render", str(FIXTURES / "test" / "kontaktforum.yaml"), "-o",
                                 str(out), "-f", "docx"])
    assert result.exit_code == 0, result.output
    path = out / "test" / "kontaktforum.docx"
    assert path.read_bytes().startswith(b"PK")
    assert docx.Document(str(path)).core_properties.language == "da-DK"
    assert "Word (docx)" in result.output
    again = runner.invoke(app, ["render", str(FIXTURES / "test" / "kontaktforum.yaml"), "-o",
                                str(tmp_path / "w"), "-f", "word"])
    assert again.exit_code == 0 and (tmp_path / "w" / "test" / "kontaktforum.docx").is_file()


def test_default_formats_stay_pdf_html_markdown(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["render", str(FIXTURES / "test" / "kontaktforum.yaml"), "-o",
                                      str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in tmp_path.rglob("*.*")) == [".html", ".md", ".pdf"]


def test_every_corpus_charter_renders_to_docx(corpus_cs) -> None:
    ids = sorted(f.id for f in corpus_cs.valid())
    assert len(ids) >= 10, "corpus has charters"
    for cid in ids:
        data = render(build_document(corpus_cs, cid), "docx")
        assert docx.Document(io.BytesIO(data)).paragraphs, cid


