"""Prose with template, HTML, Typst and Markdown syntax renders literally in every format."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest

from kommissorium.document import build_document
from kommissorium.render import render, render_text
from kommissorium.render.escape import md_escape, typst_escape

NASTY = [
    "{{ 7*7 }}",
    "{% raw %}rå{% endraw %}",
    '<script>alert("x")</script>',
    "#set page(width: 1cm)",
    "*fed*",
    "_kursiv_",
    "$x^2$",
    "backslash \\ og",
    "[et link](http://example.org)",
    "`kode`",
    "& &amp; | lodret streg ~ tilde @ snabel",
    "1. januar er ikke en nummereret liste.",
    "- en tankestreg først",
    "# ikke en overskrift",
    "= heller ikke i Typst",
    "æ, ø og å bevares: Æble, Øre, Århus.",
]


@pytest.fixture(scope="module")
def doc(fixture_cs):
    return build_document(fixture_cs, "test/kontaktforum")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def test_html_shows_text_literally(doc) -> None:
    html = render(doc, "html").decode("utf-8")
    parser = _Text()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    for s in NASTY:
        assert s in text, s
    assert "script" not in parser.tags  # escaped, not a tag
    assert "49" not in text  # the template expression was not evaluated
    assert '<html lang="da">' in html


def test_markdown_shows_text_literally(doc) -> None:
    from markdown_it import MarkdownIt

    md = render(doc, "md").decode("utf-8")
    html = MarkdownIt("commonmark").enable("table").render(md)
    parser = _Text()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    for s in NASTY:
        assert s in text, s
    assert "<script>" not in html and "<em>" not in html and "<strong>fed" not in html
    assert "<a " not in html and "<code>" not in html
    # "1. januar" stays a paragraph, "- …" an item of its own list, "# …" not a heading
    assert "<ol" not in html
    assert "<h1>ikke" not in html and "<h2>ikke" not in html


def test_typst_source_escapes_everything(doc) -> None:
    source = render_text(doc, "typ")
    assert "#set page(width: 1cm)" not in source
    assert "\\#set page\\(width\\: 1cm\\)" in source
    assert typst_escape("a*b_c$d") == "a\\*b\\_c\\$d"


@pytest.fixture(scope="module")
def pdf(doc) -> bytes:
    return render(doc, "pdf")


def test_pdf_shows_text_literally_and_page_stays_a4(pdf) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for s in NASTY:
        assert s.replace("\\ ", "\\ ") in text, s
    for page in reader.pages:
        width_mm = float(page.mediabox.width) / 72 * 25.4
        assert abs(width_mm - 210) < 1, width_mm


def test_escape_functions_are_idempotent_on_markup() -> None:
    once = md_escape("*x*")
    assert md_escape(once) == once == "\\*x\\*"
    assert typst_escape(typst_escape("#x")) == "\\#x"


def test_template_cannot_reach_python_internals(tmp_path, doc) -> None:
    from jinja2.exceptions import SecurityError

    from kommissorium.render.environment import environment

    env = environment("html", ())
    tpl = env.from_string("{{ doc.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(SecurityError):
        tpl.render(doc=doc)


def test_markdown_escapes_a_leading_number_only_at_the_start_of_a_line(fixture_cs) -> None:
    from markdown_it import MarkdownIt

    from kommissorium.render.escape import md_inline

    assert md_inline("23. juni 2022") == "23. juni 2022"
    assert md_inline("*x* | y") == "\\*x\\* \\| y"
    assert md_escape("1. januar") == "1\\. januar"
    md = render(build_document(fixture_cs, "test/ramme"), "md").decode("utf-8")
    assert "- **Godkendt:** 23. juni 2022\n" in md
    assert "23\\." not in md
    html = MarkdownIt("commonmark").render(md)
    assert "<ol" not in html and "<strong>Godkendt:</strong> 23. juni 2022" in html
