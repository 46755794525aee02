"""Prose against data (P): numbers in the author's text that contradict the structured data or
the registry ("de 11 kommuner", "fire møder årligt"), in digits and in Danish number words."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from kommissorium.corpus import CharterSet
from kommissorium.danish import join
from kommissorium.danish.quantities import RATE_WORDS, per_year
from kommissorium.problems import Severity
from kommissorium.rules._util import NUM, describe_frequency, locate, prose, to_number
from kommissorium.rules.base import Finding, rule

_ADJ = r"(?:(?!(?:disse|samme|andre|de|alle|hele|store|flere)\s)[a-zæøå-]{2,}e\s+){0,2}"
_UNITS = re.compile(
    r"(?<![-–])(?<![-–]\s)" + NUM + r"\s+" + _ADJ
    + r"((?:sundheds)?klynger(?:ne)?s?|kommuner(?:ne)?s?|regioner(?:ne)?s?)\b",
    re.IGNORECASE,
)
#: "… de 4 kommuner i Sundhedsklynge Horsens": the count is of the named area.
_IN = re.compile(r"\s+i\s+", re.IGNORECASE)

_UNIT_WORD = re.compile(r"kommuner|klynger|regioner", re.IGNORECASE)


def _count(cs: CharterSet, kind: str, area: str, when) -> int:
    reg = cs.registry
    if kind == "kommune":
        return len(reg.kommuner_in(area, when))
    if kind == "klynge":
        return len(reg.klynger_in(area, when))
    if kind == "sundhedsråd":
        return len(reg.councils_in(area, when))
    return len(reg.regions_in(area, when))


def _accepted(cs: CharterSet, cf, kind: str) -> dict[int, str]:
    """Accepted counts, each with where it comes from ('i Region Nordjylland', 'i hele landet')."""
    reg = cs.registry
    c = cf.charter
    when = c.effective_date
    region = reg.region_of(c.area)
    out: dict[int, str] = {}
    areas = [c.area, region, "landsdaekkende"] if kind != "region" else ["landsdaekkende"]
    for a in areas:
        if a and a in reg:
            n = _count(cs, kind, a, when)
            where_ = "i hele landet" if reg.get(a).kind == "land" else f"i {cs.name_of(a)}"
            out.setdefault(n, where_)
    if kind == "kommune":
        for es in cs.seats(cf.id):
            if es.seat.for_each is not None and es.seat.for_each.value == "kommune":
                out.setdefault(len(es.units), f"for pladsen '{es.seat.role}'")
    out.pop(0, None)
    return out


@lru_cache(maxsize=8)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(n) for n in alts) + r")(?![\wæøå])", re.IGNORECASE)


def _named_area(cs: CharterSet, text: str, pos: int) -> tuple[str, str] | None:
    """(key, name as written) when ``text[pos:]`` reads ' i <name of a registry area>'."""
    m = _IN.match(text, pos)
    if m is None:
        return None
    names = cs.registry.names()
    areas = {n: k for n, k in names.items()
             if cs.registry.get(k).kind in ("land", "region", "klynge", "kommune")}
    hit = _name_pattern(tuple(sorted(areas))).match(text, m.end())
    if hit is None:
        return None
    lower = {n.lower(): k for n, k in areas.items()}
    return lower[hit[0].lower()], hit[0]


@rule(
    "P001",
    "prosa.antal-i-registret",
    Severity.ERROR,
    "Teksten nævner et antal kommuner, klynger eller regioner, som registret ikke giver.",
)
def registry_counts(cs: CharterSet) -> Iterator[Finding]:
    """
    "1 direktør fra hver af de 11 kommuner" er rigtigt for Region Nordjylland, så længe
    registret har 11 nordjyske kommuner. Står der et andet antal (med tal eller ord: "de ti
    kommuner", også i ejefald: "de 4 sundhedsklyngers arbejde"), er teksten forkert eller
    forældet. Antallet sammenlignes med registrets kommuner, klynger eller regioner i
    kommissoriets område, dets region eller hele landet på kommissoriets dato, og med de
    pladser, der udfoldes `for-hver: kommune`. Følger der "i" og navnet på et område i
    registret ("de 4 kommuner i Sundhedsklynge Horsens"), sammenlignes med det område.

    Godt:
        område: region-nordjylland
        sammensætning:
          medlemmer:
            - {rolle: direktør, for-hver: kommune, tekst: 1 direktør fra hver af de 11 kommuner}

    Dårligt:
        område: region-nordjylland
        sammensætning:
          medlemmer:
            - {rolle: direktør, for-hver: kommune, tekst: 1 direktør fra hver af de 12 kommuner}
    """
    for cf in cs.valid():
        cache: dict[str, dict[int, str]] = {}
        when = cf.charter.effective_date
        for path, text in prose(cf):
            if not _UNIT_WORD.search(text):  # cheap pre-filter; most prose names no unit
                continue
            for m in _UNITS.finditer(text):
                n = to_number(m[1])
                if n is None:
                    continue
                noun = m[2].lower()
                kind = "kommune" if noun.startswith("kommune") else (
                    "klynge" if "klynge" in noun else "region")
                named = _named_area(cs, text, m.end())
                if named is not None:
                    key, _ = named
                    have = _count(cs, kind, key, when)
                    if have == 0 or have == n:
                        continue
                    want = f"{have} i {cs.name_of(key)}"
                else:
                    if kind not in cache:
                        cache[kind] = _accepted(cs, cf, kind)
                    ok = cache[kind]
                    if not ok or n in ok:
                        continue
                    (first, where_), *rest = ok.items()
                    want = f"{first} {where_}"
                    if rest:
                        want += " (" + join([f"{k} {w}" for k, w in rest]) + ")"
                yield Finding(
                    f"Teksten siger '{m[0]}', men registret giver {want} pr. kommissoriets "
                    "dato. Ret tallet, eller ret registret.",
                    **locate(cf, path, text, m.start(), m.end()),
                )


_QUAL = r"(?:(mindst|minimum|min\.|ca\.|cirka|omkring|højst|maks\.?|op til)\s+)?"
_MEET = re.compile(
    _QUAL + NUM + r"(?:\s*[-–]\s*" + NUM + r")?\s+"
    r"(?:(fysiske)\s+)?(?:årlige\s+(?:fysiske\s+)?møder|(?:møder|gange|møde)\s+(?:(?:om|i|pr\.?|per)\s+)?(?:året|årligt|år))\b",
    re.IGNORECASE,
)


@rule(
    "P002",
    "prosa.antal-moeder",
    Severity.ERROR,
    "Teksten om møder nævner et antal møder om året, som mødedata ikke angiver.",
)
def meeting_counts(cs: CharterSet) -> Iterator[Finding]:
    """
    Mødeafsnittets tekst ("Som udgangspunkt afholdes 4 møder årligt", "mindst fire gange
    årligt", "3-4 gange om året", "1 fysisk møde årligt") skal sige det samme som `møder.pr-år`
    (og `fysiske-pr-år`). Hvert tal i teksten skal være et af de tal, data angiver (`mindst`,
    `højst` eller `omkring`); ordet "mindst" i teksten kræves ikke. Ord for en takt læses også
    ("en gang om måneden" = 12, "hvert kvartal" = 4); står der "normalt", "typisk" eller en
    undtagelse ("juli friholdt"), må takten afvige fra data med højst to møder om året.

    Godt:
        møder:
          pr-år: {mindst: 4, efter-behov: true}
          tekst: Det fagligt strategiske niveau mødes mindst fire gange årligt og efter behov.

    Dårligt:
        møder:
          pr-år: 6
          tekst: Forummet holder fire møder årligt.
    """
    for cf in cs.valid():
        eff = cs.effective(cf.id)
        if eff is None or eff.meetings is None:
            continue
        for path, text in prose(cf, ("møder",)):
            for start, end, message in frequency_mismatches(eff.meetings, text):
                yield Finding(message, **locate(cf, path, text, start, end))


#: A rate in words ("en gang om måneden", "mindst kvartalsvis", "hvert kvartal").
_RATE = re.compile(
    r"(?:(mindst|minimum|ca\.|cirka|omkring|højst)\s+)?("
    + "|".join(re.escape(w) for w in sorted(RATE_WORDS, key=len, reverse=True) if w != "årligt")
    + r")(?![\wæøå])", re.IGNORECASE)


_HEDGE_BEFORE = re.compile(r"\b(?:normalt|typisk|som regel|som udgangspunkt|ca\.|cirka|omkring)\s+$",
                           re.IGNORECASE)
_EXCEPT_AFTER = re.compile(r"[^.]*\b(?:friholdt|undtagen|bortset fra|dog ikke|ikke i)\b",
                           re.IGNORECASE)
_EXCEPT = re.compile(
    r"\s*,?\s+undtagen\s+(?:i\s+)?(januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
    r"november|december)(?:\s+og\s+(januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
    r"november|december))?\b", re.IGNORECASE)


def frequency_mismatches(meetings, text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, message) for each meeting frequency in ``text`` that the meeting data does
    not give: numbers ("fire møder årligt", "3-4 gange om året") and rates in words ("en gang
    om måneden", "hvert kvartal"). Messages phrase the data with the phrasebook."""
    for m in _MEET.finditer(text):
        physical = bool(m[4]) or "fysisk" in m[0].lower()
        f = meetings.physical_per_year if physical else meetings.per_year
        if f is None:
            continue
        stated = {v for v in (f.minimum, f.maximum, f.approximately) if v is not None}
        said = [to_number(m[2])] + ([to_number(m[3])] if m[3] else [])
        bad = [x for x in said if x is not None and x not in stated]
        if not bad or not stated:
            continue
        key = "fysiske-pr-år" if physical else "pr-år"
        yield (m.start(), m.end(), f"Teksten siger '{m[0]}', men 'møder.{key}' angiver "
                                   f"{describe_frequency(f)}. Ret teksten eller tallet.")
    f = meetings.per_year
    if f is None:
        return
    stated = {v for v in (f.minimum, f.maximum, f.approximately) if v is not None}
    for m in _RATE.finditer(text):
        n = RATE_WORDS[m[2].lower()]
        # "månedligt undtagen juli": the model reads it as 11 (model.types); so does the prose
        if n == 12 and (ex := _EXCEPT.match(text, m.end())):
            n -= len({x.lower() for x in (ex[1], ex[2]) if x})
        if not stated or n in stated:
            continue
        # "normalt en gang om måneden, juli friholdt" beside 11 a year: a rate with an exception
        # or a hedge is approximate; within two meetings a year it agrees.
        hedged = _HEDGE_BEFORE.search(text[:m.start()]) or _EXCEPT_AFTER.match(text[m.end():])
        if (hedged or m[1]) and any(abs(n - v) <= 2 for v in stated):
            continue
        yield (m.start(), m.end(), f"Teksten siger '{m[0]}' ({per_year(n)}), men 'møder.pr-år' "
                                   f"angiver {describe_frequency(f)}. Ret teksten eller tallet.")


_LEAD = re.compile(r"^\s*(?:(?:mindst|op til|højst|ca\.)\s+)?" + NUM + r"(?:\s*[-–]\s*" + NUM + r")?\s+\w",
                   re.IGNORECASE)
_GROUPS = (("medlemmer", "members"), ("deltagere", "participants"), ("observatører", "observers"))


@rule(
    "P003",
    "prosa.antal-pladser",
    Severity.ERROR,
    "En plads' tekst begynder med et andet antal, end pladsens 'antal' angiver.",
)
def seat_counts(cs: CharterSet) -> Iterator[Finding]:
    """
    En plads' `tekst` er forfatterens formulering af den samme plads: "2 repræsentanter fra
    PLO-Nordjylland" hører til `antal: 2`. Begynder teksten med et andet tal (eller talord: "To
    praktiserende læger"), siger dokumentet noget andet end data.

    Godt:
        - {rolle: repræsentant, fra: plo-nordjylland, antal: 2,
           tekst: 2 repræsentanter fra PLO-Nordjylland}

    Dårligt:
        - {rolle: repræsentant, fra: plo-nordjylland, antal: 3,
           tekst: 2 repræsentanter fra PLO-Nordjylland}
    """
    for cf in cs.valid():
        comp = cf.charter.composition
        if comp is None:
            continue
        for group, attr in _GROUPS:
            for i, seat in enumerate(getattr(comp, attr)):
                if not seat.text:
                    continue
                m = _LEAD.match(seat.text)
                if not m:
                    continue
                said = [to_number(m[1])] + ([to_number(m[2])] if m[2] else [])
                allowed = {seat.count.low, seat.count.high}
                if all(x in allowed for x in said if x is not None):
                    continue
                path = ("sammensætning", group, i, "tekst")
                start = m.start(1)
                end = m.end(2) if m[2] else m.end(1)
                yield Finding(
                    f"Teksten '{seat.text.strip()[:60]}' siger {seat.text[start:end]}, "
                    f"men pladsens antal er {seat.count.low if seat.count.exact else _range(seat)}.",
                    **locate(cf, path, seat.text, start, end),
                )


def _range(seat) -> str:
    lo, hi = seat.count.low, seat.count.high
    if hi is None:
        return f"mindst {lo}"
    return f"{lo}-{hi}"


_MEMBERS = re.compile(
    r"(?:(?P<qual>maksimalt|højst|op\s+til|max\.?|maks\.?|mindst|minimum|min\.)\s+"
    r"|(?P<part>\b\d+\s+af\s+))?"
    + NUM + r"(?:\s*[-–]\s*" + NUM + r")?\s+(?:faste\s+)?medlemmer\b", re.IGNORECASE)
#: "maksimalt 15 medlemmer" bounds the count from above, "mindst 5" from below.
_AT_MOST = ("maksimalt", "højst", "op til", "max", "maks")
_AT_LEAST = ("mindst", "minimum", "min")


@rule(
    "P004",
    "prosa.antal-medlemmer",
    Severity.ERROR,
    "Indledningen til sammensætningen nævner et medlemstal, som sammensætningen ikke giver.",
)
def member_total(cs: CharterSet) -> Iterator[Finding]:
    """
    "Udvalget består af 17 medlemmer" i `sammensætning.indledning` skal passe med
    medlemstallet, som kommissorium regner ud af pladserne udfoldet over registret (faste
    medlemmer; deltagere og observatører tæller ikke).

    Godt:
        sammensætning:
          indledning: Gruppen består af 4 medlemmer.
          medlemmer: [{rolle: sundhedsdirektør, for-hver: kommune}]   # 4 kommuner

    Dårligt:
        sammensætning:
          indledning: Gruppen består af 5 medlemmer.
          medlemmer: [{rolle: sundhedsdirektør, for-hver: kommune}]   # 4 kommuner
    """
    for cf in cs.valid():
        comp = cf.charter.composition
        if comp is None or not comp.intro:
            continue
        count = cs.member_count(cf.id)
        if count is None:
            continue
        for m in _MEMBERS.finditer(comp.intro):
            if m["part"]:
                continue  # "5 af 15 medlemmer": a part of the members, not the count
            qual = " ".join((m["qual"] or "").lower().rstrip(".").split())
            said = [to_number(m[3])] + ([to_number(m[4])] if m[4] else [])
            if qual in _AT_MOST:
                bad = [x for x in said if x is not None and x < count.low]
            elif qual in _AT_LEAST:
                bad = [x for x in said if x is not None and count.high is not None
                       and x > count.high]
            else:
                bad = [x for x in said if x is not None and not (
                    x >= count.low and (count.high is None or x <= count.high))]
            if not bad:
                continue
            yield Finding(
                f"Indledningen siger '{m[0]}', men sammensætningen giver {count} medlemmer "
                "(udfoldet over registret). Ret tallet eller pladserne.",
                **locate(cf, ("sammensætning", "indledning"), comp.intro, m.start(), m.end()),
            )
