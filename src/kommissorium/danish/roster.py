"""Sentences about rosters and meeting plans: who holds a seat, vacancies, successions, offices,
meetings added, moved and cancelled. Rules, documents, the site, the calendar and the diff call
these, so the same fact is phrased the same everywhere.

A person marked ``offentlig: false`` is never named: ``person_name`` gives 'NN'."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from kommissorium.danish.dates import format_date
from kommissorium.danish.names import in_sentence
from kommissorium.danish.nouns import plural
from kommissorium.danish.numbers import number

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.roster.model import Meeting, Person

#: What stands for the name of a person who is not to be published.
HIDDEN_NAME = "NN"
HIDDEN_NOTE = "navnet offentliggøres ikke"


def person_name(p: "Person", party: bool = False) -> str:
    """'Anne Madsen', 'Anne Madsen (A)' with ``party``; 'NN' for a non-public entry."""
    if not p.public:
        return HIDDEN_NAME
    if party and p.party:
        return f"{p.name} ({p.party})"
    return p.name


def members_heading(when: date) -> str:
    """'Medlemmer pr. 1. januar 2027'."""
    return f"Medlemmer pr. {format_date(when)}"


def office_name(office: str) -> str:
    """'formand', 'næstformand', 'medformand' or the title as written."""
    return office


def period_text(start: date | None, end: date | None) -> str:
    """'fra 1. januar 2027', 'til 31. december 2029', '1. januar 2027 – 31. december 2029'."""
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    if start:
        return f"fra {format_date(start)}"
    if end:
        return f"til {format_date(end)}"
    return ""


def seats_count(n: int) -> str:
    """'1 plads', '3 pladser' (members' seats in digits)."""
    return f"{n} {plural(n, 'plads', 'pladser')}"


# -- rule messages -------------------------------------------------------------------------------
def vacant_unit(unit: str, body: str, when: date, have: int = 0, want: int = 1) -> str:
    """'Hjørring har ingen repræsentant i sundhedsrådet pr. 1. januar 2027.';
    'Hjørring har 1 af 2 repræsentanter i …'."""
    if have == 0:
        who = "ingen repræsentant" if want == 1 else f"ingen af sine {want} repræsentanter"
        return f"{unit} har {who} i {in_sentence(body)} pr. {format_date(when)}."
    return (f"{unit} har {have} af {want} repræsentanter i {in_sentence(body)} pr. "
            f"{format_date(when)}.")


def vacant_group(role: str, body: str, when: date, have: int, want: int) -> str:
    """'Kun 1 af 2 pladser som »praktiserende læge« er besat i … pr. 1. januar 2027.'"""
    head = "Ingen" if have == 0 else f"Kun {have}"
    return (f"{head} af {want} {'plads' if want == 1 else 'pladser'} som »{role}« er besat i "
            f"{in_sentence(body)} pr. {format_date(when)}.")


def too_many(where: str, body: str, when: date, have: int, most: int) -> str:
    """'Hjørring har 2 medlemmer i … pr. 1. januar 2027, men kommissoriet giver 1 plads.'"""
    return (f"{where} har {have} medlemmer i {in_sentence(body)} pr. {format_date(when)}, "
            f"men kommissoriet giver {seats_count(most)}.")


def term_ended(name: str, end: date, when: date) -> str:
    return (f"{name} står blandt de nuværende medlemmer, men perioden sluttede "
            f"{format_date(end)} (listen gælder pr. {format_date(when)}). Flyt personen til "
            "'tidligere', eller ret 'til'.")


def unit_not_in_seat(name: str, unit: str, role: str, units: str) -> str:
    return (f"{name} sidder for {unit}, men pladsen som »{role}« er for {units}.")


def comes_from_other(name: str, org: str, unit: str, role: str) -> str:
    """'Anne Madsen kommer fra Frederikshavn, men sidder på Hjørrings plads som »byrådsmedlem«.'"""
    return f"{name} kommer fra {org}, men sidder på pladsen for {unit} som »{role}«."


def comes_from_outside(name: str, org: str, role: str, source: str) -> str:
    return f"{name} kommer fra {org}, men pladsen som »{role}« besættes fra {source}."


def unit_missing(name: str, role: str, unit_noun: str) -> str:
    return (f"{name} sidder på en plads som »{role}«, der findes for hver {unit_noun}; angiv "
            f"hvilken med 'for' (eller 'organisation').")


def unknown_seat(name: str, seat: str, known: str) -> str:
    return (f"{name} sidder på pladsen '{seat}', som kommissoriet ikke har (pladser: {known}).")


def alternate_unknown_seat(name: str, seat: str, known: str) -> str:
    return (f"{name} er suppleant for pladsen '{seat}', som kommissoriet ikke har "
            f"(pladser: {known}).")


def alternate_not_allowed(name: str) -> str:
    return f"{name} står som suppleant, men kommissoriet giver ingen suppleanter."


def alternate_not_personal(name: str) -> str:
    return (f"{name} står som personlig suppleant, men kommissoriets suppleanter er ikke "
            "personlige.")


def officer_wrong_group(name: str, office: str, group: str, wanted: str) -> str:
    """'Per Holm er formand, men sidder i pladsgruppen »kommuner«; formanden vælges blandt
    »region«.'"""
    return (f"{name} er {office}, men sidder i pladsgruppen »{group}«; kommissoriet siger, at "
            f"posten besættes fra »{wanted}«.")


def officer_none(name: str, office: str) -> str:
    return f"{name} står som {office}, men kommissoriet siger, at organet ingen formand har."


def officer_twice(office: str, names: str, when: date) -> str:
    return f"Der er flere end én {office} pr. {format_date(when)}: {names}."


def officer_not_in_charter(name: str, office: str) -> str:
    return f"{name} står som {office}, men kommissoriets formandskab har ingen {office}."


def officers_same_group(group: str) -> str:
    return (f"Formand og næstformand sidder begge i pladsgruppen »{group}«, men kommissoriet "
            "siger, at de kommer fra hver sin gruppe.")


def orphan_file(kind: str, charter_file: str) -> str:
    what = "Medlemslisten" if kind == "medlemmer" else "Mødeplanen"
    return (f"{what} hører til kommissoriet {charter_file}, som ikke findes eller ikke kunne "
            "indlæses. Ret filnavnet, så det svarer til kommissoriets.")


def plan_count(year: int, count: int, rule: str) -> str:
    """'Mødeplanen har 8 møder i 2027, men kommissoriet siger 4-5 møder årligt.'"""
    n = "ét møde" if count == 1 else f"{number(count, words=True)} møder"
    return f"Mødeplanen har {n} i {year}, men kommissoriet siger {rule}."


def prepares_after(body: str, other: str, meeting: date, nxt: date | None, window: str) -> str:
    """'Det politiske niveau mødes 5. juli 2027, men …, der forbereder sagerne, holder intet
    møde mellem 5. april 2027 og dette møde (det næste er 10. juli 2027).'"""
    s = (f"{other[:1].upper() + other[1:]} mødes den {format_date(meeting)}, men "
         f"{in_sentence(body)}, der forbereder sagerne, holder intet møde {window}")
    if nxt is not None:
        s += f" (det næste er {format_date(nxt)})"
    return s + "."


def window_text(days: int | None, weeks: int | None, since: date | None) -> str:
    """'mindst seks uger før', 'mindst ti dage før', 'mellem 5. april 2027 og dette møde', 'før'."""
    if weeks is not None:
        return f"mindst {number(weeks, words=True)} uger før"
    if days is not None:
        return f"mindst {number(days, words=True)} dage før"
    if since is not None:
        return f"mellem {format_date(since)} og dette møde"
    return "før"


def free_month(meeting: date, month: str) -> str:
    return f"Mødet den {format_date(meeting)} ligger i {month}, som kommissoriet holder mødefri."


def double_booked(name: str, body: str, other: str, when: date, at: str) -> str:
    """'Anne Madsen er medlem af både A og B, som begge holder møde 4. marts 2027 kl. 14.00.'"""
    return (f"{name} er medlem af både {in_sentence(body)} og {in_sentence(other)}, som begge "
            f"holder møde den {format_date(when)} {at}.").replace("  ", " ").replace(" .", ".")


def clock(m: "Meeting") -> str:
    """'kl. 13.00-15.00', 'kl. 13.00' (Danish time with a full stop)."""
    if m.starts is None:
        return ""
    s = f"kl. {m.starts:%H.%M}"
    if m.ends is not None:
        s += f"-{m.ends:%H.%M}"
    return s


# -- diff ----------------------------------------------------------------------------------------
def seat_label(unit: str | None, role: str) -> str:
    """'Hjørring' for a seat for each kommune; the role otherwise ('Praktiserende læge')."""
    label = unit or role
    return label[:1].upper() + label[1:]


def as_office(office: str | None) -> str:
    return office or "medlem"


def succession(where: str, new: str, old: str, office: str | None, start: date | None) -> str:
    """'Hjørring: Anne Madsen afløser Per Holm som medlem fra 1. marts 2027.'"""
    s = f"{where}: {new} afløser {old} som {as_office(office)}"
    return s + (f" fra {format_date(start)}." if start else ".")


def joins(where: str, name: str, office: str | None, start: date | None) -> str:
    s = f"{where}: {name} indtræder som {as_office(office)}"
    return s + (f" fra {format_date(start)}." if start else ".")


def leaves(where: str, name: str, office: str | None, end: date | None) -> str:
    s = f"{where}: {name} udtræder som {as_office(office)}"
    return s + (f" pr. {format_date(end)}." if end else ".")


def office_change(name: str, old: str | None, new: str | None) -> str:
    if new and old:
        return f"{name} er nu {new} (før {old})."
    if new:
        return f"{name} bliver {new}."
    return f"{name} er ikke længere {old}."


def term_change(name: str, old: str, new: str) -> str:
    return f"{name}s periode ændres fra {old or 'ingen angivelse'} til {new or 'ingen angivelse'}."


def seat_change(name: str, old: str, new: str) -> str:
    return f"{name} skifter plads fra {old} til {new}."


def publication_change(public: bool) -> str:
    return ("Et medlems navn offentliggøres nu." if public
            else "Et medlems navn offentliggøres ikke længere.")


def unreadable(kind: str) -> str:
    what = "Medlemslisten" if kind == "medlemmer" else "Mødeplanen"
    return f"{what} kan ikke læses på den ene side (se fundene)."


def no_content_change(kind: str) -> str:
    what = "medlemslisten" if kind == "medlemmer" else "mødeplanen"
    return f"Kun kommentarer eller opstilling i {what} er ændret."


def alternate_change(name: str, added: bool, member: str) -> str:
    return (f"{name} bliver personlig suppleant for {member}." if added
            else f"{name} er ikke længere personlig suppleant for {member}.")


def meeting_label(m: "Meeting") -> str:
    """'4. marts 2027' or '4. marts 2027 kl. 13.00-15.00'."""
    c = clock(m)
    return f"{format_date(m.day)} {c}".strip()


def meeting_added(m: "Meeting") -> str:
    return f"Nyt møde {meeting_label(m)}."


def meeting_removed(m: "Meeting") -> str:
    return f"Mødet {meeting_label(m)} er fjernet fra planen."


def meeting_cancelled(m: "Meeting") -> str:
    return f"Mødet {meeting_label(m)} er aflyst."


def meeting_restored(m: "Meeting") -> str:
    return f"Mødet {meeting_label(m)} er ikke længere aflyst."


def meeting_moved(old: "Meeting", new: "Meeting") -> str:
    return f"Mødet {meeting_label(old)} er flyttet til {meeting_label(new)}."


def meeting_changed(m: "Meeting", what: str) -> str:
    return f"Mødet {meeting_label(m)}: {what}."


def place_change(old: str | None, new: str | None) -> str:
    return f"sted ændret fra {old or 'intet'} til {new or 'intet'}"


def summary(m: "Meeting", body: str) -> str:
    """A calendar entry's title: 'Sundhedsråd Vendsyssel: møde' / its own title."""
    title = m.title or "møde"
    return f"{body}: {title}" + (" (aflyst)" if m.cancelled else "")


def any_value(x: Any) -> str:
    return str(x)
