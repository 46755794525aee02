"""Relations between bodies, both ways, from the graph stage's edges (the same edges the
organisation diagram draws): what a charter says about others, and what others say about it.
Each edge reads as one Danish sentence: ``<source> <verb> <target>``."""

from __future__ import annotations

from dataclasses import dataclass

from kommissorium.corpus import CharterSet
from kommissorium.model.charter import RELATION_EDGES

#: Graph edge kind → verb phrase for a sentence "<source> <verb> <target>".
VERBS: dict[str, str] = {
    **{attr: verb for _key, attr, verb in RELATION_EDGES},
    "extends": "udbygger rammen",
    "subgroup": "er en undergruppe under",
    "members_of": "har medlemmer fra",
}


@dataclass(frozen=True)
class Edge:
    source: str  # charter id (or registry key for an external node)
    verb: str  # Danish verb phrase: "indstiller til"
    target: str  # charter id or registry key
    kind: str  # the graph's edge kind


@dataclass
class RelationIndex:
    outgoing: dict[str, list[Edge]]
    incoming: dict[str, list[Edge]]
    #: Every edge of the graph, in the graph's order.
    edges: list[Edge]
    #: The graph itself (nodes and edges), for the diagram.
    graph: object


def relation_index(cs: CharterSet, ids: list[str]) -> RelationIndex:
    from kommissorium.graph import build_graph

    graph = build_graph(cs)
    outgoing: dict[str, list[Edge]] = {cid: [] for cid in ids}
    incoming: dict[str, list[Edge]] = {cid: [] for cid in ids}
    edges = []
    for e in graph.edges:
        edge = Edge(e.source, VERBS.get(e.kind, e.label), e.target, e.kind)
        edges.append(edge)
        if e.source in outgoing:
            outgoing[e.source].append(edge)
        if e.target in incoming:
            incoming[e.target].append(edge)
    return RelationIndex(outgoing, incoming, edges, graph)
