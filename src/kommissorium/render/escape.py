"""Escaping of prose for Typst markup and Markdown, so text is always text.

HTML is escaped by Jinja2's autoescape. Typst and Markdown get the same treatment through these
functions, used as the environments' ``finalize`` (every ``{{ value }}`` is escaped unless it is
already ``Markup``) and as explicit filters (``|typst``, ``|md``).
"""

from __future__ import annotations

import re
import string

from markupsafe import Markup

#: Every ASCII punctuation character is escaped in Typst markup: '#', '*', '_', '$', '=', '-',
#: '/', '<', '@', '[', '`', '~', quotes … ``\\`` followed by any of them is that character.
_TYPST_SPECIAL = frozenset(string.punctuation)


def typst_escape(value: object) -> Markup:
    """Text → Typst markup that shows exactly that text."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = str(value)
    out = []
    for ch in text:
        if ch in _TYPST_SPECIAL:
            out.append("\\" + ch)
        elif ch in "\r\n\t":
            out.append(" ")
        else:
            out.append(ch)
    return Markup("".join(out))


def typst_string(value: object) -> Markup:
    """Text → a Typst string literal ("…"), for code contexts such as ``document(title: …)``."""
    text = "" if value is None else str(value)
    text = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    return Markup(f'"{text}"')


#: Characters that start Markdown syntax anywhere in a line (CommonMark and GFM extensions).
_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~$&!])")
#: Constructs that only matter at the start of a line: lists, quotes, headings, rules.
_MD_LINE_START = re.compile(r"^(\s*)([-+>]|\d{1,9}(?=[.)](?:\s|$)))")


def md_escape(value: object) -> Markup:
    """Text → Markdown that shows exactly that text (one paragraph, no line breaks)."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = " ".join(str(value).split())
    text = _MD_INLINE.sub(r"\\\1", text)
    m = _MD_LINE_START.match(text)
    if m:
        if m.group(2)[0].isdigit():
            # "1. januar" must not become a numbered list: escape the dot or parenthesis.
            end = m.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = m.group(1) + "\\" + text[m.start(2):]
    return Markup(text)


def md_inline(value: object) -> Markup:
    """Text → Markdown for the middle of a line (after '**Godkendt:** ', in a table cell, after
    '# '): inline syntax is escaped, but '23. juni 2022' cannot start a list there and keeps its
    dot unescaped."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(_MD_INLINE.sub(r"\\\1", " ".join(str(value).split())))


def md_cell(value: object) -> Markup:
    """Markdown escaped for a table cell (pipes are escaped by ``md_escape`` already)."""
    return md_escape(value)
