"""Officers (O): the chair, co-chairs, vice chair and other officers fit the composition."""

from __future__ import annotations

from typing import Iterator

from kommissorium.corpus import CharterSet
from kommissorium.problems import Severity
from kommissorium.rules.base import Finding, at, rule


def _groups(charter) -> dict[str, object]:
    comp = charter.composition
    if comp is None:
        return {}
    return {s.group: s for s in comp.members if s.group}


@rule(
    "O001",
    "formandskab.ukendt-gruppe",
    Severity.ERROR,
    "En post vælges blandt ('gruppe') eller er knyttet til ('plads') en pladsgruppe, som "
    "sammensætningen ikke har.",
)
def unknown_group(cs: CharterSet) -> Iterator[Finding]:
    """
    En formand, der "vælges blandt de regionale medlemmer", skal kunne findes blandt
    medlemmerne: `gruppe` og `plads` under en post i `formandskab` henviser til en pladsgruppe
    med samme `gruppe` under `sammensætning.medlemmer`. Peger den på en gruppe, der ikke
    findes (en stavefejl, eller gruppen er slettet), er reglen for formandsvalget tom.

    Godt:
        sammensætning:
          medlemmer:
            - {rolle: regionsrådsmedlem, antal: 5, gruppe: region}
        formandskab:
          formand: {gruppe: region}

    Dårligt:
        sammensætning:
          medlemmer:
            - {rolle: regionsrådsmedlem, antal: 5, gruppe: region}
        formandskab:
          formand: {gruppe: regionen}
    """
    for cf in cs.valid():
        c = cf.charter
        if c.chair is None:
            continue
        groups = _groups(cs.effective(cf.id) or c)
        for path, officer in c.chair.officers():
            for key, value in (("gruppe", officer.group), ("plads", officer.seat)):
                if value and value not in groups:
                    known = ", ".join(f"'{g}'" for g in sorted(groups)) or "ingen"
                    yield Finding(
                        f"'{key}: {value}' henviser til en pladsgruppe, som sammensætningen "
                        f"ikke har (pladsgrupper med 'gruppe': {known}).",
                        **at(cf, "formandskab", *path, key),
                    )


@rule(
    "O002",
    "formandskab.hver-sin-gruppe",
    Severity.ERROR,
    "Formand og næstformand skal komme fra hver sin gruppe, men er knyttet til samme pladsgruppe.",
)
def same_group(cs: CharterSet) -> Iterator[Finding]:
    """
    `hver-sin-gruppe: true` siger, at formand og næstformand kommer fra hver sin gruppe af
    medlemmer (fx én fra regionen og én fra kommunerne). Står begge poster med samme
    `gruppe` eller `plads`, kan det ikke lade sig gøre.

    Godt:
        formandskab:
          formand: {gruppe: region}
          næstformand: {gruppe: kommuner}
          hver-sin-gruppe: true

    Dårligt:
        formandskab:
          formand: {gruppe: region}
          næstformand: {gruppe: region}
          hver-sin-gruppe: true
    """
    for cf in cs.valid():
        ch = cf.charter.chair
        if ch is None or not ch.different_groups or ch.chair is None or ch.vice_chair is None:
            continue
        a = ch.chair.group or ch.chair.seat
        b = ch.vice_chair.group or ch.vice_chair.seat
        if a and a == b:
            key = "gruppe" if ch.vice_chair.group else "plads"
            yield Finding(
                f"Formand og næstformand skal komme fra hver sin gruppe ('hver-sin-gruppe: "
                f"true'), men begge er knyttet til pladsgruppen '{a}'.",
                **at(cf, "formandskab", "næstformand", key),
            )


@rule(
    "O003",
    "formandskab.plads-flere-pladser",
    Severity.WARNING,
    "En post er knyttet til en pladsgruppe ('plads'), som ikke har præcis én plads.",
)
def seat_not_single(cs: CharterSet) -> Iterator[Finding]:
    """
    En post knyttet til en plads (`plads: regionsraadsformand`) bestrides af den, der har
    pladsen. Har pladsgruppen flere pladser (eller et åbent antal), siger kommissoriet ikke,
    hvem af dem der er formand; brug `gruppe` (vælges blandt) i stedet, eller giv embedet sin
    egen pladsgruppe med `antal: 1`.

    Godt:
        medlemmer: [{rolle: regionsrådsformanden, embede: true, gruppe: rrf}]
        formandskab: {formand: {plads: rrf}}

    Dårligt:
        medlemmer: [{rolle: regionsrådsmedlem, antal: 3, gruppe: region}]
        formandskab: {formand: {plads: region}}
    """
    for cf in cs.valid():
        c = cf.charter
        if c.chair is None:
            continue
        groups = _groups(cs.effective(cf.id) or c)
        for path, officer in c.chair.officers():
            seat = groups.get(officer.seat or "")
            if seat is None:
                continue
            if seat.for_each is not None or not seat.count.exact or seat.count.low != 1 \
                    or getattr(seat, "unspecified", False):
                yield Finding(
                    f"Posten er knyttet til pladsgruppen '{officer.seat}', som ikke har præcis "
                    "én plads; skriv 'gruppe' (vælges blandt), hvis posten vælges blandt dem.",
                    **at(cf, "formandskab", *path, "plads"),
                )
