"""Composition (C): seats expand over the registry, sub-quotas fit, appointing organisations
belong to the body's area, a shared chair's parties sit among the members, a quorum is reachable."""

from __future__ import annotations

from typing import Iterator

from kommissorium.corpus import CharterFile, CharterSet, refs_in
from kommissorium.danish import join
from kommissorium.problems import Severity
from kommissorium.rules._util import PARTY_DA, fmt_date, seat_party
from kommissorium.rules.base import Finding, at, related, rule, where

_GROUPS = (("medlemmer", "members"), ("deltagere", "participants"), ("observatører", "observers"))
_OVER_DA = {"kommune": "kommune", "klynge": "sundhedsklynge", "region": "region", "sundhedsråd": "sundhedsråd"}
_OVER_PL = {"kommune": "kommuner", "klynge": "sundhedsklynger", "region": "regioner", "sundhedsråd": "sundhedsråd"}
_SECTION = {"sammensætning": "composition", "formandskab": "chair", "beslutninger": "decisions"}


def _holder(cs: CharterSet, cf: CharterFile, attr: str) -> CharterFile:
    """The file that states section ``attr`` of ``cf``'s effective charter (``cf`` or a frame)."""
    cur, seen = cf, {cf.id}
    while getattr(cur.charter, attr) is None:
        nxt = cs.frame_of(cur.id)
        if nxt is None or nxt.id in seen:
            return cur
        seen.add(nxt.id)
        cur = nxt
    return cur


def _finding(cs: CharterSet, cf: CharterFile, message: str, *path: object) -> Finding:
    """A finding at ``path`` of ``cf``; when the section is inherited from a frame, at the
    charter's ``udbygger`` line, naming the frame's line."""
    holder = _holder(cs, cf, _SECTION[str(path[0])])
    if holder is cf:
        return Finding(message, **at(cf, *path))
    return Finding(
        f"{message} Afsnittet '{path[0]}' er arvet fra rammen '{holder.charter.name}' "
        f"({where(holder, *path)}); skriv organets egen '{path[0]}', eller udbyg en ramme "
        "for organets område.",
        related=(related(holder, *path, message="rammens linje"),),
        **at(cf, "udbygger"),
    )


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
        c = cs.effective(cf.id)
        if c is None or c.composition is None:
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
                yield _finding(
                    cs, cf,
                    f"Pladsen '{seat.role}' skal besættes for hver {_OVER_DA[over]} i "
                    f"'{cs.name_of(area)}' ({area}), men registret har ingen {_OVER_PL[over]} "
                    f"der{on}. Ret 'for-hver', angiv et andet område med 'i:', eller tjek "
                    "kommissoriets dato.",
                    "sammensætning", group, i, "for-hver",
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
    # Own sections only: the quotas do not depend on the area, so an inherited composition
    # is reported once, at the frame that states it.
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
        c = cs.effective(cf.id)
        if c is None:
            continue
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
            name = entry.name if entry is not None else None
            if entry is None:
                # another charter (a Nordjylland committee): its area's region
                other = cs.charter(ref)
                if other is None or reg.get(other.area) is None:
                    continue
                entry = reg.get(other.area)
                name = other.name
            if entry.kind == "kommune" and area_kommuner is not None:
                if entry.key not in area_kommuner:
                    yield _finding(
                        cs, cf,
                        f"'{name}' ({ref}) hører ikke til organets område "
                        f"'{area.name}' ({c.area}), hvis kommuner er "
                        f"{join(sorted(reg.get(k).name for k in area_kommuner))}.",
                        *path,
                    )
                continue
            if entry.kind == "land":
                continue
            region = reg.region_of(entry.key)
            if region is None or region == area_region:
                continue
            region_name = cs.name_of(region)
            inside = "" if area.kind == "region" else f" i {cs.name_of(area_region)}"
            yield _finding(
                cs, cf,
                f"'{name}' ({ref}) hører til {region_name}, men organet dækker "
                f"'{area.name}' ({c.area}){inside}. "
                f"Mente du en organisation i {cs.name_of(area_region)}?",
                *path,
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
        eff = cs.effective(cf.id)
        if eff is None or eff.chair is None or not eff.chair.shared_between:
            continue
        if eff.composition is None or not eff.composition.members:
            continue
        if cf.charter.chair is None and cf.charter.composition is None:
            continue  # both inherited: the frame reports it
        present = {seat_party(cs, s) for s in eff.composition.members}
        for i, party in enumerate(eff.chair.shared_between):
            if party in present:
                continue
            have = [PARTY_DA[p] for p in present if p is not None]
            found = f"medlemmerne kommer fra {join(sorted(have))}" if have else (
                "ingen af medlemmernes parter kendes")
            yield _finding(
                cs, cf,
                f"Formandskabet er delt med {PARTY_DA[party]} ('{party.value}'), men ingen "
                f"plads i sammensætningen tilhører {PARTY_DA[party]} ({found}). Tilføj pladsen, "
                "eller angiv 'part:' på den plads, der repræsenterer parten.",
                "formandskab", "delt-mellem", i,
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
        eff = cs.effective(cf.id)
        d = eff.decisions if eff is not None else None
        if d is None or d.quorum is None or d.quorum.count is None:
            continue
        count = cs.member_count(cf.id)
        if count is None or count.high is None or d.quorum.count <= count.high:
            continue
        yield _finding(
            cs, cf,
            f"Organet er beslutningsdygtigt ved {d.quorum.count} fremmødte, men har højst "
            f"{count.high} faste medlemmer (sammensætningen giver {count}).",
            "beslutninger", "beslutningsdygtig-ved",
        )
