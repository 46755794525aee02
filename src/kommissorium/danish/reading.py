"""Reading Danish: the inverse of the phrasebook, for ``kommissorium import``.

The import reads the sentences an author wrote ('3 regionale kontorchefer', 'Dagsordenen
udsendes én uge inden mødet', 'for en toårig periode'); it uses the same words and plurals the
phrasebook writes, so that what is read back is what would be written.
"""

from __future__ import annotations

import re

from kommissorium.danish.nouns import _INVARIABLE, _PLURAL_ENDINGS, _split_role, plural_adjective, plural_noun
from kommissorium.danish.numbers import WORD_NUMBERS, to_number


def read_number(word: str) -> int | None:
    """A count written as digits or a word: '4', 'fire', 'én' → 4, 4, 1; None otherwise."""
    return to_number(word.strip())


def singular_of(role: str, known: "set[str] | frozenset[str] | None" = None) -> str:
    """The singular of a plural role, checked against ``plural_role``'s own rules: 'regionale
    kontorchefer' → 'regional kontorchef', 'repræsentanter for patienter' → 'repræsentant for
    patienter', 'praktiserende læger' → 'praktiserende læge'. ``known`` (lower-case words)
    decides between candidates that give the same plural ('læge'/'læg'). A role that is not such
    a plural is returned as it is."""
    role = " ".join(role.split())
    head, tail = _split_role(role)
    words = head.split(" ")
    if not words or not words[-1]:
        return role
    last = words[-1]
    lower = last.lower()
    nouns = []
    for singular, plural_form in _PLURAL_ENDINGS.items():
        if lower.endswith(plural_form) and plural_form != singular:
            nouns.append(last[: len(last) - len(plural_form)] + singular)
    for cut in ("er", "r", "e"):
        if lower.endswith(cut) and len(last) - len(cut) >= 2:
            nouns.append(last[: -len(cut)])
    fitting = [n for n in nouns if plural_noun(n) == last]
    if known:
        fitting.sort(key=lambda n: n.lower() not in known)
    if not fitting:
        return role
    adjectives = []
    for w in words[:-1]:
        if w.lower() in _INVARIABLE or not w.lower().endswith("e"):
            adjectives.append(w)
            continue
        cand = w[:-1]
        adjectives.append(cand if plural_adjective(cand) == w else w)
    return " ".join(adjectives + [fitting[0]]) + tail


#: 'én uge', 'to uger', '5 dage', '14 dage' before a meeting → days.
_DAYS = re.compile(r"(\d+|[a-zæøåé]+)\s+(uge|uger|dag|dage|hverdage|kalenderdage)\b", re.IGNORECASE)


def read_days(text: str) -> int | None:
    """The days in 'én uge', 'to uger', '5 dage', '8 kalenderdage' (None if not such)."""
    m = _DAYS.search(text)
    if not m:
        return None
    n = read_number(m[1])
    if n is None:
        return None
    return n * 7 if m[2].lower().startswith("uge") else n


def read_years_adjective(word: str) -> int | None:
    """'toårig' → 2, 'etårig' → 1, '4-årig' → 4 (the inverse of ``ordinal_years``)."""
    m = re.fullmatch(r"(\d+)-?årig[et]?|([a-zæøå]+?)årig[et]?", word.strip().lower())
    if not m:
        return None
    if m[1]:
        return int(m[1])
    return {"et": 1, "én": 1, "en": 1}.get(m[2], WORD_NUMBERS.get(m[2]))
