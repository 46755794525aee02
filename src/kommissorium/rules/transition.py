"""A repository on a given day (D): `validate --dato ÅÅÅÅ-MM-DD` checks every charter as if it
were in force that day. The rules give nothing without a date; the verdicts come from
``kommissorium.transition`` (the same as `overgang`). D005 (a registry correction of nothing) is
reported when the registry is loaded."""

from __future__ import annotations

from typing import Iterator

from kommissorium.corpus import CharterSet
from kommissorium.problems import Severity
from kommissorium.rules.base import Finding, at, rule


def _reasons(cs: CharterSet, kinds: tuple[str, ...]) -> Iterator[Finding]:
    when = getattr(cs, "as_of", None)
    if when is None:
        return
    from kommissorium.transition import assess

    cache = cs.__dict__.setdefault("_verdicts", {})
    if when not in cache:  # four rules, one assessment
        cache[when] = assess(cs, when)
    for verdict in cache[when]:
        cf = cs.get(verdict.id)
        for r in verdict.reasons:
            if r.kind in kinds:
                yield Finding(r.message, **at(cf, *r.path))


@rule(
    "D001",
    "dato.omraade-findes-ikke",
    Severity.ERROR,
    "Kommissoriets område findes ikke på den dato, der kontrolleres på (validate --dato).",
)
def area_on_day(cs: CharterSet) -> Iterator[Finding]:
    """
    `validate --dato 2027-01-01` kontrollerer hvert kommissorium, som om det gjaldt den dag.
    Sundhedsklyngerne nedlægges 31. december 2026 (L 214), og Region Hovedstaden og Region
    Sjælland bliver til Region Østdanmark (L 213): et kommissorium for et organ i en klynge
    ophører med klyngen. Fundet nævner slutdatoen og efterfølgeren fra registret. Et
    kommissorium, der selv slutter før datoen (`gyldig: {til: …}`), er historisk og
    kontrolleres ikke. Et område, der først findes senere (et sundhedsråd før 2027), er også et
    fund. Uden `--dato` giver reglen intet.

    Godt:
        # kontrolleret pr. 1. januar 2027
        område: sundhedsraad-vendsyssel

    Dårligt:
        # kontrolleret pr. 1. januar 2027
        område: klynge-nordjylland-nord   # ophører 31. december 2026
    """
    yield from _reasons(cs, ("område",))


@rule(
    "D002",
    "dato.organ-nedlagt",
    Severity.ERROR,
    "Organet selv er nedlagt på den dato, der kontrolleres på (fx sundhedssamarbejdsudvalget).",
)
def body_on_day(cs: CharterSet) -> Iterator[Finding]:
    """
    Registret kender organer, som loven nedlægger (under `organer`): L 214 nedlægger
    sundhedssamarbejdsudvalgene 31. december 2026. Et kommissorium er et sådant organs
    kommissorium, når det nævner organet i `relationer.del-af`, eller når dets navn er et af
    organets navne i samme region. Pr. datoen findes organet ikke; fundet nævner efterfølgeren
    (markeret som ikke bekræftet, når ingen kilde bekræfter den). Uden `--dato` giver reglen
    intet.

    Godt:
        # kontrolleret pr. 1. januar 2027
        navn: Sundhedsråd Vendsyssel

    Dårligt:
        # kontrolleret pr. 1. januar 2027
        navn: Sundhedssamarbejdsudvalget
        område: region-nordjylland
    """
    yield from _reasons(cs, ("organ",))


@rule(
    "D003",
    "dato.henvisning-findes-ikke",
    Severity.ERROR,
    "Kommissoriet henviser til et organ eller en registerpost, der ikke findes på datoen.",
)
def reference_on_day(cs: CharterSet) -> Iterator[Finding]:
    """
    Et kommissorium, der selv fortsætter, kan henvise til noget, der nedlægges: Strategisk
    Sundhedsforum giver opgaver til klyngernes faglige niveau, og en gruppe refererer til
    Sundhedssamarbejdsudvalget. Pr. datoen skal henvisningen rettes til efterfølgeren. Fundet
    står ved henvisningen og nævner slutdatoen og efterfølgeren. Kommissorier, der selv ophører
    (D001, D002), får ikke også dette fund. Uden `--dato` giver reglen intet.

    Godt:
        # kontrolleret pr. 1. januar 2027
        relationer: {refererer-til: region-nordjylland}

    Dårligt:
        # kontrolleret pr. 1. januar 2027
        relationer: {refererer-til: nordjylland/klynge-nord/politisk}
    """
    yield from _reasons(cs, ("henvisning",))


@rule(
    "D004",
    "dato.pladser-findes-ikke",
    Severity.ERROR,
    "Pladser i sammensætningen kommer fra noget, der ikke findes på datoen, eller giver ingen pladser.",
)
def seats_on_day(cs: CharterSet) -> Iterator[Finding]:
    """
    Pladser "fra" eller "udpeget af" et organ, der nedlægges, kan ikke besættes, og pladser
    "for hver klynge" giver ingen pladser, når der ikke længere er klynger: så mister organet
    medlemmer uden at nogen har besluttet det. Fundet nævner efterfølgerne (for klynger:
    sundhedsrådene i området). Uden `--dato` giver reglen intet.

    Godt:
        # kontrolleret pr. 1. januar 2027
        medlemmer: [{rolle: repræsentant, for-hver: sundhedsråd}]

    Dårligt:
        # kontrolleret pr. 1. januar 2027
        medlemmer: [{rolle: repræsentant, for-hver: klynge}]
    """
    yield from _reasons(cs, ("plads",))
