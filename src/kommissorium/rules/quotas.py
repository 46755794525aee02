"""Composition as written (C006–C008): quotas between seat groups can be met, a stated total
agrees with the seats, and every seat group named in the composition exists."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Iterator

from kommissorium.corpus import CharterSet
from kommissorium.problems import Severity
from kommissorium.rules.base import Finding, at, rule


def _group_counts(cs: CharterSet, cid: str) -> tuple[dict[str, tuple[int, int | None]], bool]:
    """Seat group → (least, most) seats; and whether any permanent seat's count is open."""
    out: dict[str, tuple[int, int | None]] = {}
    open_ = False
    for es in cs.seats(cid):
        if es.seat.on_demand or es.seat.ad_hoc:
            continue
        open_ = open_ or es.open
        key = es.seat.group or f"#{es.index}"
        low, high = out.get(key, (0, 0))
        out[key] = (low + es.low, None if high is None or es.high is None else high + es.high)
    return out, open_


def _others_low(groups: dict[str, tuple[int, int | None]], group: str) -> int:
    return sum(lo for g, (lo, _) in groups.items() if g != group)


@rule(
    "C006",
    "sammensaetning.kvote-umulig",
    Severity.ERROR,
    "En paritet, et flertal eller en andel mellem pladsgrupper kan ikke opfyldes med pladsernes antal.",
)
def impossible_quota(cs: CharterSet) -> Iterator[Finding]:
    """
    `ligelig`, `flertal` og `andele` under `sammensætning` siger noget om forholdet mellem
    pladsgrupper ("lige mange fra region og kommuner", "brugerne har flertallet", "over en
    tredjedel er brugerrepræsentanter"). Regnet med pladsernes antal (udfoldet over registret,
    det bedst mulige udfald af intervaller og "op til") skal det kunne lade sig gøre. Har en
    plads et uangivet antal, kan intet afgøres, og reglen tier.

    Godt:
        medlemmer:
          - {rolle: regionsrådsmedlem, antal: 5, gruppe: region}
          - {rolle: byrådsmedlem, antal: 4, gruppe: kommuner}
        flertal: region

    Dårligt:
        medlemmer:
          - {rolle: regionsrådsmedlem, antal: 4, gruppe: region}
          - {rolle: byrådsmedlem, antal: 4, gruppe: kommuner}
        flertal: region
    """
    for cf in cs.valid():
        comp = cf.charter.composition
        if comp is None or not (comp.parity or comp.majority or comp.shares):
            continue
        groups, open_ = _group_counts(cs, cf.id)
        if open_:
            continue
        if comp.parity and all(g in groups for g in comp.parity):
            lows = [groups[g][0] for g in comp.parity]
            highs = [groups[g][1] for g in comp.parity if groups[g][1] is not None]
            if highs and max(lows) > min(highs):
                shown = ", ".join(f"'{g}' {_span(groups[g])}" for g in comp.parity)
                yield Finding(
                    f"Pladsgrupperne skal have lige mange pladser, men det kan de ikke ({shown}).",
                    **at(cf, "sammensætning", "ligelig"),
                )
        if comp.majority and comp.majority in groups:
            g = comp.majority
            high, others = groups[g][1], _others_low(groups, g)
            if high is not None and high <= others:
                yield Finding(
                    f"Pladsgruppen '{g}' skal have flertallet, men har højst {high} pladser mod "
                    f"mindst {others} til de øvrige.",
                    **at(cf, "sammensætning", "flertal"),
                )
        for i, sh in enumerate(comp.shares):
            if sh.group not in groups:
                continue
            high, others = groups[sh.group][1], _others_low(groups, sh.group)
            if high is None:
                continue
            total = high + others
            f = sh.share.fraction
            need = Fraction(sh.share.count or 0, 1) if f is None else f * total
            ok = (high > need) if (f is not None and sh.share.above) else (high >= need)
            if not ok:
                yield Finding(
                    f"Pladsgruppen '{sh.group}' skal have {_share(sh.share)} af medlemmerne, men "
                    f"har højst {high} af {total} pladser.",
                    **at(cf, "sammensætning", "andele", i, "andel"),
                )


def _span(c: tuple[int, int | None]) -> str:
    low, high = c
    if high == low:
        return str(low)
    return f"{low}-{high}" if high is not None else f"mindst {low}"


def _share(t) -> str:
    from kommissorium.danish.procedure import share_text

    f = t.fraction
    if f is None:
        return f"mindst {t.count}"
    return share_text(f.numerator, f.denominator, t.above)


@rule(
    "C007",
    "sammensaetning.i-alt-modsiger-pladser",
    Severity.ERROR,
    "Det angivne samlede antal medlemmer ('i-alt') kan ikke nås med pladsernes antal.",
)
def stated_total(cs: CharterSet) -> Iterator[Finding]:
    """
    Mange kommissorier siger både "op til 18 medlemmer" og hvor mange af hver slags. Med
    `i-alt` holdes det samlede tal som data, og pladserne skal kunne give det: kræver
    pladserne mindst flere, end `i-alt` tillader, eller kan de højst give færre, end `i-alt`
    kræver, modsiger de hinanden. Pladser med uangivet antal kan give flere, men ikke færre.

    Godt:
        medlemmer:
          - {rolle: brugerrepræsentant, antal: op til 8}
          - {rolle: repræsentant for frivillige, antal: op til 6}
        i-alt: op til 18

    Dårligt:
        medlemmer:
          - {rolle: brugerrepræsentant, antal: 10}
          - {rolle: repræsentant for frivillige, antal: 9}
        i-alt: op til 18
    """
    for cf in cs.valid():
        comp = cf.charter.composition
        if comp is None or comp.total is None or comp.total.unspecified:
            continue
        count = cs.member_count(cf.id)
        if count is None:
            continue
        t = comp.total
        if t.maximum is not None and count.low > t.maximum:
            yield Finding(
                f"'i-alt' tillader højst {t.maximum} medlemmer, men pladserne giver mindst "
                f"{count.low}.",
                **at(cf, "sammensætning", "i-alt"),
            )
        elif not count.open and count.high is not None and count.high < t.low:
            yield Finding(
                f"'i-alt' kræver mindst {t.low} medlemmer, men pladserne giver højst "
                f"{count.high}.",
                **at(cf, "sammensætning", "i-alt"),
            )


@rule(
    "C008",
    "sammensaetning.ukendt-gruppe",
    Severity.ERROR,
    "Sammensætningen nævner en pladsgruppe (paritet, flertal, andel, suppleantregel), som ikke findes.",
)
def unknown_group(cs: CharterSet) -> Iterator[Finding]:
    """
    `ligelig`, `flertal`, `andele` og `suppleanter.gruppe` henviser til pladsgrupper med
    `gruppe:` under `medlemmer`. En regel for en pladsgruppe, der ikke findes (fx en
    suppleantregel for en plads, der er slettet), gælder for ingen.

    Godt:
        medlemmer: [{rolle: repræsentant for frivillige, antal: 6, gruppe: frivillige}]
        suppleanter: {personlige: true, gruppe: frivillige}

    Dårligt:
        medlemmer: [{rolle: repræsentant for frivillige, antal: 6, gruppe: frivillige}]
        suppleanter: {personlige: true, gruppe: brugere}
    """
    for cf in cs.valid():
        comp = cf.charter.composition
        if comp is None:
            continue
        eff = cs.effective(cf.id) or cf.charter
        known = {s.group for s in (eff.composition.members if eff.composition else []) if s.group}
        refs: list[tuple[tuple[Any, ...], str]] = []
        refs += [(("ligelig", i), g) for i, g in enumerate(comp.parity)]
        if comp.majority:
            refs.append((("flertal",), comp.majority))
        refs += [(("andele", i, "gruppe"), sh.group) for i, sh in enumerate(comp.shares)]
        if comp.alternates is not None:
            refs += [(("suppleanter", "gruppe", i), g) for i, g in enumerate(comp.alternates.groups)]
        for path, g in refs:
            if g not in known:
                shown = ", ".join(f"'{k}'" for k in sorted(known)) or "ingen"
                yield Finding(
                    f"Pladsgruppen '{g}' findes ikke i sammensætningen (pladsgrupper: {shown}).",
                    **at(cf, "sammensætning", *path),
                )
