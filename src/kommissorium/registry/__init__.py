"""Dated reference data: regions, kommuner, sundhedsklynger, hospitals, organisations.

National defaults ship in ``registry/data/*.yaml``; a repository adds its own entries in
``charters/_register/*.yaml`` (same format). Every entry may carry ``gyldig: {fra, til}`` so that
2017, 2022 and 2027 structures live side by side; queries take the date to ask about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
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

KINDS = ("land", "region", "kommune", "klynge", "sundhedsråd", "organ", "hospital", "organisation")

#: Kinds that divide a region into areas of kommuner (one structure per period).
DIVISIONS = ("klynge", "sundhedsråd")

#: Mark shown after a fact no primary source confirms (never enforced as an error).
UNCONFIRMED = "(ikke bekræftet)"


class Entry(Strict):
    key: Ref = Field(alias="nøgle")
    name: str = Field(alias="navn", min_length=1)
    full_name: str | None = Field(None, alias="fuldt-navn", description="Det officielle navn i løbende tekst, når det ikke blot er '<navn> Kommune': 'Københavns Kommune', 'Bornholms Regionskommune'.")
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
    successors: RefList = Field(default_factory=list, alias="efterfølgere")
    source: str | None = Field(None, alias="kilde")
    unconfirmed: dict[str, str] = Field(
        default_factory=dict, alias="ikke-bekræftet",
        description="Felter (fx 'kode', 'efterfølgere') eller kommuner, som ingen primærkilde "
        "bekræfter, med en begrundelse. Vises som ikke bekræftet; håndhæves aldrig som fejl.",
    )
    correction: str | None = Field(
        None, alias="rettelse",
        description="Posten retter (erstatter) den nationale post med samme nøgle; begrundelsen.",
    )
    note: str | None = Field(None, alias="note")

    def is_unconfirmed(self, what: str) -> bool:
        """True when a field (``kode``) or a kommune key of this entry is marked unconfirmed."""
        return what in self.unconfirmed

    def ends(self) -> date | None:
        return self.valid.end.last_day if self.valid and self.valid.end else None

    def starts(self) -> date | None:
        return self.valid.start.first_day if self.valid and self.valid.start else None

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
    councils: list[Entry] = Field(default_factory=list, alias="sundhedsråd")
    bodies: list[Entry] = Field(default_factory=list, alias="organer")
    organisations: list[Entry] = Field(default_factory=list, alias="organisationer")


_SECTION_KIND = {
    "areas": "land",
    "regions": "region",
    "municipalities": "kommune",
    "clusters": "klynge",
    "councils": "sundhedsråd",
    "bodies": "organ",
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

    def region_of(self, key: str, when: date | None = None) -> str | None:
        """The region of an entry; with ``when``, the region in force that day (a kommune of
        Region Sjælland lies in Region Østdanmark from 1 January 2027: the ended region's
        ``erstattet-af`` is followed)."""
        entry = self.get(key)
        if entry is None:
            return None
        if entry.kind == "region":
            region = entry.key
        elif entry.region:
            region = entry.region
        elif entry.area and entry.area != key:
            region = self.region_of(entry.area)
        else:
            return None
        return self._follow(region, when) if when is not None else region

    def _follow(self, key: str, when: date) -> str:
        """Follow ``erstattet-af`` from an entry that has ended until one in force at ``when``."""
        seen = {key}
        entry = self.get(key)
        while entry is not None and not entry.valid_at(when) and entry.replaced_by:
            ends = entry.ends()
            if ends is None or when <= ends or entry.replaced_by in seen:
                break
            seen.add(entry.replaced_by)
            key = entry.replaced_by
            entry = self.get(key)
        return key

    def _regions_of_kommune(self, k: Entry) -> list[str]:
        """Every region a kommune has belonged to: its own and their successors."""
        out = []
        key = k.region
        while key and key not in out:
            out.append(key)
            e = self.get(key)
            key = e.replaced_by if e is not None and e.kind == "region" else None
        return out

    def kommuner_in(self, area: str, when: date | None = None) -> list[Entry]:
        """The kommuner of an area (land, region, klynge, sundhedsråd or kommune) in force at
        ``when``."""
        entry = self.get(area)
        if entry is None:
            return []
        if entry.kind == "kommune":
            return [entry] if entry.valid_at(when) else []
        if entry.kind == "land":
            return self.of_kind("kommune", when)
        if entry.kind == "region":
            if when is None:
                return [k for k in self.of_kind("kommune") if area in self._regions_of_kommune(k)]
            return [k for k in self.of_kind("kommune", when)
                    if k.region and self._follow(k.region, when) == area]
        if entry.kind in DIVISIONS:
            out = []
            for key in list(entry.kommuner) + list(entry.shared_kommuner):
                k = self.get(key)
                if k is not None and k.valid_at(when) and k not in out:
                    out.append(k)
            return out
        return []

    def divisions_in(self, area: str, when: date | None = None,
                     kinds: tuple[str, ...] = DIVISIONS) -> list[Entry]:
        """The klynger and/or sundhedsråd of an area in force at ``when``."""
        entry = self.get(area)
        if entry is None:
            return []
        if entry.kind in kinds:
            return [entry] if entry.valid_at(when) else []
        if entry.kind == "land":
            return [e for kind in kinds for e in self.of_kind(kind, when)]
        if entry.kind == "region":
            return [e for kind in kinds for e in self.of_kind(kind, when)
                    if e.region == area or (when is not None and e.region
                                            and self._follow(e.region, when) == area)]
        return []

    def klynger_in(self, area: str, when: date | None = None) -> list[Entry]:
        return self.divisions_in(area, when, ("klynge",))

    def councils_in(self, area: str, when: date | None = None) -> list[Entry]:
        return self.divisions_in(area, when, ("sundhedsråd",))

    def regions_in(self, area: str, when: date | None = None) -> list[Entry]:
        entry = self.get(area)
        if entry is None:
            return []
        if entry.kind == "land":
            return self.of_kind("region", when)
        region = self.region_of(area, when)
        r = self.get(region) if region else None
        return [r] if r is not None and r.valid_at(when) else []

    def successors(self, key: str) -> list[Entry]:
        """What takes over when an entry ends: its ``efterfølgere`` and ``erstattet-af``;
        for a klynge without them, the sundhedsråd in force the day after it ends that hold
        any of its kommuner (several-to-one and one-to-several both occur)."""
        entry = self.get(key)
        if entry is None:
            return []
        keys = list(entry.successors)
        if entry.replaced_by and entry.replaced_by not in keys:
            keys.append(entry.replaced_by)
        if not keys and entry.kind == "klynge" and entry.ends() is not None:
            after = entry.ends() + timedelta(days=1)
            mine = set(entry.kommuner)
            keys = [c.key for c in self.of_kind("sundhedsråd", after) if mine & set(c.kommuner)]
        out = []
        for k in keys:
            e = self.get(k)
            if e is not None and e not in out:
                out.append(e)
        return out

    def in_force(self, when: date | None) -> list[Entry]:
        """Every entry in force at ``when``, in the registry's order."""
        return [loc.entry for loc in self.entries.values() if loc.entry.valid_at(when)]

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
            full = [loc.entry.full_name] if loc.entry.full_name else []
            for n in [loc.entry.name, *full, *loc.entry.other_names]:
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
        ("councils", "sundhedsråd"),
        ("bodies", "organer"),
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
    "D005": ("register.rettelse-uden-post",
             "En rettelse i charters/_register/ retter en post, der ikke findes i det nationale register."),
}


def load_registry(extra: Iterable[tuple[Path, str]] = ()) -> tuple[Registry, list[Problem]]:
    """The packaged national registry plus the repository's own files (path, display).

    A repository entry with the key of a national entry is a duplicate (G001) unless it says
    ``rettelse: <begrundelse>``: then it replaces the national entry (a secretariat corrects a
    fact of the 2027 structure without forking the package)."""
    from kommissorium.problems import Severity

    base, base_problems = _packaged()
    registry = Registry()
    problems = list(base_problems)
    national: set[str] = set()
    for loc in base:
        registry.entries[loc.entry.key] = loc
        national.add(loc.entry.key)
    corrected: set[str] = set()
    for path, display in extra:
        got, probs = _entries(load_file(path, display, confine=path.parent))
        problems += probs
        for loc in got:
            key = loc.entry.key
            if loc.entry.correction is not None:
                if key in national and key not in corrected:
                    corrected.add(key)
                    registry.entries[key] = loc
                    continue
                if key not in national:
                    line, column = loc.at("rettelse")
                    problems.append(Problem(
                        "D005", REGISTRY_CODES["D005"][0], Severity.ERROR,
                        f"'{key}' retter en post, men det nationale register har ingen post med "
                        "den nøgle. Er nøglen stavet rigtigt? En ny post skrives uden 'rettelse'.",
                        loc.file, line, column,
                    ))
                    registry.entries.setdefault(key, loc)
                    continue
            if key in registry.entries:
                first = registry.entries[key]
                hint = (" Vil du rette den nationale post, så tilføj 'rettelse: <begrundelse>'."
                        if key in national and key not in corrected else "")
                problems.append(
                    Problem(
                        "G001",
                        REGISTRY_CODES["G001"][0],
                        Severity.ERROR,
                        f"Registernøglen '{key}' er allerede defineret i "
                        f"{first.file}:{first.line}:{first.column}.{hint}",
                        loc.file,
                        loc.line,
                        loc.column,
                    )
                )
                continue
            registry.entries[key] = loc
    return registry, problems


__all__ = ["Entry", "Registry", "load_registry", "PartialDate"]
