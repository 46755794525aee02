"""Every sentence the product writes from charter data.

Each function takes model values (and, for names, a ``Names``) and returns one finished Danish
sentence or clause. Documents, diff, rule messages, diagram and site call these, so the same
value is phrased the same everywhere. Words and phrases below sentence level live in the
sibling modules (numbers, nouns, quantities, names, vocabulary).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kommissorium.danish.lists import join
from kommissorium.danish.quantities import duration, frequency, frequency_change  # noqa: F401
from kommissorium.danish.quotes import quote
from kommissorium.danish.text import capitalize, clause
from kommissorium.danish.vocabulary import party_name

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.model.types import Frequency


# -- meetings ------------------------------------------------------------------------------------
def meeting_frequency(f: "Frequency", dur: object = None) -> str:
    """'Der afholdes mindst fire møder årligt af 2-3 timers varighed.'; 'Der afholdes som
    udgangspunkt 12 møder årligt og derudover efter behov.'; 'Der afholdes møder efter behov.'"""
    phrase = frequency(f)
    d = duration(dur)
    if d:
        if f.on_demand and phrase.endswith(" og derudover efter behov"):
            phrase = phrase[: -len(" og derudover efter behov")] + f" {d} og derudover efter behov"
        else:
            phrase = f"{phrase} {d}"
    return f"Der afholdes {phrase}."


# -- chair, secretariat --------------------------------------------------------------------------
def shared_chair(parties: list[object], agreed: str | None = None) -> str:
    """'Formandskabet er delt mellem kommunerne og regionen og aftales for en toårig periode.'"""
    s = f"Formandskabet er delt mellem {join(party_name(p) for p in parties)}"
    if agreed:
        s += f" og aftales {clause(agreed)}"
    return s + "."


def shared_secretariat(parties: list[object]) -> str:
    """'Sekretariatsbetjeningen varetages i fællesskab af kommunerne og regionen.'"""
    return f"Sekretariatsbetjeningen varetages i fællesskab af {join(party_name(p) for p in parties)}."


# -- frames ----------------------------------------------------------------------------------------
def extends_frame(frame_name: str) -> str:
    """'Udbygger rammen »Fagligt strategisk niveau i Syddanmark«'."""
    return f"Udbygger rammen {quote(frame_name)}"


def inherited_from(frame_name: str) -> str:
    """'Afsnit markeret med * følger rammen »…«.' (said once per document)."""
    return f"Afsnit markeret med * følger rammen {quote(frame_name)}."


def lead(text: str) -> str:
    """A generated clause as the start of a sentence."""
    return capitalize(text)
