"""Dated reference data: regions, kommuner, sundhedsklynger, hospitals, organisations.

National defaults ship in ``registry/data/*.yaml``; a repository adds its own entries in
``charters/_register/*.yaml`` (same format). Every entry may carry ``gyldig: {fra, til}`` so that
2017, 2022 and 2027 structures live side by side; queries take the date to ask about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from pydantic import Field

from kommissorium.load.yaml import LoadedDocument, SourceMap, load_file, load_text
from kommissorium.model.charter import Party
from kommissorium.model.types import PartialDate, Ref, RefList, Strict, TextList, Validity
from kommissorium.model.validate import validate_model
from kommissorium.problems import Problem

KINDS = ("land", "region", "kommune", "klynge", "hospital", "organisation")


class Entry(Strict):
    key: Ref = Field(alias="nøgle")
    name: str = Field(alias="navn", min_length=1)
    kind: str = Field("organisation", alias="art")
    code: int | None = Field(None, alias="kode")
    region: Ref | None = Field(None, alias="region")
    area: Ref | None = Field(None, alias="område")
    party: Party | None = Field(None, alias="part")
    other_names: TextList = Field(default_factory=list, alias="andre-navne")
    kommuner: RefList = Field(default_factory=list, alias="kommuner")
    shared_kommuner: dict[Ref, str] = Field(default_factory=dict, alias="delte-kommuner")
    hospital: Ref | None = Field(None, alias="hospital")
    valid: Validity | None = Field(None, alias="gyldig")
    replaced_by: Ref | None = Field(None, alias="erstattet-af")
    note: str | None = Field(None, alias="note")

    def valid_at(self, when: date | None) -> bool:
        if when is None or self.valid is None:
            return True
        if self.valid.start is not None and when < self.valid.start.first_day:
            return False
        if self.valid.end is not None and when > self.valid.end.last_day:
            return False
        return True

    def period(self) -> str:
        from kommissorium.danish import format_partial_date

        if self.valid is None:
            return ""
        start = format_partial_date(self.valid.start) if self.valid.start else ""
        end = format_partial_date(self.valid.end) if self.valid.end else ""
        if start and end:
            return f"{start} til {end}"
        return f"fra {start}" if start else f"til {end}"


class RegistryFile(Strict):
    areas: list[Entry] = Field(default_factory=list, alias="områder")
    regions: list[Entry] = Field(default_factory=list, alias="regioner")
    municipalities: list[Entry] = Field(default_factory=list, alias="kommuner")
    clusters: list[Entry] = Field(default_factory=list, alias="klynger")
    organisations: list[Entry] = Field(default_factory=list, alias="organisationer")


_SECTION_KIND = {
    "areas": "land",
    "regions": "region",
    "municipalities": "kommune",
    "clusters": "klynge",
}


@dataclass
class Located:
    entry: Entry
    file: str
    line: int
    column: int
    source_map: SourceMap | None = None  # positions inside the entry, for rules
    path: tuple = ()  # the entry's YAML path in its file, e.g. ("klynger", 3)

    def at(self, *sub: object) -> tuple[int, int]:
        """Line and column of a key path inside this entry (nearest parent when absent)."""
        if self.source_map is None:
            return self.line, self.column
        return self.source_map.value(self.path + tuple(sub))


@dataclass
class Registry:
    entries: dict[str, Located] = field(default_factory=dict)

    def get(self, key: str) -> Entry | None:
        hit = self.entries.get(key)
        return hit.entry if hit else None

    def where(self, key: str) -> Located | None:
        return self.entries.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def keys(self) -> list[str]:
        return list(self.entries)

    def of_kind(self, kind: str, when: date | None = None) -> list[Entry]:
        return [
            loc.entry
            for loc in self.entries.values()
            if loc.entry.kind == kind and loc.entry.valid_at(when)
        ]

    def region_of(self, key: str) -> str | None:
        entry = self.get(key)
        if entry is None:
            return None
        if entry.kind == "region":
            return entry.key
        if entry.region:
            return entry.region
        if entry.area and entry.area != key:
            return self.region_of(entry.area)
        return None

    def kommuner_in(self, area: str, when: date | None = None) -> list[Entry]:
        """The kommuner of an area (land, region, klynge or kommune) in force at ``when``."""
        entry = self.get(area)
        if entry is None:
            return []
        if entry.kind == "kommune":
            return [entry] if entry.valid_at(when) else []
        if entry.kind == "land":
            return self.of_kind("kommune", when)
        if entry.kind == "region":
            return [k for k in self.of_kind("kommune", when) if k.region == area]
        if entry.kind == "klynge":
            out = []
            for key in list(entry.kommuner) + list(entry.shared_kommuner):
                k = self.get(key)
                if k is not None and k.valid_at(when) and k not in out:
                    out.append(k)
            return out
        return []

    def klynger_in(self, area: str, when: date | None = None) -> list[Entry]:
        entry = self.get(area)
        if entry is None:
            return []
        if entry.kind == "klynge":
            return [entry] if entry.valid_at(when) else []
        if entry.kind == "land":
            return self.of_kind("klynge", when)
        if entry.kind == "region":
            return [k for k in self.of_kind("klynge", when) if k.region == area]
        return []

    def regions_in(self, area: str, when: date | None = None) -> list[Entry]:
        entry = self.get(area)
        if entry is None:
            return []
        if entry.kind == "land":
            return self.of_kind("region", when)
        region = self.region_of(area)
        r = self.get(region) if region else None
        return [r] if r is not None and r.valid_at(when) else []

    def party_of(self, key: str) -> Party | None:
        entry = self.get(key)
        if entry is None:
            return None
        if entry.party is not None:
            return entry.party
        if entry.kind == "kommune":
            return Party.MUNICIPALITIES
        if entry.kind in ("region", "hospital"):
            return Party.REGION
        return None

    def names(self) -> dict[str, str]:
        """Every display name and alternative name → key (for name checks)."""
        out: dict[str, str] = {}
        for loc in self.entries.values():
            for n in [loc.entry.name, *loc.entry.other_names]:
                out.setdefault(n, loc.entry.key)
        return out


def _entries(doc: LoadedDocument) -> tuple[list[Located], list[Problem]]:
    if doc.data is None:
        return [], list(doc.problems)
    parsed, problems = validate_model(RegistryFile, doc.data, doc.source_map, doc.display)
    problems = list(doc.problems) + problems
    if parsed is None:
        return [], problems
    out = []
    for attr, yaml_key in (
        ("areas", "områder"),
        ("regions", "regioner"),
        ("municipalities", "kommuner"),
        ("clusters", "klynger"),
        ("organisations", "organisationer"),
    ):
        for i, entry in enumerate(getattr(parsed, attr)):
            if attr in _SECTION_KIND:
                entry.kind = _SECTION_KIND[attr]
            line, col = doc.source_map.value((yaml_key, i))
            out.append(Located(entry, doc.display, line, col, doc.source_map, (yaml_key, i)))
    return out, problems


@lru_cache(maxsize=1)
def _packaged() -> tuple[tuple[Located, ...], tuple[Problem, ...]]:
    located: list[Located] = []
    problems: list[Problem] = []
    data_dir = resources.files("kommissorium.registry") / "data"
    for item in sorted(data_dir.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        doc = load_text(item.read_text(encoding="utf-8"), Path(item.name), f"<pakke>/{item.name}")
        got, probs = _entries(doc)
        located += got
        problems += probs
    return tuple(located), tuple(problems)


REGISTRY_CODES = {
    "G001": ("register.dublet", "Samme registernøgle er defineret to gange."),
}


def load_registry(extra: Iterable[tuple[Path, str]] = ()) -> tuple[Registry, list[Problem]]:
    """The packaged national registry plus the repository's own files (path, display)."""
    from kommissorium.problems import Severity

    base, base_problems = _packaged()
    registry = Registry()
    problems = list(base_problems)
    for loc in base:
        registry.entries[loc.entry.key] = loc
    for path, display in extra:
        got, probs = _entries(load_file(path, display, confine=path.parent))
        problems += probs
        for loc in got:
            if loc.entry.key in registry.entries:
                first = registry.entries[loc.entry.key]
                problems.append(
                    Problem(
                        "G001",
                        REGISTRY_CODES["G001"][0],
                        Severity.ERROR,
                        f"Registernøglen '{loc.entry.key}' er allerede defineret i "
                        f"{first.file}:{first.line}:{first.column}.",
                        loc.file,
                        loc.line,
                        loc.column,
                    )
                )
                continue
            registry.entries[loc.entry.key] = loc
    return registry, problems


__all__ = ["Entry", "Registry", "load_registry", "PartialDate"]
