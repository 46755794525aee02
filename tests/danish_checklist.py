"""The Danish checklist for generated sentences (issue #14), used by the property test, the
corpus-without-tekst test and the defect tests.

``problems(sentence)`` lists what is wrong with one generated sentence: number agreement ("1
møder", "6 kommunalt medlemmer"), doubled punctuation, raw yes/no/true/false words, English
words, "for følger", empty brackets or quotes, «…» instead of »…«, and capitals where Danish
has none (months, weekdays, common nouns used as names mid-sentence).
"""

from __future__ import annotations

import re

from kommissorium.danish.nouns import _is_neuter_adjective, is_definite, is_plural

_ONE = re.compile(r"(?<![\d,.-])(?:1|én|ét)\s+([a-zæøå-]+)", re.IGNORECASE)
_MANY_NEUTER = re.compile(r"(?<![\d,.])(?:[2-9]|\d{2,})\s+([a-zæøå]+t)\s+([a-zæøå-]+)", re.IGNORECASE)
_NUMBER_DEFINITE = re.compile(r"(?<![\d,.-])(?:\d{1,3}|én|ét)\s+([a-zæøå-]+(?:en|et|ne))\b")
_DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|,,|\.\s+\.|,\s*\.|\.\s+,|;\s*\.|:\s*\.|«\.|\s[.,;:](?!\d)")
_RAW = re.compile(r"\b(?:true|false|yes|no|True|False|None|null|nej|ja)\b")
_ENGLISH = re.compile(
    r"\b(?:the|and|with|from|member|members|meeting|meetings|year|years|chair|per year|"
    r"quorum|none)\b", re.IGNORECASE)
_EMPTY = re.compile(r"\(\s*\)|»\s*«|\[\s*\]")
_MONTHS = ("Januar|Februar|Marts|April|Maj|Juni|Juli|August|September|Oktober|November|"
           "December|Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag")
_CAPS = re.compile(r"(?:(?<=\d\. )|(?<=\d ))(?:" + _MONTHS + r")\b|(?<=[a-zæøå,] )(?:" + _MONTHS + r"|Staten|Regionen|Kommunerne|Formanden|"
                   r"Medlemmerne|Sekretariatet|Næstformanden)\b")
#: Words after "1" that end like a plural but are singular.
_SINGULAR_OK = {"gang", "pr", "time", "uge", "dag", "hverdag"}


def problems(sentence: str) -> list[str]:
    out = []
    for m in _ONE.finditer(sentence):
        word = m[1]
        if word.lower() not in _SINGULAR_OK and is_plural(word) and word.lower() != "pårørende":
            out.append(f"tal og flertal: '{m[0]}'")
    for m in _NUMBER_DEFINITE.finditer(sentence):
        if is_definite(m[1]):
            out.append(f"tal foran bestemt form: '{m[0]}'")
    for m in _MANY_NEUTER.finditer(sentence):
        if _is_neuter_adjective(m[1]) and is_plural(m[2]):
            out.append(f"ental-adjektiv foran flertal: '{m[0]}'")
    if re.search(r"\b1 (møder|gange|medlemmer|faste medlemmer)\b", sentence):
        out.append("'1' med flertal")
    for rx, what in ((_DOUBLED, "dobbelt tegnsætning"), (_RAW, "rå sandhedsværdi"),
                     (_ENGLISH, "engelsk"), (_EMPTY, "tom parentes/citat"), (_CAPS, "stort bogstav")):
        m = rx.search(sentence)
        if m:
            out.append(f"{what}: '{m[0]}'")
    if "for følger" in sentence:
        out.append("'for følger'")
    if "«" in sentence or "“" in sentence:
        out.append("citationstegn skal være »…«")
    return out
