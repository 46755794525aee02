"""Rosters (L): the people in ``<organ>.medlemmer.yaml`` fit the seats of the charter beside it.

A roster is read on a date: its ``pr``, else today. Only current members count (``fra`` reached,
``til`` not passed); former members (``tidligere``) are kept for the record and not checked
against the seats."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from kommissorium.corpus import CharterSet
from kommissorium.danish import roster as say
from kommissorium.danish.lists import join
from kommissorium.danish.names import proper_name
from kommissorium.problems import Location, Related, Severity
from kommissorium.roster.seats import holdings, place, reference_date, seat_names
from kommissorium.rules.base import Finding, rule

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.roster.files import CompanionFile

_UNIT_NOUN = {"kommune": "kommune", "klynge": "klynge", "region": "region"}


def _at(rf: "CompanionFile", *path: Any, key: bool = False) -> dict[str, Any]:
    line, column = rf.at(*path, key=key)
    return {"file": rf.display, "line": line, "column": column, "charter": rf.charter_id}


def _charter_related(cs: CharterSet, cid: str, *path: Any, message: str = "") -> tuple[Related, ...]:
    cf = cs.get(cid)
    if cf is None:
        return ()
    line, column = cf.at(*path)
    return (Related(Location(cf.display, line, column), message),)


def _rosters(cs: CharterSet) -> Iterator[tuple[str, "CompanionFile"]]:
    for cid, rf in sorted(cs.rosters.items()):
        if cs.charter(cid) is not None:
            yield cid, rf


def _unit_name(cs: CharterSet, key: str) -> str:
    entry = cs.registry.get(key)
    return entry.name if entry is not None else key


def _org_name(cs: CharterSet, key: str) -> str:
    entry = cs.registry.get(key)
    if entry is None:
        return cs.name_of(key)
    return entry.name if entry.kind == "kommune" else proper_name(entry)


def _known(cs: CharterSet, cid: str) -> str:
    return ", ".join(f"'{n}'" for n in seat_names(cs.seats(cid))) or "ingen"


@rule(
    "L001",
    "medlemsliste.ukendt-plads",
    Severity.ERROR,
    "Et medlem sidder på en plads, som kommissoriet ikke har, eller på en plads for hver "
    "kommune uden at sige hvilken.",
)
def unknown_seat(cs: CharterSet) -> Iterator[Finding]:
    """
    Medlemslisten (`<organ>.medlemmer.yaml` ved siden af kommissoriet) siger for hvert medlem,
    hvilken plads det har: `plads` er pladsgruppens `gruppe` (eller `rolle`) i kommissoriets
    `sammensætning`. Findes pladsen ikke, kan listen ikke holdes op mod kommissoriet. En plads
    "for hver kommune" kræver også kommunen: `for: hjoerring` eller medlemmets `organisation`.

    Godt:
        # raad.yaml: medlemmer: [{rolle: byrådsmedlem, for-hver: kommune, gruppe: kommuner}]
        medlemmer:
          - {navn: Anne Madsen, plads: kommuner, for: hjoerring}

    Dårligt:
        medlemmer:
          - {navn: Anne Madsen, plads: kommune}     # gruppen hedder 'kommuner'
          - {navn: Per Holm, plads: kommuner}       # hvilken kommune?
    """
    for cid, rf in _rosters(cs):
        seats = cs.seats(cid)
        for i, m in enumerate(rf.data.members):
            p = place(seats, m.seat, m.unit, m.organisation)
            name = say.person_name(m)
            if p.error == "plads":
                yield Finding(say.unknown_seat(name, m.seat, _known(cs, cid)),
                              **_at(rf, "medlemmer", i, "plads"))
            elif p.error == "mangler-for":
                noun = _UNIT_NOUN[p.seat.seat.for_each.value]
                yield Finding(say.unit_missing(name, p.seat.seat.role, noun),
                              **_at(rf, "medlemmer", i, "plads"))


@rule(
    "L002",
    "medlemsliste.ledig-plads",
    Severity.WARNING,
    "En plads i kommissoriet har ingen (eller for få) medlemmer på medlemslistens dato.",
)
def vacant_seat(cs: CharterSet) -> Iterator[Finding]:
    """
    Når et organ har en medlemsliste, skal hver fast plads i kommissoriet have sit medlem: en
    plads for hver kommune, som ingen har, betyder, at en kommune ikke er repræsenteret
    ("Hjørring har ingen repræsentant i sundhedsrådet"). Listen læses pr. sin dato (`pr`, ellers
    i dag); et medlem tæller fra `fra` til og med `til`. Pladser efter behov tæller ikke.

    Godt:
        # raad.yaml: medlemmer: [{rolle: byrådsmedlem, for-hver: kommune, gruppe: kommuner}]
        medlemmer:   # én for hver af kommunerne i området
          - {navn: Anne Madsen, plads: kommuner, for: hjoerring}
          - …

    Dårligt:
        medlemmer:   # Hjørring mangler
          - {navn: Per Holm, plads: kommuner, for: frederikshavn}
    """
    for cid, rf in _rosters(cs):
        body = cs.name_of(cid)
        found, when = holdings(cs, cid, rf)
        for h in found:
            low, _ = h.wanted
            have = len(h.members)
            if have >= low:
                continue
            related = _charter_related(cs, cid, "sammensætning", "medlemmer", h.seat.index,
                                       message="pladsen i kommissoriet")
            if h.unit is not None:
                msg = say.vacant_unit(proper_name(h.unit), body, when, have, low)
            else:
                msg = say.vacant_group(h.seat.seat.role, body, when, have, low)
            yield Finding(msg, related=related, **_at(rf, "medlemmer", key=True))


@rule(
    "L003",
    "medlemsliste.for-mange",
    Severity.ERROR,
    "Flere personer sidder på en plads (eller en kommunes plads), end kommissoriet giver.",
)
def too_many(cs: CharterSet) -> Iterator[Finding]:
    """
    Kommissoriet siger, hvor mange pladser hver gruppe har ("1 byrådsmedlem fra hver kommune",
    "2 praktiserende læger"). Står flere nuværende medlemmer på samme plads på listens dato, er
    enten listen forkert (en afgået er ikke flyttet til `tidligere`), eller organet har flere
    medlemmer, end kommissoriet tillader.

    Godt:
        # raad.yaml: {rolle: praktiserende læge, antal: 1, gruppe: praksis}
        medlemmer:
          - {navn: Lise Berg, plads: praksis}

    Dårligt:
        medlemmer:
          - {navn: Lise Berg, plads: praksis}
          - {navn: Ole Dam, plads: praksis}
    """
    for cid, rf in _rosters(cs):
        body = cs.name_of(cid)
        found, when = holdings(cs, cid, rf)
        for h in found:
            _, high = h.wanted
            if high is None or len(h.members) <= high:
                continue
            where = proper_name(h.unit) if h.unit is not None else f"Pladsgruppen »{h.seat.seat.role}«"
            extra = h.members[high][0]
            yield Finding(say.too_many(where, body, when, len(h.members), high),
                          **_at(rf, "medlemmer", extra, "navn"))


@rule(
    "L004",
    "medlemsliste.periode-udloebet",
    Severity.WARNING,
    "Et medlem står blandt de nuværende, men perioden ('til') er slut.",
)
def term_ended(cs: CharterSet) -> Iterator[Finding]:
    """
    `medlemmer` er de nuværende medlemmer, `tidligere` dem, der har siddet. Står et medlem
    stadig under `medlemmer`, når `til` er passeret, er listen ikke opdateret: flyt personen
    til `tidligere` (så historikken bevares), eller ret datoen, hvis perioden er forlænget.

    Godt:
        pr: 2027-01-01
        tidligere:
          - {navn: Per Holm, plads: kommuner, for: hjoerring, til: 2026-12-31}

    Dårligt:
        pr: 2027-01-01
        medlemmer:
          - {navn: Per Holm, plads: kommuner, for: hjoerring, til: 2026-12-31}
    """
    for cid, rf in _rosters(cs):
        when = reference_date(cs, rf.data)
        for i, m in enumerate(rf.data.members):
            if m.last is not None and m.last < when:
                yield Finding(say.term_ended(say.person_name(m), m.last, when),
                              **_at(rf, "medlemmer", i, "til"))


@rule(
    "L005",
    "medlemsliste.betingelse",
    Severity.ERROR,
    "Et medlem opfylder ikke pladsens betingelse, fx en kommunes plads besat af en person fra "
    "en anden kommune.",
)
def condition(cs: CharterSet) -> Iterator[Finding]:
    """
    En plads "for hver kommune" besættes af en fra den kommune; en plads `fra:
    region-nordjylland` af en fra regionen. Angiver medlemslisten medlemmets `organisation`,
    skal den passe med pladsen: Hjørrings plads kan ikke besættes af en byrådspolitiker fra
    Frederikshavn, og en `organisation`, der ikke er blandt pladsens kommuner, passer ikke.

    Godt:
        medlemmer:
          - {navn: Anne Madsen, plads: kommuner, for: hjoerring, organisation: hjoerring}

    Dårligt:
        medlemmer:
          - {navn: Anne Madsen, plads: kommuner, for: hjoerring, organisation: frederikshavn}
    """
    for cid, rf in _rosters(cs):
        seats = cs.seats(cid)
        for i, m in enumerate(rf.data.members):
            p = place(seats, m.seat, m.unit, m.organisation)
            if p.seat is None:
                continue
            name = say.person_name(m)
            role = p.seat.seat.role
            if p.error == "organisation" or p.error == "for":
                units = join(u.name for u in p.seat.units) or "ingen"
                unit = m.unit or m.organisation or ""
                key = "for" if m.unit else "organisation"
                yield Finding(say.unit_not_in_seat(name, _unit_name(cs, unit), role, units),
                              **_at(rf, "medlemmer", i, key))
                continue
            if m.organisation is None:
                continue
            if p.seat.expanded and p.unit and m.organisation != p.unit:
                yield Finding(
                    say.comes_from_other(name, _org_name(cs, m.organisation),
                                         _unit_name(cs, p.unit), role),
                    **_at(rf, "medlemmer", i, "organisation"))
                continue
            source = p.seat.seat.source
            if not p.seat.expanded and source and m.organisation != source \
                    and not _within(cs, m.organisation, source):
                yield Finding(
                    say.comes_from_outside(name, _org_name(cs, m.organisation), role,
                                           _org_name(cs, source)),
                    **_at(rf, "medlemmer", i, "organisation"))


def _within(cs: CharterSet, org: str, source: str) -> bool:
    """Whether a kommune (or klynge) lies in the region or area ``source``; unknown keys are
    given the benefit of the doubt (only registry facts are enforced)."""
    a, b = cs.registry.get(org), cs.registry.get(source)
    if a is None or b is None:
        return True
    if a.kind == "kommune" and b.kind in ("region", "klynge", "sundhedsråd", "land"):
        return any(k.key == org for k in cs.registry.kommuner_in(source))
    if b.kind == "land":
        return True
    return a.kind not in ("kommune", "region") or b.kind not in ("kommune", "region")


_OFFICES = {"formand": "chair", "næstformand": "vice_chair", "medformand": "co_chairs"}


@rule(
    "L006",
    "medlemsliste.formandskab",
    Severity.ERROR,
    "Formand, næstformand eller medformand på medlemslisten passer ikke med kommissoriets "
    "formandskab.",
)
def officers(cs: CharterSet) -> Iterator[Finding]:
    """
    Kommissoriets `formandskab` siger, hvem der kan være formand og næstformand: "formanden
    vælges blandt de regionale medlemmer" (`formand: {gruppe: region}`), eller posten følger en
    plads (`plads`). Medlemslisten siger, hvem der er det (`post: formand`). Sidder formanden i
    en anden pladsgruppe, er der to formænd, eller har organet ingen formand ifølge
    kommissoriet, passer listen og kommissoriet ikke sammen.

    Godt:
        # raad.yaml: formandskab: {formand: {gruppe: region}}
        medlemmer:
          - {navn: Bo Lund, plads: region, post: formand}

    Dårligt:
        medlemmer:
          - {navn: Anne Madsen, plads: kommuner, for: hjoerring, post: formand}
    """
    for cid, rf in _rosters(cs):
        c = cs.effective(cid)
        chair = c.chair if c is not None else None
        if chair is None:
            continue
        seats = cs.seats(cid)
        when = reference_date(cs, rf.data)
        holders: dict[str, list[tuple[int, Any, Any]]] = {}
        for i, m in enumerate(rf.data.members):
            if m.office not in _OFFICES or not m.serves_on(when):
                continue
            p = place(seats, m.seat, m.unit, m.organisation)
            office = "medformand" if m.office == "formand" and chair.co_chairs else m.office
            holders.setdefault(office, []).append((i, m, p.seat))
            name = say.person_name(m)
            if chair.none:
                yield Finding(say.officer_none(name, m.office), **_at(rf, "medlemmer", i, "post"))
                continue
            rules = (chair.co_chairs if office == "medformand"
                     else [getattr(chair, _OFFICES[office])])
            rules = [r for r in rules if r is not None]
            if not rules:
                if office != "medformand" or not chair.shared_between:
                    yield Finding(say.officer_not_in_charter(name, m.office),
                                  **_at(rf, "medlemmer", i, "post"))
                continue
            wanted = [r.group or r.seat for r in rules]
            if p.seat is None or any(w is None for w in wanted):
                continue
            if (p.seat.seat.group or "") not in wanted:
                yield Finding(
                    say.officer_wrong_group(name, m.office, p.seat.seat.group or p.seat.seat.role,
                                            " eller ".join(f"{w}" for w in wanted)),
                    related=_charter_related(cs, cid, "formandskab", message="formandskabet"),
                    **_at(rf, "medlemmer", i, "post"))
        for office in ("formand", "næstformand"):
            found = holders.get(office, [])
            if len(found) > 1:
                names = join(say.person_name(m) for _, m, _ in found)
                yield Finding(say.officer_twice(office, names, when),
                              **_at(rf, "medlemmer", found[1][0], "post"))
        if chair.different_groups and holders.get("formand") and holders.get("næstformand"):
            a = holders["formand"][0][2]
            b = holders["næstformand"][0][2]
            if a is not None and b is not None and a.index == b.index:
                yield Finding(say.officers_same_group(a.seat.group or a.seat.role),
                              **_at(rf, "medlemmer", holders["næstformand"][0][0], "post"))


@rule(
    "L007",
    "medlemsliste.suppleant-uden-plads",
    Severity.ERROR,
    "En suppleant står for en plads, som kommissoriet ikke har, eller kommissoriet giver ingen "
    "(personlige) suppleanter.",
)
def alternate_seat(cs: CharterSet) -> Iterator[Finding]:
    """
    Suppleanter står enten under et medlem (personlige suppleanter) eller under `suppleanter`
    med den plads, de er suppleant for. Pladsen skal findes i kommissoriet (og ved en plads for
    hver kommune: kommunen), og kommissoriet skal give suppleanter: `suppleanter: false` betyder,
    at der ingen er, og personlige suppleanter kræver `suppleanter: {personlige: true}`.

    Godt:
        # raad.yaml: sammensætning: {suppleanter: {personlige: true}, medlemmer: […]}
        medlemmer:
          - {navn: Anne Madsen, plads: kommuner, for: hjoerring,
             suppleanter: [{navn: Jens Kjær}]}

    Dårligt:
        suppleanter:
          - {navn: Jens Kjær, plads: borgerrepræsentant}   # ingen sådan plads
    """
    for cid, rf in _rosters(cs):
        c = cs.effective(cid)
        comp = c.composition if c is not None else None
        alts = comp.alternates if comp is not None else None
        seats = cs.seats(cid)
        for i, a in enumerate(rf.data.alternates):
            name = say.person_name(a)
            p = place(seats, a.seat, a.unit, a.organisation)
            if p.error == "plads":
                yield Finding(say.alternate_unknown_seat(name, a.seat, _known(cs, cid)),
                              **_at(rf, "suppleanter", i, "plads"))
            elif p.error in ("for", "organisation"):
                units = join(u.name for u in p.seat.units) or "ingen"
                unit = a.unit or a.organisation or ""
                yield Finding(say.unit_not_in_seat(name, _unit_name(cs, unit), p.seat.seat.role,
                                                   units),
                              **_at(rf, "suppleanter", i, "for" if a.unit else "organisation"))
            elif alts is not None and not alts.allowed:
                yield Finding(say.alternate_not_allowed(name), **_at(rf, "suppleanter", i, "navn"))
        for i, m in enumerate(rf.data.members):
            for j, a in enumerate(m.alternates):
                name = say.person_name(a)
                if alts is not None and not alts.allowed:
                    yield Finding(say.alternate_not_allowed(name),
                                  **_at(rf, "medlemmer", i, "suppleanter", j, "navn"))
                elif alts is not None and alts.allowed and _not_personal(alts):
                    yield Finding(say.alternate_not_personal(name),
                                  **_at(rf, "medlemmer", i, "suppleanter", j, "navn"))


def _not_personal(alts: Any) -> bool:
    """Whether the charter says its alternates are NOT personal (shared, 'fælles')."""
    return bool(getattr(alts, "shared", False))


@rule(
    "L008",
    "medlemsliste.uden-kommissorium",
    Severity.ERROR,
    "En medlemsliste eller mødeplan står uden et kommissorium ved siden af.",
)
def orphan(cs: CharterSet) -> Iterator[Finding]:
    """
    `raad.medlemmer.yaml` og `raad.moeder.yaml` hører til kommissoriet `raad.yaml` i samme
    mappe. Findes det ikke (en stavefejl i filnavnet, eller kommissoriet er flyttet), kan
    listen ikke kontrolleres, og den kommer ikke med på webstedet eller i kalenderen.

    Godt:
        raad.yaml
        raad.medlemmer.yaml

    Dårligt:
        raad.yaml
        rad.medlemmer.yaml
    """
    from kommissorium.roster.files import companion_of

    for rf in cs.companions:
        if rf.data is None or cs.charter(rf.charter_id) is not None:
            continue
        if cs.get(rf.charter_id) is not None:
            continue  # the charter is there but has errors of its own; they are reported
        yield Finding(say.orphan_file(rf.kind, companion_of(rf.path).name),
                      file=rf.display, line=1, column=1, charter=rf.charter_id)
