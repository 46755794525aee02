"""Typography of sentences and paragraphs: capitals, full stops, whitespace."""

from __future__ import annotations

import re

#: Marks after which a sentence needs no full stop of its own.
_END = ".!?:"


def capitalize(text: str) -> str:
    """Upper-case the first letter only ('sundhedsdirektør for …' → 'Sundhedsdirektør for …')."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is a name or an abbreviation
    ('PLO', 'Region Nordjylland', 'Københavns Kommune' keep theirs)."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if first[1:2].isupper() or first in {"Region", "Regionen"}:
        return text
    return text[:1].lower() + text[1:]


def sentence(text: str) -> str:
    """Capitalised, with exactly one full stop unless it already ends in punctuation
    (a trailing quote or bracket after the stop counts: '… »X«.')."""
    text = " ".join(text.split())
    if not text:
        return text
    text = capitalize(text)
    while text.endswith("..") and not text.endswith("..."):
        text = text[:-1]
    return text if text[-1] in _END else text + "."


def finish(text: str) -> str:
    """A paragraph as a reader expects it: capital first letter, a full stop after a bare word.

    Only typography: 'ca. 10 møder årligt' → 'Ca. 10 møder årligt.'; text ending in other
    punctuation, a bracket or a quote is left alone."""
    if text[:1].islower():
        text = text[:1].upper() + text[1:]
    if text[-1:].isalnum():
        text += "."
    return text


def clause(text: str) -> str:
    """Author text used inside a generated sentence: whitespace collapsed, no final stop."""
    return " ".join(text.split()).rstrip(".").strip()


def paragraphs(text: str | None) -> list[str]:
    """Prose split into paragraphs at blank lines; line breaks inside a paragraph become spaces."""
    if not text:
        return []
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def finished_paragraphs(text: str | None) -> list[str]:
    """``paragraphs`` each finished (capital, full stop)."""
    return [finish(p) for p in paragraphs(text)]


_STOP = {"eller", "samt", "inden", "hvor", "mindst", "højst", "efter", "under", "også", "deres",
         "denne", "dette", "disse", "skal", "have", "være", "blive", "bliver", "hver", "hvert",
         "nogle", "andre", "anden", "andet", "over", "med", "fra", "til", "som", "for", "det",
         "den", "der", "kan", "ved"}


def _stems(text: str) -> list[str]:
    words = re.findall(r"[a-zæøå0-9]+", text.lower())
    return [w[:5] for w in words if len(w) >= 4 and w not in _STOP]


def states(text: str, phrase: str, share: float = 0.6) -> bool:
    """Whether an author's wording already states a data item: most of the item's words (by
    their first five letters) occur in the wording. 'udpeges af KKR i klyngens region' is stated
    by 'Hvert KKR udpeger en deltager fra hver sundhedsklynge i regionen'."""
    stems = _stems(phrase)
    if not stems:
        return phrase.strip().lower() in text.lower()
    said = text.lower()
    found = sum(1 for s in stems if s in said)
    return found / len(stems) >= share
