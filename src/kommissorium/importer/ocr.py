"""Repairing scanning (OCR) errors: "Hjgrring" → "Hjørring", "mgder" → "møder".

Text recognition without a Danish language model reads æ, ø and å as other letters: ø as
"g", "p" or "@", æ as "ae", "z", "ze" or "ee", å as "a", and a lower-case l as "I". A word is
repaired only when it is not a known word itself and exactly one way of undoing such
confusions (at most three of them, or two parts of a compound) gives a known word: a name from
the registry or a word of the word list (``data/ord.txt``, made by tools/make_wordlist.py).
Every repair is reported with its line. Documents with the Danish letters intact get only the
registry-name repairs: there the general confusions would do more harm than good.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: (what the scanner wrote, what it stands for), tried in this order.
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("ae", "æ"), ("ze", "æ"), ("ee", "æ"), ("z", "æ"), ("g", "ø"), ("a", "å"), ("e", "æ"),
    ("p", "ø"), ("@g", "ø"), ("@", "ø"), ("o", "ø"), ("e", "ø"), ("ss", "sa"), ("a", "æ"),
)
_STRONG = re.compile(r"[gpz@]|ae|ee")
_WORD = re.compile(r"[A-Za-zÆØÅæøåé@]+")


@dataclass
class Repair:
    line: int
    original: str
    repaired: str
    why: str  # "register" or "ordliste"


@lru_cache(maxsize=1)
def word_list() -> frozenset[str]:
    text = (resources.files("kommissorium.importer") / "data" / "ord.txt").read_text("utf-8")
    return frozenset(w for w in text.split() if w)


def looks_scanned(text: str) -> bool:
    """True when a Danish text has (almost) no æ, ø and å: they were lost in scanning."""
    words = len(text.split())
    special = len(re.findall(r"[æøåÆØÅ]", text))
    return words >= 40 and special * 200 < words


def _candidates(word: str, depth: int = 3) -> list[str]:
    """Spellings reachable by undoing up to ``depth`` confusions (breadth first)."""
    seen = {word}
    frontier = [word]
    out: list[str] = []
    for _ in range(depth):
        nxt = []
        for w in frontier:
            for bad, good in CONFUSIONS:
                start = 0
                while (i := w.find(bad, start)) != -1:
                    c = w[:i] + good + w[i + len(bad):]
                    start = i + 1
                    if c not in seen:
                        seen.add(c)
                        nxt.append(c)
                        out.append(c)
                    if len(seen) > 4000:
                        return out
        frontier = nxt
    return out


class Repairer:
    def __init__(self, names: list[str], scanned: bool):
        self.scanned = scanned
        self.known = set(word_list())
        self.names: dict[str, str] = {}
        for name in names:
            for w in _WORD.findall(name):
                if len(w) >= 3:
                    self.names.setdefault(w.lower(), w)
                    self.known.add(w.lower())
        self.cache: dict[str, tuple[str, str] | None] = {}

    def _lookup(self, lower: str) -> list[str]:
        return [c for c in _candidates(lower) if c in self.known]

    def _fix(self, word: str) -> tuple[str, str] | None:
        lower = word.lower()
        if lower in self.known or len(lower) < 2:
            return None
        if not self.scanned:
            # Intact Danish letters: only a registry name one confusion away.
            hits = [c for c in _candidates(lower, 1) if c in self.names]
            return (self.names[hits[0]], "register") if len(set(hits)) == 1 else None
        variants = [lower]
        if word[:1] == "I" and len(word) > 1 and word[1:2].islower():
            variants.append("l" + lower[1:])  # "Igsning" → "løsning"
        for v in variants:
            if v != lower and v in self.known:
                return v, "ordliste"
            if v != lower:
                word = v  # the capital I was a lower-case l
            hits = sorted(set(self._lookup(v)), key=lambda c: _cost(v, c))
            if hits and (len(hits) == 1 or _cost(v, hits[0]) < _cost(v, hits[1])):
                why = "register" if hits[0] in self.names else "ordliste"
                return (self.names.get(hits[0], hits[0]), why)
        for v in variants:
            if len(v) >= 7:
                hit = self._compound(v)
                if hit:
                    return hit, "ordliste"
        return None

    def _compound(self, lower: str) -> str | None:
        """Two parts, each known or untouched, at least one repaired; the repair must show a
        strong sign of scanning (g, p, z, @, ae, ee for ø/æ) or give a long known word."""
        found = set()
        for i in range(3, len(lower) - 3):
            left, right = lower[:i], lower[i:]
            lefts = [left] if left in self.known or len(left) >= 3 else []
            lefts += [c for c in _candidates(left, 2) if c in self.known]
            rights = [right] if right in self.known else []
            rights += [c for c in _candidates(right, 2) if c in self.known and len(c) >= 4]
            for a in lefts:
                for b in rights:
                    if (a, b) == (left, right):
                        continue
                    changed = (left, a) if a != left else (right, b)
                    if _STRONG.search(changed[0]) or len(changed[1]) >= 6:
                        found.add(a + b)
            if found:
                break
        return found.pop() if len(found) == 1 else None

    def repair_word(self, word: str) -> tuple[str, str] | None:
        if word not in self.cache:
            fix = self._fix(word)
            if fix is not None:
                fixed, why = fix
                lower_l = word[:1] == "I" and fixed[:1] == "l"
                if word[:1].isupper() and fixed[:1].islower() and not lower_l:
                    fixed = fixed[:1].upper() + fixed[1:]
                if word.isupper() and len(word) > 1:
                    fixed = fixed.upper()
                fix = (fixed, why) if fixed != word else None
            self.cache[word] = fix
        return self.cache[word]

    def repair_line(self, text: str, line: int, repairs: list[Repair]) -> str:
        if self.scanned:
            # "3regionale": the scanner lost the space after a number
            def space(m: re.Match[str]) -> str:
                repairs.append(Repair(line, m[0], f"{m[1]} {m[2]}", "mellemrum"))
                return f"{m[1]} {m[2]}"

            text = re.sub(r"(?<![\w.,-])(\d{1,3})([a-zæøå]{4,})", space, text)

        def sub(m: re.Match[str]) -> str:
            word = m[0]
            fix = self.repair_word(word)
            if fix is None:
                return word
            repairs.append(Repair(line, word, fix[0], fix[1]))
            return fix[0]

        return _WORD.sub(sub, text)


def _cost(source: str, candidate: str) -> int:
    """How far a candidate is from what was scanned (fewer changed letters first)."""
    import difflib

    m = difflib.SequenceMatcher(None, source, candidate)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in m.get_opcodes() if op != "equal")
