"""Prose against data in every block (P005+): the author's wording (``tekst``) beside the data
says the same meeting frequency, names the same organisations and the same numbers.

P001-P004 (rules/prose.py) read the registry counts, the meeting section and the seats' lead
numbers; these extend the check to every other block of a charter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from kommissorium.corpus import CharterSet
from kommissorium.danish import join
from kommissorium.problems import Severity
from kommissorium.rules._util import NUM, locate, prose, to_number
from kommissorium.rules.base import Finding, rule
from kommissorium.rules.prose import frequency_mismatches

#: A sentence that speaks of meetings ("mødes", "møder", "mødefrekvens").
_MEETING_WORD = re.compile(r"\bmød", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


@rule(
    "P005",
    "prosa.moedefrekvens-i-alle-afsnit",
    Severity.ERROR,
    "Tekst uden for mødeafsnittet nævner en mødefrekvens, som mødedata ikke angiver.",
)
def frequency_everywhere(cs: CharterSet) -> Iterator[Finding]:
    """
    Mødefrekvensen står i `møder.pr-år`; nævner et andet afsnits tekst den også ("Forummet
    mødes en gang om måneden" i formålet, "kvartalsvise møder" i en note), skal det være den
    samme. Tal, talord og ord for en takt ("månedligt", "hvert kvartal", "en gang om måneden")
    læses, i sætninger der taler om møder.

    Godt:
        formål: Forummet mødes fire gange årligt og koordinerer indsatsen.
        møder: {pr-år: 4}

    Dårligt:
        formål: Forummet mødes en gang om måneden og koordinerer indsatsen.
        møder: {pr-år: 4}
    """
    for cf in cs.valid():
        eff = cs.effective(cf.id)
        if eff is None or eff.meetings is None or eff.meetings.per_year is None:
            continue
        for path, text in prose(cf):
            if path[:1] == ("møder",) or not _MEETING_WORD.search(text):
                continue
            for s in _SENTENCE.finditer(text):
                if not _MEETING_WORD.search(s[0]):
                    continue
                for start, end, message in frequency_mismatches(eff.meetings, s[0]):
                    yield Finding(message, **locate(cf, path, text, s.start() + start,
                                                    s.start() + end))


@lru_cache(maxsize=4)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\wæøå-])(?:" + "|".join(re.escape(n) for n in alts)
                      + r")(?![\wæøå-])")


def _all_names(cs: CharterSet) -> dict[str, str]:
    """Every name (registry names, full names, other names; charter names) → its key or id.
    Only names of two words or more, or with a capital inside, are looked for: a single common
    word ('Regionshuset') is too easily meant generally."""
    out = dict(cs.registry.names())
    for cid, cf in cs.by_id.items():
        if cf.charter is not None:
            out.setdefault(cf.charter.name, cid)
    return {n: k for n, k in out.items()
            if (" " in n or any(ch.isupper() for ch in n[1:])) and len(n) >= 5}


def _names_of(cs: CharterSet, refs: list[str]) -> set[str]:
    """The names of references and of the areas they lie in ('Region Nordjylland' for
    'Psykiatrien i Region Nordjylland')."""
    out: set[str] = set()
    for r in refs:
        if not r:
            continue
        entry = cs.registry.get(r)
        if entry is not None:
            out |= {entry.name, *entry.other_names}
            if entry.full_name:
                out.add(entry.full_name)
            for up in (entry.region, entry.area):
                if up:
                    out |= _names_of(cs, [up])
        cf = cs.by_id.get(r)
        if cf is not None and cf.charter is not None:
            out.add(cf.charter.name)
            out |= _names_of(cs, [cf.charter.area])
    return out


def _blocks(cf) -> Iterator[tuple[tuple[Any, ...], str, list[str]]]:
    """(path of a tekst, the tekst, the references its block's data names)."""
    c = cf.charter
    own = [cf.id, c.area]
    comp = c.composition
    if comp is not None:
        for group, attr in (("medlemmer", "members"), ("deltagere", "participants"),
                            ("observatører", "observers")):
            for i, seat in enumerate(getattr(comp, attr)):
                if seat.text:
                    refs = [seat.source, seat.appointed_by, seat.nominated_by, seat.members_of,
                            seat.within, *(q.source for q in seat.sub_quotas)]
                    yield (("sammensætning", group, i, "tekst"), seat.text,
                           own + [r for r in refs if r])
    s = c.secretariat
    if s is not None and s.text:
        yield ("sekretariat", "tekst"), s.text, own + s.provided_by + s.coordinates_with


@rule(
    "P006",
    "prosa.organisation",
    Severity.WARNING,
    "En plads' eller sekretariatets tekst nævner en organisation, som blokkens data ikke nævner.",
)
def organisation_names(cs: CharterSet) -> Iterator[Finding]:
    """
    Teksten til en plads eller til sekretariatet er forfatterens formulering af de samme data:
    nævner den en organisation fra registret eller et andet organ ("udpeget af KKR
    Nordjylland"), skal blokkens data nævne den også (`fra`, `udpeget-af`, `indstillet-af`,
    `heraf`, `varetages-af`, `koordinerer-med`), ellers siger dokumentet noget andet end data.
    Kommissoriets eget område og dets region regnes altid som nævnt.

    Godt:
        - {rolle: praktiserende læge, antal: 2, udpeget-af: plo-nordjylland,
           tekst: To praktiserende læger udpeget af PLO-Nordjylland}

    Dårligt:
        - {rolle: praktiserende læge, antal: 2, udpeget-af: plo-nordjylland,
           tekst: To praktiserende læger udpeget af KKR Nordjylland}
    """
    names = _all_names(cs)
    if not names:
        return
    pattern = _pattern(tuple(sorted(names)))
    for cf in cs.valid():
        for path, text, refs in _blocks(cf):
            allowed = _names_of(cs, refs)
            lower = {a.lower() for a in allowed}
            for m in pattern.finditer(text):
                said = m[0]
                if said.lower() in lower or any(said.lower() in a for a in lower):
                    continue
                expected = join(sorted(f"'{a}'" for a in allowed if a)) or "ingen"
                yield Finding(
                    f"Teksten nævner '{said}', men blokkens data nævner den ikke (nævner "
                    f"{expected}). Tilføj henvisningen i data, eller ret teksten.",
                    **locate(cf, path, text, m.start(), m.end()),
                )


_QUORUM = re.compile(r"beslutningsdygtig\w*[^.]*?\b(?:mindst\s+)?" + NUM + r"\s+(?:\w+\s+)?medlem",
                     re.IGNORECASE)
_AGENDA = re.compile(r"dagsorden\w*[^.]*?\b" + NUM + r"\s+(dage|dag|uger|uge)\b", re.IGNORECASE)


@rule(
    "P007",
    "prosa.antal-i-afsnit",
    Severity.ERROR,
    "Tekst nævner et andet tal for beslutningsdygtighed eller dagsordenens frist end data.",
)
def numbers_in_blocks(cs: CharterSet) -> Iterator[Finding]:
    """
    Står beslutningsdygtigheden (`beslutninger.beslutningsdygtig-ved`) eller dagsordenens
    frist (`møder.dagsorden-udsendes-dage-før`) i data, skal teksten sige det samme tal:
    "beslutningsdygtigt, når mindst 5 medlemmer er til stede", "dagsordenen udsendes senest
    en uge før mødet" (en uge = 7 dage).

    Godt:
        møder: {dagsorden-udsendes-dage-før: 7, tekst: Dagsordenen udsendes en uge før mødet.}

    Dårligt:
        møder: {dagsorden-udsendes-dage-før: 7, tekst: Dagsordenen udsendes 5 dage før mødet.}
    """
    for cf in cs.valid():
        eff = cs.effective(cf.id)
        if eff is None:
            continue
        d = eff.decisions
        count = d.quorum.count if d is not None and d.quorum is not None else None
        m_ = eff.meetings
        days = m_.agenda_days_before if m_ is not None else None
        if count is None and days is None:
            continue
        for path, text in prose(cf):
            if count is not None:
                for m in _QUORUM.finditer(text):
                    n = to_number(m[1])
                    if n is not None and n != count:
                        yield Finding(
                            f"Teksten siger {m[1]} medlemmer, men 'beslutninger."
                            f"beslutningsdygtig-ved' angiver {count}. Ret teksten eller tallet.",
                            **locate(cf, path, text, m.start(1), m.end(1)))
            if days is not None:
                for m in _AGENDA.finditer(text):
                    n = to_number(m[1])
                    if n is None:
                        continue
                    said = n * 7 if m[2].lower().startswith("uge") else n
                    if said != days:
                        yield Finding(
                            f"Teksten siger '{m[1]} {m[2]}', men 'møder.dagsorden-udsendes-dage-"
                            f"før' angiver {days} dage. Ret teksten eller tallet.",
                            **locate(cf, path, text, m.start(1), m.end(2)))
