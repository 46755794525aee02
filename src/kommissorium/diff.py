"""Semantic diff of the charters between two git revisions (or a revision and the working tree).

Each side is loaded as a full ``CharterSet`` (``git archive`` of the charters folder into a
temporary folder; the working tree is read in place), and the charters are compared by id:
added, removed, moved (same body, new path), and per charter the changes a reviewer cares about,
in Danish: name, type, meetings, seats and the member total, chair, secretariat, tasks and
principles (with a word diff), purpose, relations. Then the rules run on both sides, and the
findings the change introduces or resolves are listed.

git is called with argument lists (never a shell); revisions are checked before use.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from kommissorium.danish import sentences as say
from kommissorium.errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet
    from kommissorium.model.charter import Charter, Seat
    from kommissorium.model.types import Frequency
    from kommissorium.problems import Problem

WORKTREE = None  # the HEAD side when no revision is given
MAIN_BRANCHES = ("origin/main", "main", "origin/master", "master")


class DiffError(UsageError):
    """Not a git repository, unknown revision, git missing: exit code 2 with this message."""


# -- git -------------------------------------------------------------------------------------------


def _git(args: list[str], cwd: Path, binary: bool = False) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.setdefault("GIT_TERMINAL_PROMPT", "0")
    env["LC_ALL"] = "C"
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=not binary, env=env, check=False
        )
    except FileNotFoundError:
        raise DiffError("git findes ikke på denne maskine; installér git.") from None


def git_toplevel(cwd: Path) -> Path:
    proc = _git(["rev-parse", "--show-toplevel"], cwd)
    if proc.returncode != 0:
        raise DiffError(f"'{cwd}' er ikke i et git-repositorium; 'kommissorium diff' sammenligner "
                        "git-revisioner.")
    return Path(proc.stdout.strip())


def resolve_revision(rev: str, top: Path) -> str:
    """The commit id of a revision, or DiffError in Danish."""
    if not rev or rev.startswith("-"):
        raise DiffError(f"ugyldig revision '{rev}'.")
    proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    if proc.returncode != 0:
        raise DiffError(f"ukendt git-revision '{rev}' (findes grenen, tagget eller committen?).")
    return proc.stdout.strip()


def default_base(top: Path) -> tuple[str, str]:
    """(label, commit): the merge-base of HEAD with the main branch, else HEAD."""
    head = _git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], top)
    if head.returncode != 0:
        raise DiffError("repositoriet har endnu ingen commits; angiv revisioner at sammenligne.")
    for branch in MAIN_BRANCHES:
        ref = f"refs/remotes/{branch}" if branch.startswith("origin/") else f"refs/heads/{branch}"
        ok = _git(["rev-parse", "--verify", "--quiet", ref], top)
        if ok.returncode != 0:
            continue
        mb = _git(["merge-base", "HEAD", branch], top)
        if mb.returncode == 0 and mb.stdout.strip():
            return f"merge-base med {branch}", mb.stdout.strip()
    return "HEAD", head.stdout.strip()


def _extract(top: Path, commit: str, rel: str, dest: Path) -> bool:
    """Unpack the charters folder of a commit into dest; False when the commit has none."""
    proc = _git(["archive", "--format=tar", commit, "--", rel], top, binary=True)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace") if isinstance(proc.stderr, bytes) else proc.stderr
        if "did not match" in err:
            return False
        raise DiffError(f"git archive fejlede for {commit[:12]}: {err.strip()}")
    links: list[tarfile.TarInfo] = []

    def no_links(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        # tarfile's "data" filter would stop the whole diff at a committed link to /etc/passwd
        # (AbsoluteLinkError). Links are set aside and made after every file is written, so
        # nothing is written through one; loading then reports them (Y012) without reading.
        if member.issym() or member.islnk():
            links.append(member)
            return None
        return tarfile.data_filter(member, path)

    with tarfile.open(fileobj=io.BytesIO(proc.stdout), mode="r:") as tar:
        tar.extractall(dest, filter=no_links)
    base = dest.resolve()
    for member in links:
        where = dest / member.name
        folder = where.parent.resolve()
        if member.issym() and (folder == base or base in folder.parents) and not where.is_symlink():
            where.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(member.linkname, where)
    return True


# -- describing values in Danish ---------------------------------------------------------------


def describe_frequency(f: "Frequency | None") -> str:
    """The phrasebook's frequency phrase ('fire møder årligt', 'møder efter behov')."""
    from kommissorium.danish.quantities import frequency

    return frequency(f)


def frequency_change(old: "Frequency | None", new: "Frequency | None") -> str:
    """'Mødefrekvensen ændres fra fire til seks møder årligt.' (the phrasebook's sentence)."""
    from kommissorium.danish.quantities import frequency_change as change

    return change(old, new)


def _count(c: Any) -> str:
    if c.exact:
        return str(c.minimum)
    if c.maximum is None:
        return f"mindst {c.low}"
    if not c.minimum:
        return f"op til {c.maximum}"
    return f"{c.minimum}-{c.maximum}"


def describe_seat(seat: "Seat", cs: "CharterSet", charter_id: str) -> str:
    """The seat in the words its document uses (document.build.seat_sentence)."""
    from kommissorium.document.build import seat_sentence

    return seat_sentence(cs, charter_id, seat)


def describe_chair(chair: Any, cs: "CharterSet") -> str:
    from kommissorium.danish import join

    if chair is None:
        return "intet formandskab angivet"
    parts = []
    if chair.shared_between:
        from kommissorium.danish.vocabulary import party_name

        parts.append("delt mellem " + join(party_name(p) for p in chair.shared_between))
    for label, officer in (("formand", chair.chair), ("næstformand", chair.vice_chair)):
        if officer is None:
            continue
        who = officer.role or (officer.text or "")
        if officer.source:
            who = f"{who} fra {cs.name_of(officer.source)}".strip()
        if officer.elected_from:
            who = f"{who} valgt blandt {officer.elected_from}".strip()
        parts.append(f"{label}: {who}" if who else label)
    if not parts and chair.text:
        parts.append(chair.text)
    return "; ".join(parts) or "formandskab uden nærmere angivelse"


def _names(refs: list[str], cs: "CharterSet") -> str:
    from kommissorium.danish import join

    return join(cs.name_of(r) for r in refs) or "ingen"


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


# -- the model of a diff --------------------------------------------------------------------------


@dataclass
class Change:
    kind: str
    text: str  # one Danish sentence
    words: list[tuple[str, str]] | None = None  # word diff, for rewordings

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.words is not None:
            d["words"] = [{"op": op, "text": t} for op, t in self.words]
        return d


@dataclass
class CharterDiff:
    status: str  # tilføjet | fjernet | ændret | flyttet
    id: str
    name: str
    file: str
    old_id: str | None = None
    old_file: str | None = None
    changes: list[Change] = field(default_factory=list)
    members_before: str | None = None
    members_after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "id": self.id,
            "name": self.name,
            "file": self.file,
            "old_id": self.old_id,
            "old_file": self.old_file,
            "members": {"before": self.members_before, "after": self.members_after},
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass
class CorpusDiff:
    base: str
    head: str
    charters: list[CharterDiff]
    introduced: list["Problem"]
    resolved: list["Problem"]

    @property
    def empty(self) -> bool:
        return not self.charters and not self.introduced and not self.resolved

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "head": self.head,
            "charters": [c.to_dict() for c in self.charters],
            "findings": {
                "introduced": [p.to_dict() for p in self.introduced],
                "resolved": [p.to_dict() for p in self.resolved],
            },
        }


# -- comparing ---------------------------------------------------------------------------------------

_SECTION_LABELS = {
    "forkortelse": "forkortelsen", "andre-navne": "de andre navne", "titel": "titlen",
    "ramme": "rammemarkeringen", "godkendt": "godkendelsen", "dato": "datoen",
    "version": "versionen", "gyldig": "gyldighedsperioden", "kilde": "kilden",
    "overskrifter": "overskrifterne", "baggrund": "baggrunden",
    "beslutninger": "beslutningsreglerne", "offentliggørelse": "offentliggørelsen",
    "afsnit": "de ekstra afsnit", "noter": "noterne", "undertryk": "undertrykkelserne",
    "sammensætning": "sammensætningen", "møder": "møderne", "formandskab": "formandskabet",
    "sekretariat": "sekretariatet", "relationer": "relationerne", "principper": "principperne",
    "opgaver": "opgaverne", "formål": "formålet",
}


def _dump(value: Any) -> Any:
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude={"id"} if hasattr(value, "id") else None)
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if hasattr(value, "value"):
        return value.value
    return value


def _seat_key(seat: "Seat") -> tuple:
    return (seat.role.strip().lower(), seat.source, seat.for_each, seat.within,
            seat.appointed_by, seat.members_of)


def _compare_seats(old: list["Seat"], new: list["Seat"], group: str,
                   old_cs: "CharterSet", new_cs: "CharterSet",
                   old_id: str, new_id: str) -> list[Change]:
    changes: list[Change] = []
    remaining = list(range(len(new)))
    label = {"medlemmer": "plads", "deltagere": "deltager", "observatører": "observatør"}[group]
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
            changes.append(Change(f"{label}-fjernet",
                                  say.seat_removed(label, describe_seat(s, old_cs, old_id))))
            continue
        n = new[matched[i]]
        if _dump(n) == _dump(s):
            continue
        before, after = describe_seat(s, old_cs, old_id), describe_seat(n, new_cs, new_id)
        if before != after:
            changes.append(Change(f"{label}-ændret", say.seat_changed(label, before, after)))
        else:
            changes.append(Change(f"{label}-ændret", say.seat_details_changed(label, after)))
    for j in remaining:
        changes.append(Change(f"{label}-tilføjet",
                              say.seat_added(label, describe_seat(new[j], new_cs, new_id))))
    return changes


def _compare_items(old: list[str], new: list[str], what: str, singular: str) -> list[Change]:
    """Added, removed and reworded items of a list (tasks, principles)."""
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
                f"{what}-omformuleret",
                say.item_reworded(singular, _short(new[j])),
                word_diff(old[i], new[j]),
            ))
        for i in olds:
            changes.append(Change(f"{what}-fjernet", say.item_removed(singular, old[i])))
        for j in news:
            changes.append(Change(f"{what}-tilføjet", say.item_added(singular, new[j])))
    return changes


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def compare_charters(old: "Charter", new: "Charter", old_id: str, new_id: str,
                     old_cs: "CharterSet", new_cs: "CharterSet") -> list[Change]:
    from kommissorium.model.charter import RELATION_EDGES

    changes: list[Change] = []
    if old.name != new.name:
        changes.append(Change("navn", say.name_changed(old.name, new.name)))
    if old.type != new.type:
        changes.append(Change("type", say.type_changed(old.type.value, new.type.value)))
    if old.area != new.area:
        changes.append(Change("område", f"Området ændres fra {old_cs.name_of(old.area)} til "
                                        f"{new_cs.name_of(new.area)}."))
    if old.extends != new.extends:
        if new.extends is None:
            changes.append(Change("ramme", f"Udbygger ikke længere {old_cs.name_of(old.extends)}."))
        else:
            changes.append(Change("ramme", f"Udbygger nu {new_cs.name_of(new.extends)}."))
    if (old.purpose or "") != (new.purpose or ""):
        if old.purpose and new.purpose:
            changes.append(Change("formål", "Formålet er omformuleret.",
                                  word_diff(old.purpose.strip(), new.purpose.strip())))
        elif new.purpose:
            changes.append(Change("formål", "Formålet er tilføjet."))
        else:
            changes.append(Change("formål", "Formålet er fjernet."))

    # meetings
    om, nm = old.meetings, new.meetings
    of = om.per_year if om else None
    nf = nm.per_year if nm else None
    if _dump(of) != _dump(nf):
        changes.append(Change("møder", frequency_change(of, nf)))
    if _dump(om) != _dump(nm):
        rest_o = _dump(om) or {}
        rest_n = _dump(nm) or {}
        keys = [k for k in set(rest_o) | set(rest_n) if k != "per_year" and rest_o.get(k) != rest_n.get(k)]
        if keys:
            labels = {"duration_hours": "varigheden", "physical_per_year": "antallet af fysiske møder",
                      "virtual": "virtuelle møder", "extraordinary": "ekstraordinære møder",
                      "agenda_days_before": "udsendelsen af dagsordenen", "timing": "tidspunktet",
                      "text": "teksten", "notes": "noterne"}
            from kommissorium.danish import join

            changes.append(Change("møder-andet", "Møder: "
                                  + join(sorted(labels.get(k, k) for k in keys)) + " er ændret."))

    # composition
    oc, nc = old.composition, new.composition
    comp_changed = _dump(oc) != _dump(nc)
    if comp_changed:
        for group in ("medlemmer", "deltagere", "observatører"):
            attr = {"medlemmer": "members", "deltagere": "participants", "observatører": "observers"}[group]
            changes += _compare_seats(getattr(oc, attr) if oc else [], getattr(nc, attr) if nc else [],
                                      group, old_cs, new_cs, old_id, new_id)

    # chair and secretariat
    if _dump(old.chair) != _dump(new.chair):
        b, a = describe_chair(old.chair, old_cs), describe_chair(new.chair, new_cs)
        changes.append(Change("formandskab", say.chair_changed(b, a) if a != b
                              else "Formandskabets tekst er ændret."))
    if _dump(old.secretariat) != _dump(new.secretariat):
        ob = old.secretariat.provided_by if old.secretariat else []
        nb = new.secretariat.provided_by if new.secretariat else []
        if ob != nb:
            changes.append(Change("sekretariat", say.secretariat_changed(_names(nb, new_cs),
                                                                         _names(ob, old_cs))))
        else:
            changes.append(Change("sekretariat", "Sekretariatsafsnittet er ændret."))

    # tasks and principles
    for attr, key, what, singular in (("tasks", "opgaver", "opgave", "opgave"),
                                      ("principles", "principper", "princip", "princip")):
        o, n = getattr(old, attr), getattr(new, attr)
        oi, ni = (o.items if o else []), (n.items if n else [])
        if oi != ni:
            changes += _compare_items(oi, ni, what, singular)
        elif _dump(o) != _dump(n):
            changes.append(Change(key, f"Indledning eller noter til {_SECTION_LABELS[key]} er ændret."))

    # relations
    for key, attr, verb in RELATION_EDGES:
        o = getattr(old.relations, attr)
        n = getattr(new.relations, attr)
        for r in n:
            if r not in o:
                changes.append(Change("relation-tilføjet",
                                      f"Ny relation: {verb} {new_cs.name_of(r)}."))
        for r in o:
            if r not in n:
                changes.append(Change("relation-fjernet",
                                      f"Relationen fjernes: {verb} {old_cs.name_of(r)}."))
    osub = [_dump(s) for s in old.relations.subgroups]
    nsub = [_dump(s) for s in new.relations.subgroups]
    if osub != nsub:
        changes.append(Change("undergrupper", "Undergrupperne er ændret."))

    # anything else: one line per section
    covered = {"name", "type", "area", "extends", "purpose", "meetings", "composition", "chair",
               "secretariat", "tasks", "principles", "relations", "id"}
    for attr, info in type(old).model_fields.items():
        if attr in covered:
            continue
        if _dump(getattr(old, attr)) != _dump(getattr(new, attr)):
            alias = info.alias or attr
            label = _SECTION_LABELS.get(alias, f"»{alias}«")
            changes.append(Change(alias, f"{label.capitalize()} er ændret."))
    return changes


def _member_text(cs: "CharterSet", cid: str) -> str | None:
    mc = cs.member_count(cid)
    return str(mc) if mc is not None else None


def _problem_key(p: "Problem") -> tuple[str, str, str]:
    message = re.sub(r":\d+:\d+", "", p.message)
    message = re.sub(r"\blinje \d+", "linje", message)
    return (p.code, p.charter or p.file, message)


def _surplus(these: list["Problem"], others: list["Problem"]) -> list["Problem"]:
    """Problems of ``these`` beyond those ``others`` has with the same key (a multiset)."""
    from collections import Counter

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


def compare_sets(old_cs: "CharterSet", new_cs: "CharterSet", base: str, head: str,
                 config: Any = None) -> CorpusDiff:
    from kommissorium.problems import sort_problems

    old_ids = {f.id: f for f in old_cs.files}
    new_ids = {f.id: f for f in new_cs.files}
    removed = [i for i in old_ids if i not in new_ids]
    added = [i for i in new_ids if i not in old_ids]
    # moves: a removed and an added file with (nearly) the same text
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

    out: list[CharterDiff] = []
    for cid, nf in new_ids.items():
        if cid in added and cid not in moves.values():
            c = nf.charter
            name = c.name if c else cid
            changes = []
            if c is not None:
                from kommissorium.danish.names import Names

                freq = c.meetings.per_year if c.meetings else None
                changes.append(Change("tilføjet", say.new_charter(
                    name, c.type.value, Names(new_cs).ref(c.area), _member_text(new_cs, cid), freq)))
            else:
                changes.append(Change("tilføjet", "Nyt kommissorium, som ikke kan læses (se fund)."))
            out.append(CharterDiff("tilføjet", cid, name, nf.display, changes=changes,
                                   members_after=_member_text(new_cs, cid)))
            continue
        old_id = next((r for r, a in moves.items() if a == cid), cid)
        of = old_ids.get(old_id)
        if of is None:
            continue
        moved = old_id != cid
        if not moved and of.doc.text == nf.doc.text:
            # unchanged text; the member total may still change through a frame or the registry
            mb, ma = _member_text(old_cs, cid), _member_text(new_cs, cid)
            if mb == ma:
                continue
        oc, nc = of.charter, nf.charter
        name = nc.name if nc else (oc.name if oc else cid)
        changes: list[Change] = []
        if moved:
            changes.append(Change("flyttet", f"Flyttet fra {of.display} til {nf.display} "
                                             f"(id ændret fra {old_id} til {cid})."))
        if oc is not None and nc is not None:
            changes += compare_charters(oc, nc, old_id, cid, old_cs, new_cs)
        elif nc is None and oc is not None:
            changes.append(Change("ugyldig", "Kommissoriet kan ikke længere læses (se de nye fund)."))
        elif oc is None and nc is not None:
            changes.append(Change("gyldig", "Kommissoriet kan nu læses igen."))
        mb, ma = _member_text(old_cs, old_id), _member_text(new_cs, cid)
        if mb != ma:
            changes.append(Change("medlemstal", say.member_total_changed(mb, ma)))
        elif any(c.kind.startswith("plads-") for c in changes) and ma is not None:
            changes.append(Change("medlemstal", say.member_total_same(ma)))
        if not changes:
            changes.append(Change("format", "Kun formatering eller kommentarer er ændret."))
        out.append(CharterDiff("flyttet" if moved else "ændret", cid, name, nf.display,
                               old_id if moved else None, of.display if moved else None,
                               changes, mb, ma))
    for cid in removed:
        if cid in moves:
            continue
        of = old_ids[cid]
        name = of.charter.name if of.charter else cid
        out.append(CharterDiff("fjernet", cid, name, of.display,
                               changes=[Change("fjernet", f"Kommissoriet for {name} fjernes.")],
                               members_before=_member_text(old_cs, cid)))
    order = {"ændret": 0, "flyttet": 1, "tilføjet": 2, "fjernet": 3}
    out.sort(key=lambda d: (order[d.status], d.file))

    old_p = _all_problems(old_cs, config)
    new_p = _all_problems(new_cs, config)
    introduced = _surplus(new_p, old_p)
    resolved = _surplus(old_p, new_p)
    return CorpusDiff(base, head, out, sort_problems(introduced), sort_problems(resolved))


# -- from git ------------------------------------------------------------------------------------------


def diff_revisions(base: str | None, head: str | None, cwd: Path | None = None) -> CorpusDiff:
    """Compare BASE (default: merge-base with main) with HEAD (default: the working tree)."""
    from kommissorium.config import load_config
    from kommissorium.corpus import load_corpus
    from kommissorium.workspace import CHARTERS_DIR, find_root

    cwd = (cwd or Path.cwd()).resolve()
    top = git_toplevel(cwd).resolve()
    root = find_root(cwd) or top
    config = load_config(root)
    charters_dir = (config.charters_dir or (root / CHARTERS_DIR)).resolve()
    try:
        rel = charters_dir.relative_to(top).as_posix()
    except ValueError:
        raise DiffError(f"charters-mappen {charters_dir} ligger uden for git-repositoriet {top}.") from None

    if base is None:
        base_label, base_commit = default_base(top)
    else:
        base_commit = resolve_revision(base, top)
        base_label = base
    if head is not None:
        head_commit = resolve_revision(head, top)
        head_label = head
    else:
        head_commit = None
        head_label = "arbejdstræet"
    rules = config.rule_config()
    with tempfile.TemporaryDirectory(prefix="kommissorium-diff-") as tmp:
        tmp_path = Path(tmp)
        old_dir = tmp_path / "base"
        old_dir.mkdir()
        _extract(top, base_commit, rel, old_dir)
        old_cs = load_corpus(old_dir / rel, cwd=old_dir)
        if head_commit is None:
            new_cs = load_corpus(charters_dir, cwd=top)
        else:
            new_dir = tmp_path / "head"
            new_dir.mkdir()
            _extract(top, head_commit, rel, new_dir)
            new_cs = load_corpus(new_dir / rel, cwd=new_dir)
        return compare_sets(old_cs, new_cs, _label(base_label, base_commit),
                            _label(head_label, head_commit), rules)


def _label(label: str, commit: str | None) -> str:
    if commit is None:
        return label
    if commit.startswith(label.lower()):
        return commit[:7]
    return f"{label} ({commit[:7]})"


# -- output ----------------------------------------------------------------------------------------------


def _summary(d: CorpusDiff) -> str:
    from kommissorium.danish import join

    if d.empty:
        return f"Ingen ændringer i kommissorierne fra {d.base} til {d.head}."
    counts: dict[str, int] = {}
    for c in d.charters:
        counts[c.status] = counts.get(c.status, 0) + 1
    parts = []
    for status in ("ændret", "flyttet", "tilføjet", "fjernet"):
        n = counts.get(status)
        if n:
            noun = "kommissorium" if n == 1 else "kommissorier"
            parts.append(f"{n} {noun} {status}")
    findings = []
    if d.introduced:
        findings.append(f"{len(d.introduced)} {'nyt fund' if len(d.introduced) == 1 else 'nye fund'}")
    if d.resolved:
        findings.append(f"{len(d.resolved)} {'fund løst' if len(d.resolved) == 1 else 'fund løst'}")
    text = f"Ændringer fra {d.base} til {d.head}: " + (join(parts) if parts else "ingen kommissorier ændret")
    if findings:
        text += "; " + join(findings)
    return text + "."


def _split_space(t: str) -> tuple[str, str, str]:
    core = t.strip()
    if not core:
        return t, "", ""
    lead = t[: len(t) - len(t.lstrip())]
    trail = t[len(t.rstrip()):]
    return lead, core, trail


def _words_render(words: list[tuple[str, str]], deleted: str, added: str, esc=lambda x: x) -> str:
    out = []
    for op, t in words:
        if op == "lig":
            out.append(esc(t))
            continue
        lead, core, trail = _split_space(t)
        if not core:
            out.append(t if op == "tilføjet" else "")
            continue
        marker = deleted if op == "slettet" else added
        out.append(lead + marker.format(esc(core)) + trail)
    return re.sub(r"  +", " ", "".join(out))


def _words_text(words: list[tuple[str, str]]) -> str:
    return _words_render(words, "[-{}-]", "{{+{}+}}")


def _words_markdown(words: list[tuple[str, str]]) -> str:
    return _words_render(words, "~~{}~~", "**{}**", _md)


def _md(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>|#~])", r"\\\1", text)


def _problem_line(p: "Problem") -> str:
    return f"{p.file}:{p.line}:{p.column}: {p.severity.value} {p.code} {p.message} [{p.name}]"


STATUS_LABEL = {"ændret": "Ændret", "flyttet": "Flyttet", "tilføjet": "Tilføjet", "fjernet": "Fjernet"}


def render_text(d: CorpusDiff) -> Iterator[str]:
    yield _summary(d)
    for c in d.charters:
        yield ""
        yield f"{STATUS_LABEL[c.status]}: {c.name} ({c.file})"
        for ch in c.changes:
            yield f"  • {ch.text}"
            if ch.words:
                yield f"      {_words_text(ch.words)}"
    for title, problems in (("Nye fund", d.introduced), ("Løste fund", d.resolved)):
        if problems:
            yield ""
            yield f"{title} ({len(problems)}):"
            for p in problems:
                yield f"  {_problem_line(p)}"


def render_markdown(d: CorpusDiff) -> Iterator[str]:
    yield "## Ændringer i kommissorierne"
    yield ""
    yield _md(_summary(d))
    for c in d.charters:
        yield ""
        yield f"### {STATUS_LABEL[c.status]}: {_md(c.name)}"
        yield ""
        yield f"`{c.file}`"
        yield ""
        for ch in c.changes:
            yield f"- {_md(ch.text)}"
            if ch.words:
                yield f"  > {_words_markdown(ch.words)}"
    for title, icon, problems in (("Nye fund", "⚠️", d.introduced), ("Løste fund", "✅", d.resolved)):
        if problems:
            yield ""
            yield f"### {icon} {title} ({len(problems)})"
            yield ""
            for p in problems:
                yield (f"- **{p.severity.value} {p.code}** `{p.file}:{p.line}:{p.column}` "
                       f"{_md(p.message)} ({_md(p.name)})")


def render_json(d: CorpusDiff) -> str:
    import json

    return json.dumps(d.to_dict(), ensure_ascii=False, indent=2)
