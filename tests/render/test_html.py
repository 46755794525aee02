"""HTML: Danish language, semantic headings, lists and tables, a print stylesheet."""

from __future__ import annotations

from html.parser import HTMLParser

from kommissorium.document import build_document
from kommissorium.render import render


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_semantic_and_printable(fixture_cs) -> None:
    doc = build_document(fixture_cs, "test/kontaktforum")
    html = render(doc, "html").decode("utf-8")
    p = _Tags()
    p.feed(html)
    names = [t for t, _ in p.tags]
    assert p.tags[0] == ("html", {"lang": "da"})
    assert names.count("h1") == 1
    assert names.count("h2") == sum(1 for s in doc.sections if s.heading)
    assert "ul" in names and "li" in names
    assert "table" in names and "caption" in names and "thead" in names
    assert all(a.get("scope") == "col" for t, a in p.tags if t == "th")
    assert "@media print" in html and "size: A4" in html
    assert "<title>Kommissorium for Det Administrative Kontaktforum</title>" in html
    body = html.split("<body>", 1)[1]
    assert body.count("Kommissorium") + body.count("KOMMISSORIUM") == 1  # only the h1
