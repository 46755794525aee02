"""The semantic diff of rosters and meeting plans: one entry per changed file, so that a review
sees whether a pull request changes the charter, the roster or the meeting plan.

Roster changes are told per seat ("Hjørring: Anne Madsen afløser Per Holm som medlem fra 1. marts
2027."), offices, periods and personal alternates; plan changes per meeting (new, removed, moved,
cancelled, time or place changed). Only what may be published is named: a person marked
``offentlig: false`` is 'NN'."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from kommissorium.danish import roster as say
from kommissorium.diff.model import Change, CharterDiff

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet
    from kommissorium.roster.files import CompanionFile
    from kommissorium.roster.model import Meeting, Member, Roster, Schedule

ROSTER_KIND = "medlemsliste"
PLAN_KIND = "mødeplan"


def _slot(cs: "CharterSet", cid: str, m: "Member") -> str:
    """Where a member sits, as the diff names it: 'Hjørring' or 'Regionsrådsmedlem'."""
    from kommissorium.roster.seats import place

    p = place(cs.seats(cid), m.seat, m.unit, m.organisation)
    if p.seat is None:
        return say.seat_label(None, m.seat)
    unit = None
    if p.unit:
        entry = cs.registry.get(p.unit)
        unit = entry.name if entry is not None else p.unit
    return say.seat_label(unit, p.seat.seat.role)


def compare_rosters(old: "Roster | None", new: "Roster | None", cid: str,
                    old_cs: "CharterSet", new_cs: "CharterSet") -> list[Change]:
    old_m = {m.key(): m for m in (old.members if old else [])}
    new_m = {m.key(): m for m in (new.members if new else [])}
    former_new = {m.key(): m for m in (new.former if new else [])}
    changes: list[Change] = []
    left = [old_m[k] for k in old_m if k not in new_m]
    joined = [new_m[k] for k in new_m if k not in old_m]
    # successions: one leaves and one joins the same seat
    for j in list(joined):
        where = _slot(new_cs, cid, j)
        match = next((x for x in left if _slot(old_cs, cid, x) == where), None)
        if match is None:
            continue
        left.remove(match)
        joined.remove(j)
        changes.append(Change(ROSTER_KIND, say.succession(
            where, say.person_name(j), say.person_name(match), j.office, j.first)))
    for j in joined:
        changes.append(Change(ROSTER_KIND, say.joins(_slot(new_cs, cid, j), say.person_name(j),
                                                     j.office, j.first)))
    for x in left:
        end = former_new[x.key()].last if x.key() in former_new else x.last
        changes.append(Change(ROSTER_KIND, say.leaves(_slot(old_cs, cid, x), say.person_name(x),
                                                      x.office, end)))
    for k in new_m:
        if k not in old_m:
            continue
        a, b = old_m[k], new_m[k]
        name = say.person_name(b)
        if a.office != b.office:
            changes.append(Change(ROSTER_KIND, say.office_change(name, a.office, b.office)))
        if (a.first, a.last) != (b.first, b.last):
            changes.append(Change(ROSTER_KIND, say.term_change(
                name, say.period_text(a.first, a.last), say.period_text(b.first, b.last))))
        if _slot(old_cs, cid, a) != _slot(new_cs, cid, b):
            changes.append(Change(ROSTER_KIND, say.seat_change(
                name, _slot(old_cs, cid, a), _slot(new_cs, cid, b))))
        old_alts = {x.key(): x for x in a.alternates}
        new_alts = {x.key(): x for x in b.alternates}
        for key, alt in new_alts.items():
            if key not in old_alts:
                changes.append(Change(ROSTER_KIND, say.alternate_change(
                    say.person_name(alt), True, name)))
        for key, alt in old_alts.items():
            if key not in new_alts:
                changes.append(Change(ROSTER_KIND, say.alternate_change(
                    say.person_name(alt), False, name)))
        if a.public != b.public:
            changes.append(Change(ROSTER_KIND, say.publication_change(b.public)))
    return changes


def _meeting_key(m: "Meeting") -> str:
    return m.id or m.day.isoformat()


def compare_plans(old: "Schedule | None", new: "Schedule | None") -> list[Change]:
    old_m = {_meeting_key(m): m for m in (old.meetings if old else [])}
    new_m = {_meeting_key(m): m for m in (new.meetings if new else [])}
    changes: list[Change] = []
    removed = [old_m[k] for k in old_m if k not in new_m]
    added = [new_m[k] for k in new_m if k not in old_m]
    for k, b in new_m.items():
        a = old_m.get(k)
        if a is None:
            continue
        if a.day != b.day:
            changes.append(Change(PLAN_KIND, say.meeting_moved(a, b)))
        elif a.cancelled != b.cancelled:
            changes.append(Change(PLAN_KIND, say.meeting_cancelled(b) if b.cancelled
                                  else say.meeting_restored(b)))
        elif a.time != b.time:
            changes.append(Change(PLAN_KIND, say.meeting_moved(a, b)))
        if (a.place or (old.place if old else None)) != (b.place or (new.place if new else None)):
            changes.append(Change(PLAN_KIND, say.meeting_changed(
                b, say.place_change(a.place or (old.place if old else None),
                                    b.place or (new.place if new else None)))))
    # a removed and an added meeting within a month of each other: the meeting was moved
    for a in sorted(removed, key=lambda m: m.day):
        b = next((x for x in sorted(added, key=lambda m: m.day)
                  if abs(x.day - a.day) <= timedelta(days=31)), None)
        if b is None:
            changes.append(Change(PLAN_KIND, say.meeting_removed(a)))
            continue
        added.remove(b)
        changes.append(Change(PLAN_KIND, say.meeting_moved(a, b)))
    for b in sorted(added, key=lambda m: m.day):
        changes.append(Change(PLAN_KIND, say.meeting_added(b)))
    return changes


def _files(cs: "CharterSet") -> dict[tuple[str, str], "CompanionFile"]:
    return {(f.charter_id, f.kind): f for f in cs.companions}


def companion_diffs(old_cs: "CharterSet", new_cs: "CharterSet") -> list[CharterDiff]:
    """One diff entry per roster or plan file that was added, removed or changed."""
    old_f, new_f = _files(old_cs), _files(new_cs)
    out: list[CharterDiff] = []
    for key in sorted(set(old_f) | set(new_f)):
        cid, kind = key
        a, b = old_f.get(key), new_f.get(key)
        if a is not None and b is not None and a.doc.text == b.doc.text:
            continue
        body = new_cs.name_of(cid) if b is not None else old_cs.name_of(cid)
        label = f"{body}: {'medlemsliste' if kind == 'medlemmer' else 'mødeplan'}"
        if kind == "medlemmer":
            changes = compare_rosters(a.data if a else None, b.data if b else None, cid,
                                      old_cs, new_cs)
        else:
            changes = compare_plans(a.data if a else None, b.data if b else None)
        if (a is not None and a.data is None) or (b is not None and b.data is None):
            changes.append(Change(ROSTER_KIND if kind == "medlemmer" else PLAN_KIND,
                                  say.unreadable(kind)))
        if not changes:
            changes.append(Change("format", say.no_content_change(kind)))
        status = "tilføjet" if a is None else "fjernet" if b is None else "ændret"
        shown = (b or a).display  # type: ignore[union-attr]
        out.append(CharterDiff(status, cid, label, shown, changes=changes))
    return out
