"""The organisation diagram as SVG (Graphviz ``dot``), made accessible for the site.

The SVG comes from the graph stage (``kommissorium.graph``) when it is there. Inline in the page
it gets ``role="img"``, a ``<title>`` and a ``<desc>``; the page beside it lists every relation
as text with links, which is the text alternative.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import Callable

from kommissorium.corpus import CharterSet
from kommissorium.site.relations import RelationIndex

TITLE = "Organisationsdiagram"
_TIMEOUT = 60


@dataclass(frozen=True)
class Svg:
    standalone: str  # a complete SVG file
    inline: str  # the <svg> element for embedding in HTML


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def fallback_dot(cs: CharterSet, ids: list[str], rel: RelationIndex,
                 name: Callable[[str], str]) -> str:
    """A plain dot graph of the bodies and their relations (used without the graph stage)."""
    lines = ["digraph kommissorier {", '  graph [rankdir=LR, fontname="Liberation Sans"];',
             '  node [shape=box, style="rounded", fontname="Liberation Sans", fontsize=11];',
             '  edge [fontname="Liberation Sans", fontsize=9];']
    nodes = set(ids)
    for cid in ids:
        lines.append(f"  {_dot_quote(cid)} [label={_dot_quote(name(cid))}];")
    for e in rel.all():
        if e.target not in nodes:
            continue
        lines.append(f"  {_dot_quote(e.source)} -> {_dot_quote(e.target)} [label={_dot_quote(e.verb)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def graph_dot(cs: CharterSet, ids: list[str], rel: RelationIndex,
              name: Callable[[str], str]) -> str:
    try:
        from kommissorium import graph  # type: ignore[attr-defined]
    except ImportError:
        graph = None
    if graph is not None and hasattr(graph, "to_dot"):
        return graph.to_dot(cs)  # type: ignore[no-any-return]
    return fallback_dot(cs, ids, rel, name)


def run_dot(dot_source: str) -> str | None:
    exe = shutil.which("dot")
    if exe is None:
        return None
    try:
        result = subprocess.run(
            [exe, "-Tsvg"], input=dot_source, capture_output=True, text=True, encoding="utf-8",
            timeout=_TIMEOUT, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 and "<svg" in result.stdout else None


_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_SIZE = re.compile(r'\s(width|height)="[^"]*"')
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def accessible_svg(svg: str, count: int, edges: int) -> Svg:
    """Give the SVG a title and description, and make it scale with the page."""
    from markupsafe import escape

    body = _COMMENT.sub("", _PROLOG.sub("", svg, count=1)).strip()
    desc = (f"Diagram over {count} organer og {edges} relationer mellem dem. "
            "Den samme information står som tekst under diagrammet.")
    head_end = body.index(">") + 1
    open_tag = body[:head_end]
    rest = body[head_end:]
    inline_tag = _SIZE.sub("", open_tag).replace(
        "<svg", '<svg role="img" aria-labelledby="diagram-titel diagram-beskrivelse" '
        'focusable="false" width="100%"', 1)
    inline = (f'{inline_tag}\n<title id="diagram-titel">{escape(TITLE)}</title>\n'
              f'<desc id="diagram-beskrivelse">{escape(desc)}</desc>{rest}')
    standalone = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
                  + open_tag.replace("<svg", '<svg xml:lang="da"', 1)
                  + f"\n<title>{escape(TITLE)}</title>\n<desc>{escape(desc)}</desc>{rest}\n")
    return Svg(standalone, inline)


def diagram_svg(cs: CharterSet, ids: list[str], rel: RelationIndex,
                name: Callable[[str], str]) -> Svg | None:
    """The diagram, or None when Graphviz is not installed."""
    svg = run_dot(graph_dot(cs, ids, rel, name))
    if svg is None:
        return None
    return accessible_svg(svg, len(ids), len([e for e in rel.all() if e.target in set(ids)]))
