"""Relations (X): no reporting cycles, relations that agree from both ends, bodies tied to nothing.
(That every reference resolves is R001 in references.py.)"""

from __future__ import annotations

from typing import Iterator

from kommissorium.corpus import CharterSet, refs_in
from kommissorium.problems import Severity
from kommissorium.rules.base import Finding, at, related, rule, where

#: Upward edges: a cycle among them means nobody is on top.
_UP = (("refererer-til", "refers_to", "refererer til"), ("forbereder-for", "prepares_for", "forbereder sager for"))


def _up_edges(cs: CharterSet) -> dict[str, list[tuple[str, str, int]]]:
    """charter id → [(target id, YAML key, index)] over refers-to and prepares-for."""
    graph: dict[str, list[tuple[str, str, int]]] = {}
    for cf in cs.valid():
        out = graph.setdefault(cf.id, [])
        for key, attr, _ in _UP:
            for i, t in enumerate(getattr(cf.charter.relations, attr)):
                if t in cs.by_id and cs.by_id[t].charter is not None:
                    out.append((t, key, i))
    return graph


def _sccs(graph: dict[str, list[tuple[str, str, int]]]) -> list[list[str]]:
    """Tarjan's strongly connected components (iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            v, pi = work.pop()
            if pi == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on.add(v)
            succ = [t for t, _, _ in graph.get(v, [])]
            recurse = False
            for k in range(pi, len(succ)):
                w = succ[k]
                if w not in index:
                    work.append((v, k + 1))
                    work.append((w, 0))
                    recurse = True
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            if recurse:
                continue
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
    return out


def _cycle_from(start: str, members: set[str],
                graph: dict[str, list[tuple[str, str, int]]]) -> list[tuple[str, str, int, str]]:
    """Shortest cycle through ``start`` inside an SCC: [(from, key, index, to)]."""
    from collections import deque

    prev: dict[str, tuple[str, str, int]] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        v = queue.popleft()
        for t, key, i in graph.get(v, []):
            if t not in members:
                continue
            if t == start:
                path = [(v, key, i, t)]
                while v != start:
                    pv, pk, pi = prev[v]
                    path.append((pv, pk, pi, v))
                    v = pv
                return list(reversed(path))
            if t not in seen:
                seen.add(t)
                prev[t] = (v, key, i)
                queue.append(t)
    return []


@rule(
    "X001",
    "relationer.cyklus",
    Severity.ERROR,
    "'refererer-til' og 'forbereder-for' danner en ring mellem organer.",
)
def reporting_cycle(cs: CharterSet) -> Iterator[Finding]:
    """
    `refererer-til` og `forbereder-for` peger opad i organiseringen: klyngens faglige niveau
    refererer til klyngens politiske niveau, som refererer til Sundhedssamarbejdsudvalget.
    Går pilene i ring, er der intet øverste organ, og ingen ved, hvem der beslutter. Ringen
    skrives som sti, og fundet står ved den første pil i ringen.

    Godt:
        # a.yaml: relationer: {refererer-til: x/b}     b.yaml: relationer: {refererer-til: x/c}

    Dårligt:
        # a.yaml: relationer: {refererer-til: x/b}     b.yaml: relationer: {forbereder-for: x/a}
    """
    graph = _up_edges(cs)
    for comp in _sccs(graph):
        members = set(comp)
        start = min(comp)
        self_loop = any(t == start for t, _, _ in graph.get(start, []))
        if len(comp) == 1 and not self_loop:
            continue
        cycle = _cycle_from(start, members, graph)
        if not cycle:
            continue
        verbs = {k: v for k, _, v in _UP}
        steps = [cycle[0][0]]
        for _, key, _, to in cycle:
            steps.append(f"({verbs[key]}) {to}")
        first = cycle[0]
        cf = cs.get(first[0])
        others = tuple(
            related(cs.get(a), "relationer", key, i, message=f"{a} {verbs[key]} {b}")
            for a, key, i, b in cycle[1:]
        )
        yield Finding(
            f"Relationerne går i ring: {' → '.join(steps)}. Et organ kan ikke (indirekte) "
            "referere til sig selv; fjern eller vend én af pilene.",
            related=others,
            **at(cf, "relationer", first[1], first[2]),
        )


@rule(
    "X002",
    "relationer.ensidig",
    Severity.WARNING,
    "En relation er kun angivet i den ene ende (koordinering, undergrupper).",
)
def one_sided(cs: CharterSet) -> Iterator[Finding]:
    """
    Nogle relationer har to ender, som begge kommissorier bør nævne:
    `koordinerer-med` gælder begge veje (det andet organ nævner det første i en af sine
    relationer); nævner et organ et andet som `undergrupper`, skal undergruppen
    `refererer-til` eller være `del-af` det; og er et organ `del-af` et andet, der opregner
    sine undergrupper, skal det stå blandt dem. Ellers er et af kommissorierne forældet.

    Godt:
        # a.yaml: relationer: {koordinerer-med: x/b}    b.yaml: relationer: {koordinerer-med: x/a}

    Dårligt:
        # a.yaml: relationer: {koordinerer-med: x/b}    b.yaml: (nævner ikke x/a)
    """
    from kommissorium.model.charter import RELATION_EDGES

    def mentions(src: str, target: str) -> bool:
        c = cs.charter(src)
        if c is None:
            return False
        rel = c.relations
        if any(target in getattr(rel, attr) for _, attr, _ in RELATION_EDGES):
            return True
        if any(sg.ref == target for sg in rel.subgroups):
            return True
        if c.secretariat is not None and target in (c.secretariat.coordinates_with
                                                    + c.secretariat.provided_by):
            return True
        return False

    for cf in cs.valid():
        rel = cf.charter.relations
        for i, t in enumerate(rel.coordinates_with):
            other = cs.get(t)
            if other is None or other.charter is None or t == cf.id:
                continue
            if not mentions(t, cf.id):
                yield Finding(
                    f"'{cf.charter.name}' koordinerer med '{other.charter.name}', men "
                    f"{other.display} nævner ikke '{cf.id}' i sine relationer. Tilføj "
                    f"'koordinerer-med: {cf.id}' dér, eller fjern relationen her.",
                    related=(related(other, "relationer", key=True, message="den anden ende"),),
                    **at(cf, "relationer", "koordinerer-med", i),
                )
        for i, sg in enumerate(rel.subgroups):
            other = cs.get(sg.ref) if sg.ref else None
            if other is None or other.charter is None or sg.ref == cf.id:
                continue
            orel = other.charter.relations
            if cf.id in orel.refers_to or cf.id in orel.part_of:
                continue
            yield Finding(
                f"'{cf.charter.name}' har '{other.charter.name}' som undergruppe, men "
                f"{other.display} hverken refererer til eller er del af '{cf.id}'. Tilføj "
                f"'refererer-til: {cf.id}' dér.",
                related=(related(other, "relationer", key=True, message="undergruppen"),),
                **at(cf, "relationer", "undergrupper", i),
            )
        for i, t in enumerate(rel.part_of):
            other = cs.get(t)
            if other is None or other.charter is None or t == cf.id:
                continue
            subs = [sg.ref for sg in other.charter.relations.subgroups if sg.ref]
            if not subs or cf.id in subs:
                continue
            yield Finding(
                f"'{cf.charter.name}' er del af '{other.charter.name}', men står ikke blandt "
                f"dets undergrupper ({where(other, 'relationer', 'undergrupper')}).",
                related=(related(other, "relationer", "undergrupper", message="undergrupperne"),),
                **at(cf, "relationer", "del-af", i),
            )


@rule(
    "X003",
    "relationer.isoleret",
    Severity.INFO,
    "Et organ hverken henviser til eller nævnes af et andet kommissorium.",
)
def orphan(cs: CharterSet) -> Iterator[Finding]:
    """
    Samarbejdsorganer hænger sammen: et organ refererer til, forbereder for, udpeges af eller
    koordinerer med et andet. Et kommissorium uden nogen henvisning til et andet kommissorium,
    og som intet andet kommissorium nævner, er måske ikke koblet på endnu. Relationer til organer
    i registret (fx et byråd, som et ældreråd rådgiver) tæller også. Kun til orientering.

    Godt:
        relationer: {refererer-til: nordjylland/sundhedssamarbejdsudvalget}

    Dårligt:
        # et kommissorium uden relationer, som ingen andre kommissorier nævner
    """
    linked: set[str] = set()
    for cf in cs.valid():
        for path, ref in refs_in(cf.charter):
            if ref != cf.id and ref in cs.by_id:
                linked.add(cf.id)
                linked.add(ref)
            elif path[0] in ("relationer", "møder") and cs.registry.get(ref) is not None:
                # A municipal council that advises the byråd (a registry body) is connected.
                linked.add(cf.id)
    if len(cs.by_id) < 2:
        return
    for cf in cs.valid():
        if cf.id in linked:
            continue
        yield Finding(
            f"'{cf.charter.name}' hverken henviser til eller nævnes af et andet kommissorium. "
            "Tilføj dets relationer (fx 'refererer-til').",
            **at(cf, "navn"),
        )
