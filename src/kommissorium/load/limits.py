"""Checks on loaded data that a pull request could abuse (S006–S009), before the schema.

* S006: control characters, bidirectional overrides (U+202E …) and zero-width characters in any
  text, and line breaks or tabs in a name: a name with a newline could forge lines of the
  pull-request comment, an override makes text read differently from what it is.
* S007: lengths: a name (``navn``, ``forkortelse``, ``andre-navne``) of at most ``MAX_NAME``
  characters; each part of a charter's id (its folders and file name) at most ``MAX_ID_PART``
  characters, so every file name derived from it (``<id>.html``, temporary files) stays far
  below the 255-byte limit of file systems.
* S008: numbers: whole numbers and decimals of at most ``MAX_NUMBER`` in size, written without an
  exponent (``1e308``, ``99999999999999999999`` are not a number of meetings).
* S009: a git conflict marker (``<<<<<<<``, ``=======``, ``>>>>>>>`` at the start of a line): an
  unresolved merge must not become prose.

Each finding is located: the line and column of the value (and, for a character, its place in
the text). The walk is linear in the size of the file.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator

from kommissorium.problems import Problem

MAX_NAME = 200
MAX_ID_PART = 100
MAX_NUMBER = 1_000_000

NAME_KEYS = frozenset({"navn", "forkortelse", "andre-navne"})

#: Invisible characters refused in every text: C0/C1 controls except tab and line feed, the Arabic
#: letter mark, Mongolian vowel separator, zero-width and direction marks, bidi embeddings,
#: overrides and isolates, invisible operators, the BOM, interlinear annotation and tag characters.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
#: In a name, line breaks and tabs too.
_INVISIBLE_IN_NAME = re.compile(_INVISIBLE.pattern[:-1] + "\t\n\r]")
_EXPONENT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE]")
_CONFLICT = re.compile(r"^[ \t]*(?:<{7}|>{7}|={7}|\|{7})(?:[ \t].*)?$", re.MULTILINE)


def _problem(code: str, message: str, file: str, line: int, column: int) -> Problem:
    from kommissorium.model.validate import schema_problem

    return schema_problem(code, message, file, line, column)


def char_name(ch: str) -> str:
    if ch == "\n":
        return "U+000A (linjeskift)"
    if ch == "\t":
        return "U+0009 (tabulator)"
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def _walk(node: Any, path: tuple[Any, ...], key: Any) -> Iterator[tuple[tuple[Any, ...], Any, Any]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _walk(v, path + (k,), k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, path + (i,), key)
    else:
        yield path, key, node


def check_document(doc: Any) -> list[Problem]:
    """S006, S008 and S009 problems of a loaded document (``LoadedDocument``)."""
    out: list[Problem] = []
    text = doc.text or ""
    for m in _CONFLICT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = len(m.group()) - len(m.group().lstrip()) + 1
        out.append(_problem(
            "S009",
            f"Linjen »{m.group().strip()[:40]}« er en git-konfliktmarkør: en sammenfletning er ikke "
            "løst. Vælg den rigtige tekst, og slet markørlinjerne.",
            doc.display, line, col))
    if doc.data is None:
        return out
    lines: list[str] | None = None
    for path, key, value in _walk(doc.data, (), None):
        if isinstance(value, str):
            name = key in NAME_KEYS
            bad = (_INVISIBLE_IN_NAME if name else _INVISIBLE).search(value)
            if bad is not None:
                line, col = doc.source_map.value(path)
                what = "Navnet" if name else "Teksten"
                out.append(_problem(
                    "S006",
                    f"{what} indeholder tegnet {char_name(bad.group())} som tegn nr. "
                    f"{bad.start() + 1}; kontroltegn, retningstegn og tegn uden bredde er ikke "
                    "tilladt, da teksten så ser anderledes ud, end den er. Slet tegnet.",
                    doc.display, line, col))
            elif name and len(value) > MAX_NAME:
                line, col = doc.source_map.value(path)
                out.append(_problem(
                    "S007",
                    f"Navnet er {len(value)} tegn langt; et navn må højst være {MAX_NAME} tegn. "
                    "Er det en beskrivelse, hører den til 'formål'.",
                    doc.display, line, col))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if value != value or value in (float("inf"), float("-inf")):
                continue  # .inf/.nan: the schema reports them
            line, col = doc.source_map.value(path)
            if lines is None:
                lines = text.split("\n")
            raw = lines[line - 1][col - 1:] if 0 < line <= len(lines) else ""
            if abs(value) > MAX_NUMBER:
                shown = str(value) if isinstance(value, int) else raw.split()[0] if raw.split() else str(value)
                out.append(_problem(
                    "S008",
                    f"Tallet {shown[:40]} er uden for det rimelige område (højst "
                    f"{MAX_NUMBER:,} i størrelse)".replace(",", ".") + "; ret tallet.",
                    doc.display, line, col))
            elif isinstance(value, float) and _EXPONENT.match(raw):
                out.append(_problem(
                    "S008",
                    f"Tallet {raw.split()[0][:40]} er skrevet med eksponent; skriv det som et "
                    "almindeligt tal (fx 4 eller 0,5 → 0.5).",
                    doc.display, line, col))
    return out


def check_id(cid: str, display: str) -> list[Problem]:
    """S007 for an id with a part (folder or file name) longer than ``MAX_ID_PART``."""
    for part in cid.split("/"):
        if len(part.encode("utf-8")) > MAX_ID_PART:
            return [_problem(
                "S007",
                f"Filnavnet eller mappenavnet '{part[:30]}…' er {len(part.encode('utf-8'))} tegn "
                f"langt; hver del af et id må højst være {MAX_ID_PART} tegn, så alle filer, der "
                "laves ud fra det, kan gemmes. Giv filen et kortere navn.",
                display, 1, 1)]
    return []
