"""Nouns and adjectives: plurals and agreement of roles written by charter authors.

A role (``rolle``) is written in the singular ("regional kontorchef", "repræsentant for
patienter") or, by some authors, already in the plural ("medlemmer", "inviterede gæster").
``role_for(n, role)`` gives the form that agrees with a number: "1 kommunalt medlem",
"6 kommunale medlemmer", "2 socialt udsatte borgere", "4 øvrige byrådsmedlemmer",
"3 andre personer". Words are matched at their end so compounds follow
("udvalgsformand" → "udvalgsformænd").
"""

from __future__ import annotations

import re

#: Irregular plurals, matched at the end of a word so compounds follow ("udvalgsformand").
_PLURAL_ENDINGS: dict[str, str] = {
    "medlem": "medlemmer", "formand": "formænd", "mand": "mænd", "borgmester": "borgmestre",
    "barn": "børn", "pårørende": "pårørende", "ende": "ende", "deltager": "deltagere",
    "leder": "ledere", "medarbejder": "medarbejdere", "borger": "borgere",
    "repræsentant": "repræsentanter", "sekretær": "sekretærer", "konsulent": "konsulenter",
    "bruger": "brugere", "forsker": "forskere", "fisker": "fiskere", "lærer": "lærere",
    "politiker": "politikere", "behandler": "behandlere", "koordinator": "koordinatorer",
    "person": "personer", "gæst": "gæster", "øje": "øjne", "sted": "steder",
}
#: Plural endings (compounds follow): a role already written in the plural stays as it is.
_PLURAL_FORMS = tuple(sorted({
    *(v for k, v in _PLURAL_ENDINGS.items() if k != v),
    "læger", "sygeplejersker", "jordemødre", "tandlæger", "parter", "aktører",
}, key=len, reverse=True))
#: Stems that take -er in the plural ("repræsentant-er", "direktør-er", "person-er"); a word
#: made of such a stem and "-er" is already plural.
_ER_PLURAL_STEMS = ("nt", "st", "ør", "on", "ef", "ær", "rt", "kt", "og", "ist", "ion", "ik",
                    "at", "ut", "it", "or")
#: Words that are never the head noun's plural ("udsatte borgere": 'udsatte' is an adjective).
_INVARIABLE = {"fælles", "praktiserende", "pårørende", "ledende", "administrerende", "andre",
               "øvrige", "nuværende", "tidligere", "faste", "forskellige"}
#: Irregular adjective plurals.
_ADJ_PLURAL = {"anden": "andre", "andet": "andre", "lille": "små", "egen": "egne",
               "eget": "egne", "ny": "nye", "nyt": "nye", "god": "gode", "godt": "gode"}
#: Endings of adjectives in their common-gender form ('regional', 'faglig', 'medicinsk').
_ADJ_ENDINGS = ("al", "ig", "iv", "isk", "ant", "ent", "ær", "el", "ensk", "ansk", "ær", "ær",
                "bar", "lig", "sk", "ær", "ør")
#: Words that start the part of a role after its head noun ("repræsentant for patienter").
_ROLE_TAIL = re.compile(
    r"\s(?=(?:for|fra|i|til|med|af|inden|på|blandt|under|hos|uden|som|der|med)\s)|\s?(?=\()"
)
#: Words that look definite by their ending but are not ('anden person', 'almen praksis').
_NOT_DEFINITE = {"anden", "almen", "egen", "eksamen", "inviteret", "udpeget", "valgt",
                 "ansat", "ekstern", "intern", "moderne"}


def is_plural(word: str) -> bool:
    """Whether a noun is already in the plural ('medlemmer', 'repræsentanter', 'gæster')."""
    lower = word.lower()
    if lower.endswith(_PLURAL_FORMS):
        return True
    if lower.endswith("ere") and len(lower) > 5:
        return True
    if lower.endswith("er") and len(lower) > 4:
        stem = lower[:-2]
        if any(lower.endswith(k) for k in _PLURAL_ENDINGS if k.endswith("er")):
            return False  # 'borger', 'leder': singular nouns in -er
        return stem.endswith(_ER_PLURAL_STEMS)
    return False


def plural_noun(word: str) -> str:
    """The plural of one Danish noun: 'direktør' → 'direktører', 'læge' → 'læger';
    a plural stays as it is ('medlemmer')."""
    if is_plural(word):
        return word
    lower = word.lower()
    for ending in sorted(_PLURAL_ENDINGS, key=len, reverse=True):
        if lower.endswith(ending):
            return word[: len(word) - len(ending)] + _PLURAL_ENDINGS[ending]
    if lower.endswith("e"):
        return word + "r"
    if lower.endswith("er") and len(lower) > 4:
        return word + "e"
    return word + "er"


def _is_neuter_adjective(word: str) -> bool:
    """'regionalt', 'kommunalt', 'øvrigt', 'medicinsk­t': an adjective's -t form."""
    lower = word.lower()
    return lower.endswith("t") and lower[:-1].endswith(_ADJ_ENDINGS)


def plural_adjective(word: str) -> str:
    """'regional' → 'regionale', 'kommunalt' → 'kommunale', 'udsat' → 'udsatte',
    'inviteret' → 'inviterede', 'valgt' → 'valgte', 'anden' → 'andre'."""
    lower = word.lower()
    if lower in _ADJ_PLURAL:
        return _ADJ_PLURAL[lower]
    if lower in _INVARIABLE or lower.endswith("e") or lower.endswith("s") or word[:1].isupper():
        return word
    if lower.endswith("sat"):
        return word + "te"  # 'udsat', 'ansat', 'nedsat' (participles of 'sætte')
    if lower.endswith(("eret", "get", "det", "vet")) and len(lower) > 5:
        return word[:-1] + "de"  # participles: 'inviteret' → 'inviterede', 'udpeget' → 'udpegede'
    if _is_neuter_adjective(word):
        return word[:-1] + "e"  # 'kommunalt' → 'kommunale'
    if lower.endswith("mt"):
        return word + "e"
    return word + "e"


def _modifier_plurals(words: list[str]) -> list[str]:
    """The words before a head noun in the plural. The word next to the noun is an adjective;
    an earlier word in -t is an adverb ('socialt udsatte') unless the next word is a neuter
    adjective too ('nyt regionalt medlem' → 'nye regionale medlemmer')."""
    out = list(words)
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if i < len(words) - 1 and w.lower().endswith("t") and not _is_neuter_adjective(words[i + 1]):
            continue  # an adverb: 'socialt', 'særligt', 'kommunalt' (valgt)
        if w.lower() in ("og", "eller") or not w[:1].isalpha():
            continue
        out[i] = plural_adjective(w)
    return out


def _split_role(role: str) -> tuple[str, str]:
    m = _ROLE_TAIL.search(role)
    return (role[: m.start()], role[m.start():]) if m else (role, "")


def plural_role(role: str) -> str:
    """The plural of a role: 'regional kontorchef' → 'regionale kontorchefer',
    'repræsentant for patienter' → 'repræsentanter for patienter', 'socialt udsat borger' →
    'socialt udsatte borgere', 'medlemmer' → 'medlemmer'."""
    role = " ".join(role.split())
    head, tail = _split_role(role)
    words = head.split(" ")
    if not words or not words[-1]:
        return role
    if is_plural(words[-1]):
        return role
    words[-1] = plural_noun(words[-1])
    words[:-1] = _modifier_plurals(words[:-1])
    return " ".join(words) + tail


def singular_role(role: str) -> str:
    """Best effort singular of a role written in the plural ('medlemmer' → 'medlem'); the role
    itself when it is singular. Used for '1 …' when an author wrote the plural."""
    role = " ".join(role.split())
    head, tail = _split_role(role)
    words = head.split(" ")
    last = words[-1] if words else ""
    if not last or not is_plural(last):
        return role
    lower = last.lower()
    for sing, plur in sorted(_PLURAL_ENDINGS.items(), key=lambda kv: len(kv[1]), reverse=True):
        if sing != plur and lower.endswith(plur):
            words[-1] = last[: len(last) - len(plur)] + sing
            return " ".join(words) + tail
    return role


def is_definite(role: str) -> bool:
    """Whether a role names one particular office or body ('formanden for KOSU',
    'sundhedssekretariatet', 'borgmesteren') rather than a kind of member ('læge',
    'anden person', 'inviteret gæst')."""
    role = " ".join(role.split())
    first = role.split(" ", 1)[0].lower()
    if first in ("den", "det", "de"):
        return True
    head, _ = _split_role(role)
    noun = head.split(" ")[-1].lower() if head else first
    if noun in _NOT_DEFINITE or first in _NOT_DEFINITE and noun == first:
        return False
    return len(noun) > 4 and noun.endswith(("en", "et", "ne"))


def role_for(n: float | None, role: str) -> str:
    """The role in the number that fits: '1 direktør' / '3 direktører'."""
    return singular_role(role) if n == 1 else plural_role(role)


def plural(n: float, singular: str, plural_form: str) -> str:
    """The form that agrees with ``n``: plural(1, 'møde', 'møder') → 'møde'."""
    return singular if n == 1 else plural_form
