"""Names in running text: bodies and registry entries as a sentence writes them.

The registry holds a name ("København") and, where the proper form is not simply built from it,
its full name (``fuldt-navn: Københavns Kommune``, ``Bornholms Regionskommune``). Nothing here
concatenates "Kommune" onto a name when the registry says otherwise.

- ``in_sentence(name)``: 'Det politiske niveau i …' → 'det politiske niveau i …'; 'Staten' →
  'staten'; a proper name keeps its capitals ('Det Administrative Kontaktforum').
- ``proper_name(entry)``: 'Hjørring Kommune', 'Københavns Kommune', 'Region Nordjylland'.
- ``genitive(name)``: 'Københavns Kommunes', 'Aarhus'', 'Region Nordjyllands'.
- ``kommune_list(entries)``: 'Hjørring, Brønderslev og Læsø kommuner',
  'Københavns og Frederiksberg kommuner samt Bornholms Regionskommune'.
- ``Names(cs)``: the same for references in a ``CharterSet`` (charter ids and registry keys).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from kommissorium.danish.lists import join

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet

_ARTICLES = ("Det", "Den", "De")

#: Definite common nouns used as names: written in lower case inside a sentence.
COMMON_BODIES = {
    "staten", "regionen", "regionerne", "kommunen", "kommunerne", "regionsrådet", "byrådet",
    "kommunalbestyrelsen", "kommunalbestyrelserne", "borgerrepræsentationen", "praksis",
    "almen praksis", "forretningsudvalget", "sekretariatet", "formandskabet",
}


def in_sentence(name: str) -> str:
    """A body's name as written inside a sentence.

    A descriptive name that starts with an article and a lower-case word loses the capital
    ('Det politiske niveau i …' → 'det politiske niveau i …'); a common noun used as a name
    does too ('Staten' → 'staten'); a proper name whose next word is capitalised keeps it
    ('Det Administrative Kontaktforum')."""
    words = name.split(" ", 2)
    if len(words) >= 2 and words[0] in _ARTICLES and words[1][:1].islower():
        return name[:1].lower() + name[1:]
    if name.lower() in COMMON_BODIES and name[1:2].islower():
        return name[:1].lower() + name[1:]
    # 'Regionsrådet i Region Nordjylland', 'Byrådet i Aalborg Kommune': a common noun and a place
    if len(words) >= 3 and words[0].lower() in COMMON_BODIES and words[1] in ("i", "for"):
        return name[:1].lower() + name[1:]
    return name


def genitive(name: str) -> str:
    """'Københavns Kommunes', 'Region Nordjyllands', 'Aarhus'' (after s, x, z: an apostrophe)."""
    if not name:
        return name
    if name[-1].lower() in "sxz":
        return name + "'"
    return name + "s"


def proper_name(entry: Any) -> str:
    """A registry entry's proper name: its ``fuldt-navn`` when set ('Københavns Kommune',
    'Bornholms Regionskommune'), else '<navn> Kommune' for a kommune, else its name."""
    full = getattr(entry, "full_name", None)
    if full:
        return full
    if getattr(entry, "kind", None) == "kommune":
        return f"{entry.name} Kommune"
    return entry.name


def kommune_list(entries: Iterable[Any]) -> str:
    """Kommuner named together: 'Læsø Kommune'; 'Hjørring, Brønderslev og Læsø kommuner';
    'Københavns og Frederiksberg kommuner samt Bornholms Regionskommune'."""
    entries = list(entries)
    if len(entries) == 1:
        return proper_name(entries[0])
    stems, others = [], []
    for e in entries:
        full = proper_name(e)
        if full.endswith(" Kommune"):
            stems.append(full[: -len(" Kommune")])
        else:
            others.append(full)
    if not stems:
        return join(others)
    head = join(stems) + (" Kommune" if len(stems) == 1 else " kommuner")
    return f"{head} samt {join(others)}" if others else head


class Names:
    """Names of references (charter ids and registry keys) as a sentence writes them."""

    def __init__(self, cs: "CharterSet"):
        self.cs = cs

    def ref(self, ref: str | None) -> str:
        """'Hjørring Kommune', 'PLO-Nordjylland', 'det politiske niveau i …', 'staten'."""
        if not ref:
            return ""
        if ref not in self.cs.by_id:
            entry = self.cs.registry.get(ref)
            if entry is not None:
                return in_sentence(proper_name(entry))
        return in_sentence(self.cs.name_of(ref))

    def refs(self, refs: Iterable[str]) -> str:
        """'A, B og C' of references; kommuner alone are named together ('… kommuner')."""
        refs = list(refs)
        entries = [self.cs.registry.get(r) if r not in self.cs.by_id else None for r in refs]
        if len(refs) > 1 and all(e is not None and e.kind == "kommune" for e in entries):
            return kommune_list(entries)
        return join(self.ref(r) for r in refs)
