"""JSON Schema of the charter format, generated from the pydantic models.

The schema lets editors (yaml-language-server, VS Code, IntelliJ) complete and check keys while a
charter is typed: every charter starts with

    # yaml-language-server: $schema=../../schema/kommissorium.schema.json

The committed copy lives at ``schema/kommissorium.schema.json`` in the repository root; a test
fails when it is stale (``kommissorium schema -o schema/kommissorium.schema.json`` refreshes it).

Pydantic cannot see what the before-validators accept (``antal: 3``, ``"2-4"``; ``pr-år: "ca. 10"``;
a single reference instead of a list), nor the reference pattern checked after validation. The
generator below adds those forms, so that the schema accepts every charter the model accepts,
while still rejecting unknown keys and wrong types. Descriptions are Danish: the models' own
``description=`` where given, else the tables here (class docstrings are English code docs).
"""

from __future__ import annotations

from kommissorium.model.charter import PARTY_ALIASES as _PARTY_ALIASES

import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

#: Where the schema is committed, relative to the repository root.
SCHEMA_PATH = "schema/kommissorium.schema.json"
SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
COMMENT_PREFIX = "# yaml-language-server: $schema="

# -- Danish descriptions ---------------------------------------------------------------------

#: Descriptions of the models (the $defs), replacing the English class docstrings.
MODEL_DESCRIPTIONS: dict[str, str] = {
    "Charter": "Kommissorium for ét samarbejdsorgan: formål, opgaver, sammensætning, møder og "
    "relationer til andre organer.",
    "Alternates": "Suppleanter: om de er tilladt, og om de er personlige. Kort form: true/false "
    "eller en tekst.",
    "Approval": "Hvem der har godkendt kommissoriet, og hvornår.",
    "BodyType": "Organets type (niveau i organiseringen).",
    "Chair": "Formandskabet: formand, medformænd, næstformand, andre poster, delt formandskab "
    "eller ingen formand.",
    "Composition": "Organets sammensætning: faste medlemmer, deltagere, observatører og suppleanter.",
    "Count": "Et antal: et tal (3), et interval (\"2-4\"), \"op til 3\", \"maksimalt 3\", "
    "\"mindst 2\", \"uangivet\" eller {mindst, højst, uangivet}.",
    "Delegation": "Medlemmer, organet sender til et andet organ: {til, antal, suppleanter, periode}.",
    "GroupShare": "En andel af medlemmerne, som en pladsgruppe skal have: {gruppe, andel}.",
    "RelativeTiming": "Mødernes placering i forhold til et andet organs møder: "
    "{organ, før, uger|dage, ca}.",
    "DecisionRule": "Hvordan organet træffer beslutninger.",
    "Decisions": "Beslutningsregler: konsensus eller flertal, beslutningsdygtighed, afgørende stemme.",
    "ExpandOver": "Hvad en plads gentages for: hver kommune, klynge eller region i området.",
    "ExtraSection": "Et ekstra afsnit med egen overskrift.",
    "Extraordinary": "Ekstraordinære møder. Kort form: true/false eller en tekst.",
    "Frequency": "Hvor ofte: et tal (4), et interval (\"3-4\"), \"ca. 10\", \"mindst 4\", "
    "\"4 møder årligt\", \"kvartalsvis\", \"efter behov\" eller "
    "{mindst, højst, omkring, efter-behov}.",
    "Duration": "Varighed i timer: et tal (2), et interval (\"2-3\"), \"2 timer\", \"ca. 2\" "
    "eller {mindst, højst, omkring}.",
    "ListSection": "Et afsnit med punkter (principper eller opgaver): en liste, eller "
    "{indledning, punkter, noter}.",
    "Meetings": "Møder: hyppighed, varighed, indkaldelse og ekstraordinære møder.",
    "Officer": "En formand, medformand eller næstformand: hvem, hvorfra, knyttet til hvilken plads, "
    "valgt af og blandt hvem og for hvor længe.",
    "OtherOfficer": "En anden post end formand og næstformand, fx en kasserer, med egne opgaver.",
    "DocumentKind": "Dokumentets art: kommissorium, forretningsorden eller vedtægt.",
    "PartialDate": "En dato, en måned eller et år: 2022-06-23, \"23. juni 2022\", 2022-08, "
    "\"august 2022\" eller 2022.",
    "Party": "En part i det danske sundhedssamarbejde.",
    "Publication": "Hvor dagsordener, referater og kommissoriet offentliggøres.",
    "Relations": "Organets relationer til andre organer (kommissoriers id eller registernøgler).",
    "Seat": "En gruppe af pladser, fx \"1 sundhedsdirektør fra hver kommune i klyngen\".",
    "Secretariat": "Sekretariatsbetjeningen.",
    "SubQuota": "En delkvote af en pladsgruppe, fx \"heraf mindst 1 fra psykiatrien\".",
    "Subgroup": "En undergruppe under organet: et kommissoriums id eller {id, navn, stående}.",
    "Suppression": "Undertrykkelse af en regel for dette kommissorium, med begrundelse.",
    "Validity": "Perioden, noget gælder i: {fra, til}.",
    "Absence": "Forfald: hvem det meldes til, og hvornår suppleanten indkaldes.",
    "Adoption": "Hvordan dokumentet vedtages og ændres, og hvornår det træder i kraft.",
    "Agenda": "Dagsordenen: varsel, materiale, frist for punkter, hastende varsel og offentliggørelse.",
    "Allowed": "Tilladt eller ej. Kort form: true/false eller en tekst.",
    "Bound": "'senest' eller 'mindst' foran en frist.",
    "Chairing": "Mødeledelse: hvem leder møderne, det konstituerende møde, ordstyrer og mistillid.",
    "Deadline": "En frist: et antal dage (7), \"senest 5 hverdage\", \"mindst 7 dage\", \"48 timer\" "
    "eller {antal, enhed, grænse, lørdag-er-hverdag}.",
    "LegalRef": "En lovhenvisning: \"forvaltningsloven §§ 3-6\" eller {lov, paragraf, tekst}.",
    "MajorityOf": "Hvad flertallet regnes af.",
    "MeetingPlan": "Den årlige mødeplan: hvem foreslår og godkender den, og hvornår.",
    "Minutes": "Referatet: hvem skriver det, hvordan det godkendes og offentliggøres, mindretalsudtalelser.",
    "Quorum": "Beslutningsdygtighed: et antal (5), \"mindst halvdelen\", \"over halvdelen\" eller "
    "{antal|andel, over, af, suppleanter-tæller}.",
    "Threshold": "Et antal medlemmer (3) eller en andel: \"1/3\", \"mindst halvdelen\", "
    "\"over halvdelen\", \"et flertal\".",
    "Tie": "Stemmelighed: afgørende stemme i rækkefølge, ellers bortfald eller lodtrækning.",
    "TieOutcome": "Udfaldet ved stemmelighed.",
    "Unit": "Enheden for en frist.",
    "Urgent": "Hastesager: hvem afgør dem, og hvornår organet orienteres. Kort form: true eller en tekst.",
    "Person": "En person i en medlemsliste.",
    "Alternate": "En personlig suppleant: navn, parti, organisation og datoer.",
    "Member": "Et medlem: plads (og enhed ved en plads for hver kommune), post, udpeget af, "
    "datoer, parti og personlige suppleanter.",
    "SeatAlternate": "En suppleant for en plads (ikke personlig).",
    "Former": "Et tidligere medlem med datoer ('til' skal angives).",
    "Meeting": "Et møde: dato, klokkeslæt, sted, titel, og om det er aflyst.",
    "Voting": "Afstemning: flertal af hvad, konsensus først, skriftlig afstemning, fuldmagt.",
}

#: Descriptions by YAML key, used wherever the key has no description of its own.
KEY_DESCRIPTIONS: dict[str, str] = {
    "tekst": "Forfatterens egen formulering (gengives i stedet for en genereret sætning).",
    "noter": "Yderligere afsnit, som hører til her (tekst eller liste af tekster).",
    "indledning": "Indledende tekst før punkterne.",
    "punkter": "Punkterne i afsnittet.",
    "opgaver": "Opgaver (liste af tekster).",
    "rolle": "Rollen eller titlen, fx 'sundhedsdirektør'.",
    "fra": "Hvorfra: organisation, region, kommune eller organ (registernøgle eller id).",
    "krav": "Et krav til pladsen, fx 'inden for sundhedsklyngens område'.",
    "mindst": "Mindst dette antal.",
    "højst": "Højst dette antal.",
    "antal": "Antal pladser: 3, \"2-4\", \"op til 3\", \"mindst 2\" eller {mindst, højst}.",
    "udpeget-af": "Organ eller organisation, der udpeger (registernøgle eller id).",
    "tilladt": "Om det er tilladt.",
    "koordinerer-med": "Organer, der koordineres med (id eller liste af id'er).",
    "id": "Et kommissoriums id (stien under charters/ uden .yaml).",
    "navn": "Navnet på dansk.",
    "note": "En kort bemærkning i parentes.",
    "regel": "Regelkode eller regelnavn.",
}

#: Descriptions of single properties: (model, YAML key) → text.
FIELD_DESCRIPTIONS: dict[tuple[str, str], str] = {
    ("Alternates", "tilladt"): "Om der må deltage suppleanter.",
    ("Alternates", "personlige"): "Om suppleanterne er personlige.",
    ("Chair", "formand"): "Formanden.",
    ("Chair", "delt-mellem"): "Formandskabet deles mellem disse parter, fx [kommuner, region].",
    ("Chair", "næstformand"): "Næstformanden.",
    ("Chair", "opgaver"): "Formandskabets opgaver.",
    ("Composition", "indledning"): "Indledende tekst til sammensætningen.",
    ("Composition", "medlemmer"): "De faste medlemmer, som pladsgrupper.",
    ("Composition", "observatører"): "Observatører uden stemmeret.",
    ("Composition", "suppleanter"): "Suppleanter: true/false, en tekst eller {tilladt, personlige, tekst}.",
    ("Composition", "periode"): "Medlemmernes periode, fx 'følger valgperioden'.",
    ("Count", "mindst"): "Mindste antal.",
    ("Count", "højst"): "Højeste antal.",
    ("Decisions", "regel"): "Beslutningsregel: konsensus, flertal eller ingen-beslutningskompetence.",
    ("Decisions", "beslutningsdygtig-ved"): "Antal fremmødte medlemmer, der gør organet beslutningsdygtigt.",
    ("Decisions", "afgørende-stemme"): "Hvis stemme er afgørende ved stemmelighed.",
    ("Decisions", "behandler-ikke"): "Emner, organet ikke behandler, fx personsager.",
    ("ExtraSection", "overskrift"): "Afsnittets overskrift.",
    ("ExtraSection", "tekst"): "Afsnittets tekst.",
    ("Extraordinary", "tilladt"): "Om der kan holdes ekstraordinære møder.",
    ("Frequency", "mindst"): "Mindst så mange gange.",
    ("Frequency", "højst"): "Højst så mange gange.",
    ("Frequency", "omkring"): "Omtrent så mange gange (\"ca. 10\").",
    ("Frequency", "efter-behov"): "Derudover, eller kun, efter behov.",
    ("Frequency", "som-udgangspunkt"): "Antallet gælder som udgangspunkt.",
    ("Duration", "mindst"): "Mindst så mange timer.",
    ("Duration", "højst"): "Højst så mange timer.",
    ("Duration", "omkring"): "Omtrent så mange timer (\"ca. 2\").",
    ("Duration", "efter-behov"): "Efter behov.",
    ("Duration", "som-udgangspunkt"): "Varigheden gælder som udgangspunkt.",
    ("Meetings", "pr-år"): "Antal møder om året: 4, \"3-4\", \"ca. 10\", \"mindst 4\" eller \"efter behov\".",
    ("Meetings", "varighed-timer"): "Mødernes varighed i timer, fx \"2-3\".",
    ("Meetings", "fysiske-pr-år"): "Antal fysiske møder om året.",
    ("Meetings", "virtuelle"): "Om møderne kan holdes virtuelt.",
    ("Meetings", "ekstraordinære"): "Ekstraordinære møder: true/false, en tekst eller {tilladt, efter-anmodning-fra, tekst}.",
    ("Meetings", "dagsorden-udsendes-dage-før"): "Antal dage før mødet, dagsordenen udsendes.",
    ("Meetings", "tidspunkt"): "Mødernes placering i tid, fx 'ca. halvanden måned før Dialogforum'.",
    ("Officer", "rolle"): "Rollen, fx 'regionsrådsformanden'.",
    ("Officer", "vælges-blandt"): "Kredsen, der vælges blandt, med forfatterens ord.",
    ("Officer", "periode-år"): "Valgperiodens længde i år.",
    ("OtherOfficer", "periode-år"): "Valgperiodens længde i år.",
    ("PartialDate", "år"): "Årstal.",
    ("PartialDate", "måned"): "Måned (1-12).",
    ("PartialDate", "dag"): "Dag i måneden.",
    ("Publication", "dagsordener-og-referater"): "Hvor dagsordener og referater offentliggøres.",
    ("Publication", "kommissorium"): "Hvor kommissoriet offentliggøres.",
    ("Relations", "refererer-til"): "Organer, dette organ refererer til.",
    ("Relations", "forbereder-for"): "Organer, dette organ forbereder sager for.",
    ("Relations", "indstiller-til"): "Organer, dette organ indstiller til.",
    ("Relations", "årlig-status-til"): "Organer, der får en årlig status fra dette organ.",
    ("Relations", "opgaver-fra"): "Organer, dette organ får opgaver fra.",
    ("Relations", "udpeges-af"): "Organer, der udpeger dette organs medlemmer.",
    ("Relations", "del-af"): "Organer eller strukturer, dette organ er en del af.",
    ("Relations", "undergrupper"): "Undergrupper under organet.",
    ("Secretariat", "varetages-af"): "Hvem der varetager sekretariatet (id eller liste af id'er).",
    ("Seat", "antal"): "Antal pladser (pr. enhed, når 'for-hver' er angivet).",
    ("Seat", "for-hver"): "Pladsen gentages for hver kommune, klynge eller region i området.",
    ("Seat", "indstillet-af"): "Organ eller organisation, der indstiller.",
    ("Seat", "heraf"): "Delkvoter af pladserne, fx [{mindst: 1, fra: psykiatrien-nordjylland}].",
    ("Seat", "efter-behov"): "Deltager kun efter behov (tælles ikke med i de faste medlemmer).",
    ("Seat", "ad-hoc"): "Deltager ad hoc (tælles ikke med i de faste medlemmer).",
    ("Seat", "stemmeret"): "Om pladsen har stemmeret.",
    ("Seat", "part"): "Parten, pladsen repræsenterer.",
    ("SubQuota", "antal"): "Præcist antal i delkvoten.",
    ("Subgroup", "navn"): "Undergruppens navn, hvis den ikke har sit eget kommissorium.",
    ("Subgroup", "stående"): "Om undergruppen er stående (ellers ad hoc).",
    ("Suppression", "begrundelse"): "Hvorfor reglen ikke gælder her.",
    ("Validity", "fra"): "Gælder fra denne dato.",
    ("Validity", "til"): "Gælder til og med denne dato.",
    ("Charter", "forkortelse"): "Organets forkortelse, fx 'SSU'.",
    ("Charter", "andre-navne"): "Andre navne, organet kendes under.",
    ("Charter", "type"): "Organets type: politisk, administrativ, fagligt-strategisk, forum, "
    "netværk, arbejdsgruppe, udvalg, sekretariat, råd, bestyrelse, stående-udvalg, "
    "særligt-udvalg eller sundhedsråd.",
    ("Charter", "udbygger"): "Id på den ramme, kommissoriet udbygger; udeladte afsnit arves fra den.",
    ("Charter", "godkendt"): "Godkendelse: {af, dato, tekst}.",
    ("Charter", "version"): "Dokumentets version.",
    ("Charter", "gyldig"): "Perioden, kommissoriet gælder: {fra, til}.",
    ("Charter", "kilde"): "Kildedokumentet, kommissoriet er skrevet efter.",
    ("Charter", "overskrifter"): "Egne overskrifter for standardafsnittene.",
    ("Charter", "baggrund"): "Baggrund for organet.",
    ("Charter", "formål"): "Organets formål.",
    ("Charter", "principper"): "Principper for arbejdet: en liste eller {indledning, punkter, noter}.",
    ("Charter", "opgaver"): "Organets opgaver: en liste eller {indledning, punkter, noter}.",
    ("Charter", "sammensætning"): "Organets sammensætning.",
    ("Charter", "formandskab"): "Formandskabet.",
    ("Charter", "sekretariat"): "Sekretariatsbetjeningen.",
    ("Charter", "møder"): "Møder.",
    ("Charter", "beslutninger"): "Beslutningsregler.",
    ("Charter", "relationer"): "Relationer til andre organer.",
    ("Charter", "offentliggørelse"): "Offentliggørelse af dagsordener, referater og kommissoriet.",
    ("Charter", "afsnit"): "Ekstra afsnit med egne overskrifter.",
    ("Charter", "noter"): "Yderligere tekst til sidst i kommissoriet.",
    ("Charter", "undertryk"): "Regler, der undertrykkes for dette kommissorium, med begrundelse.",
}

# -- compact forms ---------------------------------------------------------------------------

_REF_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:/[a-z0-9]+(?:[-_][a-z0-9]+)*)*$"


def _ci(text: str) -> str:
    """A case-insensitive regex for literal text (ECMA-262 has no inline flags)."""
    out = []
    for ch in text:
        if ch.isalpha() and ch.lower() != ch.upper():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        elif ch in ".()[]{}?*+^$|\\":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _alt(*words: str) -> str:
    return "(?:" + "|".join(_ci(w) for w in words) + ")"


_WORDS = ("én", "en", "et", "ét", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti",
          "elleve", "tolv")
_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december")
_NUM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(_ci(w) for w in _WORDS) + ")"
_ON_DEMAND = _ci("efter behov")

COUNT_PATTERN = (
    r"^\s*(?:" + _alt("uangivet", "ikke angivet", "ikke fastlagt") + r"|\d+\s*[-–]\s*\d+|"
    + _alt("op til", "højst", "maksimalt", "maks.", "maks") + r"\s+\d+|"
    + _alt("mindst", "minimum", "min.") + r"\s+\d+|\d+)\s*$"
)
_FREQ_BODY = (
    "(?:" + _NUM + r"\s*[-–]\s*" + _NUM
    + "|" + _alt("ca.", "ca", "cirka", "omkring") + r"\s*" + _NUM
    + "|" + _alt("mindst", "minimum", "min.") + r"\s*" + _NUM
    + "|" + _alt("højst", "maks.", "maks", "op til") + r"\s*" + _NUM
    + "|" + _NUM + ")"
)
_RATE = _alt("hver anden måned", "månedligt", "kvartalsvis", "halvårligt", "årligt")
_PER_YEAR = (r"(?:\s+(?:" + _alt("møder", "møde", "gange", "gang") + r"\s+)?"
             + _alt("årligt", "om året", "i året", "pr. år", "pr år", "per år") + ")?")
FREQUENCY_PATTERN = (
    r"^\s*(?:(?:" + _FREQ_BODY + _PER_YEAR + "|(?:"
    + _alt("ca.", "ca", "cirka", "omkring", "mindst", "minimum", "min.", "højst", "maks.",
           "maks", "op til") + r"\s*)?" + _RATE + r")(?:\s*(?:,|" + _alt("og", "eller")
    + r")?\s*" + _ON_DEMAND + ")?" + "|" + _ON_DEMAND + r")\s*$"
)
DURATION_PATTERN = (
    r"^\s*(?:" + _FREQ_BODY + r"(?:\s*" + _alt("timer", "time") + r")?(?:\s*(?:,|"
    + _alt("og", "eller") + r")?\s*" + _ON_DEMAND + ")?" + "|" + _ON_DEMAND + r")\s*$"
)
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
DATE_PATTERN = (
    r"^\s*(?:\d{4}-" + _MONTH + "-" + _DAY + r"|\d{4}-" + _MONTH + "|" + _DAY + r"\.\s*"
    + _MONTH + r"\.\s*\d{4}|(?:" + _DAY + r"\.\s*)?" + _alt(*_MONTHS) + r"\s+\d{4}|\d{4})\s*$"
)
_DNUM = r"(?:\d+|" + "|".join(_ci(w) for w in (*_WORDS, "fjorten")) + ")"
DEADLINE_PATTERN = (
    r"^\s*(?:" + _alt("senest", "mindst") + r"\s+)?" + _DNUM + r"\s+"
    + _alt("hverdage", "hverdag", "dage", "dag", "timer", "time", "uger", "uge")
    + r"(?:\s+" + _alt("før", "inden") + r"(?:\s+" + _ci("mødet") + r")?)?\s*$"
)
_FRACTION = _alt("halvdelen", "en tredjedel", "to tredjedele", "en fjerdedel", "tre fjerdedele")
THRESHOLD_PATTERN = (
    r"^\s*(?:" + _alt("et flertal af medlemmerne", "et flertal", "flertallet", "flertal")
    + "|(?:" + _ci("mindst") + r"\s+)?" + _DNUM + r"(?:\s+" + _alt("medlemmer", "medlem") + ")?"
    + "|(?:" + _alt("mindst", "over", "mere end") + r"\s+)?(?:\d+\s*/\s*\d+|" + _FRACTION + ")"
    + r"(?:\s+" + _ci("af") + r"\s+" + _alt("medlemmerne", "de stemmeberettigede medlemmer")
    + r")?)\s*$"
)
#: Relations between keys of one mapping, which pydantic's schema cannot see (the model's
#: after-validators check them): the schema must refuse what ``validate`` refuses.
EXTRA_CONSTRAINTS: dict[str, dict[str, Any]] = {
    "SubQuota": {"allOf": [
        {"anyOf": [{"required": ["mindst"]}, {"required": ["antal"]}]},
        {"anyOf": [{"required": ["fra"]}, {"required": ["rolle"]}, {"required": ["krav"]}]},
    ]},
    "Threshold": {"oneOf": [{"required": ["antal"]}, {"required": ["andel"]}]},
    "Quorum": {"oneOf": [{"required": ["antal"]}, {"required": ["andel"]}]},
    "Officer": {"not": {"required": ["plads", "gruppe"]}},
    "Seat": {
        "allOf": [
            {"not": {"required": ["udpeget-af", "valgt-af"]}},
            {"if": {"properties": {"direkte-valg": {"const": True, "description": "Direkte valg."}},
                    "required": ["direkte-valg"]},
             "then": {"not": {"anyOf": [{"required": ["udpeget-af"]}, {"required": ["valgt-af"]}]}},
             "else": {"not": {"required": ["vælgere"]}}},
        ],
        "dependentRequired": {"hver-fra-sin": ["for-hver"], "vælgere": ["direkte-valg"]},
    },
    "Alternates": {"not": {
        "properties": {"personlige": {"const": True, "description": "Personlige."},
                       "fælles": {"const": True, "description": "Fælles."}},
        "required": ["personlige", "fælles"]}},
    "RelativeTiming": {"not": {"required": ["uger", "dage"]}},
    "Count": {"allOf": [
        {"anyOf": [{"required": ["mindst"]}, {"required": ["højst"]}, {"required": ["uangivet"]}]},
        {"not": {"required": ["uangivet", "mindst"]}},
        {"not": {"required": ["uangivet", "højst"]}},
    ]},
    "OtherOfficer": {"not": {"required": ["plads", "gruppe"]}},
    "Chair": {"allOf": [
        {"not": {"required": ["formand", "medformænd"]}},
        {"if": {"properties": {"ingen": {"const": True, "description": "Ingen formand."}},
                "required": ["ingen"]},
         "then": {"not": {"anyOf": [{"required": [k]} for k in
                                    ("formand", "medformænd", "næstformand", "delt-mellem")]}}},
    ]},
}

#: Numbers in JSON Schema are finite by nature; YAML's .inf is not (the model rejects it too).
FINITE_MAX = 1_000_000

#: The short forms each model's before-validator accepts, besides the mapping form.
COMPACT_FORMS: dict[str, list[dict[str, Any]]] = {
    "Count": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": COUNT_PATTERN},
    ],
    "Frequency": [
        {"type": "number", "minimum": 0, "maximum": FINITE_MAX},
        {"type": "string", "pattern": FREQUENCY_PATTERN},
    ],
    "Duration": [
        {"type": "number", "minimum": 0, "maximum": FINITE_MAX},
        {"type": "string", "pattern": DURATION_PATTERN},
    ],
    "PartialDate": [
        {"type": "integer", "minimum": 1900, "maximum": 2200},
        {"type": "string", "pattern": DATE_PATTERN},
    ],
    "Alternates": [{"type": "boolean"}, {"type": "string"}],
    "Allowed": [{"type": "boolean"}, {"type": "string"}],
    "Deadline": [
        {"type": "integer", "minimum": 0, "maximum": 1000},
        {"type": "string", "pattern": DEADLINE_PATTERN},
    ],
    "Threshold": [
        {"type": "integer", "minimum": 1, "maximum": 10000},
        {"type": "string", "pattern": THRESHOLD_PATTERN},
    ],
    "Quorum": [
        {"type": "integer", "minimum": 1, "maximum": 10000},
        {"type": "string", "pattern": THRESHOLD_PATTERN},
    ],
    "LegalRef": [{"type": "string", "pattern": r"^[^§]*[^\s§][^§]*(?:§.*)?$"}],
    "Urgent": [{"const": True}, {"type": "string"}],
    "Extraordinary": [{"type": "boolean"}, {"type": "string"}],
    "ListSection": [{"type": "array", "items": {"type": "string"}}],
    "Subgroup": [{"type": "string", "pattern": _REF_PATTERN}],
}

#: Extra spellings a party list accepts (see model.charter._parties).
PARTY_ALIASES = sorted(_PARTY_ALIASES)


def _generator():
    from pydantic.json_schema import GenerateJsonSchema

    from kommissorium.model import types as model_types

    class DanishSchema(GenerateJsonSchema):
        """Adds what the validators accept, which pydantic cannot see."""

        def function_before_schema(self, schema):
            inner = super().function_before_schema(schema)
            func = schema.get("function", {}).get("function")
            name = getattr(func, "__name__", "")
            if func is model_types._one_or_many:
                # RefList / TextList: one item or a list of items.
                return {"anyOf": [inner.get("items", {}), inner]}
            if name in ("_quota_list", "_legal_list"):
                return {"anyOf": [inner.get("items", {}), inner]}
            if name == "_months":
                month = {"anyOf": [{"enum": list(model_types.MONTHS_DA)},
                                   {"type": "integer", "minimum": 1, "maximum": 12}]}
                return {"anyOf": [month, {"type": "array", "items": month}]}
            if name == "_parties":
                items = inner.get("items", {})
                return {**inner, "items": {"anyOf": [items, {"enum": PARTY_ALIASES}]}}
            return inner

        def function_after_schema(self, schema):
            inner = super().function_after_schema(schema)
            func = schema.get("function", {}).get("function")
            if func is model_types._check_ref and inner.get("type") == "string":
                return {**inner, "pattern": _REF_PATTERN}
            return inner

    return DanishSchema


def _describe_object(model: str, obj: dict[str, Any]) -> None:
    for key, prop in obj.get("properties", {}).items():
        prop.pop("title", None)
        if "description" not in prop:
            text = FIELD_DESCRIPTIONS.get((model, key)) or KEY_DESCRIPTIONS.get(key)
            if text:
                prop["description"] = text


#: The file kinds with a schema: (model path, title, $id file name, description).
KINDS: dict[str, tuple[str, str, str, str]] = {
    "kommissorium": ("kommissorium.model.charter:Charter", "Kommissorium",
                     "kommissorium.schema.json", ""),
    "medlemmer": ("kommissorium.roster.model:Roster", "Medlemsliste", "medlemmer.schema.json",
                  "Medlemslisten for ét organ (<organ>.medlemmer.yaml ved siden af "
                  "kommissoriet): hvem har hver plads, med poster, datoer og suppleanter."),
    "moeder": ("kommissorium.roster.model:Schedule", "Mødeplan", "moeder.schema.json",
               "Mødeplanen for ét organ (<organ>.moeder.yaml ved siden af kommissoriet): "
               "datoer, klokkeslæt, sted og aflyste møder."),
}
#: Keys a roster refuses (contact data is never published): the schema forbids them too.
_REFUSED_KEYS = ("e-mail", "email", "telefon", "tlf", "mobil")


def build_schema(kind: str = "kommissorium") -> dict[str, Any]:
    """The JSON Schema of a charter file, or of a roster or meeting-plan file (a plain dict,
    stable order)."""
    import importlib

    where, title, file, description = KINDS[kind]
    module, cls = where.split(":")
    model = getattr(importlib.import_module(module), cls)
    raw = model.model_json_schema(by_alias=True, mode="validation",
                                  schema_generator=_generator())
    defs: dict[str, Any] = raw.pop("$defs", {})
    for name, d in defs.items():
        if name in MODEL_DESCRIPTIONS:
            d["description"] = MODEL_DESCRIPTIONS[name]
        _describe_object(name, d)
        for key in _REFUSED_KEYS:
            prop = d.get("properties", {}).get(key)
            if prop is not None and kind != "kommissorium":
                d["properties"][key] = {"not": {}, "description": prop.get("description", "")}
        if name in ("Frequency", "Duration"):
            for prop in d.get("properties", {}).values():
                for alt in prop.get("anyOf", [prop]):
                    if alt.get("type") == "number":
                        alt["maximum"] = FINITE_MAX
        if name in EXTRA_CONSTRAINTS:
            d.update(EXTRA_CONSTRAINTS[name])
        if name in COMPACT_FORMS:
            title_ = d.pop("title", name)
            description_ = d.pop("description", None)
            obj = dict(d)
            wrapped: dict[str, Any] = {"title": title_}
            if description_:
                wrapped["description"] = description_
            wrapped["anyOf"] = [*COMPACT_FORMS[name], obj]
            defs[name] = wrapped
    _describe_object(cls, raw)
    raw.pop("title", None)
    raw["description"] = MODEL_DESCRIPTIONS.get(cls) if kind == "kommissorium" else description
    return {
        "$schema": SCHEMA_URI,
        "$id": f"https://kommissorium.dk/schema/{file}",
        "title": title,
        **raw,
        "$defs": defs,
    }


def schema_text(kind: str = "kommissorium") -> str:
    return json.dumps(build_schema(kind), ensure_ascii=False, indent=2) + "\n"


def schema_path(kind: str = "kommissorium") -> str:
    """Where the schema of a file kind is committed, relative to the repository root."""
    return f"schema/{KINDS[kind][2]}"


def schema_comment(charter_file: Path, repo_root: Path) -> str:
    """The yaml-language-server line for a charter file, with the schema's relative path."""
    rel = os.path.relpath(repo_root / SCHEMA_PATH, charter_file.parent)
    return COMMENT_PREFIX + PurePosixPath(*Path(rel).parts).as_posix()
