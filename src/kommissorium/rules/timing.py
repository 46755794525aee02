"""Relations and timing (X004–X005): meetings placed relative to a body that meets, and
delegations the receiving body knows about."""

from __future__ import annotations

from typing import Iterator

from kommissorium.corpus import CharterSet
from kommissorium.problems import Severity
from kommissorium.rules.base import Finding, at, rule


def _never_meets(charter) -> bool:
    m = charter.meetings
    if m is None or m.per_year is None:
        return True
    f = m.per_year
    values = [v for v in (f.minimum, f.maximum, f.approximately) if v is not None]
    return not f.on_demand and bool(values) and max(values) == 0


@rule(
    "X004",
    "moeder.placering-uden-moeder",
    Severity.ERROR,
    "Møderne placeres i forhold til et organ, som ikke holder faste møder.",
)
def timing_without_meetings(cs: CharterSet) -> Iterator[Finding]:
    """
    "Møderne placeres ca. seks uger før Dialogforums møder" (`møder.i-forhold-til`) kræver,
    at det andet organ har møder at regne fra. Har dets kommissorium ingen mødefrekvens
    (`møder.pr-år`), eller holder det nul møder, kan placeringen ikke følges. Et organ, der
    ikke findes, meldes af R001.

    Godt:
        møder:
          i-forhold-til: {organ: byraadet, uger: 6, ca: true}   # byrådet: pr-år: 11

    Dårligt:
        møder:
          i-forhold-til: {organ: netvaerket, uger: 6}             # netværket: ingen møder
    """
    for cf in cs.valid():
        m = cf.charter.meetings
        if m is None or m.relative_to is None:
            continue
        target = cs.effective(m.relative_to.body)
        if target is None or not _never_meets(target):
            continue
        yield Finding(
            f"Møderne placeres i forhold til '{target.name}', men det organ har ingen faste "
            "møder ('møder.pr-år' mangler eller er 0).",
            **at(cf, "møder", "i-forhold-til", "organ"),
        )


@rule(
    "X005",
    "relationer.udsendelse-ensidig",
    Severity.WARNING,
    "Organet sender medlemmer til et organ, hvis sammensætning ikke har en plads fra det.",
)
def one_sided_delegation(cs: CharterSet) -> Iterator[Finding]:
    """
    Når et råd "udpeger 2 medlemmer til Sundhedsudvalget" (`relationer.udsender`), bør
    Sundhedsudvalgets kommissorium have pladserne: en pladsgruppe `udpeget-af`, `valgt-af`,
    `fra` eller `medlemmer-af` rådet. Mangler den, er de to kommissorier uenige om, hvem der
    sidder i udvalget. Organer i registret (uden kommissorium) kontrolleres ikke.

    Godt:
        relationer:
          udsender: [{til: sundhedsudvalget, antal: 2}]
        # sundhedsudvalget: medlemmer: [{rolle: repræsentant, antal: 2, udpeget-af: aeldreraadet}]

    Dårligt:
        relationer:
          udsender: [{til: sundhedsudvalget, antal: 2}]
        # sundhedsudvalget nævner ikke ældrerådet i sin sammensætning
    """
    for cf in cs.valid():
        for i, dlg in enumerate(cf.charter.relations.delegations):
            target = cs.effective(dlg.to)
            if target is None or target.composition is None:
                continue
            seats = [*target.composition.members, *target.composition.participants,
                     *target.composition.observers]
            if any(cf.id in (s.appointed_by, s.elected_by, s.source, s.members_of,
                             s.nominated_by) for s in seats):
                continue
            yield Finding(
                f"'{cf.charter.name}' sender medlemmer til '{target.name}', men dets "
                "sammensætning har ingen plads udpeget af, valgt af eller fra dette organ.",
                **at(cf, "relationer", "udsender", i, "til"),
            )
