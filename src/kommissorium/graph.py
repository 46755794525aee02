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
    "advises": ("-.->", "dashed"),
    "gives_input_to": ("-.->", "dashed"),
    "sets_direction_for": ("-->", "solid"),
    "board_of": ("-->", "solid"),
    "delegates_to": ("-->", "solid"),
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
    "sekretariat": "#f7f7f7", "sundhedsråd": "#f9cfa6", "råd": "#fde2c8",
    "bestyrelse": "#fde2c8", "stående-udvalg": "#efe0f3", "særligt-udvalg": "#efe0f3",
}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


#: Levels top-down in the diagram: political bodies above administrative ones above working
#: groups and secretariats; bodies from outside the selection (externals) at the bottom.
DIAGRAM_LEVELS: tuple[str, ...] = (
    "politisk", "sundhedsråd", "råd", "bestyrelse", "stående-udvalg", "særligt-udvalg",
    "administrativ", "fagligt-strategisk", "udvalg", "forum", "netværk", "arbejdsgruppe",
    "sekretariat",
)

#: The widest a diagram's bodies are laid out (points): with the margin the picture stays under
#: 960 pt = 1,280 CSS pixels, so it is shown at full size in a 1,280-pixel window and its
#: 8-point labels stay 10.7 pixels high.
MAX_WIDTH_PT = 900
#: Node labels are wrapped at this many characters.
WRAP = 26


def _diagram_level(level: str) -> int:
    if level in DIAGRAM_LEVELS:
        return DIAGRAM_LEVELS.index(level)
    return len(DIAGRAM_LEVELS) + (1 if not level else 0)


def _wrap(text: str, width: int = WRAP) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def _node_width(lines: list[str]) -> float:
    """Estimated width in points of a box with these lines (DejaVu Sans 10 pt, margins)."""
    return max(len(line) for line in lines) * 6.3 + 20


@dataclass
class MergedEdge:
    """All relations between two bodies as one line: 'refererer til' and 'forbereder for' from
    A to B are drawn once with both labels."""

    source: str
    target: str
    labels: list[str]
    kinds: list[str]
    both: bool = False  # relations in both directions

    @property
    def style(self) -> str:
        styles = {EDGE_KINDS[k][2] for k in self.kinds}
        return "solid" if "solid" in styles or "bold" in styles else sorted(styles)[0]

    @property
    def undirected(self) -> bool:
        return all(k == "coordinates_with" for k in self.kinds)


def merged_edges(g: Graph) -> list[MergedEdge]:
    """The graph's edges with parallel ones (same two bodies, either direction) merged."""
    by_pair: dict[frozenset[str], MergedEdge] = {}
    order: list[frozenset[str]] = []
    for e in g.edges:
        # a subgroup or a frame points at its parent: draw from the parent down to it
        src, dst = (e.target, e.source) if e.kind in ("extends", "subgroup") else (e.source, e.target)
        label = RELATION_LABELS[e.kind]
        if e.kind in ("extends", "subgroup"):
            label = {"extends": "udbygges af", "subgroup": "undergruppe"}[e.kind]
        pair = frozenset((src, dst))
        m = by_pair.get(pair)
        if m is None:
            by_pair[pair] = MergedEdge(src, dst, [label], [e.kind])
            order.append(pair)
            continue
        if label not in m.labels:
            m.labels.append(label)
        m.kinds.append(e.kind)
        if src != m.source and e.kind != "coordinates_with":
            m.both = True
    return [by_pair[p] for p in order]


def _node_size(lines: list[str], fontsize: float = 10) -> tuple[float, float]:
    """Width and height in points of a box with these lines (DejaVu Sans, with margins)."""
    width = max(len(line) for line in lines) * fontsize * 0.64 + 18
    return width, len(lines) * fontsize * 1.25 + 12


@dataclass
class _Placed:
    id: str
    lines: list[str]
    x: float
    y: float
    w: float
    h: float
    attrs: str


def layout(g: Graph, max_width: float = MAX_WIDTH_PT) -> tuple[list[_Placed], float, float]:
    """Place the bodies on a grid: area groups top-down, inside each the levels top-down
    (political above administrative above working groups, bodies from elsewhere last), each
    level's bodies left to right, wrapping onto a new row before ``max_width`` points. Returns
    the placed nodes (centres, y grows downwards) and the drawing's width and height."""
    placed: list[_Placed] = []
    label_w = 96.0  # the column with the level names
    gap_x, gap_y, level_gap, group_gap = 16.0, 52.0, 12.0, 36.0
    y = 0.0
    width = 0.0
    groups = _groups(g)
    # groups with the diagram's own bodies first; groups of only outside bodies below them
    order = sorted(groups.items(), key=lambda kv: all(
        n.external for nodes in kv[1].values() for n in nodes))
    multi = len(groups) > 1
    for gi, ((rkey, rlabel), levels) in enumerate(order):
        if multi:
            lines = [rlabel]
            w, h = _node_size(lines, 14)
            placed.append(_Placed(f"gruppe_{gi}", lines, w / 2, y + h / 2, w, h,
                                  'shape=plaintext, style="", fontsize=14'))
            y += h + 8
        for li, level in enumerate(sorted(levels, key=_diagram_level)):
            name = LEVELS.get(level, level) if level else "Andre organer"
            head = _wrap(name, 13)
            hw, hh = _node_size(head, 10)
            row_top = y
            x = label_w
            row: list[_Placed] = []

            def finish(row: list[_Placed], top: float) -> float:
                height = max(n.h for n in row)
                for n in row:
                    n.y = top + height / 2
                return top + height

            for n in levels[level]:
                lines = _wrap(n.label) + (_wrap(n.detail, WRAP + 4) if n.detail else [])
                w, h = _node_size(lines)
                if row and x + w > max_width:
                    y = finish(row, y) + gap_y
                    x = label_w
                    row = []
                if n.external:
                    attrs = 'shape=box, style="rounded,dashed,filled", fillcolor="#f4f4f4"'
                else:
                    attrs = f'fillcolor="{_FILL.get(n.level, "#ffffff")}"'
                item = _Placed(n.id, lines, x + w / 2, 0.0, w, h, attrs)
                row.append(item)
                placed.append(item)
                x += w + gap_x
                width = max(width, x - gap_x)
            if row:
                y = finish(row, y)
            placed.append(_Placed(f"niveau_{gi}_{li}", head, label_w / 2 - 4,
                                  row_top + hh / 2, label_w - 8, hh,
                                  'shape=plaintext, style="", fontcolor="#444444"'))
            y += gap_y + level_gap
        y += group_gap
    return placed, max(width, label_w), y


def to_dot(g: Graph, max_width: float = MAX_WIDTH_PT) -> str:
    """The diagram for Graphviz with every body placed (``neato -n2``; see ``layout``): levels
    as rows top-down, wide levels wrapped, never wider than ``max_width`` points. All relations
    between two bodies are one line with a combined label; lines are routed around the boxes."""
    placed, width, height = layout(g, max_width)
    out = [
        "digraph kommissorier {",
        f'  graph [charset="UTF-8", fontname="DejaVu Sans", fontsize=12, labelloc=t, '
        f'label={_q(g.title)}, splines=true, outputorder=edgesfirst, pad=0.2];',
        '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=10, '
        'margin="0.08,0.04", fixedsize=true];',
        '  edge [fontname="DejaVu Sans", fontsize=8, color="#666666", fontcolor="#333333", '
        'arrowsize=0.7];',
    ]
    for n in placed:
        # y grows downwards in the layout, upwards in Graphviz
        out.append(f"  {_q(n.id)} [label={_q(chr(10).join(n.lines))}, {n.attrs}, "
                   f'pos="{n.x:.1f},{height - n.y:.1f}!", width={n.w / 72:.3f}, '
                   f"height={n.h / 72:.3f}];")
    for m in merged_edges(g):
        attrs = [f"label={_q(chr(10).join(m.labels))}", f"style={m.style}"]
        if m.undirected:
            attrs.append("dir=none")
        elif m.both:
            attrs.append("dir=both")
        out.append(f"  {_q(m.source)} -> {_q(m.target)} [{', '.join(attrs)}];")
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
        # the bodies are placed by ``layout``: neato only routes the lines (-n2)
        proc = subprocess.run([exe, "-Kneato", "-n2", f"-T{fmt}"], input=dot.encode("utf-8"),
                              capture_output=True,
                              timeout=120, check=False)
    except subprocess.TimeoutExpired:
        raise GraphError("Graphviz brugte mere end 120 sekunder; diagrammet er ikke lavet.") from None
    if proc.returncode != 0:
        raise GraphError("Graphviz fejlede: " + proc.stderr.decode("utf-8", "replace").strip())
    return proc.stdout
