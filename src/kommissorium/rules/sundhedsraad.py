"""Sundhedsråd (H): a charter of type ``sundhedsråd`` covers a sundhedsråd of the registry,
extends the national frame, and meets the frame's requirements (``rammekrav``): members are
regional and municipal politicians, the region holds the majority, every kommune has a seat,
the chair and vice chair are regional members, the kommunestyrelseslov applies.

The requirements are data in the frame (charters/landsdaekkende/sundhedsraad-ramme.yaml), each
with its source. A requirement the frame marks ``ikke-bekræftet`` is never an error: what it
finds is reported by H008 as information."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from kommissorium.corpus import CharterFile, CharterSet
from kommissorium.danish import sundhedsraad as phrases
from kommissorium.model.charter import BodyType, FrameRequirement, Party, RequirementKind
from kommissorium.problems import Severity
from kommissorium.rules._util import seat_party
from kommissorium.rules.base import Finding, at, rule

COUNCIL = BodyType.HEALTH_COUNCIL


@dataclass(frozen=True)
class _Miss:
    kind: RequirementKind
    confirmed: bool
    message: str
    path: tuple[Any, ...]


def _councils(cs: CharterSet) -> Iterator[CharterFile]:
    for cf in cs.valid():
        if cf.charter.type is COUNCIL and not cf.charter.frame:
            yield cf


def _frames(cs: CharterSet, cid: str) -> list[CharterFile]:
    """The frames a charter extends, nearest first."""
    out: list[CharterFile] = []
    seen = {cid}
    cur = cs.charter(cid)
    while cur is not None and cur.extends and cur.extends not in seen:
        seen.add(cur.extends)
        f = cs.get(cur.extends)
        if f is None or f.charter is None:
            break
        out.append(f)
        cur = f.charter
    return out


def requirements(cs: CharterSet, cid: str) -> list[FrameRequirement]:
    """The frame requirements that apply to a charter (all its frames')."""
    return [r for f in _frames(cs, cid) for r in f.charter.requirements]


def _members(cs: CharterSet, cid: str) -> list[tuple[int, Any, Party | None, int, int | None]]:
    """(index, seat, party, low, high) of every permanent member seat group."""
    out = []
    for es in cs.seats(cid):
        if es.seat.on_demand or es.seat.ad_hoc:
            continue
        out.append((es.index, es.seat, seat_party(cs, es.seat), es.low, es.high))
    return out


def _seat_path(cf: CharterFile, index: int) -> tuple[Any, ...]:
    if cf.charter.composition is None:
        return ("udbygger",)
    return ("sammensætning", "medlemmer", index)


def _count(members: list, party: Party) -> tuple[int, int | None]:
    low, high = 0, 0
    for _, _, p, lo, hi in members:
        if p is party:
            low += lo
            high = None if high is None or hi is None else high + hi
    return low, high


def _misses(cs: CharterSet, cf: CharterFile) -> list[_Miss]:
    cache = cs.__dict__.setdefault("_h_misses", {})
    if cf.id in cache:
        return cache[cf.id]
    out: list[_Miss] = []
    c = cs.effective(cf.id) or cf.charter
    members = _members(cs, cf.id)
    for req in requirements(cs, cf.id):
        confirmed = req.unconfirmed is None
        k = req.kind
        if k is RequirementKind.PARTIES_ONLY:
            allowed = set(req.parties)
            for i, seat, party, _, _ in members:
                if party not in allowed:
                    out.append(_Miss(k, confirmed, phrases.not_allowed(
                        seat.role, party.value if party else None, [p.value for p in req.parties],
                        req.source), _seat_path(cf, i)))
        elif k is RequirementKind.SEAT_PER_KOMMUNE:
            kommuner = cs.registry.kommuner_in(c.area, c.effective_date)
            seated = set()
            for i, seat, party, lo, _ in members:
                if lo < 1:
                    continue
                if seat.for_each is not None and seat.for_each.value == "kommune":
                    seated |= {k.key for k in cs.registry.kommuner_in(seat.within or c.area,
                                                                       c.effective_date)}
                elif seat.source and cs.registry.get(seat.source) is not None \
                        and cs.registry.get(seat.source).kind == "kommune":
                    seated.add(seat.source)
            missing = [k.name for k in kommuner if k.key not in seated]
            if missing:
                out.append(_Miss(k, confirmed, phrases.kommuner_without_seat(
                    missing, cs.name_of(c.area), req.source), ("sammensætning",)
                    if cf.charter.composition is not None else ("udbygger",)))
        elif k in (RequirementKind.MAJORITY, RequirementKind.ONE_MORE) and req.party:
            mine = _count(members, req.party)
            others = [p for p in {m[2] for m in members} if p is not None and p is not req.party]
            if k is RequirementKind.ONE_MORE and req.over is not None:
                others = [req.over]
            rest_low = sum(_count(members, p)[0] for p in others)
            rest_high_parts = [_count(members, p)[1] for p in others]
            rest_high = None if any(h is None for h in rest_high_parts) else sum(rest_high_parts)
            where = ("sammensætning",) if cf.charter.composition is not None else ("udbygger",)
            if k is RequirementKind.MAJORITY:
                ok = rest_high is not None and mine[0] > rest_high
                if not ok:
                    out.append(_Miss(k, confirmed, phrases.no_majority(
                        req.party.value, mine, (rest_low, rest_high), req.source), where))
            else:
                ok = mine[1] is not None and rest_high is not None and mine[0] == mine[1] \
                    and rest_low == rest_high and mine[0] == rest_low + 1
                if not ok:
                    out.append(_Miss(k, confirmed, phrases.not_one_more(
                        req.party.value, req.over.value if req.over else "", mine,
                        (rest_low, rest_high), req.source), where))
        elif k in (RequirementKind.CHAIR_FROM_PARTY, RequirementKind.VICE_CHAIR_FROM_PARTY):
            key = "formand" if k is RequirementKind.CHAIR_FROM_PARTY else "næstformand"
            chair = c.chair
            officer = None
            if chair is not None:
                officer = chair.chair if key == "formand" else chair.vice_chair
            groups = {seat.group: party for _, seat, party, _, _ in members if seat.group}
            party = None
            if officer is not None:
                if officer.group:
                    party = groups.get(officer.group)
                elif officer.seat:
                    party = groups.get(officer.seat)
                elif officer.source:
                    party = cs.registry.party_of(officer.source)
            if party is not req.party:
                path = ("formandskab", key) if cf.charter.chair is not None else (
                    ("udbygger",) if cf.charter.extends else ("navn",))
                out.append(_Miss(k, confirmed, phrases.officer_not_from(
                    key, req.party.value if req.party else "", req.source), path))
        elif k is RequirementKind.LAW and req.law:
            laws = [ref.law for x in [cf, *_frames(cs, cf.id)] for ref in x.charter.legal_basis]
            if c.decisions is not None:
                laws += [ref.law for ref in getattr(c.decisions, "conflicts", [])]
            if not any(req.law.casefold() in law.casefold() for law in laws):
                out.append(_Miss(k, confirmed, phrases.law_missing(req.law, req.source),
                                 ("hjemmel",) if cf.charter.legal_basis else ("navn",)))
    cache[cf.id] = out
    return out


def _findings(cs: CharterSet, kinds: tuple[RequirementKind, ...],
              confirmed: bool = True) -> Iterator[Finding]:
    for cf in _councils(cs):
        for m in _misses(cs, cf):
            if m.kind in kinds and m.confirmed is confirmed:
                yield Finding(m.message, **at(cf, *m.path))


def _unconfirmed(cs: CharterSet) -> Iterator[Finding]:
    for cf in _councils(cs):
        reasons = {r.kind: r.unconfirmed for r in requirements(cs, cf.id) if r.unconfirmed}
        for m in _misses(cs, cf):
            if not m.confirmed:
                yield Finding(phrases.unconfirmed_note(m.message, reasons.get(m.kind, "")),
                              **at(cf, *m.path))


@rule(
    "H001",
    "sundhedsraad.omraade",
    Severity.ERROR,
    "Et sundhedsråds kommissorium har et område, der ikke er et sundhedsråd i registret.",
)
def council_area(cs: CharterSet) -> Iterator[Finding]:
    """
    Fra 1. januar 2027 er landet delt i 17 sundhedsråd (registret, `sundhedsråd`). Et
    kommissorium af typen `sundhedsråd` har et af dem som område, så kommunerne, pladserne og
    regionen kommer fra registret. En region eller en klynge som område er næsten altid en fejl
    (et råd dækker en del af regionen).

    Godt:
        type: sundhedsråd
        område: sundhedsraad-vendsyssel

    Dårligt:
        type: sundhedsråd
        område: region-nordjylland
    """
    for cf in _councils(cs):
        entry = cs.registry.get(cf.charter.area)
        if entry is None or entry.kind == "sundhedsråd":
            continue
        region = cs.registry.region_of(entry.key, cf.charter.effective_date)
        choices = [e.key for e in cs.registry.councils_in(region or entry.key,
                                                          cf.charter.effective_date)]
        yield Finding(phrases.area_not_council(entry.name, choices), **at(cf, "område"))


@rule(
    "H002",
    "sundhedsraad.ramme",
    Severity.ERROR,
    "Et sundhedsråds kommissorium udbygger ikke en ramme med krav til sundhedsråd.",
)
def council_frame(cs: CharterSet) -> Iterator[Finding]:
    """
    Loven og kilderne siger det samme om alle 17 sundhedsråd (medlemmer, flertal, formandskab,
    kommunestyrelseslovens regler). Det står én gang, i den nationale ramme
    `landsdaekkende/sundhedsraad-ramme` med kilder, og hvert råds kommissorium udbygger den,
    så reglerne H003-H008 kan kontrollere rådet mod rammen. `kommissorium new --type
    sundhedsråd` lægger rammen i repositoriet, hvis den mangler.

    Godt:
        type: sundhedsråd
        udbygger: landsdaekkende/sundhedsraad-ramme

    Dårligt:
        type: sundhedsråd
        # udbygger mangler: rammens krav kontrolleres ikke
    """
    for cf in _councils(cs):
        if requirements(cs, cf.id):
            continue
        frames = [f.id for f in cs.valid() if f.charter.frame and f.charter.requirements
                  and f.charter.type is COUNCIL]
        path = ("udbygger",) if cf.charter.extends else ("type",)
        yield Finding(phrases.no_frame(frames), **at(cf, *path))


@rule(
    "H003",
    "sundhedsraad.kun-politikere",
    Severity.ERROR,
    "Et sundhedsråd har medlemmer fra andre parter end rammen tillader (regionale og kommunale politikere).",
)
def council_parties(cs: CharterSet) -> Iterator[Finding]:
    """
    Sundhedsrådenes medlemmer er regionale og kommunale politikere (L 214, aftalen af 15.
    november 2024); almen praksis, patienter og embedsfolk er ikke medlemmer (de kan deltage
    efter behov under `deltagere`). Rammens krav `kun-parter` siger, hvilke parter der er
    tilladt; en pladsgruppe, hvis part ikke kan udledes, er også et fund.

    Godt:
        medlemmer:
          - {gruppe: regionale, antal: 5, rolle: regionsrådsmedlem, part: region}
          - {gruppe: kommunale, rolle: kommunalbestyrelsesmedlem, for-hver: kommune}

    Dårligt:
        medlemmer:
          - {antal: 2, rolle: praktiserende læge, part: almen-praksis}
    """
    yield from _findings(cs, (RequirementKind.PARTIES_ONLY,))


@rule(
    "H004",
    "sundhedsraad.hver-kommune",
    Severity.ERROR,
    "En kommune i sundhedsrådets område har ingen plads i rådet.",
)
def council_every_kommune(cs: CharterSet) -> Iterator[Finding]:
    """
    Hver kommune i rådets område har mindst én plads (en pladsgruppe `for-hver: kommune`, eller
    en plads `fra` kommunen). Kravet står i rammen som ikke bekræftet (set i et offentligt
    datasæt over rådenes medlemmer, ikke i loven); så længe det er markeret sådan, giver en
    manglende kommune kun en information (H008). En ramme, der bekræfter kravet, gør det til
    en fejl.

    Godt:
        område: sundhedsraad-vendsyssel
        medlemmer: [{rolle: kommunalbestyrelsesmedlem, for-hver: kommune}, …]

    Dårligt:
        område: sundhedsraad-vendsyssel
        medlemmer: [{rolle: kommunalbestyrelsesmedlem, fra: hjoerring}, …]  # Læsø mangler
    """
    yield from _findings(cs, (RequirementKind.SEAT_PER_KOMMUNE,))


@rule(
    "H005",
    "sundhedsraad.regionalt-flertal",
    Severity.ERROR,
    "Regionen har ikke flertallet i sundhedsrådet.",
)
def council_majority(cs: CharterSet) -> Iterator[Finding]:
    """
    Regionen har flertallet i sundhedsrådene (aftalen af 15. november 2024; rådene er udvalg
    under regionsrådet). Regionens pladser tælles mod de øvrige parters, med
    registrets udfoldning af `for-hver: kommune`; et antal som "mindst 1" sikrer ikke
    flertallet og er også et fund.

    Godt:
        område: sundhedsraad-vendsyssel   # 4 kommuner
        medlemmer:
          - {antal: 5, rolle: regionsrådsmedlem, part: region}
          - {rolle: kommunalbestyrelsesmedlem, for-hver: kommune}

    Dårligt:
        medlemmer:
          - {antal: 3, rolle: regionsrådsmedlem, part: region}
          - {rolle: kommunalbestyrelsesmedlem, for-hver: kommune}   # 4
    """
    yield from _findings(cs, (RequirementKind.MAJORITY,))


@rule(
    "H006",
    "sundhedsraad.formandskab",
    Severity.ERROR,
    "Sundhedsrådets formand eller næstformand vælges ikke blandt den part, rammen kræver.",
)
def council_chair(cs: CharterSet) -> Iterator[Finding]:
    """
    Regionsloven § 15 nævner sundhedsrådenes formand og næstformand; i rådene fra 2026 er
    begge regionale medlemmer. Rammens krav `formand-fra-part` og `næstformand-fra-part`
    kontrollerer, at posten vælges blandt (`gruppe`) eller er knyttet til (`plads`) en
    pladsgruppe af den part. Kravene står i rammen som ikke bekræftet (ingen primærkilde til,
    at det skal være regionale medlemmer) og giver da kun en information (H008).

    Godt:
        formandskab:
          formand: {gruppe: regionale}
          næstformand: {gruppe: regionale}

    Dårligt:
        formandskab:
          formand: {gruppe: kommunale}
    """
    yield from _findings(cs, (RequirementKind.CHAIR_FROM_PARTY,
                              RequirementKind.VICE_CHAIR_FROM_PARTY))


@rule(
    "H007",
    "sundhedsraad.lov",
    Severity.ERROR,
    "Sundhedsrådets kommissorium (eller dets ramme) nævner ikke den lov, rammen kræver (kommunestyrelsesloven).",
)
def council_law(cs: CharterSet) -> Iterator[Finding]:
    """
    Efter regionsloven § 15 gælder kommunestyrelseslovens regler om udvalg og om inhabilitet
    for sundhedsrådene. Kommissoriet eller rammen, det udbygger, nævner loven under `hjemmel`
    (eller `beslutninger.inhabilitet`), så læseren ved, hvilke regler der gælder for møder,
    beslutninger og inhabilitet.

    Godt:
        hjemmel: [regionsloven § 15, kommunestyrelsesloven]

    Dårligt:
        hjemmel: regionsloven § 15   # og rammen nævner heller ikke kommunestyrelsesloven
    """
    yield from _findings(cs, (RequirementKind.LAW,))


@rule(
    "H008",
    "sundhedsraad.ikke-bekraeftet-krav",
    Severity.INFO,
    "Et sundhedsråd følger ikke et krav, som rammen markerer som ikke bekræftet (kun information).",
)
def council_unconfirmed(cs: CharterSet) -> Iterator[Finding]:
    """
    Nogle af rammens krav bygger på et offentligt datasæt over rådenes medlemmer og ikke på en
    primærkilde: regionen har én plads mere end kommunerne, hver kommune har en plads, formand
    og næstformand er regionale medlemmer. Rammen markerer dem `ikke-bekræftet`, og et råd, der
    ikke følger dem, får kun denne information, aldrig en fejl. Bekræftes et krav, fjernes
    markeringen i rammen, og kravets egen regel (H004-H006) giver fejlen.

    Godt:
        område: sundhedsraad-vendsyssel   # 4 kommuner
        medlemmer:
          - {antal: 5, rolle: regionsrådsmedlem, part: region}
          - {rolle: kommunalbestyrelsesmedlem, for-hver: kommune}

    Dårligt:
        medlemmer:
          - {antal: 7, rolle: regionsrådsmedlem, part: region}
          - {rolle: kommunalbestyrelsesmedlem, for-hver: kommune}   # 4: ikke 4 + 1
    """
    yield from _unconfirmed(cs)
