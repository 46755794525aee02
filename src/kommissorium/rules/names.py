"""Names and time (N): bodies named by a near-miss of their name, approval dates in the future,
references to bodies that did not exist at the charter's date, outdated names in prose."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterator

from kommissorium.corpus import CharterSet, refs_in
from kommissorium.danish import format_partial_date
from kommissorium.model.charter import Charter
from kommissorium.model.types import Validity
from kommissorium.model.validate import fold
from kommissorium.problems import Severity
from kommissorium.rules._util import fmt_date, locate, prose
from kommissorium.rules.base import Finding, at, rule

#: Danish endings that make another form of the same name (genitive, definite, plural).
_ENDINGS = ("", "s", "e", "es", "en", "ens", "et", "ets", "ne", "nes", "ene", "enes", "erne", "ernes")


def _in_force(valid: Validity | None, when: date | None) -> bool:
    if valid is None or when is None:
        return True
    if valid.start is not None and when < valid.start.first_day:
        return False
    if valid.end is not None and when > valid.end.last_day:
        return False
    return True


def _period(valid: Validity) -> str:
    start = format_partial_date(valid.start) if valid.start else ""
    end = format_partial_date(valid.end) if valid.end else ""
    if start and end:
        return f"fra {start} til {end}"
    return f"fra {start}" if start else f"til {end}"


def _dated(c: Charter) -> str:
    for d in (c.approved.date if c.approved else None, c.date, c.valid.start if c.valid else None):
        if d is not None:
            return format_partial_date(d)
    return "?"


@dataclass
class _Name:
    text: str
    key: str  # charter id or registry key
    valid: Validity | None
    replaced_by: str | None
    #: The area of the charter that bears the name (None for registry names).
    area: str | None = None


def _names(cs: CharterSet) -> list[_Name]:
    out: list[_Name] = []
    for cf in cs.valid():
        c = cf.charter
        for n in [c.name, c.short_name, *c.other_names]:
            if n:
                out.append(_Name(n, cf.id, c.valid, c.replaced_by, c.area))
    for loc in cs.registry.entries.values():
        e = loc.entry
        for n in [e.name, *e.other_names]:
            out.append(_Name(n, e.key, e.valid, e.replaced_by, e.area))
    return out


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _same_name(a: str, b: str) -> bool:
    """True when a and b are forms of the same name ('Sundhedsforum', 'Sundhedsforummets')."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_.startswith(short) and long_[len(short):] in _ENDINGS:
        return True
    # both inflected from a common stem ("udvalget" / "udvalgets" / "udvalg")
    for e in _ENDINGS[1:]:
        if short.endswith(e) and long_.startswith(short[: -len(e)]) and long_[len(short) - len(e):] in _ENDINGS:
            return True
    return False


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, computed only within ``limit`` of the diagonal (limit+1 = more)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    big = limit + 1
    prev = {j: j for j in range(0, min(len(b), limit) + 1)}
    for i in range(1, len(a) + 1):
        lo, hi = max(0, i - limit), min(len(b), i + limit)
        cur: dict[int, int] = {}
        best = big
        for j in range(lo, hi + 1):
            if j == 0:
                v = i
            else:
                v = min(prev.get(j, big) + 1, cur.get(j - 1, big) + 1,
                        prev.get(j - 1, big) + (a[i - 1] != b[j - 1]))
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return big
        prev = cur
    return min(prev.get(len(b), big), big)


def _within(a: str, b: str, k: int) -> bool:
    """Whether the Levenshtein distance of ``a`` and ``b`` is at most ``k`` (small): equal
    beginnings and endings are taken off (an optimal alignment matches them), then each of the
    three edits at the first difference is tried with one edit less. At most 3^k branches, each
    a few string comparisons done in C: about 30 times faster than the table for k = 2."""
    if a == b:
        return True
    if k <= 0 or abs(len(a) - len(b)) > k:
        return False
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    j = 0
    while j < n - i and a[-1 - j] == b[-1 - j]:
        j += 1
    a, b = a[i:len(a) - j], b[i:len(b) - j]
    if not a or not b:
        return max(len(a), len(b)) <= k
    return (_within(a[1:], b[1:], k - 1) or _within(a[1:], b, k - 1)
            or _within(a, b[1:], k - 1))


_WORD = re.compile(r"\w[\w-]*")


@rule(
    "N001",
    "navn.naesten-rigtigt",
    Severity.WARNING,
    "Teksten nævner et organ med et navn, der næsten, men ikke helt, er dets navn.",
)
def near_miss(cs: CharterSet) -> Iterator[Finding]:
    """
    Et organ skal nævnes ved sit navn (`navn`, `forkortelse` eller et af `andre-navne`), så læseren
    og søgninger finder det: "Strategisk Sundhedsforum", ikke "Strategisk Sundheds Forum" eller
    "Sundhedssamarbejdsudvalgte". Bøjninger af navnet ("Sundhedssamarbejdsudvalgets") er i orden.
    Navne sammenlignes med alle kommissorier og registrets organisationer; er et andet navn
    tilsigtet, så tilføj det under `andre-navne` i organets kommissorium.

    Godt:
        formål: … indstille til Sundhedssamarbejdsudvalget …

    Dårligt:
        formål: … indstille til Sundhedsamarbejdsudvalget …   # mente du 'Sundhedssamarbejdsudvalget'?
    """
    names = _names(cs)
    exact: set[str] = set()
    for n in names:
        exact |= _stems(_compact(n.text))
    index = _NameIndex()
    for order, n in enumerate(names):
        entry = cs.registry.get(n.key)
        if entry is not None and entry.kind in ("kommune", "region", "land"):
            continue
        comp = _compact(n.text)
        if len(comp) >= _MIN_NAME:
            index.add(order, comp, len(n.text.split()), n)
    if not index.names:
        return
    cache: dict = {}
    # The same prose (a frame's tasks, a shared principle) recurs in many charters: scan each
    # distinct text once. Without this the rule dominates `validate` on a national corpus.
    scanned: dict[str, list[tuple[int, int, _Name]]] = {}
    for cf in cs.valid():
        for path, text in prose(cf):
            hits = scanned.get(text)
            if hits is None:
                hits = scanned[text] = _scan(text, exact, index, cache)
            for start, end, n in hits:
                span = text[start:end]
                other = cs.get(n.key)
                where_ = ""
                if other is not None:
                    line, col = other.at("navn")
                    where_ = f" (navnet i {other.display}:{line}:{col})"
                yield Finding(
                    f"'{span}' ligner navnet '{n.text}'{where_}, men er ikke det. "
                    f"Mente du '{n.text}'? Er det et tilsigtet andet navn, så tilføj det "
                    "under 'andre-navne'.",
                    **locate(cf, path, text, start, end),
                )


#: Names shorter than this (letters and digits) are not looked for: too many words are near them.
_MIN_NAME = 12
#: Edits (Levenshtein distance) that still count as a near miss.
_EDITS = 2
#: Bounds on the work for one window of words, so that crafted text (thousands of names that
#: share their first letters) stays linear: at most ``_MAX_CANDIDATES`` names (the first in the
#: names' order) are tested on shared letter pairs, and at most ``_MAX_COMPARED`` of those are
#: compared letter by letter. In real text a window meets zero to three names.
_MAX_CANDIDATES = 200
_MAX_COMPARED = 12


class _NameIndex:
    """Candidate names for N001, found without comparing a window of words with every name.

    A name within two edits of a word has (pigeonhole) one of its three thirds unchanged, shifted
    by at most two places. Each name is filed under its length, its number of words, its first two
    letters and each third with its position; a window of words looks up the at most
    5 lengths × 3 thirds × 5 shifts pieces it could share with a name. The work for one window is
    bounded by the length limit of names, not by their number, so the rule is linear in the size
    of the prose (the near names are then compared letter by letter, at most ``_MAX_COMPARED``)."""

    def __init__(self) -> None:
        self.names: list[tuple[int, str, frozenset[str], _Name]] = []  # order, compact, pairs, name
        self.pieces: dict[tuple[str, int, int, int, str], list[int]] = {}
        self.shapes: dict[tuple[str, int], tuple[int, int]] = {}  # (first two, words) → lengths

    def add(self, order: int, comp: str, n_words: int, n: _Name) -> None:
        i = len(self.names)
        self.names.append((order, comp, _pairs(comp), n))
        m = len(comp)
        first = comp[:2]
        for part, (a, b) in enumerate(_thirds(m)):
            self.pieces.setdefault((first, n_words, m, part, comp[a:b]), []).append(i)
        lo, hi = self.shapes.get((first, n_words), (m, m))
        self.shapes[(first, n_words)] = (min(lo, m), max(hi, m))

    def near(self, comp: str, size: int, stems: frozenset[str]) -> _Name | None:
        """The first name (in the names' order) of ``size`` words, of nearly the length of
        ``comp`` (±6) and with its first two letters, that one of ``stems`` spells within two
        edits."""
        first, length = comp[:2], len(comp)
        shape = self.shapes.get((first, size))
        if shape is None or shape[0] > length + 6 or shape[1] < length - 6:
            return None
        found: set[int] = set()
        seen: set[tuple[int, int, int, int]] = set()
        for st in stems:
            for m in range(max(_MIN_NAME, len(st) - _EDITS, length - 6),
                           min(len(st) + _EDITS, length + 6) + 1):
                for part, (a, b) in enumerate(_thirds(m)):
                    for shift in range(-_EDITS, _EDITS + 1):
                        x, y = a + shift, b + shift
                        if x < 0 or y > len(st) or (m, part, x, y) in seen:
                            continue
                        seen.add((m, part, x, y))
                        hits = self.pieces.get((first, size, m, part, st[x:y]))
                        if hits:
                            found.update(hits[:_MAX_CANDIDATES])  # each list is in order
        if not found:
            return None
        pairs = _pairs(comp)
        compared = 0
        for i in sorted(found)[:_MAX_CANDIDATES]:
            _, cand, cand_pairs, n = self.names[i]
            # Each edit removes at most two of the name's letter pairs: a name within two edits
            # keeps all but four of its pairs, and the stems' pairs are among the window's.
            if len(cand_pairs & pairs) < len(cand_pairs) - 2 * _EDITS:
                continue
            if any(_within(st, cand, _EDITS) for st in stems):
                return n
            compared += 1
            if compared >= _MAX_COMPARED:
                break
        return None


def _pairs(comp: str) -> frozenset[str]:
    return frozenset(comp[i:i + 2] for i in range(len(comp) - 1))


@lru_cache(maxsize=256)
def _thirds(m: int) -> tuple[tuple[int, int], ...]:
    return ((0, m // 3), (m // 3, 2 * m // 3), (2 * m // 3, m))


#: Judged windows kept for reuse (a name recurs across charters); cleared beyond this many, so
#: that memory stays bounded whatever the prose.
_MAX_CACHE = 200_000


def _scan(text: str, exact: set[str], index: _NameIndex, cache: dict) -> list[tuple[int, int, _Name]]:
    """Near misses in one text: (start, end, the name it nearly spells). The words are read
    through a window of the next five: memory does not grow with the text."""
    words = _WORD.finditer(text)
    window: deque[tuple[int, int]] = deque()

    def fill() -> None:
        while len(window) < 5:
            m = next(words, None)
            if m is None:
                return
            window.append(m.span())

    hits: list[tuple[int, int, _Name]] = []
    fill()
    while window:
        if len(cache) > _MAX_CACHE:
            cache.clear()
        hit = _near_miss_at(window, text, exact, index, cache) if text[window[0][0]].isupper() else None
        if hit is None:
            window.popleft()
        else:
            size, n = hit
            hits.append((window[0][0], window[size - 1][1], n))
            for _ in range(size):
                window.popleft()
        fill()
    return hits


@lru_cache(maxsize=1 << 16)
def _stems(comp: str) -> frozenset[str]:
    """The word itself and what is left when a Danish ending is taken off (cached: candidate
    names are compared with every distinct window of words in the corpus)."""
    out = {comp}
    for e in _ENDINGS:
        if e and comp.endswith(e) and len(comp) > len(e) + 3:
            out.add(comp[: -len(e)])
    return frozenset(out)


def _near_miss_at(window: "deque[tuple[int, int]]", text: str, exact: set[str],
                  index: _NameIndex, cache: dict) -> tuple[int, _Name] | None:
    """A window of words starting at the window's first that nearly (not exactly) spells a
    known name."""
    first = window[0][0]
    for size in range(1, len(window) + 1):
        raw = text[first:window[size - 1][1]]
        verdict = cache.get((raw, size), _MISSING)
        if verdict is _MISSING:
            comp = _compact(raw)
            key = (comp, size)
            if key not in cache:
                cache[key] = _judge(comp, size, exact, index)
            verdict = cache[(raw, size)] = cache[key]
        if verdict is _KNOWN:
            return None  # a known name (or a form of one) starts here
        if verdict is not None:
            return size, verdict
    return None


_KNOWN = object()
_MISSING = object()


def _judge(comp: str, size: int, exact: set[str], index: _NameIndex) -> object:
    stems = _stems(comp)
    if stems & exact:
        return _KNOWN
    # (a name spelled with other spaces, 'Strategisk Sundheds Forum', has the same compact form
    # as the name, so it is among ``exact`` and known here)
    return index.near(comp, size, stems)


@rule(
    "N002",
    "tid.godkendt-i-fremtiden",
    Severity.ERROR,
    "Kommissoriets godkendelsesdato (eller dato) ligger i fremtiden.",
)
def future_date(cs: CharterSet) -> Iterator[Finding]:
    """
    Et kommissorium kan ikke være godkendt på en dato, der endnu ikke er kommet: datoen er
    næsten altid en tastefejl i året ("2122-06-23") eller en planlagt dato, der hører til
    `gyldig: {fra: …}`. En måned alene ("august 2022") tæller fra månedens første dag.

    Godt:
        godkendt: {af: syddanmark/administrativt-kontaktforum, dato: 2022-06-23}

    Dårligt:
        godkendt: {af: syddanmark/administrativt-kontaktforum, dato: 2199-06-23}
    """
    from kommissorium import corpus

    today = corpus.today()
    for cf in cs.valid():
        c = cf.charter
        for path, d in ((("godkendt", "dato"), c.approved.date if c.approved else None),
                        (("dato",), c.date)):
            if d is None or d.first_day <= today:
                continue
            yield Finding(
                f"Datoen {format_partial_date(d)} ligger i fremtiden (i dag er {fmt_date(today)}). "
                "Er året skrevet forkert? En kommende ikrafttræden hører til 'gyldig: {fra: …}'.",
                **at(cf, *path),
            )


@rule(
    "N003",
    "tid.organ-findes-ikke-paa-datoen",
    Severity.ERROR,
    "Kommissoriet henviser til et organ eller en registerpost, der ikke fandtes på kommissoriets dato.",
)
def reference_in_force(cs: CharterSet) -> Iterator[Finding]:
    """
    Et kommissorium fra august 2022 kan ikke referere til Sundhedskoordinationsudvalget, der
    blev afløst af Sundhedssamarbejdsudvalget 1. juli 2022, og et fra 2017 ikke til en
    sundhedsklynge. Et kommissorium er gyldigt i perioden `gyldig: {fra, til}`; registerposter
    har samme felt. Kommissoriets egen dato er godkendelsesdatoen, ellers `dato`, ellers
    `gyldig.fra`. (Kommissoriets `område` kontrolleres af G005.)

    Godt:
        godkendt: {dato: 2017-06}
        relationer: {refererer-til: nordjylland/sundhedskoordinationsudvalget}

    Dårligt:
        godkendt: {dato: 2022-08}
        relationer: {refererer-til: nordjylland/sundhedskoordinationsudvalget}  # til 30. juni 2022
    """
    for cf in cs.valid():
        c = cf.charter
        when = c.effective_date
        if when is None:
            continue
        for path, ref in refs_in(c):
            if path in (("område",), ("erstattet-af",)) or ref == cf.id:
                # the area has its own rule (G005); a successor naturally starts later
                continue
            target = cs.get(ref)
            if target is not None and target.charter is not None:
                tc = target.charter
                if _in_force(tc.valid, when):
                    continue
                line, col = target.at("gyldig")
                after = (f" Det er erstattet af '{cs.name_of(tc.replaced_by)}'."
                         if tc.replaced_by else "")
                yield Finding(
                    f"'{tc.name}' ({ref}) gælder {_period(tc.valid)} (defineret i "
                    f"{target.display}:{line}:{col}), men kommissoriet er dateret {_dated(c)}.{after}",
                    **at(cf, *path),
                )
                continue
            entry = cs.registry.get(ref)
            if entry is None or entry.valid_at(when):
                continue
            loc = cs.registry.where(ref)
            after = (f" Det er erstattet af '{cs.name_of(entry.replaced_by)}'."
                     if entry.replaced_by else "")
            yield Finding(
                f"'{entry.name}' ({ref}) gælder {entry.period()} (defineret i {loc.file}:"
                f"{loc.line}:{loc.column}), men kommissoriet er dateret {_dated(c)}.{after}",
                **at(cf, *path),
            )


_HISTORY = re.compile(r"(tidligere|afløs|erstat|før\s+\d{4}|indtil|nedlagt)", re.IGNORECASE)


def _other_area(cs: CharterSet, area: str | None, own: str) -> bool:
    """True when a name belongs to a body of another kommune than the charter's own (or the
    charter is a kommune's and the name's body belongs elsewhere)."""
    if area is None or area == own:
        return False
    kinds = {getattr(cs.registry.get(a), "kind", None) for a in (area, own)}
    return "kommune" in kinds


@rule(
    "N004",
    "tid.foraeldet-navn",
    Severity.WARNING,
    "Teksten nævner et organ ved et navn, der ikke gjaldt på kommissoriets dato.",
)
def outdated_name(cs: CharterSet) -> Iterator[Finding]:
    """
    Når teksten i et kommissorium fra 2023 taler om "Sundhedskoordinationsudvalget", er den
    skrevet af fra et ældre dokument: organet hed på det tidspunkt Sundhedssamarbejdsudvalget.
    Navne fra kommissorier med `gyldig` og fra registerposter med `gyldig` sammenlignes med
    kommissoriets dato. Omtaler, der selv siger, at navnet er historisk ("tidligere", "afløser",
    "erstatter"), er i orden. Et 2017-kommissorium, der taler om sin egen tid, er i orden.

    Godt:
        godkendt: {dato: 2023-02}
        formål: Sundhedssamarbejdsudvalget, der afløste Sundhedskoordinationsudvalget, …

    Dårligt:
        godkendt: {dato: 2023-02}
        formål: Gruppen forbereder sager for Sundhedskoordinationsudvalget.
    """
    dated = [n for n in _names(cs) if n.valid is not None and len(n.text) >= 3]
    if not dated:
        return
    for cf in cs.valid():
        c = cf.charter
        when = c.effective_date
        if when is None:
            continue
        # A generic council name ("Udsatterådet") in a kommune's charter means its own
        # kommune's council, not another kommune's body of the same name.
        stale = [n for n in dated if n.key != cf.id and not _in_force(n.valid, when)
                 and not _other_area(cs, n.area, c.area)]
        if not stale:
            continue
        fresh = {n.text for n in dated if _in_force(n.valid, when)}
        stale = [n for n in stale if n.text not in fresh]
        stale.sort(key=lambda n: -len(n.text))
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(n.text) for n in stale) + r")(?:"
            + "|".join(e for e in _ENDINGS if e) + r")?(?!\w)"
        )
        by_text = {n.text: n for n in stale}
        for path, text in prose(cf):
            for m in pattern.finditer(text):
                if _HISTORY.search(text[max(0, m.start() - 60):m.start()]):
                    continue
                n = by_text[m[1]]
                after = f" Det er erstattet af '{cs.name_of(n.replaced_by)}'." if n.replaced_by else ""
                yield Finding(
                    f"'{m[0]}' gælder {_period(n.valid)}, men kommissoriet er dateret "
                    f"{_dated(c)}.{after} Skriv det navn, der gjaldt, eller at navnet er "
                    "historisk ('tidligere …').",
                    **locate(cf, path, text, m.start(), m.end()),
                )
