"""``CharterSet``: every charter of a repository and the registry, indexed and expanded.

Built once per command and read by the rules, the documents, the diff and the graph. Loading
problems (YAML, schema, ids) are collected here; cross-charter checks live in ``rules/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from kommissorium.load.yaml import LoadedDocument, load_file
from kommissorium.model.charter import SECTION_ORDER, Charter, Seat
from kommissorium.model.validate import schema_problem, validate_model
from kommissorium.problems import Problem
from kommissorium.registry import Entry, Registry, load_registry
from kommissorium.workspace import CHARTERS_DIR

REGISTER_DIR = "_register"
SUFFIXES = (".yaml", ".yml")

#: Sections a charter inherits from the frame it extends when it does not state them itself.
INHERITED = (
    "background", "purpose", "principles", "tasks", "composition", "chair", "secretariat",
    "meetings", "decisions", "minutes", "publication", "adoption",
)


@dataclass
class CharterFile:
    id: str
    path: Path
    display: str
    doc: LoadedDocument
    charter: Charter | None
    problems: list[Problem] = field(default_factory=list)

    def at(self, *path: Any, key: bool = False) -> tuple[int, int]:
        """Line and column of a YAML path in this file (nearest parent when absent)."""
        sm = self.doc.source_map
        return sm.key(path) if key else sm.value(path)


@dataclass
class ExpandedSeat:
    """A seat group with its registry expansion: ``units`` are the kommuner/klynger/regions."""

    seat: Seat
    index: int
    units: list[Entry]
    low: int
    high: int | None
    #: The count is not stated ("repræsentanter for kommunen"): no number, the total is open.
    open: bool = False

    @property
    def expanded(self) -> bool:
        return self.seat.for_each is not None


@dataclass
class MemberCount:
    low: int
    high: int | None  # None: no upper bound stated
    #: Some seat's count is not stated: the total is open, never a number (``high`` is None).
    open: bool = False
    #: With an open total: the most the stated seats can give ("13-27 + ikke fastlagt").
    known_high: int | None = None

    def __str__(self) -> str:
        if self.open:
            known = self.low if self.known_high in (None, self.low) else f"{self.low}-{self.known_high}"
            return f"{known} + et ikke fastlagt antal" if self.known_high else "ikke fastlagt"
        if self.high == self.low:
            return str(self.low)
        if self.high is None:
            return f"mindst {self.low}"
        return f"{self.low}-{self.high}"


def display_path(path: Path, cwd: Path | None = None) -> str:
    cwd = cwd or Path.cwd()
    try:
        return os.path.relpath(path, cwd).replace(os.sep, "/")
    except ValueError:  # other drive on Windows
        return str(path)


def discover(root: Path, links: list[Path] | None = None,
             companions: list[Path] | None = None) -> tuple[list[Path], list[Path]]:
    """Charter files and registry files below a charters/ folder, in a stable order. Folders
    that are symbolic links are not followed; they are added to ``links`` (when given) so that
    the caller can say so.

    Rosters and meeting plans beside a charter (``x.medlemmer.yaml``, ``x.moeder.yaml``) are not
    charters: they go to ``companions`` when a list is given, and are skipped otherwise."""
    from kommissorium.roster.files import companion_kind

    charters: list[Path] = []
    registers: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            if links is not None and (here / d).is_symlink():
                links.append(here / d)
                continue
            keep.append(d)
        dirnames[:] = keep
        rel_parts = here.relative_to(root).parts
        in_register = bool(rel_parts) and rel_parts[0] == REGISTER_DIR
        if rel_parts and rel_parts[0].startswith("_") and not in_register:
            continue
        for name in sorted(filenames):
            if not name.endswith(SUFFIXES) or name.startswith("."):
                continue
            if not in_register and companion_kind(here / name) is not None:
                if companions is not None:
                    companions.append(here / name)
                continue
            (registers if in_register else charters).append(here / name)
    return charters, registers


def linked_folder_problem(path: Path, display: str) -> Problem:
    """Y012 for a folder below charters/ that is a symbolic link: it is not read."""
    from kommissorium.load.yaml import yaml_problem
    from kommissorium.sanitize import printable

    try:
        target = printable(os.readlink(path))
    except OSError:
        target = "?"
    return yaml_problem(
        "Y012",
        f"Mappen er en symbolsk henvisning (symlink) til '{target}' og læses ikke: kommissorier "
        "læses kun fra almindelige mapper i charters/. Læg kommissorierne selv i mappen.",
        display,
    )


def charter_id(path: Path, root: Path, dirs: dict[Path, Path] | None = None) -> str:
    # Resolve the folder, not the file: a symlinked file keeps the id of where it stands.
    # ``dirs`` caches resolved folders during one load (2,000 files share a few hundred).
    if dirs is None:
        rel = (path.parent.resolve() / path.name).relative_to(root.resolve())
    else:
        for folder in (path.parent, root):
            if folder not in dirs:
                dirs[folder] = folder.resolve()
        rel = (dirs[path.parent] / path.name).relative_to(dirs[root])
    return rel.with_suffix("").as_posix()


class CharterSet:
    """All charters of one charters/ folder with the registry."""

    def __init__(self, root: Path, files: list[CharterFile], registry: Registry,
                 problems: list[Problem]):
        self.root = root
        self.files = files
        self.registry = registry
        self.problems = problems  # loading, schema, registry and id problems
        self.by_id: dict[str, CharterFile] = {}
        for f in files:
            self.by_id.setdefault(f.id, f)
        self._effective: dict[str, Charter] = {}
        #: Rosters and meeting plans by charter id (loaded without errors), and every such file.
        self.rosters: dict[str, Any] = {}
        self.plans: dict[str, Any] = {}
        self.companions: list[Any] = []
        #: The day `validate --dato` checks the charters on (rules D001-D004); None: their own.
        #: Rosters are read on it too (a roster's own ``pr`` wins); None: today.
        self.as_of: date | None = None
        #: The files loaded when the corpus is only the files named (see ``loose_files``).
        self.selection: tuple[Path, ...] | None = None

    # -- access ------------------------------------------------------------------------------
    def valid(self) -> Iterator[CharterFile]:
        for f in self.files:
            if f.charter is not None and self.by_id.get(f.id) is f:
                yield f

    def get(self, charter_id: str) -> CharterFile | None:
        return self.by_id.get(charter_id)

    def charter(self, charter_id: str) -> Charter | None:
        f = self.by_id.get(charter_id)
        return f.charter if f else None

    def exists(self, ref: str) -> bool:
        return ref in self.by_id or ref in self.registry

    def name_of(self, ref: str) -> str:
        f = self.by_id.get(ref)
        if f is not None and f.charter is not None:
            return f.charter.name
        entry = self.registry.get(ref)
        if entry is not None:
            return entry.name
        return ref

    def known_refs(self) -> list[str]:
        return list(self.by_id) + self.registry.keys()

    # -- frames ------------------------------------------------------------------------------
    def frame_of(self, charter_id: str) -> CharterFile | None:
        c = self.charter(charter_id)
        if c is None or c.extends is None:
            return None
        frame = self.by_id.get(c.extends)
        return frame if frame is not None and frame.charter is not None else None

    def effective(self, charter_id: str) -> Charter | None:
        """The charter with the sections it leaves out taken from its frame (transitively)."""
        if charter_id in self._effective:
            return self._effective[charter_id]
        base = self.charter(charter_id)
        if base is None:
            return None
        chain: list[Charter] = []
        seen = {charter_id}
        cur = base
        while cur.extends and cur.extends not in seen:
            seen.add(cur.extends)
            parent = self.charter(cur.extends)
            if parent is None:
                break
            chain.append(parent)
            cur = parent
        if not chain:
            self._effective[charter_id] = base
            return base
        updates: dict[str, Any] = {}
        for attr in INHERITED:
            if getattr(base, attr) is None:
                for parent in chain:
                    value = getattr(parent, attr)
                    if value is not None:
                        updates[attr] = value
                        break
        result = base.model_copy(update=updates) if updates else base
        self._effective[charter_id] = result
        return result

    def inherited_sections(self, charter_id: str) -> set[str]:
        base = self.charter(charter_id)
        eff = self.effective(charter_id)
        if base is None or eff is None:
            return set()
        return {a for a in INHERITED if getattr(base, a) is None and getattr(eff, a) is not None}

    # -- composition -------------------------------------------------------------------------
    def expand_seat(self, charter: Charter, seat: Seat, index: int = 0,
                    _following: frozenset[str] = frozenset()) -> ExpandedSeat:
        when = charter.effective_date
        units: list[Entry] = []
        if seat.for_each is not None:
            area = seat.within or charter.area
            if seat.for_each.value == "kommune":
                units = self.registry.kommuner_in(area, when)
            elif seat.for_each.value == "klynge":
                units = self.registry.klynger_in(area, when)
            elif seat.for_each.value == "sundhedsråd":
                units = self.registry.councils_in(area, when)
            else:
                units = self.registry.regions_in(area, when)
            factor = len(units)
        else:
            factor = 1
        count = seat.count
        if seat.members_of and "count" not in seat.model_fields_set \
                and seat.members_of in self.by_id and seat.members_of not in _following:
            # "Alle medlemmer af X": the count follows X's composition.
            other = self.member_count(seat.members_of, _following=_following | {seat.members_of})
            if other is not None:
                return ExpandedSeat(seat, index, units, other.low * factor,
                                    other.high * factor if other.high is not None else None,
                                    other.open)
        if count.unspecified:
            return ExpandedSeat(seat, index, units, 0, 0, True)
        low = count.low * factor
        high = count.high * factor if count.high is not None else None
        return ExpandedSeat(seat, index, units, low, high)

    def seats(self, charter_id: str, _following: frozenset[str] = frozenset()) -> list[ExpandedSeat]:
        c = self.effective(charter_id)
        if c is None or c.composition is None:
            return []
        following = _following | {charter_id}
        return [self.expand_seat(c, s, i, following) for i, s in enumerate(c.composition.members)]

    def derived_from(self, frame_id: str) -> list[CharterFile]:
        """The charters that extend ``frame_id`` directly (``udbygger: frame_id``)."""
        return [f for f in self.valid() if f.charter.extends == frame_id and f.id != frame_id]

    def member_count(self, charter_id: str, _seen: frozenset[str] = frozenset(),
                     _following: frozenset[str] = frozenset()) -> MemberCount | None:
        """Permanent members (not on-demand, not observers), from the registry expansion.

        A derived charter that omits its composition counts the frame's seats over its own area.
        A frame (``ramme: true``) whose seats expand ``for-hver`` over its own area has no single
        count: it is the range over the charters that extend it ("11-16" for a frame whose
        klynger have 4-9 kommuner)."""
        c = self.effective(charter_id)
        if c is None or c.composition is None or not c.composition.members:
            return None
        base = self.charter(charter_id)
        if base is not None and base.frame and charter_id not in _seen and any(
                s.for_each is not None and s.within is None for s in c.composition.members):
            counts = [self.member_count(f.id, _seen | {charter_id})
                      for f in self.derived_from(charter_id)]
            counts = [m for m in counts if m is not None]
            if counts:
                high_ = None if any(m.high is None for m in counts) else max(m.high for m in counts)
                return MemberCount(min(m.low for m in counts), high_, any(m.open for m in counts))
        low, high, open_ = 0, 0, False
        for es in self.seats(charter_id, _following):
            if es.seat.on_demand or es.seat.ad_hoc:
                continue
            low += es.low
            open_ = open_ or es.open
            high = None if high is None or es.high is None else high + es.high
        if c.composition.minimum_only:
            high = None
        if open_:
            return MemberCount(low, None, True, high)
        return MemberCount(low, high)


def loose_files(root: Path, targets: list[Path]) -> tuple[Path, ...] | None:
    """The files to load when only files outside any charters/ folder were named.

    Walking the folder of such a file (say /tmp) would read everything in it; the files named
    are the corpus then, with the folder's own ``_register/`` when it has one.
    """
    if root.name == CHARTERS_DIR or not targets or not all(t.is_file() for t in targets):
        return None
    return tuple(sorted(targets))


def load_corpus(root: Path, cwd: Path | None = None,
                files: tuple[Path, ...] | None = None) -> CharterSet:
    """Load every charter and registry file below ``root`` (a charters/ folder), or, with
    ``files``, just those charters (and ``root/_register``)."""
    from kommissorium.roster.files import companion_kind, companion_of, companions_for

    root = root.resolve()
    companion_paths: list[Path] = []
    if files is not None:
        register_dir = root / REGISTER_DIR
        named = list(files)
        charter_paths = [p for p in named if companion_kind(p) is None]
        for p in named:
            if companion_kind(p) is not None:
                companion_paths.append(p)
                owner = companion_of(p)
                if owner.is_file() and owner not in charter_paths:
                    charter_paths.append(owner)
        for p in list(charter_paths):
            for c in companions_for(p).values():
                if c not in companion_paths:
                    companion_paths.append(c)
        register_paths = (discover(register_dir)[0]
                          if register_dir.is_dir() and not register_dir.is_symlink() else [])
    links: list[Path] = []
    if files is None:
        charter_paths, register_paths = (discover(root, links, companion_paths) if root.is_dir()
                                         else ([], []))
    registry, problems = load_registry((p, display_path(p, cwd)) for p in register_paths)
    problems = list(problems) + [linked_folder_problem(p, display_path(p, cwd)) for p in links]
    dirs: dict[Path, Path] = {}
    charters = [load_charter(p, root, cwd, dirs) for p in charter_paths]
    problems = list(problems)
    seen: dict[str, CharterFile] = {}
    for f in charters:
        problems.extend(f.problems)
        if f.charter is None:
            continue
        if f.id in seen:
            first = seen[f.id]
            line, col = f.at("navn", key=True)
            problems.append(schema_problem(
                "S005",
                f"Id'et '{f.id}' bruges også af {first.display}; hvert organ skal have sit eget id.",
                f.display, line, col,
            ))
        else:
            seen[f.id] = f
    cs = CharterSet(root, charters, registry, problems)
    cs.selection = files
    _load_companions(cs, companion_paths, root, cwd, dirs)
    return cs


def _load_companions(cs: CharterSet, paths: list[Path], root: Path, cwd: Path | None,
                     dirs: dict[Path, Path]) -> None:
    """Load the rosters and meeting plans beside the charters and attach them by charter id."""
    from kommissorium.roster.files import companion_of, load_companion

    for p in paths:
        cid = charter_id(companion_of(p), root, dirs)
        cf = load_companion(p, display_path(p, cwd), cid, root)
        cs.companions.append(cf)
        cs.problems.extend(cf.problems)
        if cf.data is None:
            continue
        table = cs.rosters if cf.kind == "medlemmer" else cs.plans
        table.setdefault(cid, cf)


def load_charter(path: Path, root: Path, cwd: Path | None = None,
                 dirs: dict[Path, Path] | None = None) -> CharterFile:
    display = display_path(path, cwd)
    doc = load_file(path, display, confine=root)
    cid = charter_id(path, root, dirs)
    from kommissorium.load.limits import check_document, check_id

    problems = list(doc.problems) + check_id(cid, display) + check_document(doc)
    from kommissorium.model.types import _REF
    from kommissorium.model.validate import fold

    if not _REF.match(cid):  # the id comes from the path: it must be one others can refer to
        shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in cid)
        better = fold(shown) if _REF.match(fold(shown)) else "omraade/organets-navn"
        problems.append(schema_problem(
            "S005",
            f"Filens sti giver id'et '{shown}', som ikke er et gyldigt id: brug små ASCII-bogstaver, "
            f"tal og '-' i mappe- og filnavne (æ→ae, ø→oe, å→aa), fx '{better}'.",
            display, 1, 1,
        ))
    charter = None
    if doc.data is not None and not problems:
        charter, schema = validate_model(Charter, doc.data, doc.source_map, display)
        problems += schema
        if charter is not None:
            if charter.id is not None and charter.id != cid:
                line, col = doc.source_map.value(("id",))
                problems.append(schema_problem(
                    "S005",
                    f"Id'et '{charter.id}' stemmer ikke med filens sti, som giver '{cid}'. "
                    "Ret id'et, eller flyt filen.",
                    display, line, col,
                ))
                charter = None
            else:
                charter.id = cid
    elif doc.data is not None:
        # Keep going to report schema problems too, but only when the YAML itself parsed.
        charter, schema = validate_model(Charter, doc.data, doc.source_map, display)
        problems += schema
        charter = None  # a file with duplicate keys or bad tags is not trusted as data
    return CharterFile(cid, path, display, doc, charter, problems)


def section_order() -> tuple[str, ...]:
    return SECTION_ORDER


def today() -> date:
    return date.today()


def refs_in(charter: Charter) -> Iterable[tuple[tuple[Any, ...], str]]:
    """Every reference a charter makes: (YAML path, ref)."""
    if charter.extends:
        yield ("udbygger",), charter.extends
    if charter.replaced_by:
        yield ("erstattet-af",), charter.replaced_by
    if charter.approved and charter.approved.by:
        yield ("godkendt", "af"), charter.approved.by
    yield ("område",), charter.area
    comp = charter.composition
    if comp is not None:
        for group, seats in (("medlemmer", comp.members), ("deltagere", comp.participants),
                             ("observatører", comp.observers)):
            for i, seat in enumerate(seats):
                for key in ("fra", "i", "udpeget-af", "indstillet-af", "medlemmer-af", "valgt-af",
                            "skal-sidde-i"):
                    value = getattr(seat, _SEAT_ATTR[key])
                    if value:
                        yield ("sammensætning", group, i, key), value
                for j, q in enumerate(seat.sub_quotas):
                    if q.source:
                        yield ("sammensætning", group, i, "heraf", j, "fra"), q.source
    if charter.chair is not None:
        for path, officer in charter.chair.officers():
            if officer.source:
                yield ("formandskab", *path, "fra"), officer.source
            if officer.appointed_by:
                yield ("formandskab", *path, "udpeget-af"), officer.appointed_by
    if charter.secretariat is not None:
        for i, r in enumerate(charter.secretariat.provided_by):
            yield ("sekretariat", "varetages-af", i), r
        for i, r in enumerate(charter.secretariat.coordinates_with):
            yield ("sekretariat", "koordinerer-med", i), r
    from kommissorium.model.charter import RELATION_EDGES

    for key, attr, _ in RELATION_EDGES:
        for i, r in enumerate(getattr(charter.relations, attr)):
            yield ("relationer", key, i), r
    for i, dlg in enumerate(charter.relations.delegations):
        yield ("relationer", "udsender", i, "til"), dlg.to
    m = charter.meetings
    if m is not None and m.relative_to is not None:
        yield ("møder", "i-forhold-til", "organ"), m.relative_to.body
    if m is not None and m.extraordinary is not None and m.extraordinary.other_body:
        yield ("møder", "ekstraordinære", "andet-organ"), m.extraordinary.other_body
    for i, sg in enumerate(charter.relations.subgroups):
        if sg.ref:
            yield ("relationer", "undergrupper", i), sg.ref


_SEAT_ATTR = {
    "fra": "source",
    "i": "within",
    "udpeget-af": "appointed_by",
    "indstillet-af": "nominated_by",
    "medlemmer-af": "members_of",
    "valgt-af": "elected_by",
    "skal-sidde-i": "must_sit_in",
}
