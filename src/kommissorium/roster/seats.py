"""Which seat of the charter a roster entry holds, and who holds each seat on a date.

A roster names a seat by its seat group (``gruppe`` in the charter) or, failing that, its role
(``rolle``); a seat for each kommune (klynge, region) also needs the unit: ``for: hjoerring``, or
the person's ``organisation`` when that is one of the seat's units."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet, ExpandedSeat
    from kommissorium.roster.files import CompanionFile
    from kommissorium.roster.model import Member, Roster


def find_seat(seats: list["ExpandedSeat"], ref: str) -> "ExpandedSeat | None":
    """The seat group a roster's ``plads`` names: its ``gruppe``, else its ``rolle``."""
    for es in seats:
        if es.seat.group and es.seat.group == ref:
            return es
    folded = " ".join(ref.split()).casefold()
    for es in seats:
        if " ".join(es.seat.role.split()).casefold() == folded:
            return es
    return None


def seat_names(seats: list["ExpandedSeat"]) -> list[str]:
    return [es.seat.group or es.seat.role for es in seats]


@dataclass
class Placement:
    """Where a roster entry sits: the seat group and, for an expanded seat, the unit key."""

    seat: "ExpandedSeat | None"
    unit: str | None = None
    #: Why the entry could not be placed: 'plads', 'for', 'mangler-for', 'organisation'.
    error: str | None = None


def place(seats: list["ExpandedSeat"], seat_ref: str, unit: str | None,
          organisation: str | None) -> Placement:
    es = find_seat(seats, seat_ref)
    if es is None:
        return Placement(None, None, "plads")
    if not es.expanded:
        return Placement(es, None)
    keys = {u.key for u in es.units}
    if unit is not None:
        return Placement(es, unit, None if unit in keys else "for")
    if organisation is not None:
        return Placement(es, organisation, None if organisation in keys else "organisation")
    return Placement(es, None, "mangler-for")


def reference_date(cs: "CharterSet", roster: "Roster | None") -> date:
    """The date a roster is read at: its ``pr``, else the corpus's date, else today."""
    if roster is not None and roster.as_of is not None:
        return roster.as_of.first_day
    return cs.as_of or date.today()


@dataclass
class Holding:
    """A seat instance and who holds it on the reference date."""

    seat: "ExpandedSeat"
    unit: Any = None  # registry Entry for an expanded seat
    members: list[tuple[int, "Member"]] = field(default_factory=list)  # (index in roster, member)

    @property
    def wanted(self) -> tuple[int, int | None]:
        return self.seat.seat.count.low, self.seat.seat.count.high


def holdings(cs: "CharterSet", cid: str, rf: "CompanionFile") -> tuple[list[Holding], date]:
    """Every permanent seat instance of the charter with its current members (on the roster's
    reference date). Members that cannot be placed are left out (the rules report them)."""
    roster = rf.data
    when = reference_date(cs, roster)
    seats = cs.seats(cid)
    table: dict[tuple[int, str | None], Holding] = {}
    order: list[Holding] = []
    for es in seats:
        if es.seat.on_demand or es.seat.ad_hoc:
            continue
        if es.expanded:
            for u in es.units:
                h = Holding(es, u)
                table[(es.index, u.key)] = h
                order.append(h)
        else:
            h = Holding(es)
            table[(es.index, None)] = h
            order.append(h)
    for i, m in enumerate(roster.members):
        if not m.serves_on(when):
            continue
        p = place(seats, m.seat, m.unit, m.organisation)
        if p.error is not None or p.seat is None:
            continue
        h = table.get((p.seat.index, p.unit))
        if h is not None:
            h.members.append((i, m))
    return order, when
