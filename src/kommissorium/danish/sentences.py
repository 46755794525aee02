"""Every sentence the product writes from charter data.

Each function takes model values (and, for names, a ``Names``) and returns one finished Danish
sentence or clause. Documents, diff, rule messages, diagram and site call these, so the same
value is phrased the same everywhere. Words and phrases below sentence level live in the
sibling modules (numbers, nouns, quantities, names, vocabulary).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kommissorium.danish.lists import join
from kommissorium.danish.numbers import number
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


# -- officers (first written by helper 'model' in danish_body.py) --------------------------
def term_years_text(years: int) -> str:
    """'en toårig periode', 'en etårig periode', 'en 12-årig periode'."""
    if years == 1:
        return "en etårig periode"
    if years <= 10:
        return f"en {number(years, words=True)}årig periode"
    return f"en {years}-årig periode"


def officer_sentence(
    word: str,
    *,
    role: str | None = None,
    source: str | None = None,
    seat: str | None = None,
    group: str | None = None,
    elected_from: str | None = None,
    elected_by: str | None = None,
    appointed_by: str | None = None,
    term_years: int | None = None,
    term: str | None = None,
) -> str | None:
    """One officer: 'Formanden vælges af rådet blandt de kommunale medlemmer for en toårig
    periode.' ``word`` is the officer in definite form ('Formanden', 'Næstformanden')."""
    clauses: list[str] = []
    if seat:
        clauses.append(f"er {seat}")
    elif role:
        clauses.append(f"er {role}" + (f" fra {source}" if source else ""))
    elif source:
        clauses.append(f"kommer fra {source}")
    among = elected_from or group
    if among or elected_by:
        clause = "vælges"
        if elected_by:
            clause += f" af {elected_by}"
        if among:
            clause += f" blandt {among}"
        clauses.append(clause)
    if appointed_by:
        clauses.append(f"udpeges af {appointed_by}")
    period = term_years_text(term_years) if term_years else (term.rstrip(".") if term else None)
    if period:
        if clauses and clauses[-1].startswith(("vælges", "udpeges")):
            clauses[-1] += f" for {period}"
        else:
            clauses.append(f"sidder for {period}")
    if not clauses:
        return None
    return f"{word} {join(clauses)}."


def no_chair_sentence(body: str) -> str:
    """'Ældrerådet har ingen formand.'"""
    return f"{body} har ingen formand."


def co_chairs_sentence(descriptions: list[str]) -> str:
    """'Formandskabet består af to ligestillede formænd: regionsrådsformanden og borgmesteren
    i Aalborg Kommune.'"""
    n = len(descriptions)
    if n == 1:
        return f"Formanden er {descriptions[0]}."
    return (f"Formandskabet består af {number(n, words=True)} ligestillede formænd: "
            f"{join(descriptions)}.")


def different_groups_sentence() -> str:
    return "Formanden og næstformanden kommer fra hver sin gruppe af medlemmer."


def other_officer_sentence(body: str, title: str, clauses: str | None) -> str:
    """'Rådet har desuden en kasserer, der vælges blandt medlemmerne for en etårig periode.'"""
    if clauses:
        return f"{body} har desuden en {title}, der {clauses}"
    return f"{body} har desuden en {title}."


def other_officer_duties_intro(title: str) -> str:
    return f"Til posten som {title} hører følgende opgaver:"


def group_phrase(role_plural: str, source: str | None = None,
                 appointed_by: str | None = None) -> str:
    """A seat group as the circle an officer is chosen from: 'medlemmerne fra Region
    Nordjylland' is not built from a role; 'regionsrådsmedlemmer fra Region Nordjylland' is."""
    text = role_plural
    if source:
        text += f" fra {source}"
    elif appointed_by:
        text += f" udpeget af {appointed_by}"
    return text



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
