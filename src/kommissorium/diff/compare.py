"""Comparing two ``CharterSet``s: charters matched by id (added, removed, moved to a new path),
and per charter the changes a reviewer cares about, one table entry per section; then the rules
run on both sides and the findings the change introduces or resolves are kept.

The sentences come from the phrasebook (``kommissorium.danish.changes``); this module picks which
change happened and with which values.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from kommissorium.danish import changes as words
from kommissorium.danish import frequency, frequency_change, join
from kommissorium.diff.model import STATUS_ORDER, Change, CharterDiff, CorpusDiff

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet
    from kommissorium.model.charter import Charter, Seat
    from kommissorium.problems import Problem


# -- word diff -------------------------------------------------------------------------------------


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text)] with op 'lig', 'slettet' or 'tilføjet' — words, spaces kept."""
    a = re.findall(r"\S+|\s+", old)
    b = re.findall(r"\S+|\s+", new)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(("lig", "".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(("slettet", "".join(a[i1:i2])))
            if j2 > j1:
                out.append(("tilføjet", "".join(b[j1:j2])))
    return out


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _dump(value: Any) -> Any:
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude={"id"} if hasattr(value, "id") else None)
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if hasattr(value, "value"):
        return value.value
    return value


def describe_seat(seat: "Seat", cs: "CharterSet", charter_id: str) -> str:
    """The seat in the words its document uses (document.build.seat_sentence)."""
    from kommissorium.document.build import seat_sentence

    return seat_sentence(cs, charter_id, seat)


# -- one charter, section by section ---------------------------------------------------------------


@dataclass
class Pair:
    """The two versions of one charter, each with the corpus it lies in."""

    old: "Charter"
    new: "Charter"
    old_id: str
    new_id: str
    old_cs: "CharterSet"
    new_cs: "CharterSet"

    def names(self, old: list[str], new: list[str]) -> tuple[str, str]:
        return (words.names_text([self.old_cs.name_of(r) for r in old]),
                words.names_text([self.new_cs.name_of(r) for r in new]))


def _change(kind: str, sentence: str, **fields: str) -> Change:
    return Change(kind, words.change_sentence(sentence, **fields))


def _name(p: Pair) -> list[Change]:
    if p.old.name == p.new.name:
        return []
    return [_change("navn", "navn", old=p.old.name, new=p.new.name)]


def _type(p: Pair) -> list[Change]:
    if p.old.type == p.new.type:
        return []
    return [_change("type", "type", old=p.old.type.value, new=p.new.type.value)]


def _area(p: Pair) -> list[Change]:
    if p.old.area == p.new.area:
        return []
    return [_change("område", "område", old=p.old_cs.name_of(p.old.area),
                    new=p.new_cs.name_of(p.new.area))]


def _extends(p: Pair) -> list[Change]:
    if p.old.extends == p.new.extends:
        return []
    if p.new.extends is None:
        return [_change("ramme", "ramme-fjernet", old=p.old_cs.name_of(p.old.extends))]
    return [_change("ramme", "ramme", new=p.new_cs.name_of(p.new.extends))]


def _purpose(p: Pair) -> list[Change]:
    old, new = p.old.purpose, p.new.purpose
    if (old or "") == (new or ""):
        return []
    if old and new:
        return [Change("formål", words.change_sentence("formål-omformuleret"),
                       word_diff(old.strip(), new.strip()))]
    return [_change("formål", "formål-tilføjet" if new else "formål-fjernet")]


def _meetings(p: Pair) -> list[Change]:
    om, nm = p.old.meetings, p.new.meetings
    changes = []
    of = om.per_year if om else None
    nf = nm.per_year if nm else None
    if _dump(of) != _dump(nf):
        changes.append(Change("møder", frequency_change(of, nf)))
    if _dump(om) != _dump(nm):
        rest_o = _dump(om) or {}
        rest_n = _dump(nm) or {}
        keys = [k for k in set(rest_o) | set(rest_n)
                if k != "per_year" and rest_o.get(k) != rest_n.get(k)]
        if keys:
            what = join(sorted(words.MEETING_SETTING_NOUNS.get(k, k) for k in keys))
            changes.append(_change("møder-andet", "møder-andet", what=what))
    return changes


#: Seat group (Danish key) → model attribute.
_SEAT_GROUPS = {"medlemmer": "members", "deltagere": "participants", "observatører": "observers"}


def _composition(p: Pair) -> list[Change]:
    oc, nc = p.old.composition, p.new.composition
    if _dump(oc) == _dump(nc):
        return []
    changes = []
    for group, attr in _SEAT_GROUPS.items():
        changes += _compare_seats(getattr(oc, attr) if oc else [], getattr(nc, attr) if nc else [],
                                  group, p)
    return changes


def _seat_key(seat: "Seat") -> tuple:
    return (seat.role.strip().lower(), seat.source, seat.for_each, seat.within,
            seat.appointed_by, seat.members_of)


def _compare_seats(old: list["Seat"], new: list["Seat"], group: str, p: Pair) -> list[Change]:
    changes: list[Change] = []
    remaining = list(range(len(new)))
    noun = words.SEAT_NOUNS[group]
    matched: dict[int, int] = {}
    for i, s in enumerate(old):
        for j in remaining:
            if _seat_key(new[j]) == _seat_key(s):
                matched[i] = j
                remaining.remove(j)
                break
    # a seat whose role changed but that kept its place and source
    for i, s in enumerate(old):
        if i in matched:
            continue
        for j in remaining:
            n = new[j]
            if (n.source, n.for_each, n.appointed_by) == (s.source, s.for_each, s.appointed_by) \
                    and _similar(n.role, s.role) >= 0.5:
                matched[i] = j
                remaining.remove(j)
                break
    for i, s in enumerate(old):
        if i not in matched:
            changes.append(_change(f"{noun}-fjernet", "plads-fjernet", noun=noun,
                                   seat=describe_seat(s, p.old_cs, p.old_id)))
            continue
        n = new[matched[i]]
        if _dump(n) == _dump(s):
            continue
        before = describe_seat(s, p.old_cs, p.old_id)
        after = describe_seat(n, p.new_cs, p.new_id)
        if before != after:
            changes.append(_change(f"{noun}-ændret", "plads-ændret", noun=noun, old=before,
                                   new=after))
        else:
            changes.append(_change(f"{noun}-ændret", "plads-detaljer", noun=noun, new=after))
    for j in remaining:
        changes.append(_change(f"{noun}-tilføjet", "plads-tilføjet", noun=noun,
                               seat=describe_seat(new[j], p.new_cs, p.new_id)))
    return changes


def _chair(p: Pair) -> list[Change]:
    if _dump(p.old.chair) == _dump(p.new.chair):
        return []
    b = words.chair_text(p.old.chair, p.old_cs.name_of)
    a = words.chair_text(p.new.chair, p.new_cs.name_of)
    if a != b:
        return [_change("formandskab", "formandskab", old=b, new=a)]
    return [_change("formandskab", "formandskab-tekst")]


def _secretariat(p: Pair) -> list[Change]:
    os_, ns = p.old.secretariat, p.new.secretariat
    if _dump(os_) == _dump(ns):
        return []
    ob = os_.provided_by if os_ else []
    nb = ns.provided_by if ns else []
    if ob != nb:
        old, new = p.names(ob, nb)
        return [_change("sekretariat", "sekretariat", old=old, new=new)]
    return [_change("sekretariat", "sekretariat-tekst")]


def _items(attr: str, key: str, noun: str) -> Callable[[Pair], list[Change]]:
    """Added, removed and reworded items of a list section (tasks, principles)."""

    def compare(p: Pair) -> list[Change]:
        o, n = getattr(p.old, attr), getattr(p.new, attr)
        oi, ni = (o.items if o else []), (n.items if n else [])
        if oi != ni:
            return _compare_items(oi, ni, noun)
        if _dump(o) != _dump(n):
            return [_change(key, "punkter-indledning", section=words.SECTION_NOUNS[key])]
        return []

    return compare


def _compare_items(old: list[str], new: list[str], noun: str) -> list[Change]:
    changes: list[Change] = []
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        pairs: list[tuple[int, int]] = []
        for i in list(olds):
            best, score = None, 0.0
            for j in news:
                s = _similar(old[i], new[j])
                if s > score:
                    best, score = j, s
            if best is not None and score >= 0.4:
                pairs.append((i, best))
                olds.remove(i)
                news.remove(best)
        for i, j in pairs:
            changes.append(Change(
                f"{noun}-omformuleret",
                words.change_sentence("punkt-omformuleret", noun=noun, text=_short(new[j])),
                word_diff(old[i], new[j]),
            ))
        for i in olds:
            changes.append(_change(f"{noun}-fjernet", "punkt-fjernet", noun=noun, text=old[i]))
        for j in news:
            changes.append(_change(f"{noun}-tilføjet", "punkt-tilføjet", noun=noun, text=new[j]))
    return changes


def _relations(p: Pair) -> list[Change]:
    from kommissorium.model.charter import RELATION_EDGES

    changes = []
    for _key, attr, verb in RELATION_EDGES:
        o = getattr(p.old.relations, attr)
        n = getattr(p.new.relations, attr)
        for r in n:
            if r not in o:
                changes.append(_change("relation-tilføjet", "relation-tilføjet", verb=verb,
                                       name=p.new_cs.name_of(r)))
        for r in o:
            if r not in n:
                changes.append(_change("relation-fjernet", "relation-fjernet", verb=verb,
                                       name=p.old_cs.name_of(r)))
    osub = [_dump(s) for s in p.old.relations.subgroups]
    nsub = [_dump(s) for s in p.new.relations.subgroups]
    if osub != nsub:
        changes.append(_change("undergrupper", "undergrupper"))
    return changes


#: Model attribute → its comparison, in the order the changes are listed. Every other section
#: (but the id) is compared as a whole: "<Afsnittet> er ændret."
SECTIONS: dict[str, Callable[[Pair], list[Change]]] = {
    "name": _name,
    "type": _type,
    "area": _area,
    "extends": _extends,
    "purpose": _purpose,
    "meetings": _meetings,
    "composition": _composition,
    "chair": _chair,
    "secretariat": _secretariat,
    "tasks": _items("tasks", "opgaver", "opgave"),
    "principles": _items("principles", "principper", "princip"),
    "relations": _relations,
}
_NOT_COMPARED = {"id"}


def _other_sections(p: Pair) -> list[Change]:
    changes = []
    for attr, info in type(p.old).model_fields.items():
        if attr in SECTIONS or attr in _NOT_COMPARED:
            continue
        if _dump(getattr(p.old, attr)) != _dump(getattr(p.new, attr)):
            alias = info.alias or attr
            section = words.SECTION_NOUNS.get(alias, f"»{alias}«")
            changes.append(_change(alias, "afsnit", section=section))
    return changes


def compare_charters(old: "Charter", new: "Charter", old_id: str, new_id: str,
                     old_cs: "CharterSet", new_cs: "CharterSet") -> list[Change]:
    pair = Pair(old, new, old_id, new_id, old_cs, new_cs)
    changes: list[Change] = []
    for compare in SECTIONS.values():
        changes += compare(pair)
    return changes + _other_sections(pair)


# -- the corpus --------------------------------------------------------------------------------------


def _member_text(cs: "CharterSet", cid: str) -> str | None:
    mc = cs.member_count(cid)
    return str(mc) if mc is not None else None


def _problem_key(p: "Problem") -> tuple[str, str, str]:
    message = re.sub(r":\d+:\d+", "", p.message)
    message = re.sub(r"\blinje \d+", "linje", message)
    return (p.code, p.charter or p.file, message)


def _surplus(these: list["Problem"], others: list["Problem"]) -> list["Problem"]:
    """Problems of ``these`` beyond those ``others`` has with the same key (a multiset)."""
    budget = Counter(_problem_key(p) for p in others)
    out = []
    for p in sorted(these, key=lambda p: p.sort_key()):
        k = _problem_key(p)
        if budget[k] > 0:
            budget[k] -= 1
        else:
            out.append(p)
    return out


def _all_problems(cs: "CharterSet", config: Any) -> list["Problem"]:
    from kommissorium.rules import run_rules

    return list(cs.problems) + run_rules(cs, config)


def _moves(old_ids: dict, new_ids: dict, removed: list[str], added: list[str]) -> dict[str, str]:
    """Removed id → added id, for a removed and an added file with (nearly) the same text."""
    moves: dict[str, str] = {}
    for rid in removed:
        otext = old_ids[rid].doc.text
        best, score = None, 0.0
        for aid in added:
            if aid in moves.values():
                continue
            s = difflib.SequenceMatcher(None, otext, new_ids[aid].doc.text, autojunk=False).ratio()
            if s > score:
                best, score = aid, s
        if best is not None and score >= 0.6:
            moves[rid] = best
    return moves


def _added(cid: str, nf: Any, new_cs: "CharterSet") -> CharterDiff:
    c = nf.charter
    name = c.name if c else cid
    if c is not None:
        freq = c.meetings.per_year if c.meetings else None
        text = words.added_charter_sentence(
            name, c.type.value, new_cs.name_of(c.area), _member_text(new_cs, cid),
            frequency(freq) if freq is not None else None)
    else:
        text = words.change_sentence("ny-ulæselig")
    return CharterDiff("tilføjet", cid, name, nf.display, changes=[Change("tilføjet", text)],
                       members_after=_member_text(new_cs, cid))


def _member_change(changes: list[Change], mb: str | None, ma: str | None) -> Change | None:
    if mb != ma:
        if mb is None:
            return _change("medlemstal", "medlemstal-nyt", new=ma or "")
        if ma is None:
            return _change("medlemstal", "medlemstal-fjernet", old=mb)
        return _change("medlemstal", "medlemstal", old=mb, new=ma)
    if any(c.kind.startswith("plads-") for c in changes) and ma is not None:
        return _change("medlemstal", "medlemstal-fortsat", new=ma)
    return None


def _changed(old_id: str, cid: str, of: Any, nf: Any, old_cs: "CharterSet",
             new_cs: "CharterSet") -> CharterDiff | None:
    moved = old_id != cid
    if not moved and of.doc.text == nf.doc.text:
        # unchanged text; the member total may still change through a frame or the registry
        if _member_text(old_cs, cid) == _member_text(new_cs, cid):
            return None
    oc, nc = of.charter, nf.charter
    name = nc.name if nc else (oc.name if oc else cid)
    changes: list[Change] = []
    if moved:
        changes.append(_change("flyttet", "flyttet", old_file=of.display, new_file=nf.display,
                               old_id=old_id, new_id=cid))
    if oc is not None and nc is not None:
        changes += compare_charters(oc, nc, old_id, cid, old_cs, new_cs)
    elif nc is None and oc is not None:
        changes.append(_change("ugyldig", "ugyldig"))
    elif oc is None and nc is not None:
        changes.append(_change("gyldig", "gyldig"))
    mb, ma = _member_text(old_cs, old_id), _member_text(new_cs, cid)
    # A side that cannot be read has no member total: comparing it would say 'nu ingen angivet'.
    member = _member_change(changes, mb, ma) if oc is not None and nc is not None else None
    if member is not None:
        changes.append(member)
    if not changes:
        changes.append(_change("format", "format"))
    return CharterDiff("flyttet" if moved else "ændret", cid, name, nf.display,
                       old_id if moved else None, of.display if moved else None,
                       changes, mb, ma)


def compare_sets(old_cs: "CharterSet", new_cs: "CharterSet", base: str, head: str,
                 config: Any = None) -> CorpusDiff:
    from kommissorium.problems import sort_problems

    old_ids = {f.id: f for f in old_cs.files}
    new_ids = {f.id: f for f in new_cs.files}
    removed = [i for i in old_ids if i not in new_ids]
    added = [i for i in new_ids if i not in old_ids]
    moves = _moves(old_ids, new_ids, removed, added)
    moved_to = {a: r for r, a in moves.items()}

    out: list[CharterDiff] = []
    for cid, nf in new_ids.items():
        if cid in added and cid not in moved_to:
            out.append(_added(cid, nf, new_cs))
            continue
        old_id = moved_to.get(cid, cid)
        of = old_ids.get(old_id)
        if of is None:
            continue
        found = _changed(old_id, cid, of, nf, old_cs, new_cs)
        if found is not None:
            out.append(found)
    for cid in removed:
        if cid in moves:
            continue
        of = old_ids[cid]
        name = of.charter.name if of.charter else cid
        out.append(CharterDiff("fjernet", cid, name, of.display,
                               changes=[_change("fjernet", "fjernet", name=name)],
                               members_before=_member_text(old_cs, cid)))
    from kommissorium.roster.compare import companion_diffs

    out += companion_diffs(old_cs, new_cs)
    out.sort(key=lambda d: (STATUS_ORDER[d.status], d.file))

    old_p = _all_problems(old_cs, config)
    new_p = _all_problems(new_cs, config)
    introduced = _surplus(new_p, old_p)
    resolved = _surplus(old_p, new_p)
    return CorpusDiff(base, head, out, sort_problems(introduced), sort_problems(resolved))
