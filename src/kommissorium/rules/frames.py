"""Frames (F): a charter that extends a frame keeps its seats, tasks and principles and meets at
least as often; it may add, never weaken. Findings name the frame's line."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Iterator

from kommissorium.corpus import CharterFile, CharterSet, ExpandedSeat
from kommissorium.model.charter import Charter, Seat
from kommissorium.model.validate import fold
from kommissorium.problems import Severity
from kommissorium.rules._util import PARTY_DA, describe_frequency, fmt_num, seat_party
from kommissorium.rules.base import Finding, at, related, rule, where


def _frames(cs: CharterSet) -> Iterator[tuple[CharterFile, CharterFile, Charter]]:
    """(derived file, frame file, effective frame) for every charter that extends a frame."""
    for cf in cs.valid():
        frame = cs.frame_of(cf.id)
        if frame is None or frame.id == cf.id:
            continue
        eff = cs.effective(frame.id)
        if eff is not None:
            yield cf, frame, eff


def seat_key(seat: Seat) -> tuple[str, str]:
    if seat.for_each is not None:
        return ("for-hver", seat.for_each.value)
    for label, value in (("udpeget-af", seat.appointed_by), ("medlemmer-af", seat.members_of),
                         ("fra", seat.source)):
        if value:
            return (label, value)
    return ("rolle", fold(seat.role))


def _describe(es: ExpandedSeat) -> str:
    s = es.seat
    n = fmt_num(s.count.low)
    tail = ""
    if s.for_each is not None:
        tail = f" for hver {s.for_each.value}"
    elif s.appointed_by:
        tail = f" udpeget af {s.appointed_by}"
    elif s.members_of:
        tail = f" blandt medlemmerne af {s.members_of}"
    elif s.source:
        tail = f" fra {s.source}"
    return f"{n} {s.role}{tail}"


@rule(
    "F001",
    "ramme.pladser-bevaret",
    Severity.ERROR,
    "Et kommissorium, der udbygger en ramme, har færre af rammens faste pladser.",
)
def frame_seats(cs: CharterSet) -> Iterator[Finding]:
    """
    En ramme (fx det generiske kommissorium for de syddanske sundhedsklynger) fastlægger de
    pladser, som hver klynge mindst skal have; klyngen kan tilføje pladser, ikke fjerne dem.
    Skriver et udbyggende kommissorium sin egen sammensætning, skal hver af rammens faste
    pladser findes igen med mindst samme antal: samme `for-hver`, `udpeget-af`, `medlemmer-af`
    eller `fra`, ellers pladser for samme part (kommunerne, regionen, almen praksis, patienter)
    med mindst lige så mange medlemmer, regnet over kommissoriets eget område.
    Udelader kommissoriet `sammensætning`, arves rammens.

    Godt:
        udbygger: syddanmark/fagligt-strategisk-ramme   # kræver 1 direktør for hver kommune
        sammensætning:
          medlemmer:
            - {rolle: direktør, for-hver: kommune}
            - {rolle: leder af træningsenhed, fra: odense}  # tilføjet

    Dårligt:
        udbygger: syddanmark/fagligt-strategisk-ramme
        sammensætning:
          medlemmer:
            - {rolle: hospitalsdirektør, fra: region-syddanmark, antal: 3}
            # rammens direktør fra hver kommune mangler
    """
    for cf, frame, feff in _frames(cs):
        own = cf.charter.composition
        if own is None or feff.composition is None:
            continue
        derived = cs.effective(cf.id)
        mine = [cs.expand_seat(derived, s, i) for i, s in enumerate(own.members)
                if not (s.on_demand or s.ad_hoc)]
        required = [cs.expand_seat(derived, s, i) for i, s in enumerate(feff.composition.members)
                    if not (s.on_demand or s.ad_hoc)]
        by_key: dict[tuple[str, str], int] = {}
        for es in mine:
            by_key[seat_key(es.seat)] = by_key.get(seat_key(es.seat), 0) + es.low
        need_key: dict[tuple[str, str], list[ExpandedSeat]] = {}
        for es in required:
            need_key.setdefault(seat_key(es.seat), []).append(es)
        # seats of the frame not found by key are compared per party
        party_need: dict[object, list[ExpandedSeat]] = {}
        for key, group in need_key.items():
            need = sum(es.low for es in group)
            if key in by_key:
                if by_key[key] < need:
                    first = group[0]
                    yield _seat_finding(cs, cf, frame, first,
                                        f"rammen kræver {need} pladser ({_describe(first)}); "
                                        f"kommissoriet har {by_key[key]}")
                continue
            for es in group:
                party_need.setdefault(seat_party(cs, es.seat), []).append(es)
        used_keys = set(need_key)
        for party, group in party_need.items():
            need = sum(es.low for es in group)
            if party is None:
                for es in group:
                    yield _seat_finding(cs, cf, frame, es,
                                        f"pladsen '{_describe(es)}' fra rammen findes ikke")
                continue
            have = sum(es.low for es in mine
                       if seat_key(es.seat) not in used_keys and seat_party(cs, es.seat) is party)
            if have < need:
                es = group[0]
                yield _seat_finding(
                    cs, cf, frame, es,
                    f"pladsen '{_describe(es)}' fra rammen findes ikke, og kommissoriet har "
                    f"{have} i stedet for mindst {need} pladser for {PARTY_DA[party]}",
                )


def _seat_finding(cs: CharterSet, cf: CharterFile, frame: CharterFile, es: ExpandedSeat,
                  what: str) -> Finding:
    frame_path = ("sammensætning", "medlemmer", es.index)
    if frame.charter.composition is None:  # the frame inherits it further up
        top = cs.frame_of(frame.id)
        frame = top if top is not None else frame
    return Finding(
        f"Kommissoriet udbygger rammen '{frame.charter.name}', men {what} "
        f"(defineret i {where(frame, *frame_path)}). Et udbyggende kommissorium kan tilføje "
        "pladser, ikke fjerne dem.",
        related=(related(frame, *frame_path, message="rammens plads"),),
        **at(cf, "sammensætning", "medlemmer", key=True),
    )


_PUNCT = re.compile(r"[^\w\s]")


@lru_cache(maxsize=1 << 14)
def _norm(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


def _kept(item: str, items: list[str]) -> bool:
    n = _norm(item)
    normed = [_norm(other) for other in items]
    # exact or contained first: the costly similarity ratio only when no item matches plainly
    if any(n == o or n in o for o in normed):
        return True
    return any(difflib.SequenceMatcher(None, n, o).ratio() >= 0.85 for o in normed)


def _list_rule(cs: CharterSet, attr: str, key: str, what: str) -> Iterator[Finding]:
    for cf, frame, feff in _frames(cs):
        own = getattr(cf.charter, attr)
        need = getattr(feff, attr)
        if own is None or need is None:
            continue
        holder = frame if getattr(frame.charter, attr) is not None else (cs.frame_of(frame.id) or frame)
        for j, item in enumerate(need.items):
            if _kept(item, own.items):
                continue
            shown = item if len(item) <= 70 else item[:67] + "…"
            yield Finding(
                f"Kommissoriet udbygger rammen '{frame.charter.name}', men mangler {what} "
                f"'{shown}' (defineret i {where(holder, key, 'punkter', j)}). Tilføj punktet, "
                f"eller lad '{key}' være ude, så rammens {key} arves.",
                related=(related(holder, key, "punkter", j, message=f"rammens {what}"),),
                **at(cf, key, key=True),
            )


@rule(
    "F002",
    "ramme.opgaver-bevaret",
    Severity.ERROR,
    "Et kommissorium, der udbygger en ramme, mangler en af rammens opgaver.",
)
def frame_tasks(cs: CharterSet) -> Iterator[Finding]:
    """
    Skriver et udbyggende kommissorium sine egne `opgaver`, skal rammens opgaver stå der
    også (ordret eller næsten ordret); klyngen kan tilføje opgaver. Udelades `opgaver`, arves
    rammens.

    Godt:
        udbygger: syddanmark/fagligt-strategisk-ramme
        opgaver:
          - Følge op på fastlagte mål og implementering af … aftalte initiativer  # fra rammen
          - Drive klyngens arbejde med akutområdet                               # tilføjet

    Dårligt:
        udbygger: syddanmark/fagligt-strategisk-ramme
        opgaver:
          - Drive klyngens arbejde med akutområdet    # rammens opgaver mangler
    """
    yield from _list_rule(cs, "tasks", "opgaver", "opgaven")


@rule(
    "F003",
    "ramme.principper-bevaret",
    Severity.ERROR,
    "Et kommissorium, der udbygger en ramme, mangler et af rammens principper.",
)
def frame_principles(cs: CharterSet) -> Iterator[Finding]:
    """
    Som for opgaverne: skriver et udbyggende kommissorium sine egne `principper`, skal
    rammens principper stå der også; udelades `principper`, arves rammens.

    Godt:
        udbygger: nordjylland/fagligt-strategisk-ramme
        principper:
          - Lokalt samarbejde opprioriteres
          - Fælles ledelse

    Dårligt:
        udbygger: nordjylland/fagligt-strategisk-ramme
        principper:
          - Lokalt samarbejde opprioriteres     # 'Fælles ledelse' fra rammen mangler
    """
    yield from _list_rule(cs, "principles", "principper", "princippet")


@rule(
    "F004",
    "ramme.moeder-bevaret",
    Severity.ERROR,
    "Et kommissorium, der udbygger en ramme, mødes sjældnere end rammen kræver.",
)
def frame_meetings(cs: CharterSet) -> Iterator[Finding]:
    """
    Rammen "mødes mindst fire gange årligt" er et minimum for hver klynge: en klynge kan holde
    flere møder, ikke færre. Sammenlignet er de møder, man kan regne med: `mindst`, ellers
    `omkring`; "efter behov" alene lover ingen møder.

    Godt:
        udbygger: syddanmark/fagligt-strategisk-ramme     # mindst 4 gange årligt
        møder: {pr-år: {mindst: 6}}

    Dårligt:
        udbygger: syddanmark/fagligt-strategisk-ramme     # mindst 4 gange årligt
        møder: {pr-år: 3}
    """
    for cf, frame, feff in _frames(cs):
        own = cf.charter.meetings
        if own is None or own.per_year is None or feff.meetings is None:
            continue
        need = feff.meetings.per_year
        if need is None or need.floor is None:
            continue
        have = own.per_year.floor
        if have is not None and have >= need.floor:
            continue
        holder = frame if frame.charter.meetings is not None else (cs.frame_of(frame.id) or frame)
        yield Finding(
            f"Kommissoriet holder {describe_frequency(own.per_year)}, men rammen "
            f"'{frame.charter.name}' kræver {describe_frequency(need)} (defineret i "
            f"{where(holder, 'møder', 'pr-år')}). Et udbyggende kommissorium kan holde flere "
            "møder, ikke færre.",
            related=(related(holder, "møder", "pr-år", message="rammens mødefrekvens"),),
            **at(cf, "møder", "pr-år"),
        )


@rule(
    "F005",
    "ramme.udbygger-ikke-ramme",
    Severity.WARNING,
    "'udbygger' peger på et kommissorium, der ikke er markeret som ramme.",
)
def extends_non_frame(cs: CharterSet) -> Iterator[Finding]:
    """
    `udbygger` arver afsnit fra et andet kommissorium og kræver, at dets pladser, opgaver og
    møder bevares. Det giver kun mening for et kommissorium, der er skrevet som ramme
    (`ramme: true`), så andre kan se, at ændringer i det rammer de udbyggende kommissorier.

    Godt:
        # syddanmark/fagligt-strategisk-ramme.yaml
        ramme: true

    Dårligt:
        # syddanmark/klynge-fyn/politisk.yaml (uden 'ramme: true')
        # og et andet kommissorium skriver  udbygger: syddanmark/klynge-fyn/politisk
    """
    for cf in cs.valid():
        target = cs.frame_of(cf.id)
        if target is None or target.charter.frame or target.id == cf.id:
            continue
        yield Finding(
            f"'{cf.charter.extends}' er ikke markeret som ramme ('ramme: true' mangler i "
            f"{where(target, 'navn', key=True)}). Marker det som ramme, eller fjern 'udbygger'.",
            related=(related(target, "navn", key=True, message="kommissoriet, der udbygges"),),
            **at(cf, "udbygger"),
        )


@rule(
    "F006",
    "ramme.cyklus",
    Severity.ERROR,
    "Kæden af 'udbygger' går i ring.",
)
def frame_cycle(cs: CharterSet) -> Iterator[Finding]:
    """
    En ramme kan selv udbygge en ramme, men kæden skal ende: går den i ring, er det uklart,
    hvilket kommissorium der arver fra hvilket. Kæden skrives som sti.

    Godt:
        # a.yaml: udbygger: x/ramme      x/ramme.yaml: (ingen udbygger)

    Dårligt:
        # a.yaml: udbygger: x/b          x/b.yaml: udbygger: x/a
    """
    for cf in cs.valid():
        chain = [cf.id]
        cur = cf.charter
        while cur is not None and cur.extends and cur.extends in cs.by_id:
            if cur.extends in chain:
                if cur.extends == cf.id and cf.id == min(chain):
                    yield Finding(
                        "Kæden af 'udbygger' går i ring: "
                        f"{' → '.join(chain + [cf.id])}. Fjern 'udbygger' ét sted.",
                        **at(cf, "udbygger"),
                    )
                break
            chain.append(cur.extends)
            cur = cs.charter(cur.extends)


def _within(cs: CharterSet, area: str, frame_area: str) -> bool:
    """Whether ``area`` lies within ``frame_area`` (the same area, a klynge or kommune in the
    frame's region, a kommune in the frame's klynge; a landsdækkende frame holds anything)."""
    reg = cs.registry
    if area == frame_area:
        return True
    outer = reg.get(frame_area)
    if outer is None or outer.kind == "land":
        return True
    if outer.kind == "region":
        return reg.region_of(area) == frame_area
    inner = {k.key for k in reg.kommuner_in(area)}
    return bool(inner) and inner <= {k.key for k in reg.kommuner_in(frame_area)}


@rule(
    "F007",
    "ramme.omraade",
    Severity.ERROR,
    "Et kommissorium udbygger en ramme for et andet område end sit eget.",
)
def frame_area(cs: CharterSet) -> Iterator[Finding]:
    """
    En ramme gælder for sit område: den nordjyske ramme for klyngernes faglige niveau nævner
    PLO-Nordjylland, Region Nordjylland og de nordjyske udvalg. Et organ kan kun udbygge en
    ramme, hvis dets område ligger inden for rammens: samme område, en klynge eller kommune i
    rammens region, eller en kommune i rammens klynge. En landsdækkende ramme passer overalt.

    Godt:
        område: klynge-nordjylland-nord
        udbygger: nordjylland/fagligt-strategisk-ramme     # område: region-nordjylland

    Dårligt:
        område: klynge-midtjylland-aarhus
        udbygger: nordjylland/fagligt-strategisk-ramme     # område: region-nordjylland
    """
    reg = cs.registry
    for cf in cs.valid():
        frame = cs.frame_of(cf.id)
        if frame is None or frame.id == cf.id:
            continue
        area, outer = cf.charter.area, frame.charter.area
        if area not in reg or outer not in reg or _within(cs, area, outer):
            continue  # R001 reports unknown areas
        yield Finding(
            f"Kommissoriet dækker '{cs.name_of(area)}' ({area}), men udbygger rammen "
            f"'{frame.charter.name}', som gælder for '{cs.name_of(outer)}' ({outer}) (defineret "
            f"i {where(frame, 'område')}). Udbyg en ramme for organets eget område, eller ret "
            "'område'.",
            related=(related(frame, "område", message="rammens område"),),
            **at(cf, "udbygger"),
        )
