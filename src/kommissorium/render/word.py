"""Document model → Word (.docx), for filing in a case system (ESDH).

Built with python-docx from the same ``Document`` as HTML, Markdown and PDF: the title in Word's
"Title" style, section headings as "Heading 1", lists as "List Bullet" (real Word numbering, so a
screen reader and Word's navigation pane see a list), the member table as a table with a repeated
header row, and notes in italics. The document language is Danish (``w:lang da-DK``) on the default
run properties, so Word's spelling, hyphenation and screen readers use Danish. Title, subject,
category, language, identifier, version and a reproducible creation date are set in the core
properties. The zip members get a fixed timestamp, so the same charter gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from kommissorium.document.model import BulletList, Facts, MemberTable, Paragraph

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.document import Document

LANGUAGE = "da-DK"
#: Zip timestamps when the document has no date of its own (the earliest a zip can hold).
_EPOCH = (1980, 1, 1, 0, 0, 0)


def render_docx(doc: "Document") -> bytes:
    """The document as the bytes of a .docx file."""
    from docx import Document as WordDocument
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from kommissorium import __version__

    word = WordDocument()
    _set_language(word, LANGUAGE)

    word.add_heading(doc.title, level=0)
    if doc.subtitle:
        word.add_paragraph(doc.subtitle, style="Subtitle")
    if doc.approval_line:
        word.add_paragraph(doc.approval_line)
    _facts(word, doc.facts)
    if doc.notice:
        _italic(word, doc.notice)

    for section in doc.sections:
        if section.heading:
            mark = " *" if section.inherited_from else ""
            word.add_heading(section.heading + mark, level=max(1, (section.level or 2) - 1))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                if block.style == "note":
                    _italic(word, block.text)
                else:
                    word.add_paragraph(block.text)
            elif isinstance(block, BulletList):
                for item in block.items:
                    word.add_paragraph(item, style="List Bullet")
            elif isinstance(block, MemberTable):
                _members(word, block, WD_TABLE_ALIGNMENT, WD_ALIGN_PARAGRAPH)
            elif isinstance(block, Facts):
                _facts(word, block.items)

    page = word.sections[0]
    header = page.header.paragraphs[0]
    header.text = f"{doc.kind}: {doc.body_name}"
    if doc.version_line:
        page.footer.paragraphs[0].text = doc.version_line

    when = _timestamp(doc)
    core = word.core_properties
    core.title = doc.title
    core.subject = doc.body_name
    core.category = doc.kind
    core.language = LANGUAGE
    core.identifier = doc.id
    core.keywords = f"{doc.kind.lower()}; {doc.id}"
    core.author = ""
    core.last_modified_by = ""
    core.comments = f"Gengivet af kommissorium {__version__} fra {doc.id}."
    core.revision = 1
    if doc.meta.get("version"):
        core.version = doc.meta["version"]
    stamp = when or datetime(*_EPOCH, tzinfo=timezone.utc)
    core.created = stamp.replace(tzinfo=None)
    core.modified = stamp.replace(tzinfo=None)

    out = io.BytesIO()
    word.save(out)
    return _fixed_zip(out.getvalue(), when)


def _set_language(word: Any, lang: str) -> None:
    """``w:lang`` on the document defaults and the Normal style (Word reads either)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for target in (rpr, word.styles["Normal"].element.get_or_add_rPr()):
        el = target.find(qn("w:lang"))
        if el is None:
            el = OxmlElement("w:lang")
            target.append(el)
        el.set(qn("w:val"), lang)
        el.set(qn("w:eastAsia"), lang)


def _italic(word: Any, text: str) -> None:
    word.add_paragraph().add_run(text).italic = True


def _facts(word: Any, facts: Any) -> None:
    for fact in facts:
        p = word.add_paragraph()
        p.add_run(f"{fact.label}: ").bold = True
        p.add_run(fact.value)


def _members(word: Any, block: MemberTable, table_alignment: Any, align: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    word.add_paragraph(block.caption, style="Caption")
    table = word.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.alignment = table_alignment.LEFT
    head = table.rows[0]
    for cell, text in zip(head.cells, ("Medlem", block.count_heading)):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    head.cells[1].paragraphs[0].alignment = align.RIGHT
    # the header row repeats on every page and tells assistive technology it is a header
    tr_pr = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for row in block.rows:
        cells = table.add_row().cells
        cells[0].text = f"{row.text} ({row.detail})" if row.detail else row.text
        cells[1].text = row.count
        cells[1].paragraphs[0].alignment = align.RIGHT
    # a wide column for the seat, a narrow one for the count (Word reads the cell widths)
    table.autofit = False
    for column, width in zip(table.columns, (Cm(13), Cm(2.5))):
        column.width = width  # w:gridCol, which LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, (Cm(13), Cm(2.5))):
            cell.width = width
    if block.total_text:
        total = word.add_paragraph(block.total_text)
        total.paragraph_format.space_before = Pt(6)


def _timestamp(doc: "Document") -> datetime | None:
    from kommissorium.render.engine import _timestamp as document_date

    return document_date(doc)


def _fixed_zip(data: bytes, when: datetime | None) -> bytes:
    """The same zip with every member dated ``when`` (or 1980-01-01): reproducible bytes."""
    stamp = (when.timetuple()[:6] if when and when.year >= 1980 else _EPOCH)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
