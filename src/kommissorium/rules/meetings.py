"""Meetings (M): frequencies that agree with themselves, physical meetings within the total,
preparing bodies that meet often enough, reports to bodies that meet, sane durations.

``mindst ≤ højst`` for a frequency is checked when the file is loaded (schema error S004), so a
reversed range is reported once, there; the rules here take well-formed ranges for granted."""

from __future__ import annotations

from typing import Iterator

from kommissorium.corpus import CharterSet
from kommissorium.model.types import Frequency
from kommissorium.problems import Severity
from kommissorium.rules._util import describe_frequency, fmt_num
from kommissorium.rules.base import Finding, at, related, rule, where

_FIELDS = (("pr-år", "per_year", "gange årligt"), ("fysiske-pr-år", "physical_per_year", "gange årligt"),
           ("varighed-timer", "duration_hours", "timer"))


@rule(
    "M001",
    "moeder.omkring-i-interval",
    Severity.ERROR,
    "'omkring' ligger uden for det interval, 'mindst' og 'højst' angiver.",
)
def approx_in_range(cs: CharterSet) -> Iterator[Finding]:
    """
    En mødefrekvens kan skrives som et tal (4), et interval ("3-4"), et minimum ("mindst 4"),
    et omtrentligt tal ("ca. 10") og/eller "efter behov". Står både `omkring` og `mindst`/`højst`,
    skal det omtrentlige tal ligge i intervallet. At `mindst` ikke er større end `højst`,
    kontrolleres allerede, når filen indlæses (S004); denne regel gentager det ikke.
    Gælder `pr-år`, `fysiske-pr-år` og `varighed-timer`.

    Godt:
        møder: {pr-år: {mindst: 8, omkring: 10, højst: 12}}

    Dårligt:
        møder: {pr-år: {mindst: 4, omkring: 10, højst: 6}}
    """
    for cf in cs.valid():
        m = cf.charter.meetings
        if m is None:
            continue
        for key, attr, unit in _FIELDS:
            f: Frequency | None = getattr(m, attr)
            if f is None or f.approximately is None:
                continue
            a = f.approximately
            if (f.minimum is not None and a < f.minimum) or (f.maximum is not None and a > f.maximum):
                lo = fmt_num(f.minimum) if f.minimum is not None else "…"
                hi = fmt_num(f.maximum) if f.maximum is not None else "…"
                yield Finding(
                    f"'omkring: {fmt_num(a)}' ligger uden for intervallet {lo}-{hi} {unit} i "
                    f"'{key}'. Ret tallet eller intervallet.",
                    **at(cf, "møder", key, "omkring"),
                )


@rule(
    "M002",
    "moeder.fysiske-inden-for-samlet",
    Severity.ERROR,
    "Der kræves flere fysiske møder om året, end der i alt holdes møder.",
)
def physical_within_total(cs: CharterSet) -> Iterator[Finding]:
    """
    De fysiske møder er en del af årets møder: "mindst 1 fysisk møde om året" passer med 4 møder,
    "mindst 6 fysiske møder" gør ikke.

    Godt:
        møder: {pr-år: {mindst: 4}, fysiske-pr-år: {mindst: 1}}

    Dårligt:
        møder: {pr-år: 4, fysiske-pr-år: {mindst: 6}}
    """
    for cf in cs.valid():
        eff = cs.effective(cf.id)
        m = cf.charter.meetings
        if m is None or m.physical_per_year is None or eff is None or eff.meetings is None:
            continue
        total = eff.meetings.per_year
        if total is None or total.on_demand:
            continue
        phys = m.physical_per_year.floor
        top = total.ceiling
        if phys is None or top is None or phys <= top:
            continue
        yield Finding(
            f"Kommissoriet kræver fysisk fremmøde ved {describe_frequency(m.physical_per_year)}, "
            f"men der holdes i alt {describe_frequency(total)}.",
            **at(cf, "møder", "fysiske-pr-år"),
        )


@rule(
    "M003",
    "moeder.forbereder-sjaeldnere",
    Severity.ERROR,
    "Et organ, der forbereder sager for et andet, mødes sjældnere end det organ.",
)
def prepares_often_enough(cs: CharterSet) -> Iterator[Finding]:
    """
    Det faglige/strategiske niveau "forbereder og kvalificerer dagsordenen til det politiske
    niveau": skal hvert møde i det politiske niveau forberedes, må det forberedende organ ikke
    mødes sjældnere. Sammenlignet er de møder, man kan regne med (`mindst`, ellers `omkring`);
    "efter behov" alene lover ingen. Mødes organet efter aftale med det andet, kan reglen
    undertrykkes med en begrundelse.

    Godt:
        # klynge-nord/fagligt-strategisk: møder: {pr-år: {mindst: 4}}
        relationer: {forbereder-for: nordjylland/klynge-nord/politisk}   # mødes 2 gange årligt

    Dårligt:
        # klynge-nord/fagligt-strategisk: møder: {pr-år: 2}
        relationer: {forbereder-for: nordjylland/klynge-nord/politisk}   # mødes 4 gange årligt
    """
    for cf in cs.valid():
        eff = cs.effective(cf.id)
        if eff is None or eff.meetings is None or eff.meetings.per_year is None:
            continue
        mine = eff.meetings.per_year
        for i, target_id in enumerate(cf.charter.relations.prepares_for):
            target = cs.get(target_id)
            teff = cs.effective(target_id)
            if target is None or teff is None or teff.meetings is None or target_id == cf.id:
                continue
            theirs = teff.meetings.per_year
            if theirs is None or theirs.floor is None or theirs.floor == 0:
                continue
            if mine.floor is not None and mine.floor >= theirs.floor:
                continue
            yield Finding(
                f"'{cf.charter.name}' forbereder sager for '{teff.name}', som holder "
                f"{describe_frequency(theirs)} (defineret i {where(target, 'møder', 'pr-år')}), "
                f"men '{cf.charter.name}' holder kun {describe_frequency(mine)}.",
                related=(related(target, "møder", "pr-år", message="det andet organs møder"),),
                **at(cf, "relationer", "forbereder-for", i),
            )


@rule(
    "M004",
    "moeder.status-til-organ-uden-moeder",
    Severity.ERROR,
    "Organet skal give årlig status til et organ, der aldrig mødes.",
)
def status_to_meeting_body(cs: CharterSet) -> Iterator[Finding]:
    """
    En årlig status afleveres til et organ, der behandler den på et møde. Står der i modtagerens
    kommissorium, at det højst mødes 0 gange om året (og ikke efter behov), kan status ikke
    gives.

    Godt:
        relationer: {årlig-status-til: nordjylland/strategisk-sundhedsforum}   # 4 møder årligt

    Dårligt:
        relationer: {årlig-status-til: nordjylland/hvilende-udvalg}   # møder: {pr-år: 0}
    """
    for cf in cs.valid():
        for i, target_id in enumerate(cf.charter.relations.annual_status_to):
            target = cs.get(target_id)
            teff = cs.effective(target_id)
            if target is None or teff is None or teff.meetings is None:
                continue
            f = teff.meetings.per_year
            if f is None or f.on_demand or f.ceiling is None or f.ceiling > 0:
                continue
            yield Finding(
                f"'{cf.charter.name}' skal give årlig status til '{teff.name}', men det organ "
                f"mødes aldrig ({describe_frequency(f)}, defineret i "
                f"{where(target, 'møder', 'pr-år')}).",
                related=(related(target, "møder", "pr-år", message="modtagerens møder"),),
                **at(cf, "relationer", "årlig-status-til", i),
            )


@rule(
    "M005",
    "moeder.varighed-rimelig",
    Severity.ERROR,
    "Et mødes varighed er 0 timer eller længere end en arbejdsdag (12 timer).",
)
def sane_duration(cs: CharterSet) -> Iterator[Finding]:
    """
    `varighed-timer` er i timer: "2-3" timer. Et møde på 0 timer eller over 12 timer er næsten
    altid minutter skrevet som timer ("90") eller en tastefejl.

    Godt:
        møder: {varighed-timer: {mindst: 2, højst: 3}}

    Dårligt:
        møder: {varighed-timer: 90}      # minutter? skriv 1,5
    """
    for cf in cs.valid():
        m = cf.charter.meetings
        if m is None or m.duration_hours is None:
            continue
        d = m.duration_hours
        values = [v for v in (d.minimum, d.maximum, d.approximately) if v is not None]
        bad = [v for v in values if v <= 0 or v > 12]
        if not bad:
            continue
        v = bad[0]
        hint = f" Mente du {fmt_num(v / 60)} timer ({fmt_num(v)} minutter)?" if v >= 30 else ""
        yield Finding(
            f"Et møde på {fmt_num(v)} timer er ikke rimeligt; varigheden skal være over 0 og "
            f"højst 12 timer.{hint}",
            **at(cf, "møder", "varighed-timer"),
        )


@rule(
    "M006",
    "moeder.frekvens-rimelig",
    Severity.WARNING,
    "Mødefrekvensen betyder mere end ét møde om ugen.",
)
def sane_frequency(cs: CharterSet) -> Iterator[Finding]:
    """
    `pr-år` tæller møder om året. Mere end 53 om året (oftere end ugentligt) er usandsynligt for
    et samarbejdsorgan og er oftest møder pr. måned eller et forkert tal.

    Godt:
        møder: {pr-år: 12, tidspunkt: normalt en gang om måneden, juli friholdt}

    Dårligt:
        møder: {pr-år: 120}
    """
    for cf in cs.valid():
        m = cf.charter.meetings
        if m is None:
            continue
        for key, attr, _ in _FIELDS[:2]:
            f = getattr(m, attr)
            if f is None:
                continue
            top = max((v for v in (f.minimum, f.maximum, f.approximately) if v is not None),
                      default=None)
            if top is None or top <= 53:
                continue
            yield Finding(
                f"'{key}: {fmt_num(top)}' betyder mere end ét møde om ugen. Er tallet pr. måned "
                "eller en tastefejl?",
                **at(cf, "møder", key),
            )
