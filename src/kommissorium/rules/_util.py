"""Helpers shared by the rule families: prose walking, exact positions inside text, parties,
frequencies written in Danish. Rules read; nothing here reads files or prints."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, Iterator

from kommissorium.model.charter import Charter, ExpandOver, Party, Seat
from kommissorium.model.types import Frequency

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterFile, CharterSet

#: Keys whose string values (or lists of strings) are the author's prose.
PROSE_KEYS = frozenset({
    "formål", "baggrund", "tekst", "noter", "note", "indledning", "punkter", "principper",
    "opgaver", "krav", "aftales", "tidspunkt", "periode", "kan-nedsætte", "afgørende-stemme",
    "behandler-ikke", "vælges-blandt", "dagsordener-og-referater", "kommissorium", "overskrift",
})
#: Keys never descended into when looking for prose.
SKIP_KEYS = frozenset({"undertryk", "overskrifter", "kilde"})


def prose(cf: "CharterFile", under: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every prose string of a charter file: (YAML path, text). ``under`` limits to a subtree."""
    if not under:
        # Several rules walk all prose of every charter: walk each file once.
        cached = cf.__dict__.get("_prose_all")
        if cached is None:
            cached = cf.__dict__["_prose_all"] = list(_walk(cf.doc.data, (), None))
        yield from cached
        return
    data: Any = cf.doc.data
    for key in under:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return
    yield from _walk(data, tuple(under), under[-1] if under else None)


def _walk(node: Any, path: tuple[Any, ...], key: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k in SKIP_KEYS:
                continue
            yield from _walk(v, path + (k,), k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, path + (i,), key)
    elif isinstance(node, str) and key in PROSE_KEYS:
        yield path, node


def _offset(text: str, line: int, column: int) -> int:
    off = 0
    for i, ln in enumerate(text.split("\n")):
        if i == line - 1:
            return off + column - 1
        off += len(ln) + 1
    return len(text)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


def locate(cf: "CharterFile", path: tuple[Any, ...], value: str, start: int,
           end: int) -> dict[str, Any]:
    """Location of ``value[start:end]`` (a prose string at ``path``) in the file itself.

    The scalar may be folded, quoted or a block; the matched words are searched in the source
    text from the scalar's start, allowing any whitespace between them."""
    line, column = cf.at(*path)
    text = cf.doc.text
    base = {"file": cf.display, "line": line, "column": column, "charter": cf.id}
    words = value[start:end].split()
    if not text or not words:
        return base
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    # count earlier occurrences of the same words inside the value, to skip them in the file
    flat = " ".join(value[:end].split())
    nth = max(0, len(list(re.finditer(re.escape(" ".join(words)), flat))) - 1)
    pos = _offset(text, line, column)
    for i, m in enumerate(pattern.finditer(text, pos)):
        if i == nth:
            ln, col = _line_col(text, m.start())
            return {**base, "line": ln, "column": col}
    return base


# -- numbers in Danish prose -----------------------------------------------------------------
WORDS = {
    "nul": 0, "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
    "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18,
    "nitten": 19, "tyve": 20, "enogtyve": 21, "toogtyve": 22,
}
NUM = r"(?<![\w.,])(\d+|" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")(?![\w])"


def to_number(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return WORDS.get(token)


def fmt_num(x: float | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if float(x).is_integer() else f"{x:g}".replace(".", ",")


def describe_frequency(f: Frequency | None, unit: str = "gange årligt") -> str:
    """'mindst 4 gange årligt', '3-4 gange årligt', 'ca. 10 gange årligt', 'efter behov'."""
    if f is None:
        return "intet angivet"
    if unit == "gange årligt" and max(
            (v for v in (f.minimum, f.maximum, f.approximately) if v is not None), default=0) == 1:
        unit = "gang årligt"
    parts = []
    if f.minimum is not None and f.maximum is not None:
        if f.minimum == f.maximum:
            parts.append(f"{fmt_num(f.minimum)} {unit}")
        else:
            parts.append(f"{fmt_num(f.minimum)}-{fmt_num(f.maximum)} {unit}")
    elif f.minimum is not None:
        parts.append(f"mindst {fmt_num(f.minimum)} {unit}")
    elif f.maximum is not None:
        parts.append(f"højst {fmt_num(f.maximum)} {unit}")
    if f.approximately is not None:
        parts.append(f"ca. {fmt_num(f.approximately)} {unit}")
    if f.on_demand:
        parts.append("efter behov")
    return " og ".join(parts)


# -- parties ----------------------------------------------------------------------------------
PARTY_DA = {
    Party.MUNICIPALITIES: "kommunerne",
    Party.REGION: "regionen",
    Party.GENERAL_PRACTICE: "almen praksis",
    Party.PATIENTS: "patienterne",
    Party.STATE: "staten",
    Party.OTHER: "andre",
}


def seat_party(cs: "CharterSet", seat: Seat) -> Party | None:
    if seat.party is not None:
        return seat.party
    if seat.for_each is ExpandOver.MUNICIPALITY:
        return Party.MUNICIPALITIES
    if seat.for_each is ExpandOver.REGION:
        return Party.REGION
    for ref in (seat.source, seat.appointed_by, seat.nominated_by, seat.members_of):
        if ref:
            p = cs.registry.party_of(ref)
            if p is not None:
                return p
    return None


# -- dates ------------------------------------------------------------------------------------
def charter_date(c: Charter) -> date | None:
    return c.effective_date


def fmt_date(d: date) -> str:
    from kommissorium.danish import format_date

    return format_date(d)
