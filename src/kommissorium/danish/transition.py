"""Sentences about a structure on a given day: what ends, what follows, what is not confirmed.

Used by `validate --dato` (rules D001+), `overgang`, `register` and the site's transition page,
so that the finding, the report and the page say the same thing in the same words:
'Sundhedsklynge Nord ophører 31. december 2026; efterfølges af Sundhedsråd Vendsyssel.'
"""

from __future__ import annotations

from datetime import date

from kommissorium.danish.dates import format_date
from kommissorium.danish.lists import join

#: The mark after a fact no primary source confirms (never an error).
UNCONFIRMED = "(ikke bekræftet)"

#: A charter's status on the day asked about, as the report and the page name it.
STATUS = {
    "ophører": "Ophører",
    "skal-ændres": "Skal ændres",
    "upåvirket": "Upåvirket",
}

#: One line explaining each status, for the report's headings.
STATUS_EXPLAINED = {
    "ophører": "organet eller dets område nedlægges",
    "skal-ændres": "henviser til, har pladser fra eller refererer til noget, der nedlægges",
    "upåvirket": "intet i kommissoriet nedlægges",
}


def unconfirmed(text: str, flag: bool = True) -> str:
    """'Sundhedsråd Lillebælt (ikke bekræftet)' when ``flag``."""
    return f"{text} {UNCONFIRMED}" if flag else text


def successors_clause(names: list[str], is_unconfirmed: bool = False) -> str:
    """'efterfølges af Sundhedsråd Vendsyssel' / '… af A og B (ikke bekræftet)' / no successor."""
    if not names:
        return "registret kender ingen efterfølger"
    return unconfirmed(f"efterfølges af {join(names)}", is_unconfirmed)


def ends(name: str, end: date, successors: list[str], is_unconfirmed: bool = False,
         via: str | None = None) -> str:
    """'Sundhedsklynge Nord ophører 31. december 2026; efterfølges af Sundhedsråd Vendsyssel.'

    ``via``: the area or body it ends with ('… ophører med Sundhedsklynge Nord 31. december …').
    """
    with_ = f" med {via}" if via and not via.startswith(name) else ""
    return (f"{name} ophører{with_} {format_date(end)}; "
            f"{successors_clause(successors, is_unconfirmed)}.")


def begins(name: str, start: date, via: str | None = None) -> str:
    """'Sundhedsråd Vendsyssel findes først fra 1. januar 2027.'"""
    if via and not via.startswith(name):
        return f"{name} hører til {via}, som først findes fra {format_date(start)}."
    return f"{name} findes først fra {format_date(start)}."


def as_of(when: date) -> str:
    """'pr. 1. januar 2027'."""
    return f"pr. {format_date(when)}"


def area_gone(change: str, when: date, end: date | None, start: date | None = None) -> str:
    """D001: the charter's area does not exist on the day."""
    if end is None:
        after = (f"kommissoriet kan tidligst gælde fra {format_date(start)}" if start
                 else "ret 'område'")
        return f"{change} Kommissoriets område findes ikke {as_of(when)}: {after}."
    return (f"{change} Kommissoriets område findes ikke {as_of(when)}: afslut kommissoriet med "
            f"'gyldig: {{til: {end.isoformat()}}}' og 'erstattet-af', og skriv et kommissorium for "
            "efterfølgeren.")


def body_gone(change: str, when: date, end: date | None) -> str:
    """D002: the body itself is abolished on the day."""
    if end is None:
        return f"{change} Organet findes ikke {as_of(when)}."
    return (f"{change} Organet findes ikke {as_of(when)}: afslut kommissoriet med "
            f"'gyldig: {{til: {end.isoformat()}}}' og 'erstattet-af', og skriv et kommissorium for "
            "efterfølgeren.")


def reference_gone(field: str, change: str, when: date) -> str:
    """D003: '<field> henviser til noget, der ikke findes pr. …: <change> Ret henvisningen.'"""
    return (f"'{field}' henviser til noget, der ikke findes {as_of(when)}: {change} "
            "Ret henvisningen til efterfølgeren, eller fjern den.")


def reference_change(field: str, change: str) -> str:
    """The report's line: "'relationer.refererer-til': Sundhedsklynge Nord ophører …"."""
    return f"'{field}': {change}"


def seat_change(seat: str, change: str) -> str:
    """The report's line: 'Pladserne »1 sekretær«: Sundhedsklynge Nord ophører …'."""
    return f"Pladserne »{seat}«: {change}"


def seat_gone(seat: str, change: str, when: date) -> str:
    """D004: a seat group from something that does not exist on the day."""
    return (f"Pladserne »{seat}« kan ikke besættes {as_of(when)}: {change} "
            "Ret sammensætningen.")


def seats_none(seat: str, unit_plural: str, area: str, when: date, instead: list[str],
               whole_country: bool = False) -> str:
    """D004: 'for hver klynge' expands to nothing on the day."""
    area = "hele landet" if whole_country else area
    if len(instead) > 4:
        after = f" I stedet findes {len(instead)} sundhedsråd."
    else:
        after = f" I stedet findes {join(instead)}." if instead else ""
    return (f"Pladserne »{seat}« giver ingen pladser {as_of(when)}: der er ingen {unit_plural} i "
            f"{area}.{after} Ret sammensætningen.")


def charter_ended(name: str, end: date) -> str:
    """A charter that ended before the day: history, not affected."""
    return f"{name} gælder kun til {format_date(end)}; kommissoriet er historisk."


def nothing_ends(when: date) -> str:
    return f"Intet af det, kommissoriet nævner, nedlægges {as_of(when)}."


def registry_title(when: date) -> str:
    return f"Registret {as_of(when)}"


#: Registry sections in the order `register` lists them: kind → heading.
REGISTER_SECTIONS = {
    "land": "Områder",
    "region": "Regioner",
    "kommune": "Kommuner",
    "klynge": "Sundhedsklynger",
    "sundhedsråd": "Sundhedsråd",
    "organ": "Organer",
    "hospital": "Hospitaler",
    "organisation": "Organisationer",
}


def count_line(n: int, heading: str) -> str:
    return f"{heading} ({n})"


def transition_title(when: date) -> str:
    """'Overgang pr. 1. januar 2027'."""
    return f"Overgang {as_of(when)}"


def transition_summary(counts: dict[str, int], when: date) -> str:
    """'Pr. 1. januar 2027: 18 kommissorier ophører, 6 skal ændres og 23 er upåvirkede.'"""
    def n(k: str) -> int:
        return counts.get(k, 0)

    parts = [
        f"{n('ophører')} {'kommissorium' if n('ophører') == 1 else 'kommissorier'} ophører",
        f"{n('skal-ændres')} skal ændres",
        f"{n('upåvirket')} {'er upåvirket' if n('upåvirket') == 1 else 'er upåvirkede'}",
    ]
    return f"{as_of(when).capitalize()}: {join(parts)}."


def code_text(code: int | None, is_unconfirmed: bool) -> str:
    """'kode 1081', 'kode 1081 (ikke bekræftet)', 'kode (ikke bekræftet)' or ''."""
    if code is None:
        return f"kode {UNCONFIRMED}" if is_unconfirmed else ""
    return unconfirmed(f"kode {code}", is_unconfirmed)


def kommuner_text(names: list[tuple[str, bool]]) -> str:
    """'Fredericia, Kolding, Vejle og Middelfart (ikke bekræftet)'."""
    return join(unconfirmed(n, flag) for n, flag in names)


def in_region(region: str) -> str:
    return f"i {region}"


def valid_text(start: date | None, end: date | None) -> str:
    """'fra 1. januar 2027', 'til 31. december 2026', '1. juli 2022 – 31. december 2026'."""
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    if start:
        return f"fra {format_date(start)}"
    return f"til {format_date(end)}" if end else ""


def source_line(source: str) -> str:
    return f"Kilde: {source}"


def unconfirmed_line(what: str, why: str) -> str:
    """'Ikke bekræftet (kode): Regionskoden …'."""
    return f"Ikke bekræftet ({what}): {why}"


def successors_line(names: list[str], is_unconfirmed: bool) -> str:
    return f"Efterfølgere: {unconfirmed(join(names), is_unconfirmed)}"


def successor_charters(names: list[str], is_unconfirmed: bool = False) -> str:
    """'Efterfølger: Sundhedsråd Vendsyssel (nordjylland/sundhedsraad-vendsyssel)'."""
    word = "Efterfølger" if len(names) == 1 else "Efterfølgere"
    return unconfirmed(f"{word}: {join(names)}", is_unconfirmed)


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def none_in_group() -> str:
    return "Ingen."


def begins_later(name: str, start: date) -> str:
    """A charter not yet in force on the day: 'Sundhedsråd Vendsyssel gælder først fra …'."""
    return f"{name} gælder først fra {format_date(start)}; kommissoriet er ikke i kraft endnu."


def corrected_line(why: str) -> str:
    """A national entry the repository corrects (``rettelse``)."""
    return f"Rettet i repositoriet: {why}"
