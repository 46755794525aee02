"""A repository on a given day: which charters cease, which must change, which are unaffected.

One computation serves `validate --dato` (rules D001-D004), `overgang` (the report) and the
site's transition page. A charter is looked at as if it were in force on the day, unless it
ended before it (``gyldig.til``): then it is history.

- *ceases*: its area (a sundhedsklynge, Region Sjælland) or its body (a sundhedssamarbejdsudvalg,
  from the registry's ``organer``) does not exist on the day;
- *must change*: it refers to, has seats from, or reports to something that does not exist on
  the day, or its seats expand over units there are none of ('for hver klynge');
- *unaffected*: nothing it names ends.

Each reason names the end date and the successor from the registry; an unconfirmed successor is
marked as such, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from kommissorium.danish import transition as phrases

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterFile, CharterSet
    from kommissorium.model.charter import Charter
    from kommissorium.registry import Entry

CEASES, MUST_CHANGE, UNAFFECTED = "ophører", "skal-ændres", "upåvirket"
STATUSES = (CEASES, MUST_CHANGE, UNAFFECTED)


@dataclass(frozen=True)
class Successor:
    ref: str
    name: str
    charters: tuple[str, ...] = ()  # charters in the repository for it (area or id)


@dataclass(frozen=True)
class Change:
    """Something that does not exist on the day: ended (``end``) or not yet begun (``start``)."""

    ref: str
    name: str
    end: date | None = None
    start: date | None = None
    successors: tuple[Successor, ...] = ()
    unconfirmed: bool = False  # the successors are not confirmed by a source
    via: str | None = None  # the area/body it ends with, when that is not itself
    source: str | None = None

    def sentence(self) -> str:
        if self.end is not None:
            return phrases.ends(self.name, self.end, [s.name for s in self.successors],
                                self.unconfirmed, self.via)
        return phrases.begins(self.name, self.start or date.max, self.via)


@dataclass(frozen=True)
class Reason:
    kind: str  # område, organ, henvisning, plads
    path: tuple[Any, ...]  # YAML path in the charter's own file
    message: str  # the finding's sentence
    change: Change | None = None
    field: str = ""  # the YAML field, dotted ('relationer.refererer-til')
    line: int = 0  # in the charter's own file
    summary: str = ""  # the sentence for the report (the change, without the fix)


@dataclass
class Verdict:
    id: str
    name: str
    file: str
    status: str
    reasons: list[Reason] = field(default_factory=list)
    note: str = ""  # for unaffected/historic charters: why

    @property
    def successors(self) -> list[Successor]:
        out: list[Successor] = []
        for r in self.reasons:
            if r.change is not None and r.kind in ("område", "organ"):
                out += [s for s in r.change.successors if s not in out]
        return out


# -- what ends ---------------------------------------------------------------------------------


def _resolve(cs: "CharterSet", succ: list[Successor], when: date,
             depth: int = 0) -> tuple[tuple[Successor, ...], bool]:
    """Successors that themselves do not exist on the day are replaced by theirs
    (Sundhedskoordinationsudvalget → Sundhedssamarbejdsudvalget → the sundhedsråd)."""
    out: list[Successor] = []
    unconfirmed = False
    for s in succ:
        change = ref_change(cs, s.ref, when) if depth < 5 else None
        if change is None or change.end is None or not change.successors:
            nxt, unc = [s], False
        else:
            nxt, unc = list(change.successors), change.unconfirmed
        unconfirmed = unconfirmed or unc
        out += [n for n in nxt if n not in out]
    return tuple(out), unconfirmed


def _charters_for(cs: "CharterSet", key: str, when: date) -> tuple[str, ...]:
    """The repository's charters whose area is ``key`` (and in force on the day), or ``key``
    itself when it is a charter id."""
    if cs.get(key) is not None:
        return (key,)
    out = []
    for cf in cs.valid():
        c = cf.charter
        if c.area == key and not c.frame and _in_scope(c, when):
            out.append(cf.id)
    return tuple(out)


def registry_change(cs: "CharterSet", key: str, when: date) -> Change | None:
    entry = cs.registry.get(key)
    if entry is None or entry.valid_at(when):
        return None
    return _entry_change(cs, entry, when)


def _entry_change(cs: "CharterSet", entry: "Entry", when: date, via: str | None = None,
                  name: str | None = None) -> Change:
    end = entry.ends()
    if end is not None and end < when:
        succ, unc = _resolve(cs, [Successor(s.key, s.name, _charters_for(cs, s.key, when))
                                  for s in cs.registry.successors(entry.key)], when)
        return Change(entry.key, name or entry.name, end=end, successors=succ,
                      unconfirmed=unc or entry.is_unconfirmed("efterfølgere"), via=via,
                      source=entry.source)
    return Change(entry.key, name or entry.name, start=entry.starts(), via=via, source=entry.source)


def _in_scope(c: "Charter", when: date) -> bool:
    """A charter that ended before the day is history; every other one is checked."""
    return not (c.valid is not None and c.valid.end is not None and c.valid.end.last_day < when)


def _names(c: "Charter") -> set[str]:
    return {n.casefold() for n in [c.name, c.short_name, *c.other_names] if n}


def body_organ(cs: "CharterSet", cf: "CharterFile") -> "Entry | None":
    """The registry body (``organer``) a charter is the charter of: named by ``del-af``, or with
    one of the body's names in the same region."""
    c = cf.charter
    reg = cs.registry
    for ref in c.relations.part_of:
        e = reg.get(ref)
        if e is not None and e.kind == "organ":
            return e
    names = _names(c)
    region = reg.region_of(c.area)
    for e in reg.of_kind("organ"):
        if names & {n.casefold() for n in [e.name, *e.other_names]} and (
                e.region is None or e.region == region or e.region == c.area):
            return e
    return None


def area_change(cs: "CharterSet", cf: "CharterFile", when: date) -> Change | None:
    entry = cs.registry.get(cf.charter.area)
    if entry is None or entry.valid_at(when):
        return None
    return _entry_change(cs, entry, when)


def organ_change(cs: "CharterSet", cf: "CharterFile", when: date) -> Change | None:
    organ = body_organ(cs, cf)
    if organ is None or organ.valid_at(when):
        return None
    return _entry_change(cs, organ, when, via=organ.name, name=cf.charter.name)


def charter_change(cs: "CharterSet", cid: str, when: date) -> Change | None:
    """Whether the body of charter ``cid`` exists on the day (a reference to it)."""
    cf = cs.get(cid)
    if cf is None or cf.charter is None:
        return None
    c = cf.charter
    if not _in_scope(c, when):
        end = c.valid.end.last_day
        succ, unc = (), False
        if c.replaced_by:
            succ, unc = _resolve(cs, [Successor(c.replaced_by, cs.name_of(c.replaced_by),
                                                _charters_for(cs, c.replaced_by, when))], when)
        return Change(cid, c.name, end=end, successors=succ, unconfirmed=unc)
    organ = organ_change(cs, cf, when)
    if organ is not None:
        return organ
    area = area_change(cs, cf, when)
    if area is not None:
        return Change(cid, c.name, end=area.end, start=area.start, successors=area.successors,
                      unconfirmed=area.unconfirmed, via=area.name, source=area.source)
    return None


def ref_change(cs: "CharterSet", ref: str, when: date) -> Change | None:
    if cs.get(ref) is not None:
        return charter_change(cs, ref, when)
    return registry_change(cs, ref, when)


# -- the verdict -------------------------------------------------------------------------------


def _field(path: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in path if not isinstance(p, int))


def _seat_text(seat: Any) -> str:
    from kommissorium.danish import role_for

    if seat.text:
        return seat.text
    n = seat.count.low if seat.count.low == seat.count.high else None
    return f"{n} {role_for(n, seat.role)}" if n is not None else seat.role


def assess_charter(cs: "CharterSet", cf: "CharterFile", when: date) -> Verdict:
    from kommissorium.corpus import refs_in

    c = cf.charter
    v = Verdict(cf.id, c.name, cf.display, UNAFFECTED)
    if not _in_scope(c, when):
        v.note = phrases.charter_ended(c.name, c.valid.end.last_day)
        return v
    organ = organ_change(cs, cf, when)
    if organ is not None:
        v.status = CEASES
        v.reasons.append(Reason("organ", ("navn",), phrases.body_gone(organ.sentence(), when,
                                                                         organ.end),
                                organ, "navn"))
        return _located(cf, v)
    area = area_change(cs, cf, when)
    if area is not None:
        begins = c.valid.start.first_day if c.valid and c.valid.start else None
        if area.end is None:
            # the area begins later: a charter that itself begins then is not affected on the
            # day (it is not in force yet); any other must change (D001 finds it either way)
            later = begins is not None and begins > when
            v.status = UNAFFECTED if later else MUST_CHANGE
            if later:
                v.note = phrases.begins_later(c.name, begins)
        else:
            v.status = CEASES
        v.reasons.append(Reason("område", ("område",), phrases.area_gone(area.sentence(), when,
                                                                        area.end, area.start),
                                area, "område"))
        return _located(cf, v)
    seen: set[tuple[str, str]] = set()
    for path, ref in refs_in(c):
        if path in (("område",), ("erstattet-af",)) or ref == cf.id:
            continue
        change = ref_change(cs, ref, when)
        if change is None:
            continue
        key = (_field(path), ref)
        if key in seen:
            continue
        seen.add(key)
        if path[0] == "sammensætning":
            seat = _seat_at(c, path)
            message = phrases.seat_gone(_seat_text(seat), change.sentence(), when)
            v.reasons.append(Reason("plads", path[:4], message, change, _field(path),
                                    summary=phrases.seat_change(_seat_text(seat),
                                                                change.sentence())))
        else:
            v.reasons.append(Reason("henvisning", path,
                                    phrases.reference_gone(_field(path), change.sentence(), when),
                                    change, _field(path),
                                    summary=phrases.reference_change(_field(path),
                                                                     change.sentence())))
    v.reasons += _empty_expansions(cs, cf, when)
    if v.reasons:
        v.status = MUST_CHANGE
    else:
        v.note = phrases.nothing_ends(when)
    return _located(cf, v)


def _located(cf: "CharterFile", v: Verdict) -> Verdict:
    from dataclasses import replace

    out = []
    for r in v.reasons:
        summary = r.summary or (r.change.sentence() if r.change is not None else r.message)
        out.append(replace(r, line=cf.at(*r.path)[0], summary=summary))
    v.reasons = out
    return v


def _seat_at(c: "Charter", path: tuple[Any, ...]) -> Any:
    group = {"medlemmer": "members", "deltagere": "participants", "observatører": "observers"}
    return getattr(c.composition, group[path[1]])[path[2]]


_UNIT_PLURAL = {"klynge": "sundhedsklynger", "kommune": "kommuner", "region": "regioner",
                "sundhedsråd": "sundhedsråd"}


def _empty_expansions(cs: "CharterSet", cf: "CharterFile", when: date) -> list[Reason]:
    """Seats 'for hver klynge' that give no seats on the day (the klynger are gone)."""
    eff = cs.effective(cf.id)
    if eff is None or eff.composition is None:
        return []
    own = cf.charter.composition is not None
    out = []
    for group, attr in (("medlemmer", "members"), ("deltagere", "participants")):
        for i, seat in enumerate(getattr(eff.composition, attr)):
            if seat.for_each is None:
                continue
            kind = seat.for_each.value
            area = seat.within or eff.area
            before = cs.expand_seat(eff, seat, i).units
            now = _units(cs, kind, area, when)
            if now or not before:
                continue
            instead = [e.name for e in cs.registry.councils_in(area, when)] if kind == "klynge" else []
            entry = cs.registry.get(area)
            message = phrases.seats_none(_seat_text(seat), _UNIT_PLURAL.get(kind, kind),
                                         cs.name_of(area), when, instead,
                                         entry is not None and entry.kind == "land")
            path = ("sammensætning", group, i, "for-hver") if own else ("udbygger",)
            out.append(Reason("plads", path, message, None, _field(path)))
    return out


def _units(cs: "CharterSet", kind: str, area: str, when: date) -> list["Entry"]:
    reg = cs.registry
    if kind == "kommune":
        return reg.kommuner_in(area, when)
    if kind == "klynge":
        return reg.klynger_in(area, when)
    if kind == "sundhedsråd":
        return reg.councils_in(area, when)
    return reg.regions_in(area, when)


def assess(cs: "CharterSet", when: date) -> list[Verdict]:
    """Every valid charter's verdict on the day, in id order."""
    return sorted((assess_charter(cs, cf, when) for cf in cs.valid()), key=lambda v: v.id)


def counts(verdicts: list[Verdict]) -> dict[str, int]:
    out = {s: 0 for s in STATUSES}
    for v in verdicts:
        out[v.status] += 1
    return out


__all__ = ["Change", "Reason", "Successor", "Verdict", "assess", "assess_charter", "counts",
           "ref_change", "registry_change"]


def next_change(cs: "CharterSet", after: date) -> date | None:
    """The first day after ``after`` on which the registry's structure changes (an entry begins,
    or the day after one ends): the day the site's transition page is about."""
    from datetime import timedelta

    days = set()
    for e in cs.registry.in_force(None):
        if e.starts() is not None and e.starts() > after:
            days.add(e.starts())
        if e.ends() is not None and e.ends() >= after:
            days.add(e.ends() + timedelta(days=1))
    return min(days) if days else None
