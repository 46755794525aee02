"""Danish sentences for officers, procedure, composition-as-written and relations.

Part of the phrasebook: every sentence here is built from charter data that the document
builder has already resolved to display names (a body's name in running text, a seat group's
description). Nothing here reads a charter; each function takes words and returns Danish.
"""

from __future__ import annotations

from kommissorium.danish import capitalize, join, number

# -- officers -------------------------------------------------------------------------------------

#: Document kind (charter `dokument`) → its word in a title ("Forretningsorden for …").
DOCUMENT_KIND_TITLES: dict[str, str] = {
    "kommissorium": "Kommissorium",
    "forretningsorden": "Forretningsorden",
    "vedtægt": "Vedtægt",
}


def document_title(kind: str, name_in_sentence: str) -> str:
    """'Forretningsorden for Ældrerådet i Eksempel Kommune'."""
    return f"{DOCUMENT_KIND_TITLES.get(kind, capitalize(kind))} for {name_in_sentence}"


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


__all__ = [
    "DOCUMENT_KIND_TITLES", "co_chairs_sentence", "different_groups_sentence", "document_title",
    "group_phrase", "no_chair_sentence", "officer_sentence", "other_officer_duties_intro",
    "other_officer_sentence", "term_years_text",
]
