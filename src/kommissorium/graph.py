"""The organisation diagram: bodies and the relations between them.

Nodes are the charters (label: the body's name, with its short name and meeting frequency),
grouped by region and, inside a region, by level (the charter type). Edges are typed by
relation — refers to, prepares for, recommends to, annual status, tasks from, coordinates with,
appointed by, part of — plus frames (``udbygger``), subgroups and seats filled by another body's
members. References to registry entries (KKR, PLO, …) become external nodes drawn apart.

Output as Mermaid (GitHub renders it in pull requests and READMEs) or Graphviz DOT; SVG and PDF
through the ``dot`` program of Graphviz.
"""

from __future__ import annotations

from kommissorium.danish import BODY_TYPE_GROUPS, RELATION_LABELS, frequency

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date

from kommissorium.errors import KommissoriumError

if TYPE_CHECKING:  # pragma: no cover
    from kommissorium.corpus import CharterSet

#: Level (charter type) → group label, in the order the diagram shows them (top to bottom).
LEVELS: dict[str, str] = BODY_TYPE_GROUPS

#: Edge kind → (mermaid arrow, dot style); the labels are the phrasebook's (RELATION_LABELS).
_EDGE_STYLES: dict[str, tuple[str, str]] = {
    "refers_to": ("-->", "solid"),
    "prepares_for": ("-->", "solid"),
    "recommends_to": ("-->", "solid"),
    "annual_status_to": ("-->", "solid"),
    "tasks_from": ("-->", "solid"),
    "coordinates_with": ("-.-", "dashed"),
    "appointed_by": ("-.->", "dashed"),
    "part_of": ("-->", "solid"),
    "extends": ("==>", "bold"),
    "subgroup": ("-->", "solid"),
    "members_of": ("-.->", "dotted"),
}
#: Edge kind → (Danish label, mermaid arrow, dot style).
EDGE_KINDS: dict[str, tuple[str, str, str]] = {
    kind: (RELATION_LABELS[kind], arrow, style) for kind, (arrow, style) in _EDGE_STYLES.items()
}

NATIONAL = "landsdaekkende"


class GraphError(KommissoriumError):
    """Graphviz missing or failing: exit code 2 with this Danish message."""


@dataclass
class Node:
    id: str
    label: str
    region: str  # group key
    region_label: str
    level: str  # group key inside the region ('' for external nodes)
    external: bool = False
    detail: str = ""


@dataclass
class Edge:
    source: str
    target: str
    kind: str

    @property
    def label(self) -> str:
        return EDGE_KINDS[self.kind][0]


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    title: str = "Organisationsdiagram"

    def edge_set(self) -> set[tuple[str, str, str]]:
        return {(e.source, e.target, e.kind) for e in self.edges}


def _region(cs: "CharterSet", area: str, when: "date | None" = None) -> tuple[str, str]:
    region = cs.registry.region_of(area, when)
    if region is None:
        entry = cs.registry.get(area)
        if area == NATIONAL or (entry is not None and entry.kind == "land"):
            return NATIONAL, "Landsdækkende"
        return "andet", "Øvrige"
    return region, cs.name_of(region)


def _matches_region(cs: "CharterSet", area: str, wanted: str,
                    when: "date | None" = None) -> bool:
    key, label = _region(cs, area, when)
    w = wanted.strip().lower()
    return w in (key, key.removeprefix("region-"), label.lower())


def _exists_on(cs: "CharterSet", cf: object, when: "date") -> bool:
    """A charter's body exists on the day: not ended, begun, and its area and body not abolished
    (`graph --dato`)."""
    from kommissorium.transition import charter_change

    c = cf.charter  # type: ignore[attr-defined]
    if c.valid is not None and c.valid.start is not None and c.valid.start.first_day > when:
        return False
    return charter_change(cs, cf.id, when) is None  # type: ignore[attr-defined]


def build_graph(cs: "CharterSet", region: str | None = None, source: str | None = None,
                under: str | None = None, externals: bool = True,
                when: "date | None" = None) -> Graph:
    """The diagram of every valid charter in the set, optionally filtered; with ``when``, only
    the bodies that exist that day, grouped by the regions of that day."""
    from kommissorium.model.charter import RELATION_EDGES

    g = Graph()
    chosen = []
    for cf in cs.valid():
        c = cf.charter
        if when is not None and not _exists_on(cs, cf, when):
            continue
        if region and not _matches_region(cs, c.area, region, when):
            continue
        if source and source.lower() not in (c.source or "").lower():
            continue
        if under and not (cf.id == under or cf.id.startswith(under.rstrip("/") + "/")):
            continue
        chosen.append(cf)
    for cf in chosen:
        c = cf.charter
        rkey, rlabel = _region(cs, c.area, when)
        label = c.name + (f" ({c.short_name})" if c.short_name else "")
        detail = ""
        if c.meetings and c.meetings.per_year:
            detail = frequency(c.meetings.per_year)
        g.nodes[cf.id] = Node(cf.id, label, rkey, rlabel, c.type.value, detail=detail)
    if source:
        g.title = f"Organisationsdiagram – {source}"
    elif region:
        g.title = f"Organisationsdiagram – {g.nodes[next(iter(g.nodes))].region_label}" if g.nodes \
            else "Organisationsdiagram"
    if when is not None:
        from kommissorium.danish.transition import as_of

        g.title = f"{g.title} {as_of(when)}"

    seen: set[tuple[str, str, str]] = set()

    def ensure(ref: str) -> bool:
        if ref in g.nodes:
            return True
        if not externals:
            return False
        if when is not None:
            from kommissorium.transition import ref_change

            if ref_change(cs, ref, when) is not None:
                return False  # gone that day
        target = cs.charter(ref)
        if target is not None:
            rkey, rlabel = _region(cs, target.area, when)
        elif cs.registry.get(ref) is not None:
            rkey, rlabel = _region(cs, ref, when)
        else:
            return False  # an unknown reference: rule R001 reports it
        g.nodes[ref] = Node(ref, cs.name_of(ref), rkey, rlabel, "", external=True)
        return True

    def add(src: str, dst: str, kind: str) -> None:
        if not (ensure(src) and ensure(dst)):
            return
        if kind == "coordinates_with":  # symmetric: one edge per pair
            key = (min(src, dst), max(src, dst), kind)
        else:
            key = (src, dst, kind)
        if key in seen or src == dst:
            return
        seen.add(key)
        g.edges.append(Edge(src, dst, kind))

    for cf in chosen:
        c = cf.charter
        if c.extends:
            add(cf.id, c.extends, "extends")
        for _, attr, _ in RELATION_EDGES:
            for ref in getattr(c.relations, attr):
                add(cf.id, ref, attr)
        for sg in c.relations.subgroups:
            if sg.ref:
                add(sg.ref, cf.id, "subgroup")
            elif sg.name:
                sub_id = f"{cf.id}#{re.sub(r'[^a-z0-9]+', '-', sg.name.lower()).strip('-')}"
                node = g.nodes[cf.id]
                g.nodes.setdefault(sub_id, Node(sub_id, sg.name, node.region, node.region_label,
                                                node.level, external=True))
                add(sub_id, cf.id, "subgroup")
        if c.composition:
            for seat in [*c.composition.members, *c.composition.participants]:
                if seat.members_of:
                    add(cf.id, seat.members_of, "members_of")
    return g


# -- Mermaid -----------------------------------------------------------------------------------


def _mid(text: str) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9]", "_", text)


def _mlabel(text: str) -> str:
    return text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _groups(g: Graph) -> dict[tuple[str, str], dict[str, list[Node]]]:
    groups: dict[tuple[str, str], dict[str, list[Node]]] = {}
    for n in sorted(g.nodes.values(), key=lambda n: (n.external, n.label.lower())):
        groups.setdefault((n.region, n.region_label), {}).setdefault(n.level, []).append(n)
    order = {NATIONAL: 0}
    return dict(sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], 1), kv[0][1])))


def _level_order(level: str) -> int:
    keys = list(LEVELS)
    return keys.index(level) if level in keys else len(keys)


def to_mermaid(g: Graph) -> str:
    lines = [f"---\ntitle: {g.title}\n---", "flowchart TB"]
    for (rkey, rlabel), levels in _groups(g).items():
        lines.append(f'  subgraph {_mid("r_" + rkey)}["{_mlabel(rlabel)}"]')
        for level in sorted(levels, key=_level_order):
            nodes = levels[level]
            indent = "    "
            if level:
                lines.append(f'    subgraph {_mid("l_" + rkey + "_" + level)}'
                             f'["{_mlabel(LEVELS.get(level, level))}"]')
                indent = "      "
            for n in nodes:
                text = _mlabel(n.label)
                if n.detail:
                    text += f"<br/><small>{_mlabel(n.detail)}</small>"
                shape = f'(["{text}"])' if n.external else f'["{text}"]'
                lines.append(f"{indent}{_mid(n.id)}{shape}")
            if level:
                lines.append("    end")
        lines.append("  end")
    for e in g.edges:
        arrow = EDGE_KINDS[e.kind][1]
        lines.append(f'  {_mid(e.source)} {arrow}|"{_mlabel(e.label)}"| {_mid(e.target)}')
    externals = [n for n in g.nodes.values() if n.external]
    if externals:
        lines.append("  classDef ekstern fill:#f4f4f4,stroke:#888,stroke-dasharray:4 3,color:#333")
        lines.append("  class " + ",".join(_mid(n.id) for n in externals) + " ekstern")
    return "\n".join(lines) + "\n"


# -- Graphviz ------------------------------------------------------------------------------------

_FILL = {
    "politisk": "#fde2c8", "administrativ": "#d6e6f5", "fagligt-strategisk": "#dcefd9",
    "udvalg": "#efe0f3", "forum": "#fff3c4", "netværk": "#e8e8e8", "arbejdsgruppe": "#f2f2f2",
    "sekretariat": "#f7f7f7",
}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(g: Graph) -> str:
    """Regions as clusters, levels as nested clusters; edges lay the bodies out top to bottom.

    Levels are not forced into rows across regions: that made one very wide picture with
    mostly empty space. Within a region the relations (refers to, prepares for, frames) give
    the vertical order, so the diagram stays compact and readable in print and on screen.
    """
    out = [
        "digraph kommissorier {",
        f'  graph [charset="UTF-8", rankdir=TB, fontname="DejaVu Sans", fontsize=12, '
        f'labelloc=t, label={_q(g.title)}, compound=true, nodesep=0.25, ranksep=0.45, '
        'pack=true, packmode="clust"];',
        '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=10];',
        '  edge [fontname="DejaVu Sans", fontsize=8, color="#555555"];',
    ]
    groups = _groups(g)
    for gi, ((rkey, rlabel), levels) in enumerate(groups.items()):
        out.append(f"  subgraph cluster_{gi} {{")
        out.append(f"    label={_q(rlabel)}; style=rounded; color=\"#999999\"; fontsize=14;")
        for li, level in enumerate(sorted(levels, key=_level_order)):
            nested = bool(level) and len(levels) > 1
            indent = "      " if nested else "    "
            if nested:
                out.append(f"    subgraph cluster_{gi}_{li} {{")
                out.append(f"      label={_q(LEVELS.get(level, level))}; style=\"rounded,dashed\"; "
                           'color="#cccccc"; fontsize=10; fontcolor="#444444";')
            for n in levels[level]:
                label = n.label + (f"\n{n.detail}" if n.detail else "")
                if n.external:
                    attrs = 'shape=ellipse, style="dashed,filled", fillcolor="#f4f4f4"'
                else:
                    attrs = f'fillcolor="{_FILL.get(n.level, "#ffffff")}"'
                out.append(f"{indent}{_q(n.id)} [label={_q(label)}, {attrs}];")
            if nested:
                out.append("    }")
        out.append("  }")
    for e in g.edges:
        style = EDGE_KINDS[e.kind][2]
        if e.kind in ("extends", "subgroup"):
            # laid out from the frame/parent down, arrow still pointing at it
            out.append(f"  {_q(e.target)} -> {_q(e.source)} [label={_q(e.label)}, style={style}, "
                       "dir=back];")
            continue
        extra = ", dir=none, constraint=false" if e.kind == "coordinates_with" else ""
        out.append(f"  {_q(e.source)} -> {_q(e.target)} [label={_q(e.label)}, style={style}{extra}];")
    out.append("}")
    return "\n".join(out) + "\n"


def render_graphviz(dot: str, fmt: str) -> bytes:
    """SVG or PDF bytes from DOT source through Graphviz's ``dot``."""
    exe = shutil.which("dot")
    if exe is None:
        raise GraphError(
            "Graphviz' program 'dot' findes ikke, så SVG og PDF kan ikke laves. Installér Graphviz "
            "(Debian/Ubuntu: 'sudo apt-get install graphviz'), eller brug '--format mermaid', "
            "som ikke kræver noget."
        )
    try:
        proc = subprocess.run([exe, f"-T{fmt}"], input=dot.encode("utf-8"), capture_output=True,
                              timeout=120, check=False)
    except subprocess.TimeoutExpired:
        raise GraphError("Graphviz brugte mere end 120 sekunder; diagrammet er ikke lavet.") from None
    if proc.returncode != 0:
        raise GraphError("Graphviz fejlede: " + proc.stderr.decode("utf-8", "replace").strip())
    return proc.stdout
