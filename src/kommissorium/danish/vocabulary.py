"""Fixed words about charters: body types, parties, units, section headings, document kinds.

One table per notion, so documents, diagram, website, diff and rule messages say the same.
"""

from __future__ import annotations

#: Body type (charter `type`) → its name in a document ("Fagligt strategisk niveau", as in
#: sundhedsloven § 203).
BODY_TYPE_NAMES: dict[str, str] = {
    "politisk": "Politisk niveau",
    "administrativ": "Administrativt niveau",
    "fagligt-strategisk": "Fagligt strategisk niveau",
    "udvalg": "Udvalg",
    "forum": "Forum",
    "netværk": "Netværk",
    "arbejdsgruppe": "Arbejdsgruppe",
    "sekretariat": "Sekretariat",
    "råd": "Råd",
    "bestyrelse": "Bestyrelse",
    "stående-udvalg": "Stående udvalg",
    "særligt-udvalg": "Særligt udvalg",
    "sundhedsråd": "Sundhedsråd",
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
    "sundhedsråd": "Sundhedsråd",
    "stående-udvalg": "Stående udvalg",
    "særligt-udvalg": "Særlige udvalg",
    "råd": "Råd",
    "bestyrelse": "Bestyrelser",
}


def body_type_name(value: str) -> str:
    """'Fagligt strategisk niveau'; an unknown type as written, capitalised."""
    return BODY_TYPE_NAMES.get(value, value[:1].upper() + value[1:])


#: Party (``delt-mellem``, ``part``) → its name inside a sentence ("delt mellem kommunerne og
#: regionen", "pladser for almen praksis").
PARTIES: dict[str, str] = {
    "kommuner": "kommunerne",
    "region": "regionen",
    "almen-praksis": "almen praksis",
    "patienter": "patienterne",
    "stat": "staten",
    "andet": "andre parter",
}


def party_name(value: object) -> str:
    """A party (enum or its value) in running text: 'kommunerne', 'almen praksis'."""
    key = getattr(value, "value", value)
    return PARTIES.get(str(key), str(key))


#: Unit a seat is expanded over (``for-hver``) → (singular, plural).
UNIT_NOUNS: dict[str, tuple[str, str]] = {
    "kommune": ("kommune", "kommuner"),
    "klynge": ("sundhedsklynge", "sundhedsklynger"),
    "region": ("region", "regioner"),
    "sundhedsråd": ("sundhedsråd", "sundhedsråd"),
}


def unit_noun(value: object, n: int = 1) -> str:
    one, many = UNIT_NOUNS[str(getattr(value, "value", value))]
    return one if n == 1 else many


#: Standard sections in the order a kommissorium has them, with their default headings.
SECTION_HEADINGS: dict[str, str] = {
    "baggrund": "Baggrund",
    "formål": "Formål",
    "principper": "Principper",
    "opgaver": "Opgaver",
    "sammensætning": "Sammensætning",
    "formandskab": "Formandskab",
    "sekretariat": "Sekretariatsbetjening",
    "møder": "Mødefrekvens",
    "beslutninger": "Beslutninger",
    "referat": "Referat",
    "relationer": "Samspil med andre organer",
    "offentliggørelse": "Offentliggørelse",
    "vedtagelse": "Vedtagelse og ikrafttræden",
}

#: Document kind (charter `dokument`) → its word in a title and running header
#: ("Forretningsorden for …").
DOCUMENT_KIND_TITLES: dict[str, str] = {
    "kommissorium": "Kommissorium",
    "forretningsorden": "Forretningsorden",
    "vedtægt": "Vedtægt",
}
#: The word a document uses for itself in running text ('Kommissoriet offentliggøres …').
DOCUMENT_SELF: dict[str, str] = {
    "kommissorium": "kommissoriet",
    "forretningsorden": "forretningsordenen",
    "vedtægt": "vedtægten",
}


def document_kind(value: object | None) -> str:
    key = str(getattr(value, "value", value) or "kommissorium")
    return key if key in DOCUMENT_KIND_TITLES else "kommissorium"


def document_title(kind: object | None, name_in_sentence: str) -> str:
    """'Kommissorium for Strategisk Sundhedsforum', 'Forretningsorden for Ældrerådet i …'."""
    return f"{DOCUMENT_KIND_TITLES[document_kind(kind)]} for {name_in_sentence}"


def document_self(kind: object | None) -> str:
    """'kommissoriet', 'forretningsordenen', 'vedtægten'."""
    return DOCUMENT_SELF[document_kind(kind)]


def running_header(kind: object | None) -> str:
    """'Kommissorium', 'Forretningsorden', 'Vedtægt'."""
    return DOCUMENT_KIND_TITLES[document_kind(kind)]


#: Relation (model attribute, as the diagram draws it) → the edge's label: "refererer til X".
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
    "advises": "rådgiver",
    "gives_input_to": "giver input til",
    "sets_direction_for": "sætter retning for",
    "board_of": "bestyrelse for",
    "delegates_to": "delegerer til",
}
