"""Names the import knows: the registry, the repository's charters and the bodies of the
document being imported. A name found in a sentence becomes a reference (``plo-nordjylland``,
``nordjylland/koordineringsgruppen``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Known:
    ref: str
    name: str
    kind: str  # registry kind ("kommune", "region", …) or "organ" for a charter
    region: str | None = None
    party: str | None = None


@dataclass
class NameIndex:
    by_name: dict[str, list[Known]] = field(default_factory=dict)
    registry: object = None  # kommissorium.registry.Registry

    def add(self, name: str, known: Known) -> None:
        name = " ".join(name.split())
        if len(name) < 2:
            return
        if known.kind == "organ" and re.search(r"(?:udvalg|råd|forum|sekretariat)$", name):
            # "Praksisplanudvalg" is also written "Praksisplanudvalget"
            self._add(name + ("et" if not name.endswith("forum") else "met"), known)
        self._add(name, known)

    def _add(self, name: str, known: Known) -> None:
        hits = self.by_name.setdefault(name.lower(), [])
        if all(k.ref != known.ref for k in hits):
            hits.append(known)

    def _pattern(self) -> re.Pattern[str]:
        names = sorted(self.by_name, key=len, reverse=True)
        return re.compile(
            r"(?<![\wæøåÆØÅ-])(" + "|".join(re.escape(n) for n in names) + r")(?![\wæøåÆØÅ]|-[\wæøå])",
            re.IGNORECASE,
        )

    def find(self, text: str, region: str | None = None) -> list[tuple[int, int, Known]]:
        """Every known name in the text, longest first, not overlapping."""
        if not self.by_name:
            return []
        if getattr(self, "_pat_size", None) != len(self.by_name):
            self._pat = self._pattern()
            self._pat_size = len(self.by_name)
        out = []
        for m in self._pat.finditer(text):
            name = m[1]
            # Short all-caps names (PLO, KL, FU) must match in capitals.
            hits = self.by_name[name.lower()]
            if len(name) <= 4 and not name.isupper() and any(k.name.isupper() for k in hits):
                continue
            k = self.choose(hits, region)
            if k is not None:
                out.append((m.start(), m.end(), k))
        return out

    def choose(self, hits: list[Known], region: str | None) -> Known | None:
        if len(hits) == 1:
            return hits[0]
        own = [k for k in hits if k.ref.startswith("@")]  # a body of the document being imported
        if len(own) == 1:
            return own[0]
        same = [k for k in hits if region and k.region == region]
        if len(same) == 1:
            return same[0]
        if region is None:  # a national text: national entries first
            national = [k for k in hits if k.region in (None, "landsdaekkende")]
            if len(national) == 1:
                return national[0]
        organs = [k for k in (same or hits) if k.kind == "organ" and k.ref.count("/") == 1]
        if len(organs) == 1:
            return organs[0]
        return None

    def lookup(self, name: str, region: str | None = None) -> Known | None:
        hits = self.by_name.get(" ".join(name.split()).lower())
        return self.choose(hits, region) if hits else None

    def first(self, text: str, region: str | None = None, kinds: tuple[str, ...] = ()) -> Known | None:
        for _, _, k in self.find(text, region):
            if not kinds or k.kind in kinds:
                return k
        return None


def build_index(registry, charters: list[tuple[str, object]]) -> NameIndex:
    """The registry's names and the charters' names (``charters``: (id, Charter))."""
    index = NameIndex(registry=registry)
    for loc in registry.entries.values():
        e = loc.entry
        region = registry.region_of(e.key) or (e.key if e.kind == "land" else None)
        party = registry.party_of(e.key)
        known = Known(e.key, e.name, e.kind, region, party.value if party else None)
        for n in [e.name, *e.other_names]:
            index.add(n, known)
        if e.kind == "kommune":
            index.add(f"{e.name} Kommune", known)
    for cid, c in charters:
        region = registry.region_of(c.area) or c.area
        known = Known(cid, c.name, "organ", region)
        for n in [c.name, *c.other_names] + ([c.short_name] if c.short_name else []):
            index.add(n, known)
    return index
