"""What may be published of a roster and a meeting plan, as plain data for the document, the
site and the diff.

This is the one place that decides what leaves the repository: a person marked ``offentlig:
false`` appears as 'NN' with no party, no person page and no link; e-mail addresses and
telephone numbers never reach this point (the model refuses them). Free text (notes, places) is
passed through ``redact`` so that a hidden name written in a note is not published either.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from kommissorium.danish import roster as say
from kommissorium.danish.dates import format_date
from kommissorium.roster.calendar import hidden_names, redact
from kommissorium.roster.seats import place, reference_date

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet
    from kommissorium.roster.model import Person


def person_slug(p: "Person") -> str:
    """The person's page name: the ``id``, else the name in ASCII ('Søren Ærø' → 'soeren-aeroe')."""
    if p.id:
        return p.id
    text = " ".join(p.name.split()).lower()
    text = text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "person"


@dataclass
class PersonView:
    name: str
    slug: str | None  # None: not published (no page)
    party: str | None
    hidden: bool


def person_view(p: "Person") -> PersonView:
    if not p.public:
        return PersonView(say.HIDDEN_NAME, None, None, True)
    return PersonView(p.name, person_slug(p), p.party, False)


@dataclass
class Row:
    seat: str  # 'Kommunalbestyrelsesmedlem, Fjordby'
    person: PersonView | None  # None: vacant
    office: str = ""
    appointed_by: str = ""
    period: str = ""
    alternates: list[PersonView] = field(default_factory=list)
    upcoming: bool = False
    order: int = 0  # the seat group's place in the charter


@dataclass
class RosterView:
    when: date
    heading: str  # 'Medlemmer pr. 1. marts 2027'
    rows: list[Row]
    alternates: list[Row]
    former: list[Row]
    source: str | None
    in_document: bool


def _seat_label(cs: "CharterSet", seats: list[Any], seat_ref: str, unit: str | None,
                organisation: str | None) -> str:
    p = place(seats, seat_ref, unit, organisation)
    if p.seat is None:
        return seat_ref
    role = p.seat.seat.role
    role = role[:1].upper() + role[1:]
    if p.unit:
        entry = cs.registry.get(p.unit)
        return f"{role}, {entry.name if entry is not None else p.unit}"
    return role


def _appointed(cs: "CharterSet", ref: str | None) -> str:
    if not ref:
        return ""
    from kommissorium.danish.names import Names

    if ref in cs.by_id or ref in cs.registry:
        name = Names(cs).ref(ref)
        return name[:1].upper() + name[1:]
    return ref


def roster_view(cs: "CharterSet", cid: str) -> RosterView | None:
    """The publishable roster of one body on its reference date (None: the body has none)."""
    rf = cs.rosters.get(cid)
    if rf is None or cs.charter(cid) is None:
        return None
    roster = rf.data
    when = reference_date(cs, roster)
    seats = cs.seats(cid)
    rows: list[Row] = []
    former: list[Row] = []

    def index(seat_ref: str) -> int:
        p = place(seats, seat_ref, None, None)
        return p.seat.index if p.seat is not None else len(seats)

    def row(m: Any) -> Row:
        return Row(
            order=index(m.seat),
            seat=_seat_label(cs, seats, m.seat, m.unit, m.organisation),
            person=person_view(m),
            office=(m.office or "").capitalize(),
            appointed_by=_appointed(cs, m.appointed_by),
            period=say.period_text(m.first, m.last),
            alternates=[person_view(a) for a in m.alternates],
            upcoming=m.first is not None and m.first > when,
        )

    for m in roster.members:
        (former if m.last is not None and m.last < when else rows).append(row(m))
    for m in roster.former:
        former.append(row(m))
    # Seats nobody holds are shown as vacant, in the charter's order.
    from kommissorium.roster.seats import holdings

    found, _ = holdings(cs, cid, rf)
    for h in found:
        missing = h.seat.seat.count.low - len(h.members)
        for _ in range(max(missing, 0)):
            role = h.seat.seat.role
            label = role[:1].upper() + role[1:] + (f", {h.unit.name}" if h.unit is not None else "")
            rows.append(Row(seat=label, person=None, order=h.seat.index))
    def key(r: Row) -> tuple[int, int, str]:
        return (_office_rank(r.office), r.order, r.seat)

    rows.sort(key=key)
    former.sort(key=lambda r: r.period)
    alternates = [Row(seat=_seat_label(cs, seats, a.seat, a.unit, a.organisation),
                      person=person_view(a), period=say.period_text(a.first, a.last))
                  for a in roster.alternates]
    return RosterView(when, say.members_heading(when), rows, alternates, former,
                      redact(roster.source, hidden_names(cs)), roster.in_document)


def _office_rank(office: str) -> int:
    return {"Formand": 0, "Medformand": 0, "Næstformand": 1}.get(office, 2)


@dataclass
class MeetingRow:
    iso: str
    date: str
    time: str
    place: str
    title: str
    cancelled: bool
    note: str


def plan_view(cs: "CharterSet", cid: str) -> list[MeetingRow] | None:
    """The meetings of one body, in date order (None: the body has no plan)."""
    pf = cs.plans.get(cid)
    if pf is None or cs.charter(cid) is None:
        return None
    hidden = hidden_names(cs)
    plan = pf.data
    out = []
    for m in sorted(plan.meetings, key=lambda m: (m.day, m.time or "")):
        out.append(MeetingRow(
            iso=m.day.isoformat(), date=format_date(m.day), time=say.clock(m),
            place=redact(m.place or plan.place, hidden) or "",
            title=redact(m.title, hidden) or "", cancelled=m.cancelled,
            note=redact(m.note, hidden) or ""))
    return out


@dataclass
class Seat:
    body_id: str
    body: str
    seat: str
    office: str
    period: str
    current: bool


def people(cs: "CharterSet", ids: list[str]) -> dict[str, dict[str, Any]]:
    """Every published person of the chosen bodies: slug → {name, party, seats[...]}.
    Persons marked not for publication are left out."""
    out: dict[str, dict[str, Any]] = {}
    for cid in ids:
        rf = cs.rosters.get(cid)
        if rf is None:
            continue
        when = reference_date(cs, rf.data)
        seats = cs.seats(cid)
        entries = [(m, True) for m in rf.data.members] + [(m, False) for m in rf.data.former]
        for m, listed in entries:
            current = listed and (m.last is None or m.last >= when)
            label = _seat_label(cs, seats, m.seat, m.unit, m.organisation)
            for p, office in [(m, (m.office or "medlem")), *[(a, "personlig suppleant")
                                                              for a in m.alternates]]:
                if not p.public:
                    continue
                slug = person_slug(p)
                entry = out.setdefault(slug, {"name": p.name, "party": p.party, "seats": []})
                entry["seats"].append(Seat(cid, cs.name_of(cid), label, office.capitalize(),
                                           say.period_text(p.first or m.first, p.last or m.last),
                                           current))
        for a in rf.data.alternates:
            if not a.public:
                continue
            slug = person_slug(a)
            entry = out.setdefault(slug, {"name": a.name, "party": a.party, "seats": []})
            entry["seats"].append(Seat(cid, cs.name_of(cid),
                                       _seat_label(cs, seats, a.seat, a.unit, a.organisation),
                                       "Suppleant", say.period_text(a.first, a.last),
                                       a.last is None or a.last >= when))
    return out
