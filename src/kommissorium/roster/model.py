"""Pydantic models of a roster (``<organ>.medlemmer.yaml``) and a meeting plan
(``<organ>.moeder.yaml``). Danish keys, English attributes, unknown keys refused, as the charter.

Personal data: a name is published unless ``offentlig: false``; e-mail addresses and telephone
numbers are never accepted (a field for them is an error that says why), so they cannot reach
any output.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from pydantic import Field, field_validator, model_validator

from kommissorium.model.types import PartialDate, Ref, Strict, YesNo

_NO_CONTACT = ("oplys ikke e-mail eller telefonnummer i en medlemsliste: kommissorium "
               "offentliggør dem aldrig, så de hører ikke til her")


def _refuse(value: Any) -> Any:
    raise ValueError(_NO_CONTACT)


def _full_date(value: PartialDate | None, what: str) -> PartialDate | None:
    if value is not None and value.day is None:
        raise ValueError(f"{what} skal være en hel dato (ÅÅÅÅ-MM-DD), fx 2027-01-01")
    return value


class Person(Strict):
    """Who sits (or sat) in a seat: name, optional party letter, organisation and dates."""

    name: str = Field(alias="navn", min_length=1, max_length=200, description="Personens navn.")
    id: Ref | None = Field(None, alias="id", description="Personens id, når to har samme navn (bruges i personsidens adresse).")
    public: YesNo = Field(True, alias="offentlig", description="false: navnet offentliggøres ikke (ikke i dokument, websted eller kalender).")
    party: str | None = Field(None, alias="parti", description="Partiets bogstav for politikere, fx 'A' eller 'V'.")
    organisation: Ref | None = Field(None, alias="organisation", description="Kommunen, regionen eller organisationen, personen kommer fra (registernøgle).")
    start: PartialDate | None = Field(None, alias="fra", description="Første dag i pladsen.")
    end: PartialDate | None = Field(None, alias="til", description="Sidste dag i pladsen.")
    note: str | None = Field(None, alias="note")
    # Contact data is refused with a reason rather than as an unknown key.
    email: Any = Field(None, alias="e-mail", description="Ikke tilladt: e-mail offentliggøres aldrig.")
    email2: Any = Field(None, alias="email", description="Ikke tilladt: e-mail offentliggøres aldrig.")
    phone: Any = Field(None, alias="telefon", description="Ikke tilladt: telefonnumre offentliggøres aldrig.")
    phone2: Any = Field(None, alias="tlf", description="Ikke tilladt: telefonnumre offentliggøres aldrig.")
    phone3: Any = Field(None, alias="mobil", description="Ikke tilladt: telefonnumre offentliggøres aldrig.")

    @field_validator("email", "email2", "phone", "phone2", "phone3", mode="before")
    @classmethod
    def _no_contact(cls, value: Any) -> Any:
        return _refuse(value)

    @field_validator("party")
    @classmethod
    def _party(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[A-ZÆØÅ]{1,3}", value):
            raise ValueError(f"'{value}' er ikke et partibogstav; skriv fx 'A', 'V' eller 'SF'")
        return value

    @field_validator("start", "end")
    @classmethod
    def _whole(cls, value: PartialDate | None) -> PartialDate | None:
        return _full_date(value, "datoen")

    @model_validator(mode="after")
    def _ordered(self) -> "Person":
        if self.start and self.end and self.start.first_day > self.end.last_day:
            raise ValueError("'fra' ligger efter 'til'")
        return self

    @property
    def first(self) -> date | None:
        return self.start.first_day if self.start else None

    @property
    def last(self) -> date | None:
        return self.end.last_day if self.end else None

    def serves_on(self, when: date) -> bool:
        """Whether the person holds the seat on ``when``."""
        return (self.first is None or self.first <= when) and (self.last is None or when <= self.last)

    def key(self) -> str:
        """Who this is across bodies: the id, else the name (case and spaces folded)."""
        return self.id or " ".join(self.name.split()).casefold()


def _one_or_many(value: Any) -> Any:
    if isinstance(value, dict):
        return [value]
    return value


class Alternate(Person):
    """A personal alternate ('personlig suppleant') of one member."""


class Member(Person):
    """A member: the seat (seat group, and for a seat for each kommune the kommune), the office,
    who appointed them and their personal alternates."""

    seat: str = Field(alias="plads", min_length=1, description="Pladsgruppens 'gruppe' i kommissoriet, eller dens 'rolle'.")
    unit: Ref | None = Field(None, alias="for", description="Ved en plads for hver kommune (klynge, region): enheden, fx 'hjoerring'. Standard: 'organisation'.")
    office: str | None = Field(None, alias="post", description="Posten: formand, næstformand, medformand eller en anden titel.")
    appointed_by: str | None = Field(None, alias="udpeget-af", description="Hvem der har udpeget medlemmet.")
    alternates: list[Alternate] = Field(default_factory=list, alias="suppleanter", description="Personlige suppleanter.")

    @field_validator("alternates", mode="before")
    @classmethod
    def _alts(cls, value: Any) -> Any:
        return _one_or_many(value)

    @field_validator("office")
    @classmethod
    def _office(cls, value: str | None) -> str | None:
        return value.strip().lower() if value else value


class SeatAlternate(Person):
    """An alternate for a seat (not for one person): 'suppleant for kommunernes pladser'."""

    seat: str = Field(alias="plads", min_length=1, description="Pladsgruppens 'gruppe' eller 'rolle'.")
    unit: Ref | None = Field(None, alias="for", description="Enheden ved en plads for hver kommune (klynge, region).")


class Former(Member):
    """A former member, kept with the dates: 'til' is required."""

    @model_validator(mode="after")
    def _ended(self) -> "Former":
        if self.end is None:
            raise ValueError("et tidligere medlem skal have 'til' (sidste dag i pladsen)")
        return self


class Roster(Strict):
    """Who holds each seat of one body (``<organ>.medlemmer.yaml`` beside the charter)."""

    as_of: PartialDate | None = Field(None, alias="pr", description="Datoen, listen gælder pr. (standard: i dag).")
    in_document: YesNo = Field(False, alias="i-dokumentet", description="true: medlemslisten står i kommissoriets dokument ('Medlemmer pr. …').")
    source: str | None = Field(None, alias="kilde", description="Hvor listen stammer fra.")
    members: list[Member] = Field(default_factory=list, alias="medlemmer", description="Nuværende medlemmer.")
    alternates: list[SeatAlternate] = Field(default_factory=list, alias="suppleanter", description="Suppleanter for en plads (ikke personlige).")
    former: list[Former] = Field(default_factory=list, alias="tidligere", description="Tidligere medlemmer med deres datoer.")

    @field_validator("as_of")
    @classmethod
    def _whole(cls, value: PartialDate | None) -> PartialDate | None:
        return _full_date(value, "'pr'")

    def everyone(self) -> list[Person]:
        """Every person the roster names: members, their alternates, seat alternates, former."""
        out: list[Person] = []
        for m in [*self.members, *self.former]:
            out.append(m)
            out.extend(m.alternates)
        out.extend(self.alternates)
        return out


_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*(?:[-–]\s*(\d{1,2})[:.](\d{2})\s*)?$")


class Meeting(Strict):
    """One dated meeting: date, optional time and place, cancelled meetings kept as such."""

    date: PartialDate = Field(alias="dato", description="Mødets dato: 2027-03-04 eller \"4. marts 2027\".")
    time: str | None = Field(None, alias="tid", description="Klokkeslæt: \"13:00\" eller \"13:00-15:00\" (dansk tid).")
    place: str | None = Field(None, alias="sted", description="Mødested.")
    title: str | None = Field(None, alias="titel", description="Mødets titel, fx 'Konstituerende møde'.")
    cancelled: YesNo = Field(False, alias="aflyst", description="true: mødet er aflyst (det står i planen som aflyst).")
    id: Ref | None = Field(None, alias="id", description="Fast id, så en kalender genkender mødet, når datoen flyttes.")
    note: str | None = Field(None, alias="note")

    @field_validator("date")
    @classmethod
    def _whole(cls, value: PartialDate) -> PartialDate:
        return _full_date(value, "et mødes dato")  # type: ignore[return-value]

    @field_validator("time")
    @classmethod
    def _time(cls, value: str | None) -> str | None:
        if value is None:
            return value
        m = _TIME.match(value)
        ok = m is not None and int(m[1]) < 24 and int(m[2]) < 60 and (
            m[3] is None or (int(m[3]) < 24 and int(m[4]) < 60))
        if not ok:
            raise ValueError(f"'{value}' er ikke et klokkeslæt; skriv fx \"13:00\" eller \"13:00-15:00\"")
        if m[3] is not None and (int(m[3]), int(m[4])) <= (int(m[1]), int(m[2])):
            raise ValueError(f"mødet i '{value}' slutter, før det begynder")
        return value

    @property
    def day(self) -> date:
        return self.date.first_day

    @property
    def starts(self) -> time | None:
        m = _TIME.match(self.time or "")
        return time(int(m[1]), int(m[2])) if m else None

    @property
    def ends(self) -> time | None:
        m = _TIME.match(self.time or "")
        return time(int(m[3]), int(m[4])) if m and m[3] is not None else None


class Schedule(Strict):
    """The dated meetings of one body (``<organ>.moeder.yaml`` beside the charter)."""

    source: str | None = Field(None, alias="kilde", description="Hvor planen stammer fra, fx 'vedtaget på mødet 1. december 2026'.")
    place: str | None = Field(None, alias="sted", description="Mødested for alle møder, der ikke angiver et.")
    meetings: list[Meeting] = Field(default_factory=list, alias="møder", description="Møderne.")

    def held(self) -> list[Meeting]:
        """The meetings not cancelled, in date order."""
        return sorted((m for m in self.meetings if not m.cancelled), key=lambda m: (m.day, m.starts or time()))
