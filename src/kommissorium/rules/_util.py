"""Helpers shared by the rule families: prose walking, exact positions inside text, parties,
frequencies written in Danish. Rules read; nothing here reads files or prints."""

from __future__ import annotations

import re
from bisect import bisect_right
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


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _offset(text: str, line: int, column: int, starts: list[int] | None = None) -> int:
    starts = starts if starts is not None else _line_starts(text)
    if 1 <= line <= len(starts):
        return starts[line - 1] + column - 1
    return len(text)


def _line_col(text: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    starts = starts if starts is not None else _line_starts(text)
    i = bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def _source_index(cf: "CharterFile") -> tuple[str, list[int]]:
    """The file's text and its line starts, computed once per file (every finding is located
    with them: without the cache, locating F findings in a file of size S costs F × S)."""
    cached = cf.__dict__.get("_source_index")
    if cached is None or cached[0] is not cf.doc.text:
        text = cf.doc.text or ""
        cached = cf.__dict__["_source_index"] = (text, _line_starts(text))
    return cached


def _word_map(cf: "CharterFile", path: tuple[Any, ...],
              value: str) -> tuple[list[int], list[int], list[int]]:
    """Where each whitespace-separated word of the prose ``value`` stands in the file: (offsets
    in ``value``, offsets in the file), in order. Built once per prose string by walking the file
    forward from the scalar's start; the words are found one after another, so the walk is linear
    in the size of the file. A word that is not found verbatim (a quoted string's escape) is left
    out: a finding inside it falls back to a search."""
    cache = cf.__dict__.setdefault("_word_maps", {})
    key = (path, len(value))
    hit = cache.get(key)
    if hit is not None and hit[0] is value:
        return hit[1]
    text, starts = _source_index(cf)
    line, column = cf.at(*path)
    pos = _offset(text, line, column, starts)
    in_value: list[int] = []
    in_file: list[int] = []
    lengths: list[int] = []
    for m in _TOKEN.finditer(value):
        word = m.group()
        found = text.find(word, pos)
        if found < 0:
            continue  # written differently in the file (an escape): searched for when asked
        in_value.append(m.start())
        in_file.append(found)
        lengths.append(len(word))
        pos = found + len(word)
    result = (in_value, in_file, lengths)
    cache[key] = (value, result)
    return result


_TOKEN = re.compile(r"\S+")


def locate(cf: "CharterFile", path: tuple[Any, ...], value: str, start: int,
           end: int) -> dict[str, Any]:
    """Location of ``value[start:end]`` (a prose string at ``path``) in the file itself.

    The scalar may be folded, quoted or a block; the words of the prose are found in the source
    text from the scalar's start, one after another (``_word_map``), so locating every finding
    in a text costs one pass over it, not one pass per finding."""
    line, column = cf.at(*path)
    base = {"file": cf.display, "line": line, "column": column, "charter": cf.id}
    text, starts = _source_index(cf)
    if not text or not value[start:end].split():
        return base
    while start < end and value[start].isspace():
        start += 1
    in_value, in_file, lengths = _word_map(cf, path, value)
    i = bisect_right(in_value, start) - 1
    if i >= 0 and start < in_value[i] + lengths[i]:
        ln, col = _line_col(text, in_file[i] + (start - in_value[i]), starts)
        return {**base, "line": ln, "column": col}
    searches = cf.__dict__.get("_searches", 0)
    if searches < _MAX_SEARCHES:
        cf.__dict__["_searches"] = searches + 1
        return _locate_by_search(text, starts, base, line, column, value, start, end)
    if i >= 0:  # beyond the bound: the position just after the nearest word before it
        ln, col = _line_col(text, in_file[i] + lengths[i], starts)
        return {**base, "line": ln, "column": col}
    return base


#: Findings per file located by a search of their own (each costs a pass over the file).
_MAX_SEARCHES = 100


def _locate_by_search(text: str, starts: list[int], base: dict[str, Any], line: int, column: int,
                      value: str, start: int, end: int) -> dict[str, Any]:
    """The slow way (a search per finding), for words the word map did not reach."""
    words = value[start:end].split()
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    # count earlier occurrences of the same words inside the value, to skip them in the file
    flat = " ".join(value[:end].split())
    nth = max(0, len(list(re.finditer(re.escape(" ".join(words)), flat))) - 1)
    pos = _offset(text, line, column, starts)
    for i, m in enumerate(pattern.finditer(text, pos)):
        if i == nth:
            ln, col = _line_col(text, m.start(), starts)
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


def describe_frequency(f: Frequency | None) -> str:
    """THE frequency phrase of the phrasebook ('mindst fire møder årligt', 'møder efter behov'):
    rule messages say what documents and the diff say."""
    from kommissorium.danish.quantities import frequency

    return frequency(f)


from kommissorium.danish.vocabulary import party_name as _party_name  # noqa: E402

# -- parties ----------------------------------------------------------------------------------
#: Party → its name in running text, from the phrasebook (one table for documents and rules).
PARTY_DA = {p: _party_name(p) for p in Party}


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
