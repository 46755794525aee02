"""Composition (C): seats expand over the registry, sub-quotas fit, appointing organisations
belong to the body's area, a shared chair's parties sit among the members, a quorum is reachable."""

from __future__ import annotations

from typing import Iterator

from kommissorium.corpus import CharterSet, refs_in
from kommissorium.danish import join
from kommissorium.problems import Severity
from kommissorium.rules._util import PARTY_DA, fmt_date, seat_party
from kommissorium.rules.base import Finding, at, rule

_GROUPS = (("medlemmer", "members"), ("deltagere", "participants"), ("observatører", "observers"))
_OVER_DA = {"kommune": "kommune", "klynge": "sundhedsklynge", "region": "region"}
_OVER_PL = {"kommune": "kommuner", "klynge": "sundhedsklynger", "region": "regioner"}


@rule(
    "C001",
    "sammensaetning.udfoldning-tom",
    Severity.ERROR,
    "En plads 'for-hver' kommune/klynge/region udfolder sig til ingen pladser i registret.",
)
def empty_expansion(cs: CharterSet) -> Iterator[Finding]:
    """
    En plads med `for-hver` besættes én gang for hver kommune (klynge, region) i kommissoriets
    område på kommissoriets dato; antallet kommer fra registret, ikke fra forfatteren. Giver
    udfoldningen ingen enheder, står der ingen medlemmer bag pladsen: området er ikke den slags
    område (en kommune har ingen klynger), eller området gjaldt ikke på datoen.

    Godt:
        område: klynge-nordjylland-nord        # Hjørring, Brønderslev, Frederikshavn, Læsø
        sammensætning:
          medlemmer:
            - {rolle: sundhedsdirektør, for-hver: kommune, antal: 1}

    Dårligt:
        område: aalborg                        # en kommune har ingen sundhedsklynger
        sammensætning:
          medlemmer:
            - {rolle: klyngeformand, for-hver: klynge}
    """
    for cf in cs.valid():
        c = cf.charter
        if c.composition is None:
            continue
        for group, attr in _GROUPS:
            for i, seat in enumerate(getattr(c.composition, attr)):
                if seat.for_each is None:
                    continue
                area = seat.within or c.area
                if not cs.exists(area) or area not in cs.registry:
                    continue  # R001 reports unknown references
                es = cs.expand_seat(c, seat, i)
                if es.units:
                    continue
                when = c.effective_date
                on = f" pr. {fmt_date(when)}" if when else ""
                over = seat.for_each.value
                yield Finding(
                    f"Pladsen '{seat.role}' skal besættes for hver {_OVER_DA[over]} i "
                    f"'{cs.name_of(area)}' ({area}), men registret har ingen {_OVER_PL[over]} "
                    f"der{on}. Ret 'for-hver', angiv et andet område med 'i:', eller tjek "
                    "kommissoriets dato.",
                    **at(cf, "sammensætning", group, i, "for-hver"),
                )


@rule(
    "C002",
    "sammensaetning.heraf-opfyldt",
    Severity.ERROR,
    "Kvoterne under 'heraf' kræver flere pladser, end pladsgruppen har.",
)
def sub_quotas(cs: CharterSet) -> Iterator[Finding]:
    """
    "3 direktører, heraf mindst 1 fra psykiatrien" kan opfyldes; "3 direktører, heraf mindst 2
    fra psykiatrien og 2 fra somatikken" kan ikke: kvoterne kræver 4 af 3 pladser. Kvoterne
    lægges sammen og sammenlignes med pladsgruppens højeste antal (pr. enhed, når pladsen
    udfoldes med `for-hver`).

    Godt:
        - rolle: hospitals-, virksomheds- eller afdelingsdirektør
          antal: 3
          heraf: [{mindst: 1, fra: psykiatrien-nordjylland}]

    Dårligt:
        - rolle: hospitals-, virksomheds- eller afdelingsdirektør
          antal: 3
          heraf:
            - {mindst: 2, fra: psykiatrien-nordjylland}
            - {mindst: 2, rolle: somatik}
    """
    for cf in cs.valid():
        c = cf.charter
        if c.composition is None:
            continue
        for group, attr in _GROUPS:
            for i, seat in enumerate(getattr(c.composition, attr)):
                high = seat.count.high
                if high is None or not seat.sub_quotas:
                    continue
                total = 0
                parts: list[str] = []
                for j, q in enumerate(seat.sub_quotas):
                    total += q.required
                    what = q.source or q.role or q.requirement or ""
                    parts.append(f"{q.required} ({what})")
                    if total > high:
                        yield Finding(
                            f"Kvoterne under 'heraf' kræver mindst {total} pladser "
                            f"({join(parts)}), men pladsen '{seat.role}' har højst {high} "
                            "(antal). Hæv 'antal', eller ret kvoterne.",
                            **at(cf, "sammensætning", group, i, "heraf", j),
                        )
                        break


@rule(
    "C003",
    "sammensaetning.udpeger-uden-for-omraadet",
    Severity.ERROR,
    "En plads besættes fra eller udpeges af en organisation, region eller kommune uden for organets område.",
)
def appointer_in_area(cs: CharterSet) -> Iterator[Finding]:
    """
    Den, der udpeger eller leverer et medlem, skal høre til organets område: et nordjysk organ
    får sine praktiserende læger fra PLO-Nordjylland, ikke fra PLO-Syddanmark, og en klynges
    kommunale pladser kommer fra klyngens egne kommuner. Landsdækkende organisationer (PLO,
    KL, Danske Regioner) passer overalt. Organisationens område står i registret (`område:`).

    Godt:
        område: region-nordjylland
        sammensætning:
          medlemmer:
            - {rolle: praktiserende læge, udpeget-af: plo-nordjylland, antal: 2}

    Dårligt:
        område: region-nordjylland
        sammensætning:
          medlemmer:
            - {rolle: praktiserende læge, udpeget-af: plo-syddanmark, antal: 2}
    """
    reg = cs.registry
    for cf in cs.valid():
        c = cf.charter
        area = reg.get(c.area)
        if area is None or area.kind == "land":
            continue
        area_region = reg.region_of(c.area)
        if area_region is None:
            continue
        when = c.effective_date
        area_kommuner = {k.key for k in reg.kommuner_in(c.area, when)} if area.kind in (
            "klynge", "kommune") else None
        for path, ref in refs_in(c):
            if path[0] not in ("sammensætning", "formandskab") or path[-1] == "i":
                continue
            entry = reg.get(ref)
            if entry is None:
                continue
            if entry.kind == "kommune" and area_kommuner is not None:
                if ref not in area_kommuner:
                    yield Finding(
                        f"'{entry.name}' ({ref}) hører ikke til organets område "
                        f"'{area.name}' ({c.area}), hvis kommuner er "
                        f"{join(sorted(reg.get(k).name for k in area_kommuner))}.",
                        **at(cf, *path),
                    )
                continue
            if entry.kind == "land":
                continue
            region = reg.region_of(ref)
            if region is None or region == area_region:
                continue
            region_name = cs.name_of(region)
            inside = "" if area.kind == "region" else f" i {cs.name_of(area_region)}"
            yield Finding(
                f"'{entry.name}' ({ref}) hører til {region_name}, men organet dækker "
                f"'{area.name}' ({c.area}){inside}. "
                f"Mente du en organisation i {cs.name_of(area_region)}?",
                **at(cf, *path),
            )


@rule(
    "C004",
    "formandskab.parter-blandt-medlemmer",
    Severity.ERROR,
    "Et delt formandskab nævner en part, der ikke har nogen plads blandt medlemmerne.",
)
def chair_parties(cs: CharterSet) -> Iterator[Finding]:
    """
    Et formandskab "delt mellem kommuner og region" forudsætter, at begge parter sidder i
    organet: formændene vælges blandt medlemmerne. En plads' part findes af `part:`, af
    `for-hver: kommune` (kommunerne), eller af registret for `fra`/`udpeget-af` (regioner og
    hospitaler er regionen, kommuner og KKR kommunerne, PLO almen praksis). Angiv `part:` på en
    plads, som registret ikke kender parten af.

    Godt:
        sammensætning:
          medlemmer:
            - {rolle: direktør, for-hver: kommune}
            - {rolle: hospitalsdirektør, fra: region-nordjylland, antal: 3}
        formandskab: {delt-mellem: [kommuner, region]}

    Dårligt:
        sammensætning:
          medlemmer:
            - {rolle: direktør, for-hver: kommune}
            - {rolle: praktiserende læge, udpeget-af: plo-nordjylland, antal: 2}
        formandskab: {delt-mellem: [kommuner, region]}   # ingen fra regionen
    """
    for cf in cs.valid():
        if cf.charter.chair is None or not cf.charter.chair.shared_between:
            continue
        eff = cs.effective(cf.id)
        if eff is None or eff.composition is None or not eff.composition.members:
            continue
        present = {seat_party(cs, s) for s in eff.composition.members}
        for i, party in enumerate(cf.charter.chair.shared_between):
            if party in present:
                continue
            have = [PARTY_DA[p] for p in present if p is not None]
            found = f"medlemmerne kommer fra {join(sorted(have))}" if have else (
                "ingen af medlemmernes parter kendes")
            yield Finding(
                f"Formandskabet er delt med {PARTY_DA[party]} ('{party.value}'), men ingen "
                f"plads i sammensætningen tilhører {PARTY_DA[party]} ({found}). Tilføj pladsen, "
                "eller angiv 'part:' på den plads, der repræsenterer parten.",
                **at(cf, "formandskab", "delt-mellem", i),
            )


@rule(
    "C005",
    "beslutninger.beslutningsdygtighed-mulig",
    Severity.ERROR,
    "Organet kræver flere fremmødte for at være beslutningsdygtigt, end det har medlemmer.",
)
def quorum_reachable(cs: CharterSet) -> Iterator[Finding]:
    """
    "Beslutningsdygtigt, når mindst 5 medlemmer er mødt" kan ikke opfyldes af et organ med 4
    medlemmer. Medlemstallet regnes af sammensætningen udfoldet over registret (faste
    medlemmer; deltagere efter behov og observatører tæller ikke).

    Godt:
        sammensætning: {medlemmer: [{rolle: borgmester, for-hver: kommune}]}   # 4 kommuner
        beslutninger: {beslutningsdygtig-ved: 3}

    Dårligt:
        sammensætning: {medlemmer: [{rolle: borgmester, for-hver: kommune}]}   # 4 kommuner
        beslutninger: {beslutningsdygtig-ved: 5}
    """
    for cf in cs.valid():
        d = cf.charter.decisions
        if d is None or d.quorum is None:
            continue
        count = cs.member_count(cf.id)
        if count is None or count.high is None or d.quorum <= count.high:
            continue
        yield Finding(
            f"Organet er beslutningsdygtigt ved {d.quorum} fremmødte, men har højst "
            f"{count.high} faste medlemmer (sammensætningen giver {count}).",
            **at(cf, "beslutninger", "beslutningsdygtig-ved"),
        )
