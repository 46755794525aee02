"""Reading a source document into lines of text with their line numbers.

Each reader gives ``Line`` objects: the text, where it stands in the source (a line number for
text files, a paragraph number for .docx, page and line for .pdf, the line of the HTML element)
and, when the format says so, what it is (a heading or a list item). Segmentation
(``segment.py``) works on these lines whatever the format.

Libraries, imported only when that format is read (``kommissorium --help`` stays fast):

- .docx: python-docx — the maintained reader of Word's format; gives paragraphs with their
  style (Heading 1, List Paragraph) and tables.
- .pdf: pypdf — pure Python, maintained, reads the text layer. A scanned PDF has no text layer;
  that gets a Danish message (run OCR first) rather than an empty charter.
- .html: the standard library's ``html.parser`` — a saved web page needs only its headings,
  paragraphs, list items and table cells; navigation, header, footer, scripts and forms are
  skipped.
- .txt/.md and standard input: read as UTF-8 (Windows-1252 as a fallback, as Word's "save as
  text" writes).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

#: Largest source read (bytes): a charter is a few pages.
MAX_BYTES = 20 * 1024 * 1024


from kommissorium.errors import KommissoriumError


class SourceError(KommissoriumError):
    """The source cannot be read; the message is Danish and says what to do."""


@dataclass
class Line:
    text: str
    line: int  # 1-based position in the source (line, paragraph or element)
    kind: str = ""  # "" (unknown), "heading", "item", "para", "row"
    level: int = 0  # heading level, when known
    page: int = 0  # PDF page, when known
    indent: int = 0  # leading spaces in a text file (a list item whose bullet was lost)

    def where(self) -> str:
        if self.page:
            return f"side {self.page}, linje {self.line}"
        return f"linje {self.line}"


@dataclass
class Source:
    name: str  # as shown to the user
    fmt: str  # txt, md, docx, pdf, html
    lines: list[Line]


def read_source(path: str) -> Source:
    """Read ``path`` ('-' for standard input) into lines."""
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise SourceError("Standardinput er større end 20 MB; det er ikke et kommissorium.")
        return Source("<standardinput>", "txt", text_lines(_decode(raw)))
    p = Path(path)
    if not p.exists():
        raise SourceError(f"Filen '{path}' findes ikke.")
    if not p.is_file():
        raise SourceError(f"'{path}' er ikke en fil.")
    if p.stat().st_size > MAX_BYTES:
        raise SourceError(f"'{path}' er større end 20 MB; det er ikke et kommissorium.")
    suffix = p.suffix.lower()
    if suffix == ".docx":
        return Source(p.name, "docx", docx_lines(p))
    if suffix == ".pdf":
        return Source(p.name, "pdf", pdf_lines(p))
    if suffix in (".html", ".htm", ".xhtml"):
        return Source(p.name, "html", html_lines(_decode(p.read_bytes())))
    if suffix in (".txt", ".md", ".text", ".markdown", ""):
        lines = text_lines(_decode(p.read_bytes()))
        return Source(p.name, "md" if suffix in (".md", ".markdown") else "txt", lines)
    if suffix == ".doc":
        raise SourceError(
            f"'{path}' er i det gamle Word-format (.doc). Gem den i Word som .docx (Filer → Gem "
            "som → Word-dokument) og importér den igen."
        )
    raise SourceError(
        f"'{path}': ukendt filtype '{suffix}'. kommissorium import læser .docx, .pdf, .html, "
        ".txt og .md (og '-' for standardinput)."
    )


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_lines(text: str) -> list[Line]:
    out = []
    for i, raw in enumerate(text.split("\n"), start=1):
        line = raw.replace("\t", " ").replace("\u00a0", " ")
        indent = len(line) - len(line.lstrip())
        line = line.strip()
        kind = ""
        level = 0
        if m := re.match(r"^(#{1,6})\s+(.*)$", line):  # Markdown heading
            kind, level, line = "heading", len(m[1]), m[2].strip()
        out.append(Line(line, i, kind, level, indent=indent))
    return out


# -- .docx -------------------------------------------------------------------------------------


def docx_lines(path: Path) -> list[Line]:
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - a dependency of the package
        raise SourceError("Læsning af .docx kræver pakken python-docx; installér kommissorium "
                          "igen med pip.") from None
    try:
        document = docx.Document(str(path))
    except Exception:  # noqa: BLE001 - a broken or foreign file
        raise SourceError(f"'{path.name}' kan ikke læses som et Word-dokument (.docx).") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[Line] = []
    n = 0
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n += 1
            para = Paragraph(child, document)
            text = para.text.replace("\t", " ").replace("\u00a0", " ").strip()
            style = (para.style.name if para.style is not None else "") or ""
            kind, level = "", 0
            if m := re.match(r"^(?:Heading|Overskrift)\s*(\d)", style):
                kind, level = "heading", int(m[1])
            elif style in ("Title", "Titel"):
                kind, level = "heading", 1
            elif "List" in style or "Liste" in style or child.find(
                    ".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}numPr"
            ) is not None:
                kind = "item"
            elif text:
                kind = "para"
            for part in text.split("\n"):
                out.append(Line(part.strip(), n, kind, level))
            out.append(Line("", n))
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                n += 1
                cells = []
                for cell in row.cells:
                    t = " ".join(cell.text.split())
                    if t and (not cells or cells[-1] != t):  # merged cells repeat
                        cells.append(t)
                if cells:
                    out.append(Line(" | ".join(cells), n, "row"))
            out.append(Line("", n))
    return out


# -- .pdf --------------------------------------------------------------------------------------


def pdf_lines(path: Path) -> list[Line]:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - a dependency of the package
        raise SourceError("Læsning af .pdf kræver pakken pypdf; installér kommissorium igen "
                          "med pip.") from None
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001
                raise SourceError(f"'{path.name}' er krypteret; gem en udgave uden adgangskode."
                                  ) from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except SourceError:
        raise
    except Exception:  # noqa: BLE001 - a broken file
        raise SourceError(f"'{path.name}' kan ikke læses som PDF.") from None
    if not "".join(pages).strip():
        raise SourceError(
            f"'{path.name}' har intet tekstlag: det er en scannet PDF (billeder af sider). Kør "
            "tekstgenkendelse (OCR) først, fx 'ocrmypdf -l dan ind.pdf ud.pdf', og importér "
            "resultatet; eller gem teksten som .txt."
        )
    page_lines = [[" ".join(raw.replace("\u00a0", " ").split()) for raw in text.split("\n")]
                  for text in pages]
    chrome = _running_lines(page_lines)
    out: list[Line] = []
    for pno, lines in enumerate(page_lines, start=1):
        width = max((len(x) for x in lines), default=0)
        in_table = False
        for i, text in enumerate(lines, start=1):
            if _shape(text) in chrome and (i <= 2 or i > len(lines) - 4):
                continue  # running header or footer ("Side 2 af 3")
            if re.fullmatch(r"(?:Side\s+)?\d+\s*(?:af|/)\s*\d+.*|\d+", text):
                continue
            kind = ""
            if re.fullmatch(r"\S+(?: \S+)? Antal", text):
                in_table = True  # a member table: "Medlem Antal" over "1 direktør … 11"
                out.append(Line("", i, page=pno))
                out.append(Line(text.replace(" Antal", " | Antal"), i, "row", page=pno))
                continue
            if in_table:
                m = re.fullmatch(r"(\d.*?)\s+(\d+(?:\s*[-–]\s*\d+)?)", text)
                if m:
                    out.append(Line(f"{m[1]} | {m[2]}", i, "row", page=pno))
                    continue
                in_table = False
                out.append(Line("", i, page=pno))
            out.append(Line(text, i, kind, page=pno))
            # A short line that ends a sentence ends its paragraph (PDF text has no blank lines).
            if re.search(r"[.:!?]$", text) and len(text) < 0.8 * width:
                out.append(Line("", i, page=pno))
        out.append(Line("", 0, page=pno))
    return out


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines at the top or bottom of at least two pages, digits ignored (page headers and
    footers of the PDF)."""
    if len(pages) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in pages:
        edge = [x for x in lines[:2] + lines[-4:] if x.strip()]
        for shape in {_shape(x) for x in edge}:
            counts[shape] = counts.get(shape, 0) + 1
    return {shape for shape, n in counts.items() if n >= 2}


# -- .html -------------------------------------------------------------------------------------

#: Elements whose content is never the charter: navigation, page chrome, code, forms.
_SKIP = {"nav", "header", "footer", "script", "style", "noscript", "template", "form", "aside",
         "button", "select", "svg", "iframe", "head", "menu", "caption"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th",
           "div", "section", "article", "main", "blockquote", "pre", "tr", "br", "ul", "ol",
           "table", "dl", "body", "figcaption"}
_ROLE_SKIP = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}


def html_lines(text: str) -> list[Line]:
    from html.parser import HTMLParser

    out: list[Line] = []

    class Parser(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.skip: list[str] = []
            self.buf: list[str] = []
            self.kind = ""
            self.level = 0
            self.start = 1
            self.cells: list[str] | None = None
            self.in_main = False
            self.seen_main = False

        def flush(self) -> None:
            t = " ".join("".join(self.buf).split())
            self.buf = []
            if t and self.kind == "dt":
                self.dt = t  # "Type" + "Administrativt niveau" → "Type: Administrativt niveau"
                self.kind, self.level = "", 0
                return
            if t and self.kind == "dd" and getattr(self, "dt", None):
                t = f"{self.dt}: {t}"
                self.dt = None
                self.kind = "para"
            if t:
                if self.cells is not None:
                    self.cells.append(t)
                else:
                    out.append(Line(t, self.start, self.kind, self.level))
                    out.append(Line("", self.start))
            self.kind, self.level = "", 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            if self.skip:
                if tag not in ("br", "img", "hr", "meta", "link", "input"):
                    self.skip.append(tag)
                return
            role = (a.get("role") or "").lower()
            hidden = "hidden" in a or (a.get("aria-hidden") or "") == "true"
            # A page's own header/footer inside <main> (e.g. a charter's title block) is content.
            chrome = tag in _SKIP and not (self.in_main and tag in ("header", "footer"))
            if chrome or role in _ROLE_SKIP or hidden:
                if tag not in ("br", "img", "hr", "meta", "link", "input"):
                    self.skip.append(tag)
                return
            if tag in ("main", "article") or role == "main":
                self.in_main = True
                self.seen_main = True
            if tag in _BLOCKS:
                self.flush()
                self.start = self.getpos()[0]
                if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    self.kind, self.level = "heading", int(tag[1])
                elif tag == "li":
                    self.kind = "item"
                elif tag == "p":
                    self.kind = "para"
                elif tag in ("dd", "dt"):
                    self.kind = tag
                if tag == "tr":
                    self.cells = []

        def handle_endtag(self, tag: str) -> None:
            if self.skip:
                if self.skip[-1] == tag:
                    self.skip.pop()
                elif tag in self.skip:
                    while self.skip and self.skip.pop() != tag:
                        pass
                return
            if tag in _BLOCKS:
                self.flush()
                if tag == "tr" and self.cells is not None:
                    cells, self.cells = self.cells, None
                    if cells:
                        out.append(Line(" | ".join(cells), self.start, "row"))
                        out.append(Line("", self.start))
            if tag in ("main", "article"):
                self.in_main = False

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.buf.append(data)

    parser = Parser()
    parser.feed(text)
    parser.close()
    parser.flush()
    return out
