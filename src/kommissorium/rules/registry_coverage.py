"""Registry coverage (G): each kommune in exactly one klynge of its region (declared exceptions
allowed), the klynger cover the region, klynger list real kommuner of their own region, and a
charter's area exists at its date. G001 (duplicate registry keys) is reported when the registry
is loaded."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from kommissorium.corpus import CharterSet
from kommissorium.danish import join
from kommissorium.model.validate import suggest
from kommissorium.problems import Severity
from kommissorium.registry import Entry, Located
from kommissorium.rules._util import fmt_date
from kommissorium.rules.base import Finding, rule

_AREA_KINDS = ("land", "region", "kommune", "klynge", "sundhedsråd")

#: Kind → (the word in a message, its definite form): klynger and sundhedsråd divide the
#: regions, each structure in its own period, and are checked alike.
_WORDS = {"klynge": ("klynge", "klyngen"), "sundhedsråd": ("sundhedsråd", "sundhedsrådet")}


def _divisions(cs: CharterSet, kind: str | None = None) -> list[Located]:
    """The klynger and sundhedsråd (or one kind) in file order."""
    kinds = (kind,) if kind else tuple(_WORDS)
    return sorted(
        (loc for loc in cs.registry.entries.values() if loc.entry.kind in kinds),
        key=lambda loc: (loc.file, loc.line, loc.column),
    )


def _klynger(cs: CharterSet) -> list[Located]:
    return _divisions(cs, "klynge")


def _span(e: Entry) -> tuple[date, date]:
    start = e.valid.start.first_day if e.valid and e.valid.start else date.min
    end = e.valid.end.last_day if e.valid and e.valid.end else date.max
    return start, end


def _overlap(a: Entry, b: Entry) -> bool:
    (s1, e1), (s2, e2) = _span(a), _span(b)
    return s1 <= e2 and s2 <= e1


def _loc(loc: Located, *sub: object) -> dict:
    line, column = loc.at(*sub)
    return {"file": loc.file, "line": line, "column": column}


def _where(loc: Located, *sub: object) -> str:
    line, column = loc.at(*sub)
    return f"{loc.file}:{line}:{column}"


@rule(
    "G002",
    "register.kommune-i-flere-klynger",
    Severity.ERROR,
    "En kommune står i mere end én sundhedsklynge (eller ét sundhedsråd) i samme periode uden en erklæret undtagelse.",
)
def kommune_in_two(cs: CharterSet) -> Iterator[Finding]:
    """
    Hver kommune hører til præcis én sundhedsklynge. Undtagelser findes (Københavns Kommune
    deltager for Amager i Amager-Hvidovre-klyngen), men de skal erklæres med `delte-kommuner`
    på den klynge, der deler kommunen, med en begrundelse; ellers er det en fejl i registret.

    Godt:
        klynger:
          - nøgle: klynge-hovedstaden-syd
            kommuner: [hvidovre, …]
            delte-kommuner: {koebenhavn: Deltager for Amager.}

    Dårligt:
        klynger:
          - {nøgle: klynge-a, region: region-nordjylland, kommuner: [aalborg, jammerbugt]}
          - {nøgle: klynge-b, region: region-nordjylland, kommuner: [aalborg, rebild]}
    """
    seen: dict[tuple[str, str], list[Located]] = {}
    for loc in _divisions(cs):
        word = _WORDS[loc.entry.kind][0]
        for i, k in enumerate(loc.entry.kommuner):
            for prev in seen.get((loc.entry.kind, k), []):
                if not _overlap(prev.entry, loc.entry):
                    continue
                if k in prev.entry.shared_kommuner or k in loc.entry.shared_kommuner:
                    continue
                name = cs.name_of(k)
                j = prev.entry.kommuner.index(k)
                yield Finding(
                    f"{name} ({k}) står både i '{loc.entry.name}' og i '{prev.entry.name}' "
                    f"(defineret i {_where(prev, 'kommuner', j)}). En kommune hører til ét "
                    f"{word} ad gangen; er det en bevidst undtagelse, så flyt den til "
                    "'delte-kommuner' med en begrundelse.".replace("ét klynge", "én klynge"),
                    **_loc(loc, "kommuner", i),
                )
            seen.setdefault((loc.entry.kind, k), []).append(loc)


@rule(
    "G003",
    "register.klynger-daekker-regionen",
    Severity.ERROR,
    "Sundhedsklyngerne (eller sundhedsrådene) i en region dækker ikke alle regionens kommuner.",
)
def klynger_cover_region(cs: CharterSet) -> Iterator[Finding]:
    """
    Sundhedsklyngerne dækker tilsammen hele regionen (de 22 klynger dækker alle 98 kommuner), og
    det gør sundhedsrådene fra 1. januar 2027 også (17 råd, 98 kommuner). For hver region og hver
    dato, hvor strukturen skifter, skal hver af regionens kommuner på den dato stå i en klynge
    (i `kommuner` eller `delte-kommuner`), og tilsvarende i et sundhedsråd. Regionen på datoen
    tæller: fra 2027 ligger Region Sjællands kommuner i Region Østdanmark. Fundet står ved
    regionens første klynge (sundhedsråd) og nævner de manglende kommuner.

    Godt:
        # Region Nordjylland: Nord, Midt, Syd og Vest har tilsammen alle 11 kommuner

    Dårligt:
        klynger:
          - {nøgle: klynge-a, region: region-nordjylland, kommuner: [aalborg]}
          # de øvrige 10 nordjyske kommuner står ikke i nogen klynge
    """
    reg = cs.registry
    by_region: dict[tuple[str, str], list[Located]] = {}
    for loc in _divisions(cs):
        if loc.entry.region:
            by_region.setdefault((loc.entry.kind, loc.entry.region), []).append(loc)
    for (kind, region), locs in by_region.items():
        if reg.get(region) is None:
            continue
        dates = sorted({_span(loc.entry)[0] for loc in locs})
        reported: set[frozenset[str]] = set()
        for when in dates:
            live = [loc for loc in locs if loc.entry.valid_at(None if when == date.min else when)]
            if not live:
                continue
            probe = None if when == date.min else when
            covered = set()
            for loc in live:
                covered.update(loc.entry.kommuner)
                covered.update(loc.entry.shared_kommuner)
            missing = [k for k in reg.kommuner_in(region, probe) if k.key not in covered]
            if not missing:
                continue
            key = frozenset(k.key for k in missing)
            if key in reported:
                continue
            reported.add(key)
            on = f" pr. {fmt_date(when)}" if probe else ""
            names = join(f"{k.name} ({k.key})" for k in missing)
            first = live[0]
            plural, where_, one = (("Klyngerne", "nogen klynge", "en klynge") if kind == "klynge"
                                   else ("Sundhedsrådene", "noget sundhedsråd", "et sundhedsråd"))
            yield Finding(
                f"{plural} i {cs.name_of(region)}{on} dækker ikke {names}: "
                f"{len(missing)} af regionens {len(reg.kommuner_in(region, probe))} kommuner "
                f"står ikke i {where_}. Tilføj dem til {one}.",
                **_loc(first, "kommuner"),
            )


@rule(
    "G004",
    "register.klynge-kommune",
    Severity.ERROR,
    "En klynge eller et sundhedsråd nævner en kommune, der ikke findes, ikke gælder i perioden eller ligger i en anden region.",
)
def klynge_kommuner(cs: CharterSet) -> Iterator[Finding]:
    """
    En klynges (et sundhedsråds) `kommuner` og `delte-kommuner` er nøgler til kommuner i
    registret, i dens egen region på den dato, den begynder, og gyldige på den dato. Et
    sundhedsråd i Region Østdanmark kan derfor have Roskilde, som til 2026 lå i Region Sjælland.

    Godt:
        - {nøgle: klynge-nordjylland-vest, region: region-nordjylland, kommuner: [thisted, morsoe]}

    Dårligt:
        - {nøgle: klynge-nordjylland-vest, region: region-nordjylland, kommuner: [thisted, skive]}
    """
    reg = cs.registry
    kommuner = [k.key for k in reg.of_kind("kommune")]
    for loc in _divisions(cs):
        e = loc.entry
        word, the = _WORDS[e.kind]
        start = _span(e)[0]
        probe = None if start == date.min else start
        items = [(("kommuner", i), k) for i, k in enumerate(e.kommuner)]
        items += [(("delte-kommuner", k), k) for k in e.shared_kommuner]
        for path, k in items:
            entry = reg.get(k)
            if entry is None or entry.kind != "kommune":
                best = suggest(k, kommuner)
                hint = f" Mente du '{best}'?" if best else ""
                yield Finding(
                    f"{the.capitalize()} '{e.name}' nævner '{k}', som ikke er en kommune i "
                    f"registret.{hint}",
                    **_loc(loc, *path),
                )
            elif not entry.valid_at(probe):
                yield Finding(
                    f"{the.capitalize()} '{e.name}' begynder {fmt_date(start)}, men kommunen {entry.name} "
                    f"gælder ikke på den dato ({entry.period()}).",
                    **_loc(loc, *path),
                )
            elif (e.region and entry.region and path[0] == "kommuner"
                  and reg.region_of(k, probe) != e.region):
                yield Finding(
                    f"{the.capitalize()} '{e.name}' ligger i {cs.name_of(e.region)}, men "
                    f"{entry.name} ligger i {cs.name_of(reg.region_of(k, probe))}.",
                    **_loc(loc, *path),
                )


@rule(
    "G005",
    "omraade.gyldig-paa-dato",
    Severity.ERROR,
    "Kommissoriets område (region, klynge, kommune) fandtes ikke på kommissoriets dato.",
)
def area_at_date(cs: CharterSet) -> Iterator[Finding]:
    """
    Et kommissorium kontrolleres mod strukturen på sin egen dato: et kommissorium fra 2017 kan
    ikke have en sundhedsklynge som område (klyngerne kom 1. juli 2022), og et fra 2027 ikke
    Region Sjælland. Datoen er `gyldig.fra`, ellers godkendelsesdatoen, ellers `dato`: et
    kommissorium, der godkendes i juni for en klynge, der starter 1. juli, gælder fra juli.

    Godt:
        område: klynge-nordjylland-nord
        godkendt: {dato: 2022-06-23}
        gyldig: {fra: 2022-07-01}

    Dårligt:
        område: klynge-nordjylland-nord
        godkendt: {dato: 2017-03-01}
    """
    for cf in cs.valid():
        c = cf.charter
        entry = cs.registry.get(c.area)
        when = c.effective_date
        if entry is None or when is None or entry.valid_at(when):
            continue
        loc = cs.registry.where(c.area)
        after = f" Det er erstattet af '{cs.name_of(entry.replaced_by)}'." if entry.replaced_by else ""
        line, column = cf.at("område")
        dated = "gælder fra" if c.valid is not None and c.valid.start is not None else "er dateret"
        yield Finding(
            f"Området '{entry.name}' ({c.area}) gælder {entry.period()}, men kommissoriet "
            f"{dated} {fmt_date(when)} (defineret i {loc.file}:{loc.line}:{loc.column}).{after}",
            file=cf.display, line=line, column=column, charter=cf.id,
        )


@rule(
    "G006",
    "omraade.art",
    Severity.WARNING,
    "Kommissoriets område er ikke et område (land, region, klynge eller kommune).",
)
def area_kind(cs: CharterSet) -> Iterator[Finding]:
    """
    `område` er det geografiske område, organet dækker: `landsdaekkende`, en region, en
    sundhedsklynge eller en kommune. Et hospital eller en organisation er ikke et område; skriv
    organisationen under `sammensætning` eller `relationer`, og områdets nøgle her.

    Godt:
        område: region-nordjylland

    Dårligt:
        område: plo-nordjylland
    """
    for cf in cs.valid():
        entry = cs.registry.get(cf.charter.area)
        if entry is None or entry.kind in _AREA_KINDS:
            continue
        line, column = cf.at("område")
        hint = ""
        region = cs.registry.region_of(entry.key)
        if region:
            hint = f" Mente du '{region}'?"
        yield Finding(
            f"Området '{cf.charter.area}' er en {entry.kind} ('{entry.name}'), ikke et område.{hint}",
            file=cf.display, line=line, column=column, charter=cf.id,
        )
