"""Relations between bodies, both ways: what a charter says about others, and what others say
about it. Each edge is one Danish sentence: ``<source> <verb> <target>``."""

from __future__ import annotations

from dataclasses import dataclass

from kommissorium.corpus import CharterSet
from kommissorium.model.charter import RELATION_EDGES


@dataclass(frozen=True)
class Edge:
    source: str  # charter id
    verb: str  # Danish verb phrase: "indstiller til"
    target: str  # charter id or registry key
    key: str  # YAML key the edge comes from


def edges_of(cs: CharterSet, charter_id: str) -> list[Edge]:
    """The relations a charter states itself (not inherited from its frame)."""
    c = cs.charter(charter_id)
    if c is None:
        return []
    out: list[Edge] = []
    if c.extends:
        out.append(Edge(charter_id, "udbygger rammen", c.extends, "udbygger"))
    for key, attr, verb in RELATION_EDGES:
        for ref in getattr(c.relations, attr):
            out.append(Edge(charter_id, verb, ref, key))
    for sg in c.relations.subgroups:
        if sg.ref:
            out.append(Edge(charter_id, "har undergruppen", sg.ref, "undergrupper"))
    if c.secretariat is not None:
        for ref in c.secretariat.provided_by:
            out.append(Edge(charter_id, "sekretariatsbetjenes af", ref, "sekretariat"))
    if c.approved is not None and c.approved.by and c.approved.by != charter_id:
        out.append(Edge(charter_id, "godkendes af", c.approved.by, "godkendt"))
    seen: set[tuple[str, str]] = set()
    unique = []
    for e in out:
        if (e.verb, e.target) not in seen and e.target != charter_id:
            seen.add((e.verb, e.target))
            unique.append(e)
    return unique


@dataclass
class RelationIndex:
    outgoing: dict[str, list[Edge]]
    incoming: dict[str, list[Edge]]

    def all(self) -> list[Edge]:
        return [e for edges in self.outgoing.values() for e in edges]


def relation_index(cs: CharterSet, ids: list[str]) -> RelationIndex:
    outgoing = {cid: edges_of(cs, cid) for cid in ids}
    incoming: dict[str, list[Edge]] = {cid: [] for cid in ids}
    for edges in outgoing.values():
        for e in edges:
            if e.target in incoming:
                incoming[e.target].append(e)
    return RelationIndex(outgoing, incoming)
