"""What changed between two versions of the charters, as ``kommissorium diff`` says it.

The diff (``kommissorium.diff.compare``) decides which change happened and with which values;
the words are here: a sentence per change kind, the definite nouns of sections and meeting
settings, the chair described in one line, the summary of a whole diff. Meeting frequencies
use THE frequency phrase of ``quantities``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from kommissorium.danish.lists import join
from kommissorium.danish.nouns import plural
from kommissorium.danish.text import capitalize, clause, lower_first
from kommissorium.danish.vocabulary import body_type_name, party_name

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.model.charter import Chair

#: A section (its Danish key) in the definite form, as a change names it ("formålet").
SECTION_NOUNS: dict[str, str] = {
    "forkortelse": "forkortelsen", "andre-navne": "de andre navne", "titel": "titlen",
    "ramme": "rammemarkeringen", "godkendt": "godkendelsen", "dato": "datoen",
    "version": "versionen", "gyldig": "gyldighedsperioden", "kilde": "kilden",
    "overskrifter": "overskrifterne", "baggrund": "baggrunden",
    "beslutninger": "beslutningsreglerne", "offentliggørelse": "offentliggørelsen",
    "afsnit": "de ekstra afsnit", "noter": "noterne", "undertryk": "undertrykkelserne",
    "sammensætning": "sammensætningen", "møder": "møderne", "formandskab": "formandskabet",
    "sekretariat": "sekretariatet", "relationer": "relationerne", "principper": "principperne",
    "opgaver": "opgaverne", "formål": "formålet",
}

#: A meeting setting (model attribute) in the definite form ("varigheden").
MEETING_SETTING_NOUNS: dict[str, str] = {
    "duration_hours": "varigheden", "physical_per_year": "antallet af fysiske møder",
    "virtual": "virtuelle møder", "extraordinary": "ekstraordinære møder",
    "agenda_days_before": "udsendelsen af dagsordenen", "timing": "tidspunktet",
    "text": "teksten", "notes": "noterne",
    "open": "mødernes åbenhed", "place": "mødestedet",
    "virtual_attendance": "virtuel deltagelse", "guests": "gæster", "agenda": "dagsordenen",
    "plan": "mødeplanen", "urgent": "hastesager", "absence": "forfald",
    "chairing": "mødeledelsen", "relative_to": "mødernes placering i forhold til et andet organ",
    "rotating_host": "værtskabet", "free_months": "de mødefri måneder",
}

#: A seat group (its Danish key) → what one seat of it is called in a change.
SEAT_NOUNS: dict[str, str] = {"medlemmer": "plads", "deltagere": "deltager",
                              "observatører": "observatør"}

#: The status of a charter in a diff → its heading.
CHANGE_STATUS: dict[str, str] = {"ændret": "Ændret", "flyttet": "Flyttet",
                                 "tilføjet": "Tilføjet", "fjernet": "Fjernet"}

#: Change kind → sentence; the fields come from the charters compared.
CHANGE_SENTENCES: dict[str, str] = {
    "navn": "Navnet ændres fra »{old}« til »{new}«.",
    "type": "Typen ændres fra {old} til {new}.",
    "område": "Området ændres fra {old} til {new}.",
    "ramme-fjernet": "Udbygger ikke længere {old}.",
    "ramme": "Udbygger nu {new}.",
    "formål-omformuleret": "Formålet er omformuleret.",
    "formål-tilføjet": "Formålet er tilføjet.",
    "formål-fjernet": "Formålet er fjernet.",
    "møder-andet": "Møder: {what} er ændret.",
    "plads-fjernet": "{Noun} fjernet: {seat}.",
    "plads-ændret": "{Noun} ændret fra {old} til {new}.",
    "plads-detaljer": "{Noun} {new}: detaljer ændret.",
    "plads-tilføjet": "Ny {noun}: {seat}.",
    "formandskab": "Formandskabet ændres fra {old} til {new}.",
    "formandskab-tekst": "Formandskabets tekst er ændret.",
    "sekretariat": "Sekretariatet varetages nu af {new} (før {old}).",
    "sekretariat-tekst": "Sekretariatsafsnittet er ændret.",
    "punkt-omformuleret": "{Noun} omformuleret: »{text}«.",
    "punkt-fjernet": "{Noun} fjernet: »{text}«.",
    "punkt-tilføjet": "Ny {noun}: »{text}«.",
    "punkter-indledning": "Indledning eller noter til {section} er ændret.",
    "relation-tilføjet": "Ny relation: {verb} {name}.",
    "relation-fjernet": "Relationen fjernes: {verb} {name}.",
    "undergrupper": "Undergrupperne er ændret.",
    "afsnit": "{Section} er ændret.",
    "ny-ulæselig": "Nyt kommissorium, som ikke kan læses (se fund).",
    "flyttet": "Flyttet fra {old_file} til {new_file} (id ændret fra {old_id} til {new_id}).",
    "ugyldig": "Kommissoriet kan ikke længere læses (se de nye fund).",
    "gyldig": "Kommissoriet kan nu læses igen.",
    "medlemstal-nyt": "I alt {new} {new_members}.",
    "medlemstal-fjernet": "Før {old} {old_members}; nu ingen angivet.",
    "medlemstal": "I alt fra {old} til {new} {new_members}.",
    "medlemstal-fortsat": "I alt fortsat {new} {new_members}.",
    "format": "Kun formatering eller kommentarer er ændret.",
    "fjernet": "Kommissoriet for {name} fjernes.",
}


#: Fields that hold text from a charter: written inside a sentence, so without a final stop
#: ('Opgave fjernet: »At følge op«.', never '».«.' or '..').
_CLAUSE_FIELDS = ("text", "seat", "old", "new", "name", "what")


def members_noun(count: str | None) -> str:
    """'fast medlem' after 1, else 'faste medlemmer' ('mindst 5 faste medlemmer')."""
    import re

    found = re.findall(r"\d+", count or "")
    return plural(int(found[-1]) if found else 2, "fast medlem", "faste medlemmer")


def change_sentence(kind: str, **fields: str) -> str:
    """The sentence for a change of ``kind``; ``{Noun}``/``{Section}`` are ``noun``/``section``
    with a capital."""
    for key in _CLAUSE_FIELDS:
        if isinstance(fields.get(key), str):
            fields[key] = clause(fields[key])
    if kind == "type":
        fields = {k: lower_first(body_type_name(v)) for k, v in fields.items()}
    for key in ("old", "new"):
        fields[f"{key}_members"] = members_noun(fields.get(key))
    for key in ("noun", "section"):
        if key in fields:
            fields[key.capitalize()] = capitalize(fields[key])
    return CHANGE_SENTENCES[kind].format(**fields)


def names_text(names: list[str]) -> str:
    """'A, B og C', or 'ingen'."""
    return join(names) or "ingen"


def added_charter_sentence(name: str, kind: str, area: str, members: str | None,
                           frequency: str | None) -> str:
    """'Nyt kommissorium: X (udvalg, Region Nordjylland) med 9 faste medlemmer; fire møder
    årligt.'"""
    text = f"Nyt kommissorium: {name} ({lower_first(body_type_name(kind))}, {area})"
    if members:
        text += f" med {members} {members_noun(members)}"
    if frequency:
        text += f"; {frequency}"
    return text + "."


def chair_text(chair: "Chair | None", name_of: Callable[[str], str]) -> str:
    """'delt mellem kommunerne og regionen; formand: borgmester fra Aalborg Kommune'."""
    if chair is None:
        return "intet formandskab angivet"
    parts = []
    if chair.shared_between:
        parts.append("delt mellem " + join(party_name(p) for p in chair.shared_between))
    for label, officer in (("formand", chair.chair), ("næstformand", chair.vice_chair)):
        if officer is None:
            continue
        who = officer.role or (officer.text or "")
        if officer.source:
            who = f"{who} fra {name_of(officer.source)}".strip()
        if officer.elected_from:
            who = f"{who} valgt blandt {officer.elected_from}".strip()
        parts.append(f"{label}: {who}" if who else label)
    if not parts and chair.text:
        parts.append(clause(chair.text))
    return "; ".join(parts) or "formandskab uden nærmere angivelse"


def diff_summary(base: str, head: str, counts: dict[str, int], introduced: int,
                 resolved: int) -> str:
    """'Ændringer fra main til arbejdstræet: 1 kommissorium ændret og 2 kommissorier tilføjet;
    1 nyt fund.' (``counts``: charters per status)."""
    if not counts and not introduced and not resolved:
        return f"Ingen ændringer i kommissorierne fra {base} til {head}."
    parts = []
    for status in ("ændret", "flyttet", "tilføjet", "fjernet"):
        n = counts.get(status)
        if n:
            parts.append(f"{n} {plural(n, 'kommissorium', 'kommissorier')} {status}")
    findings = []
    if introduced:
        findings.append(f"{introduced} {plural(introduced, 'nyt fund', 'nye fund')}")
    if resolved:
        findings.append(f"{resolved} fund løst")
    text = f"Ændringer fra {base} til {head}: " + (join(parts) if parts
                                                   else "ingen kommissorier ændret")
    if findings:
        text += "; " + join(findings)
    return text + "."


def attributes_notice(hidden: list[tuple[str, str]]) -> str:
    """The diff's notice when git attributes mark charter files: ``export-ignore`` would hide
    them from ``git archive``, ``export-subst`` and filters change their text; the diff reads
    the files from git's tree, so it compares them as committed."""
    from kommissorium.danish import join

    files = sorted({f for f, _ in hidden})
    attrs = sorted({a for _, a in hidden})
    shown = join([f"'{f}'" for f in files[:5]]) + (f" og {len(files) - 5} til" if len(files) > 5 else "")
    noun = "fil" if len(files) == 1 else "filer"
    return (f"Bemærk: .gitattributes sætter {join(attrs)} for {len(files)} {noun} i "
            f"kommissoriemappen ({shown}). Sammenligningen læser filerne direkte fra git, så "
            "ingen af dem er skjult eller ændret her; men et værktøj, der bruger 'git archive', "
            "ville ikke se dem, som de er.")
