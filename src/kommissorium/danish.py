"""Writing Danish: dates, number words, lists, plurals.

Dates go through Babel's CLDR data for ``da_DK`` ("23. juni 2022", "august 2022"), imported
lazily. Numbers follow the house style in docs: counts of members in digits, other small
numbers as words where the author chose words.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.model.charter import Chair
    from kommissorium.model.types import Frequency, PartialDate

NUMBER_WORDS = {
    0: "nul", 1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks",
    7: "syv", 8: "otte", 9: "ni", 10: "ti", 11: "elleve", 12: "tolv",
}

#: Word → value, for reading numbers in prose (both "en" and "én", "et", "ét").
WORD_NUMBERS = {
    "nul": 0, "en": 1, "én": 1, "et": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
    "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18,
    "nitten": 19, "tyve": 20,
}


def format_date(d: date) -> str:
    """'23. juni 2022' (CLDR long format for da_DK)."""
    from babel.dates import format_date as babel_format

    return babel_format(d, format="long", locale="da_DK")


def format_month(year: int, month: int) -> str:
    """'august 2022'."""
    from babel.dates import format_date as babel_format

    return babel_format(date(year, month, 1), format="MMMM y", locale="da_DK")


def format_partial_date(d: "PartialDate") -> str:
    if d.day and d.month:
        return format_date(date(d.year, d.month, d.day))
    if d.month:
        return format_month(d.year, d.month)
    return str(d.year)


def number(n: float, words: bool = False) -> str:
    """A number as digits ('3', '2,5') or, for 0-12 when asked, as a word ('fire')."""
    if float(n).is_integer():
        i = int(n)
        if words and i in NUMBER_WORDS:
            return NUMBER_WORDS[i]
        return str(i)
    return f"{n:g}".replace(".", ",")


def small_number(n: float, one: str = "én") -> str:
    """A whole number 1-9 as a word, other numbers in digits (house style for generated
    sentences): 'fire', '10', '2,5'; ``one`` is the form of 1 ('én gang', 'ét møde')."""
    if float(n).is_integer() and 1 <= n <= 9:
        return one if n == 1 else NUMBER_WORDS[int(n)]
    return number(n)


def join(items: Iterable[str], conjunction: str = "og") -> str:
    """'A, B og C'."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def plural(n: float, singular: str, plural_form: str) -> str:
    return singular if n == 1 else plural_form


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


_ARTICLES = ("Det", "Den", "De")


def in_sentence(name: str) -> str:
    """A body's name as written inside a sentence.

    A descriptive name that starts with an article and a lower-case word loses the capital
    ('Det politiske niveau i …' → 'det politiske niveau i …'); a proper name whose next word
    is capitalised keeps it ('Det Administrative Kontaktforum')."""
    words = name.split(" ", 2)
    if len(words) >= 2 and words[0] in _ARTICLES and words[1][:1].islower():
        return name[:1].lower() + name[1:]
    return name


# -- nouns and roles -----------------------------------------------------------------------------

#: Irregular plurals, matched at the end of a word so compounds follow ("udvalgsformand").
_PLURAL_ENDINGS: dict[str, str] = {
    "medlem": "medlemmer", "formand": "formænd", "mand": "mænd", "borgmester": "borgmestre",
    "barn": "børn", "pårørende": "pårørende", "ende": "ende", "deltager": "deltagere",
    "leder": "ledere", "medarbejder": "medarbejdere", "borger": "borgere",
    "repræsentant": "repræsentanter", "sekretær": "sekretærer", "konsulent": "konsulenter",
}
#: Adjective endings that take -e in the plural ("regional kontorchef" → "regionale kontorchefer").
_ADJECTIVE_ENDINGS = ("al", "ig", "iv", "isk", "ant", "ent", "ær", "el", "ær", "ensk", "ansk")
#: Words that start the part of a role after its head noun ("repræsentant for patienter").
_ROLE_TAIL = re.compile(
    r"\s(?=(?:for|fra|i|til|med|af|inden|på|blandt|under|hos|uden)\s)|\s?(?=\()"
)


def plural_noun(word: str) -> str:
    """The plural of one Danish noun: 'direktør' → 'direktører', 'læge' → 'læger'."""
    lower = word.lower()
    for ending in sorted(_PLURAL_ENDINGS, key=len, reverse=True):
        if lower.endswith(ending):
            return word[: len(word) - len(ending)] + _PLURAL_ENDINGS[ending]
    if lower.endswith("e"):
        return word + "r"
    if lower.endswith("er") and len(lower) > 4:
        return word + "e"
    return word + "er"


def _plural_adjective(word: str) -> str:
    lower = word.lower()
    if lower.endswith(_ADJECTIVE_ENDINGS) and not lower.endswith("e"):
        return word + "e"
    return word


def plural_role(role: str) -> str:
    """The plural of a role: 'regional kontorchef' → 'regionale kontorchefer',
    'repræsentant for patienter' → 'repræsentanter for patienter'."""
    role = role.strip()
    m = _ROLE_TAIL.search(role)
    head, tail = (role[: m.start()], role[m.start():]) if m else (role, "")
    words = head.split(" ")
    if not words or not words[-1]:
        return role
    words[-1] = plural_noun(words[-1])
    words[:-1] = [_plural_adjective(w) for w in words[:-1]]
    return " ".join(words) + tail


def is_definite(role: str) -> bool:
    """Whether a role names one particular office or body ('formanden for KOSU',
    'sundhedssekretariatet', 'KKR-sekretariatet') rather than a kind of member ('læge')."""
    first = role.strip().split(" ", 1)[0].lower()
    if first in ("den", "det", "de"):
        return True
    return len(first) > 4 and first.endswith(("en", "et", "ne"))


def role_for(n: float | None, role: str) -> str:
    """'1 direktør' / '3 direktører': the role in the number that fits."""
    return role if n == 1 else plural_role(role)


# -- counts and meetings -------------------------------------------------------------------------

def count_text(low: int | None, high: int | None) -> str:
    """A member count: '3', '2-4', 'op til 3', 'mindst 2'."""
    if low is not None and high is not None:
        if low == high:
            return str(low)
        if low == 0:
            return f"op til {high}"
        return f"{low}-{high}"
    if high is not None:
        return f"op til {high}"
    return f"mindst {low or 0}"


def times_text(n: float) -> str:
    """'én gang', 'fire gange', '14 gange'."""
    return "én gang" if n == 1 else f"{small_number(n)} gange"


def meetings_text(minimum: float | None, maximum: float | None,
                  approximately: float | None) -> str:
    """A number of meetings: '4 møder', 'mindst 2 møder', '3-4 møder', 'ca. 10 møder',
    'mindst 4, typisk ca. 6 møder', 'ca. 6, højst 8 møder'; '' when no number is given."""
    def n_(x: float) -> str:
        return number(x)

    # One number alone is written as a word when it is 1-9: 'to møder', 'ca. ét møde'.
    single = [x for x in (minimum, maximum, approximately) if x is not None]
    if len(set(single)) == 1:
        x = single[0]
        word = small_number(x, one="ét")
        if minimum is not None and maximum is not None:
            prefix = ""
        elif minimum is not None:
            prefix = "mindst "
        elif maximum is not None:
            prefix = "højst "
        else:
            prefix = "ca. "
        return f"{prefix}{word} {plural(x, 'møde', 'møder')}"
    if approximately is not None:
        last = approximately
        core = f"ca. {n_(approximately)}"
        if minimum is not None and maximum is not None and minimum != maximum:
            core = f"{n_(minimum)}-{n_(maximum)}, typisk {core}"
        elif minimum is not None:
            core = f"mindst {n_(minimum)}, typisk {core}"
        elif maximum is not None:
            core = f"{core}, højst {n_(maximum)}"
    elif minimum is not None and maximum is not None:
        last = maximum
        core = n_(minimum) if minimum == maximum else f"{n_(minimum)}-{n_(maximum)}"
    elif minimum is not None:
        last, core = minimum, f"mindst {n_(minimum)}"
    elif maximum is not None:
        last, core = maximum, f"højst {n_(maximum)}"
    else:
        return ""
    return f"{core} {plural(last, 'møde', 'møder')}"


def meetings_per_year_text(minimum: float | None, maximum: float | None,
                           approximately: float | None, on_demand: bool = False) -> str:
    """'mindst fire gange årligt', 'ca. 10 møder årligt', '3-4 møder årligt', '4 møder årligt',
    'mindst 4, typisk ca. 6 møder årligt', each with ' og efter behov' when so; 'efter behov'
    alone."""
    if minimum is not None and maximum is None and approximately is None:
        core = f"mindst {times_text(minimum)} årligt"
    else:
        core = meetings_text(minimum, maximum, approximately)
        core = f"{core} årligt" if core else ""
    if on_demand:
        return f"{core} og efter behov" if core else "efter behov"
    return core


def _hours(n: float) -> str:
    """'en times', 'en halv times', 'halvanden times', 'to timers', '2,5 timers', '10 timers'."""
    if n == 0.5:
        return "en halv times"
    if n == 1:
        return "en times"
    if n == 1.5:
        return "halvanden times"
    return f"{small_number(n)} timers"


def hours_text(minimum: float | None, maximum: float | None, approximately: float | None) -> str:
    """'2-3 timers', 'ca. to timers', 'en times', 'en halv times' (as in 'af 2-3 timers
    varighed'); a range keeps its digits."""
    if approximately is not None:
        return f"ca. {_hours(approximately)}"
    if minimum is not None and maximum is not None and minimum != maximum:
        return f"{number(minimum)}-{number(maximum)} timers"
    if minimum is not None and maximum is None:
        return f"mindst {_hours(minimum)}"
    value = minimum if minimum is not None else maximum
    if value is None:
        return ""
    prefix = "op til " if minimum is None else ""
    return f"{prefix}{_hours(value)}"


def days_before_text(days: int) -> str:
    """'én uge', 'to uger', '5 dage', 'én dag'."""
    if days and days % 7 == 0:
        weeks = days // 7
        return "én uge" if weeks == 1 else f"{number(weeks, words=True)} uger"
    if days == 1:
        return "én dag"
    return f"{number(days, words=days <= 10)} dage"


def sentence(text: str) -> str:
    """Capitalised, with a full stop unless it already ends in punctuation."""
    text = " ".join(text.split())
    if not text:
        return text
    text = capitalize(text)
    return text if text[-1] in ".!?:" else text + "."


def paragraphs(text: str | None) -> list[str]:
    """Prose split into paragraphs at blank lines; line breaks inside a paragraph become spaces."""
    if not text:
        return []
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


#: Body type (charter `type`) → its name in a document ("Fagligt strategisk niveau", as in
#: sundhedsloven § 203). One place, so documents, diagram and website say the same.
BODY_TYPE_NAMES: dict[str, str] = {
    "politisk": "Politisk niveau",
    "administrativ": "Administrativt niveau",
    "fagligt-strategisk": "Fagligt strategisk niveau",
    "udvalg": "Udvalg",
    "forum": "Forum",
    "netværk": "Netværk",
    "arbejdsgruppe": "Arbejdsgruppe",
    "sekretariat": "Sekretariat",
}

#: Body type → heading of a group of such bodies, in the order diagram and front page show them.
BODY_TYPE_GROUPS: dict[str, str] = {
    "politisk": "Politisk niveau",
    "administrativ": "Administrativt niveau",
    "fagligt-strategisk": "Fagligt strategisk niveau",
    "udvalg": "Udvalg",
    "forum": "Fora",
    "netværk": "Netværk",
    "arbejdsgruppe": "Arbejdsgrupper",
    "sekretariat": "Sekretariater",
}


# -- changes between two versions of a charter (diff) and relations (graph) --------------------

#: Relation (charter ``relationer`` attribute) → its wording as an edge: "refererer til X".
RELATION_LABELS: dict[str, str] = {
    "refers_to": "refererer til",
    "prepares_for": "forbereder for",
    "recommends_to": "indstiller til",
    "annual_status_to": "årlig status til",
    "tasks_from": "opgaver fra",
    "coordinates_with": "koordinerer med",
    "appointed_by": "udpeges af",
    "part_of": "del af",
    "extends": "udbygger",
    "subgroup": "undergruppe af",
    "members_of": "medlemmer fra",
}

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
}

#: A seat group (its Danish key) → what one seat of it is called in a change.
SEAT_NOUNS: dict[str, str] = {"medlemmer": "plads", "deltagere": "deltager",
                              "observatører": "observatør"}

#: The parties a chair can be shared between, in the definite form.
PARTY_NOUNS: dict[str, str] = {
    "kommuner": "kommunerne", "region": "regionen", "almen-praksis": "almen praksis",
    "patienter": "patienterne", "stat": "staten", "andet": "andre",
}

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
    "medlemstal-nyt": "I alt {new} faste medlemmer.",
    "medlemstal-fjernet": "Før {old} faste medlemmer; nu ingen angivet.",
    "medlemstal": "I alt fra {old} til {new} faste medlemmer.",
    "medlemstal-fortsat": "I alt fortsat {new} faste medlemmer.",
    "format": "Kun formatering eller kommentarer er ændret.",
    "fjernet": "Kommissoriet for {name} fjernes.",
}


def change_sentence(kind: str, **fields: str) -> str:
    """The sentence for a change of ``kind``; ``Noun``/``Section`` are ``noun``/``section``
    with a capital."""
    for key in ("noun", "section"):
        if key in fields:
            fields[key.capitalize()] = capitalize(fields[key])
    return CHANGE_SENTENCES[kind].format(**fields)


def added_charter_sentence(name: str, kind: str, area: str, members: str | None,
                           frequency: str | None) -> str:
    """'Nyt kommissorium: X (udvalg, Region Nordjylland) med 9 faste medlemmer; 4 møder årligt.'"""
    text = f"Nyt kommissorium: {name} ({kind}, {area})"
    if members:
        text += f" med {members} faste medlemmer"
    if frequency:
        text += f"; {frequency}"
    return text + "."


def _frequency_count(f: "Frequency") -> str:
    if f.minimum is not None and f.maximum is not None:
        text = (number(f.minimum) if f.minimum == f.maximum
                else f"{number(f.minimum)}-{number(f.maximum)}")
    elif f.minimum is not None:
        text = f"mindst {number(f.minimum)}"
    elif f.maximum is not None:
        text = f"højst {number(f.maximum)}"
    elif f.approximately is not None:
        text = f"ca. {number(f.approximately)}"
    else:
        return ""
    return f"som udgangspunkt {text}" if f.as_a_rule else text


def frequency_text(f: "Frequency | None") -> str:
    """'4 møder årligt', 'ca. 10 møder årligt og derudover efter behov', 'møder efter behov'."""
    if f is None:
        return "ingen angivet mødefrekvens"
    count = _frequency_count(f)
    if not count:
        return "møder efter behov"
    text = f"{count} møder årligt"
    return f"{text} og derudover efter behov" if f.on_demand else text


def frequency_change(old: "Frequency | None", new: "Frequency | None") -> str:
    """'Mødefrekvensen ændres fra 4 til 6 møder årligt.'"""
    if old is None:
        return f"Mødefrekvensen fastsættes til {frequency_text(new)}."
    if new is None:
        return f"Mødefrekvensen ({frequency_text(old)}) fjernes."
    oc, nc = _frequency_count(old), _frequency_count(new)
    if oc and nc and not old.on_demand and not new.on_demand:
        return f"Mødefrekvensen ændres fra {oc} til {nc} møder årligt."
    return f"Mødefrekvensen ændres fra {frequency_text(old)} til {frequency_text(new)}."


def chair_text(chair: "Chair | None", name_of: "Callable[[str], str]") -> str:
    """'delt mellem kommunerne og regionen; formand: borgmester fra Aalborg Kommune'."""
    if chair is None:
        return "intet formandskab angivet"
    parts = []
    if chair.shared_between:
        parts.append("delt mellem " + join(PARTY_NOUNS.get(p.value, p.value)
                                           for p in chair.shared_between))
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
        parts.append(chair.text)
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
